//! Property tests of the front-matter editor behind `sync`: for generated front matter (quotes, comments, CRLF, BOM,
//! nested maps, TOML), setting the pin changes exactly the pin's line or inserts its line(s), the file reads back as the
//! same data plus the pin, and a write that fails half-way leaves the original file as it was.

use std::io::Write;

use proptest::prelude::*;
use tandem::markdown::edit::{self, CommentEdit, Scalar};
use tandem::markdown::frontmatter;

/// One generated front-matter entry other than the pin.
#[derive(Debug, Clone)]
enum Value {
    Plain(String),
    Single(String),
    Double(String),
    Int(i64),
    Bool(bool),
    /// A nested map of plain/quoted scalars.
    Map(Vec<(String, String)>),
    /// A block (YAML) or inline (TOML) list.
    List(Vec<String>),
}

#[derive(Debug, Clone)]
struct Entry {
    key: String,
    value: Value,
    comment: Option<String>,
    /// A comment line or a blank line before the entry.
    before: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Quote {
    Plain,
    Single,
    Double,
}

/// The pin already in the page, if any.
#[derive(Debug, Clone)]
enum Existing {
    None,
    /// The pin key is there, with this value, quoting and `# patched` comment.
    Pin {
        value: String,
        quote: Quote,
        patched: bool,
    },
    /// Only for the nested key: the parent map exists, without the pin.
    ParentOnly,
}

#[derive(Debug, Clone)]
struct Case {
    toml: bool,
    nested: bool,
    entries: Vec<Entry>,
    existing: Existing,
    /// Where the existing pin goes among the entries.
    pin_at: usize,
    crlf: bool,
    bom: bool,
    body: String,
    new_value: String,
    comment: Option<String>,
}

fn word() -> impl Strategy<Value = String> {
    "[a-zA-Z][a-zA-Z0-9_-]{0,8}( [a-zA-Z0-9]{1,6}){0,2}".prop_filter(
        "plain scalars that read as strings",
        |w| {
            let lower = w.to_ascii_lowercase();
            !["y", "n", "yes", "no", "on", "off", "true", "false", "null"].contains(&lower.as_str())
        },
    )
}

fn quoted_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 éèàçÉ'\"#:\\\\-]{0,14}"
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        word().prop_map(Value::Plain),
        quoted_text().prop_map(Value::Single),
        quoted_text().prop_map(Value::Double),
        any::<i32>().prop_map(|n| Value::Int(i64::from(n))),
        any::<bool>().prop_map(Value::Bool),
        prop::collection::vec(("[a-z][a-zA-Z]{0,5}", word()), 1..4).prop_map(|children| {
            // Keys are one key whatever their case (`jx` and `jX` are refused as one key with two values).
            let mut seen = std::collections::HashSet::new();
            Value::Map(
                children
                    .into_iter()
                    .filter(|(k, _)| seen.insert(k.to_lowercase()))
                    .collect(),
            )
        }),
        prop::collection::vec(word(), 1..3).prop_map(Value::List),
    ]
}

fn comment() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(0.3, "[a-zA-Z ]{1,10}".prop_map(|c| c.trim().to_owned()))
}

fn hash() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[0-9a-f]{40}",
        1 => "[0-9]{40}",
        1 => "[0-9a-f]{7,12}",
    ]
}

fn case() -> impl Strategy<Value = Case> {
    let entries = prop::collection::vec(
        (
            value(),
            comment(),
            prop::option::weighted(0.2, prop_oneof![Just(String::new()), "# [a-z ]{0,10}"]),
        ),
        0..6,
    );
    let existing = prop_oneof![
        Just(Existing::None),
        (
            hash(),
            prop_oneof![Just(Quote::Plain), Just(Quote::Single), Just(Quote::Double)],
            any::<bool>()
        )
            .prop_map(|(value, quote, patched)| Existing::Pin {
                value,
                quote,
                patched
            }),
        Just(Existing::ParentOnly),
    ];
    (
        any::<bool>(),
        any::<bool>(),
        entries,
        existing,
        0..6usize,
        any::<bool>(),
        any::<bool>(),
        "[a-zA-Z #\n]{0,30}",
        hash(),
        prop::option::weighted(0.3, prop_oneof![Just("patched".to_owned()), "[a-z]{1,8}"]),
    )
        .prop_map(
            |(toml, nested, raw, existing, pin_at, crlf, bom, body, new_value, comment)| {
                let entries = raw
                    .into_iter()
                    .enumerate()
                    .map(|(i, (value, comment, before))| Entry {
                        key: format!("key{i}"),
                        value,
                        comment,
                        before,
                    })
                    .collect();
                Case {
                    toml,
                    nested,
                    entries,
                    existing,
                    pin_at,
                    crlf,
                    bom,
                    body,
                    new_value,
                    comment,
                }
            },
        )
}

