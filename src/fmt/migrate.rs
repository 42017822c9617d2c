//! `amif-doc migrate`: the working tree upgraded in place to the current format, written only
//! once every edition is shown to print exactly what it printed read through the steps.

use std::path::{Path, PathBuf};

use crate::load::migrate::{CURRENT, Filled, Tree, declared, run_steps};
use crate::pipeline::{self, Error};

/// What `migrate` did, or would do.
#[derive(Debug)]
pub struct Migrated {
    pub from: u32,
    /// The steps that changed something (`1 → 2: the edition matrix, editions.yaml`).
    pub steps: Vec<String>,
    pub filled: Vec<Filled>,
    /// The files written (or to write), relative to the content folder's parent.
    pub files: Vec<PathBuf>,
}

/// The comment above the key in `programme.yaml`.
const FORMAT_LINES: &str =
    "# The content format amif-doc reads this folder as (`amif-doc migrate` upgrades older ones).";

/// Upgrades `content` to [`CURRENT`]; `None` when it is current already. With `write`, the
/// changed files are replaced (each atomically, all of them prepared and proven first);
/// content that does not load is reported, never upgraded.
pub fn migrate(content: &Path, form: &crate::form::Form, write: bool) -> Result<Option<Migrated>, Error> {
    let catalogue = crate::i18n::Catalogue::load(form)?;
    let before = pipeline::load_and_check_with(content, &catalogue, true)?;
    let programme = std::fs::read_to_string(content.join("programme.yaml")).map_err(Error::io("programme.yaml"))?;
    let from = match declared(&programme) {
        Some(n) if n < CURRENT => n,
        _ => return Ok(None),
    };
    let mut tree = Tree::read(content).map_err(Error::io(content.display().to_string()))?;
    let (steps, filled) = run_steps(&mut tree, from, CURRENT);
    let upgraded = tree.get("programme.yaml").unwrap_or_default();
    tree.set("programme.yaml", with_format(upgraded));
    // Written as `fmt` writes them.
    let changed: Vec<(String, String)> = tree
        .changed()
        .map(|(rel, text)| {
            let text = if rel.ends_with(".po") {
                crate::i18n::po::parse(text).map(|c| crate::i18n::po::write(&c)).unwrap_or_else(|_| text.to_string())
            } else {
                crate::fmt::format_file(text, rel)
            };
            (rel.to_string(), text)
        })
        .collect();
    // Proven: every edition's typst source is the one the old files give through the steps.
    let scratch =
        tempfile::Builder::new().prefix("amif-doc-migrate-").tempdir().map_err(Error::io("a scratch folder"))?;
    let copy = scratch.path().join("content");
    crate::write::copy_tree(content, &copy)?;
    for (rel, text) in &changed {
        let path = copy.join(rel);
        std::fs::create_dir_all(path.parent().unwrap_or(&copy)).map_err(Error::io(rel.clone()))?;
        std::fs::write(&path, text).map_err(Error::io(rel.clone()))?;
    }
    let templates = crate::render::Templates::load(form)?;
    let after = pipeline::load_and_check_as(&copy, content, &catalogue, true)?;
    let (old, new) =
        (pipeline::render_all(&before, &catalogue, &templates)?, pipeline::render_all(&after, &catalogue, &templates)?);
    let differing: Vec<String> = old
        .iter()
        .filter(|(name, source)| new.iter().find(|(n, _)| n == name).map(|(_, s)| s) != Some(source))
        .map(|(name, _)| name.clone())
        .chain(new.iter().filter(|(name, _)| !old.iter().any(|(n, _)| n == name)).map(|(name, _)| name.clone()))
        .collect();
    if !differing.is_empty() {
        return Err(Error::MigrationChangesOutput(differing));
    }
    if write {
        for (rel, text) in &changed {
            crate::write::atomic(&content.join(rel), text.as_bytes())?;
        }
    }
    let base = content.parent().unwrap_or(Path::new(""));
    let files = changed
        .iter()
        .map(|(rel, _)| content.join(rel).strip_prefix(base).map(Path::to_path_buf))
        .collect::<Result<_, _>>();
    Ok(Some(Migrated { from, steps, filled, files: files.unwrap_or_default() }))
}

/// `programme.yaml` saying the current format: its `format:` line rewritten, or the key added
/// at the end.
fn with_format(text: &str) -> String {
    let line = format!("format: {CURRENT}");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    match lines.iter_mut().find(|l| l.starts_with("format:")) {
        Some(l) => *l = line,
        None => {
            lines.push(FORMAT_LINES.to_string());
            lines.push(line);
        }
    }
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_key_is_written_or_rewritten() {
        assert_eq!(with_format("cci: X\n"), format!("cci: X\n{FORMAT_LINES}\nformat: 5\n"));
        assert_eq!(with_format("cci: X\nformat: 3\n"), "cci: X\nformat: 5\n");
    }
}
