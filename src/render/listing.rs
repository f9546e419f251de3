//! The columns of each listing (roles, areas, search results, a record's
//! fields), shared by its table, CSV and Markdown forms.

use crate::answers::{
    AreaList, CheckSummary, KindCount, RecordView, RolesList, SearchResults, StaleList,
};

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
                s.items.iter().map(|i| {
                    let value = if i.id.is_empty() || i.id == i.title {
                        i.title.clone()
                    } else {
                        format!("{} ({})", i.title, i.id)
                    };
                    vec![s.title.clone(), value]
                })
            }))
            .collect(),
    }
}

/// Records by age, with where each is defined.
pub fn stale(l: &StaleList) -> Listing {
    Listing {
        header: vec!["reviewed", "days ago", "review by", "kind", "id", "where"],
        rows: l
            .records
            .iter()
            .map(|r| {
                vec![
                    r.reviewed.clone(),
                    r.age_days.to_string(),
                    match (&r.review_by, r.overdue) {
                        (Some(d), true) => format!("{d} (overdue)"),
                        (Some(d), false) => d.clone(),
                        (None, _) => String::new(),
                    },
                    r.kind.clone(),
                    r.id.clone(),
                    r.place.clone(),
                ]
            })
            .collect(),
    }
}

/// Records by kind and confidence, then the total.
pub fn counts(c: &CheckSummary) -> Listing {
    let row = |c: &KindCount| {
        vec![
            c.kind.clone(),
            c.records.to_string(),
            c.high.to_string(),
            c.medium.to_string(),
            c.unverified.to_string(),
        ]
    };
    Listing {
        header: vec!["kind", "records", "high confidence", "medium", "unverified"],
        rows: c
            .kinds
            .iter()
            .chain(std::iter::once(&c.total))
            .map(row)
            .collect(),
    }
}
