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
