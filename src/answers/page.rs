//! What the interactive "Where can I go from here?" panel of the HTML
//! export needs, prepared by the engine so the page holds no rules of its
//! own: the positions a person can pick, what each holding counts as, the
//! open moves with their entry expressions, and the programmes and
//! signposts that close each gap. The page's script evaluates this data
//! the way `roadmap pathways` does (a parity test checks that it does).

use super::{DurationOut, Reviewed, RoleRef};
use crate::model::{Confidence, Decider, Pay};
use serde::Serialize;

/// An expression: every term must be met; a term is met by any of its
/// alternatives, each a list of requirement ids that must all be held.
pub type ExprOut = Vec<Vec<Vec<String>>>;

#[derive(Debug, Clone, Serialize)]
pub struct PageData {
    pub schema_version: u32,
    pub data_reviewed: Reviewed,
    /// The day the data was prepared for: offers closed before it are left out.
    pub today: Option<String>,
    /// What a person can pick as "where I am": every role, and each band
    /// with the role `--from bandN` resolves to.
    pub positions: Vec<PositionOut>,
    /// Roles a person can aim for (`--to`).
    pub goals: Vec<String>,
    pub roles: Vec<RoleRef>,
    /// The holdings offered as tick boxes.
    pub holdable: Vec<HoldableOut>,
    pub requirements: Vec<RequirementOut>,
    pub programmes: Vec<ProgrammeOut>,
    /// Open moves, in data order.
    pub pathways: Vec<PathwayOut>,
    pub resources: Vec<ResourceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PositionOut {
    /// What the person picks: a role's title, or "Band 3".
    pub label: String,
    /// The role it resolves to.
    pub role: String,
    /// Set when a band was picked (`--from band3`).
    pub band: Option<u8>,
    /// What to type for the same answer on the command line.
    pub arg: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HoldableOut {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequirementOut {
    pub id: String,
    pub title: String,
    pub decided_by: Option<Decider>,
    pub confidence: Confidence,
    /// Alternatives, any one of which meets it (each a list of ids).
    pub satisfied_by: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeOut {
    /// Position in the full data, closed records included: the planner
    /// breaks ties between routes by it.
    pub index: usize,
    pub id: String,
    pub title: String,
    pub kind: String,
    pub level: Option<u8>,
    pub standard: Option<String>,
    pub standard_confidence: Confidence,
    pub duration: Option<DurationOut>,
    /// Typical length in months, as the planner counts it.
    pub months: Option<(f64, f64)>,
    pub pay: Pay,
    pub learning_support_fund: bool,
    pub entry: ExprOut,
    pub usually: ExprOut,
    pub grants: Vec<String>,
    pub funding: Option<String>,
    pub study: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PathwayOut {
    /// Position in the full data, closed records included (see
    /// `ProgrammeOut::index`).
    pub index: usize,
    pub id: String,
    pub title: String,
    pub kind: String,
    pub from: Vec<String>,
    pub to: Option<String>,
    /// Open programmes to go via; empty means applying for a post.
    pub via: Vec<String>,
    pub requires: ExprOut,
    /// The move's own notes; `roadmap pathways` adds "you already hold
    /// what X gives" notes after these, then `notes_after`.
    pub notes: Vec<String>,
    /// Notes said after any about what the person holds.
    pub notes_after: Vec<String>,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceOut {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    #[serde(rename = "where")]
    pub where_: Option<String>,
    pub helps_with: Vec<String>,
}
