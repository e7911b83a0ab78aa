//! Reading generators' configuration files without running them: TOML, YAML and JSON into one value tree, and
//! JavaScript configs (`astro.config.mjs`, `docusaurus.config.js`) scanned for literal values.

use std::path::Path;

use crate::error::{Error, Result};

/// A TOML, YAML or JSON file as a JSON value (by extension). `name` names the file in errors.
pub fn read_structured(path: &Path, name: &str) -> Result<serde_json::Value> {
    let text = std::fs::read_to_string(path).map_err(|err| Error::io(name, &err))?;
    let parse_error = |detail: String| Error::ConfigParse {
        path: name.to_owned(),
        detail: crate::i18n::Message::verbatim(detail),
    };
    if name.ends_with(".toml") {
        let doc = text
            .parse::<toml_edit::DocumentMut>()
            .map_err(|err| parse_error(first_line(&err.to_string())))?;
        Ok(toml_table_to_json(doc.as_table()))
    } else if name.ends_with(".json") {
        serde_json::from_str(&text).map_err(|err| parse_error(err.to_string()))
    } else {
        let value: Option<serde_json::Value> =
            serde_saphyr::from_str(&text).map_err(|err| Error::ConfigParse {
                path: name.to_owned(),
                detail: crate::site::config::yaml_detail(
                    &crate::markdown::yaml::Detail::of(&err),
                    err.location().map(|l| l.line() as usize),
                ),
            })?;
        Ok(value.unwrap_or(serde_json::Value::Null))
    }
}

/// The first non-empty line of a parser's message.
pub fn first_line(text: &str) -> String {
    text.lines()
        .map(|line| line.trim_start_matches("error: ").trim())
        .find(|line| !line.is_empty())
        .unwrap_or("")
        .to_owned()
}

/// A key of a map, compared case-insensitively (Hugo's config keys are).
pub fn get_ci<'a>(value: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

fn toml_table_to_json(table: &toml_edit::Table) -> serde_json::Value {
    let map = table
        .iter()
        .filter_map(|(key, item)| toml_item_to_json(item).map(|v| (key.to_owned(), v)))
        .collect();
    serde_json::Value::Object(map)
}

fn toml_item_to_json(item: &toml_edit::Item) -> Option<serde_json::Value> {
    match item {
        toml_edit::Item::None => None,
        toml_edit::Item::Value(value) => Some(toml_value_to_json(value)),
        toml_edit::Item::Table(table) => Some(toml_table_to_json(table)),
        toml_edit::Item::ArrayOfTables(array) => Some(serde_json::Value::Array(
            array.iter().map(toml_table_to_json).collect(),
        )),
    }
}

fn toml_value_to_json(value: &toml_edit::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml_edit::Value::String(s) => J::String(s.value().clone()),
        toml_edit::Value::Integer(i) => J::from(*i.value()),
        toml_edit::Value::Float(f) => J::from(*f.value()),
        toml_edit::Value::Boolean(b) => J::Bool(*b.value()),
        toml_edit::Value::Datetime(d) => J::String(d.value().to_string()),
        toml_edit::Value::Array(array) => J::Array(array.iter().map(toml_value_to_json).collect()),
        toml_edit::Value::InlineTable(table) => J::Object(
            table
                .iter()
                .map(|(k, v)| (k.to_owned(), toml_value_to_json(v)))
                .collect(),
        ),
    }
}

/// JavaScript source with comments blanked out (strings are kept), so scans do not read commented-out settings.
pub fn strip_js_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match (c, chars.peek()) {
            ('/', Some('/')) => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut previous = ' ';
                for next in chars.by_ref() {
                    if next == '\n' {
                        out.push('\n');
                    }
                    if previous == '*' && next == '/' {
                        break;
                    }
                    previous = next;
                }
            }
            ('\'' | '"' | '`', _) => {
                quote = Some(c);
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Byte offsets just after each `name:` or `name =` (the name as a whole word, bare or quoted).
fn assignments<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(name).filter_map(move |(at, _)| {
        let before = text[..at].chars().next_back();
        let quoted = matches!(before, Some('\'' | '"'));
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.') {
            return None;
        }
        let mut rest = &text[at + name.len()..];
        if quoted {
            rest = rest.strip_prefix(['\'', '"'])?;
        }
        let trimmed = rest.trim_start();
        let after = trimmed
            .strip_prefix(':')
            .or_else(|| trimmed.strip_prefix('=').filter(|r| !r.starts_with('=')))?;
        Some(text.len() - after.len())
    })
}

/// The first string literal assigned to `name` (`name: 'x'`, `name = "x"`), or, when the value is an expression on
/// one line (`site = PREVIEW || 'https://x'`), the first literal in it.
/// The relative module a JavaScript config imports `name` from (`import { locales } from './config/locales.mjs'`,
/// `import locales from "../i18n.js"`): the path as written, when it starts with `./` or `../`.
pub fn js_import_path(text: &str, name: &str) -> Option<String> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    for (at, _) in text.match_indices("import") {
        if at > 0 && text[..at].chars().next_back().is_some_and(is_word) {
            continue;
        }
        let statement = &text[at + "import".len()..];
        let Some(from) = statement.find("from") else {
            continue;
        };
        let clause = &statement[..from];
        // The name bound by this import (not `locales as other`, which binds `other`).
        let binds = clause.split(|c: char| !is_word(c)).any(|word| word == name)
            && !clause.contains(&format!("{name} as "));
        if !binds || clause.contains(';') {
            continue;
        }
        let rest = statement[from + "from".len()..].trim_start();
        let quote = rest.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
        let path = &rest[1..rest[1..].find(quote)? + 1];
        if path.starts_with("./") || path.starts_with("../") {
            return Some(path.to_owned());
        }
    }
    None
}

