//! A cache of validated data, so large `--data` and `--overlay` directories
//! are parsed and validated once, not on every run.
//!
//! The key names every layer by its role (the base data, or the n-th
//! overlay) and where it came from, and every file in it by name and a hash
//! of its bytes, plus the `roadmap` version. So the cache answers only for
//! exactly the files that would be loaded now: an edit that keeps a file's
//! size and time still changes the key, and `--data X` never shares an
//! entry with `--overlay X`. The cache file carries a checksum of itself, so
//! a damaged file is ignored rather than believed. Any cache problem simply
//! means a normal load: the cache can never change an answer.

use crate::load::LayerFile;
use crate::model::Roadmap;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

/// Starts every cache file; bumped when the file layout changes.
const MAGIC: &[u8; 4] = b"RMC1";

/// The cache file's contents: the key it answers for, and the roadmap.
#[derive(Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Cached {
    pub key: Vec<String>,
    pub roadmap: Roadmap,
}

impl Cached {
    /// The file's bytes: magic, a checksum of the payload, the payload.
    pub fn encode(&self) -> Option<Vec<u8>> {
        let payload = crate::compact::to_bytes(self).ok()?;
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&xxh3_128(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        Some(out)
    }

    /// Reads a cache file's bytes; `None` when they are damaged in any way.
    /// The roadmap borrows its text from `bytes` (see `model::Text`).
    pub fn decode(bytes: &'static [u8]) -> Option<Cached> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (sum, payload) = rest.split_at_checked(16)?;
        if xxh3_128(payload).to_le_bytes() != sum {
            return None;
        }
        crate::compact::from_bytes(payload).ok()
    }
}

/// Where a layer came from, for the key.
pub enum Origin<'a> {
    /// The national data built into this binary.
    BuiltIn,
    Dir(&'a Path),
}

/// The identity of the data to load: each layer's role and origin, and each
/// file's name and content hash.
pub fn key(layers: &[(Origin<'_>, &[LayerFile])]) -> Vec<String> {
    let mut key = vec![format!(
        "roadmap {} {}",
        env!("CARGO_PKG_VERSION"),
        String::from_utf8_lossy(MAGIC)
    )];
    for (i, (origin, files)) in layers.iter().enumerate() {
        let role = if i == 0 {
            "data".to_string()
        } else {
            format!("overlay {i}")
        };
        key.push(match origin {
            Origin::BuiltIn => format!("{role}\tbuilt-in"),
            Origin::Dir(d) => {
                let abs = std::fs::canonicalize(d).unwrap_or_else(|_| d.to_path_buf());
                format!("{role}\t{}", abs.display())
            }
        });
        for f in files.iter() {
            let name = Path::new(&f.file.name)
                .file_name()
                .map_or_else(|| f.file.name.clone(), |n| n.to_string_lossy().into_owned());
            key.push(format!(
                "{role}\t{name}\t{:032x}\t{:?}",
                xxh3_128(f.file.text.as_bytes()),
                f.utf8_error
            ));
        }
    }
    key
}

fn file_for(dir: &Path, key: &[String]) -> PathBuf {
    dir.join(format!(
        "data-{:016x}.bin",
        xxh3_64(key.join("\n").as_bytes())
    ))
}

/// The cached roadmap for exactly this key, if there is one.
pub fn read(dir: &Path, key: &[String]) -> Option<Roadmap> {
    let bytes = std::fs::read(file_for(dir, key)).ok()?;
    // The roadmap borrows its text from these bytes (see `model::Text`), and
    // it lives until the process exits anyway, so the bytes are kept for good.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let cached = Cached::decode(bytes)?;
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
    let Some(bytes) = (Cached { key, roadmap }).encode() else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let opts = crate::atomic::Options {
        replace: true,
        ..Default::default()
    };
    let _ = crate::atomic::write(&path, &bytes, opts);
}
