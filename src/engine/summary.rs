//! What `roadmap check` reports of valid data.

use crate::SCHEMA_VERSION;
use crate::answers::{CheckSummary, KindCount, StaleList, StaleRecord};
use crate::model::{Confidence, Kind, Roadmap};

/// Counts of records by kind and confidence. `checked` and `overlays` say
/// what was checked, in words.
pub fn check_summary(
    map: &Roadmap,
    checked: String,
    overlays: Vec<String>,
    files: usize,
) -> CheckSummary {
    let mut total = KindCount {
        kind: "total".into(),
        ..Default::default()
    };
    let kinds = Kind::ALL
        .iter()
        .map(|&kind| {
            let mut c = KindCount {
                kind: kind.plural().into(),
                ..Default::default()
            };
            for r in map.records().filter(|r| r.kind() == kind) {
                c.records += 1;
                match r.meta().confidence {
                    Confidence::High => c.high += 1,
                    Confidence::Medium => c.medium += 1,
                    Confidence::Unverified => c.unverified += 1,
                }
            }
            total.records += c.records;
            total.high += c.high;
            total.medium += c.medium;
            total.unverified += c.unverified;
            c
        })
        .collect();
    CheckSummary {
        schema_version: SCHEMA_VERSION,
        data_reviewed: crate::answers::Reviewed::of(map),
        checked,
        overlays,
        files,
        kinds,
        total,
    }
}

/// Records by how long ago they were checked, oldest first; with
/// `reviewed_before`, only those checked before that date. `places` says
/// where each is defined (`roadmap check` gets it from the loader).
pub fn stale_records(
    map: &Roadmap,
    places: &[(String, String)],
    today: &str,
    reviewed_before: Option<&str>,
) -> StaleList {
    let day = |d: &str| d.parse::<jiff::civil::Date>().ok();
    let now = day(today);
    let place: std::collections::HashMap<&str, &str> = places
        .iter()
        .map(|(id, at)| (id.as_str(), at.as_str()))
        .collect();
    let mut records: Vec<StaleRecord> = map
        .records()
        .filter(|r| reviewed_before.is_none_or(|b| r.meta().reviewed.as_str() < b))
        .map(|r| {
            let m = r.meta();
            let age_days = match (day(&m.reviewed), now) {
                (Some(a), Some(b)) => (b - a).get_days().into(),
                _ => 0,
            };
            StaleRecord {
                id: m.id.to_string(),
                kind: r.kind().name().to_string(),
                title: m.title.to_string(),
                reviewed: m.reviewed.to_string(),
                age_days,
                review_by: m.review_by.as_ref().map(|d| d.to_string()),
                overdue: m.overdue_on(today),
                place: place
                    .get(m.id.as_str())
                    .copied()
                    .unwrap_or_default()
                    .to_string(),
            }
        })
        .collect();
    records.sort_by(|a, b| a.reviewed.cmp(&b.reviewed).then_with(|| a.id.cmp(&b.id)));
    StaleList {
        schema_version: SCHEMA_VERSION,
        data_reviewed: crate::answers::Reviewed::of(map),
        today: today.to_string(),
        reviewed_before: reviewed_before.map(str::to_string),
        records,
    }
}
