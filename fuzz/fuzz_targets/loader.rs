//! The loader: raw TOML bytes → validated roadmap (see `exercise::loader`).
#![no_main]

#[path = "../exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|data: &[u8]| exercise::loader(data));
