//! The one pass of a content file through a YAML parser that keeps positions (saphyr-parser's
//! events, each with its span). serde_yaml turns a file into typed values but forgets where
//! each value was and keeps the last of two equal keys; this pass sees every key and value with
//! its line and column, so it refuses a repeated key (YAML 1.2: keys are unique) and records
//! where every YAML path starts: the one source of the positions diagnostics print.

use std::collections::HashMap;

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// A 1-based line and column (in characters), as editors and diagnostics count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    fn start_of(span: &Span) -> Position {
        Position { line: span.start.line(), column: span.start.col() + 1 }
    }
}

/// A key written twice in one mapping: the second occurrence is the error, the first is shown
/// beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedKey {
    /// The key as the parser reads it: `no2` and `"no2"` are the same key.
    pub key: String,
    /// The YAML path of the repeated entry inside the file (`table1.so1.no2`).
    pub path: String,
    pub first: Position,
    pub second: Position,
}

/// What the pass learned about one file. After a syntax error it holds what came before it.
#[derive(Debug, Default)]
pub struct YamlOutline {
    pub repeated_keys: Vec<RepeatedKey>,
    /// Where each YAML path starts: a mapping entry at its key, a block sequence item at its
    /// `-`, a flow sequence item at its value.
    positions: HashMap<String, Position>,
    pub syntax_error: Option<SyntaxError>,
    /// The lines of each block scalar's text (`|`, `>`), 1-based, end exclusive.
    block_scalars: Vec<Range<usize>>,
    /// Every quoted value written on one line, in the order written.
    pub quoted: Vec<Quoted>,
    /// Every mapping key, by the line and column where it is written.
    keys: HashMap<(usize, usize), KeyEntry>,
    /// Where each value itself starts (after its key or `- `): what a wrong value points at.
    values: HashMap<String, Position>,
}

/// A mapping key as written, for tools that move lines (fmt's key order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEntry {
    pub key: String,
    /// Whether its value is a block mapping or sequence, written on the lines below it.
    pub holds_block: bool,
}

/// A one-line quoted value (`'It''s'`, `"x: y"`) and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    pub line: usize,
    /// Its columns, quotes included: 1-based, in characters, end exclusive.
    pub columns: Range<usize>,
    /// The string the parser reads.
    pub value: String,
}

impl YamlOutline {
    /// Where the value at exactly `path` starts, if the file has one there.
    pub fn value_at(&self, path: &str) -> Option<Position> {
        self.values.get(path).copied()
    }

    /// The mapping key written at `line` and `column` (1-based), if one is.
    pub fn key_at(&self, line: usize, column: usize) -> Option<&KeyEntry> {
        self.keys.get(&(line, column))
    }

    /// Whether `line` (1-based) is text of a block scalar, where Markdown lives.
    pub fn in_block_scalar(&self, line: usize) -> bool {
        self.block_scalars.iter().any(|r| r.contains(&line))
    }

