//! Pathway maps: Mermaid and Graphviz DOT text, and a built-in SVG drawn
//! without external tools. Roles are nodes grouped by band; moves are
//! edges labelled with the programmes that make them.

use super::layout::{Drawn, Link, Node, Panel, draw};
use super::text::clean;
use crate::answers::ExportDoc;
use crate::model::{PathwayKind, Role, family_title};
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
    /// Whether the export is a part of the roadmap (one labelled panel)
    /// rather than the whole (an overview and a panel per family).
    pub scoped: bool,
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
    let q = doc.scope;
    let scoped = q.from.is_some()
        || q.to.is_some()
        || q.area.is_some()
        || q.setting.is_some()
        || q.family.is_some();
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
            scoped,
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
        scoped,
    }
}

/// Roles per band column, in the order [`orders`] gives them.
fn bands(g: &Graph<'_>) -> BTreeMap<u8, Vec<usize>> {
    let all: Vec<usize> = (0..g.nodes.len()).collect();
    let edges: Vec<usize> = (0..g.edges.len()).collect();
    let order = orders(g, &all, &edges);
    let mut by: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (i, r) in g.nodes.iter().enumerate() {
        by.entry(r.band).or_default().push(i);
    }
    for list in by.values_mut() {
        list.sort_by(|&a, &b| order[a].total_cmp(&order[b]));
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
    // Invisible links keep the band columns in order, left to right.
    let order: Vec<String> = bands(g).keys().map(|b| format!("band{b}")).collect();
    if order.len() > 1 {
        let _ = writeln!(o, "  {}", order.join(" ~~~ "));
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
        "digraph roadmap {\n  rankdir=LR;\n  newrank=true;\n  node [shape=box, style=\"rounded\", fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n",
    );
    if g.too_many {
        let _ = writeln!(
            o,
            "  label=\"{}\";\n  labelloc=t;",
            dot_text(&too_many_words())
        );
    }
    // Each band is one rank, and an invisible chain through the bands puts
    // the ranks in band order, left to right. A move to the same or a lower
    // band does not pull ranks (constraint=false).
    let by = bands(g);
    for (band, list) in &by {
        let _ = writeln!(
            o,
            "  subgraph cluster_band{band} {{\n    label=\"Band {band}\";\n    rank=same;\n    b{band} [style=invis, shape=point, width=0];"
        );
        for &i in list {
            let r = g.nodes[i];
            let _ = writeln!(o, "    n{i} [label=\"{}\"];", dot_text(&r.meta.title));
        }
        o.push_str("  }\n");
    }
    let chain: Vec<String> = by.keys().map(|b| format!("b{b}")).collect();
    if chain.len() > 1 {
        let _ = writeln!(o, "  {} [style=invis, weight=100];", chain.join(" -> "));
    }
    for e in &g.edges {
        let back = g.nodes[e.to].band <= g.nodes[e.from].band;
        let style = match (e.kind == PathwayKind::Lateral, back) {
            (true, true) => ", style=dashed, constraint=false",
            (true, false) => ", style=dashed",
            (false, true) => ", constraint=false",
            (false, false) => "",
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

/// The whole roadmap is drawn as a small overview of the role families
/// and then one panel per family (the moves into its roles), so no panel
/// is a tangle; a scoped export is one panel with every move labelled.
pub fn svg(g: &Graph<'_>) -> String {
    let mut drawn: Vec<Drawn> = Vec::new();
    if g.too_many {
        drawn.push(draw(&panel(g, None, &[], &too_many_words())));
    } else if g.scoped || g.edges.is_empty() {
        let all: Vec<usize> = (0..g.edges.len()).collect();
        drawn.push(draw(&panel(g, None, &all, "")));
    } else {
        drawn.push(draw(&overview(g)));
        for fam in families(g) {
            let into: Vec<usize> = (0..g.edges.len())
                .filter(|&k| g.nodes[g.edges[k].to].family == fam)
                .collect();
            let heading = format!("{}: moves into its roles", family_title(&fam));
            drawn.push(draw(&panel(g, Some(heading), &into, "")));
        }
    }
    let width = drawn.iter().map(|d| d.width).fold(320.0, f64::max);
    let height: f64 = drawn.iter().map(|d| d.height).sum::<f64>() + 40.0;
    let mut o = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"map-title\" font-family=\"Helvetica, Arial, sans-serif\">\n"
    );
    o.push_str("<title id=\"map-title\">Pathway map: roles by Agenda for Change band, with the moves between them</title>\n");
    o.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#425563\"/></marker></defs>\n");
    o.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    let mut y = 0.0;
    for d in &drawn {
        let _ = writeln!(o, "<g transform=\"translate(0 {y:.0})\">\n{}</g>", d.svg);
        y += d.height;
    }
    let _ = writeln!(
        o,
        "<text x=\"24\" y=\"{:.0}\" font-size=\"12\" fill=\"#425563\">Solid: move up. Dashed: move across. Blue boxes: registered professions. Hover a line for the programmes.</text>",
        height - 16.0
    );
    o.push_str("</svg>\n");
    o
}

/// Families in the order their roles first appear, lowest band first.
fn families(g: &Graph<'_>) -> Vec<String> {
    let mut fams: Vec<(u8, String)> = Vec::new();
    for e in &g.edges {
        let r = g.nodes[e.to];
        match fams.iter_mut().find(|(_, f)| *f == r.family.as_str()) {
            Some(x) => x.0 = x.0.min(r.band),
            None => fams.push((r.band, r.family.to_string())),
        }
    }
    fams.sort();
    fams.into_iter().map(|(_, f)| f).collect()
}

/// A programme's name short enough to label a line.
fn short_label(s: &str) -> String {
    const MAX: usize = 30;
    if s.chars().count() <= MAX {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', ' ', '(']))
}

/// One panel of the map: the given edges and the roles they join (or every
/// role, with a note, when the edges are too many to draw).
fn panel(g: &Graph<'_>, heading: Option<String>, edges: &[usize], note: &str) -> Panel {
    let mut keep: Vec<usize> = if note.is_empty() {
        edges
            .iter()
            .flat_map(|&k| [g.edges[k].from, g.edges[k].to])
            .collect()
    } else {
        (0..g.nodes.len()).collect()
    };
    if g.scoped && edges.len() == g.edges.len() {
        // A scoped map shows its roles even when they have no move drawn.
        keep.extend(0..g.nodes.len());
    }
    keep.sort();
    keep.dedup();
    let bands: Vec<u8> = {
        let mut b: Vec<u8> = keep.iter().map(|&i| g.nodes[i].band).collect();
        b.sort();
        b.dedup();
        b
    };
    let order = orders(g, &keep, edges);
    let index = |i: usize| keep.binary_search(&i).unwrap_or(0);
    let nodes = keep
        .iter()
        .map(|&i| {
            let r = g.nodes[i];
            Node {
                lines: lines(&r.meta.title, 28, 3),
                col: bands.iter().position(|&b| b == r.band).unwrap_or(0),
                order: order[index(i)],
                fill: if r.registered.short_name().is_some() {
                    "#e8f1fb"
                } else {
                    "#f0f4f5"
                },
            }
        })
        .collect();
    let labelled = g.scoped || heading.is_some();
    let links = edges
        .iter()
        .map(|&k| {
            let e = &g.edges[k];
            Link {
                from: index(e.from),
                to: index(e.to),
                label: labelled.then(|| short_label(&e.label)),
                dashed: e.kind == PathwayKind::Lateral,
                tip: format!(
                    "{} to {}: {}",
                    g.nodes[e.from].meta.title, g.nodes[e.to].meta.title, e.label
                ),
            }
        })
        .collect();
    let mut heading = heading;
    if !note.is_empty() {
        heading = Some(note.to_string());
    }
    Panel {
        heading,
        columns: bands.iter().map(|b| format!("Band {b}")).collect(),
        nodes,
        links,
    }
}

/// Each kept role's place in its column, keeping lines short: by the mean
/// row of the roles leading into it (one barycentre pass, left to right),
/// then by family and title, so the order is deterministic.
fn orders(g: &Graph<'_>, keep: &[usize], edges: &[usize]) -> Vec<f64> {
    let mut by: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (k, &i) in keep.iter().enumerate() {
        by.entry(g.nodes[i].band).or_default().push(k);
    }
    let name = |k: usize| (&g.nodes[keep[k]].family, &g.nodes[keep[k]].meta.title);
    let mut row = vec![f64::NAN; keep.len()];
    for list in by.values_mut() {
        let key = |k: usize| {
            let ins: Vec<f64> = edges
                .iter()
                .map(|&e| &g.edges[e])
                .filter(|e| e.to == keep[k])
                .filter_map(|e| keep.binary_search(&e.from).ok())
                .map(|f| row[f])
                .filter(|r| !r.is_nan())
                .collect();
            if ins.is_empty() {
                f64::INFINITY
            } else {
                ins.iter().sum::<f64>() / ins.len() as f64
            }
        };
        let mut keyed: Vec<(f64, usize)> = list.iter().map(|&k| (key(k), k)).collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| name(a.1).cmp(&name(b.1))));
        for (r, &(_, k)) in keyed.iter().enumerate() {
            row[k] = r as f64;
        }
    }
    row
}

/// The overview: one box per family, in the column of its lowest band,
/// with a line wherever moves lead from one family into another.
fn overview(g: &Graph<'_>) -> Panel {
    let fams = families(g);
    let mut bands: Vec<u8> = Vec::new();
    let mut low: Vec<u8> = Vec::new();
    let mut roles: Vec<usize> = vec![0; fams.len()];
    for f in &fams {
        let b = g
            .nodes
            .iter()
            .filter(|r| r.family == f.as_str())
            .map(|r| r.band)
            .min()
            .unwrap_or(0);
        low.push(b);
        bands.push(b);
    }
    for (k, f) in fams.iter().enumerate() {
        roles[k] = g.nodes.iter().filter(|r| r.family == f.as_str()).count();
    }
    bands.sort();
    bands.dedup();
    let at = |fam: &str| fams.iter().position(|f| f == fam);
    let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for e in &g.edges {
        if let (Some(a), Some(b)) = (at(&g.nodes[e.from].family), at(&g.nodes[e.to].family))
            && a != b
        {
            *counts.entry((a, b)).or_default() += 1;
        }
    }
    let nodes = fams
        .iter()
        .enumerate()
        .map(|(k, f)| Node {
            lines: vec![
                family_title(f),
                crate::words::count(roles[k], "role", "roles"),
            ],
            col: bands.iter().position(|&b| b == low[k]).unwrap_or(0),
            order: k as f64,
            fill: "#ffffff",
        })
        .collect();
    let links = counts
        .into_iter()
        .map(|((a, b), n)| Link {
            from: a,
            to: b,
            label: None,
            dashed: false,
            tip: format!(
                "{} to {}: {n} moves",
                family_title(&fams[a]),
                family_title(&fams[b])
            ),
        })
        .collect();
    Panel {
        heading: Some(
            "Overview: the role families, and where moves lead from one into another".into(),
        ),
        columns: bands.iter().map(|b| format!("From band {b}")).collect(),
        nodes,
        links,
    }
}
