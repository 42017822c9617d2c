//! The spine: one function per command that chains the stages.

use std::path::{Path, PathBuf};

use crate::check::{self, Finding, Level};
use crate::compute::{self, Figures};
use crate::diag::{Diagnostic, Diagnostics};
use crate::excerpt;
use crate::labels::{Catalogue, Labels};
use crate::lang::Lang;
use crate::load::{self, SourceFiles};
use crate::model::{self, EditionSpec, Programme};
use crate::render::{Edition, Templates, view};
use crate::typeset::{self, DocumentFacts, Fonts};
use crate::write;

/// Where the inputs are and where outputs go.
#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    pub templates: PathBuf,
    pub fonts: PathBuf,
    pub out: PathBuf,
    pub langs: Vec<Lang>,
    pub keep_typst: bool,
    /// Build even when programme rules report errors: the editions say DRAFT on every page
    /// and list the errors in their validation section. Content errors still stop the build.
    pub draft: bool,
    /// Overrides the PDF metadata date (the CLI passes `SOURCE_DATE_EPOCH` here). The printed
    /// date stays the programme's.
    pub source_date_epoch: Option<i64>,
    /// Build only this edition of the matrix (all its languages unless `langs` narrows them).
    pub edition: Option<String>,
}

/// Why a build stopped.
#[derive(Debug)]
pub enum BuildError {
    /// Problems in the content, all of them, with locations.
    Content(Diagnostics, SourceFiles),
    /// Anything else (templates, fonts, typst, disk), already worded for the user.
    Other(String),
}

impl From<String> for BuildError {
    fn from(s: String) -> Self {
        BuildError::Other(s)
    }
}

/// The programme loaded, checked and computed: what every command starts from.
pub struct Checked {
    pub programme: Programme,
    pub figures: Figures,
    pub findings: Vec<Finding>,
    pub files: SourceFiles,
}

/// load → model → compute → check. Rule errors are returned as diagnostics, worded with
/// the English labels of `catalogue`.
pub fn load_and_check(content: &Path, catalogue: &Catalogue) -> Result<Checked, BuildError> {
    load_and_check_with(content, catalogue, false)
}

/// As [`load_and_check`]; with `allow_rule_errors`, rule errors stay findings (draft builds).
pub fn load_and_check_with(
    content: &Path,
    catalogue: &Catalogue,
    allow_rule_errors: bool,
) -> Result<Checked, BuildError> {
    let (raw, files) = match load::load_dir(content) {
        Ok(loaded) => loaded,
        Err(d) => return Err(BuildError::Content(d, SourceFiles { root: root_of(content), files: vec![] })),
    };
    let programme = match model::build(raw, &files) {
        Ok(p) => p,
        Err(d) => return Err(BuildError::Content(d, files)),
    };
    let figures = compute::compute(&programme);
    let findings = check::check(&programme, &figures);
    let labels = catalogue.for_lang(Lang::En)?;
    let errors: Vec<Diagnostic> =
        findings.iter().filter(|f| f.level == Level::Error).map(|f| rule_diagnostic(f, &labels, &files)).collect();
    if !errors.is_empty() && !allow_rule_errors {
        return Err(BuildError::Content(Diagnostics(errors), files));
    }
    Ok(Checked { programme, figures, findings, files })
}

fn root_of(content: &Path) -> PathBuf {
    content.parent().unwrap_or(Path::new("")).to_path_buf()
}

/// A rule finding as a diagnostic: its message in English, located at the YAML it is about.
pub fn rule_diagnostic(f: &Finding, labels: &Labels, files: &SourceFiles) -> Diagnostic {
    let values: Vec<(&str, String)> = f.params.iter().map(|(k, v)| (*k, view::param_text(v, Lang::En))).collect();
    let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let message = labels.fill(f.message, &refs).unwrap_or_else(|_| f.message.to_string());
    let mut d = match f.level {
        Level::Error => Diagnostic::error(f.code, message),
        _ => Diagnostic::warning(f.code, message),
    };
    if let Some(location) = files.locate_path(&f.path) {
        d = d.at(location);
    }
    d
}

/// One built file.
pub struct Output {
    pub path: PathBuf,
    pub pages: usize,
}

