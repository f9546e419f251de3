//! `roadmap schema`: JSON Schema for the data files (for editors) or for
//! `roadmap export --format json` (for scripts).

use super::{App, emit};
use hcsw_roadmap::Result;
use hcsw_roadmap::load::raw::RawFile;

pub fn run(_ctx: &App, export: bool) -> Result<()> {
    let schema = if export {
        hcsw_roadmap::render::export_schema()
    } else {
        schemars::schema_for!(RawFile)
    };
    let text = serde_json::to_string_pretty(&schema).expect("schemas serialise");
    emit(&format!("{text}\n"))
}
