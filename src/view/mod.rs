//! The view model: what templates see, and nothing else. Every number is formatted, every
//! label looked up, every text parsed into rich text ([`crate::markup::rich`]): data, never
//! typst. The templates print each value through the `markup` filter of the one writer of
//! typst (a narrative's blocks through its `flow` filter), and draw narratives and a bilingual
//! edition's columns with the macros of `templates/macros.typ`. [`build`] fills it: the core
//! (cover, objectives, timetable, framework) in `build.rs`, narratives and short texts in
//! `texts.rs`, the tables in `tables.rs`, a bilingual edition's two columns in `bilingual.rs`,
//! the PDF date in `date.rs`.

mod bilingual;
mod build;
mod date;
mod names;
mod tables;
mod texts;

pub use build::{EditionLabels, build, build_review};
pub use date::PdfDate;

use crate::i18n::{Catalogue, LabelError};

/// A label of the form as `edition` prints it: in a bilingual edition, both languages' wording
/// (once where they read the same).
pub fn form_label(catalogue: &Catalogue, edition: &Edition, key: &str) -> Result<Runs, LabelError> {
    let first = catalogue.for_lang(edition.lang)?.get(key)?.to_string();
    let second = match edition.second {
        Some(lang) if !crate::i18n::Labels::keeps_first(key) => {
            Some((lang, catalogue.for_lang(lang)?.get(key)?.to_string()))
        }
        _ => None,
    };
    Ok(match second {
        Some((lang, second)) if second != first => {
            vec![Inline::Pair(Pair::new(
                edition.lang,
                crate::markup::rich::text(first),
                lang,
                crate::markup::rich::text(second),
            ))]
        }
        _ => crate::markup::rich::text(first),
    })
}

use serde::Serialize;

use crate::i18n::Lang;
use crate::markup::rich::{Flow, Inline, Pair};

/// Runs of rich text: a title, a label, a table cell.
pub type Runs = Vec<Inline>;

/// A narrative as an edition prints it: its parts in one column, or (a bilingual edition)
/// its rows of two columns.
#[derive(Debug, Serialize, Default)]
#[serde(tag = "kind", rename = "narrative")]
pub struct NarrativeView {
    pub parts: Vec<Part>,
    pub columns: Vec<Columns>,
}

/// Blocks in one language: the edition's (`lang` is `None`) or another one.
#[derive(Debug, Serialize)]
pub struct Part {
    pub lang: Option<String>,
    pub flow: Flow,
}

/// Rows of two columns, each a text beside its translation (`first` and `second` are the
/// columns' languages); `sticky` keeps them on the page of what follows.
#[derive(Debug, Serialize)]
pub struct Columns {
    pub first: String,
    pub second: String,
    pub sticky: bool,
    pub rows: Vec<Row>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub first: Cell,
    pub second: Cell,
}

/// A column's cell: a unit's text, or in the translation-review view a unit whose
/// translation is not current (`head` is an action's heading, printed above).
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cell {
    Content {
        flow: Flow,
    },
    Missing {
        head: Option<Runs>,
    },
    /// `old` is the translation of an older source text (in `lang`); `diff`, the words the
    /// source changed since (in `source_lang`).
    Stale {
        head: Option<Runs>,
        lang: String,
        old: Flow,
        source_lang: String,
        diff: Runs,
    },
}
use crate::model::EditionSpec;

/// What one output document is: a line of the edition matrix, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    pub spec: EditionSpec,
    pub lang: Lang,
    /// A bilingual edition's second language (its texts in a second column).
    pub second: Option<Lang>,
}

impl Edition {
    /// The output file name without extension: `programme-fr`, `programme-fr-en`.
    pub fn file_stem(&self) -> String {
        match self.second {
            Some(second) => format!("{}-{}-{second}", self.spec.name, self.lang),
            None => format!("{}-{}", self.spec.name, self.lang),
        }
    }
}

/// The first page of a redline edition.
#[derive(Debug, Serialize)]
pub struct RedlineSummary {
    pub compared: String,
    pub rows: Vec<RedlineRow>,
    pub decision_needed: String,
}

#[derive(Debug, Serialize)]
pub struct RedlineRow {
    pub section: String,
    pub label: String,
    pub op: String,
    /// Narrative changes: the word diff (inserted and deleted runs); values use old/new/delta.
    pub detail: Runs,
    pub old: String,
    pub new: String,
    pub delta: String,
}

/// What an excerpt says about itself on its first page.
#[derive(Debug, Serialize)]
pub struct ExcerptView {
    /// `Extrait – Communauté flamande – Objectif spécifique 2 - ...`
    pub heading: Runs,
    /// That this is an extract of programme CCI … version … of …, not the submission.
    pub notice: Runs,
}

