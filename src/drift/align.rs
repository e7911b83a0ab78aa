//! Pure: which section of a translation corresponds to which section of its source.
//!
//! Headings are translated, so their text says little; what translators keep does: explicit `{#id}` anchors (and ids
//! that come out the same), heading levels, code blocks, link targets, numbers, inline code, shortcodes, images, the
//! shape of lists and tables. Explicit anchors (`{#id}` on either side, equal) fix the alignment; between them, runs
//! with the same heading outline are paired in order, and other runs get an order-keeping alignment that maximises
//! the similarity of those features (an automatic id that comes out the same — an untranslated heading — counts in
//! favour, but does not overrule the order: headings repeat, and are left untranslated here and there).

use crate::markdown::document::{BlockKind, Document, Section};

/// Below this similarity two sections are not taken for each other.
const THRESHOLD: f32 = 0.35;

/// (source index, translation index) pairs, in order. Sections without a counterpart are absent.
pub fn align(source: &Document, translation: &Document) -> Vec<(usize, usize)> {
    let s = &source.sections;
    let t = &translation.sections;
    // Anchors: an explicit id equal to the other side's id, and the two preambles.
    // The translation's sections by id, in order (looked up, not searched: a page of 20,000 sections compared every
    // pair of ids).
    let mut by_id: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (j, b) in t.iter().enumerate().rev() {
        if !b.is_preamble() {
            by_id.entry(b.id.as_str()).or_default().push(j);
        }
    }
    let mut preambles = t
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_preamble())
        .map(|(j, _)| j);
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for (i, a) in s.iter().enumerate() {
        let found = if a.is_preamble() {
            preambles.next()
        } else {
            // The first section of that id not taken yet that one of the two anchors explicitly (the list is kept
            // last-first: the next one is at its end).
            by_id.get_mut(a.id.as_str()).and_then(|left| {
                let at = left
                    .iter()
                    .rposition(|&j| a.explicit_id.is_some() || t[j].explicit_id.is_some())?;
                Some(left.remove(at))
            })
        };
        if let Some(j) = found {
            anchors.push((i, j));
        }
    }
    let anchors = monotone(anchors);

    let mut pairs = Vec::new();
    let mut from = (0, 0);
    for &(i, j) in anchors.iter().chain(std::iter::once(&(s.len(), t.len()))) {
        pairs.extend(align_gap(s, t, from.0..i, from.1..j));
        if i < s.len() {
            pairs.push((i, j));
        }
        from = (i + 1, j + 1);
    }
    pairs
}

/// For each of the first `sources` source sections, the translation section `pairs` gives it (the first pair naming
/// it): looked up by index where searching the pairs for each section made pages of thousands of sections slow.
pub fn by_source(pairs: &[(usize, usize)], sources: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; sources];
    // Last pair first: the first pair of a section is the one left.
    for &(s, t) in pairs.iter().rev() {
        if let Some(slot) = out.get_mut(s) {
            *slot = Some(t);
        }
    }
    out
}

/// The longest order-keeping subset of candidate pairs (sorted by source index).
fn monotone(mut pairs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    pairs.sort();
    let seconds: Vec<usize> = pairs.iter().map(|&(_, t)| t).collect();
    super::longest_increasing(&seconds)
        .into_iter()
        .map(|at| pairs[at])
        .collect()
}

