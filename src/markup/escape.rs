//! The typst escaper: makes any string print literally in typst markup.
//!
//! Installed as tera's escape function, so every `{{ value }}` from content or labels is
//! escaped by default. Every ASCII character with a meaning in typst markup gets a backslash:
//! `\ # $ * _ @ < > [ ] ` ~ = - + / .` (the last four also cover `//`, `/*`, list markers,
//! headings, `--`/`...` shorthands and URLs). Quotes stay bare so typst can set them per
//! language. Newlines become spaces: a value never starts a new markup line.

use crate::text::marks;

/// Escapes text for typst markup. A [`marks::fallback`] span becomes `#fallback("en")[...]`,
/// the template's function for text printed in another language than the edition's.
pub fn typst_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        match ch {
            marks::FALLBACK => {
                let lang: String = chars.by_ref().take_while(|c| *c != marks::LANG_END).collect();
                out.push_str(&format!("#fallback(\"{}\")[", typst_string(&lang)));
            }
            marks::FALLBACK_END => out.push(']'),
            '\\' | '#' | '$' | '*' | '_' | '@' | '<' | '>' | '[' | ']' | '`' | '~' | '=' | '-' | '+' | '/' | '.' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// As [`typst_markup`], and turns redline marks into the redline template's functions
/// (`#rl-ins[..]`, `#rl-del[..]`, `#rl-new[..]#rl-old[..]`).
pub fn typst_markup_redline(text: &str) -> String {
    let mut out = String::new();
    let mut value_open = false;
    for part in text.split_inclusive([marks::INS, marks::DEL, marks::END, marks::CHANGED, marks::WAS]) {
        let (body, mark) = match part.chars().last() {
            Some(c @ (marks::INS | marks::DEL | marks::END | marks::CHANGED | marks::WAS)) => {
                (&part[..part.len() - c.len_utf8()], Some(c))
            }
            _ => (part, None),
        };
        out.push_str(&typst_markup(body));
        match mark {
            Some(marks::INS) => out.push_str("#rl-ins["),
            Some(marks::DEL) => out.push_str("#rl-del["),
            Some(marks::END) => out.push(']'),
            Some(marks::CHANGED) => {
                out.push_str("#rl-new[");
                value_open = true;
            }
            Some(_) => out.push_str("]#rl-old["),
            None => {}
        }
    }
    if value_open {
        out.push(']');
    }
    out
}

/// Escapes text for a typst string literal (`"..."`).
pub fn typst_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(typst_markup("#x $y$ *b* _i_"), "\\#x \\$y\\$ \\*b\\* \\_i\\_");
        assert_eq!(typst_markup("a // b /* c"), "a \\/\\/ b \\/\\* c");
        assert_eq!(typst_markup("@ref <lbl> [x] \\ `r` ~"), "\\@ref \\<lbl\\> \\[x\\] \\\\ \\`r\\` \\~");
        assert_eq!(typst_markup("= h"), "\\= h");
        assert_eq!(typst_markup("-1 512"), "\\-1 512");
        assert_eq!(typst_markup("1. x"), "1\\. x");
        assert_eq!(typst_markup("https://x"), "https:\\/\\/x");
    }

    #[test]
    fn keeps_text_and_quotes() {
        assert_eq!(typst_markup("Réfugiés «d’Afrique» 10 000 € 'q' \"d\""), "Réfugiés «d’Afrique» 10 000 € 'q' \"d\"");
        assert_eq!(typst_markup("a\nb"), "a b");
    }

    #[test]
    fn redline_marks_become_functions_only_in_the_redline_escaper() {
        let t = format!("a {}new{} b {}old{} c", marks::INS, marks::END, marks::DEL, marks::END);
        assert_eq!(typst_markup_redline(&t), "a #rl-ins[new] b #rl-del[old] c");
        let cell = format!("{}1,100{}1,000", marks::CHANGED, marks::WAS);
        assert_eq!(typst_markup_redline(&cell), "#rl-new[1,100]#rl-old[1,000]");
        assert!(!typst_markup(&t).contains('#'));
    }

    #[test]
    fn fallback_spans_become_the_template_function() {
        let t = format!("Avant {} après", marks::fallback("en", "in *English*"));
        assert_eq!(typst_markup(&t), "Avant #fallback(\"en\")[in \\*English\\*] après");
        assert_eq!(marks::strip(&t), "Avant in *English* après");
    }

    #[test]
    fn string_literals() {
        assert_eq!(typst_string("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
