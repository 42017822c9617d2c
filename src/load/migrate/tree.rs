//! A content folder's files as text, for the format steps to read and rewrite.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::load::TRANSLATIONS;

/// The files a format step may read or change: the YAML files at the top and under
/// `objectives/`, the PO files under `translations/`; by path inside the folder.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    files: BTreeMap<String, String>,
    changed: BTreeSet<String>,
    /// Whether every line of an old file must keep its number: when the upgraded files are
    /// only read, so that a message's line is the line of the file on disk (steps then only
    /// append, and leave blank lines where they remove some).
    keep_lines: bool,
}

impl PartialEq for Tree {
    fn eq(&self, other: &Self) -> bool {
        self.files == other.files
    }
}

impl Tree {
    /// Reads the folder's content files (a file that is not UTF-8 is left to the loader).
    pub fn read(dir: &Path) -> std::io::Result<Tree> {
        let mut tree = Tree::default();
        for (sub, ext) in [("", ".yaml"), ("objectives", ".yaml"), (TRANSLATIONS, ".po")] {
            let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
            for entry in entries {
                let entry = entry?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if !name.ends_with(ext) || name.starts_with('.') || !entry.file_type()?.is_file() {
                    continue;
                }
                let rel = if sub.is_empty() { name } else { format!("{sub}/{name}") };
                if let Ok(text) = String::from_utf8(std::fs::read(entry.path())?) {
                    tree.files.insert(rel, text);
                }
            }
        }
        Ok(tree)
    }

    /// A tree of the given files, as a test writes them.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Tree {
        Tree { files: files.into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), ..Tree::default() }
    }

    /// The same tree, its steps keeping every old line's number.
    pub fn keeping_lines(self) -> Tree {
        Tree { keep_lines: true, ..self }
    }

    pub fn keeps_lines(&self) -> bool {
        self.keep_lines
    }

    pub fn get(&self, rel: &str) -> Option<&str> {
        self.files.get(rel).map(String::as_str)
    }

    /// Writes (or creates) a file.
    pub fn set(&mut self, rel: &str, text: String) {
        if self.get(rel) != Some(text.as_str()) {
            self.files.insert(rel.to_string(), text);
            self.changed.insert(rel.to_string());
        }
    }

    /// A file's YAML value, when it exists and parses.
    pub fn yaml(&self, rel: &str) -> Option<serde_yaml::Value> {
        serde_yaml::from_str(self.get(rel)?).ok()
    }

    /// The files a step wrote or created, with their text.
    pub fn changed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.changed.iter().filter_map(|rel| Some((rel.as_str(), self.get(rel)?)))
    }

    /// Every file's path, in order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Writes the changed files under `dir` (a scratch copy).
    pub(super) fn write_changed(&self, dir: &Path) -> std::io::Result<()> {
        for (rel, text) in self.changed() {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        Ok(())
    }
}
