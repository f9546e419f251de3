//! The pathway map as a person reads it (issue 14): band columns left to
//! right in SVG, DOT and Mermaid; no line passes under a box it does not
//! connect; scoped maps label their lines; the whole roadmap is an
//! overview and one panel per family; no text smaller than 11 px.

use super::common::{home, run, tool};

fn export(args: &[&str]) -> String {
    let h = home();
    let mut a = vec!["export"];
    a.extend(args);
    let (code, out, err) = run(h.path(), &a);
    assert_eq!(code, 0, "{a:?}: {err}");
    out
}

/// The value of `name="..."` in an SVG tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[at..].split('"').next()
}

fn num(tag: &str, name: &str) -> f64 {
    attr(tag, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} in {tag}"))
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

/// Per panel: its boxes, its lines (as points) and its column headings.
struct Panel {
    boxes: Vec<Rect>,
    lines: Vec<(String, Vec<(f64, f64)>)>,
    columns: Vec<(f64, String)>,
}

fn panels(svg: &str) -> Vec<Panel> {
    let mut out: Vec<Panel> = Vec::new();
    for line in svg.lines() {
        if line.starts_with("<g transform=\"translate(") {
            out.push(Panel {
                boxes: Vec::new(),
                lines: Vec::new(),
                columns: Vec::new(),
            });
            continue;
        }
        let Some(p) = out.last_mut() else { continue };
        if let Some(i) = line.find("<rect class=\"box\"") {
            let tag = &line[i..];
            p.boxes.push(Rect {
                x: num(tag, "x"),
                y: num(tag, "y"),
                w: num(tag, "width"),
                h: num(tag, "height"),
            });
        } else if line.starts_with("<path class=\"move\"") {
            let d = attr(line, "d").unwrap();
            let tip = line.split("<title>").nth(1).unwrap_or("").to_string();
            let mut pts = Vec::new();
            let (mut x, mut y) = (0.0, 0.0);
            let mut it = d.split_whitespace();
            while let Some(cmd) = it.next() {
                let mut n = || it.next().unwrap().parse::<f64>().unwrap();
                match cmd {
                    "M" => {
                        x = n();
                        y = n();
                    }
                    "H" => x = n(),
                    "V" => y = n(),
                    other => panic!("a line that is not straight: {other} in {d}"),
                }
                pts.push((x, y));
            }
            p.lines.push((tip, pts));
        } else if line.contains("font-size=\"14\" font-weight=\"bold\"") {
            let text = line.split('>').nth(1).unwrap().split('<').next().unwrap();
            p.columns.push((num(line, "x"), text.to_string()));
        }
    }
    out
}

/// Whether the segment a-b enters the inside of the box (its border, where
/// lines start and end, is allowed).
fn crosses(a: (f64, f64), b: (f64, f64), r: Rect) -> bool {
    let e = 0.5;
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    x1 > r.x + e && x0 < r.x + r.w - e && y1 > r.y + e && y0 < r.y + r.h - e
}

fn check_map(name: &str, svg: &str) -> usize {
    let ps = panels(svg);
    assert!(!ps.is_empty(), "{name}: no panels");
    assert!(
        ps.iter().map(|p| p.boxes.len()).sum::<usize>() > 1,
        "{name}: no boxes"
    );
    let mut lines = 0;
    for (k, p) in ps.iter().enumerate() {
        for (tip, pts) in &p.lines {
            lines += 1;
            for w in pts.windows(2) {
                for b in &p.boxes {
                    assert!(
                        !crosses(w[0], w[1], *b),
                        "{name}, panel {k}: the line {tip:?} passes under the box at {b:?}"
                    );
                }
            }
        }
        // Band columns left to right.
        let bands: Vec<(f64, u32)> = p
            .columns
            .iter()
            .filter_map(|(x, t)| t.rsplit(' ').next()?.parse().ok().map(|b| (*x, b)))
            .collect();
        for w in bands.windows(2) {
            assert!(
                w[0].0 < w[1].0 && w[0].1 < w[1].1,
                "{name}: columns out of band order {bands:?}"
            );
        }
    }
    for size in svg.split("font-size=\"").skip(1) {
        let px: f64 = size.split('"').next().unwrap().parse().unwrap();
        assert!(px >= 11.0, "{name}: text at {px} px");
    }
    lines
}

#[test]
fn no_line_passes_under_a_box_and_columns_go_by_band() {
    let full = export(&["--format", "svg"]);
    let n = check_map("the whole roadmap", &full);
    assert!(n > 100, "only {n} lines on the whole map");
    // The whole roadmap: an overview, then one panel per family.
    assert!(full.contains("Overview: the role families"));
    for fam in [
        "Nursing",
        "Midwifery",
        "Allied health professions",
        "Ambulance",
    ] {
        assert!(
            full.contains(&format!("{fam}: moves into its roles")),
            "no {fam} panel"
        );
    }
    for args in [
        &["--from", "band3"][..],
        &["--to", "midwife", "--depth", "all"],
        &["--family", "ahp"],
        &["--from", "msw", "--depth", "2"],
    ] {
        let mut a = vec!["--format", "svg"];
        a.extend(args);
        let svg = export(&a);
        assert!(check_map(&format!("{args:?}"), &svg) > 0);
    }
}

#[test]
fn scoped_maps_label_their_lines() {
    let svg = export(&["--format", "svg", "--to", "midwife"]);
    assert!(
        svg.contains(">Shortened midwifery course…<")
            || svg.contains(">Shortened midwifery course"),
        "{svg}"
    );
    assert!(
        svg.contains("Midwife degree apprenticeship"),
        "no label for the apprenticeship"
    );
    // A label is shortened to at most 30 characters.
    for t in svg.split("paint-order=\"stroke\">").skip(1) {
        let label = t.split('<').next().unwrap();
        assert!(label.chars().count() <= 30, "{label}");
    }
}

#[test]
fn dot_and_mermaid_put_bands_left_to_right() {
    let mermaid = export(&["--format", "mermaid"]);
    assert!(
        mermaid.contains("  band1 ~~~ band2 ~~~ band3 ~~~ band4 ~~~ band5 ~~~ band6\n"),
        "{mermaid}"
    );
    let dot = export(&["--format", "dot"]);
    assert!(dot.contains("rankdir=LR"));
    if !tool("dot") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("map.dot");
    std::fs::write(&f, &dot).unwrap();
    let out = std::process::Command::new("dot")
        .arg("-Tplain")
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    let plain = String::from_utf8_lossy(&out.stdout);
    // Each node's band, from the cluster it is declared in.
    let mut band = std::collections::HashMap::new();
    let mut cur = 0u32;
    for l in dot.lines() {
        if let Some(b) = l.trim().strip_prefix("subgraph cluster_band") {
            cur = b.trim_end_matches(" {").parse().unwrap();
        } else if let Some(n) = l.trim().strip_prefix('n').and_then(|r| r.split(' ').next())
            && l.contains("[label=")
            && !l.contains("->")
        {
            band.insert(format!("n{n}"), cur);
        }
    }
    let xs: Vec<(u32, f64)> = plain
        .lines()
        .filter_map(|l| {
            let p: Vec<&str> = l.split_whitespace().collect();
            (p.first() == Some(&"node")).then_some(())?;
            Some((*band.get(p[1])?, p[2].parse().ok()?))
        })
        .collect();
    assert!(xs.len() > 30);
    for a in &xs {
        for b in &xs {
            if a.0 < b.0 {
                assert!(a.1 < b.1, "band {} drawn right of band {}", a.0, b.0);
            }
        }
    }
}
