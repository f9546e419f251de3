//! `roadmap pathways` for a person: next steps and planned routes.

use super::{clean, heading, wrap};
use crate::answers::{Action, Check, NextSteps, Routes, Status};
use crate::model::marked;
use crate::model::{PathwayKind, Text};
use crate::render::phrases::{closer_text, role_line, via_text};
use crate::render::{Style, Text as Render};

/// One line per requirement: what the person has, needs, or someone decides.
fn check_lines(c: &Check, style: Style) -> String {
    let w = style.width as usize;
    let (mark, lead) = match c.status {
        Status::Met => (if style.ascii { "  + " } else { "  ✓ " }, "you have:"),
        Status::Missing => (if style.ascii { "  x " } else { "  ✗ " }, "you need:"),
        Status::Decides => ("  ? ", "someone decides:"),
        Status::UsuallyAsked => ("  ~ ", "usually asked for:"),
    };
    let title = marked(&clean(&c.title), c.confidence);
    let text = match c.decided_by {
        Some(d) => format!("{lead} {title} ({})", d.label()),
        None => format!("{lead} {title}"),
    };
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
        for (i, o) in step.options.iter().enumerate() {
            let lead = if i == 0 && !known { "via" } else { "or via" };
            body.push_str(&wrap(
                &format!("{lead} {}", via_text(o)),
                w,
                "    ",
                "      ",
            ));
            for c in &o.checks {
                body.push_str(&check_lines(c, style));
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
        for (n, e) in group_steps(ns, style).iter().enumerate() {
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
            let names = super::and_list(&e.titles);
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
