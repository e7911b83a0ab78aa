//! Pure: structure signals — what the current translation lacks (or has more of) compared with the current source,
//! section by section, from what survives translation. They need no history.

use crate::util::chars::is_alphanumeric;
use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::align::align;
use super::blocks::{self, BlockShape};
use super::replaced;
use super::sections::Severity;
use crate::markdown::document::{
    BlockKind, CodeLine, Document, Measure, Section, measured_numbers,
};

/// What differs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum SignalKind {
    MissingSection,
    ExtraSection,
    MissingParagraph,
    ExtraParagraph,
    MissingListItem,
    ExtraListItem,
    MissingCodeBlock,
    ExtraCodeBlock,
    CodeChanged,
    TableChanged,
    MissingImage,
    ImageChanged,
    MissingLink,
    ShortcodesDiffer,
    HeadingLevel,
    ParagraphExtended,
    ConflictMarkers,
    TranslateMarks,
    NumberChanged,
    LinkChanged,
    InlineCodeChanged,
}

impl SignalKind {
    pub const ALL: [SignalKind; 21] = [
        SignalKind::MissingSection,
        SignalKind::ExtraSection,
        SignalKind::MissingParagraph,
        SignalKind::ExtraParagraph,
        SignalKind::MissingListItem,
        SignalKind::ExtraListItem,
        SignalKind::MissingCodeBlock,
        SignalKind::ExtraCodeBlock,
        SignalKind::CodeChanged,
        SignalKind::TableChanged,
        SignalKind::MissingImage,
        SignalKind::ImageChanged,
        SignalKind::MissingLink,
        SignalKind::ShortcodesDiffer,
        SignalKind::HeadingLevel,
        SignalKind::ParagraphExtended,
        SignalKind::ConflictMarkers,
        SignalKind::TranslateMarks,
        SignalKind::NumberChanged,
        SignalKind::LinkChanged,
        SignalKind::InlineCodeChanged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SignalKind::MissingSection => "missing-section",
            SignalKind::ExtraSection => "extra-section",
            SignalKind::MissingParagraph => "missing-paragraph",
            SignalKind::ExtraParagraph => "extra-paragraph",
            SignalKind::MissingListItem => "missing-list-item",
            SignalKind::ExtraListItem => "extra-list-item",
            SignalKind::MissingCodeBlock => "missing-code-block",
            SignalKind::ExtraCodeBlock => "extra-code-block",
            SignalKind::CodeChanged => "code-changed",
            SignalKind::TableChanged => "table-changed",
            SignalKind::MissingImage => "missing-image",
            SignalKind::ImageChanged => "image-changed",
            SignalKind::MissingLink => "missing-link",
            SignalKind::ShortcodesDiffer => "shortcodes-differ",
            SignalKind::HeadingLevel => "heading-level",
            SignalKind::ParagraphExtended => "paragraph-extended",
            SignalKind::ConflictMarkers => "conflict-markers",
            SignalKind::TranslateMarks => "translate-marks",
            SignalKind::NumberChanged => "number-changed",
            SignalKind::LinkChanged => "link-changed",
            SignalKind::InlineCodeChanged => "inline-code-changed",
        }
    }
}

/// A section, as signals and section lists name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct SectionRef {
    pub id: String,
    pub heading: String,
    pub line: usize,
}

impl SectionRef {
    pub fn of(section: &Section) -> SectionRef {
        SectionRef {
            id: section.id.clone(),
            heading: section.title.clone(),
            line: section.line,
        }
    }
}

/// One structure signal.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Signal {
    pub kind: SignalKind,
    pub severity: Severity,
    pub source_section: Option<SectionRef>,
    pub translation_section: Option<SectionRef>,
    /// How many the source has and the translation has (blocks, items…), where counting applies.
    pub source_count: Option<usize>,
    pub translation_count: Option<usize>,
    /// What is missing or differs (commands, flags, image or link targets, shortcode names).
    pub items: Vec<String>,
}

impl Signal {
    /// The items the source has that the translation lacks, and those the translation has that the source lacks, for
    /// the kinds whose items name both sides (`code-changed`, `shortcodes-differ`, `link-changed`,
    /// `inline-code-changed`, and `image-changed` when it counts: the source's first, `source_count` of them); every
    /// item is the source's for the other kinds.
    pub fn items_by_side(&self) -> (&[String], &[String]) {
        let at = match self.kind {
            SignalKind::CodeChanged
            | SignalKind::ShortcodesDiffer
            | SignalKind::LinkChanged
            | SignalKind::InlineCodeChanged => self.source_count.unwrap_or(0).min(self.items.len()),
            SignalKind::ImageChanged => self
                .source_count
                .map_or(self.items.len(), |n| n.min(self.items.len())),
            _ => self.items.len(),
        };
        self.items.split_at(at)
    }
}

