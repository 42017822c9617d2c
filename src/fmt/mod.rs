//! `amif-doc fmt`: keeps content files diff-friendly. Inside Markdown block scalars every
//! sentence goes on its own line; Windows line endings go, and so do trailing spaces and tabs
//! (inside block scalars too: a hard break prints as a space, see `markup::markdown`);
//! every file ends with one newline; keys follow the schema's order (comments move with the key
//! they precede); one-line strings are quoted only where YAML needs it, in double quotes.
//!
//! Formatting never changes meaning: before anything is written, the formatted content is
//! rendered and must give exactly the same typst source as the original in every language.

pub mod keyorder;
pub mod migrate;

use std::path::{Path, PathBuf};

use crate::pipeline::{self, Error};
use crate::yaml;

/// Formats one content file: whitespace and sentences, then keys in the schema's order.
/// `file` is its path inside the content folder (`objectives/so1.yaml`).
pub fn format_file(text: &str, file: &str) -> String {
    keyorder::reorder(&format_text(text), file)
}

/// Formats one content file's text (whitespace, line endings, one sentence per line). Which
/// lines are Markdown (block scalars) and which values are quoted comes from the YAML pass,
/// never from guessing by indentation; a file the parser refuses keeps its lines.
pub fn format_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // A tab is never YAML indentation: the leading run becomes spaces before the parser reads
    // it. In a value, a tab is data and stays.
    let lines: Vec<String> = text
        .lines()
        .map(|raw| {
            let body = raw.trim_start_matches([' ', '\t']);
            format!("{}{body}", raw[..raw.len() - body.len()].replace('\t', "    "))
        })
        .collect();
    let outline = yaml::outline(&(lines.join("\n") + "\n"));
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim_end();
        if outline.syntax_error.is_some() {
            out.push(line.clone());
        } else if outline.in_block_scalar(n + 1) {
            out.extend(split_sentences(trimmed));
        } else {
            let last = outline.quoted.iter().rfind(|q| q.line == n + 1);
            out.push(normalise_quotes(trimmed, last));
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    let mut joined = out.join("\n");
    joined.push('\n');
    joined
}

/// Quoting: a quoted one-line string that ends its line is written plain when YAML would read
/// it back as the same string, and in double quotes otherwise. Values YAML could read as
/// something else (numbers, dates, booleans, null, empty) keep their quotes; so do strings
/// written with escapes other than `\"` and `\\`, or holding control characters.
fn normalise_quotes(line: &str, quoted: Option<&yaml::Quoted>) -> String {
    let Some(q) = quoted.filter(|q| q.columns.end == line.chars().count() + 1) else { return line.to_string() };
    let start = line.char_indices().nth(q.columns.start - 1).map_or(line.len(), |(i, _)| i);
    let written = &line[start..];
    let other_escapes = written.starts_with('"') && written.replace("\\\\", "").replace("\\\"", "").contains('\\');
    if other_escapes || q.value.chars().any(char::is_control) {
        return line.to_string();
    }
    let rewritten = if plain_is_safe(&q.value) {
        q.value.clone()
    } else {
        format!("\"{}\"", q.value.replace('\\', "\\\\").replace('"', "\\\""))
    };
    format!("{}{rewritten}", &line[..start])
}

/// Whether a string can be written as a plain YAML scalar and read back as that same string.
fn plain_is_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return false };
    first.is_alphabetic()
        && text.chars().any(char::is_alphabetic)
        && !crate::yaml::RESERVED.contains(&text.to_lowercase().as_str())
        && text.trim() == text
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text.contains(['{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`', '"', '\\', '\n', '\t'])
}

/// Splits a Markdown line into one line per sentence ([`crate::text::sentences`]), keeping
/// list-item continuation indents. A cut that would start a line with list or block syntax is
/// skipped, so formatting never creates Markdown structure.
fn split_sentences(line: &str) -> Vec<String> {
    let indent = line.len() - line.trim_start().len();
    let body = &line[indent..];
    let marker = list_marker_len(body);
    let continuation = " ".repeat(indent + marker);
    let mut cuts = vec![0];
    cuts.extend(
        crate::text::sentences::starts(&body[marker..])
            .into_iter()
            .map(|o| o + marker)
            .filter(|&o| list_marker_len(&body[o..]) == 0 && !starts_block_syntax(&body[o..])),
    );
    cuts.push(body.len());
    cuts.windows(2)
        .enumerate()
        .map(|(n, w)| {
            let piece = body[w[0]..w[1]].trim_end();
            if n == 0 { format!("{}{piece}", " ".repeat(indent)) } else { format!("{continuation}{piece}") }
        })
        .collect()
}

