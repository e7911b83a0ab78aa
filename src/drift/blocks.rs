//! Pure: blocks side by side — which block of a translation section renders which block of its source section, and
//! which blocks of a source section changed between two versions.
//!
//! Translated text shares no words with its source, so source and translation blocks are matched by what survives
//! translation: the block's kind, its numbers, inline code, link and image targets, proper names, its sentence count
//! and its length measured against the page's own translation ratio. Between two versions of the same page, blocks
//! are matched by their normalised text.

use crate::drift::align::dice;
use crate::markdown::document::{Block, BlockKind, Document, Section, token};
use crate::util::chars::{
    byte_set, is_alphanumeric, is_lower, is_upper, non_whitespace_chars, whitespace_len, word_end,
};

/// Below this similarity two blocks are not taken for each other.
const THRESHOLD: f32 = 0.3;

/// What one block brings to the comparison, computed once.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockShape {
    pub kind: BlockKind,
    /// Characters of text (whitespace, link targets and markup left out).
    pub chars: usize,
    pub sentences: usize,
    /// Numbers, inline code, link and image targets, proper names, tagged ([`token`]), sorted.
    pub tokens: Vec<u64>,
}

impl BlockShape {
    /// The block's shape, computed once per block.
    pub fn of(block: &Block) -> &BlockShape {
        block.measured.get_or_init(|| BlockShape::measure(block))
    }

    /// Measures every block of `doc` now (on a thread reading ahead), so that comparing it later finds the shapes
    /// ready.
    pub fn measure_all(doc: &Document) {
        for section in &doc.sections {
            for block in &section.blocks {
                BlockShape::of(block);
            }
        }
    }

    fn measure(block: &Block) -> BlockShape {
        let text = plain_text(&block.norm);
        let f = block.features();
        let mut tokens = Vec::new();
        for (tag, list) in [
            (b'n', &f.numbers),
            (b'c', &f.inline_code),
            (b'l', &f.links),
            (b'i', &f.images),
            (b'x', &f.commands),
        ] {
            tokens.extend(list.iter().map(|t| token(tag, t)));
        }
        tokens.extend(proper_names(&text).iter().map(|n| token(b'p', n)));
        tokens.sort_unstable();
        BlockShape {
            kind: block.kind,
            chars: non_whitespace_chars(&text),
            sentences: sentence_count(&text),
            tokens,
        }
    }

    /// Whether the block is prose a translator renders sentence for sentence.
    pub fn is_prose(&self) -> bool {
        matches!(
            self.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote
        ) && self.chars > 0
    }
}

/// A normalised block's text for reading: link targets and image sources dropped, inline code kept, markup
/// characters dropped. Every character it looks at is ASCII, so it copies runs of bytes between them.
pub fn plain_text(norm: &str) -> String {
    let bytes = norm.as_bytes();
    // The markup characters are found by two searches, three characters each; each search is made again only once
    // the text read has passed what it found.
    let first =
        |at: usize| memchr::memchr3(b']', b'[', b'*', &bytes[at..]).map_or(usize::MAX, |p| p + at);
    let second =
        |at: usize| memchr::memchr3(b'_', b'~', b'!', &bytes[at..]).map_or(usize::MAX, |p| p + at);
    let (mut next_first, mut next_second) = (first(0), second(0));
    // Most prose has none of them.
    if next_first == usize::MAX && next_second == usize::MAX {
        return norm.to_owned();
    }
    let mut out = String::with_capacity(norm.len());
    // The run not copied yet starts at `from`.
    let (mut from, mut at) = (0, 0);
    while at < bytes.len() {
        if next_first < at {
            next_first = first(at);
        }
        if next_second < at {
            next_second = second(at);
        }
        at = next_first.min(next_second);
        if at >= bytes.len() {
            break;
        }
        match bytes[at] {
            b']' if bytes.get(at + 1) == Some(&b'(') => {
                out.push_str(&norm[from..at]);
                // Skip the target, nested parentheses included.
                let mut depth = 0;
                at += 1;
                while at < bytes.len() {
                    match bytes[at] {
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                at += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    at += 1;
                }
                from = at;
            }
            b']' => at += 1,
            _ => {
                out.push_str(&norm[from..at]);
                at += 1;
                from = at;
            }
        }
    }
    out.push_str(&norm[from..]);
    out
}

/// The length in bytes of the UTF-8 character that starts with `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// The bytes that may start a sentence's end or inline code: `.`, `!`, `?`, a backtick, and the lead bytes of `…`
/// and the marks of [`ends_anywhere`] (`։` D6, `؟` D8, `۔` DB, `।` `॥` E0, `။` `።` E1, `‼` `⁇` `⁈` `⁉` E2, `。`
/// E3, `！` `？` `｡` EF).
const SENTENCE_MARK: [bool; 256] = byte_set(b".!?`\xD6\xD8\xDB\xE0\xE1\xE2\xE3\xEF");

/// Marks that end a sentence wherever they stand, a space after them or not: the full-width `。`, `！`, `？` and
/// half-width `｡`, Arabic `؟` and Urdu `۔`, the Devanagari and Bengali danda `।` and `॥`, Armenian `։`, Ethiopic `።`,
/// Burmese `။`, and `‼`, `⁇`, `⁈`, `⁉`.
fn ends_anywhere(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '｡'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '։'
            | '።'
            | '။'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
    )
}

/// Sentences in a text: runs ended by `.`, `!`, `?`, `…` (or their full-width forms) followed by a space or the end;
/// a final run without one counts too. Decimal points, versions and file names (`1.28`, `x.yaml`) do not end
/// sentences; inline code is skipped.
pub fn sentence_count(text: &str) -> usize {
    let mut count = 0;
    each_sentence(text, |_| count += 1);
    count
}

/// Where each sentence of a text starts (the byte of its first letter or digit), as [`sentence_count`] counts them.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    each_sentence(text, |at| starts.push(at));
    starts
}

/// Calls `start` with the byte where each sentence of `text` starts (see [`sentence_count`]).
fn each_sentence(text: &str, mut start: impl FnMut(usize)) {
    let bytes = text.as_bytes();
    let mut in_code = false;
    let mut words_since = false;
    let mut at = 0;
    while at < bytes.len() {
        // Inside code, only its end matters; after a word, only what may end a sentence or start code.
        if in_code {
            match memchr::memchr(b'`', &bytes[at..]) {
                Some(found) => at += found,
                None => break,
            }
        } else if words_since {
            while at < bytes.len() && !SENTENCE_MARK[usize::from(bytes[at])] {
                at += 1;
            }
            if at == bytes.len() {
                break;
            }
        }
        let lead = bytes[at];
        if lead == b'`' {
            in_code = !in_code;
            at += 1;
            continue;
        }
        // Outside ASCII, only two kinds of characters matter: the first letter after a sentence end, and the
        // enders (`…` and those of `ends_anywhere`, whose UTF-8 forms start with the bytes of `SENTENCE_MARK`).
        if in_code || (lead >= 0x80 && words_since && !SENTENCE_MARK[usize::from(lead)]) {
            at += utf8_len(lead);
            continue;
        }
        let c = match lead {
            0..0x80 => lead as char,
            _ => text[at..].chars().next().unwrap_or(' '),
        };
        let next_at = at + c.len_utf8();
        if !words_since && is_alphanumeric(c) {
            words_since = true;
            start(at);
        }
        let full_width = ends_anywhere(c);
        let ends = matches!(c, '.' | '!' | '?' | '…') && {
            let next = text[next_at..].chars().next();
            next.is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '»' | '”' | ')' | '’'))
        };
        if (ends || full_width)
            && words_since
            && (!(c == '.' && abbreviation(&text[..at])) || full_width)
        {
            words_since = false;
        }
        at = next_at;
    }
}

