//! Character classes asked of every character of every page. The alphanumeric class is the standard library's,
//! looked up once per run of 64 code points and kept in a table shared by the threads; letter case skips the lookup
//! in ASCII and in the scripts that have no case.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// Runs of 64 code points in the Basic Multilingual Plane (past it, the standard library is asked each time). A
/// page's characters fall in a few runs of each block it uses: a run is looked up only once a character of it is
/// asked about (each lookup is a search of the standard library's tables).
const RUNS: usize = 1024;

/// Per run: 0 not computed yet, 1 computed.
static COMPUTED: [AtomicU8; RUNS] = [const { AtomicU8::new(0) }; RUNS];
/// Per run, 64 bits: whether each code point is alphanumeric.
static ALPHANUMERIC: [AtomicU64; RUNS] = [const { AtomicU64::new(0) }; RUNS];

/// `c.is_alphanumeric()`, with its answers kept. ASCII is answered in line (most characters asked are).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\x7F' => c.is_ascii_alphanumeric(),
        _ => kept_alphanumeric(c),
    }
}

/// [`is_alphanumeric`] past ASCII.
#[inline(never)]
fn kept_alphanumeric(c: char) -> bool {
    let code = c as usize;
    let run = code >> 6;
    if run >= RUNS {
        return c.is_alphanumeric();
    }
    // Two threads may compute the same run: they write the same bits.
    if COMPUTED[run].load(Ordering::Acquire) == 0 {
        let mut bits = 0u64;
        for bit in 0..64 {
            let point = (run << 6 | bit) as u32;
            if char::from_u32(point).is_some_and(char::is_alphanumeric) {
                bits |= 1 << bit;
            }
        }
        ALPHANUMERIC[run].store(bits, Ordering::Relaxed);
        COMPUTED[run].store(1, Ordering::Release);
    }
    ALPHANUMERIC[run].load(Ordering::Relaxed) >> (code & 63) & 1 == 1
}

/// Whether a script has no letter case at all: these blocks cover Hebrew to Myanmar, and the CJK, kana, Yi and Hangul
/// blocks (the test `caseless_blocks_have_no_case` checks every character of them).
fn caseless(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{109F}' | '\u{3040}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}')
}

/// `c.is_uppercase()`, answered without a lookup in ASCII and in scripts without case.
pub fn is_upper(c: char) -> bool {
    match c {
        '\0'..='\x7F' => c.is_ascii_uppercase(),
        _ => !caseless(c) && c.is_uppercase(),
    }
}

/// `c.is_lowercase()`, answered without a lookup in ASCII and in scripts without case.
pub fn is_lower(c: char) -> bool {
    match c {
        '\0'..='\x7F' => c.is_ascii_lowercase(),
        _ => !caseless(c) && c.is_lowercase(),
    }
}

/// The bytes that can start a whitespace character in UTF-8: ASCII's six, and the lead bytes of U+0085, U+00A0,
/// U+1680, U+2000 to U+205F and U+3000.
pub const WHITESPACE_LEAD: [bool; 256] = byte_set(b" \t\n\r\x0B\x0C\xC2\xE1\xE2\xE3");

/// A table of 256 answers: whether a byte is one of `bytes`.
pub const fn byte_set(mut bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    while let [byte, rest @ ..] = bytes {
        table[*byte as usize] = true;
        bytes = rest;
    }
    table
}

/// The length of the whitespace character at `at` (0: not whitespace), for a byte in [`WHITESPACE_LEAD`].
#[inline]
pub fn whitespace_len(bytes: &[u8], at: usize) -> usize {
    let next = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
    match bytes[at] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 if matches!(next(1), 0x85 | 0xA0) => 2,
        0xE1 if next(1) == 0x9A && next(2) == 0x80 => 3,
        0xE2 if next(1) == 0x80 && matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if next(1) == 0x81 && next(2) == 0x9F => 3,
        0xE3 if next(1) == 0x80 && next(2) == 0x80 => 3,
        _ => 0,
    }
}

