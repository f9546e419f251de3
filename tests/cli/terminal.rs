//! Terminal safety: an escape sequence or other control character in any
//! string of the data, or in anything the user types, never reaches the
//! terminal raw. The loader refuses it in every string field of the data
//! (each tried on its own), and every renderer cleans what it prints besides
//! (tried through a tampered cache, which skips the loader).

use super::common::run;
use hcsw_roadmap::cache::Cached;

const MINI: &str = include_str!("../fixtures/valid/mini.toml");
/// Sets the window title, then clears the screen; BEL ends the first.
const HOSTILE: &str = "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202e";

/// Every export format that is text for a person to read.
const EXPORTS: &[&str] = &["markdown", "csv", "mermaid", "dot", "svg", "html"];

/// Raw control bytes, or the bidi override, anywhere in `out`.
fn unsafe_bytes(out: &str) -> Option<char> {
    // CSV ends its records with CRLF, as RFC 4180 says.
    out.replace("\r\n", "\n").chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// Every string literal in the mini data: (line index, byte offset of the
/// character after its opening quote, id of the record it is in).
fn string_literals() -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut id = String::new();
    for (i, line) in MINI.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("id = \"") {
            id = rest.trim_end_matches('"').to_string();
        }
        if line.trim_start().starts_with('#') {
            continue;
        }
        let mut in_string = false;
        for (at, c) in line.char_indices() {
            if c == '"' {
                if !in_string {
                    out.push((i, at + 1, id.clone()));
                }
                in_string = !in_string;
            }
        }
    }
    out
}

#[test]
fn the_loader_refuses_an_escape_in_every_string_of_the_data() {
    let literals = string_literals();
    assert!(literals.len() > 80, "found {} literals", literals.len());
    let h = tempfile::tempdir().expect("temp dir");
    for (n, (line, at, id)) in literals.iter().enumerate() {
        let dir = h.path().join(format!("d{n}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let text: Vec<String> = MINI
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i == *line {
                    format!("{}{HOSTILE}{}", &l[..*at], &l[*at..])
                } else {
                    l.to_string()
                }
            })
            .collect();
        std::fs::write(dir.join("data.toml"), text.join("\n")).expect("write");
        let d = dir.display().to_string();
        let (code, out, err) = run(h.path(), &["check", "--data", &d, "--color", "never"]);
        let where_ = format!("line {} of mini.toml, in `{id}`", line + 1);
        assert_eq!(code, 65, "{where_}: the escape was accepted\n{err}");
        let at_line = format!("data.toml:{}:", line + 1);
        assert!(err.contains(&at_line), "{where_}: no {at_line} in\n{err}");
        if let Some(c) = unsafe_bytes(&format!("{out}{err}")) {
            panic!("{where_}: check printed {c:?}\n{err}");
        }
    }
}

#[test]
fn nothing_the_user_types_reaches_the_terminal_raw() {
    let h = tempfile::tempdir().expect("temp dir");
    let typed = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}";
    let answers = h.path().join("a.toml");
    std::fs::write(
        &answers,
        super::assess::ANSWERS.replace("Sam Patel", "\\u001b[2JSam\\u202e"),
    )
    .expect("write");
    let a = answers.display().to_string();
    let bad_path = format!("{}/{typed}.toml", h.path().display());
    let cases: Vec<Vec<&str>> = vec![
        vec!["pathways", "--from", typed],
        vec!["pathways", "--from", "band3", "--to", typed],
        vec!["pathways", "--from", "band3", "--have", typed],
        vec!["pathways", "--from", "band3", "--setting", typed],
        vec!["show", typed],
        vec!["search", typed],
        vec!["areas", typed],
        vec!["roles", "--family", typed],
        vec!["export", "--format", typed],
        vec!["export", "--format", "json", "--from", typed],
        vec!["check", "--data", &bad_path],
        vec!["assess", "--answers", &bad_path],
        vec!["assess", "--answers", &a, "--no-save"],
        vec![typed],
    ];
    for args in cases {
        let (code, out, err) = run(h.path(), &args);
        assert_ne!(code, 101, "{args:?}");
        if let Some(c) = unsafe_bytes(&format!("{out}{err}")) {
            panic!("{args:?} printed {c:?}:\n{out}{err}");
        }
    }
}

