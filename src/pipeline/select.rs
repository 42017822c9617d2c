//! Which editions a build makes: the matrix, narrowed by `--edition` and `--lang`, or an
//! error naming what the matrix builds.

use crate::i18n::LangChoice;
use crate::model::EditionSpec;
use crate::view::Edition;

use super::Error;

/// The editions to build: the matrix, narrowed to one edition and to some languages.
pub fn select_editions(
    matrix: &[EditionSpec],
    only: Option<&str>,
    langs: &[LangChoice],
) -> Result<Vec<Edition>, Error> {
    let all: Vec<Edition> = matrix
        .iter()
        .flat_map(|spec| {
            let single = spec.langs.iter().map(|&lang| Edition { spec: spec.clone(), lang, second: None });
            let pairs = spec.bilingual.iter().map(|&(lang, b)| Edition { spec: spec.clone(), lang, second: Some(b) });
            single.chain(pairs).collect::<Vec<_>>()
        })
        .collect();
    // What the matrix builds, for messages: `fr, en, fr-en`.
    let known = |editions: &mut dyn Iterator<Item = &Edition>| {
        let mut seen: Vec<String> = Vec::new();
        for e in editions {
            let choice = e.second.map_or(LangChoice::One(e.lang), |b| LangChoice::Pair(e.lang, b)).to_string();
            if !seen.contains(&choice) {
                seen.push(choice);
            }
        }
        seen.join(", ")
    };
    if let Some(name) = only.filter(|name| !matrix.iter().any(|e| e.name == *name)) {
        let names: Vec<&str> = matrix.iter().map(|e| e.name.as_str()).collect();
        return Err(Error::UnknownEdition { name: name.to_string(), known: names.join(", ") });
    }
    for choice in langs {
        if !all.iter().any(|e| chosen(e, &[*choice])) {
            let known = known(&mut all.iter());
            return Err(Error::UnknownLang { lang: choice.to_string(), known });
        }
    }
    let selected: Vec<Edition> = all
        .iter()
        .filter(|e| only.is_none_or(|name| e.spec.name == name) && (langs.is_empty() || chosen(e, langs)))
        .cloned()
        .collect();
    if selected.is_empty() {
        let (name, langs) = (only.unwrap_or_default(), langs.iter().map(LangChoice::to_string).collect::<Vec<_>>());
        let known = known(&mut all.iter().filter(|e| e.spec.name == name));
        return Err(Error::NothingSelected { edition: name.to_string(), langs: langs.join(", "), known });
    }
    Ok(selected)
}

/// Whether `--lang` chooses an edition: a language its single-language editions, a pair its
/// bilingual ones, and two languages chosen together their bilingual edition as well.
fn chosen(e: &Edition, langs: &[LangChoice]) -> bool {
    match e.second {
        None => langs.contains(&LangChoice::One(e.lang)),
        Some(b) => {
            langs.contains(&LangChoice::Pair(e.lang, b))
                || (langs.contains(&LangChoice::One(e.lang)) && langs.contains(&LangChoice::One(b)))
        }
    }
}
