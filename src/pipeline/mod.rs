//! The spine: the stages chained for each command (load → model → compute → check → render →
//! typeset → write), and the one error type a command reports.

mod notes;
mod render;
mod select;

pub use render::render_all;
pub(crate) use render::render_editions;
pub use select::select_editions;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::check::{self, Finding, Level};
use crate::compute::{self, Figures};
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::form::Form;
use crate::git::GitError;
use crate::i18n::Translations;
use crate::i18n::{Catalogue, LabelError, Labels, Lang, LangChoice};
use crate::load::{self, SourceFiles};
use crate::model::{self, Programme};
use crate::project;
use crate::render::{RenderError, Templates};
use crate::translation::translate;
use crate::typeset::{DocumentFacts, Fonts, Typeset, TypesetError, Typesetter};
use crate::view::Edition;
use crate::write::WriteError;

/// Why a command stopped: one variant per stage that can fail, each worded for the user.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the content, all of them, with locations.
    #[error("the content has {count} problem(s):\n{diagnostics}", count = .0.0.len(), diagnostics = .0)]
    Content(Diagnostics, SourceFiles),
    #[error(transparent)]
    Labels(#[from] LabelError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Typeset(#[from] TypesetError),
    #[error("typesetting {edition} failed:\n{error}{kept}")]
    TypesetEdition { edition: String, error: TypesetError, kept: String },
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error(transparent)]
    Git(#[from] GitError),
    #[error("revision {rev} has content errors:\n{problems}")]
    Revision { rev: String, problems: String },
    #[error("no edition `{name}` in content/editions.yaml (editions: {known})")]
    UnknownEdition { name: String, known: String },
    #[error("no edition is built in `{lang}` (the edition matrix builds: {known})")]
    UnknownLang { lang: String, known: String },
    #[error("edition `{edition}` is not built in {langs} (it is built in: {known})")]
    NothingSelected { edition: String, langs: String, known: String },
    #[error("SOURCE_DATE_EPOCH `{0}` is not a number of seconds")]
    SourceDateEpoch(String),
    #[error("cannot read or write {what}: {source}")]
    Io { what: String, source: std::io::Error },
    #[error("cannot watch: {0}")]
    Watch(String),
    #[error("formatting would change the documents; nothing was written (please report this)")]
    FormatChangesOutput,
    #[error(
        "upgrading the content format would change what {} print(s); nothing was written (please report this)",
        .0.join(", ")
    )]
    MigrationChangesOutput(Vec<String>),
    #[error("the content is format {0}: run `amif-doc migrate` first, which upgrades it to the current format")]
    OldFormat(u32),
    #[error(
        "no amif-doc project here: no {} in `{}` or a folder above it; start one with `amif-doc new DIR --member-state CODE`, or name the content folder with --content",
        project::MARKER, .0.display()
    )]
    NoProject(PathBuf),
    #[error("the {flag} folder `{}` does not exist", .path.display())]
    NoFolder { flag: &'static str, path: PathBuf },
}

impl Error {
    /// Whether the command line asked for something that is not there (an edition, a
    /// language, a project): exit status 2, as for any wrong usage, not 1 (content problems).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::UnknownEdition { .. }
                | Error::UnknownLang { .. }
                | Error::NothingSelected { .. }
                | Error::NoProject(_)
                | Error::NoFolder { .. }
        )
    }

    /// Wraps an I/O error with what was being read or written.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
        let what = what.into();
        move |source| Error::Io { what, source }
    }
}

/// Where the inputs are and where outputs go.
#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    /// The templates, label catalogue and fonts: built in, with the project's over them.
    pub form: Form,
    pub out: PathBuf,
    /// Build only the editions in these languages or pairs (`fr`, `fr-en`); empty: all.
    pub langs: Vec<LangChoice>,
    pub keep_typst: bool,
    /// Build even when programme rules report errors: the editions say DRAFT on every page
    /// and list the errors in their validation section. Content errors still stop the build.
    /// Bilingual editions become their translation-review view (stale and missing units shown).
    pub draft: bool,
    /// Overrides the PDF metadata date (the CLI passes `SOURCE_DATE_EPOCH` here). The printed
    /// date stays the programme's.
    pub source_date_epoch: Option<i64>,
    /// Build only this edition of the matrix (all its languages unless `langs` narrows them).
    pub edition: Option<String>,
}

/// The programme loaded, translated, checked and computed: what every command starts from.
pub struct Checked {
    pub programme: Programme,
    pub figures: Figures,
    pub findings: Vec<Finding>,
    pub files: SourceFiles,
    /// The translation files, as read.
    pub translations: Vec<Translations>,
    /// Warnings that are not programme rules: texts still to fill, stale and missing
    /// translations.
    pub notes: Vec<Diagnostic>,
}

