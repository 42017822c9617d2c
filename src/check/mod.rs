//! Stage 4, check: the programme rules SFC2014 validated before a version could be sent.
//! Each rule gives a finding with a stable code; its wording per language is the label
//! `rule.<code>` in the catalogue, so the PDF's validation section and `amif-doc check`
//! say the same thing.

pub mod glyphs;
pub mod limits;

use rust_decimal::Decimal;

use crate::compute::Figures;
use crate::i18n::Labels;
use crate::i18n::number::NumberFormat;
use crate::model::Programme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// A value quoted in a rule's message, formatted per edition language when printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    Amount(Decimal),
    /// An amount with its sign always written (`+1,00`, `-1,00`): a difference.
    Delta(Decimal),
    /// Per year, two amounts: `2014: 1,00 / 2,00, 2015: ...`.
    Years(Vec<(i32, Decimal, Decimal)>),
    Percent(Decimal),
    Year(i32),
    /// A count (characters), with the language's digit groups.
    Count(usize),
    Text(String),
}

impl Param {
    /// The value as a language writes it.
    pub fn text(&self, number: &NumberFormat) -> String {
        match self {
            Param::Amount(a) | Param::Percent(a) => number.decimal2(*a),
            Param::Delta(d) => number.signed(*d),
            Param::Years(years) => years
                .iter()
                .map(|(y, a, b)| format!("{y}: {} / {}", number.decimal2(*a), number.decimal2(*b)))
                .collect::<Vec<_>>()
                .join(", "),
            Param::Year(y) => y.to_string(),
            Param::Count(n) => number.integer(i64::try_from(*n).unwrap_or(i64::MAX)),
            Param::Text(t) => t.clone(),
        }
    }
}

/// The outcome of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub level: Level,
    /// The SFC code (`2.22.1`) or amif-doc's own (`amif.table3-total`); empty for the info line.
    pub code: &'static str,
    /// The label holding the message (`rule.2.22.1`).
    pub message: &'static str,
    pub params: Vec<(&'static str, Param)>,
    /// The YAML path the finding is about, for `amif-doc check`.
    pub path: String,
    /// How to fix it, for `amif-doc check` (not printed in the PDF): a label and its values.
    pub hint: Option<(&'static str, Vec<(&'static str, Param)>)>,
}

impl Finding {
    /// The finding's message in the language of `labels`, its values filled in: the one wording
    /// `check`, the PDF's validation section and `diff` all print.
    pub fn message_in(&self, labels: &Labels) -> Result<String, crate::i18n::LabelError> {
        fill(labels, self.message, &self.params)
    }

    /// The hint in the language of `labels`, if the finding has one.
    pub fn hint_in(&self, labels: &Labels) -> Option<Result<String, crate::i18n::LabelError>> {
        self.hint.as_ref().map(|(key, params)| fill(labels, key, params))
    }
}

