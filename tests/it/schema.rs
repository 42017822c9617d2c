//! The JSON Schemas editors read (`content/.schema/`): never stale, and they accept every
//! content file the loader accepts while refusing what it refuses (an unknown key, a wrong
//! type), checked with an independent validator (the jsonschema crate), as an editor would.

use std::path::Path;

use amif_doc::load::schema::{self, SCHEMA_DIR};
use serde_json::Value;

use crate::common::*;

/// The content file as the JSON an editor validates (YAML read as data).
fn as_json(path: &Path) -> Value {
    let yaml: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::to_value(yaml).unwrap()
}

/// Every problem the schema finds in `doc`, as `path: message`.
fn problems(schema_name: &str, doc: &Value) -> Vec<String> {
    let (_, text) = schema::schemas().into_iter().find(|(n, _)| *n == schema_name).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    validator.iter_errors(doc).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn the_committed_schemas_are_current() {
    for (name, text) in schema::schemas() {
        let path = repo().join("content").join(SCHEMA_DIR).join(name);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(committed == text, "{} is stale: run `amif-doc schema` and commit it", path.display());
    }
}

#[test]
fn every_content_file_is_valid_against_its_schema() {
    for content in [fixture(), repo().join("tests/fixtures/other/content")] {
        let files = amif_doc::load::content_files(&content);
        assert!(files.len() >= 10, "{files:?}");
        for rel in files {
            let name = schema::schema_name(&rel).unwrap_or_else(|| panic!("{rel} has no schema"));
            let path = content.join(&rel);
            assert_eq!(problems(name, &as_json(&path)), Vec::<String>::new(), "{}", path.display());
        }
    }
}

/// `amif-doc schema` on a programme: the schemas, and every content file pointed at its own
/// (relative) schema on its first line; run again, it has nothing left to do.
#[test]
fn schema_points_every_content_file_at_its_schema_once() {
    let dir = scratch("schema");
    let content = copy_content(&dir);
    let plan = schema::plan(&content).unwrap();
    assert_eq!(plan.len(), schema::schemas().len() + amif_doc::load::content_files(&content).len());
    for p in &plan {
        amif_doc::write::atomic(&p.path, p.text.as_bytes()).unwrap();
    }
    for rel in amif_doc::load::content_files(&content) {
        let text = std::fs::read_to_string(content.join(&rel)).unwrap();
        assert_eq!(text.lines().next().map(str::to_string), schema::header(&rel), "{rel}");
        let schema_file = text.lines().next().unwrap().rsplit('=').next().unwrap();
        assert!(content.join(&rel).parent().unwrap().join(schema_file).exists(), "{rel}: {schema_file}");
    }
    assert!(schema::plan(&content).unwrap().is_empty());
}

#[test]
fn an_unknown_key_and_a_wrong_type_are_refused() {
    let mut doc = as_json(&fixture().join("programme.yaml"));
    doc["titel"] = Value::from("A misspelled key");
    doc["first_year"] = Value::from("twenty fourteen");
    let got = problems("programme.schema.json", &doc);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got.iter().any(|p| p.contains("'titel' was unexpected")), "{got:#?}");
    assert!(got.iter().any(|p| p.starts_with("/first_year: ") && p.contains("is not of type \"integer\"")), "{got:#?}");

    let mut so1 = as_json(&fixture().join("objectives/so1.yaml"));
    so1["national_objectives"][0]["actions"][0]["numbr"] = Value::from(3);
    let got = problems("objective.schema.json", &so1);
    assert!(got.iter().any(|p| p.starts_with("/national_objectives/0/actions/0") && p.contains("'numbr'")), "{got:#?}");

    let mut financing = as_json(&fixture().join("financing.yaml"));
    financing["basic_amount"] = Value::from("100 817 784,00");
    let got = problems("financing.schema.json", &financing);
    assert!(got.iter().any(|p| p.starts_with("/basic_amount: ")), "{got:#?}");
}

#[test]
fn hovering_a_key_explains_it() {
    let (_, text) = schema::schemas().into_iter().find(|(n, _)| *n == "objective.schema.json").unwrap();
    assert!(
        text.contains(
            "\"description\": \"The action's number as printed (`Action 13`); unique across the programme.\""
        )
    );
    assert!(text.contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\""));
}
