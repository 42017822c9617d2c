//! The translator's round trip: a changed English sentence makes its French stale (a warning
//! at the PO line with the word diff, the new English printed and tagged `en`, never the old
//! French); `i18n update` marks it fuzzy; translating it again clears the warning.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use amif_doc::i18n::Catalogue;

fn amif(content: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_amif-doc"))
        .args(args)
        .arg("--content")
        .arg(content)
        .arg("--templates")
        .arg(repo().join("templates"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn all_notes(content: &Path) -> Vec<String> {
    let catalogue = Catalogue::load(&amif_doc::form::Form::built_in()).unwrap();
    let checked =
        amif_doc::pipeline::load_and_check(content, &catalogue).unwrap_or_else(|e| panic!("{}", describe(&e)));
    // Not the info lines (a text near its SFC2014 limit): they say nothing of translations.
    let notes = checked.notes.iter().filter(|d| d.severity != amif_doc::diag::Severity::Info);
    notes.map(|d| from_parent(content, &d.to_string())).collect()
}

/// The notes about the French translation (Dutch and German go stale alike).
fn notes(content: &Path) -> Vec<String> {
    all_notes(content).into_iter().filter(|n| n.contains("fr.po")).collect()
}

/// The 1-based line of the first line of `po` that starts with `start`.
fn line_of(po: &str, start: &str) -> usize {
    po.lines().position(|l| l.starts_with(start)).unwrap_or_else(|| panic!("no line `{start}`")) + 1
}

#[test]
fn a_changed_sentence_is_stale_until_translated_again() {
    let dir = scratch("stale");
    let content = copy_content(&dir);
    let po_path = content.join("translations/fr.po");
    assert_eq!(all_notes(&content), Vec::<String>::new(), "the fixture's translations are complete and current");

    // 1. The English changes.
    edit(
        &content.join("baseline.yaml"),
        "totalizes (01.01.2014) 20.854 places",
        "totalizes (01.01.2014) 21.000 places",
    );
    let po = std::fs::read_to_string(&po_path).unwrap();
    let msgid_line = line_of(&po, "msgctxt \"baseline/2\"") + 1;
    assert_eq!(
        notes(&content),
        [format!(
            "warning[i18n.stale]: content/translations/fr.po:{msgid_line}:1: baseline/2: the source text of `baseline/2` \
         changed since it was translated: This network totalizes (01.01.2014) [-20.854-]{{+21.000+}} places managed by \
         several operators: Fedasil centers (4.927), Red Cross (5.609), local reception initiatives (7.934) and others \
         partners. (hint: translate the new text into msgstr, then delete the `#, fuzzy` and `#| msgid` lines \
         (`amif-doc i18n update` marks changed units so))"
        )]
    );

    // 2. The French edition prints the new English for that paragraph, tagged `en`, and not the old French.
    let out = dir.join("out");
    build(&content, &out, &[fr()]).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let text = pdf_text(&out.join("programme-fr.pdf"));
    assert!(text.contains("This network totalizes (01.01.2014) 21.000 places"));
    assert!(!text.contains("Ce réseau totalise (01.01.2014) 20 854 places"));
    assert!(text.contains("Ce réseau d’accueil") || text.contains("Fedasil"), "the rest stays French");
    let pdf = std::fs::read(out.join("programme-fr.pdf")).unwrap();
    assert!(pdftext::struct_langs(&pdf).iter().any(|l| l == "en"), "the English paragraph is tagged en");

    // 3. `i18n update` marks it fuzzy, keeps the French and the English it was made from.
    let (code, said) = amif(&content, &["i18n", "update"]);
    assert_eq!(code, 0, "{said}");
    let po = std::fs::read_to_string(&po_path).unwrap();
    let at = line_of(&po, "msgctxt \"baseline/2\"");
    let lines: Vec<&str> = po.lines().collect();
    assert_eq!(
        lines[at - 5..at - 1],
        [
            "#, fuzzy",
            "#| msgid \"\"",
            "#| \"The Federal Agency for reception of asylum seekers (Fedasil) coordinates and finances the reception network. \"",
            "#| \"This network totalizes (01.01.2014) 20.854 places managed by several operators: Fedasil centers (4.927), Red Cross (5.609), local reception initiatives (7.934) and others partners.\"",
        ]
    );
    assert!(
        po.contains("\"Ce réseau totalise (01.01.2014) 20 854 places"),
        "the translation is kept for the translator"
    );
    let (_, said) = amif(&content, &["i18n", "update"]);
    assert!(said.contains("is up to date"), "a second run changes nothing: {said}");
    assert_eq!(std::fs::read_to_string(&po_path).unwrap(), po);
    assert_eq!(notes(&content).len(), 1, "still stale: fuzzy");

    // 4. The translator updates the French and removes the fuzzy marks: current again.
    let fixed = po
        .replace("(01.01.2014) 20 854 places", "(01.01.2014) 21 000 places")
        .lines()
        .enumerate()
        .filter(|(n, _)| !(at - 5..at - 1).contains(n))
        .map(|(_, l)| format!("{l}\n"))
        .collect::<String>();
    std::fs::write(&po_path, fixed).unwrap();
    assert_eq!(notes(&content), Vec::<String>::new());
    build(&content, &out, &[fr()]).unwrap();
    assert!(pdf_text(&out.join("programme-fr.pdf")).contains("Ce réseau totalise (01.01.2014) 21 000 places"));
}

#[test]
fn status_counts_units_per_edition_and_fails_below_the_minimum() {
    let dir = scratch("status");
    let content = copy_content(&dir);
    let (code, said) = amif(&content, &["i18n", "status", "--edition", "programme", "--min", "100"]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("programme                fr    all"), "{said}");
    assert!(said.contains("100.0%"), "{said}");
    // A new paragraph without translation: below 100 %.
    edit(&content.join("summary.yaml"), "summary: |\n", "summary: |\n  A new first paragraph.\n\n");
    let (code, said) = amif(&content, &["i18n", "status", "--edition", "programme", "--min", "100"]);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("0/0w") || said.contains(" 1/4w"), "{said}");
}

#[test]
fn the_submitted_print_keeps_the_english_texts_under_french_labels() {
    let dir = scratch("submitted");
    let mut opts = options(&fixture(), &dir, &[fr()]);
    opts.edition = Some("submitted".into());
    amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let text = pdf_text(&dir.join("submitted-fr.pdf"));
    assert!(text.contains("1. RÉSUMÉ Under the AMIF, Belgium (BE) intends to continue"));
    assert!(text.contains("Action 13 (FL): create an inclusive integration policy"));
    assert!(!text.contains("Traduction de travail"), "nothing is translated in the submission print");
    let fr_out = dir.join("fr");
    build(&fixture(), &fr_out, &[fr()]).unwrap();
    let text = pdf_text(&fr_out.join("programme-fr.pdf"));
    assert!(text.contains("Traduction de travail, non officielle"), "an unreviewed translation says so");
    assert!(text.contains("1. RÉSUMÉ Dans le cadre du FAMI, la Belgique (BE) entend poursuivre"));
}

/// One bilingual PDF: French and English side by side, unit by unit, each column tagged with
/// its language; the form's wording in both, amounts in French.
#[test]
fn the_bilingual_edition_puts_each_paragraph_beside_its_translation() {
    let dir = scratch("bilingual");
    let mut opts = options(&fixture(), &dir, &[]);
    opts.edition = Some("programme".into());
    let built = amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e)));
    assert!(built.outputs.iter().any(|o| o.path.ends_with("programme-fr-en.pdf")));
    let pdf = std::fs::read(dir.join("programme-fr-en.pdf")).unwrap();
    let text = pdf_text(&dir.join("programme-fr-en.pdf"));
    for expected in [
        "1. RÉSUMÉ / EXECUTIVE SUMMARY",
        "Dans le cadre du FAMI, la Belgique (BE) entend poursuivre",
        "Under the AMIF, Belgium (BE) intends to continue",
        "Total général / Grand total",
        "OS1.ON1 Accueil/Asile / Reception/asylum 22 813 801,27",
        // A label built from names: each language's pattern around its own name, once.
        "TOTAL ON OS1 Asile / TOTAL NO SO1 Asylum 34 892 964,44",
        "TOTAL OS3 Retour / TOTAL SO3 Return 42 401 529,22",
        "Objectif spécifique 1 - Asile / Specific objective 1 - Asylum",
        // A labelled heading in two columns, each language above its own text.
        "Objectif national ON1 - Accueil/Asile National objective NO1 - Reception/asylum",
    ] {
        assert!(text.contains(expected), "fr-en lacks `{expected}`");
    }
    for repeated in [
        "Asile / Asylum / TOTAL",
        "Objectif spécifique / Specific objective 1",
        "Objectif national / National objective ON",
    ] {
        assert!(!text.contains(repeated), "fr-en repeats a name in both patterns: `{repeated}`");
    }
    assert_eq!(pdftext::info(&pdf).get("Lang").map(String::as_str), Some("fr"));
    assert!(pdftext::struct_langs(&pdf).iter().any(|l| l == "en"), "the English column is tagged en");
}

