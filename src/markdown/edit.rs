//! Format-preserving edits of one front-matter key: a text splice on the exact span of the value (or one new line),
//! then the result is parsed again and verified — the same data plus the edit, and only the one line changed — before
//! it is handed back. Nothing here touches the disk (see `crate::util::atomic` for the write).
//!
//! Why not a YAML library that writes? None keeps comments, quoting and key order reliably; a splice on a
//! span that serde-saphyr (YAML) or toml_edit (TOML) reports, checked by parsing again, changes exactly what it says.

use std::fmt;
use std::ops::Range;

use super::frontmatter::{self, Format, FrontMatter, FrontMatterError, KeyCases, line_of};
use super::yaml::{Node, NodeKind, same_key};
use crate::i18n::Message;

/// Why a front-matter edit was refused. Lines are 1-based, in the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The front matter cannot be parsed.
    BadFrontMatter {
        line: usize,
        detail: super::yaml::Detail,
    },
    /// The front matter holds one key in two spellings with two values (`translationKey: a`, `TranslationKey: b`).
    KeyCases(KeyCases),
    /// The key's value is written in a way tandem does not rewrite (it would have to change more than one line).
    Unsupported {
        key: String,
        line: usize,
        what: Unsupported,
        /// In a TOML front matter (`key = value`).
        toml: bool,
        /// `key` is a parent of the key to set (`l10n` of `l10n.sourceCommit`), not the key itself.
        parent: bool,
    },
    /// A YAML front matter written as one flow map (`{title: T, weight: 2}`): no line holds one key.
    FlowRoot { line: usize },
    /// A parent of a dotted key exists but is not a map (`l10n: abc` when setting `l10n.sourceCommit`).
    NotAMap { key: String, line: usize },
    /// The key is empty or has an empty part (`a..b`).
    BadKey { key: String },
    /// The front matter's opening fence does not open the file: blank lines come before it (only Hugo reads front
    /// matter there), or it is indented (`indented`). A new block above it would be a second front matter.
    FenceNotAtTop {
        line: usize,
        fence: String,
        indented: bool,
    },
    /// The edited text did not parse back to the expected data, or changed more than it should have. A bug in tandem
    /// if it ever happens; the file is left as it was.
    Unverified { key: String, detail: String },
    /// A line ends with a carriage return alone (classic Mac OS): the edit, made line by line, would find no front
    /// matter and put a second one above the page. `line` counts those line ends as an editor does.
    LoneCarriageReturn { line: usize },
    /// A page without front matter opens with a metadata header (`Title: …`, `Lang: fr`: Pelican's, Python-Markdown's,
    /// MultiMarkdown's): those readers take it as the page's metadata only at the top, so a block above it would
    /// hide it, and the page would lose its title.
    MetadataHeader { key: String },
}

/// The forms of values that are not rewritten in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    /// A value over several lines (a quoted or plain scalar that wraps, a TOML multi-line string).
    MultiLine,
    /// A YAML block scalar (`|` or `>`).
    BlockScalar,
    /// A value carrying a YAML anchor (`&name`).
    Anchor,
    /// A YAML alias (`*name`).
    Alias,
    /// A value carrying a YAML tag (`!!str`).
    Tag,
    /// A flow collection (`[a, b]`, `{k: v}`) or a TOML inline table or array.
    FlowCollection,
    /// A map or a list where a single value was expected.
    Collection,
    /// The key and its value are not laid out as `key: value` on one line (complex keys, merged maps…).
    Layout,
    /// The key is written in several spellings (`translationKey` and `TranslationKey`, with one value): editing one
    /// would leave the other behind.
    Spellings,
    /// The translation's lines of the value hold a comment its source's lines do not: copying them would lose it.
    Comment,
    /// The key sits at another depth or indentation in the translation than in its source, or its parent is missing.
    Indentation,
}

impl Unsupported {
    fn code(self) -> &'static str {
        match self {
            Unsupported::MultiLine => "multi-line",
            Unsupported::BlockScalar => "block-scalar",
            Unsupported::Anchor => "anchor",
            Unsupported::Alias => "alias",
            Unsupported::Tag => "tag",
            Unsupported::FlowCollection => "flow-collection",
            Unsupported::Collection => "collection",
            Unsupported::Layout => "layout",
            Unsupported::Spellings => "spellings",
            Unsupported::Comment => "comment",
            Unsupported::Indentation => "indentation",
        }
    }
}

impl EditError {
    /// The message for people, naming the file `path`.
    pub fn message(&self, path: &str) -> Message {
        match self {
            EditError::BadFrontMatter { line, detail } => Message::new("edit-bad-front-matter")
                .arg("path", path)
                .arg("line", *line)
                .arg("detail", detail.arg()),
            EditError::KeyCases(cases) => Message::new("edit-key-cases")
                .arg("path", path)
                .arg("first", &cases.first)
                .arg("first_line", cases.first_line)
                .arg("second", &cases.second)
                .arg("second_line", cases.second_line),
            EditError::Unsupported {
                key,
                line,
                what,
                toml,
                ..
            } => Message::new("edit-unsupported")
                .arg("path", path)
                .arg("line", *line)
                .arg("key", key)
                .arg("what", what.code())
                .arg("format", if *toml { "toml" } else { "yaml" }),
            EditError::FlowRoot { line } => Message::new("edit-flow-root")
                .arg("path", path)
                .arg("line", *line),
            EditError::NotAMap { key, line } => Message::new("edit-not-a-map")
                .arg("path", path)
                .arg("line", *line)
                .arg("key", key),
            EditError::BadKey { key } => Message::new("edit-bad-key")
                .arg("path", path)
                .arg("key", key),
            EditError::FenceNotAtTop {
                line,
                fence,
                indented,
            } => Message::new(if *indented {
                "edit-fence-indented"
            } else {
                "edit-fence-after-blank-lines"
            })
            .arg("path", path)
            .arg("line", *line)
            .arg("fence", fence),
            EditError::Unverified { key, detail } => Message::new("edit-unverified")
                .arg("path", path)
                .arg("key", key)
                .arg("detail", detail),
            EditError::LoneCarriageReturn { line } => Message::new("edit-lone-carriage-return")
                .arg("path", path)
                .arg("line", *line),
            EditError::MetadataHeader { key } => Message::new("edit-metadata-header")
                .arg("path", path)
                .arg("key", key),
        }
    }

    /// The hint that goes with the message.
    pub fn hint(&self) -> Message {
        match self {
            EditError::BadFrontMatter { .. } => Message::new("hint-edit-bad-front-matter"),
            EditError::KeyCases(_) => Message::new("hint-edit-key-cases"),
            // The fix in the front matter's own syntax: a flow parent of a nested key becomes a block map (a TOML
            // table), anything else one `key: value` (`key = value`) line.
            EditError::Unsupported {
                key, toml, parent, ..
            } => Message::new("hint-edit-unsupported")
                .arg("key", key)
                .arg("format", if *toml { "toml" } else { "yaml" })
                .arg("parent", if *parent { "yes" } else { "no" }),
            EditError::NotAMap { key, .. } => Message::new("hint-edit-not-a-map").arg("key", key),
            EditError::FlowRoot { .. } => Message::new("hint-edit-flow-root"),
            EditError::BadKey { .. } => Message::new("hint-edit-bad-key"),
            EditError::FenceNotAtTop {
                fence, indented, ..
            } => Message::new(if *indented {
                "hint-edit-fence-indented"
            } else {
                "hint-edit-fence-after-blank-lines"
            })
            .arg("fence", fence),
            EditError::Unverified { .. } => Message::new("hint-edit-unverified"),
            EditError::LoneCarriageReturn { .. } => Message::new("hint-edit-lone-carriage-return"),
            EditError::MetadataHeader { .. } => Message::new("hint-edit-metadata-header"),
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::BadFrontMatter { line, detail } => {
                write!(f, "line {line}: broken front matter: {detail}")
            }
            EditError::KeyCases(cases) => write!(
                f,
                "line {}: {} (line {}) and {} are one key with two values",
                cases.second_line, cases.first, cases.first_line, cases.second
            ),
            EditError::Unsupported {
                key, line, what, ..
            } => {
                write!(f, "line {line}: {key}: {} value", what.code())
            }
            EditError::NotAMap { key, line } => write!(f, "line {line}: {key} is not a map"),
            EditError::FlowRoot { line } => {
                write!(f, "line {line}: the front matter is a flow map")
            }
            EditError::BadKey { key } => write!(f, "bad key {key:?}"),
            EditError::FenceNotAtTop { line, fence, .. } => {
                write!(
                    f,
                    "line {line}: the front matter's `{fence}` does not open the file"
                )
            }
            EditError::Unverified { key, detail } => write!(f, "{key}: {detail}"),
            EditError::LoneCarriageReturn { line } => {
                write!(f, "line {line}: a line ends with a carriage return alone")
            }
            EditError::MetadataHeader { key } => {
                write!(f, "{key}: the page opens with a metadata header")
            }
        }
    }
}

impl std::error::Error for EditError {}

impl From<FrontMatterError> for EditError {
    fn from(err: FrontMatterError) -> Self {
        match err.key_cases {
            Some(cases) => EditError::KeyCases(cases),
            None => EditError::BadFrontMatter {
                line: err.line,
                detail: err.detail,
            },
        }
    }
}

/// A value to write.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    /// A string (quoted when YAML or TOML needs it).
    Str(&'a str),
    /// A boolean (`true`/`false`, unquoted).
    Bool(bool),
    /// A value as another page of the same format writes it (`1.3`, `'a: b'`, `2024-05-01`): these bytes, read back
    /// as `value`, of whatever type they are (`sync --mirrored` copies a source's value this way).
    Written { text: &'a str, value: &'a str },
    /// A list or map written on one line in flow form (`["a", "b"]`, `{k: v}`) as another page of the same format
    /// writes it, read back as `node` (`sync --mirrored` copies a source's list this way). The value it replaces must
    /// be on one line too.
    Flow {
        text: &'a str,
        node: &'a crate::markdown::yaml::Node,
    },
}

