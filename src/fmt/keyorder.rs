//! Canonical key order for `amif-doc fmt`: the order in which the raw serde types declare
//! their fields. The field lists are read from the types themselves (serde hands them to
//! `deserialize_struct`), so the formatter can never drift from the schema.

use std::cell::Cell;

use serde::de::{self, DeserializeOwned, Visitor};

use crate::diag::yaml_line::key_value as key_of;
use crate::model::raw::*;

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
/// items keep their order (it is data); block scalars are untouched.
pub fn reorder(text: &str, file: &str) -> String {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let first = lines.iter().position(|l| is_content(l)).unwrap_or(lines.len());
    let mut out = lines[..first].to_vec();
    out.extend(reorder_block(&lines[first..], file, ""));
    let mut joined = out.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim_start();
    !t.is_empty() && !t.starts_with('#')
}

struct Entry {
    leading: Vec<String>,
    body: Vec<String>,
}

fn reorder_block(lines: &[String], file: &str, context: &str) -> Vec<String> {
    let Some(base) = lines.iter().find(|l| is_content(l)).map(|l| indent(l)) else {
        return lines.to_vec();
    };
    let mut entries: Vec<Entry> = Vec::new();
    let mut pending = Vec::new();
    for line in lines {
        if is_content(line) && indent(line) == base {
            entries.push(Entry { leading: std::mem::take(&mut pending), body: vec![line.clone()] });
        } else if indent(line) > base && !line.trim().is_empty() {
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
    let is_list = entries.first().is_some_and(|e| e.body[0].trim_start().starts_with('-'));
    for e in &mut entries {
        e.body =
            if is_list { reorder_item(&e.body, base, file, context) } else { reorder_entry(&e.body, file, context) };
    }
    if let Some(order) = order_for(file, context).filter(|_| !is_list) {
        let rank = |e: &Entry| {
            let key = key_of(&e.body[0]).map_or("", |(k, _)| k);
            order.iter().position(|k| *k == key).unwrap_or(order.len())
        };
        entries.sort_by_key(rank);
    }
    let mut out: Vec<String> = entries.into_iter().flat_map(|e| e.leading.into_iter().chain(e.body)).collect();
    out.extend(trailing);
    out
}

/// A `key:` entry: recurse into its nested mapping or list, never into a block scalar.
fn reorder_entry(body: &[String], file: &str, context: &str) -> Vec<String> {
    let Some((key, value)) = key_of(&body[0]) else { return body.to_vec() };
    if !value.is_empty() || body.len() == 1 {
        return body.to_vec();
    }
    let child = if context.is_empty() { key.to_string() } else { format!("{context}.{key}") };
    let mut out = vec![body[0].clone()];
    out.extend(reorder_block(&body[1..], file, &child));
    out
}

/// A `- ` list item: when it is a mapping, reorder its keys (moving the dash to the new first key).
fn reorder_item(body: &[String], base: usize, file: &str, context: &str) -> Vec<String> {
    let head = &body[0];
    let after_dash = head[base + 1..].trim_start();
    if key_of(after_dash).is_none() {
        return body.to_vec();
    }
    let mut block = body.to_vec();
    block[0] = format!("{}  {}", " ".repeat(base), after_dash);
    let mut out = reorder_block(&block, file, &format!("{context}[]"));
    if let Some(first) = out.iter_mut().find(|l| is_content(l) && indent(l) == base + 2) {
        first.replace_range(base..base + 2, "- ");
    }
    out
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
    fn data_keys_keep_their_order() {
        let text = "table3:\n  b-line:\n    2015: 2\n    2014: 1\nbasic_amount: 5\n";
        assert_eq!(reorder(text, "financing.yaml"), "basic_amount: 5\ntable3:\n  b-line:\n    2015: 2\n    2014: 1\n");
    }
}
