//! `roadmap export`: the roadmap, or the part of it a scope selects.

use super::Reviewed;
use crate::engine::scope::{ScopeQuery, Selection};
use crate::model::Roadmap;
use schemars::JsonSchema;
use serde::Serialize;

// The other export formats draw the same document.
/// The JSON export: records exactly as validated, plus every source cited.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "roadmap export")]
pub struct ExportDoc<'a> {
    pub schema_version: u32,
    /// How current the data is: the latest `reviewed` date.
    pub data_reviewed: Reviewed,
    pub scope: &'a ScopeQuery,
    #[serde(flatten)]
    pub records: Selection<'a>,
    /// Every source any exported record cites, sorted.
    pub sources: Vec<&'a str>,
    /// The whole roadmap, for titles of records outside the selection.
    #[serde(skip)]
    #[schemars(skip)]
    pub map: &'a Roadmap,
    /// The scope in words: "The part of the roadmap from Band 2 ...".
    #[serde(skip)]
    #[schemars(skip)]
    pub scope_line: String,
    /// For the web page: what its "Where can I go from here?" panel needs.
    #[serde(skip)]
    #[schemars(skip)]
    pub page: Option<super::PageData>,
}
