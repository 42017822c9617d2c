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

pub use super::facts::Kind;
use super::facts::{self, Fact};
use crate::i18n::Labels;
use crate::i18n::number::NumberFormat;
use crate::pipeline::Checked;
use crate::text::words::{self, Segment};

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
    /// For an order: each item that moved, and where to (`a13 (Return counselling) before a12`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<String>,
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

/// Compares two checked programmes. Labels (English) name the computed lines and findings.
pub fn compare(old: &Checked, new: &Checked, labels: &Labels) -> Report {
    let (a, b) = (facts::facts(old, labels), facts::facts(new, labels));
    let number = &labels.number;
    let ids: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let mut changes: Vec<Change> = ids
        .into_iter()
        .filter_map(|id| match (a.get(id), b.get(id)) {
            (Some(x), Some(y)) if x.value == y.value => None,
            (Some(x), Some(y)) if x.kind == Kind::Order => {
                let moved = moved(&x.value, &y.value, |item| title_of(&b, id, item));
                (!moved.is_empty()).then(|| Change { moved, ..change(id, Some(x), Some(y), number) })
            }
            // A list that appears or goes: its items are reported added or removed.
            (x, y) if x.or(y).is_some_and(|f| f.kind == Kind::Order) => None,
            (x, y) => Some(change(id, x, y, number)),
        })
        .collect();
    let rank = |c: &Change| SECTIONS.iter().position(|s| *s == c.section).unwrap_or(SECTIONS.len());
    let kind_rank = |c: &Change| {
        [Kind::Order, Kind::Text, Kind::Value, Kind::Input, Kind::Total, Kind::Finding]
            .iter()
            .position(|k| *k == c.kind)
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
        moved: vec![],
        amounts: money.then_some((om, nm)),
    }
}

/// The items that moved between two orders (ids joined by `, `), each with where it now is:
/// `a13 (title) before a12`, or `… last`. Items added or removed are not moves; of the items
/// both orders hold, those outside their longest common subsequence moved.
fn moved(old: &str, new: &str, title: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let split = |s: &str| -> Vec<String> { s.split(", ").map(str::to_string).collect() };
    let (old, new) = (split(old), split(new));
    let old: Vec<&String> = old.iter().filter(|x| new.contains(x)).collect();
    let new: Vec<&String> = new.iter().filter(|x| old.contains(x)).collect();
    // Longest common subsequence, by dynamic programming (lists are short). Between equally
    // long ones, the items that moved up are the moves: two swapped items read "b before a".
    let mut len = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            len[i][j] = if old[i] == new[j] { len[i + 1][j + 1] + 1 } else { len[i + 1][j].max(len[i][j + 1]) };
        }
    }
    let mut stayed = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < new.len() {
        if old[i] == new[j] {
            stayed.push(new[j]);
            (i, j) = (i + 1, j + 1);
        } else if len[i + 1][j] > len[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let named = |x: &str| title(x).map_or_else(|| x.to_string(), |t| format!("{x} ({})", short_title(&t)));
    new.iter()
        .enumerate()
        .filter(|(_, x)| !stayed.contains(x))
        .map(|(k, x)| match new.get(k + 1) {
            Some(next) => format!("{} before {next}", named(x)),
            None => format!("{} last", named(x)),
        })
        .collect()
}

/// A title cut to its first words (at most 60 characters), enough to recognise the item.
fn short_title(title: &str) -> String {
    let flat = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 60 {
        return flat;
    }
    let mut cut = String::new();
    for word in flat.split(' ') {
        if cut.chars().count() + word.chars().count() + 1 > 59 {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    format!("{cut}…")
}

/// What an item of the list `order_id` is called, from its facts: its title or name.
fn title_of(facts: &std::collections::BTreeMap<String, Fact>, order_id: &str, item: &str) -> Option<String> {
    let list = order_id.strip_suffix(facts::ORDER)?;
    // A transparent container (`actions`) adds nothing to its items' paths: try without it.
    let parent = list.rsplit_once('.').map_or("", |(parent, _)| parent);
    [list, parent].iter().find_map(|prefix| {
        let base = if prefix.is_empty() { item.to_string() } else { format!("{prefix}.{item}") };
        ["title", "name"].iter().find_map(|f| facts.get(&format!("{base}.{f}"))).map(|f| f.value.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moves(old: &str, new: &str) -> Vec<String> {
        moved(old, new, |x| (x == "a13").then(|| "Return counselling".to_string()))
    }

    #[test]
    fn a_move_is_who_moved_before_whom_and_adding_or_removing_is_no_move() {
        assert_eq!(moves("a12, a13, a14", "a13, a12, a14"), ["a13 (Return counselling) before a12"]);
        assert_eq!(moves("a12, a13, a14", "a13, a14, a12"), ["a12 last"]);
        assert_eq!(moves("a1, a2, a3, a4", "a4, a1, a2, a3"), ["a4 before a1"]);
        assert_eq!(moves("a12, a13", "a12, a99, a13"), Vec::<String>::new());
        assert_eq!(moves("a12, a13, a14", "a12, a14"), Vec::<String>::new());
        assert_eq!(moves("a1, a2, a3", "a3, a2, a1"), ["a3 before a2", "a2 before a1"]);
    }

    #[test]
    fn a_long_title_is_cut_at_a_word() {
        let title = "create an inclusive integration policy in cooperation with other policy domains";
        assert_eq!(short_title(title), "create an inclusive integration policy in cooperation with…");
        assert_eq!(short_title("Return  counselling"), "Return counselling");
    }
}