/// Whether the word a dot ends (`text` is what comes before the dot) is an abbreviation of one-letter parts (`e.g.`,
/// `i.e.`, `M.`), which does not end a sentence. A dotted name (`Node.js.`, `x.yaml.`) at a sentence's end ends it.
fn abbreviation(text: &str) -> bool {
    let mut letters = 0;
    for b in text.chars().rev() {
        if b == '.' {
            if letters > 1 {
                return false;
            }
            letters = 0;
        } else if is_alphanumeric(b) {
            letters += 1;
        } else {
            break;
        }
    }
    letters == 1
}

/// Words that read as names whatever the language: a capital after the first word of a sentence, or a capital or
/// digit inside the word (`Kubernetes`, `GitHub`, `K8s`). The first word of each sentence is skipped.
pub fn proper_names(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // A name has a capital: only the words around a byte that may start one are read (in most prose, a few words
    // of each sentence; in scripts without case, none).
    let mut from = 0;
    while let Some(found) = bytes[from..]
        .iter()
        .position(|&b| MAY_BE_UPPER[usize::from(b)])
    {
        let hit = from + found;
        // Lead bytes of cased characters lead some whitespace too (U+00A0, U+2003…).
        let space = whitespace_len(bytes, hit);
        if space > 0 {
            from = hit + space;
            continue;
        }
        let mut start = hit;
        while let Some(c) = text[..start].chars().next_back()
            && !c.is_whitespace()
        {
            start -= c.len_utf8();
        }
        let end = word_end(bytes, hit);
        let raw = &text[start..end];
        // The word before ends a sentence, or there is none.
        let sentence_start = text[..start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '。'));
        // Most words are ASCII: read as bytes, without decoding characters.
        let name = match raw.is_ascii() {
            true => ascii_name(raw, sentence_start),
            false => name(raw, sentence_start),
        };
        if let Some(word) = name {
            out.push(word.to_owned());
        }
        from = end;
    }
    out
}

/// The bytes that may start an uppercase character: ASCII capitals, and the lead bytes of UTF-8 forms but those of
/// U+05C0 to U+0FFF, U+3000 to U+9FFF and U+B000 to U+DFFF, ranges without letter case (the test
/// `caseless_lead_bytes_start_no_capital` reads every character of them).
const MAY_BE_UPPER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'A'..=b'Z' | 0xC2..=0xD6 | 0xE1 | 0xE2 | 0xEA | 0xEE..=0xF4);
        b += 1;
    }
    table
};

/// The name a word (between whitespace) reads as, if it reads as one ([`proper_names`]).
fn name(raw: &str, sentence_start: bool) -> Option<&str> {
    let word = raw.trim_matches(|c: char| !is_alphanumeric(c));
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(is_upper);
    // Cheap tests first: most words are lowercase and not names.
    let long = chars.next().is_some();
    (long
        && ((capital && !sentence_start)
            || (word.chars().skip(1).any(is_upper) && word.chars().any(is_lower))))
    .then_some(word)
}

/// [`name`] of an ASCII word.
fn ascii_name(raw: &str, sentence_start: bool) -> Option<&str> {
    let word = raw.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let bytes = word.as_bytes();
    let capital = bytes.first().is_some_and(u8::is_ascii_uppercase);
    (bytes.len() > 1
        && ((capital && !sentence_start)
            || (bytes[1..].iter().any(u8::is_ascii_uppercase)
                && bytes.iter().any(u8::is_ascii_lowercase))))
    .then_some(word)
}

/// How alike a source block and a translation block are, 0 to 1, given the page's translation length ratio.
pub fn similarity(a: &BlockShape, b: &BlockShape, ratio: f32) -> f32 {
    if a.kind != b.kind {
        return 0.0;
    }
    let tokens = dice(&a.tokens, &b.tokens);
    let length = if a.chars == 0 && b.chars == 0 {
        1.0
    } else {
        let r = b.chars.max(1) as f32 / (a.chars.max(1) as f32 * ratio.max(0.05));
        r.min(1.0 / r)
    };
    let sentences = if a.sentences == 0 && b.sentences == 0 {
        1.0
    } else {
        a.sentences.min(b.sentences) as f32 / a.sentences.max(b.sentences) as f32
    };
    0.5 * tokens + 0.3 * length + 0.2 * sentences
}

/// Order-keeping alignment of a source section's blocks with its translation's: (source index, translation index).
/// Same kinds in the same order pair one for one; otherwise the alignment maximises similarity.
pub fn align(
    source: &[&BlockShape],
    translation: &[&BlockShape],
    ratio: f32,
) -> Vec<(usize, usize)> {
    let (n, m) = (source.len(), translation.len());
    if n == m
        && source
            .iter()
            .zip(translation)
            .all(|(a, b)| a.kind == b.kind)
    {
        return (0..n).map(|k| (k, k)).collect();
    }
    crate::drift::align::order_keeping(n, m, |i, j| {
        similarity(source[i], translation[j], ratio) - THRESHOLD
    })
}

/// How one block of a source section changed between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockChange {
    Unchanged { old: usize, new: usize },
    Modified { old: usize, new: usize },
    Added { new: usize },
    Removed { old: usize },
}

/// On a site whose translations have slugs of their own (`en/getting-started.md` ⇄ `fr/bien-demarrer.md`), the
/// name of each source page's translation, for one language: a link to `…/getting-started.html` in the source reads
/// as `…/bien-demarrer.html` in the translation. Names are the last segment of a page's path without its extension
/// (the folder's name for an index page), lowercased; only names that differ, and only source names that lead to one
/// translation name, are kept.
#[derive(Debug, Clone, Default)]
pub struct LinkTwins {
    names: std::collections::HashMap<String, String>,
    /// A fingerprint of the names, computed once: part of every verdict's cache key.
    fingerprint: u64,
}

