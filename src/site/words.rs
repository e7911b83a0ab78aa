//! The language a page is written in, read from its words when nothing else says it: a folder of source pages
//! that names no language (the pages at the top of a site, `docs/` beside `translations/<lang>/`) and whose pages
//! carry no `lang`. Each language of a short list is known by its most common short words, chosen so that no word
//! is common in two of them (`de`, `la`, `que`, `en` are left out); Chinese, Japanese and Korean by their scripts.
//! Code, HTML tags, link targets and front matter are not read. A page is given a language only when that
//! language's words clearly outnumber every other's; a folder, when most of the pages read agree.

use std::collections::BTreeMap;
use std::path::Path;

/// The common words of each language read. Lowercase; words with an apostrophe are split at it (`l'atelier`).
const WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "it", "for", "with", "you", "this", "are",
            "be", "your", "can", "from", "by", "an", "or", "will", "have", "not", "which", "when",
            "how",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "et", "est", "une", "du", "pour", "dans", "qui", "sur", "pas", "au",
            "aux", "vous", "avec", "sont", "ce", "cette", "nous", "ne", "plus", "être", "leur",
            "votre", "peut",
        ],
    ),
    (
        "de",
        &[
            "der", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "zu", "auf",
            "für", "sie", "sich", "von", "auch", "wird", "werden", "oder", "bei", "kann", "wenn",
            "wie", "ich",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "por", "para", "su", "como", "más", "pero", "al",
            "está", "son", "este", "esta", "puede", "sus", "también", "cuando", "usted", "sobre",
            "hay", "muy", "sin",
        ],
    ),
    (
        "it",
        &[
            "gli", "della", "di", "che", "è", "per", "non", "sono", "nel", "alla", "questo",
            "anche", "delle", "degli", "dei", "può", "essere", "come", "questa", "sul", "dal",
            "nella", "ha", "più", "tra",
        ],
    ),
    (
        "pt",
        &[
            "os", "não", "em", "na", "é", "ao", "pelo", "pela", "você", "são", "também", "seu",
            "sua", "uma", "um", "isso", "muito", "quando", "nos", "aos", "mas", "foi", "ser",
            "pode", "esse",
        ],
    ),
    (
        "nl",
        &[
            "het", "een", "van", "dat", "niet", "op", "te", "zijn", "met", "voor", "je", "ook",
            "aan", "er", "maar", "wordt", "worden", "kan", "naar", "bij", "wat", "deze", "hebben",
            "jouw", "uw",
        ],
    ),
];

/// Common words needed before a page is given a language.
const MIN_WORDS: usize = 5;
/// Letters of a script needed before a page is given its language.
const MIN_LETTERS: usize = 20;
/// Bytes of a page read.
const HEAD: u64 = 16 * 1024;
/// Pages read at most.
pub const SAMPLE: usize = 20;

/// The language the text of a page is written in, when its words say it clearly: a script of its own (Japanese's
/// kana, Korean's Hangul, Chinese's ideographs without kana) for most of its letters, else a language of [`WORDS`]
/// with at least [`MIN_WORDS`] of its common words and twice as many as any other's.
pub fn language_of(text: &str) -> Option<&'static str> {
    let prose = prose(text);
    let (mut kana, mut hangul, mut han, mut letters) = (0usize, 0usize, 0usize, 0usize);
    for c in prose.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => han += 1,
            _ => {}
        }
    }
    let script = kana + hangul + han;
    if script >= MIN_LETTERS && script * 2 >= letters {
        return Some(if hangul > kana + han {
            "ko"
        } else if kana > 0 {
            "ja"
        } else {
            "zh"
        });
    }
    let mut counts = [0usize; WORDS.len()];
    for word in prose
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 12)
    {
        let word = word.to_lowercase();
        for (at, (_, common)) in WORDS.iter().enumerate() {
            if common.contains(&word.as_str()) {
                counts[at] += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, &str)> = counts
        .iter()
        .zip(WORDS)
        .map(|(n, (lang, _))| (*n, *lang))
        .collect();
    ranked.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    let (best, lang) = ranked[0];
    (best >= MIN_WORDS && best >= 2 * ranked[1].0).then_some(lang)
}

/// A folder's language read from its pages' words: the language, how many pages read as it, how many read as one.
pub type Guess = (String, usize, usize);

/// The language most of the `pages` (relative to `dir`, the first [`SAMPLE`] in path order read) are written in by
/// [`language_of`], when it is not one of `not` (the languages with a folder of their own: the pages cannot be their
/// translations), with how many pages said it and how many were given a language at all. `None` unless more than
/// half of the pages given one agree.
pub fn folder_language<'p>(
    dir: &Path,
    pages: impl IntoIterator<Item = &'p str>,
    not: &[&str],
) -> Option<Guess> {
    use std::io::Read;
    let mut sample: Vec<&str> = pages.into_iter().collect();
    sample.sort_unstable();
    sample.truncate(SAMPLE);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for page in sample {
        let mut head = Vec::new();
        let read = std::fs::File::open(dir.join(page))
            .and_then(|file| file.take(HEAD).read_to_end(&mut head));
        if read.is_err() {
            continue;
        }
        if let Some(lang) = language_of(&String::from_utf8_lossy(&head)) {
            *counts.entry(lang).or_default() += 1;
        }
    }
    let given: usize = counts.values().sum();
    let (lang, count) = counts.into_iter().max_by_key(|(_, n)| *n)?;
    let taken = not
        .iter()
        .any(|other| crate::pairing::layout::primary_subtag(other) == lang);
    (count * 2 > given && !taken).then(|| (lang.to_owned(), count, given))
}