fn fill(labels: &Labels, key: &str, params: &[(&'static str, Param)]) -> Result<String, crate::i18n::LabelError> {
    let values: Vec<(&str, String)> = params.iter().map(|(k, v)| (*k, v.text(&labels.number))).collect();
    let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    labels.fill(key, &refs)
}

/// Something a table prints that the label catalogue or the reference list cannot give in
/// every language the form prints in: a common indicator the catalogue lacks, a reference
/// term without a name in one of the catalogue's languages. Found before render, with the
/// YAML path to point at and how to fix it.
pub struct UnknownLabel {
    pub path: String,
    pub message: String,
    pub hint: String,
}

/// Every id the tables print by label, checked against the catalogue, and every term of the
/// reference list, named in each of the catalogue's languages.
pub fn printed_ids(p: &Programme, catalogue: &crate::i18n::Catalogue) -> Vec<UnknownLabel> {
    let mut out = Vec::new();
    let langs = catalogue.langs();
    let codes: Vec<String> = langs.iter().map(|l| l.to_string()).collect();
    for (list, what, terms) in p.reference.lists() {
        for (i, t) in terms.iter().enumerate() {
            for lang in langs.iter().filter(|l| !t.name.contains_key(l)) {
                out.push(UnknownLabel {
                    path: format!("reference.{list}[{i}].name"),
                    message: format!("{what} `{}` has no name in `{lang}`", t.id),
                    hint: format!("the form prints in {} (templates/labels.yaml): name it in each", codes.join(", ")),
                });
            }
        }
    }
    for g in &p.indicators {
        for (i, ind) in g.indicators.iter().enumerate().filter(|(_, ind)| ind.name.is_none()) {
            let key = format!("indicator.{}.{}", g.objective, ind.id);
            if catalogue.has(&key) {
                continue;
            }
            let prefix = format!("indicator.{}.", g.objective);
            let known: Vec<&str> = catalogue.ids_under(&prefix).collect();
            let mut hint = crate::diag::suggest::hint(&ind.id, &known, "templates/labels.yaml knows");
            hint.push_str("; a programme-specific indicator gives its own `name:`");
            out.push(UnknownLabel {
                path: format!("indicators.{}[{i}].id", g.objective),
                message: format!("unknown common indicator `{}`", ind.id),
                hint,
            });
        }
    }
    out
}

/// Runs every rule. The list starts with the info line when nothing is an error.
pub fn check(p: &Programme, f: &Figures) -> Vec<Finding> {
    check_with(p, f, Vec::new())
}

/// As [`check`], with findings of checks that run on more than the programme (the field
/// limits, on the texts as written) among them.
pub fn check_with(p: &Programme, f: &Figures, more: Vec<Finding>) -> Vec<Finding> {
    let mut findings = Vec::new();
    new_decision_needed(p, &mut findings);
    allocation_matches_financial_perspective(f, p, &mut findings);
    minimum_shares(p, f, &mut findings);
    annual_commitments_match_plan(f, &mut findings);
    commitments_cover_special_cases(f, &mut findings);
    resettlement_target_within_pledges(p, f, &mut findings);
    funded_lines_have_actions(p, f, &mut findings);
    main_actions_are_unique(p, &mut findings);
    findings.extend(more);
    if !findings.iter().any(|x| x.level == Level::Error) {
        let info = Finding {
            level: Level::Info,
            code: "",
            message: "rule.validated",
            params: vec![],
            path: String::new(),
            hint: None,
        };
        findings.insert(0, info);
    }
    findings
}

/// 2.15 (warning): any version after the first needs a new Commission decision. SFC prints it
/// as a standing reminder for every version > 1.
fn new_decision_needed(p: &Programme, out: &mut Vec<Finding>) {
    if p.meta.version_number > Decimal::ONE {
        out.push(Finding {
            level: Level::Warning,
            code: "2.15",
            message: "rule.2.15",
            params: vec![],
            path: "programme.version".into(),
            hint: None,
        });
    }
}

/// 2.22.1 (warning): national objectives + technical assistance should equal the basic amount
/// of the financial perspective. Specific actions, special cases and SO4 are outside it.
fn allocation_matches_financial_perspective(f: &Figures, p: &Programme, out: &mut Vec<Finding>) {
    let programme = f.table1.national_plus_ta;
    let basic = p.financing.basic_amount;
    if programme != basic {
        out.push(Finding {
            level: Level::Warning,
            code: "2.22.1",
            message: "rule.2.22.1",
            params: vec![("programme", Param::Amount(programme)), ("basic", Param::Amount(basic))],
            path: "financing.basic_amount".into(),
            hint: None,
        });
    }
}

/// The share of the basic amount that Article 15(1)(a) of Regulation (EU) No 516/2014 requires
/// for asylum (SO1) and for integration/legal migration (SO2).
pub const MINIMUM_SHARE: Decimal = Decimal::from_parts(20, 0, 0, false, 2);

/// Minimum shares (error unless the justification section explains the deviation).
fn minimum_shares(p: &Programme, f: &Figures, out: &mut Vec<Finding>) {
    let basic = p.financing.basic_amount;
    if basic <= Decimal::ZERO {
        return;
    }
    for (so, code) in [("so1", "amif.share-so1"), ("so2", "amif.share-so2")] {
        let total = f.table1.objective(so).map(|o| o.total).unwrap_or_default();
        let share = total / basic;
        if share < MINIMUM_SHARE {
            let justified = !p.financing.justification.is_empty();
            out.push(Finding {
                level: if justified { Level::Warning } else { Level::Error },
                code,
                message: "rule.minimum-share",
                params: vec![
                    ("so", Param::Text(so.to_uppercase())),
                    ("share", Param::Percent(share * Decimal::ONE_HUNDRED)),
                    ("minimum", Param::Percent(MINIMUM_SHARE * Decimal::ONE_HUNDRED)),
                ],
                path: format!("financing.table1.{so}"),
                hint: None,
            });
        }
    }
}

/// Table 3 distributes the whole plan over the years, so its total must equal Table 1's.
fn annual_commitments_match_plan(f: &Figures, out: &mut Vec<Finding>) {
    if f.table3.total != f.table1.total {
        out.push(Finding {
            level: Level::Error,
            code: "amif.table3-total",
            message: "rule.table3-total",
            params: vec![
                ("table3", Param::Amount(f.table3.total)),
                ("table1", Param::Amount(f.table1.total)),
                ("difference", Param::Delta(f.table3.total - f.table1.total)),
            ],
            path: "financing.table3".into(),
            hint: Some(table3_hint(f)),
        });
    }
}

/// Where Table 3 stands year by year, beside what each year must at least pay (Table 2).
fn table3_hint(f: &Figures) -> (&'static str, Vec<(&'static str, Param)>) {
    let years = f
        .table3
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| (*y, f.table3.year_totals[i], f.table2.year_totals.get(i).copied().unwrap_or_default()))
        .collect();
    let difference = Param::Delta(f.table1.total - f.table3.total);
    ("rule.table3-total.hint", vec![("difference", difference), ("years", Param::Years(years))])
}

