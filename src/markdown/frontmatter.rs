//! Front matter: split by hand at offset 0 (YAML `---`, TOML `+++`), parsed into a [`Node`] tree with byte spans
//! relative to the whole file, and the pin read from it.
//!
//! Keys are read without regard to case, as Hugo reads them (`TranslationKey` is `translationKey`). A map that holds
//! one key in two spellings with two different values cannot be read: which one Hugo sees is not defined.

use std::fmt;
use std::ops::Range;

use super::yaml::{self, Node, NodeKind, same_key};
use crate::i18n::Message;
use crate::util::recent::Recent;

/// The syntax of a front-matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

/// A file cut into front matter and body. Offsets are bytes into the file text.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub format: Option<Format>,
    /// Whether the file starts with a byte-order mark.
    pub bom: bool,
    /// The front matter's text between the fences (empty without front matter).
    pub front_matter: Range<usize>,
    /// The 1-based line of the first front-matter line.
    pub front_matter_line: usize,
    /// Where the body starts.
    pub body: usize,
    /// Where the opening fence starts: past the BOM, and past blank lines above it (which Hugo skips).
    pub fence: Option<usize>,
}

impl Split {
    /// Whether blank lines come before the opening fence: Hugo reads such a front matter, other generators read the
    /// block as body.
    pub fn after_blank_lines(&self) -> bool {
        self.fence.is_some_and(|fence| fence > bom_len(self.bom))
    }
}

fn bom_len(bom: bool) -> usize {
    if bom { BOM.len() } else { 0 }
}

/// Why a front matter could not be read; `line` is 1-based within the file.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatterError {
    pub line: usize,
    pub detail: yaml::Detail,
    /// Set when the error is one key written in two cases with two values.
    pub key_cases: Option<KeyCases>,
}

/// One key written in two spellings with two different values (`translationKey: a`, `TranslationKey: b`). Keys are
/// dotted when nested; lines are 1-based in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCases {
    pub first: String,
    pub first_line: usize,
    pub second: String,
    pub second_line: usize,
}

impl FrontMatterError {
    fn syntax(line: usize, detail: yaml::Detail) -> Self {
        FrontMatterError {
            line,
            detail,
            key_cases: None,
        }
    }

    /// The warning for a page whose front matter cannot be read.
    pub fn warning(&self) -> Message {
        match &self.key_cases {
            Some(cases) => Message::new("warn-key-cases")
                .arg("first", &cases.first)
                .arg("first_line", cases.first_line)
                .arg("second", &cases.second)
                .arg("second_line", cases.second_line),
            None => Message::new("warn-bad-front-matter").arg("detail", self.detail.arg()),
        }
    }
}

impl fmt::Display for FrontMatterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.detail)
    }
}

const BOM: &str = "\u{feff}";

/// Cuts `text` into front matter and body. A file that opens a fence and never closes it is an error.
///
/// Blank lines before the opening fence are skipped, as Hugo's page lexer does (`lexIntroSection` skips whitespace and
/// line ends): a page that starts with an empty line and then `---` has front matter. Read as body, `sync` put a
/// second block above it and Hugo then read only the pin. A fence after blank lines that is never closed is body (a
/// thematic break), not an error.
///
/// A line that ends with a carriage return alone ends there, as CommonMark reads it (see
/// [`crate::util::chars::lone_cr_as_lf`]).
pub fn split(text: &str) -> Result<Split, FrontMatterError> {
    split_lines(&crate::util::chars::lone_cr_as_lf(text))
}

