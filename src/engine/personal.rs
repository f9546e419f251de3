//! The personal plan behind `roadmap assess`: the same engine as
//! `pathways`, arranged around one person's answers.

use super::next::Filter;
use super::{Engine, Holdings, Position, RouteQuery};
use crate::SCHEMA_VERSION;
use crate::answers::{
    AgreedStep, AreaPlan, BarrierPlan, Changes, DurationOut, Gap, Move, NextSteps, PersonalPlan,
    Reach, RoleRef, Status, Suggestion, ViaOption,
};
use crate::matching::did_you_mean;
use crate::model::{PathwayKind, Role, Text};
use crate::profile::{Answers, Goal, LastPlan, ManagerSupport, StudyTime};

pub struct PlanInput<'a> {
    pub answers: &'a Answers,
    pub position: Position<'a>,
    pub goal_role: Option<&'a Role>,
    pub previous: Option<&'a LastPlan>,
    /// Today, `YYYY-MM-DD`: passed in so the engine stays free of clocks.
    pub date: String,
}

/// Something wrong in a person's answers: the key, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerProblem {
    pub key: String,
    pub why: String,
}

/// Where the answers place the person, and the role they aim for.
pub struct Placed<'a> {
    pub position: Position<'a>,
    pub goal_role: Option<&'a Role>,
}

