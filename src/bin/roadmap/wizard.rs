//! The self-assessment questions (dialoguer). It only builds `Answers`;
//! the plan comes from the same engine as `pathways`.

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Select};
use hcsw_roadmap::engine::Engine;
use hcsw_roadmap::model::{Meta, Regulator};
use hcsw_roadmap::profile::{
    Answers, Confidence, Digital, Goal, How, Level, ManagerSupport, Qualification, StudyTime,
};
use hcsw_roadmap::render::text::clean;
use hcsw_roadmap::{Error, Result};

/// Ctrl-C raises SIGINT (dialoguer's doing), which ends the process before
/// anything is saved. EOF and read errors arrive here.
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

impl<'e, 'a> Wizard<'e, 'a> {
    pub fn new(engine: &'e Engine<'a>, color: bool) -> Self {
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Wizard { engine, theme }
    }

    fn choose<T: Copy + PartialEq>(
        &self,
        prompt: &str,
        choices: &[(T, &str)],
        default: T,
    ) -> Result<T> {
        // Labels are titles from data files a trust may edit: never raw.
        let labels: Vec<String> = choices.iter().map(|c| clean(c.1)).collect();
        let start = choices.iter().position(|c| c.0 == default).unwrap_or(0);
        let i = Select::with_theme(&*self.theme)
            .with_prompt(prompt)
            .items(&labels)
            .default(start)
            .interact()
            .map_err(interrupted)?;
        Ok(choices[i].0)
    }

    fn pick_many(&self, prompt: &str, labels: &[String], chosen: &[bool]) -> Result<Vec<usize>> {
        let labels: Vec<String> = labels.iter().map(|l| clean(l)).collect();
        MultiSelect::with_theme(&*self.theme)
            .with_prompt(format!("{prompt} (space to tick, Enter when done)"))
            .items(&labels)
            .defaults(chosen)
            .interact()
            .map_err(interrupted)
    }

