//! The view builder: programme + figures + labels → [`View`] for one edition. The core
//! (cover, objectives, timetable, framework) is here; the texts are in [`super::texts`], the
//! tables in [`super::tables`].

use rust_decimal::Decimal;

use super::*;
use crate::check::Finding;
use crate::compute::Figures;
use crate::i18n::LabelError;
use crate::i18n::{Labels, Lang};
use crate::markup::rich;
use crate::model::{EditionSpec, Persons, Programme};

/// The labels an edition prints: the form's (its own language) and those that belong to the
/// texts (action headings), in the language its texts are printed in.
pub struct EditionLabels<'a> {
    pub form: &'a Labels,
    pub text: &'a Labels,
    /// The whole catalogue: a bilingual edition needs each language's wording too.
    pub catalogue: Option<&'a crate::i18n::Catalogue>,
}

/// Builds the view of one edition.
/// `p` and `f` are the edition's own (see [`crate::model::excerpt::filter`]); `findings` are the
/// full programme's and only the full programme prints them.
pub fn build(
    p: &Programme,
    f: &Figures,
    findings: &[Finding],
    edition: &Edition,
    labels: &EditionLabels,
) -> Result<View, LabelError> {
    builder(p, f, edition, labels).view(findings)
}

/// As [`build`], for the translation-review view of a bilingual edition (`build --draft`):
/// units whose translation is stale or missing show what the translator has to do.
pub fn build_review(
    p: &Programme,
    f: &Figures,
    findings: &[Finding],
    edition: &Edition,
    labels: &EditionLabels,
) -> Result<View, LabelError> {
    let mut b = builder(p, f, edition, labels);
    b.review = edition.second.is_some();
    b.view(findings)
}

fn builder<'a>(p: &'a Programme, f: &'a Figures, edition: &'a Edition, labels: &EditionLabels<'a>) -> ViewBuilder<'a> {
    let text_lang = edition.spec.text_lang(edition.lang, p.meta.source);
    // A bilingual edition's form labels, each language's own, looked up once.
    let sides = match (edition.second, labels.catalogue) {
        (Some(second), Some(c)) => c.for_lang(edition.lang).ok().zip(c.for_lang(second).ok()),
        _ => None,
    };
    ViewBuilder {
        sides,
        catalogue: labels.catalogue,
        p,
        f,
        l: labels.form,
        tl: labels.text,
        lang: edition.lang,
        text_lang,
        second: edition.second,
        spec: &edition.spec,
        review: false,
    }
}

pub(super) struct ViewBuilder<'a> {
    /// A bilingual edition's labels in its first and its second language.
    pub(super) sides: Option<(Labels, Labels)>,
    /// The catalogue, for a bilingual edition's per-language wording.
    pub(super) catalogue: Option<&'a crate::i18n::Catalogue>,
    pub(super) p: &'a Programme,
    pub(super) f: &'a Figures,
    /// The form's labels, in the edition's language.
    pub(super) l: &'a Labels,
    /// Labels that are part of the texts (action headings), in the texts' language.
    pub(super) tl: &'a Labels,
    pub(super) lang: Lang,
    /// The language texts are printed in: the edition's, or the source language.
    pub(super) text_lang: Lang,
    /// A bilingual edition's second language: texts in two columns, unit by unit.
    pub(super) second: Option<Lang>,
    pub(super) spec: &'a EditionSpec,
    /// The translation-review view: stale and missing units shown as such (bilingual only).
    pub(super) review: bool,
}

