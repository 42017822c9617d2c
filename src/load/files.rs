//! Which files a content folder holds: the fixed ones, one per specific objective, one per
//! translation; and the refusal of every other file, so nothing is left out in silence.

use std::path::Path;

use super::{FileId, Loader};
use crate::diag::{Diagnostic, Location};
use crate::i18n::{Lang, Translations, po};
use crate::load::raw::RawObjective;

/// The folder of translation files (`translations/fr.po`).
pub const TRANSLATIONS: &str = "translations";

/// The files a content directory must hold, besides `objectives/*.yaml`.
pub const CONTENT_FILES: [&str; 9] = [
    "programme.yaml",
    "summary.yaml",
    "baseline.yaml",
    "special_cases.yaml",
    "reference.yaml",
    "indicators.yaml",
    "framework.yaml",
    "financing.yaml",
    "editions.yaml",
];

/// `objectives/*.yaml` in `content`, relative (`objectives/so1.yaml`), sorted.
pub fn objective_files(content: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(content.join("objectives"))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .map(|n| format!("objectives/{n}"))
        .collect();
    names.sort();
    Ok(names)
}

/// Every YAML file the loader reads in `content`, relative: [`CONTENT_FILES`] and the
/// objectives (what `schema` points at its schema, what the completeness test edits).
pub fn content_files(content: &Path) -> Vec<String> {
    let mut files: Vec<String> = CONTENT_FILES.iter().map(|f| f.to_string()).collect();
    files.extend(objective_files(content).unwrap_or_default());
    files
}

impl Loader {
    /// `objectives/*.yaml`, each parsed.
    pub(super) fn objectives(&mut self) -> Vec<(FileId, RawObjective)> {
        match objective_files(&self.dir) {
            Ok(names) => names.iter().filter_map(|rel| self.file(rel)).collect(),
            Err(e) => {
                let msg = format!("cannot read `{}`: {e}", self.display("objectives").display());
                self.problems.push(Diagnostic::error("file-unreadable", msg));
                vec![]
            }
        }
    }

    /// `translations/*.po`: each file's language is its name (`fr.po`).
    pub(super) fn translations(&mut self) -> Vec<Translations> {
        let dir = self.dir.join(TRANSLATIONS);
        let Ok(entries) = std::fs::read_dir(&dir) else { return vec![] };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".po"))
            .collect();
        names.sort();
        let mut out = Vec::new();
        for name in names {
            let display = self.display(&format!("{TRANSLATIONS}/{name}"));
            let at = |line| Location { file: display.clone(), line, column: 1, path: String::new() };
            let text = match std::fs::read_to_string(dir.join(&name)) {
                Ok(text) => text,
                Err(e) => {
                    self.problems.push(Diagnostic::error("file-unreadable", format!("cannot read: {e}")).at(at(1)));
                    continue;
                }
            };
            let lang = match name.trim_end_matches(".po").parse::<Lang>() {
                Ok(lang) => lang,
                Err(message) => {
                    let hint = "a translation file is named after its language: fr.po";
                    self.problems.push(Diagnostic::error("lang-unknown", message).at(at(1)).with_hint(hint));
                    continue;
                }
            };
            match po::parse(&text) {
                Ok(catalog) => out.push(Translations { lang, display, catalog }),
                Err(errors) => {
                    for e in errors.0 {
                        let place = Location { column: e.column, ..at(e.line) };
                        let d = Diagnostic::error("po-syntax", e.message).at(place);
                        self.problems
                            .push(d.with_hint("a PO entry is msgctxt, msgid and msgstr, each a quoted string"));
                    }
                }
            }
        }
        out
    }

    /// Every file under `content/` that amif-doc does not read is refused: a stray file is most
    /// likely a misnamed one (`so3.yml`) whose content would be silently left out of the PDF.
    /// Hidden files (`.schema/`, an editor's swap file) and editor backups (`so1.yaml~`) are
    /// not content.
    pub(super) fn unknown_files(&mut self) {
        let top = format!("content files are: {}, objectives/*.yaml, {TRANSLATIONS}/*.po", CONTENT_FILES.join(", "));
        self.refuse_unknown("", &top, |name, dir| {
            if dir { name == "objectives" || name == TRANSLATIONS } else { CONTENT_FILES.contains(&name) }
        });
        let objectives = "a specific objective's file is objectives/<id>.yaml, e.g. objectives/so1.yaml";
        self.refuse_unknown("objectives", objectives, |name, dir| !dir && name.ends_with(".yaml"));
        let po = "a translation file is translations/<language>.po, e.g. translations/fr.po";
        self.refuse_unknown(TRANSLATIONS, po, |name, dir| !dir && name.ends_with(".po"));
    }

    /// Refuses what `sub` (a folder of the content, `""` for its top) holds beyond what `known`
    /// accepts (a name, and whether it is a folder).
    fn refuse_unknown(&mut self, sub: &str, expected: &str, known: impl Fn(&str, bool) -> bool) {
        let Ok(entries) = std::fs::read_dir(self.dir.join(sub)) else { return };
        let mut found: Vec<(String, bool)> = entries
            .filter_map(|e| e.ok())
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().is_dir()))
            .filter(|(name, _)| !name.starts_with('.') && !name.ends_with('~'))
            .collect();
        found.sort();
        for (name, dir) in found.into_iter().filter(|(name, dir)| !known(name, *dir)) {
            let rel = if sub.is_empty() { name.clone() } else { format!("{sub}/{name}") };
            let what = if dir { "folder" } else { "file" };
            // `so3.yml`, `Summary.YAML`: the name amif-doc reads is one extension away.
            let yaml_named = name
                .rsplit_once('.')
                .filter(|(_, ext)| ext.eq_ignore_ascii_case("yml") || ext.eq_ignore_ascii_case("yaml"))
                .map(|(stem, _)| format!("{stem}.yaml"))
                .filter(|fixed| !dir && *fixed != name && known(fixed, false))
                .map(|fixed| if sub.is_empty() { fixed } else { format!("{sub}/{fixed}") });
            let hint = match yaml_named {
                Some(fixed) => format!("did you mean `{fixed}`? amif-doc reads only `.yaml` files; {expected}"),
                None => expected.to_string(),
            };
            let d = Diagnostic::error("file-unknown", format!("unknown content {what} `{rel}`"))
                .at(Location { file: self.display(&rel), line: 1, column: 1, path: String::new() })
                .with_hint(hint);
            self.problems.push(d);
        }
    }
}
