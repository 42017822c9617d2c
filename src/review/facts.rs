//! The leaves `compare` compares: every value of the checked model (serialized, then
//! flattened with lists keyed by id), every translation entry with its unit's state, every
//! computed total and every finding. Nothing is listed by hand but the totals' names.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use crate::check::Level;
use crate::compute::LineKind;
use crate::i18n::Labels;
use crate::pipeline::Checked;
use crate::translation::translate::{self, State};
use crate::translation::units;

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A text; `words` holds the word-level diff.
    Text,
    /// Any other value of the content (a year, a scope, persons pledged, an indicator value).
    Value,
    /// A money input typed in the content.
    Input,
    /// A figure amif-doc computes, moved by some input.
    Total,
    /// A validation finding that appeared, disappeared or changed.
    Finding,
    /// The order of a list's items (actions, national objectives, indicators...); `moved`
    /// says which items moved where.
    Order,
}

/// One comparable leaf ([`facts`] lists them).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fact {
    pub(super) section: String,
    pub(super) kind: Kind,
    pub(super) value: String,
    pub(super) money: Option<Decimal>,
    pub(super) label: String,
}

/// Every leaf of one side, by id.
pub(super) fn facts(c: &Checked, labels: &Labels) -> BTreeMap<String, Fact> {
    let mut out = BTreeMap::new();
    model(c, labels, &mut out);
    translations(c, &mut out);
    totals(c, labels, &mut out);
    findings(c, labels, &mut out);
    out
}

/// The section a model path belongs to.
fn section_of(id: &str) -> &'static str {
    match id.split(['.', '/']).next().unwrap_or("") {
        "programme" => "cover",
        "summary" => "1",
        "baseline" => "2",
        "objectives" => "3",
        "special_cases" | "reference" => "4",
        "indicators" => "5",
        "framework" => "6",
        "financing" => "7",
        "editions" => "editions",
        _ => "validation",
    }
}

/// Every value of the checked model: serialized, then flattened with lists keyed by id.
fn model(c: &Checked, l: &Labels, out: &mut BTreeMap<String, Fact>) {
    let p = &c.programme;
    let tree = serde_json::to_value(p).unwrap_or(Value::Null);
    let periods: Vec<String> = p.special_cases.periods.iter().map(|x| x.id.clone()).collect();
    let mut leaves = Vec::new();
    flatten(&tree, String::new(), &periods, &mut leaves);
    for (id, value) in leaves {
        if let Some(list) = id.strip_suffix(ORDER) {
            // The order of a list's items: what a move changes (compare reports who moved).
            let label = format!("{} order", label_of(list, p, l));
            let fact = Fact { section: section_of(&id).into(), kind: Kind::Order, value, money: None, label };
            out.insert(id, fact);
            continue;
        }
        // An item's own id is its key already.
        let own_key = id.rsplit_once('.').is_some_and(|(head, key)| {
            ["id", "name", "objective"].contains(&key) && head.rsplit('.').next() == Some(value.as_str())
        });
        if own_key {
            continue;
        }
        let money_input =
            id.starts_with("financing.") || (id.starts_with("special_cases.lump_sums.") && id.ends_with(".amount"));
        let money = money_input.then(|| value.parse::<Decimal>().ok()).flatten();
        let kind = if money.is_some() {
            Kind::Input
        } else if value.split_whitespace().nth(2).is_some() {
            Kind::Text
        } else {
            Kind::Value
        };
        let label = label_of(&id, p, l);
        out.insert(id.clone(), Fact { section: section_of(&id).into(), kind, value, money, label });
    }
}

/// The suffix of the fact that holds a keyed list's order (`objectives.so2.no2.actions#order`):
/// its value is the items' ids in order.
pub(super) const ORDER: &str = "#order";

/// Lists that declare things looked up by id (scopes, lump sums, reference terms, editions):
/// their written order reaches no PDF, so a move in them is no change. Proved, with the lists
/// whose order does print, by the reorder test of `tests/it/review_completeness.rs`.
const DECLARATIONS: [&str; 5] = [
    "programme.scopes",
    "special_cases.lump_sums",
    "reference.resettlement_categories",
    "reference.countries",
    "editions",
];

/// Container keys that add nothing to a path: their items carry ids.
const TRANSPARENT: [&str; 5] = ["national_objectives", "actions", "specific_actions", "indicators", "persons"];

