//! Works out of the box: each real-world site shape under `tests/fixtures/` is copied into a fresh repository and
//! read with no `tandem.yaml`. The expected source, languages and pairs are written here by hand from the fixture's
//! files, never captured from tandem's output. Then `init --yes` writes a config, and reading the site through it
//! gives the same answer.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{RepoBuilder, page, tandem_in};

/// A fresh repository holding the fixture `name`, committed.
fn fixture(name: &str) -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    copy_dir(&root, &root, &repo);
    repo.commit(&format!("the {name} site"));
    repo
}

fn copy_dir(root: &Path, dir: &Path, repo: &RepoBuilder) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            copy_dir(root, &path, repo);
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            repo.write(&rel, std::fs::read(&path).unwrap());
        }
    }
}

/// What tandem says about a site: the source language, the target languages, the pairs (language, source,
/// translation) and the translations it expects but does not find (language, expected path).
#[derive(Debug, PartialEq, Eq)]
struct Answer {
    source: String,
    languages: BTreeSet<String>,
    pairs: BTreeSet<(String, String, String)>,
    missing: BTreeSet<(String, String)>,
}

fn answer(repo: &RepoBuilder) -> Answer {
    let output = repo
        .tandem()
        .args(["pair", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "pair failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = |v: &serde_json::Value| v.as_str().unwrap().to_owned();
    let pairs: BTreeSet<(String, String, String)> = json["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                text(&p["language"]),
                text(&p["source"]),
                text(&p["translation"]),
            )
        })
        .collect();
    let missing = json["unpaired"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["reason"] == "not-translated")
        .map(|u| (text(&u["language"]), text(&u["expected"])))
        .collect();
    let status = repo.status_json(&[]);
    let languages = status["summary"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    Answer {
        source: text(&json["source_language"]),
        languages,
        pairs,
        missing,
    }
}

fn set<const N: usize>(items: [(&str, &str, &str); N]) -> BTreeSet<(String, String, String)> {
    items
        .into_iter()
        .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()))
        .collect()
}

fn missing<const N: usize>(items: [(&str, &str); N]) -> BTreeSet<(String, String)> {
    items
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

fn languages(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|l| (*l).to_owned()).collect()
}

/// `init --yes` writes a config that loads, and the site read through it gives `expected` again. Returns the file.
fn init_gives_the_same_answer(repo: &RepoBuilder, expected: &Answer) -> String {
    init_gives_the_same_answer_at(repo, expected, "tandem.yaml")
}

/// [`init_gives_the_same_answer`] for a site whose root is below the repository's top: `init` writes its config
/// there (`config`), and a run from the top reads it.
fn init_gives_the_same_answer_at(repo: &RepoBuilder, expected: &Answer, config: &str) -> String {
    repo.tandem().args(["init", "--yes"]).assert().success();
    let text = repo.read(config);
    tandem::site::config::FileConfig::parse(&text, "tandem.yaml").expect("tandem.yaml loads");
    assert_eq!(
        &answer(repo),
        expected,
        "through the written config:\n{text}"
    );
    text
}

#[test]
fn hugo_top_level_content_dir_is_the_default_languages_folder() {
    let repo = fixture("hugo-top-level-contentdir");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["bn", "fr"]),
        pairs: set([
            ("bn", "content/en/_index.md", "content/bn/_index.md"),
            ("fr", "content/en/_index.md", "content/fr/_index.md"),
            ("fr", "content/en/docs/pod.md", "content/fr/docs/pod.md"),
        ]),
        missing: missing([
            ("bn", "content/bn/docs/node.md"),
            ("bn", "content/bn/docs/pod.md"),
            ("fr", "content/fr/docs/node.md"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(
        config.contains("source: en  # defaultContentLanguage in config.toml"),
        "{config}"
    );
    assert!(config.contains("https://glossary.example.org/"), "{config}");
}

#[test]
fn hugo_config_folder_with_module_mounts() {
    let repo = fixture("hugo-config-dir-mounts");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            (
                "en",
                "content/francais/_index.md",
                "content/english/_index.md",
            ),
            (
                "en",
                "content/francais/blog/releve.md",
                "content/english/blog/releve.md",
            ),
        ]),
        missing: missing([("en", "content/english/blog/second.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(
        config.contains("# content mounts with a lang in config/_default/module.yaml"),
        "{config}"
    );
    assert!(
        config.contains("defaultContentLanguage in config/_default/hugo.yaml"),
        "{config}"
    );
}

#[test]
fn starlight_root_locale_with_mdx_and_the_translatable_flag() {
    let repo = fixture("starlight-root-locale");
    // guides/releases.md has no i18nReady: it is never missing.
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr", "pt-br"]),
        pairs: set([
            (
                "fr",
                "src/content/docs/index.mdx",
                "src/content/docs/fr/index.mdx",
            ),
            (
                "fr",
                "src/content/docs/guides/install.md",
                "src/content/docs/fr/guides/install.md",
            ),
            (
                "pt-br",
                "src/content/docs/guides/configure.mdx",
                "src/content/docs/pt-br/guides/configure.mdx",
            ),
        ]),
        missing: missing([
            ("fr", "src/content/docs/fr/guides/configure.mdx"),
            ("pt-br", "src/content/docs/pt-br/guides/install.md"),
            ("pt-br", "src/content/docs/pt-br/index.mdx"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    let status = repo.status_json(&[]);
    assert_eq!(status["summary"]["fr"]["total"], 3, "{status:#}");
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(
        config.contains("source: en  # locales in astro.config.mjs"),
        "{config}"
    );
    assert!(
        config.contains("pages: { translatable_flag: i18nReady }"),
        "{config}"
    );
    // `site` and `base` of the config, not the commented-out value.
    assert!(
        config.contains("base_url: \"https://docs.example.com/handbook\""),
        "{config}"
    );
}

#[test]
fn starlight_folder_locale_from_the_lunaria_config() {
    let repo = fixture("starlight-folder-locale");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([(
            "fr",
            "src/content/docs/en/index.mdx",
            "src/content/docs/fr/index.mdx",
        )]),
        missing: missing([("fr", "src/content/docs/fr/start/first-steps.mdx")]),
    };
    assert_eq!(answer(&repo), expected);
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(
        config.contains("locales in lunaria.config.json"),
        "{config}"
    );
}

#[test]
fn eleventy_language_folders_pair_french_slugs_by_key_in_either_case() {
    let repo = fixture("eleventy-keys");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            (
                "fr",
                "src/en/components/alert.md",
                "src/fr/composants/alerte.md",
            ),
            (
                "fr",
                "src/en/components/button.md",
                "src/fr/composants/bouton.md",
            ),
            (
                "fr",
                "src/en/components/index.md",
                "src/fr/composants/index.md",
            ),
        ]),
        missing: missing([("fr", "src/fr/components/date-picker.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(config.contains("content: [src]"), "{config}");
}

#[test]
fn docusaurus_site_with_mdx() {
    let repo = fixture("docusaurus-site");
    let fr = "i18n/fr/docusaurus-plugin-content-docs/current";
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "docs/intro.md", &format!("{fr}/intro.md")),
            (
                "fr",
                "docs/guides/setup.mdx",
                &format!("{fr}/guides/setup.mdx"),
            ),
        ]),
        missing: missing([(
            "fr",
            "i18n/fr/docusaurus-plugin-content-blog/2024-05-01-launch.md",
        )]),
    };
    assert_eq!(answer(&repo), expected);
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(
        config.contains("i18n.defaultLocale in docusaurus.config.js"),
        "{config}"
    );
    assert!(
        config.contains("https://toolkit.example.dev/docs/"),
        "{config}"
    );
}

#[test]
fn hugo_single_folder_with_language_suffixes() {
    let repo = fixture("hugo-suffix");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "content/_index.md", "content/_index.fr.md"),
            ("fr", "content/posts/tea.md", "content/posts/tea.fr.md"),
        ]),
        missing: missing([("fr", "content/posts/coffee.fr.md")]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer(&repo, &expected);
}

/// A Hugo site translating by file name, with pages named after products (`socket.io.md`, `fly.io.md`): `io` (Ido) was
/// read as a language, a target of its own with every page missing, `socket.io.md` orphaned and its Brazilian
/// translation too. Hugo reads only the languages its config lists from file names.
#[test]
fn a_page_named_after_a_product_made_up_a_language() {
    let repo = fixture("hugo-dotted-names");
    let p = |path: &str| format!("content/docs/{path}");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["pt-br"]),
        pairs: set([
            ("pt-br", &p("install.md"), &p("install.pt-br.md")),
            (
                "pt-br",
                &p("integrations/socket.io.md"),
                &p("integrations/socket.io.pt-br.md"),
            ),
        ]),
        missing: missing([("pt-br", &p("integrations/fly.io.pt-br.md"))]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer(&repo, &expected);
}

