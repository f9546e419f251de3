//! A team's staff list, for a training-needs analysis (`roadmap cohort`):
//! read from a CSV file, an Excel workbook or a directory of answers files,
//! one person per row with the same keys as an answers file.
//!
//! Reading is kept apart from the analysis (`Engine::cohort`): this module
//! turns rows into people, reporting every problem in every row with its
//! row number and column, like `roadmap check` does for data files.

mod read;

pub use read::{MAX_STAFF_BYTES, Sheet, StaffError, read_staff};

use crate::engine::Engine;
use crate::matching::normalise;
use crate::profile::Answers;
use std::collections::BTreeMap;

/// One person of the team.
#[derive(Debug, Clone)]
pub struct Person {
    /// The row in the sheet (1 is the header row), or the file's number in
    /// a directory of answers files.
    pub row: usize,
    /// A name or staff number, when the sheet has a `person` column.
    pub person: Option<String>,
    pub answers: Answers,
}

impl Person {
    /// How the person is named in reports: their name or staff number, or
    /// their row.
    pub fn label(&self) -> String {
        self.person
            .clone()
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| format!("row {}", self.row))
    }
}

/// Something wrong in one cell (or row) of the staff list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    /// The column header as the sheet has it.
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "row {}: {}", self.row, self.message)
        } else {
            write!(
                f,
                "row {}, column \"{}\": {}",
                self.row, self.column, self.message
            )
        }
    }
}

/// The keys a staff list may have, as in an answers file, plus `person` and
/// `band` (a band, used as the role when there is no role), and one column
/// per confidence rating.
pub const KEYS: &[&str] = &[
    "person",
    "role",
    "band",
    "setting",
    "english",
    "english-how",
    "maths",
    "maths-how",
    "digital",
    "care-certificate",
    "qualifications",
    "goal",
    "goal-role",
    "interests-settings",
    "interests-families",
    "earn-while-learning",
    "study-hours",
    "manager-supports",
    "barriers",
    "confidence-skills-for-life",
    "confidence-personal-skills",
    "confidence-technical-skills",
    "confidence-career-progression",
];

/// Keys whose cell holds several values, separated by `;`.
const LISTS: &[&str] = &[
    "qualifications",
    "interests-settings",
    "interests-families",
    "barriers",
];

/// Keys that are yes or no.
const FLAGS: &[&str] = &["care-certificate", "earn-while-learning"];

/// Which column holds each key: headers matched loosely (case, spaces,
/// `_` and `-` do not matter), or as `--column KEY=HEADER` says.
pub struct Columns {
    /// key -> column index
    pub by_key: BTreeMap<&'static str, usize>,
    /// Headers that match no key (reported, not fatal: a trust's export has
    /// columns of its own).
    pub unused: Vec<String>,
}