fn split_lines(text: &str) -> Result<Split, FrontMatterError> {
    let bom = text.starts_with(BOM);
    let mut start = if bom { BOM.len() } else { 0 };
    let mut blank_lines = 0;
    while start < text.len()
        && first_line(&text[start..])
            .trim_matches([' ', '\t'])
            .is_empty()
    {
        let next = start + line_end(&text[start..], 0);
        if next == text.len() && !text.ends_with('\n') {
            break;
        }
        start = next;
        blank_lines += 1;
    }
    let no_front_matter = Split {
        format: None,
        bom,
        front_matter: bom_len(bom)..bom_len(bom),
        front_matter_line: 1,
        body: bom_len(bom),
        fence: None,
    };
    if start >= text.len() {
        return Ok(no_front_matter);
    }
    let rest = &text[start..];
    let (format, fence) = if is_fence_line(first_line(rest), "---") {
        (Format::Yaml, "---")
    } else if is_fence_line(first_line(rest), "+++") {
        (Format::Toml, "+++")
    } else if first_line(rest).trim_end() == "{" {
        // Hugo's JSON front matter: read as body, its keys and pin were lost, and `sync` put a YAML block above it
        // (Hugo then reads the JSON as text). A bad page instead, which `sync` and `scaffold` refuse.
        return Err(FrontMatterError::syntax(
            blank_lines + 1,
            yaml::Detail::JsonFrontMatter,
        ));
    } else {
        return Ok(no_front_matter);
    };
    let content_start = start + line_end(rest, 0);
    let mut offset = content_start;
    while offset < text.len() {
        let line = first_line(&text[offset..]);
        let closes =
            is_fence_line(line, fence) || (format == Format::Yaml && is_fence_line(line, "..."));
        if closes {
            return Ok(Split {
                format: Some(format),
                bom,
                front_matter: content_start..offset,
                front_matter_line: blank_lines + 2,
                body: offset + line_end(&text[offset..], 0),
                fence: Some(start),
            });
        }
        offset += line_end(&text[offset..], 0);
    }
    if blank_lines > 0 {
        return Ok(no_front_matter);
    }
    Err(FrontMatterError::syntax(
        1,
        yaml::Detail::NeverClosed(fence),
    ))
}

fn first_line(text: &str) -> &str {
    let end = memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len());
    text[..end].trim_end_matches('\r')
}

/// The offset just past the line starting at `from` (past its `\n`).
fn line_end(text: &str, from: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |i| from + i + 1)
}

fn is_fence_line(line: &str, fence: &str) -> bool {
    line.strip_prefix(fence)
        .is_some_and(|rest| rest.chars().all(|c| c == ' ' || c == '\t'))
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A parsed front matter: its tree, with spans relative to the whole file.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub split: Split,
    pub tree: Option<Node>,
}

/// Splits and parses the front matter of a page.
pub fn parse(text: &str) -> Result<FrontMatter, FrontMatterError> {
    let text = &*crate::util::chars::lone_cr_as_lf(text);
    let split = split_lines(text)?;
    if split.format.is_none() {
        return Ok(FrontMatter { split, tree: None });
    }
    // The tree depends on the text up to the body alone (the front matter opens the file). The versions of a page
    // mostly share their front matter, and a translation's is read for its pin before the page is parsed.
    static TREES: Recent<Result<Option<Node>, FrontMatterError>> = Recent::new(4096);
    let tree = TREES.get_or(&text[..split.body], || parse_tree(text, &split));
    tree.map(|tree| FrontMatter { split, tree })
}

/// The tree of a front matter that `split` found.
fn parse_tree(text: &str, split: &Split) -> Result<Option<Node>, FrontMatterError> {
    let inner = &text[split.front_matter.clone()];
    let offset = split.front_matter.start;
    // A merge left unresolved in the front matter: said so (the parser's words were about a value holding ": ").
    if let Some(at) = inner.lines().position(|line| {
        line.starts_with("<<<<<<< ")
            || line.starts_with(">>>>>>> ")
            || line.trim_end() == "<<<<<<<"
            || line.trim_end() == ">>>>>>>"
            || line.trim_end() == "======="
    }) {
        return Err(FrontMatterError::syntax(
            split.front_matter_line + at,
            yaml::Detail::ConflictMarkers,
        ));
    }
    let tree = match split.format {
        None => None,
        Some(Format::Yaml) => match yaml::parse(inner) {
            Ok(tree) => tree.map(|node| shift(node, offset)),
            Err(err) => {
                return Err(FrontMatterError::syntax(
                    split.front_matter_line + err.line.unwrap_or(1) - 1,
                    err.detail,
                ));
            }
        },
        Some(Format::Toml) => match toml_edit::Document::parse(inner) {
            Ok(doc) => Some(shift(
                toml_table_node(doc.as_table(), 0..inner.len()),
                offset,
            )),
            Err(err) => {
                let line = err.span().map_or(1, |span| line_of(inner, span.start));
                return Err(FrontMatterError::syntax(
                    split.front_matter_line + line - 1,
                    yaml::Detail::Parser(err.message().trim().to_owned()),
                ));
            }
        },
    };
    if let Some(tree) = &tree
        && !matches!(tree.kind, NodeKind::Map(_) | NodeKind::Null)
    {
        return Err(FrontMatterError::syntax(
            split.front_matter_line,
            yaml::Detail::NotAMap,
        ));
    }
    if let Some(tree) = &tree
        && let Some(cases) = key_cases(text, tree, "")
    {
        return Err(FrontMatterError {
            line: cases.second_line,
            detail: yaml::Detail::Parser(format!(
                "{} (line {}) and {} (line {}) are one key with two values",
                cases.first, cases.first_line, cases.second, cases.second_line
            )),
            key_cases: Some(cases),
        });
    }
    Ok(tree)
}

