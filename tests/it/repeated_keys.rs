//! A repeated key is refused, never resolved by "the last one wins": a badly resolved merge
//! conflict must not change the submission silently. Every repeat, in every file, at once.

use crate::common::*;

const HINT: &str = "(hint: a merge conflict often leaves a key twice: keep one)";

/// One edit of the frozen programme per case: (file, from, to, the one diagnostic expected).
fn cases() -> Vec<(&'static str, &'static str, &'static str, String)> {
    vec![
        (
            "financing.yaml",
            "    no2: 9697565.69\n",
            "    no2: 9697565.69\n    no2: 1.00\n",
            format!(
                "error[yaml-duplicate-key]: content/financing.yaml:14:5: financing.table1.so1.no2: the key `no2` is written twice; first written here: content/financing.yaml:13:5 {HINT}"
            ),
        ),
        (
            "financing.yaml",
            "    2015: 6567389.00\n",
            "    2015: 6567389.00\n    2015: 1.00\n",
            format!(
                "error[yaml-duplicate-key]: content/financing.yaml:30:5: financing.table3.asylum-solidarity.2015: the key `2015` is written twice; first written here: content/financing.yaml:29:5 {HINT}"
            ),
        ),
        (
            "special_cases.yaml",
            "        2014-2015: 300\n",
            "        2014-2015: 300\n        2014-2015: 1\n",
            format!(
                "error[yaml-duplicate-key]: content/special_cases.yaml:67:9: special_cases.resettlement.categories[2].persons.2014-2015: the key `2014-2015` is written twice; first written here: content/special_cases.yaml:66:9 {HINT}"
            ),
        ),
        (
            "programme.yaml",
            "version: \"7.0\"\n",
            "version: \"7.0\"\nversion: \"8.0\"\n",
            format!(
                "error[yaml-duplicate-key]: content/programme.yaml:8:1: programme.version: the key `version` is written twice; first written here: content/programme.yaml:7:1 {HINT}"
            ),
        ),
        (
            "financing.yaml",
            "  so2:\n    no2: 36124814.06\n    no3: 2167561.56\n",
            "  so2: {no2: 36124814.06, no3: 2167561.56, no2: 1}\n",
            format!(
                "error[yaml-duplicate-key]: content/financing.yaml:15:44: financing.table1.so2.no2: the key `no2` is written twice; first written here: content/financing.yaml:15:9 {HINT}"
            ),
        ),
        (
            "financing.yaml",
            "    no2: 25048883.67\n",
            "    no2: 25048883.67\n    \"no2\": 1.00\n",
            format!(
                "error[yaml-duplicate-key]: content/financing.yaml:21:5: financing.table1.so3.no2: the key `no2` is written twice; first written here: content/financing.yaml:20:5 {HINT}"
            ),
        ),
    ]
}

#[test]
fn each_repeat_is_refused_at_its_second_occurrence() {
    for (n, (file, from, to, expected)) in cases().into_iter().enumerate() {
        let dir = scratch(&format!("repeat-{n}"));
        let content = copy_content(&dir);
        edit(&content.join(file), from, to);
        assert_eq!(content_problems(&content), [expected], "case {n}: {file}");
    }
}

/// Every repeat of every file in one run; the build exits 1 and writes nothing.
#[test]
fn every_repeat_is_reported_at_once_and_nothing_is_written() {
    let dir = scratch("repeats");
    let content = copy_content(&dir);
    for (file, from, to, _) in cases().into_iter().filter(|(_, from, ..)| !from.contains("so2")) {
        edit(&content.join(file), from, to);
    }
    let got = content_problems(&content);
    assert_eq!(got.len(), 5, "{got:#?}");
    assert!(got.iter().all(|d| d.starts_with("error[yaml-duplicate-key]")), "{got:#?}");
    let files: Vec<&str> = got.iter().map(|d| d.split(':').nth(1).unwrap().trim()).collect();
    assert_eq!(
        files,
        [
            "content/programme.yaml",
            "content/special_cases.yaml",
            "content/financing.yaml",
            "content/financing.yaml",
            "content/financing.yaml"
        ]
    );

    let out = dir.join("out");
    let (code, stderr) = run_on(&content, &["build", "--out", out.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stderr.matches("error[yaml-duplicate-key]").count(), 5, "{stderr}");
    assert!(stderr.contains("first written here"), "the first occurrence is labelled: {stderr}");
    let written = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
    assert_eq!(written, 0, "nothing is written to out/");
}
