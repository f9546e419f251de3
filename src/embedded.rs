//! The national dataset, compiled into the binary by `build.rs`.

use crate::load::LayerFile;
use crate::model::Roadmap;

include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

const DIGEST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/roadmap.bin"));

/// The validated national roadmap. Cheap: no TOML is parsed.
pub fn roadmap() -> Roadmap {
    // The digest was produced from validated data by build.rs in this very
    // build, so it cannot fail to deserialise.
    let mut r: Roadmap = crate::digest::from_bytes(DIGEST).expect("embedded digest is valid");
    r.reindex();
    r
}

/// The national data files as TOML, for validation and overlays.
pub fn files() -> Vec<LayerFile> {
    FILES
        .iter()
        .map(|(name, text)| LayerFile::text(*name, *text))
        .collect()
}
