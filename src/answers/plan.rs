//! The personal plan behind `roadmap assess`, and its career-conversation
//! record.

use super::Reviewed;
use super::{Closer, DurationOut, ReqRef, RoleRef, Route};
use crate::profile::LastPlan;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Move {
    pub to: RoleRef,
    pub via: String,
    pub duration: Option<DurationOut>,
    /// Things someone else decides, e.g. an employer taking you on.
    pub decided: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub requirement: String,
    pub title: String,
    pub close_with: Vec<Closer>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reach {
    pub to: RoleRef,
    pub via: String,
    pub gaps: Vec<Gap>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub id: String,
    pub title: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaPlan {
    pub area: String,
    pub title: String,
    pub rating: Option<u8>,
    /// Rated 1 or 2: shown first.
    pub priority: bool,
    pub offers: Vec<Suggestion>,
    pub signposts: Vec<Suggestion>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarrierPlan {
    pub id: String,
    pub title: String,
    pub what_helps: Vec<String>,
    pub signposts: Vec<Suggestion>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    pub since: String,
    pub newly_eligible: Vec<String>,
    pub gaps_closed: Vec<String>,
    pub new_gaps: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonalPlan {
    pub schema_version: u32,
    /// How current the data is (see `Reviewed`).
    pub data_reviewed: Reviewed,
    pub name: Option<String>,
    pub date: String,
    pub position: RoleRef,
    pub setting: Option<String>,
    pub goal: String,
    pub goal_role: Option<RoleRef>,
    pub holding: Vec<ReqRef>,
    pub eligible_now: Vec<Move>,
    pub within_reach: Vec<Reach>,
    pub routes: Vec<Route>,
    pub develop: Vec<AreaPlan>,
    pub barriers: Vec<BarrierPlan>,
    pub conversation: Vec<String>,
    /// Suggested next steps to agree with a manager, most useful first: the
    /// first is the one that opens most of the routes to the goal.
    pub agreed_steps: Vec<AgreedStep>,
    /// English, maths and digital skills, and study time, in plain words.
    pub skills: Vec<(String, String)>,
    pub changes: Option<Changes>,
    /// What to remember for next time.
    pub last_plan: LastPlan,
}

/// A next step to agree, with why it comes where it does.
#[derive(Debug, Clone, Serialize)]
pub struct AgreedStep {
    pub title: String,
    pub why: String,
    pub duration: Option<DurationOut>,
}
