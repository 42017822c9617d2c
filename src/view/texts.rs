//! The programme's texts as an edition prints them: narratives and short texts parsed into
//! rich text, each part tagged with its language where it is not the edition's, marked spans
//! (a redline's changes, units in the source language) kept. A bilingual edition's two
//! columns are in [`super::bilingual`].

use super::build::ViewBuilder;
use super::{NarrativeView, Part, Runs};
use crate::i18n::Lang;
use crate::markup::markdown;
use crate::markup::rich::{self, Inline, Pair};
use crate::model::{Narrative, Text};

impl ViewBuilder<'_> {
    /// A narrative's parts; blocks in another language are tagged with it. In a bilingual
    /// edition, each paragraph or list item beside its translation.
    pub(super) fn narrative(&self, n: &Narrative) -> NarrativeView {
        if let Some(second) = self.second {
            return NarrativeView { parts: vec![], columns: self.narrative_side_by_side(n, second) };
        }
        let mut parts: Vec<Part> = Vec::new();
        for b in &n.blocks {
            let (text, lang) = b.text.for_edition(self.text_lang);
            let flow = markdown::parse_marked(text, b.text.marks_for(self.text_lang));
            if flow.is_empty() {
                continue;
            }
            let lang = (lang != self.lang).then(|| lang.to_string());
            match parts.last_mut() {
                // A continuing block runs on in the previous paragraph; its first paragraph
                // tagged with its language if that is another one.
                Some(previous) if b.continues => {
                    if previous.lang == lang {
                        rich::run_on(&mut previous.flow, flow);
                        continue;
                    }
                    let mut rest = flow.into_iter();
                    if let Some(first) = rest.next() {
                        let first = match (first, &lang) {
                            (rich::Block::Paragraph { body }, Some(l)) => {
                                rich::Block::Paragraph { body: vec![Inline::lang(l, body)] }
                            }
                            (first, _) => first,
                        };
                        rich::run_on(&mut previous.flow, vec![first]);
                    }
                    let rest: Vec<_> = rest.collect();
                    if !rest.is_empty() {
                        parts.push(Part { lang, flow: rest });
                    }
                }
                _ => parts.push(Part { lang, flow }),
            }
        }
        NarrativeView { parts, columns: vec![] }
    }

    /// A short text as runs, tagged with its language if it differs; in a bilingual edition,
    /// both languages' (once where they are the same).
    pub(super) fn inline(&self, t: &Text) -> Runs {
        let runs = |lang: Lang| {
            let (text, _) = t.for_edition(lang);
            rich::inline(&markdown::parse_marked(text, t.marks_for(lang)))
        };
        if let Some(second) = self.second {
            let (a, a_lang) = t.for_edition(self.lang);
            let (b, b_lang) = t.for_edition(second);
            if a == b {
                return runs(self.lang);
            }
            return vec![Inline::Pair(Pair::new(a_lang, runs(self.lang), b_lang, runs(second)))];
        }
        let lang = t.for_edition(self.text_lang).1;
        if lang == self.lang { runs(self.text_lang) } else { vec![Inline::lang(lang, runs(self.text_lang))] }
    }

    /// A short text as plain text (PDF metadata, alternative texts).
    pub(super) fn plain(&self, t: &Text) -> String {
        t.for_edition(self.text_lang).0.to_string()
    }
}
