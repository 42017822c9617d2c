//! `amif-doc new DIR --member-state CODE`: a content folder for a new programme, every section
//! of the form with empty texts and zero amounts, ready for `check` (which lists what is still
//! to fill) and `build --draft`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use amif_doc::form::Form;
use amif_doc::i18n::Lang;
use amif_doc::scaffold::{self, NewProgramme};

#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The folder to create; the content goes into DIR/content.
    pub dir: PathBuf,
    /// The Member State's ISO 3166 code, as in the CCI (NL, DE, EL, ...).
    #[arg(long)]
    pub member_state: String,
    /// The first year of the programming period.
    #[arg(long, default_value_t = 2014)]
    pub first_year: i32,
    /// The last year of the programming period.
    #[arg(long, default_value_t = 2020)]
    pub last_year: i32,
    /// The language the texts are written in.
    #[arg(long, default_value = "en")]
    pub source_language: Lang,
    /// A templates folder whose `new/` files replace those of the built-in skeleton.
    #[arg(long)]
    pub templates: Option<PathBuf>,
}

pub fn run(args: &NewArgs) -> ExitCode {
    let new = NewProgramme {
        member_state: args.member_state.clone(),
        first_year: args.first_year,
        last_year: args.last_year,
        source_language: args.source_language,
    };
    let content = args.dir.join("content");
    let form = match &args.templates {
        Some(templates) => Form::with_project(templates, Path::new("")),
        None => Form::built_in(),
    };
    match scaffold::create(&form, &content, &new) {
        Ok(files) => {
            println!("wrote {} files into {}", files.len(), content.display());
            println!("next: cd {}", args.dir.display());
            println!("      amif-doc check           (lists what is still to fill)");
            println!("      amif-doc build --draft   (the PDFs go to out/)");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}; nothing was written");
            ExitCode::FAILURE
        }
    }
}
