//! The terminal text report fits the terminal: run through a real pseudo-terminal at 80 and 200 columns, no line is
//! wider than the terminal, paths are shortened in the middle, and several languages get a summary first. Piped, the
//! report keeps full paths, one page per line. Snapshots (hashes and dates redacted) live in `snapshots/`; run with
//! `TANDEM_BLESS_SNAPSHOTS=1` to rewrite them.

use std::path::Path;

use crate::interactive::finish;
use crate::support::{RepoBuilder, md};

const LONG: [&str; 8] = [
    "configuration-avancee-du-cache-distribue-pour-les-grappes-multi-regions",
    "deploiement-progressif-avec-verification-automatique-des-sondes",
    "gestion-des-secrets-et-rotation-des-certificats-dans-les-espaces-de-noms",
    "observabilite-journaux-metriques-et-traces-distribuees",
    "politique-de-retention-des-donnees-et-sauvegardes-incrementales",
    "reseau-maillage-de-services-et-politiques-d-acces",
    "mise-a-niveau-sans-interruption-des-noeuds-du-plan-de-controle",
    "depannage-des-erreurs-de-planification-et-des-ressources-insuffisantes",
];

/// Three target languages; in each, 8 long-named pages, 6 of them stale (one more behind than the others) and 2
/// missing pages.
fn site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    let path = |lang: &str, name: &str| format!("content/{lang}/docs/guides/operations/{name}.md");
    for name in LONG {
        repo.write(&path("en", name), md(name, "", "## One\n\nText."));
    }
    repo.write("content/en/docs/short.md", md("Short", "", "Short."));
    repo.write("content/en/docs/other.md", md("Other", "", "Other."));
    let first = repo.commit("sources");
    let pin = format!("default_lang_commit: {first}\n");
    for lang in ["de", "fr", "ja"] {
        for name in LONG {
            repo.write(&path(lang, name), md(name, &pin, "## One\n\nTexte."));
        }
    }
    repo.commit("translations");
    for name in &LONG[..6] {
        repo.write(
            &path("en", name),
            md(name, "", "## One\n\nText.\n\n## Two\n\nMore."),
        );
    }
    repo.commit("sources changed");
    repo.write(
        &path("en", LONG[0]),
        md(LONG[0], "", "## One\n\nText.\n\n## Two\n\nMore, again."),
    );
    repo.commit("one source changed again");
    repo
}

/// tandem in a pseudo-terminal of `columns` columns; the output without `\r`. The size is set from this side once the
/// pty is spawned (the pty library sets its default size, 80 columns, from this side after the child has started: a
/// size the child set itself could be overwritten before tandem read it, and the 200-column test once saw 80), and
/// tandem starts only when the terminal has it.
fn run_in_terminal(dir: &Path, columns: usize, args: &[&str]) -> String {
    let mut command = std::process::Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "while [ \"$(stty size)\" != \"200 {columns}\" ]; do sleep 0.01; done; exec \"$0\" \"$@\""
        ))
        .arg(assert_cmd::cargo::cargo_bin!("tandem"))
        .args(args)
        .current_dir(dir)
        .env_remove("TANDEM_UI_LANG")
        .env_remove("COLUMNS")
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        // No progress bars on the shared terminal.
        .env("CI", "true");
    let mut session = expectrl::session::OsSession::spawn(command).expect("spawn in a pty");
    session
        .get_process_mut()
        .set_window_size(u16::try_from(columns).expect("a terminal's width"), 200)
        .expect("window size");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(60)));
    let (text, code) = finish(session);
    assert_eq!(code, 0, "{text}");
    text.replace("\r\n", "\n")
}

/// The widest line, commands to paste aside (`Next: tandem diff …`, `git mv …`): those are never cut.
fn widest(text: &str) -> usize {
    text.lines()
        .filter(|l| !(l.contains("tandem ") || l.trim_start().starts_with("git ")))
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// Commit hashes and dates replaced by placeholders.
fn redact(text: &str) -> String {
    let hash = regex::Regex::new(r"\b[0-9a-f]{7,40}\b").unwrap();
    let date = regex::Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").unwrap();
    date.replace_all(&hash.replace_all(text, "[hash]"), "[date]")
        .into_owned()
}

fn snapshot(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/integration/snapshots")
        .join(format!("{name}.txt"));
    let text = redact(text);
    if std::env::var_os("TANDEM_BLESS_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {} (TANDEM_BLESS_SNAPSHOTS=1 writes it)",
            path.display()
        )
    });
    assert_eq!(
        text, expected,
        "{name} differs from its snapshot (TANDEM_BLESS_SNAPSHOTS=1 rewrites it)"
    );
}