/// Nextra with region locales (`en-US`, `fr-FR`): a page without a locale suffix (`faq.mdx`) took the default
/// locale's first part, `en`, for a language of its own: a target language with every page missing.
#[test]
fn a_page_without_a_locale_suffix_made_up_a_language() {
    let repo = fixture("nextra-region-locales");
    let p = |path: &str| format!("pages/{path}");
    let expected = Answer {
        source: "en-us".into(),
        languages: languages(&["fr-fr"]),
        pairs: set([
            ("fr-fr", &p("index.en-US.mdx"), &p("index.fr-FR.mdx")),
            (
                "fr-fr",
                &p("docs/setup.en-US.mdx"),
                &p("docs/setup.fr-FR.mdx"),
            ),
        ]),
        missing: missing([("fr-fr", &p("docs/faq.fr-FR.mdx"))]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer(&repo, &expected);
}

#[test]
fn config_outside_the_repository_reads_paths_from_the_repository_root() {
    let repo = fixture("eleventy-keys");
    let outside = tempfile::tempdir().unwrap();
    let config = outside.path().join("tandem.yaml");
    std::fs::write(
        &config,
        "source: en\ncontent:\n  en: src/en\n  fr: src/fr\n",
    )
    .unwrap();
    let output = repo
        .tandem()
        .args([
            "--config",
            config.to_str().unwrap(),
            "pair",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["pairs"].as_array().unwrap().len(), 3, "{json:#}");
    // A message naming that file prints its absolute path whole.
    std::fs::write(&config, "sourse: en\n").unwrap();
    let output = tandem_in(repo.path())
        .args(["--config", config.to_str().unwrap(), "status"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!(" {}", config.display())),
        "{stderr}"
    );
}

#[test]
fn a_bad_layout_value_names_the_nearest_valid_one() {
    let repo = fixture("hugo-suffix");
    repo.write("tandem.yaml", "layout: sufix\n");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("did you mean suffix?"), "{stderr}");
    assert!(!stderr.contains("unknown variant"), "{stderr}");
}

/// VuePress, written in French first: `docs/.vuepress/config.js` keys its locales by path (`'/'` in `fr-FR`, `'/en/'`),
/// the home pages are `README.md`. tandem took the top pages of `docs/` for English (nothing said otherwise) beside an
/// `en/` folder: no language at all.
#[test]
fn vuepress_written_in_french_first_was_not_recognised() {
    let repo = fixture("vuepress-french-root");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", "docs/README.md", "docs/en/README.md"),
            ("en", "docs/guide/README.md", "docs/en/guide/README.md"),
        ]),
        missing: missing([("en", "docs/en/guide/installation.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let output = repo.tandem().args(["status", "-v"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(
            "Site: VuePress — docs, source fr (the root locale of .vuepress/config.js)"
        ),
        "{text}"
    );
    init_gives_the_same_answer_at(&repo, &expected, "docs/tandem.yaml");
}

/// VitePress keeps its pages in the folder holding `.vitepress/` (`docs/` here), the root locale at its top and each
/// other locale in a folder named after its key. The first run on such a site stopped with "no language folders
/// found under content".
#[test]
fn vitepress_root_locale_in_docs() {
    let repo = fixture("vitepress-root-locale");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["es", "fr"]),
        pairs: set([
            ("fr", "docs/index.md", "docs/fr/index.md"),
            (
                "fr",
                "docs/guide/getting-started.md",
                "docs/fr/guide/getting-started.md",
            ),
            ("es", "docs/index.md", "docs/es/index.md"),
        ]),
        missing: missing([
            ("fr", "docs/fr/guide/changelog.md"),
            ("es", "docs/es/guide/getting-started.md"),
            ("es", "docs/es/guide/changelog.md"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    let config = init_gives_the_same_answer_at(&repo, &expected, "docs/tandem.yaml");
    assert!(
        config.contains("source: en  # the root locale of .vitepress/config.mts"),
        "{config}"
    );
    assert!(
        config.contains("  en: \".\"\n  es: es\n  fr: fr\n"),
        "{config}"
    );
    // The config is the one read: a language named there that the site lacks is refused.
    repo.write(
        "docs/tandem.yaml",
        config.replace("languages: [es, fr]", "languages: [de]"),
    );
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
}

/// VitePress reads its config from `.vitepress/config/index.mts` as well as `.vitepress/config.mts`; sites that keep
/// each locale's navigation in a file of its own put them in that folder. This one is written in Chinese first (`root`
/// is `zh-CN`, English in `docs/en/`). tandem looked for `config.*` only: the site was not VitePress, and the run
/// stopped with "no language folders found", suggesting `docs/guide` as the English folder and `docs/en` as French.
#[test]
fn vitepress_config_kept_in_a_folder_was_not_recognised() {
    let repo = fixture("vitepress-config-folder");
    let expected = Answer {
        source: "zh".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", "docs/index.md", "docs/en/index.md"),
            ("en", "docs/guide/intro.md", "docs/en/guide/intro.md"),
        ]),
        missing: missing([("en", "docs/en/guide/deploy.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let output = repo.tandem().args(["status", "-v"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(
            "Site: VitePress — docs, source zh (the root locale of .vitepress/config/index.mts)"
        ),
        "{text}"
    );
    let config = init_gives_the_same_answer_at(&repo, &expected, "docs/tandem.yaml");
    assert!(
        config.contains("source: zh  # the root locale of .vitepress/config/index.mts"),
        "{config}"
    );
}

/// A Mintlify site written in French first: French pages at the top, English in `en/`, `docs.json` listing `fr` (its
/// pages at the top) and `en`. tandem assumed the top pages were English, beside an `en/` folder: no language.
#[test]
fn mintlify_written_in_french_first_was_taken_for_english() {
    let repo = fixture("mintlify-french-default");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", "index.mdx", "en/index.mdx"),
            ("en", "installation.mdx", "en/installation.mdx"),
        ]),
        missing: missing([("en", "en/cartes.mdx")]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer(&repo, &expected);
}

/// Mintlify: the source's pages at the top of the repository, each translation in a folder named after its language
/// (`index.mdx`, `fr/index.mdx`). The first run stopped with "no language folders found under content" and suggested
/// `en: fr`; the repository's own README and CONTRIBUTING would have been pages to translate.
#[test]
fn mintlify_root_locale_at_the_top() {
    let repo = fixture("mintlify-root-locale");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "index.mdx", "fr/index.mdx"),
            ("fr", "api/lamps.mdx", "fr/api/lamps.mdx"),
        ]),
        missing: missing([
            ("fr", "fr/quickstart.mdx"),
            ("fr", "fr/snippets/support.mdx"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    // The run says how it read the site: the source language from `docs.json`'s languages.
    let output = repo.tandem().args(["status", "-v"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(
            "Site: source pages at the top, a folder per translation — ., source en (navigation.languages in docs.json (Mintlify))"
        ),
        "{text}"
    );
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(
        config.contains("source: en  # navigation.languages in docs.json (Mintlify)"),
        "{config}"
    );
    assert!(config.contains("  en: \".\"\n  fr: fr\n"), "{config}");
    assert!(config.contains("exclude: [README.md, "), "{config}");
}

/// Plain `docs/` with the source's pages at its top and `docs/it/` in Italian; `docs/ml/` (machine learning) is named
/// like a language (Malayalam) but its pages have no twins among the others: it is part of the source.
#[test]
fn docs_root_locale_and_a_folder_only_named_like_a_language() {
    let repo = fixture("docs-root-locale");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["it"]),
        pairs: set([
            ("it", "docs/index.md", "docs/it/index.md"),
            ("it", "docs/guide/setup.md", "docs/it/guide/setup.md"),
        ]),
        missing: missing([
            ("it", "docs/it/ml/overview.md"),
            ("it", "docs/it/ml/training.md"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    // A site whose source is written in French says so in tandem.yaml: the top pages are then French.
    repo.write("tandem.yaml", "source: fr\n");
    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["source_language"], "fr", "{output:?}");
    assert!(json["summary"]["it"].is_object(), "{json}");
}

/// Nextra (Next.js): every page suffixed with its language, the source's too (`index.en.mdx`, `index.fr.mdx`), in
/// `pages/`. tandem looked for suffixes under `content/` only, stopped with "no language folders found", and suggested
/// `pages/docs` as the French folder.
#[test]
fn nextra_suffixes_in_pages() {
    let repo = fixture("nextra-suffix");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "pages/index.en.mdx", "pages/index.fr.mdx"),
            ("fr", "pages/docs/setup.en.mdx", "pages/docs/setup.fr.mdx"),
        ]),
        missing: missing([("fr", "pages/docs/themes.fr.mdx")]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer(&repo, &expected);
}

/// A Nextra site written in French first, in `docs/` of a monorepo: `next.config.mjs` says `defaultLocale: 'fr-FR'`
/// for Next.js's i18n routing, every page carries its locale (`index.fr-FR.mdx`, `index.en-US.mdx`). tandem read no
/// `next.config`: the site's folder was the repository's top, English was taken for the source, and the French page
/// without an English twin was an orphan instead of a page to translate.
#[test]
fn a_nextra_site_written_in_french_first_was_read_as_english() {
    let repo = fixture("nextra-french-default");
    let p = |path: &str| format!("docs/pages/{path}");
    let expected = Answer {
        source: "fr-fr".into(),
        languages: languages(&["en-us"]),
        pairs: set([
            ("en-us", &p("index.fr-FR.mdx"), &p("index.en-US.mdx")),
            (
                "en-us",
                &p("guide/reglages.fr-FR.mdx"),
                &p("guide/reglages.en-US.mdx"),
            ),
        ]),
        missing: missing([("en-us", &p("guide/themes.en-US.mdx"))]),
    };
    assert_eq!(answer(&repo), expected);
    let verbose = repo.stdout(&["status", "-v"]);
    assert!(
        verbose.contains("source fr-fr (i18n.defaultLocale in next.config.mjs)"),
        "{verbose}"
    );
    init_gives_the_same_answer_at(&repo, &expected, "docs/tandem.yaml");
}

/// A Jekyll site on jekyll-multiple-languages-plugin, written in French first: `languages: ["fr", "en"]`, whose first
/// entry is the plugin's default language, pages in `_i18n/fr/` and `_i18n/en/`. Only `default_lang` and `lang` were
/// read: English was the source, the French page changed since its translation went unreported, and the French page
/// not yet translated was an orphan.
#[test]
fn a_jekyll_i18n_site_written_in_french_first_was_read_as_english() {
    let mut repo = fixture("jekyll-i18n-french-first");
    let p = |lang: &str, name: &str| format!("_i18n/{lang}/{name}.md");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", &p("fr", "index"), &p("en", "index")),
            ("en", &p("fr", "calendrier"), &p("en", "calendrier")),
        ]),
        missing: missing([("en", &p("en", "outils"))]),
    };
    assert_eq!(answer(&repo), expected);
    let calendar = repo.read(&p("fr", "calendrier"));
    repo.write(
        &p("fr", "calendrier"),
        format!("{calendar}\n## Les récoltes\n\nLes paniers sont partagés le dimanche soir.\n"),
    );
    repo.commit("calendrier : les récoltes");
    let json = repo.status_json(&[]);
    let page = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|page| page["translation"] == p("en", "calendrier"))
        .unwrap();
    assert_eq!(page["state"], "stale", "{page:#}");
    assert_eq!(
        page["changed_sections"][0]["source"]["heading"], "Les récoltes",
        "{page:#}"
    );
    init_gives_the_same_answer(&repo, &expected);
}

