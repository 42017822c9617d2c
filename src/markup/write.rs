//! The writer: rich text ([`super::rich`]) → typst markup. Every text run goes through the
//! escaper, so content prints literally; structure becomes typst's own markup (paragraphs,
//! `-`/`1.` lists), emphasis its `emph`/`strong` functions, and the rest calls the functions
//! the templates define, which decide how it looks: `pair` (a bilingual wording), `fallback`
//! (a passage printed in the source language for want of a translation), `rl-ins`
//! and `rl-del` (inserted and deleted words), `rl-new` and `rl-old` (a changed value).

use super::escape::{typst_markup, typst_string};
use super::rich::{Block, Inline, Pair};

/// A narrative's blocks as typst markup.
pub fn flow(blocks: &[Block]) -> String {
    let mut w = Writer { out: String::new() };
    for block in blocks {
        w.top_block(block);
    }
    w.out.trim_end().to_string()
}

/// Runs as inline typst markup.
pub fn runs(runs: &[Inline]) -> String {
    let mut w = Writer { out: String::new() };
    w.runs(runs);
    w.out
}

struct Writer {
    out: String,
}

impl Writer {
    fn top_block(&mut self, block: &Block) {
        match block {
            Block::Paragraph { body } => {
                self.runs(body);
                self.out.push_str("\n\n");
            }
            Block::Heading { body } => self.heading(body),
            Block::List { start, items } => {
                self.list(*start, items, 1);
                while !self.out.ends_with("\n\n") {
                    self.out.push('\n');
                }
            }
        }
    }

    fn heading(&mut self, body: &[Inline]) {
        self.out.push_str("#strong[");
        self.runs(body);
        self.out.push_str("]\n\n");
    }

    /// A list at nesting `depth` (1 for a top-level list): one item per line, indented two
    /// spaces per level; an item's later paragraphs on their own lines at the item's depth.
    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], depth: usize) {
        for (n, item) in (start.unwrap_or(0)..).zip(items) {
            if !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            self.out.push_str(&"  ".repeat(depth - 1));
            match start {
                Some(_) => self.out.push_str(&format!("{n}. ")),
                None => self.out.push_str("- "),
            }
            let mut has_text = false;
            for block in item {
                match block {
                    Block::Paragraph { body } => {
                        if has_text {
                            self.out.push_str("\n\n");
                            self.out.push_str(&"  ".repeat(depth));
                        }
                        has_text = true;
                        self.runs(body);
                    }
                    Block::Heading { body } => self.heading(body),
                    Block::List { start, items } => self.list(*start, items, depth + 1),
                }
            }
            if !self.out.ends_with('\n') {
                self.out.push('\n');
            }
        }
    }

    fn runs(&mut self, runs: &[Inline]) {
        for run in runs {
            match run {
                Inline::Text { text } => self.out.push_str(&typst_markup(text)),
                Inline::Emph { body } => self.call("#emph[", body),
                Inline::Strong { body } => self.call("#strong[", body),
                Inline::Lang { lang, body } => self.call(&format!("#text(lang: \"{}\")[", typst_string(lang)), body),
                Inline::Pair(Pair { first, second }) => {
                    let (a, b) = (typst_string(&first.lang), typst_string(&second.lang));
                    self.call(&format!("#pair(\"{a}\", \"{b}\")["), &first.body);
                    self.call("[", &second.body);
                }
                Inline::Fallback { lang, body } => self.call(&format!("#fallback(\"{}\")[", typst_string(lang)), body),
                Inline::Inserted { body } => self.call("#rl-ins[", body),
                Inline::Deleted { body } => self.call("#rl-del[", body),
                Inline::Changed { new, old } => {
                    self.call("#rl-new[", new);
                    self.call("#rl-old[", old);
                }
            }
        }
    }

    fn call(&mut self, open: &str, body: &[Inline]) {
        self.out.push_str(open);
        self.runs(body);
        self.out.push(']');
    }
}

/// A view value as the templates' `markup` filter prints it: a string escaped, runs written,
/// nothing for none. Anything else is a template's mistake, named in the error.
pub fn value(value: &serde_json::Value) -> Result<String, String> {
    use serde_json::Value;
    match value {
        Value::Null => Ok(String::new()),
        Value::String(text) => Ok(typst_markup(text)),
        Value::Number(n) => Ok(typst_markup(&n.to_string())),
        Value::Array(_) => serde_json::from_value::<Vec<Inline>>(value.clone())
            .map(|r| runs(&r))
            .map_err(|e| format!("markup expects text or runs (blocks print with `flow`): {e}")),
        other => Err(format!("markup expects text or runs, not {other}")),
    }
}

/// A narrative's blocks as the templates' `flow` filter prints them.
pub fn flow_value(value: &serde_json::Value) -> Result<String, String> {
    serde_json::from_value::<Vec<Block>>(value.clone())
        .map(|blocks| flow(&blocks))
        .map_err(|e| format!("flow expects blocks (text and runs print with `markup`): {e}"))
}
