//! Languages: the label catalogue (the fixed wording of the form in every edition language) and
//! the number formats; the PO files as read. Content translations (`crate::translation`) build
//! on the same [`Lang`].

pub mod labels;
pub mod lang;
pub mod number;
pub mod po;

pub use labels::{Catalogue, Filled, LabelError, Labels};
pub use lang::{Lang, LangChoice};

use std::path::PathBuf;

use po::Catalog;

/// One language's translations: the PO file as read.
#[derive(Debug, Clone)]
pub struct Translations {
    pub lang: Lang,
    /// The file as shown to the user (`content/translations/fr.po`).
    pub display: PathBuf,
    pub catalog: Catalog,
}

impl Translations {
    /// Whether a person marked the translation as reviewed (`X-Reviewed: yes` in the header).
    /// Until then editions in this language say on their cover that it is a working translation.
    pub fn reviewed(&self) -> bool {
        self.catalog.field("X-Reviewed").is_some_and(|v| v.eq_ignore_ascii_case("yes"))
    }
}
