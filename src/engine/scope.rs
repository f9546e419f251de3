//! Choosing the slice of the roadmap an export covers.

use super::Engine;
use crate::SCHEMA_VERSION;
use crate::answers::ExportDoc;
use crate::model::{
    Area, Barrier, Meta, Pathway, PathwayKind, Programme, Requirement, Resource, Roadmap, Role,
    Rule, Setting, family_title,
};
use std::collections::BTreeSet;

/// What an export covers. It is also written into the JSON export as `scope`.
/// Every filter narrows the moves (a pathway from one role); they combine
/// as "and".
#[derive(Debug, Default, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct ScopeQuery {
    /// Only the moves that start at this role, and `depth` moves on.
    pub from: Option<String>,
    /// Only the moves into this role, and `depth` moves back.
    pub to: Option<String>,
    /// How many moves `from` and `to` follow: 1 is the moves that start
    /// (or end) there; `None` is everything reachable.
    pub depth: Option<u32>,
    /// Only moves by a programme in this area.
    pub area: Option<String>,
    /// Only moves into roles found in this setting.
    pub setting: Option<String>,
    /// Only moves into roles of this family.
    pub family: Option<String>,
}

/// One move: a pathway, by its position in the data, from one role.
type Move<'a> = (usize, &'a str);

/// A self-contained part of the roadmap: every reference inside resolves.
/// Every list is sorted by id, so exports are byte-identical across runs.
/// Serialised as the record lists of the JSON export.
#[derive(Debug, Default, serde::Serialize, schemars::JsonSchema)]
pub struct Selection<'a> {
    pub areas: Vec<&'a Area>,
    pub settings: Vec<&'a Setting>,
    pub roles: Vec<&'a Role>,
    pub programmes: Vec<&'a Programme>,
    pub requirements: Vec<&'a Requirement>,
    /// The pathways with a move in scope, each listing only the roles it
    /// is in scope from.
    pub pathways: Vec<Pathway>,
    pub resources: Vec<&'a Resource>,
    pub barriers: Vec<&'a Barrier>,
    pub rules: Vec<&'a Rule>,
}

impl<'a> Selection<'a> {
    /// The common fields of every record in the selection (a pathway's
    /// from the data, as the selection's copy lists fewer roles).
    pub fn metas(&self, map: &'a Roadmap) -> impl Iterator<Item = &'a Meta> + '_ {
        self.areas
            .iter()
            .map(|r| &r.meta)
            .chain(self.settings.iter().map(|r| &r.meta))
            .chain(self.roles.iter().map(|r| &r.meta))
            .chain(self.programmes.iter().map(|r| &r.meta))
            .chain(self.requirements.iter().map(|r| &r.meta))
            .chain(
                self.pathways
                    .iter()
                    .filter_map(move |p| map.pathway(&p.meta.id))
                    .map(|r| &r.meta),
            )
            .chain(self.resources.iter().map(|r| &r.meta))
            .chain(self.barriers.iter().map(|r| &r.meta))
            .chain(self.rules.iter().map(|r| &r.meta))
    }
}

