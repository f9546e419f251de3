//! Next steps from a position: every pathway out of it, with what the
//! person has and what they need for each way of making the move.

use super::{Engine, Holdings, Position};
use crate::SCHEMA_VERSION;
use crate::answers::{NextStep, NextSteps, ProgrammeRef, ReqRef, RoleRef, Status, ViaOption};
use crate::matching::did_you_mean;
use crate::model::{Meta, Pathway, PathwayKind, Programme, Role, Text};

/// Narrowing the roles a query may lead to, and what the person wants.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub setting: Option<String>,
    pub family: Option<String>,
    /// Only ways where the person is paid while they learn.
    pub paid: bool,
    /// The role the person is aiming for: moves toward it come first.
    pub goal: Option<String>,
}

impl Filter {
    pub fn allows(&self, role: &Role) -> bool {
        self.setting
            .as_ref()
            .is_none_or(|s| role.settings.iter().any(|x| x == s))
            && self.family.as_ref().is_none_or(|f| role.family == *f)
    }
}

/// What a support worker reads when a pathway's offer depends on the trust.
pub const VARIES_BY_TRUST: &str =
    "What is on offer varies by trust and region: ask your education team.";

impl<'a> Engine<'a> {
    /// Checks a filter's setting and family exist, with "did you mean".
    pub fn check_filter(&self, f: &Filter) -> Result<(), String> {
        if let Some(s) = &f.setting
            && self.map.settings.iter().all(|x| x.meta.id != *s)
        {
            let ids: Vec<&str> = self
                .map
                .settings
                .iter()
                .map(|x| x.meta.id.as_str())
                .collect();
            return Err(unknown_value("setting", s, &ids));
        }
        if let Some(fam) = &f.family {
            // Families are free text in the data: check against those in use.
            let mut fams: Vec<&str> = self.map.roles.iter().map(|r| r.family.as_str()).collect();
            fams.sort_unstable();
            fams.dedup();
            if !fams.contains(&fam.as_str()) {
                return Err(unknown_value("family", fam, &fams));
            }
        }
        Ok(())
    }

    pub fn holding_refs(&self, held: &Holdings) -> Vec<ReqRef> {
        held.iter()
            .map(|i| {
                let id = self.reqs.id(i);
                ReqRef {
                    id: id.clone(),
                    title: self.map.title_of(id),
                }
            })
            .collect()
    }

    /// Whether completing a programme would give the person nothing they do
    /// not already hold (GCSE English grade 4 makes Functional Skills
    /// English Level 1 and 2 nothing new).
    pub fn gives_nothing_new(&self, prog: &Programme, held: &Holdings) -> bool {
        // A granted qualification is nothing new when it is held, or when
        // everything it counts as is held already ("or less": Functional
        // Skills English Level 2 for someone with GCSE English grade 4).
        let nothing_new = |g: &str| {
            let Some(i) = self.reqs.index(g) else {
                return false;
            };
            if held.has(i) {
                return true;
            }
            let mut counts_as = self.reqs.met_alone_by(i).peekable();
            counts_as.peek().is_some() && counts_as.all(|d| held.has(d))
        };
        !prog.grants.is_empty() && prog.grants.iter().all(|g| nothing_new(g))
    }

    /// A note when a record behind an answer was due to be checked again.
    pub(crate) fn overdue_note(&self, m: &Meta) -> Option<Text> {
        let today = self.today()?;
        m.overdue_on(today).then(|| {
            format!(
                "What this says about {} was due to be checked by {}: it may be out of date, so ask your education team.",
                m.title,
                crate::words::long_date(m.review_by.as_deref().unwrap_or_default())
            )
            .into()
        })
    }

    /// The notes every answer gives for a move, after the move's own: that
    /// offers vary by trust, what is not fully confirmed, what is overdue
    /// for review.
    pub fn move_notes(&self, p: &'a Pathway) -> Vec<Text> {
        let mut notes = Vec::new();
        if p.varies_by_trust {
            notes.push(VARIES_BY_TRUST.into());
        }
        if let Some(n) = &p.meta.confidence_note {
            notes.push(format!("Not fully confirmed: {n}").into());
        }
        notes.extend(self.overdue_note(&p.meta));
        for g in self.vias(p).into_iter().flatten() {
            notes.extend(self.overdue_note(&g.meta));
        }
        notes
    }

