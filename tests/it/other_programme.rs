//! Nothing of Belgium hides in the code: a small synthetic programme of another Member State
//! (Dutch as its source language, two provinces as scopes, no specific objective 3, no
//! admission from Turkey and so no lump sum for it) is checked and built end to end.

use crate::common::*;
use amif_doc::pipeline;

fn other() -> std::path::PathBuf {
    repo().join("tests/fixtures/other/content")
}

#[test]
fn another_member_state_builds_end_to_end() {
    let diagnostics = pipeline::check(&other(), &amif_doc::form::Form::built_in(), false).unwrap();
    // Its English edition has no translation file: said once, with what it means.
    assert_eq!(
        diagnostics.iter().map(|d| from_parent(&other(), &d.to_string())).collect::<Vec<_>>(),
        [
            "warning[i18n.missing]: content/editions.yaml:3:5: editions[0].languages: edition `programma` in `en`: there is no translations/en.po, so its 34 texts print in the source language (nl) (hint: create translations/en.po with a translation of each text (copy another language's file and translate its msgstr), or remove `en` from the edition)"
        ]
    );
    let dir = scratch("other");
    let mut opts = options(&other(), &dir, &[]);
    opts.edition = None;
    let built = amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let names: Vec<String> =
        built.outputs.iter().map(|o| o.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["programma-nl.pdf", "programma-en.pdf", "uittreksel-noord-nl.pdf"]);

    let nl = pdf_text(&dir.join("programma-nl.pdf"));
    for expected in [
        "Nationaal programma van het Fonds voor asiel, migratie en integratie voor Nederland",
        "1. SAMENVATTING Het programma versterkt de opvang en de integratie.",
        "Actie 2 (N): Inburgeringstrajecten in Noord.",
        "Actie 3 (Z): Taalcursussen in Zuid.",
        // Its own resettlement categories and countries, from its reference list.
        "Congolese vluchtelingen in het gebied van de Grote Meren 30 20",
        "Eritrese vluchtelingen in Soedan 20 30",
        "Overbrenging Malta Nederland 10",
    ] {
        assert!(nl.contains(expected), "nl lacks `{expected}`");
    }
    // The English edition: English form, the Dutch texts tagged as Dutch (no translation).
    let en_pdf = std::fs::read(dir.join("programma-en.pdf")).unwrap();
    let en = pdf_text(&dir.join("programma-en.pdf"));
    assert!(en.contains("1. EXECUTIVE SUMMARY Het programma versterkt"));
    assert!(en.contains("Texts not translated: they are printed in the programme’s source language"), "{en}");
    // Reference terms are the form's: printed in the edition's language, like its labels.
    assert!(en.contains("Congolese refugees in the Great Lakes Region 30 20"), "{en}");
    assert!(en.contains("Transfer Malta Netherlands 10"), "{en}");
    assert!(pdftext::struct_langs(&en_pdf).iter().any(|l| l == "nl"), "Dutch texts tagged nl");
    // The province's excerpt: its own text only.
    let noord = pdf_text(&dir.join("uittreksel-noord-nl.pdf"));
    assert!(noord.contains("Uittreksel – Provincie Noord"), "{noord}");
    assert!(noord.contains("In de provincie Noord wonen veel nieuwkomers."));
    assert!(!noord.contains("De provincie Zuid richt zich op taalcursussen."));
    assert!(!noord.contains("Taalcursussen in Zuid."));
}

/// Typography: a Dutch narrative number never breaks (its groups bound with a no-break space in
/// the typst source), the form's headings have single spaces, and section 4.3 of a programme
/// without admission from Turkey prints as the SFC form prints it: the pledging plan with its
/// one row, empty.
#[test]
fn numbers_headings_and_an_empty_admission_print_as_a_reader_expects() {
    let sources = typst_sources(&fixture());
    let source = |name: &str| &sources.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name}")).1;
    assert!(source("excerpt-flemish-nl").contains("(4\u{a0}927)"), "the Dutch number is bound");
    let fr = source("programme-fr");
    assert!(!fr.contains("#h(0.5em)"), "no wide gap in the form's headings");
    // Section 5's heading of SO1 (the contents line), as section 3's: one space.
    assert_eq!(fr.matches("[Objectif spécifique 1 \\- Asile]").count(), 2, "one space, as the contents print it");

    let dir = scratch("other-admission");
    let mut opts = options(&other(), &dir, &[]);
    opts.edition = Some("programma".into());
    amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let nl = pdf_text(&dir.join("programma-nl.pdf"));
    let at = nl.rfind("4.3 Toelating vanuit Turkije").unwrap_or_else(|| panic!("no 4.3: {nl}"));
    let section: String = nl[at..].chars().take(220).collect();
    assert!(section.contains("per toezeggingsperiode 2014-2015 2016-2017 Toelating 5."), "{section}");
}
