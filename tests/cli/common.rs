//! Helpers: run the real binary hermetically.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `roadmap` binary with a clean environment: no colour preference,
/// a fixed width, and a private home for profiles.
pub fn roadmap(home: &Path) -> Command {
    let mut c = Command::cargo_bin("roadmap").expect("binary builds");
    c.env_remove("NO_COLOR")
        .env("COLUMNS", "100")
        .env("ROADMAP_HOME", home)
        .env_remove("CLICOLOR_FORCE");
    c
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Runs and returns (exit code, stdout, stderr).
pub fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = roadmap(home).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Whether a tool is installed. In CI it must be (`.ci/run` installs it);
/// elsewhere a missing tool skips that check, with a note.
pub fn tool(name: &str) -> bool {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is required in CI (.ci/run installs it)"
        );
        eprintln!("note: {name} not installed; skipping that check");
    }
    found
}

/// The page as headless Chromium renders it: (DOM, Chromium's log).
pub fn chromium_dom(html: &Path) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
