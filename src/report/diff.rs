//! `tandem diff`: the source's change since the sync point, section by section, beside the translation's section.
//! One value; renderers for text and patch; JSON is the value (docs/json.md).

use anstyle::{AnsiColor, Color, Effects, Style};
use serde::Serialize;

use super::SyncPoint;
use super::text::date;
use crate::drift::sections::{Change, Severity};
use crate::drift::structure::SectionRef;
use crate::drift::{Reason, State};
use crate::i18n::Messages;

/// The colours of the text view: removed lines, added lines, notes on the translation, changes' names and moves.
const RED: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Red)));
const GREEN: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Green)));
const CYAN: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Cyan)));
const YELLOW: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Yellow)));

/// The version of the `diff --format json` document.
pub const DIFF_JSON_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    pub version: u32,
    pub language: String,
    /// The site's source language (its code labels the source's lines in text).
    pub source_language: String,
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
    /// For a page stale by structure (no changed section explains it): the structure signals, as in `status`.
    pub signals: Vec<crate::drift::structure::Signal>,
    /// The ids `--section` can name: the front matter's and the current source's sections' (shown when an id
    /// matches none), then those only the source at the sync point or the translation has.
    #[serde(skip)]
    pub section_ids: Vec<String>,
    /// How many of `section_ids` are the current source's.
    #[serde(skip)]
    pub source_ids: usize,
    /// The source at the sync point and now, for the patch.
    #[serde(skip)]
    pub old_text: String,
    #[serde(skip)]
    pub new_text: String,
    /// Sections and front-matter keys left out: only a source commit the verdict did not count changed them.
    #[serde(skip_serializing_if = "is_zero")]
    pub not_counted: usize,
    /// `--section top` names the text before the first heading (no heading has that id).
    #[serde(skip)]
    pub top_is_preamble: bool,
    /// The page's changed sections and the removed ones among them, before `--section` kept one: the summary counts
    /// the page (with `--section` its total moved, "8 of 20" becoming "1 of 19").
    #[serde(skip)]
    pub page_changed: Option<(usize, usize)>,
    /// The translation's pin as written, when the verdict is about it (`pin-not-found`…).
    #[serde(skip)]
    pub pin: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
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
    /// For a section without counterpart, or one the source moved: the translation section after which it belongs
    /// (`null`: at the top).
    pub insert_after: Option<SectionRef>,
    /// With `insert_after`: the line of the translation's heading it goes in front of (`None`: at the end of the page).
    #[serde(skip)]
    pub insert_before: Option<usize>,
    /// The source moved this section (it may have changed too: `change` says so); `insert_after` says where it goes.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    /// The source's change, line by line (the whole section).
    pub lines: Vec<DiffLine>,
    /// The translation's section as it is now, `null` without counterpart.
    pub translation_text: Option<String>,
    /// Front matter: each key that changed, its value before and after.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<crate::drift::front_matter::KeyChange>,
    /// The blocks that changed in a modified section, each with its aligned translation block.
    pub blocks: Vec<BlockDiff>,
    /// What the text view shows of a modified section: the changed blocks and the context around them.
    #[serde(skip)]
    pub view: Vec<BlockView>,
    /// The source heading's level (`###` is 3; 0 before the first heading and for the front matter), for the text
    /// view's heading line.
    #[serde(skip)]
    pub level: u8,
}

/// A block's place in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BlockRef {
    pub line: usize,
}

/// One changed block of a source section. JSON `blocks[]`.
#[derive(Debug, Clone, Serialize)]
pub struct BlockDiff {
    pub change: Change,
    pub kind: &'static str,
    /// The block at the sync point (`null` when added).
    pub old_source: Option<BlockRef>,
    /// The block now (`null` when removed).
    pub source: Option<BlockRef>,
    /// The translation block aligned with it (`null` when none is).
    pub translation: Option<BlockRef>,
    /// The change is already in that translation block: only link or image targets changed, and it has the new ones.
    pub in_translation: bool,
    /// An added or removed block that is half of another change: a paragraph the source split in two (the added
    /// half) or two it joined into one (the removed one). The modified block it goes with, now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<BlockRef>,
}

/// A block as the text view shows it: changed (with its old and new text) or context (`change` `None`).
#[derive(Debug, Clone)]
pub struct BlockView {
    pub change: Option<Change>,
    pub old_text: String,
    pub new_text: String,
    /// The aligned translation block: its line and text.
    pub translation: Option<(usize, String)>,
    /// For an added block without counterpart: the translation line it belongs after.
    pub insert_after: Option<usize>,
    /// The change is already in the aligned translation block ([`BlockDiff::in_translation`]).
    pub in_translation: bool,
    /// The translation line the note goes on, when it is not the first shown: the first changed part of blocks
    /// joined.
    pub note_line: Option<usize>,
    /// Prose whose lines were wrapped again (a word changed, the rest of the paragraph reflowed): its old and new
    /// text are each one line, shown around the words that changed ([`UNWRAPPED_LINE`]).
    pub unwrapped: bool,
}

/// Lines longer than this are cut around what changed.
pub const MAX_LINE: usize = 300;

/// Characters kept on each side of the first change in a cut line.
const CUT_CONTEXT: usize = 100;

/// Characters kept on each side of the other changes in a cut line.
const CUT_MORE: usize = 40;

/// How far a cut moves to fall between two words.
const WORD_SNAP: usize = 15;

/// Cuts pieces of a line (`true` for changed words) longer than [`MAX_LINE`] characters to the places that changed,
/// [`CUT_CONTEXT`] characters around the first and [`CUT_MORE`] around each other one, what lies between marked `…`
/// (a second change far along a long line was cut off: only the first was shown). Past three lines' worth of
/// characters kept, the rest is one `…`. Returns the pieces kept and where in the line (0 to 1) the first change sits.
pub fn cut_pieces(pieces: &[(bool, String)]) -> (Vec<(bool, String)>, f32) {
    cut_pieces_to(pieces, MAX_LINE, CUT_CONTEXT)
}

/// A paragraph unwrapped into one line is cut to this many characters, [`UNWRAPPED_CONTEXT`] around its first change:
/// about a terminal's line, as the lines it was written in were.
const UNWRAPPED_LINE: usize = 120;

/// Characters kept on each side of the first change of an unwrapped paragraph.
const UNWRAPPED_CONTEXT: usize = 50;

/// [`cut_pieces`] to lines of at most `max` characters, `context` of them around the first change.
fn cut_pieces_to(
    pieces: &[(bool, String)],
    max: usize,
    context: usize,
) -> (Vec<(bool, String)>, f32) {
    let total: usize = pieces.iter().map(|(_, p)| p.chars().count()).sum();
    // The changed runs, as character ranges.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for (changed, piece) in pieces {
        let len = piece.chars().count();
        if *changed {
            match runs.last_mut() {
                Some((_, end)) if *end == at => *end = at + len,
                _ => runs.push((at, at + len)),
            }
        }
        at += len;
    }
    let first = runs.first().map_or(0, |r| r.0);
    let position = if total == 0 {
        0.0
    } else {
        first as f32 / total as f32
    };
    if total <= max {
        return (pieces.to_vec(), position);
    }
    // The windows kept, merged where they touch.
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut kept = 0;
    for (k, (from, to)) in runs.iter().copied().enumerate() {
        let context = if k == 0 { context } else { CUT_MORE };
        let (from, to) = (from.saturating_sub(context), (to + context).min(total));
        // A change longer than a line shows its start.
        let to = if k == 0 { to.min(from + max) } else { to };
        match windows.last_mut() {
            Some((_, end)) if from <= *end + CUT_MORE => {
                kept += to.saturating_sub(*end);
                *end = (*end).max(to);
            }
            _ if kept >= 3 * max => break,
            _ => {
                kept += to - from;
                windows.push((from, to));
            }
        }
    }
    if windows.is_empty() {
        windows.push((0, max.min(total)));
    }
    // Cuts fall between words where one ends nearby.
    let chars: Vec<char> = pieces.iter().flat_map(|(_, p)| p.chars()).collect();
    let changed_at = |at: usize| runs.iter().any(|&(from, to)| (from..to).contains(&at));
    for window in &mut windows {
        *window = snap_to_spaces(&chars, *window, |left_out| {
            !left_out.into_iter().any(changed_at)
        });
    }
    let mut out = Vec::new();
    let mut previous_end = 0;
    for (start, end) in windows {
        if start > previous_end {
            let gap = if previous_end == 0 { "…" } else { " … " };
            out.push((false, gap.to_owned()));
        }
        let mut at = 0;
        for (changed, piece) in pieces {
            let len = piece.chars().count();
            let (from, to) = (start.max(at), end.min(at + len));
            if from < to {
                out.push((
                    *changed,
                    piece.chars().skip(from - at).take(to - from).collect(),
                ));
            }
            at += len;
        }
        previous_end = end;
    }
    if previous_end < total {
        out.push((false, "…".to_owned()));
    }
    (out, position)
}

