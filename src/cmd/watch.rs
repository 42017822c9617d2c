//! `amif-doc watch`: build, then rebuild on every save, as typst's own watcher does.
//!
//! The folders are watched (not the files), so editors that save by writing a temporary file
//! and renaming it over the original (vim, VS Code, JetBrains' safe write) are seen like any
//! other save. Events are batched: a rebuild starts once the folders have been quiet for
//! 100 ms, or 500 ms after the first event at the latest. One [`Session`] lives for the whole
//! watch, so typst's caches survive between rebuilds and an edition whose source did not
//! change is neither typeset nor written again. A failed rebuild prints its diagnostics and
//! writes nothing: the last good PDFs stay where viewers that reload on change show them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use amif_doc::pipeline::Error;
use amif_doc::session::Session;

use super::build::{self, BuildArgs};

/// What wakes the watcher up.
enum Wake {
    Files(notify::Result<notify::Event>),
    Stop,
}

/// Quiet time that ends a batch of events, and the longest a batch may last.
const QUIET: Duration = Duration::from_millis(100);
const LONGEST: Duration = Duration::from_millis(500);

pub fn run(args: &BuildArgs) -> ExitCode {
    match watch(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::report(&error, "");
            super::exit_code(&error)
        }
    }
}

fn watch(args: &BuildArgs) -> Result<(), Error> {
    let opts = build::options(args)?;
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    // Ctrl-C (and SIGTERM) end the watch normally: exit status 0, no half-written file.
    ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    })
    .map_err(|e| Error::Watch(format!("cannot catch Ctrl-C: {e}")))?;

    // Armed before the first build, so a save during it is not missed.
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(Wake::Files(event));
    })
    .map_err(|e| Error::Watch(e.to_string()))?;
    // The content, and the project's templates and fonts where it has them.
    let folders: Vec<&Path> = [Some(opts.content.as_path()), opts.form.project_templates(), opts.form.project_fonts()]
        .into_iter()
        .flatten()
        .collect();
    for folder in &folders {
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|e| Error::Watch(format!("{}: {e}", folder.display())))?;
    }
    let mut session = Session::new(opts.clone())?;
    let mut shown = Vec::new();
    round(&mut session, args, &[], &mut shown);
    let names: Vec<String> = folders.iter().map(|f| format!("{}/", f.display())).collect();
    eprintln!("watching {} (Ctrl-C to stop)", names.join(", "));

    loop {
        let mut changed = match rx.recv() {
            Ok(Wake::Stop) | Err(_) => return Ok(()),
            Ok(Wake::Files(event)) => relevant(event, &opts.out),
        };
        if changed.is_empty() {
            continue;
        }
        // Batch what follows: editors save in several steps (write, rename, chmod).
        let first = Instant::now();
        loop {
            let left = LONGEST.saturating_sub(first.elapsed());
            if left.is_zero() {
                break;
            }
            match rx.recv_timeout(QUIET.min(left)) {
                Ok(Wake::Files(event)) => changed.extend(relevant(event, &opts.out)),
                Ok(Wake::Stop) => return Ok(()),
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
        changed.sort();
        changed.dedup();
        if let Some(fonts) = opts.form.project_fonts()
            && changed.iter().any(|p| p.starts_with(fonts))
            && let Err(error) = session.reload_fonts()
        {
            super::report(&error, "; the last good PDFs are kept");
            continue;
        }
        round(&mut session, args, &changed, &mut shown);
    }
}

/// One rebuild, reported: what was written, or every error (nothing written). Warnings are
/// printed when they first appear, not again at every save (`shown` holds the last round's).
fn round(session: &mut Session, args: &BuildArgs, changed: &[PathBuf], shown: &mut Vec<String>) {
    let started = Instant::now();
    if !changed.is_empty() && !args.quiet {
        // Paths as the user would type them: relative to the working folder when inside it.
        let here = std::env::current_dir().unwrap_or_default();
        let names: Vec<String> =
            changed.iter().map(|p| p.strip_prefix(&here).unwrap_or(p).display().to_string()).collect();
        eprintln!("changed: {}", names.join(", "));
    }
    match session.rebuild(&build::progress(args.quiet)) {
        Ok(round) => {
            let warnings: Vec<String> = round.warnings.iter().map(ToString::to_string).collect();
            if !args.quiet {
                for output in &round.outputs {
                    println!("wrote {} ({} pages)", output.path.display(), output.pages);
                }
                for w in warnings.iter().filter(|w| !shown.contains(w)) {
                    eprintln!("{w}");
                }
                eprintln!(
                    "{} in {} ms: {} written, {} unchanged; {} warning(s)",
                    if changed.is_empty() { "built" } else { "rebuilt" },
                    started.elapsed().as_millis(),
                    round.outputs.len(),
                    round.unchanged,
                    warnings.len()
                );
            }
            *shown = warnings;
        }
        Err(error) => super::report(&error, "; the last good PDFs are kept"),
    }
}

/// The files of an event that can change an edition: content, translations, templates and
/// fonts. Reads (typst and amif-doc open files too), editors' swap and backup files and the
/// outputs themselves are not.
fn relevant(event: notify::Result<notify::Event>, out: &Path) -> Vec<PathBuf> {
    let event = match event {
        Ok(event) => event,
        Err(error) => {
            eprintln!("warning: watching: {error}");
            return vec![];
        }
    };
    if matches!(event.kind, EventKind::Access(_) | EventKind::Other) {
        return vec![];
    }
    event
        .paths
        .into_iter()
        .filter(|p| !p.starts_with(out))
        .filter(|p| {
            let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            !hidden && matches!(ext, "yaml" | "yml" | "po" | "typ" | "ttf" | "otf" | "TTF" | "OTF")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, ModifyKind, RenameMode};

    fn event(kind: EventKind, path: &str) -> notify::Result<notify::Event> {
        Ok(notify::Event::new(kind).add_path(PathBuf::from(path)))
    }

    #[test]
    fn saves_count_and_reads_swap_files_and_outputs_do_not() {
        let out = Path::new("out");
        let save = |kind, path| relevant(event(kind, path), out);
        assert_eq!(save(EventKind::Modify(ModifyKind::Name(RenameMode::To)), "content/summary.yaml").len(), 1);
        assert_eq!(save(EventKind::Create(CreateKind::File), "content/translations/fr.po").len(), 1);
        assert_eq!(save(EventKind::Modify(ModifyKind::Any), "templates/programme.typ").len(), 1);
        assert!(save(EventKind::Access(AccessKind::Any), "content/summary.yaml").is_empty());
        assert!(save(EventKind::Create(CreateKind::File), "content/.summary.yaml.swp").is_empty());
        assert!(save(EventKind::Create(CreateKind::File), "content/4913").is_empty());
        assert!(save(EventKind::Create(CreateKind::File), "content/summary.yaml~").is_empty());
        assert!(save(EventKind::Create(CreateKind::File), "out/programme-fr.pdf").is_empty());
        assert!(save(EventKind::Create(CreateKind::File), "out/x.yaml").is_empty());
    }
}
