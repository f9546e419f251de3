//! A training-needs analysis: the same answers as each person's own plan,
//! added up for a team.
//!
//! People with the same role, holdings and goal (and the answers that shape
//! a plan: earning while learning, interests, low-rated areas) share one
//! computation. Each group keeps only a small summary of what it adds to
//! the counts, not the plan itself, so memory grows with the team's
//! variety, not with the size of every plan.

use super::personal::PlanInput;
use super::{Engine, Holdings};
use crate::SCHEMA_VERSION;
use crate::answers::{
    AgreedStep, Check, Closer, CohortReport, Commission, Count, Destination, GapCount, GoalCount,
    NextStep, PersonStep, PersonalPlan, ProgrammeRef, RoleRef, Status, Tally,
};
use crate::cohort::Person;
use crate::model::PathwayKind;
use crate::profile::{Answers, Goal};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// How a cohort is counted.
#[derive(Debug, Clone, Default)]
pub struct CohortOptions {
    /// Counts under this are said as "fewer than N".
    pub suppress_below: Option<usize>,
    /// Rows left out with `--skip-bad`, to say so.
    pub skipped: usize,
    /// Today, `YYYY-MM-DD`, for each person's plan.
    pub date: String,
}

/// What one group of people in the same situation adds to the counts.
struct Summary {
    /// (id, label) of the band: "band-3", "band 3".
    band: (String, String),
    /// (id, title) of the role.
    role: (String, String),
    /// Each destination at its best: (id, requirements missing, the one
    /// missing requirement when it is one).
    dests: Vec<(String, usize, Option<String>)>,
    /// Requirements missing on a move the person wants.
    lacking: Vec<String>,
    /// Programmes that close at least one of those.
    helps: Vec<String>,
    /// Programmes that alone would make the person ready for such a move.
    makes_ready: Vec<String>,
    ready_toward_goal: bool,
    has_route: bool,
    goal_role: Option<String>,
    /// The goal in words, for the per-person table.
    goal_label: String,
    eligible_now: usize,
    agreed: Vec<AgreedStep>,
}

/// Titles and closers, kept once for the whole team.
#[derive(Default)]
struct Seen {
    dests: BTreeMap<String, RoleRef>,
    gaps: BTreeMap<String, (String, Vec<Closer>)>,
}

impl<'a> Engine<'a> {
    /// One person's own plan, for their career-conversation record: unlike
    /// the report's, it holds their own barriers, study time and skills.
    pub fn plan_of(&self, a: &Answers, date: &str) -> Option<PersonalPlan> {
        let placed = self.check_answers(a, false).ok()?;
        Some(self.personal_plan(&PlanInput {
            answers: a,
            position: placed.position,
            goal_role: placed.goal_role,
            previous: None,
            date: date.to_string(),
        }))
    }

