//! One self-contained HTML page: the pathway map and accessible tables.
//! No scripts and no external requests: styles and the map are inline, and
//! links are plain anchors. Built with `maud`, which escapes every piece of
//! data it is given: nothing reaches the page unescaped by accident.

use super::graph::{Graph, svg};
use crate::answers::ExportDoc;
use crate::answers::PageData;
use crate::model::family_title;
use crate::terminal::clean;
use base64::Engine as _;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use sha2::Digest;

/// The panel's script: it evaluates the data the engine prepared
/// (`PageData`), the way `roadmap pathways` does.
const SCRIPT: &str = include_str!("page.js");

const STYLE: &str = "body{font-family:Helvetica,Arial,sans-serif;color:#212b32;margin:0;background:#f0f4f5}\
main{max-width:1100px;margin:0 auto;padding:24px;background:#fff}\
h1{color:#003087}h2{color:#005eb8;border-bottom:2px solid #005eb8;padding-bottom:4px;margin-top:2em}\
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:14px}\
caption{text-align:left;font-weight:bold;padding:4px 0}\
th,td{border:1px solid #d8dde0;padding:6px 8px;text-align:left;vertical-align:top}\
th{background:#e8edee}figure{margin:0;overflow-x:auto}\
.note{background:#fff9c4;padding:8px 12px;border-left:4px solid #ffb81c}\
#where{background:#f0f4f5;border:1px solid #d8dde0;padding:8px 20px 20px;margin-top:1.5em}\
#where h2{margin-top:.6em}select{font-size:16px;padding:6px;max-width:100%}\
fieldset{border:1px solid #aeb7bd;margin:1em 0;padding:8px 12px}legend{font-weight:bold;padding:0 4px}\
.tick{display:flex;align-items:flex-start;gap:8px;flex-wrap:wrap;margin:6px 0}\
.tick input{flex:none;width:20px;height:20px;margin:2px 0 0}.tick label{flex:1 1 0;min-width:0;font-weight:normal}\
label{font-weight:bold}#paid-tick{margin-top:1em}#paid-tick .hint{flex-basis:100%;margin:0 0 0 28px}\
.hint{color:#425563;font-size:14px}#answer{margin-top:1em}#answer h3{color:#003087;margin-bottom:.3em}\
#answer .ready{color:#007f3b;font-weight:bold}#answer .gaps{color:#8a1538;font-weight:bold}\
#answer-status p{font-size:18px;margin:.3em 0 .8em}#answer .kind{margin:1.2em 0 .3em}\
#answer ol,#answer ul{padding-left:1.6em}\
#answer .glance>li,#answer .details>li,#answer .route>li,#answer .how>li{margin-bottom:.7em}\
#answer .checks,#answer .notes{margin:.2em 0 .4em}#answer .via{margin-top:.3em}#answer .hint{margin-top:1.5em}\
#answer code{font-size:13px;background:#fff;padding:1px 4px;border:1px solid #d8dde0;overflow-wrap:anywhere}\
#answer a{color:#005eb8}.table-scroll{overflow-x:auto}main{overflow-wrap:break-word}\
:focus{outline:3px solid #ffb81c;outline-offset:2px}\
@media (max-width:640px){main{padding:12px}#where{padding:8px 12px 12px}#answer ol,#answer ul{padding-left:1.2em}table{font-size:13px}th,td{padding:4px}}\
@media print{main{max-width:none}figure{overflow:visible}.table-scroll{overflow:visible}figure svg{width:100%;height:auto}}";

/// Text from the data, safe for the page: control characters (which XML
/// forbids) are replaced; maud escapes the rest.
fn t(s: &str) -> String {
    clean(s)
}

