//! The personal plan on screen.

use super::{clean, wrap};
use crate::answers::PersonalPlan;
use crate::render::phrases::step_words;
use crate::render::{Style, Text};

fn rating(r: Option<u8>) -> String {
    r.map_or("not rated".into(), |r| format!("you rated {r} out of 5"))
}

impl Text for PersonalPlan {
    fn text(&self, style: Style) -> String {
        let p = self;
        let w = style.width as usize;
        let h = |t: &str| {
            if style.color {
                format!("\n\x1b[1m{t}\x1b[0m\n")
            } else {
                format!("\n{t}\n")
            }
        };
        let mut s = String::new();
        let who = p
            .name
            .as_deref()
            .map_or(String::new(), |n| format!(" for {}", clean(n)));
        s.push_str(&wrap(&format!("Your plan{who}, {}", p.date), w, "", ""));
        s.push_str(&wrap(
            &format!(
                "You are: {} ({}). Your goal: {}.",
                clean(&p.position.title),
                p.position.band_label(),
                clean(&p.goal)
            ),
            w,
            "",
            "",
        ));
        if let Some(c) = &p.changes {
            s.push_str(&h(&format!("What has changed since {}", c.since)));
            if c.newly_eligible.is_empty() && c.gaps_closed.is_empty() && c.new_gaps.is_empty() {
                s.push_str("  Nothing has changed in what you can apply for.\n");
            }
            for x in &c.newly_eligible {
                s.push_str(&wrap(
                    &format!("Newly open to you: {}", clean(x)),
                    w,
                    "  + ",
                    "    ",
                ));
            }
            for x in &c.gaps_closed {
                s.push_str(&wrap(
                    &format!("Gap closed: {}", clean(x)),
                    w,
                    "  + ",
                    "    ",
                ));
            }
            for x in &c.new_gaps {
                s.push_str(&wrap(&format!("New gap: {}", clean(x)), w, "  - ", "    "));
            }
        }
        s.push_str(&h("What you can apply for now"));
        if p.eligible_now.is_empty() {
            s.push_str(&wrap(
                "Nothing yet without closing a gap first: see below.",
                w,
                "  ",
                "  ",
            ));
        }
        for m in &p.eligible_now {
            let time = m
                .duration
                .as_ref()
                .map_or(String::new(), |d| format!(", typically {}", d.words()));
            s.push_str(&wrap(
                &format!(
                    "{} ({}) via {}{time}",
                    clean(&m.to.title),
                    m.to.band_label(),
                    clean(&m.via)
                ),
                w,
                "  - ",
                "    ",
            ));
            if !m.decided.is_empty() {
                s.push_str(&wrap(
                    &format!("someone else decides: {}", m.decided.join("; ")),
                    w,
                    "    ",
                    "    ",
                ));
            }
        }
        if !p.within_reach.is_empty() {
            s.push_str(&h("Within reach once you close a gap"));
            for r in &p.within_reach {
                s.push_str(&wrap(
                    &format!(
                        "{} ({}) via {}",
                        clean(&r.to.title),
                        r.to.band_label(),
                        clean(&r.via)
                    ),
                    w,
                    "  - ",
                    "    ",
                ));
                for g in &r.gaps {
                    let how: Vec<String> = g
                        .close_with
                        .iter()
                        .take(3)
                        .map(|c| match &c.duration {
                            Some(d) => format!("{} ({})", clean(&c.title), d.words()),
                            None => clean(&c.title),
                        })
                        .collect();
                    s.push_str(&wrap(
                        &format!("you need {}: {}", clean(&g.title), how.join("; ")),
                        w,
                        "    ",
                        "      ",
                    ));
                }
            }
        }
        if let Some(goal) = &p.goal_role {
            s.push_str(&h(&format!("Routes to {}", clean(&goal.title))));
            if p.routes.is_empty() {
                s.push_str(&wrap(
                    "No route found in the roadmap from your role. Ask your education team.",
                    w,
                    "  ",
                    "  ",
                ));
            }
            for r in &p.routes {
                s.push_str(&wrap(
                    &format!("Route {}: {}", r.rank, super::total_words(&r.total)),
                    w,
                    "  ",
                    "  ",
                ));
                for (i, st) in r.steps.iter().enumerate() {
                    s.push_str(&wrap(
                        &format!("{}. {}", i + 1, step_words(st)),
                        w,
                        "    ",
                        "       ",
                    ));
                }
            }
        }
        s.push_str(&h("Growing in your role"));
        for d in &p.develop {
            let mark = if d.priority { " (start here)" } else { "" };
            s.push_str(&wrap(
                &format!("{}{mark}: {}", clean(&d.title), rating(d.rating)),
                w,
                "  ",
                "  ",
            ));
            for o in &d.offers {
                s.push_str(&wrap(&clean(&o.title), w, "    - ", "      "));
            }
            for o in d.signposts.iter().take(2) {
                s.push_str(&wrap(
                    &format!("look at: {}", clean(&o.title)),
                    w,
                    "    - ",
                    "      ",
                ));
            }
        }
        if !p.barriers.is_empty() {
            s.push_str(&h("What you said holds you back, and what helps"));
            for b in &p.barriers {
                s.push_str(&wrap(&clean(&b.title), w, "  ", "  "));
                for x in b.what_helps.iter().take(2) {
                    s.push_str(&wrap(&clean(x), w, "    - ", "      "));
                }
            }
        }
        if !p.agreed_steps.is_empty() {
            s.push_str(&h("Next steps to agree with your manager"));
            for (i, st) in p.agreed_steps.iter().enumerate() {
                let time = st
                    .duration
                    .as_ref()
                    .map_or(String::new(), |d| format!(", {}", d.words()));
                s.push_str(&wrap(
                    &format!("{}. {}{time}: {}", i + 1, clean(&st.title), clean(&st.why)),
                    w,
                    "  ",
                    "     ",
                ));
            }
        }
        s.push_str(&h("For your career conversation"));
        for q in &p.conversation {
            s.push_str(&wrap(&clean(q), w, "  - ", "    "));
        }
        s
    }
}
