//! `roadmap show` for a person: one record in full.

use super::{clean, wrap};
use crate::answers::RecordView;
use crate::render::{Style, Text};

impl Text for RecordView {
    fn text(&self, style: Style) -> String {
        let s = self;
        let w = style.width as usize;
        let mut out = format!("{} ({}: {})\n", clean(&s.title), s.kind, s.id);
        out.push_str(&wrap(&clean(&s.summary), w, "", ""));
        out.push('\n');
        for (k, v) in &s.facts {
            out.push_str(&wrap(&format!("{}: {}", clean(k), clean(v)), w, "", "    "));
        }
        for sec in &s.sections {
            out.push_str(&format!("\n{}:\n", sec.title));
            for i in &sec.items {
                let line = if i.id == i.title || i.id.is_empty() {
                    clean(&i.title)
                } else {
                    format!("{} ({})", clean(&i.title), clean(&i.id))
                };
                out.push_str(&wrap(&line, w, "  - ", "    "));
            }
        }
        out
    }
}
