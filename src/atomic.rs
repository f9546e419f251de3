//! Writing files so that nothing a user had is lost: a reader, or a crash,
//! sees the old file or the new one, never a half-written one.
//!
//! The new bytes go to a temporary file created beside the target with an
//! unpredictable name and `O_EXCL` (so a planted symlink cannot redirect
//! it), are flushed to disk, and are then renamed into place: or, when
//! overwriting is not allowed, linked into place only if nothing is there,
//! so of several writers racing for one new name exactly one wins.

use std::fs::{self, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// How to write a file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Replace an existing file (`--force`). Without it an existing target
    /// is an `AlreadyExists` error and is left untouched.
    pub replace: bool,
    /// Personal data: a new file is readable by its owner only (0600).
    pub private: bool,
    /// Keep the file being replaced under this name.
    pub backup: Option<&'a Path>,
}

/// Where the bytes went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A regular file, atomically.
    File,
    /// Written in place: a device, a pipe, or this process's own standard
    /// output (`-o /dev/stdout >> log.txt` must append, not replace the log).
    InPlace,
}

/// Temporary files start with this, so a later run can clean up after one
/// that was killed between writing and renaming.
const TEMP_PREFIX: &str = ".roadmap-";

/// Writes `bytes` to `path` atomically (see the module docs).
/// `ROADMAP_TEST_PAUSE_BEFORE_RENAME` (tests only) holds the write between
/// flushing and renaming, so a test can kill the process there.
pub fn write(path: &Path, bytes: &[u8], opts: Options<'_>) -> io::Result<Written> {
    let link = fs::symlink_metadata(path).ok();
    let exists = link.is_some();
    if exists && !opts.replace {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, "exists"));
    }
    // What the name finally refers to: a link is written through, to its
    // target, even when that target does not exist yet.
    let target = if link.as_ref().is_some_and(|m| m.is_symlink()) {
        resolve_link(path)?
    } else {
        path.to_path_buf()
    };
    let meta = fs::metadata(&target).ok();
    if let Some(m) = &meta {
        if m.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory",
            ));
        }
        if is_own_stdout(m) {
            let mut out = io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            return Ok(Written::InPlace);
        }
        if !m.is_file() {
            // A device or pipe: renaming over it would replace the node itself.
            let mut f = fs::OpenOptions::new().write(true).open(&target)?;
            f.write_all(bytes)?;
            f.flush()?;
            return Ok(Written::InPlace);
        }
    }
    let dir = parent(&target);
    clean_stale_temps(dir);
    // Personal data starts private; a file being replaced keeps its mode.
    let mode = match &meta {
        Some(m) => m.mode() & 0o7777,
        None if opts.private => 0o600,
        None => 0o666,
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(".tmp")
        .permissions(Permissions::from_mode(mode))
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if meta.is_some() {
        // Creation applied the umask; the replaced file's mode is kept exactly.
        tmp.as_file()
            .set_permissions(Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    if let Some(ms) = std::env::var("ROADMAP_TEST_PAUSE_BEFORE_RENAME")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    if let Some(b) = opts.backup
        && meta.is_some()
    {
        backup(&target, b)?;
    }
    if opts.replace || meta.is_some() {
        tmp.persist(&target).map_err(|e| e.error)?;
    } else {
        // Nothing may be replaced and nothing was there when we looked:
        // claim the name only if it is still free, so racing writers
        // cannot overwrite each other. (With `replace`, a file another
        // writer made meanwhile is simply replaced: the last save wins.)
        tmp.persist_noclobber(&target).map_err(|e| e.error)?;
    }
    // The rename is durable only once the directory is on disk too.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(Written::File)
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Follows a chain of symlinks to the name it ends at, which need not exist.
fn resolve_link(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.is_symlink() => {
                let next = fs::read_link(&p)?;
                p = if next.is_absolute() {
                    next
                } else {
                    parent(&p).join(next)
                };
            }
            _ => {
                if !parent(&p).is_dir() {
                    return Err(io::Error::new(
                        io::ErrorKind::NotFound,
                        format!(
                            "it is a link to {}, whose folder does not exist",
                            crate::terminal::path(&p)
                        ),
                    ));
                }
                return Ok(p);
            }
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Whether `m` is the file this process's standard output writes to.
fn is_own_stdout(m: &fs::Metadata) -> bool {
    use std::os::fd::AsFd;
    let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
        return false;
    };
    fs::File::from(fd)
        .metadata()
        .is_ok_and(|o| o.dev() == m.dev() && o.ino() == m.ino())
}

/// Keeps the file at `path` as `backup`, atomically: a hard link to the
/// old file (which is never changed in place, only replaced) is made under
/// a temporary name and renamed over the backup, so the backup is always a
/// whole file, old or new.
fn backup(path: &Path, backup: &Path) -> io::Result<()> {
    let named = |e: io::Error| {
        io::Error::new(
            e.kind(),
            format!(
                "cannot keep the previous version as {}: {e}",
                crate::terminal::path(backup)
            ),
        )
    };
    let tmp = parent(backup).join(format!("{TEMP_PREFIX}{}-backup.tmp", std::process::id()));
    let _ = fs::remove_file(&tmp);
    if fs::hard_link(path, &tmp).is_err() {
        // A file system without hard links: copy instead, still renamed in.
        fs::copy(path, &tmp).map_err(named)?;
    }
    fs::rename(&tmp, backup).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        named(e)
    })
}

/// Removes temporary files a killed run left in `dir`: ours by name, and
/// only when the process that made them has gone.
fn clean_stale_temps(dir: &Path) {
    // Whether a process is alive is read from /proc; without it, leave all.
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(rest) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .filter(|n| n.ends_with(".tmp"))
        else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if let Some(pid) = pid
            && pid != std::process::id()
            && !Path::new(&format!("/proc/{pid}")).exists()
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(e.path());
        }
    }
}
