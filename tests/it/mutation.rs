//! The structural mutation test: the mistakes people make change structure, not only values.
//! A key deleted or written twice, two list items swapped, an item moved to another list, a
//! file deleted or renamed, a translation entry repeated or deleted: each must be refused by
//! `check` or reported by `diff` against the unmutated programme, and none may change what an
//! edition prints silently. `AMIF_STRUCTURAL_MUTATIONS=500 cargo test --test it mutation` runs a larger sample
//! (`AMIF_SHOW_MUTATIONS=1` also lists those that changed nothing printed).

use std::path::Path;

use amif_doc::i18n::Lang;
use amif_doc::pipeline::{self, Checked, Error};
use serde_yaml::Value;

use crate::common::*;

/// A small, seeded random source: the same seed, the same mutations.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// One step into a YAML value: a mapping key or a sequence index.
#[derive(Clone, Debug)]
enum Step {
    Key(Value),
    Index(usize),
}

fn get_mut<'v>(value: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => v.as_mapping_mut().unwrap().get_mut(k).unwrap(),
        Step::Index(i) => &mut v.as_sequence_mut().unwrap()[*i],
    })
}

/// Every mapping and sequence inside `value`, by path.
fn collections(value: &Value, path: Vec<Step>, out: &mut Vec<(Vec<Step>, bool)>) {
    match value {
        Value::Mapping(m) => {
            out.push((path.clone(), true));
            for (k, v) in m {
                let mut p = path.clone();
                p.push(Step::Key(k.clone()));
                collections(v, p, out);
            }
        }
        Value::Sequence(s) => {
            out.push((path.clone(), false));
            for (i, v) in s.iter().enumerate() {
                let mut p = path.clone();
                p.push(Step::Index(i));
                collections(v, p, out);
            }
        }
        _ => {}
    }
}

/// What a mutation did to the programme.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Refused,
    Reported,
    /// Nothing any edition prints changed (swapping two equal items, deleting a key whose
    /// default is its value).
    NoChange,
    Silent,
}

/// Applies mutation number `kind` at a place `rng` picks; describes what it did.
fn mutate(content: &Path, kind: usize, rng: &mut Rng) -> String {
    let mut files: Vec<String> = amif_doc::fmt::content_files(content)
        .iter()
        .map(|p| p.strip_prefix(content).unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let (yaml, po): (Vec<String>, Vec<String>) = files.into_iter().partition(|f| f.ends_with(".yaml"));
    match kind {
        // Delete a key, swap two items, move an item to another list: on the YAML's values.
        0..=2 => {
            let file = &yaml[rng.below(yaml.len())];
            let path = content.join(file);
            let mut value: Value = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let mut sites = Vec::new();
            collections(&value, Vec::new(), &mut sites);
            let maps: Vec<_> = sites.iter().filter(|(p, is_map)| *is_map && !get_ref(&value, p).is_empty()).collect();
            let lists: Vec<_> = sites.iter().filter(|(_, is_map)| !*is_map).collect();
            let said = match kind {
                0 if !maps.is_empty() => {
                    let (p, _) = maps[rng.below(maps.len())].clone();
                    let map = get_mut(&mut value, &p).as_mapping_mut().unwrap();
                    let key = map.keys().nth(rng.below(map.len())).unwrap().clone();
                    map.remove(&key);
                    format!("{file}: deleted {p:?} {key:?}")
                }
                1 if lists.iter().any(|(p, _)| get_ref(&value, p).len() >= 2) => {
                    let long: Vec<_> = lists.iter().filter(|(p, _)| get_ref(&value, p).len() >= 2).collect();
                    let (p, _) = (*long[rng.below(long.len())]).clone();
                    let list = get_mut(&mut value, &p).as_sequence_mut().unwrap();
                    let a = rng.below(list.len());
                    let b = (a + 1 + rng.below(list.len() - 1)) % list.len();
                    list.swap(a, b);
                    format!("{file}: swapped items {a} and {b} of {p:?}")
                }
                2 if lists.len() >= 2 => {
                    let (from, _) = lists[rng.below(lists.len())].clone();
                    let (to, _) = lists[rng.below(lists.len())].clone();
                    let list = get_mut(&mut value, &from).as_sequence_mut().unwrap();
                    if list.is_empty() {
                        return format!("{file}: nothing to move");
                    }
                    let item = list.remove(rng.below(list.len()));
                    // The target may have been inside the removed item: then it is gone too.
                    match try_get_mut(&mut value, &to).and_then(Value::as_sequence_mut) {
                        Some(target) => target.push(item),
                        None => return format!("{file}: nothing to move"),
                    }
                    format!("{file}: moved an item of {from:?} to {to:?}")
                }
                _ => return format!("{file}: no place for mutation {kind}"),
            };
            std::fs::write(&path, serde_yaml::to_string(&value).unwrap()).unwrap();
            said
        }
        // Write a key line twice (what a merge conflict leaves).
        3 => {
            let file = &yaml[rng.below(yaml.len())];
            let path = content.join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let keys: Vec<usize> = (0..lines.len())
                .filter(|&i| {
                    let l = lines[i].trim_start().trim_start_matches("- ");
                    !l.starts_with('#')
                        && l.split_once(": ")
                            .or_else(|| l.strip_suffix(':').map(|k| (k, "")))
                            .is_some_and(|(k, _)| !k.contains(' ') && !k.is_empty())
                })
                .collect();
            let at = keys[rng.below(keys.len())];
            let line = lines[at].replacen("- ", "  ", 1);
            let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            out.insert(at + 1, line.clone());
            std::fs::write(&path, out.join("\n") + "\n").unwrap();
            format!("{file}: repeated line {} `{line}`", at + 1)
        }
        // Delete a file, or rename it.
        4 => {
            let file = &yaml[rng.below(yaml.len())];
            if rng.below(2) == 0 {
                std::fs::remove_file(content.join(file)).unwrap();
                format!("deleted {file}")
            } else {
                let to = if file.starts_with("objectives/") {
                    "objectives/so9.yaml".to_string()
                } else {
                    format!("{file}.old")
                };
                std::fs::rename(content.join(file), content.join(&to)).unwrap();
                format!("renamed {file} to {to}")
            }
        }
        // Repeat or delete a translation entry.
        _ => {
            let file = &po[rng.below(po.len())];
            let path = content.join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            let mut entries: Vec<&str> = text.trim_end().split("\n\n").collect();
            let at = 1 + rng.below(entries.len() - 1);
            let said = if rng.below(2) == 0 {
                let entry = entries[at];
                entries.insert(at, entry);
                format!("{file}: repeated entry {at}")
            } else {
                entries.remove(at);
                format!("{file}: deleted entry {at}")
            };
            std::fs::write(&path, entries.join("\n\n") + "\n").unwrap();
            said
        }
    }
}

fn get_ref<'v>(value: &'v Value, path: &[Step]) -> Collection<'v> {
    let v = path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &v.as_mapping().unwrap()[k],
        Step::Index(i) => &v.as_sequence().unwrap()[*i],
    });
    Collection(v)
}

