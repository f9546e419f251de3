//! The cache of validated `--data`/`--overlay` directories never changes an
//! answer: it is keyed on each layer's role and every file's content, and a
//! damaged cache file is ignored.

use super::common::{fixture, home, run};
use hcsw_roadmap::cache::Cached;
use std::path::Path;

/// A trust overlay: one valid record that refers to national data.
fn trust_overlay(dir: &Path) {
    std::fs::write(
        dir.join("offers.toml"),
        r#"[[programme]]
id = "our-phlebotomy-course"
title = "Phlebotomy course (our trust)"
summary = "A two-day in-house course."
sources = ["https://intranet.example.nhs.uk/learning/phlebotomy"]
reviewed = 2026-11-21
kind = "in-house"
"#,
    )
    .expect("write overlay");
}

fn cache_files(home: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(home.join("cache"))
        .map(|d| d.map(|e| e.expect("entry").path()).collect())
        .unwrap_or_default()
}

#[test]
fn data_and_overlay_of_one_directory_never_share_an_entry() {
    let h = home();
    let t = tempfile::tempdir().expect("dir");
    trust_overlay(t.path());
    let d = t.path().to_str().expect("utf-8");
    // As the only data, the overlay file has no roles: the answer differs.
    let (code, _, _) = run(h.path(), &["roles", "--data", d]);
    assert_eq!(code, 0);
    let (code, out, err) = run(h.path(), &["pathways", "--from", "band3", "--overlay", d]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Senior healthcare support worker"),
        "national data lost: {out}"
    );
    // And in the other order: --data must not get national + trust.
    let h = home();
    let (code, _, _) = run(h.path(), &["roles", "--overlay", d]);
    assert_eq!(code, 0);
    let (_, out, _) = run(h.path(), &["roles", "--data", d, "--format", "json"]);
    assert!(out.contains("\"roles\": []"), "{out}");
}

#[test]
fn an_overlay_that_check_rejects_is_never_served_from_the_cache() {
    let h = home();
    let mini = fixture("valid");
    let m = mini.to_str().expect("utf-8");
    assert_eq!(run(h.path(), &["roles", "--data", m]).0, 0);
    let (check, _, _) = run(h.path(), &["check", "--overlay", m]);
    assert_eq!(check, 65, "mini clashes with national aliases");
    let (code, _, err) = run(h.path(), &["roles", "--overlay", m]);
    assert_eq!(code, 65, "{err}");
}

#[test]
fn an_edit_that_keeps_size_and_time_is_seen() {
    let h = home();
    let t = tempfile::tempdir().expect("dir");
    let file = t.path().join("mini.toml");
    let text = std::fs::read_to_string(fixture("valid/mini.toml")).expect("mini");
    std::fs::write(&file, &text).expect("write");
    let d = t.path().to_str().expect("utf-8");
    let (_, before, _) = run(h.path(), &["roles", "--data", d]);
    assert!(before.contains("Registered nurse"));
    let stamp = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    let set = |text: &str| {
        std::fs::write(&file, text).expect("write");
        let f = std::fs::File::options()
            .write(true)
            .open(&file)
            .expect("open");
        f.set_modified(stamp).expect("set mtime");
    };
    // Same length, same time, different title.
    set(&text.replace("Registered nurse", "Registered nurze"));
    let (code, after, _) = run(h.path(), &["roles", "--data", d]);
    assert_eq!(code, 0);
    assert!(after.contains("Registered nurze"), "{after}");
    // Same length, same time, now invalid: band 5 becomes band 0.
    set(&text.replace("band = 5\n", "band = 0\n"));
    let (code, _, err) = run(h.path(), &["roles", "--data", d]);
    assert_eq!(code, 65, "{err}");
}

#[test]
fn every_single_bit_flip_in_a_cache_file_is_detected() {
    let h = home();
    let mini = fixture("valid");
    let m = mini.to_str().expect("utf-8");
    let (_, want, _) = run(h.path(), &["roles", "--data", m]);
    let files = cache_files(h.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let bytes = std::fs::read(&files[0]).expect("read");
    assert!(Cached::decode(bytes.clone().leak()).is_some());
    // In process, every bit of the file.
    for i in 0..bytes.len() * 8 {
        let mut b = bytes.clone();
        b[i / 8] ^= 1 << (i % 8);
        assert!(
            Cached::decode(b.leak()).is_none(),
            "flip of bit {i} went unseen"
        );
    }
    // Through the binary, a few: the answer is the same as without a cache.
    for i in [0, 37, bytes.len() * 4, bytes.len() * 8 - 1] {
        let mut b = bytes.clone();
        b[i / 8] ^= 1 << (i % 8);
        std::fs::write(&files[0], &b).expect("write");
        let (code, out, err) = run(h.path(), &["roles", "--data", m]);
        assert_eq!((code, out.as_str()), (0, want.as_str()), "{err}");
    }
}

#[test]
fn an_empty_roadmap_home_writes_no_cache_in_the_working_directory() {
    let cwd = tempfile::tempdir().expect("dir");
    let mini = fixture("valid");
    let out = assert_cmd::Command::cargo_bin("roadmap")
        .expect("binary")
        .current_dir(cwd.path())
        .env("ROADMAP_HOME", "")
        .env("XDG_CACHE_HOME", cwd.path().join("xdg"))
        .args(["roles", "--data", mini.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(!cwd.path().join("cache").exists(), "wrote ./cache");
}
