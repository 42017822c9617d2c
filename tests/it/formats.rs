//! Every content format this repository ever had is read: each frozen folder of a past
//! format (tests/fixtures/formats) prints what the commit that changed the format printed.

use std::path::{Path, PathBuf};

use crate::common::*;

fn formats() -> PathBuf {
    repo().join("tests/fixtures/formats")
}

/// Applies a `git diff` patch to the folder that holds `content/`: hunks must match exactly.
fn apply_patch(root: &Path, patch: &str) {
    let mut lines = patch.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(target) = line.strip_prefix("+++ ") else { continue };
        let path = root.join(target.strip_prefix("b/").expect("a git patch"));
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        let old: Vec<&str> = old.lines().collect();
        let (mut out, mut at) = (Vec::<String>::new(), 0usize);
        while let Some(hunk) = lines.peek().and_then(|l| l.strip_prefix("@@ -")) {
            let start: usize = hunk.split([',', ' ']).next().unwrap().parse().unwrap();
            lines.next();
            let start = start.saturating_sub(1).max(at);
            out.extend(old[at..start].iter().map(|l| l.to_string()));
            at = start;
            while let Some(l) = lines.peek().filter(|l| [' ', '-', '+', '\\'].iter().any(|c| l.starts_with(*c))) {
                if l.starts_with("--- ") || l.starts_with("+++ ") {
                    break;
                }
                match &l[..1] {
                    "+" => out.push(l[1..].to_string()),
                    "\\" => {}
                    _ => {
                        assert_eq!(old[at], &l[1..], "patch does not apply to {}", path.display());
                        if l.starts_with(' ') {
                            out.push(old[at].to_string());
                        }
                        at += 1;
                    }
                }
                lines.next();
            }
        }
        out.extend(old[at..].iter().map(|l| l.to_string()));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, out.join("\n") + "\n").unwrap();
    }
}

/// Format `n`'s fixture reads into the typst source of the commit that changed the format;
/// the files its steps write are the commit's, but for those `same_but` names.
fn prints_as_the_next_format(n: u32, same_but: &[&str]) {
    let old = formats().join(format!("{n}/content"));
    let dir = scratch(&format!("format-{n}"));
    amif_doc::write::copy_tree(&old, &dir.join("content")).unwrap();
    let patch = std::fs::read_to_string(formats().join(format!("{n}-to-{}.patch", n + 1))).unwrap();
    apply_patch(&dir, &patch);
    // The files the steps wrote are the ones the commit wrote, byte for byte, but for `same_but`.
    let mut tree = amif_doc::load::migrate::Tree::read(&old).unwrap();
    amif_doc::load::migrate::run_steps(&mut tree, 1, n + 1);
    for (rel, text) in tree.changed() {
        let written = std::fs::read_to_string(dir.join("content").join(rel)).unwrap();
        if !same_but.contains(&rel) {
            assert_eq!(text, written, "format {n}: {rel} as the steps write it and as the commit wrote it");
        }
    }
    let migrated = typst_sources(&old);
    let next = typst_sources(&dir.join("content"));
    let names = |s: &[(String, String)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    let compared: Vec<_> = migrated.iter().filter(|(name, _)| names(&next).contains(name)).collect();
    assert!(!compared.is_empty(), "no edition in common: {:?} / {:?}", names(&migrated), names(&next));
    for (name, source) in compared {
        let expected = &next.iter().find(|(n, _)| n == name).unwrap().1;
        let differing: Vec<_> = source.lines().zip(expected.lines()).filter(|(a, b)| a != b).take(3).collect();
        assert!(
            source == expected,
            "format {n}, {name}: {} lines against {}; first differing: {differing:#?}",
            source.lines().count(),
            expected.lines().count()
        );
    }
}

#[test]
fn format_4_prints_as_reference_yaml_did() {
    prints_as_the_next_format(4, &[]);
}

#[test]
fn an_old_format_is_said_once_and_still_checks() {
    let (code, out) = run_on(&formats().join("4/content"), &["check"]);
    assert_eq!(code, Some(0), "{out}");
    let old = out.lines().filter(|l| l.contains("format-old")).collect::<Vec<_>>();
    assert_eq!(old.len(), 1, "{out}");
    assert!(old[0].contains("content format 1: amif-doc reads it as format 5"), "{out}");
    assert!(out.contains("run `amif-doc migrate`"), "{out}");
    assert!(out.contains("reference.yaml") && out.contains("3 resettlement categories and 3 countries"), "{out}");
}

#[test]
fn a_newer_format_is_refused() {
    let dir = scratch("format-newer");
    let content = copy_content(&dir);
    edit(&content.join("programme.yaml"), "format: 5", "format: 6");
    let problems = content_problems(&content);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].contains("programme.yaml:34:9: programme.format: ")
            && problems[0].contains("content format 6 is newer than this amif-doc, which reads formats 1 to 5"),
        "{problems:#?}"
    );
}

#[test]
fn format_3_prints_as_declared_scopes_did() {
    prints_as_the_next_format(3, &[]);
}

#[test]
fn format_2_prints_as_translation_files_did() {
    prints_as_the_next_format(2, &[]);
}

/// The first commit's content: the matrix it gets is the one edition amif-doc built then
/// (the commit that added the matrix added excerpts too).
#[test]
fn format_1_prints_as_the_edition_matrix_did() {
    prints_as_the_next_format(1, &["editions.yaml"]);
}

