//! Pathway maps: Mermaid and Graphviz DOT text, and a built-in SVG drawn
//! without external tools. Roles are nodes grouped by band; moves are
//! edges labelled with the programmes that make them.

use super::text::clean;
use crate::answers::ExportDoc;
use crate::model::{PathwayKind, Role};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub label: String,
    pub kind: PathwayKind,
}

/// Nodes (roles, in slice order) and edges, one per (from, to) pair.
pub struct Graph<'a> {
    pub nodes: Vec<&'a Role>,
    pub edges: Vec<Edge>,
    /// Whether there were more than [`MAX_EDGES`] moves, so none are drawn.
    pub too_many: bool,
}

/// The most moves a map draws. The national roadmap has a few hundred; a
/// map of thousands of lines tells no one anything, and drawing some of
/// them would mislead, so past this the map shows the roles and says why
/// (the tables beside it still list every move).
pub const MAX_EDGES: usize = 2_000;

/// What a map says in place of more than [`MAX_EDGES`] moves.
pub fn too_many_words() -> String {
    format!(
        "This part of the roadmap has more than {MAX_EDGES} moves: too many to draw on one map. \
         Narrow it with --from, --to, --family, --setting or --area."
    )
}

pub fn graph<'a>(doc: &ExportDoc<'a>) -> Graph<'a> {
    let (map, s) = (doc.map, &doc.records);
    let nodes = s.roles.clone();
    let index: rustc_hash::FxHashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, r)| (r.meta.id.as_str(), i))
        .collect();
    let pos = |id: &str| index.get(id).copied();
    let mut merged: BTreeMap<(usize, usize), (Vec<String>, PathwayKind)> = BTreeMap::new();
    for p in &s.pathways {
        let Some(to) = p.to.as_deref() else { continue };
        let via: Vec<String> = if p.via.is_empty() {
            vec!["apply for a post".into()]
        } else {
            p.via
                .iter()
                .map(|v| {
                    map.programme(v)
                        .map_or(v.to_string(), |g| g.meta.title.to_string())
                })
                .collect()
        };
        if merged.len() > MAX_EDGES {
            break;
        }
        for f in &p.from {
            if let (Some(a), Some(b)) = (pos(f), pos(to)) {
                let e = merged.entry((a, b)).or_insert_with(|| (Vec::new(), p.kind));
                for v in &via {
                    if !e.0.contains(v) {
                        e.0.push(v.clone());
                    }
                }
            }
        }
    }
    if merged.len() > MAX_EDGES {
        return Graph {
            nodes,
            edges: Vec::new(),
            too_many: true,
        };
    }
    let edges = merged
        .into_iter()
        .map(|((from, to), (labels, kind))| Edge {
            from,
            to,
            label: labels.join(" or "),
            kind,
        })
        .collect();
    Graph {
        nodes,
        edges,
        too_many: false,
    }
}

/// Roles per band column, each column ordered to keep lines short: by
/// the mean row of the roles leading into it (one barycentre pass, left to
/// right), then by family and title, so the order is deterministic.
fn bands(g: &Graph<'_>) -> BTreeMap<u8, Vec<usize>> {
    let mut by: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (i, r) in g.nodes.iter().enumerate() {
        by.entry(r.band).or_default().push(i);
    }
    let name = |i: usize| (&g.nodes[i].family, &g.nodes[i].meta.title);
    let mut row = vec![f64::NAN; g.nodes.len()];
    for list in by.values_mut() {
        let key = |i: usize| {
            let ins: Vec<f64> = g
                .edges
                .iter()
                .filter(|e| e.to == i && !row[e.from].is_nan())
                .map(|e| row[e.from])
                .collect();
            if ins.is_empty() {
                f64::INFINITY
            } else {
                ins.iter().sum::<f64>() / ins.len() as f64
            }
        };
        let mut keyed: Vec<(f64, usize)> = list.iter().map(|&i| (key(i), i)).collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| name(a.1).cmp(&name(b.1))));
        *list = keyed.into_iter().map(|(_, i)| i).collect();
        for (r, &i) in list.iter().enumerate() {
            row[i] = r as f64;
        }
    }
    by
}

