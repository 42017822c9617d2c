//! `amif-doc schema`: the JSON Schema of every content file into `content/.schema/`, and the
//! `# yaml-language-server: $schema=…` line at the top of each content file, so editors give
//! completion, hover help and a red underline on an unknown key.

use std::process::ExitCode;

use clap::Args;

use amif_doc::load::schema;

use super::ContentArgs;

#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    #[command(flatten)]
    pub paths: ContentArgs,
    /// Write nothing; exit 1 if a schema or a header line is missing or out of date (for CI).
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: &SchemaArgs) -> ExitCode {
    let content = match args.paths.project() {
        Ok(project) => project.content,
        Err(error) => {
            super::report(&error, "");
            return ExitCode::from(2);
        }
    };
    let plan = match schema::plan(&content) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", content.display());
            return ExitCode::from(2);
        }
    };
    if args.check {
        for p in &plan {
            eprintln!("out of date: {}", p.path.display());
        }
        if plan.is_empty() {
            return ExitCode::SUCCESS;
        }
        eprintln!("error: {} file(s) out of date; `amif-doc schema` writes them", plan.len());
        return ExitCode::FAILURE;
    }
    for p in &plan {
        if let Err(e) = amif_doc::write::atomic(&p.path, p.text.as_bytes()) {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        println!("wrote {}", p.path.display());
    }
    if plan.is_empty() {
        eprintln!("the schemas and headers in {} are up to date", content.display());
    }
    ExitCode::SUCCESS
}
