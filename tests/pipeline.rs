//! End-to-end: the bundled programme builds into both editions, with the right labels, and
//! content reaches the PDF literally.

mod common;

use amif_doc::labels::Catalogue;
use amif_doc::lang::Lang;
use common::*;

#[test]
fn bundled_content_builds_both_editions() {
    let dir = scratch("both");
    let outputs = build(&repo().join("content"), &dir, &Lang::ALL).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let names: Vec<String> =
        outputs.iter().map(|o| o.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["programme-fr.pdf", "programme-en.pdf"]);
    assert!(outputs.iter().all(|o| o.pages > 10));

    let fr = pdf_text(&dir.join("programme-fr.pdf"));
    let en = pdf_text(&dir.join("programme-en.pdf"));
    for (text, expected) in [
        (&fr, "1. RÉSUMÉ"),
        (&fr, "6.7.1 Liste des cinq principaux types de bénéficiaires du programme"),
        (&fr, "OS1.ON1 Accueil/Asile 22 813 801,27"),
        (&fr, "C1 - Nombre de personnes de groupes cibles"),
        (&fr, "FR 3 FR"),
        (&en, "1. EXECUTIVE SUMMARY"),
        (&en, "SO1.NO1 Reception/asylum 22,813,801.27"),
        (&en, "EN 3 EN"),
        (&en, "Action 13 (FL): create an inclusive integration policy"),
    ] {
        assert!(text.contains(expected), "missing `{expected}`");
    }
}

/// The English edition carries no French template label (content is English anyway).
#[test]
fn english_edition_has_no_french_label() {
    let dir = scratch("en-labels");
    build(&repo().join("content"), &dir, &[Lang::En]).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let en = pdf_text(&dir.join("programme-en.pdf"));
    let catalogue = Catalogue::load(&repo().join("templates/labels.yaml")).unwrap();
    let (fr, en_labels) = (catalogue.for_lang(Lang::Fr).unwrap(), catalogue.for_lang(Lang::En).unwrap());
    let mut leaked = Vec::new();
    for (key, text) in fr.all() {
        let english = en_labels.get(key).unwrap();
        let distinctive = text != english && text.chars().count() >= 8 && !text.contains('{');
        if distinctive && en.contains(text.as_str()) {
            leaked.push(key.clone());
        }
    }
    assert!(leaked.is_empty(), "French labels in the English edition: {leaked:?}");
}

/// Every French label not marked unverified is the seed's wording, verbatim.
#[test]
fn french_labels_are_the_seeds() {
    // A copy of the submitted programme's text (shared/seeds), committed with the tests.
    let seed = std::fs::read_to_string(repo().join("tests/fixtures/seed.txt")).unwrap();
    let squash = |t: &str| t.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let seed = squash(&seed);
    let catalogue = Catalogue::load(&repo().join("templates/labels.yaml")).unwrap();
    let unverified = catalogue.unverified(Lang::Fr);
    let fr = catalogue.for_lang(Lang::Fr).unwrap();
    let mut absent = Vec::new();
    for (key, text) in fr.all() {
        let generated = key.starts_with("scope.")
            || key.starts_with("lang.")
            || key.starts_with("abbr.")
            || key.starts_with("cover.");
        if unverified.contains(&key.as_str()) || generated || text.contains('{') {
            continue;
        }
        if !seed.contains(&squash(text)) {
            absent.push(format!("{key}: {text}"));
        }
    }
    assert!(absent.is_empty(), "French labels not found in the seed: {absent:#?}");
}

/// Typst markup characters in a narrative print literally.
#[test]
fn special_characters_print_literally() {
    let dir = scratch("special");
    let content = copy_content(&dir);
    let line = r#"Literal: #hash $dollar$ 5 * 3 snake_case @at <angle> [bracket] back\slash `tick` ~tilde // slashes /* star -- dash = eq."#;
    edit(
        &content.join("summary.yaml"),
        "summary: |\n",
        &format!("summary: |\n  {line}\n\n  - item one\n  - item two\n\n"),
    );
    // Lines that would start typst markup if they reached it unescaped.
    edit(
        &content.join("summary.yaml"),
        "  - item one\n",
        "  - item one\n\n  \\= not a heading\n\n  \\- not a list\n\n",
    );
    build(&content, &dir, &[Lang::En]).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let text = pdf_text(&dir.join("programme-en.pdf"));
    assert!(
        text.contains(line),
        "narrative not printed literally; got: {}",
        &text[text.find("Literal").unwrap_or(0)..][..200]
    );
    assert!(text.contains("= not a heading"));
    assert!(text.contains("- not a list"));
}

/// Same content, same bytes.
#[test]
fn builds_are_reproducible() {
    let (a, b) = (scratch("repro-a"), scratch("repro-b"));
    build(&repo().join("content"), &a, &[Lang::Fr]).unwrap();
    build(&repo().join("content"), &b, &[Lang::Fr]).unwrap();
    assert!(std::fs::read(a.join("programme-fr.pdf")).unwrap() == std::fs::read(b.join("programme-fr.pdf")).unwrap());
}
