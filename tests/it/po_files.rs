//! Translators' work is kept: what Poedit, Weblate, Lokalize or gettext's own tools write into a
//! PO file survives every amif-doc command, entry by entry; a malformed file is an error at
//! its line and column, never a silent merge.

use std::path::Path;

use amif_doc::i18n::po::{self, Catalog, Entry};

use crate::common::*;

fn read(path: &Path) -> Catalog {
    let text = std::fs::read_to_string(path).unwrap();
    po::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The entries without the lines they were read at (a rewrite may move them).
fn entries(c: &Catalog) -> Vec<Entry> {
    c.entries.iter().map(|e| Entry { line: 0, ..e.clone() }).collect()
}

/// fmt, then i18n update: both must leave every entry and the header as they were.
fn fmt_and_update(content: &Path) {
    for args in [&["fmt"][..], &["i18n", "update"]] {
        let (code, err) = run_on(content, args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
    }
}

/// Every kind of line a translator's tool writes, on entries of the frozen programme's fr.po.
#[test]
fn every_kind_of_line_survives_fmt_and_i18n_update() {
    let dir = scratch("po-lines");
    let content = copy_content(&dir);
    let fr = content.join("translations/fr.po");
    let summary0 = "msgctxt \"summary/0\"\n";
    edit(
        &fr,
        summary0,
        &format!(
            "# Checked by the unit head.\n#. The summary, first paragraph\n#: content/summary.yaml:3\n#, no-wrap\n{summary0}"
        ),
    );
    let summary1 = "msgctxt \"summary/1\"\n";
    edit(
        &fr,
        summary1,
        &format!("#, fuzzy\n#| msgctxt \"summary/9\"\n#| msgid \"The asylum sentence as it was.\"\n{summary1}"),
    );
    let mut text = std::fs::read_to_string(&fr).unwrap();
    text.push_str("\n# A paragraph the programme dropped.\n#~ msgctxt \"summary/99\"\n#~ msgid \"Dropped.\"\n#~ msgstr \"Abandonné.\"\n");
    std::fs::write(&fr, text).unwrap();
    let before = read(&fr);
    fmt_and_update(&content);
    let after = read(&fr);
    assert_eq!((&after.header_comments, &after.header), (&before.header_comments, &before.header));
    let (b, a) = (entries(&before), entries(&after));
    for e in &b {
        let kept = a.iter().find(|x| x.msgctxt == e.msgctxt && x.obsolete == e.obsolete);
        assert_eq!(kept, Some(e), "entry {} changed", e.msgctxt);
    }
    assert_eq!(a.len(), b.len());
    let first = after.find("summary/0").unwrap();
    assert_eq!(first.comments, ["Checked by the unit head."]);
    assert_eq!(first.references, ["content/summary.yaml:3"]);
    assert_eq!(first.flags, ["no-wrap"]);
    let stale = after.find("summary/1").unwrap();
    assert_eq!(stale.previous_ctxt.as_deref(), Some("summary/9"));
    assert!(after.entries.iter().any(|e| e.obsolete && e.msgctxt == "summary/99" && e.msgstr == "Abandonné."));
}

/// Each malformed case, in `check`: `po-syntax` at file:line:col, every one at once.
#[test]
fn malformed_po_is_an_error_at_its_place() {
    let dir = scratch("po-malformed");
    let content = copy_content(&dir);
    let fr = content.join("translations/fr.po");
    let text = std::fs::read_to_string(&fr).unwrap();
    let line_of = |needle: &str, text: &str| text.lines().position(|l| l == needle).unwrap() + 1;
    // summary/0 loses its msgstr; summary/1 gets a bad escape.
    let text = text.replacen("msgstr \"Dans le cadre du FAMI", "#. cut\nmsgid_x \"Dans le cadre du FAMI", 1);
    let text = text.replacen("msgstr \"Dans le domaine de l’asile", "msgstr \"Dans le \\q domaine de l’asile", 1);
    std::fs::write(&fr, &text).unwrap();
    let problems = content_problems(&content);
    let msgid0 = line_of(
        "msgid \"Under the AMIF, Belgium (BE) intends to continue and, where possible, enhance actions developed under the preceding funding programmes, as well as to lead and participate in several specific actions (SA) in cooperation with other European Union (EU) Member States (MS) and the European Asylum Support Office (EASO).\"",
        &text,
    );
    let escape = text.lines().position(|l| l.starts_with("msgstr \"Dans le \\q")).unwrap() + 1;
    let expected = [
        format!("content/translations/fr.po:{msgid0}:1: msgid without msgstr"),
        format!("content/translations/fr.po:{}:1: unknown keyword `msgid_x`", msgid0 + 2),
        format!("content/translations/fr.po:{escape}:17: unknown escape `\\q`"),
    ];
    for e in &expected {
        assert!(problems.iter().any(|p| p.contains("po-syntax") && p.contains(e.as_str())), "{e}\n{problems:#?}");
    }
}
