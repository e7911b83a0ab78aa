//! A page cut into sections by its headings, each with its blocks, the language-independent features a translation
//! keeps (links, images, code, numbers, shortcodes, list and table shapes) and a normalised form that ignores
//! formatting (the cosmetic filter compares those).
//!
//! Pure: text in, values out. One parser setup (`super::parser_options`).

use crate::util::chars::into_nfc;
use crate::util::chars::{
    WHITESPACE_LEAD, has, has_ascii_digit, is_alphanumeric, non_whitespace_chars, whitespace_len,
    wide_whitespace,
};
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::frontmatter::{self, FrontMatterError};
use super::yaml::{Node, NodeKind, same_path};
use crate::util::recent::Recent;

/// What normalisation needs to know about the site.
#[derive(Debug, Clone, Default)]
pub struct SiteContext {
    /// The site's own base URL (`https://kubernetes.io/`): links on it are the same as root-relative ones.
    pub base_url: Option<String>,
    /// Language codes: a leading `/fr/` in a link is dropped when comparing across languages.
    pub languages: Vec<String>,
    /// Front-matter keys whose values are translated (`title`, `description`, `linkTitle`): a translation commit that
    /// changes neither them nor the body is bookkeeping, not a new sync.
    pub translatable: Vec<String>,
    /// Front-matter keys that never count as content (pins, drift markers, the page's own keys such as `slug`), dotted
    /// for nested keys; an entry for a map leaves out the keys below it.
    pub bookkeeping: Vec<String>,
}

/// Front-matter keys translated by default.
pub const DEFAULT_TRANSLATABLE: [&str; 3] = ["title", "description", "linkTitle"];

/// A parsed page.
#[derive(Debug, Clone)]
pub struct Document {
    /// What the front matter gives, shared by the versions of a page that have the same front matter.
    front: std::sync::Arc<FrontMatterParts>,
    pub sections: Vec<Section>,
    /// Lines of merge-conflict markers left in the page, outside code blocks.
    conflicts: Box<[usize]>,
    /// Lines holding `tandem scaffold`'s mark, outside code blocks.
    to_translate: Box<[usize]>,
}

/// A parsed page is shared by reference with the threads that read ahead while pairs are judged.
const _: () = {
    const fn shared_across_threads<T: Sync + Send>() {}
    shared_across_threads::<Document>();
};

impl Document {
    /// The lines (1-based) of the merge-conflict markers git writes into a file it could not merge (`<<<<<<< HEAD`,
    /// `=======`, `>>>>>>> <commit>`) that a commit kept, outside code blocks (a page about git may show some).
    pub fn conflict_markers(&self) -> &[usize] {
        &self.conflicts
    }

    /// The lines (1-based) that still hold the mark `tandem scaffold` leaves where a translator has work to do
    /// ([`placeholder::MARK`](crate::markdown::placeholder::MARK): a front-matter field's `# tandem: translate`
    /// comment, a `<!-- tandem: translate -->` in the body), outside code blocks.
    pub fn translate_marks(&self) -> &[usize] {
        &self.to_translate
    }

    /// Front-matter data (bookkeeping keys left out) in a stable text form: key order and quoting do not matter.
    pub fn front_matter(&self) -> &str {
        &self.front.data
    }

    /// The translatable front-matter fields only, in the same form.
    pub fn translatable(&self) -> &str {
        &self.front.translatable
    }

    /// Each front-matter key (dotted below maps; bookkeeping keys left out) → its value for people: a scalar as
    /// written, a list or map in one line. Compared key by key to say which keys changed.
    pub fn front_matter_values(&self) -> &std::collections::BTreeMap<String, String> {
        &self.front.values
    }

    /// Whether both front matters are the same: the same text under the same site's key lists is one shared value,
    /// else their data is compared.
    pub fn same_front_matter(&self, other: &Document) -> bool {
        std::sync::Arc::ptr_eq(&self.front, &other.front) || self.front.data == other.front.data
    }
}

/// A heading and what follows it up to the next heading. The first section (level 0) holds what comes before the first
/// heading.
#[derive(Debug, Clone)]
pub struct Section {
    pub level: u8,
    /// The heading's text, without markup or `{#id}`.
    pub title: String,
    /// An explicit `{#id}`.
    pub explicit_id: Option<String>,
    /// The id Hugo gives the heading (explicit id, else the GitHub-style auto id, made unique in the page).
    pub id: String,
    /// Bytes of the whole section in the file (heading line included).
    pub span: Range<usize>,
    /// 1-based line of the heading (of the first body line for the level-0 section).
    pub line: usize,
    pub blocks: Vec<Block>,
    /// The normalised heading line.
    pub heading_norm: String,
    /// The normalised body (blocks, one per line), formatting ignored: built the first time it is asked for
    /// ([`Section::body_norm`]); most sections are compared by their parts, never as one text.
    body_norm: std::sync::OnceLock<String>,
    /// Every feature of every block, gathered the first time they are asked for ([`Section::features`]): most
    /// sections are only compared by their normalised text.
    all_features: std::sync::OnceLock<Box<Features>>,
    /// The features as tagged tokens, for similarity (see [`token`]), sorted.
    pub tokens: Vec<u64>,
    /// Characters of prose (paragraphs and list items), whitespace left out.
    pub prose_chars: usize,
}

impl Section {
    /// Normalised heading and body together.
    pub fn normalized(&self) -> String {
        format!("{}\n{}", self.heading_norm, self.body_norm())
    }

    /// Whether this is the text before the first heading and holds nothing: what a page emptied of its body (front
    /// matter alone, or no text at all) parses to. Not a section a reader would call one.
    pub fn is_empty_preamble(&self) -> bool {
        self.level == 0 && self.blocks.is_empty()
    }

    /// The normalised body: each block's normalised text on a line of its own (list items and quotes with their
    /// marker).
    pub fn body_norm(&self) -> &str {
        self.body_norm.get_or_init(|| body_norm(&self.blocks))
    }

    /// The length of [`body_norm`](Self::body_norm), without building it.
    pub fn body_norm_len(&self) -> usize {
        // As `body_norm` joins them: a line break before each block but when nothing came before it.
        self.blocks.iter().fold(0, |len, b| {
            let joint = usize::from(len > 0);
            len + joint + block_prefix(b.kind).len() + b.norm.len()
        })
    }

    /// Whether two sections' [`normalized`](Self::normalized) forms are equal, without building them when their
    /// headings are (the common case: a section compared with its own earlier version).
    pub fn same_normalized(&self, other: &Section) -> bool {
        if self.heading_norm == other.heading_norm {
            return self.same_body(other);
        }
        self.normalized() == other.normalized()
    }

    /// Whether two sections' normalised bodies say the same once the boundaries between blocks are read as spaces: a
    /// formatter that re-indents a component (`</FileTree>` read into the last list item, or in a block of its own
    /// after it) or splits a paragraph changes no word. The text inside a block (a code block's lines) is compared as
    /// it is.
    pub fn same_body(&self, other: &Section) -> bool {
        // Boundaries read as spaces keep the length: bodies of different lengths differ.
        self.body_norm_len() == other.body_norm_len()
            && (self.body_norm() == other.body_norm() || self.body_bytes().eq(other.body_bytes()))
    }

    /// The normalised body with a space between blocks, where `body_norm` has a line break.
    pub fn body_bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.body_parts().flat_map(|part| part.iter().copied())
    }

    /// [`body_bytes`](Self::body_bytes) in pieces (each block's prefix, its text, the spaces between), to be hashed a
    /// slice at a time.
    pub fn body_parts(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.blocks.iter().enumerate().flat_map(|(at, block)| {
            let gap: &[u8] = if at > 0 { b" " } else { b"" };
            [
                gap,
                block_prefix(block.kind).as_bytes(),
                block.norm.as_bytes(),
            ]
        })
    }

    /// Every feature of every block of the section.
    pub fn features(&self) -> &Features {
        self.all_features.get_or_init(|| {
            let mut all = Features::default();
            for block in &self.blocks {
                all.extend(block.features());
            }
            Box::new(all)
        })
    }

    /// The section's bytes in `text`.
    pub fn raw<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.clone()).unwrap_or("")
    }

    /// Label for people: the heading text, or a placeholder for the text before the first heading.
    pub fn is_preamble(&self) -> bool {
        self.level == 0
    }

    pub fn count(&self, kind: BlockKind) -> usize {
        self.blocks.iter().filter(|b| b.kind == kind).count()
    }

    /// This section with the blocks of the sections `following` it read as its own (their headings left out).
    pub fn with_following(&self, following: &[&Section]) -> Section {
        let mut merged = self.clone();
        merged.all_features = std::sync::OnceLock::new();
        for section in following {
            merged.blocks.extend(section.blocks.iter().cloned());
            merged.prose_chars += section.prose_chars;
            merged.tokens.extend_from_slice(&section.tokens);
            merged.span.end = merged.span.end.max(section.span.end);
        }
        merged.tokens.sort_unstable();
        merged.body_norm = std::sync::OnceLock::new();
        merged
    }
}

/// The kinds of blocks structure signals count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockKind {
    Paragraph,
    ListItem,
    Code,
    Table,
    Quote,
    Html,
    Rule,
    /// An MDX `import`/`export` statement, or a paragraph of MDX comments (`{/* … */}`): code, not prose.
    Mdx,
    /// An MDX component block (`<Warning />`, `<Tabs>`): markup, not prose.
    Component,
    /// A paragraph made of shortcodes only (`{{< note >}}`).
    Shortcode,
}

impl BlockKind {
    pub const ALL: [BlockKind; 10] = [
        BlockKind::Paragraph,
        BlockKind::ListItem,
        BlockKind::Code,
        BlockKind::Table,
        BlockKind::Quote,
        BlockKind::Html,
        BlockKind::Rule,
        BlockKind::Mdx,
        BlockKind::Component,
        BlockKind::Shortcode,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list-item",
            BlockKind::Code => "code",
            BlockKind::Table => "table",
            BlockKind::Quote => "quote",
            BlockKind::Html => "html",
            BlockKind::Rule => "rule",
            BlockKind::Mdx => "mdx",
            BlockKind::Component => "component",
            BlockKind::Shortcode => "shortcode",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Range<usize>,
    pub line: usize,
    /// Rows × columns for tables.
    pub shape: (usize, usize),
    /// What the block brings to the structure signals; `None` when it brings nothing (most blocks: a parsed page is
    /// kept smaller).
    features: Option<Box<Features>>,
    pub norm: String,
    /// What the block brings to block alignment, computed the first time it is asked for
    /// ([`crate::drift::blocks::BlockShape::of`]): a source page is aligned with each of its translations.
    pub measured: std::sync::OnceLock<crate::drift::blocks::BlockShape>,
}

/// What survives translation: the structure signals and section alignment compare these.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Link targets, normalised (base URL and language prefix dropped).
    pub links: Vec<String>,
    pub images: Vec<String>,
    pub inline_code: Vec<String>,
    pub numbers: Vec<String>,
    /// Shortcode names (`{{< note >}}` → `note`).
    pub shortcodes: Vec<String>,
    /// Commands and flags of code blocks, comments left out (translators translate comments).
    pub commands: Vec<String>,
    /// Whole command lines of shell code (prompts, comments, quoted strings and placeholders masked) and the keys of
    /// configuration files: what a translation of a code block must keep line for line.
    pub command_lines: Vec<String>,
    /// Link and image targets whose normalised form is not what the page wrote: (normalised, as written). A
    /// reviewer is shown the address they can find in the page.
    pub written: Vec<(String, String)>,
    /// The command lines (or configuration keys) of each code block in the block, one entry per code block: the
    /// block's own for a code block, and those nested in it for a list item or a quote (a numbered step's commands),
    /// so that every code block of a section is counted and compared, wherever it sits.
    pub fences: Vec<Vec<CodeLine>>,
}

/// The features of a block that has none.
static NO_FEATURES: Features = Features {
    links: Vec::new(),
    images: Vec::new(),
    inline_code: Vec::new(),
    numbers: Vec::new(),
    shortcodes: Vec::new(),
    commands: Vec::new(),
    command_lines: Vec::new(),
    written: Vec::new(),
    fences: Vec::new(),
};

impl Block {
    /// What the block brings to the structure signals: link targets, numbers, code, commands.
    pub fn features(&self) -> &Features {
        self.features.as_deref().unwrap_or(&NO_FEATURES)
    }
}

impl Features {
    fn is_empty(&self) -> bool {
        *self == NO_FEATURES
    }

    fn extend(&mut self, other: &Features) {
        self.links.extend(other.links.iter().cloned());
        self.images.extend(other.images.iter().cloned());
        self.inline_code.extend(other.inline_code.iter().cloned());
        self.numbers.extend(other.numbers.iter().cloned());
        self.shortcodes.extend(other.shortcodes.iter().cloned());
        self.commands.extend(other.commands.iter().cloned());
        self.command_lines
            .extend(other.command_lines.iter().cloned());
        self.written.extend(other.written.iter().cloned());
        self.fences.extend(other.fences.iter().cloned());
    }

    /// Adds a link target as the page wrote it; returns its normalised form.
    fn link(&mut self, written: &str, site: &SiteContext) -> String {
        let url = self.target(written, site);
        self.links.push(url.clone());
        url
    }

    /// Adds an image source as the page wrote it; returns its normalised form.
    fn image(&mut self, written: &str, site: &SiteContext) -> String {
        let url = self.target(written, site);
        self.images.push(url.clone());
        url
    }

    fn target(&mut self, written: &str, site: &SiteContext) -> String {
        let url = canonical_url(written, site);
        let unmasked;
        let written = if has(written, "{{") || has(written, "{%") {
            unmasked = unmask_templates(written);
            unmasked.trim()
        } else {
            written.trim()
        };
        if url != written && !self.written.iter().any(|(c, _)| *c == url) {
            self.written.push((url.clone(), written.to_owned()));
        }
        url
    }

    /// A normalised link or image target as the page wrote it (the first time).
    pub fn as_written<'a>(&'a self, normalised: &'a str) -> &'a str {
        self.written
            .iter()
            .find(|(c, _)| c == normalised)
            .map_or(normalised, |(_, w)| w)
    }
}

/// The tokens of `features` (every block's of a section), tagged by kind, for similarity: sorted, so that two lists
/// are compared in one pass.
fn tokens<'f>(features: impl Iterator<Item = &'f Features> + Clone) -> Vec<u64> {
    type List = fn(&Features) -> &Vec<String>;
    let lists: [(u8, List); 6] = [
        (b'l', |f| &f.links),
        (b'i', |f| &f.images),
        (b'c', |f| &f.inline_code),
        (b'n', |f| &f.numbers),
        (b's', |f| &f.shortcodes),
        (b'x', |f| &f.commands),
    ];
    let mut out = Vec::new();
    for (tag, list) in lists {
        out.extend(features.clone().flat_map(list).map(|t| token(tag, t)));
    }
    out.sort_unstable();
    out
}

/// A token compared for similarity: its kind (one letter) and its text, hashed. Tokens are only ever compared for
/// equality, and a hash is compared without following a pointer or allocating.
pub fn token(tag: u8, text: &str) -> u64 {
    crate::util::hash::fingerprint(&[&[tag], text.as_bytes()])
}

/// Parses a page: front matter (split by hand at offset 0), then sections and blocks of the body.
pub fn parse(text: &str, site: &SiteContext) -> Result<Document, FrontMatterError> {
    // A line ending with a carriage return alone ends there (CommonMark's rule); offsets stay those of `text`.
    let text = &*crate::util::chars::lone_cr_as_lf(text);
    let (body_start, parts) = front_matter_parts(text, site)?;
    let (sections, conflicts) = parse_body(text, body_start, site);
    // A merge's leftover `=======` underlines the line above it: a paragraph (or an image) read as a heading, a
    // section that is not there. Read again with those lines blank (same length: every offset stays), the page says
    // what the translator wrote; the markers themselves are still reported.
    let separators = separator_lines(text, body_start, &conflicts);
    let sections = if separators.is_empty() {
        sections
    } else {
        let mut blanked = text.as_bytes().to_vec();
        for range in separators {
            blanked[range].fill(b' ');
        }
        let blanked = String::from_utf8(blanked).expect("ASCII replaced by ASCII");
        parse_body(&blanked, body_start, site).0
    };
    let to_translate = translate_marks(text, body_start, &sections);
    Ok(Document {
        front: parts,
        sections,
        conflicts,
        to_translate,
    })
}

