//! `amif-doc diff` (two revisions of the content compared, as text or JSON, with an optional
//! redline PDF) and `amif-doc diff-driver` (the same report for one file, as git's external
//! diff driver).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use amif_doc::i18n::{Catalogue, Lang};
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

/// git's external diff driver: the changes of one content file, by what its two versions say
/// themselves (texts, inputs, translation entries). git gives the driver that one file, not
/// the revision's others, so it never pairs a version with other files: no totals, no
/// translation states, no validation, and a last line that says where they are (`amif-doc
/// log`). It never makes git stop: a version that does not parse is said in one line, then
/// git's usual text diff follows.
pub fn run_driver(args: &DriverArgs) -> ExitCode {
    let old = read_side(&args.old_file);
    let new = read_side(&args.new_file);
    let path = args.path.display().to_string();
    let title = match (&old, &new) {
        (None, _) => format!("{path} (new file)"),
        (_, None) => format!("{path} (deleted)"),
        _ => format!("{path} ({} → {})", short(&args.old_hex), short(&args.new_hex)),
    };
    match review::onefile::changes(&path, old.as_deref(), new.as_deref()) {
        Ok(lines) => {
            println!("{title}: this file's own values");
            if lines.is_empty() {
                println!("  no value changed (comments, order of keys or layout only)");
            }
            for line in lines {
                println!("  {line}");
            }
            println!(
                "amif-doc: totals, translation states and validation depend on the revision's other files; `amif-doc log` compares whole revisions"
            );
        }
        Err(why) => {
            println!("amif-doc: no semantic diff for {path} ({why}); the text diff follows.");
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

fn short(hex: &str) -> &str {
    &hex[..hex.len().min(8)]
}
