//! Stage 5, render: an edition's view (`crate::view`) → typst source, through the tera
//! templates in `templates/`. Templates receive display-ready values and do no arithmetic;
//! tera's HTML escaping is replaced by the typst escaper, so every value prints literally, and
//! the `markup` filter (text, runs) and the `flow` filter (a narrative's blocks) print rich
//! values through the one typst writer.

use std::collections::HashMap;

use tera::Tera;

use crate::form::{Form, FormError};
use crate::i18n::{LabelError, Labels};
use crate::markup::escape::{typst_markup, typst_string};
use crate::markup::rich::{self, Inline, Pair};
use crate::markup::write;
use crate::view::View;

/// Why an edition could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Label(#[from] LabelError),
    #[error(transparent)]
    Form(#[from] FormError),
    #[error("cannot load templates: {0}")]
    Load(String),
    #[error("template error: {0}")]
    Template(String),
}

/// The templates, loaded once and used for every edition.
pub struct Templates {
    tera: Tera,
}

impl Templates {
    /// Loads the form's `*.typ` templates (`programme.typ`, `sections/…`), each the project's
    /// if it has one. Values in `.typ` templates are typst-escaped by default; the `markup`
    /// filter prints a view value (text, runs), `flow` a narrative's blocks, through the one
    /// writer of typst.
    pub fn load(form: &Form) -> Result<Templates, RenderError> {
        let mut sources = Vec::new();
        for file in form.templates_under("")? {
            if file.rel.ends_with(".typ") && !file.rel.starts_with("new/") {
                sources.push((file.rel.clone(), file.text("templates")?.to_string()));
            }
        }
        let mut tera = Tera::default();
        tera.add_raw_templates(sources).map_err(|e| RenderError::Load(error_chain(&e)))?;
        tera.autoescape_on(vec![".typ"]);
        tera.set_escape_fn(typst_markup);
        tera.register_filter("typst_str", |value: &tera::Value, _: &HashMap<String, tera::Value>| {
            let text = value.as_str().ok_or("typst_str expects a string")?;
            Ok(tera::Value::String(typst_string(text)))
        });
        tera.register_filter("markup", Writer(write::value));
        tera.register_filter("flow", Writer(write::flow_value));
        Ok(Templates { tera })
    }

    /// Renders the programme template for one edition; `second` are a bilingual edition's
    /// labels in its second language.
    pub fn render(&self, view: &View, labels: &Labels, second: Option<&Labels>) -> Result<String, RenderError> {
        let value = serde_json::to_value(view).map_err(|e| RenderError::Template(e.to_string()))?;
        self.render_value(&value, labels, second)
    }

    /// Renders a view given as JSON (a redline's, its changed values marked).
    pub fn render_value(
        &self,
        view: &serde_json::Value,
        labels: &Labels,
        second: Option<&Labels>,
    ) -> Result<String, RenderError> {
        let mut tera = self.tera.clone();
        let wording = Wording { first: labels.clone(), second: second.cloned() };
        tera.register_function("label", LabelFn { wording: wording.clone(), markup: true });
        tera.register_function("label_text", LabelFn { wording, markup: false });
        let context = tera::Context::from_value(view.clone()).map_err(|e| RenderError::Template(error_chain(&e)))?;
        tera.render("programme.typ", &context).map_err(|e| RenderError::Template(error_chain(&e)))
    }
}

/// The form's labels of an edition: its language's, and a bilingual edition's second one's.
#[derive(Clone)]
struct Wording {
    first: Labels,
    second: Option<Labels>,
}

/// The templates' `label(key=..)`: a label as markup, in a bilingual edition both languages'
/// wording as a pair (drawn by the template's `pair`); `label_text(key=..)`, the same as plain
/// text (`first / second`) for string literals.
struct LabelFn {
    wording: Wording,
    markup: bool,
}

impl tera::Function for LabelFn {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args.get("key").and_then(|v| v.as_str()).ok_or("label() needs key=\"...\"")?;
        let get = |labels: &Labels| {
            labels
                .get(key)
                .map(str::to_string)
                .map_err(|_| tera::Error::msg(format!("label `{key}` is not in the catalogue")))
        };
        let first = get(&self.wording.first)?;
        let second = match &self.wording.second {
            Some(labels) if !Labels::keeps_first(key) => Some((labels.lang, get(labels)?)),
            _ => None,
        };
        let runs = match second {
            Some((lang, second)) if second != first => {
                vec![Inline::Pair(Pair::new(self.wording.first.lang, rich::text(first), lang, rich::text(second)))]
            }
            _ => rich::text(first),
        };
        Ok(tera::Value::String(if self.markup { write::runs(&runs) } else { rich::plain(&runs) }))
    }

    fn is_safe(&self) -> bool {
        self.markup
    }
}

/// The `markup` filter (a view value: text or runs) and the `flow` filter (a narrative's
/// blocks): written as typst markup by the one writer, `crate::markup::write`. Their output is
/// markup, so tera does not escape it again.
struct Writer(fn(&serde_json::Value) -> Result<String, String>);

impl tera::Filter for Writer {
    fn filter(&self, value: &tera::Value, _: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        (self.0)(value).map(tera::Value::String).map_err(tera::Error::msg)
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Tera hides the useful part of an error in its sources: print them all.
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}
