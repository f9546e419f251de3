//! The personal plan: on screen, and as a Markdown career-conversation
//! record to print and take to a manager.

use super::Style;
use super::listing::md_cell;
use super::text::{clean, wrap};
use crate::engine::personal::PersonalPlan;
use crate::engine::results::{Action, RouteStep};

fn rating(r: Option<u8>) -> String {
    r.map_or("not rated".into(), |r| format!("you rated {r} out of 5"))
}

/// A route step in words: "Get Maths at Level 2: Functional Skills maths
/// Level 2", "Nursing Associate apprenticeship → Nursing associate".
fn step_words(st: &RouteStep) -> String {
    let what = st
        .programme
        .as_ref()
        .map_or("apply for a post".to_string(), |p| p.title.to_string());
    match st.action {
        Action::CloseGap => {
            let gets: Vec<&str> = st.closes.iter().map(|c| c.title.as_str()).collect();
            format!("Get {}: {what}", gets.join(", "))
        }
        Action::Move => format!("{what} → {}", st.to.title),
    }
}

pub fn text(p: &PersonalPlan, style: Style) -> String {
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
            .map_or(String::new(), |d| format!(", typically {}", d.label));
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
                        Some(d) => format!("{} ({})", clean(&c.title), d.label),
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
                &format!(
                    "Route {}: {}",
                    r.rank,
                    super::text::total_words(&r.total.label)
                ),
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
    s.push_str(&h("For your career conversation"));
    for q in &p.conversation {
        s.push_str(&wrap(&clean(q), w, "  - ", "    "));
    }
    s
}

/// The career-conversation record: who, when, where they are, the goal,
/// agreed next steps (with room to write), gaps and resources.
pub fn record(p: &PersonalPlan) -> String {
    let mut s = String::from("# Career conversation record\n\n");
    s.push_str("| | |\n|---|---|\n");
    s.push_str(&format!(
        "| Name | {} |\n",
        p.name.as_deref().map_or("".into(), md_cell)
    ));
    s.push_str(&format!("| Date | {} |\n", p.date));
    s.push_str(&format!(
        "| Current role | {} ({}) |\n",
        md_cell(&p.position.title),
        p.position.band_label()
    ));
    if let Some(set) = &p.setting {
        s.push_str(&format!("| Setting | {} |\n", md_cell(set)));
    }
    s.push_str(&format!("| Goal | {} |\n", md_cell(&p.goal)));
    s.push_str("| Manager | |\n\n");
    s.push_str("## Where I am\n\n");
    if p.holding.is_empty() {
        s.push_str("No qualifications recorded.\n\n");
    } else {
        for h in &p.holding {
            s.push_str(&format!("- {}\n", md_cell(&h.title)));
        }
        s.push('\n');
    }
    if let Some(c) = &p.changes {
        s.push_str(&format!("## Since my last plan ({})\n\n", c.since));
        for x in &c.newly_eligible {
            s.push_str(&format!("- Newly open to me: {}\n", md_cell(x)));
        }
        for x in &c.gaps_closed {
            s.push_str(&format!("- Gap closed: {}\n", md_cell(x)));
        }
        if c.newly_eligible.is_empty() && c.gaps_closed.is_empty() {
            s.push_str("- No change in what I can apply for.\n");
        }
        s.push('\n');
    }
    s.push_str("## What I can apply for now\n\n");
    if p.eligible_now.is_empty() {
        s.push_str("Nothing yet without closing a gap first.\n");
    }
    for m in &p.eligible_now {
        let time = m
            .duration
            .as_ref()
            .map_or(String::new(), |d| format!(", typically {}", d.label));
        s.push_str(&format!(
            "- {} ({}) via {}{}\n",
            md_cell(&m.to.title),
            m.to.band_label(),
            md_cell(&m.via),
            md_cell(&time)
        ));
    }
    s.push_str("\n## Gaps and how to close them\n\n");
    let mut any = false;
    for r in &p.within_reach {
        for g in &r.gaps {
            any = true;
            let how: Vec<String> = g
                .close_with
                .iter()
                .take(3)
                .map(|c| md_cell(&c.title))
                .collect();
            s.push_str(&format!(
                "- **{}** (for {}): {}\n",
                md_cell(&g.title),
                md_cell(&r.to.title),
                how.join("; ")
            ));
        }
    }
    if !any {
        s.push_str("No gaps for the moves above.\n");
    }
    if let Some(goal) = &p.goal_role {
        s.push_str(&format!("\n## Routes to {}\n\n", md_cell(&goal.title)));
        for r in &p.routes {
            s.push_str(&format!(
                "**Route {}: {}**\n\n",
                r.rank,
                md_cell(&r.total.label)
            ));
            for (i, st) in r.steps.iter().enumerate() {
                s.push_str(&format!("{}. {}\n", i + 1, md_cell(&step_words(st))));
            }
            s.push('\n');
        }
    }
    s.push_str("\n## Questions for the conversation\n\n");
    for q in &p.conversation {
        s.push_str(&format!("- {}\n", md_cell(q)));
    }
    s.push_str("\n## Agreed next steps\n\n| Step | Who | By when |\n|---|---|---|\n");
    let suggested: Vec<String> = p
        .within_reach
        .iter()
        .flat_map(|r| {
            r.gaps
                .iter()
                .filter_map(|g| g.close_with.first().map(|c| c.title.to_string()))
        })
        .chain(
            p.develop
                .iter()
                .filter(|d| d.priority)
                .flat_map(|d| d.offers.first().map(|o| o.title.clone())),
        )
        .take(4)
        .collect();
    for step in &suggested {
        s.push_str(&format!("| {} | | |\n", md_cell(step)));
    }
    for _ in suggested.len()..5 {
        s.push_str("| | | |\n");
    }
    s.push_str("\n## Resources\n\n");
    let mut seen = Vec::new();
    for d in &p.develop {
        for o in &d.signposts {
            if seen.contains(&o.id) {
                continue;
            }
            seen.push(o.id.clone());
            match &o.detail {
                Some(x) if x.starts_with("http") => s.push_str(&format!(
                    "- [{}](<{}>)\n",
                    md_cell(&o.title),
                    x.replace('>', "%3E")
                )),
                Some(x) => s.push_str(&format!("- {}: {}\n", md_cell(&o.title), md_cell(x))),
                None => s.push_str(&format!("- {}\n", md_cell(&o.title))),
            }
        }
    }
    s.push_str("\n## Signed\n\nSupport worker: ____________________  Manager: ____________________  Review date: __________\n\n");
    s.push_str("*Made with `roadmap assess` from the NHS England HCSW learning and development roadmap. What is on offer varies by trust: check with your education team.*\n");
    s
}
