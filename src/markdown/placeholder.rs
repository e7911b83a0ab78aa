//! The skeleton of a page to translate: its structure kept byte for byte (headings with their `{#id}` anchors, code
//! blocks, HTML blocks, Hugo shortcodes, images, link reference definitions, rules) and one marker wherever prose goes.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// What `tandem scaffold` leaves wherever a translator has work to do: in a front-matter field's comment, in the
/// body's markers below. A translation that still holds it is not translated yet.
pub const MARK: &str = "tandem: translate";

/// What goes where prose was: an HTML comment, invisible on the rendered page, easy to find (`grep -r "tandem: translate"`).
pub const MARKER: &str = "<!-- tandem: translate -->";

/// The same in an MDX page, where `<!--` is a syntax error: an expression holding a comment.
pub const MDX_MARKER: &str = "{/* tandem: translate */}";

/// A body turned into its skeleton.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skeleton {
    pub text: String,
    /// Markers written.
    pub markers: usize,
    /// Sections (the text before the first heading, then one per heading) with at least one marker.
    pub sections_to_write: usize,
}

enum Piece<'a> {
    /// Source bytes kept as they are.
    Keep(Cow<'a, str>),
    /// Whitespace between blocks.
    Gap(Cow<'a, str>),
    /// A marker, after the indentation it takes when it starts a line inside an indented component.
    Marker(Cow<'a, str>),
    /// A heading starts a new section.
    Heading(Cow<'a, str>),
}

/// Builds the skeleton of a Markdown `body` (without its front matter); `mdx`: of an MDX page (its markers are MDX
/// comments; its `import`/`export` lines, its JSX tags and expressions, and the items of its lists are kept).
pub fn skeleton(body: &str, mdx: bool) -> Skeleton {
    let eol = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let marker = if mdx { MDX_MARKER } else { MARKER };
    let mut pieces: Vec<Piece> = Vec::new();
    if mdx {
        mdx_pieces(body, &mut pieces);
    } else {
        markdown_pieces(body, false, &mut pieces);
    }

    // Runs of prose (with only blank lines between) become one marker.
    let mut merged: Vec<Piece> = Vec::new();
    for piece in pieces {
        if matches!(piece, Piece::Marker(_)) {
            while matches!(merged.last(), Some(Piece::Gap(g)) if g.trim().is_empty())
                && merged.len() >= 2
                && matches!(merged[merged.len() - 2], Piece::Marker(_))
            {
                merged.pop();
            }
            if matches!(merged.last(), Some(Piece::Marker(_))) {
                continue;
            }
        }
        merged.push(piece);
    }

    let mut text = String::with_capacity(body.len() / 2);
    let mut markers = 0;
    let mut sections_to_write = 0;
    let mut section_has_marker = false;
    for piece in &merged {
        match piece {
            Piece::Keep(keep) | Piece::Gap(keep) => text.push_str(keep),
            Piece::Heading(heading) => {
                sections_to_write += usize::from(section_has_marker);
                section_has_marker = false;
                text.push_str(heading);
            }
            Piece::Marker(indent) => {
                markers += 1;
                section_has_marker = true;
                text.push_str(indent);
                text.push_str(marker);
                text.push_str(eol);
            }
        }
    }
    sections_to_write += usize::from(section_has_marker);
    Skeleton {
        text,
        markers,
        sections_to_write,
    }
}

/// An MDX body: its JSX flow (tags and expressions on lines of their own, a tag's attributes over several lines) is
/// structure, kept byte for byte; the Markdown between is read on its own. pulldown-cmark knows no JSX: it read a
/// `<Code` whose attributes went on over lines as a paragraph (and a template literal's blank line as the end of it),
/// a lone `>` closing a tag as an empty quote, and lost the tags around the prose they hold.
fn mdx_pieces<'a>(body: &'a str, pieces: &mut Vec<Piece<'a>>) {
    let mut markdown = 0;
    let mut at = 0;
    let mut fence: Option<(u8, usize)> = None;
    // The components open around the line read: a file tree's list is kept.
    let mut open: Vec<&str> = Vec::new();
    while at < body.len() {
        let line_end = body[at..].find('\n').map_or(body.len(), |i| at + i + 1);
        let line = body[at..line_end].trim_start_matches([' ', '\t']);
        if let Some((ch, len)) = fence {
            let run = line.bytes().take_while(|&b| b == ch).count();
            if run >= len && line[run..].trim().is_empty() {
                fence = None;
            }
        } else if let Some(opened) = opening_fence(line) {
            fence = Some(opened);
        } else if let Some(len) = super::document::jsx_flow_len(&body[at..]) {
            markdown_between(&body[markdown..at], &open, pieces);
            let jsx = &body[at..at + len];
            pieces.push(Piece::Keep(Cow::Borrowed(jsx)));
            follow_tags(jsx, &mut open);
            at += len;
            markdown = at;
            continue;
        }
        at = line_end;
    }
    markdown_between(&body[markdown..], &open, pieces);
}

/// The Markdown between two JSX lines of an MDX page. Indented under its component (`<Card>` then tabbed prose),
/// it is read without that indentation, which MDX ignores (pulldown-cmark would read a code block), and its markers
/// take it back.
fn markdown_between<'a>(text: &'a str, open: &[&str], pieces: &mut Vec<Piece<'a>>) {
    if text.is_empty() {
        return;
    }
    // Starlight's `<FileTree>` holds one list of file names, which it requires: kept.
    if open.last() == Some(&"FileTree") {
        push_gap(pieces, text);
        return;
    }
    let indent = text
        .split_inclusive('\n')
        .filter(|line| !line.trim().is_empty())
        .map(|line| &line[..line.len() - line.trim_start_matches([' ', '\t']).len()])
        .reduce(|common, indent| {
            let same = common
                .bytes()
                .zip(indent.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            &common[..same]
        })
        .unwrap_or("");
    if indent.is_empty() {
        markdown_pieces(text, true, pieces);
        return;
    }
    let mut dedented = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        dedented.push_str(line.strip_prefix(indent).unwrap_or(line));
    }
    let mut inner = Vec::new();
    markdown_pieces(&dedented, true, &mut inner);
    let mut line_start = true;
    for piece in inner {
        let piece = match piece {
            Piece::Keep(t) => Piece::Keep(indented(&t, indent, &mut line_start).into()),
            Piece::Gap(t) => Piece::Gap(indented(&t, indent, &mut line_start).into()),
            Piece::Heading(t) => Piece::Heading(indented(&t, indent, &mut line_start).into()),
            Piece::Marker(before) => {
                let before = if line_start {
                    format!("{indent}{before}")
                } else {
                    before.into_owned()
                };
                line_start = true;
                Piece::Marker(before.into())
            }
        };
        pieces.push(piece);
    }
}

/// `text` with `indent` put back at the start of each line that is not blank (`line_start`: whether `text` starts a
/// line; then whether the next piece does).
fn indented(text: &str, indent: &str, line_start: &mut bool) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        // A blank line stays as it was; the indentation of a line the next piece goes on is not blank.
        if *line_start && !(line.ends_with('\n') && line.trim().is_empty()) {
            out.push_str(indent);
        }
        out.push_str(line);
        *line_start = line.ends_with('\n');
    }
    out
}

