//! The commands, one module each (as typst-cli and mdBook do): each declares its own flags and
//! runs the pipeline stages it needs. Doc comments on the argument structs are the `--help` text.

pub mod build;
pub mod check;
pub mod diff;
pub mod editions;
pub mod fmt;
pub mod i18n;
pub mod new;
pub mod schema;
pub mod watch;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use amif_doc::diag;
use amif_doc::form::Form;
use amif_doc::pipeline::Error;

/// Builds the AMIF 2014-2020 national programme PDFs from the YAML files in `content/`.
#[derive(Debug, Parser)]
#[command(name = "amif-doc", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Without a command, amif-doc builds (the flags of `build`).
    #[command(flatten)]
    pub build: build::BuildArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build every edition of the matrix (`content/editions.yaml`) into `out/` (the default command).
    Build(build::BuildArgs),
    /// Build, then rebuild on every save in content/, templates/ and fonts/; a failed rebuild
    /// keeps the last good PDFs. Ctrl-C stops.
    Watch(build::BuildArgs),
    /// Check the content and report every problem, without building anything.
    Check(check::CheckArgs),
    /// List the editions of the matrix (`content/editions.yaml`) and their files.
    Editions(ContentArgs),
    /// Put every sentence of the narrative on its own line and tidy whitespace, without
    /// changing what any edition prints.
    Fmt(fmt::FmtArgs),
    /// Compare two revisions of the content: what changed in the programme, not in the YAML.
    /// Exit status: 0 no change, 1 changes, 2 trouble.
    Diff(diff::DiffArgs),
    /// Translations: `i18n update` brings the PO files up to date, `i18n status` reports.
    I18n(i18n::I18nArgs),
    /// Start a new programme: DIR/content with every section of the form, empty texts and
    /// zero amounts, and comments saying what goes where.
    New(new::NewArgs),
    /// Write the JSON Schema of every content file to content/.schema/ and point each file at
    /// its schema, for completion and hover help in editors (VS Code, Neovim, Helix).
    Schema(schema::SchemaArgs),
    /// Print shell completions: `amif-doc completions bash > /etc/bash_completion.d/amif-doc`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Git external diff driver: `git config diff.amif.command "amif-doc diff-driver"`.
    #[command(hide = true)]
    DiffDriver(diff::DriverArgs),
}

/// Where the content and the project's form are: the inputs of every command.
#[derive(Debug, Clone, Args)]
pub struct ContentArgs {
    /// The content folder.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// The project's templates: each file here (typst templates, labels.yaml, new/) replaces
    /// the built-in one at the same place; without the folder, the built-in form is used.
    #[arg(long, default_value = "templates")]
    pub templates: PathBuf,
    /// The project's fonts: each font here replaces the built-in one of the same file name or
    /// is added; no other font is ever used.
    #[arg(long, default_value = "fonts")]
    pub fonts: PathBuf,
}

impl ContentArgs {
    /// The built-in form with the project's templates and fonts over it.
    pub fn form(&self) -> Form {
        Form::with_project(&self.templates, &self.fonts)
    }
}

/// Prints an error the way every command does: content problems as diagnostics with their
/// source lines, anything else as one `error:` line.
pub fn report(error: &Error, outcome: &str) {
    match error {
        Error::Content(diagnostics, files) => {
            diag::emit(&diagnostics.0, &files.root);
            let errors = diagnostics.0.iter().filter(|d| d.severity == diag::Severity::Error).count();
            eprintln!("error: the content has {errors} problem(s){outcome}");
        }
        other => eprintln!("error: {other}"),
    }
}
