//! Content formats: every shape `content/` ever had stays readable, as Cargo reads every
//! lockfile version. `programme.yaml` says its format (`format: 5`); without the key a folder
//! is of the first format. Before typed parsing, a folder of an older format is upgraded in
//! memory by a chain of small named steps, one per format change in the history of
//! amif-doc's content, each on the files' text so that comments and lines stay where they
//! were. `amif-doc migrate` (`fmt::migrate`) writes the upgraded files; every other command
//! reads an old folder through the chain and says once that it is old.
//!
//! A step only changes what its old shape has: content of a later shape that lacks the key
//! (every revision written before `format:` existed) passes through unchanged.

mod edit;
mod format1;
mod format2;
mod format3;
mod format4;
mod tree;

use std::path::{Path, PathBuf};

pub use tree::Tree;

use crate::diag::{Diagnostic, Location};

/// The format amif-doc writes. Formats, oldest first:
/// 1. no `editions.yaml`; 2. translations inline (`title: {en: .., fr: ..}`);
/// 3. the four Belgian scopes built in; 4. resettlement categories and countries in the
///    label catalogue; 5. `reference.yaml` (current).
pub const CURRENT: u32 = 5;

/// One format change: the step from `from` to `from + 1`.
struct Step {
    from: u32,
    /// What changed, as `migrate` reports it.
    what: &'static str,
    apply: fn(&mut Tree, &mut Vec<Filled>),
}

/// The steps, oldest first.
const STEPS: &[Step] = &[
    Step { from: 1, what: format1::WHAT, apply: format1::apply },
    Step { from: 2, what: format2::WHAT, apply: format2::apply },
    Step { from: 3, what: format3::WHAT, apply: format3::apply },
    Step { from: 4, what: format4::WHAT, apply: format4::apply },
];

/// A value a step had to write that the old format did not say: what amif-doc printed then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    /// The content file it went into (`reference.yaml`).
    pub file: String,
    pub message: String,
}

/// The outcome of reading a folder's format and upgrading it in memory.
#[derive(Debug)]
pub struct Upgrade {
    pub from: u32,
    pub tree: Tree,
    /// The steps that ran (`4 → 5: ...`).
    pub steps: Vec<String>,
    pub filled: Vec<Filled>,
}

/// The format `programme.yaml` declares: its `format` key, 1 when absent. A file that does
/// not parse, or a key that is not a number, is left to the loader to report (`None`).
pub fn declared(programme_yaml: &str) -> Option<u32> {
    let value: serde_yaml::Value = serde_yaml::from_str(programme_yaml).ok()?;
    match value.get("format") {
        None => Some(1),
        Some(v) => v.as_u64().and_then(|n| u32::try_from(n).ok()),
    }
}

/// The format of `dir` when it is older than [`CURRENT`]: commands that write the content
/// (other than `migrate` and `fmt`) refuse it.
pub fn old_format(dir: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(dir.join("programme.yaml")).ok()?;
    declared(&text).filter(|n| *n < CURRENT)
}

/// Reads `dir`'s format and, when it is older than [`CURRENT`], its files upgraded in memory.
/// `Ok(None)`: the folder is current (or its `programme.yaml` is for the loader to report).
/// `shown` names the folder in messages.
pub fn upgrade(dir: &Path, shown: &Path) -> Result<Option<Upgrade>, Box<Diagnostic>> {
    let Ok(text) = std::fs::read_to_string(dir.join("programme.yaml")) else { return Ok(None) };
    let outline = crate::yaml::outline(&text);
    let (line, column) = outline.value_at("format").map_or((1, 1), |p| (p.line, p.column));
    let at = Location { file: shown.join("programme.yaml"), line, column, path: "programme.format".into() };
    let from = match declared(&text) {
        Some(n) if n > CURRENT => {
            let d = Diagnostic::error(
                "format-newer",
                format!("content format {n} is newer than this amif-doc, which reads formats 1 to {CURRENT}"),
            );
            return Err(Box::new(d.at(at).with_hint("upgrade amif-doc to read this programme")));
        }
        Some(0) => {
            let d = Diagnostic::error("format-unknown", "content format 0 does not exist: formats start at 1");
            return Err(Box::new(
                d.at(at).with_hint(format!("write `format: {CURRENT}`, or remove the key for format 1")),
            ));
        }
        Some(CURRENT) | None => return Ok(None),
        Some(n) => n,
    };
    let unreadable =
        |e: std::io::Error| Diagnostic::error("file-unreadable", format!("cannot read: {e}")).at(at.clone());
    let mut tree = Tree::read(dir).map_err(unreadable)?.keeping_lines();
    let (steps, filled) = run_steps(&mut tree, from, CURRENT);
    Ok(Some(Upgrade { from, tree, steps, filled }))
}

/// Runs the steps from format `from` up to format `to` on a tree: the steps that changed
/// something (`4 → 5: ...`) and the values they filled.
pub fn run_steps(tree: &mut Tree, from: u32, to: u32) -> (Vec<String>, Vec<Filled>) {
    let (mut steps, mut filled) = (vec![], vec![]);
    for step in STEPS.iter().filter(|s| s.from >= from && s.from < to) {
        let before = tree.clone();
        (step.apply)(tree, &mut filled);
        if *tree != before {
            steps.push(format!("{} → {}: {}", step.from, step.from + 1, step.what));
        }
    }
    (steps, filled)
}

impl Upgrade {
    /// What the commands that only read say about an old folder: one warning, and one line
    /// per value a step filled.
    pub fn notes(&self, shown: &Path) -> Vec<Diagnostic> {
        let at = Location { file: shown.join("programme.yaml"), line: 1, column: 1, path: String::new() };
        let old = Diagnostic::warning(
            "format-old",
            format!("content format {}: amif-doc reads it as format {CURRENT}", self.from),
        )
        .at(at)
        .with_hint("run `amif-doc migrate` to upgrade the files");
        let filled = self.filled.iter().map(|f| {
            let at = Location { file: shown.join(&f.file), line: 1, column: 1, path: String::new() };
            Diagnostic::info("format-filled", f.message.clone()).at(at)
        });
        std::iter::once(old).chain(filled).collect()
    }

    /// A scratch copy of `dir` with the upgraded files in place of the old ones, for the
    /// loader; removed when dropped.
    pub fn scratch(&self, dir: &Path) -> std::io::Result<Scratch> {
        let root = tempfile::Builder::new().prefix("amif-doc-format-").tempdir()?;
        let content = root.path().join("content");
        crate::write::copy_tree(dir, &content).map_err(std::io::Error::other)?;
        self.tree.write_changed(&content)?;
        Ok(Scratch { _root: root, content })
    }
}

/// An upgraded copy of a content folder.
pub struct Scratch {
    _root: tempfile::TempDir,
    pub content: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_the_key_or_the_first() {
        assert_eq!(declared("cci: X\n"), Some(1));
        assert_eq!(declared("format: 5\ncci: X\n"), Some(5));
        assert_eq!(declared("format: five\n"), None);
        assert_eq!(declared("format: [\n"), None);
    }

    #[test]
    fn steps_follow_each_other() {
        let froms: Vec<u32> = STEPS.iter().map(|s| s.from).collect();
        let mut sorted = froms.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(froms, sorted);
        assert_eq!(STEPS.last().map(|s| s.from + 1), Some(CURRENT));
    }
}
