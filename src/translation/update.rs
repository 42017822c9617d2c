//! `amif-doc i18n update`: a PO file brought up to date with the programme's units, as msgmerge
//! does, but without its guesses. A unit keeps its translation when its entry has the same
//! context and source text, or the same source text anywhere in the same text (a paragraph
//! that moved). Between two such anchors of one text, when as many units as entries are left,
//! they are the same paragraphs edited in place: each keeps its translation, marked fuzzy, with
//! the source it was translated from as `#| msgid`. A new unit gets an empty entry; an entry no
//! unit claims becomes obsolete (`#~`). Two texts are never paired because they look alike.
//! A second run changes nothing.

use super::units::Unit;
use crate::i18n::po::{Catalog, Entry};

/// The catalog for `units`, keeping what `old` holds (header, translations, comments).
pub fn update(old: &Catalog, units: &[Unit]) -> Catalog {
    let live: Vec<&Entry> = old.entries.iter().filter(|e| !e.obsolete).collect();
    let mut claimed = vec![false; live.len()];
    let mut entries: Vec<Option<Entry>> = vec![None; units.len()];
    // The entry of `live` each unit took in steps 1 and 2: the anchors of step 3.
    let mut taken: Vec<Option<usize>> = vec![None; units.len()];
    // 1. Same context, same source: untouched (fuzzy stays fuzzy).
    for (n, u) in units.iter().enumerate() {
        if let Some(i) =
            live.iter().enumerate().position(|(i, e)| !claimed[i] && e.msgctxt == u.ctxt && e.msgid == u.source)
        {
            claimed[i] = true;
            taken[n] = Some(i);
            entries[n] = Some(Entry { line: 0, ..live[i].clone() });
        }
    }
    // 2. Same source in the same text, another context: the paragraph moved.
    for (n, u) in units.iter().enumerate() {
        if entries[n].is_some() {
            continue;
        }
        let found = live.iter().enumerate().position(|(i, e)| {
            !claimed[i]
                && e.msgid == u.source
                && crate::translation::units::owner(&e.msgctxt) == crate::translation::units::owner(&u.ctxt)
        });
        if let Some(i) = found {
            claimed[i] = true;
            taken[n] = Some(i);
            entries[n] = Some(Entry { msgctxt: u.ctxt.clone(), line: 0, ..live[i].clone() });
        }
    }
    // 3. Edited in place: in each text, the units and entries left between two anchors, when
    //    there are as many of each, pair up in order; stale, the translation kept.
    let mut pairs = Vec::new();
    let mut owners: Vec<&str> = units.iter().map(|u| crate::translation::units::owner(&u.ctxt)).collect();
    owners.dedup();
    for o in owners {
        let us: Vec<usize> =
            (0..units.len()).filter(|&i| crate::translation::units::owner(&units[i].ctxt) == o).collect();
        let es: Vec<usize> =
            (0..live.len()).filter(|&k| crate::translation::units::owner(&live[k].msgctxt) == o).collect();
        let mut gap_units = Vec::new();
        let mut last_anchor: Option<usize> = None;
        let mut close_gap = |gap_units: &mut Vec<usize>, from: Option<usize>, to: Option<usize>| {
            let gap_entries: Vec<usize> = es
                .iter()
                .enumerate()
                .filter(|(pos, k)| from.is_none_or(|f| *pos > f) && to.is_none_or(|t| *pos < t) && !claimed[**k])
                .map(|(_, k)| *k)
                .collect();
            if gap_entries.len() == gap_units.len() {
                pairs.extend(gap_units.iter().copied().zip(gap_entries));
            }
            gap_units.clear();
        };
        for &u in &us {
            let anchor = taken[u].and_then(|k| es.iter().position(|&x| x == k));
            match anchor {
                Some(pos) if last_anchor.is_none_or(|l| pos > l) => {
                    close_gap(&mut gap_units, last_anchor, Some(pos));
                    last_anchor = Some(pos);
                }
                Some(_) => gap_units.clear(),
                None => gap_units.push(u),
            }
        }
        close_gap(&mut gap_units, last_anchor, None);
    }
    for (u, k) in pairs {
        if claimed[k] || entries[u].is_some() {
            continue;
        }
        claimed[k] = true;
        let e = live[k];
        let stale = !e.msgstr.is_empty() && e.msgid != units[u].source;
        entries[u] = Some(Entry {
            fuzzy: stale || e.fuzzy,
            previous: if stale {
                Some(e.previous.clone().unwrap_or_else(|| e.msgid.clone()))
            } else {
                e.previous.clone()
            },
            msgctxt: units[u].ctxt.clone(),
            msgid: units[u].source.clone(),
            line: 0,
            ..e.clone()
        });
    }
    // 4. New units: empty entries.
    let mut out: Vec<Entry> = units
        .iter()
        .zip(entries)
        .map(|(u, slot)| {
            slot.unwrap_or_else(|| Entry { msgctxt: u.ctxt.clone(), msgid: u.source.clone(), ..Entry::default() })
        })
        .collect();
    // What no unit claimed stays, obsolete, with the obsolete entries of before.
    let unclaimed =
        live.iter().zip(&claimed).filter(|(_, c)| !**c).map(|(e, _)| Entry { obsolete: true, line: 0, ..(*e).clone() });
    let before = old.entries.iter().filter(|e| e.obsolete).map(|e| Entry { line: 0, ..e.clone() });
    let mut obsolete: Vec<Entry> = before.chain(unclaimed).filter(|e| !e.msgstr.is_empty()).collect();
    obsolete.sort_by(|a, b| a.msgctxt.cmp(&b.msgctxt));
    obsolete.dedup_by(|a, b| a.msgctxt == b.msgctxt && a.msgid == b.msgid);
    out.extend(obsolete);
    Catalog {
        header_comments: old.header_comments.clone(),
        header_flags: old.header_flags.clone(),
        header: old.header.clone(),
        entries: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::po;

    fn unit(ctxt: &str, source: &str) -> Unit {
        Unit { ctxt: ctxt.into(), section: "2", source: source.into() }
    }

    fn entry(ctxt: &str, id: &str, str_: &str) -> Entry {
        Entry { msgctxt: ctxt.into(), msgid: id.into(), msgstr: str_.into(), ..Entry::default() }
    }

    #[test]
    fn changed_moved_new_and_removed_units() {
        let old = Catalog {
            entries: vec![
                entry("baseline/0", "One.", "Un."),
                entry("baseline/1", "Two.", "Deux."),
                entry("baseline/2", "Three.", "Trois."),
                entry("summary/0", "Gone.", "Parti."),
            ],
            ..Catalog::default()
        };
        // A paragraph inserted first, "Two." edited, "Gone." removed.
        let units = [
            unit("baseline/0", "Zero."),
            unit("baseline/1", "One."),
            unit("baseline/2", "Two, edited."),
            unit("baseline/3", "Three."),
        ];
        let new = update(&old, &units);
        let show: Vec<(String, String, bool, Option<String>, bool)> = new
            .entries
            .iter()
            .map(|e| (e.msgctxt.clone(), e.msgstr.clone(), e.fuzzy, e.previous.clone(), e.obsolete))
            .collect();
        assert_eq!(
            show,
            vec![
                ("baseline/0".into(), "".into(), false, None, false),
                ("baseline/1".into(), "Un.".into(), false, None, false),
                ("baseline/2".into(), "Deux.".into(), true, Some("Two.".into()), false),
                ("baseline/3".into(), "Trois.".into(), false, None, false),
                ("summary/0".into(), "Parti.".into(), false, None, true),
            ]
        );
        // Idempotent: a second run writes the same bytes.
        let again = update(&po::parse(&po::write(&new)).unwrap(), &units);
        assert_eq!(po::write(&again), po::write(&new));
    }

    #[test]
    fn a_fuzzy_entry_keeps_the_source_it_was_translated_from() {
        let mut e = entry("a/title", "New.", "Vieux.");
        e.fuzzy = true;
        e.previous = Some("Old.".into());
        let old = Catalog { entries: vec![e], ..Catalog::default() };
        let new = update(&old, &[unit("a/title", "Newer.")]);
        assert_eq!(new.entries[0].previous.as_deref(), Some("Old."));
        assert_eq!(new.entries[0].msgid, "Newer.");
    }
}