/// Order-keeping alignment of two runs of sections (dynamic programming on similarity above the threshold).
fn align_gap(
    s: &[Section],
    t: &[Section],
    rs: std::ops::Range<usize>,
    rt: std::ops::Range<usize>,
) -> Vec<(usize, usize)> {
    let (n, m) = (rs.len(), rt.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    // The common case: as many sections on both sides, with the same outline (headings translated, structure kept;
    // all levels may be shifted by the same amount). A preamble may face a first heading the other side has added or
    // removed.
    if n == m {
        let headed: Vec<usize> = (0..n)
            .filter(|&k| !s[rs.start + k].is_preamble() && !t[rt.start + k].is_preamble())
            .collect();
        let offset = headed
            .first()
            .map(|&k| i16::from(s[rs.start + k].level) - i16::from(t[rt.start + k].level));
        let same_outline = headed.iter().all(|&k| {
            Some(i16::from(s[rs.start + k].level) - i16::from(t[rt.start + k].level)) == offset
        }) && (0..n)
            .all(|k| k == 0 || (s[rs.start + k].is_preamble() == t[rt.start + k].is_preamble()));
        if same_outline {
            return (0..n).map(|k| (rs.start + k, rt.start + k)).collect();
        }
    }
    let gain = |i: usize, j: usize| {
        let (a, b) = (&s[rs.start + i], &t[rt.start + j]);
        let bonus = if !a.is_preamble() && a.id == b.id {
            0.3
        } else {
            0.0
        };
        similarity(a, b) + bonus - THRESHOLD
    };
    order_keeping(n, m, gain)
        .into_iter()
        .map(|(i, j)| (rs.start + i, rt.start + j))
        .collect()
}

/// The most cells [`order_keeping`] fills: a page of tens of thousands of list items against its translation (a
/// changelog) made a table of a billion cells, 19 GB and a hundred seconds for a 4 MB page. Beyond it, only a band
/// around the diagonal is filled.
const CELLS: usize = 1 << 22;

/// The order-keeping pairing of `n` items with `m` items that maximises the summed `gain` of the pairs taken (only
/// pairs of positive gain are taken): dynamic programming, then the path read back. Sections and blocks both align
/// this way. Past [`CELLS`] cells, the pairs are looked for near the diagonal only (within a band as wide as the
/// budget allows).
pub(crate) fn order_keeping(
    n: usize,
    m: usize,
    gain: impl Fn(usize, usize) -> f32,
) -> Vec<(usize, usize)> {
    if (n + 1).saturating_mul(m + 1) > CELLS {
        return order_keeping_banded(n, m, gain);
    }
    let mut best = vec![vec![0f32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let g = gain(i, j);
            let take = if g > 0.0 {
                g + best[i + 1][j + 1]
            } else {
                f32::MIN
            };
            best[i][j] = take.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let g = gain(i, j);
        if g > 0.0 && (best[i][j] - (g + best[i + 1][j + 1])).abs() < 1e-6 {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if (best[i][j] - best[i + 1][j]).abs() < 1e-6 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// [`order_keeping`] within a band around the diagonal from (0, 0) to (n, m): a cell outside it is worth nothing (no
/// pair taken from there on), so the path read back stops where it would leave the band.
fn order_keeping_banded(
    n: usize,
    m: usize,
    gain: impl Fn(usize, usize) -> f32,
) -> Vec<(usize, usize)> {
    let half = (CELLS / (n + 1) / 2).max(1);
    let center = |i: usize| (i as u128 * m as u128 / n.max(1) as u128) as usize;
    let low = |i: usize| center(i).saturating_sub(half);
    let high = |i: usize| (center(i) + half).min(m);
    // Row i holds the cells low(i)..=high(i).
    let mut best: Vec<Vec<f32>> = (0..=n).map(|i| vec![0f32; high(i) - low(i) + 1]).collect();
    let value = |best: &Vec<Vec<f32>>, i: usize, j: usize| -> f32 {
        if i > n || j > m || j < low(i) || j > high(i) {
            0.0
        } else {
            best[i][j - low(i)]
        }
    };
    for i in (0..n).rev() {
        for j in (low(i)..=high(i)).rev() {
            if j == m {
                continue;
            }
            let g = gain(i, j);
            let take = if g > 0.0 {
                g + value(&best, i + 1, j + 1)
            } else {
                f32::MIN
            };
            let cell = take.max(value(&best, i + 1, j)).max(value(&best, i, j + 1));
            best[i][j - low(i)] = cell;
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m && j >= low(i) && j <= high(i) {
        let here = value(&best, i, j);
        let g = gain(i, j);
        if g > 0.0 && (here - (g + value(&best, i + 1, j + 1))).abs() < 1e-6 {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if (here - value(&best, i + 1, j)).abs() < 1e-6 {
            i += 1;
        } else if (here - value(&best, i, j + 1)).abs() < 1e-6 {
            j += 1;
        } else {
            break;
        }
    }
    out
}

/// How alike two sections are from what survives translation, 0 to 1.
pub fn similarity(a: &Section, b: &Section) -> f32 {
    let level = match a.level.abs_diff(b.level) {
        0 => 1.0,
        1 => 0.7,
        _ => 0.4,
    };
    let tokens = dice(&a.tokens, &b.tokens);
    let shape = shape_similarity(&shape(a), &shape(b));
    level * (0.5 * tokens + 0.5 * shape)
}

fn shape(section: &Section) -> [usize; 6] {
    let features = section.features();
    [
        section.count(BlockKind::Paragraph),
        section.count(BlockKind::ListItem),
        section.count(BlockKind::Code),
        section.count(BlockKind::Table),
        features.images.len(),
        features.shortcodes.len(),
    ]
}

fn shape_similarity(a: &[usize], b: &[usize]) -> f32 {
    let total: usize = a.iter().zip(b).map(|(x, y)| *x.max(y)).sum();
    if total == 0 {
        return 1.0;
    }
    let diff: usize = a.iter().zip(b).map(|(x, y)| x.abs_diff(*y)).sum();
    1.0 - diff as f32 / total as f32
}

/// Dice coefficient of two multisets, each a sorted list; 0.5 when both are empty (no evidence either way).
pub(crate) fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.5;
    }
    // Both sorted: the tokens in common, counted with their repeats, in one pass.
    let (mut i, mut j, mut common) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_s_counterpart_is_the_first_pair_naming_it() {
        // Pairs as `align` gives them, and pairs out of order naming a section twice: the first one counts, as a
        // search of the pairs in order found it; a section past `sources` or named by none has none.
        for pairs in [
            vec![(0, 0), (1, 2), (3, 3)],
            vec![(2, 5), (0, 1), (2, 4), (1, 1), (0, 7), (9, 9)],
            vec![],
        ] {
            let found = by_source(&pairs, 5);
            assert_eq!(found.len(), 5);
            for (s, t) in found.into_iter().enumerate() {
                let searched = pairs.iter().find(|(x, _)| *x == s).map(|&(_, t)| t);
                assert_eq!(t, searched, "{pairs:?}: {s}");
            }
        }
    }

    /// The band gives what the whole table gives when it covers the table, and stays small when it cannot: a
    /// changelog of 40,000 items against 30,000 filled 1.2 billion cells (4.9 GB).
    #[test]
    fn a_long_changelog_filled_a_table_of_a_billion_cells() {
        let mut seed = 7u64;
        let gains: Vec<f32> = (0..30 * 40)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((seed >> 33) % 100) as f32 / 100.0 - 0.6
            })
            .collect();
        let gain = |i: usize, j: usize| gains[i * 40 + j];
        assert_eq!(
            order_keeping(30, 40, gain),
            order_keeping_banded(30, 40, gain)
        );

        let (n, m) = (40_000, 30_000);
        let pairs = order_keeping(n, m, |i, j| if j == i * 3 / 4 { 1.0 } else { -1.0 });
        assert!(pairs.len() > 29_000, "{}", pairs.len());
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
    }
    use crate::markdown::document::{SiteContext, parse};

    fn aligned(source: &str, translation: &str) -> Vec<(usize, usize)> {
        let site = SiteContext::default();
        align(
            &parse(source, &site).unwrap(),
            &parse(translation, &site).unwrap(),
        )
    }

    #[test]
    fn tokens_in_common_are_counted_with_their_repeats() {
        use crate::markdown::document::token;
        let mut a = vec![
            token(b'n', "1.28"),
            token(b'n', "1.28"),
            token(b'l', "/docs/"),
        ];
        let mut b = vec![
            token(b'n', "1.28"),
            token(b'l', "/docs/"),
            token(b'l', "/docs/"),
        ];
        a.sort_unstable();
        b.sort_unstable();
        // One "1.28" and one "/docs/" in common: 2 × 2 / 6.
        assert!((dice(&a, &b) - 4.0 / 6.0).abs() < 1e-6);
        // The same text under another kind is another token.
        assert_eq!(dice(&[token(b'n', "8080")], &[token(b'c', "8080")]), 0.0);
        assert_eq!(dice(&[], &[]), 0.5);
    }

    #[test]
    fn explicit_ids_anchor_and_structure_fills_in() {
        let en = "Intro.\n\n## Before you begin {#before}\n\nYou need 1.28.\n\n## Install\n\n```shell\nkubectl apply -f x.yaml\n```\n\n## Check\n\n- one\n- two\n- three\n";
        let fr = "Intro.\n\n## Avant de commencer {#before}\n\nIl vous faut la 1.28.\n\n## Installer\n\n```shell\nkubectl apply -f x.yaml\n```\n\n## Vérifier\n\n- un\n- deux\n- trois\n";
        assert_eq!(aligned(en, fr), vec![(0, 0), (1, 1), (2, 2), (3, 3)]);
    }

    #[test]
    fn a_missing_section_is_skipped_not_shifted() {
        let en =
            "## A\n\n```\nls -l\n```\n\n## B\n\nVersion 1.5 on port 8080.\n\n## C\n\n- x\n- y\n";
        let fr = "## A\n\n```\nls -l\n```\n\n## C traduit\n\n- x\n- y\n";
        assert_eq!(aligned(en, fr), vec![(0, 0), (2, 1)]);
    }
}
