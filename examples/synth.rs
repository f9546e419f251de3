//! Writes a valid synthetic dataset N times the national one, for
//! benchmarks: `cargo run --release --example synth -- 100 /tmp/data-100x`.
//!
//! Copy k of every record gets the id suffix `-xk` (references rewritten to
//! match), aliases are suffixed too, and each role in copy k gets a lateral
//! pathway to its twin in copy k+1, so the copies form one connected graph
//! rather than N islands.

use hcsw_roadmap::embedded;
use std::collections::HashSet;
use toml::{Table, Value};

/// Fields holding one id, a list of ids, or a list of expressions.
const ONE_ID: &[&str] = &["id", "to"];
const ID_LISTS: &[&str] = &[
    "settings",
    "from",
    "via",
    "grants",
    "areas",
    "rules",
    "helps-with",
];
const EXPRS: &[&str] = &["entry", "usually", "requires", "satisfied-by"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: synth N OUTDIR   (N copies of the national data)");
        std::process::exit(2);
    };
    let out = std::path::Path::new(out);
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("cannot create {}: {e}", out.display());
        std::process::exit(74);
    }
    let files: Vec<(String, Table)> = embedded::files()
        .into_iter()
        .map(|f| {
            let name = f
                .file
                .name
                .rsplit('/')
                .next()
                .unwrap_or("data.toml")
                .to_string();
            (
                name,
                toml::from_str(&f.file.text).expect("embedded data parses"),
            )
        })
        .collect();
    let ids: HashSet<String> = files
        .iter()
        .flat_map(|(_, t)| t.values())
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_string))
        .collect();
    let role_ids: Vec<String> = files
        .iter()
        .flat_map(|(_, t)| {
            t.get("role")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
        .filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_string))
        .collect();
    for k in 1..=n {
        let suffix = |id: &str| {
            if k == 1 {
                id.to_string()
            } else {
                format!("{id}-x{k}")
            }
        };
        for (name, table) in &files {
            let mut copy = table.clone();
            for (_, records) in copy.iter_mut() {
                let Some(records) = records.as_array_mut() else {
                    continue;
                };
                for rec in records.iter_mut().filter_map(Value::as_table_mut) {
                    rewrite(rec, &ids, &suffix, k);
                }
            }
            if name == "pathways.toml" && k < n {
                let links = copy
                    .entry("pathway")
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(list) = links {
                    for r in &role_ids {
                        list.push(link(r, k));
                    }
                }
            }
            let text = toml::to_string(&copy).expect("tables serialise");
            let path = out.join(format!("{}-{k:04}.toml", name.trim_end_matches(".toml")));
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("cannot write {}: {e}", path.display());
                std::process::exit(74);
            }
        }
    }
    println!("wrote {n} copies of the national data to {}", out.display());
}

fn rewrite(rec: &mut Table, ids: &HashSet<String>, suffix: &dyn Fn(&str) -> String, k: usize) {
    let map_id = |s: &str| {
        if ids.contains(s) {
            suffix(s)
        } else {
            s.to_string()
        }
    };
    for (key, v) in rec.iter_mut() {
        let key = key.as_str();
        match v {
            Value::String(s) if ONE_ID.contains(&key) => *s = map_id(s),
            Value::Array(list) if ID_LISTS.contains(&key) => {
                for s in list.iter_mut() {
                    if let Value::String(x) = s {
                        *x = map_id(x);
                    }
                }
            }
            Value::Array(list) if EXPRS.contains(&key) => {
                for s in list.iter_mut() {
                    if let Value::String(x) = s {
                        *x = x
                            .split('|')
                            .map(|alt| {
                                alt.split('&')
                                    .map(|id| map_id(id.trim()))
                                    .collect::<Vec<_>>()
                                    .join(" & ")
                            })
                            .collect::<Vec<_>>()
                            .join(" | ");
                    }
                }
            }
            // Aliases must stay unique; band aliases belong to the first copy only.
            Value::Array(list) if key == "aliases" && k > 1 => {
                list.retain(|a| {
                    !a.as_str()
                        .is_some_and(|a| a.to_lowercase().starts_with("band"))
                });
                for s in list.iter_mut() {
                    if let Value::String(x) = s {
                        *x = format!("{x} copy {k}");
                    }
                }
            }
            _ => {}
        }
    }
}

/// A lateral move from a role in copy k to its twin in copy k+1.
fn link(role: &str, k: usize) -> Value {
    let from = if k == 1 {
        role.to_string()
    } else {
        format!("{role}-x{k}")
    };
    let to = format!("{role}-x{}", k + 1);
    let text = format!(
        "id = \"link-{from}-to-{to}\"\ntitle = \"Synthetic link\"\nsummary = \"Benchmark data.\"\n\
         sources = [\"https://example.org/synthetic\"]\nreviewed = 2026-11-21\nkind = \"lateral\"\n\
         from = [\"{from}\"]\nto = \"{to}\"\n"
    );
    Value::Table(toml::from_str(&text).expect("link parses"))
}
