//! Texts as the model holds them: in their source language plus their translations, with
//! what a review needs (units still pending), and narratives made of scoped blocks.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::Scope;
use crate::i18n::Lang;
use crate::markup::markdown::Span;

/// A text in one or more languages; `source` is the language it was written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub by_lang: BTreeMap<Lang, String>,
    pub source: Lang,
    /// Per language, the units (by index within this text; 0 for a short text) whose
    /// translation is not current. Editions print the source text for them; the translation
    /// review view (a bilingual draft) shows what the translator has to do.
    pub pending: BTreeMap<Lang, BTreeMap<usize, Pending>>,
    /// Per language, the stretches of its text that are more than words: units printed in
    /// the source language for want of a translation, a redline's inserted and deleted words.
    pub marks: BTreeMap<Lang, Vec<Span>>,
}

/// Why a unit's translation is not printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Translated (`translation`) from an older source text (`was`).
    Stale {
        translation: String,
        was: String,
    },
    Missing,
}

impl Text {
    /// A text as written, with no translation yet.
    pub fn new(source: Lang, text: String) -> Text {
        Text { by_lang: [(source, text)].into(), source, pending: BTreeMap::new(), marks: BTreeMap::new() }
    }

    /// The text as written, in the programme's source language.
    pub fn source_text(&self) -> &str {
        self.by_lang.get(&self.source).map_or("", String::as_str)
    }

    /// The marks of the text [`Text::for_edition`] gives for `lang`.
    pub fn marks_for(&self, lang: Lang) -> &[Span] {
        let lang = if self.by_lang.contains_key(&lang) { lang } else { self.source };
        self.marks.get(&lang).map_or(&[], Vec::as_slice)
    }

    /// The text for an edition: its own language where present, else the source text.
    /// Returns the language the returned text is actually in.
    pub fn for_edition(&self, lang: Lang) -> (&str, Lang) {
        match self.by_lang.get(&lang) {
            Some(t) => (t, lang),
            None => (self.source_text(), self.source),
        }
    }
}

/// A text is compared (and serialized) as what it says in its source language: its
/// translations are compared as the translation files' entries (`review::compare`).
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.source_text())
    }
}

/// A narrative serializes as its source-language paragraphs, each block's tagged with its scope.
impl Serialize for Narrative {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.paragraphs().join("\n\n"))
    }
}

impl Narrative {
    /// The source-language paragraphs (whitespace normalised), each prefixed with `[scope] `
    /// when its block belongs to one: what a reviewer compares.
    pub fn paragraphs(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for block in &self.blocks {
            let tag = block.scope.as_ref().map(|s| format!("[{}] ", s.id())).unwrap_or_default();
            let mut runs_on = block.continues && !out.is_empty();
            for para in
                block.text.source_text().split("\n\n").map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            {
                if para.is_empty() {
                    continue;
                }
                match out.last_mut() {
                    // A continuing block's first paragraph is the previous one's end.
                    Some(last) if runs_on => last.push_str(&format!(" {tag}{para}")),
                    _ => out.push(format!("{tag}{para}")),
                }
                runs_on = false;
            }
        }
        out
    }
}

/// A block of narrative (Markdown) belonging to the whole programme or to one scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub scope: Option<Scope>,
    /// Printed as the continuation of the previous block's last paragraph.
    pub continues: bool,
    pub text: Text,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Narrative {
    pub blocks: Vec<Block>,
}

impl Narrative {
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(|b| b.text.by_lang.values().all(|t| t.trim().is_empty()))
    }
}
