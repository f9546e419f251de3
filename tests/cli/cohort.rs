//! `roadmap cohort`: a team's training-needs analysis from a staff list,
//! checked against small teams worked out by hand.

use super::common::{chromium_dom, home, run, tool};
use serde_json::Value;
use std::path::Path;

/// Three people, worked by hand against the national data:
/// - Ann, healthcare support worker (band 2) with English and maths at
///   Level 2 (GCSE), wants to be a registered nurse: can apply now for the
///   Registered Nurse degree apprenticeship.
/// - Bob, the same but maths at Level 1: one gap (maths at Level 2) from
///   registered nurse, closed by Functional Skills maths Level 2. Trainee
///   nursing associate does not need it (the provider tests literacy and
///   numeracy), so he can apply for that now.
/// - Cat, given only as "AfC Band 3" (the senior healthcare support worker),
///   English and maths at Level 2, not sure what she wants.
const TEAM: &str = "\
Person,Role,Band,English,English how,Maths,Maths how,Care certificate,Goal,Goal role,Earn while learning,Barriers
Ann,healthcare-support-worker,,level-2,gcse,level-2,gcse,yes,registered,registered-nurse,yes,not-released-for-training
Bob,healthcare-support-worker,,level-2,gcse,level-1,,yes,registered,registered-nurse,yes,not-released-for-training;limited-training-places
Cat,,AfC Band 3,level-2,gcse,level-2,gcse,yes,not-sure,,yes,
";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

