//! `amif-doc migrate`: upgrades the content to the current format in place, or with `--check`
//! says whether it needs it (exit 1).

use std::process::ExitCode;

use clap::Args;

use super::ContentArgs;

#[derive(Debug, Clone, Args)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub paths: ContentArgs,
    /// Only say what would be upgraded; exit 1 if anything would.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: &MigrateArgs) -> ExitCode {
    let current = amif_doc::load::migrate::CURRENT;
    match args.paths.project().and_then(|p| amif_doc::fmt::migrate::migrate(&p.content, &p.form, !args.check)) {
        Ok(None) => {
            eprintln!("the content is format {current}: nothing to upgrade");
            ExitCode::SUCCESS
        }
        Ok(Some(m)) => {
            let verb = if args.check { "would write" } else { "wrote" };
            for file in &m.files {
                println!("{verb} {}", file.display());
            }
            for step in &m.steps {
                eprintln!("  format {step}");
            }
            for f in &m.filled {
                eprintln!("  filled in {}: {}", f.file, f.message);
            }
            if args.check {
                eprintln!("the content is format {}: `amif-doc migrate` upgrades it to format {current}", m.from);
                ExitCode::from(1)
            } else {
                eprintln!(
                    "upgraded the content from format {} to {current}; every edition prints exactly as before",
                    m.from
                );
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            super::report(&error, "");
            ExitCode::from(2)
        }
    }
}
