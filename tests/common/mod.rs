//! Test helpers: a scratch copy of the bundled content, a build into a scratch folder, and
//! the text of a PDF (pdftotext, from poppler-utils, which `.ci/run` installs).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use amif_doc::build::{self, BuildError, Options, Output};
use amif_doc::lang::Lang;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

/// Copies the bundled `content/` into `dir/content` and returns that path.
pub fn copy_content(dir: &Path) -> PathBuf {
    let target = dir.join("content");
    amif_doc::write::copy_tree(&repo().join("content"), &target).unwrap();
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
        templates: repo().join("templates"),
        fonts: repo().join("fonts"),
        out: out.to_path_buf(),
        langs: langs.to_vec(),
        keep_typst: false,
        draft: false,
        source_date_epoch: None,
        edition: Some("programme".into()),
    }
}

/// Builds the given content into `out`.
pub fn build(content: &Path, out: &Path, langs: &[Lang]) -> Result<Vec<Output>, BuildError> {
    build::build(&options(content, out, langs))
}

/// The text of a PDF, whitespace runs (including U+202F and U+00A0) collapsed to one space.
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is needed by the tests (apt-get install poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {}", pdf.display());
    let text = String::from_utf8(out.stdout).unwrap();
    text.split(|c: char| c.is_whitespace() || c == '\u{202F}' || c == '\u{00A0}' || c == '\u{2060}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Describes a build error for assertion messages.
pub fn describe(error: &BuildError) -> String {
    match error {
        BuildError::Content(d, _) => d.to_string(),
        BuildError::Other(s) => s.clone(),
    }
}
