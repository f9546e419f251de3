//! Markdown for documents: tables, handouts and the career-conversation
//! record. Data is escaped, so it cannot change a document's structure.

use super::phrases::{closer_text, role_line, status_word, step_words, via_text};
use super::{Markdown, listing};
use crate::answers::{
    Action, AreaList, AreaView, CheckSummary, CohortReport, ExportDoc, NextSteps, PersonalPlan,
    RecordView, RolesList, Routes, SearchResults, StaleList,
};
use crate::model::family_title;
use crate::terminal::clean;

/// A GitHub-flavoured Markdown table; `|` and line breaks in cells escaped.
pub fn markdown_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut s = format!("| {} |\n", header.join(" | "));
    s.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s
}

/// Text for the plain record: one line, and nothing that could start a
/// Markdown block (a heading, list, quote or code fence) at its start.
fn plain(t: &str) -> String {
    let c = clean(t);
    match c.trim_start().chars().next() {
        Some('#' | '>' | '-' | '+' | '*' | '`' | '~' | '|' | '=') => {
            format!("\\{}", c.trim_start())
        }
        _ => c.trim_start().to_string(),
    }
}

/// Escapes text for a Markdown table cell, list item or paragraph: inline
/// syntax anywhere, and whatever would start a block (a rule `---`, a fence
/// `~~~`, a numbered list `1.`, an indented code block) at its start.
pub fn md_cell(c: &str) -> String {
    let c = clean(c);
    let c = c.trim_start();
    let mut out = String::with_capacity(c.len() + 1);
    let digits = c.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = c;
    if digits > 0 && matches!(c.as_bytes().get(digits), Some(b'.' | b')')) {
        // `1. x` would become a numbered list; `1\. x` reads the same.
        out.push_str(&c[..digits]);
        rest = &c[digits..];
    }
    for (i, ch) in rest.chars().enumerate() {
        match ch {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '-' | '+' | '=' | '.' | ')' if i == 0 => {
                out.push('\\');
                out.push(ch);
            }
            ch => out.push(ch),
        }
    }
    out
}

/// A URL for a `<...>` link destination, which may hold no `<`, `>`,
/// spaces or line breaks.
fn md_url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for ch in u.chars() {
        match ch {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32 & 0xff)),
            c => out.push(c),
        }
    }
    out
}

