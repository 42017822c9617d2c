//! Every edition and language can be chosen: `--lang` takes the languages and pairs the matrix
//! builds, a choice that selects nothing is refused with what there is, `editions` lists every
//! file a build writes, and `i18n update` starts the translation file of every language used.

use std::process::Output;

use crate::common::*;

/// The binary run from the folder above `content`, with `args`.
fn amif_doc(content: &std::path::Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc"))
        .current_dir(content.parent().unwrap())
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A copy of the frozen programme with a small edition matrix (a build of it is quick).
fn small_matrix(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    let content = copy_content(&dir);
    let matrix = "editions:\n  - name: programme\n    languages: [en, fr-en]\n  - name: excerpt-german\n    scope: german\n    objectives: [so2]\n    languages: [de]\n";
    std::fs::write(content.join("editions.yaml"), matrix).unwrap();
    content
}

#[test]
fn a_bilingual_edition_is_built_alone_by_its_pair() {
    let content = small_matrix("pair");
    let build = amif_doc(&content, &["build", "--lang", "fr-en"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let out = content.parent().unwrap().join("out");
    let mut written: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    assert_eq!(written, ["programme-fr-en.pdf"]);
}

#[test]
fn an_unknown_language_or_edition_or_an_empty_choice_is_refused_with_what_there_is() {
    let content = small_matrix("unknown");
    for (args, message) in [
        (
            &["build", "--lang", "es"][..],
            "error: no edition is built in `es` (the edition matrix builds: en, fr-en, de)\n",
        ),
        (
            &["build", "--lang", "en-fr"][..],
            "error: no edition is built in `en-fr` (the edition matrix builds: en, fr-en, de)\n",
        ),
        (
            &["build", "--edition", "excerpt-flemish"][..],
            "error: no edition `excerpt-flemish` in content/editions.yaml (editions: programme, excerpt-german)\n",
        ),
        (
            &["build", "--edition", "excerpt-german", "--lang", "en"][..],
            "error: edition `excerpt-german` is not built in en (it is built in: de)\n",
        ),
    ] {
        let run = amif_doc(&content, args);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {}", stderr(&run));
        assert_eq!(stderr(&run), message, "{args:?}");
    }
    assert!(!content.parent().unwrap().join("out").exists(), "nothing is written");
}

#[test]
fn editions_lists_every_file_a_full_build_writes() {
    let content = small_matrix("list");
    let list = amif_doc(&content, &["editions"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let mut listed: Vec<String> = String::from_utf8_lossy(&list.stdout)
        .split_whitespace()
        .filter(|w| w.ends_with(".pdf"))
        .map(str::to_string)
        .collect();
    listed.sort();
    let build = amif_doc(&content, &["build", "--draft"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let out = content.parent().unwrap().join("out");
    let mut written: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    assert_eq!(listed, written);
    assert_eq!(written, ["excerpt-german-de.pdf", "programme-en.pdf", "programme-fr-en.pdf"]);
}

#[test]
fn i18n_update_creates_the_file_of_every_language_the_matrix_prints() {
    let dir = scratch("create-po");
    let content = copy_content(&dir);
    std::fs::remove_file(content.join("translations/nl.po")).unwrap();
    let update = amif_doc(&content, &["i18n", "update"]);
    assert!(update.status.success(), "{}", stderr(&update));
    let said = stderr(&update);
    let created: Vec<&str> = said.lines().filter(|l| l.starts_with("created ")).collect();
    assert_eq!(created.len(), 1, "{said}");
    assert!(created[0].starts_with("created content/translations/nl.po: "), "{said}");
    let po = std::fs::read_to_string(content.join("translations/nl.po")).unwrap();
    assert!(po.contains("\"Language: nl\\n\""), "{po}");
    assert!(po.contains("X-Reviewed: no"), "{po}");
    // Every unit is there, and none is translated: each entry ends with an empty msgstr.
    let entries: Vec<&str> =
        po.split("\n\n").filter(|e| e.contains("\nmsgctxt ") || e.starts_with("msgctxt ")).collect();
    let units = entries.len();
    assert!(units > 100, "{units} units");
    for entry in &entries {
        assert!(entry.trim_end().ends_with("\nmsgstr \"\""), "translated already: {entry}");
    }
    assert!(created[0].ends_with(&format!(": {units} unit(s), {units} untranslated, 0 fuzzy, 0 obsolete")), "{said}");
}

#[test]
fn shell_completion_offers_the_edition_names_and_languages_of_the_project() {
    let content = small_matrix("complete");
    // What bash's hook (`amif-doc completions bash`) runs at a TAB after `--edition ` / `--lang `.
    let complete = |words: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc"))
            .current_dir(content.join("objectives"))
            .env("COMPLETE", "bash")
            .env("_CLAP_IFS", "\n")
            .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
            .arg("--")
            .args(words)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect::<Vec<_>>()
    };
    assert_eq!(complete(&["amif-doc", "build", "--edition", ""]), ["programme", "excerpt-german"]);
    assert_eq!(complete(&["amif-doc", "build", "--lang", ""]), ["en", "fr-en", "de"]);
    assert_eq!(complete(&["amif-doc", "i18n", "status", "--lang", ""]), ["en", "fr", "de"]);
    let hook =
        std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc")).args(["completions", "bash"]).output().unwrap();
    assert!(String::from_utf8_lossy(&hook.stdout).contains("COMPLETE=\"bash\" \\\n        \"amif-doc\" --"));
}
