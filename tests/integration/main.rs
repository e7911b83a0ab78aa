//! The integration tests: one binary, real git repositories, the real `tandem` binary.

// Tests may print what helps a person look at a failure.
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod support;

mod check;
mod demo;
mod diff;
mod docs;
mod errors;
mod history_cache;
mod i18n;
mod json_contract;
mod meaning;
mod oracle;
mod pins;
mod shallow;
mod status;
