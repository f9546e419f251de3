//! What may reach a terminal. Data files, file names and what people type
//! can hold escape sequences, control characters and bidirectional
//! overrides that make text read differently from what it is; nothing of
//! theirs is printed until it has been through one of these.

use std::path::Path;

/// Control characters other than line breaks and tabs, and bidi overrides.
pub fn unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// The embeddings, overrides and isolates that reorder how text displays.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0 to U+FDEF, and the last
/// two of every plane): not allowed in XML, so SVG and HTML break on them.
pub fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xfdd0..=0xfdef).contains(&n) || (n & 0xfffe) == 0xfffe
}

/// `s` made safe to print on a terminal: escape sequences and other control
/// characters, and bidi overrides, become U+FFFD. Line breaks and tabs stay,
/// for multi-line messages.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if unsafe_for_terminal(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// One line of data for a report: like [`printable`], and line breaks and
/// tabs become spaces, so data can never start a line of its own.
pub fn clean(s: &str) -> String {
    // Nearly all text is printable ASCII: copy it without a per-character walk.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if unsafe_for_terminal(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// A file name as it may be shown: control characters (line breaks too, so
/// a name cannot forge a line of output) and bidi overrides are written as
/// `\u{…}` escapes.
pub fn path(p: &Path) -> String {
    let s = p.display().to_string();
    if !s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return s;
    }
    s.chars()
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_escapes_and_line_breaks() {
        assert_eq!(clean("a\u{1b}[31mb\nc"), "a\u{fffd}[31mb c");
        assert_eq!(printable("a\u{202e}b\nc"), "a\u{fffd}b\nc");
    }

    #[test]
    fn paths_cannot_forge_lines() {
        assert_eq!(path(Path::new("a\nerror: x")), "a\\u{a}error: x");
        assert_eq!(path(Path::new("plain/ü.csv")), "plain/ü.csv");
    }

    #[test]
    fn noncharacters() {
        assert!(is_noncharacter('\u{fffe}') && is_noncharacter('\u{ffff}'));
        assert!(is_noncharacter('\u{fdd0}') && is_noncharacter('\u{10ffff}'));
        assert!(!is_noncharacter('a') && !is_noncharacter('\u{fffd}'));
    }
}
