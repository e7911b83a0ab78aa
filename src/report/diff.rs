//! `tandem diff`: the source's change since the sync point, section by section, beside the translation's section.
//! One value; renderers for text and patch; JSON is the value (docs/json.md).

use anstyle::{AnsiColor, Effects, Style};
use serde::Serialize;

use super::SyncPoint;
use super::text::date;
use crate::drift::sections::{Change, Severity};
use crate::drift::structure::SectionRef;
use crate::drift::{Reason, State};
use crate::i18n::Messages;

/// The version of the `diff --format json` document.
pub const DIFF_JSON_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    pub version: u32,
    pub language: String,
    pub source: String,
    pub translation: String,
    pub state: State,
    pub reason: Reason,
    pub sync: Option<SyncPoint>,
    pub head: String,
    /// Sections of the current source.
    pub source_sections: usize,
    /// Sections whose changes were only formatting (not listed).
    pub cosmetic: usize,
    pub sections: Vec<SectionDiff>,
    /// The source at the sync point and now, for the patch.
    #[serde(skip)]
    pub old_text: String,
    #[serde(skip)]
    pub new_text: String,
}

/// One changed source section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionDiff {
    /// `body`, or `front-matter` for the front matter (then `keys` lists what changed).
    pub kind: super::SectionKind,
    pub change: Change,
    pub severity: Severity,
    /// The section in the current source (`null` when removed).
    pub source: Option<SectionRef>,
    /// The section at the sync point (`null` when added).
    pub old_source: Option<SectionRef>,
    /// The matching section of the translation.
    pub translation: Option<SectionRef>,
    /// For a section without counterpart: the translation section after which it belongs (`null`: at the top).
    pub insert_after: Option<SectionRef>,
    /// The source's change, line by line (the whole section).
    pub lines: Vec<DiffLine>,
    /// The translation's section as it is now, `null` without counterpart.
    pub translation_text: Option<String>,
    /// Front matter: each key that changed, its value before and after.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<crate::drift::front_matter::KeyChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineOp {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiffLine {
    pub op: LineOp,
    /// 1-based line in the source at the sync point.
    pub old_line: Option<usize>,
    /// 1-based line in the current source.
    pub new_line: Option<usize>,
    pub text: String,
    /// For changed lines: the line in pieces, `true` for the words that changed.
    pub words: Vec<(bool, String)>,
}

/// What the text rendering shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffTextOptions {
    pub color: bool,
    /// Highlight changed words (else whole lines).
    pub word: bool,
}

fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

fn label(section: &SectionRef, m: &Messages) -> String {
    if section.heading.is_empty() {
        crate::report::text::unnamed_section(&section.id, m)
    } else {
        section.heading.clone()
    }
}

