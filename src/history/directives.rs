//! Commit directives: words in a commit's message that tell localization tools to pass the commit over.
//!
//! Two kinds:
//! - **keywords** (`history.skip_commits_matching`: `[skip-l10n]`, `i18nIgnore`, …): the whole commit is passed over,
//!   for every page it touched, source and translations alike. A keyword counts in the subject and on the body's
//!   lines, but not on a line starting with `* `: GitHub's squash-merge message lists the pull request's commits so,
//!   and one commit's `[skip-l10n]` would pass over the whole squashed pull request, its real changes too;
//! - **Lunaria's tracker directives**, a line of the message's body: `@lunaria-ignore:<paths>` passes the commit over
//!   for the listed pages only, `@lunaria-track:<paths>` for every page but the listed ones. Paths (or globs) are
//!   separated by `;` and written from the repository's root; a path written from a parent folder (the site kept in
//!   a monorepo's `docs/`, its history later split out) matches too.

use globset::{GlobBuilder, GlobMatcher};
use regex::Regex;

/// What, in a commit message, may be a directive: matched while commits are read for the history, so that most
/// commits are known to carry none without being read again.
#[derive(Debug, Clone)]
pub struct Directives {
    /// Whole-commit directives (`history.skip_commits_matching`).
    pub keywords: Vec<Regex>,
    /// The keywords and the start of a tracker directive: a message matching none of them carries no directive.
    pub told: Vec<Regex>,
}

/// The start of a Lunaria tracker directive.
const TRACKER_START: &str = r"@lunaria-(?:track|ignore):";

impl Directives {
    pub fn new(keywords: Vec<Regex>) -> Self {
        let mut told = keywords.clone();
        told.push(Regex::new(TRACKER_START).expect("a valid pattern"));
        Directives { keywords, told }
    }

    /// A directive to write in a commit message, for advice: the first keyword that is a plain text once its escapes
    /// are read (`\[skip-l10n\]` is `[skip-l10n]`), else the first as written.
    pub fn example(&self) -> String {
        self.keywords
            .iter()
            .find_map(|re| literal(re.as_str()))
            .or_else(|| self.keywords.first().map(|re| re.as_str().to_owned()))
            .unwrap_or_else(|| "[skip-l10n]".to_owned())
    }

    /// [`example`](Self::example), as the site writes it: of the plain-text keywords, the one most of `messages` (the
    /// site's recent commits) carry, in brackets when they mostly write it so (`[i18nIgnore]` for `i18nIgnore`); the
    /// first when none carries one. The advice named `[skip-l10n]` to a project that had written `[i18nIgnore]` for
    /// years and never `[skip-l10n]`.
    pub fn example_in<'m>(&self, messages: impl IntoIterator<Item = &'m str>) -> String {
        let literals: Vec<String> = (self.keywords.iter())
            .filter_map(|re| literal(re.as_str()))
            .collect();
        // By literal: (messages carrying it, of which in brackets).
        let mut counts = vec![(0usize, 0usize); literals.len()];
        for message in messages {
            for (literal, (all, bracketed)) in literals.iter().zip(counts.iter_mut()) {
                if message.contains(literal.as_str()) {
                    *all += 1;
                    if !literal.starts_with('[') && message.contains(&format!("[{literal}]")) {
                        *bracketed += 1;
                    }
                }
            }
        }
        let best = (0..literals.len())
            .filter(|&i| counts[i].0 > 0)
            .max_by_key(|&i| (counts[i].0, std::cmp::Reverse(i)));
        match best {
            Some(i) if counts[i].1 * 2 > counts[i].0 => format!("[{}]", literals[i]),
            Some(i) => literals[i].clone(),
            None => self.example(),
        }
    }
}

/// A keyword's pattern as plain text once its escapes are read (`\[skip-l10n\]` is `[skip-l10n]`); `None` for a
/// pattern that is more than a text.
fn literal(pattern: &str) -> Option<String> {
    // Read in any case (`(?i)\[skip-l10n\]`): written as it is.
    let pattern = pattern.strip_prefix("(?i)").unwrap_or(pattern);
    let mut out = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next) if !next.is_alphanumeric() => out.push(next),
                _ => return None,
            },
            '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '^' | '$' => {
                return None;
            }
            c => out.push(c),
        }
    }
    (!out.is_empty()).then_some(out)
}

