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
        let steps = |n: usize| match n {
            1 => "1 step whose length the sources don't give".to_string(),
            n => format!("{n} steps whose length the sources don't give"),
        };
        let label = match (none, unknown_steps) {
            (true, 0) => "no study time".to_string(),
            (true, n) => format!("not known: {}", steps(n)),
            (false, 0) => month_range(min, max),
            (false, n) => format!("{}, plus {}", month_range(min, max), steps(n)),
        };
        Months {
            min: round(min),
            max: round(max),
            label,
            unknown_steps,
        }
    }

    /// A running total: "at least" its known part once a step's length is
    /// not known.
    pub fn so_far(min: f64, max: f64, unknown_steps: usize) -> Months {
        let mut m = Months::new(min, max, unknown_steps);
        if unknown_steps > 0 {
            m.label = if m.min == 0.0 && m.max == 0.0 {
                "not known".to_string()
            } else {
                format!("at least {}", month_range(min, max))
            };
        }
        m
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
    /// The known part of the time, in order; see `total_known`.
    pub total: Months,
    /// False when a step's length is not known: the total is then only the
    /// known part, and the route ranks below routes of known length.
    pub total_known: bool,
    /// Steps whose length no source gives.
    pub steps_without_duration: usize,
    /// Every step is paid (apprenticeship, trainee post) or done alongside a
    /// paid job: no full-time unpaid study.
    pub paid_throughout: bool,
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
