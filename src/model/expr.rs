//! Small requirement expressions: `entry = ["english-l2", "a | b & c"]`.
//!
//! A list of items is an [`Expr`]: every [`Term`] must be met. Within a term,
//! `|` separates alternatives ([`Conj`]s) and `&` joins ids that must all be
//! held; `&` binds tighter. No brackets: the data never needed them, and a
//! flat form keeps diagnostics and rendering simple.

use serde::{Deserialize, Serialize};

/// Ids that must all be held.
pub type Conj = Vec<super::Text>;

/// Alternatives: any one conjunction meets the term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent, bound(deserialize = "'de: 'static"))]
pub struct Term(pub Vec<Conj>);

/// Every term must be met.
pub type Expr = Vec<Term>;

impl Term {
    /// Whether `held` says yes to every id of some alternative.
    pub fn is_met(&self, held: &dyn Fn(&str) -> bool) -> bool {
        self.0.iter().any(|conj| conj.iter().all(|id| held(id)))
    }

    /// Every id the term mentions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().flatten().map(|id| id.as_str())
    }

    /// The term as it is written in the data: `a & b | c`.
    pub fn source_text(&self) -> String {
        self.0
            .iter()
            .map(|c| c.join(" & "))
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// An id inside an expression string, with its byte range in that string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdAt {
    pub id: String,
    pub start: usize,
    pub end: usize,
}

/// A parse error, with the byte range in the expression string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// Parses one term, e.g. `"a | b & c"`, keeping where each id stands.
pub fn parse_term(text: &str) -> Result<Vec<Vec<IdAt>>, ExprError> {
    let mut alternatives = Vec::new();
    let mut offset = 0;
    for alt in text.split('|') {
        let mut conj = Vec::new();
        let mut inner = offset;
        for part in alt.split('&') {
            let lead = part.len() - part.trim_start().len();
            let id = part.trim();
            let start = inner + lead;
            if id.is_empty() {
                return Err(ExprError {
                    message: if text.trim().is_empty() {
                        "empty requirement expression".into()
                    } else {
                        "missing requirement id next to `|` or `&`".into()
                    },
                    start: inner.min(text.len()),
                    end: (inner + part.len()).min(text.len()),
                });
            }
            if let Some(bad) = id.find(|c: char| c.is_whitespace() || "()!,".contains(c)) {
                return Err(ExprError {
                    message: format!(
                        "`{id}` is not one requirement id: join ids with `&` (all of) or `|` (any of); brackets are not supported"
                    ),
                    start: start + bad,
                    end: start + id.len(),
                });
            }
            conj.push(IdAt {
                id: id.to_string(),
                start,
                end: start + id.len(),
            });
            inner += part.len() + 1;
        }
        alternatives.push(conj);
        offset += alt.len() + 1;
    }
    Ok(alternatives)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_alternatives_and_conjunctions_with_positions() {
        let t = parse_term("a | b & cc").unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0][0].id, "a");
        assert_eq!((t[1][1].start, t[1][1].end), (8, 10));
        assert_eq!(&"a | b & cc"[8..10], "cc");
    }

    #[test]
    fn rejects_empty_parts_and_spaces_inside_ids() {
        assert!(parse_term("").is_err());
        assert!(parse_term("a | ").is_err());
        let e = parse_term("english l2").unwrap_err();
        assert_eq!(&"english l2"[e.start..e.end], " l2");
    }

    #[test]
    fn term_is_met_by_any_alternative() {
        let t = Term(vec![vec!["a".into()], vec!["b".into(), "c".into()]]);
        assert!(t.is_met(&|id| id == "a"));
        assert!(!t.is_met(&|id| id == "b"));
        assert!(t.is_met(&|id| id == "b" || id == "c"));
        assert_eq!(t.source_text(), "a | b & c");
    }
}