/// What a translation says of itself that it is not finished, whatever its source: `tandem scaffold`'s marks left in
/// it (a page scaffolded and nobody translated yet: its pin says it matches the source, and it does, in the source's
/// language), then merge-conflict markers (what it says there is two versions at once).
pub fn unfinished(translation: &Document) -> Vec<Signal> {
    [
        lines_signal(
            SignalKind::TranslateMarks,
            translation,
            translation.translate_marks(),
        ),
        lines_signal(
            SignalKind::ConflictMarkers,
            translation,
            translation.conflict_markers(),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A signal about lines of the translation alone (conflict markers, scaffold marks): high, in the section holding the
/// first of them, its items their line numbers. `None` without lines.
fn lines_signal(kind: SignalKind, translation: &Document, lines: &[usize]) -> Option<Signal> {
    let &first = lines.first()?;
    let section = translation
        .sections
        .iter()
        .rev()
        .find(|section| section.line <= first)
        .or(translation.sections.first());
    Some(Signal {
        kind,
        severity: Severity::High,
        source_section: None,
        translation_section: section.map(SectionRef::of),
        source_count: None,
        translation_count: Some(lines.len()),
        items: lines.iter().map(|line| line.to_string()).collect(),
    })
}

/// The structure comparison of one source and one translation.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// (source section, translation section) pairs, in order.
    pub pairs: Vec<(usize, usize)>,
    pub signals: Vec<Signal>,
}

impl Structure {
    pub fn severity(&self) -> Severity {
        self.signals
            .iter()
            .map(|s| s.severity)
            .max()
            .unwrap_or(Severity::None)
    }

    /// The translation section aligned with each of the first `sources` source sections.
    pub fn counterparts(&self, sources: usize) -> Vec<Option<usize>> {
        super::align::by_source(&self.pairs, sources)
    }
}

/// Compares the current source and translation section by section.
pub fn compare(source: &Document, translation: &Document) -> Structure {
    let pairs = align(source, translation);
    let mut signals = Vec::new();
    let mut paired_source = vec![false; source.sections.len()];
    let mut paired_translation = vec![false; translation.sections.len()];
    let expected = expected_ratio(source, translation, &pairs);
    let anchors = Anchors::new(source, translation, &pairs);
    let whole_source = replaced::WholeSource::new(source);
    for &(s, t) in &pairs {
        paired_source[s] = true;
        paired_translation[t] = true;
    }
    for &(s, t) in &pairs {
        // The sections of the translation with no counterpart that follow this one are read as part of it: a heading
        // the translator added over a paragraph of the source's section (seen on a Korean page: its introduction
        // under a heading of its own, so "a paragraph and two links missing" where nothing was). The added heading
        // is still said (`extra-section`, below).
        let following: Vec<&Section> = translation.sections[t + 1..]
            .iter()
            .zip(&paired_translation[t + 1..])
            .take_while(|(_, paired)| !**paired)
            .map(|(section, _)| section)
            .collect();
        let merged;
        let translated = if following.iter().any(|section| !section.blocks.is_empty()) {
            merged = translation.sections[t].with_following(&following);
            &merged
        } else {
            &translation.sections[t]
        };
        let before = signals.len();
        compare_sections(
            &source.sections[s],
            translated,
            expected,
            &anchors,
            &mut signals,
        );
        extra_items_the_source_removed(
            &whole_source,
            &source.sections[s],
            translated,
            expected,
            &anchors,
            &mut signals[before..],
        );
        let replaced = replaced::replaced(
            &whole_source,
            &source.sections[s],
            translated,
            expected,
            &anchors,
        );
        let said = replaced_signals(
            &source.sections[s],
            translated,
            replaced,
            before,
            &mut signals,
        );
        signals.extend(said);
    }
    extended_paragraphs(source, translation, &pairs, expected, &mut signals);
    // A merge left unresolved, a page nobody translated yet: first, they say why everything else differs.
    let unfinished = unfinished(translation);
    signals.splice(0..0, unfinished);
    for (s, section) in source.sections.iter().enumerate() {
        if !paired_source[s] && !section.blocks.is_empty() {
            signals.push(Signal {
                kind: SignalKind::MissingSection,
                severity: Severity::High,
                source_section: Some(SectionRef::of(section)),
                translation_section: None,
                source_count: None,
                translation_count: None,
                items: Vec::new(),
            });
        }
    }
    for (t, section) in translation.sections.iter().enumerate() {
        if !paired_translation[t] && !section.blocks.is_empty() {
            signals.push(Signal {
                kind: SignalKind::ExtraSection,
                severity: Severity::Low,
                source_section: None,
                translation_section: Some(SectionRef::of(section)),
                source_count: None,
                translation_count: None,
                items: Vec::new(),
            });
        }
    }
    Structure { pairs, signals }
}

/// An extra list item of the translation that names what the whole source lacks is one the source removed: the
/// section's `extra-list-item` is high, its items what that item names.
fn extra_items_the_source_removed(
    source: &replaced::WholeSource,
    s: &Section,
    t: &Section,
    expected: f32,
    anchors: &Anchors,
    signals: &mut [Signal],
) {
    let Some(extra) = signals
        .iter_mut()
        .find(|x| x.kind == SignalKind::ExtraListItem)
    else {
        return;
    };
    let named = replaced::kept_removed_items(source, s, t, expected, anchors);
    if !named.is_empty() {
        extra.severity = Severity::High;
        extra.items = named;
    }
}

/// The signals of what the source replaced in a pair of sections that the translation kept (see
/// [`replaced::replaced`]): high, each listing the source's targets then the translation's. The low signals of
/// the pair (from `before` in `signals`) no longer list the source's links said here, nor say `image-changed` low.
fn replaced_signals(
    s: &Section,
    t: &Section,
    replaced: Vec<replaced::Replaced>,
    before: usize,
    signals: &mut Vec<Signal>,
) -> Vec<Signal> {
    let mut out = Vec::new();
    for (kind, news, olds) in replaced {
        match kind {
            SignalKind::LinkChanged => {
                for signal in signals[before..]
                    .iter_mut()
                    .filter(|x| x.kind == SignalKind::MissingLink)
                {
                    signal.items.retain(|item| !news.contains(item));
                }
            }
            SignalKind::ImageChanged => retain_from(signals, before, |x| {
                x.kind != SignalKind::ImageChanged || x.severity == Severity::High
            }),
            _ => {}
        }
        let counts = (news.len(), olds.len());
        out.push(Signal {
            kind,
            severity: Severity::High,
            source_section: Some(SectionRef::of(s)),
            translation_section: Some(SectionRef::of(t)),
            source_count: Some(counts.0),
            translation_count: Some(counts.1),
            items: news.into_iter().chain(olds).collect(),
        });
    }
    // Earlier pairs' signals were looked at by their own call: this pair's are enough (looking at every signal for
    // each pair made a page of 20,000 sections with a signal each look at 200 million).
    retain_from(signals, before, |x| {
        x.kind != SignalKind::MissingLink || !x.items.is_empty()
    });
    out
}

/// Keeps the signals from `from` on that `keep` says, and all those before.
fn retain_from(signals: &mut Vec<Signal>, from: usize, keep: impl FnMut(&Signal) -> bool) {
    let mut tail = signals.split_off(from);
    tail.retain(keep);
    signals.append(&mut tail);
}

/// Paragraphs that carry prose (not only a shortcode or an image).
fn prose_paragraphs(section: &Section) -> usize {
    section
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph && has_prose(&b.norm))
        .count()
}

fn has_prose(norm: &str) -> bool {
    // Most paragraphs hold neither a shortcode nor an image: read in place.
    if !(crate::util::chars::has(norm, "{{<") || crate::util::chars::has(norm, "![")) {
        return norm.chars().any(is_alphanumeric);
    }
    let mut rest = norm.to_owned();
    // Drop shortcodes and images.
    for (open, close) in [("{{<", ">}}"), ("![", ")")] {
        while let Some(start) = rest.find(open) {
            match rest[start..].find(close) {
                Some(end) => rest.replace_range(start..start + end + close.len(), ""),
                None => break,
            }
        }
    }
    rest.chars().any(is_alphanumeric)
}

/// Characters of prose in a section (paragraphs and list items).
fn prose_chars(section: &Section) -> usize {
    section.prose_chars
}

/// How long the translation's prose is expected to be against the source's: the page's own ratio when several
/// sections carry prose, else a rule of thumb by script (Han, kana and Hangul say in one character what Latin scripts
/// say in three or so).
pub fn expected_ratio(source: &Document, translation: &Document, pairs: &[(usize, usize)]) -> f32 {
    let with_prose: Vec<_> = pairs
        .iter()
        .filter(|(s, t)| {
            prose_chars(&source.sections[*s]) > 0 && prose_chars(&translation.sections[*t]) > 0
        })
        .collect();
    if with_prose.len() >= 2 {
        let s: usize = with_prose
            .iter()
            .map(|(s, _)| prose_chars(&source.sections[*s]))
            .sum();
        let t: usize = with_prose
            .iter()
            .map(|(_, t)| prose_chars(&translation.sections[*t]))
            .sum();
        return t as f32 / s.max(1) as f32;
    }
    let text: String = translation
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .map(|b| b.norm.as_str())
        .collect();
    let total = crate::util::chars::non_whitespace_chars(&text).max(1);
    let dense = text
        .chars()
        .filter(|c| matches!(*c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF))
        .count();
    if dense * 10 > total * 3 { 0.35 } else { 1.0 }
}

/// Below this share of the expected length, a section with fewer paragraphs lacks content (rather than having had
/// paragraphs merged).
const SHORT_SECTION: f32 = 0.8;

/// Whether block `at` of a section is a component's text: right after a component's tag (`<Card title="…">`).
fn in_component(section: &Section, at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|before| section.blocks.get(before))
        .is_some_and(|block| block.kind == BlockKind::Component)
}

