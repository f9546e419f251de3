//! Choosing the slice of the roadmap an export covers.

use super::Engine;
use crate::SCHEMA_VERSION;
use crate::answers::ExportDoc;
use crate::model::{
    Area, Barrier, Meta, Pathway, PathwayKind, Programme, Requirement, Resource, Role, Rule,
    Setting, family_title,
};
use std::collections::{BTreeSet, VecDeque};

/// What an export covers. It is also written into the JSON export as `scope`.
#[derive(Debug, Default, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct ScopeQuery {
    /// Only what can be reached from this role.
    pub from: Option<String>,
    /// Only what leads to this role.
    pub to: Option<String>,
    pub area: Option<String>,
    pub setting: Option<String>,
    pub family: Option<String>,
}

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
    pub pathways: Vec<&'a Pathway>,
    pub resources: Vec<&'a Resource>,
    pub barriers: Vec<&'a Barrier>,
    pub rules: Vec<&'a Rule>,
}

impl<'a> Selection<'a> {
    /// The common fields of every record in the selection.
    pub fn metas(&self) -> impl Iterator<Item = &'a Meta> + '_ {
        self.areas
            .iter()
            .map(|r| &r.meta)
            .chain(self.settings.iter().map(|r| &r.meta))
            .chain(self.roles.iter().map(|r| &r.meta))
            .chain(self.programmes.iter().map(|r| &r.meta))
            .chain(self.requirements.iter().map(|r| &r.meta))
            .chain(self.pathways.iter().map(|r| &r.meta))
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
            .metas()
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
        let mut pathways: Vec<&'a Pathway> = map.pathways.iter().collect();
        if let Some(from) = &q.from {
            let reach = self.reachable(from, true);
            pathways.retain(|p| p.from.iter().any(|f| reach.contains(f.as_str())));
        }
        if let Some(to) = &q.to {
            let reach = self.reachable(to, false);
            pathways.retain(|p| {
                p.kind != PathwayKind::StayAndDevelop
                    && p.to.as_deref().is_some_and(|t| reach.contains(t))
            });
        }
        if let Some(area) = &q.area {
            pathways.retain(|p| {
                p.via
                    .iter()
                    .filter_map(|v| map.programme(v))
                    .any(|g| g.areas.iter().any(|a| a == area))
            });
        }
        let dest_ok = |p: &Pathway, f: &dyn Fn(&Role) -> bool| {
            p.from
                .iter()
                .map(|x| p.destination(x))
                .filter_map(|id| map.role(id))
                .any(f)
        };
        if let Some(s) = &q.setting {
            pathways.retain(|p| dest_ok(p, &|r: &Role| r.settings.iter().any(|x| x == s)));
        }
        if let Some(fam) = &q.family {
            pathways.retain(|p| dest_ok(p, &|r: &Role| r.family == *fam));
        }
        let whole = q.from.is_none()
            && q.to.is_none()
            && q.area.is_none()
            && q.setting.is_none()
            && q.family.is_none();

        let mut roles: BTreeSet<&str> = BTreeSet::new();
        let mut progs: BTreeSet<&str> = BTreeSet::new();
        for p in &pathways {
            roles.extend(p.from.iter().map(|s| s.as_str()));
            roles.extend(p.to.as_deref());
            progs.extend(p.via.iter().map(|s| s.as_str()));
        }
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
        let mut reqs: BTreeSet<&str> = BTreeSet::new();
        for g in &programmes {
            reqs.extend(g.entry.iter().chain(&g.usually).flat_map(|t| t.ids()));
            reqs.extend(g.grants.iter().map(|s| s.as_str()));
        }
        for p in &pathways {
            reqs.extend(p.requires.iter().flat_map(|t| t.ids()));
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
        pathways.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
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

    /// Roles reachable from `start` (forward) or that can reach it (backward).
    fn reachable(&self, start: &str, forward: bool) -> BTreeSet<&'a str> {
        let mut seen: BTreeSet<&'a str> = BTreeSet::new();
        let Some(r) = self.map.role(start) else {
            return seen;
        };
        let mut q = VecDeque::from([r.meta.id.as_str()]);
        while let Some(id) = q.pop_front() {
            if !seen.insert(id) {
                continue;
            }
            for p in &self.map.pathways {
                if forward && p.from.iter().any(|f| f == id) {
                    q.extend(p.to.as_deref());
                } else if !forward && p.to.as_deref() == Some(id) {
                    q.extend(p.from.iter().map(|s| s.as_str()));
                }
            }
        }
        seen
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
