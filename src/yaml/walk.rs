//! The walk over saphyr's events: which node is a key, a value or an item, at which YAML path,
//! and what each records in the outline.

use std::collections::HashMap;

use saphyr_parser::{Event, ScalarStyle, Span};

use super::{KeyEntry, Position, Quoted, RepeatedKey, YamlOutline};

/// A collection being read, with the YAML path of its entries' parent.
#[derive(Debug)]
pub(super) enum Frame {
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
pub(super) struct Walk<'t> {
    /// The file's lines, to find the `-` of a block sequence item (events start at the item).
    lines: Vec<&'t str>,
    pub(super) stack: Vec<Frame>,
    pub(super) outline: YamlOutline,
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

impl<'t> Walk<'t> {
    pub(super) fn new(text: &'t str) -> Walk<'t> {
        Walk { lines: text.lines().collect(), ..Walk::default() }
    }

    pub(super) fn event(&mut self, event: Event<'_>, span: Span) {
        let at = Position::start_of(&span);
        if let Event::Scalar(value, ..) = &event {
            self.outline.scalars.push((at, value.to_string()));
        }
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

    /// A position inside the text: an empty key at the very end (`? ` alone) is reported by the
    /// parser after the last line; it is where the last line ends.
    fn inside(&self, at: Position) -> Position {
        let lines = self.lines.len().max(1);
        if at.line <= lines {
            return at;
        }
        let end = self.lines.last().map_or(0, |l| l.chars().count());
        Position { line: lines, column: end + 1 }
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
        let at = self.inside(at);
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
