//! tandem: keeps the translations of a documentation or blog site in step with their source pages.
//!
//! `main` parses the command line and prints; everything else builds values. Dependencies point one way:
//! commands → engine → (site, history, pairing, drift, markdown); report holds values and their renderers. The pure
//! modules (`markdown`, `pairing`, `drift`) import only each other and `util` (a test holds this); `history` is the
//! only module that talks to git.

pub mod cli;
pub mod commands;
pub mod drift;
pub mod engine;
pub mod error;
pub mod forge;
pub mod help;
pub mod history;
pub mod i18n;
pub mod markdown;
pub mod pairing;
pub mod report;
pub mod site;
pub mod util;

pub use commands::{Environment, Output, run};
