//! YAML read into a small tree that remembers where each value sits in the text (byte spans), so that front-matter
//! values can be read raw (a hash made only of digits keeps its leading zeros) and later edited in place.
//!
//! Keys are read as Hugo reads them: without regard to case (`TranslationKey` is `translationKey`).

use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::i18n::{Arg, Message};

/// A YAML value and its byte span in the parsed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    /// The span of the key naming this value in its parent map (`None` for the root, list items, and trees built
    /// without spans).
    pub key_span: Option<Range<usize>>,
    /// Whether the value is an alias (`*anchor`): its text lives elsewhere.
    pub alias: bool,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Scalar(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

impl Node {
    /// The value under `key` in a map, the key compared without regard to case (`TranslationKey` is
    /// `translationKey`, as Hugo reads them). A key written exactly as asked wins over another spelling.
    pub fn get(&self, key: &str) -> Option<&Node> {
        let NodeKind::Map(entries) = &self.kind else {
            return None;
        };
        entries
            .iter()
            .find(|(k, _)| k == key)
            .or_else(|| entries.iter().find(|(k, _)| same_key(k, key)))
            .map(|(_, v)| v)
    }

    /// The value under a dotted path (`l10n.sourceCommit`).
    pub fn get_path(&self, dotted: &str) -> Option<&Node> {
        dotted.split('.').try_fold(self, |node, key| node.get(key))
    }

    /// The scalar's value as text, `None` for null and collections.
    pub fn as_scalar(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar(text) => Some(text),
            _ => None,
        }
    }
}

/// Whether two front-matter keys name the same value: equal but for case, as Hugo reads them.
pub fn same_key(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || (!(a.is_ascii() && b.is_ascii()) && a.to_lowercase() == b.to_lowercase())
}

/// Whether two dotted keys (`l10n.sourceCommit`) name the same value: each part equal but for case.
pub fn same_path(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // Part by part, or whole: a dot matches only a dot.
        return a.eq_ignore_ascii_case(b);
    }
    a.split('.').count() == b.split('.').count()
        && a.split('.').zip(b.split('.')).all(|(x, y)| same_key(x, y))
}

/// A YAML syntax error, with the 1-based line (within the parsed text) when known.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub line: Option<usize>,
    pub detail: Detail,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.detail.fmt(f)
    }
}

/// What is wrong with a front matter or config: the parser's own words, or tandem's where those would show the
/// parser's internals ("duplicate mapping key: title, set DuplicateKeyPolicy in Options if acceptable", "budget
/// breached: Nodes { nodes: 250001 }").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// The parser's message (its first line, without the parser's own "line L column C:"), shown as it is.
    Parser(String),
    /// A quoted value whose closing quote is missing.
    UnclosedQuote,
    /// A flow list or map (`[` or `{`) never closed.
    UnclosedBracket(char),
    /// A tab where YAML takes only spaces (indentation, inside a plain value).
    Tab,
    /// `key: a: b`: a value holding `: `, which YAML reads as a second key.
    ColonInValue,
    /// A list was expected (a scalar or a map was given).
    ExpectedList,
    /// A map of keys was expected (a scalar or a list was given).
    ExpectedMap,
    /// A front matter that is a list or a lone value, not keys and values.
    NotAMap,
    /// A front matter whose opening fence (`---`, `+++`) is never closed.
    NeverClosed(&'static str),
    /// One key written twice in a mapping (`None`: a key that is no plain text).
    DuplicateKey(Option<String>),
    /// One of the limits the parser keeps against alias bombs, reached: which, and the limit.
    TooMany { what: Limit, limit: usize },
    /// Hugo's JSON front matter (`{` … `}`), which tandem does not read.
    JsonFrontMatter,
    /// Merge-conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) inside the front matter.
    ConflictMarkers,
}

/// The parser's limits a text can reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Values (scalars, lists, maps), aliases expanded.
    Nodes,
    /// Aliases (`*name`) and what they expand to.
    Aliases,
    /// Levels of nesting.
    Depth,
    /// Anything else: events, anchors, bytes.
    Size,
}

