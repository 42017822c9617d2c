//! Reads `content/` as it was at a git revision, without checking anything out: the files
//! are listed with `git ls-tree` and read with `git cat-file` into a scratch folder.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A scratch copy of a content folder at some revision; removed when dropped.
pub struct Snapshot {
    root: PathBuf,
    pub content: PathBuf,
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!("git {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim()))
    }
}

/// The repository root and the content folder's path inside it.
pub fn locate(content: &Path) -> Result<(PathBuf, String), String> {
    let dir = content.canonicalize().map_err(|e| format!("cannot find `{}`: {e}", content.display()))?;
    let top = String::from_utf8_lossy(&git(&dir, &["rev-parse", "--show-toplevel"])?).trim().to_string();
    let top = PathBuf::from(top).canonicalize().map_err(|e| e.to_string())?;
    let rel = dir.strip_prefix(&top).map_err(|_| "the content folder is outside the repository".to_string())?;
    Ok((top, rel.to_string_lossy().replace('\\', "/")))
}

/// Writes `content/` as of `rev` into a scratch folder.
pub fn snapshot(content: &Path, rev: &str) -> Result<Snapshot, String> {
    let (top, rel) = locate(content)?;
    let commit = String::from_utf8_lossy(&git(&top, &["rev-parse", "--verify", &format!("{rev}^{{commit}}")])?)
        .trim()
        .to_string();
    let listing = git(&top, &["ls-tree", "-r", "-z", "--name-only", &commit, "--", &rel])?;
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let root = std::env::temp_dir().join(format!("amif-doc-rev-{}-{n}", std::process::id()));
    let snapshot = Snapshot { content: root.join("content"), root };
    let mut files = 0;
    for path in listing.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let path = String::from_utf8_lossy(path).into_owned();
        let inside = path.strip_prefix(&rel).unwrap_or(&path).trim_start_matches('/');
        let target = snapshot.content.join(inside);
        std::fs::create_dir_all(target.parent().unwrap_or(&snapshot.content)).map_err(|e| e.to_string())?;
        let bytes = git(&top, &["cat-file", "blob", &format!("{commit}:{path}")])?;
        std::fs::write(&target, bytes).map_err(|e| e.to_string())?;
        files += 1;
    }
    if files == 0 {
        return Err(format!("revision `{rev}` has no `{rel}` folder"));
    }
    Ok(snapshot)
}