/// Below this many characters a paragraph's length says too little to call it extended (outside a component).
const MIN_EXTENDED_CHARS: usize = 80;

/// A paragraph's length ratio is an outlier outside this band around the page's median ratio.
const RATIO_BAND: (f32, f32) = (0.67, 1.5);

/// Below this share of the page's ratio, a source paragraph with more sentences, whose translation also lacks one of
/// its numbers, was extended.
const SHORTER_WITH_A_NUMBER_LOST: f32 = 0.85;

/// Paragraphs the translation renders with another number of sentences and a length out of line with the rest of
/// the page: a sentence added to (or dropped from) the source that the translation does not have.
fn extended_paragraphs(
    source: &Document,
    translation: &Document,
    pairs: &[(usize, usize)],
    expected: f32,
    out: &mut Vec<Signal>,
) {
    // (source section, translation section, source block, translation block, shapes) of aligned prose paragraphs.
    let mut aligned = Vec::new();
    let mut numbers = Vec::new();
    // Source paragraphs whose translation lacks one of their numbers, with no other number in its place.
    let mut lost_a_number = Vec::new();
    for &(s, t) in pairs {
        let (ss, ts) = (&source.sections[s], &translation.sections[t]);
        let shapes_s: Vec<&BlockShape> = ss.blocks.iter().map(BlockShape::of).collect();
        let shapes_t: Vec<&BlockShape> = ts.blocks.iter().map(BlockShape::of).collect();
        let pairs = blocks::align(&shapes_s, &shapes_t, expected);
        let mut aligned_s = vec![false; shapes_s.len()];
        let mut aligned_t = vec![false; shapes_t.len()];
        for &(i, j) in &pairs {
            aligned_s[i] = true;
            aligned_t[j] = true;
        }
        // Numbers of the section's source that its translation lacks: only those can have changed.
        let lost = missing_items(&ss.features().numbers, &ts.features().numbers);
        let added = missing_items(&ts.features().numbers, &ss.features().numbers);
        for &(i, j) in &pairs {
            let (a, b) = (&shapes_s[i], &shapes_t[j]);
            if !lost.is_empty()
                && a.kind == b.kind
                && matches!(
                    a.kind,
                    BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
                )
                && let Some(signal) = changed_numbers(ss, ts, i, j, &lost, &added)
            {
                // No other number in the lost one's place.
                if signal.translation_count == Some(0) {
                    lost_a_number.push((s, i));
                }
                numbers.push(signal);
            }
            // Paragraphs split or merged beside this pair: the missing- and extra-paragraph signals speak for them.
            let split = beside_unaligned(&shapes_s, &aligned_s, i)
                || beside_unaligned(&shapes_t, &aligned_t, j);
            if a.kind == BlockKind::Paragraph && a.is_prose() && b.is_prose() && !split {
                aligned.push((s, t, i, *a, *b));
            }
        }
    }
    let ratios: Vec<f32> = aligned
        .iter()
        .map(|(_, _, _, a, b)| b.chars as f32 / a.chars.max(1) as f32)
        .collect();
    // The page's own ratio: the median paragraph's when there are a few, else all aligned paragraphs together.
    let median = if ratios.len() >= 3 {
        blocks::median(&ratios).unwrap_or(expected)
    } else {
        let (s, t) = aligned
            .iter()
            .fold((0, 0), |(s, t), (_, _, _, a, b)| (s + a.chars, t + b.chars));
        if s == 0 {
            expected
        } else {
            t as f32 / s as f32
        }
    };
    for ((s, t, i, a, b), ratio) in aligned.iter().zip(&ratios) {
        if a.sentences == b.sentences {
            continue;
        }
        // A short paragraph says little by its length alone. A component's text (a `<Card>`'s, an `<Aside>`'s) is
        // short by design: one the source wrote in several sentences whose translation is still one, and much
        // shorter than the page's ratio says, lacks a sentence (`Every note is a Markdown file. Open it in any
        // editor you like.` against one French sentence). Outside components, a short paragraph a translator
        // shortened is as common (a glossary's French page template says in one sentence what the English says in
        // two).
        let short = a.chars.max(b.chars) < MIN_EXTENDED_CHARS;
        if short && (b.sentences != 1 || !in_component(&source.sections[*s], *i)) {
            continue;
        }
        // More sentences on the side that is also longer than the page's ratio says: content one side lacks. More
        // sentences on the shorter side is a translator cutting sentences differently.
        let relative = ratio / median.max(0.05);
        // A short sentence added to the source moves a paragraph's length less: a little below the page's ratio is
        // enough when the translation also lacks a number of the paragraph with nothing in its place (`WSL 2 also
        // works.`, `Node.js 20 is supported.`).
        let source_has_more = a.sentences > b.sentences
            && (relative < RATIO_BAND.0
                || (relative < SHORTER_WITH_A_NUMBER_LOST && lost_a_number.contains(&(*s, *i))));
        let translation_has_more = !short && b.sentences > a.sentences && relative > RATIO_BAND.1;
        let source_has_more = source_has_more && (!short || relative < RATIO_BAND.0);
        if !source_has_more && !translation_has_more {
            continue;
        }
        let block = &source.sections[*s].blocks[*i];
        let text = blocks::plain_text(&block.norm);
        let excerpt: String = text.chars().take(60).collect();
        let excerpt = if excerpt.len() < text.len() {
            format!("{}…", excerpt.trim_end())
        } else {
            excerpt
        };
        out.push(Signal {
            kind: SignalKind::ParagraphExtended,
            severity: Severity::High,
            source_section: Some(SectionRef::of(&source.sections[*s])),
            translation_section: Some(SectionRef::of(&translation.sections[*t])),
            source_count: Some(a.sentences),
            translation_count: Some(b.sentences),
            items: vec![format!("{}: {excerpt}", block.line)],
        });
    }
    out.extend(numbers);
}

