//! `amif-doc diff` (two revisions of the content compared, as text or JSON, with an optional
//! redline PDF) and `amif-doc diff-driver` (the same report for one file, as git's external
//! diff driver).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
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
    /// Language of the redline edition.
    #[arg(long = "redline-lang", default_value = "fr", add = ArgValueCandidates::new(super::complete::single_langs))]
    pub redline_lang: Lang,
    /// The redline of one edition of the matrix only (e.g. excerpt-flemish).
    #[arg(long, add = ArgValueCandidates::new(super::complete::editions))]
    pub edition: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people, in a terminal (coloured there) or a file.
    Text,
    /// For tools.
    Json,
    /// For merge requests: money table, sentence diffs with ~~deleted~~ / **inserted** words.
    Markdown,
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
    let result = args.paths.project().and_then(|project| {
        let catalogue = Catalogue::load(&project.form)?;
        let review = review::review(&project.content, &old, &new, &catalogue)?;
        Ok((review, catalogue, project))
    });
    let (review, catalogue, project) = match result {
        Ok(ok) => ok,
        Err(error) => {
            super::report(&error, "");
            return ExitCode::from(2);
        }
    };
    let title = format!("{} → {}", old.describe(), new.describe());
    let printed = match args.format {
        Format::Json => report::write_json(&mut std::io::stdout(), &review.report),
        Format::Markdown => match catalogue.for_lang(Lang::EN) {
            Ok(labels) => report::write_markdown(&mut std::io::stdout(), &review.report, &title, &labels),
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::from(2);
            }
        },
        Format::Text => {
            let choice = if std::io::stdout().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
            let labels = match catalogue.for_lang(Lang::EN) {
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
        let only = args.edition.as_deref();
        if let Err(e) = redline::build(&review, &catalogue, &project.form, args.redline_lang, only, pdf) {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        eprintln!("wrote {}", pdf.display());
    }
    if review.report.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// git's external diff driver: the semantic diff of one content file, in the context of the
/// working tree's other files. It never makes git stop: when the semantic diff cannot be made
/// (an added or deleted file that leaves a side incomplete, content that does not parse, a
/// folder that is not a programme), it says why in one line and prints git's usual text diff.
pub fn run_driver(args: &DriverArgs) -> ExitCode {
    let old = read_side(&args.old_file);
    let new = read_side(&args.new_file);
    match driver_report(args, old.as_deref(), new.as_deref()) {
        Ok(text) => print!("{text}"),
        Err(error) => {
            let why = match &error {
                Error::Content(d, _) => {
                    let first = d.0.first().map(|d| d.to_string()).unwrap_or_default();
                    format!("the content has {} problem(s), first: {first}", d.0.len())
                }
                other => other.to_string().lines().next().unwrap_or_default().to_string(),
            };
            println!("amif-doc: no semantic diff for {} ({why}); the text diff follows.", args.path.display());
            print!("{}", text_diff(&args.path, old.as_deref().unwrap_or(""), new.as_deref().unwrap_or("")));
        }
    }
    ExitCode::SUCCESS
}

/// A side of the diff: `None` for git's `/dev/null` (the file does not exist on that side).
fn read_side(file: &Path) -> Option<String> {
    if file == Path::new("/dev/null") {
        return None;
    }
    std::fs::read(file).ok().map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// git's own kind of output: a unified diff of the two texts.
fn text_diff(path: &Path, old: &str, new: &str) -> String {
    let shown = path.display().to_string();
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{shown}"), &format!("b/{shown}"))
        .to_string()
}

fn driver_report(args: &DriverArgs, old: Option<&str>, new: Option<&str>) -> Result<String, Error> {
    let project = args.paths.project()?;
    let catalogue = Catalogue::load(&project.form)?;
    let content = &project.content;
    let rel = args.path.strip_prefix(content).unwrap_or(&args.path).to_path_buf();
    // Each side: the working tree's content with this one file as it is on that side.
    let side = |text: Option<&str>| -> Result<tempfile::TempDir, Error> {
        let dir =
            tempfile::Builder::new().prefix("amif-doc-driver-").tempdir().map_err(Error::io("a scratch folder"))?;
        amif_doc::write::copy_tree(content, dir.path())?;
        let target = dir.path().join(&rel);
        match text {
            Some(text) => {
                std::fs::create_dir_all(target.parent().unwrap_or(dir.path()))
                    .map_err(Error::io("a scratch folder"))?;
                std::fs::write(&target, text).map_err(Error::io(rel.display().to_string()))?
            }
            None => {
                let _ = std::fs::remove_file(&target);
            }
        }
        Ok(dir)
    };
    let (old_dir, new_dir) = (side(old)?, side(new)?);
    let old = pipeline::load_and_check_as(old_dir.path(), content, &catalogue, true)?;
    let new = pipeline::load_and_check_as(new_dir.path(), content, &catalogue, true)?;
    let labels = catalogue.for_lang(Lang::EN)?;
    let report = review::compare::compare(&old, &new, &labels);
    let mut out = NoColor::new(Vec::new());
    let title = match (args.old_file == Path::new("/dev/null"), args.new_file == Path::new("/dev/null")) {
        (true, _) => format!("{} (new file)", args.path.display()),
        (_, true) => format!("{} (deleted)", args.path.display()),
        _ => format!("{} ({} → {})", args.path.display(), short(&args.old_hex), short(&args.new_hex)),
    };
    report::write_text(&mut out, &report, &title, &labels).map_err(Error::io("the report"))?;
    Ok(String::from_utf8_lossy(&out.into_inner()).into_owned())
}

fn short(hex: &str) -> &str {
    &hex[..hex.len().min(8)]
}
