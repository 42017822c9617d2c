//! A small gettext PO reader and writer, written for this project rather than taken from a
//! crate: polib drops the `#|` (previous msgid) and `#~` (obsolete) lines that staleness needs
//! and re-wraps every value; rspolib wraps at a width too and panics on save. Here each value is
//! written one sentence per line (`msgid ""` then one string per sentence), so `git diff` of a
//! PO file shows the sentence that changed, and `msgfmt --check` still reads it (adjacent
//! strings are one value).
//!
//! Lossless: everything translators' tools write (comments, extracted comments, references,
//! every flag, `#| msgctxt` and `#| msgid`, obsolete entries, the header's flags) is read and
//! written back; only the layout of the strings is ours. A malformed file is a list of errors
//! with lines and columns, never a guess.

use std::fmt::Write as _;

/// One translation unit of a PO file, with everything translators' tools write around it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Translator comments (`# ...`), without the `# `.
    pub comments: Vec<String>,
    /// Extracted comments (`#. ...`): where the unit is, for the translator.
    pub notes: Vec<String>,
    /// References (`#: file:line ...`), one string per line as written.
    pub references: Vec<String>,
    /// `#, fuzzy`: the English changed since this was translated.
    pub fuzzy: bool,
    /// The other flags (`#, no-wrap, c-format`), in order.
    pub flags: Vec<String>,
    /// `#| msgctxt`: the context the translation was made under, when fuzzy.
    pub previous_ctxt: Option<String>,
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
    /// The header entry's flags (`#, fuzzy` in a fresh template).
    pub header_flags: Vec<String>,
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

/// A PO syntax problem, with its 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}:{column}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Every syntax problem of a file, in file order (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseErrors(pub Vec<ParseError>);

impl std::fmt::Display for ParseErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.as_slice() {
            [] => Ok(()),
            [one] => write!(f, "{one}"),
            [first, rest @ ..] => write!(f, "{first} (and {} more)", rest.len()),
        }
    }
}

/// Which string a quoted line continues.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Ctxt,
    Id,
    Str,
    PreviousCtxt,
    Previous,
}

/// The entry being read.
#[derive(Default)]
struct Reading {
    entry: Entry,
    field: Option<Field>,
    /// Lines of the keywords read (`msgctxt`, `msgid`, `msgstr`), for messages.
    ctxt_at: Option<usize>,
    id_at: Option<usize>,
    str_at: Option<usize>,
}

