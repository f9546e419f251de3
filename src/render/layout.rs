//! A layered map drawn as SVG: nodes in columns (left to right), moves as
//! lines with right-angle bends that run only through the gaps between
//! columns and between rows, so no line ever passes under a box it does
//! not connect. Each line has its own lane in every gap it uses, and its
//! own port on each box, so lines never lie on top of each other.
//!
//! A line leaves its source from the right side. Into a column further
//! right it enters the target's left side; into the same column or one to
//! the left it comes back round and enters the right side.

use super::graph::xml;
use std::fmt::Write as _;

/// A box on the map.
pub struct Node {
    /// Up to three lines of title.
    pub lines: Vec<String>,
    /// Its column, counted from the left.
    pub col: usize,
    /// Its order within the column (smaller is higher).
    pub order: f64,
    pub fill: &'static str,
}

/// A line on the map.
pub struct Link {
    pub from: usize,
    pub to: usize,
    /// Written beside the arrow head, if any.
    pub label: Option<String>,
    pub dashed: bool,
    /// Shown on hover.
    pub tip: String,
}

pub struct Panel {
    pub heading: Option<String>,
    /// Column headings, left to right.
    pub columns: Vec<String>,
    pub nodes: Vec<Node>,
    pub links: Vec<Link>,
}

pub const BOX_W: f64 = 190.0;
/// The smallest text on a map, in pixels at 100% zoom: readable on A4 and
/// on a projector.
pub const MIN_FONT: f64 = 11.0;
const FONT: f64 = 12.0;
const LANE: f64 = 7.0;
const MARGIN: f64 = 24.0;
const HEAD: f64 = 30.0;
/// The width a line's label may take (30 characters at 11 px).
const LABEL_W: f64 = 180.0;