    /// Ticks records by title; those in `previous` (ids) start ticked.
    /// Returns the ids ticked, in list order.
    fn pick_records<'m>(
        &self,
        prompt: &str,
        records: impl Iterator<Item = &'m Meta>,
        previous: &[String],
    ) -> Result<Vec<String>> {
        let metas: Vec<&Meta> = records.collect();
        let labels: Vec<String> = metas.iter().map(|m| m.title.to_string()).collect();
        let ticked: Vec<bool> = metas
            .iter()
            .map(|m| previous.iter().any(|p| m.id == *p))
            .collect();
        Ok(self
            .pick_many(prompt, &labels, &ticked)?
            .into_iter()
            .map(|i| metas[i].id.to_string())
            .collect())
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

    /// Asks everything, pre-filled from `prev` (the saved profile).
    pub fn ask(&self, prev: &Answers) -> Result<Answers> {
        let map = self.engine.map;
        let mut a = prev.clone();
        let name = self.text(
            "Your name, for the record you take to your manager (leave blank to skip)",
            prev.name.as_deref().unwrap_or(""),
        )?;
        a.name = Some(name.trim().to_string()).filter(|n| !n.is_empty());

        // Where you are: support roles first, as people name them.
        let mut roles: Vec<_> = map
            .roles
            .iter()
            .filter(|r| r.band <= 4 && r.closed_since.is_none())
            .collect();
        roles.sort_by(|x, y| {
            x.band
                .cmp(&y.band)
                .then_with(|| x.meta.title.cmp(&y.meta.title))
        });
        let mut labels: Vec<String> = roles
            .iter()
            .map(|r| clean(&format!("{} ({})", r.meta.title, r.band_label())))
            .collect();
        labels.push("Another role: I'll type it".into());
        let prev_role = prev
            .role
            .as_deref()
            .and_then(|r| self.engine.resolve_position(r).ok())
            .map(|p| p.role.meta.id.to_string());
        let start = prev_role
            .as_ref()
            .and_then(|id| roles.iter().position(|r| r.meta.id == *id))
            .unwrap_or(0);
        let i = Select::with_theme(&*self.theme)
            .with_prompt("What is your role now?")
            .items(&labels)
            .default(start)
            .max_length(12)
            .interact()
            .map_err(interrupted)?;
        a.role = Some(if i < roles.len() {
            roles[i].meta.id.to_string()
        } else {
            let engine = self.engine;
            Input::<String>::with_theme(&*self.theme)
                .with_prompt(
                    "Your role or band (for example \"band 3\" or \"theatre support worker\")",
                )
                .validate_with(|t: &String| {
                    engine
                        .resolve_position(t)
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                })
                .interact_text()
                .map_err(interrupted)?
        });

        let mut settings: Vec<(Option<String>, String)> = map
            .settings
            .iter()
            .map(|s| (Some(s.meta.id.to_string()), s.meta.title.to_string()))
            .collect();
        settings.push((None, "Skip".into()));
        let choices: Vec<(usize, &str)> = settings
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.1.as_str()))
            .collect();
        let start = settings
            .iter()
            .position(|s| s.0 == prev.setting)
            .unwrap_or(settings.len() - 1);
        a.setting = settings[self.choose("Where do you work?", &choices, start)?]
            .0
            .clone();

        a.english = self.choose(
            "Your English: the highest level you have",
            &Level::CHOICES,
            prev.english,
        )?;
        if matches!(a.english, Level::Level1 | Level::Level2 | Level::Higher) {
            a.english_how = self.choose("How did you get it?", &How::CHOICES, prev.english_how)?;
        }
        a.maths = self.choose(
            "Your maths: the highest level you have",
            &Level::CHOICES,
            prev.maths,
        )?;
        if matches!(a.maths, Level::Level1 | Level::Level2 | Level::Higher) {
            a.maths_how = self.choose("How did you get it?", &How::CHOICES, prev.maths_how)?;
        }
        a.digital = self.choose("Your digital skills", &Digital::CHOICES, prev.digital)?;
        a.care_certificate = self.confirm(
            "Have you completed the Care Certificate?",
            prev.care_certificate,
        )?;

        let labels: Vec<String> = Qualification::CHOICES
            .iter()
            .map(|c| c.1.to_string())
            .collect();
        let ticked: Vec<bool> = Qualification::CHOICES
            .iter()
            .map(|c| prev.qualifications.contains(&c.0))
            .collect();
        a.qualifications = self
            .pick_many(
                "Qualifications or apprenticeships you have finished",
                &labels,
                &ticked,
            )?
            .into_iter()
            .map(|i| Qualification::CHOICES[i].0)
            .collect();

        a.goal = self.choose("What do you want next?", &Goal::CHOICES, prev.goal)?;
        a.goal_role = None;
        if a.goal == Goal::Registered {
            let mut reg: Vec<_> = map
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
                .position(|r| prev.goal_role.as_deref() == Some(r.meta.id.as_str()))
                .unwrap_or(0);
            let i = self.choose("Which registered role?", &choices, start)?;
            a.goal_role = Some(reg[i].meta.id.to_string());
        }

        a.interests_settings = self.pick_records(
            "Settings that interest you (optional)",
            map.settings.iter().map(|s| &s.meta),
            &prev.interests_settings,
        )?;

        a.earn_while_learning = self.confirm(
            "Do you need to keep earning while you learn?",
            prev.earn_while_learning,
        )?;
        a.study_hours = self.choose(
            "How much of your own time could you give to study?",
            &StudyTime::CHOICES,
            prev.study_hours,
        )?;
        a.manager_supports = self.choose(
            "Does your manager support you being released for training?",
            &ManagerSupport::CHOICES,
            prev.manager_supports,
        )?;

        let scale: [(Option<u8>, &str); 6] = [
            (Some(1), "1: not confident"),
            (Some(2), "2"),
            (Some(3), "3"),
            (Some(4), "4"),
            (Some(5), "5: very confident"),
            (None, "Skip"),
        ];
        a.confidence = Confidence {
            skills_for_life: self.choose(
                "How confident are you in English, maths and digital skills?",
                &scale,
                prev.confidence.skills_for_life,
            )?,
            personal_skills: self.choose(
                "How confident are you in personal skills (such as leading, resilience, coaching)?",
                &scale,
                prev.confidence.personal_skills,
            )?,
            technical_skills: self.choose(
                "How confident are you in the technical skills of your job?",
                &scale,
                prev.confidence.technical_skills,
            )?,
            career_progression: self.choose(
                "How confident are you about planning your career?",
                &scale,
                prev.confidence.career_progression,
            )?,
        };

        a.barriers = self.pick_records(
            "Has anything held you back? (optional)",
            map.barriers.iter().map(|b| &b.meta),
            &prev.barriers,
        )?;
        Ok(a)
    }
}