/// What a commit's message says, once read.
#[derive(Debug, Clone, Default)]
pub struct CommitDirective {
    /// The message's first line.
    pub subject: String,
    /// A keyword matched: the commit is passed over for every page.
    pub keyword: bool,
    /// A tracker directive in the body.
    pub tracker: Option<Tracker>,
}

impl CommitDirective {
    /// The text of `message` that a keyword of `directives` matched (`[i18nIgnore]`, `typo` from Lunaria's
    /// `ignoreKeywords`), trimmed, the first keyword's first match; else a tracker directive's name
    /// (`@lunaria-ignore`); `None` when the message holds neither. Read for the reports, which name it: "a skip directive" alone left a translator looking for a
    /// directive in "fix typos".
    pub fn matched_keyword(message: &str, directives: &Directives) -> Option<String> {
        let read = keyword_text(message);
        let keyword = directives.keywords.iter().find_map(|re| {
            re.find(&read)
                .map(|found| found.as_str().trim().to_owned())
                .filter(|text| !text.is_empty())
        });
        // Else a tracker directive in the body, named without its paths (`@lunaria-ignore`).
        keyword.or_else(|| {
            let (_, body) = message.split_once('\n')?;
            let tracker = Regex::new(TRACKER_START).expect("a valid pattern");
            tracker
                .find(body)
                .map(|found| found.as_str().trim_end_matches(':').to_owned())
        })
    }

    /// Reads `message` for `directives`.
    pub fn read(message: &str, directives: &Directives) -> Self {
        CommitDirective {
            subject: message.lines().next().unwrap_or("").to_owned(),
            keyword: {
                let read = keyword_text(message);
                directives.keywords.iter().any(|re| re.is_match(&read))
            },
            tracker: message
                .split_once('\n')
                .and_then(|(_, body)| Tracker::read(body)),
        }
    }

    /// Whether the commit is passed over for the page at `path`.
    pub fn passes_over(&self, path: &str) -> bool {
        self.keyword || self.tracker.as_ref().is_some_and(|t| t.passes_over(path))
    }
}

/// The part of a commit message keywords are looked for in: the subject, and the body without the lines listing
/// squashed commits (`* a commit's subject`, as GitHub writes a squash merge's message).
fn keyword_text(message: &str) -> std::borrow::Cow<'_, str> {
    let mut lines = message.lines();
    let subject = lines.next().unwrap_or("");
    if !message.contains("\n* ") {
        return std::borrow::Cow::Borrowed(message);
    }
    let mut out = subject.to_owned();
    for line in lines.filter(|line| !line.starts_with("* ")) {
        out.push('\n');
        out.push_str(line);
    }
    std::borrow::Cow::Owned(out)
}

/// `@lunaria-track:a;b` or `@lunaria-ignore:a;b`.
#[derive(Debug, Clone)]
pub struct Tracker {
    /// `@lunaria-track`: only the listed pages count the commit.
    track: bool,
    /// The listed paths or globs.
    listed: Vec<Listed>,
}

/// One listed path or glob: as written, then written from each folder below the first (`docs/src/x.md`, then
/// `src/x.md`), down to two components.
#[derive(Debug, Clone)]
struct Listed(Vec<Form>);

#[derive(Debug, Clone)]
enum Form {
    Glob(GlobMatcher),
    /// Not a valid glob: compared as a path.
    Path(String),
}

impl Tracker {
    /// The first tracker directive in a message's body, as Lunaria reads it.
    pub fn read(body: &str) -> Option<Tracker> {
        static LINE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
            Regex::new(r"@lunaria-(track|ignore):([^\n]*)").expect("a valid pattern")
        });
        let found = LINE.captures(body)?;
        let listed = found[2]
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(Listed::new)
            .collect();
        Some(Tracker {
            track: &found[1] == "track",
            listed,
        })
    }

    /// Whether the directive passes the commit over for the page at `path`.
    pub fn passes_over(&self, path: &str) -> bool {
        let listed = self.listed.iter().any(|l| l.matches(path));
        if self.track { !listed } else { listed }
    }
}