/// The opening fence of a code block (its character and length) that `line`, without its indentation, starts.
fn opening_fence(line: &str) -> Option<(u8, usize)> {
    let ch = *line.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == ch).count();
    // A backtick fence's info string holds no backtick (``` `code` ``` is inline code).
    (len >= 3 && (ch == b'~' || !line[len..].contains('`'))).then_some((ch, len))
}

/// Follows the components that JSX flow opens and closes, by name (`<Tabs>` opens, `</Tabs>` closes, `<Code … />`
/// does neither).
fn follow_tags<'a>(jsx: &'a str, open: &mut Vec<&'a str>) {
    let mut rest = jsx.trim_start_matches([' ', '\t']);
    while let Some(len) = super::document::jsx_len(rest) {
        let tag = &rest[..len];
        if let Some(name) = tag.strip_prefix("</") {
            let name = name.trim_end_matches('>').trim();
            if let Some(at) = open.iter().rposition(|n| *n == name) {
                open.truncate(at);
            }
        } else if let Some(name) = tag.strip_prefix('<')
            && !tag.ends_with("/>")
        {
            let end = name
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(name.len());
            open.push(&name[..end]);
        }
        rest = rest[len..].trim_start();
    }
}

/// The pieces of Markdown text: prose replaced, structure kept; `mdx`: of an MDX page, where a list keeps its items.
fn markdown_pieces<'a>(body: &'a str, mdx: bool, pieces: &mut Vec<Piece<'a>>) {
    let mut covered = 0;
    for (kind, range, inner, items) in top_level_blocks(body) {
        let kind = match kind {
            Block::Paragraph { .. }
                if mdx && super::document::is_mdx_code(&body[range.clone()]) =>
            {
                Block::Structure
            }
            other => other,
        };
        if range.start > covered {
            push_gap(pieces, &body[covered..range.start]);
        }
        let text = &body[range.clone()];
        match kind {
            Block::Heading => pieces.push(Piece::Heading(Cow::Borrowed(text))),
            Block::Structure => pieces.push(Piece::Keep(Cow::Borrowed(text))),
            Block::Prose if mdx && !items.is_empty() => {
                list_pieces(body, range.clone(), inner, &items, pieces)
            }
            Block::Prose => {
                // A list's range takes the blank line after it: that line stays between the blocks.
                let content = range.start + extend_to_line_end(text, 0..text.trim_end().len()).end;
                // Code blocks inside (the commands of numbered steps) are kept, indentation included, with a
                // marker for the prose around them.
                let mut at = range.start;
                for keep in inner {
                    if !body[at..keep.start].trim().is_empty() {
                        pieces.push(Piece::Marker(Cow::Borrowed("")));
                    }
                    pieces.push(Piece::Keep(Cow::Borrowed(&body[keep.clone()])));
                    at = keep.end;
                }
                if at < content && !body[at..content].trim().is_empty() {
                    pieces.push(Piece::Marker(Cow::Borrowed("")));
                }
                let rest = content.max(at);
                if rest < range.end {
                    pieces.push(Piece::Gap(Cow::Borrowed(&body[rest..range.end])));
                }
            }
            Block::Paragraph { image_only } if image_only => {
                pieces.push(Piece::Keep(Cow::Borrowed(text)))
            }
            Block::Paragraph { .. } => paragraph_pieces(text, pieces),
        }
        covered = covered.max(range.end);
    }
    if covered < body.len() {
        push_gap(pieces, &body[covered..]);
    }
}

