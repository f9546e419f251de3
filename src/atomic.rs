//! Writing files so that nothing a user had is lost: a reader, or a crash,
//! sees the old file or the new one, never a half-written one.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` so that a reader (or a crash) sees the old file
/// or the new one, never a half-written one. With `backup`, the old file is
/// kept there. `ROADMAP_TEST_PAUSE_BEFORE_RENAME` (tests only) holds the
/// write between flushing and renaming, so a test can kill the process there.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: Option<&Path>) -> std::io::Result<()> {
    // A device or pipe (`-o /dev/stdout`) is written in place: renaming a
    // temporary file over it would replace the device node itself.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
        f.write_all(bytes)?;
        return f.flush();
    }
    // Renaming onto a symlink would replace the link, not the file it names.
    let resolved;
    let path = if path.symlink_metadata().is_ok_and(|m| m.is_symlink()) {
        resolved = std::fs::canonicalize(path)?;
        resolved.as_path()
    } else {
        path
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Some(ms) = std::env::var("ROADMAP_TEST_PAUSE_BEFORE_RENAME")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
        if let Some(b) = backup
            && path.exists()
        {
            std::fs::copy(path, b)?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
