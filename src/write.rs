//! Stage 7, write: outputs land atomically. Each file is written to a temporary file beside
//! its target, flushed to disk, then renamed over it, so a crash or a full disk never leaves
//! a truncated PDF where a good one was.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A file or folder that could not be written or copied.
#[derive(Debug, thiserror::Error)]
#[error("cannot write `{}`: {source}", .path.display())]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

fn at(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError { path: path.to_path_buf(), source }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder (tempfile), flushed
/// to disk, then renamed over the target. Readers see the old file or the new one, never half.
pub fn atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(at(dir))?;
    let mut file = tempfile::Builder::new().prefix(".amif-doc-").suffix(".tmp").tempfile_in(dir).map_err(at(path))?;
    file.write_all(bytes).map_err(at(path))?;
    // tempfile creates 0600 files; an output is as readable as any file the user writes.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(at(path))?;
    }
    file.as_file().sync_all().map_err(at(path))?;
    file.persist(path).map_err(|e| WriteError { path: path.to_path_buf(), source: e.error })?;
    Ok(())
}

/// Copies a folder tree (for scratch copies of `content/`).
pub fn copy_tree(from: &Path, to: &Path) -> Result<(), WriteError> {
    std::fs::create_dir_all(to).map_err(at(to))?;
    for entry in std::fs::read_dir(from).map_err(at(from))? {
        let path = entry.map_err(at(from))?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(at(&target))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let target = dir.join("a.pdf");
        atomic(&target, b"one").unwrap();
        atomic(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.pdf")]);
    }
}
