//! A bilingual edition's texts: each paragraph, list item and action beside its translation.
//! In the translation-review view (`build --draft`), a unit whose translation is stale shows
//! the old translation struck through and the word diff of the source change; a missing one,
//! an empty shaded cell.

use super::build::ViewBuilder;
use crate::i18n::{LabelError, Labels, Lang};
use crate::markup::escape::typst_markup;
use crate::markup::markdown;
use crate::model::{Narrative, Pending, Text};
use crate::text::words;
use crate::translation::units::{Piece, segments};

impl ViewBuilder<'_> {
    /// The labels of one language (a bilingual edition's side).
    pub(super) fn catalogue_labels(&self, lang: Lang) -> Result<Labels, LabelError> {
        match self.catalogue {
            Some(c) => Ok(c.for_lang(lang)?),
            None => Ok(self.tl.clone()),
        }
    }

    /// A text built from labels (a pattern filled with names, `TOTAL ON {so}`), in each
    /// language from that language's own labels: `TOTAL ON OS1 Asile / TOTAL NO SO1 Asylum`,
    /// never a pattern in both languages around names in both. Once where both read the same.
    pub(super) fn each_lang(
        &self,
        build: impl Fn(&Labels) -> Result<String, LabelError>,
    ) -> Result<String, LabelError> {
        Ok(match self.each_side(build)? {
            (a, Some(b)) if a != b => format!("{a} / {b}"),
            (a, _) => a,
        })
    }

    /// Both sides of [`Self::each_lang`]: the first language's, and the second's in a
    /// bilingual edition (else `None`, and the first is built with the edition's labels).
    fn each_side(
        &self,
        build: impl Fn(&Labels) -> Result<String, LabelError>,
    ) -> Result<(String, Option<String>), LabelError> {
        let Some(second) = self.second else { return Ok((build(self.l)?, None)) };
        Ok((build(&self.catalogue_labels(self.lang)?)?, Some(build(&self.catalogue_labels(second)?)?)))
    }

    /// A bilingual edition's heading as markup, each language's side tagged with it
    /// (`Objectif spécifique 1 - Asile / Specific objective 1 - Asylum`); empty otherwise, the
    /// template then composing the heading from the labels as the other editions print it.
    pub(super) fn heading_typst(
        &self,
        build: impl Fn(&Labels) -> Result<String, LabelError>,
    ) -> Result<String, LabelError> {
        self.both_sides(build, |la, a, lb, b| format!("#text(lang: \"{la}\")[{a}] / #text(lang: \"{lb}\")[{b}]"))
    }

    /// A bilingual edition's labelled form heading (`Objectif national ON1 - Accueil/Asile`)
    /// as a row of two columns, each language above its own text (`#bihead`); empty otherwise.
    pub(super) fn head_row(&self, build: impl Fn(&Labels) -> Result<String, LabelError>) -> Result<String, LabelError> {
        self.both_sides(build, |la, a, lb, b| format!("#bihead(\"{la}\", \"{lb}\", [{a}], [{b}])"))
    }

    /// A label built in each language of a bilingual edition, escaped, put together by
    /// `markup` (language, text, second language, text); empty in other editions.
    fn both_sides(
        &self,
        build: impl Fn(&Labels) -> Result<String, LabelError>,
        markup: impl Fn(Lang, &str, Lang, &str) -> String,
    ) -> Result<String, LabelError> {
        let esc = crate::markup::escape::typst_markup;
        Ok(match (self.each_side(build)?, self.second) {
            ((a, Some(b)), Some(second)) => markup(self.lang, &esc(&a), second, &esc(&b)),
            _ => String::new(),
        })
    }

    /// A narrative in two columns, unit by unit (`#bi(..)` rows, each cell tagged with its
    /// language), so a reader's eye crosses straight from a paragraph to its translation. The
    /// translation keeps the source's units ([`crate::translation::units`]), so rows align. A block
    /// that continues the previous one (`continues: true`) runs on in its last row: the
    /// paragraph the single-language editions print whole is one row here too.
    pub(super) fn narrative_side_by_side(&self, n: &Narrative, second: Lang) -> String {
        let mut all: Vec<Rows> = Vec::new();
        for block in &n.blocks {
            let Some(rows) = self.rows(&block.text, second) else { continue };
            match all.last_mut() {
                Some(previous) if block.continues && previous.langs == rows.langs => previous.run_on(rows),
                _ => all.push(rows),
            }
        }
        all.iter().map(Rows::to_typst).collect::<Vec<_>>().join("\n\n")
    }

    /// A text's rows, unit by unit, or `None` for an empty text.
    fn rows(&self, t: &Text, second: Lang) -> Option<Rows> {
        let (a, a_lang) = t.for_edition(self.lang);
        let (b, b_lang) = t.for_edition(second);
        let (ua, ub) = (self.cells(t, self.lang), self.cells(t, second));
        let rows: Vec<(String, String)> = if ua.len() == ub.len() {
            ua.into_iter().zip(ub).collect()
        } else {
            let whole = |text: &str| format!("[{}]", markdown::to_typst_with(text, self.escape));
            vec![(whole(a), whole(b))]
        };
        if rows.is_empty() {
            return None;
        }
        let sources = crate::translation::units::unit_texts(t.source_text());
        let rows = if rows.len() == sources.len() { keep_lead_ins(rows, &sources) } else { rows };
        // A text that ends on a lead-in keeps it with what follows (an action's title).
        let sticky = sources.last().is_some_and(|s| lead_in(s));
        Some(Rows { langs: (a_lang, b_lang), rows, sticky })
    }

    /// One column's cells, a unit each: its markup (`[..]`), or in the review view, for a unit
    /// whose translation is not current, a review cell ([`Self::review_cell`]).
    fn cells(&self, t: &Text, lang: Lang) -> Vec<String> {
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
        units(t.for_edition(lang).0)
            .into_iter()
            .enumerate()
            .map(|(i, (prefix, text))| {
                let source = sources.get(i).map_or("", |(_, s)| s.as_str());
                match self.pending(t, lang, i) {
                    Some(why) => self.review_cell(None, &prefix, why, lang, source, t.source),
                    None => format!("[{}]", markdown::to_typst_with(&format!("{prefix}{text}"), self.escape)),
                }
            })
            .collect()
    }

    /// Why unit `i` of `t` has no current translation into `lang`, in the review view only.
    fn pending<'t>(&self, t: &'t Text, lang: Lang, i: usize) -> Option<&'t Pending> {
        t.pending.get(&lang).and_then(|p| p.get(&i)).filter(|_| self.review)
    }

    /// A review cell, for the template's `bi`: `(head: .., old: .., diff: ..)`. A stale unit
    /// has its old translation (`old`, tagged `lang`) and the word diff of the source change
    /// (`diff`, tagged with the source language); a missing one neither (an empty cell).
    fn review_cell(
        &self,
        head: Option<&str>,
        prefix: &str,
        why: &Pending,
        lang: Lang,
        source: &str,
        source_lang: Lang,
    ) -> String {
        let head = head.map(|h| format!("head: [{h}], ")).unwrap_or_default();
        match why {
            Pending::Missing => format!("({head}missing: true)"),
            Pending::Stale { translation, was } => {
                let old = markdown::to_typst_with(&format!("{prefix}{translation}"), self.escape);
                let segments = words::changed_sentences(words::diff(was, source));
                let mut diff = String::new();
                for (i, s) in segments.iter().enumerate() {
                    let text = (self.escape)(&s.text);
                    match s.op {
                        // A space between a deleted word and the word replacing it.
                        "insert" if i > 0 && segments[i - 1].op == "delete" => diff += &format!(" #rl-ins[{text}]"),
                        "insert" => diff += &format!("#rl-ins[{text}]"),
                        "delete" => diff += &format!("#rl-del[{text}]"),
                        _ => diff += &text,
                    }
                }
                format!("({head}old: text(lang: \"{lang}\")[{old}], diff: text(lang: \"{source_lang}\")[{diff}])")
            }
        }
    }

    /// A short text as inline markup, after its action's number if it has one (`1 develop ...`).
    /// In a bilingual edition each language's text gets the number, so each side reads whole.
    pub(super) fn numbered(&self, t: &Text, number: Option<u32>) -> Result<String, LabelError> {
        let Some(n) = number else { return Ok(self.inline(t)) };
        let fill = |name: &str| {
            self.l.fill_escaped("pattern.numbered_name", &[("number", &n.to_string()), ("name", name)], typst_markup)
        };
        match self.second.map(|second| (t.for_edition(self.lang), t.for_edition(second))) {
            Some(((a, a_lang), (b, b_lang))) if a != b => {
                let (x, y) =
                    (markdown::inline_to_typst_with(a, self.escape), markdown::inline_to_typst_with(b, self.escape));
                Ok(format!("#text(lang: \"{a_lang}\")[{}] / #text(lang: \"{b_lang}\")[{}]", fill(&x)?, fill(&y)?))
            }
            _ => Ok(fill(&self.inline(t))?),
        }
    }

    /// A bilingual action's heading and title: one row, each side in its language.
    pub(super) fn bilingual_action(&self, a: &crate::model::Action, second: Lang) -> Result<String, LabelError> {
        let number = a.number.to_string();
        let side = |lang: Lang| -> Result<String, LabelError> {
            let labels = self.catalogue_labels(lang)?;
            let declared = a.scope.as_ref().filter(|_| a.scope_in_heading).and_then(|s| self.p.meta.scope(s));
            let heading = match declared {
                Some(scope) => {
                    let tag = crate::text::marks::strip(scope.tag.for_edition(lang).0);
                    labels.fill("pattern.action_heading_scoped", &[("number", &number), ("scope", &tag)])?
                }
                None => labels.fill("pattern.action_heading", &[("number", &number)])?,
            };
            let head = format!("#strong[{}]", crate::markup::escape::typst_markup(&heading));
            if let Some(why) = self.pending(&a.title, lang, 0) {
                let source = a.title.source_text().trim();
                return Ok(self.review_cell(Some(&head), "", why, lang, source, a.title.source));
            }
            let title = markdown::inline_to_typst_with(a.title.for_edition(lang).0, self.escape);
            Ok(format!("[{head} {title}]"))
        };
        let (a_lang, b_lang) = (a.title.for_edition(self.lang).1, a.title.for_edition(second).1);
        // Sticky: a page never ends on an action's title, away from its text.
        Ok(format!("#bi(\"{a_lang}\", \"{b_lang}\", sticky: true, {}, {})", side(self.lang)?, side(second)?))
    }
}