/// Mermaid text is quoted; `#quot;` and friends are its escapes.
fn mermaid_text(s: &str) -> String {
    clean(s)
        .replace('&', "#amp;")
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('|', "#124;")
        // A backtick would switch the label into Mermaid's markdown mode.
        .replace('`', "#96;")
}

pub fn mermaid(g: &Graph<'_>) -> String {
    let mut o = String::from("flowchart LR\n");
    if g.too_many {
        let _ = writeln!(o, "  note[\"{}\"]", mermaid_text(&too_many_words()));
    }
    for (band, list) in bands(g) {
        let _ = writeln!(o, "  subgraph band{band}[\"Band {band}\"]");
        o.push_str("    direction TB\n");
        for i in list {
            let r = g.nodes[i];
            let _ = writeln!(o, "    n{i}[\"{}\"]", mermaid_text(&r.meta.title));
        }
        o.push_str("  end\n");
    }
    for e in &g.edges {
        let arrow = if e.kind == PathwayKind::Lateral {
            "-.->"
        } else {
            "-->"
        };
        let _ = writeln!(
            o,
            "  n{} {arrow}|\"{}\"| n{}",
            e.from,
            mermaid_text(&e.label),
            e.to
        );
    }
    o
}

/// DOT quoted strings escape backslashes and quotes.
fn dot_text(s: &str) -> String {
    clean(s).replace('\\', "\\\\").replace('"', "\\\"")
}

pub fn dot(g: &Graph<'_>) -> String {
    let mut o = String::from(
        "digraph roadmap {\n  rankdir=LR;\n  node [shape=box, style=\"rounded\", fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n",
    );
    if g.too_many {
        let _ = writeln!(
            o,
            "  label=\"{}\";\n  labelloc=t;",
            dot_text(&too_many_words())
        );
    }
    for (band, list) in bands(g) {
        let _ = writeln!(
            o,
            "  subgraph cluster_band{band} {{\n    label=\"Band {band}\";\n    rank=same;"
        );
        for i in list {
            let r = g.nodes[i];
            let _ = writeln!(o, "    n{i} [label=\"{}\"];", dot_text(&r.meta.title));
        }
        o.push_str("  }\n");
    }
    for e in &g.edges {
        let style = if e.kind == PathwayKind::Lateral {
            ", style=dashed"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "  n{} -> n{} [label=\"{}\"{style}];",
            e.from,
            e.to,
            dot_text(&e.label)
        );
    }
    o.push_str("}\n");
    o
}

