//! What `roadmap check` says of valid data: what was checked, and how many
//! records of each kind at each confidence.

use super::Reviewed;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct KindCount {
    /// The kind, plural ("roles"), or "total".
    pub kind: String,
    pub records: usize,
    pub high: usize,
    pub medium: usize,
    pub unverified: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckSummary {
    pub schema_version: u32,
    /// How current the data is (see `Reviewed`).
    pub data_reviewed: Reviewed,
    /// "the national roadmap data", or "the data in DIR".
    pub checked: String,
    /// Each overlay directory, in the order applied.
    pub overlays: Vec<String>,
    pub files: usize,
    pub kinds: Vec<KindCount>,
    pub total: KindCount,
}

/// A record and how long ago it was checked against its sources.
#[derive(Debug, Clone, Serialize)]
pub struct StaleRecord {
    pub id: String,
    pub kind: String,
    pub title: String,
    /// `YYYY-MM-DD`: when it was last checked.
    pub reviewed: String,
    /// Whole days from `reviewed` to today.
    pub age_days: i64,
    /// When it must be checked again, if the data says.
    pub review_by: Option<String>,
    /// `review-by` has passed.
    pub overdue: bool,
    /// Where it is defined: `file:line`.
    pub place: String,
}

/// Records by age, oldest first (`roadmap check --stale`).
#[derive(Debug, Clone, Serialize)]
pub struct StaleList {
    pub schema_version: u32,
    pub data_reviewed: Reviewed,
    pub today: String,
    /// Only records last checked before this date (`--older-than`).
    pub reviewed_before: Option<String>,
    pub records: Vec<StaleRecord>,
}
