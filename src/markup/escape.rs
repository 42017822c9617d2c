//! The typst escaper: makes any string print literally in typst markup.
//!
//! Installed as tera's escape function, so every `{{ value }}` from content or labels is
//! escaped by default. Every ASCII character with a meaning in typst markup gets a backslash:
//! `\ # $ * _ @ < > [ ] ` ~ = - + / .` (the last four also cover `//`, `/*`, list markers,
//! headings, `--`/`...` shorthands and URLs). Quotes stay bare so typst can set them per
//! language. Newlines become spaces: a value never starts a new markup line.

/// Escapes text for typst markup.
pub fn typst_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for ch in text.chars() {
        match ch {
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
    fn private_use_characters_are_text_like_any_other() {
        // amif-doc keeps no markup inside strings: U+E000.. print as what they are.
        assert_eq!(typst_markup("a\u{E000}b\u{E001}c\u{E020}en\u{E021}"), "a\u{E000}b\u{E001}c\u{E020}en\u{E021}");
    }

    #[test]
    fn string_literals() {
        assert_eq!(typst_string("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
