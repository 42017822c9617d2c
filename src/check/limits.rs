//! SFC2014's field limits (`templates/limits.yaml`): a text longer than its field allows is
//! refused at entry by SFC2014, so `check` refuses it first, counted as SFC2014 counts.

use crate::form::FieldLimit;
use crate::load::SourceFiles;

use super::{Finding, Level, Param};

/// A text within 5 % of its limit (of 100 characters or more): not an error, but the team
/// should see the wall coming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearLimit {
    pub limit: FieldLimit,
    pub count: usize,
}

/// Every limit applied to the source-language text at its path: an error finding for each
/// text over its limit (and for a limit whose path names no text), and the texts near theirs.
pub fn check(limits: &[FieldLimit], files: &SourceFiles) -> (Vec<Finding>, Vec<NearLimit>) {
    let (mut over, mut near) = (Vec::new(), Vec::new());
    for limit in limits {
        let text = |name: &'static str, value: &str| (name, Param::Text(value.to_string()));
        let Some(count) = files.value_at(&limit.path).and_then(|(_, value)| printed_length(&value)) else {
            over.push(Finding {
                level: Level::Error,
                code: "sfc.maxlength",
                message: "rule.sfc.maxlength-path",
                params: vec![text("field", &limit.field), text("name", &limit.name), text("path", &limit.path)],
                path: String::new(),
                hint: None,
            });
            continue;
        };
        if count > limit.max {
            let n = |v: usize| Param::Count(v);
            over.push(Finding {
                level: Level::Error,
                code: "sfc.maxlength",
                message: "rule.sfc.maxlength",
                params: vec![
                    text("field", &limit.field),
                    text("name", &limit.name),
                    ("count", n(count)),
                    ("max", n(limit.max)),
                ],
                path: limit.path.clone(),
                hint: Some((
                    "rule.sfc.maxlength.hint",
                    vec![("over", n(count - limit.max)), text("source", &limit.source)],
                )),
            });
        } else if limit.max >= 100 && count * 100 >= limit.max * 95 {
            // Under 100, 5 % is a few characters: the limit of a code (CCI, year) is its format.
            near.push(NearLimit { limit: limit.clone(), count });
        }
    }
    (over, near)
}

/// The length of a value as SFC2014 counts it: characters, spaces included, of the text as
/// the submitted print shows it. A narrative's paragraphs (and list items) are joined by one
/// line break, the sentences of a paragraph by a space; Markdown marks (`**`, `*`) are not
/// printed and not counted (SFC2014's fields are plain text), a list item's mark is printed
/// as a bullet and a space (or `1. `) and counted. A list of blocks is read as the narrative
/// prints it: a block that `continues` runs on in the previous paragraph. A number or a date
/// counts as written. `None` for a value that is not text (a mapping).
pub fn printed_length(value: &serde_yaml::Value) -> Option<usize> {
    use serde_yaml::Value;
    let paragraphs: Vec<String> = match value {
        Value::String(markdown) => plain_paragraphs(markdown),
        Value::Number(n) => vec![n.to_string()],
        Value::Bool(b) => vec![b.to_string()],
        Value::Sequence(blocks) => {
            let mut out: Vec<String> = Vec::new();
            for block in blocks {
                let (text, continues) = match block {
                    Value::String(text) => (text.as_str(), false),
                    Value::Mapping(m) => (
                        m.get("text").and_then(Value::as_str)?,
                        m.get("continues").and_then(Value::as_bool).unwrap_or(false),
                    ),
                    _ => return None,
                };
                let mut paragraphs = plain_paragraphs(text).into_iter();
                if continues && let (Some(last), Some(first)) = (out.last_mut(), paragraphs.next()) {
                    last.push(' ');
                    last.push_str(&first);
                }
                out.extend(paragraphs);
            }
            out
        }
        Value::Null | Value::Mapping(_) | Value::Tagged(_) => return None,
    };
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    Some(chars + paragraphs.len().saturating_sub(1))
}

/// A Markdown text as the print shows it, one string per paragraph or list item.
fn plain_paragraphs(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut numbers: Vec<Option<u64>> = Vec::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(text);
        }
        current.clear();
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Start(Tag::List(first)) => numbers.push(first),
            Event::End(TagEnd::List(_)) => {
                numbers.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut out);
                match numbers.last_mut() {
                    Some(Some(n)) => {
                        current.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => current.push_str("• "),
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => flush(&mut current, &mut out),
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn length(yaml: &str) -> Option<usize> {
        printed_length(&serde_yaml::from_str(yaml).unwrap())
    }

    #[test]
    fn sfc_counts_the_printed_text_spaces_included() {
        // Sentences of a paragraph joined by a space, paragraphs by one line break.
        assert_eq!(length("\"One.\\nTwo.\\n\\nThree.\""), Some("One. Two.\nThree.".len()));
        // Markdown marks are not printed; a list item's mark is, as `• `.
        assert_eq!(length("\"A **bold** *word*.\""), Some("A bold word.".len()));
        assert_eq!(length("\"Intro:\\n\\n- a\\n- b\\n\""), Some("Intro:\n• a\n• b".chars().count()));
        assert_eq!(length("\"1. x\\n2. y\\n\""), Some("1. x\n2. y".len()));
        // Characters, not bytes: `é` is one.
        assert_eq!(length("\"été\""), Some(3));
        // Blocks as printed: a continuing block runs on in the previous paragraph.
        assert_eq!(
            length("[\"A.\", {scope: x, continues: true, text: \"B.\"}, {scope: y, text: \"C.\"}]"),
            Some("A. B.\nC.".len())
        );
        assert_eq!(length("2014"), Some(4));
        assert_eq!(length("2014BE65AMNP001"), Some(15));
        assert_eq!(length("{a: 1}"), None);
    }
}
