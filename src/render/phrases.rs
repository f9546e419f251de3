//! Phrases the text and Markdown renderers share: a role with its band, a
//! way of making a move, a requirement's status.

use super::text::clean;
use crate::answers::{Action, Closer, RoleRef, RouteStep, Status, ViaOption};

pub fn role_line(r: &RoleRef) -> String {
    let mut s = format!("{} ({}", clean(&r.title), r.band_label());
    if let Some(reg) = &r.regulator {
        s.push_str(&format!(", registered with the {reg}"));
    }
    s.push(')');
    s
}

pub fn closer_text(c: &Closer) -> String {
    let mut s = clean(&c.title);
    if let Some(d) = &c.duration {
        s.push_str(&format!(" ({})", d.words()));
    }
    s
}

pub fn via_text(o: &ViaOption) -> String {
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
                facts.push(crate::model::marked(st, p.standard_confidence));
            }
            facts.push(match &p.duration {
                Some(d) => format!("typically {}", d.words()),
                None => "length not given by the sources".into(),
            });
            facts.push(p.pay_words());
            format!("{} ({})", clean(&p.title), facts.join(", "))
        }
    }
}

pub fn status_word(s: Status) -> &'static str {
    match s {
        Status::Met => "have",
        Status::Missing => "need",
        Status::Decides => "someone decides",
        Status::UsuallyAsked => "usually asked",
    }
}

/// A route step in words: "Get Maths at Level 2: Functional Skills maths
/// Level 2", "Nursing Associate apprenticeship → Nursing associate".
pub fn step_words(st: &RouteStep) -> String {
    let what = st
        .programme
        .as_ref()
        .map_or("apply for a post".to_string(), |p| p.title.to_string());
    match st.action {
        Action::CloseGap => {
            let gets: Vec<&str> = st.closes.iter().map(|c| c.title.as_str()).collect();
            format!("Get {}: {what}", gets.join(", "))
        }
        Action::Move if st.programme.is_none() => format!(
            "Apply for a post as {}",
            crate::words::a_or_an(&st.to.title.to_lowercase())
        ),
        Action::Move => format!("{what} → {}", st.to.title),
    }
}