#[test]
fn eighty_columns_summary_first_and_nothing_wider() {
    let repo = site();
    let text = run_in_terminal(repo.path(), 80, &["status"]);
    assert!(widest(&text) <= 80, "a line is wider than 80:\n{text}");
    // No tandem.yaml: how the site was read comes first, broken between words to fit.
    assert!(
        text.starts_with(
            "Site: language folders — content/en, source en (en is among the languages\n  found), 4 languages\n\n3 target languages:\n"
        ),
        "{text}"
    );
    // The summary: the per-language table, then per language the 5 most-behind pages and a count of the rest.
    assert_eq!(text.matches("… and 1 more (--lang ").count(), 3, "{text}");
    assert!(
        !text.contains("Missing ("),
        "the summary lists no missing page:\n{text}"
    );
    // The most-behind page first, its path shortened in the middle (start and file name end kept).
    let first_page = text
        .lines()
        .find(|l| l.contains("2 commits behind"))
        .expect("the most-behind page");
    assert!(first_page.starts_with("  content/de/"), "{first_page}");
    assert!(first_page.contains('…'), "{first_page}");
    snapshot("status-80", &text);
}

#[test]
fn the_terminal_summary_listed_stale_pages_without_saying_why() {
    let repo = site();
    let text = run_in_terminal(repo.path(), 80, &["status"]);
    let lines: Vec<&str> = text.lines().collect();
    let behind: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains(" commits behind") || lines[i].contains(" commit behind"))
        .collect();
    assert_eq!(behind.len(), 15, "{text}");
    for i in behind {
        assert!(
            lines[i + 1].starts_with("    changed sections: "),
            "no reason under {:?}:\n{text}",
            lines[i]
        );
    }
}

#[test]
fn two_hundred_columns_full_paths_where_they_fit() {
    let repo = site();
    let text = run_in_terminal(repo.path(), 200, &["status"]);
    assert!(widest(&text) <= 200, "a line is wider than 200:\n{text}");
    assert!(text.contains(&format!("content/fr/docs/guides/operations/{}.md", LONG[0])));
    snapshot("status-200", &text);

    // --all: every language in full; still within the width.
    let all = run_in_terminal(repo.path(), 80, &["status", "--all"]);
    assert!(widest(&all) <= 80, "{all}");
    assert_eq!(
        all.matches("Stale (6), most behind first:").count(),
        3,
        "{all}"
    );
    // One language: everything about it, no summary.
    let one = run_in_terminal(repo.path(), 80, &["--lang", "fr", "status"]);
    assert!(widest(&one) <= 80, "{one}");
    assert!(
        one.split_once("\n\n").is_some_and(
            |(site, rest)| site.starts_with("Site: ") && rest.starts_with("fr translations")
        ),
        "{one}"
    );
    assert!(one.contains("Stale (6), most behind first:"));
}

#[test]
fn piped_output_keeps_full_paths_one_page_per_line() {
    let repo = site();
    let output = repo.tandem().arg("status").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        !text.contains('…'),
        "piped output is never shortened:\n{text}"
    );
    for lang in ["de", "fr", "ja"] {
        for name in &LONG[..6] {
            let path = format!("content/{lang}/docs/guides/operations/{name}.md");
            let lines: Vec<&str> = text
                .lines()
                .filter(|l| l.trim_start().starts_with(&path))
                .collect();
            assert_eq!(lines.len(), 1, "{path}:\n{text}");
            assert!(lines[0].contains("commit"), "{}", lines[0]);
        }
    }
    // The per-language table first, then every language in full. How the site was read is said on a terminal, and
    // piped with `-v` only.
    assert!(text.starts_with("3 target languages:\n"));
    let verbose = repo.tandem().args(["status", "-v"]).output().unwrap();
    let verbose = String::from_utf8(verbose.stdout).unwrap();
    assert!(
        verbose.starts_with(
            "Site: language folders — content/en, source en (en is among the languages found), 4 languages\n\n"
        ),
        "{verbose}"
    );
    assert_eq!(text.matches("Stale (6), most behind first:").count(), 3);
    snapshot("status-piped", &text);
}

#[test]
fn one_deep_path_padded_every_piped_line_to_its_length() {
    // Hugo's `children` shortcode demo nests a page five sections deep; its missing translation's path is three
    // times as long as the others', and piped, every line of the list was padded to it.
    let mut repo = RepoBuilder::new();
    let deep =
        "content/en/demo/level-one/level-two/level-three/level-four/level-five/level-six/index.md";
    repo.write(deep, md("Deep", "", "Deep."));
    for name in ["alpha", "beta", "gamma", "delta"] {
        repo.write(&format!("content/en/{name}.md"), md(name, "", "Text."));
    }
    repo.commit("sources");
    repo.write("content/fr/beta.md", md("beta", "", "Texte."));
    repo.commit("one translation");
    let output = repo.tandem().arg("status").output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("(source ")).collect();
    assert_eq!(lines.len(), 4, "{text}");
    let short = lines
        .iter()
        .find(|l| l.contains("content/fr/alpha.md"))
        .expect("alpha's line");
    assert!(
        short.starts_with("  content/fr/alpha.md   (source "),
        "a short path is padded to the other short paths only:\n{text}"
    );
    let long = lines.iter().find(|l| l.contains("level-six")).unwrap();
    assert!(
        long.contains("index.md   (source content/en/demo/"),
        "the deep path runs past the column, three spaces before its source:\n{text}"
    );
}

