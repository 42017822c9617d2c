//! The project: the folder that holds `content/programme.yaml`, with its own `templates/`,
//! `fonts/` (both optional: see `form`) and `out/`. Every command finds it from any subfolder
//! by walking up, as cargo finds `Cargo.toml` and mdBook `book.toml`; and every path it prints
//! is relative to the current directory, so an editor opens the real file.

use std::path::{Component, Path, PathBuf};

/// What marks a project's root folder.
pub const MARKER: &str = "content/programme.yaml";

/// The nearest folder at or above `from` that holds [`MARKER`].
pub fn find_root(from: &Path) -> Option<PathBuf> {
    from.ancestors().find(|dir| dir.join(MARKER).is_file()).map(Path::to_path_buf)
}

/// `path` as the user reads it: relative to the current directory, as short as it can be
/// (`../programme.yaml` from `content/objectives`), or absolute when no relative path reaches
/// it. A relative `path` is taken as relative to the current directory.
pub fn shown(path: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(here) => relative(&normal(&here.join(path)), &normal(&here)),
        Err(_) => path.to_path_buf(),
    }
}

/// `path` relative to `base` (both absolute and normal); `path` itself when they share no
/// root (another drive).
pub fn relative(path: &Path, base: &Path) -> PathBuf {
    let (p, b): (Vec<_>, Vec<_>) = (path.components().collect(), base.components().collect());
    if p.first() != b.first() {
        return path.to_path_buf();
    }
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
}

/// `path` without `.` and with each `x/..` resolved, without asking the file system.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_from_where_the_user_stands() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(relative(&p("/a/b/content/programme.yaml"), &p("/a/b")), p("content/programme.yaml"));
        assert_eq!(relative(&p("/a/b/content/programme.yaml"), &p("/a/b/content/objectives")), p("../programme.yaml"));
        assert_eq!(relative(&p("/a/b/content/objectives/so1.yaml"), &p("/a/b/content/objectives")), p("so1.yaml"));
        assert_eq!(relative(&p("/x/other/programme.yaml"), &p("/a/b")), p("../../x/other/programme.yaml"));
        assert_eq!(relative(&p("/a/b"), &p("/a/b")), p(""));
        assert_eq!(normal(&p("/a/b/../c/./d")), p("/a/c/d"));
    }

    #[test]
    fn the_root_is_the_nearest_folder_with_the_programme() {
        let dir = std::env::temp_dir().join(format!("amif-doc-root-{}", std::process::id()));
        let deep = dir.join("p/content/objectives");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(find_root(&deep), None);
        std::fs::write(dir.join("p/content/programme.yaml"), "programme: {}\n").unwrap();
        assert_eq!(find_root(&deep), Some(dir.join("p")));
        assert_eq!(find_root(&dir.join("p")), Some(dir.join("p")));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