struct Collection<'v>(&'v Value);

impl Collection<'_> {
    fn len(&self) -> usize {
        match self.0 {
            Value::Mapping(m) => m.len(),
            Value::Sequence(s) => s.len(),
            _ => 0,
        }
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn try_get_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let mut v = value;
    for step in path {
        v = match step {
            Step::Key(k) => v.as_mapping_mut()?.get_mut(k)?,
            Step::Index(i) => v.as_sequence_mut()?.get_mut(*i)?,
        };
    }
    Some(v)
}

/// Each edition's typst source, by file name: the matrix's order prints nowhere.
fn by_edition(sources: Vec<(String, String)>) -> std::collections::BTreeMap<String, String> {
    sources.into_iter().collect()
}

fn load(content: &Path) -> Result<Checked, Error> {
    pipeline::load_and_check(content, &catalogue())
}

/// What mutation `case` does to the frozen programme, and whether it was caught.
fn run_case(case: u64, original: &Checked, sources: &[(String, String)]) -> (Outcome, String) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (case + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let dir = scratch("mutation");
    let content = copy_content(&dir);
    // A mutation with no place to apply in the file drawn is drawn again.
    let mut said = String::new();
    for _ in 0..20 {
        said = mutate(&content, rng.below(6), &mut rng);
        if !said.contains("no place for") && !said.contains("nothing to move") {
            break;
        }
    }
    let outcome = match load(&content) {
        Err(Error::Content(..)) => Outcome::Refused,
        Err(other) => panic!("{said}: {other}"),
        Ok(mutated) => {
            let labels = catalogue().for_lang(Lang::EN).unwrap();
            if !amif_doc::review::compare::compare(original, &mutated, &labels).is_empty() {
                Outcome::Reported
            } else if by_edition(typst_sources(&content)) == by_edition(sources.to_vec()) {
                Outcome::NoChange
            } else {
                Outcome::Silent
            }
        }
    };
    let _ = std::fs::remove_dir_all(&dir);
    (outcome, said)
}

#[test]
fn every_structural_mutation_is_refused_or_reported_never_silent() {
    let cases: u64 = std::env::var("AMIF_STRUCTURAL_MUTATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(36);
    let original = load(&fixture()).unwrap_or_else(|e| panic!("{}", describe(&e)));
    let sources = typst_sources(&fixture());
    // The YAML rewritten as serde_yaml writes it means the same: the mutations start there.
    let dir = scratch("mutation-baseline");
    let content = copy_content(&dir);
    for file in amif_doc::fmt::content_files(&content).iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")) {
        let value: Value = serde_yaml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        std::fs::write(file, serde_yaml::to_string(&value).unwrap()).unwrap();
    }
    assert_eq!(typst_sources(&content), sources, "rewriting the YAML alone changes nothing");

    let mut counts = [0usize; 4];
    let mut silent = Vec::new();
    for case in 0..cases {
        let (outcome, said) = run_case(case, &original, &sources);
        counts[match outcome {
            Outcome::Refused => 0,
            Outcome::Reported => 1,
            Outcome::NoChange => 2,
            Outcome::Silent => 3,
        }] += 1;
        if outcome == Outcome::Silent {
            silent.push(said);
        } else if outcome == Outcome::NoChange && std::env::var_os("AMIF_SHOW_MUTATIONS").is_some() {
            eprintln!("changed nothing printed: {said}");
        }
    }
    eprintln!(
        "structural mutations: {cases} run, {} refused, {} reported, {} changed nothing printed, {} silent",
        counts[0], counts[1], counts[2], counts[3]
    );
    assert!(silent.is_empty(), "changed an edition without a word: {silent:#?}");
    assert!(counts[0] > 0 && counts[1] > 0, "the sample exercises both refusals and reports: {counts:?}");
}
