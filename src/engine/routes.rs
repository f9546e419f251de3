//! Route planning: the quickest routes from one role to another, with the
//! steps that close entry-requirement gaps planned in.
//!
//! The search is a bounded k-shortest label-setting search over states of
//! (role, what the person holds). Each edge is one move along a pathway via
//! one programme, preceded by whatever gap-closing programmes its entry
//! requirements need.
//!
//! Ranking (docs/JSON.md): fewest steps whose length no source gives, then
//! the shortest typical total (the middle of its range), then the shortest
//! maximum, then the fewest steps, then the steps themselves (so ties are
//! broken the same way every time). Labels leave the queue in that order.
//!
//! Bounds, on any data: the search always looks for [`ROUTES_SEARCHED`]
//! routes (so `--routes N` is exactly the first N of them, whatever N); each
//! role is settled at most that many times, and at most that many labels
//! wait at each role (a label with that many better ones waiting could never
//! be settled, so it is dropped without loss); no route repeats a role. So
//! memory is at most roles × 2 × `ROUTES_SEARCHED` labels, and time is
//! roles × `ROUTES_SEARCHED` × moves out of a role: never exponential.

use super::{Engine, Holdings};
use crate::SCHEMA_VERSION;
use crate::answers::{Action, Months, ProgrammeRef, ReqRef, RoleRef, Route, RouteStep, Routes};
use crate::model::{Kind, Programme, Role, Term};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};
use std::rc::Rc;

pub struct RouteQuery<'q> {
    pub from: &'q Role,
    pub to: &'q Role,
    pub held: Holdings,
    /// How many distinct routes to return (at most [`ROUTES_SEARCHED`]).
    pub routes: usize,
    /// Only routes where the person is paid throughout (every step an
    /// apprenticeship, a trainee post or done alongside their job).
    pub paid_only: bool,
}

/// How many routes every search looks for: the most `--routes` may ask.
pub const ROUTES_SEARCHED: usize = 20;

/// How deep gap-closing may go: a programme to close a gap may itself need
/// one gap closed first (e.g. Level 1 before Level 2), no further.
const GAP_DEPTH: usize = 2;

#[derive(Clone, Debug)]
struct Step {
    action: Action,
    programme: Option<usize>,
    pathway: Option<usize>,
    from: usize,
    to: usize,
    closes: Vec<usize>,
    decided: Vec<usize>,
    usually_missing: Vec<usize>,
    min: f64,
    max: f64,
    known: bool,
}

/// A partial route. Labels form a tree through `parent`, so extending one
/// copies only the new edge's steps, not the whole route.
#[derive(Clone)]
struct Label {
    parent: Option<usize>,
    min: f64,
    max: f64,
    unknown: usize,
    /// Steps from the start.
    depth: usize,
    role: usize,
    /// Shared with the parent until a step adds something: most moves grant
    /// nothing, and at scale the copies were most of the planner's memory.
    held: Rc<Holdings>,
    /// The steps of the last edge only.
    steps: Vec<Step>,
}

/// The ranking of partial and whole routes (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Key {
    unknown: usize,
    mid: f64,
    max: f64,
    steps: usize,
}

impl Key {
    fn cmp(&self, o: &Key) -> Ordering {
        self.unknown
            .cmp(&o.unknown)
            .then(self.mid.total_cmp(&o.mid))
            .then(self.max.total_cmp(&o.max))
            .then(self.steps.cmp(&o.steps))
    }
}

impl Label {
    /// Every step with no known length ranks the route lower: counting them
    /// as zero would rank an unknown-length degree as the quickest route.
    fn key(&self) -> Key {
        Key {
            unknown: self.unknown,
            mid: (self.min + self.max) / 2.0,
            max: self.max,
            steps: self.depth,
        }
    }
}

/// Heap entry ordered so the smallest key pops first; `seq` breaks ties by
/// insertion order, keeping the search deterministic.
struct Entry {
    key: Key,
    seq: usize,
}

impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    fn cmp(&self, o: &Self) -> Ordering {
        o.key.cmp(&self.key).then(o.seq.cmp(&self.seq))
    }
}

