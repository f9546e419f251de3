//! The wizard in a real pseudo-terminal (expectrl): arrow keys, space and
//! Enter, Ctrl-C, and a re-run with answers filled in.

use super::common::home;
use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Regex};
use hcsw_roadmap::embedded;
use hcsw_roadmap::model::Regulator;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";

type Pty = expectrl::session::Session<
    expectrl::session::OsProcess,
    expectrl::stream::log::LogStream<expectrl::session::OsStream, std::io::Stderr>,
>;

fn spawn(home: &Path, args: &[&str]) -> Pty {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("roadmap"));
    cmd.args(args)
        .env("ROADMAP_HOME", home)
        .env("ROADMAP_TODAY", "2026-11-21")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("COLUMNS", "80");
    let mut s = expectrl::session::Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    // A transcript on stderr, so a timeout shows where the wizard was.
    expectrl::session::log(s, std::io::stderr()).expect("log")
}

/// Sends keys and gives the prompt a moment to redraw.
fn keys(s: &mut impl Expect, k: &str) {
    s.send(k).expect("send");
    std::thread::sleep(Duration::from_millis(60));
}

/// How the process ended, waiting at most 15 s: a wizard that does not
/// end is killed and the test fails, rather than hanging the suite.
fn ended(s: &mut Pty) -> WaitStatus {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        match s.get_process().status() {
            Ok(WaitStatus::StillAlive) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Ok(WaitStatus::StillAlive) => {
                let _ = s.get_process_mut().exit(true);
                panic!("the wizard did not end");
            }
            Ok(st) => return st,
            Err(e) => panic!("status: {e}"),
        }
    }
}

fn assert_interrupted(st: WaitStatus) {
    match st {
        WaitStatus::Signaled(_, sig, _) => assert_eq!(sig as i32, 2, "ended by SIGINT"),
        WaitStatus::Exited(_, code) => assert_eq!(code, 130),
        other => panic!("unexpected {other:?}"),
    }
}

fn wait(s: &mut impl Expect, text: &str) {
    s.expect(text)
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
}

/// The prompts of the main path, in order: at most twelve.
const MAIN_PATH: [&str; 12] = [
    "What is your role now?",
    "Where do you work?",
    "Your English",
    "Your maths",
    "Your digital skills",
    "What have you finished?",
    "What do you want next?",
    "keep earning",
    "own time",
    "manager support",
    "least confident",
    "held you back",
];

#[test]
fn a_full_wizard_run_with_arrows_space_enter_and_esc_gives_a_plan_and_saves() {
    let h = home();
    let started = std::time::Instant::now();
    let mut s = spawn(h.path(), &["assess"]);
    wait(&mut s, "What is your role now?");
    // The highlight starts on the healthcare support worker; up past the
    // first item wraps to "Another role: I'll type it", the last.
    let map = embedded::roadmap();
    let mut support: Vec<_> = map
        .roles
        .iter()
        .filter(|r| r.band <= 4 && r.closed_since.is_none())
        .collect();
    support.sort_by(|x, y| {
        x.band
            .cmp(&y.band)
            .then_with(|| x.meta.title.cmp(&y.meta.title))
    });
    let hcsw = support
        .iter()
        .position(|r| r.meta.id == "healthcare-support-worker")
        .expect("HCSW is a support role");
    for _ in 0..=hcsw {
        keys(&mut s, UP);
    }
    s.expect(Regex("> Another role"))
        .expect("wrapped to typing a role");
    keys(&mut s, "\r");
    wait(&mut s, "Your role or band");
    keys(&mut s, "band 3\r");
    wait(&mut s, "Where do you work?");
    // The highlight starts on the likeliest setting, never on "Skip".
    s.expect(Regex("> Acute")).expect("acute is highlighted");
    keys(&mut s, "\r");
    wait(&mut s, "Your English");
    // Level 2 is highlighted: the most likely answer, not "rather not say".
    s.expect(Regex("> Level 2")).expect("level 2 highlighted");
    keys(&mut s, "\r");
    wait(&mut s, "How did you get your English?");
    keys(&mut s, "\r"); // GCSE
    wait(&mut s, "Your maths");
    // Esc goes back to the English question, answers kept.
    keys(&mut s, "\x1b");
    wait(&mut s, "How did you get your English?");
    keys(&mut s, "\r");
    wait(&mut s, "Your maths");
    keys(&mut s, UP);
    keys(&mut s, UP);
    keys(&mut s, UP);
    keys(&mut s, "\r"); // no qualification
    wait(&mut s, "Your digital skills");
    keys(&mut s, "\r");
    wait(&mut s, "What have you finished?");
    keys(&mut s, " "); // the Care Certificate
    keys(&mut s, DOWN);
    keys(&mut s, DOWN);
    keys(&mut s, " "); // Level 3 diploma
    keys(&mut s, "\r");
    wait(&mut s, "What do you want next?");
    keys(&mut s, DOWN); // from "move up" to "registered"
    keys(&mut s, "\r");
    wait(&mut s, "Which registered role?");
    s.expect(Regex("> Registered nurse"))
        .expect("nurse is highlighted");
    let _ = (&map, Regulator::None);
    keys(&mut s, "\r");
    wait(&mut s, "keep earning");
    keys(&mut s, "y");
    wait(&mut s, "own time");
    keys(&mut s, DOWN); // up to 2 -> 2 to 6
    keys(&mut s, "\r");
    wait(&mut s, "manager support");
    keys(&mut s, "\r");
    wait(&mut s, "least confident");
    keys(&mut s, " "); // English, maths and digital skills
    keys(&mut s, "\r");
    wait(&mut s, "held you back");
    keys(&mut s, " ");
    keys(&mut s, "\r");
    wait(&mut s, "Your plan, 2026-11-21");
    wait(&mut s, "Routes to Registered nurse");
    wait(&mut s, "Next steps to agree with your manager");
    wait(&mut s, "For your career conversation");
    wait(&mut s, "Save your answers");
    keys(&mut s, "y");
    wait(&mut s, "career-conversation record");
    keys(&mut s, "n");
    wait(&mut s, "Saved your answers");
    s.expect(Eof).ok();
    assert!(matches!(ended(&mut s), WaitStatus::Exited(_, 0)));
    // A person can finish in well under two minutes; this run, with its
    // pauses for the screen to redraw, takes a few seconds.
    assert!(started.elapsed() < Duration::from_secs(120));
    let profile = std::fs::read_to_string(h.path().join("profile.toml")).expect("profile saved");
    for want in [
        "role = \"band 3\"",
        "english = \"level-2\"",
        "english-how = \"gcse\"",
        "maths = \"none\"",
        "care-certificate = true",
        "goal-role = \"registered-nurse\"",
        "study-hours = \"2-to-6\"",
        "skills-for-life = 2",
        "level-3-diploma",
    ] {
        assert!(profile.contains(want), "profile lacks {want}:\n{profile}");
    }
}

