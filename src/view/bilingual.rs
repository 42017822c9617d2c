//! A bilingual edition's texts: each paragraph, list item and action beside its translation.
//! In the translation-review view (`build --draft`), a unit whose translation is stale shows
//! the old translation struck through and the word diff of the source change; a missing one,
//! an empty shaded cell. Rows and cells are data ([`Columns`], [`Cell`]); the template's
//! `columns` macro draws them.

use super::build::ViewBuilder;
use super::{Cell, Columns, Row, Runs};
use crate::i18n::{Filled, LabelError, Labels, Lang};
use crate::markup::markdown;
use crate::markup::rich::{self, Block, Inline, Pair, push_run};
use crate::model::{Narrative, Pending, Text};
use crate::text::words;
use crate::translation::units::{Piece, segments};

impl ViewBuilder<'_> {
    /// The labels of one language (a bilingual edition's side).
    pub(super) fn catalogue_labels(&self, lang: Lang) -> Result<Labels, LabelError> {
        match (&self.sides, self.catalogue) {
            (Some((first, _)), _) if first.lang == lang => Ok(first.clone()),
            (Some((_, second)), _) if second.lang == lang => Ok(second.clone()),
            (_, Some(c)) => c.for_lang(lang),
            (_, None) => Ok(self.tl.clone()),
        }
    }

    /// A text built from labels (a pattern filled with names, `TOTAL ON {so}`), in each
    /// language from that language's own labels: `TOTAL ON OS1 Asile / TOTAL NO SO1 Asylum`,
    /// never a pattern in both languages around names in both. Once where both read the same.
    pub(super) fn each_lang(&self, build: impl Fn(&Labels) -> Result<String, LabelError>) -> Result<Runs, LabelError> {
        Ok(match self.pair(&build)? {
            Some(pair) if pair.first.body != pair.second.body => vec![Inline::Pair(pair)],
            Some(pair) => pair.first.body,
            None => rich::text(build(self.l)?),
        })
    }

    /// Both languages' wording of a bilingual edition, each from its own labels; `None` in
    /// other editions.
    fn pair(&self, build: impl Fn(&Labels) -> Result<String, LabelError>) -> Result<Option<Pair>, LabelError> {
        let Some(second) = self.second else { return Ok(None) };
        let (a, b) = match &self.sides {
            Some((first_labels, second_labels)) => (build(first_labels)?, build(second_labels)?),
            None => (build(&self.catalogue_labels(self.lang)?)?, build(&self.catalogue_labels(second)?)?),
        };
        Ok(Some(Pair::new(self.lang, rich::text(a), second, rich::text(b))))
    }

    /// A bilingual edition's heading, each language's side tagged with it
    /// (`Objectif spécifique 1 - Asile / Specific objective 1 - Asylum`); none otherwise, the
    /// template then composing the heading from the labels as the other editions print it.
    pub(super) fn heading(
        &self,
        build: impl Fn(&Labels) -> Result<String, LabelError>,
    ) -> Result<Option<Runs>, LabelError> {
        Ok(self.pair(build)?.map(|pair| vec![Inline::Pair(pair)]))
    }

    /// A bilingual edition's labelled form heading of a line of `so` (`Objectif national ON1 -
    /// Accueil/Asile`, `kind` being the label of `Objectif national`), each language above its
    /// own column; none otherwise.
    pub(super) fn line_head(&self, kind: &str, so: &str, line: &str, number: u32) -> Result<Option<Pair>, LabelError> {
        self.pair(|l| Ok(format!("{} {}", l.get(kind)?, super::names::line_label(l, so, line, number)?)))
    }

    /// A narrative in two columns, unit by unit, so a reader's eye crosses straight from a
    /// paragraph to its translation. The translation keeps the source's units
    /// ([`crate::translation::units`]), so rows align. A block that continues the previous one
    /// (`continues: true`) runs on in its last row: the paragraph the single-language editions
    /// print whole is one row here too.
    pub(super) fn narrative_side_by_side(&self, n: &Narrative, second: Lang) -> Vec<Columns> {
        let mut all: Vec<Columns> = Vec::new();
        for block in &n.blocks {
            let Some(rows) = self.rows(&block.text, second) else { continue };
            match all.last_mut() {
                Some(previous)
                    if block.continues && (&previous.first, &previous.second) == (&rows.first, &rows.second) =>
                {
                    run_on(previous, rows)
                }
                _ => all.push(rows),
            }
        }
        all
    }

    /// A text's rows, unit by unit, or `None` for an empty text.
    fn rows(&self, t: &Text, second: Lang) -> Option<Columns> {
        let (a, a_lang) = t.for_edition(self.lang);
        let (b, b_lang) = t.for_edition(second);
        let (ua, ub) = (self.cells(t, self.lang), self.cells(t, second));
        let rows: Vec<Row> = if ua.len() == ub.len() {
            ua.into_iter().zip(ub).map(|(first, second)| Row { first, second }).collect()
        } else {
            let whole =
                |text: &str, lang: Lang| Cell::Content { flow: markdown::parse_marked(text, t.marks_for(lang)) };
            vec![Row { first: whole(a, self.lang), second: whole(b, second) }]
        };
        if rows.is_empty() {
            return None;
        }
        let sources = crate::translation::units::unit_texts(t.source_text());
        let rows = if rows.len() == sources.len() { keep_lead_ins(rows, &sources) } else { rows };
        // A text that ends on a lead-in keeps it with what follows (an action's title).
        let sticky = sources.last().is_some_and(|s| lead_in(s));
        Some(Columns { first: a_lang.to_string(), second: b_lang.to_string(), sticky, rows })
    }

    /// One column's cells, a unit each: its text, or in the review view, for a unit whose
    /// translation is not current, a review cell ([`Self::review_cell`]).
    fn cells(&self, t: &Text, lang: Lang) -> Vec<Cell> {
        let units = |text: &str| -> Vec<(String, String)> {
            segments(text)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Unit { prefix, text } => Some((prefix.trim_start().to_string(), text)),
                    Piece::Blank => None,
                })
                .collect()
        };
        let sources = units(t.source_text());
        // A unit without a current translation prints the source, marked as such.
        let fallback =
            |i: usize| t.by_lang.contains_key(&lang) && t.pending.get(&lang).is_some_and(|p| p.contains_key(&i));
        let source_lang = t.source.to_string();
        let in_source = |body| Inline::Fallback { lang: source_lang.clone(), body };
        units(t.for_edition(lang).0)
            .into_iter()
            .enumerate()
            .map(|(i, (prefix, text))| {
                let source = sources.get(i).map_or("", |(_, s)| s.as_str());
                match self.pending(t, lang, i) {
                    Some(why) => self.review_cell(None, &prefix, why, lang, source, t.source),
                    None if fallback(i) => {
                        Cell::Content { flow: rich::wrap_flow(markdown::parse(&format!("{prefix}{text}")), &in_source) }
                    }
                    None => Cell::Content { flow: markdown::parse(&format!("{prefix}{text}")) },
                }
            })
            .collect()
    }

    /// Why unit `i` of `t` has no current translation into `lang`, in the review view only.
    fn pending<'t>(&self, t: &'t Text, lang: Lang, i: usize) -> Option<&'t Pending> {
        t.pending.get(&lang).and_then(|p| p.get(&i)).filter(|_| self.review)
    }

    /// A review cell: a stale unit has its old translation (`old`, in `lang`) and the word
    /// diff of the source change (`diff`, in the source language); a missing one neither.
    fn review_cell(
        &self,
        head: Option<Runs>,
        prefix: &str,
        why: &Pending,
        lang: Lang,
        source: &str,
        source_lang: Lang,
    ) -> Cell {
        match why {
            Pending::Missing => Cell::Missing { head },
            Pending::Stale { translation, was } => {
                let old = markdown::parse(&format!("{prefix}{translation}"));
                let segments = words::changed_sentences(words::diff(was, source));
                let mut diff = Vec::new();
                for (i, s) in segments.iter().enumerate() {
                    let body = vec![Inline::text(s.text.clone())];
                    match s.op {
                        // A space between a deleted word and the word replacing it.
                        "insert" if i > 0 && segments[i - 1].op == "delete" => {
                            push_run(&mut diff, Inline::text(" "));
                            diff.push(Inline::Inserted { body });
                        }
                        "insert" => diff.push(Inline::Inserted { body }),
                        "delete" => diff.push(Inline::Deleted { body }),
                        _ => push_run(&mut diff, Inline::text(s.text.clone())),
                    }
                }
                Cell::Stale { head, lang: lang.to_string(), old, source_lang: source_lang.to_string(), diff }
            }
        }
    }

    /// A short text as runs, after its action's number if it has one (`1 develop ...`).
    /// In a bilingual edition each language's text gets the number, so each side reads whole.
    pub(super) fn numbered(&self, t: &Text, number: Option<u32>) -> Result<Runs, LabelError> {
        let Some(n) = number else { return Ok(self.inline(t)) };
        let fill = |name: Runs| {
            fill_runs(self.l, "pattern.numbered_name", &[("number", rich::text(n.to_string())), ("name", name)])
        };
        match self.second.map(|second| (t.for_edition(self.lang), t.for_edition(second))) {
            Some(((a, a_lang), (b, b_lang))) if a != b => {
                let runs = |text: &str| rich::inline(&markdown::parse(text));
                Ok(vec![Inline::Pair(Pair::new(a_lang, fill(runs(a))?, b_lang, fill(runs(b))?))])
            }
            _ => fill(self.inline(t)),
        }
    }

    /// A bilingual action's heading and title: one row, each side in its language.
    pub(super) fn bilingual_action(&self, a: &crate::model::Action, second: Lang) -> Result<Columns, LabelError> {
        let number = a.number.to_string();
        let side = |lang: Lang| -> Result<Cell, LabelError> {
            let labels = self.catalogue_labels(lang)?;
            let declared = a.scope.as_ref().filter(|_| a.scope_in_heading).and_then(|s| self.p.meta.scope(s));
            let heading = match declared {
                Some(scope) => {
                    let tag = scope.tag.for_edition(lang).0;
                    labels.fill("pattern.action_heading_scoped", &[("number", &number), ("scope", tag)])?
                }
                None => labels.fill("pattern.action_heading", &[("number", &number)])?,
            };
            let head = vec![Inline::Strong { body: rich::text(heading) }];
            if let Some(why) = self.pending(&a.title, lang, 0) {
                let source = a.title.source_text().trim();
                return Ok(self.review_cell(Some(head), "", why, lang, source, a.title.source));
            }
            let mut line = head;
            push_run(&mut line, Inline::text(" "));
            for run in rich::inline(&markdown::parse(a.title.for_edition(lang).0)) {
                push_run(&mut line, run);
            }
            Ok(Cell::Content { flow: vec![Block::Paragraph { body: line }] })
        };
        let (a_lang, b_lang) = (a.title.for_edition(self.lang).1, a.title.for_edition(second).1);
        // Sticky: a page never ends on an action's title, away from its text.
        let row = Row { first: side(self.lang)?, second: side(second)? };
        Ok(Columns { first: a_lang.to_string(), second: b_lang.to_string(), sticky: true, rows: vec![row] })
    }
}

