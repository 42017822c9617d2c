//! Putting translations into the programme. Each unit ([`super::units`]) is looked up by its
//! context in the language's PO file. A unit is *current* when its entry's `msgid` is the
//! source text as it is now and the entry is not fuzzy; otherwise it is *stale* (the source
//! changed since it was translated) or *missing*. A stale or missing unit is never printed as
//! if it were current: the edition prints the source text, marked as being in the source
//! language (marked [`Mark::Fallback`]), and `check` warns about stale units
//! at their line of the PO file, with the word diff of what changed in the source.

use std::collections::{BTreeMap, BTreeSet};

use super::units::{self, Visitor};
use crate::diag::{Diagnostic, Location};
use crate::i18n::Lang;
use crate::i18n::Translations;
use crate::i18n::po::{Catalog, Entry};
use crate::markup::markdown::{Mark, Span};
use crate::model::{Narrative, Pending, Programme, Text};
use crate::text::words;

/// The state of one unit in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Current,
    /// Translated from an older source text (`was`); the entry is at `line` of the PO file.
    Stale {
        was: String,
        line: usize,
    },
    Missing,
}

/// The state of a unit: current, stale or missing, never guessed from a similar text.
pub fn state(entry: Option<&Entry>, source: &str) -> State {
    match entry {
        None => State::Missing,
        Some(e) if e.msgstr.trim().is_empty() => State::Missing,
        Some(e) if e.fuzzy => State::Stale { was: e.previous.clone().unwrap_or_else(|| e.msgid.clone()), line: e.line },
        Some(e) if e.msgid != source => State::Stale { was: e.msgid.clone(), line: e.line },
        Some(_) => State::Current,
    }
}

/// Units per state, for `i18n status` and the warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub units: usize,
    pub words: usize,
    pub current: (usize, usize),
    pub stale: (usize, usize),
    pub missing: (usize, usize),
}

impl Tally {
    pub fn add(&mut self, state: &State, source: &str) {
        let words = source.split_whitespace().count();
        self.units += 1;
        self.words += words;
        let slot = match state {
            State::Current => &mut self.current,
            State::Stale { .. } => &mut self.stale,
            State::Missing => &mut self.missing,
        };
        slot.0 += 1;
        slot.1 += words;
    }

    /// Percentage of words translated and current.
    pub fn percent(&self) -> f64 {
        if self.words == 0 { 100.0 } else { 100.0 * self.current.1 as f64 / self.words as f64 }
    }
}

/// Adds `t`'s language to every text of the programme and returns the warnings: one per stale
/// unit, and one per language with missing units. A text with no current unit gets no
/// translation at all, so the edition prints the source and tags the whole text with its
/// language; a narrative with some current units gets them, the others marked as source text.
pub fn apply(p: &mut Programme, t: &Translations) -> Vec<Diagnostic> {
    let printed = printed_units(p, t.lang);
    let mut v = Apply { t, warnings: Vec::new(), missing: 0, printed };
    units::walk(p, &mut v);
    let mut warnings = v.warnings;
    if v.missing > 0 {
        let message =
            format!("{} unit(s) have no {} translation: editions print them in the source language", v.missing, t.lang);
        warnings.push(
            Diagnostic::warning("i18n.missing", message)
                .at(Location { file: t.display.clone(), line: 1, column: 1, path: String::new() })
                .with_hint(format!(
                    "`amif-doc i18n update --lang {}` adds them to the file, `amif-doc i18n status` lists them",
                    t.lang
                )),
        );
    }
    warnings
}

struct Apply<'a> {
    t: &'a Translations,
    warnings: Vec<Diagnostic>,
    missing: usize,
    /// The units some edition prints in this language: only their absence is worth a warning.
    printed: BTreeSet<String>,
}

/// The contexts of the units that the editions in `lang` print (translated texts only).
pub fn printed_units(p: &Programme, lang: Lang) -> BTreeSet<String> {
    let all = units::units(p);
    let mut out = BTreeSet::new();
    for spec in p.editions.iter().filter(|e| e.langs.contains(&lang) && e.text_lang(lang, p.meta.source) == lang) {
        let shown = units::units(&crate::model::excerpt::filter(p, spec));
        for u in status_matches(&shown, &all) {
            out.insert(u);
        }
    }
    out
}

/// For each unit of an edition (numbered anew by an excerpt), the context of the same unit in
/// the whole programme: same context and text, or same text in the same narrative.
/// A text repeated in one narrative is matched in order, each repeat to its own unit.
fn status_matches(units: &[units::Unit], all: &[units::Unit]) -> Vec<String> {
    let mut used = vec![false; all.len()];
    units
        .iter()
        .map(|u| {
            let same = |i: &usize| !used[*i] && all[*i].source == u.source;
            let found = (0..all.len())
                .find(|i| same(i) && all[*i].ctxt == u.ctxt)
                .or_else(|| (0..all.len()).find(|i| same(i) && units::owner(&all[*i].ctxt) == units::owner(&u.ctxt)));
            match found {
                Some(i) => {
                    used[i] = true;
                    all[i].ctxt.clone()
                }
                None => u.ctxt.clone(),
            }
        })
        .collect()
}

