//! `diff` is complete by construction; this proves it on the frozen programme. Every scalar of
//! every content file and every translation is changed in turn; whenever the change alters
//! what some edition prints (its typst source), `diff` must report a change, filed under the
//! right section. Edits that print nothing new (a comment, key order, `fmt`) report nothing.

use std::path::Path;

use crate::common::*;
use amif_doc::i18n::{Catalogue, Lang};
use amif_doc::pipeline::{self, Checked};
use amif_doc::render::Templates;
use amif_doc::review::compare;
use serde_yaml::Value;

struct Setup {
    catalogue: Catalogue,
    templates: Templates,
}

impl Setup {
    fn new() -> Setup {
        Setup { catalogue: catalogue(), templates: Templates::load(&amif_doc::form::Form::built_in()).unwrap() }
    }

    fn load(&self, content: &Path) -> Option<Checked> {
        pipeline::load_and_check_with(content, &self.catalogue, true).ok()
    }

    fn report(&self, old: &Checked, new: &Checked) -> compare::Report {
        compare::compare(old, new, &self.catalogue.for_lang(Lang::EN).unwrap())
    }

    fn sources(&self, c: &Checked) -> Vec<(String, String)> {
        pipeline::render_all(c, &self.catalogue, &self.templates).unwrap()
    }
}

/// Calls `visit` with every node of a YAML value and its path, parents before children.
fn walk(v: &Value, path: &mut Vec<Value>, visit: &mut dyn FnMut(&Value, &[Value])) {
    visit(v, path);
    let children: Vec<(Value, &Value)> = match v {
        Value::Mapping(m) => m.iter().map(|(k, child)| (k.clone(), child)).collect(),
        Value::Sequence(items) => items.iter().enumerate().map(|(i, child)| (Value::Number(i.into()), child)).collect(),
        _ => vec![],
    };
    for (key, child) in children {
        path.push(key);
        walk(child, path, visit);
        path.pop();
    }
}

/// Paths to every scalar of a YAML value.
fn scalars(v: &Value) -> Vec<Vec<Value>> {
    let mut out = Vec::new();
    walk(v, &mut vec![], &mut |node, path| {
        if !matches!(node, Value::Mapping(_) | Value::Sequence(_) | Value::Null | Value::Tagged(_)) {
            out.push(path.to_vec());
        }
    });
    out
}

/// Paths to every list of two or more mappings (actions, national objectives, indicators...).
fn lists(v: &Value) -> Vec<Vec<Value>> {
    let mut out = Vec::new();
    walk(v, &mut vec![], &mut |node, path| {
        if let Value::Sequence(items) = node
            && items.len() >= 2
            && items.iter().all(Value::is_mapping)
        {
            out.push(path.to_vec());
        }
    });
    out
}

fn get_mut<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, key| match (v, key) {
        (Value::Sequence(items), Value::Number(i)) => &mut items[i.as_u64().unwrap() as usize],
        (Value::Mapping(m), key) => m.get_mut(key).unwrap(),
        _ => unreachable!(),
    })
}

/// A different value of the same kind.
fn changed(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Bool(!b),
        Value::Number(n) => {
            let text = n.to_string();
            let d: rust_decimal::Decimal = text.parse().unwrap_or_default();
            serde_yaml::from_str(&(d + rust_decimal::Decimal::ONE).to_string()).unwrap()
        }
        Value::String(s) if s.contains(' ') => Value::String(format!("{s} Plus a new sentence.")),
        Value::String(s) => Value::String(format!("{s}x")),
        other => other.clone(),
    }
}

