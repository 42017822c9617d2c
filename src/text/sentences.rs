//! The sentence splitter. A sentence ends at `.`, `?` or `!` followed by a space and a word that
//! can start a sentence (a capital, an opening quote or parenthesis), unless the word before the
//! stop is an abbreviation (`e.g.`, `Art.`), a single letter or a number (`6.`, `2.1.`). A blank
//! line (paragraph break) always ends a sentence.

/// Abbreviations after which a full stop does not end a sentence (lower-cased, with the dot).
const ABBREVIATIONS: [&str; 22] = [
    "i.a.", "e.g.", "i.e.", "ex.", "approx.", "avg.", "ass.", "req.", "proc.", "wall.", "vs.", "cf.", "no.", "art.",
    "reg.", "dir.", "mr.", "mrs.", "dr.", "st.", "nr.", "p.",
];

/// Byte offsets where a new sentence starts (never 0), in increasing order.
pub fn starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut sentence_start = 0;
    let mut i = 0;
    while i + 2 < bytes.len() {
        let paragraph_break = bytes[i] == b'\n' && bytes[i + 1] == b'\n';
        let stop = matches!(bytes[i], b'.' | b'?' | b'!') && matches!(bytes[i + 1], b' ' | b'\n');
        if paragraph_break || (stop && ends_sentence(text, sentence_start, i) && can_start(&text[i + 2..])) {
            let next = i + 2 + (text[i + 2..].len() - text[i + 2..].trim_start().len());
            if next < text.len() {
                out.push(next);
                sentence_start = next;
            }
            i = next.max(i + 2);
            continue;
        }
        i += 1;
    }
    out
}

/// The sentences of `text`, each with its trailing whitespace trimmed.
pub fn split(text: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    cuts.extend(starts(text));
    cuts.push(text.len());
    cuts.windows(2).map(|w| text[w[0]..w[1]].trim_end()).filter(|s| !s.is_empty()).collect()
}

/// Whether the stop at byte `dot` ends a sentence, judged by the word before it.
fn ends_sentence(text: &str, sentence_start: usize, dot: usize) -> bool {
    let word_start = text[sentence_start..dot].rfind([' ', '\n']).map_or(sentence_start, |p| sentence_start + p + 1);
    let word = text[word_start..=dot].trim_start_matches(['(', '[', '‘', '“', '"', '\'']).to_lowercase();
    let single_letter = word.len() == 2 && word.as_bytes()[0].is_ascii_alphabetic();
    let numbered = word[..word.len() - 1].chars().all(|c| c.is_ascii_digit() || c == '.');
    !ABBREVIATIONS.contains(&word.as_str()) && !single_letter && !numbered && !word.contains("..")
}

/// Whether `rest` begins like a sentence.
fn can_start(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| c.is_uppercase() || matches!(c, '‘' | '“' | '"' | '(' | '«'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_stops_before_a_capital_only() {
        assert_eq!(
            split("First one. Second? Third! e.g. not this. Avg. neither."),
            ["First one.", "Second?", "Third! e.g. not this.", "Avg. neither."]
        );
        assert_eq!(
            split("See section 6. 2. Monitoring is next. It works (e.g. UAM). Yes."),
            ["See section 6. 2. Monitoring is next.", "It works (e.g. UAM).", "Yes."]
        );
    }

    #[test]
    fn a_paragraph_break_ends_a_sentence() {
        assert_eq!(split("no stop here\n\nnext paragraph"), ["no stop here", "next paragraph"]);
        assert_eq!(starts("One cat. Two."), [9]);
    }

    proptest::proptest! {
        /// Any text: offsets are char boundaries in increasing order, and the pieces rebuild it.
        #[test]
        fn offsets_are_boundaries(text in "[a-zé€ .?!\\n A-Z😀(]{0,60}") {
            let s = starts(&text);
            for w in s.windows(2) { proptest::prop_assert!(w[0] < w[1]); }
            for o in &s { proptest::prop_assert!(text.is_char_boundary(*o)); }
        }
    }
}
