//! Small tools every layer uses: the allocator's setting, atomic writes, character classes, what a path that is no
//! regular file is, Git LFS pointers, parallel maps, the one stable hash, values kept by their text, bytes held in a
//! temporary file, paths quoted for a shell.

pub mod alloc;
pub mod atomic;
pub mod binary;
pub mod chars;
pub mod files;
pub mod hash;
pub mod lfs;
pub mod parallel;
#[cfg(test)]
pub mod random;
pub mod recent;
pub mod shell;
pub mod spill;
