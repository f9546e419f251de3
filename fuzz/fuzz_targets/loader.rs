//! Raw bytes → validated roadmap, as a data file on its own and as an
//! overlay on the shipped data (so references to real ids are exercised).
//! Whatever loads must also survive the engine: next steps from every role
//! and a route plan.
#![no_main]

use hcsw_roadmap::embedded;
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::engine::{Engine, PlanQuery};
use hcsw_roadmap::load::{self, LayerFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let file = LayerFile::from_bytes("fuzz.toml", bytes.to_vec());
    let layers = if mode & 1 == 0 {
        vec![vec![file]]
    } else {
        vec![embedded::files(), vec![file]]
    };
    let Ok(map) = load::build(layers) else {
        return;
    };
    let engine = Engine::new(&map);
    let held = engine.holdings(&[]);
    let roles: Vec<_> = map.roles.iter().take(8).collect();
    for role in &roles {
        if let Ok(pos) = engine.resolve_position(&role.meta.id) {
            let _ = engine.next_steps(&pos, &held, &Filter::default());
        }
    }
    if let (Some(from), Some(to)) = (roles.first(), roles.last()) {
        let _ = engine.plan(&PlanQuery {
            from,
            to,
            held,
            routes: 3,
        });
    }
});
