//! Position and `--have` parsing (see `exercise::position`).
#![no_main]

// Each target uses only part of the shared bodies.
#[allow(dead_code)]
#[path = "../exercise.rs"]
mod exercise;

use hcsw_roadmap::model::Roadmap;
use std::sync::OnceLock;

static MAP: OnceLock<Roadmap> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        exercise::position(MAP.get_or_init(hcsw_roadmap::embedded::roadmap), text);
    }
});
