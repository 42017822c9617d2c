//! amif-doc: the AMIF 2014-2020 national programme, from YAML content to PDF editions.
//!
//! The map, in pipeline order (each stage is one module; `pipeline` chains them):
//!
//! ```text
//! load      content/*.yaml → raw serde types, each file first read once by `yaml`; an older
//!           content format first upgraded in memory by `load::migrate`'s steps
//! model     raw → checked Programme (texts, scopes, ids, references, years); excerpts
//! compute   Programme → Figures (rust_decimal money, Tables 1-3, timetable)
//! check     Programme + Figures → rule findings (SFC2014 and amif-doc rules)
//! view      Programme + Figures + labels → one edition's view model (formatted, labelled)
//! render    view model + tera templates → typst source, through `markup` (escaper, markdown)
//! typeset   typst source → PDF bytes (typst as a library, sealed in-memory World)
//! write     PDF bytes → out/*.pdf, atomically
//! ```
//!
//! `pipeline` chains the stages once; `session` is the build, which commands call: one round
//! for `build`, kept warm for `watch` (typst's caches, the sources last written). The walk of
//! a build goes down only: `cmd` → `session` → `pipeline` → the stages.
//!
//! Under the stages: `yaml`, the one pass of a YAML file through a parser that keeps positions
//! (repeated keys, the line and column of every YAML path), used by `load`, `fmt` and the label
//! catalogue; `amount`, the exact amounts content writes, read by `load`, bounded by `model`,
//! added up by `compute`.
//!
//! `form` is what a programme is printed into and with: templates, label catalogue, `new`
//! skeleton and fonts, built into the binary, each overridable by a project's own file.
//!
//! Around the pipeline: `diag` (diagnostics and their printing, suggestions), `i18n` (languages,
//! the label catalogue, PO files), `markup` (rich text as data, Markdown parsed into it, and the
//! one writer of typst markup, which the templates' `markup` filter calls), `translation` (units, translated texts and their states, PO
//! updates), `text` (sentences and word diffs shared by fmt, review and i18n),
//! `git` (the content as it was at a revision, read without a checkout), `review` (comparison,
//! report, redline, history) and `fmt` (the content formatter and `migrate`).

pub mod check;
pub mod compute;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod session;
pub mod typeset;
pub mod view;
pub mod write;

pub mod amount;
pub mod diag;
pub mod fmt;
pub mod form;
pub mod git;
pub mod i18n;
pub mod markup;
pub mod project;
pub mod review;
pub mod scaffold;
pub mod text;
pub mod translation;
pub mod yaml;
