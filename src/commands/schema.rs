//! `roadmap schema`: JSON Schema for the data files, for editors.

use super::{Ctx, emit};
use hcsw_roadmap::Result;
use hcsw_roadmap::load::raw::RawFile;

pub fn run(_ctx: &Ctx) -> Result<()> {
    let schema = schemars::schema_for!(RawFile);
    let text = serde_json::to_string_pretty(&schema).expect("schemas serialise");
    emit(&format!("{text}\n"))
}
