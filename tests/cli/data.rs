//! The shipped dataset and `roadmap check` on broken data.

use super::common::{fixture, home, run};
use hcsw_roadmap::embedded;
use hcsw_roadmap::load;
use hcsw_roadmap::model::{Confidence, Kind, Regulator};

#[test]
fn shipped_data_passes_the_same_validator_as_check() {
    let map = match load::build(vec![embedded::files()]) {
        Ok(m) => m,
        Err(report) => panic!("shipped data is invalid:\n{}", report.render(false)),
    };
    let counts: std::collections::HashMap<Kind, usize> = map.counts().into_iter().collect();
    assert_eq!(counts[&Kind::Area], 4);
    // The roadmap's eight settings, and the ambulance service (K43).
    assert_eq!(counts[&Kind::Setting], 9);
    assert_eq!(counts[&Kind::Barrier], 6);
    assert!(
        counts[&Kind::Role] >= 30 && counts[&Kind::Programme] >= 35 && counts[&Kind::Pathway] >= 40
    );
}

#[test]
fn all_fourteen_allied_health_professions_are_present() {
    let map = embedded::roadmap();
    let ahps = [
        "art-therapist",
        "dietitian",
        "dramatherapist",
        "music-therapist",
        "occupational-therapist",
        "operating-department-practitioner",
        "orthoptist",
        "osteopath",
        "paramedic",
        "physiotherapist",
        "podiatrist",
        "prosthetist-orthotist",
        "diagnostic-radiographer",
        "therapeutic-radiographer",
        "speech-and-language-therapist",
    ];
    for id in ahps {
        let r = map
            .role(id)
            .unwrap_or_else(|| panic!("missing AHP role {id}"));
        assert_eq!(r.family, "ahp", "{id}");
        let expected = if id == "osteopath" {
            Regulator::Gosc
        } else {
            Regulator::Hcpc
        };
        assert_eq!(r.registered, expected, "{id}");
    }
}

#[test]
fn verified_standard_codes_levels_and_durations_match_the_fact_base() {
    let map = embedded::roadmap();
    for (id, code, level) in [
        ("hcsw-apprenticeship", "ST0216", 2),
        ("senior-hcsw-apprenticeship", "ST0217", 3),
        ("assistant-practitioner-apprenticeship", "ST0215", 5),
        ("nursing-associate-apprenticeship", "ST0827", 5),
        ("midwife-degree-apprenticeship", "ST0948", 6),
    ] {
        let p = map.programme(id).unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!(p.standard.as_deref(), Some(code), "{id}");
        assert_eq!(p.level, Some(level), "{id}");
    }
    // ST0781 comes from one list of standards (K8, medium): it is shown,
    // marked as medium confidence.
    let rn = map
        .programme("rn-degree-apprenticeship")
        .expect("RN apprenticeship");
    assert_eq!(rn.standard.as_deref(), Some("ST0781"));
    assert_eq!(rn.standard_confidence, Confidence::Medium);
    assert_eq!(rn.level, Some(6));
    let bridging = map.programme("bridging-programme").expect("bridging");
    let d = bridging.duration.as_ref().expect("bridging has a duration");
    assert_eq!((d.min, d.max), (12, 20));
    // Band 1 is closed to new entrants since 1 December 2018 (A2).
    assert_eq!(
        map.role("band-1-support-worker")
            .and_then(|r| r.closed_since.as_deref()),
        Some("2018-12-01")
    );
}

#[test]
fn gcse_and_functional_skills_level_2_are_equivalent() {
    let map = embedded::roadmap();
    let e = hcsw_roadmap::engine::Engine::new(&map);
    for (held, need) in [
        ("gcse-maths-4", "maths-l2"),
        ("fs-maths-l2", "maths-l2"),
        ("gcse-english-4", "english-l2"),
        ("fs-english-l2", "english-l2"),
    ] {
        assert!(
            e.holds(&e.holdings(&[held.to_string()]), need),
            "{held} should meet {need}"
        );
    }
    assert!(!e.holds(&e.holdings(&["fs-maths-l1".to_string()]), "maths-l2"));
}