/// See [`Document::translate_marks`]: in the front matter, a comment holding the mark; in the body, a line that is
/// one of the markers and nothing else, or a list item's marker and one of them (`1. {/* tandem: translate */}`), as
/// `tandem scaffold` writes them (a page that quotes the mark in its prose or in inline code is not marked). Looked
/// for only when the mark is in the text.
fn translate_marks(text: &str, body_start: usize, sections: &[Section]) -> Box<[usize]> {
    use crate::markdown::placeholder::{MARK, MARKER, MDX_MARKER};
    if !has(text, MARK) {
        return Box::default();
    }
    let comment = format!("# {MARK}");
    let front_lines = text[..body_start].lines().count();
    let in_code: Vec<(usize, usize)> = sections
        .iter()
        .flat_map(|section| &section.blocks)
        .filter(|block| block.kind == BlockKind::Code)
        .map(|block| {
            let inside = &text[block.span.clone()];
            let last = inside.trim_end_matches('\n').matches('\n').count();
            (block.line, block.line + last)
        })
        .collect();
    text.lines()
        .enumerate()
        .filter(|&(at, line)| {
            if at < front_lines {
                line.contains(&comment)
            } else {
                let bare = line.trim();
                // In an MDX list, the marker stands on the item's line (`1. {/* tandem: translate */}`).
                let item = bare
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .strip_prefix(['.', ')', '-', '*', '+'])
                    .filter(|rest| rest.starts_with([' ', '\t']))
                    .map_or(bare, str::trim);
                [bare, item]
                    .iter()
                    .any(|b| *b == MARKER || *b == MDX_MARKER)
            }
        })
        .map(|(at, _)| at + 1)
        .filter(|number| {
            !in_code
                .iter()
                .any(|&(from, to)| (from..=to).contains(number))
        })
        .collect()
}

/// The sections of the body starting at `body_start`, and the lines of conflict markers outside code.
fn parse_body(text: &str, body_start: usize, site: &SiteContext) -> (Vec<Section>, Box<[usize]>) {
    let masked = mask_link_templates(&text[body_start..]);
    let body: &str = &masked;
    let mut builder = Builder::new(text, body_start, site);
    for (event, range) in Parser::new_ext(body, super::parser_options()).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        builder.event(event, range);
    }
    let conflicts = builder.conflict_markers();
    (builder.finish(), conflicts)
}

/// The byte ranges of the `=======` lines among the conflict markers (1-based line numbers of the page).
fn separator_lines(text: &str, body_start: usize, conflicts: &[usize]) -> Vec<Range<usize>> {
    if conflicts.is_empty() {
        return Vec::new();
    }
    let first = text[..body_start].matches('\n').count() + 1;
    let mut out = Vec::new();
    let mut offset = body_start;
    for (at, line) in text[body_start..].split_inclusive('\n').enumerate() {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "=======" && conflicts.contains(&(first + at)) {
            out.push(offset..offset + bare.len());
        }
        offset += line.len();
    }
    out
}

/// What a page's front matter gives its [`Document`]: the same for every version that shares the front matter.
#[derive(Debug)]
struct FrontMatterParts {
    data: String,
    translatable: String,
    values: std::collections::BTreeMap<String, String>,
}

/// Where the body starts, and what the front matter gives; computed once for the versions that share a front matter
/// (under one site's key lists).
fn front_matter_parts(
    text: &str,
    site: &SiteContext,
) -> Result<(usize, std::sync::Arc<FrontMatterParts>), FrontMatterError> {
    type Parts = Result<std::sync::Arc<FrontMatterParts>, FrontMatterError>;
    static PARTS: Recent<Parts> = Recent::new(4096);
    let body = frontmatter::split(text)?.body;
    let compute = || {
        let fm = frontmatter::parse(text)?;
        // Compared in NFC, as the body is (see `Builder::push_block`): a title re-saved in NFD reads the same.
        let (data, translatable) = forms(fm.tree.as_ref(), site);
        let (data, translatable) = (into_nfc(data), into_nfc(translatable));
        let mut values = std::collections::BTreeMap::new();
        if let Some(tree) = fm.tree.as_ref() {
            leaf_values(tree, "", &site.bookkeeping, &mut values);
        }
        for value in values.values_mut() {
            *value = into_nfc(std::mem::take(value));
        }
        Ok(std::sync::Arc::new(FrontMatterParts {
            data,
            translatable,
            values,
        }))
    };
    let key = |key: &mut String| {
        // NUL is in no key: the lists and the text cannot run into each other.
        for list in [&site.translatable, &site.bookkeeping] {
            for name in list {
                key.push_str(name);
                key.push('\n');
            }
            key.push('\0');
        }
        key.push_str(&text[..body]);
    };
    let parts = PARTS.get_or_keyed(key, compute)?;
    Ok((body, parts))
}

/// The values of a front-matter tree by dotted key: maps are walked, anything else is one value shown in one line.
fn leaf_values(
    node: &Node,
    prefix: &str,
    skip: &[String],
    out: &mut std::collections::BTreeMap<String, String>,
) {
    match &node.kind {
        NodeKind::Map(entries) if !entries.is_empty() => {
            for (key, value) in entries {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                if !skip.iter().any(|key| same_path(key, &path)) {
                    leaf_values(value, &path, skip, out);
                }
            }
        }
        _ if !prefix.is_empty() => {
            out.insert(prefix.to_owned(), shown(node));
        }
        _ => {}
    }
}

/// A value in one line: a scalar as written, a list as `[a, b]`, a map as `{k: v}`. An empty string in a list or a
/// map is shown `""`: `[fundamental, , ]` read as a list with holes, where the page holds `["fundamental", "", ""]`.
fn shown(node: &Node) -> String {
    let item = |node: &Node| match &node.kind {
        NodeKind::Scalar(text) if text.is_empty() => "\"\"".to_owned(),
        _ => shown(node),
    };
    match &node.kind {
        NodeKind::Null => "~".to_owned(),
        NodeKind::Scalar(text) => text.clone(),
        NodeKind::Seq(items) => format!(
            "[{}]",
            items.iter().map(item).collect::<Vec<_>>().join(", ")
        ),
        NodeKind::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{k}: {}", item(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Like [`canonical_data`], leaving out the dotted keys in `skip` (`prefix` is the dotted path of `node`).
fn canonical_without(node: &Node, prefix: &str, skip: &[String]) -> String {
    let NodeKind::Map(entries) = &node.kind else {
        return canonical_data(node);
    };
    let mut path = String::new();
    let mut parts: Vec<String> = entries
        .iter()
        .filter_map(|(k, v)| {
            path.clear();
            if !prefix.is_empty() {
                path.push_str(prefix);
                path.push('.');
            }
            path.push_str(k);
            (!skip.iter().any(|key| same_path(key, &path))).then(|| {
                let mut part = String::new();
                push_quoted(&mut part, k);
                part.push(':');
                match &v.kind {
                    NodeKind::Map(_) => part.push_str(&canonical_without(v, &path, skip)),
                    _ => push_canonical(&mut part, v),
                }
                part
            })
        })
        .collect();
    parts.sort_unstable();
    joined_in(&parts, '{', '}')
}

/// Each front-matter key of a page (dotted below maps, bookkeeping keys left out) → its value for people, without
/// parsing the Markdown ([`Document::front_matter_values`] of the parsed page).
pub fn front_matter_values(
    text: &str,
    site: &SiteContext,
) -> Result<std::collections::BTreeMap<String, String>, FrontMatterError> {
    Ok(front_matter_parts(text, site)?.1.values.clone())
}

/// The front matter of a page as compared: all data but the bookkeeping keys, and the translatable fields alone.
pub fn front_matter_forms(
    text: &str,
    site: &SiteContext,
) -> Result<(String, String), FrontMatterError> {
    let (_, parts) = front_matter_parts(text, site)?;
    Ok((parts.data.clone(), parts.translatable.clone()))
}

/// (all data but the bookkeeping keys, the translatable fields alone) of a front-matter tree.
fn forms(tree: Option<&Node>, site: &SiteContext) -> (String, String) {
    let Some(tree) = tree else {
        return (String::new(), String::new());
    };
    let mut fields: Vec<String> = site
        .translatable
        .iter()
        .filter_map(|key| {
            tree.get_path(key).map(|v| {
                let mut field = String::new();
                push_quoted(&mut field, key);
                field.push(':');
                push_canonical(&mut field, v);
                field
            })
        })
        .collect();
    fields.sort();
    (
        canonical_without(tree, "", &site.bookkeeping),
        fields.join(","),
    )
}

/// Front-matter data in a stable form: keys sorted, scalars as their values (quoted, see [`push_quoted`]). Two
/// front matters hold the same data exactly when their forms are equal; the forms are compared and fingerprinted,
/// never shown.
fn canonical_data(node: &Node) -> String {
    let mut out = String::new();
    push_canonical(&mut out, node);
    out
}

/// Writes [`canonical_data`] of `node` at the end of `out`, each piece in place (the front matter of every version
/// read is put in this form).
fn push_canonical(out: &mut String, node: &Node) {
    match &node.kind {
        NodeKind::Null => out.push('~'),
        NodeKind::Scalar(text) => push_quoted(out, text),
        NodeKind::Seq(items) => {
            out.push('[');
            for (at, item) in items.iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                push_canonical(out, item);
            }
            out.push(']');
        }
        NodeKind::Map(entries) => {
            let mut parts: Vec<String> = entries
                .iter()
                .map(|(k, v)| {
                    let mut part = String::new();
                    push_quoted(&mut part, k);
                    part.push(':');
                    push_canonical(&mut part, v);
                    part
                })
                .collect();
            parts.sort_unstable();
            out.push_str(&joined_in(&parts, '{', '}'));
        }
    }
}

/// `parts` joined with commas between `open` and `close`.
fn joined_in(parts: &[String], open: char, close: char) -> String {
    let mut out = String::with_capacity(2 + parts.iter().map(|p| p.len() + 1).sum::<usize>());
    out.push(open);
    for (at, part) in parts.iter().enumerate() {
        if at > 0 {
            out.push(',');
        }
        out.push_str(part);
    }
    out.push(close);
    out
}

/// Writes `text` between double quotes, a backslash before each double quote and backslash in it: a quoted text ends
/// at its first unescaped quote, so the forms built of them tell every two values apart. (They were written with
/// `{:?}`, which looks up every character past ASCII in Unicode's tables to escape what does not print: 2 % of a
/// cold run's instructions on a glossary translated into fifteen languages, for forms no one reads.)
fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    let mut from = 0;
    for at in memchr::memchr2_iter(b'"', b'\\', text.as_bytes()) {
        out.push_str(&text[from..at]);
        out.push('\\');
        from = at;
    }
    out.push_str(&text[from..]);
    out.push('"');
}

/// Byte offsets where lines start, for line numbers in O(log n).
pub struct LineIndex(Vec<usize>);

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex(starts)
    }

    /// The 1-based line of byte `offset` (the line after the last when past the end, as
    /// [`line_of`](crate::markdown::frontmatter::line_of) counts).
    pub fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// Builds sections from the event stream.
struct Builder<'t> {
    text: &'t str,
    lines: LineIndex,
    site: &'t SiteContext,
    sections: Vec<Section>,
    ids: TakenIds,
    /// Nesting of block containers (to find the top-level blocks and list items).
    depth: usize,
    list_depth: usize,
    /// The block being collected: (kind, start, depth at start).
    block: Option<(BlockKind, usize, usize)>,
    norm: String,
    features: Features,
    table_rows: usize,
    table_cells: usize,
    table_columns: usize,
    in_heading: Option<(u8, Option<String>, usize)>,
    heading_text: String,
    code_lang: String,
    /// The language a `diff` code block shows the changes of (Expressive Code's ```` ```diff lang="js" ````).
    code_diff_of: Option<String>,
    in_code: bool,
    code_text: String,
    image_depth: usize,
    /// How the images being read end in the normalised text: `](url "title")` (nested images are possible in links).
    image_ends: Vec<String>,
    /// Targets of the links being read (nested links are possible in raw HTML), with their title: `](url "title")`.
    links: Vec<String>,
    /// Where the top-level HTML block being read starts: it is cut into blocks (and sections) when it ends.
    html_start: Option<usize>,
    /// An MDX statement (`import … from …`) was read: the page is MDX, where indentation makes no code block.
    mdx: bool,
    /// The indented "code block" being read is Markdown (see `mdx`): its text, and where each piece of it starts in
    /// the page (its offset in the text, its offset in the page).
    indented_text: bool,
    indented: String,
    indented_at: Vec<(usize, usize)>,
    /// How many indented "code blocks" the one being read is inside (read as Markdown up to [`MDX_INDENT_DEPTH`]).
    indented_depth: usize,
    /// Where an MDX component block inside another block (a list item's `<Tabs>`) starts: read as Markdown between
    /// its tag lines when it ends (see [`Builder::component_markdown`]).
    nested_component: Option<usize>,
}

/// How deep indented text of an MDX page is read as Markdown; deeper, it stays a code block (a page indented
/// thousands of spaces deep must not nest the reading as deep).
const MDX_INDENT_DEPTH: usize = 8;

impl<'t> Builder<'t> {
    fn new(text: &'t str, body_start: usize, site: &'t SiteContext) -> Self {
        let preamble = Section {
            level: 0,
            title: String::new(),
            explicit_id: None,
            id: String::new(),
            span: body_start..body_start,
            // Filled in by `finish`: the first line with something on it.
            line: 0,
            blocks: Vec::new(),
            heading_norm: String::new(),
            body_norm: std::sync::OnceLock::new(),
            all_features: std::sync::OnceLock::new(),
            tokens: Vec::new(),
            prose_chars: 0,
        };
        Builder {
            text,
            lines: LineIndex::new(text),
            site,
            sections: vec![preamble],
            ids: TakenIds::default(),
            depth: 0,
            list_depth: 0,
            block: None,
            norm: String::new(),
            features: Features::default(),
            table_rows: 0,
            table_cells: 0,
            table_columns: 0,
            in_heading: None,
            heading_text: String::new(),
            code_lang: String::new(),
            code_diff_of: None,
            in_code: false,
            code_text: String::new(),
            image_depth: 0,
            image_ends: Vec::new(),
            links: Vec::new(),
            html_start: None,
            mdx: false,
            indented_text: false,
            indented: String::new(),
            indented_at: Vec::new(),
            indented_depth: 0,
            nested_component: None,
        }
    }

    fn start_block(&mut self, kind: BlockKind, start: usize) {
        if self.block.is_none() {
            self.block = Some((kind, start, self.depth));
            self.norm.clear();
            self.features = Features::default();
            self.table_rows = 0;
            self.table_columns = 0;
        }
    }

    fn end_block(&mut self, end: usize) {
        if let Some((kind, start, depth)) = self.block
            && depth == self.depth
        {
            self.block = None;
            // The buffer is kept, with its capacity, for the next block.
            let norm = collapse(&self.norm);
            self.norm.clear();
            let features = std::mem::take(&mut self.features);
            let shape = (self.table_rows, self.table_columns);
            self.push_block(kind, start..end, norm, features, shape);
        }
    }

    /// Adds a finished block to the current section: its numbers and shortcodes counted, its kind refined (MDX
    /// statements, component markup and shortcode-only paragraphs are not prose).
    fn push_block(
        &mut self,
        kind: BlockKind,
        span: Range<usize>,
        norm: String,
        mut features: Features,
        shape: (usize, usize),
    ) {
        // Text re-saved in NFD (a macOS editor: `e` and a combining accent for `é`) reads the same: compared in NFC.
        let norm = into_nfc(norm);
        {
            let (start, end) = (span.start, span.end);
            let raw = self.text.get(start..end).unwrap_or("");
            let kind = match kind {
                BlockKind::Paragraph if is_mdx_statement(raw) => {
                    self.mdx = true;
                    BlockKind::Mdx
                }
                BlockKind::Paragraph if is_mdx_comment(raw) => BlockKind::Mdx,
                BlockKind::Paragraph if is_shortcode_only(&norm) => BlockKind::Shortcode,
                BlockKind::Html | BlockKind::Paragraph if is_component(raw) => BlockKind::Component,
                other => other,
            };
            // Prose: a space before `:`, `;`, `!`, `?` or inside guillemets is typography (French spacing fixed in
            // an English page, or the other way), not meaning.
            let norm = match kind {
                BlockKind::Paragraph
                | BlockKind::ListItem
                | BlockKind::Quote
                | BlockKind::Table => match tighten_punctuation(&norm) {
                    std::borrow::Cow::Owned(tight) => tight,
                    std::borrow::Cow::Borrowed(_) => norm,
                },
                _ => norm,
            };
            // Without a digit, there is no number to look for.
            if !matches!(kind, BlockKind::Code | BlockKind::Mdx) && has_ascii_digit(&norm) {
                features.numbers.extend(numbers(&norm_without_code(&norm)));
            }
            if !matches!(kind, BlockKind::Code | BlockKind::Mdx) {
                features.shortcodes.extend(shortcodes(raw));
            }
            let block = Block {
                kind,
                span: start..end,
                line: self.lines.line(start),
                shape,
                features: (!features.is_empty()).then(|| Box::new(features)),
                norm,
                measured: std::sync::OnceLock::new(),
            };
            let section = self.sections.last_mut().expect("there is always a section");
            section.blocks.push(block);
        }
    }

