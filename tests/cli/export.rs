//! `roadmap export`: every format from the national data, each checked by
//! something that parses or renders it; escaping of hostile data.

use super::common::{chromium_dom, home, roadmap, run, tool};
use std::path::Path;
use std::process::Command;

fn export(home: &Path, format: &str, extra: &[&str]) -> String {
    let mut args = vec!["export", "--format", format];
    args.extend(extra);
    let (code, out, err) = run(home, &args);
    assert_eq!(code, 0, "{format}: {err}");
    out
}

/// A tool the tests need. CI installs it (.ci/run); elsewhere a missing
/// tool skips that check with a note rather than failing the suite.
#[test]
fn json_export_has_the_whole_graph_and_reads_back() {
    let h = home();
    let out = export(h.path(), "json", &[]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["schema_version"], 1);
    for (k, min) in [
        ("roles", 30),
        ("programmes", 35),
        ("requirements", 30),
        ("pathways", 50),
        ("resources", 20),
        ("sources", 50),
    ] {
        assert!(v[k].as_array().unwrap().len() >= min, "{k}");
    }
    let ids: Vec<&str> = v["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["meta"]["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "records are sorted by id");
    let (code, schema, _) = run(h.path(), &["schema", "--export"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(schema["title"], "roadmap export");
}

#[test]
fn a_scoped_export_covers_only_that_slice() {
    let h = home();
    let v: serde_json::Value = serde_json::from_str(&export(
        h.path(),
        "json",
        &["--from", "msw", "--to", "midwife"],
    ))
    .unwrap();
    let roles: Vec<&str> = v["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["meta"]["id"].as_str().unwrap())
        .collect();
    assert!(
        roles.contains(&"maternity-support-worker") && roles.contains(&"midwife"),
        "{roles:?}"
    );
    assert!(!roles.contains(&"physiotherapist"), "{roles:?}");
    assert_eq!(v["scope"]["from"], "maternity-support-worker");
    let (code, _, err) = run(
        h.path(),
        &["export", "--format", "json", "--area", "skills"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("the areas are"), "{err}");
}

#[test]
fn csv_export_has_one_row_per_pathway_step_and_reads_back() {
    let h = home();
    let out = export(h.path(), "csv", &[]);
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let header = rdr.headers().unwrap().clone();
    for col in [
        "from",
        "from_title",
        "from_band",
        "to",
        "to_title",
        "to_band",
        "via",
        "kind",
        "level",
        "standard",
        "duration_min",
        "duration_max",
        "entry_requirements",
        "sources",
    ] {
        assert!(header.iter().any(|h| h == col), "missing column {col}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert!(rows.len() > 60);
    assert!(rows.iter().any(
        |r| r.get(col("via")) == Some("nursing-associate-apprenticeship")
            && r.get(col("standard")) == Some("ST0827")
            && r.get(col("to_title")) == Some("Nursing associate")
            && r.get(col("to_band")) == Some("4")
    ));
    // Sources are titles and URLs, never the source documents' file names.
    for r in &rows {
        let s = r.get(col("sources")).unwrap();
        assert!(!s.contains(".txt"), "a file name in sources: {s}");
        assert!(!r.get(col("from_title")).unwrap().is_empty());
    }
}

#[test]
fn dot_export_is_accepted_by_graphviz() {
    let h = home();
    let out = export(h.path(), "dot", &[]);
    assert!(out.starts_with("digraph roadmap {"));
    if tool("dot") {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("r.dot");
        std::fs::write(&f, &out).unwrap();
        let st = Command::new("dot")
            .args(["-Tsvg", "-o"])
            .arg(dir.path().join("r.svg"))
            .arg(&f)
            .output()
            .unwrap();
        assert!(
            st.status.success(),
            "dot rejected the export: {}",
            String::from_utf8_lossy(&st.stderr)
        );
    }
}

#[test]
fn mermaid_export_is_structurally_valid() {
    let h = home();
    let out = export(h.path(), "mermaid", &[]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut nodes = std::collections::HashSet::new();
    let mut depth = 0;
    let mut edges = 0;
    for l in lines {
        let t = l.trim();
        if let Some(rest) = t.strip_prefix("subgraph ") {
            depth += 1;
            nodes.insert(rest.split('[').next().unwrap().to_string());
        } else if t == "end" {
            depth -= 1;
        } else if t == "direction TB" {
        } else if t.contains(" ~~~ ") {
            // The invisible chain that orders the band subgraphs.
            for b in t.split(" ~~~ ") {
                assert!(nodes.contains(b), "an unknown subgraph in {t}");
            }
        } else if let Some((id, rest)) = t.split_once("[\"") {
            assert!(
                rest.ends_with("\"]") && !rest[..rest.len() - 2].contains('"'),
                "bad node: {t}"
            );
            nodes.insert(id.to_string());
        } else {
            let parts: Vec<&str> = t.split_whitespace().collect();
            let (a, b) = (parts[0], *parts.last().unwrap());
            assert!(
                nodes.contains(a) && nodes.contains(b),
                "edge to an undefined node: {t}"
            );
            assert!(
                t.contains("-->|\"") || t.contains("-.->|\""),
                "bad edge: {t}"
            );
            edges += 1;
        }
        assert!(depth >= 0);
    }
    assert_eq!(depth, 0, "every subgraph ends");
    assert!(nodes.len() > 30 && edges > 50);
}

#[test]
fn svg_export_is_well_formed_xml() {
    let h = home();
    let out = export(h.path(), "svg", &[]);
    assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    if tool("python3") {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("map.svg");
        std::fs::write(&f, &out).unwrap();
        let st = Command::new("python3").args(["-c", "import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(len(list(r.iter())))"]).arg(&f).output().unwrap();
        assert!(
            st.status.success(),
            "not well-formed: {}",
            String::from_utf8_lossy(&st.stderr)
        );
    }
}

#[test]
fn html_export_loads_in_chromium_self_contained_with_its_headings() {
    let h = home();
    let f = h.path().join("roadmap.html");
    let (code, _, err) = run(
        h.path(),
        &["export", "--format", "html", "-o", f.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&f).unwrap();
    // Self-contained: nothing is fetched when the page opens, and only its
    // own inline script may run (by hash).
    for bad in ["<script src", "<link", "src=", "@import", "url(http"] {
        assert!(!html.contains(bad), "page would load something: {bad}");
    }
    assert!(html.contains("Content-Security-Policy") && html.contains("script-src 'sha256-"));
    if tool("chromium") {
        let (dom, log) = chromium_dom(&f);
        for want in [
            "NHS healthcare support worker learning and development roadmap",
            "Pathway map",
            "Moves between roles",
            "Roles",
            "Requirements and what counts",
            "Where to look",
        ] {
            assert!(dom.contains(want), "rendered page lacks {want:?}");
        }
        assert!(dom.contains("<svg") && dom.contains("<table>"));
        assert!(!log.contains("CONSOLE"), "console messages: {log}");
    }
}

#[test]
fn hostile_titles_are_escaped_in_every_format() {
    let h = home();
    let ov = tempfile::tempdir().unwrap();
    std::fs::write(
        ov.path().join("evil.toml"),
        r#"
[[role]]
id = "healthcare-support-worker"
title = "<script>alert(1)</script> \"HCA\" | =cmd"
summary = "Hostile title for escaping tests."
sources = ["https://example.org/x"]
reviewed = 2026-11-21
band = 2
family = "nursing"
registered = "none"
aliases = ["band 2"]
"#,
    )
    .unwrap();
    let o = ov.path().to_str().unwrap();
    let f = h.path().join("evil.html");
    let (code, _, err) = run(
        h.path(),
        &[
            "export",
            "--format",
            "html",
            "--overlay",
            o,
            "-o",
            f.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&f).unwrap();
    // The page's own script is the only script: the title is text in the
    // tables and an escape in the panel's data.
    assert!(
        !html.contains("<script>alert") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert_eq!(
        html.matches("<script").count(),
        2,
        "the data and the panel's script only"
    );
    assert!(html.contains("\\u003cscript\\u003ealert(1)"));
    if tool("chromium") {
        let (dom, _) = chromium_dom(&f);
        assert!(!dom.contains("<script>alert"), "the title must stay text");
        assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
    let svg = export(h.path(), "svg", &["--overlay", o]);
    assert!(!svg.contains("<script>") && svg.contains("&quot;HCA&quot;"));
    let mermaid = export(h.path(), "mermaid", &["--overlay", o]);
    assert!(
        mermaid.contains("#lt;script#gt;")
            && mermaid.contains("#quot;HCA#quot;")
            && mermaid.contains("#124;")
    );
    let dot = export(h.path(), "dot", &["--overlay", o]);
    assert!(dot.contains("\\\"HCA\\\""));
    let md = export(h.path(), "markdown", &["--overlay", o]);
    assert!(md.contains("\\<script\\>") && md.contains("\\|"));
    let csv_text = export(h.path(), "csv", &["--overlay", o]);
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    assert!(rdr.records().all(|r| r.is_ok()));
}

#[test]
fn exports_are_byte_identical_and_never_overwrite_without_force() {
    let h = home();
    for f in ["json", "csv", "markdown", "mermaid", "dot", "svg", "html"] {
        assert_eq!(
            export(h.path(), f, &[]),
            export(h.path(), f, &[]),
            "{f} must be deterministic"
        );
    }
    let out = h.path().join("roadmap.csv");
    std::fs::write(&out, "keep me").unwrap();
    let (code, _, err) = run(
        h.path(),
        &["export", "--format", "csv", "-o", out.to_str().unwrap()],
    );
    assert_eq!(code, 73);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let (code, _, _) = run(
        h.path(),
        &[
            "export",
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("pathway,from,from_title,from_band,to,")
    );
    // No temporary files are left beside it.
    let left: Vec<_> = std::fs::read_dir(h.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty());
}

#[test]
fn completions_and_man_page() {
    let h = home();
    for sh in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, out, _) = run(h.path(), &["completions", sh]);
        assert_eq!(code, 0, "{sh}");
        assert!(out.contains("roadmap") && out.contains("pathways"), "{sh}");
    }
    let (code, out, _) = run(h.path(), &["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH roadmap 1") && out.contains("pathways"));
    let out = roadmap(h.path())
        .args(["export", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Example"));
}

/// Every signpost with a URL in the data is a real link on the page.
#[test]
fn every_signpost_with_a_url_is_a_link_on_the_page() {
    let h = home();
    let page = export(h.path(), "html", &[]);
    let data: serde_json::Value = serde_json::from_str(&export(h.path(), "json", &[])).unwrap();
    let urls: Vec<&str> = data["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["url"].as_str())
        .collect();
    assert!(urls.len() >= 10, "{urls:?}");
    for u in urls {
        let escaped = u.replace('&', "&amp;").replace('"', "&quot;");
        assert!(
            page.contains(&format!("href=\"{escaped}\"")),
            "no link to {u}"
        );
    }
}
