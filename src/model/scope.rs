//! Scopes: the levels of government parts of the programme belong to (excerpts are cut on
//! them). They are data: the programme declares them (`scopes:` in `programme.yaml`, each with
//! an id, a name and the tag an action heading prints), and content refers to them by id.

use serde::Serialize;

use super::Text;

/// A declared scope's id, as content refers to it (`scope: flemish`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Scope(pub String);

impl Scope {
    /// The id used in content files and file names.
    pub fn id(&self) -> &str {
        &self.0
    }
}

/// A scope as the programme declares it.
#[derive(Debug, Clone, Serialize)]
pub struct ScopeDecl {
    pub id: String,
    /// What an excerpt's heading calls it (`Flemish Community`).
    pub name: Text,
    /// What an action heading prints (`Action 13 (FL):`).
    pub tag: Text,
}
