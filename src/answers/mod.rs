//! What `roadmap` answers: one serde type per answer, built by the
//! [`engine`](crate::engine) and turned into text by [`render`](crate::render).
//!
//! These types are the JSON contract (`--format json`, documented in
//! docs/JSON.md): add fields freely, but renaming or removing one needs a
//! [`SCHEMA_VERSION`](crate::SCHEMA_VERSION) bump.

mod check;
mod cohort;
mod export;
mod listings;
mod next;
mod page;
mod plan;
mod record;
mod refs;
mod routes;

pub use check::*;
pub use cohort::*;
pub use export::*;
pub use listings::*;
pub use next::*;
pub use page::*;
pub use plan::*;
pub use record::*;
pub use refs::*;
pub use routes::*;
