//! `tandem scaffold`: the translation created where the dirs layout wants it (or under `--slug`), front matter copied
//! with the pin set and translatable fields marked, body kept or reduced to its skeleton, no overwrite without --force.

use predicates::prelude::*;

use crate::support::{RepoBuilder, page, snapshot};

const SOURCE: &str = "---\ntitle: \"Glossary\"\ndescription: Words we use\nweight: 5 # order\n---\n\nIntro text.\n\n## Terms {#terms}\n\nA term is a word.\n\n```yaml\nkey: value\n```\n\n![diagram](/img/d.png)\n\n{{< note >}}\nRead this.\n{{< /note >}}\n\n## See also {#see-also}\n\n- one\n- two\n";

fn site() -> (RepoBuilder, String) {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/docs/glossary.md", SOURCE)
        .write(
            "content/en/docs/other.md",
            "---\ntitle: Other\n---\nText.\n",
        )
        .write(
            "content/fr/docs/other.md",
            "---\ntitle: Autre\n---\nTexte.\n",
        );
    let c1 = repo.commit("en");
    repo.write(
        "content/en/docs/other.md",
        "---\ntitle: Other\n---\nText 2.\n",
    );
    repo.commit("unrelated");
    (repo, c1)
}

#[test]
fn keep_copies_the_body_and_pins_the_source_commit() {
    let (repo, c1) = site();
    repo.tandem()
        .args(["scaffold", "content/en/docs/glossary.md", "--lang", "fr"])
        .assert()
        .success()
        .stdout(format!(
            "created content/fr/docs/glossary.md (pin {}; title and description to translate; body copied from the source)\n",
            &c1[..7]
        ));
    let expected = SOURCE
        .replace("\"Glossary\"\n", "\"Glossary\" # tandem: translate\n")
        .replace("Words we use\n", "Words we use # tandem: translate\n")
        .replace(
            "# order\n---",
            &format!("# order\ndefault_lang_commit: {c1}\n---"),
        )
        // The body, copied as it is, is marked at its top: it is the source's text until translated.
        .replace(
            "---\n\nIntro text.",
            "---\n\n<!-- tandem: translate -->\n\nIntro text.",
        );
    assert_eq!(repo.read("content/fr/docs/glossary.md"), expected);
}

/// `tandem scaffold` copies the body by default, marks the title and pins the source commit: the new page matches
/// its pin byte for byte, in the source's language. It was `current`, counted as translated, and `tandem check`
/// passed, so CI went green on an English page in the French site. Its marks say it is not translated yet, until
/// the translator removes them.
#[test]
fn a_scaffolded_page_nobody_translated_was_current() {
    let (mut repo, _) = site();
    repo.tandem()
        .args(["scaffold", "content/en/docs/glossary.md", "--lang", "fr"])
        .assert()
        .success();
    repo.commit("scaffold the French glossary");
    let json = repo.status_json(&[]);
    let scaffolded = page(&json, "content/fr/docs/glossary.md");
    assert_eq!(scaffolded["state"], "stale", "{scaffolded}");
    assert_eq!(scaffolded["reason"], "structure");
    let signal = &scaffolded["signals"][0];
    assert_eq!(signal["kind"], "translate-marks", "{scaffolded}");
    assert_eq!(signal["severity"], "high");
    // The title and the description, lines 2 and 3, and the body's top, line 8.
    assert_eq!(signal["items"], serde_json::json!(["2", "3", "8"]));
    let text = repo.stdout(&["status"]);
    assert!(
        text.contains(
            "not translated yet, tandem scaffold's mark “tandem: translate” still on lines 2, 3, 8"
        ),
        "{text}"
    );
    repo.tandem().arg("check").assert().code(1);

    // Translated: the marks are gone, and so is the signal.
    let translated = repo
        .read("content/fr/docs/glossary.md")
        .replace("\"Glossary\" # tandem: translate", "\"Glossaire\"")
        .replace(
            "Words we use # tandem: translate",
            "Les mots que nous employons",
        )
        .replace(
            "<!-- tandem: translate -->\n\nIntro text.",
            "Texte d'introduction.",
        )
        .replace("A term is a word.", "Un terme est un mot.");
    repo.write("content/fr/docs/glossary.md", translated);
    repo.commit("translate the glossary");
    let json = repo.status_json(&[]);
    assert_eq!(
        page(&json, "content/fr/docs/glossary.md")["state"],
        "current"
    );
}