impl<'a> Engine<'a> {
    /// Checks answers against the roadmap: the role and goal resolve, ids
    /// exist, ratings are 1 to 5. Every problem is returned, in key order.
    /// `need_goal_role`: a registered goal must name its role (answers from
    /// a file; the wizard asks instead).
    pub fn check_answers(
        &self,
        a: &Answers,
        need_goal_role: bool,
    ) -> Result<Placed<'a>, Vec<AnswerProblem>> {
        let mut problems = Vec::new();
        let mut problem = |key: &str, why: String| {
            problems.push(AnswerProblem {
                key: key.to_string(),
                why,
            })
        };
        let position = match a.role.as_deref() {
            Some(r) => self
                .resolve_position(r)
                .map_err(|e| problem("role", e.to_string()))
                .ok(),
            None => {
                problem(
                    "role",
                    "say where you are, e.g. role = \"band3\" or role = \"healthcare-support-worker\"".into(),
                );
                None
            }
        };
        let goal_role = match a.goal_role.as_deref() {
            Some(g) => self
                .resolve_position(g)
                .map_err(|e| problem("goal-role", e.to_string()))
                .ok()
                .map(|p| p.role),
            None => None,
        };
        if a.goal == Goal::Registered && a.goal_role.is_none() && need_goal_role {
            problem(
                "goal-role",
                "goal = \"registered\" needs goal-role, e.g. goal-role = \"registered-nurse\""
                    .into(),
            );
        }
        let settings: Vec<&str> = self
            .map
            .settings
            .iter()
            .map(|s| s.meta.id.as_str())
            .collect();
        let barriers: Vec<&str> = self
            .map
            .barriers
            .iter()
            .map(|b| b.meta.id.as_str())
            .collect();
        for (key, given, valid) in [
            ("setting", a.setting.iter().collect::<Vec<_>>(), &settings),
            (
                "interests-settings",
                a.interests_settings.iter().collect(),
                &settings,
            ),
            ("barriers", a.barriers.iter().collect(), &barriers),
        ] {
            for g in given {
                if !valid.contains(&g.as_str()) {
                    let hint = did_you_mean(g, valid.iter().copied())
                        .map_or(String::new(), |s| format!(" (did you mean `{s}`?)"));
                    problem(
                        key,
                        format!(
                            "unknown value \"{g}\"{hint}; allowed: {}",
                            crate::words::few(valid)
                        ),
                    );
                }
            }
        }
        for (area, r) in a.confidence.by_area() {
            if let Some(r) = r
                && !(1..=5).contains(&r)
            {
                problem(
                    &format!("confidence.{area}"),
                    format!("{r} is not a rating: use 1 (not confident) to 5 (very confident)"),
                );
            }
        }
        match position {
            Some(position) if problems.is_empty() => Ok(Placed {
                position,
                goal_role,
            }),
            _ => Err(problems),
        }
    }

    pub fn personal_plan(&self, input: &PlanInput<'_>) -> PersonalPlan {
        self.plan_and_next_steps(input).0
    }

    /// The plan, and the next steps it was made from (a team's analysis
    /// counts both, and should not work them out twice).
    pub fn plan_and_next_steps(&self, input: &PlanInput<'_>) -> (PersonalPlan, NextSteps) {
        let a = input.answers;
        let held = self.holdings(&a.holds());
        let filter = Filter {
            // Someone who must keep earning is shown ways that pay.
            paid: a.earn_while_learning,
            goal: input.goal_role.map(|g| g.meta.id.to_string()),
            ..Filter::default()
        };
        let ns = self.next_steps(&input.position, &held, &filter);
        let mut eligible_now = Vec::new();
        let mut within_reach = Vec::new();
        let mut gap_ids: Vec<String> = Vec::new();
        for step in ns
            .steps
            .iter()
            .filter(|s| s.kind != PathwayKind::StayAndDevelop)
        {
            let via = |o: &ViaOption| {
                o.programme
                    .as_ref()
                    .map_or("apply for a post".to_string(), |p| p.title.to_string())
            };
            if let Some(o) = step.options.iter().find(|o| o.ready) {
                if eligible_now.iter().any(|m: &Move| m.to.id == step.to.id) {
                    continue;
                }
                eligible_now.push(Move {
                    to: step.to.clone(),
                    via: via(o),
                    duration: o.programme.as_ref().and_then(|p| p.duration.clone()),
                    decided: o
                        .checks
                        .iter()
                        .filter(|c| c.status == Status::Decides)
                        .map(|c| c.title.to_string())
                        .collect(),
                });
                continue;
            }
            // Within reach: every missing requirement has a programme that gives it.
            let Some(o) = step.options.iter().find(|o| {
                o.checks
                    .iter()
                    .filter(|c| c.status == Status::Missing)
                    .all(|c| c.close_with.iter().any(|x| x.kind == "programme"))
            }) else {
                continue;
            };
            if within_reach.iter().any(|r: &Reach| r.to.id == step.to.id) {
                continue;
            }
            let gaps: Vec<Gap> = o
                .checks
                .iter()
                .filter(|c| c.status == Status::Missing)
                .map(|c| Gap {
                    requirement: c.requirement.clone(),
                    title: c.title.to_string(),
                    close_with: c.close_with.clone(),
                })
                .collect();
            gap_ids.extend(gaps.iter().map(|g| g.requirement.clone()));
            within_reach.push(Reach {
                to: step.to.clone(),
                via: via(o),
                gaps,
            });
        }
        // Interests first, then by band, so what the person asked about leads.
        let interested = |r: &RoleRef| {
            a.interests_families.iter().any(|f| r.family == *f)
                || r.settings
                    .iter()
                    .any(|s| a.interests_settings.iter().any(|x| s == x))
        };
        let toward: std::collections::HashSet<&str> = input
            .goal_role
            .map(|g| self.reaching(&g.meta.id))
            .unwrap_or_default();
        let first = |r: &RoleRef| (!toward.contains(r.id.as_str()), !interested(r));
        eligible_now.sort_by_key(|m| (first(&m.to), m.to.band, m.to.title.clone()));
        within_reach.sort_by_key(|m| (first(&m.to), m.to.band, m.to.title.clone()));
        gap_ids.sort();
        gap_ids.dedup();

        let routes = match input.goal_role {
            Some(goal) if goal.meta.id != input.position.role.meta.id => self.routes(&RouteQuery {
                from: input.position.role,
                to: goal,
                held: held.clone(),
                routes: 2,
                // Someone who must keep earning is shown routes that pay.
                paid_only: a.earn_while_learning,
            }),
            _ => Vec::new(),
        };

        let develop = self.develop(input.position.role, a, &held);
        let barriers = a
            .barriers
            .iter()
            .filter_map(|id| self.map.barriers.iter().find(|b| b.meta.id == *id))
            .map(|b| BarrierPlan {
                id: b.meta.id.to_string(),
                title: b.meta.title.to_string(),
                what_helps: b.what_helps.iter().map(|w| w.to_string()).collect(),
                signposts: self
                    .map
                    .resources
                    .iter()
                    .filter(|r| self.open(&r.meta) && r.helps_with.contains(&b.meta.id))
                    .map(signpost)
                    .collect(),
            })
            .collect();

        let eligible_ids: Vec<String> = eligible_now.iter().map(|m| m.to.id.to_string()).collect();
        let changes = input.previous.map(|p| {
            let title = |id: &str| self.map.title_of(id).to_string();
            Changes {
                since: p.date.clone(),
                newly_eligible: eligible_ids
                    .iter()
                    .filter(|id| !p.eligible.contains(id))
                    .map(|id| title(id))
                    .collect(),
                gaps_closed: p
                    .gaps
                    .iter()
                    .filter(|id| !gap_ids.contains(id))
                    .map(|id| title(id))
                    .collect(),
                new_gaps: gap_ids
                    .iter()
                    .filter(|id| !p.gaps.contains(id))
                    .map(|id| title(id))
                    .collect(),
            }
        });
        let goal = match (a.goal, input.goal_role) {
            (_, Some(r)) => format!("become a {}", r.meta.title.to_lowercase()),
            (Goal::GrowInRole, _) => "grow in my current role".into(),
            (Goal::MoveUp, _) => "move up a band".into(),
            (Goal::Registered, None) => "become a registered professional".into(),
            (Goal::NotSure, None) => "not decided yet".into(),
        };
        let mut plan = PersonalPlan {
            schema_version: SCHEMA_VERSION,
            data_reviewed: self.reviewed(),
            name: a.name.clone().filter(|n| !n.trim().is_empty()),
            date: input.date.clone(),
            position: RoleRef::of(input.position.role),
            setting: a
                .setting
                .as_ref()
                .and_then(|s| self.map.settings.iter().find(|x| x.meta.id == *s))
                .map(|s| s.meta.title.to_string()),
            goal,
            goal_role: input.goal_role.map(RoleRef::of),
            holding: self.holding_refs(&held),
            eligible_now,
            within_reach,
            routes,
            develop,
            barriers,
            conversation: Vec::new(),
            agreed_steps: Vec::new(),
            skills: skills_in_words(a),
            changes,
            last_plan: LastPlan {
                date: input.date.clone(),
                eligible: eligible_ids,
                gaps: gap_ids,
            },
        };
        plan.conversation = conversation(&plan, a);
        plan.agreed_steps = self.agreed_steps(&plan, &held);
        (plan, ns)
    }

    /// Development in the current role, per area, low-rated areas first.
    fn develop(&self, role: &Role, a: &Answers, held: &Holdings) -> Vec<AreaPlan> {
        let in_role: Vec<&str> = self
            .pathways_from(&role.meta.id)
            .iter()
            .filter(|p| p.kind == PathwayKind::StayAndDevelop)
            .flat_map(|p| p.via.iter().map(Text::as_str))
            .collect();
        let mut out: Vec<AreaPlan> = self
            .map
            .areas
            .iter()
            .map(|area| {
                let id = area.meta.id.as_str();
                let rating = a
                    .confidence
                    .by_area()
                    .iter()
                    .find(|(k, _)| *k == id)
                    .and_then(|(_, r)| *r);
                let mut offers: Vec<Suggestion> = self
                    .map
                    .programmes
                    .iter()
                    .filter(|p| {
                        self.open(&p.meta)
                            && !self.gives_nothing_new(p, held)
                            && p.areas.iter().any(|x| x == id)
                            && in_role.contains(&p.meta.id.as_str())
                    })
                    .map(|p| Suggestion {
                        id: p.meta.id.to_string(),
                        title: p.meta.title.to_string(),
                        detail: p.duration.as_ref().map(|d| d.label()),
                    })
                    .collect();
                offers.truncate(5);
                let mut signposts: Vec<Suggestion> = self
                    .map
                    .resources
                    .iter()
                    .filter(|r| self.open(&r.meta) && r.areas.iter().any(|x| x == id))
                    .map(signpost)
                    .collect();
                signposts.truncate(4);
                AreaPlan {
                    area: id.to_string(),
                    title: area.meta.title.to_string(),
                    rating,
                    priority: rating.is_some_and(|r| r <= 2),
                    offers,
                    signposts,
                }
            })
            .collect();
        out.sort_by_key(|p| !p.priority);
        out
    }
}