/// Where (0 to 1, along `old`) two versions of a text part: their common beginning's share of `old`.
fn parting(old: &str, new: &str) -> f32 {
    let common = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common as f32 / old.chars().count().max(1) as f32
}

/// Cuts a line to at most `max` characters around `position` (0 to 1), marking cuts with `…`.
pub fn cut_line(line: &str, position: f32, max: usize) -> String {
    let total = line.chars().count();
    if total <= max {
        return line.to_owned();
    }
    let centre = (position.clamp(0.0, 1.0) * total as f32) as usize;
    let start = centre.saturating_sub(max / 3).min(total - max);
    // The cuts move to the nearest space a few characters in, not to split a word or a link (text without spaces,
    // Chinese or Japanese, is cut where it falls).
    let chars: Vec<char> = line.chars().collect();
    let (from, to) = snap_to_spaces(&chars, (start, start + max), |_| true);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(&chars[from..to]);
    if to < total {
        out.push('…');
    }
    out
}

/// A window `(start, end)` of `chars` moved to fall between words where a space is within [`WORD_SNAP`] characters of a
/// cut: the start to just after a space, the end onto one. `may_leave_out(range)`: whether the characters a moved
/// cut leaves out may go (not a changed word's).
fn snap_to_spaces(
    chars: &[char],
    (start, end): (usize, usize),
    may_leave_out: impl Fn(std::ops::Range<usize>) -> bool,
) -> (usize, usize) {
    let total = chars.len();
    let mut from = start;
    if from > 0
        && let Some(k) = (from..(from + WORD_SNAP).min(end)).find(|&k| chars[k - 1] == ' ')
        && may_leave_out(k - 1..k)
    {
        from = k;
    }
    let mut to = end;
    if to < total
        && let Some(k) = (from.saturating_add(1).max(to.saturating_sub(WORD_SNAP))..=to)
            .rev()
            .find(|&k| chars[k] == ' ')
        && may_leave_out(k..to)
    {
        to = k;
    }
    (from, to)
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
    let short = super::abbrev;
    let since = match &report.sync {
        Some(sync) => {
            let id = match (sync.method, &sync.translation_commit) {
                (super::SyncMethod::Pin, _) => "diff-since-pin",
                (super::SyncMethod::History, None) => "diff-since-history",
                (super::SyncMethod::History, Some(_)) => "diff-since-history-sources",
            };
            m.with(
                id,
                &[
                    ("commit", short(&sync.commit).into()),
                    ("date", sync.time.map(date).unwrap_or_default().into()),
                    ("head", short(&report.head).into()),
                    ("passed", sync.skipped_commits.into()),
                    (
                        "translation",
                        short(sync.translation_commit.as_deref().unwrap_or_default()).into(),
                    ),
                ],
            )
        }
        None => String::new(),
    };
    out.push_str(&paint(
        options.color,
        Style::new().bold(),
        m.with(
            "diff-header",
            &[("source", (&report.source).into()), ("since", since.into())],
        )
        // Without a sync point, nothing follows the source.
        .trim_end(),
    ));
    out.push('\n');
    // Why the sync point is older than the translation's last commit.
    // And which of the source's commits since then were not counted.
    if let Some(sync) = &report.sync {
        for line in super::text::skipped_named(sync, m) {
            out.push_str(&line);
            out.push('\n');
        }
    }
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
                                &[("pin", report.pin.clone().unwrap_or_default().into())],
                            )
                            .into(),
                        ),
                    ],
                ),
            );
            out.push('\n');
            if report.state == State::Missing {
                out.push_str(&m.with(
                    "diff-next-scaffold",
                    &[
                        ("source", crate::util::shell::quote(&report.source).into()),
                        ("lang", (&report.language).into()),
                    ],
                ));
                out.push('\n');
            }
            return out;
        }
    }
    // Every section of either version counts once: a section the source removed is one of the changed ones.
    let removed = report
        .sections
        .iter()
        .filter(|section| section.change == Change::Removed)
        .count();
    let (changed, removed) = report
        .page_changed
        .unwrap_or((report.sections.len(), removed));
    out.push_str(&m.with(
        "diff-summary",
        &[
            ("changed", changed.into()),
            ("total", (report.source_sections + removed).into()),
            ("cosmetic", report.cosmetic.into()),
        ],
    ));
    if report.page_changed.is_some() {
        out.push_str(&m.with(
            "diff-summary-shown",
            &[("shown", report.sections.len().into())],
        ));
    }
    out.push('\n');
    if report.not_counted > 0 {
        out.push_str(&m.with("diff-not-counted", &[("count", report.not_counted.into())]));
        out.push('\n');
    }
    if !report.signals.is_empty() {
        // Nothing changed in the source to show, or only what the translation already holds: what differs between
        // the source and the translation now is the reason.
        out.push_str(&m.get(if report.sections.is_empty() {
            "diff-structure-signals"
        } else {
            "diff-structure-signals-held"
        }));
        out.push('\n');
        out.push_str(&signal_lines(report, m));
    } else if report.reason == Reason::Structure {
        out.push_str(&m.get("diff-structure-hint"));
        out.push('\n');
    }
    // Each side's lines are labelled with its language, in BCP 47's case as the other reports give it (`pt-BR`), both
    // labels as wide so that the two sides' texts start in one column.
    let (src, tr) = (
        super::display_tag(&source_lang(report)),
        super::display_tag(&report.language),
    );
    let width = src.chars().count().max(tr.chars().count());
    let (src, tr) = (&format!("{src:<width$}"), &format!("{tr:<width$}"));
    // The section shown just before, when the translation lacks it too (added, no counterpart): a section added
    // after it goes after it, not at the place both would be told (both "at the top" read in the wrong order).
    let mut added_above: Option<&SectionDiff> = None;
    for section in &report.sections {
        out.push('\n');
        let above_this = std::mem::replace(
            &mut added_above,
            (section.change == Change::Added && section.translation.is_none()).then_some(section),
        );
        let (heading, id) = match section.source.as_ref().or(section.old_source.as_ref()) {
            Some(r) if !r.heading.is_empty() => (
                // The source's own level (`###` for a sub-section; `##` when it is not known).
                format!(
                    "{} {}",
                    "#".repeat(match section.level {
                        0 => 2,
                        level => usize::from(level.min(6)),
                    }),
                    r.heading
                ),
                format!(" {{#{}}}", r.id),
            ),
            // The text before the first heading, with the id `--section` takes for it.
            Some(r) if r.id.is_empty() && report.top_is_preamble => (
                label(r, m),
                format!(" {{#{}}}", crate::commands::diff::PREAMBLE_ID),
            ),
            Some(r) => (label(r, m), String::new()),
            None => (String::new(), String::new()),
        };
        // "Le front matter" is masculine: its change is said with a word of its own.
        let change = if section.kind == super::SectionKind::FrontMatter {
            m.get("change-front-matter-modified")
        } else {
            m.get(&format!("change-{}", section.change.as_str()))
        };
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
        out.push_str(&paint(options.color, YELLOW, &change));
        out.push('\n');
        for key in &section.keys {
            out.push_str(&format!("  · {}\n", super::text::key_change(key, m)));
        }
        if !section.view.is_empty() {
            render_heading_change(&mut out, section, m, options, src, tr);
            render_blocks(&mut out, section, m, options, src, tr);
            render_move(&mut out, section, m, options, tr);
            continue;
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
                LineOp::Delete => ("-", RED),
                _ => ("+", GREEN),
            };
            let pieces = if line.words.is_empty() {
                vec![(false, line.text.clone())]
            } else {
                line.words.clone()
            };
            let body = paint_pieces(&cut_pieces(&pieces).0, line.op, style, options);
            let gap = if line.text.is_empty() { "" } else { " " };
            out.push_str(&format!(
                "  {src}  {}{gap}{body}\n",
                paint(options.color, style, sign)
            ));
        }
        match (&section.translation, &section.translation_text) {
            (Some(t), Some(text)) => {
                let followed =
                    !section.keys.is_empty() && section.keys.iter().all(|k| k.in_translation);
                // In the front matter, a note goes on the translation's line of each changed key it has (it sat on
                // the opening `---`, "line 1", above the title it meant; then on the first key alone).
                let key_line = |key: &str| front_matter_key_line(text, key);
                // A key the translation changed after the source did, or one it holds as the source now has it.
                let held = |followed: bool, since: bool| match (followed, since) {
                    (false, _) => None,
                    (true, true) => Some("diff-keys-in-translation"),
                    (true, false) => Some("diff-keys-held-in-translation"),
                };
                let note_at = |i: usize, followed: Option<&str>| {
                    let at = t.line + i;
                    match section.change {
                        Change::Removed => m.with("diff-to-remove", &[("line", t.line.into())]),
                        // Added, with a counterpart: the source did not exist at the sync point.
                        Change::Added => m.with("diff-created-compare", &[("line", t.line.into())]),
                        Change::Moved => move_note(section, m, "diff-to-move", "diff-to-move-top"),
                        _ => m.with(followed.unwrap_or("diff-to-update"), &[("line", at.into())]),
                    }
                };
                let mut marks: Vec<(usize, String)> = Vec::new();
                for key in &section.keys {
                    if let Some(i) = key_line(&key.key)
                        && !marks.iter().any(|(at, _)| *at == i)
                    {
                        marks.push((
                            i,
                            note_at(i, held(key.in_translation, key.translated_in.is_some())),
                        ));
                    }
                }
                // Keys the source added that the translation lacks: to add, after its last key (they had no note
                // once the note stopped going on an unrelated key of the same last name).
                let to_add: Vec<&str> = (section.keys.iter())
                    .filter(|k| !k.in_translation && k.new.is_some() && key_line(&k.key).is_none())
                    .map(|k| k.key.as_str())
                    .collect();
                let lines: Vec<&str> = text.lines().collect();
                if !to_add.is_empty()
                    && section.kind == super::SectionKind::FrontMatter
                    && let Some(last) = (0..lines.len()).rev().find(|&i| {
                        let l = lines[i].trim();
                        !l.is_empty() && l != "---" && l != "+++"
                    })
                {
                    let note = m.with(
                        "diff-keys-to-add",
                        &[
                            ("keys", to_add.join(", ").into()),
                            ("line", (t.line + last).into()),
                        ],
                    );
                    match marks.iter_mut().find(|(at, _)| *at == last) {
                        Some((_, existing)) => {
                            existing.push_str(" · ");
                            existing.push_str(&note);
                        }
                        None => marks.push((last, note)),
                    }
                }
                // The source dropped the section's heading (its text now opens the page): a translation's matching
                // text without one is already as the source now is; one with a heading is to lose it.
                let heading_gone = section.kind == super::SectionKind::Body
                    && matches!(
                        (&section.old_source, &section.source),
                        (Some(o), Some(n)) if !o.heading.is_empty() && n.heading.is_empty()
                    );
                let note = if heading_gone && t.heading.is_empty() {
                    m.with(
                        "diff-heading-gone-in-translation",
                        &[("line", t.line.into())],
                    )
                } else if heading_gone && section.change == Change::Modified {
                    m.with("diff-heading-to-remove", &[("line", t.line.into())])
                } else {
                    note_at(
                        0,
                        held(
                            followed,
                            section.keys.iter().any(|k| k.translated_in.is_some()),
                        ),
                    )
                };
                let mut first = true;
                for (i, line) in text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty())
                {
                    out.push_str(&format!("  {tr}    {}", cut_line(line, 0.0, MAX_LINE)));
                    let here = match marks.iter().find(|(at, _)| *at == i) {
                        Some((_, note)) => Some(note),
                        None if first && marks.is_empty() => Some(&note),
                        None => None,
                    };
                    if let Some(note) = here {
                        out.push_str("   ");
                        out.push_str(&paint(options.color, CYAN, note));
                        first = false;
                    }
                    out.push('\n');
                }
                if first {
                    out.push_str(&format!("  {tr}    {note}\n"));
                }
            }
            _ => {
                let above = above_this.filter(|above| {
                    above.insert_after.as_ref().map(|a| (&a.id, a.line))
                        == section.insert_after.as_ref().map(|a| (&a.id, a.line))
                });
                let note = match (
                    above.and_then(|above| above.source.as_ref()),
                    &section.insert_after,
                ) {
                    (Some(above), _) => m.with(
                        "diff-insert-after-added",
                        &[(
                            "section",
                            crate::report::text::quoted_section(&above.heading, &above.id, m)
                                .into(),
                        )],
                    ),
                    (None, Some(_)) => {
                        move_note(section, m, "diff-insert-after", "diff-insert-top")
                    }
                    (None, None) => m.get("diff-insert-top"),
                };
                out.push_str(&format!(
                    "  {tr}    {}\n",
                    paint(options.color, CYAN, &note)
                ));
            }
        }
        render_move(&mut out, section, m, options, tr);
    }
    out
}

