//! Where the pages live: the `tandem.yaml` schema, the detection of the site's generator, languages and content
//! folders, the listing of pages, and the reviewers' files.

pub mod astro;
pub mod config;
pub mod declared;
pub mod detect;
pub mod docusaurus;
pub mod folders;
pub mod hugo;
pub mod key_classes;
pub mod mkdocs;
pub mod owners;
pub mod pelican;
pub mod polyglot;
pub mod quarto;
pub mod resolve;
pub mod root_locale;
pub mod scan;
pub mod starlight;
pub mod suffix;
pub mod vitepress;
pub mod words;
pub mod workspace;