/// The same with `--body placeholder`: the marks in the body, one per section to write, each named by its line. A
/// page that shows the mark in a code block or quotes it in its prose (documentation about tandem itself) is not
/// marked.
#[test]
fn a_placeholder_scaffold_is_stale_until_its_sections_are_written() {
    let (mut repo, _) = site();
    repo.tandem()
        .args([
            "scaffold",
            "content/en/docs/glossary.md",
            "--lang",
            "fr",
            "--body",
            "placeholder",
        ])
        .assert()
        .success();
    repo.commit("scaffold the French glossary");
    let json = repo.status_json(&[]);
    let scaffolded = page(&json, "content/fr/docs/glossary.md");
    assert_eq!(
        scaffolded["signals"][0]["kind"], "translate-marks",
        "{scaffolded}"
    );
    let lines = scaffolded["signals"][0]["items"].as_array().unwrap().len();
    assert!(
        lines >= 4,
        "title, description and the body's marks: {scaffolded}"
    );

    let about = "---\ntitle: Scaffold\n---\n\nThe marks look like this:\n\n```yaml\ntitle: Install # tandem: translate\n```\n\nIn the body: `<!-- tandem: translate -->`.\n";
    repo.write("content/en/docs/scaffold.md", about).write(
        "content/fr/docs/scaffold.md",
        about.replace(
            "The marks look like this:",
            "Les marques ressemblent à ceci :",
        ),
    );
    repo.commit("a page about the marks");
    let json = repo.status_json(&[]);
    assert_eq!(
        page(&json, "content/fr/docs/scaffold.md")["state"],
        "current"
    );
}

#[test]
fn placeholder_keeps_the_structure() {
    let (repo, _) = site();
    repo.tandem()
        .args([
            "--ui-lang",
            "fr",
            "scaffold",
            "content/en/docs/glossary.md",
            "--body",
            "placeholder",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "title et description à traduire ; 3 sections à rédiger)",
        ));
    let text = repo.read("content/fr/docs/glossary.md");
    let body = &text[text.find("---\n\n").unwrap() + 4..];
    assert_eq!(
        body,
        "\n<!-- tandem: translate -->\n\n## Terms {#terms}\n\n<!-- tandem: translate -->\n\n```yaml\nkey: value\n```\n\n![diagram](/img/d.png)\n\n{{< note >}}\n<!-- tandem: translate -->\n{{< /note >}}\n\n## See also {#see-also}\n\n<!-- tandem: translate -->\n"
    );
}

