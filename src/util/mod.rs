//! Small tools every layer uses: atomic writes, character classes, parallel maps, the one stable hash, values kept
//! by their text.

pub mod atomic;
pub mod binary;
pub mod chars;
pub mod hash;
pub mod parallel;
pub mod recent;
