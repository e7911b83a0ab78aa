//! Pure: scores candidate pairings of unpaired pages from evidence that survives translation — dates, images and
//! other resources, link targets, code, numbers, heading structure, shortcodes, the numbers in file names, names of
//! people and products, front-matter values that are identical or equal but for a language marker, and the places of
//! the pages in folders already paired — and proposes one-to-one pairs, best first.
//!
//! Each kind of evidence gives a similarity in [0, 1] when at least one of the two pages has some of it; the score is
//! the weighted mean of those similarities, lowered when little evidence was available (two short pages that share
//! their only heading are not a 0.9 match).

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::markdown::frontmatter;
use crate::markdown::yaml::{Node, NodeKind};

/// What one page offers as evidence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// `YYYY-MM-DD` dates from the front matter (`date`, `publishDate`…) and the file name.
    pub dates: BTreeSet<String>,
    /// Numbers in the file name (`1-design-with-users.md` → 1) and the ordering keys (`weight`, `sidebar_position`).
    pub file_numbers: BTreeSet<String>,
    /// File names of images and other resources (lowercase), from the body and the front matter.
    pub resources: BTreeSet<String>,
    /// Link targets, with language segments (`/fr/`) made neutral.
    pub links: BTreeMap<String, usize>,
    /// Fenced code blocks, trimmed.
    pub code_blocks: BTreeMap<String, usize>,
    /// Inline code spans.
    pub inline_code: BTreeMap<String, usize>,
    /// Numbers in the text (outside code and links).
    pub numbers: BTreeMap<String, usize>,
    /// Heading levels in order.
    pub headings: Vec<u8>,
    /// Shortcodes and template tags: Hugo `{{< name >}}`, Liquid `{% include name %}`, MDX `<Component>`.
    pub shortcodes: BTreeMap<String, usize>,
    /// Capitalised words inside sentences and acronyms: names of people, products, organisations.
    pub names: BTreeMap<String, usize>,
    /// Markup that carries no language: HTML `class` and `id` values, kramdown `{: .class}` attributes.
    pub markup: BTreeMap<String, usize>,
    /// Non-trivial front-matter values, `key=value` (`github=https://github.com/org/ds/tree/main/alert`); list items
    /// under their list's key, nested keys dotted.
    pub front_values: BTreeSet<String>,
    /// Word stems (first five letters, accents folded) of the file name and the title: cognates survive translation
    /// (`portability` ⇄ `portabilité`, `monolithic-apps` ⇄ `applications-monolithiques`).
    pub cognates: BTreeMap<String, usize>,
    /// Front-matter values that carry the page's language as a marker (`alertEN`, `alert-fr`, `en_alert`), by the
    /// value without it, `key~stem` (`tags~alert`) → the value as written.
    pub twins: BTreeMap<String, String>,
}

/// Collects the evidence of a page in language `lang` from its path and text.
pub fn evidence(path: &str, text: &str, lang: &str) -> Evidence {
    let mut ev = Evidence::default();
    let file_name = path.rsplit('/').next().unwrap_or(path);
    for date in dates_in(path) {
        ev.dates.insert(date);
    }
    if let Some(number) = leading_number(file_name) {
        ev.file_numbers.insert(number);
    }
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem);
    if !matches!(stem, "index" | "_index" | "README") {
        cognate_stems(stem, &mut ev.cognates);
    }
    let (body, tree) = match frontmatter::parse(text) {
        Ok(fm) => (&text[fm.split.body..], fm.tree),
        Err(_) => (text, None),
    };
    if let Some(tree) = &tree {
        for key in ["date", "publishDate", "pubDate", "published", "created"] {
            if let Some(value) = tree.get(key).and_then(Node::as_scalar) {
                ev.dates.extend(dates_in(value));
            }
        }
        for key in ["weight", "sidebar_position", "nav_order", "order"] {
            if let Some(value) = tree.get(key).and_then(Node::as_scalar)
                && value.chars().all(|c| c.is_ascii_digit() || c == '-')
                && !value.is_empty()
            {
                ev.file_numbers.insert(format!("{key}={value}"));
            }
        }
        collect_resources(tree, &mut ev.resources);
        if let Some(title) = tree.get("title").and_then(Node::as_scalar) {
            cognate_stems(title, &mut ev.cognates);
        }
        let values = front_values_of(tree, lang);
        ev.front_values = values.values;
        ev.twins = values.twins;
    }
    scan_body(&compact_template_expressions(body), &mut ev);
    ev
}

/// The front-matter values of a page that can pair it: see [`Evidence::front_values`] and [`Evidence::twins`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontValues {
    pub values: BTreeSet<String>,
    pub twins: BTreeMap<String, String>,
}

impl FrontValues {
    /// The keys under which [`SiteFacts::value_pages`] counts the page: `key=value` and `key~stem`.
    pub fn count_keys(&self) -> impl Iterator<Item = &String> {
        self.values.iter().chain(self.twins.keys())
    }
}

/// The front-matter values of a page in language `lang`, from its text; empty without front matter.
pub fn front_values(text: &str, lang: &str) -> FrontValues {
    match frontmatter::parse(text) {
        Ok(fm) => fm
            .tree
            .map(|tree| front_values_of(&tree, lang))
            .unwrap_or_default(),
        Err(_) => FrontValues::default(),
    }
}

/// Keys whose values other kinds of evidence already read (dates, ordering numbers).
const KEYS_READ_ELSEWHERE: &[&str] = &[
    "date",
    "publishDate",
    "pubDate",
    "published",
    "created",
    "weight",
    "sidebar_position",
    "nav_order",
    "order",
];

fn front_values_of(tree: &Node, lang: &str) -> FrontValues {
    let mut out = FrontValues::default();
    let NodeKind::Map(entries) = &tree.kind else {
        return out;
    };
    for (key, node) in entries {
        if !KEYS_READ_ELSEWHERE.contains(&key.as_str()) {
            collect_front_values(key, node, lang, &mut out);
        }
    }
    out
}

