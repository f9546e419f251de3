//! Checks on the whole graph: aliases that clash, progression that loops,
//! equivalences that define a requirement by itself. Each is one linear
//! pass over the data, so a trust's overlay of any size checks quickly.

use super::{Place, Records, Validator};
use crate::load::diag::FileId;
use crate::matching::normalise;
use crate::model::parse_term;
use crate::model::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use toml::Spanned;

impl Validator {
    pub(super) fn graph_checks(&mut self, r: &Records) {
        self.alias_clashes(r);
        self.progression_cycles(r);
        self.equivalence_cycles(r);
    }

    /// Two roles (or two requirements) answering to one alias would make
    /// `--from` and `--have` ambiguous for everyone.
    pub(super) fn alias_clashes(&mut self, r: &Records) {
        self.title_clashes(r);
        let mut seen: HashMap<String, (String, Place)> = HashMap::new();
        let mut check = |v: &mut Self,
                         file: FileId,
                         owner: &str,
                         alias: &Spanned<String>,
                         kind: &str| {
            let key = normalise(alias.get_ref());
            match seen.get(&format!("{kind}:{key}")) {
                Some((other, loc)) if other != owner => {
                    let loc = loc.clone();
                    let other = other.clone();
                    v.error(file, alias.span(), format!("alias `{}` is used by two {kind}s: `{other}` and `{owner}`", alias.get_ref()))
                        .label("used again here")
                        .help("an alias must name one record, or position and --have parsing become ambiguous")
                        .also(loc.0, loc.1, "first used here");
                }
                _ => {
                    seen.insert(
                        format!("{kind}:{key}"),
                        (owner.to_string(), (file, alias.span())),
                    );
                }
            }
        };
        for a in &r.roles {
            for alias in &a.rec.aliases {
                check(self, a.file, a.rec.id.get_ref(), alias, "role");
            }
        }
        for a in &r.requirements {
            for alias in &a.rec.aliases {
                check(self, a.file, a.rec.id.get_ref(), alias, "requirement");
            }
        }
    }

    /// Two roles with the same title (an overlay's own role named like a
    /// national one, say): valid, but `--from TITLE` cannot tell them apart.
    fn title_clashes(&mut self, r: &Records) {
        let mut seen: HashMap<String, (&str, Place)> = HashMap::new();
        for a in &r.roles {
            let key = normalise(a.rec.title.get_ref());
            let id = a.rec.id.get_ref().as_str();
            match seen.get(&key) {
                Some((other, first)) if *other != id => {
                    let first = first.clone();
                    let other = other.to_string();
                    self.warn(
                        a.file,
                        a.rec.title.span(),
                        format!("roles `{other}` and `{id}` have the same title"),
                    )
                    .label("titled the same as another role")
                    .help("people name roles by title: give this one a title that tells them apart")
                    .also(first.0, first.1, "first titled here");
                }
                _ => {
                    seen.insert(key, (id, (a.file, a.rec.title.span())));
                }
            }
        }
    }

