//! `amif-doc new`: the content folder of a new programme, from the form's skeleton
//! (`templates/new/`, built in): every file and every section of the form, empty texts, zero amounts and
//! comments saying what goes where. What the form holds lives in those files (data); this
//! module only fills in the Member State's code, the years and the source language, and
//! points each file at its JSON Schema.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::form::{Form, FormError};
use crate::i18n::Lang;
use crate::load::schema;
use crate::write::{self, WriteError};

/// Why `new` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("`{}` already holds files; amif-doc new only writes into a new or empty folder", .0.display())]
    NotEmpty(PathBuf),
    #[error("member state code `{0}` is not two capital letters (an ISO 3166 code such as NL, DE, EL)")]
    Code(String),
    #[error("years {0} to {1} are not a programming period (first ≤ last, within 2000-2100)")]
    Years(i32, i32),
    #[error(transparent)]
    Read(#[from] FormError),
    #[error("skeleton template `{0}`: {1}")]
    Template(String, String),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// What a new programme starts from.
#[derive(Debug, Clone)]
pub struct NewProgramme {
    /// ISO 3166 alpha-2 code, as the CCI spells it (`NL`, `EL`).
    pub member_state: String,
    pub first_year: i32,
    pub last_year: i32,
    pub source_language: Lang,
}

#[derive(Serialize)]
struct Period {
    id: String,
    first_year: i32,
    last_year: i32,
}

#[derive(Serialize)]
struct Context {
    cci: String,
    first_year: i32,
    last_year: i32,
    source_language: String,
    years: Vec<i32>,
    periods: Vec<Period>,
}

/// Two-year pledging periods, the last one taking what is left: 2014-2020 gives the periods
/// of Implementing Regulation (EU) No 801/2014 (2014-2015, 2016-2017, 2018-2020).
fn periods(first: i32, last: i32) -> Vec<Period> {
    let mut out = Vec::new();
    let mut start = first;
    while start <= last {
        let end = if last - start < 3 { last } else { start + 1 };
        out.push(Period { id: format!("{start}-{end}"), first_year: start, last_year: end });
        start = end + 1;
    }
    out
}

/// Writes the content folder `content` for `new` from the form's skeleton (`templates/new`),
/// and the JSON Schemas into its `.schema/`. Returns the files written.
pub fn create(form: &Form, content: &Path, new: &NewProgramme) -> Result<Vec<PathBuf>, ScaffoldError> {
    let code = &new.member_state;
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ScaffoldError::Code(code.clone()));
    }
    let (first, last) = (new.first_year, new.last_year);
    if !(2000..=2100).contains(&first) || !(first..=2100).contains(&last) {
        return Err(ScaffoldError::Years(first, last));
    }
    if std::fs::read_dir(content).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(ScaffoldError::NotEmpty(content.to_path_buf()));
    }
    let context = Context {
        cci: format!("{first}{code}65AMNP001"),
        first_year: first,
        last_year: last,
        source_language: new.source_language.to_string(),
        years: (first..=last).collect(),
        periods: periods(first, last),
    };
    let context = tera::Context::from_serialize(&context)
        .map_err(|e| ScaffoldError::Template("context".into(), e.to_string()))?;
    // Everything rendered first: a broken skeleton writes nothing.
    let mut planned = Vec::new();
    for file in form.templates_under("new")? {
        let rel = file.rel.clone();
        let rendered = tera::Tera::one_off(file.text("templates/new")?, &context, false)
            .map_err(|e| ScaffoldError::Template(rel.clone(), crate::render::error_chain(&e)))?;
        let rendered = match schema::header(&rel) {
            Some(header) => schema::with_header(&rendered, &header),
            None => rendered,
        };
        planned.push((content.join(&rel), rendered));
    }
    for (name, text) in schema::schemas() {
        planned.push((content.join(schema::SCHEMA_DIR).join(name), text));
    }
    for (target, text) in &planned {
        write::atomic(target, text.as_bytes())?;
    }
    Ok(planned.into_iter().map(|(target, _)| target).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pledging_periods_follow_regulation_801_2014() {
        let ids = |f, l| periods(f, l).into_iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ids(2014, 2020), ["2014-2015", "2016-2017", "2018-2020"]);
        assert_eq!(ids(2021, 2027), ["2021-2022", "2023-2024", "2025-2027"]);
        assert_eq!(ids(2021, 2021), ["2021-2021"]);
    }
}