/// Where a section goes in the translation (added without counterpart, or moved): after the translation's section
/// named, in front of the line of the heading that follows it (`0`: at the end of the page), or at the top. The line
/// said is where to put it: the named section's own line, which it used to say, is where that section starts.
fn move_note(section: &SectionDiff, m: &Messages, after_id: &str, top_id: &str) -> String {
    let before = section.insert_before.unwrap_or(0);
    match &section.insert_after {
        // The text before the first heading, named without parentheses inside the note's own.
        Some(after) if after.heading.is_empty() && after.id != "front-matter" => m.with(
            &format!("{after_id}-preamble"),
            &[("before", before.into())],
        ),
        Some(after) => m.with(
            after_id,
            &[
                (
                    "section",
                    crate::report::text::quoted_section(&after.heading, &after.id, m).into(),
                ),
                ("before", before.into()),
            ],
        ),
        None => m.get(top_id),
    }
}

/// For a section the source moved and changed: a line saying where it goes now (the change alone was shown, and the
/// translator updated it where it was).
fn render_move(
    out: &mut String,
    section: &SectionDiff,
    m: &Messages,
    options: DiffTextOptions,
    tr: &str,
) {
    if !section.moved || section.change == Change::Moved {
        return;
    }
    let note = move_note(section, m, "diff-moved-too", "diff-moved-too-top");
    out.push_str(&format!(
        "  {tr}    {}\n",
        paint(options.color, CYAN, &note)
    ));
}

