//! JSON output: pretty, deterministic (struct field order, sorted lists),
//! ending in a newline.

use serde::Serialize;

pub fn to_string<T: Serialize>(value: &T) -> String {
    // Result structs hold only strings, numbers and lists: they always serialise.
    let mut s = serde_json::to_string_pretty(value).expect("results serialise");
    s.push('\n');
    s
}