/// load → model → compute → check. Rule errors are returned as diagnostics, worded with
/// the English labels of `catalogue`.
pub fn load_and_check(content: &Path, catalogue: &Catalogue) -> Result<Checked, Error> {
    load_and_check_with(content, catalogue, false)
}

/// As [`load_and_check`]; with `allow_rule_errors`, rule errors stay findings (draft builds).
/// Messages name the files by `content` as given (the command line gives it relative to the
/// current directory).
pub fn load_and_check_with(content: &Path, catalogue: &Catalogue, allow_rule_errors: bool) -> Result<Checked, Error> {
    load_and_check_as(content, content, catalogue, allow_rule_errors)
}

/// As [`load_and_check_with`], for a scratch copy of a content folder: messages name the
/// folder `shown` (the working tree's), never the copy.
pub fn load_and_check_as(
    content: &Path,
    shown: &Path,
    catalogue: &Catalogue,
    allow_rule_errors: bool,
) -> Result<Checked, Error> {
    let (mut raw, files) = match load::load_dir(content, shown) {
        Ok(loaded) => loaded,
        Err(d) => return Err(Error::Content(d, SourceFiles::default())),
    };
    let translations = std::mem::take(&mut raw.translations);
    let format_notes = std::mem::take(&mut raw.format_notes);
    let (mut programme, to_fill) = match model::build(raw, &files) {
        Ok(built) => built,
        Err(d) => return Err(Error::Content(d, files)),
    };
    let langs = catalogue.langs();
    let unknown_langs = programme.editions.iter().enumerate().flat_map(|(i, e)| {
        let pairs = e.bilingual.iter().flat_map(|(a, b)| [*a, *b]);
        e.langs
            .iter()
            .copied()
            .chain(pairs)
            .enumerate()
            .filter(|(_, l)| !langs.contains(l))
            .map(move |(j, l)| (i, j, l))
    });
    let known: Vec<String> = langs.iter().map(Lang::to_string).collect();
    let mut unknown: Vec<Diagnostic> = unknown_langs
        .map(|(i, j, l)| {
            let d = Diagnostic::error("lang-unknown", format!("the label catalogue has no language `{l}`"))
                .with_hint(format!("templates/labels.yaml has: {}", known.join(", ")));
            d.maybe_at(files.locate_path(&format!("editions[{i}].languages[{j}]")))
        })
        .collect();
    unknown.extend(check::printed_ids(&programme, catalogue).into_iter().map(|u| {
        let d = Diagnostic::error("id-unknown", u.message).with_hint(u.hint);
        d.maybe_at(files.locate_path(&u.path))
    }));
    if !unknown.is_empty() {
        return Err(Error::Content(Diagnostics(unknown), files));
    }
    let mut notes = format_notes;
    notes.extend(to_fill);
    notes.extend(translations.iter().flat_map(|t| translate::apply(&mut programme, t)));
    notes.extend(notes::without_translation_file(&programme, &translations, &files));
    let figures = compute::compute(&programme);
    let (over_limits, near_limits) = check::limits::check(&catalogue.limits, &files);
    let findings = check::check_with(&programme, &figures, over_limits);
    let labels = catalogue.for_lang(Lang::EN)?;
    notes.extend(near_limits.iter().map(|n| notes::near_limit(n, &labels, &files)));
    let mut errors: Vec<Diagnostic> =
        findings.iter().filter(|f| f.level == Level::Error).map(|f| rule_diagnostic(f, &labels, &files)).collect();
    // Completeness errors (an objective's file missing) stop a build as rule errors do.
    errors.extend(notes.iter().filter(|d| d.severity == Severity::Error).cloned());
    if !errors.is_empty() && !allow_rule_errors {
        return Err(Error::Content(Diagnostics(errors), files));
    }
    Ok(Checked { programme, figures, findings, files, translations, notes })
}

/// `amif-doc check`: every diagnostic, errors and warnings together. Content that loads is
/// also rendered in every edition, so what `check` accepts, `build` can render; with
/// `typeset`, every edition is also typeset, and nothing is written.
pub fn check(content: &Path, form: &Form, typeset: bool) -> Result<Vec<Diagnostic>, Error> {
    let catalogue = Catalogue::load(form)?;
    let checked = match load_and_check_with(content, &catalogue, true) {
        Ok(checked) => checked,
        Err(Error::Content(d, _)) => return Ok(d.0),
        Err(other) => return Err(other),
    };
    // What the fonts cannot print fails typesetting: said here, where it is written.
    let fonts = Fonts::load(form)?;
    let unprintable = check::glyphs::unprintable(&checked.files, &checked.translations, &|c| fonts.covers(c));
    if !unprintable.is_empty() {
        let mut all = unprintable;
        all.extend(warnings_and_errors(&checked, &catalogue.for_lang(Lang::EN)?));
        return Ok(all);
    }
    render_all(&checked, &catalogue, &Templates::load(form)?)?;
    if typeset {
        typeset_all(&checked, form)?;
    }
    Ok(warnings_and_errors(&checked, &catalogue.for_lang(Lang::EN)?))
}

