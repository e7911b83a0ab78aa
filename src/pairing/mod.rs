//! Pure: which page goes with which. Path rules of each layout, pairing an inventory of pages into pairs, and
//! suggestions for pages nothing pairs. Reads no disk and knows nothing of the site's configuration files: callers
//! hand it plain values.

pub mod layout;
pub mod pair;
pub mod suggest;

pub use pair::*;