/// A Hugo site whose config lists English and French sharing `content/`, on the day a team starts translating: no
/// `x.fr.md` yet, only the UI strings of `i18n/fr.yaml`. Detection looked for suffixes and found none: "no language
/// folders found", with a config pairing `content/docs` with `content/fr`. Languages sharing one folder are the suffix
/// layout, every page missing its French twin.
#[test]
fn a_hugo_site_with_its_languages_declared_and_nothing_translated_yet_was_not_recognised() {
    let repo = fixture("hugo-languages-before-translation");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: BTreeSet::new(),
        missing: missing([
            ("fr", "content/_index.fr.md"),
            ("fr", "content/docs/install.fr.md"),
            ("fr", "content/docs/usage.fr.md"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(config.contains("layout: suffix"), "{config}");
}

/// A Canadian government Jekyll site: English pages at the top, French ones in `fr/` under French names, each page
/// naming its twin with `altLangPage` (a name, a URL, `/` for the home page). A folder named like a language counts as
/// translations only when half its pages have a twin at the top, and only paths and `translationKey` were looked at:
/// "no language folders found", and the config printed instead made French the source, every page then "current". And
/// `altLangPage: /` warned on every run that it named no page.
#[test]
fn a_site_whose_pages_name_their_twins_with_alt_lang_page_was_not_recognised() {
    let repo = fixture("altlangpage-top-source");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "index.md", "fr/index.md"),
            ("fr", "publishing.md", "fr/publier.md"),
            ("fr", "requests.md", "fr/demandes.md"),
        ]),
        missing: missing([("fr", "fr/licence.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let output = repo.tandem().args(["status"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("altLangPage: / names no page"), "{stderr}");
    assert!(
        stderr.contains("altLangPage: ../fr/licence-fr.md names no page"),
        "{stderr}"
    );
    init_gives_the_same_answer(&repo, &expected);
}

/// A Jekyll site whose `_config.yml` excludes its notes and to-do list from the site: tandem read them as pages, each a
/// "missing" French translation to write. What Jekyll excludes is not a page.
#[test]
fn what_jekyll_excludes_was_counted_as_pages_to_translate() {
    let repo = fixture("jekyll-config-exclude");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "index.md", "fr/index.md"),
            ("fr", "flat-tyre.md", "fr/flat-tyre.md"),
        ]),
        missing: missing([]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer(&repo, &expected);
}

/// A Jekyll site with its pages in `en/` and `fr/` and its posts in `_posts/en/` and `_posts/fr/`: only the first
/// folder of language folders was read, every post left out ("All 2 pages are translated and current" while a post
/// was stale and another untranslated). Folders beside the language folders that hold the same languages' folders are
/// content roots too.
#[test]
fn a_jekyll_sites_posts_in_language_folders_were_left_out() {
    let mut repo = fixture("jekyll-posts-language-folders");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "en/about.md", "fr/about.md"),
            (
                "fr",
                "_posts/en/2025-04-02-spring-concert.md",
                "_posts/fr/2025-04-02-spring-concert.md",
            ),
        ]),
        missing: missing([("fr", "_posts/fr/2025-05-10-new-scores.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let post = "_posts/en/2025-04-02-spring-concert.md";
    let text = repo.read(post);
    repo.write(
        post,
        format!("{text}\n## Tickets\n\nTickets are free; donations go to the roof fund.\n"),
    );
    repo.commit("spring concert: tickets");
    let json = repo.status_json(&[]);
    let page = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["source"] == post)
        .unwrap();
    assert_eq!(page["state"], "stale", "{page:#}");
    init_gives_the_same_answer(&repo, &expected);
}

/// A jekyll-polyglot site: English pages at the top and French ones in `fr/`, English posts in `_posts/` and French
/// ones in `_posts/fr/`. The French posts were read as English pages (inside the source's folder), each "missing" a
/// French twin, and the changed English post was in no pull request's check. A folder of the source's pages holding
/// a translations' folder of its own is a content root of its own.
#[test]
fn a_polyglot_sites_french_posts_were_read_as_english_pages() {
    let mut repo = fixture("jekyll-polyglot-posts");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "index.md", "fr/index.md"),
            (
                "fr",
                "_posts/2025-06-01-tomatoes.md",
                "_posts/fr/2025-06-01-tomatoes.md",
            ),
        ]),
        missing: missing([("fr", "_posts/fr/2025-09-12-seeds.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let post = "_posts/2025-06-01-tomatoes.md";
    let text = repo.read(post);
    repo.write(
        post,
        format!("{text}\n## Stakes\n\nTie the stems to a stake once they reach a hand's height.\n"),
    );
    repo.commit("tomatoes: stakes");
    let json = repo.status_json(&[]);
    let page = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["source"] == post)
        .unwrap();
    assert_eq!(page["state"], "stale", "{page:#}");
    init_gives_the_same_answer(&repo, &expected);
}

/// A jekyll-polyglot site whose pages say their language in their front matter, every language in the same folders
/// (`about.md` beside `a-propos.md`, `lang: fr`, the same `permalink`; posts tied by `page_id`), as polyglot's own
/// instructions allow ("it does not matter where you put the files or what you name them"). The first run failed:
/// "no language folders found", with a suggested config naming `_posts` as the French folder.
#[test]
fn a_polyglot_site_whose_pages_say_their_language_was_not_detected() {
    let mut repo = fixture("jekyll-polyglot-front-matter");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "index.md", "accueil.md"),
            ("fr", "about.md", "a-propos.md"),
            (
                "fr",
                "_posts/2025-03-01-compost.md",
                "_posts/2025-03-01-lombricomposteur.md",
            ),
        ]),
        missing: missing([("fr", "_posts/2025-05-10-mulch.fr.md")]),
    };
    assert_eq!(answer(&repo), expected);
    // A change to the English post makes its French twin stale.
    let post = "_posts/2025-03-01-compost.md";
    let text = repo.read(post);
    repo.write(post, format!("{text}\nTurn it once a week with a fork.\n"));
    repo.commit("compost: turn it");
    let json = repo.status_json(&[]);
    let page = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["source"] == post)
        .unwrap_or_else(|| panic!("{json:#}"));
    assert_eq!(page["state"], "stale", "{page:#}");
    // The missing post's translation says its language, or polyglot would publish it as a second English page.
    repo.tandem()
        .args(["scaffold", "_posts/2025-05-10-mulch.md", "--lang", "fr"])
        .assert()
        .success();
    let scaffolded = repo.read("_posts/2025-05-10-mulch.fr.md");
    assert!(scaffolded.contains("lang: fr\n"), "{scaffolded}");
    assert!(!scaffolded.contains("lang: en"), "{scaffolded}");
    std::fs::remove_file(repo.path().join("_posts/2025-05-10-mulch.fr.md")).unwrap();
    // A French page no English page shares a key with is an orphan, said so (its "source" is not a path).
    repo.write(
        "vieux.md",
        "---\ntitle: Ancien\nlang: fr\npermalink: /old/\n---\n\nAncien.\n",
    );
    repo.commit("an old French page");
    let text = repo.stdout(&["status", "--all", "--color", "never"]);
    assert!(
        text.contains("vieux.md — no source page has its page_id or permalink"),
        "{text}"
    );
    // `init`'s comment on the layout says how polyglot reads pages (it described language folders).
    repo.tandem().args(["init", "--yes"]).assert().success();
    let config = repo.read("tandem.yaml");
    assert!(
        config.contains("pairing by page_id or permalink, as jekyll-polyglot reads them"),
        "{config}"
    );
    assert!(!config.contains("a folder per translation"), "{config}");
    std::fs::remove_file(repo.path().join("tandem.yaml")).unwrap();
    // `check` says it alike: it said "vieux.md has no source: vieux.md does not exist".
    let check = repo.stdout(&["check"]);
    assert!(
        check.contains("vieux.md has no source: no source page has its page_id or permalink."),
        "{check}"
    );
    std::fs::remove_file(repo.path().join("vieux.md")).unwrap();
    repo.commit("gone");
    init_gives_the_same_answer(&repo, &expected);
}

/// A jekyll-polyglot site keeping some pages in `docs/`: once `tandem scaffold` wrote a missing page's translation
/// there under the name it gives (`docs/setup.fr.md`), the next run took the site for one of language suffixes in
/// `docs/` alone: every French page there an English source missing its French, the pages at the top and the posts
/// gone. The pages' front matter is read before the suffixes of `docs/`.
#[test]
fn a_polyglot_site_read_as_a_suffix_site_once_a_translation_was_scaffolded() {
    let mut repo = fixture("jekyll-polyglot-front-matter");
    repo.write(
        "docs/setup.md",
        "---\ntitle: Setup\nlang: en\npermalink: /docs/setup/\n---\n\nDig a trench.\n",
    )
    .write(
        "docs/reglages.md",
        "---\ntitle: Réglages\nlang: fr\npermalink: /docs/setup/\n---\n\nCreusez une tranchée.\n",
    )
    .write(
        "docs/tools.md",
        "---\ntitle: Tools\nlang: en\npermalink: /docs/tools/\n---\n\nA fork and a bucket.\n",
    );
    repo.commit("docs");
    repo.tandem()
        .args(["scaffold", "docs/tools.md", "--lang", "fr"])
        .assert()
        .success();
    assert!(repo.path().join("docs/tools.fr.md").is_file());
    repo.commit("fr: tools scaffolded");
    let pairs = answer(&repo).pairs;
    for (source, translation) in [
        ("index.md", "accueil.md"),
        ("docs/setup.md", "docs/reglages.md"),
        ("docs/tools.md", "docs/tools.fr.md"),
        (
            "_posts/2025-03-01-compost.md",
            "_posts/2025-03-01-lombricomposteur.md",
        ),
    ] {
        assert!(
            pairs.contains(&("fr".to_owned(), source.to_owned(), translation.to_owned())),
            "{source}: {pairs:?}"
        );
    }
}

