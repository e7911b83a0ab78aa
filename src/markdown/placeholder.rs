//! The skeleton of a page to translate: its structure kept byte for byte (headings with their `{#id}` anchors, code
//! blocks, HTML blocks, Hugo shortcodes, images, link reference definitions, rules) and one marker wherever prose goes.

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
    Keep(&'a str),
    /// Whitespace between blocks.
    Gap(&'a str),
    Marker,
    /// A heading starts a new section.
    Heading(&'a str),
}

/// Builds the skeleton of a Markdown `body` (without its front matter); `mdx`: of an MDX page (its markers are MDX
/// comments, its `import`/`export` lines and component paragraphs are kept).
pub fn skeleton(body: &str, mdx: bool) -> Skeleton {
    let eol = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let marker = if mdx { MDX_MARKER } else { MARKER };
    let mut pieces: Vec<Piece> = Vec::new();
    let mut covered = 0;
    for (kind, range, inner) in top_level_blocks(body) {
        let kind = match kind {
            Block::Paragraph { .. }
                if mdx && super::document::is_mdx_code(&body[range.clone()]) =>
            {
                Block::Structure
            }
            other => other,
        };
        if range.start > covered {
            push_gap(&mut pieces, &body[covered..range.start]);
        }
        let text = &body[range.clone()];
        match kind {
            Block::Heading => pieces.push(Piece::Heading(text)),
            Block::Structure => pieces.push(Piece::Keep(text)),
            Block::Prose => {
                // A list's range takes the blank line after it: that line stays between the blocks.
                let content = range.start + extend_to_line_end(text, 0..text.trim_end().len()).end;
                // Code blocks inside (the commands of numbered steps) are kept, indentation included, with a
                // marker for the prose around them.
                let mut at = range.start;
                for keep in inner {
                    if !body[at..keep.start].trim().is_empty() {
                        pieces.push(Piece::Marker);
                    }
                    pieces.push(Piece::Keep(&body[keep.clone()]));
                    at = keep.end;
                }
                if at < content && !body[at..content].trim().is_empty() {
                    pieces.push(Piece::Marker);
                }
                let rest = content.max(at);
                if rest < range.end {
                    pieces.push(Piece::Gap(&body[rest..range.end]));
                }
            }
            Block::Paragraph { image_only } if image_only => pieces.push(Piece::Keep(text)),
            Block::Paragraph { .. } => paragraph_pieces(text, &mut pieces),
        }
        covered = covered.max(range.end);
    }
    if covered < body.len() {
        push_gap(&mut pieces, &body[covered..]);
    }

    // Runs of prose (with only blank lines between) become one marker.
    let mut merged: Vec<Piece> = Vec::new();
    for piece in pieces {
        if matches!(piece, Piece::Marker) {
            while matches!(merged.last(), Some(Piece::Gap(g)) if g.trim().is_empty())
                && merged.len() >= 2
                && matches!(merged[merged.len() - 2], Piece::Marker)
            {
                merged.pop();
            }
            if matches!(merged.last(), Some(Piece::Marker)) {
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
            Piece::Marker => {
                markers += 1;
                section_has_marker = true;
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

fn push_gap<'a>(pieces: &mut Vec<Piece<'a>>, gap: &'a str) {
    if gap.trim().is_empty() {
        pieces.push(Piece::Gap(gap));
    } else {
        // Link reference definitions and anything else the parser does not report as a block: kept.
        pieces.push(Piece::Keep(gap));
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

/// A block, its byte range, and the whole lines of the code blocks nested in it (a list's or a quote's).
type TopBlock = (Block, Range<usize>, Vec<Range<usize>>);

/// The top-level blocks of `body`, with their byte ranges (each range ends after the block's line ending).
fn top_level_blocks(body: &str) -> Vec<TopBlock> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<(Block, Range<usize>)> = None;
    let mut inner: Vec<Range<usize>> = Vec::new();
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
                    blocks.push((kind, range, nested));
                }
            }
            Event::Rule if depth == 0 => {
                blocks.push((
                    Block::Structure,
                    extend_to_line_end(body, range.clone()),
                    Vec::new(),
                ));
            }
            Event::Html(_) | Event::InlineHtml(_) if depth == 0 => {
                blocks.push((
                    Block::Structure,
                    extend_to_line_end(body, range.clone()),
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
            pieces.push(Piece::Keep(line));
            prose = false;
        } else if !prose {
            pieces.push(Piece::Marker);
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
                .filter(|(kind, range, _)| *kind == Block::Structure
                    && out.text[range.clone()].trim_start().starts_with("```"))
                .count(),
            2
        );
    }

    #[test]
    fn empty_body() {
        let out = skeleton("", false);
        assert_eq!(out.text, "");
        assert_eq!(out.sections_to_write, 0);
    }
}
