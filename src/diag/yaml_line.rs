//! The one reader of YAML lines for tools that work on the text rather than on parsed values
//! (the location index, fmt's key order and quoting): content files are block-style YAML, so
//! a line is an indentation, optional `- ` item marks, and `key: value` or a bare value.

/// `key: value` (or `key:` with an empty value) → (key, value trimmed). `None` for items,
/// plain scalars, quoted keys and flow collections: those are never keys in content files.
pub fn key_value(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start();
    if t.starts_with(['-', '{', '[', '"', '\'', '|', '>', '#']) {
        return None;
    }
    let colon = t.find(": ").or_else(|| t.strip_suffix(':').map(str::len))?;
    let key = &t[..colon];
    (!key.is_empty() && !key.contains(' ')).then(|| (key, t[colon + 1..].trim()))
}

/// The value part of a line: after its indentation and `- ` marks, the value of its
/// `key: value`, or the whole rest when it is a bare item (`- |`).
pub fn value(line: &str) -> &str {
    let mut rest = line.trim_start();
    while let Some(after) = rest.strip_prefix("- ") {
        rest = after.trim_start();
    }
    key_value(rest).map_or(rest.trim(), |(_, v)| v)
}

/// Whether a value opens a block scalar (`|`, `|-`, `>`...), whose lines follow indented.
pub fn opens_block_scalar(value: &str) -> bool {
    value.starts_with('|') || value.starts_with('>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_items_and_values() {
        assert_eq!(key_value("  title: A title: with colon"), Some(("title", "A title: with colon")));
        assert_eq!(key_value("actions:"), Some(("actions", "")));
        assert_eq!(key_value("- id: a1"), None);
        assert_eq!(key_value("\"quoted\": x"), None);
        assert_eq!(key_value("plain text, no key"), None);
        assert_eq!(value("  - - scope: north"), "north");
        assert_eq!(value("  - |"), "|");
        assert!(opens_block_scalar(value("objective: |-")));
    }
}
