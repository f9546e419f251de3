//! `roadmap check`: validate data and summarise it.

use super::{Ctx, emit};
use hcsw_roadmap::load;
use hcsw_roadmap::model::{Confidence, Kind};
use hcsw_roadmap::render::table::table;
use hcsw_roadmap::{Error, Result};

pub fn run(ctx: &Ctx) -> Result<()> {
    let layers = ctx.layers()?;
    let files: usize = layers.iter().map(Vec::len).sum();
    let roadmap = load::build(layers).map_err(Error::InvalidData)?;
    let what = match &ctx.global.data {
        Some(d) => format!("the data in {}", d.display()),
        None => "the national roadmap data".to_string(),
    };
    let overlays = match ctx.global.overlay.len() {
        0 => String::new(),
        n => format!(
            " with {n} overlay{} ({})",
            if n == 1 { "" } else { "s" },
            ctx.global
                .overlay
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let mut rows = Vec::new();
    let mut totals = [0usize; 4];
    for kind in Kind::ALL {
        let mut n = [0usize; 3];
        for r in roadmap.records().filter(|r| r.kind() == kind) {
            n[match r.meta().confidence {
                Confidence::High => 0,
                Confidence::Medium => 1,
                Confidence::Unverified => 2,
            }] += 1;
        }
        let all = n.iter().sum::<usize>();
        totals[0] += all;
        for i in 0..3 {
            totals[i + 1] += n[i];
        }
        rows.push(vec![
            kind.plural().to_string(),
            all.to_string(),
            n[0].to_string(),
            n[1].to_string(),
            n[2].to_string(),
        ]);
    }
    rows.push(
        std::iter::once("total".to_string())
            .chain(totals.iter().map(ToString::to_string))
            .collect(),
    );
    let mut out = format!(
        "{what}{overlays}: valid. {} records in {files} file{}, no problems found.\n\n",
        totals[0],
        if files == 1 { "" } else { "s" }
    );
    out.push_str(&table(
        ctx.style,
        &["kind", "records", "high confidence", "medium", "unverified"],
        rows,
        false,
    ));
    emit(&out)
}
