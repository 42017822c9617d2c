//! A small gettext PO reader and writer, written for this project rather than taken from a
//! crate: polib drops the `#|` (previous msgid) and `#~` (obsolete) lines that staleness needs
//! and re-wraps every value; rspolib wraps at a width too and panics on save. Here each value is
//! written one sentence per line (`msgid ""` then one string per sentence), so `git diff` of a
//! PO file shows the sentence that changed, and `msgfmt --check` still reads it (adjacent
//! strings are one value).

use std::fmt::Write as _;

/// One translation unit of a PO file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Translator comments (`# ...`), without the `# `.
    pub comments: Vec<String>,
    /// Extracted comments (`#. ...`): where the unit is, for the translator.
    pub notes: Vec<String>,
    /// `#, fuzzy`: the English changed since this was translated.
    pub fuzzy: bool,
    /// `#| msgid`: the English the translation was made from, when fuzzy.
    pub previous: Option<String>,
    pub msgctxt: String,
    pub msgid: String,
    pub msgstr: String,
    /// `#~`: a unit that no longer exists in the content, kept for its translation.
    pub obsolete: bool,
    /// 1-based line of the `msgid` keyword (for diagnostics); 0 when not read from a file.
    pub line: usize,
}

/// A PO file: its header comments and fields, and its entries in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub header_comments: Vec<String>,
    /// Header fields, in order (`Language`, `Content-Type`, ...).
    pub header: Vec<(String, String)>,
    pub entries: Vec<Entry>,
}

impl Catalog {
    /// A header field's value.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.header.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The live (not obsolete) entry for a context.
    pub fn find(&self, msgctxt: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| !e.obsolete && e.msgctxt == msgctxt)
    }
}

/// A PO syntax problem, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Ctxt,
    Id,
    Str,
    Previous,
}

/// Reads a PO file (singular messages; plural forms are not used by amif-doc).
pub fn parse(text: &str) -> Result<Catalog, ParseError> {
    let mut catalog = Catalog::default();
    let mut entry = Entry::default();
    let mut field: Option<Field> = None;
    let mut started = false;
    let mut header_done = false;
    let error = |line: usize, message: &str| ParseError { line, message: message.to_string() };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let (obsolete, line) = match line.strip_prefix("#~") {
            Some(rest) => (true, rest.trim_start()),
            None => (false, line),
        };
        let previous_mark = if obsolete { line.strip_prefix('|') } else { line.strip_prefix("#|") };
        let (previous, line) = match previous_mark {
            Some(rest) => (true, rest.trim_start()),
            None => (false, line),
        };
        if !previous && line.starts_with('#') {
            // A comment starts a new entry when the previous one is complete.
            if started && field == Some(Field::Str) {
                push(&mut catalog, &mut entry, &mut header_done);
                started = false;
                field = None;
            }
            if let Some(flags) = line.strip_prefix("#,") {
                entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            } else if let Some(note) = line.strip_prefix("#.") {
                entry.notes.push(note.trim_start().to_string());
            } else if line.starts_with("#:") {
                // References are not used: the context names the place.
            } else {
                let comment = line.strip_prefix('#').unwrap_or(line);
                entry.comments.push(comment.strip_prefix(' ').unwrap_or(comment).to_string());
            }
            continue;
        }
        let (keyword, rest) = match line.find(' ') {
            Some(i) if !line.starts_with('"') => (&line[..i], line[i..].trim_start()),
            _ => ("", line),
        };
        let next = match (keyword, previous) {
            ("msgctxt", false) => Some(Field::Ctxt),
            ("msgid", false) => Some(Field::Id),
            ("msgstr", false) => Some(Field::Str),
            ("msgid", true) => Some(Field::Previous),
            ("msgctxt", true) => continue,
            ("", _) => None,
            (other, _) => return Err(error(line_no, &format!("unknown keyword `{other}`"))),
        };
        if let Some(next) = next {
            let starts_entry = matches!(next, Field::Ctxt | Field::Previous)
                || (next == Field::Id && field != Some(Field::Ctxt) && field != Some(Field::Previous));
            if starts_entry && started && field == Some(Field::Str) {
                push(&mut catalog, &mut entry, &mut header_done);
            }
            started = true;
            entry.obsolete |= obsolete;
            if next == Field::Id {
                entry.line = line_no;
            }
            field = Some(next);
        }
        let value = unquote(rest).map_err(|m| error(line_no, &m))?;
        let target = match field {
            Some(Field::Ctxt) => &mut entry.msgctxt,
            Some(Field::Id) => &mut entry.msgid,
            Some(Field::Str) => &mut entry.msgstr,
            Some(Field::Previous) => entry.previous.get_or_insert_with(String::new),
            None => return Err(error(line_no, "a string outside msgctxt, msgid or msgstr")),
        };
        target.push_str(&value);
    }
    if started {
        push(&mut catalog, &mut entry, &mut header_done);
    }
    // One entry per unit: a second one (what a merge leaves) would be ignored, so it is refused.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in catalog.entries.iter().filter(|e| !e.obsolete) {
        if let Some(first) = seen.insert(&e.msgctxt, e.line) {
            let message = format!("msgctxt \"{}\" is written twice (first at line {first}): keep one", e.msgctxt);
            return Err(error(e.line, &message));
        }
    }
    Ok(catalog)
}