/// Whether a unit introduces what follows: it ends with `:` (`Example actions:` before its
/// list), or it is a short line without final punctuation (a sub-heading: `Reception`).
fn lead_in(source: &str) -> bool {
    let s = source.trim_end();
    s.ends_with(':') || (s.split_whitespace().count() <= 6 && !s.ends_with(['.', '!', '?', ';', ',', ')']))
}

/// A row that introduces the next one ([`lead_in`]) shares its cells with that row, so a page
/// never ends on it. Review cells (dictionaries, not `[..]` content) stay rows of their own.
fn keep_lead_ins(rows: Vec<(String, String)>, sources: &[String]) -> Vec<(String, String)> {
    let content = |c: &str| c.starts_with('[') && c.ends_with(']');
    let join = |into: &mut String, next: &str| {
        into.pop();
        into.push_str("\n\n");
        into.push_str(&next[1..]);
    };
    let mut out: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for ((x, y), source) in rows.into_iter().zip(sources) {
        let both = content(&x) && content(&y);
        match out.last_mut() {
            Some((px, py)) if open && both => {
                join(px, &x);
                join(py, &y);
            }
            _ => out.push((x, y)),
        }
        open = both && lead_in(source);
    }
    out
}

/// The rows of one `#bi(..)` call: each a (left, right) pair of typst cells.
struct Rows {
    langs: (Lang, Lang),
    rows: Vec<(String, String)>,
    sticky: bool,
}

