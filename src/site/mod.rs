//! Where the pages live: the `tandem.yaml` schema, the detection of the site's generator, languages and content
//! folders, the listing of pages, and the reviewers' files.

pub mod config;
pub mod owners;
pub mod workspace;
