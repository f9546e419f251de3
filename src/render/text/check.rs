//! `roadmap check` on valid data: what was checked, and the records by kind
//! and confidence.

use super::table::table;
use crate::answers::{CheckSummary, StaleList};
use crate::render::listing;
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
        let mut out = format!(
            "{}{overlays}: valid. {} records in {} file{}, no problems found.\n\n",
            self.checked,
            self.total.records,
            self.files,
            if self.files == 1 { "" } else { "s" }
        );
        let l = listing::counts(self);
        out.push_str(&table(style, &l.header, l.rows, false));
        out
    }
}

impl Text for StaleList {
    fn text(&self, style: Style) -> String {
        let mut out = match &self.reviewed_before {
            Some(b) => format!(
                "Records last checked before {}, oldest first (today is {}): {}.\n\n",
                crate::words::long_date(b),
                crate::words::long_date(&self.today),
                self.records.len()
            ),
            None => format!(
                "Every record by when it was last checked against its sources, oldest first (today is {}).\n\n",
                crate::words::long_date(&self.today)
            ),
        };
        if self.records.is_empty() {
            out.push_str("None: every record was checked more recently.\n");
            return out;
        }
        let l = listing::stale(self);
        let rows = l
            .rows
            .iter()
            .map(|r| r.iter().map(|c| super::clean(c)).collect())
            .collect();
        out.push_str(&table(style, &l.header, rows, false));
        out
    }
}
