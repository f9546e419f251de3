//! Listings: roles, areas and search results.

use super::Reviewed;
use super::RoleRef;
use crate::model::Text;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: Text,
    pub kind: String,
    pub title: Text,
    pub summary: Text,
    pub score: u32,
}

/// Roles, by band then title (`roadmap roles`).
#[derive(Debug, Clone, Serialize)]
pub struct RolesList {
    pub schema_version: u32,
    /// How current the data is (see `Reviewed`).
    pub data_reviewed: Reviewed,
    pub roles: Vec<RoleRef>,
}

/// A record named in a listing, with its link when it has one.
#[derive(Debug, Clone, Serialize)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

/// One roadmap area with its offers and signposts.
#[derive(Debug, Clone, Serialize)]
pub struct AreaView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub points: &'a [Text],
    pub offers: Vec<Entry<'a>>,
    pub signposts: Vec<Entry<'a>>,
}

/// The areas (`roadmap areas`), or the one asked for (`roadmap areas ID`).
#[derive(Debug, Clone, Serialize)]
pub struct AreaList<'a> {
    pub schema_version: u32,
    /// How current the data is (see `Reviewed`).
    pub data_reviewed: Reviewed,
    pub areas: Vec<AreaView<'a>>,
    /// One area was asked for: people see it in full, not as a row.
    #[serde(skip)]
    pub one: bool,
}

/// Search results, best first (`roadmap search`).
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub schema_version: u32,
    /// How current the data is (see `Reviewed`).
    pub data_reviewed: Reviewed,
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub did_you_mean: Option<String>,
}