/// A `number-changed` signal for source block `i` of section `ss` aligned with translation block `j` of `ts`: the
/// numbers of the source block that the translation block lacks, when the translation's whole section lacks them too
/// (`lost`; a number the translator moved to the next paragraph is still there). A port, a version, a size or a count
/// the source changed in prose is kept as it is by a translation, formatted its own way (`10 000`, `1,5`: read as
/// `10,000`, `1.5`).
fn changed_numbers(
    ss: &Section,
    ts: &Section,
    i: usize,
    j: usize,
    lost: &[String],
    added: &[String],
) -> Option<Signal> {
    let (a, b) = (&ss.blocks[i], &ts.blocks[j]);
    // Of a block's numbers the other lacks, those its whole section lacks too.
    let only = |x: &[String], y: &[String], section: &[String]| -> Vec<String> {
        let mut left = section.to_vec();
        missing_items(x, y)
            .into_iter()
            .filter(|n| match left.iter().position(|x| x == n) {
                Some(at) => {
                    left.swap_remove(at);
                    true
                }
                None => false,
            })
            .collect()
    };
    let (fa, fb) = (a.features(), b.features());
    let mut missing = only(&fa.numbers, &fb.numbers, lost);
    let mut other = only(&fb.numbers, &fa.numbers, added);
    // A number written short is the same (`the late 1990s`, `los años 90`): its last digits.
    missing.retain(|n| {
        match other
            .iter()
            .position(|o| o.len() >= 2 && n.len() > o.len() && n.ends_with(o.as_str()))
        {
            Some(at) => {
                other.swap_remove(at);
                false
            }
            None => true,
        }
    });
    // An hour on the other clock is the same (`13 h`, `1 pm`; `1 pm`, `13 h`): translations write times the way their
    // readers read them.
    missing.retain(|n| {
        let Ok(hour) = n.parse::<u32>() else {
            return true;
        };
        let same_hour = |o: &String| {
            o.parse::<u32>()
                .is_ok_and(|o| hour <= 24 && o <= 24 && o != hour && (o % 12 == hour % 12))
        };
        match other.iter().position(same_hour) {
            Some(at) => {
                other.swap_remove(at);
                false
            }
            None => true,
        }
    });
    // A price, a distance, a weight or a temperature converted for the translation's readers is the same (`$10`,
    // `9 €`; `5 miles`, `8 km`; `70 °F`, `21 °C`): a number of the same quantity in another system or currency.
    if !missing.is_empty() && !other.is_empty() {
        let (measures_a, measures_b) = (measured_numbers(&a.norm), measured_numbers(&b.norm));
        let measure = |measures: &[(String, Option<Measure>)], n: &str| {
            measures
                .iter()
                .find(|(m, _)| m == n)
                .and_then(|(_, measure)| *measure)
        };
        missing.retain(|n| {
            let Some((quantity, system)) = measure(&measures_a, n) else {
                return true;
            };
            let converted = |o: &String| {
                measure(&measures_b, o).is_some_and(|(q, s)| q == quantity && s != system)
            };
            match other.iter().position(converted) {
                Some(at) => {
                    other.swap_remove(at);
                    false
                }
                None => true,
            }
        });
    }
    if missing.is_empty() {
        return None;
    }
    // Another number in its place is a number changed (`8080` → `8081`, `1.2` → `1.3`), and so is a number no
    // translation writes as a word with nothing in its place (`(20 recommended)` the source added to a list item);
    // a small count or a share with nothing in its place may have been put in words (`2 commands`, `deux
    // commandes`).
    // A share is often said in words (`100%` of the traffic, `all` of it; `50%`, `half`).
    let share = |n: &String| {
        measured_numbers(&a.norm)
            .iter()
            .any(|(m, measure)| m == n && measure.is_some_and(|(quantity, _)| quantity == "share"))
    };
    let severity = if other.is_empty() && missing.iter().all(|n| may_be_spelled_out(n) || share(n))
    {
        Severity::Low
    } else {
        NUMBER_CHANGED
    };
    Some(Signal {
        kind: SignalKind::NumberChanged,
        severity,
        source_section: Some(SectionRef::of(ss)),
        translation_section: Some(SectionRef::of(ts)),
        source_count: Some(missing.len()),
        translation_count: Some(other.len()),
        items: missing
            .into_iter()
            .map(|n| format!("{}: {n}", a.line))
            .collect(),
    })
}

/// Whether a number is a count a translation may write as a word (`2 seconds`, `deux secondes`; `twelve months`):
/// a whole number up to twelve.
pub(super) fn may_be_spelled_out(number: &str) -> bool {
    number.parse::<u32>().is_ok_and(|n| n <= 12)
}

/// How much a number missing from an aligned block weighs (see docs/drift.md, "number-changed").
const NUMBER_CHANGED: Severity = Severity::High;

/// Whether an unaligned prose block of the same kind sits right before or after block `at`: paragraphs were split or
/// merged there, and one paragraph's length says nothing on its own.
fn beside_unaligned(shapes: &[&BlockShape], aligned: &[bool], at: usize) -> bool {
    let kind = shapes[at].kind;
    [at.checked_sub(1), Some(at + 1)]
        .into_iter()
        .flatten()
        .filter(|&k| k < shapes.len())
        .any(|k| !aligned[k] && shapes[k].kind == kind && shapes[k].is_prose())
}

/// Same-page anchors on both sides, as the section they lead to: translated headings have translated ids, so `#x`
/// in the source and `#y` in the translation are the same target when they name aligned sections.
pub(super) struct Anchors {
    /// Source section id → source section index.
    source: HashMap<String, usize>,
    /// Translation section id → the source section index it is aligned with.
    translation: HashMap<String, usize>,
}

