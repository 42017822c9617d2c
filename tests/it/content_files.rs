//! The programme's files are content: a specific objective Table 1 funds must have its file, a
//! file amif-doc does not read is refused (never silently left out of the PDF), and an excerpt
//! keeps only objectives the programme has.

use std::path::Path;

use crate::common::*;

/// `amif-doc check`'s exit status on `content`.
fn check_status(content: &Path) -> Option<i32> {
    run_on(content, &["check", "-q"]).0
}

#[test]
fn a_deleted_objective_file_is_named() {
    let dir = scratch("so3-deleted");
    let content = copy_content(&dir);
    std::fs::remove_file(content.join("objectives/so3.yaml")).unwrap();
    assert_eq!(
        content_problems(&content),
        [
            "error[file-missing]: content/financing.yaml:18:3: financing.table1.so3: Table 1 funds `so3`, but `content/objectives/so3.yaml` does not exist (hint: create objectives/so3.yaml (with `id: so3`, its text and national objectives), or remove the so3 lines from Table 1)",
            "error[id-unknown]: content/editions.yaml:36:18: editions[8].objectives[0]: the programme has no specific objective `so3` (hint: did you mean `so1`? (its specific objectives are: so1, so2))",
        ]
    );
    assert_eq!(check_status(&content), Some(1));
}

#[test]
fn a_renamed_objective_file_gets_did_you_mean() {
    let dir = scratch("so3-yml");
    let content = copy_content(&dir);
    std::fs::rename(content.join("objectives/so3.yaml"), content.join("objectives/so3.yml")).unwrap();
    assert_eq!(
        content_problems(&content),
        [
            "error[file-unknown]: content/objectives/so3.yml:1:1: unknown content file `objectives/so3.yml` (hint: did you mean `objectives/so3.yaml`? amif-doc reads only `.yaml` files; a specific objective's file is objectives/<id>.yaml, e.g. objectives/so1.yaml)",
        ]
    );
    assert_eq!(check_status(&content), Some(1));
}

#[test]
fn any_file_amif_doc_does_not_read_is_refused_editor_leftovers_are_not() {
    let dir = scratch("stray");
    let content = copy_content(&dir);
    std::fs::write(content.join("objectives/notes.txt"), "to do\n").unwrap();
    std::fs::write(content.join("translations/fr.po.orig"), "").unwrap();
    std::fs::create_dir(content.join("drafts")).unwrap();
    std::fs::write(content.join("objectives/so1.yaml~"), "").unwrap();
    std::fs::write(content.join("objectives/.so1.yaml.swp"), "").unwrap();
    assert_eq!(
        content_problems(&content),
        [
            "error[file-unknown]: content/drafts:1:1: unknown content folder `drafts` (hint: content files are: programme.yaml, summary.yaml, baseline.yaml, special_cases.yaml, reference.yaml, indicators.yaml, framework.yaml, financing.yaml, editions.yaml, objectives/*.yaml, translations/*.po)",
            "error[file-unknown]: content/objectives/notes.txt:1:1: unknown content file `objectives/notes.txt` (hint: a specific objective's file is objectives/<id>.yaml, e.g. objectives/so1.yaml)",
            "error[file-unknown]: content/translations/fr.po.orig:1:1: unknown content file `translations/fr.po.orig` (hint: a translation file is translations/<language>.po, e.g. translations/fr.po)",
        ]
    );
    assert_eq!(check_status(&content), Some(1));
}

#[test]
fn an_excerpt_keeps_only_objectives_the_programme_has() {
    let dir = scratch("so9");
    let content = copy_content(&dir);
    edit(&content.join("editions.yaml"), "objectives: [so2]", "objectives: [so9]");
    assert_eq!(
        content_problems(&content),
        [
            "error[id-unknown]: content/editions.yaml:19:18: editions[3].objectives[0]: the programme has no specific objective `so9` (hint: did you mean `so1`? (its specific objectives are: so1, so2, so3))",
        ]
    );
    assert_eq!(check_status(&content), Some(1));
}

/// A draft build of a programme missing an objective's file is built, and says on every page
/// that it is incomplete; the ordinary build refuses it and writes nothing.
#[test]
fn a_draft_without_an_objective_file_says_it_is_incomplete() {
    let dir = scratch("so3-draft");
    let content = copy_content(&dir);
    std::fs::remove_file(content.join("objectives/so3.yaml")).unwrap();
    let out = dir.join("out");
    let mut opts = options(&content, &out, &[amif_doc::i18n::Lang::EN]);
    let refused = amif_doc::session::build(&opts).err().map(|e| describe(&e)).unwrap_or_default();
    assert!(refused.contains("file-missing"), "{refused}");
    assert!(!out.join("programme-en.pdf").exists());
    opts.draft = true;
    amif_doc::session::build(&opts).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let first = page_text(&out.join("programme-en.pdf"), 1);
    assert!(first.contains("DRAFT – the programme is incomplete (amif-doc check says what is missing)"), "{first}");
}
