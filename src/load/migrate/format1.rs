//! Format 1 → 2: the edition matrix (commit ee9c32d). Before it, amif-doc built one
//! document, the full programme, in French and in English; a folder without
//! `editions.yaml` gets that matrix.

use super::{Filled, Tree};

pub const WHAT: &str = "the edition matrix, editions.yaml";

/// The editions format 1 built.
const MATRIX: &str = "\
# The edition matrix: every document `amif-doc build` writes, each in the listed languages.
# Written when the programme was upgraded from content format 1, which had no matrix: the
# full programme in French and English, the editions amif-doc built then.
editions:
  - name: programme
    languages: [fr, en]
";

pub fn apply(tree: &mut Tree, filled: &mut Vec<Filled>) {
    if tree.get("editions.yaml").is_some() {
        return;
    }
    tree.set("editions.yaml", MATRIX.to_string());
    filled.push(Filled {
        file: "editions.yaml".into(),
        message: "the full programme in fr and en, the editions amif-doc built in format 1".into(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_is_the_programme_in_french_and_english() {
        let mut tree = Tree::from_files([("programme.yaml", "cci: X\n")]);
        let mut filled = vec![];
        apply(&mut tree, &mut filled);
        let editions = tree.yaml("editions.yaml").expect("written");
        assert_eq!(editions["editions"][0]["name"].as_str(), Some("programme"));
        assert_eq!(
            editions["editions"][0]["languages"],
            serde_yaml::from_str::<serde_yaml::Value>("[fr, en]").unwrap()
        );
        let again = tree.clone();
        apply(&mut tree, &mut filled);
        assert_eq!((tree, filled.len()), (again, 1));
    }
}