impl Case {
    fn key(&self) -> &'static str {
        if self.nested {
            "l10n.sourceCommit"
        } else {
            "default_lang_commit"
        }
    }

    fn eol(&self) -> &'static str {
        if self.crlf { "\r\n" } else { "\n" }
    }

    fn text(&self) -> String {
        let lines = if self.toml {
            self.toml_lines()
        } else {
            self.yaml_lines()
        };
        let fence = if self.toml { "+++" } else { "---" };
        let eol = self.eol();
        let mut text = String::new();
        if self.bom {
            text.push('\u{feff}');
        }
        text.push_str(fence);
        text.push_str(eol);
        for line in lines {
            text.push_str(&line);
            text.push_str(eol);
        }
        text.push_str(fence);
        text.push_str(eol);
        text.push_str(&self.body.replace('\n', eol));
        text
    }

    fn pin_value(value: &str, quote: Quote, toml: bool) -> String {
        match (quote, toml) {
            (Quote::Single, _) => format!("'{value}'"),
            (Quote::Double, _) | (Quote::Plain, true) => format!("\"{value}\""),
            // A hash made only of digits, or digits and one `e`, must be quoted to stay a string.
            (Quote::Plain, false)
                if value.chars().all(|c| "0123456789_.+-:eExXoObB".contains(c)) =>
            {
                format!("\"{value}\"")
            }
            (Quote::Plain, false) => value.to_owned(),
        }
    }

    fn yaml_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let pin_lines = |lines: &mut Vec<String>| match (&self.existing, self.nested) {
            (Existing::None, _) => {}
            (Existing::ParentOnly, false) => {}
            (Existing::ParentOnly, true) => {
                lines.push("l10n:".into());
                lines.push("  other: kept".into());
            }
            (
                Existing::Pin {
                    value,
                    quote,
                    patched,
                },
                nested,
            ) => {
                let value = Self::pin_value(value, *quote, false);
                let comment = if *patched { " # patched" } else { "" };
                if nested {
                    lines.push("l10n:".into());
                    lines.push(format!("  sourceCommit: {value}{comment}"));
                } else {
                    lines.push(format!("default_lang_commit: {value}{comment}"));
                }
            }
        };
        for (i, entry) in self.entries.iter().enumerate() {
            if i == self.pin_at {
                pin_lines(&mut lines);
            }
            if let Some(before) = &entry.before {
                lines.push(before.clone());
            }
            let comment = entry
                .comment
                .as_ref()
                .map(|c| format!(" # {c}"))
                .unwrap_or_default();
            match &entry.value {
                Value::Plain(w) => lines.push(format!("{}: {w}{comment}", entry.key)),
                Value::Single(t) => lines.push(format!(
                    "{}: '{}'{comment}",
                    entry.key,
                    t.replace('\'', "''")
                )),
                Value::Double(t) => lines.push(format!(
                    "{}: \"{}\"{comment}",
                    entry.key,
                    t.replace('\\', "\\\\").replace('"', "\\\"")
                )),
                Value::Int(n) => lines.push(format!("{}: {n}{comment}", entry.key)),
                Value::Bool(b) => lines.push(format!("{}: {b}{comment}", entry.key)),
                Value::Map(children) => {
                    lines.push(format!("{}:{comment}", entry.key));
                    for (k, v) in children {
                        lines.push(format!("  {k}: {v}"));
                    }
                }
                Value::List(items) => {
                    lines.push(format!("{}:{comment}", entry.key));
                    for item in items {
                        lines.push(format!("  - {item}"));
                    }
                }
            }
        }
        if self.pin_at >= self.entries.len() {
            pin_lines(&mut lines);
        }
        lines
    }

    fn toml_lines(&self) -> Vec<String> {
        // Root keys first, then tables (TOML puts every root key before the first header).
        let mut root = Vec::new();
        let mut tables = Vec::new();
        let toml_str = |t: &str| format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\""));
        for (i, entry) in self.entries.iter().enumerate() {
            if i == self.pin_at
                && let Existing::Pin {
                    value,
                    quote,
                    patched,
                } = &self.existing
                && !self.nested
            {
                let comment = if *patched { " # patched" } else { "" };
                root.push(format!(
                    "default_lang_commit = {}{comment}",
                    Self::pin_value(value, *quote, true)
                ));
            }
            if let Some(before) = &entry.before {
                root.push(before.clone());
            }
            let comment = entry
                .comment
                .as_ref()
                .map(|c| format!(" # {c}"))
                .unwrap_or_default();
            let line = |v: String| format!("{} = {v}{comment}", entry.key);
            match &entry.value {
                Value::Plain(w) => root.push(line(toml_str(w))),
                Value::Single(t) if !t.contains('\'') => root.push(line(format!("'{t}'"))),
                Value::Single(t) | Value::Double(t) => root.push(line(toml_str(t))),
                Value::Int(n) => root.push(line(n.to_string())),
                Value::Bool(b) => root.push(line(b.to_string())),
                Value::List(items) => root.push(line(format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|i| toml_str(i))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
                Value::Map(children) => {
                    tables.push(format!("[{}]{comment}", entry.key));
                    for (k, v) in children {
                        tables.push(format!("{k} = {}", toml_str(v)));
                    }
                }
            }
        }
        if self.pin_at >= self.entries.len()
            && let Existing::Pin {
                value,
                quote,
                patched,
            } = &self.existing
            && !self.nested
        {
            let comment = if *patched { " # patched" } else { "" };
            root.push(format!(
                "default_lang_commit = {}{comment}",
                Self::pin_value(value, *quote, true)
            ));
        }
        if self.nested {
            match &self.existing {
                Existing::None => {}
                Existing::ParentOnly => {
                    tables.push("[l10n]".into());
                    tables.push("other = 'kept'".into());
                }
                Existing::Pin {
                    value,
                    quote,
                    patched,
                } => {
                    let comment = if *patched { " # patched" } else { "" };
                    tables.push("[l10n]".into());
                    tables.push(format!(
                        "sourceCommit = {}{comment}",
                        Self::pin_value(value, *quote, true)
                    ));
                }
            }
        }
        root.extend(tables);
        root
    }

    fn pin_exists(&self) -> bool {
        matches!(self.existing, Existing::Pin { .. })
    }

    /// Lines (removed, added) the edit should make.
    fn expected_lines(&self) -> (usize, usize) {
        if self.pin_exists() {
            (1, 1)
        } else if self.nested && !self.toml && !matches!(self.existing, Existing::ParentOnly) {
            (0, 2) // `l10n:` and `  sourceCommit: …`
        } else {
            (0, 1)
        }
    }
}

