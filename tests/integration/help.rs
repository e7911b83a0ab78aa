//! The command line speaks the UI language: `--help` of every command, usage errors, man pages, completions.

use std::collections::BTreeSet;

use predicates::prelude::*;
use tandem::i18n::{Messages, UiLang};

use crate::support::{RepoBuilder, md, tandem_in};

/// Every command's words on the command line: `[]` for tandem itself, then `["status"]`…, `help` included.
fn commands() -> Vec<Vec<String>> {
    let root = tandem::help::command(&Messages::new(UiLang::En));
    let mut out = vec![Vec::new()];
    out.extend(
        root.get_subcommands()
            .filter(|sub| !sub.is_hide_set())
            .map(|sub| vec![sub.get_name().to_owned()]),
    );
    out
}

fn help(dir: &std::path::Path, lang: &str, command: &[String], flag: &str) -> String {
    let output = tandem_in(dir)
        .args(["--ui-lang", lang])
        .args(command)
        .arg(flag)
        .output()
        .unwrap();
    assert!(output.status.success(), "{command:?} {flag}");
    String::from_utf8(output.stdout).unwrap()
}

/// A help line with flag names, value names, defaults, possible values and examples (`…` in backquotes) taken out;
/// `None` when nothing is left that a person would read.
fn prose(line: &str) -> Option<String> {
    // Bracketed specs ([default: x], [possible values: …], [OPTIONS]), value names (<FILE>), examples (`git log -1`).
    let specs = regex::Regex::new(r"\[[^\]]*\]|<[^>]*>|`[^`]*`").unwrap();
    let text = specs.replace_all(line, " ");
    let kept: Vec<&str> = text
        .split_whitespace()
        // Flag names, and words without a lowercase letter (value names, environment variables).
        .filter(|w| !w.starts_with('-') && w.chars().any(char::is_lowercase))
        .collect();
    // A single word is a command or a value name (`status`, `auto:`), the same in every language.
    (kept.len() > 1).then(|| kept.join(" "))
}

#[test]
fn french_help_of_every_command_shares_no_line_with_english() {
    let dir = tempfile::tempdir().unwrap();
    let commands = commands();
    assert!(commands.len() > 12, "{commands:?}");
    for command in &commands {
        // `tandem help --help` is not a thing: `tandem help help` shows the `help` command's page.
        let flags: &[&str] = if command == &["help"] {
            &["help"]
        } else {
            &["--help", "-h"]
        };
        for flag in flags {
            let english: BTreeSet<String> = help(dir.path(), "en", command, flag)
                .lines()
                .filter_map(prose)
                .collect();
            let french = help(dir.path(), "fr", command, flag);
            assert!(french.contains("Utilisation : tandem"), "{french}");
            let shared: Vec<String> = french
                .lines()
                .filter_map(prose)
                .filter(|line| english.contains(line))
                .collect();
            assert!(
                shared.is_empty(),
                "`tandem {} {flag}` shares with English: {shared:#?}",
                command.join(" ")
            );
        }
    }
}