    fn push_norm(&mut self, text: &str) {
        if self.in_heading.is_some() {
            self.heading_text.push_str(text);
        } else if self.block.is_some() {
            self.norm.push_str(text);
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) if self.indented_text => {
                self.indented_at.push((self.indented.len(), range.start));
                self.indented.push_str(&text);
            }
            Event::Text(text) => {
                if self.in_code {
                    self.code_text.push_str(&text);
                } else if self.image_depth > 0 {
                    // Alt text is words readers (and screen readers) get, translated like the rest: a change to it
                    // is a change of the block (it passed as formatting). In a heading it is what the reader sees of
                    // the image: the section's title.
                    self.push_norm(&text);
                } else {
                    self.push_norm(&canonical_shortcodes(&text));
                }
            }
            Event::Code(code) => {
                if self.block.is_some() && self.in_heading.is_none() {
                    self.features.inline_code.push(code.to_string());
                }
                self.push_norm(&format!("`{code}`"));
            }
            Event::Html(_) if self.html_start.is_some() || self.nested_component.is_some() => {
                // Read whole when the block ends.
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if self.block.is_none() && self.in_heading.is_none() {
                    self.start_block(BlockKind::Html, range.start);
                    self.norm.push_str(&canonical_shortcodes(&html));
                    self.end_block(range.end);
                } else {
                    self.push_norm(&canonical_shortcodes(&html));
                }
                for src in html_attributes(&html, "src") {
                    self.features.image(&src, self.site);
                }
                for href in html_attributes(&html, "href") {
                    self.features.link(&href, self.site);
                }
            }
            Event::SoftBreak | Event::HardBreak => self.push_norm(" "),
            Event::Rule => {
                self.start_block(BlockKind::Rule, range.start);
                self.norm.push_str("---");
                self.end_block(range.end);
            }
            Event::FootnoteReference(name) => self.push_norm(&format!("[^{name}]")),
            Event::TaskListMarker(done) => self.push_norm(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(math) => self.push_norm(&format!("${math}$")),
            Event::DisplayMath(math) => self.push_norm(&format!("$${math}$$")),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, id, .. } => {
                // A new section starts at the heading's line.
                let end = range.start;
                if let Some(last) = self.sections.last_mut() {
                    last.span.end = end;
                }
                self.in_heading = Some((level as u8, id.map(|i| i.to_string()), range.start));
                self.heading_text.clear();
            }
            Tag::Paragraph => self.start_block(BlockKind::Paragraph, range.start),
            Tag::Item => {
                // Each list item is a block; a nested list's items are blocks of their own.
                if let Some((BlockKind::ListItem, _, _)) = self.block {
                    self.end_block_forced(range.start);
                }
                self.start_block(BlockKind::ListItem, range.start);
            }
            Tag::List(_) => {
                self.list_depth += 1;
            }
            Tag::CodeBlock(CodeBlockKind::Indented)
                if self.mdx && !self.indented_text && self.indented_depth < MDX_INDENT_DEPTH =>
            {
                // MDX has no indented code: what is indented inside a component (`<Card>` … `</Card>`, a list
                // item's `<Tabs>`) is Markdown, read when the "code block" ends.
                self.indented_text = true;
                self.indented.clear();
                self.indented_at.clear();
            }
            Tag::CodeBlock(kind) => {
                self.start_block(BlockKind::Code, range.start);
                self.in_code = true;
                self.code_text.clear();
                (self.code_lang, self.code_diff_of) = match kind {
                    CodeBlockKind::Fenced(info) => {
                        let lang = info.split_whitespace().next().unwrap_or("").to_owned();
                        let diff_of = (lang == "diff").then(|| diff_language(&info)).flatten();
                        (lang, diff_of)
                    }
                    CodeBlockKind::Indented => (String::new(), None),
                };
            }
            Tag::Table(alignments) => {
                self.start_block(BlockKind::Table, range.start);
                self.table_columns = alignments.len();
            }
            Tag::TableHead | Tag::TableRow => {
                self.table_rows += 1;
                self.table_cells = 0;
                self.push_norm("\n|");
            }
            Tag::TableCell => {
                self.table_cells += 1;
            }
            Tag::BlockQuote(_) => self.start_block(BlockKind::Quote, range.start),
            Tag::HtmlBlock => {
                if self.block.is_none() && self.in_heading.is_none() {
                    self.html_start = Some(range.start);
                } else if self.in_heading.is_none()
                    && self.nested_component.is_none()
                    && self.splits_components(self.text.get(range.clone()).unwrap_or(""))
                {
                    self.nested_component = Some(range.start);
                } else {
                    self.start_block(BlockKind::Html, range.start);
                }
            }
            Tag::Emphasis => self.push_norm("*"),
            Tag::Strong => self.push_norm("**"),
            Tag::Strikethrough => self.push_norm("~~"),
            Tag::Superscript => self.push_norm("^"),
            Tag::Subscript => self.push_norm("~"),
            Tag::Link {
                dest_url, title, ..
            } => {
                let url = if self.in_heading.is_none() && self.block.is_some() {
                    self.features.link(&dest_url, self.site)
                } else {
                    self.canonical_url(&dest_url)
                };
                self.links.push(with_title(url, &title));
                self.push_norm("[");
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                if self.block.is_none() && self.in_heading.is_none() {
                    self.start_block(BlockKind::Paragraph, range.start);
                }
                let url = self.features.image(&dest_url, self.site);
                if self.in_heading.is_none() {
                    self.push_norm("![");
                    self.image_ends
                        .push(format!("]({})", with_title(url, &title)));
                } else {
                    self.image_ends.push(String::new());
                }
                self.image_depth += 1;
            }
            Tag::FootnoteDefinition(name) => {
                self.start_block(BlockKind::Paragraph, range.start);
                self.push_norm(&format!("[^{name}]: "));
            }
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                self.start_block(BlockKind::Paragraph, range.start);
            }
            Tag::MetadataBlock(_) => {}
        }
        self.depth += 1;
    }

    /// Ends the current list item block (before a sibling item starts).
    fn end_block_forced(&mut self, end: usize) {
        if let Some((kind, start, _)) = self.block {
            self.block = Some((kind, start, self.depth));
            self.end_block(end);
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        self.depth = self.depth.saturating_sub(1);
        match tag {
            TagEnd::Heading(level) => {
                let Some((_, explicit, start)) = self.in_heading.take() else {
                    return;
                };
                let title = collapse(&self.heading_text);
                self.push_section(level as u8, title, explicit, start);
                let _ = range;
            }
            TagEnd::HtmlBlock if self.html_start.is_some() => {
                let start = self.html_start.take().unwrap_or(range.start);
                self.html_block(start, range.end);
            }
            TagEnd::HtmlBlock if self.nested_component.is_some() => {
                let start = self.nested_component.take().unwrap_or(range.start);
                self.component_markdown(start, range.end);
            }
            TagEnd::Paragraph
            | TagEnd::Table
            | TagEnd::BlockQuote(_)
            | TagEnd::HtmlBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList => self.end_block(range.end),
            TagEnd::Item => {
                self.end_block(range.end);
            }
            TagEnd::List(_) => {
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock if self.indented_text => {
                self.indented_text = false;
                self.indented_markdown();
            }
            TagEnd::CodeBlock => {
                self.in_code = false;
                let mut code_norm = String::with_capacity(self.code_text.len());
                for (at, line) in self.code_text.lines().enumerate() {
                    if at > 0 {
                        code_norm.push('\n');
                    }
                    code_norm.push_str(line.trim_end());
                }
                self.features
                    .commands
                    .extend(commands(&code_norm, &self.code_lang));
                // A diff of a language's code is compared as that code after the change: a source that shows its
                // example as a diff (```` ```diff lang="js" ````) against a translation that still shows it plain.
                let lines = match &self.code_diff_of {
                    Some(lang) => code_lines(&after_diff(&code_norm), lang),
                    None => code_lines(&code_norm, &self.code_lang),
                };
                self.features.command_lines.extend(
                    lines
                        .iter()
                        .filter(|line| line.command)
                        .map(|line| line.text.clone()),
                );
                self.features.fences.push(lines);
                for part in [
                    "```",
                    &self.code_lang,
                    "\n",
                    code_norm.trim_matches('\n'),
                    "\n```",
                ] {
                    self.norm.push_str(part);
                }
                self.end_block(range.end);
            }
            TagEnd::TableCell => self.push_norm(" |"),
            TagEnd::Emphasis => self.push_norm("*"),
            TagEnd::Strong => self.push_norm("**"),
            TagEnd::Strikethrough => self.push_norm("~~"),
            TagEnd::Superscript => self.push_norm("^"),
            TagEnd::Subscript => self.push_norm("~"),
            TagEnd::Link => {
                let url = self.links.pop().unwrap_or_default();
                self.push_norm(&format!("]({url})"));
            }
            TagEnd::Image => {
                self.image_depth = self.image_depth.saturating_sub(1);
                if let Some(end) = self.image_ends.pop() {
                    self.push_norm(&end);
                }
            }
            _ => {}
        }
    }

    /// See [`Document::conflict_markers`]. Looked for only when an opening or closing marker is in the text.
    fn conflict_markers(&self) -> Box<[usize]> {
        let body = &self.text[self.sections[0].span.start..];
        if !(has(body, "<<<<<<<") || has(body, ">>>>>>>")) {
            return Box::default();
        }
        let in_code: Vec<(usize, usize)> = self
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .filter(|block| block.kind == BlockKind::Code)
            .map(|block| {
                let last = block.span.end.saturating_sub(1).max(block.span.start);
                (block.line, self.lines.line(last))
            })
            .collect();
        let first = self.lines.line(self.sections[0].span.start);
        body.lines()
            .enumerate()
            .map(|(at, line)| (first + at, line.trim_end_matches('\r')))
            .filter(|&(_, line)| {
                let marker = |sign: &str| {
                    line.strip_prefix(sign)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                };
                marker("<<<<<<<") || marker(">>>>>>>") || line == "======="
            })
            .map(|(number, _)| number)
            .filter(|number| {
                !in_code
                    .iter()
                    .any(|&(from, to)| (from..=to).contains(number))
            })
            .collect()
    }

    /// Reads the text of an indented "code block" of an MDX page as the Markdown it is there, each event placed where
    /// its text is in the page (text indented deeper still is read the same way).
    fn indented_markdown(&mut self) {
        let text = std::mem::take(&mut self.indented);
        let at = std::mem::take(&mut self.indented_at);
        let page = self.text;
        let place = |offset: usize| -> usize {
            let i = at
                .partition_point(|&(from, _)| from <= offset)
                .saturating_sub(1);
            let mut placed = at
                .get(i)
                .map_or(offset, |&(from, start)| start + (offset - from))
                .min(page.len());
            // A tab the indentation half used is given back as spaces: never place inside a character.
            while !page.is_char_boundary(placed) {
                placed -= 1;
            }
            placed
        };
        let text = mask_link_templates(&text).into_owned();
        let events: Vec<_> = Parser::new_ext(&text, super::parser_options())
            .into_offset_iter()
            .map(|(event, range)| (event, place(range.start)..place(range.end)))
            .collect();
        self.indented_depth += 1;
        for (event, range) in events {
            self.event(event, range);
        }
        self.indented_depth -= 1;
    }

    /// Whether an HTML block is an MDX component block to read as Markdown between its tag lines.
    fn splits_components(&self, raw: &str) -> bool {
        self.mdx && self.indented_depth < MDX_INDENT_DEPTH && is_component(raw)
    }

    /// Reads an MDX component block as MDX does: its JSX tag lines (`<TabItem label="npm">`, `</Aside>`, a tag
    /// written over several lines) are component markup, and what lies between them is Markdown. CommonMark ends an
    /// HTML block only at a blank line, so a fence or text written directly under a tag (`<TabItem>` then
    /// ```` ```sh ````, `<Aside>` then its words) was markup: its code never compared, its text no paragraph, and a
    /// translation formatted with blank lines there had a code block its source "lacked".
    fn component_markdown(&mut self, start: usize, end: usize) {
        let page = self.text;
        let raw = page.get(start..end).unwrap_or("");
        // (is a tag, range in the page), consecutive lines of one kind together.
        let mut pieces: Vec<(bool, Range<usize>)> = Vec::new();
        // A tag written over several lines goes on until the line that closes it.
        let mut tag_until = start;
        let mut at = start;
        for line in raw.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let tag = at < tag_until || is_component(trimmed);
            if at >= tag_until && tag {
                let from = at + (line.len() - trimmed.len());
                tag_until = jsx_len(&page[from..end]).map_or(at + line.len(), |len| from + len);
            }
            let range = at..at + line.len();
            at += line.len();
            match pieces.last_mut() {
                Some((kind, last)) if *kind == tag => last.end = range.end,
                _ => pieces.push((tag, range)),
            }
        }
        self.indented_depth += 1;
        for (tag, range) in pieces {
            let text = &page[range.clone()];
            if tag {
                let mut features = Features::default();
                for src in html_attributes(text, "src") {
                    features.image(&src, self.site);
                }
                for href in html_attributes(text, "href") {
                    features.link(&href, self.site);
                }
                let norm = collapse(&canonical_shortcodes(text));
                if self.block.is_some() {
                    self.push_norm(&norm);
                    self.push_norm(" ");
                    self.features.extend(&features);
                } else {
                    let end = range.start + text.trim_end().len();
                    self.push_block(BlockKind::Html, range.start..end, norm, features, (0, 0));
                }
            } else if text.chars().any(|c| !c.is_whitespace()) {
                let masked = mask_link_templates(text).into_owned();
                let events: Vec<_> = Parser::new_ext(&masked, super::parser_options())
                    .into_offset_iter()
                    .map(|(event, r)| (event, r.start + range.start..r.end + range.start))
                    .collect();
                for (event, r) in events {
                    self.event(event, r);
                }
            }
        }
        self.indented_depth -= 1;
    }

    /// Starts a section at a heading (Markdown or HTML) that begins at byte `start`.
    fn push_section(&mut self, level: u8, title: String, explicit: Option<String>, start: usize) {
        if let Some(last) = self.sections.last_mut() {
            last.span.end = start;
        }
        let stripped = strip_markup(&title);
        let id = match &explicit {
            Some(id) => id.clone(),
            None => hugo_auto_id(&stripped),
        };
        // An explicit id is the author's anchor, kept as written (`## Dup {#example}` after `## Example` was listed as
        // `example-2`, and `--section example` found the other section).
        let id = if explicit.is_some() {
            self.ids.taken.insert(id.clone());
            id
        } else {
            self.ids.unique(id)
        };
        // `## Title {#id}`
        let explicit_len = explicit.as_ref().map_or(0, |i| i.len() + 4);
        let mut heading_norm =
            String::with_capacity(usize::from(level) + 1 + title.len() + explicit_len);
        heading_norm.extend(std::iter::repeat_n('#', usize::from(level)));
        heading_norm.push(' ');
        // In NFC, as block text is (see `push_block`); the id keeps the title as written.
        heading_norm.push_str(&crate::util::chars::nfc(&title));
        if let Some(i) = &explicit {
            heading_norm.push_str(" {#");
            heading_norm.push_str(i);
            heading_norm.push('}');
        }
        self.sections.push(Section {
            level,
            title: stripped,
            explicit_id: explicit,
            id,
            span: start..self.text.len(),
            line: self.lines.line(start),
            blocks: Vec::new(),
            heading_norm,
            body_norm: std::sync::OnceLock::new(),
            all_features: std::sync::OnceLock::new(),
            tokens: Vec::new(),
            prose_chars: 0,
        });
    }

    /// A top-level HTML block: cut into its block elements (`<p>`, `<li>`, `<figure>`, `<table>`…) and sections (at
    /// `<h1>`–`<h6>`), or kept whole when it has none.
    fn html_block(&mut self, start: usize, end: usize) {
        let raw = self.text.get(start..end).unwrap_or("");
        if self.splits_components(raw) {
            self.component_markdown(start, end);
            return;
        }
        let pieces = split_html(raw);
        if pieces.is_empty() {
            let norm = collapse(&canonical_shortcodes(raw));
            let mut features = Features::default();
            for src in html_attributes(raw, "src") {
                features.image(&src, self.site);
            }
            for href in html_attributes(raw, "href") {
                features.link(&href, self.site);
            }
            self.push_block(BlockKind::Html, start..end, norm, features, (0, 0));
            return;
        }
        for piece in pieces {
            let span = start + piece.span.start..start + piece.span.end;
            let fragment = &raw[piece.span.clone()];
            match piece.kind {
                HtmlPieceKind::Heading(level) => {
                    let (title, _) = html_text(inner_html(fragment), self.site);
                    let explicit = html_attributes(opening_tag(fragment), "id")
                        .into_iter()
                        .next()
                        .filter(|id| !id.is_empty());
                    self.push_section(level, title, explicit, span.start);
                }
                HtmlPieceKind::Block(kind) => {
                    let (norm, features) = html_text(fragment, self.site);
                    let shape = if kind == BlockKind::Table {
                        html_table_shape(fragment)
                    } else {
                        (0, 0)
                    };
                    self.push_block(kind, span, norm, features, shape);
                }
            }
        }
    }

    fn finish(mut self) -> Vec<Section> {
        if let Some((_, start, _)) = self.block {
            self.block = Some((BlockKind::Paragraph, start, self.depth));
            self.end_block(self.text.len());
        }
        if let Some(last) = self.sections.last_mut() {
            last.span.end = self.text.len();
        }
        // An automatic id that came out as an explicit one further down gives way to it, the explicit id being the
        // author's anchor.
        if self.sections.iter().any(|s| s.explicit_id.is_some()) {
            let explicit: std::collections::HashSet<String> = self
                .sections
                .iter()
                .filter_map(|s| s.explicit_id.clone())
                .collect();
            for at in 0..self.sections.len() {
                let section = &self.sections[at];
                if section.explicit_id.is_none() && explicit.contains(&section.id) {
                    let id = self.ids.unique(section.id.clone());
                    self.sections[at].id = id;
                }
            }
        }
        let body_start = self.sections[0].span.start;
        let rest = &self.text[body_start..];
        self.sections[0].line = self
            .lines
            .line(body_start + (rest.len() - rest.trim_start().len()));
        for section in &mut self.sections {
            section.tokens = tokens(section.blocks.iter().map(Block::features));
            // Kept parsed for a while: without room to grow.
            section.blocks.shrink_to_fit();
            section.prose_chars = section
                .blocks
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem))
                .map(|b| non_whitespace_chars(&b.norm))
                .sum();
        }
        // Drop an empty preamble (a page that starts with a heading).
        if self.sections.len() > 1
            && self.sections[0].blocks.is_empty()
            && self.sections[0].raw(self.text).trim().is_empty()
        {
            self.sections.remove(0);
        }
        self.sections.shrink_to_fit();
        self.sections
    }

    /// A link target as compared: the site's own base URL dropped, a leading language folder dropped.
    fn canonical_url(&self, url: &str) -> String {
        canonical_url(url, self.site)
    }
}

