//! Narrative markup: a small Markdown subset (paragraphs, nested bullet and numbered lists,
//! *emphasis*, **strong**) parsed with pulldown-cmark and written out as typst markup.
//!
//! Everything else Markdown knows (headings, quotes, code, HTML, links) is printed as its
//! plain text, so content can never inject typst code: all text goes through the escaper.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::escape::typst_markup;

struct List {
    next: Option<u64>,
}

/// Converts Markdown to typst markup. Soft line breaks (one sentence per line) become spaces.
pub fn to_typst(markdown: &str) -> String {
    to_typst_with(markdown, typst_markup)
}

/// As [`to_typst`], with the text escaper to use (the redline edition marks changes with it).
pub fn to_typst_with(markdown: &str, escape: fn(&str) -> String) -> String {
    let typst_markup = escape;
    let mut out = String::new();
    let mut lists: Vec<List> = Vec::new();
    // Whether the current list item already holds a paragraph (loose lists).
    let mut item_has_text: Vec<bool> = Vec::new();
    for event in Parser::new_ext(markdown, Options::empty()) {
        match event {
            Event::Start(Tag::Paragraph) => {
                if let Some(has) = item_has_text.last_mut() {
                    if *has {
                        out.push_str("\n\n");
                        out.push_str(&"  ".repeat(lists.len()));
                    }
                    *has = true;
                }
            }
            Event::End(TagEnd::Paragraph) if lists.is_empty() => out.push_str("\n\n"),
            Event::Start(Tag::Heading { .. }) => out.push_str("#strong["),
            Event::End(TagEnd::Heading(_)) => out.push_str("]\n\n"),
            Event::Start(Tag::List(start)) => {
                lists.push(List { next: start });
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    while !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                }
            }
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                let list = lists.last_mut().expect("item inside a list");
                match &mut list.next {
                    Some(n) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    None => out.push_str("- "),
                }
                item_has_text.push(false);
            }
            Event::End(TagEnd::Item) => {
                item_has_text.pop();
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Emphasis) => out.push_str("#emph["),
            Event::Start(Tag::Strong) => out.push_str("#strong["),
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => out.push(']'),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                if let Some(has) = item_has_text.last_mut() {
                    *has = true;
                }
                out.push_str(&typst_markup(&bind_digit_groups(&text)));
            }
            // Code spans are not part of the subset: keep the backticks, print the text.
            Event::Code(text) => out.push_str(&typst_markup(&format!("`{text}`"))),
            Event::SoftBreak => out.push(' '),
            // No line breaks inside a paragraph: a hard break (two invisible trailing spaces,
            // or `\` at a line's end) is a space, as fmt removes trailing spaces anyway.
            Event::HardBreak => out.push(' '),
            Event::End(TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => out.push_str("\n\n"),
            _ => {}
        }
    }
    out.trim_end().to_string()
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

/// Converts one Markdown paragraph (a title) to inline typst markup, without paragraph breaks.
pub fn inline_to_typst(markdown: &str) -> String {
    to_typst(markdown).replace("\n\n", " ")
}

/// As [`inline_to_typst`], with the given escaper.
pub fn inline_to_typst_with(markdown: &str, escape: fn(&str) -> String) -> String {
    to_typst_with(markdown, escape).replace("\n\n", " ")
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
