//! The writer: rich text ([`super::rich`]) → typst markup. Every text run goes through the
//! escaper, so content prints literally; structure becomes typst's own markup (paragraphs,
//! `-`/`1.` lists) and emphasis its `emph`/`strong` functions.

use super::rich::{Block, Inline};

/// A narrative's blocks as typst markup; `escape` writes a text run.
pub fn flow(blocks: &[Block], escape: fn(&str) -> String) -> String {
    let mut w = Writer { out: String::new(), escape };
    for block in blocks {
        w.top_block(block);
    }
    w.out.trim_end().to_string()
}

/// Blocks as one line of inline markup (a title): paragraphs run on, separated by a space.
pub fn inline_flow(blocks: &[Block], escape: fn(&str) -> String) -> String {
    flow(blocks, escape).replace("\n\n", " ")
}

/// Runs as inline typst markup.
pub fn runs(runs: &[Inline], escape: fn(&str) -> String) -> String {
    let mut w = Writer { out: String::new(), escape };
    w.runs(runs);
    w.out
}

struct Writer {
    out: String,
    escape: fn(&str) -> String,
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
                Inline::Text { text } => self.out.push_str(&(self.escape)(text)),
                Inline::Emph { body } => self.call("#emph[", body),
                Inline::Strong { body } => self.call("#strong[", body),
            }
        }
    }

    fn call(&mut self, open: &str, body: &[Inline]) {
        self.out.push_str(open);
        self.runs(body);
        self.out.push(']');
    }
}
