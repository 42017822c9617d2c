//! Every character of every value must be printable: what the form's fonts cannot print is
//! refused by `check` with where it is, instead of failing at typesetting (or printing a blank
//! box). A private-use character (U+E000…) is text like any other to amif-doc: it prints if a
//! font of the form has it, and is refused like any character without a glyph otherwise.

use crate::diag::{Diagnostic, Location};
use crate::i18n::Translations;
use crate::load::SourceFiles;

/// Every character of the content files' values (keys included) and of the translations that
/// `covers` says no font prints, each where it is written.
pub fn unprintable(
    files: &SourceFiles,
    translations: &[Translations],
    covers: &dyn Fn(char) -> bool,
) -> Vec<Diagnostic> {
    let refused = |c: char| !c.is_whitespace() && !covers(c);
    let mut out = Vec::new();
    for file in &files.files {
        for (at, value) in file.scalars() {
            for c in value.chars().filter(|&c| refused(c)) {
                let (line, column) = find(&file.text, (at.line, at.column), c).unwrap_or((at.line, at.column));
                let location = Location { file: file.display.clone(), line, column, path: String::new() };
                out.push(diagnostic(c).at(location));
            }
        }
    }
    for t in translations {
        for entry in t.catalog.entries.iter().filter(|e| !e.obsolete) {
            for c in entry.msgstr.chars().filter(|&c| refused(c)) {
                let location =
                    Location { file: t.display.clone(), line: entry.line, column: 1, path: entry.msgctxt.clone() };
                out.push(diagnostic(c).at(location));
            }
        }
    }
    out
}

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

/// `U+E000 (a private-use character)`, `U+1F600 GRINNING FACE`.
pub fn describe(c: char) -> String {
    match unicode_names2::name(c) {
        Some(name) => format!("U+{:04X} {name}", c as u32),
        None if is_private_use(c) => format!("U+{:04X} (a private-use character)", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

fn diagnostic(c: char) -> Diagnostic {
    if is_private_use(c) {
        Diagnostic::error("char-unprintable", format!("the fonts cannot print {}", describe(c))).with_hint(
            "a private-use character means only what one font makes of it: write what it stands for in words, \
             or put that font in the project's fonts/",
        )
    } else {
        Diagnostic::error("char-unprintable", format!("the fonts cannot print {}", describe(c)))
            .with_hint("write it another way, or put a font that has it in the project's fonts/")
    }
}

/// Where `c` is first written at or after `from` (1-based line and column, in characters).
fn find(text: &str, from: (usize, usize), c: char) -> Option<(usize, usize)> {
    let (mut line, mut column) = (1, 1);
    for ch in text.chars() {
        if (line, column) >= from && ch == c {
            return Some((line, column));
        }
        if ch == '\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_found_and_named() {
        assert_eq!(find("a: x\nb: |\n  y\u{E000}\n", (2, 4), '\u{E000}'), Some((3, 4)));
        assert_eq!(describe('\u{E000}'), "U+E000 (a private-use character)");
        assert_eq!(describe('😀'), "U+1F600 GRINNING FACE");
    }
}
