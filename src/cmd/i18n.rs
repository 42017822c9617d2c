//! `amif-doc i18n update` (the translation files brought up to date with the source texts) and
//! `amif-doc i18n status` (per edition and section, what is translated, stale or missing).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use clap_complete::engine::ArgValueCandidates;

use amif_doc::i18n::po::{self, Catalog};
use amif_doc::i18n::{Catalogue, Lang};
use amif_doc::load::TRANSLATIONS;
use amif_doc::model::excerpt;
use amif_doc::pipeline::{self, Checked, Error};
use amif_doc::translation::translate::{self, Tally};
use amif_doc::translation::{units, update};

use super::ContentArgs;

#[derive(Debug, Clone, Args)]
pub struct I18nArgs {
    #[command(subcommand)]
    pub command: I18nCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum I18nCommand {
    /// Add new units to the translation files, mark units whose source text changed as fuzzy
    /// (keeping their translation and the old source), and make removed units obsolete.
    Update(UpdateArgs),
    /// Units and words translated, stale and missing, per edition and section.
    Status(StatusArgs),
}

#[derive(Debug, Clone, Args)]
pub struct UpdateArgs {
    #[command(flatten)]
    pub paths: ContentArgs,
    /// Only this language (its file is created if there is none); default: every file.
    #[arg(long, add = ArgValueCandidates::new(super::complete::single_langs))]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub paths: ContentArgs,
    /// Only this edition of the matrix.
    #[arg(long, add = ArgValueCandidates::new(super::complete::editions))]
    pub edition: Option<String>,
    /// Only this language.
    #[arg(long, add = ArgValueCandidates::new(super::complete::single_langs))]
    pub lang: Option<Lang>,
    /// Exit 1 when an edition has less than this percentage of its words translated and current.
    #[arg(long)]
    pub min: Option<f64>,
}

pub fn run(args: &I18nArgs) -> ExitCode {
    let result = match &args.command {
        I18nCommand::Update(a) => update(a),
        I18nCommand::Status(a) => status(a),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            super::report(&error, "");
            ExitCode::from(2)
        }
    }
}

/// The project's programme, and its content folder.
fn load(paths: &ContentArgs) -> Result<(Checked, PathBuf), Error> {
    let project = paths.project()?;
    let catalogue = Catalogue::load(&project.form)?;
    Ok((pipeline::load_and_check_with(&project.content, &catalogue, true)?, project.content))
}

fn po_path(content: &Path, lang: Lang) -> PathBuf {
    content.join(TRANSLATIONS).join(format!("{lang}.po"))
}

