//! Test helpers: the frozen programme (`tests/fixtures/content`, a copy of the programme the
//! tests were written against: editing the shipped `content/` never breaks a test), scratch
//! copies of it, a build into a scratch folder, and the text of a PDF.
#![allow(dead_code)]

pub mod pdftext;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use amif_doc::i18n::lang::Lang;
use amif_doc::pipeline::{self, Error, Options, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// French, the first language of the Belgian editions.
pub fn fr() -> Lang {
    "fr".parse().unwrap()
}

/// The two languages of the full programme's editions.
pub fn both() -> Vec<Lang> {
    vec![fr(), Lang::EN]
}

/// The frozen programme the tests run on. Never the shipped `content/`.
pub fn fixture() -> PathBuf {
    repo().join("tests/fixtures/content")
}

/// A fresh, empty folder under the target directory, removed by nobody (cheap, inspectable).
pub fn scratch(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = repo().join("target/test-scratch").join(format!(
        "{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies the frozen programme into `dir/content` and returns that path.
pub fn copy_content(dir: &Path) -> PathBuf {
    let target = dir.join("content");
    amif_doc::write::copy_tree(&fixture(), &target).unwrap();
    target
}

/// Replaces `from` with `to` in a content file; fails if `from` is absent.
pub fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "`{from}` not found in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

pub fn options(content: &Path, out: &Path, langs: &[Lang]) -> Options {
    Options {
        content: content.to_path_buf(),
        form: amif_doc::form::Form::built_in(),
        out: out.to_path_buf(),
        langs: langs.iter().map(|&l| amif_doc::i18n::LangChoice::One(l)).collect(),
        keep_typst: false,
        draft: false,
        source_date_epoch: None,
        edition: Some("programme".into()),
    }
}

/// Loads and checks `content` (rule errors are errors), returning every diagnostic in its
/// one-line form, with paths from the content folder's parent (`content/…`), as a user
/// standing there reads them; none when it is valid.
pub fn content_problems(content: &Path) -> Vec<String> {
    let problems = match pipeline::load_and_check(content, &catalogue()) {
        Ok(_) => vec![],
        Err(Error::Content(d, _)) => d.0.iter().map(|d| d.to_string()).collect(),
        Err(other) => vec![other.to_string()],
    };
    problems.into_iter().map(|p| from_parent(content, &p)).collect()
}

/// `text` with `content`'s parent folder taken out of the paths it names.
pub fn from_parent(content: &Path, text: &str) -> String {
    let parent = content.parent().unwrap_or(Path::new(""));
    text.replace(&format!("{}/", parent.display()), "")
}

/// Runs the amif-doc binary from the folder above `content` with `args`, then `--content`
/// naming it from there, as a user in that folder types it; its exit status and stderr.
pub fn run_on(content: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc"));
    let (parent, name) = (content.parent().unwrap(), content.file_name().unwrap());
    command.current_dir(parent).args(args).arg("--content").arg(name);
    let out = command.output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Builds the given content into `out`.
pub fn build(content: &Path, out: &Path, langs: &[Lang]) -> Result<Vec<Output>, Error> {
    amif_doc::session::build(&options(content, out, langs)).map(|b| b.outputs)
}

/// The text of a PDF, read in Rust ([`pdftext`]): pages in order, soft-hyphen line breaks
/// joined, and whitespace runs (including U+202F, U+00A0, U+2060) collapsed to one space.
pub fn pdf_text(pdf: &Path) -> String {
    let bytes = std::fs::read(pdf).unwrap_or_else(|e| panic!("cannot read {}: {e}", pdf.display()));
    normalise(&pdftext::page_texts(&bytes).join("\n"))
}

/// The text of one page (1-based), normalised as [`pdf_text`].
pub fn page_text(pdf: &Path, page: usize) -> String {
    let bytes = std::fs::read(pdf).unwrap();
    normalise(&pdftext::page_texts(&bytes)[page - 1])
}

fn normalise(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{AD}' {
            // A word hyphenated at a line end: typst marks the break, the word is one word.
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            continue;
        }
        joined.push(c);
    }
    joined
        .split(|c: char| c.is_whitespace() || c == '\u{202F}' || c == '\u{00A0}' || c == '\u{2060}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Describes a build error for assertion messages.
pub fn describe(error: &Error) -> String {
    match error {
        Error::Content(d, _) => d.to_string(),
        other => other.to_string(),
    }
}

/// The bundled label catalogue.
pub fn catalogue() -> amif_doc::i18n::Catalogue {
    amif_doc::i18n::Catalogue::load(&amif_doc::form::Form::built_in()).unwrap()
}

/// The typst source of every edition of `content`'s matrix, by file stem.
pub fn typst_sources(content: &Path) -> Vec<(String, String)> {
    let catalogue = catalogue();
    let templates = amif_doc::render::Templates::load(&amif_doc::form::Form::built_in()).unwrap();
    let checked =
        amif_doc::pipeline::load_and_check(content, &catalogue).unwrap_or_else(|e| panic!("{}", describe(&e)));
    amif_doc::pipeline::render_all(&checked, &catalogue, &templates).unwrap()
}
