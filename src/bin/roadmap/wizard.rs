//! The self-assessment questions (dialoguer). It only builds `Answers`;
//! the plan comes from the same engine as `pathways`.
//!
//! Twelve questions on the main path; a few more only when they matter
//! ("how did you get it?" only when a level is given). Every question can
//! be revisited with Esc without losing answers, and each starts on the
//! saved answer, or on the most likely one: never on "skip" or "not sure".

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Select};
use hcsw_roadmap::engine::Engine;
use hcsw_roadmap::model::{Regulator, Role};
use hcsw_roadmap::profile::{
    Answers, Digital, Goal, How, Level, ManagerSupport, Qualification, StudyTime,
};
use hcsw_roadmap::terminal::clean;
use hcsw_roadmap::{Error, Result};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Said once, whichever notices the interruption first: the Ctrl-C handler
/// or a prompt that was reading a key.
static SAID: AtomicBool = AtomicBool::new(false);

/// Shows the cursor again (prompts hide it), ends the line and says that
/// nothing was saved.
pub fn say_nothing_saved() {
    if SAID.swap(true, Ordering::SeqCst) {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\x1b[?25h\nNothing was saved.\n");
    let _ = err.flush();
}

/// Ctrl-C anywhere in the wizard (at a text prompt, or while the plan is
/// worked out) ends the run the same way: terminal restored, nothing saved,
/// exit 130.
pub fn on_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        say_nothing_saved();
        std::process::exit(hcsw_roadmap::error::exit::INTERRUPTED);
    });
}

/// Ctrl-C at a prompt, or the input closed, arrives here.
pub fn interrupted(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = e;
    match io.kind() {
        std::io::ErrorKind::Interrupted | std::io::ErrorKind::UnexpectedEof => Error::Interrupted,
        _ => Error::io("terminal", io),
    }
}

pub struct Wizard<'e, 'a> {
    engine: &'e Engine<'a>,
    theme: Box<dyn Theme>,
}

/// What the person did at a question.
enum Step<T> {
    Answer(T),
    Back,
}

/// The questions, in order. Some are asked only when they matter.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Q {
    Role,
    Setting,
    English,
    EnglishHow,
    Maths,
    MathsHow,
    Digital,
    Finished,
    Goal,
    GoalRole,
    Interests,
    Earn,
    StudyTime,
    Manager,
    Confidence,
    Barriers,
}

const ORDER: [Q; 16] = [
    Q::Role,
    Q::Setting,
    Q::English,
    Q::EnglishHow,
    Q::Maths,
    Q::MathsHow,
    Q::Digital,
    Q::Finished,
    Q::Goal,
    Q::GoalRole,
    Q::Interests,
    Q::Earn,
    Q::StudyTime,
    Q::Manager,
    Q::Confidence,
    Q::Barriers,
];

/// Levels for which "how did you get it?" matters.
fn has_level(l: Level) -> bool {
    matches!(l, Level::Level1 | Level::Level2 | Level::Higher)
}

/// Stores an answer in `field`, or passes Back on.
macro_rules! set {
    ($step:expr, $field:expr) => {
        match $step {
            Step::Answer(v) => {
                $field = v;
                Step::Answer(())
            }
            Step::Back => Step::Back,
        }
    };
}

impl<'e, 'a> Wizard<'e, 'a> {
    pub fn new(engine: &'e Engine<'a>, color: bool) -> Self {
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Wizard { engine, theme }
    }

    /// One choice; Esc (or q) goes back.
    fn choose<T: Copy + PartialEq>(
        &self,
        prompt: &str,
        choices: &[(T, &str)],
        default: T,
    ) -> Result<Step<T>> {
        // Labels are titles from data files a trust may edit: never raw.
        let labels: Vec<String> = choices.iter().map(|c| clean(c.1)).collect();
        let start = choices.iter().position(|c| c.0 == default).unwrap_or(0);
        let i = Select::with_theme(&*self.theme)
            .with_prompt(format!("{prompt} (Esc: back)"))
            .items(&labels)
            .default(start)
            .max_length(12)
            .interact_opt()
            .map_err(interrupted)?;
        Ok(i.map_or(Step::Back, |i| Step::Answer(choices[i].0)))
    }

    /// Ticks, any number; Esc goes back.
    fn pick_many(
        &self,
        prompt: &str,
        labels: &[String],
        chosen: &[bool],
    ) -> Result<Step<Vec<usize>>> {
        let labels: Vec<String> = labels.iter().map(|l| clean(l)).collect();
        let picked = MultiSelect::with_theme(&*self.theme)
            .with_prompt(format!(
                "{prompt} (space to tick, Enter when done, Esc: back)"
            ))
            .items(&labels)
            .defaults(chosen)
            .interact_opt()
            .map_err(interrupted)?;
        Ok(picked.map_or(Step::Back, Step::Answer))
    }

