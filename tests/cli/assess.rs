//! `roadmap assess --answers`, the profile store and `pathways --profile`.

use super::common::{home, roadmap, run};
use std::path::Path;

pub const ANSWERS: &str = r#"
name = "Sam Patel"
role = "band3"
setting = "acute"
english = "level-2"
english-how = "gcse"
maths = "level-1"
maths-how = "functional-skills"
digital = "everyday"
care-certificate = true
qualifications = ["level-3-diploma"]
goal = "registered"
goal-role = "registered-nurse"
earn-while-learning = true
study-hours = 6
manager-supports = "not-sure"
barriers = ["not-released-for-training", "functional-skills-support"]

[confidence]
skills-for-life = 2
personal-skills = 3
technical-skills = 4
career-progression = 2
"#;

pub fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn assess(home: &Path, answers: &str, extra: &[&str]) -> (i32, String, String) {
    let file = write(home, "answers.toml", answers);
    let mut args = vec!["assess", "--save", "--answers", file.as_str()];
    args.extend(extra);
    let out = roadmap(home)
        .env("ROADMAP_TODAY", "2026-11-21")
        .args(&args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_answers_file_gives_a_plan_across_all_four_areas_and_saves_the_profile() {
    let h = home();
    let record = h.path().join("record.md");
    let (code, out, err) = assess(h.path(), ANSWERS, &["-o", record.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    for want in [
        "Your plan for Sam Patel, 2026-11-21",
        "What you can apply for now",
        "Within reach once you close a gap",
        "you need Maths at Level 2",
        "Routes to Registered nurse",
        "Skills for life (start here): you rated 2 out of 5",
        "Personal skills",
        "Technical skills",
        "Career progression",
        "Not being released from work for training",
        "For your career conversation",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    assert!(out.lines().all(|l| l.chars().count() <= 100));
    let md = std::fs::read_to_string(&record).unwrap();
    for want in [
        "# Career conversation record",
        "Name: Sam Patel",
        "Date: 21 November 2026",
        "English: Level 2 (GCSE)",
        "## What has held me back",
        "## Agreed next steps",
        "## Gaps and how to close them",
        "## Resources",
        "Maths at Level 2",
    ] {
        assert!(md.contains(want), "record lacks {want:?}\n{md}");
    }
    let profile = std::fs::read_to_string(h.path().join("profile.toml")).unwrap();
    assert!(
        profile.contains("version = 1") && profile.contains("role = \"band3\""),
        "{profile}"
    );
    // `pathways --profile` uses it.
    let (code, out, _) = run(h.path(), &["pathways", "--profile"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Senior healthcare support worker")
            && out.contains("You have: English at Level 2"),
        "{out}"
    );
}

#[test]
fn a_rerun_shows_what_changed_and_keeps_a_backup() {
    let h = home();
    assess(h.path(), ANSWERS, &[]);
    let first = std::fs::read(h.path().join("profile.toml")).unwrap();
    let better = ANSWERS.replace("maths = \"level-1\"", "maths = \"level-2\"");
    let (code, out, _) = assess(h.path(), &better, &[]);
    assert_eq!(code, 0);
    assert!(out.contains("What has changed since 2026-11-21"), "{out}");
    assert!(out.contains("Newly open to you: Registered nurse"), "{out}");
    assert!(out.contains("Gap closed: Maths at Level 2"), "{out}");
    assert_eq!(
        std::fs::read(h.path().join("profile.toml.bak")).unwrap(),
        first
    );
}

#[test]
fn an_answers_file_is_saved_only_where_asked() {
    let h = home();
    let file = write(h.path(), "sam.toml", ANSWERS);
    for args in [
        vec!["assess", "--answers", file.as_str()],
        vec!["assess", "--answers", file.as_str(), "--no-save"],
    ] {
        let (code, _, err) = run(h.path(), &args);
        assert_eq!(code, 0, "{err}");
        assert!(!h.path().join("profile.toml").exists(), "{args:?} saved");
    }
    // Sam's own profile file is read for what changed, and saved there.
    let sam = h.path().join("sam-profile.toml");
    let sam = sam.to_str().unwrap();
    let args = ["assess", "--answers", file.as_str(), "--profile-file", sam];
    assert_eq!(run(h.path(), &args).0, 0);
    assert!(!h.path().join("profile.toml").exists());
    let (_, out, _) = run(h.path(), &args);
    assert!(out.contains("What has changed since"), "{out}");
}

#[test]
fn an_answers_file_is_never_compared_with_someone_elses_profile() {
    let h = home();
    // The user's own profile, saved from the wizard's answers.
    let (code, _, _) = assess(h.path(), &ANSWERS.replace("Sam Patel", "Alex Jones"), &[]);
    assert_eq!(code, 0);
    let mine = std::fs::read(h.path().join("profile.toml")).unwrap();
    // Sam's answers, run by the same user: no comparison with Alex.
    let file = write(h.path(), "sam.toml", ANSWERS);
    let (_, out, _) = run(h.path(), &["assess", "--answers", file.as_str()]);
    assert!(!out.contains("What has changed"), "{out}");
    assert_eq!(std::fs::read(h.path().join("profile.toml")).unwrap(), mine);
}

#[test]
fn bad_answers_name_the_key_and_the_allowed_values() {
    let h = home();
    let (code, _, err) = assess(h.path(), &ANSWERS.replace("\"level-1\"", "\"lvl1\""), &[]);
    assert_eq!(code, 65);
    assert!(
        err.contains("answers.toml:7:9")
            && err.contains("unknown variant `lvl1`")
            && err.contains("`level-1`"),
        "{err}"
    );
    let (code, _, err) = assess(
        h.path(),
        &ANSWERS.replace("study-hours = 6", "study-hours = \"six\""),
        &[],
    );
    assert_eq!(code, 65);
    assert!(
        err.contains("answers.toml:15:15") && err.contains("unknown variant `six`"),
        "{err}"
    );
    let (code, _, err) = assess(
        h.path(),
        &ANSWERS.replace("setting = \"acute\"", "setting = \"acut\""),
        &[],
    );
    assert_eq!(code, 65);
    assert!(
        err.contains("`setting`")
            && err.contains("did you mean `acute`")
            && err.contains("allowed:"),
        "{err}"
    );
    let (code, _, err) = assess(
        h.path(),
        &ANSWERS.replace("role = \"band3\"", "role = \"band 33\""),
        &[],
    );
    assert_eq!(code, 65);
    assert!(err.contains("`role`"), "{err}");
    let (code, _, err) = assess(h.path(), &ANSWERS.replace("name =", "nmae ="), &[]);
    assert_eq!(code, 65);
    assert!(err.contains("unknown field `nmae`"), "{err}");
    let (code, _, err) = assess(
        h.path(),
        &ANSWERS.replace("skills-for-life = 2", "skills-for-life = 9"),
        &[],
    );
    assert_eq!(code, 65);
    assert!(err.contains("confidence.skills-for-life"), "{err}");
    let (code, _, err) = run(h.path(), &["assess", "--answers", "/no/such/answers.toml"]);
    assert_eq!(code, 66);
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn without_a_terminal_assess_points_to_answers_and_never_hangs() {
    let h = home();
    let (code, _, err) = run(h.path(), &["assess"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no terminal") && err.contains("--answers"),
        "{err}"
    );
}

#[test]
fn an_existing_record_is_not_overwritten_without_force() {
    let h = home();
    let record = h.path().join("record.md");
    std::fs::write(&record, "my notes").unwrap();
    let (code, _, err) = assess(h.path(), ANSWERS, &["-o", record.to_str().unwrap()]);
    assert_eq!(code, 73);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&record).unwrap(), "my notes");
    let (code, _, _) = assess(
        h.path(),
        ANSWERS,
        &["-o", record.to_str().unwrap(), "--force"],
    );
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&record)
            .unwrap()
            .starts_with("# Career conversation record")
    );
}

#[test]
fn a_corrupt_or_newer_profile_is_reported_with_its_path_and_left_alone() {
    let h = home();
    let path = h.path().join("profile.toml");
    for (text, want) in [
        ("this is = = not toml", "cannot be read"),
        ("version = 99\nsaved = \"2030-01-01\"\n", "newer roadmap"),
        ("saved = \"2026-01-01\"\n", "no `version`"),
    ] {
        std::fs::write(&path, text).unwrap();
        let (code, _, err) = assess(h.path(), ANSWERS, &[]);
        assert_eq!(code, 65, "{err}");
        assert!(
            err.contains(want) && err.contains(&path.display().to_string()),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "profile must be untouched"
        );
        let (code, _, err) = run(h.path(), &["profile", "show"]);
        assert_eq!(code, 65, "{err}");
        let (code, _, _) = run(h.path(), &["pathways", "--profile"]);
        assert_eq!(code, 65);
    }
}

#[test]
fn profile_show_path_and_forget() {
    let h = home();
    let (code, out, _) = run(h.path(), &["profile", "path"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        h.path().join("profile.toml").display().to_string()
    );
    let (_, out, _) = run(h.path(), &["profile", "show"]);
    assert!(out.contains("No saved profile yet"));
    let (code, _, err) = run(h.path(), &["pathways", "--profile"]);
    assert_eq!(code, 2);
    assert!(err.contains("roadmap assess"), "{err}");
    assess(h.path(), ANSWERS, &[]);
    let (_, out, _) = run(h.path(), &["profile", "show"]);
    assert!(out.contains("Sam Patel"));
    // Forget asks first; with no terminal it refuses rather than deleting.
    let (code, _, err) = run(h.path(), &["profile", "forget"]);
    assert_eq!(code, 2);
    assert!(err.contains("--yes"), "{err}");
    assert!(h.path().join("profile.toml").exists());
    let (code, out, _) = run(h.path(), &["profile", "forget", "--yes"]);
    assert_eq!(code, 0);
    assert!(out.contains("deleted"));
    assert!(!h.path().join("profile.toml").exists() && !h.path().join("profile.toml.bak").exists());
}
