//! The saved profile, as `pathways --profile` sees it.

use hcsw_roadmap::{Error, Result};

/// Where a profile says the person is, and what they hold.
pub struct Saved {
    pub position: Option<String>,
    pub holds: Vec<String>,
}

pub fn load_for_pathways() -> Result<Saved> {
    Err(Error::Usage(
        "--profile needs a saved profile, and the self-assessment that saves one (`roadmap assess`) is not in this version yet; use --from and --have instead".into(),
    ))
}
