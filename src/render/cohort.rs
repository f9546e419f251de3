//! `roadmap cohort` as a web page (bar charts in inline SVG, accessible
//! tables, no scripts, nothing fetched) and as an Excel workbook, and the
//! empty staff sheet educators fill in (`--template`).

use crate::answers::{CohortReport, Count, Tally};
use crate::cohort::KEYS;
use crate::terminal::clean;
use maud::{Markup, html};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

const STYLE: &str = "body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:0;background:#f0f4f5}\
main{max-width:1100px;margin:0 auto;padding:24px;background:#fff}\
h1{color:#003087}h2{color:#005eb8;border-bottom:2px solid #005eb8;padding-bottom:4px;margin-top:2em}\
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:14px}\
caption{text-align:left;font-weight:bold;padding:4px 0}\
th,td{border:1px solid #d8dde0;padding:6px 8px;text-align:left;vertical-align:top}\
th{background:#e8edee}td.n{text-align:right}figure{margin:1em 0}\
.note{background:#fff9c4;padding:8px 12px;border-left:4px solid #ffb81c}\
@media print{main{max-width:none}h2{break-after:avoid}table,figure{break-inside:avoid}}";

fn t(s: &str) -> String {
    clean(s)
}

/// A horizontal bar chart: one labelled bar per row. Suppressed counts
/// are drawn as no bar, labelled "fewer than N".
fn bars(title: &str, rows: &[(String, Tally)]) -> Markup {
    let max = rows.iter().map(|r| r.1.n).max().unwrap_or(1).max(1) as f64;
    let row_h = 26.0;
    let label_w = 330.0;
    let bar_w = 520.0;
    let height = rows.len() as f64 * row_h + 10.0;
    let width = label_w + bar_w + 120.0;
    html! {
        figure {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={"0 0 " (width) " " (height)}
                width="100%" role="img" aria-label=(title) font-family="Arial, Helvetica, sans-serif" {
                title { (title) }
                @for (i, (label, n)) in rows.iter().enumerate() {
                    @let y = i as f64 * row_h + 5.0;
                    @let w = if n.hidden() { 0.0 } else { n.n as f64 / max * bar_w };
                    text x=(label_w - 8.0) y=(y + 17.0) text-anchor="end" font-size="13" fill="#212b32" {
                        title { (t(label)) }
                        (short(&t(label)))
                    }
                    rect x=(label_w) y=(y + 3.0) width=(format!("{w:.1}")) height=(row_h - 8.0) fill="#005eb8" {}
                    text x=(label_w + w + 6.0) y=(y + 17.0) font-size="13" fill="#212b32" { (n.shown()) }
                }
            }
            figcaption { (title) ". The table below gives the same numbers." }
        }
    }
}

/// A bar's label cut to fit its 330 units at 13px (about 48 characters),
/// at a word, with an ellipsis; the full label is the bar's tooltip and is
/// in the table below the chart.
fn short(label: &str) -> String {
    const MOST: usize = 48;
    if label.chars().count() <= MOST {
        return label.to_string();
    }
    let cut: String = label.chars().take(MOST - 1).collect();
    let at = cut
        .rfind(' ')
        .filter(|&i| i > MOST / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ' ']))
}

fn count_table(caption: &str, head: &str, c: &[Count]) -> Markup {
    html! {
        table {
            caption { (caption) }
            thead { tr { th scope="col" { (head) } th scope="col" { "People" } } }
            tbody { @for c in c { tr { th scope="row" { (t(&c.label)) } td.n { (c.people.shown()) } } } }
        }
    }
}