/// Files a finished entry: the first one with an empty msgid is the header.
fn push(catalog: &mut Catalog, entry: &mut Entry, header_done: &mut bool) {
    let done = std::mem::take(entry);
    if !*header_done && done.msgid.is_empty() && done.msgctxt.is_empty() {
        catalog.header_comments = done.comments;
        catalog.header = done
            .msgstr
            .lines()
            .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string())))
            .collect();
    } else {
        catalog.entries.push(done);
    }
    *header_done = true;
}

/// The value of one `"..."` string, escapes resolved.
fn unquote(text: &str) -> Result<String, String> {
    let inner = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .ok_or_else(|| format!("expected a quoted string, found `{text}`"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            other => return Err(format!("unknown escape `\\{}`", other.map(String::from).unwrap_or_default())),
        }
    }
    Ok(out)
}

fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `keyword "value"`, or `keyword ""` and then one string per sentence.
fn write_value(out: &mut String, prefix: &str, keyword: &str, value: &str) {
    let pieces = split_for_lines(value);
    if pieces.len() <= 1 {
        let _ = writeln!(out, "{prefix}{keyword} {}", quote(value));
        return;
    }
    let _ = writeln!(out, "{prefix}{keyword} \"\"");
    for piece in pieces {
        let _ = writeln!(out, "{prefix}{}", quote(piece));
    }
}

/// The value cut after each sentence's trailing space and after each newline, so the pieces
/// concatenate back to exactly the value.
fn split_for_lines(value: &str) -> Vec<&str> {
    let mut cuts: Vec<usize> = crate::text::sentences::starts(value);
    cuts.extend(value.match_indices('\n').map(|(i, _)| i + 1).filter(|&i| i < value.len()));
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces = Vec::new();
    let mut start = 0;
    for cut in cuts {
        pieces.push(&value[start..cut]);
        start = cut;
    }
    pieces.push(&value[start..]);
    pieces
}

/// Writes a PO file: the header, then every entry (obsolete ones last, as gettext does).
pub fn write(catalog: &Catalog) -> String {
    let mut out = String::new();
    for c in &catalog.header_comments {
        let _ = writeln!(out, "{}", if c.is_empty() { "#".to_string() } else { format!("# {c}") });
    }
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for (k, v) in &catalog.header {
        let _ = writeln!(out, "{}", quote(&format!("{k}: {v}\n")));
    }
    let live = catalog.entries.iter().filter(|e| !e.obsolete);
    let obsolete = catalog.entries.iter().filter(|e| e.obsolete);
    for e in live.chain(obsolete) {
        out.push('\n');
        out.push_str(&write_entry(e));
    }
    out
}