fn collect_front_values(key: &str, node: &Node, lang: &str, out: &mut FrontValues) {
    match &node.kind {
        NodeKind::Scalar(text) => {
            let value = text.trim();
            if is_non_trivial(value) {
                out.values.insert(format!("{key}={value}"));
            }
            if let Some(stem) = without_language_marker(value, lang) {
                out.twins
                    .entry(format!("{key}~{}", stem.to_lowercase()))
                    .or_insert_with(|| value.to_owned());
            }
        }
        NodeKind::Seq(items) => items
            .iter()
            .for_each(|item| collect_front_values(key, item, lang, out)),
        NodeKind::Map(entries) => entries.iter().for_each(|(k, item)| {
            collect_front_values(&format!("{key}.{k}"), item, lang, out);
        }),
        NodeKind::Null => {}
    }
}

/// A value that may name one page: not a flag, not a small number, not a word of three letters.
fn is_non_trivial(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if value.chars().count() < 4
        || ["true", "false", "yes", "no", "null", "none", "~"].contains(&lower.as_str())
    {
        return false;
    }
    let digits_only = value
        .chars()
        .all(|c| c.is_ascii_digit() || ".,-".contains(c));
    !(digits_only && value.chars().filter(char::is_ascii_digit).count() < 5)
}

/// Looks like an identifier rather than words: a URL, or one token of letters and digits (`4f2a9c`, `AbC123xyz`).
fn is_identifier(value: &str) -> bool {
    let count = |f: fn(&char) -> bool| value.chars().filter(f).count();
    value.contains("://")
        || (value.len() >= 6
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && count(char::is_ascii_digit) >= 2
            && count(char::is_ascii_alphabetic) >= 2)
}

/// The markers of a language in values: `fr`; `pt-br`, `ptbr`, `pt_br` and `pt` for `pt-br`.
fn language_markers(lang: &str) -> Vec<String> {
    let lang = lang.to_ascii_lowercase();
    let mut markers = vec![lang.clone()];
    if let Some((primary, _)) = lang.split_once(['-', '_']) {
        markers.push(lang.replace(['-', '_'], ""));
        markers.push(lang.replace('-', "_"));
        markers.push(lang.replace('_', "-"));
        markers.push(primary.to_owned());
    }
    markers.dedup();
    markers
}

/// The value without its language marker, when it has one as a suffix or prefix, in any case, with or without `-`
/// or `_`: `alertEN`, `alert-en`, `alert_en`, `EN-alert` → `alert` (for `en`). `None` when the rest is not a word of
/// two letters or more.
fn without_language_marker(value: &str, lang: &str) -> Option<String> {
    if value.is_empty() || value.contains(char::is_whitespace) || lang.is_empty() {
        return None;
    }
    let lower = value.to_ascii_lowercase();
    let keep = |stem: &str| {
        let stem = stem.trim_matches(['-', '_', '.']);
        (stem.chars().count() >= 2 && stem.chars().any(char::is_alphabetic))
            .then(|| stem.to_owned())
    };
    for marker in language_markers(lang) {
        if lower.len() <= marker.len() {
            continue;
        }
        if lower.ends_with(&marker) && value.is_char_boundary(value.len() - marker.len()) {
            let stem = &value[..value.len() - marker.len()];
            if let Some(stem) = keep(stem) {
                return Some(stem);
            }
        }
        if lower.starts_with(&marker) && value.is_char_boundary(marker.len()) {
            let stem = &value[marker.len()..];
            // `enable` is not `able` in English: a prefix marker needs a separator or a change of case.
            let next = stem.chars().next().unwrap_or(' ');
            let marked = ['-', '_'].contains(&next)
                || (next.is_uppercase()
                    != value
                        .chars()
                        .nth(marker.len() - 1)
                        .is_some_and(char::is_uppercase));
            if marked && let Some(stem) = keep(stem) {
                return Some(stem);
            }
        }
    }
    None
}