/// What to do with the comment at the end of the key's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentEdit<'a> {
    /// Keep whatever comment is there.
    Keep,
    /// Write ` # <text>` (replacing any comment there).
    Set(&'a str),
    /// Remove the comment (and the spaces before it).
    Remove,
}

/// The page text with front-matter `key` (dotted for nested keys: `l10n.sourceCommit`) set to the string `value`,
/// followed by ` # <comment>` when given. An existing value's bytes are replaced in place (keeping its quoting style when
/// the new value allows it); a missing key is inserted as exactly one new line at the end of the front matter (for a
/// nested key under its existing parent map; creating the parent map when absent is allowed to add its line too); a
/// page without front matter gets one (YAML). YAML quotes the value when it needs it (a hash made only of digits must
/// be quoted). TOML `+++` goes through toml_edit. CRLF line endings, a BOM, comments, key order and every other byte stay
/// as they were; the result is re-parsed and verified before it is returned.
pub fn set_value(
    text: &str,
    key: &str,
    value: &str,
    comment: Option<&str>,
) -> Result<String, EditError> {
    set_scalar(
        text,
        key,
        Scalar::Str(value),
        comment.map_or(CommentEdit::Keep, CommentEdit::Set),
    )
}

/// [`set_value`] for any [`Scalar`], with full control of the line's comment.
pub fn set_scalar(
    text: &str,
    key: &str,
    value: Scalar,
    comment: CommentEdit,
) -> Result<String, EditError> {
    let path = split_key(key)?;
    let fm = parse(text)?;
    let edited = match fm.split.format {
        None => {
            // A fence tandem does not read (indented) would end up below a second front matter.
            if let Some(error) = unread_fence(text) {
                return Err(error);
            }
            if opens_with_metadata_header(&text[fm.split.body..]) {
                return Err(EditError::MetadataHeader {
                    key: key.to_owned(),
                });
            }
            add_front_matter(text, &fm, &path, value, comment)
        }
        Some(format) => match existing_line_with(
            text,
            &fm,
            format,
            key,
            &path,
            matches!(value, Scalar::Flow { .. }),
        )? {
            Some(line) => {
                let rendered = render(format, value, Some(line.style))
                    .ok_or_else(|| unrenderable(key, value))?;
                let mut out = String::with_capacity(text.len() + rendered.len() + 16);
                out.push_str(&text[..line.value.start]);
                if line.empty_value {
                    out.push(' ');
                }
                out.push_str(&rendered);
                out.push_str(&line.rest(comment));
                out.push_str(&text[line.content_end..]);
                out
            }
            None => insert(text, &fm, format, key, &path, value, comment)?,
        },
    };
    verify(text, &edited, key, &path, Expect::Set(value))?;
    Ok(edited)
}

/// How `key`'s value is written on its line (`1.3`, `"a b"`), with the front matter's format: `None` when the key is
/// absent; an error for a value that is not a single value on the key's line.
pub fn written_value(text: &str, key: &str) -> Result<Option<(Format, String)>, EditError> {
    written(text, key, false)
}

/// [`written_value`], or [`written_flow`] with `flow`.
fn written(text: &str, key: &str, flow: bool) -> Result<Option<(Format, String)>, EditError> {
    let path = split_key(key)?;
    let fm = parse(text)?;
    let Some(format) = fm.split.format else {
        return Ok(None);
    };
    Ok(existing_line_with(text, &fm, format, key, &path, flow)?
        .map(|line| (format, text[line.value.clone()].to_owned())))
}

/// How `key`'s value is written when it is a list or map in flow form on the key's line (`["a", "b"]`), with the front
/// matter's format: `None` when the key is absent or written otherwise.
pub fn written_flow(text: &str, key: &str) -> Result<Option<(Format, String)>, EditError> {
    written(text, key, true)
}

/// The page text with `key`'s entry — its line and the lines of its value, as a list or map over several lines is
/// written — replaced by the same key's entry in `source_text`, byte for byte (line endings made the page's own); a
/// missing key gets the entry at the end of its parent map. YAML on both sides only. Refused when the page's lines of
/// the value hold a comment the source's do not, or the key is indented differently. Verified like every edit: the
/// data read back is the page's, with the source's value at `key`, and nothing else moved.
pub fn copy_entry(text: &str, source_text: &str, key: &str) -> Result<String, EditError> {
    let path = split_key(key)?;
    let fm = parse(text)?;
    let source_fm = parse(source_text)?;
    let unsupported = |line: usize, what| EditError::Unsupported {
        toml: false,
        parent: false,
        key: key.to_owned(),
        line,
        what,
    };
    if fm.split.format != Some(Format::Yaml) || source_fm.split.format != Some(Format::Yaml) {
        // Named at the key's line in the translation (the refusal said `:1`).
        let line = fm
            .tree
            .as_ref()
            .and_then(|tree| tree.get_path(key))
            .map_or(1, |node| {
                line_of(text, node.key_span.as_ref().unwrap_or(&node.span).start)
            });
        return Err(unsupported(line, Unsupported::Collection));
    }
    let source_node = source_fm
        .tree
        .as_ref()
        .and_then(|tree| tree.get_path(key))
        .ok_or_else(|| EditError::Unverified {
            key: key.to_owned(),
            detail: "the source has no such key".into(),
        })?;
    let (source_lines, source_column) = entry_lines(source_text, source_node).ok_or_else(|| {
        unsupported(
            line_of(source_text, source_node.span.start),
            Unsupported::Layout,
        )
    })?;
    let entry = &source_text[source_lines];
    // What no copy of lines can mend: the key in two spellings (one would be left behind), an anchor others refer
    // to, an alias or a tag, a parent that is not a map. A value over several lines is what this copy is for.
    if let Err(
        err @ (EditError::NotAMap { .. }
        | EditError::Unsupported {
            what:
                Unsupported::Spellings | Unsupported::Anchor | Unsupported::Alias | Unsupported::Tag,
            ..
        }),
    ) = existing_line_with(text, &fm, Format::Yaml, key, &path, true)
    {
        return Err(err);
    }
    let node = fm.tree.as_ref().and_then(|tree| tree.get_path(key));
    let (range, eol) = match node {
        Some(node) => {
            let line = line_of(text, node.span.start);
            let (lines, column) =
                entry_lines(text, node).ok_or_else(|| unsupported(line, Unsupported::Layout))?;
            if column != source_column {
                return Err(unsupported(line, Unsupported::Indentation));
            }
            if has_comment_not_in(&text[lines.clone()], entry) {
                return Err(unsupported(line, Unsupported::Comment));
            }
            let eol = eol_before(text, lines.end);
            (lines, eol)
        }
        None => {
            // At the end of the parent map, which must be a block map at the source's indentation (the top level:
            // the end of the front matter).
            let parent = match path.len() {
                1 => None,
                _ => Some(
                    fm.tree
                        .as_ref()
                        .and_then(|tree| tree.get_path(&path[..path.len() - 1].join(".")))
                        .ok_or_else(|| unsupported(1, Unsupported::Indentation))?,
                ),
            };
            let at = match parent {
                None if source_column == 0 => fm.split.front_matter.end,
                None => return Err(unsupported(1, Unsupported::Indentation)),
                Some(parent) => {
                    let line = line_of(text, parent.span.start);
                    let NodeKind::Map(entries) = &parent.kind else {
                        return Err(unsupported(line, Unsupported::Indentation));
                    };
                    let column = entries
                        .first()
                        .and_then(|(_, first)| entry_lines(text, first))
                        .map(|(_, column)| column);
                    if column != Some(source_column) {
                        return Err(unsupported(line, Unsupported::Indentation));
                    }
                    line_end_after(text, last_byte(parent))
                }
            };
            if at > 0 && !text[..at].ends_with('\n') {
                return Err(unsupported(line_of(text, at), Unsupported::Layout));
            }
            (at..at, eol_before(text, at))
        }
    };
    let mut lines = entry.replace("\r\n", "\n");
    if !lines.ends_with('\n') {
        lines.push('\n');
    }
    if eol == "\r\n" {
        lines = lines.replace('\n', "\r\n");
    }
    let mut edited = String::with_capacity(text.len() + lines.len());
    edited.push_str(&text[..range.start]);
    edited.push_str(&lines);
    edited.push_str(&text[range.end..]);
    verify(text, &edited, key, &path, Expect::Entry(source_node))?;
    Ok(edited)
}

/// The lines of a map entry: from the start of its key's line to the end of the line of the value's last byte, and
/// the key's column. `None` for a node that is not a map entry, an alias, or a value on the key's line followed by
/// more on the same line.
fn entry_lines(text: &str, node: &Node) -> Option<(Range<usize>, usize)> {
    let key_span = node.key_span.as_ref()?;
    if node.alias {
        return None;
    }
    let start = text[..key_span.start].rfind('\n').map_or(0, |i| i + 1);
    // Only spaces before the key (a `- key: v` list item or a `? key` is another layout).
    if !text[start..key_span.start].bytes().all(|b| b == b' ') {
        return None;
    }
    let last = last_byte(node).max(key_span.end);
    let last = match &node.kind {
        // A flow collection's node spans its opening bracket only.
        NodeKind::Seq(_) | NodeKind::Map(_)
            if matches!(text.as_bytes().get(node.span.start), Some(b'[' | b'{')) =>
        {
            flow_end(text, node.span.start)? - 1
        }
        _ => last,
    };
    Some((start..line_end_after(text, last), key_span.start - start))
}

/// Whether `lines` hold a comment (`# …` on a line of its own, or after a value) that `kept` does not.
fn has_comment_not_in(lines: &str, kept: &str) -> bool {
    let comments = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| yaml_comment(line).map(|c| c.trim_end().to_owned()))
            .collect()
    };
    let kept = comments(kept);
    comments(lines).iter().any(|c| !kept.contains(c))
}

