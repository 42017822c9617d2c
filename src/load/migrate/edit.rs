//! Edits on a content file's text that keep every other line as written (comments too).

use crate::i18n::po::{self, Entry};

/// Inserts `block` (whole lines) before the top-level `key` and the comment lines right above
/// it; at the end of the file when it has no such key, or when every line must `keep` its
/// number.
pub fn insert_before_key(text: &str, key: &str, block: &str, keep: bool) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let found = lines.iter().position(|l| l.strip_prefix(key).is_some_and(|rest| rest.starts_with(':')));
    let at = match found {
        Some(mut at) if !keep => {
            while at > 0 && lines[at - 1].starts_with('#') {
                at -= 1;
            }
            at
        }
        _ => lines.len(),
    };
    let mut out: Vec<&str> = lines[..at].to_vec();
    out.extend(block.lines());
    out.extend(&lines[at..]);
    out.join("\n") + "\n"
}

/// Inserts PO entries after the entry of context `after` (after the header when the file has
/// none; at the end when every line must `keep` its number), each followed by a blank line as
/// `po::write` separates them.
pub fn insert_po_entries(text: &str, after: &str, entries: &[Entry], keep: bool) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let ctxt = format!("msgctxt {}", po_quoted(after));
    let start = lines.iter().position(|l| *l == ctxt).unwrap_or(0);
    let blank = lines[start..].iter().position(|l| l.trim().is_empty()).map(|n| start + n);
    let block: String = entries.iter().map(|e| po::write_entry(e) + "\n").collect();
    match blank {
        Some(at) if !keep => {
            let mut out = lines[..=at].join("\n") + "\n" + &block;
            let rest = lines[at + 1..].join("\n");
            if rest.is_empty() {
                out.truncate(out.trim_end().len());
                out.push('\n');
            } else {
                out.push_str(&rest);
                out.push('\n');
            }
            out
        }
        _ => format!("{}\n\n{}", text.trim_end(), block.trim_end()) + "\n",
    }
}

fn po_quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Whether a YAML value holds the key `key` anywhere.
pub fn holds_key(value: &serde_yaml::Value, key: &str) -> bool {
    match value {
        serde_yaml::Value::Mapping(m) => m.iter().any(|(k, v)| k.as_str() == Some(key) || holds_key(v, key)),
        serde_yaml::Value::Sequence(s) => s.iter().any(|v| holds_key(v, key)),
        _ => false,
    }
}

/// A string as a one-line YAML scalar: plain where YAML reads it back as the same string,
/// double-quoted otherwise, and where a YAML 1.1 tool would read something else (`yes`).
pub fn scalar(text: &str) -> String {
    let plain: Option<serde_yaml::Value> = serde_yaml::from_str(&format!("k: {text}\n")).ok();
    let reserved = crate::yaml::RESERVED.contains(&text.to_lowercase().as_str());
    if !reserved
        && !text.contains('\n')
        && plain.and_then(|v| v.get("k").cloned()) == Some(serde_yaml::Value::from(text))
    {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_default()
    }
}

/// The lines an entry whose key is at `line` (1-based) and `column` spans: its key's line and
/// every following line indented past the key, up to the last one that is not blank.
pub fn entry_lines(lines: &[&str], line: usize, column: usize) -> std::ops::Range<usize> {
    let start = line - 1;
    let mut end = start + 1;
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if l.trim().is_empty() {
            continue;
        }
        if l.len() - l.trim_start().len() < column {
            break;
        }
        end = i + 1;
    }
    start..end
}

/// One change of a file's lines: the range replaced and what replaces it.
#[derive(Debug, Clone)]
pub struct LineEdit {
    pub lines: std::ops::Range<usize>,
    pub with: Vec<String>,
}

/// Applies edits that do not overlap (in any order) to a text; where every line must `keep`
/// its number, an edit that leaves fewer lines leaves blank ones in their place.
pub fn apply_edits(text: &str, mut edits: Vec<LineEdit>, keep: bool) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.lines.start));
    for mut e in edits {
        if keep && e.with.len() < e.lines.len() {
            e.with.resize(e.lines.len(), String::new());
        }
        lines.splice(e.lines, e.with);
    }
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_goes_before_a_key_and_its_comment() {
        let text = "a: 1\n# the documents\ndocuments: []\n";
        assert_eq!(insert_before_key(text, "documents", "b: 2", false), "a: 1\nb: 2\n# the documents\ndocuments: []\n");
        assert_eq!(insert_before_key(text, "nothing", "b: 2", false), format!("{text}b: 2\n"));
        assert_eq!(insert_before_key(text, "documents", "b: 2", true), format!("{text}b: 2\n"));
        assert_eq!(scalar("Fund, for Belgium"), "Fund, for Belgium");
        for quoted in ["yes", "7.0", "a: b", "a #b", "- x", "", "line\nbreak", " pad", "[x]"] {
            assert!(scalar(quoted).starts_with('"'), "{quoted}");
        }
    }

    #[test]
    fn po_entries_go_after_their_neighbour() {
        let text = "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"Á\"\n\nmsgctxt \"c\"\nmsgid \"C\"\nmsgstr \"\"\n";
        let e = Entry { msgctxt: "b".into(), msgid: "B".into(), msgstr: "B́".into(), ..Entry::default() };
        let out = insert_po_entries(text, "a", std::slice::from_ref(&e), false);
        assert!(out.contains("msgstr \"Á\"\n\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"B́\"\n\nmsgctxt \"c\""), "{out}");
        let at_end = insert_po_entries(text, "c", std::slice::from_ref(&e), false);
        assert_eq!(insert_po_entries(text, "a", std::slice::from_ref(&e), true), at_end);
        assert!(at_end.ends_with("msgstr \"\"\n\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"B́\"\n"), "{at_end}");
        assert_eq!(po::parse(&out).unwrap().entries.len(), 3);
    }
}