/// The line (0-based, in `text`, a front matter as the file has it) of dotted `key`, found in the front matter's
/// parsed tree (YAML nesting, TOML tables). A key matched by its last part alone put the note for `banner.content` on
/// the `content:` of an unrelated `head:` entry.
fn front_matter_key_line(text: &str, key: &str) -> Option<usize> {
    let front_matter = crate::markdown::frontmatter::parse(text).ok()?;
    let mut node = front_matter.tree.as_ref()?;
    for part in key.split('.') {
        node = node.get(part)?;
    }
    let at = node.key_span.as_ref()?.start;
    Some(crate::markdown::frontmatter::line_of(text, at) - 1)
}

/// A heading that changed in a section whose body changed too: its `-`/`+` lines and the translated heading to
/// update, before the blocks (the block view showed only the body: a translated heading kept a word the source
/// dropped).
fn render_heading_change(
    out: &mut String,
    section: &SectionDiff,
    m: &Messages,
    options: DiffTextOptions,
    src: &str,
    tr: &str,
) {
    let (Some(old), Some(new)) = (&section.old_source, &section.source) else {
        return;
    };
    // The source dropped the heading: its text now opens the page (or joins the section above).
    let dropped = section.level == 0 && !old.heading.is_empty();
    if old.heading == new.heading || section.level == 0 && !dropped {
        return;
    }
    let heading_line = |op: LineOp| {
        section.lines.iter().find(|line| {
            line.op == op
                && match op {
                    LineOp::Delete => line.old_line == Some(old.line),
                    _ => line.new_line == Some(new.line),
                }
        })
    };
    for (op, sign, style) in [(LineOp::Delete, "-", RED), (LineOp::Insert, "+", GREEN)] {
        if dropped && op == LineOp::Insert {
            break;
        }
        let Some(line) = heading_line(op) else {
            return;
        };
        let pieces = if line.words.is_empty() {
            vec![(false, line.text.clone())]
        } else {
            line.words.clone()
        };
        out.push_str(&format!(
            "  {src}  {} {}\n",
            paint(options.color, style, sign),
            paint_pieces(&cut_pieces(&pieces).0, op, style, options)
        ));
    }
    if let (Some(t), Some(text)) = (&section.translation, &section.translation_text)
        && let Some(heading) = text.lines().find(|l| !l.trim().is_empty())
    {
        let note = match (dropped, t.heading.is_empty()) {
            (false, _) => m.with("diff-to-update", &[("line", t.line.into())]),
            (true, false) => m.with("diff-heading-to-remove", &[("line", t.line.into())]),
            // A translation without a heading there: nothing to remove.
            (true, true) => return,
        };
        out.push_str(&format!(
            "  {tr}    {}   {}\n",
            cut_line(heading, 0.0, MAX_LINE),
            paint(options.color, CYAN, &note)
        ));
    }
}

/// Changed line pieces as shown: changed words underlined (colour) or marked `[-…-]`/`{+…+}` (`--word`), else the
/// whole line in the line's colour. Characters that take no room are written as their code points
/// ([`shown_invisible`](crate::util::chars::shown_invisible)): a zero-width space added was a `-`/`+` pair that
/// looked the same.
fn paint_pieces(
    pieces: &[(bool, String)],
    op: LineOp,
    style: Style,
    options: DiffTextOptions,
) -> String {
    pieces
        .iter()
        .map(|(changed, piece)| (changed, crate::util::chars::shown_invisible(piece)))
        .map(
            |(changed, piece)| match (changed, options.word, options.color, op) {
                (false, _, _, _) | (true, false, _, _) => paint(options.color, style, &piece),
                (true, true, true, _) => paint(
                    true,
                    style.effects(Effects::BOLD | Effects::UNDERLINE),
                    &piece,
                ),
                (true, true, false, LineOp::Delete) => format!("[-{piece}-]"),
                (true, true, false, _) => format!("{{+{piece}+}}"),
            },
        )
        .collect()
}