/// A list of an MDX page: each item keeps its marker (`1. `, `- `) and indentation, its prose a marker on the item's
/// line, its code blocks kept. One marker for the whole list broke Starlight's `<Steps>`, which must hold exactly one
/// ordered list: the steps were gone, and their commands were left as the component's children.
fn list_pieces<'a>(
    body: &'a str,
    range: Range<usize>,
    code: Vec<Range<usize>>,
    items: &[usize],
    pieces: &mut Vec<Piece<'a>>,
) {
    let mut keeps: Vec<Range<usize>> = items
        .iter()
        .map(|&item| {
            let line_start = body[..item].rfind('\n').map_or(0, |i| i + 1);
            let start = if body[line_start..item].trim().is_empty() {
                line_start.max(range.start)
            } else {
                item
            };
            let after = &body[item..];
            let marker = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let marker =
                marker + usize::from(after[marker..].starts_with(['.', ')', '-', '*', '+']));
            let space =
                after[marker..].len() - after[marker..].trim_start_matches([' ', '\t']).len();
            start..item + marker + space
        })
        .chain(code)
        .collect();
    keeps.sort_by_key(|r| r.start);
    // The list's range takes the blank line after it: that line stays between the blocks.
    let text = &body[range.clone()];
    let content = range.start + extend_to_line_end(text, 0..text.trim_end().len()).end;
    let mut at = range.start;
    for keep in keeps {
        if keep.start < at {
            continue;
        }
        prose_pieces(body, at..keep.start, pieces);
        pieces.push(Piece::Keep(Cow::Borrowed(&body[keep.clone()])));
        at = keep.end;
    }
    prose_pieces(body, at..content.max(at), pieces);
    if content.max(at) < range.end {
        pieces.push(Piece::Gap(Cow::Borrowed(&body[content.max(at)..range.end])));
    }
}

/// Prose inside a list: a marker for it, after the blank lines and the indentation before it (which keep it inside
/// its item), before the blank lines after it.
fn prose_pieces<'a>(body: &'a str, range: Range<usize>, pieces: &mut Vec<Piece<'a>>) {
    let text = &body[range.clone()];
    let Some(first) = text.find(|c: char| !c.is_whitespace()) else {
        if !text.is_empty() {
            pieces.push(Piece::Gap(Cow::Borrowed(text)));
        }
        return;
    };
    let last = text.trim_end().len();
    let after = text[last..].find('\n').map_or(text.len(), |i| last + i + 1);
    if first > 0 {
        pieces.push(Piece::Gap(Cow::Borrowed(&text[..first])));
    }
    pieces.push(Piece::Marker(Cow::Borrowed("")));
    if after < text.len() {
        pieces.push(Piece::Gap(Cow::Borrowed(&text[after..])));
    }
}

