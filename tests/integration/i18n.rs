//! tandem speaks English and French: same message ids in both catalogs, and the language chosen by flag, environment,
//! config or system locale.

use std::collections::BTreeSet;

use predicates::prelude::*;

use crate::support::{RepoBuilder, md};

fn ids(path: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    text.lines()
        .filter(|line| !line.starts_with(' ') && !line.starts_with('#') && !line.starts_with('.'))
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

#[test]
fn both_catalogs_have_the_same_message_ids() {
    let en = ids("locales/en.ftl");
    let fr = ids("locales/fr.ftl");
    assert!(en.len() > 50, "{}", en.len());
    let only_en: Vec<_> = en.difference(&fr).collect();
    let only_fr: Vec<_> = fr.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_fr.is_empty(),
        "only en: {only_en:?}; only fr: {only_fr:?}"
    );
}

#[test]
fn french_called_a_pin_both_epingle_and_epinglage() {
    // One word for one thing: a pin is « une épingle » (a page is « épinglée »), as `status` and `check` say it;
    // « épinglage » (the act) had crept into five messages about the pin itself.
    let text =
        std::fs::read_to_string(format!("{}/locales/fr.ftl", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mixed: Vec<&str> = text
        .lines()
        .filter(|line| line.contains("épinglage"))
        .collect();
    assert!(mixed.is_empty(), "{mixed:#?}");
    assert!(text.contains("les épingles invalides"));
}

#[test]
fn every_message_id_used_in_the_code_exists() {
    let en = ids("locales/en.ftl");
    let mut missing = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text.match_indices('"') {
                let rest = &text[i + 1..];
                let Some(end) = rest.find('"') else { continue };
                let candidate = &rest[..end];
                let looks_like_id = candidate.len() > 4
                    && candidate
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                    && [
                        "error-",
                        "hint-",
                        "warn-",
                        "status-",
                        "reason-",
                        "sync-",
                        "demo-",
                        "md-col-",
                        "state-",
                        "commits-",
                        "pair-",
                        "suggest-",
                        "evidence-",
                        "edit-",
                        "scaffold-",
                        "check-",
                        "tasks-",
                        "diff-",
                        "compare-",
                        "signal-",
                        "change-",
                        "severity-",
                        "init-",
                        "prompt-",
                        "detail-",
                        "usage-",
                        "man-",
                        "file-kind-",
                        "yaml-",
                    ]
                    .iter()
                    .any(|p| candidate.starts_with(p));
                if looks_like_id && !candidate.ends_with('-') && !en.contains(candidate) {
                    missing.push(format!("{}: {candidate}", path.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "message ids not in en.ftl: {missing:#?}"
    );
}

fn site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    repo.commit("en");
    repo.write("content/fr/a.md", md("A", "", "Alpha."));
    repo.commit("fr");
    repo
}

#[test]
fn ui_language_from_flag_env_config_and_locale() {
    let repo = site();
    // The language in parentheses: "Traductions en —" read as "translations in —".
    let french = "Traductions (fr) — 2 pages source, 1 traduite (50 %)";
    let english = "fr translations — 2 source pages, 1 translated (50%)";
    repo.tandem()
        .args(["--ui-lang", "fr", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains(french));
    repo.tandem()
        .arg("status")
        .env("TANDEM_UI_LANG", "fr")
        .assert()
        .stdout(predicate::str::contains(french));
    repo.tandem()
        .args(["--ui-lang", "en", "status"])
        .env("TANDEM_UI_LANG", "fr")
        .assert()
        .stdout(predicate::str::contains(english));
    repo.tandem()
        .arg("status")
        .env_remove("LC_ALL")
        .env("LANG", "fr_CA.UTF-8")
        .assert()
        .stdout(predicate::str::contains(french))
        .stdout(predicate::str::contains("Manquantes (1) :"));
    repo.write("tandem.yaml", "ui_language: fr\n");
    repo.tandem()
        .arg("status")
        .assert()
        .stdout(predicate::str::contains(french));
}

#[test]
fn errors_in_french() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::tandem_in(dir.path())
        .args(["--ui-lang", "fr", "status"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("erreur : "))
        .stderr(predicate::str::contains("n’est pas dans un dépôt git"));
}

/// Runs `tandem --ui-lang fr ARGS` on `repo`, expecting a stopping error; returns its one line.
fn french_error(repo: &RepoBuilder, args: &[&str]) -> String {
    let output = repo
        .tandem()
        .args(["--ui-lang", "fr"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("erreur : "), "{stderr}");
    for english in [
        "supported",
        "found:",
        "valid:",
        "did you mean",
        "does not exist",
        "expected",
        "layout keeps",
    ] {
        assert!(!stderr.contains(english), "{english} in {stderr}");
    }
    stderr
}

#[test]
fn details_inside_errors_are_french_too() {
    let repo = site();
    repo.write("tandem.yaml", "layout: sufix\n");
    let line = french_error(&repo, &["status"]);
    assert!(
        line.contains(
            "valeur incorrecte pour layout dans tandem.yaml : sufix (possibles : dirs, suffix"
        ),
        "{line}"
    );
    assert!(line.contains("vouliez-vous dire suffix ?"), "{line}");

    repo.write("tandem.yaml", "content: 3\n");
    let line = french_error(&repo, &["status"]);
    assert!(
        line.contains(
            "une liste de dossiers, ou une table qui associe à chaque langue son dossier"
        ),
        "{line}"
    );

    repo.write(
        "tandem.yaml",
        "content: { en: content/en, fr: content/fr }\nlanguages: [de]\n",
    );
    let line = french_error(&repo, &["status"]);
    assert!(line.contains("de (trouvées : "), "{line}");

    repo.write("tandem.yaml", "pairing: { map: absent.yaml }\n");
    let line = french_error(&repo, &["status"]);
    assert!(line.contains("absent.yaml n’existe pas"), "{line}");

    repo.write("tandem.yaml", "check: { fail_on: [stal] }\n");
    let line = french_error(&repo, &["check"]);
    assert!(
        line.contains("stal (valeurs possibles : stale, missing"),
        "{line}"
    );

    repo.write("tandem.yaml", "- a list\n");
    let line = french_error(&repo, &["status"]);
    assert!(
        line.contains("une table de réglages était attendue"),
        "{line}"
    );
}

/// What another crate says (here the YAML parser) is kept as it is, quoted after a French sentence.
#[test]
fn text_from_other_crates_is_quoted_after_a_french_sentence() {
    let repo = site();
    repo.write("tandem.yaml", "source: \"a\\q\"\n");
    let output = repo
        .tandem()
        .args(["--ui-lang", "fr", "status"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("erreur : impossible de lire tandem.yaml : ligne 1 : « "),
        "{stderr}"
    );
    assert!(stderr.contains(" » — "), "{stderr}");
}

/// The French verdict "unknown" was masculine (`inconnu`) beside `obsolète, manquante, orpheline` and the headers
/// `Inconnues (2) :`: a translation is feminine.
#[test]
fn french_unknown_verdict_was_masculine() {
    let repo = site();
    let markdown = repo.stdout(&[
        "--ui-lang",
        "fr",
        "status",
        "--mode",
        "pin",
        "--format",
        "markdown",
    ]);
    assert!(
        markdown.contains("| `content/fr/a.md` | inconnue |"),
        "{markdown}"
    );
    let html = repo.stdout(&[
        "--ui-lang",
        "fr",
        "status",
        "--mode",
        "pin",
        "--format",
        "html",
    ]);
    assert!(html.contains(">inconnue<"), "{html}");
    assert!(!html.contains(">inconnu<"), "{html}");
}

/// French check named its findings in English (`✗ missing`, the step summary's `missing`, JUnit's `warning missing:`)
/// and titled the annotation `Non traduite`, where status says `manquante` (English: `Not translated` for `missing`).
#[test]
fn french_check_named_verdicts_in_english() {
    let repo = site();
    let text = repo.stdout(&["--ui-lang", "fr", "check", "--color", "never"]);
    assert!(
        text.contains("  ✗ manquante (missing)  content/en/b.md:1  "),
        "{text}"
    );
    let github = repo.stdout(&["--ui-lang", "fr", "check", "--format", "github"]);
    assert!(
        github.contains(",title=Traduction manquante (fr)::"),
        "{github}"
    );
    let junit = repo.stdout(&[
        "--ui-lang",
        "fr",
        "check",
        "--format",
        "junit",
        "--warn-only",
    ]);
    assert!(
        junit.contains("<system-out>attention : manquante (missing) — content/en/b.md "),
        "{junit}"
    );
    let summary = tempfile::NamedTempFile::new().unwrap();
    repo.tandem()
        .args(["--ui-lang", "fr", "check", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", summary.path())
        .output()
        .unwrap();
    let summary = std::fs::read_to_string(summary.path()).unwrap();
    assert!(
        summary.contains("| `content/fr/b.md` | manquante (`missing`) | "),
        "{summary}"
    );
    let help = repo.stdout(&["--ui-lang", "fr", "status", "--help"]);
    assert!(
        help.contains("sans épingle est inconnue (`no-pin`)"),
        "{help}"
    );
    // English: the same word as status, without the id twice.
    let text = repo.stdout(&["check", "--color", "never"]);
    assert!(text.contains("  ✗ missing  content/en/b.md:1  "), "{text}");
    let github = repo.stdout(&["check", "--format", "github"]);
    assert!(
        github.contains(",title=Translation missing (fr)::"),
        "{github}"
    );
    let junit = repo.stdout(&["check", "--format", "junit", "--warn-only"]);
    assert!(
        junit.contains("<system-out>warning: missing — content/en/b.md "),
        "{junit}"
    );
}

/// YAML errors showed the parser's English ("line 1 column 9: unclosed bracket '['", "expected sequence start" for
/// `languages: fr`), and in a front matter a line counted from the line after `---`, beside the file's own line.
#[test]
fn yaml_errors_showed_the_parser_s_english_and_its_own_line() {
    let repo = site();
    let cases = [
        (
            "source: [en\n",
            "impossible de lire tandem.yaml : ligne 1 : un [ n’est jamais fermé (il manque son ])",
        ),
        (
            "languages: fr\n",
            "valeur incorrecte pour languages dans tandem.yaml : une liste est attendue : écrivez languages: [fr]",
        ),
        (
            "check:\n  fail_on: stale, missing\n",
            "une liste est attendue : écrivez fail_on: [stale, missing]",
        ),
        (
            "source: en\nlanguages:\n\t- fr\n",
            "une tabulation là où YAML n’accepte que des espaces",
        ),
        (
            "source: \"en\nlanguages: [fr]\n",
            "ligne 1 : une valeur entre guillemets n’est jamais fermée",
        ),
    ];
    for (yaml, french) in cases {
        repo.write("tandem.yaml", yaml);
        let line = french_error(&repo, &["status"]);
        assert!(line.contains(french), "{yaml:?}: {line}");
        assert!(!line.contains("column"), "{yaml:?}: {line}");
    }
    std::fs::remove_file(repo.path().join("tandem.yaml")).unwrap();
    repo.write(
        "content/fr/a.md",
        "---\ntitle: A\nweight: 3\ndescription: \"abc\n---\n\nAlpha.\n",
    );
    let output = repo.tandem().args(["status"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "warning: content/fr/a.md:4: broken front matter: a quoted value is never closed (its closing quote is missing)\n"
        ),
        "{stderr}"
    );
    let output = repo
        .tandem()
        .args(["--ui-lang", "fr", "status"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("content/fr/a.md:4 : ")
            && stderr.contains(" : une valeur entre guillemets n’est jamais fermée"),
        "{stderr}"
    );
    assert!(!stderr.contains("line 3"), "{stderr}");
}

/// French wording the audit found awkward: « source en (en est parmi… » read as a preposition, « ni A ni B n’existe »,
/// « Suivant : » beside « Ensuite : », and « en-tête (front matter) » beside « front matter ».
#[test]
fn french_wording_read_awkwardly() {
    let mut repo = site();
    let text = repo.stdout(&["--ui-lang", "fr", "status", "-v"]);
    assert!(
        text.contains("langue source : en (« en » figure parmi les langues trouvées)"),
        "{text}"
    );
    let output = repo
        .tandem()
        .args(["--ui-lang", "fr", "compare", "absent-a.md", "absent-b.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("absent-b.md n’existent — "), "{stderr}");
    repo.write("content/en/a.md", md("A", "", "Alpha, now longer."));
    repo.commit("en: a");
    let text = repo.stdout(&["--ui-lang", "fr", "status", "--color", "never"]);
    assert!(text.contains("Ensuite : tandem diff"), "{text}");
    assert!(!text.contains("Suivant"), "{text}");
    repo.write("content/fr/a.md", "---\ntitle: \"A\n---\n\nAlpha.\n");
    let output = repo
        .tandem()
        .args(["--ui-lang", "fr", "status"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains(" : front matter invalide : "), "{stderr}");
    assert!(!stderr.contains("en-tête"), "{stderr}");
}

/// `check.fail_on: [stale-in-prr]` listed the valid values without the nearest one, which `layout: sufix` gets.
#[test]
fn a_misspelt_fail_on_got_no_suggestion() {
    let repo = site();
    repo.write("tandem.yaml", "check: { fail_on: [stale-in-prr] }\n");
    let line = french_error(&repo, &["check"]);
    assert!(
        line.contains(" ; vouliez-vous dire stale-in-pr ?"),
        "{line}"
    );
    let output = repo.tandem().arg("check").output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("; did you mean stale-in-pr?"), "{stderr}");
}