/// The first key of a map (nested maps included) written in two spellings with two different values.
fn key_cases(text: &str, node: &Node, prefix: &str) -> Option<KeyCases> {
    let NodeKind::Map(entries) = &node.kind else {
        return None;
    };
    let dotted = |key: &str| {
        if prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{prefix}.{key}")
        }
    };
    let line = |node: &Node| line_of(text, node.key_span.as_ref().unwrap_or(&node.span).start);
    for (i, (key, value)) in entries.iter().enumerate() {
        for (other, other_value) in &entries[..i] {
            if other != key && same_key(other, key) && !same_data(other_value, value) {
                return Some(KeyCases {
                    first: dotted(other),
                    first_line: line(other_value),
                    second: dotted(key),
                    second_line: line(value),
                });
            }
        }
    }
    entries
        .iter()
        .find_map(|(key, value)| key_cases(text, value, &dotted(key)))
}

/// Whether two values hold the same data (spans aside).
fn same_data(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (NodeKind::Null, NodeKind::Null) => true,
        (NodeKind::Scalar(x), NodeKind::Scalar(y)) => x == y,
        (NodeKind::Seq(x), NodeKind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_data(a, b))
        }
        (NodeKind::Map(x), NodeKind::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, a), (kb, b))| ka == kb && same_data(a, b))
        }
        _ => false,
    }
}

fn shift(mut node: Node, offset: usize) -> Node {
    node.span = node.span.start + offset..node.span.end + offset;
    node.key_span = node
        .key_span
        .map(|span| span.start + offset..span.end + offset);
    node.kind = match node.kind {
        NodeKind::Seq(items) => {
            NodeKind::Seq(items.into_iter().map(|n| shift(n, offset)).collect())
        }
        NodeKind::Map(entries) => NodeKind::Map(
            entries
                .into_iter()
                .map(|(k, v)| (k, shift(v, offset)))
                .collect(),
        ),
        other => other,
    };
    node
}

fn toml_table_node(table: &toml_edit::Table, fallback: Range<usize>) -> Node {
    let entries = table
        .iter()
        .filter_map(|(key, item)| {
            toml_item_node(item).map(|mut node| {
                node.key_span = table.key(key).and_then(toml_edit::Key::span);
                (key.to_owned(), node)
            })
        })
        .collect();
    Node {
        span: table.span().unwrap_or(fallback),
        key_span: None,
        alias: false,
        kind: NodeKind::Map(entries),
    }
}

fn toml_item_node(item: &toml_edit::Item) -> Option<Node> {
    match item {
        toml_edit::Item::None => None,
        toml_edit::Item::Value(value) => Some(toml_value_node(value)),
        toml_edit::Item::Table(table) => Some(toml_table_node(table, 0..0)),
        toml_edit::Item::ArrayOfTables(array) => Some(Node {
            span: array.span().unwrap_or(0..0),
            key_span: None,
            alias: false,
            kind: NodeKind::Seq(array.iter().map(|t| toml_table_node(t, 0..0)).collect()),
        }),
    }
}

fn toml_value_node(value: &toml_edit::Value) -> Node {
    let span = value.span().unwrap_or(0..0);
    let kind = match value {
        toml_edit::Value::String(s) => NodeKind::Scalar(s.value().clone()),
        toml_edit::Value::Integer(i) => NodeKind::Scalar(i.value().to_string()),
        toml_edit::Value::Float(f) => NodeKind::Scalar(f.value().to_string()),
        toml_edit::Value::Boolean(b) => NodeKind::Scalar(b.value().to_string()),
        toml_edit::Value::Datetime(d) => NodeKind::Scalar(d.value().to_string()),
        toml_edit::Value::Array(array) => {
            NodeKind::Seq(array.iter().map(toml_value_node).collect())
        }
        toml_edit::Value::InlineTable(table) => NodeKind::Map(
            table
                .iter()
                .map(|(k, v)| {
                    let mut node = toml_value_node(v);
                    node.key_span = table.key(k).and_then(toml_edit::Key::span);
                    (k.to_owned(), node)
                })
                .collect(),
        ),
    };
    Node {
        span,
        key_span: None,
        alias: false,
        kind,
    }
}