/// What gap-closing costs: steps of unknown length first (an unknown
/// length is never taken as quick), then typical months.
#[derive(Clone, Copy, Default)]
struct Cost {
    unknown: usize,
    months: f64,
}

impl Cost {
    fn plus(self, min: f64, max: f64, known: bool) -> Cost {
        Cost {
            unknown: self.unknown + usize::from(!known),
            months: self.months + (min + max) / 2.0,
        }
    }

    fn add(self, o: Cost) -> Cost {
        Cost {
            unknown: self.unknown + o.unknown,
            months: self.months + o.months,
        }
    }

    fn better_than(&self, o: &Cost) -> bool {
        (self.unknown, self.months) < (o.unknown, o.months)
    }
}

/// Gap-closing steps and what holding looks like after them.
struct Closing {
    steps: Vec<Step>,
    held: Holdings,
    /// Requirements someone else decides, for the step the gap is closed for.
    decided: Vec<usize>,
    cost: Cost,
}

impl Closing {
    fn start(held: &Holdings) -> Self {
        Closing {
            steps: Vec::new(),
            held: held.clone(),
            decided: Vec::new(),
            cost: Cost::default(),
        }
    }

    /// Follows this closing with another that starts where it ends.
    fn absorb(&mut self, sub: Closing) {
        self.cost = self.cost.add(sub.cost);
        self.held = sub.held;
        self.decided.extend(sub.decided);
        self.steps.extend(sub.steps);
    }
}

impl<'a> Engine<'a> {
    /// Routes from one role to another for someone holding `held`: the
    /// answer to `pathways --to`.
    /// With `paid_only`, only routes where the person is paid throughout.
    pub fn routes_between(
        &self,
        from: &Role,
        to: &Role,
        held: &Holdings,
        n: usize,
        paid_only: bool,
    ) -> Routes {
        Routes {
            schema_version: SCHEMA_VERSION,
            data_reviewed: self.reviewed(),
            from: RoleRef::of(from),
            to: RoleRef::of(to),
            holding: self.holding_refs(held),
            routes: self.routes(&RouteQuery {
                from,
                to,
                held: held.clone(),
                routes: n,
                paid_only,
            }),
        }
    }

