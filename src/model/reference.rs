//! The reference list (`content/reference.yaml`): the resettlement categories and countries
//! the special cases refer to by id. They are content, so another Member State declares its
//! own, and an undeclared id is refused with the declared ones listed.
//!
//! Names are written per language inline, not as translation units of the PO files: they are
//! terms the Union defines in every language (Annex III priorities, names of States) and the
//! form prints them as it prints its labels, in the edition's language even where the texts
//! stay in the submission language (the submission print `texts: source` prints
//! "Réfugiés syriens dans la région" beside English texts). A PO unit would follow the texts'
//! language instead, and its staleness rules are for the programme's own prose.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::build::Builder;
use crate::i18n::Lang;
use crate::load::raw::{RawReference, RawTerm};

/// A term of the reference list: its id, its name per language.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub id: String,
    pub name: BTreeMap<Lang, String>,
    /// Languages whose name is an unverified reconstruction (informative, as in the catalogue).
    pub unverified: Vec<Lang>,
}

/// The declared terms, by kind.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Reference {
    pub resettlement_categories: Vec<Term>,
    pub countries: Vec<Term>,
}

impl Reference {
    /// The lists, each with its YAML key and what one of its terms is called.
    pub fn lists(&self) -> [(&'static str, &'static str, &[Term]); 2] {
        [
            ("resettlement_categories", "resettlement category", &self.resettlement_categories),
            ("countries", "country", &self.countries),
        ]
    }
}

/// The name of term `id` of `terms` in `lang`, if declared.
pub fn name_of<'a>(terms: &'a [Term], id: &str, lang: Lang) -> Option<&'a str> {
    terms.iter().find(|t| t.id == id)?.name.get(&lang).map(String::as_str)
}

impl Builder<'_> {
    /// The reference list, its ids unique and its names not empty.
    pub(super) fn reference(&mut self, raw: RawReference) -> Reference {
        Reference {
            resettlement_categories: self.terms(raw.resettlement_categories, "resettlement_categories", "category"),
            countries: self.terms(raw.countries, "countries", "country"),
        }
    }

    fn terms(&mut self, raw: Vec<RawTerm>, list: &str, what: &str) -> Vec<Term> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, t) in raw.into_iter().enumerate() {
            if !seen.insert(t.id.clone()) {
                let msg = format!("{what} `{}` is declared twice", t.id);
                self.error("id-duplicate", &format!("{list}[{i}].id"), msg, None);
            }
            let empty: Vec<Lang> = t.name.iter().filter(|(_, n)| n.trim().is_empty()).map(|(l, _)| *l).collect();
            for lang in empty {
                let hint = Some("write the name, or remove the language".to_string());
                self.error("text-empty", &format!("{list}[{i}].name.{lang}"), "this name is empty".into(), hint);
            }
            out.push(Term { id: t.id, name: t.name, unverified: t.unverified });
        }
        out
    }

    /// A reference to a declared term: an unknown id is an error at `path`, with a
    /// did-you-mean among the declared ids.
    pub(super) fn declared(&mut self, terms: &[Term], id: &str, what: &str, path: &str) {
        if terms.iter().any(|t| t.id == id) {
            return;
        }
        let mut ids: Vec<&str> = Vec::new();
        for t in terms {
            if !ids.contains(&t.id.as_str()) {
                ids.push(&t.id);
            }
        }
        let hint = if ids.is_empty() {
            format!("reference.yaml declares no {what}")
        } else {
            crate::diag::suggest::hint(id, &ids, "reference.yaml declares")
        };
        self.error("id-unknown", path, format!("unknown {what} `{id}`"), Some(hint));
    }
}