/// A pin read from front matter: the source commit the translation was made from, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    /// The key it was found under (dotted when nested).
    pub key: String,
    /// The value without quotes or surrounding spaces (an abbreviated or full hash, or anything else the user wrote).
    pub value: String,
    /// A trailing `# patched` comment on the same line.
    pub patched: bool,
    /// 1-based line of the value in the file.
    pub line: usize,
    /// Byte span of the value as written (quotes included).
    pub span: Range<usize>,
}

impl FrontMatter {
    /// The first of `keys` present with a non-empty value. An empty value (`default_lang_commit:`) counts as absent.
    pub fn pin(&self, text: &str, keys: &[String]) -> Option<Pin> {
        let tree = self.tree.as_ref()?;
        keys.iter().find_map(|key| {
            let node = tree.get_path(key)?;
            if matches!(node.kind, NodeKind::Null) {
                return None;
            }
            let raw = text.get(node.span.clone()).unwrap_or("");
            let value = match &node.kind {
                // Read the digits as written: `0123456` stays a 7-digit prefix, not the number 123456.
                NodeKind::Scalar(_) if !node.alias => unquote(raw).trim().to_owned(),
                NodeKind::Scalar(parsed) => parsed.trim().to_owned(),
                _ => raw.trim().to_owned(),
            };
            if value.is_empty() {
                return None;
            }
            let line_rest = &text[node.span.end.min(text.len())..];
            let line_rest = &line_rest[..line_rest.find('\n').unwrap_or(line_rest.len())];
            let patched = line_rest
                .trim_start()
                .strip_prefix('#')
                .is_some_and(|comment| comment.trim().eq_ignore_ascii_case("patched"));
            Some(Pin {
                key: key.clone(),
                value,
                patched,
                line: line_of(text, node.span.start),
                span: node.span.clone(),
            })
        })
    }

    /// A top-level or nested scalar value as text.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.tree.as_ref()?.get_path(key)?.as_scalar()
    }
}