/// The front matter as plain data (YAML through serde-saphyr, TOML through toml_edit).
fn data(text: &str) -> serde_json::Value {
    let fm = frontmatter::parse(text).expect("parses");
    let inner = &text[fm.split.front_matter.clone()];
    match fm.split.format {
        Some(frontmatter::Format::Toml) => {
            let doc: toml_edit::DocumentMut = inner.parse().expect("toml");
            toml_table(doc.as_table())
        }
        _ => serde_saphyr::from_str::<Option<serde_json::Value>>(inner)
            .expect("yaml")
            .unwrap_or(serde_json::Value::Object(Default::default())),
    }
}

fn toml_table(table: &toml_edit::Table) -> serde_json::Value {
    serde_json::Value::Object(
        table
            .iter()
            .map(|(k, item)| {
                let value = match item {
                    toml_edit::Item::Table(t) => toml_table(t),
                    toml_edit::Item::Value(v) => toml_value(v),
                    _ => serde_json::Value::Null,
                };
                (k.to_owned(), value)
            })
            .collect(),
    )
}

fn toml_value(value: &toml_edit::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml_edit::Value::String(s) => J::String(s.value().clone()),
        toml_edit::Value::Integer(i) => J::from(*i.value()),
        toml_edit::Value::Boolean(b) => J::Bool(*b.value()),
        toml_edit::Value::Array(a) => J::Array(a.iter().map(toml_value).collect()),
        toml_edit::Value::InlineTable(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.to_owned(), toml_value(v)))
                .collect(),
        ),
        other => J::String(other.to_string()),
    }
}