    /// The quickest distinct routes, sorted by total typical time.
    pub fn routes(&self, q: &RouteQuery<'_>) -> Vec<Route> {
        let role_index = |id: &str| self.map.index_of(Kind::Role, id);
        let (Some(start), Some(goal)) = (role_index(&q.from.meta.id), role_index(&q.to.meta.id))
        else {
            return Vec::new();
        };
        let k = ROUTES_SEARCHED;
        let roles = self.map.roles.len();
        let mut settled = vec![0usize; roles];
        // Per role, the labels waiting in the queue: at most `k`.
        let mut waiting: Vec<Waiting> = vec![Waiting::default(); roles];
        let mut dead: Vec<bool> = vec![false];
        let mut arena: Vec<Label> = vec![Label {
            parent: None,
            min: 0.0,
            max: 0.0,
            unknown: 0,
            depth: 0,
            role: start,
            held: Rc::new(q.held.clone()),
            steps: Vec::new(),
        }];
        let mut heap = BinaryHeap::new();
        heap.push(Entry {
            key: arena[0].key(),
            seq: 0,
        });
        let mut found: Vec<(Label, Vec<Step>)> = Vec::new();
        let mut signatures = HashSet::new();

        let mut grown: Vec<Label> = Vec::new();
        while let Some(Entry { seq, .. }) = heap.pop() {
            if dead[seq] {
                continue;
            }
            let role = arena[seq].role;
            waiting[role].remove(seq);
            if settled[role] >= k {
                continue;
            }
            settled[role] += 1;
            if role == goal {
                let steps = route_steps(&arena, seq);
                if !steps.is_empty() && signatures.insert(signature(&steps)) {
                    found.push((arena[seq].clone(), steps));
                    if found.len() >= k {
                        break;
                    }
                }
                continue;
            }
            let label = &arena[seq];
            for (pi, to, vias) in &self.moves[label.role] {
                let (pi, to) = (*pi, *to);
                if settled[to] >= k || visits(&arena, seq, to) {
                    continue;
                }
                for &gi in vias {
                    let prog = gi.map(|g| &self.map.programmes[g]);
                    if q.paid_only && prog.is_some_and(|g| !g.pay.earning()) {
                        continue;
                    }
                    // A move can only add to a route: when `to` already has
                    // `k` labels waiting that are no worse than this move's
                    // least possible key, nothing from here could be settled.
                    let (min, max, known) = duration_of(prog);
                    let least = Key {
                        unknown: label.unknown + usize::from(!known && prog.is_some()),
                        mid: (label.min + min + label.max + max) / 2.0,
                        max: label.max + max,
                        steps: label.depth + 1,
                    };
                    if waiting[to].full_of_no_worse(k, &least) {
                        continue;
                    }
                    if let Some(mut next) = self.extend(label, pi, to, prog, q.paid_only) {
                        next.parent = Some(seq);
                        grown.push(next);
                    }
                }
            }
            // Added after the loop, which borrows the label from the arena.
            for next in grown.drain(..) {
                let (to, key, seq) = (next.role, next.key(), arena.len());
                let w = &mut waiting[to];
                if w.labels.len() >= k {
                    // Full: the new label displaces the worst, or is dropped.
                    let Some(worst) = w.worst.filter(|&(wk, _)| key.cmp(&wk) == Ordering::Less)
                    else {
                        continue;
                    };
                    w.remove(worst.1);
                    dead[worst.1] = true;
                    // Its steps are never read again.
                    arena[worst.1].steps = Vec::new();
                }
                w.add(key, seq);
                heap.push(Entry { key, seq });
                arena.push(next);
                dead.push(false);
            }
        }
        // Labels left the queue in key order; equal keys are put in the
        // order of their steps, so the ranking never depends on the search.
        found.sort_by(|(a, sa), (b, sb)| {
            a.key()
                .cmp(&b.key())
                .then_with(|| signature(sa).cmp(&signature(sb)))
        });
        found
            .into_iter()
            .take(q.routes.max(1))
            .enumerate()
            .map(|(i, (l, steps))| self.route(i + 1, &l, &steps))
            .collect()
    }

