//! What `roadmap check` says of valid data: what was checked, and how many
//! records of each kind at each confidence.

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
    /// "the national roadmap data", or "the data in DIR".
    pub checked: String,
    /// Each overlay directory, in the order applied.
    pub overlays: Vec<String>,
    pub files: usize,
    pub kinds: Vec<KindCount>,
    pub total: KindCount,
}
