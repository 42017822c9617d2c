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
