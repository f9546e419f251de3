//! Matching what people type to names in the data: case, spaces, hyphens
//! and underscores do not matter ("Band-3", "band 3"), and a near miss gets
//! "did you mean …".

/// `band 3`, `Band-3`, `band3` → 3.
pub fn band_alias(s: &str) -> Option<u8> {
    // Most aliases are not bands: reject them before allocating. Only the
    // ASCII letters lower-case to "band", so this check is exact.
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '_');
    if !t.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("band")) {
        return None;
    }
    let n = normalise(s);
    let digits = n.strip_prefix("band")?.trim_start_matches([' ', '-']);
    digits.parse().ok()
}

/// Lowercase, with runs of spaces, hyphens and underscores folded to one
/// space. Text that is not ASCII is first brought to Unicode compatibility
/// form (NFKC: full-width "ＨＣＡ" is "HCA") without zero-width characters,
/// so names that look the same match the same.
pub fn normalise(s: &str) -> String {
    let folded;
    let s = if s.is_ascii() {
        s
    } else {
        use unicode_normalization::UnicodeNormalization;
        folded = s
            .nfkc()
            .filter(|c| !matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'))
            .collect::<String>();
        &folded
    };
    let mut out = String::new();
    for word in s.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Whether `normalise(s) == norm`, where `norm` is already normalised.
/// Allocates nothing for ASCII text: position lookups compare every role's
/// id, aliases and title, which at scale made `normalise` a hot spot.
pub fn normalises_to(s: &str, norm: &str) -> bool {
    if !s.is_ascii() {
        return normalise(s) == norm;
    }
    let mut want = norm.split(' ');
    let words = s
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty());
    for w in words {
        // `norm` is lower-case, so an ASCII-case-insensitive match is a match
        // of the lower-cased word.
        match want.next() {
            Some(x) if w.eq_ignore_ascii_case(x) => {}
            _ => return false,
        }
    }
    // An empty `norm` splits into one empty piece.
    want.next().is_none_or(|x| x.is_empty() && norm.is_empty())
}

/// The closest candidate to `word`, if any is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_to_agrees_with_normalise() {
        let names = [
            "registered-nurse",
            "Registered Nurse",
            "  senior   HCA ",
            "band_3",
            "",
            "-",
            "Ärzte Assistenz",
            "a-b",
            "a b c",
        ];
        for s in names {
            for t in names {
                let norm = normalise(t);
                assert_eq!(
                    normalises_to(s, &norm),
                    normalise(s) == norm,
                    "{s:?} vs {norm:?}"
                );
            }
        }
    }

    #[test]
    fn look_alike_names_normalise_alike() {
        assert_eq!(normalise("ＨＣＡ"), "hca");
        assert_eq!(normalise("H\u{200b}CA"), "hca");
        assert!(normalises_to("ＨＣＡ", "hca"));
    }

    #[test]
    fn band_aliases() {
        assert_eq!(band_alias("Band 3"), Some(3));
        assert_eq!(band_alias("band-4"), Some(4));
        assert_eq!(band_alias("banda"), None);
    }

    #[test]
    fn suggests_close_names_only() {
        let c = ["english-l2", "maths-l2", "care-certificate"];
        assert_eq!(did_you_mean("englsh-l2", c), Some("english-l2"));
        assert_eq!(did_you_mean("zzz", c), None);
    }
}