/// See [`Builder::canonical_url`]. A trailing slash is dropped too: `/docs/x/` and `/docs/x`, `https://astro.build/chat/`
/// and `https://astro.build/chat` are one page (servers answer one with the other), and translators write either.
pub fn canonical_url(url: &str, site: &SiteContext) -> String {
    // The same targets come back in each language's version of a page, and in the versions read of each: kept by
    // what the form depends on (the base URL, the languages) and the target.
    static CANONICAL: Recent<String> = Recent::new(4096);
    CANONICAL.get_or_keyed(
        |key| {
            // NUL is in no URL and no language code: the parts cannot run into each other.
            key.push_str(site.base_url.as_deref().unwrap_or(""));
            for lang in &site.languages {
                key.push('\0');
                key.push_str(lang);
            }
            key.push_str("\0\0");
            key.push_str(url);
        },
        || canonical_url_of(url, site),
    )
}

/// [`canonical_url`], computed.
fn canonical_url_of(url: &str, site: &SiteContext) -> String {
    let mut url = site_relative(url, site);
    let end = url.find(['?', '#']).unwrap_or(url.len());
    if end > 1 && url[..end].ends_with('/') && !url[..end].ends_with("//") {
        url.remove(end - 1);
    }
    drop_language_suffix(&mut url, site);
    url
}

/// A link to a page file named with its language (`markdown.en.md`, the suffix layout: Hugo's `ref`, MkDocs) leads to
/// the page, whichever language's file it names: the suffix is dropped (`markdown.md`).
fn drop_language_suffix(url: &mut String, site: &SiteContext) {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let name_start = url[..end].rfind('/').map_or(0, |at| at + 1);
    let name = &url[name_start..end];
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return;
    };
    if !["md", "mdx", "markdown", "html"]
        .iter()
        .any(|page_ext| ext.eq_ignore_ascii_case(page_ext))
    {
        return;
    }
    let Some((page, lang)) = stem.rsplit_once('.') else {
        return;
    };
    if !page.is_empty() && site.languages.iter().any(|l| l.eq_ignore_ascii_case(lang)) {
        let at = name_start + page.len();
        url.replace_range(at..at + 1 + lang.len(), "");
    }
}

/// Stands for a space inside a template tag of a link target while the page is parsed ([`mask_link_templates`]).
const TEMPLATE_SPACE: u8 = b'~';

/// The body with the spaces inside template tags of link targets (`[x]({{< ref "a.md" >}})`, `[x]({{ site.baseurl
/// }}/a.html)`, `[x]({% link a.md %})`) replaced by [`TEMPLATE_SPACE`], so the Markdown parser reads a link there (a
/// target has no spaces) as the generator does after expanding its templates; same length, so every offset stays.
/// Borrowed as it is when no link target holds a template.
fn mask_link_templates(body: &str) -> std::borrow::Cow<'_, str> {
    if !(has(body, "](") && (has(body, "{{") || has(body, "{%"))) {
        return std::borrow::Cow::Borrowed(body);
    }
    let bytes = body.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut at = 0;
    while let Some(found) = body[at..].find("](") {
        let start = at + found + 2;
        // The target runs to its closing parenthesis on the same line, nested ones included.
        let (mut end, mut depth, mut braces) = (start, 0usize, 0usize);
        while end < bytes.len() && bytes[end] != b'\n' {
            match bytes[end] {
                b'{' => braces += 1,
                b'}' => braces = braces.saturating_sub(1),
                b'(' => depth += 1,
                b')' if depth == 0 && braces == 0 => break,
                b')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            end += 1;
        }
        at = end.max(start);
        if end >= bytes.len() || bytes[end] != b')' {
            continue;
        }
        let target = &body[start..end];
        if !(has(target, "{{") || has(target, "{%")) {
            continue;
        }
        let out = out.get_or_insert_with(|| bytes.to_vec());
        let mut inside = 0usize;
        for i in start..end {
            match bytes[i] {
                b'{' => inside += 1,
                b'}' => inside = inside.saturating_sub(1),
                b' ' if inside > 0 => out[i] = TEMPLATE_SPACE,
                _ => {}
            }
        }
    }
    match out {
        Some(out) => {
            std::borrow::Cow::Owned(String::from_utf8(out).expect("ASCII replaced by ASCII"))
        }
        None => std::borrow::Cow::Borrowed(body),
    }
}

/// A link target written with the generator's templates, as the page it leads to: Hugo's `{{< ref "a.md" >}}` and
/// `relref` (either delimiter, a `path=` argument too) give their page; Jekyll's `{% link a.md %}` and `{% post_url
/// a %}` theirs, `{{ "/a/" | relative_url }}` (or `absolute_url`) its path, and `{{ site.baseurl }}` or `{{ site.url
/// }}` in front of a path the site's root. Other templates are left as written. Spaces masked while parsing are
/// given back first.
fn untemplate(url: &str) -> std::borrow::Cow<'_, str> {
    if !(has(url, "{{") || has(url, "{%")) {
        return std::borrow::Cow::Borrowed(url);
    }
    let mut url = unmask_templates(url);
    // Hugo: one shortcode for the whole target, an anchor possibly after it.
    let tag = |open: &str, close: &str, url: &str| -> Option<(String, String)> {
        let inner = url.strip_prefix(open)?;
        let (inner, rest) = inner.split_once(close)?;
        Some((inner.trim().to_owned(), rest.to_owned()))
    };
    let quoted = |arg: &str| -> String { arg.trim().trim_matches(['"', '\'', '`']).to_owned() };
    for (open, close) in [("{{<", ">}}"), ("{{%", "%}}")] {
        if let Some((inner, rest)) = tag(open, close, &url) {
            let mut words = inner.splitn(2, char::is_whitespace);
            let name = words.next().unwrap_or("");
            if name == "ref" || name == "relref" {
                let arg = words.next().unwrap_or("").trim();
                let arg = arg.strip_prefix("path=").unwrap_or(arg);
                let path = quoted(arg.split_whitespace().next().unwrap_or(""));
                return std::borrow::Cow::Owned(format!("{path}{rest}"));
            }
        }
    }
    // Jekyll: `{% link a.md %}`, `{% post_url a %}`.
    if let Some((inner, rest)) = tag("{%", "%}", &url) {
        let mut words = inner.split_whitespace();
        if let (Some("link" | "post_url"), Some(path)) = (words.next(), words.next()) {
            return std::borrow::Cow::Owned(format!("{}{rest}", quoted(path)));
        }
    }
    // `{{ "/a/" | relative_url }}`: the path.
    if let Some((inner, rest)) = tag("{{", "}}", &url)
        && let Some((value, filter)) = inner.split_once('|')
        && matches!(filter.trim(), "relative_url" | "absolute_url")
    {
        return std::borrow::Cow::Owned(format!("{}{rest}", quoted(value)));
    }
    // `{{ site.baseurl }}/a.html`, `{{ site.url }}{{ site.baseurl }}/a.html`: the site's root.
    while let Some((inner, rest)) = tag("{{", "}}", &url) {
        if !matches!(inner.trim_matches('-').trim(), "site.baseurl" | "site.url") {
            break;
        }
        url = rest;
    }
    std::borrow::Cow::Owned(url)
}

/// A link target as written: the spaces [`mask_link_templates`] replaced inside its template tags given back.
fn unmask_templates(url: &str) -> String {
    let mut inside = 0usize;
    url.chars()
        .map(|c| match c {
            '{' => {
                inside += 1;
                c
            }
            '}' => {
                inside = inside.saturating_sub(1);
                c
            }
            c if c == TEMPLATE_SPACE as char && inside > 0 => ' ',
            c => c,
        })
        .collect()
}

/// A link target with the site's base URL and a language segment dropped.
fn site_relative(url: &str, site: &SiteContext) -> String {
    let mut url = untemplate(url.trim()).trim().to_owned();
    if let Some(base) = &site.base_url {
        let base = base.trim_end_matches('/');
        let strip_scheme = |u: &str| {
            u.trim_start_matches("https://")
                .trim_start_matches("http://")
                .to_owned()
        };
        let bare_base = strip_scheme(base);
        let bare_url = strip_scheme(&url);
        if !bare_base.is_empty()
            && (url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//"))
            && bare_url.trim_start_matches("//").starts_with(&bare_base)
        {
            let rest = &bare_url.trim_start_matches("//")[bare_base.len()..];
            if rest.is_empty()
                || rest.starts_with('/')
                || rest.starts_with('#')
                || rest.starts_with('?')
            {
                url = if rest.is_empty() {
                    "/".to_owned()
                } else {
                    rest.to_owned()
                };
            }
        }
    }
    // Another site's page in another language is the same page to a translation: translators link to the
    // localized docs of the tools they cite (`https://docs.example.org/en/x/` → `…/fr/x/`). The language segment right
    // after the host is dropped.
    let (origin, path) = match url.find("://").map(|at| at + 3) {
        Some(host) => match url[host..].find('/') {
            Some(slash) => url.split_at(host + slash),
            None => (url.as_str(), ""),
        },
        None => ("", url.as_str()),
    };
    let bytes = path.as_bytes();
    for lang in &site.languages {
        // `/{lang}/…` or `/{lang}`, case aside.
        let n = lang.len();
        if bytes.first() != Some(&b'/')
            || !bytes
                .get(1..=n)
                .is_some_and(|head| head.eq_ignore_ascii_case(lang.as_bytes()))
        {
            continue;
        }
        match bytes.get(n + 1) {
            Some(b'/') => return format!("{origin}{}", &path[n + 1..]),
            None => return format!("{origin}/"),
            Some(_) => {}
        }
    }
    // Another site may spell the language with its region (`/en-US/`, `/fr-FR/`): its first subtag is enough there.
    if !origin.is_empty() {
        let segment = path[1.min(path.len())..].split('/').next().unwrap_or("");
        let primary = |tag: &str| tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        let regional = segment.contains('-')
            && segment.split('-').skip(1).all(|sub| {
                (2..=8).contains(&sub.len()) && sub.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if regional
            && site
                .languages
                .iter()
                .any(|lang| primary(lang) == primary(segment))
        {
            let rest = &path[1 + segment.len()..];
            return format!("{origin}{}", if rest.is_empty() { "/" } else { rest });
        }
    }
    url
}

/// A section's normalised body: its blocks' normalised text, each after its kind's prefix, one per line (built in one
/// allocation, when first asked for).
fn body_norm(blocks: &[Block]) -> String {
    let len = blocks
        .iter()
        .map(|b| 1 + block_prefix(b.kind).len() + b.norm.len())
        .sum();
    let mut out = String::with_capacity(len);
    for block in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(block_prefix(block.kind));
        out.push_str(&block.norm);
    }
    out
}

fn block_prefix(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::ListItem => "- ",
        BlockKind::Quote => "> ",
        _ => "",
    }
}

/// Whitespace runs become one space; ends trimmed. Code blocks keep their lines. Text is copied by runs: a single
/// space between words stays in the run, any other whitespace ends it.
fn collapse(text: &str) -> String {
    if text.starts_with("```") || is_collapsed(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    // The run not copied yet starts at `from` (`None`: no word yet) and its last word ends at `end`.
    let (mut from, mut end, mut at) = (None, 0, 0);
    while at < bytes.len() {
        let len = match WHITESPACE_LEAD[usize::from(bytes[at])] {
            false => 0,
            true => whitespace_len(bytes, at),
        };
        if len == 0 {
            from.get_or_insert(at);
            at += 1;
            while at < bytes.len() && !WHITESPACE_LEAD[usize::from(bytes[at])] {
                at += 1;
            }
            end = at;
            continue;
        }
        let space = at;
        at += len;
        while at < bytes.len() && WHITESPACE_LEAD[usize::from(bytes[at])] {
            match whitespace_len(bytes, at) {
                0 => break,
                len => at += len,
            }
        }
        let single = at == space + 1 && bytes[space] == b' ';
        if let Some(start) = from
            && at < bytes.len()
            && !single
        {
            out.push_str(&text[start..space]);
            out.push(' ');
            from = Some(at);
        }
    }
    if let Some(start) = from {
        out.push_str(&text[start..end]);
    }
    out
}

/// Whether a text is collapsed already (most prose is): no whitespace at its ends, none between words but single
/// spaces. Each test runs over the whole text at once, without a branch per byte.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    !(text.starts_with(' ')
        || text.ends_with(' ')
        || bytes
            .iter()
            .fold(false, |any, &b| any | (0x09..=0x0D).contains(&b))
        || memchr::memmem::find(bytes, b"  ").is_some()
        || wide_whitespace(text).next().is_some())
}

/// Normalised prose with typographic spacing dropped: the space before `:`, `;`, `!` and `?`, after `«` and before
/// `»` (whitespace is already one space). Inline code (between backticks) is left as it is.
fn tighten_punctuation(norm: &str) -> std::borrow::Cow<'_, str> {
    let bytes = norm.as_bytes();
    let spaced = |at: usize| {
        bytes[at] == b' '
            && (matches!(bytes.get(at + 1), Some(b':' | b';' | b'!' | b'?'))
                || norm[at + 1..].starts_with('»')
                || norm[..at].ends_with('«'))
    };
    // Most text has none: found by looking at the punctuation only (`«` and `»` start with 0xC2 in UTF-8).
    let candidate = |p: usize| match bytes[p] {
        0xC2 => match bytes.get(p + 1) {
            Some(0xBB) => p > 0 && spaced(p - 1),
            Some(0xAB) => bytes.get(p + 2) == Some(&b' '),
            _ => false,
        },
        _ => p > 0 && spaced(p - 1),
    };
    if !memchr::memchr3_iter(b':', b';', b'?', bytes)
        .chain(memchr::memchr2_iter(b'!', 0xC2, bytes))
        .any(candidate)
    {
        return std::borrow::Cow::Borrowed(norm);
    }
    let mut out = String::with_capacity(norm.len());
    let mut in_code = false;
    let mut from = 0;
    for at in 0..bytes.len() {
        if bytes[at] == b'`' {
            in_code = !in_code;
        } else if !in_code && at > 0 && spaced(at) {
            out.push_str(&norm[from..at]);
            from = at + 1;
        }
    }
    out.push_str(&norm[from..]);
    std::borrow::Cow::Owned(out)
}

/// `{{% x %}}` and `{{< x >}}` are the same shortcode; so is `{{<x>}}`.
/// A link's or an image's target with its title, as the normalised text writes them: `url "title"` (a title is
/// words readers get on hover, translated like the rest).
fn with_title(url: String, title: &str) -> String {
    if title.is_empty() {
        url
    } else {
        format!("{url} \"{title}\"")
    }
}