    /// What one person's situation adds to the counts. `None` when their
    /// role does not resolve (checked earlier).
    fn summary(&self, a: &Answers, date: &str, seen: &mut Seen) -> Option<Summary> {
        let placed = self.check_answers(a, false).ok()?;
        let goal_role = placed.goal_role.map(|g| g.meta.id.to_string());
        // The counts use no barriers (they are counted per person), and
        // leaving them out saves looking up each one's signposts.
        let lean = Answers {
            barriers: Vec::new(),
            ..a.clone()
        };
        let (plan, next) = self.plan_and_next_steps(&PlanInput {
            answers: &lean,
            position: placed.position,
            goal_role: placed.goal_role,
            previous: None,
            date: date.to_string(),
        });
        let from = &next.from;
        let band = match next.band {
            Some(b) => (format!("band-{b}"), format!("band {b}")),
            None if from.band_max > from.band => (
                format!("band-{}-{}", from.band, from.band_max),
                from.band_label(),
            ),
            None => (format!("band-{}", from.band), from.band_label()),
        };
        // Gaps and programmes count only the moves the person said they
        // want: toward their goal role, or any move up.
        let wanted = |st: &NextStep| match (&goal_role, a.goal) {
            (Some(_), _) => st.toward_goal,
            (None, Goal::MoveUp | Goal::Registered) => st.kind == PathwayKind::Progression,
            _ => false,
        };
        let mut best: BTreeMap<&str, (usize, Option<&str>)> = BTreeMap::new();
        let mut lacking = BTreeSet::new();
        let mut helps = BTreeSet::new();
        let mut makes_ready = BTreeSet::new();
        let mut ready_toward_goal = false;
        for st in next
            .steps
            .iter()
            .filter(|st| st.kind != PathwayKind::StayAndDevelop)
        {
            seen.dests
                .entry(st.to.id.to_string())
                .or_insert_with(|| st.to.clone());
            for o in &st.options {
                let missing: Vec<&Check> = o
                    .checks
                    .iter()
                    .filter(|c| c.status == Status::Missing)
                    .collect();
                for c in &missing {
                    // Every gap is named by its title, wanted or not.
                    seen.gaps
                        .entry(c.requirement.clone())
                        .or_insert_with(|| (c.title.to_string(), c.close_with.clone()));
                }
                if wanted(st) {
                    for c in &missing {
                        lacking.insert(c.requirement.clone());
                        for closer in c.close_with.iter().filter(|c| c.kind == "programme") {
                            helps.insert(closer.id.to_string());
                        }
                    }
                    if st.toward_goal && missing.is_empty() {
                        ready_toward_goal = true;
                    } else if let Some(prog) = one_programme_closes(&missing) {
                        makes_ready.insert(prog);
                    }
                }
                let gap = (missing.len() == 1).then(|| missing[0].requirement.as_str());
                let e = best.entry(st.to.id.as_str()).or_insert((usize::MAX, None));
                if missing.len() < e.0 {
                    *e = (missing.len(), gap);
                }
            }
        }
        Some(Summary {
            band,
            role: (from.id.to_string(), from.title.to_string()),
            dests: best
                .into_iter()
                .map(|(id, (n, gap))| (id.to_string(), n, gap.map(str::to_string)))
                .collect(),
            lacking: lacking.into_iter().collect(),
            helps: helps.into_iter().collect(),
            makes_ready: makes_ready.into_iter().collect(),
            ready_toward_goal,
            has_route: !plan.routes.is_empty(),
            goal_label: plan
                .goal_role
                .as_ref()
                .map_or(plan.goal.clone(), |g| g.title.to_string()),
            goal_role,
            eligible_now: plan.eligible_now.len(),
            agreed: plan.agreed_steps,
        })
    }

    fn group_key(&self, a: &Answers) -> GroupKey {
        let held = self.holdings(&a.holds());
        let role = a
            .role
            .as_deref()
            .and_then(|r| self.resolve_position(r).ok())
            .map(|p| (p.role.meta.id.to_string(), p.band));
        GroupKey {
            role,
            held,
            goal: a.goal,
            goal_role: a.goal_role.clone(),
            earn: a.earn_while_learning,
            low: a
                .confidence
                .by_area()
                .map(|(_, r)| r.is_some_and(|r| r <= 2)),
            interests: (a.interests_settings.clone(), a.interests_families.clone()),
        }
    }

