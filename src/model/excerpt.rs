//! Excerpts: the programme cut down to one edition of the matrix. Blocks, actions and
//! specific actions tagged for another level of government are dropped, as are the specific
//! objectives (and their indicators and Table 1 lines) outside the edition. What stays keeps
//! its section numbers, so people can cite an excerpt as they cite the programme.

use crate::model::{Block, EditionSpec, Narrative, NationalObjective, Objective, Programme};

/// The part of the programme an edition shows.
pub fn filter(p: &Programme, spec: &EditionSpec) -> Programme {
    if !spec.is_excerpt() {
        return p.clone();
    }
    // A block continues the previous one only if the excerpt keeps that one too.
    let keep = |n: &Narrative| {
        let mut kept: Vec<Block> = Vec::new();
        let mut previous_kept = false;
        for b in &n.blocks {
            let included = spec.includes_scope(b.scope.as_ref());
            if included {
                kept.push(Block { continues: b.continues && previous_kept, ..b.clone() });
            }
            previous_kept = included;
        }
        Narrative { blocks: kept }
    };
    let objectives = p
        .objectives
        .iter()
        .filter(|o| spec.includes_objective(&o.id))
        .map(|o| Objective {
            objective: keep(&o.objective),
            national_objectives: o
                .national_objectives
                .iter()
                // A national objective whose every action belongs elsewhere has nothing left to say.
                .filter(|no| no.actions.is_empty() || no.actions.iter().any(|a| spec.includes_scope(a.scope.as_ref())))
                .map(|no| NationalObjective {
                    intro: keep(&no.intro),
                    actions: no
                        .actions
                        .iter()
                        .filter(|a| spec.includes_scope(a.scope.as_ref()))
                        .cloned()
                        .map(|mut a| {
                            a.body = keep(&a.body);
                            a
                        })
                        .collect(),
                    ..no.clone()
                })
                .collect(),
            specific_actions: o
                .specific_actions
                .iter()
                .filter(|sa| spec.includes_scope(sa.scope.as_ref()))
                .cloned()
                .map(|mut sa| {
                    sa.text = keep(&sa.text);
                    sa
                })
                .collect(),
            ..o.clone()
        })
        .collect();
    let mut out = p.clone();
    out.summary = keep(&p.summary);
    out.baseline = keep(&p.baseline);
    out.objectives = objectives;
    out.indicators.retain(|g| spec.includes_objective(&g.objective));
    out.financing.table1.retain(|(so, _), _| spec.includes_objective(so));
    out
}

/// Special cases (section 4) are resettlement and relocation: part of the asylum objective.
pub fn shows_special_cases(spec: &EditionSpec) -> bool {
    spec.includes_objective("so1")
}