impl LinkTwins {
    /// From (source path, translation path) pairs of one language.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut names: std::collections::HashMap<String, Option<String>> =
            std::collections::HashMap::new();
        for (source, translation) in pairs {
            // Most sites keep their sources' file names: those pairs are passed over without building names.
            let file = |path: &'a str| path.rsplit('/').next().unwrap_or(path);
            let index = |name: &str| {
                let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
                ["index", "_index", "readme"].contains(&stem.as_str())
            };
            if file(source) == file(translation) && !index(file(source)) {
                continue;
            }
            let (Some(s), Some(t)) = (page_name(source), page_name(translation)) else {
                continue;
            };
            if s == t {
                continue;
            }
            names
                .entry(s)
                .and_modify(|known| {
                    if known.as_deref() != Some(t.as_str()) {
                        *known = None;
                    }
                })
                .or_insert(Some(t));
        }
        let names: std::collections::HashMap<String, String> = names
            .into_iter()
            .filter_map(|(s, t)| Some((s, t?)))
            .collect();
        let mut all: Vec<(&String, &String)> = names.iter().collect();
        all.sort_unstable();
        let joined: Vec<u8> = all
            .iter()
            .flat_map(|(s, t)| [s.as_bytes(), b"\0", t.as_bytes(), b"\n"].concat())
            .collect();
        let fingerprint = crate::util::hash::fingerprint(&[&joined]);
        LinkTwins { names, fingerprint }
    }

    /// No names: a site whose translations keep their sources' names, or a language without pairs.
    pub fn none() -> &'static LinkTwins {
        static NONE: std::sync::OnceLock<LinkTwins> = std::sync::OnceLock::new();
        NONE.get_or_init(LinkTwins::default)
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// A fingerprint of the names, for cache keys (0 without names).
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The name the translation of the page `target` links to, when its name differs.
    fn twin(&self, target: &str) -> Option<&str> {
        self.names.get(&page_name(target)?).map(String::as_str)
    }
}

/// The name of the page a path or link target names: its last segment without query, fragment, extension or trailing
/// slash, lowercased; an index page (`index`, `_index`, `readme`) is named by its folder.
pub fn page_name(target: &str) -> Option<String> {
    let path = target.split(['#', '?']).next().unwrap_or("");
    let mut segments = path.split('/').filter(|s| !s.is_empty()).rev();
    let strip = |segment: &str| -> String {
        let lower = segment.to_ascii_lowercase();
        match lower.rsplit_once('.') {
            Some((stem, ext)) if ["md", "mdx", "markdown", "html", "htm"].contains(&ext) => {
                stem.to_owned()
            }
            _ => lower,
        }
    };
    let mut name = strip(segments.next()?);
    if ["index", "_index", "readme"].contains(&name.as_str()) {
        name = strip(segments.next()?);
    }
    (!name.is_empty()).then_some(name)
}

/// Whether a source block's change is already in the translation block aligned with it: between the two versions only
/// link or image targets changed (the text reads the same), and the translation already links to every new target and
/// to none of those that went (a page renamed, its links updated on both sides, the translation first). Targets are
/// compared normalised (the translation's language segment dropped); on a site with translated slugs, a link to the
/// translation of the new target's page counts as the new target ([`LinkTwins`]).
pub fn change_in_translation(
    old: &Block,
    new: &Block,
    translation: &Block,
    twins: &LinkTwins,
) -> bool {
    target_change(old, new)
        .is_some_and(|(came, went)| followed(&came, &went, &targets(translation.features()), twins))
}

/// Whether a modified source section's change is already in the translation's matching section: every block that
/// changed changed only its link or image targets (none added or removed), and the translation section already has
/// every new target and none of those that went. [`change_in_translation`] for a whole section, without aligning
/// blocks (so `status` can say it cheaply).
///
/// A heading the source removed, its section's text now the page's opening (`## What it is` dropped from every
/// page of a glossary), is already in a translation whose matching section has no heading either: it never had it.
pub fn section_change_in_translation(
    old: &Section,
    new: &Section,
    translation: &Section,
    twins: &LinkTwins,
) -> bool {
    let heading_gone = old.level > 0 && new.level == 0;
    if heading_gone && translation.level > 0 {
        return false;
    }
    let (mut came, mut went) = (Vec::new(), Vec::new());
    for change in version_changes(&old.blocks, &new.blocks) {
        match change {
            BlockChange::Unchanged { .. } => {}
            BlockChange::Modified { old: o, new: n } => {
                let Some((c, w)) = target_change(&old.blocks[o], &new.blocks[n]) else {
                    return false;
                };
                came.extend(c);
                went.extend(w);
            }
            BlockChange::Added { .. } | BlockChange::Removed { .. } => return false,
        }
    }
    if heading_gone && came.is_empty() && went.is_empty() {
        return true;
    }
    followed(&came, &went, &targets(translation.features()), twins)
}

/// The link and image targets that came and went between two versions of a block, when its text reads the same
/// once targets are set aside; `None` when the words changed.
fn target_change(old: &Block, new: &Block) -> Option<(Vec<String>, Vec<String>)> {
    if plain_text(&old.norm) != plain_text(&new.norm) {
        return None;
    }
    let (was, now) = (targets(old.features()), targets(new.features()));
    Some((multiset_minus(&now, &was), multiset_minus(&was, &now)))
}

/// Whether targets changed (some came or went) and a translation with the targets `there` already follows them: it
/// has every one that came (or a link to the translation of its page) and none that went (nor a link to the
/// translation of its page, unless that is also the new one's: a typo fixed in a link to the same page). A target
/// that came as the typo fix of one that went ([`typo_fixed`]) needs nothing from a translation that never linked the
/// misspelt name: its link to that page is its own.
fn followed(came: &[String], went: &[String], there: &[String], twins: &LinkTwins) -> bool {
    let links_to = |name: &str| there.iter().any(|t| page_name(t).as_deref() == Some(name));
    let came_twins: Vec<&str> = came.iter().filter_map(|t| twins.twin(t)).collect();
    // The misspelt page's name anywhere in the translation (under its own language's folder too) is the typo copied.
    let fixes_a_typo = |t: &str| {
        went.iter()
            .any(|w| typo_fixed(w, t) && !page_name(w).is_some_and(|name| links_to(&name)))
    };
    !(came.is_empty() && went.is_empty())
        && came
            .iter()
            .all(|t| there.contains(t) || twins.twin(t).is_some_and(links_to) || fixes_a_typo(t))
        && !went.iter().any(|t| {
            there.contains(t)
                || twins
                    .twin(t)
                    .is_some_and(|name| !came_twins.contains(&name) && links_to(name))
        })
}

