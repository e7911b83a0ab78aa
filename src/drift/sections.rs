//! Pure: what changed in a source page between two versions, section by section.

use std::borrow::Cow;

use serde::Serialize;

use crate::markdown::document::{Document, Section};

/// How a source section changed between the sync point and now.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Added,
    Removed,
    Modified,
    Moved,
    Cosmetic,
    Unchanged,
}

impl Change {
    pub const ALL: [Change; 6] = [
        Change::Added,
        Change::Removed,
        Change::Modified,
        Change::Moved,
        Change::Cosmetic,
        Change::Unchanged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Modified => "modified",
            Change::Moved => "moved",
            Change::Cosmetic => "cosmetic",
            Change::Unchanged => "unchanged",
        }
    }

    /// Whether the change asks something of the translator.
    pub fn needs_work(self) -> bool {
        matches!(
            self,
            Change::Added | Change::Removed | Change::Modified | Change::Moved
        )
    }
}

/// How much a difference matters: `high` when content is missing or changed, `low` for heading text or
/// shortcode-only differences.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize, Default,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    #[default]
    None,
    Low,
    High,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::None, Severity::Low, Severity::High];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::None => "none",
            Severity::Low => "low",
            Severity::High => "high",
        }
    }
}

/// One source section's fate: indices into the old and new documents' sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDrift {
    pub change: Change,
    pub severity: Severity,
    pub old: Option<usize>,
    pub new: Option<usize>,
}

/// Whether two versions of a source page say the same thing once formatting is ignored (front matter compared as
/// data, bookkeeping keys left out).
pub fn same_meaning(old: &Document, new: &Document) -> bool {
    old.same_front_matter(new) && same_body(old, new)
}

/// Whether two versions of a translation carry the same translation: the body once formatting is ignored, and the
/// translatable front-matter fields. Other front-matter changes (tags synchronised in bulk, weights, pins) are
/// bookkeeping.
pub fn same_translation(old: &Document, new: &Document) -> bool {
    old.translatable() == new.translatable() && same_body(old, new)
}

/// Fingerprints of what [`same_meaning`] and [`same_translation`] compare: equal fingerprints, same meaning.
pub fn meaning_fingerprints(doc: &Document) -> (u64, u64) {
    // Each section's normalised form is one part; the body is read once for both.
    let mut body = crate::util::hash::WideFingerprint::default();
    for section in &doc.sections {
        body.write(section.heading_norm.as_bytes());
        body.write(b"\n");
        // Block boundaries as spaces, as `Section::same_body` compares.
        for part in section.body_parts() {
            body.write(part);
        }
        body.end_part();
    }
    let with = |data: &str| {
        let mut hash = body;
        hash.write(data.as_bytes());
        hash.end_part();
        hash.finish()
    };
    (with(doc.front_matter()), with(doc.translatable()))
}

fn same_body(old: &Document, new: &Document) -> bool {
    old.sections.len() == new.sections.len()
        && old
            .sections
            .iter()
            .zip(&new.sections)
            .all(|(a, b)| a.same_normalized(b))
}