fn canonical_shortcodes(text: &str) -> std::borrow::Cow<'_, str> {
    if !has(text, "{{") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let trimmed = after.trim_start();
        if let Some(inner) = trimmed
            .strip_prefix('<')
            .or_else(|| trimmed.strip_prefix('%'))
        {
            let close = inner.find("}}").unwrap_or(inner.len());
            let body = inner[..close]
                .trim_end()
                .trim_end_matches(['>', '%'])
                .trim();
            out.push_str("{{< ");
            out.push_str(&collapse(body));
            out.push_str(" >}}");
            rest = &inner[(close + 2).min(inner.len())..];
        } else {
            out.push_str("{{");
            rest = after;
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Shortcode names in raw text: `{{< note >}}`, `{{% alert title="x" %}}` → `note`, `alert`; closing tags skipped.
pub fn shortcodes(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !raw.contains('{') {
        return out;
    }
    let mut rest = raw;
    while let Some(start) = rest.find("{{") {
        let after = rest[start + 2..].trim_start();
        rest = &rest[start + 2..];
        let Some(inner) = after.strip_prefix('<').or_else(|| after.strip_prefix('%')) else {
            continue;
        };
        let inner = inner.trim_start();
        if inner.starts_with('/') || inner.starts_with("/*") {
            continue;
        }
        let name: String = inner
            .chars()
            .take_while(|c| is_alphanumeric(*c) || *c == '-' || *c == '_' || *c == '/')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

/// Numbers in text (`1.28`, `8080`, `512`): they survive translation. Decimal commas count as points.
fn numbers(text: &str) -> Vec<String> {
    numbers_at(text)
        .into_iter()
        .map(|(number, _)| number)
        .collect()
}

/// The numbers of a text (see [`numbers`]), each with the bytes it was read from.
fn numbers_at(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    // Digits, points and commas are ASCII: read as bytes (no byte of a longer character is ASCII).
    let bytes = text.as_bytes();
    let digits_at = |at: usize| {
        bytes[at.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < bytes.len() {
        // A digit right after a letter of a spaced script is part of a word (`k8s`, `i18n`, `v4`); after a CJK
        // character it starts a number (`第3章`: those scripts put no space around numbers).
        if bytes[i].is_ascii_digit() && !text[..i].chars().next_back().is_some_and(word_letter) {
            let start = i;
            let mut number = String::new();
            // Digits since the last separator, and whether a space grouped them.
            let mut group = 0;
            let mut spaced = false;
            while let Some(&byte) = bytes.get(i) {
                if byte.is_ascii_digit() {
                    number.push(char::from(byte));
                    group += 1;
                    i += 1;
                    continue;
                }
                // A space, a no-break space or a narrow no-break space between groups of three digits is a thousands
                // separator (`10 000`, `1 024,5`): the number goes on, joined.
                let space = match byte {
                    b' ' => 1,
                    0xC2 if bytes.get(i + 1) == Some(&0xA0) => 2,
                    0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xAF) => 3,
                    _ => 0,
                };
                if space > 0 {
                    let next = i + space;
                    if (group <= 3 || spaced)
                        && !number.contains('.')
                        && digits_at(next) == 3
                        && !text[next + 3..].chars().next().is_some_and(is_alphanumeric)
                    {
                        spaced = true;
                        group = 0;
                        i = next;
                        continue;
                    }
                    break;
                }
                if matches!(byte, b'.' | b',') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    // A point or a comma before exactly three digits groups thousands (`10,000`, `1.024,5`): joined,
                    // on both sides alike; otherwise it is a decimal (or version) point, a comma read as a point.
                    if digits_at(i + 1) != 3 {
                        number.push('.');
                    }
                    group = 0;
                    i += 1;
                    continue;
                }
                break;
            }
            // Letters right after the digits are a unit or a suffix (`50KB`, `2nd`, `2023년`, `404ページ`): the number
            // is kept, as it is where a space stands between (`50 KB`).
            out.push((number, start..i));
        } else if bytes[i].is_ascii_digit() {
            // The rest of a word's digits (`v5.0` is no `0`).
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b'.' | b',')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// What a number measures, when a unit of a measuring system or a currency stands beside it: (quantity, system).
pub type Measure = (&'static str, &'static str);

/// The numbers of a block's normalised text (as [`Features::numbers`] reads them), each with what it measures when a
/// unit or a currency stands beside it (`$10`, `9 €`, `70 °F`, `13-inch`, `8 km`). A translation converts prices,
/// distances, weights and temperatures for its readers: `$10` → `9 €` is the same price, not a changed number.
pub fn measured_numbers(norm: &str) -> Vec<(String, Option<Measure>)> {
    let text = norm_without_code(norm);
    numbers_at(&text)
        .into_iter()
        .map(|(number, at)| {
            let measure =
                unit_after(&text[at.end..]).or_else(|| currency_before(&text[..at.start]));
            (number, measure)
        })
        .collect()
}

/// Units of measuring systems a translation converts between, by quantity: (quantity, system, units as written).
/// Words are the source's (imperial units are mostly written out in English); metric units are their symbols, which
/// every language writes alike.
const UNITS: &[(&str, &str, &[&str])] = &[
    ("temperature", "fahrenheit", &["°F", "℉", "F°"]),
    ("temperature", "celsius", &["°C", "℃", "C°"]),
    (
        "length",
        "imperial",
        &[
            "mi", "mile", "miles", "ft", "foot", "feet", "inch", "inches", "yd", "yard", "yards",
        ],
    ),
    ("length", "metric", &["km", "m", "cm", "mm"]),
    (
        "mass",
        "imperial",
        &["lb", "lbs", "pound", "pounds", "oz", "ounce", "ounces"],
    ),
    ("mass", "metric", &["kg", "g", "mg"]),
    (
        "volume",
        "imperial",
        &[
            "gal", "gallon", "gallons", "qt", "quart", "quarts", "pint", "pints",
        ],
    ),
    ("volume", "metric", &["l", "L", "ml", "mL", "cl"]),
    ("speed", "imperial", &["mph"]),
    ("speed", "metric", &["km/h", "kph", "kmh"]),
    ("share", "percent", &["%", "٪"]),
];

/// Currencies, as a sign or an ISO code; each is a system of its own.
const CURRENCIES: &[(&str, &[&str])] = &[
    ("usd", &["$", "US$", "USD"]),
    ("eur", &["€", "EUR"]),
    ("gbp", &["£", "GBP"]),
    ("jpy", &["¥", "JPY", "円"]),
    ("inr", &["₹", "INR"]),
    ("krw", &["₩", "KRW", "원"]),
    ("rub", &["₽", "RUB"]),
    ("brl", &["R$", "BRL"]),
    ("chf", &["CHF"]),
    ("cad", &["CAD", "C$"]),
    ("aud", &["AUD", "A$"]),
    ("cny", &["CNY", "RMB", "元"]),
];

/// What a unit or currency written right after a number measures (`70 °F`, `13-inch`, `9 €`, `10 USD`).
fn unit_after(rest: &str) -> Option<Measure> {
    let rest = [" ", "\u{a0}", "\u{202f}", "-"]
        .iter()
        .find_map(|gap| rest.strip_prefix(gap))
        .unwrap_or(rest);
    let unit: String = rest
        .chars()
        .take_while(|c| {
            c.is_alphabetic()
                || matches!(
                    c,
                    '°' | '/'
                        | '$'
                        | '€'
                        | '£'
                        | '¥'
                        | '₹'
                        | '₩'
                        | '₽'
                        | '℉'
                        | '℃'
                        | '%'
                        | '٪'
                )
        })
        .collect();
    // An elided word is no unit (`l'outil`).
    if rest[unit.len()..].starts_with(['\'', '’']) {
        return None;
    }
    measure_of(unit.trim_end_matches('/'))
}

/// What a currency written right before a number measures (`$10`, `€ 9`, `USD 10`).
fn currency_before(before: &str) -> Option<Measure> {
    let before = before
        .strip_suffix([' ', '\u{a0}', '\u{202f}'])
        .unwrap_or(before);
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\''))
        .next()?;
    CURRENCIES
        .iter()
        .find(|(_, signs)| signs.contains(&word))
        .map(|(code, _)| ("currency", *code))
}

fn measure_of(unit: &str) -> Option<Measure> {
    if unit.is_empty() {
        return None;
    }
    if let Some((quantity, system, _)) = UNITS.iter().find(|(_, _, units)| units.contains(&unit)) {
        return Some((quantity, system));
    }
    CURRENCIES
        .iter()
        .find(|(_, signs)| signs.contains(&unit))
        .map(|(code, _)| ("currency", *code))
}

/// A letter or digit of a script that writes spaces between words (below the Hangul Jamo block: Latin, Greek,
/// Cyrillic, Arabic, Indic…): a digit right after one is part of a word.
fn word_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || (u32::from(c) < 0x1100 && is_alphanumeric(c))
}

/// The text of a normalised block without its inline code and URLs (their digits are counted elsewhere).
fn norm_without_code(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len());
    let mut in_code = false;
    let mut in_url = 0;
    let mut prev = ' ';
    for c in norm.chars() {
        if c == '`' {
            in_code = !in_code;
            continue;
        }
        if c == '(' && prev == ']' {
            in_url += 1;
        } else if c == ')' && in_url > 0 {
            in_url -= 1;
            prev = c;
            continue;
        }
        if !in_code && in_url == 0 {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// What a translation must keep of a code block, by its language: the commands and flags of shell code (the first
/// word of each line, after a prompt, and words starting with `-`), the keys of configuration files. Comments are
/// left out, since translators translate them; so is every other language (diagrams, Markdown examples and program
/// text carry translated labels and strings).
fn commands(code: &str, lang: &str) -> Vec<String> {
    let lang = lang.to_ascii_lowercase();
    if SHELL_LANGS.contains(&lang.as_str()) {
        shell_commands(code)
    } else if CONFIG_LANGS.contains(&lang.as_str()) {
        config_keys(code)
    } else {
        Vec::new()
    }
}

fn shell_commands(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("//") {
            continue;
        }
        let line = line
            .strip_prefix("$ ")
            .or_else(|| line.strip_prefix("> "))
            .unwrap_or(line);
        let code_part = match line.find(" #") {
            Some(at) => &line[..at],
            None => line,
        };
        let mut first = true;
        for word in code_part.split_whitespace() {
            if first {
                out.push(word.to_owned());
                first = false;
            } else if word.starts_with('-') && word.len() > 1 {
                out.push(word.split('=').next().unwrap_or(word).to_owned());
            } else if word == "|" || word == "&&" || word == ";" {
                first = true;
            }
        }
    }
    out
}

/// Keys of a configuration file: what stands before the first `=` or `:` of a line, when it reads as a key.
fn config_keys(code: &str) -> Vec<String> {
    config_entries(code)
        .into_iter()
        .map(|(key, _, _)| key)
        .collect()
}

/// The lines of a configuration file as a translation keeps them: each key, with its value when the value is one a
/// translator never changes (`port = 8080`, `replicas: 3`, `"debug": false`, `version: "1.2.3"`). A string of words,
/// a name, a path or a URL (translated, or pointed at the translation's own pages) is left out, as before.
fn config_lines(code: &str) -> Vec<String> {
    config_entries(code)
        .into_iter()
        .map(|(key, separator, value)| match value {
            Some(value) if separator == ':' => format!("{key}: {value}"),
            Some(value) => format!("{key} = {value}"),
            None => key,
        })
        .collect()
}

/// Whether a configuration value is one translators keep: a boolean or null, or a number, a version, a size or a
/// duration (ASCII, no space, a digit; no path or URL, which may point at the translation's pages).
fn kept_config_value(value: &str) -> bool {
    matches!(value, "true" | "false" | "null")
        || (value.bytes().any(|b| b.is_ascii_digit())
            && value.bytes().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+' | b'_' | b':')
            }))
}

/// (key, separator, value kept) of each line of a configuration file that reads as a key.
fn config_entries(code: &str) -> Vec<(String, char, Option<String>)> {
    code.lines()
        .map(str::trim)
        .filter(|line| {
            !line.is_empty()
                && !line.starts_with('#')
                && !line.starts_with("//")
                && !line.starts_with(';')
        })
        .filter_map(|line| {
            let line = line.trim_start_matches("- ");
            let end = line.find(['=', ':'])?;
            let key = line[..end].trim().trim_matches(['"', '\'']);
            let is_key = !key.is_empty()
                && key
                    .chars()
                    .all(|c| is_alphanumeric(c) || matches!(c, '_' | '-' | '.' | '[' | ']'));
            let separator = char::from(line.as_bytes()[end]);
            // The value without a trailing comment, a JSON comma or its quotes.
            let value = line[end + 1..].trim();
            let value = match value.find(" #") {
                Some(at) => value[..at].trim_end(),
                None => value,
            };
            let value = value.trim_end_matches(',').trim_matches(['"', '\'']);
            let kept = kept_config_value(value).then(|| value.to_owned());
            is_key.then(|| (key.to_owned(), separator, kept))
        })
        .collect()
}

/// An MDX paragraph that is code rather than prose: `import`/`export` statements, or component markup
/// (`<Card title="…">`).
pub(crate) fn is_mdx_code(raw: &str) -> bool {
    is_mdx_statement(raw) || is_component(raw)
}

/// A paragraph of MDX comments only (`{/* Keep in step with the props. */}`): notes for the page's maintainers, which
/// a translation need not carry (and which `scaffold` writes as its markers in MDX).
fn is_mdx_comment(raw: &str) -> bool {
    let raw = raw.trim();
    raw.starts_with("{/*") && raw.ends_with("*/}")
}

/// An MDX `import`/`export` statement (`import Warning from '…'`, `export const x = …`): every line of the paragraph
/// is part of one.
fn is_mdx_statement(raw: &str) -> bool {
    let first = raw.trim_start();
    let import = first
        .strip_prefix("import ")
        .is_some_and(|rest| rest.contains(" from ") || rest.starts_with(['\'', '"']));
    let export = first.strip_prefix("export ").is_some_and(|rest| {
        [
            "const ",
            "let ",
            "var ",
            "function ",
            "default ",
            "{",
            "*",
            "async ",
        ]
        .iter()
        .any(|k| rest.starts_with(k))
    });
    import || export
}

/// A paragraph that is shortcodes and nothing else.
fn is_shortcode_only(norm: &str) -> bool {
    if !has(norm, "{{<") {
        return false;
    }
    let mut rest = norm.to_owned();
    while let Some(start) = rest.find("{{<") {
        match rest[start..].find(">}}") {
            Some(end) => rest.replace_range(start..start + end + 3, ""),
            None => break,
        }
    }
    !rest.chars().any(is_alphanumeric)
}

/// Markup of an MDX component: the block starts with a capitalised tag (`<Warning />`, `</Tabs>`).
fn is_component(raw: &str) -> bool {
    let first = raw.trim_start();
    let tag = first
        .strip_prefix("</")
        .or_else(|| first.strip_prefix('<'))
        .unwrap_or("");
    tag.starts_with(|c: char| c.is_ascii_uppercase())
}

/// The length of the JSX tag (`<Card title="…">`, `</Card>`, `<Code … />`, `<>`) or expression (`{/* note */}`) that
/// `text` starts with, up to the `>` or `}` that closes it: a tag's attributes may go on over many lines, and neither
/// a `>` inside a quoted value or an expression (`code={`a > b`}`, `filter={(x) => x}`) nor a blank line inside a
/// template literal ends it, as MDX reads them. `None` when `text` starts no tag or expression, or never closes it.
pub(crate) fn jsx_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes.first()? {
        b'{' => jsx_expression_end(bytes, 1),
        b'<' => {
            let name = usize::from(bytes.get(1) == Some(&b'/')) + 1;
            if !bytes
                .get(name)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'>')
            {
                return None;
            }
            let mut i = name;
            while i < bytes.len() {
                match bytes[i] {
                    b'>' => return Some(i + 1),
                    b'"' | b'\'' => i = jsx_string_end(bytes, i, false)?,
                    b'{' => i = jsx_expression_end(bytes, i + 1)?,
                    // A line breaking inside a tag is fine, an opening `<` there is text: no tag.
                    b'<' => return None,
                    _ => i += 1,
                }
            }
            None
        }
        _ => None,
    }
}

/// Where the expression whose body starts at `i` (just past its `{`) ends, past its `}`: braces counted, strings,
/// template literals (with their `${…}`) and comments skipped.
fn jsx_expression_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 1usize;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                depth += 1;
                i += 1;
            }
            b'}' => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'"' | b'\'' => i = jsx_string_end(bytes, i, true)?,
            b'`' => {
                i += 1;
                loop {
                    match bytes.get(i)? {
                        b'\\' => i += 2,
                        b'`' => break i += 1,
                        b'$' if bytes.get(i + 1) == Some(&b'{') => {
                            i = jsx_expression_end(bytes, i + 2)?
                        }
                        _ => i += 1,
                    }
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let close = memchr::memmem::find(&bytes[i + 2..], b"*/")?;
                i += close + 4;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            }
            _ => i += 1,
        }
    }
    None
}

/// Where the quoted string starting at `i` ends, past its closing quote. A backslash escapes in an expression's
/// string, not in an attribute's value (`path="C:\"` ends at its second quote).
fn jsx_string_end(bytes: &[u8], i: usize, escapes: bool) -> Option<usize> {
    let quote = bytes[i];
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' if escapes => j += 2,
            b if b == quote => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// The length of the JSX flow that `text`, starting at a line's start, opens: a line (or lines) of JSX tags and
/// expressions only, optionally indented (`<Tabs>`, `\t</TabItem>`, `{/* note */}`, `<Code` and its attributes down to
/// the `/>` alone on its line), its line ending included. MDX reads such lines as markup, never as Markdown. `None`
/// when the line starts otherwise or holds text after its tags (`<Badge text="New" /> is shipped`: a paragraph).
pub(crate) fn jsx_flow_len(text: &str) -> Option<usize> {
    let mut i = text.len() - text.trim_start_matches([' ', '\t']).len();
    if !text[i..].starts_with(['<', '{']) {
        return None;
    }
    loop {
        i += jsx_len(&text[i..])?;
        i = text.len() - text[i..].trim_start_matches([' ', '\t', '\r']).len();
        match text.as_bytes().get(i) {
            None => return Some(i),
            Some(b'\n') => return Some(i + 1),
            Some(b'<' | b'{') => {}
            Some(_) => return None,
        }
    }
}

/// What a piece of an HTML block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HtmlPieceKind {
    Heading(u8),
    Block(BlockKind),
}

/// A block element or heading found in an HTML block, `span` relative to the block.
#[derive(Debug, Clone, PartialEq, Eq)]
struct HtmlPiece {
    kind: HtmlPieceKind,
    span: Range<usize>,
}

/// One tag of an HTML fragment: its lowercase name, whether it closes, and its bytes.
struct HtmlTag {
    name: String,
    closing: bool,
    span: Range<usize>,
}