/// An Eleventy site written in French first (`defaultLanguage: "fr"` for its i18n plugin), its English pages a
/// translation in progress (`src/fr/`, `src/en/`). Language folders with `en` among them made English the source:
/// every French page was an orphan, every English one "missing" its French source. Without the config, the folder
/// with twice the pages of `en/` is the source; a Jekyll `_config.yml`'s `lang` says it too.
#[test]
fn a_site_written_in_french_first_was_read_as_english() {
    let en = |path: &str| format!("src/en/{path}");
    let fr = |path: &str| format!("src/fr/{path}");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", &fr("index.md"), &en("index.md")),
            (
                "en",
                &fr("recettes/soupe-de-potiron.md"),
                &en("recettes/soupe-de-potiron.md"),
            ),
        ]),
        missing: [
            "clafoutis",
            "gratin-dauphinois",
            "ratatouille",
            "tarte-aux-pommes",
        ]
        .iter()
        .map(|name| ("en".to_owned(), en(&format!("recettes/{name}.md"))))
        .collect(),
    };
    let mut repo = fixture("eleventy-french-first");
    assert_eq!(answer(&repo), expected);
    let site_line = |repo: &RepoBuilder| {
        let output = repo.tandem().args(["status", "-v"]).output().unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let text = site_line(&repo);
    assert!(
        text.contains("source fr (defaultLanguage in eleventy.config.js)"),
        "{text}"
    );
    init_gives_the_same_answer(&repo, &expected);
    repo.remove("tandem.yaml");
    repo.remove("eleventy.config.js");
    repo.commit("no config");
    assert_eq!(answer(&repo), expected);
    let text = site_line(&repo);
    assert!(
        text.contains(
            "source fr (the language with the most pages (6; en has 2: a translation in progress))"
        ),
        "{text}"
    );
    // As many English pages as French ones, and a Jekyll config saying the site is French.
    repo.write(
        "src/en/recettes/ratatouille.md",
        "---\ntitle: Ratatouille\n---\n\nEach vegetable is cooked apart.\n",
    )
    .write(
        "src/en/recettes/clafoutis.md",
        "---\ntitle: Clafoutis\n---\n\nThe cherries keep their stones.\n",
    )
    .write(
        "src/en/recettes/gratin-dauphinois.md",
        "---\ntitle: Gratin\n---\n\nThin potato slices.\n",
    )
    .write(
        "src/en/recettes/tarte-aux-pommes.md",
        "---\ntitle: Apple tart\n---\n\nRoll out the pastry.\n",
    );
    repo.commit("en: all recipes");
    assert_eq!(answer(&repo).source, "en");
    repo.write("_config.yml", "title: Cuisine du marché\nlang: fr-FR\n");
    repo.commit("jekyll config");
    assert_eq!(answer(&repo).source, "fr");
    let text = site_line(&repo);
    assert!(text.contains("source fr (lang in _config.yml)"), "{text}");
}

/// A Jekyll site serving French at the top and English in `en/`, its pages saying so (`lang: fr`, `lang: en`) and its
/// `_config.yml` saying nothing. The top pages were assumed English, beside an `en/` folder: no language at all.
#[test]
fn pages_that_say_they_are_french_were_assumed_english() {
    let repo = fixture("pages-say-french");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", "index.md", "en/index.md"),
            ("en", "horaires.md", "en/horaires.md"),
        ]),
        missing: missing([("en", "en/benevoles.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let output = repo.tandem().args(["status", "-v"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("source fr (the lang of 3 of the 3 pages at the top of . that give one)"),
        "{text}"
    );
    init_gives_the_same_answer(&repo, &expected);
}

/// A Starlight site written in French first whose `astro.config.mjs` imports its `locales` from a module of the site
/// (`import { locales } from './config/locales'`). Without literal locales in the config, tandem read the language
/// folders and took the pages at the root for English, beside an `en/` folder: no language to translate into.
#[test]
fn starlight_locales_imported_from_a_module_were_not_read() {
    let repo = fixture("starlight-imported-locales");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            (
                "en",
                "src/content/docs/index.mdx",
                "src/content/docs/en/index.mdx",
            ),
            (
                "en",
                "src/content/docs/guides/brancher.md",
                "src/content/docs/en/guides/brancher.md",
            ),
        ]),
        missing: missing([("en", "src/content/docs/en/guides/surveiller.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let text = repo.stdout(&["status", "-v"]);
    assert!(
        text.contains(
            "Site: Starlight — src/content/docs, source fr (locales in config/locales.mjs)"
        ),
        "{text}"
    );
    init_gives_the_same_answer(&repo, &expected);
}

/// A Jekyll blog written in French first, its English translations in `en/`, and nothing but the pages' words to
/// say so: no `lang` in the pages, none in `_config.yml`. The top pages were assumed English, beside an `en/` folder:
/// tandem stopped with "no language folders found" and printed a `tandem.yaml` pairing English with the folder `en`
/// as its "fr".
#[test]
fn french_pages_at_the_top_beside_an_en_folder_were_assumed_english() {
    let repo = fixture("french-blog-no-lang");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", "index.md", "en/index.md"),
            ("en", "materiel.md", "en/materiel.md"),
        ]),
        missing: missing([("en", "en/_posts/2025-06-14-lac-blanc.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let text = repo.stdout(&["status", "-v"]);
    assert!(
        text.contains(
            "source fr (the common words of 3 of the 3 pages at the top of . that read clearly"
        ),
        "{text}"
    );
    init_gives_the_same_answer(&repo, &expected);
}

/// A Zola blog written in French first (`default_language = "fr"` in `config.toml`), its English pages beside the
/// French ones (`col-du-lautaret.en.md`). The config was read as Hugo's, which names the default language
/// `defaultContentLanguage`: tandem took the unsuffixed pages for English, beside English ones, and stopped with "no
/// language folders found". Its internal links (`@/carnet/veille.md`, `@/carnet/veille.en.md`) are one page.
#[test]
fn zola_site_written_in_french_first_was_not_recognised() {
    let repo = fixture("zola-french-default");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", "content/_index.md", "content/_index.en.md"),
            (
                "en",
                "content/carnet/_index.md",
                "content/carnet/_index.en.md",
            ),
            (
                "en",
                "content/carnet/col-du-lautaret.md",
                "content/carnet/col-du-lautaret.en.md",
            ),
        ]),
        missing: missing([("en", "content/carnet/veille.en.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let output = repo.tandem().args(["status", "-v"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("source fr (default_language in config.toml (Zola))"),
        "{text}"
    );
    init_gives_the_same_answer(&repo, &expected);
    let output = repo
        .tandem()
        .args([
            "compare",
            "content/carnet/col-du-lautaret.md",
            "content/carnet/col-du-lautaret.en.md",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["signals"], serde_json::json!([]), "{doc:#}");
}

/// Docusaurus kept in `website/`, its docs beside it at the repository's top (`docs: { path: '../docs' }` in the
/// preset). tandem looked for `website/docs/`, found no content and stopped with "no language folders found".
#[test]
fn docusaurus_docs_outside_the_website_folder() {
    let repo = fixture("docusaurus-website-folder");
    let current = "website/i18n/fr/docusaurus-plugin-content-docs/current";
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([("fr", "docs/intro.md", &format!("{current}/intro.md"))]),
        missing: missing([
            ("fr", &format!("{current}/guides/themes.md")),
            (
                "fr",
                "website/i18n/fr/docusaurus-plugin-content-pages/index.md",
            ),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer_at(&repo, &expected, "website/tandem.yaml");
}

/// A Docusaurus site written in French first, its English in `i18n/en/`, the locale kept in a constant the config uses
/// twice (`const defaultLocale = 'fr'`, then `i18n: { defaultLocale, locales: [defaultLocale, 'en'] }`). tandem read
/// the first `defaultLocale` followed by a colon and a literal, found none, took `en` for the source, and stopped:
/// "only one language found (en)", with advice about `content/<lang>/` folders a Docusaurus site does not have.
#[test]
fn docusaurus_default_locale_in_a_constant_was_read_as_english() {
    let mut repo = fixture("docusaurus-french-first");
    let en = "i18n/en/docusaurus-plugin-content-docs/current";
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", "docs/intro.md", &format!("{en}/intro.md")),
            (
                "en",
                "docs/guides/crevaison.md",
                &format!("{en}/guides/crevaison.md"),
            ),
            (
                "en",
                "blog/2025-04-12-ouverture.md",
                "i18n/en/docusaurus-plugin-content-blog/2025-04-12-ouverture.md",
            ),
        ]),
        missing: missing([("en", &format!("{en}/guides/freins.md"))]),
    };
    assert_eq!(answer(&repo), expected);
    repo.write(
        "docs/guides/crevaison.md",
        "# Réparer une crevaison\n\nDémontez la roue, trouvez le trou, posez une rustine.\n\n## Vérifier le pneu\n\nPassez la main à l’intérieur : une épine y reste souvent.\n",
    );
    repo.commit("crevaison : vérifier le pneu");
    let json = repo.status_json(&[]);
    assert_eq!(
        page(&json, &format!("{en}/guides/crevaison.md"))["state"],
        "stale"
    );
    assert_eq!(page(&json, &format!("{en}/intro.md"))["state"], "current");

    // The other ways of writing it: a literal beside the constant, the constant named as a value, a constant of
    // another name.
    let config = repo.read("docusaurus.config.mjs");
    let shorthand = "    defaultLocale,\n";
    assert!(config.contains(shorthand), "{config}");
    for written in [
        config.replace(shorthand, "    defaultLocale: 'fr',\n"),
        config.replace(shorthand, "    defaultLocale: defaultLocale,\n"),
        config
            .replace(shorthand, "    defaultLocale: DEFAULT_LOCALE,\n")
            .replace(
                "const defaultLocale = 'fr';",
                "const DEFAULT_LOCALE = \"fr\";",
            )
            .replace("[defaultLocale, 'en']", "[DEFAULT_LOCALE, 'en']"),
    ] {
        repo.write("docusaurus.config.mjs", &written);
        assert_eq!(answer(&repo).source, "fr", "{written}");
    }
    repo.write("docusaurus.config.mjs", &config);
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(
        config.contains("source: fr  # i18n.defaultLocale in docusaurus.config.mjs"),
        "{config}"
    );
}

/// A Docusaurus site with a second docs plugin beside the classic preset's (`['@docusaurus/plugin-content-docs', { id:
/// 'community', path: 'community' }]` in `plugins`, translated in `i18n/fr/docusaurus-plugin-content-docs-community/`)
/// and release notes in a blog plugin with an `id`. tandem read only the preset's `docs/`: the community pages and the
/// release notes were in no report, not even as orphans, and a community page whose source had changed was never
/// said to be stale.
#[test]
fn docusaurus_plugin_instances_with_an_id_were_left_out() {
    let mut repo = fixture("docusaurus-multi-instance");
    let fr = "i18n/fr";
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            (
                "fr",
                "docs/intro.md",
                &format!("{fr}/docusaurus-plugin-content-docs/current/intro.md"),
            ),
            (
                "fr",
                "community/support.md",
                &format!("{fr}/docusaurus-plugin-content-docs-community/current/support.md"),
            ),
            (
                "fr",
                "releases/2025-03-02-logger-2.md",
                &format!("{fr}/docusaurus-plugin-content-blog-releases/2025-03-02-logger-2.md"),
            ),
        ]),
        missing: missing([
            (
                "fr",
                &format!("{fr}/docusaurus-plugin-content-docs-community/current/meetups.md"),
            ),
            (
                "fr",
                &format!("{fr}/docusaurus-plugin-content-docs-community/version-1.0/support.md"),
            ),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    repo.write(
        "community/support.md",
        "# Getting help\n\nAsk on the forum first: most questions about calibration have been answered there.\n\n## Reporting a broken station\n\nOpen an issue with the station's number, the last reading it sent and a photo of the mast.\n",
    );
    repo.commit("support: ask for a photo of the mast");
    let json = repo.status_json(&[]);
    let support = format!("{fr}/docusaurus-plugin-content-docs-community/current/support.md");
    assert_eq!(page(&json, &support)["state"], "stale");
    assert_eq!(
        page(
            &json,
            &format!("{fr}/docusaurus-plugin-content-docs/current/intro.md")
        )["state"],
        "current"
    );
    init_gives_the_same_answer(&repo, &expected);
}

/// A Jekyll site serving English at the top and French in `fr/` under French names (`fr/a-propos.md` for `about.md`),
/// paired by `translationKey`: no French page has a twin by path, so the folder was not taken for a language.
#[test]
fn root_locale_with_translated_slugs() {
    let repo = fixture("root-locale-translated-slugs");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "index.md", "fr/index.md"),
            ("fr", "about.md", "fr/a-propos.md"),
        ]),
        missing: missing([("fr", "fr/join.md")]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer(&repo, &expected);
}

/// Astro without Starlight: content collections with a folder per locale (`src/content/blog/en/`,
/// `src/content/blog/fr/`). The first run stopped with "no language folders found under content"; and a
/// `tandem.yaml` naming two collections (`content: [src/content/blog, src/content/recipes]`) paired the first only.
#[test]
fn astro_content_collections_with_locale_folders() {
    let repo = fixture("astro-collections");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            (
                "fr",
                "src/content/blog/en/first-loaf.md",
                "src/content/blog/fr/first-loaf.md",
            ),
            (
                "fr",
                "src/content/recipes/en/rye.md",
                "src/content/recipes/fr/rye.md",
            ),
        ]),
        missing: missing([("fr", "src/content/blog/fr/sourdough-starter.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let output = repo.tandem().args(["status", "-v"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(
            "Site: Astro (content collections) — src/content, source en (i18n.defaultLocale in astro.config.mjs)"
        ),
        "{text}"
    );
    // Sections are the collections.
    assert!(
        text.contains("\n  blog ") && text.contains("\n  recipes "),
        "{text}"
    );
    init_gives_the_same_answer(&repo, &expected);
}

