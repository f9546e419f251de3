//! `roadmap export`: the roadmap, or a slice of it, as JSON, CSV or a
//! Markdown handout. Every list is sorted, so output is byte-identical
//! across runs and diffs cleanly.

use super::listing::{csv_rows, md_cell};
use crate::SCHEMA_VERSION;
use crate::engine::scope::{ScopeQuery, Slice};
use crate::model::{Pathway, PathwayKind, Programme, Roadmap};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeSet;

/// The JSON export: records exactly as validated, plus every source cited.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "roadmap export")]
pub struct ExportDoc<'a> {
    pub schema_version: u32,
    pub scope: &'a ScopeQuery,
    #[serde(flatten)]
    pub records: &'a Slice<'a>,
    /// Every source any exported record cites, sorted.
    pub sources: Vec<&'a str>,
}

pub fn json(s: &Slice<'_>, scope: &ScopeQuery) -> String {
    let sources: BTreeSet<&str> = s
        .metas()
        .flat_map(|m| m.sources.iter().map(|s| s.as_str()))
        .collect();
    super::json::to_string(&ExportDoc {
        schema_version: SCHEMA_VERSION,
        scope,
        records: s,
        sources: sources.into_iter().collect(),
    })
}

/// The JSON Schema of [`json`]'s output, for `roadmap schema --export`.
pub fn json_schema() -> schemars::Schema {
    schemars::schema_for!(ExportDoc<'static>)
}

/// A move's entry requirements in words: the pathway's own, then the programme's.
pub fn entry_text(map: &Roadmap, p: &Pathway, g: Option<&Programme>) -> String {
    map.expr_words(
        p.requires
            .iter()
            .chain(g.map(|g| g.entry.iter()).into_iter().flatten()),
    )
}

/// One row per pathway step: each `from` role, each programme it can go via.
pub fn csv(map: &Roadmap, s: &Slice<'_>) -> String {
    let mut rows = Vec::new();
    for p in &s.pathways {
        let vias = map.via_options(p);
        for from in &p.from {
            for g in &vias {
                let d = g.and_then(|g| g.duration.as_ref());
                rows.push(vec![
                    p.meta.id.to_string(),
                    from.to_string(),
                    p.destination(from).to_string(),
                    g.map_or(String::new(), |g| g.meta.id.to_string()),
                    g.map_or("apply for a post".into(), |g| g.meta.title.to_string()),
                    kind_name(p.kind).into(),
                    g.and_then(|g| g.level)
                        .map_or(String::new(), |l| l.to_string()),
                    g.and_then(|g| g.standard.as_deref())
                        .unwrap_or_default()
                        .to_string(),
                    d.map_or(String::new(), |d| d.min.to_string()),
                    d.map_or(String::new(), |d| d.max.to_string()),
                    d.map_or(String::new(), |d| format!("{:?}", d.unit).to_lowercase()),
                    entry_text(map, p, *g),
                    p.meta.sources.join(" "),
                ]);
            }
        }
    }
    csv_rows(
        &[
            "pathway",
            "from",
            "to",
            "via",
            "via_title",
            "kind",
            "level",
            "standard",
            "duration_min",
            "duration_max",
            "duration_unit",
            "entry_requirements",
            "sources",
        ],
        &rows,
    )
}

pub fn kind_name(k: PathwayKind) -> &'static str {
    match k {
        PathwayKind::Progression => "progression",
        PathwayKind::Lateral => "lateral",
        PathwayKind::StayAndDevelop => "stay-and-develop",
    }
}

