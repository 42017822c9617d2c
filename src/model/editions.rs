//! The edition matrix (`editions.yaml`): which documents a build writes, each in which
//! languages (single, or bilingual pairs like `fr-en`) and with which texts.

use std::collections::BTreeSet;

use super::build::Builder;
use super::*;
use crate::load::raw::*;

impl Builder<'_> {
    /// The edition matrix; `objectives` are the ids of the programme's specific objectives,
    /// the only ones an excerpt can keep.
    pub(super) fn editions(&mut self, raw: RawEditions, objectives: &[&str]) -> Vec<EditionSpec> {
        let mut names = BTreeSet::new();
        // Each output file, with the edition and the language entry that write it.
        let mut files: Vec<(String, String, String)> = Vec::new();
        let mut out = Vec::new();
        for (i, e) in raw.editions.into_iter().enumerate() {
            let at = format!("editions[{i}]");
            let valid_name =
                !e.name.is_empty() && e.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid_name {
                let msg =
                    format!("edition name `{}` must be lowercase letters, digits and `-` (it names files)", e.name);
                self.error("edition-name", &format!("{at}.name"), msg, None);
            }
            if !names.insert(e.name.clone()) {
                self.error(
                    "id-duplicate",
                    &format!("{at}.name"),
                    format!("edition `{}` is declared twice", e.name),
                    None,
                );
            }
            let scope = self.scope(e.scope, &format!("{at}.scope"));
            if let Some(list) = &e.objectives {
                for (j, so) in list.iter().enumerate() {
                    if !objectives.contains(&so.as_str()) {
                        let msg = format!("the programme has no specific objective `{so}`");
                        let hint = crate::diag::suggest::hint(so, objectives, "its specific objectives are");
                        self.incomplete("id-unknown", &format!("{at}.objectives[{j}]"), msg, hint);
                    }
                }
            }
            let (mut langs, mut bilingual) = (Vec::new(), Vec::new());
            for (j, l) in e.languages.iter().enumerate() {
                // Two editions writing one file would overwrite each other: refused.
                let file = format!("{}-{l}.pdf", e.name);
                let place = format!("{at}.languages[{j}]");
                match files.iter().find(|(f, ..)| *f == file) {
                    // A name declared twice is reported as such, once.
                    Some((_, name, _)) if *name == e.name => {}
                    Some((_, name, lang)) => {
                        let msg = format!(
                            "`{file}` is also written by edition `{name}` in `{lang}`: one would overwrite the other"
                        );
                        self.error("edition-file", &place, msg, Some("rename one of the editions".into()));
                    }
                    None => files.push((file, e.name.clone(), l.clone())),
                }
                // `fr-en`: one bilingual document, the two languages side by side.
                let parsed = match l.split_once('-') {
                    Some((a, b)) => {
                        a.parse::<Lang>().and_then(|a| Ok((a, b.parse::<Lang>()?))).map(|(a, b)| (a, Some(b)))
                    }
                    None => l.parse::<Lang>().map(|a| (a, None)),
                };
                match parsed {
                    Ok((lang, None)) => langs.push(lang),
                    Ok((first, Some(second))) => bilingual.push((first, second)),
                    Err(msg) => self.error("lang-unknown", &format!("{at}.languages[{j}]"), msg, None),
                }
            }
            let texts = match e.texts.as_deref() {
                None | Some("translated") => Texts::Translated,
                Some("source") => Texts::Source,
                Some(other) => {
                    let msg = format!("unknown text language `{other}`");
                    let hint = "use `translated` (the edition's language) or `source` (the submission language)";
                    self.error("edition-texts", &format!("{at}.texts"), msg, Some(hint.into()));
                    Texts::Translated
                }
            };
            out.push(EditionSpec { name: e.name, scope, objectives: e.objectives, langs, bilingual, texts });
        }
        out
    }
}