/// The prose of a page: its front matter, fenced code blocks, inline code, HTML tags, shortcodes, URLs and link
/// targets left out.
fn prose(text: &str) -> String {
    let body = match crate::markdown::frontmatter::split(text) {
        Ok(split) => &text[split.body..],
        Err(_) => text,
    };
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            continue;
        }
        if line.starts_with("    ") || line.starts_with('\t') {
            continue;
        }
        let mut rest = line;
        while !rest.is_empty() {
            // Up to the next thing that is not prose.
            let next = rest.find(['`', '<', '{', '(', 'h']).unwrap_or(rest.len());
            out.push_str(&rest[..next]);
            rest = &rest[next..];
            let skip = match rest.as_bytes().first() {
                None => break,
                Some(b'`') => rest[1..].find('`').map_or(rest.len(), |end| end + 2),
                Some(b'<') => rest.find('>').map_or(1, |end| end + 1),
                Some(b'{') if rest.starts_with("{{") => {
                    rest.find("}}").map_or(rest.len(), |end| end + 2)
                }
                Some(b'(') if out.ends_with(']') => {
                    rest.find(')').map_or(rest.len(), |end| end + 1)
                }
                Some(b'h') if rest.starts_with("http://") || rest.starts_with("https://") => rest
                    .find(|c: char| c.is_whitespace() || c == ')')
                    .unwrap_or(rest.len()),
                Some(_) => {
                    let len = rest.chars().next().map_or(1, char::len_utf8);
                    out.push_str(&rest[..len]);
                    len
                }
            };
            rest = &rest[skip..];
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_is_told_by_its_own_words() {
        let pages = [
            (
                "en",
                "Welcome to the workshop. You can bring your bike on Saturdays, and the volunteers will help you repair it.",
            ),
            (
                "fr",
                "Bienvenue à l’atelier. Vous pouvez venir avec votre vélo le samedi, et les bénévoles sont là pour vous aider.",
            ),
            (
                "de",
                "Willkommen in der Werkstatt. Sie können Ihr Fahrrad am Samstag mitbringen, und die Helfer sind für Sie da, wenn es nicht fährt.",
            ),
            (
                "es",
                "Bienvenido al taller. Puede traer su bicicleta los sábados, y los voluntarios están para ayudarle con las reparaciones del día.",
            ),
            (
                "it",
                "Benvenuti nell’officina. Il sabato potete portare la vostra bici, e i volontari sono qui per aiutarvi: non è difficile, anche per chi non ha mai riparato una bici della sua vita.",
            ),
            (
                "pt",
                "Bem-vindo à oficina. Você pode trazer sua bicicleta aos sábados, e os voluntários também estão na oficina para ajudar, mas não é preciso marcar.",
            ),
            (
                "nl",
                "Welkom in de werkplaats. Je kunt je fiets op zaterdag meenemen, en de vrijwilligers zijn er om te helpen met het maken van een band.",
            ),
            (
                "ja",
                "ワークショップへようこそ。土曜日に自転車を持ってきてください。ボランティアが修理を手伝います。",
            ),
            (
                "ko",
                "작업장에 오신 것을 환영합니다. 토요일에 자전거를 가져오시면 자원봉사자들이 수리를 도와드립니다.",
            ),
            (
                "zh",
                "欢迎来到自行车工作室。周六可以带上你的自行车，志愿者会帮助你修理。",
            ),
        ];
        for (lang, text) in pages {
            assert_eq!(language_of(text), Some(lang), "{text}");
        }
    }

    #[test]
    fn code_links_and_front_matter_are_not_read() {
        // English only in what is not prose: the French words decide.
        let text = "---\ntitle: The install guide for the tool\n---\n\nPour installer l’outil, lancez la \
                    commande ci-dessous dans votre terminal. Elle est sans danger pour vos fichiers.\n\n```sh\n\
                    # this is the command that you will run with the tool\nrun the install --with-the-flags\n```\n\n\
                    Voir [the guide for it](https://example.com/the-guide-of-the-tool) et `the_option_of_the_tool`.\n";
        assert_eq!(language_of(text), Some("fr"));
    }

    #[test]
    fn too_few_words_say_nothing() {
        assert_eq!(language_of("Hello world."), None);
        assert_eq!(language_of("```sh\nnpm install\n```\n"), None);
        // As many French as English common words: no clear winner.
        assert_eq!(language_of("the and of to is — le les et est une"), None);
    }
}