/// Astro without Starlight, its Markdown pages routed by its i18n (`i18n: { defaultLocale: 'en', locales: ['en', 'es',
/// { path: 'portugues', codes: ['pt-BR', 'pt'] }] }`): English at the top of `src/pages/`, the translations in
/// `src/pages/es/` and `src/pages/portugues/`, `.astro` pages beside them. tandem stopped with "no language folders
/// found", suggesting a `content/fr` the site does not have.
#[test]
fn astro_i18n_markdown_pages_were_not_detected() {
    let mut repo = fixture("astro-pages-i18n");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["es", "pt-br"]),
        pairs: set([
            ("es", "src/pages/about.md", "src/pages/es/about.md"),
            (
                "pt-br",
                "src/pages/about.md",
                "src/pages/portugues/about.md",
            ),
        ]),
        missing: missing([
            ("es", "src/pages/es/recipes.mdx"),
            ("pt-br", "src/pages/portugues/recipes.mdx"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    let output = repo.tandem().args(["status", "-v"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(
            "Site: Astro (i18n pages) — src/pages, source en (i18n.defaultLocale in astro.config.mjs), 3 languages"
        ),
        "{text}"
    );
    repo.write(
        "src/pages/about.md",
        "---\nlayout: ../layouts/Page.astro\ntitle: About the cooperative\n---\n\nPan Común is owned by the forty families who bake in it. Each member works one morning a month.\n\n## Joining\n\nCome to a Saturday bake and ask for the membership form.\n\n## Leaving\n\nGive a month's notice; your share is paid back at the end of the year.\n",
    );
    repo.commit("about: leaving the cooperative");
    let json = repo.status_json(&[]);
    assert_eq!(page(&json, "src/pages/es/about.md")["state"], "stale");
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(
        config.contains("source: en  # i18n.defaultLocale in astro.config.mjs"),
        "{config}"
    );
    assert!(
        config.contains("i18n.locales in astro.config.mjs"),
        "{config}"
    );

    // The default locale prefixed (`prefixDefaultLocale: true`): its pages in `src/pages/en/`.
    let mut repo = fixture("astro-pages-i18n");
    for page in ["about.md", "recipes.mdx"] {
        let text = repo.read(&format!("src/pages/{page}"));
        repo.write(
            &format!("src/pages/en/{page}"),
            text.replace("../layouts", "../../layouts"),
        );
        repo.remove(&format!("src/pages/{page}"));
    }
    repo.commit("english under /en/");
    assert_eq!(
        answer(&repo),
        Answer {
            source: "en".into(),
            languages: languages(&["es", "pt-br"]),
            pairs: set([
                ("es", "src/pages/en/about.md", "src/pages/es/about.md"),
                (
                    "pt-br",
                    "src/pages/en/about.md",
                    "src/pages/portugues/about.md"
                ),
            ]),
            missing: missing([
                ("es", "src/pages/es/recipes.mdx"),
                ("pt-br", "src/pages/portugues/recipes.mdx"),
            ]),
        }
    );
}

/// MkDocs with mkdocs-static-i18n: pages in `docs_dir` (`site-docs/` here), the language in the file name, the
/// default language (French here) unsuffixed. The first run stopped with "no language folders found under content".
#[test]
fn mkdocs_suffixes_with_a_french_default() {
    let repo = fixture("mkdocs-suffix");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", "site-docs/index.md", "site-docs/index.en.md"),
            (
                "en",
                "site-docs/guide/install.md",
                "site-docs/guide/install.en.md",
            ),
        ]),
        missing: missing([("en", "site-docs/guide/configure.en.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(
        config.contains("source: fr  # default in mkdocs.yml"),
        "{config}"
    );
    // mkdocs.yml's `site_url` is the site's base URL (it was read from Hugo's, Docusaurus's and Starlight's configs,
    // not MkDocs's): a link to the site's own address equals a root-relative one.
    assert!(
        config.contains(
            "site: { base_url: \"https://lumen.example.org/docs/\" }  # site_url in mkdocs.yml"
        ),
        "{config}"
    );
}

/// mkdocs-static-i18n names each page after its locale as `mkdocs.yml` writes it: `bread.pt-BR.md` for `locale: pt-BR`
/// (Nextra does the same, `index.es-ES.mdx`). tandem lowercased the suffix and looked for `bread.pt-br.md`, which does
/// not exist: each Brazilian page was counted twice, unknown ("cannot be read as text") and orphaned ("docs/…/bread.md
/// does not exist", false), the stale one was never called stale, and the missing one was named `soup.pt-br.md`.
#[test]
fn suffixes_with_capitals_were_not_paired() {
    let mut repo = fixture("regional-suffixes");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["pt-br"]),
        pairs: set([
            ("pt-br", "docs/index.md", "docs/index.pt-BR.md"),
            (
                "pt-br",
                "docs/recipes/bread.md",
                "docs/recipes/bread.pt-BR.md",
            ),
        ]),
        missing: missing([("pt-br", "docs/recipes/soup.pt-BR.md")]),
    };
    assert_eq!(answer(&repo), expected);

    repo.write(
        "docs/recipes/bread.md",
        "# Bread\n\nMix flour, water and salt, then wait a night.\n\n## Baking\n\nHalf an hour in a hot oven.\n",
    );
    repo.commit("bread: how long it bakes");
    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("cannot read"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["pages"].as_array().unwrap().len(), 3, "{json:#}");
    assert_eq!(page(&json, "docs/recipes/bread.pt-BR.md")["state"], "stale");
    assert_eq!(page(&json, "docs/index.pt-BR.md")["state"], "current");
    assert_eq!(
        page(&json, "docs/recipes/soup.pt-BR.md")["state"],
        "missing"
    );

    // The translation scaffold creates is named as the site names its Brazilian pages.
    repo.tandem()
        .args(["scaffold", "docs/recipes/soup.md"])
        .assert()
        .success();
    assert!(repo.path().join("docs/recipes/soup.pt-BR.md").is_file());
    repo.remove("docs/recipes/soup.pt-BR.md");
    init_gives_the_same_answer(&repo, &expected);
}

/// A repository holding two sites below its top (a VitePress `docs/` and a Docusaurus `website/`), no `tandem.yaml`:
/// tandem read one of them without saying so (`docs/`, found as a folder of pages with a French sub-folder) and left
/// the other out. Which one is meant cannot be guessed: it says so, names both, and `-C` reads either.
#[test]
fn several_sites_below_the_top_were_read_as_one() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "docs/.vitepress/config.mts",
        "export default { locales: { root: { lang: 'en' }, fr: { lang: 'fr' } } }\n",
    )
    .write("docs/index.md", "# Kiln\n\nStatic pages from notes.\n")
    .write("docs/fr/index.md", "# Kiln\n\nDes pages statiques.\n")
    .write(
        "website/docusaurus.config.js",
        "module.exports = { i18n: { defaultLocale: 'en', locales: ['en', 'fr'] } };\n",
    )
    .write("website/docs/intro.md", "# Intro\n\nWelcome.\n")
    .write(
        "website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
        "# Intro\n\nBienvenue.\n",
    );
    repo.commit("two sites");
    let output = repo.tandem().arg("status").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("several sites: docs/, website/") && err.contains("tandem -C docs status"),
        "{err}"
    );
    for (dir, source) in [
        ("docs", "docs/index.md"),
        ("website", "website/docs/intro.md"),
    ] {
        let output = repo
            .tandem()
            .args(["-C", dir, "pair", "--format", "json"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{dir}: {output:?}");
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains(source), "{dir}: {text}");
    }
}

