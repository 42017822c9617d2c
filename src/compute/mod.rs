//! Stage 3, compute: programme inputs → every derived figure. All arithmetic is
//! rust_decimal; the content holds inputs only, so no total can ever be stale.

pub mod money;

use rust_decimal::Decimal;

use crate::model::sfc::{self, lump_sum_of_kind};
use crate::model::{Persons, Programme, Scope, SpecialCases, Text, Timetable};
use money::spread_over_years;

/// Everything the engine derives from the content.
#[derive(Debug, Clone)]
pub struct Figures {
    pub table1: Table1,
    pub resettlement: ResettlementTotals,
    pub table2: YearTable,
    pub table3: YearTable,
    pub timetable: Vec<TimetableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    National,
    Specific,
}

#[derive(Debug, Clone)]
pub struct Table1Line {
    pub kind: LineKind,
    pub id: String,
    pub number: u32,
    /// `None`: the line is not used (prints empty).
    pub amount: Option<Decimal>,
}

#[derive(Debug, Clone)]
pub struct Table1Objective {
    pub id: String,
    pub number: u32,
    pub lines: Vec<Table1Line>,
    pub total_national: Decimal,
    pub total_specific: Decimal,
    pub total: Decimal,
}

/// Table 1, the financial plan.
#[derive(Debug, Clone)]
pub struct Table1 {
    pub objectives: Vec<Table1Objective>,
    pub technical_assistance: Decimal,
    pub special_cases: Decimal,
    pub total: Decimal,
    /// National objectives of all specific objectives + technical assistance (rule 2.22.1).
    pub national_plus_ta: Decimal,
}

impl Table1 {
    pub fn objective(&self, id: &str) -> Option<&Table1Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }
}

/// The sum of the specific objective totals that `include` keeps: the total an excerpt's
/// Table 1 shows, labelled as such.
pub fn objectives_total(table1: &Table1, include: impl Fn(&str) -> bool) -> Decimal {
    table1.objectives.iter().filter(|o| include(&o.id)).map(|o| o.total).sum()
}

/// The total rows of the resettlement table (4.1), per pledging period.
#[derive(Debug, Clone)]
pub struct ResettlementTotals {
    pub union_priorities: Persons,
    pub total: Persons,
}

/// A table with one column per year and a total column (Tables 2 and 3).
#[derive(Debug, Clone)]
pub struct YearTable {
    pub years: Vec<i32>,
    pub rows: Vec<YearRow>,
    pub year_totals: Vec<Decimal>,
    pub total: Decimal,
}

#[derive(Debug, Clone)]
pub struct YearRow {
    pub id: String,
    /// One cell per year; `None` prints empty.
    pub cells: Vec<Option<Decimal>>,
    pub total: Decimal,
}

/// One row of the indicative timetable, derived from an action or specific action.
#[derive(Debug, Clone)]
pub struct TimetableRow {
    pub id: String,
    pub objective: String,
    pub objective_number: u32,
    /// `no1`.. or `sa5`..
    pub line: String,
    pub line_number: u32,
    pub is_specific_action: bool,
    pub main_action: u32,
    pub action_number: Option<u32>,
    pub name: Text,
    pub scope: Option<Scope>,
    pub planning: i32,
    pub implementation: i32,
    pub closing: i32,
}

/// Computes every figure of the programme.
pub fn compute(p: &Programme) -> Figures {
    let years: Vec<i32> = (p.meta.first_year..=p.meta.last_year).collect();
    let table2 = table2(&p.special_cases, &years);
    let table1 = table1(p, table2.total);
    Figures {
        resettlement: resettlement_totals(&p.special_cases),
        table3: table3(p, &years),
        timetable: timetable(p),
        table1,
        table2,
    }
}

fn table1(p: &Programme, special_cases: Decimal) -> Table1 {
    let mut objectives = Vec::new();
    for so in &sfc::OBJECTIVES {
        let line = |kind: LineKind, id: &str| Table1Line {
            number: id[2..].parse().unwrap_or(0),
            amount: p.financing.table1.get(&(so.id.to_string(), id.to_string())).copied(),
            id: id.to_string(),
            kind,
        };
        let lines: Vec<Table1Line> = so
            .national
            .iter()
            .map(|id| line(LineKind::National, id))
            .chain(so.specific.iter().map(|id| line(LineKind::Specific, id)))
            .collect();
        let sum = |kind: LineKind| lines.iter().filter(|l| l.kind == kind).filter_map(|l| l.amount).sum::<Decimal>();
        let (total_national, total_specific) = (sum(LineKind::National), sum(LineKind::Specific));
        objectives.push(Table1Objective {
            id: so.id.to_string(),
            number: so.number,
            total: total_national + total_specific,
            lines,
            total_national,
            total_specific,
        });
    }
    let ta = p.financing.technical_assistance;
    let so_total: Decimal = objectives.iter().map(|o| o.total).sum();
    let national: Decimal = objectives.iter().map(|o| o.total_national).sum();
    Table1 {
        total: so_total + ta + special_cases,
        national_plus_ta: national + ta,
        objectives,
        technical_assistance: ta,
        special_cases,
    }
}