fn signpost(r: &crate::model::Resource) -> Suggestion {
    Suggestion {
        id: r.meta.id.to_string(),
        title: r.meta.title.to_string(),
        detail: r.url.as_ref().or(r.where_.as_ref()).map(|d| d.to_string()),
    }
}

/// Prompts for the career conversation, in the person's own voice.
fn conversation(p: &PersonalPlan, a: &Answers) -> Vec<String> {
    let mut out = vec![format!(
        "My goal is to {}. What do you think is a realistic next step for me?",
        p.goal
    )];
    for r in p.within_reach.iter().take(2) {
        for g in r.gaps.iter().take(2) {
            let how = g.close_with.first().map_or(String::new(), |c| {
                format!(", for example through {}", c.title)
            });
            out.push(format!(
                "To move towards {} I need {}{how}. Can the trust support me with this?",
                r.to.title.to_lowercase(),
                g.title
            ));
        }
    }
    if a.earn_while_learning {
        out.push("I need to keep earning while I learn. Which apprenticeships does our trust offer, and when do places open?".into());
    }
    match a.manager_supports {
        ManagerSupport::Yes => out.push("Thank you for supporting my release for study. Can we agree how many hours a week, and when?".into()),
        _ => out.push(match a.study_hours {
            StudyTime::UpTo2 | StudyTime::TwoTo6 | StudyTime::MoreThan6 => format!(
                "Could I be released for study time? I could give {} of my own time as well.",
                a.study_hours.words()
            ),
            StudyTime::None | StudyTime::NotSure => {
                "Could I be released for study time, and how would my shifts be covered?".into()
            }
        }),
    }
    for area in p.develop.iter().filter(|d| d.priority) {
        out.push(format!(
            "I rated my confidence in {} low. What development is there for this in my role?",
            area.title.to_lowercase()
        ));
    }
    if !p.barriers.is_empty() {
        out.push("I have found some things hard (listed in this record). Can we talk about what would help?".into());
    }
    out.push("What is on offer locally? It varies by trust, so who in the education team should I talk to?".into());
    out.push("Can we write down agreed next steps, and review them at my next appraisal?".into());
    out
}

