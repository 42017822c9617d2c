//! Format 3 → 4: the levels of government are declared by the programme (commit 7d5f243).
//! Until then amif-doc knew Belgium's four and named them in its label catalogue; a folder
//! that refers to a scope without declaring any gets those four in `programme.yaml`, and
//! their names and tags in each language the catalogue printed them in go to the PO files,
//! as that commit wrote them.

use super::{Filled, Tree, edit};
use crate::i18n::po::Entry;
use crate::load::TRANSLATIONS;

pub const WHAT: &str = "scopes declared in programme.yaml";

/// The scopes of format 3, as commit 7d5f243 declared them.
const SCOPES: &str = "\
# The levels of government parts of the programme belong to: content refers to them by id
# (`scope: flemish`), excerpts are cut on them. `name` is what an excerpt's heading calls one,
# `tag` what an action heading prints (`Action 13 (FL):`). Translations go in the PO files.
scopes:
  - id: federal
    name: Federal level
    tag: federal
  - id: flemish
    name: Flemish Community
    tag: FL
  - id: french
    name: French-speaking Community
    tag: FR
  - id: german
    name: German-speaking Community
    tag: GSC
";

/// A language's name and tag of a scope.
type Named = (&'static str, &'static str, &'static str);

/// The catalogue's names and tags of format 3: id, English name and tag, then per language.
const NAMES: [(&str, &str, &str, [Named; 3]); 4] = [
    (
        "federal",
        "Federal level",
        "federal",
        [
            ("fr", "Niveau fédéral", "fédéral"),
            ("nl", "Federaal niveau", "federaal"),
            ("de", "Föderale Ebene", "föderal"),
        ],
    ),
    (
        "flemish",
        "Flemish Community",
        "FL",
        [
            ("fr", "Communauté flamande", "FL"),
            ("nl", "Vlaamse Gemeenschap", "VL"),
            ("de", "Flämische Gemeinschaft", "FL"),
        ],
    ),
    (
        "french",
        "French-speaking Community",
        "FR",
        [
            ("fr", "Communauté française", "CF"),
            ("nl", "Franse Gemeenschap", "FG"),
            ("de", "Französische Gemeinschaft", "FG"),
        ],
    ),
    (
        "german",
        "German-speaking Community",
        "GSC",
        [
            ("fr", "Communauté germanophone", "CG"),
            ("nl", "Duitstalige Gemeenschap", "DG"),
            ("de", "Deutschsprachige Gemeinschaft", "DG"),
        ],
    ),
];

pub fn apply(tree: &mut Tree, filled: &mut Vec<Filled>) {
    let Some(programme) = tree.yaml("programme.yaml") else { return };
    let referred = tree.paths().filter(|p| p.ends_with(".yaml")).any(|p| {
        tree.yaml(p).is_some_and(|v| if p == "programme.yaml" { false } else { edit::holds_key(&v, "scope") })
    });
    if programme.get("scopes").is_some() || !referred {
        return;
    }
    let text = tree.get("programme.yaml").unwrap_or_default();
    tree.set("programme.yaml", edit::insert_before_key(text, "documents", SCOPES, tree.keeps_lines()));
    filled.push(Filled {
        file: "programme.yaml".into(),
        message: "scopes: Belgium's four levels of government, the ones amif-doc knew in format 3".into(),
    });
    for lang in ["fr", "nl", "de"] {
        let rel = format!("{TRANSLATIONS}/{lang}.po");
        let Some(text) = tree.get(&rel) else { continue };
        let entries: Vec<Entry> = NAMES
            .iter()
            .flat_map(|(id, name, tag, langs)| {
                let (_, lname, ltag) = langs.iter().find(|(l, ..)| *l == lang).expect("every language");
                [("name", *name, *lname), ("tag", *tag, *ltag)].map(|(what, msgid, msgstr)| Entry {
                    msgctxt: format!("programme/scopes/{id}/{what}"),
                    msgid: msgid.into(),
                    msgstr: msgstr.into(),
                    ..Entry::default()
                })
            })
            .collect();
        let text = edit::insert_po_entries(text, "programme/responsible_authority", &entries, tree.keeps_lines());
        tree.set(&rel, text);
        filled
            .push(Filled { file: rel, message: "the scopes' names and tags, as the label catalogue had them".into() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PO: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n";

    #[test]
    fn scopes_are_declared_only_where_content_refers_to_one() {
        let programme = "cci: X\n# Documents.\ndocuments: []\n";
        let mut tree = Tree::from_files([
            ("programme.yaml", programme),
            ("baseline.yaml", "baseline:\n  - scope: federal\n    text: x\n"),
            ("translations/fr.po", PO),
        ]);
        let mut filled = vec![];
        apply(&mut tree, &mut filled);
        let text = tree.get("programme.yaml").unwrap();
        assert!(text.starts_with("cci: X\n# The levels of government"), "{text}");
        assert!(text.ends_with("    tag: GSC\n# Documents.\ndocuments: []\n"), "{text}");
        let po = crate::i18n::po::parse(tree.get("translations/fr.po").unwrap()).unwrap();
        assert_eq!(po.find("programme/scopes/french/tag").map(|e| e.msgstr.as_str()), Some("CF"));
        assert_eq!(po.entries.len(), 8);
        assert_eq!(filled.len(), 2);
        let again = tree.clone();
        apply(&mut tree, &mut filled);
        assert_eq!(tree, again);

        let mut unscoped = Tree::from_files([("programme.yaml", programme), ("baseline.yaml", "baseline: x\n")]);
        let before = unscoped.clone();
        apply(&mut unscoped, &mut filled);
        assert_eq!(unscoped, before);
    }
}
