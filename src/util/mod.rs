//! Small tools every layer uses: atomic writes, parallel maps, the one stable hash.

pub mod atomic;
pub mod hash;
pub mod parallel;