impl Detail {
    /// The detail as a message argument: the parser's words as they are, tandem's in the interface's language.
    pub fn arg(&self) -> Arg {
        match self {
            Detail::Parser(text) => Message::verbatim(text).into(),
            Detail::UnclosedQuote => Message::new("yaml-unclosed-quote").into(),
            Detail::UnclosedBracket(open) => Message::new("yaml-unclosed-bracket")
                .arg("open", open.to_string())
                .arg("close", if *open == '{' { "}" } else { "]" }.to_owned())
                .into(),
            Detail::Tab => Message::new("yaml-tab").into(),
            Detail::ColonInValue => Message::new("yaml-colon-in-value").into(),
            Detail::ExpectedList => Message::new("yaml-expected-list").into(),
            Detail::ExpectedMap => Message::new("yaml-expected-map").into(),
            Detail::NotAMap => Message::new("front-matter-not-a-map").into(),
            Detail::NeverClosed(fence) => Message::new("front-matter-never-closed")
                .arg("fence", *fence)
                .into(),
            Detail::DuplicateKey(Some(key)) => {
                Message::new("yaml-duplicate-key").arg("key", key).into()
            }
            Detail::DuplicateKey(None) => Message::new("yaml-duplicate-key-unnamed").into(),
            Detail::TooMany { what, limit } => Message::new(match what {
                Limit::Nodes => "yaml-too-many-nodes",
                Limit::Aliases => "yaml-too-many-aliases",
                Limit::Depth => "yaml-too-deep",
                Limit::Size => "yaml-too-large",
            })
            .arg("limit", *limit)
            .into(),
            Detail::JsonFrontMatter => Message::new("front-matter-json").into(),
            Detail::ConflictMarkers => Message::new("front-matter-conflict-markers").into(),
        }
    }

    /// The detail of a serde-saphyr error.
    pub fn of(err: &serde_saphyr::Error) -> Detail {
        use serde_saphyr::budget::BudgetBreach;
        use serde_saphyr::granit_parser::ErrorKind;
        use serde_saphyr::{Error, ExternalMessageSource};
        let mut inner = err;
        while let Error::WithSnippet { error, .. } | Error::AliasError { error, .. } = inner {
            inner = error;
        }
        let budget = serde_saphyr::Budget::default();
        let too_many = |what, limit| Detail::TooMany { what, limit };
        match inner {
            Error::DuplicateMappingKey { key, .. } => Detail::DuplicateKey(key.clone()),
            Error::ExternalMessage { source, .. } => match &**source {
                ExternalMessageSource::Parser(scan) => match scan.kind() {
                    ErrorKind::UnclosedQuotedScalar => Detail::UnclosedQuote,
                    ErrorKind::UnclosedFlowCollection { open } => Detail::UnclosedBracket(*open),
                    ErrorKind::UnexpectedEofFlowSequence => Detail::UnclosedBracket('['),
                    ErrorKind::UnexpectedEofFlowMapping => Detail::UnclosedBracket('{'),
                    ErrorKind::TabNotAllowed
                    | ErrorKind::TabInBlockIndentation
                    | ErrorKind::TabAtBlockScalarStart
                    | ErrorKind::TabInIndentation
                    | ErrorKind::TabInPlainScalar => Detail::Tab,
                    ErrorKind::MappingValueNotAllowed => Detail::ColonInValue,
                    _ => Detail::Parser(first_line(&err.to_string())),
                },
                _ => Detail::Parser(first_line(&err.to_string())),
            },
            Error::Unexpected { expected, .. } if expected.contains("sequence") => {
                Detail::ExpectedList
            }
            Error::Unexpected { expected, .. } if expected.contains("mapping") => {
                Detail::ExpectedMap
            }
            Error::Budget { breach, .. } => match breach {
                BudgetBreach::Nodes { .. } => too_many(Limit::Nodes, budget.max_nodes),
                BudgetBreach::Aliases { .. } => too_many(Limit::Aliases, budget.max_aliases),
                BudgetBreach::AliasAnchorRatio { aliases, .. } => {
                    too_many(Limit::Aliases, aliases.saturating_sub(1))
                }
                BudgetBreach::Depth { .. } => too_many(Limit::Depth, budget.max_depth),
                BudgetBreach::Events { .. } => too_many(Limit::Size, budget.max_events),
                BudgetBreach::Anchors { .. } => too_many(Limit::Size, budget.max_anchors),
                BudgetBreach::ScalarBytes { .. } => {
                    too_many(Limit::Size, budget.max_total_scalar_bytes)
                }
                _ => Detail::Parser(first_line(&err.to_string())),
            },
            Error::AliasReplayLimitExceeded {
                max_total_replayed_events,
                ..
            } => too_many(Limit::Aliases, *max_total_replayed_events),
            Error::AliasExpansionLimitExceeded {
                max_expansions_per_anchor,
                ..
            } => too_many(Limit::Aliases, *max_expansions_per_anchor),
            Error::AliasReplayStackDepthExceeded { max_depth, .. } => {
                too_many(Limit::Depth, *max_depth)
            }
            _ => Detail::Parser(first_line(&err.to_string())),
        }
    }
}