/// The analysis as one self-contained page.
pub fn page(r: &CohortReport) -> String {
    let csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    let dest_bars: Vec<(String, Tally)> = r
        .destinations
        .iter()
        .take(12)
        .map(|d| (format!("{} ({})", d.role.title, d.role.band_label()), d.now))
        .collect();
    let gap_bars: Vec<(String, Tally)> = r
        .gaps
        .iter()
        .take(10)
        .map(|g| (g.title.clone(), g.people))
        .collect();
    let commission_bars: Vec<(String, Tally)> = r
        .commission
        .iter()
        .take(10)
        .map(|c| (c.programme.title.to_string(), c.people))
        .collect();
    let body: Markup = html! {
            main {
                h1 { "Training-needs analysis: " (r.people) " people" }
                p { "Made on " (crate::words::long_date(&r.date)) ", from the national roadmap data. Each person's next steps are the ones their own plan would suggest." }
                @if let Some(n) = r.suppress_below {
                    p.note { "Counts under " (n) " are shown as \"fewer than " (n) "\", and no one is named." }
                }
                @if r.skipped > 0 { p.note { (r.skipped) " rows with problems were left out." } }
                h2 #people { "The team" }
                (count_table("People by band", "Band", &r.by_band))
                (count_table("People by role", "Role", &r.by_role))
                h2 #destinations { "Where people could move" }
                (bars("People who can apply now, by destination (in order of who can apply now or is one gap away)", &dest_bars))
                table {
                    caption { "For each destination: who can apply now, who is one gap away (and which gap), who is further" }
                    thead { tr {
                        th scope="col" { "Destination" } th scope="col" { "Band" } th scope="col" { "Can apply now" }
                        th scope="col" { "One gap away" } th scope="col" { "The gap" } th scope="col" { "Further" }
                    } }
                    tbody { @for d in &r.destinations { tr {
                        th scope="row" { (t(&d.role.title)) } td { (d.role.band_label()) }
                        td.n { (d.now.shown()) } td.n { (d.one_gap.shown()) }
                        td { @for (i, g) in d.one_gap_by.iter().enumerate() {
                            @if i > 0 { "; " } (t(&g.label)) " (" (g.people.shown()) ")" } }
                        td.n { (d.further.shown()) }
                    } } }
                }
                h2 #gaps { "Gaps that hold the most people back" }
                p { "Each person is counted once per gap, for the moves they said they want: toward their goal role, or any move up." }
                (bars("People held back by each gap", &gap_bars))
                table {
                    caption { "Each gap, how many people it holds back, and what closes it" }
                    thead { tr { th scope="col" { "Gap" } th scope="col" { "People" } th scope="col" { "What closes it" } } }
                    tbody { @for g in &r.gaps { tr {
                        th scope="row" { (t(&g.title)) } td.n { (g.people.shown()) }
                        td { @if g.close_with.is_empty() { "Nothing in the roadmap closes it." }
                            @for (i, c) in g.close_with.iter().take(4).enumerate() {
                            @if i > 0 { "; " }
                            @match &c.url {
                                Some(u) => { a href=(t(u)) { (t(&c.title)) } }
                                None => { (t(&c.title)) }
                            }
                            @if let Some(d) = &c.duration { " (" (d.words()) ")" }
                        } }
                    } } }
                }
                h2 #commission { "What to commission" }
                p { "Each programme, with how many people it would help toward a move they want (it closes at least one of their gaps), and how many it alone would make ready to apply." }
                (bars("People each programme would help", &commission_bars))
                table {
                    caption { "Programmes to commission" }
                    thead { tr { th scope="col" { "Programme" } th scope="col" { "Would help" } th scope="col" { "Would make ready" } th scope="col" { "Typical length" } } }
                    tbody { @for c in &r.commission { tr {
                        th scope="row" { (t(&c.programme.title)) } td.n { (c.people.shown()) } td.n { (c.makes_ready.shown()) }
                        td { @match &c.programme.duration { Some(d) => (d.words()), None => "not given by the sources" } }
                    } } }
                }
                h2 #goals { "What people want" }
                table {
                    caption { "Goals: how many want each, how many have a route the roadmap can plan, and how many can take its first step now" }
                    thead { tr { th scope="col" { "Goal" } th scope="col" { "People" } th scope="col" { "Have a route" } th scope="col" { "Can take the first step now" } } }
                    tbody {
                        @for g in &r.goals { tr {
                            th scope="row" { (t(&g.role.title)) } td.n { (g.people.shown()) }
                            td.n { (g.with_a_route.shown()) } td.n { (g.can_move_toward_now.shown()) }
                        } }
                        @if r.no_goal.n > 0 { tr { th scope="row" { "Not sure yet" } td.n { (r.no_goal.shown()) } td {} td {} } }
                    }
                }
                h2 #barriers { "What holds people back" }
                (count_table("Barriers people named", "Barrier", &r.barriers))
                @if !r.rows.is_empty() {
                    h2 #people-steps { "Each person's suggested next steps" }
                    table {
                        caption { "One row per person and next step" }
                        thead { tr {
                            th scope="col" { "Person" } th scope="col" { "Role" } th scope="col" { "Goal" }
                            th scope="col" { "Step" } th scope="col" { "Next step" } th scope="col" { "Length" }
                        } }
                        tbody { @for p in &r.rows { tr {
                            th scope="row" { (t(&p.person)) } td { (t(&p.role)) } td { (t(&p.goal)) }
                            td.n { (p.step) } td { (t(&p.next_step)) } td { (t(p.length.as_deref().unwrap_or(""))) }
                        } } }
                    }
                }
                p { (r.data_reviewed.sentence()) }
            }
    };
    super::html::document("Training-needs analysis", csp, STYLE, body)
}

