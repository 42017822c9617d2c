//! Per-community and per-objective excerpts: what each contains and what it must not.

use crate::common::*;
use amif_doc::i18n::lang::Lang;

fn excerpt_text(edition: &str, lang: Lang) -> String {
    let dir = scratch(edition);
    let mut opts = options(&fixture(), &dir, &[lang]);
    opts.edition = Some(edition.into());
    let outputs = amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e))).outputs;
    assert_eq!(outputs.len(), 1);
    assert_eq!(outputs[0].path, dir.join(format!("{edition}-{lang}.pdf")));
    pdf_text(&outputs[0].path)
}

/// Distinctive text of each community: its action heading and its baseline paragraphs.
const COMMUNITIES: [(&str, &str, [&str; 2]); 4] = [
    (
        "federal",
        "Action 11 (federal):",
        [
            "Federal Level: The need for the existing integration programmes",
            "Federal: Promoting integration through intensive social activation",
        ],
    ),
    (
        "flemish",
        "Action 13 (FL):",
        ["For Flanders (FL), the data shows", "FL will work on training in order to increase employment"],
    ),
    (
        "french",
        "Action 12 (FR):",
        [
            "For the French speaking community (FSC), the data shows",
            "The FSC will focus on the ‘parcours d’integration’",
        ],
    ),
    (
        "german",
        "Action 14 (GSC):",
        [
            "For the German-speaking community (GSC), 2.4 % of the population",
            "The GSC will focus on improving cooperation between services",
        ],
    ),
];

#[test]
fn each_community_excerpt_has_its_own_text_and_no_other() {
    for (scope, action, baseline) in COMMUNITIES {
        let text = excerpt_text(&format!("excerpt-{scope}"), Lang::EN);
        assert!(text.contains(action), "{scope}: lacks `{action}`");
        for paragraph in baseline {
            assert!(text.contains(paragraph), "{scope}: lacks its baseline `{paragraph}`");
        }
        for (other, other_action, other_baseline) in COMMUNITIES.iter().filter(|c| c.0 != scope) {
            assert!(!text.contains(other_action), "{scope}: contains {other}'s `{other_action}`");
            for paragraph in other_baseline {
                assert!(!text.contains(paragraph), "{scope}: contains {other}'s `{paragraph}`");
            }
        }
        // It says what it is, and keeps the programme's section numbers.
        assert!(
            text.contains("Extract of national programme CCI 2014BE65AMNP001, version 7.0 of 28/06/2019"),
            "{scope}"
        );
        assert!(text.contains("5. COMMON INDICATORS AND PROGRAMME SPECIFIC INDICATORS"), "{scope}");
        assert!(text.contains("6.7.2 Direct award (if applicable)"), "{scope}");
        assert!(!text.contains("Latest validation results"), "{scope}: excerpts are not the submission");
    }
}

#[test]
fn the_flemish_excerpt_shows_only_its_lines_with_an_honest_total() {
    let text = excerpt_text("excerpt-flemish", fr());
    assert!(text.contains("Extrait – Communauté flamande – Objectif spécifique 2 - Intégration/migration légale"));
    assert!(
        text.contains("TOTAL des lignes présentées dans cet extrait 38 292 375,62"),
        "table 1 total of the lines shown"
    );
    assert!(!text.contains("179 127 447,12"), "the programme total must not appear");
    assert!(!text.contains("OS1.ON1"), "no asylum line in an integration excerpt");
    assert!(text.contains("4. CAS SPÉCIAUX Cette section ne fait pas partie de cet extrait."));
    // Timetable rows (in French): its own action only; federal legal-migration actions stay out.
    assert!(text.contains("13 créer une politique d’intégration inclusive"));
    assert!(text.contains("Action 13 (FL) : créer une politique d’intégration inclusive"));
    assert!(!text.contains("15 mise à jour et développement des outils informatiques"));
    assert!(
        !text.contains("Action 15") && !text.contains("Action WAT"),
        "federal actions without a heading tag are still federal"
    );
    assert!(!text.contains("12 soutenir un parcours d’accueil"));
    assert!(!text.contains("11 promouvoir l’intégration en proposant des trajets individualisés"));
}

#[test]
fn a_scope_need_not_be_printed_in_the_heading() {
    let text = excerpt_text("excerpt-federal", Lang::EN);
    assert!(text.contains("Action 15: Update and development of Immigration Office"));
    assert!(text.contains("Action 11 (federal): Promote integration"));
    assert!(text.contains("WAT-Action (lead Member State: the Netherlands)"));
}

#[test]
fn the_asylum_excerpt_has_actions_1_to_10_and_no_return_action() {
    let text = excerpt_text("excerpt-asylum", Lang::EN);
    for n in 1..=10 {
        assert!(text.contains(&format!("Action {n}:")), "lacks Action {n}");
    }
    for n in 11..=21 {
        assert!(
            !text.contains(&format!("Action {n}:")) && !text.contains(&format!("Action {n} (")),
            "contains Action {n}"
        );
    }
    assert!(!text.contains("SA EUR-LO"));
    assert!(text.contains("4.1 Resettlement"), "special cases belong to asylum");
    assert!(text.contains("TOTAL of the lines shown in this extract 34,892,964.44"));
}

