//! The word diff: which words of a text were kept, inserted or deleted, and the same diff cut
//! back to the sentences that changed (a long paragraph shows only its edited sentence).

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// One word-diff segment: kept (`equal`), inserted or deleted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub op: &'static str,
    pub text: String,
}

/// Word-level diff of two texts; neighbouring words of the same kind form one segment.
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    let diff = TextDiff::from_words(old, new);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Insert => "insert",
            ChangeTag::Delete => "delete",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(Segment { op, text: change.value().to_string() }),
        }
    }
    out
}

/// Keeps the sentences that changed: unchanged text around a change is cut back to the
/// sentence it belongs to ([`crate::text::sentences`]).
pub fn changed_sentences(words: Vec<Segment>) -> Vec<Segment> {
    if words.iter().all(|s| s.op == "equal") {
        return words;
    }
    let mut out = Vec::new();
    for (i, seg) in words.iter().enumerate() {
        if seg.op != "equal" {
            out.push(seg.clone());
            continue;
        }
        let after_change = i > 0 && words[i - 1].op != "equal";
        let before_change = words.get(i + 1).is_some_and(|s| s.op != "equal");
        let bounds = super::sentences::starts(&seg.text);
        let text = match (after_change, before_change) {
            (true, true) if bounds.is_empty() => seg.text.clone(),
            (true, true) => format!("{} … {}", &seg.text[..bounds[0]], &seg.text[bounds[bounds.len() - 1]..]),
            (true, false) => seg.text[..bounds.first().copied().unwrap_or(seg.text.len())].to_string(),
            (false, true) => seg.text[bounds.last().copied().unwrap_or(0)..].to_string(),
            (false, false) => continue,
        };
        out.push(Segment { op: "equal", text });
    }
    out
}

/// The diff in one line of plain text: `[-deleted-]{+inserted+}`, paragraph breaks as ` ¶ `.
pub fn inline(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| match s.op {
            "insert" => format!("{{+{}+}}", s.text),
            "delete" => format!("[-{}-]", s.text),
            _ => s.text.replace("\n\n", " ¶ "),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_shows_only_its_sentence() {
        let old = "First sentence stays. The second one has an old word. Third stays too.";
        let new = "First sentence stays. The second one has a new word. Third stays too.";
        assert_eq!(inline(&changed_sentences(diff(old, new))), "The second one has [-an-]{+a+} [-old-]{+new+} word. ");
    }

    proptest::proptest! {
        /// Any two texts (accents, emoji, punctuation): a diff, never a panic.
        #[test]
        fn word_diffs_never_panic(a in "[a-zé€ .?!\\n A-Z😀]{0,60}", b in "[a-zé€ .?!\\n A-Z😀]{0,60}") {
            let _ = changed_sentences(diff(&a, &b));
        }
    }
}
