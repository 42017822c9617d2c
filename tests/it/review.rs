//! Reviewing a change between two git revisions: the semantic report, its exit status, JSON,
//! and the redline PDF.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use amif_doc::review::compare::{Change, Kind, Op};
use amif_doc::review::{self, Side};

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=amif", "-c", "user.email=amif@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// A repository with two commits of `content/`: the four changes of the review scenario, plus
/// one that changes a specific objective's total.
fn repository() -> PathBuf {
    let dir = scratch("review-repo");
    copy_content(&dir);
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "version 1"]);
    let c = dir.join("content");
    edit(
        &c.join("objectives/so2.yaml"),
        "in cooperation with other policy domains",
        "in cooperation with all policy domains",
    );
    edit(&c.join("financing.yaml"), "no1: 22813801.27", "no1: 22713801.27");
    edit(&c.join("financing.yaml"), "no2: 9697565.69", "no2: 9797565.69");
    edit(&c.join("objectives/so1.yaml"), "closing: 2022", "closing: 2023");
    edit(&c.join("special_cases.yaml"), "      2018-2020: -161", "      2018-2020: -261");
    edit(&c.join("financing.yaml"), "no3: 2167561.56", "no3: 2267561.56");
    git(&dir, &["commit", "-q", "-a", "-m", "version 2"]);
    dir
}

fn find<'a>(changes: &'a [Change], id: &str) -> &'a Change {
    changes
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no change `{id}` in {:#?}", changes.iter().map(|c| &c.id).collect::<Vec<_>>()))
}

#[test]
fn the_report_names_each_change_and_every_total_it_moved() {
    let dir = repository();
    let catalogue = catalogue();
    let r = review::review(
        &dir.join("content"),
        &Side::Revision("HEAD~1".into()),
        &Side::Revision("HEAD".into()),
        &catalogue,
    )
    .unwrap_or_else(|e| panic!("{}", describe(&e)));
    let changes = &r.report.changes;

    let sentence = find(changes, "objectives.so2.no2.a13.title");
    assert_eq!((sentence.section.as_str(), sentence.kind, sentence.op), ("3", Kind::Text, Op::Changed));
    let inserted: Vec<&str> = sentence.words.iter().filter(|w| w.op == "insert").map(|w| w.text.as_str()).collect();
    let deleted: Vec<&str> = sentence.words.iter().filter(|w| w.op == "delete").map(|w| w.text.as_str()).collect();
    assert_eq!((inserted, deleted), (vec!["all"], vec!["other"]));

    let year = find(changes, "objectives.so1.no1.a1.timetable.closing");
    assert_eq!((year.old.as_deref(), year.new.as_deref()), (Some("2022"), Some("2023")));

    let pledge = find(changes, "special_cases.transfers.relocation-1601-italy.2018-2020");
    assert_eq!(
        (pledge.section.as_str(), pledge.old.as_deref(), pledge.new.as_deref()),
        ("4", Some("-161"), Some("-261"))
    );

    let money = |id: &str| {
        let c = find(changes, id);
        (c.old.clone().unwrap(), c.new.clone().unwrap(), c.delta.clone().unwrap())
    };
    assert_eq!(
        money("financing.table1.so1.no1"),
        ("22,813,801.27".into(), "22,713,801.27".into(), "-100,000.00".into())
    );
    assert_eq!(money("financing.table1.so1.no2"), ("9,697,565.69".into(), "9,797,565.69".into(), "+100,000.00".into()));
    // The withdrawn pledge: 100 persons × 6 000 over 2018-2020.
    assert_eq!(
        money("total.table2.relocation-1601"),
        ("3,456,000.00".into(), "2,856,000.00".into(), "-600,000.00".into())
    );
    assert_eq!(
        money("total.table1.special_cases"),
        ("55,994,000.00".into(), "55,394,000.00".into(), "-600,000.00".into())
    );
    // SO2.NO3 + 100 000 and the pledge −600 000.
    assert_eq!(
        money("total.table1.so2.national"),
        ("38,292,375.62".into(), "38,392,375.62".into(), "+100,000.00".into())
    );
    assert_eq!(money("total.table1.total"), ("179,127,447.12".into(), "178,627,447.12".into(), "-500,000.00".into()));
    // Moving money inside SO1 leaves its totals alone.
    assert!(!changes.iter().any(|c| c.id.starts_with("total.table1.so1.")), "SO1 totals must not move");
    // Only the SO2 change needs a new Commission decision.
    assert_eq!(r.report.decision_needed, ["so2"]);
    // Validation: Table 3 no longer matches Table 1.
    let appeared = find(changes, "validation.amif.table3-total.financing.table3");
    assert_eq!(appeared.op, Op::Added);
    assert_eq!(
        appeared.new.as_deref(),
        Some(
            "The total of annual commitments (Table 3: 179,127,447.12) differs from the financial plan total (Table 1: 178,627,447.12) by +500,000.00."
        )
    );
}