/// A label's pattern filled with runs (a title with its emphasis, an id).
pub(super) fn fill_runs(labels: &Labels, key: &str, values: &[(&str, Runs)]) -> Result<Runs, LabelError> {
    let names: Vec<&str> = values.iter().map(|(name, _)| *name).collect();
    let mut out = Vec::new();
    for piece in labels.fill_pieces(key, &names)? {
        match piece {
            Filled::Words(words) => push_run(&mut out, Inline::text(words)),
            Filled::Value(i) => values[i].1.iter().cloned().for_each(|run| push_run(&mut out, run)),
        }
    }
    Ok(out)
}

/// Whether a unit introduces what follows: it ends with `:` (`Example actions:` before its
/// list), or it is a short line without final punctuation (a sub-heading: `Reception`).
fn lead_in(source: &str) -> bool {
    let s = source.trim_end();
    s.ends_with(':') || (s.split_whitespace().count() <= 6 && !s.ends_with(['.', '!', '?', ';', ',', ')']))
}

/// A row that introduces the next one ([`lead_in`]) shares its cells with that row, so a page
/// never ends on it. Review cells stay rows of their own.
fn keep_lead_ins(rows: Vec<Row>, sources: &[String]) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let mut open = false;
    for (row, source) in rows.into_iter().zip(sources) {
        let both = matches!((&row.first, &row.second), (Cell::Content { .. }, Cell::Content { .. }));
        match out.last_mut() {
            Some(Row { first: Cell::Content { flow: a }, second: Cell::Content { flow: b } }) if open && both => {
                if let (Cell::Content { flow: x }, Cell::Content { flow: y }) = (row.first, row.second) {
                    a.extend(x);
                    b.extend(y);
                }
            }
            _ => out.push(row),
        }
        open = both && lead_in(source);
    }
    out
}

