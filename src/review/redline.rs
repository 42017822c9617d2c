//! The redline edition: the new version typeset with inserted words underlined, deleted words
//! struck through, changed table values highlighted with the old value beside them, and the
//! change report as its first page.

use std::path::Path;

use serde_json::Value;
use similar::{ChangeTag, TextDiff};

use crate::form::Form;
use crate::i18n::{Catalogue, LabelError, Labels, Lang};
use crate::markup::markdown::{Mark, Span};
use crate::markup::rich::{self, Inline};
use crate::model::{EditionSpec, Narrative, Programme, Text, Texts};
use crate::pipeline::Error;
use crate::render::{RenderError, Templates};
use crate::review::Review;
use crate::review::compare::{Kind, Op, Report};
use crate::typeset::{DocumentFacts, Fonts, Typesetter};
use crate::view::{Edition, EditionLabels, RedlineRow, RedlineSummary};

/// Typesets the redline of `review` into `out` (atomically): of the whole programme, or of one
/// edition of the matrix (`only`, e.g. a community's excerpt).
pub fn build(
    review: &Review,
    catalogue: &Catalogue,
    form: &Form,
    lang: Lang,
    only: Option<&str>,
    out: &Path,
) -> Result<(), Error> {
    let labels = catalogue.for_lang(lang)?;
    let text_labels = catalogue.for_lang(review.new.programme.meta.source)?;
    let both = EditionLabels { form: &labels, text: &text_labels, catalogue: Some(catalogue) };
    // The redline marks changes in the texts as written: the source language, whatever the form's.
    let matrix = &review.new.programme.editions;
    let (scope, objectives) = match only {
        None => (None, None),
        Some(name) => match matrix.iter().find(|e| e.name == name) {
            Some(e) => (e.scope.clone(), e.objectives.clone()),
            None => {
                let known: Vec<&str> = matrix.iter().map(|e| e.name.as_str()).collect();
                return Err(Error::UnknownEdition { name: name.to_string(), known: known.join(", ") });
            }
        },
    };
    let name = only.map_or("redline".to_string(), |n| format!("{n}-redline"));
    let spec = EditionSpec { name, scope, objectives, langs: vec![lang], bilingual: vec![], texts: Texts::Source };
    let edition = Edition { spec, lang, second: None };
    let cut = |p: &Programme| crate::model::excerpt::filter(p, &edition.spec);
    let (old_programme, new_programme) = (cut(&review.old.programme), cut(&review.new.programme));
    let figures = |p: &Programme, all: &crate::compute::Figures| {
        if edition.spec.is_excerpt() { crate::compute::compute(p) } else { all.clone() }
    };
    let (old_figures, new_figures) =
        (figures(&old_programme, &review.old.figures), figures(&new_programme, &review.new.figures));
    let merged = merge(&old_programme, &new_programme);
    let mut new_view = crate::view::build(&merged, &new_figures, &review.new.findings, &edition, &both)?;
    // The change summary in the redline's language: its labels and the form's codes.
    let report = crate::review::compare::compare(&review.old, &review.new, &labels);
    new_view.redline = Some(summary(review, &report, &labels)?);
    let old_view = crate::view::build(&old_programme, &old_figures, &review.old.findings, &edition, &both)?;
    let json = |v| serde_json::to_value(v).map_err(|e| RenderError::Template(e.to_string()));
    let mut value = json(&new_view)?;
    let old = json(&old_view)?;
    mark_values(&mut value, &old, "");
    let templates = Templates::load(form)?;
    let source = templates.render_value(&value, &labels, None)?;
    let typesetter = Typesetter::new(Fonts::load(form)?);
    let meta = &review.new.programme.meta;
    let facts = DocumentFacts { date: meta.date, ident: format!("{}-{}-redline-{lang}", meta.cci, meta.version) };
    let typeset = typesetter.pdf(&format!("redline-{lang}"), &source, &facts).map_err(|error| {
        Error::TypesetEdition { edition: format!("the redline ({lang})"), error, kept: String::new() }
    })?;
    Ok(crate::write::atomic(out, &typeset.pdf)?)
}

