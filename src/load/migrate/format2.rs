//! Format 2 → 3: translations leave the YAML for gettext PO files (commit f963581). A text
//! could be written `{en: .., fr: ..}`, and a scoped block `{scope: .., en: .., fr: ..}`;
//! now a text is its source-language string, a block's is `text:`, and every other
//! language's value is a unit of `translations/<lang>.po`, under the context the unit has
//! today (`programme/title`, `baseline/12`).

use serde_yaml::Value;

use super::edit::{self, LineEdit};
use super::{Filled, Tree};
use crate::i18n::po::Entry;
use crate::load::TRANSLATIONS;
use crate::text::units::unit_texts;

pub const WHAT: &str = "translations moved from the YAML files to translations/<lang>.po";

/// The languages format 2 could write inline.
const LANGS: [&str; 2] = ["en", "fr"];

/// The files in the order their texts come in the document (the order of the PO entries).
fn document_order(tree: &Tree) -> Vec<String> {
    let fixed = ["programme.yaml", "summary.yaml", "baseline.yaml"];
    let later = ["special_cases.yaml", "indicators.yaml", "framework.yaml", "financing.yaml"];
    let objectives = tree.paths().filter(|p| p.starts_with("objectives/")).map(str::to_string);
    fixed.iter().map(|f| f.to_string()).chain(objectives).chain(later.iter().map(|f| f.to_string())).collect()
}

/// A step of a YAML path.
#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Seg::Key(k) if out.is_empty() => out.push_str(k),
            Seg::Key(k) => out.push_str(&format!(".{k}")),
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// A translation found inline: the unit's context, its source text, the language and text.
struct Found {
    ctxt: String,
    source: String,
    lang: String,
    text: String,
}

