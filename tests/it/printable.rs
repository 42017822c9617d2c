//! What the fonts cannot print is refused by `check` (and before any build typesets), where it
//! is written, with the character's name: a private-use character, or one no font has. And a
//! private-use character means nothing to amif-doc: it reaches typst as the character it is.

use crate::common::*;

#[test]
fn a_private_use_character_or_one_the_fonts_lack_is_refused_where_it_is_written() {
    let dir = scratch("unprintable");
    let content = copy_content(&dir);
    edit(&content.join("programme.yaml"), "title: National Programme", "title: National \u{E000}Programme");
    edit(
        &content.join("baseline.yaml"),
        "For the German-speaking community (GSC), 2.4 %",
        "For the German-speaking community (GSC) 😀, 2.4 %",
    );
    let (code, stderr) = run_on(&content, &["check"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error[char-unprintable]: the fonts cannot print U+E000 (a private-use character)\n  ┌─ content/programme.yaml:4:17\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("error[char-unprintable]: the fonts cannot print U+1F600 GRINNING FACE\n    ┌─ content/baseline.yaml:117:47\n"),
        "{stderr}"
    );
    // 7 warnings: the two rules, and the edited texts now stale in French.
    assert!(stderr.ends_with("error: the content has 2 problem(s) and 7 warning(s)\n"), "{stderr}");
    // A build refuses it before typesetting, with the same messages.
    let (code, stderr) = run_on(&content, &["build", "--out", "../out"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("error[char-unprintable]: the fonts cannot print U+1F600 GRINNING FACE"), "{stderr}");
    assert!(!dir.join("out").exists());
}

/// amif-doc keeps no markup of its own inside text: the private-use characters an older
/// amif-doc used as hidden marks (inserted, deleted, changed, fallback) reach the typst source
/// as the characters they are, never as markup.
#[test]
fn private_use_characters_reach_the_typst_source_as_text() {
    let dir = scratch("private-use");
    let content = copy_content(&dir);
    let marks = "\u{E000}new\u{E001} \u{E002}old\u{E001} \u{E012}one\u{E010}two \u{E020}en\u{E021}x\u{E022}";
    edit(&content.join("summary.yaml"), "Under the AMIF, Belgium", &format!("Under the AMIF {marks}, Belgium"));
    let catalogue = catalogue();
    // Checked as a draft: the fonts lack these characters, which `check` refuses (above).
    let checked = amif_doc::pipeline::load_and_check_with(&content, &catalogue, true)
        .unwrap_or_else(|e| panic!("{}", describe(&e)));
    let templates = amif_doc::render::Templates::load(&amif_doc::form::Form::built_in()).unwrap();
    let sources = amif_doc::pipeline::render_all(&checked, &catalogue, &templates).unwrap();
    let (_, source) = sources.iter().find(|(name, _)| name == "programme-en").expect("programme-en");
    assert!(source.contains(&format!("Under the AMIF {marks}, Belgium")), "the characters as written");
    for markup in ["#rl-ins[", "#rl-del[", "#rl-new[", "#fallback("] {
        assert!(!source.contains(markup), "no {markup} in an edition that is not a redline");
    }
}
