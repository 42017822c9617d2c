//! amif-doc's entry point: parse the command line, run the command, print the outcome.

mod cli;

use std::process::ExitCode;

use clap::Parser;

use amif_doc::build::{self, BuildError, Options};
use amif_doc::diag;
use amif_doc::labels::Catalogue;
use amif_doc::lang::Lang;
use std::io::IsTerminal;

use amif_doc::review::{self, Side};
use cli::{BuildArgs, Cli, Command, DiffArgs, FmtArgs, Format, PathArgs};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Diff(args)) => return run_diff(args),
        Some(Command::DiffDriver(args)) => return run_diff_driver(args),
        Some(Command::Fmt(args)) if args.check => return run_fmt_check(args),
        _ => {}
    }
    let is_build = !matches!(cli.command, Some(Command::Check(_)));
    let result = match cli.command {
        None => run_build(&cli.build),
        Some(Command::Build(args)) => run_build(&args),
        Some(Command::Check(args)) => run_check(&args),
        Some(Command::Editions(args)) => run_editions(&args),
        Some(Command::Fmt(args)) => run_fmt(&args),
        Some(Command::Diff(_) | Command::DiffDriver(_)) => unreachable!("handled above"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&error, is_build);
            ExitCode::FAILURE
        }
    }
}

fn run_build(args: &BuildArgs) -> Result<(), BuildError> {
    let opts = Options {
        content: args.paths.content.clone(),
        templates: args.paths.templates.clone(),
        fonts: args.fonts.clone(),
        out: args.out.clone(),
        langs: args.langs.clone(),
        edition: args.edition.clone(),
        keep_typst: args.keep_typst,
        draft: args.draft,
        source_date_epoch: source_date_epoch()?,
    };
    let started = std::time::Instant::now();
    let outputs = build::build(&opts)?;
    for output in &outputs {
        println!("wrote {} ({} pages)", output.path.display(), output.pages);
    }
    eprintln!("built {} edition(s) in {:.1} s", outputs.len(), started.elapsed().as_secs_f64());
    Ok(())
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): the only environment input, and only for
/// the PDF metadata date.
fn source_date_epoch() -> Result<Option<i64>, BuildError> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| BuildError::Other(format!("SOURCE_DATE_EPOCH `{value}` is not a number of seconds"))),
        Err(_) => Ok(None),
    }
}

fn run_check(args: &PathArgs) -> Result<(), BuildError> {
    let catalogue = Catalogue::load(&args.templates.join("labels.yaml"))?;
    let checked = build::load_and_check(&args.content, &catalogue)?;
    let labels = catalogue.for_lang(Lang::En)?;
    let warnings: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.level == amif_doc::check::Level::Warning)
        .map(|f| build::rule_diagnostic(f, &labels, &checked.files))
        .collect();
    diag::emit(&warnings, &checked.files.root);
    eprintln!("content is valid: {} warning(s), no error", warnings.len());
    Ok(())
}

fn run_editions(args: &PathArgs) -> Result<(), BuildError> {
    let catalogue = Catalogue::load(&args.templates.join("labels.yaml"))?;
    let checked = build::load_and_check_with(&args.content, &catalogue, true)?;
    for e in &checked.programme.editions {
        let scope = e.scope.map_or("whole programme", |s| s.id());
        let objectives = e.objectives.as_ref().map_or("all objectives".to_string(), |o| o.join(", "));
        let files: Vec<String> = e.langs.iter().map(|l| format!("{}-{l}.pdf", e.name)).collect();
        println!("{:<22} {:<16} {:<16} {}", e.name, scope, objectives, files.join(" "));
    }
    Ok(())
}