/// A year's commitments must at least pay that year's special-case lump sums.
fn commitments_cover_special_cases(f: &Figures, out: &mut Vec<Finding>) {
    for (i, year) in f.table3.years.iter().enumerate() {
        let committed = f.table3.year_totals[i];
        let needed = f.table2.year_totals.get(i).copied().unwrap_or_default();
        if committed < needed {
            out.push(Finding {
                level: Level::Error,
                code: "amif.year-cover",
                message: "rule.year-cover",
                params: vec![
                    ("year", Param::Year(*year)),
                    ("committed", Param::Amount(committed)),
                    ("needed", Param::Amount(needed)),
                ],
                path: format!("financing.table3.asylum-solidarity.{year}"),
                hint: None,
            });
        }
    }
}

/// C6 (persons resettled with the Fund's support) cannot exceed the persons pledged for
/// resettlement over the programme: the Fund pays the resettlement lump sums for pledged persons
/// only, so a higher target could not be financed. A target of 0 with pledges is also flagged:
/// the pledges would then have no indicator to report against. Warning, as SFC would.
fn resettlement_target_within_pledges(p: &Programme, f: &Figures, out: &mut Vec<Finding>) {
    let pledged: i64 = f.resettlement.total.iter().flatten().sum();
    let Some(c6) =
        p.indicators.iter().filter(|g| g.objective == "so1").flat_map(|g| &g.indicators).find(|i| i.id == "c6")
    else {
        return;
    };
    let target = c6.target;
    if target > Decimal::from(pledged) || (target.is_zero() && pledged > 0) {
        out.push(Finding {
            level: Level::Warning,
            code: "amif.c6-pledges",
            message: "rule.c6-pledges",
            params: vec![("target", Param::Amount(target)), ("pledged", Param::Amount(Decimal::from(pledged)))],
            path: "indicators.so1".into(),
            hint: None,
        });
    }
}

/// A national objective that receives money in Table 1 must say, in section 3, what the
/// money is for: at least one action. Otherwise the amount cannot be justified to the Commission.
fn funded_lines_have_actions(p: &Programme, f: &Figures, out: &mut Vec<Finding>) {
    for o in &f.table1.objectives {
        for line in o.lines.iter().filter(|l| l.kind == crate::compute::LineKind::National) {
            let funded = line.amount.is_some_and(|a| !a.is_zero());
            let has_actions = p
                .objectives
                .iter()
                .filter(|so| so.id == o.id)
                .flat_map(|so| &so.national_objectives)
                .any(|no| no.id == line.id && !no.actions.is_empty());
            if funded && !has_actions {
                out.push(Finding {
                    level: Level::Warning,
                    code: "amif.line-without-actions",
                    message: "rule.line-without-actions",
                    params: vec![("line", Param::Text(format!("{}.{}", o.id, line.id).to_uppercase()))],
                    path: format!("financing.table1.{}.{}", o.id, line.id),
                    hint: None,
                });
            }
        }
    }
}

/// The timetable's "main action" numbers identify actions within a national objective: two
/// actions with the same number would make the timetable ambiguous.
fn main_actions_are_unique(p: &Programme, out: &mut Vec<Finding>) {
    for so in &p.objectives {
        for (i, no) in so.national_objectives.iter().enumerate() {
            let mut seen = std::collections::BTreeSet::new();
            for (j, t) in no.actions.iter().enumerate().filter_map(|(j, a)| Some((j, a.timetable.as_ref()?))) {
                if !seen.insert(t.main_action) {
                    out.push(Finding {
                        level: Level::Error,
                        code: "amif.main-action-twice",
                        message: "rule.main-action-twice",
                        params: vec![
                            ("line", Param::Text(format!("{}.{}", so.id, no.id).to_uppercase())),
                            ("number", Param::Text(t.main_action.to_string())),
                        ],
                        path: format!(
                            "objectives.{}.national_objectives[{i}].actions[{j}].timetable.main_action",
                            so.id
                        ),
                        hint: None,
                    });
                }
            }
        }
    }
}