/// The analysis as a workbook: a sheet each for the summary, the gaps,
/// what to commission, and one row per person and next step.
pub fn workbook(r: &CohortReport) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // Dated by the analysis, not the clock, so the same sheet on the same
    // day gives the same bytes.
    if let Ok(day) = rust_xlsxwriter::ExcelDateTime::parse_from_str(&r.date) {
        wb.set_properties(
            &rust_xlsxwriter::DocProperties::new()
                .set_title("Training-needs analysis")
                .set_creation_datetime(&day),
        );
    }
    let bold = Format::new().set_bold();
    {
        let s = wb.add_worksheet().set_name("Summary")?;
        s.write_string_with_format(0, 0, "Training-needs analysis", &bold)?;
        s.write_string(
            1,
            0,
            format!(
                "{} people, made on {}",
                r.people,
                crate::words::long_date(&r.date)
            ),
        )?;
        s.write_string(2, 0, r.data_reviewed.sentence())?;
        let mut row = 4;
        for (heading, counts) in [
            ("Band", &r.by_band),
            ("Role", &r.by_role),
            ("Barrier", &r.barriers),
        ] {
            s.write_string_with_format(row, 0, heading, &bold)?;
            s.write_string_with_format(row, 1, "People", &bold)?;
            row += 1;
            for c in counts {
                s.write_string(row, 0, &c.label)?;
                write_tally(s, row, 1, &c.people)?;
                row += 1;
            }
            row += 1;
        }
        s.write_string_with_format(row, 0, "Destination", &bold)?;
        for (i, h) in ["Band", "Can apply now", "One gap away", "Further"]
            .iter()
            .enumerate()
        {
            s.write_string_with_format(row, i as u16 + 1, *h, &bold)?;
        }
        row += 1;
        for d in &r.destinations {
            s.write_string(row, 0, d.role.title.as_str())?;
            s.write_string(row, 1, d.role.band_label())?;
            write_tally(s, row, 2, &d.now)?;
            write_tally(s, row, 3, &d.one_gap)?;
            write_tally(s, row, 4, &d.further)?;
            row += 1;
        }
        row += 1;
        s.write_string_with_format(row, 0, "Goal", &bold)?;
        for (i, h) in ["People", "Have a route", "Can take the first step now"]
            .iter()
            .enumerate()
        {
            s.write_string_with_format(row, i as u16 + 1, *h, &bold)?;
        }
        row += 1;
        for g in &r.goals {
            s.write_string(row, 0, g.role.title.as_str())?;
            write_tally(s, row, 1, &g.people)?;
            write_tally(s, row, 2, &g.with_a_route)?;
            write_tally(s, row, 3, &g.can_move_toward_now)?;
            row += 1;
        }
        s.set_column_width(0, 48)?;
    }
    {
        let s = wb.add_worksheet().set_name("Gaps")?;
        for (i, h) in ["Gap", "People", "What closes it"].iter().enumerate() {
            s.write_string_with_format(0, i as u16, *h, &bold)?;
        }
        for (i, g) in r.gaps.iter().enumerate() {
            let row = i as u32 + 1;
            s.write_string(row, 0, &g.title)?;
            write_tally(s, row, 1, &g.people)?;
            let how: Vec<String> = g
                .close_with
                .iter()
                .take(4)
                .map(|c| c.title.to_string())
                .collect();
            s.write_string(row, 2, how.join("; "))?;
        }
        s.set_column_width(0, 48)?;
        s.set_column_width(2, 80)?;
    }
    {
        let s = wb.add_worksheet().set_name("Commission")?;
        for (i, h) in [
            "Programme",
            "Would help",
            "Would make ready",
            "Typical length",
        ]
        .iter()
        .enumerate()
        {
            s.write_string_with_format(0, i as u16, *h, &bold)?;
        }
        for (i, c) in r.commission.iter().enumerate() {
            let row = i as u32 + 1;
            s.write_string(row, 0, c.programme.title.as_str())?;
            write_tally(s, row, 1, &c.people)?;
            write_tally(s, row, 2, &c.makes_ready)?;
            s.write_string(
                row,
                3,
                c.programme
                    .duration
                    .as_ref()
                    .map_or("not given".to_string(), |d| d.words()),
            )?;
        }
        s.set_column_width(0, 60)?;
    }
    {
        let s = wb.add_worksheet().set_name("People")?;
        let head = [
            "Person",
            "Row",
            "Role",
            "Band",
            "Goal",
            "Can apply now",
            "Step",
            "Next step",
            "Why",
            "Length",
        ];
        for (i, h) in head.iter().enumerate() {
            s.write_string_with_format(0, i as u16, *h, &bold)?;
        }
        if r.rows.is_empty() && r.suppress_below.is_some() {
            s.write_string(
                1,
                0,
                "Left out: this report counts under --suppress-below and names no one.",
            )?;
        }
        for (i, p) in r.rows.iter().enumerate() {
            let row = i as u32 + 1;
            s.write_string(row, 0, &p.person)?;
            s.write_number(row, 1, p.row as f64)?;
            s.write_string(row, 2, &p.role)?;
            s.write_string(row, 3, &p.band)?;
            s.write_string(row, 4, &p.goal)?;
            s.write_number(row, 5, p.can_apply_now as f64)?;
            s.write_number(row, 6, p.step as f64)?;
            s.write_string(row, 7, &p.next_step)?;
            s.write_string(row, 8, &p.why)?;
            s.write_string(row, 9, p.length.as_deref().unwrap_or(""))?;
        }
        s.set_column_width(7, 60)?;
    }
    wb.save_to_buffer()
}

