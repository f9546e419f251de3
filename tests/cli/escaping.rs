//! Every output format escapes what the data holds: a title built to
//! become a spreadsheet formula, a Markdown block or Mermaid markup stays
//! text, read back by each format's own parser (issue 16: F8, F12, F13).

use super::common::{fixture, home, run};
use pulldown_cmark::{Event, Parser, Tag};

/// Runs with the hostile overlay and returns stdout, which must succeed.
fn with_overlay(args: &[&str]) -> String {
    let h = home();
    let ov = fixture("hostile");
    let mut a: Vec<&str> = args.to_vec();
    a.extend(["--overlay", ov.to_str().unwrap()]);
    let (code, out, err) = run(h.path(), &a);
    assert_eq!(code, 0, "{a:?}: {err}");
    out
}

const FORMULA: &str = "-2+3+cmd|' /C calc'!A0";

#[test]
fn a_cell_starting_with_minus_and_a_digit_is_not_a_formula() {
    for args in [
        &["roles", "--format", "csv"][..],
        &["search", "calc", "--format", "csv"],
        &["pathways", "--from", "hca", "--format", "csv"],
    ] {
        let out = with_overlay(args);
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let cells: Vec<String> = r
            .records()
            .flat_map(|rec| {
                rec.expect("valid CSV")
                    .iter()
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect();
        let hit = cells
            .iter()
            .find(|c| c.contains("cmd|"))
            .unwrap_or_else(|| panic!("{args:?}: the hostile title is missing"));
        assert_eq!(hit, &format!("'{FORMULA}"), "{args:?}");
        // Plain numbers, negative ones too, are left alone.
        assert!(
            !cells
                .iter()
                .any(|c| c.starts_with("'-") && c[2..].parse::<f64>().is_ok())
        );
    }
}

#[test]
fn data_never_changes_a_markdown_documents_structure() {
    for args in [
        &["export", "--format", "markdown"][..],
        &["pathways", "--from", "hca", "--format", "markdown"],
        &["show", "hostile-one", "--format", "markdown"],
        &["show", "hca-to-hostile-two", "--format", "markdown"],
        &["areas", "career-progression", "--format", "markdown"],
    ] {
        let out = with_overlay(args);
        let mut text = String::new();
        let mut links = Vec::new();
        for ev in Parser::new(&out) {
            match ev {
                Event::Rule => panic!("{args:?}: a line of data became a rule"),
                Event::Start(Tag::CodeBlock(_)) => panic!("{args:?}: data became a code block"),
                Event::Start(Tag::BlockQuote(_)) => panic!("{args:?}: data became a quote"),
                Event::Start(Tag::List(Some(_))) => panic!("{args:?}: data became a numbered list"),
                Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
                Event::Text(t) => text.push_str(&t),
                _ => {}
            }
        }
        for title in ["1. numbered", "`Ticked` title", FORMULA] {
            if out.contains(&title[..3]) || args[0] == "export" {
                assert!(
                    text.contains(title),
                    "{args:?}: {title:?} is not shown as text"
                );
            }
        }
        if args[0] == "areas" {
            assert!(
                links
                    .iter()
                    .any(|l| l == "https://intranet.example.nhs.uk/x%3Cy%3Ez"),
                "a URL with < must stay one link: {links:?}"
            );
        }
    }
}

#[test]
fn a_backtick_never_switches_a_mermaid_label_to_markdown() {
    let out = with_overlay(&["export", "--format", "mermaid"]);
    assert!(out.contains("#96;Ticked#96; title"), "{out}");
    assert!(!out.contains('`'), "raw backtick in Mermaid:\n{out}");
}