#[test]
fn an_mdx_placeholder_lost_its_imports_and_used_html_comments_mdx_rejects() {
    let mut repo = RepoBuilder::new();
    let source = "---\ntitle: Sidebar\n---\n\nimport { Steps } from '@astrojs/starlight/components';\n\nThe sidebar lists your pages.\n\n## Configure\n\n<Steps>\n\n1. Add a group:\n\n   ```js\n   sidebar: [{ label: 'Guides' }]\n   ```\n\n</Steps>\n\n<Card title=\"Tip\" icon=\"star\">Groups fold.</Card>\n";
    repo.write(
        "astro.config.mjs",
        "import starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ \
         title: 'Docs', defaultLocale: 'root', locales: { root: { label: 'English', lang: 'en' }, fr: { label: \
         'Français' } } })] });\n",
    )
    .write("src/content/docs/guides/sidebar.mdx", source)
        .write(
            "src/content/docs/fr/index.mdx",
            "---\ntitle: Accueil\n---\n\nBonjour.\n",
        )
        .write(
            "src/content/docs/index.mdx",
            "---\ntitle: Home\n---\n\nHello.\n",
        );
    repo.commit("docs");
    repo.tandem()
        .args([
            "scaffold",
            "src/content/docs/guides/sidebar.mdx",
            "--lang",
            "fr",
            "--body",
            "placeholder",
        ])
        .assert()
        .success();
    let text = repo.read("src/content/docs/fr/guides/sidebar.mdx");
    let body = &text[text.find("---\n\n").unwrap() + 4..];
    assert_eq!(
        body,
        "\nimport { Steps } from '@astrojs/starlight/components';\n\n{/* tandem: translate */}\n\n## Configure\n\n\
         <Steps>\n\n1. {/* tandem: translate */}\n\n   ```js\n   sidebar: [{ label: 'Guides' }]\n   ```\n\n</Steps>\n\n\
         <Card title=\"Tip\" icon=\"star\">Groups fold.</Card>\n"
    );
    assert!(!text.contains("<!--"), "{text}");
}

