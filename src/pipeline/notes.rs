//! The notes of a checked programme that are not rule findings: a text near its SFC2014
//! limit, an edition language without a translation file.

use crate::check;
use crate::diag::Diagnostic;
use crate::i18n::Translations;
use crate::i18n::{Labels, Lang};
use crate::load::{self, SourceFiles};
use crate::model::{Programme, excerpt};

/// The info line of a text within 5 % of its SFC2014 limit: how many characters are left.
pub(super) fn near_limit(n: &check::limits::NearLimit, labels: &Labels, files: &SourceFiles) -> Diagnostic {
    let (count, max) = (n.count, n.limit.max);
    let int = |v: usize| labels.number.integer(i64::try_from(v).unwrap_or(i64::MAX));
    let message = format!(
        "field {} ({}): {} of {} characters, {} left before SFC2014's limit",
        n.limit.field,
        n.limit.name,
        int(count),
        int(max),
        int(max - count)
    );
    Diagnostic::info("sfc.maxlength", message).maybe_at(files.locate_path(&n.limit.path))
}

/// One warning per edition and language that has no translation file at all: such an edition
/// prints every text in the source language, and its cover says so.
pub(super) fn without_translation_file(
    p: &Programme,
    translations: &[Translations],
    files: &SourceFiles,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, spec) in p.editions.iter().enumerate() {
        let pairs = spec.bilingual.iter().flat_map(|(a, b)| [*a, *b]);
        let mut langs: Vec<Lang> = spec.langs.iter().copied().chain(pairs).collect();
        langs.dedup();
        let untranslated = langs.into_iter().filter(|&lang| {
            spec.text_lang(lang, p.meta.source) == lang
                && lang != p.meta.source
                && !translations.iter().any(|t| t.lang == lang)
        });
        for lang in untranslated {
            let units = crate::translation::units::units(&excerpt::filter(p, spec)).len();
            let message = format!(
                "edition `{}` in `{lang}`: there is no {}/{lang}.po, so its {units} texts print in the source language ({})",
                spec.name,
                load::TRANSLATIONS,
                p.meta.source
            );
            let hint = format!(
                "create {}/{lang}.po with a translation of each text (copy another language's file and translate its msgstr), or remove `{lang}` from the edition",
                load::TRANSLATIONS
            );
            let d = Diagnostic::warning("i18n.missing", message).with_hint(hint);
            out.push(d.maybe_at(files.locate_path(&format!("editions[{i}].languages"))));
        }
    }
    out
}
