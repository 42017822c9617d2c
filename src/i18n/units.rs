//! Translation units: every text of the programme cut into the pieces a translator works on.
//! A unit is a short text (a title, a name, a data source) or one paragraph or list item of a
//! narrative. Its context (`msgctxt`) is its stable place: `so2/no2/a13/title`, `baseline/3`.
//!
//! A narrative is cut line by line ([`segments`]): its structure (blank lines, indentation,
//! list marks) stays the source's, and only the unit texts are replaced when a translation is
//! put back ([`rebuild`]), so a translated narrative always has the source's shape.

use crate::model::{Narrative, Programme, Text};

/// One unit: where it is, which section it belongs to, and its source-language text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub ctxt: String,
    /// `1`..`7`, or `cover`: the section of the form, for `i18n status`.
    pub section: &'static str,
    pub source: String,
}

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
pub fn rebuild(pieces: &[Piece], mut texts: impl FnMut(usize, &str) -> String) -> String {
    let mut out = String::new();
    let mut n = 0;
    for piece in pieces {
        match piece {
            Piece::Blank => out.push('\n'),
            Piece::Unit { prefix, text } => {
                let replaced = texts(n, text).replace('\n', " ");
                // A translation must not start Markdown structure of its own.
                let guard = if list_mark_len(&replaced) > 0 || replaced.starts_with(['#', '>']) { "\\" } else { "" };
                out.push_str(&format!("{prefix}{guard}{replaced}\n"));
                n += 1;
            }
        }
    }
    out
}

/// Visits every text of the programme with its context and section, in document order.
/// `short` is called for short texts, `narrative` for narratives (whose units are numbered
/// across their blocks: `baseline/0`, `baseline/1`, ...).
pub trait Visitor {
    fn short(&mut self, ctxt: String, section: &'static str, text: &mut Text);
    fn narrative(&mut self, ctxt: String, section: &'static str, narrative: &mut Narrative);
}

/// Walks the programme's texts in document order.
pub fn walk(p: &mut Programme, v: &mut impl Visitor) {
    let m = &mut p.meta;
    v.short("programme/title".into(), "cover", &mut m.title);
    v.short("programme/member_state".into(), "cover", &mut m.member_state);
    v.short("programme/responsible_authority".into(), "cover", &mut m.responsible_authority);
    for sc in &mut m.scopes {
        v.short(format!("programme/scopes/{}/name", sc.id), "cover", &mut sc.name);
        v.short(format!("programme/scopes/{}/tag", sc.id), "cover", &mut sc.tag);
    }
    for (i, d) in m.documents.iter_mut().enumerate() {
        v.short(format!("programme/documents/{i}/title"), "cover", &mut d.title);
    }
    v.narrative("summary".into(), "1", &mut p.summary);
    v.narrative("baseline".into(), "2", &mut p.baseline);
    for so in &mut p.objectives {
        v.narrative(format!("{}/objective", so.id), "3", &mut so.objective);
        for no in &mut so.national_objectives {
            let at = format!("{}/{}", so.id, no.id);
            v.narrative(format!("{at}/intro"), "3", &mut no.intro);
            for a in &mut no.actions {
                v.short(format!("{at}/{}/title", a.id), "3", &mut a.title);
                v.narrative(format!("{at}/{}/body", a.id), "3", &mut a.body);
                if let Some(t) = &mut a.timetable {
                    v.short(format!("{at}/{}/timetable/name", a.id), "3", &mut t.name);
                }
            }
        }
        for sa in &mut so.specific_actions {
            v.narrative(format!("{}/{}/text", so.id, sa.id), "3", &mut sa.text);
            if let Some(t) = &mut sa.timetable {
                v.short(format!("{}/{}/timetable/name", so.id, sa.id), "3", &mut t.name);
            }
        }
    }
    let sc = &mut p.special_cases;
    for l in &mut sc.lump_sums {
        v.short(format!("special_cases/lump_sums/{}/legal_basis", l.id), "4", &mut l.legal_basis);
    }
    v.narrative("special_cases/pledging".into(), "4", &mut sc.pledging);
    for g in &mut p.indicators {
        for i in &mut g.indicators {
            let at = format!("indicators/{}/{}", g.objective, i.id);
            if let Some(name) = &mut i.name {
                v.short(format!("{at}/name"), "5", name);
            }
            v.short(format!("{at}/source"), "5", &mut i.source);
        }
    }
    for (key, n) in &mut p.framework.sections {
        v.narrative(format!("framework/{key}"), "6", n);
    }
    v.narrative("financing/justification".into(), "7", &mut p.financing.justification);
}

/// Every unit of the programme, in document order.
pub fn units(p: &Programme) -> Vec<Unit> {
    struct Collect(Vec<Unit>);
    impl Visitor for Collect {
        fn short(&mut self, ctxt: String, section: &'static str, text: &mut Text) {
            let source = text.source_text().trim().to_string();
            if !source.is_empty() {
                self.0.push(Unit { ctxt, section, source });
            }
        }
        fn narrative(&mut self, ctxt: String, section: &'static str, narrative: &mut Narrative) {
            let mut n = 0;
            for block in &narrative.blocks {
                for text in unit_texts(block.text.source_text()) {
                    self.0.push(Unit { ctxt: format!("{ctxt}/{n}"), section, source: text });
                    n += 1;
                }
            }
        }
    }
    let mut copy = p.clone();
    let mut collect = Collect(Vec::new());
    walk(&mut copy, &mut collect);
    collect.0
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
