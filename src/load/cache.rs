//! A cache of validated data, so large `--data` and `--overlay` directories
//! are parsed and validated once, not on every run.
//!
//! The key is every data file's path, size and modification time, plus the
//! `roadmap` version; the cache file stores the full key and is used only on
//! an exact match. Writes are atomic (temp file + rename), and any cache
//! problem simply means a normal load: the cache can never change an answer.

use crate::model::Roadmap;
use serde::{Deserialize, Serialize};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

#[derive(Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
struct Cached {
    key: Vec<String>,
    roadmap: Roadmap,
}

/// The identity of a set of data directories: one line per `.toml` file.
/// `None` when any of them cannot be listed (the normal load reports why).
pub fn key(dirs: &[&Path]) -> Option<Vec<String>> {
    let mut key = vec![format!("roadmap {}", env!("CARGO_PKG_VERSION"))];
    for (layer, dir) in dirs.iter().enumerate() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        for f in files {
            let m = std::fs::metadata(&f).ok()?;
            let mtime = m
                .modified()
                .ok()?
                .duration_since(UNIX_EPOCH)
                .ok()?
                .as_nanos();
            let abs = std::fs::canonicalize(&f).ok()?;
            key.push(format!("{layer}\t{}\t{}\t{mtime}", abs.display(), m.len()));
        }
    }
    Some(key)
}

fn file_for(dir: &Path, key: &[String]) -> PathBuf {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    dir.join(format!("data-{:016x}.bin", h.finish()))
}

/// The cached roadmap for exactly this key, if there is one.
pub fn read(dir: &Path, key: &[String]) -> Option<Roadmap> {
    let bytes = std::fs::read(file_for(dir, key)).ok()?;
    // The roadmap borrows its text from these bytes (see `model::Text`), and
    // it lives until the process exits anyway, so the bytes are kept for good.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let cached: Cached = crate::digest::from_bytes(bytes).ok()?;
    if cached.key != key {
        return None;
    }
    let mut r = cached.roadmap;
    r.reindex();
    Some(r)
}

/// Stores a validated roadmap. Failure is ignored: the cache is optional.
pub fn write(dir: &Path, key: Vec<String>, roadmap: Roadmap) {
    let path = file_for(dir, &key);
    let Ok(text) = crate::digest::to_bytes(&Cached { key, roadmap }) else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