/// A Starlight site's pages kept without the Astro project that builds them (a content repository): the source's
/// pages at the top of `src/content/docs/`, a folder per translation beside them. With no `astro.config.*`, tandem
/// took `src/` for the site's folder (it holds `content/`), looked for the top pages in `src/content/` itself, and
/// stopped with "no language folders found" and a `tandem.yaml` that paired `content/docs/guides` with
/// `content/docs`.
#[test]
fn content_collection_with_a_root_locale_and_no_astro_config_was_not_detected() {
    let repo = fixture("content-collections-root-locale");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["de", "fr"]),
        pairs: set([
            (
                "de",
                "src/content/docs/index.mdx",
                "src/content/docs/de/index.mdx",
            ),
            (
                "fr",
                "src/content/docs/index.mdx",
                "src/content/docs/fr/index.mdx",
            ),
            (
                "fr",
                "src/content/docs/guides/install.mdx",
                "src/content/docs/fr/guides/install.mdx",
            ),
        ]),
        missing: missing([
            ("de", "src/content/docs/de/guides/install.mdx"),
            ("de", "src/content/docs/de/guides/upgrade.mdx"),
            ("fr", "src/content/docs/fr/guides/upgrade.mdx"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    let output = repo.tandem().args(["status", "-v"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("src/content/docs/"), "{text}");
    // The site is the repository's top, where `init` writes its config: `src/` is where Astro keeps its content.
    init_gives_the_same_answer(&repo, &expected);
    assert!(!repo.path().join("src/tandem.yaml").exists());
}

/// Starlight's translatable flag on pages read without the site's `astro.config.*`: a page without `i18nReady` is not
/// meant for translation there either, and was listed as missing in every language.
#[test]
fn starlight_pages_without_astro_config_lost_their_translatable_flag() {
    let mut repo = fixture("starlight-root-locale");
    repo.remove("astro.config.mjs");
    repo.commit("the pages alone");
    let answer = answer(&repo);
    assert!(
        !answer
            .missing
            .iter()
            .any(|(_, path)| path.ends_with("guides/releases.md")),
        "{answer:?}"
    );
    assert_eq!(
        answer.missing,
        missing([
            ("fr", "src/content/docs/fr/guides/configure.mdx"),
            ("pt-br", "src/content/docs/pt-br/guides/install.md"),
            ("pt-br", "src/content/docs/pt-br/index.mdx"),
        ])
    );
}

/// Starlight's front matter on its pages read without `astro.config.*`: `editUrl` is the source page's own (the link
/// to edit it), never a change a translation follows, but the generic classes took it for text to translate, so a
/// source that only gained an edit link made its translations stale.
#[test]
fn starlight_pages_without_astro_config_lost_starlight_s_front_matter_classes() {
    let mut repo = fixture("content-collections-root-locale");
    let path = "src/content/docs/guides/install.mdx";
    let text = repo.read(path).replacen(
        "---\n",
        "---\neditUrl: https://code.example.com/lantern/edit/main/install.mdx\n",
        1,
    );
    repo.write(path, text);
    repo.commit("install: an edit link");
    let json = repo.status_json(&["--mode", "history"]);
    let install = page(&json, "src/content/docs/fr/guides/install.mdx");
    assert_eq!(install["state"], "current", "{install:#}");
}

/// The same without a root locale: a folder per language in `src/content/docs/` and no `astro.config.*`.
#[test]
fn content_collection_with_language_folders_and_no_astro_config_was_not_detected() {
    let repo = fixture("content-collections-folders");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([(
            "fr",
            "src/content/docs/en/index.md",
            "src/content/docs/fr/index.md",
        )]),
        missing: missing([("fr", "src/content/docs/fr/reference/flags.md")]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer(&repo, &expected);
    assert!(!repo.path().join("src/tandem.yaml").exists());
}

/// MDN's shape in one repository: every locale in a folder under `files/` (`files/en-us/`, `files/fr/`), nothing
/// else there, and English as `en-us`. tandem looked for language folders in `content/`, `src/` and at the top only
/// and stopped with "no language folders found"; and with the folders named in `tandem.yaml` it took French, which has
/// a page more (a page English removed), for the source, `en` being the only English it knew.
#[test]
fn language_folders_under_files_with_english_as_en_us_were_not_detected() {
    let repo = fixture("mdn-files");
    let expected = Answer {
        source: "en-us".into(),
        languages: languages(&["fr", "ja"]),
        pairs: set([
            (
                "fr",
                "files/en-us/web/css/index.md",
                "files/fr/web/css/index.md",
            ),
            (
                "fr",
                "files/en-us/web/html/index.md",
                "files/fr/web/html/index.md",
            ),
            (
                "ja",
                "files/en-us/web/css/index.md",
                "files/ja/web/css/index.md",
            ),
        ]),
        missing: missing([("ja", "files/ja/web/html/index.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let output = repo.tandem().args(["status", "-v"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        // The French folder has an orphan more than the English one: said, as the fixture is small.
        text.contains(
            "source en-us (en-us is among the languages found, though fr has more pages: 3 against 2)"
        ),
        "{text}"
    );
    init_gives_the_same_answer(&repo, &expected);
    // The folders named, the source left to tandem: still English.
    repo.write("tandem.yaml", "content: [files]\n");
    assert_eq!(repo.status_json(&[])["source_language"], "en-us");
}

/// The source's pages in `docs/`, each translation in `translations/<lang>/` with the same paths below it (no
/// generator config). tandem stopped with "no language folders found"; a search for folders of language folders
/// alone would pair French with German and leave `docs/` out.
#[test]
fn translations_in_a_folder_beside_the_source_s_were_not_detected() {
    let repo = fixture("translations-folder");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["de", "fr"]),
        pairs: set([
            ("de", "docs/index.md", "translations/de/index.md"),
            ("fr", "docs/index.md", "translations/fr/index.md"),
            (
                "fr",
                "docs/guide/install.md",
                "translations/fr/guide/install.md",
            ),
        ]),
        missing: missing([
            ("de", "translations/de/guide/install.md"),
            ("de", "translations/de/guide/upgrade.md"),
            ("fr", "translations/fr/guide/upgrade.md"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    let text = repo.stdout(&["status", "-v"]);
    assert!(
        text.contains("source en (assumed: nothing says which language the pages of docs/ are in"),
        "{text}"
    );
    let config = init_gives_the_same_answer(&repo, &expected);
    assert!(config.contains("en: docs\n"), "{config}");
}

/// The same shape written in French first: `docs/` in French, `translations/en/` and `translations/de/` beside it.
/// English has a folder of translations, so it cannot be the source, yet tandem took `translations/en/` for the
/// source (English by default), left `docs/` out and called the German page a translation of the English one.
#[test]
fn french_docs_beside_translations_into_english_were_left_out() {
    let repo = fixture("translations-folder-french");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["de", "en"]),
        pairs: set([
            ("de", "docs/index.md", "translations/de/index.md"),
            ("en", "docs/index.md", "translations/en/index.md"),
            (
                "en",
                "docs/guide/install.md",
                "translations/en/guide/install.md",
            ),
        ]),
        missing: missing([
            ("de", "translations/de/guide/install.md"),
            ("de", "translations/de/guide/reseau.md"),
            ("en", "translations/en/guide/reseau.md"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    let text = repo.stdout(&["status", "-v"]);
    assert!(
        text.contains("source fr (the common words of 3 of the 3 pages of docs/ that read clearly"),
        "{text}"
    );
    // Said in tandem.yaml, the source's language is not read from the words.
    repo.write("tandem.yaml", "source: en\n");
    assert_eq!(repo.status_json(&[])["source_language"], "en");
}

/// `diff` labelled a Brazilian translation's lines `pt-br` beside a status report that says `pt-BR`, and its texts
/// started a column further than the source's `en` lines.
#[test]
fn diff_labelled_a_brazilian_translation_pt_br_out_of_line_with_the_source() {
    let mut repo = fixture("regional-suffixes");
    repo.write(
        "docs/recipes/bread.md",
        "# Bread\n\nMix flour, water and salt, then wait a night.\n\n## Baking\n\nHalf an hour in a hot oven.\n",
    );
    repo.commit("bread: how long it bakes");
    let diff = repo.stdout(&["diff", "docs/recipes/bread.pt-BR.md"]);
    let added = diff
        .lines()
        .find(|l| l.contains("Half an hour"))
        .expect(&diff);
    assert!(added.starts_with("  en     + "), "{diff}");
    assert!(!diff.contains("pt-br"), "{diff}");
    let translated = diff
        .lines()
        .find(|l| l.starts_with("  pt-BR  "))
        .expect(&diff);
    assert!(translated.starts_with("  pt-BR    "), "{diff}");
}

/// `pair` headed the Brazilian pairs `pt-br:` and `init` wrote `languages: [pt-br]` for a site whose pages say
/// `pt-BR`, where `status` and `diff` write the tag in BCP 47's case.
#[test]
fn pair_and_init_wrote_a_brazilian_tag_in_lower_case() {
    let repo = fixture("regional-suffixes");
    let pair = repo.stdout(&["pair"]);
    assert!(pair.contains("pt-BR"), "{pair}");
    assert!(!pair.contains("pt-br"), "{pair}");
    repo.tandem().args(["init", "--yes"]).assert().success();
    let config = repo.read("tandem.yaml");
    assert!(config.contains("languages: [pt-BR]"), "{config}");
    // Read back alike.
    assert!(repo.status_json(&[])["summary"]["pt-br"].is_object());
}

/// Docusaurus's `i18n.path` names the folder of the locales' folders (`translations/` instead of `i18n/`): tandem
/// looked in `i18n/` alone and stopped with "no language folders found", a Docusaurus config among the things it
/// said it had looked for, beside the site's own.
#[test]
fn docusaurus_locales_in_the_folder_i18n_path_names_were_not_found() {
    let mut repo = fixture("docusaurus-french-first");
    repo.git(&["mv", "i18n", "translations"]);
    let config = repo.read("docusaurus.config.mjs");
    repo.write(
        "docusaurus.config.mjs",
        config.replace(
            "    defaultLocale,\n",
            "    defaultLocale,\n    path: 'translations',\n",
        ),
    );
    repo.commit("the locales in translations/");
    let en = "translations/en/docusaurus-plugin-content-docs/current";
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            ("en", "docs/intro.md", &format!("{en}/intro.md")),
            (
                "en",
                "docs/guides/crevaison.md",
                &format!("{en}/guides/crevaison.md"),
            ),
            (
                "en",
                "blog/2025-04-12-ouverture.md",
                "translations/en/docusaurus-plugin-content-blog/2025-04-12-ouverture.md",
            ),
        ]),
        missing: missing([("en", &format!("{en}/guides/freins.md"))]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer(&repo, &expected);
}

/// What the generator itself leaves out of the site was read as pages: VitePress's `srcExclude: ['**/README.md']` (its
/// site-config example) and MkDocs's `exclude_docs` (snippets kept in `includes/`): each a source page "missing" its
/// translations, which the site never publishes.
#[test]
fn pages_the_generator_excludes_were_missing_translations() {
    let mut repo = fixture("vitepress-root-locale");
    let config = repo.read("docs/.vitepress/config.mts");
    repo.write(
        "docs/.vitepress/config.mts",
        config.replace(
            "  cleanUrls: true,\n",
            "  cleanUrls: true,\n  srcExclude: ['**/README.md', 'drafts/**'],\n",
        ),
    )
    .write(
        "docs/guide/README.md",
        "# Notes for writers\n\nKeep pages short.\n",
    )
    .write("docs/drafts/plans.md", "# Plans\n\nA page to come.\n");
    repo.commit("notes and drafts, excluded from the site");
    let left = answer(&repo).missing;
    assert!(
        left.iter()
            .all(|(_, path)| !path.contains("README") && !path.contains("drafts")),
        "{left:?}"
    );
    assert!(left.contains(&("fr".to_owned(), "docs/fr/guide/changelog.md".to_owned())));

    let mut repo = fixture("mkdocs-suffix");
    let config = repo.read("mkdocs.yml");
    repo.write(
        "mkdocs.yml",
        format!("{config}exclude_docs: |\n  # snippets\n  includes/\n  *.tmp.md\n"),
    )
    .write(
        "site-docs/includes/abbreviations.md",
        "*[HTML]: HyperText\n",
    )
    .write("site-docs/guide/scratch.tmp.md", "# Scratch\n\nNotes.\n");
    repo.commit("snippets and scratch, excluded from the site");
    let left = answer(&repo).missing;
    assert_eq!(
        left,
        missing([("en", "site-docs/guide/configure.en.md")]),
        "{left:?}"
    );
}

/// A VitePress config split as VitePress's own documentation splits it: `config/index.ts` spreads each locale's module
/// (`root: { label: 'Français', ...fr }`, `lang: 'fr-FR'` written in `config/fr.ts`). The root locale's `lang` was read
/// only where written in the root object, else taken for English: the French pages were English sources, `diff`
/// labelled them `en`.
#[test]
fn a_vitepress_root_locale_whose_lang_is_in_a_spread_module_was_read_as_english() {
    let repo = fixture("vitepress-config-modules");
    let p = |path: &str| format!("docs/{path}");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["de"]),
        pairs: set([
            ("de", &p("index.md"), &p("de/index.md")),
            ("de", &p("guide/demarrer.md"), &p("de/guide/demarrer.md")),
        ]),
        missing: missing([("de", &p("de/guide/themes.md"))]),
    };
    assert_eq!(answer(&repo), expected);
    init_gives_the_same_answer_at(&repo, &expected, "docs/tandem.yaml");
}

/// A Hexo site serving English at the top of its `source/` folder and French from `source/fr/` (`i18n_dir: :lang`,
/// `language: [en, fr]` in `_config.yml`). tandem looked for the source's pages at the top of `docs/`, `src/` and the
/// site's folder, never in Hexo's `source/`, and stopped with "no language folders found", offering a `tandem.yaml`
/// that paired `source/_posts` with `source/about`. Hexo's `_` folders (`_posts/`, `_drafts/`) are no pages of this
/// layout: Hexo never reads `source/fr/_posts/`.
#[test]
fn hexo_pages_in_the_source_folder_with_a_folder_per_language_were_not_found() {
    let mut repo = fixture("hexo-i18n-dir");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["fr"]),
        pairs: set([
            ("fr", "source/about/index.md", "source/fr/about/index.md"),
            (
                "fr",
                "source/docs/casting-on.md",
                "source/fr/docs/casting-on.md",
            ),
        ]),
        missing: missing([("fr", "source/fr/docs/binding-off.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let text = repo.stdout(&["status", "-v"]);
    assert!(
        text.contains(
            "Site: source pages at the top, a folder per translation — source, source en (language[0] in _config.yml), 2 languages"
        ),
        "{text}"
    );
    // A change to an English page makes its French twin stale; the untouched one stays current.
    let page_path = "source/docs/casting-on.md";
    let text = repo.read(page_path);
    repo.write(
        page_path,
        format!("{text}\n## The tubular cast-on\n\nWork it with waste yarn, then unpick the waste row.\n"),
    );
    repo.commit("docs: the tubular cast-on");
    let json = repo.status_json(&[]);
    assert_eq!(
        page(&json, "source/fr/docs/casting-on.md")["state"],
        "stale"
    );
    assert_eq!(page(&json, "source/fr/about/index.md")["state"], "current");
    let listed: Vec<&str> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["source"].as_str())
        .collect();
    assert!(
        listed.iter().all(|s| !s.contains("/_")),
        "posts and drafts are no pages here: {listed:?}"
    );
    let written = init_gives_the_same_answer(&repo, &expected);
    assert!(
        written.contains("source: en  # language[0] in _config.yml"),
        "{written}"
    );
}

/// A Quarto book made multilingual with babelquarto: the main language's chapters `sampling.qmd`, their translations
/// `sampling.es.qmd` beside them, the languages listed under `babelquarto` in `_quarto.yml`. `.qmd` files were not
/// pages: tandem stopped with "no language folders found" and offered a `tandem.yaml` naming `content/en` and
/// `content/fr`, folders the project does not have.
#[test]
fn quarto_babelquarto_chapters_were_not_pages() {
    let mut repo = fixture("quarto-babelquarto");
    let expected = Answer {
        source: "en".into(),
        languages: languages(&["es", "fr"]),
        pairs: set([
            ("es", "index.qmd", "index.es.qmd"),
            ("es", "sampling.qmd", "sampling.es.qmd"),
            ("fr", "index.qmd", "index.fr.qmd"),
        ]),
        missing: missing([
            ("es", "results.es.qmd"),
            ("fr", "results.fr.qmd"),
            ("fr", "sampling.fr.qmd"),
        ]),
    };
    assert_eq!(answer(&repo), expected);
    let text = repo.stdout(&["status", "-v"]);
    assert!(
        text.contains(
            "Site: language suffixes in page names — ., source en (babelquarto.mainlanguage in _quarto.yml), 3 languages"
        ),
        "{text}"
    );
    let sampling = repo.read("sampling.qmd");
    repo.write(
        "sampling.qmd",
        format!("{sampling}\n## When\n\nSample before nine in the morning, before the sun warms the water.\n"),
    );
    repo.commit("sampling: when");
    let json = repo.status_json(&[]);
    assert_eq!(page(&json, "sampling.es.qmd")["state"], "stale");
    assert_eq!(page(&json, "index.fr.qmd")["state"], "current");
    init_gives_the_same_answer(&repo, &expected);
    // A translated name ending in `.qmd` keeps it, once.
    repo.tandem()
        .args([
            "scaffold",
            "results.qmd",
            "--lang",
            "fr",
            "--slug",
            "resultats.qmd",
        ])
        .assert()
        .success();
    assert!(repo.path().join("resultats.fr.qmd").is_file());

    // The day a team registers its languages, before any chapter is translated: every chapter is missing.
    let mut first_day = RepoBuilder::new();
    first_day.write(
        "_quarto.yml",
        "project:\n  type: book\nbabelquarto:\n  mainlanguage: 'fr'\n  languages: ['en']\nlang: fr\n",
    );
    first_day.write(
        "index.qmd",
        "# Avant-propos\n\nCe livre rassemble nos notes de terrain.\n",
    );
    first_day.commit("the French book");
    let answered = answer(&first_day);
    assert_eq!(answered.source, "fr");
    assert_eq!(answered.missing, missing([("en", "index.en.qmd")]));
}

/// A Pelican blog written in French first (`DEFAULT_LANG = 'fr'` in `pelicanconf.py`), its English translations
/// named after their articles (`col-du-galibier.en.md`), each page's metadata in a Pelican header (`Title:`,
/// `Lang: en`, `Slug:`), not in front matter. The settings were not read: the French pages were taken for English,
/// beside the English ones, and tandem stopped with "no language folders found".
#[test]
fn pelican_default_lang_was_not_read() {
    let mut repo = fixture("pelican-french-blog");
    let expected = Answer {
        source: "fr".into(),
        languages: languages(&["en"]),
        pairs: set([
            (
                "en",
                "content/articles/col-du-galibier.md",
                "content/articles/col-du-galibier.en.md",
            ),
            (
                "en",
                "content/pages/a-propos.md",
                "content/pages/a-propos.en.md",
            ),
        ]),
        missing: missing([("en", "content/articles/lac-blanc.en.md")]),
    };
    assert_eq!(answer(&repo), expected);
    let text = repo.stdout(&["status", "-v"]);
    assert!(
        text.contains(
            "Site: language suffixes in page names — content, source fr (DEFAULT_LANG in pelicanconf.py), 2 languages"
        ),
        "{text}"
    );
    let article = "content/articles/col-du-galibier.md";
    let text = repo.read(article);
    repo.write(
        article,
        format!("{text}\n## La descente\n\nGardez une veste pour la descente vers le Lautaret.\n"),
    );
    repo.commit("galibier: la descente");
    let json = repo.status_json(&[]);
    assert_eq!(
        page(&json, "content/articles/col-du-galibier.en.md")["state"],
        "stale"
    );
    assert_eq!(
        page(&json, "content/pages/a-propos.en.md")["state"],
        "current"
    );
    init_gives_the_same_answer(&repo, &expected);
}

/// The same blog with a translation named freely (`cycling-galibier.md`), as Pelican allows: it pairs it with its
/// article by the `Slug` of their headers, which tandem does not read. tandem stopped with "no language folders
/// found" and offered a `tandem.yaml` pairing `content/articles` with `content/pages` as two languages. It now says
/// why and what to do, and the `tandem.yaml` it prints reads the site once the translation is named after its page;
/// a translation still under its own name, read as a French page, is named with the `git mv` that pairs it.
#[test]
fn pelican_translations_paired_by_slug_were_offered_a_wrong_config() {
    let mut repo = fixture("pelican-french-blog");
    repo.git(&[
        "mv",
        "content/articles/col-du-galibier.en.md",
        "content/articles/cycling-galibier.md",
    ]);
    repo.git(&[
        "mv",
        "content/pages/a-propos.en.md",
        "content/pages/about.md",
    ]);
    repo.commit("translations named freely");
    for (ui, said) in [
        (
            "en",
            "this is a Pelican site (pelicanconf.py): Pelican pairs a page with its translations by the Slug",
        ),
        (
            "fr",
            "c’est un site Pelican (pelicanconf.py) : Pelican apparie une page et ses traductions par le Slug",
        ),
    ] {
        let output = repo
            .tandem()
            .args(["--ui-lang", ui, "status"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(said), "{stderr}");
        assert!(
            stderr.ends_with("\n    source: fr\n    layout: suffix\n    content: [content]\n"),
            "{stderr}"
        );
    }
    // What it says to do: the translations named after their pages, and the tandem.yaml it printed. One left with
    // its own name is read as a French page: each run says so, with the `git mv` that pairs it.
    repo.git(&[
        "mv",
        "content/articles/cycling-galibier.md",
        "content/articles/col-du-galibier.en.md",
    ]);
    repo.write(
        "tandem.yaml",
        "source: fr\nlayout: suffix\ncontent: [content]\n",
    );
    repo.commit("the article's translation named after it");
    let output = repo.tandem().args(["status"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "warning: content/pages/about.md: its Pelican header says Lang: en, yet its name has no .en suffix, so tandem reads it as a fr page; it shares its Slug with a fr page: git mv content/pages/about.md content/pages/a-propos.en.md names it after that page"
        ),
        "{stderr}"
    );
    repo.git(&[
        "mv",
        "content/pages/about.md",
        "content/pages/a-propos.en.md",
    ]);
    repo.commit("the page's translation named after it");
    let output = repo.tandem().args(["status"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("Pelican"), "{stderr}");
    let answered = answer(&repo);
    assert_eq!(answered.source, "fr");
    assert_eq!(answered.pairs.len(), 2, "{answered:?}");
    assert_eq!(
        answered.missing,
        missing([("en", "content/articles/lac-blanc.en.md")])
    );
}

/// tandem wrote its pin in a front matter above a Pelican header (`---`, `default_lang_commit: …`, `---`, then
/// `Title: …`): Pelican reads metadata only at the top, so the page lost its title and language. `sync` now refuses,
/// changing nothing, and `scaffold` copies the header without a pin, its mark below the header.
#[test]
fn pins_written_above_a_pelican_header_hid_it() {
    let repo = fixture("pelican-french-blog");
    let translation = "content/articles/col-du-galibier.en.md";
    let before = repo.read(translation);
    let output = repo.tandem().args(["sync", translation]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("the page opens with a metadata header"),
        "{stderr}"
    );
    assert_eq!(repo.read(translation), before);
    let output = repo
        .tandem()
        .args(["scaffold", "content/articles/lac-blanc.md", "--lang", "en"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let written = repo.read("content/articles/lac-blanc.en.md");
    assert!(
        written.starts_with("Title: Une boucle au lac Blanc\nDate: 2024-08-02 07:00\n"),
        "{written}"
    );
    assert!(
        written.contains("Slug: lac-blanc\n\n<!-- tandem: translate -->\n"),
        "{written}"
    );
    assert!(!written.contains("---"), "{written}");
}

/// A Starlight site moving its pages to `.mdx` (`tests/fixtures/starlight-mdx-migration`): `guides/deploy.mdx` is
/// translated by `fr/guides/deploy.md`, the page Starlight serves in French (a page's id has no extension). tandem
/// called the source missing and the translation orphaned.
#[test]
fn a_translation_kept_in_md_beside_its_mdx_source_was_an_orphan() {
    let repo = fixture("starlight-mdx-migration");
    let json = repo.status_json(&["--all"]);
    let deploy = page(&json, "src/content/docs/fr/guides/deploy.md");
    assert_eq!(deploy["source"], "src/content/docs/guides/deploy.mdx");
    assert_eq!(deploy["paired_by"], "path");
    assert_eq!(deploy["state"], "current", "{json:#}");
    let states: Vec<&str> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["current", "current"], "{json:#}");
    // The source changes: the translation under its other extension is what goes stale.
    let mut repo = repo;
    let source = repo.read("src/content/docs/guides/deploy.mdx");
    repo.write(
        "src/content/docs/guides/deploy.mdx",
        source.replace(
            "Most hosts can also build",
            "Netlify, Vercel and most other hosts can also build",
        ),
    );
    repo.commit("en: name the hosts");
    let json = repo.status_json(&[]);
    let deploy = page(&json, "src/content/docs/fr/guides/deploy.md");
    assert_eq!(deploy["state"], "stale", "{json:#}");
}

/// Two sources with one path and two extensions (`notes.md`, `notes.mdx`) leave a translation under a third
/// (`fr/notes.markdown`) to neither: guessing would pair it with the wrong one.
#[test]
fn a_translation_two_sources_could_take_by_extension_stays_unpaired() {
    let mut repo = fixture("starlight-mdx-migration");
    repo.write(
        "src/content/docs/guides/notes.md",
        "---\ntitle: Notes\n---\n\nShort notes.\n",
    )
    .write(
        "src/content/docs/guides/notes.mdx",
        "---\ntitle: Notes (MDX)\n---\n\nLonger notes.\n",
    )
    .write(
        "src/content/docs/fr/guides/notes.markdown",
        "---\ntitle: Notes\n---\n\nNotes courtes.\n",
    );
    repo.commit("notes twice");
    let json = repo.status_json(&["--all"]);
    let notes = page(&json, "src/content/docs/fr/guides/notes.markdown");
    assert_eq!(notes["state"], "orphaned", "{json:#}");
}
