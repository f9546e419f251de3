//! The failures `roadmap` reports. Each maps to one exit code (see
//! `DESIGN.md`); the binary picks the code in one place.

use crate::load::{LoadError, Report};
use std::fmt;
use std::path::PathBuf;

/// The exit codes, named as in `DESIGN.md` (BSD `sysexits.h` where one
/// fits), so no command spells a number.
pub mod exit {
    /// Success.
    pub const OK: i32 = 0;
    /// Anything not listed below.
    pub const FAILURE: i32 = 1;
    /// A bad command line: an unknown flag, id or value (clap uses 2 too).
    pub const USAGE: i32 = 2;
    /// Input that was read but is wrong: invalid data, a bad staff list.
    pub const DATA_ERR: i32 = 65;
    /// An input that is missing or cannot be opened.
    pub const NO_INPUT: i32 = 66;
    /// An output that may not be created: it exists and there is no --force.
    pub const CANT_CREATE: i32 = 73;
    /// Reading or writing failed part-way, or stdout is closed.
    pub const IO_ERR: i32 = 74;
    /// Ctrl-C, or the input closed mid-question (128 + SIGINT).
    pub const INTERRUPTED: i32 = 130;
}

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
            Error::Usage(_) => exit::USAGE,
            Error::InvalidData(_) | Error::DataRefused(_) => exit::DATA_ERR,
            Error::NoInput(_) => exit::NO_INPUT,
            Error::CantCreate(_) => exit::CANT_CREATE,
            Error::Io { .. } => exit::IO_ERR,
            Error::Interrupted => exit::INTERRUPTED,
            Error::Other(_) => exit::FAILURE,
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

#[cfg(test)]
mod tests {
    use super::exit;

    /// The README's table of exit codes and the named codes agree, so the
    /// documentation cannot drift from what the binary does.
    #[test]
    fn the_readme_lists_every_exit_code() {
        let readme = include_str!("../README.md");
        let table = readme
            .split("## Exit codes")
            .nth(1)
            .expect("an exit codes section");
        let listed: Vec<i32> = table
            .lines()
            .take_while(|l| !l.starts_with("## "))
            .filter_map(|l| l.strip_prefix("| ")?.split(' ').next()?.parse().ok())
            .collect();
        let named = [
            exit::OK,
            exit::FAILURE,
            exit::USAGE,
            exit::DATA_ERR,
            exit::NO_INPUT,
            exit::CANT_CREATE,
            exit::IO_ERR,
            exit::INTERRUPTED,
        ];
        assert_eq!(listed, named);
    }
}
