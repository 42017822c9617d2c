//! `amif-doc check`: every problem of the content at once, errors and warnings together,
//! without writing anything.

use std::process::ExitCode;

use clap::Args;

use amif_doc::diag::{self, Severity};
use amif_doc::form::Form;
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
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let result = args.paths.project().and_then(|project| {
        let diagnostics = pipeline::check(&project.content, &project.form, args.typeset)?;
        Ok((diagnostics, project.form))
    });
    match result {
        Ok((mut diagnostics, form)) => {
            if args.quiet {
                diagnostics.retain(|d| d.severity == Severity::Error);
            } else if let Some(line) = overrides(&form) {
                eprintln!("{line}");
            }
            diag::emit(&diagnostics);
            let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
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
            super::exit_code(&error)
        }
    }
}

/// The one line that says which of the project's files change the built-in form, if any do.
fn overrides(form: &Form) -> Option<String> {
    let paths = match form.overrides() {
        Ok(paths) => paths,
        Err(error) => return Some(format!("form: {error}")),
    };
    // The project's limits add to the built-in ones; every other file replaces its own.
    let (limits, files): (Vec<_>, Vec<_>) = paths.iter().partition(|p| p.ends_with("limits.yaml"));
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let mut said = match names.as_slice() {
        [] => Vec::new(),
        [one] => vec![format!("the project's own {one} replaces the built-in one")],
        many => vec![format!("the project's own {} replace or add to the built-in ones", many.join(", "))],
    };
    said.extend(limits.iter().map(|p| format!("the limits of {} add to the built-in ones", p.display())));
    (!said.is_empty()).then(|| format!("form: {}", said.join("; ")))
}