/// `text.chars().filter(|c| !c.is_whitespace()).count()`, counted over bytes: the bytes that start a character and
/// are not ASCII whitespace, less the wider whitespace characters, looked for at their lead bytes only.
pub fn non_whitespace_chars(text: &str) -> usize {
    // Counted in bytes a chunk of 255 at a time: a byte-wide count is one the compiler makes 32 lanes wide (a
    // word-wide one was 4).
    let counted: usize = text
        .as_bytes()
        .chunks(255)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| {
                n + u8::from((b as i8) >= -0x40 && b != b' ' && !(0x09..=0x0D).contains(&b))
            });
            usize::from(n)
        })
        .sum();
    counted - wide_whitespace(text).count()
}

/// `text.split_whitespace()`, read over bytes: a character is decoded only where a byte may start a whitespace
/// character past ASCII.
pub fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && WHITESPACE_LEAD[usize::from(bytes[at])] {
            match whitespace_len(bytes, at) {
                0 => break,
                len => at += len,
            }
        }
        if at == bytes.len() {
            return None;
        }
        let start = at;
        at = word_end(bytes, at);
        Some(&text[start..at])
    })
}

/// Where the word (run of non-whitespace characters) going on at `at` ends: the next whitespace character's place,
/// or the end.
pub fn word_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len()
        && !(WHITESPACE_LEAD[usize::from(bytes[at])] && whitespace_len(bytes, at) > 0)
    {
        at += 1;
    }
    at
}

/// Whether `bytes` start with a UTF-16 byte-order mark (`FF FE` or `FE FF`): text a Windows tool saved as UTF-16,
/// which holds NUL bytes and so reads as binary, though a person converts it in one command.
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// The 1-based line of the first byte that is not UTF-8 in `bytes`, if any.
pub fn first_non_utf8_line(bytes: &[u8]) -> Option<usize> {
    let valid = std::str::from_utf8(bytes).err()?.valid_up_to();
    Some(memchr::memchr_iter(b'\n', &bytes[..valid]).count() + 1)
}

/// `text` in NFC, borrowed when it already is (nearly always). macOS writes `é` as `e` and a combining accent (NFD) in
/// file names, and some of its editors in text too, where other systems write one character (NFC): to a reader the
/// two are one text, so names pair and text compares by this form.
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    // No byte from 0xCC up: every character is below U+0300, where the combining marks start (Latin text).
    if !text.bytes().any(|b| b >= 0xCC) || quick_nfc(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// Whether `text` is in NFC by the quick check (UAX #15): each character "yes" for NFC, and the non-starters between
/// two starters in canonical order; a "maybe" character (a Bengali vowel sign, a Devanagari nukta, a combining accent)
/// right after a starter it does not compose with, neither of them a composed character, is in NFC too (Bengali text has one in most words). Anything else
/// answers `false`, and the text is composed. The characters' properties come from bit tables per block of 1,024 code
/// points of the Basic Multilingual Plane, each built the first time a text uses it: the crate's own quick check looks
/// each character up in its tables, some 80 instructions a character, which on a translated site (Hindi, Bengali,
/// Japanese, Russian…) was a sixth of a first run.
fn quick_nfc(text: &str) -> bool {
    use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let mut last_class = 0;
    // The character before, when it is a starter.
    let mut starter: Option<char> = None;
    // The bit table of the block of the character before (a text keeps to a script or two).
    let mut table: Option<(u32, &[[u64; 16]; 2])> = None;
    for c in text.chars() {
        let code = u32::from(c);
        if code < 0x80 {
            (last_class, starter) = (0, Some(c));
            continue;
        }
        let bits = match table {
            Some((block, bits)) if block == code / NFC_BLOCK => bits,
            _ => {
                let Some(bits) = nfc_table(code / NFC_BLOCK) else {
                    // Beyond the Basic Multilingual Plane: the crate's quick check.
                    return is_nfc_quick(text.chars()) == IsNormalized::Yes;
                };
                table = Some((code / NFC_BLOCK, bits));
                bits
            }
        };
        let (word, bit) = (((code % NFC_BLOCK) / 64) as usize, 1u64 << (code % 64));
        let (plain, yes) = (bits[0][word] & bit != 0, bits[1][word] & bit != 0);
        if plain {
            (last_class, starter) = (0, Some(c));
            continue;
        }
        let class = canonical_combining_class(c);
        if class != 0 && last_class > class {
            return false;
        }
        if !yes {
            // Neither it nor the starter comes apart (`é` is `e` and an accent, which a dot below would join).
            let whole = |c: char| {
                let mut parts = 0;
                decompose_canonical(c, |_| parts += 1);
                parts == 1
            };
            let stays = whole(c)
                && starter.is_some_and(|s| whole(s) && compose(s, c).is_none())
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe;
            if !stays {
                return false;
            }
        }
        last_class = class;
        starter = (class == 0).then_some(c);
    }
    true
}

/// Code points per bit table of [`quick_nfc`].
const NFC_BLOCK: u32 = 1024;

/// The bit tables of block `block` of the Basic Multilingual Plane (code points `block * NFC_BLOCK` on): the starters
/// that are "yes" for NFC, then every character that is; built the first time a text asks.
fn nfc_table(block: u32) -> Option<&'static [[u64; 16]; 2]> {
    use std::sync::OnceLock;
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    static BLOCKS: [OnceLock<[[u64; 16]; 2]>; 64] = [const { OnceLock::new() }; 64];
    Some(BLOCKS.get(block as usize)?.get_or_init(|| {
        let mut bits = [[0u64; 16]; 2];
        for at in 0..NFC_BLOCK {
            if let Some(c) = char::from_u32(block * NFC_BLOCK + at)
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
            {
                let bit = 1 << (at % 64);
                bits[1][(at / 64) as usize] |= bit;
                if canonical_combining_class(c) == 0 {
                    bits[0][(at / 64) as usize] |= bit;
                }
            }
        }
        bits
    }))
}

