//! CSV for spreadsheets: RFC 4180, one row per thing a spreadsheet user
//! would count or filter, and no cell a spreadsheet would run as a formula.

use super::phrases::status_word;
use super::{Csv, listing};
use crate::answers::{
    Action, AreaList, CheckSummary, CohortReport, ExportDoc, NextSteps, RecordView, RolesList,
    Routes, SearchResults, StaleList,
};

/// RFC 4180 CSV. Cells that a spreadsheet would run as a formula are
/// prefixed with `'`, so data can never execute in someone's spreadsheet.
pub fn csv_rows(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut sheet = Sheet::new(header);
    for r in rows {
        sheet.row(r);
    }
    sheet.finish()
}

/// CSV written a row at a time, so a million-row export never holds its
/// rows twice.
pub struct Sheet(csv::Writer<Vec<u8>>);

impl Sheet {
    pub fn new(header: &[&str]) -> Sheet {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        // Writing to a Vec cannot fail.
        let _ = w.write_record(header);
        Sheet(w)
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        let _ = self
            .0
            .write_record(cells.iter().map(|c| spreadsheet_safe(c.as_ref())));
    }

    pub fn finish(self) -> String {
        String::from_utf8(self.0.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

/// A CSV cell that is safe in a spreadsheet and on a terminal: control
/// characters are replaced, and a leading formula character is quoted.
pub fn spreadsheet_safe(c: &str) -> String {
    let c = crate::terminal::printable(c);
    match c.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => format!("'{c}"),
        // A negative number stays a number; anything else starting with
        // '-' (such as `-2+3+cmd|...`) could be read as a formula.
        Some('-') if c.len() > 1 && !is_plain_number(&c[1..]) => format!("'{c}"),
        _ => c,
    }
}

/// Digits with at most one decimal point, and nothing else.
fn is_plain_number(s: &str) -> bool {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// One row per way of making each move.
impl Csv for NextSteps {
    fn csv(&self) -> String {
        let ns = self;
        let mut rows = Vec::new();
        for st in &ns.steps {
            for o in &st.options {
                let p = o.programme.as_ref();
                rows.push(vec![
                    ns.from.id.to_string(),
                    st.to.id.to_string(),
                    st.to.title.to_string(),
                    st.to.band_label(),
                    format!("{:?}", st.kind).to_lowercase(),
                    p.map_or("apply for a post".into(), |p| p.title.to_string()),
                    p.and_then(|p| p.level)
                        .map_or(String::new(), |l| l.to_string()),
                    p.and_then(|p| p.standard.as_deref())
                        .unwrap_or_default()
                        .to_string(),
                    p.and_then(|p| p.duration.as_ref())
                        .map_or(String::new(), |d| d.label.clone()),
                    if o.ready { "yes".into() } else { "no".into() },
                    o.checks
                        .iter()
                        .map(|c| format!("{}: {}", status_word(c.status), c.title))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]);
            }
        }
        csv_rows(
            &[
                "from",
                "to",
                "to_title",
                "band",
                "kind",
                "via",
                "level",
                "standard",
                "duration",
                "ready",
                "requirements",
            ],
            &rows,
        )
    }
}

impl Csv for Routes {
    fn csv(&self) -> String {
        let r = self;
        let mut rows = Vec::new();
        for route in &r.routes {
            for (i, st) in route.steps.iter().enumerate() {
                rows.push(vec![
                    route.rank.to_string(),
                    (i + 1).to_string(),
                    match st.action {
                        Action::CloseGap => "close-gap".into(),
                        Action::Move => "move".into(),
                    },
                    st.from.id.to_string(),
                    st.to.id.to_string(),
                    st.programme
                        .as_ref()
                        .map_or("apply for a post".into(), |p| p.title.to_string()),
                    st.programme
                        .as_ref()
                        .and_then(|p| p.duration.as_ref())
                        .map_or(String::new(), |d| d.label.clone()),
                    format!("{}", st.cumulative.min),
                    format!("{}", st.cumulative.max),
                    route.total.label.clone(),
                ]);
            }
        }
        csv_rows(
            &[
                "route",
                "step",
                "action",
                "from",
                "to",
                "via",
                "duration",
                "cumulative_min_months",
                "cumulative_max_months",
                "route_total",
            ],
            &rows,
        )
    }
}

/// One row per pathway step: each `from` role, each programme it can go via.
/// One row per way of making each move, with titles and bands beside ids
/// so a spreadsheet reads without looking anything up.
impl Csv for ExportDoc<'_> {
    fn csv(&self) -> String {
        let (map, s) = (self.map, &self.records);
        let mut sheet = Sheet::new(&[
            "pathway",
            "from",
            "from_title",
            "from_band",
            "to",
            "to_title",
            "to_band",
            "via",
            "via_title",
            "kind",
            "level",
            "standard",
            "duration_min",
            "duration_max",
            "duration_unit",
            "entry_requirements",
            "sources",
        ]);
        let role = |id: &str| match map.role(id) {
            Some(r) => (r.meta.title.to_string(), r.band.to_string()),
            None => (map.title_of(id).to_string(), String::new()),
        };
        for p in &s.pathways {
            let vias = map.via_options(p);
            let sources: Vec<String> = p
                .meta
                .sources
                .iter()
                .map(|x| map.source_title(x).to_string())
                .collect();
            let sources = sources.join("; ");
            for from in &p.from {
                let to = p.destination(from);
                let (from_title, from_band) = role(from);
                let (to_title, to_band) = role(to);
                for g in &vias {
                    let d = g.and_then(|g| g.duration.as_ref());
                    sheet.row(&[
                        p.meta.id.to_string(),
                        from.to_string(),
                        from_title.clone(),
                        from_band.clone(),
                        to.to_string(),
                        to_title.clone(),
                        to_band.clone(),
                        g.map_or(String::new(), |g| g.meta.id.to_string()),
                        g.map_or("apply for a post".into(), |g| g.meta.title.to_string()),
                        p.kind.as_str().into(),
                        g.and_then(|g| g.level)
                            .map_or(String::new(), |l| l.to_string()),
                        g.and_then(|g| g.standard.as_deref())
                            .unwrap_or_default()
                            .to_string(),
                        d.map_or(String::new(), |d| d.min.to_string()),
                        d.map_or(String::new(), |d| d.max.to_string()),
                        d.map_or(String::new(), |d| format!("{:?}", d.unit).to_lowercase()),
                        map.entry_words(p, *g),
                        sources.clone(),
                    ]);
                }
            }
        }
        sheet.finish()
    }
}

impl Csv for RolesList {
    fn csv(&self) -> String {
        let l = listing::roles(self);
        csv_rows(&l.header, &l.rows)
    }
}

impl Csv for AreaList<'_> {
    fn csv(&self) -> String {
        let l = listing::areas(self);
        csv_rows(&l.header, &l.rows)
    }
}

impl Csv for SearchResults {
    fn csv(&self) -> String {
        let l = listing::search(self);
        csv_rows(&l.header, &l.rows)
    }
}

impl Csv for RecordView {
    fn csv(&self) -> String {
        let l = listing::record(self);
        csv_rows(&l.header, &l.rows)
    }
}

impl Csv for StaleList {
    fn csv(&self) -> String {
        let l = listing::stale(self);
        csv_rows(&l.header, &l.rows)
    }
}

impl Csv for CheckSummary {
    fn csv(&self) -> String {
        let l = listing::counts(self);
        csv_rows(&l.header, &l.rows)
    }
}

/// One row per person and suggested next step.
impl Csv for CohortReport {
    fn csv(&self) -> String {
        cohort_tables(self)
            .into_iter()
            .find(|(file, _)| *file == "people.csv")
            .map(|(_, text)| text)
            .unwrap_or_default()
    }
}

/// The analysis as several CSV files, one per table, for `-o DIR`:
/// (file name, contents). `people.csv` is the same as `--format csv`.
/// Headers are the Markdown report's, in snake case.
pub fn cohort_tables(r: &CohortReport) -> Vec<(&'static str, String)> {
    super::cohort::tables(r)
        .into_iter()
        .map(|t| {
            let header: Vec<String> = t.header.iter().map(|h| h.replace(' ', "_")).collect();
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            (t.file, csv_rows(&header, &t.rows))
        })
        .collect()
}
