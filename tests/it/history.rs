//! The history of a programme: git's external diff driver says only what one file says, and
//! `amif-doc log` compares whole revisions, commit by commit.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=amif", "-c", "user.email=amif@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const TITLE: &str = "to adapt to possible influx.";
const EDITED: &str = "to adapt to a possible influx.";

/// Three commits after the first: the English of a title edited (its French goes stale), the
/// French translated again (stale → current), the English edited back (stale again).
fn retranslated() -> PathBuf {
    let dir = scratch("history");
    let c = copy_content(&dir);
    std::fs::write(dir.join(".gitattributes"), "content/**/*.yaml diff=amif\ncontent/**/*.po diff=amif\n").unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["config", "diff.amif.command", &format!("{} diff-driver", env!("CARGO_BIN_EXE_amif-doc"))]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "the programme"]);
    edit(&c.join("objectives/so1.yaml"), TITLE, EDITED);
    git(&dir, &["commit", "-q", "-a", "-m", "an article in the English"]);
    let po = c.join("translations/fr.po");
    edit(&po, &format!("{TITLE}\"\nmsgstr"), &format!("{EDITED}\"\nmsgstr"));
    edit(&po, "à un éventuel afflux.\"", "à un éventuel afflux soudain.\"");
    git(&dir, &["commit", "-q", "-a", "-m", "the French translated again"]);
    edit(&c.join("objectives/so1.yaml"), EDITED, TITLE);
    git(&dir, &["commit", "-q", "-a", "-m", "the English as it was"]);
    dir
}

/// `git log -p --ext-diff` on the commit that translated again: the driver says what the PO
/// file's entry says, and never a translation state it would have to guess from other files.
#[test]
fn the_driver_never_claims_a_state_it_cannot_see() {
    let dir = retranslated();
    let out = git(&dir, &["log", "-p", "--ext-diff", "-1", "HEAD~1"]);
    assert!(out.contains("content/translations/fr.po ("), "{out}");
    assert!(out.contains("  ~ so1/no1/a1/title source: "), "{out}");
    assert!(out.contains("  ~ so1/no1/a1/title translation: "), "{out}");
    assert!(!out.contains("stale") && !out.contains("current"), "no state: {out}");
    let all = git(&dir, &["log", "-p", "--ext-diff"]);
    assert!(!all.contains("amif-doc-") && !all.contains("/tmp/"), "no scratch folder: {all}");
    assert!(!all.contains("no semantic diff"), "{all}");
}

fn amif_log(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_amif-doc")).current_dir(dir).arg("log").args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `amif-doc log` compares each commit with its own parent as whole revisions: the commit
/// that translated again made the French current.
#[test]
fn log_says_what_each_commit_did_to_the_whole_programme() {
    let dir = retranslated();
    let (code, out, err) = amif_log(&dir, &[]);
    assert_eq!(code, Some(0), "{err}");
    let commits: Vec<&str> = out.split("commit ").skip(1).collect();
    assert_eq!(commits.len(), 4, "{out}");
    let state = "fr translation of so1/no1/a1/title – state  [translations.fr.so1/no1/a1/title.state]: ";
    assert!(commits[0].contains("the English as it was") && commits[0].contains(&format!("{state}current → stale")));
    assert!(commits[1].contains("the French translated again"), "{out}");
    assert!(commits[1].contains(&format!("{state}stale → current")), "{}", commits[1]);
    assert!(commits[1].contains("éventuel [-afflux.-]{+afflux soudain.+}"), "{}", commits[1]);
    assert!(commits[2].contains(&format!("{state}current → stale")), "{}", commits[2]);
    assert!(commits[3].contains("the first version of the content: nothing before it"), "{}", commits[3]);

    // A range, a path, JSON.
    let (code, out, err) = amif_log(&dir, &["HEAD~2..HEAD", "--format", "json", "--", "content/translations"]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 1, "{out}");
    assert_eq!(entries[0]["subject"], "the French translated again");
    let changes = entries[0]["report"]["changes"].as_array().unwrap();
    assert!(changes.iter().any(|c| c["id"] == "translations.fr.so1/no1/a1/title.state"), "{out}");

    // A bad range is trouble, said in one line.
    let (code, _, err) = amif_log(&dir, &["nothing..HEAD"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.lines().count() <= 2, "{err}");
}

/// A commit that changes nothing the programme says is one line, or left out.
#[test]
fn commits_without_programme_changes_are_one_line_or_left_out() {
    let dir = retranslated();
    let so1 = dir.join("content/objectives/so1.yaml");
    let text = std::fs::read_to_string(&so1).unwrap();
    std::fs::write(&so1, format!("# A comment only.\n{text}")).unwrap();
    git(&dir, &["commit", "-q", "-a", "-m", "a comment"]);
    let (_, out, _) = amif_log(&dir, &["HEAD~1..HEAD"]);
    assert!(out.contains("    a comment\n    no change to the programme"), "{out}");
    let (_, quiet, _) = amif_log(&dir, &["--quiet-empty"]);
    assert!(!quiet.contains("a comment") && quiet.contains("the French translated again"), "{quiet}");
}

/// This repository's own history, to the first commit of content/ (when the clone has it: a
/// shallow clone has not, and tests/fixtures/formats covers every format then).
#[test]
fn log_reads_this_repositorys_history_to_its_first_commit() {
    let shallow = Command::new("git").current_dir(repo()).args(["rev-parse", "--is-shallow-repository"]).output();
    if !shallow.is_ok_and(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).trim() == "false") {
        eprintln!("skipped: not a full git clone");
        return;
    }
    let (code, out, err) = amif_log(&repo(), &["--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let entries = json.as_array().unwrap();
    let listed =
        Command::new("git").current_dir(repo()).args(["log", "--format=%h", "--", "content"]).output().unwrap();
    assert_eq!(entries.len(), String::from_utf8_lossy(&listed.stdout).lines().count(), "every commit of content/");
    let last = entries.last().unwrap();
    assert_eq!(last["note"], "the first version of the content: nothing before it to compare with");
    let unread: Vec<_> =
        entries.iter().filter(|e| e["note"].as_str().is_some_and(|n| n.starts_with("not compared"))).collect();
    assert!(unread.is_empty(), "{unread:#?}");
}

/// A history through every content format (the frozen fixtures of each, then today's): the
/// log reads every commit, each old one through the format steps.
#[test]
fn log_reads_a_history_through_every_format() {
    let dir = scratch("history-formats");
    git(&dir, &["init", "-q"]);
    let fixtures = repo().join("tests/fixtures");
    let versions: Vec<PathBuf> =
        (1..=4).map(|n| fixtures.join(format!("formats/{n}/content"))).chain([fixtures.join("content")]).collect();
    for (n, version) in versions.iter().enumerate() {
        let _ = std::fs::remove_dir_all(dir.join("content"));
        amif_doc::write::copy_tree(version, &dir.join("content")).unwrap();
        git(&dir, &["add", "-A"]);
        git(&dir, &["commit", "-q", "-m", &format!("version {}", n + 1)]);
    }
    let (code, out, err) = amif_log(&dir, &["--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 5);
    for e in &entries[..4] {
        assert!(e["note"].is_null(), "each commit compared: {e:#}");
        assert!(!e["report"]["changes"].as_array().unwrap().is_empty(), "{e:#}");
    }
}