/// The comment of a YAML line (from its `#`), if any: a `#` at the start or after a space, outside quotes. A quote
/// opens quoted text only where a value starts (after `: `, `- `, `[`, `{`, `,` or the indentation), so an
/// apostrophe inside plain text hides no comment.
fn yaml_comment(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    let mut at = 0;
    let mut value_starts = true;
    while at < bytes.len() {
        match bytes[at] {
            b'#' if at == 0 || bytes[at - 1] == b' ' || bytes[at - 1] == b'\t' => {
                return Some(&line[at..]);
            }
            quote @ (b'"' | b'\'') if value_starts => {
                at += 1;
                while at < bytes.len() {
                    match bytes[at] {
                        b'\\' if quote == b'"' => at += 1,
                        b'\'' if quote == b'\'' && bytes.get(at + 1) == Some(&b'\'') => at += 1,
                        b if b == quote => break,
                        _ => {}
                    }
                    at += 1;
                }
                value_starts = false;
            }
            b' ' | b'\t' => {
                value_starts |= at > 0 && matches!(bytes[at - 1], b':' | b'-' | b',')
                    || line[..at].trim().is_empty();
            }
            b'[' | b'{' | b',' => value_starts = true,
            _ => value_starts = false,
        }
        at += 1;
    }
    None
}

/// The page text without the line of `key` (a no-op when the key is absent).
pub fn remove_key(text: &str, key: &str) -> Result<String, EditError> {
    let path = split_key(key)?;
    let fm = parse(text)?;
    let Some(format) = fm.split.format else {
        return Ok(text.to_owned());
    };
    let Some(line) = existing_line(text, &fm, format, key, &path)? else {
        return Ok(text.to_owned());
    };
    let mut edited = String::with_capacity(text.len());
    edited.push_str(&text[..line.start]);
    edited.push_str(&text[line.end..]);
    verify(text, &edited, key, &path, Expect::Removed)?;
    Ok(edited)
}

/// The page text with the comment at the end of `key`'s line changed, its value untouched (`Ok(None)` when the key is
/// absent). Used to mark fields for translation.
pub fn set_comment(
    text: &str,
    key: &str,
    comment: CommentEdit,
) -> Result<Option<String>, EditError> {
    let path = split_key(key)?;
    let fm = parse(text)?;
    let Some(format) = fm.split.format else {
        return Ok(None);
    };
    let Some(line) = existing_line(text, &fm, format, key, &path)? else {
        return Ok(None);
    };
    let mut edited = String::with_capacity(text.len() + 32);
    edited.push_str(&text[..line.value.end]);
    edited.push_str(&line.rest(comment));
    edited.push_str(&text[line.content_end..]);
    verify(text, &edited, key, &path, Expect::Unchanged)?;
    Ok(Some(edited))
}

/// A comment line (`# {comment}`) just above the line of `key`, indented like it: for a value that cannot carry a
/// comment on its own line as tandem edits it (written over several lines, a block scalar, an anchor, a flow
/// collection). `None` when the key is not there. Verified: the same data, one line added.
pub fn add_comment_above(
    text: &str,
    key: &str,
    comment: &str,
) -> Result<Option<String>, EditError> {
    let path = split_key(key)?;
    let fm = parse(text)?;
    if fm.split.format.is_none() {
        return Ok(None);
    }
    let Some(node) = fm.tree.as_ref().and_then(|tree| tree.get_path(key)) else {
        return Ok(None);
    };
    let inner = fm.split.front_matter.clone();
    let name = path.last().copied().unwrap_or(key);
    // The line the key is written on: the value's, or the nearest line above it that starts with the key.
    let line_start = |offset: usize| text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let mut at = line_start(node.span.start.clamp(inner.start, inner.end));
    let mut probe = at;
    while probe > inner.start {
        let line = text[probe..].lines().next().unwrap_or("");
        let bare = line.trim_start().trim_start_matches(['"', '\'']);
        if bare.len() >= name.len()
            && bare.is_char_boundary(name.len())
            && same_key(&bare[..name.len()], name)
        {
            at = probe;
            break;
        }
        probe = line_start(probe - 1);
    }
    let line = &text[at..];
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let eol = eol_before(text, line_end_of(text, at));
    let mut edited = String::with_capacity(text.len() + comment.len() + 8);
    edited.push_str(&text[..at]);
    edited.push_str(&indent);
    edited.push_str("# ");
    edited.push_str(comment);
    edited.push_str(eol);
    edited.push_str(&text[at..]);
    verify(text, &edited, key, &path, Expect::CommentLine)?;
    Ok(Some(edited))
}

/// The offset just past the line holding `offset`.
fn line_end_of(text: &str, offset: usize) -> usize {
    text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1)
}

fn split_key(key: &str) -> Result<Vec<&str>, EditError> {
    let path: Vec<&str> = key.split('.').collect();
    if path.iter().any(|part| part.trim().is_empty()) {
        return Err(EditError::BadKey {
            key: key.to_owned(),
        });
    }
    Ok(path)
}

fn parse(text: &str) -> Result<FrontMatter, EditError> {
    if let Some(line) = lone_carriage_return_line(text) {
        return Err(EditError::LoneCarriageReturn { line });
    }
    let fm = frontmatter::parse(text).map_err(EditError::from)?;
    // A front matter written as one flow map has no key on a line of its own: refused like other flow collections
    // (the edit could not be verified, and tandem called it a bug of its own).
    if fm.split.format == Some(Format::Yaml)
        && let Some(root) = &fm.tree
        && text
            .get(root.span.clone())
            .is_some_and(|written| written.starts_with('{'))
    {
        return Err(EditError::FlowRoot {
            line: line_of(text, root.span.start),
        });
    }
    Ok(fm)
}

fn unrenderable(key: &str, value: Scalar) -> EditError {
    EditError::Unverified {
        key: key.to_owned(),
        detail: format!("{value:?} cannot be written as a one-line value"),
    }
}

/// How an existing value is quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
}

/// The line of an existing key whose value can be rewritten in place.
struct KeyLine<'t> {
    /// Start of the line, and just past its line ending.
    start: usize,
    end: usize,
    /// Where the line's content ends (before `\r\n` or `\n`).
    content_end: usize,
    /// The bytes of the value as written (empty, just after the `:`, for an empty YAML value).
    value: Range<usize>,
    /// The key has no value at all (`key:`): a space goes before the new one.
    empty_value: bool,
    style: Style,
    /// What follows the value on the line: spaces and an optional comment.
    after: &'t str,
}

impl KeyLine<'_> {
    fn rest(&self, comment: CommentEdit) -> String {
        match comment {
            CommentEdit::Keep => self.after.to_owned(),
            CommentEdit::Set(text) => format!(" # {}", text.trim()),
            CommentEdit::Remove => {
                if self.after.trim_start().starts_with('#') {
                    String::new()
                } else {
                    self.after.to_owned()
                }
            }
        }
    }
}

/// Finds `key`'s line when the key exists; refuses values that cannot be rewritten on their line.
fn existing_line<'t>(
    text: &'t str,
    fm: &FrontMatter,
    format: Format,
    key: &str,
    path: &[&str],
) -> Result<Option<KeyLine<'t>>, EditError> {
    existing_line_with(text, fm, format, key, path, false)
}

/// [`existing_line`], taking a list or map written in flow form on the key's line (`tags: [a, b]`) as a value when
/// `flow` is set.
fn existing_line_with<'t>(
    text: &'t str,
    fm: &FrontMatter,
    format: Format,
    key: &str,
    path: &[&str],
    flow: bool,
) -> Result<Option<KeyLine<'t>>, EditError> {
    let Some(tree) = &fm.tree else {
        return Ok(None);
    };
    // Walk down, refusing parents that are not maps.
    let mut node = tree;
    for (depth, part) in path.iter().enumerate() {
        match &node.kind {
            NodeKind::Map(_) => {}
            // No front-matter keys at all, or an empty parent (`l10n:`): the key is absent.
            NodeKind::Null => return Ok(None),
            _ if depth == 0 => return Ok(None),
            _ => {
                return Err(EditError::NotAMap {
                    key: path[..depth].join("."),
                    line: line_of(text, node.span.start),
                });
            }
        }
        if let NodeKind::Map(entries) = &node.kind {
            let spellings: Vec<&Node> = entries
                .iter()
                .filter(|(k, _)| same_key(k, part))
                .map(|(_, v)| v)
                .collect();
            if spellings.len() > 1 {
                return Err(EditError::Unsupported {
                    toml: format == Format::Toml,
                    parent: false,
                    key: path[..=depth].join("."),
                    line: line_of(
                        text,
                        spellings[1]
                            .key_span
                            .as_ref()
                            .unwrap_or(&spellings[1].span)
                            .start,
                    ),
                    what: Unsupported::Spellings,
                });
            }
        }
        match node.get(part) {
            Some(child) => node = child,
            None => return Ok(None),
        }
    }
    let unsupported = |what| EditError::Unsupported {
        toml: format == Format::Toml,
        parent: false,
        key: key.to_owned(),
        line: line_of(text, node.span.start),
        what,
    };
    if node.alias {
        return Err(unsupported(Unsupported::Alias));
    }
    let raw = &text[node.span.clone()];
    // The value's bytes: a flow collection's node spans its opening bracket only, so its end is found here.
    let mut span = node.span.clone();
    match &node.kind {
        NodeKind::Seq(_) | NodeKind::Map(_) => {
            // `[a, b]`, `{k: v}` (a TOML `[table]` header or `[[array]]` is a collection, not the flow form).
            let flow_form = match &node.kind {
                NodeKind::Seq(_) => raw.starts_with('[') && !raw.starts_with("[["),
                _ => raw.starts_with('{'),
            };
            let end = (flow && flow_form)
                .then(|| flow_end(text, node.span.start))
                .flatten();
            let Some(end) = end else {
                return Err(unsupported(if flow_form {
                    Unsupported::FlowCollection
                } else {
                    Unsupported::Collection
                }));
            };
            span = node.span.start..end;
        }
        NodeKind::Null | NodeKind::Scalar(_) => {}
    }
    // An empty YAML value (`key:`) has a zero-length span at the colon.
    let empty_value =
        format == Format::Yaml && span.is_empty() && text.as_bytes().get(span.start) == Some(&b':');
    let value = if empty_value {
        span.start + 1..span.start + 1
    } else {
        span
    };
    let start = text[..value.start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = text[start..value.start].trim_end();
    if prefix.is_empty() {
        // The value starts on a line of its own: the key's line holds a block indicator, or the value wraps.
        let key_line_end = start.saturating_sub(1);
        let key_line = &text[text[..key_line_end].rfind('\n').map_or(0, |i| i + 1)..key_line_end];
        let indicator = key_line.trim_end().rsplit(':').next().unwrap_or("").trim();
        return Err(unsupported(
            if indicator.starts_with('|') || indicator.starts_with('>') {
                Unsupported::BlockScalar
            } else {
                Unsupported::MultiLine
            },
        ));
    }
    if text[value.clone()].contains('\n') {
        return Err(unsupported(Unsupported::MultiLine));
    }
    let end = text[value.end..]
        .find('\n')
        .map_or(text.len(), |i| value.end + i + 1);
    let content_end = if text[..end].ends_with("\r\n") {
        end - 2
    } else if text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    let separator = if format == Format::Yaml { ':' } else { '=' };
    let Some(key_text) = prefix.strip_suffix(separator) else {
        let what = if prefix.rsplit(separator).next().unwrap_or("").contains('&') {
            Unsupported::Anchor
        } else if prefix.rsplit(separator).next().unwrap_or("").contains('!') {
            Unsupported::Tag
        } else {
            Unsupported::Layout
        };
        return Err(unsupported(what));
    };
    let leaf = path[path.len() - 1];
    let written_key = key_text.trim();
    let matches = match format {
        Format::Yaml => same_key(unquote(written_key), leaf),
        // `a.b = 1` (dotted) or `"b" = 1`: the last part names the leaf.
        Format::Toml => {
            same_key(
                unquote(written_key.rsplit('.').next().unwrap_or("").trim()),
                leaf,
            ) || same_key(unquote(written_key), leaf)
        }
    };
    if !matches {
        return Err(unsupported(Unsupported::Layout));
    }
    let after = &text[value.end..content_end];
    let after_trimmed = after.trim_start();
    if !(after_trimmed.is_empty()
        || (after_trimmed.starts_with('#') && after.len() > after_trimmed.len())
        || (after_trimmed.starts_with('#') && format == Format::Toml))
    {
        return Err(unsupported(Unsupported::Layout));
    }
    if format == Format::Toml && (raw.starts_with("\"\"\"") || raw.starts_with("'''")) {
        return Err(unsupported(Unsupported::MultiLine));
    }
    let style = match raw.as_bytes().first() {
        Some(b'\'') => Style::Single,
        Some(b'"') => Style::Double,
        _ => Style::Plain,
    };
    Ok(Some(KeyLine {
        start,
        end,
        content_end,
        value,
        empty_value,
        style,
        after,
    }))
}

