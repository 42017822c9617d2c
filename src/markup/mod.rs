//! The writer of typst markup: the escaper that makes any string print literally, and
//! narrative Markdown written out as typst. The view builder and the templates' filters use it;
//! nothing else writes typst.

pub mod escape;
pub mod markdown;
pub mod rich;
pub mod write;
