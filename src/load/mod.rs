//! Stage 1, load: `content/*.yaml` → raw serde types, every file read and parsed, every
//! syntax or schema problem reported at once with file, line, column and YAML path.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

mod files;
pub mod migrate;
pub mod raw;
pub mod schema;
mod syntax;

pub use files::{CONTENT_FILES, TRANSLATIONS, content_files, objective_files};

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::i18n::Translations;
use crate::yaml;
use raw::*;

/// One content file as read: its text and its outline (where each YAML path starts).
#[derive(Debug)]
pub struct SourceFile {
    /// The path messages print: relative to the current directory (see `project::shown`).
    pub display: PathBuf,
    /// Path inside the content folder (`objectives/so1.yaml`): it names the YAML paths.
    pub rel: String,
    pub text: String,
    outline: yaml::YamlOutline,
}

impl SourceFile {
    /// Every scalar of the file (key or value) with where it starts.
    pub fn scalars(&self) -> &[(yaml::Position, String)] {
        &self.outline.scalars
    }
}

/// All content files, so later stages can point into them.
#[derive(Debug, Default)]
pub struct SourceFiles {
    pub files: Vec<SourceFile>,
}

/// Identifies a content file in [`SourceFiles`].
pub type FileId = usize;

impl SourceFiles {
    /// The location of `path`, a YAML path inside `file` (`national_objectives[1].title`): its
    /// line and column (or its closest known ancestor's), and the document-wide path that
    /// diagnostics print (`objectives.so1.national_objectives[1].title`).
    pub fn locate(&self, file: FileId, path: &str) -> Location {
        let f = &self.files[file];
        let (line, column) = f.outline.find(path).map_or_else(|| first_key(&f.text), |p| (p.line, p.column));
        let path = format!("{}{path}", yaml_root(&f.rel)).trim_end_matches('.').to_string();
        Location { file: f.display.clone(), line, column, path }
    }

    /// The location of a document-wide YAML path (`financing.table3`, `objectives.so1.id`),
    /// the inverse of the naming in [`SourceFiles::locate`].
    pub fn locate_path(&self, path: &str) -> Option<Location> {
        let (id, inside) = self.file_of(path)?;
        Some(self.locate(id, inside))
    }

    /// The value written at exactly the document-wide YAML `path`, as YAML says it (a
    /// narrative's Markdown, a list of blocks), and where; `None` when no file holds it.
    pub fn value_at(&self, path: &str) -> Option<(Location, serde_yaml::Value)> {
        let (id, inside) = self.file_of(path)?;
        let mut value: serde_yaml::Value = serde_yaml::from_str(&self.files[id].text).ok()?;
        let steps = inside.split('.').filter(|s| !s.is_empty()).flat_map(|s| s.split('['));
        for step in steps {
            value = match step.strip_suffix(']') {
                Some(index) => value.as_sequence()?.get(index.parse::<usize>().ok()?)?.clone(),
                None => value.as_mapping()?.get(step)?.clone(),
            };
        }
        self.files[id].outline.value_at(inside)?;
        Some((self.locate(id, inside), value))
    }

    /// The file that holds a document-wide path, and the path inside it.
    fn file_of<'p>(&self, path: &'p str) -> Option<(FileId, &'p str)> {
        if path.is_empty() {
            return None;
        }
        self.files.iter().enumerate().find_map(|(id, f)| {
            let root = yaml_root(&f.rel);
            let inside = if root.is_empty() {
                let key = f.rel.trim_end_matches(".yaml");
                let rest = path.strip_prefix(key)?;
                (rest.is_empty() || rest.starts_with(['.', '['])).then_some(path)?
            } else {
                path.strip_prefix(&root).or_else(|| (path == root.trim_end_matches('.')).then_some(""))?
            };
            Some((id, inside))
        })
    }
}