/// `--body placeholder` on Starlight's own MDX pages wrote pages that no longer compiled or built
/// (`tests/fixtures/mdx-components-placeholder`): a `<Code` whose attributes went on over lines lost all but its
/// first line (the blank line in its template literal ended the "paragraph"), the lone `>` closing a component's
/// attributes became a marker, `<TabItem>` tags around prose went with the prose, and `<Steps>` lost its numbered
/// list (one marker, the commands left as its children). The JSX is kept byte for byte, the prose between marked,
/// and the list keeps its items, each with a marker on its line.
#[test]
fn an_mdx_placeholder_broke_components_and_steps_lists() {
    let mut repo = RepoBuilder::from_fixture("mdx-components-placeholder");
    let source = repo.read("src/content/docs/guides/glazes.mdx");
    repo.tandem()
        .args([
            "scaffold",
            "src/content/docs/guides/glazes.mdx",
            "--lang",
            "it",
            "--body",
            "placeholder",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("4 sections to write"));
    let text = repo.read("src/content/docs/it/guides/glazes.mdx");
    // The components, whole, as the source writes them.
    let between = |from: &str, to: &str| -> String {
        let start = source.find(from).expect("in the source");
        let end = source[start..].find(to).expect("closed") + start + to.len();
        source[start..end].to_owned()
    };
    for component in [
        between("<Code\n", "/>\n"),
        between("<Swatches\n", "\t<Fragment slot=\"note\">\n"),
        "\t</Fragment>\n</Swatches>\n".to_owned(),
        "<Tabs>\n<TabItem label=\"By hand\">\n\n".to_owned(),
        "\n</TabItem>\n<TabItem label=\"With a drill\">\n".to_owned(),
        between("   <FileTree>", "</FileTree>\n"),
        "{/* Recipes checked against the 2023 test firing. */}\n".to_owned(),
    ] {
        assert!(
            text.contains(&component),
            "{component}\nmissing from\n{text}"
        );
    }
    // The prose inside them is marked, at its indentation.
    assert!(
        text.contains("\t<Fragment slot=\"note\">\n\t\t{/* tandem: translate */}\n\t</Fragment>\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "<TabItem label=\"With a drill\">\n{/* tandem: translate */}\n</TabItem>\n</Tabs>\n"
        ),
        "{text}"
    );
    for prose in [
        "glass you paint",
        "cone 6",
        "through the mesh",
        "Weigh the",
        "Label each",
    ] {
        assert!(!text.contains(prose), "{prose} left in\n{text}");
    }
    // One numbered list of three steps inside `<Steps>`, their commands and file tree where they were.
    let steps = &text[text.find("<Steps>\n").unwrap()..text.find("</Steps>\n").unwrap()];
    assert_eq!(
        steps,
        "<Steps>\n\n1. {/* tandem: translate */}\n\n   ```sh\n   scale --tare\n   ```\n\n   {/* tandem: translate */}\n\n\
         2. {/* tandem: translate */}\n\n   <FileTree>\n\n   - tiles/\n     - celadon-01.jpg\n     - tenmoku-02.jpg\n\n   \
         </FileTree>\n\n   {/* tandem: translate */}\n\n3. {/* tandem: translate */}\n\n"
    );

    // Not translated yet: the marks are named by their lines, the steps' among them.
    repo.commit("scaffold the Italian glazes");
    let json = repo.status_json(&[]);
    let scaffolded = page(&json, "src/content/docs/it/guides/glazes.mdx");
    let signal = &scaffolded["signals"][0];
    assert_eq!(signal["kind"], "translate-marks", "{scaffolded}");
    let step = text
        .lines()
        .position(|line| line == "3. {/* tandem: translate */}")
        .unwrap()
        + 1;
    assert!(
        signal["items"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(step.to_string())),
        "{scaffolded}"
    );
}

#[test]
fn slug_config_fields_and_languages() {
    let (mut repo, _) = site();
    repo.write("content/de/docs/other.md", "---\ntitle: Andere\n---\n")
        .write(
            "tandem.yaml",
            "scaffold: { translatable: [description, weight] }\n",
        );
    repo.commit("de");
    // Two target languages: say which.
    repo.tandem()
        .args(["scaffold", "content/en/docs/glossary.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass --lang with one of: de, fr"));
    repo.tandem()
        .args([
            "scaffold",
            "content/en/docs/glossary.md",
            "--lang",
            "fr",
            "--slug",
            "glossaire",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "created content/fr/docs/glossaire.md (pin ",
        ))
        .stdout(predicate::str::contains(
            "description and weight to translate",
        ))
        .stderr(predicate::str::contains("the source has no translationKey"))
        // The fix, with a value: the warning named none, and the page stayed an orphan.
        .stderr(predicate::str::contains(
            "add “translationKey: glossary” to the front matter of both",
        ));
    let text = repo.read("content/fr/docs/glossaire.md");
    assert!(text.contains("title: \"Glossary\"\n"), "{text}");
    assert!(text.contains("weight: 5 # tandem: translate\n"), "{text}");
}

#[test]
fn refuses_to_overwrite_without_force_and_non_source_pages() {
    let (repo, _) = site();
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["scaffold", "content/en/docs/other.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: content/fr/docs/other.md already exists — pass --force",
        ));
    repo.tandem()
        .args(["scaffold", "content/fr/docs/other.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is not a page of the source language (en)",
        ));
    repo.tandem()
        .args(["scaffold", "content/en/docs/nope.md"])
        .assert()
        .code(2);
    assert_eq!(snapshot(repo.path()), before);
    repo.tandem()
        .args(["scaffold", "content/en/docs/other.md", "--force"])
        .assert()
        .success();
    assert!(repo.read("content/fr/docs/other.md").contains("Text 2."));
}

#[test]
fn from_a_subfolder_and_toml() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/blog/post.md",
        "+++\ntitle = 'Post'\ndate = 2026-01-01\n+++\n\nBody.\n",
    )
    .write("content/fr/_index.md", "---\ntitle: Accueil\n---\n")
    .write("content/en/_index.md", "---\ntitle: Home\n---\n");
    let c1 = repo.commit("en");
    std::fs::create_dir_all(repo.path().join("content/en/blog")).unwrap();
    crate::support::tandem_in(&repo.path().join("content/en/blog"))
        .args(["scaffold", "post.md"])
        .assert()
        .success();
    assert_eq!(
        repo.read("content/fr/blog/post.md"),
        format!(
            "+++\ntitle = 'Post' # tandem: translate\ndate = 2026-01-01\ndefault_lang_commit = \"{c1}\"\n+++\n\n<!-- tandem: translate -->\n\nBody.\n"
        )
    );
}

