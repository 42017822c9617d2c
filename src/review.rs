//! Reviewing a change: loads two revisions of the content (any git revision, or the working
//! tree) and compares them with [`crate::diff`].

use std::path::Path;

use crate::build::{BuildError, Checked, load_and_check_with};
use crate::diff::{self, Report};
use crate::gitrev;
use crate::labels::Catalogue;
use crate::lang::Lang;

/// Which content to compare: a git revision, or the folder as it is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Side {
    Revision(String),
    WorkingTree,
}

impl Side {
    pub fn parse(arg: Option<&str>, default: Side) -> Side {
        match arg {
            None => default,
            Some("WORKTREE") | Some(".") => Side::WorkingTree,
            Some(rev) => Side::Revision(rev.to_string()),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Side::Revision(rev) => rev.clone(),
            Side::WorkingTree => "working tree".into(),
        }
    }
}

/// Loads one side. Rule errors do not stop a review: they are part of what changed.
pub fn load_side(content: &Path, side: &Side, catalogue: &Catalogue) -> Result<Checked, BuildError> {
    match side {
        Side::WorkingTree => load_and_check_with(content, catalogue, true),
        Side::Revision(rev) => {
            let snapshot = gitrev::snapshot(content, rev).map_err(BuildError::Other)?;
            load_and_check_with(&snapshot.content, catalogue, true).map_err(|e| match e {
                BuildError::Content(d, files) => {
                    BuildError::Other(format!("revision `{rev}` has content errors in {}:\n{d}", files.root.display()))
                }
                other => other,
            })
        }
    }
}

/// The two programmes and their comparison.
pub struct Review {
    /// `HEAD / working tree`: what was compared.
    pub compared: String,
    pub old: Checked,
    pub new: Checked,
    pub report: Report,
}

pub fn review(content: &Path, old: &Side, new: &Side, catalogue: &Catalogue) -> Result<Review, BuildError> {
    let compared = format!("{} / {}", old.describe(), new.describe());
    let (old, new) = (load_side(content, old, catalogue)?, load_side(content, new, catalogue)?);
    let labels = catalogue.for_lang(Lang::En)?;
    let report = diff::compare(&old, &new, &labels);
    Ok(Review { compared, old, new, report })
}
