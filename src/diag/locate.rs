//! Finds the line and column of a YAML path (`national_objectives[1].actions[0].title`) in a
//! content file, so that checks on the parsed data can still point into the file.
//!
//! serde_yaml keeps no positions for values, so this indexes the block-style YAML that
//! content files use (mappings, `- ` sequences, block scalars). Flow collections are indexed
//! as one node; an unknown path falls back to its longest known prefix.

use std::collections::HashMap;

/// Path → (1-based line, 1-based column) of the key or item that starts it.
#[derive(Debug, Default)]
pub struct PathIndex {
    positions: HashMap<String, (usize, usize)>,
}

struct Frame {
    indent: usize,
    path: String,
    /// Next item index when this frame holds a sequence.
    next_item: usize,
    /// Whether this frame is a sequence item (`- `) rather than a key.
    is_item: bool,
}

impl PathIndex {
    pub fn new(source: &str) -> Self {
        let mut index = PathIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut scalar_indent: Option<usize> = None;
        for (n, raw) in source.lines().enumerate() {
            let line_no = n + 1;
            let trimmed = raw.trim_start();
            let mut indent = raw.len() - trimmed.len();
            if let Some(min) = scalar_indent {
                if trimmed.is_empty() || indent > min {
                    continue;
                }
                scalar_indent = None;
            }
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "---" {
                continue;
            }
            let mut rest = trimmed;
            // A sequence item: `- ` (possibly followed by a key on the same line).
            while let Some(after) = rest.strip_prefix("- ").or((rest == "-").then_some("")) {
                stack.retain(|f| f.indent < indent || (f.indent == indent && !f.is_item));
                let (parent, item) = match stack.last_mut() {
                    Some(frame) => {
                        frame.next_item += 1;
                        (frame.path.clone(), frame.next_item - 1)
                    }
                    None => (String::new(), 0),
                };
                let path = format!("{parent}[{item}]");
                index.positions.entry(path.clone()).or_insert((line_no, indent + 1));
                stack.push(Frame { indent, path, next_item: 0, is_item: true });
                indent += 2;
                rest = after.trim_start();
            }
            if let Some((key, value)) = super::yaml_line::key_value(rest) {
                stack.retain(|f| f.indent < indent);
                let parent = stack.last().map(|f| f.path.clone()).unwrap_or_default();
                let path = if parent.is_empty() { key.to_string() } else { format!("{parent}.{key}") };
                index.positions.entry(path.clone()).or_insert((line_no, indent + 1));
                if super::yaml_line::opens_block_scalar(value) {
                    scalar_indent = Some(indent);
                }
                stack.push(Frame { indent, path, next_item: 0, is_item: false });
            }
        }
        index
    }

    /// The deepest path that starts on `line` (1-based), if any.
    pub fn path_at(&self, line: usize) -> Option<&str> {
        self.positions.iter().filter(|(_, (l, _))| *l == line).map(|(p, _)| p.as_str()).max_by_key(|p| p.len())
    }

    /// Position of `path`, or of its longest known prefix.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(pos) = self.positions.get(p) {
                return Some(*pos);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
";

    #[test]
    fn finds_keys_items_and_nested_paths() {
        let idx = PathIndex::new(DOC);
        assert_eq!(idx.find("id"), Some((1, 1)));
        assert_eq!(idx.find("objective"), Some((2, 1)));
        assert_eq!(idx.find("national_objectives[0]"), Some((6, 3)));
        assert_eq!(idx.find("national_objectives[0].actions[1].timetable.closing"), Some((12, 11)));
        assert_eq!(idx.find("national_objectives[1].intro"), Some((14, 5)));
        // Unknown leaf: the closest known ancestor.
        assert_eq!(idx.find("national_objectives[0].actions[1].body"), Some((10, 7)));
    }

    #[test]
    fn block_scalars_are_not_indexed() {
        let idx = PathIndex::new(DOC);
        assert_eq!(idx.find("Text"), None);
    }
}