fn amif(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_amif-doc"))
        .current_dir(dir)
        .args(args)
        .args(["--templates"])
        .arg(repo().join("templates"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn the_cli_exits_like_diff_and_speaks_json() {
    let dir = repository();
    let (code, text) = amif(&dir, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.starts_with("amif-doc diff HEAD~1 → HEAD: "), "{text}");
    assert!(text.contains("  ~ Action 13 – title  [objectives.so2.no2.a13.title]\n      create an inclusive integration policy in cooperation with [-other-]{+all+} policy domains"), "{text}");
    assert!(
        text.contains("  ~ input SO1.NO1  [financing.table1.so1.no1]: 22,813,801.27 → 22,713,801.27 (Δ -100,000.00)"),
        "{text}"
    );
    assert!(text.contains("New Commission decision needed: the total of SO2 changed"), "{text}");

    let (code, json) = amif(&dir, &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["decision_needed"], serde_json::json!(["so2"]));

    let (code, text) = amif(&dir, &["diff", "HEAD", "HEAD"]);
    assert_eq!((code, text.trim()), (0, "amif-doc diff HEAD → HEAD: no change"));
    // The working tree equals HEAD right after the commit.
    assert_eq!(amif(&dir, &["diff"]).0, 0);

    let (code, text) = amif(&dir, &["diff", "no-such-revision"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("no-such-revision"), "{text}");
}

#[test]
fn the_redline_shows_old_and_new_values() {
    let dir = repository();
    let pdf = dir.join("redline-fr.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_amif-doc"))
        .current_dir(&dir)
        .args(["diff", "HEAD~1", "HEAD", "--pdf"])
        .arg(&pdf)
        .arg("--templates")
        .arg(repo().join("templates"))
        .arg("--fonts")
        .arg(repo().join("fonts"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = pdf_text(&pdf);
    assert!(
        text.contains("OS1.ON1 Accueil/Asile 22 713 801,27 22 813 801,27"),
        "Table 1 shows the new then the old value"
    );
    // The summary speaks French: the form's codes and labels, signed differences.
    assert!(text.contains("OS1.ON1 22 813 801,27 22 713 801,27 -100 000,00"), "the change summary lists the move");
    assert!(text.contains("OS1.ON2 9 697 565,69 9 797 565,69 +100 000,00"), "a rise has its sign");
    assert!(text.contains("TOTAL ON OS2 Intégration/migration légale"), "French total labels");
    assert!(text.contains("Nouvelle décision de la Commission nécessaire: le total de OS2 a changé (règle 2.15)."));
}

/// `amif-doc fmt` is idempotent and leaves every built PDF byte-identical.
#[test]
fn fmt_is_idempotent_and_changes_no_pdf() {
    let dir = scratch("fmt");
    let content = copy_content(&dir);
    // Undo the one-sentence-per-line layout of a few paragraphs, and add stray whitespace.
    edit(
        &content.join("summary.yaml"),
        "a main goal for BE.\n  Increased attention",
        "a main goal for BE. Increased attention",
    );
    // Keys out of the schema's order: a timetable and the programme metadata.
    let so1 = content.join("objectives/so1.yaml");
    let original_so1 = std::fs::read_to_string(&so1).unwrap();
    edit(
        &so1,
        "          main_action: 1\n          name: develop a new it system to optimize the reception capacity\n          planning: 2014\n",
        "          planning: 2014\n          name: develop a new it system to optimize the reception capacity\n          main_action: 1\n",
    );
    let programme = content.join("programme.yaml");
    let original_programme = std::fs::read_to_string(&programme).unwrap();
    edit(&programme, "cci: 2014BE65AMNP001\n", "");
    edit(&programme, "first_year: 2014\n", "first_year: 2014\ncci: 2014BE65AMNP001\n");
    let framework = content.join("framework.yaml");
    let text = std::fs::read_to_string(&framework).unwrap().replace(": |\n", ": |   \n").replace('\n', "\r\n");
    std::fs::write(&framework, text).unwrap();
    let (before, after) = (dir.join("before"), dir.join("after"));
    build(&content, &before, &both()).unwrap_or_else(|e| panic!("{}", describe(&e)));

    let (code, out) = amif(&dir, &["fmt", "--content", "content", "--check"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("would format content/summary.yaml") && out.contains("would format content/framework.yaml"),
        "{out}"
    );
    let (code, out) = amif(&dir, &["fmt", "--content", "content"]);
    assert_eq!(code, 0, "{out}");
    let summary = std::fs::read_to_string(content.join("summary.yaml")).unwrap();
    assert!(summary.contains("a main goal for BE.\n  Increased attention"), "one sentence per line again");
    assert_eq!(std::fs::read_to_string(&so1).unwrap(), original_so1, "timetable keys back in order");
    assert_eq!(std::fs::read_to_string(&programme).unwrap(), original_programme, "metadata keys back in order");
    assert_eq!(amif(&dir, &["fmt", "--content", "content", "--check"]).0, 0, "idempotent");

    build(&content, &after, &both()).unwrap();
    for name in ["programme-fr.pdf", "programme-en.pdf"] {
        assert!(
            std::fs::read(before.join(name)).unwrap() == std::fs::read(after.join(name)).unwrap(),
            "{name} changed"
        );
    }
}

/// The README's git recipe: `git diff` on a content file prints the semantic diff.
#[test]
fn git_diff_uses_the_semantic_driver() {
    let dir = repository();
    std::fs::write(dir.join(".gitattributes"), "content/**/*.yaml diff=amif\n").unwrap();
    let driver =
        format!("{} diff-driver --templates {}", env!("CARGO_BIN_EXE_amif-doc"), repo().join("templates").display());
    git(&dir, &["config", "diff.amif.command", &driver]);
    let out = Command::new("git")
        .arg("-C")
        .arg(&dir)
        .args(["diff", "HEAD~1", "HEAD", "--", "content/financing.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("content/financing.yaml ("), "{text}");
    assert!(text.contains("): this file's own values\n"), "{text}");
    assert!(text.contains("  ~ table1.so1.no1: 22813801.27 → 22713801.27 (Δ -100000.00)\n"), "{text}");
    let values: Vec<&str> = text.lines().filter(|l| l.starts_with("  ")).collect();
    assert!(values.iter().all(|l| l.starts_with("  ~ table1.")), "only this file's values, no totals: {text}");
    assert!(text.contains("`amif-doc log` compares whole revisions"), "{text}");
}

/// The driver never makes git stop: an added file, a deleted file, a file with a YAML error and
/// a file outside any programme each give useful output, and no "external diff died".
#[test]
fn the_git_driver_never_breaks_git_diff() {
    let dir = repository();
    std::fs::write(
        dir.join(".gitattributes"),
        "content/**/*.yaml diff=amif\ncontent/**/*.po diff=amif\n*.yaml diff=amif\n",
    )
    .unwrap();
    let driver =
        format!("{} diff-driver --templates {}", env!("CARGO_BIN_EXE_amif-doc"), repo().join("templates").display());
    git(&dir, &["config", "diff.amif.command", &driver]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "attributes"]);
    let c = dir.join("content");
    let staged = |change: &dyn Fn()| -> String {
        change();
        git(&dir, &["add", "-A"]);
        let out = Command::new("git").arg("-C").arg(&dir).args(["diff", "--cached"]).output().unwrap();
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success() && !stderr.contains("external diff died"), "git stopped: {stderr}");
        git(&dir, &["reset", "-q", "--hard"]);
        stdout.into_owned()
    };
    // Added: a specific objective the programme did not have: what the file says.
    let added = staged(&|| {
        std::fs::write(c.join("objectives/so4.yaml"), "id: so4\nobjective: |\n  Operating support.\n").unwrap()
    });
    assert!(added.contains("content/objectives/so4.yaml (new file): this file's own values"), "{added}");
    assert!(added.contains("  + id: so4\n  + objective: Operating support.\n"), "{added}");
    // Deleted: a specific objective.
    let deleted = staged(&|| std::fs::remove_file(c.join("objectives/so3.yaml")).unwrap());
    assert!(deleted.contains("content/objectives/so3.yaml (deleted): this file's own values"), "{deleted}");
    assert!(deleted.contains("  - national_objectives: (a group of values)"), "{deleted}");
    // A file the programme cannot do without: the driver says what it held.
    let required = staged(&|| std::fs::remove_file(c.join("summary.yaml")).unwrap());
    assert!(required.contains("  - summary: "), "{required}");
    // A YAML error: one line why, then git's text diff.
    let broken =
        staged(&|| edit(&c.join("framework.yaml"), "monitoring_committee: |", "monitoring_committee: \"unclosed"));
    assert!(broken.contains("amif-doc: no semantic diff for content/framework.yaml (the new version: "), "{broken}");
    assert!(broken.contains("+monitoring_committee: \"unclosed"), "{broken}");
    // A file outside any programme: its own values too.
    let outside = staged(&|| std::fs::write(dir.join("notes.yaml"), "a: 1\n").unwrap());
    assert!(outside.contains("notes.yaml (new file): this file's own values\n  + a: 1\n"), "{outside}");
    // No output names a scratch folder.
    for out in [&added, &deleted, &required, &broken, &outside] {
        assert!(!out.contains("amif-doc-") && !out.contains("/tmp"), "{out}");
    }
}

/// `diff --pdf --edition`: the redline of one excerpt; `--format markdown` for merge requests.
#[test]
fn a_redline_of_one_excerpt_and_a_markdown_report() {
    let dir = repository();
    let pdf = dir.join("redline-flemish.pdf");
    let (code, said) = amif(
        &dir,
        &[
            "diff",
            "HEAD~1",
            "HEAD",
            "--edition",
            "excerpt-flemish",
            "--fonts",
            &repo().join("fonts").display().to_string(),
            "--pdf",
            &pdf.display().to_string(),
        ],
    );
    assert_eq!(code, 1, "{said}");
    let text = pdf_text(&pdf);
    assert!(text.contains("Extrait – Communauté flamande"), "an excerpt's redline");
    assert!(!text.contains("OS1.ON1 Accueil/Asile"), "no asylum line in the Flemish excerpt");
    assert!(text.contains("create an inclusive integration policy in cooperation with"), "its own action, marked");

    let (code, md) = amif(&dir, &["diff", "HEAD~1", "HEAD", "--format", "markdown"]);
    assert_eq!(code, 1, "{md}");
    assert!(md.contains("| input | SO1.NO1 | 22,813,801.27 | 22,713,801.27 | -100,000.00 |"), "{md}");
    assert!(md.contains("| input | SO1.NO2 | 9,697,565.69 | 9,797,565.69 | +100,000.00 |"), "{md}");
    assert!(md.contains("in cooperation with ~~other~~ **all** policy domains"), "{md}");
    assert!(md.contains("> **New Commission decision needed:** the total of SO2 changed"), "{md}");
}

/// Order is content: two actions swapped and two national objectives swapped are reported by
/// `diff` in every format, as who moved before whom, and by the git driver.
#[test]
fn a_move_is_reported_in_every_format_and_by_the_driver() {
    let dir = scratch("moves");
    let c = copy_content(&dir);
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "version 1"]);
    let so2 = c.join("objectives/so2.yaml");
    let mut tree: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(&so2).unwrap()).unwrap();
    let nos = tree["national_objectives"].as_sequence_mut().unwrap();
    let no2 = nos.iter_mut().find(|n| n["id"] == "no2").unwrap();
    let actions = no2["actions"].as_sequence_mut().unwrap();
    let a12 = actions.iter().position(|a| a["id"] == "a12").unwrap();
    actions.swap(a12, a12 + 1);
    let (two, three) =
        (nos.iter().position(|n| n["id"] == "no2").unwrap(), nos.iter().position(|n| n["id"] == "no3").unwrap());
    nos.swap(two, three);
    std::fs::write(&so2, serde_yaml::to_string(&tree).unwrap()).unwrap();
    git(&dir, &["commit", "-q", "-a", "-m", "moves"]);

    let actions = "  ~ SO2.NO2 – actions order  [objectives.so2.no2.actions#order]\n      moved: a13 (create an inclusive integration policy in cooperation with…) before a12\n";
    let nos = "  ~ SO2 – national_objectives order  [objectives.so2.national_objectives#order]\n      moved: no3 before no2\n";
    let (code, text) = amif(&dir, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains(actions) && text.contains(nos), "{text}");

    let (code, markdown) = amif(&dir, &["diff", "HEAD~1", "HEAD", "--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(markdown.contains("(changed, `objectives.so2.no2.actions#order`): moved: a13 (create an inclusive integration policy in cooperation with…) before a12\n"), "{markdown}");

    let (code, json) = amif(&dir, &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let order = value["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "objectives.so2.national_objectives#order")
        .unwrap();
    assert_eq!(order["kind"], "order");
    assert_eq!(order["moved"], serde_json::json!(["no3 before no2"]));

    std::fs::write(dir.join(".gitattributes"), "content/**/*.yaml diff=amif\n").unwrap();
    let driver =
        format!("{} diff-driver --templates {}", env!("CARGO_BIN_EXE_amif-doc"), repo().join("templates").display());
    git(&dir, &["config", "diff.amif.command", &driver]);
    let out = Command::new("git").arg("-C").arg(&dir).args(["diff", "HEAD~1", "HEAD"]).output().unwrap();
    let driven = String::from_utf8_lossy(&out.stdout);
    assert!(driven.contains("  ~ national_objectives: order no2, no3 → no3, no2\n"), "{driven}");
    assert!(
        driven.contains("  ~ national_objectives.no2.actions: order a11, a12, a13, a14 → a11, a13, a12, a14\n"),
        "{driven}"
    );
}

/// An error inside an old revision is named as git names the file there, `REV:path`, so
/// `git show` opens exactly what the message points at.
#[test]
fn an_error_inside_a_revision_names_the_revisions_file() {
    let dir = scratch("review-rev-error");
    copy_content(&dir);
    edit(&dir.join("content/financing.yaml"), "no1: 22813801.27", "no1: twelve");
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "broken"]);
    edit(&dir.join("content/financing.yaml"), "no1: twelve", "no1: 22813801.27");
    git(&dir, &["commit", "-q", "-a", "-m", "mended"]);
    let (code, text) = amif(&dir, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.starts_with("error: revision HEAD~1 has content errors:\nerror[yaml-schema]: HEAD~1:content/financing.yaml:12:10: financing.table1.so1.no1: "), "{text}");
}
