//! `amif-doc new`: a programme from scratch checks (listing what is still to fill, as
//! warnings) and builds as a draft, through the binary as a user runs it.

use std::process::{Command, Output};

use crate::common::*;

/// Runs the binary from `dir`, with the form built into it.
fn amif_doc(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_amif-doc")).current_dir(dir).args(args).output().unwrap()
}

fn git(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new("git").arg("-C").arg(dir).args(args).output().unwrap()
}

#[test]
fn a_new_programme_is_a_repository_that_checks_with_what_is_left_and_builds_as_a_draft() {
    // Outside this repository, so that `new` makes a repository of its own.
    let dir = std::env::temp_dir().join(format!("amif-doc-new-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let root = dir.join("nl-programme");
    let content = root.join("content");
    let r = "nl-programme";

    let new = amif_doc(&dir, &["new", r, "--member-state", "NL", "--ci", "gitlab"]);
    let said = String::from_utf8_lossy(&new.stdout);
    assert!(new.status.success(), "{}", String::from_utf8_lossy(&new.stderr));
    assert!(said.contains("made a git repository with a first commit"), "{said}");
    let programme = std::fs::read_to_string(content.join("programme.yaml")).unwrap();
    assert!(programme.starts_with("# yaml-language-server: $schema=.schema/programme.schema.json\n"), "{programme}");
    assert!(programme.contains("cci: 2014NL65AMNP001\n"), "{programme}");
    assert!(programme.contains("\nmember_state: Netherlands\n"), "{programme}");
    assert!(
        programme.contains(
            "\ntitle: \"National Programme of the Asylum, Migration and Integration Fund for the Netherlands\"\n"
        ),
        "{programme}"
    );
    assert!(content.join(".schema/objective.schema.json").exists());
    let special = std::fs::read_to_string(content.join("special_cases.yaml")).unwrap();
    assert!(special.contains("  - id: 2018-2020\n    first_year: 2018\n    last_year: 2020\n"), "{special}");

    // The repository: one commit holding everything, the driver named, out/ ignored, CI.
    let log = git(&root, &["log", "--format=%s"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout), "A new AMIF national programme (amif-doc new)\n");
    assert_eq!(git(&root, &["status", "--porcelain"]).stdout, b"");
    let attributes = std::fs::read_to_string(root.join(".gitattributes")).unwrap();
    assert!(
        attributes.contains("\ncontent/**/*.yaml diff=amif\ncontent/translations/*.po diff=amif\n"),
        "{attributes}"
    );
    assert!(git(&root, &["check-ignore", "-q", "out/programme-en.pdf"]).status.success(), "out/ is ignored");
    let ci = std::fs::read_to_string(root.join(".gitlab-ci.yml")).unwrap();
    assert!(ci.contains("amif-doc diff origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME HEAD --format markdown"), "{ci}");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.starts_with("# AMIF national programme: the Netherlands (2014NL65AMNP001)\n"), "{readme}");
    assert!(readme.contains("git config diff.amif.command \"amif-doc diff-driver\""), "{readme}");

    // check: readable, no error; every empty required text listed as a warning with its place.
    let check = amif_doc(&root, &["check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{stderr}");
    assert!(!stderr.contains("error[") && !stderr.contains("error:"), "{stderr}");
    for (place, path) in [
        ("content/summary.yaml:3:1", "summary"),
        ("content/objectives/so2.yaml:5:1", "objectives.so2.objective"),
        ("content/framework.yaml:11:1", "framework.direct_award"),
        ("content/indicators.yaml:10:5", "indicators.so1[0].source"),
    ] {
        let warning = format!("┌─ {place}\n");
        assert!(stderr.contains(&warning), "missing `{place}` in:\n{stderr}");
        assert!(stderr.contains(&format!("^ at `{path}`")), "missing `{path}` in:\n{stderr}");
    }
    assert!(!stderr.contains("remove the entry"), "{stderr}");
    assert!(stderr.ends_with("content is valid: 33 warning(s) (33 text(s) still to fill), no error\n"), "{stderr}");
    // What `new` wrote is as `fmt` writes it.
    assert!(amif_doc(&root, &["fmt", "--check"]).status.success());

    // build --draft: the empty form typeset, DRAFT on its pages.
    let out = root.join("out");
    let build = amif_doc(&root, &["build", "--draft"]);
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let text = pdf_text(&out.join("programme-en.pdf"));
    assert!(text.contains("2014NL65AMNP001"), "{text}");
    assert!(text.contains("DRAFT"), "{text}");

    // A folder that holds files is never written into; a code must be a Member State's.
    let again = amif_doc(&dir, &["new", r, "--member-state", "NL"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds files"));
    let bad = amif_doc(&dir, &["new", "x", "--member-state", "Netherlands"]);
    assert!(
        String::from_utf8_lossy(&bad.stderr).starts_with(
            "error: `Netherlands` is not the code of a Member State taking part in AMIF (the CCI's codes: AT, BE, BG,"
        ),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    let denmark = amif_doc(&dir, &["new", "x", "--member-state", "DK"]);
    assert!(String::from_utf8_lossy(&denmark.stderr).contains("Denmark does not take part in AMIF"));
    assert!(!dir.join("x").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Where the form has no title wording for the source language, the title is the team's to
/// write, and check says so with a hint that is true.
#[test]
fn an_empty_title_is_listed_with_a_true_hint_and_no_git_means_none() {
    let dir = scratch("new-nl");
    let root = dir.join("p");
    let new = amif_doc(&dir, &["new", "p", "--member-state", "BE", "--source-language", "nl", "--no-git"]);
    assert!(new.status.success(), "{}", String::from_utf8_lossy(&new.stderr));
    assert!(!root.join(".git").exists());
    let programme = std::fs::read_to_string(root.join("content/programme.yaml")).unwrap();
    assert!(programme.contains("\ntitle: \"\"\n") && programme.contains("\nmember_state: België\n"), "{programme}");
    let check = amif_doc(&root, &["check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains(
            "warning[text-empty]: this text is empty: still to fill\n  ┌─ content/programme.yaml:7:1\n  │\n7 │ title: \"\"\n  │ ^ at `programme.title`\n  │\n  = hint: write the text\n"
        ),
        "{stderr}"
    );
    // Inside a repository (this one), new makes no repository of its own.
    let inside = amif_doc(&dir, &["new", "q", "--member-state", "BE"]);
    assert!(String::from_utf8_lossy(&inside.stdout).contains("is inside a git repository: nothing committed"));
    assert!(!dir.join("q/.git").exists());
}