/// `diff` exits like diff(1): 0 no change, 1 changes, 2 trouble.
fn run_diff(args: &DiffArgs) -> ExitCode {
    let old = Side::parse(args.old.as_deref(), Side::Revision("HEAD".into()));
    let new = Side::parse(args.new.as_deref(), Side::WorkingTree);
    let result = Catalogue::load(&args.paths.templates.join("labels.yaml"))
        .map_err(BuildError::Other)
        .and_then(|catalogue| review::review(&args.paths.content, &old, &new, &catalogue).map(|r| (r, catalogue)));
    let (review, catalogue) = match result {
        Ok(ok) => ok,
        Err(error) => {
            report(&error, false);
            return ExitCode::from(2);
        }
    };
    let title = format!("{} → {}", old.describe(), new.describe());
    let printed = match args.format {
        Format::Json => amif_doc::diff_report::write_json(&mut std::io::stdout(), &review.report),
        Format::Text => {
            let choice = if std::io::stdout().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
            amif_doc::diff_report::write_text(&mut StandardStream::stdout(choice), &review.report, &title)
        }
    };
    if let Err(e) = printed {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    if let Some(pdf) = &args.pdf {
        if let Err(e) =
            amif_doc::redline::build(&review, &catalogue, &args.paths.templates, &args.fonts, args.redline_lang, pdf)
        {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        eprintln!("wrote {}", pdf.display());
    }
    if review.report.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn run_fmt(args: &FmtArgs) -> Result<(), BuildError> {
    let outcome = amif_doc::fmt::run(&args.paths.content, &args.paths.templates, true)?;
    for path in &outcome.changed {
        println!("formatted {}", path.display());
    }
    eprintln!("{} file(s) formatted; every edition prints exactly as before", outcome.changed.len());
    Ok(())
}

fn run_fmt_check(args: &FmtArgs) -> ExitCode {
    match amif_doc::fmt::run(&args.paths.content, &args.paths.templates, false) {
        Ok(outcome) if outcome.changed.is_empty() => ExitCode::SUCCESS,
        Ok(outcome) => {
            for path in &outcome.changed {
                println!("would format {}", path.display());
            }
            ExitCode::from(1)
        }
        Err(error) => {
            report(&error, false);
            ExitCode::from(2)
        }
    }
}

/// git's external diff driver: the semantic diff of one content file, in the context of the
/// working tree's other files.
fn run_diff_driver(args: &cli::DriverArgs) -> ExitCode {
    let result = (|| -> Result<String, BuildError> {
        let catalogue = Catalogue::load(&args.paths.templates.join("labels.yaml"))?;
        let content = &args.paths.content;
        let rel = args.path.strip_prefix(content).unwrap_or(&args.path).to_path_buf();
        let side = |file: &std::path::Path, name: &str| -> Result<std::path::PathBuf, BuildError> {
            let dir = std::env::temp_dir().join(format!("amif-doc-driver-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            amif_doc::write::copy_tree(content, &dir).map_err(BuildError::Other)?;
            let bytes = if file == std::path::Path::new("/dev/null") {
                Vec::new()
            } else {
                std::fs::read(file).map_err(|e| BuildError::Other(e.to_string()))?
            };
            std::fs::write(dir.join(&rel), bytes).map_err(|e| BuildError::Other(e.to_string()))?;
            Ok(dir)
        };
        let (old_dir, new_dir) = (side(&args.old_file, "old")?, side(&args.new_file, "new")?);
        let old = build::load_and_check_with(&old_dir, &catalogue, true);
        let new = build::load_and_check_with(&new_dir, &catalogue, true);
        let _ = (std::fs::remove_dir_all(&old_dir), std::fs::remove_dir_all(&new_dir));
        let report = amif_doc::diff::compare(&old?, &new?, &catalogue.for_lang(Lang::En)?);
        let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        let title = format!("{} ({} → {})", args.path.display(), short(&args.old_hex), short(&args.new_hex));
        amif_doc::diff_report::write_text(&mut out, &report, &title).map_err(|e| BuildError::Other(e.to_string()))?;
        Ok(String::from_utf8_lossy(&out.into_inner()).into_owned())
    })();
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            report(&error, false);
            ExitCode::from(2)
        }
    }
}

fn short(hex: &str) -> &str {
    &hex[..hex.len().min(8)]
}

fn report(error: &BuildError, is_build: bool) {
    match error {
        BuildError::Content(diagnostics, files) => {
            diag::emit(&diagnostics.0, &files.root);
            let errors = diagnostics.0.iter().filter(|d| d.severity == diag::Severity::Error).count();
            let outcome = if is_build { "; nothing was written" } else { "" };
            eprintln!("error: the content has {errors} problem(s){outcome}");
        }
        BuildError::Other(message) => eprintln!("error: {message}"),
    }
}
