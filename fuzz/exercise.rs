//! What the fuzz targets do with an input. Shared with the bounded property
//! test in `tests/cli/robust.rs`, so `cargo test` covers the same ground on
//! every CI run. Any panic here is a bug.

use hcsw_roadmap::embedded;
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::engine::{Engine, RouteQuery, parse_band};
use hcsw_roadmap::load::{self, LayerFile};
use hcsw_roadmap::model::{Roadmap, parse_term};

/// Raw bytes → validated roadmap. The first byte picks the mode: even, the
/// rest is the only data file; odd, it is an overlay on the shipped data,
/// so references to real ids are exercised. Whatever loads must also
/// survive the engine: next steps from its first roles, and a route plan.
pub fn loader(data: &[u8]) {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let file = LayerFile::from_bytes("fuzz.toml", bytes.to_vec());
    let layers = if mode & 1 == 0 {
        vec![vec![file]]
    } else {
        vec![embedded::files(), vec![file]]
    };
    match load::build(layers) {
        Ok(map) => engine(&map),
        Err(report) => {
            let _ = report.render(false);
        }
    }
}

fn engine(map: &Roadmap) {
    let engine = Engine::new(map);
    let held = engine.holdings(&[]);
    let roles: Vec<_> = map.roles.iter().take(8).collect();
    for role in &roles {
        if let Ok(pos) = engine.resolve_position(&role.meta.id) {
            let _ = engine.next_steps(&pos, &held, &Filter::default());
        }
    }
    if let (Some(from), Some(to)) = (roles.first(), roles.last()) {
        let _ = engine.routes(&RouteQuery {
            from,
            to,
            held,
            routes: 3,
            paid_only: false,
        });
    }
}

/// What a person types for `--from`, `--to` and `--have`, and a
/// requirement expression, against `map`.
pub fn position(map: &Roadmap, text: &str) {
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
}