/// The header of a new translation file: a working translation until a person reviews it.
fn new_catalog(checked: &Checked, lang: Lang) -> Catalog {
    let cci = &checked.programme.meta.cci;
    Catalog {
        header_comments: vec![
            format!("Translation ({lang}) of the AMIF national programme {cci}."),
            "A working translation, not official, until a person who reviewed it sets X-Reviewed: yes.".into(),
        ],
        header: [
            ("Project-Id-Version", format!("AMIF national programme {cci}")),
            (
                "PO-Revision-Date",
                format!(
                    "{}-{:02}-{:02} 00:00+0000",
                    checked.programme.meta.date.0, checked.programme.meta.date.1, checked.programme.meta.date.2
                ),
            ),
            ("Last-Translator", "amif-doc".into()),
            ("Language-Team", "none".into()),
            ("Language", lang.to_string()),
            ("MIME-Version", "1.0".into()),
            ("Content-Type", "text/plain; charset=UTF-8".into()),
            ("Content-Transfer-Encoding", "8bit".into()),
            ("X-Reviewed", "no".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect(),
        ..Catalog::default()
    }
}

fn update(args: &UpdateArgs) -> Result<ExitCode, Error> {
    let (checked, content) = load(&args.paths)?;
    // The PO files of an old format are what its steps read: they are upgraded first.
    if let Some(from) = amif_doc::load::migrate::old_format(&content) {
        return Err(Error::OldFormat(from));
    }
    let units = units::units(&checked.programme);
    // Every language a file exists for, and every one the edition matrix prints texts in.
    let mut langs: Vec<Lang> = checked.translations.iter().map(|t| t.lang).collect();
    let source = checked.programme.meta.source;
    for spec in &checked.programme.editions {
        let printed = spec.langs.iter().copied().chain(spec.bilingual.iter().flat_map(|&(a, b)| [a, b]));
        for lang in printed.map(|l| spec.text_lang(l, source)) {
            if lang != source && !langs.contains(&lang) {
                langs.push(lang);
            }
        }
    }
    if let Some(lang) = args.lang {
        langs.retain(|l| *l == lang);
        if langs.is_empty() && lang != checked.programme.meta.source {
            langs.push(lang);
        }
    }
    for lang in langs {
        let path = po_path(&content, lang);
        let existing = checked.translations.iter().find(|t| t.lang == lang);
        let old = existing.map_or_else(|| new_catalog(&checked, lang), |t| t.catalog.clone());
        let new = update::update(&old, &units);
        let text = po::write(&new);
        let before = std::fs::read_to_string(&path).unwrap_or_default();
        if text == before {
            eprintln!("{} is up to date", path.display());
            continue;
        }
        amif_doc::write::atomic(&path, text.as_bytes())?;
        let count = |f: &dyn Fn(&po::Entry) -> bool| new.entries.iter().filter(|e| f(e)).count();
        eprintln!(
            "{} {}: {} unit(s), {} untranslated, {} fuzzy, {} obsolete",
            if existing.is_some() { "updated" } else { "created" },
            path.display(),
            count(&|e| !e.obsolete),
            count(&|e| !e.obsolete && e.msgstr.is_empty()),
            count(&|e| !e.obsolete && e.fuzzy),
            count(&|e| e.obsolete),
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn status(args: &StatusArgs) -> Result<ExitCode, Error> {
    let (checked, _) = load(&args.paths)?;
    let p = &checked.programme;
    if let Some(name) = args.edition.as_deref().filter(|n| !p.editions.iter().any(|e| e.name == *n)) {
        let known: Vec<&str> = p.editions.iter().map(|e| e.name.as_str()).collect();
        return Err(Error::UnknownEdition { name: name.to_string(), known: known.join(", ") });
    }
    let empty = Catalog::default();
    let all = units::units(p);
    let mut below = false;
    println!(
        "{:<24} {:<5} {:<8} {:>16} {:>16} {:>16} {:>8}",
        "edition", "lang", "section", "current", "stale", "missing", "words %"
    );
    for spec in p.editions.iter().filter(|e| args.edition.as_deref().is_none_or(|n| e.name == n)) {
        let units = units::units(&excerpt::filter(p, spec));
        for &lang in spec.langs.iter().filter(|l| args.lang.is_none_or(|x| x == **l)) {
            if spec.text_lang(lang, p.meta.source) == p.meta.source {
                continue;
            }
            let catalog = checked.translations.iter().find(|t| t.lang == lang).map_or(&empty, |t| &t.catalog);
            let sections = translate::status(&units, &all, catalog);
            let mut all = Tally::default();
            for (section, tally) in &sections {
                println!("{:<24} {:<5} {:<8} {}", "", "", section, row(tally));
                add(&mut all, tally);
            }
            println!("{:<24} {:<5} {:<8} {}", spec.name, lang.to_string(), "all", row(&all));
            below |= args.min.is_some_and(|min| all.percent() < min);
        }
    }
    Ok(if below { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn add(all: &mut Tally, t: &Tally) {
    all.units += t.units;
    all.words += t.words;
    for (a, b) in [(&mut all.current, t.current), (&mut all.stale, t.stale), (&mut all.missing, t.missing)] {
        a.0 += b.0;
        a.1 += b.1;
    }
}

/// `units/words` per state and the share of words translated.
fn row(t: &Tally) -> String {
    let cell = |(units, words): (usize, usize)| format!("{units}/{words}w");
    format!("{:>16} {:>16} {:>16} {:>7.1}%", cell(t.current), cell(t.stale), cell(t.missing), t.percent())
}