/// Every finding of a checked programme as a diagnostic (errors first), then the notes.
pub fn warnings_and_errors(checked: &Checked, labels: &Labels) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = checked
        .findings
        .iter()
        .filter(|f| f.level != Level::Info)
        .map(|f| rule_diagnostic(f, labels, &checked.files))
        .collect();
    found.sort_by_key(|d| std::cmp::Reverse(d.severity));
    found.extend(checked.notes.iter().cloned());
    found
}

/// A rule finding as a diagnostic: its message in English, located at the YAML it is about.
pub fn rule_diagnostic(f: &Finding, labels: &Labels, files: &SourceFiles) -> Diagnostic {
    let message = f.message_in(labels).unwrap_or_else(|_| f.message.to_string());
    let mut d = match f.level {
        Level::Error => Diagnostic::error(f.code, message),
        _ => Diagnostic::warning(f.code, message),
    };
    d = d.maybe_at(files.locate_path(&f.path));
    if let Some(Ok(hint)) = f.hint_in(labels) {
        d = d.with_hint(hint);
    }
    d
}

/// One built file.
pub struct Output {
    pub path: PathBuf,
    pub pages: usize,
}

/// Told, from any thread, each time an edition has been typeset: (done, of, edition).
pub type Progress<'a> = dyn Fn(usize, usize, &str) + Sync + 'a;

/// `check --typeset`: every edition of the matrix rendered and typeset, nothing written.
pub fn typeset_all(checked: &Checked, form: &Form) -> Result<usize, Error> {
    let catalogue = Catalogue::load(form)?;
    let templates = Templates::load(form)?;
    let typesetter = Typesetter::new(Fonts::load(form)?);
    let editions = select_editions(&checked.programme.editions, None, &[])?;
    let rendered = render_editions(checked, editions, &catalogue, &templates, None, false)?;
    Ok(typeset_rendered(checked, rendered, &typesetter, &|_, _, _| {})?.len())
}

/// Typesets rendered editions in parallel (typst is the cost), telling `progress` as each
/// one is done. Fails with the first edition that did not typeset.
pub(crate) fn typeset_rendered(
    checked: &Checked,
    jobs: Vec<(Edition, String)>,
    typesetter: &Typesetter,
    progress: &Progress,
) -> Result<Vec<(Edition, String, Typeset)>, Error> {
    let meta = &checked.programme.meta;
    let done = AtomicUsize::new(0);
    let total = jobs.len();
    let typeset_one = |(edition, source): &(Edition, String)| {
        let stem = edition.file_stem();
        let facts = DocumentFacts { date: meta.date, ident: format!("{}-{}-{stem}", meta.cci, meta.version) };
        let result = typesetter.pdf(&stem, source, &facts).map_err(|error| typeset_failure(edition, source, error));
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, total, &stem);
        result
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(jobs.len().max(1));
    let chunk = jobs.len().div_ceil(workers).max(1);
    let typeset: Vec<Result<Typeset, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            jobs.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(typeset_one).collect::<Vec<_>>())).collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| vec![Err(Error::Typeset(TypesetError::Typst(vec!["panicked".into()])))])
            })
            .collect()
    });
    let typeset: Vec<Typeset> = typeset.into_iter().collect::<Result<_, _>>()?;
    Ok(jobs.into_iter().zip(typeset).map(|((e, s), t)| (e, s, t)).collect())
}

/// A typst failure, with the generated source saved for inspection in a new private folder
/// (a random name, mode 0700: never a path another user of the machine could prepare).
fn typeset_failure(edition: &Edition, source: &str, error: TypesetError) -> Error {
    use std::os::unix::fs::PermissionsExt;
    let private = std::fs::Permissions::from_mode(0o700);
    let saved = tempfile::Builder::new().prefix("amif-doc-failed-").permissions(private).tempdir().and_then(|dir| {
        let path = dir.keep().join(format!("{}.typ", edition.file_stem()));
        std::fs::write(&path, source).map(|_| path)
    });
    let kept = saved.map(|path| format!("\n(the generated source is in `{}`)", path.display())).unwrap_or_default();
    Error::TypesetEdition { edition: edition.file_stem(), error, kept }
}