/// Reads a PO file (singular messages; amif-doc writes no plural forms), keeping everything a
/// translator's tool writes. Every problem is reported, with its line and column: an entry
/// without `msgstr` is an error, never merged with the next one.
pub fn parse(text: &str) -> Result<Catalog, ParseErrors> {
    let mut catalog = Catalog::default();
    let mut errors: Vec<ParseError> = vec![];
    let mut r = Reading::default();
    let mut header_done = false;
    let err = |line: usize, column: usize, message: String| ParseError { line, column, message };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        // Columns count characters of the raw line.
        let col_of = |rest: &str| raw[..raw.len() - rest.len()].chars().count() + 1;
        let (obsolete, body) = match line.strip_prefix("#~") {
            Some(rest) => (true, rest.trim_start()),
            None => (false, line),
        };
        let previous_mark = if obsolete { body.strip_prefix('|') } else { body.strip_prefix("#|") };
        let (previous, body) = match previous_mark {
            Some(rest) => (true, rest.trim_start()),
            None => (false, body),
        };
        if !previous && body.starts_with('#') {
            // A comment line belongs to the next entry: the current one ends here.
            if r.id_at.is_some() {
                finish(&mut r, &mut catalog, &mut header_done, &mut errors);
            }
            let e = &mut r.entry;
            if let Some(flags) = body.strip_prefix("#,") {
                for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    if flag == "fuzzy" {
                        e.fuzzy = true;
                    } else if !e.flags.iter().any(|f| f == flag) {
                        e.flags.push(flag.to_string());
                    }
                }
            } else if let Some(note) = body.strip_prefix("#.") {
                e.notes.push(note.strip_prefix(' ').unwrap_or(note).to_string());
            } else if let Some(reference) = body.strip_prefix("#:") {
                e.references.push(reference.trim().to_string());
            } else {
                let comment = body.strip_prefix('#').unwrap_or(body);
                e.comments.push(comment.strip_prefix(' ').unwrap_or(comment).to_string());
            }
            continue;
        }
        let (keyword, rest) = match body.find([' ', '"']) {
            Some(i) if !body.starts_with('"') => (&body[..i], body[i..].trim_start()),
            None if !body.starts_with('"') => (body, ""),
            _ => ("", body),
        };
        let next = match (keyword, previous) {
            ("msgctxt", false) => Some(Field::Ctxt),
            ("msgid", false) => Some(Field::Id),
            ("msgstr", false) => Some(Field::Str),
            ("msgctxt", true) => Some(Field::PreviousCtxt),
            ("msgid", true) => Some(Field::Previous),
            ("", _) => None,
            ("msgid_plural", _) => {
                errors.push(err(line_no, col_of(body), "plural forms (msgid_plural) are not used by amif-doc".into()));
                r.field = None;
                continue;
            }
            (other, _) if other.starts_with("msgstr[") => {
                errors.push(err(line_no, col_of(body), format!("plural forms (`{other}`) are not used by amif-doc")));
                r.field = None;
                continue;
            }
            (other, _) => {
                errors.push(err(line_no, col_of(body), format!("unknown keyword `{other}`")));
                r.field = None;
                continue;
            }
        };
        if let Some(next) = next {
            // A context, a previous string or a msgid after a complete msgid starts the next entry.
            let starts = match next {
                Field::Ctxt | Field::PreviousCtxt | Field::Previous => r.id_at.is_some(),
                Field::Id => r.id_at.is_some(),
                Field::Str => false,
            };
            if starts {
                finish(&mut r, &mut catalog, &mut header_done, &mut errors);
            }
            match next {
                Field::Ctxt if r.ctxt_at.is_some() => {
                    let first = r.ctxt_at.unwrap_or_default();
                    errors.push(err(
                        line_no,
                        col_of(body),
                        format!("a second msgctxt in one entry (the first is at line {first})"),
                    ));
                }
                Field::Ctxt => r.ctxt_at = Some(line_no),
                Field::Id => {
                    r.id_at = Some(line_no);
                    r.entry.line = line_no;
                }
                Field::Str if r.id_at.is_none() => {
                    errors.push(err(line_no, col_of(body), "msgstr without a msgid before it".into()));
                }
                Field::Str if r.str_at.is_some() => {
                    let first = r.str_at.unwrap_or_default();
                    errors.push(err(
                        line_no,
                        col_of(body),
                        format!("a second msgstr in one entry (the first is at line {first})"),
                    ));
                }
                Field::Str => r.str_at = Some(line_no),
                Field::PreviousCtxt => r.entry.previous_ctxt = Some(String::new()),
                Field::Previous => r.entry.previous = Some(String::new()),
            }
            r.entry.obsolete |= obsolete;
            r.field = Some(next);
        }
        let value = match unquote(rest) {
            Ok(value) => value,
            Err((offset, message)) => {
                errors.push(err(line_no, col_of(rest) + offset, message));
                continue;
            }
        };
        let e = &mut r.entry;
        let target = match r.field {
            Some(Field::Ctxt) => &mut e.msgctxt,
            Some(Field::Id) => &mut e.msgid,
            Some(Field::Str) => &mut e.msgstr,
            Some(Field::PreviousCtxt) => e.previous_ctxt.get_or_insert_with(String::new),
            Some(Field::Previous) => e.previous.get_or_insert_with(String::new),
            None => {
                errors.push(err(line_no, col_of(body), "a string outside msgctxt, msgid or msgstr".into()));
                continue;
            }
        };
        target.push_str(&value);
    }
    if r.id_at.is_some() || r.ctxt_at.is_some() || r.str_at.is_some() {
        finish(&mut r, &mut catalog, &mut header_done, &mut errors);
    }
    // One entry per unit: a second one (what a merge leaves) would be ignored, so it is refused.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in catalog.entries.iter().filter(|e| !e.obsolete) {
        if let Some(first) = seen.insert(&e.msgctxt, e.line) {
            let message = format!("msgctxt \"{}\" is written twice (first at line {first}): keep one", e.msgctxt);
            errors.push(err(e.line, 1, message));
        }
    }
    errors.sort_by_key(|e| (e.line, e.column));
    if errors.is_empty() { Ok(catalog) } else { Err(ParseErrors(errors)) }
}

