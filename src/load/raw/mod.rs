//! Raw serde types: exactly what a content file may say, nothing more (unknown keys are
//! errors). `load` produces them, so they live here; `model::build` turns them into the
//! checked [`crate::model::Programme`].

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::amount::Amount;

mod special_cases;
pub use special_cases::*;

/// A text, in the programme's source language. Its translations are not content files'
/// business: they live in `content/translations/<lang>.po`, one mechanism for every language.
pub type RawText = String;

/// A narrative: one Markdown text, or a list of blocks that may each carry a scope.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RawNarrative {
    One(String),
    Blocks(Vec<RawBlock>),
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RawBlock {
    Plain(String),
    Scoped(RawScopedBlock),
}

/// A narrative block that belongs to one scope: `{scope: flemish, text: | ...}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawScopedBlock {
    /// The scope (level of government) this block belongs to: an id declared under `scopes:` in
    /// programme.yaml. Excerpts keep only their scope's blocks.
    pub scope: Option<String>,
    /// `true`: the block continues the previous block's last paragraph (one paragraph in two
    /// scopes, as the submitted print has it). An excerpt without the previous block starts
    /// a new paragraph.
    #[serde(default)]
    pub continues: bool,
    /// The block's text, in the source language: Markdown (paragraphs, `-` lists, *emphasis*,
    /// **strong**), one sentence per line.
    pub text: String,
}

/// `content/programme.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    /// The programme's CCI number in SFC2014 (e.g. `2014BE65AMNP001`).
    pub cci: String,
    /// The programme's title, as printed on the cover.
    pub title: RawText,
    /// The Member State, as printed on the cover.
    pub member_state: RawText,
    /// The version being prepared, quoted (`"7.0"`). Rule 2.15 applies to versions above 1.
    pub version: String,
    /// The first year of the programming period (2014).
    pub first_year: i32,
    /// The last year of the programming period (2020).
    pub last_year: i32,
    /// The language the texts are written in (an ISO code of the label catalogue: `en`); other
    /// languages come from content/translations/<lang>.po.
    pub source_language: String,
    /// The date this version was finalised, `YYYY-MM-DD`: printed, and the PDF's date.
    pub date: String,
    /// The responsible authority, written to the PDF as its author.
    pub responsible_authority: RawText,
    /// The levels of government parts of the programme belong to.
    #[serde(default)]
    pub scopes: Vec<RawScope>,
    #[serde(default)]
    pub documents: Vec<RawDocument>,
    /// The content format (`5`), last so that it never moves a line; without it, the first
    /// format, read through `amif-doc migrate`'s steps.
    pub format: Option<u32>,
}

