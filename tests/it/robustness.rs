//! What `check` accepts, `build` builds; no number panics or wraps; every rule of the content
//! is checked, with the exact message and `file:line:col`; YAML syntax errors point at their
//! cause. One test per case, each on a copy of the frozen programme.

use std::path::Path;

use crate::common::*;
use amif_doc::i18n::Catalogue;
use amif_doc::pipeline::{self, Error};

/// Every diagnostic `check` reports (errors and warnings), one line each.
fn check(content: &Path) -> Vec<String> {
    pipeline::check(content, &amif_doc::form::Form::built_in(), false)
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|d| from_parent(content, &d.to_string()))
        .collect()
}

/// A copy of the frozen programme with `from` replaced by `to` in `file`, and its errors.
fn errors_after(name: &str, file: &str, from: &str, to: &str) -> Vec<String> {
    let dir = scratch(name);
    let content = copy_content(&dir);
    edit(&content.join(file), from, to);
    check(&content).into_iter().filter(|d| d.starts_with("error")).collect()
}

#[test]
fn a_28_digit_amount_is_refused_where_it_is_typed() {
    assert_eq!(
        errors_after("huge", "financing.yaml", "no1: 22813801.27", "no1: 79228162514264337593543950335"),
        [
            "error[amount-range]: content/financing.yaml:12:5: financing.table1.so1.no1: 79228162514264337593543950335 is beyond the form's largest amount (999 999 999 999,99) (hint: amounts are in euros, with at most 12 digits before the point)"
        ]
    );
}

#[test]
fn an_absurd_pledge_is_refused_not_wrapped() {
    assert_eq!(
        errors_after("pledge", "special_cases.yaml", "      2016-2017: 538", "      2016-2017: 9223372036854775000"),
        [
            "error[persons-range]: content/special_cases.yaml:82:7: special_cases.transfers[1].persons.2016-2017: 9223372036854775000 persons is beyond the form's bound (10000000)"
        ]
    );
}

#[test]
fn negative_table_1_amounts_are_refused() {
    assert_eq!(
        errors_after("negative", "financing.yaml", "no2: 9697565.69", "no2: -9697565.69"),
        [
            "error[amount-negative]: content/financing.yaml:13:5: financing.table1.so1.no2: -9697565.69 is negative; the form takes no negative amount here"
        ]
    );
}

#[test]
fn impossible_dates_and_far_years_are_refused() {
    assert_eq!(
        errors_after("date", "programme.yaml", "date: 2019-06-28", "date: 2019-02-31"),
        [
            "error[date-invalid]: content/programme.yaml:12:1: programme.date: date `2019-02-31` is not a date like `2019-06-28`"
        ]
    );
    let far = errors_after("far", "programme.yaml", "first_year: 2014", "first_year: 1014");
    assert_eq!(
        far[0],
        "error[year-range]: content/programme.yaml:8:1: programme.first_year: year 1014 is outside 2000-2100"
    );
}

#[test]
fn pledging_periods_are_in_order_and_inside_the_programme() {
    let reversed = errors_after(
        "period",
        "special_cases.yaml",
        "    first_year: 2016\n    last_year: 2017",
        "    first_year: 2017\n    last_year: 2016",
    );
    assert_eq!(
        reversed[0],
        "error[period-order]: content/special_cases.yaml:12:5: special_cases.pledging_periods[1].first_year: period `2016-2017` starts in 2017 after it ends in 2016"
    );
    let outside = errors_after("outside", "special_cases.yaml", "    last_year: 2020", "    last_year: 2024");
    assert_eq!(
        outside,
        [
            "error[year-range]: content/special_cases.yaml:16:5: special_cases.pledging_periods[2].last_year: year 2024 is outside 2014-2020"
        ]
    );
}

#[test]
fn ids_are_unique_periods_lump_sums_and_action_numbers() {
    // The pledges of the renamed period then name an unknown one: reported too, each at its line.
    let periods = errors_after("dup-period", "special_cases.yaml", "  - id: 2016-2017", "  - id: 2014-2015");
    assert_eq!(
        periods[0],
        "error[id-duplicate]: content/special_cases.yaml:11:5: special_cases.pledging_periods[1].id: pledging period `2014-2015` appears twice"
    );
    assert_eq!(periods.len(), 7, "{periods:#?}");
    assert_eq!(
        errors_after("dup-lump", "special_cases.yaml", "  - id: resettlement\n", "  - id: transfer\n"),
        [
            "error[id-duplicate]: content/special_cases.yaml:26:5: special_cases.lump_sums[2].id: lump sum `transfer` appears twice",
        ]
    );
    assert_eq!(
        errors_after("dup-number", "objectives/so1.yaml", "        number: 10", "        number: 9"),
        [
            "error[id-duplicate]: content/objectives/so1.yaml:171:9: objectives.so1.national_objectives[2].actions[1].number: action number 9 is used twice in the programme (hint: actions are numbered once across the programme)",
        ]
    );
}

