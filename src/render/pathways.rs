//! Reports for `roadmap pathways`: next steps and planned routes, as plain
//! text for a person, Markdown for a document, or CSV for a spreadsheet.

use super::Style;
use super::listing::{csv_rows, md_cell};
use super::text::{clean, wrap};
use crate::engine::results::{
    Action, Check, Closer, NextSteps, RoleRef, Routes, Status, ViaOption,
};
use crate::model::{PathwayKind, Text};

fn role_line(r: &RoleRef) -> String {
    let mut s = format!("{} ({}", clean(&r.title), r.band_label());
    if let Some(reg) = &r.regulator {
        s.push_str(&format!(", registered with the {reg}"));
    }
    s.push(')');
    s
}

/// A heading, wrapped to the width, bold only when colour is on.
fn heading(style: Style, text: &str) -> String {
    let wrapped = wrap(text, style.width as usize, "", "  ");
    if style.color {
        wrapped
            .lines()
            .map(|l| format!("\x1b[1m{l}\x1b[0m\n"))
            .collect()
    } else {
        wrapped
    }
}

fn closer_text(c: &Closer) -> String {
    let mut s = clean(&c.title);
    if let Some(d) = &c.duration {
        s.push_str(&format!(" ({})", d.label));
    }
    s
}

fn via_text(o: &ViaOption) -> String {
    match &o.programme {
        None => "apply for a post".to_string(),
        Some(p) => {
            let mut facts = vec![p.kind.clone()];
            if let Some(l) = p.level {
                facts.push(if l == 0 {
                    "Entry level".into()
                } else {
                    format!("Level {l}")
                });
            }
            if let Some(st) = &p.standard {
                facts.push(st.to_string());
            }
            facts.push(match &p.duration {
                Some(d) => format!("typically {}", d.label),
                None => "length not given by the sources".into(),
            });
            format!("{} ({})", clean(&p.title), facts.join(", "))
        }
    }
}

/// One line per requirement: what the person has, needs, or someone decides.
fn check_lines(c: &Check, w: usize) -> String {
    let (mark, lead) = match c.status {
        Status::Met => ("  ✓ ", "you have:"),
        Status::Missing => ("  ✗ ", "you need:"),
        Status::Decides => ("  ? ", "someone decides:"),
        Status::UsuallyAsked => ("  ~ ", "usually asked for:"),
    };
    let mut text = format!("{lead} {}", clean(&c.title));
    if let Some(d) = c.decided_by {
        text = format!("{} ({})", clean(&c.title), d.label());
        text = format!("{lead} {text}");
    }
    let mut s = wrap(&text, w, &format!("      {mark}"), "          ");
    if !c.close_with.is_empty() {
        let list: Vec<String> = c.close_with.iter().take(4).map(closer_text).collect();
        s.push_str(&wrap(
            &format!("how to get it: {}", list.join("; ")),
            w,
            "            ",
            "              ",
        ));
    }
    s
}

/// One entry of the next-steps report: one or more destinations reached
/// in exactly the same way.
struct Entry {
    kind: PathwayKind,
    key: Text,
    titles: Vec<String>,
    band: String,
    ready: bool,
    body: String,
    notes: Vec<Text>,
}

/// Groups next steps for reading: one entry per destination (several
/// pathways may lead there), then destinations reached in exactly the same
/// way share one entry, so eleven professions do not repeat one block.
fn group_steps(ns: &NextSteps, w: usize) -> Vec<Entry> {
    let mut by_dest: Vec<Entry> = Vec::new();
    for step in &ns.steps {
        let stay = step.kind == PathwayKind::StayAndDevelop;
        let key = if stay {
            step.pathway.clone()
        } else {
            step.to.id.clone()
        };
        let known = by_dest.iter().any(|e| e.kind == step.kind && e.key == key);
        let mut body = String::new();
        for (i, o) in step.options.iter().enumerate() {
            let lead = if i == 0 && !known { "via" } else { "or via" };
            body.push_str(&wrap(
                &format!("{lead} {}", via_text(o)),
                w,
                "    ",
                "      ",
            ));
            for c in &o.checks {
                body.push_str(&check_lines(c, w));
            }
        }
        match by_dest
            .iter_mut()
            .find(|e| e.kind == step.kind && e.key == key)
        {
            Some(e) => {
                e.ready |= step.ready;
                e.body.push_str(&body);
                for n in &step.notes {
                    if !e.notes.contains(n) {
                        e.notes.push(n.clone());
                    }
                }
            }
            None => {
                let band = if stay {
                    String::new()
                } else {
                    let mut b = format!(" ({}", step.to.band_label());
                    if let Some(reg) = &step.to.regulator {
                        b.push_str(&format!(", registered with the {reg}"));
                    }
                    b + ")"
                };
                by_dest.push(Entry {
                    kind: step.kind,
                    key,
                    titles: vec![clean(if stay { &step.title } else { &step.to.title })],
                    band,
                    ready: step.ready,
                    body,
                    notes: step.notes.clone(),
                });
            }
        }
    }
    let mut merged: Vec<Entry> = Vec::new();
    for e in by_dest {
        let same = |m: &&mut Entry| {
            e.kind != PathwayKind::StayAndDevelop
                && m.kind == e.kind
                && m.band == e.band
                && m.body == e.body
                && m.notes == e.notes
        };
        match merged.iter_mut().find(same) {
            Some(m) => m.titles.extend(e.titles),
            None => merged.push(e),
        }
    }
    merged
}

