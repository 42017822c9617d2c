//! `amif-doc new`: a repository a programme team can start from. `content/` from the form's
//! skeleton (`templates/new/`, built in): every file and every section of the form, empty
//! texts, zero amounts and comments saying what goes where; beside it, from
//! `templates/project/`, a README for the team, `.gitattributes` for the diff driver,
//! `.gitignore` for `out/` and, if asked, a CI recipe. What the form holds lives in those files
//! (data); this module fills in what the flags say (the Member State, its name and the title
//! from `templates/member_states.yaml`, the years, the source language), points each content
//! file at its JSON Schema, and makes the first commit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::{Deserialize, Serialize};

use crate::form::{Form, FormError};
use crate::i18n::Lang;
use crate::load::schema;
use crate::write::{self, WriteError};

/// Why `new` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("`{}` already holds files; amif-doc new only writes into a new or empty folder", .0.display())]
    NotEmpty(PathBuf),
    #[error("`{0}` is not the code of a Member State taking part in AMIF (the CCI's codes: {1})")]
    Code(String, String),
    #[error("Denmark does not take part in AMIF (Protocol No 22 to the Treaties)")]
    Denmark,
    #[error("`templates/member_states.yaml`: {0}")]
    MemberStates(String),
    #[error("git {0}: {1}")]
    Git(String, String),
    #[error("years {0} to {1} are not a programming period (first ≤ last, within 2000-2100)")]
    Years(i32, i32),
    #[error(transparent)]
    Read(#[from] FormError),
    #[error("skeleton template `{0}`: {1}")]
    Template(String, String),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// What a new programme starts from.
#[derive(Debug, Clone)]
pub struct NewProgramme {
    /// ISO 3166 alpha-2 code, as the CCI spells it (`NL`, `EL`).
    pub member_state: String,
    pub first_year: i32,
    pub last_year: i32,
    pub source_language: Lang,
    /// The CI recipe to write: `gitlab` or `github`.
    pub ci: Option<Ci>,
}

/// Where the team's merge requests are reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ci {
    /// `.gitlab-ci.yml`
    Gitlab,
    /// `.github/workflows/review.yml`
    Github,
}

/// `templates/member_states.yaml`: names by CCI code and language, and the title pattern.
#[derive(Deserialize)]
struct MemberStates {
    title: BTreeMap<Lang, String>,
    #[serde(default)]
    in_text: BTreeMap<String, BTreeMap<Lang, String>>,
    names: BTreeMap<String, BTreeMap<Lang, String>>,
}

#[derive(Serialize)]
struct Period {
    id: String,
    first_year: i32,
    last_year: i32,
}

#[derive(Serialize)]
struct Context {
    cci: String,
    /// The Member State's name and the title in the source language; empty where the form
    /// has no wording (the team writes it, and `check` lists it).
    member_state_name: String,
    /// The name in English, for the team's README.
    member_state_en: String,
    title: String,
    ci: Option<Ci>,
    first_year: i32,
    last_year: i32,
    source_language: String,
    years: Vec<i32>,
    periods: Vec<Period>,
}

/// Two-year pledging periods, the last one taking what is left: 2014-2020 gives the periods
/// of Implementing Regulation (EU) No 801/2014 (2014-2015, 2016-2017, 2018-2020).
fn periods(first: i32, last: i32) -> Vec<Period> {
    let mut out = Vec::new();
    let mut start = first;
    while start <= last {
        let end = if last - start < 3 { last } else { start + 1 };
        out.push(Period { id: format!("{start}-{end}"), first_year: start, last_year: end });
        start = end + 1;
    }
    out
}