/// Maps the header row to keys. `overrides` are `(key, header)` pairs from
/// `--column`; an unknown key or a header not in the sheet is an error.
pub fn map_columns(header: &[String], overrides: &[(String, String)]) -> Result<Columns, String> {
    let fold = |s: &str| normalise(s).replace(' ', "");
    let mut by_key = BTreeMap::new();
    for (key, wanted) in overrides {
        let Some(&k) = KEYS.iter().find(|k| fold(k) == fold(key)) else {
            let hint = crate::matching::did_you_mean(key, KEYS.iter().copied())
                .map_or(String::new(), |s| format!(" (did you mean `{s}`?)"));
            return Err(format!(
                "--column {key}=…: `{key}` is not a staff-list key{hint}; the keys are {}",
                KEYS.join(", ")
            ));
        };
        let Some(i) = header.iter().position(|h| fold(h) == fold(wanted)) else {
            return Err(format!(
                "--column {key}=\"{wanted}\": the sheet has no column \"{wanted}\"; its columns are {}",
                header
                    .iter()
                    .map(|h| format!("\"{h}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        };
        by_key.insert(k, i);
    }
    let mut unused = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if by_key.values().any(|&v| v == i) {
            continue;
        }
        // "Confidence: skills for life" and "skills-for-life" both name
        // the rating.
        let f = fold(h);
        let key = KEYS.iter().find(|k| {
            let kf = fold(k);
            kf == f || kf.strip_prefix("confidence").is_some_and(|rest| rest == f)
        });
        match key {
            Some(k) if !by_key.contains_key(k) => {
                by_key.insert(k, i);
            }
            _ if !h.trim().is_empty() => unused.push(h.clone()),
            _ => {}
        }
    }
    if !by_key.contains_key("role") && !by_key.contains_key("band") {
        return Err(format!(
            "the staff list has no `role` (or `band`) column; its columns are {}\n  name yours with --column, e.g. --column role=\"Position Title\"",
            header
                .iter()
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(Columns { by_key, unused })
}

/// A pay band as an ESR export or a person writes it ("AfC Band 3",
/// "Agenda for Change band 3", "Band 3", "3") as `band3`; anything else is
/// kept, to be reported if it names no role.
fn band_as_role(cell: &str) -> String {
    let n = normalise(cell);
    let rest = n
        .strip_prefix("agenda for change")
        .or_else(|| n.strip_prefix("afc"))
        .unwrap_or(&n)
        .trim();
    match rest
        .parse::<u8>()
        .ok()
        .or_else(|| crate::engine::parse_band(rest))
    {
        Some(b) => format!("band{b}"),
        None => cell.trim().to_string(),
    }
}

/// A cell as the answers file would hold it, or `None` when empty.
fn value(key: &str, cell: &str) -> Result<Option<toml::Value>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    if FLAGS.contains(&key) {
        return match cell.to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" | "1" => Ok(Some(toml::Value::Boolean(true))),
            "no" | "n" | "false" | "0" => Ok(Some(toml::Value::Boolean(false))),
            _ => Err(format!("\"{cell}\" is not yes or no")),
        };
    }
    if LISTS.contains(&key) {
        let items = cell
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| toml::Value::String(s.to_string()))
            .collect();
        return Ok(Some(toml::Value::Array(items)));
    }
    if key.starts_with("confidence-") {
        return cell
            .parse::<i64>()
            .map(|n| Some(toml::Value::Integer(n)))
            .map_err(|_| format!("\"{cell}\" is not a rating: use 1 (not confident) to 5 (very)"));
    }
    Ok(Some(toml::Value::String(cell.to_string())))
}

/// Turns rows into people, checking each against the roadmap. Every
/// problem in every row is returned; `Ok` only when there are none.
/// `rows` are (row number, cells in header order).
pub fn people(
    engine: &Engine<'_>,
    header: &[String],
    columns: &Columns,
    rows: &[(usize, Vec<String>)],
) -> (Vec<Person>, Vec<RowProblem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let column_of = |key: &str| -> String {
        columns
            .by_key
            .get(key)
            .and_then(|&i| header.get(i))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    };
    for (row, cells) in rows {
        let cell = |key: &str| {
            columns
                .by_key
                .get(key)
                .and_then(|&i| cells.get(i))
                .map_or("", String::as_str)
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let before = problems.len();
        let mut table = toml::Table::new();
        let mut confidence = toml::Table::new();
        for key in KEYS {
            if matches!(*key, "person" | "band") {
                continue;
            }
            match value(key, cell(key)) {
                Ok(Some(v)) => {
                    if let Some(area) = key.strip_prefix("confidence-") {
                        confidence.insert(area.to_string(), v);
                    } else {
                        table.insert(key.to_string(), v);
                    }
                }
                Ok(None) => {}
                Err(m) => problems.push(RowProblem {
                    row: *row,
                    column: column_of(key),
                    message: m,
                }),
            }
        }
        // A band stands for the role when the role is empty: "Band 3",
        // "AfC Band 3".
        if !table.contains_key("role") && !cell("band").trim().is_empty() {
            table.insert(
                "role".into(),
                toml::Value::String(band_as_role(cell("band"))),
            );
        }
        if !confidence.is_empty() {
            table.insert("confidence".into(), toml::Value::Table(confidence));
        }
        // Each value on its own first, so every bad cell is reported with
        // its column, not only the first the whole row would stop at.
        for (key, v) in &table {
            let mut one = toml::Table::new();
            one.insert(key.clone(), v.clone());
            if let Err(e) = toml::Value::Table(one).try_into::<Answers>() {
                let column = if key == "confidence" {
                    "confidence".to_string()
                } else {
                    column_of(key)
                };
                problems.push(RowProblem {
                    row: *row,
                    column,
                    message: e.message().trim().to_string(),
                });
            }
        }
        if problems.len() > before {
            continue;
        }
        let answers: Answers = match toml::Value::Table(table).try_into() {
            Ok(a) => a,
            Err(e) => {
                problems.push(RowProblem {
                    row: *row,
                    column: String::new(),
                    message: e.message().trim().to_string(),
                });
                continue;
            }
        };
        if let Err(found) = engine.check_answers(&answers, true) {
            for p in found {
                let key = if p.key == "role" && cell("role").trim().is_empty() {
                    "band".to_string()
                } else {
                    p.key.replace("confidence.", "confidence-")
                };
                problems.push(RowProblem {
                    row: *row,
                    column: column_of(&key),
                    message: p.why,
                });
            }
        }
        if problems.len() == before {
            out.push(Person {
                row: *row,
                person: Some(cell("person").trim().to_string()).filter(|p| !p.is_empty()),
                answers,
            });
        }
    }
    (out, problems)
}
