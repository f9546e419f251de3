//! Words for numbers, lengths of time and lists, shared by the engine (which
//! labels its answers) and the renderers. Sentences are built here from
//! structured values; no layer parses another's sentences.

/// "1 week", "3 weeks".
pub fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "1 role", "2 roles": for words whose plural is not `word + s`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Whole years read as years; anything else stays in months.
pub fn whole_months(n: u32) -> String {
    if n >= 12 && n.is_multiple_of(12) {
        plural(n / 12, "year")
    } else {
        plural(n, "month")
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

/// The valid values for an error message, "a, b, c", at most
/// [`LISTED`] of them: data with thousands of values must not turn one
/// mistyped flag into a page of text.
pub fn few<S: AsRef<str>>(items: &[S]) -> String {
    let shown: Vec<&str> = items.iter().take(LISTED).map(AsRef::as_ref).collect();
    match items.len().saturating_sub(LISTED) {
        0 => shown.join(", "),
        more => format!("{}, and {more} more", shown.join(", ")),
    }
}

/// How many values [`few`] lists.
pub const LISTED: usize = 12;

/// "a, b or c".
pub fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Months as plain words: "2 years 6 months", "3 months", "5 weeks".
pub fn months(m: f64) -> String {
    if m < 2.0 {
        let weeks = (m * 52.0 / 12.0).round() as u32;
        return plural(weeks, "week");
    }
    let total = m.round() as u32;
    let (y, mo) = (total / 12, total % 12);
    match (y, mo) {
        (0, mo) => plural(mo, "month"),
        (y, 0) => plural(y, "year"),
        (y, mo) => format!("{} {}", plural(y, "year"), plural(mo, "month")),
    }
}

/// A range of months: "2 to 3 years", "1 year 3 months to 2 years".
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

/// "a nurse", "an occupational therapist".
pub fn a_or_an(noun: &str) -> String {
    match noun.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U') => format!("an {noun}"),
        _ => format!("a {noun}"),
    }
}

/// "2026-12-01" as "1 December 2026"; anything else as it is.
pub fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d)) if y.len() == 4 => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_lists_at_most_twelve_values() {
        assert_eq!(few(&["a", "b"]), "a, b");
        let many: Vec<String> = (0..100_000).map(|i| format!("s{i}")).collect();
        let s = few(&many);
        assert!(s.ends_with("s11, and 99988 more"), "{s}");
    }

    #[test]
    fn month_words() {
        assert_eq!(months(30.0), "2 years 6 months");
        assert_eq!(months(12.0), "1 year");
        assert_eq!(months(3.0), "3 months");
        assert_eq!(months(12.0 * 12.0 / 52.0), "3 months");
        assert_eq!(months(1.0), "4 weeks");
        assert_eq!(month_range(24.0, 48.0), "2 to 4 years");
        assert_eq!(month_range(15.0, 24.0), "1 year 3 months to 2 years");
        assert_eq!(whole_months(36), "3 years");
        assert_eq!(whole_months(18), "18 months");
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(long_date("2026-12-01"), "1 December 2026");
        assert_eq!(long_date("2025-08-31"), "31 August 2025");
        assert_eq!(long_date("soon"), "soon");
    }

    #[test]
    fn lists() {
        let v = vec!["a".to_string(), "b".into(), "c".into()];
        assert_eq!(and_list(&v), "a, b and c");
        assert_eq!(or_list(&v[..2]), "a or b");
        assert_eq!(count(2, "family", "families"), "2 families");
    }
}