/// The change report as the redline's first page.
fn summary(review: &Review, report: &Report, labels: &Labels) -> Result<RedlineSummary, LabelError> {
    let rows = report
        .changes
        .iter()
        .filter(|c| !(c.kind == Kind::Total && c.id.contains(".year.")))
        .map(|c| {
            let is_value = !matches!(c.kind, Kind::Text | Kind::Finding | Kind::Order);
            let detail = match (c.kind, &c.old, &c.new) {
                (Kind::Order, ..) => {
                    rich::text(c.moved.iter().map(|m| format!("moved: {m}")).collect::<Vec<_>>().join("; "))
                }
                (Kind::Text, Some(_), Some(_)) => c
                    .words
                    .iter()
                    .map(|s| match s.op {
                        "insert" => Inline::Inserted { body: rich::text(s.text.clone()) },
                        "delete" => Inline::Deleted { body: rich::text(s.text.clone()) },
                        _ => Inline::text(s.text.replace("\n\n", " ¶ ")),
                    })
                    .collect(),
                (Kind::Text | Kind::Finding, old, new) => rich::text(new.clone().or(old.clone()).unwrap_or_default()),
                _ => vec![],
            };
            let op = match c.op {
                Op::Added => "+",
                Op::Removed => "-",
                Op::Changed => "~",
            };
            let value =
                |v: &Option<String>| if is_value { v.clone().unwrap_or_else(|| "–".into()) } else { String::new() };
            let mut row = RedlineRow {
                section: c.section.clone(),
                label: c.label.clone(),
                op: op.into(),
                detail,
                old: value(&c.old),
                new: value(&c.new),
                delta: c.delta.clone().unwrap_or_default(),
            };
            // Money in the edition's own number format.
            if let Some((old, new)) = c.amounts {
                let fmt = |v: Option<rust_decimal::Decimal>| v.map_or("–".to_string(), |d| labels.number.decimal2(d));
                row.old = fmt(old);
                row.new = fmt(new);
                row.delta = labels.number.signed(new.unwrap_or_default() - old.unwrap_or_default());
            }
            row
        })
        .collect();
    let decision_needed = if report.decision_needed.is_empty() {
        String::new()
    } else {
        let abbr = labels.get("abbr.so")?;
        let codes: Vec<String> =
            report.decision_needed.iter().map(|so| format!("{abbr}{}", so.trim_start_matches("so"))).collect();
        let list = codes.join(", ");
        labels.fill("review.decision_needed", &[("list", &list)])?
    };
    let compared = review.compared.clone();
    Ok(RedlineSummary { compared, rows, decision_needed })
}

/// The new programme with every narrative merged with its old version, changes marked.
pub fn merge(old: &Programme, new: &Programme) -> Programme {
    let mut out = new.clone();
    out.summary = merge_narrative(Some(&old.summary), &new.summary);
    out.baseline = merge_narrative(Some(&old.baseline), &new.baseline);
    for so in &mut out.objectives {
        let old_so = old.objectives.iter().find(|o| o.id == so.id);
        so.objective = merge_narrative(old_so.map(|o| &o.objective), &so.objective);
        for no in &mut so.national_objectives {
            let old_no = old_so.and_then(|o| o.national_objectives.iter().find(|n| n.id == no.id));
            no.intro = merge_narrative(old_no.map(|n| &n.intro), &no.intro);
            for a in &mut no.actions {
                let old_a = old_no.and_then(|n| n.actions.iter().find(|x| x.id == a.id));
                a.title = merge_text(old_a.map(|x| &x.title), &a.title);
                a.body = merge_narrative(old_a.map(|x| &x.body), &a.body);
            }
        }
        for sa in &mut so.specific_actions {
            let old_sa = old_so.and_then(|o| o.specific_actions.iter().find(|x| x.id == sa.id));
            sa.text = merge_narrative(old_sa.map(|x| &x.text), &sa.text);
        }
    }
    out.special_cases.pledging = merge_narrative(Some(&old.special_cases.pledging), &new.special_cases.pledging);
    for (key, n) in &mut out.framework.sections {
        let old_n = old.framework.sections.iter().find(|(k, _)| k == key).map(|(_, n)| n);
        *n = merge_narrative(old_n, n);
    }
    out.financing.justification = merge_narrative(Some(&old.financing.justification), &new.financing.justification);
    out
}

fn merge_text(old: Option<&Text>, new: &Text) -> Text {
    let mut out = new.clone();
    let old_text = old.and_then(|t| t.by_lang.get(&t.source)).map_or("", String::as_str);
    if let Some(text) = out.by_lang.get_mut(&new.source) {
        let (merged, spans) = merge_markdown(old_text, text);
        *text = merged;
        out.marks.insert(new.source, spans);
    }
    out
}

