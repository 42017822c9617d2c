//! One content file's two versions compared by what they say themselves: git hands its
//! external diff driver one file at a time, and totals, translation states and validation
//! depend on the other files of *that* revision, which the driver is not given. So the driver
//! reports only the file's own values (texts, inputs, translation entries), each where it is
//! in the file, and never pairs a version with another revision's files.

use rust_decimal::Decimal;
use serde_yaml::Value;

use crate::i18n::po;
use crate::text::words;

/// The file's own changes, one line each (`~ path: old → new`), in the file's order; `Err`
/// says why a version cannot be read (the caller then shows git's text diff).
pub fn changes(rel: &str, old: Option<&str>, new: Option<&str>) -> Result<Vec<String>, String> {
    if rel.ends_with(".po") {
        let parse = |side: &str, text: Option<&str>| -> Result<Option<po::Catalog>, String> {
            text.map(|t| po::parse(t).map_err(|e| format!("the {side} version: {e}"))).transpose()
        };
        Ok(po_changes(parse("old", old)?.unwrap_or_default(), parse("new", new)?.unwrap_or_default()))
    } else {
        let parse = |side: &str, text: Option<&str>| -> Result<Vec<Node>, String> {
            let Some(text) = text else { return Ok(vec![]) };
            let value: Value = serde_yaml::from_str(text).map_err(|e| format!("the {side} version: {e}"))?;
            let mut flat = Flatten { outline: crate::yaml::outline(text), nodes: vec![] };
            flat.walk(&value, String::new(), String::new());
            Ok(flat.nodes)
        };
        Ok(yaml_changes(&parse("old", old)?, &parse("new", new)?))
    }
}

/// A place in a YAML file: its path (list items that have an `id` are named by it:
/// `national_objectives.no2.actions.a13.title`) and its value when it is a scalar.
#[derive(Debug, Clone, PartialEq)]
struct Node {
    path: String,
    leaf: Option<String>,
    /// For a list: its items' ids in order (a move is a change of this order).
    order: Vec<String>,
}

fn join(path: &str, step: &str) -> String {
    if path.is_empty() { step.to_string() } else { format!("{path}.{step}") }
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::Null => Some("–".into()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        Value::Tagged(t) => scalar(&t.value),
        _ => None,
    }
}

/// Flattens a file's value into nodes; numbers are taken as written (`100.00`), never as the
/// float YAML reads them as.
struct Flatten {
    outline: crate::yaml::YamlOutline,
    nodes: Vec<Node>,
}

impl Flatten {
    /// `path` is the shown path, `at` the YAML path the outline knows (`a[0].b`).
    fn walk(&mut self, value: &Value, path: String, at: String) {
        match value {
            Value::Mapping(map) => {
                self.nodes.push(Node { path: path.clone(), leaf: None, order: vec![] });
                for (k, v) in map {
                    let key = scalar(k).unwrap_or_default();
                    self.walk(v, join(&path, &key), join(&at, &key));
                }
            }
            Value::Sequence(items) => {
                let ids: Option<Vec<String>> =
                    items.iter().map(|i| i.get("id").and_then(Value::as_str).map(str::to_string)).collect();
                let unique = ids.as_ref().is_some_and(|ids| {
                    let mut sorted = ids.clone();
                    sorted.sort();
                    sorted.dedup();
                    sorted.len() == ids.len()
                });
                let ids = ids.filter(|_| unique);
                self.nodes.push(Node { path: path.clone(), leaf: None, order: ids.clone().unwrap_or_default() });
                for (i, item) in items.iter().enumerate() {
                    let step = match &ids {
                        Some(ids) => join(&path, &ids[i]),
                        None => format!("{path}[{i}]"),
                    };
                    self.walk(item, step, format!("{at}[{i}]"));
                }
            }
            Value::Number(_) => {
                let written = self
                    .outline
                    .value_at(&at)
                    .and_then(|p| self.outline.scalars.iter().find(|(q, _)| *q == p))
                    .map(|(_, s)| s.clone());
                self.nodes.push(Node { path, leaf: written.or_else(|| scalar(value)), order: vec![] });
            }
            other => self.nodes.push(Node { path, leaf: scalar(other), order: vec![] }),
        }
    }
}

/// How a value changed: a word diff for texts, old → new with the difference for amounts.
fn changed(old: &str, new: &str) -> String {
    if let (Ok(a), Ok(b)) = (old.parse::<Decimal>(), new.parse::<Decimal>()) {
        let delta = b - a;
        let sign = if delta.is_sign_negative() { "" } else { "+" };
        return format!("{old} → {new} (Δ {sign}{delta})");
    }
    if old.contains(' ') || new.contains(' ') {
        return words::inline(&words::changed_sentences(words::diff(old, new))).trim().to_string();
    }
    format!("{old} → {new}")
}

