//! Broken content gets clear diagnostics: code, file:line:col, YAML path and hint, all of
//! them at once, and never a panic. A failed build leaves the previous PDFs untouched.

use std::path::{Path, PathBuf};

use crate::common::*;
use amif_doc::i18n::lang::Lang;
use amif_doc::pipeline::load_and_check;
use proptest::prelude::*;

/// The findings of one rule (warnings included) as one-line diagnostics, in English.
fn rule(content: &Path, code: &str) -> Vec<String> {
    let catalogue = catalogue();
    let checked = load_and_check(content, &catalogue).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let labels = catalogue.for_lang(Lang::EN).unwrap();
    let of_rule = checked.findings.iter().filter(|f| f.code == code);
    of_rule
        .map(|f| from_parent(content, &amif_doc::pipeline::rule_diagnostic(f, &labels, &checked.files).to_string()))
        .collect()
}

/// A copy of the bundled content with one edit applied, and its diagnostics.
fn broken(name: &str, file: &str, from: &str, to: &str) -> Vec<String> {
    let dir = scratch(name);
    let content = copy_content(&dir);
    edit(&content.join(file), from, to);
    content_problems(&content)
}

#[test]
fn the_bundled_content_is_valid() {
    assert_eq!(content_problems(&fixture()), Vec::<String>::new());
}

#[test]
fn unknown_key_gets_did_you_mean() {
    let got = broken("unknown-key", "objectives/so2.yaml", "        title: Promote", "        titel: Promote");
    assert_eq!(
        got,
        [
            "error[yaml-schema]: content/objectives/so2.yaml:46:9: objectives.so2.national_objectives[0].actions[0].titel: unknown key `titel` (hint: did you mean `title`?)"
        ]
    );
}

#[test]
fn wrong_type_names_the_path() {
    let got = broken("wrong-type", "objectives/so2.yaml", "number: 11", "number: eleven");
    assert_eq!(
        got,
        [
            "error[yaml-schema]: content/objectives/so2.yaml:44:17: objectives.so2.national_objectives[0].actions[0].number: invalid type: string \"eleven\", expected u32"
        ]
    );
}

#[test]
fn missing_field_is_reported() {
    let got = broken("missing", "programme.yaml", "cci: 2014BE65AMNP001\n", "");
    assert_eq!(got, ["error[yaml-schema]: content/programme.yaml:3:1: programme: missing field `cci`"]);
}

#[test]
fn amounts_must_be_exact_decimals() {
    for (bad, why) in [
        (
            "12,5",
            "`12,5` is not a plain decimal number like 1234.56 (hint: write amounts without thousands separators and with a decimal point: 1234567.89)",
        ),
        ("1e6", "`1e6` is not a plain decimal number like 1234.56"),
        (
            "1.2.3",
            "`1.2.3` is not a plain decimal number like 1234.56 (hint: write amounts without thousands separators and with a decimal point: 1234567.89)",
        ),
        ("9697565.695", "`9697565.695` has more than two decimals"),
    ] {
        let got = broken("amount", "financing.yaml", "no2: 9697565.69", &format!("no2: {bad}"));
        assert_eq!(got, [format!("error[yaml-schema]: content/financing.yaml:13:10: financing.table1.so1.no2: {why}")]);
    }
}

#[test]
fn unknown_scope_is_located() {
    let got = broken("scope", "objectives/so2.yaml", "scope: flemish", "scope: flemmish");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("error[scope-unknown]: content/objectives/so2.yaml:"), "{}", got[0]);
    assert!(got[0].ends_with(".scope: unknown scope `flemmish` (hint: did you mean `flemish`? (programme.yaml declares: federal, flemish, french, german))"), "{}", got[0]);
    assert!(got[0].contains(": objectives.so2.objective["), "{}", got[0]);
}

#[test]
fn timetable_years_and_order_are_checked() {
    let got = broken("years", "objectives/so1.yaml", "planning: 2014\n", "planning: 2031\n");
    assert_eq!(
        got,
        [
            "error[year-range]: content/objectives/so1.yaml:43:11: objectives.so1.national_objectives[0].actions[0].timetable.planning: year 2031 is outside 2014-2020",
            "error[timetable-order]: content/objectives/so1.yaml:40:9: objectives.so1.national_objectives[0].actions[0].timetable: phases out of order: planning 2031, implementation 2015, closing 2022 (hint: planning ≤ implementation ≤ closing)",
        ]
    );
}

