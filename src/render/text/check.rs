//! `roadmap check` on valid data: what was checked, and the records by kind
//! and confidence.

use super::table::table;
use crate::answers::{CheckSummary, KindCount};
use crate::render::{Style, Text};

impl Text for CheckSummary {
    fn text(&self, style: Style) -> String {
        let overlays = match self.overlays.len() {
            0 => String::new(),
            n => format!(
                " with {n} overlay{} ({})",
                if n == 1 { "" } else { "s" },
                self.overlays.join(", ")
            ),
        };
        let row = |c: &KindCount| {
            vec![
                c.kind.clone(),
                c.records.to_string(),
                c.high.to_string(),
                c.medium.to_string(),
                c.unverified.to_string(),
            ]
        };
        let rows = self
            .kinds
            .iter()
            .chain(std::iter::once(&self.total))
            .map(row)
            .collect();
        let mut out = format!(
            "{}{overlays}: valid. {} records in {} file{}, no problems found.\n\n",
            self.checked,
            self.total.records,
            self.files,
            if self.files == 1 { "" } else { "s" }
        );
        out.push_str(&table(
            style,
            &["kind", "records", "high confidence", "medium", "unverified"],
            rows,
            false,
        ));
        out
    }
}
