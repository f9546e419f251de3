//! `roadmap export`: the roadmap, or a part of it, in the formats educators'
//! tools read.

use super::{App, emit, refuse_existing, status, write_new_file};
use crate::cli::ExportArgs;
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::engine::scope::ScopeQuery;
use hcsw_roadmap::matching::did_you_mean;
use hcsw_roadmap::{Error, Result, render, terminal};

pub fn run(app: &App, a: &ExportArgs) -> Result<()> {
    let engine = app.engine()?;
    let map = engine.map;
    // Refuse an existing output before doing any work.
    refuse_existing(a.output.as_deref(), a.force)?;
    let role = |flag: &str, text: &Option<String>| -> Result<Option<String>> {
        text.as_deref()
            .map(|t| {
                engine
                    .resolve_position(t)
                    .map(|p| p.role.meta.id.to_string())
                    .map_err(|e| Error::Usage(format!("{flag}: {e}")))
            })
            .transpose()
    };
    let from = role("--from", &a.from)?;
    let to = role("--to", &a.to)?;
    engine
        .check_filter(&Filter {
            setting: a.setting.clone(),
            family: a.family.clone(),
            ..Default::default()
        })
        .map_err(Error::Usage)?;
    if let Some(area) = &a.area
        && map.area(area).is_none()
    {
        let ids: Vec<&str> = map.areas.iter().map(|x| x.meta.id.as_str()).collect();
        let hint = did_you_mean(area, ids.iter().copied())
            .map_or(String::new(), |s| format!("\n  did you mean `{s}`?"));
        return Err(Error::Usage(format!(
            "--area: no area \"{area}\"{hint}\n  the areas are: {}",
            hcsw_roadmap::words::few(&ids)
        )));
    }
    let q = ScopeQuery {
        from,
        to,
        depth: a.depth.0,
        area: a.area.clone(),
        setting: a.setting.clone(),
        family: a.family.clone(),
    };
    let mut doc = engine.export(&q);
    if a.format == render::ExportFormat::Html {
        // The page answers "where can I go from here?" from the whole roadmap.
        doc.page = Some(engine.page_data());
    }
    let text = render::export(&doc, a.format);
    match &a.output {
        Some(o) => {
            write_new_file(o, text.as_bytes(), a.force)?;
            status(&format!(
                "Wrote {} ({} bytes)",
                terminal::path(o),
                text.len()
            ));
            Ok(())
        }
        None => emit(&text),
    }
}
