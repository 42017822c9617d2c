//! Printing a [`Report`]: text for people (coloured on a terminal, plain otherwise), Markdown
//! for merge requests, JSON for tools.

use std::io::Write;

use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};

use crate::i18n::Labels;
use crate::review::compare::{Change, Kind, Op, Report};

/// A section's title in the report, from the label catalogue: `1. EXECUTIVE SUMMARY`.
pub fn section_title(section: &str, labels: &Labels) -> String {
    let key = match section {
        "1" => "section.summary",
        "2" => "section.baseline",
        "3" => "section.objectives",
        "4" => "section.special_cases",
        "5" => "section.indicators",
        "6" => "section.framework",
        "7" => "section.financing",
        "cover" => return labels.get("review.section.programme").unwrap_or(section).to_string(),
        other => return labels.get(&format!("review.section.{other}")).unwrap_or(other).to_string(),
    };
    let title = labels.get(key).unwrap_or(key);
    labels.fill("review.section", &[("number", section), ("title", title)]).unwrap_or_else(|_| title.to_string())
}

/// Writes the report as text. `title` says what was compared (`HEAD → working tree`).
pub fn write_text(out: &mut dyn WriteColor, report: &Report, title: &str, labels: &Labels) -> std::io::Result<()> {
    let n = report.changes.len();
    writeln!(
        out,
        "amif-doc diff {title}: {}",
        if n == 0 { "no change".to_string() } else { format!("{n} change(s)") }
    )?;
    let mut section = "";
    for c in &report.changes {
        if c.section != section {
            section = &c.section;
            out.set_color(ColorSpec::new().set_bold(true))?;
            write!(out, "\n{}", section_title(section, labels))?;
            out.reset()?;
            writeln!(out)?;
        }
        write_change(out, c)?;
    }
    if !report.decision_needed.is_empty() {
        let list: Vec<String> = report.decision_needed.iter().map(|s| s.to_uppercase()).collect();
        out.set_color(ColorSpec::new().set_fg(Some(Color::Yellow)).set_bold(true))?;
        write!(out, "\nNew Commission decision needed:")?;
        out.reset()?;
        writeln!(
            out,
            " the total of {} changed (rule 2.15: amounts may move within a specific objective, not between them).",
            list.join(", ")
        )?;
    }
    Ok(())
}

fn write_change(out: &mut dyn WriteColor, c: &Change) -> std::io::Result<()> {
    let (mark, color) = match c.op {
        Op::Added => ("+", Color::Green),
        Op::Removed => ("-", Color::Red),
        Op::Changed => ("~", Color::Yellow),
    };
    out.set_color(ColorSpec::new().set_fg(Some(color)))?;
    write!(out, "  {mark} ")?;
    out.reset()?;
    let kind = match c.kind {
        Kind::Input => "input ",
        Kind::Total => "total ",
        _ => "",
    };
    write!(out, "{kind}{}", c.label)?;
    out.set_color(ColorSpec::new().set_dimmed(true))?;
    write!(out, "  [{}]", c.id)?;
    out.reset()?;
    match (c.kind, &c.old, &c.new) {
        (Kind::Order, ..) => {
            writeln!(out)?;
            c.moved.iter().try_for_each(|m| writeln!(out, "      moved: {m}"))
        }
        (Kind::Text, Some(_), Some(_)) => {
            writeln!(out)?;
            write!(out, "      ")?;
            for seg in &c.words {
                match seg.op {
                    "insert" => {
                        out.set_color(ColorSpec::new().set_fg(Some(Color::Green)))?;
                        write!(out, "{{+{}+}}", seg.text)?;
                        out.reset()?;
                    }
                    "delete" => {
                        out.set_color(ColorSpec::new().set_fg(Some(Color::Red)))?;
                        write!(out, "[-{}-]", seg.text)?;
                        out.reset()?;
                    }
                    _ => write!(out, "{}", seg.text.replace("\n\n", " ¶ "))?,
                }
            }
            writeln!(out)
        }
        (Kind::Text | Kind::Finding, old, new) => {
            writeln!(out)?;
            writeln!(out, "      {}", shorten(new.as_ref().or(old.as_ref()).map_or("", String::as_str), 300))
        }
        (_, old, new) => {
            let old = old.as_deref().unwrap_or("–");
            let new = new.as_deref().unwrap_or("–");
            match &c.delta {
                Some(delta) => writeln!(out, ": {old} → {new} (Δ {delta})"),
                None => writeln!(out, ": {old} → {new}"),
            }
        }
    }
}