    /// A cycle of "progression" moves would mean moving up forever: the data
    /// is wrong. Lateral moves and stay-and-develop may loop harmlessly.
    pub(super) fn progression_cycles(&mut self, r: &Records) {
        let mut edges: BTreeMap<&str, Vec<(&str, usize)>> = BTreeMap::new();
        for (i, p) in r.pathways.iter().enumerate() {
            if *p.rec.kind.get_ref() != PathwayKind::Progression {
                continue;
            }
            if let Some(to) = &p.rec.to {
                for from in p.rec.from.get_ref() {
                    edges
                        .entry(from.get_ref())
                        .or_default()
                        .push((to.get_ref(), i));
                }
            }
        }
        // Iterative DFS with colours; report each cycle once, at its closing edge.
        let mut colour: HashMap<&str, u8> = HashMap::new();
        let mut reported = HashSet::new();
        let starts: Vec<&str> = edges.keys().copied().collect();
        for start in starts {
            if colour.get(start).copied().unwrap_or(0) != 0 {
                continue;
            }
            let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
            let mut path: Vec<&str> = vec![start];
            colour.insert(start, 1);
            while let Some((node, next)) = stack.pop() {
                let out = edges.get(node).map(Vec::as_slice).unwrap_or(&[]);
                if next < out.len() {
                    stack.push((node, next + 1));
                    let (to, pi) = out[next];
                    match colour.get(to).copied().unwrap_or(0) {
                        0 => {
                            colour.insert(to, 1);
                            stack.push((to, 0));
                            path.push(to);
                        }
                        1 if reported.insert(pi) => {
                            let pos = path.iter().position(|n| *n == to).unwrap_or(0);
                            let mut cycle: Vec<&str> = path[pos..].to_vec();
                            cycle.push(to);
                            let p = &r.pathways[pi];
                            let span = p.rec.to.as_ref().map_or(p.rec.id.span(), |t| t.span());
                            self.error(p.file, span, "progression pathways form a cycle")
                                .label(format!("closes the cycle {}", cycle.join(" → ")))
                                .help("a progression must lead somewhere new; make one of these moves kind = \"lateral\"");
                        }
                        _ => {}
                    }
                } else {
                    colour.insert(node, 2);
                    path.pop();
                }
            }
        }
    }

    /// `a` satisfied by `b`, `b` satisfied by `a`: circular, so neither
    /// definition says anything. Every requirement on such a loop is
    /// reported. One pass (Tarjan's strongly connected components) with
    /// indexed lookups, so a chain of any length is linear.
    pub(super) fn equivalence_cycles(&mut self, r: &Records) {
        let index: HashMap<&str, usize> = r
            .requirements
            .iter()
            .enumerate()
            .map(|(i, q)| (q.rec.id.get_ref().as_str(), i))
            .collect();
        // q -> the requirements that alone satisfy it.
        let deps: Vec<Vec<usize>> = r
            .requirements
            .iter()
            .map(|q| {
                q.rec
                    .satisfied_by
                    .iter()
                    .filter_map(|s| parse_term(s.get_ref()).ok())
                    .flatten()
                    .filter(|conj| conj.len() == 1)
                    .filter_map(|conj| index.get(conj[0].id.as_str()).copied())
                    .collect()
            })
            .collect();
        for i in on_cycles(&deps) {
            let q = &r.requirements[i];
            let id = q.rec.id.get_ref();
            self.error(q.file, q.rec.id.span(), format!("requirement `{id}` is, through `satisfied-by`, satisfied by itself"))
                .label("circular equivalence")
                .help("`satisfied-by` should point to more specific things, e.g. english-l2 ← gcse-english-4");
        }
    }
}

/// The nodes that lie on a cycle of `edges` (including a node with an edge
/// to itself), in ascending order: Tarjan's algorithm, iteratively, so deep
/// chains cannot overflow the stack.
fn on_cycles(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low) = (vec![UNSEEN; n], vec![0; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut out) = (Vec::new(), Vec::new());
    let mut next = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, position in its edge list)
        let mut work = vec![(root, 0)];
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if *e == 0 && index[v] == UNSEEN {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if index[w] == UNSEEN {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                loop {
                    let w = stack.pop().expect("v is on the stack");
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 || edges[v].contains(&v) {
                    out.extend(component);
                }
            }
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::on_cycles;

    #[test]
    fn finds_exactly_the_nodes_on_cycles() {
        // 0 -> 1 -> 2 -> 0, 3 -> 3, 4 -> 0, 5 alone.
        let edges = vec![vec![1], vec![2], vec![0], vec![3], vec![0], vec![]];
        assert_eq!(on_cycles(&edges), vec![0, 1, 2, 3]);
        // A long chain without a cycle, and with one at the end.
        let n = 200_000;
        let mut chain: Vec<Vec<usize>> = (0..n).map(|i| vec![i + 1]).collect();
        chain[n - 1] = vec![];
        assert!(on_cycles(&chain).is_empty());
        chain[n - 1] = vec![n - 2];
        assert_eq!(on_cycles(&chain), vec![n - 2, n - 1]);
    }
}
