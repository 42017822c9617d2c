//! The semantic diff: two versions of the programme, loaded and computed, compared fact by
//! fact. A reviewer sees which paragraph of which action changed (word by word), which
//! structured values changed, every money input that moved and every computed total that
//! moved because of it, and the validation findings that appeared or disappeared.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::check::Level;
use crate::compute::LineKind;
use crate::i18n::labels::Labels;
use crate::i18n::lang::Lang;
use crate::model::{Narrative, Programme};
use crate::pipeline::Checked;
use crate::text::words::{self, Segment};

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Narrative text; `words` holds the word-level diff.
    Text,
    /// A structured value (a year, a scope, persons pledged, an indicator value).
    Value,
    /// A money input typed in the content.
    Input,
    /// A figure amif-doc computes, moved by some input.
    Total,
    /// A validation finding that appeared or disappeared.
    Finding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// Section of the programme: `1`..`7`, or `validation`.
    pub section: String,
    /// Stable path of the fact (`objectives.so2.no2.a13.title`).
    pub id: String,
    /// What a reader calls it (`Action 13 – title`, `TOTAL SO1 Asylum`).
    pub label: String,
    pub kind: Kind,
    pub op: Op,
    pub old: Option<String>,
    pub new: Option<String>,
    /// For money: new − old.
    pub delta: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Segment>,
    /// For money: the exact old and new values, to format in another language.
    #[serde(skip)]
    pub amounts: Option<(Option<Decimal>, Option<Decimal>)>,
}

/// The whole comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub changes: Vec<Change>,
    /// Specific objectives whose total changed: these need a new Commission decision (2.15).
    pub decision_needed: Vec<String>,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// A comparable fact with its place in the document.
struct Fact {
    section: &'static str,
    id: String,
    label: String,
    kind: Kind,
    value: FactValue,
}

enum FactValue {
    Paragraphs(Vec<String>),
    Plain(String),
    Money(Decimal),
}

/// Compares two checked programmes. Labels (English) name the computed lines.
pub fn compare(old: &Checked, new: &Checked, labels: &Labels) -> Report {
    let (a, b) = (facts(old, labels), facts(new, labels));
    let mut changes = Vec::new();
    for fact in &b {
        match a.iter().find(|f| f.id == fact.id) {
            None => changes.push(change(fact, None, Some(fact))),
            Some(before) if !same(&before.value, &fact.value) => changes.push(change(fact, Some(before), Some(fact))),
            _ => {}
        }
    }
    for fact in a.iter().filter(|f| !b.iter().any(|g| g.id == f.id)) {
        changes.push(change(fact, Some(fact), None));
    }
    let order = |s: &str| ["1", "2", "3", "4", "5", "6", "7", "validation"].iter().position(|x| *x == s).unwrap_or(99);
    changes.sort_by_key(|c| order(&c.section));
    // Specific objective totals: `total.table1.<so>.total` (not the grand total).
    let decision_needed = changes
        .iter()
        .filter(|c| c.kind == Kind::Total)
        .filter_map(|c| c.id.strip_prefix("total.table1.")?.strip_suffix(".total").map(str::to_string))
        .filter(|so| so.starts_with("so"))
        .collect();
    Report { changes, decision_needed }
}

fn same(a: &FactValue, b: &FactValue) -> bool {
    match (a, b) {
        (FactValue::Paragraphs(x), FactValue::Paragraphs(y)) => x == y,
        (FactValue::Plain(x), FactValue::Plain(y)) => x == y,
        (FactValue::Money(x), FactValue::Money(y)) => x == y,
        _ => false,
    }
}

fn render_value(v: &FactValue) -> String {
    match v {
        FactValue::Paragraphs(p) => p.join("\n\n"),
        FactValue::Plain(s) => s.clone(),
        FactValue::Money(d) => crate::i18n::number::decimal2(*d, Lang::En),
    }
}

fn change(fact: &Fact, old: Option<&Fact>, new: Option<&Fact>) -> Change {
    let op = match (old, new) {
        (None, _) => Op::Added,
        (_, None) => Op::Removed,
        _ => Op::Changed,
    };
    let delta = match (old.map(|f| &f.value), new.map(|f| &f.value)) {
        (Some(FactValue::Money(a)), Some(FactValue::Money(b))) => Some(crate::i18n::number::decimal2(b - a, Lang::En)),
        (None, Some(FactValue::Money(b))) => Some(crate::i18n::number::decimal2(*b, Lang::En)),
        (Some(FactValue::Money(a)), None) => Some(crate::i18n::number::decimal2(-a, Lang::En)),
        _ => None,
    };
    let words = match (old.map(|f| &f.value), new.map(|f| &f.value)) {
        (Some(FactValue::Paragraphs(a)), Some(FactValue::Paragraphs(b))) => {
            words::diff(&a.join("\n\n"), &b.join("\n\n"))
        }
        _ => vec![],
    };
    let money = |f: Option<&Fact>| match f.map(|f| &f.value) {
        Some(FactValue::Money(d)) => Some(*d),
        _ => None,
    };
    let amounts = matches!(fact.value, FactValue::Money(_)).then(|| (money(old), money(new)));
    Change {
        amounts,
        section: fact.section.to_string(),
        id: fact.id.clone(),
        label: fact.label.clone(),
        kind: fact.kind,
        op,
        old: old.map(|f| render_value(&f.value)),
        new: new.map(|f| render_value(&f.value)),
        delta,
        words: words::changed_sentences(words),
    }
}