/// A modified section block by block: each changed block old → new (changed lines only, cut around the change),
/// beside its aligned translation block; context blocks as one cut line.
fn render_blocks(
    out: &mut String,
    section: &SectionDiff,
    m: &Messages,
    options: DiffTextOptions,
    src: &str,
    tr: &str,
) {
    let dim = Style::new().effects(Effects::DIMMED);
    // Where the block shown just before goes, when the translation lacks it (added): a block added right after it
    // goes after it (three list items appended each said "insert after line 63": inserted in turn, in reverse).
    let mut added_above: Option<usize> = None;
    for block in &section.view {
        let above = std::mem::replace(
            &mut added_above,
            (block.change == Some(Change::Added) && block.translation.is_none())
                .then_some(block.insert_after)
                .flatten(),
        );
        let Some(change) = block.change else {
            let mut lines = block
                .new_text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty());
            if let Some(first) = lines.next() {
                // A code block's fence alone (```sh) says nothing of where the reader is: its first line with it.
                let line = match lines.next() {
                    Some(next) if first.starts_with("```") || first.starts_with("~~~") => {
                        format!("{first} {next}")
                    }
                    _ => first.to_owned(),
                };
                let line = cut_line(&line, 0.0, CONTEXT_LINE);
                out.push_str(&format!(
                    "  {src}    {}\n",
                    paint(options.color, dim, &line)
                ));
            }
            continue;
        };
        // Lines that differ only by trailing spaces (a Markdown line break removed, an editor's clean-up) are not
        // changes to show: printed, the `-` and `+` lines look the same and hide the one that changed.
        let (old_text, new_text) = (
            crate::util::chars::trim_line_ends(&block.old_text),
            crate::util::chars::trim_line_ends(&block.new_text),
        );
        if change == Change::Moved {
            render_moved_block(out, block, m, options, src, tr);
            continue;
        }
        let diff = similar::TextDiff::configure()
            .algorithm(similar::Algorithm::Patience)
            .diff_lines(old_text.as_str(), new_text.as_str());
        let mut position = 0.0;
        let mut first_position = None;
        let words = inline_options(&old_text, &new_text);
        // Runs of changed lines apart in the block (a card removed at the top of a grid, cards added at its end) are
        // told apart by a gap line: printed one after the other, they read as one line replaced by the others.
        let (mut printed, mut gap) = (false, false);
        for op in diff.ops() {
            if op.tag() == similar::DiffTag::Equal {
                gap |= printed;
                continue;
            }
            if std::mem::take(&mut gap) {
                out.push_str(&format!("  {src}  …\n"));
            }
            printed = true;
            for line in diff.iter_inline_changes_with_options(op, words) {
                let (op, sign, style) = match line.tag() {
                    similar::ChangeTag::Equal => continue,
                    similar::ChangeTag::Delete => (LineOp::Delete, "-", RED),
                    similar::ChangeTag::Insert => (LineOp::Insert, "+", GREEN),
                };
                let pieces: Vec<(bool, String)> = line
                    .iter_strings_lossy()
                    .map(|(changed, text)| {
                        (
                            changed && change == Change::Modified,
                            text.trim_end_matches(['\n', '\r']).to_owned(),
                        )
                    })
                    .filter(|(_, text)| !text.is_empty())
                    .collect();
                if pieces.iter().all(|(_, t)| t.trim().is_empty()) {
                    continue;
                }
                let unchanged = pieces.iter().all(|(changed, _)| !changed);
                let (pieces, at) = match block.unwrapped {
                    // The side of an unwrapped paragraph with no word of the change (words only removed, or only
                    // added): cut around the place where the two versions part, not from its start.
                    true if unchanged => {
                        let line: String = pieces.iter().map(|(_, p)| p.as_str()).collect();
                        let at = parting(&old_text, &new_text);
                        (vec![(false, cut_line(&line, at, UNWRAPPED_LINE))], at)
                    }
                    true => cut_pieces_to(&pieces, UNWRAPPED_LINE, UNWRAPPED_CONTEXT),
                    false => cut_pieces(&pieces),
                };
                if first_position.is_none() {
                    first_position = Some(at);
                    position = at;
                }
                out.push_str(&format!(
                    "  {src}  {} {}\n",
                    paint(options.color, style, sign),
                    paint_pieces(&pieces, op, style, options)
                ));
            }
        }
        // A long translation block (a component listing dozens of cards) is shown around the place of the change.
        // Blank lines are not shown: the parts count the others, and the note names the first shown by its line.
        let lines: Vec<&str> = block
            .translation
            .as_ref()
            .map(|(_, text)| dedented(text).collect())
            .unwrap_or_default();
        let shown = block
            .translation
            .as_ref()
            .map(|_| excerpt(&block.old_text, &block.new_text, &lines));
        // The translation line the note goes on: the first shown, or, for a code block or a table shown whole with
        // as many lines as the source's old block, the one at the place of the source's first changed line (the code
        // block's third line, not its fence). Prose is wrapped differently in each language: its first line.
        // Lines only added to the source's block (cards appended to a grid): the note says where they go in the
        // translation, after its line that matches the one before them.
        let inserted_after = (block.change == Some(Change::Modified))
            .then(|| insertion_point(&block.old_text, &block.new_text, &lines))
            .flatten();
        let mark = match (&shown, &block.translation) {
            (Some(parts), Some((start, text))) => inserted_after
                // Blocks joined: the first line of the translation of the part that changed.
                .or_else(|| {
                    let line = block.note_line?;
                    Some(
                        text.lines()
                            .take(line.checked_sub(*start)?)
                            .filter(|l| !l.trim().is_empty())
                            .count(),
                    )
                })
                // A long code block cut around the change too: the line at the place of the change, not the first
                // line shown (the translator counted down to the line to edit).
                .or_else(|| same_place(&block.old_text, &block.new_text, lines.len()))
                // Prose: the translation's line that says what the source's changed line said (not for a paragraph
                // shown unwrapped: its one line holds every sentence).
                .or_else(|| {
                    (!block.unwrapped)
                        .then(|| prose_place(&block.old_text, &block.new_text, &lines))
                        .flatten()
                })
                // Prose wrapped at a width: the line the changed sentence starts on, when it is shown.
                .or_else(|| {
                    sentence_place(&block.old_text, &block.new_text, &lines).filter(|line| {
                        parts.iter().any(|part| {
                            matches!(*part, Excerpt::Lines(from, to) if (from..to).contains(line))
                        })
                    })
                })
                .or_else(|| {
                    parts.iter().find_map(|part| match part {
                        Excerpt::Lines(from, _) => Some(*from),
                        Excerpt::Elided(_) => None,
                    })
                })
                .unwrap_or(0),
            _ => 0,
        };
        // Its line in the page (blank lines were not counted).
        let first_shown = match &block.translation {
            Some((_, text)) => text
                .lines()
                .enumerate()
                .filter(|(_, line)| !line.trim().is_empty())
                .nth(mark)
                .map_or(0, |(at, _)| at),
            None => 0,
        };
        let note = match (change, &block.translation, block.insert_after) {
            (_, Some((line, _)), _) if block.in_translation => m.with(
                "diff-already-in-translation",
                &[("line", (line + first_shown).into())],
            ),
            (Change::Removed, Some((line, _)), _) => {
                m.with("diff-to-remove", &[("line", (line + first_shown).into())])
            }
            (_, Some((line, _)), _) if inserted_after.is_some() => m.with(
                "diff-block-insert-after",
                &[("line", (line + first_shown).into())],
            ),
            (_, Some((line, _)), _) => {
                m.with("diff-to-update", &[("line", (line + first_shown).into())])
            }
            (_, None, Some(line)) if above == Some(line) => m.get("diff-block-insert-after-added"),
            (_, None, Some(line)) => m.with("diff-block-insert-after", &[("line", line.into())]),
            (_, None, None) => m.get("diff-block-no-counterpart"),
        };
        let note = paint(options.color, CYAN, &note);
        match (&block.translation, shown) {
            (Some(_), Some(parts)) => {
                let mut first = true;
                for part in parts {
                    match part {
                        Excerpt::Lines(from, to) => {
                            for (at, line) in lines.iter().enumerate().take(to).skip(from) {
                                out.push_str(&format!(
                                    "  {tr}    {}",
                                    cut_line(line, position, MAX_LINE)
                                ));
                                if first && at >= mark {
                                    out.push_str("   ");
                                    out.push_str(&note);
                                    first = false;
                                }
                                out.push('\n');
                            }
                        }
                        Excerpt::Elided(count) => {
                            let elided = m.with("diff-lines-elided", &[("count", count.into())]);
                            out.push_str(&format!(
                                "  {tr}    {}\n",
                                paint(options.color, dim, &elided)
                            ));
                        }
                    }
                }
                if first {
                    out.push_str(&format!("  {tr}    {note}\n"));
                }
            }
            _ => out.push_str(&format!("  {tr}    {note}\n")),
        }
    }
}

/// How changed lines are split into words to mark what changed: at spaces, except in text written without them
/// (Chinese, Japanese, Thai), where a line was one word and nothing in it was marked; there, by Unicode word
/// boundaries (each ideograph a word).
pub fn inline_options(old: &str, new: &str) -> similar::InlineChangeOptions {
    let mut options = similar::InlineChangeOptions::new();
    let spaceless = |text: &str| {
        text.chars().any(|c| {
            matches!(c,
                '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
                | '\u{3400}'..='\u{4DBF}' // CJK extension A
                | '\u{4E00}'..='\u{9FFF}' // CJK ideographs
                | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
                | '\u{0E00}'..='\u{0E7F}' // Thai
                | '\u{0E80}'..='\u{0EFF}' // Lao
                | '\u{1000}'..='\u{109F}' // Myanmar
                | '\u{1780}'..='\u{17FF}' // Khmer
            )
        })
    };
    options.mode(if spaceless(old) || spaceless(new) {
        similar::InlineChangeMode::UnicodeWords
    } else {
        similar::InlineChangeMode::Words
    });
    options
}

/// A block the source moved as it was: its lines, and its translation with where it goes now.
fn render_moved_block(
    out: &mut String,
    block: &BlockView,
    m: &Messages,
    options: DiffTextOptions,
    src: &str,
    tr: &str,
) {
    for line in block.new_text.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(&format!(
            "  {src}  {} {}\n",
            paint(options.color, YELLOW, "~"),
            paint(options.color, YELLOW, &cut_line(line, 0.0, MAX_LINE))
        ));
    }
    let note = match block.insert_after {
        Some(line) => m.with("diff-block-to-move", &[("line", line.into())]),
        None => m.get("diff-block-to-move-top"),
    };
    let note = paint(options.color, CYAN, &note);
    match &block.translation {
        Some((line, text)) => {
            let mut first = true;
            for shown in dedented(text).filter(|l| !l.trim().is_empty()) {
                out.push_str(&format!("  {tr}    {}", cut_line(shown, 0.0, MAX_LINE)));
                if first {
                    out.push_str(&format!(
                        "   {note} {}",
                        paint(
                            options.color,
                            CYAN,
                            &m.with("diff-block-now-at", &[("line", (*line).into())])
                        )
                    ));
                    first = false;
                }
                out.push('\n');
            }
        }
        None => out.push_str(&format!(
            "  {tr}    {}\n",
            paint(options.color, CYAN, &m.get("diff-block-no-counterpart"))
        )),
    }
}