/// The plain-text report of next steps.
pub fn next_steps_text(ns: &NextSteps, style: Style) -> String {
    let w = style.width as usize;
    let mut s = String::new();
    s.push_str(&heading(
        style,
        &format!("Where you can go from: {}", role_line(&ns.from)),
    ));
    if let Some(b) = ns.band
        && !ns.also_at_band.is_empty()
    {
        let others: Vec<&str> = ns.also_at_band.iter().map(|r| r.id.as_str()).collect();
        s.push_str(&wrap(
            &format!("You said band {b}, so this shows {}. Other roles that can be band {b}: {}. To see theirs, use --from with one of these.", clean(&ns.from.title), others.join(", ")),
            w, "", "",
        ));
    }
    if ns.holding.is_empty() {
        s.push_str(&wrap(
            "You have not said what you hold, so every entry requirement shows as needed. Add --have, for example --have gcse-maths,gcse-english,care-certificate.",
            w, "", "",
        ));
    } else {
        let held: Vec<String> = ns.holding.iter().map(|h| clean(&h.title)).collect();
        s.push_str(&wrap(
            &format!("You have: {}.", held.join("; ")),
            w,
            "",
            "  ",
        ));
    }
    if ns.steps.is_empty() {
        s.push_str(
            "\nNo pathways lead on from here in the roadmap (or none match your filters).\n",
        );
        return s;
    }
    let mut kind = None;
    for (n, e) in group_steps(ns, w).iter().enumerate() {
        if kind != Some(e.kind) {
            kind = Some(e.kind);
            s.push('\n');
            s.push_str(&heading(
                style,
                match e.kind {
                    PathwayKind::Progression => "Move up",
                    PathwayKind::Lateral => "Move across",
                    PathwayKind::StayAndDevelop => "Grow in your current role",
                },
            ));
        }
        let state = if e.ready {
            "you can start now"
        } else {
            "you have gaps to close first"
        };
        let names = super::text::and_list(&e.titles);
        s.push_str(&wrap(
            &format!("{}. {names}{}: {state}", n + 1, e.band),
            w,
            "  ",
            "     ",
        ));
        s.push_str(&e.body);
        for note in &e.notes {
            s.push_str(&wrap(
                &format!("Note: {}", clean(note)),
                w,
                "    ",
                "      ",
            ));
        }
    }
    s.push_str(&wrap(
        "\nRoutes to a goal, with total time: roadmap pathways --from ... --to ROLE. Details of anything: roadmap show ID.",
        w, "", "",
    ));
    s
}

