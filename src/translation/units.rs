//! Translation units: every text of the programme cut into the pieces a translator works on.
//! A unit is a short text (a title, a name, a data source) or one paragraph or list item of a
//! narrative. Its context (`msgctxt`) is its stable place: `so2/no2/a13/title`, `baseline/3`.
//!
//! A narrative is cut line by line ([`segments`]): its structure (blank lines, indentation,
//! list marks) stays the source's, and only the unit texts are replaced when a translation is
//! put back ([`rebuild`]), so a translated narrative always has the source's shape.

use crate::model::{Narrative, Programme, Text};
pub use crate::text::units::{Piece, owner, rebuild, rebuild_with_places, segments, unit_texts};

/// One unit: where it is, which section it belongs to, and its source-language text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub ctxt: String,
    /// `1`..`7`, or `cover`: the section of the form, for `i18n status`.
    pub section: &'static str,
    pub source: String,
}

/// Visits every text of the programme with its context and section, in document order.
/// `short` is called for short texts, `narrative` for narratives (whose units are numbered
/// across their blocks: `baseline/0`, `baseline/1`, ...).
pub trait Visitor {
    fn short(&mut self, ctxt: String, section: &'static str, text: &mut Text);
    fn narrative(&mut self, ctxt: String, section: &'static str, narrative: &mut Narrative);
}

/// Walks the programme's texts in document order.
pub fn walk(p: &mut Programme, v: &mut impl Visitor) {
    let m = &mut p.meta;
    v.short("programme/title".into(), "cover", &mut m.title);
    v.short("programme/member_state".into(), "cover", &mut m.member_state);
    v.short("programme/responsible_authority".into(), "cover", &mut m.responsible_authority);
    for sc in &mut m.scopes {
        v.short(format!("programme/scopes/{}/name", sc.id), "cover", &mut sc.name);
        v.short(format!("programme/scopes/{}/tag", sc.id), "cover", &mut sc.tag);
    }
    for (i, d) in m.documents.iter_mut().enumerate() {
        v.short(format!("programme/documents/{i}/title"), "cover", &mut d.title);
    }
    v.narrative("summary".into(), "1", &mut p.summary);
    v.narrative("baseline".into(), "2", &mut p.baseline);
    for so in &mut p.objectives {
        v.narrative(format!("{}/objective", so.id), "3", &mut so.objective);
        for no in &mut so.national_objectives {
            let at = format!("{}/{}", so.id, no.id);
            v.narrative(format!("{at}/intro"), "3", &mut no.intro);
            for a in &mut no.actions {
                v.short(format!("{at}/{}/title", a.id), "3", &mut a.title);
                v.narrative(format!("{at}/{}/body", a.id), "3", &mut a.body);
                if let Some(t) = &mut a.timetable {
                    v.short(format!("{at}/{}/timetable/name", a.id), "3", &mut t.name);
                }
            }
        }
        for sa in &mut so.specific_actions {
            v.narrative(format!("{}/{}/text", so.id, sa.id), "3", &mut sa.text);
            if let Some(t) = &mut sa.timetable {
                v.short(format!("{}/{}/timetable/name", so.id, sa.id), "3", &mut t.name);
            }
        }
    }
    let sc = &mut p.special_cases;
    for l in &mut sc.lump_sums {
        v.short(format!("special_cases/lump_sums/{}/legal_basis", l.id), "4", &mut l.legal_basis);
    }
    v.narrative("special_cases/pledging".into(), "4", &mut sc.pledging);
    for g in &mut p.indicators {
        for i in &mut g.indicators {
            let at = format!("indicators/{}/{}", g.objective, i.id);
            if let Some(name) = &mut i.name {
                v.short(format!("{at}/name"), "5", name);
            }
            v.short(format!("{at}/source"), "5", &mut i.source);
        }
    }
    for (key, n) in &mut p.framework.sections {
        v.narrative(format!("framework/{key}"), "6", n);
    }
    v.narrative("financing/justification".into(), "7", &mut p.financing.justification);
}

/// Every unit of the programme, in document order.
pub fn units(p: &Programme) -> Vec<Unit> {
    struct Collect(Vec<Unit>);
    impl Visitor for Collect {
        fn short(&mut self, ctxt: String, section: &'static str, text: &mut Text) {
            let source = text.source_text().trim().to_string();
            if !source.is_empty() {
                self.0.push(Unit { ctxt, section, source });
            }
        }
        fn narrative(&mut self, ctxt: String, section: &'static str, narrative: &mut Narrative) {
            let mut n = 0;
            for block in &narrative.blocks {
                for text in unit_texts(block.text.source_text()) {
                    self.0.push(Unit { ctxt: format!("{ctxt}/{n}"), section, source: text });
                    n += 1;
                }
            }
        }
    }
    let mut copy = p.clone();
    let mut collect = Collect(Vec::new());
    walk(&mut copy, &mut collect);
    collect.0
}