/// A table row with its cells' padding taken out (runs of spaces made one) and, for a delimiter row, each cell written
/// `---` with its alignment colons: rows that differ only in how a formatter lined the columns up read the same.
pub fn table_row(line: &str) -> String {
    let line = line.trim();
    let delimiter = line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
    if !delimiter {
        return line.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let cells: Vec<String> = line
        .trim_matches('|')
        .split('|')
        .map(str::trim)
        .map(|cell| {
            let left = if cell.starts_with(':') { ":" } else { "" };
            let right = if cell.len() > 1 && cell.ends_with(':') {
                ":"
            } else {
                ""
            };
            format!("{left}---{right}")
        })
        .collect();
    let open = if line.starts_with('|') { "| " } else { "" };
    let close = if line.ends_with('|') { " |" } else { "" };
    format!("{open}{}{close}", cells.join(" | "))
}

/// A line as it is matched with another block's lines: without its indentation, and, for a table row, without its
/// cells' padding ([`table_row`]).
fn line_key(line: &str) -> std::borrow::Cow<'_, str> {
    let line = line.trim();
    if line.starts_with('|') {
        std::borrow::Cow::Owned(table_row(line))
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// When the source's block only gained lines (`old` → `new`, nothing removed or changed), the index in `translation`
/// (its non-blank lines) of the line that matches the old line just before them: the translation line to insert
/// after. `None` otherwise, or when no translation line matches it (a translated line: the translator places them).
fn insertion_point(old: &str, new: &str, translation: &[&str]) -> Option<usize> {
    let (old_lines, new_lines) = (non_blank_lines(old), non_blank_lines(new));
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &old_lines, &new_lines);
    let mut before = None;
    for op in &ops {
        match *op {
            similar::DiffOp::Equal { .. } => {}
            similar::DiffOp::Insert { old_index, .. } if before.is_none() => {
                before = Some(old_index)
            }
            similar::DiffOp::Insert { .. } => {}
            _ => return None,
        }
    }
    let before = before?.checked_sub(1)?;
    let keys: Vec<_> = old_lines.iter().map(|line| line_key(line)).collect();
    let tr_keys: Vec<_> = translation.iter().map(|line| line_key(line)).collect();
    let anchors = similar::capture_diff_slices(similar::Algorithm::Patience, &keys, &tr_keys);
    anchors
        .iter()
        .find_map(|op| match *op {
            similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            } if (old_index..old_index + len).contains(&before) => {
                Some(new_index + before - old_index)
            }
            _ => None,
        })
        // A table or code block with as many lines as its translation says the same thing line for line: the row
        // before the new ones is at the same place (a translated row matches nothing).
        .or_else(|| line_for_line(&old_lines, translation.len()).then_some(before))
}

/// The index, among the non-blank lines, of the source's first changed line in its old block (`old` → `new`), when
/// the old block is a fenced code block or a table of `count` non-blank lines like its translation: there, the
/// translation says the same thing.
fn same_place(old: &str, new: &str, count: usize) -> Option<usize> {
    let old_lines: Vec<&str> = old.lines().filter(|l| !l.trim().is_empty()).collect();
    if !line_for_line(&old_lines, count) {
        return None;
    }
    let new_lines: Vec<&str> = new.lines().filter(|l| !l.trim().is_empty()).collect();
    let diff = similar::capture_diff_slices(similar::Algorithm::Patience, &old_lines, &new_lines);
    diff.iter()
        .find(|op| !matches!(op, similar::DiffOp::Equal { .. }))
        .map(|op| op.old_range().start.min(count - 1))
}

/// A block's lines without their indentation, the blank ones left out.
fn non_blank_lines(text: &str) -> Vec<&str> {
    (text.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The index, among a prose translation block's non-blank `lines`, of the line that says what the source's first
/// changed line said (`old` → `new`: the source block's versions). A paragraph written a sentence per line (each line
/// of the source's old block and of the translation ends a sentence), as many in both: the line at the same place
/// (glossary, `ingress.md`: a sentence naming what the changed one named sits just above it). Else by what a
/// translation keeps of a line as it is (link targets under its language's prefix, inline code, numbers, names): the
/// line that shares more of them than any other with the first line the change took out, else with the line that
/// replaced it, each mark counted by how few translation lines have it. `None` for a one-line translation, or when
/// nothing tells (the note stays on the first line shown).
fn prose_place(old: &str, new: &str, lines: &[&str]) -> Option<usize> {
    if lines.len() < 2 {
        return None;
    }
    let (old_lines, new_lines) = (non_blank_lines(old), non_blank_lines(new));
    let diff = similar::capture_diff_slices(similar::Algorithm::Patience, &old_lines, &new_lines);
    let changed = diff
        .iter()
        .find(|op| !matches!(op, similar::DiffOp::Equal { .. }))?;
    // A sentence per line in both languages, as many of them: the translator kept the sentences, line for line. (Lines
    // wrapped at a width end anywhere in a sentence: as many of them in both is chance.)
    let sentence_ends = |line: &str| {
        let line = line.trim_end_matches(|c: char| ")]\"'*_»”’`".contains(c) || c.is_whitespace());
        line.ends_with(['.', '!', '?', ':', ';', '。', '！', '？', '…', '।'])
    };
    if old_lines.len() == lines.len()
        && old_lines.iter().all(|line| sentence_ends(line))
        && lines.iter().all(|line| sentence_ends(line))
        && !changed.old_range().is_empty()
    {
        return Some(changed.old_range().start);
    }
    // The source line says what its marks are; a translation line has one when it has the word, compared without
    // case (a translation writes `Github` where the source has `GitHub`).
    let per_line: Vec<std::collections::HashSet<String>> = (lines.iter())
        .map(|line| {
            line_words(line)
                .map(|(_, word)| word.to_lowercase())
                .collect()
        })
        .collect();
    // The translation line that alone shares most of a source line's marks.
    let anchored = |said: &str| {
        let marks = marks_of(said);
        let mut scores: Vec<(f32, usize)> = (per_line.iter().enumerate())
            .map(|(at, found)| {
                let score = (found.iter())
                    .filter(|mark| marks.contains(*mark))
                    .map(|mark| 1.0 / per_line.iter().filter(|f| f.contains(mark)).count() as f32)
                    .sum();
                (score, at)
            })
            .collect();
        scores.sort_by(|a, b| b.0.total_cmp(&a.0));
        match scores.as_slice() {
            [(best, at), (next, _), ..] if *best > 0.0 && best > next => Some(*at),
            _ => None,
        }
    };
    // The first line the change took out; when it replaced that one line, the line put in too (a link target changed:
    // the translation may have the new one). Not a later line of the change: the translation's lines need not follow
    // the source's one for one (glossary, `cloud-computing.md`: the second changed line's link pointed one line below
    // the translation of the first), and
    // not a line only added (the names of a new sentence point at the translation's older sentences that have them).
    let (took_out, put_in) = (changed.old_range(), changed.new_range());
    let first_out = old_lines
        .get(took_out.start)
        .filter(|_| !took_out.is_empty());
    let replaced_by = (took_out.len() == 1)
        .then(|| new_lines.get(put_in.start).filter(|_| !put_in.is_empty()))
        .flatten();
    first_out
        .into_iter()
        .chain(replaced_by)
        .find_map(|said| anchored(said))
}

/// The index, among a prose translation block's non-blank `lines`, of the line where the sentence the source changed
/// starts in the translation, found by its place: the source's old block (`old` → `new`) and the translation hold as
/// many sentences, two or more, and the translation's sentence at the place of the changed one keeps its marks (link
/// targets, code, numbers, names; [`kept_marks`]) when it has any and another sentence has them. Paragraphs wrapped
/// at a width end their lines anywhere in a sentence: a prettier-formatted page changes one sentence of an
/// eight-line paragraph, and the translator reads the line that sentence starts on, not the paragraph's first.
fn sentence_place(old: &str, new: &str, lines: &[&str]) -> Option<usize> {
    // A list item holding a fenced code block: its sentences end where its code starts.
    let fenced = |text: &str| {
        (text.lines())
            .map(str::trim_start)
            .any(|l| l.starts_with("```") || l.starts_with("~~~"))
    };
    if lines.len() < 2
        || by_line(&non_blank_lines(old))
        || fenced(old)
        || lines.iter().any(|l| fenced(l))
    {
        return None;
    }
    let translation = lines.join("\n");
    let (said, says) = (
        crate::drift::blocks::sentence_starts(old),
        crate::drift::blocks::sentence_starts(&translation),
    );
    if said.len() != says.len() || said.len() < 2 {
        return None;
    }
    // The first word the change took out or put before (a paragraph wrapped again still has its words in order).
    let (before, after) = (spaced_words(old), spaced_words(new));
    let parted = (before.iter().zip(&after))
        .position(|((_, a), (_, b))| a != b)
        .unwrap_or(before.len().min(after.len()));
    if parted == before.len() && parted == after.len() {
        return None;
    }
    let at = before.get(parted).map_or(old.len(), |&(at, _)| at);
    let place = said.iter().rposition(|&start| start <= at).unwrap_or(0);
    let sentence = |starts: &[usize], text: &str, k: usize| {
        marks_of(&text[starts[k]..starts.get(k + 1).copied().unwrap_or(text.len())])
    };
    let marks = sentence(&said, old, place);
    if !marks.is_empty() {
        let kept = |k: usize| !sentence(&says, &translation, k).is_disjoint(&marks);
        if !kept(place) && (0..says.len()).any(kept) {
            return None;
        }
    }
    Some(translation[..says[place]].matches('\n').count())
}

/// The runs of non-whitespace of a text, with where each starts.
fn spaced_words(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(at),
            (true, Some(from)) => {
                words.push((from, &text[from..at]));
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// The marks ([`kept_marks`]) of each line of `text`, compared without case (a translation writes `Github` where the
/// source has `GitHub`).
fn marks_of(text: &str) -> std::collections::HashSet<String> {
    text.lines()
        .flat_map(kept_marks)
        .map(str::to_lowercase)
        .collect()
}

/// What a translation keeps of a line as it is: its words ([`line_words`]) with a digit or a capital past their first
/// letter (versions, `SDKs`, `CNCF`), and every word inside a link target, a URL or inline code (`style-guide` in
/// `/fr/style-guide/`; not the URL's scheme).
fn kept_marks(line: &str) -> impl Iterator<Item = &str> {
    // The byte ranges of link targets, URLs and code spans.
    let mut kept: Vec<std::ops::Range<usize>> = Vec::new();
    let bytes = line.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = |from: usize, close: u8| {
            (bytes[from..].iter().position(|&b| b == close)).map_or(bytes.len(), |len| from + len)
        };
        let rest = &bytes[at..];
        if rest.starts_with(b"](") {
            let close = end(at + 2, b')');
            kept.push(at + 2..close);
            at = close;
        } else if bytes[at] == b'`' {
            let close = end(at + 1, b'`');
            kept.push(at + 1..close);
            at = close + 1;
        } else if rest.starts_with(b"http://") || rest.starts_with(b"https://") {
            let close = (bytes[at..].iter())
                .position(|b| b.is_ascii_whitespace() || matches!(b, b')' | b'>' | b'"'))
                .map_or(bytes.len(), |len| at + len);
            kept.push(at..close);
            at = close;
        } else {
            at += 1;
        }
    }
    line_words(line)
        .filter(move |&(from, word)| {
            // A URL's scheme is in every URL.
            let inside = kept.iter().any(|range| range.contains(&from))
                && !matches!(word, "http" | "https" | "mailto");
            // A capital past the first letter (`SDKs`, `DevOps`, `CNCF`): a capital first letter starts any sentence,
            // and every German noun.
            let marked = word.chars().any(|c| c.is_ascii_digit())
                || word.chars().skip(1).any(char::is_uppercase);
            inside || marked
        })
        .map(|(_, word)| word)
}

/// The words of a line with where each starts: cut at anything but letters, digits, `-`, `_` and `.`, their ends
/// trimmed of `-` and `.`; two characters at least.
fn line_words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let word_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                words.push((from, &line[from..i]));
                start = None;
            }
            _ => {}
        }
    }
    words.into_iter().filter_map(|(from, word)| {
        let word = word.trim_matches(|c| c == '-' || c == '.');
        (word.chars().count() >= 2).then_some((from, word))
    })
}

