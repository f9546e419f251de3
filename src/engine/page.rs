//! The data behind the HTML export's "Where can I go from here?" panel.

use super::Engine;
use crate::SCHEMA_VERSION;
use crate::answers::{
    DurationOut, ExprOut, HoldableOut, PageData, PathwayOut, PositionOut, ProgrammeOut,
    RequirementOut, ResourceOut, RoleRef,
};
use crate::model::{Expr, Regulator};

/// What the page offers as tick boxes: what people most often hold, in the
/// words of the self-assessment.
const HOLDABLE: &[(&str, &str)] = &[
    ("gcse-english-4", "GCSE English at grade 4 (C) or above"),
    ("fs-english-l2", "Functional Skills English Level 2"),
    ("fs-english-l1", "Functional Skills English Level 1"),
    ("gcse-maths-4", "GCSE maths at grade 4 (C) or above"),
    ("fs-maths-l2", "Functional Skills maths Level 2"),
    ("fs-maths-l1", "Functional Skills maths Level 1"),
    ("gcse-science-4", "GCSE science at grade 4 (C) or above"),
    (
        "essential-digital-skills-qualification",
        "An Essential Digital Skills qualification",
    ),
    ("care-certificate", "The Care Certificate"),
    (
        "level-3-diploma-healthcare-support",
        "The Level 3 Diploma in Healthcare Support",
    ),
    (
        "bridging-certificate",
        "The bridging certificate for higher education",
    ),
    (
        "a-levels-or-equivalent",
        "A levels or another Level 3 qualification",
    ),
    (
        "level-5-qualification",
        "A Level 5 qualification (foundation degree, assistant practitioner or nursing associate)",
    ),
    ("degree", "A university degree"),
    ("full-driving-licence", "A full manual driving licence"),
];

fn expr(e: &Expr) -> ExprOut {
    e.iter()
        .map(|t| {
            t.0.iter()
                .map(|c| c.iter().map(|id| id.to_string()).collect())
                .collect()
        })
        .collect()
}

impl<'a> Engine<'a> {
    /// Everything the panel needs, for the engine's day.
    pub fn page_data(&self) -> PageData {
        let map = self.map;
        let mut positions: Vec<PositionOut> = Vec::new();
        let mut bands: Vec<u8> = map
            .roles
            .iter()
            .flat_map(|r| r.band..=r.band_max())
            .collect();
        bands.sort_unstable();
        bands.dedup();
        for b in bands {
            if let Ok(p) = self.resolve_position(&format!("band{b}")) {
                positions.push(PositionOut {
                    label: format!("Band {b}"),
                    role: p.role.meta.id.to_string(),
                    band: Some(b),
                    arg: format!("band{b}"),
                });
            }
        }
        let mut roles: Vec<_> = map
            .roles
            .iter()
            .filter(|r| r.closed_since.is_none())
            .collect();
        roles.sort_by(|a, b| {
            a.band
                .cmp(&b.band)
                .then_with(|| a.meta.title.cmp(&b.meta.title))
        });
        for r in &roles {
            positions.push(PositionOut {
                label: format!("{} ({})", r.meta.title, r.band_label()),
                role: r.meta.id.to_string(),
                band: None,
                arg: r.meta.id.to_string(),
            });
        }
        let mut goals: Vec<_> = roles
            .iter()
            .filter(|r| r.registered != Regulator::None || r.band >= 4)
            .map(|r| r.meta.id.to_string())
            .collect();
        goals.sort_by_key(|id| map.title_of(id));
        PageData {
            schema_version: SCHEMA_VERSION,
            data_reviewed: self.reviewed(),
            today: self.today().map(str::to_string),
            positions,
            goals,
            roles: map.roles.iter().map(RoleRef::of).collect(),
            holdable: HOLDABLE
                .iter()
                .filter(|(id, _)| map.requirement(id).is_some())
                .map(|(id, label)| HoldableOut {
                    id: id.to_string(),
                    label: label.to_string(),
                })
                .collect(),
            requirements: map
                .requirements
                .iter()
                .map(|r| RequirementOut {
                    id: r.meta.id.to_string(),
                    title: r.meta.title.to_string(),
                    decided_by: r.decided_by,
                    confidence: r.meta.confidence,
                    satisfied_by: r
                        .satisfied_by
                        .iter()
                        .map(|c| c.iter().map(|id| id.to_string()).collect())
                        .collect(),
                })
                .collect(),
            programmes: map
                .programmes
                .iter()
                .enumerate()
                .filter(|(_, p)| self.open(&p.meta))
                .map(|(index, p)| ProgrammeOut {
                    index,
                    id: p.meta.id.to_string(),
                    title: p.meta.title.to_string(),
                    kind: p.kind.label().to_string(),
                    level: p.level,
                    standard: p.standard.as_ref().map(|s| s.to_string()),
                    standard_confidence: p.standard_confidence,
                    duration: p.duration.as_ref().map(DurationOut::of),
                    months: p.duration.as_ref().map(|d| d.months()),
                    pay: p.pay,
                    learning_support_fund: p.learning_support_fund,
                    entry: expr(&p.entry),
                    usually: expr(&p.usually),
                    grants: p.grants.iter().map(|g| g.to_string()).collect(),
                    funding: p.funding.as_ref().map(|f| f.to_string()),
                    study: p.study.as_ref().map(|f| f.to_string()),
                })
                .collect(),
            pathways: map
                .pathways
                .iter()
                .enumerate()
                // A move whose every programme has closed is offered
                // nowhere; on the page an empty `via` would read as
                // "apply for a post".
                .filter(|(_, p)| {
                    self.open(&p.meta)
                        && p.to.as_deref().is_none_or(|t| self.role_open(t))
                        && !self.vias(p).is_empty()
                })
                .map(|(index, p)| PathwayOut {
                    index,
                    id: p.meta.id.to_string(),
                    title: p.meta.title.to_string(),
                    kind: p.kind.as_str().to_string(),
                    from: p.from.iter().map(|f| f.to_string()).collect(),
                    to: p.to.as_ref().map(|t| t.to_string()),
                    via: self
                        .vias(p)
                        .into_iter()
                        .flatten()
                        .map(|g| g.meta.id.to_string())
                        .collect(),
                    requires: expr(&p.requires),
                    notes: p.meta.notes.iter().map(|n| n.to_string()).collect(),
                    notes_after: self.move_notes(p).iter().map(|n| n.to_string()).collect(),
                    confidence: p.meta.confidence,
                })
                .collect(),
            resources: map
                .resources
                .iter()
                .filter(|r| self.open(&r.meta))
                .map(|r| ResourceOut {
                    id: r.meta.id.to_string(),
                    title: r.meta.title.to_string(),
                    url: r.url.as_ref().map(|u| u.to_string()),
                    where_: r.where_.as_ref().map(|u| u.to_string()),
                    helps_with: r.helps_with.iter().map(|h| h.to_string()).collect(),
                })
                .collect(),
        }
    }
}