/// Just past the bracket closing the flow collection opening at `start` (`[a, "b]"]`, `{k: [v]}`), when it closes on
/// the same line; quoted text is skipped (YAML's `''` and `\"` escapes, TOML's basic strings alike).
fn flow_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = start;
    while at < bytes.len() {
        match bytes[at] {
            b'\n' => return None,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(at + 1);
                }
            }
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    if bytes[at] == b'\n' {
                        return None;
                    }
                    if bytes[at] == b'\\' {
                        at += 1;
                    }
                    at += 1;
                }
            }
            b'\'' => {
                at += 1;
                loop {
                    match bytes.get(at) {
                        None | Some(b'\n') => return None,
                        Some(b'\'') if bytes.get(at + 1) == Some(&b'\'') => at += 2,
                        Some(b'\'') => break,
                        Some(_) => at += 1,
                    }
                }
            }
            b'#' if at > 0 && bytes[at - 1] == b' ' => return None,
            _ => {}
        }
        at += 1;
    }
    None
}

fn unquote(text: &str) -> &str {
    for quote in ['"', '\''] {
        if text.len() >= 2 && text.starts_with(quote) && text.ends_with(quote) {
            return &text[1..text.len() - 1];
        }
    }
    text
}

/// The value as YAML or TOML text on one line; `None` when it cannot be (a string with a line break in TOML is
/// escaped, so only YAML plain strings are ever refused, and those fall back to quotes).
fn render(format: Format, value: Scalar, style: Option<Style>) -> Option<String> {
    let text = match value {
        Scalar::Bool(b) => return Some(b.to_string()),
        Scalar::Written { text, .. } | Scalar::Flow { text, .. } => return Some(text.to_owned()),
        Scalar::Str(text) => text,
    };
    match format {
        Format::Yaml => render_yaml_str(text, style.unwrap_or(Style::Plain)),
        Format::Toml => Some(render_toml_str(text, style == Some(Style::Single))),
    }
}

fn render_yaml_str(text: &str, style: Style) -> Option<String> {
    let single = || format!("'{}'", text.replace('\'', "''"));
    let double = || {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let has_control = text.chars().any(char::is_control);
    let candidates: Vec<String> = match style {
        Style::Plain if yaml_plain_ok(text) => vec![text.to_owned(), double()],
        Style::Single if !has_control => vec![single(), double()],
        _ => vec![double()],
    };
    // Keep the first form that a YAML parser reads back as exactly this string.
    candidates
        .into_iter()
        .find(|candidate| yaml_reads_as_string(candidate, text))
}

/// Whether `text` can stand unquoted and still be read as this string by YAML 1.1 and 1.2 readers (Hugo's go-yaml
/// among them): no indicator at the start, no `: ` or ` #`, nothing a reader takes for a number, a date, a boolean or null.
fn yaml_plain_ok(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.trim() != text || text.chars().any(char::is_control) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if text.contains(": ") || text.contains(" #") || text.ends_with(':') {
        return false;
    }
    // Numbers in any base, floats with exponents, sexagesimals, dates: made only of these characters.
    if text.chars().all(|c| "0123456789_.+-:eExXoObB".contains(c)) {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    const KEYWORDS: &[&str] = &[
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", "+.inf",
        ".nan",
    ];
    !KEYWORDS.contains(&lower.as_str())
}

fn yaml_reads_as_string(rendered: &str, expected: &str) -> bool {
    let snippet = format!("v: {rendered}\n");
    matches!(
        serde_saphyr::from_str::<serde_json::Value>(&snippet),
        Ok(serde_json::Value::Object(map))
            if map.get("v") == Some(&serde_json::Value::String(expected.to_owned()))
    )
}

fn render_toml_str(text: &str, literal: bool) -> String {
    if literal && !text.contains('\'') && !text.chars().any(char::is_control) {
        return format!("'{text}'");
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn render_key(format: Format, part: &str) -> String {
    let bare = part
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    match format {
        Format::Toml if bare => part.to_owned(),
        Format::Toml => render_toml_str(part, false),
        Format::Yaml if bare && yaml_plain_ok(part) => part.to_owned(),
        Format::Yaml => render_yaml_str(part, Style::Double).unwrap_or_else(|| part.to_owned()),
    }
}

fn comment_suffix(comment: CommentEdit) -> String {
    match comment {
        CommentEdit::Set(text) => format!(" # {}", text.trim()),
        CommentEdit::Keep | CommentEdit::Remove => String::new(),
    }
}

/// YAML lines for `path` (parents first) at `indent`, each ending with `eol`.
fn yaml_lines(
    path: &[&str],
    indent: usize,
    rendered: &str,
    comment: CommentEdit,
    eol: &str,
) -> String {
    let mut out = String::new();
    for (depth, part) in path.iter().enumerate() {
        out.push_str(&" ".repeat(indent + 2 * depth));
        out.push_str(&render_key(Format::Yaml, part));
        out.push(':');
        if depth + 1 == path.len() {
            out.push(' ');
            out.push_str(rendered);
            out.push_str(&comment_suffix(comment));
        }
        out.push_str(eol);
    }
    out
}

/// The line ending of the line that ends just before `offset` (else of the first line, else `\n`).
fn eol_before(text: &str, offset: usize) -> &'static str {
    let before = &text[..offset];
    let crlf = if before.ends_with('\n') {
        before.ends_with("\r\n")
    } else {
        text.find('\n').is_some_and(|i| text[..i].ends_with('\r'))
    };
    if crlf { "\r\n" } else { "\n" }
}

/// The fence of a front matter that Hugo reads and tandem does not edit: an opening `---` or `+++` indented, on the
/// first line that is not blank.
fn unread_fence(text: &str) -> Option<EditError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| !line.trim_matches([' ', '\t', '\r']).is_empty())?;
    if !line.starts_with([' ', '\t']) {
        return None;
    }
    let trimmed = line.trim_matches([' ', '\t', '\r']);
    ["---", "+++"]
        .into_iter()
        .find(|fence| trimmed == *fence)
        .map(|fence| EditError::FenceNotAtTop {
            line: index + 1,
            fence: fence.to_owned(),
            indented: true,
        })
}

/// The line (1-based, a lone `\r` ending one as an editor shows it) of the first line that ends with a carriage return
/// not followed by a line feed, if any.
fn lone_carriage_return_line(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let at = memchr::memchr_iter(b'\r', bytes).find(|&i| bytes.get(i + 1) != Some(&b'\n'))?;
    Some(
        1 + memchr::memchr2_iter(b'\n', b'\r', &bytes[..at])
            .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
            .count(),
    )
}

/// Refuses to edit a front matter that blank lines come before, on a site whose generator is not Hugo: Hugo skips
/// them and reads the block, the others read it as text.
pub fn check_fence_at_top(text: &str, fm: &FrontMatter, hugo: bool) -> Result<(), EditError> {
    match fm.split.fence {
        Some(fence) if !hugo && fm.split.after_blank_lines() => Err(EditError::FenceNotAtTop {
            line: line_of(text, fence),
            fence: match fm.split.format {
                Some(Format::Toml) => "+++",
                _ => "---",
            }
            .to_owned(),
            indented: false,
        }),
        _ => Ok(()),
    }
}

/// Whether a page without front matter opens with a metadata header: two or more `Key: value` lines (a key of
/// letters, digits, `_` and `-`, then a colon and a space or the line's end; indented lines continue a value) up to
/// the first blank line or the end, as Pelican and Python-Markdown's meta extension read them.
pub fn opens_with_metadata_header(text: &str) -> bool {
    metadata_header_len(text).is_some()
}

/// The length in bytes of the metadata header `text` opens with (its lines and their line ends, not the blank line
/// after them), when it opens with one (see [`opens_with_metadata_header`]).
pub fn metadata_header_len(text: &str) -> Option<usize> {
    let mut keys = 0;
    let mut len = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            break;
        }
        if keys == 0 || !content.starts_with([' ', '\t']) {
            let (key, rest) = content.split_once(':')?;
            let key_like = key.starts_with(|c: char| c.is_ascii_alphabetic())
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !key_like || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
                return None;
            }
            keys += 1;
        }
        len += line.len();
    }
    (keys >= 2).then_some(len)
}

