//! `amif-doc fmt`: formats the content files in place, or with `--check` lists those that
//! need it (exit 1).

use std::process::ExitCode;

use clap::Args;

use super::ContentArgs;

#[derive(Debug, Clone, Args)]
pub struct FmtArgs {
    #[command(flatten)]
    pub paths: ContentArgs,
    /// Only report the files that need formatting; exit 1 if any.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: &FmtArgs) -> ExitCode {
    match args.paths.project().and_then(|p| amif_doc::fmt::run(&p.content, &p.form, !args.check)) {
        Ok(outcome) if args.check => {
            for path in &outcome.changed {
                println!("would format {}", path.display());
            }
            if outcome.changed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
        }
        Ok(outcome) => {
            for path in &outcome.changed {
                println!("formatted {}", path.display());
            }
            eprintln!("{} file(s) formatted; every edition prints exactly as before", outcome.changed.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            super::report(&error, "");
            ExitCode::from(2)
        }
    }
}