#[test]
fn a_site_without_pins_said_weaker_method_on_every_stale_line() {
    // Every stale line of a site that pins nothing said "⚠ weaker method": noise where there is no other method.
    // Said once below the lists there; beside each line only where some pages are pinned (they stand apart).
    let mut repo = RepoBuilder::new();
    for name in ["alpha", "beta", "gamma"] {
        repo.write(&format!("content/en/{name}.md"), md(name, "", "Text."));
    }
    repo.commit("sources");
    for name in ["alpha", "beta", "gamma"] {
        repo.write(&format!("content/fr/{name}.md"), md(name, "", "Texte."));
    }
    let translated = repo.commit("translations");
    for name in ["alpha", "beta", "gamma"] {
        repo.write(
            &format!("content/en/{name}.md"),
            md(name, "", "Text, longer now."),
        );
    }
    repo.commit("sources change");
    let status = |repo: &RepoBuilder, lang: &str| {
        let output = repo
            .tandem()
            .args(["status", "--ui-lang", lang])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let text = status(&repo, "en");
    assert_eq!(text.matches("commit behind").count(), 3, "{text}");
    assert!(!text.contains("⚠ weaker method"), "{text}");
    assert_eq!(
        text.matches(
            "Sync points: the last meaningful commit of each translation (no page is pinned"
        )
        .count(),
        1,
        "{text}"
    );
    let text = status(&repo, "fr");
    assert_eq!(
        text.matches("aucune page n’est épinglée").count(),
        1,
        "{text}"
    );
    // One page pinned: the pages found by history are marked, the note goes.
    repo.write(
        "content/fr/alpha.md",
        md(
            "alpha",
            &format!("default_lang_commit: {translated}\n"),
            "Texte.",
        ),
    );
    repo.commit("pin alpha");
    let text = status(&repo, "en");
    assert_eq!(text.matches("⚠ weaker method").count(), 2, "{text}");
    assert!(!text.contains("no page is pinned"), "{text}");
}

#[test]
fn the_note_below_the_lists_was_cut_at_the_terminal_width() {
    // On a terminal every line is cut to its width; the note on sync points below the lists is advice, and cut it
    // lost its end ("`tandem sync PAGE` pins t…" at 160 columns). It is broken between words instead.
    let mut repo = RepoBuilder::new();
    repo.write("content/en/alpha.md", md("alpha", "", "Text."));
    repo.commit("source");
    repo.write("content/fr/alpha.md", md("alpha", "", "Texte."));
    repo.commit("translation");
    repo.write("content/en/alpha.md", md("alpha", "", "Text, longer now."));
    repo.commit("source changes");
    for (lang, end) in [
        ("en", "pins the source commit it matches."),
        ("fr", "épingle le commit source qu’elle suit."),
    ] {
        let text = run_in_terminal(repo.path(), 60, &["status", "--ui-lang", lang]);
        let lines: Vec<&str> = text.lines().collect();
        let note = lines
            .iter()
            .skip_while(|line| {
                !line.contains("Sync points") && !line.contains("Points de synchronisation")
            })
            .take_while(|line| !line.trim().is_empty())
            .collect::<Vec<_>>();
        assert!(note.len() >= 3, "{lang}: {text}");
        let joined: Vec<&str> = note.iter().map(|line| line.trim()).collect();
        assert!(joined.join(" ").ends_with(end), "{lang}: {text}");
        for line in &note {
            assert!(!line.contains('…'), "{lang}: {line}");
            assert!(
                unicode_width::UnicodeWidthStr::width(**line) <= 60,
                "{lang}: {line}"
            );
        }
    }
}

#[test]
fn a_language_typed_as_a_path_said_only_that_no_page_was_there() {
    // `tandem status fr` reads `fr` as a PATH: the error now says that fr is a language and what shows it.
    let mut repo = RepoBuilder::new();
    repo.write("content/en/alpha.md", md("alpha", "", "Text."));
    repo.write("content/fr/alpha.md", md("alpha", "", "Texte."));
    repo.commit("pages");
    let output = repo.tandem().args(["status", "fr"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("no page at or under fr"), "{err}");
    assert!(err.contains("--lang fr shows only its pages"), "{err}");
    // A path that is no language keeps the hint about where paths start.
    let output = repo.tandem().args(["status", "docs"]).output().unwrap();
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("paths are relative to the folder"), "{err}");
    assert!(!err.contains("--lang"), "{err}");
}

/// On a narrow terminal the `Next:` line was cut like any other (`Next: tandem diff content/fr/docs/guides/ope…`),
/// and pasted it failed ("no page at or under …"). A line holding a command is left whole for the terminal to wrap.
#[test]
fn the_next_command_was_cut_to_the_terminal_and_failed_when_pasted() {
    let repo = site();
    let text = run_in_terminal(repo.path(), 60, &["status", "--lang", "fr"]);
    let next = text
        .lines()
        .find(|l| l.starts_with("Next: "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(!next.contains('…'), "{text}");
    let page = next.trim_start_matches("Next: tandem diff ");
    assert!(repo.path().join(page).is_file(), "{next}");
}