#[test]
fn ids_a_table_prints_are_known_with_a_did_you_mean() {
    assert_eq!(
        errors_after("country", "special_cases.yaml", "    from: greece\n", "    from: grece\n"),
        [
            "error[id-unknown]: content/special_cases.yaml:79:5: special_cases.transfers[1].from: unknown country `grece` (hint: did you mean `greece`? (reference.yaml declares: belgium, greece, italy))",
        ]
    );
    assert_eq!(
        errors_after("category", "special_cases.yaml", "    - id: rpp-north-africa", "    - id: rpp-north-afrika"),
        [
            "error[id-unknown]: content/special_cases.yaml:51:7: special_cases.resettlement.categories[0].id: unknown resettlement category `rpp-north-afrika` (hint: did you mean `rpp-north-africa`? (reference.yaml declares: rpp-north-africa, eastern-africa-great-lakes, syrian-refugees-region))",
        ]
    );
    // Far from every declared id: the whole list, no guess.
    assert_eq!(
        errors_after(
            "to",
            "special_cases.yaml",
            "    kind: transfer\n    to: belgium\n",
            "    kind: transfer\n    to: luxembourg\n"
        ),
        [
            "error[id-unknown]: content/special_cases.yaml:74:5: special_cases.transfers[0].to: unknown country `luxembourg` (hint: reference.yaml declares: belgium, greece, italy)",
        ]
    );
    let indicator = errors_after("indicator", "indicators.yaml", "  - id: c2.1\n", "  - id: c2.9\n");
    assert!(indicator[0].starts_with("error[id-unknown]: content/indicators.yaml:11:5: indicators.so1[1].id: unknown common indicator `c2.9` (hint: did you mean `c2.1`?"), "{indicator:?}");
    assert!(indicator[0].ends_with("; a programme-specific indicator gives its own `name:`)"), "{indicator:?}");
}

#[test]
fn reference_terms_are_declared_once_and_named_in_every_language() {
    assert_eq!(
        errors_after("no-de", "reference.yaml", "      de: Griechenland\n", ""),
        [
            "error[id-unknown]: content/reference.yaml:44:5: reference.countries[1].name: country `greece` has no name in `de` (hint: the form prints in de, en, fr, nl (templates/labels.yaml): name it in each)",
        ]
    );
    assert_eq!(
        errors_after("twice", "reference.yaml", "  - id: italy\n", "  - id: greece\n"),
        [
            "error[id-duplicate]: content/reference.yaml:50:5: reference.countries[2].id: country `greece` is declared twice",
            "error[id-unknown]: content/special_cases.yaml:85:5: special_cases.transfers[2].from: unknown country `italy` (hint: reference.yaml declares: belgium, greece)",
            "error[id-unknown]: content/special_cases.yaml:99:5: special_cases.transfers[4].from: unknown country `italy` (hint: reference.yaml declares: belgium, greece)",
        ]
    );
    assert_eq!(
        errors_after("empty-name", "reference.yaml", "      fr: Italie\n", "      fr: \"\"\n"),
        [
            "error[text-empty]: content/reference.yaml:52:7: reference.countries[2].name.fr: this name is empty (hint: write the name, or remove the language)",
        ]
    );
}

#[test]
fn an_objective_without_lines_says_so() {
    assert_eq!(
        errors_after(
            "so4",
            "financing.yaml",
            "  technical_assistance:",
            "  so4:\n    no1: 5.00\n  technical_assistance:"
        ),
        [
            "error[id-unknown]: content/financing.yaml:24:5: financing.table1.so4.no1: `no1` is not a line of so4 in Table 1 (hint: so4 has no lines in the SFC2014 form)",
        ]
    );
}

