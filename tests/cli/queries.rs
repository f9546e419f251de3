//! Every query command through the real binary, in every format.

use super::common::{home, roadmap, run};

#[test]
fn pathways_from_band3_shows_real_next_steps_plainly_when_piped() {
    let h = home();
    let (code, out, err) = run(h.path(), &["pathways", "--from", "band3"]);
    assert_eq!(code, 0, "{err}");
    for want in [
        "Senior healthcare support worker (band 3)",
        "Trainee nursing associate",
        "Assistant practitioner",
        "Registered nurse",
        "Grow in your current role",
        "Your options at a glance",
        "you need: English at Level 2; Maths at Level 2",
        "How to get what you need",
    ] {
        assert!(out.contains(want), "missing {want:?}");
    }
    assert!(
        !out.contains('\u{1b}'),
        "piped output must have no escape codes"
    );
    assert!(
        out.lines().all(|l| l.chars().count() <= 100),
        "lines fit COLUMNS=100"
    );
}

#[test]
fn output_fits_80_columns() {
    let h = home();
    let out = roadmap(h.path())
        .env("COLUMNS", "80")
        .args(["pathways", "--from", "band2", "--to", "registered-nurse"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    let out = roadmap(h.path())
        .env("COLUMNS", "80")
        .args(["roles"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let h = home();
    let (_, out, _) = run(
        h.path(),
        &["pathways", "--from", "band3", "--color", "always"],
    );
    assert!(out.contains("\u{1b}["));
    let out = roadmap(h.path())
        .env("NO_COLOR", "1")
        .args(["roles"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn routes_to_a_goal_include_closing_the_maths_gap_with_totals() {
    let h = home();
    let (code, out, err) = run(
        h.path(),
        &[
            "pathways",
            "--from",
            "band2",
            "--to",
            "registered-nurse",
            "--have",
            "gcse-english",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Route 1:"), "{out}");
    assert!(
        out.contains("Get Maths at Level 2 first: Functional Skills maths Level 2"),
        "{out}"
    );
    assert!(out.contains("You have: English at Level 2"), "{out}");
    // Functional Skills courses have no length in the sources: the route
    // gives its known part and says so, in plain English (not "1 step(s)").
    assert!(
        out.contains(", plus 1 step whose length the sources don't give"),
        "{out}"
    );
}

#[test]
fn msw_to_midwife_and_therapy_support_worker_to_physio() {
    let h = home();
    let (code, out, _) = run(h.path(), &["pathways", "--from", "msw", "--to", "midwife"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Midwife degree apprenticeship")
            || out.contains("Midwife (degree) apprenticeship")
            || out.to_lowercase().contains("midwif"),
        "{out}"
    );
    let (code, out, _) = run(
        h.path(),
        &[
            "pathways",
            "--from",
            "therapy support worker",
            "--to",
            "physiotherapist",
            "--routes",
            "2",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("Route 1:") && !out.contains("Route 3:"),
        "{out}"
    );
    assert!(out.to_lowercase().contains("physiotherap"), "{out}");
}

#[test]
fn unknown_and_ambiguous_positions_exit_2_with_help() {
    let h = home();
    let (code, _, err) = run(h.path(), &["pathways", "--from", "band33x"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("valid bands: band1, band2, band3, band4, band5"),
        "{err}"
    );
    let (code, _, err) = run(h.path(), &["pathways", "--from", "physiotherapsit"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `physiotherapist`"), "{err}");
    let (code, _, err) = run(h.path(), &["pathways", "--from", "band5"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("could mean more than one role") && err.contains("registered-nurse"),
        "{err}"
    );
    let (code, _, err) = run(
        h.path(),
        &["pathways", "--from", "band3", "--have", "gcse-mathz"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("did you mean"), "{err}");
    let (code, _, err) = run(h.path(), &["pathways"]);
    assert_eq!(code, 2);
    assert!(err.contains("--from"), "{err}");
    let (code, _, _) = run(h.path(), &["pathways", "--from", "band2", "--to", "hca"]);
    assert_eq!(code, 2);
    let (code, _, err) = run(
        h.path(),
        &["pathways", "--from", "band2", "--setting", "acutee"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `acute`"), "{err}");
    let (code, _, _) = run(h.path(), &["pathways", "--from", "band2", "--routes", "0"]);
    assert_eq!(code, 2);
}

#[test]
fn pathways_in_every_format() {
    let h = home();
    for args in [
        vec!["pathways", "--from", "band3"],
        vec!["pathways", "--from", "band2", "--to", "registered-nurse"],
    ] {
        let mut a = args.clone();
        a.extend(["--format", "json"]);
        let (code, out, _) = run(h.path(), &a);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(v["schema_version"], 1);
        let mut a = args.clone();
        a.extend(["--format", "csv"]);
        let (code, out, _) = run(h.path(), &a);
        assert_eq!(code, 0);
        let mut rdr = csv::Reader::from_reader(out.as_bytes());
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("valid CSV")).collect();
        assert!(!rows.is_empty());
        let mut a = args.clone();
        a.extend(["--format", "markdown"]);
        let (code, out, _) = run(h.path(), &a);
        assert_eq!(code, 0);
        assert!(out.starts_with("# "), "{out}");
    }
}

#[test]
fn json_output_is_deterministic() {
    let h = home();
    let a = [
        "pathways",
        "--from",
        "band2",
        "--to",
        "registered-nurse",
        "--format",
        "json",
    ];
    assert_eq!(run(h.path(), &a).1, run(h.path(), &a).1);
}

#[test]
fn roles_filter_by_band_setting_and_family_in_every_format() {
    let h = home();
    let (code, out, _) = run(h.path(), &["roles", "--band", "4"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("assistant-practitioner") && out.contains("nursing-associate"),
        "{out}"
    );
    assert!(!out.contains("healthcare-support-worker "), "{out}");
    let (_, out, _) = run(h.path(), &["roles", "--family", "ahp", "--format", "csv"]);
    assert!(
        out.starts_with("id,role,band,family,registered\r\n"),
        "{out}"
    );
    assert!(
        out.contains("physiotherapist,Physiotherapist,5,ahp,HCPC"),
        "{out}"
    );
    let (_, out, _) = run(
        h.path(),
        &["roles", "--setting", "midwifery", "--format", "markdown"],
    );
    assert!(
        out.starts_with("| id | role |") && out.contains("maternity-support-worker"),
        "{out}"
    );
    let (code, _, err) = run(h.path(), &["roles", "--family", "ahpp"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `ahp`"), "{err}");
    let (code, _, _) = run(h.path(), &["roles", "--band", "12"]);
    assert_eq!(code, 2);
}

#[test]
fn show_any_record_fully() {
    let h = home();
    let (code, out, _) = run(h.path(), &["show", "nursing-associate-apprenticeship"]);
    assert_eq!(code, 0);
    for want in [
        "ST0827",
        "Level 5",
        "Entry requirement",
        "Sources:",
        "Reviewed",
    ] {
        assert!(out.contains(want), "missing {want}: {out}");
    }
    let (_, out, _) = run(h.path(), &["show", "maths-l2"]);
    assert!(
        out.contains("Met by any of") && out.contains("Programmes that give it"),
        "{out}"
    );
    let (_, out, _) = run(h.path(), &["show", "senior-healthcare-support-worker"]);
    assert!(
        out.contains("Leads to") && out.contains("Reached from"),
        "{out}"
    );
    let (_, out, _) = run(h.path(), &["show", "off-the-job-training"]);
    assert!(out.contains("2022") && out.contains("2025"), "{out}");
    let (code, _, err) = run(h.path(), &["show", "nursing-asociate"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `nursing-associate`"), "{err}");
    for f in ["json", "csv", "markdown"] {
        let (code, out, _) = run(h.path(), &["show", "midwife", "--format", f]);
        assert_eq!(code, 0);
        assert!(!out.is_empty());
    }
}

#[test]
fn areas_list_and_detail() {
    let h = home();
    let (code, out, _) = run(h.path(), &["areas"]);
    assert_eq!(code, 0);
    for a in [
        "skills-for-life",
        "personal-skills",
        "technical-skills",
        "career-progression",
    ] {
        assert!(out.contains(a), "{out}");
    }
    let (_, out, _) = run(h.path(), &["areas", "technical-skills"]);
    assert!(
        out.contains("Care Certificate") && out.contains("Development offers"),
        "{out}"
    );
    let (code, _, err) = run(h.path(), &["areas", "skills"]);
    assert_eq!(code, 2);
    assert!(err.contains("the areas are"), "{err}");
}

#[test]
fn search_ranks_names_first_and_suggests_on_no_hits() {
    let h = home();
    let (code, out, _) = run(h.path(), &["search", "maths"]);
    assert_eq!(code, 0);
    let first = out.lines().nth(2).unwrap_or_default();
    assert!(first.to_lowercase().contains("maths"), "{out}");
    let (code, out, _) = run(
        h.path(),
        &[
            "search",
            "physiotherapy",
            "apprenticeship",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["id"] == "physiotherapist-degree-apprenticeship"),
        "{out}"
    );
    let (code, out, _) = run(h.path(), &["search", "numeracyy"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Did you mean: roadmap search numeracy"),
        "{out}"
    );
}

#[test]
fn every_command_has_an_example_in_its_help() {
    let h = home();
    for cmd in [
        "areas", "roles", "show", "pathways", "search", "check", "schema",
    ] {
        let (code, out, _) = run(h.path(), &[cmd, "--help"]);
        assert_eq!(code, 0);
        assert!(out.contains("Example"), "{cmd} --help has no example");
    }
    let (code, out, _) = run(h.path(), &["--version"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("roadmap "));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let h = home();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roadmap"))
        .args(["pathways", "--from", "band3"])
        .env("ROADMAP_HOME", h.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert_ne!(status.code(), Some(101));
}
