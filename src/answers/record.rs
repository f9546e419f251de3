//! One record in full, with what it connects to (`roadmap show`).

use super::Reviewed;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordView {
    pub schema_version: u32,
    /// How current the data is (see `Reviewed`).
    pub data_reviewed: Reviewed,
    pub kind: String,
    /// Label and value pairs, in reading order.
    pub facts: Vec<(String, String)>,
    pub sections: Vec<Section>,
    /// The record as validated, field for field.
    pub record: serde_json::Value,
    #[serde(skip)]
    pub id: String,
    #[serde(skip)]
    pub title: String,
    #[serde(skip)]
    pub summary: String,
}
