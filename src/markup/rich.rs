//! Rich text as data: what the view builder makes of a narrative's Markdown and of a short
//! text, and what the templates print through the writer ([`super::write`]). Nothing here is
//! typst: a template decides how each kind looks.

use serde::Serialize;

/// A run of text inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    Text { text: String },
    Emph { body: Vec<Inline> },
    Strong { body: Vec<Inline> },
}

/// A block of a narrative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        body: Vec<Inline>,
    },
    /// A Markdown heading: printed as a strong line, the form has no headings of the texts'.
    Heading {
        body: Vec<Inline>,
    },
    /// A bullet list (`start` is `None`) or a numbered one.
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
}

/// A narrative's blocks, in order.
pub type Flow = Vec<Block>;

impl Inline {
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text { text: text.into() }
    }
}

/// Appends `run` to `runs`, joined to the last run when both are plain text.
pub(super) fn push_run(runs: &mut Vec<Inline>, run: Inline) {
    match (runs.last_mut(), run) {
        (Some(Inline::Text { text }), Inline::Text { text: more }) => text.push_str(&more),
        (_, run) => runs.push(run),
    }
}
