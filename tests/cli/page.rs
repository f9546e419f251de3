//! The HTML page's "Where can I go from here?" panel, in a real browser:
//! `tests/browser/parity.mjs` (Playwright driving Debian's Chromium)
//! compares the panel's answers with `roadmap pathways --format json` for
//! thousands of inputs, and checks the URL fragment, the keyboard, axe-core
//! accessibility, the page with scripts off and that it fetches nothing.
//! Needs Node.js and `npm ci --prefix tests/browser` (.ci/run does both);
//! elsewhere a missing one skips the test with a note.

use super::common::tool;
use std::path::Path;
use std::process::Command;

#[test]
fn the_page_panel_answers_as_pathways_does_in_chromium() {
    if !tool("node") || !tool("chromium") {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if !dir.join("node_modules/playwright-core").is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run `npm ci --prefix tests/browser` first (.ci/run does)"
        );
        eprintln!("note: run `npm ci --prefix tests/browser` to run the browser tests; skipping");
        return;
    }
    let shots = tempfile::tempdir().unwrap();
    let out = Command::new("node")
        .arg(dir.join("parity.mjs"))
        .arg("--roadmap")
        .arg(assert_cmd::cargo::cargo_bin("roadmap"))
        // Every position with 30 holding sets (and 3 with --paid), 26 route
        // triples, the edge-case data: about 4,300 checks in 6 minutes with
        // a debug build. The sweep of every position x goal is left to
        // the full run (tests/browser/README.md).
        .arg("--no-sweep")
        .arg("--shots")
        .arg(shots.path())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout
        .lines()
        .rev()
        .find(|l| l.contains(" passed, "))
        .unwrap_or("");
    assert!(
        out.status.success(),
        "browser tests failed ({last}):\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let passed: u32 = last
        .split(" passed")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        passed > 1_000,
        "only {passed} browser checks ran:\n{stdout}"
    );
    assert!(last.contains(" 0 failed"), "{last}");
}
