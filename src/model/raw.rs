//! Raw serde types: exactly what a content file may say, nothing more (unknown keys are
//! errors). `model::build` turns these into the checked [`crate::model::Programme`].

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::compute::money::Amount;

/// A text, in the programme's source language. Its translations are not content files'
/// business: they live in `content/translations/<lang>.po`, one mechanism for every language.
pub type RawText = String;

/// A narrative: one Markdown text, or a list of blocks that may each carry a scope.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawNarrative {
    One(String),
    Blocks(Vec<RawBlock>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawBlock {
    Plain(String),
    Scoped(RawScopedBlock),
}

/// A narrative block that belongs to one scope: `{scope: flemish, text: | ...}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScopedBlock {
    pub scope: Option<String>,
    pub text: String,
}

/// `content/programme.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub cci: String,
    pub title: RawText,
    pub member_state: RawText,
    pub version: String,
    pub first_year: i32,
    pub last_year: i32,
    pub source_language: String,
    pub date: String,
    pub responsible_authority: RawText,
    /// The levels of government parts of the programme belong to.
    #[serde(default)]
    pub scopes: Vec<RawScope>,
    #[serde(default)]
    pub documents: Vec<RawDocument>,
}

/// A level of government: its id (as content refers to it), its name, the tag action
/// headings print.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScope {
    pub id: String,
    pub name: RawText,
    pub tag: RawText,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub title: RawText,
    #[serde(rename = "type")]
    pub kind: String,
    pub date: String,
    #[serde(default)]
    pub local_reference: String,
    #[serde(default)]
    pub commission_reference: String,
    #[serde(default)]
    pub files: Vec<String>,
    #[serde(default)]
    pub sent_date: String,
    #[serde(default)]
    pub sent_by: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSummary {
    pub summary: RawNarrative,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBaseline {
    pub baseline: RawNarrative,
}

/// `content/objectives/soN.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjective {
    pub id: String,
    pub objective: RawNarrative,
    #[serde(default)]
    pub national_objectives: Vec<RawNationalObjective>,
    #[serde(default)]
    pub specific_actions: Vec<RawSpecificAction>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNationalObjective {
    pub id: String,
    pub intro: Option<RawNarrative>,
    #[serde(default)]
    pub actions: Vec<RawAction>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    pub id: String,
    pub number: u32,
    pub scope: Option<String>,
    /// Whether the heading names the scope (`Action 13 (FL):`); default yes.
    pub scope_in_heading: Option<bool>,
    pub title: RawText,
    pub body: Option<RawNarrative>,
    pub timetable: Option<RawTimetable>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpecificAction {
    pub id: String,
    pub scope: Option<String>,
    pub text: RawNarrative,
    pub timetable: Option<RawTimetable>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimetable {
    pub main_action: u32,
    pub name: RawText,
    pub planning: i32,
    pub implementation: i32,
    pub closing: i32,
}

/// `content/reference.yaml`: the terms the special cases pick from (resettlement categories,
/// countries), each with its name in every language the form prints in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReference {
    #[serde(default)]
    pub resettlement_categories: Vec<RawTerm>,
    #[serde(default)]
    pub countries: Vec<RawTerm>,
}

/// A term of the reference list: `{id: greece, name: {fr: Grèce, en: Greece, ...}}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub id: String,
    pub name: BTreeMap<crate::i18n::Lang, String>,
    /// Languages whose name is an unverified reconstruction, as in the label catalogue.
    #[serde(default)]
    pub unverified: Vec<crate::i18n::Lang>,
}

/// `content/special_cases.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpecialCases {
    pub pledging_periods: Vec<RawPeriod>,
    pub lump_sums: Vec<RawLumpSum>,
    pub resettlement: RawResettlement,
    #[serde(default)]
    pub transfers: Vec<RawTransfer>,
    pub admission_turkey: Option<RawAdmission>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub id: String,
    pub first_year: i32,
    pub last_year: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLumpSum {
    pub id: String,
    pub amount: Amount,
    pub legal_basis: RawText,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResettlement {
    pub pledging: Option<RawNarrative>,
    #[serde(default)]
    pub categories: Vec<RawCategory>,
}

/// Persons pledged per pledging period id; a period left out is "no pledge".
pub type RawPersons = BTreeMap<String, i64>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCategory {
    pub id: String,
    pub lump_sum: String,
    #[serde(default)]
    pub union_priority: bool,
    pub persons: RawPersons,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTransfer {
    pub id: String,
    pub kind: String,
    pub from: Option<String>,
    pub to: String,
    pub persons: RawPersons,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdmission {
    pub persons: RawPersons,
}

/// `content/indicators.yaml`: indicators per specific objective id.
pub type RawIndicators = BTreeMap<String, Vec<RawIndicator>>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: String,
    pub name: Option<RawText>,
    pub unit: String,
    pub baseline: Amount,
    pub target: Amount,
    pub source: RawText,
}

/// `content/framework.yaml`: section 6.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    pub partnership_preparation: RawNarrative,
    pub monitoring_committee: RawNarrative,
    pub monitoring_evaluation: RawNarrative,
    pub partnership_implementation: RawNarrative,
    pub information_publicity: RawNarrative,
    pub coordination: RawNarrative,
    pub main_beneficiaries: RawNarrative,
    pub direct_award: RawNarrative,
}

/// `content/financing.yaml`: section 7 inputs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFinancing {
    pub basic_amount: Amount,
    pub table1: RawTable1,
    pub table3: BTreeMap<String, BTreeMap<i32, Amount>>,
    #[serde(default)]
    pub justification: Option<RawNarrative>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTable1 {
    #[serde(default)]
    pub so1: BTreeMap<String, Amount>,
    #[serde(default)]
    pub so2: BTreeMap<String, Amount>,
    #[serde(default)]
    pub so3: BTreeMap<String, Amount>,
    #[serde(default)]
    pub so4: BTreeMap<String, Amount>,
    pub technical_assistance: Amount,
}

/// `content/editions.yaml`: the edition matrix.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEditions {
    pub editions: Vec<RawEdition>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEdition {
    pub name: String,
    pub scope: Option<String>,
    pub objectives: Option<Vec<String>>,
    pub languages: Vec<String>,
    /// Which language the texts are printed in: `translated` (the edition's own, the default)
    /// or `source` (the submission language, as SFC2014 printed it).
    pub texts: Option<String>,
}
