//! `roadmap pathways` for a person: next steps and planned routes.

use super::{clean, heading, wrap};
use crate::answers::{Action, Check, NextStep, NextSteps, Routes, Status, ViaOption};
use crate::model::marked;
use crate::model::{PathwayKind, Text};
use crate::render::phrases::{closer_text, role_line, via_text};
use crate::render::{Style, Text as Render};

/// A way's requirements, one line per kind of answer: what the person has,
/// needs, what someone else decides, and what is usually asked for. How to
/// get each is said once for the whole report (see `how_to_get`).
fn check_lines(checks: &[Check], style: Style) -> String {
    let w = style.width as usize;
    let mut s = String::new();
    for (status, mark, lead) in [
        (Status::Met, if style.ascii { "+" } else { "✓" }, "you have"),
        (
            Status::Missing,
            if style.ascii { "x" } else { "✗" },
            "you need",
        ),
        (Status::Decides, "?", "someone decides"),
        (Status::UsuallyAsked, "~", "usually asked for"),
    ] {
        let items: Vec<String> = checks
            .iter()
            .filter(|c| c.status == status)
            .map(|c| {
                let title = marked(&clean(&c.title), c.confidence);
                match c.decided_by {
                    Some(d) => format!("{title} ({})", d.label()),
                    None => title,
                }
            })
            .collect();
        if !items.is_empty() {
            s.push_str(&wrap(
                &format!("{lead}: {}", items.join("; ")),
                w,
                &format!("      {mark} "),
                "          ",
            ));
        }
    }
    s
}

