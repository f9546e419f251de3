//! A hash map for ids. The standard map's SipHash resists crafted keys,
//! which matters for servers, not for a command that hashes a few hundred
//! ids from its own data; this multiply-rotate hash (the one rustc uses
//! internally) does the same job several times faster.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl IdHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_share_a_prefix_hash_apart() {
        let mut m: IdMap<String, usize> = IdMap::default();
        for (i, id) in [
            "band-3",
            "band-3-x",
            "band-30",
            "",
            "a-very-long-id-over-eight",
        ]
        .iter()
        .enumerate()
        {
            m.insert(id.to_string(), i);
        }
        assert_eq!(m.len(), 5);
        assert_eq!(m["band-30"], 2);
        assert_eq!(m[""], 3);
    }
}
