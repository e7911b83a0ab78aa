//! The integration tests: one binary, real git repositories, the real `tandem` binary.

// Tests may print what helps a person look at a failure.
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod support;

mod blocks;
mod check;
mod demo;
mod diff;
mod docs;
mod errors;
mod frontmatter_edit;
mod history_cache;
mod house;
mod i18n;
mod init;
mod interactive;
mod json_contract;
mod keys;
mod layouts;
mod meaning;
mod oracle;
mod pair;
mod paths;
mod pins;
mod refine_cache;
mod renames;
mod scaffold;
mod shallow;
mod status;
mod sync;
mod tasks;
