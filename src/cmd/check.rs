//! `amif-doc check`: every problem of the content at once, errors and warnings together,
//! without writing anything.

use std::process::ExitCode;

use clap::Args;

use amif_doc::diag::{self, Severity};
use amif_doc::pipeline;

use super::ContentArgs;

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub paths: ContentArgs,
    /// Also typeset every edition (with typst's own checks, PDF/UA included), writing nothing.
    #[arg(long)]
    pub typeset: bool,
    /// Print only errors; the exit status says whether there were any.
    #[arg(long, short)]
    pub quiet: bool,
    /// The fonts folder, for `--typeset`.
    #[arg(long, default_value = "fonts")]
    pub fonts: std::path::PathBuf,
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let typeset_with = args.typeset.then_some(args.fonts.as_path());
    match pipeline::check(&args.paths.content, &args.paths.templates, typeset_with) {
        Ok(mut diagnostics) => {
            if args.quiet {
                diagnostics.retain(|d| d.severity == Severity::Error);
            }
            diag::emit(&diagnostics, &pipeline::root_of(&args.paths.content));
            let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = diagnostics.len() - errors;
            // A programme being written: say how much is left, not only how many warnings.
            let to_fill = diagnostics.iter().filter(|d| d.code == "text-empty").count();
            let left = if to_fill > 0 { format!(" ({to_fill} text(s) still to fill)") } else { String::new() };
            if errors == 0 {
                if !args.quiet {
                    eprintln!("content is valid: {warnings} warning(s){left}, no error");
                }
                ExitCode::SUCCESS
            } else {
                let and_warnings = if warnings > 0 { format!(" and {warnings} warning(s)") } else { String::new() };
                eprintln!("error: the content has {errors} problem(s){and_warnings}");
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            super::report(&error, "");
            ExitCode::FAILURE
        }
    }
}
