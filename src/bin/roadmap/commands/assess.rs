//! `roadmap assess`: the self-assessment, the personal plan, the saved
//! profile and the career-conversation record.

use super::{App, emit, refuse_existing, status, write_private_file};
use crate::cli::AssessArgs;
use crate::wizard::Wizard;
use hcsw_roadmap::engine::Engine;
use hcsw_roadmap::engine::personal::PlanInput;
use hcsw_roadmap::profile::{Answers, PROFILE_VERSION, Profile, Store};
use hcsw_roadmap::render::{Markdown, Text};
use hcsw_roadmap::{Error, Result};
use std::io::IsTerminal;
use std::path::Path;

pub fn run(app: &App, a: &AssessArgs) -> Result<()> {
    if a.template {
        return emit(hcsw_roadmap::profile::TEMPLATE);
    }
    let map = app.roadmap()?;
    let engine = Engine::new(map);
    let interactive = a.answers.is_none();
    // Where answers will be saved, if anywhere. An answers file is one
    // person's: it is saved only where asked, never over the user's own
    // profile by default.
    let own = Store::locate();
    let target = match (&a.profile_file, interactive) {
        (Some(file), _) => Some(Store::at_file(file)),
        (None, true) if !a.no_save => Some(own_path(&own)?),
        (None, false) if a.save => Some(own_path(&own)?),
        _ => None,
    };
    // The saved profile: the target's, or (asking without saving) the
    // user's own, to fill in the answers.
    let saved = match (&target, &own) {
        (Some(s), _) => s.load().map_err(super::profile::error)?,
        (None, Ok(s)) if interactive => s.load().map_err(super::profile::error)?,
        _ => None,
    };
    // Refuse an existing output before asking anything, not after.
    refuse_existing(a.output.as_deref(), a.force)?;
    let wizard = Wizard::new(&engine, app.style.color);
    let mut answers = match &a.answers {
        Some(path) => read_answers(path)?,
        None => {
            if !std::io::stderr().is_terminal() || !std::io::stdin().is_terminal() {
                return Err(Error::Usage(
                    "roadmap assess asks questions, but there is no terminal to ask them in.\n  \
                     Put your answers in a file and run: roadmap assess --answers answers.toml\n  \
                     (see \"Self-assessment without a terminal\" in the README for the keys)"
                        .into(),
                ));
            }
            let prev = saved
                .as_ref()
                .map(|p| p.answers.clone())
                .unwrap_or_default();
            crate::wizard::on_ctrl_c();
            if saved.is_some() {
                status(
                    "Your answers from last time are filled in: press Enter to keep each one.\n",
                );
            }
            wizard.ask(&prev)?
        }
    };
    let source = if interactive {
        None
    } else {
        a.answers.as_deref()
    };
    let placed = engine
        .check_answers(&answers, !interactive)
        .map_err(|problems| {
            // The first problem, as before: a person fixes one thing at a time.
            let p = &problems[0];
            answer_error(source, &p.key, &p.why)
        })?;
    // "What has changed" compares a person only with their own earlier
    // answers: their own profile, their --profile-file, or a saved profile
    // with the same name.
    let previous = saved.as_ref().filter(|p| {
        interactive
            || a.profile_file.is_some()
            || same_person(p.answers.name.as_deref(), answers.name.as_deref())
    });
    let today = super::today();
    let plan = engine.personal_plan(&PlanInput {
        answers: &answers,
        position: placed.position,
        goal_role: placed.goal_role,
        previous: previous.and_then(|p| p.last_plan.as_ref()),
        date: today.clone(),
    });
    let mut plan = plan;
    emit(&hcsw_roadmap::render::with_footer(
        plan.text(app.style),
        &plan,
        "\n",
    ))?;

    let save = target.is_some()
        && (!interactive
            || a.save
            || a.profile_file.is_some()
            || wizard.confirm(
                "Save your answers, so next time they are filled in and your plan shows what changed?",
                true,
            )?);
    let mut output = a.output.clone();
    if output.is_none()
        && interactive
        && wizard.confirm(
            "Write a career-conversation record to take to your manager?",
            false,
        )?
    {
        let name = wizard.text(
            "Your name, for the record (leave empty to skip)",
            answers.name.as_deref().unwrap_or(""),
        )?;
        answers.name = Some(name.trim().to_string()).filter(|n| !n.is_empty());
        plan.name = answers.name.clone();
        let file = wizard.text(
            "File name (.md, or .html for a page to print)",
            "career-conversation.md",
        )?;
        output = Some(file.trim().into());
    }
    // Save first: a status line that cannot be written must never cost the
    // person their answers or their record.
    if save {
        let profile = Profile {
            version: PROFILE_VERSION,
            saved: today,
            answers,
            last_plan: Some(plan.last_plan.clone()),
        };
        if let Some(store) = &target {
            store.save(&profile).map_err(super::profile::error)?;
        }
    }
    if let Some(o) = &output {
        // A page for browsers and printing, or the plain Markdown record.
        let is_html = o
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        let record = if is_html {
            hcsw_roadmap::render::record::page(&plan)
        } else {
            plan.markdown()
        };
        write_private_file(o, record.as_bytes(), a.force)?;
    }
    if let (true, Some(store)) = (save, &target) {
        status(&format!(
            "Saved your answers to {}",
            hcsw_roadmap::terminal::path(&store.path())
        ));
    }
    if let Some(o) = &output {
        status(&format!(
            "Wrote your career-conversation record to {}",
            hcsw_roadmap::terminal::path(o)
        ));
    }
    Ok(())
}

/// The user's own profile store, or why there is none.
fn own_path(
    own: &std::result::Result<Store, hcsw_roadmap::profile::ProfileError>,
) -> Result<Store> {
    match own {
        Ok(s) => Ok(Store::at_file(&s.path())),
        Err(e) => Err(Error::Other(e.to_string())),
    }
}

/// Two records are one person's when both name the same person.
fn same_person(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |n: &str| hcsw_roadmap::matching::normalise(n);
    matches!((a, b), (Some(x), Some(y)) if !x.trim().is_empty() && norm(x) == norm(y))
}

fn read_answers(path: &Path) -> Result<Answers> {
    use hcsw_roadmap::load::{LoadError, read_text};
    let text = read_text(path).map_err(|e| match e {
        LoadError::Missing(_) => Error::NoInput(format!(
            "answers file {} does not exist",
            hcsw_roadmap::terminal::path(path)
        )),
        e => Error::from(e),
    })?;
    toml::from_str(&text).map_err(|e| {
        let (line, col) = e
            .span()
            .map_or((0, 0), |s| hcsw_roadmap::load::line_col(&text, s.start));
        Error::DataRefused(format!(
            "{}:{line}:{col}: {}\n  see \"Self-assessment without a terminal\" in the README for every key and its allowed values",
            hcsw_roadmap::terminal::path(path),
            e.message().trim()
        ))
    })
}

fn answer_error(source: Option<&Path>, key: &str, why: &str) -> Error {
    match source {
        Some(p) => Error::DataRefused(format!(
            "{}: `{key}`: {why}",
            hcsw_roadmap::terminal::path(p)
        )),
        None => Error::Usage(why.to_string()),
    }
}