impl<'a> Engine<'a> {
    /// The export document for a scope: the selected records and every
    /// source they cite.
    pub fn export(&self, q: &'a ScopeQuery) -> ExportDoc<'a> {
        let records = self.select(q);
        let sources: BTreeSet<&str> = records
            .metas(self.map)
            .flat_map(|m| m.sources.iter().map(|s| s.as_str()))
            .collect();
        ExportDoc {
            schema_version: SCHEMA_VERSION,
            data_reviewed: self.reviewed(),
            scope: q,
            records,
            sources: sources.into_iter().collect(),
            map: self.map,
            scope_line: self.scope_words(q),
            page: None,
        }
    }

    /// The scope in words, for the top of a handout or page.
    fn scope_words(&self, q: &ScopeQuery) -> String {
        let t = |id: &Option<String>| id.as_deref().map(|i| self.map.title_of(i).to_string());
        let mut parts = Vec::new();
        if let Some(f) = t(&q.from) {
            parts.push(format!("from {f}"));
        }
        if let Some(x) = t(&q.to) {
            parts.push(format!("to {x}"));
        }
        if let Some(x) = t(&q.area) {
            parts.push(format!("in the area {x}"));
        }
        if let Some(x) = t(&q.setting) {
            parts.push(format!("into roles in {x}"));
        }
        if let Some(x) = &q.family {
            parts.push(format!(
                "into the {} family",
                family_title(x).to_lowercase()
            ));
        }
        if parts.is_empty() {
            "The whole roadmap.".into()
        } else {
            format!("The part of the roadmap {}.", parts.join(", "))
        }
    }

    /// The self-contained part of the roadmap a scope selects.
    pub fn select(&self, q: &ScopeQuery) -> Selection<'a> {
        let map = self.map;
        let mut moves: Vec<Move<'a>> = map
            .pathways
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.from.iter().map(move |f| (i, f.as_str())))
            .collect();
        if let Some(from) = &q.from {
            let keep = self.walk(from, true, q.depth);
            moves.retain(|m| keep.contains(m));
        }
        if let Some(to) = &q.to {
            let keep = self.walk(to, false, q.depth);
            moves.retain(|m| keep.contains(m));
        }
        let path = |i: usize| &map.pathways[i];
        if let Some(area) = &q.area {
            moves.retain(|&(i, _)| {
                path(i)
                    .via
                    .iter()
                    .filter_map(|v| map.programme(v))
                    .any(|g| g.areas.iter().any(|a| a == area))
            });
        }
        let dest = |&(i, f): &Move<'a>| map.role(path(i).destination(f));
        if let Some(s) = &q.setting {
            moves.retain(|m| dest(m).is_some_and(|r| r.settings.iter().any(|x| x == s)));
        }
        if let Some(fam) = &q.family {
            moves.retain(|m| dest(m).is_some_and(|r| r.family == *fam));
        }
        // Each pathway once, listing only the roles it is in scope from.
        let mut by_path: std::collections::BTreeMap<usize, Vec<&str>> = Default::default();
        for (i, f) in moves {
            by_path.entry(i).or_default().push(f);
        }
        let mut roles: BTreeSet<&str> = BTreeSet::new();
        let mut progs: BTreeSet<&str> = BTreeSet::new();
        let mut reqs: BTreeSet<&str> = BTreeSet::new();
        for (&i, froms) in &by_path {
            let p = path(i);
            roles.extend(froms.iter().copied());
            roles.extend(p.to.as_deref());
            progs.extend(p.via.iter().map(|s| s.as_str()));
            reqs.extend(p.requires.iter().flat_map(|t| t.ids()));
        }
        let mut pathways: Vec<Pathway> = by_path
            .into_iter()
            .map(|(i, froms)| {
                let mut p = path(i).clone();
                p.from.retain(|f| froms.contains(&f.as_str()));
                p
            })
            .collect();
        pathways.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        let whole = q.from.is_none()
            && q.to.is_none()
            && q.area.is_none()
            && q.setting.is_none()
            && q.family.is_none();