#[test]
fn every_print_changing_edit_of_every_scalar_is_reported() {
    let setup = Setup::new();
    let dir = scratch("completeness");
    let content = copy_content(&dir);
    let old = setup.load(&content).unwrap();
    let old_sources = setup.sources(&old);
    let mut files = amif_doc::load::content_files(&content);
    assert_eq!(files.len(), 12, "{files:?}");
    files.sort();
    let (mut tried, mut refused, mut printing, mut silent) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    for file in &files {
        let original = std::fs::read_to_string(content.join(file)).unwrap();
        let tree: Value = serde_yaml::from_str(&original).unwrap();
        for path in scalars(&tree) {
            tried += 1;
            let mut edited = tree.clone();
            let leaf = get_mut(&mut edited, &path);
            *leaf = changed(leaf);
            std::fs::write(content.join(file), serde_yaml::to_string(&edited).unwrap()).unwrap();
            match setup.load(&content) {
                None => refused += 1,
                Some(new) => {
                    let report = setup.report(&old, &new);
                    if report.is_empty() {
                        // Nothing reported: then nothing may print differently.
                        if setup.sources(&new) != old_sources {
                            missed.push(format!("{file} {path:?}"));
                        } else {
                            silent += 1;
                        }
                    } else {
                        printing += 1;
                    }
                }
            }
        }
        std::fs::write(content.join(file), &original).unwrap();
    }
    // Every translation: its text changed.
    let po_path = content.join("translations/fr.po");
    let po = std::fs::read_to_string(&po_path).unwrap();
    let catalog = amif_doc::i18n::po::parse(&po).unwrap();
    for (i, _) in catalog.entries.iter().enumerate() {
        tried += 1;
        let mut edited = catalog.clone();
        edited.entries[i].msgstr.push_str(" Encore.");
        std::fs::write(&po_path, amif_doc::i18n::po::write(&edited)).unwrap();
        let new = setup.load(&content).unwrap();
        let report = setup.report(&old, &new);
        let ctxt = &edited.entries[i].msgctxt;
        if report.changes.iter().any(|c| c.id == format!("translations.fr.{ctxt}")) {
            printing += 1;
        } else {
            missed.push(format!("fr.po {ctxt}"));
        }
    }
    std::fs::write(&po_path, &po).unwrap();
    eprintln!(
        "completeness: {tried} scalars changed, {refused} refused by the checks, {printing} reported, {silent} printing nothing new and reporting nothing"
    );
    assert!(missed.is_empty(), "edits that change a PDF but `diff` does not report: {missed:#?}");
    assert!(tried > 800, "{tried}");
}

#[test]
fn edits_that_print_nothing_new_report_nothing() {
    let setup = Setup::new();
    let dir = scratch("silent");
    let content = copy_content(&dir);
    let old = setup.load(&content).unwrap();
    // A comment, keys out of order, a paragraph's sentences on one line.
    edit(&content.join("financing.yaml"), "table1:\n", "# a reviewer's note\ntable1:\n");
    edit(&content.join("programme.yaml"), "cci: 2014BE65AMNP001\n", "");
    edit(&content.join("programme.yaml"), "first_year: 2014\n", "first_year: 2014\ncci: 2014BE65AMNP001\n");
    edit(
        &content.join("summary.yaml"),
        "a main goal for BE.\n  Increased attention",
        "a main goal for BE. Increased attention",
    );
    let new = setup.load(&content).unwrap();
    assert!(setup.report(&old, &new).is_empty(), "{:#?}", setup.report(&old, &new).changes);
}

