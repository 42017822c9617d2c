//! The view model: what templates see, and nothing else. Every number is formatted, every
//! label looked up, every narrative converted to typst markup (fields named `*_typst`, already
//! escaped); plain string fields are escaped by tera on output. [`build`] fills it: the core
//! (cover, narratives, objectives, timetable, framework) in `build.rs`, the tables in
//! `tables.rs`, a bilingual edition's two columns in `bilingual.rs`.

mod bilingual;
mod build;
mod names;
mod tables;

use serde::Serialize;

pub use build::{EditionLabels, build, build_marked, build_review};

use crate::i18n::Lang;
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
    /// Narrative changes: the word diff (with redline marks); values use old/new/delta.
    pub detail: String,
    pub old: String,
    pub new: String,
    pub delta: String,
}

/// What an excerpt says about itself on its first page.
#[derive(Debug, Serialize)]
pub struct ExcerptView {
    /// `Extrait – Communauté flamande – Objectif spécifique 2 - ...`
    pub heading: String,
    /// That this is an extract of programme CCI … version … of …, not the submission.
    pub notice: String,
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
    pub translation_notice: String,
    /// Present when this edition is an excerpt, not the full programme.
    pub excerpt: Option<ExcerptView>,
    /// Section 4 belongs to the asylum objective; excerpts without it say so instead.
    pub show_special_cases: bool,
    pub lang: String,
    pub lang_code: String,
    pub document_title: String,
    pub cover: Cover,
    pub summary_typst: String,
    pub baseline_typst: String,
    pub objectives: Vec<ObjectiveView>,
    pub timetable: Vec<TimetableRow>,
    pub timeline: Timeline,
    pub resettlement: PledgeTable,
    pub resettlement_pledging_typst: String,
    pub resettlement_heading: String,
    pub resettlement_lump_sum: String,
    pub transfers: PledgeTable,
    pub admission: PledgeTable,
    pub indicators: Vec<IndicatorGroupView>,
    pub framework: Vec<FrameworkSection>,
    pub table1: Vec<AmountRow>,
    pub table2: YearTableView,
    pub table3: YearTableView,
    pub justification_typst: String,
    pub documents: Vec<Vec<String>>,
    pub validation: Vec<ValidationRow>,
}

#[derive(Debug, Serialize)]
pub struct Cover {
    pub cci: String,
    pub title: String,
    pub title_typst: String,
    pub version: String,
    pub first_year: String,
    pub last_year: String,
    pub date: String,
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub authority: String,
    pub authority_typst: String,
    /// The date written into the PDF metadata: the programme's date, or SOURCE_DATE_EPOCH.
    pub pdf_date: PdfDate,
}

#[derive(Debug, Serialize, Clone, Copy, PartialEq, Eq)]
pub struct PdfDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl PdfDate {
    /// A UTC date from a Unix timestamp (as `SOURCE_DATE_EPOCH` gives it).
    pub fn from_unix(seconds: i64) -> PdfDate {
        let days = seconds.div_euclid(86_400);
        let secs = seconds.rem_euclid(86_400);
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        PdfDate {
            year,
            month,
            day,
            hour: (secs / 3600) as u8,
            minute: (secs / 60 % 60) as u8,
            second: (secs % 60) as u8,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ObjectiveView {
    pub id: String,
    /// `1 - Asile`.
    pub label: String,
    /// A bilingual edition's whole heading, each language's own; else empty.
    pub heading_typst: String,
    pub text_typst: String,
    pub national_objectives: Vec<NationalObjectiveView>,
    pub specific_actions: Vec<SpecificActionView>,
}

#[derive(Debug, Serialize)]
pub struct NationalObjectiveView {
    pub id: String,
    /// `ON1 - Accueil/Asile`.
    pub label: String,
    /// A bilingual edition's labelled heading, one column per language; else empty.
    pub head_typst: String,
    pub intro_typst: String,
    pub actions: Vec<ActionView>,
}

#[derive(Debug, Serialize)]
pub struct ActionView {
    pub id: String,
    /// `Action 11 (federal):`
    pub heading: String,
    pub title_typst: String,
    pub body_typst: String,
}

#[derive(Debug, Serialize)]
pub struct SpecificActionView {
    pub id: String,
    pub label: String,
    /// As [`NationalObjectiveView::head_typst`].
    pub head_typst: String,
    pub text_typst: String,
}

#[derive(Debug, Serialize)]
pub struct TimetableRow {
    pub id: String,
    pub objective: String,
    pub line: String,
    pub main_action: String,
    pub name_typst: String,
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
    pub label: String,
    pub bars: Vec<TimelineBar>,
}

/// One bar: its label and, per year of the axis, the phase it is in
/// (`planning`, `implementation`, `closing` or empty).
#[derive(Debug, Serialize)]
pub struct TimelineBar {
    pub label: String,
    pub cells: Vec<&'static str>,
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
    pub label: String,
    pub from: String,
    pub to: String,
    pub cells: Vec<String>,
    pub is_total: bool,
}

#[derive(Debug, Serialize)]
pub struct IndicatorGroupView {
    pub label: String,
    /// As [`ObjectiveView::heading_typst`].
    pub heading_typst: String,
    pub rows: Vec<IndicatorRow>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub id: String,
    pub label_typst: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    pub source_typst: String,
}

#[derive(Debug, Serialize)]
pub struct FrameworkSection {
    pub key: String,
    pub title: String,
    pub level: u8,
    pub text_typst: String,
}

/// A Table 1 line: `style` is `line`, `subtotal`, `total` or `grand`.
#[derive(Debug, Serialize)]
pub struct AmountRow {
    pub label: String,
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
    pub label: String,
    pub cells: Vec<String>,
    pub total: String,
}

#[derive(Debug, Serialize)]
pub struct ValidationRow {
    pub severity: String,
    pub code: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::PdfDate;

    #[test]
    fn unix_timestamps_become_utc_dates() {
        let d = |y, mo, da, h, mi, s| PdfDate { year: y, month: mo, day: da, hour: h, minute: mi, second: s };
        assert_eq!(PdfDate::from_unix(0), d(1970, 1, 1, 0, 0, 0));
        assert_eq!(PdfDate::from_unix(1_561_680_000), d(2019, 6, 28, 0, 0, 0));
        assert_eq!(PdfDate::from_unix(951_782_399), d(2000, 2, 28, 23, 59, 59));
        assert_eq!(PdfDate::from_unix(951_868_800), d(2000, 3, 1, 0, 0, 0));
        assert_eq!(PdfDate::from_unix(-1), d(1969, 12, 31, 23, 59, 59));
    }
}