/// Matches the sections of two versions of one page and says how each changed. The result follows the new page's
/// order, with removed sections placed where they were.
pub fn section_drift(
    old: &Document,
    new: &Document,
    old_text: &str,
    new_text: &str,
) -> Vec<SectionDrift> {
    let pairs = match_versions(&old.sections, &new.sections);
    // In-order matches keep their place; the others moved.
    let mut by_new: Vec<(usize, usize)> = pairs.clone();
    by_new.sort_by_key(|&(_, n)| n);
    let olds: Vec<usize> = by_new.iter().map(|&(o, _)| o).collect();
    let mut kept = vec![false; old.sections.len()];
    for at in super::longest_increasing(&olds) {
        kept[olds[at]] = true;
    }

    let mut out: Vec<SectionDrift> = Vec::new();
    let mut matched_old = vec![false; old.sections.len()];
    let mut new_to_old = vec![None; new.sections.len()];
    for &(o, n) in &pairs {
        matched_old[o] = true;
        new_to_old[n] = Some(o);
    }
    let mut next_old = 0;
    for (n, section) in new.sections.iter().enumerate() {
        match new_to_old[n] {
            Some(o) => {
                // Removed sections that came before this one in the old page go first.
                while next_old < o {
                    if !matched_old[next_old] {
                        out.push(removed(next_old));
                    }
                    next_old += 1;
                }
                next_old = next_old.max(o + 1);
                let before = &old.sections[o];
                let in_order = kept[o];
                out.push(compare(before, section, o, n, in_order, old_text, new_text));
            }
            // A source emptied of its body has an empty text before the first heading, which the old page, opening
            // on a heading, lacked: it was listed "added", with nothing to translate.
            None if section.is_empty_preamble() => {}
            None => out.push(SectionDrift {
                change: Change::Added,
                severity: Severity::High,
                old: None,
                new: Some(n),
            }),
        }
    }
    for (o, matched) in matched_old.iter().enumerate().skip(next_old) {
        if !matched {
            out.push(removed(o));
        }
    }
    out.retain(|d| {
        !d.old
            .is_some_and(|o| d.new.is_none() && old.sections[o].is_empty_preamble())
    });
    out
}

fn removed(o: usize) -> SectionDrift {
    SectionDrift {
        change: Change::Removed,
        severity: Severity::High,
        old: Some(o),
        new: None,
    }
}

fn compare(
    before: &Section,
    after: &Section,
    o: usize,
    n: usize,
    in_order: bool,
    old_text: &str,
    new_text: &str,
) -> SectionDrift {
    let (change, severity) = if before.same_normalized(after) {
        if !in_order {
            (Change::Moved, Severity::High)
        } else if before.raw(old_text).trim_end() == after.raw(new_text).trim_end() {
            (Change::Unchanged, Severity::None)
        } else {
            (Change::Cosmetic, Severity::None)
        }
    } else if before.same_body(after) {
        // Only the heading's text changed.
        (Change::Modified, Severity::Low)
    } else if only_shortcodes_differ(before.body_norm(), after.body_norm())
        || only_mdx_statements_differ(before, after)
    {
        (Change::Modified, Severity::Low)
    } else {
        (Change::Modified, Severity::High)
    };
    SectionDrift {
        change,
        severity,
        old: Some(o),
        new: Some(n),
    }
}

/// Whether two versions of a section differ only in their MDX `import`/`export` statements (an import path moved to an
/// alias across the site): code for the build, nothing a reader sees.
fn only_mdx_statements_differ(a: &Section, b: &Section) -> bool {
    use crate::markdown::document::BlockKind;
    fn prose(s: &Section) -> impl Iterator<Item = (BlockKind, &str)> {
        s.blocks
            .iter()
            .filter(|block| block.kind != BlockKind::Mdx)
            .map(|block| (block.kind, block.norm.as_str()))
    }
    let statements = |s: &Section| s.blocks.iter().any(|block| block.kind == BlockKind::Mdx);
    (statements(a) || statements(b)) && prose(a).eq(prose(b))
}

/// Whether two normalised bodies are equal once shortcodes are taken out and whitespace collapsed, compared
/// character by character as they are read: nothing is built.
fn only_shortcodes_differ(a: &str, b: &str) -> bool {
    collapsed(without_shortcodes(a)).eq(collapsed(without_shortcodes(b)))
}

/// The characters of `text` outside shortcodes (`{{< … >}}`; one left open runs to the end).
fn without_shortcodes(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let kept = match rest.find("{{<") {
            Some(start) => {
                let kept = &rest[..start];
                rest = rest[start..]
                    .find(">}}")
                    .map_or("", |end| &rest[start + end + 3..]);
                kept
            }
            None => std::mem::take(&mut rest),
        };
        Some(kept.chars())
    })
    .flatten()
}

/// Characters with runs of whitespace made one space and none at either end (what `split_whitespace` then joining
/// with spaces gives).
fn collapsed<I: Iterator<Item = char>>(chars: I) -> Collapsed<I> {
    Collapsed {
        chars: chars.peekable(),
        held: None,
        started: false,
    }
}

