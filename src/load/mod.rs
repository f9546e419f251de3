//! Data files → validated [`Roadmap`].
//!
//! Reading is kept apart from parsing and validation so the shipped data can
//! be validated at build time (see `build.rs`) by the same code that checks a
//! trust's overlay at run time.

pub mod diag;
pub mod raw;
mod validate;

pub use diag::{Diagnostic, FileId, Report, SourceFile, SourceMap, line_col};
pub use validate::{check_url, is_kebab};

use crate::model::Roadmap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Data files larger than this are refused unread: real ones are tens of KB.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A data file read from disk or from the binary.
#[derive(Debug, Clone)]
pub struct LayerFile {
    pub file: SourceFile,
    /// Byte offset of the first invalid UTF-8 sequence, if the file had one.
    pub utf8_error: Option<usize>,
}

impl LayerFile {
    /// A file's bytes as read. A byte-order mark is dropped (harmless, but
    /// toml would reject it); invalid UTF-8 is kept (lossily) so the problem
    /// can be shown in place.
    pub fn from_bytes(name: impl Into<String>, mut bytes: Vec<u8>) -> Self {
        if bytes.starts_with("\u{feff}".as_bytes()) {
            bytes.drain(..3);
        }
        match String::from_utf8(bytes) {
            Ok(text) => LayerFile::text(name, text),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                LayerFile {
                    file: SourceFile {
                        name: name.into(),
                        text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    },
                    utf8_error: Some(at),
                }
            }
        }
    }

    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Self {
        LayerFile {
            file: SourceFile {
                name: name.into(),
                text: text.into(),
            },
            utf8_error: None,
        }
    }
}

