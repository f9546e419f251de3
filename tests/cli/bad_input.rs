//! The bad-input corpus: every case is something a trust editor, a support
//! worker or a broken machine could hand `roadmap`. Each asserts the exit
//! code from DESIGN.md, the message, and where the message points when
//! there is a place to point at. No case may panic.
//!
//! Cases run in their own directory `{d}`, which is also `ROADMAP_HOME`.

use std::path::Path;
use std::process::Stdio;

const MINI: &str = include_str!("../fixtures/valid/mini.toml");

/// One thing to do to `{d}` before running.
enum Setup {
    File(&'static str, Vec<u8>),
    Dir(&'static str),
    /// A sparse file of this many bytes: big on paper, cheap on disk.
    Sparse(&'static str, u64),
    Mode(&'static str, u32),
}

struct Case {
    name: &'static str,
    setup: Vec<Setup>,
    args: Vec<&'static str>,
    code: i32,
    message: Vec<&'static str>,
    location: Option<&'static str>,
    /// Run without the root's power to ignore file permissions, so
    /// unreadable files and read-only directories are real.
    honour_permissions: bool,
    stdout_full: bool,
    /// Run as a user with no home directory and no `ROADMAP_HOME`.
    homeless: bool,
}

fn case(name: &'static str, args: &[&'static str]) -> Case {
    Case {
        name,
        setup: Vec::new(),
        args: args.to_vec(),
        code: -1,
        message: Vec::new(),
        location: None,
        honour_permissions: false,
        stdout_full: false,
        homeless: false,
    }
}

impl Case {
    fn file(mut self, rel: &'static str, bytes: impl Into<Vec<u8>>) -> Self {
        self.setup.push(Setup::File(rel, bytes.into()));
        self
    }
    fn dir(mut self, rel: &'static str) -> Self {
        self.setup.push(Setup::Dir(rel));
        self
    }
    fn sparse(mut self, rel: &'static str, len: u64) -> Self {
        self.setup.push(Setup::Sparse(rel, len));
        self
    }
    fn mode(mut self, rel: &'static str, mode: u32) -> Self {
        self.setup.push(Setup::Mode(rel, mode));
        self.honour_permissions = true;
        self
    }
    fn stdout_full(mut self) -> Self {
        self.stdout_full = true;
        self
    }
    fn homeless(mut self) -> Self {
        self.homeless = true;
        self
    }
    fn fails(mut self, code: i32, message: &[&'static str]) -> Self {
        self.code = code;
        self.message = message.to_vec();
        self
    }
    fn at(mut self, location: &'static str) -> Self {
        self.location = Some(location);
        self
    }
}

/// The small valid dataset with `extra` appended.
fn mini_plus(extra: &str) -> String {
    format!("{MINI}\n{extra}")
}

fn record(kind: &str, id: &str, body: &str) -> String {
    format!(
        "[[{kind}]]\nid = \"{id}\"\ntitle = \"T {id}\"\nsummary = \"S.\"\nsources = [\"003_7de0682cd3a28a45.txt\"]\nreviewed = 2026-11-21\n{body}\n"
    )
}

fn answers_with(line: &str) -> String {
    format!("{line}\n{}", super::assess::ANSWERS)
}

fn corpus() -> Vec<Case> {
    let deep_arrays = format!("x = {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
    let deep_tables = format!("x = {}1{}\n", "{a=".repeat(50_000), "}".repeat(50_000));
    let deep_keys = format!("[{}]\n", vec!["a"; 50_000].join("."));
    let check = |name, args: &[&'static str]| case(name, args);
    let data = ["check", "--data", "{d}/data"];
    let overlay = ["check", "--overlay", "{d}/over"];
    let goal = "registered-nurse";
    vec![
        // --- data files: encoding, size, shape -------------------------
        check("invalid-utf8", &data)
            .file("data/a.toml", b"# ok\nx = \"caf\xe9\"\n".to_vec())
            .fails(65, &["not valid UTF-8", "save the file as UTF-8"])
            .at("{d}/data/a.toml:2:9"),
        check("bom-then-valid-data", &data)
            .file("data/a.toml", format!("\u{feff}{MINI}"))
            .fails(0, &["valid"]),
        check("bom-keeps-locations-right", &data)
            .file("data/a.toml", "\u{feff}# one\nx = = 1\n")
            .fails(65, &["extra `=`"])
            .at("{d}/data/a.toml:2:5"),
        check("empty-file", &data)
            .file("data/a.toml", "")
            .fails(65, &["this file has no records"])
            .at("{d}/data/a.toml:1:1"),
        check("only-comments", &data)
            .file("data/a.toml", MINI)
            .file("data/b.toml", "# to do\n\n")
            .fails(65, &["this file has no records", "remove the file"])
            .at("{d}/data/b.toml:1:1"),
        check("fifty-megabyte-file", &data)
            .sparse("data/a.toml", 50 * 1024 * 1024)
            .fails(65, &["is 50.0 MB", "refuses input files above 8 MB"])
            .at("{d}/data/a.toml"),
        check("data-is-a-file", &["check", "--data", "{d}/a.toml"])
            .file("a.toml", MINI)
            .fails(66, &["is a file, but --data and --overlay take a directory"])
            .at("{d}/a.toml"),
        check("data-missing", &["check", "--data", "{d}/nowhere"])
            .fails(66, &["does not exist"])
            .at("{d}/nowhere"),
        check("data-without-toml-files", &data)
            .file("data/readme.txt", "hello")
            .fails(66, &["has no .toml data files"])
            .at("{d}/data"),
        check("unreadable-data-file", &data)
            .file("data/a.toml", MINI)
            .mode("data/a.toml", 0o000)
            .fails(66, &["cannot read", "Permission denied", "permissions"])
            .at("{d}/data/a.toml"),
        check("unreadable-data-directory", &data)
            .file("data/a.toml", MINI)
            .mode("data", 0o000)
            .fails(66, &["cannot read", "Permission denied"])
            .at("{d}/data"),
        // --- data files: TOML and records ---------------------------------
        check("unclosed-string", &data)
            .file("data/a.toml", "[[role]]\nid = \"hca\ntitle = \"x\"\n")
            .fails(65, &["invalid"])
            .at("{d}/data/a.toml:2:"),
        check("unknown-field", &data)
            .file("data/a.toml", mini_plus(&record("setting", "ward", "colour = \"blue\"")))
            .fails(65, &["unknown field `colour`", "roadmap schema"])
            .at("{d}/data/a.toml:"),
        check("wrong-type", &data)
            .file("data/a.toml", mini_plus(&record("role", "x-role", "band = \"three\"\nfamily = \"nursing\"\nregistered = \"none\"")))
            .fails(65, &["invalid type"])
            .at("{d}/data/a.toml:"),
        check("deeply-nested-arrays", &data)
            .file("data/a.toml", deep_arrays)
            .fails(65, &["recurs", "nested too deeply"])
            .at("{d}/data/a.toml:1:"),
        check("deeply-nested-tables", &data)
            .file("data/a.toml", deep_tables)
            .fails(65, &["recurs", "nested too deeply"])
            .at("{d}/data/a.toml:1:"),
        check("deeply-dotted-keys", &data)
            .file("data/a.toml", deep_keys)
            .fails(65, &["recursion limit", "nested too deeply"])
            .at("{d}/data/a.toml:1:1"),
        check("progression-cycle", &data)
            .file(
                "data/a.toml",
                mini_plus(&record(
                    "pathway",
                    "nurse-to-hca",
                    "kind = \"progression\"\nfrom = [\"nurse\"]\nto = \"hca\"\nvia = [\"senior-apprenticeship\"]",
                )),
            )
            .fails(65, &["cycle"])
            .at("{d}/data/a.toml:"),
        check("unknown-reference", &data)
            .file("data/a.toml", mini_plus(&record("pathway", "p-x", "kind = \"progression\"\nfrom = [\"hca\"]\nto = \"nurs\"\nvia = [\"senior-apprenticeship\"]")))
            .fails(65, &["nurs", "did you mean"])
            .at("{d}/data/a.toml:"),
        check("duplicate-id-within-an-overlay", &overlay)
            .file("over/a.toml", record("setting", "ward-x", ""))
            .file("over/b.toml", record("setting", "ward-x", ""))
            .fails(65, &["duplicate id `ward-x`"])
            .at("{d}/over/b.toml:2:6"),
        check("overlay-reuses-an-id-of-another-kind", &overlay)
            .file("over/a.toml", record("setting", "registered-nurse", ""))
            .fails(65, &["registered-nurse"])
            .at("{d}/over/a.toml:2:6"),
        check("overlay-not-utf8", &overlay)
            .file("over/a.toml", b"\xff\xfe[[role]]\n".to_vec())
            .fails(65, &["not valid UTF-8"])
            .at("{d}/over/a.toml:1:1"),
        // --- unknown ids, one per command ----------------------------------
        case("show-unknown-id", &["show", "registerd-nurse"])
            .fails(2, &["no record has the id \"registerd-nurse\"", "registered-nurse"]),
        case("pathways-unknown-from", &["pathways", "--from", "band9"])
            .fails(2, &["--from: no role in the roadmap is at band 9", "valid bands: band1, band2"]),
        case("pathways-unknown-to", &["pathways", "--from", "band3", "--to", "nurs"])
            .fails(2, &["--to:", "nurs", "did you mean"]),
        case("pathways-unknown-have", &["pathways", "--from", "band3", "--have", "gcse-mathz"])
            .fails(2, &["gcse-mathz", "did you mean"]),
        case("pathways-unknown-setting", &["pathways", "--from", "band3", "--setting", "acut"])
            .fails(2, &["unknown setting \"acut\"", "did you mean `acute`", "valid settings:"]),
        case("pathways-unknown-family", &["pathways", "--from", "band3", "--family", "nursin"])
            .fails(2, &["unknown family \"nursin\"", "valid families:"]),
        case("roles-unknown-setting", &["roles", "--setting", "ward"])
            .fails(2, &["unknown setting \"ward\""]),
        case("areas-unknown-id", &["areas", "maths"])
            .fails(2, &["no area \"maths\"", "skills-for-life"]),
        case("export-unknown-from", &["export", "--format", "json", "--from", "band0"])
            .fails(2, &["no role in the roadmap is at band 0"]),
        case("export-unknown-area", &["export", "--format", "json", "--area", "maths"])
            .fails(2, &["maths"]),
        // --- flags that do not go together -------------------------------
        case("pathways-without-from", &["pathways"])
            .fails(2, &["say where you are with --from"]),
        case("pathways-from-and-to-the-same", &["pathways", "--from", "registered-nurse", "--to", goal])
            .fails(2, &["--from and --to are both"]),
        case("pathways-to-with-setting", &["pathways", "--from", "band3", "--to", goal, "--setting", "acute"])
            .fails(2, &["--setting and --family narrow next steps"]),
        case("routes-out-of-range", &["pathways", "--from", "band3", "--to", goal, "--routes", "0"])
            .fails(2, &["0 is not in 1..=20"]),
        case("export-unknown-format", &["export", "--format", "png"])
            .fails(2, &["invalid value 'png'", "svg"]),
        case("pathways-profile-without-one", &["pathways", "--profile"])
            .fails(2, &["no saved profile yet", "roadmap assess"])
            .at("{d}/profile.toml"),
        case("assess-without-a-terminal", &["assess"])
            .fails(2, &["--answers"]),
        // --- answers files -------------------------------------------------
        case("answers-missing", &["assess", "--answers", "{d}/nowhere.toml"])
            .fails(66, &["does not exist"])
            .at("{d}/nowhere.toml"),
        case("answers-is-a-directory", &["assess", "--answers", "{d}"])
            .fails(66, &["is a directory, but a file was expected"])
            .at("{d}"),
        case("answers-wrong-type", &["assess", "--answers", "{d}/a.toml"])
            .file("a.toml", super::assess::ANSWERS.replace("study-hours = 6", "study-hours = \"lots\""))
            .fails(65, &["unknown variant `lots`", "`2-to-6`", "Self-assessment without a terminal"])
            .at("{d}/a.toml:15:15"),
        case("answers-unknown-key", &["assess", "--answers", "{d}/a.toml"])
            .file("a.toml", answers_with("favourite-colour = \"blue\""))
            .fails(65, &["unknown field `favourite-colour`"])
            .at("{d}/a.toml:1:1"),
        case("answers-unknown-role", &["assess", "--answers", "{d}/a.toml"])
            .file("a.toml", super::assess::ANSWERS.replace("role = \"band3\"", "role = \"band 33\""))
            .fails(65, &["band 33"])
            .at("{d}/a.toml"),
        case("answers-not-utf8", &["assess", "--answers", "{d}/a.toml"])
            .file("a.toml", b"name = \"\xff\"\n".to_vec())
            .fails(65, &["is not UTF-8 text"])
            .at("{d}/a.toml"),
        case("answers-fifty-megabytes", &["assess", "--answers", "{d}/a.toml"])
            .sparse("a.toml", 50 * 1024 * 1024)
            .fails(65, &["is 50.0 MB"])
            .at("{d}/a.toml"),
        case("answers-unreadable", &["assess", "--answers", "{d}/a.toml"])
            .file("a.toml", super::assess::ANSWERS)
            .mode("a.toml", 0o000)
            .fails(66, &["Permission denied"])
            .at("{d}/a.toml"),
        // --- the saved profile ---------------------------------------------
        case("profile-corrupt", &["profile", "show"])
            .file("profile.toml", "version = 1\nanswers = [\n")
            .fails(65, &["cannot be read", "it has not been changed"])
            .at("{d}/profile.toml"),
        case("profile-from-a-newer-version", &["pathways", "--profile"])
            .file("profile.toml", "version = 99\n[answers]\nrole = \"band3\"\n")
            .fails(65, &["newer roadmap (profile version 99", "Update roadmap"])
            .at("{d}/profile.toml"),
        case("profile-without-version", &["profile", "show"])
            .file("profile.toml", "[answers]\nrole = \"band3\"\n")
            .fails(65, &["it has no `version`"])
            .at("{d}/profile.toml"),
        case("profile-is-a-directory", &["profile", "show"])
            .dir("profile.toml")
            .fails(65, &["it is not a file"])
            .at("{d}/profile.toml"),
        case("no-home-directory", &["profile", "path"])
            .homeless()
            .fails(1, &["cannot find a home directory", "set ROADMAP_HOME"]),
        case("profile-unreadable", &["profile", "show"])
            .file("profile.toml", "version = 1\n")
            .mode("profile.toml", 0o000)
            .fails(66, &["cannot read your saved profile", "permissions"])
            .at("{d}/profile.toml"),
        // --- where output goes ---------------------------------------------
        case("export-over-an-existing-file", &["export", "--format", "csv", "-o", "{d}/out.csv"])
            .file("out.csv", "keep me")
            .fails(73, &["already exists", "--force"])
            .at("{d}/out.csv"),
        case("export-onto-a-directory", &["export", "--format", "csv", "-o", "{d}/out", "--force"])
            .dir("out")
            .fails(73, &["is a directory"])
            .at("{d}/out"),
        case("export-to-a-full-disk", &["export", "--format", "json", "-o", "/dev/full", "--force"])
            .fails(74, &["No space left on device"])
            .at("/dev/full"),
        case("listing-to-a-full-stdout", &["roles"])
            .stdout_full()
            .fails(74, &["standard output", "No space left on device"]),
        case("export-into-a-read-only-directory", &["export", "--format", "csv", "-o", "{d}/ro/out.csv"])
            .dir("ro")
            .mode("ro", 0o555)
            .fails(74, &["Permission denied"])
            .at("{d}/ro/out.csv"),
        case("profile-save-into-a-read-only-home", &["assess", "--save", "--answers", "{d}/a.toml"])
            .file("a.toml", super::assess::ANSWERS)
            .mode(".", 0o555)
            .fails(74, &["Permission denied"])
            .at("{d}/profile.toml"),
        case("plan-record-into-a-read-only-directory", &["assess", "--answers", "{d}/a.toml", "--no-save", "-o", "{d}/ro/plan.md"])
            .file("a.toml", super::assess::ANSWERS)
            .dir("ro")
            .mode("ro", 0o555)
            .fails(74, &["Permission denied"])
            .at("{d}/ro/plan.md"),
    ]
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs one case of the corpus by name: its exit code, message, location,
/// and no panic.
fn run_case(name: &str) {
    let c = corpus()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case named {name}"));
    let root = is_root();
    let mut failures: Vec<String> = Vec::new();
    {
        let tmp = tempfile::tempdir().expect("temp dir");
        let d = tmp.path();
        let ds = d.display().to_string();
        for s in &c.setup {
            prepare(d, s);
        }
        let args: Vec<String> = c.args.iter().map(|a| a.replace("{d}", &ds)).collect();
        let needs_full = c.stdout_full || c.args.contains(&"/dev/full");
        if needs_full && !Path::new("/dev/full").exists() {
            eprintln!("{}: skipped, this machine has no /dev/full", c.name);
            return;
        }
        let mut bin = assert_cmd::cargo::cargo_bin("roadmap");
        if c.homeless {
            if !root {
                eprintln!(
                    "{}: skipped, needs root to switch to a user with no home",
                    c.name
                );
                return;
            }
            // The other user must be able to reach the binary.
            set_mode(d, 0o755);
            let copy = d.join("roadmap");
            std::fs::copy(&bin, &copy).expect("copy the binary");
            bin = copy;
        }
        // Root ignores file modes; dropping these two capabilities makes the
        // kernel check them, as it would for anyone else.
        let mut cmd = if c.homeless {
            let mut s = std::process::Command::new("setpriv");
            s.args(["--reuid=54321", "--regid=54321", "--clear-groups"])
                .arg(&bin);
            s
        } else if c.honour_permissions && root {
            let mut s = std::process::Command::new("setpriv");
            s.args([
                "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-dac_override,-dac_read_search",
            ])
            .arg(&bin);
            s
        } else {
            std::process::Command::new(&bin)
        };
        cmd.args(&args)
            .env("ROADMAP_HOME", d)
            .env("ROADMAP_TODAY", "2026-11-21")
            .env("COLUMNS", "100")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null());
        if c.homeless {
            cmd.env_remove("ROADMAP_HOME")
                .env_remove("HOME")
                .env_remove("XDG_DATA_HOME");
        }
        if c.stdout_full {
            cmd.stdout(std::fs::File::create("/dev/full").expect("/dev/full"));
        }
        let out = cmd.output().expect("runs");
        // Restore modes so the temporary directory can be removed.
        for s in &c.setup {
            if let Setup::Mode(rel, _) = s {
                set_mode(&d.join(rel), 0o755);
            }
        }
        let code = out.status.code().unwrap_or(-1);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        let all = format!("{}{err}", String::from_utf8_lossy(&out.stdout));
        let mut problems = Vec::new();
        if code != c.code {
            problems.push(format!("exit {code}, expected {}", c.code));
        }
        for m in &c.message {
            if !all.contains(m) {
                problems.push(format!("no {m:?} in the message"));
            }
        }
        if let Some(loc) = c.location {
            let loc = loc.replace("{d}", &ds);
            if !all.contains(&loc) {
                problems.push(format!("no location {loc:?}"));
            }
        }
        if all.contains("panicked") || code == 101 {
            problems.push("panicked".into());
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}\n{all}", c.name, problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

fn prepare(d: &Path, s: &Setup) {
    match s {
        Setup::File(rel, bytes) => {
            let p = d.join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, bytes).expect("write");
        }
        Setup::Dir(rel) => std::fs::create_dir_all(d.join(rel)).expect("mkdir"),
        Setup::Sparse(rel, len) => {
            let p = d.join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::File::create(p)
                .and_then(|f| f.set_len(*len))
                .expect("sparse file");
        }
        Setup::Mode(rel, mode) => set_mode(&d.join(rel), *mode),
    }
}

fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

macro_rules! cases {
    ($($name:ident,)*) => {
        $(
            #[test]
            fn $name() {
                run_case(&stringify!($name).replace('_', "-"));
            }
        )*

        /// Every case of the corpus has its own test above, and no two
        /// cases share a name.
        #[test]
        fn every_case_in_the_corpus_has_a_test() {
            let listed = [$(stringify!($name).replace('_', "-")),*];
            let mut names = std::collections::HashSet::new();
            let corpus = corpus();
            assert!(corpus.len() >= 40, "the corpus has {} cases", corpus.len());
            for c in corpus {
                assert!(names.insert(c.name), "two cases are named {}", c.name);
                assert!(listed.iter().any(|l| l == c.name), "case {} has no test in the list", c.name);
            }
        }
    };
}

cases! {
    invalid_utf8,
    bom_then_valid_data,
    bom_keeps_locations_right,
    empty_file,
    only_comments,
    fifty_megabyte_file,
    data_is_a_file,
    data_missing,
    data_without_toml_files,
    unreadable_data_file,
    unreadable_data_directory,
    unclosed_string,
    unknown_field,
    wrong_type,
    deeply_nested_arrays,
    deeply_nested_tables,
    deeply_dotted_keys,
    progression_cycle,
    unknown_reference,
    duplicate_id_within_an_overlay,
    overlay_reuses_an_id_of_another_kind,
    overlay_not_utf8,
    show_unknown_id,
    pathways_unknown_from,
    pathways_unknown_to,
    pathways_unknown_have,
    pathways_unknown_setting,
    pathways_unknown_family,
    roles_unknown_setting,
    areas_unknown_id,
    export_unknown_from,
    export_unknown_area,
    pathways_without_from,
    pathways_from_and_to_the_same,
    pathways_to_with_setting,
    routes_out_of_range,
    export_unknown_format,
    pathways_profile_without_one,
    assess_without_a_terminal,
    answers_missing,
    answers_is_a_directory,
    answers_wrong_type,
    answers_unknown_key,
    answers_unknown_role,
    answers_not_utf8,
    answers_fifty_megabytes,
    answers_unreadable,
    profile_corrupt,
    profile_from_a_newer_version,
    profile_without_version,
    profile_is_a_directory,
    no_home_directory,
    profile_unreadable,
    export_over_an_existing_file,
    export_onto_a_directory,
    export_to_a_full_disk,
    listing_to_a_full_stdout,
    export_into_a_read_only_directory,
    profile_save_into_a_read_only_home,
    plan_record_into_a_read_only_directory,
}
