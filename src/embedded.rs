//! The national dataset, compiled into the binary by `build.rs`.

use crate::load::LayerFile;
use crate::model::Roadmap;

include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

const COMPACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/roadmap.bin"));

/// The validated national roadmap. Cheap: no TOML is parsed.
pub fn roadmap() -> Roadmap {
    // The compact form was produced from validated data by build.rs in this very
    // build, so it cannot fail to deserialise.
    let mut r: Roadmap = crate::compact::from_bytes(COMPACT).expect("embedded roadmap is valid");
    r.reindex();
    r.national = true;
    r
}

/// The national data files as TOML, for validation and overlays.
pub fn files() -> Vec<LayerFile> {
    FILES
        .iter()
        .map(|(name, text)| LayerFile::text(*name, *text))
        .collect()
}
