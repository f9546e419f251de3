//! `roadmap roles`, `roadmap areas` and `roadmap search`.

use super::{Ctx, emit};
use crate::cli::ListFormat;
use hcsw_roadmap::engine::Engine;
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::engine::results::{RoleRef, SearchHit};
use hcsw_roadmap::matching::did_you_mean;
use hcsw_roadmap::model::{Area, Roadmap};
use hcsw_roadmap::render::listing::{Listing, md_cell};
use hcsw_roadmap::render::text::{clean, wrap};
use hcsw_roadmap::render::{Style, json};
use hcsw_roadmap::{Error, Result, SCHEMA_VERSION};
use serde::Serialize;

fn render(format: ListFormat, style: Style, listing: Listing, value: &impl Serialize) -> String {
    match format {
        ListFormat::Table => listing.table(style),
        ListFormat::Json => json::to_string(value),
        ListFormat::Csv => listing.csv(),
        ListFormat::Markdown => listing.markdown(),
    }
}

#[derive(Serialize)]
struct RolesOut {
    schema_version: u32,
    roles: Vec<RoleRef>,
}

pub fn roles(
    ctx: &Ctx,
    band: Option<u8>,
    setting: Option<String>,
    family: Option<String>,
    format: ListFormat,
) -> Result<()> {
    let map = ctx.roadmap()?;
    let engine = Engine::new(map);
    if let Some(b) = band
        && !(1..=9).contains(&b)
    {
        return Err(Error::Usage(format!(
            "--band {b}: Agenda for Change bands run from 1 to 9"
        )));
    }
    let filter = Filter { setting, family };
    engine.check_filter(&filter).map_err(Error::Usage)?;
    let mut roles: Vec<_> = map
        .roles
        .iter()
        .filter(|r| band.is_none_or(|b| r.has_band(b)) && filter.allows(r))
        .collect();
    roles.sort_by(|a, b| {
        a.band
            .cmp(&b.band)
            .then_with(|| a.meta.title.cmp(&b.meta.title))
    });
    let listing = Listing {
        header: vec!["id", "role", "band", "family", "registered"],
        rows: roles
            .iter()
            .map(|r| {
                vec![
                    r.meta.id.to_string(),
                    r.meta.title.to_string(),
                    r.band_label()
                        .trim_start_matches("band ")
                        .trim_start_matches("bands ")
                        .to_string(),
                    r.family.to_string(),
                    r.registered.short_name().unwrap_or("no").to_string(),
                ]
            })
            .collect(),
    };
    let out = RolesOut {
        schema_version: SCHEMA_VERSION,
        roles: roles.iter().map(|r| RoleRef::of(r)).collect(),
    };
    if roles.is_empty() && format == ListFormat::Table {
        return emit("No roles match. Run `roadmap roles` to see them all.\n");
    }
    emit(&render(format, ctx.style, listing, &out))
}

#[derive(Serialize)]
struct AreaOut<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    points: &'a [hcsw_roadmap::model::Text],
    offers: Vec<Named<'a>>,
    signposts: Vec<Named<'a>>,
}

#[derive(Serialize)]
struct Named<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