fn with_pin(mut data: serde_json::Value, key: &str, value: &str) -> serde_json::Value {
    let parts: Vec<&str> = key.split('.').collect();
    let mut node = &mut data;
    for part in &parts[..parts.len() - 1] {
        let map = node.as_object_mut().expect("a map");
        node = map
            .entry(part.to_string())
            .or_insert_with(|| serde_json::Value::Object(Default::default()));
    }
    node.as_object_mut().expect("a map").insert(
        parts[parts.len() - 1].to_owned(),
        serde_json::Value::String(value.to_owned()),
    );
    data
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn setting_the_pin_changes_only_its_line(case in case()) {
        let text = case.text();
        let key = case.key();
        let edited = edit::set_value(&text, key, &case.new_value, case.comment.as_deref())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        // Exactly the pin's line replaced, or its line(s) inserted.
        prop_assert_eq!(edit::changed_lines(&text, &edited), case.expected_lines(), "{}\n=>\n{}", text, edited);
        // The same data plus the pin.
        prop_assert_eq!(data(&edited), with_pin(data(&text), key, &case.new_value), "{}", edited);
        // The pin reads back as written, with the comment asked for (or the one it had).
        let fm = frontmatter::parse(&edited).unwrap();
        let pin = fm.pin(&edited, &[key.to_owned()]).expect("pin");
        prop_assert_eq!(&pin.value, &case.new_value);
        let was_patched = matches!(case.existing, Existing::Pin { patched: true, .. });
        let patched = match &case.comment {
            Some(comment) => comment == "patched",
            None => was_patched,
        };
        prop_assert_eq!(pin.patched, patched);
        // Bytes outside the front matter, the BOM and the line endings are untouched.
        prop_assert_eq!(edited.starts_with('\u{feff}'), case.bom);
        prop_assert_eq!(&edited[fm.split.body..], &text[frontmatter::split(&text).unwrap().body..]);
        let lf = edited.matches('\n').count();
        let crlf = edited.matches("\r\n").count();
        prop_assert_eq!(lf == crlf, case.crlf || lf == 0);
        // Setting it again to the same value changes nothing.
        let again = edit::set_value(&edited, key, &case.new_value, case.comment.as_deref()).unwrap();
        prop_assert_eq!(&again, &edited);
    }

    #[test]
    fn removing_a_key_removes_one_line(case in case()) {
        let text = case.text();
        let key = case.key();
        let removed = edit::remove_key(&text, key).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        if case.pin_exists() {
            prop_assert_eq!(edit::changed_lines(&text, &removed), (1, 0));
            let fm = frontmatter::parse(&removed).unwrap();
            prop_assert!(fm.pin(&removed, &[key.to_owned()]).is_none());
        } else {
            prop_assert_eq!(&removed, &text);
        }
    }

    #[test]
    fn the_drift_key_is_a_boolean_or_a_string(case in case(), drifted in any::<bool>()) {
        let text = case.text();
        let edited = if drifted {
            edit::set_scalar(&text, "drifted_from_default", Scalar::Bool(true), CommentEdit::Keep)
        } else {
            edit::set_value(&text, "drifted_from_default", "file not found", None)
        }
        .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(edit::changed_lines(&text, &edited), (0, 1));
        let value = &data(&edited)["drifted_from_default"];
        if drifted {
            prop_assert_eq!(value, &serde_json::Value::Bool(true));
        } else {
            prop_assert_eq!(value, &serde_json::Value::String("file not found".into()));
        }
    }

    #[test]
    fn a_failed_write_leaves_the_original_intact(
        original in prop::collection::vec(any::<u8>(), 0..2000),
        new in prop::collection::vec(any::<u8>(), 0..2000),
        fail_after in 0..2000usize,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        std::fs::write(&path, &original).unwrap();
        let result = tandem::util::atomic::write_atomic_with(&path, |file| {
            file.write_all(&new[..fail_after.min(new.len())])?;
            Err(std::io::Error::other("injected failure"))
        });
        prop_assert!(result.is_err());
        prop_assert_eq!(std::fs::read(&path).unwrap(), original);
        prop_assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        tandem::util::atomic::write_atomic(&path, &new).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), new);
        prop_assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