    /// Position of `path`, or of its longest known prefix (`a.b[2].c` → `a.b[2]` → `a.b`).
    pub fn find(&self, path: &str) -> Option<Position> {
        let mut p = path;
        loop {
            if let Some(pos) = self.positions.get(p) {
                return Some(*pos);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// The deepest path that starts on `line`, if any (the first written, among equals).
    pub fn path_at(&self, line: usize) -> Option<&str> {
        let on_line = self.positions.iter().filter(|(_, p)| p.line == line);
        on_line.max_by_key(|(path, p)| (path.len(), std::cmp::Reverse(p.column))).map(|(path, _)| path.as_str())
    }
}

/// A syntax error as the parser reports it, with what the pass knew when it stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub at: Position,
    /// The innermost flow collection still open (`[` or `{`, and where it starts).
    pub open_flow: Option<(char, Position)>,
    /// Where the last event read before the error ends (the key before a broken value).
    pub after: Position,
}

/// Reads every event of `text`: where every path starts, and every repeated key of every
/// mapping, block or flow style, in the order they are written. It reads up to the first
/// syntax error, which it records.
pub fn outline(text: &str) -> YamlOutline {
    let mut walk = Walk { lines: text.lines().collect(), ..Walk::default() };
    let mut after = Position { line: 1, column: 1 };
    for event in Parser::new_from_str(text) {
        match event {
            Ok((event, span)) => {
                after = Position { line: span.end.line(), column: span.end.col() + 1 };
                walk.event(event, span);
            }
            Err(e) => {
                let at = Position { line: e.marker().line(), column: e.marker().col() + 1 };
                let open_flow = walk.stack.iter().rev().find_map(|f| match f {
                    Frame::Mapping { flow: Some(start), .. } => Some(('{', *start)),
                    Frame::Sequence { flow: Some(start), .. } => Some(('[', *start)),
                    _ => None,
                });
                walk.outline.syntax_error = Some(SyntaxError { message: e.info().to_string(), at, open_flow, after });
                // The parser repeats its error forever: the first one is the one.
                break;
            }
        }
    }
    walk.outline
}

/// A collection being read, with the YAML path of its entries' parent.
#[derive(Debug)]
enum Frame {
    Mapping {
        path: String,
        /// Each key read so far, with where it was first written.
        keys: HashMap<String, Position>,
        /// The key whose value comes next; `None` when the next node is a key.
        pending: Option<String>,
        /// Where a flow mapping (`{a: 1}`) starts; `None` in block style.
        flow: Option<Position>,
    },
    Sequence {
        path: String,
        next: usize,
        /// Where a flow sequence (`[a, b]`) starts; `None` for `- ` items.
        flow: Option<Position>,
    },
    /// A collection used as a mapping key (`? [a, b]`): not a path, nothing inside is checked.
    ComplexKey,
}

#[derive(Debug, Default)]
struct Walk<'t> {
    /// The file's lines, to find the `-` of a block sequence item (events start at the item).
    lines: Vec<&'t str>,
    stack: Vec<Frame>,
    outline: YamlOutline,
    /// Where the last mapping key was written: a value read next is its value.
    last_key: Option<Position>,
}

/// Where a node sits in its parent.
enum Role {
    /// A key of a mapping, as a scalar.
    Key,
    /// A value or sequence item, at this YAML path.
    Value(String),
    /// Inside a complex key, or a complex key itself.
    Ignored,
}

impl Walk<'_> {
    fn event(&mut self, event: Event<'_>, span: Span) {
        let at = Position::start_of(&span);
        match event {
            Event::Scalar(value, style, ..) => match self.role(at) {
                Role::Key => self.key(value.into_owned(), at),
                Role::Value(_) => self.value(value.into_owned(), style, &span),
                Role::Ignored => {}
            },
            Event::Alias(_) => match self.role(at) {
                // An alias as a key cannot be compared by its text: it counts as a key no
                // other key repeats.
                Role::Key => self.set_pending(String::new()),
                Role::Value(_) | Role::Ignored => {}
            },
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let frame = match self.role(at) {
                    Role::Key => {
                        self.set_pending(String::new());
                        Frame::ComplexKey
                    }
                    Role::Ignored => Frame::ComplexKey,
                    Role::Value(path) if matches!(event, Event::MappingStart(..)) => {
                        let flow = (self.char_at(at) == Some('{')).then_some(at);
                        Frame::Mapping { path, keys: HashMap::new(), pending: None, flow }
                    }
                    Role::Value(path) => {
                        Frame::Sequence { path, next: 0, flow: (self.char_at(at) == Some('[')).then_some(at) }
                    }
                };
                let block = matches!(frame, Frame::Mapping { flow: None, .. } | Frame::Sequence { flow: None, .. });
                if block && matches!(self.stack.last(), Some(Frame::Mapping { .. })) {
                    // The key just read holds this block collection.
                    if let Some(entry) = self.last_key.and_then(|p| self.outline.keys.get_mut(&(p.line, p.column))) {
                        entry.holds_block = true;
                    }
                }
                self.stack.push(frame);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            Event::DocumentStart(_) => self.stack.clear(),
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
    }

    /// The role of the node that starts now at `at`, advancing the parent past it; a value's
    /// path is recorded where it starts.
    fn role(&mut self, at: Position) -> Role {
        let dash = self.dash_before(at);
        let role = self.place(at, dash);
        if let Role::Value(path) = &role {
            self.outline.values.entry(path.clone()).or_insert(at);
        }
        role
    }

    fn place(&mut self, at: Position, dash: Option<Position>) -> Role {
        match self.stack.last_mut() {
            None => Role::Value(String::new()),
            Some(Frame::ComplexKey) => Role::Ignored,
            Some(Frame::Sequence { path, next, flow }) => {
                *next += 1;
                let path = format!("{path}[{}]", *next - 1);
                let start = if flow.is_some() { at } else { dash.unwrap_or(at) };
                self.outline.positions.entry(path.clone()).or_insert(start);
                Role::Value(path)
            }
            Some(Frame::Mapping { path, pending, keys, .. }) => match pending.take() {
                None => Role::Key,
                Some(key) => {
                    let start = keys.get(&key).copied().unwrap_or(at);
                    let path = if path.is_empty() { key } else { format!("{path}.{key}") };
                    self.outline.positions.entry(path.clone()).or_insert(start);
                    Role::Value(path)
                }
            },
        }
    }

    /// Records where a scalar value's text is, for the formatter.
    fn value(&mut self, value: String, style: ScalarStyle, span: &Span) {
        let (start, end) = (span.start, span.end);
        match style {
            ScalarStyle::Literal | ScalarStyle::Folded => {
                // The span ends where the next token starts (the next key, after its
                // indentation), or at the end of the file.
                let next_line = self.lines.get(end.line() - 1).copied().unwrap_or("");
                let ends_before_line = next_line.chars().take(end.col()).all(|c| c == ' ');
                let last = if ends_before_line { end.line() } else { end.line() + 1 };
                self.outline.block_scalars.push(start.line()..last);
            }
            ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted if start.line() == end.line() => {
                // The span runs on over spaces and a comment after the closing quote: the
                // quote itself ends the value.
                let line = self.lines.get(start.line() - 1).copied().unwrap_or("");
                if let Some(close) = closing_quote(line, start.col()) {
                    let columns = start.col() + 1..close + 2;
                    self.outline.quoted.push(Quoted { line: start.line(), columns, value });
                }
            }
            _ => {}
        }
    }

    /// The character at a position, if the position is inside the text.
    fn char_at(&self, at: Position) -> Option<char> {
        self.lines.get(at.line.checked_sub(1)?)?.chars().nth(at.column - 1)
    }

    /// The `-` that introduces a block sequence item starting at `at`, on the same line.
    fn dash_before(&self, at: Position) -> Option<Position> {
        let line = self.lines.get(at.line.checked_sub(1)?)?;
        let before: Vec<char> = line.chars().take(at.column - 1).collect();
        let end = before.iter().rposition(|c| *c != ' ')?;
        (before[end] == '-').then_some(Position { line: at.line, column: end + 1 })
    }

    fn set_pending(&mut self, key: String) {
        if let Some(Frame::Mapping { pending, .. }) = self.stack.last_mut() {
            *pending = Some(key);
        }
    }

    /// A key read: its entry's path starts here (even if its value never parses).
    fn key(&mut self, key: String, at: Position) {
        let entry = KeyEntry { key: key.clone(), holds_block: false };
        self.outline.keys.insert((at.line, at.column), entry);
        self.last_key = Some(at);
        let Some(Frame::Mapping { path, keys, pending, .. }) = self.stack.last_mut() else { return };
        let entry = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
        match keys.get(&key) {
            Some(&first) => {
                self.outline.repeated_keys.push(RepeatedKey { key: key.clone(), path: entry, first, second: at });
            }
            None => {
                keys.insert(key.clone(), at);
                self.outline.positions.insert(entry, at);
            }
        }
        *pending = Some(key);
    }
}

/// The column (0-based, in characters) of the quote that closes the quoted scalar opening at
/// `open` on `line`: `''` inside single quotes and `\x` inside double quotes do not close it.
fn closing_quote(line: &str, open: usize) -> Option<usize> {
    let mut chars = line.chars().enumerate().skip(open);
    let (_, quote) = chars.next()?;
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                if quote == '\'' && line.chars().nth(i + 1) == Some('\'') {
                    chars.next();
                } else {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repeat as (path, first line and column, second line and column).
    type Repeat = (String, (usize, usize), (usize, usize));

    fn repeats(text: &str) -> Vec<Repeat> {
        let outline = outline(text);
        assert_eq!(outline.syntax_error, None);
        let at = |p: Position| (p.line, p.column);
        outline.repeated_keys.into_iter().map(|r| (r.path, at(r.first), at(r.second))).collect()
    }

    #[test]
    fn finds_repeats_in_block_and_flow_mappings_quoted_or_not() {
        let text = "\
table1:
  so1:
    no1: 1
    no2: 2
    \"no2\": 3
  so2: {no1: 1, 'no1': 2}
list:
  - id: a
    id: b
  - {x: 1, y: {z: 1, z: 2}}
table1: again
";
        assert_eq!(
            repeats(text),
            [
                ("table1.so1.no2".to_string(), (4, 5), (5, 5)),
                ("table1.so2.no1".to_string(), (6, 9), (6, 17)),
                ("list[0].id".to_string(), (8, 5), (9, 5)),
                ("list[1].y.z".to_string(), (10, 16), (10, 22)),
                ("table1".to_string(), (1, 1), (11, 1)),
            ]
        );
    }

    #[test]
    fn equal_keys_in_different_mappings_and_equal_values_are_no_repeat() {
        let text = "a:\n  x: 1\nb:\n  x: 1\nc: [x, x]\nd: |\n  x: 1\n  x: 1\n";
        assert_eq!(repeats(text), []);
    }

    #[test]
    fn complex_keys_and_aliases_do_not_confuse_the_paths() {
        let text = "? [a, b]\n: 1\nk: &v {x: 1}\nm: *v\nk2: {x: 1, x: 2}\n";
        assert_eq!(repeats(text), [("k2.x".to_string(), (5, 6), (5, 12))]);
    }

    const DOC: &str = "\
id: so1
objective: |
  Text: with a colon
  - not a list
national_objectives:
  - id: no1
    actions:
      - id: a1
        title: First
      - id: a2
        timetable:
          closing: 2022
  - id: no2
    intro: x
    langs: [fr, en]
";

    #[test]
    fn finds_keys_items_and_nested_paths() {
        let o = outline(DOC);
        let find = |p: &str| o.find(p).map(|p| (p.line, p.column));
        assert_eq!(find("id"), Some((1, 1)));
        assert_eq!(find("objective"), Some((2, 1)));
        assert_eq!(find("national_objectives"), Some((5, 1)));
        assert_eq!(find("national_objectives[0]"), Some((6, 3)));
        assert_eq!(find("national_objectives[0].actions[1].timetable.closing"), Some((12, 11)));
        assert_eq!(find("national_objectives[1].intro"), Some((14, 5)));
        assert_eq!(find("national_objectives[1].langs[1]"), Some((15, 17)));
        // Unknown leaf: the closest known ancestor; a block scalar's text is no path.
        assert_eq!(find("national_objectives[0].actions[1].body"), Some((10, 7)));
        assert_eq!(find("Text"), None);
        assert_eq!(o.path_at(12), Some("national_objectives[0].actions[1].timetable.closing"));
        let key = |line, column| o.key_at(line, column).map(|k| (k.key.as_str(), k.holds_block));
        assert_eq!(key(5, 1), Some(("national_objectives", true)));
        assert_eq!(key(6, 5), Some(("id", false)));
        assert_eq!(key(11, 9), Some(("timetable", true)));
        assert_eq!(key(15, 5), Some(("langs", false)));
        assert_eq!(key(2, 1), Some(("objective", false)));
        assert_eq!(key(3, 3), None);
        let value = |p: &str| o.value_at(p).map(|p| (p.line, p.column));
        assert_eq!(value("national_objectives[0]"), Some((6, 5)));
        assert_eq!(value("national_objectives[0].actions[1].timetable.closing"), Some((12, 20)));
        assert_eq!(value("national_objectives[1].langs[1]"), Some((15, 17)));
        assert_eq!(value("national_objectives[1].nothing"), None);
        assert_eq!(o.path_at(3), None);
    }

    #[test]
    fn block_scalar_lines_and_quoted_values() {
        let text =
            "a: |\n  x: 1\n\n  y\nb: 'It''s'\n\"k\": \"d\\\"e\"\nd:\n  - >-\n    folded\n\n# c\ne: \"two\n  lines\"\n";
        let o = outline(text);
        assert_eq!(o.syntax_error, None);
        let block: Vec<usize> = (1..=13).filter(|l| o.in_block_scalar(*l)).collect();
        assert_eq!(block, [2, 3, 4, 9, 10]);
        let nested = outline("a:\n  body: |\n    text\n  next: 1\nb: |\n  last");
        let block: Vec<usize> = (1..=6).filter(|l| nested.in_block_scalar(*l)).collect();
        assert_eq!(block, [3, 6], "a block scalar ends before the next key, wherever it is indented");
        let quoted: Vec<(usize, Range<usize>, &str)> =
            o.quoted.iter().map(|q| (q.line, q.columns.clone(), q.value.as_str())).collect();
        assert_eq!(quoted, [(5, 4..11, "It's"), (6, 6..12, "d\"e")]);
        let after = outline("a: 'x' # note\nb: \"y\\\"\"   \n");
        let columns: Vec<Range<usize>> = after.quoted.iter().map(|q| q.columns.clone()).collect();
        assert_eq!(columns, [4..7, 4..9], "the closing quote ends the value, not the comment after it");
    }

    #[test]
    fn a_syntax_error_keeps_what_came_before_it() {
        let o = outline("a: 1\nb: [1, 2\nc: 3\n");
        let err = o.syntax_error.as_ref().expect("a syntax error");
        assert!(err.at.line >= 2, "{err:?}");
        assert_eq!(o.find("a").map(|p| (p.line, p.column)), Some((1, 1)));
    }

    proptest::proptest! {
        /// Whatever bytes a file holds, the pass ends, never panics, and every position it
        /// records is inside the text.
        #[test]
        fn any_text_is_outlined_without_panic(text in "[a-z0-9 :\\-\\[\\]{},'\"|>#&*?!\\n\\t]{0,120}") {
            let o = outline(&text);
            let lines = text.lines().count().max(1);
            let starts = o.positions.values().chain(o.repeated_keys.iter().flat_map(|r| [&r.first, &r.second]));
            for p in starts {
                proptest::prop_assert!(p.line >= 1 && p.line <= lines && p.column >= 1, "{p:?}");
            }
        }
    }
}