fn yaml_changes(old: &[Node], new: &[Node]) -> Vec<String> {
    // A file added or deleted: its top-level keys.
    let top = |nodes: &[Node], mark: &str| -> Vec<String> {
        let is_top = |n: &&Node| !n.path.is_empty() && !n.path.contains(['.', '[']);
        nodes.iter().filter(is_top).map(|n| format!("{mark} {}: {}", n.path, describe(n))).collect()
    };
    if old.is_empty() || new.is_empty() {
        return if old.is_empty() { top(new, "+") } else { top(old, "-") };
    }
    let find = |nodes: &[Node], path: &str| nodes.iter().position(|n| n.path == path);
    // A node absent on the other side whose parent is there: printed once, its inside not.
    let parent = |path: &str| path.rsplit_once(['.', '[']).map_or(String::new(), |(p, _)| p.to_string());
    let shown = |n: &Node| if n.path.is_empty() { "(the file)".to_string() } else { n.path.clone() };
    let mut out = vec![];
    for n in new {
        match find(old, &n.path) {
            Some(i) => {
                let o = &old[i];
                match (&o.leaf, &n.leaf) {
                    (Some(a), Some(b)) if a != b => out.push(format!("~ {}: {}", shown(n), changed(a, b))),
                    (None, Some(_)) | (Some(_), None) => {
                        out.push(format!("~ {}: {} → {}", shown(n), describe(o), describe(n)))
                    }
                    _ => {}
                }
                let kept: Vec<&String> = o.order.iter().filter(|id| n.order.contains(id)).collect();
                let now: Vec<&String> = n.order.iter().filter(|id| o.order.contains(id)).collect();
                if kept != now {
                    let list = |ids: &[&String]| ids.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
                    out.push(format!("~ {}: order {} → {}", shown(n), list(&kept), list(&now)));
                }
            }
            None if find(old, &parent(&n.path)).is_some() => out.push(format!("+ {}: {}", shown(n), describe(n))),
            None => {}
        }
    }
    for o in old {
        if find(new, &o.path).is_none() && find(new, &parent(&o.path)).is_some() {
            out.push(format!("- {}: {}", shown(o), describe(o)));
        }
    }
    out
}

/// A node in one line: its value, or how many values it holds.
fn describe(n: &Node) -> String {
    match &n.leaf {
        Some(v) if v.trim_end().contains('\n') => format!("{}…", v.lines().next().unwrap_or_default()),
        Some(v) => v.trim_end().to_string(),
        None => "(a group of values)".into(),
    }
}

fn po_changes(old: po::Catalog, new: po::Catalog) -> Vec<String> {
    let mut out = vec![];
    for (k, v) in &new.header {
        match old.field(k) {
            Some(was) if was != v => out.push(format!("~ header {k}: {was} → {v}")),
            None => out.push(format!("+ header {k}: {v}")),
            _ => {}
        }
    }
    for (k, v) in &old.header {
        if new.field(k).is_none() {
            out.push(format!("- header {k}: {v}"));
        }
    }
    let key = |e: &po::Entry| (e.msgctxt.clone(), e.obsolete);
    for e in &new.entries {
        let label = if e.obsolete { format!("{} (obsolete)", e.msgctxt) } else { e.msgctxt.clone() };
        let Some(o) = old.entries.iter().find(|o| key(o) == key(e)) else {
            out.push(format!("+ {label}: {}", e.msgstr));
            continue;
        };
        if o.msgid != e.msgid {
            out.push(format!("~ {label} source: {}", changed(&o.msgid, &e.msgid)));
        }
        if o.msgstr != e.msgstr {
            out.push(format!("~ {label} translation: {}", changed(&o.msgstr, &e.msgstr)));
        }
        if o.fuzzy != e.fuzzy {
            out.push(format!("~ {label}: {}", if e.fuzzy { "marked fuzzy" } else { "no longer marked fuzzy" }));
        }
    }
    for o in old.entries.iter().filter(|o| !new.entries.iter().any(|e| key(e) == key(o))) {
        let label = if o.obsolete { format!("{} (obsolete)", o.msgctxt) } else { o.msgctxt.clone() };
        out.push(format!("- {label}: {}", o.msgstr));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_yaml_file_says_its_own_changes() {
        let old = "id: so1\nactions:\n  - id: a1\n    title: Old title here\n    amount: 100.00\n  - id: a2\n    title: Two\n";
        let new = "id: so1\nactions:\n  - id: a2\n    title: Two\n  - id: a1\n    title: New title here\n    amount: 120.50\n  - id: a3\n    title: Three\n";
        assert_eq!(
            changes("objectives/so1.yaml", Some(old), Some(new)).unwrap(),
            [
                "~ actions: order a1, a2 → a2, a1",
                "~ actions.a1.title: [-Old-]{+New+} title here",
                "~ actions.a1.amount: 100.00 → 120.50 (Δ +20.50)",
                "+ actions.a3: (a group of values)",
            ]
        );
        let gone = changes("x.yaml", Some(old), None).unwrap();
        assert_eq!(gone, ["- id: so1", "- actions: (a group of values)"]);
        assert!(changes("x.yaml", Some("a: ["), Some(new)).unwrap_err().starts_with("the old version: "));
    }

    #[test]
    fn a_po_file_says_its_entries_never_their_state() {
        let old = "msgid \"\"\nmsgstr \"\"\n\"X-Reviewed: no\\n\"\n\nmsgctxt \"a\"\nmsgid \"Old English\"\nmsgstr \"Vieux français\"\n";
        let new = "msgid \"\"\nmsgstr \"\"\n\"X-Reviewed: yes\\n\"\n\n#, fuzzy\nmsgctxt \"a\"\nmsgid \"New English\"\nmsgstr \"Nouveau français\"\n\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"Bé\"\n";
        assert_eq!(
            changes("translations/fr.po", Some(old), Some(new)).unwrap(),
            [
                "~ header X-Reviewed: no → yes",
                "~ a source: [-Old-]{+New+} English",
                "~ a translation: [-Vieux-]{+Nouveau+} français",
                "~ a: marked fuzzy",
                "+ b: Bé",
            ]
        );
    }
}
