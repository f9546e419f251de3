//! Small helpers for plain-English text.

pub use crate::terminal::clean;

/// "1 role", "2 roles".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "a, b or c".
pub fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Months as plain words: "about 2 years 6 months", "3 months", "5 weeks".
pub fn months(m: f64) -> String {
    if m < 2.0 {
        let weeks = (m * 52.0 / 12.0).round() as u32;
        return if weeks == 1 {
            "1 week".into()
        } else {
            format!("{weeks} weeks")
        };
    }
    let total = m.round() as u32;
    let (y, mo) = (total / 12, total % 12);
    let years = match y {
        0 => String::new(),
        1 => "1 year".into(),
        n => format!("{n} years"),
    };
    let months = match mo {
        0 => String::new(),
        1 => "1 month".into(),
        n => format!("{n} months"),
    };
    match (years.is_empty(), months.is_empty()) {
        (false, false) => format!("{years} {months}"),
        (false, true) => years,
        _ => months,
    }
}

/// A range of months: "2 to 3 years", "about 18 months".
pub fn month_range(min: f64, max: f64) -> String {
    let whole_years = |m: f64| m >= 12.0 && (m.round() as u32).is_multiple_of(12);
    if (max - min).abs() < 0.5 {
        months(min)
    } else if whole_years(min) && whole_years(max) {
        // "3 to 4 years", not "3 years to 4 years".
        format!("{} to {}", min.round() as u32 / 12, months(max))
    } else {
        format!("{} to {}", months(min), months(max))
    }
}

/// A route's total for a heading: "3 to 4 years in total", or a plain
/// "total time not known" when no step has a known length.
pub fn total_words(label: &str) -> String {
    if label.starts_with("not known") {
        "total time not known: no source gives a typical length".into()
    } else {
        format!("{label} in total")
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

/// Columns a piece of text takes, counting each character as one.
fn columns(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_words() {
        assert_eq!(months(30.0), "2 years 6 months");
        assert_eq!(months(12.0), "1 year");
        assert_eq!(months(3.0), "3 months");
        assert_eq!(months(12.0 * 12.0 / 52.0), "3 months");
        assert_eq!(months(1.0), "4 weeks");
        assert_eq!(month_range(24.0, 48.0), "2 to 4 years");
        assert_eq!(month_range(15.0, 24.0), "1 year 3 months to 2 years");
    }

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
    }

    #[test]
    fn lists() {
        let v = vec!["a".to_string(), "b".into(), "c".into()];
        assert_eq!(and_list(&v), "a, b and c");
        assert_eq!(or_list(&v[..2]), "a or b");
    }
}
