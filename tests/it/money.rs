//! Money, computed to the cent: the seed's every total and Table 2 cell from the bundled
//! inputs, the totals that move when an input moves, and no computed figure typed in content.

use std::str::FromStr;

use crate::common::*;
use amif_doc::compute::{Figures, compute};
use amif_doc::pipeline::{Checked, load_and_check};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn bundled() -> Checked {
    let catalogue = catalogue();
    load_and_check(&fixture(), &catalogue).unwrap_or_else(|e| panic!("{}", describe(&e)))
}

#[test]
fn table1_reproduces_the_seed() {
    let f = bundled().figures;
    let t = &f.table1;
    let so = |id: &str| t.objective(id).unwrap();
    assert_eq!(so("so1").total_national, d("34892964.44"));
    assert_eq!(so("so1").total_specific, d("0"));
    assert_eq!(so("so1").total, d("34892964.44"));
    assert_eq!(so("so2").total_national, d("38292375.62"));
    assert_eq!(so("so2").total, d("38292375.62"));
    assert_eq!(so("so3").total_national, d("34647866.10"));
    assert_eq!(so("so3").total_specific, d("7753663.12"));
    assert_eq!(so("so3").total, d("42401529.22"));
    assert_eq!(so("so4").total, d("0"));
    assert_eq!(t.technical_assistance, d("7546577.84"));
    assert_eq!(t.special_cases, d("55994000.00"));
    assert_eq!(t.total, d("179127447.12"));
    assert_eq!(t.national_plus_ta, d("115379784.00"));
}

fn row(f: &Figures, id: &str) -> Vec<Option<Decimal>> {
    f.table2.rows.iter().find(|r| r.id == id).unwrap().cells.clone()
}

fn cells(values: &[&str]) -> Vec<Option<Decimal>> {
    values.iter().map(|v| (!v.is_empty()).then(|| d(v))).collect()
}