/// Why data could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The path does not exist.
    Missing(PathBuf),
    /// A directory was expected.
    NotADirectory(PathBuf),
    /// The directory has no `.toml` files.
    NoDataFiles(PathBuf),
    /// The path exists but cannot be read (permissions).
    Unreadable(PathBuf, std::io::Error),
    /// A file was expected, and this is a directory.
    IsADirectory(PathBuf),
    /// A file is larger than [`MAX_FILE_BYTES`].
    TooLarge(PathBuf, u64),
    /// A file that must be text is not UTF-8; the offset of the first bad byte.
    NotUtf8(PathBuf, usize),
    /// Reading failed part-way.
    Io(PathBuf, std::io::Error),
    /// The data was read but is not valid.
    Invalid(Box<Report>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Missing(p) => write!(
                f,
                "data directory {} does not exist",
                crate::terminal::path(p)
            ),
            LoadError::NotADirectory(p) => write!(
                f,
                "{} is a file, but --data and --overlay take a directory of .toml files",
                crate::terminal::path(p)
            ),
            LoadError::NoDataFiles(p) => {
                write!(f, "{} has no .toml data files", crate::terminal::path(p))
            }
            LoadError::Unreadable(p, e) => {
                write!(f, "cannot read {}: {e}", crate::terminal::path(p))
            }
            LoadError::IsADirectory(p) => {
                write!(
                    f,
                    "{} is a directory, but a file was expected",
                    crate::terminal::path(p)
                )
            }
            LoadError::NotUtf8(p, at) => write!(
                f,
                "{} is not UTF-8 text (invalid byte at offset {at}); save it as UTF-8",
                crate::terminal::path(p)
            ),
            LoadError::TooLarge(p, n) => write!(
                f,
                "{} is {:.1} MB; roadmap refuses input files above {} MB",
                crate::terminal::path(p),
                *n as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            LoadError::Io(p, e) => write!(f, "error reading {}: {e}", crate::terminal::path(p)),
            LoadError::Invalid(r) => write!(f, "{} problem(s) in the data", r.diagnostics.len()),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads every `*.toml` file in `dir`, sorted by name so results never
/// depend on directory order.
pub fn read_dir(dir: &Path) -> Result<Vec<LayerFile>, LoadError> {
    let meta = std::fs::metadata(dir).map_err(|e| open_error(dir, e))?;
    if !meta.is_dir() {
        return Err(LoadError::NotADirectory(dir.to_path_buf()));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| open_error(dir, e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return Err(LoadError::NoDataFiles(dir.to_path_buf()));
    }
    paths.sort();
    paths.iter().map(|p| read_file(p)).collect()
}

/// Reads one data file, refusing huge ones before reading them.
pub fn read_file(path: &Path) -> Result<LayerFile, LoadError> {
    let file = std::fs::File::open(path).map_err(|e| open_error(path, e))?;
    let meta = file.metadata().map_err(|e| LoadError::Io(path.into(), e))?;
    if meta.is_dir() {
        return Err(LoadError::IsADirectory(path.into()));
    }
    let len = meta.len();
    if len > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(path.into(), len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // `take` guards against a file that grows while we read it.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Io(path.into(), e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(path.into(), bytes.len() as u64));
    }
    Ok(LayerFile::from_bytes(
        crate::terminal::path(path).to_string(),
        bytes,
    ))
}

/// Reads a small text file a person wrote (an answers file, a profile) with
/// the same limits as a data file: bounded, UTF-8, a BOM allowed.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let lf = read_file(path)?;
    match lf.utf8_error {
        Some(at) => Err(LoadError::NotUtf8(path.into(), at)),
        None => Ok(lf.file.text),
    }
}

fn open_error(path: &Path, e: std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing(path.into()),
        std::io::ErrorKind::PermissionDenied => LoadError::Unreadable(path.into(), e),
        _ => LoadError::Io(path.into(), e),
    }
}

/// Parses and validates layers of files: the first is the base data, each
/// later one an overlay. Returns the roadmap, or every problem found.
pub fn build(layers: Vec<Vec<LayerFile>>) -> Result<Roadmap, Box<Report>> {
    check_on(layers, None).map(|c| c.roadmap)
}

/// Valid data, and what is worth fixing in it anyway.
pub struct Checked {
    pub roadmap: Roadmap,
    /// Warnings, with the files they point into.
    pub warnings: Report,
    /// Each record's id and where it is defined, as `file:line`.
    pub places: Vec<(String, String)>,
}

/// Like [`build`], keeping the warnings and where each record is (for
/// `roadmap check`). With `today`, records past their `review-by` date are
/// warnings.
pub fn check_on(layers: Vec<Vec<LayerFile>>, today: Option<&str>) -> Result<Checked, Box<Report>> {
    let mut map = SourceMap::default();
    let mut parsed = Vec::new();
    let mut diagnostics = Vec::new();
    for (layer, files) in layers.into_iter().enumerate() {
        for lf in files {
            let id = map.add(lf.file);
            if let Some(at) = lf.utf8_error {
                diagnostics.push(
                    Diagnostic::new(id, at..at + 1, "this file is not valid UTF-8 text")
                        .label("invalid byte here")
                        .help("save the file as UTF-8 (most editors offer this under \"Save with encoding\")")
                        .clone(),
                );
                continue;
            }
            match toml::from_str::<raw::RawFile>(&map.file(id).text) {
                Ok(raw) if raw.is_empty() => {
                    let text = &map.file(id).text;
                    diagnostics.push(
                        Diagnostic::new(id, 0..text.len().min(1), "this file has no records")
                            .label("empty, or only comments")
                            .help("add records (see docs/DATA.md), or remove the file")
                            .clone(),
                    );
                }
                Ok(raw) => parsed.push(validate::ParsedFile {
                    file: id,
                    layer,
                    raw,
                }),
                Err(e) => {
                    let span = e.span().unwrap_or(0..0);
                    diagnostics.push(
                        Diagnostic::new(id, span, toml_message(e.message()))
                            .label("here")
                            .help(toml_help(e.message()))
                            .clone(),
                    );
                }
            }
        }
    }
    if !diagnostics.is_empty() {
        // Validating around a file that did not parse would report ids in it
        // as unknown: stop at syntax errors, as a compiler does.
        return Err(Box::new(Report {
            sources: map,
            diagnostics,
        }));
    }
    match validate::validate(parsed, today) {
        Ok(valid) => Ok(Checked {
            roadmap: valid.roadmap,
            places: {
                // One line index per file: finding each record's line from
                // the top of its file was quadratic on large files.
                let starts: Vec<Vec<usize>> = (0..map.files.len())
                    .map(|i| map.line_starts(FileId(i)))
                    .collect();
                valid
                    .places
                    .into_iter()
                    .map(|(id, file, at)| {
                        let line = diag::line_of(&starts[file.0], at);
                        (id, format!("{}:{line}", map.file(file).name))
                    })
                    .collect()
            },
            warnings: Report {
                sources: map,
                diagnostics: valid.warnings,
            },
        }),
        Err(diagnostics) => Err(Box::new(Report {
            sources: map,
            diagnostics,
        })),
    }
}

fn toml_message(m: &str) -> String {
    m.trim().trim_end_matches('.').to_string()
}

fn toml_help(m: &str) -> String {
    if m.contains("unknown field") {
        "check the spelling against docs/DATA.md, or run `roadmap schema` for the full list of fields".into()
    } else if m.contains("missing field") {
        "every record needs id, title, summary, sources and reviewed; see docs/DATA.md".into()
    } else if m.contains("recurs") {
        "the data is nested too deeply: records are flat tables of text, numbers and lists (see docs/DATA.md)".into()
    } else if m.contains("unknown variant") {
        "use one of the values listed above".into()
    } else {
        "see docs/DATA.md for the format; TOML strings need double quotes".into()
    }
}