/// The tags of an HTML fragment, comments skipped.
fn html_tags(html: &str) -> Vec<HtmlTag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |end| i + end + 3);
            continue;
        }
        let closing = bytes.get(i + 1) == Some(&b'/');
        let name_start = i + 1 + usize::from(closing);
        let name: String = html[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let end = html[i..].find('>').map_or(bytes.len(), |end| i + end + 1);
        out.push(HtmlTag {
            name: name.to_ascii_lowercase(),
            closing,
            span: i..end,
        });
        i = end;
    }
    out
}

/// The block elements and headings of an HTML block, outermost only, in order. Empty when it has none (a lone `<div>`,
/// a component). Text between them that carries words is a paragraph of its own.
fn split_html(html: &str) -> Vec<HtmlPiece> {
    let block_kind = |name: &str| match name {
        "p" | "dd" | "dt" | "figcaption" => Some(HtmlPieceKind::Block(BlockKind::Paragraph)),
        "li" => Some(HtmlPieceKind::Block(BlockKind::ListItem)),
        "figure" => Some(HtmlPieceKind::Block(BlockKind::Html)),
        "table" => Some(HtmlPieceKind::Block(BlockKind::Table)),
        "pre" => Some(HtmlPieceKind::Block(BlockKind::Code)),
        "blockquote" => Some(HtmlPieceKind::Block(BlockKind::Quote)),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            Some(HtmlPieceKind::Heading(name.as_bytes()[1] - b'0'))
        }
        _ => None,
    };
    let mut pieces = Vec::new();
    // The open piece: (kind, tag name, start, nesting of that tag).
    let mut open: Option<(HtmlPieceKind, String, usize, usize)> = None;
    // Where text outside any piece starts.
    let mut loose = 0;
    let flush_loose = |pieces: &mut Vec<HtmlPiece>, from: usize, to: usize| {
        if from < to {
            let run = &html[from..to];
            let text = strip_tags(run);
            // Words make a paragraph; media alone a block of markup.
            let kind = if text.chars().any(is_alphanumeric) {
                Some(BlockKind::Paragraph)
            } else if html_tags(run)
                .iter()
                .any(|t| matches!(t.name.as_str(), "img" | "video" | "iframe" | "picture"))
            {
                Some(BlockKind::Html)
            } else {
                None
            };
            if let Some(kind) = kind {
                let lead = run.len() - run.trim_start().len();
                let trail = run.len() - run.trim_end().len();
                pieces.push(HtmlPiece {
                    kind: HtmlPieceKind::Block(kind),
                    span: from + lead..to - trail,
                });
            }
        }
    };
    let tags = html_tags(html);
    for tag in &tags {
        match &mut open {
            Some((kind, name, start, nesting)) if *name == tag.name => {
                if tag.closing {
                    if *nesting == 0 {
                        pieces.push(HtmlPiece {
                            kind: *kind,
                            span: *start..tag.span.end,
                        });
                        open = None;
                        loose = tag.span.end;
                    } else {
                        *nesting -= 1;
                    }
                } else if matches!(name.as_str(), "p" | "li") && *nesting == 0 {
                    // `<p>` and `<li>` close themselves when a sibling opens.
                    pieces.push(HtmlPiece {
                        kind: *kind,
                        span: *start..tag.span.start,
                    });
                    *start = tag.span.start;
                } else {
                    *nesting += 1;
                }
            }
            Some((_, name, start, _)) => {
                // A heading or a block-level sibling ends an unclosed paragraph.
                let implicit_end = name == "p"
                    && !tag.closing
                    && matches!(
                        block_kind(&tag.name),
                        Some(HtmlPieceKind::Heading(_))
                            | Some(HtmlPieceKind::Block(
                                BlockKind::Table | BlockKind::Html | BlockKind::Quote
                            ))
                    );
                if implicit_end {
                    pieces.push(HtmlPiece {
                        kind: HtmlPieceKind::Block(BlockKind::Paragraph),
                        span: *start..tag.span.start,
                    });
                    let kind = block_kind(&tag.name).expect("a block tag");
                    open = Some((kind, tag.name.clone(), tag.span.start, 0));
                }
            }
            None => {
                if tag.closing {
                    continue;
                }
                if let Some(kind) = block_kind(&tag.name) {
                    flush_loose(&mut pieces, loose, tag.span.start);
                    open = Some((kind, tag.name.clone(), tag.span.start, 0));
                }
            }
        }
    }
    if let Some((kind, _, start, _)) = open {
        let end = html.trim_end().len().max(start);
        pieces.push(HtmlPiece {
            kind,
            span: start..end,
        });
    } else if !pieces.is_empty() {
        flush_loose(&mut pieces, loose, html.len());
    }
    pieces
}

/// The text of an HTML fragment without its tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for tag in html_tags(html) {
        out.push_str(&html[from..tag.span.start]);
        from = tag.span.end;
    }
    out.push_str(&html[from.min(html.len())..]);
    out
}

/// The opening tag of an element.
fn opening_tag(element: &str) -> &str {
    match element.find('>') {
        Some(end) => &element[..=end],
        None => element,
    }
}

/// What an element holds between its opening and closing tags.
fn inner_html(element: &str) -> &str {
    let start = element.find('>').map_or(0, |at| at + 1);
    let end = element
        .rfind("</")
        .filter(|&at| at >= start)
        .unwrap_or(element.len());
    &element[start..end]
}

/// Common entities as characters (`&nbsp;` as a space); others are kept as written.
fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_owned();
    for (entity, plain) in [
        ("&nbsp;", " "),
        ("&#160;", " "),
        ("&#8217;", "’"),
        ("&rsquo;", "’"),
        ("&lsquo;", "‘"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ] {
        out = out.replace(entity, plain);
    }
    std::borrow::Cow::Owned(out)
}

/// The normalised form and features of an HTML fragment: its text with links as `[text](target)` and images as
/// `![](src)` (targets canonical), entities decoded, whitespace collapsed; other attributes are formatting.
fn html_text(html: &str, site: &SiteContext) -> (String, Features) {
    let mut features = Features::default();
    let mut out = String::new();
    let mut links: Vec<String> = Vec::new();
    let mut from = 0;
    let mut in_code = false;
    for tag in html_tags(html) {
        out.push_str(&decode_entities(&html[from..tag.span.start]));
        from = tag.span.end;
        let raw = &html[tag.span.clone()];
        match (tag.name.as_str(), tag.closing) {
            ("a", false) => {
                let url = html_attributes(raw, "href")
                    .into_iter()
                    .next()
                    .map(|u| features.link(&u, site))
                    .unwrap_or_default();
                if url.is_empty() {
                    features.links.pop();
                }
                links.push(url);
                out.push('[');
            }
            ("a", true) => {
                let url = links.pop().unwrap_or_default();
                out.push_str(&format!("]({url})"));
            }
            ("img", false) => {
                for src in html_attributes(raw, "src") {
                    let url = features.image(&src, site);
                    out.push_str(&format!(" ![]({url}) "));
                }
            }
            ("code", false) => {
                in_code = true;
                out.push('`');
            }
            ("code", true) => {
                if in_code {
                    out.push('`');
                }
                in_code = false;
            }
            ("br" | "p" | "li" | "div" | "td" | "th" | "tr" | "figcaption", _) => out.push(' '),
            _ => {}
        }
    }
    out.push_str(&decode_entities(&html[from.min(html.len())..]));
    let norm = collapse(&canonical_shortcodes(&out));
    // Inline code as the Markdown parser reports it.
    let mut rest = norm.as_str();
    while let Some(start) = rest.find('`') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('`') else { break };
        features.inline_code.push(after[..end].to_owned());
        rest = &after[end + 1..];
    }
    (norm, features)
}

/// Rows × columns of an HTML table (columns: the cells of its first row).
fn html_table_shape(html: &str) -> (usize, usize) {
    let tags = html_tags(html);
    let rows = tags.iter().filter(|t| t.name == "tr" && !t.closing).count();
    let columns = tags
        .iter()
        .skip_while(|t| t.name != "tr")
        .skip(1)
        .take_while(|t| t.name != "tr")
        .filter(|t| !t.closing && (t.name == "td" || t.name == "th"))
        .count();
    (rows, columns)
}

/// The command lines of shell code, as a translation must keep them: prompts dropped (and, when some lines have a
/// prompt, the others are output), comments dropped, quoted strings emptied, placeholders (`<…>`, `${…}`, `YOUR_…`)
/// blanked, whitespace collapsed. Configuration files give their keys; other languages nothing.
pub fn command_lines(code: &str, lang: &str) -> Vec<String> {
    code_lines(code, lang)
        .into_iter()
        .filter(|line| line.command)
        .map(|line| line.text)
        .collect()
}

/// One line of a code block as the structure signals compare it (see [`code_lines`]).
#[derive(Debug, Clone, PartialEq)]
pub struct CodeLine {
    /// The line with its prompt, comment, quoted prose and placeholders masked.
    pub text: String,
    /// Whether the line reads as a command (or is a configuration key). Output, heredoc bodies and lines in another
    /// script are kept, unread, so that the lines of two blocks can be paired by position.
    pub command: bool,
}

/// The lines of a code block that a translation keeps in place: for shell code, every line but blank ones and
/// comments, each with its prompt, comment, quoted prose and placeholders masked, and told a command or not (output
/// after prompted lines, a heredoc's body up to its terminator, a line that does not read as a command); for a
/// configuration file, its keys; nothing for other languages.
pub fn code_lines(code: &str, lang: &str) -> Vec<CodeLine> {
    let lang = lang.to_ascii_lowercase();
    if CONFIG_LANGS.contains(&lang.as_str()) {
        return config_lines(code)
            .into_iter()
            .map(|text| CodeLine {
                text,
                command: true,
            })
            .collect();
    }
    if SCRIPT_LANGS.contains(&lang.as_str()) {
        return script_lines(code)
            .into_iter()
            .map(|text| CodeLine {
                text,
                command: true,
            })
            .collect();
    }
    if !SHELL_LANGS.contains(&lang.as_str()) {
        return Vec::new();
    }
    let lines: Vec<&str> = code.lines().map(str::trim).collect();
    // A console session (`console`, `shell-session`) writes root's prompt `# `: `# apt install x` is a command there,
    // a comment elsewhere. A line that starts like a program (a lowercase letter, `.`, `/`, `~`) is one; a capital or
    // another script starts a comment.
    let session = SESSION_LANGS.contains(&lang.as_str());
    let root_prompt = |line: &str| {
        session
            && line.strip_prefix("# ").is_some_and(|rest| {
                rest.starts_with(|c: char| c.is_ascii_lowercase() || matches!(c, '.' | '/' | '~'))
            })
    };
    let prompted = lines
        .iter()
        .any(|l| (shell_prompt(l).is_some() && !l.starts_with("> ")) || root_prompt(l));
    let mut out = Vec::new();
    // The terminator of the heredoc being read: its body is data (a note's text, a file's lines), translated freely.
    let mut heredoc: Option<String> = None;
    for line in lines {
        if let Some(end) = &heredoc {
            if line == end {
                heredoc = None;
            }
            out.push(CodeLine {
                text: mask_shell_line(line),
                command: false,
            });
            continue;
        }
        if root_prompt(line) {
            let masked = mask_shell_line(&line[2..]);
            let command = is_command_line(&masked);
            if command {
                heredoc = heredoc_end(line);
            }
            out.push(CodeLine {
                text: masked,
                command,
            });
            continue;
        }
        if line.is_empty() || line.starts_with('#') || line.starts_with("//") {
            continue;
        }
        let (line, command) = match shell_prompt(line) {
            Some(len) => (&line[len..], true),
            None if prompted => (line, false),
            None => (line, true),
        };
        let masked = mask_shell_line(line);
        let command = command && is_command_line(&masked);
        if command {
            heredoc = heredoc_end(line);
        }
        out.push(CodeLine {
            text: masked,
            command,
        });
    }
    out
}

/// The length of a shell prompt at the start of a line: `$ `, `% `, `> `, `PS> `, and Windows' `C:\…> ` (with
/// PowerShell's `PS ` before it).
fn shell_prompt(line: &str) -> Option<usize> {
    if let Some(p) = ["$ ", "% ", "> ", "PS> "]
        .iter()
        .find(|p| line.starts_with(*p))
    {
        return Some(p.len());
    }
    let (lead, rest) = match line.strip_prefix("PS ") {
        Some(rest) => (3, rest),
        None => (0, line),
    };
    let bytes = rest.as_bytes();
    if bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":\\" {
        let close = rest.find('>')?;
        if rest[..close].contains(char::is_whitespace) {
            return None;
        }
        let after = &rest[close + 1..];
        return Some(lead + close + 1 + usize::from(after.starts_with(' ')));
    }
    None
}

/// The terminator of a heredoc a command line opens (`cat > note.md <<EOF`, `<<-'END'`), if it opens one.
fn heredoc_end(line: &str) -> Option<String> {
    let at = line.find("<<")?;
    let rest = line[at + 2..].trim_start_matches('-').trim_start();
    if rest.starts_with('<') {
        // `<<<` is a here-string: one line, no body.
        return None;
    }
    let word: String = rest
        .trim_start_matches(['\'', '"'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!word.is_empty()).then_some(word)
}

const SHELL_LANGS: &[&str] = &[
    "sh",
    "bash",
    "shell",
    "console",
    "zsh",
    "fish",
    "powershell",
    "ps1",
    "cmd",
    "bat",
    "terminal",
    "shellsession",
    "shell-session",
    "sh-session",
];

/// The language named by a `diff` block's `lang` attribute (```` ```diff lang="js" ````).
fn diff_language(info: &str) -> Option<String> {
    info.split_whitespace()
        .find_map(|word| word.strip_prefix("lang="))
        .map(|lang| lang.trim_matches(['"', '\'']).to_owned())
        .filter(|lang| !lang.is_empty())
}

/// The code a diff shows after its change: removed lines (`-`) left out, added ones (`+`) without their mark.
fn after_diff(code: &str) -> String {
    code.lines()
        .filter(|line| !line.starts_with('-'))
        .map(|line| line.strip_prefix('+').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// JavaScript and TypeScript, whose imports and option values a translation keeps (see [`script_lines`]).
const SCRIPT_LANGS: &[&str] = &[
    "js",
    "javascript",
    "jsx",
    "mjs",
    "cjs",
    "ts",
    "typescript",
    "tsx",
    "mts",
    "cts",
];

/// What a translation keeps of JavaScript or TypeScript, whose strings and comments it translates: each import (what
/// is imported, from which module: `import lumen from 'lumen/v2'`), and each option or property set to a number or a
/// boolean (`port: 8081`, `debug: false`). A module the source now imports from, or a value it changed, was unseen:
/// other languages are not compared at all.
fn script_lines(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for line in code.lines() {
        let mut line = line.trim();
        if in_comment {
            match line.find("*/") {
                Some(end) => {
                    in_comment = false;
                    line = line[end + 2..].trim();
                }
                None => continue,
            }
        }
        if line.starts_with("/*") && !line.contains("*/") {
            in_comment = true;
            continue;
        }
        if line.starts_with("//") || line.starts_with('*') {
            continue;
        }
        let is_import = (line.starts_with("import ") || line.starts_with("export "))
            && (line.contains(" from ")
                || line.starts_with("import '")
                || line.starts_with("import \""));
        if is_import {
            let line = match line.find("//") {
                Some(at) if !line[..at].ends_with(':') => &line[..at],
                _ => line,
            };
            // Either quote is formatting (a formatter's choice).
            out.push(collapse(line.trim_end().trim_end_matches(';')).replace('"', "'"));
            continue;
        }
        out.extend(script_values(line));
    }
    out
}

/// `name: value` of each property of a line set to a number or a boolean, outside strings (`port: 8081`).
fn script_values(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote {
            if c == '\\' {
                i += 1;
            } else if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        if matches!(c, '"' | '\'' | '`') {
            quote = Some(c);
            i += 1;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            break;
        }
        if c == ':' {
            let name: String = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '$'))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let value: String = chars[i + 1..]
                .iter()
                .skip_while(|c| c.is_whitespace())
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_'))
                .collect();
            let number = value.starts_with(|c: char| c.is_ascii_digit())
                && value
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | '_'));
            if !name.is_empty() && (number || matches!(value.as_str(), "true" | "false")) {
                out.push(format!("{name}: {value}"));
            }
        }
        i += 1;
    }
    out
}

/// Shell languages of a console session, where `# ` is root's prompt.
const SESSION_LANGS: &[&str] = &["console", "shellsession", "shell-session", "sh-session"];

const CONFIG_LANGS: &[&str] = &[
    "toml",
    "yaml",
    "yml",
    "json",
    "ini",
    "conf",
    "properties",
    "hcl",
    "env",
    "dotenv",
];

/// Whether a (masked) shell line reads as a command: its first word names a program or sets a variable (ASCII
/// letters, digits and `_./~:@=+-`), and no word outside quotes is in another script. Log lines (`[plugin] Starting…`)
/// and translated output are not commands.
fn is_command_line(masked: &str) -> bool {
    let Some(first) = masked.split_whitespace().next() else {
        return false;
    };
    let program = first
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '~' | '_'))
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./~:@=+-\"'${}…<>".contains(c));
    program && masked.chars().all(|c| c.is_ascii() || c == '…')
}

