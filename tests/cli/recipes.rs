//! The README's export recipes do what their comments say: each command is
//! run as written (through `sh`, with this build's `roadmap` first on the
//! PATH) and its output checked against the comment's meaning.

use super::common::tool;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// (comment, command) for each recipe in the README's "Recipes" block.
fn recipes() -> Vec<(String, String)> {
    let readme = include_str!("../../README.md");
    let block = readme
        .split("Recipes:\n\n```sh\n")
        .nth(1)
        .expect("a Recipes block")
        .split("\n```\n")
        .next()
        .unwrap();
    let mut out = Vec::new();
    let mut comment = String::new();
    for line in block.lines() {
        if let Some(c) = line.strip_prefix("# ") {
            comment = c.to_string();
        } else if !line.trim().is_empty() {
            out.push((comment.clone(), line.to_string()));
        }
    }
    out
}

fn sh(dir: &Path, command: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("roadmap");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .args(["-c", command])
        .current_dir(dir)
        .env("PATH", path)
        .env("ROADMAP_HOME", dir.join("home"))
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "{command}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn json(dir: &Path, command: &str) -> Value {
    serde_json::from_str(&sh(dir, command)).expect("JSON")
}

#[test]
fn every_readme_recipe_does_what_its_comment_says() {
    let all = recipes();
    assert_eq!(all.len(), 7, "a new recipe needs its check here: {all:#?}");
    for (comment, command) in &all {
        let h = tempfile::tempdir().unwrap();
        let d = h.path();
        if command.contains("| jq") && !tool("jq") {
            continue;
        }
        let stdout = sh(d, command);
        let file = |name: &str| std::fs::read_to_string(d.join(name)).unwrap();
        match comment.as_str() {
            c if c.starts_with("A spreadsheet of the moves open to a band 2") => {
                let rows = csv_rows(&file("band2-moves.csv"));
                assert!(rows.len() > 10, "{c}: {} rows", rows.len());
                for r in &rows {
                    assert_eq!(r["from"], "healthcare-support-worker", "{c}");
                    assert_eq!(r["from_band"], "2", "{c}");
                }
                assert!(rows.iter().any(|r| r["to"] == "trainee-nursing-associate"));
            }
            c if c.starts_with("Two moves on from band 2") => {
                let rows = csv_rows(&file("band2-two-moves.csv"));
                let first: Vec<&str> = rows
                    .iter()
                    .filter(|r| r["from"] == "healthcare-support-worker")
                    .map(|r| r["to"].as_str())
                    .collect();
                for r in &rows {
                    assert!(
                        r["from"] == "healthcare-support-worker"
                            || first.contains(&r["from"].as_str()),
                        "{c}: {} is not one move from band 2",
                        r["from"]
                    );
                }
                assert!(
                    rows.iter()
                        .any(|r| r["from"] != "healthcare-support-worker")
                );
            }
            c if c.starts_with("An intranet page on routes into midwifery") => {
                let page = file("midwifery-routes.html");
                assert!(page.contains("Midwife"), "{c}");
                // The same scope as JSON: every move leads on to midwife.
                let v = json(d, "roadmap export --format json --to midwife --depth all");
                let paths = v["pathways"].as_array().unwrap();
                let froms: Vec<&str> = paths
                    .iter()
                    .flat_map(|p| p["from"].as_array().unwrap())
                    .map(|f| f.as_str().unwrap())
                    .collect();
                for p in paths {
                    let to = p["to"].as_str().expect("a move into a role");
                    assert!(
                        to == "midwife" || froms.contains(&to),
                        "{c}: {to} leads nowhere near midwife"
                    );
                }
                assert!(froms.contains(&"maternity-support-worker"));
                assert!(froms.len() > 3, "{c}: only {froms:?}");
            }
            c if c.starts_with("Every registered role and its regulator") => {
                let lines: Vec<&str> = stdout.lines().collect();
                assert!(lines.len() >= 14, "{c}: {lines:?}");
                assert!(
                    lines
                        .iter()
                        .all(|l| l.split('\t').nth(1).is_some_and(|r| !r.is_empty()))
                );
                assert!(stdout.contains("Registered nurse\tnmc"), "{stdout}");
            }
            c if c.starts_with("Next steps for one person") => {
                let titles: Vec<&str> = stdout.lines().collect();
                assert!(titles.len() > 3, "{c}: {titles:?}");
                assert!(titles.iter().all(|t| t.starts_with('"') || *t == "null"));
            }
            c if c.starts_with("A Mermaid diagram") => {
                let md = file("handout.md");
                assert!(md.starts_with("```mermaid\nflowchart LR\n"), "{md}");
                assert!(md.trim_end().ends_with("```"));
                assert!(md.contains("Midwife"), "the MSW's moves include midwife");
            }
            c if c.starts_with("The nursing family's moves as a map") => {
                let svg = file("nursing.svg");
                assert!(svg.starts_with("<svg"), "{c}");
                assert!(svg.contains("Registered nurse"));
                assert!(
                    !svg.contains("Paramedic"),
                    "{c}: a paramedic is not nursing"
                );
            }
            c => panic!("no check for the recipe {c:?}"),
        }
    }
}
