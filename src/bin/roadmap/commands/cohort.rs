//! `roadmap cohort`: a training-needs analysis for a team, from a staff
//! list (CSV, an Excel workbook, or a directory of answers files).

use super::{App, emit, refuse_existing, status, today, write_new_file};
use crate::cli::{CohortArgs, CohortFormat, TemplateFormat};
use hcsw_roadmap::cohort::{self, Person, StaffError};
use hcsw_roadmap::engine::cohort::CohortOptions;
use hcsw_roadmap::render::{self, Csv, Markdown, Text};
use hcsw_roadmap::{Error, Result, atomic, terminal};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Problems are listed up to this many; the rest are counted.
const MOST_PROBLEMS: usize = 50;

pub fn run(app: &App, a: &CohortArgs) -> Result<()> {
    if let Some(t) = a.template {
        return template(a, t);
    }
    let Some(staff) = a.staff.as_deref() else {
        return Err(Error::Usage(
            "give the staff list: roadmap cohort staff.csv (or --template csv for an empty one)"
                .into(),
        ));
    };
    // Refuse existing outputs before any work.
    let to_dir = a.format == CohortFormat::Csv && a.output.as_deref().is_some_and(is_dir_target);
    if !to_dir {
        refuse_existing(a.output.as_deref(), a.force)?;
    }
    let engine = app.engine()?;
    let mut sheet = cohort::read_staff(staff, a.sheet.as_deref()).map_err(|e| match e {
        StaffError::Missing(m) => Error::NoInput(m),
        StaffError::Refused(m) => Error::DataRefused(m),
    })?;
    let columns = cohort::map_columns(&sheet.header, &a.column)
        .map_err(|m| Error::DataRefused(format!("{}: {m}", terminal::path(staff))))?;
    if !columns.unused.is_empty() {
        status(&format!(
            "Not used (no such key): {}. Name a column with --column KEY=HEADER.",
            columns
                .unused
                .iter()
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let (mut people, mut problems) = cohort::people(&engine, &sheet.header, &columns, &sheet.rows);
    for (row, name, why) in std::mem::take(&mut sheet.unreadable) {
        problems.push(cohort::RowProblem {
            row,
            column: String::new(),
            message: format!("{name}.toml: {why}"),
        });
    }
    // The raw cells are not needed again: free them before the analysis.
    drop(sheet);
    problems.sort_by_key(|p| p.row);
    let bad_rows = {
        let mut r: Vec<usize> = problems.iter().map(|p| p.row).collect();
        r.dedup();
        r.len()
    };
    if !problems.is_empty() {
        let mut text = format!(
            "{}: {} {} with problems:\n",
            terminal::path(staff),
            bad_rows,
            if bad_rows == 1 { "row" } else { "rows" }
        );
        for p in problems.iter().take(MOST_PROBLEMS) {
            // A message's own hints sit under it.
            let message = terminal::printable(&p.to_string()).replace('\n', "\n      ");
            text.push_str(&format!("  {message}\n"));
        }
        if problems.len() > MOST_PROBLEMS {
            text.push_str(&format!(
                "  and {} more problems\n",
                problems.len() - MOST_PROBLEMS
            ));
        }
        if !a.skip_bad {
            text.push_str(
                "Correct these rows, or add --skip-bad to leave them out of the analysis.",
            );
            return Err(Error::DataRefused(text));
        }
        text.push_str("These rows are left out (--skip-bad).");
        status(&text);
    }
    if people.is_empty() {
        return Err(Error::DataRefused(format!(
            "{}: there is no one to analyse: the list has no rows{}",
            terminal::path(staff),
            if bad_rows > 0 {
                " without problems"
            } else {
                ""
            }
        )));
    }
    if let (true, Some(salt)) = (a.pseudonymise, &a.salt) {
        for p in &mut people {
            p.person = Some(pseudonym(salt, &p.label()));
        }
    }
    let date = today();
    let opts = CohortOptions {
        suppress_below: a.suppress_below.map(|n| n as usize),
        skipped: bad_rows,
        date: date.clone(),
    };
    let bar = progress_bar(people.len());
    let report = engine.cohort(&people, &opts, &mut |done| {
        if let Some(b) = &bar {
            b.set_position(done as u64);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(dir) = &a.plans {
        write_plans(&engine, &people, dir, &date, a.force)?;
    }
    let xlsx = a
        .output
        .as_deref()
        .and_then(Path::extension)
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if xlsx {
        let bytes = render::cohort::workbook(&report)
            .map_err(|e| Error::Other(format!("could not make the workbook: {e}")))?;
        let out = a.output.as_deref().unwrap_or(Path::new(""));
        write_new_file(out, &bytes, a.force)?;
        status(&format!("Wrote the analysis to {}", terminal::path(out)));
        return Ok(());
    }
    if to_dir {
        let dir = a.output.as_deref().unwrap_or(Path::new(""));
        return write_csv_dir(&report, dir, a.force);
    }
    let text = match a.format {
        CohortFormat::Table => render::with_footer(report.text(app.style), &report, "\n"),
        CohortFormat::Json => render::json::to_string(&report),
        CohortFormat::Csv => report.csv(),
        CohortFormat::Markdown => render::with_footer(report.markdown(), &report, "\n*"),
        CohortFormat::Html => render::cohort::page(&report),
    };
    match &a.output {
        Some(out) => {
            write_new_file(out, text.as_bytes(), a.force)?;
            status(&format!("Wrote the analysis to {}", terminal::path(out)));
            Ok(())
        }
        None => emit(&text),
    }
}

/// `-o DIR` for CSV: a directory that exists, or a name without an
/// extension or ending in `/`.
fn is_dir_target(p: &Path) -> bool {
    p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/') || p.extension().is_none()
}

fn template(a: &CohortArgs, t: TemplateFormat) -> Result<()> {
    match t {
        TemplateFormat::Csv => match &a.output {
            Some(out) => {
                write_new_file(out, render::cohort::template_csv().as_bytes(), a.force)?;
                status(&format!(
                    "Wrote an empty staff list to {}",
                    terminal::path(out)
                ));
                Ok(())
            }
            None => emit(&render::cohort::template_csv()),
        },
        TemplateFormat::Xlsx => {
            let Some(out) = &a.output else {
                return Err(Error::Usage(
                    "a workbook cannot be shown on screen: add -o staff.xlsx".into(),
                ));
            };
            let bytes = render::cohort::template_xlsx()
                .map_err(|e| Error::Other(format!("could not make the workbook: {e}")))?;
            write_new_file(out, &bytes, a.force)?;
            status(&format!(
                "Wrote an empty staff workbook to {}",
                terminal::path(out)
            ));
            Ok(())
        }
    }
}

/// A stable code for a person: the first 8 hex digits of
/// HMAC-SHA256(salt, name). Without the salt, codes cannot be turned back
/// into names by trying a list of staff names.
fn pseudonym(salt: &str, name: &str) -> String {
    use hmac::{KeyInit, Mac};
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(salt.as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(hcsw_roadmap::matching::normalise(name).as_bytes());
    let bytes = mac.finalize().into_bytes();
    let hex: String = bytes.iter().take(4).map(|b| format!("{b:02x}")).collect();
    format!("P-{hex}")
}

/// A progress bar on a terminal, for lists long enough to wait for.
fn progress_bar(n: usize) -> Option<indicatif::ProgressBar> {
    if n < 2000 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("Analysing {pos}/{len} people {wide_bar}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

/// A file name from a person's name: letters, digits and `-` only, so a
/// name can never reach outside the directory.
fn file_stem(label: &str) -> String {
    let mut s = String::new();
    for c in label.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s: String = s.trim_end_matches('-').chars().take(60).collect();
    if s.is_empty() { "person".into() } else { s }
}

/// Each person's career-conversation record, `DIR/<name>.md`, written
/// privately. Nothing is written when any would replace a file without
/// `--force`.
fn write_plans(
    engine: &hcsw_roadmap::engine::Engine<'_>,
    people: &[Person],
    dir: &Path,
    date: &str,
    force: bool,
) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut names: std::collections::HashMap<String, usize> = Default::default();
    for p in people {
        *names.entry(file_stem(&p.label())).or_default() += 1;
    }
    let files: Vec<PathBuf> = people
        .iter()
        .map(|p| {
            let stem = file_stem(&p.label());
            // Two people with one name are told apart by their row.
            if names[&stem] > 1 {
                dir.join(format!("{stem}-row-{}.md", p.row))
            } else {
                dir.join(format!("{stem}.md"))
            }
        })
        .collect();
    if !force {
        let existing: Vec<&PathBuf> = files
            .iter()
            .filter(|f| f.symlink_metadata().is_ok())
            .collect();
        if let Some(first) = existing.first() {
            return Err(Error::CantCreate(format!(
                "{} already exists{}; nothing was written. Choose another directory, or add --force to replace them",
                terminal::path(first),
                if existing.len() > 1 {
                    format!(" (and {} more records)", existing.len() - 1)
                } else {
                    String::new()
                }
            )));
        }
    }
    for (p, file) in people.iter().zip(&files) {
        let Some(mut plan) = engine.plan_of(&p.answers, date) else {
            continue;
        };
        plan.name = Some(p.label());
        let opts = atomic::Options {
            replace: force,
            private: true,
            ..Default::default()
        };
        atomic::write(file, plan.markdown().as_bytes(), opts).map_err(|e| Error::io(file, e))?;
    }
    status(&format!(
        "Wrote {} career-conversation {} to {}",
        people.len(),
        if people.len() == 1 {
            "record"
        } else {
            "records"
        },
        terminal::path(dir)
    ));
    Ok(())
}

/// `--format csv -o DIR`: one file per table.
fn write_csv_dir(
    report: &hcsw_roadmap::answers::CohortReport,
    dir: &Path,
    force: bool,
) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let tables = render::csv::cohort_tables(report);
    if !force
        && let Some((name, _)) = tables
            .iter()
            .find(|(n, _)| dir.join(n).symlink_metadata().is_ok())
    {
        return Err(Error::CantCreate(format!(
            "{} already exists; nothing was written. Choose another directory, or add --force to replace it",
            terminal::path(&dir.join(name))
        )));
    }
    for (name, text) in &tables {
        write_new_file(&dir.join(name), text.as_bytes(), force)?;
    }
    status(&format!(
        "Wrote {} tables to {}: {}",
        tables.len(),
        terminal::path(dir),
        tables.iter().map(|t| t.0).collect::<Vec<_>>().join(", ")
    ));
    Ok(())
}