/// Ends the entry being read: an entry must have a msgid and a msgstr.
fn finish(r: &mut Reading, catalog: &mut Catalog, header_done: &mut bool, errors: &mut Vec<ParseError>) {
    let done = std::mem::take(r);
    match (done.id_at, done.str_at) {
        (Some(_), Some(_)) => push(catalog, done.entry, header_done),
        (Some(at), None) => errors.push(ParseError {
            line: at,
            column: 1,
            message: "msgid without msgstr: each entry ends with its msgstr (an empty one is `msgstr \"\"`)".into(),
        }),
        (None, _) => errors.push(ParseError {
            line: done.ctxt_at.or(done.str_at).unwrap_or(1),
            column: 1,
            message: "an entry without msgid".into(),
        }),
    }
}

/// Files a finished entry: the first one with an empty msgid is the header.
fn push(catalog: &mut Catalog, done: Entry, header_done: &mut bool) {
    if !*header_done && done.msgid.is_empty() && done.msgctxt.is_empty() {
        catalog.header_comments = done.comments;
        catalog.header_flags = done.fuzzy.then(|| "fuzzy".to_string()).into_iter().chain(done.flags).collect();
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

/// The value of one `"..."` string, escapes resolved; an error says where in `text` (0-based,
/// in characters) and what.
fn unquote(text: &str) -> Result<String, (usize, String)> {
    let Some(inner) = text.strip_prefix('"') else {
        return Err((0, format!("expected a quoted string, found `{text}`")));
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().enumerate();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                let after: String = inner.chars().skip(i + 1).collect();
                if after.trim().is_empty() {
                    return Ok(out);
                }
                let spaces = after.chars().take_while(|c| c.is_whitespace()).count();
                return Err((i + 2 + spaces, format!("text after the closing quote: `{}`", after.trim())));
            }
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, other)) => return Err((i + 1, format!("unknown escape `\\{other}`"))),
                None => return Err((i + 1, "unterminated string: a `\\` ends the line".into())),
            },
            c => out.push(c),
        }
    }
    Err((0, "unterminated string: no closing quote on this line".into()))
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
    if !catalog.header_flags.is_empty() {
        let _ = writeln!(out, "#, {}", catalog.header_flags.join(", "));
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
    for r in &e.references {
        let _ = writeln!(out, "#: {r}");
    }
    let flags: Vec<&str> = e.fuzzy.then_some("fuzzy").into_iter().chain(e.flags.iter().map(String::as_str)).collect();
    if !flags.is_empty() {
        let _ = writeln!(out, "#, {}", flags.join(", "));
    }
    // `no-wrap`: the translator's tool asked for each string on one line.
    let one_line = e.flags.iter().any(|f| f == "no-wrap");
    let write = |out: &mut String, prefix: &str, keyword: &str, value: &str| {
        if one_line {
            let _ = writeln!(out, "{prefix}{keyword} {}", quote(value));
        } else {
            write_value(out, prefix, keyword, value);
        }
    };
    let (prefix, previous) = if e.obsolete { ("#~ ", "#~| ") } else { ("", "#| ") };
    if let Some(ctxt) = &e.previous_ctxt {
        write(&mut out, previous, "msgctxt", ctxt);
    }
    if let Some(id) = &e.previous {
        write(&mut out, previous, "msgid", id);
    }
    write(&mut out, prefix, "msgctxt", &e.msgctxt);
    write(&mut out, prefix, "msgid", &e.msgid);
    write(&mut out, prefix, "msgstr", &e.msgstr);
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

    /// Every kind of line translators' tools write survives a read and a write.
    const TOOLS: &str = r#"# Translator's note.
#, fuzzy
msgid ""
msgstr ""
"Language: fr\n"

# Checked with the unit head.
#. The title of action 1
#: content/objectives/so1.yaml:32
#: content/objectives/so1.yaml:40 other.yaml:3
#, fuzzy, no-wrap
#| msgctxt "so1/no1/a1/name"
#| msgid "Old title. Second sentence."
msgctxt "so1/no1/a1/title"
msgid "New title. Second sentence."
msgstr "Ancien titre. Deuxième phrase."

# Kept for later.
#, fuzzy
#~| msgid "Gone before."
#~ msgctxt "gone/0"
#~ msgid "Gone."
#~ msgstr "Parti."
"#;

    #[test]
    fn what_translators_tools_write_is_kept() {
        let c = parse(TOOLS).unwrap();
        assert_eq!(c.header_comments, ["Translator's note."]);
        assert_eq!(c.header_flags, ["fuzzy"]);
        let e = &c.entries[0];
        assert_eq!(e.comments, ["Checked with the unit head."]);
        assert_eq!(e.notes, ["The title of action 1"]);
        assert_eq!(e.references, ["content/objectives/so1.yaml:32", "content/objectives/so1.yaml:40 other.yaml:3"]);
        assert!(e.fuzzy);
        assert_eq!(e.flags, ["no-wrap"]);
        assert_eq!(e.previous_ctxt.as_deref(), Some("so1/no1/a1/name"));
        assert_eq!(e.previous.as_deref(), Some("Old title. Second sentence."));
        let gone = &c.entries[1];
        assert!(gone.obsolete && gone.fuzzy);
        assert_eq!(gone.comments, ["Kept for later."]);
        assert_eq!(gone.previous.as_deref(), Some("Gone before."));
        let written = write(&c);
        let unlined =
            |c: Catalog| Catalog { entries: c.entries.into_iter().map(|e| Entry { line: 0, ..e }).collect(), ..c };
        assert_eq!(unlined(parse(&written).unwrap()), unlined(c.clone()), "{written}");
        // no-wrap: each string on one line.
        assert!(written.contains("msgid \"New title. Second sentence.\"\n"), "{written}");
        assert_eq!(write(&parse(&written).unwrap()), written, "writing is stable");
    }

    /// Each malformed case is an error at its line and column, all of them at once.
    #[test]
    fn malformed_files_are_errors_never_merges() {
        /// Line, column and the start of the message of each expected error.
        type Expected<'a> = &'a [(usize, usize, &'a str)];
        let cases: [(&str, Expected); 7] = [
            (
                "msgctxt \"a\"\nmsgid \"A\"\n\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"Bé\"\n",
                &[(2, 1, "msgid without msgstr")],
            ),
            (
                "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"B\"\nmsgstr \"\"\n",
                &[(6, 1, "msgctxt \"a\" is written twice (first at line 2)")],
            ),
            ("msgctxt \"a\"\nmsgid \"A\nmsgstr \"\"\n", &[(2, 7, "unterminated string")]),
            ("msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"x\\qy\"\n", &[(3, 10, "unknown escape `\\q`")]),
            ("msgctxt \"a\"\nmsgid \"A\" junk\nmsgstr \"\"\n", &[(2, 11, "text after the closing quote: `junk`")]),
            ("msgidx \"a\"\n", &[(1, 1, "unknown keyword `msgidx`")]),
            (
                "msgid \"A\"\nmsgstr \"\\q\"\nmsgid \"B\"\n",
                &[(2, 9, "unknown escape `\\q`"), (3, 1, "msgid without msgstr")],
            ),
        ];
        for (text, expected) in cases {
            let errors = parse(text).unwrap_err().0;
            let got: Vec<(usize, usize, &str)> =
                errors.iter().map(|e| (e.line, e.column, e.message.as_str())).collect();
            assert_eq!(got.len(), expected.len(), "{text}: {got:?}");
            for ((line, column, message), (l, c, m)) in got.iter().zip(expected) {
                assert_eq!((line, column), (l, c), "{text}: {message}");
                assert!(message.starts_with(m), "{text}: {message}");
            }
        }
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