/// Where a path the outline does not know points: the file's first line that is not blank or a
/// comment, never a comment.
fn first_key(text: &str) -> (usize, usize) {
    let n = text.lines().position(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    (n.map_or(1, |n| n + 1), 1)
}

/// The parsed content, each part with the file it came from.
#[derive(Debug)]
pub struct RawContent {
    pub meta: (FileId, RawMeta),
    pub summary: (FileId, RawSummary),
    pub baseline: (FileId, RawBaseline),
    pub objectives: Vec<(FileId, RawObjective)>,
    pub special_cases: (FileId, RawSpecialCases),
    pub reference: (FileId, RawReference),
    pub indicators: (FileId, RawIndicators),
    pub framework: (FileId, RawFramework),
    pub financing: (FileId, RawFinancing),
    pub editions: (FileId, RawEditions),
    /// `translations/<lang>.po`, one per language the programme is translated into.
    pub translations: Vec<Translations>,
    /// What reading an older content format said (see `migrate`).
    pub format_notes: Vec<Diagnostic>,
}

/// Reads and parses every content file under `dir`, reporting all problems at once; messages
/// name the folder `shown` (the path to `dir` from the current directory, or the working
/// tree's folder when `dir` is a scratch copy of it).
pub fn load_dir(dir: &Path, shown: &Path) -> Result<(RawContent, SourceFiles), Diagnostics> {
    let Some(upgrade) = migrate::upgrade(dir, shown).map_err(|d| Diagnostics(vec![*d]))? else {
        return load_files(dir, shown);
    };
    // An older format is read through the chain of format steps, from an upgraded copy.
    let scratch = upgrade.scratch(dir).map_err(|e| {
        let d = Diagnostic::error("file-unreadable", format!("cannot copy `{}` to upgrade it: {e}", shown.display()));
        Diagnostics(vec![d])
    })?;
    let (mut raw, files) = load_files(&scratch.content, shown)?;
    raw.format_notes = upgrade.notes(shown);
    Ok((raw, files))
}

/// [`load_dir`] on a folder of the current format.
fn load_files(dir: &Path, shown: &Path) -> Result<(RawContent, SourceFiles), Diagnostics> {
    let mut loader =
        Loader { files: SourceFiles::default(), problems: vec![], dir: dir.to_path_buf(), shown: shown.to_path_buf() };
    let meta = loader.file("programme.yaml");
    let summary = loader.file("summary.yaml");
    let baseline = loader.file("baseline.yaml");
    let objectives = loader.objectives();
    let special_cases = loader.file("special_cases.yaml");
    let reference = loader.file("reference.yaml");
    let indicators = loader.file("indicators.yaml");
    let framework = loader.file("framework.yaml");
    let financing = loader.file("financing.yaml");
    let editions = loader.file("editions.yaml");
    let translations = loader.translations();
    loader.unknown_files();
    if !loader.problems.is_empty() {
        return Err(Diagnostics(loader.problems));
    }
    // Every file parsed, so every part is present.
    match (meta, summary, baseline, special_cases, reference, indicators, framework, financing, editions) {
        (
            Some(meta),
            Some(summary),
            Some(baseline),
            Some(special_cases),
            Some(reference),
            Some(indicators),
            Some(framework),
            Some(financing),
            Some(editions),
        ) => {
            let raw = RawContent {
                meta,
                summary,
                baseline,
                objectives,
                special_cases,
                reference,
                indicators,
                framework,
                financing,
                editions,
                translations,
                format_notes: vec![],
            };
            Ok((raw, loader.files))
        }
        _ => Err(Diagnostics(loader.problems)),
    }
}

struct Loader {
    files: SourceFiles,
    problems: Vec<Diagnostic>,
    dir: PathBuf,
    shown: PathBuf,
}

impl Loader {
    fn display(&self, rel: &str) -> PathBuf {
        self.shown.join(rel)
    }

    fn file<T: DeserializeOwned>(&mut self, rel: &str) -> Option<(FileId, T)> {
        let display = self.display(rel);
        let bytes = match std::fs::read(self.dir.join(rel)) {
            Ok(bytes) => bytes,
            Err(e) => {
                let d = Diagnostic::error("file-unreadable", format!("cannot read `{}`: {e}", display.display()))
                    .with_hint("every content file listed in the README must exist");
                self.problems.push(d);
                return None;
            }
        };
        let at_start = Location { file: display.clone(), line: 1, column: 1, path: String::new() };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let d = Diagnostic::error(
                    "not-utf8",
                    format!("file is not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
                )
                .at(at_start)
                .with_hint("save the file as UTF-8");
                self.problems.push(d);
                return None;
            }
        };
        let id = self.files.files.len();
        let outline = yaml::outline(&text);
        let file = SourceFile { display: display.clone(), rel: rel.to_string(), outline, text };
        self.files.files.push(file);
        let text = &self.files.files[id].text;
        if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
            self.problems.push(Diagnostic::error("file-empty", "file is empty").at(at_start));
            return None;
        }
        let repeated = self.repeated_keys(id);
        let f = &self.files.files[id];
        let at = |path: &str, line, column| {
            let path = format!("{}{path}", yaml_root(rel)).trim_end_matches('.').to_string();
            Location { file: display.clone(), line, column, path }
        };
        if let Some(error) = &f.outline.syntax_error {
            // Shown where its likely cause starts, in an editor's words.
            let c = syntax::cause(error, &f.text);
            let path = f.outline.path_at(c.line).unwrap_or("");
            let d = Diagnostic::error("yaml-schema", c.message).at(at(path, c.line, c.column));
            self.problems.push(match c.hint {
                Some(hint) => d.with_hint(hint),
                None => d,
            });
            return None;
        }
        match parse::<T>(&f.text) {
            Ok(_) if repeated => None,
            Ok(value) => Some((id, value)),
            // serde's "duplicate field" is the repeat already reported, with both places.
            Err((_, message, ..)) if repeated && message.starts_with("duplicate field") => None,
            Err((path, message, hint)) => {
                // The YAML pass says where: an unknown key at the key, a wrong value at the value.
                let (outline, key_only) = (&f.outline, message.starts_with("unknown key"));
                let position = if key_only { None } else { outline.value_at(&path) }.or_else(|| outline.find(&path));
                let (line, column) = position.map_or_else(|| first_key(&f.text), |p| (p.line, p.column));
                let d = Diagnostic::error("yaml-schema", message).at(at(&path, line, column));
                self.problems.push(match hint {
                    Some(hint) => d.with_hint(hint),
                    None => d,
                });
                None
            }
        }
    }

    /// Reports every key written twice in one mapping of the file; whether there was one.
    fn repeated_keys(&mut self, id: FileId) -> bool {
        let f = &self.files.files[id];
        let outline = &f.outline;
        let root = yaml_root(&f.rel);
        for r in &outline.repeated_keys {
            let at = |p: yaml::Position, path: String| Location {
                file: f.display.clone(),
                line: p.line,
                column: p.column,
                path,
            };
            let d = Diagnostic::error("yaml-duplicate-key", format!("the key `{}` is written twice", r.key))
                .at(at(r.second, format!("{root}{}", r.path)))
                .also_at(at(r.first, String::new()), "first written here")
                .with_hint("a merge conflict often leaves a key twice: keep one");
            self.problems.push(d);
        }
        !outline.repeated_keys.is_empty()
    }
}