/// `{{ site.baseurl }}/x` → `{{site.baseurl}}/x`: template expressions lose their spaces so that a link whose target
/// starts with one is still read as a link. Hugo shortcodes (`{{<`, `{{%`) are left alone.
fn compact_template_expressions(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        if after.starts_with(['<', '%']) {
            out.push_str("{{");
            rest = after;
            continue;
        }
        match after.find("}}") {
            Some(end) if !after[..end].contains('\n') => {
                out.push_str("{{");
                out.extend(after[..end].chars().filter(|c| !c.is_whitespace()));
                out.push_str("}}");
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Dates written `YYYY-MM-DD` or `YYYY/MM/DD` in a text.
fn dates_in(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    for i in 0..bytes.len() {
        if i > 0 && bytes[i - 1].is_ascii_digit() {
            continue;
        }
        if digits(i..i + 4)
            && matches!(bytes.get(i + 4), Some(b'-' | b'/'))
            && digits(i + 5..i + 7)
            && bytes.get(i + 7) == bytes.get(i + 4)
            && digits(i + 8..i + 10)
            && !bytes.get(i + 10).is_some_and(u8::is_ascii_digit)
        {
            let year = &text[i..i + 4];
            if ("1990".."2100").contains(&year) {
                out.push(format!(
                    "{}-{}-{}",
                    year,
                    &text[i + 5..i + 7],
                    &text[i + 8..i + 10]
                ));
            }
        }
    }
    out
}

/// The number a file name starts with (`10-collaborate-widely.md` → `10`), not a date.
fn leading_number(file_name: &str) -> Option<String> {
    let digits: String = file_name.chars().take_while(char::is_ascii_digit).collect();
    let next = file_name[digits.len()..].chars().next();
    (!digits.is_empty() && digits.len() <= 3 && matches!(next, Some('-' | '_' | '.' | ' ')))
        .then_some(digits)
}

const RESOURCE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "pdf", "mp4", "webm", "mp3",
    "ogg", "wav", "zip", "csv", "json", "xlsx", "pptx", "docx",
];

/// The file name of a resource reference, lowercase, when it has a resource extension.
fn resource_name(reference: &str) -> Option<String> {
    let clean = reference
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['"', '\'']);
    let name = clean.rsplit('/').next().unwrap_or(clean);
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    RESOURCE_EXTENSIONS
        .contains(&ext.as_str())
        .then(|| name.to_ascii_lowercase())
}

fn resource_is_image(name: &str) -> bool {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    [
        "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico",
    ]
    .contains(&ext)
}

fn collect_resources(node: &Node, out: &mut BTreeSet<String>) {
    match &node.kind {
        NodeKind::Scalar(text) => {
            if let Some(name) = resource_name(text) {
                out.insert(name);
            }
        }
        NodeKind::Seq(items) => items.iter().for_each(|n| collect_resources(n, out)),
        NodeKind::Map(entries) => entries.iter().for_each(|(_, n)| collect_resources(n, out)),
        NodeKind::Null => {}
    }
}

/// A link target with its language made neutral: the language segment that starts the path is dropped, so that
/// `https://site.org/fr/docs/x/` and `https://site.org/en/docs/x` both give `site.org/docs/x`, and `/fr/nodes/` (a
/// translation linking inside its own language) matches the source's `/nodes/`.
fn neutral_link(target: &str) -> Option<String> {
    let target = target.trim().trim_matches(['"', '\'', '<', '>']);
    if target.is_empty() || target.starts_with('#') || target.starts_with("mailto:") {
        return None;
    }
    let with_host = target.contains("://");
    let without_scheme = target
        .split_once("://")
        .map_or(target, |(_, rest)| rest)
        .trim_start_matches("www.");
    let without_fragment = without_scheme.split('#').next().unwrap_or("");
    let mut parts: Vec<String> = without_fragment
        .trim_end_matches('/')
        .split('/')
        .map(str::to_ascii_lowercase)
        .collect();
    // The first path segment: after the host, or after the leading `/` of a root-relative link.
    let first = usize::from(with_host || parts.first().is_some_and(|p| p.is_empty()));
    if parts
        .get(first)
        .is_some_and(|part| crate::pairing::layout::is_language_tag(part) && part.len() <= 5)
        && parts.len() > first + 1
    {
        parts.remove(first);
    }
    let link = parts.join("/");
    let link = link.trim_start_matches('/').to_owned();
    (!link.is_empty()).then_some(link)
}

fn bump(map: &mut BTreeMap<String, usize>, key: String) {
    *map.entry(key).or_default() += 1;
}

/// Reads the body with the shared Markdown parser; HTML and template syntax are scanned as text.
fn scan_body(body: &str, ev: &mut Evidence) {
    let mut in_code_block = false;
    let mut code = String::new();
    let mut text_runs: Vec<String> = Vec::new();
    for event in Parser::new_ext(body, crate::markdown::parser_options()) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                code.clear();
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                let trimmed = code.trim();
                if !trimmed.is_empty() {
                    bump(&mut ev.code_blocks, trimmed.to_owned());
                }
            }
            Event::Start(Tag::Heading { level, .. }) => ev.headings.push(level as u8),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(name) = resource_name(&dest_url) {
                    ev.resources.insert(name);
                } else if let Some(link) = neutral_link(&dest_url) {
                    bump(&mut ev.links, link);
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(name) = resource_name(&dest_url) {
                    ev.resources.insert(name);
                }
            }
            Event::Code(text) => bump(&mut ev.inline_code, text.trim().to_owned()),
            Event::Text(text) if in_code_block => code.push_str(&text),
            Event::Text(text) => text_runs.push(text.to_string()),
            Event::Html(html) | Event::InlineHtml(html) => scan_html(&html, ev, &mut text_runs),
            _ => {}
        }
    }
    scan_templates(body, ev);
    for run in &text_runs {
        scan_text(run, ev);
    }
}

/// Headings, links, images and text inside raw HTML.
fn scan_html(html: &str, ev: &mut Evidence, text_runs: &mut Vec<String>) {
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while let Some(open) = lower[i..].find('<') {
        let start = i + open;
        let Some(close) = lower[start..].find('>') else {
            break;
        };
        let end = start + close;
        let tag = &html[start + 1..end];
        let tag_lower = &lower[start + 1..end];
        if let Some(level) = tag_lower
            .strip_prefix('h')
            .and_then(|rest| rest.chars().next())
            .and_then(|c| c.to_digit(10))
            .filter(|d| (1..=6).contains(d))
            && tag_lower[2..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            ev.headings.push(level as u8);
        }
        for attribute in ["href=", "src="] {
            let mut from = 0;
            while let Some(at) = tag_lower[from..].find(attribute) {
                let value_start = from + at + attribute.len();
                let rest = &tag[value_start..];
                let value = match rest.chars().next() {
                    Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                    _ => rest.split(char::is_whitespace).next().unwrap_or(""),
                };
                if let Some(name) = resource_name(value) {
                    ev.resources.insert(name);
                } else if attribute == "href="
                    && let Some(link) = neutral_link(value)
                {
                    bump(&mut ev.links, link);
                }
                from = value_start;
            }
        }
        // The text between this tag and the next.
        let next = lower[end..].find('<').map_or(html.len(), |n| end + n);
        let between = &html[end + 1..next.max(end + 1)];
        if !between.trim().is_empty() {
            text_runs.push(between.to_owned());
        }
        i = end + 1;
    }
}