#[test]
fn yaml_syntax_errors_point_at_their_cause_with_a_hint() {
    let quote = errors_after(
        "quote",
        "objectives/so2.yaml",
        "          name: promote integration by offering individualized trajectories",
        "          name: \"promote integration by offering individualized trajectories",
    );
    assert_eq!(
        quote,
        [
            "error[yaml-schema]: content/objectives/so2.yaml:55:17: objectives.so2.national_objectives[0].actions[0].timetable.name: this quoted text is not closed (hint: end it with \" on the same line, or write a long text as a block: `key: |` and the text on the next lines, indented)"
        ]
    );
    let colon = errors_after(
        "colon",
        "objectives/so2.yaml",
        "          name: promote integration by offering individualized trajectories",
        "          name: promote integration: individualized trajectories",
    );
    assert_eq!(
        colon,
        [
            "error[yaml-schema]: content/objectives/so2.yaml:55:36: objectives.so2.national_objectives[0].actions[0].timetable.name: `: ` inside a text that is not quoted (hint: quote the text (\"...\"), or write it as a block: `key: |` and the text on the next lines, indented)"
        ]
    );
    let thousands = errors_after("thousands", "financing.yaml", "no1: 22813801.27", "no1: 22,813,801.27");
    assert_eq!(
        thousands,
        [
            "error[yaml-schema]: content/financing.yaml:12:10: financing.table1.so1.no1: `22,813,801.27` is not a plain decimal number like 1234.56 (hint: write amounts without thousands separators and with a decimal point: 1234567.89)"
        ]
    );
}

#[test]
fn table_3_against_table_1_says_by_how_much_and_where() {
    let got = errors_after("table3", "financing.yaml", "    2019: 5325698.99", "    2019: 5325697.99");
    assert_eq!(
        got,
        [
            "error[amif.table3-total]: content/financing.yaml:26:1: financing.table3: The total of annual commitments (Table 3: 179,127,446.12) differs from the financial plan total (Table 1: 179,127,447.12) by -1.00. (hint: change Table 3 by +1.00 (financing.table3); per year, commitments / special cases to cover: 2014: 12,774,422.12 / 2,000,000.00, 2015: 14,637,620.00 / 2,000,000.00, 2016: 40,477,112.00 / 23,278,000.00, 2017: 60,669,847.00 / 23,278,000.00, 2018: 20,074,082.00 / 1,812,666.00, 2019: 13,749,190.00 / 1,812,666.00, 2020: 16,745,173.00 / 1,812,668.00)"
        ]
    );
}

#[test]
fn a_repeated_main_action_points_at_its_key() {
    let got =
        errors_after("main-action", "objectives/so1.yaml", "          main_action: 2\n", "          main_action: 1\n");
    assert_eq!(
        got,
        [
            "error[amif.main-action-twice]: content/objectives/so1.yaml:61:11: objectives.so1.national_objectives[0].actions[1].timetable.main_action: Main action number 1 is used twice in SO1.NO1."
        ]
    );
}

#[test]
fn check_shows_warnings_with_errors_and_build_prints_its_warnings() {
    let dir = scratch("warnings");
    let content = copy_content(&dir);
    edit(&content.join("financing.yaml"), "    2019: 5325698.99", "    2019: 5325697.99");
    let all = check(&content);
    assert!(all.iter().any(|d| d.starts_with("error[amif.table3-total]")), "{all:?}");
    assert!(all.iter().any(|d| d.starts_with("warning[2.15]")), "warnings stay visible beside errors: {all:?}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc"))
        .current_dir(fixture().parent().unwrap())
        .args(["build", "--edition", "programme", "--lang", "en", "--content", "content", "--out"])
        .arg(dir.join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("warning[2.15]: content/programme.yaml:7:1: programme.version:"), "{stderr}");
    assert!(stderr.contains("warning[2.22.1]: content/financing.yaml:6:1: financing.basic_amount:"), "{stderr}");
    assert!(stderr.contains("; 2 warning(s) (amif-doc check shows them with their source lines)"), "{stderr}");
}

/// The promise in one property: random edits of the programme (lines deleted or doubled,
/// bytes flipped, numbers made extreme, dates and ids changed) never make `check` panic, and
/// whatever `check` accepts, every edition of it also typesets.
mod mutations {
    use super::*;
    use proptest::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static TRIED: AtomicUsize = AtomicUsize::new(0);
    static ACCEPTED: AtomicUsize = AtomicUsize::new(0);