/// The page's data as JSON safe inside a `<script>` element: `<`, `>` and
/// `&` are written as escapes, so no text can close the element, and
/// nothing in it can drive a terminal that prints the file.
fn data_json(data: &PageData) -> String {
    let json = serde_json::to_string(data).expect("page data serialises");
    // C1 controls and bidi overrides too, as in every JSON we write.
    super::json::escape_unprintable(json)
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The "Where can I go from here?" panel: the form is hidden until the
/// script runs; without scripts the tables below say everything.
fn panel(data: &PageData) -> Markup {
    let title_of = |id: &str| {
        data.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.to_string())
    };
    html! {
        section #where aria-labelledby="where-title" {
            h2 #where-title { "Where can I go from here?" }
            noscript { p { "This part of the page needs JavaScript. Everything it would show is also in the tables below." } }
            form #where-form hidden {
                p {
                    label for="from" { "Your role or band" } br;
                    select #from name="from" {
                        option value="" { "Choose your role or band" }
                        @for p in &data.positions { option value=(p.arg) { (t(&p.label)) } }
                    }
                }
                fieldset {
                    legend { "What you hold (tick all that apply)" }
                    @for h in &data.holdable {
                        div.tick {
                            input type="checkbox" id={"have-" (h.id)} name="have" value=(h.id);
                            " "
                            label for={"have-" (h.id)} { (t(&h.label)) }
                        }
                    }
                }
                p {
                    label for="to" { "A role you want to reach (optional)" } br;
                    select #to name="to" {
                        option value="" { "No goal yet: show my next steps" }
                        @for g in &data.goals { option value=(g) { (t(&title_of(g))) } }
                    }
                }
                p.hint { "The address of this page keeps your choices: copy it to share this answer." }
            }
            div #answer aria-live="polite" {}
        }
    }
}

pub fn page(doc: &ExportDoc<'_>, g: &Graph<'_>) -> String {
    let (map, s) = (doc.map, &doc.records);
    let script_hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(SCRIPT));
    let csp = format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{script_hash}'"
    );
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
    let body: Markup = html! {
                main {
                    h1 { "NHS healthcare support worker learning and development roadmap" }
                    p { (t(&doc.scope_line)) }
                    p.note { "What is on offer varies by trust and region: ask your education team." }
                    @if let Some(data) = &doc.page { (panel(data)) }
                    h2 #map { "Pathway map" }
                    figure {
                        // Drawn at its own size, so its text stays readable;
                        // a wide map scrolls on its own. The SVG escapes its
                        // own text (graph::xml).
                        div.table-scroll role="region" aria-label="Pathway map" tabindex="0" {
                            (PreEscaped(svg(g)))
                        }
                        figcaption { "Roles by Agenda for Change band. The tables below give every move in words." }
                    }
                    h2 #moves { "Moves between roles" }
                    // A wide table scrolls on its own, so a phone never scrolls the page sideways.
                    div.table-scroll role="region" aria-label="Moves between roles" tabindex="0" {
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
                    }
                    h2 #roles { "Roles" }
                    // A wide table scrolls on its own, so a phone never scrolls the page sideways.
                    div.table-scroll role="region" aria-label="Roles" tabindex="0" {
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
                    }
                    h2 #requirements { "Requirements and what counts" }
                    // A wide table scrolls on its own, so a phone never scrolls the page sideways.
                    div.table-scroll role="region" aria-label="Requirements and what counts" tabindex="0" {
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
                @if let Some(data) = &doc.page {
                    script type="application/json" #roadmap-data { (PreEscaped(data_json(data))) }
                    script { (PreEscaped(SCRIPT)) }
                }
    };
    document("NHS healthcare support worker roadmap", &csp, STYLE, body)
}

/// One self-contained page: the head every page of roadmap's shares (UTF-8,
/// a phone's width, a Content-Security-Policy, the title, inline style),
/// then `body`.
pub fn document(title: &str, csp: &str, style: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(csp);
                title { (title) }
                style { (PreEscaped(style)) }
            }
            body { (body) }
        }
    }
    .into_string()
}
