//! The numeric inputs of the programme, checked: section 4 (pledging periods, lump sums,
//! persons pledged), section 5 (indicators) and section 7 (Table 1 and Table 3 amounts).

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::build::Builder;
use super::*;
use crate::amount::{Amount, MAX_AMOUNT, MAX_PERSONS};
use crate::load::raw::*;

impl Builder<'_> {
    /// An amount within the form's bounds; `signed` where the form takes negative values
    /// (withdrawn pledges). A refused amount counts as 0, so later checks still run.
    pub(super) fn amount(&mut self, amount: Amount, path: &str, signed: bool) -> Decimal {
        let value = amount.0;
        if value.abs() > MAX_AMOUNT {
            let msg = format!("{value} is beyond the form's largest amount (999 999 999 999,99)");
            self.error(
                "amount-range",
                path,
                msg,
                Some("amounts are in euros, with at most 12 digits before the point".into()),
            );
            return Decimal::ZERO;
        }
        if value.is_sign_negative() && !value.is_zero() && !signed {
            let msg = format!("{value} is negative; the form takes no negative amount here");
            self.error("amount-negative", path, msg, None);
            return Decimal::ZERO;
        }
        value
    }

    /// Ids of a list must be unique: the first would silently win.
    fn unique<'a>(&mut self, ids: impl Iterator<Item = &'a str>, list: &str, what: &str) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                let msg = format!("{what} `{id}` appears twice");
                self.error("id-duplicate", &format!("{list}[{i}].id"), msg, None);
            }
        }
    }

    pub(super) fn special_cases(&mut self, raw: RawSpecialCases, meta: &Meta, reference: &Reference) -> SpecialCases {
        self.unique(raw.pledging_periods.iter().map(|p| p.id.as_str()), "pledging_periods", "pledging period");
        self.unique(raw.lump_sums.iter().map(|l| l.id.as_str()), "lump_sums", "lump sum");
        self.unique(raw.resettlement.categories.iter().map(|c| c.id.as_str()), "resettlement.categories", "category");
        self.unique(raw.transfers.iter().map(|t| t.id.as_str()), "transfers", "transfer");
        let periods: Vec<Period> = raw
            .pledging_periods
            .into_iter()
            .map(|p| Period { id: p.id, first_year: p.first_year, last_year: p.last_year })
            .collect();
        self.periods_in_order(&periods, meta);
        let lump_sums: Vec<LumpSum> = raw
            .lump_sums
            .into_iter()
            .enumerate()
            .map(|(i, l)| LumpSum {
                legal_basis: self.text(l.legal_basis, &format!("lump_sums[{i}].legal_basis")),
                amount: self.amount(l.amount, &format!("lump_sums[{i}].amount"), false),
                id: l.id,
            })
            .collect();
        let lump_ids: Vec<String> = lump_sums.iter().map(|l| l.id.clone()).collect();
        let pledging =
            raw.resettlement.pledging.map(|n| self.narrative(n, "resettlement.pledging")).unwrap_or_default();
        let mut categories = Vec::new();
        for (i, c) in raw.resettlement.categories.into_iter().enumerate() {
            let at = format!("resettlement.categories[{i}]");
            if !lump_ids.contains(&c.lump_sum) {
                let msg = format!("unknown lump sum `{}`", c.lump_sum);
                self.error(
                    "id-unknown",
                    &format!("{at}.lump_sum"),
                    msg,
                    Some(format!("lump sums are: {}", lump_ids.join(", "))),
                );
            }
            let categories_declared = &reference.resettlement_categories;
            self.declared(categories_declared, &c.id, "resettlement category", &format!("{at}.id"));
            let persons = self.persons(c.persons, &periods, &format!("{at}.persons"));
            categories.push(Category { id: c.id, lump_sum: c.lump_sum, union_priority: c.union_priority, persons });
        }
        let mut transfers = Vec::new();
        for (i, t) in raw.transfers.into_iter().enumerate() {
            let at = format!("transfers[{i}]");
            if !sfc::TRANSFER_KINDS.contains(&t.kind.as_str()) {
                let msg = format!("unknown transfer kind `{}`", t.kind);
                self.error(
                    "id-unknown",
                    &format!("{at}.kind"),
                    msg,
                    Some(format!("kinds are: {}", sfc::TRANSFER_KINDS.join(", "))),
                );
            }
            for (key, country) in [("from", t.from.as_deref()), ("to", Some(t.to.as_str()))] {
                if let Some(country) = country {
                    self.declared(&reference.countries, country, "country", &format!("{at}.{key}"));
                }
            }
            let persons = self.persons(t.persons, &periods, &format!("{at}.persons"));
            transfers.push(Transfer { id: t.id, kind: t.kind, from: t.from, to: t.to, persons });
        }
        let admission_turkey =
            raw.admission_turkey.map(|a| self.persons(a.persons, &periods, "admission_turkey.persons"));
        // A lump sum is needed by the special cases that pledge persons under it.
        let mut needed: Vec<&str> = transfers.iter().map(|t| sfc::lump_sum_of_kind(&t.kind)).collect();
        if admission_turkey.is_some() {
            needed.push(sfc::lump_sum_of_kind("admission-turkey"));
        }
        needed.sort_unstable();
        needed.dedup();
        for needed in needed {
            if !lump_ids.iter().any(|l| l == needed) {
                let msg = format!("lump sum `{needed}` is missing");
                self.error(
                    "lump-sum-missing",
                    "lump_sums",
                    msg,
                    Some("the special cases pledged under it need its amount".into()),
                );
            }
        }
        SpecialCases { periods, lump_sums, pledging, categories, transfers, admission_turkey }
    }

    /// Pledging periods lie within the programme's years, in order, without overlapping: a
    /// period outside them would silently drop its pledges from Table 2.
    fn periods_in_order(&mut self, periods: &[Period], meta: &Meta) {
        for (i, p) in periods.iter().enumerate() {
            let at = format!("pledging_periods[{i}]");
            if p.first_year > p.last_year {
                let msg = format!("period `{}` starts in {} after it ends in {}", p.id, p.first_year, p.last_year);
                self.error("period-order", &format!("{at}.first_year"), msg, None);
            }
            for (key, year) in [("first_year", p.first_year), ("last_year", p.last_year)] {
                self.year(year, &format!("{at}.{key}"), meta.first_year, meta.last_year);
            }
            if let Some(before) = i.checked_sub(1).map(|j| &periods[j]).filter(|b| p.first_year <= b.last_year) {
                let msg = format!(
                    "period `{}` starts in {}, before period `{}` ends ({})",
                    p.id, p.first_year, before.id, before.last_year
                );
                let hint = "pledging periods follow each other without overlapping";
                self.error("period-order", &format!("{at}.first_year"), msg, Some(hint.into()));
            }
        }
    }

    fn persons(&mut self, raw: RawPersons, periods: &[Period], at: &str) -> Persons {
        for (key, n) in &raw {
            if !periods.iter().any(|p| &p.id == key) {
                let ids: Vec<&str> = periods.iter().map(|p| p.id.as_str()).collect();
                let msg = format!("unknown pledging period `{key}`");
                let hint = crate::diag::suggest::hint(key, &ids, "periods");
                self.error("id-unknown", &format!("{at}.{key}"), msg, Some(hint));
            }
            if n.unsigned_abs() > MAX_PERSONS.unsigned_abs() {
                let msg = format!("{n} persons is beyond the form's bound ({MAX_PERSONS})");
                self.error("persons-range", &format!("{at}.{key}"), msg, None);
            }
        }
        let within = |n: &i64| n.unsigned_abs() <= MAX_PERSONS.unsigned_abs();
        periods.iter().map(|p| raw.get(&p.id).copied().filter(within)).collect()
    }

    pub(super) fn indicators(&mut self, raw: RawIndicators) -> Vec<IndicatorGroup> {
        let mut groups = Vec::new();
        for (so, items) in raw {
            if sfc::objective(&so).is_none() {
                self.error("id-unknown", &so, format!("unknown specific objective `{so}`"), None);
                continue;
            }
            let mut seen = BTreeSet::new();
            let mut indicators = Vec::new();
            for (i, it) in items.into_iter().enumerate() {
                let at = format!("{so}[{i}]");
                if !seen.insert(it.id.clone()) {
                    self.error(
                        "id-duplicate",
                        &format!("{at}.id"),
                        format!("indicator `{}` appears twice", it.id),
                        None,
                    );
                }
                let unit = match it.unit.as_str() {
                    "number" => Unit::Number,
                    "percent" => Unit::Percent,
                    other => {
                        let msg = format!("unknown unit `{other}`");
                        self.error(
                            "unit-unknown",
                            &format!("{at}.unit"),
                            msg,
                            Some("use `number` or `percent`".into()),
                        );
                        Unit::Number
                    }
                };
                indicators.push(Indicator {
                    name: it.name.map(|n| self.text(n, &format!("{at}.name"))),
                    source: self.required_text(it.source, &format!("{at}.source")),
                    id: it.id,
                    unit,
                    baseline: self.amount(it.baseline, &format!("{at}.baseline"), false),
                    target: self.amount(it.target, &format!("{at}.target"), false),
                });
            }
            groups.push(IndicatorGroup { objective: so, indicators });
        }
        groups
    }

    pub(super) fn financing(&mut self, raw: RawFinancing, meta: &Meta) -> Financing {
        let mut table1 = BTreeMap::new();
        let lines =
            [("so1", raw.table1.so1), ("so2", raw.table1.so2), ("so3", raw.table1.so3), ("so4", raw.table1.so4)];
        for (so, amounts) in lines {
            let sfc = sfc::objective(so).expect("fixed list");
            for (line, amount) in amounts {
                if sfc.national_number(&line).is_none() && sfc.specific_number(&line).is_none() {
                    let known: Vec<&str> = sfc.national.iter().chain(sfc.specific).copied().collect();
                    let msg = format!("`{line}` is not a line of {so} in Table 1");
                    let hint = if known.is_empty() {
                        format!("{so} has no lines in the SFC2014 form")
                    } else {
                        crate::diag::suggest::hint(&line, &known, &format!("lines of {so}"))
                    };
                    self.error("id-unknown", &format!("table1.{so}.{line}"), msg, Some(hint));
                }
                let value = self.amount(amount, &format!("table1.{so}.{line}"), false);
                table1.insert((so.to_string(), line), value);
            }
        }
        let mut table3 = BTreeMap::new();
        for (line, years) in raw.table3 {
            if !sfc::TABLE3_LINES.contains(&line.as_str()) {
                let msg = format!("unknown budget line `{line}`");
                self.error(
                    "id-unknown",
                    &format!("table3.{line}"),
                    msg,
                    Some(format!("lines are: {}", sfc::TABLE3_LINES.join(", "))),
                );
            }
            let mut cells = BTreeMap::new();
            for (year, amount) in years {
                let at = format!("table3.{line}.{year}");
                self.year(year, &at, meta.first_year, meta.last_year);
                cells.insert(year, self.amount(amount, &at, false));
            }
            table3.insert(line, cells);
        }
        Financing {
            basic_amount: self.amount(raw.basic_amount, "basic_amount", false),
            table1,
            technical_assistance: self.amount(raw.table1.technical_assistance, "table1.technical_assistance", false),
            table3,
            justification: raw.justification.map(|n| self.narrative(n, "justification")).unwrap_or_default(),
        }
    }
}