/// One entry as [`write`] writes it (no blank line around it).
pub fn write_entry(e: &Entry) -> String {
    let mut out = String::new();
    for c in &e.comments {
        let _ = writeln!(out, "{}", if c.is_empty() { "#".to_string() } else { format!("# {c}") });
    }
    for n in &e.notes {
        let _ = writeln!(out, "#. {n}");
    }
    if e.fuzzy {
        out.push_str("#, fuzzy\n");
    }
    let prefix = if e.obsolete { "#~ " } else { "" };
    if let Some(previous) = &e.previous {
        write_value(&mut out, if e.obsolete { "#~| " } else { "#| " }, "msgid", previous);
    }
    write_value(&mut out, prefix, "msgctxt", &e.msgctxt);
    write_value(&mut out, prefix, "msgid", &e.msgid);
    write_value(&mut out, prefix, "msgstr", &e.msgstr);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PO: &str = r#"# French translation.
msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"

#. summary, paragraph 1
msgctxt "summary/0"
msgid ""
"First sentence. "
"Second \"quoted\" one."
msgstr ""
"Première phrase. "
"Deuxième."

#, fuzzy
#| msgid "Old English."
msgctxt "baseline/3"
msgid "New English."
msgstr "Ancien français."

#~ msgctxt "gone/0"
#~ msgid "Removed."
#~ msgstr "Supprimé."
"#;

    #[test]
    fn reads_entries_flags_previous_and_obsolete() {
        let c = parse(PO).unwrap();
        assert_eq!(c.field("language"), Some("fr"));
        assert_eq!(c.entries.len(), 3);
        let first = &c.entries[0];
        assert_eq!(first.msgid, "First sentence. Second \"quoted\" one.");
        assert_eq!(first.msgstr, "Première phrase. Deuxième.");
        assert_eq!((first.notes.clone(), first.line), (vec!["summary, paragraph 1".to_string()], 9));
        let stale = &c.entries[1];
        assert!(stale.fuzzy);
        assert_eq!(stale.previous.as_deref(), Some("Old English."));
        assert!(c.entries[2].obsolete);
        assert_eq!(c.find("gone/0"), None);
    }

    #[test]
    fn writes_one_sentence_per_line_and_reads_back_the_same() {
        let c = parse(PO).unwrap();
        let written = write(&c);
        assert!(written.contains("msgid \"\"\n\"First sentence. \"\n\"Second \\\"quoted\\\" one.\"\n"), "{written}");
        assert_eq!(parse(&written).unwrap(), parse(&written).unwrap());
        let again = parse(&written).unwrap();
        assert_eq!(write(&again), written, "writing is stable");
        assert_eq!(
            again.entries.iter().map(|e| &e.msgid).collect::<Vec<_>>(),
            c.entries.iter().map(|e| &e.msgid).collect::<Vec<_>>()
        );
    }

    #[test]
    fn bad_syntax_is_located() {
        assert_eq!(parse("msgid \"a\"\nmsgstr \"\\q\"\n").unwrap_err().line, 2);
        assert_eq!(parse("msgidx \"a\"\n").unwrap_err().line, 1);
    }

    proptest::proptest! {
        /// Any values round-trip exactly through write and parse.
        #[test]
        fn values_round_trip(id in "[a-zA-Zé \".\\\\\n?!]{1,40}", s in "[a-zA-Zé \".\\\\\n]{0,40}", ctxt in "[a-z0-9/]{1,12}") {
            let c = Catalog {
                header: vec![("Language".into(), "fr".into())],
                entries: vec![Entry { msgctxt: ctxt, msgid: id, msgstr: s, ..Entry::default() }],
                ..Catalog::default()
            };
            let back = parse(&write(&c)).unwrap();
            proptest::prop_assert_eq!(&back.entries[0].msgid, &c.entries[0].msgid);
            proptest::prop_assert_eq!(&back.entries[0].msgstr, &c.entries[0].msgstr);
            proptest::prop_assert_eq!(&back.entries[0].msgctxt, &c.entries[0].msgctxt);
        }
    }
}