#[test]
fn table2_reproduces_every_seed_cell() {
    let f = bundled().figures;
    assert_eq!(f.table2.years, [2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    let expected = [
        (
            "resettlement",
            cells(&["2000000", "2000000", "5500000", "5500000", "7883333", "7883333", "7883334"]),
            "38650000",
        ),
        ("relocation-1523", cells(&["", "", "4038000", "4038000", "-1512000", "-1512000", "-1512000"]), "3540000"),
        ("relocation-1601", cells(&["", "", "7344000", "7344000", "-3744000", "-3744000", "-3744000"]), "3456000"),
        ("relocation-ms", cells(&["", "", "", "", "", "", ""]), "0"),
        ("transfer", cells(&["0", "0", "", "", "", "", ""]), "0"),
        ("admission-turkey", cells(&["", "", "6396000", "6396000", "-814667", "-814667", "-814666"]), "10348000"),
    ];
    for (id, cells, total) in expected {
        assert_eq!(row(&f, id), cells, "row {id}");
        assert_eq!(f.table2.rows.iter().find(|r| r.id == id).unwrap().total, d(total), "total of {id}");
    }
    let totals: Vec<Decimal> =
        ["2000000", "2000000", "23278000", "23278000", "1812666", "1812666", "1812668"].iter().map(|v| d(v)).collect();
    assert_eq!(f.table2.year_totals, totals);
    assert_eq!(f.table2.total, d("55994000"));
}

#[test]
fn table3_and_section4_totals_reproduce_the_seed() {
    let f = bundled().figures;
    let total = |id: &str| f.table3.rows.iter().find(|r| r.id == id).unwrap().total;
    assert_eq!(total("asylum-solidarity"), d("103838621.29"));
    assert_eq!(total("integration-return"), d("75288825.83"));
    let years: Vec<Decimal> =
        ["12774422.12", "14637620.00", "40477112.00", "60669847.00", "20074082.00", "13749191.00", "16745173.00"]
            .iter()
            .map(|v| d(v))
            .collect();
    assert_eq!(f.table3.year_totals, years);
    assert_eq!(f.table3.total, d("179127447.12"));
    assert_eq!(f.resettlement.union_priorities, [Some(400), Some(1100), Some(2365)]);
    assert_eq!(f.resettlement.total, [Some(400), Some(1100), Some(2365)]);
}

/// The computed figures of the seed must never be typed in content.
#[test]
fn no_computed_figure_is_typed_in_content() {
    let computed = [
        "179127447.12",
        "55994000",
        "34892964.44",
        "38292375.62",
        "34647866.10",
        "42401529.22",
        "115379784",
        "38650000",
        "3540000",
        "3456000",
        "10348000",
        "103838621.29",
        "75288825.83",
        "12774422.12",
        "14637620",
        "40477112",
        "60669847",
        "20074082",
        "13749191",
        "16745173",
        "23278000",
        "1812666",
        "1812668",
        "7883333",
        "7883334",
        "814667",
        "814666",
        "2365",
    ]
    .map(d);
    let mut found = Vec::new();
    for file in content_files(&fixture()) {
        let text = std::fs::read_to_string(&file).unwrap();
        for token in text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')) {
            let token = token.trim_matches(['.', '-']);
            if Decimal::from_str(token).is_ok_and(|value| computed.contains(&value.abs())) {
                found.push(format!("{}: {token}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "computed figures typed in content: {found:?}");
}

fn content_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(content_files(&path));
        } else {
            files.push(path);
        }
    }
    files
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Moving one Table 1 input by `delta` moves exactly the totals that contain it, by `delta`.
    #[test]
    fn an_input_moves_its_totals_by_exactly_its_change(line in 0usize..9, cents in -1_000_000_000i64..1_000_000_000) {
        let mut checked = bundled();
        let before = checked.figures.clone();
        let keys: Vec<(String, String)> = checked.programme.financing.table1.keys().cloned().collect();
        let key = keys[line % keys.len()].clone();
        let delta = Decimal::new(cents, 2);
        *checked.programme.financing.table1.get_mut(&key).unwrap() += delta;
        let after = compute(&checked.programme);
        let national = key.1.starts_with("no");
        for (b, a) in before.table1.objectives.iter().zip(&after.table1.objectives) {
            let mine = b.id == key.0;
            prop_assert_eq!(a.total - b.total, if mine { delta } else { Decimal::ZERO });
            prop_assert_eq!(a.total_national - b.total_national, if mine && national { delta } else { Decimal::ZERO });
            prop_assert_eq!(a.total_specific - b.total_specific, if mine && !national { delta } else { Decimal::ZERO });
        }
        prop_assert_eq!(after.table1.total - before.table1.total, delta);
        prop_assert_eq!(after.table1.national_plus_ta - before.table1.national_plus_ta, if national { delta } else { Decimal::ZERO });
        prop_assert_eq!(after.table1.special_cases, before.table1.special_cases);
    }

    /// Changing one pledge by `n` persons moves the special-case total by `n` × its lump sum.
    #[test]
    fn a_pledge_moves_the_special_cases_by_persons_times_lump_sum(row in 0usize..5, period in 0usize..3, n in -500i64..500) {
        let mut checked = bundled();
        let before = checked.figures.clone();
        let sc = &mut checked.programme.special_cases;
        let lump = if row < sc.categories.len() {
            let c = &mut sc.categories[row];
            c.persons[period] = Some(c.persons[period].unwrap_or(0) + n);
            let id = c.lump_sum.clone();
            sc.lump_sum(&id).unwrap().amount
        } else {
            let t = &mut sc.transfers[row - sc.categories.len() + 1];
            t.persons[period] = Some(t.persons[period].unwrap_or(0) + n);
            sc.lump_sum("relocation").unwrap().amount
        };
        let after = compute(&checked.programme);
        prop_assert_eq!(after.table2.total - before.table2.total, Decimal::from(n) * lump);
        prop_assert_eq!(after.table1.total - before.table1.total, Decimal::from(n) * lump);
    }
}

/// Editing one national objective amount in YAML changes TOTAL ON, TOTAL OS and TOTAL in both
/// editions, with no other edit. Table 3 no longer matches Table 1, so the plain build refuses
/// (rule amif.table3-total) and a draft build shows the new totals with the error listed.
#[test]
fn editing_one_amount_updates_every_total_in_both_editions() {
    let dir = scratch("edit-amount");
    let content = copy_content(&dir);
    edit(&content.join("financing.yaml"), "no1: 22813801.27", "no1: 22813901.27");
    let refused = build(&content, &dir, &both()).err().map(|e| describe(&e)).unwrap_or_default();
    assert!(refused.contains("amif.table3-total"), "expected the Table 3 rule to stop the build, got: {refused}");
    assert!(!dir.join("programme-fr.pdf").exists());
    let mut opts = options(&content, &dir, &both());
    opts.draft = true;
    amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let fr = pdf_text(&dir.join("programme-fr.pdf"));
    let en = pdf_text(&dir.join("programme-en.pdf"));
    for expected in [
        "OS1.ON1 Accueil/Asile 22 813 901,27",
        "TOTAL ON OS1 Asile 34 893 064,44",
        "TOTAL OS1 Asile 34 893 064,44",
        "TOTAL 179 127 547,12",
    ] {
        assert!(fr.contains(expected), "fr lacks `{expected}`");
    }
    for expected in ["TOTAL NO SO1 Asylum 34,893,064.44", "TOTAL SO1 Asylum 34,893,064.44", "TOTAL 179,127,547.12"] {
        assert!(en.contains(expected), "en lacks `{expected}`");
    }
    assert!(fr.contains("Erreur amif.table3-total"), "the draft lists the rule error");
    assert!(fr.contains("(115 379 884,00)"), "rule 2.22.1 quotes the new national objectives + TA");
}
