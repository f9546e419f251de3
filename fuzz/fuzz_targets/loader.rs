//! The loader: raw TOML bytes → validated roadmap (see `exercise::loader`).
#![no_main]

// Each target uses only part of the shared bodies.
#[allow(dead_code)]
#[path = "../exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|data: &[u8]| exercise::loader(data));
