//! The integration tests: one binary (faster to build than one per file),
//! with a module per area under `tests/cli/`.

mod cli;