    /// One move from `label` along pathway `pi` via `prog`, closing gaps first.
    fn extend(
        &self,
        label: &Label,
        pi: usize,
        to: usize,
        prog: Option<&Programme>,
        paid_only: bool,
    ) -> Option<Label> {
        let p = &self.map.pathways[pi];
        let terms = p
            .requires
            .iter()
            .chain(prog.map(|g| g.entry.iter()).into_iter().flatten());
        let mut next = Label {
            parent: label.parent,
            min: label.min,
            max: label.max,
            unknown: label.unknown,
            depth: label.depth,
            role: label.role,
            held: label.held.clone(),
            steps: Vec::new(),
        };
        let mut decided = Vec::new();
        for term in terms {
            if self.term_met(term, &next.held) {
                continue;
            }
            let closing = self.close_term(term, &next.held, label.role, GAP_DEPTH, paid_only)?;
            decided.extend(closing.decided);
            next.held = Rc::new(closing.held);
            for s in closing.steps {
                push_step(&mut next, s);
            }
        }
        let usually_missing: Vec<usize> = prog
            .map(|g| {
                g.usually
                    .iter()
                    .filter(|t| !self.term_met(t, &next.held))
                    .flat_map(|t| {
                        t.ids()
                            .filter_map(|id| self.reqs.index(id))
                            .filter(|&i| !next.held.has(i))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let (min, max, known) = duration_of(prog);
        if let Some(g) = prog {
            for id in &g.grants {
                if !next.held.has_id(&self.reqs, id) {
                    Rc::make_mut(&mut next.held).add_id(&self.reqs, id);
                }
            }
        }
        decided.sort_unstable();
        decided.dedup();
        push_step(
            &mut next,
            Step {
                action: Action::Move,
                programme: prog.and_then(|g| self.map.index_of(Kind::Programme, &g.meta.id)),
                pathway: Some(pi),
                from: label.role,
                to,
                closes: Vec::new(),
                decided,
                usually_missing,
                min,
                max,
                known,
            },
        );
        next.role = to;
        Some(next)
    }

    /// The cheapest way to meet a term from `held`: requirements someone
    /// else decides are taken as open questions, not gaps; the rest are
    /// closed by programmes that grant them. `None` when nothing can.
    fn close_term(
        &self,
        term: &Term,
        held: &Holdings,
        role: usize,
        depth: usize,
        paid_only: bool,
    ) -> Option<Closing> {
        let mut best: Option<Closing> = None;
        for conj in &term.0 {
            let mut c = Closing::start(held);
            let mut feasible = true;
            for id in conj {
                let Some(ri) = self.reqs.index(id) else {
                    feasible = false;
                    break;
                };
                if c.held.has(ri) {
                    continue;
                }
                if self.decider(id).is_some() {
                    c.decided.push(ri);
                    continue;
                }
                match self.cheapest_granter(ri, &c.held, role, depth, paid_only) {
                    Some(sub) => c.absorb(sub),
                    None => {
                        feasible = false;
                        break;
                    }
                }
            }
            if feasible && best.as_ref().is_none_or(|b| c.cost.better_than(&b.cost)) {
                best = Some(c);
            }
        }
        best
    }

    /// The quickest programme granting requirement `ri`, with its own entry
    /// gaps closed first (down to `depth`).
    fn cheapest_granter(
        &self,
        ri: usize,
        held: &Holdings,
        role: usize,
        depth: usize,
        paid_only: bool,
    ) -> Option<Closing> {
        if depth == 0 {
            return None;
        }
        let mut best: Option<Closing> = None;
        for &gi in &self.granters[ri] {
            let g = &self.map.programmes[gi];
            if paid_only && !g.pay.earning() {
                continue;
            }
            let mut c = Closing::start(held);
            let mut feasible = true;
            for term in &g.entry {
                if self.term_met(term, &c.held) {
                    continue;
                }
                match self.close_term(term, &c.held, role, depth - 1, paid_only) {
                    Some(sub) => c.absorb(sub),
                    None => {
                        feasible = false;
                        break;
                    }
                }
            }
            if !feasible {
                continue;
            }
            // What someone else decides for g's own entry belongs to g's step.
            let mut decided = std::mem::take(&mut c.decided);
            decided.sort_unstable();
            decided.dedup();
            let before = c.held.clone();
            for id in &g.grants {
                c.held.add_id(&self.reqs, id);
            }
            let (min, max, known) = duration_of(Some(g));
            c.cost = c.cost.plus(min, max, known);
            let closes: Vec<usize> = c
                .held
                .iter()
                .filter(|&i| !before.has(i) && i == ri)
                .collect();
            c.steps.push(Step {
                action: Action::CloseGap,
                programme: Some(gi),
                pathway: None,
                from: role,
                to: role,
                closes,
                decided,
                usually_missing: Vec::new(),
                min,
                max,
                known,
            });
            if best.as_ref().is_none_or(|b| c.cost.better_than(&b.cost)) {
                best = Some(c);
            }
        }
        best
    }

    fn route(&self, rank: usize, l: &Label, steps: &[Step]) -> Route {
        let role = |i: usize| RoleRef::of(&self.map.roles[i]);
        let req = |i: usize| ReqRef {
            id: self.reqs.id(i).clone(),
            title: self.map.title_of(self.reqs.id(i)),
        };
        let (mut min, mut max) = (0.0, 0.0);
        let steps_paid = steps.iter().all(|s| {
            s.programme
                .is_none_or(|i| self.map.programmes[i].pay.earning())
        });
        let mut unknown = 0;
        let steps = steps
            .iter()
            .map(|s| {
                min += s.min;
                max += s.max;
                if !s.known && s.programme.is_some() {
                    unknown += 1;
                }
                let p = s.programme.map(|i| &self.map.programmes[i]);
                let mut notes = Vec::new();
                if let Some(pi) = s.pathway {
                    let pw = &self.map.pathways[pi];
                    notes.extend(pw.meta.notes.iter().cloned());
                    if pw.varies_by_trust {
                        notes.push(super::next::VARIES_BY_TRUST.into());
                    }
                }
                if !s.known {
                    notes.push(match p {
                        Some(_) => "No source gives a typical length for this step.".into(),
                        None => "Applying for a post: the time depends on vacancies.".into(),
                    });
                }
                RouteStep {
                    action: s.action,
                    programme: p.map(ProgrammeRef::of),
                    pathway: s.pathway.map(|i| self.map.pathways[i].meta.id.clone()),
                    from: role(s.from),
                    to: role(s.to),
                    closes: s.closes.iter().map(|&i| req(i)).collect(),
                    decided: s.decided.iter().map(|&i| req(i)).collect(),
                    usually_missing: s.usually_missing.iter().map(|&i| req(i)).collect(),
                    cumulative: Months::so_far(min, max, unknown),
                    notes,
                }
            })
            .collect();
        Route {
            rank,
            total: Months::new(l.min, l.max, l.unknown),
            total_known: l.unknown == 0,
            steps_without_duration: l.unknown,
            paid_throughout: steps_paid,
            steps,
        }
    }
}

fn push_step(l: &mut Label, s: Step) {
    l.depth += 1;
    l.min += s.min;
    l.max += s.max;
    // A post needs no study time; only a programme without a known length
    // makes a total uncertain.
    if !s.known && s.programme.is_some() {
        l.unknown += 1;
    }
    l.steps.push(s);
}

fn duration_of(p: Option<&Programme>) -> (f64, f64, bool) {
    match p.and_then(|p| p.duration.as_ref()) {
        Some(d) => {
            let (a, b) = d.months();
            (a, b, true)
        }
        None => (0.0, 0.0, false),
    }
}

/// The labels waiting in the queue at one role, and the worst of them.
#[derive(Clone, Default)]
struct Waiting {
    labels: Vec<(Key, usize)>,
    worst: Option<(Key, usize)>,
}

impl Waiting {
    fn later(a: &(Key, usize), b: &(Key, usize)) -> Ordering {
        a.0.cmp(&b.0).then(a.1.cmp(&b.1))
    }

    fn add(&mut self, key: Key, seq: usize) {
        self.labels.push((key, seq));
        if self
            .worst
            .is_none_or(|w| Self::later(&(key, seq), &w) == Ordering::Greater)
        {
            self.worst = Some((key, seq));
        }
    }

    fn remove(&mut self, seq: usize) {
        if let Some(at) = self.labels.iter().position(|&(_, s)| s == seq) {
            self.labels.swap_remove(at);
            if self.worst.is_some_and(|(_, s)| s == seq) {
                self.worst = self.labels.iter().copied().max_by(Self::later);
            }
        }
    }

    /// Whether `k` labels no worse than `key` are waiting.
    fn full_of_no_worse(&self, k: usize, key: &Key) -> bool {
        self.labels.len() >= k
            && self
                .worst
                .is_some_and(|(w, _)| w.cmp(key) != Ordering::Greater)
    }
}

/// Whether the route ending at label `at` has been at `role`.
fn visits(arena: &[Label], mut at: usize, role: usize) -> bool {
    loop {
        let l = &arena[at];
        if l.role == role {
            return true;
        }
        match l.parent {
            Some(p) => at = p,
            None => return false,
        }
    }
}

/// All steps of the route ending at label `at`, first to last.
fn route_steps(arena: &[Label], mut at: usize) -> Vec<Step> {
    let mut chunks = Vec::new();
    loop {
        let l = &arena[at];
        chunks.push(&l.steps);
        match l.parent {
            Some(p) => at = p,
            None => break,
        }
    }
    chunks.into_iter().rev().flatten().cloned().collect()
}

fn signature(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| format!("{:?}:{:?}:{:?}:{}", s.action, s.programme, s.pathway, s.to))
        .collect::<Vec<_>>()
        .join(">")
}
