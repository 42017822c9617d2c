//! SFC2014's field limits: a text over its limit is refused as SFC2014 would refuse it, a text
//! near it is said, and a programme adds the limits its SFC2014 screen shows.

use crate::common::*;

/// The summary of the frozen programme with one more paragraph, of `chars` characters.
fn longer_summary(name: &str, chars: usize) -> std::path::PathBuf {
    let dir = scratch(name);
    let content = copy_content(&dir);
    let path = content.join("summary.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{}\n  {}\n", text.trim_end(), "x".repeat(chars))).unwrap();
    content
}

#[test]
fn the_frozen_summary_is_within_its_limit_and_check_says_how_much_is_left() {
    assert_eq!(content_problems(&fixture()), Vec::<String>::new());
    let (code, stderr) = run_on(&fixture(), &["check"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "note[sfc.maxlength]: field 1.0 (Executive summary): 4,948 of 5,000 characters, 52 left before SFC2014's limit\n  ┌─ content/summary.yaml:3:1\n"
        ),
        "{stderr}"
    );
    assert!(stderr.ends_with("content is valid: 2 warning(s), no error\n"), "the info line is no warning: {stderr}");
}

#[test]
fn a_summary_of_5001_characters_is_refused_where_it_is_written() {
    // 4,948 + a line break + 52 characters.
    let content = longer_summary("limit-over", 52);
    assert_eq!(
        content_problems(&content),
        [
            "error[sfc.maxlength]: content/summary.yaml:3:1: summary: Field 1.0 (Executive summary) has 5,001 characters; \
          SFC2014 takes at most 5,000. (hint: shorten the text: characters over: 1 (SFC2014 counts every character, \
          spaces included; limit: Commission, model national programme for AMIF, with field codes (draft, April 2014)))"
        ]
    );
    // Exactly at the limit: accepted, with nothing left.
    let content = longer_summary("limit-at", 51);
    assert_eq!(content_problems(&content), Vec::<String>::new());
    let (_, stderr) = run_on(&content, &["check"]);
    assert!(stderr.contains("5,000 of 5,000 characters, 0 left"), "{stderr}");
    // A draft builds, and its validation section says it, in the edition's language.
    let content = longer_summary("limit-draft", 52);
    let mut opts = options(&content, &content.parent().unwrap().join("out"), &[fr()]);
    opts.draft = true;
    let built = amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let text = pdf_text(&built.outputs[0].path);
    assert!(
        text.contains("Le champ 1.0 «Executive summary» compte 5 001 caractères; SFC2014 en accepte au plus 5 000."),
        "{text}"
    );
}

#[test]
fn a_limit_a_programme_adds_is_applied_beside_the_built_in_ones() {
    let dir = scratch("limit-added");
    let content = copy_content(&dir);
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    std::fs::write(
        dir.join("templates/limits.yaml"),
        "limits:\n  - field: \"6.5\"\n    name: Coordination\n    path: framework.coordination\n    max: 100\n    source: SFC2014 screen, section 6, seen 2015-03-02\n",
    )
    .unwrap();
    let (code, stderr) = run_on(&content, &["check"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("error[sfc.maxlength]: Field 6.5 (Coordination) has 1,521 characters; SFC2014 takes at most 100.\n   ┌─ content/framework.yaml:66:1\n"),
        "{stderr}"
    );
    assert!(stderr.contains("SFC2014 screen, section 6, seen 2015-03-02"), "{stderr}");
    assert!(
        stderr.contains("note[sfc.maxlength]: field 1.0 (Executive summary)"),
        "the built-in limits still apply: {stderr}"
    );
    assert!(stderr.starts_with("form: the limits of templates/limits.yaml add to the built-in ones\n"), "{stderr}");

    // A limit naming no text is refused, not skipped.
    std::fs::write(
        dir.join("templates/limits.yaml"),
        "limits:\n  - field: \"6.5\"\n    name: Coordination\n    path: framework.coordinaton\n    max: 100\n    source: screen\n",
    )
    .unwrap();
    let (code, stderr) = run_on(&content, &["check"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("error[sfc.maxlength]: The limit of field 6.5 (Coordination) in templates/limits.yaml names `framework.coordinaton`, which is not a text of the programme."),
        "{stderr}"
    );
}