/// One shell line with what translators may change taken out: a trailing comment, the insides of quoted strings,
/// placeholders.
fn mask_shell_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' | '\'' | '`' => {
                let from = i + 1;
                i += 1;
                while i < chars.len() && chars[i] != c {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                let inside = &chars[from.min(chars.len())..i.min(chars.len())];
                i += 1;
                // A value (a URL, a version, a duration: no space, ASCII, a digit or a URL's punctuation) is kept;
                // prose, a word or a placeholder, which translators translate, is dropped.
                out.push(c);
                if quoted_value(inside) {
                    out.extend(inside);
                }
                out.push(c);
            }
            '#' if out.is_empty() || out.ends_with(char::is_whitespace) => break,
            '<' if chars
                .get(i + 1)
                .is_some_and(|n| !n.is_whitespace() && *n != '<' && *n != '(')
                && chars[i + 1..].contains(&'>') =>
            {
                out.push_str("<…>");
                while i < chars.len() && chars[i] != '>' {
                    i += 1;
                }
                i += 1;
            }
            '$' if chars.get(i + 1) == Some(&'{') => {
                out.push_str("${…}");
                while i < chars.len() && chars[i] != '}' {
                    i += 1;
                }
                i += 1;
            }
            _ => {
                let word_start = i == 0 || !(is_alphanumeric(chars[i - 1]) || chars[i - 1] == '_');
                let end = if word_start && is_alphanumeric(c) {
                    let mut end = i;
                    while end < chars.len() && (is_alphanumeric(chars[end]) || chars[end] == '_') {
                        end += 1;
                    }
                    end
                } else {
                    i
                };
                // An ALL_CAPS name of `_`-joined words in argument position (`--user YOUR_USERNAME`,
                // `--id=VOTRE_APP_ID`) is a placeholder, translated as often as not (`VOTRE_NOM`, `DEIN_INDEX_NAME`); a
                // variable read (`$API_KEY`) or set (`API_KEY=…`), or the line's first word, is not one.
                let placeholder = end > i
                    && out.chars().any(|c| !c.is_whitespace())
                    && (i == 0 || chars[i - 1] != '$')
                    && chars.get(end) != Some(&'=')
                    && caps_placeholder(&chars[i..end]);
                if placeholder {
                    out.push_str("<…>");
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }
    collapse(&out)
}

/// Whether a quoted string of a shell line is a value a translation keeps as it is (`"https://x.dev/v2/install.sh"`,
/// `"10m"`, `'1.2.3'`), not prose or a placeholder (`"Hello, world"`, `"Fix"`, `"<token>"`, `"YOUR_TOKEN"`).
fn quoted_value(inside: &[char]) -> bool {
    !inside.is_empty()
        && inside
            .iter()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '{' | '}' | '$' | '`'))
        && inside
            .iter()
            .any(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | ':' | '@' | '='))
        && !caps_placeholder(inside)
}

/// Whether a name is an ALL_CAPS placeholder: two or more `_`-joined parts with letters, every letter a capital
/// (`YOUR_TOKEN`, `CLÉ_API`, `APP_ID_2`).
fn caps_placeholder(word: &[char]) -> bool {
    let mut parts = 0;
    for part in word.split(|c| *c == '_') {
        if part.iter().any(|c| c.is_alphabetic()) {
            parts += 1;
        }
        if part.iter().any(|c| c.is_alphabetic() && !c.is_uppercase()) {
            return false;
        }
    }
    parts >= 2
}

/// Values of an attribute in an HTML fragment (`src="…"`).
fn html_attributes(html: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let needle = format!("{name}=");
    let mut from = 0;
    while let Some(at) = lower[from..].find(&needle) {
        let start = from + at + needle.len();
        let rest = &html[start..];
        let value = if let Some(q) = rest.strip_prefix('"') {
            q.split('"').next()
        } else if let Some(q) = rest.strip_prefix('\'') {
            q.split('\'').next()
        } else {
            rest.split([' ', '>']).next()
        };
        if let Some(value) = value
            && (at == 0 || !lower[..from + at].ends_with(|c: char| is_alphanumeric(c) || c == '-'))
        {
            out.push(value.to_owned());
        }
        from = start;
    }
    out
}

/// Markup characters dropped from a normalised heading for people and for ids.
fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' | '`' | '~' => {}
            '[' => {}
            ']' => {
                // Skip a link target `](…)`.
                if chars.peek() == Some(&'(') {
                    for c in chars.by_ref() {
                        if c == ')' {
                            break;
                        }
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// Hugo's default heading id (`autoHeadingIDType = "github"`): `-`, space and tab → `-`; letters, digits and `_` →
/// lowercase; everything else dropped; empty → `heading`. Accents are kept.
pub fn hugo_auto_id(title: &str) -> String {
    let mut id = String::with_capacity(title.len());
    for c in title.chars() {
        if c == '-' || c == ' ' || c == '\t' {
            id.push('-');
        } else if is_alphanumeric(c) || c == '_' {
            id.extend(c.to_lowercase());
        }
    }
    if id.is_empty() {
        "heading".to_owned()
    } else {
        id
    }
}

/// The ids of a page's sections so far.
#[derive(Default)]
struct TakenIds {
    taken: std::collections::HashSet<String>,
    /// For an id given a suffix, the last suffix given: those below it are all taken (ids are never given back), and
    /// the next one is tried first. Trying them all from `-1` made a page of 20,000 `## Example` try 200 million.
    last_suffix: std::collections::HashMap<String, usize>,
}