/// Each requirement some option lacks, once, with what closes it.
fn how_to_get(ns: &NextSteps, style: Style) -> String {
    let w = style.width as usize;
    let mut seen: Vec<&str> = Vec::new();
    let mut s = String::new();
    for c in ns
        .steps
        .iter()
        .flat_map(|st| st.options.iter())
        .flat_map(|o| o.checks.iter())
        .filter(|c| c.status != Status::Met && !c.close_with.is_empty())
    {
        if seen.contains(&c.requirement.as_str()) {
            continue;
        }
        seen.push(&c.requirement);
        let list: Vec<String> = c.close_with.iter().take(4).map(closer_text).collect();
        s.push_str(&wrap(
            &format!("{}: {}", clean(&c.title), list.join("; ")),
            w,
            "  - ",
            "    ",
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
fn group_steps(ns: &NextSteps, style: Style) -> Vec<Entry> {
    let w = style.width as usize;
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
        if stay && step.options.iter().all(|o| o.checks.is_empty()) {
            // Ways to grow with nothing to check: their programmes in one line.
            let names: Vec<String> = step
                .options
                .iter()
                .map(|o| match &o.programme {
                    Some(p) => match &p.duration {
                        Some(d) => {
                            format!("{} ({}, {})", clean(&p.title), d.words(), p.pay_words())
                        }
                        None => format!("{} ({})", clean(&p.title), p.pay_words()),
                    },
                    None => "apply for a post".to_string(),
                })
                .collect();
            body.push_str(&wrap(
                &format!("via {}", super::or_list(&names)),
                w,
                "    ",
                "      ",
            ));
        } else {
            for (i, o) in step.options.iter().enumerate() {
                let lead = if i == 0 && !known { "via" } else { "or via" };
                body.push_str(&wrap(
                    &format!("{lead} {}", via_text(o)),
                    w,
                    "    ",
                    "      ",
                ));
                body.push_str(&check_lines(&o.checks, style));
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

/// Pathways' own headings for each kind of move.
fn kind_heading(k: PathwayKind) -> &'static str {
    match k {
        PathwayKind::Progression => "Move up",
        PathwayKind::Lateral => "Move across",
        PathwayKind::StayAndDevelop => "Grow in your current role",
    }
}

/// One line of the summary: where an option leads, how, how long, whether
/// it pays, and whether the person can start now or what is missing.
fn summary_line(_step: &NextStep, o: &ViaOption) -> String {
    let how = match &o.programme {
        None => "apply for a post".to_string(),
        Some(p) => {
            let time = p
                .duration
                .as_ref()
                .map_or("length not known".to_string(), |d| d.words());
            format!("{}, {time}, {}", clean(&p.title), p.pay.label())
        }
    };
    let missing: Vec<String> = o
        .checks
        .iter()
        .filter(|c| c.status == Status::Missing)
        .map(|c| clean(&c.title))
        .collect();
    let state = if missing.is_empty() {
        if o.checks.iter().any(|c| c.status == Status::Decides) {
            "ready now, if those who decide agree".to_string()
        } else {
            "ready now".to_string()
        }
    } else {
        format!("first you need {}", super::and_list(&missing))
    };
    format!("{how}. {}{}.", state[..1].to_uppercase(), &state[1..])
}

/// A way to grow in the role, all its programmes in one line.
fn grow_line(step: &NextStep) -> String {
    let names: Vec<String> = step
        .options
        .iter()
        .map(|o| match &o.programme {
            Some(p) => match &p.duration {
                Some(d) => format!("{} ({})", clean(&p.title), d.words()),
                None => clean(&p.title),
            },
            None => "apply for a post".to_string(),
        })
        .collect();
    let state = if step.ready {
        "Ready now."
    } else {
        "You have gaps to close first."
    };
    format!("{}. {state}", super::or_list(&names))
}

/// The plain-text report of next steps: a summary (one line per option,
/// notes that several options share said once), then the details.
impl Render for NextSteps {
    fn text(&self, style: Style) -> String {
        let ns = self;
        let w = style.width as usize;
        let mut s = String::new();
        s.push_str(&heading(
            style,
            &format!("Where you can go from: {}", role_line(&ns.from)),
        ));
        if let Some(b) = ns.band
            && !ns.also_at_band.is_empty()
        {
            let others: Vec<String> = ns
                .also_at_band
                .iter()
                .take(3)
                .map(|r| clean(&r.title))
                .collect();
            let more = match ns.also_at_band.len() {
                n if n > 3 => format!(" and {} more (roadmap roles --band {b})", n - 3),
                _ => String::new(),
            };
            s.push_str(&wrap(
                &format!(
                    "You said band {b}, so this shows {}. Other roles at band {b}: {}{more}. For one of theirs, give its name, for example --from \"{}\".",
                    clean(&ns.from.title),
                    others.join(", "),
                    clean(&ns.also_at_band[0].title).to_lowercase()
                ),
                w,
                "",
                "",
            ));
        }
        if ns.holding.is_empty() {
            s.push_str(&wrap(
                "You have not said what you hold, so every entry requirement shows as needed. Add --have, for example --have gcse-maths,gcse-english,care-certificate.",
                w,
                "",
                "",
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
        // A note several options share is said once, after the summary.
        let mut seen: Vec<&Text> = Vec::new();
        let mut shared: Vec<&Text> = Vec::new();
        for n in ns.steps.iter().flat_map(|st| st.notes.iter()) {
            if seen.contains(&n) {
                if !shared.contains(&n) {
                    shared.push(n);
                }
            } else {
                seen.push(n);
            }
        }
        s.push('\n');
        s.push_str(&heading(style, "Your options at a glance"));
        // One line per option; destinations reached in exactly the same way
        // share a line, and a way to grow lists its programmes together.
        let mut lines: Vec<(PathwayKind, Vec<String>, String, String)> = Vec::new();
        for step in &ns.steps {
            let parts: Vec<(String, String)> = if step.kind == PathwayKind::StayAndDevelop {
                vec![(clean(&step.title), grow_line(step))]
            } else {
                step.options
                    .iter()
                    .map(|o| (clean(&step.to.title), summary_line(step, o)))
                    .collect()
            };
            for (name, rest) in parts {
                let band = if step.kind == PathwayKind::StayAndDevelop {
                    String::new()
                } else {
                    format!(" ({})", step.to.band_label())
                };
                match lines.iter_mut().find(|l| {
                    l.0 == step.kind
                        && l.2 == band
                        && l.3 == rest
                        && step.kind != PathwayKind::StayAndDevelop
                }) {
                    Some(l) => l.1.push(name),
                    None => lines.push((step.kind, vec![name], band, rest)),
                }
            }
        }
        let mut kind = None;
        for (n, (k, names, band, rest)) in lines.iter().enumerate() {
            if kind != Some(*k) {
                kind = Some(*k);
                s.push_str(&format!(" {}\n", kind_heading(*k)));
            }
            s.push_str(&wrap(
                &format!("{}. {}{band}: {rest}", n + 1, super::and_list(names)),
                w,
                "  ",
                "     ",
            ));
        }
        for note in &shared {
            s.push_str(&wrap(
                &format!("Good to know: {}", clean(note)),
                w,
                "",
                "  ",
            ));
        }
        if style.brief {
            s.push_str(&wrap(
                "\nWhat each option needs, and how to get it: leave out --brief. Routes to a goal, with total time: roadmap pathways --from ... --to ROLE.",
                w,
                "",
                "",
            ));
            return s;
        }
        s.push('\n');
        s.push_str(&heading(style, "Details"));
        let mut kind = None;
        for e in group_steps(ns, style).iter() {
            if kind != Some(e.kind) {
                kind = Some(e.kind);
                s.push_str(&format!(" {}\n", kind_heading(e.kind)));
            }
            let state = if e.ready {
                "you can start now"
            } else {
                "you have gaps to close first"
            };
            let names = super::and_list(&e.titles);
            s.push_str(&wrap(
                &format!("- {names}{}: {state}", e.band),
                w,
                "  ",
                "    ",
            ));
            s.push_str(&e.body);
            for note in e.notes.iter().filter(|n| !shared.contains(n)) {
                s.push_str(&wrap(
                    &format!("Note: {}", clean(note)),
                    w,
                    "    ",
                    "      ",
                ));
            }
        }
        let how = how_to_get(ns, style);
        if !how.is_empty() {
            s.push('\n');
            s.push_str(&heading(style, "How to get what you need"));
            s.push_str(&how);
        }
        s.push_str(&wrap(
            "\nRoutes to a goal, with total time: roadmap pathways --from ... --to ROLE. Details of anything: roadmap show ID.",
            w,
            "",
            "",
        ));
        s
    }
}

/// The plain-text report of routes to a goal.
impl Render for Routes {
    fn text(&self, style: Style) -> String {
        let r = self;
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
                &format!("Route {}: {}", route.rank, super::total_words(&route.total)),
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
                    Some(d) => format!(" ({}; {} so far)", d.words(), st.cumulative.label),
                    None => String::new(),
                };
                let pay = st
                    .programme
                    .as_ref()
                    .map_or(String::new(), |p| format!(" Pay: {}.", p.pay_words()));
                s.push_str(&wrap(
                    &format!("{}. {what}{time}.{}", i + 1, pay),
                    w,
                    "  ",
                    "     ",
                ));
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
                    let d: Vec<String> =
                        st.usually_missing.iter().map(|x| clean(&x.title)).collect();
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
        }
        s.push_str(&wrap("\nTimes assume one step after another, full programme lengths, and no credit for prior learning.", w, "", ""));
        s
    }
}
