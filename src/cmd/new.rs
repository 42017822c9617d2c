//! `amif-doc new DIR --member-state CODE`: a repository a programme team can start from:
//! `content/` with every section of the form (empty texts, zero amounts, what the flags say
//! filled in), a README for the team, `.gitattributes` for the diff driver, `.gitignore` for
//! `out/`, a CI recipe if asked, and a first commit; ready for `check` (which lists what is
//! still to fill) and `build --draft`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use amif_doc::form::Form;
use amif_doc::i18n::Lang;
use amif_doc::scaffold::{self, Ci, FirstCommit, NewProgramme};

#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The folder to create (new, or empty); the content goes into DIR/content.
    pub dir: PathBuf,
    /// The Member State's code, as in the CCI (NL, DE, EL, ...).
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
    /// Also write the merge request review recipe: `.gitlab-ci.yml` or
    /// `.github/workflows/review.yml`.
    #[arg(long, value_enum)]
    pub ci: Option<CiArg>,
    /// Make no git repository and no first commit (there is none either when DIR is already
    /// inside a repository).
    #[arg(long)]
    pub no_git: bool,
    /// A templates folder whose `new/` and `project/` files replace the built-in ones.
    #[arg(long)]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CiArg {
    Gitlab,
    Github,
}

pub fn run(args: &NewArgs) -> ExitCode {
    let new = NewProgramme {
        member_state: args.member_state.clone(),
        first_year: args.first_year,
        last_year: args.last_year,
        source_language: args.source_language,
        ci: args.ci.map(|c| match c {
            CiArg::Gitlab => Ci::Gitlab,
            CiArg::Github => Ci::Github,
        }),
    };
    let form = match &args.templates {
        Some(templates) => Form::with_project(templates, Path::new("")),
        None => Form::built_in(),
    };
    // Decided before writing: once the files are there, DIR is inside its own repository.
    let in_repository = scaffold::inside_git(&args.dir);
    let files = match scaffold::create(&form, &args.dir, &new) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("error: {error}; nothing was written");
            return ExitCode::FAILURE;
        }
    };
    println!("wrote {} files into {}", files.len(), args.dir.display());
    if args.no_git {
        println!("no git repository made (--no-git)");
    } else if in_repository {
        println!("{} is inside a git repository: nothing committed", args.dir.display());
    } else {
        match scaffold::first_commit(&args.dir) {
            Ok(FirstCommit::Made) => println!("made a git repository with a first commit"),
            Ok(FirstCommit::NoGit) => println!("git is not installed here: no repository made"),
            Ok(FirstCommit::MadeByAmifDoc) => println!(
                "made a git repository with a first commit by `amif-doc` (git knows no user here: \
                 set git config user.name and user.email for yours)"
            ),
            Err(error) => {
                eprintln!("error: {error}; the files are written, the repository is not");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("next: cd {}", args.dir.display());
    println!("      amif-doc check           (lists what is still to fill)");
    println!("      amif-doc build --draft   (the PDFs go to out/)");
    ExitCode::SUCCESS
}
