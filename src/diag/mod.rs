//! Diagnostics: every problem found in the content, with file, line, YAML path and hint,
//! printed like rustc/typst diagnostics (codespan-reporting), plain when not on a terminal.

pub mod suggest;

use std::fmt;
use std::path::PathBuf;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

/// How serious a problem is: errors stop the build, warnings are reported and printed, an
/// info line is only said by `check` (a text near its SFC2014 limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Where in the content a problem is: file, 1-based line and column, YAML path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub path: String,
}

/// One problem, with a stable code an editor can look up in the README.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub location: Option<Location>,
    pub hint: Option<String>,
    /// Other places the problem involves (the first of two equal keys), each with what it is.
    pub related: Vec<(Location, String)>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: None,
            hint: None,
            related: vec![],
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Self::error(code, message) }
    }

    pub fn info(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Info, ..Self::error(code, message) }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Located where the content says, if it is known.
    pub fn maybe_at(self, location: Option<Location>) -> Self {
        match location {
            Some(location) => self.at(location),
            None => self,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Points also at `location`, labelled `what` (a secondary label beside the source line).
    pub fn also_at(mut self, location: Location, what: impl Into<String>) -> Self {
        self.related.push((location, what.into()));
        self
    }
}

/// A one-line form for logs and tests:
/// `error[code]: file:line:col: path: message; what: file:line:col (hint: ..)`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        write!(f, "{severity}[{}]: ", self.code)?;
        if let Some(loc) = &self.location {
            write!(f, "{}:{}:{}: ", loc.file.display(), loc.line, loc.column)?;
            if !loc.path.is_empty() {
                write!(f, "{}: ", loc.path)?;
            }
        }
        f.write_str(&self.message)?;
        for (loc, what) in &self.related {
            write!(f, "; {what}: {}:{}:{}", loc.file.display(), loc.line, loc.column)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// A list of diagnostics that stopped a stage.
#[derive(Debug, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Prints diagnostics with their source lines to stderr, coloured on a terminal only; each file
/// is read where its path (relative to the current directory) says.
pub fn emit(diagnostics: &[Diagnostic]) {
    let choice = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    };
    let mut out = termcolor::StandardStream::stderr(choice);
    let _ = write_report(&mut out, diagnostics);
}

fn write_report(
    out: &mut dyn termcolor::WriteColor,
    diagnostics: &[Diagnostic],
) -> Result<(), codespan_reporting::files::Error> {
    let mut files = SimpleFiles::new();
    let mut ids: std::collections::HashMap<PathBuf, usize> = std::collections::HashMap::new();
    let config = term::Config::default();
    for d in diagnostics {
        let mut cs = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Info => CsDiagnostic::note(),
        }
        .with_code(d.code)
        .with_message(&d.message);
        let mut notes = Vec::new();
        // Each file is read once, so labels in one file share its excerpt.
        let mut at = |loc: &Location| {
            let id = *ids.entry(loc.file.clone()).or_insert_with(|| {
                let source = std::fs::read_to_string(&loc.file).unwrap_or_default();
                files.add(loc.file.display().to_string(), source)
            });
            let offset = files.get(id).map_or(0, |f| byte_offset(f.source(), loc.line, loc.column));
            (id, offset..offset)
        };
        let mut labels = Vec::new();
        if let Some(loc) = &d.location {
            let (id, range) = at(loc);
            let label = if loc.path.is_empty() { String::new() } else { format!("at `{}`", loc.path) };
            labels.push(Label::primary(id, range).with_message(label));
        }
        for (loc, what) in &d.related {
            let (id, range) = at(loc);
            labels.push(Label::secondary(id, range).with_message(what));
        }
        cs = cs.with_labels(labels);
        if let Some(hint) = &d.hint {
            notes.push(format!("hint: {hint}"));
        }
        term::emit(out, &config, &files, &cs.with_notes(notes))?;
    }
    Ok(())
}

/// The byte offset of a 1-based line and column, clamped into the text.
fn byte_offset(source: &str, line: usize, column: usize) -> usize {
    let start: usize = source.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let line_text = source[start.min(source.len())..].lines().next().unwrap_or("");
    let col: usize = line_text.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
    (start + col).min(source.len())
}
