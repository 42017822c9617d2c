//! `amif-doc log`: the semantic history of a programme, commit by commit, each commit's
//! content compared with its own parent's as whole revisions (what `diff` reports), so totals,
//! translation states and validation are those of that commit. A revision that cannot be read
//! is one entry saying why, never the end of the log.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::compare::{Report, compare};
use super::{Side, load_side};
use crate::git::{self, GitError};
use crate::i18n::{Catalogue, Lang};
use crate::pipeline::{Checked, Error};

/// A commit of the log, as git describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub hash: String,
    pub short: String,
    pub author: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub subject: String,
    /// The first parent; `None` for a root commit.
    pub parent: Option<String>,
}

/// What a commit changed in the programme.
#[derive(Debug)]
pub enum Entry {
    /// The comparison with the parent (possibly empty: no programme fact changed).
    Changes(Report),
    /// There is nothing before it to compare with: a root commit, or the commit that created
    /// the content folder.
    First,
    /// A side could not be read: why, in one line.
    Unreadable(String),
}

/// The commits of `range` (newest first, as `git log`) that touch `paths` (the content folder
/// when empty), for the content folder `content`.
pub fn commits(content: &Path, range: &str, paths: &[PathBuf]) -> Result<Vec<Commit>, Error> {
    let (top, rel) = git::locate(content)?;
    let here = std::env::current_dir().map_err(Error::io("the current folder"))?;
    let specs: Vec<String> = if paths.is_empty() {
        vec![if rel.is_empty() { ".".into() } else { rel }]
    } else {
        paths.iter().map(|p| here.join(p).display().to_string()).collect()
    };
    let format = "--format=%H%x1f%h%x1f%an%x1f%ad%x1f%s%x1f%P";
    let out = Command::new("git")
        .arg("-C")
        .arg(&top)
        .args(["log", format, "--date=short", range, "--"])
        .args(&specs)
        .output()
        .map_err(|e| GitError::NotRunnable(e.to_string()))?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        let first = said.lines().next().unwrap_or_default().trim_start_matches("fatal: ").to_string();
        return Err(GitError::Failed(format!("log {range}"), first).into());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text
        .lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\u{1f}').collect();
            let [hash, short, author, date, subject, parents] = f[..] else { return None };
            let parent = parents.split_whitespace().next().map(str::to_string);
            Some(Commit {
                hash: hash.into(),
                short: short.into(),
                author: author.into(),
                date: date.into(),
                subject: subject.into(),
                parent,
            })
        })
        .collect())
}

/// Compares each commit with its parent; `each` receives every commit and its entry in
/// order, as soon as it is known (a long history prints as it goes). A revision is loaded
/// once for the commit and its parent when they follow each other.
pub fn walk(
    content: &Path,
    commits: &[Commit],
    catalogue: &Catalogue,
    mut each: impl FnMut(&Commit, Entry) -> std::io::Result<()>,
) -> Result<(), Error> {
    let labels = catalogue.for_lang(Lang::EN)?;
    let mut last: Option<(String, Result<Checked, String>)> = None;
    // An empty reason: the revision has no content folder (the content starts after it).
    let load = |hash: &str, last: &mut Option<(String, Result<Checked, String>)>| match last.take() {
        Some((h, checked)) if h == hash => checked,
        _ => load_side(content, &Side::Revision(hash.to_string()), catalogue).map_err(|e| match e {
            Error::Git(GitError::NoContent { .. }) => String::new(),
            other => one_line(&other),
        }),
    };
    for commit in commits {
        let new = load(&commit.hash, &mut last);
        let entry = match (&commit.parent, &new) {
            (_, Err(why)) if why.is_empty() => Entry::Unreadable("it has no content folder".into()),
            (_, Err(why)) => Entry::Unreadable(why.clone()),
            (None, Ok(_)) => Entry::First,
            (Some(parent), Ok(new)) => {
                let old = load(parent, &mut last);
                let entry = match &old {
                    Err(why) if why.is_empty() => Entry::First,
                    Err(why) => Entry::Unreadable(format!("its parent: {why}")),
                    Ok(old) => Entry::Changes(compare(old, new, &labels)),
                };
                last = Some((parent.clone(), old));
                entry
            }
        };
        each(commit, entry).map_err(Error::io("the log"))?;
    }
    Ok(())
}

/// An error in one line: the log goes on after it.
fn one_line(error: &Error) -> String {
    match error {
        Error::Revision { problems, .. } => {
            let first = problems.lines().next().unwrap_or_default();
            let n = problems.lines().filter(|l| l.starts_with("error")).count();
            format!("its content has {n} problem(s), first: {first}")
        }
        other => other.to_string().lines().next().unwrap_or_default().to_string(),
    }
}
