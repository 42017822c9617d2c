//! The numeric inputs of the programme, checked: section 4 (pledging periods, lump sums,
//! persons pledged), section 5 (indicators) and section 7 (Table 1 and Table 3 amounts).

use std::collections::{BTreeMap, BTreeSet};

use super::build::Builder;
use super::raw::*;
use super::*;

impl Builder<'_> {
    pub(super) fn special_cases(&mut self, raw: RawSpecialCases) -> SpecialCases {
        let periods: Vec<Period> = raw
            .pledging_periods
            .into_iter()
            .map(|p| Period { id: p.id, first_year: p.first_year, last_year: p.last_year })
            .collect();
        let lump_sums: Vec<LumpSum> = raw
            .lump_sums
            .into_iter()
            .enumerate()
            .map(|(i, l)| LumpSum {
                legal_basis: self.text(l.legal_basis, &format!("lump_sums[{i}].legal_basis")),
                id: l.id,
                amount: l.amount.0,
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
            let persons = self.persons(t.persons, &periods, &format!("{at}.persons"));
            transfers.push(Transfer { id: t.id, kind: t.kind, from: t.from, to: t.to, persons });
        }
        let admission_turkey =
            raw.admission_turkey.map(|a| self.persons(a.persons, &periods, "admission_turkey.persons"));
        for needed in sfc::LUMP_SUMS_NEEDED {
            if !lump_ids.iter().any(|l| l == needed) {
                let msg = format!("lump sum `{needed}` is missing");
                self.error("lump-sum-missing", "lump_sums", msg, None);
            }
        }
        SpecialCases { periods, lump_sums, pledging, categories, transfers, admission_turkey }
    }

    fn persons(&mut self, raw: RawPersons, periods: &[Period], at: &str) -> Persons {
        for key in raw.keys() {
            if !periods.iter().any(|p| &p.id == key) {
                let ids: Vec<&str> = periods.iter().map(|p| p.id.as_str()).collect();
                let msg = format!("unknown pledging period `{key}`");
                self.error("id-unknown", &format!("{at}.{key}"), msg, Some(format!("periods are: {}", ids.join(", "))));
            }
        }
        periods.iter().map(|p| raw.get(&p.id).copied()).collect()
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
                    baseline: it.baseline.0,
                    target: it.target.0,
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
                    self.error(
                        "id-unknown",
                        &format!("table1.{so}.{line}"),
                        msg,
                        Some(format!("lines of {so}: {}", known.join(", "))),
                    );
                }
                table1.insert((so.to_string(), line), amount.0);
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
            for year in years.keys() {
                self.year(*year, &format!("table3.{line}.{year}"), meta.first_year, meta.last_year);
            }
            table3.insert(line, years.into_iter().map(|(y, a)| (y, a.0)).collect());
        }
        Financing {
            basic_amount: raw.basic_amount.0,
            table1,
            technical_assistance: raw.table1.technical_assistance.0,
            table3,
            justification: raw.justification.map(|n| self.narrative(n, "justification")).unwrap_or_default(),
        }
    }
}
