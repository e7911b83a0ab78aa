//! Pure: what the source replaced that its translation still has. A block of the source links another page, shows
//! another image or names another option or function than it did, and the aligned block of the translation still
//! has the old one; or a list item the source removed (naming an option, linking a page) is still in the
//! translation. Counting finds none of these: both sides have as many links, images, code spans and items.
//!
//! A translation localises what it points at (its language's page of a tool's documentation, a screenshot of its
//! own, a page with a translated name), so a target of the translation that the source lacks is taken for the old
//! one only when nothing says it was localised: the same site, no language mark between the two (`en`/`fr`,
//! `eng`/`fra`, `en-US`), and for code, the same shape of code (an option for an option, a call for a call).

use crate::markdown::document::{Block, BlockKind, Document, Features, Section};

use super::blocks::{self, BlockShape};
use super::structure::{
    Anchors, SignalKind, TargetIndex, language_edition, may_be_spelled_out, missing_items,
    same_target,
};

/// One aligned pair of sections' replaced targets: (kind, source targets, translation targets), as written.
pub(super) type Replaced = (SignalKind, Vec<String>, Vec<String>);

/// The source page and what it has as a whole, gathered the first time a pair of its sections asks: every aligned
/// pair is compared with the whole page, and gathering it for each pair went through every section of the page for
/// each section (a page of 20,000 headings: 1.2 billion sections in `compare`, `tasks` and `status`). For one
/// comparison: the links are kept as compared with its anchors.
pub(super) struct WholeSource<'d> {
    doc: &'d Document,
    /// How many times the page has each of its links, images and code spans, as compared (in the order of
    /// [`replaced`]'s targets).
    compared: [std::cell::OnceCell<ItemCounts>; 3],
    links: std::cell::OnceCell<Vec<&'d String>>,
    inline_code: std::cell::OnceCell<std::collections::HashSet<&'d String>>,
    numbers: std::cell::OnceCell<std::collections::HashSet<&'d String>>,
    /// The page's links, each as compared with the anchors (`Anchors::canonical`).
    canonical_links: std::cell::OnceCell<std::collections::HashSet<String>>,
    /// The page's links, to find one that is the same target as a translation's.
    targets: std::cell::OnceCell<TargetIndex>,
}

impl<'d> WholeSource<'d> {
    pub(super) fn new(doc: &'d Document) -> WholeSource<'d> {
        WholeSource {
            doc,
            compared: Default::default(),
            links: Default::default(),
            inline_code: Default::default(),
            numbers: Default::default(),
            canonical_links: Default::default(),
            targets: Default::default(),
        }
    }

    /// One feature list of every section of the page, in page order.
    fn all(&self, list: fn(&Features) -> &Vec<String>) -> Vec<&'d String> {
        (self.doc.sections.iter())
            .flat_map(|section| list(section.features()))
            .collect()
    }

    fn links(&self) -> &[&'d String] {
        self.links.get_or_init(|| self.all(|f| &f.links))
    }

    /// Whether a link of the page is the same target as `translation`, a translation's link
    /// ([`same_target`](super::structure::same_target)).
    fn has_same_target(&self, translation: &str, anchors: &Anchors) -> bool {
        (self.targets)
            .get_or_init(|| TargetIndex::new(self.links().iter().copied(), anchors))
            .has_same_target(translation, anchors)
    }
}

/// What to compare: a feature list of a block, and how an item is compared on each side.
struct Target<'a> {
    kind: SignalKind,
    list: fn(&Features) -> &Vec<String>,
    compared: &'a dyn Fn(&str, bool) -> String,
    /// Whether a source item and a translation item could be the same thing replaced (not localised): each as
    /// written, then each as compared.
    replaceable: fn((&str, &str), (&str, &str)) -> bool,
}