/// A drawn panel: SVG elements, placed from (0, 0), and their size.
pub struct Drawn {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

/// Where each box is: (x, y, height).
struct Placed {
    x: f64,
    y: f64,
    h: f64,
}

pub fn draw(p: &Panel) -> Drawn {
    let ncols = p.columns.len().max(1);
    // Rows: each column's nodes in order.
    let mut cols: Vec<Vec<usize>> = vec![Vec::new(); ncols];
    for (i, n) in p.nodes.iter().enumerate() {
        cols[n.col.min(ncols - 1)].push(i);
    }
    for c in &mut cols {
        c.sort_by(|&a, &b| {
            p.nodes[a]
                .order
                .total_cmp(&p.nodes[b].order)
                .then(a.cmp(&b))
        });
    }
    let mut row = vec![0usize; p.nodes.len()];
    for c in &cols {
        for (r, &i) in c.iter().enumerate() {
            row[i] = r;
        }
    }
    let nrows = cols.iter().map(Vec::len).max().unwrap_or(0);
    let col_of = |i: usize| p.nodes[i].col.min(ncols - 1);
    let forward = |l: &Link| col_of(l.to) > col_of(l.from);

    // Ports: the lines on each side of each box, ordered by where their
    // other end is, so lines leave and arrive without crossing at the box.
    let mut right: Vec<Vec<(f64, usize)>> = vec![Vec::new(); p.nodes.len()];
    let mut left: Vec<Vec<(f64, usize)>> = vec![Vec::new(); p.nodes.len()];
    let key = |i: usize| row[i] as f64 + col_of(i) as f64 * 1e-3;
    for (k, l) in p.links.iter().enumerate() {
        right[l.from].push((key(l.to), k));
        if forward(l) {
            left[l.to].push((key(l.from), k));
        } else {
            right[l.to].push((key(l.from), k));
        }
    }
    let labelled = p.links.iter().any(|l| l.label.is_some());
    let spacing = if labelled { 15.0 } else { 8.0 };
    let height_of = |i: usize| {
        let ports = right[i].len().max(left[i].len()) as f64;
        let text = p.nodes[i].lines.len() as f64 * 15.0 + 14.0;
        text.max((ports + 1.0) * spacing).max(44.0)
    };
    let mut row_h = vec![0.0f64; nrows];
    for (i, &r) in row.iter().enumerate() {
        row_h[r] = row_h[r].max(height_of(i));
    }

    // Lanes. A row gap (above row r; gap nrows is below the last row)
    // carries the horizontal middle of a line that crosses columns; a
    // column channel (right of column c) carries the vertical parts.
    let mut gap_lanes = vec![0usize; nrows + 1];
    let mut chan_lanes = vec![0usize; ncols];
    struct Plan {
        exit_lane: usize,
        gap: Option<(usize, usize)>,
        entry: Option<(usize, usize)>,
    }
    let mut plans = Vec::with_capacity(p.links.len());
    for l in &p.links {
        let (cs, ct) = (col_of(l.from), col_of(l.to));
        let (rs, rt) = (row[l.from], row[l.to]);
        let exit_lane = chan_lanes[cs];
        chan_lanes[cs] += 1;
        // Into the next column, or back into the same one: one vertical.
        let direct = ct == cs + 1 || ct == cs;
        let (gap, entry) = if direct {
            (None, None)
        } else {
            let g = match rt.cmp(&rs) {
                std::cmp::Ordering::Greater => rt,
                std::cmp::Ordering::Less => rt + 1,
                std::cmp::Ordering::Equal => rt,
            };
            let gl = gap_lanes[g];
            gap_lanes[g] += 1;
            let ch = if forward(l) { ct - 1 } else { ct };
            let el = chan_lanes[ch];
            chan_lanes[ch] += 1;
            (Some((g, gl)), Some((ch, el)))
        };
        plans.push(Plan {
            exit_lane,
            gap,
            entry,
        });
    }
    let gap_h: Vec<f64> = gap_lanes
        .iter()
        .enumerate()
        .map(|(g, &n)| {
            let edge = g == 0 || g == nrows;
            (n as f64 + 1.0) * LANE + if edge { 4.0 } else { 14.0 }
        })
        .collect();
    // Room for labels: those arriving at column c+1's left side and those
    // coming back to column c's right side share channel c, side by side.
    let mut fwd_label = vec![false; ncols];
    let mut back_label = vec![false; ncols];
    for l in p.links.iter().filter(|l| l.label.is_some()) {
        if forward(l) {
            fwd_label[col_of(l.to) - 1] = true;
        } else {
            back_label[col_of(l.to)] = true;
        }
    }
    let chan_w: Vec<f64> = (0..ncols)
        .map(|c| {
            let labels = (fwd_label[c] as u8 + back_label[c] as u8) as f64;
            (chan_lanes[c] as f64 + 1.0) * LANE + 40.0 + labels * LABEL_W
        })
        .collect();

    // Positions.
    let top = MARGIN + if p.heading.is_some() { HEAD } else { 0.0 } + 24.0;
    let mut col_x = vec![MARGIN; ncols];
    for c in 1..ncols {
        col_x[c] = col_x[c - 1] + BOX_W + chan_w[c - 1];
    }
    let mut row_y = vec![top; nrows + 1];
    let mut y = top;
    for r in 0..nrows {
        y += gap_h[r];
        row_y[r] = y;
        y += row_h[r];
    }
    row_y[nrows] = y;
    let gap_top = |g: usize| {
        if g == 0 {
            top
        } else {
            row_y[g - 1] + row_h[g - 1]
        }
    };
    let placed: Vec<Placed> = (0..p.nodes.len())
        .map(|i| {
            let h = height_of(i);
            Placed {
                x: col_x[col_of(i)],
                y: row_y[row[i]] + (row_h[row[i]] - h) / 2.0,
                h,
            }
        })
        .collect();
    let port_y = |side: &Vec<Vec<(f64, usize)>>, i: usize, k: usize| {
        let mut s = side[i].clone();
        s.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let at = s.iter().position(|&(_, x)| x == k).unwrap_or(0);
        placed[i].y + placed[i].h * (at as f64 + 1.0) / (s.len() as f64 + 1.0)
    };
    let chan_x = |c: usize, lane: usize| col_x[c] + BOX_W + (lane as f64 + 1.0) * LANE;
    let width = col_x[ncols - 1] + BOX_W + chan_w[ncols - 1] + MARGIN;
    let height = row_y[nrows] + gap_h[nrows] + MARGIN;

    let mut o = String::new();
    if let Some(h) = &p.heading {
        let _ = writeln!(
            o,
            "<text x=\"{MARGIN:.0}\" y=\"{:.0}\" font-size=\"17\" font-weight=\"bold\" fill=\"#003087\">{}</text>",
            MARGIN + 16.0,
            xml(h)
        );
    }
    for (c, name) in p.columns.iter().enumerate() {
        let _ = writeln!(
            o,
            "<text x=\"{:.0}\" y=\"{:.0}\" font-size=\"14\" font-weight=\"bold\" fill=\"#003087\">{}</text>",
            col_x[c],
            top - 4.0,
            xml(name)
        );
    }
    // Lines under boxes and labels.
    let mut labels = String::new();
    for (k, l) in p.links.iter().enumerate() {
        let plan = &plans[k];
        let (cs, ct) = (col_of(l.from), col_of(l.to));
        let sy = port_y(&right, l.from, k);
        let into_left = forward(l);
        let ty = if into_left {
            port_y(&left, l.to, k)
        } else {
            port_y(&right, l.to, k)
        };
        let sx = col_x[cs] + BOX_W;
        let tx = if into_left {
            col_x[ct]
        } else {
            col_x[ct] + BOX_W
        };
        let ex = chan_x(cs, plan.exit_lane);
        let mut d = format!("M {sx:.1} {sy:.1} H {ex:.1}");
        match (plan.gap, plan.entry) {
            (Some((g, gl)), Some((ch, el))) => {
                let gy = gap_top(g) + (gl as f64 + 1.0) * LANE;
                let nx = chan_x(ch, el);
                let _ = write!(d, " V {gy:.1} H {nx:.1} V {ty:.1} H {tx:.1}");
            }
            _ => {
                let _ = write!(d, " V {ty:.1} H {tx:.1}");
            }
        }
        let dash = if l.dashed {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "<path class=\"move\" d=\"{d}\" fill=\"none\" stroke=\"#425563\" stroke-width=\"1.4\"{dash} marker-end=\"url(#arrow)\"><title>{}</title></path>",
            xml(&l.tip)
        );
        if let Some(text) = &l.label {
            let (x, anchor) = if into_left {
                (tx - 8.0, "end")
            } else {
                (tx + 8.0, "start")
            };
            let _ = writeln!(
                labels,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{MIN_FONT:.0}\" text-anchor=\"{anchor}\" fill=\"#212b32\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                ty - 3.0,
                xml(text)
            );
        }
    }
    for (i, n) in p.nodes.iter().enumerate() {
        let b = &placed[i];
        let _ = writeln!(
            o,
            "<g><rect class=\"box\" x=\"{:.1}\" y=\"{:.1}\" width=\"{BOX_W:.0}\" height=\"{:.1}\" rx=\"6\" fill=\"{}\" stroke=\"#005eb8\" stroke-width=\"1.2\"/>",
            b.x, b.y, b.h, n.fill
        );
        let start = b.y + b.h / 2.0 - (n.lines.len() as f64 - 1.0) * 7.5 + 4.0;
        for (k, line) in n.lines.iter().enumerate() {
            let _ = writeln!(
                o,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{FONT:.0}\" text-anchor=\"middle\" fill=\"#212b32\">{}</text>",
                b.x + BOX_W / 2.0,
                start + k as f64 * 15.0,
                xml(line)
            );
        }
        o.push_str("</g>\n");
    }
    o.push_str(&labels);
    Drawn {
        svg: o,
        width,
        height,
    }
}
