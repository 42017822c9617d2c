//! Translating the programme's texts: its translation units (`units`), a PO file put into the
//! programme with each unit's state (`translate`), and a PO file brought up to date with the
//! units (`update`). Above `model` (it walks the programme) and `i18n` (languages, PO files).

pub mod translate;
pub mod units;
pub mod update;
