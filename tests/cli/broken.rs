//! Broken data: each case is a small overlay on the mini dataset
//! (`tests/fixtures/broken/NAME/*.toml`) with the report `roadmap check`
//! must give beside it (`expected.stderr`). One test per case, so a failure
//! names its case and the others still run.
//!
//! To add a case: make the directory with its overlay, run
//! `ROADMAP_BLESS=1 cargo test broken::` to write `expected.stderr`, read
//! it, and add the name to the list below.

use super::common::{fixture, home, run};

/// Runs `check` on the mini data with the case as an overlay and compares
/// its report with `expected.stderr` (paths under tests/fixtures shown as
/// `[FIXTURES]`). `ROADMAP_BLESS=1` writes the file instead.
fn check_case(name: &str) {
    let h = home();
    let dir = fixture("broken").join(name);
    let mini = fixture("valid");
    let (code, out, err) = run(
        h.path(),
        &[
            "check",
            "--color",
            "never",
            "--data",
            mini.to_str().expect("utf-8 path"),
            "--overlay",
            dir.to_str().expect("utf-8 path"),
        ],
    );
    assert_eq!(code, 65, "{name}: exit code\n{err}");
    assert_eq!(out, "", "{name}: nothing on stdout");
    let root = fixture("").display().to_string();
    let got = err
        .replace(root.trim_end_matches('/'), "[FIXTURES]")
        .replace('\\', "/");
    let expected = dir.join("expected.stderr");
    if std::env::var_os("ROADMAP_BLESS").is_some() {
        std::fs::write(&expected, &got).expect("write expected.stderr");
        return;
    }
    let want = std::fs::read_to_string(&expected)
        .unwrap_or_else(|_| panic!("{name}: no expected.stderr; run with ROADMAP_BLESS=1"));
    assert_eq!(
        got, want,
        "{name}: the report changed (ROADMAP_BLESS=1 to accept)"
    );
}

macro_rules! cases {
    ($($name:ident,)*) => {
        $(
            #[test]
            fn $name() {
                check_case(&stringify!($name).replace('_', "-"));
            }
        )*

        /// Every directory under broken/ is a case in the list above.
        #[test]
        fn every_fixture_directory_is_a_case() {
            let listed = [$(stringify!($name).replace('_', "-")),*];
            for e in std::fs::read_dir(fixture("broken")).expect("fixtures") {
                let name = e.expect("entry").file_name().to_string_lossy().into_owned();
                assert!(listed.contains(&name), "broken/{name} is not in the list in tests/cli/broken.rs");
            }
        }
    };
}

cases! {
    alias_clash,
    bad_expression,
    bad_fact_id,
    bad_standard_code,
    band_alias_mismatch,
    band_max_below_band,
    band_out_of_range,
    confidence_without_note,
    control_character_in_title,
    document_without_title,
    duplicate_id,
    duplicate_id_across_files,
    duplicate_id_across_kinds,
    duration_min_above_max,
    empty_sources,
    empty_title,
    entry_requires_own_grant,
    equivalence_cycle,
    id_not_kebab_case,
    invalid_url,
    invalid_utf8,
    level_out_of_range,
    missing_field,
    overlay_kind_clash,
    pathway_reaches_no_role,
    pathway_to_itself,
    progression_cycle,
    resource_without_url_or_where,
    review_by_not_after_reviewed,
    reviewed_not_a_date,
    rule_history_out_of_order,
    source_not_url,
    stay_and_develop_with_to,
    syntax_error,
    unknown_field,
    unknown_helps_with,
    unknown_reference,
    unknown_regulator,
    valid_until_before_valid_from,
    wrong_kind_reference,
}
