//! The questions `roadmap` answers, as pure functions of a [`Roadmap`]:
//! no terminal, no files. Each returns an answer type from
//! [`answers`](crate::answers) that a renderer turns into text or JSON.

mod eligibility;
mod holdings;
mod listings;
pub mod next;
pub mod personal;
mod position;
mod record;
mod routes;
pub mod scope;
mod search;
pub mod summary;

pub use holdings::Holdings;
pub use position::{Position, PositionError, parse_band};
pub use routes::RouteQuery;

use crate::model::IdMap;
use crate::model::{Pathway, PathwayKind, Roadmap};

/// A roadmap with the indexes the queries need, built once per run.
pub struct Engine<'a> {
    pub map: &'a Roadmap,
    reqs: holdings::ReqIndex,
    /// Role id → pathways leaving it, in data order.
    outgoing: IdMap<&'a str, Vec<&'a Pathway>>,
    /// Role id → pathways arriving at it.
    incoming: IdMap<&'a str, Vec<&'a Pathway>>,
    /// Requirement index → programmes whose completion meets it.
    granters: Vec<Vec<usize>>,
}

impl<'a> Engine<'a> {
    pub fn new(map: &'a Roadmap) -> Self {
        let reqs = holdings::ReqIndex::new(map);
        let mut outgoing: IdMap<&str, Vec<&Pathway>> = IdMap::default();
        let mut incoming: IdMap<&str, Vec<&Pathway>> = IdMap::default();
        for p in &map.pathways {
            for from in &p.from {
                outgoing.entry(from).or_default().push(p);
                if p.kind != PathwayKind::StayAndDevelop {
                    incoming.entry(p.destination(from)).or_default().push(p);
                }
            }
        }
        for list in incoming.values_mut() {
            list.dedup_by(|a, b| a.meta.id == b.meta.id);
        }
        let mut granters = vec![Vec::new(); reqs.len()];
        for (pi, prog) in map.programmes.iter().enumerate() {
            let mut h = Holdings::empty(&reqs);
            for g in &prog.grants {
                h.add_id(&reqs, g);
            }
            for r in h.iter() {
                granters[r].push(pi);
            }
        }
        Engine {
            map,
            reqs,
            outgoing,
            incoming,
            granters,
        }
    }

    /// What a person holds, from requirement ids, expanded by equivalences.
    pub fn holdings(&self, ids: &[String]) -> Holdings {
        let mut h = Holdings::empty(&self.reqs);
        for id in ids {
            h.add_id(&self.reqs, id);
        }
        h
    }

    /// Whether `held` includes the requirement `id`.
    pub fn holds(&self, held: &Holdings, id: &str) -> bool {
        held.has_id(&self.reqs, id)
    }

    /// Pathways leaving a role.
    pub fn pathways_from(&self, role: &str) -> &[&'a Pathway] {
        self.outgoing.get(role).map_or(&[], Vec::as_slice)
    }

    /// Pathways arriving at a role.
    pub fn pathways_to(&self, role: &str) -> &[&'a Pathway] {
        self.incoming.get(role).map_or(&[], Vec::as_slice)
    }
}
