//! Pure: how pages sit on disk (the layouts), and what reads as a language in a folder or file name.

use std::collections::BTreeMap;

/// How pages sit on disk, and so which pages pair by path (docs/pairing.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// One folder per language in each content root: `content/en/x.md` ⇄ `content/fr/x.md` (dirs), or Docusaurus's
    /// `docs/x.md` ⇄ `i18n/fr/docusaurus-plugin-content-docs/current/x.md` (one root for docs, one for the blog…).
    Folders(Vec<ContentRoot>),
    /// Every language in the same folders, the language in the file name: `x.md` or `x.en.md` ⇄ `x.fr.md`.
    Suffix {
        /// Content folders, repo-relative.
        roots: Vec<String>,
        /// The language of files without a language suffix (Hugo's default content language).
        unsuffixed: String,
        /// The front-matter key that gives such a file's language when it names one (jekyll-polyglot's `lang`: "it
        /// does not matter where you put the files or what you name them"); `None` on sites that name the language
        /// in the file name only.
        language_key: Option<String>,
    },
}

/// A content root of the folders layouts: the folder of each language. `name` prefixes page paths in site sections
/// (`docs`, `blog`; empty for the dirs layout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentRoot {
    pub name: String,
    pub dirs: BTreeMap<String, String>,
}

/// ISO 639-1 language codes: a content folder named after one of these (optionally with a region or script
/// subtag, `pt-br`, `zh-cn`, `zh-hans`) is taken for a language folder.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// A language tag's first subtag, lowercased: `fr-FR` → `fr`, `pt_BR` → `pt`.
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase()
}

/// Whether a folder name reads as a language tag: `fr`, `pt-br`, `zh-cn`, `zh-hans`, `es-419`.
pub fn is_language_tag(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let mut parts = lower.split(['-', '_']);
    let Some(primary) = parts.next() else {
        return false;
    };
    if !ISO_639_1.contains(&primary) {
        return false;
    }
    parts.all(|sub| (2..=8).contains(&sub.len()) && sub.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The language suffix of a page's file name and the path without it: `a/b.fr.md` → (`fr`, `a/b.md`),
/// `a/_index.pt-br.md` → (`pt-br`, `a/_index.md`). `None` when the name has no suffix `is_language` accepts.
pub fn suffix_language(path: &str, is_language: impl Fn(&str) -> bool) -> Option<(String, String)> {
    let (dir, name) = match path.rsplit_once('/') {
        Some((dir, name)) => (Some(dir), name),
        None => (None, path),
    };
    let (stem, ext) = name.rsplit_once('.')?;
    let (base, tag) = stem.rsplit_once('.')?;
    // The language in any case (`pt-BR` is `pt-br`); the file keeps its name.
    let tag = tag.to_ascii_lowercase();
    if base.is_empty() || !is_language(&tag) {
        return None;
    }
    let plain = match dir {
        Some(dir) => format!("{dir}/{base}.{ext}"),
        None => format!("{base}.{ext}"),
    };
    Some((tag, plain))
}

/// The language suffix of a file name as it is written: `a/b.pt-BR.md` → `pt-BR`. `None` without two dots in the name.
pub fn written_suffix(path: &str) -> Option<&str> {
    let name = path.rsplit_once('/').map_or(path, |(_, name)| name);
    let (stem, _) = name.rsplit_once('.')?;
    let (base, tag) = stem.rsplit_once('.')?;
    (!base.is_empty()).then_some(tag)
}
