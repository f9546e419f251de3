//! Evaluating requirement expressions against what a person holds, and
//! finding what closes each gap.

use super::{Engine, Holdings};
use crate::answers::{Check, Closer, DurationOut, Status};
use crate::model::{Decider, Expr, Term, Text};
use std::collections::BTreeSet;

impl Engine<'_> {
    /// The decider of a requirement id, if it is someone else's call.
    pub(crate) fn decider(&self, id: &str) -> Option<Decider> {
        self.map.requirement(id).and_then(|r| r.decided_by)
    }

    /// Whether a term is met outright by `held`.
    pub(crate) fn term_met(&self, term: &Term, held: &Holdings) -> bool {
        term.is_met(&|id| held.has_id(&self.reqs, id))
    }

    /// Whether a term would be met if every "someone decides" requirement
    /// went the person's way; the decider of the first such one.
    pub(crate) fn term_decided(&self, term: &Term, held: &Holdings) -> Option<Decider> {
        term.0.iter().find_map(|conj| {
            let mut decider = None;
            for id in conj {
                if held.has_id(&self.reqs, id) {
                    continue;
                }
                decider = Some(self.decider(id)?);
            }
            decider
        })
    }

    /// Checks every term of an expression. `hard` terms that fail are
    /// `missing`; soft ones (`usually`) are `usually-asked`.
    pub fn check_expr(&self, expr: &Expr, held: &Holdings, hard: bool) -> Vec<Check> {
        expr.iter()
            .map(|term| {
                let (status, decided_by) = if self.term_met(term, held) {
                    (Status::Met, None)
                } else if let Some(d) = self.term_decided(term, held) {
                    (Status::Decides, Some(d))
                } else if hard {
                    (Status::Missing, None)
                } else {
                    (Status::UsuallyAsked, None)
                };
                // When someone else decides, gaining an alternative yourself
                // is still a way in: say how.
                let close_with = match status {
                    Status::Met => Vec::new(),
                    _ => self.closers(term, held),
                };
                let confidence = term
                    .ids()
                    .filter_map(|id| self.map.requirement(id))
                    .map(|r| r.meta.confidence)
                    .max()
                    .unwrap_or_default();
                Check {
                    requirement: term.source_text(),
                    title: self.term_title(term).into(),
                    status,
                    decided_by,
                    close_with,
                    confidence,
                }
            })
            .collect()
    }

    /// A term in words: "English at Level 2 or Functional Skills ...".
    pub fn term_title(&self, term: &Term) -> String {
        term.0
            .iter()
            .map(|conj| self.map.conj_words(conj))
            .collect::<Vec<_>>()
            .join(", or ")
    }

    /// Programmes that meet the missing parts of a term, quickest first, then
    /// signposts that help with them.
    pub fn closers(&self, term: &Term, held: &Holdings) -> Vec<Closer> {
        let missing: BTreeSet<usize> = term
            .ids()
            .filter_map(|id| self.reqs.index(id))
            .filter(|&i| !held.has(i))
            .collect();
        let mut progs: Vec<usize> = missing
            .iter()
            .flat_map(|&r| self.granters[r].iter().copied())
            .collect();
        progs.sort_unstable();
        progs.dedup();
        progs.sort_by(|&a, &b| {
            let key = |i: usize| {
                self.map.programmes[i]
                    .duration
                    .as_ref()
                    .map_or(f64::INFINITY, |d| d.months().0)
            };
            key(a).total_cmp(&key(b)).then_with(|| {
                self.map.programmes[a]
                    .meta
                    .title
                    .cmp(&self.map.programmes[b].meta.title)
            })
        });
        let mut out: Vec<Closer> = progs
            .into_iter()
            .map(|i| {
                let p = &self.map.programmes[i];
                Closer {
                    id: p.meta.id.clone(),
                    title: p.meta.title.clone(),
                    kind: "programme",
                    duration: p.duration.as_ref().map(DurationOut::of),
                    url: None,
                    where_: None,
                }
            })
            .collect();
        // Signposts for the missing requirement or anything that meets it.
        let related: BTreeSet<&str> = missing
            .iter()
            .flat_map(|&r| {
                let id = self.reqs.id(r);
                let mut ids = vec![id.as_str()];
                if let Some(req) = self.map.requirement(id) {
                    ids.extend(req.satisfied_by.iter().flatten().map(Text::as_str));
                }
                ids
            })
            .collect();
        let mut helping: Vec<usize> = related
            .iter()
            .flat_map(|id| self.signposts.get(id).into_iter().flatten().copied())
            .collect();
        helping.sort_unstable();
        helping.dedup();
        for res in helping.into_iter().map(|i| &self.map.resources[i]) {
            // A signpost to a programme already listed says nothing new.
            if out.iter().any(|c| c.title == res.meta.title) {
                continue;
            }
            out.push(Closer {
                id: res.meta.id.clone(),
                title: res.meta.title.clone(),
                kind: "resource",
                duration: None,
                url: res.url.clone(),
                where_: res.where_.clone(),
            });
        }
        out
    }
}