impl Anchors {
    fn new(source: &Document, translation: &Document, pairs: &[(usize, usize)]) -> Anchors {
        let source_ids = source
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.is_preamble())
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let translation_ids = pairs
            .iter()
            .filter(|(_, t)| !translation.sections[*t].is_preamble())
            .map(|&(s, t)| (translation.sections[t].id.clone(), s))
            .collect();
        Anchors {
            source: source_ids,
            translation: translation_ids,
        }
    }

    /// A link target as compared: a same-page anchor to a heading becomes that heading's section; another page's
    /// anchor is dropped (that page's headings are translated too).
    pub(super) fn canonical(&self, link: &str, in_source: bool) -> String {
        if let Some(id) = link.strip_prefix('#') {
            let map = if in_source {
                &self.source
            } else {
                &self.translation
            };
            return match map.get(id) {
                Some(section) => format!("#§{section}"),
                None => link.to_owned(),
            };
        }
        match link.split_once('#') {
            Some((page, _)) if !page.is_empty() => page.to_owned(),
            _ => link.to_owned(),
        }
    }
}

fn compare_sections(
    s: &Section,
    t: &Section,
    expected: f32,
    anchors: &Anchors,
    out: &mut Vec<Signal>,
) {
    let signal = |kind, severity, source_count, translation_count, items| Signal {
        kind,
        severity,
        source_section: Some(SectionRef::of(s)),
        translation_section: Some(SectionRef::of(t)),
        source_count,
        translation_count,
        items,
    };
    if s.level != t.level && !s.is_preamble() {
        out.push(signal(
            SignalKind::HeadingLevel,
            Severity::Low,
            Some(s.level as usize),
            Some(t.level as usize),
            Vec::new(),
        ));
    }
    // Every code block, the ones nested in a list item (a numbered step's commands) or a quote included.
    let (code_s, code_t) = (code_blocks(s), code_blocks(t));
    for (count_s, count_t, missing, extra) in [
        (
            prose_paragraphs(s),
            prose_paragraphs(t),
            SignalKind::MissingParagraph,
            SignalKind::ExtraParagraph,
        ),
        (
            s.count(BlockKind::ListItem),
            t.count(BlockKind::ListItem),
            SignalKind::MissingListItem,
            SignalKind::ExtraListItem,
        ),
        (
            code_s.len(),
            code_t.len(),
            SignalKind::MissingCodeBlock,
            SignalKind::ExtraCodeBlock,
        ),
    ] {
        if count_t < count_s {
            // Fewer paragraphs is only missing content when the section is also shorter than expected, or lost links,
            // inline code or numbers with them: translators merge paragraphs.
            let severity = if missing == SignalKind::MissingParagraph {
                let ratio = prose_chars(t) as f32 / prose_chars(s).max(1) as f32;
                let (fs, ft) = (s.features(), t.features());
                let lost_numbers = missing_items(&fs.numbers, &ft.numbers);
                let lost_tokens = !missing_items(&fs.links, &ft.links).is_empty()
                    || !missing_items(&fs.inline_code, &ft.inline_code).is_empty()
                    || lost_numbers.iter().any(|n| !may_be_spelled_out(n))
                    || (!lost_numbers.is_empty()
                        && in_unaligned_block(s, t, expected, &lost_numbers));
                if ratio < SHORT_SECTION * expected || lost_tokens {
                    Severity::High
                } else {
                    Severity::Low
                }
            } else {
                Severity::High
            };
            out.push(signal(
                missing,
                severity,
                Some(count_s),
                Some(count_t),
                Vec::new(),
            ));
        } else if count_t > count_s {
            // Translators add notes, not commands: a code block only the translation has, with command lines (or
            // configuration keys) the source's section has nowhere, is one the source removed.
            let severity =
                if extra == SignalKind::ExtraCodeBlock && commands_only_in(&code_t, &code_s) {
                    Severity::High
                } else {
                    Severity::Low
                };
            out.push(signal(
                extra,
                severity,
                Some(count_s),
                Some(count_t),
                Vec::new(),
            ));
        }
    }
    // Code blocks side by side: command lines (subcommands and arguments too) and configuration keys must be the
    // same; comments, quoted strings and placeholders may be translated.
    if code_s.len() == code_t.len() {
        // The source's lines the translation lacks, then the translation's the source lacks: a reviewer is told
        // which side has which (the counts say where the first give way to the second).
        let (mut only_s, mut only_t) = (Vec::new(), Vec::new());
        for (a, b) in code_s.iter().zip(&code_t) {
            let (a, b) = compared_lines(a, b);
            only_s.extend(missing_items(&a, &b));
            only_t.extend(missing_items(&b, &a));
        }
        if !(only_s.is_empty() && only_t.is_empty()) {
            for side in [&mut only_s, &mut only_t] {
                side.sort();
                side.dedup();
            }
            let counts = (only_s.len(), only_t.len());
            only_s.extend(only_t);
            out.push(signal(
                SignalKind::CodeChanged,
                Severity::High,
                Some(counts.0),
                Some(counts.1),
                only_s,
            ));
        }
    }
    let tables_s: Vec<_> = s
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Table)
        .map(|b| b.shape)
        .collect();
    let tables_t: Vec<_> = t
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Table)
        .map(|b| b.shape)
        .collect();
    if tables_s != tables_t {
        out.push(signal(
            SignalKind::TableChanged,
            Severity::High,
            Some(tables_s.iter().map(|(r, _)| r).sum()),
            Some(tables_t.iter().map(|(r, _)| r).sum()),
            Vec::new(),
        ));
    }
    let fs = s.features();
    let ft = t.features();
    // Shown as the source wrote them.
    let missing_images: Vec<String> = missing_items(&fs.images, &ft.images)
        .into_iter()
        .map(|i| fs.as_written(&i).to_owned())
        .collect();
    if fs.images.len() > ft.images.len() {
        out.push(signal(
            SignalKind::MissingImage,
            Severity::High,
            Some(fs.images.len()),
            Some(ft.images.len()),
            missing_images,
        ));
    } else if !missing_images.is_empty() {
        // As many images, other files: often localised screenshots.
        out.push(signal(
            SignalKind::ImageChanged,
            Severity::Low,
            None,
            None,
            missing_images,
        ));
    }
    let compared = |link: &str, in_source: bool| {
        let link = anchors.canonical(link, in_source);
        language_edition(&link).unwrap_or(link)
    };
    let links_s: Vec<String> = fs.links.iter().map(|l| compared(l, true)).collect();
    let links_t: Vec<String> = ft.links.iter().map(|l| compared(l, false)).collect();
    // The translation's links no source link matched, as written: a missing source link may be one of them written
    // another way.
    let mut unmatched_t: Vec<&String> = {
        let extra = missing_items(&links_t, &links_s);
        let mut left = extra.clone();
        ft.links
            .iter()
            .filter(|l| {
                let c = compared(l, false);
                match left.iter().position(|x| *x == c) {
                    Some(at) => {
                        left.swap_remove(at);
                        true
                    }
                    None => false,
                }
            })
            .collect()
    };
    let missing_links: Vec<String> = missing_items(&links_s, &links_t)
        .into_iter()
        .filter_map(|l| {
            // Shown as the source wrote it (a heading's section, a language edition stand for its links).
            let written = fs.links.iter().find(|x| compared(x, true) == l);
            if let Some(raw) = written
                && let Some(at) = unmatched_t
                    .iter()
                    .position(|t| same_target(raw, t, anchors))
            {
                unmatched_t.swap_remove(at);
                return None;
            }
            Some(written.map_or(l, |x| fs.as_written(x).to_owned()))
        })
        .collect();
    if !missing_links.is_empty() {
        out.push(signal(
            SignalKind::MissingLink,
            Severity::Low,
            Some(fs.links.len()),
            Some(ft.links.len()),
            missing_links,
        ));
    }
    let mut sc_s = fs.shortcodes.clone();
    let mut sc_t = ft.shortcodes.clone();
    sc_s.sort();
    sc_t.sort();
    if sc_s != sc_t {
        // As for code: the source's first, the counts saying how many each side has that the other lacks.
        let mut items = missing_items(&sc_s, &sc_t);
        let only_t = missing_items(&sc_t, &sc_s);
        let counts = (items.len(), only_t.len());
        items.extend(only_t);
        out.push(signal(
            SignalKind::ShortcodesDiffer,
            Severity::Low,
            Some(counts.0),
            Some(counts.1),
            items,
        ));
    }
}

