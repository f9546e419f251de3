//! Output files that can't be hijacked or lost, and status lines that can
//! never cost the user their data: closed streams, planted symlinks, racing
//! writers, modes, backups and odd names.

use super::common::{home, run};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

fn bin() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("roadmap"));
    c.env_remove("NO_COLOR").env("COLUMNS", "100");
    c
}

/// Runs `script` in `sh` with `$R` set to the roadmap binary.
fn sh(home: &Path, script: &str) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("R", assert_cmd::cargo::cargo_bin("roadmap"))
        .env("ROADMAP_HOME", home)
        .current_dir(home)
        .output()
        .expect("sh runs")
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn a_full_stderr_never_panics_and_the_file_is_written() {
    let h = home();
    if !Path::new("/dev/full").exists() {
        return;
    }
    let out = sh(h.path(), "$R export --format csv -o x.csv 2>/dev/full");
    assert_eq!(out.status.code(), Some(0));
    assert!(h.path().join("x.csv").metadata().expect("written").len() > 1000);
}

#[test]
fn a_closed_stderr_pipe_never_costs_the_profile_or_the_record() {
    let h = home();
    let answers = h.path().join("a.toml");
    std::fs::write(&answers, super::assess::ANSWERS).expect("answers");
    let rec = h.path().join("rec.md");
    let mut child = bin()
        .args(["assess", "--save", "--answers"])
        .arg(&answers)
        .arg("-o")
        .arg(&rec)
        .env("ROADMAP_HOME", h.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Close the reading end before the status lines are written.
    drop(child.stderr.take());
    let status = child.wait().expect("wait");
    assert_ne!(status.code(), Some(101), "panicked");
    assert!(
        h.path().join("profile.toml").exists(),
        "the profile was lost"
    );
    assert!(rec.exists(), "the record was lost");
    // The same through a shell pipeline, as the red team ran it.
    let h = home();
    std::fs::write(h.path().join("a.toml"), super::assess::ANSWERS).expect("answers");
    let out = sh(
        h.path(),
        "$R assess --save --answers a.toml -o rec.md 2>&1 | head -1 >/dev/null; echo $?",
    );
    assert!(h.path().join("profile.toml").exists());
    assert!(h.path().join("rec.md").exists());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn a_closed_stdout_fails_with_74_instead_of_losing_the_output() {
    let h = home();
    let out = sh(h.path(), "$R roles >&-");
    assert_eq!(out.status.code(), Some(74));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard output"));
    // /dev/null is a choice, not a loss.
    assert_eq!(sh(h.path(), "$R roles >/dev/null").status.code(), Some(0));
    // A file written with -o does not need stdout.
    let out = sh(h.path(), "$R export --format csv -o y.csv >&-");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn writing_to_own_stdout_appends_instead_of_replacing_the_log() {
    let h = home();
    std::fs::write(h.path().join("log.txt"), "first line\n").expect("log");
    let out = sh(
        h.path(),
        "$R export --format csv -o /dev/stdout --force >> log.txt",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let log = std::fs::read_to_string(h.path().join("log.txt")).expect("log");
    assert!(log.starts_with("first line\npathway,"), "{}", &log[..80]);
}

#[test]
fn racing_writers_to_a_new_file_have_exactly_one_winner() {
    for round in 0..15 {
        let h = home();
        let target = h.path().join("race.csv");
        let kids: Vec<_> = (0..3)
            .map(|_| {
                bin()
                    .args(["export", "--format", "csv", "-o"])
                    .arg(&target)
                    .env("ROADMAP_HOME", h.path())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        let codes: Vec<i32> = kids
            .into_iter()
            .map(|mut k| k.wait().expect("wait").code().unwrap_or(-1))
            .collect();
        let winners = codes.iter().filter(|&&c| c == 0).count();
        assert_eq!(winners, 1, "round {round}: {codes:?}");
        assert!(codes.iter().all(|&c| c == 0 || c == 73), "{codes:?}");
    }
}

#[test]
fn a_planted_symlink_at_a_guessable_temp_name_is_never_followed() {
    let h = home();
    let victim = h.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    let out_dir = h.path().join("shared");
    std::fs::create_dir(&out_dir).expect("dir");
    // The old temp name was `.{name}.{pid}.tmp`; pids are handed out in
    // order, so plant links for the next few hundred.
    let me = std::process::id();
    for pid in me..me + 400 {
        let _ = std::os::unix::fs::symlink(&victim, out_dir.join(format!(".out.csv.{pid}.tmp")));
    }
    let (code, _, err) = run(
        h.path(),
        &[
            "export",
            "--format",
            "csv",
            "-o",
            out_dir.join("out.csv").to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious"
    );
    assert!(
        std::fs::read_to_string(out_dir.join("out.csv"))
            .expect("out")
            .starts_with("pathway,")
    );
}

#[test]
fn profiles_are_private_and_keep_their_mode() {
    let h = home();
    let dir = h.path().join("fresh");
    let answers = h.path().join("a.toml");
    std::fs::write(&answers, super::assess::ANSWERS).expect("answers");
    let save = || {
        let out = bin()
            .args(["assess", "--save", "--answers"])
            .arg(&answers)
            .env("ROADMAP_HOME", &dir)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{out:?}");
    };
    save();
    let profile = dir.join("profile.toml");
    assert_eq!(mode(&profile), 0o600);
    assert_eq!(mode(&dir), 0o700);
    save();
    assert_eq!(mode(&profile), 0o600, "a second save keeps it private");
    std::fs::set_permissions(&profile, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    save();
    assert_eq!(mode(&profile), 0o640, "a mode the owner chose is kept");
    // The backup is always a whole profile.
    let bak = std::fs::read_to_string(dir.join("profile.toml.bak")).expect("bak");
    assert!(bak.contains("version = "), "{bak}");
}

#[test]
fn a_backup_in_the_way_is_named() {
    let h = home();
    let answers = h.path().join("a.toml");
    std::fs::write(&answers, super::assess::ANSWERS).expect("answers");
    let a = answers.to_str().expect("utf-8");
    assert_eq!(run(h.path(), &["assess", "--save", "--answers", a]).0, 0);
    std::fs::create_dir(h.path().join("profile.toml.bak")).expect("dir in the way");
    std::fs::write(h.path().join("profile.toml.bak/x"), "x").expect("fill it");
    let (code, _, err) = run(h.path(), &["assess", "--save", "--answers", a]);
    assert_eq!(code, 74, "{err}");
    assert!(err.contains("profile.toml.bak"), "{err}");
}

#[test]
fn export_force_keeps_the_target_mode_and_long_names_work() {
    let h = home();
    let target = h.path().join("t.csv");
    std::fs::write(&target, "old").expect("old");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let t = target.to_str().expect("utf-8");
    assert_eq!(
        run(h.path(), &["export", "--format", "csv", "-o", t, "--force"]).0,
        0
    );
    assert_eq!(mode(&target), 0o640);
    // The longest name a file system allows: the temporary name must not
    // be longer.
    let long = h.path().join(format!("{}.csv", "n".repeat(251)));
    let (code, _, err) = run(
        h.path(),
        &[
            "export",
            "--format",
            "csv",
            "-o",
            long.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(long.exists());
}

#[test]
fn a_dangling_symlink_is_refused_without_force_and_written_through_with_it() {
    let h = home();
    let link = h.path().join("link.csv");
    let real = h.path().join("real.csv");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let l = link.to_str().expect("utf-8");
    let (code, _, _) = run(h.path(), &["export", "--format", "csv", "-o", l]);
    assert_eq!(code, 73);
    let (code, _, err) = run(h.path(), &["export", "--format", "csv", "-o", l, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(real.exists() && link.symlink_metadata().expect("link").is_symlink());
    // A link into a folder that does not exist says why.
    let bad = h.path().join("bad.csv");
    std::os::unix::fs::symlink(h.path().join("no/such/dir/x.csv"), &bad).expect("link");
    let (code, _, err) = run(
        h.path(),
        &[
            "export",
            "--format",
            "csv",
            "-o",
            bad.to_str().expect("utf-8"),
            "--force",
        ],
    );
    assert_eq!(code, 74, "{err}");
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn temporary_files_of_a_killed_run_are_cleaned_up_next_time() {
    let h = home();
    // No process has pid 4194304 (above Linux's pid_max).
    let stale = h.path().join(".roadmap-4194304-abcdef.tmp");
    std::fs::write(&stale, "half").expect("stale");
    let out = h.path().join("o.csv");
    let (code, _, _) = run(
        h.path(),
        &[
            "export",
            "--format",
            "csv",
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0);
    assert!(!stale.exists(), "the stale temporary file is still there");
}

#[test]
fn file_names_cannot_forge_output_lines() {
    let h = home();
    let name = h.path().join("evil\nerror: \u{1b}[31mfake.csv");
    let (code, _, err) = run(
        h.path(),
        &[
            "export",
            "--format",
            "csv",
            "-o",
            name.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn file_names_cannot_forge_error_lines() {
    let h = home();
    let evil = "evil\nerror: \u{1b}[31mforged";
    let missing = h.path().join(evil);
    let missing = missing.to_str().expect("utf-8");
    // A data directory holding a broken file with a hostile name.
    let dir = h.path().join("data");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join(format!("{evil}.toml")), "[[role]\n").unwrap();
    let dir = dir.to_str().unwrap();
    for args in [
        vec!["pathways", "--from", "band3", "--data", missing],
        vec!["check", "--overlay", missing],
        vec!["check", "--data", dir],
        vec!["assess", "--answers", missing],
        vec!["cohort", missing],
    ] {
        let (code, _, err) = run(h.path(), &args);
        assert_ne!(code, 0, "{args:?}");
        assert!(!err.contains('\u{1b}'), "{args:?}: {err:?}");
        assert!(
            !err.lines()
                .any(|l| l.starts_with("error: ") && l.contains("forged") && !l.contains("evil")),
            "{args:?}: a file name started a line of its own: {err:?}"
        );
    }
}

/// Issue 16, F9: concurrent saves never leave a mixed profile or backup:
/// each is one whole save, as written.
#[test]
fn concurrent_saves_leave_a_whole_profile_and_a_whole_backup() {
    let h = home();
    let answers: Vec<String> = (0..6)
        .map(|i| {
            let text = super::assess::ANSWERS.replace("Sam Patel", &format!("Person {i}"));
            super::assess::write(h.path(), &format!("a{i}.toml"), &text)
        })
        .collect();
    for round in 0..5 {
        let kids: Vec<_> = answers
            .iter()
            .map(|a| {
                bin()
                    .args(["assess", "--save", "--answers", a])
                    .env("ROADMAP_HOME", h.path())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for mut k in kids {
            assert_eq!(k.wait().unwrap().code(), Some(0), "round {round}");
        }
        let profile = h.path().join("profile.toml");
        let backup = h.path().join("profile.toml.bak");
        // The first round starts with no profile, so maybe no backup yet.
        for f in [&profile, &backup]
            .into_iter()
            .filter(|f| round > 0 || f.exists())
        {
            let text =
                std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let v: toml::Table = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("round {round}: {} is not whole: {e}", f.display()));
            let name = v["answers"]["name"].as_str().unwrap_or("");
            assert!(
                name.starts_with("Person "),
                "round {round}: {}: {name:?}",
                f.display()
            );
        }
    }
}
