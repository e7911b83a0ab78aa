//! Character classes asked of every character of every page. The alphanumeric class is the standard library's,
//! looked up once per block of 256 code points and kept in a table shared by the threads; letter case skips the
//! lookup in ASCII and in the scripts that have no case.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// Blocks of the Basic Multilingual Plane (past it, the standard library is asked each time).
const BLOCKS: usize = 256;

/// Per block: 0 not computed yet, 1 computed.
static COMPUTED: [AtomicU8; BLOCKS] = [const { AtomicU8::new(0) }; BLOCKS];
/// Per block, 256 bits: whether each code point is alphanumeric.
static ALPHANUMERIC: [AtomicU64; BLOCKS * 4] = [const { AtomicU64::new(0) }; BLOCKS * 4];

/// `c.is_alphanumeric()`, with its answers kept.
pub fn is_alphanumeric(c: char) -> bool {
    let code = c as usize;
    if code < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    let block = code >> 8;
    if block >= BLOCKS {
        return c.is_alphanumeric();
    }
    // Two threads may compute the same block: they write the same bits.
    if COMPUTED[block].load(Ordering::Acquire) == 0 {
        for word in 0..4 {
            let mut bits = 0u64;
            for bit in 0..64 {
                let point = (block << 8 | word << 6 | bit) as u32;
                if char::from_u32(point).is_some_and(char::is_alphanumeric) {
                    bits |= 1 << bit;
                }
            }
            ALPHANUMERIC[block * 4 + word].store(bits, Ordering::Relaxed);
        }
        COMPUTED[block].store(1, Ordering::Release);
    }
    ALPHANUMERIC[block * 4 + (code >> 6 & 3)].load(Ordering::Relaxed) >> (code & 63) & 1 == 1
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_answers_are_the_standard_librarys() {
        for code in (0..0x11000u32).chain(0x1F000..0x1F100) {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{code:x}");
            }
        }
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
