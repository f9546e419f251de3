//! Turning what a person types ("band3", "senior HCA", "MSW") into a role,
//! and `--have` words ("gcse maths") into requirements.

use super::Engine;
use crate::matching::did_you_mean;
use crate::matching::{band_alias, normalise, normalises_to};
use crate::model::{Requirement, Role};
use std::fmt;

/// A resolved position.
#[derive(Debug, Clone)]
pub struct Position<'a> {
    pub role: &'a Role,
    /// Set when the person named a band rather than a role.
    pub band: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PositionError {
    /// More than one role fits: (id, title) of each.
    Ambiguous {
        text: String,
        candidates: Vec<(String, String)>,
    },
    /// Nothing fits.
    Unknown {
        text: String,
        suggestion: Option<(String, String)>,
        bands: Vec<u8>,
    },
    /// A band no role in the roadmap is at.
    NoSuchBand { band: u8, bands: Vec<u8> },
    /// A near miss of a band: `bnad3`, `bnd 3`.
    BandTypo { text: String, band: u8 },
}

impl fmt::Display for PositionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PositionError::Ambiguous { text, candidates } => {
                writeln!(f, "\"{text}\" could mean more than one role:")?;
                for (id, title) in candidates {
                    writeln!(f, "  {id:<34} {title}")?;
                }
                write!(f, "  give one of these ids instead")
            }
            PositionError::Unknown {
                text,
                suggestion,
                bands,
            } => {
                write!(f, "no role matches \"{text}\"")?;
                if let Some((id, title)) = suggestion {
                    write!(f, "\n  did you mean `{id}` ({title})?")?;
                }
                let bands: Vec<String> = bands.iter().map(|b| format!("band{b}")).collect();
                write!(
                    f,
                    "\n  valid bands: {}\n  or a role id or name: run `roadmap roles` to list them",
                    bands.join(", ")
                )
            }
            PositionError::NoSuchBand { band, bands } => {
                let names: Vec<String> = bands.iter().map(|b| format!("band{b}")).collect();
                write!(
                    f,
                    "no role in the roadmap is at band {band}\n  valid bands: {}",
                    names.join(", ")
                )
            }
            PositionError::BandTypo { text, band } => write!(
                f,
                "no role matches \"{text}\"\n  did you mean `band{band}`?"
            ),
        }
    }
}

impl std::error::Error for PositionError {}

/// A band mistyped: letters close to "band" followed by a number
/// (`bnad3`, `bnd 3`, `abnd-4`) → that number.
fn band_typo(text: &str) -> Option<u8> {
    let n = normalise(text).replace(' ', "");
    let digits = n.trim_start_matches(|c: char| !c.is_ascii_digit());
    let word = &n[..n.len() - digits.len()];
    if digits.is_empty() || word.is_empty() || word.len() > 6 {
        return None;
    }
    (strsim::damerau_levenshtein(word, "band") <= 2)
        .then(|| digits.parse().ok())
        .flatten()
}

/// `band3`, `band-3`, `band 3`, `b3` → 3.
pub fn parse_band(text: &str) -> Option<u8> {
    let n = normalise(text);
    band_alias(&n).or_else(|| {
        let rest = n.strip_prefix('b')?.trim_start();
        rest.parse().ok()
    })
}