/// Whether a block of `lines` (its non-blank lines) is a fenced code block or a table of `count` lines, like its
/// translation's: there, the translation says the same thing line for line.
fn line_for_line(lines: &[&str], count: usize) -> bool {
    by_line(lines) && lines.len() == count && count >= 2
}

/// Whether a block of `lines` is a fenced code block or a table: written line by line, not in sentences.
fn by_line(lines: &[&str]) -> bool {
    lines
        .first()
        .map(|l| l.trim_start())
        .is_some_and(|l| l.starts_with("```") || l.starts_with("~~~") || l.starts_with('|'))
}

/// A translation block longer than this many lines is shown around the place of the change.
const LONG_BLOCK: usize = 12;

/// Lines of a long translation block shown on each side of the place of the change.
const EXCERPT_CONTEXT: usize = 3;

/// What of a translation block is shown: a run of its lines (from, to), or a count of lines left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Excerpt {
    Lines(usize, usize),
    Elided(usize),
}

/// The parts of a translation block to show beside a changed source block (`old` → `new`). Short blocks are shown
/// whole. A long one is matched line for line with the source's old block: lines the translation kept as they were
/// (link targets, code, component props) anchor it, and what lies between the anchors around the change is shown,
/// with [`EXCERPT_CONTEXT`] lines on each side. Without anchors around the change, the whole block.
fn excerpt(old: &str, new: &str, translation: &[&str]) -> Vec<Excerpt> {
    let count = translation.len();
    let whole = vec![Excerpt::Lines(0, count)];
    if count <= LONG_BLOCK {
        return whole;
    }
    // Where the source changed, in the old block's lines.
    let changed = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_lines(old, new);
    let mut span: Option<(usize, usize)> = None;
    for op in changed.ops() {
        if op.tag() == similar::DiffTag::Equal {
            continue;
        }
        let range = op.old_range();
        span = Some(match span {
            None => (range.start, range.end),
            Some((start, end)) => (start.min(range.start), end.max(range.end)),
        });
    }
    let Some((start, end)) = span else {
        return whole;
    };
    // The old block's lines against the translation's, compared without their indentation.
    let old_lines: Vec<_> = old.lines().map(line_key).collect();
    let tr_lines: Vec<_> = translation.iter().map(|line| line_key(line)).collect();
    let anchors = similar::capture_diff_slices(similar::Algorithm::Patience, &old_lines, &tr_lines);
    // The translation line of the last anchor before the change and of the first after it.
    let (mut before, mut after) = (None, None);
    for op in &anchors {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            for k in 0..len {
                let (o, t) = (old_index + k, new_index + k);
                if tr_lines[t].is_empty() {
                    continue;
                }
                if o < start {
                    before = Some(t);
                } else if o >= end && after.is_none() {
                    after = Some(t);
                }
            }
        }
    }
    if before.is_none() && after.is_none() {
        return whole;
    }
    let from = before.map_or(0, |t| t.saturating_sub(EXCERPT_CONTEXT));
    let to = after.map_or(count, |t| (t + 1 + EXCERPT_CONTEXT).min(count));
    let mut parts = Vec::new();
    // Fewer than two lines left out are shown: a marker would take as much room.
    let (from, to) = (
        if from < 2 { 0 } else { from },
        if count - to < 2 { count } else { to },
    );
    if from > 0 {
        parts.push(Excerpt::Elided(from));
    }
    parts.push(Excerpt::Lines(from, to));
    if to < count {
        parts.push(Excerpt::Elided(count - to));
    }
    parts
}

/// Context blocks show this much of their first line.
const CONTEXT_LINE: usize = 80;

