//! A Markdown narrative cut into the pieces a translator works on: each paragraph and list
//! item is one unit text, and the structure around them (blank lines, indentation, list
//! marks) is kept, so a narrative rebuilt from translated units has the source's shape. Plain
//! text work, used by the translation units (`crate::translation::units`) and by the format
//! steps that read old inline translations.

/// A piece of a Markdown narrative: structure to keep, or a unit's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A blank line.
    Blank,
    /// A paragraph or list item: the line's prefix (indentation and list mark) and its text,
    /// the lines of the source joined by single spaces.
    Unit { prefix: String, text: String },
}

/// The text a unit's context belongs to: `baseline/3` → `baseline`; a short text is its own.
pub fn owner(ctxt: &str) -> &str {
    match ctxt.rsplit_once('/') {
        Some((head, tail)) if tail.chars().all(|c| c.is_ascii_digit()) => head,
        _ => ctxt,
    }
}

/// Length of a list mark (`- `, `* `, `+ `, `12. `, `3) `) at the start of `text`, or 0.
fn list_mark_len(text: &str) -> usize {
    if text.starts_with("- ") || text.starts_with("* ") || text.starts_with("+ ") {
        return 2;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && (text[digits..].starts_with(". ") || text[digits..].starts_with(") ")) {
        return digits + 2;
    }
    0
}

/// Cuts a Markdown text into pieces: each list item and each paragraph is one unit.
pub fn segments(markdown: &str) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut open = false;
    for line in markdown.lines() {
        let body = line.trim_start();
        if body.is_empty() {
            pieces.push(Piece::Blank);
            open = false;
            continue;
        }
        let indent = line.len() - body.len();
        let mark = list_mark_len(body);
        match pieces.last_mut() {
            Some(Piece::Unit { text, .. }) if open && mark == 0 => {
                text.push(' ');
                text.push_str(body.trim_end());
            }
            _ => {
                let prefix = format!("{}{}", " ".repeat(indent), &body[..mark]);
                pieces.push(Piece::Unit { prefix, text: body[mark..].trim_end().to_string() });
                open = true;
            }
        }
    }
    pieces
}

/// The unit texts of a Markdown text, in order.
pub fn unit_texts(markdown: &str) -> Vec<String> {
    segments(markdown)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Unit { text, .. } => Some(text),
            Piece::Blank => None,
        })
        .collect()
}

/// The Markdown text with its units replaced, in order, by `texts` (one line each).
pub fn rebuild(pieces: &[Piece], texts: impl FnMut(usize, &str) -> String) -> String {
    rebuild_with_places(pieces, texts).0
}

/// As [`rebuild`], with where each unit's text is in the result (byte offsets, in order).
pub fn rebuild_with_places(
    pieces: &[Piece],
    mut texts: impl FnMut(usize, &str) -> String,
) -> (String, Vec<std::ops::Range<usize>>) {
    let mut out = String::new();
    let mut places = Vec::new();
    let mut n = 0;
    for piece in pieces {
        match piece {
            Piece::Blank => out.push('\n'),
            Piece::Unit { prefix, text } => {
                let replaced = texts(n, text).replace('\n', " ");
                // A translation must not start Markdown structure of its own.
                let guard = if list_mark_len(&replaced) > 0 || replaced.starts_with(['#', '>']) { "\\" } else { "" };
                out.push_str(&format!("{prefix}{guard}"));
                places.push(out.len()..out.len() + replaced.len());
                out.push_str(&replaced);
                out.push('\n');
                n += 1;
            }
        }
    }
    (out, places)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MD: &str =
        "Intro sentence.\nSecond sentence.\n\n- item one\n  continued.\n- item two\n  1. nested\n\nLast.\n";

    #[test]
    fn paragraphs_and_items_are_units() {
        assert_eq!(
            unit_texts(MD),
            ["Intro sentence. Second sentence.", "item one continued.", "item two", "nested", "Last."]
        );
    }

    #[test]
    fn rebuilding_keeps_the_structure() {
        let pieces = segments(MD);
        let upper = rebuild(&pieces, |_, t| t.to_uppercase());
        assert_eq!(
            upper,
            "INTRO SENTENCE. SECOND SENTENCE.\n\n- ITEM ONE CONTINUED.\n- ITEM TWO\n  1. NESTED\n\nLAST.\n"
        );
        // Rebuilt with its own texts, a narrative means exactly what it meant (the render stage
        // tests that it prints the same).
        let same = rebuild(&pieces, |_, t| t.to_string());
        assert_eq!(segments(&same), pieces);
        assert_eq!(rebuild(&segments("x\n"), |_, _| "- not a list".into()), "\\- not a list\n");
    }
}