/// The links, images and code spans of source section `s` that its aligned translation section `t` replaced by the
/// old ones: each aligned pair of blocks, an item of the source block that `t` lacks against an item of the
/// translation block that the whole `source` page lacks, of the same kind and not localised.
pub(super) fn replaced(
    source: &WholeSource,
    s: &Section,
    t: &Section,
    expected: f32,
    anchors: &Anchors,
) -> Vec<Replaced> {
    let link = |l: &str, in_source: bool| {
        let l = anchors.canonical(l, in_source);
        language_edition(&l).unwrap_or(l)
    };
    let plain = |x: &str, _: bool| x.to_owned();
    let targets = [
        Target {
            kind: SignalKind::LinkChanged,
            list: |f| &f.links,
            compared: &link,
            replaceable: same_page_of_another_site,
        },
        Target {
            kind: SignalKind::ImageChanged,
            list: |f| &f.images,
            compared: &plain,
            replaceable: same_site_not_localised,
        },
        Target {
            kind: SignalKind::InlineCodeChanged,
            list: |f| &f.inline_code,
            compared: &plain,
            replaceable: same_code_shape,
        },
    ];
    let aligned = aligned_blocks(s, t, expected);
    let mut out = Vec::new();
    for (target, in_source) in targets.iter().zip(&source.compared) {
        let (olds, news) = replaced_of((source, in_source), t, &aligned, target, anchors);
        if !olds.is_empty() {
            out.push((target.kind, news, olds));
        }
    }
    out
}

/// The aligned pairs of blocks of two sections.
fn aligned_blocks<'s>(
    s: &'s Section,
    t: &'s Section,
    expected: f32,
) -> Vec<(&'s Block, &'s Block)> {
    let shapes_s: Vec<&BlockShape> = s.blocks.iter().map(BlockShape::of).collect();
    let shapes_t: Vec<&BlockShape> = t.blocks.iter().map(BlockShape::of).collect();
    blocks::align(&shapes_s, &shapes_t, expected)
        .into_iter()
        .map(|(i, j)| (&s.blocks[i], &t.blocks[j]))
        .collect()
}

/// (the translation's old items, the source's new ones), as written, for one kind of target.
fn replaced_of(
    (source, in_source): (&WholeSource, &std::cell::OnceCell<ItemCounts>),
    t: &Section,
    aligned: &[(&Block, &Block)],
    target: &Target,
    anchors: &Anchors,
) -> (Vec<String>, Vec<String>) {
    let compared_all = |features: &Features, in_source: bool| -> Vec<String> {
        (target.list)(features)
            .iter()
            .map(|x| (target.compared)(x, in_source))
            .collect()
    };
    let in_t = compared_all(t.features(), false);
    let in_source = in_source.get_or_init(|| {
        let mut counts = ItemCounts::default();
        for item in
            (source.doc.sections.iter()).flat_map(|section| compared_all(section.features(), true))
        {
            *counts.entry(item).or_default() += 1;
        }
        counts
    });
    let is_link = target.kind == SignalKind::LinkChanged;
    let (mut olds, mut news) = (Vec::new(), Vec::new());
    for (a, b) in aligned {
        let (fa, fb) = (a.features(), b.features());
        // The source block's items the translation's section lacks, as written, and no link written another way.
        let compared_a = compared_all(fa, true);
        let missing = missing_items(&compared_a, &in_t);
        let new: Vec<&str> = written_missing(fa, &compared_a, missing, target)
            .into_iter()
            .filter(|x| {
                !is_link
                    || !t
                        .features()
                        .links
                        .iter()
                        .any(|l| same_target(x, l, anchors))
            })
            .collect();
        if new.is_empty() {
            continue;
        }
        // The translation block's items the whole source lacks.
        let compared_b = compared_all(fb, false);
        let missing = missing_from_counts(&compared_b, in_source);
        let mut old: Vec<&str> = written_missing(fb, &compared_b, missing, target)
            .into_iter()
            .filter(|x| !is_link || !source.has_same_target(x, anchors))
            .collect();
        for n in new {
            let Some(at) = old.iter().position(|o| {
                (target.replaceable)((n, o), (&compared_form(fa, n), &compared_form(fb, o)))
            }) else {
                continue;
            };
            olds.push(old.swap_remove(at).to_owned());
            news.push(n.to_owned());
        }
    }
    (olds, news)
}

