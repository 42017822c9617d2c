//! The label catalogue (`templates/labels.yaml`): every fixed string the templates print, in
//! every edition language. A label without a translation is an error, not a silent fallback.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::lang::Lang;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    fr: Option<String>,
    en: Option<String>,
    /// Languages whose wording is an unverified reconstruction.
    #[serde(default)]
    unverified: Vec<Lang>,
}

/// All labels, all languages.
#[derive(Debug, Clone)]
pub struct Catalogue {
    labels: BTreeMap<String, RawLabel>,
}

/// The labels of one language, as templates and the view use them.
#[derive(Debug, Clone)]
pub struct Labels {
    pub lang: Lang,
    map: BTreeMap<String, String>,
}

impl Catalogue {
    pub fn load(path: &Path) -> Result<Catalogue, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        Catalogue::parse(&text).map_err(|e| format!("`{}`: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Catalogue, String> {
        let labels = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        Ok(Catalogue { labels })
    }

    /// Keys that lack a translation in some language, as `key (lang)`.
    pub fn missing_translations(&self) -> Vec<String> {
        let mut missing = Vec::new();
        for (key, label) in &self.labels {
            for lang in Lang::ALL {
                let text = match lang {
                    Lang::Fr => &label.fr,
                    Lang::En => &label.en,
                };
                if text.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    missing.push(format!("{key} ({lang})"));
                }
            }
        }
        missing
    }

    /// Keys whose wording in `lang` is marked unverified.
    pub fn unverified(&self, lang: Lang) -> Vec<&str> {
        self.labels.iter().filter(|(_, l)| l.unverified.contains(&lang)).map(|(k, _)| k.as_str()).collect()
    }

    /// The labels of one language. Fails when any label lacks that language.
    pub fn for_lang(&self, lang: Lang) -> Result<Labels, String> {
        let missing = self.missing_translations();
        if !missing.is_empty() {
            return Err(format!("labels without a translation: {}", missing.join(", ")));
        }
        let map = self
            .labels
            .iter()
            .map(|(k, l)| {
                let text = match lang {
                    Lang::Fr => l.fr.clone(),
                    Lang::En => l.en.clone(),
                };
                (k.clone(), text.unwrap_or_default())
            })
            .collect();
        Ok(Labels { lang, map })
    }
}

impl Labels {
    /// The label for `key`; an unknown key is an error naming it.
    pub fn get(&self, key: &str) -> Result<&str, String> {
        self.map.get(key).map(String::as_str).ok_or_else(|| format!("label `{key}` is not in the catalogue"))
    }

    /// The label with its `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> Result<String, String> {
        let mut text = self.get(key)?.to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        Ok(text)
    }

    pub fn all(&self) -> &BTreeMap<String, String> {
        &self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalogue_is_complete() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/labels.yaml");
        let catalogue = Catalogue::load(&path).unwrap();
        assert_eq!(catalogue.missing_translations(), Vec::<String>::new());
        assert!(catalogue.unverified(Lang::En).contains(&"section.summary"));
    }

    #[test]
    fn a_label_without_translation_fails() {
        let c = Catalogue::parse("a: {fr: Un, en: One}\nb: {fr: Deux}\n").unwrap();
        assert_eq!(c.missing_translations(), vec!["b (en)".to_string()]);
        assert!(c.for_lang(Lang::Fr).unwrap_err().contains("b (en)"));
    }

    #[test]
    fn placeholders_are_filled() {
        let c = Catalogue::parse("t: {fr: 'Somme de {amount} €', en: '{amount} € sum'}\n").unwrap();
        assert_eq!(c.for_lang(Lang::Fr).unwrap().fill("t", &[("amount", "10 000")]).unwrap(), "Somme de 10 000 €");
        assert!(c.for_lang(Lang::En).unwrap().get("nope").is_err());
    }
}