/// A count as a number cell, or as "fewer than N" when suppressed.
fn write_tally(
    s: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    t: &Tally,
) -> Result<(), XlsxError> {
    if t.hidden() {
        s.write_string(row, col, t.shown())?;
    } else {
        s.write_number(row, col, t.n as f64)?;
    }
    Ok(())
}

/// What each staff-list column holds, for the template and its notes.
pub const COLUMN_NOTES: &[(&str, &str)] = &[
    ("person", "A name or staff number (optional)."),
    (
        "role",
        "A band (\"band 3\", \"Band 3\", \"AfC Band 3\"), a role id, or what people call it (\"senior HCA\"). See: roadmap roles",
    ),
    ("band", "A band, used as the role when the role is empty."),
    (
        "setting",
        "acute, ahp-services, childrens-services, community, learning-disability, mental-health, midwifery, primary-care, ambulance-service",
    ),
    ("english", "not-said, none, entry, level-1, level-2, higher"),
    ("english-how", "gcse, functional-skills, other, not-sure"),
    ("maths", "not-said, none, entry, level-1, level-2, higher"),
    ("maths-how", "gcse, functional-skills, other, not-sure"),
    (
        "digital",
        "not-said, find-it-hard, everyday, confident, qualification",
    ),
    ("care-certificate", "yes or no"),
    (
        "qualifications",
        "Any of: level-2-diploma; level-3-diploma; a-levels; level-5; degree (separate with ;)",
    ),
    ("goal", "not-sure, grow-in-role, move-up, registered"),
    (
        "goal-role",
        "With goal = registered: the role, e.g. registered-nurse, midwife, physiotherapist",
    ),
    (
        "interests-settings",
        "Settings of interest, separated with ;",
    ),
    (
        "interests-families",
        "Families of interest (nursing; midwifery; ahp; …), separated with ;",
    ),
    ("earn-while-learning", "yes or no"),
    (
        "study-hours",
        "none, up-to-2, 2-to-6, more-than-6, not-sure",
    ),
    ("manager-supports", "yes, no, not-sure, not-asked"),
    (
        "barriers",
        "Barrier ids separated with ;: not-released-for-training; no-reliable-information; no-one-to-talk-to; functional-skills-support; limited-training-places; justifying-training",
    ),
    (
        "confidence-skills-for-life",
        "1 (not confident) to 5 (very confident)",
    ),
    ("confidence-personal-skills", "1 to 5"),
    ("confidence-technical-skills", "1 to 5"),
    ("confidence-career-progression", "1 to 5"),
];