fn push_gap<'a>(pieces: &mut Vec<Piece<'a>>, gap: &'a str) {
    if gap.trim().is_empty() {
        pieces.push(Piece::Gap(Cow::Borrowed(gap)));
    } else {
        // Link reference definitions and anything else the parser does not report as a block: kept.
        pieces.push(Piece::Keep(Cow::Borrowed(gap)));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Heading,
    /// Code blocks, HTML blocks, rules: kept.
    Structure,
    /// Lists, quotes, tables, footnotes: replaced.
    Prose,
    Paragraph {
        image_only: bool,
    },
}

/// A block, its byte range, the whole lines of the code blocks nested in it (a list's or a quote's), and where the
/// list items in it start (at their marker).
type TopBlock = (Block, Range<usize>, Vec<Range<usize>>, Vec<usize>);

/// The top-level blocks of `body`, with their byte ranges (each range ends after the block's line ending).
fn top_level_blocks(body: &str) -> Vec<TopBlock> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<(Block, Range<usize>)> = None;
    let mut inner: Vec<Range<usize>> = Vec::new();
    let mut items: Vec<usize> = Vec::new();
    // Inside a paragraph: whether only images (and whitespace) were seen, and the image nesting.
    let mut image_only = true;
    let mut in_image = 0usize;
    for (event, range) in Parser::new_ext(body, super::parser_options()).into_offset_iter() {
        match &event {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = match tag {
                        Tag::Heading { .. } => Block::Heading,
                        Tag::CodeBlock(_) | Tag::HtmlBlock => Block::Structure,
                        Tag::Paragraph => Block::Paragraph { image_only: true },
                        _ => Block::Prose,
                    };
                    image_only = true;
                    in_image = 0;
                    current = Some((kind, range.clone()));
                }
                if matches!(tag, Tag::Image { .. }) {
                    in_image += 1;
                }
                if depth > 0 && matches!(tag, Tag::CodeBlock(_)) {
                    inner.push(whole_lines(body, range.clone()));
                }
                if matches!(tag, Tag::Item) {
                    items.push(range.start);
                }
                depth += 1;
            }
            Event::End(tag) => {
                if matches!(tag, TagEnd::Image) {
                    in_image = in_image.saturating_sub(1);
                }
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some((kind, range)) = current.take()
                {
                    let kind = match kind {
                        Block::Paragraph { .. } => Block::Paragraph { image_only },
                        other => other,
                    };
                    let range = extend_to_line_end(body, range);
                    let nested = std::mem::take(&mut inner)
                        .into_iter()
                        .filter(|r| r.start >= range.start && r.end <= range.end)
                        .collect();
                    let items = std::mem::take(&mut items);
                    blocks.push((kind, range, nested, items));
                }
            }
            Event::Rule if depth == 0 => {
                blocks.push((
                    Block::Structure,
                    extend_to_line_end(body, range.clone()),
                    Vec::new(),
                    Vec::new(),
                ));
            }
            Event::Html(_) | Event::InlineHtml(_) if depth == 0 => {
                blocks.push((
                    Block::Structure,
                    extend_to_line_end(body, range.clone()),
                    Vec::new(),
                    Vec::new(),
                ));
            }
            Event::Text(text) if in_image == 0 && !text.trim().is_empty() => image_only = false,
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
                if in_image == 0 =>
            {
                image_only = false
            }
            Event::InlineHtml(_) if in_image == 0 => image_only = false,
            _ => {}
        }
    }
    blocks
}

/// Blocks end at their line's end (so a marker replaces the whole line, line ending included).
fn extend_to_line_end(body: &str, range: Range<usize>) -> Range<usize> {
    if range.end == 0 || body[..range.end].ends_with('\n') {
        return range;
    }
    let end = body[range.end..]
        .find('\n')
        .map_or(body.len(), |i| range.end + i + 1);
    range.start..end
}

