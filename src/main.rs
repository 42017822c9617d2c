//! amif-doc's entry point: parse the command line and hand it to its command (`src/cmd/`).

mod cmd;

use std::process::ExitCode;

use clap::Parser;

use cmd::{Cli, Command};

fn main() -> ExitCode {
    // `amif-doc i18n status | head -1`: a closed pipe ends the program as it ends any Unix
    // tool (SIGPIPE), instead of a panic in println!.
    sigpipe::reset();
    // `COMPLETE=bash amif-doc …`: the shell asking for completions (see `completions`).
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).bin("amif-doc").complete();
    let cli = Cli::parse();
    match cli.command {
        None => cmd::build::run(&cli.build),
        Some(Command::Build(args)) => cmd::build::run(&args),
        Some(Command::Watch(args)) => cmd::watch::run(&args),
        Some(Command::Schema(args)) => cmd::schema::run(&args),
        Some(Command::New(args)) => cmd::new::run(&args),
        Some(Command::Check(args)) => cmd::check::run(&args),
        Some(Command::Editions(args)) => cmd::editions::run(&args),
        Some(Command::Fmt(args)) => cmd::fmt::run(&args),
        Some(Command::Migrate(args)) => cmd::migrate::run(&args),
        Some(Command::Log(args)) => cmd::log::run(&args),
        Some(Command::Diff(args)) => cmd::diff::run(&args),
        Some(Command::DiffDriver(args)) => cmd::diff::run_driver(&args),
        Some(Command::I18n(args)) => cmd::i18n::run(&args),
        Some(Command::Completions { shell }) => cmd::complete::registration(shell),
    }
}