/// Appends `next`, its first row run on into this one's last row (both sides), when both
/// are text cells; a review cell stays a row of its own.
fn run_on(columns: &mut Columns, next: Columns) {
    let mut rest = next.rows.into_iter();
    if let Some(first) = rest.next() {
        match (columns.rows.last_mut(), first) {
            (
                Some(Row { first: Cell::Content { flow: a }, second: Cell::Content { flow: b } }),
                Row { first: Cell::Content { flow: x }, second: Cell::Content { flow: y } },
            ) => {
                rich::run_on(a, x);
                rich::run_on(b, y);
            }
            (_, first) => columns.rows.push(first),
        }
    }
    columns.rows.extend(rest);
    columns.sticky = next.sticky;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_in_shares_its_row_with_what_it_introduces() {
        let cell = |t: &str| Cell::Content { flow: markdown::parse(t) };
        let row = |a: &str, b: &str| Row { first: cell(a), second: cell(b) };
        let rows = || vec![row("Exemples :", "Examples:"), row("- un", "- one"), row("- deux", "- two")];
        let shown = |rows: Vec<Row>| -> Vec<(String, String)> {
            let text = |c: &Cell| match c {
                Cell::Content { flow } => crate::markup::write::flow(flow),
                _ => "review".into(),
            };
            rows.iter().map(|r| (text(&r.first), text(&r.second))).collect()
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        let sources: Vec<String> = ["Examples:", "one", "two."].map(String::from).to_vec();
        // `one` is short and unpunctuated: a lead-in too, so all three share one row.
        assert_eq!(
            shown(keep_lead_ins(rows(), &sources)),
            [pair("Exemples :\n\n- un\n\n- deux", "Examples:\n\n- one\n\n- two")]
        );
        let sources: Vec<String> =
            ["Examples:", "the first example, a long enough sentence.", "two."].map(String::from).to_vec();
        assert_eq!(
            shown(keep_lead_ins(rows(), &sources)),
            [pair("Exemples :\n\n- un", "Examples:\n\n- one"), pair("- deux", "- two")]
        );
        // A review cell is never merged.
        let review =
            vec![row("Exemples :", "Examples:"), Row { first: Cell::Missing { head: None }, second: cell("- one") }];
        assert_eq!(
            shown(keep_lead_ins(review, &sources[..2])),
            [pair("Exemples :", "Examples:"), pair("review", "- one")]
        );
        assert!(lead_in("Reception") && lead_in("Example actions:") && !lead_in("A short sentence."));
    }
}