#[test]
fn the_main_path_asks_at_most_twelve_questions() {
    let h = home();
    let mut s = spawn(h.path(), &["assess"]);
    let mut asked = 0;
    for q in MAIN_PATH {
        wait(&mut s, q);
        asked += 1;
        match q {
            // "Rather not say" (top of the list): then "how did you get
            // it?" does not matter, so it is not asked.
            "Your English" | "Your maths" => {
                for _ in 0..4 {
                    keys(&mut s, UP);
                }
            }
            // "Grow in my current role": no goal role or setting to ask.
            "What do you want next?" => keys(&mut s, UP),
            _ => {}
        }
        // Enter takes the highlighted answer; ticks need none.
        keys(&mut s, "\r");
    }
    assert!(asked <= 12);
    // Straight to the plan: no question after the twelfth.
    wait(&mut s, "Your plan");
    s.send("\x03").expect("ctrl-c");
    let _ = ended(&mut s);
}

fn saved_profile(home: &Path) -> Vec<u8> {
    let answers = super::assess::write(home, "answers.toml", super::assess::ANSWERS);
    let st = Command::new(assert_cmd::cargo::cargo_bin("roadmap"))
        .args(["assess", "--save", "--answers", &answers])
        .env("ROADMAP_HOME", home)
        .env("ROADMAP_TODAY", "2026-11-20")
        .output()
        .unwrap();
    assert!(st.status.success());
    std::fs::read(home.join("profile.toml")).unwrap()
}

#[test]
fn ctrl_c_saves_nothing_and_leaves_the_profile_byte_identical() {
    let h = home();
    let before = saved_profile(h.path());
    let mut s = spawn(h.path(), &["assess"]);
    wait(&mut s, "What is your role now?");
    keys(&mut s, DOWN);
    s.send("\x03").unwrap(); // Ctrl-C in the middle of a question
    // The terminal is given back: the cursor shown, the line ended.
    wait(&mut s, "\x1b[?25h");
    wait(&mut s, "Nothing was saved.");
    assert_interrupted(ended(&mut s));
    assert_eq!(
        std::fs::read(h.path().join("profile.toml")).unwrap(),
        before
    );
}

#[test]
fn a_rerun_fills_in_the_saved_answers() {
    let h = home();
    let before = saved_profile(h.path());
    let mut s = spawn(h.path(), &["assess"]);
    wait(&mut s, "Your answers from last time are filled in");
    // The saved role (band 3, the senior healthcare support worker) is selected.
    s.expect(Regex("> Senior healthcare support worker"))
        .expect("the saved role is pre-selected");
    s.send("\x03").unwrap();
    assert_interrupted(ended(&mut s));
    assert_eq!(
        std::fs::read(h.path().join("profile.toml")).unwrap(),
        before
    );
}

/// Everything a command prints on a real terminal with this `TERM`.
fn on_terminal(home: &Path, term: &str, args: &[&str]) -> String {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("roadmap"));
    cmd.args(args)
        .env("ROADMAP_HOME", home)
        .env_remove("NO_COLOR")
        .env("TERM", term)
        .env("COLUMNS", "80");
    let mut s = expectrl::session::Session::spawn(cmd).expect("spawn in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    let out = s.expect(Eof).expect("output ends");
    let mut all = out.before().to_vec();
    all.extend_from_slice(out.get(0).unwrap_or_default());
    String::from_utf8_lossy(&all).into_owned()
}

/// Issue 16, F16: a terminal that says `TERM=dumb` gets plain ASCII, no
/// bold or colour and no box drawing; a capable one still gets them.
#[test]
fn a_dumb_terminal_gets_plain_ascii() {
    let h = home();
    for args in [
        &["pathways", "--from", "band3"][..],
        &["roles"],
        &["check"],
        &["show", "registered-nurse"],
    ] {
        let dumb = on_terminal(h.path(), "dumb", args);
        assert!(dumb.len() > 200, "{args:?}: {dumb}");
        let odd: Vec<char> = dumb
            .chars()
            .filter(|c| !c.is_ascii() || (c.is_ascii_control() && !"\r\n".contains(*c)))
            .collect();
        assert!(odd.is_empty(), "{args:?} on TERM=dumb printed {odd:?}");
    }
    let fancy = on_terminal(h.path(), "xterm-256color", &["pathways", "--from", "band3"]);
    assert!(
        fancy.contains('\u{1b}'),
        "a capable terminal lost its styling"
    );
}
