//! The personal plan behind `roadmap assess`: the same engine as
//! `pathways`, arranged around one person's answers.

use super::next::Filter;
use super::{Engine, Position, RouteQuery};
use crate::SCHEMA_VERSION;
use crate::answers::{
    AreaPlan, BarrierPlan, Changes, Gap, Move, PersonalPlan, Reach, RoleRef, Status, Suggestion,
    ViaOption,
};
use crate::matching::did_you_mean;
use crate::model::{PathwayKind, Role, Text};
use crate::profile::{Answers, Goal, LastPlan, ManagerSupport};

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
                        format!("unknown value \"{g}\"{hint}; allowed: {}", valid.join(", ")),
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
        let a = input.answers;
        let held = self.holdings(&a.holds());
        let ns = self.next_steps(&input.position, &held, &Filter::default());
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
        eligible_now.sort_by_key(|m| (!interested(&m.to), m.to.band, m.to.title.clone()));
        within_reach.sort_by_key(|m| (!interested(&m.to), m.to.band, m.to.title.clone()));
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

        let develop = self.develop(input.position.role, a);
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
            changes,
            last_plan: LastPlan {
                date: input.date.clone(),
                eligible: eligible_ids,
                gaps: gap_ids,
            },
        };
        plan.conversation = conversation(&plan, a);
        plan
    }

    /// Development in the current role, per area, low-rated areas first.
    fn develop(&self, role: &Role, a: &Answers) -> Vec<AreaPlan> {
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
            Some(h) => format!("Could I be released for study time? I could give about {h} hours a week of my own time as well."),
            None => "Could I be released for study time, and how would my shifts be covered?".into(),
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