/// Hugo shortcodes, Liquid tags and MDX components, by name; class and id values of HTML and kramdown attributes.
fn scan_templates(body: &str, ev: &mut Evidence) {
    for attribute in ["class=\"", "id=\""] {
        let mut from = 0;
        while let Some(at) = body[from..].find(attribute) {
            let start = from + at + attribute.len();
            let Some(end) = body[start..].find('"') else {
                break;
            };
            for name in body[start..start + end].split_whitespace() {
                bump(&mut ev.markup, name.to_owned());
            }
            from = start + end;
        }
    }
    let mut from = 0;
    while let Some(at) = body[from..].find("{:") {
        let start = from + at + 2;
        let Some(end) = body[start..].find('}') else {
            break;
        };
        for name in body[start..start + end].split_whitespace() {
            if let Some(class) = name.strip_prefix('.').or_else(|| name.strip_prefix('#')) {
                bump(&mut ev.markup, class.to_owned());
            }
        }
        from = start + end;
    }
    for (open, close) in [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}")] {
        let mut from = 0;
        while let Some(at) = body[from..].find(open) {
            let start = from + at + open.len();
            let Some(end) = body[start..].find(close) else {
                break;
            };
            let inner = body[start..start + end]
                .trim()
                .trim_start_matches('/')
                .trim();
            let mut words = inner.split_whitespace();
            if let Some(name) = words.next() {
                // Liquid's `include x.html` names the template; the rest are arguments.
                let name = match (name, words.next()) {
                    ("include" | "include_relative" | "render", Some(file)) => {
                        format!("{name} {file}")
                    }
                    _ => name.to_owned(),
                };
                bump(&mut ev.shortcodes, name);
            }
            from = start + end + close.len();
        }
    }
}

/// The stems of the words of a title or a file name: lowercase, accents folded, words of four letters or more cut
/// to five.
fn cognate_stems(text: &str, out: &mut BTreeMap<String, usize>) {
    let folded: String = text
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'í' | 'Î' => 'i',
            'ô' | 'ö' | 'ó' | 'õ' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' => 'n',
            other => other.to_ascii_lowercase(),
        })
        .collect();
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() >= 4 && !word.chars().all(|c| c.is_ascii_digit()) {
            bump(out, word.chars().take(5).collect());
        }
    }
}

/// Numbers and names in running text.
fn scan_text(text: &str, ev: &mut Evidence) {
    let mut previous_ends_sentence = true;
    for raw in text.split(|c: char| c.is_whitespace()) {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        let digits: String = word.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() && word.chars().all(|c| c.is_ascii_digit() || ",.".contains(c)) {
            bump(&mut ev.numbers, word.replace([',', '.'], ""));
        } else if word.chars().count() >= 3 {
            let mut chars = word.chars();
            let first = chars.next().unwrap_or(' ');
            let rest_upper = word.chars().skip(1).any(|c| c.is_uppercase());
            let all_upper = word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
            if all_upper || (first.is_uppercase() && (!previous_ends_sentence || rest_upper)) {
                bump(&mut ev.names, word.to_owned());
            }
        }
        previous_ends_sentence = raw.ends_with(['.', '!', '?', ':']);
    }
}

/// How much each kind of evidence counts.
const WEIGHTS: Weights = Weights {
    dates: 3.0,
    file_numbers: 2.5,
    resources: 3.0,
    links: 3.0,
    code_blocks: 2.5,
    inline_code: 1.0,
    numbers: 2.0,
    headings: 1.5,
    shortcodes: 1.5,
    names: 2.0,
    cognates: 2.0,
    markup: 1.5,
    front_value: 3.5,
    front_values_max: 6.0,
    twin: 3.0,
    twins_max: 4.5,
    sibling: 4.0,
};

struct Weights {
    dates: f64,
    file_numbers: f64,
    resources: f64,
    links: f64,
    code_blocks: f64,
    inline_code: f64,
    numbers: f64,
    headings: f64,
    shortcodes: f64,
    names: f64,
    cognates: f64,
    markup: f64,
    /// Per identical front-matter value, times its rarity; the sum is capped at `front_values_max`.
    front_value: f64,
    front_values_max: f64,
    /// Per pair of language-marked twins, times its rarity; the sum is capped at `twins_max`.
    twin: f64,
    twins_max: f64,
    sibling: f64,
}

/// A value carried by more pages than this (of the source language and the target language) does not count.
const MAX_VALUE_PAGES: usize = 4;

/// What the site knows beyond the unpaired pages, for one target language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteFacts {
    /// How many pages of the source language and the target language carry each front-matter value (`key=value`)
    /// and each value without its language marker (`key~stem`): see [`FrontValues::count_keys`]. A value missing
    /// here counts as carried by two pages.
    pub value_pages: BTreeMap<String, usize>,
    /// The pairs already made in the target language (by any rule): (source path, translation path).
    pub paired: Vec<(String, String)>,
}

impl SiteFacts {
    /// 1 for a value only two pages carry, 2 ÷ pages otherwise; `None` when too many pages carry it.
    fn rarity(&self, count_key: &str) -> Option<f64> {
        let pages = self.value_pages.get(count_key).copied().unwrap_or(2).max(2);
        (pages <= MAX_VALUE_PAGES).then(|| 2.0 / pages as f64)
    }
}

/// Where a source page and a translation stand in two folders whose other pages are paired with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sibling {
    /// Same file name (`base.md` ⇄ `base.md`).
    SameName,
    /// The only page left unpaired on each side.
    LastLeft,
}

/// Below this much weight of evidence, scores are scaled down in proportion.
const FULL_EVIDENCE: f64 = 6.0;

/// One piece of evidence for a suggestion, language-neutral: `date:2019-09-12`, `links:9/10`.
pub type EvidenceNote = String;

/// A pairing that tandem proposes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub source: String,
    pub translation: String,
    /// 0 to 1, two decimals.
    pub score: f64,
    pub evidence: Vec<EvidenceNote>,
}

/// Scores one candidate pair; the notes say what matched.
pub fn score(source: &Evidence, translation: &Evidence) -> (f64, Vec<EvidenceNote>) {
    score_in(source, translation, &SiteFacts::default(), None)
}