/// The source language's code, labelling the source's lines (it was read from a language folder in the source's
/// path: `src` on a site of language suffixes, `en` on another).
fn source_lang(report: &DiffReport) -> String {
    match report.source_language.as_str() {
        "" => "src".to_owned(),
        lang => lang.to_owned(),
    }
}

/// A unified diff of the source, sync point → now, with three lines of context (so `git apply` takes it), keeping
/// only the hunks that touch the sections listed (cosmetic-only changes and other sections left out).
pub fn patch(report: &DiffReport, m: &Messages) -> String {
    if report.sections.is_empty() {
        // No change of the source to apply. A page stale by structure says why in words before any diff (where
        // `git apply` and `patch` skip text).
        if report.signals.is_empty() {
            return String::new();
        }
        return format!(
            "{}\n{}",
            m.get("diff-structure-signals"),
            signal_lines(report, m)
        );
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

/// The structure signals of a page, one line each: severity, what differs.
fn signal_lines(report: &DiffReport, m: &Messages) -> String {
    report
        .signals
        .iter()
        .map(|signal| {
            // Where in the translation (the section's heading): a page stale by structure named no line to go to.
            let at = signal
                .translation_section
                .as_ref()
                .map(|t| format!(" {}", m.with("diff-signal-at", &[("line", t.line.into())])))
                .unwrap_or_default();
            format!(
                "  {:<4}  {}{at}\n",
                m.get(&format!("severity-{}", signal.severity.as_str())),
                super::text::signal_text(signal, m)
            )
        })
        .collect()
}

/// A block's non-blank lines without the indentation they all share (a block inside an MDX component or a list item is
/// indented as a whole; a code block's own indentation stays), trailing spaces dropped.
fn dedented(text: &str) -> impl Iterator<Item = &str> {
    let lines = || text.lines().filter(|l| !l.trim().is_empty());
    let indent = |line: &str| line.len() - line.trim_start().len();
    let shared = lines()
        .map(|line| &line[..indent(line)])
        .reduce(|a, b| {
            let same = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            &a[..same]
        })
        .map_or(0, str::len);
    lines().map(move |line| line[shared..].trim_end())
}

#[cfg(test)]
mod tests {
    /// A translation line cut for its length was cut inside words and links ("…stroの[`markdown.processor`]", "…ribute](/contribute/)
    /// doc"): cuts fall on the nearest space when one is near; text without spaces is cut where it falls.
    #[test]
    fn a_cut_line_was_cut_inside_words() {
        let words: String = (0..80).map(|i| format!("word{i} ")).collect();
        let cut = super::cut_line(words.trim_end(), 0.5, 100);
        let inner = cut.trim_start_matches('…').trim_end_matches('…');
        assert!(inner.starts_with("word"), "{cut}");
        assert!(
            inner
                .split(' ')
                .all(|w| w.starts_with("word") && w.len() > 4),
            "{cut}"
        );
        let cjk: String = "日本語の文章".repeat(40);
        let cut = super::cut_line(&cjk, 0.5, 100);
        assert_eq!(cut.chars().filter(|&c| c != '…').count(), 100);
    }

    /// A key matched by its last part alone put `banner.content`'s note on the `content:` of a `head:` entry.
    #[test]
    fn a_nested_key_was_found_by_its_last_part_alone() {
        let yaml = "---\ntitle: Accueil\nhead:\n  - tag: title\n    content: Starlight\nbanner:\n  content: Grande nouvelle\n---";
        assert_eq!(
            super::front_matter_key_line(yaml, "banner.content"),
            Some(6)
        );
        assert_eq!(super::front_matter_key_line(yaml, "title"), Some(1));
        let without = "---\ntitle: Accueil\nhead:\n  - tag: title\n    content: Starlight\n---";
        assert_eq!(
            super::front_matter_key_line(without, "banner.content"),
            None
        );
        assert_eq!(super::front_matter_key_line(without, "content"), None);
        let toml = "+++\ntitle = 'Accueil'\n[banner]\ncontent = 'Grande'\n+++";
        assert_eq!(
            super::front_matter_key_line(toml, "banner.content"),
            Some(3)
        );
    }

    use super::{Excerpt, MAX_LINE, cut_pieces, dedented, excerpt};

    #[test]
    fn a_second_change_far_along_a_long_line_was_cut_off() {
        // One line of 120 words, the 5th and the 115th changed: the cut kept 300 characters around the first.
        let words: Vec<(bool, String)> = (0..120)
            .map(|i| (i == 5 || i == 115, format!("word{i} ")))
            .collect();
        let (kept, _) = cut_pieces(&words);
        let text: String = kept.iter().map(|(_, t)| t.as_str()).collect();
        assert!(
            kept.iter().any(|(c, t)| *c && t.starts_with("word5 ")),
            "{text}"
        );
        assert!(
            kept.iter().any(|(c, t)| *c && t.starts_with("word115")),
            "{text}"
        );
        assert!(text.chars().count() < 2 * MAX_LINE, "{text}");
        assert!(!text.contains("word60 "), "{text}");
        // A short line is kept whole.
        let short = vec![(false, "a ".to_owned()), (true, "b".to_owned())];
        assert_eq!(cut_pieces(&short).0, short);
    }

    #[test]
    fn a_long_translation_block_is_shown_around_the_change() {
        let card = |name: &str, text: &str| {
            format!("<Card\n  href=\"/{name}\"\n  description=\"{text}\"\n/>\n")
        };
        let names = ["a", "b", "c", "d", "e", "f", "g"];
        let old: String = names.iter().map(|n| card(n, "English")).collect();
        let new = format!("{old}{}", card("h", "English"));
        let translated: String = names.iter().map(|n| card(n, "Français")).collect();
        let lines: Vec<&str> = translated.lines().collect();
        // The last card kept, the rest counted.
        assert_eq!(
            excerpt(&old, &new, &lines),
            vec![Excerpt::Elided(24), Excerpt::Lines(24, 28)]
        );
        // A change in the middle: anchored on both sides.
        let middle = old.replace("href=\"/d\"", "href=\"/d2\"");
        assert_eq!(
            excerpt(&old, &middle, &lines),
            vec![
                Excerpt::Elided(9),
                Excerpt::Lines(9, 19),
                Excerpt::Elided(9)
            ]
        );
        // Short blocks, and long ones sharing no line with the source (translated prose), are shown whole.
        let short: Vec<&str> = lines[..8].to_vec();
        assert_eq!(excerpt(&old, &new, &short), vec![Excerpt::Lines(0, 8)]);
        let prose: Vec<String> = (0..20).map(|i| format!("Phrase {i}.")).collect();
        let prose: Vec<&str> = prose.iter().map(String::as_str).collect();
        assert_eq!(excerpt(&old, &new, &prose), vec![Excerpt::Lines(0, 20)]);
    }

    #[test]
    fn a_translation_code_block_lost_its_indentation_in_diff() {
        // Each line was trimmed: a translated configuration example read flat beside its source.
        let block = "   ```js\n   export default {\n   \tsocial: [\n   \t\t'github',\n   \t],\n   };\n   ```\n";
        let lines: Vec<&str> = dedented(block).collect();
        assert_eq!(
            lines,
            vec![
                "```js",
                "export default {",
                "\tsocial: [",
                "\t\t'github',",
                "\t],",
                "};",
                "```"
            ]
        );
        // Prose indented in a component: the shared indentation goes; blank lines are not shown.
        let prose = "\t\tUne phrase.  \n\n\t\tUne autre.\n";
        assert_eq!(
            dedented(prose).collect::<Vec<_>>(),
            vec!["Une phrase.", "Une autre."]
        );
        // Lines indented with different characters share only what is the same.
        assert_eq!(
            dedented("\tun\n  deux\n").collect::<Vec<_>>(),
            vec!["\tun", "  deux"]
        );
    }
}