fn merge_narrative(old: Option<&Narrative>, new: &Narrative) -> Narrative {
    let mut out = new.clone();
    for (i, block) in out.blocks.iter_mut().enumerate() {
        let old_block = old.and_then(|o| o.blocks.get(i)).filter(|b| b.scope == block.scope);
        block.text = merge_text(old_block.map(|b| &b.text), &block.text);
    }
    out
}

/// Merges two Markdown texts word by word: the new text with the deleted words kept where
/// they were, and the spans of inserted and deleted words beside it. Whitespace and list
/// markers stay unmarked so the structure survives; words of one kind separated by spaces
/// only are one span.
pub fn merge_markdown(old: &str, new: &str) -> (String, Vec<Span>) {
    if old == new {
        return (new.to_string(), vec![]);
    }
    let mut out = String::new();
    let mut spans: Vec<Span> = Vec::new();
    for change in TextDiff::from_words(old, new).iter_all_changes() {
        let token = change.value();
        let at_line_start = out.is_empty() || out.trim_end_matches(' ').ends_with('\n');
        let is_marker = at_line_start && is_list_marker(token);
        let mark = match change.tag() {
            ChangeTag::Equal => None,
            ChangeTag::Insert if token.trim().is_empty() || is_marker => None,
            ChangeTag::Delete if token.trim().is_empty() || is_marker => continue,
            ChangeTag::Insert => Some(Mark::Inserted),
            ChangeTag::Delete => Some(Mark::Deleted),
        };
        let start = out.len();
        out.push_str(token);
        let Some(mark) = mark else { continue };
        match spans.last_mut() {
            Some(last) if last.mark == mark && out[last.range.end..start].chars().all(|c| c == ' ') => {
                last.range.end = out.len();
            }
            _ => spans.push(Span { range: start..out.len(), mark }),
        }
    }
    (out, spans)
}

fn is_list_marker(token: &str) -> bool {
    matches!(token, "-" | "+" | "*")
        || (token.ends_with('.') && token[..token.len() - 1].chars().all(|c| c.is_ascii_digit()) && token.len() > 1)
}

/// Marks every display value of `new` (a string or runs) that differs from `old` at the same
/// place: it becomes one [`Inline::Changed`] run, which the templates' `markup` filter prints.
/// Rows are matched by their `id` or `label`, so an added row is not compared with its neighbour. Narratives (merged word by
/// word before) and metadata fields are left alone.
fn mark_values(new: &mut Value, old: &Value, key: &str) {
    // Metadata, and values the templates use as keys, not print: `style`, `phases`, `draft_label`.
    const SKIP: [&str; 17] = [
        "lang",
        "lang_code",
        "document_title",
        "authority_plain",
        "title_plain",
        "cci",
        "id",
        "alt",
        "redline",
        "kind",
        "style",
        "phases",
        "draft_label",
        "key",
        "first",
        "second",
        "source_lang",
    ];
    if SKIP.contains(&key) || new.get("kind").and_then(Value::as_str) == Some("narrative") {
        return;
    }
    if is_runs(new) || is_runs(old) {
        if new != old {
            let changed = Inline::Changed { new: runs_of(new), old: runs_of(old) };
            *new = serde_json::to_value(vec![changed]).unwrap_or_default();
        }
        return;
    }
    match (new, old) {
        (Value::Object(n), Value::Object(o)) => {
            for (k, v) in n.iter_mut() {
                if let Some(ov) = o.get(k) {
                    mark_values(v, ov, k);
                }
            }
        }
        (Value::Array(n), Value::Array(o)) => {
            let key_of = |v: &Value| v.get("id").or_else(|| v.get("label")).cloned();
            for (i, item) in n.iter_mut().enumerate() {
                let matched = match key_of(item) {
                    Some(k) => o.iter().find(|x| key_of(x).as_ref() == Some(&k)),
                    None => o.get(i),
                };
                if let Some(ov) = matched {
                    mark_values(item, ov, key);
                }
            }
        }
        (n @ Value::String(_), Value::String(o)) if n.as_str() != Some(o) => {
            let changed = Inline::Changed { new: runs_of(n), old: rich::text(o.clone()) };
            *n = serde_json::to_value(vec![changed]).unwrap_or_default();
        }
        _ => {}
    }
}

