//! `amif-doc build` (the default command): every edition of the matrix into `out/`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use clap_complete::engine::ArgValueCandidates;

use amif_doc::diag::Severity;
use amif_doc::i18n::LangChoice;
use amif_doc::pipeline::{Error, Options};

use super::ContentArgs;

#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub paths: ContentArgs,
    /// Where the PDFs go [default: the project's out/].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Build only this edition of the matrix (see `amif-doc editions`).
    #[arg(long, add = ArgValueCandidates::new(super::complete::editions))]
    pub edition: Option<String>,
    /// Build only the editions in this language, or this pair for a bilingual edition
    /// (repeatable): `fr`, `en`, `fr-en`, as `amif-doc editions` lists them.
    #[arg(long = "lang", add = ArgValueCandidates::new(super::complete::langs))]
    pub langs: Vec<LangChoice>,
    /// Also write the generated typst source beside each PDF.
    #[arg(long)]
    pub keep_typst: bool,
    /// Build even if programme rules fail (not content errors): pages say DRAFT, and a
    /// bilingual edition becomes its translation-review view (stale and missing units marked).
    #[arg(long)]
    pub draft: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(args: &BuildArgs) -> ExitCode {
    match build(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::report(&error, "; nothing was written");
            super::exit_code(&error)
        }
    }
}

fn build(args: &BuildArgs) -> Result<(), Error> {
    let started = std::time::Instant::now();
    let built = amif_doc::session::build_with(&options(args)?, &progress(args.quiet))?;
    if args.quiet {
        return Ok(());
    }
    for output in &built.outputs {
        println!("wrote {} ({} pages)", output.path.display(), output.pages);
    }
    // Warnings (and the rule errors --draft overrode), one line each: the build goes on, but
    // nobody should miss them.
    for w in &built.warnings {
        eprintln!("{w}");
    }
    let overridden = built.warnings.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = built.warnings.len() - overridden;
    let overridden =
        if overridden > 0 { format!("; {overridden} rule error(s) overridden (--draft)") } else { String::new() };
    eprintln!(
        "built {} edition(s) in {:.1} s{overridden}; {warnings} warning(s){}",
        built.outputs.len(),
        started.elapsed().as_secs_f64(),
        if built.warnings.is_empty() { "" } else { " (amif-doc check shows them with their source lines)" }
    );
    Ok(())
}

/// The pipeline's options from the command line (`build` and `watch` share them).
pub fn options(args: &BuildArgs) -> Result<Options, Error> {
    let project = args.paths.project()?;
    Ok(Options {
        out: args.out.clone().unwrap_or_else(|| project.root.join("out")),
        content: project.content,
        form: project.form,
        langs: args.langs.clone(),
        edition: args.edition.clone(),
        keep_typst: args.keep_typst,
        draft: args.draft,
        source_date_epoch: source_date_epoch()?,
    })
}

/// A progress line on stderr while editions typeset (`[3/21] excerpt-german-de`), rewritten
/// in place and cleared at the end; only on a terminal, never with `--quiet`, and only when
/// there is more than one edition to wait for.
pub fn progress(quiet: bool) -> impl Fn(usize, usize, &str) + Sync {
    let show = !quiet && std::io::stderr().is_terminal();
    let line = std::sync::Mutex::new(());
    move |done: usize, total: usize, edition: &str| {
        if !show || total < 2 {
            return;
        }
        let _one_at_a_time = line.lock();
        let mut err = std::io::stderr().lock();
        if done == total {
            let _ = write!(err, "\r\x1b[2K");
        } else {
            let _ = write!(err, "\r\x1b[2K[{done}/{total}] typeset {edition}");
        }
        let _ = err.flush();
    }
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): the only environment input, and only for
/// the PDF metadata date.
fn source_date_epoch() -> Result<Option<i64>, Error> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value.trim().parse().map(Some).map_err(|_| Error::SourceDateEpoch(value)),
        Err(_) => Ok(None),
    }
}
