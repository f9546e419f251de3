//! `roadmap cohort` for the educator at a terminal: a summary that fits
//! one screen. The rest is in the other formats (`--format`, `-o`).

use super::{clean, heading, wrap};
use crate::answers::{CohortReport, Count};
use crate::render::{Style, Text};

/// "band 3: 12; band 2: 9".
fn counts(c: &[Count], most: usize) -> String {
    let mut parts: Vec<String> = c
        .iter()
        .take(most)
        .map(|c| format!("{}: {}", clean(&c.label), c.people.shown()))
        .collect();
    if c.len() > most {
        parts.push(format!("and {} more", c.len() - most));
    }
    parts.join("; ")
}

impl Text for CohortReport {
    fn text(&self, style: Style) -> String {
        let w = style.width as usize;
        let mut s = heading(
            style,
            &format!(
                "Training-needs analysis: {} {}",
                self.people,
                if self.people == 1 { "person" } else { "people" }
            ),
        );
        if self.skipped > 0 {
            s.push_str(&wrap(
                &format!(
                    "{} rows with problems were left out (--skip-bad).",
                    self.skipped
                ),
                w,
                "",
                "",
            ));
        }
        if let Some(n) = self.suppress_below {
            s.push_str(&wrap(
                &format!("Counts under {n} are shown as \"fewer than {n}\", and no one is named."),
                w,
                "",
                "",
            ));
        }
        s.push_str(&wrap(
            &format!("By band: {}.", counts(&self.by_band, 9)),
            w,
            "",
            "  ",
        ));
        s.push_str(&wrap(
            &format!("By role: {}.", counts(&self.by_role, 6)),
            w,
            "",
            "  ",
        ));
        s.push('\n');
        s.push_str(&heading(
            style,
            "Where people could move (can apply now / one gap away / further)",
        ));
        for d in self.destinations.iter().take(8) {
            let gap = d.one_gap_by.first().map_or(String::new(), |g| {
                let mostly = if d.one_gap_by.len() > 1 {
                    "mostly "
                } else {
                    ""
                };
                format!(" ({mostly}{})", clean(&g.label))
            });
            s.push_str(&wrap(
                &format!(
                    "{} ({}): {} / {}{gap} / {}",
                    clean(&d.role.title),
                    d.role.band_label(),
                    d.now.shown(),
                    d.one_gap.shown(),
                    d.further.shown()
                ),
                w,
                "  ",
                "    ",
            ));
        }
        s.push('\n');
        s.push_str(&heading(
            style,
            "Gaps that hold the most people back (from the moves they want)",
        ));
        if self.gaps.is_empty() {
            s.push_str("  None: everyone can apply for a move they want, or has not said where they want to go.\n");
        }
        for g in self.gaps.iter().take(5) {
            let how: Vec<String> = g
                .close_with
                .iter()
                .take(2)
                .map(|c| match &c.duration {
                    Some(d) => format!("{} ({})", clean(&c.title), d.words()),
                    None => clean(&c.title),
                })
                .collect();
            let how = if how.is_empty() {
                "nothing in the roadmap closes it".to_string()
            } else {
                format!("close with: {}", how.join("; "))
            };
            s.push_str(&wrap(
                &format!("{}: {}; {how}", clean(&g.title), g.people.people()),
                w,
                "  ",
                "    ",
            ));
        }
        s.push('\n');
        s.push_str(&heading(
            style,
            "What to commission (people it would help / would make ready for a move they want)",
        ));
        if self.commission.is_empty() {
            s.push_str("  Nothing stands out: no programme closes a gap on a move people want.\n");
        }
        for c in self.commission.iter().take(5) {
            let time = c
                .programme
                .duration
                .as_ref()
                .map_or("length not given".to_string(), |d| d.words());
            s.push_str(&wrap(
                &format!(
                    "{}: {} / {} ({time})",
                    clean(&c.programme.title),
                    c.people.shown(),
                    c.makes_ready.shown()
                ),
                w,
                "  ",
                "    ",
            ));
        }
        s.push('\n');
        s.push_str(&heading(
            style,
            "What people want (want it / have a route / can take the first step now)",
        ));
        for g in self.goals.iter().take(5) {
            s.push_str(&wrap(
                &format!(
                    "{}: {} / {} / {}",
                    clean(&g.role.title),
                    g.people.shown(),
                    g.with_a_route.shown(),
                    g.can_move_toward_now.shown()
                ),
                w,
                "  ",
                "    ",
            ));
        }
        if self.no_goal.n > 0 {
            s.push_str(&wrap(
                &format!("Not sure yet: {}", self.no_goal.shown()),
                w,
                "  ",
                "    ",
            ));
        }
        if !self.barriers.is_empty() {
            s.push('\n');
            s.push_str(&wrap(
                &format!("What holds people back: {}.", counts(&self.barriers, 6)),
                w,
                "",
                "  ",
            ));
        }
        s.push_str(&wrap(
            "\nEverything, with each person's next steps: --format json, csv, markdown or html, or -o report.xlsx.",
            w,
            "",
            "",
        ));
        s
    }
}