/// Sums persons per period over rows; a period stays empty when every row is empty.
fn sum_persons<'a>(rows: impl Iterator<Item = &'a Persons>, periods: usize) -> Persons {
    let mut total: Persons = vec![None; periods];
    for row in rows {
        for (t, v) in total.iter_mut().zip(row) {
            if let Some(v) = v {
                *t = Some(t.unwrap_or(0) + v);
            }
        }
    }
    total
}

fn resettlement_totals(sc: &SpecialCases) -> ResettlementTotals {
    let n = sc.periods.len();
    ResettlementTotals {
        union_priorities: sum_persons(sc.categories.iter().filter(|c| c.union_priority).map(|c| &c.persons), n),
        total: sum_persons(sc.categories.iter().map(|c| &c.persons), n),
    }
}

/// Table 2: for each special case and pledging period, persons × lump sum, spread over the
/// period's years with [`spread_over_years`].
fn table2(sc: &SpecialCases, years: &[i32]) -> YearTable {
    let lump = |id: &str| sc.lump_sum(id).map(|l| l.amount).unwrap_or_default();
    let rows = sfc::TABLE2_ROWS
        .iter()
        .map(|&row| {
            // (persons per period, lump sum) of every pledge that belongs to this row.
            let sources: Vec<(&Persons, Decimal)> = match row {
                "resettlement" => sc.categories.iter().map(|c| (&c.persons, lump(&c.lump_sum))).collect(),
                "admission-turkey" => sc.admission_turkey.iter().map(|p| (p, lump(lump_sum_of_kind(row)))).collect(),
                kind => sc
                    .transfers
                    .iter()
                    .filter(|t| t.kind == kind)
                    .map(|t| (&t.persons, lump(lump_sum_of_kind(kind))))
                    .collect(),
            };
            let mut cells: Vec<Option<Decimal>> = vec![None; years.len()];
            for (i, period) in sc.periods.iter().enumerate() {
                let pledged: Vec<Decimal> = sources
                    .iter()
                    .filter_map(|(p, l)| p.get(i).copied().flatten().map(|n| Decimal::from(n) * l))
                    .collect();
                if pledged.is_empty() {
                    continue;
                }
                let period_years: Vec<i32> = period.years().collect();
                let split = spread_over_years(pledged.iter().sum(), period_years.len());
                for (year, amount) in period_years.iter().zip(split) {
                    if let Some(pos) = years.iter().position(|y| y == year) {
                        cells[pos] = Some(cells[pos].unwrap_or_default() + amount);
                    }
                }
            }
            YearRow { id: row.to_string(), total: cells.iter().flatten().sum(), cells }
        })
        .collect();
    year_table(years, rows)
}

/// Table 3: commitments per budget line and year, as entered.
fn table3(p: &Programme, years: &[i32]) -> YearTable {
    let rows = sfc::TABLE3_LINES
        .iter()
        .map(|&line| {
            let entered = p.financing.table3.get(line);
            let cells: Vec<Option<Decimal>> = years.iter().map(|y| entered.and_then(|e| e.get(y)).copied()).collect();
            YearRow { id: line.to_string(), total: cells.iter().flatten().sum(), cells }
        })
        .collect();
    year_table(years, rows)
}

fn year_table(years: &[i32], rows: Vec<YearRow>) -> YearTable {
    let year_totals: Vec<Decimal> = (0..years.len()).map(|i| rows.iter().filter_map(|r| r.cells[i]).sum()).collect();
    YearTable { years: years.to_vec(), total: rows.iter().map(|r| r.total).sum(), rows, year_totals }
}

/// The indicative timetable: one row per action or specific action that has phases, in the
/// order of the form (objective, national objectives, then specific actions, main action).
fn timetable(p: &Programme) -> Vec<TimetableRow> {
    let mut rows = Vec::new();
    for so in &p.objectives {
        let row = |id: &str, line: &str, line_number, action_number: Option<u32>, t: &Timetable, scope| TimetableRow {
            id: id.to_string(),
            objective: so.id.clone(),
            objective_number: so.number,
            line: line.to_string(),
            line_number,
            is_specific_action: action_number.is_none(),
            main_action: t.main_action,
            action_number,
            name: t.name.clone(),
            scope,
            planning: t.planning,
            implementation: t.implementation,
            closing: t.closing,
        };
        for no in &so.national_objectives {
            let mut group: Vec<TimetableRow> = no
                .actions
                .iter()
                .filter_map(|a| {
                    Some(row(&a.id, &no.id, no.number, Some(a.number), a.timetable.as_ref()?, a.scope.clone()))
                })
                .collect();
            group.sort_by_key(|r| r.main_action);
            rows.extend(group);
        }
        for sa in &so.specific_actions {
            if let Some(t) = &sa.timetable {
                rows.push(row(&sa.id, &sa.id, sa.number, None, t, sa.scope.clone()));
            }
        }
    }
    rows
}