/// The first line of a parser's message that says something, without its `error: ` prefix nor its own location
/// (`line 3 column 14: `, counted in the text it was given: tandem gives the line in the file).
pub fn first_line(text: &str) -> String {
    let line = text
        .lines()
        .map(|l| l.trim_start_matches("error: ").trim())
        .find(|l| !l.is_empty())
        .unwrap_or("invalid YAML");
    without_location(line).to_owned()
}

/// `line 3 column 14: unclosed quote` → `unclosed quote`.
fn without_location(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("line ") else {
        return text;
    };
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let n = digits(rest);
    if n == 0 {
        return text;
    }
    let Some(rest) = rest[n..].strip_prefix(" column ") else {
        return text;
    };
    let n = digits(rest);
    match rest[n..].strip_prefix(": ") {
        Some(message) if n > 0 && !message.is_empty() => message,
        _ => text,
    }
}

impl fmt::Display for Detail {
    /// In English, for logs and tests; people read [`Detail::arg`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detail::Parser(text) => f.write_str(text),
            Detail::UnclosedQuote => f.write_str("a quoted value is never closed"),
            Detail::UnclosedBracket(open) => write!(f, "{open} is never closed"),
            Detail::Tab => f.write_str("a tab where YAML takes spaces"),
            Detail::ColonInValue => f.write_str("a value holds \": \""),
            Detail::ExpectedList => f.write_str("a list was expected"),
            Detail::ExpectedMap => f.write_str("keys and values were expected"),
            Detail::NotAMap => f.write_str("the front matter is not a map of keys"),
            Detail::NeverClosed(fence) => {
                write!(f, "the front matter opened by `{fence}` is never closed")
            }
            Detail::DuplicateKey(Some(key)) => write!(f, "the key {key} is written twice"),
            Detail::DuplicateKey(None) => f.write_str("a key is written twice"),
            Detail::TooMany { what, limit } => write!(f, "too many {what:?}: over {limit}"),
            Detail::JsonFrontMatter => f.write_str("JSON front matter is not read by tandem"),
            Detail::ConflictMarkers => f.write_str("merge-conflict markers in the front matter"),
        }
    }
}

/// Parses YAML text; `Ok(None)` for an empty document.
pub fn parse(text: &str) -> Result<Option<Node>, YamlError> {
    if let Some(simple) = simple::parse(text) {
        return Ok(simple);
    }
    parse_full(text)
}

/// Parses YAML text with the full parser.
fn parse_full(text: &str) -> Result<Option<Node>, YamlError> {
    match serde_saphyr::from_str::<Option<Spanned<Raw>>>(text) {
        Ok(node) => Ok(node.map(into_node)),
        Err(err) => {
            let line = err.location().map(|loc| loc.line() as usize);
            Err(YamlError {
                line,
                detail: Detail::of(&err),
            })
        }
    }
}

