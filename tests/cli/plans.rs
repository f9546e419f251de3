//! The person's own answer (issue 12), through the binary, with the
//! issue's personas: a band 2 HCA with GCSE English and no maths who wants
//! to be a nurse and must keep earning; a band 3 senior HCSW holding a
//! Level 3 Diploma; a maternity support worker.

use super::assess::write;
use super::common::{home, roadmap, run, tool};
use std::path::Path;

/// The band 2 HCA: GCSE English, no maths, the Care Certificate, wants to
/// be a registered nurse and cannot stop earning.
const HCA: &str = r#"
name = "Alex Jones"
role = "band2"
setting = "acute"
english = "level-2"
english-how = "gcse"
maths = "none"
digital = "everyday"
care-certificate = true
goal = "registered"
goal-role = "registered-nurse"
earn-while-learning = true
study-hours = "2-to-6"
manager-supports = "yes"
barriers = ["functional-skills-support"]
"#;

/// The band 3 senior HCSW: English and maths at Level 2, the Care
/// Certificate and a Level 3 Diploma, not sure of a goal.
const SENIOR: &str = r#"
name = "Jo Smith"
role = "band3"
english = "level-2"
english-how = "gcse"
maths = "level-2"
maths-how = "gcse"
digital = "confident"
care-certificate = true
qualifications = ["level-3-diploma"]
goal = "not-sure"
"#;

/// `roadmap assess --answers` for a persona: (plan, record) with `-o`.
fn plan(h: &Path, answers: &str, record: &str) -> (String, String) {
    let file = write(h, "answers.toml", answers);
    let rec = h.join(record);
    let out = roadmap(h)
        .env("ROADMAP_TODAY", "2026-12-01")
        .args(["assess", "--no-save", "--answers", &file, "-o"])
        .arg(&rec)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        std::fs::read_to_string(&rec).unwrap(),
    )
}

/// The numbered lines under a heading, up to the next blank line.
fn numbered_after<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    text.split(heading)
        .nth(1)
        .unwrap_or_else(|| panic!("no {heading:?} in\n{text}"))
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

#[test]
fn the_band_2_hca_gets_distinct_steps_the_maths_first() {
    let h = home();
    let (text, record) = plan(h.path(), HCA, "record.md");
    let steps = numbered_after(&text, "Next steps to agree with your manager");
    assert!(steps.len() >= 2, "{steps:?}");
    assert!(
        steps[0].contains("Functional Skills maths Level 2"),
        "{steps:?}"
    );
    assert!(steps[1].contains("trainee nursing associate"), "{steps:?}");
    // No step twice.
    let titles: Vec<&str> = steps.iter().map(|s| s.split(':').next().unwrap()).collect();
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "{steps:?}");
    // Never offered what Alex holds: the Care Certificate, English Level 2.
    for held in [
        "Complete the Care Certificate",
        "Functional Skills English Level 1",
        "Functional Skills English Level 2",
    ] {
        assert!(!text.contains(held), "offered {held:?}:\n{text}");
        assert!(!record.contains(held), "the record offers {held:?}");
    }
    assert!(
        text.trim_end()
            .ends_with("National data reviewed up to 1 December 2026.")
    );
    // The record a manager reads: barriers, levels, each step's length,
    // the study time as a range, and nothing that is Markdown clutter in
    // Notepad (no tables, bold or escapes).
    assert!(record.contains("Not knowing where to get help with functional skills"));
    assert!(record.contains("English: Level 2 (GCSE)"));
    assert!(record.contains("Maths: no qualification yet"));
    assert!(record.contains("Digital skills:"));
    assert!(record.contains("2 to 6 hours a week"));
    assert!(
        record.contains("(24 to 26 months; paid while you train)"),
        "{record}"
    );
    for clutter in ["**", "|---", "\\", "<br"] {
        assert!(!record.contains(clutter), "{clutter:?} in the record");
    }
    // Earning while learning: every suggested route is paid throughout.
    let goal = &text[text.find("Routes to Registered nurse").unwrap()..];
    assert!(!goal.contains("Nursing degree at university"), "{goal}");
}