/// The translation-review view (`build --draft` of the bilingual edition): a stale unit shows
/// the old French (struck through) and the word diff of the English change, a missing one an
/// empty cell; without `--draft` both print the current English, as every edition does.
#[test]
fn a_bilingual_draft_shows_what_is_left_to_translate() {
    let dir = scratch("review");
    let content = copy_content(&dir);
    // Stale: the English changed since the French was made from it.
    edit(
        &content.join("baseline.yaml"),
        "totalizes (01.01.2014) 20.854 places",
        "totalizes (01.01.2014) 21.000 places",
    );
    edit(
        &content.join("objectives/so1.yaml"),
        "title: Enhance the reception quality.",
        "title: Enhance reception quality.",
    );
    // Missing: the French of summary/1 is gone.
    edit(
        &content.join("translations/fr.po"),
        "msgstr \"Dans le domaine de l’asile, l’accent sera mis principalement sur le renforcement du régime \
         d’asile européen commun (RAEC), une attention particulière étant accordée à la situation des personnes \
         vulnérables.\"",
        "msgstr \"\"",
    );
    let missing_en = "In the field of Asylum the main focus will be on further strengthening";
    let old_fr = "Ce réseau totalise (01.01.2014) 20 854 places";

    let mut opts = options(&content, &dir.join("draft"), &[]);
    opts.draft = true;
    amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let pdf = dir.join("draft/programme-fr-en.pdf");
    let text = pdf_text(&pdf);
    assert!(page_text(&pdf, 1).contains("Relecture de la traduction / Translation review"), "the legend");
    assert!(text.contains(old_fr), "the old French of the stale paragraph");
    assert!(
        text.contains("Δ This network totalizes (01.01.2014) 20.854 21.000 places managed by several operators"),
        "the word diff of the English change: deleted, then inserted"
    );
    assert!(text.contains("Action 2 : Améliorer la qualité de l’accueil. Δ Enhance the reception quality."));
    assert_eq!(text.matches(missing_en).count(), 1, "the missing unit: English in its column, nothing beside it");
    assert!(!text.contains("Dans le domaine de l’asile"));
    assert!(
        !pdf_text(&dir.join("draft/programme-fr.pdf")).contains(old_fr),
        "only the bilingual edition is a review view"
    );

    // Without --draft: the current English on both sides, never the old French.
    build(&content, &dir.join("final"), &[]).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let text = pdf_text(&dir.join("final/programme-fr-en.pdf"));
    assert!(!text.contains(old_fr));
    assert!(!text.contains("Relecture de la traduction"));
    assert_eq!(text.matches("This network totalizes (01.01.2014) 21.000 places").count(), 2);
    assert_eq!(text.matches(missing_en).count(), 2);
    assert!(text.contains("Action 2 : Enhance reception quality. Action 2: Enhance reception quality."));
}

