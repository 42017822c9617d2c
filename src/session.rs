//! The build: what `build` runs once and `watch` runs on every save. Commands call it; it
//! calls the stages (through `pipeline`), so the walk of a build goes down only.
//!
//! A session keeps what a rebuild can reuse: the fonts, typst's World parts and caches
//! ([`Typesetter`]), and the typst source each edition had when its PDF was last written. An
//! edition whose source is unchanged (an edit to the Flemish excerpt leaves the German one as
//! it was) is neither typeset nor written again, so viewers do not reload it for nothing.

use std::collections::HashMap;

use crate::check;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::i18n::{Catalogue, Lang};
use crate::pipeline::{self, Error, Options, Output, Progress};
use crate::render::Templates;
use crate::typeset::{Fonts, Typesetter};
use crate::write;

/// What one round wrote, what it skipped, and the warnings of the content it built.
pub struct Round {
    pub outputs: Vec<Output>,
    /// Editions whose typst source had not changed since they were last written.
    pub unchanged: usize,
    pub warnings: Vec<Diagnostic>,
}

pub struct Session {
    opts: Options,
    typesetter: Typesetter,
    /// Edition file stem → the typst source of the PDF last written for it.
    written: HashMap<String, String>,
}

impl Session {
    /// Reads the fonts once; nothing else is read until [`Session::rebuild`].
    pub fn new(opts: Options) -> Result<Session, Error> {
        let typesetter = Typesetter::new(Fonts::load(&opts.form)?);
        Ok(Session { opts, typesetter, written: HashMap::new() })
    }

    /// Reads the fonts folder again (a font was added or replaced): every edition is typeset
    /// again at the next round.
    pub fn reload_fonts(&mut self) -> Result<(), Error> {
        self.typesetter = Typesetter::new(Fonts::load(&self.opts.form)?);
        self.written.clear();
        Ok(())
    }

    /// Loads, checks, renders and typesets every edition asked for, and writes those that
    /// changed. Nothing is written unless every edition typeset.
    pub fn rebuild(&mut self, progress: &Progress) -> Result<Round, Error> {
        let opts = &self.opts;
        let catalogue = Catalogue::load(&opts.form)?;
        let checked = pipeline::load_and_check_with(&opts.content, &catalogue, opts.draft)?;
        let typesetter = &self.typesetter;
        let unprintable = check::glyphs::unprintable(&checked.files, &checked.translations, &|c| typesetter.covers(c));
        if !unprintable.is_empty() {
            return Err(Error::Content(Diagnostics(unprintable), checked.files));
        }
        let templates = Templates::load(&opts.form)?;
        let editions = pipeline::select_editions(&checked.programme.editions, opts.edition.as_deref(), &opts.langs)?;
        let rendered =
            pipeline::render_editions(&checked, editions, &catalogue, &templates, opts.source_date_epoch, opts.draft)?;
        let path = |stem: &str| opts.out.join(format!("{stem}.pdf"));
        let (same, changed): (Vec<_>, Vec<_>) = rendered.into_iter().partition(|(edition, source)| {
            let stem = edition.file_stem();
            self.written.get(&stem) == Some(source) && path(&stem).exists()
        });
        let done = pipeline::typeset_rendered(&checked, changed, &self.typesetter, progress)?;
        // Nothing was written until every edition typeset.
        let mut outputs = Vec::new();
        let mut typst_warnings = Vec::new();
        for (edition, source, typeset) in done {
            let stem = edition.file_stem();
            typst_warnings
                .extend(typeset.warnings.iter().map(|w| Diagnostic::warning("typst", format!("{stem}: {w}"))));
            write::atomic(&path(&stem), &typeset.pdf)?;
            if opts.keep_typst {
                write::atomic(&opts.out.join(format!("{stem}.typ")), source.as_bytes())?;
            }
            outputs.push(Output { pages: typeset.pages, path: path(&stem) });
            self.written.insert(stem, source);
        }
        // typst's caches: what the last few rounds did not use is dropped.
        typst::comemo::evict(5);
        // Warnings; and under --draft the rule errors it overrode, which check would print.
        let mut warnings: Vec<Diagnostic> = pipeline::warnings_and_errors(&checked, &catalogue.for_lang(Lang::EN)?)
            .into_iter()
            .filter(|d| d.severity > Severity::Info)
            .collect();
        warnings.extend(typst_warnings);
        Ok(Round { outputs, unchanged: same.len(), warnings })
    }
}

/// What a build wrote, and the warnings of the content it built.
pub struct Built {
    pub outputs: Vec<Output>,
    pub warnings: Vec<Diagnostic>,
}

/// Builds every requested edition: a session of one round. Nothing in `out/` is touched
/// unless every edition typeset successfully.
pub fn build(opts: &Options) -> Result<Built, Error> {
    build_with(opts, &|_, _, _| {})
}

/// As [`build`], telling `progress` each time an edition has been typeset.
pub fn build_with(opts: &Options, progress: &Progress) -> Result<Built, Error> {
    let round = Session::new(opts.clone())?.rebuild(progress)?;
    Ok(Built { outputs: round.outputs, warnings: round.warnings })
}
