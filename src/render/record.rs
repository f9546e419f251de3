//! The career-conversation record as one printable web page: the same
//! content as the Markdown record, self-contained (no scripts, nothing
//! fetched) and laid out for A4 paper.

use crate::answers::PersonalPlan;
use crate::render::phrases::step_words;
use crate::terminal::clean;
use crate::words::long_date;
use maud::{Markup, PreEscaped, html};

const STYLE: &str = "body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:0;line-height:1.4}\
main{max-width:820px;margin:0 auto;padding:24px}\
h1{color:#003087;margin-top:0}h2{color:#005eb8;border-bottom:2px solid #005eb8;padding-bottom:2px;margin-top:1.4em;font-size:1.2em}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{font-weight:bold}dd{margin:0}\
.blank{display:inline-block;min-width:12em;border-bottom:1px solid #425563}\
li{margin:3px 0}.agreed li{margin-bottom:12px}.who{color:#425563}\
.signed{margin-top:2em}.note{color:#425563;font-size:.9em}\
@page{size:A4;margin:18mm}\
@media print{main{max-width:none;padding:0}h2{break-after:avoid}li,dl{break-inside:avoid}a{color:inherit}}";

fn t(s: &str) -> String {
    clean(s)
}

/// The record as a page (`roadmap assess -o plan.html`).
pub fn page(p: &PersonalPlan) -> String {
    let blank = html! { span.blank { (PreEscaped("&nbsp;")) } };
    let title = match &p.name {
        Some(n) => format!("Career conversation record: {}", t(n)),
        None => "Career conversation record".to_string(),
    };
    let body: Markup = html! {
            main {
                h1 { "Career conversation record" }
                dl {
                    dt { "Name" } dd { @match &p.name { Some(n) => (t(n)), None => (blank) } }
                    dt { "Date" } dd { (long_date(&p.date)) }
                    dt { "Current role" } dd { (t(&p.position.title)) ", " (p.position.band_label()) }
                    @if let Some(set) = &p.setting { dt { "Setting" } dd { (t(set)) } }
                    dt { "Goal" } dd { (t(&p.goal)) }
                    dt { "Manager" } dd { (blank) }
                }
                h2 { "Where I am now" }
                dl { @for (k, v) in &p.skills { dt { (k) } dd { (t(v)) } } }
                @if !p.barriers.is_empty() {
                    h2 { "What has held me back" }
                    ul { @for b in &p.barriers { li { (t(&b.title)) } } }
                }
                h2 { "What I can apply for now" }
                @if p.eligible_now.is_empty() { p { "Nothing yet without closing a gap first." } }
                ul { @for m in &p.eligible_now {
                    li { (t(&m.to.title)) " (" (m.to.band_label()) ") via " (t(&m.via))
                        @if let Some(d) = &m.duration { ", typically " (d.words()) } }
                } }
                h2 { "Gaps and how to close them" }
                ul { @for r in &p.within_reach { @for g in &r.gaps {
                    li { (t(&g.title)) " (for " (t(&r.to.title)) "): "
                        @for (i, c) in g.close_with.iter().take(3).enumerate() {
                            @if i > 0 { "; " }
                            (t(&c.title)) @if let Some(d) = &c.duration { " (" (d.words()) ")" }
                        }
                    }
                } } }
                @if let Some(goal) = &p.goal_role {
                    h2 { "Routes to " (t(&goal.title)) }
                    @for r in &p.routes {
                        p { strong { "Route " (r.rank) ": " (t(&r.total.label)) } }
                        ol { @for st in &r.steps {
                            li { (t(&step_words(st))) " ("
                                @match &st.programme {
                                    None => "the time depends on vacancies",
                                    Some(g) => {
                                        @match &g.duration { Some(d) => (d.words()), None => "length not given" }
                                        "; " (g.pay.label())
                                    }
                                }
                                ")" }
                        } }
                    }
                }
                h2 { "Agreed next steps" }
                ol.agreed {
                    @for st in &p.agreed_steps {
                        li { (t(&st.title)) @if let Some(d) = &st.duration { ", " (d.words()) }
                            " (" (t(&st.why)) ")" br;
                            span.who { "Who: " (blank) " By when: " (blank) } }
                    }
                    @for _ in p.agreed_steps.len()..p.agreed_steps.len().max(3) {
                        li { (blank) br; span.who { "Who: " (blank) " By when: " (blank) } }
                    }
                }
                h2 { "Questions for the conversation" }
                ul { @for q in &p.conversation { li { (t(q)) } } }
                h2 { "Resources" }
                ul { @for o in resources(p) {
                    li { @match &o.1 {
                        Some(x) if x.starts_with("https://") || x.starts_with("http://") => {
                            a href=(t(x)) { (t(&o.0)) } ": " (t(x))
                        }
                        Some(x) => { (t(&o.0)) ": " (t(x)) }
                        None => { (t(&o.0)) }
                    } }
                } }
                p.signed { "Support worker: " (blank) " Manager: " (blank) " Review date: " (blank) }
                p.note { "Made with roadmap assess from the NHS England HCSW learning and development roadmap. What is on offer varies by trust: check with your education team. " (p.data_reviewed.sentence()) }
            }
    };
    super::html::document(
        &title,
        "default-src 'none'; style-src 'unsafe-inline'",
        STYLE,
        body,
    )
}

/// Signposts from the plan, each once: (title, link or where to find it).
fn resources(p: &PersonalPlan) -> Vec<(String, Option<String>)> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for o in p
        .develop
        .iter()
        .flat_map(|d| d.signposts.iter())
        .chain(p.barriers.iter().flat_map(|b| b.signposts.iter()))
    {
        if !seen.contains(&o.id.as_str()) {
            seen.push(&o.id);
            out.push((o.title.clone(), o.detail.clone()));
        }
    }
    out
}
