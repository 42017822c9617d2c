//! Rich text as data: what the view builder makes of a narrative's Markdown and of a short
//! text, and what the templates print through the writer ([`super::write`]). Nothing here is
//! typst: a template decides how each kind looks.

use serde::{Deserialize, Serialize};

/// A run of text inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emph {
        body: Vec<Inline>,
    },
    Strong {
        body: Vec<Inline>,
    },
    /// A passage in another language than the document's, tagged with it.
    Lang {
        lang: String,
        body: Vec<Inline>,
    },
    /// A bilingual edition's wording in both languages (`Total / Totaal`), each side tagged.
    Pair(Pair),
    /// Printed in another language than the edition's because its translation is missing or
    /// out of date.
    Fallback {
        lang: String,
        body: Vec<Inline>,
    },
    /// Words a change inserted, or deleted (a redline, a translation's review).
    Inserted {
        body: Vec<Inline>,
    },
    Deleted {
        body: Vec<Inline>,
    },
    /// A value a change replaced (a redline's table cell or label): the new one, and the old.
    Changed {
        new: Vec<Inline>,
        old: Vec<Inline>,
    },
}

/// A wording in two languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub first: Side,
    pub second: Side,
}

impl Pair {
    pub fn new(a: impl std::fmt::Display, first: Vec<Inline>, b: impl std::fmt::Display, second: Vec<Inline>) -> Pair {
        Pair { first: Side { lang: a.to_string(), body: first }, second: Side { lang: b.to_string(), body: second } }
    }
}

/// One language's side of a [`Pair`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub lang: String,
    pub body: Vec<Inline>,
}

/// A block of a narrative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

    /// `body` tagged with `lang`.
    pub fn lang(lang: impl std::fmt::Display, body: Vec<Inline>) -> Inline {
        Inline::Lang { lang: lang.to_string(), body }
    }
}

/// Plain text as runs (none for an empty text).
pub fn text(text: impl Into<String>) -> Vec<Inline> {
    let text = text.into();
    if text.is_empty() { vec![] } else { vec![Inline::text(text)] }
}

/// A narrative's blocks as one line of runs (a title): paragraphs and list items run on,
/// separated by a space.
pub fn inline(blocks: &[Block]) -> Vec<Inline> {
    let mut out = Vec::new();
    for block in blocks {
        let runs = match block {
            Block::Paragraph { body } | Block::Heading { body } => body.clone(),
            Block::List { items, .. } => items.iter().flat_map(|item| inline(item)).collect(),
        };
        if !out.is_empty() && !runs.is_empty() {
            push_run(&mut out, Inline::text(" "));
        }
        for run in runs {
            push_run(&mut out, run);
        }
    }
    out
}

/// The runs' text without markup (PDF metadata, alternative texts); a pair as `first / second`.
pub fn plain(runs: &[Inline]) -> String {
    runs.iter()
        .map(|run| match run {
            Inline::Text { text } => text.clone(),
            Inline::Pair(Pair { first, second }) => format!("{} / {}", plain(&first.body), plain(&second.body)),
            Inline::Emph { body }
            | Inline::Strong { body }
            | Inline::Lang { body, .. }
            | Inline::Fallback { body, .. }
            | Inline::Inserted { body }
            | Inline::Deleted { body } => plain(body),
            Inline::Changed { new, .. } => plain(new),
        })
        .collect()
}

/// `next` run on after `flow`: its first paragraph continues `flow`'s last one (inside a
/// list's last item if `flow` ends with a list), after a space; its other blocks follow.
pub fn run_on(flow: &mut Flow, next: Flow) {
    let mut rest = next.into_iter();
    match (last_paragraph(flow), rest.next()) {
        (Some(runs), Some(Block::Paragraph { body })) => {
            push_run(runs, Inline::text(" "));
            for run in body {
                push_run(runs, run);
            }
        }
        (_, Some(first)) => flow.push(first),
        (_, None) => {}
    }
    flow.extend(rest);
}

fn last_paragraph(flow: &mut [Block]) -> Option<&mut Vec<Inline>> {
    match flow.last_mut()? {
        Block::Paragraph { body } => Some(body),
        Block::Heading { .. } => None,
        Block::List { items, .. } => last_paragraph(items.last_mut()?),
    }
}

/// Appends `run` to `runs`, joined to the last run when both are plain text or both the same
/// mark (one inserted run, not one per word).
pub fn push_run(runs: &mut Vec<Inline>, run: Inline) {
    match (runs.last_mut(), run) {
        (Some(Inline::Text { text }), Inline::Text { text: more }) => text.push_str(&more),
        (Some(Inline::Inserted { body }), Inline::Inserted { body: more })
        | (Some(Inline::Deleted { body }), Inline::Deleted { body: more }) => {
            more.into_iter().for_each(|run| push_run(body, run))
        }
        (Some(Inline::Fallback { lang, body }), Inline::Fallback { lang: other, body: more }) if *lang == other => {
            more.into_iter().for_each(|run| push_run(body, run))
        }
        (_, run) => runs.push(run),
    }
}

/// Every paragraph's runs of `flow` wrapped by `wrap` (a unit printed in another language).
pub fn wrap_flow(flow: Flow, wrap: &impl Fn(Vec<Inline>) -> Inline) -> Flow {
    flow.into_iter()
        .map(|block| match block {
            Block::Paragraph { body } => Block::Paragraph { body: vec![wrap(body)] },
            Block::Heading { body } => Block::Heading { body: vec![wrap(body)] },
            Block::List { start, items } => {
                Block::List { start, items: items.into_iter().map(|item| wrap_flow(item, wrap)).collect() }
            }
        })
        .collect()
}