/// A page without front matter gets a YAML one holding the key.
fn add_front_matter(
    text: &str,
    fm: &FrontMatter,
    path: &[&str],
    value: Scalar,
    comment: CommentEdit,
) -> String {
    let at = fm.split.body; // just after the BOM, if any
    let eol = eol_before(text, 0);
    let rendered = render(Format::Yaml, value, None).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(&text[..at]);
    out.push_str("---");
    out.push_str(eol);
    out.push_str(&yaml_lines(path, 0, &rendered, comment, eol));
    out.push_str("---");
    out.push_str(eol);
    out.push_str(&text[at..]);
    out
}

/// Inserts a missing key (and its missing parents) as new lines.
fn insert(
    text: &str,
    fm: &FrontMatter,
    format: Format,
    key: &str,
    path: &[&str],
    value: Scalar,
    comment: CommentEdit,
) -> Result<String, EditError> {
    let rendered = render(format, value, None).ok_or_else(|| unrenderable(key, value))?;
    let (at, lines) = match format {
        Format::Yaml => yaml_insertion(text, fm, key, path, &rendered, comment)?,
        Format::Toml => toml_insertion(text, fm, key, path, &rendered, comment)?,
    };
    let mut out = String::with_capacity(text.len() + lines.len());
    out.push_str(&text[..at]);
    out.push_str(&lines);
    out.push_str(&text[at..]);
    Ok(out)
}

/// The offset of the last byte that belongs to `node` (its deepest, last descendant).
fn last_byte(node: &Node) -> usize {
    let own = if node.span.is_empty() {
        node.span.start
    } else {
        node.span.end - 1
    };
    let children = match &node.kind {
        NodeKind::Seq(items) => items.iter().map(last_byte).max(),
        NodeKind::Map(entries) => entries.iter().map(|(_, v)| last_byte(v)).max(),
        _ => None,
    };
    own.max(children.unwrap_or(0))
}

fn line_end_after(text: &str, offset: usize) -> usize {
    text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1)
}

fn column_of(text: &str, offset: usize) -> usize {
    offset - text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

fn yaml_insertion(
    text: &str,
    fm: &FrontMatter,
    key: &str,
    path: &[&str],
    rendered: &str,
    comment: CommentEdit,
) -> Result<(usize, String), EditError> {
    let fm_end = fm.split.front_matter.end;
    let root = match &fm.tree {
        Some(tree) if matches!(tree.kind, NodeKind::Map(_)) => tree,
        // An empty front matter: the key goes at its end, at column 0.
        _ => {
            let eol = eol_before(text, fm_end);
            return Ok((fm_end, yaml_lines(path, 0, rendered, comment, eol)));
        }
    };
    // Descend through the parents that exist.
    let mut node = root;
    let mut depth = 0;
    while depth + 1 < path.len() {
        let Some(child) = node.get(path[depth]) else {
            break;
        };
        let line = line_of(text, child.span.start);
        match &child.kind {
            NodeKind::Map(_) => {
                if text[child.span.clone()].starts_with('{') || child.alias {
                    return Err(EditError::Unsupported {
                        toml: false,
                        parent: true,
                        key: path[..=depth].join("."),
                        line,
                        what: if child.alias {
                            Unsupported::Alias
                        } else {
                            Unsupported::FlowCollection
                        },
                    });
                }
                node = child;
                depth += 1;
            }
            // `l10n:` with nothing after it: the children go on the lines below.
            NodeKind::Null
                if child.span.is_empty()
                    && text.as_bytes().get(child.span.start) == Some(&b':') =>
            {
                let after = line_end_after(text, child.span.start);
                let rest = text[child.span.start + 1..after].trim();
                if !rest.is_empty() && !rest.starts_with('#') {
                    return Err(EditError::NotAMap {
                        key: path[..=depth].join("."),
                        line,
                    });
                }
                let key_line_start = text[..child.span.start].rfind('\n').map_or(0, |i| i + 1);
                let indent = text[key_line_start..].len()
                    - text[key_line_start..].trim_start_matches(' ').len();
                let eol = eol_before(text, after);
                return Ok((
                    after,
                    yaml_lines(&path[depth + 1..], indent + 2, rendered, comment, eol),
                ));
            }
            _ => {
                return Err(EditError::NotAMap {
                    key: path[..=depth].join("."),
                    line,
                });
            }
        }
    }
    let _ = key;
    let (at, indent) = if depth == 0 {
        (fm_end, column_of(text, root.span.start))
    } else {
        (
            line_end_after(text, last_byte(node)),
            column_of(text, node.span.start),
        )
    };
    let at = at.min(fm_end);
    let eol = eol_before(text, at);
    Ok((
        at,
        yaml_lines(&path[depth..], indent, rendered, comment, eol),
    ))
}

fn toml_insertion(
    text: &str,
    fm: &FrontMatter,
    key: &str,
    path: &[&str],
    rendered: &str,
    comment: CommentEdit,
) -> Result<(usize, String), EditError> {
    let inner_range = fm.split.front_matter.clone();
    let inner = &text[inner_range.clone()];
    let doc = toml_edit::Document::parse(inner).map_err(|err| EditError::BadFrontMatter {
        line: fm.split.front_matter_line,
        detail: super::yaml::Detail::Parser(err.message().trim().to_owned()),
    })?;
    let shift = inner_range.start;
    // The table whose header section receives the new line, and the path relative to it.
    let mut base: &toml_edit::Table = doc.as_table();
    let mut base_depth = 0;
    let mut table: &toml_edit::Table = doc.as_table();
    // The parents as the file spells them, then the path as asked.
    let mut spelled: Vec<String> = path.iter().map(|part| (*part).to_owned()).collect();
    for (depth, part) in path[..path.len() - 1].iter().enumerate() {
        if !table.contains_key(part)
            && let Some((written, _)) = table.iter().find(|(k, _)| same_key(k, part))
        {
            spelled[depth] = written.to_owned();
        }
        match toml_get(table, part) {
            None => break,
            Some(toml_edit::Item::Table(child)) => {
                if !child.is_dotted() && !child.is_implicit() {
                    base = child;
                    base_depth = depth + 1;
                }
                table = child;
            }
            Some(toml_edit::Item::Value(toml_edit::Value::InlineTable(t))) => {
                return Err(EditError::Unsupported {
                    toml: true,
                    parent: true,
                    key: path[..=depth].join("."),
                    line: line_of(text, shift + t.span().map_or(0, |s| s.start)),
                    what: Unsupported::FlowCollection,
                });
            }
            Some(other) => {
                return Err(EditError::NotAMap {
                    key: path[..=depth].join("."),
                    line: line_of(text, shift + other.span().map_or(0, |s| s.start)),
                });
            }
        }
    }
    let _ = key;
    // After the last key/value line of the base table (dotted sub-tables included), else after its header.
    let last = last_value_byte(base);
    let at = match (last, base.span()) {
        (Some(last), _) => line_end_after(text, shift + last),
        (None, Some(header)) if base_depth > 0 => line_end_after(text, shift + header.start),
        _ => inner_range.start,
    };
    let at = at.min(inner_range.end);
    let eol = eol_before(text, at);
    let relative: Vec<String> = spelled[base_depth..]
        .iter()
        .map(|part| render_key(Format::Toml, part))
        .collect();
    let line = format!(
        "{} = {rendered}{}{eol}",
        relative.join("."),
        comment_suffix(comment)
    );
    Ok((at, line))
}

/// The item under `key` in a TOML table, the key compared as [`same_key`] does (the exact spelling first).
fn toml_get<'t>(table: &'t toml_edit::Table, key: &str) -> Option<&'t toml_edit::Item> {
    table.get(key).or_else(|| {
        table
            .iter()
            .find(|(k, _)| same_key(k, key))
            .map(|(_, item)| item)
    })
}

/// The value under `key` in a TOML item (a table or an inline table), compared as [`same_key`] does.
fn toml_item_get<'t>(item: &'t toml_edit::Item, key: &str) -> Option<&'t toml_edit::Item> {
    item.get(key).or_else(|| match item {
        toml_edit::Item::Table(table) => toml_get(table, key),
        toml_edit::Item::Value(toml_edit::Value::InlineTable(table)) => table
            .iter()
            .find(|(k, _)| same_key(k, key))
            .and_then(|(k, _)| item.get(k)),
        _ => None,
    })
}

/// The last byte of the key/value pairs that sit in this table's own section (values and dotted sub-tables).
fn last_value_byte(table: &toml_edit::Table) -> Option<usize> {
    table
        .iter()
        .filter_map(|(_, item)| match item {
            toml_edit::Item::Value(value) => value.span().map(|s| s.end.saturating_sub(1)),
            toml_edit::Item::Table(child) if child.is_dotted() => last_value_byte(child),
            _ => None,
        })
        .max()
}