impl ViewBuilder<'_> {
    /// A label of the form; in a bilingual edition both languages' wording ([`Self::each_lang`]),
    /// except codes, numbers and typography ([`Labels::keeps_first`]).
    pub(super) fn label(&self, key: &str) -> Result<Runs, LabelError> {
        if Labels::keeps_first(key) {
            return Ok(rich::text(self.l.get(key)?));
        }
        self.each_lang(|l| Ok(l.get(key)?.to_string()))
    }

    /// A code word of the form (`OS`, `ON`), in the edition's first language only.
    pub(super) fn word(&self, key: &str) -> Result<String, LabelError> {
        Ok(self.l.get(key)?.to_string())
    }

    pub(super) fn money(&self, v: Decimal) -> String {
        self.l.number.decimal2(v)
    }

    pub(super) fn persons(&self, persons: &Persons) -> Vec<String> {
        persons.iter().map(|p| p.map(|n| self.l.number.integer(n)).unwrap_or_default()).collect()
    }

    pub(super) fn so_name(&self, so: &str) -> Result<Runs, LabelError> {
        self.label(&format!("so.{so}"))
    }

    /// `OS1.ON1 Accueil/Asile`: a code and a name in the language's order.
    pub(super) fn code_name(&self, code: &str, name: Runs) -> Result<Runs, LabelError> {
        super::bilingual::fill_runs(self.l, "pattern.code_name", &[("code", rich::text(code)), ("name", name)])
    }

    /// `ON1 - Accueil/Asile`, `1 - Asile`.
    pub(super) fn code_dash_name(&self, code: &str, name: Runs) -> Result<Runs, LabelError> {
        super::bilingual::fill_runs(self.l, "pattern.code_dash_name", &[("code", rich::text(code)), ("name", name)])
    }

    /// `SO1 - Asylum` with the abbreviation, as the timetable and the timeline name objectives.
    pub(super) fn so_label(&self, so: &str, number: u32) -> Result<Runs, LabelError> {
        self.code_dash_name(&format!("{}{number}", self.word("abbr.so")?), self.so_name(so)?)
    }

    /// `NO2 - Integration` or `SA5 - Joint return operations`: a line of a specific objective.
    pub(super) fn line_label(&self, so: &str, line: &str, number: u32) -> Result<Runs, LabelError> {
        let (abbr, name) = if line.starts_with("sa") {
            (self.word("abbr.sa")?, self.label(&format!("sa.{line}"))?)
        } else {
            (self.word("abbr.no")?, self.label(&format!("no.{so}.{line}"))?)
        };
        self.code_dash_name(&format!("{abbr}{number}"), name)
    }

    fn view(&self, findings: &[Finding]) -> Result<View, LabelError> {
        let p = self.p;
        let meta = &p.meta;
        let (year, month, day) = meta.date;
        let excerpt = self.excerpt()?;
        let document_title = match &excerpt {
            Some(e) => format!("{} – {}", self.plain(&meta.title), rich::plain(&e.heading)),
            None => self.plain(&meta.title),
        };
        Ok(View {
            draft: false,
            draft_label: String::new(),
            review: self.review,
            bilingual: self.second.is_some(),
            redline: None,
            translation_notice: vec![],
            excerpt,
            show_special_cases: crate::model::excerpt::shows_special_cases(self.spec),
            lang: self.lang.to_string(),
            lang_code: rich::plain(&self.label("lang.code")?),
            document_title,
            cover: Cover {
                cci: meta.cci.clone(),
                title_plain: self.plain(&meta.title),
                title: self.inline(&meta.title),
                version: meta.version.clone(),
                first_year: meta.first_year.to_string(),
                last_year: meta.last_year.to_string(),
                date: format!("{day:02}/{month:02}/{year}"),
                year,
                month,
                day,
                authority_plain: self.plain(&meta.responsible_authority),
                authority: self.inline(&meta.responsible_authority),
                pdf_date: PdfDate { year, month, day, hour: 0, minute: 0, second: 0 },
            },
            summary: self.narrative(&p.summary),
            baseline: self.narrative(&p.baseline),
            objectives: self.objectives()?,
            timetable: self.timetable()?,
            timeline: self.timeline()?,
            resettlement: self.resettlement()?,
            resettlement_pledging: self.narrative(&p.special_cases.pledging),
            resettlement_heading: self.label("resettlement.heading")?,
            resettlement_lump_sum: self.resettlement_lump_sum()?,
            transfers: self.transfers()?,
            admission: self.admission()?,
            indicators: self.indicators()?,
            framework: self.framework()?,
            table1: self.table1()?,
            table2: self.year_table(&self.f.table2, "table2")?,
            table3: self.year_table(&self.f.table3, "table3")?,
            justification: self.narrative(&p.financing.justification),
            documents: self.documents(),
            validation: if self.spec.is_excerpt() { vec![] } else { self.validation(findings)? },
        })
    }

    fn excerpt(&self) -> Result<Option<ExcerptView>, LabelError> {
        if !self.spec.is_excerpt() {
            return Ok(None);
        }
        // The heading is the form's, in the edition's language (the scope's name translated);
        // a bilingual edition's in each language on its own.
        let heading = self.each_lang(|l| {
            let mut parts = vec![l.get("excerpt.kind")?.to_string()];
            if let Some(scope) = self.spec.scope.as_ref().and_then(|s| self.p.meta.scope(s)) {
                parts.push(scope.name.for_edition(l.lang).0.to_string());
            }
            for so in self.spec.objectives.iter().flatten() {
                let number = so.trim_start_matches("so");
                let code = format!("{} {number}", l.get("objective.specific")?);
                let name = l.get(&format!("so.{so}"))?;
                parts.push(l.fill("pattern.code_dash_name", &[("code", &code), ("name", name)])?);
            }
            Ok(parts.join(" – "))
        })?;
        let meta = &self.p.meta;
        let (y, m, d) = meta.date;
        let date = format!("{d:02}/{m:02}/{y}");
        let notice = self.each_lang(|l| {
            l.fill("excerpt.notice", &[("cci", &meta.cci), ("version", &meta.version), ("date", &date)])
        })?;
        Ok(Some(ExcerptView { heading, notice }))
    }

    fn objectives(&self) -> Result<Vec<ObjectiveView>, LabelError> {
        let mut out = Vec::new();
        for so in &self.p.objectives {
            let mut nos = Vec::new();
            for no in &so.national_objectives {
                let mut actions = Vec::new();
                for a in &no.actions {
                    let number = a.number.to_string();
                    // The heading is part of the text (the authority typed it), so it speaks the
                    // texts' language.
                    let declared = a.scope.as_ref().filter(|_| a.scope_in_heading).and_then(|s| self.p.meta.scope(s));
                    let heading = match declared {
                        Some(scope) => {
                            let tag = self.plain(&scope.tag);
                            self.tl.fill("pattern.action_heading_scoped", &[("number", &number), ("scope", &tag)])?
                        }
                        None => self.tl.fill("pattern.action_heading", &[("number", &number)])?,
                    };
                    let (heading, title, row) = match self.second {
                        // Bilingual: each column opens with its own heading, in its language.
                        Some(second) => (String::new(), vec![], Some(self.bilingual_action(a, second)?)),
                        None => (heading, self.inline(&a.title), None),
                    };
                    actions.push(ActionView { id: a.id.clone(), heading, title, row, body: self.narrative(&a.body) });
                }
                nos.push(NationalObjectiveView {
                    id: no.id.clone(),
                    head: self.line_head("objective.national", &so.id, &no.id, no.number)?,
                    label: self.line_label(&so.id, &no.id, no.number)?,
                    intro: self.narrative(&no.intro),
                    actions,
                });
            }
            let specific_actions = so
                .specific_actions
                .iter()
                .map(|sa| {
                    Ok(SpecificActionView {
                        id: sa.id.clone(),
                        head: self.line_head("objective.specific_action", &so.id, &sa.id, sa.number)?,
                        label: self.line_label(&so.id, &sa.id, sa.number)?,
                        text: self.narrative(&sa.text),
                    })
                })
                .collect::<Result<_, LabelError>>()?;
            out.push(ObjectiveView {
                id: so.id.clone(),
                heading: self.heading(|l| super::names::so_heading(l, &so.id, so.number))?,
                label: self.code_dash_name(&so.number.to_string(), self.so_name(&so.id)?)?,
                text: self.narrative(&so.objective),
                national_objectives: nos,
                specific_actions,
            });
        }
        Ok(out)
    }

    fn timetable(&self) -> Result<Vec<TimetableRow>, LabelError> {
        self.f
            .timetable
            .iter()
            .map(|r| {
                let line = self.line_label(&r.objective, &r.line, r.line_number)?;
                let name = self.numbered(&r.name, r.action_number)?;
                Ok(TimetableRow {
                    id: r.id.clone(),
                    objective: self.so_label(&r.objective, r.objective_number)?,
                    line,
                    main_action: r.main_action.to_string(),
                    name,
                    planning: r.planning.to_string(),
                    implementation: r.implementation.to_string(),
                    closing: r.closing.to_string(),
                })
            })
            .collect()
    }

    fn framework(&self) -> Result<Vec<FrameworkSection>, LabelError> {
        let mut out = Vec::new();
        for (key, narrative) in &self.p.framework.sections {
            if *key == "main_beneficiaries" {
                // 6.7 groups 6.7.1 and 6.7.2 and has no text of its own.
                let title = self.label("section.beneficiaries")?;
                let text = NarrativeView::default();
                out.push(FrameworkSection { key: "beneficiaries".into(), title, level: 2, text });
            }
            let level = if matches!(*key, "main_beneficiaries" | "direct_award") { 3 } else { 2 };
            out.push(FrameworkSection {
                key: key.to_string(),
                title: self.label(&format!("section.{key}"))?,
                level,
                text: self.narrative(narrative),
            });
        }
        Ok(out)
    }
}

/// A whole amount without decimals (`10 000`), as in the lump-sum note of section 4.1.
pub(super) fn whole(amount: Decimal, number: &crate::i18n::number::NumberFormat) -> String {
    match i64::try_from(amount.trunc()) {
        Ok(n) if amount.fract().is_zero() => number.integer(n),
        _ => number.decimal2(amount),
    }
}