/// Whether `fixed` is `was` with a typo fixed in its page's name: the two differ by one edit in the last path segment
/// (a letter added, dropped or replaced, or two neighbours swapped), in a name of at least six characters. Digits never
/// count (`v1.png` → `v2.png` is another picture, `1.2` → `1.3` another version), nor two edits (`kubectl-apply` →
/// `kubectl-apps` is another page).
fn typo_fixed(was: &str, fixed: &str) -> bool {
    let (a, b) = (was.as_bytes(), fixed.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let letters = |mid: &[u8]| mid.iter().all(u8::is_ascii_alphabetic);
    let one_edit = match (mid_a, mid_b) {
        ([], [_]) | ([_], []) | ([_], [_]) => true,
        ([x, y], [z, w]) => x == w && y == z,
        _ => false,
    };
    // The change lies in the page's name: no `/` after it but a trailing one, no query or fragment before it.
    let path_end = a[prefix..]
        .iter()
        .position(|c| matches!(c, b'#' | b'?'))
        .map_or(a.len(), |at| prefix + at);
    let in_name = !a[prefix..path_end]
        .strip_suffix(b"/")
        .unwrap_or(&a[prefix..path_end])
        .contains(&b'/')
        && !a[..prefix].iter().any(|c| matches!(c, b'#' | b'?'));
    was != fixed
        && one_edit
        && letters(mid_a)
        && letters(mid_b)
        && in_name
        && page_name(fixed).is_some_and(|name| name.len() >= 6)
}

/// Link and image targets, sorted.
fn targets(f: &crate::markdown::document::Features) -> Vec<String> {
    let mut all: Vec<String> = f.links.iter().chain(&f.images).cloned().collect();
    all.sort_unstable();
    all
}

/// Items of sorted `a` not in sorted `b`, as multisets.
fn multiset_minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut j = 0;
    for item in a {
        while j < b.len() && b[j] < *item {
            j += 1;
        }
        if j < b.len() && b[j] == *item {
            j += 1;
        } else {
            out.push(item.clone());
        }
    }
    out
}

/// The blocks of two versions of a section, matched by normalised text: equal runs are unchanged; within a changed
/// run, blocks of the same kind pair in order as modified, the rest are added or removed. In the new version's
/// order, removed blocks where they were.
pub fn version_changes(old: &[Block], new: &[Block]) -> Vec<BlockChange> {
    let a: Vec<&str> = old.iter().map(|b| b.norm.as_str()).collect();
    let b: Vec<&str> = new.iter().map(|b| b.norm.as_str()).collect();
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Patience, &a, &b) {
        match op {
            similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => out.extend((0..len).map(|k| BlockChange::Unchanged {
                old: old_index + k,
                new: new_index + k,
            })),
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => {
                out.extend((old_index..old_index + old_len).map(|old| BlockChange::Removed { old }))
            }
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => out.extend((new_index..new_index + new_len).map(|new| BlockChange::Added { new })),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let (mut o, mut n) = (old_index, new_index);
                let (old_end, new_end) = (old_index + old_len, new_index + new_len);
                while o < old_end || n < new_end {
                    if o < old_end && n < new_end && old[o].kind == new[n].kind {
                        out.push(BlockChange::Modified { old: o, new: n });
                        o += 1;
                        n += 1;
                    } else if o < old_end
                        && (n >= new_end || !new[n..new_end].iter().any(|b| b.kind == old[o].kind))
                    {
                        out.push(BlockChange::Removed { old: o });
                        o += 1;
                    } else {
                        out.push(BlockChange::Added { new: n });
                        n += 1;
                    }
                }
            }
        }
    }
    out
}

/// [`version_changes`] for the reviewer's view: in a run of changed blocks with more blocks on one side than on the
/// other, blocks of the same kind pair by the words they share, not in order, when each block of the shorter side
/// shares at least half its words (or the other's) with one. Three paragraphs made two (the first two joined,
/// a word changed in the third) paired the second old paragraph with the third new one: the second translated
/// paragraph was "to update" beside another's text and the third "to remove". (Verdicts are not concerned: such a
/// run has blocks added or removed however it pairs.)
pub fn review_changes(old: &[Block], new: &[Block]) -> Vec<BlockChange> {
    let changes = version_changes(old, new);
    let mut out = Vec::with_capacity(changes.len());
    let mut k = 0;
    while k < changes.len() {
        let start = k;
        while k < changes.len() && !matches!(changes[k], BlockChange::Unchanged { .. }) {
            k += 1;
        }
        if start == k {
            out.push(changes[k]);
            k += 1;
            continue;
        }
        let run = &changes[start..k];
        let (olds, news) = (run_blocks(run, Side::Old), run_blocks(run, Side::New));
        if olds.len() == news.len()
            || olds.is_empty()
            || news.is_empty()
            || olds.len() * news.len() > REPAIR_CELLS
        {
            out.extend_from_slice(run);
            continue;
        }
        let pairs = crate::drift::align::order_keeping(olds.len(), news.len(), |i, j| {
            let (a, b) = (&old[olds.start + i], &new[news.start + j]);
            match a.kind == b.kind {
                true => shared_words(a, b) - SHARED_ENOUGH,
                false => -1.0,
            }
        });
        // Only when every block of the shorter side finds its own: a section rewritten shares a few words here and
        // there, and pairs by kind in order are as good a guess.
        if pairs.len() < olds.len().min(news.len()) {
            out.extend_from_slice(run);
            continue;
        }
        let (mut o, mut n) = (olds.start, news.start);
        for (i, j) in pairs {
            let (i, j) = (olds.start + i, news.start + j);
            out.extend((o..i).map(|old| BlockChange::Removed { old }));
            out.extend((n..j).map(|new| BlockChange::Added { new }));
            out.push(BlockChange::Modified { old: i, new: j });
            (o, n) = (i + 1, j + 1);
        }
        out.extend((o..olds.end).map(|old| BlockChange::Removed { old }));
        out.extend((n..news.end).map(|new| BlockChange::Added { new }));
    }
    out
}

/// Below this share of its words found in the other block, a block is not paired with it in [`review_changes`].
const SHARED_ENOUGH: f32 = 0.5;

/// Most pairs of blocks [`review_changes`] compares in one run (past it, the run pairs by kind in order).
const REPAIR_CELLS: usize = 400;

/// How much of the smaller of two blocks' texts the other has, word for word (0 to 1): a block joined into another
/// shares all its words with it.
fn shared_words(a: &Block, b: &Block) -> f32 {
    if plain_text(&a.norm).trim().is_empty() || plain_text(&b.norm).trim().is_empty() {
        return 0.0;
    }
    let (matched, words_a, words_b) = words_in_common(&a.norm, &b.norm);
    matched as f32 / words_a.min(words_b).max(1) as f32
}

/// The words two texts have in common in the same order, and how many words each has, read without case and the
/// punctuation around them. Words only: counted with the
/// spaces between them (`similar`'s word diff makes them tokens too, all alike), a paragraph that gained a sentence
/// and an unrelated one removed beside it read as joined.
fn words_in_common(a: &str, b: &str) -> (usize, usize, usize) {
    // A sentence joined to another loses its capital or its full stop (`manager.` `Then` → `manager, then`).
    let words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let matched = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b)
        .iter()
        .map(|op| match *op {
            similar::DiffOp::Equal { len, .. } => len,
            _ => 0,
        })
        .sum();
    (matched, a.len(), b.len())
}