pub fn js_string(text: &str, name: &str) -> Option<String> {
    for start in assignments(text, name) {
        let rest = &text[start..];
        let line = rest.split(['\n', ',', ';']).next().unwrap_or(rest);
        if let Some(value) = first_literal(line) {
            return Some(value);
        }
    }
    None
}

fn first_literal(text: &str) -> Option<String> {
    let at = text.find(['\'', '"', '`'])?;
    let quote = text[at..].chars().next()?;
    let body = &text[at + 1..];
    let end = body.find(quote)?;
    Some(body[..end].to_owned())
}

/// The text between the braces of the first object literal assigned to `name` (`name: {…}`, `name = {…}`).
pub fn js_object<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    bracketed(text, name, '{', '}')
}

/// The text between `left` and `right` of the first value assigned to `name` that opens with `left`.
fn bracketed<'a>(text: &'a str, name: &str, left: char, right: char) -> Option<&'a str> {
    let start = assignments(text, name)
        .into_iter()
        .find(|&start| text[start..].trim_start().starts_with(left))?;
    bracketed_at(text, start, left, right)
}

/// The text between `left` and `right` when `text[at..]` (after blanks) opens with `left`.
fn bracketed_at(text: &str, at: usize, left: char, right: char) -> Option<&str> {
    let rest = text[at..].trim_start();
    if !rest.starts_with(left) {
        return None;
    }
    let open = text.len() - rest.len();
    let close = matching(text, open, left, right)?;
    Some(&text[open + 1..close])
}

/// The string literals of the first array literal assigned to `name` (`name: ['a', "b"]`); entries that are not one
/// literal are left out.
pub fn js_string_list(text: &str, name: &str) -> Option<Vec<String>> {
    let body = bracketed(text, name, '[', ']')?;
    Some(
        js_pieces(body)
            .into_iter()
            .filter_map(string_literal)
            .map(str::to_owned)
            .collect(),
    )
}

/// The text between the braces of the object literal that starts `text[at..]` (after blanks), if one does.
pub fn js_object_after(text: &str, at: usize) -> Option<&str> {
    bracketed_at(text, at, '{', '}')
}

/// The text of a value that is one string literal and nothing else (`'fr'`), without its quotes.
pub fn string_literal(value: &str) -> Option<&str> {
    let quote = value
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let body = value[1..].strip_suffix(quote)?;
    (!body.contains(quote)).then_some(body)
}

/// The offset of the bracket closing the one at `open`, skipping strings.
fn matching(text: &str, open: usize, left: char, right: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (offset, c) in text[open..].char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            c if c == left => depth += 1,
            c if c == right => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + offset);
                }
            }
            _ => {}
        }
    }
    None
}

/// The top-level entries of an object literal's body: (key, value text). Keys may be bare or quoted.
pub fn js_entries(body: &str) -> Vec<(String, &str)> {
    js_pieces(body)
        .into_iter()
        .filter_map(|piece| {
            let (key, value) = split_key(piece)?;
            Some((key, value.trim()))
        })
        .collect()
}

/// The top-level pieces of an object literal's body, between its commas, trimmed: its entries, shorthand ones
/// (`{ defaultLocale, locales }`) and spreads included.
pub fn js_pieces(body: &str) -> Vec<&str> {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut start = 0;
    let mut pieces = Vec::new();
    for (offset, c) in body.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth -= 1,
            ',' if depth == 0 => {
                pieces.push(body[start..offset].trim());
                start = offset + 1;
            }
            _ => {}
        }
    }
    pieces.push(body[start..].trim());
    pieces
}

fn split_key(piece: &str) -> Option<(String, &str)> {
    if let Some(q) = piece.chars().next().filter(|c| matches!(c, '\'' | '"')) {
        let end = piece[1..].find(q)? + 1;
        let key = piece[1..end].to_owned();
        let rest = piece[end + 1..].trim_start().strip_prefix(':')?;
        return Some((key, rest));
    }
    let (key, rest) = piece.split_once(':')?;
    let key = key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    {
        return None;
    }
    Some((key.to_owned(), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_a_name_is_imported_from() {
        let text = "import { defineConfig } from 'astro/config';\nimport { sidebar, locales } from \"./config/i18n.mjs\";\nimport other from '../other.js';\n";
        assert_eq!(
            js_import_path(text, "locales").as_deref(),
            Some("./config/i18n.mjs")
        );
        assert_eq!(
            js_import_path(text, "other").as_deref(),
            Some("../other.js")
        );
        // A package is not the site's, and a renamed import binds another name.
        assert_eq!(js_import_path(text, "defineConfig"), None);
        assert_eq!(
            js_import_path("import { locales as langs } from './l.mjs';", "locales"),
            None
        );
        assert_eq!(
            js_import_path("const reimport = 1; locales", "locales"),
            None
        );
    }

    #[test]
    fn object_entries_with_quoted_keys_and_nested_values() {
        let text = "export const locales = {\n  root: { label: 'English', lang: 'en' },\n  'zh-cn': { label: 'x, y', lang: 'zh-CN' },\n};";
        let body = js_object(text, "locales").unwrap();
        let entries = js_entries(body);
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["root", "zh-cn"]);
        assert_eq!(js_string(entries[1].1, "lang").as_deref(), Some("zh-CN"));
    }

    #[test]
    fn strings_from_expressions_and_not_from_comments() {
        let text = strip_js_comments(
            "// site: 'https://old.example'\nconst site = PREVIEW || 'https://new.example/';\n",
        );
        assert_eq!(
            js_string(&text, "site").as_deref(),
            Some("https://new.example/")
        );
        assert_eq!(js_string("base_site: 'x'", "site"), None);
    }
}
