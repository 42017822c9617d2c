//! "Did you mean" suggestions for misspelt keys and ids.

/// The candidate closest to `word`, if it is close enough to be a likely typo (at most a
/// third of the letters differ). Distances are strsim's Levenshtein.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= c.len().max(word.len()).div_ceil(3))
        .min()
        .map(|(_, c)| c)
}

/// "did you mean `x`?" when a candidate is close, otherwise the whole list: `{what}: a, b, c`.
pub fn hint(word: &str, candidates: &[&str], what: &str) -> String {
    match did_you_mean(word, candidates) {
        Some(close) => format!("did you mean `{close}`? ({what}: {})", candidates.join(", ")),
        None => format!("{what}: {}", candidates.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(did_you_mean("titel", &["title", "body", "scope"]), Some("title"));
        assert_eq!(did_you_mean("nmae", &["name", "number"]), Some("name"));
        assert_eq!(did_you_mean("zzzzzz", &["title", "body"]), None);
    }
}