struct Collapsed<I: Iterator<Item = char>> {
    chars: std::iter::Peekable<I>,
    /// A word's first character, given after the space before it.
    held: Option<char>,
    started: bool,
}

impl<I: Iterator<Item = char>> Iterator for Collapsed<I> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.held.take() {
            return Some(c);
        }
        if !std::mem::replace(&mut self.started, true) {
            while self.chars.next_if(|c| c.is_whitespace()).is_some() {}
        }
        let c = self.chars.next()?;
        if !c.is_whitespace() {
            return Some(c);
        }
        while self.chars.next_if(|c| c.is_whitespace()).is_some() {}
        // A trailing run gives nothing.
        self.held = Some(self.chars.next()?);
        Some(' ')
    }
}

/// Pairs (old index, new index): same explicit id, then same heading id, then same body (a renamed heading), then
/// the most similar body above one half.
fn match_versions<'s>(old: &'s [Section], new: &'s [Section]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    let mut link = |old_keys: KeysOf, new_keys: KeysOf| {
        link_by_keys(
            (old, new),
            (&mut old_used, &mut new_used),
            &mut pairs,
            (old_keys, new_keys),
        )
    };
    link(preamble_key, preamble_key);
    link(explicit_id_key, explicit_id_key);
    // The old section must be under a heading; the new one need not.
    link(|s| if s.level > 0 { id_key(s) } else { Vec::new() }, id_key);
    link(
        |s| {
            if s.level > 0 && s.body_norm_len() > 0 {
                body_keys(s)
            } else {
                Vec::new()
            }
        },
        body_keys,
    );
    // What is left: the most similar pairs first. Each section left is measured once, not for each pair: a page whose
    // sections were all renamed and reworded compares every pair. As above, the old section must be under a heading
    // and the new one need not: a source that dropped its first heading and changed a word below it opens on that
    // section's text, which was "added" beside the section "removed".
    let measured = |sections: &'s [Section],
                    used: &[bool],
                    opening: bool|
     -> Vec<Option<(usize, Words<'s>)>> {
        (sections.iter().zip(used))
            .map(|(s, used)| {
                (!used && (!s.is_preamble() || opening && !s.is_empty_preamble()))
                    .then(|| (s.body_norm_len(), Words::of(s.body_norm())))
            })
            .collect()
    };
    let (old_measured, new_measured) = (
        measured(old, &old_used, false),
        measured(new, &new_used, true),
    );
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (o, a) in old.iter().enumerate() {
        let Some((la, words_a)) = &old_measured[o] else {
            continue;
        };
        for (n, b) in new.iter().enumerate() {
            let Some((lb, words_b)) = &new_measured[n] else {
                continue;
            };
            // Texts whose lengths differ by more than half cannot be half the same.
            let (la, lb) = (*la, *lb);
            if la.min(lb) * 3 < la.max(lb) {
                continue;
            }
            let ratio = similarity_of((a.body_norm(), words_a), (b.body_norm(), words_b));
            if ratio >= 0.5 {
                candidates.push((ratio, o, n));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0));
    for (_, o, n) in candidates {
        if !old_used[o] && !new_used[n] {
            old_used[o] = true;
            new_used[n] = true;
            pairs.push((o, n));
        }
    }
    pairs.sort();
    pairs
}

/// What a section is found by when versions are matched: a kind (two sections match on keys of the same kind) and
/// bytes.
type Key<'s> = (u8, Cow<'s, [u8]>);

/// The keys of a section for one way of matching versions (none: the section is not matched that way).
type KeysOf = for<'s> fn(&'s Section) -> Vec<Key<'s>>;

fn preamble_key(s: &Section) -> Vec<Key<'_>> {
    match s.is_preamble() {
        true => vec![(0, Cow::Borrowed(&[][..]))],
        false => Vec::new(),
    }
}

fn explicit_id_key(s: &Section) -> Vec<Key<'_>> {
    (s.explicit_id.iter())
        .map(|id| (0, Cow::Borrowed(id.as_bytes())))
        .collect()
}

