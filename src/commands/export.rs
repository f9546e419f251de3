//! `roadmap export`: the roadmap, or a slice, in the formats educators'
//! tools read.

use super::{Ctx, emit, refuse_existing, status, write_new_file};
use crate::cli::{ExportArgs, ExportFormat};
use hcsw_roadmap::engine::Engine;
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::engine::scope::ScopeQuery;
use hcsw_roadmap::matching::did_you_mean;
use hcsw_roadmap::render::export;
use hcsw_roadmap::render::{graph, html};
use hcsw_roadmap::{Error, Result};

pub fn run(ctx: &Ctx, a: &ExportArgs) -> Result<()> {
    let map = ctx.roadmap()?;
    let engine = Engine::new(map);
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
            ids.join(", ")
        )));
    }
    let q = ScopeQuery {
        from,
        to,
        area: a.area.clone(),
        setting: a.setting.clone(),
        family: a.family.clone(),
    };
    let slice = engine.slice(&q);
    let scope_line = scope_words(map, &q);
    let text = match a.format {
        ExportFormat::Json => export::json(&slice, &q),
        ExportFormat::Csv => export::csv(map, &slice),
        ExportFormat::Markdown => export::markdown(map, &slice, &scope_line),
        ExportFormat::Mermaid => graph::mermaid(&graph::graph(map, &slice)),
        ExportFormat::Dot => graph::dot(&graph::graph(map, &slice)),
        ExportFormat::Svg => graph::svg(&graph::graph(map, &slice)),
        ExportFormat::Html => html::page(map, &slice, &graph::graph(map, &slice), &scope_line),
    };
    match &a.output {
        Some(o) => {
            write_new_file(o, text.as_bytes(), a.force)?;
            status(&format!(
                "Wrote {} ({} bytes)",
                hcsw_roadmap::terminal::path(o),
                text.len()
            ));
            Ok(())
        }
        None => emit(&text),
    }
}

fn scope_words(map: &hcsw_roadmap::model::Roadmap, q: &ScopeQuery) -> String {
    let t = |id: &Option<String>| id.as_deref().map(|i| map.title_of(i).to_string());
    let mut parts = Vec::new();
    if let Some(f) = t(&q.from) {
        parts.push(format!("from {f}"));
    }
    if let Some(x) = t(&q.to) {
        parts.push(format!("to {x}"));
    }
    if let Some(x) = t(&q.area) {
        parts.push(format!("in the area {x}"));
    }
    if let Some(x) = t(&q.setting) {
        parts.push(format!("into roles in {x}"));
    }
    if let Some(x) = &q.family {
        parts.push(format!(
            "into the {} family",
            export::family_title(x).to_lowercase()
        ));
    }
    if parts.is_empty() {
        "The whole roadmap.".into()
    } else {
        format!("The part of the roadmap {}.", parts.join(", "))
    }
}