    /// Groups people in the same situation and works out each group's
    /// summary once: (each person's group, each group's summary, the
    /// titles seen). The groups are shared among the machine's cores; the
    /// result is the same however many there are.
    fn summaries(
        &self,
        people: &[Person],
        date: &str,
        progress: &mut dyn FnMut(usize),
    ) -> (Vec<usize>, Vec<Option<Summary>>, Seen) {
        let mut groups: FxHashMap<GroupKey, usize> = FxHashMap::default();
        // The first person of each group stands for it.
        let mut firsts: Vec<usize> = Vec::new();
        let group_of: Vec<usize> = people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                *groups.entry(self.group_key(&p.answers)).or_insert_with(|| {
                    firsts.push(i);
                    firsts.len() - 1
                })
            })
            .collect();
        drop(groups);
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8)
            .min(firsts.len().max(1));
        let done = std::sync::atomic::AtomicUsize::new(0);
        let chunk = firsts.len().div_ceil(threads).max(1);
        // Each part keeps its own titles; `tell` reports progress (only
        // this thread's part reports, for all).
        let work = |part: &[usize], tell: &mut dyn FnMut(usize)| {
            let mut seen = Seen::default();
            let out: Vec<Option<Summary>> = part
                .iter()
                .enumerate()
                .map(|(n, &i)| {
                    let s = self.summary(&people[i].answers, date, &mut seen);
                    let all = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    if n % 64 == 0 {
                        // In people, as the caller counts.
                        tell(all * people.len() / firsts.len().max(1));
                    }
                    s
                })
                .collect();
            (out, seen)
        };
        let mut chunks = firsts.chunks(chunk);
        let mine = chunks.next().unwrap_or(&[]);
        let parts: Vec<(Vec<Option<Summary>>, Seen)> = std::thread::scope(|scope| {
            let others: Vec<_> = chunks
                .map(|part| scope.spawn(|| work(part, &mut |_| {})))
                .collect();
            let mut parts = vec![work(mine, progress)];
            for h in others {
                parts.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            parts
        });
        progress(people.len());
        let mut seen = Seen::default();
        let mut summaries = Vec::with_capacity(firsts.len());
        for (part, part_seen) in parts {
            summaries.extend(part);
            // The same id has the same title and closers in every part.
            for (k, v) in part_seen.dests {
                seen.dests.entry(k).or_insert(v);
            }
            for (k, v) in part_seen.gaps {
                seen.gaps.entry(k).or_insert(v);
            }
        }
        (group_of, summaries, seen)
    }

    /// The training-needs analysis for a team. `progress` is told how many
    /// people are done, now and then.
    pub fn cohort(
        &self,
        people: &[Person],
        opts: &CohortOptions,
        progress: &mut dyn FnMut(usize),
    ) -> CohortReport {
        let tally = |n: usize| Tally {
            n,
            below: opts.suppress_below,
        };
        let (group_of, summaries, seen) = self.summaries(people, &opts.date, progress);
        let mut by_band: BTreeMap<String, (String, usize)> = BTreeMap::new();
        let mut by_role: BTreeMap<String, (String, usize)> = BTreeMap::new();
        // destination id -> (now, one gap, by gap, further)
        let mut dests: BTreeMap<String, (usize, usize, BTreeMap<String, usize>, usize)> =
            BTreeMap::new();
        let mut gaps: BTreeMap<String, usize> = BTreeMap::new();
        // programme -> (people it closes a wanted gap for, people it makes ready)
        let mut commission: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        // goal -> (people, can take the first step now, have a route)
        let mut goals: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        let mut no_goal = 0;
        let mut barriers: BTreeMap<String, (String, usize)> = BTreeMap::new();
        let mut rows = Vec::new();
        let mut counted_people = 0;
        for (p, &g) in people.iter().zip(&group_of) {
            let Some(s) = &summaries[g] else {
                continue;
            };
            counted_people += 1;
            by_band
                .entry(s.band.0.clone())
                .or_insert_with(|| (s.band.1.clone(), 0))
                .1 += 1;
            by_role
                .entry(s.role.0.clone())
                .or_insert_with(|| (s.role.1.clone(), 0))
                .1 += 1;
            for (to, n, gap) in &s.dests {
                let d = dests.entry(to.clone()).or_default();
                match (n, gap) {
                    (0, _) => d.0 += 1,
                    (1, Some(g)) => {
                        d.1 += 1;
                        *d.2.entry(g.clone()).or_default() += 1;
                    }
                    _ => d.3 += 1,
                }
            }
            for g in &s.lacking {
                *gaps.entry(g.clone()).or_default() += 1;
            }
            for prog in &s.helps {
                commission.entry(prog.clone()).or_default().0 += 1;
            }
            for prog in &s.makes_ready {
                commission.entry(prog.clone()).or_default().1 += 1;
            }
            match &s.goal_role {
                Some(g) => {
                    let e = goals.entry(g.clone()).or_default();
                    e.0 += 1;
                    // Only a first step on a route the roadmap can plan to
                    // the end counts: a step toward a goal no route reaches
                    // is not progress.
                    e.1 += usize::from(s.ready_toward_goal && s.has_route);
                    e.2 += usize::from(s.has_route);
                }
                None if p.answers.goal == Goal::NotSure => no_goal += 1,
                None => {}
            }
            for id in &p.answers.barriers {
                barriers
                    .entry(id.clone())
                    .or_insert_with(|| (self.map.title_of(id).to_string(), 0))
                    .1 += 1;
            }
            // A report for beyond the team names no one.
            if opts.suppress_below.is_none() {
                let step = |step, next_step, why, length| PersonStep {
                    person: p.label(),
                    row: p.row,
                    role: s.role.1.clone(),
                    band: s.band.1.clone(),
                    goal: s.goal_label.clone(),
                    can_apply_now: s.eligible_now,
                    step,
                    next_step,
                    why,
                    length,
                };
                if s.agreed.is_empty() {
                    // Everyone has a row, even with nothing to suggest.
                    let why = match (&s.goal_role, p.answers.goal) {
                        (_, Goal::NotSure) => {
                            "they have not decided what they want yet".to_string()
                        }
                        (Some(_), _) if !s.has_route => format!(
                            "the roadmap has no route from their role to {}",
                            s.goal_label.to_lowercase()
                        ),
                        _ => {
                            "the roadmap has nothing new to suggest for what they want".to_string()
                        }
                    };
                    rows.push(step(
                        0,
                        "A career conversation about what they want next".into(),
                        why,
                        None,
                    ));
                }
                for (i, a) in s.agreed.iter().enumerate() {
                    rows.push(step(
                        i + 1,
                        a.title.clone(),
                        about_them(&a.why),
                        a.duration.as_ref().map(|d| d.words()),
                    ));
                }
            }
        }
        let counted = |m: BTreeMap<String, (String, usize)>| -> Vec<Count> {
            let mut v: Vec<Count> = m
                .into_iter()
                .map(|(id, (label, n))| Count {
                    id,
                    label,
                    people: tally(n),
                })
                .collect();
            v.sort_by(|a, b| b.people.n.cmp(&a.people.n).then_with(|| a.id.cmp(&b.id)));
            v
        };
        let gap_title = |id: &str| seen.gaps.get(id).map_or(id.to_string(), |g| g.0.clone());
        let mut destinations: Vec<Destination> = dests
            .into_iter()
            .filter_map(|(id, (now, one, by, further))| {
                Some(Destination {
                    role: seen.dests.get(&id)?.clone(),
                    now: tally(now),
                    one_gap: tally(one),
                    one_gap_by: counted(
                        by.into_iter()
                            .map(|(g, n)| (g.clone(), (gap_title(&g), n)))
                            .collect(),
                    ),
                    further: tally(further),
                })
            })
            .collect();
        destinations.sort_by(|a, b| {
            (b.now.n + b.one_gap.n)
                .cmp(&(a.now.n + a.one_gap.n))
                .then(a.role.band.cmp(&b.role.band))
                .then_with(|| a.role.title.cmp(&b.role.title))
        });
        let mut gaps: Vec<GapCount> = gaps
            .into_iter()
            .map(|(requirement, n)| {
                let (title, close_with) = seen.gaps.get(&requirement).cloned().unwrap_or_default();
                GapCount {
                    requirement,
                    title,
                    people: tally(n),
                    close_with,
                }
            })
            .collect();
        gaps.sort_by(|a, b| {
            b.people
                .n
                .cmp(&a.people.n)
                .then_with(|| a.requirement.cmp(&b.requirement))
        });
        let mut commission: Vec<Commission> = commission
            .into_iter()
            .filter_map(|(id, (helps, ready))| {
                Some(Commission {
                    programme: ProgrammeRef::of(self.map.programme(&id)?),
                    people: tally(helps),
                    makes_ready: tally(ready),
                })
            })
            .collect();
        commission.sort_by(|a, b| {
            (b.makes_ready.n, b.people.n)
                .cmp(&(a.makes_ready.n, a.people.n))
                .then_with(|| a.programme.id.cmp(&b.programme.id))
        });
        let mut goals: Vec<GoalCount> = goals
            .into_iter()
            .filter_map(|(id, (n, now, route))| {
                Some(GoalCount {
                    role: RoleRef::of(self.map.role(&id)?),
                    people: tally(n),
                    can_move_toward_now: tally(now),
                    with_a_route: tally(route),
                })
            })
            .collect();
        goals.sort_by(|a, b| {
            b.people
                .n
                .cmp(&a.people.n)
                .then_with(|| a.role.id.cmp(&b.role.id))
        });
        CohortReport {
            schema_version: SCHEMA_VERSION,
            data_reviewed: self.reviewed(),
            date: opts.date.clone(),
            people: counted_people,
            skipped: opts.skipped,
            suppress_below: opts.suppress_below,
            // Bands in band order, not by count: "band-2" < "band-2-4" < "band-3".
            by_band: by_band
                .into_iter()
                .map(|(id, (label, n))| Count {
                    id,
                    label,
                    people: tally(n),
                })
                .collect(),
            by_role: counted(by_role),
            destinations,
            gaps,
            commission,
            goals,
            no_goal: tally(no_goal),
            barriers: counted(barriers),
            rows,
        }
    }
}

