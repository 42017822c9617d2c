//! End-to-end: the bundled programme builds into both editions, with the right labels, and
//! content reaches the PDF literally.

use crate::common::*;
use amif_doc::form::Form;
use amif_doc::i18n::lang::Lang;

#[test]
fn bundled_content_builds_both_editions() {
    let dir = scratch("both");
    let outputs = build(&fixture(), &dir, &both()).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let names: Vec<String> =
        outputs.iter().map(|o| o.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["programme-fr.pdf", "programme-en.pdf", "programme-fr-en.pdf"]);
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
    build(&fixture(), &dir, &[Lang::EN]).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let en = pdf_text(&dir.join("programme-en.pdf"));
    let catalogue = catalogue();
    let (fr, en_labels) = (catalogue.for_lang(fr()).unwrap(), catalogue.for_lang(Lang::EN).unwrap());
    let mut leaked = Vec::new();
    for (key, text) in fr.all() {
        let english = en_labels.get(key).unwrap();
        let distinctive = text != english && text.chars().count() >= 4 && !text.contains('{');
        if distinctive && contains_phrase(&en, text) {
            leaked.push(key.clone());
        }
    }
    assert!(leaked.is_empty(), "French labels in the English edition: {leaked:?}");
}

/// Whether `phrase` occurs in `text` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// Every French label not marked unverified is the seed's wording, verbatim.
#[test]
fn french_labels_are_the_seeds() {
    // A copy of the submitted programme's text (shared/seeds), committed with the tests.
    let seed = std::fs::read_to_string(repo().join("tests/fixtures/seed.txt")).unwrap();
    let squash = |t: &str| t.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let seed = squash(&seed);
    let catalogue = catalogue();
    let unverified = catalogue.unverified(fr());
    let fr = catalogue.for_lang(fr()).unwrap();
    let mut absent = Vec::new();
    for (key, text) in fr.all() {
        let generated = key.starts_with("scope.")
            || key.starts_with("lang.")
            || key.starts_with("abbr.")
            || key.starts_with("cover.")
            // Settings, not wording: quotation marks, whether tables hyphenate.
            || key.starts_with("typography.");
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
    // Room for the lines above within the summary's SFC2014 limit: one sentence less.
    let summary = std::fs::read_to_string(content.join("summary.yaml")).unwrap();
    let shorter: Vec<&str> = summary.lines().filter(|l| !l.starts_with("  In order to achieve that,")).collect();
    std::fs::write(content.join("summary.yaml"), shorter.join("\n") + "\n").unwrap();
    build(&content, &dir, &[Lang::EN]).unwrap_or_else(|e| panic!("{}", describe(&e)));
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
    build(&fixture(), &a, &[fr()]).unwrap();
    build(&fixture(), &b, &[fr()]).unwrap();
    assert!(std::fs::read(a.join("programme-fr.pdf")).unwrap() == std::fs::read(b.join("programme-fr.pdf")).unwrap());
}

/// The binary itself: another time zone and a later clock give the same bytes; a
/// SOURCE_DATE_EPOCH changes only the metadata date.
#[test]
fn cli_builds_are_byte_identical_across_time_zones_and_clocks() {
    let run = |out: &std::path::Path, tz: &str, epoch: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc"));
        cmd.current_dir(repo())
            .args(["build", "--edition", "programme", "--lang", "en", "--content"])
            .arg(fixture())
            .arg("--out")
            .arg(out)
            .env("TZ", tz);
        match epoch {
            Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
            None => cmd.env_remove("SOURCE_DATE_EPOCH"),
        };
        let status = cmd.status().unwrap();
        assert!(status.success());
        std::fs::read(out.join("programme-en.pdf")).unwrap()
    };
    let first = run(&scratch("tz-a"), "UTC", None);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = run(&scratch("tz-b"), "Pacific/Kiritimati", None);
    assert!(first == second, "bytes differ across time zones / clock");
    let dated = run(&scratch("tz-c"), "UTC", Some("1700000000"));
    assert!(first != dated, "SOURCE_DATE_EPOCH is ignored");
}

/// PDF/UA-1 is enforced: a project's template adding an image without alternative text fails
/// the build with typst's own accessibility error, pointing at the generated source.
#[test]
fn content_that_breaks_pdf_ua_fails_the_build() {
    let dir = scratch("pdf-ua");
    let templates = dir.join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let built_in = Form::built_in().template("programme.typ").unwrap();
    let svg = r#"#image(bytes("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' height='10'/></svg>"))"#;
    let main = format!("{}\n{svg}\n", built_in.text("templates").unwrap());
    std::fs::write(templates.join("programme.typ"), main).unwrap();
    let mut opts = options(&fixture(), &dir.join("out"), &[Lang::EN]);
    opts.form = Form::with_project(&templates, &dir.join("fonts"));
    let error = describe(&amif_doc::session::build(&opts).err().expect("the build must fail"));
    assert!(error.contains("PDF/UA-1 error: missing alt text"), "{error}");
    assert!(error.contains("--> programme-en.typ:"), "{error}");
    assert!(!dir.join("out/programme-en.pdf").exists());
    // The source is kept in a new private folder: a random name, open to its owner only.
    let kept = error.split("(the generated source is in `").nth(1).and_then(|r| r.split('`').next()).unwrap();
    let kept = std::path::Path::new(kept);
    assert_eq!(kept.file_name().unwrap(), "programme-en.typ");
    let folder = kept.parent().unwrap();
    let name = folder.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("amif-doc-failed-") && name.len() > "amif-doc-failed-".len(), "{name}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(folder).unwrap().permissions().mode() & 0o777, 0o700);
    assert!(std::fs::read_to_string(kept).unwrap().contains("#image(bytes("));
    std::fs::remove_dir_all(folder).unwrap();
}

