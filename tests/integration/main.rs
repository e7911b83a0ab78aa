//! The integration tests: one binary, real git repositories, the real `tandem` binary.

// Tests may print what helps a person look at a failure.
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod support;

mod action;
mod blocks;
mod check;
mod dashboard;
mod demo;
mod diff;
mod docs;
mod dogfood;
mod errors;
mod explain;
mod frontmatter_edit;
mod help;
mod history_cache;
mod house;
mod i18n;
mod init;
mod interactive;
mod joins;
mod json_contract;
mod key_case;
mod keys;
mod layouts;
mod listing;
mod meaning;
mod messy;
mod oracle;
mod page_cache;
mod pair;
mod paths;
mod pins;
mod refine_cache;
mod renames;
mod rev;
mod scaffold;
mod shallow;
mod sites;
mod status;
mod status_text;
mod structure_signals;
mod sync;
mod tasks;
mod writes;