impl TakenIds {
    /// Duplicates get `-1`, `-2`… like Hugo: `id`, or the first of `id-1`, `id-2`… not taken yet, now taken.
    fn unique(&mut self, id: String) -> String {
        if !self.taken.contains(&id) {
            self.taken.insert(id.clone());
            return id;
        }
        let n = self.last_suffix.entry(id.clone()).or_insert(0);
        loop {
            *n += 1;
            let candidate = format!("{id}-{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        parse(text, &SiteContext::default()).unwrap()
    }

    /// How ids were made unique before the last suffix of each was kept: every suffix tried from `-1`.
    fn unique_id_trying_every_suffix(
        taken: &mut std::collections::HashSet<String>,
        id: String,
    ) -> String {
        let mut candidate = id.clone();
        let mut n = 0;
        while taken.contains(&candidate) {
            n += 1;
            candidate = format!("{id}-{n}");
        }
        taken.insert(candidate.clone());
        candidate
    }

    #[test]
    fn a_line_looked_up_is_the_line_counted_from_the_top() {
        for text in [
            "",
            "a",
            "\n",
            "one\ntwo\n\nfour",
            "crlf\r\nline\r\n",
            "\n\n\n",
        ] {
            let lines = LineIndex::new(text);
            for offset in 0..text.len() + 3 {
                assert_eq!(
                    lines.line(offset),
                    crate::markdown::frontmatter::line_of(text, offset),
                    "{text:?} {offset}"
                );
            }
        }
    }

    #[test]
    fn ids_are_made_unique_as_trying_every_suffix_made_them() {
        // Repeated ids, ids that look like suffixed ones (`## Example 1`), and explicit ids taken in between.
        let names = ["example", "example-1", "example-2", "example-1-1", "x", ""];
        let mut random = crate::util::random::Xorshift::new(0x1405_7b7e_f767_814f);
        for _ in 0..500 {
            let (mut kept, mut every) = (TakenIds::default(), std::collections::HashSet::new());
            for _ in 0..random.draw() % 40 {
                let draw = random.draw();
                let name = names[(draw % names.len() as u64) as usize].to_owned();
                if (draw >> 8).is_multiple_of(5) {
                    kept.taken.insert(name.clone());
                    every.insert(name);
                } else {
                    assert_eq!(
                        kept.unique(name.clone()),
                        unique_id_trying_every_suffix(&mut every, name)
                    );
                }
            }
        }
    }

    /// `## Example` then `## Other {#example}`: the explicit anchor was renamed `example-1`, so `--section example`
    /// found the first section, not the one the author anchored.
    #[test]
    fn an_explicit_id_was_renamed_after_an_automatic_one_that_came_out_the_same() {
        let d = doc("## Example\n\nOne.\n\n## Other {#example}\n\nTwo.\n\n## Example\n\nThree.\n");
        let ids: Vec<&str> = d
            .sections
            .iter()
            .filter(|s| !s.is_preamble())
            .map(|s| s.id.as_str())
            .collect();
        // The first gives way once the page is read, after the third was numbered.
        assert_eq!(ids, ["example-2", "example", "example-1"]);
    }

    #[test]
    fn a_merge_separator_made_a_heading_of_the_line_above_it() {
        // A translation that kept a merge's markers: `=======` under the image turned it into a heading ("Default
        // button"), a section the source does not have, and the image went missing from the section it is in.
        let page = "## Home button\n\nIt looks like this:\n\n<<<<<<< HEAD\n![Default button](/images/home.png)\n=======\n>>>>>>> 023fe7e\n";
        let d = doc(page);
        assert_eq!(d.sections.len(), 1, "{:?}", d.sections);
        assert_eq!(d.conflict_markers(), &[5, 7, 8]);
        assert_eq!(
            d.sections[0].features().images,
            vec!["/images/home.png".to_owned()]
        );
        // In a code block, the same lines are an example: nothing is blanked, nothing is reported.
        let example =
            "## Conflicts\n\n```\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n```\n";
        let d = doc(example);
        assert!(d.conflict_markers().is_empty());
        assert!(d.sections[0].blocks[0].norm.contains("======="));
    }

    #[test]
    fn a_component_tag_moved_by_a_formatter_changed_the_section() {
        // The closing tag at three spaces after a list at the margin is read into the last list item; after the
        // formatter indents the list into the step, it is a block of its own. Same words, same meaning.
        let page = |list: &str| {
            format!(
                "import {{ FileTree }} from '~/c';\n\n## Files\n\n1. Put it here:\n\n   <FileTree>\n\n{list}\n   </FileTree>\n\n2. Done.\n"
            )
        };
        let before = doc(&page("- src/\n  - logo.svg\n- lumen.config.mjs\n"));
        let after = doc(&page("   - src/\n     - logo.svg\n   - lumen.config.mjs\n"));
        assert_ne!(
            before.sections[1].body_norm(),
            after.sections[1].body_norm()
        );
        assert!(before.sections[1].same_body(&after.sections[1]));
        assert!(before.sections[1].same_normalized(&after.sections[1]));
        // A paragraph split in two says the same; a code block's two commands joined on one line does not.
        let split = doc("## A\n\nOne sentence. Another one.\n");
        let two = doc("## A\n\nOne sentence.\n\nAnother one.\n");
        assert!(split.sections[0].same_body(&two.sections[0]));
        let lines = doc("## A\n\n```sh\nlumen build\nlumen serve\n```\n");
        let joined = doc("## A\n\n```sh\nlumen build lumen serve\n```\n");
        assert!(!lines.sections[0].same_body(&joined.sections[0]));
    }

    #[test]
    fn indented_text_of_an_mdx_page_is_markdown_not_code() {
        let kinds = |text: &str| -> Vec<(BlockKind, usize, String)> {
            let doc = doc(text);
            doc.sections
                .iter()
                .flat_map(|s| &s.blocks)
                .map(|b| (b.kind, b.line, b.norm.clone()))
                .collect()
        };
        let mdx = "import { Tabs, TabItem } from '~/tabs';\n\n<Tabs>\n\n    Pick your manager.\n\n    ```sh\n    npm install lumen\n    ```\n\n</Tabs>\n";
        let blocks = kinds(mdx);
        assert!(
            blocks
                .iter()
                .any(|(k, line, norm)| *k == BlockKind::Paragraph
                    && *line == 5
                    && norm == "Pick your manager."),
            "{blocks:?}"
        );
        // A fence indented in a component is a code block there, found at its line.
        assert!(
            blocks.iter().any(|(k, line, norm)| *k == BlockKind::Code
                && *line == 7
                && norm.contains("npm install lumen")),
            "{blocks:?}"
        );
        // Tabs half used by the indentation, and text beyond ASCII, are placed within the page.
        let mixed =
            "import X from './x';\n\n<X>\n\n  \t\tÉté, ça « marche ».\n\n  \t\t- un été\n</X>\n";
        let blocks = kinds(mixed);
        assert!(
            blocks
                .iter()
                .any(|(_, line, norm)| *line == 5 && norm.contains("marche")),
            "{blocks:?}"
        );
        // Indented very deep, the reading does not nest as deep.
        let deep = format!(
            "import X from './x';\n\n<X>\n\n{}deep\n\n</X>\n",
            " ".repeat(40_000)
        );
        assert!(
            kinds(&deep)
                .iter()
                .any(|(k, _, norm)| *k == BlockKind::Code && norm.contains("deep"))
        );
        // Without an MDX statement, indented text is Markdown's code block.
        let md = mdx.replacen("import { Tabs, TabItem } from '~/tabs';\n\n", "", 1);
        let blocks = kinds(&md);
        assert!(
            blocks
                .iter()
                .any(|(k, _, norm)| *k == BlockKind::Code && norm.contains("Pick your manager.")),
            "{blocks:?}"
        );
    }

    #[test]
    fn link_targets_kept_are_told_apart_by_their_site() {
        let own = SiteContext {
            base_url: Some("https://example.org/".into()),
            languages: vec!["en".into(), "fr".into()],
            ..SiteContext::default()
        };
        let other = SiteContext::default();
        let url = "https://example.org/fr/docs/x/";
        for _ in 0..2 {
            assert_eq!(canonical_url(url, &own), "/docs/x");
            assert_eq!(canonical_url(url, &other), "https://example.org/fr/docs/x");
        }
    }

    #[test]
    fn a_body_is_measured_as_long_as_it_is_built() {
        for text in [
            "",
            "Intro.\n\n## One\n\n- a\n- b\n\n> quoted\n\n```sh\nls\n```\n",
            "## Empty\n\n## Html\n\n<!-- -->\n\nText.\n",
            "<div></div>\n\n\n* * *\n\nAfter a rule.\n",
        ] {
            let doc = doc(text);
            for section in &doc.sections {
                assert_eq!(
                    section.body_norm_len(),
                    section.body_norm().len(),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn whitespace_collapses_as_unicode_defines_it() {
        // Every char `char::is_whitespace` calls whitespace, ASCII or not, and nothing else.
        let cases = [
            "",
            "   ",
            "one",
            "  one  two\t\tthree\n",
            "a\u{0B}b\u{0C}c\rd",
            "non\u{A0}breaking\u{2003}em\u{3000}ideographic\u{85}next",
            "zero\u{200B}width is not whitespace",
            "été  à\nParis ",
            "\u{2028}line\u{2029}",
            "©\u{A0}2026 ogham\u{1680}mark narrow\u{202F}nbsp math\u{205F}space ‘quoted’ 日本語\u{3000}テキスト",
            "\u{1}control\u{7F}chars\u{1F}",
            "one two three",
            " one two ",
            "one two  three four\tfive six\u{A0}seven eight ",
            "日本 語 テ\u{3000}キ スト",
        ];
        for text in cases {
            let words: Vec<&str> = text
                .split(char::is_whitespace)
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(collapse(text), words.join(" "), "{text:?}");
        }
        assert_eq!(collapse("```sh\n  a   b\n```"), "```sh\n  a   b\n```");
        // Every character, between two letters.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let expected = if c.is_whitespace() {
                "a b".to_owned()
            } else {
                text.clone()
            };
            assert_eq!(collapse(&text), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn sections_by_headings_with_ids() {
        let text = "---\ntitle: x\n---\n\nIntro.\n\n## Before you begin {#before}\n\nNeed 1.28.\n\n## Présentation générale\n\n- a\n- b\n\n## Présentation générale\n\n```shell\nkubectl get pods -A # list\n```\n";
        let d = doc(text);
        assert_eq!(d.sections.len(), 4);
        assert_eq!(d.sections[0].level, 0);
        assert_eq!(d.sections[1].id, "before");
        assert_eq!(d.sections[1].title, "Before you begin");
        assert_eq!(d.sections[1].line, 7);
        assert_eq!(d.sections[2].id, "présentation-générale");
        assert_eq!(d.sections[3].id, "présentation-générale-1");
        assert_eq!(d.sections[2].count(BlockKind::ListItem), 2);
        assert_eq!(d.sections[3].features().commands, vec!["kubectl", "-A"]);
        let toml = doc(
            "```toml\n# comment traduit\nport = 8080\ntitle = \"Traduit\"\n```\n\n```mermaid\nA[Début] --> B\n```\n",
        );
        assert_eq!(toml.sections[0].features().commands, vec!["port", "title"]);
        assert_eq!(d.sections[1].features().numbers, vec!["1.28"]);
        assert!(d.sections[1].raw(text).starts_with("## Before you begin"));
    }

    #[test]
    fn a_heading_that_is_an_image_was_titled_with_its_exclamation_mark() {
        // A setext underline (here a merge-conflict separator) below an image line makes a heading of it.
        let d = doc("Text.\n\n![Default Home Button](/img/home.jpg)\n=======\n\nMore.\n");
        assert_eq!(d.sections[1].title, "Default Home Button");
        assert_eq!(d.sections[1].id, "default-home-button");
        let d = doc("## The ![logo](/logo.svg) badge\n");
        assert_eq!(
            d.sections.last().map(|s| s.title.as_str()),
            Some("The logo badge")
        );
    }

    #[test]
    fn a_space_before_a_colon_made_a_meaningful_change() {
        let same = |a: &str, b: &str| {
            assert_eq!(
                doc(a).sections[0].normalized(),
                doc(b).sections[0].normalized(),
                "{a:?} {b:?}"
            );
        };
        same(
            "Just add tags to any page :\n",
            "Just add tags to any page:\n",
        );
        same(
            "Quoi ? Vraiment ! Oui ; non.\n",
            "Quoi? Vraiment! Oui; non.\n",
        );
        same("Il dit « bonjour » ici.\n", "Il dit «bonjour» ici.\n");
        same("- an item :\n", "- an item:\n");
        same(
            "Note\u{a0}: a non-breaking space.\n",
            "Note: a non-breaking space.\n",
        );
        // Inline code keeps its spaces; words still count.
        let d = doc("Run `a :b` now.\n");
        let e = doc("Run `a:b` now.\n");
        assert_ne!(d.sections[0].normalized(), e.sections[0].normalized());
        let f = doc("Add tags :\n");
        let g = doc("Add labels:\n");
        assert_ne!(f.sections[0].normalized(), g.sections[0].normalized());
        // Code blocks are not prose.
        let h = doc("```\nkey : value\n```\n");
        let i = doc("```\nkey: value\n```\n");
        assert_ne!(h.sections[0].normalized(), i.sections[0].normalized());
    }

    #[test]
    fn formatting_does_not_change_the_normalised_form() {
        let a = doc(
            "Some _emphasis_ and __strong__ text\nreflowed over lines.\n\n* one\n* two\n\n{{% note %}}\n",
        );
        let b = doc(
            "Some *emphasis* and **strong** text reflowed over lines.  \n\n- one\n- two\n\n{{< note >}}\n",
        );
        assert_eq!(a.sections[0].normalized(), b.sections[0].normalized());
        let c = doc("Some *emphasis* and **strong** text reflowed over more lines.\n");
        assert_ne!(a.sections[0].normalized(), c.sections[0].normalized());
        let d = doc("A [link](/docs/a/).\n");
        let e = doc("A [link](/docs/b/).\n");
        assert_ne!(d.sections[0].normalized(), e.sections[0].normalized());
    }

    #[test]
    fn links_on_the_base_url_are_root_relative() {
        let site = SiteContext {
            base_url: Some("https://kubernetes.io/".into()),
            languages: vec!["fr".into(), "en".into()],
            ..SiteContext::default()
        };
        assert_eq!(
            canonical_url("https://kubernetes.io/docs/x/", &site),
            "/docs/x"
        );
        assert_eq!(
            canonical_url("http://kubernetes.io/docs/x/", &site),
            "/docs/x"
        );
        assert_eq!(canonical_url("/fr/docs/x/", &site), "/docs/x");
        // A trailing slash does not make another page; the root stays the root.
        assert_eq!(
            canonical_url("https://astro.build/chat/", &site),
            canonical_url("https://astro.build/chat", &site)
        );
        assert_eq!(canonical_url("/docs/x/#usage", &site), "/docs/x#usage");
        assert_eq!(canonical_url("/docs/x/?q=1", &site), "/docs/x?q=1");
        assert_eq!(canonical_url("https://kubernetes.io/", &site), "/");
        assert_eq!(canonical_url("/fr/", &site), "/");
        // Another site's localized page: the language segment after the host is dropped.
        assert_eq!(
            canonical_url("https://docs.astro.build/fr/guides/images/", &site),
            canonical_url("https://docs.astro.build/en/guides/images/", &site)
        );
        assert_eq!(
            canonical_url("https://example.org/FR/x", &site),
            "https://example.org/x"
        );
        assert_eq!(
            canonical_url("https://example.org/fr", &site),
            "https://example.org"
        );
        assert_eq!(
            canonical_url("https://developer.mozilla.org/en-US/docs/Web/HTML", &site),
            canonical_url("https://developer.mozilla.org/fr/docs/Web/HTML", &site)
        );
        assert_eq!(
            canonical_url("https://example.org/fr-FR", &site),
            "https://example.org"
        );
        assert_eq!(
            canonical_url("https://example.org/de-DE/x", &site),
            "https://example.org/de-DE/x"
        );
        assert_eq!(
            canonical_url("https://example.org/friends/", &site),
            "https://example.org/friends"
        );
        assert_eq!(
            canonical_url("https://example.org/docs", &site),
            "https://example.org/docs"
        );
        let a = parse("See [this](https://kubernetes.io/docs/x/).\n", &site).unwrap();
        let b = parse("See [this](/docs/x/).\n", &site).unwrap();
        assert_eq!(a.sections[0].normalized(), b.sections[0].normalized());
    }

    #[test]
    fn shortcode_names() {
        assert_eq!(
            shortcodes(
                "{{< note >}}x{{< /note >}} {{% alert title=\"a\" %}} {{<figure src=\"a.png\">}}"
            ),
            vec!["note", "alert", "figure"]
        );
    }

    #[test]
    fn auto_ids_follow_hugo() {
        assert_eq!(hugo_auto_id("Before you begin"), "before-you-begin");
        assert_eq!(hugo_auto_id("What's next?"), "whats-next");
        assert_eq!(
            hugo_auto_id("Présentation générale"),
            "présentation-générale"
        );
        assert_eq!(hugo_auto_id("!!!"), "heading");
    }

    #[test]
    fn front_matter_is_compared_as_data() {
        let site = SiteContext {
            translatable: vec!["title".into()],
            bookkeeping: vec!["default_lang_commit".into(), "l10n.sourceCommit".into()],
            ..SiteContext::default()
        };
        let parse = |text: &str| parse(text, &site).unwrap();
        let a = parse(
            "---\ntitle: 'A'\ntags: [x, y]\nweight: 1\ndefault_lang_commit: abc\n---\nBody\n",
        );
        let b = parse("---\ntags:\n  - x\n  - y\ntitle: A\nweight: 1\n---\nBody\n");
        assert_eq!(a.front_matter(), b.front_matter());
        let c = parse("---\ntitle: A\ntags: [x, y]\nweight: 2\n---\nBody\n");
        assert_ne!(a.front_matter(), c.front_matter());
        assert_eq!(a.translatable(), c.translatable());
        let d = parse("---\ntitle: B\n---\nBody\n");
        assert_ne!(a.translatable(), d.translatable());
    }

    #[test]
    fn front_matter_forms_tell_values_apart_and_only_them() {
        let site = SiteContext {
            translatable: vec!["title".into(), "tags".into()],
            bookkeeping: vec!["l10n.sourceCommit".into()],
            ..SiteContext::default()
        };
        let forms = |text: &str| {
            let tree = crate::markdown::frontmatter::parse(text).unwrap().tree;
            forms(tree.as_ref(), &site)
        };
        // Written differently, the same data.
        let same = [
            (
                "---\ntitle: 'Ça « va »'\ntags: [a, b]\nz: {y: 1, x: [~, 'q\"']}\n---\n",
                "---\nz:\n  x:\n    - null\n    - q\"\n  y: 1\ntags:\n  - a\n  - b\ntitle: Ça « va »\n---\n",
            ),
            (
                "---\ntitle: 日本語\nl10n:\n  sourceCommit: abc\n---\n",
                "---\nl10n: {sourceCommit: def}\ntitle: \"日本語\"\n---\n",
            ),
        ];
        for (a, b) in same {
            assert_eq!(forms(a), forms(b), "{a:?} {b:?}");
        }
        // Values a careless quoting would run together.
        let apart = [
            ("title: 'a\",\"b'", "title: [a, b]"),
            ("title: 'a\\'", "title: 'a\\\\'"),
            ("title: 'x:y'", "title: {x: y}"),
            ("title: '~'", "title: ~"),
            ("title: '\"'", "title: '\\\"'"),
            ("tags: ['a,b']", "tags: [a, b]"),
            ("k: ['{\"a\":1}']", "k: {a: 1}"),
            ("a: 'b\",\"c\":\"d'", "a: b\nc: d"),
            ("a: 'b\\\",\"c\":\"d'", "a: b\\\nc: d"),
        ];
        for (a, b) in apart {
            let (a, b) = (format!("---\n{a}\n---\n"), format!("---\n{b}\n---\n"));
            assert_ne!(forms(&a).0, forms(&b).0, "{a:?} {b:?}");
        }
    }

    #[test]
    fn html_bodies_parse() {
        let d = doc(
            "<div class=\"post\"><p>Texte&nbsp;: <a href=\"https://sched.co/UabP\">lien</a></p><img src=\"/images/a.jpg\"></div>\n",
        );
        let f = d.sections[0].features();
        assert_eq!(f.links, vec!["https://sched.co/UabP"]);
        assert_eq!(f.images, vec!["/images/a.jpg"]);
    }

    #[test]
    fn html_bodies_split_into_blocks_and_sections() {
        let d = doc(
            "<div class=\"post\"><p>One <a href=\"/x/\">link</a>.</p><p>Two&nbsp;2.</p><ul><li>a</li><li>b</li></ul><figure><img src=\"/i.jpg\"></figure><h4 id=\"about\">About <em>us</em></h4><p>Three.</p> </div>\n",
        );
        assert_eq!(d.sections.len(), 2);
        let kinds: Vec<BlockKind> = d.sections[0].blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Html
            ]
        );
        assert_eq!(d.sections[0].blocks[0].norm, "One [link](/x).");
        assert_eq!(d.sections[0].blocks[1].features().numbers, vec!["2"]);
        assert_eq!(d.sections[1].title, "About us");
        assert_eq!(d.sections[1].id, "about");
        assert_eq!(d.sections[1].level, 4);
        assert_eq!(d.sections[1].blocks.len(), 1);
        // Without an id attribute, the generator's id of the text.
        let d = doc("<div><h3>Qui sommes-nous ?</h3><p>Texte.</p></div>\n");
        assert_eq!(d.sections[1].id, "qui-sommes-nous-");
        // Unclosed paragraphs end at the next one; attributes are formatting.
        let a = doc("<div><p class=\"a\">One<p>Two</div>\n");
        let b = doc("<div><p class=\"b\">One</p><p>Two</p></div>\n");
        assert_eq!(a.sections[0].blocks.len(), 2);
        assert_eq!(a.sections[0].normalized(), b.sections[0].normalized());
    }

    #[test]
    fn jsx_flow_goes_on_to_the_line_that_closes_its_tags() {
        let code =
            "<Code\n\tcode={`# Title\n\nA > B ${`}`}`}\n\tfilter={(x) => x /* } */}\n/>\nText.\n";
        assert_eq!(jsx_flow_len(code), Some(code.find("Text").unwrap()));
        let lone = "<Palette\n\tlabels={{ title: 'Tiles' }}\n>\n\t<Fragment>\n";
        assert_eq!(jsx_flow_len(lone), Some(lone.find("\t<Fragment").unwrap()));
        let two = "\t</TabItem> <TabItem label=\"b\">\r\nNext";
        assert_eq!(jsx_flow_len(two), two.find("Next"));
        assert_eq!(jsx_flow_len("{/* A note. */}"), Some(15));
        // Text after the tags makes a paragraph; a tag never closed, or no tag, is no JSX.
        assert_eq!(jsx_flow_len("<Badge text=\"New\" /> is out.\n"), None);
        assert_eq!(jsx_flow_len("<Code code={`open\n"), None);
        assert_eq!(jsx_flow_len("< 3 cups\n"), None);
        assert_eq!(jsx_flow_len("Text <Badge />\n"), None);
    }

    #[test]
    fn mdx_statements_components_and_shortcodes_are_not_prose() {
        let d = doc(
            "import Warning from '~/components/warning.astro';\nimport { Tabs } from '@astrojs/starlight/components';\n\n<Warning />\n\nexport const title = 'x';\n\n{{< note >}}\n\nImport the module from the registry.\n",
        );
        let kinds: Vec<BlockKind> = d.sections[0].blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Mdx,
                BlockKind::Component,
                BlockKind::Mdx,
                BlockKind::Shortcode,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn list_items_are_counted_by_structure() {
        let spaces = doc("- a\n  - b\n    - c\n- d\n");
        let tabs = doc("- a\n\t- b\n\t\t- c\n- d\n");
        assert_eq!(spaces.sections[0].count(BlockKind::ListItem), 4);
        assert_eq!(tabs.sections[0].count(BlockKind::ListItem), 4);
    }

    #[test]
    fn numbers_read_grouped_thousands_and_decimal_commas_alike() {
        for text in [
            "10,000 and 1,024.5",
            "10 000 and 1 024,5",
            "10\u{a0}000 and 1\u{202f}024,5",
            "10.000 and 1.024,5",
        ] {
            assert_eq!(numbers(text), ["10000", "1024.5"], "{text}");
        }
        assert_eq!(numbers("version 1.2.3, port 8080."), ["1.2.3", "8080"]);
        // Years side by side are two numbers; a group of four digits after a space is another number.
        assert_eq!(numbers("2023 2024"), ["2023", "2024"]);
        assert_eq!(numbers("in 1 2024 release"), ["1", "2024"]);
        // Inside a word, no number; a unit or a suffix after one, or a CJK character before one, is not a word.
        assert_eq!(numbers("k8s i18n v4 v5.0 1st 3 50KB"), ["1", "3", "50"]);
        assert_eq!(
            numbers("2023년 4월, 2,000KB, 第3章"),
            ["2023", "4", "2000", "3"]
        );
    }

    #[test]
    fn command_lines_keep_arguments_and_mask_what_is_translated() {
        assert_eq!(
            command_lines(
                "# Apply it\n$ kubectl apply -f x.yaml # now\npod/x created\n$ echo \"Hello\" > <file>\n",
                "console"
            ),
            vec!["kubectl apply -f x.yaml", "echo \"\" > <…>"]
        );
        assert_eq!(
            command_lines(
                "KEY=\"<Your private key>\"\nexport T=${YOUR_TOKEN} U=YOUR_USER\n",
                "sh"
            ),
            vec!["KEY=\"\"", "export T=${…} U=<…>"]
        );
        // ALL_CAPS placeholders in argument position, translated or not; variables stay.
        assert_eq!(
            command_lines(
                "lumen login --user YOUR_USERNAME --id=APP_ID\nlumen login --user VOTRE_NOM --id=CLÉ_API\nAPI_KEY=1 lumen $API_KEY\n",
                "sh"
            ),
            vec![
                "lumen login --user <…> --id=<…>",
                "lumen login --user <…> --id=<…>",
                "API_KEY=1 lumen $API_KEY"
            ]
        );
        // Root's prompt in a console session; a comment in a script.
        assert_eq!(
            command_lines("# Update first\n# apt install lumen=1.3\n", "console"),
            vec!["apt install lumen=1.3"]
        );
        assert!(command_lines("# apt install lumen=1.3\n", "sh").is_empty());
        assert_eq!(
            command_lines(
                "port = 8080\nhost = \"localhost\"\nname = \"Mes notes\"\n",
                "toml"
            ),
            vec!["port = 8080", "host", "name"]
        );
        assert!(command_lines("A[Début] --> B\n", "mermaid").is_empty());
    }

    #[test]
    fn links_written_with_templates_were_text() {
        // A Hugo `relref` and Jekyll's Liquid tags in link targets: the spaces inside them made the parser read
        // words, not links, so their targets were never compared and a changed target was a changed sentence.
        let page = "# Links\n\nSee [the pages]({{%relref \"cont/pages/_index.md\" %}}), [search]({{< ref \"basics/config.md#search\" >}}), \
                    [the guide]({{ site.baseurl }}/docs/en/guide.html), [home]({{ site.url }}{{ site.baseurl }}/), \
                    [about]({{ \"/about/\" | relative_url }}), [a post]({% post_url 2019-01-02-hello %}) and \
                    [other]({{ page.lang }}/x).\n";
        let d = doc(page);
        let block = &d.sections[0].blocks[0];
        assert_eq!(
            block.features().links,
            vec![
                "cont/pages/_index.md",
                "basics/config.md#search",
                "/docs/en/guide.html",
                "/",
                "/about",
                "2019-01-02-hello",
                "{{ page.lang }}/x",
            ]
        );
        assert_eq!(
            block.features().as_written("/docs/en/guide.html"),
            "{{ site.baseurl }}/docs/en/guide.html"
        );
        // Nothing masked in the text shown, nor outside templates.
        assert!(
            block.norm.contains("[the guide](/docs/en/guide.html)"),
            "{}",
            block.norm
        );
        assert_eq!(
            doc("[home](/~user/ x)\n").sections[0].blocks[0]
                .features()
                .links,
            Vec::<String>::new()
        );
        assert_eq!(untemplate("/~user/{{~site.url~}}"), "/~user/{{ site.url }}");
        // The suffix layout's files of one page, in two languages, are that page.
        let site = SiteContext {
            languages: vec!["en".into(), "fr".into()],
            ..SiteContext::default()
        };
        for (written, page) in [
            (
                "{{%relref~\"cont/markdown.en.md#images\"~%}}",
                "cont/markdown.md#images",
            ),
            ("cont/markdown.fr.md", "cont/markdown.md"),
            ("/docs/v1.2.md", "/docs/v1.2.md"),
            ("notes.de.md", "notes.de.md"),
        ] {
            assert_eq!(canonical_url(written, &site), page, "{written}");
        }
    }
}