/// Next steps to agree, most useful first. A gap-closing step counts once
/// for every route to the goal and every move within reach that needs it; a
/// route's first move counts once. Ties keep the order of route 1. Then the
/// first offer in each area the person rated low. At most five, no repeats.
impl Engine<'_> {
    fn agreed_steps(&self, p: &PersonalPlan, held: &Holdings) -> Vec<AgreedStep> {
        use crate::answers::Action;
        let mut planned = held.clone();
        let goal = p
            .goal_role
            .as_ref()
            .map_or("your goal".to_string(), |g| g.title.to_lowercase());
        let mut seen: Vec<Candidate> = Vec::new();
        let mut count = |title: String, why: String, duration: Option<DurationOut>| match seen
            .iter_mut()
            .find(|s| s.title == title)
        {
            Some(s) => s.count += 1,
            None => seen.push(Candidate {
                title,
                count: 1,
                why,
                duration,
            }),
        };
        for r in &p.routes {
            let mut moved = false;
            for st in &r.steps {
                match (st.action, &st.programme) {
                    (Action::CloseGap, Some(g)) => {
                        if let Some(prog) = self.map.programme(&g.id) {
                            for id in &prog.grants {
                                planned.add_id(&self.reqs, id);
                            }
                        }
                        count(
                            g.title.to_string(),
                            format!("on the way to {goal}"),
                            g.duration.clone(),
                        )
                    }
                    (Action::Move, prog) if !moved => {
                        moved = true;
                        let title = match prog {
                            Some(g) => format!(
                                "{}, to become {}",
                                g.title,
                                crate::words::a_or_an(&st.to.title.to_lowercase())
                            ),
                            None => format!(
                                "Apply for a post as {}",
                                crate::words::a_or_an(&st.to.title.to_lowercase())
                            ),
                        };
                        count(
                            title,
                            format!("the first move toward {goal}"),
                            prog.as_ref().and_then(|g| g.duration.clone()),
                        )
                    }
                    _ => {}
                }
            }
        }
        for r in &p.within_reach {
            for g in &r.gaps {
                if let Some(c) = g.close_with.iter().find(|c| c.kind == "programme") {
                    if let Some(prog) = self.map.programme(&c.id) {
                        for id in &prog.grants {
                            planned.add_id(&self.reqs, id);
                        }
                    }
                    count(
                        c.title.to_string(),
                        format!("opens {}", r.to.title.to_lowercase()),
                        c.duration.clone(),
                    );
                }
            }
        }
        // A stable sort: equal counts keep the order they were first seen.
        seen.sort_by_key(|c| std::cmp::Reverse(c.count));
        let mut out: Vec<AgreedStep> = seen
            .into_iter()
            .map(|c| AgreedStep {
                why: if c.count > 1 {
                    format!("{}; it opens {} of your options", c.why, c.count)
                } else {
                    c.why
                },
                title: c.title,
                duration: c.duration,
            })
            .collect();
        for d in p.develop.iter().filter(|d| d.priority) {
            // The first offer that adds to what is held or planned: no Level 1
            // course once Level 2 is agreed.
            let fresh = d.offers.iter().find(|o| {
                self.map
                    .programme(&o.id)
                    .is_none_or(|g| !self.gives_nothing_new(g, &planned))
            });
            if let Some(o) = fresh
                && out.iter().all(|s| s.title != o.title)
            {
                out.push(AgreedStep {
                    title: o.title.clone(),
                    why: format!("you rated {} low", d.title.to_lowercase()),
                    duration: None,
                });
            }
        }
        out.truncate(5);
        out
    }
}

