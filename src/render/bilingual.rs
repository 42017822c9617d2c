//! A bilingual edition's texts: each paragraph, list item and action beside its translation.

use super::RenderError;
use super::builder::ViewBuilder;
use crate::i18n::{Labels, Lang};
use crate::model::Text;
use crate::render::markdown;

impl ViewBuilder<'_> {
    /// The labels of one language (a bilingual edition's side).
    pub(super) fn catalogue_labels(&self, lang: Lang) -> Result<Labels, RenderError> {
        match self.catalogue {
            Some(c) => Ok(c.for_lang(lang)?),
            None => Ok(self.tl.clone()),
        }
    }

    /// A text in two columns, unit by unit (`#bi(..)` rows, each cell tagged with its
    /// language), so a reader's eye crosses straight from a paragraph to its translation. The
    /// translation keeps the source's units ([`crate::i18n::units`]), so rows align.
    pub(super) fn side_by_side(&self, t: &Text, second: Lang) -> String {
        use crate::i18n::units::{Piece, segments};
        let (a, a_lang) = t.for_edition(self.lang);
        let (b, b_lang) = t.for_edition(second);
        let units = |text: &str| -> Vec<String> {
            segments(text)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Unit { prefix, text } => {
                        Some(markdown::to_typst_with(&format!("{}{text}", prefix.trim_start()), self.escape))
                    }
                    Piece::Blank => None,
                })
                .collect()
        };
        let (ua, ub) = (units(a), units(b));
        let rows: Vec<(String, String)> = if ua.len() == ub.len() {
            ua.into_iter().zip(ub).collect()
        } else {
            vec![(markdown::to_typst_with(a, self.escape), markdown::to_typst_with(b, self.escape))]
        };
        if rows.is_empty() {
            return String::new();
        }
        let cells: Vec<String> = rows.iter().map(|(x, y)| format!("[{x}], [{y}]")).collect();
        format!("#bi(\"{a_lang}\", \"{b_lang}\", {})", cells.join(", "))
    }

    /// A bilingual action's heading and title: one row, each side in its language.
    pub(super) fn bilingual_action(&self, a: &crate::model::Action, second: Lang) -> Result<String, RenderError> {
        let number = a.number.to_string();
        let side = |lang: Lang| -> Result<String, RenderError> {
            let labels = self.catalogue_labels(lang)?;
            let declared = a.scope.as_ref().filter(|_| a.scope_in_heading).and_then(|s| self.p.meta.scope(s));
            let heading = match declared {
                Some(scope) => {
                    let tag = crate::render::escape::marks::strip(scope.tag.for_edition(lang).0);
                    labels.fill("pattern.action_heading_scoped", &[("number", &number), ("scope", &tag)])?
                }
                None => labels.fill("pattern.action_heading", &[("number", &number)])?,
            };
            let title = markdown::inline_to_typst_with(a.title.for_edition(lang).0, self.escape);
            Ok(format!("[#strong[{}] {title}]", crate::render::escape::typst_markup(&heading)))
        };
        let (a_lang, b_lang) = (a.title.for_edition(self.lang).1, a.title.for_edition(second).1);
        Ok(format!("#bi(\"{a_lang}\", \"{b_lang}\", {}, {})", side(self.lang)?, side(second)?))
    }
}
