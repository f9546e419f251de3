//! Next steps from a position: every pathway out of it, with what the
//! person has and what they need for each way of making the move.

use super::{Engine, Holdings, Position};
use crate::SCHEMA_VERSION;
use crate::answers::{NextStep, NextSteps, ProgrammeRef, ReqRef, RoleRef, Status, ViaOption};
use crate::matching::did_you_mean;
use crate::model::{PathwayKind, Role};

/// Narrowing the roles a query may lead to.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub setting: Option<String>,
    pub family: Option<String>,
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

    /// Every move out of a position, with eligibility for each option.
    pub fn next_steps(&self, pos: &Position<'a>, held: &Holdings, filter: &Filter) -> NextSteps {
        let from = pos.role;
        let mut steps: Vec<NextStep> = self
            .pathways_from(&from.meta.id)
            .iter()
            .filter_map(|p| {
                let to = self.map.role(p.destination(&from.meta.id))?;
                if !filter.allows(to) {
                    return None;
                }
                let options: Vec<ViaOption> = self
                    .vias(p)
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
                    // Every programme it went via has closed.
                    return None;
                }
                let mut notes = p.meta.notes.clone();
                if p.varies_by_trust {
                    notes.push(VARIES_BY_TRUST.into());
                }
                if let Some(n) = &p.meta.confidence_note {
                    notes.push(format!("Not fully confirmed: {n}").into());
                }
                Some(NextStep {
                    pathway: p.meta.id.clone(),
                    title: p.meta.title.clone(),
                    kind: p.kind,
                    to: RoleRef::of(to),
                    ready: options.iter().any(|o| o.ready),
                    options,
                    notes,
                    confidence: p.meta.confidence,
                })
            })
            .collect();
        // Moves up first, then across, then growing in place; within each,
        // by band and title, so the order never depends on file order.
        steps.sort_by(|a, b| {
            kind_rank(a.kind)
                .cmp(&kind_rank(b.kind))
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
        valid.join(", ")
    )
}
