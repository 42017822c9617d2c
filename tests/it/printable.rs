//! What the fonts cannot print is refused by `check` (and before any build typesets), where it
//! is written, with the character's name: a private-use character, or one no font has.

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
            "error[char-unprintable]: U+E000 (a private-use character) is reserved: amif-doc uses private-use characters itself\n  ┌─ content/programme.yaml:4:17\n"
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
