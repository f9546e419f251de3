//! What `roadmap check` reports of valid data.

use crate::SCHEMA_VERSION;
use crate::answers::{CheckSummary, KindCount};
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
        checked,
        overlays,
        files,
        kinds,
        total,
    }
}
