//! The form: what a programme is printed into (the typst templates, the label catalogue, the
//! `new` skeleton) and the fonts it is printed with. The binary carries them, built from this
//! repository's `templates/` and `fonts/` (as typst-cli carries its default fonts), so it needs
//! no file of this repository at run time. A project overrides any of them file by file: a
//! file at the same place under its own `templates/` or `fonts/` is used instead, and a font
//! there that the binary lacks is added.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

/// The built-in templates: `programme.typ`, `macros.typ`, `sections/*.typ`, `labels.yaml`,
/// `new/**` (the skeleton of `amif-doc new`).
static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");
/// The built-in fonts (Noto Sans and its licence).
static FONTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/fonts");

/// Why a project's form file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read `{path}`: {message}")]
pub struct FormError {
    pub path: String,
    pub message: String,
}

/// One file of the form, from the project or built in.
#[derive(Debug, Clone)]
pub struct FormFile {
    /// Its place in the form, `/`-separated (`sections/financing.typ`, `NotoSans-Bold.ttf`).
    pub rel: String,
    pub bytes: Cow<'static, [u8]>,
    /// The project's file that replaces or adds to the built-in one; `None` when built in.
    pub project: Option<PathBuf>,
}

impl FormFile {
    /// How messages name the file: the project's path, or `templates/…` of amif-doc itself.
    pub fn shown(&self, built_in_folder: &str) -> String {
        match &self.project {
            Some(path) => path.display().to_string(),
            None => format!("{built_in_folder}/{} (built into amif-doc)", self.rel),
        }
    }

    /// The file as text (templates and the catalogue are UTF-8).
    pub fn text(&self, built_in_folder: &str) -> Result<&str, FormError> {
        std::str::from_utf8(&self.bytes)
            .map_err(|_| FormError { path: self.shown(built_in_folder), message: "not UTF-8 text".into() })
    }
}

/// The form a command uses: the built-in one, with the project's folders over it.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// The project's `templates/`, when it has one.
    templates: Option<PathBuf>,
    /// The project's `fonts/`, when it has one.
    fonts: Option<PathBuf>,
}

/// A field limit of SFC2014 (`templates/limits.yaml`): the most characters a text may have.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldLimit {
    /// The form's field code (`1.0`).
    pub field: String,
    pub name: String,
    /// The YAML path of the text, as messages print it (`summary`, `programme.cci`).
    pub path: String,
    pub max: usize,
    /// The document that gives the limit, and its date.
    pub source: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Limits {
    limits: Vec<FieldLimit>,
}

impl Form {
    /// The field limits: the built-in ones, with the project's `templates/limits.yaml` added
    /// (one with the same field code replaces the built-in one). Unlike the other files, the
    /// project's limits add to the built-in ones: a team lists only what its SFC screen adds.
    pub fn limits(&self) -> Result<Vec<FieldLimit>, FormError> {
        let parse = |text: &str, path: String| -> Result<Vec<FieldLimit>, FormError> {
            serde_yaml::from_str::<Limits>(text)
                .map(|l| l.limits)
                .map_err(|e| FormError { path, message: e.to_string() })
        };
        let built_in = TEMPLATES.get_file("limits.yaml").and_then(|f| f.contents_utf8()).unwrap_or("limits: []");
        let mut limits = parse(built_in, "templates/limits.yaml (built into amif-doc)".into())?;
        let project = self.templates.as_ref().map(|dir| dir.join("limits.yaml")).filter(|p| p.is_file());
        if let Some(path) = project {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| FormError { path: shown.clone(), message: e.to_string() })?;
            for limit in parse(&text, shown)? {
                limits.retain(|l| l.field != limit.field);
                limits.push(limit);
            }
        }
        Ok(limits)
    }

    /// The built-in form alone.
    pub fn built_in() -> Form {
        Form::default()
    }

    /// The built-in form with `templates` and `fonts` over it: a folder that does not exist
    /// overrides nothing.
    pub fn with_project(templates: &Path, fonts: &Path) -> Form {
        let folder = |p: &Path| p.is_dir().then(|| p.to_path_buf());
        Form { templates: folder(templates), fonts: folder(fonts) }
    }

    /// The project's templates folder, if it has one (what `watch` watches).
    pub fn project_templates(&self) -> Option<&Path> {
        self.templates.as_deref()
    }

    /// The project's fonts folder, if it has one.
    pub fn project_fonts(&self) -> Option<&Path> {
        self.fonts.as_deref()
    }

    /// The template file at `rel` (`labels.yaml`): the project's if it has one.
    pub fn template(&self, rel: &str) -> Result<FormFile, FormError> {
        let mut files = self.templates_under("")?;
        match files.iter().position(|f| f.rel == rel) {
            Some(i) => Ok(files.swap_remove(i)),
            None => Err(FormError { path: format!("templates/{rel}"), message: "no such file in the form".into() }),
        }
    }

    /// Every template file under `under` (`""`, `new`), by path, the project's over the
    /// built-in ones; `rel` is relative to `under`.
    pub fn templates_under(&self, under: &str) -> Result<Vec<FormFile>, FormError> {
        let dir = if under.is_empty() { Some(&TEMPLATES) } else { TEMPLATES.get_dir(under) };
        let built_in = dir.map(|d| built_in_files(d, under)).unwrap_or_default();
        let project = match &self.templates {
            Some(dir) => project_files(&dir.join(under))?,
            None => Vec::new(),
        };
        Ok(merge(built_in, project))
    }

    /// Every font file (`.ttf`, `.otf`), by file name, the project's over the built-in ones.
    pub fn fonts(&self) -> Result<Vec<FormFile>, FormError> {
        let project = match &self.fonts {
            Some(dir) => project_files(dir)?,
            None => Vec::new(),
        };
        let is_font = |f: &FormFile| {
            let ext = f.rel.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
            !f.rel.contains('/') && matches!(ext.as_str(), "ttf" | "otf")
        };
        Ok(merge(built_in_files(&FONTS, ""), project).into_iter().filter(is_font).collect())
    }

    /// The project's files that change the form: those that differ from the built-in file at
    /// their place, or that the binary lacks. A copy of a built-in file changes nothing.
    pub fn overrides(&self) -> Result<Vec<PathBuf>, FormError> {
        let mut changed = Vec::new();
        for (files, built_in) in [(self.templates_under("")?, &TEMPLATES), (self.fonts()?, &FONTS)] {
            for file in files {
                let Some(path) = file.project else { continue };
                if built_in.get_file(&file.rel).is_none_or(|b| b.contents() != &file.bytes[..]) {
                    changed.push(path);
                }
            }
        }
        Ok(changed)
    }
}

