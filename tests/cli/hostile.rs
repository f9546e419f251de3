//! Hostile input never panics (exit 101), and an interrupted save never
//! loses what the user had.

use super::common::{fixture, home, run};
use std::time::Duration;

#[test]
fn no_command_panics_on_hostile_input() {
    let h = home();
    let bad_dir = fixture("broken/syntax-error");
    let bad = bad_dir.to_str().unwrap();
    let file = fixture("valid/mini.toml");
    let file = file.to_str().unwrap();
    let weird = [
        "",
        " ",
        "band",
        "band0",
        "band99",
        "b",
        "\u{1b}[31m",
        "../../etc/passwd",
        "ü",
        "a|b&c",
        "--",
        "%s%n",
        &"x".repeat(5000),
    ];
    let mut cases: Vec<Vec<String>> = Vec::new();
    for w in weird {
        let w = w.to_string();
        for args in [
            vec!["pathways", "--from", &w],
            vec!["pathways", "--from", "band2", "--to", &w],
            vec!["pathways", "--from", "band2", "--have", &w],
            vec!["pathways", "--from", "band2", "--setting", &w],
            vec!["show", &w],
            vec!["search", &w],
            vec!["areas", &w],
            vec!["roles", "--family", &w],
            vec!["export", "--format", "svg", "--from", &w],
            vec!["check", "--data", &w],
            vec!["check", "--overlay", &w],
            vec!["assess", "--answers", &w],
        ] {
            cases.push(args.iter().map(|s| s.to_string()).collect());
        }
    }
    for args in [
        vec!["pathways", "--from", "band2", "--data", bad],
        vec!["export", "--format", "html", "--data", file],
        vec![
            "pathways",
            "--from",
            "band2",
            "--to",
            "registered-nurse",
            "--routes",
            "20",
        ],
        vec!["roles", "--band", "0"],
        vec!["export", "--format", "json", "-o", "/"],
        vec![
            "export",
            "--format",
            "json",
            "-o",
            "/nonexistent-dir/x.json",
        ],
        vec!["assess", "--answers", file],
        vec!["assess", "--answers", "/"],
        vec!["profile", "forget", "--yes"],
        vec!["completions", "tcsh"],
    ] {
        cases.push(args.iter().map(|s| s.to_string()).collect());
    }
    for args in &cases {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = run(h.path(), &a);
        assert_ne!(code, 101, "{a:?} panicked:\n{err}");
        assert!(!err.contains("panicked"), "{a:?}:\n{err}");
        assert!(
            [0, 1, 2, 65, 66, 73, 74].contains(&code),
            "{a:?}: unexpected exit {code}\n{err}"
        );
    }
}

#[test]
fn a_save_killed_between_write_and_rename_leaves_the_old_profile_intact() {
    let h = home();
    let answers = h.path().join("a.toml");
    std::fs::write(&answers, super::assess::ANSWERS).unwrap();
    let a = answers.to_str().unwrap();
    let (code, _, _) = run(h.path(), &["assess", "--save", "--answers", a]);
    assert_eq!(code, 0);
    let before = std::fs::read(h.path().join("profile.toml")).unwrap();
    std::fs::write(
        &answers,
        super::assess::ANSWERS.replace("Sam Patel", "Someone Else"),
    )
    .unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roadmap"))
        .args(["assess", "--save", "--answers", a])
        .env("ROADMAP_HOME", h.path())
        .env("ROADMAP_TEST_PAUSE_BEFORE_RENAME", "3000")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the new profile is written to its temporary file, then kill.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let tmp = std::fs::read_dir(h.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"));
        if tmp || std::time::Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(
        std::fs::read(h.path().join("profile.toml")).unwrap(),
        before,
        "the old profile must survive"
    );
    // And the next save still works, replacing it cleanly.
    let (code, _, _) = run(h.path(), &["assess", "--save", "--answers", a]);
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(h.path().join("profile.toml"))
            .unwrap()
            .contains("Someone Else")
    );
}

