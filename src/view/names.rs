//! The names of the form's specific objectives and their lines, composed from the label
//! catalogue in one language (`Objectif spécifique 1 - Asile`, `OS1 Asile`, `NO2 - Integration`):
//! shared by the view builder, the tables and the bilingual rows.

use crate::i18n::{LabelError, Labels};

/// `Objectif spécifique 1 - Asile`: a specific objective's heading in `l`'s language.
pub(super) fn so_heading(l: &Labels, so: &str, number: u32) -> Result<String, LabelError> {
    let name =
        l.fill("pattern.code_dash_name", &[("code", &number.to_string()), ("name", l.get(&format!("so.{so}"))?)])?;
    Ok(format!("{} {name}", l.get("objective.specific")?))
}

/// `OS1 Asile`: a specific objective as Table 1 names it, in `l`'s language.
pub(super) fn so_code_name(l: &Labels, so: &str, number: u32) -> Result<String, LabelError> {
    let code = format!("{}{number}", l.get("abbr.so")?);
    l.fill("pattern.code_name", &[("code", &code), ("name", l.get(&format!("so.{so}"))?)])
}

/// `NO2 - Integration` or `SA5 - Joint return operations`: a line of a specific objective,
/// in `l`'s language.
pub(super) fn line_label(l: &Labels, so: &str, line: &str, number: u32) -> Result<String, LabelError> {
    let (abbr, name) = if line.starts_with("sa") {
        (l.get("abbr.sa")?, l.get(&format!("sa.{line}"))?)
    } else {
        (l.get("abbr.no")?, l.get(&format!("no.{so}.{line}"))?)
    };
    l.fill("pattern.code_dash_name", &[("code", &format!("{abbr}{number}")), ("name", name)])
}
