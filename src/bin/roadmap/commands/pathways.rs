//! `roadmap pathways`: next steps from a position, or routes to a goal.

use super::{App, emit};
use crate::cli::PathwaysArgs;
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::render::render;
use hcsw_roadmap::{Error, Result};

pub fn run(app: &App, a: &PathwaysArgs) -> Result<()> {
    let engine = app.engine()?;
    let style = hcsw_roadmap::render::Style {
        brief: a.brief,
        ..app.style
    };
    let (from_text, mut have, goal) = if a.profile {
        let p = super::profile::load_for_pathways()?;
        (a.from.clone().or(p.position), p.holds, p.goal_role)
    } else {
        (a.from.clone(), Vec::new(), None)
    };
    let from_text = from_text.ok_or_else(|| {
        Error::Usage("say where you are with --from, e.g. --from band3 or --from \"senior HCA\" (or use --profile)".into())
    })?;
    let from = engine
        .resolve_position(&from_text)
        .map_err(|e| Error::Usage(format!("--from: {e}")))?;
    for word in &a.have {
        if word.trim().is_empty() {
            continue;
        }
        let r = engine.resolve_requirement(word).map_err(Error::Usage)?;
        have.push(r.meta.id.to_string());
    }
    let held = engine.holdings(&have);
    let out = match &a.to {
        None => {
            let filter = Filter {
                setting: a.setting.clone(),
                family: a.family.clone(),
                paid: a.paid,
                goal: goal
                    .and_then(|g| engine.resolve_position(&g).ok())
                    .map(|p| p.role.meta.id.to_string()),
            };
            engine.check_filter(&filter).map_err(Error::Usage)?;
            render(
                &engine.next_steps(&from, &held, &filter),
                a.out.format,
                style,
            )
        }
        Some(goal) => {
            if a.setting.is_some() || a.family.is_some() {
                return Err(Error::Usage(
                    "--setting and --family narrow next steps; with --to, the goal already says where you are going".into(),
                ));
            }
            let to = engine
                .resolve_position(goal)
                .map_err(|e| Error::Usage(format!("--to: {e}")))?;
            if to.role.meta.id == from.role.meta.id {
                return Err(Error::Usage(format!(
                    "--from and --to are both {}: to see how to grow in this role, leave out --to",
                    to.role.meta.title
                )));
            }
            let routes =
                engine.routes_between(from.role, to.role, &held, a.routes as usize, a.paid);
            render(&routes, a.out.format, style)
        }
    };
    emit(&out)
}
