//! amif-doc runs anywhere: the binary alone, copied out of this repository, starts a
//! programme, checks and builds it with the form and fonts built into it, and a project's
//! own files override the built-in ones.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::*;

/// The built binary, copied into `dir/bin`, run from `cwd` with a `PATH` and `HOME` of `dir`
/// only (no other environment): nothing of this repository is reachable from it.
fn alone(dir: &Path, cwd: &Path, args: &[&str]) -> Output {
    let bin = dir.join("bin");
    let exe = bin.join("amif-doc");
    if !exe.exists() {
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::copy(env!("CARGO_BIN_EXE_amif-doc"), &exe).unwrap();
    }
    let mut command = Command::new(&exe);
    command.current_dir(cwd).env_clear().env("PATH", &bin).env("HOME", dir).args(args);
    // A binary just copied may still be open for writing in a child another test thread is
    // forking ("text file busy"); that passes within moments.
    for _ in 0..100 {
        match command.output() {
            Err(e) if e.raw_os_error() == Some(26) => std::thread::sleep(std::time::Duration::from_millis(20)),
            other => return other.unwrap(),
        }
    }
    panic!("{} stayed busy", exe.display())
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_binary_alone_starts_checks_and_builds_a_programme() {
    let dir = std::env::temp_dir().join(format!("amif-doc-anywhere-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    assert!(!dir.starts_with(repo()));

    let new = alone(&dir, &dir, &["new", "nl", "--member-state", "NL"]);
    assert!(new.status.success(), "{}", stderr(&new));
    let said = String::from_utf8_lossy(&new.stdout);
    assert!(said.contains("git is not installed here: no repository made"), "{said}");
    let project = dir.join("nl");
    assert!(project.join("content/objectives/so1.yaml").exists());

    // From a subfolder: the project is found above, paths are shown from where the user is.
    let objectives = project.join("content/objectives");
    let check = alone(&dir, &objectives, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stderr(&check).ends_with("no error\n"), "{}", stderr(&check));
    assert!(!stderr(&check).contains("form:"), "no override, so nothing said: {}", stderr(&check));
    assert!(stderr(&check).contains("┌─ ../summary.yaml:3:1\n"), "{}", stderr(&check));
    assert!(stderr(&check).contains("┌─ ../objectives/so2.yaml:5:1\n"), "{}", stderr(&check));

    let build = alone(&dir, &objectives, &["build", "--draft"]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(String::from_utf8_lossy(&build.stdout).contains("wrote ../../out/programme-en.pdf ("));
    let text = pdf_text(&project.join("out/programme-en.pdf"));
    assert!(text.contains("2014NL65AMNP001") && text.contains("DRAFT"), "{text}");
    assert!(!objectives.join("out").exists());

    // Outside any project: one line, and what to do.
    let outside = alone(&dir, &dir, &["check"]);
    assert_eq!(outside.status.code(), Some(2));
    assert_eq!(
        stderr(&outside),
        format!(
            "error: no amif-doc project here: no content/programme.yaml in `{}` or a folder above it; \
             start one with `amif-doc new DIR --member-state CODE`, or name the content folder with --content\n",
            dir.display()
        )
    );

    // --content names another folder: messages name its files as the user typed it.
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    copy_tree(&project.join("content"), &other.join("texts"));
    let from = alone(&dir, &objectives, &["check", "--content", "../../../other/texts"]);
    assert!(from.status.success(), "{}", stderr(&from));
    assert!(stderr(&from).contains("┌─ ../../../other/texts/programme.yaml:17:1\n"), "{}", stderr(&from));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn copy_tree(from: &Path, to: &Path) {
    amif_doc::write::copy_tree(from, to).unwrap();
}

#[test]
fn a_projects_own_label_catalogue_overrides_the_built_in_one_and_check_names_it() {
    let dir = scratch("override");
    let project = dir.join("p");
    let new = alone(&dir, &dir, &["new", "p", "--member-state", "NL"]);
    assert!(new.status.success(), "{}", stderr(&new));
    std::fs::create_dir_all(project.join("templates")).unwrap();
    let built_in = amif_doc::form::Form::built_in().template("labels.yaml").unwrap();
    let own = built_in.text("templates").unwrap().replace(
        "cover.first_year: {fr: Première année, en: First year,",
        "cover.first_year: {fr: Première année, en: First year (our wording),",
    );
    assert_ne!(own, built_in.text("templates").unwrap(), "the label to change is in the catalogue");
    std::fs::write(project.join("templates/labels.yaml"), own).unwrap();

    let check = alone(&dir, &project, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        stderr(&check).contains("form: the project's own templates/labels.yaml replaces the built-in one\n"),
        "{}",
        stderr(&check)
    );
    let build = alone(&dir, &project, &["build", "--draft"]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(pdf_text(&project.join("out/programme-en.pdf")).contains("First year (our wording)"));
}
