//! `amif-doc diff` (two revisions of the content compared, as text or JSON, with an optional
//! redline PDF) and `amif-doc diff-driver` (the same report for one file, as git's external
//! diff driver).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use codespan_reporting::term::termcolor::{ColorChoice, NoColor, StandardStream};

use amif_doc::i18n::{Catalogue, Lang};
use amif_doc::pipeline::{self, Error};
use amif_doc::review::{self, Side, redline, report};

use super::ContentArgs;

#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The old revision (any git revision; default HEAD).
    pub old: Option<String>,
    /// The new revision (default: the working tree; `.` also means the working tree).
    pub new: Option<String>,
    #[command(flatten)]
    pub paths: ContentArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also typeset a redline edition of the new version into this PDF.
    #[arg(long)]
    pub pdf: Option<PathBuf>,
    /// The fonts folder for the redline edition.
    #[arg(long, default_value = "fonts")]
    pub fonts: PathBuf,
    /// Language of the redline edition.
    #[arg(long = "redline-lang", default_value = "fr")]
    pub redline_lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The seven arguments git passes to an external diff driver.
#[derive(Debug, Clone, Args)]
pub struct DriverArgs {
    pub path: PathBuf,
    pub old_file: PathBuf,
    pub old_hex: String,
    pub old_mode: String,
    pub new_file: PathBuf,
    pub new_hex: String,
    pub new_mode: String,
    #[command(flatten)]
    pub paths: ContentArgs,
}

/// `diff` exits like diff(1): 0 no change, 1 changes, 2 trouble.
pub fn run(args: &DiffArgs) -> ExitCode {
    let old = Side::parse(args.old.as_deref(), Side::Revision("HEAD".into()));
    let new = Side::parse(args.new.as_deref(), Side::WorkingTree);
    let result = Catalogue::load(&args.paths.templates.join("labels.yaml"))
        .map_err(Error::from)
        .and_then(|catalogue| review::review(&args.paths.content, &old, &new, &catalogue).map(|r| (r, catalogue)));
    let (review, catalogue) = match result {
        Ok(ok) => ok,
        Err(error) => {
            super::report(&error, "");
            return ExitCode::from(2);
        }
    };
    let title = format!("{} → {}", old.describe(), new.describe());
    let printed = match args.format {
        Format::Json => report::write_json(&mut std::io::stdout(), &review.report),
        Format::Text => {
            let choice = if std::io::stdout().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
            let labels = match catalogue.for_lang(Lang::En) {
                Ok(labels) => labels,
                Err(error) => {
                    eprintln!("error: {error}");
                    return ExitCode::from(2);
                }
            };
            report::write_text(&mut StandardStream::stdout(choice), &review.report, &title, &labels)
        }
    };
    if let Err(e) = printed {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    if let Some(pdf) = &args.pdf {
        if let Err(e) = redline::build(&review, &catalogue, &args.paths.templates, &args.fonts, args.redline_lang, pdf)
        {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        eprintln!("wrote {}", pdf.display());
    }
    if review.report.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// git's external diff driver: the semantic diff of one content file, in the context of the
/// working tree's other files.
pub fn run_driver(args: &DriverArgs) -> ExitCode {
    match driver_report(args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            super::report(&error, "");
            ExitCode::from(2)
        }
    }
}

fn driver_report(args: &DriverArgs) -> Result<String, Error> {
    let catalogue = Catalogue::load(&args.paths.templates.join("labels.yaml"))?;
    let content = &args.paths.content;
    let rel = args.path.strip_prefix(content).unwrap_or(&args.path).to_path_buf();
    let side = |file: &Path| -> Result<tempfile::TempDir, Error> {
        let dir =
            tempfile::Builder::new().prefix("amif-doc-driver-").tempdir().map_err(Error::io("a scratch folder"))?;
        amif_doc::write::copy_tree(content, dir.path())?;
        let bytes = if file == Path::new("/dev/null") {
            Vec::new()
        } else {
            std::fs::read(file).map_err(Error::io(file.display().to_string()))?
        };
        std::fs::write(dir.path().join(&rel), bytes).map_err(Error::io(rel.display().to_string()))?;
        Ok(dir)
    };
    let (old_dir, new_dir) = (side(&args.old_file)?, side(&args.new_file)?);
    let old = pipeline::load_and_check_with(old_dir.path(), &catalogue, true)?;
    let new = pipeline::load_and_check_with(new_dir.path(), &catalogue, true)?;
    let labels = catalogue.for_lang(Lang::En)?;
    let report = review::compare::compare(&old, &new, &labels);
    let mut out = NoColor::new(Vec::new());
    let title = format!("{} ({} → {})", args.path.display(), short(&args.old_hex), short(&args.new_hex));
    report::write_text(&mut out, &report, &title, &labels).map_err(Error::io("the report"))?;
    Ok(String::from_utf8_lossy(&out.into_inner()).into_owned())
}

fn short(hex: &str) -> &str {
    &hex[..hex.len().min(8)]
}
