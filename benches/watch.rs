//! `cargo bench --bench watch`: a cold build of one edition (a fresh process's work: fonts
//! read, typst's caches empty) against a rebuild in `watch` after a one-sentence edit (the
//! session, its World and typst's caches kept). Medians of 15 runs each, on the shipped
//! content copied to a scratch folder. A report, not a test.

use std::path::Path;
use std::time::{Duration, Instant};

use amif_doc::pipeline::Options;
use amif_doc::session::Session;

const RUNS: usize = 15;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = tempfile::tempdir().unwrap();
    let content = scratch.path().join("content");
    amif_doc::write::copy_tree(&root.join("content"), &content).unwrap();
    let opts = Options {
        content: content.clone(),
        form: amif_doc::form::Form::built_in(),
        out: scratch.path().join("out"),
        langs: vec!["fr".parse().unwrap()],
        keep_typst: false,
        draft: false,
        source_date_epoch: None,
        edition: Some("programme".into()),
    };
    let quiet = |_: usize, _: usize, _: &str| {};

    let mut cold = Vec::new();
    for _ in 0..RUNS {
        typst::comemo::evict(0);
        let t = Instant::now();
        let mut session = Session::new(opts.clone()).unwrap();
        session.rebuild(&quiet).unwrap_or_else(|_| panic!("the shipped content must build"));
        cold.push(t.elapsed());
    }

    // One sentence of the summary, edited before each rebuild (a different word each time).
    let summary = content.join("summary.yaml");
    let original = std::fs::read_to_string(&summary).unwrap();
    let sentence = "intends to continue and";
    assert!(original.contains(sentence), "the bench edits `{sentence}` in content/summary.yaml");
    typst::comemo::evict(0);
    let mut session = Session::new(opts).unwrap();
    session.rebuild(&quiet).unwrap();
    let mut warm = Vec::new();
    for i in 0..RUNS {
        let edited = original.replacen(sentence, &format!("intends (edit {i}) to continue and"), 1);
        std::fs::write(&summary, edited).unwrap();
        let t = Instant::now();
        let round = session.rebuild(&quiet).unwrap();
        warm.push(t.elapsed());
        assert_eq!(round.outputs.len(), 1, "the edit must change the PDF");
    }

    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64() * 1000.0
    };
    println!("amif-doc watch, edition programme-fr, median of {RUNS} runs");
    println!("  cold build (fonts, empty caches)           {:8.1} ms", median(cold));
    println!("  rebuild after a one-sentence edit (watch)  {:8.1} ms", median(warm));
}