/// Whether a source block of section `s` with no counterpart in `t` holds one of `numbers`. A small count lost with
/// a paragraph the translator merged into its neighbour sits in a paired block, spelled out (`It takes about 2
/// seconds.` joined to the paragraph before as `ce qui prend environ deux secondes`): no content lost; in a
/// paragraph of its own, missing (an `<Aside>` the source added about `WSL 2`), it is.
fn in_unaligned_block(s: &Section, t: &Section, expected: f32, numbers: &[String]) -> bool {
    let shapes_s: Vec<&BlockShape> = s.blocks.iter().map(BlockShape::of).collect();
    let shapes_t: Vec<&BlockShape> = t.blocks.iter().map(BlockShape::of).collect();
    let mut aligned = vec![false; shapes_s.len()];
    for (i, _) in blocks::align(&shapes_s, &shapes_t, expected) {
        aligned[i] = true;
    }
    s.blocks.iter().zip(&aligned).any(|(block, aligned)| {
        !aligned && block.features().numbers.iter().any(|n| numbers.contains(n))
    })
}

/// The command lines of every code block of a section, in order: a code block's own, and those nested in a list item
/// or a quote (Markdown numbered steps, Starlight's `<Steps>`), which were neither counted nor compared. A code
/// block read from HTML (`<pre>`) has none to compare but is counted.
fn code_blocks(section: &Section) -> Vec<&[CodeLine]> {
    let mut out = Vec::new();
    for block in &section.blocks {
        let fences = &block.features().fences;
        if fences.is_empty() && block.kind == BlockKind::Code {
            out.push(&[][..]);
        }
        out.extend(fences.iter().map(Vec::as_slice));
    }
    out
}

/// Whether code blocks `a` have command lines (or configuration keys) that none of code blocks `b` has.
fn commands_only_in(a: &[&[CodeLine]], b: &[&[CodeLine]]) -> bool {
    let commands = |blocks: &[&[CodeLine]]| -> Vec<String> {
        blocks
            .iter()
            .flat_map(|lines| lines.iter())
            .filter(|line| line.command)
            .map(|line| line.text.clone())
            .collect()
    };
    !missing_items(&commands(a), &commands(b)).is_empty()
}

/// The command lines of two paired code blocks that are compared. Blocks with as many lines pair them by position,
/// and a line counts only where both sides read it as a command: each side alone took an English output line, a
/// heredoc's text or an unquoted `echo` argument for a command and its French translation (accented) for output, so
/// the translation "lacked" a line it has. Blocks of different lengths compare all their command lines.
fn compared_lines(a: &[CodeLine], b: &[CodeLine]) -> (Vec<String>, Vec<String>) {
    if a.len() == b.len() {
        a.iter()
            .zip(b)
            .filter(|(x, y)| x.command && y.command)
            .map(|(x, y)| (x.text.clone(), y.text.clone()))
            .unzip()
    } else {
        let commands = |lines: &[CodeLine]| {
            lines
                .iter()
                .filter(|line| line.command)
                .map(|line| line.text.clone())
                .collect::<Vec<_>>()
        };
        (commands(a), commands(b))
    }
}

/// Whether a source link and a translation link no exact comparison matched are one target written another way: an
/// absolute link to the page itself against a bare anchor to the same section (`/reference/configuration/#x` and
/// `#x`), a relative link against a root-relative one ending the same (`../cloud-native-tech/` and
/// `/cloud-native-tech/`), a query string on one side only (`…/danieljoneseb/?originalSubdomain=uk`), or a host with a
/// language label on one side only (`https://vite.dev/guide/` and `https://ja.vite.dev/guide/`). Each made a low
/// `missing-link` where the link was there.
pub(super) fn same_target(source: &str, translation: &str, anchors: &Anchors) -> bool {
    let ((path_s, frag_s), (path_t, frag_t)) = (split_link(source), split_link(translation));
    // Two anchors into this page were compared as the sections they lead to.
    if path_s.is_empty() && path_t.is_empty() {
        return false;
    }
    // A bare anchor against a page's anchor: the same section of this page.
    if path_s.is_empty() != path_t.is_empty() {
        let (a, b) = (
            anchors.canonical(&format!("#{frag_s}"), true),
            anchors.canonical(&format!("#{frag_t}"), false),
        );
        return !frag_s.is_empty() && !frag_t.is_empty() && a.starts_with("#§") && a == b;
    }
    let (a, b) = (loose_path(&path_s), loose_path(&path_t));
    if a == b {
        return true;
    }
    // A relative link resolved from anywhere: the other side's path ends with it.
    match (relative_path(&a), relative_path(&b)) {
        (Some(r), None) => b.ends_with(&r),
        (None, Some(r)) => a.ends_with(&r),
        _ => false,
    }
}