    /// Yes or no, starting on `default`; Esc goes back.
    fn yes_no(&self, prompt: &str, default: bool) -> Result<Step<bool>> {
        let ans = Confirm::with_theme(&*self.theme)
            .with_prompt(format!("{prompt} (Esc: back)"))
            .default(default)
            .interact_opt()
            .map_err(interrupted)?;
        Ok(ans.map_or(Step::Back, Step::Answer))
    }

    pub fn confirm(&self, prompt: &str, default: bool) -> Result<bool> {
        Confirm::with_theme(&*self.theme)
            .with_prompt(prompt)
            .default(default)
            .interact()
            .map_err(interrupted)
    }

    pub fn text(&self, prompt: &str, default: &str) -> Result<String> {
        Input::<String>::with_theme(&*self.theme)
            .with_prompt(prompt)
            .with_initial_text(default)
            .allow_empty(true)
            .interact_text()
            .map_err(interrupted)
    }

    /// Support roles first, as people name them.
    fn support_roles(&self) -> Vec<&'a Role> {
        let mut roles: Vec<&Role> = self
            .engine
            .map
            .roles
            .iter()
            .filter(|r| r.band <= 4 && r.closed_since.is_none())
            .collect();
        roles.sort_by(|x, y| {
            x.band
                .cmp(&y.band)
                .then_with(|| x.meta.title.cmp(&y.meta.title))
        });
        roles
    }

    /// Asks everything, pre-filled from `prev` (the saved profile).
    pub fn ask(&self, prev: &Answers) -> Result<Answers> {
        let mut a = prev.clone();
        if *prev == Answers::default() {
            // The most likely answer for a support worker: start there.
            a.earn_while_learning = true;
        }
        let mut i = 0;
        while i < ORDER.len() {
            let q = ORDER[i];
            if !self.applies(q, &a) {
                i += 1;
                continue;
            }
            match self.ask_one(q, &mut a)? {
                Step::Answer(()) => i += 1,
                Step::Back => {
                    // Back to the last question that was asked.
                    while i > 0 {
                        i -= 1;
                        if self.applies(ORDER[i], &a) {
                            break;
                        }
                    }
                }
            }
        }
        Ok(a)
    }

    fn applies(&self, q: Q, a: &Answers) -> bool {
        match q {
            Q::EnglishHow => has_level(a.english),
            Q::MathsHow => has_level(a.maths),
            Q::GoalRole => a.goal == Goal::Registered,
            Q::Interests => matches!(a.goal, Goal::MoveUp | Goal::NotSure),
            _ => true,
        }
    }

    fn ask_one(&self, q: Q, a: &mut Answers) -> Result<Step<()>> {
        Ok(match q {
            Q::Role => return self.ask_role(a),
            Q::Setting => return self.ask_setting(a),
            Q::English => set!(
                self.choose(
                    "Your English: the highest level you have",
                    &Level::CHOICES,
                    likely_level(a.english)
                )?,
                a.english
            ),
            Q::EnglishHow => set!(
                self.choose(
                    "How did you get your English?",
                    &How::CHOICES,
                    likely_how(a.english_how)
                )?,
                a.english_how
            ),
            Q::Maths => set!(
                self.choose(
                    "Your maths: the highest level you have",
                    &Level::CHOICES,
                    likely_level(a.maths)
                )?,
                a.maths
            ),
            Q::MathsHow => set!(
                self.choose(
                    "How did you get your maths?",
                    &How::CHOICES,
                    likely_how(a.maths_how)
                )?,
                a.maths_how
            ),
            Q::Digital => set!(
                self.choose(
                    "Your digital skills",
                    &Digital::CHOICES,
                    if a.digital == Digital::NotSaid {
                        Digital::Everyday
                    } else {
                        a.digital
                    },
                )?,
                a.digital
            ),
            Q::Finished => return self.ask_finished(a),
            Q::Goal => set!(
                self.choose(
                    "What do you want next?",
                    &Goal::CHOICES,
                    if a.goal == Goal::NotSure {
                        Goal::MoveUp
                    } else {
                        a.goal
                    },
                )?,
                a.goal
            ),
            Q::GoalRole => return self.ask_goal_role(a),
            Q::Interests => return self.ask_interests(a),
            Q::Earn => set!(
                self.yes_no(
                    "Do you need to keep earning while you learn?",
                    a.earn_while_learning
                )?,
                a.earn_while_learning
            ),
            Q::StudyTime => set!(
                self.choose(
                    "How much of your own time could you give to study?",
                    &StudyTime::CHOICES,
                    if a.study_hours == StudyTime::NotSure {
                        StudyTime::UpTo2
                    } else {
                        a.study_hours
                    },
                )?,
                a.study_hours
            ),
            Q::Manager => set!(
                self.choose(
                    "Does your manager support you being released for training?",
                    &ManagerSupport::CHOICES,
                    a.manager_supports,
                )?,
                a.manager_supports
            ),
            Q::Confidence => return self.ask_confidence(a),
            Q::Barriers => return self.ask_barriers(a),
        })
    }

    /// Where they work: the saved setting, else the role's likeliest, never Skip.
    fn ask_setting(&self, a: &mut Answers) -> Result<Step<()>> {
        let map = self.engine.map;
        Ok({
            let mut choices: Vec<(Option<String>, String)> = map
                .settings
                .iter()
                .map(|s| (Some(s.meta.id.to_string()), s.meta.title.to_string()))
                .collect();
            choices.push((None, "Skip".into()));
            // The saved setting, else the role's first: never "Skip".
            let likely = a.setting.clone().or_else(|| {
                a.role
                    .as_deref()
                    .and_then(|r| self.engine.resolve_position(r).ok())
                    .and_then(|p| {
                        let s = &p.role.settings;
                        // Most support workers are in hospitals.
                        s.iter()
                            .find(|x| *x == "acute")
                            .or(s.first())
                            .map(|x| x.to_string())
                    })
                    .or_else(|| choices[0].0.clone())
            });
            let idx: Vec<(usize, &str)> = choices
                .iter()
                .enumerate()
                .map(|(i, c)| (i, c.1.as_str()))
                .collect();
            let start = choices.iter().position(|c| c.0 == likely).unwrap_or(0);
            match self.choose("Where do you work?", &idx, start)? {
                Step::Answer(i) => {
                    a.setting = choices[i].0.clone();
                    Step::Answer(())
                }
                Step::Back => Step::Back,
            }
        })
    }

    /// What they have finished: the Care Certificate and qualifications in one list.
    fn ask_finished(&self, a: &mut Answers) -> Result<Step<()>> {
        Ok({
            let mut labels = vec!["The Care Certificate".to_string()];
            labels.extend(Qualification::CHOICES.iter().map(|c| c.1.to_string()));
            let mut ticked = vec![a.care_certificate];
            ticked.extend(
                Qualification::CHOICES
                    .iter()
                    .map(|c| a.qualifications.contains(&c.0)),
            );
            match self.pick_many("What have you finished? (tick any)", &labels, &ticked)? {
                Step::Answer(picked) => {
                    a.care_certificate = picked.contains(&0);
                    a.qualifications = picked
                        .iter()
                        .filter(|&&i| i > 0)
                        .map(|&i| Qualification::CHOICES[i - 1].0)
                        .collect();
                    Step::Answer(())
                }
                Step::Back => Step::Back,
            }
        })
    }

    /// Which registered role, when that is the goal.
    fn ask_goal_role(&self, a: &mut Answers) -> Result<Step<()>> {
        let map = self.engine.map;
        Ok({
            let mut reg: Vec<&Role> = map
                .roles
                .iter()
                .filter(|r| r.registered != Regulator::None)
                .collect();
            reg.sort_by(|x, y| x.meta.title.cmp(&y.meta.title));
            let choices: Vec<(usize, &str)> = reg
                .iter()
                .enumerate()
                .map(|(i, r)| (i, r.meta.title.as_str()))
                .collect();
            let start = reg
                .iter()
                .position(|r| a.goal_role.as_deref() == Some(r.meta.id.as_str()))
                .or_else(|| reg.iter().position(|r| r.meta.id == "registered-nurse"))
                .unwrap_or(0);
            match self.choose("Which registered role?", &choices, start)? {
                Step::Answer(i) => {
                    a.goal_role = Some(reg[i].meta.id.to_string());
                    Step::Answer(())
                }
                Step::Back => Step::Back,
            }
        })
    }

    /// Which kinds of work interest them, when moving up or not sure.
    fn ask_interests(&self, a: &mut Answers) -> Result<Step<()>> {
        let map = self.engine.map;
        Ok({
            let metas: Vec<_> = map.settings.iter().map(|s| &s.meta).collect();
            let labels: Vec<String> = metas.iter().map(|m| m.title.to_string()).collect();
            let ticked: Vec<bool> = metas
                .iter()
                .map(|m| a.interests_settings.iter().any(|p| m.id == *p))
                .collect();
            match self.pick_many("Where would you like to work? (optional)", &labels, &ticked)? {
                Step::Answer(picked) => {
                    a.interests_settings =
                        picked.iter().map(|&i| metas[i].id.to_string()).collect();
                    Step::Answer(())
                }
                Step::Back => Step::Back,
            }
        })
    }

    /// The areas they feel least confident in, as one list.
    fn ask_confidence(&self, a: &mut Answers) -> Result<Step<()>> {
        Ok({
            const AREAS: [&str; 4] = [
                "English, maths and digital skills",
                "Personal skills, such as leading, resilience and coaching",
                "The technical skills of my job",
                "Planning my career",
            ];
            let ratings = a.confidence.by_area();
            let ticked: Vec<bool> = ratings
                .iter()
                .map(|(_, r)| r.is_some_and(|r| r <= 2))
                .collect();
            let labels: Vec<String> = AREAS.iter().map(|s| s.to_string()).collect();
            match self.pick_many(
                "Which of these do you feel least confident about?",
                &labels,
                &ticked,
            )? {
                Step::Answer(picked) => {
                    // Ticked: low (2). Unticked: a low rating is cleared,
                    // any other rating from an answers file is kept.
                    let rate = |i: usize, old: Option<u8>| {
                        if picked.contains(&i) {
                            Some(2)
                        } else {
                            old.filter(|r| *r > 2)
                        }
                    };
                    let c = &mut a.confidence;
                    c.skills_for_life = rate(0, c.skills_for_life);
                    c.personal_skills = rate(1, c.personal_skills);
                    c.technical_skills = rate(2, c.technical_skills);
                    c.career_progression = rate(3, c.career_progression);
                    Step::Answer(())
                }
                Step::Back => Step::Back,
            }
        })
    }

    /// What has held them back.
    fn ask_barriers(&self, a: &mut Answers) -> Result<Step<()>> {
        let map = self.engine.map;
        Ok({
            let metas: Vec<_> = map.barriers.iter().map(|b| &b.meta).collect();
            let labels: Vec<String> = metas.iter().map(|m| m.title.to_string()).collect();
            let ticked: Vec<bool> = metas
                .iter()
                .map(|m| a.barriers.iter().any(|p| m.id == *p))
                .collect();
            match self.pick_many("Has anything held you back? (optional)", &labels, &ticked)? {
                Step::Answer(picked) => {
                    a.barriers = picked.iter().map(|&i| metas[i].id.to_string()).collect();
                    Step::Answer(())
                }
                Step::Back => Step::Back,
            }
        })
    }

    fn ask_role(&self, a: &mut Answers) -> Result<Step<()>> {
        let roles = self.support_roles();
        let mut labels: Vec<String> = roles
            .iter()
            .map(|r| clean(&format!("{} ({})", r.meta.title, r.band_label())))
            .collect();
        labels.push("Another role: I'll type it".into());
        let prev_role = a
            .role
            .as_deref()
            .and_then(|r| self.engine.resolve_position(r).ok())
            .map(|p| p.role.meta.id.to_string());
        // The saved role, else the most common one: a healthcare support worker.
        let start = prev_role
            .as_ref()
            .and_then(|id| roles.iter().position(|r| r.meta.id == *id))
            .or_else(|| {
                roles
                    .iter()
                    .position(|r| r.meta.id == "healthcare-support-worker")
            })
            .unwrap_or(0);
        let Some(i) = Select::with_theme(&*self.theme)
            .with_prompt("What is your role now?")
            .items(&labels)
            .default(start)
            .max_length(12)
            .interact_opt()
            .map_err(interrupted)?
        else {
            // The first question: there is nothing to go back to.
            return self.ask_role(a);
        };
        if i < roles.len() {
            a.role = Some(roles[i].meta.id.to_string());
            return Ok(Step::Answer(()));
        }
        let engine = self.engine;
        let typed = Input::<String>::with_theme(&*self.theme)
            .with_prompt("Your role or band (for example \"band 3\" or \"theatre support worker\"; leave empty to go back)")
            .allow_empty(true)
            .validate_with(|t: &String| {
                if t.trim().is_empty() {
                    return Ok(());
                }
                engine
                    .resolve_position(t)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            })
            .interact_text()
            .map_err(interrupted)?;
        if typed.trim().is_empty() {
            return self.ask_role(a);
        }
        a.role = Some(typed);
        Ok(Step::Answer(()))
    }
}

/// The saved level, or the most common one for support workers (Level 2):
/// never "rather not say".
fn likely_level(saved: Level) -> Level {
    if saved == Level::NotSaid {
        Level::Level2
    } else {
        saved
    }
}

/// The saved answer, or GCSE: never "not sure".
fn likely_how(saved: How) -> How {
    if saved == How::NotSure {
        How::Gcse
    } else {
        saved
    }
}
