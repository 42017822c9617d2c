//! `amif-doc editions`: the edition matrix and the file each edition writes.

use std::process::ExitCode;

use amif_doc::i18n::Catalogue;
use amif_doc::pipeline::{self, Error};

use super::ContentArgs;

pub fn run(args: &ContentArgs) -> ExitCode {
    match list(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::report(&error, "");
            super::exit_code(&error)
        }
    }
}

fn list(args: &ContentArgs) -> Result<(), Error> {
    let project = args.project()?;
    let catalogue = Catalogue::load(&project.form)?;
    let checked = pipeline::load_and_check_with(&project.content, &catalogue, true)?;
    // Every file a build writes, bilingual ones included, by edition.
    let all = pipeline::select_editions(&checked.programme.editions, None, &[])?;
    for e in &checked.programme.editions {
        let scope = e.scope.as_ref().map_or("whole programme", |s| s.id());
        let objectives = e.objectives.as_ref().map_or("all objectives".to_string(), |o| o.join(", "));
        let files: Vec<String> =
            all.iter().filter(|x| x.spec.name == e.name).map(|x| format!("{}.pdf", x.file_stem())).collect();
        println!("{:<22} {:<16} {:<16} {}", e.name, scope, objectives, files.join(" "));
    }
    Ok(())
}