/// One table of the analysis, as CSV files and the Markdown report share
/// it.
pub struct Table {
    /// The CSV file's name under `-o DIR`.
    pub file: &'static str,
    pub heading: &'static str,
    /// What the counts mean, when the heading does not say.
    pub note: Option<&'static str>,
    /// The first column is an id, for scripts: left out where people read.
    pub id_first: bool,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

const WANTED: &str = "Each person is counted once per gap, for the moves they said they want: toward their goal role, or any move up.";
const COMMISSION: &str = "Each programme, with how many people it would help toward a move they want (it closes at least one of their gaps), and how many it alone would make ready to apply.";

/// Every table of the analysis, the per-person one last.
pub fn tables(r: &CohortReport) -> Vec<Table> {
    let counts = |file, heading, head, c: &[Count]| Table {
        file,
        heading,
        note: None,
        id_first: true,
        header: vec!["id", head, "people"],
        rows: c
            .iter()
            .map(|c| vec![c.id.clone(), c.label.clone(), c.people.shown()])
            .collect(),
    };
    let length = |d: &Option<crate::answers::DurationOut>| {
        d.as_ref().map_or("not given".to_string(), |d| d.words())
    };
    vec![
        counts("bands.csv", "People by band", "band", &r.by_band),
        counts("roles.csv", "People by role", "role", &r.by_role),
        Table {
            file: "destinations.csv",
            heading: "Where people could move",
            note: None,
            id_first: true,
            header: vec![
                "id",
                "destination",
                "band",
                "can apply now",
                "one gap away",
                "the gap",
                "further",
            ],
            rows: r
                .destinations
                .iter()
                .map(|d| {
                    vec![
                        d.role.id.to_string(),
                        d.role.title.to_string(),
                        d.role.band_label(),
                        d.now.shown(),
                        d.one_gap.shown(),
                        d.one_gap_by
                            .iter()
                            .map(|g| format!("{} ({})", g.label, g.people.shown()))
                            .collect::<Vec<_>>()
                            .join("; "),
                        d.further.shown(),
                    ]
                })
                .collect(),
        },
        Table {
            file: "gaps.csv",
            heading: "Gaps that hold the most people back",
            note: Some(WANTED),
            id_first: true,
            header: vec!["requirement", "gap", "people", "what closes it"],
            rows: r
                .gaps
                .iter()
                .map(|g| {
                    vec![
                        g.requirement.clone(),
                        g.title.clone(),
                        g.people.shown(),
                        if g.close_with.is_empty() {
                            "nothing in the roadmap".to_string()
                        } else {
                            g.close_with
                                .iter()
                                .take(4)
                                .map(super::phrases::closer_text)
                                .collect::<Vec<_>>()
                                .join("; ")
                        },
                    ]
                })
                .collect(),
        },
        Table {
            file: "commission.csv",
            heading: "What to commission",
            note: Some(COMMISSION),
            id_first: true,
            header: vec![
                "id",
                "programme",
                "would help",
                "would make ready",
                "typical length",
            ],
            rows: r
                .commission
                .iter()
                .map(|c| {
                    vec![
                        c.programme.id.to_string(),
                        c.programme.title.to_string(),
                        c.people.shown(),
                        c.makes_ready.shown(),
                        length(&c.programme.duration),
                    ]
                })
                .collect(),
        },
        Table {
            file: "goals.csv",
            heading: "What people want",
            note: None,
            id_first: true,
            header: vec![
                "id",
                "goal",
                "people",
                "have a route",
                "can take the first step now",
            ],
            rows: r
                .goals
                .iter()
                .map(|g| {
                    vec![
                        g.role.id.to_string(),
                        g.role.title.to_string(),
                        g.people.shown(),
                        g.with_a_route.shown(),
                        g.can_move_toward_now.shown(),
                    ]
                })
                .chain((r.no_goal.n > 0).then(|| {
                    vec![
                        "not-sure".into(),
                        "Not sure yet".into(),
                        r.no_goal.shown(),
                        String::new(),
                        String::new(),
                    ]
                }))
                .collect(),
        },
        counts(
            "barriers.csv",
            "What holds people back",
            "barrier",
            &r.barriers,
        ),
        Table {
            file: "people.csv",
            heading: "Each person's suggested next steps",
            note: None,
            id_first: false,
            header: vec![
                "person",
                "row",
                "role",
                "band",
                "goal",
                "can apply now",
                "step",
                "next step",
                "why",
                "length",
            ],
            rows: r
                .rows
                .iter()
                .map(|p| {
                    vec![
                        p.person.clone(),
                        p.row.to_string(),
                        p.role.clone(),
                        p.band.clone(),
                        p.goal.clone(),
                        p.can_apply_now.to_string(),
                        p.step.to_string(),
                        p.next_step.clone(),
                        p.why.clone(),
                        p.length.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        },
    ]
}

/// The empty staff sheet as CSV: the header row.
pub fn template_csv() -> String {
    super::csv::csv_rows(KEYS, &[])
}

/// The empty staff sheet as a workbook, with a second sheet explaining the
/// allowed values of each column.
pub fn template_xlsx() -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    {
        let s = wb.add_worksheet().set_name("Staff")?;
        for (i, k) in KEYS.iter().enumerate() {
            s.write_string_with_format(0, i as u16, *k, &bold)?;
            s.set_column_width(i as u16, 18)?;
        }
    }
    {
        let s = wb.add_worksheet().set_name("Allowed values")?;
        s.write_string_with_format(0, 0, "Column", &bold)?;
        s.write_string_with_format(0, 1, "What to write", &bold)?;
        for (i, (k, note)) in COLUMN_NOTES.iter().enumerate() {
            s.write_string(i as u32 + 1, 0, *k)?;
            s.write_string(i as u32 + 1, 1, *note)?;
        }
        s.set_column_width(0, 32)?;
        s.set_column_width(1, 110)?;
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_note() {
        let noted: Vec<&str> = COLUMN_NOTES.iter().map(|(k, _)| *k).collect();
        assert_eq!(noted, KEYS);
    }
}
