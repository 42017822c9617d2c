//! Stage 6, typeset: typst source → PDF bytes, with typst and typst-pdf as libraries.
//!
//! The World is in memory and sealed: one source (the rendered programme), fonts only from
//! `fonts/`, no packages, no files, no network, and "today" is the programme's date, never
//! the clock. The same source and fonts therefore give the same bytes.

use std::path::Path;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// Why typesetting failed.
#[derive(Debug, thiserror::Error)]
pub enum TypesetError {
    #[error("cannot read the font folder `{0}`: {1}")]
    FontFolder(String, String),
    #[error("cannot read font `{0}`: {1}")]
    Font(String, String),
    #[error("no fonts found in `{0}`")]
    NoFonts(String),
    /// typst's own diagnostics, each with the generated source line it points at.
    #[error("{}", .0.join("\n"))]
    Typst(Vec<String>),
}

/// A typeset document: the PDF and its page count (from typst's document, not the bytes).
pub struct Typeset {
    pub pdf: Vec<u8>,
    pub pages: usize,
}

/// The bundled fonts, read once from a folder (never from the system).
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Fonts {
    /// Loads every `.ttf`/`.otf` in `dir`, in file-name order so the book is deterministic.
    pub fn load(dir: &Path) -> Result<Fonts, TypesetError> {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| TypesetError::FontFolder(dir.display().to_string(), e.to_string()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("ttf" | "otf" | "TTF" | "OTF")))
            .collect();
        paths.sort();
        let mut fonts = Vec::new();
        for path in paths {
            let data =
                std::fs::read(&path).map_err(|e| TypesetError::Font(path.display().to_string(), e.to_string()))?;
            fonts.extend(Font::iter(Bytes::new(data)));
        }
        if fonts.is_empty() {
            return Err(TypesetError::NoFonts(dir.display().to_string()));
        }
        Ok(Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts })
    }
}

/// The document-level facts typst needs besides the source.
pub struct DocumentFacts {
    /// (year, month, day): the programme version's date, used as "today" and as PDF date.
    pub date: (i32, u8, u8),
    /// A stable document identifier (e.g. CCI, version, edition), so the PDF ID never varies.
    pub ident: String,
}

struct MemoryWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
    today: Option<Datetime>,
}

fn main_id() -> FileId {
    // One stable virtual path for every compilation: file ids are interned for the process.
    RootedPath::new(VirtualRoot::Project, VirtualPath::new("/programme.typ").expect("valid path")).intern()
}

impl World for MemoryWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
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

/// Typesets typst source into PDF bytes, or returns the diagnostics, each shown with the
/// generated source line it points at.
pub fn pdf(source: &str, fonts: &Fonts, facts: &DocumentFacts) -> Result<Typeset, TypesetError> {
    let (y, m, d) = facts.date;
    let today = Datetime::from_ymd(y, m, d);
    let world = MemoryWorld {
        library: LazyHash::new(Library::builder().build()),
        fonts,
        main: Source::new(main_id(), source.to_string()),
        today,
    };
    let compiled = typst::compile::<PagedDocument>(&world);
    let document = compiled.output.map_err(|errors| TypesetError::Typst(describe(&world, &errors)))?;
    let options = PdfOptions {
        ident: Smart::Custom(facts.ident.clone()),
        creator: Smart::Custom(Some("amif-doc".into())),
        timestamp: today.map(Timestamp::new_utc),
        standards: PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
            .map_err(|e| TypesetError::Typst(vec![e.message().to_string()]))?,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| TypesetError::Typst(describe(&world, &errors)))?;
    typst::comemo::evict(10);
    Ok(Typeset { pdf, pages: document.pages().len() })
}

/// `error: message` + `--> programme.typ:line:col` + the generated source line + hints.
fn describe(world: &MemoryWorld, diagnostics: &[SourceDiagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let mut text = format!("typst error: {}", d.message);
            if let Some(range) = world.range(d.span) {
                let lines = world.main.lines();
                if let (Some(line), Some(col)) = (lines.byte_to_line(range.start), lines.byte_to_column(range.start)) {
                    let src_line = world.main.text().lines().nth(line).unwrap_or("");
                    text.push_str(&format!("\n  --> programme.typ:{}:{}\n   | {src_line}", line + 1, col + 1));
                }
            }
            for hint in &d.hints {
                text.push_str(&format!("\n   = hint: {}", hint.v));
            }
            text
        })
        .collect()
}
