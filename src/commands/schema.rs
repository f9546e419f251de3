//! `roadmap schema`: JSON Schema for the data files (for editors) or for
//! `roadmap export --format json` (for scripts).

use super::{Ctx, emit};
use hcsw_roadmap::Result;
use hcsw_roadmap::load::raw::RawFile;

pub fn run(_ctx: &Ctx, export: bool) -> Result<()> {
    let schema = if export {
        hcsw_roadmap::render::export::json_schema()
    } else {
        schemars::schema_for!(RawFile)
    };
    let text = serde_json::to_string_pretty(&schema).expect("schemas serialise");
    emit(&format!("{text}\n"))
}