impl<'a> Engine<'a> {
    /// Resolves a position, case-insensitively: a band, a role id, an alias
    /// or a title, then any role whose name contains every word given.
    pub fn resolve_position(&self, text: &str) -> Result<Position<'a>, PositionError> {
        // The common case, an id as written (staff lists, saved answers):
        // ids are unique, so this is the answer the id search below gives.
        if let Some(role) = self.map.role(text) {
            return Ok(Position { role, band: None });
        }
        let roles = &self.map.roles;
        let norm = normalise(text);
        let ambiguous = |found: Vec<&Role>| PositionError::Ambiguous {
            text: text.to_string(),
            candidates: found
                .iter()
                .map(|r| {
                    (
                        r.meta.id.to_string(),
                        format!("{} ({})", r.meta.title, r.band_label()),
                    )
                })
                .collect(),
        };
        if let Some(band) = parse_band(text) {
            let named: Vec<&Role> = roles
                .iter()
                .filter(|r| r.aliases.iter().any(|a| band_alias(a) == Some(band)))
                .collect();
            let found = if named.is_empty() {
                roles.iter().filter(|r| r.has_band(band)).collect()
            } else {
                named
            };
            return match found.as_slice() {
                [one] => Ok(Position {
                    role: one,
                    band: Some(band),
                }),
                [] => Err(PositionError::NoSuchBand {
                    band,
                    bands: self.bands(),
                }),
                _ => Err(ambiguous(found)),
            };
        }
        // One match is the answer; several are ambiguous; none: keep looking.
        let settle = |found: Vec<&'a Role>| match found.as_slice() {
            [one] => Some(Ok(Position {
                role: one,
                band: None,
            })),
            [] => None,
            _ => Some(Err(ambiguous(found))),
        };
        let exact = |f: &dyn Fn(&Role) -> bool| -> Vec<&'a Role> {
            roles.iter().filter(|r| f(r)).collect()
        };
        // Each kind of name is searched only when the one before found none.
        let kinds: [&dyn Fn(&Role) -> bool; 3] = [
            &|r| normalises_to(&r.meta.id, &norm),
            &|r| r.aliases.iter().any(|a| normalises_to(a, &norm)),
            &|r| normalises_to(&r.meta.title, &norm),
        ];
        for kind in kinds {
            if let Some(r) = settle(exact(kind)) {
                return r;
            }
        }
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        if !words.is_empty() {
            let found = exact(&|r| {
                let names = std::iter::once(&r.meta.title)
                    .chain(&r.aliases)
                    .chain(std::iter::once(&r.meta.id))
                    .map(|n| normalise(n))
                    .collect::<Vec<_>>();
                words
                    .iter()
                    .all(|w| names.iter().any(|n| n.split(' ').any(|nw| nw == *w)))
            });
            if let Some(r) = settle(found) {
                return r;
            }
        }
        Err(self.unknown(text))
    }

    /// The bands roles in the roadmap are at.
    fn bands(&self) -> Vec<u8> {
        let mut bands: Vec<u8> = self
            .map
            .roles
            .iter()
            .flat_map(|r| r.band..=r.band_max())
            .collect();
        bands.sort_unstable();
        bands.dedup();
        bands
    }

    fn unknown(&self, text: &str) -> PositionError {
        if let Some(band) = band_typo(text).filter(|b| self.bands().contains(b)) {
            return PositionError::BandTypo {
                text: text.to_string(),
                band,
            };
        }
        let mut names: Vec<(String, &Role)> = Vec::new();
        for r in &self.map.roles {
            names.push((normalise(&r.meta.id), r));
            names.push((normalise(&r.meta.title), r));
            for a in &r.aliases {
                names.push((normalise(a), r));
            }
        }
        let norm = normalise(text);
        let suggestion =
            did_you_mean(&norm, names.iter().map(|(n, _)| n.as_str())).and_then(|best| {
                names
                    .iter()
                    .find(|(n, _)| n == best)
                    .map(|(_, r)| (r.meta.id.to_string(), r.meta.title.to_string()))
            });
        PositionError::Unknown {
            text: text.to_string(),
            suggestion,
            bands: self.bands(),
        }
    }

    /// Resolves one `--have` word: a requirement id, alias or title.
    pub fn resolve_requirement(&self, text: &str) -> Result<&'a Requirement, String> {
        let norm = normalise(text);
        let reqs = &self.map.requirements;
        let found = reqs
            .iter()
            .find(|r| normalise(&r.meta.id) == norm)
            .or_else(|| {
                reqs.iter()
                    .find(|r| r.aliases.iter().any(|a| normalise(a) == norm))
            })
            .or_else(|| reqs.iter().find(|r| normalise(&r.meta.title) == norm));
        found.ok_or_else(|| {
            let names = reqs
                .iter()
                .flat_map(|r| std::iter::once(r.meta.id.as_str()).chain(r.aliases.iter().map(|s| s.as_str())));
            let hint = match did_you_mean(text, names) {
                Some(s) => format!("\n  did you mean `{s}`?"),
                None => String::new(),
            };
            format!(
                "--have: \"{text}\" is not something roadmap knows you can hold{hint}\n  \
                 run `roadmap search {text}` or see the requirement ids with `roadmap show english-l2`"
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_forms() {
        for t in ["band3", "band-3", "band 3", "Band 3", "b3", "B 3"] {
            assert_eq!(parse_band(t), Some(3), "{t}");
        }
        assert_eq!(parse_band("bank"), None);
        assert_eq!(band_typo("bnad3"), Some(3));
        assert_eq!(band_typo("bnd 4"), Some(4));
        assert_eq!(band_typo("hca"), None);
        assert_eq!(band_typo("nurse2"), None);
        assert_eq!(parse_band("hca"), None);
    }
}