/// A level of government: its id (as content refers to it), its name, the tag action
/// headings print.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawScope {
    /// The id content refers to (`scope: flemish`).
    pub id: String,
    /// What an excerpt's heading calls it.
    pub name: RawText,
    /// What an action heading prints (`Action 13 (FL):`).
    pub tag: RawText,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// The document's title.
    pub title: RawText,
    /// The document's type, as SFC2014 lists it.
    #[serde(rename = "type")]
    pub kind: String,
    /// The document's date, `YYYY-MM-DD`.
    pub date: String,
    /// The Member State's own reference.
    #[serde(default)]
    pub local_reference: String,
    /// The Commission's reference (Ares number).
    #[serde(default)]
    pub commission_reference: String,
    /// The files the document consists of.
    #[serde(default)]
    pub files: Vec<String>,
    /// When it was sent to the Commission, `YYYY-MM-DD`.
    #[serde(default)]
    pub sent_date: String,
    /// Who sent it.
    #[serde(default)]
    pub sent_by: String,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSummary {
    /// Section 1, executive summary: Markdown, one sentence per line, or a list of blocks with a
    /// `scope`.
    pub summary: RawNarrative,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBaseline {
    /// Section 2, baseline situation: Markdown, one sentence per line, or a list of blocks with a
    /// `scope`.
    pub baseline: RawNarrative,
}

/// `content/objectives/soN.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawObjective {
    /// The specific objective: `so1` (asylum), `so2` (integration and legal migration), `so3`
    /// (return) or `so4` (solidarity); the file name is `<id>.yaml`.
    pub id: String,
    /// The specific objective's strategy text: Markdown, or a list of blocks with a `scope`.
    pub objective: RawNarrative,
    /// The national objectives of this specific objective, in the form's order.
    #[serde(default)]
    pub national_objectives: Vec<RawNationalObjective>,
    /// The specific actions (`saN` lines of Table 1).
    #[serde(default)]
    pub specific_actions: Vec<RawSpecificAction>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNationalObjective {
    /// The national objective's line: `no1`, `no2`, ... (as in Table 1).
    pub id: String,
    /// Text printed before the actions (Markdown).
    pub intro: Option<RawNarrative>,
    /// The actions funded under this national objective.
    #[serde(default)]
    pub actions: Vec<RawAction>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    /// A stable id for the action within its national objective (`a1`), used by diffs and
    /// translations.
    pub id: String,
    /// The action's number as printed (`Action 13`); unique across the programme.
    pub number: u32,
    /// The level of government the action belongs to: an id declared under `scopes:` in
    /// programme.yaml.
    pub scope: Option<String>,
    /// Whether the heading names the scope (`Action 13 (FL):`); default yes.
    pub scope_in_heading: Option<bool>,
    /// The action's title (inline Markdown).
    pub title: RawText,
    /// The action's description: Markdown, or a list of blocks with a `scope`.
    pub body: Option<RawNarrative>,
    /// The action's row in the timetable of section 3 (main actions).
    pub timetable: Option<RawTimetable>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSpecificAction {
    /// The specific action's line: `sa1`, `sa2`, ... (as in Table 1).
    pub id: String,
    /// The level of government it belongs to: an id declared under `scopes:` in programme.yaml.
    pub scope: Option<String>,
    /// The specific action's description: Markdown, or a list of blocks with a `scope`.
    pub text: RawNarrative,
    /// Its row in the timetable of section 3.
    pub timetable: Option<RawTimetable>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTimetable {
    /// The main action's number within the national objective (1, 2 or 3).
    pub main_action: u32,
    /// The name printed in the timetable.
    pub name: RawText,
    /// The year the planning phase starts.
    pub planning: i32,
    /// The year the implementation phase starts.
    pub implementation: i32,
    /// The year the closing phase starts.
    pub closing: i32,
}

/// `content/indicators.yaml`: indicators per specific objective id.
pub type RawIndicators = BTreeMap<String, Vec<RawIndicator>>;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    /// The indicator: a common one (`c1`, `c2.1`, ...) whose wording is in the label catalogue, or a
    /// programme-specific one with a `name`.
    pub id: String,
    /// The wording of a programme-specific indicator (a common one has its wording in the catalogue).
    pub name: Option<RawText>,
    /// The measurement unit: `number` or `percent`.
    pub unit: String,
    /// The baseline value.
    pub baseline: Amount,
    /// The target value.
    pub target: Amount,
    /// The source of the data.
    pub source: RawText,
}

/// `content/framework.yaml`: section 6.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    /// 6.1 Partnership involvement in the preparation of the programme.
    pub partnership_preparation: RawNarrative,
    /// 6.2 Monitoring committee.
    pub monitoring_committee: RawNarrative,
    /// 6.3 Common monitoring and evaluation framework.
    pub monitoring_evaluation: RawNarrative,
    /// 6.4 Partnership involvement in the implementation, monitoring and evaluation of the national
    /// programme.
    pub partnership_implementation: RawNarrative,
    /// 6.5 Information and publicity.
    pub information_publicity: RawNarrative,
    /// 6.6 Coordination and complementarity with other instruments.
    pub coordination: RawNarrative,
    /// 6.7 Beneficiaries: main types of beneficiaries.
    pub main_beneficiaries: RawNarrative,
    /// 6.7 Beneficiaries: direct award (if applicable).
    pub direct_award: RawNarrative,
}

/// `content/financing.yaml`: section 7 inputs.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFinancing {
    /// The basic amount of the financial perspective for the Member State (rule 2.22.1, minimum
    /// shares).
    pub basic_amount: Amount,
    /// Table 1: one amount per national objective (`noN`) and specific action (`saN`) line used;
    /// lines left out print empty.
    pub table1: RawTable1,
    /// Table 3: per budget line (`asylum-solidarity`, `integration-return`), an amount per
    /// year. Totals are computed.
    pub table3: BTreeMap<String, BTreeMap<i32, Amount>>,
    /// Justification for any deviation from the minimum shares (Markdown).
    #[serde(default)]
    pub justification: Option<RawNarrative>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTable1 {
    /// Specific objective 1, asylum: amount per line (`no1`, `sa1`, ...).
    #[serde(default)]
    pub so1: BTreeMap<String, Amount>,
    /// Specific objective 2, integration and legal migration: amount per line.
    #[serde(default)]
    pub so2: BTreeMap<String, Amount>,
    /// Specific objective 3, return: amount per line.
    #[serde(default)]
    pub so3: BTreeMap<String, Amount>,
    /// Specific objective 4, solidarity: amount per line.
    #[serde(default)]
    pub so4: BTreeMap<String, Amount>,
    /// Technical assistance.
    pub technical_assistance: Amount,
}

/// `content/editions.yaml`: the edition matrix.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEditions {
    /// Every document `amif-doc build` writes.
    pub editions: Vec<RawEdition>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEdition {
    /// The edition's name: files are `<name>-<lang>.pdf`.
    pub name: String,
    /// Keep only what belongs to this scope (plus what belongs to the whole programme): an excerpt.
    pub scope: Option<String>,
    /// Keep only these specific objectives (`so2`).
    pub objectives: Option<Vec<String>>,
    /// The languages to build it in (`fr`, `en`, ...), or a bilingual pair side by side (`fr-en`).
    pub languages: Vec<String>,
    /// Which language the texts are printed in: `translated` (the edition's own, the default)
    /// or `source` (the submission language, as SFC2014 printed it).
    pub texts: Option<String>,
}
