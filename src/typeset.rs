//! Stage 6, typeset: typst source → PDF bytes, with typst and typst-pdf as libraries.
//!
//! The World is in memory and sealed: one source (the rendered programme), fonts only from
//! the form (built in, or the project's `fonts/`), no packages, no files, no network, and "today" is the programme's date, never
//! the clock. The same source and fonts therefore give the same bytes.

use std::collections::HashMap;
use std::sync::Mutex;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::form::{Form, FormError};

/// Why typesetting failed.
#[derive(Debug, thiserror::Error)]
pub enum TypesetError {
    #[error(transparent)]
    Form(#[from] FormError),
    #[error("cannot read font `{0}`: {1}")]
    Font(String, String),
    /// typst's own diagnostics, each with the generated source line it points at.
    #[error("{}", .0.join("\n"))]
    Typst(Vec<String>),
}

/// A typeset document: the PDF and its page count (from typst's document, not the bytes).
pub struct Typeset {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// typst's warnings, each with the generated source line it points at.
    pub warnings: Vec<String>,
}

/// The form's fonts, read once (never the system's).
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Fonts {
    /// Loads the form's fonts (built in, or the project's `fonts/` over them), in file-name
    /// order so the book is deterministic.
    pub fn load(form: &Form) -> Result<Fonts, TypesetError> {
        let mut fonts = Vec::new();
        for file in form.fonts()? {
            let shown = file.shown("fonts");
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(file.bytes)));
            if fonts.len() == before {
                return Err(TypesetError::Font(shown, "typst finds no font in it".into()));
            }
        }
        Ok(Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts })
    }
}

impl Fonts {
    /// Whether some font prints `c`.
    pub fn covers(&self, c: char) -> bool {
        self.fonts.iter().any(|f| f.info().coverage.contains(c as u32))
    }
}

/// The document-level facts typst needs besides the source.
pub struct DocumentFacts {
    /// (year, month, day): the programme version's date, used as "today" and as PDF date.
    pub date: (i32, u8, u8),
    /// A stable document identifier (e.g. CCI, version, edition), so the PDF ID never varies.
    pub ident: String,
}

/// Typesets editions, keeping what one compilation can reuse from the last: typst's standard
/// library, the fonts, and each edition's source, which is updated in place
/// ([`Source::replace`]) so that typst's caches (comemo) recognise every unchanged part of a
/// document. One typesetter serves a whole `build` and every rebuild of `watch`.
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: Fonts,
    /// Edition name → its last source (each edition has its own file id, so caches of one
    /// edition are not invalidated by typesetting another).
    sources: Mutex<HashMap<String, Source>>,
}

impl Typesetter {
    /// Whether some font prints `c`.
    pub fn covers(&self, c: char) -> bool {
        self.fonts.covers(c)
    }

    pub fn new(fonts: Fonts) -> Typesetter {
        // `a11y-extras` gives templates `pdf.header-cell`: the cover's labels and Table 1's line
        // labels are row headers, which PDF/UA checkers require of a key/value table.
        let library = Library::builder().with_features([typst::Feature::A11yExtras].into_iter().collect()).build();
        Typesetter { library: LazyHash::new(library), fonts, sources: Mutex::default() }
    }

    /// Typesets typst source into PDF bytes, or returns the diagnostics, each shown with the
    /// generated source line it points at. `name` identifies the edition across calls.
    pub fn pdf(&self, name: &str, source: &str, facts: &DocumentFacts) -> Result<Typeset, TypesetError> {
        let main = self.source(name, source);
        let (y, m, d) = facts.date;
        let today = Datetime::from_ymd(y, m, d);
        let world = MemoryWorld { library: &self.library, fonts: &self.fonts, main, today };
        let compiled = typst::compile::<PagedDocument>(&world);
        let warnings = describe(&world, &compiled.warnings);
        let document = compiled.output.map_err(|errors| TypesetError::Typst(describe(&world, &errors)))?;
        let options = PdfOptions {
            ident: Smart::Custom(facts.ident.clone()),
            creator: Smart::Custom(Some("amif-doc".into())),
            timestamp: today.map(Timestamp::new_utc),
            standards: PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
                .map_err(|e| TypesetError::Typst(vec![e.message().to_string()]))?,
            ..PdfOptions::default()
        };
        let pdf =
            typst_pdf::pdf(&document, &options).map_err(|errors| TypesetError::Typst(describe(&world, &errors)))?;
        Ok(Typeset { pdf, pages: document.pages().len(), warnings })
    }

    /// The edition's source, updated to `text`: unchanged lines keep their syntax nodes.
    fn source(&self, name: &str, text: &str) -> Source {
        let mut sources = self.sources.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match sources.get_mut(name) {
            Some(source) => {
                if source.text() != text {
                    source.replace(text);
                }
                source.clone()
            }
            None => {
                let source = Source::new(file_id(name), text.to_string());
                sources.insert(name.to_string(), source.clone());
                source
            }
        }
    }
}

struct MemoryWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
    today: Option<Datetime>,
}

/// One stable virtual path per edition: file ids are interned for the process.
fn file_id(name: &str) -> FileId {
    let path = VirtualPath::new(format!("/{name}.typ"))
        .unwrap_or_else(|_| VirtualPath::new("/programme.typ").expect("valid path"));
    RootedPath::new(VirtualRoot::Project, path).intern()
}

impl World for MemoryWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.source(id).map(Bytes::from_string)
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// `typst error: message` (or warning) + `--> programme.typ:line:col` + the generated source
/// line + hints.
fn describe(world: &MemoryWorld, diagnostics: &[SourceDiagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let severity = if d.severity == Severity::Error { "error" } else { "warning" };
            let mut text = format!("typst {severity}: {}", d.message);
            if let Some(range) = world.range(d.span) {
                let lines = world.main.lines();
                if let (Some(line), Some(col)) = (lines.byte_to_line(range.start), lines.byte_to_column(range.start)) {
                    let src_line = world.main.text().lines().nth(line).unwrap_or("");
                    let file = world.main.id().vpath().get_without_slash().to_string();
                    text.push_str(&format!("\n  --> {file}:{}:{}\n   | {src_line}", line + 1, col + 1));
                }
            }
            for hint in &d.hints {
                text.push_str(&format!("\n   = hint: {}", hint.v));
            }
            text
        })
        .collect()
}
