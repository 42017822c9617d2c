//! The JSON Schema of every content file, generated from the raw serde types the loader reads
//! them with (schemars): the schema cannot drift from what `load` accepts. Doc comments become
//! descriptions (hover help in editors), `deny_unknown_fields` becomes
//! `additionalProperties: false` (a red underline on a misspelled key). Draft-07, the version
//! yaml-language-server (VS Code's YAML extension, Neovim, Helix) reads.
//!
//! `amif-doc schema` writes them to `content/.schema/` and makes each content file begin with
//! `# yaml-language-server: $schema=<relative path>`, the line those editors look for.

use std::path::{Path, PathBuf};

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use super::raw::*;

/// The folder inside `content/` that holds the schemas (hidden: not a content file).
pub const SCHEMA_DIR: &str = ".schema";

/// The comment that tells editors which schema a file follows.
const HEADER: &str = "# yaml-language-server: $schema=";

/// The schema file that describes a content file (`objectives/so1.yaml` →
/// `objective.schema.json`), or `None` for a file the loader does not read.
pub fn schema_name(rel: &str) -> Option<&'static str> {
    Some(match rel {
        "programme.yaml" => "programme.schema.json",
        "summary.yaml" => "summary.schema.json",
        "baseline.yaml" => "baseline.schema.json",
        "special_cases.yaml" => "special_cases.schema.json",
        "reference.yaml" => "reference.schema.json",
        "indicators.yaml" => "indicators.schema.json",
        "framework.yaml" => "framework.schema.json",
        "financing.yaml" => "financing.schema.json",
        "editions.yaml" => "editions.schema.json",
        _ if rel.starts_with("objectives/") && rel.ends_with(".yaml") && !rel[11..].contains('/') => {
            "objective.schema.json"
        }
        _ => return None,
    })
}

/// Every schema: (file name, JSON text), in a stable order.
pub fn schemas() -> Vec<(&'static str, String)> {
    fn one<T: JsonSchema>(name: &'static str, title: &str) -> (&'static str, String) {
        let mut schema: Schema = SchemaSettings::draft07().into_generator().into_root_schema_for::<T>();
        schema.insert("title".into(), title.into());
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        (name, text + "\n")
    }
    vec![
        one::<RawMeta>("programme.schema.json", "content/programme.yaml"),
        one::<RawSummary>("summary.schema.json", "content/summary.yaml"),
        one::<RawBaseline>("baseline.schema.json", "content/baseline.yaml"),
        one::<RawObjective>("objective.schema.json", "content/objectives/<id>.yaml"),
        one::<RawSpecialCases>("special_cases.schema.json", "content/special_cases.yaml"),
        one::<RawReference>("reference.schema.json", "content/reference.yaml"),
        one::<RawIndicators>("indicators.schema.json", "content/indicators.yaml"),
        one::<RawFramework>("framework.schema.json", "content/framework.yaml"),
        one::<RawFinancing>("financing.schema.json", "content/financing.yaml"),
        one::<RawEditions>("editions.schema.json", "content/editions.yaml"),
    ]
}

/// The first line a content file should have: `# yaml-language-server: $schema=../.schema/…`.
pub fn header(rel: &str) -> Option<String> {
    let name = schema_name(rel)?;
    let up = "../".repeat(rel.matches('/').count());
    Some(format!("{HEADER}{up}{SCHEMA_DIR}/{name}"))
}

/// `text` beginning with its header line: an existing header is replaced, none is added.
pub fn with_header(text: &str, header: &str) -> String {
    match text.strip_prefix(HEADER) {
        Some(rest) => format!("{header}{}", &rest[rest.find('\n').unwrap_or(rest.len())..]),
        None => format!("{header}\n{text}"),
    }
}

/// One file `amif-doc schema` would write, and what it would hold.
pub struct Planned {
    pub path: PathBuf,
    pub text: String,
}

/// What `amif-doc schema` writes in `content`: every schema, and every content file whose
/// header is missing or wrong. Files already right are left out (and untouched).
pub fn plan(content: &Path) -> std::io::Result<Vec<Planned>> {
    let mut plan = Vec::new();
    for (name, text) in schemas() {
        let path = content.join(SCHEMA_DIR).join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            plan.push(Planned { path, text });
        }
    }
    for rel in super::content_files(content) {
        let path = content.join(&rel);
        let (Ok(text), Some(header)) = (std::fs::read_to_string(&path), header(&rel)) else { continue };
        let fixed = with_header(&text, &header);
        if fixed != text {
            plan.push(Planned { path, text: fixed });
        }
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::CONTENT_FILES;

    #[test]
    fn every_content_file_has_a_schema_and_a_relative_header() {
        for file in CONTENT_FILES {
            assert!(schema_name(file).is_some(), "{file} has no schema");
        }
        assert_eq!(header("programme.yaml").unwrap(), "# yaml-language-server: $schema=.schema/programme.schema.json");
        assert_eq!(
            header("objectives/so1.yaml").unwrap(),
            "# yaml-language-server: $schema=../.schema/objective.schema.json"
        );
        assert_eq!(header("translations/fr.po"), None);
        let names: Vec<&str> = schemas().iter().map(|(n, _)| *n).collect();
        for file in CONTENT_FILES.iter().copied().chain(["objectives/so1.yaml"]) {
            assert!(names.contains(&schema_name(file).unwrap()), "{file}");
        }
    }

    #[test]
    fn a_header_is_added_once_and_replaced_when_wrong() {
        let h = "# yaml-language-server: $schema=.schema/summary.schema.json";
        let added = with_header("# Section 1\nsummary: x\n", h);
        assert_eq!(added, format!("{h}\n# Section 1\nsummary: x\n"));
        assert_eq!(with_header(&added, h), added);
        let old = "# yaml-language-server: $schema=old.json\nsummary: x\n";
        assert_eq!(with_header(old, h), format!("{h}\nsummary: x\n"));
    }

    #[test]
    fn schemas_are_draft_07_with_descriptions_and_no_unknown_keys() {
        let (_, text) = schemas().into_iter().find(|(n, _)| *n == "programme.schema.json").unwrap();
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
        let cci = schema["properties"]["cci"]["description"].as_str().unwrap();
        assert!(cci.starts_with("The programme's CCI number"), "{cci}");
    }
}
