//! Reading a staff list: CSV, an Excel workbook, or a directory of answers
//! files, each into the same shape: a header row and numbered rows of text.

use super::KEYS;
use crate::load::{LoadError, MAX_FILE_BYTES, read_text};
use crate::profile::Answers;
use std::path::Path;

/// A staff list as read: the header, and each row with its number (the
/// header is row 1, as a spreadsheet numbers it).
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    /// Answers files that could not be read (directory input), as
    /// (row, file name, why).
    pub unreadable: Vec<(usize, String, String)>,
}

/// Staff lists larger than this are refused unread (100,000 people in CSV
/// are about 20 MB).
pub const MAX_STAFF_BYTES: u64 = 256 * 1024 * 1024;

/// Why a staff list could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffError {
    /// It is not there, or cannot be opened (exit 66).
    Missing(String),
    /// It was read, but is not a staff list roadmap can use (exit 65).
    Refused(String),
}

impl std::fmt::Display for StaffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StaffError::Missing(m) | StaffError::Refused(m) => f.write_str(m),
        }
    }
}

/// Reads a staff list: `.csv`, `.xlsx` (the first sheet, or `sheet`), or a
/// directory of `.toml` answers files.
pub fn read_staff(path: &Path, sheet: Option<&str>) -> Result<Sheet, StaffError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        StaffError::Missing(match e.kind() {
            std::io::ErrorKind::NotFound => {
                format!("{} does not exist", crate::terminal::path(path))
            }
            _ => format!("cannot read {}: {e}", crate::terminal::path(path)),
        })
    })?;
    if meta.is_dir() {
        return read_answers_dir(path);
    }
    // Opened before the format is looked at: a file that cannot be read
    // is missing input, not a bad staff list.
    std::fs::File::open(path).map_err(|e| {
        StaffError::Missing(format!("cannot read {}: {e}", crate::terminal::path(path)))
    })?;
    if meta.len() > MAX_STAFF_BYTES {
        return Err(StaffError::Refused(format!(
            "{} is {} MB; roadmap refuses staff lists above {} MB",
            crate::terminal::path(path),
            meta.len() / 1_048_576,
            MAX_STAFF_BYTES / 1_048_576
        )));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" => read_xlsx(path, sheet),
        "csv" | "txt" => read_csv(path),
        _ => Err(format!(
            "{}: a staff list is a .csv file, an .xlsx workbook or a directory of answers files",
            crate::terminal::path(path)
        )),
    }
    .map_err(StaffError::Refused)
}

fn read_csv(path: &Path) -> Result<Sheet, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("cannot read {}: {e}", crate::terminal::path(path)))?;
    // Spreadsheets save UTF-8 with a byte-order mark; strip it.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {}); save it as \"CSV UTF-8\"",
            crate::terminal::path(path),
            e.valid_up_to()
        )
    })?;
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut sheet = Sheet::default();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: {e}", crate::terminal::path(path)))?;
        let cells: Vec<String> = rec.iter().map(str::to_string).collect();
        if i == 0 {
            sheet.header = cells;
        } else {
            sheet.rows.push((i + 1, cells));
        }
    }
    if sheet.header.is_empty() {
        return Err(format!(
            "{} is empty: it needs a header row",
            crate::terminal::path(path)
        ));
    }
    Ok(sheet)
}

fn read_xlsx(path: &Path, sheet_name: Option<&str>) -> Result<Sheet, String> {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e| {
        format!(
            "{} is not a workbook roadmap can read: {e}",
            crate::terminal::path(path)
        )
    })?;
    let names = wb.sheet_names().to_vec();
    let name = match sheet_name {
        Some(n) => names
            .iter()
            .find(|s| s.as_str() == n)
            .cloned()
            .ok_or_else(|| {
                format!(
                    "{} has no sheet \"{n}\"; its sheets are {}",
                    crate::terminal::path(path),
                    names
                        .iter()
                        .map(|s| format!("\"{s}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| format!("{} has no sheets", crate::terminal::path(path)))?,
    };
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| format!("{}: sheet \"{name}\": {e}", crate::terminal::path(path)))?;
    let text = |c: &Data| match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        other => other.to_string(),
    };
    let mut sheet = Sheet::default();
    let start_row = range.start().map_or(0, |(r, _)| r as usize);
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<String> = row.iter().map(text).collect();
        if i == 0 {
            sheet.header = cells;
        } else {
            sheet.rows.push((start_row + i + 1, cells));
        }
    }
    if sheet.header.is_empty() {
        return Err(format!(
            "{}: sheet \"{name}\" is empty: it needs a header row",
            crate::terminal::path(path)
        ));
    }
    Ok(sheet)
}

/// Each `.toml` answers file is one person, named after the file. The
/// answers are laid out as a row with the staff-list keys.
fn read_answers_dir(dir: &Path) -> Result<Sheet, StaffError> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| {
            StaffError::Missing(format!("cannot read {}: {e}", crate::terminal::path(dir)))
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(StaffError::Missing(format!(
            "{} has no .toml answers files",
            crate::terminal::path(dir)
        )));
    }
    let mut sheet = Sheet {
        header: KEYS.iter().map(|k| k.to_string()).collect(),
        ..Sheet::default()
    };
    for (i, f) in files.iter().enumerate() {
        let row = i + 1;
        let name = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = match read_text(f) {
            Ok(t) => t,
            Err(LoadError::TooLarge(..)) => {
                sheet.unreadable.push((
                    row,
                    name,
                    format!("larger than {} MB", MAX_FILE_BYTES / 1_048_576),
                ));
                continue;
            }
            Err(e) => {
                sheet.unreadable.push((row, name, e.to_string()));
                continue;
            }
        };
        let answers: Answers = match toml::from_str(&text) {
            Ok(a) => a,
            Err(e) => {
                let (line, col) = e
                    .span()
                    .map_or((0, 0), |s| crate::load::line_col(&text, s.start));
                sheet
                    .unreadable
                    .push((row, name, format!("{line}:{col}: {}", e.message().trim())));
                continue;
            }
        };
        sheet.rows.push((row, cells_of(&name, &answers)));
    }
    Ok(sheet)
}

/// An answers file as cells under [`KEYS`].
fn cells_of(name: &str, a: &Answers) -> Vec<String> {
    let table = toml::Table::try_from(a).unwrap_or_default();
    let cell = |v: &toml::Value| match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Boolean(b) => if *b { "yes" } else { "no" }.to_string(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        other => other.to_string(),
    };
    KEYS.iter()
        .map(|k| match *k {
            "person" => a.name.clone().unwrap_or_else(|| name.to_string()),
            "band" => String::new(),
            k if k.starts_with("confidence-") => table
                .get("confidence")
                .and_then(|c| c.get(k.trim_start_matches("confidence-")))
                .map(cell)
                .unwrap_or_default(),
            k => table.get(k).map(cell).unwrap_or_default(),
        })
        .collect()
}