#[test]
fn an_export_killed_before_rename_leaves_no_half_file() {
    let h = home();
    let out = h.path().join("map.html");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roadmap"))
        .args(["export", "--format", "html", "-o", out.to_str().unwrap()])
        .env("ROADMAP_HOME", h.path())
        .env("ROADMAP_TEST_PAUSE_BEFORE_RENAME", "3000")
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    child.kill().unwrap();
    let _ = child.wait();
    assert!(
        !out.exists(),
        "a killed export must not leave a partial file at the target"
    );
}

/// Issue 16, F18: data with thousands of settings must not turn one
/// mistyped `--setting` into a page of valid values.
#[test]
fn an_unknown_value_lists_only_a_few_of_thousands() {
    let h = home();
    let dir = h.path().join("many");
    std::fs::create_dir(&dir).unwrap();
    let mut toml = String::new();
    for i in 0..5_000 {
        toml.push_str(&format!(
            "[[setting]]\nid = \"setting-{i}\"\ntitle = \"Setting {i}\"\nsummary = \"A place.\"\nsources = [\"https://example.nhs.uk/\"]\nreviewed = 2026-11-21\n\n"
        ));
    }
    std::fs::write(dir.join("settings.toml"), toml).unwrap();
    let dir = dir.to_str().unwrap();
    for args in [
        vec![
            "pathways",
            "--from",
            "band3",
            "--setting",
            "nowhere",
            "--overlay",
            dir,
        ],
        vec!["roles", "--setting", "nowhere", "--overlay", dir],
        vec![
            "export",
            "--format",
            "csv",
            "--setting",
            "nowhere",
            "--overlay",
            dir,
        ],
    ] {
        let (code, _, err) = run(h.path(), &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.len() < 1_500, "{args:?}: {} bytes of error", err.len());
        assert!(
            err.contains("4997 more"),
            "{args:?}: says how many more: {err}"
        );
    }
}

/// Issue 16, F11 and F18: text that would break SVG or HTML, or smuggle
/// control characters into JSON, is refused with its place; names that
/// only look different clash; a title that copies a national one warns.
#[test]
fn lookalike_and_invisible_text_in_data_is_caught() {
    let role = |id: &str, title: &str, aliases: &str| {
        format!(
            "[[role]]\nid = \"{id}\"\ntitle = \"{title}\"\nsummary = \"A role.\"\nband = 3\n\
             settings = [\"acute\"]\nfamily = \"nursing\"\nregistered = \"none\"\naliases = [{aliases}]\n\
             sources = [\"https://example.nhs.uk/\"]\nreviewed = 2026-11-21\n"
        )
    };
    let programme =
        "[[programme]]\nid = \"bad-funding\"\ntitle = \"Bad funding\"\nsummary = \"A course.\"\n\
        kind = \"in-house\"\nfunding = \"Free\\u0000 \\u202E\"\nstudy = \"Bell\\u0007\"\n\
        sources = [\"https://example.nhs.uk/\"]\nreviewed = 2026-11-21\n"
            .to_string();
    let cases = [
        (role("x1", "Odd \\uFFFF title", ""), 65, "noncharacter"),
        (
            role("x2", "Zero width", "\"HCA\\u200B\""),
            65,
            "is used by two roles",
        ),
        (role("x3", "Fine", "\"ＨＣＡ\""), 65, "is used by two roles"),
        (programme, 65, "funding contains a control character"),
        (role("x4", "Registered nurse", ""), 0, "have the same title"),
    ];
    for (toml, want, says) in cases {
        let h = home();
        let dir = h.path().join("overlay");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("r.toml"), &toml).unwrap();
        let (code, _, err) = run(h.path(), &["check", "--overlay", dir.to_str().unwrap()]);
        assert_eq!(code, want, "{toml}\n{err}");
        assert!(err.contains(says), "{toml}\nexpected {says:?} in:\n{err}");
        assert!(err.contains("r.toml:"), "the place is named:\n{err}");
    }
}