/// Writes the repository `dir` for `new`: `content/` from the form's skeleton
/// (`templates/new`) with the JSON Schemas in its `.schema/`, and the team's files from
/// `templates/project`. Everything is rendered before anything is written. Returns the files
/// written.
pub fn create(form: &Form, dir: &Path, new: &NewProgramme) -> Result<Vec<PathBuf>, ScaffoldError> {
    let states = form.template("member_states.yaml")?;
    let states: MemberStates =
        serde_yaml::from_str(states.text("templates")?).map_err(|e| ScaffoldError::MemberStates(e.to_string()))?;
    let code = &new.member_state;
    let Some(names) = states.names.get(code) else {
        if code == "DK" {
            return Err(ScaffoldError::Denmark);
        }
        let known: Vec<&str> = states.names.keys().map(String::as_str).collect();
        return Err(ScaffoldError::Code(code.clone(), known.join(", ")));
    };
    let (first, last) = (new.first_year, new.last_year);
    if !(2000..=2100).contains(&first) || !(first..=2100).contains(&last) {
        return Err(ScaffoldError::Years(first, last));
    }
    // A new folder, or an empty one (a repository just made with `git init` counts as empty).
    let mut entries = std::fs::read_dir(dir).into_iter().flatten().flatten();
    if entries.any(|e| e.file_name() != ".git") {
        return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
    }
    let lang = new.source_language;
    let name = names.get(&lang).cloned().unwrap_or_default();
    let in_text = states.in_text.get(code).and_then(|n| n.get(&lang)).unwrap_or(&name);
    let title = match states.title.get(&lang) {
        Some(pattern) if !name.is_empty() => pattern.replace("{name}", in_text),
        _ => String::new(),
    };
    let content = dir.join("content");
    let context = Context {
        member_state_en: [states.in_text.get(code), Some(names)]
            .into_iter()
            .flatten()
            .find_map(|n| n.get(&Lang::EN).cloned())
            .unwrap_or_else(|| code.clone()),
        member_state_name: name,
        title,
        ci: new.ci,
        cci: format!("{first}{code}65AMNP001"),
        first_year: first,
        last_year: last,
        source_language: new.source_language.to_string(),
        years: (first..=last).collect(),
        periods: periods(first, last),
    };
    let context = tera::Context::from_serialize(&context)
        .map_err(|e| ScaffoldError::Template("context".into(), e.to_string()))?;
    // Everything rendered first: a broken skeleton writes nothing.
    let mut planned = Vec::new();
    for file in form.templates_under("new")? {
        let rel = file.rel.clone();
        let rendered = tera::Tera::one_off(file.text("templates/new")?, &context, false)
            .map_err(|e| ScaffoldError::Template(rel.clone(), crate::render::error_chain(&e)))?;
        let rendered = match schema::header(&rel) {
            Some(header) => schema::with_header(&rendered, &header),
            None => rendered,
        };
        // As `amif-doc fmt` writes it (quotes only where needed): the first `fmt` changes nothing.
        let rendered = if rel.ends_with(".yaml") { crate::fmt::format_file(&rendered, &rel) } else { rendered };
        planned.push((content.join(&rel), rendered));
    }
    for (name, text) in schema::schemas() {
        planned.push((content.join(schema::SCHEMA_DIR).join(name), text));
    }
    let ci = match new.ci {
        Some(Ci::Gitlab) => Some(("gitlab-ci.yml", ".gitlab-ci.yml")),
        Some(Ci::Github) => Some(("github-review.yml", ".github/workflows/review.yml")),
        None => None,
    };
    let team = [("README.md", "README.md"), ("gitattributes", ".gitattributes"), ("gitignore", ".gitignore")];
    for (from, to) in team.into_iter().chain(ci) {
        let file = form.template(&format!("project/{from}"))?;
        let rendered = tera::Tera::one_off(file.text("templates/project")?, &context, false)
            .map_err(|e| ScaffoldError::Template(from.to_string(), crate::render::error_chain(&e)))?;
        planned.push((dir.join(to), rendered));
    }
    for (target, text) in &planned {
        write::atomic(target, text.as_bytes())?;
    }
    Ok(planned.into_iter().map(|(target, _)| target).collect())
}

/// Whether `dir` (which may not exist yet) lies inside a git work tree.
pub fn inside_git(dir: &Path) -> bool {
    let existing = dir.ancestors().find(|d| d.is_dir()).unwrap_or(Path::new("."));
    Command::new("git")
        .arg("-C")
        .arg(existing)
        .args(["rev-parse", "--is-inside-work-tree"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// What `first_commit` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstCommit {
    /// By the user git knows.
    Made,
    /// By `amif-doc`: git knows no user here.
    MadeByAmifDoc,
    /// git is not installed: the files are there, without a repository.
    NoGit,
}

/// `git init` in `dir` and a first commit of everything `new` wrote. Without a configured
/// identity, the commit is authored by amif-doc itself.
pub fn first_commit(dir: &Path) -> Result<FirstCommit, ScaffoldError> {
    if Command::new("git").arg("--version").output().is_err() {
        return Ok(FirstCommit::NoGit);
    }
    let git = |args: &[&str]| -> Result<std::process::Output, ScaffoldError> {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .map_err(|e| ScaffoldError::Git(args.join(" "), e.to_string()))
    };
    let check = |args: &[&str], out: std::process::Output| {
        if out.status.success() {
            Ok(())
        } else {
            Err(ScaffoldError::Git(args.join(" "), String::from_utf8_lossy(&out.stderr).trim().to_string()))
        }
    };
    check(&["init"], git(&["init", "--quiet"])?)?;
    check(&["add"], git(&["add", "--all"])?)?;
    let has_identity = git(&["config", "user.email"])?.status.success();
    let message = "A new AMIF national programme (amif-doc new)";
    let commit: Vec<&str> = if has_identity {
        vec!["commit", "--quiet", "-m", message]
    } else {
        vec!["-c", "user.name=amif-doc", "-c", "user.email=amif-doc@invalid", "commit", "--quiet", "-m", message]
    };
    check(&commit, git(&commit)?)?;
    Ok(if has_identity { FirstCommit::Made } else { FirstCommit::MadeByAmifDoc })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pledging_periods_follow_regulation_801_2014() {
        let ids = |f, l| periods(f, l).into_iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ids(2014, 2020), ["2014-2015", "2016-2017", "2018-2020"]);
        assert_eq!(ids(2021, 2027), ["2021-2022", "2023-2024", "2025-2027"]);
        assert_eq!(ids(2021, 2021), ["2021-2021"]);
    }
}