fn flatten(v: &Value, path: String, periods: &[String], out: &mut Vec<(String, String)>) {
    let join = |path: &str, key: &str| if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let inner =
                    if TRANSPARENT.contains(&k.as_str()) && !path.is_empty() { path.clone() } else { join(&path, k) };
                let list = join(&path, k);
                if let Some(ids) = keyed_ids(child).filter(|_| !DECLARATIONS.contains(&list.as_str())) {
                    out.push((format!("{list}{ORDER}"), ids.join(", ")));
                }
                let periods_here = k == "persons" || (k == "admission_turkey" && child.is_array());
                if let (true, Value::Array(items)) = (periods_here, child) {
                    for (i, item) in items.iter().enumerate() {
                        let key = periods.get(i).cloned().unwrap_or_else(|| i.to_string());
                        flatten(item, join(&inner, &key), periods, out);
                    }
                    continue;
                }
                flatten(child, inner, periods, out);
            }
        }
        Value::Array(items) if !items.is_empty() && items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            // A list of plain values (languages, objectives, files) is one value.
            let shown: Vec<String> =
                items.iter().map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string)).collect();
            out.push((path, shown.join(", ")));
        }
        Value::Array(items) => {
            let keys = keyed_ids(v);
            for (i, item) in items.iter().enumerate() {
                let key = keys.as_ref().map_or_else(|| i.to_string(), |k| k[i].clone());
                flatten(item, join(&path, &key), periods, out);
            }
            if items.is_empty() {
                out.push((path, "[]".into()));
            }
        }
        Value::Null => out.push((path, "–".into())),
        Value::String(s) => out.push((path, s.clone())),
        other => out.push((path, other.to_string())),
    }
}

/// The ids of a list whose items all carry one (`id`, `name` or `objective`), in order.
fn keyed_ids(v: &Value) -> Option<Vec<String>> {
    let key_of = |item: &Value| -> Option<String> {
        ["id", "name", "objective"].iter().find_map(|k| item.get(*k)?.as_str().map(str::to_string))
    };
    let items = v.as_array().filter(|items| !items.is_empty())?;
    items.iter().map(key_of).collect()
}

/// What a reader calls a model path: `Action 13 – title`, `SO2.NO2 – intro`, `SO1.NO1`.
fn label_of(id: &str, p: &crate::model::Programme, l: &Labels) -> String {
    let parts: Vec<&str> = id.split('.').collect();
    let rest = |from: usize| parts.get(from..).map(|r| r.join(" ")).unwrap_or_default();
    match parts.as_slice() {
        ["objectives", so, line, action, ..] if line.starts_with("no") => {
            let number = p
                .objectives
                .iter()
                .flat_map(|o| &o.national_objectives)
                .flat_map(|n| &n.actions)
                .find(|a| a.id == *action)
                .map(|a| a.number);
            match number {
                Some(n) => format!("Action {n} – {}", rest(4)),
                None => format!("{}.{} – {}", so.to_uppercase(), line.to_uppercase(), rest(3)),
            }
        }
        ["objectives", so, line, ..] if line.starts_with("no") || line.starts_with("sa") => {
            format!("{}.{} – {}", so.to_uppercase(), line.to_uppercase(), rest(3))
        }
        ["objectives", so, ..] => format!("{} – {}", so.to_uppercase(), rest(2)),
        ["financing", "table1", so, line] if *line != "technical_assistance" => {
            // The form's own code, as Table 1 prints it: `OS1.ON1` in French, `SO1.NO1` in English.
            let abbr = |key: &str, id: &str, strip: &str| {
                let code = l.get(key).unwrap_or(strip);
                format!("{code}{}", id.trim_start_matches(strip))
            };
            let line_abbr = if line.starts_with("sa") { ("abbr.sa", "sa") } else { ("abbr.no", "no") };
            format!("{}.{}", abbr("abbr.so", so, "so"), abbr(line_abbr.0, line, line_abbr.1))
        }
        _ => parts.join(" › "),
    }
}