impl Apply<'_> {
    /// The unit's text in the target language, or why it has none (printed as the source).
    fn unit(&mut self, ctxt: &str, source: &str) -> Result<String, Pending> {
        let entry = self.t.catalog.find(ctxt);
        match state(entry, source) {
            State::Current => Ok(entry.map(|e| e.msgstr.clone()).unwrap_or_default()),
            State::Stale { was, line } => {
                let diff = words::inline(&words::changed_sentences(words::diff(&was, source)));
                let message = format!("the source text of `{ctxt}` changed since it was translated: {diff}");
                let location =
                    Location { file: self.t.display.clone(), line: line.max(1), column: 1, path: ctxt.to_string() };
                self.warnings.push(Diagnostic::warning("i18n.stale", message).at(location).with_hint(
                    "translate the new text into msgstr, then delete the `#, fuzzy` and `#| msgid` lines \
                         (`amif-doc i18n update` marks changed units so)",
                ));
                Err(Pending::Stale { translation: entry.map(|e| e.msgstr.clone()).unwrap_or_default(), was })
            }
            State::Missing => {
                self.missing += usize::from(self.printed.contains(ctxt));
                Err(Pending::Missing)
            }
        }
    }
}

impl Visitor for Apply<'_> {
    fn short(&mut self, ctxt: String, _section: &'static str, text: &mut Text) {
        let source = text.source_text().trim().to_string();
        if source.is_empty() {
            return;
        }
        match self.unit(&ctxt, &source) {
            Ok(translated) => {
                text.by_lang.insert(self.t.lang, translated);
            }
            Err(pending) => {
                text.pending.entry(self.t.lang).or_default().insert(0, pending);
            }
        }
    }

    fn narrative(&mut self, ctxt: String, _section: &'static str, narrative: &mut Narrative) {
        let mut n = 0;
        for block in &mut narrative.blocks {
            let pieces = units::segments(block.text.source_text());
            let source_lang = block.text.source;
            let mut any_current = false;
            let mut pending = BTreeMap::new();
            let (translated, places) = units::rebuild_with_places(&pieces, |i, source| {
                let text = self.unit(&format!("{ctxt}/{n}"), source);
                n += 1;
                any_current |= text.is_ok();
                text.unwrap_or_else(|why| {
                    pending.insert(i, why);
                    source.to_string()
                })
            });
            if any_current {
                block.text.by_lang.insert(self.t.lang, translated);
                // The units without a current translation print the source: marked as such.
                let fallback = Mark::Fallback(source_lang);
                let spans = pending
                    .keys()
                    .filter_map(|i| places.get(*i))
                    .map(|range| Span { range: range.clone(), mark: fallback });
                block.text.marks.insert(self.t.lang, spans.collect());
            }
            if !pending.is_empty() {
                block.text.pending.insert(self.t.lang, pending);
            }
        }
    }
}

/// Per section (`cover`, `1`..`7`), the tally of one language over an edition's units.
/// An excerpt numbers the paragraphs it keeps anew, so each of its units is found in the whole
/// programme's (`all`) by its text and the text it belongs to, and takes that unit's state.
pub fn status(units: &[units::Unit], all: &[units::Unit], catalog: &Catalog) -> Vec<(&'static str, Tally)> {
    let mut out: Vec<(&'static str, Tally)> = Vec::new();
    for (u, ctxt) in units.iter().zip(status_matches(units, all)) {
        let state = state(catalog.find(&ctxt), &u.source);
        match out.iter_mut().find(|(s, _)| *s == u.section) {
            Some((_, tally)) => tally.add(&state, &u.source),
            None => {
                let mut tally = Tally::default();
                tally.add(&state, &u.source);
                out.push((u.section, tally));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(msgid: &str, msgstr: &str, fuzzy: bool) -> Entry {
        Entry { msgid: msgid.into(), msgstr: msgstr.into(), fuzzy, line: 7, ..Entry::default() }
    }

    #[test]
    fn a_unit_is_current_only_when_its_source_is_unchanged() {
        assert_eq!(state(Some(&entry("A text.", "Un texte.", false)), "A text."), State::Current);
        assert_eq!(
            state(Some(&entry("A text.", "Un texte.", false)), "A new text."),
            State::Stale { was: "A text.".into(), line: 7 }
        );
        assert!(matches!(state(Some(&entry("A text.", "Un texte.", true)), "A text."), State::Stale { .. }));
        assert_eq!(state(Some(&entry("A text.", "", false)), "A text."), State::Missing);
        assert_eq!(state(None, "A text."), State::Missing);
    }
}
