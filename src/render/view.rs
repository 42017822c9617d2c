//! The view model: what templates see. Every number is formatted, every label looked up,
//! every narrative converted to typst markup (fields named `*_typst`, already escaped);
//! plain string fields are escaped by tera on output.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::check::{Finding, Param};
use crate::compute::Figures;
use crate::format::{decimal2, integer};
use crate::labels::Labels;
use crate::lang::Lang;
use crate::markdown;
use crate::model::{EditionSpec, Narrative, Persons, Programme, Text};

/// What one output document is: a line of the edition matrix, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    pub spec: EditionSpec,
    pub lang: Lang,
}

impl Edition {
    /// The output file name without extension: `programme-fr`, `excerpt-flemish-en`.
    pub fn file_stem(&self) -> String {
        format!("{}-{}", self.spec.name, self.lang)
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
    /// Set by the build when programme rules failed and a draft was asked for.
    pub draft: bool,
    /// Set for a redline edition: the change summary printed first.
    pub redline: Option<RedlineSummary>,
    /// Present when this edition is an excerpt, not the full programme.
    pub excerpt: Option<ExcerptView>,
    /// Section 4 belongs to the asylum objective; excerpts without it say so instead.
    pub show_special_cases: bool,
    pub lang: &'static str,
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
    pub text_typst: String,
    pub national_objectives: Vec<NationalObjectiveView>,
    pub specific_actions: Vec<SpecificActionView>,
}

#[derive(Debug, Serialize)]
pub struct NationalObjectiveView {
    pub id: String,
    /// `ON1 - Accueil/Asile`.
    pub label: String,
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

/// Builds the view of one edition.
/// `p` and `f` are the edition's own (see [`crate::excerpt::filter`]); `findings` are the
/// full programme's and only the full programme prints them.
pub fn build(p: &Programme, f: &Figures, findings: &[Finding], edition: &Edition, l: &Labels) -> Result<View, String> {
    ViewBuilder { p, f, l, lang: edition.lang, spec: &edition.spec, escape: crate::escape::typst_markup }.view(findings)
}

/// As [`build`], for a redline: narratives carry redline marks, escaped into markup.
pub fn build_marked(
    p: &Programme,
    f: &Figures,
    findings: &[Finding],
    edition: &Edition,
    l: &Labels,
) -> Result<View, String> {
    let escape = crate::escape::typst_markup_redline;
    ViewBuilder { p, f, l, lang: edition.lang, spec: &edition.spec, escape }.view(findings)
}

pub(super) struct ViewBuilder<'a> {
    pub(super) p: &'a Programme,
    pub(super) f: &'a Figures,
    pub(super) l: &'a Labels,
    pub(super) lang: Lang,
    pub(super) spec: &'a EditionSpec,
    escape: fn(&str) -> String,
}

impl ViewBuilder<'_> {
    pub(super) fn label(&self, key: &str) -> Result<String, String> {
        self.l.get(key).map(str::to_string)
    }

    pub(super) fn money(&self, v: Decimal) -> String {
        decimal2(v, self.lang)
    }

    pub(super) fn persons(&self, persons: &Persons) -> Vec<String> {
        persons.iter().map(|p| p.map(|n| integer(n, self.lang)).unwrap_or_default()).collect()
    }

