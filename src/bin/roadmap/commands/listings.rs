//! `roadmap roles`, `roadmap areas` and `roadmap search`.

use super::{App, emit};
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::render::{Format, render};
use hcsw_roadmap::{Error, Result};

pub fn roles(app: &App, band: Option<u8>, filter: Filter, format: Format) -> Result<()> {
    let engine = app.engine()?;
    let roles = engine.roles(band, &filter).map_err(Error::Usage)?;
    emit(&render(&roles, format, app.style))
}

pub fn areas(app: &App, id: Option<&str>, format: Format) -> Result<()> {
    let engine = app.engine()?;
    let areas = engine.areas(id).map_err(Error::Usage)?;
    emit(&render(&areas, format, app.style))
}

pub fn search(app: &App, words: &[String], format: Format) -> Result<()> {
    let engine = app.engine()?;
    emit(&render(&engine.search(words), format, app.style))
}