#[derive(Debug, Serialize)]
pub struct View {
    /// Set by the build when programme rules failed and a draft was asked for, or when a
    /// required text is still empty.
    pub draft: bool,
    /// The label the draft banner prints: why the edition is a draft.
    pub draft_label: String,
    /// The translation-review view of a bilingual edition (`build --draft`).
    pub review: bool,
    /// Texts in two columns, each beside its translation.
    pub bilingual: bool,
    /// Set for a redline edition: the change summary printed first.
    pub redline: Option<RedlineSummary>,
    /// Printed on the cover when the texts are a translation nobody has reviewed yet.
    pub translation_notice: Runs,
    /// Present when this edition is an excerpt, not the full programme.
    pub excerpt: Option<ExcerptView>,
    /// Section 4 belongs to the asylum objective; excerpts without it say so instead.
    pub show_special_cases: bool,
    pub lang: String,
    pub lang_code: String,
    pub document_title: String,
    pub cover: Cover,
    pub summary: NarrativeView,
    pub baseline: NarrativeView,
    pub objectives: Vec<ObjectiveView>,
    pub timetable: Vec<TimetableRow>,
    pub timeline: Timeline,
    pub resettlement: PledgeTable,
    pub resettlement_pledging: NarrativeView,
    pub resettlement_heading: Runs,
    pub resettlement_lump_sum: Runs,
    pub transfers: PledgeTable,
    pub admission: PledgeTable,
    pub indicators: Vec<IndicatorGroupView>,
    pub framework: Vec<FrameworkSection>,
    pub table1: Vec<AmountRow>,
    pub table2: YearTableView,
    pub table3: YearTableView,
    pub justification: NarrativeView,
    pub documents: Vec<Vec<String>>,
    pub validation: Vec<ValidationRow>,
}

#[derive(Debug, Serialize)]
pub struct Cover {
    pub cci: String,
    /// The title as plain text, for the PDF's metadata.
    pub title_plain: String,
    pub title: Runs,
    pub version: String,
    pub first_year: String,
    pub last_year: String,
    pub date: String,
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub authority_plain: String,
    pub authority: Runs,
    /// The date written into the PDF metadata: the programme's date, or SOURCE_DATE_EPOCH.
    pub pdf_date: PdfDate,
}

#[derive(Debug, Serialize)]
pub struct ObjectiveView {
    pub id: String,
    /// `1 - Asile`.
    pub label: Runs,
    /// A bilingual edition's whole heading, each language's own; else none.
    pub heading: Option<Runs>,
    pub text: NarrativeView,
    pub national_objectives: Vec<NationalObjectiveView>,
    pub specific_actions: Vec<SpecificActionView>,
}

#[derive(Debug, Serialize)]
pub struct NationalObjectiveView {
    pub id: String,
    /// `ON1 - Accueil/Asile`.
    pub label: Runs,
    /// A bilingual edition's labelled heading, one column per language; else none.
    pub head: Option<Pair>,
    pub intro: NarrativeView,
    pub actions: Vec<ActionView>,
}

#[derive(Debug, Serialize)]
pub struct ActionView {
    pub id: String,
    /// `Action 11 (federal):`
    pub heading: String,
    pub title: Runs,
    /// A bilingual edition's heading and title: one row of two columns.
    pub row: Option<Columns>,
    pub body: NarrativeView,
}

#[derive(Debug, Serialize)]
pub struct SpecificActionView {
    pub id: String,
    pub label: Runs,
    /// As [`NationalObjectiveView::head`].
    pub head: Option<Pair>,
    pub text: NarrativeView,
}

#[derive(Debug, Serialize)]
pub struct TimetableRow {
    pub id: String,
    pub objective: Runs,
    pub line: Runs,
    pub main_action: String,
    pub name: Runs,
    pub planning: String,
    pub implementation: String,
    pub closing: String,
}

/// The timeline chart of section 3: one bar per timetable row, grouped by specific objective.
#[derive(Debug, Serialize, Default)]
pub struct Timeline {
    pub years: Vec<String>,
    pub groups: Vec<TimelineGroup>,
    /// The chart's alternative text, generated from the same rows.
    pub alt: String,
}

#[derive(Debug, Serialize)]
pub struct TimelineGroup {
    pub label: Runs,
    pub bars: Vec<TimelineBar>,
}

/// One bar: its label and, per year of the axis, the phase it is in
/// (`planning`, `implementation`, `closing` or empty).
#[derive(Debug, Serialize)]
pub struct TimelineBar {
    pub label: String,
    pub phases: Vec<&'static str>,
}

/// A table of persons per pledging period (section 4).
#[derive(Debug, Serialize, Default)]
pub struct PledgeTable {
    pub periods: Vec<String>,
    pub rows: Vec<PledgeRow>,
}

#[derive(Debug, Serialize)]
pub struct PledgeRow {
    pub id: String,
    pub label: Runs,
    pub from: Runs,
    pub to: Runs,
    pub cells: Vec<String>,
    pub is_total: bool,
}

#[derive(Debug, Serialize)]
pub struct IndicatorGroupView {
    pub label: Runs,
    /// As [`ObjectiveView::heading`].
    pub heading: Option<Runs>,
    pub rows: Vec<IndicatorRow>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub id: String,
    pub label: Runs,
    pub unit: Runs,
    pub baseline: String,
    pub target: String,
    pub source: Runs,
}

#[derive(Debug, Serialize)]
pub struct FrameworkSection {
    pub key: String,
    pub title: Runs,
    pub level: u8,
    pub text: NarrativeView,
}

/// A Table 1 line: `style` is `line`, `subtotal`, `total` or `grand`.
#[derive(Debug, Serialize)]
pub struct AmountRow {
    pub label: Runs,
    pub amount: String,
    pub style: &'static str,
}

#[derive(Debug, Serialize)]
pub struct YearTableView {
    pub years: Vec<String>,
    pub rows: Vec<YearRowView>,
    pub totals: Vec<String>,
    pub total: String,
}

#[derive(Debug, Serialize)]
pub struct YearRowView {
    pub label: Runs,
    pub cells: Vec<String>,
    pub total: String,
}

#[derive(Debug, Serialize)]
pub struct ValidationRow {
    pub severity: Runs,
    pub code: String,
    pub message: Runs,
}
