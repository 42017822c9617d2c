//! Reads `content/` as it was at a git revision, without checking anything out: the files
//! are listed with `git ls-tree` and read with `git cat-file` into a scratch folder.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a revision could not be read; one line each, never git's raw output alone.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    NotRunnable(String),
    #[error("`{0}` is not inside a git repository")]
    NotARepository(String),
    #[error("no revision {0} in this repository")]
    NoRevision(String),
    #[error("revision {rev} has no `{folder}` folder")]
    NoContent { rev: String, folder: String },
    #[error("the content folder `{0}` is outside the repository")]
    Outside(String),
    #[error("cannot find `{0}`: {1}")]
    Missing(String, String),
    #[error("git {0}: {1}")]
    Failed(String, String),
    #[error("cannot write a scratch copy: {0}")]
    Scratch(String),
}

/// A scratch copy of a content folder at some revision; removed when dropped.
pub struct Snapshot {
    _root: tempfile::TempDir,
    pub content: PathBuf,
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out =
        Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| GitError::NotRunnable(e.to_string()))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(GitError::Failed(args.join(" "), String::from_utf8_lossy(&out.stderr).trim().to_string()))
    }
}

/// The repository root and the content folder's path inside it.
pub fn locate(content: &Path) -> Result<(PathBuf, String), GitError> {
    let shown = content.display().to_string();
    let dir = content.canonicalize().map_err(|e| GitError::Missing(shown.clone(), e.to_string()))?;
    let top = git(&dir, &["rev-parse", "--show-toplevel"]).map_err(|_| GitError::NotARepository(shown.clone()))?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim())
        .canonicalize()
        .map_err(|e| GitError::Missing(shown.clone(), e.to_string()))?;
    let rel = dir.strip_prefix(&top).map_err(|_| GitError::Outside(shown))?;
    Ok((top, rel.to_string_lossy().replace('\\', "/")))
}

/// Writes `content/` as of `rev` into a scratch folder.
pub fn snapshot(content: &Path, rev: &str) -> Result<Snapshot, GitError> {
    let (top, rel) = locate(content)?;
    let commit = git(&top, &["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")])
        .map_err(|_| GitError::NoRevision(rev.to_string()))?;
    let commit = String::from_utf8_lossy(&commit).trim().to_string();
    let listing = git(&top, &["ls-tree", "-r", "-z", "--name-only", &commit, "--", &rel])?;
    let root =
        tempfile::Builder::new().prefix("amif-doc-rev-").tempdir().map_err(|e| GitError::Scratch(e.to_string()))?;
    let content = root.path().join("content");
    let mut files = 0;
    for path in listing.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let path = String::from_utf8_lossy(path).into_owned();
        let inside = path.strip_prefix(&rel).unwrap_or(&path).trim_start_matches('/');
        let target = content.join(inside);
        std::fs::create_dir_all(target.parent().unwrap_or(&content)).map_err(|e| GitError::Scratch(e.to_string()))?;
        let bytes = git(&top, &["cat-file", "blob", &format!("{commit}:{path}")])?;
        std::fs::write(&target, bytes).map_err(|e| GitError::Scratch(e.to_string()))?;
        files += 1;
    }
    if files == 0 {
        return Err(GitError::NoContent { rev: rev.to_string(), folder: rel });
    }
    Ok(Snapshot { _root: root, content })
}
