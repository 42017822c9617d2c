//! Scopes: the level of government a piece of content belongs to (excerpts are cut on it).

use std::str::FromStr;

use serde::{Deserialize, Serialize};

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