/// What the edit must have done to the data.
#[derive(Clone, Copy)]
enum Expect<'a> {
    Set(Scalar<'a>),
    /// A whole entry copied from another page: this value at the key, the lines of the entry replaced.
    Entry(&'a Node),
    Removed,
    Unchanged,
    /// One comment line added, nothing else.
    CommentLine,
}

/// Parses the edited text again and checks it: same data but for the key, the key's value read back as written, and
/// only the expected lines changed (one replaced; or new lines inserted together; or one removed).
fn verify(
    before: &str,
    after: &str,
    key: &str,
    path: &[&str],
    expect: Expect,
) -> Result<(), EditError> {
    let fail = |detail: String| EditError::Unverified {
        key: key.to_owned(),
        detail,
    };
    let old = parse(before)?;
    let new = frontmatter::parse(after).map_err(|err| fail(format!("re-parse: {err}")))?;
    let mut expected = old.tree.as_ref().map(without_spans);
    let format = new.split.format.unwrap_or(Format::Yaml);
    match expect {
        Expect::Set(value) => {
            let leaf = match value {
                Scalar::Str(text) => bare(NodeKind::Scalar(text.to_owned())),
                Scalar::Bool(b) => bare(NodeKind::Scalar(b.to_string())),
                Scalar::Written { value, .. } => bare(NodeKind::Scalar(value.to_owned())),
                Scalar::Flow { node, .. } => without_spans(node),
            };
            let root = expected.get_or_insert_with(|| bare(NodeKind::Map(Vec::new())));
            if matches!(root.kind, NodeKind::Null) {
                root.kind = NodeKind::Map(Vec::new());
            }
            set_in(root, path, leaf);
        }
        Expect::Entry(node) => {
            let root = expected.get_or_insert_with(|| bare(NodeKind::Map(Vec::new())));
            if matches!(root.kind, NodeKind::Null) {
                root.kind = NodeKind::Map(Vec::new());
            }
            set_in(root, path, without_spans(node));
        }
        Expect::Removed => {
            if let Some(root) = expected.as_mut() {
                remove_in(root, path, format);
            }
        }
        Expect::Unchanged | Expect::CommentLine => {}
    }
    let actual = new.tree.as_ref().map(without_spans);
    // Key order is not data (a TOML key inserted before a `[table]` is read before it).
    let normalize = |tree: Option<Node>| {
        tree.filter(|t| match &t.kind {
            NodeKind::Null => false,
            NodeKind::Map(entries) => !entries.is_empty(),
            _ => true,
        })
        .map(|t| sorted(&t))
    };
    if normalize(actual) != normalize(expected) {
        return Err(fail(
            "the data read back differs from the intended edit".into(),
        ));
    }
    if let Expect::Set(value) = expect {
        check_typed(after, &new, path, value).map_err(fail)?;
    }
    let bom = '\u{feff}';
    let (removed, added) = changed_lines(
        before.strip_prefix(bom).unwrap_or(before),
        after.strip_prefix(bom).unwrap_or(after),
    );
    let ok = match expect {
        Expect::Set(_) if old.split.format.is_none() => removed == 0,
        // (0, 0): the value was already the one asked for.
        Expect::Set(_) => (removed == 1 && added == 1) || removed == 0,
        // Spliced on whole lines of its own: the bytes around them are the page's by construction.
        Expect::Entry(_) => true,
        Expect::Removed => removed == 1 && added == 0,
        Expect::Unchanged => (removed == 1 && added == 1) || (removed == 0 && added == 0),
        Expect::CommentLine => removed == 0 && added == 1,
    };
    if !ok {
        return Err(fail(format!(
            "{removed} lines removed and {added} added instead of one"
        )));
    }
    Ok(())
}

/// The new value is read back with the type it was written as (a string stays a string, `true` a boolean).
fn check_typed(after: &str, fm: &FrontMatter, path: &[&str], value: Scalar) -> Result<(), String> {
    let inner = &after[fm.split.front_matter.clone()];
    let found: Option<serde_json::Value> = match fm.split.format {
        Some(Format::Toml) => {
            let doc = toml_edit::Document::parse(inner).map_err(|e| e.to_string())?;
            let mut item = doc.as_item();
            for part in path {
                item = match toml_item_get(item, part) {
                    Some(next) => next,
                    None => return Err("the key is not there after the edit".into()),
                };
            }
            match item.as_value() {
                Some(toml_edit::Value::String(s)) => {
                    Some(serde_json::Value::String(s.value().clone()))
                }
                Some(toml_edit::Value::Boolean(b)) => Some(serde_json::Value::Bool(*b.value())),
                _ => Some(serde_json::Value::Null),
            }
        }
        // Documents whose keys are not all strings do not fit serde_json: the snippet check of `render` stands then.
        _ => serde_saphyr::from_str::<serde_json::Value>(inner)
            .ok()
            .map(|doc| {
                path.iter()
                    .try_fold(&doc, |v, part| {
                        v.get(part).or_else(|| {
                            v.as_object()?
                                .iter()
                                .find(|(k, _)| same_key(k, part))
                                .map(|(_, v)| v)
                        })
                    })
                    .cloned()
                    .unwrap_or(serde_json::Value::Null)
            }),
    };
    let wanted = match value {
        Scalar::Str(text) => serde_json::Value::String(text.to_owned()),
        Scalar::Bool(b) => serde_json::Value::Bool(b),
        // Of the type its page wrote it as.
        Scalar::Written { .. } | Scalar::Flow { .. } => return Ok(()),
    };
    match found {
        Some(found) if found != wanted => Err(format!("read back as {found}, not {wanted}")),
        _ => Ok(()),
    }
}

fn bare(kind: NodeKind) -> Node {
    Node {
        span: 0..0,
        key_span: None,
        alias: false,
        kind,
    }
}

fn without_spans(node: &Node) -> Node {
    bare(match &node.kind {
        NodeKind::Null => NodeKind::Null,
        NodeKind::Scalar(text) => NodeKind::Scalar(text.clone()),
        NodeKind::Seq(items) => NodeKind::Seq(items.iter().map(without_spans).collect()),
        NodeKind::Map(entries) => NodeKind::Map(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), without_spans(v)))
                .collect(),
        ),
    })
}

fn sorted(node: &Node) -> Node {
    bare(match &node.kind {
        NodeKind::Seq(items) => NodeKind::Seq(items.iter().map(sorted).collect()),
        NodeKind::Map(entries) => {
            let mut entries: Vec<(String, Node)> = entries
                .iter()
                .map(|(k, v)| (k.clone(), sorted(v)))
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            NodeKind::Map(entries)
        }
        other => other.clone(),
    })
}

fn set_in(node: &mut Node, path: &[&str], leaf: Node) {
    if matches!(node.kind, NodeKind::Null) {
        node.kind = NodeKind::Map(Vec::new());
    }
    let NodeKind::Map(entries) = &mut node.kind else {
        return;
    };
    // The key keeps the spelling the file gives it.
    let found = entries
        .iter()
        .position(|(k, _)| k == path[0])
        .or_else(|| entries.iter().position(|(k, _)| same_key(k, path[0])));
    let index = match found {
        Some(index) => index,
        None => {
            entries.push((path[0].to_owned(), bare(NodeKind::Null)));
            entries.len() - 1
        }
    };
    let child = &mut entries[index].1;
    if path.len() == 1 {
        child.kind = leaf.kind;
    } else {
        set_in(child, &path[1..], leaf);
    }
}

fn remove_in(node: &mut Node, path: &[&str], format: Format) {
    let NodeKind::Map(entries) = &mut node.kind else {
        return;
    };
    if path.len() == 1 {
        entries.retain(|(k, _)| !same_key(k, path[0]));
        return;
    }
    if let Some((_, child)) = entries.iter_mut().find(|(k, _)| same_key(k, path[0])) {
        remove_in(child, &path[1..], format);
        // A YAML map left with no key reads as null (`l10n:`); a TOML `[l10n]` stays an empty table.
        if format == Format::Yaml && matches!(&child.kind, NodeKind::Map(e) if e.is_empty()) {
            child.kind = NodeKind::Null;
        }
    }
}

/// How many lines of `before` were replaced, and by how many lines of `after` (common first and last lines aside).
pub fn changed_lines(before: &str, after: &str) -> (usize, usize) {
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (old.len() - prefix - suffix, new.len() - prefix - suffix)
}

