//! The one pass of a content file through a YAML parser that keeps positions (saphyr-parser's
//! events, each with its span). serde_yaml turns a file into typed values but forgets where
//! each value was and keeps the last of two equal keys; this pass sees every key and value with
//! its line and column, so it refuses a repeated key (YAML 1.2: keys are unique) and records
//! where every YAML path starts: the one source of the positions diagnostics print.

use std::collections::HashMap;

use std::ops::Range;

use saphyr_parser::{Parser, Span};

mod walk;
use walk::{Frame, Walk};

/// Words a YAML 1.1 reader (many editors' tools) takes for something else than a string.
pub const RESERVED: [&str; 12] = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ".inf", ".nan"];

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
    /// Every scalar (key or value) with where it starts, in the order written: what a check
    /// of every character reads.
    pub scalars: Vec<(Position, String)>,
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
    let mut walk = Walk::new(text);
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

    #[test]
    fn an_empty_key_at_the_end_is_inside_the_text() {
        let o = outline("? ");
        for p in o.positions.values() {
            assert_eq!((p.line, p.column), (1, 3));
        }
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