/// A modified block and the blocks around it that the source joined into it (removed ones) or split from it (added
/// ones), any number of them: one change for the reviewer, beside the translation of all its old blocks. Paragraphs
/// joined or split with a word changed, a list made of one item's sentences, and a `<details>` element whose inner
/// blank lines a formatter took out (its summary, paragraphs, list items and closing tag, six blocks, became one HTML
/// block) were one block modified and the others removed or added: the translator was told to remove or insert text
/// the translation already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    /// The modified block's change (an index into the changes).
    pub lead: usize,
    /// The changes it stands for, the lead's among them: a run of changes.
    pub changes: std::ops::Range<usize>,
    /// Its blocks at the sync point and now.
    pub old: std::ops::Range<usize>,
    pub new: std::ops::Range<usize>,
}

/// Least word similarity (0 to 1) between the blocks joined or split and the one block they are in the other version.
const MERGE_SIMILARITY: f32 = 0.8;

/// Most blocks joined to, or split from, one block (a bound on the work in a section rewritten from end to end).
const MERGE_REACH: usize = 32;

/// The merges among a section's block changes ([`version_changes`] of `old` and `new`, each version with the text its
/// spans index): for each modified block, the run of removed blocks around it (or of added ones) whose text, read
/// with its own, becomes the text of the one block on the other side. The run grows one block at a time, on the
/// side that makes the two texts most alike, while they get more alike; it is kept when they end at least
/// [`MERGE_SIMILARITY`] alike (word for word). Blocks without words at its edges (a closing `</details>`) join it
/// when the one block holds their text as they wrote it. A block is part of one merge at most.
pub fn merges(
    changes: &[BlockChange],
    (old_text, old): (&str, &[Block]),
    (new_text, new): (&str, &[Block]),
) -> Vec<Merge> {
    let mut claimed = vec![false; changes.len()];
    let mut out = Vec::new();
    for (k, change) in changes.iter().enumerate() {
        let BlockChange::Modified { old: o, new: n } = *change else {
            continue;
        };
        if claimed[k] {
            continue;
        }
        let joined = grow(
            changes,
            k,
            &claimed,
            (old_text, old),
            (new_text, &new[n]),
            Side::Old,
        );
        let split = grow(
            changes,
            k,
            &claimed,
            (new_text, new),
            (old_text, &old[o]),
            Side::New,
        );
        let best = match (joined, split) {
            (Some(j), Some(s)) => Some(if s.1 > j.1 { s.0 } else { j.0 }),
            (one, other) => one.or(other).map(|(run, _)| run),
        };
        let Some(run) = best else {
            continue;
        };
        for c in run.clone() {
            claimed[c] = true;
        }
        out.push(Merge {
            lead: k,
            changes: run.clone(),
            old: run_blocks(&changes[run.clone()], Side::Old),
            new: run_blocks(&changes[run.clone()], Side::New),
        });
    }
    out
}

/// The blocks a run of changes holds on `side`, first to last.
fn run_blocks(run: &[BlockChange], side: Side) -> std::ops::Range<usize> {
    let indices: Vec<usize> = run
        .iter()
        .filter_map(|c| match (side, *c) {
            (Side::Old, BlockChange::Modified { old, .. } | BlockChange::Removed { old }) => {
                Some(old)
            }
            (Side::New, BlockChange::Modified { new, .. } | BlockChange::Added { new }) => {
                Some(new)
            }
            _ => None,
        })
        .collect();
    let first = indices.iter().min().copied().unwrap_or(0);
    first..indices.iter().max().map_or(first, |last| last + 1)
}

/// Of blocks joined into one (`parts`, in order) whose text is now `joined` (the new blocks' normalised texts), the
/// index of the first part a word changed in (the first that differs, read word for word); `None` when none did.
pub fn first_changed<'a>(parts: &[Block], joined: impl Iterator<Item = &'a str>) -> Option<usize> {
    let old: Vec<&str> = parts.iter().map(|b| b.norm.as_str()).collect();
    let old = old.join(" ");
    let new: Vec<&str> = joined.collect();
    let new = new.join(" ");
    let diff = similar::TextDiff::from_words(old.as_str(), new.as_str());
    let op = diff
        .ops()
        .iter()
        .find(|op| op.tag() != similar::DiffTag::Equal)?;
    // The byte the change starts at in the parts' text, and the part it falls in (a change at a part's end, a
    // word appended to it, is that part's).
    let at: usize = (0..op.old_range().start)
        .filter_map(|k| diff.old_slice(k))
        .map(|t| t.len())
        .sum();
    let mut end = 0;
    for (k, part) in parts.iter().enumerate() {
        end += part.norm.len();
        if at <= end {
            return Some(k);
        }
        end += 1;
    }
    parts.len().checked_sub(1)
}

/// The version whose blocks a merge gathers: the old one for blocks joined, the new one for a block split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

/// The run of changes around modified change `k` whose blocks on `side` (removed or added ones, and the modified
/// one) read together as `one`, the block they are on the other side, and how alike they read; `None` when no
/// other block belongs with it ([`merges`]).
fn grow(
    changes: &[BlockChange],
    k: usize,
    claimed: &[bool],
    (text, blocks): (&str, &[Block]),
    (one_text, one): (&str, &Block),
    side: Side,
) -> Option<(std::ops::Range<usize>, f32)> {
    // The block of change `c` on `side`, when it is one that can belong to the merge.
    let member = |c: usize| -> Option<usize> {
        if claimed.get(c).copied().unwrap_or(true) {
            return None;
        }
        match (side, changes.get(c)?) {
            (Side::Old, BlockChange::Removed { old }) => Some(*old),
            (Side::New, BlockChange::Added { new }) => Some(*new),
            _ => None,
        }
    };
    let lead = match (side, changes[k]) {
        (Side::Old, BlockChange::Modified { old, .. }) => old,
        (Side::New, BlockChange::Modified { new, .. }) => new,
        _ => return None,
    };
    let alike = |first: usize, last: usize| -> f32 {
        let words: Vec<&str> = blocks[first..=last]
            .iter()
            .map(|b| b.norm.as_str())
            .collect();
        let (matched, many, one) = words_in_common(&words.join(" "), &one.norm);
        2.0 * matched as f32 / (many + one).max(1) as f32
    };
    // Changes `from..=to`, blocks `first..=last`.
    let (mut from, mut to, mut first, mut last) = (k, k, lead, lead);
    let mut best = alike(first, last);
    let before = |from: usize, first: usize| {
        let c = from.checked_sub(1)?;
        member(c).filter(|&b| b + 1 == first).map(|b| (c, b))
    };
    let after = |to: usize, last: usize| {
        member(to + 1)
            .filter(|&b| b == last + 1)
            .map(|b| (to + 1, b))
    };
    while to - from < MERGE_REACH {
        let left = before(from, first).map(|(c, b)| (c, b, alike(b, last)));
        let right = after(to, last).map(|(c, b)| (c, b, alike(first, b)));
        match (left, right) {
            (Some((c, b, r)), right)
                if r > best && right.is_none_or(|(_, _, other)| r >= other) =>
            {
                (from, first, best) = (c, b, r);
            }
            (_, Some((c, b, r))) if r > best => (to, last, best) = (c, b, r),
            _ => break,
        }
    }
    if from == to || best < MERGE_SIMILARITY {
        return None;
    }
    // Blocks without words at the edges (a closing tag), when the one block has them as written.
    fn raw<'t>(text: &'t str, block: &Block) -> &'t str {
        text.get(block.span.clone()).unwrap_or("")
    }
    let one_raw = raw(one_text, one);
    let markup = |b: usize| {
        let block = &blocks[b];
        let raw = raw(text, block).trim();
        plain_text(&block.norm).trim().is_empty() && !raw.is_empty() && one_raw.contains(raw)
    };
    while let Some((c, b)) = before(from, first).filter(|&(_, b)| markup(b)) {
        (from, first) = (c, b);
    }
    while let Some((c, b)) = after(to, last).filter(|&(_, b)| markup(b)) {
        (to, last) = (c, b);
    }
    Some((from..to + 1, best))
}

