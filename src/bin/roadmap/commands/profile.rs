//! `roadmap profile show | path | forget`, and the profile as
//! `pathways --profile` sees it.

use super::{App, emit};
use crate::cli::ProfileCommand;
use hcsw_roadmap::profile::{ProfileError, Store};
use hcsw_roadmap::{Error, Result};
use std::io::IsTerminal;

/// Where a profile says the person is, what they hold and aim for.
pub struct Saved {
    pub position: Option<String>,
    pub holds: Vec<String>,
    pub goal_role: Option<String>,
}

pub fn error(e: ProfileError) -> Error {
    match e {
        ProfileError::Corrupt { .. } | ProfileError::Newer { .. } => {
            Error::DataRefused(e.to_string())
        }
        ProfileError::Unreadable { .. } => Error::NoInput(e.to_string()),
        ProfileError::Io { path, source } => Error::io(path, source),
        ProfileError::NoDirectory => Error::Other(e.to_string()),
    }
}

fn store() -> Result<Store> {
    Store::locate().map_err(error)
}

pub fn load_for_pathways() -> Result<Saved> {
    let store = store()?;
    match store.load().map_err(error)? {
        Some(p) => Ok(Saved {
            position: p.answers.role.clone(),
            holds: p.answers.holds(),
            goal_role: p.answers.goal_role.clone(),
        }),
        None => Err(Error::Usage(format!(
            "--profile: there is no saved profile yet (looked in {}).\n  run `roadmap assess` to make one, or use --from and --have",
            hcsw_roadmap::terminal::path(&store.path())
        ))),
    }
}

pub fn run(_ctx: &App, cmd: &ProfileCommand) -> Result<()> {
    let store = store()?;
    match cmd {
        ProfileCommand::Path => emit(&format!(
            "{}\n",
            hcsw_roadmap::terminal::path(&store.path())
        )),
        ProfileCommand::Show => match store.load().map_err(error)? {
            Some(p) => emit(&toml::to_string(&p).map_err(|e| Error::Other(e.to_string()))?),
            None => emit(&format!(
                "No saved profile yet. Run `roadmap assess` to make one; it will be saved at {}\n",
                hcsw_roadmap::terminal::path(&store.path())
            )),
        },
        ProfileCommand::Forget { yes } => {
            if !store.path().exists() {
                return emit("There is no saved profile to forget.\n");
            }
            if !yes {
                if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
                    return Err(Error::Usage(
                        "roadmap profile forget asks before deleting, but there is no terminal; add --yes to delete without asking".into(),
                    ));
                }
                let ok = dialoguer::Confirm::new()
                    .with_prompt(format!(
                        "Delete your saved profile at {}?",
                        hcsw_roadmap::terminal::path(&store.path())
                    ))
                    .default(false)
                    .interact()
                    .map_err(crate::wizard::interrupted)?;
                if !ok {
                    return emit("Kept your profile.\n");
                }
            }
            store.forget().map_err(error)?;
            emit("Your saved profile has been deleted.\n")
        }
    }
}