/// A readable handout: areas, pathways by family, requirements, signposts.
pub fn markdown(map: &Roadmap, s: &Slice<'_>, scope_line: &str) -> String {
    let mut o =
        String::from("# NHS healthcare support worker learning and development roadmap\n\n");
    o.push_str(&format!("{}\n\n", md_cell(scope_line)));
    o.push_str("What is on offer varies by trust and region: ask your education team.\n\n");
    if !s.areas.is_empty() {
        o.push_str("## The roadmap's areas\n\n");
        for a in &s.areas {
            o.push_str(&format!(
                "### {}\n\n{}\n\n",
                md_cell(&a.meta.title),
                md_cell(&a.meta.summary)
            ));
            for p in &a.points {
                o.push_str(&format!("- {}\n", md_cell(p)));
            }
            let offers: Vec<String> = s
                .programmes
                .iter()
                .filter(|g| g.areas.contains(&a.meta.id))
                .map(|g| md_cell(&g.meta.title))
                .collect();
            if !offers.is_empty() {
                o.push_str(&format!(
                    "\n**Development offers:** {}.\n",
                    offers.join("; ")
                ));
            }
            o.push('\n');
        }
    }
    // Pathways grouped by the family of the role they lead to.
    let mut families: Vec<String> = s
        .pathways
        .iter()
        .filter_map(|p| map.role(p.destination(p.from.first().map_or("", |f| f))))
        .map(|r| r.family.to_string())
        .collect();
    families.sort();
    families.dedup();
    if !families.is_empty() {
        o.push_str("## Pathways\n\n");
    }
    for fam in &families {
        o.push_str(&format!("### {}\n\n", md_cell(&family_title(fam))));
        o.push_str("| From | To | Via | Level | Typical time | Entry requirements |\n|---|---|---|---|---|---|\n");
        for p in s.pathways.iter().filter(|p| {
            map.role(p.destination(p.from.first().map_or("", |f| f)))
                .is_some_and(|r| r.family == *fam)
        }) {
            let from: Vec<String> = p.from.iter().map(|f| map.title_of(f).to_string()).collect();
            let to = p.to.as_deref().map_or("(stays in role)".to_string(), |t| {
                map.title_of(t).to_string()
            });
            let vias = map.via_options(p);
            for g in vias {
                o.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} |\n",
                    md_cell(&from.join(", ")),
                    md_cell(&to),
                    md_cell(&g.map_or("apply for a post".into(), |g| g.meta.title.clone())),
                    g.and_then(|g| g.level_label()).unwrap_or_default(),
                    md_cell(
                        &g.and_then(|g| g.duration.as_ref())
                            .map_or("not given".into(), |d| d.label())
                    ),
                    md_cell(&entry_text(map, p, g)),
                ));
            }
        }
        o.push('\n');
    }
    if !s.requirements.is_empty() {
        o.push_str("## Requirements and what counts\n\n| Requirement | Met by | Who decides |\n|---|---|---|\n");
        for r in &s.requirements {
            let met = map.met_by_words(r);
            o.push_str(&format!(
                "| {} | {} | {} |\n",
                md_cell(&r.meta.title),
                md_cell(&met),
                r.decided_by.map_or("", |d| d.label())
            ));
        }
        o.push('\n');
    }
    if !s.resources.is_empty() {
        o.push_str("## Where to look\n\n");
        for r in &s.resources {
            match (&r.url, &r.where_) {
                (Some(u), _) => o.push_str(&format!(
                    "- [{}](<{}>): {}\n",
                    md_cell(&r.meta.title),
                    u.replace('>', "%3E"),
                    md_cell(&r.meta.summary)
                )),
                (None, Some(w)) => o.push_str(&format!(
                    "- **{}**: {} ({})\n",
                    md_cell(&r.meta.title),
                    md_cell(&r.meta.summary),
                    md_cell(w)
                )),
                (None, None) => o.push_str(&format!(
                    "- **{}**: {}\n",
                    md_cell(&r.meta.title),
                    md_cell(&r.meta.summary)
                )),
            }
        }
        o.push('\n');
    }
    o
}

pub fn family_title(f: &str) -> String {
    match f {
        "ahp" => "Allied health professions".into(),
        "nursing" => "Nursing".into(),
        "midwifery" => "Midwifery".into(),
        "mental-health" => "Mental health".into(),
        "perioperative" => "Theatres (perioperative)".into(),
        "general" => "General support roles".into(),
        "non-clinical" => "Non-clinical roles".into(),
        other => {
            let t = other.replace('-', " ");
            let mut c = t.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        }
    }
}