/// The normalised form of an item written `written` in a block (the language prefix and base URL dropped).
fn compared_form(features: &Features, written: &str) -> String {
    features
        .written
        .iter()
        .find(|(_, w)| w == written)
        .map_or_else(|| written.to_owned(), |(n, _)| n.clone())
}

/// How many times each item comes in a list.
type ItemCounts = std::collections::HashMap<String, usize>;

/// Items of `a` (as a multiset) not found in the items `counts` counts: [`missing_items`] against a list counted
/// once (the whole page's items, against each block of the translation).
fn missing_from_counts(a: &[String], counts: &ItemCounts) -> Vec<String> {
    // The k-th time an item comes in `a` is missing when the other list has it fewer than k times.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for item in a {
        let times = seen.entry(item).or_default();
        *times += 1;
        if *times > counts.get(item).copied().unwrap_or(0) {
            out.push(item.clone());
        }
    }
    out
}

/// The items of a block (as written) whose compared forms are `left` (those the other side lacks).
fn written_missing<'f>(
    features: &'f Features,
    compared: &[String],
    mut left: Vec<String>,
    target: &Target,
) -> Vec<&'f str> {
    (target.list)(features)
        .iter()
        .zip(compared)
        .filter(|(_, c)| match left.iter().position(|x| x == *c) {
            Some(at) => {
                left.swap_remove(at);
                true
            }
            None => false,
        })
        .map(|(raw, _)| features.as_written(raw))
        .collect()
}

/// Whether two links are one page of another site that the source replaced: the same site, the same first folder
/// when both have folders, or one folder apart (`/v2/guide` → `/v3/guide`) — two projects of two owners on a forge
/// (`github.com/<owner>/<project>`) are two links —, not localised. Links into this site are not compared: a
/// translation links its own pages, whose names may be translated or older (on a glossary, `/bn/scalable/` and
/// `/es/tightly-coupled-architectures/` for the English `/scalability/` and `/tightly-coupled-architecture/`).
fn same_page_of_another_site(written: (&str, &str), compared: (&str, &str)) -> bool {
    let folders = |link: &str| -> Vec<String> {
        let path = link.split_once("//").map_or(link, |(_, rest)| rest);
        path.split(['?', '#'])
            .next()
            .unwrap_or("")
            .split('/')
            .skip(1)
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (fa, fb) = (folders(written.0), folders(written.1));
    let one_folder_apart =
        fa.len() == fb.len() && fa.iter().zip(&fb).filter(|(x, y)| x != y).count() == 1;
    site(written.0).is_some_and(|site| !site.is_empty())
        && (fa.len() < 2 || fb.len() < 2 || fa[0] == fb[0] || one_folder_apart)
        && same_site_not_localised(written, compared)
}

/// Whether two link or image targets are one target the source replaced and the translation kept: both on this
/// site, or both on the same other site (not a language edition of it), neither a bare anchor, a template or
/// another scheme, and no language mark between them. Targets on this site are compared without their language
/// prefix (`/fr/img/x.png` is `/img/x.png`), others as written: the language in `developer.mozilla.org/fr/…` is
/// the mark.
fn same_site_not_localised(written: (&str, &str), compared: (&str, &str)) -> bool {
    let (Some(site_a), Some(site_b)) = (site(written.0), site(written.1)) else {
        return false;
    };
    let (a, b) = if site_a.is_empty() { compared } else { written };
    site_a == site_b && !localised(a, b)
}

/// The site of a target: `""` for this one (a path), the host for another; `None` for what is not compared this way
/// (a bare anchor, a template, an e-mail address, a language edition of a site).
fn site(target: &str) -> Option<String> {
    if target.is_empty()
        || target.starts_with('#')
        || target.contains("{{")
        || target.contains("{%")
    {
        return None;
    }
    let Some(rest) = ["https://", "http://", "//"]
        .iter()
        .find_map(|scheme| target.strip_prefix(scheme))
    else {
        // Another scheme (`mailto:`, `tel:`).
        let scheme = target
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|head| head.contains(':'));
        return (!scheme).then(String::new);
    };
    if language_edition(target).is_some() {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_owned())
}