#[test]
fn french_help_has_french_headings_defaults_and_value_descriptions() {
    let dir = tempfile::tempdir().unwrap();
    let status = help(dir.path(), "fr", &["status".to_owned()], "--help");
    for expected in [
        "Utilisation : tandem status [OPTIONS] [CHEMIN]...",
        "Arguments :",
        "Options :",
        "Valeurs possibles :",
        "- history: Le dernier commit qui a modifié la traduction",
        "[par défaut : auto]",
        "[valeurs possibles : text, json, markdown, html]",
        "Afficher l’aide (un résumé avec « -h »)",
    ] {
        assert!(status.contains(expected), "{expected} not in {status}");
    }
    let top = help(dir.path(), "fr", &[], "--help");
    assert!(top.contains("Commandes :"), "{top}");
    assert!(top.contains("<COMMANDE>"), "{top}");
    assert!(top.contains("Codes de sortie : 0"), "{top}");
    // `tandem help status` is the same page.
    let output = tandem_in(dir.path())
        .args(["--ui-lang", "fr", "help", "status"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        help(dir.path(), "fr", &["status".to_owned()], "--help")
    );
}

#[test]
fn help_language_from_environment_config_and_locale() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."));
    repo.commit("en");
    let french = "Utilisation : tandem status";
    repo.tandem()
        .args(["status", "--help"])
        .env("TANDEM_UI_LANG", "fr")
        .assert()
        .success()
        .stdout(predicate::str::contains(french));
    repo.tandem()
        .args(["status", "--help"])
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .assert()
        .stdout(predicate::str::contains(french));
    // The flag wins over the environment.
    repo.tandem()
        .args(["--ui-lang", "en", "status", "--help"])
        .env("TANDEM_UI_LANG", "fr")
        .assert()
        .stdout(predicate::str::contains("Usage: tandem status"));
    // A config found from a subfolder, and one named by --config.
    repo.write("tandem.yaml", "ui_language: fr\n");
    std::fs::create_dir_all(repo.path().join("content/en/sub")).unwrap();
    tandem_in(&repo.path().join("content/en/sub"))
        .args(["status", "--help"])
        .assert()
        .stdout(predicate::str::contains(french));
    repo.write("other.yaml", "ui_language: en\n");
    repo.tandem()
        .args(["--config", "other.yaml", "status", "--help"])
        .assert()
        .stdout(predicate::str::contains("Usage: tandem status"));
    // A config that does not load is no reason to fail `--help`.
    repo.write("tandem.yaml", "ui_language: [\n");
    repo.tandem()
        .args(["status", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: tandem status"));
}

/// Runs a French command line that clap rejects; returns stderr, after checking the exit code and stdout.
fn usage_error(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let output = tandem_in(dir.path())
        .args(["--ui-lang", "fr"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("erreur : "), "{stderr}");
    assert!(
        stderr
            .trim_end()
            .ends_with("Pour en savoir plus, essayez « --help »."),
        "{stderr}"
    );
    for english in ["error:", "Usage:", "tip:", "For more information"] {
        assert!(!stderr.contains(english), "{english} in {stderr}");
    }
    stderr
}

#[test]
fn usage_error_unknown_subcommand_in_french() {
    let stderr = usage_error(&["statu"]);
    assert!(
        stderr.contains("sous-commande inconnue « statu »"),
        "{stderr}"
    );
    assert!(
        stderr.contains("astuce : une sous-commande proche existe : « status »"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Utilisation : tandem [OPTIONS] <COMMANDE>"),
        "{stderr}"
    );
}

#[test]
fn usage_error_unknown_flag_in_french() {
    let stderr = usage_error(&["status", "--formt", "json"]);
    assert!(
        stderr.contains("argument inattendu « --formt »"),
        "{stderr}"
    );
    assert!(
        stderr.contains("astuce : un argument proche existe : « --format »"),
        "{stderr}"
    );
    assert!(stderr.contains("Utilisation : tandem status"), "{stderr}");
}

#[test]
fn usage_error_invalid_value_in_french() {
    let stderr = usage_error(&["status", "--format", "jsn"]);
    assert!(
        stderr.contains("valeur incorrecte « jsn » pour « --format <FORMAT> »"),
        "{stderr}"
    );
    assert!(
        stderr.contains("astuce : une valeur proche existe : « json »"),
        "{stderr}"
    );
    let stderr = usage_error(&["status", "--mode", "zzz"]);
    assert!(
        stderr.contains("astuce : valeurs possibles : auto, pin, history"),
        "{stderr}"
    );
}

#[test]
fn french_help_named_values_in_english_and_put_global_options_first() {
    let dir = tempfile::tempdir().unwrap();
    let pair = help(dir.path(), "fr", &["pair".to_owned()], "--help");
    // The placeholders are the words the help's sentences use.
    assert!(
        pair.contains(
            "-C, --repo <DOSSIER>         Travailler comme si tandem était lancé dans DOSSIER"
        ),
        "{pair}"
    );
    assert!(pair.contains("--min-score <SCORE>"), "{pair}");
    assert!(pair.contains("--config <FICHIER>"), "{pair}");
    let diff = help(dir.path(), "fr", &["diff".to_owned()], "--help");
    assert!(
        diff.contains("Utilisation : tandem diff [OPTIONS] <PAGE>"),
        "{diff}"
    );
    assert!(diff.contains("--rev <RÉV>"), "{diff}");
    // The command's own options first, then those every command takes.
    let at = |text: &str, what: &str| {
        text.find(what)
            .unwrap_or_else(|| panic!("{what} not in {text}"))
    };
    assert!(at(&pair, "--suggest") < at(&pair, "--repo"), "{pair}");
    assert!(at(&pair, "--format") < at(&pair, "--config"), "{pair}");
    let english = help(dir.path(), "en", &["pair".to_owned()], "--help");
    assert!(english.contains("-C, --repo <DIR>"), "{english}");
    assert!(
        at(&english, "--min-score <SCORE>") < at(&english, "--repo"),
        "{english}"
    );
}

#[test]
fn usage_error_value_rejected_by_tandem_in_french() {
    let stderr = usage_error(&["pair", "--min-score", "3"]);
    assert!(
        stderr.contains("valeur incorrecte « 3 » pour « --min-score <SCORE> » : 3 n’est pas un score entre 0 et 1"),
        "{stderr}"
    );
}

#[test]
fn usage_error_missing_argument_in_french() {
    let stderr = usage_error(&["diff"]);
    assert!(
        stderr.contains("il manque l’argument obligatoire <PAGE>"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Utilisation : tandem diff <PAGE>"),
        "{stderr}"
    );
}

#[test]
fn usage_error_missing_value_in_french() {
    let stderr = usage_error(&["status", "--format"]);
    assert!(
        stderr.contains("« --format <FORMAT> » attend une valeur"),
        "{stderr}"
    );
    assert!(
        stderr.contains("valeurs possibles : text, json, markdown, html"),
        "{stderr}"
    );
}

#[test]
fn usage_error_conflicting_flags_in_french() {
    let stderr = usage_error(&["sync", "--drift-only", "--stale"]);
    assert!(
        stderr.contains("l’argument « --drift-only » ne peut pas être utilisé avec « --stale »"),
        "{stderr}"
    );
}

#[test]
fn usage_error_missing_subcommand_in_french() {
    let stderr = usage_error(&["-q"]);
    assert!(
        stderr.contains("« tandem » attend une sous-commande"),
        "{stderr}"
    );
}

#[test]
fn usage_error_unexpected_extra_argument_in_french() {
    let stderr = usage_error(&["diff", "a.md", "b.md"]);
    assert!(stderr.contains("argument inattendu « b.md »"), "{stderr}");
}

#[test]
fn usage_errors_stay_english_in_english() {
    let dir = tempfile::tempdir().unwrap();
    tandem_in(dir.path())
        .arg("statu")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: unrecognized subcommand 'statu'",
        ))
        .stderr(predicate::str::contains(
            "tip: a similar subcommand exists: 'status'",
        ))
        .stderr(predicate::str::contains(
            "Usage: tandem [OPTIONS] <COMMAND>",
        ));
}

#[test]
fn man_prints_any_command_page_and_writes_them_all_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let output = tandem_in(dir.path())
        .args(["--ui-lang", "fr", "man", "status"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains(".TH tandem-status 1"), "{page}");
    assert!(page.contains(".SH NOM"), "{page}");
    assert!(
        page.contains("Le verdict de chaque paire de pages"),
        "{page}"
    );
    assert!(page.contains("Valeurs possibles :"), "{page}");
    assert!(!page.contains(".SH NAME"), "{page}");
    let top = tandem_in(dir.path()).arg("man").output().unwrap();
    let top = String::from_utf8(top.stdout).unwrap();
    assert!(
        top.contains(".SH NAME") && top.contains("tandem\\-status(1)"),
        "{top}"
    );

    let out = dir.path().join("man");
    tandem_in(dir.path())
        .args(["--ui-lang", "fr", "man", "--out", "man"])
        .assert()
        .success()
        .stderr(predicate::str::contains("pages de manuel écrites dans"));
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    let mut expected: Vec<String> = commands()
        .iter()
        .filter(|c| c.first().is_none_or(|name| name != "help"))
        .map(|c| match c.first() {
            None => "tandem.1".to_owned(),
            Some(name) => format!("tandem-{name}.1"),
        })
        .collect();
    expected.sort();
    assert_eq!(written, expected);
    let diff = std::fs::read_to_string(out.join("tandem-diff.1")).unwrap();
    assert!(diff.contains("Surligner les mots qui ont changé"), "{diff}");

    tandem_in(dir.path())
        .args(["--ui-lang", "fr", "man", "statut"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "erreur : tandem n’a pas de commande statut",
        ));
}

#[test]
fn completions_offer_the_site_languages_for_lang_and_en_fr_for_ui_lang() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha."))
        .write("content/de/a.md", md("A", "", "Alpha."));
    repo.commit("three languages");
    let languages = repo.tandem().arg("__languages").output().unwrap();
    assert!(languages.status.success());
    let mut listed: Vec<String> = String::from_utf8(languages.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    listed.sort();
    assert_eq!(listed, ["de", "fr"]);
    // Outside a site: nothing, quietly (a completion must not print errors).
    let dir = tempfile::tempdir().unwrap();
    tandem_in(dir.path())
        .arg("__languages")
        .assert()
        .success()
        .stdout("")
        .stderr("");

    let script = |shell: &str| {
        let output = repo.tandem().args(["completions", shell]).output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let bash = script("bash");
    let lang_case = bash.find("--lang)").expect("a --lang case");
    assert!(
        bash[lang_case..].lines().nth(1).unwrap().contains(
            "COMPREPLY=($(compgen -W \"$(tandem __languages 2>/dev/null)\" -- \"${cur}\"))"
        ),
        "{}",
        &bash[lang_case..lang_case + 200]
    );
    let ui_case = bash.find("--ui-lang)").expect("a --ui-lang case");
    assert!(
        bash[ui_case..]
            .lines()
            .nth(1)
            .unwrap()
            .contains("compgen -W \"en fr\""),
        "{}",
        &bash[ui_case..ui_case + 200]
    );
    assert!(
        !bash.contains(" __languages help\""),
        "the hidden command is offered"
    );
    let zsh = script("zsh");
    assert!(zsh.contains(":LANG:{compadd -- $(tandem __languages 2>/dev/null)}"));
    assert!(zsh.contains(":LANG:(en fr)"));
    let fish = script("fish");
    assert!(fish.contains("-l lang -d 'Target languages, comma-separated (default: all)' -r -f -a \"(tandem __languages 2>/dev/null)\""));
    assert!(!fish.contains("-a \"__languages\""));
}
