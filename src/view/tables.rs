//! The tables of the view: section 4 pledges, section 5 indicators, Tables 1-3, documents
//! and validation rows. Every figure arrives computed; this only formats and labels.

use rust_decimal::Decimal;

use super::bilingual::fill_runs;
use super::build::{ViewBuilder, whole};
use super::names::so_code_name;
use super::*;
use crate::check::{Finding, Level};
use crate::compute::{LineKind, YearTable};
use crate::i18n::LabelError;
use crate::markup::rich::{self, Inline, Pair};
use crate::model::{Persons, Unit};

impl ViewBuilder<'_> {
    pub(super) fn timeline(&self) -> Result<Timeline, LabelError> {
        let rows = &self.f.timetable;
        let (Some(first), Some(last)) =
            (rows.iter().map(|r| r.planning).min(), rows.iter().map(|r| r.closing.max(r.implementation)).max())
        else {
            return Ok(Timeline::default());
        };
        let years: Vec<i32> = (first..=last).collect();
        let mut groups: Vec<TimelineGroup> = Vec::new();
        let mut described = Vec::new();
        for r in rows {
            let label = self.so_label(&r.objective, r.objective_number)?;
            let name = &self.plain(&r.name);
            let bar_label = match r.action_number {
                Some(n) => self.l.fill("pattern.numbered_name", &[("number", &n.to_string()), ("name", name)])?,
                None => name.to_string(),
            };
            let (planning, implementation, closing) =
                (r.planning.to_string(), r.implementation.to_string(), r.closing.to_string());
            let phases = years
                .iter()
                .map(|&y| match y {
                    y if y == r.closing => "closing",
                    y if y >= r.implementation && y < r.closing => "implementation",
                    y if y >= r.planning && y < r.implementation => "planning",
                    _ => "",
                })
                .collect();
            described.push(rich::plain(&self.each_lang(|l| {
                l.fill(
                    "timeline.alt_row",
                    &[
                        ("action", &bar_label),
                        ("planning", &planning),
                        ("implementation", &implementation),
                        ("closing", &closing),
                    ],
                )
            })?));
            let bar = TimelineBar { label: bar_label, phases };
            match groups.last_mut() {
                Some(g) if g.label == label => g.bars.push(bar),
                _ => groups.push(TimelineGroup { label, bars: vec![bar] }),
            }
        }
        let intro = rich::plain(&self.each_lang(|l| {
            l.fill(
                "timeline.alt_intro",
                &[("count", &rows.len().to_string()), ("first", &first.to_string()), ("last", &last.to_string())],
            )
        })?);
        Ok(Timeline {
            years: years.iter().map(i32::to_string).collect(),
            groups,
            alt: format!("{intro} {}", described.join(" ")),
        })
    }

    pub(super) fn periods(&self) -> Vec<String> {
        self.p.special_cases.periods.iter().map(|p| p.id.clone()).collect()
    }

    pub(super) fn pledge_row(&self, id: &str, label: Runs, persons: &Persons, is_total: bool) -> PledgeRow {
        PledgeRow { id: id.into(), label, from: vec![], to: vec![], cells: self.persons(persons), is_total }
    }

    pub(super) fn resettlement(&self) -> Result<PledgeTable, LabelError> {
        let sc = &self.p.special_cases;
        let mut rows = Vec::new();
        for c in &sc.categories {
            let name = self.term(&self.p.reference.resettlement_categories, &c.id)?;
            rows.push(self.pledge_row(&c.id, name, &c.persons, false));
        }
        let totals = &self.f.resettlement;
        rows.push(self.pledge_row(
            "total-union",
            self.label("resettlement.total_union")?,
            &totals.union_priorities,
            true,
        ));
        rows.push(self.pledge_row("total", self.label("resettlement.total")?, &totals.total, true));
        Ok(PledgeTable { periods: self.periods(), rows })
    }

    /// A reference term's name as the form prints a label: in the edition's language, and in
    /// a bilingual edition `first / second` when the two differ.
    fn term(&self, terms: &[crate::model::Term], id: &str) -> Result<Runs, LabelError> {
        let name = |lang| {
            crate::model::reference::name_of(terms, id, lang)
                .ok_or_else(|| crate::i18n::LabelError::Unknown(format!("reference `{id}` in `{lang}`")))
        };
        let first = name(self.lang)?;
        Ok(match self.second.map(|lang| name(lang).map(|n| (lang, n))).transpose()? {
            Some((lang, second)) if second != first => {
                vec![Inline::Pair(Pair::new(self.lang, rich::text(first), lang, rich::text(second)))]
            }
            _ => rich::text(first),
        })
    }

    pub(super) fn resettlement_lump_sum(&self) -> Result<Runs, LabelError> {
        let amount = self.p.special_cases.lump_sum("resettlement-priority").map(|l| l.amount).unwrap_or_default();
        let amount = whole(amount, &self.l.number);
        self.each_lang(|l| l.fill("resettlement.lump_sum", &[("amount", &amount)]))
    }

    pub(super) fn transfers(&self) -> Result<PledgeTable, LabelError> {
        let country = |c: &Option<String>| -> Result<Runs, LabelError> {
            c.as_ref().map(|c| self.term(&self.p.reference.countries, c)).transpose().map(Option::unwrap_or_default)
        };
        let mut rows = Vec::new();
        for t in &self.p.special_cases.transfers {
            let label = self.label(&format!("transfers.{}", t.kind))?;
            let mut row = self.pledge_row(&t.id, label, &t.persons, false);
            row.from = country(&t.from)?;
            row.to = country(&Some(t.to.clone()))?;
            rows.push(row);
        }
        Ok(PledgeTable { periods: self.periods(), rows })
    }

    pub(super) fn admission(&self) -> Result<PledgeTable, LabelError> {
        let rows = match &self.p.special_cases.admission_turkey {
            Some(persons) => {
                vec![self.pledge_row("admission", self.label("admission.row")?, persons, false)]
            }
            None => vec![],
        };
        Ok(PledgeTable { periods: self.periods(), rows })
    }

    pub(super) fn indicators(&self) -> Result<Vec<IndicatorGroupView>, LabelError> {
        let mut groups = Vec::new();
        for g in &self.p.indicators {
            let number = g.objective.trim_start_matches("so");
            let mut rows = Vec::new();
            for i in &g.indicators {
                let name = match &i.name {
                    Some(name) => self.inline(name),
                    None => self.label(&format!("indicator.{}.{}", g.objective, i.id))?,
                };
                rows.push(IndicatorRow {
                    id: i.id.clone(),
                    label: fill_runs(
                        self.l,
                        "pattern.code_dash_name",
                        &[("code", rich::text(i.id.to_uppercase())), ("name", name)],
                    )?,
                    unit: self.label(match i.unit {
                        Unit::Number => "unit.number",
                        Unit::Percent => "unit.percent",
                    })?,
                    baseline: self.money(i.baseline),
                    target: self.money(i.target),
                    source: self.inline(&i.source),
                });
            }
            let number_n = number.parse().unwrap_or_default();
            groups.push(IndicatorGroupView {
                label: self.code_dash_name(number, self.so_name(&g.objective)?)?,
                heading: self.heading(|l| super::names::so_heading(l, &g.objective, number_n))?,
                rows,
            });
        }
        Ok(groups)
    }

    pub(super) fn table1(&self) -> Result<Vec<AmountRow>, LabelError> {
        let t = &self.f.table1;
        let (so_abbr, no_abbr, sa_abbr) = (self.word("abbr.so")?, self.word("abbr.no")?, self.word("abbr.sa")?);
        let mut rows = Vec::new();
        let amount = |a: Option<Decimal>| a.map(|a| self.money(a)).unwrap_or_default();
        for o in t.objectives.iter().filter(|o| self.spec.includes_objective(&o.id)) {
            let lines = |kind: LineKind| o.lines.iter().filter(move |l| l.kind == kind);
            // National objective lines then their total, specific action lines then theirs.
            let groups = [
                (LineKind::National, &no_abbr, "table1.total_no", o.total_national),
                (LineKind::Specific, &sa_abbr, "table1.total_sa", o.total_specific),
            ];
            for (kind, abbr, total_key, total) in groups {
                for l in lines(kind.clone()) {
                    let name = match kind {
                        LineKind::National => self.label(&format!("no.{}.{}", o.id, l.id))?,
                        LineKind::Specific => self.label(&format!("sa.{}", l.id))?,
                    };
                    let label = self.code_name(&format!("{so_abbr}{}.{abbr}{}", o.number, l.number), name)?;
                    rows.push(AmountRow { label, amount: amount(l.amount), style: "line" });
                }
                if !o.lines.is_empty() {
                    // Each language's pattern around its own name (`TOTAL ON OS1 Asile / TOTAL NO SO1 Asylum`).
                    let label = self.each_lang(|l| l.fill(total_key, &[("so", &so_code_name(l, &o.id, o.number)?)]))?;
                    rows.push(AmountRow { label, amount: self.money(total), style: "subtotal" });
                }
            }
            rows.push(AmountRow {
                label: self.each_lang(|l| l.fill("table1.total_so", &[("so", &so_code_name(l, &o.id, o.number)?)]))?,
                amount: self.money(o.total),
                style: "total",
            });
        }
        if self.spec.is_excerpt() {
            // Never the programme total under a programme title: the total of what is shown.
            let shown = crate::compute::objectives_total(t, |so| self.spec.includes_objective(so));
            rows.push(AmountRow {
                label: (self.label("table1.excerpt_total")?),
                amount: self.money(shown),
                style: "grand",
            });
            return Ok(rows);
        }
        rows.push(AmountRow {
            label: (self.label("table1.technical_assistance")?),
            amount: self.money(t.technical_assistance),
            style: "line",
        });
        rows.push(AmountRow {
            label: (self.label("table1.special_cases")?),
            amount: self.money(t.special_cases),
            style: "subtotal",
        });
        let label = self.label("table1.grand_total")?;
        rows.push(AmountRow { label, amount: self.money(t.total), style: "grand" });
        Ok(rows)
    }

    pub(super) fn year_table(&self, t: &YearTable, prefix: &str) -> Result<YearTableView, LabelError> {
        let rows = t
            .rows
            .iter()
            .map(|r| {
                Ok(YearRowView {
                    label: self.label(&format!("{prefix}.{}", r.id))?,
                    cells: r.cells.iter().map(|c| c.map(|c| self.money(c)).unwrap_or_default()).collect(),
                    total: self.money(r.total),
                })
            })
            .collect::<Result<_, LabelError>>()?;
        Ok(YearTableView {
            years: t.years.iter().map(i32::to_string).collect(),
            rows,
            totals: t.year_totals.iter().map(|v| self.money(*v)).collect(),
            total: self.money(t.total),
        })
    }

    pub(super) fn documents(&self) -> Vec<Vec<String>> {
        self.p
            .meta
            .documents
            .iter()
            .map(|d| {
                vec![
                    self.plain(&d.title),
                    d.kind.clone(),
                    d.date.clone(),
                    d.local_reference.clone(),
                    d.commission_reference.clone(),
                    d.files.join(", "),
                    d.sent_date.clone(),
                    d.sent_by.clone(),
                ]
            })
            .collect()
    }

    pub(super) fn validation(&self, findings: &[Finding]) -> Result<Vec<ValidationRow>, LabelError> {
        findings
            .iter()
            .map(|f| {
                let severity = self.label(match f.level {
                    Level::Info => "severity.info",
                    Level::Warning => "severity.warning",
                    Level::Error => "severity.error",
                })?;
                let message = self.each_lang(|l| f.message_in(l))?;
                Ok(ValidationRow { severity, code: f.code.to_string(), message })
            })
            .collect()
    }
}
