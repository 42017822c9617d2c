//! amif-doc: the AMIF 2014-2020 national programme, from YAML content to PDF editions.
//!
//! The pipeline, one module per stage:
//! load (YAML → raw) → model (raw → checked programme) → compute (figures) →
//! check (programme rules) → render (tera → typst source) → typeset (typst → PDF) → write.

pub mod build;
pub mod check;
pub mod compute;
pub mod diag;
pub mod diff;
pub mod diff_report;
pub mod escape;
pub mod excerpt;
pub mod fmt;
pub mod format;
pub mod gitrev;
pub mod keyorder;
pub mod labels;
pub mod lang;
pub mod load;
pub mod locate;
pub mod markdown;
pub mod model;
pub mod money;
pub mod redline;
pub mod render;
pub mod review;
pub mod suggest;
pub mod typeset;
pub mod write;
