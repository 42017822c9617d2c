//! Languages, by their ISO 639-1 code. Which languages exist is data, not code: the label
//! catalogue (`templates/labels.yaml`) says which languages the form can be printed in, and
//! `content/translations/<lang>.po` which ones the texts are translated into.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language: a two-letter ISO 639-1 code (`fr`, `en`, `nl`, `de`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang([u8; 2]);

impl Lang {
    /// English: the language of amif-doc's own messages (diagnostics, change reports).
    pub const EN: Lang = Lang(*b"en");

    /// The ISO 639-1 code, as typst's `text(lang:)`, file names and PO files use it.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.as_bytes() {
            [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => Ok(Lang([*a, *b])),
            _ => Err(format!(
                "unknown language `{s}` (a language is its two-letter ISO 639-1 code: fr, nl, de, en, ...)"
            )),
        }
    }
}

/// What `--lang` chooses: a language (`fr`: the editions printed in it) or a pair (`fr-en`:
/// the bilingual editions printed in both, first language first).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LangChoice {
    One(Lang),
    Pair(Lang, Lang),
}

impl fmt::Display for LangChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LangChoice::One(lang) => write!(f, "{lang}"),
            LangChoice::Pair(a, b) => write!(f, "{a}-{b}"),
        }
    }
}

impl FromStr for LangChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.split_once('-') {
            Some((a, b)) => match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) => Ok(LangChoice::Pair(a, b)),
                _ => Err(format!("unknown language pair `{s}` (a pair is two ISO 639-1 codes: fr-en)")),
            },
            None => s.parse().map(LangChoice::One),
        }
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

/// In the JSON Schema of the content files: a two-letter ISO 639-1 code.
impl schemars::JsonSchema for Lang {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Lang".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A language: its two-letter ISO 639-1 code, as the label catalogue lists it (fr, en, nl, de).",
            "type": "string",
            "pattern": "^[a-z]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_two_letter_code_is_a_language() {
        assert_eq!("nl".parse::<Lang>().unwrap().code(), "nl");
        assert_eq!("en".parse::<Lang>().unwrap(), Lang::EN);
        assert!("NL".parse::<Lang>().is_err() && "fra".parse::<Lang>().is_err());
    }

    #[test]
    fn a_choice_is_a_language_or_a_pair() {
        let (fr, en) = ("fr".parse().unwrap(), Lang::EN);
        assert_eq!("fr".parse::<LangChoice>(), Ok(LangChoice::One(fr)));
        assert_eq!("fr-en".parse::<LangChoice>(), Ok(LangChoice::Pair(fr, en)));
        assert_eq!(LangChoice::Pair(fr, en).to_string(), "fr-en");
        assert!("fr-".parse::<LangChoice>().is_err() && "fr-en-de".parse::<LangChoice>().is_err());
    }
}
