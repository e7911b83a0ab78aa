//! Small tools every layer uses: atomic writes, parallel maps, the one stable hash, values kept by their text.

pub mod atomic;
pub mod hash;
pub mod parallel;
pub mod recent;
