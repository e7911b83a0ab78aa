//! Pure text handling of pages: front matter split and parse, YAML trees with spans, the shared Markdown parser setup.

pub mod edit;
pub mod frontmatter;
pub mod placeholder;
pub mod yaml;

/// The one pulldown-cmark setup every command shares (STYLE habit 5): heading attributes (`{#id}`) on; the
/// metadata-block options stay off, since front matter is split by hand at offset 0.
pub fn parser_options() -> pulldown_cmark::Options {
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES);
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    options.insert(pulldown_cmark::Options::ENABLE_FOOTNOTES);
    options
}