fn area_out<'a>(map: &'a Roadmap, a: &'a Area) -> AreaOut<'a> {
    let id = a.meta.id.as_str();
    AreaOut {
        id,
        title: &a.meta.title,
        summary: &a.meta.summary,
        points: &a.points,
        offers: map
            .programmes
            .iter()
            .filter(|p| p.areas.iter().any(|x| x == id))
            .map(|p| Named {
                id: &p.meta.id,
                title: &p.meta.title,
                url: None,
            })
            .collect(),
        signposts: map
            .resources
            .iter()
            .filter(|r| r.areas.iter().any(|x| x == id))
            .map(|r| Named {
                id: &r.meta.id,
                title: &r.meta.title,
                url: r.url.as_deref(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct AreasOut<'a> {
    schema_version: u32,
    areas: Vec<AreaOut<'a>>,
}

pub fn areas(ctx: &Ctx, id: Option<&str>, format: ListFormat) -> Result<()> {
    let map = ctx.roadmap()?;
    let chosen: Vec<&Area> = match id {
        None => map.areas.iter().collect(),
        Some(id) => vec![map.area(id).ok_or_else(|| {
            let hint = did_you_mean(id, map.areas.iter().map(|a| a.meta.id.as_str()))
                .map_or(String::new(), |s| format!("\n  did you mean `{s}`?"));
            let ids: Vec<&str> = map.areas.iter().map(|a| a.meta.id.as_str()).collect();
            Error::Usage(format!(
                "no area \"{id}\"{hint}\n  the areas are: {}",
                ids.join(", ")
            ))
        })?],
    };
    let out = AreasOut {
        schema_version: SCHEMA_VERSION,
        areas: chosen.iter().map(|a| area_out(map, a)).collect(),
    };
    let text = match (format, id) {
        (ListFormat::Json, _) => json::to_string(&out),
        (ListFormat::Table, Some(_)) => area_text(&out.areas[0], ctx.style),
        (ListFormat::Markdown, Some(_)) => area_markdown(&out.areas[0]),
        (format, _) => {
            let listing = Listing {
                header: vec!["id", "area", "offers", "signposts", "summary"],
                rows: out
                    .areas
                    .iter()
                    .map(|a| {
                        vec![
                            a.id.to_string(),
                            a.title.to_string(),
                            a.offers.len().to_string(),
                            a.signposts.len().to_string(),
                            a.summary.to_string(),
                        ]
                    })
                    .collect(),
            };
            let mut s = render(format, ctx.style, listing, &out);
            if format == ListFormat::Table {
                s.push_str("\nSee one area in full: roadmap areas ID\n");
            }
            s
        }
    };
    emit(&text)
}

fn area_text(a: &AreaOut<'_>, style: Style) -> String {
    let w = style.width as usize;
    let mut s = format!("{}\n", clean(a.title));
    s.push_str(&wrap(&clean(a.summary), w, "", ""));
    s.push('\n');
    for p in a.points {
        s.push_str(&wrap(&clean(p), w, "  - ", "    "));
    }
    if !a.offers.is_empty() {
        s.push_str("\nDevelopment offers (roadmap show ID for details):\n");
        for o in &a.offers {
            s.push_str(&wrap(
                &format!("{} ({})", clean(o.title), o.id),
                w,
                "  - ",
                "    ",
            ));
        }
    }
    if !a.signposts.is_empty() {
        s.push_str("\nWhere to look:\n");
        for o in &a.signposts {
            let link = o.url.map_or(String::new(), |u| format!(" {}", clean(u)));
            s.push_str(&wrap(
                &format!("{} ({}){link}", clean(o.title), o.id),
                w,
                "  - ",
                "    ",
            ));
        }
    }
    s
}

fn area_markdown(a: &AreaOut<'_>) -> String {
    let mut s = format!("# {}\n\n{}\n\n", md_cell(a.title), md_cell(a.summary));
    for p in a.points {
        s.push_str(&format!("- {}\n", md_cell(p)));
    }
    s.push_str("\n## Development offers\n\n");
    for o in &a.offers {
        s.push_str(&format!("- {} (`{}`)\n", md_cell(o.title), o.id));
    }
    s.push_str("\n## Where to look\n\n");
    for o in &a.signposts {
        match o.url {
            Some(u) => s.push_str(&format!(
                "- [{}](<{}>)\n",
                md_cell(o.title),
                u.replace('>', "%3E")
            )),
            None => s.push_str(&format!("- {}\n", md_cell(o.title))),
        }
    }
    s
}

#[derive(Serialize)]
struct SearchOut {
    schema_version: u32,
    query: String,
    hits: Vec<SearchHit>,
    did_you_mean: Option<String>,
}

pub fn search(ctx: &Ctx, words: &[String], format: ListFormat) -> Result<()> {
    let map = ctx.roadmap()?;
    let engine = Engine::new(map);
    let (hits, suggestion) = match engine.search(words) {
        Ok(h) => (h, None),
        Err(s) => (Vec::new(), s),
    };
    let query = words.join(" ");
    if hits.is_empty() && format == ListFormat::Table {
        let hint = suggestion.as_ref().map_or(String::new(), |s| {
            format!(" Did you mean: roadmap search {s}?")
        });
        return emit(&format!("Nothing matches \"{}\".{hint}\n", clean(&query)));
    }
    let listing = Listing {
        header: vec!["id", "kind", "title"],
        rows: hits
            .iter()
            .map(|h| vec![h.id.to_string(), h.kind.clone(), h.title.to_string()])
            .collect(),
    };
    let out = SearchOut {
        schema_version: SCHEMA_VERSION,
        query,
        hits,
        did_you_mean: suggestion,
    };
    emit(&render(format, ctx.style, listing, &out))
}
