//! The label catalogue (`templates/labels.yaml`): every fixed string the templates print, in
//! every edition language. A label without a translation is an error, not a silent fallback.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::form::{FieldLimit, Form, FormError};
use crate::i18n::lang::Lang;
use crate::i18n::number::NumberFormat;
use crate::yaml::{self, RepeatedKey};

/// What can go wrong with the catalogue or a label.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error(transparent)]
    Read(#[from] FormError),
    #[error("`{path}`: {message}")]
    Parse { path: String, message: String },
    #[error("{}", repeated_keys(path, repeats))]
    Repeated { path: String, repeats: Vec<RepeatedKey> },
    #[error("labels without a translation: {0}")]
    Untranslated(String),
    #[error("label `{0}` is not in the catalogue")]
    Unknown(String),
    #[error("the label catalogue has no language `{0}` (it has: {1})")]
    NoLanguage(String, String),
}

/// One label: its wording per language (`fr: ..., en: ..., nl: ...`).
#[derive(Debug, Clone, Deserialize)]
struct RawLabel {
    /// Languages whose wording is an unverified reconstruction.
    #[serde(default)]
    unverified: Vec<Lang>,
    #[serde(flatten)]
    texts: BTreeMap<Lang, String>,
}

impl RawLabel {
    /// The wording in `lang`, if the catalogue has one.
    fn get(&self, lang: Lang) -> Option<&str> {
        self.texts.get(&lang).map(String::as_str)
    }
}

/// All labels, all languages; and the form's field limits, the other data of the form that
/// every check needs (read with the labels, once).
#[derive(Debug, Clone)]
pub struct Catalogue {
    labels: BTreeMap<String, RawLabel>,
    pub limits: Vec<FieldLimit>,
}

/// The labels of one language, as templates and the view use them, and how it writes numbers.
#[derive(Debug, Clone)]
pub struct Labels {
    pub lang: Lang,
    pub number: NumberFormat,
    map: BTreeMap<String, String>,
}

impl Catalogue {
    /// The form's catalogue: the project's `templates/labels.yaml`, or the built-in one.
    pub fn load(form: &Form) -> Result<Catalogue, LabelError> {
        let file = form.template("labels.yaml")?;
        let catalogue = Catalogue::parse(file.text("templates")?, &file.shown("templates"))?;
        Ok(Catalogue { limits: form.limits()?, ..catalogue })
    }

    /// Reads the catalogue's text; `path` is what errors call the file. A key written twice
    /// is refused, as in content: serde would keep the last wording silently.
    pub fn parse(text: &str, path: &str) -> Result<Catalogue, LabelError> {
        let repeats = yaml::outline(text).repeated_keys;
        if !repeats.is_empty() {
            return Err(LabelError::Repeated { path: path.to_string(), repeats });
        }
        let labels = serde_yaml::from_str(text)
            .map_err(|e| LabelError::Parse { path: path.to_string(), message: e.to_string() })?;
        Ok(Catalogue { labels, limits: Vec::new() })
    }

    /// The languages the catalogue prints: those of its `lang.code` label.
    pub fn langs(&self) -> Vec<Lang> {
        self.labels.get("lang.code").map(|l| l.texts.keys().copied().collect()).unwrap_or_default()
    }

    /// Keys that lack a translation in some language, as `key (lang)`.
    pub fn missing_translations(&self) -> Vec<String> {
        let mut missing = Vec::new();
        for (key, label) in &self.labels {
            for lang in self.langs() {
                // A number separator may be a space; every other label must say something.
                if label.get(lang).is_none_or(|t| t.is_empty() || (t.trim().is_empty() && !key.starts_with("number.")))
                {
                    missing.push(format!("{key} ({lang})"));
                }
            }
        }
        missing
    }

    /// Whether the catalogue has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.labels.contains_key(key)
    }

    /// The rest of the keys that start with `prefix` (`indicator.so1.` → `c1`, ...).
    pub fn ids_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.labels.keys().filter_map(move |k| k.strip_prefix(prefix))
    }

    /// Keys whose wording in `lang` is marked unverified.
    pub fn unverified(&self, lang: Lang) -> Vec<&str> {
        self.labels.iter().filter(|(_, l)| l.unverified.contains(&lang)).map(|(k, _)| k.as_str()).collect()
    }

    /// The labels of one language. Fails when any label lacks that language.
    pub fn for_lang(&self, lang: Lang) -> Result<Labels, LabelError> {
        let langs = self.langs();
        if !langs.contains(&lang) {
            let known: Vec<String> = langs.iter().map(Lang::to_string).collect();
            return Err(LabelError::NoLanguage(lang.to_string(), known.join(", ")));
        }
        let missing = self.missing_translations();
        if !missing.is_empty() {
            return Err(LabelError::Untranslated(missing.join(", ")));
        }
        let map: BTreeMap<String, String> =
            self.labels.iter().map(|(k, l)| (k.clone(), l.get(lang).unwrap_or_default().to_string())).collect();
        let number = NumberFormat {
            decimal: map.get("number.decimal").cloned().unwrap_or_default(),
            group: map.get("number.group").cloned().unwrap_or_default(),
        };
        Ok(Labels { lang, number, map })
    }
}

impl Labels {
    /// The label for `key`; an unknown key is an error naming it.
    pub fn get(&self, key: &str) -> Result<&str, LabelError> {
        self.map.get(key).map(String::as_str).ok_or_else(|| LabelError::Unknown(key.to_string()))
    }