/// Length of a list marker (`- `, `* `, `+ `, `12. `, `3) `) at the start, or 0.
fn list_marker_len(text: &str) -> usize {
    if text.starts_with("- ") || text.starts_with("* ") || text.starts_with("+ ") {
        return 2;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && (text[digits..].starts_with(". ") || text[digits..].starts_with(") ")) {
        return digits + 2;
    }
    0
}

fn starts_block_syntax(text: &str) -> bool {
    text.starts_with('#') || text.starts_with('>') || text.starts_with("---") || text.starts_with("```")
}

/// What `fmt` did or would do.
pub struct Outcome {
    /// Files whose text changes (relative to the content folder's parent).
    pub changed: Vec<PathBuf>,
}

/// Formats every content file of `content`. With `write`, changed files are replaced
/// atomically, and only after the formatted content was shown to render exactly as before.
pub fn run(content: &Path, form: &crate::form::Form, write: bool) -> Result<Outcome, Error> {
    // Content that does not parse is reported, never formatted (nor called formatted).
    let catalogue = crate::i18n::Catalogue::load(form)?;
    let original = pipeline::load_and_check_with(content, &catalogue, true)?;
    let files = content_files(content);
    let mut formatted = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).map_err(Error::io(path.display().to_string()))?;
        let rel = path.strip_prefix(content).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let new = if rel.ends_with(".po") {
            crate::i18n::po::parse(&text).map(|c| crate::i18n::po::write(&c)).unwrap_or_else(|_| text.clone())
        } else {
            format_file(&text, &rel)
        };
        if new != text {
            formatted.push((path.clone(), new));
        }
    }
    let base = content.parent().unwrap_or(Path::new(""));
    let changed = formatted.iter().map(|(p, _)| p.strip_prefix(base).unwrap_or(p).to_path_buf()).collect();
    if !write || formatted.is_empty() {
        return Ok(Outcome { changed });
    }
    // Prove the formatted content means the same: same typst source for every edition.
    let scratch = tempfile::Builder::new().prefix("amif-doc-fmt-").tempdir().map_err(Error::io("a scratch folder"))?;
    let copy = scratch.path().join("content");
    crate::write::copy_tree(content, &copy)?;
    for (path, text) in &formatted {
        let rel = path.strip_prefix(content).unwrap_or(path);
        std::fs::write(copy.join(rel), text).map_err(Error::io(rel.display().to_string()))?;
    }
    // Prove it twice: every value of every language is the same (narratives compared as the
    // Markdown they mean, so only line breaks inside a paragraph may move), and every
    // edition's typst source is the same.
    let tera = crate::render::Templates::load(form)?;
    let copied = pipeline::load_and_check_as(&copy, content, &catalogue, true)?;
    if meaning(&original) != meaning(&copied) {
        return Err(Error::FormatChangesOutput);
    }
    let before = pipeline::render_all(&original, &catalogue, &tera)?;
    let after = pipeline::render_all(&copied, &catalogue, &tera)?;
    if after != before {
        return Err(Error::FormatChangesOutput);
    }
    for (path, text) in &formatted {
        crate::write::atomic(path, text.as_bytes())?;
    }
    Ok(Outcome { changed })
}

