//! Languages: the label catalogue (the fixed wording of the form in every edition language) and
//! the number formats. Content translations build on the same [`Lang`].

pub mod labels;
pub mod lang;
pub mod number;
pub mod po;
pub mod translate;
pub mod units;
pub mod update;

pub use labels::{Catalogue, LabelError, Labels};
pub use lang::{Lang, LangChoice};
