//! Text for a person at a terminal: every report, wrapped to the width,
//! bold only with colour, plain when piped.

mod check;
mod cohort;
mod listings;
mod pathways;
mod plan;
mod record;
pub mod table;

pub use crate::terminal::clean;
pub use crate::words::{and_list, count, month_range, months, or_list};

use super::Style;

/// A route's total for a heading: "3 to 4 years in total", or a plain
/// "total time not known" when no step has a known length.
pub fn total_words(total: &crate::answers::Months) -> String {
    if total.unknown_steps > 0 {
        // "3 to 4 years, plus 1 step whose length the sources don't give"
        total.label.clone()
    } else {
        format!("{} in total", total.label)
    }
}

/// A heading, wrapped to the width, bold only when colour is on.
pub fn heading(style: Style, text: &str) -> String {
    let wrapped = wrap(text, style.width as usize, "", "  ");
    if style.color {
        wrapped
            .lines()
            .map(|l| format!("\x1b[1m{l}\x1b[0m\n"))
            .collect()
    } else {
        wrapped
    }
}

/// Wraps `text` to `width` columns, every line starting with `indent`
/// (the first with `first`), for the prose parts of reports.
pub fn wrap(text: &str, width: usize, first: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + first.len() + 8);
    out.push_str(first);
    let indent_len = columns(indent);
    // Columns used on the current line, and whether it has a word yet.
    let mut len = columns(first);
    let mut empty = true;
    let mut put = |word: &str, w: usize| {
        if !empty && len + 1 + w > width {
            out.push('\n');
            out.push_str(indent);
            len = indent_len;
            empty = true;
        }
        if !empty {
            out.push(' ');
            len += 1;
        }
        out.push_str(word);
        len += w;
        empty = false;
    };
    if text.is_ascii() {
        // Nearly all text is ASCII: split and measure it by bytes. A
        // hand-written scan, because this runs for every line of a report.
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            if start < i {
                put(&text[start..i], i - start);
            }
        }
    } else {
        for word in text.split_whitespace() {
            put(word, columns(word));
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// Columns a piece of text takes on a terminal: its display width, so a
/// wide (East Asian) character counts two and a combining mark none.
fn columns(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        unicode_width::UnicodeWidthStr::width(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_width_with_indents_ascii_or_not() {
        assert_eq!(
            wrap("one two  three\tfour five", 12, "- ", "  "),
            "- one two\n  three four\n  five\n"
        );
        assert_eq!(wrap("  ", 10, "> ", "  "), ">\n");
        assert_eq!(wrap("café été naïve", 10, "", "  "), "café été\n  naïve\n");
        // A word longer than the width stands on its own line, uncut.
        assert_eq!(wrap("a abcdefghijkl b", 5, "", ""), "a\nabcdefghijkl\nb\n");
        // Wide characters take two columns each.
        assert_eq!(wrap("看护 助理 工作", 10, "", ""), "看护 助理\n工作\n");
    }
}