/// An edition language without a PO file at all: a warning per edition with the count of texts
/// printed in the source language, and the edition's cover says so in its own language.
#[test]
fn a_language_without_a_translation_file_is_said_on_the_cover() {
    let dir = scratch("no-de-po");
    let content = copy_content(&dir);
    std::fs::remove_file(content.join("translations/de.po")).unwrap();
    let missing: Vec<String> = all_notes(&content).into_iter().filter(|n| n.contains("de.po")).collect();
    assert_eq!(
        missing,
        [
            "warning[i18n.missing]: content/editions.yaml:28:5: editions[5].languages: edition `excerpt-german` in `de`: there is no translations/de.po, so its 138 texts print in the source language (en) (hint: create translations/de.po with a translation of each text (copy another language's file and translate its msgstr), or remove `de` from the edition)"
        ]
    );
    let (code, out) = amif(&content, &["check"]);
    assert_eq!(code, 0, "a warning, not an error: {out}");
    assert!(out.contains("warning[i18n.missing]: edition `excerpt-german` in `de`"), "{out}");

    let out_dir = dir.join("out");
    let mut options = options(&content, &out_dir, &["de".parse().unwrap()]);
    options.edition = Some("excerpt-german".into());
    amif_doc::session::build(&options).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let cover = page_text(&out_dir.join("excerpt-german-de.pdf"), 1);
    assert!(
        cover.contains("Texte nicht übersetzt: Sie werden in der Ausgangssprache des Programms gedruckt"),
        "{cover}"
    );
    assert!(!cover.contains("Arbeitsübersetzung"), "not a working translation: there is none: {cover}");
}