/// A link's path (its query string left out) and its fragment.
fn split_link(link: &str) -> (String, String) {
    let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
    let path = path.split('?').next().unwrap_or("");
    (path.to_owned(), fragment.to_owned())
}

/// A link's path as [`same_target`] compares it: the host in lower case, without `www.` nor a language label, and a
/// final slash.
fn loose_path(path: &str) -> String {
    let path = match ["https://", "http://", "//"]
        .iter()
        .find_map(|scheme| path.strip_prefix(scheme))
    {
        Some(rest) => {
            let (host, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let host = host.to_ascii_lowercase();
            let host = host.strip_prefix("www.").unwrap_or(&host);
            let host = match host.split_once('.') {
                Some((_, site)) if language_edition(&format!("//{host}/")).is_some() => site,
                _ => host,
            };
            format!("//{host}{tail}")
        }
        None => path.to_owned(),
    };
    if path.ends_with('/') {
        path
    } else {
        format!("{path}/")
    }
}

/// A relative path (`../x/`, `./x/`, `x/`) as the end of the path it resolves to (`/x/`); `None` for a path from the
/// root or on another site.
fn relative_path(path: &str) -> Option<String> {
    if path.starts_with('/') || path.contains("://") {
        return None;
    }
    let mut rest = path;
    while let Some(r) = rest.strip_prefix("../").or_else(|| rest.strip_prefix("./")) {
        rest = r;
    }
    (!rest.is_empty() && rest != "/").then(|| format!("/{rest}"))
}

/// The ends of a path that begin with a slash (`/a/b/`: `/a/b/`, `/b/`, `/`).
fn slash_ends(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(|(at, _)| &path[at..])
}

/// A page's links, arranged to say whether any is the same target as a translation's link ([`same_target`]) by
/// looking up: compared with each, a page of 2,000 sections whose translation kept an old link in each compared 4
/// million pairs.
pub(super) struct TargetIndex {
    /// The loose paths of the links with a path.
    loose: HashSet<String>,
    /// The ends beginning with a slash of those loose paths that are not relative.
    absolute_ends: HashSet<String>,
    /// What the relative ones resolve to the end of.
    relative: HashSet<String>,
    /// The sections of this page that bare anchors (`#x`) lead to.
    bare_anchors: HashSet<String>,
    /// The sections of this page that anchors after a path (`/page/#x`) lead to.
    path_anchors: HashSet<String>,
}

impl TargetIndex {
    pub(super) fn new<'l>(
        links: impl Iterator<Item = &'l String>,
        anchors: &Anchors,
    ) -> TargetIndex {
        let mut index = TargetIndex {
            loose: HashSet::new(),
            absolute_ends: HashSet::new(),
            relative: HashSet::new(),
            bare_anchors: HashSet::new(),
            path_anchors: HashSet::new(),
        };
        for link in links {
            let (path, fragment) = split_link(link);
            let section = (!fragment.is_empty())
                .then(|| anchors.canonical(&format!("#{fragment}"), true))
                .filter(|section| section.starts_with("#§"));
            if path.is_empty() {
                index.bare_anchors.extend(section);
                continue;
            }
            index.path_anchors.extend(section);
            let loose = loose_path(&path);
            match relative_path(&loose) {
                Some(end) => {
                    index.relative.insert(end);
                }
                None => index
                    .absolute_ends
                    .extend(slash_ends(&loose).map(str::to_owned)),
            }
            index.loose.insert(loose);
        }
        index
    }

    /// Whether any of the page's links is the same target as `translation`: `same_target(link, translation)`.
    pub(super) fn has_same_target(&self, translation: &str, anchors: &Anchors) -> bool {
        let (path, fragment) = split_link(translation);
        let section = || {
            (!fragment.is_empty())
                .then(|| anchors.canonical(&format!("#{fragment}"), false))
                .filter(|section| section.starts_with("#§"))
        };
        // A bare anchor is the same target as an anchor after a path, and the other way around.
        if path.is_empty() {
            return section().is_some_and(|s| self.path_anchors.contains(&s));
        }
        if section().is_some_and(|s| self.bare_anchors.contains(&s)) {
            return true;
        }
        let loose = loose_path(&path);
        if self.loose.contains(&loose) {
            return true;
        }
        match relative_path(&loose) {
            Some(end) => self.absolute_ends.contains(&end),
            None => slash_ends(&loose).any(|end| self.relative.contains(end)),
        }
    }
}

/// A link into one language edition of a site (`https://en.wikipedia.org/wiki/Andromeda_(constellation)`), as the
/// structure signals compare it: the site, whatever the edition (`*.wikipedia.org`). A translator links to the article
/// of their own language's edition, whose address is translated too (`https://fr.wikipedia.org/wiki/Andromède_…`).
/// An edition is a host's first label that reads as a language tag (two letters, and an optional region); the rest of
/// the host has a dot of its own. `None` for other links.
pub(super) fn language_edition(link: &str) -> Option<String> {
    let rest = ["https://", "http://", "//"]
        .iter()
        .find_map(|scheme| link.strip_prefix(scheme))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let (label, site) = host.split_once('.')?;
    let (primary, region) = label.split_once('-').unwrap_or((label, ""));
    let language = primary.len() == 2
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && (region.is_empty()
            || (2..=4).contains(&region.len())
                && region.bytes().all(|b| b.is_ascii_alphanumeric()));
    (language && site.contains('.')).then(|| format!("*.{}", site.to_ascii_lowercase()))
}