/// The comment at the end of `key`'s line (without `#` and spaces), if the key exists on one line and has one.
pub fn line_comment(text: &str, key: &str) -> Option<String> {
    let path = split_key(key).ok()?;
    let fm = parse(text).ok()?;
    let line = existing_line(text, &fm, fm.split.format?, key, &path).ok()??;
    let after = line.after.trim();
    after
        .strip_prefix('#')
        .map(|comment| comment.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "9e41d07a1b2c3d4e5f60718293a4b5c6d7e8f901";
    const DIGITS: &str = "1234567890123456789012345678901234567890";

    #[test]
    fn replaces_the_value_in_place_keeping_comment_and_quotes() {
        let text = "---\ntitle: \"Bonjour\" # hi\ndefault_lang_commit: 'abc1234' # patched\nweight: 3\n---\nbody\n";
        let out = set_value(text, "default_lang_commit", SHA, None).unwrap();
        assert_eq!(
            out,
            format!(
                "---\ntitle: \"Bonjour\" # hi\ndefault_lang_commit: '{SHA}' # patched\nweight: 3\n---\nbody\n"
            )
        );
        let out = set_scalar(
            text,
            "default_lang_commit",
            Scalar::Str(SHA),
            CommentEdit::Remove,
        )
        .unwrap();
        assert!(
            out.contains(&format!("default_lang_commit: '{SHA}'\n")),
            "{out}"
        );
    }

    #[test]
    fn a_key_in_another_case_is_edited_where_it_is() {
        let text = "---\ntitle: x\nTranslationKey: old # keep\n---\nbody\n";
        let out = set_value(text, "translationKey", "new", None).unwrap();
        assert_eq!(
            out,
            "---\ntitle: x\nTranslationKey: new # keep\n---\nbody\n"
        );
        let out = remove_key(text, "translationkey").unwrap();
        assert_eq!(out, "---\ntitle: x\n---\nbody\n");
        let text = "---\nL10n:\n  SourceCommit: abc\n---\n";
        let out = set_value(text, "l10n.sourceCommit", "def", None).unwrap();
        assert_eq!(out, "---\nL10n:\n  SourceCommit: def\n---\n");
        let text = "---\nL10n:\n  other: 1\n---\n";
        let out = set_value(text, "l10n.sourceCommit", "def", None).unwrap();
        assert_eq!(out, "---\nL10n:\n  other: 1\n  sourceCommit: def\n---\n");
        let text = "+++\nTranslationKey = 'old'\n+++\n";
        let out = set_value(text, "translationKey", "new", None).unwrap();
        assert_eq!(out, "+++\nTranslationKey = 'new'\n+++\n");
        let text = "+++\nL10n.other = 1\n+++\n";
        let out = set_value(text, "l10n.sourceCommit", "def", None).unwrap();
        assert_eq!(
            out,
            "+++\nL10n.other = 1\nL10n.sourceCommit = \"def\"\n+++\n"
        );
        assert_eq!(
            line_comment("---\nTitle: x # tandem: translate\n---\n", "title").as_deref(),
            Some("tandem: translate")
        );
    }

    #[test]
    fn a_key_in_two_spellings_is_refused() {
        let text = "---\ntranslationKey: a\nTranslationKey: a\n---\n";
        let err = set_value(text, "translationKey", "b", None).unwrap_err();
        assert!(
            matches!(
                err,
                EditError::Unsupported {
                    what: Unsupported::Spellings,
                    line: 3,
                    ..
                }
            ),
            "{err:?}"
        );
        let text = "---\ntranslationKey: a\nTranslationKey: b\n---\n";
        let err = set_value(text, "translationKey", "b", None).unwrap_err();
        assert!(matches!(err, EditError::KeyCases(_)), "{err:?}");
    }

    #[test]
    fn digits_only_hash_is_quoted() {
        let text = "---\ntitle: x\ndefault_lang_commit: abc\n---\n";
        let out = set_value(text, "default_lang_commit", DIGITS, None).unwrap();
        assert_eq!(
            out,
            format!("---\ntitle: x\ndefault_lang_commit: \"{DIGITS}\"\n---\n")
        );
        let out = set_value("---\ntitle: x\n---\n", "k", "1e5", None).unwrap();
        assert!(out.contains("k: \"1e5\""), "{out}");
        let out = set_value("---\ntitle: x\n---\n", "k", "yes", None).unwrap();
        assert!(out.contains("k: \"yes\""), "{out}");
    }

    #[test]
    fn inserts_one_line_at_the_end_with_comment() {
        let text = "\u{feff}---\r\ntitle: x\r\n---\r\nbody\r\n";
        let out = set_value(text, "default_lang_commit", SHA, Some("patched")).unwrap();
        assert_eq!(
            out,
            format!(
                "\u{feff}---\r\ntitle: x\r\ndefault_lang_commit: {SHA} # patched\r\n---\r\nbody\r\n"
            )
        );
    }

    #[test]
    fn nested_keys() {
        let text = "---\nl10n:\n  sourceCommit: abc # c\n  other: 1\ntitle: x\n---\n";
        let out = set_value(text, "l10n.sourceCommit", SHA, None).unwrap();
        assert_eq!(
            out,
            format!("---\nl10n:\n  sourceCommit: {SHA} # c\n  other: 1\ntitle: x\n---\n")
        );
        let text = "---\nl10n:\n    other: 1\ntitle: x\n---\n";
        let out = set_value(text, "l10n.sourceCommit", SHA, None).unwrap();
        assert_eq!(
            out,
            format!("---\nl10n:\n    other: 1\n    sourceCommit: {SHA}\ntitle: x\n---\n")
        );
        let text = "---\ntitle: x\n---\n";
        let out = set_value(text, "l10n.sourceCommit", SHA, None).unwrap();
        assert_eq!(
            out,
            format!("---\ntitle: x\nl10n:\n  sourceCommit: {SHA}\n---\n")
        );
        let text = "---\nl10n:\ntitle: x\n---\n";
        let out = set_value(text, "l10n.sourceCommit", SHA, None).unwrap();
        assert_eq!(
            out,
            format!("---\nl10n:\n  sourceCommit: {SHA}\ntitle: x\n---\n")
        );
    }

    #[test]
    fn empty_and_null_values() {
        let out = set_value("---\nk:\nt: x\n---\n", "k", SHA, None).unwrap();
        assert_eq!(out, format!("---\nk: {SHA}\nt: x\n---\n"));
        let out = set_value("---\nk:   # note\n---\n", "k", SHA, None).unwrap();
        assert_eq!(out, format!("---\nk: {SHA}   # note\n---\n"));
        let out = set_value("---\nk: ~\n---\n", "k", SHA, None).unwrap();
        assert_eq!(out, format!("---\nk: {SHA}\n---\n"));
    }

    #[test]
    fn no_front_matter_gets_one() {
        let out = set_value("# Titre\n", "default_lang_commit", SHA, None).unwrap();
        assert_eq!(
            out,
            format!("---\ndefault_lang_commit: {SHA}\n---\n# Titre\n")
        );
        let out = set_value("\u{feff}Texte\r\n", "l10n.sourceCommit", SHA, None).unwrap();
        assert_eq!(
            out,
            format!("\u{feff}---\r\nl10n:\r\n  sourceCommit: {SHA}\r\n---\r\nTexte\r\n")
        );
    }

    #[test]
    fn an_entry_over_several_lines_is_copied_from_the_source() {
        let source = "---\ntitle: Guide\ntags:\n  - setup\n  - upgrade\nparams:\n  authors:\n    - ana\n    - bo\n---\nBody\n";
        // A one-line list replaced by the source's lines; the rest kept.
        let page = "---\ntitle: Guide FR\ntags: [setup] \nweight: 2\n---\nCorps\n";
        assert_eq!(
            copy_entry(page, source, "tags").unwrap(),
            "---\ntitle: Guide FR\ntags:\n  - setup\n  - upgrade\nweight: 2\n---\nCorps\n"
        );
        // Lines replaced by lines; a block scalar too; CRLF kept.
        let page = "---\r\ntags:\r\n  - old\r\nsummary: |\r\n  a\r\n  b\r\n---\r\n";
        assert_eq!(
            copy_entry(page, source, "tags").unwrap(),
            "---\r\ntags:\r\n  - setup\r\n  - upgrade\r\nsummary: |\r\n  a\r\n  b\r\n---\r\n"
        );
        // Missing: at the end of the front matter, or of its parent map at the source's indentation.
        assert_eq!(
            copy_entry("---\ntitle: T\n---\n", source, "tags").unwrap(),
            "---\ntitle: T\ntags:\n  - setup\n  - upgrade\n---\n"
        );
        assert_eq!(
            copy_entry(
                "---\nparams:\n  a: 1\nw: 2\n---\n",
                source,
                "params.authors"
            )
            .unwrap(),
            "---\nparams:\n  a: 1\n  authors:\n    - ana\n    - bo\nw: 2\n---\n"
        );
        // Refused: a comment of the page's, another indentation, no parent, TOML.
        let refused = |page: &str, key: &str| match copy_entry(page, source, key) {
            Err(EditError::Unsupported { what, .. }) => what,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            refused("---\ntags:\n  - setup # relu\n---\n", "tags"),
            Unsupported::Comment
        );
        assert_eq!(
            refused("---\nparams:\n    a: 1\n---\n", "params.authors"),
            Unsupported::Indentation
        );
        assert_eq!(
            refused("---\nw: 1\n---\n", "params.authors"),
            Unsupported::Indentation
        );
        assert_eq!(
            refused("+++\ntags = []\n+++\n", "tags"),
            Unsupported::Collection
        );
        assert!(matches!(
            copy_entry("---\ntags:\n  - a\nTags: [b]\n---\n", source, "tags"),
            Err(EditError::KeyCases(_))
        ));
        // An anchor another key refers to: the copy would drop it, and reading back refuses it.
        assert!(copy_entry("---\ntags: &t\n  - a\nkeywords: *t\n---\n", source, "tags").is_err());
        // A comment inside quotes is no comment; one the source has too is kept by the copy.
        let quoted = "---\ntags:\n  - \"a #b\"\n---\n";
        assert!(copy_entry(quoted, source, "tags").is_ok());
        let both = "---\ntags: # ids\n  - a\n---\n";
        assert!(copy_entry(both, "---\ntags: # ids\n  - b\n---\n", "tags").is_ok());
    }

    #[test]
    fn refuses_what_it_cannot_rewrite_on_one_line() {
        let cases = [
            ("---\nk: |\n  a\n---\n", Unsupported::BlockScalar),
            ("---\nk: &a x\n---\n", Unsupported::Anchor),
            ("---\na: &a x\nk: *a\n---\n", Unsupported::Alias),
            ("---\nk: !!str x\n---\n", Unsupported::Tag),
            ("---\nk: [a, b]\n---\n", Unsupported::FlowCollection),
            ("---\nk:\n  - a\n---\n", Unsupported::Collection),
            ("---\nk: \"a\n  b\"\n---\n", Unsupported::MultiLine),
            ("+++\nk = \"\"\"\na\"\"\"\n+++\n", Unsupported::MultiLine),
        ];
        for (text, what) in cases {
            match set_value(text, "k", SHA, None) {
                Err(EditError::Unsupported {
                    what: got, line, ..
                }) => {
                    assert_eq!(got, what, "{text}");
                    assert!(line >= 2, "{text}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(matches!(
            set_value("---\nl10n: {a: 1}\n---\n", "l10n.sourceCommit", SHA, None),
            Err(EditError::Unsupported {
                what: Unsupported::FlowCollection,
                ..
            })
        ));
        assert!(matches!(
            set_value("---\nl10n: x\n---\n", "l10n.sourceCommit", SHA, None),
            Err(EditError::NotAMap { line: 2, .. })
        ));
        assert!(matches!(
            set_value("---\nk: [\n---\n", "k", SHA, None),
            Err(EditError::BadFrontMatter { .. })
        ));
    }

    #[test]
    fn toml() {
        let text = "+++\ntitle = 'x' # t\ndefault_lang_commit = 'abc' # patched\n\n[l10n]\nother = 1\n+++\nbody\n";
        let out = set_value(text, "default_lang_commit", SHA, None).unwrap();
        assert_eq!(
            out,
            format!(
                "+++\ntitle = 'x' # t\ndefault_lang_commit = '{SHA}' # patched\n\n[l10n]\nother = 1\n+++\nbody\n"
            )
        );
        let out = set_value(text, "l10n.sourceCommit", SHA, None).unwrap();
        assert_eq!(
            out,
            format!(
                "+++\ntitle = 'x' # t\ndefault_lang_commit = 'abc' # patched\n\n[l10n]\nother = 1\nsourceCommit = \"{SHA}\"\n+++\nbody\n"
            )
        );
        let out = set_value(text, "pin", DIGITS, Some("patched")).unwrap();
        assert_eq!(
            out,
            format!(
                "+++\ntitle = 'x' # t\ndefault_lang_commit = 'abc' # patched\npin = \"{DIGITS}\" # patched\n\n[l10n]\nother = 1\n+++\nbody\n"
            )
        );
        let out = set_value("+++\ntitle = 'x'\n+++\n", "a.b", "v", None).unwrap();
        assert_eq!(out, "+++\ntitle = 'x'\na.b = \"v\"\n+++\n");
        let out = set_scalar(
            "+++\n[params]\n+++\n",
            "drifted",
            Scalar::Bool(true),
            CommentEdit::Keep,
        )
        .unwrap();
        assert_eq!(out, "+++\ndrifted = true\n[params]\n+++\n");
        assert!(matches!(
            set_value("+++\nl10n = { a = 1 }\n+++\n", "l10n.b", "v", None),
            Err(EditError::Unsupported {
                what: Unsupported::FlowCollection,
                ..
            })
        ));
    }

    #[test]
    fn booleans_and_removal() {
        let text = "---\ntitle: x\ndrifted_from_default: file not found\nweight: 1\n---\n";
        let out = set_scalar(
            text,
            "drifted_from_default",
            Scalar::Bool(true),
            CommentEdit::Keep,
        )
        .unwrap();
        assert_eq!(
            out,
            "---\ntitle: x\ndrifted_from_default: true\nweight: 1\n---\n"
        );
        let out = remove_key(text, "drifted_from_default").unwrap();
        assert_eq!(out, "---\ntitle: x\nweight: 1\n---\n");
        assert_eq!(remove_key(&out, "drifted_from_default").unwrap(), out);
        let out = set_value("---\ndrift: true\n---\n", "drift", "file not found", None).unwrap();
        assert_eq!(out, "---\ndrift: file not found\n---\n");
        let out = remove_key("---\nl10n:\n  sourceCommit: x\n---\n", "l10n.sourceCommit").unwrap();
        assert_eq!(out, "---\nl10n:\n---\n");
        let out = remove_key("+++\na = 1\n[t]\nb = 2 # c\n+++\n", "t.b").unwrap();
        assert_eq!(out, "+++\na = 1\n[t]\n+++\n");
    }

    #[test]
    fn comments_are_set_without_touching_the_value() {
        let text = "---\ntitle: 'L''été' # old\ndescription: x\n---\n";
        let out = set_comment(text, "title", CommentEdit::Set("translate"))
            .unwrap()
            .unwrap();
        assert_eq!(
            out,
            "---\ntitle: 'L''été' # translate\ndescription: x\n---\n"
        );
        assert_eq!(line_comment(&out, "title").as_deref(), Some("translate"));
        assert_eq!(
            set_comment(text, "linkTitle", CommentEdit::Set("t")).unwrap(),
            None
        );
    }

    #[test]
    fn indented_root_map() {
        let text = "---\n  title: x\n  weight: 2\n---\n";
        let out = set_value(text, "k", "v", None).unwrap();
        assert_eq!(out, "---\n  title: x\n  weight: 2\n  k: v\n---\n");
    }

    #[test]
    fn messages_exist_in_both_languages() {
        use crate::i18n::{Messages, UiLang};
        let errors = [
            EditError::BadFrontMatter {
                line: 3,
                detail: crate::markdown::yaml::Detail::Parser("x".into()),
            },
            EditError::Unsupported {
                key: "k".into(),
                line: 2,
                what: Unsupported::Anchor,
                toml: false,
                parent: false,
            },
            EditError::Unsupported {
                key: "k".into(),
                line: 2,
                what: Unsupported::Layout,
                toml: true,
                parent: true,
            },
            EditError::FlowRoot { line: 2 },
            EditError::NotAMap {
                key: "l10n".into(),
                line: 2,
            },
            EditError::BadKey { key: "a..b".into() },
            EditError::Unverified {
                key: "k".into(),
                detail: "d".into(),
            },
        ];
        for lang in [UiLang::En, UiLang::Fr] {
            let m = Messages::new(lang);
            for error in &errors {
                let text = m.render(&error.message("content/fr/a.md"));
                let hint = m.render(&error.hint());
                assert!(
                    !text.contains("Unknown localization")
                        && !hint.contains("Unknown localization"),
                    "{text}"
                );
                assert!(text.contains("content/fr/a.md"), "{text}");
            }
        }
        let fr = Messages::new(UiLang::Fr).render(&errors[1].message("p.md"));
        assert_eq!(
            fr,
            "p.md:2 : impossible de réécrire k sur place : sa valeur porte une ancre (&nom)"
        );
    }

    #[test]
    fn changed_lines_counts() {
        assert_eq!(changed_lines("a\nb\nc\n", "a\nB\nc\n"), (1, 1));
        assert_eq!(changed_lines("a\nc\n", "a\nb\nc\n"), (0, 1));
        assert_eq!(changed_lines("a\nb\nc\n", "a\nc\n"), (1, 0));
    }

    #[test]
    fn a_one_line_list_is_copied_as_another_page_writes_it() {
        let source = "---\ntitle: Guide\ntags: [setup, \"up]grade\", 'it''s'] # source\n---\n";
        let (format, written) = written_flow(source, "tags").unwrap().unwrap();
        assert_eq!(format, Format::Yaml);
        assert_eq!(written, "[setup, \"up]grade\", 'it''s']");
        let fm = frontmatter::parse(source).unwrap();
        let node = fm.tree.as_ref().unwrap().get_path("tags").unwrap();
        let flow = Scalar::Flow {
            text: &written,
            node,
        };
        // In place of a one-line list, its comment kept; inserted where the key is absent.
        let translation = "---\ntitle: Guide\ntags: [setup] # copied\nweight: 3\n---\nBody\n";
        assert_eq!(
            set_scalar(translation, "tags", flow, CommentEdit::Keep).unwrap(),
            "---\ntitle: Guide\ntags: [setup, \"up]grade\", 'it''s'] # copied\nweight: 3\n---\nBody\n"
        );
        assert_eq!(
            set_scalar("---\ntitle: Guide\n---\n", "tags", flow, CommentEdit::Keep).unwrap(),
            "---\ntitle: Guide\ntags: [setup, \"up]grade\", 'it''s']\n---\n"
        );
        // A list over several lines is a person's: refused on either side.
        let block = "---\ntags:\n  - setup\n---\n";
        assert!(set_scalar(block, "tags", flow, CommentEdit::Keep).is_err());
        assert_eq!(
            written_flow("---\ntags: [a,\n  b]\n---\n", "tags").unwrap_err(),
            EditError::Unsupported {
                key: "tags".into(),
                line: 2,
                what: Unsupported::FlowCollection,
                toml: false,
                parent: false,
            }
        );
        // Scalars are still not flow values, nor is a list written as text read as one.
        assert!(matches!(
            set_scalar(
                "---\ntags: [a]\n---\n",
                "tags",
                Scalar::Str("b"),
                CommentEdit::Keep
            ),
            Err(EditError::Unsupported {
                what: Unsupported::FlowCollection,
                ..
            })
        ));
        // TOML arrays alike.
        let toml = "+++\ntitle = \"Guide\"\ntags = [\"setup\"]\n+++\n";
        let toml_source = "+++\ntags = [\"setup\", \"upgrade\"]\n+++\n";
        let (_, written) = written_flow(toml_source, "tags").unwrap().unwrap();
        let fm = frontmatter::parse(toml_source).unwrap();
        let node = fm.tree.as_ref().unwrap().get_path("tags").unwrap();
        assert_eq!(
            set_scalar(
                toml,
                "tags",
                Scalar::Flow {
                    text: &written,
                    node
                },
                CommentEdit::Keep
            )
            .unwrap(),
            "+++\ntitle = \"Guide\"\ntags = [\"setup\", \"upgrade\"]\n+++\n"
        );
    }

    #[test]
    fn a_pelican_header_is_told_from_a_sentence_with_a_colon() {
        let header = "Title: Le col\nDate: 2024-05-01\nTags: cols,\n  alpes\n\nLe texte.\n";
        assert_eq!(
            metadata_header_len(header),
            Some(header.find("\n\n").unwrap() + 1)
        );
        assert!(opens_with_metadata_header("Title: Le col\r\nLang: fr\r\n"));
        // One line, a sentence, a URL, a heading: no header.
        assert!(!opens_with_metadata_header(
            "Note: this page moved.\n\nSee below.\n"
        ));
        assert!(!opens_with_metadata_header(
            "Read this first: two steps.\nThen: go.\n"
        ));
        assert!(!opens_with_metadata_header(
            "https://example.org\nhttps://example.com\n"
        ));
        assert!(!opens_with_metadata_header("# Title\nLang: fr\n"));
        let err = set_value("Title: Le col\nLang: en\n\nText.\n", "pin", "abc", None).unwrap_err();
        assert!(matches!(err, EditError::MetadataHeader { .. }), "{err:?}");
    }
}
