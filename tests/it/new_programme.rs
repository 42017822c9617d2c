//! `amif-doc new`: a programme from scratch checks (listing what is still to fill, as
//! warnings) and builds as a draft, through the binary as a user runs it.

use std::process::{Command, Output};

use crate::common::*;

/// Runs the binary from `dir`, with the form built into it.
fn amif_doc(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_amif-doc")).current_dir(dir).args(args).output().unwrap()
}

#[test]
fn a_new_programme_checks_with_what_is_left_to_fill_and_builds_as_a_draft() {
    let dir = scratch("new");
    let root = dir.join("nl-programme");
    let content = root.join("content");
    let r = "nl-programme";

    let new = amif_doc(&dir, &["new", r, "--member-state", "NL"]);
    assert!(new.status.success(), "{}", String::from_utf8_lossy(&new.stderr));
    let programme = std::fs::read_to_string(content.join("programme.yaml")).unwrap();
    assert!(programme.starts_with("# yaml-language-server: $schema=.schema/programme.schema.json\n"), "{programme}");
    assert!(programme.contains("cci: 2014NL65AMNP001\n"), "{programme}");
    assert!(content.join(".schema/objective.schema.json").exists());
    let special = std::fs::read_to_string(content.join("special_cases.yaml")).unwrap();
    assert!(special.contains("  - id: 2018-2020\n    first_year: 2018\n    last_year: 2020\n"), "{special}");

    // check: readable, no error; every empty required text listed as a warning with its place.
    let check = amif_doc(&root, &["check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{stderr}");
    assert!(!stderr.contains("error[") && !stderr.contains("error:"), "{stderr}");
    for (place, path) in [
        ("content/programme.yaml:7:1", "programme.title"),
        ("content/programme.yaml:9:1", "programme.member_state"),
        ("content/summary.yaml:3:1", "summary"),
        ("content/objectives/so2.yaml:5:1", "objectives.so2.objective"),
        ("content/framework.yaml:11:1", "framework.direct_award"),
        ("content/indicators.yaml:10:5", "indicators.so1[0].source"),
    ] {
        let warning = format!("┌─ {place}\n");
        assert!(stderr.contains(&warning), "missing `{place}` in:\n{stderr}");
        assert!(stderr.contains(&format!("^ at `{path}`")), "missing `{path}` in:\n{stderr}");
    }
    assert!(stderr.ends_with("content is valid: 35 warning(s) (35 text(s) still to fill), no error\n"), "{stderr}");

    // build --draft: the empty form typeset, DRAFT on its pages.
    let out = root.join("out");
    let build = amif_doc(&root, &["build", "--draft"]);
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let text = pdf_text(&out.join("programme-en.pdf"));
    assert!(text.contains("2014NL65AMNP001"), "{text}");
    assert!(text.contains("DRAFT"), "{text}");

    // A folder that holds files is never written into.
    let again = amif_doc(&dir, &["new", r, "--member-state", "NL"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds files"));
    let bad = amif_doc(&dir, &["new", "x", "--member-state", "Netherlands"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not two capital letters"));
}
