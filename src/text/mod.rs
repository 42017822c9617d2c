//! Plain-text tools shared by `fmt`, `review`, `i18n` and `render`: one sentence splitter and one
//! word diff, so that formatting, change reports and translation units agree on what a sentence
//! is; and the units a translator works on.

pub mod sentences;
pub mod units;
pub mod words;
