//! Turning answers into text. Each format is one module that renders every
//! answer it applies to: `text` (a person at a terminal), `csv`, `markdown`,
//! `json`, and for exports `graph` (Mermaid, DOT, SVG) and `html`.
//! Renderers return strings; the binary writes them out.
//!
//! A format is a trait ([`Text`], [`Csv`], [`Markdown`]); [`Report`] is an
//! answer that has them all, and [`render`] is the one place a listing
//! `--format` is matched. Adding a format means a trait, its module, and a
//! bound on `Report`: the compiler then lists every answer that needs it.

pub mod cohort;
pub mod csv;
pub mod graph;
pub mod html;
pub mod json;
mod layout;
mod listing;
pub mod markdown;
mod phrases;
pub mod record;
pub mod text;

use crate::answers::{
    AreaList, CheckSummary, CohortReport, ExportDoc, NextSteps, PersonalPlan, RecordView, Reviewed,
    RolesList, Routes, SearchResults, StaleList,
};
use serde::Serialize;

/// How output should look, decided once by the binary.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colour and bold.
    pub color: bool,
    /// Box-drawing borders; off when piped, so output is plain ASCII.
    pub fancy: bool,
    /// Columns available.
    pub width: u16,
    /// Only ASCII characters (a terminal that says `TERM=dumb`).
    pub ascii: bool,
    /// Only the summary of a long report (`--brief`).
    pub brief: bool,
}

impl Style {
    /// Plain ASCII at 100 columns: for pipes, files and tests.
    pub const PLAIN: Style = Style {
        color: false,
        fancy: false,
        width: 100,
        ascii: false,
        brief: false,
    };
}

/// Text for a person at a terminal.
pub trait Text {
    fn text(&self, style: Style) -> String;
}

/// Comma-separated values for a spreadsheet.
pub trait Csv {
    fn csv(&self) -> String;
}

/// Markdown for a document.
pub trait Markdown {
    fn markdown(&self) -> String;
}

/// An answer says how current its data is.
pub trait Dated {
    fn data_reviewed(&self) -> &Reviewed;
}

macro_rules! dated {
    ($($t:ty),*) => { $(impl Dated for $t {
        fn data_reviewed(&self) -> &Reviewed { &self.data_reviewed }
    })* };
}
dated!(
    NextSteps,
    Routes,
    RolesList,
    AreaList<'_>,
    SearchResults,
    RecordView,
    PersonalPlan,
    CheckSummary,
    StaleList,
    CohortReport,
    ExportDoc<'_>
);

/// An answer in every listing format; JSON comes from its serde form.
pub trait Report: Serialize + Text + Csv + Markdown + Dated {}

impl<T: Serialize + Text + Csv + Markdown + Dated> Report for T {}

/// The output formats of listings and reports (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table that fits the terminal.
    Table,
    /// Stable JSON for scripts (see docs/JSON.md).
    Json,
    /// Comma-separated values, for spreadsheets.
    Csv,
    /// A Markdown table.
    Markdown,
}

/// An answer in the format asked for. Text for people and documents ends
/// by saying how current the data is.
pub fn render(r: &impl Report, format: Format, style: Style) -> String {
    match format {
        Format::Table => with_footer(r.text(style), r, "\n"),
        Format::Json => json::to_string(r),
        Format::Csv => r.csv(),
        Format::Markdown => with_footer(r.markdown(), r, "\n*"),
    }
}

/// `text`, then one line on how current the data is.
pub fn with_footer(mut text: String, r: &impl Dated, lead: &str) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(lead);
    text.push_str(&r.data_reviewed().sentence());
    if lead.ends_with('*') {
        text.push('*');
    }
    text.push('\n');
    text
}

/// The formats of `roadmap export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The whole graph with schema_version (see `roadmap schema --export`).
    Json,
    /// One row per pathway step, for spreadsheets.
    Csv,
    /// A readable handout.
    Markdown,
    /// A Mermaid flowchart, for documents and wikis.
    Mermaid,
    /// A Graphviz graph (`dot -Tpng`).
    Dot,
    /// A pathway map picture.
    Svg,
    /// One self-contained web page with the map and tables.
    Html,
}

/// An export in the format asked for.
pub fn export(doc: &ExportDoc<'_>, format: ExportFormat) -> String {
    match format {
        ExportFormat::Json => json::to_string(doc),
        ExportFormat::Csv => doc.csv(),
        ExportFormat::Markdown => with_footer(doc.markdown(), doc, "\n*"),
        ExportFormat::Mermaid => graph::mermaid(&graph::graph(doc)),
        ExportFormat::Dot => graph::dot(&graph::graph(doc)),
        ExportFormat::Svg => graph::svg(&graph::graph(doc)),
        ExportFormat::Html => html::page(doc, &graph::graph(doc)),
    }
}

/// The JSON Schema of `roadmap export --format json`.
pub fn export_schema() -> schemars::Schema {
    schemars::schema_for!(ExportDoc<'static>)
}
