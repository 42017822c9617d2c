//! Shell completion that knows the project: the values of `--edition` and `--lang` are the
//! edition names and the languages and pairs of the edition matrix of the project the shell
//! stands in (clap_complete's dynamic completer: the shell asks the binary at each TAB).

use clap_complete::engine::CompletionCandidate;
use serde::Deserialize;

/// The matrix as completion needs it: names and languages, nothing checked (a programme
/// being edited still completes).
#[derive(Deserialize)]
struct Matrix {
    editions: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    #[serde(default)]
    languages: Vec<String>,
}

fn matrix() -> Vec<Entry> {
    let Some(root) = std::env::current_dir().ok().and_then(|here| amif_doc::project::find_root(&here)) else {
        return Vec::new();
    };
    std::fs::read_to_string(root.join("content/editions.yaml"))
        .ok()
        .and_then(|text| serde_yaml::from_str::<Matrix>(&text).ok())
        .map_or_else(Vec::new, |m| m.editions)
}

/// The edition names of the project's matrix.
pub fn editions() -> Vec<CompletionCandidate> {
    matrix().into_iter().map(|e| CompletionCandidate::new(e.name)).collect()
}

/// Every language and pair of the project's matrix (`fr`, `en`, `fr-en`), once each.
pub fn langs() -> Vec<CompletionCandidate> {
    once_each(matrix().into_iter().flat_map(|e| e.languages))
}

/// Languages alone (`i18n --lang` takes no pair).
pub fn single_langs() -> Vec<CompletionCandidate> {
    once_each(
        matrix()
            .into_iter()
            .flat_map(|e| e.languages)
            .flat_map(|l| l.split('-').map(str::to_string).collect::<Vec<_>>()),
    )
}

/// The values in their first order, each once.
fn once_each(values: impl Iterator<Item = String>) -> Vec<CompletionCandidate> {
    let mut seen: Vec<String> = Vec::new();
    for value in values {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen.into_iter().map(CompletionCandidate::new).collect()
}

/// `amif-doc completions SHELL`: the shell's hook that asks the binary at each TAB, so the
/// values complete from the project the shell stands in (the same script as
/// `COMPLETE=SHELL amif-doc` prints).
pub fn registration(shell: clap_complete::Shell) -> std::process::ExitCode {
    let name = shell.to_string();
    let shells = clap_complete::env::Shells::builtins();
    let Some(completer) = shells.completer(&name) else {
        eprintln!("error: no completion for {name}");
        return std::process::ExitCode::from(2);
    };
    match completer.write_registration("COMPLETE", "amif-doc", "amif-doc", "amif-doc", &mut std::io::stdout()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
