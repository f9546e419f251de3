//! Bounded work on hostile-scale data (issue 16: F3, F4, F5): each case
//! runs under a memory cap and a watchdog, so a regression to quadratic
//! time or roles² memory fails the test instead of hanging the suite.
//! These are bounds, not timings; the timings are in BENCHMARKS.md.

#[path = "../../examples/hostile.rs"]
mod hostile;

use std::path::Path;
use std::process::Command;

/// Address space the binary may use: about 1 GB. Before the fixes the
/// dense case needed 13.7 GB.
const MEMORY_KB: u32 = 1_000_000;
/// A watchdog well above the slowest case in a debug build (about 8 s):
/// the 100,000-long chain took over 300 s to check before the fix.
const WATCHDOG_S: u32 = 120;

/// Runs `roadmap ARGS` capped; returns (exit code, stdout length, stderr).
fn capped(home: &Path, args: &[&str]) -> (i32, usize, String) {
    let bin = assert_cmd::cargo::cargo_bin("roadmap");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KB}; exec timeout -s KILL {WATCHDOG_S} \"$0\" \"$@\""
        ))
        .arg(bin)
        .args(args)
        .env("ROADMAP_HOME", home)
        .env("COLUMNS", "100")
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        out.stdout.len(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn expect_ok(home: &Path, args: &[&str]) -> usize {
    let (code, len, err) = capped(home, args);
    assert_eq!(code, 0, "{args:?} (137 = killed by the watchdog): {err}");
    len
}

#[test]
fn a_thousand_roles_all_connected_stay_bounded() {
    let h = tempfile::tempdir().unwrap();
    let dir = h.path().join("dense");
    hostile::dense(1_000, &dir);
    let d = dir.to_str().unwrap();
    let routes = [
        "pathways",
        "--from",
        "d0",
        "--to",
        "d999",
        "--routes",
        "20",
        "--overlay",
        d,
    ];
    assert!(expect_ok(h.path(), &routes) > 100);
    // Too many moves to draw: the map says so instead of 250 MB of lines.
    let svg = expect_ok(h.path(), &["export", "--format", "svg", "--overlay", d]);
    assert!(svg < 2_000_000, "the SVG is {svg} bytes");
    let html = expect_ok(h.path(), &["export", "--format", "html", "--overlay", d]);
    assert!(html < 60_000_000, "the page is {html} bytes");
    expect_ok(h.path(), &["check", "--overlay", d]);
}

#[test]
fn a_hundred_thousand_long_equivalence_chain_checks_in_linear_time() {
    let h = tempfile::tempdir().unwrap();
    let dir = h.path().join("chain");
    hostile::chain(100_000, &dir);
    let d = dir.to_str().unwrap();
    expect_ok(h.path(), &["check", "--overlay", d]);
    expect_ok(h.path(), &["pathways", "--from", "band3", "--overlay", d]);
}

#[test]
fn a_megabyte_title_without_spaces_is_shortened_in_tables() {
    let h = tempfile::tempdir().unwrap();
    let dir = h.path().join("title");
    hostile::title(1_000_000, &dir);
    let d = dir.to_str().unwrap();
    for args in [
        &["roles", "--overlay", d][..],
        &["search", "xxxx", "--overlay", d],
        &["pathways", "--from", "band3", "--overlay", d],
    ] {
        let len = expect_ok(h.path(), args);
        assert!(len < 100_000, "{args:?} printed {len} bytes");
    }
}