#[test]
fn an_unknown_scope_in_the_matrix_is_located() {
    let dir = scratch("matrix");
    let content = copy_content(&dir);
    edit(&content.join("editions.yaml"), "scope: flemish", "scope: flanders");
    let catalogue = catalogue();
    let Err(amif_doc::pipeline::Error::Content(d, _)) = amif_doc::pipeline::load_and_check(&content, &catalogue) else {
        panic!("an unknown scope must be an error");
    };
    let got: Vec<String> = d.0.iter().map(|d| from_parent(&content, &d.to_string())).collect();
    assert_eq!(
        got,
        [
            "error[scope-unknown]: content/editions.yaml:18:5: editions[3].scope: unknown scope `flanders` (hint: programme.yaml declares: federal, flemish, french, german)"
        ]
    );
}

#[test]
fn an_unknown_edition_is_refused_with_the_list() {
    let dir = scratch("no-edition");
    let mut opts = options(&fixture(), &dir, &[]);
    opts.edition = Some("excerpt-brussels".into());
    let error = describe(&amif_doc::session::build(&opts).err().unwrap());
    assert!(
        error.starts_with(
            "no edition `excerpt-brussels` in content/editions.yaml (editions: programme, submitted, excerpt-federal,"
        ),
        "{error}"
    );
}

/// Languages are data: the Flemish excerpt in Dutch and the German-speaking Community's in
/// German, with their labels, number formats and translations, tagged with their language.
#[test]
fn community_excerpts_in_their_own_language() {
    let nl: Lang = "nl".parse().unwrap();
    let text = excerpt_text("excerpt-flemish", nl);
    for expected in [
        "Uittreksel – Vlaamse Gemeenschap – Specifieke doelstelling 2 - Integratie/legale migratie",
        "Werkvertaling, niet officieel",
        "Actie 13 (VL): een inclusief integratiebeleid tot stand brengen",
        "TOTAAL van de in dit uittreksel opgenomen regels 38 292 375,62",
    ] {
        assert!(text.contains(expected), "nl lacks `{expected}`");
    }
    assert!(!text.contains("create an inclusive integration policy"), "no English left");
    let de: Lang = "de".parse().unwrap();
    let text = excerpt_text("excerpt-german", de);
    assert!(text.contains("Auszug – Deutschsprachige Gemeinschaft"), "de heading");
    assert!(text.contains("Arbeitsübersetzung, nicht amtlich"), "de notice");
    assert!(text.contains("SUMME der in diesem Auszug aufgeführten Zeilen 38 292 375,62"), "de total");
}

/// A language the catalogue lacks is refused at its place in the matrix, with the list.
#[test]
fn an_edition_language_must_be_in_the_catalogue() {
    let dir = scratch("lang");
    let content = copy_content(&dir);
    edit(&content.join("editions.yaml"), "languages: [nl, fr, en]", "languages: [it, fr, en]");
    let catalogue = catalogue();
    let Err(amif_doc::pipeline::Error::Content(d, _)) = amif_doc::pipeline::load_and_check(&content, &catalogue) else {
        panic!("an unknown language must be refused");
    };
    assert_eq!(
        from_parent(&content, d.to_string().trim()),
        "error[lang-unknown]: content/editions.yaml:20:17: editions[3].languages[0]: the label catalogue has no language `it` (hint: templates/labels.yaml has: de, en, fr, nl)"
    );
}

/// A block marked `continues: true` runs on in the previous block's paragraph (the seed prints
/// "…in certain cities. The federal level is responsible…" as one paragraph, in two scopes),
/// side by side in the bilingual edition too; an excerpt without the previous block starts a
/// paragraph of its own.
#[test]
fn a_continuing_block_joins_the_previous_paragraph_unless_the_excerpt_drops_it() {
    let sources = typst_sources(&fixture());
    let source = |stem: &str| sources.iter().find(|(s, _)| s == stem).map(|(_, t)| t.clone()).unwrap();
    let joined = r"segregation in certain cities\. The federal level is responsible";
    assert!(source("programme-en").contains(joined));
    assert!(source("programme-fr").contains(r"ségrégation dans certaines villes\. Le niveau fédéral est responsable"));
    let federal = source("excerpt-federal-en");
    assert!(!federal.contains("in certain cities"));
    assert!(federal.contains("\n\nThe federal level is responsible"), "a paragraph of its own");
    // Bilingual: one row, each side one paragraph.
    let bi = source("programme-fr-en");
    let row = bi.lines().find(|l| l.contains(joined)).expect("the joined paragraph");
    assert!(row.contains(r"villes\. Le niveau fédéral est responsable"), "{row}");
}

/// German and Dutch compounds do not fit the tables' columns whole ("Durchführungsphase",
/// "Projectrapportage"): their tables hyphenate; French and English keep whole words, as the
/// submitted print does.
#[test]
fn tables_hyphenate_in_german_and_dutch_only() {
    let sources = typst_sources(&fixture());
    for (stem, source) in &sources {
        let hyphenate = stem.ends_with("-de") || stem.ends_with("-nl");
        let rule = format!("#show table: set text(size: 8pt, hyphenate: {hyphenate},");
        assert!(source.contains(&rule), "{stem}: no `{rule}`");
    }
}