/// Scores one candidate pair with what the site knows: how rare front-matter values are, and where the pages sit.
pub fn score_in(
    source: &Evidence,
    translation: &Evidence,
    facts: &SiteFacts,
    sibling: Option<Sibling>,
) -> (f64, Vec<EvidenceNote>) {
    let mut total = 0.0;
    let mut weight = 0.0;
    let mut notes = Vec::new();
    let mut add = |w: f64, similarity: Option<f64>| {
        if let Some(s) = similarity {
            total += w * s;
            weight += w;
        }
    };

    // Exact kinds: present on both sides, they agree or they do not.
    if !source.dates.is_empty() && !translation.dates.is_empty() {
        let shared: Vec<&String> = source.dates.intersection(&translation.dates).collect();
        add(
            WEIGHTS.dates,
            Some(if shared.is_empty() { 0.0 } else { 1.0 }),
        );
        notes.extend(shared.iter().map(|d| format!("date:{d}")));
    }
    if !source.file_numbers.is_empty() && !translation.file_numbers.is_empty() {
        let shared: Vec<&String> = source
            .file_numbers
            .intersection(&translation.file_numbers)
            .collect();
        let s = shared.len() as f64
            / source
                .file_numbers
                .len()
                .max(translation.file_numbers.len()) as f64;
        add(WEIGHTS.file_numbers, Some(s));
        notes.extend(
            shared
                .iter()
                .filter(|n| !n.contains('='))
                .map(|n| format!("file-number:{n}")),
        );
    } else if source.file_numbers.len() + translation.file_numbers.len() > 0 {
        // One page numbered, the other not.
        add(WEIGHTS.file_numbers * 0.5, Some(0.0));
    }
    let set_similarity = |a: &BTreeSet<String>, b: &BTreeSet<String>| {
        if a.is_empty() && b.is_empty() {
            return None;
        }
        let shared = a.intersection(b).count();
        Some((
            shared,
            a.len().max(b.len()),
            shared as f64 / a.union(b).count() as f64,
        ))
    };
    if let Some((shared, of, s)) = set_similarity(&source.resources, &translation.resources) {
        add(WEIGHTS.resources, Some(s));
        if shared > 0 {
            if shared == 1 {
                let name = source
                    .resources
                    .intersection(&translation.resources)
                    .next()
                    .expect("one shared");
                let kind = if resource_is_image(name) {
                    "image"
                } else {
                    "file"
                };
                notes.push(format!("{kind}:{name}"));
            } else {
                notes.push(format!("resources:{shared}/{of}"));
            }
        }
    }
    let mut bag = |label: &str,
                   w: f64,
                   a: &BTreeMap<String, usize>,
                   b: &BTreeMap<String, usize>,
                   notes: &mut Vec<EvidenceNote>| {
        if let Some((shared, of, s)) = bag_similarity(a, b) {
            add(w, Some(s));
            if shared > 0 {
                notes.push(format!("{label}:{shared}/{of}"));
            }
        }
    };
    bag(
        "links",
        WEIGHTS.links,
        &source.links,
        &translation.links,
        &mut notes,
    );
    bag(
        "code-blocks",
        WEIGHTS.code_blocks,
        &source.code_blocks,
        &translation.code_blocks,
        &mut notes,
    );
    bag(
        "inline-code",
        WEIGHTS.inline_code,
        &source.inline_code,
        &translation.inline_code,
        &mut notes,
    );
    bag(
        "numbers",
        WEIGHTS.numbers,
        &source.numbers,
        &translation.numbers,
        &mut notes,
    );
    bag(
        "shortcodes",
        WEIGHTS.shortcodes,
        &source.shortcodes,
        &translation.shortcodes,
        &mut notes,
    );
    bag(
        "names",
        WEIGHTS.names,
        &source.names,
        &translation.names,
        &mut notes,
    );
    bag(
        "markup",
        WEIGHTS.markup,
        &source.markup,
        &translation.markup,
        &mut notes,
    );
    // Cognates count only when some are shared: a translated name is no evidence against a pair.
    if let Some((shared, of, s)) = bag_similarity(&source.cognates, &translation.cognates)
        && shared > 0
    {
        add(WEIGHTS.cognates, Some(s));
        notes.push(format!("cognates:{shared}/{of}"));
    }
    if !source.headings.is_empty() || !translation.headings.is_empty() {
        let s = sequence_similarity(&source.headings, &translation.headings);
        add(WEIGHTS.headings, Some(s));
        if source.headings == translation.headings {
            notes.push(format!("headings:{}", source.headings.len()));
        }
    }

    // Identical front-matter values, by rarity: positive evidence only, except for identifiers (URLs, ids) that
    // differ under the same key, which speak against.
    let mut front = 0.0;
    let mut front_keys: BTreeSet<&str> = BTreeSet::new();
    for value in source.front_values.intersection(&translation.front_values) {
        if let Some(rarity) = facts.rarity(value) {
            let key = value.split_once('=').map_or(value.as_str(), |(k, _)| k);
            front += WEIGHTS.front_value * rarity;
            if front_keys.insert(key) {
                notes.push(format!("front-matter:{key}"));
            }
        }
    }
    if front > 0.0 {
        add(front.min(WEIGHTS.front_values_max), Some(1.0));
    }
    let identifiers = |ev: &Evidence| -> BTreeSet<String> {
        ev.front_values
            .iter()
            .filter_map(|v| v.split_once('='))
            .filter(|(_, v)| is_identifier(v))
            .map(|(k, _)| k.to_owned())
            .collect()
    };
    let differing = identifiers(source)
        .intersection(&identifiers(translation))
        .filter(|key| !front_keys.contains(key.as_str()))
        .count();
    if differing > 0 {
        add(
            WEIGHTS.front_value * differing.min(2) as f64 * 0.5,
            Some(0.0),
        );
    }

    // Twins: values equal but for each page's language marker.
    let mut twins = 0.0;
    for (stem, value) in &source.twins {
        if let Some(other) = translation.twins.get(stem)
            && let Some(rarity) = facts.rarity(stem)
        {
            twins += WEIGHTS.twin * rarity;
            let key = stem.split_once('~').map_or(stem.as_str(), |(k, _)| k);
            notes.push(format!("twin:{key}={value},{other}"));
        }
    }
    if twins > 0.0 {
        add(twins.min(WEIGHTS.twins_max), Some(1.0));
    }

    // The last pages left in their folders are a pair only if something of theirs agrees: a page deleted in one
    // language beside another added in the other ("Legacy plugins", "Quick start") are the last left too, and the
    // place alone proposed them at 0.52.
    // Something of their own in common, said in a note: not the shape every page has (paragraphs, a heading).
    let agreed = notes
        .iter()
        .any(|n| !n.starts_with("markup:") && !n.starts_with("heading"));
    if let Some(sibling) = sibling.filter(|s| *s == Sibling::SameName || agreed) {
        add(WEIGHTS.sibling, Some(1.0));
        notes.push(
            match sibling {
                Sibling::SameName => "sibling:same-name",
                Sibling::LastLeft => "sibling:last-left",
            }
            .to_owned(),
        );
    }

    if weight == 0.0 {
        return (0.0, notes);
    }
    let mean = total / weight;
    let confidence = (weight / FULL_EVIDENCE).min(1.0);
    ((mean * confidence * 100.0).round() / 100.0, notes)
}