/// A nested block's whole lines: from its line's start (its indentation) when only spaces precede it there (a code
/// block opened on a list item's own line keeps the item's marker out), to its line's end.
fn whole_lines(body: &str, range: Range<usize>) -> Range<usize> {
    let line_start = body[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let start = if body[line_start..range.start].trim().is_empty() {
        line_start
    } else {
        range.start
    };
    extend_to_line_end(body, start..range.end)
}

/// Whether a line is only Hugo shortcodes (`{{< note >}}`, `{{% /tab %}}`), which are kept.
fn is_shortcode_line(line: &str) -> bool {
    let line = line.trim();
    (line.starts_with("{{<") && line.ends_with(">}}"))
        || (line.starts_with("{{%") && line.ends_with("%}}"))
}

/// A paragraph: its shortcode lines kept, every run of other lines one marker.
fn paragraph_pieces<'a>(text: &'a str, pieces: &mut Vec<Piece<'a>>) {
    let mut prose = false;
    for line in text.split_inclusive('\n') {
        if is_shortcode_line(line) {
            pieces.push(Piece::Keep(Cow::Borrowed(line)));
            prose = false;
        } else if !prose {
            pieces.push(Piece::Marker(Cow::Borrowed("")));
            prose = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_structure_and_marks_prose() {
        let body = "\nIntro paragraph.\n\nSecond intro line\ncontinues.\n\n## Before you begin {#before-you-begin}\n\nYou need a cluster.\n\n```shell\nkubectl get pods\n```\n\n- item one\n- item two\n\n![diagram](/images/d.png)\n\n{{< note >}}\nA note to translate.\n{{< /note >}}\n\n### Next {#next}\n\n[ref]: https://example.org\n";
        let out = skeleton(body, false);
        let expected = "\n<!-- tandem: translate -->\n\n## Before you begin {#before-you-begin}\n\n<!-- tandem: translate -->\n\n```shell\nkubectl get pods\n```\n\n<!-- tandem: translate -->\n\n![diagram](/images/d.png)\n\n{{< note >}}\n<!-- tandem: translate -->\n{{< /note >}}\n\n### Next {#next}\n\n[ref]: https://example.org\n";
        assert_eq!(out.text, expected);
        assert_eq!(out.markers, 4);
        assert_eq!(out.sections_to_write, 2);
    }

    #[test]
    fn crlf_and_no_final_newline() {
        let out = skeleton("# Title\r\n\r\nText", false);
        assert_eq!(out.text, "# Title\r\n\r\n<!-- tandem: translate -->\r\n");
        assert_eq!(out.sections_to_write, 1);
    }

    #[test]
    fn html_blocks_and_rules_are_kept() {
        let out = skeleton("<div class=\"x\">\n</div>\n\n---\n\nText.\n", false);
        assert_eq!(
            out.text,
            "<div class=\"x\">\n</div>\n\n---\n\n<!-- tandem: translate -->\n"
        );
    }

    #[test]
    fn code_inside_list_items_is_kept_with_its_indentation() {
        let body = "Steps:\n\n1. Install the tool:\n\n   ```bash\n   apt install tool\n   ```\n\n2. Check it runs:\n\n   ```\n   tool --version\n   ```\n\n   It prints the version.\n\n## Next\n";
        let out = skeleton(body, false);
        let expected = "<!-- tandem: translate -->\n   ```bash\n   apt install tool\n   ```\n<!-- tandem: translate -->\n   ```\n   tool --version\n   ```\n<!-- tandem: translate -->\n\n## Next\n";
        assert_eq!(out.text, expected);
        assert_eq!(out.markers, 3);
        // Still a code block each once the skeleton is parsed again.
        let again = top_level_blocks(&out.text);
        assert_eq!(
            again
                .iter()
                .filter(|(kind, range, _, _)| *kind == Block::Structure
                    && out.text[range.clone()].trim_start().starts_with("```"))
                .count(),
            2
        );
    }

    /// The top-level blocks of a skeleton read again: their kinds, and how many items each list holds.
    fn reread(text: &str) -> Vec<(Block, usize)> {
        top_level_blocks(text)
            .into_iter()
            .map(|(kind, _, _, items)| (kind, items.len()))
            .collect()
    }

    #[test]
    fn an_mdx_code_component_over_several_lines_is_kept_whole() {
        // The template literal holds a blank line, a heading and a `>`: none of them ends the tag.
        let component = "<Code\n\tslot=\"preview\"\n\tcode={`## Welcome\n\nSome text > more text`}\n\tlang=\"md\"\n/>\n";
        let body = format!(
            "import {{ Code }} from '@astrojs/starlight/components';\n\nShow the code.\n\n{component}\nSee how it reads.\n"
        );
        let out = skeleton(&body, true);
        assert_eq!(
            out.text,
            format!(
                "import {{ Code }} from '@astrojs/starlight/components';\n\n{{/* tandem: translate */}}\n\n{component}\n{{/* tandem: translate */}}\n"
            )
        );
        assert_eq!(out.markers, 2);
    }

    #[test]
    fn attributes_closed_by_a_lone_angle_bracket_are_kept_and_the_prose_inside_marked() {
        let body = "<Palette\n\tlabels={{\n\t\ttitle: 'Colours',\n\t\tpick: 'Pick one',\n\t}}\n>\n\t<Fragment slot=\"notes\">\n\t\tCopy the colours into your\n\t\tstylesheet.\n\t</Fragment>\n</Palette>\n";
        let out = skeleton(body, true);
        assert_eq!(
            out.text,
            "<Palette\n\tlabels={{\n\t\ttitle: 'Colours',\n\t\tpick: 'Pick one',\n\t}}\n>\n\t<Fragment slot=\"notes\">\n\t\t{/* tandem: translate */}\n\t</Fragment>\n</Palette>\n"
        );
        assert_eq!(out.markers, 1);
    }

    #[test]
    fn tabs_around_prose_keep_their_tags() {
        let body = "<Tabs>\n<TabItem label=\"npm\">\n\nInstall it with npm.\n\n```sh\nnpm install lumen\n```\n\n</TabItem>\n<TabItem label=\"pnpm\">\nInstall it with pnpm.\n</TabItem>\n</Tabs>\n\n{/* Keep in step with the registry. */}\n";
        let out = skeleton(body, true);
        assert_eq!(
            out.text,
            "<Tabs>\n<TabItem label=\"npm\">\n\n{/* tandem: translate */}\n\n```sh\nnpm install lumen\n```\n\n</TabItem>\n<TabItem label=\"pnpm\">\n{/* tandem: translate */}\n</TabItem>\n</Tabs>\n\n{/* Keep in step with the registry. */}\n"
        );
        assert_eq!(out.markers, 2);
    }

    #[test]
    fn steps_keep_one_numbered_list_with_its_items_and_their_code() {
        let body = "<Steps>\n\n1. Install the tool:\n\n   ```sh\n   npm install lumen\n   ```\n\n   It prints its version.\n\n2. Pick a theme:\n\n   - a light one\n   - a dark one\n\n3. Start it.\n\n</Steps>\n";
        let out = skeleton(body, true);
        let expected = "<Steps>\n\n1. {/* tandem: translate */}\n\n   ```sh\n   npm install lumen\n   ```\n\n   {/* tandem: translate */}\n\n2. {/* tandem: translate */}\n\n   - {/* tandem: translate */}\n   - {/* tandem: translate */}\n\n3. {/* tandem: translate */}\n\n</Steps>\n";
        assert_eq!(out.text, expected);
        // Between its tags, still one list of three items (and the two of the nested list).
        let inner = &out.text["<Steps>\n".len()..out.text.len() - "</Steps>\n".len()];
        assert_eq!(reread(inner), vec![(Block::Prose, 5)]);
        // A Markdown page keeps one marker for the whole list.
        let md = skeleton(
            &body.replace("<Steps>\n\n", "").replace("</Steps>\n", ""),
            false,
        );
        assert_eq!(md.text.matches(MARKER).count(), 2);
        assert!(!md.text.contains("1. "));
    }

    #[test]
    fn indented_mdx_prose_keeps_its_item() {
        // After a component inside a step, the rest of the step is indented: its marker too, or the list ends.
        let body = "1. Put it here:\n\n   <FileTree>\n\n   - src/\n     - logo.svg\n\n   </FileTree>\n\n   Then save.\n\n2. Done.\n";
        let out = skeleton(body, true);
        assert_eq!(
            out.text,
            "1. {/* tandem: translate */}\n\n   <FileTree>\n\n   - src/\n     - logo.svg\n\n   </FileTree>\n\n   {/* tandem: translate */}\n\n2. {/* tandem: translate */}\n"
        );
    }

    #[test]
    fn empty_body() {
        let out = skeleton("", false);
        assert_eq!(out.text, "");
        assert_eq!(out.sections_to_write, 0);
    }
}