/// The terminal rendering.
pub fn text(report: &DiffReport, m: &Messages, options: DiffTextOptions) -> String {
    let mut out = String::new();
    let short = |commit: &str| commit[..7.min(commit.len())].to_owned();
    let since = match &report.sync {
        Some(sync) => {
            let id = match sync.method {
                super::SyncMethod::Pin => "diff-since-pin",
                super::SyncMethod::History => "diff-since-history",
            };
            m.with(
                id,
                &[
                    ("commit", short(&sync.commit).into()),
                    ("date", sync.time.map(date).unwrap_or_default().into()),
                    ("head", short(&report.head).into()),
                ],
            )
        }
        None => String::new(),
    };
    out.push_str(&paint(
        options.color,
        Style::new().bold(),
        &m.with(
            "diff-header",
            &[("source", (&report.source).into()), ("since", since.into())],
        ),
    ));
    out.push('\n');
    match report.state {
        State::Stale => {}
        _ => {
            out.push_str(
                &m.with(
                    "diff-no-change",
                    &[
                        ("translation", (&report.translation).into()),
                        (
                            "state",
                            m.get(&format!("state-{}", report.state.as_str())).into(),
                        ),
                        (
                            "reason",
                            m.with(
                                &format!("reason-{}", report.reason.code()),
                                &[("pin", "".into())],
                            )
                            .into(),
                        ),
                    ],
                ),
            );
            out.push('\n');
            return out;
        }
    }
    out.push_str(&m.with(
        "diff-summary",
        &[
            ("changed", report.sections.len().into()),
            ("total", report.source_sections.into()),
            ("cosmetic", report.cosmetic.into()),
        ],
    ));
    out.push('\n');
    if report.reason == Reason::Structure {
        out.push_str(&m.get("diff-structure-hint"));
        out.push('\n');
    }
    let src = &source_lang(report);
    let tr = &report.language;
    for section in &report.sections {
        out.push('\n');
        let (heading, id) = match section.source.as_ref().or(section.old_source.as_ref()) {
            Some(r) if !r.heading.is_empty() => {
                (format!("## {}", r.heading), format!(" {{#{}}}", r.id))
            }
            Some(r) => (label(r, m), String::new()),
            None => (String::new(), String::new()),
        };
        let change = m.get(&format!("change-{}", section.change.as_str()));
        let change = match (section.change, &section.translation) {
            (Change::Added, None) => {
                m.with("diff-added-no-counterpart", &[("change", change.into())])
            }
            _ => change,
        };
        let change = if section.severity == Severity::Low {
            format!("{change} · {}", m.get("severity-low"))
        } else {
            change
        };
        out.push_str(&paint(
            options.color,
            Style::new().bold(),
            &format!("{heading}{id}"),
        ));
        out.push_str("   ");
        out.push_str(&paint(
            options.color,
            Style::new().fg_color(Some(AnsiColor::Yellow.into())),
            &change,
        ));
        out.push('\n');
        for key in &section.keys {
            out.push_str(&format!("  · {}\n", super::text::key_change(key, m)));
        }
        let mut last_shown: Option<usize> = None;
        // Blank lines at the end of a section are noise on screen (the patch keeps them).
        let shown = section
            .lines
            .iter()
            .rposition(|l| !l.text.trim().is_empty())
            .map_or(0, |last| last + 1);
        for (i, line) in section.lines[..shown].iter().enumerate() {
            if line.op == LineOp::Equal {
                continue;
            }
            if last_shown.is_some_and(|last| last + 1 < i) {
                out.push_str(&format!("  {src}  …\n"));
            }
            last_shown = Some(i);
            let (sign, style) = match line.op {
                LineOp::Delete => ("-", Style::new().fg_color(Some(AnsiColor::Red.into()))),
                _ => ("+", Style::new().fg_color(Some(AnsiColor::Green.into()))),
            };
            let body = if options.word && !line.words.is_empty() {
                line.words
                    .iter()
                    .map(|(changed, piece)| match (changed, options.color, line.op) {
                        (false, _, _) => paint(options.color, style, piece),
                        (true, true, _) => paint(
                            true,
                            style.effects(Effects::BOLD | Effects::UNDERLINE),
                            piece,
                        ),
                        (true, false, LineOp::Delete) => format!("[-{piece}-]"),
                        (true, false, _) => format!("{{+{piece}+}}"),
                    })
                    .collect::<String>()
            } else {
                paint(options.color, style, &line.text)
            };
            let gap = if line.text.is_empty() { "" } else { " " };
            out.push_str(&format!(
                "  {src}  {}{gap}{body}\n",
                paint(options.color, style, sign)
            ));
        }
        match (&section.translation, &section.translation_text) {
            (Some(t), Some(text)) => {
                let note = match section.change {
                    Change::Removed => m.with("diff-to-remove", &[("line", t.line.into())]),
                    _ => m.with("diff-to-update", &[("line", t.line.into())]),
                };
                let mut first = true;
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    out.push_str(&format!("  {tr}    {line}"));
                    if first {
                        out.push_str("   ");
                        out.push_str(&paint(
                            options.color,
                            Style::new().fg_color(Some(AnsiColor::Cyan.into())),
                            &note,
                        ));
                        first = false;
                    }
                    out.push('\n');
                }
                if first {
                    out.push_str(&format!("  {tr}    {note}\n"));
                }
            }
            _ => {
                let note = match &section.insert_after {
                    Some(after) => m.with(
                        "diff-insert-after",
                        &[
                            ("section", label(after, m).into()),
                            ("line", after.line.into()),
                        ],
                    ),
                    None => m.get("diff-insert-top"),
                };
                out.push_str(&format!(
                    "  {tr}    {}\n",
                    paint(
                        options.color,
                        Style::new().fg_color(Some(AnsiColor::Cyan.into())),
                        &note
                    )
                ));
            }
        }
    }
    out
}

/// The source language's code, from the source path when it has a language folder, else `src`.
fn source_lang(report: &DiffReport) -> String {
    report
        .source
        .split('/')
        .find(|part| crate::site::config::is_language_tag(part))
        .unwrap_or("src")
        .to_owned()
}

/// A unified diff of the source, sync point → now, with three lines of context (so `git apply` takes it), keeping
/// only the hunks that touch the sections listed (cosmetic-only changes and other sections left out).
pub fn patch(report: &DiffReport) -> String {
    if report.sections.is_empty() {
        return String::new();
    }
    // Line ranges of the listed sections, on each side.
    let ranges = |old: bool| -> Vec<(usize, usize)> {
        report
            .sections
            .iter()
            .filter_map(|s| {
                let numbers: Vec<usize> = s
                    .lines
                    .iter()
                    .filter_map(|l| if old { l.old_line } else { l.new_line })
                    .collect();
                Some((*numbers.iter().min()?, *numbers.iter().max()?))
            })
            .collect()
    };
    let (old_ranges, new_ranges) = (ranges(true), ranges(false));
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_lines(report.old_text.as_str(), report.new_text.as_str());
    let since = report
        .sync
        .as_ref()
        .map(|s| s.commit.as_str())
        .unwrap_or("");
    let mut out = format!(
        "--- a/{}\t{}\n+++ b/{}\n",
        report.source, since, report.source
    );
    let mut any = false;
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        let touches = hunk.iter_changes().any(|change| match change.tag() {
            similar::ChangeTag::Equal => false,
            similar::ChangeTag::Delete => change
                .old_index()
                .is_some_and(|i| old_ranges.iter().any(|&(a, b)| (a..=b).contains(&(i + 1)))),
            similar::ChangeTag::Insert => change
                .new_index()
                .is_some_and(|i| new_ranges.iter().any(|&(a, b)| (a..=b).contains(&(i + 1)))),
        });
        if touches {
            any = true;
            out.push_str(&hunk.to_string());
        }
    }
    if any { out } else { String::new() }
}