fn json(home: &Path, args: &[&str]) -> Value {
    let mut all = vec!["cohort"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = run(home, &all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("valid JSON")
}

fn count(list: &Value, id: &str) -> Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .map_or(Value::Null, |c| c["people"].clone())
}

fn destination<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["destinations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["role"]["id"] == id)
        .unwrap_or_else(|| panic!("no destination {id}"))
}

/// The hand-worked counts, whatever the staff list was read from.
fn assert_hand_worked(r: &Value) {
    assert_eq!(r["people"], 3);
    assert_eq!(r["skipped"], 0);
    assert_eq!(count(&r["by_band"], "band-2"), 2);
    assert_eq!(count(&r["by_band"], "band-3"), 1);
    assert_eq!(count(&r["by_role"], "healthcare-support-worker"), 2);
    assert_eq!(count(&r["by_role"], "senior-healthcare-support-worker"), 1);
    // Registered nurse: Ann and Cat can apply now; Bob is one gap away.
    let rn = destination(r, "registered-nurse");
    assert_eq!(
        (
            rn["now"].clone(),
            rn["one_gap"].clone(),
            rn["further"].clone()
        ),
        (2.into(), 1.into(), 0.into())
    );
    assert_eq!(rn["one_gap_by"][0]["id"], "maths-l2");
    assert_eq!(rn["one_gap_by"][0]["people"], 1);
    // Trainee nursing associate: all three now.
    assert_eq!(destination(r, "trainee-nursing-associate")["now"], 3);
    // Gaps count only moves people want: Bob's maths. Cat is not sure, so
    // none of hers count.
    let gaps = r["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert_eq!(gaps[0]["requirement"], "maths-l2");
    assert_eq!(gaps[0]["people"], 1);
    assert!(
        gaps[0]["close_with"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "functional-skills-maths-l2")
    );
    // Functional Skills maths Level 2 would help Bob and, alone, make him
    // ready for the apprenticeship.
    let c = &r["commission"][0];
    assert_eq!(c["programme"]["id"], "functional-skills-maths-l2");
    assert_eq!(
        (c["people"].clone(), c["makes_ready"].clone()),
        (1.into(), 1.into())
    );
    let goal = &r["goals"][0];
    assert_eq!(goal["role"]["id"], "registered-nurse");
    assert_eq!(goal["people"], 2);
    assert_eq!(goal["with_a_route"], 2);
    assert_eq!(goal["can_move_toward_now"], 2);
    assert_eq!(r["no_goal"], 1);
    assert_eq!(count(&r["barriers"], "not-released-for-training"), 2);
    assert_eq!(count(&r["barriers"], "limited-training-places"), 1);
    // Bob's first step is the maths; nobody is offered what they hold.
    let rows = r["rows"].as_array().unwrap();
    let bob: Vec<&Value> = rows.iter().filter(|x| x["person"] == "Bob").collect();
    assert_eq!(bob[0]["next_step"], "Functional Skills maths Level 2");
    assert!(rows.iter().filter(|x| x["person"] == "Ann").all(|x| {
        !x["next_step"]
            .as_str()
            .unwrap()
            .contains("Functional Skills")
    }));
}

#[test]
fn csv_counts_match_a_team_worked_by_hand() {
    let h = home();
    let f = write(h.path(), "team.csv", TEAM);
    assert_hand_worked(&json(h.path(), &[&f]));
}

#[test]
fn summary_fits_a_screen_and_names_the_counts() {
    let h = home();
    let f = write(h.path(), "team.csv", TEAM);
    let (code, out, err) = run(h.path(), &["cohort", &f]);
    assert_eq!(code, 0, "{err}");
    // Piped: no progress bar, no other chatter.
    assert!(err.is_empty(), "{err}");
    assert!(out.starts_with("Training-needs analysis: 3 people\n"));
    assert!(out.contains("By band: band 2: 2; band 3: 1."));
    assert!(out.contains("Registered nurse (band 5): 2 / 1 (Maths at Level 2) / 0"));
    assert!(
        out.contains("Maths at Level 2: 1 person; close with: Functional Skills maths Level 2")
    );
    assert!(out.contains("Functional Skills maths Level 2: 1 / 1"));
    assert!(out.contains("Registered nurse: 2 / 2 / 2"));
    assert!(out.contains("Not sure yet: 1"));
    assert!(out.lines().count() < 60, "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
    assert!(out.ends_with("National data reviewed up to 1 December 2026.\n"));
    for internal in [
        "maths-l2",
        "registered-nurse",
        ".toml",
        "healthcare-support-worker",
    ] {
        assert!(!out.contains(internal), "shows an internal id: {internal}");
    }
}

#[test]
fn xlsx_staff_list_gives_the_same_counts() {
    use rust_xlsxwriter::Workbook;
    let h = home();
    let f = h.path().join("team.xlsx");
    let mut wb = Workbook::new();
    // A first sheet that is not the staff list: --sheet picks the right one.
    wb.add_worksheet()
        .set_name("Notes")
        .unwrap()
        .write_string(0, 0, "read me")
        .unwrap();
    let s = wb.add_worksheet().set_name("Staff").unwrap();
    for (r, line) in TEAM.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            if !cell.is_empty() {
                s.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
    }
    // A rating typed as a number, as Excel stores it.
    s.write_string(0, 12, "confidence-career-progression")
        .unwrap();
    s.write_number(1, 12, 4.0).unwrap();
    wb.save(&f).unwrap();
    let f = f.to_str().unwrap();
    assert_hand_worked(&json(h.path(), &[f, "--sheet", "Staff"]));
    // Without --sheet the first sheet is read, and it has no role column.
    let (code, _, err) = run(h.path(), &["cohort", f]);
    assert_eq!(code, 65);
    assert!(err.contains("no `role` (or `band`) column"), "{err}");
    let (code, _, err) = run(h.path(), &["cohort", f, "--sheet", "Nope"]);
    assert_eq!(code, 65);
    assert!(
        err.contains("has no sheet \"Nope\"; its sheets are \"Notes\", \"Staff\""),
        "{err}"
    );
}

#[test]
fn a_directory_of_answers_files_gives_the_same_counts() {
    let h = home();
    let dir = h.path().join("answers");
    std::fs::create_dir(&dir).unwrap();
    let common = "english = \"level-2\"\nenglish-how = \"gcse\"\ncare-certificate = true\nearn-while-learning = true\n";
    std::fs::write(
        dir.join("ann.toml"),
        format!("name = \"Ann\"\nrole = \"healthcare-support-worker\"\n{common}maths = \"level-2\"\nmaths-how = \"gcse\"\ngoal = \"registered\"\ngoal-role = \"registered-nurse\"\nbarriers = [\"not-released-for-training\"]\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("bob.toml"),
        format!("name = \"Bob\"\nrole = \"healthcare-support-worker\"\n{common}maths = \"level-1\"\ngoal = \"registered\"\ngoal-role = \"registered-nurse\"\nbarriers = [\"not-released-for-training\", \"limited-training-places\"]\n"),
    )
    .unwrap();
    // No name: the file's name stands for the person.
    std::fs::write(
        dir.join("Cat.toml"),
        format!("role = \"band3\"\n{common}maths = \"level-2\"\nmaths-how = \"gcse\"\ngoal = \"not-sure\"\n"),
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not an answers file").unwrap();
    assert_hand_worked(&json(h.path(), &[dir.to_str().unwrap()]));
}

#[test]
fn every_bad_row_is_reported_with_its_column_and_nothing_is_written() {
    let h = home();
    let f = write(
        h.path(),
        "team.csv",
        &format!(
            "{TEAM}Dan,healthcare-support-worker,,level 9,,level-2,gcse,maybe,registered,,yes,\n\
             Eve,porter,,level-2,gcse,level-2,gcse,yes,not-sure,,yes,no-time\n"
        ),
    );
    let out = h.path().join("report.html");
    let (code, stdout, err) = run(
        h.path(),
        &[
            "cohort",
            &f,
            "--format",
            "html",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 65, "{err}");
    assert!(stdout.is_empty());
    assert!(!out.exists(), "nothing is written when rows are bad");
    assert!(err.contains("2 rows with problems"), "{err}");
    for want in [
        "row 5, column \"English\"",
        "row 5, column \"Care certificate\": \"maybe\" is not yes or no",
        "row 6, column \"Role\"",
        "row 6, column \"Barriers\"",
        "--skip-bad",
    ] {
        assert!(err.contains(want), "lacks {want:?}:\n{err}");
    }
    // --skip-bad: the good rows, and says how many were left out.
    let (code, stdout, err) = run(h.path(), &["cohort", &f, "--skip-bad"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("These rows are left out (--skip-bad)."),
        "{err}"
    );
    assert!(
        stdout.starts_with("Training-needs analysis: 3 people\n2 rows with problems were left out")
    );
    let r = json(h.path(), &[&f, "--skip-bad"]);
    assert_eq!(r["skipped"], 2);
    assert_eq!(r["people"], 3);
}

#[test]
fn a_trusts_own_export_is_mapped_with_column() {
    let h = home();
    let esr = "Staff Number,Position Title,Pay Band,Eng,Maths\n\
               1001,Healthcare Support Worker,,level-2,level-2\n\
               1002,,Agenda for Change Band 3,level-2,level-2\n\
               1003,,3,level-1,level-1\n";
    let f = write(h.path(), "esr.csv", esr);
    let (code, _, err) = run(h.path(), &["cohort", &f]);
    assert_eq!(code, 65);
    assert!(err.contains("no `role` (or `band`) column"), "{err}");
    assert!(err.contains("--column role=\"Position Title\""), "{err}");
    let r = json(
        h.path(),
        &[
            &f,
            "--column",
            "role=Position Title",
            "--column",
            "band=\"Pay Band\"",
            "--column",
            "person=Staff Number",
            "--column",
            "english=Eng",
        ],
    );
    assert_eq!(r["people"], 3);
    assert_eq!(count(&r["by_band"], "band-2"), 1);
    assert_eq!(count(&r["by_band"], "band-3"), 2);
    assert_eq!(r["rows"][0]["person"], "1001");
    // An unknown key is named, with the keys there are.
    let (code, _, err) = run(h.path(), &["cohort", &f, "--column", "rol=Position Title"]);
    assert_eq!(code, 65);
    assert!(err.contains("did you mean `role`?"), "{err}");
}

#[test]
fn suppression_hides_small_counts_and_every_name() {
    let h = home();
    let f = write(h.path(), "team.csv", TEAM);
    let r = json(h.path(), &[&f, "--suppress-below", "3"]);
    assert_eq!(r["people"], 3);
    assert_eq!(count(&r["by_band"], "band-2"), "fewer than 3");
    assert_eq!(destination(&r, "trainee-nursing-associate")["now"], 3);
    assert_eq!(destination(&r, "registered-nurse")["now"], "fewer than 3");
    assert_eq!(r["rows"].as_array().unwrap().len(), 0);
    for format in ["table", "json", "csv", "markdown", "html"] {
        let (code, out, err) = run(
            h.path(),
            &["cohort", &f, "--suppress-below", "3", "--format", format],
        );
        assert_eq!(code, 0, "{err}");
        for name in ["Ann", "Bob", "Cat"] {
            assert!(!out.contains(name), "{format} names {name}");
        }
    }
    let (code, _, err) = run(h.path(), &["cohort", &f, "--suppress-below", "1"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn pseudonyms_are_stable_for_a_salt_and_hide_names() {
    let h = home();
    let f = write(h.path(), "team.csv", TEAM);
    let csv = |salt: &str| {
        let (code, out, err) = run(
            h.path(),
            &[
                "cohort",
                &f,
                "--pseudonymise",
                "--salt",
                salt,
                "--format",
                "csv",
            ],
        );
        assert_eq!(code, 0, "{err}");
        out
    };
    let first = csv("ward 7 2026");
    assert_eq!(first, csv("ward 7 2026"), "same salt, same codes");
    assert_ne!(first, csv("another salt"));
    for name in ["Ann", "Bob", "Cat"] {
        assert!(!first.contains(name));
    }
    let mut r = csv::Reader::from_reader(first.as_bytes());
    let codes: std::collections::BTreeSet<String> =
        r.records().map(|x| x.unwrap()[0].to_string()).collect();
    assert_eq!(codes.len(), 3, "{codes:?}");
    assert!(codes.iter().all(|c| c.starts_with("P-") && c.len() == 10));
    let (code, _, err) = run(h.path(), &["cohort", &f, "--pseudonymise"]);
    assert_eq!(code, 2, "--pseudonymise needs --salt: {err}");
}

#[test]
fn plans_are_written_privately_and_never_overwritten() {
    let h = home();
    let f = write(
        h.path(),
        "team.csv",
        &format!(
            "{TEAM}../../Evil/Name,healthcare-support-worker,,level-2,gcse,level-2,gcse,yes,not-sure,,yes,\n"
        ),
    );
    let dir = h.path().join("records");
    let d = dir.to_str().unwrap();
    let (code, _, err) = run(h.path(), &["cohort", &f, "--plans", d]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Wrote 4 career-conversation records"), "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["ann.md", "bob.md", "cat.md", "evil-name.md"]);
    let bob = std::fs::read_to_string(dir.join("bob.md")).unwrap();
    assert!(bob.contains("Bob"), "{bob}");
    assert!(bob.contains("Functional Skills maths Level 2"));
    // Bob's own barriers are in his record, not someone else's.
    assert!(bob.contains("Too few training places"), "{bob}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("bob.md"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "records are private: {mode:o}");
    }
    std::fs::write(dir.join("bob.md"), "my notes").unwrap();
    let (code, _, err) = run(h.path(), &["cohort", &f, "--plans", d]);
    assert_eq!(code, 73, "{err}");
    assert!(
        err.contains("already exists") && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("bob.md")).unwrap(),
        "my notes"
    );
    let (code, _, err) = run(h.path(), &["cohort", &f, "--plans", d, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(
        std::fs::read_to_string(dir.join("bob.md")).unwrap(),
        "my notes"
    );
}

#[test]
fn reports_are_byte_identical_run_to_run() {
    let h = home();
    let f = write(h.path(), "team.csv", TEAM);
    for format in ["json", "csv", "markdown", "html", "table"] {
        let a = run(h.path(), &["cohort", &f, "--format", format]);
        let b = run(h.path(), &["cohort", &f, "--format", format]);
        assert_eq!(a, b, "{format}");
    }
    let x1 = h.path().join("a.xlsx");
    let x2 = h.path().join("b.xlsx");
    for x in [&x1, &x2] {
        let (code, _, err) = run(h.path(), &["cohort", &f, "-o", x.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
    }
    assert_eq!(std::fs::read(&x1).unwrap(), std::fs::read(&x2).unwrap());
}

#[test]
fn workbook_reads_back_with_a_sheet_per_table() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let h = home();
    let f = write(h.path(), "team.csv", TEAM);
    let x = h.path().join("report.xlsx");
    let (code, _, err) = run(h.path(), &["cohort", &f, "-o", x.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut wb: Xlsx<_> = open_workbook(&x).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Summary", "Gaps", "Commission", "People"]
    );
    let gaps = wb.worksheet_range("Gaps").unwrap();
    assert_eq!(
        gaps.get((1, 0)),
        Some(&Data::String("Maths at Level 2".into()))
    );
    assert_eq!(gaps.get((1, 1)), Some(&Data::Float(1.0)));
    let people = wb.worksheet_range("People").unwrap();
    let bob: Vec<_> = people
        .rows()
        .filter(|r| r[0] == Data::String("Bob".into()))
        .collect();
    assert_eq!(
        bob[0][7],
        Data::String("Functional Skills maths Level 2".into())
    );
    // Refuses to replace without --force.
    let (code, _, _) = run(h.path(), &["cohort", &f, "-o", x.to_str().unwrap()]);
    assert_eq!(code, 73);
}

#[test]
fn csv_into_a_directory_writes_a_file_per_table() {
    let h = home();
    let f = write(h.path(), "team.csv", TEAM);
    let dir = h.path().join("tna");
    let (code, _, err) = run(
        h.path(),
        &["cohort", &f, "--format", "csv", "-o", dir.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    for (name, first) in [
        ("people.csv", "person"),
        ("bands.csv", "id"),
        ("roles.csv", "id"),
        ("destinations.csv", "id"),
        ("gaps.csv", "requirement"),
        ("commission.csv", "id"),
        ("goals.csv", "id"),
        ("barriers.csv", "id"),
    ] {
        let mut r = csv::Reader::from_path(dir.join(name)).unwrap();
        assert_eq!(&r.headers().unwrap()[0], first, "{name}");
        assert!(r.records().all(|x| x.is_ok()), "{name}");
    }
    let mut r = csv::Reader::from_path(dir.join("gaps.csv")).unwrap();
    let row = r.records().next().unwrap().unwrap();
    assert_eq!((&row[0], &row[2]), ("maths-l2", "1"));
}

#[test]
fn templates_list_every_column_and_fill_in() {
    use calamine::{Reader, Xlsx, open_workbook};
    let h = home();
    let (code, header, _) = run(h.path(), &["cohort", "--template", "csv"]);
    assert_eq!(code, 0);
    assert!(header.starts_with("person,role,band,setting,english,"));
    // The template, filled in, is a staff list.
    let f = write(
        h.path(),
        "filled.csv",
        &format!(
            "{header}Zoe,band2,,,level-2,gcse,level-2,gcse,everyday,yes,,move-up,,,,yes,up-to-2,yes,,3,3,3,3\r\n"
        ),
    );
    assert_eq!(json(h.path(), &[&f])["people"], 1);
    let x = h.path().join("staff.xlsx");
    let (code, _, err) = run(
        h.path(),
        &["cohort", "--template", "xlsx", "-o", x.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    let mut wb: Xlsx<_> = open_workbook(&x).unwrap();
    assert_eq!(wb.sheet_names(), ["Staff", "Allowed values"]);
    let staff = wb.worksheet_range("Staff").unwrap();
    let cols: Vec<String> = staff
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(cols.join(","), header.trim_end());
    let notes = wb.worksheet_range("Allowed values").unwrap();
    assert_eq!(notes.rows().count(), cols.len() + 1);
    let (code, _, err) = run(h.path(), &["cohort", "--template", "xlsx"]);
    assert_eq!(code, 2, "a workbook is not shown on screen: {err}");
}

#[test]
fn html_report_is_self_contained_and_renders_in_chromium() {
    let h = home();
    let f = write(h.path(), "team.csv", TEAM);
    let page = h.path().join("tna.html");
    let (code, _, err) = run(
        h.path(),
        &[
            "cohort",
            &f,
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&page).unwrap();
    for bad in ["<script", "<link", "src=", "@import", "url(http"] {
        assert!(
            !html.contains(bad),
            "page would load or run something: {bad}"
        );
    }
    assert!(html.contains("<svg") && html.contains("role=\"img\""));
    if tool("chromium") {
        let (dom, _) = chromium_dom(&page);
        for want in [
            "Training-needs analysis: 3 people",
            "Where people could move",
            "Gaps that hold the most people back",
            "What to commission",
            "What people want",
            "Each person's suggested next steps",
            "<caption>",
            "<th scope=\"col\">",
        ] {
            assert!(dom.contains(want), "rendered page lacks {want:?}");
        }
    }
}

#[test]
fn missing_unreadable_and_wrong_inputs_say_what_to_do() {
    let h = home();
    let (code, _, err) = run(h.path(), &["cohort", "nowhere.csv"]);
    assert_eq!(code, 66);
    assert!(err.contains("nowhere.csv does not exist"), "{err}");
    let f = write(h.path(), "team.ods", "x");
    let (code, _, err) = run(h.path(), &["cohort", &f]);
    assert_eq!(code, 65);
    assert!(
        err.contains("a .csv file, an .xlsx workbook or a directory"),
        "{err}"
    );
    let f = write(h.path(), "empty.csv", "");
    let (code, _, err) = run(h.path(), &["cohort", &f]);
    assert_eq!(code, 65);
    assert!(err.contains("needs a header row"), "{err}");
    let f = write(h.path(), "header.csv", "person,role\n");
    let (code, _, err) = run(h.path(), &["cohort", &f]);
    assert_eq!(code, 65);
    assert!(err.contains("no one to analyse"), "{err}");
    let bad = h.path().join("latin1.csv");
    std::fs::write(&bad, b"person,role\nJos\xe9,band2\n").unwrap();
    let (code, _, err) = run(h.path(), &["cohort", bad.to_str().unwrap()]);
    assert_eq!(code, 65);
    assert!(err.contains("CSV UTF-8"), "{err}");
    let fake = write(h.path(), "fake.xlsx", "not a zip");
    let (code, _, err) = run(h.path(), &["cohort", &fake]);
    assert_eq!(code, 65);
    assert!(err.contains("not a workbook roadmap can read"), "{err}");
    let (code, _, err) = run(h.path(), &["cohort"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_staff_list_leaves_nothing_behind() {
    let h = home();
    let f = write(h.path(), "team.csv", TEAM);
    // Even with --data, whose validation other commands cache.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let (code, _, err) = run(h.path(), &["--data", data.to_str().unwrap(), "cohort", &f]);
    assert_eq!(code, 0, "{err}");
    let left: Vec<_> = std::fs::read_dir(h.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        ["team.csv"],
        "cohort wrote something it was not asked for"
    );
}

/// The README's worked example is what the command prints.
#[test]
fn readme_worked_example_is_true() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme
        .find("## Training-needs analysis for your team")
        .unwrap()..];
    let block = |fence: &str| {
        let start = section.find(fence).unwrap() + fence.len();
        let end = start + section[start..].find("```").unwrap();
        section[start..end].to_string()
    };
    let h = home();
    let f = write(h.path(), "team.csv", &block("```csv\n"));
    let (code, out, err) = run(h.path(), &["cohort", &f]);
    assert_eq!(code, 0, "{err}");
    for line in block("```text\n").lines().filter(|l| l.trim() != "...") {
        assert!(
            out.contains(line),
            "README shows {line:?}, the command prints:\n{out}"
        );
    }
}
