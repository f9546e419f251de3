//! `roadmap`: a navigator for the NHS England healthcare support worker
//! learning and development roadmap.
//!
//! The flow runs one way: data files → [`load`] → [`model::Roadmap`] →
//! [`engine`] (queries, no I/O) → plain result structs → [`render`] → text.
//! The library never prints; the `roadmap` binary does.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod answers;
pub mod atomic;
pub mod cache;
pub mod cohort;
pub mod compact;
pub mod embedded;
pub mod load;
pub mod matching;
pub mod model;
pub mod profile;
pub mod terminal;
pub mod words;

/// Version of every JSON document `roadmap` writes. Bump it when a field is
/// renamed or removed; adding a field does not need a bump.
pub const SCHEMA_VERSION: u32 = 1;

pub mod engine;
pub mod error;
pub mod render;

pub use error::{Error, Result};