/// The plain-text report of routes to a goal.
pub fn routes_text(r: &Routes, style: Style) -> String {
    let w = style.width as usize;
    let mut s = heading(
        style,
        &format!("Routes from {} to {}", role_line(&r.from), role_line(&r.to)),
    );
    if r.holding.is_empty() {
        s.push_str(&wrap("You have not said what you hold (--have), so routes include closing every entry requirement.", w, "", ""));
    } else {
        let held: Vec<String> = r.holding.iter().map(|h| clean(&h.title)).collect();
        s.push_str(&wrap(
            &format!("You have: {}.", held.join("; ")),
            w,
            "",
            "  ",
        ));
    }
    if r.routes.is_empty() {
        s.push_str(&wrap(
            "\nNo route found in the roadmap. The goal may need something no programme here gives (such as a degree), or no pathway leads there from this role. Try `roadmap show` on the goal to see what leads to it.",
            w, "", "",
        ));
        return s;
    }
    for route in &r.routes {
        s.push('\n');
        s.push_str(&heading(
            style,
            &format!(
                "Route {}: {}",
                route.rank,
                super::text::total_words(&route.total.label)
            ),
        ));
        for (i, st) in route.steps.iter().enumerate() {
            let what = match (st.action, &st.programme) {
                (Action::CloseGap, Some(p)) => format!(
                    "Get {} first: {}",
                    st.closes
                        .iter()
                        .map(|c| clean(&c.title))
                        .collect::<Vec<_>>()
                        .join(", "),
                    clean(&p.title)
                ),
                (Action::Move, Some(p)) => {
                    format!("Become {} via {}", role_line(&st.to), clean(&p.title))
                }
                (_, None) => format!("Apply for a post as {}", role_line(&st.to)),
            };
            let time = match st.programme.as_ref().and_then(|p| p.duration.as_ref()) {
                Some(d) => format!(" ({}; {} so far)", d.label, st.cumulative.label),
                None => String::new(),
            };
            s.push_str(&wrap(&format!("{}. {what}{time}", i + 1), w, "  ", "     "));
            if !st.decided.is_empty() {
                let d: Vec<String> = st.decided.iter().map(|x| clean(&x.title)).collect();
                s.push_str(&wrap(
                    &format!("Someone else decides: {}.", d.join("; ")),
                    w,
                    "     ",
                    "     ",
                ));
            }
            if !st.usually_missing.is_empty() {
                let d: Vec<String> = st.usually_missing.iter().map(|x| clean(&x.title)).collect();
                s.push_str(&wrap(
                    &format!(
                        "Usually asked for, and you do not have it yet: {}.",
                        d.join("; ")
                    ),
                    w,
                    "     ",
                    "     ",
                ));
            }
            for n in &st.notes {
                s.push_str(&wrap(&format!("Note: {}", clean(n)), w, "     ", "       "));
            }
        }
        if route.steps_without_duration > 0 {
            s.push_str(&wrap(
                &match route.steps_without_duration {
                    1 => "The total is a minimum: 1 step has no typical length in the sources."
                        .to_string(),
                    n => format!(
                        "The total is a minimum: {n} steps have no typical length in the sources."
                    ),
                },
                w,
                "  ",
                "  ",
            ));
        }
    }
    s.push_str(&wrap("\nTimes assume one step after another, full programme lengths, and no credit for prior learning.", w, "", ""));
    s
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Met => "have",
        Status::Missing => "need",
        Status::Decides => "someone decides",
        Status::UsuallyAsked => "usually asked",
    }
}

/// One row per way of making each move.
pub fn next_steps_csv(ns: &NextSteps) -> String {
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

pub fn routes_csv(r: &Routes) -> String {
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

pub fn next_steps_markdown(ns: &NextSteps) -> String {
    let mut s = format!(
        "# Where you can go from: {}\n\n",
        md_cell(&role_line(&ns.from))
    );
    if !ns.holding.is_empty() {
        let held: Vec<String> = ns.holding.iter().map(|h| md_cell(&h.title)).collect();
        s.push_str(&format!("You have: {}.\n\n", held.join("; ")));
    }
    for st in &ns.steps {
        s.push_str(&format!(
            "## {} ({})\n\n",
            md_cell(&st.title),
            st.kind.label()
        ));
        for o in &st.options {
            s.push_str(&format!(
                "- Via {}{}\n",
                md_cell(&via_text(o)),
                if o.ready { ": you can apply now" } else { "" }
            ));
            for c in &o.checks {
                s.push_str(&format!(
                    "  - {}: {}\n",
                    status_word(c.status),
                    md_cell(&c.title)
                ));
                for cl in c.close_with.iter().take(4) {
                    s.push_str(&format!("    - {}\n", md_cell(&closer_text(cl))));
                }
            }
        }
        for n in &st.notes {
            s.push_str(&format!("- Note: {}\n", md_cell(n)));
        }
        s.push('\n');
    }
    s
}

pub fn routes_markdown(r: &Routes) -> String {
    let mut s = format!(
        "# Routes from {} to {}\n\n",
        md_cell(&r.from.title),
        md_cell(&r.to.title)
    );
    for route in &r.routes {
        s.push_str(&format!(
            "## Route {}: {}\n\n",
            route.rank,
            md_cell(&route.total.label)
        ));
        for (i, st) in route.steps.iter().enumerate() {
            let via = st
                .programme
                .as_ref()
                .map_or("apply for a post".to_string(), |p| p.title.to_string());
            let act = match st.action {
                Action::CloseGap => "Close a gap",
                Action::Move => "Move",
            };
            s.push_str(&format!(
                "{}. {act}: {} → {} ({} so far)\n",
                i + 1,
                md_cell(&via),
                md_cell(&st.to.title),
                md_cell(&st.cumulative.label)
            ));
        }
        s.push('\n');
    }
    s
}
