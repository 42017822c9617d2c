//! Plain-text tools shared by `fmt`, `review` and `i18n`: one sentence splitter and one word
//! diff, so that formatting, change reports and translation units agree on what a sentence is.

pub mod sentences;
pub mod words;