/// Whether two targets differ by a language mark: a two-letter word on either side that the other lacks (`en`,
/// `fr`, the `en` of `en-US`, `index-en.html`), or words of one to three letters on both sides (`doc-eng.aspx`,
/// `doc-fra.aspx`; `cgdi_ip_33_e.pdf`, `cgdi_ip_33_f.pdf`). Government and documentation sites localise their
/// addresses that way.
fn localised(a: &str, b: &str) -> bool {
    let words = |x: &str| -> Vec<String> {
        x.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (only_a, only_b) = (missing_items(&wa, &wb), missing_items(&wb, &wa));
    let letters = |w: &String, n: usize| w.len() == n && w.bytes().all(|c| c.is_ascii_alphabetic());
    let two = |side: &[String]| side.iter().any(|w| letters(w, 2));
    let short = |side: &[String]| side.iter().any(|w| (1..=3).any(|n| letters(w, n)));
    two(&only_a) || two(&only_b) || (short(&only_a) && short(&only_b))
}

/// The shape of an inline code span that a translation keeps as it is: an option (`--port`, `-p`), a call
/// (`getEntry()`), or a name written as code (`camelCase`, `snake_case`). Words, `kebab-case` and dotted example
/// names (`my-notes`, `Example.File.md`, which Starlight's German and French pages write `Beispiel.Datei.md` and
/// `Exemple.Fichier.md`), placeholders (`<name>`, `YOUR_NAME`), paths and anything with spaces or other scripts may
/// be translated: `None`.
fn code_shape(code: &str) -> Option<u8> {
    if code.is_empty()
        || !code.is_ascii()
        || code.contains(|c: char| c.is_whitespace() || matches!(c, '<' | '{' | '/' | '\\'))
    {
        return None;
    }
    let ident = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '$');
    if let Some(flag) = code.strip_prefix('-') {
        let name = flag.strip_prefix('-').unwrap_or(flag);
        let starts_with_letter = name.starts_with(|c: char| c.is_ascii_alphabetic());
        return (starts_with_letter && name.chars().all(|c| ident(c) || c == '-' || c == '='))
            .then_some(0);
    }
    if let Some((name, args)) = code.split_once('(') {
        let member = |c: char| ident(c) || c == '.';
        return (!name.is_empty() && name.chars().all(member) && args.ends_with(')')).then_some(1);
    }
    if !code.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$')
        || !code.chars().all(ident)
        || !code.contains(|c: char| c.is_ascii_lowercase())
    {
        return None;
    }
    let camel = code
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    (camel || code.contains('_')).then_some(2)
}

/// Whether two code spans are one option, call or name the source replaced: the same shape, no language mark
/// between them.
fn same_code_shape((a, b): (&str, &str), _: (&str, &str)) -> bool {
    code_shape(a).is_some() && code_shape(a) == code_shape(b) && !localised(a, b)
}