fn id_key(s: &Section) -> Vec<Key<'_>> {
    vec![(0, Cow::Borrowed(s.id.as_bytes()))]
}

/// The same body ([`Section::same_body`]): the same normalised text, or the same once the boundaries between blocks
/// are read as spaces.
fn body_keys(s: &Section) -> Vec<Key<'_>> {
    vec![
        (0, Cow::Borrowed(s.body_norm().as_bytes())),
        (1, Cow::Owned(s.body_bytes().collect())),
    ]
}

/// Pairs each new section not paired yet, in order, with the first old section not paired yet that shares one of its
/// keys: what searching the old sections in order for each new one gave, looked up. That search compared a page of
/// 20,000 headings 200 million times a pass.
fn link_by_keys(
    (old, new): (&[Section], &[Section]),
    (old_used, new_used): (&mut [bool], &mut [bool]),
    pairs: &mut Vec<(usize, usize)>,
    (old_keys, new_keys): (KeysOf, KeysOf),
) {
    // The old sections not paired yet by key, last first: the first one left is at the end.
    let mut by_key: crate::util::hash::TextMap<Key, Vec<usize>> = Default::default();
    for (o, section) in old.iter().enumerate().rev() {
        if !old_used[o] {
            for key in old_keys(section) {
                by_key.entry(key).or_default().push(o);
            }
        }
    }
    if by_key.is_empty() {
        return;
    }
    for (n, section) in new.iter().enumerate() {
        if new_used[n] {
            continue;
        }
        let mut first: Option<usize> = None;
        for key in new_keys(section) {
            let Some(left) = by_key.get_mut(&key) else {
                continue;
            };
            // Sections paired since by another of their keys.
            while left.last().is_some_and(|&o| old_used[o]) {
                left.pop();
            }
            if let Some(&o) = left.last() {
                first = Some(first.map_or(o, |f| f.min(o)));
            }
        }
        if let Some(o) = first {
            old_used[o] = true;
            new_used[n] = true;
            pairs.push((o, n));
        }
    }
}

/// Word-level similarity of two texts, 0 to 1; 0 for texts that cannot be half the same (callers look at one half
/// and above).
pub fn similarity(a: &str, b: &str) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    similarity_of((a, &Words::of(a)), (b, &Words::of(b)))
}

/// [`similarity`] of two texts whose words are counted already.
fn similarity_of((a, words_a): (&str, &Words), (b, words_b): (&str, &Words)) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    // The words two texts share in any order bound the words a diff can keep: when even that bound is far from one
    // half, the diff (quadratic on long, rewritten sections) is not run.
    if shared_words_bound(words_a, words_b) < 0.5 {
        return 0.0;
    }
    let diff = || {
        similar::TextDiff::configure()
            .algorithm(similar::Algorithm::Patience)
            .diff_words(a, b)
            .ratio()
    };
    // The same two sections meet again when a source is compared from two sync points (translations made from
    // different versions), and this diff is most of what comparing them costs: kept, by both texts, for texts of
    // a few kilobytes (at most 256 of them: 4 MB).
    static RATIOS: crate::util::recent::Recent<f32> = crate::util::recent::Recent::new(256);
    if a.len() + b.len() > 16 << 10 {
        return diff();
    }
    RATIOS.get_or(&format!("{}\n{a}{b}", a.len()), diff)
}

/// The words of a text, each with how many times it comes, and how many there are.
struct Words<'t> {
    counts: crate::util::hash::TextMap<&'t str, usize>,
    total: usize,
}

