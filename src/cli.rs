//! Command-line interface. The doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use amif_doc::lang::Lang;

/// Builds the AMIF 2014-2020 national programme PDFs from the YAML files in `content/`.
#[derive(Debug, Parser)]
#[command(name = "amif-doc", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub build: BuildArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build every edition of the matrix (`content/editions.yaml`) into `out/` (the default command).
    Build(BuildArgs),
    /// Check the content and report every problem, without building anything.
    Check(PathArgs),
    /// List the editions of the matrix (`content/editions.yaml`) and their files.
    Editions(PathArgs),
    /// Put every sentence of the narrative on its own line and tidy whitespace, without
    /// changing what any edition prints.
    Fmt(FmtArgs),
    /// Git external diff driver: `git config diff.amif.command "amif-doc diff-driver"`.
    #[command(hide = true)]
    DiffDriver(DriverArgs),
    /// Compare two revisions of the content: what changed in the programme, not in the YAML.
    /// Exit status: 0 no change, 1 changes, 2 trouble.
    Diff(DiffArgs),
}

#[derive(Debug, Clone, Args)]
pub struct FmtArgs {
    #[command(flatten)]
    pub paths: PathArgs,
    /// Only report the files that need formatting; exit 1 if any.
    #[arg(long)]
    pub check: bool,
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
    pub paths: PathArgs,
}

#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The old revision (any git revision; default HEAD).
    pub old: Option<String>,
    /// The new revision (default: the working tree; `.` also means the working tree).
    pub new: Option<String>,
    #[command(flatten)]
    pub paths: PathArgs,
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

#[derive(Debug, Clone, Args)]
pub struct PathArgs {
    /// The content folder.
    #[arg(long, default_value = "content", global = true)]
    pub content: PathBuf,
    /// The templates folder (typst templates and the label catalogue).
    #[arg(long, default_value = "templates", global = true)]
    pub templates: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub paths: PathArgs,
    /// The fonts folder; no other font is ever used.
    #[arg(long, default_value = "fonts", global = true)]
    pub fonts: PathBuf,
    /// Where the PDFs go.
    #[arg(long, default_value = "out", global = true)]
    pub out: PathBuf,
    /// Build only this edition of the matrix (see `amif-doc editions`).
    #[arg(long, global = true)]
    pub edition: Option<String>,
    /// Build only this language (repeatable): fr, en.
    #[arg(long = "lang", global = true)]
    pub langs: Vec<Lang>,
    /// Also write the generated typst source beside each PDF.
    #[arg(long, global = true)]
    pub keep_typst: bool,
    /// Build even if programme rules fail (not content errors): pages say DRAFT.
    #[arg(long, global = true)]
    pub draft: bool,
}
