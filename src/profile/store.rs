//! Where the profile lives, and how it is read and written safely.

use super::{PROFILE_VERSION, Profile};
use crate::atomic;
use std::fmt;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

/// Where a profile is kept: by default `profile.toml` in `$ROADMAP_HOME`
/// when set (tests, shared PCs), else in the user data directory
/// (`~/.local/share/roadmap` on Linux); or any file (`--profile-file`).
pub struct Store {
    pub dir: PathBuf,
    file: PathBuf,
}

#[derive(Debug)]
pub enum ProfileError {
    /// No home or data directory could be found.
    NoDirectory,
    /// The file exists but is not a profile this version can read.
    Corrupt { path: PathBuf, why: String },
    /// Written by a newer `roadmap`.
    Newer { path: PathBuf, version: u32 },
    /// The file exists, but its permissions forbid reading it.
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::NoDirectory => f.write_str(
                "cannot find a home directory for the profile; set ROADMAP_HOME to a directory",
            ),
            ProfileError::Corrupt { path, why } => write!(
                f,
                "your saved profile at {} cannot be read: {why}\n  it has not been changed. Fix it, or move it away and run `roadmap assess` again",
                crate::terminal::path(path)
            ),
            ProfileError::Newer { path, version } => write!(
                f,
                "your saved profile at {} was written by a newer roadmap (profile version {version}; this one reads version {PROFILE_VERSION})\n  it has not been changed. Update roadmap to use it",
                crate::terminal::path(path)
            ),
            ProfileError::Unreadable { path, source } => write!(
                f,
                "cannot read your saved profile at {}: {source}\n  check the file's permissions",
                crate::terminal::path(path)
            ),
            ProfileError::Io { path, source } => {
                write!(f, "{}: {source}", crate::terminal::path(path))
            }
        }
    }
}

impl std::error::Error for ProfileError {}

impl Store {
    pub fn locate() -> Result<Store, ProfileError> {
        let dir = match std::env::var_os("ROADMAP_HOME") {
            Some(h) if !h.is_empty() => PathBuf::from(h),
            _ => dirs::data_dir()
                .ok_or(ProfileError::NoDirectory)?
                .join("roadmap"),
        };
        Ok(Store {
            file: dir.join("profile.toml"),
            dir,
        })
    }

    /// A profile kept in a file of the person's choosing.
    pub fn at_file(file: &Path) -> Store {
        let dir = file
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        Store {
            dir,
            file: file.to_path_buf(),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.file.clone()
    }

    pub fn backup_path(&self) -> PathBuf {
        let mut name = self.file.as_os_str().to_owned();
        name.push(".bak");
        PathBuf::from(name)
    }

    /// The saved profile, `None` when there is none yet.
    pub fn load(&self) -> Result<Option<Profile>, ProfileError> {
        let path = self.path();
        use crate::load::{LoadError, read_text};
        let text = match read_text(&path) {
            Ok(text) => text,
            Err(LoadError::Missing(_)) => return Ok(None),
            Err(LoadError::Unreadable(_, source)) => {
                return Err(ProfileError::Unreadable { path, source });
            }
            Err(LoadError::Io(_, source)) => return Err(ProfileError::Io { path, source }),
            Err(e) => {
                let why = match e {
                    LoadError::NotUtf8(..) => "it is not UTF-8 text".to_string(),
                    LoadError::TooLarge(_, n) => format!(
                        "it is {:.1} MB, far larger than any profile",
                        n as f64 / 1_048_576.0
                    ),
                    _ => "it is not a file".to_string(),
                };
                return Err(ProfileError::Corrupt { path, why });
            }
        };
        // Check the version first, so a newer file is reported as newer
        // rather than as having unknown fields.
        let version = toml::from_str::<toml::Table>(&text)
            .map_err(|e| ProfileError::Corrupt {
                path: path.clone(),
                why: e.message().trim().to_string(),
            })?
            .get("version")
            .and_then(toml::Value::as_integer);
        match version {
            Some(v) if v > PROFILE_VERSION as i64 => {
                return Err(ProfileError::Newer {
                    path,
                    version: v.clamp(0, u32::MAX as i64) as u32,
                });
            }
            None => {
                return Err(ProfileError::Corrupt {
                    path,
                    why: "it has no `version`".into(),
                });
            }
            _ => {}
        }
        toml::from_str(&text)
            .map(Some)
            .map_err(|e| ProfileError::Corrupt {
                path,
                why: e.message().trim().to_string(),
            })
    }

    /// Saves atomically: write a temporary file beside it, flush it to disk,
    /// keep the old profile as `profile.toml.bak`, then rename into place.
    /// At every moment there is a complete profile on disk.
    pub fn save(&self, profile: &Profile) -> Result<(), ProfileError> {
        let path = self.path();
        let io = |p: &Path| {
            let p = p.to_path_buf();
            move |source| ProfileError::Io { path: p, source }
        };
        if !self.dir.is_dir() {
            // Personal data: the directory is the owner's alone.
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&self.dir)
                .map_err(io(&self.dir))?;
        }
        let text = toml::to_string(profile).map_err(|e| ProfileError::Corrupt {
            path: path.clone(),
            why: e.to_string(),
        })?;
        let backup = self.backup_path();
        let opts = atomic::Options {
            replace: true,
            private: true,
            backup: Some(&backup),
        };
        atomic::write(&path, text.as_bytes(), opts)
            .map(|_| ())
            .map_err(io(&path))
    }

    /// Deletes the profile and its backup. `Ok(false)` when there was none.
    pub fn forget(&self) -> Result<bool, ProfileError> {
        let path = self.path();
        let existed = path.exists();
        for p in [path, self.backup_path()] {
            match std::fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(ProfileError::Io { path: p, source: e }),
            }
        }
        Ok(existed)
    }
}