/// Whether a view value is runs of rich text (an array of objects with a `kind`).
fn is_runs(value: &Value) -> bool {
    value.as_array().and_then(|a| a.first()).and_then(|v| v.get("kind")).is_some()
}

fn runs_of(value: &Value) -> Vec<Inline> {
    serde_json::from_value(value.clone()).unwrap_or_else(|_| match value.as_str() {
        Some(text) => crate::markup::rich::text(text),
        None => vec![],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The merged text with its spans written in: `{+inserted|`, `[-deleted|`.
    fn show((text, spans): (String, Vec<Span>)) -> String {
        let mut out = text.clone();
        for span in spans.iter().rev() {
            let open = if span.mark == Mark::Inserted { "{+" } else { "[-" };
            out.insert(span.range.end, '|');
            out.insert_str(span.range.start, open);
        }
        out
    }

    /// Every value the templates print goes through their `markup` filter, so a redline in
    /// which every value changed shows each as a change: never `[object]`, never a value's JSON.
    /// Rows are matched by id or label, so labels are changed in one pass and kept in another
    /// (where rows keyed by their label are then matched and their values changed).
    #[test]
    fn a_redline_prints_every_changed_value_as_a_change() {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
        let form = Form::built_in();
        let catalogue = Catalogue::load(&form).expect("the built-in catalogue");
        let checked = crate::pipeline::load_and_check(&content, &catalogue).expect("the frozen programme");
        let fr: Lang = "fr".parse().expect("a language code");
        let labels = catalogue.for_lang(fr).expect("French labels");
        let both = EditionLabels { form: &labels, text: &labels, catalogue: Some(&catalogue) };
        let spec = EditionSpec {
            name: "redline".into(),
            scope: None,
            objectives: None,
            langs: vec![fr],
            bilingual: vec![],
            texts: Texts::Source,
        };
        let edition = Edition { spec, lang: fr, second: None };
        let view = crate::view::build(&checked.programme, &checked.figures, &checked.findings, &edition, &both)
            .expect("the view");
        let new = serde_json::to_value(&view).expect("a view is JSON");
        let templates = Templates::load(&form).expect("the built-in templates");
        for change_labels in [true, false] {
            let mut old = new.clone();
            alter(&mut old, "", change_labels);
            let mut marked = new.clone();
            mark_values(&mut marked, &old, "");
            let source = templates.render_value(&marked, &labels, None).expect("a redline renders");
            assert!(!source.contains("[object]") && !source.contains("\"kind\""), "a value printed unfiltered");
            let changes = source.matches("#rl-new[").count();
            assert!(changes > 250, "every value is marked: {changes}");
        }
    }

    /// Every string of a view's JSON changed, except the keys rows are matched by (and the
    /// labels, unless `labels`) and the kinds of rich values.
    fn alter(value: &mut Value, key: &str, labels: bool) {
        if matches!(key, "id" | "kind") || (!labels && key == "label") {
            return;
        }
        match value {
            Value::String(s) => s.push('~'),
            Value::Array(items) => items.iter_mut().for_each(|v| alter(v, key, labels)),
            Value::Object(fields) => fields.iter_mut().for_each(|(k, v)| alter(v, k, labels)),
            _ => {}
        }
    }

    #[test]
    fn merges_words_and_keeps_structure() {
        assert_eq!(
            show(merge_markdown("with other policy domains", "with all policy domains")),
            "with [-other|{+all| policy domains"
        );
        assert_eq!(show(merge_markdown("- a\n- b\n", "- a\n- b\n- c\n")), "- a\n- b\n- {+c|\n");
        assert_eq!(show(merge_markdown("one two", "one two three four")), "one two {+three four|");
    }

    proptest::proptest! {
        /// Any two texts (accents, emoji, punctuation): a merge, never a panic.
        #[test]
        fn merges_never_panic(a in "[a-zé€ .?!\\n A-Z😀]{0,60}", b in "[a-zé€ .?!\\n A-Z😀]{0,60}") {
            let (text, spans) = merge_markdown(&a, &b);
            for span in spans {
                proptest::prop_assert!(text.get(span.range).is_some(), "a span on char boundaries");
            }
        }
    }
}
