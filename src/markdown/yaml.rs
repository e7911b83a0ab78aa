//! YAML read into a small tree that remembers where each value sits in the text (byte spans), so that front-matter
//! values can be read raw (a hash made only of digits keeps its leading zeros) and later edited in place.
//!
//! Keys are read as Hugo reads them: without regard to case (`TranslationKey` is `translationKey`).

use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

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
    pub message: String,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parses YAML text; `Ok(None)` for an empty document.
pub fn parse(text: &str) -> Result<Option<Node>, YamlError> {
    match serde_saphyr::from_str::<Option<Spanned<Raw>>>(text) {
        Ok(node) => Ok(node.map(into_node)),
        Err(err) => {
            let line = err.location().map(|loc| loc.line() as usize);
            let message = err
                .to_string()
                .lines()
                .map(|l| l.trim_start_matches("error: ").trim())
                .find(|l| !l.is_empty())
                .unwrap_or("invalid YAML")
                .to_owned();
            Err(YamlError { line, message })
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

    #[test]
    fn errors_carry_a_line() {
        let err = parse("a: 1\nb: [\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert!(err.message.contains("duplicate"), "{}", err.message);
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
    fn empty_text_is_no_document() {
        assert_eq!(parse("").unwrap(), None);
    }
}
