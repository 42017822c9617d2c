//! Edition languages and government scopes: the two axes every text is tagged with.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language an edition can be printed in, and a text can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// Every language amif-doc prints, in the order editions are built.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code, as typst's `text(lang:)` and file names use it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}` (expected `fr` or `en`)")),
        }
    }
}

/// The level of government a block of content belongs to. No scope means the whole programme.
///
/// In Belgium integration is a competence of the communities, so parts of the programme are
/// written for one of them; excerpts are built on this tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Federal,
    Flemish,
    French,
    German,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::Federal, Scope::Flemish, Scope::French, Scope::German];

    /// The id used in content files, label keys and file names.
    pub fn id(self) -> &'static str {
        match self {
            Scope::Federal => "federal",
            Scope::Flemish => "flemish",
            Scope::French => "french",
            Scope::German => "german",
        }
    }
}

impl FromStr for Scope {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Scope::ALL
            .into_iter()
            .find(|scope| scope.id() == s)
            .ok_or_else(|| format!("unknown scope `{s}` (expected federal, flemish, french or german)"))
    }
}