/// The timeline chart carries an alternative text generated from the timetable rows.
#[test]
fn timeline_chart_has_a_generated_alternative_text() {
    let catalogue = catalogue();
    let checked = amif_doc::pipeline::load_and_check(&fixture(), &catalogue).unwrap();
    let labels = catalogue.for_lang(Lang::EN).unwrap();
    let edition = amif_doc::view::Edition { spec: checked.programme.editions[0].clone(), lang: Lang::EN, second: None };
    let view = amif_doc::view::build(
        &checked.programme,
        &checked.figures,
        &checked.findings,
        &edition,
        &amif_doc::view::EditionLabels { form: &labels, text: &labels, catalogue: None },
    )
    .unwrap();
    assert!(
        view.timeline.alt.starts_with("Chart of the indicative timetable: 16 actions from 2014 to 2022"),
        "{}",
        view.timeline.alt
    );
    assert!(
        view.timeline
            .alt
            .contains("13 create an inclusive integration policy: planning 2014, implementation 2015, closing 2022.")
    );
    assert_eq!(view.timeline.groups.len(), 3);
}

/// The structure of the PDF, read from its objects: the page count typst reports, the
/// document language and title, the chart's alternative text, tables with header cells; the
/// submission print tags its English texts `en`, the French edition has none left.
#[test]
fn the_pdf_structure_is_tagged() {
    let dir = scratch("structure");
    let mut opts = options(&fixture(), &dir, &[fr()]);
    opts.edition = None;
    let outputs = amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e))).outputs;
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
    let (pdf, submitted) = (read("programme-fr.pdf"), read("submitted-fr.pdf"));
    assert_eq!(pdftext::page_count(&pdf), outputs[0].pages);
    let info = pdftext::info(&pdf);
    assert_eq!(info.get("Lang").map(String::as_str), Some("fr"));
    assert_eq!(info.get("Creator").map(String::as_str), Some("amif-doc"));
    assert!(info.get("Title").is_some_and(|t| t.contains("pour la Belgique")), "{info:?}");
    assert!(!pdftext::struct_langs(&pdf).iter().any(|l| l == "en"), "the French edition is French throughout");
    assert!(pdftext::struct_langs(&submitted).iter().any(|l| l == "en"), "the submission's English is tagged");
    let alts = pdftext::struct_alts(&pdf);
    assert!(alts.iter().any(|a| a.starts_with("Diagramme du calendrier indicatif")), "{alts:?}");
    let tags = pdftext::struct_tags(&pdf);
    assert!(tags.iter().filter(|t| *t == "Table").count() >= 10, "tables are tables");
    assert!(tags.iter().filter(|t| *t == "TH").count() >= 30, "tables have header cells");
}

/// Terminal manners: shell completions from the CLI's own definitions; `--quiet` prints nothing
/// but errors.
#[test]
fn completions_and_quiet() {
    let run = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc")).args(args).output().unwrap();
    let bash = run(&["completions", "bash"]);
    let script = String::from_utf8_lossy(&bash.stdout);
    assert!(bash.status.success() && script.contains("_clap_complete_amif_doc()"), "{script}");
    let command = std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc"))
        .env("COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", "1")
        .args(["--", "amif-doc", "i1"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&command.stdout), "i18n", "the hook completes commands");
    let dir = scratch("quiet");
    let fixture = fixture().display().to_string();
    let templates = repo().join("templates").display().to_string();
    let fonts = repo().join("fonts").display().to_string();
    let out = dir.display().to_string();
    let built = run(&[
        "build",
        "-q",
        "--edition",
        "submitted",
        "--content",
        &fixture,
        "--templates",
        &templates,
        "--fonts",
        &fonts,
        "--out",
        &out,
    ]);
    assert!(built.status.success());
    assert_eq!((built.stdout.len(), built.stderr.len()), (0, 0), "{}", String::from_utf8_lossy(&built.stderr));
    assert!(dir.join("submitted-fr.pdf").exists());
}

/// Accessible tables: every table of every kind of edition has header cells a checker can
/// associate, and the cover's key/value table has its labels as row headers.
#[test]
fn every_table_has_header_cells_and_the_cover_labels_are_row_headers() {
    let dir = scratch("a11y-tables");
    let mut opts = options(&fixture(), &dir, &[]);
    opts.edition = None;
    amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e)));
    for name in ["programme-fr.pdf", "programme-fr-en.pdf", "excerpt-flemish-nl.pdf"] {
        let tables = pdftext::struct_tables(&std::fs::read(dir.join(name)).unwrap());
        assert!(tables.len() >= 3, "{name}: {tables:?}");
        for (i, cells) in tables.iter().enumerate() {
            assert!(cells.iter().any(|c| c.starts_with("TH")), "{name}: table {i} has no header cell: {cells:?}");
        }
        // The cover: CCI, title, version, years, date, authority, each label a row header.
        let cover = &tables[0];
        assert_eq!(cover.iter().filter(|c| *c == "TH Row").count(), cover.len() / 2, "{name}: {cover:?}");
        assert!(cover.chunks(2).all(|row| row[0] == "TH Row" && row[1] == "TD"), "{name}: {cover:?}");
    }
    // The bilingual edition: French by the document's language, each English cell declared so.
    let bilingual = std::fs::read(dir.join("programme-fr-en.pdf")).unwrap();
    assert_eq!(pdftext::info(&bilingual).get("Lang").map(String::as_str), Some("fr"));
    assert!(pdftext::struct_langs(&bilingual).iter().filter(|l| *l == "en").count() > 100);
}
