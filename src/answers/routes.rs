//! Planned routes to a goal (`roadmap pathways --to`).

use super::Reviewed;
use super::{ProgrammeRef, ReqRef, RoleRef};
use crate::model::Text;
use crate::words::month_range;
use serde::Serialize;

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
    /// Steps counted in it whose length no source gives.
    #[serde(skip)]
    pub unknown_steps: usize,
}

impl Months {
    /// A length of time from its known part and how many steps are unknown.
    pub fn new(min: f64, max: f64, unknown_steps: usize) -> Months {
        let round = |x: f64| (x * 10.0).round() / 10.0;
        let none = min == 0.0 && max == 0.0;
        let label = match (none, unknown_steps > 0) {
            (true, true) => "not known (no source gives the length)".to_string(),
            (true, false) => "no study time".to_string(),
            (false, true) => format!("at least {}", month_range(min, max)),
            (false, false) => month_range(min, max),
        };
        Months {
            min: round(min),
            max: round(max),
            label,
            unknown_steps,
        }
    }

    /// Nothing about it is known: every step's length is missing.
    pub fn none_known(&self) -> bool {
        self.unknown_steps > 0 && self.min == 0.0 && self.max == 0.0
    }
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
    /// How current the data is (see `Reviewed`).
    pub data_reviewed: Reviewed,
    pub from: RoleRef,
    pub to: RoleRef,
    pub holding: Vec<ReqRef>,
    pub routes: Vec<Route>,
}
