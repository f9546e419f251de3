//! The national data tells the truth where a review found it wrong (issue
//! 11): each test is one defect, asked as a person would ask it, through
//! the binary. What the data says is checked against the fact base in the
//! data's own `sources` and `facts`; these tests pin the behaviour.

use super::common::{home, roadmap, run};
use serde_json::Value;

/// `roadmap ARGS --format json`, parsed, on a given day.
fn json_on(today: &str, args: &[&str]) -> Value {
    let h = home();
    let out = roadmap(h.path())
        .env("ROADMAP_TODAY", today)
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn json(args: &[&str]) -> Value {
    json_on("2026-12-01", args)
}

fn text(args: &[&str]) -> String {
    let h = home();
    let (code, out, err) = run(h.path(), args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn steps(v: &Value) -> &Vec<Value> {
    v["steps"].as_array().expect("steps")
}

fn to_id(step: &Value) -> &str {
    step["to"]["id"].as_str().unwrap_or("")
}

/// Every programme id offered in a `pathways` answer.
fn offered(v: &Value) -> Vec<String> {
    steps(v)
        .iter()
        .flat_map(|s| s["options"].as_array().unwrap())
        .filter_map(|o| o["programme"]["id"].as_str().map(String::from))
        .collect()
}

/// A fact of `show ID` by its label.
fn fact(v: &Value, label: &str) -> Vec<String> {
    v["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f[0].as_str().unwrap().starts_with(label))
        .map(|f| f[1].as_str().unwrap().to_string())
        .collect()
}

// 1. Route totals count every known length, and no route to a registered
// allied health profession is headlined as shorter than the sources say.
#[test]
fn routes_to_registered_ahp_roles_are_not_understated() {
    let roles = json(&["roles"]);
    let ahp: Vec<&str> = roles["roles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["family"] == "ahp" || r["family"] == "ambulance")
        .filter(|r| !r["regulator"].is_null())
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ahp.len() >= 14, "the 14 AHPs: {ahp:?}");
    for to in &ahp {
        let r = json(&["pathways", "--from", "band3", "--to", to, "--routes", "5"]);
        for route in r["routes"].as_array().unwrap() {
            let known = route["total_known"].as_bool().unwrap();
            let max = route["total"]["max"].as_f64().unwrap();
            assert!(
                !known || max >= 36.0,
                "band 3 to {to}: {} with every length known",
                route["total"]["label"]
            );
            if !known {
                assert!(route["steps_without_duration"].as_u64().unwrap() > 0);
            }
        }
    }
    for to in ["paramedic", "physiotherapist"] {
        let r = json(&["pathways", "--from", "band3", "--to", to]);
        let first = &r["routes"][0];
        assert!(
            first["total"]["min"].as_f64().unwrap() >= 36.0,
            "band 3 to {to} headlines {}",
            first["total"]["label"]
        );
    }
}

// 2. Paramedic entry means ambulance experience, in an ambulance trust.
#[test]
fn the_way_to_paramedic_is_through_an_ambulance_role() {
    let r = json(&[
        "pathways",
        "--from",
        "hca",
        "--to",
        "paramedic",
        "--routes",
        "5",
    ]);
    let first = &r["routes"][0]["steps"];
    assert_eq!(first[0]["to"]["id"], "emergency-care-assistant");
    assert_eq!(first[0]["to"]["family"], "ambulance");
    for route in r["routes"].as_array().unwrap() {
        for s in route["steps"].as_array().unwrap() {
            assert_ne!(
                s["to"]["id"], "assistant-practitioner",
                "a hospital assistant practitioner post is not ambulance experience"
            );
        }
    }
    let roles = json(&["roles", "--setting", "ambulance-service"]);
    assert!(roles["roles"].as_array().unwrap().len() >= 2);
}

// 3. Level 7 apprenticeships are funded only for people under 22 since
// January 2026; the arts therapist apprenticeship must say so.
#[test]
fn level_7_funding_carries_the_2026_age_limit() {
    let p = json(&["show", "arts-therapist-degree-apprenticeship"]);
    let funding = fact(&p, "Funding").join(" ");
    assert!(funding.contains("1 January 2026"), "{funding}");
    assert!(funding.contains("16 to 21"), "{funding}");
    assert!(!funding.contains("You pay no tuition fees"), "{funding}");
    let rules = text(&["search", "level 7"]);
    assert!(
        rules.contains("rule"),
        "no rule record for Level 7 funding:\n{rules}"
    );
}

// 4. Settings wide enough that --setting shows progression.
#[test]
fn an_acute_setting_still_shows_moves_up() {
    let r = json(&["pathways", "--from", "band3", "--setting", "acute"]);
    assert!(
        steps(&r)
            .iter()
            .any(|s| s["kind"] == "progression" && s["to"]["band"].as_u64() > Some(3)),
        "no move up from band 3 in acute"
    );
    let roles = json(&["roles", "--setting", "acute"]);
    assert!(roles["roles"].as_array().unwrap().len() > 3);
    for id in [
        "registered-nurse",
        "trainee-nursing-associate",
        "nursing-associate",
    ] {
        let v = json(&["show", id]);
        assert!(
            v["record"]["settings"].as_array().unwrap().len() >= 3,
            "{id} has too few settings"
        );
    }
}

// 5 and 15. Closed offers are never offered: #LookingAfterYouToo (funding
// ended March 2024) and the coaching apprenticeship (funding withdrawn from
// September 2026); before that date the apprenticeship was offered.
#[test]
fn closed_offers_are_not_offered_and_open_ones_were() {
    for from in ["band2", "band3", "band4", "primary-care-hca"] {
        let h = home();
        let (code, ..) = run(h.path(), &["pathways", "--from", from]);
        if code != 0 {
            continue;
        }
        let now = offered(&json(&["pathways", "--from", from]));
        assert!(!now.iter().any(|p| p == "looking-after-you-too"), "{from}");
        assert!(
            !now.iter()
                .any(|p| p == "coaching-professional-apprenticeship"),
            "{from}"
        );
    }
    let before = offered(&json_on("2026-06-01", &["pathways", "--from", "band3"]));
    assert!(
        before
            .iter()
            .any(|p| p == "coaching-professional-apprenticeship")
    );
    let show = text(&["show", "looking-after-you-too"]);
    assert!(show.contains("closed"), "{show}");
}

// 6. A band 2 MSW is not told "you can start now" for midwifery.
#[test]
fn a_maternity_support_worker_is_not_ready_for_midwifery_with_nothing_declared() {
    let r = json(&["pathways", "--from", "msw"]);
    let mid: Vec<&Value> = steps(&r).iter().filter(|s| to_id(s) == "midwife").collect();
    assert!(!mid.is_empty());
    assert!(mid.iter().all(|s| s["ready"] == false));
    let routes = json(&[
        "pathways", "--from", "msw", "--to", "midwife", "--routes", "3",
    ]);
    for route in routes["routes"].as_array().unwrap() {
        assert!(route["steps"].as_array().unwrap().len() > 1, "{route}");
    }
    assert!(text(&["search", "midwifery degree"]).contains("midwifery"));
}

// 7. The Level 2 HCSW apprenticeship is offered to band 1, band 2 and bank.
#[test]
fn the_level_2_hcsw_apprenticeship_is_offered_where_it_belongs() {
    for from in [
        "band-1-support-worker",
        "healthcare-support-worker",
        "staff-bank-worker",
    ] {
        let r = json(&["pathways", "--from", from]);
        assert!(
            offered(&r).iter().any(|p| p == "hcsw-apprenticeship"),
            "{from} is not offered the Level 2 apprenticeship"
        );
    }
}

// 8. Arts therapists start at band 6.
#[test]
fn arts_therapists_start_at_band_6() {
    for id in ["art-therapist", "dramatherapist", "music-therapist"] {
        assert_eq!(json(&["show", id])["record"]["band"], 6, "{id}");
    }
}

// 9. Current names and signposts: NHS England, Skills England, the growth
// and skills levy, foundation apprenticeships; search reaches every field.
#[test]
fn names_and_signposts_are_current() {
    assert!(text(&["search", "levy"]).contains("growth-and-skills-levy"));
    assert!(text(&["search", "talent for care"]).contains("talent-for-care"));
    assert!(!text(&["search", "foundation apprenticeship"]).contains("No record"));
    let all = text(&["export", "--format", "markdown"]);
    for line in all
        .lines()
        .filter(|l| l.contains("Health Education England"))
    {
        // Saying what HEE did before it joined NHS England is history.
        assert!(
            line.contains("NHS England") || line.contains("2015"),
            "HEE named as if it still stood alone: {line}"
        );
    }
}

// 10. The RN degree apprenticeship: ST0781, Level 6, 4 years.
#[test]
fn the_rn_degree_apprenticeship_has_its_standard_level_and_length() {
    let v = json(&["show", "rn-degree-apprenticeship"]);
    assert!(fact(&v, "Apprenticeship standard")[0].starts_with("ST0781"));
    assert_eq!(fact(&v, "Level"), ["Level 6"]);
    assert!(fact(&v, "Duration")[0].contains("4 years"));
}

// 11. University routes need Level 3 entry; osteopathy is not "start now".
#[test]
fn a_university_degree_is_never_start_now_without_level_3() {
    let r = json(&["pathways", "--from", "band4"]);
    let osteo: Vec<&Value> = steps(&r)
        .iter()
        .filter(|s| to_id(s) == "osteopath")
        .collect();
    assert!(!osteo.is_empty());
    assert!(osteo.iter().all(|s| s["ready"] == false));
    let show = text(&["show", "nursing-degree"]);
    assert!(
        show.contains("A levels") || show.contains("Level 3"),
        "{show}"
    );
}

// 12. Trainee nursing associates may take the provider's test instead.
#[test]
fn trainee_nursing_associate_entry_allows_the_providers_test() {
    let r = json(&["pathways", "--from", "hca"]);
    let tna = steps(&r)
        .iter()
        .find(|s| to_id(s) == "trainee-nursing-associate")
        .expect("a move to trainee nursing associate");
    let checks = tna["options"][0]["checks"].to_string();
    assert!(checks.contains("literacy and numeracy"), "{checks}");
}

// 13. Orthoptist and prosthetist/orthotist apprenticeships: Level 6 degrees.
#[test]
fn orthoptics_and_prosthetics_apprenticeships_are_level_6_degrees() {
    for id in [
        "orthoptist-apprenticeship",
        "prosthetist-orthotist-apprenticeship",
    ] {
        let v = json(&["show", id]);
        assert_eq!(fact(&v, "Level"), ["Level 6"], "{id}");
        assert!(fact(&v, "Kind")[0].contains("degree"), "{id}");
    }
}

// 14. No promise the data does not keep: medicine is named only to say
// the roadmap maps no route into it.
#[test]
fn medicine_is_not_promised() {
    let area = text(&["areas", "career-progression"]);
    for line in area
        .lines()
        .filter(|l| l.to_lowercase().contains("medicine"))
    {
        assert!(
            line.contains("no routes") || line.contains("not on Agenda"),
            "{line}"
        );
    }
    assert!(text(&["roles"]).lines().all(|l| !l.contains("Doctor")));
}

// 16. Content the sources name is there.
#[test]
fn content_the_sources_name_is_present() {
    for id in [
        "pharmacy-technician",
        "dental-nurse",
        "trainee-psychological-wellbeing-practitioner",
        "peer-support-worker",
        "support-time-recovery-worker",
        "talent-for-care",
    ] {
        let h = home();
        let (code, _, err) = run(h.path(), &["show", id]);
        assert_eq!(code, 0, "{id}: {err}");
    }
    for words in [
        "care navigator",
        "end of life",
        "career planning",
        "aspiring allies",
        "apprentice pay",
    ] {
        assert!(
            !text(&["search", words]).contains("No record"),
            "nothing found for {words:?}"
        );
    }
}

// What a person reads: no fact-base ids, no source file names, anywhere.
#[test]
fn no_file_names_or_fact_ids_reach_a_person() {
    let all = json(&["export"]);
    let ids: Vec<String> = [
        "areas",
        "settings",
        "roles",
        "programmes",
        "requirements",
        "pathways",
        "resources",
        "barriers",
        "rules",
    ]
    .iter()
    .flat_map(|k| all[k].as_array().cloned().unwrap_or_default())
    .filter_map(|r| r["meta"]["id"].as_str().map(String::from))
    .collect();
    assert!(ids.len() > 200, "{} records", ids.len());
    let fact_id = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // C1 and D1 are also driving licence categories, which people read.
        !["C1", "D1"].contains(&w)
            && w.len() >= 2
            && w.starts_with(|c: char| ('A'..='K').contains(&c))
            && w[1..].chars().all(|c| c.is_ascii_digit() || c == '.')
            && w[1..].starts_with(|c: char| c.is_ascii_digit())
    };
    for id in &ids {
        let out = text(&["show", id]);
        assert!(!out.contains(".txt"), "{id}: a source file name\n{out}");
        assert!(!out.contains("Fact-base"), "{id}: fact-base ids\n{out}");
        let bad: Vec<&str> = out.split_whitespace().filter(|w| fact_id(w)).collect();
        assert!(bad.is_empty(), "{id}: fact ids {bad:?}");
    }
}

// Freshness: every answer says how current it is; check lists records by
// age; a dated rule is applied by date.
#[test]
fn every_answer_says_how_fresh_it_is() {
    for args in [
        &["pathways", "--from", "band3"][..],
        &["pathways", "--from", "band2", "--to", "registered-nurse"],
        &["roles"],
        &["show", "registered-nurse"],
        &["search", "maths"],
        &["areas"],
        &["check"],
    ] {
        let out = text(args);
        assert!(
            out.trim_end()
                .ends_with("National data reviewed up to 1 December 2026."),
            "{args:?} does not end with the data's date:\n{out}"
        );
        assert_eq!(json(args)["data_reviewed"], "2026-12-01", "{args:?}");
    }
    // A year on, records resting on yearly funding are past review.
    let h = home();
    let out = roadmap(h.path())
        .env("ROADMAP_TODAY", "2028-01-01")
        .args(["check", "--stale", "--older-than", "12m"])
        .output()
        .unwrap();
    let stale = String::from_utf8_lossy(&out.stdout);
    assert!(
        stale.contains(".toml:"),
        "check --stale names file and line:\n{stale}"
    );
    let out = roadmap(h.path())
        .env("ROADMAP_TODAY", "2027-12-01")
        .args(["check"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "a past review-by date warns, never fails"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("review"));
    // The off-the-job rule for an apprentice who started in 2024 is the old one.
    let words = |args: &[&str]| text(args).split_whitespace().collect::<Vec<_>>().join(" ");
    let old = words(&["show", "rn-degree-apprenticeship", "--start", "2024-09"]);
    assert!(old.contains("6 hours a week"), "{old}");
    let new = words(&["show", "rn-degree-apprenticeship"]);
    assert!(new.contains("own published minimum"), "{new}");
}