impl<'t> Words<'t> {
    fn of(text: &'t str) -> Words<'t> {
        // About one word in every seven bytes of prose: room made once.
        let mut counts = crate::util::hash::TextMap::with_capacity_and_hasher(
            text.len() / 7,
            Default::default(),
        );
        let mut total = 0;
        for word in crate::util::chars::words(text) {
            *counts.entry(word).or_insert(0) += 1;
            total += 1;
        }
        Words { counts, total }
    }
}

/// How alike a deleted page's text and an added page's are, when they are alike enough to call the one renamed to
/// the other: [`similarity`] at least one half, and half the words shared ([`shared_words`]: the diff's ratio counts
/// the spaces between words, and two short unrelated pages came out half alike). `check` finds a pull request's
/// renames by it, `status` a page a commit replaced.
pub fn rename_likeness(old: &str, new: &str) -> Option<f32> {
    let ratio = similarity(old, new);
    (ratio >= 0.5 && shared_words(old, new) >= 0.5).then_some(ratio)
}

/// Pairs `(likeness, old, new)` taken closest first, each old and each new at most once (ties by `old`, then
/// `new`), in the order taken.
pub fn closest_pairs<K: Ord + Clone>(mut scored: Vec<(f32, K, K)>) -> Vec<(K, K)> {
    scored.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| x.1.cmp(&y.1))
            .then_with(|| x.2.cmp(&y.2))
    });
    let (mut olds, mut news) = (
        std::collections::BTreeSet::new(),
        std::collections::BTreeSet::new(),
    );
    let mut pairs = Vec::new();
    for (_, old, new) in scored {
        if !olds.contains(&old) && !news.contains(&new) {
            olds.insert(old.clone());
            news.insert(new.clone());
            pairs.push((old, new));
        }
    }
    pairs
}

/// The share of words two texts have in common, in any order: the words both hold (each as many times as the text
/// holding it fewer times) over the longer text's count, 0 to 1. Unlike [`similarity`], whose diff counts the
/// whitespace between words too, two short unrelated pages are not half alike by it.
pub fn shared_words(a: &str, b: &str) -> f32 {
    let (a, b) = (Words::of(a), Words::of(b));
    let shared: usize = (a.counts.iter())
        .map(|(word, n)| (*n).min(b.counts.get(word).copied().unwrap_or(0)))
        .sum();
    shared as f32 / a.total.max(b.total).max(1) as f32
}

/// An upper bound of [`similarity`]'s ratio. The diff's tokens are words (runs of non-whitespace) and the
/// whitespace runs between them: n words come with n - 1 to n + 1 whitespace runs. Matched in any order, at most the
/// shared words and the fewer whitespace runs match; the ratio is twice the matches over all tokens.
fn shared_words_bound(a: &Words, b: &Words) -> f32 {
    let (ca, cb) = (a.total, b.total);
    let shared: usize = (a.counts.iter())
        .map(|(word, n)| (*n).min(b.counts.get(word).copied().unwrap_or(0)))
        .sum();
    let most_matches = shared + ca.min(cb) + 1;
    let fewest_tokens = (2 * ca).saturating_sub(1) + (2 * cb).saturating_sub(1);
    (2.0 * most_matches as f32 / fewest_tokens.max(1) as f32).min(1.0)
}