    /// Every move out of a position, with eligibility for each option.
    /// Never offers what the person already holds: a way to grow that gives
    /// nothing new is left out, and a move via such a programme becomes
    /// applying for a post.
    pub fn next_steps(&self, pos: &Position<'a>, held: &Holdings, filter: &Filter) -> NextSteps {
        let from = pos.role;
        let toward = filter.goal.as_deref().map(|g| self.reaching(g));
        let mut steps: Vec<NextStep> = self
            .pathways_from(&from.meta.id)
            .iter()
            .filter_map(|p| {
                let to = self.map.role(p.destination(&from.meta.id))?;
                if !filter.allows(to) {
                    return None;
                }
                let stay = p.kind == PathwayKind::StayAndDevelop;
                let mut notes = p.meta.notes.clone();
                let mut vias: Vec<Option<&Programme>> = Vec::new();
                for prog in self.vias(p) {
                    match prog {
                        Some(g) if self.gives_nothing_new(g, held) => {
                            if !stay {
                                notes.push(format!(
                                    "You already hold what the {} gives, so you can apply for a post.",
                                    g.meta.title
                                ).into());
                                vias.push(None);
                            }
                        }
                        Some(g) if filter.paid && !g.pay.earning() => {}
                        other => vias.push(other),
                    }
                }
                vias.dedup_by(|a, b| a.is_none() && b.is_none());
                let options: Vec<ViaOption> = vias
                    .into_iter()
                    .map(|prog| {
                        let mut checks = self.check_expr(&p.requires, held, true);
                        if let Some(prog) = prog {
                            checks.extend(self.check_expr(&prog.entry, held, true));
                            checks.extend(self.check_expr(&prog.usually, held, false));
                        }
                        ViaOption {
                            programme: prog.map(ProgrammeRef::of),
                            ready: checks.iter().all(|c| c.status != Status::Missing),
                            checks,
                            funding: prog.and_then(|p| p.funding.clone()),
                            study: prog.and_then(|p| p.study.clone()),
                        }
                    })
                    .collect();
                if options.is_empty() {
                    // Every way has closed, is held already, or is unpaid.
                    return None;
                }
                notes.extend(self.move_notes(p));
                Some(NextStep {
                    pathway: p.meta.id.clone(),
                    title: p.meta.title.clone(),
                    kind: p.kind,
                    to: RoleRef::of(to),
                    ready: options.iter().any(|o| o.ready),
                    toward_goal: toward
                        .as_ref()
                        .is_some_and(|t| !stay && t.contains(to.meta.id.as_str())),
                    options,
                    notes,
                    confidence: p.meta.confidence,
                })
            })
            .collect();
        // Moves toward the goal first; then up, across, growing in place;
        // within each, well-sourced moves before those resting on
        // unverified facts (such as one trust's case study); then by band
        // and title, so the order never depends on file order.
        steps.sort_by(|a, b| {
            b.toward_goal
                .cmp(&a.toward_goal)
                .then(kind_rank(a.kind).cmp(&kind_rank(b.kind)))
                .then(unconfirmed(a).cmp(&unconfirmed(b)))
                .then(a.to.band.cmp(&b.to.band))
                .then_with(|| a.to.title.cmp(&b.to.title))
                .then_with(|| a.pathway.cmp(&b.pathway))
        });
        let also_at_band = match pos.band {
            Some(b) => self
                .map
                .roles
                .iter()
                .filter(|r| r.has_band(b) && r.meta.id != from.meta.id && r.closed_since.is_none())
                .map(RoleRef::of)
                .collect(),
            None => Vec::new(),
        };
        NextSteps {
            schema_version: SCHEMA_VERSION,
            data_reviewed: self.reviewed(),
            from: RoleRef::of(from),
            band: pos.band,
            also_at_band,
            holding: self.holding_refs(held),
            steps,
        }
    }
}

impl<'a> Engine<'a> {
    /// The roles from which `goal` can be reached, `goal` included.
    pub fn reaching(&self, goal: &str) -> std::collections::HashSet<&'a str> {
        let mut seen = std::collections::HashSet::new();
        let mut work: Vec<&'a str> = self
            .map
            .role(goal)
            .map(|r| r.meta.id.as_str())
            .into_iter()
            .collect();
        while let Some(id) = work.pop() {
            if seen.insert(id) {
                for p in self.pathways_to(id) {
                    work.extend(p.from.iter().map(|f| f.as_str()));
                }
            }
        }
        seen
    }
}

/// A move resting on unverified facts, such as one trust's case study:
/// shown after the well-sourced ones, never first.
fn unconfirmed(s: &NextStep) -> bool {
    s.confidence == crate::model::Confidence::Unverified
}

fn kind_rank(k: PathwayKind) -> u8 {
    match k {
        PathwayKind::Progression => 0,
        PathwayKind::Lateral => 1,
        PathwayKind::StayAndDevelop => 2,
    }
}

fn unknown_value(what: &str, given: &str, valid: &[&str]) -> String {
    let hint = match did_you_mean(given, valid.iter().copied()) {
        Some(s) => format!("\n  did you mean `{s}`?"),
        None => String::new(),
    };
    // "family" is the only value name here whose plural is not "+s".
    let plural = match what {
        "family" => "families".to_string(),
        w => format!("{w}s"),
    };
    format!(
        "unknown {what} \"{given}\"{hint}\n  valid {plural}: {}",
        crate::words::few(valid)
    )
}
