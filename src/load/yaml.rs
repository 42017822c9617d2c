//! The one pass of a content file through a YAML parser that keeps positions (saphyr-parser's
//! events, each with its span). serde_yaml turns a file into typed values but forgets where
//! each value was and keeps the last of two equal keys; this pass sees every key and value with
//! its line and column, so it refuses a repeated key (YAML 1.2: keys are unique) and records
//! where every YAML path starts.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

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

/// What the pass learned about one file.
#[derive(Debug, Default)]
pub struct YamlOutline {
    pub repeated_keys: Vec<RepeatedKey>,
}

/// A syntax error as the parser reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub at: Position,
}

/// Reads every event of `text`: every repeated key of every mapping, block or flow style,
/// in the order they are written.
pub fn outline(text: &str) -> Result<YamlOutline, SyntaxError> {
    let mut walk = Walk::default();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| SyntaxError {
            message: e.info().to_string(),
            at: Position { line: e.marker().line(), column: e.marker().col() + 1 },
        })?;
        walk.event(event, span);
    }
    Ok(walk.outline)
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
    },
    Sequence {
        path: String,
        next: usize,
    },
    /// A collection used as a mapping key (`? [a, b]`): not a path, nothing inside is checked.
    ComplexKey,
}

#[derive(Debug, Default)]
struct Walk {
    stack: Vec<Frame>,
    outline: YamlOutline,
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

impl Walk {
    fn event(&mut self, event: Event<'_>, span: Span) {
        match event {
            Event::Scalar(value, ..) => match self.role() {
                Role::Key => self.key(value.into_owned(), Position::start_of(&span)),
                Role::Value(_) | Role::Ignored => {}
            },
            Event::Alias(_) => match self.role() {
                // An alias as a key cannot be compared by its text: it counts as a key no
                // other key repeats.
                Role::Key => self.set_pending(String::new()),
                Role::Value(_) | Role::Ignored => {}
            },
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let frame = match self.role() {
                    Role::Key => {
                        self.set_pending(String::new());
                        Frame::ComplexKey
                    }
                    Role::Ignored => Frame::ComplexKey,
                    Role::Value(path) if matches!(event, Event::MappingStart(..)) => {
                        Frame::Mapping { path, keys: HashMap::new(), pending: None }
                    }
                    Role::Value(path) => Frame::Sequence { path, next: 0 },
                };
                self.stack.push(frame);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            Event::DocumentStart(_) => self.stack.clear(),
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
    }

    /// The role of the node that starts now, advancing the parent past it.
    fn role(&mut self) -> Role {
        match self.stack.last_mut() {
            None => Role::Value(String::new()),
            Some(Frame::ComplexKey) => Role::Ignored,
            Some(Frame::Sequence { path, next }) => {
                *next += 1;
                Role::Value(format!("{path}[{}]", *next - 1))
            }
            Some(Frame::Mapping { path, pending, .. }) => match pending.take() {
                None => Role::Key,
                Some(key) if path.is_empty() => Role::Value(key),
                Some(key) => Role::Value(format!("{path}.{key}")),
            },
        }
    }

    fn set_pending(&mut self, key: String) {
        if let Some(Frame::Mapping { pending, .. }) = self.stack.last_mut() {
            *pending = Some(key);
        }
    }

    fn key(&mut self, key: String, at: Position) {
        let Some(Frame::Mapping { path, keys, pending }) = self.stack.last_mut() else { return };
        match keys.get(&key) {
            Some(&first) => {
                let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                self.outline.repeated_keys.push(RepeatedKey { key: key.clone(), path, first, second: at });
            }
            None => {
                keys.insert(key.clone(), at);
            }
        }
        *pending = Some(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repeat as (path, first line and column, second line and column).
    type Repeat = (String, (usize, usize), (usize, usize));

    fn repeats(text: &str) -> Vec<Repeat> {
        let outline = outline(text).expect("valid YAML");
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

    #[test]
    fn a_syntax_error_is_an_error_with_its_position() {
        let err = outline("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(err.at.line >= 1, "{err:?}");
    }
}
