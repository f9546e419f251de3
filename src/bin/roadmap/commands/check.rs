//! `roadmap check`: validate data and summarise it.

use super::{App, emit};
use hcsw_roadmap::engine::summary::check_summary;
use hcsw_roadmap::render::Text;
use hcsw_roadmap::{Error, Result, load, terminal};

pub fn run(app: &App) -> Result<()> {
    let layers = app.layers()?;
    let files: usize = layers.iter().map(Vec::len).sum();
    let checked = load::check(layers).map_err(Error::InvalidData)?;
    let roadmap = checked.roadmap;
    if !checked.warnings.diagnostics.is_empty() {
        // Warnings do not make the data invalid: said, and the exit is 0.
        super::status(checked.warnings.render(app.stderr_color).trim_end());
    }
    let checked = match &app.global.data {
        Some(d) => format!("the data in {}", terminal::path(d)),
        None => "the national roadmap data".to_string(),
    };
    let overlays = app
        .global
        .overlay
        .iter()
        .map(|p| terminal::path(p))
        .collect();
    emit(&check_summary(&roadmap, checked, overlays, files).text(app.style))
}