    const FILES: [&str; 7] = [
        "financing.yaml",
        "special_cases.yaml",
        "programme.yaml",
        "indicators.yaml",
        "objectives/so1.yaml",
        "editions.yaml",
        "objectives/so2.yaml",
    ];
    const EXTREMES: [&str; 10] = [
        "79228162514264337593543950335",
        "-999999999999.99",
        "999999999999.99",
        "0",
        "-1",
        "9223372036854775807",
        "2019-02-31",
        "1014",
        "so4",
        "\"#$*_@<[\\\\//\"",
    ];

    /// 40 cases in `cargo test`; `AMIF_MUTATIONS=500 cargo test --test it robustness` for more.
    fn cases() -> u32 {
        std::env::var("AMIF_MUTATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(40)
    }

    fn mutate(text: &str, kind: u8, at: usize, pick: usize) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        if lines.is_empty() {
            return text.to_string();
        }
        let i = at % lines.len();
        match kind % 4 {
            0 => {
                lines.remove(i);
            }
            1 => {
                let line = lines[i].clone();
                lines.insert(i, line);
            }
            2 => {
                // A value replaced by an extreme one.
                if let Some((key, _)) = lines[i].split_once(": ") {
                    lines[i] = format!("{key}: {}", EXTREMES[pick % EXTREMES.len()]);
                }
            }
            _ => {
                let mut bytes = lines[i].clone().into_bytes();
                if !bytes.is_empty() {
                    let b = pick % bytes.len();
                    bytes[b] ^= 1 << (pick % 7);
                }
                lines[i] = String::from_utf8_lossy(&bytes).into_owned();
            }
        }
        lines.join("\n") + "\n"
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn check_never_panics_and_what_it_accepts_builds(file in 0usize..FILES.len(), kind in 0u8..4, at in 0usize..400, pick in 0usize..1000) {
            let dir = scratch("mutation");
            let content = copy_content(&dir);
            let path = content.join(FILES[file]);
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, mutate(&text, kind, at, pick)).unwrap();
            let tried = TRIED.fetch_add(1, Ordering::SeqCst) + 1;
            let diagnostics = pipeline::check(&content, &amif_doc::form::Form::built_in(), false).map_err(|e| e.to_string());
            let accepted = matches!(&diagnostics, Ok(d) if !d.iter().any(|d| d.severity == amif_doc::diag::Severity::Error));
            if accepted {
                ACCEPTED.fetch_add(1, Ordering::SeqCst);
                let catalogue = Catalogue::load(&amif_doc::form::Form::built_in()).unwrap();
                let checked = pipeline::load_and_check(&content, &catalogue).unwrap_or_else(|e| panic!("check accepted, load refused: {e}"));
                let typeset = pipeline::typeset_all(&checked, &amif_doc::form::Form::built_in());
                prop_assert!(typeset.is_ok(), "check accepted {} but typst refused: {:?}", FILES[file], typeset.err().map(|e: Error| e.to_string()));
            }
            eprintln!("mutations: {tried} tried, {} accepted by check and built", ACCEPTED.load(Ordering::SeqCst));
        }
    }
}

/// Every integer field, at the extremes of i32, u32 and i64, is an error where it is written,
/// never a panic (this runs in the debug profile, where an overflow panics).
#[test]
fn integer_extremes_in_every_integer_field_are_errors_not_panics() {
    let fields = [
        ("programme.yaml", "first_year: 2014"),
        ("programme.yaml", "last_year: 2020"),
        ("objectives/so1.yaml", "number: 1"),
        ("objectives/so1.yaml", "main_action: 1"),
        ("objectives/so1.yaml", "planning: 2014"),
        ("objectives/so1.yaml", "implementation: 2015"),
        ("objectives/so1.yaml", "closing: 2022"),
        ("financing.yaml", "    2014: 4704189.95"),
        ("special_cases.yaml", "    first_year: 2014"),
        ("special_cases.yaml", "    last_year: 2015"),
        ("special_cases.yaml", "        2018-2020: 87"),
    ];
    let extremes = [i64::from(i32::MIN), i64::from(i32::MAX), i64::from(u32::MAX), i64::MIN, i64::MAX];
    for (file, line) in fields {
        for extreme in extremes {
            let dir = scratch("extreme");
            let content = copy_content(&dir);
            let (key, value) = line.rsplit_once(": ").unwrap();
            // A year used as a key (Table 3) becomes the extreme key; others take the value.
            let changed =
                if key.trim() == "2014" { format!("    {extreme}: {value}") } else { format!("{key}: {extreme}") };
            edit(&content.join(file), line, &changed);
            let problems = content_problems(&content);
            assert!(
                problems.iter().any(|p| p.starts_with("error[") && p.contains(&format!("content/{file}:"))),
                "{file} `{changed}`: {problems:#?}"
            );
        }
    }
    // Three of them word for word.
    let dir = scratch("extremes");
    let content = copy_content(&dir);
    edit(&content.join("programme.yaml"), "last_year: 2020", "last_year: 2147483647");
    edit(&content.join("objectives/so1.yaml"), "        number: 1\n", "        number: 4294967295\n");
    edit(&content.join("special_cases.yaml"), "        2018-2020: 87", "        2018-2020: -9223372036854775808");
    let problems = content_problems(&content);
    for expected in [
        "error[year-range]: content/programme.yaml:9:1: programme.last_year: year 2147483647 is outside 2000-2100",
        "error[number-range]: content/objectives/so1.yaml:31:9: objectives.so1.national_objectives[0].actions[0].number: action numbers run from 1 to 999, not 4294967295",
        "error[persons-range]: content/special_cases.yaml:55:9: special_cases.resettlement.categories[0].persons.2018-2020: -9223372036854775808 persons is beyond the form's bound (10000000)",
    ] {
        assert!(problems.iter().any(|p| p == expected), "missing {expected} in {problems:#?}");
    }
}

