//! `roadmap show ID`: one record in full, with what it connects to.

use super::{App, emit};
use hcsw_roadmap::render::{Format, render};
use hcsw_roadmap::{Error, Result};

pub fn run(app: &App, id: &str, start: Option<&str>, format: Format) -> Result<()> {
    let engine = app.engine()?;
    let view = engine.record(id, start).map_err(Error::Usage)?;
    emit(&render(&view, format, app.style))
}
