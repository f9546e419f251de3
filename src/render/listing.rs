//! The columns of each listing (roles, areas, search results, a record's
//! fields), shared by its table, CSV and Markdown forms.

use crate::answers::{AreaList, RecordView, RolesList, SearchResults};

pub struct Listing {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

pub fn roles(l: &RolesList) -> Listing {
    Listing {
        header: vec!["id", "role", "band", "family", "registered"],
        rows: l
            .roles
            .iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    r.title.to_string(),
                    r.band_label()
                        .trim_start_matches("band ")
                        .trim_start_matches("bands ")
                        .to_string(),
                    r.family.to_string(),
                    r.regulator.clone().unwrap_or_else(|| "no".into()),
                ]
            })
            .collect(),
    }
}

pub fn areas(l: &AreaList<'_>) -> Listing {
    Listing {
        header: vec!["id", "area", "offers", "signposts", "summary"],
        rows: l
            .areas
            .iter()
            .map(|a| {
                vec![
                    a.id.to_string(),
                    a.title.to_string(),
                    a.offers.len().to_string(),
                    a.signposts.len().to_string(),
                    a.summary.to_string(),
                ]
            })
            .collect(),
    }
}

pub fn search(l: &SearchResults) -> Listing {
    Listing {
        header: vec!["id", "kind", "title"],
        rows: l
            .hits
            .iter()
            .map(|h| vec![h.id.to_string(), h.kind.clone(), h.title.to_string()])
            .collect(),
    }
}

/// A record's fields, then its sections' items, as field and value.
pub fn record(v: &RecordView) -> Listing {
    Listing {
        header: vec!["field", "value"],
        rows: v
            .facts
            .iter()
            .map(|(k, v)| vec![k.clone(), v.clone()])
            .chain(v.sections.iter().flat_map(|s| {
                s.items
                    .iter()
                    .map(|i| vec![s.title.clone(), format!("{} ({})", i.title, i.id)])
            }))
            .collect(),
    }
}