/// Every value of the checked programme, in every language, with narratives as the Markdown
/// they mean (soft line breaks are spaces), and the translation files' entries.
fn meaning(checked: &pipeline::Checked) -> String {
    use crate::model::{Narrative, Text};
    use crate::translation::units::{self, Visitor};
    struct Semantic;
    impl Visitor for Semantic {
        fn short(&mut self, _: String, _: &'static str, _: &mut Text) {}
        fn narrative(&mut self, _: String, _: &'static str, n: &mut Narrative) {
            for block in &mut n.blocks {
                for text in block.text.by_lang.values_mut() {
                    *text = crate::markup::markdown::to_typst(text);
                }
            }
        }
    }
    let mut programme = checked.programme.clone();
    units::walk(&mut programme, &mut Semantic);
    let entries: Vec<_> = checked
        .translations
        .iter()
        .flat_map(|t| {
            t.catalog
                .entries
                .iter()
                .map(move |e| (t.lang, &e.msgctxt, &e.msgid, &e.msgstr, e.fuzzy, &e.previous, e.obsolete))
        })
        .collect();
    let headers: Vec<_> = checked.translations.iter().map(|t| &t.catalog.header).collect();
    format!("{programme:?}\n{headers:?}\n{entries:?}")
}

/// The content files `fmt` looks after.
pub fn content_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        crate::load::CONTENT_FILES.iter().map(|f| dir.join(f)).filter(|p| p.exists()).collect();
    if let Ok(entries) = std::fs::read_dir(dir.join("objectives")) {
        let mut objectives: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        objectives.sort();
        files.extend(objectives);
    }
    if let Ok(entries) = std::fs::read_dir(dir.join(crate::load::TRANSLATIONS)) {
        let mut po: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "po"))
            .collect();
        po.sort();
        files.extend(po);
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_spaces_go_in_markdown_too() {
        assert_eq!(format_text("summary: |\n  One.  \n  Two.\t\n"), "summary: |\n  One.\n  Two.\n");
    }

    #[test]
    fn one_sentence_per_line_inside_block_scalars_only() {
        let text = "title: One. Two.\nbody: |\n  First sentence. Second one? Third! e.g. not this. Avg. neither.\n\n  - Item one. Item two.\n  1. Step. Next.\n";
        let expected = "title: One. Two.\nbody: |\n  First sentence.\n  Second one?\n  Third! e.g. not this.\n  Avg. neither.\n\n  - Item one.\n    Item two.\n  1. Step.\n     Next.\n";
        assert_eq!(format_text(text), expected);
        assert_eq!(format_text(expected), expected, "idempotent");
        // The key after a nested block scalar is no Markdown.
        let nested = "a:\n  body: |\n    One. Two.\n  title: One. Two.\n";
        assert_eq!(format_text(nested), "a:\n  body: |\n    One.\n    Two.\n  title: One. Two.\n");
    }

    #[test]
    fn never_creates_markdown_syntax() {
        let text = "t: |\n  See section 6. 2. Monitoring is next. It works (e.g. UAM). Yes.\n";
        assert_eq!(
            format_text(text),
            "t: |\n  See section 6. 2. Monitoring is next.\n  It works (e.g. UAM).\n  Yes.\n"
        );
    }

    #[test]
    fn quotes_only_where_yaml_needs_them() {
        let text = "a: \"Project reporting\"\nb: 'It''s fine'\nc: \"7.0\"\nd: ''\ne: 'yes'\nf: \"x: y\"\ng: 'say \"hi\"'\nh:\n  - \"item\"\n  - \"tab\\there\"\n  - 'a' # kept\n\"k\": [\"x\"]\n";
        let expected = "a: Project reporting\nb: It's fine\nc: \"7.0\"\nd: \"\"\ne: \"yes\"\nf: \"x: y\"\ng: \"say \\\"hi\\\"\"\nh:\n  - item\n  - \"tab\\there\"\n  - 'a' # kept\n\"k\": [\"x\"]\n";
        assert_eq!(format_text(text), expected);
        assert_eq!(format_text(expected), expected);
    }

    #[test]
    fn normalises_whitespace_and_hard_breaks_go() {
        assert_eq!(format_text("a: 1   \r\nb: |\r\n  x\r\n\n\n"), "a: 1\nb: |\n  x\n");
        assert_eq!(format_text("b: |\n  line with break  \n  next\n"), "b: |\n  line with break\n  next\n");
    }

    proptest::proptest! {
        /// Any block-scalar text: formatting never panics and is idempotent.
        #[test]
        fn formatting_is_idempotent(body in "[a-zA-Zé€ .?!(1-]{0,80}") {
            let text = format!("t: |\n  {body}\n");
            let once = format_text(&text);
            proptest::prop_assert_eq!(format_text(&once), once);
        }
    }
}