    /// A narrative as typst markup; blocks in another language are tagged with it.
    fn narrative(&self, n: &Narrative) -> String {
        n.blocks
            .iter()
            .map(|b| {
                let (text, lang) = b.text.for_edition(self.lang);
                let markup = markdown::to_typst_with(text, self.escape);
                if lang == self.lang { markup } else { format!("#[#set text(lang: \"{lang}\")\n{markup}\n]") }
            })
            .filter(|m| !m.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// A short text as inline typst markup, tagged with its language if it differs.
    pub(super) fn inline(&self, t: &Text) -> String {
        let (text, lang) = t.for_edition(self.lang);
        let markup = markdown::inline_to_typst_with(text, self.escape);
        if lang == self.lang { markup } else { format!("#text(lang: \"{lang}\")[{markup}]") }
    }

    pub(super) fn plain(&self, t: &Text) -> String {
        t.for_edition(self.lang).0.to_string()
    }

    pub(super) fn so_name(&self, so: &str) -> Result<String, String> {
        self.label(&format!("so.{so}"))
    }

    fn view(&self, findings: &[Finding]) -> Result<View, String> {
        let p = self.p;
        let meta = &p.meta;
        let (year, month, day) = meta.date;
        let excerpt = self.excerpt()?;
        let document_title = match &excerpt {
            Some(e) => format!("{} – {}", self.plain(&meta.title), e.heading),
            None => self.plain(&meta.title),
        };
        Ok(View {
            draft: false,
            redline: None,
            excerpt,
            show_special_cases: crate::excerpt::shows_special_cases(self.spec),
            lang: self.lang.code(),
            lang_code: self.label("lang.code")?,
            document_title,
            cover: Cover {
                cci: meta.cci.clone(),
                title: self.plain(&meta.title),
                title_typst: self.inline(&meta.title),
                version: meta.version.clone(),
                first_year: meta.first_year.to_string(),
                last_year: meta.last_year.to_string(),
                date: format!("{day:02}/{month:02}/{year}"),
                year,
                month,
                day,
                authority: self.plain(&meta.responsible_authority),
                authority_typst: self.inline(&meta.responsible_authority),
                pdf_date: PdfDate { year, month, day, hour: 0, minute: 0, second: 0 },
            },
            summary_typst: self.narrative(&p.summary),
            baseline_typst: self.narrative(&p.baseline),
            objectives: self.objectives()?,
            timetable: self.timetable()?,
            timeline: self.timeline()?,
            resettlement: self.resettlement()?,
            resettlement_pledging_typst: self.narrative(&p.special_cases.pledging),
            resettlement_heading: self.label("resettlement.heading")?,
            resettlement_lump_sum: self.resettlement_lump_sum()?,
            transfers: self.transfers()?,
            admission: self.admission()?,
            indicators: self.indicators()?,
            framework: self.framework()?,
            table1: self.table1()?,
            table2: self.year_table(&self.f.table2, "table2")?,
            table3: self.year_table(&self.f.table3, "table3")?,
            justification_typst: self.narrative(&p.financing.justification),
            documents: self.documents(),
            validation: if self.spec.is_excerpt() { vec![] } else { self.validation(findings)? },
        })
    }

    fn excerpt(&self) -> Result<Option<ExcerptView>, String> {
        if !self.spec.is_excerpt() {
            return Ok(None);
        }
        let mut parts = vec![self.label("excerpt.kind")?];
        if let Some(scope) = self.spec.scope {
            parts.push(self.label(&format!("scope.{}.name", scope.id()))?);
        }
        for so in self.spec.objectives.iter().flatten() {
            let number = so.trim_start_matches("so");
            parts.push(format!("{} {number} - {}", self.label("objective.specific")?, self.so_name(so)?));
        }
        let meta = &self.p.meta;
        let (y, m, d) = meta.date;
        let notice = self.l.fill(
            "excerpt.notice",
            &[("cci", &meta.cci), ("version", &meta.version), ("date", &format!("{d:02}/{m:02}/{y}"))],
        )?;
        Ok(Some(ExcerptView { heading: parts.join(" – "), notice }))
    }

    fn objectives(&self) -> Result<Vec<ObjectiveView>, String> {
        let (no_abbr, sa_abbr) = (self.label("abbr.no")?, self.label("abbr.sa")?);
        let action = self.label("objective.action")?;
        let mut out = Vec::new();
        for so in &self.p.objectives {
            let mut nos = Vec::new();
            for no in &so.national_objectives {
                let mut actions = Vec::new();
                for a in &no.actions {
                    let tag = match a.scope.filter(|_| a.scope_in_heading) {
                        Some(scope) => format!(" ({})", self.label(&format!("scope.{}.tag", scope.id()))?),
                        None => String::new(),
                    };
                    actions.push(ActionView {
                        id: a.id.clone(),
                        heading: format!("{action} {}{tag}:", a.number),
                        title_typst: self.inline(&a.title),
                        body_typst: self.narrative(&a.body),
                    });
                }
                nos.push(NationalObjectiveView {
                    id: no.id.clone(),
                    label: format!("{no_abbr}{} - {}", no.number, self.label(&format!("no.{}.{}", so.id, no.id))?),
                    intro_typst: self.narrative(&no.intro),
                    actions,
                });
            }
            let specific_actions = so
                .specific_actions
                .iter()
                .map(|sa| {
                    Ok(SpecificActionView {
                        id: sa.id.clone(),
                        label: format!("{sa_abbr}{} - {}", sa.number, self.label(&format!("sa.{}", sa.id))?),
                        text_typst: self.narrative(&sa.text),
                    })
                })
                .collect::<Result<_, String>>()?;
            out.push(ObjectiveView {
                id: so.id.clone(),
                label: format!("{} - {}", so.number, self.so_name(&so.id)?),
                text_typst: self.narrative(&so.objective),
                national_objectives: nos,
                specific_actions,
            });
        }
        Ok(out)
    }

    fn timetable(&self) -> Result<Vec<TimetableRow>, String> {
        let (so_abbr, no_abbr, sa_abbr) = (self.label("abbr.so")?, self.label("abbr.no")?, self.label("abbr.sa")?);
        self.f
            .timetable
            .iter()
            .map(|r| {
                let line = if r.is_specific_action {
                    format!("{sa_abbr}{} - {}", r.line_number, self.label(&format!("sa.{}", r.line))?)
                } else {
                    format!("{no_abbr}{} - {}", r.line_number, self.label(&format!("no.{}.{}", r.objective, r.line))?)
                };
                let name = self.inline(&r.name);
                Ok(TimetableRow {
                    id: r.id.clone(),
                    objective: format!("{so_abbr}{} - {}", r.objective_number, self.so_name(&r.objective)?),
                    line,
                    main_action: r.main_action.to_string(),
                    name_typst: match r.action_number {
                        Some(n) => format!("{n} {name}"),
                        None => name,
                    },
                    planning: r.planning.to_string(),
                    implementation: r.implementation.to_string(),
                    closing: r.closing.to_string(),
                })
            })
            .collect()
    }

    fn timeline(&self) -> Result<Timeline, String> {
        let rows = &self.f.timetable;
        let (Some(first), Some(last)) =
            (rows.iter().map(|r| r.planning).min(), rows.iter().map(|r| r.closing.max(r.implementation)).max())
        else {
            return Ok(Timeline::default());
        };
        let years: Vec<i32> = (first..=last).collect();
        let so_abbr = self.label("abbr.so")?;
        let mut groups: Vec<TimelineGroup> = Vec::new();
        let mut described = Vec::new();
        for r in rows {
            let label = format!("{so_abbr}{} - {}", r.objective_number, self.so_name(&r.objective)?);
            let name = r.name.for_edition(self.lang).0;
            let bar_label = match r.action_number {
                Some(n) => format!("{n} {name}"),
                None => name.to_string(),
            };
            let cells = years
                .iter()
                .map(|&y| match y {
                    y if y == r.closing => "closing",
                    y if y >= r.implementation && y < r.closing => "implementation",
                    y if y >= r.planning && y < r.implementation => "planning",
                    _ => "",
                })
                .collect();
            described.push(self.l.fill(
                "timeline.alt_row",
                &[
                    ("action", &bar_label),
                    ("planning", &r.planning.to_string()),
                    ("implementation", &r.implementation.to_string()),
                    ("closing", &r.closing.to_string()),
                ],
            )?);
            let bar = TimelineBar { label: bar_label, cells };
            match groups.last_mut() {
                Some(g) if g.label == label => g.bars.push(bar),
                _ => groups.push(TimelineGroup { label, bars: vec![bar] }),
            }
        }
        let intro = self.l.fill(
            "timeline.alt_intro",
            &[("count", &rows.len().to_string()), ("first", &first.to_string()), ("last", &last.to_string())],
        )?;
        Ok(Timeline {
            years: years.iter().map(i32::to_string).collect(),
            groups,
            alt: format!("{intro} {}", described.join(" ")),
        })
    }

    fn framework(&self) -> Result<Vec<FrameworkSection>, String> {
        let mut out = Vec::new();
        for (key, narrative) in &self.p.framework.sections {
            if *key == "main_beneficiaries" {
                // 6.7 groups 6.7.1 and 6.7.2 and has no text of its own.
                let title = self.label("section.beneficiaries")?;
                out.push(FrameworkSection { key: "beneficiaries".into(), title, level: 2, text_typst: String::new() });
            }
            let level = if matches!(*key, "main_beneficiaries" | "direct_award") { 3 } else { 2 };
            out.push(FrameworkSection {
                key: key.to_string(),
                title: self.label(&format!("section.{key}"))?,
                level,
                text_typst: self.narrative(narrative),
            });
        }
        Ok(out)
    }
}

/// A rule parameter as printed in `lang`.
pub fn param_text(v: &Param, lang: Lang) -> String {
    match v {
        Param::Amount(a) | Param::Percent(a) => decimal2(*a, lang),
        Param::Year(y) => y.to_string(),
        Param::Text(t) => t.clone(),
    }
}

/// A whole amount without decimals (`10 000`), as in the lump-sum note of section 4.1.
pub(super) fn whole(amount: Decimal, lang: Lang) -> String {
    match i64::try_from(amount.trunc()) {
        Ok(n) if amount.fract().is_zero() => integer(n, lang),
        _ => decimal2(amount, lang),
    }
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
