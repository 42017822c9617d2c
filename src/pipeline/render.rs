//! Rendering the editions: for each one, its view (the excerpt of the programme it prints,
//! its labels, its notices) through the templates into typst source.

use crate::check::Level;
use crate::compute;
use crate::diag::Severity;
use crate::i18n::Catalogue;
use crate::model::excerpt;
use crate::render::Templates;
use crate::view::{Edition, EditionLabels};

use super::{Checked, Error, select_editions};

/// The typst source of every edition of the matrix, by file stem: what `fmt` must not change.
pub fn render_all(
    checked: &Checked,
    catalogue: &Catalogue,
    templates: &Templates,
) -> Result<Vec<(String, String)>, Error> {
    let editions = select_editions(&checked.programme.editions, None, &[])?;
    let rendered = render_editions(checked, editions, catalogue, templates, None, false)?;
    Ok(rendered.into_iter().map(|(e, source)| (e.file_stem(), source)).collect())
}

/// Each edition with its typst source (rendering is cheap: typst is the cost). `review`:
/// bilingual editions as their translation-review view (`build --draft`).
pub(crate) fn render_editions(
    checked: &Checked,
    editions: Vec<Edition>,
    catalogue: &Catalogue,
    templates: &Templates,
    source_date_epoch: Option<i64>,
    review: bool,
) -> Result<Vec<(Edition, String)>, Error> {
    editions
        .into_iter()
        .map(|e| {
            let source = render_edition(checked, &e, catalogue, templates, source_date_epoch, review)?;
            Ok((e, source))
        })
        .collect()
}

/// View + templates for one edition: the typst source.
fn render_edition(
    checked: &Checked,
    edition: &Edition,
    catalogue: &Catalogue,
    templates: &Templates,
    source_date_epoch: Option<i64>,
    review: bool,
) -> Result<String, Error> {
    let labels = catalogue.for_lang(edition.lang)?;
    let text_lang = edition.spec.text_lang(edition.lang, checked.programme.meta.source);
    // A bilingual edition prints the form's wording in both languages (`Total général / Grand
    // total`), each from its own labels: the view's pairs, and the templates' `label()`.
    let second_labels = edition.second.map(|second| catalogue.for_lang(second)).transpose()?;
    let text_labels = if edition.second.is_some() { labels.clone() } else { catalogue.for_lang(text_lang)? };
    let programme = excerpt::filter(&checked.programme, &edition.spec);
    let figures = if edition.spec.is_excerpt() { compute::compute(&programme) } else { checked.figures.clone() };
    let both = EditionLabels { form: &labels, text: &text_labels, catalogue: Some(catalogue) };
    let build_view = if review { crate::view::build_review } else { crate::view::build };
    let mut view = build_view(&programme, &figures, &checked.findings, edition, &both)?;
    // Not for submission: a rule fails, or a required text is still empty.
    let rules_fail = checked.findings.iter().any(|f| f.level == Level::Error);
    let to_fill = checked.notes.iter().any(|d| d.code == "text-empty");
    // A draft build of a programme that lacks a section (a missing objective file) says so.
    let incomplete = checked.notes.iter().any(|d| d.severity == Severity::Error);
    view.draft = rules_fail || incomplete || to_fill;
    view.draft_label = match (rules_fail, incomplete) {
        (true, _) => "doc.draft",
        (false, true) => "doc.draft_incomplete",
        (false, false) => "doc.draft_to_fill",
    }
    .to_string();
    let translated = text_lang != checked.programme.meta.source;
    let translation = checked.translations.iter().find(|t| t.lang == text_lang);
    if translated && translation.is_none() {
        view.translation_notice = crate::view::form_label(catalogue, edition, "translation.none")?;
    } else if translated && !translation.is_some_and(|t| t.reviewed()) {
        view.translation_notice = crate::view::form_label(catalogue, edition, "translation.working")?;
    }
    if let Some(epoch) = source_date_epoch {
        view.cover.pdf_date = crate::view::PdfDate::from_unix(epoch);
    }
    Ok(templates.render(&view, &labels, second_labels.as_ref())?)
}
