//! What a person holds, as a set of requirement indices closed under
//! `satisfied-by` (holding GCSE maths grade 4 means holding maths Level 2).

use crate::model::Roadmap;
use crate::model::{IdMap, Text};

/// Requirement ids interned to indices, with reverse `satisfied-by` links.
pub struct ReqIndex {
    ids: Vec<Text>,
    pos: IdMap<Text, usize>,
    /// For each requirement: alternatives (conjunctions of indices) meeting it.
    satisfied_by: Vec<Vec<Vec<usize>>>,
    /// For each requirement: requirements whose `satisfied-by` mentions it.
    dependents: Vec<Vec<usize>>,
}

impl ReqIndex {
    pub fn new(map: &Roadmap) -> Self {
        let ids: Vec<Text> = map.requirements.iter().map(|r| r.meta.id.clone()).collect();
        let pos: IdMap<Text, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        let satisfied_by: Vec<Vec<Vec<usize>>> = map
            .requirements
            .iter()
            .map(|r| {
                r.satisfied_by
                    .iter()
                    .map(|conj| conj.iter().filter_map(|id| pos.get(id).copied()).collect())
                    .collect()
            })
            .collect();
        let mut dependents = vec![Vec::new(); ids.len()];
        for (r, alts) in satisfied_by.iter().enumerate() {
            for &d in alts.iter().flatten() {
                dependents[d].push(r);
            }
        }
        ReqIndex {
            ids,
            pos,
            satisfied_by,
            dependents,
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.pos.get(id).copied()
    }

    pub fn id(&self, i: usize) -> &Text {
        &self.ids[i]
    }

    /// The requirements that `i` meets on its own (GCSE English grade 4
    /// meets English at Level 2).
    pub fn met_alone_by(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.dependents[i]
            .iter()
            .copied()
            .filter(move |&d| self.satisfied_by[d].iter().any(|c| c.as_slice() == [i]))
    }
}

/// A set of held requirements, always closed under `satisfied-by`.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Holdings {
    bits: Vec<u64>,
}

impl Holdings {
    pub fn empty(idx: &ReqIndex) -> Self {
        Holdings {
            bits: vec![0; idx.len().div_ceil(64)],
        }
    }

    pub fn has(&self, i: usize) -> bool {
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }

    /// Whether the requirement id is held. Unknown ids are not.
    pub fn has_id(&self, idx: &ReqIndex, id: &str) -> bool {
        idx.index(id).is_some_and(|i| self.has(i))
    }

    pub fn add_id(&mut self, idx: &ReqIndex, id: &str) {
        if let Some(i) = idx.index(id) {
            self.add(idx, i);
        }
    }

    /// Adds a requirement and everything it now satisfies (a worklist, so
    /// the cost is proportional to what changes, not to the data size).
    pub fn add(&mut self, idx: &ReqIndex, i: usize) {
        let mut work = vec![i];
        while let Some(r) = work.pop() {
            if self.has(r) {
                continue;
            }
            self.bits[r / 64] |= 1 << (r % 64);
            for &d in &idx.dependents[r] {
                if !self.has(d)
                    && idx.satisfied_by[d]
                        .iter()
                        .any(|c| c.iter().all(|&x| self.has(x)))
                {
                    work.push(d);
                }
            }
        }
    }

    pub fn union(&mut self, idx: &ReqIndex, other: &Holdings) {
        for i in other.iter() {
            self.add(idx, i);
        }
    }

    /// The held indices, in order. Visits only set bits, so a sparse set
    /// over a large dataset costs its size, not the dataset's.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.bits.iter().enumerate().flat_map(|(w, &bits)| {
            let mut left = bits;
            std::iter::from_fn(move || {
                (left != 0).then(|| {
                    let b = left.trailing_zeros() as usize;
                    left &= left - 1;
                    w * 64 + b
                })
            })
        })
    }

    /// Whether every requirement in `other` is held here too.
    pub fn contains_all(&self, other: &Holdings) -> bool {
        self.bits.iter().zip(&other.bits).all(|(a, b)| a & b == *b)
    }
}

#[cfg(test)]
mod tests {
    use super::Holdings;

    #[test]
    fn iter_visits_exactly_the_set_bits_in_order() {
        let want = [0, 1, 63, 64, 130, 191];
        let mut bits = vec![0u64; 3];
        for &i in &want {
            bits[i / 64] |= 1 << (i % 64);
        }
        let h = Holdings { bits };
        assert_eq!(h.iter().collect::<Vec<_>>(), want);
        assert!(want.iter().all(|&i| h.has(i)));
        let none = Holdings { bits: vec![0; 3] };
        assert_eq!(none.iter().count(), 0);
    }
}
