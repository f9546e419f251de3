//! One self-contained HTML page: the pathway map and accessible tables.
//! No scripts and no external requests: styles and the map are inline, and
//! links are plain anchors. Built with `maud`, which escapes every piece of
//! data it is given: nothing reaches the page unescaped by accident.

use super::graph::{Graph, svg};
use crate::answers::ExportDoc;
use crate::model::family_title;
use crate::terminal::clean;
use maud::{DOCTYPE, Markup, PreEscaped, html};

const STYLE: &str = "body{font-family:Helvetica,Arial,sans-serif;color:#212b32;margin:0;background:#f0f4f5}\
main{max-width:1100px;margin:0 auto;padding:24px;background:#fff}\
h1{color:#003087}h2{color:#005eb8;border-bottom:2px solid #005eb8;padding-bottom:4px;margin-top:2em}\
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:14px}\
caption{text-align:left;font-weight:bold;padding:4px 0}\
th,td{border:1px solid #d8dde0;padding:6px 8px;text-align:left;vertical-align:top}\
th{background:#e8edee}figure{margin:0;overflow-x:auto}\
.note{background:#fff9c4;padding:8px 12px;border-left:4px solid #ffb81c}\
@media print{main{max-width:none}figure{overflow:visible}}";

/// Text from the data, safe for the page: control characters (which XML
/// forbids) are replaced; maud escapes the rest.
fn t(s: &str) -> String {
    clean(s)
}

pub fn page(doc: &ExportDoc<'_>, g: &Graph<'_>) -> String {
    let (map, s) = (doc.map, &doc.records);
    let moves = s.pathways.iter().flat_map(|p| {
        let from: Vec<String> = p.from.iter().map(|f| map.title_of(f).to_string()).collect();
        let to =
            p.to.as_deref()
                .map_or("Stays in the same role".into(), |t| {
                    map.title_of(t).to_string()
                });
        map.via_options(p).into_iter().map(move |g| {
            (
                from.join(", "),
                to.clone(),
                g.map_or("Apply for a post".into(), |g| g.meta.title.to_string()),
                g.and_then(|g| g.level_label()).unwrap_or_default(),
                g.and_then(|g| g.duration.as_ref())
                    .map_or("Not given by the sources".into(), |d| d.words()),
                map.entry_words(p, g),
            )
        })
    });
    let markup: Markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "NHS healthcare support worker roadmap" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    h1 { "NHS healthcare support worker learning and development roadmap" }
                    p { (t(&doc.scope_line)) }
                    p.note { "What is on offer varies by trust and region: ask your education team." }
                    h2 #map { "Pathway map" }
                    figure {
                        // The SVG escapes its own text (graph::xml).
                        (PreEscaped(svg(g)))
                        figcaption { "Roles by Agenda for Change band. The tables below give every move in words." }
                    }
                    h2 #moves { "Moves between roles" }
                    table {
                        caption { "Each way to move, with what it takes" }
                        thead { tr {
                            th scope="col" { "From" } th scope="col" { "To" } th scope="col" { "Via" }
                            th scope="col" { "Level" } th scope="col" { "Typical time" }
                            th scope="col" { "Entry requirements" }
                        } }
                        tbody {
                            @for (from, to, via, level, time, entry) in moves {
                                tr {
                                    td { (t(&from)) } td { (t(&to)) } td { (t(&via)) }
                                    td { (t(&level)) } td { (t(&time)) } td { (t(&entry)) }
                                }
                            }
                        }
                    }
                    h2 #roles { "Roles" }
                    table {
                        caption { "Roles in this part of the roadmap" }
                        thead { tr {
                            th scope="col" { "Role" } th scope="col" { "Band" }
                            th scope="col" { "Family" } th scope="col" { "Registered with" }
                        } }
                        tbody {
                            @for r in &s.roles {
                                tr {
                                    th scope="row" { (t(&r.meta.title)) }
                                    td { (r.band_label()) }
                                    td { (t(&family_title(&r.family))) }
                                    td { (r.registered.long_name().unwrap_or("Not registered")) }
                                }
                            }
                        }
                    }
                    h2 #requirements { "Requirements and what counts" }
                    table {
                        caption { "What counts for each requirement" }
                        thead { tr {
                            th scope="col" { "Requirement" } th scope="col" { "Met by" }
                            th scope="col" { "Who decides" }
                        } }
                        tbody {
                            @for r in &s.requirements {
                                tr {
                                    th scope="row" { (t(&r.meta.title)) }
                                    td { (t(&map.met_by_words(r))) }
                                    td { (r.decided_by.map_or("", |d| d.label())) }
                                }
                            }
                        }
                    }
                    h2 #signposts { "Where to look" }
                    ul {
                        @for r in &s.resources {
                            li {
                                @if let Some(u) = &r.url {
                                    a href=(t(u)) { (t(&r.meta.title)) } ": " (t(&r.meta.summary))
                                } @else {
                                    strong { (t(&r.meta.title)) } ": " (t(&r.meta.summary))
                                    @if let Some(w) = &r.where_ { " (" (t(w)) ")" }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    markup.into_string()
}