/// (shared count, larger count, weighted Jaccard) of two multisets; `None` when both are empty.
fn bag_similarity(
    a: &BTreeMap<String, usize>,
    b: &BTreeMap<String, usize>,
) -> Option<(usize, usize, f64)> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let (mut min, mut max) = (0usize, 0usize);
    for key in keys {
        let (x, y) = (
            a.get(key).copied().unwrap_or(0),
            b.get(key).copied().unwrap_or(0),
        );
        min += x.min(y);
        max += x.max(y);
    }
    let (count_a, count_b): (usize, usize) = (a.values().sum(), b.values().sum());
    Some((min, count_a.max(count_b), min as f64 / max as f64))
}

/// 1 − edit distance ÷ the longer length.
fn sequence_similarity(a: &[u8], b: &[u8]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, y) in b.iter().enumerate() {
            let cost = usize::from(x != y);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    1.0 - previous[b.len()] as f64 / longer as f64
}

/// Proposes one-to-one pairs between `sources` and `translations` (path, evidence), best scores first, each page in
/// one suggestion at most, scores at or above `min_score`. `facts` tells how rare front-matter values are and which
/// pages are paired already: pages left in two folders whose other pages are paired with each other are siblings.
pub fn suggest(
    sources: &[(String, Evidence)],
    translations: &[(String, Evidence)],
    facts: &SiteFacts,
    min_score: f64,
) -> Vec<Suggestion> {
    let mut candidates: Vec<Suggestion> = Vec::new();
    for (source, source_ev) in sources {
        for (translation, translation_ev) in translations {
            let (s, evidence) = score_in(source_ev, translation_ev, facts, None);
            if s > 0.0 {
                candidates.push(Suggestion {
                    source: source.clone(),
                    translation: translation.clone(),
                    score: s,
                    evidence,
                });
            }
        }
    }
    // Siblings: pages left over in the folders that the pairs already made pair with each other.
    let siblings = siblings(sources, translations, facts);
    if !siblings.is_empty() {
        candidates.retain(|c| !siblings.contains_key(&(c.source.as_str(), c.translation.as_str())));
        for (source, source_ev) in sources {
            for (translation, translation_ev) in translations {
                if let Some(&sibling) = siblings.get(&(source.as_str(), translation.as_str())) {
                    let (s, evidence) = score_in(source_ev, translation_ev, facts, Some(sibling));
                    candidates.push(Suggestion {
                        source: source.clone(),
                        translation: translation.clone(),
                        score: s,
                        evidence,
                    });
                }
            }
        }
    }
    choose(boosted(candidates), min_score)
}

/// The folder of a path (`src/en/components/alert.md` → `src/en/components`) and its file name.
fn folder_and_name(path: &str) -> (&str, &str) {
    path.rsplit_once('/').unwrap_or(("", path))
}

/// The candidates that are siblings: a source page and a translation in two folders whose pages already paired are
/// paired with each other — each folder's partner the one it shares the most pairs with — and that have the same
/// file name, or are the only pages of their folders left over once those are taken.
fn siblings<'a>(
    sources: &'a [(String, Evidence)],
    translations: &'a [(String, Evidence)],
    facts: &SiteFacts,
) -> BTreeMap<(&'a str, &'a str), Sibling> {
    let mut links: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (source, translation) in &facts.paired {
        *links
            .entry((folder_and_name(source).0, folder_and_name(translation).0))
            .or_default() += 1;
    }
    let mut best_of_source: BTreeMap<&str, usize> = BTreeMap::new();
    let mut best_of_translation: BTreeMap<&str, usize> = BTreeMap::new();
    for (&(s, t), &n) in &links {
        let best = best_of_source.entry(s).or_default();
        *best = (*best).max(n);
        let best = best_of_translation.entry(t).or_default();
        *best = (*best).max(n);
    }
    let linked = |s: &str, t: &str| {
        links.get(&(s, t)).is_some_and(|&n| {
            best_of_source.get(s) == Some(&n) && best_of_translation.get(t) == Some(&n)
        })
    };
    let mut out = BTreeMap::new();
    // Same file names first; what is left over in each folder afterwards.
    let mut left_sources: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut left_translations: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (source, _) in sources {
        let (folder, name) = folder_and_name(source);
        let twin = translations.iter().find(|(t, _)| {
            let (t_folder, t_name) = folder_and_name(t);
            t_name == name && linked(folder, t_folder)
        });
        if let Some((translation, _)) = twin {
            out.insert((source.as_str(), translation.as_str()), Sibling::SameName);
        } else {
            left_sources.entry(folder).or_default().push(source);
        }
    }
    for (translation, _) in translations {
        let taken = out.keys().any(|(_, t)| t == translation);
        if !taken {
            left_translations
                .entry(folder_and_name(translation).0)
                .or_default()
                .push(translation);
        }
    }
    for (folder, left) in &left_sources {
        for (t_folder, t_left) in &left_translations {
            if let ([source], [translation]) = (left.as_slice(), t_left.as_slice())
                && linked(folder, t_folder)
            {
                out.insert((*source, *translation), Sibling::LastLeft);
            }
        }
    }
    out
}

