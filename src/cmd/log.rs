//! `amif-doc log`: the semantic history of the programme, commit by commit (newest first),
//! each commit compared with its own parent as `diff` compares two revisions.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};

use amif_doc::i18n::{Catalogue, Lang};
use amif_doc::pipeline::Error;
use amif_doc::review::history::{self, Commit, Entry};
use amif_doc::review::report;

use super::ContentArgs;
use super::diff::Format;

#[derive(Debug, Clone, Args)]
pub struct LogArgs {
    /// The commits to show, as git names them (`v1.0..HEAD`, `HEAD~5..`); default HEAD and
    /// everything before it.
    pub range: Option<String>,
    /// Only commits that touch these paths (default: the content folder).
    #[arg(last = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub content: ContentArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Leave out the commits that change no fact of the programme.
    #[arg(long)]
    pub quiet_empty: bool,
}

pub fn run(args: &LogArgs) -> ExitCode {
    match log(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::report(&error, "");
            ExitCode::from(2)
        }
    }
}

fn log(args: &LogArgs) -> Result<(), Error> {
    let project = args.content.project()?;
    let catalogue = Catalogue::load(&project.form)?;
    let labels = catalogue.for_lang(Lang::EN)?;
    let range = args.range.as_deref().unwrap_or("HEAD");
    let commits = history::commits(&project.content, range, &args.paths)?;
    let choice = if std::io::stdout().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let mut out = StandardStream::stdout(choice);
    let mut json: Vec<serde_json::Value> = vec![];
    let quiet = args.quiet_empty;
    history::walk(&project.content, &commits, &catalogue, |commit, entry| {
        let empty = matches!(&entry, Entry::Changes(r) if r.is_empty());
        if quiet && empty {
            return Ok(());
        }
        let title = format!("{} → {}", commit.parent.as_deref().map_or("–", |p| &p[..p.len().min(7)]), commit.short);
        match args.format {
            Format::Json => json.push(as_json(commit, &entry)),
            Format::Markdown => {
                writeln!(out, "### `{}` {} ({}, {})\n", commit.short, commit.subject, commit.date, commit.author)?;
                match &entry {
                    Entry::Changes(r) if !r.is_empty() => report::write_markdown(&mut out, r, &title, &labels)?,
                    other => writeln!(out, "{}\n", one_line(other))?,
                }
            }
            Format::Text => {
                out.set_color(codespan_reporting::term::termcolor::ColorSpec::new().set_bold(true))?;
                write!(out, "commit {}", commit.short)?;
                out.reset()?;
                writeln!(out, "  {}  {}\n    {}", commit.date, commit.author, commit.subject)?;
                match &entry {
                    Entry::Changes(r) if !r.is_empty() => {
                        writeln!(out)?;
                        report::write_text(&mut out, r, &title, &labels)?;
                    }
                    other => writeln!(out, "    {}", one_line(other))?,
                }
                writeln!(out)?;
            }
        }
        Ok(())
    })?;
    if args.format == Format::Json {
        serde_json::to_writer_pretty(&mut out, &json).map_err(|e| Error::io("the log")(e.into()))?;
        writeln!(out).map_err(Error::io("the log"))?;
    }
    Ok(())
}

/// An entry without a report, in one line.
fn one_line(entry: &Entry) -> String {
    match entry {
        Entry::Changes(_) => "no change to the programme (comments, layout or files it does not read)".into(),
        Entry::First => "the first version of the content: nothing before it to compare with".into(),
        Entry::Unreadable(why) => format!("not compared: {why}"),
    }
}

fn as_json(commit: &Commit, entry: &Entry) -> serde_json::Value {
    let report = match entry {
        Entry::Changes(r) => serde_json::to_value(r).unwrap_or_default(),
        _ => serde_json::Value::Null,
    };
    let note = match entry {
        Entry::Changes(r) if !r.is_empty() => serde_json::Value::Null,
        other => one_line(other).into(),
    };
    serde_json::json!({
        "commit": commit.hash,
        "short": commit.short,
        "parent": commit.parent,
        "author": commit.author,
        "date": commit.date,
        "subject": commit.subject,
        "report": report,
        "note": note,
    })
}
