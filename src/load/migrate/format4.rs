//! Format 4 → 5: the resettlement categories and countries leave the label catalogue for
//! `reference.yaml` (commit 0be8a2f). A folder without the file gets the terms amif-doc's
//! catalogue named until then, exactly as that commit wrote them.

use super::{Filled, Tree};

pub const WHAT: &str = "resettlement categories and countries declared in reference.yaml";

/// The terms of the label catalogue of format 4, as `reference.yaml`.
const TERMS: &str = include_str!("format4_reference.yaml");

pub fn apply(tree: &mut Tree, filled: &mut Vec<Filled>) {
    if tree.get("reference.yaml").is_some() {
        return;
    }
    tree.set("reference.yaml", TERMS.to_string());
    filled.push(Filled {
        file: "reference.yaml".into(),
        message: "written with the 3 resettlement categories and 3 countries amif-doc's form named in format 4".into(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terms_are_written_once() {
        let mut tree = Tree::from_files([("programme.yaml", "cci: X\n")]);
        let mut filled = vec![];
        apply(&mut tree, &mut filled);
        let reference = tree.yaml("reference.yaml").expect("written");
        let ids = |key: &str| -> Vec<String> {
            reference[key].as_sequence().unwrap().iter().map(|t| t["id"].as_str().unwrap().to_string()).collect()
        };
        assert_eq!(
            ids("resettlement_categories"),
            ["rpp-north-africa", "eastern-africa-great-lakes", "syrian-refugees-region"]
        );
        assert_eq!(ids("countries"), ["belgium", "greece", "italy"]);
        assert_eq!(filled.len(), 1);
        let again = tree.clone();
        apply(&mut tree, &mut filled);
        assert_eq!(tree, again);
        assert_eq!(filled.len(), 1);
    }
}
