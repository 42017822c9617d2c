//! Raw content → [`Programme`]: every problem is collected with its location, none stops
//! early.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::*;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::raw::*;
use crate::load::{FileId, RawContent, SourceFiles};

/// Builds the programme from raw content, collecting every problem.
pub fn build(raw: RawContent, files: &SourceFiles) -> Result<(Programme, Vec<Diagnostic>), Diagnostics> {
    let source = raw.meta.1.source_language.parse::<Lang>().unwrap_or(Lang::EN);
    let scopes = raw.meta.1.scopes.iter().map(|s| s.id.clone()).collect();
    let mut b = Builder { files, source, problems: vec![], to_fill: vec![], file: raw.meta.0, scopes };
    let meta = b.meta(raw.meta.1);
    b.file = raw.summary.0;
    let summary = b.required_narrative(raw.summary.1.summary, "summary");
    b.file = raw.baseline.0;
    let baseline = b.required_narrative(raw.baseline.1.baseline, "baseline");
    let objectives = b.objectives(raw.objectives, &meta);
    b.file = raw.financing.0;
    b.objective_files(&raw.financing.1.table1, &objectives);
    b.file = raw.reference.0;
    let reference = b.reference(raw.reference.1);
    b.file = raw.special_cases.0;
    let special_cases = b.special_cases(raw.special_cases.1, &meta, &reference);
    b.file = raw.indicators.0;
    let indicators = b.indicators(raw.indicators.1);
    b.file = raw.framework.0;
    let framework = b.framework(raw.framework.1);
    b.file = raw.financing.0;
    let financing = b.financing(raw.financing.1, &meta);
    b.file = raw.editions.0;
    let ids: Vec<&str> = objectives.iter().map(|o| o.id.as_str()).collect();
    let editions = b.editions(raw.editions.1, &ids);
    if b.problems.is_empty() {
        let programme = Programme {
            meta,
            summary,
            baseline,
            objectives,
            special_cases,
            reference,
            indicators,
            framework,
            financing,
            editions,
        };
        Ok((programme, b.to_fill))
    } else {
        Err(Diagnostics(b.problems))
    }
}

pub(super) struct Builder<'a> {
    pub(super) files: &'a SourceFiles,
    pub(super) source: Lang,
    pub(super) problems: Vec<Diagnostic>,
    /// Required texts left empty: warnings, so that a programme being written (`amif-doc
    /// new`) checks and builds as a draft while `check` lists what is still to fill; and
    /// completeness errors ([`Builder::incomplete`]), which stop a build but not a review.
    pub(super) to_fill: Vec<Diagnostic>,
    pub(super) file: FileId,
    /// The ids of the scopes the programme declares.
    pub(super) scopes: Vec<String>,
}

/// The largest action or main-action number: the form numbers actions across the programme,
/// and a programme of 2014-2020 has a few dozen (Belgium: 21).
pub const MAX_NUMBER: u32 = 999;

