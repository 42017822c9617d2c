//! Narrative markup: a small Markdown subset (paragraphs, nested bullet and numbered lists,
//! *emphasis*, **strong**) parsed with pulldown-cmark and written out as typst markup.
//!
//! Everything else Markdown knows (headings, quotes, code, HTML, links) is printed as its
//! plain text, so content can never inject typst code: all text goes through the escaper.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::rich::{Block, Flow, Inline, push_run};
use super::write;
use crate::i18n::Lang;

/// A stretch of a Markdown text (byte offsets) that is more than its words: words a change
/// inserted or deleted (a redline), or a passage printed in another language because its
/// translation is missing. Marks travel beside the text, never inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub mark: Mark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Inserted,
    Deleted,
    /// Printed in this language, the source's, in an edition of another one.
    Fallback(Lang),
}

impl Mark {
    fn wrap(self, body: Vec<Inline>) -> Inline {
        match self {
            Mark::Inserted => Inline::Inserted { body },
            Mark::Deleted => Inline::Deleted { body },
            Mark::Fallback(lang) => Inline::Fallback { lang: lang.to_string(), body },
        }
    }
}

/// Parses a narrative's Markdown into blocks. Soft line breaks (one sentence per line) and
/// hard ones are spaces; text is kept as written, with digit groups bound
/// ([`bind_digit_groups`]).
pub fn parse(markdown: &str) -> Flow {
    parse_marked(markdown, &[])
}

/// As [`parse`], with the text under each span wrapped in its mark's run.
pub fn parse_marked(markdown: &str, spans: &[Span]) -> Flow {
    let mut p = Parse::default();
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        match event {
            Event::Text(text) if !spans.is_empty() => {
                let exact = markdown.get(range.clone()) == Some(&*text);
                if exact {
                    // Cut where marks begin and end, so each piece takes the marks over it.
                    let mut cuts: Vec<usize> = spans
                        .iter()
                        .flat_map(|s| [s.range.start, s.range.end])
                        .filter(|at| range.contains(at) && *at > range.start)
                        .collect();
                    cuts.push(range.end);
                    cuts.sort_unstable();
                    cuts.dedup();
                    let mut from = range.start;
                    for to in cuts {
                        let piece = Inline::text(bind_digit_groups(&markdown[from..to]));
                        p.push(marked(piece, from, spans));
                        from = to;
                    }
                } else {
                    // Escapes or entities: the text is not the source's bytes; it takes the
                    // marks where it starts.
                    p.push(marked(Inline::text(bind_digit_groups(&text)), range.start, spans));
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::Code(_) if !spans.is_empty() => {
                let run = match &event {
                    Event::Code(text) => Inline::text(format!("`{text}`")),
                    _ => Inline::text(" "),
                };
                p.push(marked(run, range.start, spans));
            }
            event => p.event(event),
        }
    }
    p.close_paragraph();
    p.containers.pop().unwrap_or_default()
}

/// `run` inside the runs of every mark whose span holds byte `at`.
fn marked(run: Inline, at: usize, spans: &[Span]) -> Inline {
    spans.iter().filter(|s| s.range.contains(&at)).fold(run, |run, s| s.mark.wrap(vec![run]))
}

/// Where the parser is: the block containers open (the root, then one per list item), the
/// lists open, and the open paragraph or heading as a stack of run lists, its own first,
/// then one per emphasis open inside it (empty when no paragraph is open).
struct Parse {
    containers: Vec<Vec<Block>>,
    lists: Vec<(Option<u64>, Vec<Vec<Block>>)>,
    open: Vec<(Kind, Vec<Inline>)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading,
    Emph,
    Strong,
}

impl Default for Parse {
    fn default() -> Parse {
        Parse { containers: vec![Vec::new()], lists: Vec::new(), open: Vec::new() }
    }
}

impl Parse {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(Tag::Paragraph) => self.open_paragraph(Kind::Paragraph),
            Event::Start(Tag::Heading { .. }) => self.open_paragraph(Kind::Heading),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock) => self.close_paragraph(),
            Event::Start(Tag::List(start)) => {
                self.close_paragraph();
                self.lists.push((start, Vec::new()));
            }
            Event::End(TagEnd::List(_)) => {
                if let Some((start, items)) = self.lists.pop() {
                    self.container().push(Block::List { start, items });
                }
            }
            Event::Start(Tag::Item) => self.containers.push(Vec::new()),
            Event::End(TagEnd::Item) => {
                self.close_paragraph();
                let item = if self.containers.len() > 1 { self.containers.pop() } else { None };
                if let (Some(item), Some((_, items))) = (item, self.lists.last_mut()) {
                    items.push(item);
                }
            }
            Event::Start(Tag::Emphasis) => self.open_span(Kind::Emph),
            Event::Start(Tag::Strong) => self.open_span(Kind::Strong),
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => self.close_span(),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.push(Inline::text(bind_digit_groups(&text)));
            }
            // Code spans are not part of the subset: keep the backticks, print the text.
            Event::Code(text) => self.push(Inline::text(format!("`{text}`"))),
            // No line breaks inside a paragraph: a hard break (two invisible trailing spaces,
            // or `\` at a line's end) is a space, as fmt removes trailing spaces anyway.
            Event::SoftBreak | Event::HardBreak => self.push(Inline::text(" ")),
            _ => {}
        }
    }

    fn container(&mut self) -> &mut Vec<Block> {
        self.containers.last_mut().expect("the root container stays open")
    }

    fn open_paragraph(&mut self, kind: Kind) {
        self.close_paragraph();
        self.open.push((kind, Vec::new()));
    }

    /// The runs being written; text outside a paragraph (a tight list item's, a code
    /// block's) opens one.
    fn runs(&mut self) -> &mut Vec<Inline> {
        if self.open.is_empty() {
            self.open.push((Kind::Paragraph, Vec::new()));
        }
        &mut self.open.last_mut().expect("opened above").1
    }

    fn push(&mut self, run: Inline) {
        push_run(self.runs(), run);
    }

    fn open_span(&mut self, kind: Kind) {
        self.runs();
        self.open.push((kind, Vec::new()));
    }

    fn close_span(&mut self) {
        if self.open.len() < 2 {
            return;
        }
        let (kind, body) = self.open.pop().expect("a span is open");
        let run = if kind == Kind::Emph { Inline::Emph { body } } else { Inline::Strong { body } };
        self.runs().push(run);
    }

    fn close_paragraph(&mut self) {
        while self.open.len() > 1 {
            self.close_span();
        }
        let Some((kind, body)) = self.open.pop() else { return };
        let block = if kind == Kind::Heading { Block::Heading { body } } else { Block::Paragraph { body } };
        self.container().push(block);
    }
}

