//! The failures `roadmap` reports. Each maps to one exit code (see
//! `DESIGN.md`); the binary picks the code in one place.

use crate::load::{LoadError, Report};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// The command line asked for something that does not exist (exit 2).
    Usage(String),
    /// Data files are invalid (exit 65).
    InvalidData(Box<Report>),
    /// A data file is refused before reading, e.g. too large (exit 65).
    DataRefused(String),
    /// An input file or directory is missing or unreadable (exit 66).
    NoInput(String),
    /// Refused to create an output, e.g. it exists and there is no --force (exit 73).
    CantCreate(String),
    /// Reading or writing failed part-way (exit 74).
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The user pressed Ctrl-C or closed the input (exit 130).
    Interrupted,
    /// Anything else (exit 1).
    Other(String),
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::InvalidData(_) | Error::DataRefused(_) => 65,
            Error::NoInput(_) => 66,
            Error::CantCreate(_) => 73,
            Error::Io { .. } => 74,
            Error::Interrupted => 130,
            Error::Other(_) => 1,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(m)
            | Error::DataRefused(m)
            | Error::NoInput(m)
            | Error::CantCreate(m)
            | Error::Other(m) => f.write_str(m),
            Error::InvalidData(r) => write!(
                f,
                "the data has {} problem{}",
                r.diagnostics.len(),
                if r.diagnostics.len() == 1 { "" } else { "s" }
            ),
            Error::Io { path, source } => write!(f, "{}: {source}", crate::terminal::path(path)),
            Error::Interrupted => f.write_str("interrupted: nothing was saved"),
        }
    }
}

impl std::error::Error for Error {}

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Self {
        let hint = "\n  --data and --overlay take a directory of .toml files; run `roadmap check --help` for an example";
        match e {
            LoadError::Invalid(r) => Error::InvalidData(r),
            LoadError::TooLarge(..) | LoadError::NotUtf8(..) => Error::DataRefused(e.to_string()),
            LoadError::IsADirectory(_) => Error::NoInput(e.to_string()),
            LoadError::Missing(_) | LoadError::NotADirectory(_) | LoadError::NoDataFiles(_) => {
                Error::NoInput(format!("{e}{hint}"))
            }
            LoadError::Unreadable(..) => Error::NoInput(format!(
                "{e}\n  check the file's permissions, or copy it somewhere you can read"
            )),
            LoadError::Io(path, source) => Error::Io { path, source },
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