        if whole {
            roles.extend(map.roles.iter().map(|r| r.meta.id.as_str()));
            progs.extend(map.programmes.iter().map(|r| r.meta.id.as_str()));
        }
        if let Some(area) = &q.area {
            progs.extend(
                map.programmes
                    .iter()
                    .filter(|g| g.areas.iter().any(|a| a == area))
                    .map(|g| g.meta.id.as_str()),
            );
        }
        let programmes: Vec<&Programme> = progs.iter().filter_map(|id| map.programme(id)).collect();
        // Requirements: everything mentioned, closed under satisfied-by.
        for g in &programmes {
            reqs.extend(g.entry.iter().chain(&g.usually).flat_map(|t| t.ids()));
            reqs.extend(g.grants.iter().map(|s| s.as_str()));
        }
        let mut work: Vec<&str> = reqs.iter().copied().collect();
        while let Some(id) = work.pop() {
            if let Some(r) = map.requirement(id) {
                for x in r.satisfied_by.iter().flatten() {
                    if reqs.insert(x.as_str()) {
                        work.push(x.as_str());
                    }
                }
            }
        }
        let mut areas: BTreeSet<&str> = programmes
            .iter()
            .flat_map(|g| g.areas.iter().map(|s| s.as_str()))
            .collect();
        if let Some(a) = &q.area {
            areas.insert(a.as_str());
        }
        if whole {
            areas.extend(map.areas.iter().map(|a| a.meta.id.as_str()));
        }
        let roles: Vec<&Role> = roles.iter().filter_map(|id| map.role(id)).collect();
        let settings: BTreeSet<&str> = roles
            .iter()
            .flat_map(|r| r.settings.iter().map(|s| s.as_str()))
            .collect();
        let rules: BTreeSet<&str> = programmes
            .iter()
            .flat_map(|g| g.rules.iter().map(|s| s.as_str()))
            .collect();
        let resources: Vec<&Resource> = sorted(map.resources.iter().filter(|r| {
            whole
                || r.areas.iter().any(|a| areas.contains(a.as_str()))
                || r.helps_with.iter().any(|h| reqs.contains(h.as_str()))
        }));
        let barriers: BTreeSet<&str> = resources
            .iter()
            .flat_map(|r| r.helps_with.iter().map(|s| s.as_str()))
            .collect();
        Selection {
            areas: sorted(
                map.areas
                    .iter()
                    .filter(|a| areas.contains(a.meta.id.as_str())),
            ),
            settings: sorted(
                map.settings
                    .iter()
                    .filter(|s| whole || settings.contains(s.meta.id.as_str())),
            ),
            roles: sorted(roles.into_iter()),
            programmes: sorted(programmes.into_iter()),
            requirements: sorted(
                map.requirements
                    .iter()
                    .filter(|r| whole || reqs.contains(r.meta.id.as_str())),
            ),
            pathways,
            resources,
            barriers: sorted(
                map.barriers
                    .iter()
                    .filter(|b| whole || barriers.contains(b.meta.id.as_str())),
            ),
            rules: sorted(
                map.rules
                    .iter()
                    .filter(|r| whole || rules.contains(r.meta.id.as_str())),
            ),
        }
    }

    /// The moves that start at `start` and go up to `depth` moves on
    /// (forward), or that lead into it from up to `depth` moves back.
    /// Growing in a role is a move from it, never into it.
    fn walk(&self, start: &str, forward: bool, depth: Option<u32>) -> BTreeSet<Move<'a>> {
        let map = self.map;
        let mut found: BTreeSet<Move<'a>> = BTreeSet::new();
        let Some(r) = map.role(start) else {
            return found;
        };
        let mut seen: BTreeSet<&'a str> = BTreeSet::from([r.meta.id.as_str()]);
        let mut frontier: Vec<&'a str> = vec![r.meta.id.as_str()];
        let mut level = 0;
        while !frontier.is_empty() && depth.is_none_or(|d| level < d) {
            let mut next = Vec::new();
            for (i, p) in map.pathways.iter().enumerate() {
                for f in &p.from {
                    let f = f.as_str();
                    let to = p.to.as_deref();
                    let (on, then) = if forward {
                        (frontier.contains(&f), to)
                    } else if p.kind != PathwayKind::StayAndDevelop {
                        (to.is_some_and(|t| frontier.contains(&t)), Some(f))
                    } else {
                        (false, None)
                    };
                    if on && found.insert((i, f)) {
                        next.extend(then.filter(|t| seen.insert(t)));
                    }
                }
            }
            frontier = next;
            level += 1;
        }
        found
    }
}

trait HasId {
    fn id(&self) -> &str;
}
macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &str { &self.meta.id } })* };
}
has_id!(
    Area,
    Setting,
    Role,
    Programme,
    Requirement,
    Resource,
    Barrier,
    Rule
);

fn sorted<'a, T: HasId + 'a>(it: impl Iterator<Item = &'a T>) -> Vec<&'a T> {
    let mut v: Vec<&T> = it.collect();
    v.sort_by(|a, b| a.id().cmp(b.id()));
    v
}
