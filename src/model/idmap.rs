//! A hash map for ids. The standard map's SipHash resists crafted keys,
//! which matters for servers, not for a command that hashes its own data's
//! ids; rustc's Fx hash does the same job several times faster.

pub type IdMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