#[test]
fn a_senior_hcsw_is_never_offered_what_they_hold_or_less() {
    let h = home();
    let (text, record) = plan(h.path(), SENIOR, "record.md");
    for held in [
        "Senior Healthcare Support Worker apprenticeship",
        "Complete the Care Certificate",
        "Functional Skills English",
        "Functional Skills maths",
    ] {
        assert!(!text.contains(held), "the plan offers {held:?}:\n{text}");
        assert!(!record.contains(held), "the record offers {held:?}");
    }
    // The same in pathways, with the same holdings given by hand.
    let (code, out, err) = run(
        h.path(),
        &[
            "pathways",
            "--from",
            "band3",
            "--have",
            "gcse-english,gcse-maths,care-certificate,level-3-diploma",
        ],
    );
    assert_eq!(code, 0, "{err}");
    for held in [
        "Complete the Care Certificate",
        "Functional Skills English",
        "Functional Skills maths",
    ] {
        assert!(
            !out.contains(held),
            "pathways --have offers {held:?}:\n{out}"
        );
    }
    // And from the saved profile.
    let file = write(h.path(), "senior.toml", SENIOR);
    let saved = roadmap(h.path())
        .args(["assess", "--save", "--answers", &file])
        .output()
        .unwrap();
    assert!(saved.status.success());
    let (code, out, err) = run(h.path(), &["pathways", "--profile"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Senior healthcare support worker"), "{out}");
    for held in [
        "Complete the Care Certificate",
        "Functional Skills English",
        "Functional Skills maths",
    ] {
        assert!(
            !out.contains(held),
            "pathways --profile offers {held:?}:\n{out}"
        );
    }
}

#[test]
fn paid_keeps_only_routes_paid_throughout() {
    let h = home();
    let all = |extra: &[&str]| {
        let mut args = vec![
            "pathways",
            "--from",
            "band2",
            "--to",
            "registered-nurse",
            "--routes",
            "10",
            "--format",
            "json",
        ];
        args.extend(extra);
        let (code, out, err) = run(h.path(), &args);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["routes"]
            .as_array()
            .unwrap()
            .clone()
    };
    let every = all(&[]);
    assert!(
        every.iter().any(|r| r["paid_throughout"] == false),
        "some routes go through university"
    );
    let paid = all(&["--paid"]);
    assert!(!paid.is_empty());
    assert!(paid.iter().all(|r| r["paid_throughout"] == true));
}

#[test]
fn brief_is_the_summary_and_the_summary_leads() {
    let h = home();
    let (_, full, _) = run(h.path(), &["pathways", "--from", "band3"]);
    let (code, brief, _) = run(h.path(), &["pathways", "--from", "band3", "--brief"]);
    assert_eq!(code, 0);
    assert!(
        brief.lines().count() * 2 < full.lines().count(),
        "--brief is not short"
    );
    // The full answer opens with the same summary, then the details.
    let at_a_glance = |s: &str| {
        s.lines()
            .position(|l| l.starts_with("Your options at a glance"))
            .unwrap()
    };
    assert!(at_a_glance(&full) < 15);
    assert_eq!(at_a_glance(&full), at_a_glance(&brief));
    // A note shared by every option is said once.
    assert_eq!(
        full.matches("What is on offer varies by trust and region")
            .count(),
        1,
        "{full}"
    );
    // JSON does not change with --brief.
    let json = |extra: &[&str]| {
        let mut args = vec!["pathways", "--from", "band3", "--format", "json"];
        args.extend(extra);
        run(h.path(), &args).1
    };
    assert_eq!(json(&[]), json(&["--brief"]));
}

#[test]
fn an_unverified_move_never_leads() {
    let h = home();
    let (_, out, _) = run(
        h.path(),
        &["pathways", "--from", "band3", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let steps = v["steps"].as_array().unwrap();
    let first_move = steps
        .iter()
        .find(|s| s["kind"] != "stay-and-develop")
        .unwrap();
    assert_eq!(first_move["confidence"], "high", "{first_move}");
    // Once an unverified move appears, only unverified moves follow it in its kind.
    for kind in ["progression", "lateral"] {
        let conf: Vec<&str> = steps
            .iter()
            .filter(|s| s["kind"] == kind)
            .map(|s| s["confidence"].as_str().unwrap())
            .collect();
        if let Some(i) = conf.iter().position(|c| *c == "unverified") {
            assert!(
                conf[i..].iter().all(|c| *c == "unverified"),
                "{kind}: {conf:?}"
            );
        }
    }
}

#[test]
fn narrow_tables_never_cut_a_word() {
    let h = home();
    for cols in ["60", "80", "100"] {
        for args in [&["roles"][..], &["search", "apprenticeship"]] {
            let out = roadmap(h.path())
                .env("COLUMNS", cols)
                .args(args)
                .output()
                .unwrap();
            let out = String::from_utf8_lossy(&out.stdout);
            let (_, json, _) = run(h.path(), &[args, &["--format", "json"]].concat());
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            let list = v["roles"].as_array().or(v["hits"].as_array()).unwrap();
            for r in list {
                let id = r["id"].as_str().unwrap();
                assert!(
                    out.contains(id),
                    "COLUMNS={cols} {args:?}: {id} is cut\n{out}"
                );
            }
        }
    }
}

#[test]
fn typos_get_the_obvious_suggestion() {
    let h = home();
    let (code, _, err) = run(h.path(), &["pathways", "--from", "bnad3"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `band3`"), "{err}");
    let (code, _, err) = run(h.path(), &["pathways", "--from", "band7"]);
    assert_eq!(code, 2);
    assert!(err.contains("valid bands: band1"), "{err}");
    let (code, out, _) = run(h.path(), &["roles", "--band", "band4", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"band\": 4"));
    let (code, _, err) = run(h.path(), &["pathways", "--from", "band", "3"]);
    assert_eq!(code, 2);
    assert!(err.contains("--from \"band 3\""), "{err}");
}

#[test]
fn the_plan_page_prints_on_a4() {
    if !tool("chromium") || !tool("pdfinfo") {
        return;
    }
    let h = home();
    let (_, page) = plan(h.path(), HCA, "plan.html");
    assert!(
        page.contains("@page") && page.contains("A4"),
        "no print CSS for A4"
    );
    let pdf = h.path().join("plan.pdf");
    let profile = tempfile::tempdir().unwrap();
    let st = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", h.path().join("plan.html").display()))
        .output()
        .expect("chromium runs");
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} in\n{info}"))
            .split(':')
            .nth(1)
            .unwrap()
            .trim()
            .to_string()
    };
    assert!(field("Page size").contains("(A4)"), "{info}");
    let pages: u32 = field("Pages").parse().unwrap();
    assert!((1..=6).contains(&pages), "{pages} pages");
    // The text survives into the PDF.
    if tool("pdftotext") {
        let txt = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let txt = String::from_utf8_lossy(&txt.stdout);
        assert!(
            txt.contains("Alex Jones") && txt.contains("Functional Skills maths Level 2"),
            "{txt}"
        );
    }
}

/// A career-conversation record is personal data: written for its owner
/// only, as the profile is (both the Markdown and the page).
#[test]
fn the_record_is_written_privately() {
    use std::os::unix::fs::PermissionsExt;
    let h = home();
    for name in ["record.md", "plan.html"] {
        plan(h.path(), HCA, name);
        let mode = std::fs::metadata(h.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{name} is {mode:o}");
    }
}
