//! tandem: keeps the translations of a documentation or blog site in step with their source pages.
//!
//! `main` parses the command line and prints; everything else builds values. Dependencies point one way:
//! commands → (analysis → pairing, drift, markdown) and commands → history → gix.

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
