//! The questions `roadmap` answers, as pure functions of a [`Roadmap`]:
//! no terminal, no files. Each returns an answer type from
//! [`answers`](crate::answers) that a renderer turns into text or JSON.

pub mod cohort;
mod eligibility;
mod holdings;
mod listings;
pub mod next;
mod page;
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

use crate::answers::Reviewed;
use crate::model::IdMap;
use crate::model::{Meta, Pathway, PathwayKind, Programme, Roadmap};

/// One move out of a role, for route planning: the pathway's index, the
/// destination role's index, and the open programmes to go via (`None`:
/// applying for a post).
type Move = (usize, usize, Vec<Option<usize>>);

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
    /// Role index → the moves out of it, for route planning.
    moves: Vec<Vec<Move>>,
    /// Requirement id → open signposts that help with it, in data order.
    signposts: IdMap<&'a str, Vec<usize>>,
    /// The day answers are for (`YYYY-MM-DD`): offers that closed before it,
    /// or open after it, are not offered. `None`: every record counts.
    today: Option<String>,
    /// How current the data is: every answer says so, so it is found once.
    reviewed: Reviewed,
}

impl<'a> Engine<'a> {
    /// The engine with every record open, whatever its dates.
    pub fn new(map: &'a Roadmap) -> Self {
        Self::build(map, None)
    }

    /// The engine as of `today` (`YYYY-MM-DD`): an offer past its
    /// `valid-until`, before its `valid-from`, or into a role closed to new
    /// entrants, is never offered.
    pub fn at(map: &'a Roadmap, today: &str) -> Self {
        Self::build(map, Some(today.to_string()))
    }

    /// Whether a record is open on the engine's day.
    pub fn open(&self, m: &Meta) -> bool {
        self.today.as_deref().is_none_or(|d| m.holds_on(d))
    }

    /// Whether a role takes new entrants on the engine's day.
    pub fn role_open(&self, id: &str) -> bool {
        self.map.role(id).is_some_and(|r| {
            self.open(&r.meta)
                && r.closed_since
                    .as_deref()
                    .is_none_or(|c| self.today().is_none_or(|d| d < c))
        })
    }

    /// How current the data is, for every answer.
    pub fn reviewed(&self) -> Reviewed {
        self.reviewed.clone()
    }

    /// The day answers are for, when one was given.
    pub fn today(&self) -> Option<&str> {
        self.today.as_deref()
    }

    /// The open ways to make a pathway's move: each open programme it goes
    /// via, or `None` alone when the move is applying for a post. Empty when
    /// every programme it went via has closed.
    pub fn vias(&self, p: &'a Pathway) -> Vec<Option<&'a Programme>> {
        self.map
            .via_options(p)
            .into_iter()
            .filter(|g| g.is_none_or(|g| self.open(&g.meta)))
            .collect()
    }

    fn build(map: &'a Roadmap, today: Option<String>) -> Self {
        let open = |m: &Meta| today.as_deref().is_none_or(|d| m.holds_on(d));
        let role_open = |id: &str| {
            map.role(id).is_some_and(|r| {
                open(&r.meta)
                    && r.closed_since
                        .as_deref()
                        .is_none_or(|c| today.as_deref().is_none_or(|d| d < c))
            })
        };
        let reqs = holdings::ReqIndex::new(map);
        let mut outgoing: IdMap<&str, Vec<&Pathway>> = IdMap::default();
        let mut incoming: IdMap<&str, Vec<&Pathway>> = IdMap::default();
        for p in map.pathways.iter().filter(|p| open(&p.meta)) {
            for from in &p.from {
                if p.to.as_deref().is_some_and(|t| !role_open(t)) {
                    continue;
                }
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
            if !open(&prog.meta) {
                continue;
            }
            let mut h = Holdings::empty(&reqs);
            for g in &prog.grants {
                h.add_id(&reqs, g);
            }
            for r in h.iter() {
                granters[r].push(pi);
            }
        }
        let mut moves = vec![Vec::new(); map.roles.len()];
        for (pi, p) in map.pathways.iter().enumerate() {
            if p.kind == PathwayKind::StayAndDevelop || !open(&p.meta) {
                continue;
            }
            let Some(to) = p.to.as_deref().filter(|t| role_open(t)) else {
                continue;
            };
            let Some(ti) = map.index_of(crate::model::Kind::Role, to) else {
                continue;
            };
            let vias: Vec<Option<usize>> = if p.via.is_empty() {
                vec![None]
            } else {
                p.via
                    .iter()
                    .filter_map(|v| map.index_of(crate::model::Kind::Programme, v))
                    .filter(|&g| open(&map.programmes[g].meta))
                    .map(Some)
                    .collect()
            };
            for from in &p.from {
                if let Some(fi) = map.index_of(crate::model::Kind::Role, from) {
                    moves[fi].push((pi, ti, vias.clone()));
                }
            }
        }
        let mut signposts: IdMap<&str, Vec<usize>> = IdMap::default();
        for (i, r) in map.resources.iter().enumerate() {
            if open(&r.meta) {
                for h in &r.helps_with {
                    signposts.entry(h.as_str()).or_default().push(i);
                }
            }
        }
        Engine {
            map,
            reqs,
            outgoing,
            incoming,
            granters,
            moves,
            signposts,
            today,
            reviewed: Reviewed::of(map),
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
