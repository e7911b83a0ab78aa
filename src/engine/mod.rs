//! The per-pair pipeline: gathers the facts of each pair from the site and its history, and judges them.

pub mod analysis;
pub mod cache;
pub mod check;
pub mod page_cache;
pub mod refine;
pub mod site_pairs;
