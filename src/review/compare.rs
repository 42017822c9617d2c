//! The semantic diff, complete by construction: both programmes are flattened into leaves —
//! every value of the checked model (serialized, so no field can be forgotten), every entry
//! and header field of every translation file with the unit's state, every computed total and
//! every validation finding — and the leaves are compared one by one. Each change is then
//! presented by kind: a word diff for texts, old → new with a signed Δ for money inputs and
//! the totals they moved, one changed finding when a finding's figure changed, and plain
//! `old → new` for whatever else. Lists are keyed by their ids, so an added action is one
//! added item, not every later one shifted.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::Labels;
use crate::i18n::number::NumberFormat;
use crate::pipeline::Checked;
use crate::text::words::{self, Segment};

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
    /// Where it belongs: `cover`, `1`..`7`, `editions` or `validation`.
    pub section: String,
    /// Stable path of the fact (`objectives.so2.no2.a13.title`).
    pub id: String,
    /// What a reader calls it (`Action 13 – title`, `TOTAL SO1 Asylum`).
    pub label: String,
    pub kind: Kind,
    pub op: Op,
    pub old: Option<String>,
    pub new: Option<String>,
    /// For money: new − old, with its sign.
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

/// The order sections are reported in.
pub const SECTIONS: [&str; 10] = ["cover", "1", "2", "3", "4", "5", "6", "7", "editions", "validation"];

/// One comparable leaf ([`super::facts`] lists them).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fact {
    pub(super) section: String,
    pub(super) kind: Kind,
    pub(super) value: String,
    pub(super) money: Option<Decimal>,
    pub(super) label: String,
}

/// Compares two checked programmes. Labels (English) name the computed lines and findings.
pub fn compare(old: &Checked, new: &Checked, labels: &Labels) -> Report {
    let (a, b) = (super::facts::facts(old, labels), super::facts::facts(new, labels));
    let number = &labels.number;
    let ids: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let mut changes: Vec<Change> = ids
        .into_iter()
        .filter_map(|id| match (a.get(id), b.get(id)) {
            (Some(x), Some(y)) if x.value == y.value => None,
            (x, y) => Some(change(id, x, y, number)),
        })
        .collect();
    let rank = |c: &Change| SECTIONS.iter().position(|s| *s == c.section).unwrap_or(SECTIONS.len());
    let kind_rank = |c: &Change| {
        [Kind::Text, Kind::Value, Kind::Input, Kind::Total, Kind::Finding].iter().position(|k| *k == c.kind)
    };
    changes.sort_by_key(|c| (rank(c), kind_rank(c)));
    let decision_needed = changes
        .iter()
        .filter(|c| c.kind == Kind::Total)
        .filter_map(|c| c.id.strip_prefix("total.table1.")?.strip_suffix(".total").map(str::to_string))
        .filter(|so| so.starts_with("so"))
        .collect();
    Report { changes, decision_needed }
}

fn change(id: &str, old: Option<&Fact>, new: Option<&Fact>, number: &NumberFormat) -> Change {
    let fact = new.or(old).expect("one side exists");
    let op = match (old, new) {
        (None, _) => Op::Added,
        (_, None) => Op::Removed,
        _ => Op::Changed,
    };
    let (om, nm) = (old.and_then(|f| f.money), new.and_then(|f| f.money));
    let money = matches!(fact.kind, Kind::Input | Kind::Total) && (om.is_some() || nm.is_some());
    let delta = money.then(|| number.signed(nm.unwrap_or_default() - om.unwrap_or_default()));
    let words = match (fact.kind, old, new) {
        (Kind::Text, Some(o), Some(n)) => words::changed_sentences(words::diff(&o.value, &n.value)),
        _ => vec![],
    };
    let shown = |f: Option<&Fact>| f.map(|f| f.money.map_or_else(|| f.value.clone(), |m| number.decimal2(m)));
    Change {
        section: fact.section.clone(),
        id: id.to_string(),
        label: fact.label.clone(),
        kind: fact.kind,
        op,
        old: shown(old),
        new: shown(new),
        delta,
        words,
        amounts: money.then_some((om, nm)),
    }
}
