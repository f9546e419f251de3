//! Writes the hostile-scale overlays of issue 16 into a directory, for the
//! bounded tests in `tests/cli/scale.rs` and for `bench/run.sh`:
//!
//! ```text
//! cargo run --release --example hostile -- dense 1000 DIR   # N roles, every one a lateral move from every other
//! cargo run --release --example hostile -- chain 100000 DIR # a satisfied-by chain N long
//! cargo run --release --example hostile -- title 1000000 DIR # a role whose title is N letters, no spaces
//! ```
//!
//! Each is a valid overlay on the national data (`roadmap check --overlay
//! DIR` accepts it), split into files under the loader's 8 MB limit.

use std::fmt::Write as _;
use std::path::Path;

const SOURCE: &str = "sources = [\"https://example.nhs.uk/\"]\nreviewed = 2026-11-21\n";

fn role(o: &mut String, id: &str, title: &str) {
    let _ = write!(
        o,
        "[[role]]\nid = \"{id}\"\ntitle = \"{title}\"\nsummary = \"A role.\"\nband = 3\n\
         settings = [\"acute\"]\nfamily = \"nursing\"\nregistered = \"none\"\n{SOURCE}\n"
    );
}

/// Writes `files` to `dir`, starting a new file before one passes 6 MB.
fn write_split(dir: &Path, stem: &str, records: impl Iterator<Item = String>) {
    std::fs::create_dir_all(dir).expect("create the directory");
    let (mut part, mut n) = (String::new(), 0);
    let flush = |part: &mut String, n: &mut usize| {
        if !part.is_empty() {
            std::fs::write(dir.join(format!("{stem}-{n:03}.toml")), &*part).expect("write");
            part.clear();
            *n += 1;
        }
    };
    for r in records {
        if part.len() + r.len() > 6_000_000 {
            flush(&mut part, &mut n);
        }
        part.push_str(&r);
    }
    flush(&mut part, &mut n);
}

/// N roles, each reachable from every other by a lateral move: the worst
/// case for route planning (issue 16, F3).
pub fn dense(n: usize, dir: &Path) {
    let ids: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
    let roles = ids.iter().map(|id| {
        let mut o = String::new();
        role(&mut o, id, &format!("Dense role {id}"));
        o
    });
    let pathways = ids.iter().map(|to| {
        let from: Vec<String> = ids
            .iter()
            .filter(|f| *f != to)
            .map(|f| format!("\"{f}\""))
            .collect();
        format!(
            "[[pathway]]\nid = \"to-{to}\"\ntitle = \"Move to {to}\"\nsummary = \"A move.\"\n\
             kind = \"lateral\"\nfrom = [{}]\nto = \"{to}\"\nvia = []\n{SOURCE}\n",
            from.join(",")
        )
    });
    write_split(dir, "dense", roles.chain(pathways));
}

/// Requirements r0 … rN-1, each satisfied by the next (issue 16, F4).
pub fn chain(n: usize, dir: &Path) {
    let reqs = (0..n).map(|i| {
        let by = if i + 1 < n {
            format!("satisfied-by = [\"r{}\"]\n", i + 1)
        } else {
            String::new()
        };
        format!(
            "[[requirement]]\nid = \"r{i}\"\ntitle = \"Requirement {i}\"\nsummary = \"A link.\"\n\
             kind = \"qualification\"\n{by}{SOURCE}\n"
        )
    });
    write_split(dir, "chain", reqs);
}

/// One role whose title is `n` letters with no space to break at (F5).
pub fn title(n: usize, dir: &Path) {
    let mut o = String::new();
    role(&mut o, "long-title", &"x".repeat(n));
    write_split(dir, "title", std::iter::once(o));
}

#[allow(dead_code)] // the tests include this file for its generators only
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: hostile dense|chain|title N DIR";
    let [kind, n, dir] = &args[..] else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let n: usize = n.parse().unwrap_or_else(|_| {
        eprintln!("{usage}");
        std::process::exit(2)
    });
    let dir = Path::new(dir);
    match kind.as_str() {
        "dense" => dense(n, dir),
        "chain" => chain(n, dir),
        "title" => title(n, dir),
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}