/// A possible next step, and how many routes and moves it helps.
struct Candidate {
    title: String,
    count: usize,
    why: String,
    duration: Option<DurationOut>,
}

/// English, maths, digital skills, what has been finished, and study time,
/// as a manager would read them.
fn skills_in_words(a: &Answers) -> Vec<(String, String)> {
    use crate::profile::{Digital, How, Level};
    let level = |l: Level, how: How| {
        let how = match how {
            How::Gcse => " (GCSE)",
            How::FunctionalSkills => " (Functional Skills)",
            How::Other => " (another qualification)",
            How::NotSure => "",
        };
        match l {
            Level::NotSaid => "not said".to_string(),
            Level::None => "no qualification yet".to_string(),
            Level::Entry => "Entry level".to_string(),
            Level::Level1 => format!("Level 1{how}"),
            Level::Level2 => format!("Level 2{how}"),
            Level::Higher => format!("higher than Level 2{how}"),
        }
    };
    let digital = match a.digital {
        Digital::NotSaid => "not said",
        Digital::FindItHard => "finds computers and phones hard to use",
        Digital::Everyday => "manages everyday things (email, forms, e-learning)",
        Digital::Confident => "confident with digital tools",
        Digital::Qualification => "has an Essential Digital Skills qualification",
    };
    let mut finished: Vec<&str> = Vec::new();
    if a.care_certificate {
        finished.push("Care Certificate");
    }
    finished.extend(a.qualifications.iter().map(|q| q.short()));
    vec![
        ("English".into(), level(a.english, a.english_how)),
        ("Maths".into(), level(a.maths, a.maths_how)),
        ("Digital skills".into(), digital.into()),
        (
            "Finished".into(),
            if finished.is_empty() {
                "nothing recorded".into()
            } else {
                finished.join(", ")
            },
        ),
        ("Own time for study".into(), a.study_hours.words().into()),
    ]
}
