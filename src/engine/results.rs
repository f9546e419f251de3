//! Plain result structs: what the engine answers, before any rendering.
//! Serialised as-is for `--format json`, so field names here are a public,
//! documented interface (docs/JSON.md): add fields freely, but renaming or
//! removing one needs a `SCHEMA_VERSION` bump.

use crate::model::{Confidence, Decider, Duration, PathwayKind, Programme, Role, Text, Unit};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct RoleRef {
    pub id: Text,
    pub title: Text,
    pub band: u8,
    pub band_max: u8,
    pub family: Text,
    /// The regulator's short name (NMC, HCPC, GOsC) when the title is protected.
    pub regulator: Option<String>,
    pub settings: Vec<Text>,
}

impl RoleRef {
    pub fn of(r: &Role) -> Self {
        RoleRef {
            id: r.meta.id.clone(),
            title: r.meta.title.clone(),
            band: r.band,
            band_max: r.band_max(),
            family: r.family.clone(),
            regulator: r.registered.short_name().map(str::to_string),
            settings: r.settings.clone(),
        }
    }

    pub fn band_label(&self) -> String {
        if self.band_max != self.band {
            format!("bands {} to {}", self.band, self.band_max)
        } else {
            format!("band {}", self.band)
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DurationOut {
    pub min: u32,
    pub max: u32,
    pub unit: &'static str,
    /// In words: "12 to 20 weeks".
    pub label: String,
    pub confidence: Confidence,
}

impl DurationOut {
    pub fn of(d: &Duration) -> Self {
        DurationOut {
            min: d.min,
            max: d.max,
            unit: match d.unit {
                Unit::Weeks => "weeks",
                Unit::Months => "months",
            },
            label: d.label(),
            confidence: d.confidence,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeRef {
    pub id: Text,
    pub title: Text,
    pub kind: String,
    pub level: Option<u8>,
    pub standard: Option<Text>,
    pub duration: Option<DurationOut>,
}

impl ProgrammeRef {
    pub fn of(p: &Programme) -> Self {
        ProgrammeRef {
            id: p.meta.id.clone(),
            title: p.meta.title.clone(),
            kind: p.kind.label().to_string(),
            level: p.level,
            standard: p.standard.clone(),
            duration: p.duration.as_ref().map(DurationOut::of),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReqRef {
    pub id: Text,
    pub title: Text,
}

/// Where one requirement stands for this person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// You have it (or something equivalent).
    Met,
    /// You need it.
    Missing,
    /// Someone else decides (employer or provider): never assumed met.
    Decides,
    /// Usually asked for, not required: you do not have it.
    UsuallyAsked,
}

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// The requirement as written in the data: `english-l2 | fs-english-l2`.
    pub requirement: String,
    /// In words: "English at Level 2".
    pub title: Text,
    pub status: Status,
    /// Who decides, when status is `decides`.
    pub decided_by: Option<Decider>,
    /// What closes the gap, when status is `missing` or `usually-asked`.
    pub close_with: Vec<Closer>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Closer {
    pub id: Text,
    pub title: Text,
    /// `programme` or `resource`.
    pub kind: &'static str,
    pub duration: Option<DurationOut>,
    pub url: Option<Text>,
    #[serde(rename = "where")]
    pub where_: Option<Text>,
}

/// One way to make a move: a programme (or applying for a post).
#[derive(Debug, Clone, Serialize)]
pub struct ViaOption {
    /// `None` when the move is applying for a post.
    pub programme: Option<ProgrammeRef>,
    /// True when nothing required is missing (someone may still decide).
    pub ready: bool,
    pub checks: Vec<Check>,
    pub funding: Option<Text>,
    pub study: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NextStep {
    pub pathway: Text,
    pub title: Text,
    pub kind: PathwayKind,
    pub to: RoleRef,
    pub ready: bool,
    pub options: Vec<ViaOption>,
    pub notes: Vec<Text>,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Serialize)]
pub struct NextSteps {
    pub schema_version: u32,
    pub from: RoleRef,
    /// The band the person named, when they named one.
    pub band: Option<u8>,
    /// Other roles at that band, for "not you? use --from ID".
    pub also_at_band: Vec<RoleRef>,
    pub holding: Vec<ReqRef>,
    pub steps: Vec<NextStep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Gain something an entry requirement needs, staying in your role.
    CloseGap,
    /// Move to another role.
    Move,
}

#[derive(Debug, Clone, Serialize)]
pub struct Months {
    pub min: f64,
    pub max: f64,
    /// In words: "2 years 6 months to 3 years".
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RouteStep {
    pub action: Action,
    pub programme: Option<ProgrammeRef>,
    pub pathway: Option<Text>,
    pub from: RoleRef,
    pub to: RoleRef,
    /// For `close-gap`: the requirements this step meets.
    pub closes: Vec<ReqRef>,
    /// Requirements someone else decides, for this step.
    pub decided: Vec<ReqRef>,
    /// Usually asked for, and not held at this point.
    pub usually_missing: Vec<ReqRef>,
    /// Time from the start of the route to the end of this step.
    pub cumulative: Months,
    pub notes: Vec<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Route {
    pub rank: usize,
    pub total: Months,
    /// Steps whose length no source gives: the total is then a minimum.
    pub steps_without_duration: usize,
    pub steps: Vec<RouteStep>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Routes {
    pub schema_version: u32,
    pub from: RoleRef,
    pub to: RoleRef,
    pub holding: Vec<ReqRef>,
    pub routes: Vec<Route>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: Text,
    pub kind: String,
    pub title: Text,
    pub summary: Text,
    pub score: u32,
}
