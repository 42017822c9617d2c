//! The fixed structure of the SFC2014 AMIF national programme form: which national objectives
//! and specific actions each specific objective has, whatever a Member State uses. Table 1
//! prints every line even when unused, so this list is part of the form, not of the content.

pub struct SfcObjective {
    pub id: &'static str,
    pub number: u32,
    pub national: &'static [&'static str],
    pub specific: &'static [&'static str],
}

impl SfcObjective {
    pub fn national_number(&self, id: &str) -> Option<u32> {
        self.national.contains(&id).then(|| id.trim_start_matches("no").parse().ok()).flatten()
    }

    pub fn specific_number(&self, id: &str) -> Option<u32> {
        self.specific.contains(&id).then(|| id.trim_start_matches("sa").parse().ok()).flatten()
    }
}

pub const OBJECTIVES: [SfcObjective; 4] = [
    SfcObjective { id: "so1", number: 1, national: &["no1", "no2", "no3"], specific: &["sa1", "sa2"] },
    SfcObjective { id: "so2", number: 2, national: &["no1", "no2", "no3"], specific: &["sa3", "sa4", "sa8"] },
    SfcObjective { id: "so3", number: 3, national: &["no1", "no2", "no3"], specific: &["sa5", "sa6", "sa7"] },
    SfcObjective { id: "so4", number: 4, national: &[], specific: &[] },
];

pub fn objective(id: &str) -> Option<&'static SfcObjective> {
    OBJECTIVES.iter().find(|o| o.id == id)
}

/// Kinds of transfer in section 4.2, each with the lump sum that pays for it.
pub const TRANSFER_KINDS: [&str; 3] = ["transfer", "relocation-1523", "relocation-1601"];

/// The lump sum that pays for one kind of special case.
pub fn lump_sum_of_kind(kind: &str) -> &'static str {
    match kind {
        "transfer" => "transfer",
        "admission-turkey" => "admission-turkey",
        _ => "relocation",
    }
}

/// Rows of Table 2, in print order.
pub const TABLE2_ROWS: [&str; 6] =
    ["resettlement", "relocation-1523", "relocation-1601", "relocation-ms", "transfer", "admission-turkey"];

/// Budget lines of Table 3.
pub const TABLE3_LINES: [&str; 2] = ["asylum-solidarity", "integration-return"];