/// Exclusivity is evidence too: a pair whose pages are each other's best match, by a margin, is surer than its
/// similarity alone says.
fn boosted(mut candidates: Vec<Suggestion>) -> Vec<Suggestion> {
    let mut best_for_source: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut best_for_translation: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for c in &candidates {
        best_for_source.entry(&c.source).or_default().push(c.score);
        best_for_translation
            .entry(&c.translation)
            .or_default()
            .push(c.score);
    }
    let runner_up = |scores: &[f64], own: f64| {
        let mut others: Vec<f64> = scores.to_vec();
        if let Some(at) = others.iter().position(|s| *s == own) {
            others.remove(at);
        }
        others.into_iter().fold(0.0, f64::max)
    };
    let boosts: Vec<f64> = candidates
        .iter()
        .map(|c| {
            let rival = runner_up(&best_for_source[c.source.as_str()], c.score).max(runner_up(
                &best_for_translation[c.translation.as_str()],
                c.score,
            ));
            let margin = c.score - rival;
            if margin > 0.0 {
                (1.0 - c.score) * margin * 0.5
            } else {
                0.0
            }
        })
        .collect();
    for (candidate, boost) in candidates.iter_mut().zip(boosts) {
        if boost > 0.0 {
            candidate.score = ((candidate.score + boost) * 100.0).round() / 100.0;
            candidate.evidence.push("best-match".to_owned());
        }
    }
    candidates
}

