//! A training-needs analysis for a team (`roadmap cohort`).

use super::{Closer, ProgrammeRef, Reviewed, RoleRef};
use serde::{Serialize, Serializer};

/// A count of people. Under `--suppress-below N`, a count under N is said
/// as "fewer than N" (in JSON, that string instead of the number), so a
/// report shared beyond the team cannot single anyone out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Tally {
    pub n: usize,
    /// The `--suppress-below` threshold, when set.
    pub below: Option<usize>,
}

impl Tally {
    /// The count as people should see it: "12", or "fewer than 5".
    pub fn shown(&self) -> String {
        match self.below {
            Some(b) if self.n > 0 && self.n < b => format!("fewer than {b}"),
            _ => self.n.to_string(),
        }
    }

    /// "1 person", "12 people", "fewer than 5 people".
    pub fn people(&self) -> String {
        match (self.hidden(), self.n) {
            (false, 1) => "1 person".into(),
            _ => format!("{} people", self.shown()),
        }
    }

    /// Hidden by suppression.
    pub fn hidden(&self) -> bool {
        self.below.is_some_and(|b| self.n > 0 && self.n < b)
    }
}

impl Serialize for Tally {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.hidden() {
            s.serialize_str(&self.shown())
        } else {
            s.serialize_u64(self.n as u64)
        }
    }
}

/// A label and how many people it applies to.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub id: String,
    pub label: String,
    pub people: Tally,
}

/// Where people in the team could move, and how close they are.
#[derive(Debug, Clone, Serialize)]
pub struct Destination {
    pub role: RoleRef,
    /// Can apply now (someone else may still decide).
    pub now: Tally,
    /// One requirement away.
    pub one_gap: Tally,
    /// For those one gap away: which gap, and how many.
    pub one_gap_by: Vec<Count>,
    /// Two or more requirements away.
    pub further: Tally,
}

/// A requirement people lack for a move up or across.
#[derive(Debug, Clone, Serialize)]
pub struct GapCount {
    pub requirement: String,
    pub title: String,
    pub people: Tally,
    /// Programmes and signposts that close it, quickest first.
    pub close_with: Vec<Closer>,
}

/// A programme, and how many people it would help toward the moves they
/// want.
#[derive(Debug, Clone, Serialize)]
pub struct Commission {
    pub programme: ProgrammeRef,
    /// People for whom it closes at least one gap on a move they want.
    pub people: Tally,
    /// People it alone would make ready to apply for such a move.
    pub makes_ready: Tally,
}

/// A goal role: how many want it, how many can apply now for a first move
/// toward it, and how many have a route in the roadmap.
#[derive(Debug, Clone, Serialize)]
pub struct GoalCount {
    pub role: RoleRef,
    pub people: Tally,
    pub can_move_toward_now: Tally,
    pub with_a_route: Tally,
}

/// One suggested next step for one person.
#[derive(Debug, Clone, Serialize)]
pub struct PersonStep {
    pub person: String,
    /// The row in the staff list.
    pub row: usize,
    pub role: String,
    pub band: String,
    pub goal: String,
    /// How many moves the person can apply for now.
    pub can_apply_now: usize,
    /// 1 for the first suggested step; 0 when there is none to suggest
    /// (the row then says why).
    pub step: usize,
    pub next_step: String,
    pub why: String,
    pub length: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CohortReport {
    pub schema_version: u32,
    pub data_reviewed: Reviewed,
    /// The day of the analysis, `YYYY-MM-DD`: each person's plan is for it.
    pub date: String,
    pub people: usize,
    /// Rows left out with `--skip-bad`.
    pub skipped: usize,
    /// `--suppress-below`, when set.
    pub suppress_below: Option<usize>,
    pub by_band: Vec<Count>,
    pub by_role: Vec<Count>,
    pub destinations: Vec<Destination>,
    pub gaps: Vec<GapCount>,
    pub commission: Vec<Commission>,
    pub goals: Vec<GoalCount>,
    /// People who said they have not decided what they want.
    pub no_goal: Tally,
    pub barriers: Vec<Count>,
    /// One row per person and suggested next step; left out under
    /// `--suppress-below` (a report for beyond the team).
    pub rows: Vec<PersonStep>,
}
