//! What a person types for `--from`, `--to` and `--have`, and a requirement
//! expression, against the shipped data.
#![no_main]

use hcsw_roadmap::embedded;
use hcsw_roadmap::engine::Engine;
use hcsw_roadmap::engine::parse_band;
use hcsw_roadmap::model::parse_term;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static MAP: OnceLock<hcsw_roadmap::model::Roadmap> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let map = MAP.get_or_init(embedded::roadmap);
    let engine = Engine::new(map);
    let _ = parse_band(text);
    let _ = parse_term(text);
    if let Err(e) = engine.resolve_position(text) {
        let _ = e.to_string();
    }
    // `--have` takes a comma-separated list, as clap splits it.
    for word in text.split(',') {
        let _ = engine.resolve_requirement(word);
    }
});
