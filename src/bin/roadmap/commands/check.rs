//! `roadmap check`: validate data and summarise it, or list records by how
//! long ago they were checked (`--stale`).

use super::{App, emit, status, today};
use crate::cli::CheckArgs;
use hcsw_roadmap::engine::summary::{check_summary, stale_records};
use hcsw_roadmap::render::render;
use hcsw_roadmap::{Error, Result, load, terminal};

pub fn run(app: &App, a: &CheckArgs) -> Result<()> {
    let layers = app.layers()?;
    let files: usize = layers.iter().map(Vec::len).sum();
    let today = today();
    let mut checked = load::check_on(layers, Some(&today)).map_err(Error::InvalidData)?;
    checked.roadmap.national = app.global.data.is_none() && app.global.overlay.is_empty();
    if !checked.warnings.diagnostics.is_empty() {
        // Warnings do not make the data invalid: said, and the exit is 0.
        status(checked.warnings.render(app.stderr_color).trim_end());
    }
    if a.stale {
        let before = match a.older_than {
            Some(span) => Some(
                today
                    .parse::<jiff::civil::Date>()
                    .and_then(|d| d.checked_sub(span))
                    .map_err(|e| Error::Usage(format!("--older-than: {e}")))?
                    .to_string(),
            ),
            None => None,
        };
        let list = stale_records(&checked.roadmap, &checked.places, &today, before.as_deref());
        return emit(&render(&list, a.out.format, app.style));
    }
    let described = match &app.global.data {
        Some(d) => format!("the data in {}", terminal::path(d)),
        None => "the national roadmap data".to_string(),
    };
    let overlays = app
        .global
        .overlay
        .iter()
        .map(|p| terminal::path(p))
        .collect();
    let summary = check_summary(&checked.roadmap, described, overlays, files);
    emit(&render(&summary, a.out.format, app.style))
}