/// Every translation file: its header fields, and per unit its translation and state against
/// the current source text (so an English edit that makes a translation stale shows).
fn translations(c: &Checked, out: &mut BTreeMap<String, Fact>) {
    let units = units::units(&c.programme);
    let section: BTreeMap<&str, &'static str> = units.iter().map(|u| (u.ctxt.as_str(), u.section)).collect();
    for t in &c.translations {
        let lang = t.lang;
        for (k, v) in &t.catalog.header {
            let id = format!("translations.{lang}.header.{k}");
            out.insert(
                id.clone(),
                Fact {
                    section: "cover".into(),
                    kind: Kind::Value,
                    value: v.clone(),
                    money: None,
                    label: format!("{lang}.po header {k}"),
                },
            );
        }
        let unit_section = |ctxt: &str| match section.get(ctxt).copied() {
            Some("cover") | None => "cover".to_string(),
            Some(s) => s.to_string(),
        };
        for e in t.catalog.entries.iter().filter(|e| !e.obsolete) {
            let at = format!("translations.{lang}.{}", e.msgctxt);
            let label = format!("{lang} translation of {}", e.msgctxt);
            let kind = if e.msgstr.split_whitespace().nth(2).is_some() { Kind::Text } else { Kind::Value };
            out.insert(
                at.clone(),
                Fact {
                    section: unit_section(&e.msgctxt),
                    kind,
                    value: e.msgstr.clone(),
                    money: None,
                    label: label.clone(),
                },
            );
            if let Some(previous) = &e.previous {
                out.insert(
                    format!("{at}.previous"),
                    Fact {
                        section: unit_section(&e.msgctxt),
                        kind: Kind::Text,
                        value: previous.clone(),
                        money: None,
                        label: format!("{label} (translated from)"),
                    },
                );
            }
        }
        for u in &units {
            let state = match translate::state(t.catalog.find(&u.ctxt), &u.source) {
                State::Current => "current",
                State::Stale { .. } => "stale",
                State::Missing => "missing",
            };
            out.insert(
                format!("translations.{lang}.{}.state", u.ctxt),
                Fact {
                    section: unit_section(&u.ctxt),
                    kind: Kind::Value,
                    value: state.into(),
                    money: None,
                    label: format!("{lang} translation of {} – state", u.ctxt),
                },
            );
        }
    }
}

/// Every computed total of the programme.
fn totals(c: &Checked, l: &Labels, out: &mut BTreeMap<String, Fact>) {
    let f = &c.figures;
    let label = |key: &str| l.get(key).map(str::to_string).unwrap_or_else(|_| key.to_string());
    let mut total = |id: String, label: String, v: Decimal| {
        out.insert(id, Fact { section: "7".into(), kind: Kind::Total, value: v.to_string(), money: Some(v), label });
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
            let row = label(&format!("{name}.{}", r.id));
            total(format!("total.{name}.{}", r.id), format!("{row} – {}", label(&format!("{name}.total"))), r.total);
            for (year, cell) in t.years.iter().zip(&r.cells) {
                if let (Some(v), "table2") = (cell, name) {
                    total(format!("total.{name}.{}.{year}", r.id), format!("{row} {year}"), *v);
                }
            }
        }
        for (year, v) in t.years.iter().zip(&t.year_totals) {
            total(format!("total.{name}.year.{year}"), format!("{} TOTAL {year}", label(&format!("{name}.title"))), *v);
        }
        total(format!("total.{name}.total"), format!("{} TOTAL", label(&format!("{name}.title"))), t.total);
    }
    let periods = &c.programme.special_cases.periods;
    for (name, persons) in [("union_priorities", &f.resettlement.union_priorities), ("total", &f.resettlement.total)] {
        for (p, n) in periods.iter().zip(persons) {
            let id = format!("total.resettlement.{name}.{}", p.id);
            let value = n.map_or("–".to_string(), |n| n.to_string());
            out.insert(
                id,
                Fact {
                    section: "4".into(),
                    kind: Kind::Total,
                    value,
                    money: None,
                    label: format!("Resettlement {name} {}", p.id),
                },
            );
        }
    }
}

/// Findings keyed by rule and place, so a finding whose figure changed is one change.
fn findings(c: &Checked, l: &Labels, out: &mut BTreeMap<String, Fact>) {
    for f in &c.findings {
        let message = f.message_in(l).unwrap_or_else(|_| f.message.to_string());
        let level = match f.level {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        };
        let code = if f.code.is_empty() { "info" } else { f.code };
        let id = if f.path.is_empty() { format!("validation.{code}") } else { format!("validation.{code}.{}", f.path) };
        let label = if f.code.is_empty() { level.to_string() } else { format!("{level} {code}") };
        out.insert(id, Fact { section: "validation".into(), kind: Kind::Finding, value: message, money: None, label });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_keyed_by_id_and_persons_by_period() {
        let v = serde_json::json!({"special_cases": {"transfers": [{"id": "t1", "persons": [null, 5]}, {"id": "t2"}]}, "summary": "S"});
        let mut out = Vec::new();
        flatten(&v, String::new(), &["2014-2015".into(), "2016-2017".into()], &mut out);
        assert_eq!(
            out,
            [
                // The order of a keyed list is a fact of its own.
                ("special_cases.transfers#order".to_string(), "t1, t2".to_string()),
                ("special_cases.transfers.t1.id".to_string(), "t1".to_string()),
                ("special_cases.transfers.t1.2014-2015".to_string(), "–".to_string()),
                ("special_cases.transfers.t1.2016-2017".to_string(), "5".to_string()),
                ("special_cases.transfers.t2.id".to_string(), "t2".to_string()),
                ("summary".to_string(), "S".to_string()),
            ]
        );
    }
}