impl Builder<'_> {
    pub(super) fn error(&mut self, code: &'static str, path: &str, message: String, hint: Option<String>) {
        let mut d = Diagnostic::error(code, message).at(self.files.locate(self.file, path));
        if let Some(hint) = hint {
            d = d.with_hint(hint);
        }
        self.problems.push(d);
    }

    /// An error of completeness (a section the programme lacks): it stops a build like any
    /// error, but a review (`diff`, the git driver) or a draft can still read the programme,
    /// as it reads one whose rules fail.
    pub(super) fn incomplete(&mut self, code: &'static str, path: &str, message: String, hint: String) {
        let d = Diagnostic::error(code, message).at(self.files.locate(self.file, path)).with_hint(hint);
        self.to_fill.push(d);
    }

    pub(super) fn text(&mut self, raw: RawText, _path: &str) -> Text {
        Text::new(self.source, raw)
    }

    /// A text that must say something: an empty one is still to fill (`text-empty`).
    pub(super) fn required_text(&mut self, raw: RawText, path: &str) -> Text {
        let text = self.text(raw, path);
        if text.by_lang.values().all(|t| t.trim().is_empty()) {
            self.still_to_fill(path, "write the text");
        }
        text
    }

    /// A narrative that must say something.
    pub(super) fn required_narrative(&mut self, raw: RawNarrative, path: &str) -> Narrative {
        let narrative = self.narrative(raw, path);
        if narrative.is_empty() {
            self.still_to_fill(path, "write the text");
        }
        narrative
    }

    fn still_to_fill(&mut self, path: &str, hint: &str) {
        let d = Diagnostic::warning("text-empty", "this text is empty: still to fill")
            .at(self.files.locate(self.file, path))
            .with_hint(hint.to_string());
        self.to_fill.push(d);
    }

    /// A reference to a scope the programme declares.
    pub(super) fn scope(&mut self, raw: Option<String>, path: &str) -> Option<Scope> {
        let raw = raw?;
        if self.scopes.contains(&raw) {
            return Some(Scope(raw));
        }
        let ids: Vec<&str> = self.scopes.iter().map(String::as_str).collect();
        let message = format!("unknown scope `{raw}`");
        let hint = if ids.is_empty() {
            "the programme declares no scopes (`scopes:` in programme.yaml)".to_string()
        } else {
            crate::diag::suggest::hint(&raw, &ids, "programme.yaml declares")
        };
        self.error("scope-unknown", path, message, Some(hint));
        None
    }

    pub(super) fn narrative(&mut self, raw: RawNarrative, path: &str) -> Narrative {
        let blocks = match raw {
            RawNarrative::One(text) => vec![RawBlock::Plain(text)],
            RawNarrative::Blocks(blocks) => blocks,
        };
        let mut out = Vec::new();
        for (i, block) in blocks.into_iter().enumerate() {
            let at = format!("{path}[{i}]");
            match block {
                RawBlock::Plain(text) => {
                    out.push(Block { scope: None, continues: false, text: Text::new(self.source, text) })
                }
                RawBlock::Scoped(b) => {
                    let scope = self.scope(b.scope, &format!("{at}.scope"));
                    // The first block has nothing to continue.
                    let continues = b.continues && i > 0;
                    out.push(Block { scope, continues, text: Text::new(self.source, b.text) });
                }
            }
        }
        Narrative { blocks: out }
    }

    /// A number the form prints as a count or a numbering (an action, a main action): 1 to
    /// [`MAX_NUMBER`].
    pub(super) fn count(&mut self, value: u32, path: &str, what: &str) {
        if !(1..=MAX_NUMBER).contains(&value) {
            let msg = format!("{what} run from 1 to {MAX_NUMBER}, not {value}");
            self.error("number-range", path, msg, None);
        }
    }

    pub(super) fn year(&mut self, value: i32, path: &str, first: i32, last: i32) {
        if !(first..=last).contains(&value) {
            let msg = format!("year {value} is outside {first}-{last}");
            self.error("year-range", path, msg, None);
        }
    }

    fn meta(&mut self, raw: RawMeta) -> Meta {
        if raw.source_language.parse::<Lang>().is_err() {
            let msg = format!("unknown source language `{}`", raw.source_language);
            self.error("lang-unknown", "source_language", msg, Some("use `en` or `fr`".into()));
        }
        let version_number = raw.version.parse::<Decimal>().unwrap_or_else(|_| {
            let msg = format!("version `{}` is not a number like `7.0`", raw.version);
            self.error("version-invalid", "version", msg, None);
            Decimal::ONE
        });
        let date = parse_date(&raw.date).unwrap_or_else(|| {
            let msg = format!("date `{}` is not a date like `2019-06-28`", raw.date);
            self.error("date-invalid", "date", msg, None);
            (raw.first_year, 1, 1)
        });
        if raw.first_year > raw.last_year {
            let msg = format!("first_year {} is after last_year {}", raw.first_year, raw.last_year);
            self.error("year-range", "first_year", msg, None);
        }
        // A programming period of the EU budget: seven years, with room for a longer one.
        let mut in_range = true;
        for (key, year) in [("first_year", raw.first_year), ("last_year", raw.last_year)] {
            if !(2000..=2100).contains(&year) {
                self.error("year-range", key, format!("year {year} is outside 2000-2100"), None);
                in_range = false;
            }
        }
        // Only between two years in range: an absurd year is reported above, once.
        if in_range && raw.last_year - raw.first_year > 12 {
            let msg = format!(
                "a programme of {} years ({}-{})",
                raw.last_year - raw.first_year + 1,
                raw.first_year,
                raw.last_year
            );
            self.error("year-range", "last_year", msg, Some("a programming period lasts at most 13 years".into()));
        }
        let documents = raw
            .documents
            .into_iter()
            .enumerate()
            .map(|(i, d)| Document {
                title: self.text(d.title, &format!("documents[{i}].title")),
                kind: d.kind,
                date: d.date,
                local_reference: d.local_reference,
                commission_reference: d.commission_reference,
                files: d.files,
                sent_date: d.sent_date,
                sent_by: d.sent_by,
            })
            .collect();
        let mut ids = BTreeSet::new();
        let scopes = raw
            .scopes
            .into_iter()
            .enumerate()
            .map(|(i, sc)| {
                if !ids.insert(sc.id.clone()) {
                    self.error(
                        "id-duplicate",
                        &format!("scopes[{i}].id"),
                        format!("scope `{}` is declared twice", sc.id),
                        None,
                    );
                }
                ScopeDecl {
                    name: self.required_text(sc.name, &format!("scopes[{i}].name")),
                    tag: self.required_text(sc.tag, &format!("scopes[{i}].tag")),
                    id: sc.id,
                }
            })
            .collect();
        Meta {
            scopes,
            title: self.required_text(raw.title, "title"),
            member_state: self.required_text(raw.member_state, "member_state"),
            responsible_authority: self.required_text(raw.responsible_authority, "responsible_authority"),
            cci: raw.cci,
            version: raw.version,
            version_number,
            first_year: raw.first_year,
            last_year: raw.last_year,
            source: self.source,
            date,
            documents,
        }
    }

    fn framework(&mut self, raw: RawFramework) -> Framework {
        let parts = [
            ("partnership_preparation", raw.partnership_preparation),
            ("monitoring_committee", raw.monitoring_committee),
            ("monitoring_evaluation", raw.monitoring_evaluation),
            ("partnership_implementation", raw.partnership_implementation),
            ("information_publicity", raw.information_publicity),
            ("coordination", raw.coordination),
            ("main_beneficiaries", raw.main_beneficiaries),
            ("direct_award", raw.direct_award),
        ];
        let sections = parts.into_iter().map(|(key, n)| (key, self.required_narrative(n, key))).collect();
        Framework { sections }
    }
}

/// A calendar date `YYYY-MM-DD`, read with the `time` crate so that `2019-02-31` is refused.
fn parse_date(text: &str) -> Option<(i32, u8, u8)> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(text.trim(), &format).ok()?;
    Some((date.year(), u8::from(date.month()), date.day()))
}