/// A YAML node as data, without the spans that say where it was written.
fn bare(node: &tandem::markdown::yaml::Node) -> serde_json::Value {
    use tandem::markdown::yaml::NodeKind;
    match &node.kind {
        NodeKind::Null => serde_json::Value::Null,
        NodeKind::Scalar(text) => serde_json::Value::String(text.clone()),
        NodeKind::Seq(items) => items.iter().map(bare).collect(),
        NodeKind::Map(entries) => entries.iter().map(|(k, v)| (k.clone(), bare(v))).collect(),
    }
}

/// One item of a flow list as a page may write it: plain, double- or single-quoted, with the characters that end or
/// nest a flow collection inside quotes.
fn flow_item() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9-]{0,8}",
        "[a-z ,\\]\\[{}#:]{0,8}".prop_map(|s| format!("\"{s}\"")),
        "[a-z ,\\]\\['{}]{0,8}".prop_map(|s| format!("'{}'", s.replace('\'', "''"))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// `sync --mirrored`'s list copy: whatever one-line flow list the source writes, the translation's one-line list is
    /// replaced by those bytes and reads back as the source's list, only that line changed — or the edit is refused.
    #[test]
    fn a_one_line_list_copied_reads_back_as_the_source_list(
        source_items in prop::collection::vec(flow_item(), 0..5),
        old_items in prop::collection::vec(flow_item(), 0..4),
        comment in prop::option::of("[a-z]{1,6}"),
    ) {
        let source = format!("---\ntitle: Guide\ntags: [{}]\n---\nBody\n", source_items.join(", "));
        let translation = format!(
            "---\ntitle: Guide\ntags: [{}]{}\nweight: 2\n---\nCorps\n",
            old_items.join(", "),
            comment.as_deref().map(|c| format!(" # {c}")).unwrap_or_default()
        );
        let (Ok(source_fm), Ok(translation_fm)) = (frontmatter::parse(&source), frontmatter::parse(&translation)) else {
            return Ok(());
        };
        let (Some(node), Some(_)) = (
            source_fm.tree.as_ref().and_then(|t| t.get_path("tags")),
            translation_fm.tree.as_ref().and_then(|t| t.get_path("tags")),
        ) else {
            return Ok(());
        };
        let Ok(Some((_, written))) = edit::written_flow(&source, "tags") else {
            return Ok(());
        };
        prop_assert!(!written.contains('\n'));
        let flow = Scalar::Flow { text: &written, node };
        if let Ok(edited) = edit::set_scalar(&translation, "tags", flow, CommentEdit::Keep) {
            let fm = frontmatter::parse(&edited).unwrap();
            let copied = fm.tree.as_ref().and_then(|t| t.get_path("tags")).unwrap();
            prop_assert_eq!(format!("{:?}", copied.kind), format!("{:?}", node.kind));
            let (removed, added) = edit::changed_lines(&translation, &edited);
            prop_assert!(removed <= 1 && added <= 1, "{}\n=>\n{}", translation, edited);
            prop_assert!(edited.ends_with("weight: 2\n---\nCorps\n"));
            if let Some(c) = &comment {
                prop_assert!(edited.contains(&format!(" # {c}\n")), "{}", edited);
            }
        }
    }

    /// `sync --mirrored`'s copy of a list written over several lines: whatever way the source and the translation
    /// write the list (one line, or one item per line; at the top level or under a map; `\n` or `\r\n`), the
    /// translation reads back as its own data with the source's list at the key, every line outside the key's lines
    /// kept byte for byte — or the copy is refused (a translation comment it would lose, another indentation).
    #[test]
    fn a_list_over_several_lines_copied_reads_back_as_the_source_list(
        source_items in prop::collection::vec(flow_item(), 0..5),
        old_items in prop::collection::vec(flow_item(), 0..4),
        source_block in any::<bool>(),
        old_block in any::<bool>(),
        nested in any::<bool>(),
        crlf in any::<bool>(),
        comment in prop::option::of("[a-z]{1,6}"),
    ) {
        let (indent, key) = if nested { ("  ", "params.tags") } else { ("", "tags") };
        let list = |items: &[String], block: bool, comment: Option<&str>| -> String {
            let note = comment.map(|c| format!(" # {c}")).unwrap_or_default();
            if block && !items.is_empty() {
                let lines: Vec<String> =
                    items.iter().map(|i| format!("{indent}  - {i}{note}\n")).collect();
                format!("{indent}tags:\n{}", lines.concat())
            } else {
                format!("{indent}tags: [{}]{note}\n", items.join(", "))
            }
        };
        let page = |list: String, title: &str, rest: &str| -> String {
            let parent = if nested { "params:\n" } else { "" };
            format!("---\ntitle: {title}\n{parent}{list}{indent}after: 1\nweight: 2\n---\n{rest}\n")
        };
        let source = page(list(&source_items, source_block, None), "Guide", "Body");
        let mut translation = page(list(&old_items, old_block, comment.as_deref()), "Guide FR", "Corps");
        if crlf {
            translation = translation.replace('\n', "\r\n");
        }
        let (Ok(source_fm), Ok(translation_fm)) = (frontmatter::parse(&source), frontmatter::parse(&translation)) else {
            return Ok(());
        };
        let Some(node) = source_fm.tree.as_ref().and_then(|t| t.get_path(key)) else {
            return Ok(());
        };
        let Ok(edited) = edit::copy_entry(&translation, &source, key) else {
            // Refused only for a comment it would lose.
            prop_assert!(comment.is_some(), "{}\n<=\n{}", translation, source);
            return Ok(());
        };
        let fm = frontmatter::parse(&edited).unwrap();
        let copied = fm.tree.as_ref().and_then(|t| t.get_path(key)).unwrap();
        prop_assert_eq!(bare(copied), bare(node));
        // The rest of the translation: its title and the keys after, byte for byte, line endings its own.
        let eol = if crlf { "\r\n" } else { "\n" };
        prop_assert!(edited.starts_with(&format!("---{eol}title: Guide FR{eol}")), "{}", edited);
        prop_assert!(
            edited.ends_with(&format!("{indent}after: 1{eol}weight: 2{eol}---{eol}Corps{eol}")),
            "{}",
            edited
        );
        prop_assert_eq!(edited.matches('\n').count(), edited.matches(eol).count());
        let before = translation_fm.tree.as_ref().unwrap();
        prop_assert_eq!(
            fm.tree.as_ref().unwrap().get("title").map(bare),
            before.get("title").map(bare)
        );
    }

    /// Link targets written with templates are parsed as links without losing an offset: any mix of brackets,
    /// template delimiters and multibyte text parses, and a body without templates reads the same as before.
    #[test]
    fn bodies_with_templated_links_parse(parts in prop::collection::vec(prop_oneof![
        Just("[x]("), Just(")"), Just("]("), Just("{{"), Just("}}"), Just("{%"), Just("%}"), Just("{{< ref \""),
        Just("\" >}}"), Just(" "), Just("\n"), Just("é"), Just("a.en.md"), Just("/"), Just("#"), Just("~"),
        Just("`"), Just("\n\n"),
    ], 0..40)) {
        let body: String = parts.concat();
        let text = format!("---\ntitle: x\n---\n{body}\n");
        let site = tandem::markdown::document::SiteContext::default();
        let doc = tandem::markdown::document::parse(&text, &site).unwrap();
        for section in &doc.sections {
            prop_assert!(section.span.end <= text.len());
        }
    }
}
