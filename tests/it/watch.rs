//! `amif-doc watch` driven as an editor's user would: the binary runs, files are saved the way
//! editors save them (a temporary file renamed over the original), and the PDF is read.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::common::*;

/// The watcher's stderr, line by line, from a reader thread.
struct Watch {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Watch {
    fn start(dir: &Path) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_amif-doc"))
            .current_dir(dir)
            .args(["watch", "--fonts", repo().join("fonts").to_str().unwrap()])
            .args(["--edition", "programme", "--lang", "en"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watch { child, lines, seen: vec![] }
    }

    /// Waits for a line starting with `prefix` (a debug build typesets in seconds). A rebuild
    /// that wrote nothing (a late event of the same save) is skipped: callers wait for the
    /// rebuild their save caused.
    fn until(&mut self, prefix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(120);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.starts_with(prefix) && !line.contains(": 0 written") {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no `{prefix}` line from amif-doc watch; its stderr:\n{}", self.seen.join("\n"));
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Saves as vim, VS Code's safe write and JetBrains do: a new file renamed over the old one.
fn rename_save(file: &Path, text: &str) {
    let tmp = file.with_extension("yaml.amif-test-tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, file).unwrap();
}

#[cfg(unix)] // Ctrl-C is sent with kill -INT
#[test]
fn watch_rebuilds_on_save_keeps_the_last_good_pdf_and_stops_on_ctrl_c() {
    let dir = scratch("watch");
    let content = copy_content(&dir);
    amif_doc::write::copy_tree(&repo().join("templates"), &dir.join("templates")).unwrap();
    let pdf = dir.join("out/programme-en.pdf");
    let summary = content.join("summary.yaml");
    let good = std::fs::read_to_string(&summary).unwrap();

    let mut watch = Watch::start(&dir);
    assert!(watch.until("built in ").contains("1 written"));
    watch.until("watching ");
    assert!(pdf_text(&pdf).contains("Under the AMIF, Belgium (BE) intends"));

    // A one-sentence edit, rename-saved: rebuilt, the new text in the PDF.
    let edited = good.replacen("Under the AMIF, Belgium (BE)", "Under the AMIF, as watched, Belgium (BE)", 1);
    rename_save(&summary, &edited);
    assert!(watch.until("rebuilt in ").contains(": 1 written"));
    assert!(watch.seen.iter().any(|l| l == "changed: content/summary.yaml"), "{}", watch.seen.join("\n"));
    assert!(pdf_text(&pdf).contains("as watched, Belgium"), "{}", pdf_text(&pdf));
    let last_good = std::fs::read(&pdf).unwrap();

    // Broken YAML: the error with its place, and the last PDF left as it was.
    rename_save(&summary, &format!("{edited}oops: [\n"));
    let error = watch.until("error: the content has 1 problem(s)");
    assert!(error.ends_with("the last good PDFs are kept"), "{error}");
    assert!(watch.seen.iter().any(|l| l.contains("content/summary.yaml:")), "{}", watch.seen.join("\n"));
    assert_eq!(std::fs::read(&pdf).unwrap(), last_good);

    // Fixed: rebuilt again.
    rename_save(&summary, &good.replacen("Under the AMIF, Belgium", "Under the AMIF, fixed, Belgium", 1));
    assert!(watch.until("rebuilt in ").contains(": 1 written"));
    assert!(pdf_text(&pdf).contains("fixed, Belgium"));

    // Ctrl-C: a normal exit.
    let pid = watch.child.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let status = watch.child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{}", watch.seen.join("\n"));
}
