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

/// The grid: each node's column and row.
struct Grid {
    ncols: usize,
    nrows: usize,
    col: Vec<usize>,
    row: Vec<usize>,
}

impl Grid {
    fn of(p: &Panel) -> Grid {
        let ncols = p.columns.len().max(1);
        let col: Vec<usize> = p.nodes.iter().map(|n| n.col.min(ncols - 1)).collect();
        let mut cols: Vec<Vec<usize>> = vec![Vec::new(); ncols];
        for (i, &c) in col.iter().enumerate() {
            cols[c].push(i);
        }
        let mut row = vec![0usize; p.nodes.len()];
        for c in &mut cols {
            c.sort_by(|&a, &b| {
                p.nodes[a]
                    .order
                    .total_cmp(&p.nodes[b].order)
                    .then(a.cmp(&b))
            });
            for (r, &i) in c.iter().enumerate() {
                row[i] = r;
            }
        }
        let nrows = cols.iter().map(Vec::len).max().unwrap_or(0);
        Grid {
            ncols,
            nrows,
            col,
            row,
        }
    }

    /// Whether a line goes to a column further right (it then enters its
    /// target's left side; otherwise it comes round to the right side).
    fn forward(&self, l: &Link) -> bool {
        self.col[l.to] > self.col[l.from]
    }
}

/// Each box's ports: the lines on its right and left sides, in order of
/// where their other end is, so lines leave and arrive without crossing.
struct Ports {
    right: Vec<Vec<usize>>,
    left: Vec<Vec<usize>>,
}

impl Ports {
    fn of(p: &Panel, g: &Grid) -> Ports {
        let n = p.nodes.len();
        let mut right: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
        let mut left: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
        let key = |i: usize| g.row[i] as f64 + g.col[i] as f64 * 1e-3;
        for (k, l) in p.links.iter().enumerate() {
            right[l.from].push((key(l.to), k));
            if g.forward(l) {
                left[l.to].push((key(l.from), k));
            } else {
                right[l.to].push((key(l.from), k));
            }
        }
        let ordered = |sides: Vec<Vec<(f64, usize)>>| {
            sides
                .into_iter()
                .map(|mut s| {
                    s.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                    s.into_iter().map(|(_, k)| k).collect()
                })
                .collect()
        };
        Ports {
            right: ordered(right),
            left: ordered(left),
        }
    }

    fn most(&self, i: usize) -> usize {
        self.right[i].len().max(self.left[i].len())
    }
}

/// Each line's lanes: its vertical lane in the channel right of its
/// source column and, for a line that crosses columns, a lane in a row gap
/// (gap r is above row r; gap nrows is below the last) and a vertical lane
/// in the channel beside its target.
struct Route {
    exit: usize,
    gap: Option<(usize, usize)>,
    entry: Option<(usize, usize)>,
}

struct Lanes {
    routes: Vec<Route>,
    /// Lanes in each row gap, and in each column's channel.
    gaps: Vec<usize>,
    channels: Vec<usize>,
}

impl Lanes {
    fn of(p: &Panel, g: &Grid) -> Lanes {
        let mut gaps = vec![0usize; g.nrows + 1];
        let mut channels = vec![0usize; g.ncols];
        let take = |lanes: &mut Vec<usize>, at: usize| {
            lanes[at] += 1;
            lanes[at] - 1
        };
        let routes = p
            .links
            .iter()
            .map(|l| {
                let (cs, ct) = (g.col[l.from], g.col[l.to]);
                let (rs, rt) = (g.row[l.from], g.row[l.to]);
                let exit = take(&mut channels, cs);
                // Into the next column, or back into the same one: one
                // vertical in the source's channel does.
                if ct == cs + 1 || ct == cs {
                    return Route {
                        exit,
                        gap: None,
                        entry: None,
                    };
                }
                let gap = if rt < rs { rt + 1 } else { rt };
                let ch = if g.forward(l) { ct - 1 } else { ct };
                Route {
                    exit,
                    gap: Some((gap, take(&mut gaps, gap))),
                    entry: Some((ch, take(&mut channels, ch))),
                }
            })
            .collect();
        Lanes {
            routes,
            gaps,
            channels,
        }
    }
}

/// Where everything is.
struct Geometry {
    top: f64,
    col_x: Vec<f64>,
    row_y: Vec<f64>,
    row_h: Vec<f64>,
    gap_h: Vec<f64>,
    /// Each box: (x, y, height).
    boxes: Vec<(f64, f64, f64)>,
    width: f64,
    height: f64,
}