/// `--slug` is a file name, but it was joined to the folder unchecked: `../../x` wrote outside the repository, and
/// `../en/x.md --force` rewrote the source page with a pin and translate marks. Nothing is written now.
#[test]
fn a_slug_with_a_folder_or_dots_wrote_outside_the_language_folder_even_over_the_source() {
    let (repo, _) = site();
    let before = snapshot(repo.path());
    for slug in [
        "../../../escaped",
        "../../en/docs/glossary.md",
        "sub/page",
        "sub\\page",
        "..",
        "",
    ] {
        repo.tandem()
            .args([
                "scaffold",
                "content/en/docs/glossary.md",
                "--lang",
                "fr",
                "--slug",
                slug,
                "--force",
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "error: --slug “{slug}” is not a file name tandem reads as a page: it is empty or hidden (.x), holds a \
                 /, a \\, .., a line end or a tab, has spaces around it, or an extension tandem does not read (x.MD) \
                 — give the translation's file name alone, such as --slug installer: it goes in the folder the layout \
                 gives\n"
            ));
    }
    assert_eq!(snapshot(repo.path()), before);
}

/// `--slug .hidden`, `.md`, `x.MD`, a name with a line end or spaces around it: "created", a file tandem never read as
/// a page (hidden, or an extension in capitals), the translation still missing. Refused, nothing written.
#[test]
fn a_slug_tandem_would_not_read_as_a_page_was_created() {
    let (repo, _) = site();
    let before = snapshot(repo.path());
    for slug in [".hidden", ".md", "x.MD", "two\nlines", " spaced"] {
        repo.tandem()
            .args([
                "scaffold",
                "content/en/docs/glossary.md",
                "--lang",
                "fr",
                "--slug",
                slug,
            ])
            .assert()
            .code(2)
            .stdout("");
    }
    assert_eq!(snapshot(repo.path()), before);
}

/// Any dot counted as an extension: `--slug installer-node.js` wrote `installer-node.js`, which is no page (status
/// still called the translation missing). The source's extension is added unless the slug ends in a page's.
#[test]
fn a_slug_with_a_dot_got_no_page_extension() {
    let (repo, _) = site();
    for (slug, written) in [
        ("installer-node.js", "installer-node.js.md"),
        ("glossaire.md", "glossaire.md"),
        ("lexique.markdown", "lexique.markdown"),
    ] {
        repo.tandem()
            .args([
                "scaffold",
                "content/en/docs/glossary.md",
                "--lang",
                "fr",
                "--slug",
                slug,
            ])
            .assert()
            .success()
            .stdout(predicate::str::starts_with(format!(
                "created content/fr/docs/{written} (pin "
            )));
        assert!(repo.path().join("content/fr/docs").join(written).is_file());
    }
}

/// French pages in `docs/`, English in `docs/en/` inside it: the translation of `docs/en/en/a.md` is `docs/en/a.md`,
/// an English page, which `--force` replaced. A path that is a page of the source language is never written.
#[test]
fn scaffold_force_overwrote_a_source_page_where_language_folders_nest() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "tandem.yaml",
        "source: en\nlanguages: [fr]\ncontent: {en: docs/en, fr: docs}\n",
    )
    .write("docs/en/a.md", "---\ntitle: A\n---\n\nA.\n")
    .write("docs/en/en/a.md", "---\ntitle: B\n---\n\nB.\n")
    .write("docs/c.md", "---\ntitle: C\n---\n\nC.\n");
    repo.commit("pages");
    let before = snapshot(repo.path());
    repo.tandem()
        .args(["scaffold", "docs/en/en/a.md", "--force"])
        .assert()
        .code(2)
        .stderr(
            "error: docs/en/a.md is a page of the source language (en): scaffold writes only translations — pass \
             --slug with another file name\n",
        );
    assert_eq!(snapshot(repo.path()), before);
}