impl Rows {
    /// Appends `next`, its first row run on into this one's last row (both sides), when both
    /// are plain markup cells (`[..]`); a review cell stays a row of its own.
    fn run_on(&mut self, next: Rows) {
        let mut rest = next.rows.into_iter();
        if let (Some(last), Some(first)) = (self.rows.last_mut(), rest.next()) {
            match (join_cells(&last.0, &first.0), join_cells(&last.1, &first.1)) {
                (Some(left), Some(right)) => *last = (left, right),
                _ => self.rows.push(first),
            }
        }
        self.rows.extend(rest);
        self.sticky = next.sticky;
    }

    fn to_typst(&self) -> String {
        let (a, b) = self.langs;
        let cells: Vec<String> = self.rows.iter().map(|(x, y)| format!("{x}, {y}")).collect();
        let sticky = if self.sticky { "sticky: true, " } else { "" };
        format!("#bi(\"{a}\", \"{b}\", {sticky}{})", cells.join(", "))
    }
}

/// `[A.]` and `[B.]` as `[A. B.]`: one paragraph. `None` unless both are markup cells.
fn join_cells(a: &str, b: &str) -> Option<String> {
    let a = a.strip_prefix('[')?.strip_suffix(']')?;
    let b = b.strip_prefix('[')?.strip_suffix(']')?;
    Some(format!("[{} {}]", a.trim_end(), b.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_in_shares_its_row_with_what_it_introduces() {
        let row = |a: &str, b: &str| (format!("[{a}]"), format!("[{b}]"));
        let rows = vec![row("Exemples :", "Examples:"), row("- un", "- one"), row("- deux", "- two")];
        let sources: Vec<String> = ["Examples:", "one", "two."].map(String::from).to_vec();
        // `one` is short and unpunctuated: a lead-in too, so all three share one row.
        assert_eq!(
            keep_lead_ins(rows.clone(), &sources),
            [row("Exemples :\n\n- un\n\n- deux", "Examples:\n\n- one\n\n- two")]
        );
        let sources: Vec<String> =
            ["Examples:", "the first example, a long enough sentence.", "two."].map(String::from).to_vec();
        assert_eq!(
            keep_lead_ins(rows.clone(), &sources),
            [row("Exemples :\n\n- un", "Examples:\n\n- one"), rows[2].clone()]
        );
        // A review cell (not `[..]` content) is never merged.
        let review = vec![row("Exemples :", "Examples:"), ("(missing: true)".into(), "[- one]".into())];
        assert_eq!(keep_lead_ins(review.clone(), &sources[..2]), review);
        assert!(lead_in("Reception") && lead_in("Example actions:") && !lead_in("A short sentence."));
    }
}