/// The loader refuses control characters, so to prove every renderer also
/// cleans what it prints, tamper with the validated-data cache (a file a
/// user, or malware, could edit) and run every command and format over it.
#[test]
fn every_renderer_cleans_text_even_from_a_tampered_cache() {
    let h = tempfile::tempdir().expect("temp dir");
    let data = super::common::fixture("valid");
    let d = data.to_str().expect("utf-8 path");
    let (code, _, err) = run(h.path(), &["roles", "--data", d]);
    assert_eq!(code, 0, "{err}");
    let cache = std::fs::read_dir(h.path().join("cache"))
        .expect("the cache was written")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "bin"))
        .expect("a cache file");
    // The cache is the validated roadmap in the compact format, sealed with a
    // checksum (which a tamperer can recompute); edit it as JSON, where
    // every string is easy to reach.
    // The roadmap borrows its text from what it is read from (model::Text),
    // so the bytes must live for the rest of the test.
    let bytes: &'static [u8] = std::fs::read(&cache).expect("read").leak();
    let cached = Cached::decode(bytes).expect("decode the cache");
    let mut v = serde_json::to_value(&cached.roadmap).expect("to json");
    inject(&mut v, None);
    let tampered = Cached {
        key: cached.key,
        roadmap: serde_json::from_str(v.to_string().leak()).expect("still a roadmap"),
    };
    std::fs::write(&cache, tampered.encode().expect("encode")).expect("write");

    let ids: Vec<String> = {
        let (_, out, _) = run(h.path(), &["roles", "--data", d, "--format", "json"]);
        let roles: serde_json::Value = serde_json::from_str(&out).expect("roles json");
        let mut ids: Vec<String> = roles["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect();
        ids.extend(
            [
                "maths-l2", "fs-maths", "to-nurse", "numeracy", "no-info", "otj", "acute",
            ]
            .map(String::from),
        );
        ids.push("skills-for-life".into());
        ids
    };
    let mut cases: Vec<Vec<&str>> = vec![
        vec!["roles"],
        vec!["roles", "--format", "markdown"],
        vec!["roles", "--format", "csv"],
        vec!["areas"],
        vec!["areas", "skills-for-life"],
        vec!["areas", "skills-for-life", "--format", "markdown"],
        vec!["search", "maths"],
        vec!["search", "maths", "--format", "csv"],
        vec!["pathways", "--from", "hca"],
        vec!["pathways", "--from", "hca", "--format", "markdown"],
        vec!["pathways", "--from", "hca", "--format", "csv"],
        vec!["pathways", "--from", "hca", "--to", "nurse"],
        vec![
            "pathways", "--from", "hca", "--to", "nurse", "--format", "markdown",
        ],
        vec![
            "pathways", "--from", "hca", "--to", "nurse", "--format", "csv",
        ],
        vec!["export", "--format", "json"],
        vec!["roles", "--format", "json"],
        vec!["search", "maths", "--format", "json"],
        vec!["pathways", "--from", "hca", "--format", "json"],
        vec![
            "pathways", "--from", "hca", "--to", "nurse", "--format", "json",
        ],
    ];
    cases.extend(EXPORTS.iter().map(|f| vec!["export", "--format", f]));
    for id in &ids {
        cases.push(vec!["show", id, "--format", "json"]);
        cases.push(vec!["show", id]);
        cases.push(vec!["show", id, "--format", "markdown"]);
    }
    let mut saw_marker = 0;
    for args in cases {
        let mut a = args.clone();
        a.extend(["--data", d, "--color", "never"]);
        let (code, out, err) = run(h.path(), &a);
        assert_eq!(code, 0, "{a:?}\n{err}");
        if let Some(c) = unsafe_bytes(&format!("{out}{err}")) {
            let at = out.find(c).map_or(0, |i| i.saturating_sub(40));
            panic!(
                "{a:?} printed {c:?} near {:?}",
                out.get(at..)
                    .map(|s| s.chars().take(80).collect::<String>())
            );
        }
        if a.contains(&"json") {
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&out);
            assert!(parsed.is_ok(), "{a:?}: escaped JSON must still parse");
        }
        saw_marker += usize::from(out.contains("PWNED"));
    }
    // The tampered cache was really used (a bad cache would fall back to
    // the clean data and prove nothing).
    assert!(
        saw_marker > 10,
        "the tampered text showed in only {saw_marker} outputs"
    );
}

/// Appends an escape sequence to every display string; ids, references and
/// enumerations stay as they are so the data still hangs together.
fn inject(v: &mut serde_json::Value, key: Option<&str>) {
    const KEEP: &[&str] = &[
        "id",
        "areas",
        "decided-by",
        "entry",
        "usually",
        "from",
        "grants",
        "helps-with",
        "satisfied-by",
        "settings",
        "to",
        "via",
        "kind",
        "confidence",
        "registered",
        "unit",
        "family",
        "reviewed",
        "since",
        "until",
        "url",
        "sources",
        "standard",
        "pay",
        "valid-from",
        "valid-until",
        "review-by",
        "file",
        "standard-confidence",
    ];
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                inject(x, Some(k));
            }
        }
        serde_json::Value::Array(a) => {
            for x in a {
                inject(x, key);
            }
        }
        serde_json::Value::String(s) if !key.is_some_and(|k| KEEP.contains(&k)) => {
            s.push_str("\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m\u{202e}");
        }
        _ => {}
    }
}