/// The list items of translation section `t` with no counterpart in `s` that name something the whole source lacks
/// (a link, an option or call written as code, a number no translation spells out): an item the source removed,
/// still in the translation. Each is shown by what it names. A list item a translator adds (a note, a line of their
/// own) names nothing of the kind, nor a resource in a language (a link with a language mark: the French page of a
/// toolkit, `…/index-fr.html`, that a playbook's translator added).
pub(super) fn kept_removed_items(
    source: &WholeSource,
    s: &Section,
    t: &Section,
    expected: f32,
    anchors: &Anchors,
) -> Vec<String> {
    let shapes_s: Vec<&BlockShape> = s.blocks.iter().map(BlockShape::of).collect();
    let shapes_t: Vec<&BlockShape> = t.blocks.iter().map(BlockShape::of).collect();
    let mut aligned = vec![false; shapes_t.len()];
    for (_, j) in blocks::align(&shapes_s, &shapes_t, expected) {
        aligned[j] = true;
    }
    let links = source.links();
    let set = |list| source.all(list).into_iter().collect();
    let code = (source.inline_code).get_or_init(|| set(|f| &f.inline_code));
    let numbers = (source.numbers).get_or_init(|| set(|f| &f.numbers));
    let source_links = (source.canonical_links)
        .get_or_init(|| links.iter().map(|l| anchors.canonical(l, true)).collect());
    let mut out = Vec::new();
    for (block, aligned) in t.blocks.iter().zip(&aligned) {
        if *aligned || block.kind != BlockKind::ListItem {
            continue;
        }
        let f = block.features();
        let named = f
            .links
            .iter()
            .filter(|l| {
                site(l).is_some()
                    && !localised(f.as_written(l), "")
                    && !source_links.contains(&anchors.canonical(l, false))
                    && !source.has_same_target(l, anchors)
            })
            .map(|l| f.as_written(l))
            .chain(
                f.inline_code
                    .iter()
                    .filter(|c| code_shape(c).is_some() && !code.contains(c))
                    .map(String::as_str),
            )
            .chain(
                f.numbers
                    .iter()
                    .filter(|n| !may_be_spelled_out(n) && !numbers.contains(n))
                    .map(String::as_str),
            );
        out.extend(named.map(str::to_owned));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_missing_from_a_counted_list_are_those_missing_from_the_list() {
        let mut random = crate::util::random::Xorshift::new(0x510e_527f_ade6_82d1);
        let list = |random: &mut crate::util::random::Xorshift| -> Vec<String> {
            let draw = random.draw();
            (0..draw % 9)
                .map(|i| ["a", "b", "c", "/x/"][((draw >> (8 + 2 * i)) % 4) as usize].to_owned())
                .collect()
        };
        for _ in 0..3_000 {
            let (a, b) = (list(&mut random), list(&mut random));
            let mut counts = ItemCounts::default();
            for item in &b {
                *counts.entry(item.clone()).or_default() += 1;
            }
            assert_eq!(
                missing_from_counts(&a, &counts),
                missing_items(&a, &b),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn a_language_mark_between_two_targets_is_localisation() {
        for (a, b) in [
            (
                "https://developer.mozilla.org/en-US/docs/Web/HTML",
                "https://developer.mozilla.org/fr/docs/Web/HTML",
            ),
            (
                "https://www.tbs-sct.gc.ca/pol/doc-eng.aspx?id=1",
                "https://www.tbs-sct.gc.ca/pol/doc-fra.aspx?id=1",
            ),
            (
                "https://maps.example.ca/pub/33/guide_e.pdf",
                "https://maps.example.ca/pub/33/guide_f.pdf",
            ),
            ("/img/screen.png", "/img/screen-fr.png"),
        ] {
            assert!(!same_site_not_localised((a, b), (a, b)), "{a} {b}");
        }
        let image = ("/img/meetup-2024.jpg", "/img/meetup-2023.jpg");
        assert!(same_site_not_localised(image, image));
        let both = |a, b| same_page_of_another_site((a, b), (a, b));
        assert!(both(
            "https://lumen.dev/v3/guide",
            "https://www.lumen.dev/v2/guide"
        ));
        // This site's pages, another site, another owner on a forge, a language edition, an anchor: not compared.
        assert!(!both("/docs/deploying/", "/docs/deployment/"));
        assert!(!both("https://a.dev/x", "https://b.dev/x"));
        assert!(!both("https://github.com/a/x", "https://github.com/b/y"));
        assert!(!both(
            "https://en.wikipedia.org/wiki/A",
            "https://en.wikipedia.org/wiki/B"
        ));
        assert!(!both("#setup", "#install"));
    }

    #[test]
    fn only_code_a_translation_keeps_has_a_shape() {
        for code in [
            "--port",
            "-p",
            "--log-level=debug",
            "getEntry()",
            "Astro.props.entry()",
            "docsLoader",
            "site_url",
        ] {
            assert!(code_shape(code).is_some(), "{code}");
        }
        for code in [
            "my-notes",
            "build",
            "YOUR_NAME",
            "<name>",
            "src/pages/",
            "npm run dev",
            "café",
            "Example.File.md",
        ] {
            assert_eq!(code_shape(code), None, "{code}");
        }
        let same = |a, b| same_code_shape((a, b), (a, b));
        assert!(!same("--port", "getPort()"));
        assert!(same("--base-url", "--site-url"));
    }
}
