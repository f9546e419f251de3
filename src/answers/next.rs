//! Next steps from a position (`roadmap pathways --from`).

use super::Reviewed;
use super::{DurationOut, ProgrammeRef, ReqRef, RoleRef};
use crate::model::{Confidence, Decider, PathwayKind, Text};
use serde::Serialize;

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
    /// How sure the sources are of this requirement (the least sure of
    /// the requirements it names).
    pub confidence: Confidence,
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
    /// The move leads toward the person's goal (their saved goal role).
    pub toward_goal: bool,
    pub options: Vec<ViaOption>,
    pub notes: Vec<Text>,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Serialize)]
pub struct NextSteps {
    pub schema_version: u32,
    /// How current the data is (see `Reviewed`).
    pub data_reviewed: Reviewed,
    pub from: RoleRef,
    /// The band the person named, when they named one.
    pub band: Option<u8>,
    /// Other roles at that band, for "not you? use --from ID".
    pub also_at_band: Vec<RoleRef>,
    pub holding: Vec<ReqRef>,
    pub steps: Vec<NextStep>,
}
