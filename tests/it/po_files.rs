//! Translators' work is kept: what Poedit, Weblate, Lokalize or gettext's own tools write into a
//! PO file survives every amif-doc command, entry by entry; a malformed file is an error at
//! its line and column, never a silent merge.

use std::path::Path;
use std::process::Command;

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

/// gettext's own tools write the file: amif-doc reads it, and fmt and i18n update keep every
/// entry; msgfmt --check passes after. Skipped, saying so, where gettext is not installed.
#[test]
fn files_written_by_gettext_tools_round_trip() {
    let have = |tool: &str| Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
    if !["msgcat", "msgmerge", "msgattrib", "msgfmt"].iter().all(|t| have(t)) {
        eprintln!("skipped: gettext (msgcat, msgmerge, msgattrib, msgfmt) is not installed; .ci/run installs it");
        return;
    }
    for tool in ["msgcat", "msgattrib", "msgmerge"] {
        let dir = scratch(&format!("po-{tool}"));
        let content = copy_content(&dir);
        let fr = content.join("translations/fr.po");
        let written = dir.join("written.po");
        let status = if tool != "msgmerge" {
            Command::new(tool).arg(&fr).arg("-o").arg(&written).status().unwrap()
        } else {
            // A template of the same units (no translations), merged with the translations.
            let mut template = read(&fr);
            for e in &mut template.entries {
                e.msgstr.clear();
            }
            let pot = dir.join("fr.pot");
            std::fs::write(&pot, po::write(&template)).unwrap();
            // The translation was made from older English (msgmerge marks it fuzzy with the
            // previous msgid), and translates a unit the programme no longer has (obsolete).
            edit(&fr, "msgid \"In the field of Asylum the main focus", "msgid \"In the field of asylum the focus");
            let mut text = std::fs::read_to_string(&fr).unwrap();
            text.push_str("\nmsgctxt \"summary/99\"\nmsgid \"Dropped.\"\nmsgstr \"Abandonné.\"\n");
            std::fs::write(&fr, text).unwrap();
            Command::new("msgmerge")
                .args(["--quiet", "--previous"])
                .arg(&fr)
                .arg(&pot)
                .arg("-o")
                .arg(&written)
                .status()
                .unwrap()
        };
        assert!(status.success(), "{tool}");
        std::fs::copy(&written, &fr).unwrap();
        let before = read(&fr);
        if tool == "msgmerge" {
            let merged = before.find("summary/1").unwrap();
            assert!(
                merged.fuzzy && merged.previous.as_deref().is_some_and(|p| p.starts_with("In the field of asylum"))
            );
            assert!(
                before.entries.iter().any(|e| e.obsolete && e.msgctxt == "summary/99"),
                "msgmerge kept it obsolete"
            );
        }
        fmt_and_update(&content);
        let after = read(&fr);
        assert_eq!(entries(&after), entries(&before), "{tool}: every entry as the tool wrote it");
        let check = Command::new("msgfmt").arg("--check").arg("-o").arg("/dev/null").arg(&fr).output().unwrap();
        assert!(check.status.success(), "{tool}: {}", String::from_utf8_lossy(&check.stderr));
    }
}
