//! Turning results into text: one module per format. Renderers return
//! strings; the binary writes them out.

pub mod export;
pub mod graph;
pub mod html;
pub mod json;
pub mod listing;
pub mod pathways;
pub mod plan;
pub mod table;
pub mod text;

/// How output should look, decided once by the binary.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colour and bold.
    pub color: bool,
    /// Box-drawing borders; off when piped, so output is plain ASCII.
    pub fancy: bool,
    /// Columns available.
    pub width: u16,
}

impl Style {
    /// Plain ASCII at 100 columns: for pipes, files and tests.
    pub const PLAIN: Style = Style {
        color: false,
        fancy: false,
        width: 100,
    };
}