impl Markdown for NextSteps {
    fn markdown(&self) -> String {
        let ns = self;
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
}

impl Markdown for Routes {
    fn markdown(&self) -> String {
        let r = self;
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
}

/// The career-conversation record: who, when, where they are, the goal,
/// agreed next steps (with room to write), gaps and resources. Plain enough
/// to read in Notepad: headings, "Label: value" lines and lists; no tables,
/// no bold, no link syntax.
impl Markdown for PersonalPlan {
    fn markdown(&self) -> String {
        let p = self;
        let line = |s: &mut String, label: &str, value: &str| {
            s.push_str(&format!("{label}: {}\n", plain(value)));
        };
        let mut s = String::from("# Career conversation record\n\n");
        line(
            &mut s,
            "Name",
            p.name.as_deref().unwrap_or("____________________"),
        );
        line(&mut s, "Date", &crate::words::long_date(&p.date));
        line(
            &mut s,
            "Current role",
            &format!("{}, {}", p.position.title, p.position.band_label()),
        );
        if let Some(set) = &p.setting {
            line(&mut s, "Setting", set);
        }
        line(&mut s, "Goal", &p.goal);
        s.push_str("Manager: ____________________\n");
        s.push_str("\n## Where I am now\n\n");
        for (k, v) in &p.skills {
            line(&mut s, k, v);
        }
        if !p.barriers.is_empty() {
            s.push_str("\n## What has held me back\n\n");
            for b in &p.barriers {
                s.push_str(&format!("- {}\n", plain(&b.title)));
            }
        }
        if let Some(c) = &p.changes {
            s.push_str(&format!(
                "\n## Since my last plan ({})\n\n",
                crate::words::long_date(&c.since)
            ));
            for x in &c.newly_eligible {
                s.push_str(&format!("- Newly open to me: {}\n", plain(x)));
            }
            for x in &c.gaps_closed {
                s.push_str(&format!("- Gap closed: {}\n", plain(x)));
            }
            if c.newly_eligible.is_empty() && c.gaps_closed.is_empty() {
                s.push_str("- No change in what I can apply for.\n");
            }
        }
        s.push_str("\n## What I can apply for now\n\n");
        if p.eligible_now.is_empty() {
            s.push_str("Nothing yet without closing a gap first.\n");
        }
        for m in &p.eligible_now {
            let time = m
                .duration
                .as_ref()
                .map_or(String::new(), |d| format!(", typically {}", d.words()));
            s.push_str(&format!(
                "- {} ({}) via {}{}\n",
                plain(&m.to.title),
                m.to.band_label(),
                plain(&m.via),
                plain(&time)
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
                    .map(|c| match &c.duration {
                        Some(d) => format!("{} ({})", plain(&c.title), d.words()),
                        None => plain(&c.title),
                    })
                    .collect();
                s.push_str(&format!(
                    "- {} (for {}): {}\n",
                    plain(&g.title),
                    plain(&r.to.title),
                    how.join("; ")
                ));
            }
        }
        if !any {
            s.push_str("No gaps for the moves above.\n");
        }
        if let Some(goal) = &p.goal_role {
            s.push_str(&format!("\n## Routes to {}\n\n", plain(&goal.title)));
            if p.routes.is_empty() {
                s.push_str("No route found in the roadmap from my role: ask the education team.\n");
            }
            for r in &p.routes {
                s.push_str(&format!("Route {}: {}\n", r.rank, plain(&r.total.label)));
                for (i, st) in r.steps.iter().enumerate() {
                    let time = match &st.programme {
                        None => "the time depends on vacancies".to_string(),
                        Some(g) => g
                            .duration
                            .as_ref()
                            .map_or("length not given".to_string(), |d| d.words()),
                    };
                    let pay = st
                        .programme
                        .as_ref()
                        .map_or(String::new(), |g| format!("; {}", g.pay.label()));
                    s.push_str(&format!(
                        "  {}. {} ({time}{pay})\n",
                        i + 1,
                        plain(&step_words(st))
                    ));
                }
                s.push('\n');
            }
        }
        s.push_str("\n## Agreed next steps\n\n");
        for (i, st) in p.agreed_steps.iter().enumerate() {
            let time = st
                .duration
                .as_ref()
                .map_or(String::new(), |d| format!(", {}", d.words()));
            s.push_str(&format!(
                "{}. {}{time} ({})\n   Who: ______________  By when: ______________\n",
                i + 1,
                plain(&st.title),
                plain(&st.why)
            ));
        }
        for i in p.agreed_steps.len()..p.agreed_steps.len().max(3) {
            s.push_str(&format!(
                "{}. ________________________________\n   Who: ______________  By when: ______________\n",
                i + 1
            ));
        }
        s.push_str("\n## Questions for the conversation\n\n");
        for q in &p.conversation {
            s.push_str(&format!("- {}\n", plain(q)));
        }
        s.push_str("\n## Resources\n\n");
        let mut seen = Vec::new();
        for o in p
            .develop
            .iter()
            .flat_map(|d| d.signposts.iter())
            .chain(p.barriers.iter().flat_map(|b| b.signposts.iter()))
        {
            if seen.contains(&o.id) {
                continue;
            }
            seen.push(o.id.clone());
            match &o.detail {
                Some(x) => s.push_str(&format!("- {}: {}\n", plain(&o.title), plain(x))),
                None => s.push_str(&format!("- {}\n", plain(&o.title))),
            }
        }
        s.push_str("\n## Signed\n\nSupport worker: ____________________  Manager: ____________________  Review date: __________\n\n");
        s.push_str("Made with roadmap assess from the NHS England HCSW learning and development roadmap. What is on offer varies by trust: check with your education team. ");
        s.push_str(&p.data_reviewed.sentence());
        s.push('\n');
        s
    }
}

/// A readable handout: areas, pathways by family, requirements, signposts.
impl Markdown for ExportDoc<'_> {
    fn markdown(&self) -> String {
        let (map, s, scope_line) = (self.map, &self.records, self.scope_line.as_str());
        let mut o =
            String::from("# NHS healthcare support worker learning and development roadmap\n\n");
        o.push_str(&format!("{}\n\n", md_cell(scope_line)));
        o.push_str("What is on offer varies by trust and region: ask your education team.\n\n");
        if !s.areas.is_empty() {
            o.push_str("## The roadmap's areas\n\n");
            for a in &s.areas {
                o.push_str(&format!(
                    "### {}\n\n{}\n\n",
                    md_cell(&a.meta.title),
                    md_cell(&a.meta.summary)
                ));
                for p in &a.points {
                    o.push_str(&format!("- {}\n", md_cell(p)));
                }
                let offers: Vec<String> = s
                    .programmes
                    .iter()
                    .filter(|g| g.areas.contains(&a.meta.id))
                    .map(|g| md_cell(&g.meta.title))
                    .collect();
                if !offers.is_empty() {
                    o.push_str(&format!(
                        "\n**Development offers:** {}.\n",
                        offers.join("; ")
                    ));
                }
                o.push('\n');
            }
        }
        // Pathways grouped by the family of the role they lead to.
        let mut families: Vec<String> = s
            .pathways
            .iter()
            .filter_map(|p| map.role(p.destination(p.from.first().map_or("", |f| f))))
            .map(|r| r.family.to_string())
            .collect();
        families.sort();
        families.dedup();
        if !families.is_empty() {
            o.push_str("## Pathways\n\n");
        }
        for fam in &families {
            o.push_str(&format!("### {}\n\n", md_cell(&family_title(fam))));
            o.push_str("| From | To | Via | Level | Typical time | Entry requirements |\n|---|---|---|---|---|---|\n");
            for p in s.pathways.iter().filter(|p| {
                map.role(p.destination(p.from.first().map_or("", |f| f)))
                    .is_some_and(|r| r.family == *fam)
            }) {
                let from: Vec<String> =
                    p.from.iter().map(|f| map.title_of(f).to_string()).collect();
                let to = p.to.as_deref().map_or("(stays in role)".to_string(), |t| {
                    map.title_of(t).to_string()
                });
                let vias = map.via_options(p);
                for g in vias {
                    o.push_str(&format!(
                        "| {} | {} | {} | {} | {} | {} |\n",
                        md_cell(&from.join(", ")),
                        md_cell(&to),
                        md_cell(&g.map_or("apply for a post".into(), |g| g.meta.title.clone())),
                        g.and_then(|g| g.level_label()).unwrap_or_default(),
                        md_cell(
                            &g.and_then(|g| g.duration.as_ref())
                                .map_or("not given".into(), |d| d.words())
                        ),
                        md_cell(&map.entry_words(p, g)),
                    ));
                }
            }
            o.push('\n');
        }
        if !s.requirements.is_empty() {
            o.push_str("## Requirements and what counts\n\n| Requirement | Met by | Who decides |\n|---|---|---|\n");
            for r in &s.requirements {
                let met = map.met_by_words(r);
                o.push_str(&format!(
                    "| {} | {} | {} |\n",
                    md_cell(&r.meta.title),
                    md_cell(&met),
                    r.decided_by.map_or("", |d| d.label())
                ));
            }
            o.push('\n');
        }
        if !s.resources.is_empty() {
            o.push_str("## Where to look\n\n");
            for r in &s.resources {
                match (&r.url, &r.where_) {
                    (Some(u), _) => o.push_str(&format!(
                        "- [{}](<{}>): {}\n",
                        md_cell(&r.meta.title),
                        md_url(u),
                        md_cell(&r.meta.summary)
                    )),
                    (None, Some(w)) => o.push_str(&format!(
                        "- **{}**: {} ({})\n",
                        md_cell(&r.meta.title),
                        md_cell(&r.meta.summary),
                        md_cell(w)
                    )),
                    (None, None) => o.push_str(&format!(
                        "- **{}**: {}\n",
                        md_cell(&r.meta.title),
                        md_cell(&r.meta.summary)
                    )),
                }
            }
            o.push('\n');
        }
        o
    }
}

impl Markdown for RolesList {
    fn markdown(&self) -> String {
        let l = listing::roles(self);
        markdown_table(&l.header, &l.rows)
    }
}

impl Markdown for AreaList<'_> {
    fn markdown(&self) -> String {
        match (self.one, self.areas.first()) {
            (true, Some(a)) => area(a),
            _ => {
                let l = listing::areas(self);
                markdown_table(&l.header, &l.rows)
            }
        }
    }
}

/// One area in full.
fn area(a: &AreaView<'_>) -> String {
    let mut s = format!("# {}\n\n{}\n\n", md_cell(a.title), md_cell(a.summary));
    for p in a.points {
        s.push_str(&format!("- {}\n", md_cell(p)));
    }
    s.push_str("\n## Development offers\n\n");
    for o in &a.offers {
        s.push_str(&format!("- {} (`{}`)\n", md_cell(o.title), o.id));
    }
    s.push_str("\n## Where to look\n\n");
    for o in &a.signposts {
        match o.url {
            Some(u) => s.push_str(&format!("- [{}](<{}>)\n", md_cell(o.title), md_url(u))),
            None => s.push_str(&format!("- {}\n", md_cell(o.title))),
        }
    }
    s
}

impl Markdown for SearchResults {
    fn markdown(&self) -> String {
        let l = listing::search(self);
        markdown_table(&l.header, &l.rows)
    }
}

impl Markdown for RecordView {
    fn markdown(&self) -> String {
        let s = self;
        let mut out = format!(
            "# {}\n\n*{}* `{}`\n\n{}\n\n",
            md_cell(&s.title),
            s.kind,
            s.id,
            md_cell(&s.summary)
        );
        for (k, v) in &s.facts {
            out.push_str(&format!("- **{}**: {}\n", md_cell(k), md_cell(v)));
        }
        for sec in &s.sections {
            out.push_str(&format!("\n## {}\n\n", md_cell(&sec.title)));
            for i in &sec.items {
                if i.id.is_empty() || i.id == i.title {
                    out.push_str(&format!("- {}\n", md_cell(&i.title)));
                } else {
                    out.push_str(&format!("- {} (`{}`)\n", md_cell(&i.title), md_cell(&i.id)));
                }
            }
        }
        out
    }
}

impl Markdown for StaleList {
    fn markdown(&self) -> String {
        let l = listing::stale(self);
        markdown_table(&l.header, &l.rows)
    }
}

impl Markdown for CheckSummary {
    fn markdown(&self) -> String {
        let l = listing::counts(self);
        markdown_table(&l.header, &l.rows)
    }
}

/// The analysis as a document: every table, for an intranet page or a
/// paper to a committee.
impl Markdown for CohortReport {
    fn markdown(&self) -> String {
        let mut s = format!(
            "# Training-needs analysis: {} people\n\nMade on {}.\n\n",
            self.people,
            crate::words::long_date(&self.date)
        );
        if let Some(n) = self.suppress_below {
            s.push_str(&format!(
                "Counts under {n} are shown as \"fewer than {n}\", and no one is named.\n\n"
            ));
        }
        for t in super::cohort::tables(self) {
            if t.rows.is_empty() && t.file == "people.csv" {
                continue;
            }
            s.push_str(&format!("## {}\n\n", t.heading));
            if let Some(note) = t.note {
                s.push_str(&format!("{note}\n\n"));
            }
            // Ids are for scripts; a document shows titles only.
            let skip = usize::from(t.id_first);
            let rows: Vec<Vec<String>> = t.rows.iter().map(|r| r[skip..].to_vec()).collect();
            s.push_str(&markdown_table(&t.header[skip..], &rows));
            s.push('\n');
        }
        s
    }
}