impl Geometry {
    fn of(p: &Panel, g: &Grid, ports: &Ports, lanes: &Lanes) -> Geometry {
        let labelled = p.links.iter().any(|l| l.label.is_some());
        let spacing = if labelled { 15.0 } else { 8.0 };
        let height_of = |i: usize| {
            let text = p.nodes[i].lines.len() as f64 * 15.0 + 14.0;
            text.max((ports.most(i) as f64 + 1.0) * spacing).max(44.0)
        };
        let mut row_h = vec![0.0f64; g.nrows];
        for (i, &r) in g.row.iter().enumerate() {
            row_h[r] = row_h[r].max(height_of(i));
        }
        let gap_h: Vec<f64> = lanes
            .gaps
            .iter()
            .enumerate()
            .map(|(k, &n)| {
                let edge = k == 0 || k == g.nrows;
                (n as f64 + 1.0) * LANE + if edge { 4.0 } else { 14.0 }
            })
            .collect();
        // Room for labels: those arriving at column c+1's left side and
        // those coming back to column c's right side share channel c.
        let mut fwd_label = vec![false; g.ncols];
        let mut back_label = vec![false; g.ncols];
        for l in p.links.iter().filter(|l| l.label.is_some()) {
            if g.forward(l) {
                fwd_label[g.col[l.to] - 1] = true;
            } else {
                back_label[g.col[l.to]] = true;
            }
        }
        let chan_w: Vec<f64> = (0..g.ncols)
            .map(|c| {
                let labels = (fwd_label[c] as u8 + back_label[c] as u8) as f64;
                (lanes.channels[c] as f64 + 1.0) * LANE + 40.0 + labels * LABEL_W
            })
            .collect();
        let top = MARGIN + if p.heading.is_some() { HEAD } else { 0.0 } + 24.0;
        let mut col_x = vec![MARGIN; g.ncols];
        for c in 1..g.ncols {
            col_x[c] = col_x[c - 1] + BOX_W + chan_w[c - 1];
        }
        let mut row_y = vec![top; g.nrows + 1];
        let mut y = top;
        for r in 0..g.nrows {
            y += gap_h[r];
            row_y[r] = y;
            y += row_h[r];
        }
        row_y[g.nrows] = y;
        let boxes = (0..p.nodes.len())
            .map(|i| {
                let (r, h) = (g.row[i], height_of(i));
                (col_x[g.col[i]], row_y[r] + (row_h[r] - h) / 2.0, h)
            })
            .collect();
        Geometry {
            top,
            width: col_x[g.ncols - 1] + BOX_W + chan_w[g.ncols - 1] + MARGIN,
            height: row_y[g.nrows] + gap_h[g.nrows] + MARGIN,
            col_x,
            row_y,
            row_h,
            gap_h,
            boxes,
        }
    }

    /// The y of a line's port on a side of box `i`.
    fn port(&self, side: &[Vec<usize>], i: usize, line: usize) -> f64 {
        let (_, y, h) = self.boxes[i];
        let at = side[i].iter().position(|&k| k == line).unwrap_or(0);
        y + h * (at as f64 + 1.0) / (side[i].len() as f64 + 1.0)
    }

    /// The x of a lane in the channel right of column `c`.
    fn lane_x(&self, c: usize, lane: usize) -> f64 {
        self.col_x[c] + BOX_W + (lane as f64 + 1.0) * LANE
    }

    /// The y of a lane in row gap `k`.
    fn lane_y(&self, k: usize, lane: usize) -> f64 {
        let gap_top = if k == 0 {
            self.top
        } else {
            self.row_y[k - 1] + self.row_h[k - 1]
        };
        debug_assert!(lane as f64 * LANE < self.gap_h[k]);
        gap_top + (lane as f64 + 1.0) * LANE
    }
}

pub fn draw(p: &Panel) -> Drawn {
    let grid = Grid::of(p);
    let ports = Ports::of(p, &grid);
    let lanes = Lanes::of(p, &grid);
    let geo = Geometry::of(p, &grid, &ports, &lanes);
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
            geo.col_x[c],
            geo.top - 4.0,
            xml(name)
        );
    }
    // Lines under boxes, labels over them.
    let mut labels = String::new();
    for (k, l) in p.links.iter().enumerate() {
        line(
            &mut o,
            &mut labels,
            l,
            k,
            &grid,
            &ports,
            &lanes.routes[k],
            &geo,
        );
    }
    for (i, n) in p.nodes.iter().enumerate() {
        node(&mut o, n, geo.boxes[i]);
    }
    o.push_str(&labels);
    Drawn {
        svg: o,
        width: geo.width,
        height: geo.height,
    }
}

/// One line as a path of straight segments, and its label.
#[allow(clippy::too_many_arguments)]
fn line(
    o: &mut String,
    labels: &mut String,
    l: &Link,
    k: usize,
    g: &Grid,
    ports: &Ports,
    route: &Route,
    geo: &Geometry,
) {
    let (cs, ct) = (g.col[l.from], g.col[l.to]);
    let into_left = g.forward(l);
    let sy = geo.port(&ports.right, l.from, k);
    let ty = geo.port(if into_left { &ports.left } else { &ports.right }, l.to, k);
    let sx = geo.col_x[cs] + BOX_W;
    let tx = if into_left {
        geo.col_x[ct]
    } else {
        geo.col_x[ct] + BOX_W
    };
    let ex = geo.lane_x(cs, route.exit);
    let mut d = format!("M {sx:.1} {sy:.1} H {ex:.1}");
    if let (Some((gap, gl)), Some((ch, el))) = (route.gap, route.entry) {
        let gy = geo.lane_y(gap, gl);
        let nx = geo.lane_x(ch, el);
        let _ = write!(d, " V {gy:.1} H {nx:.1}");
    }
    let _ = write!(d, " V {ty:.1} H {tx:.1}");
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

/// One box with its title, centred.
fn node(o: &mut String, n: &Node, (x, y, h): (f64, f64, f64)) {
    let _ = writeln!(
        o,
        "<g><rect class=\"box\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{BOX_W:.0}\" height=\"{h:.1}\" rx=\"6\" fill=\"{}\" stroke=\"#005eb8\" stroke-width=\"1.2\"/>",
        n.fill
    );
    let start = y + h / 2.0 - (n.lines.len() as f64 - 1.0) * 7.5 + 4.0;
    for (k, text) in n.lines.iter().enumerate() {
        let _ = writeln!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{FONT:.0}\" text-anchor=\"middle\" fill=\"#212b32\">{}</text>",
            x + BOX_W / 2.0,
            start + k as f64 * 15.0,
            xml(text)
        );
    }
    o.push_str("</g>\n");
}