impl Listed {
    fn new(written: &str) -> Listed {
        let mut forms = Vec::new();
        let mut rest = written;
        loop {
            forms.push(
                match GlobBuilder::new(rest).literal_separator(true).build() {
                    Ok(glob) => Form::Glob(glob.compile_matcher()),
                    Err(_) => Form::Path(rest.to_owned()),
                },
            );
            match rest.split_once('/') {
                // A file name alone is not enough.
                Some((_, shorter)) if shorter.contains('/') => rest = shorter,
                _ => return Listed(forms),
            }
        }
    }

    fn matches(&self, path: &str) -> bool {
        self.0.iter().any(|form| match form {
            Form::Glob(glob) => glob.is_match(path),
            Form::Path(written) => written == path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// GitHub's squash merge writes the pull request's title, then each of its commits as `* subject`: one commit's
    /// `[skip-l10n]` passed over the whole squashed pull request, the real change of another commit with it.
    #[test]
    fn one_squashed_commits_directive_passed_over_the_whole_pull_request() {
        let directives = Directives::new(vec![Regex::new(r"\[skip-l10n\]").unwrap()]);
        let read = |message: &str| CommitDirective::read(message, &directives).keyword;
        assert!(!read(
            "Guide: configuration (#42)\n\n* alpha: typo [skip-l10n]\n\n* gamma: a new paragraph\n"
        ));
        assert!(read("alpha: typo [skip-l10n]"));
        assert!(read(
            "Typos (#43) [skip-l10n]\n\n* alpha: typo\n* beta: typo\n"
        ));
        assert!(read("Typos (#43)\n\nNothing to translate.\n[skip-l10n]\n"));
    }

    /// A commit passed over by a keyword is named with it, as its message writes it.
    #[test]
    fn the_keyword_matched_is_the_text_of_the_message() {
        let keywords = crate::site::config::DEFAULT_SKIP_PATTERNS
            .iter()
            .map(|p| Regex::new(p).unwrap())
            .chain([Regex::new("(?i)typo").unwrap()])
            .collect();
        let d = Directives::new(keywords);
        let matched = |message: &str| CommitDirective::matched_keyword(message, &d);
        assert_eq!(
            matched("docs: reword [SKIP-L10N]").as_deref(),
            Some("[SKIP-L10N]")
        );
        assert_eq!(matched("i18n(de): fix typos").as_deref(), Some("typo"));
        assert_eq!(
            matched("chore: lunaria-ignore this").as_deref(),
            Some("lunaria-ignore")
        );
        assert_eq!(
            matched("Add a page\n\n@lunaria-ignore:a.md").as_deref(),
            Some("@lunaria-ignore")
        );
        assert_eq!(matched("Add a page"), None);
    }

    /// `[SKIP-L10N]` and `[Skip-i18n]` were changes to translate: the bracketed directives were read in lower case
    /// only, where CI systems read `[skip ci]` in any case.
    #[test]
    fn a_directive_in_capitals_was_not_read() {
        for message in [
            "docs: typo [SKIP-L10N]",
            "[Skip-i18n] reflow",
            "fix [SKIP-REVCHECK]",
        ] {
            assert!(directive(message).keyword, "{message}");
        }
        // The tools' own names as they write them; `@lunaria-ignore:` stays a tracker directive.
        assert!(directive("chore: [i18nIgnore] tidy").keyword);
        assert!(!directive("docs: skip l10n later").keyword);
    }

    /// The advice named `[skip-l10n]` to a project whose commits had always written `[i18nIgnore]`.
    #[test]
    fn the_directive_advice_named_was_not_the_one_the_site_writes() {
        let d = Directives::new(
            crate::site::config::DEFAULT_SKIP_PATTERNS
                .iter()
                .map(|p| Regex::new(p).unwrap())
                .collect(),
        );
        let messages = [
            "docs: typo [i18nIgnore]",
            "Fix link (#12)\n\n[i18nIgnore]",
            "i18n(fr): update page",
            "chore: i18nIgnore formatting",
            "[skip-i18n] bump",
        ];
        assert_eq!(d.example_in(messages), "[i18nIgnore]");
        assert_eq!(d.example_in(["i18nIgnore: tidy"]), "i18nIgnore");
        assert_eq!(d.example_in(["nothing here"]), "[skip-l10n]");
        assert_eq!(
            d.example_in(["[skip-i18n] a", "[skip-l10n] b"]),
            "[skip-l10n]"
        );
    }

    #[test]
    fn the_directive_advice_names_is_one_the_site_reads() {
        let of = |patterns: &[&str]| {
            Directives::new(patterns.iter().map(|p| Regex::new(p).unwrap()).collect()).example()
        };
        assert_eq!(
            of(&crate::site::config::DEFAULT_SKIP_PATTERNS),
            "[skip-l10n]"
        );
        assert_eq!(of(&[r"\[i18nIgnore\]"]), "[i18nIgnore]");
        // A pattern that is no plain text is skipped for one that is, else given as written.
        assert_eq!(of(&[r"(?:^|\s)nol10n", "no-l10n"]), "no-l10n");
        assert_eq!(of(&[r"skip-(l10n|i18n)"]), r"skip-(l10n|i18n)");
    }

    fn directive(message: &str) -> CommitDirective {
        let keywords = crate::site::config::DEFAULT_SKIP_PATTERNS
            .iter()
            .map(|p| Regex::new(p).unwrap())
            .collect();
        CommitDirective::read(message, &Directives::new(keywords))
    }

    #[test]
    fn a_tracker_directive_was_read_as_a_keyword_for_every_page() {
        // Starlight's "Astro 7 support": a source change for every language, except three translations that only
        // lost an old banner in the same commit.
        let d = directive(
            "Astro 7 support (#3951)\n\n@lunaria-ignore:docs/src/content/docs/pt-pt/index.mdx;docs/src/content/docs/uk/index.mdx\n",
        );
        assert!(!d.keyword);
        assert!(!d.passes_over("src/content/docs/index.mdx"));
        assert!(!d.passes_over("src/content/docs/de/index.mdx"));
        assert!(d.passes_over("src/content/docs/pt-pt/index.mdx"));
        assert!(d.passes_over("docs/src/content/docs/uk/index.mdx"));
        // The file name alone does not match another folder's page.
        assert!(!d.passes_over("index.mdx"));
    }

    #[test]
    fn a_glob_written_from_a_parent_folder_matches() {
        let d = directive(
            "Theme branding\n\n@lunaria-ignore:docs/src/content/docs/**/resources/themes.mdx\n",
        );
        assert!(d.passes_over("src/content/docs/fr/resources/themes.mdx"));
        assert!(d.passes_over("docs/src/content/docs/resources/themes.mdx"));
        assert!(!d.passes_over("src/content/docs/fr/resources/plugins.mdx"));
    }

    #[test]
    fn track_lists_the_only_pages_that_count_the_commit() {
        let d = directive("Fix code\n\n@lunaria-track:src/en/guide.md;src/en/ref/*.md");
        assert!(!d.passes_over("src/en/guide.md"));
        assert!(!d.passes_over("src/en/ref/api.md"));
        assert!(d.passes_over("src/en/ref/deep/api.md"));
        assert!(d.passes_over("src/fr/guide.md"));
    }

    #[test]
    fn keywords_pass_the_commit_over_for_every_page_and_win_over_trackers() {
        for message in [
            "[i18nIgnore] Removed broken link",
            "typo (lunaria-ignore)",
            "fix [skip-l10n]\n\n@lunaria-track:src/en/guide.md",
        ] {
            let d = directive(message);
            assert!(d.keyword, "{message}");
            assert!(d.passes_over("src/en/guide.md"), "{message}");
        }
        // In the subject, a directive is not read as a tracker (Lunaria reads the body).
        let d = directive("@lunaria-ignore:src/en/guide.md");
        assert!(!d.keyword);
        assert!(!d.passes_over("src/en/guide.md"));
    }
}