/// Builds every requested edition. Nothing in `out/` is touched unless every edition
/// typeset successfully.
pub fn build(opts: &Options) -> Result<Vec<Output>, BuildError> {
    let catalogue = Catalogue::load(&opts.templates.join("labels.yaml"))?;
    let checked = load_and_check_with(&opts.content, &catalogue, opts.draft)?;
    let templates = Templates::load(&opts.templates)?;
    let fonts = Fonts::load(&opts.fonts)?;
    let editions = select_editions(&checked.programme.editions, opts)?;
    // Render every edition first (cheap), then typeset them in parallel (typst is the cost).
    let mut jobs = Vec::new();
    for edition in editions {
        let source = render_edition(&checked, &edition, &catalogue, &templates, opts)?;
        jobs.push((edition, source));
    }
    let meta = &checked.programme.meta;
    let typeset_one = |(edition, source): &(Edition, String)| {
        let facts =
            DocumentFacts { date: meta.date, ident: format!("{}-{}-{}", meta.cci, meta.version, edition.file_stem()) };
        typeset::pdf(source, &fonts, &facts).map_err(|errors| typeset_failure(edition, source, &errors))
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(jobs.len().max(1));
    let chunk = jobs.len().div_ceil(workers).max(1);
    let pdfs: Vec<Result<Vec<u8>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(typeset_one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|_| vec![Err("typesetting panicked".into())]))
            .collect()
    });
    // Nothing is written unless every edition typeset.
    let pdfs: Vec<Vec<u8>> = pdfs.into_iter().collect::<Result<_, _>>()?;
    let mut outputs = Vec::new();
    for ((edition, source), pdf) in jobs.iter().zip(pdfs) {
        let path = opts.out.join(format!("{}.pdf", edition.file_stem()));
        write::atomic(&path, &pdf)?;
        if opts.keep_typst {
            write::atomic(&opts.out.join(format!("{}.typ", edition.file_stem())), source.as_bytes())?;
        }
        outputs.push(Output { pages: count_pages(&pdf), path });
    }
    Ok(outputs)
}

/// The editions to build: the matrix, narrowed by `--edition` and `--lang`.
fn select_editions(matrix: &[EditionSpec], opts: &Options) -> Result<Vec<Edition>, BuildError> {
    if let Some(name) = opts.edition.as_ref().filter(|name| !matrix.iter().any(|e| &e.name == *name)) {
        let names: Vec<&str> = matrix.iter().map(|e| e.name.as_str()).collect();
        return Err(BuildError::Other(format!(
            "no edition `{name}` in content/editions.yaml (editions: {})",
            names.join(", ")
        )));
    }
    Ok(matrix
        .iter()
        .filter(|e| opts.edition.as_ref().is_none_or(|name| &e.name == name))
        .flat_map(|spec| spec.langs.iter().map(|&lang| Edition { spec: spec.clone(), lang }))
        .filter(|e| opts.langs.is_empty() || opts.langs.contains(&e.lang))
        .collect())
}

/// The typst source of every edition of the matrix, by file stem: what `fmt` must not change.
pub fn render_all(
    checked: &Checked,
    catalogue: &Catalogue,
    templates: &Templates,
) -> Result<Vec<(String, String)>, String> {
    let opts = Options {
        content: PathBuf::new(),
        templates: PathBuf::new(),
        fonts: PathBuf::new(),
        out: PathBuf::new(),
        langs: vec![],
        keep_typst: false,
        draft: true,
        source_date_epoch: None,
        edition: None,
    };
    let editions = select_editions(&checked.programme.editions, &opts).map_err(|e| format!("{e:?}"))?;
    editions.iter().map(|e| Ok((e.file_stem(), render_edition(checked, e, catalogue, templates, &opts)?))).collect()
}

/// View + templates for one edition: the typst source.
fn render_edition(
    checked: &Checked,
    edition: &Edition,
    catalogue: &Catalogue,
    templates: &Templates,
    opts: &Options,
) -> Result<String, String> {
    let labels = catalogue.for_lang(edition.lang)?;
    let programme = excerpt::filter(&checked.programme, &edition.spec);
    let figures = if edition.spec.is_excerpt() { compute::compute(&programme) } else { checked.figures.clone() };
    let mut view = view::build(&programme, &figures, &checked.findings, edition, &labels)?;
    view.draft = checked.findings.iter().any(|f| f.level == Level::Error);
    if let Some(epoch) = opts.source_date_epoch {
        view.cover.pdf_date = view::PdfDate::from_unix(epoch);
    }
    templates.render(&view, &labels)
}

/// A typst failure, with the generated source saved outside `out/` for inspection.
fn typeset_failure(edition: &Edition, source: &str, errors: &[String]) -> String {
    let typ = std::env::temp_dir().join(format!("amif-doc-{}.typ", edition.file_stem()));
    let kept =
        write::atomic(&typ, source.as_bytes()).map(|_| format!("\n(the generated source is in `{}`)", typ.display()));
    format!("typesetting {} failed:\n{}{}", edition.file_stem(), errors.join("\n"), kept.unwrap_or_default())
}

/// Counts `/Type /Page` objects; for the summary line only.
fn count_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type/Page";
    pdf.windows(needle.len() + 1).filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's').count()
}