/// A plan's reason, said to the person ("you rated ... low", "your
/// options"), as a manager reads it about them.
fn about_them(why: &str) -> String {
    why.replace("you rated", "they rated")
        .replace("your ", "their ")
}

/// The one programme that closes every missing requirement of an option,
/// if there is one: the quickest that appears among every gap's closers.
fn one_programme_closes(missing: &[&Check]) -> Option<String> {
    let first = missing.first()?;
    first
        .close_with
        .iter()
        .filter(|c| c.kind == "programme")
        .find(|c| {
            missing[1..]
                .iter()
                .all(|m| m.close_with.iter().any(|x| x.id == c.id))
        })
        .map(|c| c.id.to_string())
}

/// What makes two people's plans the same.
#[derive(PartialEq, Eq, Hash)]
struct GroupKey {
    role: Option<(String, Option<u8>)>,
    held: Holdings,
    goal: Goal,
    goal_role: Option<String>,
    earn: bool,
    low: [bool; 4],
    interests: (Vec<String>, Vec<String>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(row: usize, name: &str, toml: &str) -> Person {
        Person {
            row,
            person: Some(name.into()),
            answers: toml::from_str(toml).expect("answers"),
        }
    }

    fn team() -> Vec<Person> {
        let ready = "role = \"healthcare-support-worker\"\nenglish = \"level-2\"\nenglish-how = \"gcse\"\nmaths = \"level-2\"\nmaths-how = \"gcse\"\ngoal = \"registered\"\ngoal-role = \"registered-nurse\"\n";
        let maths = "role = \"healthcare-support-worker\"\nenglish = \"level-2\"\nenglish-how = \"gcse\"\nmaths = \"level-1\"\ngoal = \"registered\"\ngoal-role = \"registered-nurse\"\n";
        vec![
            person(2, "A", ready),
            person(3, "B", maths),
            person(4, "C", ready),
            person(5, "D", maths),
            person(6, "E", maths),
        ]
    }

    fn opts(suppress: Option<usize>) -> CohortOptions {
        CohortOptions {
            suppress_below: suppress,
            skipped: 0,
            date: "2026-12-01".into(),
        }
    }

    #[test]
    fn people_in_one_situation_count_as_many_people() {
        let map = crate::embedded::roadmap();
        let e = Engine::at(&map, "2026-12-01");
        let r = e.cohort(&team(), &opts(None), &mut |_| {});
        assert_eq!(r.people, 5);
        let rn = r
            .destinations
            .iter()
            .find(|d| d.role.id == "registered-nurse")
            .unwrap();
        assert_eq!((rn.now.n, rn.one_gap.n, rn.further.n), (2, 3, 0));
        let maths = r.gaps.iter().find(|g| g.requirement == "maths-l2").unwrap();
        assert_eq!(maths.people.n, 3);
        let fs = r
            .commission
            .iter()
            .find(|c| c.programme.id == "functional-skills-maths-l2")
            .unwrap();
        assert_eq!((fs.people.n, fs.makes_ready.n), (3, 3));
        // Each person has their own rows, in staff-list order.
        let first: Vec<&str> = r
            .rows
            .iter()
            .filter(|x| x.step <= 1)
            .map(|x| x.person.as_str())
            .collect();
        assert_eq!(first, ["A", "B", "C", "D", "E"]);
    }

    #[test]
    fn the_same_team_in_any_order_gives_the_same_counts() {
        let map = crate::embedded::roadmap();
        let e = Engine::at(&map, "2026-12-01");
        let mut reversed = team();
        reversed.reverse();
        let a = e.cohort(&team(), &opts(None), &mut |_| {});
        let b = e.cohort(&reversed, &opts(None), &mut |_| {});
        let counts = |r: &CohortReport| {
            serde_json::to_string(&(
                &r.by_band,
                &r.destinations,
                &r.gaps,
                &r.commission,
                &r.goals,
            ))
            .unwrap()
        };
        assert_eq!(counts(&a), counts(&b));
    }

    #[test]
    fn suppression_hides_small_counts_and_every_row() {
        let map = crate::embedded::roadmap();
        let e = Engine::at(&map, "2026-12-01");
        let r = e.cohort(&team(), &opts(Some(3)), &mut |_| {});
        let rn = r
            .destinations
            .iter()
            .find(|d| d.role.id == "registered-nurse")
            .unwrap();
        assert_eq!(rn.now.shown(), "fewer than 3");
        assert_eq!(rn.one_gap.shown(), "3");
        assert!(r.rows.is_empty());
        assert_eq!(
            Tally {
                n: 0,
                below: Some(3)
            }
            .shown(),
            "0"
        );
        assert_eq!(Tally { n: 1, below: None }.people(), "1 person");
    }
}