/// The tree as serde-saphyr hands it over; turned into [`Node`] with plain byte spans.
enum Raw {
    Null,
    Scalar(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Key>, Spanned<Raw>)>),
}

fn byte_span(location: &serde_saphyr::Location) -> Range<usize> {
    let span = location.span();
    let start = span.byte_offset().unwrap_or(span.offset()) as usize;
    let len = span.byte_len().unwrap_or(span.len()) as usize;
    start..start + len
}

fn into_node(spanned: Spanned<Raw>) -> Node {
    let span = byte_span(&spanned.referenced);
    let alias = spanned.referenced != spanned.defined;
    let kind = match spanned.value {
        Raw::Null => NodeKind::Null,
        Raw::Scalar(text) => NodeKind::Scalar(text),
        Raw::Seq(items) => NodeKind::Seq(items.into_iter().map(into_node).collect()),
        Raw::Map(entries) => NodeKind::Map(
            entries
                .into_iter()
                .map(|(key, value)| {
                    let mut node = into_node(value);
                    node.key_span = Some(byte_span(&key.referenced));
                    (key.value.0, node)
                })
                .collect(),
        ),
    };
    Node {
        span,
        key_span: None,
        alias,
        kind,
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Scalar(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Scalar(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Scalar(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(Raw::Scalar(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(Raw::Scalar(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Scalar(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Scalar(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Scalar(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Scalar(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        Raw::deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Raw>>()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Key>>()? {
            let value = map.next_value::<Spanned<Raw>>()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

/// A map key: any scalar, read as text.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Raw::deserialize(deserializer)? {
            Raw::Scalar(text) => Ok(Key(text)),
            Raw::Null => Ok(Key(String::new())),
            _ => Err(de::Error::custom("a map key must be a scalar")),
        }
    }
}

/// Most front matters are a list of `key: value` lines whose values are text: `title: …`, `weight: 10`,
/// `tags: ["a", "b"]`, with at most one level of nesting (`sidebar:` then `  order: 4`). Those are read here directly, in a small fraction of the full parser's time; anything else
/// (deeper nesting, several lines to a value, a value YAML would read as a number, a boolean or null, escapes, tags,
/// anchors, duplicate keys) is left to the full parser, and the tree is the same either way (the test
/// `the_simple_reader_agrees_with_the_full_parser` holds the two to it).
mod simple {
    use super::{Node, NodeKind};

    /// The tree of `text` when it is simple, `None` when the full parser must read it.
    pub fn parse(text: &str) -> Option<Option<Node>> {
        if text.contains(['\t', '\r']) || text.starts_with('\u{FEFF}') {
            return None;
        }
        let mut entries: Vec<(String, Node)> = Vec::new();
        let mut first_key = None;
        // The indentation of the map being filled under the last key, if any.
        let mut nested: Option<usize> = None;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let line = line.strip_suffix('\n').unwrap_or(line);
            let trimmed = line.trim_start_matches(' ');
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            if indent > 0 {
                // One level of nesting (`sidebar:` then `  order: 4`), under a key with no value of its own, all at
                // one indentation; deeper nesting and values over several lines go to the full parser.
                let (_, parent) = entries.last_mut()?;
                let at = start + indent;
                match (&mut parent.kind, nested) {
                    (NodeKind::Null, None) => {
                        parent.span = at..at;
                        parent.kind = NodeKind::Map(Vec::new());
                        nested = Some(indent);
                    }
                    (NodeKind::Map(_), Some(level)) if level == indent => {}
                    _ => return None,
                }
                let (key, value) = entry(trimmed, at)?;
                let NodeKind::Map(children) = &mut parent.kind else {
                    return None;
                };
                if children.iter().any(|(k, _)| *k == key) {
                    return None;
                }
                children.push((key, value));
                continue;
            }
            nested = None;
            let (key, value) = entry(line, start)?;
            if entries.iter().any(|(k, _)| *k == key) {
                return None;
            }
            first_key.get_or_insert(start);
            entries.push((key, value));
        }
        let Some(start) = first_key else {
            return Some(None);
        };
        Some(Some(Node {
            span: start..start,
            key_span: None,
            alias: false,
            kind: NodeKind::Map(entries),
        }))
    }

    /// One `key: value` line starting at byte `at` of the text.
    fn entry(line: &str, at: usize) -> Option<(String, Node)> {
        let colon = line.find(':')?;
        let key = &line[..colon];
        let mut chars = key.chars();
        let plain_key = chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
            && !special_word(key);
        if !plain_key {
            return None;
        }
        let rest = &line[colon + 1..];
        let key_span = Some(at..at + colon);
        if rest.trim_end_matches(' ').is_empty() {
            return Some((
                key.to_owned(),
                Node {
                    span: at + colon..at + colon,
                    key_span,
                    alias: false,
                    kind: NodeKind::Null,
                },
            ));
        }
        let value = rest.strip_prefix(' ')?.trim_start_matches(' ');
        let value_at = at + line.len() - value.len();
        let (mut node, after) = match value.as_bytes()[0] {
            b'[' => {
                let (items, after) = flow_items(&value[1..], value_at + 1)?;
                let node = Node {
                    span: value_at..value_at + 1,
                    key_span: None,
                    alias: false,
                    kind: NodeKind::Seq(items),
                };
                (node, after)
            }
            b'"' | b'\'' => quoted(value, value_at)?,
            _ => {
                let end = value.find(" #").unwrap_or(value.len());
                let plain = value[..end].trim_end_matches(' ');
                (scalar(plain, value_at)?, &value[end..])
            }
        };
        let after = after.trim_start_matches(' ');
        if !(after.is_empty() || after.starts_with('#')) {
            return None;
        }
        node.key_span = key_span;
        Some((key.to_owned(), node))
    }

    /// A quoted scalar at the start of `value` (at byte `at`), and what follows it on the line.
    fn quoted(value: &str, at: usize) -> Option<(Node, &str)> {
        let quote = value.as_bytes()[0];
        let body = &value[1..];
        let (text, len) = if quote == b'"' {
            let end = body.find('"')?;
            if body[..end].contains('\\') {
                return None;
            }
            (body[..end].to_owned(), end)
        } else {
            // `''` is one quote.
            let mut text = String::new();
            let mut from = 0;
            loop {
                let end = from + body[from..].find('\'')?;
                text.push_str(&body[from..end]);
                if body[end + 1..].starts_with('\'') {
                    text.push('\'');
                    from = end + 2;
                } else {
                    break (text, end);
                }
            }
        };
        let node = Node {
            span: at..at + len + 2,
            key_span: None,
            alias: false,
            kind: NodeKind::Scalar(text),
        };
        Some((node, &value[len + 2..]))
    }

    /// The items of a one-line flow sequence after its `[` (at byte `at`), and what follows its `]`.
    fn flow_items(inside: &str, at: usize) -> Option<(Vec<Node>, &str)> {
        let mut items = Vec::new();
        let mut rest = inside;
        loop {
            let skipped = rest.len() - rest.trim_start_matches(' ').len();
            rest = &rest[skipped..];
            let here = at + (inside.len() - rest.len());
            if items.is_empty()
                && let Some(after) = rest.strip_prefix(']')
            {
                return Some((items, after));
            }
            let (item, after) = match rest.as_bytes().first()? {
                b'"' | b'\'' => quoted(rest, here)?,
                _ => {
                    let end = rest.find([',', ']'])?;
                    let plain = rest[..end].trim_end_matches(' ');
                    if plain.contains(['[', '{', '}', '#', ':']) {
                        return None;
                    }
                    (scalar(plain, here)?, &rest[end..])
                }
            };
            items.push(item);
            let after = after.trim_start_matches(' ');
            if let Some(after) = after.strip_prefix(']') {
                return Some((items, after));
            }
            rest = after.strip_prefix(',')?;
            if rest.trim_start_matches(' ').starts_with(']') {
                // A trailing comma.
                return None;
            }
        }
    }

    /// A plain scalar YAML reads as this very text (not a number written another way, a boolean or null).
    fn scalar(plain: &str, at: usize) -> Option<Node> {
        let first = plain.chars().next()?;
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) || plain.contains(": ") || plain.ends_with(':') {
            return None;
        }
        let bytes = plain.as_bytes();
        let integer = plain == "0"
            || (plain.len() <= 18
                && (b'1'..=b'9').contains(&bytes[0])
                && bytes.iter().all(u8::is_ascii_digit));
        // A commit hash or an id that starts with a digit: a letter other than an exponent's makes it text.
        let id = (b'1'..=b'9').contains(&bytes[0])
            && bytes.iter().all(u8::is_ascii_alphanumeric)
            && bytes
                .iter()
                .any(|b| b.is_ascii_alphabetic() && !matches!(b, b'e' | b'E'));
        let date = bytes.len() == 10
            && bytes.iter().enumerate().all(|(k, b)| match k {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
        let text = match plain {
            "true" | "True" => "true",
            "false" | "False" => "false",
            _ if integer || id || date => plain,
            _ if first.is_ascii_digit() || matches!(first, '+' | '.') || special_word(plain) => {
                return None;
            }
            _ => plain,
        };
        Some(Node {
            span: at..at + plain.len(),
            key_span: None,
            alias: false,
            kind: NodeKind::Scalar(text.to_owned()),
        })
    }

    /// Words YAML may read as a boolean, null or a number.
    fn special_word(word: &str) -> bool {
        [
            "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "inf", "infinity",
            "nan",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw<'a>(text: &'a str, node: &Node) -> &'a str {
        &text[node.span.clone()]
    }

    #[test]
    fn spans_point_at_the_raw_value() {
        let text = "title: 'Bonjour'\ndefault_lang_commit: 0123abc # patched\nl10n:\n  sourceCommit: \"deadbeef\"\nnum: 012345\nempty:\n";
        let tree = parse(text).unwrap().unwrap();
        assert_eq!(raw(text, tree.get("title").unwrap()), "'Bonjour'");
        assert_eq!(
            raw(text, tree.get("default_lang_commit").unwrap()),
            "0123abc"
        );
        assert_eq!(
            raw(text, tree.get_path("l10n.sourceCommit").unwrap()),
            "\"deadbeef\""
        );
        assert_eq!(raw(text, tree.get("num").unwrap()), "012345");
        assert_eq!(tree.get("empty").unwrap().kind, NodeKind::Null);
        assert_eq!(tree.get("title").unwrap().as_scalar(), Some("Bonjour"));
    }

    /// The commonest mistakes get tandem's words; the parser's own location is dropped from the others (it counted
    /// lines inside a front matter, not in the file).
    #[test]
    fn common_parser_errors_are_named() {
        let detail = |text: &str| parse(text).unwrap_err().detail;
        assert_eq!(detail("a: \"x\n"), Detail::UnclosedQuote);
        assert_eq!(detail("a: [x\n"), Detail::UnclosedBracket('['));
        assert_eq!(detail("a: {x: y\n"), Detail::UnclosedBracket('{'));
        assert_eq!(detail("a: x\n\tb: y\n"), Detail::Tab);
        assert_eq!(detail("title: Tandem: a tool\n"), Detail::ColonInValue);
        assert_eq!(
            first_line("line 3 column 14: while parsing, expected x"),
            "while parsing, expected x"
        );
        assert_eq!(first_line("error: line 12 column 1: x\nmore"), "x");
        assert_eq!(first_line("line of text: x"), "line of text: x");
    }

    #[test]
    fn errors_carry_a_line() {
        let err = parse("a: 1\nb: [\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(err.detail, Detail::DuplicateKey(Some("a".into())));
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn keys_are_read_in_any_case_and_keep_their_spans() {
        let text = "title: x\nTranslationKey: intro\nL10N:\n  SourceCommit: abc\n";
        let tree = parse(text).unwrap().unwrap();
        let node = tree.get("translationKey").unwrap();
        assert_eq!(node.as_scalar(), Some("intro"));
        assert_eq!(
            &text[node.key_span.clone().unwrap()],
            "TranslationKey",
            "{node:?}"
        );
        assert_eq!(
            tree.get_path("l10n.sourceCommit").unwrap().as_scalar(),
            Some("abc")
        );
        assert!(same_path("l10n.sourceCommit", "L10N.SOURCECOMMIT"));
        assert!(!same_path("l10n", "l10n.sourceCommit"));
        assert!(same_key("Éte", "éTE"));
    }

    #[test]
    fn an_exact_spelling_wins() {
        let tree = parse("Title: a\ntitle: a\n").unwrap().unwrap();
        assert_eq!(tree.get("title").unwrap().span.start, 16);
    }

    #[test]
    fn the_simple_reader_agrees_with_the_full_parser() {
        // Read by the simple reader, to the same tree as the full parser's.
        let simple = [
            "title: 컨테이너 (Containers)\nstatus: Completed\ncategory: 기술\ntags: [\"애플리케이션\", \"\", \"\"]\n",
            "# a comment\n\ntitle: x\n",
            "a:\nb:   v  \nc: v # x\nd: \"q\" \ne: [a, 'b', \"c\"]\nf: []\ng: ''\n",
            "title: \"Page 498 (de)\"\nweight: 498\ndefault_lang_commit: 3472f4954a63b137f3f2f8f284abcc0679aa37ee\n",
            "disableToc: true\ndraft: False\nzero: 0\nday: 2024-01-01\n",
            "a: 'it''s' # quoted\nb: x#y\nc: é\nd: '#x'\ne: [ 'a''b' , c ]\n",
            "title: Notice\nlast: no newline",
            "title: Symbole\nsidebar:\n  order: 4\n  label: Symbole # short\n\n  # a comment\n  badge: new\ndraft: false\n",
            "a:\n  b:\n  c: d\ne:\n    f: 1\n",
            "",
            "# only a comment\n",
        ];
        for text in simple {
            let tree = simple::parse(text).unwrap_or_else(|| panic!("not simple: {text:?}"));
            assert_eq!(Ok(tree), parse_full(text), "{text:?}");
        }
        // Left to the full parser: nesting, values over several lines, other spellings of numbers, booleans and
        // null, escapes, duplicate keys, anything odd.
        let full = [
            "a: 010\n",
            "a: 1.0\n",
            "a: 1e5\n",
            "a: 1234e56\n",
            "a: 0x1A\n",
            "a: yes\n",
            "a: on\n",
            "a: null\n",
            "a: ~\n",
            "a: .inf\n",
            "a: -3\n",
            "a: 0a31d890b590\n",
            "date: 2016-04-09T16:50:16+02:00\n",
            "a: x\na: y\n",
            "a: b: c\n",
            "a: x\n  y\n",
            "menu:\n  main:\n    weight: 10\n",
            "a:\n  b: x\n   c: y\n",
            "a:\n  b: x\n c: y\n",
            "a:\n  b: x\n  b: y\n",
            "a: x\n  b: y\n",
            "  a: x\n",
            "a:\n  - x\n",
            "resources:\n- name: x\n",
            "a: \"line\\nbreak\"\n",
            "a: [x, y,]\n",
            "a: [x, [y]]\n",
            "a: &anchor x\nb: *anchor\n",
            "a: |\n  text\n",
            "description : x\n",
            "a:\tx\n",
            "yes: x\n",
            "1: x\n",
            "a: x\r\n",
        ];
        for text in full {
            assert!(simple::parse(text).is_none(), "read as simple: {text:?}");
        }
    }

    #[test]
    fn empty_text_is_no_document() {
        assert_eq!(parse("").unwrap(), None);
    }
}
