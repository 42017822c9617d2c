//! Section 3: the specific objectives, one file each (`objectives/<id>.yaml`), their national
//! objectives, actions and timetables, and the files Table 1 asks for.

use std::collections::BTreeSet;

use super::build::Builder;
use super::*;
use crate::load::FileId;
use crate::load::raw::*;

impl Builder<'_> {
    /// The programme's specific objectives are those its Table 1 funds: each needs its file,
    /// or the submission would silently lose a section.
    pub(super) fn objective_files(&mut self, table1: &RawTable1, objectives: &[Objective]) {
        let funded = [("so1", &table1.so1), ("so2", &table1.so2), ("so3", &table1.so3), ("so4", &table1.so4)];
        for (so, _) in funded.into_iter().filter(|(_, lines)| !lines.is_empty()) {
            if !objectives.iter().any(|o| o.id == so) {
                let content = self.files.files[self.file].display.parent().map(|d| d.display().to_string());
                let file = format!("{}/objectives/{so}.yaml", content.unwrap_or_default());
                let msg = format!("Table 1 funds `{so}`, but `{file}` does not exist");
                let hint = format!(
                    "create objectives/{so}.yaml (with `id: {so}`, its text and national objectives), or remove the {so} lines from Table 1"
                );
                self.incomplete("file-missing", &format!("table1.{so}"), msg, hint);
            }
        }
    }

    pub(super) fn objectives(&mut self, raw: Vec<(FileId, RawObjective)>, meta: &Meta) -> Vec<Objective> {
        let mut seen = BTreeSet::new();
        let mut action_ids = BTreeSet::new();
        let mut action_numbers = BTreeSet::new();
        let mut out = Vec::new();
        for (file, o) in raw {
            self.file = file;
            // The file is named by its objective: `objectives/so2.yaml` holds `id: so2`, so
            // a renamed file is never a different objective in disguise.
            let rel = self.files.files[file].rel.clone();
            if rel != format!("objectives/{}.yaml", o.id) {
                let msg = format!("`{rel}` holds specific objective `{}`", o.id);
                let hint = format!("name the file objectives/{}.yaml, or write the id of the objective it is", o.id);
                self.error("id-file", "id", msg, Some(hint));
            }
            let Some(sfc) = sfc::objective(&o.id) else {
                let ids: Vec<&str> = sfc::OBJECTIVES.iter().map(|s| s.id).collect();
                self.error(
                    "id-unknown",
                    "id",
                    format!("unknown specific objective `{}`", o.id),
                    Some(format!("expected one of: {}", ids.join(", "))),
                );
                continue;
            };
            if !seen.insert(o.id.clone()) {
                self.error("id-duplicate", "id", format!("specific objective `{}` is defined twice", o.id), None);
            }
            let objective = self.required_narrative(o.objective, "objective");
            let mut nos = Vec::new();
            let mut no_seen = BTreeSet::new();
            for (i, no) in o.national_objectives.into_iter().enumerate() {
                let at = format!("national_objectives[{i}]");
                let Some(number) = sfc.national_number(&no.id) else {
                    self.not_in_form(&at, &no.id, "a national objective", &o.id, sfc.national);
                    continue;
                };
                if !no_seen.insert(no.id.clone()) {
                    self.error(
                        "id-duplicate",
                        &format!("{at}.id"),
                        format!("national objective `{}` appears twice", no.id),
                        None,
                    );
                }
                let intro = no.intro.map(|n| self.narrative(n, &format!("{at}.intro"))).unwrap_or_default();
                let mut actions = Vec::new();
                for (j, a) in no.actions.into_iter().enumerate() {
                    let at = format!("{at}.actions[{j}]");
                    self.count(a.number, &format!("{at}.number"), "action numbers");
                    if !action_numbers.insert(a.number) {
                        let msg = format!("action number {} is used twice in the programme", a.number);
                        self.error(
                            "id-duplicate",
                            &format!("{at}.number"),
                            msg,
                            Some("actions are numbered once across the programme".into()),
                        );
                    }
                    if !action_ids.insert(a.id.clone()) {
                        self.error(
                            "id-duplicate",
                            &format!("{at}.id"),
                            format!("action id `{}` is used twice", a.id),
                            None,
                        );
                    }
                    actions.push(Action {
                        scope: self.scope(a.scope, &format!("{at}.scope")),
                        scope_in_heading: a.scope_in_heading.unwrap_or(true),
                        title: self.required_text(a.title, &format!("{at}.title")),
                        body: a.body.map(|n| self.narrative(n, &format!("{at}.body"))).unwrap_or_default(),
                        timetable: a.timetable.map(|t| self.timetable(t, &format!("{at}.timetable"), meta)),
                        id: a.id,
                        number: a.number,
                    });
                }
                nos.push(NationalObjective { id: no.id, number, intro, actions });
            }
            let mut sas = Vec::new();
            for (i, sa) in o.specific_actions.into_iter().enumerate() {
                let at = format!("specific_actions[{i}]");
                let Some(number) = sfc.specific_number(&sa.id) else {
                    self.not_in_form(&at, &sa.id, "a specific action", &o.id, sfc.specific);
                    continue;
                };
                sas.push(SpecificAction {
                    scope: self.scope(sa.scope, &format!("{at}.scope")),
                    text: self.narrative(sa.text, &format!("{at}.text")),
                    timetable: sa.timetable.map(|t| self.timetable(t, &format!("{at}.timetable"), meta)),
                    id: sa.id,
                    number,
                });
            }
            out.push(Objective {
                number: sfc.number,
                id: o.id,
                objective,
                national_objectives: nos,
                specific_actions: sas,
            });
        }
        out.sort_by_key(|o| o.number);
        out
    }

    /// An id that the SFC form does not have under this specific objective.
    fn not_in_form(&mut self, at: &str, id: &str, what: &str, so: &str, expected: &[&str]) {
        let msg = format!("`{id}` is not {what} of {so}");
        let hint = if expected.is_empty() {
            format!("{so} has no such lines in the SFC2014 form")
        } else {
            crate::diag::suggest::hint(id, expected, "expected one of")
        };
        self.error("id-unknown", &format!("{at}.id"), msg, Some(hint));
    }

    fn timetable(&mut self, t: RawTimetable, at: &str, meta: &Meta) -> Timetable {
        // Closing may run past the programming period (eligibility ends in 2023 or later).
        let last_closing = meta.last_year.saturating_add(3);
        self.year(t.planning, &format!("{at}.planning"), meta.first_year, meta.last_year);
        self.year(t.implementation, &format!("{at}.implementation"), meta.first_year, meta.last_year);
        self.year(t.closing, &format!("{at}.closing"), meta.first_year, last_closing);
        if !(t.planning <= t.implementation && t.implementation <= t.closing) {
            let msg = format!(
                "phases out of order: planning {}, implementation {}, closing {}",
                t.planning, t.implementation, t.closing
            );
            self.error("timetable-order", at, msg, Some("planning ≤ implementation ≤ closing".into()));
        }
        self.count(t.main_action, &format!("{at}.main_action"), "main action numbers");
        Timetable {
            main_action: t.main_action,
            name: self.required_text(t.name, &format!("{at}.name")),
            planning: t.planning,
            implementation: t.implementation,
            closing: t.closing,
        }
    }
}
