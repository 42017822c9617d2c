//! The commands, one module each (as typst-cli and mdBook do): each declares its own flags and
//! runs the pipeline stages it needs. Doc comments on the argument structs are the `--help` text.

pub mod build;
pub mod check;
pub mod complete;
pub mod diff;
pub mod editions;
pub mod fmt;
pub mod i18n;
pub mod log;
pub mod migrate;
pub mod new;
pub mod schema;
pub mod watch;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use amif_doc::diag;
use amif_doc::form::Form;
use amif_doc::pipeline::Error;
use amif_doc::project;

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
    /// Upgrade content written for an older amif-doc to the current content format, in
    /// place, without changing what any edition prints; `--check` only says whether it is old.
    Migrate(migrate::MigrateArgs),
    /// Compare two revisions of the content: what changed in the programme, not in the YAML.
    /// Exit status: 0 no change, 1 changes, 2 trouble.
    Diff(diff::DiffArgs),
    /// The semantic history: each commit that touched the content compared with its parent as
    /// `diff` compares two revisions, newest first (`amif-doc log v1.0..HEAD -- content/financing.yaml`).
    Log(log::LogArgs),
    /// Translations: `i18n update` brings the PO files up to date, `i18n status` reports.
    I18n(i18n::I18nArgs),
    /// Start a new programme: DIR/content with every section of the form, empty texts and
    /// zero amounts, and comments saying what goes where.
    New(new::NewArgs),
    /// Write the JSON Schema of every content file to content/.schema/ and point each file at
    /// its schema, for completion and hover help in editors (VS Code, Neovim, Helix).
    Schema(schema::SchemaArgs),
    /// Print the shell's completion hook; with `source <(amif-doc completions bash)` in
    /// ~/.bashrc, commands, flags, edition names and languages complete from the project the
    /// shell stands in.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Git external diff driver: `git config diff.amif.command "amif-doc diff-driver"`.
    #[command(hide = true)]
    DiffDriver(diff::DriverArgs),
}

/// Where the content and the project's form are: the inputs of every command. Without
/// `--content`, the project is the nearest folder at or above the current one that holds
/// `content/programme.yaml`.
#[derive(Debug, Clone, Args)]
pub struct ContentArgs {
    /// The content folder [default: the project's content/]; its project is the folder above.
    #[arg(long)]
    pub content: Option<PathBuf>,
    /// Templates that replace the built-in ones file by file (typst templates, labels.yaml,
    /// new/) [default: the project's templates/, if it has one].
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Fonts that replace the built-in ones of the same file name, or are added; no other font
    /// is ever used [default: the project's fonts/, if it has one].
    #[arg(long)]
    pub fonts: Option<PathBuf>,
}

/// The folders a command works on, as paths from the current directory.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project's folder (`` when it is the current one, `../..` from `content/objectives`).
    pub root: PathBuf,
    pub content: PathBuf,
    /// The built-in form with the project's templates and fonts over it.
    pub form: Form,
}

impl ContentArgs {
    /// Finds the project (or takes the folders named on the command line).
    pub fn project(&self) -> Result<Project, Error> {
        // Each folder as the shortest path from here (`..` for content/ from content/objectives).
        let (root, inside): (PathBuf, fn(&Path, &str) -> PathBuf) = match &self.content {
            Some(content) => (content.parent().map(Path::to_path_buf).unwrap_or_default(), |r, f| r.join(f)),
            None => {
                let here = std::env::current_dir().map_err(Error::io("the current folder"))?;
                (project::find_root(&here).ok_or(Error::NoProject(here))?, |r, f| project::shown(&r.join(f)))
            }
        };
        for (flag, given) in [("--templates", &self.templates), ("--fonts", &self.fonts)] {
            if let Some(path) = given.as_ref().filter(|p| !p.is_dir()) {
                return Err(Error::NoFolder { flag, path: path.clone() });
            }
        }
        let templates = self.templates.clone().unwrap_or_else(|| inside(&root, "templates"));
        let fonts = self.fonts.clone().unwrap_or_else(|| inside(&root, "fonts"));
        let content = self.content.clone().unwrap_or_else(|| inside(&root, "content"));
        Ok(Project { form: Form::with_project(&templates, &fonts), content, root: inside(&root, "") })
    }
}

/// The exit status of a failed command: 2 for a wrong command line, 1 for anything else.
pub fn exit_code(error: &Error) -> ExitCode {
    if error.is_usage() { ExitCode::from(2) } else { ExitCode::FAILURE }
}

/// Prints an error the way every command does: content problems as diagnostics with their
/// source lines, anything else as one `error:` line.
pub fn report(error: &Error, outcome: &str) {
    match error {
        Error::Content(diagnostics, _) => {
            diag::emit(&diagnostics.0);
            let errors = diagnostics.0.iter().filter(|d| d.severity == diag::Severity::Error).count();
            eprintln!("error: the content has {errors} problem(s){outcome}");
        }
        other => eprintln!("error: {other}"),
    }
}