/// Two editions that would write one file are refused, where the second is declared.
#[test]
fn two_editions_writing_one_file_are_refused() {
    let dir = scratch("same-file");
    let content = copy_content(&dir);
    let matrix = std::fs::read_to_string(content.join("editions.yaml")).unwrap();
    std::fs::write(content.join("editions.yaml"), format!("{matrix}  - name: programme-fr\n    languages: [en]\n"))
        .unwrap();
    let problems = content_problems(&content);
    assert_eq!(
        problems,
        [
            "error[edition-file]: content/editions.yaml:39:17: editions[9].languages[0]: `programme-fr-en.pdf` is also written by edition `programme` in `fr-en`: one would overwrite the other (hint: rename one of the editions)"
        ]
    );
}

/// `build --draft` prints every rule error it overrode, as `check` does, and counts them.
#[test]
fn a_draft_build_prints_the_rule_errors_it_overrode() {
    let dir = scratch("draft-errors");
    let content = copy_content(&dir);
    edit(&content.join("financing.yaml"), "    2019: 5325698.99", "    2019: 5325697.99");
    let (code, stderr) =
        run_on(&content, &["build", "--draft", "--edition", "programme", "--lang", "en", "--out", "out"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "error[amif.table3-total]: content/financing.yaml:26:1: financing.table3: The total of annual commitments"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("; 1 rule error(s) overridden (--draft); 2 warning(s)"), "{stderr}");
}

/// A closed standard output (`amif-doc i18n status | head -1`) ends the program as SIGPIPE
/// ends any Unix tool: never a panic.
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_amif-doc"))
        .current_dir(fixture().parent().unwrap())
        .args(["i18n", "status", "--content", "content"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader is gone before the first line is written
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success() || out.status.signal() == Some(13), "{:?}: {stderr}", out.status);
}

/// Found by the structural mutation test: a renamed objective file and a translation entry
/// written twice were accepted without a word.
#[test]
fn a_renamed_objective_file_and_a_repeated_translation_are_refused() {
    let dir = scratch("renamed-so");
    let content = copy_content(&dir);
    std::fs::rename(content.join("objectives/so1.yaml"), content.join("objectives/so9.yaml")).unwrap();
    let problems = content_problems(&content);
    assert!(
        problems.contains(&"error[id-file]: content/objectives/so9.yaml:3:1: objectives.so9.id: `objectives/so9.yaml` holds specific objective `so1` (hint: name the file objectives/so1.yaml, or write the id of the objective it is)".to_string()),
        "{problems:#?}"
    );

    let dir = scratch("repeated-entry");
    let content = copy_content(&dir);
    let po = content.join("translations/fr.po");
    let text = std::fs::read_to_string(&po).unwrap();
    let entries: Vec<&str> = text.trim_end().split("\n\n").collect();
    let mut repeated = entries.clone();
    repeated.insert(5, entries[4]);
    std::fs::write(&po, repeated.join("\n\n") + "\n").unwrap();
    let problems = content_problems(&content);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].starts_with("error[po-syntax]: content/translations/fr.po:"), "{problems:#?}");
    assert!(problems[0].contains("is written twice (first at line"), "{problems:#?}");
}