fn shorten(text: &str, max: usize) -> String {
    let flat = text.replace("\n\n", " ¶ ");
    match flat.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// Writes the report as JSON.
pub fn write_json(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// Escapes text for Markdown tables and prose: a content text must not format the review.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// Writes the report as Markdown for a merge request: per section, the money moved as a table
/// (inputs and the totals they moved, with signed Δ), changed sentences with ~~deleted~~ and
/// **inserted** words, other values as `old → new`, and the rule 2.15 note.
pub fn write_markdown(out: &mut dyn Write, report: &Report, title: &str, labels: &Labels) -> std::io::Result<()> {
    let n = report.changes.len();
    writeln!(out, "## amif-doc diff {}\n", md(title))?;
    if n == 0 {
        return writeln!(out, "No change in the programme.");
    }
    writeln!(out, "{n} change(s).\n")?;
    if !report.decision_needed.is_empty() {
        let list: Vec<String> = report.decision_needed.iter().map(|s| s.to_uppercase()).collect();
        writeln!(
            out,
            "> **New Commission decision needed:** the total of {} changed (rule 2.15: amounts may move within a specific objective, not between them).\n",
            list.join(", ")
        )?;
    }
    let mut sections: Vec<&str> = report.changes.iter().map(|c| c.section.as_str()).collect();
    sections.dedup();
    for section in sections {
        writeln!(out, "### {}\n", md(&section_title(section, labels)))?;
        let here: Vec<&Change> = report.changes.iter().filter(|c| c.section == section).collect();
        let money: Vec<&&Change> = here.iter().filter(|c| c.delta.is_some()).collect();
        if !money.is_empty() {
            writeln!(out, "| | what | old | new | Δ |\n|---|---|--:|--:|--:|")?;
            for c in money {
                let kind = if c.kind == Kind::Total { "total" } else { "input" };
                let cell = |v: &Option<String>| v.as_deref().map_or("–".to_string(), md);
                writeln!(
                    out,
                    "| {kind} | {} | {} | {} | {} |",
                    md(&c.label),
                    cell(&c.old),
                    cell(&c.new),
                    c.delta.as_deref().unwrap_or("")
                )?;
            }
            writeln!(out)?;
        }
        for c in here.iter().filter(|c| c.delta.is_none()) {
            let mark = match c.op {
                Op::Added => "added",
                Op::Removed => "removed",
                Op::Changed => "changed",
            };
            write!(out, "- **{}** ({mark}, `{}`): ", md(&c.label), c.id.replace('`', "'"))?;
            match (c.kind, &c.old, &c.new) {
                (Kind::Order, ..) => {
                    let moved: Vec<String> = c.moved.iter().map(|m| format!("moved: {}", md(m))).collect();
                    writeln!(out, "{}", moved.join("; "))?;
                }
                (Kind::Text, Some(_), Some(_)) => {
                    for (i, seg) in c.words.iter().enumerate() {
                        // ~~old~~ **new**: a replaced word reads apart from its replacement.
                        if seg.op == "insert" && i > 0 && c.words[i - 1].op == "delete" {
                            write!(out, " ")?;
                        }
                        let text = md(&seg.text).replace("\n\n", " ¶ ");
                        // Markers hug the words; the spaces around stay outside them.
                        let body = text.trim();
                        let (lead, trail) =
                            (&text[..text.len() - text.trim_start().len()], &text[text.trim_end().len()..]);
                        match seg.op {
                            "insert" if !body.is_empty() => write!(out, "{lead}**{body}**{trail}")?,
                            "delete" if !body.is_empty() => write!(out, "{lead}~~{body}~~{trail}")?,
                            _ => write!(out, "{text}")?,
                        }
                    }
                    writeln!(out)?;
                }
                (_, old, new) => {
                    let show = |v: &Option<String>| v.as_deref().map_or("–".to_string(), |v| md(&shorten(v, 300)));
                    writeln!(out, "{} → {}", show(old), show(new))?;
                }
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