    /// The label with its `{name}` placeholders filled in, in one pass: a value is never
    /// scanned for placeholders itself (a title may contain braces).
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> Result<String, LabelError> {
        Ok(substitute(self.get(key)?, values))
    }

    /// The pattern of `key` cut into the label's own words and the places of the values
    /// named `names` (by their index): for values that are not plain text (a title's runs).
    pub fn fill_pieces(&self, key: &str, names: &[&str]) -> Result<Vec<Filled<'_>>, LabelError> {
        Ok(pieces(self.get(key)?, names))
    }

    /// Whether a bilingual document prints `key` in its first language only: codes (`OS1.ON1`)
    /// are not sentences, and numbers and typography are the first language's.
    pub fn keeps_first(key: &str) -> bool {
        key.starts_with("number.") || key.starts_with("typography.") || key.starts_with("abbr.")
    }

    pub fn all(&self) -> &BTreeMap<String, String> {
        &self.map
    }
}

/// Every repeated key of the catalogue, one line each, at the second occurrence.
fn repeated_keys(path: &str, repeats: &[RepeatedKey]) -> String {
    let lines: Vec<String> = repeats
        .iter()
        .map(|r| {
            let (first, second) = (r.first, r.second);
            format!(
                "{path}:{}:{}: the key `{}` is written twice (first written at {path}:{}:{}); \
                 a merge conflict often leaves a key twice: keep one",
                second.line, second.column, r.path, first.line, first.column
            )
        })
        .collect();
    lines.join("\n")
}

/// Replaces each `{name}` of `pattern` that `values` names; other braces stay as written.
/// A piece of a filled pattern ([`Labels::fill_pieces`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filled<'a> {
    /// The label's own words.
    Words(&'a str),
    /// The value of that index.
    Value(usize),
}

/// `pattern` cut at its `{name}` placeholders; an unknown placeholder stays words.
fn pieces<'a>(pattern: &'a str, names: &[&str]) -> Vec<Filled<'a>> {
    let mut out = Vec::new();
    let mut rest = pattern;
    let mut words = 0;
    while let Some(open) = rest[words..].find('{').map(|i| i + words) {
        let after = &rest[open + 1..];
        let value =
            after.find('}').and_then(|close| names.iter().position(|n| *n == &after[..close]).map(|i| (close, i)));
        match value {
            Some((close, i)) => {
                if open > 0 {
                    out.push(Filled::Words(&rest[..open]));
                }
                out.push(Filled::Value(i));
                rest = &after[close + 1..];
                words = 0;
            }
            None => words = open + 1,
        }
    }
    if !rest.is_empty() {
        out.push(Filled::Words(rest));
    }
    out
}

fn substitute(pattern: &str, values: &[(&str, &str)]) -> String {
    let names: Vec<&str> = values.iter().map(|(name, _)| *name).collect();
    pieces(pattern, &names)
        .into_iter()
        .map(|piece| match piece {
            Filled::Words(words) => words,
            Filled::Value(i) => values[i].1,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Lang {
        "fr".parse().unwrap()
    }

    #[test]
    fn the_built_in_catalogue_is_complete() {
        let catalogue = Catalogue::load(&Form::built_in()).unwrap();
        assert_eq!(catalogue.missing_translations(), Vec::<String>::new());
        assert!(catalogue.unverified(Lang::EN).contains(&"section.summary"));
    }

    #[test]
    fn a_label_without_translation_fails() {
        let c = Catalogue::parse("lang.code: {fr: FR, en: EN}\na: {fr: Un, en: One}\nb: {fr: Deux}\n", "labels.yaml")
            .unwrap();
        assert_eq!(c.missing_translations(), vec!["b (en)".to_string()]);
        assert!(c.for_lang(fr()).unwrap_err().to_string().contains("b (en)"));
        assert!(c.for_lang("nl".parse().unwrap()).unwrap_err().to_string().contains("has no language `nl`"));
    }

    #[test]
    fn placeholders_are_filled() {
        let c = Catalogue::parse(
            "lang.code: {fr: FR, en: EN}\nt: {fr: 'Somme de {amount} €', en: '{amount} € sum'}\n",
            "labels.yaml",
        )
        .unwrap();
        assert_eq!(c.for_lang(fr()).unwrap().fill("t", &[("amount", "10 000")]).unwrap(), "Somme de 10 000 €");
        assert!(c.for_lang(Lang::EN).unwrap().get("nope").is_err());
        let t = Catalogue::parse("lang.code: {fr: FR, en: EN}\nt: {fr: '{a}-{b}', en: '{a} {b} {c}'}\n", "labels.yaml")
            .unwrap()
            .for_lang(Lang::EN)
            .unwrap();
        assert_eq!(t.fill("t", &[("a", "{b}"), ("b", "x")]).unwrap(), "{b} x {c}");
    }

    #[test]
    fn a_label_or_wording_written_twice_is_refused_at_each_repeat() {
        let text = "lang.code: {fr: FR, en: EN}\na:\n  fr: Un\n  en: One\n  fr: Une\nb: {fr: Deux, en: Two}\na: {fr: X, en: X}\n";
        let e = Catalogue::parse(text, "templates/labels.yaml").unwrap_err().to_string();
        assert_eq!(
            e,
            "templates/labels.yaml:5:3: the key `a.fr` is written twice (first written at templates/labels.yaml:3:3); \
             a merge conflict often leaves a key twice: keep one\n\
             templates/labels.yaml:7:1: the key `a` is written twice (first written at templates/labels.yaml:2:1); \
             a merge conflict often leaves a key twice: keep one"
        );
    }
}