#[test]
fn check_reports_the_national_data_valid_with_counts() {
    let h = home();
    let (code, out, _) = run(h.path(), &["check"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("valid") && out.contains("no problems found"),
        "{out}"
    );
    for kind in [
        "areas",
        "roles",
        "programmes",
        "requirements",
        "pathways",
        "resources",
        "barriers",
        "total",
    ] {
        assert!(out.contains(kind), "missing {kind} in {out}");
    }
}

#[test]
fn unknown_ids_suggest_the_closest_one() {
    let h = home();
    let d = fixture("broken/unknown-reference");
    let mini = fixture("valid");
    let (_, _, err) = run(
        h.path(),
        &[
            "check",
            "--data",
            mini.to_str().unwrap(),
            "--overlay",
            d.to_str().unwrap(),
        ],
    );
    assert!(err.contains("did you mean `nurse`?"), "{err}");
}

#[test]
fn duplicate_ids_show_both_places() {
    let h = home();
    let d = fixture("broken/duplicate-id-across-files");
    let mini = fixture("valid");
    let (_, _, err) = run(
        h.path(),
        &[
            "check",
            "--data",
            mini.to_str().unwrap(),
            "--overlay",
            d.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("used again here") && err.contains("first used here"),
        "{err}"
    );
    assert!(
        err.contains("more.toml:2:6") && err.contains("data.toml:2:6"),
        "{err}"
    );
}

#[test]
fn all_problems_are_reported_not_only_the_first() {
    let h = home();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("valid/mini.toml"))
        .unwrap()
        .replace("band = 12", "")
        .replace("band = 5\n", "band = 12\n")
        .replace("to = \"nurse\"", "to = \"nurs\"")
        .replace("title = \"Acute\"", "title = \"\"");
    std::fs::write(dir.path().join("d.toml"), text).unwrap();
    let (code, _, err) = run(h.path(), &["check", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(code, 65);
    assert!(
        err.contains("band 12 is out of range")
            && err.contains("unknown role `nurs`")
            && err.contains("empty title"),
        "{err}"
    );
    assert!(err.contains("the data has 3 problems"), "{err}");
}

#[test]
fn missing_paths_exit_66_with_advice() {
    let h = home();
    let (code, _, err) = run(h.path(), &["check", "--data", "/definitely/not/here"]);
    assert_eq!(code, 66);
    assert!(
        err.contains("does not exist") && err.contains("directory of .toml files"),
        "{err}"
    );
    let file = fixture("valid/mini.toml");
    let (code, _, err) = run(h.path(), &["check", "--data", file.to_str().unwrap()]);
    assert_eq!(code, 66);
    assert!(err.contains("is a file"), "{err}");
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = run(
        h.path(),
        &["check", "--overlay", empty.path().to_str().unwrap()],
    );
    assert_eq!(code, 66);
    assert!(err.contains("no .toml data files"), "{err}");
}

#[test]
fn an_overlay_adds_and_replaces_records_by_id() {
    let h = home();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("trust.toml"),
        r#"
[[programme]]
id = "trust-phlebotomy-course"
title = "Phlebotomy course (our trust)"
summary = "A two-day in-house course."
sources = ["https://trust.example.org/learning"]
reviewed = 2026-11-21
kind = "in-house"
areas = ["technical-skills"]

[[role]]
id = "healthcare-support-worker"
title = "Clinical support worker"
summary = "Our trust's name for the band 2 healthcare support worker."
sources = ["https://trust.example.org/roles"]
reviewed = 2026-11-21
band = 2
family = "nursing"
registered = "none"
aliases = ["CSW", "band 2"]
"#,
    )
    .unwrap();
    let ov = dir.path().to_str().unwrap();
    let (code, out, err) = run(h.path(), &["check", "--overlay", ov]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("with 1 overlay"), "{out}");
    let (code, out, _) = run(
        h.path(),
        &["show", "trust-phlebotomy-course", "--overlay", ov],
    );
    assert_eq!(code, 0);
    assert!(out.contains("Phlebotomy course (our trust)"));
    let (code, out, _) = run(h.path(), &["pathways", "--from", "CSW", "--overlay", ov]);
    assert_eq!(code, 0);
    assert!(out.contains("Clinical support worker"), "{out}");
}

#[test]
fn schema_is_json_and_names_the_fields() {
    let h = home();
    let (code, out, _) = run(h.path(), &["schema"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("schema is JSON");
    let text = v.to_string();
    for field in [
        "satisfied-by",
        "varies-by-trust",
        "confidence-note",
        "helps-with",
        "band-max",
    ] {
        assert!(text.contains(field), "schema lacks {field}");
    }
}