/// The history's own question: what changed since the first version of the programme? Read
/// from git when the history is there (a shallow clone has not got it: the fixtures above
/// cover every format then).
#[test]
fn diff_reads_every_revision_back_to_the_first_commit_of_content() {
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git").current_dir(repo()).args(args).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    if git(&["rev-parse", "--is-shallow-repository"]).as_deref() != Some("false") {
        eprintln!("skipped: not a full git clone (the format fixtures cover the history)");
        return;
    }
    let revisions = git(&["log", "--reverse", "--format=%h", "--", "content"]).unwrap_or_default();
    if revisions.is_empty() {
        eprintln!("skipped: no commit of content/ in this clone");
        return;
    }
    for rev in revisions.lines() {
        let (code, err) = run_on(&repo().join("content"), &["diff", rev, "HEAD"]);
        assert!(matches!(code, Some(0 | 1)), "diff {rev} HEAD: {code:?}\n{err}");
    }
}

/// An upgraded file is read with the lines it has on disk: the title's inline translations
/// above `version` became one line, yet the rule on the version names its line in the file.
#[test]
fn messages_name_the_lines_of_the_old_files() {
    let content = formats().join("1/content");
    let (code, out) = run_on(&content, &["check"]);
    assert_eq!(code, Some(0), "{out}");
    let line = std::fs::read_to_string(content.join("programme.yaml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("version:"))
        .unwrap()
        + 1;
    assert!(out.contains(&format!("content/programme.yaml:{line}:1")), "line {line}:\n{out}");
}

/// Every file of a folder, by path inside it.
fn files_of(dir: &Path) -> Vec<(String, String)> {
    let mut out = vec![];
    for sub in ["", "objectives", "translations"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
        for e in entries.map(Result::unwrap).filter(|e| e.path().is_file()) {
            let rel = Path::new(sub).join(e.file_name()).to_string_lossy().into_owned();
            out.push((rel, std::fs::read_to_string(e.path()).unwrap()));
        }
    }
    out.sort();
    out
}

/// `migrate` on the oldest format: `--check` writes nothing and says so; the upgrade prints
/// what the old files printed, leaves nothing for `fmt`, and a second run changes nothing.
#[test]
fn migrate_upgrades_the_oldest_format_once() {
    let dir = scratch("migrate");
    let content = dir.join("content");
    amif_doc::write::copy_tree(&formats().join("1/content"), &content).unwrap();
    let old_files = files_of(&content);
    let old_sources = typst_sources(&content);

    let (code, err) = run_on(&content, &["migrate", "--check"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("the content is format 1: `amif-doc migrate` upgrades it to format 5"), "{err}");
    assert_eq!(files_of(&content), old_files, "--check writes nothing");

    let (code, err) = run_on(&content, &["migrate"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("upgraded the content from format 1 to 5"), "{err}");
    for step in ["1 → 2", "2 → 3", "3 → 4", "4 → 5"] {
        assert!(err.contains(&format!("format {step}: ")), "{step}: {err}");
    }
    let upgraded = files_of(&content);
    let names: Vec<&str> = upgraded.iter().map(|(n, _)| n.as_str()).collect();
    for new in ["editions.yaml", "reference.yaml", "translations/fr.po"] {
        assert!(names.contains(&new), "{new}: {names:?}");
    }
    let programme = &upgraded.iter().find(|(n, _)| n == "programme.yaml").unwrap().1;
    assert!(programme.ends_with("\nformat: 5\n") && programme.contains("\ntitle: National Programme"), "{programme}");
    assert_eq!(typst_sources(&content), old_sources, "every edition prints as before");
    let (code, err) = run_on(&content, &["check"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("format-old") && !err.contains("format-filled"), "{err}");
    let (code, out) = run_on(&content, &["fmt", "--check"]);
    assert_eq!(code, Some(0), "{out}");

    let (code, err) = run_on(&content, &["migrate"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("the content is format 5: nothing to upgrade"), "{err}");
    assert_eq!(files_of(&content), upgraded, "a second run changes nothing");
}

/// `i18n update` writes PO files of the current format only: on an old folder it asks for
/// `migrate` first and writes nothing.
#[test]
fn i18n_update_asks_for_migrate_on_an_old_format() {
    let dir = scratch("i18n-old");
    let content = dir.join("content");
    amif_doc::write::copy_tree(&formats().join("2/content"), &content).unwrap();
    let before = files_of(&content);
    let (code, err) = run_on(&content, &["i18n", "update"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("the content is format 1: run `amif-doc migrate` first"), "{err}");
    assert_eq!(files_of(&content), before);
}

/// The first commit's programme, never upgraded on disk, builds: its French cover prints the
/// French title it wrote inline, its English one the English.
#[test]
fn the_oldest_format_builds_as_it_is() {
    let out = scratch("format-1-build");
    let outputs = build(&formats().join("1/content"), &out, &both()).unwrap_or_else(|e| panic!("{}", describe(&e)));
    assert_eq!(outputs.len(), 2);
    let fr = pdf_text(&out.join("programme-fr.pdf"));
    assert!(fr.contains("Programme national du Fonds «Asile, migration et intégration» pour la Belgique"), "{fr:.400}");
    let en = pdf_text(&out.join("programme-en.pdf"));
    assert!(en.contains("National Programme of the Asylum, Migration and Integration Fund for Belgium"), "{en:.400}");
}