/// The edits a reviewer once saw reported as "no change", each reported now, where it belongs.
#[test]
fn each_kind_of_edit_is_reported_under_its_section() {
    let setup = Setup::new();
    let cases: [(&str, &str, &str, &str, &str); 12] = [
        (
            "programme.yaml",
            "title: National Programme of",
            "title: The National Programme of",
            "programme.title",
            "cover",
        ),
        ("programme.yaml", "cci: 2014BE65AMNP001", "cci: 2014BE65AMNP002", "programme.cci", "cover"),
        (
            "programme.yaml",
            "responsible_authority: FPS Home Affairs",
            "responsible_authority: FPS Interior",
            "programme.responsible_authority",
            "cover",
        ),
        (
            "translations/fr.po",
            "msgstr \"Belgique\"",
            "msgstr \"Royaume de Belgique\"",
            "translations.fr.programme/member_state",
            "cover",
        ),
        ("objectives/so2.yaml", "number: 15", "number: 40", "objectives.so2.no3.a15.number", "3"),
        (
            "objectives/so2.yaml",
            "name: update and development of immigration office's IT tools",
            "name: update of the immigration office's IT tools",
            "objectives.so2.no3.a15.timetable.name",
            "3",
        ),
        (
            "objectives/so2.yaml",
            "scope_in_heading: false",
            "scope_in_heading: true",
            "objectives.so2.no3.a15.scope_in_heading",
            "3",
        ),
        (
            "indicators.yaml",
            "source: Authority in charge of transferring the persons",
            "source: The authority that transfers the persons",
            "indicators.so1.c6.source",
            "5",
        ),
        (
            "special_cases.yaml",
            "legal_basis: Article 18(1) of Regulation",
            "legal_basis: Article 18 of Regulation",
            "special_cases.lump_sums.transfer.legal_basis",
            "4",
        ),
        (
            "reference.yaml",
            "      fr: Grèce",
            "      fr: République hellénique",
            "reference.countries.greece.name.fr",
            "4",
        ),
        (
            "editions.yaml",
            "    languages: [fr, en, fr-en]\n  - name: submitted",
            "    languages: [en, fr-en]\n  - name: submitted",
            "editions.programme.langs",
            "editions",
        ),
        ("programme.yaml", "version: \"7.0\"", "version: \"7.1\"", "programme.version", "cover"),
    ];
    for (file, from, to, id, section) in cases {
        let dir = scratch("kind");
        let content = copy_content(&dir);
        let old = setup.load(&content).unwrap();
        edit(&content.join(file), from, to);
        let new = setup.load(&content).unwrap_or_else(|| panic!("{file}: {to} does not load"));
        let report = setup.report(&old, &new);
        let found = report.changes.iter().find(|c| c.id == id);
        assert!(
            found.is_some_and(|c| c.section == section),
            "{id} not reported under {section}: {:#?}",
            report.changes.iter().map(|c| (&c.id, &c.section)).collect::<Vec<_>>()
        );
    }
}

/// Order is content: swapping the first two items of every list of every content file is
/// reported exactly when some edition prints differently, and the report says who moved.
#[test]
fn every_reorder_that_prints_differently_is_reported_and_only_those() {
    let setup = Setup::new();
    let dir = scratch("reorders");
    let content = copy_content(&dir);
    let old = setup.load(&content).unwrap();
    // What each edition prints: the order editions are built in is no PDF's content.
    let printed = |c: &Checked| {
        let mut sources = setup.sources(c);
        sources.sort();
        sources
    };
    let old_sources = printed(&old);
    let (mut tried, mut reported) = (0, 0);
    let (mut missed, mut noise) = (Vec::new(), Vec::new());
    for file in amif_doc::load::content_files(&content) {
        let original = std::fs::read_to_string(content.join(&file)).unwrap();
        let tree: Value = serde_yaml::from_str(&original).unwrap();
        for path in lists(&tree) {
            tried += 1;
            let mut edited = tree.clone();
            if let Value::Sequence(items) = get_mut(&mut edited, &path) {
                items.swap(0, 1);
            }
            std::fs::write(content.join(&file), serde_yaml::to_string(&edited).unwrap()).unwrap();
            let Some(new) = setup.load(&content) else { continue };
            let report = setup.report(&old, &new);
            let prints_differently = printed(&new) != old_sources;
            let moves: Vec<String> = report
                .changes
                .iter()
                .filter(|c| !c.moved.is_empty())
                .map(|c| format!("{} {:?}", c.id, c.moved))
                .collect();
            match (prints_differently, moves.is_empty()) {
                (true, true) => missed.push(format!("{file} {path:?}")),
                (false, false) => noise.push(format!("{file} {path:?}: {moves:?}")),
                (true, false) => reported += 1,
                (false, true) => {}
            }
        }
        std::fs::write(content.join(&file), &original).unwrap();
    }
    eprintln!("reorders: {tried} lists swapped, {reported} reported as moves");
    assert!(missed.is_empty(), "moves that change a PDF but `diff` does not report: {missed:#?}");
    assert!(noise.is_empty(), "moves reported that change no PDF: {noise:#?}");
    assert!(tried > 20 && reported > 10, "{tried} {reported}");
}