/// Items of `a` (as a multiset) not found in `b`.
pub(super) fn missing_items(a: &[String], b: &[String]) -> Vec<String> {
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for item in b {
        *counts.entry(item).or_default() += 1;
    }
    let mut out = Vec::new();
    for item in a {
        match counts.get_mut(item.as_str()) {
            Some(c) if *c > 0 => *c -= 1,
            _ => out.push(item.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::document::{SiteContext, parse};

    #[test]
    fn a_link_of_the_page_is_found_as_comparing_it_with_each_found_it() {
        let site = SiteContext::default();
        let source = parse("## Setup\n\nOne.\n\n## Usage\n\nTwo.\n", &site).unwrap();
        let translation =
            parse("## Installation\n\nUn.\n\n## Utilisation\n\nDeux.\n", &site).unwrap();
        let anchors = Anchors::new(&source, &translation, &align(&source, &translation));
        // Anchors of both pages, relative and root paths ending alike, hosts with `www.`, a language label or
        // another case, queries, other schemes.
        let pool: Vec<String> = [
            "#setup",
            "#usage",
            "#installation",
            "#utilisation",
            "#nowhere",
            "#",
            "",
            "?q=1",
            "/",
            "../",
            "/guide/",
            "/guide",
            "/guide/#setup",
            "/guide/?q=1#usage",
            "/guide/#installation",
            "../guide/",
            "./guide",
            "guide/",
            "guide",
            "guide#usage",
            "https://www.Example.com/guide",
            "https://example.com/guide/",
            "https://fr.example.com/guide/",
            "//example.com/guide",
            "https://en.wikipedia.org/wiki/A",
            "https://fr.wikipedia.org/wiki/A",
            "/docs/guide/",
            "../docs/guide/#setup",
            "mailto:a@b.c",
            "/a/b/c/",
            "b/c/",
            "c",
            "http://example.com/a/b/c/",
        ]
        .map(str::to_owned)
        .to_vec();
        let mut random = crate::util::random::Xorshift::new(0x9b05_688c_2b3e_6c1f);
        for _ in 0..2_000 {
            let draw = random.draw();
            let links: Vec<&String> = (0..draw % 7)
                .map(|i| &pool[((draw >> (8 + 6 * i)) % pool.len() as u64) as usize])
                .collect();
            let index = TargetIndex::new(links.iter().copied(), &anchors);
            for translated in &pool {
                assert_eq!(
                    index.has_same_target(translated, &anchors),
                    links.iter().any(|l| same_target(l, translated, &anchors)),
                    "{links:?} {translated:?}"
                );
            }
        }
    }

    #[test]
    fn a_language_edition_of_a_site_stands_for_the_site() {
        let wiki = language_edition("https://en.wikipedia.org/wiki/Andromeda_(constellation)");
        assert_eq!(wiki.as_deref(), Some("*.wikipedia.org"));
        assert_eq!(language_edition("https://FR.Wikipedia.org/wiki/x"), wiki);
        assert_eq!(
            language_edition("//pt-br.wiki.example.org/a"),
            Some("*.wiki.example.org".into())
        );
        // Not an edition: a longer first label, a host with no dot after it, a relative link.
        for link in [
            "https://docs.example.org/en/",
            "https://go.dev/doc/",
            "/docs/en.md",
            "https://en.example/",
        ] {
            assert_eq!(language_edition(link), None, "{link}");
        }
    }

    fn signals(source: &str, translation: &str) -> Vec<(SignalKind, Severity)> {
        let site = SiteContext {
            languages: vec!["fr".into()],
            ..SiteContext::default()
        };
        let s = parse(source, &site).unwrap();
        let t = parse(translation, &site).unwrap();
        compare(&s, &t)
            .signals
            .iter()
            .map(|x| (x.kind, x.severity))
            .collect()
    }

    #[test]
    fn a_faithful_translation_has_no_signal() {
        let en = "Intro with [a link](/docs/x/).\n\n## Run it {#run}\n\nRun:\n\n```shell\n# start it\nlumen serve --port 8080\n```\n\n- one\n- two\n";
        let fr = "Intro avec [un lien](/fr/docs/x/).\n\n## Le lancer {#run}\n\nLancez :\n\n```shell\n# le démarrer\nlumen serve --port 8080\n```\n\n- un\n- deux\n";
        assert_eq!(signals(en, fr), vec![]);
    }

    #[test]
    fn missing_content_is_high_and_order_is_not_content() {
        let en = "## A\n\nThe first paragraph.\n\nThe second paragraph.\n\nThe third paragraph.\n";
        let fr = "## A\n\nLe premier paragraphe.\n\nLe deuxième paragraphe.\n";
        assert_eq!(
            signals(en, fr),
            vec![(SignalKind::MissingParagraph, Severity::High)]
        );
        // Two paragraphs merged into one: nothing is missing.
        let fr =
            "## A\n\nLe premier paragraphe. Le deuxième paragraphe.\n\nLe troisième paragraphe.\n";
        assert_eq!(
            signals(en, fr),
            vec![(SignalKind::MissingParagraph, Severity::Low)]
        );
        let en = "## A\n\nFirst, with 42.\n\nSecond, with 7.\n";
        let fr = "## A\n\nDeuxième, avec 7.\n\nPremier, avec 42.\n";
        assert_eq!(signals(en, fr), vec![]);
    }

    #[test]
    fn code_flags_and_shortcodes() {
        let en = "```shell\nkubectl get pods --all-namespaces\n```\n\n{{< note >}}\n";
        let fr = "```shell\nkubectl get pods -A\n```\n";
        let got = signals(en, fr);
        assert!(
            got.contains(&(SignalKind::CodeChanged, Severity::High)),
            "{got:?}"
        );
        assert!(
            got.contains(&(SignalKind::ShortcodesDiffer, Severity::Low)),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|(k, _)| *k == SignalKind::MissingParagraph),
            "{got:?}"
        );
    }

    #[test]
    fn more_sentences_on_the_shorter_side_is_not_an_extended_paragraph() {
        let en = "## A\n\nThe first paragraph says one thing in one long sentence that runs on for a while.\n\nThe second paragraph says another thing in one long sentence that runs on too.\n\nThe third paragraph says a last thing in one long sentence that also runs on.\n";
        // The translator cut the second paragraph's sentence in two, at the same length: nothing.
        let fr = "## A\n\nLe premier paragraphe dit une chose en une longue phrase qui dure un certain temps.\n\nLe deuxième paragraphe dit autre chose. Il le dit en une phrase qui dure aussi.\n\nLe troisième paragraphe dit une dernière chose en une longue phrase qui dure aussi.\n";
        assert_eq!(signals(en, fr), vec![]);
        // The source's second paragraph gained two sentences the translation lacks: extended.
        let en2 = en.replace(
            "runs on too.",
            "runs on too. Then it adds a sentence about caching. And another about logs and metrics.",
        );
        assert_eq!(
            signals(
                &en2,
                &fr.replace("Il le dit en une phrase qui dure aussi.", "")
            ),
            vec![(SignalKind::ParagraphExtended, Severity::High)]
        );
    }

    #[test]
    fn paragraphs_merged_by_the_translator_are_not_extended() {
        let en = "## A\n\nThe default component is the page title, written with a link to its source file here.\n\nIt holds the main heading element of the page that is being shown.\n\nImplementations should set the top anchor on that heading like the default one does.\n";
        let fr = "## A\n\nLe composant par défaut est le titre de la page, écrit avec un lien vers son fichier source.\n\nIl contient le titre principal de la page affichée. Les implémentations doivent poser l’ancre du haut sur ce titre comme le fait celle par défaut.\n";
        let got = signals(en, fr);
        assert!(
            !got.iter().any(|(k, _)| *k == SignalKind::ParagraphExtended),
            "{got:?}"
        );
    }
}
