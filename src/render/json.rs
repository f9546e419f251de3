//! JSON output: pretty, deterministic (struct field order, sorted lists),
//! ending in a newline.

use serde::Serialize;

pub fn to_string<T: Serialize>(value: &T) -> String {
    // Result structs hold only strings, numbers and lists: they always serialise.
    let mut s = serde_json::to_string_pretty(value).expect("results serialise");
    s.push('\n');
    escape_unprintable(s)
}

/// serde_json escapes only C0 controls. C1 controls (U+0080 to U+009F, which
/// some terminals obey) and bidi overrides are escaped as well: they can only
/// occur inside strings, so `\uXXXX` there is the same JSON value.
pub(crate) fn escape_unprintable(s: String) -> String {
    if !s.chars().any(crate::terminal::unsafe_for_terminal) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if crate::terminal::unsafe_for_terminal(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