/// Converts Markdown to typst markup. Soft line breaks (one sentence per line) become spaces.
pub fn to_typst(markdown: &str) -> String {
    write::flow(&parse(markdown))
}

/// A number whose digits are grouped with ordinary spaces, as translators write them in
/// French, Dutch or German (`(4 927)`, `1 000 000`), gets no-break spaces between its groups,
/// so that it never breaks across a line. A space between a year and a count (`2015 300`) is
/// no group: a group starts with one to three digits after a non-digit.
pub fn bind_digit_groups(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        // A number starts after a space, a bracket, the start: not inside a word or `1,5`.
        let starts = digit(i) && (i == 0 || !(chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], ',' | '.')));
        if !starts {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut j = i;
        while digit(j) {
            j += 1;
        }
        out.extend(&chars[i..j]);
        if j - i <= 3 {
            while chars.get(j) == Some(&' ') && (1..=3).all(|k| digit(j + k)) && !digit(j + 4) {
                out.push('\u{a0}');
                out.extend(&chars[j + 1..j + 4]);
                j += 4;
            }
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A narrative cut into translation units and rebuilt with its own texts prints exactly
    /// as before.
    #[test]
    fn a_rebuilt_narrative_prints_as_before() {
        use crate::translation::units::{rebuild, segments};
        let md = "Intro sentence.\nSecond sentence.\n\n- item one\n  continued.\n- item two\n  1. nested\n\nLast.\n";
        let same = rebuild(&segments(md), |_, t| t.to_string());
        assert_eq!(to_typst(&same), to_typst(md));
    }

    #[test]
    fn markdown_becomes_blocks_and_runs() {
        let t = |s: &str| Inline::text(s);
        let para = |body: Vec<Inline>| Block::Paragraph { body };
        assert_eq!(
            parse("Intro *a* **b**\nnext.\n\n- one\n  1. inner\n- two\n"),
            vec![
                para(vec![
                    t("Intro "),
                    Inline::Emph { body: vec![t("a")] },
                    t(" "),
                    Inline::Strong { body: vec![t("b")] },
                    t(" next.")
                ]),
                Block::List {
                    start: None,
                    items: vec![
                        vec![
                            para(vec![t("one")]),
                            Block::List { start: Some(1), items: vec![vec![para(vec![t("inner")])]] }
                        ],
                        vec![para(vec![t("two")])],
                    ],
                },
            ]
        );
        assert_eq!(
            parse("# Title\n\n`code` 1 000"),
            vec![Block::Heading { body: vec![t("Title")] }, para(vec![t("`code` 1\u{a0}000")])]
        );
    }

    #[test]
    fn spans_become_marked_runs_wherever_they_fall() {
        let md = "Keep *old words* here\nand **new** ones.";
        let at = |word: &str| md.find(word).unwrap()..md.find(word).unwrap() + word.len();
        let spans = [
            Span { range: at("words"), mark: Mark::Deleted },
            Span { range: at("here\nand"), mark: Mark::Inserted },
            Span { range: at("new"), mark: Mark::Fallback(Lang::EN) },
        ];
        assert_eq!(
            write::flow(&parse_marked(md, &spans)),
            "Keep #emph[old #rl-del[words]] #rl-ins[here and] #strong[#fallback(\"en\")[new]] ones\\."
        );
        // No span: what parse gives.
        assert_eq!(parse_marked(md, &[]), parse(md));
    }

    #[test]
    fn a_hard_break_is_a_space() {
        // Two trailing spaces, or a backslash at the line's end: no line break in print.
        assert_eq!(to_typst("One  \nTwo\\\nThree"), "One Two Three");
    }

    #[test]
    fn digit_groups_are_bound_and_nothing_else() {
        let bound = |t: &str| bind_digit_groups(t).replace('\u{a0}', "~");
        assert_eq!(bound("(4 927) en 1 000 000 personen"), "(4~927) en 1~000~000 personen");
        assert_eq!(bound("For 2015 300 refugees, 12 persons, 100 1234"), "For 2015 300 refugees, 12 persons, 100 1234");
        assert_eq!(bound("20 854 and 6 000."), "20~854 and 6~000.");
        assert_eq!(bound("a1 234, 1,5 000"), "a1 234, 1,5 000");
    }

    #[test]
    fn sentences_per_line_join_into_one_paragraph() {
        assert_eq!(
            to_typst("One sentence.\nTwo sentences.\n\nNext paragraph."),
            "One sentence\\. Two sentences\\.\n\nNext paragraph\\."
        );
    }

    #[test]
    fn nested_lists_and_numbers() {
        let md = "Intro:\n\n1. First\n2. Second:\n   1. inner a\n   2. inner b\n3. Third\n\n- bullet\n  - sub\n";
        let expected = "Intro:\n\n1. First\n2. Second:\n  1. inner a\n  2. inner b\n3. Third\n\n- bullet\n  - sub";
        assert_eq!(to_typst(md), expected);
    }

    #[test]
    fn emphasis_becomes_functions() {
        assert_eq!(to_typst("a *b* **c**"), "a #emph[b] #strong[c]");
    }

    #[test]
    fn markup_characters_print_literally() {
        let md = "Item #1: $5 * 3 = 15, snake_case_x, @home, a<b, [note], C:\\dir, `c` // y /* z ~ - +";
        let expected = "Item \\#1: \\$5 \\* 3 \\= 15, snake\\_case\\_x, \\@home, a\\<b, \\[note\\], C:\\\\dir, \\`c\\` \\/\\/ y \\/\\* z \\~ \\- \\+";
        assert_eq!(to_typst(md), expected);
    }

    #[test]
    fn loose_list_items_keep_their_paragraphs_inside_the_item() {
        let md = "1. First\n\n   More.\n2. Second\n";
        assert_eq!(to_typst(md), "1. First\n\n  More\\.\n2. Second");
    }
}