/// A source whose translation the site pairs under another name got a second translation beside it: `scaffold
/// guides/deploy.mdx --lang fr` wrote `fr/guides/deploy.mdx` next to the `fr/guides/deploy.md` Starlight serves, and
/// `scaffold` on a post paired by `translationKey` wrote the English name beside the French-named translation. The
/// existing translation is named instead, and nothing is written.
#[test]
fn scaffold_wrote_a_second_translation_beside_one_under_another_name() {
    let repo = RepoBuilder::from_fixture("starlight-mdx-migration");
    let before = snapshot(repo.path());
    repo.tandem()
        .args([
            "scaffold",
            "src/content/docs/guides/deploy.mdx",
            "--lang",
            "fr",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "src/content/docs/fr/guides/deploy.md already exists",
        ));
    assert_eq!(snapshot(repo.path()), before);

    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/posts/summer-meetups.md",
        "---\ntitle: Summer meetups\ntranslationKey: meetups-2019\n---\n\nThree cities.\n",
    );
    repo.write(
        "content/fr/posts/les-meetups-de-l-ete.md",
        "---\ntitle: Les meetups de l’été\ntranslationKey: meetups-2019\n---\n\nTrois villes.\n",
    );
    repo.commit("posts");
    let before = snapshot(repo.path());
    repo.tandem()
        .args([
            "scaffold",
            "content/en/posts/summer-meetups.md",
            "--lang",
            "fr",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "content/fr/posts/les-meetups-de-l-ete.md already exists",
        ));
    assert_eq!(snapshot(repo.path()), before);
    // --force writes the paired translation again, not a second file.
    repo.tandem()
        .args([
            "scaffold",
            "content/en/posts/summer-meetups.md",
            "--lang",
            "fr",
            "--force",
        ])
        .assert()
        .success();
    assert!(
        !repo
            .path()
            .join("content/fr/posts/summer-meetups.md")
            .exists()
    );
    assert!(
        repo.read("content/fr/posts/les-meetups-de-l-ete.md")
            .contains("translationKey: meetups-2019")
    );
}

/// `scaffold` (the body kept, the default) marked the title but not the body: a translator who translated the title
/// and took its mark away had a `current` page whose body was still the English, word for word.
#[test]
fn a_kept_body_was_current_once_the_title_was_translated() {
    let (mut repo, _) = site();
    repo.tandem()
        .args(["scaffold", "content/en/docs/glossary.md", "--lang", "fr"])
        .assert()
        .success();
    let only_fields = repo
        .read("content/fr/docs/glossary.md")
        .replace("\"Glossary\" # tandem: translate", "\"Glossaire\"")
        .replace(
            "Words we use # tandem: translate",
            "Les mots que nous employons",
        );
    repo.write("content/fr/docs/glossary.md", only_fields);
    repo.commit("fr: the title and the description");
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/docs/glossary.md");
    assert_eq!(fr["state"], "stale", "{fr}");
    assert_eq!(fr["signals"][0]["kind"], "translate-marks", "{fr}");
}

/// `scaffold content/en/nope.md` (a misspelt name) said "is not a page of the source language (en)", and a
/// translation given instead of its source got the same words: neither said what to do. A missing file is said
/// missing; a translation names its source page.
#[test]
fn scaffold_said_a_misspelt_page_was_not_of_the_source_language() {
    let (repo, _) = site();
    repo.tandem()
        .args(["scaffold", "content/en/docs/glosary.md", "--lang", "fr"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: content/en/docs/glosary.md does not exist — ",
        ));
    repo.tandem()
        .args(["scaffold", "content/fr/docs/other.md", "--lang", "fr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "it is a translation: scaffold takes its source page, content/en/docs/other.md",
        ));
}