#[test]
fn empty_and_non_utf8_files() {
    let dir = scratch("files");
    let content = copy_content(&dir);
    std::fs::write(content.join("summary.yaml"), "# nothing yet\n").unwrap();
    std::fs::write(content.join("framework.yaml"), b"partnership_preparation: \xff\xfe\n").unwrap();
    std::fs::write(content.join("extra.yaml"), "a: 1\n").unwrap();
    assert_eq!(
        content_problems(&content),
        [
            "error[file-empty]: content/summary.yaml:1:1: file is empty",
            "error[not-utf8]: content/framework.yaml:1:1: file is not valid UTF-8 (byte 25) (hint: save the file as UTF-8)",
            "error[file-unknown]: content/extra.yaml:1:1: unknown content file `extra.yaml` (hint: content files are: programme.yaml, summary.yaml, baseline.yaml, special_cases.yaml, reference.yaml, indicators.yaml, framework.yaml, financing.yaml, editions.yaml, objectives/*.yaml, translations/*.po)",
        ]
    );
}

#[test]
fn yaml_syntax_error_is_located() {
    let got = broken("syntax", "indicators.yaml", "  - id: c2.1\n", "  - id: [c2.1\n");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("error[yaml-schema]: content/indicators.yaml:"), "{}", got[0]);
}

/// Five different errors in one fixture: all five are reported.
#[test]
fn five_errors_are_reported_at_once() {
    let dir = scratch("five");
    let content = copy_content(&dir);
    edit(&content.join("objectives/so2.yaml"), "scope: flemish", "scope: walloon");
    edit(&content.join("objectives/so3.yaml"), "id: a18", "id: a17");
    edit(&content.join("special_cases.yaml"), "lump_sum: resettlement-priority", "lump_sum: resettlement-prio");
    edit(&content.join("indicators.yaml"), "unit: percent", "unit: percentage");
    edit(&content.join("financing.yaml"), "    2019: 5325698.99", "    2029: 5325698.99");
    let got = content_problems(&content);
    let codes: Vec<&str> = got.iter().map(|d| &d[..d.find(']').unwrap() + 1]).collect();
    assert_eq!(
        codes,
        [
            "error[scope-unknown]",
            "error[id-duplicate]",
            "error[id-unknown]",
            "error[unit-unknown]",
            "error[year-range]"
        ],
        "{got:#?}"
    );
}

#[test]
fn rule_2_22_1_quotes_both_amounts() {
    let catalogue = catalogue();
    let checked = load_and_check(&fixture(), &catalogue).unwrap();
    let labels = catalogue.for_lang(Lang::EN).unwrap();
    let codes: Vec<&str> = checked.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["", "2.15", "2.22.1"]);
    let d = amif_doc::pipeline::rule_diagnostic(&checked.findings[2], &labels, &checked.files).to_string();
    assert_eq!(
        from_parent(&fixture(), &d),
        "warning[2.22.1]: content/financing.yaml:6:1: financing.basic_amount: The total allocation to the programme (national objectives + TA) for AMIF (115,379,784.00) should be equal to the total allocation for basic amounts in the financial perspective (100,817,784.00)."
    );
}

#[test]
fn minimum_share_is_an_error_without_justification() {
    let got = broken("share", "financing.yaml", "no2: 36124814.06", "no2: 16124814.06");
    assert!(
        got.iter().any(|d| d.starts_with("error[amif.share-so2]: content/financing.yaml:")
            && d.contains("(18.14%) is below the minimum of 20.00%")),
        "{got:#?}"
    );
    let dir = scratch("share-justified");
    let content = copy_content(&dir);
    edit(&content.join("financing.yaml"), "no2: 36124814.06", "no2: 16124814.06");
    edit(
        &content.join("financing.yaml"),
        "justification: \"\"",
        "justification: |\n  Integration is funded by the ESF as well.\n",
    );
    let got = content_problems(&content);
    assert!(!got.iter().any(|d| d.contains("amif.share-so2")), "{got:#?}");
}

#[test]
fn commitments_must_cover_each_years_special_cases() {
    let got = broken("cover", "financing.yaml", "    2016: 31792301.00", "    2016: 11792301.00");
    assert!(got.contains(&"error[amif.year-cover]: content/financing.yaml:30:5: financing.table3.asylum-solidarity.2016: The commitments for 2016 (20,477,112.00) do not cover that year's special cases (23,278,000.00).".to_string()), "{got:#?}");
}

