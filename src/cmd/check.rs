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
}

pub fn run(args: &CheckArgs) -> ExitCode {
    match pipeline::check(&args.paths.content, &args.paths.templates) {
        Ok(diagnostics) => {
            diag::emit(&diagnostics, &pipeline::root_of(&args.paths.content));
            let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = diagnostics.len() - errors;
            if errors == 0 {
                eprintln!("content is valid: {warnings} warning(s), no error");
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
