//! `cargo bench`: where a build spends its time. The engine (load, model, compute, check,
//! render) against typesetting (typst layout + PDF export), averaged over repeated runs.
//! A report, not a test: nothing here can fail on a slow machine.

use std::path::Path;
use std::time::{Duration, Instant};

use amif_doc::i18n::labels::Catalogue;
use amif_doc::i18n::lang::Lang;
use amif_doc::pipeline::load_and_check;
use amif_doc::render::Templates;
use amif_doc::typeset::{DocumentFacts, Fonts, Typesetter};
use amif_doc::view::{Edition, build as build_view};

const RUNS: u32 = 10;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalogue = Catalogue::load(&amif_doc::form::Form::built_in()).unwrap();
    let templates = Templates::load(&amif_doc::form::Form::built_in()).unwrap();
    let typesetter = Typesetter::new(Fonts::load(&amif_doc::form::Form::built_in()).unwrap());
    let labels = catalogue.for_lang("fr".parse::<Lang>().unwrap()).unwrap();

    let (mut engine, mut render, mut typeset_time) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut pages = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        let checked = load_and_check(&root.join("content"), &catalogue).unwrap_or_else(|_| panic!("content invalid"));
        engine += t.elapsed();
        let edition =
            Edition { spec: checked.programme.editions[0].clone(), lang: "fr".parse::<Lang>().unwrap(), second: None };

        let t = Instant::now();
        let v = build_view(
            &checked.programme,
            &checked.figures,
            &checked.findings,
            &edition,
            &amif_doc::view::EditionLabels { form: &labels, text: &labels, catalogue: None },
        )
        .unwrap();
        let source = templates.render(&v, &labels, None).unwrap();
        render += t.elapsed();

        let t = Instant::now();
        let facts = DocumentFacts { date: checked.programme.meta.date, ident: "bench".into() };
        let pdf = typesetter.pdf("bench", &source, &facts).unwrap();
        typeset_time += t.elapsed();
        pages = pdf.pdf.len();
        // Each run starts cold, as a CLI build does.
        typst::comemo::evict(0);
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0 / f64::from(RUNS);
    let total = ms(engine) + ms(render) + ms(typeset_time);
    println!("amif-doc pipeline, French edition, mean of {RUNS} cold runs ({pages} PDF bytes)");
    println!("  load + model + compute + check  {:8.2} ms  {:5.1} %", ms(engine), 100.0 * ms(engine) / total);
    println!("  view + tera render              {:8.2} ms  {:5.1} %", ms(render), 100.0 * ms(render) / total);
    println!(
        "  typst layout + PDF export       {:8.2} ms  {:5.1} %",
        ms(typeset_time),
        100.0 * ms(typeset_time) / total
    );
}
