//! Reviewing a change: two revisions of the content (any git revision, or the working tree)
//! loaded and checked (`crate::git` reads a revision), compared (`compare`), printed
//! (`report`), typeset as a redline edition (`redline`), and walked commit by commit
//! (`history`).

pub mod compare;
mod facts;
pub mod history;
pub mod onefile;
pub mod redline;
pub mod report;

use std::path::Path;

use crate::git;
use crate::i18n::{Catalogue, Lang};
use crate::pipeline::{Checked, Error, load_and_check_as, load_and_check_with};
use compare::Report;

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
pub fn load_side(content: &Path, side: &Side, catalogue: &Catalogue) -> Result<Checked, Error> {
    match side {
        Side::WorkingTree => load_and_check_with(content, catalogue, true),
        Side::Revision(rev) => {
            let snapshot = git::snapshot(content, rev)?;
            // Its files as git names them (`HEAD~3:content/financing.yaml`), never the working
            // tree's: `git show` opens exactly what a message points at.
            let (_, inside) = git::locate(content)?;
            let shown = std::path::PathBuf::from(format!("{rev}:{inside}"));
            load_and_check_as(&snapshot.content, &shown, catalogue, true).map_err(|e| match e {
                Error::Content(d, _) => Error::Revision { rev: rev.clone(), problems: d.to_string() },
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

pub fn review(content: &Path, old: &Side, new: &Side, catalogue: &Catalogue) -> Result<Review, Error> {
    let compared = format!("{} / {}", old.describe(), new.describe());
    let (old, new) = (load_side(content, old, catalogue)?, load_side(content, new, catalogue)?);
    let labels = catalogue.for_lang(Lang::EN)?;
    let report = compare::compare(&old, &new, &labels);
    Ok(Review { compared, old, new, report })
}
