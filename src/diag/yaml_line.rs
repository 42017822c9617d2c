//! The key of a YAML line, for fmt's key order, which moves lines (with their comments) rather
//! than parsed values: content files are block-style YAML, so an entry's first line is an
//! indentation and `key: value`.

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
    }
}