/// A build that fails leaves the previous PDFs byte-identical.
#[test]
fn a_failed_build_keeps_the_previous_pdfs() {
    let dir = scratch("keep");
    let content = copy_content(&dir);
    build(&content, &dir, &both()).unwrap();
    let before: Vec<Vec<u8>> =
        ["programme-fr.pdf", "programme-en.pdf"].iter().map(|n| std::fs::read(dir.join(n)).unwrap()).collect();
    edit(&content.join("summary.yaml"), "summary: |", "summary: |\n  A new first sentence.\n");
    edit(&content.join("objectives/so1.yaml"), "closing: 2022", "closing: 2013");
    assert!(build(&content, &dir, &both()).is_err());
    let after: Vec<Vec<u8>> =
        ["programme-fr.pdf", "programme-en.pdf"].iter().map(|n| std::fs::read(dir.join(n)).unwrap()).collect();
    assert!(before == after, "a failed build changed the PDFs");
    let stray: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "temporary files left: {stray:?}");
}

fn yaml_value() -> impl Strategy<Value = serde_yaml::Value> {
    let leaf = prop_oneof![
        Just(serde_yaml::Value::Null),
        any::<bool>().prop_map(serde_yaml::Value::Bool),
        any::<i64>().prop_map(|n| serde_yaml::Value::Number(n.into())),
        "[a-z0-9 .,#*_@<>-]{0,12}".prop_map(serde_yaml::Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_yaml::Value::Sequence),
            prop::collection::vec(("[a-z_]{1,10}", inner), 0..4).prop_map(|kv| {
                serde_yaml::Value::Mapping(kv.into_iter().map(|(k, v)| (serde_yaml::Value::String(k), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Arbitrary bytes in a content file: a diagnostic, never a panic.
    #[test]
    fn arbitrary_bytes_give_a_diagnostic(bytes in prop::collection::vec(any::<u8>(), 0..200), file in 0usize..4) {
        let dir = scratch("fuzz-bytes");
        let content = copy_content(&dir);
        let name = ["programme.yaml", "objectives/so1.yaml", "financing.yaml", "special_cases.yaml"][file];
        std::fs::write(content.join(name), &bytes).unwrap();
        prop_assert!(!content_problems(&content).is_empty());
    }

    /// Arbitrary YAML documents: a diagnostic (or, by chance, valid content), never a panic.
    #[test]
    fn arbitrary_yaml_never_panics(doc in yaml_value(), file in 0usize..4) {
        let dir = scratch("fuzz-yaml");
        let content = copy_content(&dir);
        let name = ["programme.yaml", "objectives/so2.yaml", "indicators.yaml", "framework.yaml"][file];
        std::fs::write(content.join(name), serde_yaml::to_string(&doc).unwrap()).unwrap();
        let _ = content_problems(&content);
    }
}

/// An empty required text is a warning (still to fill), not an error: a programme being
/// written checks, and builds with DRAFT on its pages.
#[test]
fn empty_required_texts_are_warnings_still_to_fill() {
    let dir = scratch("empty-text");
    let content = copy_content(&dir);
    let title = "title: Maximise the access to the voluntary return programme.";
    edit(&content.join("objectives/so3.yaml"), title, "title: \"\"");
    let catalogue = catalogue();
    let checked = load_and_check(&content, &catalogue).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let got: Vec<String> = checked
        .notes
        .iter()
        .filter(|d| d.code == "text-empty")
        .map(|d| from_parent(&content, &d.to_string()))
        .collect();
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("warning[text-empty]: content/objectives/so3.yaml:"), "{}", got[0]);
    assert!(got[0].ends_with("objectives.so3.national_objectives[0].actions[0].title: this text is empty: still to fill (hint: write the text)"), "{}", got[0]);
    // It builds, and says why it is a draft on every page.
    build(&content, &dir.join("out"), &[Lang::EN]).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let text = pdf_text(&dir.join("out/programme-en.pdf"));
    assert!(text.contains("DRAFT – some texts are still to be written"), "{text}");
    assert!(!text.contains("fails validation rules"));
}

#[test]
fn c6_target_beyond_pledges_is_a_warning() {
    let dir = scratch("c6");
    let content = copy_content(&dir);
    edit(&content.join("indicators.yaml"), "target: 1450.00", "target: 4000.00");
    let c6 = rule(&content, "amif.c6-pledges");
    assert_eq!(
        c6,
        [
            "warning[amif.c6-pledges]: content/indicators.yaml:5:1: indicators.so1: The target of indicator C6 (4,000.00) must be positive and not exceed the number of persons pledged for resettlement (3,865.00)."
        ]
    );
}

#[test]
fn a_funded_line_needs_actions_and_main_actions_are_unique() {
    let dir = scratch("lines");
    let content = copy_content(&dir);
    edit(&content.join("financing.yaml"), "  so2:\n", "  so2:\n    no1: 1000.00\n");
    edit(&content.join("financing.yaml"), "    2014: 4704189.95", "    2014: 4705189.95");
    edit(&content.join("objectives/so1.yaml"), "main_action: 2", "main_action: 1");
    let got = content_problems(&content);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("error[amif.main-action-twice]"), "{}", got[0]);
    assert!(got[0].ends_with("Main action number 1 is used twice in SO1.NO1."), "{}", got[0]);
}

#[test]
fn rule_2_15_fires_for_versions_after_the_first_only() {
    let d = rule(&fixture(), "2.15").concat();
    assert!(d.starts_with("warning[2.15]: content/programme.yaml:7:1: programme.version: A new EC decision is required for versions > 1."), "{d}");
    let dir = scratch("v1");
    let content = copy_content(&dir);
    edit(&content.join("programme.yaml"), "version: \"7.0\"", "version: \"1.0\"");
    assert!(rule(&content, "2.15").is_empty());
}

#[test]
fn duplicate_ids_and_unknown_references_are_located() {
    let got = broken("dup", "objectives/so3.yaml", "id: a18", "id: a17");
    assert_eq!(
        got,
        [
            "error[id-duplicate]: content/objectives/so3.yaml:77:9: objectives.so3.national_objectives[1].actions[0].id: action id `a17` is used twice"
        ]
    );
    let got = broken("ref", "special_cases.yaml", "lump_sum: resettlement-priority", "lump_sum: resettlement-prio");
    assert_eq!(
        got,
        [
            "error[id-unknown]: content/special_cases.yaml:52:7: special_cases.resettlement.categories[0].lump_sum: unknown lump sum `resettlement-prio` (hint: lump sums are: resettlement-priority, resettlement, transfer, relocation, admission-turkey)"
        ]
    );
}

#[test]
fn a_funded_line_without_actions_is_a_warning() {
    let dir = scratch("funded");
    let content = copy_content(&dir);
    edit(&content.join("financing.yaml"), "  so2:\n", "  so2:\n    no1: 1000.00\n");
    edit(&content.join("financing.yaml"), "    2014: 4704189.95", "    2014: 4705189.95");
    let got = rule(&content, "amif.line-without-actions");
    assert_eq!(
        got,
        [
            "warning[amif.line-without-actions]: content/financing.yaml:16:5: financing.table1.so2.no1: Line SO2.NO1 receives an amount in Table 1 but no action describes it in section 3."
        ]
    );
}

/// What an editor sees: `amif-doc check` prints rustc-style diagnostics with the source line,
/// plain text when not on a terminal, and exits 1.
#[test]
fn check_prints_rustc_style_diagnostics_and_exits_1() {
    let dir = scratch("check-cli");
    let content = copy_content(&dir);
    edit(&content.join("objectives/so2.yaml"), "        title: Promote", "        titel: Promote");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc"))
        .current_dir(&dir)
        .args(["check", "--templates"])
        .arg(repo().join("templates"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = "\
error[yaml-schema]: unknown key `titel`
   ┌─ content/objectives/so2.yaml:46:9
   │
46 │         titel: Promote integration by offering individualized trajectories";
    assert!(stderr.starts_with(expected), "{stderr}");
    assert!(
        stderr.contains("   │         ^ at `objectives.so2.national_objectives[0].actions[0].titel`\n"),
        "{stderr}"
    );
    assert!(stderr.contains("   = hint: did you mean `title`?\n"), "{stderr}");
    assert!(stderr.ends_with("error: the content has 1 problem(s)\n"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "no colour codes when not on a terminal");

    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc"))
        .current_dir(repo())
        .args(["check", "--content"])
        .arg(fixture())
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stderr).ends_with("content is valid: 2 warning(s), no error\n"));
}