pub fn apply(tree: &mut Tree, filled: &mut Vec<Filled>) {
    let source_lang = tree
        .yaml("programme.yaml")
        .and_then(|p| p.get("source_language").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_else(|| "en".into());
    let mut found: Vec<Found> = vec![];
    for rel in document_order(tree) {
        let (Some(text), Some(root)) = (tree.get(&rel), tree.yaml(&rel)) else { continue };
        let outline = crate::yaml::outline(text);
        let mut step = FileStep { rel: &rel, root: &root, source_lang: &source_lang, edits: vec![], found: vec![] };
        step.walk(&root, &mut vec![]);
        if step.edits.is_empty() {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        let edits: Vec<LineEdit> = step.edits.iter().filter_map(|e| e.resolve(&outline, &lines)).collect();
        found.append(&mut step.found);
        let upgraded = edit::apply_edits(text, edits, tree.keeps_lines());
        tree.set(&rel, upgraded);
    }
    let langs: Vec<String> = found.iter().map(|f| f.lang.clone()).fold(vec![], |mut all, l| {
        if !all.contains(&l) {
            all.push(l);
        }
        all
    });
    for lang in langs {
        let entries: Vec<Entry> = found
            .iter()
            .filter(|f| f.lang == lang && f.text != f.source)
            .map(|f| Entry {
                msgctxt: f.ctxt.clone(),
                msgid: f.source.clone(),
                msgstr: f.text.clone(),
                ..Entry::default()
            })
            .collect();
        let rel = format!("{TRANSLATIONS}/{lang}.po");
        let text = match tree.get(&rel) {
            Some(text) => text.to_string(),
            None => header(tree, &lang),
        };
        // A unit the file already translates keeps its translation.
        let present = crate::i18n::po::parse(&text).map(|c| c.entries).unwrap_or_default();
        let entries: Vec<Entry> =
            entries.into_iter().filter(|e| !present.iter().any(|p| !p.obsolete && p.msgctxt == e.msgctxt)).collect();
        let last = entries.len();
        let mut text = text;
        for e in entries {
            text = format!("{}\n\n{}", text.trim_end(), crate::i18n::po::write_entry(&e));
        }
        tree.set(&rel, text);
        filled.push(Filled { file: rel, message: format!("{last} translation(s) that were written inline") });
    }
}

/// The header of a PO file as commit f963581 wrote it.
fn header(tree: &Tree, lang: &str) -> String {
    let programme = tree.yaml("programme.yaml").unwrap_or_default();
    let cci = programme.get("cci").and_then(Value::as_str).unwrap_or_default();
    let state = match programme.get("member_state") {
        Some(Value::String(s)) => s.clone(),
        Some(map) => map.get("en").and_then(Value::as_str).unwrap_or_default().to_string(),
        None => String::new(),
    };
    let language = match lang {
        "fr" => "French",
        "en" => "English",
        "nl" => "Dutch",
        "de" => "German",
        other => other,
    };
    format!(
        "# {language} translation of the AMIF national programme of {state} (CCI {cci}).\nmsgid \"\"\nmsgstr \"\"\n\
         \"Project-Id-Version: AMIF national programme {cci}\\n\"\n\"Language: {lang}\\n\"\n\"MIME-Version: 1.0\\n\"\n\
         \"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n\"X-Reviewed: no\\n\"\n"
    )
}

/// An edit found by the walk, resolved against the file's lines once the walk is done.
enum Pending {
    /// `key: {en: .., fr: ..}` becomes `key: <source>`.
    ToScalar { path: String, scalar: String },
    /// A block's source-language key becomes `text`, the others go.
    Block { path: String, source_key: String, others: Vec<String> },
}

impl Pending {
    fn resolve(&self, outline: &crate::yaml::YamlOutline, lines: &[&str]) -> Option<LineEdit> {
        match self {
            Pending::ToScalar { path, scalar } => {
                let at = outline.find(path)?;
                let range = edit::entry_lines(lines, at.line, at.column);
                let line = lines[at.line - 1];
                let prefix: String = line.chars().take(at.column - 1).collect();
                let key = path.rsplit('.').next().unwrap_or(path);
                // Comments inside the old map stay, above the key.
                let indent = " ".repeat(at.column - 1);
                let mut with: Vec<String> = lines[range.clone()]
                    .iter()
                    .filter(|l| l.trim_start().starts_with('#'))
                    .map(|l| format!("{indent}{}", l.trim_start()))
                    .collect();
                with.push(format!("{prefix}{key}: {scalar}"));
                Some(LineEdit { lines: range, with })
            }
            Pending::Block { path, source_key, others } => {
                let at = outline.find(&format!("{path}.{source_key}"))?;
                let mut block = edit::entry_lines(lines, at.line, at.column);
                let line = lines[at.line - 1];
                let prefix: String = line.chars().take(at.column - 1).collect();
                let rest: String = line.chars().skip(at.column - 1 + source_key.chars().count()).collect();
                let mut with = vec![format!("{prefix}text{rest}")];
                with.extend(lines[block.start + 1..block.end].iter().map(|l| l.to_string()));
                // The other languages' entries, when they follow the source's, go with it.
                for other in others {
                    let o = outline.find(&format!("{path}.{other}"))?;
                    let r = edit::entry_lines(lines, o.line, o.column);
                    if r.start != block.end {
                        return None;
                    }
                    block.end = r.end;
                }
                Some(LineEdit { lines: block, with })
            }
        }
    }
}

struct FileStep<'a> {
    rel: &'a str,
    root: &'a Value,
    source_lang: &'a str,
    edits: Vec<Pending>,
    found: Vec<Found>,
}

/// A mapping that is a text in several languages: its keys are all languages.
fn is_translated(map: &serde_yaml::Mapping) -> bool {
    !map.is_empty() && map.iter().all(|(k, v)| k.as_str().is_some_and(|k| LANGS.contains(&k)) && v.is_string())
}

impl FileStep<'_> {
    fn walk(&mut self, value: &Value, path: &mut Vec<Seg>) {
        match value {
            Value::Mapping(map) => {
                for (k, v) in map {
                    let Some(k) = k.as_str() else { continue };
                    path.push(Seg::Key(k.to_string()));
                    match v {
                        Value::Mapping(m) if is_translated(m) => self.text(m, path),
                        Value::Sequence(items) if items.iter().any(is_inline_block) => self.narrative(items, path),
                        _ => self.walk(v, path),
                    }
                    path.pop();
                }
            }
            Value::Sequence(items) => {
                for (i, v) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    self.walk(v, path);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, map: &serde_yaml::Mapping, path: &[Seg]) {
        let get = |l: &str| map.get(l).and_then(Value::as_str);
        let Some(source) = get(self.source_lang).or_else(|| LANGS.iter().find_map(|l| get(l))) else { return };
        self.edits.push(Pending::ToScalar { path: path_text(path), scalar: edit::scalar(source) });
        let Some(ctxt) = self.ctxt(path) else { return };
        for (lang, text) in LANGS.iter().filter(|l| **l != self.source_lang).filter_map(|l| Some((l, get(l)?))) {
            let (source, text) = (source.trim().to_string(), text.trim().to_string());
            self.found.push(Found { ctxt: ctxt.clone(), source, lang: lang.to_string(), text });
        }
    }

    fn narrative(&mut self, items: &[Value], path: &mut Vec<Seg>) {
        let ctxt = self.ctxt(path);
        let mut n = 0;
        for (i, item) in items.iter().enumerate() {
            let source = match item {
                Value::String(s) => s.as_str(),
                Value::Mapping(m) => {
                    m.get(self.source_lang).or_else(|| m.get("text")).and_then(Value::as_str).unwrap_or("")
                }
                _ => "",
            };
            let units = unit_texts(source);
            if let Value::Mapping(m) = item
                && is_inline_block(item)
            {
                path.push(Seg::Index(i));
                let others: Vec<String> = LANGS
                    .iter()
                    .filter(|l| **l != self.source_lang && m.contains_key(**l))
                    .map(|l| l.to_string())
                    .collect();
                let source_key = if m.contains_key(self.source_lang) { self.source_lang } else { "text" };
                self.edits.push(Pending::Block {
                    path: path_text(path),
                    source_key: source_key.into(),
                    others: others.clone(),
                });
                path.pop();
                for lang in others {
                    let Some(ctxt) = &ctxt else { break };
                    let theirs = unit_texts(m.get(lang.as_str()).and_then(Value::as_str).unwrap_or(""));
                    for (k, (s, t)) in units.iter().zip(theirs.iter()).enumerate() {
                        let ctxt = format!("{ctxt}/{}", n + k);
                        self.found.push(Found { ctxt, source: s.clone(), lang: lang.clone(), text: t.clone() });
                    }
                }
            }
            n += units.len();
        }
    }

    /// The context today's translation units give the text at `path` of this file.
    fn ctxt(&self, path: &[Seg]) -> Option<String> {
        use Seg::{Index as I, Key as K};
        let id = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_string);
        let at = |path: &[Seg]| -> Option<Value> {
            let mut v = self.root.clone();
            for s in path {
                v = match s {
                    K(k) => v.get(k.as_str())?.clone(),
                    I(i) => v.get(*i)?.clone(),
                };
            }
            Some(v)
        };
        let ids = |upto: &[Seg]| id(&at(upto)?);
        let keys: Vec<Option<&str>> = path.iter().map(|s| if let K(k) = s { Some(k.as_str()) } else { None }).collect();
        match (self.rel, keys.as_slice()) {
            ("programme.yaml", [Some(field)]) => Some(format!("programme/{field}")),
            ("programme.yaml", [Some("documents"), None, Some("title")]) => {
                let I(i) = path[1] else { return None };
                Some(format!("programme/documents/{i}/title"))
            }
            ("summary.yaml", [Some("summary")]) => Some("summary".into()),
            ("baseline.yaml", [Some("baseline")]) => Some("baseline".into()),
            ("special_cases.yaml", [Some("resettlement"), Some("pledging")]) => Some("special_cases/pledging".into()),
            ("special_cases.yaml", [Some("lump_sums"), None, Some(field)]) => {
                Some(format!("special_cases/lump_sums/{}/{field}", ids(&path[..2])?))
            }
            ("indicators.yaml", [Some(so), None, Some(field)]) => {
                Some(format!("indicators/{so}/{}/{field}", ids(&path[..2])?))
            }
            ("framework.yaml", [Some(section)]) => Some(format!("framework/{section}")),
            ("financing.yaml", [Some(field)]) => Some(format!("financing/{field}")),
            (file, keys) if file.starts_with("objectives/") => {
                let so = id(self.root)?;
                match keys {
                    [Some(field)] => Some(format!("{so}/{field}")),
                    [Some("national_objectives"), None, Some(field)] => {
                        Some(format!("{so}/{}/{field}", ids(&path[..2])?))
                    }
                    [Some("national_objectives"), None, Some("actions"), None, rest @ ..] => {
                        let rest: Vec<&str> = rest.iter().copied().collect::<Option<_>>()?;
                        let (no, a) = (ids(&path[..2])?, ids(&path[..4])?);
                        Some(format!("{so}/{no}/{a}/{}", rest.join("/")))
                    }
                    [Some("specific_actions"), None, rest @ ..] => {
                        let rest: Vec<&str> = rest.iter().copied().collect::<Option<_>>()?;
                        Some(format!("{so}/{}/{}", ids(&path[..2])?, rest.join("/")))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// A narrative's block written with a language key (`{scope: .., en: ..}`).
fn is_inline_block(value: &Value) -> bool {
    value.as_mapping().is_some_and(|m| LANGS.iter().any(|l| m.contains_key(*l)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAMME: &str = "\
# Metadata.
cci: 2014BE65AMNP001
title:
  en: National Programme
  # the French title
  fr: Programme national
member_state:
  en: Belgium
  fr: Belgique
source_language: en
";

    const BASELINE: &str = "\
baseline:
  - |
    First paragraph.
  - scope: federal
    en: |
      Federal one.

      Federal two.
    fr: |
      Fédéral un.

      Fédéral deux.
  - |
    Last.
";

    #[test]
    fn inline_translations_become_po_units() {
        let mut tree = Tree::from_files([("programme.yaml", PROGRAMME), ("baseline.yaml", BASELINE)]);
        let mut filled = vec![];
        apply(&mut tree, &mut filled);
        assert_eq!(
            tree.get("programme.yaml").unwrap(),
            "# Metadata.\ncci: 2014BE65AMNP001\n# the French title\ntitle: National Programme\nmember_state: Belgium\nsource_language: en\n"
        );
        assert_eq!(
            tree.get("baseline.yaml").unwrap(),
            "baseline:\n  - |\n    First paragraph.\n  - scope: federal\n    text: |\n      Federal one.\n\n      Federal two.\n  - |\n    Last.\n"
        );
        let po = crate::i18n::po::parse(tree.get("translations/fr.po").unwrap()).unwrap();
        let pairs: Vec<(&str, &str, &str)> =
            po.entries.iter().map(|e| (e.msgctxt.as_str(), e.msgid.as_str(), e.msgstr.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("programme/title", "National Programme", "Programme national"),
                ("programme/member_state", "Belgium", "Belgique"),
                ("baseline/1", "Federal one.", "Fédéral un."),
                ("baseline/2", "Federal two.", "Fédéral deux."),
            ]
        );
        assert_eq!(po.field("Language"), Some("fr"));
        assert_eq!(filled.len(), 1);
        let again = tree.clone();
        apply(&mut tree, &mut filled);
        assert_eq!(tree, again, "a second run changes nothing");
    }
}