/// Escapes text for XML and HTML content and attributes.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Splits a title into at most three lines of about `width` characters.
fn lines(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        match out.last_mut() {
            Some(l) if l.chars().count() + 1 + w.chars().count() <= width => {
                l.push(' ');
                l.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
    }
    if out.len() > max {
        out.truncate(max);
        if let Some(l) = out.last_mut() {
            l.push('…');
        }
    }
    out
}

const COL: f64 = 290.0;
const BOX_W: f64 = 200.0;
const BOX_H: f64 = 50.0;
const ROW: f64 = 66.0;
const TOP: f64 = 70.0;
const LEFT: f64 = 30.0;

/// A readable pathway map: one column per band, roles stacked by family,
/// moves as curves (dashed: across; solid: up). Hover a curve for the
/// programmes that make the move.
pub fn svg(g: &Graph<'_>) -> String {
    let by = bands(g);
    // The note that moves are not drawn, wrapped to the first column.
    let note = if g.too_many {
        lines(&too_many_words(), 34, usize::MAX)
    } else {
        Vec::new()
    };
    let top = TOP + note.len() as f64 * 16.0;
    let mut at = vec![(0.0, 0.0); g.nodes.len()];
    let mut height: f64 = top;
    for (col, (_, list)) in by.iter().enumerate() {
        for (row, &i) in list.iter().enumerate() {
            at[i] = (LEFT + col as f64 * COL, top + row as f64 * ROW);
            height = height.max(top + (row + 1) as f64 * ROW);
        }
    }
    let width = LEFT * 2.0 + (by.len().max(1) as f64 - 1.0) * COL + BOX_W + 60.0;
    let height = height + 40.0;
    let mut o = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"100%\" style=\"max-width:{width:.0}px;height:auto\" role=\"img\" aria-labelledby=\"map-title\" font-family=\"Helvetica, Arial, sans-serif\">\n"
    );
    o.push_str("<title id=\"map-title\">Pathway map: roles by Agenda for Change band, with the moves between them</title>\n");
    o.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#425563\"/></marker></defs>\n");
    o.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (col, band) in by.keys().enumerate() {
        let x = LEFT + col as f64 * COL;
        let _ = writeln!(
            o,
            "<text x=\"{:.0}\" y=\"40\" font-size=\"16\" font-weight=\"bold\" fill=\"#003087\">Band {band}</text>",
            x
        );
    }
    for (k, l) in note.iter().enumerate() {
        let _ = writeln!(
            o,
            "<text x=\"{LEFT:.0}\" y=\"{:.0}\" font-size=\"13\" fill=\"#d5281b\">{}</text>",
            64.0 + k as f64 * 16.0,
            xml(l)
        );
    }
    // Edges under nodes.
    for e in &g.edges {
        let (x1, y1) = at[e.from];
        let (x2, y2) = at[e.to];
        let (sx, sy, tx, ty) = (x1 + BOX_W, y1 + BOX_H / 2.0, x2, y2 + BOX_H / 2.0);
        let path = if (x1 - x2).abs() < 1.0 {
            // Same band: loop out to the right of the column.
            let bulge = BOX_W + 45.0;
            format!(
                "M {sx:.0} {sy:.0} C {:.0} {sy:.0}, {:.0} {ty:.0}, {:.0} {ty:.0}",
                x1 + bulge,
                x1 + bulge,
                x2 + BOX_W
            )
        } else {
            let mid = (sx + tx) / 2.0;
            format!("M {sx:.0} {sy:.0} C {mid:.0} {sy:.0}, {mid:.0} {ty:.0}, {tx:.0} {ty:.0}")
        };
        let dash = if e.kind == PathwayKind::Lateral {
            " stroke-dasharray=\"5 4\""
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "<path d=\"{path}\" fill=\"none\" stroke=\"#768692\" stroke-opacity=\"0.6\" stroke-width=\"1.3\"{dash} marker-end=\"url(#arrow)\"><title>{} to {}: {}</title></path>",
            xml(&g.nodes[e.from].meta.title),
            xml(&g.nodes[e.to].meta.title),
            xml(&e.label)
        );
    }
    for (i, r) in g.nodes.iter().enumerate() {
        let (x, y) = at[i];
        let fill = if r.registered.short_name().is_some() {
            "#e8f1fb"
        } else {
            "#f0f4f5"
        };
        let _ = writeln!(
            o,
            "<g><rect x=\"{x:.0}\" y=\"{y:.0}\" width=\"{BOX_W:.0}\" height=\"{BOX_H:.0}\" rx=\"6\" fill=\"{fill}\" stroke=\"#005eb8\" stroke-width=\"1.2\"/>"
        );
        let ls = lines(&r.meta.title, 30, 3);
        let start = y + BOX_H / 2.0 - (ls.len() as f64 - 1.0) * 7.5 + 4.0;
        for (k, l) in ls.iter().enumerate() {
            let _ = writeln!(
                o,
                "<text x=\"{:.0}\" y=\"{:.0}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#212b32\">{}</text>",
                x + BOX_W / 2.0,
                start + k as f64 * 15.0,
                xml(l)
            );
        }
        o.push_str("</g>\n");
    }
    let _ = writeln!(
        o,
        "<text x=\"{LEFT:.0}\" y=\"{:.0}\" font-size=\"11\" fill=\"#425563\">Solid: move up. Dashed: move across. Blue boxes: registered professions. Hover a line for the programmes.</text>",
        height - 15.0
    );
    o.push_str("</svg>\n");
    o
}