#[cfg(test)]
mod tests {
    /// The old way: the text without shortcodes, built, then its words joined by single spaces.
    fn stripped_the_old_way(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("{{<") {
            out.push_str(&rest[..start]);
            match rest[start..].find(">}}") {
                Some(end) => rest = &rest[start + end + 3..],
                None => rest = "",
            }
        }
        out.push_str(rest);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn ratios_kept_are_told_apart_by_both_texts() {
        let direct = |a: &str, b: &str| {
            similar::TextDiff::configure()
                .algorithm(similar::Algorithm::Patience)
                .diff_words(a, b)
                .ratio()
        };
        // The same bytes cut in two places: two questions, two answers (asked twice: the second from memory).
        let pairs = [
            ("one two", " three one two three"),
            ("one two three one", " two three"),
        ];
        assert_eq!(
            pairs[0].0.to_owned() + pairs[0].1,
            pairs[1].0.to_owned() + pairs[1].1
        );
        assert_ne!(
            direct(pairs[0].0, pairs[0].1),
            direct(pairs[1].0, pairs[1].1)
        );
        for _ in 0..2 {
            for (a, b) in pairs {
                assert_eq!(similarity(a, b), direct(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn meaning_fingerprints_are_those_of_the_built_parts() {
        let site = crate::markdown::document::SiteContext::default();
        for text in [
            "",
            "---\ntitle: T\n---\nIntro.\n\n## One {#one}\n\nBody *one*.\n\n## Two\n\n- a\n- b\n",
            "Just a paragraph.",
        ] {
            let doc = crate::markdown::document::parse(text, &site).unwrap();
            // Each section's normalised heading and body, the body's blocks separated by spaces.
            let body: Vec<String> = doc
                .sections
                .iter()
                .map(|s| {
                    let blocks = String::from_utf8(s.body_bytes().collect()).unwrap();
                    format!("{}\n{blocks}", s.heading_norm)
                })
                .collect();
            let mut parts: Vec<&[u8]> = body.iter().map(|s| s.as_bytes()).collect();
            parts.push(doc.front_matter().as_bytes());
            let meaning = crate::util::hash::wide_fingerprint(&parts);
            parts.pop();
            parts.push(doc.translatable().as_bytes());
            let translation = crate::util::hash::wide_fingerprint(&parts);
            assert_eq!(
                meaning_fingerprints(&doc),
                (meaning, translation),
                "{text:?}"
            );
        }
    }

    #[test]
    fn shortcodes_are_taken_out_and_whitespace_collapsed_as_before() {
        let texts = [
            "",
            "   ",
            "one",
            "  one  two\n\tthree  ",
            "a {{< note >}} b",
            "a{{< note >}}b",
            "{{< note >}}",
            "{{< open shortcode runs to the end",
            "x {{< a >}}{{< b >}} y {{< c",
            "word\u{a0}\u{2003}word ",
            "é {{<>}} ü\n\n",
        ];
        // And random texts over the characters that matter.
        let alphabet = ['a', 'b', ' ', '\n', '\t', '{', '<', '>', '}', 'é', '\u{a0}'];
        let mut random = crate::util::random::Xorshift::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let mut text = String::new();
            let state = random.draw();
            for i in 0..(state % 24) {
                text.push(
                    alphabet[((state >> (i * 2 % 60)) as usize + i as usize) % alphabet.len()],
                );
            }
            let read: String = collapsed(without_shortcodes(&text)).collect();
            assert_eq!(read, stripped_the_old_way(&text), "{text:?}");
        }
        for a in texts {
            let read: String = collapsed(without_shortcodes(a)).collect();
            assert_eq!(read, stripped_the_old_way(a), "{a:?}");
            for b in texts {
                assert_eq!(
                    only_shortcodes_differ(a, b),
                    stripped_the_old_way(a) == stripped_the_old_way(b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    use super::*;
    use crate::markdown::document::{Document, SiteContext, parse};

    #[test]
    fn the_shared_words_bound_is_never_below_the_diff_ratio() {
        let texts = [
            "",
            "one",
            "the cat sat on the mat",
            "the mat sat on the cat",
            "a b c d e f g h",
            "h g f e d c b a",
            "completely different words here",
            "  spaced   out\ntext with the cat ",
        ];
        for a in texts {
            for b in texts
                .into_iter()
                .filter(|b| !(a.is_empty() && b.is_empty()))
            {
                let ratio = similar::TextDiff::configure()
                    .algorithm(similar::Algorithm::Patience)
                    .diff_words(a, b)
                    .ratio();
                let bound = shared_words_bound(&Words::of(a), &Words::of(b));
                assert!(
                    bound + 1e-6 >= ratio,
                    "{a:?} {b:?}: bound {bound} < ratio {ratio}"
                );
            }
        }
    }

    /// How versions were matched before keys were looked up: for each new section, a search of the old ones in order.
    fn match_versions_by_search(old: &[Section], new: &[Section]) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        let mut old_used = vec![false; old.len()];
        let mut new_used = vec![false; new.len()];
        let link = |pairs: &mut Vec<(usize, usize)>,
                    old_used: &mut Vec<bool>,
                    new_used: &mut Vec<bool>,
                    same: &dyn Fn(&Section, &Section) -> bool| {
            for (n, b) in new.iter().enumerate() {
                if new_used[n] {
                    continue;
                }
                if let Some(o) = (0..old.len()).find(|&o| !old_used[o] && same(&old[o], b)) {
                    old_used[o] = true;
                    new_used[n] = true;
                    pairs.push((o, n));
                }
            }
        };
        link(&mut pairs, &mut old_used, &mut new_used, &|a, b| {
            a.is_preamble() && b.is_preamble()
        });
        link(&mut pairs, &mut old_used, &mut new_used, &|a, b| {
            a.explicit_id.is_some() && a.explicit_id == b.explicit_id
        });
        link(&mut pairs, &mut old_used, &mut new_used, &|a, b| {
            a.level > 0 && a.id == b.id
        });
        link(&mut pairs, &mut old_used, &mut new_used, &|a, b| {
            a.level > 0 && a.body_norm_len() > 0 && a.same_body(b)
        });
        let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
        for (o, a) in old.iter().enumerate() {
            if old_used[o] || a.is_preamble() {
                continue;
            }
            for (n, b) in new.iter().enumerate() {
                if new_used[n] || b.is_empty_preamble() {
                    continue;
                }
                let (la, lb) = (a.body_norm_len(), b.body_norm_len());
                if la.min(lb) * 3 < la.max(lb) {
                    continue;
                }
                let ratio = similarity(a.body_norm(), b.body_norm());
                if ratio >= 0.5 {
                    candidates.push((ratio, o, n));
                }
            }
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0));
        for (_, o, n) in candidates {
            if !old_used[o] && !new_used[n] {
                old_used[o] = true;
                new_used[n] = true;
                pairs.push((o, n));
            }
        }
        pairs.sort();
        pairs
    }

    /// A page of sections drawn from a few headings (repeated ones, explicit ids, one repeated explicit id, setext) and
    /// a few bodies (repeated ones, empty ones, one that differs from another only by where its blocks end).
    fn random_page(random: &mut crate::util::random::Xorshift) -> String {
        let headings = [
            "## Example",
            "## Example",
            "### Example",
            "## Setup {#setup}",
            "## Install {#setup}",
            "# Title",
            "Setext\n------",
            "## Other {#other}",
        ];
        let bodies = [
            "",
            "Run it.",
            "Run it.",
            "Run\nit.",
            "- Run\n- it.",
            "```sh\nrun it\n```",
            "Some longer text that says a little more.",
            "Some longer text that says a bit more.",
        ];
        let draw = random.draw();
        let mut page = match draw % 3 {
            0 => String::new(),
            1 => "Intro.\n\n".to_owned(),
            _ => "---\ntitle: T\n---\n\nIntro.\n\n".to_owned(),
        };
        for _ in 0..(draw >> 8) % 9 {
            let pick = random.draw();
            let heading = headings[(pick % headings.len() as u64) as usize];
            let body = bodies[((pick >> 8) % bodies.len() as u64) as usize];
            page.push_str(&format!("{heading}\n\n{body}\n\n"));
        }
        page
    }

    #[test]
    fn versions_are_matched_by_key_as_the_search_in_order_matched_them() {
        let site = SiteContext::default();
        let mut random = crate::util::random::Xorshift::new(0x5851_f42d_4c95_7f2d);
        for _ in 0..3_000 {
            let (old, new) = (random_page(&mut random), random_page(&mut random));
            let (a, b) = (parse(&old, &site).unwrap(), parse(&new, &site).unwrap());
            assert_eq!(
                match_versions(&a.sections, &b.sections),
                match_versions_by_search(&a.sections, &b.sections),
                "{old:?}\n{new:?}"
            );
        }
    }

    #[test]
    fn a_body_found_by_its_text_and_another_by_its_words_pairs_the_first() {
        // A new section whose body is two blocks, `a` and `b`: an old one says `a` and `b` in one block across two
        // lines (the same normalised text), another says `a b` (the same words once block boundaries are spaces).
        // Whichever comes first in the old page is its partner, as the search in order found it.
        let site = SiteContext::default();
        let mut new = parse("## Three\n\ngamma\n\ndelta\n", &site).unwrap();
        let under_heading = |doc: &Document| doc.sections.iter().position(|s| s.level > 0).unwrap();
        let at = under_heading(&new);
        new.sections[at].blocks[0].norm = "a".to_owned();
        new.sections[at].blocks[1].norm = "b".to_owned();
        for bodies in [["a\nb", "a b"], ["a b", "a\nb"]] {
            let mut old = parse("## One\n\nalpha\n\n## Two\n\nbeta\n", &site).unwrap();
            let first = under_heading(&old);
            old.sections[first].blocks[0].norm = bodies[0].to_owned();
            old.sections[first + 1].blocks[0].norm = bodies[1].to_owned();
            let matched = match_versions(&old.sections, &new.sections);
            assert!(matched.contains(&(first, at)), "{bodies:?}: {matched:?}");
            assert_eq!(
                matched,
                match_versions_by_search(&old.sections, &new.sections)
            );
        }
    }

    #[test]
    fn repeated_headings_keep_their_pairing() {
        // Three "Example" sections (ids example, example-1, example-2) and the new version drops the first: ids
        // shift, and each id keeps its partner (example with example, whatever their bodies), the last one removed.
        let old = "## Example\n\nOne.\n\n## Example\n\nTwo.\n\n## Example\n\nThree.\n";
        let new = "## Example\n\nTwo.\n\n## Example\n\nThree.\n";
        let site = SiteContext::default();
        let (a, b) = (parse(old, &site).unwrap(), parse(new, &site).unwrap());
        let ids = |doc: &Document, pairs: &[(usize, usize)], side: usize| -> Vec<String> {
            pairs
                .iter()
                .map(|p| doc.sections[if side == 0 { p.0 } else { p.1 }].id.clone())
                .collect()
        };
        let matched = match_versions(&a.sections, &b.sections);
        assert_eq!(ids(&a, &matched, 0), ids(&b, &matched, 1));
        assert_eq!(matched, match_versions_by_search(&a.sections, &b.sections));
    }

    fn drift(old: &str, new: &str) -> Vec<(Change, Severity, Option<usize>, Option<usize>)> {
        let site = SiteContext::default();
        let a = parse(old, &site).unwrap();
        let b = parse(new, &site).unwrap();
        section_drift(&a, &b, old, new)
            .into_iter()
            .map(|d| (d.change, d.severity, d.old, d.new))
            .collect()
    }

    #[test]
    fn kinds_of_change() {
        let old = "Intro.\n\n## A\n\nAlpha.\n\n## B\n\nBeta.\n\n## C\n\nGamma.\n\n## D\n\nDelta.\n";
        let new = "Intro.\n\n## A\n\n_Alpha_\n\n## C\n\nGamma.\n\n## B\n\nBeta, longer now.\n\n## E\n\nEpsilon.\n";
        let d = drift(old, new);
        assert_eq!(
            d,
            vec![
                (Change::Unchanged, Severity::None, Some(0), Some(0)),
                (Change::Modified, Severity::High, Some(1), Some(1)),
                (Change::Unchanged, Severity::None, Some(3), Some(2)),
                (Change::Modified, Severity::High, Some(2), Some(3)),
                (Change::Added, Severity::High, None, Some(4)),
                (Change::Removed, Severity::High, Some(4), None),
            ]
        );
    }

    #[test]
    fn cosmetic_moved_and_renamed() {
        let old = "## A\n\nSome *text*.\n\n## B\n\nBeta.\n\n## Old name\n\nSame body.\n";
        let new = "## B\n\nBeta.\n\n## A\n\nSome _text_.\n\n## New name\n\nSame body.\n";
        let d = drift(old, new);
        assert!(
            d.contains(&(Change::Moved, Severity::High, Some(0), Some(1)))
                || d.contains(&(Change::Moved, Severity::High, Some(1), Some(0))),
            "{d:?}"
        );
        assert!(
            d.contains(&(Change::Modified, Severity::Low, Some(2), Some(2))),
            "{d:?}"
        );
        let d = drift(
            "## A\n\nSome *text*\nwrapped.\n",
            "## A\n\nSome _text_ wrapped.\n",
        );
        assert_eq!(
            d,
            vec![(Change::Cosmetic, Severity::None, Some(0), Some(0))]
        );
    }
}
