//! The integration tests, one binary: each module below used to be its own test crate, and
//! linking typst into nine binaries cost more than running them.

mod common;

mod anywhere;
mod content_files;
mod diagnostics;
mod excerpts;
mod field_limits;
mod formats;
mod history;
mod money;
mod mutation;
mod new_programme;
mod other_programme;
mod pipeline;
mod po_files;
mod printable;
mod repeated_keys;
mod review;
mod review_completeness;
mod robustness;
mod schema;
mod selection;
mod translations;
mod watch;
