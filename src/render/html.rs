//! One self-contained HTML page: the pathway map and accessible tables.
//! No scripts and no external requests: styles and the map are inline, and
//! links are plain anchors. Every piece of data goes through `xml` escaping.

use super::graph::{Graph, svg, xml};
use crate::answers::ExportDoc;

const STYLE: &str = "body{font-family:Helvetica,Arial,sans-serif;color:#212b32;margin:0;background:#f0f4f5}\
main{max-width:1100px;margin:0 auto;padding:24px;background:#fff}\
h1{color:#003087}h2{color:#005eb8;border-bottom:2px solid #005eb8;padding-bottom:4px;margin-top:2em}\
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:14px}\
caption{text-align:left;font-weight:bold;padding:4px 0}\
th,td{border:1px solid #d8dde0;padding:6px 8px;text-align:left;vertical-align:top}\
th{background:#e8edee}figure{margin:0;overflow-x:auto}\
.note{background:#fff9c4;padding:8px 12px;border-left:4px solid #ffb81c}\
@media print{main{max-width:none}figure{overflow:visible}}";

pub fn page(doc: &ExportDoc<'_>, g: &Graph<'_>) -> String {
    let (map, s, scope_line) = (doc.map, &doc.records, doc.scope_line.as_str());
    let mut o =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<title>NHS healthcare support worker roadmap</title>\n");
    o.push_str(&format!(
        "<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
    o.push_str("<h1>NHS healthcare support worker learning and development roadmap</h1>\n");
    o.push_str(&format!("<p>{}</p>\n", xml(scope_line)));
    o.push_str("<p class=\"note\">What is on offer varies by trust and region: ask your education team.</p>\n");
    o.push_str("<h2 id=\"map\">Pathway map</h2>\n<figure>\n");
    o.push_str(&svg(g));
    o.push_str("<figcaption>Roles by Agenda for Change band. The tables below give every move in words.</figcaption>\n</figure>\n");

    o.push_str("<h2 id=\"moves\">Moves between roles</h2>\n<table>\n<caption>Each way to move, with what it takes</caption>\n");
    o.push_str("<thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Via</th><th scope=\"col\">Level</th><th scope=\"col\">Typical time</th><th scope=\"col\">Entry requirements</th></tr></thead>\n<tbody>\n");
    for p in &s.pathways {
        let from: Vec<String> = p.from.iter().map(|f| map.title_of(f).to_string()).collect();
        let to =
            p.to.as_deref()
                .map_or("Stays in the same role".into(), |t| {
                    map.title_of(t).to_string()
                });
        let vias = map.via_options(p);
        for g in vias {
            let entry = map.entry_words(p, g);
            o.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                xml(&from.join(", ")),
                xml(&to),
                xml(&g.map_or("Apply for a post".into(), |g| g.meta.title.clone())),
                xml(&g.and_then(|g| g.level_label()).unwrap_or_default()),
                xml(&g
                    .and_then(|g| g.duration.as_ref())
                    .map_or("Not given by the sources".into(), |d| d.label())),
                xml(&entry),
            ));
        }
    }
    o.push_str("</tbody>\n</table>\n");

    o.push_str("<h2 id=\"roles\">Roles</h2>\n<table>\n<caption>Roles in this part of the roadmap</caption>\n<thead><tr><th scope=\"col\">Role</th><th scope=\"col\">Band</th><th scope=\"col\">Family</th><th scope=\"col\">Registered with</th></tr></thead>\n<tbody>\n");
    for r in &s.roles {
        o.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            xml(&r.meta.title),
            xml(&r.band_label()),
            xml(&crate::model::family_title(&r.family)),
            xml(r.registered.long_name().unwrap_or("Not registered")),
        ));
    }
    o.push_str("</tbody>\n</table>\n");

    o.push_str("<h2 id=\"requirements\">Requirements and what counts</h2>\n<table>\n<caption>What counts for each requirement</caption>\n<thead><tr><th scope=\"col\">Requirement</th><th scope=\"col\">Met by</th><th scope=\"col\">Who decides</th></tr></thead>\n<tbody>\n");
    for r in &s.requirements {
        let met = map.met_by_words(r);
        o.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n",
            xml(&r.meta.title),
            xml(&met),
            xml(r.decided_by.map_or("", |d| d.label())),
        ));
    }
    o.push_str("</tbody>\n</table>\n");

    o.push_str("<h2 id=\"signposts\">Where to look</h2>\n<ul>\n");
    for r in &s.resources {
        match &r.url {
            Some(u) => o.push_str(&format!(
                "<li><a href=\"{}\">{}</a>: {}</li>\n",
                xml(u),
                xml(&r.meta.title),
                xml(&r.meta.summary)
            )),
            None => o.push_str(&format!(
                "<li><strong>{}</strong>: {} {}</li>\n",
                xml(&r.meta.title),
                xml(&r.meta.summary),
                r.where_
                    .as_deref()
                    .map_or(String::new(), |w| format!("({})", xml(w)))
            )),
        }
    }
    o.push_str("</ul>\n</main>\n</body>\n</html>\n");
    o
}