/// [`nfc`] of an owned text: the same `String` when it already is in NFC (nearly always), else its composed copy.
pub fn into_nfc(text: String) -> String {
    match nfc(&text) {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(composed) => Some(composed),
    }
    .unwrap_or(text)
}

/// `text` with each character a reader cannot see written as its code point, `⟨U+200B⟩`: a zero-width space added to
/// a source line, a soft hyphen, a direction mark. A `-`/`+` pair that differed only by one looked the same, and the
/// translator was told to update a line in which nothing had changed. A joiner (U+200C, U+200D) between two characters
/// past ASCII is left as it is: it shapes the letters of Persian or Indic words and joins emoji sequences, where it is
/// part of what the reader sees.
pub fn shown_invisible(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(invisible) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let past_ascii = |at: Option<&char>| at.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
    let mut out = String::with_capacity(text.len() + 16);
    for (at, &c) in chars.iter().enumerate() {
        let joiner = matches!(c, '\u{200C}' | '\u{200D}');
        let shaping =
            joiner && at > 0 && past_ascii(chars.get(at - 1)) && past_ascii(chars.get(at + 1));
        if invisible(c) && !shaping {
            out.push_str(&format!("⟨U+{:04X}⟩", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Characters that take no room on screen (Unicode's format characters that text holds: zero-width spaces and
/// joiners, direction marks and embeddings, the soft hyphen, the byte-order mark).
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// `text` with each carriage return that ends a line alone (classic Mac OS files, or one stray line in a CRLF page)
/// read as a line feed, as CommonMark reads it. The bytes keep their length, so every offset found in the result is
/// one in `text` too. Borrowed when there is none (nearly always).
pub fn lone_cr_as_lf(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    for i in memchr::memchr_iter(b'\r', bytes).filter(|&i| lone(i)) {
        out[i] = b'\n';
    }
    std::borrow::Cow::Owned(String::from_utf8(out).expect("ASCII replaced by ASCII"))
}

/// `String::from_utf8(bytes).ok()`, checked with SIMD instructions and then copied: the standard library checks text
/// past ASCII (most of a site translated into Hindi, Japanese or Russian) a character at a time, about six
/// instructions a byte, where the copy takes a fraction of one (making a `String` of checked bytes without copying
/// them takes `unsafe`, which the house keeps to the allocator).
pub fn utf8_string(bytes: Vec<u8>) -> Option<String> {
    utf8_str(&bytes).map(str::to_owned)
}

/// `std::str::from_utf8(bytes).ok()`, checked with SIMD instructions (see [`utf8_string`]).
pub fn utf8_str(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Whether `needle` occurs in `haystack`, looked for at its first byte. For the needles read of every block and every
/// piece of text (`{{`, `](`, conflict markers), whose first byte is rare in prose, this is one `memchr` pass; the
/// standard library's search sets up a searcher per call, which costs more than the search on short texts.
pub fn has(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    memchr::memchr_iter(first, hay).any(|at| hay[at + 1..].starts_with(rest))
}

/// Whether a text holds an ASCII digit: every byte tested without a branch, which the compiler makes wide (most
/// prose has none, and was read byte by byte to its end).
pub fn has_ascii_digit(text: &str) -> bool {
    text.bytes().fold(false, |any, b| any | b.is_ascii_digit())
}

/// Where the whitespace characters past ASCII start (none in ASCII text): looked for at their lead bytes.
pub fn wide_whitespace(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let leads = (!text.is_ascii()).then(|| {
        memchr::memchr3_iter(0xE1, 0xE2, 0xE3, bytes).chain(memchr::memchr_iter(0xC2, bytes))
    });
    leads
        .into_iter()
        .flatten()
        .filter(|&at| whitespace_len(bytes, at) > 0)
}

/// `text` with each line's trailing spaces and tabs removed, its last line ended like the others: a block's last
/// line has no line end, so the same line, last in one block and inside the other, was a `-`/`+` pair that looked
/// the same (a `<details>` block whose blank lines a formatter took out).
pub fn trim_line_ends(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        out.push_str(body.trim_end_matches([' ', '\t']));
        out.push_str(&line[body.len()..]);
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast check never calls a text NFC that is not: every pair and triple of characters from scripts where
    /// composition happens (Latin accents, Bengali and Devanagari signs, Hangul jamo, kana voicing marks, Arabic
    /// marks), against the crate's full check.
    #[test]
    fn quick_nfc_never_passes_a_text_not_in_nfc() {
        let chars: Vec<char> = "aeoqAE\u{e9}\u{301}\u{300}\u{323}\u{327}\u{995}\u{9c7}\u{9be}\u{9d7}\u{9cb}\u{9cd}\u{928}\u{93c}\u{929}\u{94d}\u{1100}\u{1161}\u{11a8}\u{ac00}\u{304b}\u{3099}\u{304c}\u{627}\u{653}\u{64e}\u{651}\u{5d1}\u{5bc}"
            .chars()
            .collect();
        let mut texts = Vec::new();
        for &a in &chars {
            for &b in &chars {
                texts.push(format!("{a}{b}"));
                for &c in &chars {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        for text in &texts {
            if quick_nfc(text) {
                assert!(
                    unicode_normalization::is_nfc(text),
                    "{:?}",
                    text.chars().collect::<Vec<_>>()
                );
            }
        }
        // And it passes what a page in these scripts is written with (else nothing was gained).
        for text in [
            "Cr\u{e9}er une page",
            "\u{995}\u{9be}\u{99c}",
            "\u{915}\u{94d}\u{937}",
            "\u{ac00}\u{b098}",
            "\u{304c}\u{304e}",
        ] {
            assert!(quick_nfc(text), "{text}");
        }
    }

    #[test]
    fn needles_and_digits_are_found_as_the_standard_library_finds_them() {
        let alphabet = ["{", "}", "<", "]", "(", "a", "7", " ", "é", "{{"];
        let needles = ["{{", "{%", "](", "<<<", "{{<", "a", "é", ""];
        for text in crate::util::random::texts(&alphabet, 12, 0x9e37_79b9_7f4a_7c15, 20_000) {
            for needle in needles {
                assert_eq!(
                    has(&text, needle),
                    text.contains(needle),
                    "{text:?} {needle:?}"
                );
            }
            assert_eq!(
                has_ascii_digit(&text),
                text.bytes().any(|b| b.is_ascii_digit()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn words_are_split_as_the_standard_library_splits_them() {
        let alphabet = [
            " ", "\t", "\n", "\x0B", "\x0C", "\r", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}",
            "\u{200B}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{3001}", "\u{E2}", "a",
            "É", "—", "猫", ".",
        ];
        for text in crate::util::random::texts(&alphabet, 14, 0x2545_f491_4f6c_dd1d, 20_000) {
            assert_eq!(
                words(&text).collect::<Vec<_>>(),
                text.split_whitespace().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn texts_are_checked_as_the_standard_library_checks_them() {
        let pieces: [&[u8]; 12] = [
            b"a",
            b" ",
            "é".as_bytes(),
            "猫".as_bytes(),
            "😀".as_bytes(),
            b"\xC3",
            b"\xA9",
            b"\xE7\x8C",
            b"\xF0\x9F",
            b"\xFF",
            b"\xED\xA0\x80",
            b"\xC0\x80",
        ];
        let mut random = crate::util::random::Xorshift::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let state = random.draw();
            // Long enough for the wide checks to run on some: up to 40 pieces, repeated.
            let text: Vec<u8> = (0..state % 40)
                .flat_map(|i| pieces[((state >> (i % 16 * 4)) % pieces.len() as u64) as usize])
                .copied()
                .collect();
            assert_eq!(
                utf8_string(text.clone()),
                String::from_utf8(text.clone()).ok(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn kept_answers_are_the_standard_librarys() {
        for code in (0..0x11000u32).chain(0x1F000..0x1F100) {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{code:x}");
            }
        }
    }

    #[test]
    fn non_whitespace_characters_are_counted_as_the_standard_library_counts_them() {
        let counted = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
        let mut all = String::new();
        for code in (0..0x3100u32).chain(0xFEFF..0xFF10).chain(0x1F600..0x1F610) {
            if let Some(c) = char::from_u32(code) {
                all.push(c);
                for text in [c.to_string(), format!("a{c}é {c}\u{3000}")] {
                    assert_eq!(non_whitespace_chars(&text), counted(&text), "U+{code:04X}");
                }
            }
        }
        assert_eq!(non_whitespace_chars(&all), counted(&all));
        assert_eq!(
            non_whitespace_chars("Le chat\u{A0}: «\u{202F}oui\u{202F}»\u{3000}猫。"),
            14
        );
    }

    #[test]
    fn invisible_characters_are_written_as_their_code_points() {
        assert_eq!(shown_invisible("Then go"), "Then go");
        assert_eq!(shown_invisible("Then\u{200B} go"), "Then⟨U+200B⟩ go");
        assert_eq!(
            shown_invisible("co\u{AD}operate\u{FEFF}"),
            "co⟨U+00AD⟩operate⟨U+FEFF⟩"
        );
        assert_eq!(shown_invisible("é\u{200E}"), "é⟨U+200E⟩");
        // Joiners inside a word of a script that uses them, or an emoji sequence, are part of what is seen.
        assert_eq!(shown_invisible("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(shown_invisible("👩\u{200D}💻"), "👩\u{200D}💻");
        assert_eq!(
            shown_invisible("a\u{200D}b \u{200C}x"),
            "a⟨U+200D⟩b ⟨U+200C⟩x"
        );
        assert_eq!(shown_invisible("\u{200D}"), "⟨U+200D⟩");
    }

    #[test]
    fn caseless_blocks_have_no_case() {
        for c in ('\u{0590}'..='\u{109F}')
            .chain('\u{3040}'..='\u{A4CF}')
            .chain('\u{AC00}'..='\u{D7A3}')
        {
            assert!(
                !c.is_uppercase() && !c.is_lowercase(),
                "{c:?} {:x}",
                c as u32
            );
        }
    }
}
