//! Ranked full-text search over every record.

use super::Engine;
use crate::SCHEMA_VERSION;
use crate::answers::{SearchHit, SearchResults};
use crate::matching::did_you_mean;
use crate::matching::normalise;

impl Engine<'_> {
    /// Records matching every word (names count most), best first, and when
    /// nothing matches, a "did you mean" for the words, if any.
    pub fn search(&self, words: &[String]) -> SearchResults {
        let (hits, did_you_mean) = match self.hits(words) {
            Ok(h) => (h, None),
            Err(s) => (Vec::new(), s),
        };
        SearchResults {
            schema_version: SCHEMA_VERSION,
            data_reviewed: self.reviewed(),
            query: words.join(" "),
            hits,
            did_you_mean,
        }
    }

    fn hits(&self, words: &[String]) -> Result<Vec<SearchHit>, Option<String>> {
        let query: Vec<String> = words
            .iter()
            .flat_map(|w| {
                normalise(w)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let mut hits = Vec::new();
        for rec in self.map.records() {
            let m = rec.meta();
            let names: Vec<String> = std::iter::once(normalise(&m.title))
                .chain(std::iter::once(normalise(&m.id)))
                .chain(rec.aliases().iter().map(|a| normalise(a)))
                .collect();
            let body = normalise(&rec.body_text().join(" "));
            let mut score = 0;
            let mut all = true;
            for q in &query {
                let s = word_score(q, &names, 10, 6).max(word_score(
                    q,
                    std::slice::from_ref(&body),
                    3,
                    1,
                ));
                if s == 0 {
                    all = false;
                    break;
                }
                score += s;
            }
            if all && score > 0 {
                hits.push(SearchHit {
                    id: m.id.clone(),
                    kind: rec.kind().name().to_string(),
                    title: m.title.clone(),
                    summary: m.summary.clone(),
                    score,
                });
            }
        }
        if hits.is_empty() {
            let mut vocab: Vec<String> = self
                .map
                .records()
                .flat_map(|r| {
                    let m = r.meta();
                    normalise(&format!("{} {}", m.title, r.aliases().join(" ")))
                        .split(' ')
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .filter(|w| w.len() > 2)
                .collect();
            vocab.sort();
            vocab.dedup();
            let suggestion = query
                .iter()
                .map(|q| {
                    did_you_mean(q, vocab.iter().map(|s| s.as_str()))
                        .map_or(q.clone(), str::to_string)
                })
                .collect::<Vec<_>>()
                .join(" ");
            return Err((suggestion != query.join(" ")).then_some(suggestion));
        }
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| a.kind.cmp(&b.kind))
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(hits)
    }
}

/// `whole` points for a whole-word match, `part` for a word starting with q.
fn word_score(q: &str, texts: &[String], whole: u32, part: u32) -> u32 {
    let mut best = 0;
    for t in texts {
        for w in t.split(' ') {
            if w == q {
                return whole;
            }
            if q.len() >= 3 && w.starts_with(q) {
                best = part;
            }
        }
    }
    best
}
