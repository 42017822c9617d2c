//! Private-use characters that mark a redline's changes inside a value, and a text printed in
//! another language than its edition's: they only ever mean something to the render stage's
//! escapers (`markup::escape`), which turn them into the templates' functions. Normal editions
//! print the redline marks as the (invisible) characters they are.

/// Start of an inserted run (narrative).
pub const INS: char = '\u{E000}';
/// Start of a deleted run (narrative).
pub const DEL: char = '\u{E002}';
/// End of an inserted or deleted run.
pub const END: char = '\u{E001}';
/// Start of a changed value (table cell); followed by the new value.
pub const CHANGED: char = '\u{E012}';
/// Between a changed value's new and old text.
pub const WAS: char = '\u{E010}';
/// Start of a text printed in another language (a missing or stale translation), followed
/// by the language code and [`LANG_END`]; [`FALLBACK_END`] closes it.
pub const FALLBACK: char = '\u{E020}';
pub const LANG_END: char = '\u{E021}';
pub const FALLBACK_END: char = '\u{E022}';

/// `text` marked as printed in `lang`, the source language, in an edition of another one.
pub fn fallback(lang: impl std::fmt::Display, text: &str) -> String {
    format!("{FALLBACK}{lang}{LANG_END}{text}{FALLBACK_END}")
}

/// The text without fallback marks, for plain uses (PDF metadata, alt texts).
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            FALLBACK => {
                chars.by_ref().take_while(|c| *c != LANG_END).for_each(drop);
            }
            FALLBACK_END => {}
            c => out.push(c),
        }
    }
    out
}
