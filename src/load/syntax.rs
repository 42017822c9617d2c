//! YAML syntax errors as an editor of narrative needs them. The parser often stops lines after
//! a problem's cause (an unclosed list on line 11 is "illegal placement of ':'" on line 12), in
//! its own words. From the parser's error and what the YAML pass had read when it stopped
//! (the flow collection still open, the last key), this names the frequent causes where they
//! start, with how to fix them.

use crate::yaml::{Position, SyntaxError};

/// Where a syntax error's cause starts (1-based line and column), what it is, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

const AS_BLOCK: &str = "write a long text as a block: `key: |` and the text on the next lines, indented";

/// The cause of `error` in `text`: a frequent one where it starts, else the parser's words
/// where it stopped.
pub fn cause(error: &SyntaxError, text: &str) -> Cause {
    let lines: Vec<&str> = text.lines().collect();
    let char_at = |p: Position| lines.get(p.line.wrapping_sub(1)).and_then(|l| l.chars().nth(p.column.wrapping_sub(1)));
    let at = |p: Position, message: &str, hint: String| Cause {
        line: p.line,
        column: p.column,
        message: message.to_string(),
        hint: Some(hint),
    };
    let message = error.message.as_str();
    if message.contains("tab") {
        // The parser stops at or before the line whose indentation holds the tab.
        let tab = lines.iter().enumerate().skip(error.at.line.saturating_sub(1)).find_map(|(n, line)| {
            let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
            indent.find('\t').map(|i| Position { line: n + 1, column: i + 1 })
        });
        let hint = "YAML indents with spaces only: replace the tab with spaces".to_string();
        return at(tab.unwrap_or(error.at), "a tab in the indentation", hint);
    }
    if message.contains("quoted scalar") && message.contains("trailing content") {
        // `'it's'`: the apostrophe closed the text, and what follows it is left over.
        let quote = Position { line: error.at.line, column: error.at.column.saturating_sub(1).max(1) };
        let hint = format!("inside '...' write an apostrophe twice (''), inside \"...\" write \\\"; or {AS_BLOCK}");
        return at(quote, "this quote ends the quoted text early", hint);
    }
    if message.contains("quoted scalar") {
        // Unclosed: the parser stops at the opening quote, or at the end of the file.
        let open = if matches!(char_at(error.at), Some('"' | '\'')) {
            Some(error.at)
        } else {
            let line = lines.get(error.after.line.wrapping_sub(1)).copied().unwrap_or("");
            let from = error.after.column.saturating_sub(1);
            let quote = line.chars().skip(from).position(|c| c == '"' || c == '\'');
            quote.map(|i| Position { line: error.after.line, column: from + i + 1 })
        };
        let q = open.and_then(char_at).unwrap_or('"');
        let hint = format!("end it with {q} on the same line, or {AS_BLOCK}");
        return at(open.unwrap_or(error.at), "this quoted text is not closed", hint);
    }
    if let Some((open, start)) = error.open_flow {
        let (what, close) = if open == '[' { ("list", ']') } else { ("mapping", '}') };
        let hint = format!("close it with `{close}` on the same line");
        return at(start, &format!("this {what} is not closed"), hint);
    }
    if message.contains("mapping values are not allowed") {
        let hint =
            "quote the text (\"...\"), or write it as a block: `key: |` and the text on the next lines, indented";
        let hint = hint.to_string();
        return at(error.at, "`: ` inside a text that is not quoted", hint);
    }
    Cause { line: error.at.line, column: error.at.column, message: message.to_string(), hint: None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::outline;

    fn cause_of(text: &str) -> (usize, usize, String) {
        let o = outline(text);
        let c = cause(o.syntax_error.as_ref().expect("a syntax error"), text);
        (c.line, c.column, c.message)
    }

    #[test]
    fn finds_the_frequent_causes_where_they_start() {
        let unclosed = "this quoted text is not closed".to_string();
        assert_eq!(cause_of("a: 1\ntitle: \"An unclosed quote\nb: 2\n"), (2, 8, unclosed.clone()));
        assert_eq!(cause_of("a:\n  t: 'unclosed\n  b: 2\n"), (2, 6, unclosed.clone()));
        assert_eq!(cause_of("a: 1\nt: \"unclosed to the end\n"), (2, 4, unclosed));
        assert_eq!(
            cause_of("title: Reception: the main points\n"),
            (1, 17, "`: ` inside a text that is not quoted".into())
        );
        assert_eq!(cause_of("a:\n\t- b\n"), (2, 1, "a tab in the indentation".into()));
        assert_eq!(cause_of("a:\n  b: 1\n\tc: 2\n"), (3, 1, "a tab in the indentation".into()));
        assert_eq!(cause_of("languages: [fr, en\nb: 2\n"), (1, 12, "this list is not closed".into()));
        assert_eq!(cause_of("x:\n  m: {a: 1\n  b: 2\n"), (2, 6, "this mapping is not closed".into()));
        assert_eq!(cause_of("a:\n  - x: 'it's'\n"), (2, 11, "this quote ends the quoted text early".into()));
    }

    #[test]
    fn valid_lines_are_no_syntax_error() {
        let ok = "- id: x\n  name: 'It''s'\n  t: |\n    a: b in a block is text\n  u: \"x: y\"\n  v: [a, b]\n";
        assert_eq!(outline(ok).syntax_error, None);
    }
}