/// Paragraphs of a narrative in the source language, each prefixed with its scope.
fn paragraphs(n: &Narrative, source: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for block in &n.blocks {
        let text = block.text.by_lang.get(&source).cloned().unwrap_or_default();
        let tag = block.scope.map(|s| format!("[{}] ", s.id())).unwrap_or_default();
        for para in text.split("\n\n").map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")) {
            if !para.is_empty() {
                out.push(format!("{tag}{para}"));
            }
        }
    }
    out
}

fn facts(c: &Checked, labels: &Labels) -> Vec<Fact> {
    let p = &c.programme;
    let mut out = Vec::new();
    let src = p.meta.source;
    let mut text = |section, id: String, label: String, n: &Narrative| {
        out.push(Fact { section, id, label, kind: Kind::Text, value: FactValue::Paragraphs(paragraphs(n, src)) });
    };
    text("1", "summary".into(), "Summary".into(), &p.summary);
    text("2", "baseline".into(), "Baseline".into(), &p.baseline);
    for so in &p.objectives {
        text(
            "3",
            format!("objectives.{}.objective", so.id),
            format!("{} – objective", so.id.to_uppercase()),
            &so.objective,
        );
        for no in &so.national_objectives {
            let at = format!("objectives.{}.{}", so.id, no.id);
            text(
                "3",
                format!("{at}.intro"),
                format!("{}.{} – introduction", so.id.to_uppercase(), no.id.to_uppercase()),
                &no.intro,
            );
            for a in &no.actions {
                let title = Narrative { blocks: vec![crate::model::Block { scope: None, text: a.title.clone() }] };
                text("3", format!("{at}.{}.title", a.id), format!("Action {} – title", a.number), &title);
                text("3", format!("{at}.{}.body", a.id), format!("Action {} – text", a.number), &a.body);
            }
        }
        for sa in &so.specific_actions {
            text(
                "3",
                format!("objectives.{}.{}.text", so.id, sa.id),
                format!("{} – text", sa.id.to_uppercase()),
                &sa.text,
            );
        }
    }
    text(
        "4",
        "special_cases.resettlement.pledging".into(),
        "Resettlement pledging plan".into(),
        &p.special_cases.pledging,
    );
    for (key, n) in &p.framework.sections {
        text("6", format!("framework.{key}"), format!("Framework – {key}"), n);
    }
    text("7", "financing.justification".into(), "Justification of deviations".into(), &p.financing.justification);
    values(p, &mut out);
    money(c, labels, &mut out);
    findings(c, labels, &mut out);
    out
}

fn values(p: &Programme, out: &mut Vec<Fact>) {
    let mut value = |section, id: String, label: String, v: String| {
        out.push(Fact { section, id, label, kind: Kind::Value, value: FactValue::Plain(v) });
    };
    value("1", "programme.version".into(), "Version".into(), p.meta.version.clone());
    let (y, m, d) = p.meta.date;
    value("1", "programme.date".into(), "Date".into(), format!("{y}-{m:02}-{d:02}"));
    for so in &p.objectives {
        for no in &so.national_objectives {
            for a in &no.actions {
                let at = format!("objectives.{}.{}.{}", so.id, no.id, a.id);
                let name = format!("Action {}", a.number);
                value(
                    "3",
                    format!("{at}.scope"),
                    format!("{name} – scope"),
                    a.scope.map_or("whole programme".into(), |s| s.id().into()),
                );
                if let Some(t) = &a.timetable {
                    value(
                        "3",
                        format!("{at}.timetable.main_action"),
                        format!("{name} – main action"),
                        t.main_action.to_string(),
                    );
                    value(
                        "3",
                        format!("{at}.timetable.planning"),
                        format!("{name} – start of planning"),
                        t.planning.to_string(),
                    );
                    value(
                        "3",
                        format!("{at}.timetable.implementation"),
                        format!("{name} – start of implementation"),
                        t.implementation.to_string(),
                    );
                    value(
                        "3",
                        format!("{at}.timetable.closing"),
                        format!("{name} – start of closing"),
                        t.closing.to_string(),
                    );
                }
            }
        }
    }
    let sc = &p.special_cases;
    let persons = |v: Option<i64>| v.map_or("–".to_string(), |n| n.to_string());
    for c in &sc.categories {
        for (period, n) in sc.periods.iter().zip(&c.persons) {
            value(
                "4",
                format!("special_cases.resettlement.{}.{}", c.id, period.id),
                format!("Resettlement {} {}", c.id, period.id),
                persons(*n),
            );
        }
    }
    for t in &sc.transfers {
        for (period, n) in sc.periods.iter().zip(&t.persons) {
            value(
                "4",
                format!("special_cases.transfers.{}.{}", t.id, period.id),
                format!("Transfer {} {}", t.id, period.id),
                persons(*n),
            );
        }
    }
    if let Some(adm) = &sc.admission_turkey {
        for (period, n) in sc.periods.iter().zip(adm) {
            value(
                "4",
                format!("special_cases.admission_turkey.{}", period.id),
                format!("Admission from Turkey {}", period.id),
                persons(*n),
            );
        }
    }
    for g in &p.indicators {
        for i in &g.indicators {
            let at = format!("indicators.{}.{}", g.objective, i.id);
            let name = format!("{} {}", g.objective.to_uppercase(), i.id.to_uppercase());
            value(
                "5",
                format!("{at}.baseline"),
                format!("{name} baseline"),
                crate::i18n::number::decimal2(i.baseline, Lang::En),
            );
            value(
                "5",
                format!("{at}.target"),
                format!("{name} target"),
                crate::i18n::number::decimal2(i.target, Lang::En),
            );
        }
    }
}