/// A unit without a current translation prints in the source language, marked as such for the
/// template's `fallback` (tagged, and shaded in a draft): in the French edition the missing
/// paragraph and nothing around it; in the bilingual edition its French column.
#[test]
fn a_missing_unit_prints_in_the_source_language_marked_as_such() {
    let dir = scratch("fallback");
    let content = copy_content(&dir);
    edit(
        &content.join("translations/fr.po"),
        "msgstr \"Dans le domaine de l’asile, l’accent sera mis principalement sur le renforcement du régime \
         d’asile européen commun (RAEC), une attention particulière étant accordée à la situation des personnes \
         vulnérables.\"",
        "msgstr \"\"",
    );
    let english = "In the field of Asylum the main focus will be on further strengthening the Common European \
                   Asylum System (CEAS), with special attention to the situation of vulnerable persons\\.";
    let sources = typst_sources(&content);
    let source = |name: &str| &sources.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name}")).1;
    let fr = source("programme-fr");
    assert_eq!(fr.matches("#fallback(").count(), 1, "one unit falls back");
    assert!(fr.contains(&format!("#fallback(\"en\")[{english}]")), "the missing unit, in English, marked");
    assert!(!source("programme-en").contains("#fallback("), "the source edition has nothing to fall back on");
    let bilingual = source("programme-fr-en");
    assert!(bilingual.contains(&format!("[#fallback(\"en\")[{english}]], [{english}]")), "French column, English one");
}

/// A bilingual edition's wording in two languages is one `pair` for the template to draw, each
/// side from its own language's labels (codes stay in the first); the other editions have none.
#[test]
fn a_bilingual_edition_writes_each_two_language_wording_as_one_pair() {
    let dir = scratch("pairs");
    let content = copy_content(&dir);
    let sources = typst_sources(&content);
    let source = |name: &str| &sources.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name}")).1;
    let bilingual = source("programme-fr-en");
    for pair in [
        "[#pair(\"fr\", \"en\")[Intitulé][Title]]",
        "#pair(\"fr\", \"en\")[TOTAL ON OS1 Asile][TOTAL NO SO1 Asylum]",
        "OS1\\.ON1 #pair(\"fr\", \"en\")[Accueil\\/Asile][Reception\\/asylum]",
    ] {
        assert!(bilingual.contains(pair), "{pair}");
    }
    assert!(!bilingual.contains("Intitulé / Title"), "no wording joined before the template");
    for name in ["programme-fr", "programme-en", "submitted-fr"] {
        assert!(!source(name).contains("#pair("), "{name} is in one language");
    }
}
