//! `roadmap pathways`: next steps from a position, or routes to a goal.

use super::{Ctx, emit};
use crate::cli::{ListFormat, PathwaysArgs};
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::engine::results::Routes;
use hcsw_roadmap::engine::{Engine, PlanQuery};
use hcsw_roadmap::render::{json, pathways as report};
use hcsw_roadmap::{Error, Result, SCHEMA_VERSION};

pub fn run(ctx: &Ctx, a: &PathwaysArgs) -> Result<()> {
    let map = ctx.roadmap()?;
    let engine = Engine::new(map);
    let (from_text, mut have) = if a.profile {
        let p = super::profile::load_for_pathways()?;
        (a.from.clone().or(p.position), p.holds)
    } else {
        (a.from.clone(), Vec::new())
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
            };
            engine.check_filter(&filter).map_err(Error::Usage)?;
            let ns = engine.next_steps(&from, &held, &filter);
            match a.out.format {
                ListFormat::Table => report::next_steps_text(&ns, ctx.style),
                ListFormat::Json => json::to_string(&ns),
                ListFormat::Csv => report::next_steps_csv(&ns),
                ListFormat::Markdown => report::next_steps_markdown(&ns),
            }
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
            let routes = engine.plan(&PlanQuery {
                from: from.role,
                to: to.role,
                held: held.clone(),
                routes: a.routes as usize,
            });
            let r = Routes {
                schema_version: SCHEMA_VERSION,
                from: hcsw_roadmap::engine::results::RoleRef::of(from.role),
                to: hcsw_roadmap::engine::results::RoleRef::of(to.role),
                holding: engine.holding_refs(&held),
                routes,
            };
            match a.out.format {
                ListFormat::Table => report::routes_text(&r, ctx.style),
                ListFormat::Json => json::to_string(&r),
                ListFormat::Csv => report::routes_csv(&r),
                ListFormat::Markdown => report::routes_markdown(&r),
            }
        }
    };
    emit(&out)
}