/// The one mapping from a content file to the YAML paths of its values: `objectives/so1.yaml`
/// → `objectives.so1.`, `financing.yaml` → `financing.`. `summary.yaml`, `baseline.yaml` and
/// `editions.yaml` hold a single key named like the file, so their paths start with it.
pub fn yaml_root(rel: &str) -> String {
    let stem = rel.trim_end_matches(".yaml").replace('/', ".");
    match stem.as_str() {
        // These files hold a single key named like the file.
        "summary" | "baseline" | "editions" => String::new(),
        _ => format!("{stem}."),
    }
}

/// A typed parse's failure: the YAML path of the failing value, the message, a hint.
type ParseFailure = (String, String, Option<String>);

/// Parses one document, keeping the YAML path of the failing value. Where it is in the file is
/// the YAML pass's business, not serde_yaml's.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ParseFailure> {
    let de = serde_yaml::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = err.into_inner();
        let mut message = inner.to_string();
        if let Some(cut) = message.rfind(" at line ") {
            message.truncate(cut);
        }
        // serde_yaml starts its message with the path; we print the path separately.
        if let Some((_, rest)) = message.split_once(": ").filter(|(head, _)| !path.is_empty() && path.starts_with(head))
        {
            message = rest.to_string();
        }
        let (message, hint) = explain(&message);
        (path, message, hint)
    })
}

/// Turns serde's wording into an editor's: untagged enums name what is expected, unknown keys
/// get a did-you-mean.
fn explain(message: &str) -> (String, Option<String>) {
    let untagged = [
        ("RawNarrative", "expected a narrative: a Markdown block (`|`) or a list of blocks"),
        ("RawBlock", "expected a block: a Markdown string or `{scope: ..., text: ...}`"),
    ];
    for (name, explanation) in untagged {
        if message.contains(&format!("untagged enum {name}")) {
            let hint = "a block is a Markdown string, or a map with the keys `scope` and `text`; translations go in content/translations/<lang>.po";
            return (explanation.to_string(), Some(hint.to_string()));
        }
    }
    let quoted = message.split('`').nth(1).unwrap_or("");
    if message.contains("is not a plain decimal number") && quoted.trim().contains([',', ' ', '.']) {
        let hint = "write amounts without thousands separators and with a decimal point: 1234567.89";
        return (message.to_string(), Some(hint.to_string()));
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = crate::diag::suggest::did_you_mean(field, &candidates)
            .map(|s| format!("did you mean `{s}`?"))
            .or_else(|| (!candidates.is_empty()).then(|| format!("expected one of: {}", candidates.join(", "))));
        return (format!("unknown key `{field}`"), hint);
    }
    (message.to_string(), None)
}