/// Takes the candidates best first, each page once, and keeps those at or above `min_score`.
fn choose(mut candidates: Vec<Suggestion>, min_score: f64) -> Vec<Suggestion> {
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.source.cmp(&b.source))
            .then_with(|| a.translation.cmp(&b.translation))
    });
    let mut used_sources = BTreeSet::new();
    let mut used_translations = BTreeSet::new();
    let mut chosen = Vec::new();
    for candidate in candidates {
        if used_sources.contains(&candidate.source)
            || used_translations.contains(&candidate.translation)
        {
            continue;
        }
        used_sources.insert(candidate.source.clone());
        used_translations.insert(candidate.translation.clone());
        if candidate.score >= min_score {
            chosen.push(candidate);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "---\ntitle: \"Kubernetes meetups, summer 2019\"\ndate: \"2019-09-12\"\nresources:\n- name: thumbnail\n  src: \"cover-01.jpg\"\n---\n\n<div class=\"post-content\"><p>The summer was full of talks. Ayrat Khayretdinov spoke about KubeCon, San Diego, 18 to 21 November. <a href=\"https://sched.co/UabP\">Moving from Legacy</a>.</p><h4>About Carol Trang</h4></div>\n";
    const FR: &str = "---\ntitle: \"Les meetups Kubernetes, été 2019\"\ndate: \"2019-09-12\"\nresources:\n- name: thumbnail\n  src: \"cover-01.jpg\"\n---\n\n<div class=\"post-content\"><p>L’été fut rempli de conférences. Ayrat Khayretdinov a parlé de KubeCon, San Diego, du 18 au 21 novembre. <a href=\"https://sched.co/UabP\">Moving from Legacy</a>.</p><h4>À propos de Carol Trang</h4></div>\n";
    const OTHER: &str = "---\ntitle: \"Release 1.5\"\ndate: \"2020-03-01\"\n---\n\n# Release\n\nVersion 1.5 is out with 3 fixes.\n\n```sh\nlumen upgrade\n```\n";

    #[test]
    fn a_blog_post_and_its_translation_score_high() {
        let en = evidence(
            "content/en/blog/kubernetes-meetups-summer-2019.md",
            EN,
            "en",
        );
        let fr = evidence(
            "content/fr/blog/les-meetups-kubernetes-ete-2019.md",
            FR,
            "fr",
        );
        assert!(en.dates.contains("2019-09-12"));
        assert!(en.resources.contains("cover-01.jpg"));
        assert_eq!(en.headings, vec![4]);
        let (s, notes) = score(&en, &fr);
        assert!(s >= 0.85, "{s} {notes:?}");
        assert!(notes.contains(&"date:2019-09-12".to_owned()), "{notes:?}");
        assert!(
            notes.contains(&"image:cover-01.jpg".to_owned()),
            "{notes:?}"
        );
        let other = evidence("content/en/blog/release-1-5.md", OTHER, "en");
        let (low, _) = score(&other, &fr);
        assert!(low < 0.3, "{low}");
    }

    #[test]
    fn suggestions_are_one_to_one() {
        let sources = vec![
            ("en/a.md".to_owned(), evidence("en/a.md", EN, "en")),
            ("en/b.md".to_owned(), evidence("en/b.md", OTHER, "en")),
        ];
        let translations = vec![("fr/x.md".to_owned(), evidence("fr/x.md", FR, "fr"))];
        let got = suggest(&sources, &translations, &SiteFacts::default(), 0.5);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].source.as_str(), got[0].translation.as_str()),
            ("en/a.md", "fr/x.md")
        );
    }

    #[test]
    fn file_numbers_and_dates_in_names() {
        let ev = evidence("en/10-collaborate-widely.md", "", "en");
        assert!(ev.file_numbers.contains("10"));
        let ev = evidence("blog/2019-09-12-meetups.md", "", "en");
        assert!(ev.dates.contains("2019-09-12"));
        assert!(ev.file_numbers.is_empty());
        assert_eq!(dates_in("2019/09/12 and 12019-01-01"), vec!["2019-09-12"]);
    }

    #[test]
    fn cognates_of_names_and_titles_survive_translation() {
        let en = evidence(
            "content/en/monolithic-apps.md",
            "---\ntitle: Portability\n---\nText\n",
            "en",
        );
        let fr = evidence(
            "content/fr/applications-monolithiques.md",
            "---\ntitle: Portabilité\n---\nTexte\n",
            "fr",
        );
        let shared: Vec<&String> = en
            .cognates
            .keys()
            .filter(|k| fr.cognates.contains_key(*k))
            .collect();
        assert_eq!(shared, ["monol", "porta"]);
    }

    #[test]
    fn links_lose_their_language() {
        assert_eq!(
            neutral_link("https://www.canada.ca/fr/services/x.html#top").as_deref(),
            Some("canada.ca/services/x.html")
        );
        assert_eq!(
            neutral_link("/fr/distributed-systems/"),
            neutral_link("/distributed-systems/")
        );
        assert_eq!(neutral_link("/fr/").as_deref(), Some("fr"));
        assert_eq!(neutral_link("#anchor"), None);
    }

    #[test]
    fn language_markers_come_off() {
        for (value, lang, stem) in [
            ("alertEN", "en", Some("alert")),
            ("alertFR", "fr", Some("alert")),
            ("alert-fr", "fr", Some("alert")),
            ("alert_FR", "fr", Some("alert")),
            ("FR-alert", "fr", Some("alert")),
            ("frAlert", "fr", Some("Alert")),
            ("banner-pt-br", "pt-br", Some("banner")),
            ("enable", "en", None),
            ("en", "en", None),
            ("alert", "fr", None),
            ("two words-en", "en", None),
        ] {
            assert_eq!(
                without_language_marker(value, lang).as_deref(),
                stem,
                "{value}"
            );
        }
    }

    const ALERT_EN: &str = "---\ntitle: Alert\nlayout: component\ndraft: false\ngithub: https://github.com/org/ds/tree/main/alert\ntags: ['alertEN', 'feedback']\n---\n\nAn alert tells people something.\n";
    const ALERT_FR: &str = "---\ntitle: Alerte\nlayout: component\ndraft: false\ngithub: https://github.com/org/ds/tree/main/alert\ntags: ['alertFR', 'retour']\n---\n\nUne alerte informe les gens.\n";

    #[test]
    fn identical_rare_values_and_twins_are_evidence() {
        let en = evidence("src/en/alert.md", ALERT_EN, "en");
        let fr = evidence("src/fr/alerte.md", ALERT_FR, "fr");
        assert!(
            en.front_values
                .contains("github=https://github.com/org/ds/tree/main/alert")
        );
        assert!(!en.front_values.contains("draft=false"));
        assert_eq!(
            en.twins.get("tags~alert").map(String::as_str),
            Some("alertEN")
        );
        let mut facts = SiteFacts::default();
        facts.value_pages.insert("layout=component".into(), 40);
        let (s, notes) = score_in(&en, &fr, &facts, None);
        assert!(
            notes.contains(&"front-matter:github".to_owned()),
            "{notes:?}"
        );
        assert!(
            notes.contains(&"twin:tags=alertEN,alertFR".to_owned()),
            "{notes:?}"
        );
        assert!(!notes.iter().any(|n| n.contains("layout")), "{notes:?}");
        assert!(s >= 0.8, "{s} {notes:?}");
        // The same values on many pages say nothing.
        facts.value_pages.insert(
            "github=https://github.com/org/ds/tree/main/alert".into(),
            30,
        );
        facts.value_pages.insert("tags~alert".into(), 30);
        let (_, notes) = score_in(&en, &fr, &facts, None);
        assert!(
            !notes
                .iter()
                .any(|n| n.starts_with("front-matter") || n.starts_with("twin")),
            "{notes:?}"
        );
    }

    #[test]
    fn siblings_pair_by_file_name_and_by_what_is_left() {
        let page_with = |path: &str, lang: &str, body: &str| {
            (
                path.to_owned(),
                evidence(path, &format!("---\ntitle: x\n---\n\n{body}\n"), lang),
            )
        };
        let page = |path: &str, lang: &str| page_with(path, lang, "Text.");
        // The last pages left share a number: something of their own.
        let link = "Text, 3 of them.";
        let sources = vec![
            page("en/alert/base.md", "en"),
            page_with("en/alert/use-case.md", "en", link),
            page("en/other.md", "en"),
        ];
        let translations = vec![
            page("fr/alerte/base.md", "fr"),
            page_with("fr/alerte/cas-usage.md", "fr", link),
        ];
        let facts = SiteFacts {
            paired: vec![("en/alert/index.md".into(), "fr/alerte/index.md".into())],
            ..SiteFacts::default()
        };
        let got = suggest(&sources, &translations, &facts, 0.5);
        let pairs: Vec<(&str, &str, bool)> = got
            .iter()
            .map(|s| {
                (
                    s.source.as_str(),
                    s.translation.as_str(),
                    s.evidence.iter().any(|n| n.starts_with("sibling:")),
                )
            })
            .collect();
        assert!(
            pairs.contains(&("en/alert/base.md", "fr/alerte/base.md", true)),
            "{got:?}"
        );
        assert!(
            pairs.contains(&("en/alert/use-case.md", "fr/alerte/cas-usage.md", true)),
            "{got:?}"
        );
        assert_eq!(got.len(), 2, "{got:?}");
        // Without the paired folder, nothing.
        assert!(suggest(&sources, &translations, &SiteFacts::default(), 0.5).is_empty());
        // The last pages left with nothing of their own in common (a page deleted in one language, another added
        // in the other) are no pair: the place alone proposed them.
        let translations = vec![
            page("fr/alerte/base.md", "fr"),
            page("fr/alerte/cas-usage.md", "fr"),
        ];
        let got = suggest(&sources, &translations, &facts, 0.4);
        assert!(
            got.iter().all(|s| s.source != "en/alert/use-case.md"),
            "{got:?}"
        );
    }
}