/// The median of some ratios (`None` when there are none).
pub fn median(values: &[f32]) -> Option<f32> {
    let mut sorted: Vec<f32> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f32::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::document::{SiteContext, parse};

    // The first, character-by-character forms of the three measures (the abbreviation rule shared): the faster ones
    // must agree with them.

    /// A normalised block's text for reading: link targets and image sources dropped, inline code kept, markup
    /// characters dropped.
    fn plain_text_reference(norm: &str) -> String {
        let mut out = String::with_capacity(norm.len());
        let mut chars = norm.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                ']' if chars.peek() == Some(&'(') => {
                    // Skip the target.
                    let mut depth = 0;
                    for c in chars.by_ref() {
                        match c {
                            '(' => depth += 1,
                            ')' => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                '[' | '*' | '_' | '~' | '!' => {}
                _ => out.push(c),
            }
        }
        out
    }

    /// Sentences in a text: runs ended by `.`, `!`, `?`, `…` (or their full-width forms) followed by a space or the end;
    /// a final run without one counts too. Decimal points, versions and file names (`1.28`, `x.yaml`) do not end
    /// sentences; inline code is skipped.
    fn sentence_count_reference(text: &str) -> usize {
        let mut count = 0;
        let mut in_code = false;
        let mut words_since = false;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c == '`' {
                in_code = !in_code;
            } else if !in_code {
                // Only the first letter after a sentence end needs the (slow, outside ASCII) Unicode lookup.
                if !words_since && c.is_alphanumeric() {
                    words_since = true;
                }
                let full_width = ends_anywhere(c);
                let ends = matches!(c, '.' | '!' | '?' | '…') && {
                    let next = chars.peek().map(|&(_, n)| n);
                    next.is_none_or(|n| {
                        n.is_whitespace() || matches!(n, '"' | '»' | '”' | ')' | '’')
                    })
                };
                if (ends || full_width)
                    && words_since
                    && (!(c == '.' && abbreviation(&text[..at])) || full_width)
                {
                    count += 1;
                    words_since = false;
                }
            }
        }
        if words_since {
            count += 1;
        }
        count
    }

    /// Words that read as names whatever the language: a capital after the first word of a sentence, or a capital or
    /// digit inside the word (`Kubernetes`, `GitHub`, `K8s`). The first word of each sentence is skipped.
    fn proper_names_reference(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut sentence_start = true;
        for raw in text.split_whitespace() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let mut chars = word.chars();
            let first = chars.next();
            let capital = first.is_some_and(char::is_uppercase);
            // Cheap tests first: most words are lowercase and not names.
            let long = chars.next().is_some();
            if long
                && ((capital && !sentence_start)
                    || (word.chars().skip(1).any(char::is_uppercase)
                        && word.chars().any(char::is_lowercase)))
            {
                out.push(word.to_owned());
            }
            sentence_start = raw.ends_with(['.', '!', '?', ':', '。']);
        }
        out
    }

    #[test]
    fn measures_agree_with_their_plain_forms() {
        let texts = [
            "Run `kubectl apply -f x.yaml`. Then see [the docs](https://k8s.io/docs/(v1)) and ![a](b.png)!",
            "e.g. this is M. Dupont. Version 1.28 is out… Really? Yes! (Done.)",
            "Kubernetes 는 컨테이너를 관리합니다. 자세한 내용은 GitHub 에서 확인하세요。 次に K8s を使う！ 本当？",
            "Un pod est l'unité de base. Le Kubelet l'exécute : voir « Nœud ». ÉTAT prêt; Ünïcödé Ωmega ωmega.",
            "पॉड Kubernetes में सबसे छोटी इकाई है। यह कंटेनर चलाता है.",
            "**Bold** _it_ ~~gone~~ [link](a) ] ( unclosed [x](y",
            "",
            "`unclosed code. With Names Inside",
            "ABC def GhI jKL. ＡＢＣ ｄｅｆ Ⓐbc ǅungla ᏣᎳᎩ ⴀ Ⴀ",
            "Plain prose without markup. Another sentence, then “quoted words” — and the end",
            "Code `a.b? c!` then. 「引用」。End… ‘Fin’ ! Ok ?",
            "lone ] bracket. And a ] ( here",
        ];
        for text in texts {
            let plain = plain_text(text);
            assert_eq!(plain, plain_text_reference(text), "{text}");
            assert_eq!(
                sentence_count(&plain),
                sentence_count_reference(&plain),
                "{plain}"
            );
            assert_eq!(
                sentence_count(text),
                sentence_count_reference(text),
                "{text}"
            );
            assert_eq!(
                proper_names(&plain),
                proper_names_reference(&plain),
                "{plain}"
            );
        }
    }

    #[test]
    fn caseless_lead_bytes_start_no_capital() {
        let mut read = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            if !MAY_BE_UPPER[usize::from(lead)] {
                assert!(!c.is_uppercase(), "U+{:04X}", c as u32);
                read += 1;
            }
        }
        // ASCII without its capitals, U+05C0 to U+07FF, U+0800 to U+0FFF, U+3000 to U+9FFF, U+B000 to U+D7FF (then
        // surrogates, which are no characters).
        assert_eq!(read, 128 - 26 + 0x240 + 0x800 + 0x7000 + 0x2800);
    }

    #[test]
    fn plain_forms_are_the_reference_s_in_any_text() {
        let alphabet = [
            "]", "[", "(", ")", "](", "*", "_", "~", "!", "a", "é", " ", "x.y", "`",
        ];
        for text in crate::util::random::texts(&alphabet, 16, 0x9e37_79b9_7f4a_7c15, 20_000) {
            assert_eq!(plain_text(&text), plain_text_reference(&text), "{text:?}");
        }
    }

    #[test]
    fn names_are_found_as_the_reference_finds_them_in_any_text() {
        let alphabet = [
            " ", "\u{A0}", "\u{3000}", "\n", "Ab", "ab", "aB", "K8s", "é", "Élan", "ǅ", "Ωm", "ω",
            ".", ":", "!", "。", "(", "»", "-", "猫", "1", "x",
        ];
        for text in crate::util::random::texts(&alphabet, 14, 0x9e37_79b9_7f4a_7c15, 20_000) {
            assert_eq!(
                proper_names(&text),
                proper_names_reference(&text),
                "{text:?}"
            );
        }
    }

    fn blocks(text: &str) -> Vec<Block> {
        let doc = parse(text, &SiteContext::default()).unwrap();
        doc.sections.into_iter().flat_map(|s| s.blocks).collect()
    }

    /// The first block of a page of an English and French site.
    fn one(text: &str) -> Block {
        let site = SiteContext {
            languages: vec!["en".into(), "fr".into()],
            ..SiteContext::default()
        };
        let doc = parse(text, &site).unwrap();
        doc.sections
            .into_iter()
            .flat_map(|s| s.blocks)
            .next()
            .unwrap()
    }

    #[test]
    fn a_change_of_link_targets_alone_can_already_be_in_the_translation() {
        let none = LinkTwins::default();
        let old = one("See the [queues](/queues/) page and ![a queue](/img/q.png).\n");
        let new = one("See the [queues](/message-queues/) page and ![a queue](/img/q.png).\n");
        let followed =
            one("Voir la page des [files](/fr/message-queues/) et ![une file](/img/q.png).\n");
        let behind = one("Voir la page des [files](/fr/queues/) et ![une file](/img/q.png).\n");
        let both =
            one("Voir [files](/fr/queues/) et [files](/fr/message-queues/) ![](/img/q.png).\n");
        assert!(change_in_translation(&old, &new, &followed, &none));
        assert!(!change_in_translation(&old, &new, &behind, &none));
        // The old target still there: not done.
        assert!(!change_in_translation(&old, &new, &both, &none));
        // The words changed too: the translation has to be read again.
        let reworded =
            one("Read the [queues](/message-queues/) page and ![a queue](/img/q.png).\n");
        assert!(!change_in_translation(&old, &reworded, &followed, &none));
        // Nothing changed in the targets: not a link change.
        assert!(!change_in_translation(&old, &old, &behind, &none));
        // An image replaced, the translation showing the new one.
        let img_old = one("![dashboard](/img/v1.png)\n");
        let img_new = one("![dashboard](/img/v2.png)\n");
        let img_fr = one("![tableau de bord](/img/v2.png)\n");
        assert!(change_in_translation(&img_old, &img_new, &img_fr, &none));
        assert!(!change_in_translation(
            &img_old,
            &img_new,
            &one("![tableau de bord](/img/v1.png)
"),
            &none
        ));
    }

    #[test]
    fn a_typo_fixed_in_a_source_link_made_a_translation_with_its_own_link_stale() {
        let none = LinkTwins::default();
        let old = one("See [the guide](/docs/en/experimental-approches.html).\n");
        let fixed = one("See [the guide](/docs/en/experimental-approaches.html).\n");
        // The French page links its own page (a name tandem cannot know: the page is on another site).
        let own = one("Voir [le guide](/docs/fr/approches-experimentales.html).\n");
        assert!(change_in_translation(&old, &fixed, &own, &none));
        // The French page copied the misspelt link (language segment apart): it has the typo to fix.
        let copied = one("Voir [le guide](/docs/fr/experimental-approches.html).\n");
        assert!(!change_in_translation(&old, &fixed, &copied, &none));
        // Another picture, another version, another page: not typos.
        let pic = |name: &str| one(&format!("![diagram]({name})\n"));
        let fr_pic = one("![schéma](/img/fr/diagram-v1.png)\n");
        assert!(!change_in_translation(
            &pic("/img/diagram-v1.png"),
            &pic("/img/diagram-v2.png"),
            &fr_pic,
            &none
        ));
        assert!(typo_fixed("/docs/en/recieve.html", "/docs/en/receive.html"));
        assert!(typo_fixed("/docs/colour-themes/", "/docs/color-themes/"));
        assert!(!typo_fixed("/docs/1.2/install/", "/docs/1.3/install/"));
        assert!(!typo_fixed("/docs/en/setup/", "/docs/en/setup/"));
        assert!(!typo_fixed("/docs/en/logs.html", "/docs/en/logz.html"));
        assert!(!typo_fixed("/docs/old/install/", "/docs/new/install/"));
        assert!(!typo_fixed("/docs/install#linux", "/docs/install#linus"));
        assert!(!typo_fixed("/docs/en/queues", "/docs/en/message-queues"));
        assert!(typo_fixed(
            "/tightly-coupled-architectures/",
            "/tightly-coupled-architecture/"
        ));
        assert!(!typo_fixed(
            "/docs/reference/kubectl-apply",
            "/docs/reference/kubectl-apps"
        ));
        assert!(!typo_fixed("/docs/en/setup-guide", "/docs/en/setup-guild"));
    }

    #[test]
    fn a_link_fixed_between_pages_with_translated_slugs_was_already_in_the_translation() {
        // The English page's link had a typo in the page's name, fixed; the French page links the French page,
        // whose own name differs: nothing to do in French. A link moved to another page still is.
        let twins = LinkTwins::from_pairs([
            (
                "en/reusable-components.md",
                "fr/composants-reutilisables.md",
            ),
            ("en/open-standards.md", "fr/normes-ouvertes.md"),
            ("en/index.md", "fr/index.md"),
        ]);
        let old = one("See [components](/docs/en/reusable-componets.html).\n");
        let fixed = one("See [components](/docs/en/reusable-components.html).\n");
        let fr = one("Voir [composants](/docs/fr/composants-reutilisables.html).\n");
        assert!(change_in_translation(&old, &fixed, &fr, &twins));
        // Without the names, the typo fix alone says so: the French link was never the misspelt one.
        assert!(change_in_translation(
            &old,
            &fixed,
            &fr,
            &LinkTwins::default()
        ));
        // Retargeted to another page: the French link, to the old page's translation, is to update.
        let was = one("See [components](/docs/en/reusable-components.html).\n");
        let moved = one("See [components](/docs/en/open-standards.html).\n");
        assert!(!change_in_translation(&was, &moved, &fr, &twins));
        let fr_moved = one("Voir [composants](/docs/fr/normes-ouvertes.html).\n");
        assert!(change_in_translation(&was, &moved, &fr_moved, &twins));
        assert_eq!(page_name("/docs/fr/x/_index.md#top").as_deref(), Some("x"));
        assert_eq!(
            page_name("https://example.org/a/B.html?q=1").as_deref(),
            Some("b")
        );
    }

    #[test]
    fn sentences_are_counted_across_scripts() {
        assert_eq!(sentence_count("One. Two! Three?"), 3);
        assert_eq!(
            sentence_count("Version 1.28 reads x.yaml, e.g. this one."),
            1
        );
        assert_eq!(sentence_count("Un. Deux"), 2);
        assert_eq!(sentence_starts("Un. Deux"), [0, 4]);
        assert_eq!(
            sentence_starts("`x.y` runs. Version 1.28, e.g. this.\n« Fin » ici."),
            [6, 12, 40]
        );
        assert_eq!(
            sentence_count("Built for one place (e.g. Linux). Portable now."),
            2
        );
        assert_eq!(sentence_count("これは一つ。これは二つ。"), 2);
        assert_eq!(sentence_count("Run `a. b. c.` now."), 1);
        // A dotted name ends a sentence; an abbreviation of one-letter parts does not.
        assert_eq!(sentence_count("It needs Node.js. See the guide."), 2);
        assert_eq!(sentence_count("Edit it, i.e. the file. Then save."), 2);
        // Arabic, Urdu, Hindi, Armenian, Ethiopic, Burmese and doubled marks.
        assert_eq!(sentence_count("هل هي محدّثة؟ هل هي قديمة؟"), 2);
        assert_eq!(sentence_count("یہ ایک ہے۔ یہ دو ہے۔"), 2);
        assert_eq!(sentence_count("अनुवाद अद्यतन है। यह पुराना नहीं है।"), 2);
        assert_eq!(sentence_count("এটি এক। এটি দুই॥"), 2);
        assert_eq!(sentence_count("Սա մեկն է։ Սա երկուսն է։"), 2);
        assert_eq!(sentence_count("ይህ አንድ ነው። ይህ ሁለት ነው።"), 2);
        assert_eq!(sentence_count("ဒါတစ်ခု။ ဒါနှစ်ခု။"), 2);
        assert_eq!(sentence_count("Really‼ Truly⁉ Yes｡"), 3);
        assert_eq!(sentence_count(""), 0);
    }

    #[test]
    fn proper_names_skip_sentence_starts() {
        assert_eq!(
            proper_names("Then Ada met GitHub and K8s. Later she left."),
            vec!["Ada", "GitHub", "K8s"]
        );
    }

    #[test]
    fn blocks_align_by_what_survives_translation() {
        let en = blocks(
            "First about Kubernetes 1.28.\n\nSecond with `kubectl` and a [link](/docs/x/).\n\nThird, about Ada Lovelace.\n",
        );
        // The translation lacks the second paragraph.
        let fr = blocks("D'abord Kubernetes 1.28.\n\nTroisième, sur Ada Lovelace.\n");
        let s: Vec<_> = en.iter().map(BlockShape::of).collect();
        let t: Vec<_> = fr.iter().map(BlockShape::of).collect();
        assert_eq!(align(&s, &t, 1.0), vec![(0, 0), (2, 1)]);
    }

    #[test]
    fn versions_change_block_by_block() {
        let old = blocks("One.\n\nTwo.\n\nThree.\n\n- a\n");
        let new = blocks("One.\n\nTwo, changed.\n\nThree.\n\nFour.\n\n- a\n");
        assert_eq!(
            version_changes(&old, &new),
            vec![
                BlockChange::Unchanged { old: 0, new: 0 },
                BlockChange::Modified { old: 1, new: 1 },
                BlockChange::Unchanged { old: 2, new: 2 },
                BlockChange::Added { new: 3 },
                BlockChange::Unchanged { old: 3, new: 4 },
            ]
        );
    }

    /// The merges of two versions of a section's text.
    fn merged(old: &str, new: &str) -> Vec<Merge> {
        let (a, b) = (
            parse(old, &SiteContext::default()).unwrap(),
            parse(new, &SiteContext::default()).unwrap(),
        );
        let (a, b) = (&a.sections[0].blocks, &b.sections[0].blocks);
        merges(&version_changes(a, b), (old, a), (new, b))
    }

    #[test]
    fn blocks_joined_or_split_are_one_change_whatever_their_number() {
        let three =
            "The first sentence is here.\n\nThe second one follows it.\n\nThe third ends it.\n";
        let one = "The first sentence is here. The second one follows it. The third closes it.\n";
        let joined = merged(three, one);
        assert_eq!(joined.len(), 1, "{joined:?}");
        assert_eq!((joined[0].old.clone(), joined[0].new.clone()), (0..3, 0..1));
        let split = merged(one, three);
        assert_eq!((split[0].old.clone(), split[0].new.clone()), (0..1, 0..3));
        // A paragraph removed beside one modified, its words nowhere in it: no merge.
        let apart = merged(
            "Keep this one.\n\nDrop this other paragraph entirely.\n",
            "Keep this one, changed.\n",
        );
        assert_eq!(apart, vec![]);
        // A paragraph that gained a sentence, an unrelated one removed beside it: no merge (the spaces between
        // words, counted as alike, made them read so).
        let gained = merged(
            "One two three four five six seven eight nine ten.\n\nUnrelated short bit.\n",
            "One two three four five six seven eight nine ten. Plus five more words here.\n",
        );
        assert_eq!(gained, vec![]);
        // A `<details>` element closed up: its closing tag, without words, goes with it.
        let open = "<details>\n<summary>Why?</summary>\n\nBecause it rains.\n\n- Twice a day.\n\n</details>\n";
        let closed =
            "<details>\n<summary>Why?</summary>\nBecause it snows.\n- Twice a day.\n</details>\n";
        let details = merged(open, closed);
        assert_eq!(details.len(), 1, "{details:?}");
        let old = parse(open, &SiteContext::default()).unwrap();
        assert_eq!(
            details[0].old,
            0..old.sections[0].blocks.len(),
            "{details:?}"
        );
    }

    #[test]
    fn three_blocks_made_two_pair_by_their_words() {
        let old =
            blocks("Install the tool first.\n\nThen run it once.\n\nCheck the logs for errors.\n");
        let new =
            blocks("Install the tool first. Then run it twice.\n\nCheck the logs for warnings.\n");
        // In order, the second old paragraph went with the third new one.
        assert_eq!(
            version_changes(&old, &new)[1],
            BlockChange::Modified { old: 1, new: 1 }
        );
        assert_eq!(
            review_changes(&old, &new),
            vec![
                BlockChange::Modified { old: 0, new: 0 },
                BlockChange::Removed { old: 1 },
                BlockChange::Modified { old: 2, new: 1 },
            ]
        );
        // A section rewritten, blocks sharing a word here and there: pairs stay in order.
        let rewritten = blocks("A whole new text.\n\nWith other words.\n");
        assert_eq!(
            review_changes(&old, &rewritten),
            version_changes(&old, &rewritten)
        );
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[1.0, 3.0, 2.0]), Some(2.0));
        assert_eq!(median(&[1.0, 2.0]), Some(1.5));
        assert_eq!(median(&[]), None);
    }
}
