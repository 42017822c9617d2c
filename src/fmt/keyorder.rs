//! Canonical key order for `amif-doc fmt`: the order in which the raw serde types declare
//! their fields. The field lists are read from the types themselves (serde hands them to
//! `deserialize_struct`), so the formatter can never drift from the schema.

use std::cell::Cell;

use serde::de::{self, DeserializeOwned, Visitor};

use crate::load::raw::*;
use crate::yaml;

/// A deserializer that only records the field list a struct asks for.
struct FieldCapture(Cell<Option<&'static [&'static str]>>);

impl<'de> de::Deserializer<'de> for &FieldCapture {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("field capture"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.set(Some(fields));
        Err(de::Error::custom("field capture"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The declared field order of a raw content type.
pub fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    let capture = FieldCapture(Cell::new(None));
    let _ = T::deserialize(&capture);
    capture.0.get().unwrap_or(&[])
}

/// The key order of the mapping found at `context` in `file`: `context` is the chain of keys
/// leading to it, with `[]` for a list item (`national_objectives[].actions[].timetable`).
/// Keys not in the list (years, periods, line ids: data) keep their written order.
pub fn order_for(file: &str, context: &str) -> Option<&'static [&'static str]> {
    let last = context.rsplit('.').next().unwrap_or("");
    match file {
        "programme.yaml" if context.is_empty() => return Some(fields_of::<RawMeta>()),
        "special_cases.yaml" if context.is_empty() => return Some(fields_of::<RawSpecialCases>()),
        "reference.yaml" if context.is_empty() => return Some(fields_of::<RawReference>()),
        "financing.yaml" if context.is_empty() => return Some(fields_of::<RawFinancing>()),
        "framework.yaml" if context.is_empty() => return Some(fields_of::<RawFramework>()),
        "editions.yaml" if context.is_empty() => return Some(fields_of::<RawEditions>()),
        f if f.starts_with("objectives/") && context.is_empty() => return Some(fields_of::<RawObjective>()),
        _ => {}
    }
    Some(match (file, last) {
        (_, "national_objectives[]") => fields_of::<RawNationalObjective>(),
        (_, "actions[]") => fields_of::<RawAction>(),
        (_, "specific_actions[]") => fields_of::<RawSpecificAction>(),
        (_, "timetable") => fields_of::<RawTimetable>(),
        (_, "documents[]") => fields_of::<RawDocument>(),
        (_, "pledging_periods[]") => fields_of::<RawPeriod>(),
        (_, "lump_sums[]") => fields_of::<RawLumpSum>(),
        (_, "resettlement") => fields_of::<RawResettlement>(),
        (_, "categories[]") => fields_of::<RawCategory>(),
        (_, "transfers[]") => fields_of::<RawTransfer>(),
        (_, "admission_turkey") => fields_of::<RawAdmission>(),
        ("reference.yaml", "resettlement_categories[]" | "countries[]") => fields_of::<RawTerm>(),
        (_, "table1") => fields_of::<RawTable1>(),
        (_, "editions[]") => fields_of::<RawEdition>(),
        ("indicators.yaml", l) if l.ends_with("[]") => fields_of::<RawIndicator>(),
        // A scoped narrative block or a translated text: scope first, then languages.
        _ => fields_of::<RawScopedBlock>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_orders_come_from_the_types() {
        assert_eq!(fields_of::<RawTimetable>(), ["main_action", "name", "planning", "implementation", "closing"]);
        assert_eq!(
            fields_of::<RawAction>(),
            ["id", "number", "scope", "scope_in_heading", "title", "body", "timetable"]
        );
        assert_eq!(order_for("objectives/so1.yaml", "national_objectives[].actions[]"), Some(fields_of::<RawAction>()));
        assert_eq!(order_for("indicators.yaml", "so1[]"), Some(fields_of::<RawIndicator>()));
        assert_eq!(order_for("framework.yaml", ""), Some(fields_of::<RawFramework>()));
    }
}

/// Reorders the keys of every mapping of a content file into the canonical order. Comments
/// and blank lines before a key move with it; the file's opening comment stays on top; list
/// items keep their order (it is data); block scalars are untouched. Which line holds which
/// key, and which keys hold a nested block, comes from the YAML pass; a file the parser
/// refuses is left as it is.
pub fn reorder(text: &str, file: &str) -> String {
    let outline = yaml::outline(text);
    if outline.syntax_error.is_some() {
        return text.to_string();
    }
    let lines: Vec<Line> = text.lines().enumerate().map(|(n, l)| Line { n: n + 1, text: l.to_string() }).collect();
    let reorder = Reorder { outline: &outline, file };
    let first = lines.iter().position(|l| reorder.starts_something(l)).unwrap_or(lines.len());
    let mut out = lines[..first].to_vec();
    out.extend(reorder.block(&lines[first..], ""));
    let mut joined = out.into_iter().map(|l| l.text).collect::<Vec<_>>().join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

/// A line of the file, with its number in the file as read (lines move; their keys are known
/// by where they were written).
#[derive(Debug, Clone)]
struct Line {
    n: usize,
    text: String,
}

impl Line {
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start().len()
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

struct Entry {
    leading: Vec<Line>,
    body: Vec<Line>,
}

struct Reorder<'a> {
    outline: &'a yaml::YamlOutline,
    file: &'a str,
}

impl Reorder<'_> {
    /// Whether a line starts or continues a value, rather than being a comment or blank line
    /// between entries (a `#` line inside a block scalar is Markdown, not a comment).
    fn starts_something(&self, line: &Line) -> bool {
        let t = line.text.trim_start();
        self.outline.in_block_scalar(line.n) || (!t.is_empty() && !t.starts_with('#'))
    }

    /// The key written first on `line`, after its indentation.
    fn key_of(&self, line: &Line) -> Option<&yaml::KeyEntry> {
        self.outline.key_at(line.n, line.indent() + 1)
    }

    fn block(&self, lines: &[Line], context: &str) -> Vec<Line> {
        let Some(base) = lines.iter().find(|l| self.starts_something(l)).map(Line::indent) else {
            return lines.to_vec();
        };
        let mut entries: Vec<Entry> = Vec::new();
        let mut pending = Vec::new();
        for line in lines {
            let inside = self.outline.in_block_scalar(line.n);
            if !inside && self.starts_something(line) && line.indent() == base {
                entries.push(Entry { leading: std::mem::take(&mut pending), body: vec![line.clone()] });
            } else if (line.indent() > base || inside) && !line.is_blank() {
                if let Some(e) = entries.last_mut() {
                    e.body.append(&mut pending);
                    e.body.push(line.clone());
                } else {
                    pending.push(line.clone());
                }
            } else {
                pending.push(line.clone());
            }
        }
        let trailing = pending;
        let is_list = entries.first().is_some_and(|e| e.body[0].text.trim_start().starts_with('-'));
        for e in &mut entries {
            e.body = if is_list { self.item(&e.body, base, context) } else { self.entry(&e.body, context) };
        }
        if let Some(order) = order_for(self.file, context).filter(|_| !is_list) {
            let rank = |e: &Entry| {
                let key = self.key_of(&e.body[0]).map_or("", |k| k.key.as_str());
                order.iter().position(|k| *k == key).unwrap_or(order.len())
            };
            entries.sort_by_key(rank);
        }
        let mut out: Vec<Line> = entries.into_iter().flat_map(|e| e.leading.into_iter().chain(e.body)).collect();
        out.extend(trailing);
        out
    }

    /// A `key:` entry: recurse into its nested block mapping or list, never into a scalar.
    fn entry(&self, body: &[Line], context: &str) -> Vec<Line> {
        let Some(key) = self.key_of(&body[0]).filter(|k| k.holds_block && body.len() > 1) else {
            return body.to_vec();
        };
        let child = if context.is_empty() { key.key.clone() } else { format!("{context}.{}", key.key) };
        let mut out = vec![body[0].clone()];
        out.extend(self.block(&body[1..], &child));
        out
    }

    /// A `- ` list item: when it is a mapping, reorder its keys (moving the dash to the new
    /// first key).
    fn item(&self, body: &[Line], base: usize, context: &str) -> Vec<Line> {
        let head = &body[0];
        let after_dash = head.text[base + 1..].trim_start();
        let key_column = head.text.len() - after_dash.len() + 1;
        if key_column != base + 3 || self.outline.key_at(head.n, key_column).is_none() {
            return body.to_vec();
        }
        let mut block = body.to_vec();
        block[0].text = format!("{}  {}", " ".repeat(base), after_dash);
        let mut out = self.block(&block, &format!("{context}[]"));
        if let Some(first) = out.iter_mut().find(|l| self.starts_something(l) && l.indent() == base + 2) {
            first.text.replace_range(base..base + 2, "- ");
        }
        out
    }
}

#[cfg(test)]
mod reorder_tests {
    use super::*;

    #[test]
    fn keys_follow_the_schema_comments_move_with_them() {
        let text = "# head\nid: so1\nnational_objectives:\n  - actions:\n      - timetable:\n          closing: 2022\n          # the phase names\n          name: x\n          main_action: 1\n        title: T\n        id: a1\n    id: no1\nobjective: |\n  id: not a key\n";
        let expected = "# head\nid: so1\nobjective: |\n  id: not a key\nnational_objectives:\n  - id: no1\n    actions:\n      - id: a1\n        title: T\n        timetable:\n          main_action: 1\n          # the phase names\n          name: x\n          closing: 2022\n";
        let got = reorder(text, "objectives/so1.yaml");
        assert_eq!(got, expected);
        assert_eq!(reorder(&got, "objectives/so1.yaml"), got, "idempotent");
    }

    #[test]
    fn a_markdown_heading_stays_in_its_text() {
        // `# ` inside a block scalar is Markdown, not a comment that moves with the next key.
        let text = "objective: |\n  Intro.\n\n  # A heading\nid: so1\n";
        assert_eq!(reorder(text, "objectives/so1.yaml"), "id: so1\nobjective: |\n  Intro.\n\n  # A heading\n");
    }

    #[test]
    fn data_keys_keep_their_order() {
        let text = "table3:\n  b-line:\n    2015: 2\n    2014: 1\nbasic_amount: 5\n";
        assert_eq!(reorder(text, "financing.yaml"), "basic_amount: 5\ntable3:\n  b-line:\n    2015: 2\n    2014: 1\n");
    }
}