fn money(c: &Checked, l: &Labels, out: &mut Vec<Fact>) {
    let p = &c.programme;
    let f = &c.figures;
    let mut input = |section, id: String, label: String, v: Decimal| {
        out.push(Fact { section, id, label, kind: Kind::Input, value: FactValue::Money(v) });
    };
    for ls in &p.special_cases.lump_sums {
        input("4", format!("special_cases.lump_sums.{}", ls.id), format!("Lump sum {}", ls.id), ls.amount);
    }
    input(
        "7",
        "financing.basic_amount".into(),
        "Basic amount (financial perspective)".into(),
        p.financing.basic_amount,
    );
    for ((so, line), amount) in &p.financing.table1 {
        input(
            "7",
            format!("financing.table1.{so}.{line}"),
            format!("{}.{}", so.to_uppercase(), line.to_uppercase()),
            *amount,
        );
    }
    input(
        "7",
        "financing.table1.technical_assistance".into(),
        "Technical assistance".into(),
        p.financing.technical_assistance,
    );
    for (line, years) in &p.financing.table3 {
        for (year, amount) in years {
            input("7", format!("financing.table3.{line}.{year}"), format!("Table 3 {line} {year}"), *amount);
        }
    }
    let label = |key: &str| l.get(key).map(str::to_string).unwrap_or_else(|_| key.to_string());
    let mut total = |id: String, label: String, v: Decimal| {
        out.push(Fact { section: "7", id, label, kind: Kind::Total, value: FactValue::Money(v) });
    };
    for o in &f.table1.objectives {
        let so = format!("{}{} {}", label("abbr.so"), o.number, label(&format!("so.{}", o.id)));
        let fill = |key: &str| l.fill(key, &[("so", &so)]).unwrap_or_else(|_| key.to_string());
        if o.lines.iter().any(|x| x.kind == LineKind::National) {
            total(format!("total.table1.{}.national", o.id), fill("table1.total_no"), o.total_national);
            total(format!("total.table1.{}.specific", o.id), fill("table1.total_sa"), o.total_specific);
        }
        total(format!("total.table1.{}.total", o.id), fill("table1.total_so"), o.total);
    }
    total("total.table1.special_cases".into(), label("table1.special_cases"), f.table1.special_cases);
    total("total.table1.total".into(), format!("{} (Table 1)", label("table1.grand_total")), f.table1.total);
    total("total.national_plus_ta".into(), "National objectives + TA (rule 2.22.1)".into(), f.table1.national_plus_ta);
    for (name, t) in [("table2", &f.table2), ("table3", &f.table3)] {
        for r in &t.rows {
            total(
                format!("total.{name}.{}", r.id),
                format!("{} – {}", label(&format!("{name}.{}", r.id)), label(&format!("{name}.total"))),
                r.total,
            );
            for (year, cell) in t.years.iter().zip(&r.cells) {
                if let (Some(v), "table2") = (cell, name) {
                    total(
                        format!("total.{name}.{}.{year}", r.id),
                        format!("{} {year}", label(&format!("{name}.{}", r.id))),
                        *v,
                    );
                }
            }
        }
        for (year, v) in t.years.iter().zip(&t.year_totals) {
            total(format!("total.{name}.year.{year}"), format!("{} TOTAL {year}", label(&format!("{name}.title"))), *v);
        }
        total(format!("total.{name}.total"), format!("{} TOTAL", label(&format!("{name}.title"))), t.total);
    }
}

fn findings(c: &Checked, l: &Labels, out: &mut Vec<Fact>) {
    for f in &c.findings {
        let message = f.message_in(l).unwrap_or_else(|_| f.message.to_string());
        let level = match f.level {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        };
        let code = if f.code.is_empty() { "info" } else { f.code };
        out.push(Fact {
            section: "validation",
            id: format!("validation.{code}.{message}"),
            label: if f.code.is_empty() { level.to_string() } else { format!("{level} {code}") },
            kind: Kind::Finding,
            value: FactValue::Plain(message),
        });
    }
}