fn unquote(raw: &str) -> &str {
    let raw = raw.trim();
    for quote in ['"', '\''] {
        if raw.len() >= 2 && raw.starts_with(quote) && raw.ends_with(quote) {
            return &raw[1..raw.len() - 1];
        }
    }
    raw
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Vec<String> {
        vec!["default_lang_commit".into(), "l10n.sourceCommit".into()]
    }

    #[test]
    fn front_matter_after_blank_lines_is_read_as_hugo_reads_it() {
        let text = "\n  \r\n---\ntitle: T\n---\nbody\n";
        let fm = parse(text).unwrap();
        assert_eq!(fm.split.format, Some(Format::Yaml));
        assert_eq!(fm.split.front_matter_line, 4);
        assert!(fm.split.after_blank_lines());
        assert_eq!(&text[fm.split.body..], "body\n");
        // A fence after blank lines never closed is a thematic break in the body, not a broken page.
        let rule = "\n---\nbody\n";
        let fm = parse(rule).unwrap();
        assert_eq!(fm.split.format, None);
        assert_eq!(fm.split.body, 0);
        // At the top, an unclosed fence is still an error.
        assert!(parse("---\nbody\n").is_err());
    }

    #[test]
    fn yaml_pin_with_patched_comment() {
        let text = "---\ntitle: Bonjour\ndefault_lang_commit: 55f9c9d07 # patched\n---\nbody\n";
        let fm = parse(text).unwrap();
        let pin = fm.pin(text, &keys()).unwrap();
        assert_eq!(pin.value, "55f9c9d07");
        assert!(pin.patched);
        assert_eq!(pin.line, 3);
        assert_eq!(&text[fm.split.body..], "body\n");
    }

    #[test]
    fn nested_pin_and_quotes() {
        let text = "---\nl10n:\n  sourceCommit: 'abcdef1234'\n---\n";
        let pin = parse(text).unwrap().pin(text, &keys()).unwrap();
        assert_eq!(pin.key, "l10n.sourceCommit");
        assert_eq!(pin.value, "abcdef1234");
        assert!(!pin.patched);
    }

    #[test]
    fn digits_only_pin_keeps_leading_zero() {
        let text = "---\ndefault_lang_commit: 0123456\n---\n";
        assert_eq!(
            parse(text).unwrap().pin(text, &keys()).unwrap().value,
            "0123456"
        );
    }

    #[test]
    fn toml_pin() {
        let text = "+++\ntitle = \"Bonjour\"\ndefault_lang_commit = \"abc1234\"\n[l10n]\nsourceCommit = \"ffff\"\n+++\n\nCorps\n";
        let fm = parse(text).unwrap();
        let pin = fm.pin(text, &keys()).unwrap();
        assert_eq!(pin.value, "abc1234");
        assert_eq!(pin.line, 3);
        assert_eq!(fm.get_str("l10n.sourceCommit"), Some("ffff"));
    }

    #[test]
    fn crlf_and_bom() {
        let text = "\u{feff}---\r\ntitle: x\r\ndefault_lang_commit: abcd123\r\n---\r\nbody\r\n";
        let fm = parse(text).unwrap();
        assert!(fm.split.bom);
        assert_eq!(fm.pin(text, &keys()).unwrap().value, "abcd123");
        assert_eq!(&text[fm.split.body..], "body\r\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = parse("---\ntitle: x\n").unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn broken_yaml_reports_the_file_line() {
        let err = parse("---\ntitle: x\ntags: [a, b\n---\n").unwrap_err();
        assert!(err.line >= 3, "{err:?}");
    }

    #[test]
    fn empty_pin_is_absent() {
        let text = "---\ndefault_lang_commit:\n---\n";
        assert_eq!(parse(text).unwrap().pin(text, &keys()), None);
    }

    #[test]
    fn pin_key_in_another_case_is_read() {
        let text = "---\nDefault_Lang_Commit: abc1234\n---\n";
        let pin = parse(text).unwrap().pin(text, &keys()).unwrap();
        assert_eq!(pin.value, "abc1234");
        assert_eq!(pin.key, "default_lang_commit");
        let text = "---\nL10n:\n  SourceCommit: 'ffee'\n---\n";
        assert_eq!(
            parse(text).unwrap().pin(text, &keys()).unwrap().value,
            "ffee"
        );
        let text = "+++\n[L10N]\nsourcecommit = \"beef\"\n+++\n";
        assert_eq!(
            parse(text).unwrap().pin(text, &keys()).unwrap().value,
            "beef"
        );
    }

    #[test]
    fn one_key_in_two_cases_with_two_values_is_an_error() {
        let text = "---\ntitle: x\ntranslationKey: a\nTranslationKey: b\n---\n";
        let err = parse(text).unwrap_err();
        let cases = err.key_cases.clone().unwrap();
        assert_eq!(
            (cases.first.as_str(), cases.first_line),
            ("translationKey", 3)
        );
        assert_eq!(
            (cases.second.as_str(), cases.second_line),
            ("TranslationKey", 4)
        );
        assert_eq!(err.line, 4);
        assert_eq!(err.warning().id, "warn-key-cases");
        // Nested, and in TOML.
        let text = "---\nl10n:\n  sourceCommit: a\n  SourceCommit: b\n---\n";
        let cases = parse(text).unwrap_err().key_cases.unwrap();
        assert_eq!(cases.first, "l10n.sourceCommit");
        assert_eq!((cases.first_line, cases.second_line), (3, 4));
        let text = "+++\ntranslationKey = \"a\"\nTranslationKey = \"b\"\n+++\n";
        let cases = parse(text).unwrap_err().key_cases.unwrap();
        assert_eq!((cases.first_line, cases.second_line), (2, 3));
    }

    #[test]
    fn one_key_in_two_cases_with_one_value_is_fine() {
        let text = "---\ntranslationKey: a\nTranslationKey: a\n---\n";
        let fm = parse(text).unwrap();
        assert_eq!(fm.get_str("TRANSLATIONKEY"), Some("a"));
    }

    #[test]
    fn no_front_matter() {
        let fm = parse("# Title\n\n---\n\ntext\n").unwrap();
        assert_eq!(fm.split.format, None);
        assert!(fm.tree.is_none());
    }
}
