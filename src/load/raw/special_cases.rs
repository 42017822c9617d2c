//! Raw types of section 4: `special_cases.yaml` and the reference list it picks its terms
//! from (`reference.yaml`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::RawNarrative;
use super::RawText;
use crate::amount::Amount;

/// `content/reference.yaml`: the terms the special cases pick from (resettlement categories,
/// countries), each with its name in every language the form prints in.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReference {
    /// The resettlement categories (common Union priorities, vulnerable groups) that
    /// `special_cases.yaml` may pledge, by id.
    #[serde(default)]
    pub resettlement_categories: Vec<RawTerm>,
    /// The countries transfers may come from or go to, by id.
    #[serde(default)]
    pub countries: Vec<RawTerm>,
}

/// A term of the reference list: `{id: greece, name: {fr: Grèce, en: Greece, ...}}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    /// The id special_cases.yaml refers to it by (`syrian-refugees-region`, `greece`).
    pub id: String,
    /// Its name in every language of the label catalogue (`fr: Grèce`, `en: Greece`, ...).
    pub name: BTreeMap<crate::i18n::Lang, String>,
    /// Languages whose name is an unverified reconstruction, as in the label catalogue.
    #[serde(default)]
    pub unverified: Vec<crate::i18n::Lang>,
}

/// `content/special_cases.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSpecialCases {
    /// The pledging periods, in order (ids such as `2014-2015`).
    pub pledging_periods: Vec<RawPeriod>,
    /// The lump sums per person, with their legal basis.
    pub lump_sums: Vec<RawLumpSum>,
    /// 4.1 Resettlement: the pledging text and the categories pledged.
    pub resettlement: RawResettlement,
    /// 4.2 Transfers and relocation of beneficiaries of international protection.
    #[serde(default)]
    pub transfers: Vec<RawTransfer>,
    /// 4.3 Admission from Turkey (Council Decision (EU) 2016/1754); leave it out when there is none.
    pub admission_turkey: Option<RawAdmission>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// The period's id, as content refers to it (`2014-2015`).
    pub id: String,
    /// Its first year.
    pub first_year: i32,
    /// Its last year.
    pub last_year: i32,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLumpSum {
    /// The lump sum's id, as categories and transfers refer to it.
    pub id: String,
    /// Euro per person (a decimal number, at most two decimals).
    pub amount: Amount,
    /// The legal basis of the lump sum.
    pub legal_basis: RawText,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResettlement {
    /// The pledging text printed above the table (Markdown).
    pub pledging: Option<RawNarrative>,
    /// The categories pledged, one row of the resettlement table each.
    #[serde(default)]
    pub categories: Vec<RawCategory>,
}

/// Persons pledged per pledging period id; a period left out is "no pledge".
pub type RawPersons = BTreeMap<String, i64>;

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCategory {
    /// The category: an id of `resettlement_categories` in reference.yaml (`syrian-refugees-region`).
    pub id: String,
    /// The id of the lump sum that applies.
    pub lump_sum: String,
    /// Whether it is a common Union resettlement priority (counted in `Total - Union priorities`).
    #[serde(default)]
    pub union_priority: bool,
    /// Persons pledged per pledging period id; a period left out prints an empty cell.
    pub persons: RawPersons,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTransfer {
    /// A stable id for the row.
    pub id: String,
    /// The kind of transfer, as the label catalogue names it (`relocation-1523`).
    pub kind: String,
    /// The country the persons come from: an id of `countries` in reference.yaml (`italy`).
    pub from: Option<String>,
    /// The country they go to: an id of `countries` in reference.yaml.
    pub to: String,
    /// Persons per pledging period id.
    pub persons: RawPersons,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAdmission {
    /// Persons to be admitted per pledging period id.
    pub persons: RawPersons,
}
