//! `roadmap roles`, `areas` and `search` for a person.

use super::table::table;
use super::{clean, wrap};
use crate::answers::{AreaList, AreaView, RolesList, SearchResults};
use crate::render::listing::{self, Listing};
use crate::render::{Style, Text};

/// A listing as a table, its cells made safe for the terminal.
fn draw(l: Listing, style: Style) -> String {
    let rows = l
        .rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    table(style, &l.header, rows, false)
}

impl Text for RolesList {
    fn text(&self, style: Style) -> String {
        if self.roles.is_empty() {
            return "No roles match. Run `roadmap roles` to see them all.\n".into();
        }
        draw(listing::roles(self), style)
    }
}

impl Text for AreaList<'_> {
    fn text(&self, style: Style) -> String {
        match (self.one, self.areas.first()) {
            (true, Some(a)) => area(a, style),
            _ => {
                let mut s = draw(listing::areas(self), style);
                s.push_str("\nSee one area in full: roadmap areas ID\n");
                s
            }
        }
    }
}

/// One area in full.
fn area(a: &AreaView<'_>, style: Style) -> String {
    let w = style.width as usize;
    let mut s = format!("{}\n", clean(a.title));
    s.push_str(&wrap(&clean(a.summary), w, "", ""));
    s.push('\n');
    for p in a.points {
        s.push_str(&wrap(&clean(p), w, "  - ", "    "));
    }
    if !a.offers.is_empty() {
        s.push_str("\nDevelopment offers (roadmap show ID for details):\n");
        for o in &a.offers {
            s.push_str(&wrap(
                &format!("{} ({})", clean(o.title), o.id),
                w,
                "  - ",
                "    ",
            ));
        }
    }
    if !a.signposts.is_empty() {
        s.push_str("\nWhere to look:\n");
        for o in &a.signposts {
            let link = o.url.map_or(String::new(), |u| format!(" {}", clean(u)));
            s.push_str(&wrap(
                &format!("{} ({}){link}", clean(o.title), o.id),
                w,
                "  - ",
                "    ",
            ));
        }
    }
    s
}

impl Text for SearchResults {
    fn text(&self, style: Style) -> String {
        if self.hits.is_empty() {
            let hint = self.did_you_mean.as_ref().map_or(String::new(), |s| {
                format!(" Did you mean: roadmap search {s}?")
            });
            return format!("Nothing matches \"{}\".{hint}\n", clean(&self.query));
        }
        draw(listing::search(self), style)
    }
}
