//! Stage 2, model: the checked programme. `load::raw` holds what a file may say; `build` (texts,
//! objectives, matrix) and `inputs` (pledges, indicators, amounts) turn it into these types,
//! with every problem located; `sfc` is the fixed structure of the SFC2014 form; `reference`
//! the terms the special cases refer to (categories, countries); `excerpt` cuts the programme
//! down to one edition.

mod build;
mod editions;
pub mod excerpt;
mod inputs;
mod objectives;
pub mod reference;
mod scope;
pub mod sfc;
mod text;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::i18n::Lang;

pub use build::build;
pub use reference::{Reference, Term};
pub use scope::{Scope, ScopeDecl};
pub use text::{Block, Narrative, Pending, Text};

/// Serializers for the fields whose shape is not a JSON one.
mod ser {
    use super::*;
    use serde::ser::SerializeMap;

    pub fn date<S: Serializer>(d: &(i32, u8, u8), s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{}-{:02}-{:02}", d.0, d.1, d.2))
    }

    pub fn sections<S: Serializer>(sections: &[(&'static str, Narrative)], s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(sections.len()))?;
        for (key, n) in sections {
            map.serialize_entry(key, n)?;
        }
        map.end()
    }

    pub fn table1<S: Serializer>(t: &BTreeMap<(String, String), Decimal>, s: S) -> Result<S::Ok, S::Error> {
        let mut nested: BTreeMap<&str, BTreeMap<&str, &Decimal>> = BTreeMap::new();
        for ((so, line), v) in t {
            nested.entry(so).or_default().insert(line, v);
        }
        nested.serialize(s)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub cci: String,
    pub title: Text,
    pub member_state: Text,
    pub version: String,
    /// `version` as a number (derived, for rule 2.15).
    #[serde(skip)]
    pub version_number: Decimal,
    pub first_year: i32,
    pub last_year: i32,
    pub source: Lang,
    /// (year, month, day) of this version.
    #[serde(serialize_with = "ser::date")]
    pub date: (i32, u8, u8),
    pub responsible_authority: Text,
    /// The levels of government parts of the programme belong to.
    pub scopes: Vec<ScopeDecl>,
    pub documents: Vec<Document>,
}

impl Meta {
    /// A declared scope.
    pub fn scope(&self, scope: &Scope) -> Option<&ScopeDecl> {
        self.scopes.iter().find(|s| s.id == scope.0)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub title: Text,
    pub kind: String,
    pub date: String,
    pub local_reference: String,
    pub commission_reference: String,
    pub files: Vec<String>,
    pub sent_date: String,
    pub sent_by: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Objective {
    /// `so1`..`so4`.
    pub id: String,
    pub number: u32,
    pub objective: Narrative,
    pub national_objectives: Vec<NationalObjective>,
    pub specific_actions: Vec<SpecificAction>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NationalObjective {
    /// `no1`..`no3`.
    pub id: String,
    pub number: u32,
    pub intro: Narrative,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Action {
    pub id: String,
    pub number: u32,
    pub scope: Option<Scope>,
    /// Whether the heading names the scope (`Action 13 (FL):`).
    pub scope_in_heading: bool,
    pub title: Text,
    pub body: Narrative,
    pub timetable: Option<Timetable>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpecificAction {
    /// `sa1`..`sa8`.
    pub id: String,
    pub number: u32,
    pub scope: Option<Scope>,
    pub text: Narrative,
    pub timetable: Option<Timetable>,
}

/// The phases of an action, from which the indicative timetable is derived.
#[derive(Debug, Clone, Serialize)]
pub struct Timetable {
    pub main_action: u32,
    pub name: Text,
    pub planning: i32,
    pub implementation: i32,
    pub closing: i32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub id: String,
    pub first_year: i32,
    pub last_year: i32,
}

impl Period {
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.first_year..=self.last_year
    }
}

/// Persons pledged, one entry per pledging period (same order); `None` = nothing pledged.
pub type Persons = Vec<Option<i64>>;

#[derive(Debug, Clone, Serialize)]
pub struct LumpSum {
    pub id: String,
    pub amount: Decimal,
    pub legal_basis: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub id: String,
    pub lump_sum: String,
    pub union_priority: bool,
    pub persons: Persons,
}

#[derive(Debug, Clone, Serialize)]
pub struct Transfer {
    pub id: String,
    pub kind: String,
    pub from: Option<String>,
    pub to: String,
    pub persons: Persons,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpecialCases {
    pub periods: Vec<Period>,
    pub lump_sums: Vec<LumpSum>,
    pub pledging: Narrative,
    pub categories: Vec<Category>,
    pub transfers: Vec<Transfer>,
    pub admission_turkey: Option<Persons>,
}

impl SpecialCases {
    pub fn lump_sum(&self, id: &str) -> Option<&LumpSum> {
        self.lump_sums.iter().find(|l| l.id == id)
    }
}

#[derive(Debug, Clone, Serialize, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Number,
    Percent,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub id: String,
    pub name: Option<Text>,
    pub unit: Unit,
    pub baseline: Decimal,
    pub target: Decimal,
    pub source: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorGroup {
    pub objective: String,
    pub indicators: Vec<Indicator>,
}

/// Section 6, in print order: (key, narrative).
#[derive(Debug, Clone, Serialize)]
pub struct Framework {
    #[serde(flatten, serialize_with = "ser::sections")]
    pub sections: Vec<(&'static str, Narrative)>,
}

/// The inputs of the financing plan (section 7); every total is computed, never stored.
#[derive(Debug, Clone, Serialize)]
pub struct Financing {
    pub basic_amount: Decimal,
    /// (objective id, line id such as `no1`/`sa5`) → amount.
    #[serde(serialize_with = "ser::table1")]
    pub table1: BTreeMap<(String, String), Decimal>,
    pub technical_assistance: Decimal,
    /// Budget line id → year → commitment.
    pub table3: BTreeMap<String, BTreeMap<i32, Decimal>>,
    pub justification: Narrative,
}

/// One line of the edition matrix: which part of the programme, in which languages.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EditionSpec {
    pub name: String,
    /// Keep only what belongs to this level of government (and to the whole programme).
    pub scope: Option<Scope>,
    /// Keep only these specific objectives.
    pub objectives: Option<Vec<String>>,
    pub langs: Vec<Lang>,
    /// Bilingual documents: (first, second) language, side by side (`fr-en`).
    pub bilingual: Vec<(Lang, Lang)>,
    /// Which language the texts are printed in.
    pub texts: Texts,
}

/// The language of an edition's texts (the form's labels are always the edition's language).
#[derive(Debug, Clone, Serialize, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Texts {
    /// The edition's own language, from the translations (source text where one is missing).
    Translated,
    /// The programme's source language: the print SFC2014 made of the submission.
    Source,
}

impl EditionSpec {
    /// The language the texts of this edition are printed in, for an edition in `lang`.
    pub fn text_lang(&self, lang: Lang, source: Lang) -> Lang {
        match self.texts {
            Texts::Translated => lang,
            Texts::Source => source,
        }
    }

    /// An excerpt is anything but the full programme.
    pub fn is_excerpt(&self) -> bool {
        self.scope.is_some() || self.objectives.is_some()
    }

    /// Whether a specific objective is part of this edition.
    pub fn includes_objective(&self, id: &str) -> bool {
        self.objectives.as_ref().is_none_or(|list| list.iter().any(|o| o == id))
    }

    /// Whether content with this scope is part of this edition.
    pub fn includes_scope(&self, scope: Option<&Scope>) -> bool {
        match (&self.scope, scope) {
            (None, _) | (_, None) => true,
            (Some(mine), Some(theirs)) => mine == theirs,
        }
    }
}

/// The whole programme, checked.
#[derive(Debug, Clone, Serialize)]
pub struct Programme {
    #[serde(rename = "programme")]
    pub meta: Meta,
    pub summary: Narrative,
    pub baseline: Narrative,
    pub objectives: Vec<Objective>,
    pub special_cases: SpecialCases,
    /// The terms the special cases refer to (`content/reference.yaml`).
    pub reference: Reference,
    pub indicators: Vec<IndicatorGroup>,
    pub framework: Framework,
    pub financing: Financing,
    pub editions: Vec<EditionSpec>,
}