/// Every file of a built-in folder, with paths relative to `under`.
fn built_in_files(dir: &'static Dir<'static>, under: &str) -> Vec<FormFile> {
    let mut files = Vec::new();
    collect_built_in(dir, &mut files);
    let prefix = if under.is_empty() { String::new() } else { format!("{under}/") };
    files
        .into_iter()
        .map(|(path, bytes)| FormFile {
            rel: path.strip_prefix(&prefix).unwrap_or(&path).to_string(),
            bytes: Cow::Borrowed(bytes),
            project: None,
        })
        .collect()
}

fn collect_built_in(dir: &'static Dir<'static>, into: &mut Vec<(String, &'static [u8])>) {
    for file in dir.files() {
        into.push((slash_path(file.path()), file.contents()));
    }
    for sub in dir.dirs() {
        collect_built_in(sub, into);
    }
}

/// Every file under a project folder (hidden files and `*~` backups left out), relative to it.
fn project_files(dir: &Path) -> Result<Vec<FormFile>, FormError> {
    let mut files = Vec::new();
    if dir.is_dir() {
        collect_project(dir, dir, &mut files)?;
    }
    Ok(files)
}

fn collect_project(root: &Path, dir: &Path, into: &mut Vec<FormFile>) -> Result<(), FormError> {
    let error = |path: &Path, e: std::io::Error| FormError { path: path.display().to_string(), message: e.to_string() };
    for entry in std::fs::read_dir(dir).map_err(|e| error(dir, e))? {
        let path = entry.map_err(|e| error(dir, e))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        if path.is_dir() {
            collect_project(root, &path, into)?;
        } else {
            let bytes = std::fs::read(&path).map_err(|e| error(&path, e))?;
            let rel = slash_path(path.strip_prefix(root).unwrap_or(&path));
            into.push(FormFile { rel, bytes: Cow::Owned(bytes), project: Some(path) });
        }
    }
    Ok(())
}

/// The built-in files with the project's over them, sorted by path (so fonts and templates
/// are always read in the same order: the same bytes out).
fn merge(built_in: Vec<FormFile>, project: Vec<FormFile>) -> Vec<FormFile> {
    let mut files: std::collections::BTreeMap<String, FormFile> =
        built_in.into_iter().map(|f| (f.rel.clone(), f)).collect();
    for file in project {
        files.insert(file.rel.clone(), file);
    }
    files.into_values().filter(|f| !f.rel.starts_with('.') && !f.rel.contains("/.")).collect()
}

fn slash_path(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_form_has_the_templates_the_catalogue_the_skeleton_and_the_fonts() {
        let form = Form::built_in();
        let templates: Vec<String> = form.templates_under("").unwrap().into_iter().map(|f| f.rel).collect();
        for rel in ["programme.typ", "macros.typ", "sections/financing.typ", "labels.yaml", "new/programme.yaml"] {
            assert!(templates.contains(&rel.to_string()), "{rel} in {templates:?}");
        }
        let skeleton: Vec<String> = form.templates_under("new").unwrap().into_iter().map(|f| f.rel).collect();
        assert!(skeleton.contains(&"objectives/so1.yaml".to_string()), "{skeleton:?}");
        let fonts: Vec<String> = form.fonts().unwrap().into_iter().map(|f| f.rel).collect();
        assert_eq!(
            fonts,
            ["NotoSans-Bold.ttf", "NotoSans-BoldItalic.ttf", "NotoSans-Italic.ttf", "NotoSans-Regular.ttf"]
        );
        assert!(form.overrides().unwrap().is_empty());
    }

    #[test]
    fn a_project_file_replaces_the_built_in_one_and_a_copy_changes_nothing() {
        let dir = std::env::temp_dir().join(format!("amif-doc-form-{}", std::process::id()));
        let templates = dir.join("templates");
        std::fs::create_dir_all(templates.join("sections")).unwrap();
        std::fs::write(templates.join("labels.yaml"), "lang.code: {fr: FR, en: EN}\n").unwrap();
        let built_in = Form::built_in().template("sections/financing.typ").unwrap();
        std::fs::write(templates.join("sections/financing.typ"), &built_in.bytes[..]).unwrap();
        std::fs::write(templates.join(".hidden.typ"), "x").unwrap();
        let form = Form::with_project(&templates, &dir.join("fonts"));
        let labels = form.template("labels.yaml").unwrap();
        assert_eq!(labels.text("templates").unwrap(), "lang.code: {fr: FR, en: EN}\n");
        assert_eq!(labels.project, Some(templates.join("labels.yaml")));
        assert_eq!(form.overrides().unwrap(), vec![templates.join("labels.yaml")]);
        assert!(form.template(".hidden.typ").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
