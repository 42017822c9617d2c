//! YAML syntax errors as an editor of narrative needs them. The YAML parser often notices a
//! problem lines after its cause (an unclosed quote on line 11 is "did not find expected key"
//! on line 21), in its own words. When it reports a syntax error, this scans the file for the
//! frequent causes and points at where the problem starts, with how to fix it.

use crate::diag::yaml_line;

/// A likely cause of a syntax error: 1-based line and column, message, hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// Whether a parser message is about syntax (rather than the shape of the data).
pub fn is_syntax_error(message: &str) -> bool {
    const SYNTAX: [&str; 9] = [
        "did not find expected",
        "mapping values are not allowed",
        "found unexpected",
        "while scanning",
        "while parsing",
        "cannot start any token",
        "could not find expected",
        "found a tab",
        "control characters are not allowed",
    ];
    SYNTAX.iter().any(|s| message.contains(s))
}

/// The first frequent cause of a syntax error in `text`, if any.
pub fn likely_cause(text: &str) -> Option<Cause> {
    let mut block_indent: Option<usize> = None;
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let body = line.trim_start_matches([' ', '\t']);
        if let Some(min) = block_indent {
            if body.is_empty() || indent > min {
                continue;
            }
            block_indent = None;
        }
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let at = |column: usize, message: &str, hint: &str| {
            Some(Cause { line: n + 1, column: column + 1, message: message.into(), hint: hint.into() })
        };
        if let Some(tab) = line[..indent].find('\t') {
            return at(tab, "a tab in the indentation", "YAML indents with spaces only: replace the tab with spaces");
        }
        // The value of `key: value` or `- value`, and where it starts in the line.
        let value = yaml_line::value(line);
        if value.is_empty() {
            continue;
        }
        // `value` is a slice of `line`: its byte offset is where it starts.
        let start = value.as_ptr() as usize - line.as_ptr() as usize;
        if yaml_line::opens_block_scalar(value) {
            block_indent = Some(indent);
            continue;
        }
        let first = value.chars().next().unwrap_or(' ');
        match first {
            '"' | '\'' if !closes(value, first) => {
                return at(
                    start,
                    "this quoted text is not closed",
                    &format!(
                        "end it with {first} on the same line, or write a long text as a block: `key: |` and the text on the next lines, indented"
                    ),
                );
            }
            '[' | '{' => {
                let close = if first == '[' { ']' } else { '}' };
                if value.matches(first).count() > value.matches(close).count() {
                    return at(start, "this list is not closed", &format!("close it with `{close}` on the same line"));
                }
            }
            '"' | '\'' | '|' | '>' | '&' | '*' | '!' => {}
            _ => {
                if let Some(colon) = value.find(": ").or_else(|| value.strip_suffix(':').map(str::len)) {
                    return at(
                        start + colon,
                        "`: ` inside a text that is not quoted",
                        "quote the text (\"...\"), or write it as a block: `key: |` and the text on the next lines, indented",
                    );
                }
            }
        }
    }
    None
}

/// Whether a quoted value (starting with `quote`) closes on its line.
fn closes(value: &str, quote: char) -> bool {
    let mut chars = value.chars().skip(1).peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            ('"', '\\') => {
                chars.next();
            }
            ('\'', '\'') if chars.peek() == Some(&'\'') => {
                chars.next();
            }
            (q, c) if q == c => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cause(text: &str) -> (usize, usize, String) {
        let c = likely_cause(text).expect("a cause");
        (c.line, c.column, c.message)
    }

    #[test]
    fn finds_the_frequent_causes_where_they_start() {
        assert_eq!(cause("a: 1\ntitle: \"An unclosed quote\nb: 2\n"), (2, 8, "this quoted text is not closed".into()));
        assert_eq!(
            cause("title: Reception: the main points\n"),
            (1, 17, "`: ` inside a text that is not quoted".into())
        );
        assert_eq!(cause("a:\n\t- b\n"), (2, 1, "a tab in the indentation".into()));
        assert_eq!(cause("languages: [fr, en\n"), (1, 12, "this list is not closed".into()));
    }

    #[test]
    fn valid_lines_are_no_cause() {
        let ok = "- id: x\n  name: 'It''s'\n  t: |\n    a: b in a block is text\n  u: \"x: y\"\n  v: [a, b]\n";
        assert_eq!(likely_cause(ok), None);
    }
}
