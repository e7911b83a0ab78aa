//! The block layer (issue: blocks): HTML bodies cut into paragraphs and sections, `diff` by block, and the structure
//! signals read from blocks, each on a fixture under `tests/fixtures/<shape>/`.

use serde_json::Value;

use crate::support::{RepoBuilder, compare_signals, each, fixture_text, md, page, tandem_in};

/// The post pair committed together, then the English post with one phrase of its third paragraph changed.
fn html_post() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write(
        "hugo.toml",
        "baseURL = \"https://lumen.example.org/\"\ndefaultContentLanguage = \"en\"\n",
    )
    .write(
        "content/en/blog/alps-meetups.md",
        fixture_text("html-post/en.md"),
    )
    .write(
        "content/fr/blog/alps-meetups.md",
        fixture_text("html-post/fr.md"),
    );
    repo.commit("post");
    repo.write(
        "content/en/blog/alps-meetups.md",
        fixture_text("html-post/en-changed.md"),
    );
    repo.commit("en: backups");
    repo
}

#[test]
fn html_post_diff_shows_only_the_changed_paragraph() {
    let repo = html_post();
    let output = repo
        .tandem()
        .args(["diff", "content/fr/blog/alps-meetups.md"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.len() < 4096, "{} bytes:\n{text}", text.len());
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest <= 400, "a line of {longest} characters:\n{text}");
    assert!(text.contains("1 of 2 sections changed"), "{text}");
    assert!(
        text.contains("restored into a scratch cluster"),
        "the changed phrase is shown:\n{text}"
    );
    assert!(
        text.contains("les sauvegardes sont testées chaque vendredi"),
        "the aligned French paragraph, around the same place:\n{text}"
    );
    // Unchanged paragraphs are not shown: the first and the last are two blocks away; the neighbours only as one
    // short line of context.
    for unchanged in [
        "Spring brought a long run",
        "We are also proud",
        "Nora Keller is community lead",
        "its tooling",
        "by then it was clear",
    ] {
        assert!(!text.contains(unchanged), "{unchanged:?} shown:\n{text}");
    }
    // No context: only the changed block.
    let text = String::from_utf8(
        repo.tandem()
            .args(["diff", "content/fr/blog/alps-meetups.md", "--context", "0"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(!text.contains("The meetups opened strongly"), "{text}");
    assert!(text.contains("restored into a scratch cluster"), "{text}");
}

#[test]
fn html_post_diff_json_lists_the_changed_block() {
    let repo = html_post();
    let output = repo
        .tandem()
        .args([
            "diff",
            "content/fr/blog/alps-meetups.md",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["source_sections"], 2);
    let sections = doc["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 1);
    let blocks = sections[0]["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 1, "{blocks:?}");
    assert_eq!(blocks[0]["change"], "modified");
    assert_eq!(blocks[0]["kind"], "paragraph");
    // The whole body is on one line of each file.
    assert_eq!(blocks[0]["source"]["line"], 17);
    assert_eq!(blocks[0]["old_source"]["line"], 17);
    assert_eq!(blocks[0]["translation"]["line"], 17);
}

#[test]
fn html_headings_are_section_boundaries() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), fixture_text("html-post/en.md")).unwrap();
    std::fs::write(dir.path().join("fr.md"), fixture_text("html-post/fr.md")).unwrap();
    let output = tandem_in(dir.path())
        .args(["compare", "en.md", "fr.md", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    let sections = doc["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 2, "{doc}");
    assert_eq!(sections[1]["source"]["id"], "about-nora-keller");
    assert_eq!(
        sections[1]["translation"]["heading"],
        "À propos de Nora Keller"
    );
    assert_eq!(doc["state"], "current", "{doc}");
}

#[test]
fn mdx_import_block_is_not_a_missing_paragraph() {
    let (state, signals) = compare_signals(
        &fixture_text("mdx-notice/en.mdx"),
        &fixture_text("mdx-notice/fr.mdx"),
        "mdx",
    );
    assert_eq!((state.as_str(), signals), ("current", vec![]));
    // A prose paragraph missing is still one.
    let fr = fixture_text("mdx-notice/fr.mdx").replace(
        "Les groupes peuvent être repliés, et chaque lien peut porter un badge comme `New`.\n\n",
        "",
    );
    let (state, signals) = compare_signals(&fixture_text("mdx-notice/en.mdx"), &fr, "mdx");
    assert_eq!(state, "stale");
    assert!(
        signals
            .iter()
            .any(|(k, s, _)| k == "missing-paragraph" && s == "high"),
        "{signals:?}"
    );
}

#[test]
fn an_mdx_comment_paragraph_was_a_missing_paragraph() {
    // A comment for the page's maintainers, which the translation (or its scaffold's markers) does not carry.
    let en = "---\ntitle: Tabs\n---\n\nimport { Tabs } from '@astrojs/starlight/components';\n\n## Usage\n\n{/* Keep this list in step with the component's props. */}\n\nTabs group content that readers switch between, one panel at a time, without leaving the page.\n";
    let fr = "---\ntitle: Onglets\n---\n\nimport { Tabs } from '@astrojs/starlight/components';\n\n## Utilisation\n\nLes onglets regroupent des contenus entre lesquels on passe, un panneau à la fois, sans quitter la page.\n";
    let (state, signals) = compare_signals(en, fr, "mdx");
    assert_eq!((state.as_str(), signals), ("current", vec![]));
    // A comment standing in for the paragraph is no translation of it.
    let scaffolded = fr.replace(
        "Les onglets regroupent des contenus entre lesquels on passe, un panneau à la fois, sans quitter la page.",
        "{/* tandem: translate */}",
    );
    let (state, signals) = compare_signals(en, &scaffolded, "mdx");
    assert_eq!(state, "stale");
    assert!(
        signals.iter().any(|(k, _, _)| k == "missing-paragraph"),
        "{signals:?}"
    );
}

#[test]
fn translated_placeholders_strings_and_comments_in_code_are_not_a_change() {
    let (state, signals) = compare_signals(
        &fixture_text("shell-code/en.md"),
        &fixture_text("shell-code/fr.md"),
        "md",
    );
    assert_eq!((state.as_str(), signals), ("current", vec![]));
}

#[test]
fn changed_subcommand_in_shell_block_is_a_change() {
    let en = fixture_text("shell-code/en.md").replace("kubectl apply", "kubectl create");
    let (state, signals) = compare_signals(&en, &fixture_text("shell-code/fr.md"), "md");
    assert_eq!(state, "stale");
    let code: Vec<_> = signals.iter().filter(|s| s.0 == "code-changed").collect();
    assert_eq!(code.len(), 1, "{signals:?}");
    assert_eq!(code[0].1, "high");
    assert!(
        code[0]
            .2
            .contains(&"kubectl create -f gateway.yaml".to_owned()),
        "{code:?}"
    );
    // An argument counts as much as a subcommand.
    let en = fixture_text("shell-code/en.md").replace("gateway.yaml", "gateway-v2.yaml");
    let (state, _) = compare_signals(&en, &fixture_text("shell-code/fr.md"), "md");
    assert_eq!(state, "stale");
}

#[test]
fn changed_code_listed_both_sides_lines_without_saying_which_was_which() {
    let dir = tempfile::tempdir().unwrap();
    let en = fixture_text("shell-code/en.md").replace("kubectl apply", "kubectl create");
    std::fs::write(dir.path().join("en.md"), &en).unwrap();
    std::fs::write(dir.path().join("fr.md"), fixture_text("shell-code/fr.md")).unwrap();
    let run = |args: &[&str]| {
        let output = tandem_in(dir.path()).args(args).output().unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let doc: Value =
        serde_json::from_str(&run(&["compare", "en.md", "fr.md", "--format", "json"])).unwrap();
    let signal = &doc["signals"][0];
    assert_eq!(signal["kind"], "code-changed", "{doc}");
    // The source's lines first, then the translation's; the counts say where they part.
    assert_eq!(
        signal["items"],
        serde_json::json!([
            "kubectl create -f gateway.yaml",
            "kubectl apply -f gateway.yaml"
        ])
    );
    assert_eq!(
        (
            signal["source_count"].as_u64(),
            signal["translation_count"].as_u64()
        ),
        (Some(1), Some(1))
    );
    let text = run(&["compare", "en.md", "fr.md"]);
    assert!(
        text.contains(
            "command lines or configuration keys differ in code: the source has kubectl create -f gateway.yaml, the \
             translation kubectl apply -f gateway.yaml"
        ),
        "{text}"
    );
    let text = run(&["--ui-lang", "fr", "compare", "en.md", "fr.md"]);
    assert!(
        text.contains("la source a kubectl create -f gateway.yaml, la traduction kubectl apply -f gateway.yaml"),
        "{text}"
    );
    // A line the source added: the translation lacks it.
    let en = fixture_text("shell-code/en.md").replace(
        "kubectl get pods",
        "kubectl rollout status deploy/gateway\nkubectl get pods",
    );
    std::fs::write(dir.path().join("en.md"), &en).unwrap();
    let text = run(&["compare", "en.md", "fr.md"]);
    assert!(
        text.contains(
            "differ in code: the translation lacks kubectl rollout status deploy/gateway"
        ),
        "{text}"
    );
}

#[test]
fn differing_shortcodes_were_listed_without_their_side() {
    let dir = tempfile::tempdir().unwrap();
    let en = "---\ntitle: Notes\n---\n\n## Usage\n\nSee {{< ref \"install\" >}} first.\n\n{{< note >}}\nKeep a backup.\n{{< /note >}}\n";
    let fr = "---\ntitle: Notes\n---\n\n## Utilisation\n\nVoir d’abord la page d’installation.\n\n{{< warning >}}\nGardez une sauvegarde.\n{{< /warning >}}\n";
    std::fs::write(dir.path().join("en.md"), en).unwrap();
    std::fs::write(dir.path().join("fr.md"), fr).unwrap();
    let run = |ui: &str| {
        let output = tandem_in(dir.path())
            .args(["--ui-lang", ui, "compare", "en.md", "fr.md"])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let text = run("en");
    assert!(
        text.contains("shortcodes differ: the source has note, ref, the translation warning"),
        "{text}"
    );
    let text = run("fr");
    assert!(
        text.contains("shortcodes différents : la source a note, ref, la traduction warning"),
        "{text}"
    );
}

#[test]
fn sentence_appended_to_a_paragraph_is_paragraph_extended() {
    let (state, signals) = compare_signals(
        &fixture_text("appended-sentence/en.md"),
        &fixture_text("appended-sentence/fr.md"),
        "md",
    );
    assert_eq!(state, "stale");
    assert_eq!(signals.len(), 1, "{signals:?}");
    assert_eq!(signals[0].0, "paragraph-extended");
    assert_eq!(signals[0].1, "high");
    assert!(signals[0].2[0].contains("A full rebuild"), "{signals:?}");
    // With the sentence translated, nothing.
    let fr = fixture_text("appended-sentence/fr.md").replace(
        "les plus visitées.",
        "les plus visitées. Planifiez les reconstructions la nuit, quand le trafic est faible, et préchauffez le cache avec le plan du site avant le pic du matin.",
    );
    let (state, signals) = compare_signals(&fixture_text("appended-sentence/en.md"), &fr, "md");
    assert_eq!((state.as_str(), signals), ("current", vec![]));
}

#[test]
fn paragraph_rewritten_with_one_more_sentence_is_extended_even_when_committed_together() {
    // Source and translation in one commit: history says current; the blocks say otherwise.
    let en = fixture_text("appended-sentence/en.md").replace(
        "When you publish a page, its entry is dropped at once and the next visitor gets a fresh copy.",
        "Publishing a page drops its entry at once. The next visitor gets a fresh copy, rendered from the new text. Pages that link to it keep their entries until they expire.",
    );
    let fr = fixture_text("appended-sentence/fr.md").replace(
        "les plus visitées.",
        "les plus visitées. Planifiez les reconstructions la nuit, quand le trafic est faible, et préchauffez le cache avec le plan du site avant le pic du matin.",
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/cache.md", &en)
        .write("content/fr/cache.md", &fr);
    repo.commit("cache page");
    let json = repo.status_json(&[]);
    let p = page(&json, "content/fr/cache.md");
    assert_eq!(p["state"], "stale", "{p}");
    assert_eq!(p["reason"], "structure", "{p}");
}

#[test]
fn translated_heading_anchors_are_not_missing_links() {
    let (state, signals) = compare_signals(
        &fixture_text("heading-anchors/en.md"),
        &fixture_text("heading-anchors/fr.md"),
        "md",
    );
    assert_eq!((state.as_str(), signals), ("current", vec![]));
    // An anchor to a heading the translation's link does not lead to is still missing.
    let fr = fixture_text("heading-anchors/fr.md").replace("(#étapes)", "(#avant-de-commencer)");
    let (_, signals) = compare_signals(&fixture_text("heading-anchors/en.md"), &fr, "md");
    assert!(
        signals
            .iter()
            .any(|(k, _, items)| k == "missing-link" && items == &vec!["#steps".to_owned()]),
        "{signals:?}"
    );
}

#[test]
fn list_items_count_by_structure_not_indentation() {
    let (state, signals) = compare_signals(
        &fixture_text("tab-lists/en.md"),
        &fixture_text("tab-lists/fr.md"),
        "md",
    );
    assert_eq!((state.as_str(), signals), ("current", vec![]));
}

#[test]
fn relative_link_rewritten_to_the_sites_absolute_url_is_not_a_change_in_history_mode() {
    let mut repo = RepoBuilder::new();
    let body = "See [the guide](/docs/guide/) before you start.\n";
    repo.write(
        "hugo.toml",
        "baseURL = \"https://lumen.example.org/\"\ndefaultContentLanguage = \"en\"\n",
    )
    .write("content/en/page.md", md("Page", "", body))
    .write(
        "content/fr/page.md",
        md(
            "Page",
            "",
            "Voir [le guide](/fr/docs/guide/) avant de commencer.\n",
        ),
    );
    repo.commit("pages");
    repo.write(
        "content/en/page.md",
        md(
            "Page",
            "",
            &body.replace("/docs/guide/", "https://lumen.example.org/docs/guide/"),
        ),
    );
    repo.commit("en: absolute link");
    let json = repo.status_json(&["--mode", "history"]);
    let p = page(&json, "content/fr/page.md");
    assert_eq!(
        (p["state"].as_str(), p["reason"].as_str()),
        (Some("current"), Some("cosmetic-only")),
        "{p}"
    );
}

/// A translation that links to the localized docs of another site (`…/en/guides/x/` → `…/fr/guides/x/`) lacked
/// "link targets" for the structure signals, and a current page turned stale.
#[test]
fn localized_links_to_another_site_were_missing_link_targets() {
    let dir = tempfile::tempdir().unwrap();
    let doc = compare_fixture_pair(dir.path(), "localized-external-links", "{lang}/guide.md");
    assert_eq!(doc["state"], "current", "{doc:#}");
    assert_eq!(doc["signals"], serde_json::json!([]), "{doc:#}");
}

/// A link the translation no longer has was shown with the language segment dropped
/// (`https://docs.example.dev/guides/images/`): an address the reviewer could not find in the source, and one that
/// may not exist. It is shown as the source wrote it.
#[test]
fn a_missing_localized_link_was_shown_without_its_language_segment() {
    let dir = tempfile::tempdir().unwrap();
    compare_fixture_pair(dir.path(), "localized-external-links", "{lang}/guide.md");
    let fr = fixture_text("localized-external-links/fr/guide.md").replace(
        "(https://docs.example.dev/fr/guides/images/)",
        "(https://docs.example.dev/fr/guides/assets/)",
    );
    std::fs::write(dir.path().join("fr/guide.md"), fr).unwrap();
    let doc = compare_json(dir.path(), "en/guide.md", "fr/guide.md");
    let items: Vec<&Value> = doc["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "missing-link")
        .flat_map(|s| s["items"].as_array().unwrap())
        .collect();
    assert_eq!(
        items,
        [&Value::from("https://docs.example.dev/en/guides/images/")],
        "{doc:#}"
    );
}

/// A translation that links to the article of its own language's edition of a site (`en.wikipedia.org/wiki/Andromeda_…`
/// → `fr.wikipedia.org/wiki/Andromède_…`, title translated too) lacked "link targets", and a current page turned stale.
#[test]
fn links_to_another_language_edition_were_missing_link_targets() {
    let dir = tempfile::tempdir().unwrap();
    let compare = || compare_fixture_pair(dir.path(), "language-edition-links", "{lang}/stars.md");
    let doc = compare();
    assert_eq!(doc["state"], "current", "{doc:#}");
    assert_eq!(doc["signals"], serde_json::json!([]), "{doc:#}");

    // A translation that drops the link is still missing it, shown as the source wrote it.
    let fr = fixture_text("language-edition-links/fr/stars.md").replace(
        "[nébuleuse d'Orion](https://fr.wikipedia.org/wiki/N%C3%A9buleuse_d%27Orion)",
        "nébuleuse d'Orion",
    );
    std::fs::write(dir.path().join("fr/stars.md"), fr).unwrap();
    let doc = compare_json(dir.path(), "en/stars.md", "fr/stars.md");
    let text = doc["signals"].to_string();
    assert!(
        text.contains("https://en.wikipedia.org/wiki/Orion_Nebula"),
        "{doc:#}"
    );
}

/// An MDX page indents the text inside its components (`<Tile>` … `</Tile>`, a quote's words): CommonMark reads four
/// spaces or a tab as a code block, MDX does not. The translation, indented less, "lacked" code blocks and a current
/// page turned stale (a Starlight home page, in three languages).
#[test]
fn text_indented_inside_mdx_components_was_read_as_code_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let doc = compare_fixture_pair(dir.path(), "mdx-indented-components", "{lang}.mdx");
    assert_eq!(doc["state"], "current", "{doc:#}");
    assert_eq!(doc["signals"], serde_json::json!([]), "{doc:#}");
}

/// Writes a fixture's English and French pages (`file` with `{lang}` in it) into `dir`, and gives `tandem compare`'s
/// JSON for them.
fn compare_fixture_pair(dir: &std::path::Path, shape: &str, file: &str) -> Value {
    let path = |lang: &str| file.replace("{lang}", lang);
    for lang in ["en", "fr"] {
        let target = dir.join(path(lang));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, fixture_text(&format!("{shape}/{}", path(lang)))).unwrap();
    }
    compare_json(dir, &path("en"), &path("fr"))
}

/// `tandem compare SOURCE TRANSLATION --format json`, run in `dir`.
fn compare_json(dir: &std::path::Path, source: &str, translation: &str) -> Value {
    let output = tandem_in(dir)
        .args(["compare", source, translation, "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).expect("json")
}

/// A translation that kept a merge's conflict markers (`<<<<<<< HEAD` … `=======` … `>>>>>>> …`) showed only their
/// side effects (the lines above `=======` read as a heading: a heading "!" and an image "missing" on a real Hugo
/// site), not what is wrong; markers shown in a code block, as a page about git does, are text.
#[test]
fn conflict_markers_left_in_a_translation_were_read_as_headings() {
    let dir = tempfile::tempdir().unwrap();
    let doc = compare_fixture_pair(dir.path(), "merge-conflict-markers", "{lang}.md");
    assert_eq!(doc["state"], "stale", "{doc:#}");
    let signals = doc["signals"].as_array().unwrap();
    let conflict = signals
        .iter()
        .find(|s| s["kind"] == "conflict-markers")
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(conflict["severity"], "high", "{doc:#}");
    assert_eq!(
        conflict["items"],
        serde_json::json!(["21", "23", "25"]),
        "{doc:#}"
    );
    // The markers outside the code block only (those in it are lines 10, 12 and 14), in the section they are in:
    // "Terminer la fusion" (line 19), not a heading made of the lines above `=======`.
    assert_eq!(conflict["translation_section"]["line"], 19, "{doc:#}");
    assert_eq!(
        conflict["translation_section"]["heading"], "Terminer la fusion",
        "{doc:#}"
    );
    let text = tandem_in(dir.path())
        .args(["--ui-lang", "fr", "compare", "en.md", "fr.md"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("marques de conflit de fusion restées dans la traduction, lignes 21, 23, 25"),
        "{text}"
    );
    // Without the leftover, the examples in code blocks are no conflict.
    let en = fixture_text("merge-conflict-markers/en.md");
    std::fs::write(dir.path().join("fr.md"), &en).unwrap();
    let doc = compare_json(dir.path(), "en.md", "fr.md");
    assert_eq!(doc["signals"], serde_json::json!([]), "{doc:#}");
}

/// A source page renamed a linked page (`/event-driven/` → `/event-driven-architecture/`) after its translation had
/// already followed the link (`/fr/event-driven-architecture/`), and added a sentence elsewhere. `diff` asked the
/// translator to update the paragraph whose only change was the link the translation already had.
#[test]
fn a_link_change_the_translation_already_had_was_to_update() {
    let en = fixture_text("link-already-translated/en/queue.md");
    let fr = fixture_text("link-already-translated/fr/queue.md");
    let (en_link, fr_link) = (
        "(/event-driven-architecture/)",
        "(/fr/event-driven-architecture/)",
    );
    let sentence = "\nMost queues can also deliver a message again when its processing failed.";
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/queue.md",
        en.replace(en_link, "(/event-driven/)")
            .replace(sentence, ""),
    )
    .write(
        "content/fr/queue.md",
        fr.replace(fr_link, "(/fr/event-driven/)"),
    );
    repo.commit("queue");
    repo.write("content/fr/queue.md", &fr);
    repo.commit("fr: follow the renamed page");
    repo.write("content/en/queue.md", &en);
    repo.commit("en: the page was renamed; redelivery");

    let text = String::from_utf8(
        repo.tandem()
            .args(["diff", "content/fr/queue.md"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    // On the line that has the link (the paragraph's third), not on its first.
    assert!(
        text.contains("(/fr/event-driven-architecture/) pour la place des files dans des systèmes plus grands.   ← already in the translation (line 9)"),
        "{text}"
    );
    assert!(text.contains("← to update (line 18)"), "{text}");

    let json: Value = serde_json::from_slice(
        &repo
            .tandem()
            .args(["diff", "content/fr/queue.md", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let blocks: Vec<(u64, bool)> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["blocks"].as_array().unwrap())
        .map(|b| {
            (
                b["source"]["line"].as_u64().unwrap(),
                b["in_translation"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(blocks, [(7, true), (18, false)], "{json:#}");
}

/// `status` listed a section whose only change was a link the translation already followed as plainly "modified":
/// the translator opened the page to find nothing to do.
#[test]
fn a_link_change_the_translation_already_had_stayed_stale_forever() {
    // In history mode only a meaningful edit of the translation makes a new sync point: a page whose every change was
    // already in the translation stayed stale (and failed `check`) until someone edited it for nothing.
    let sentence = "\nMost queues can also deliver a message again when its processing failed.";
    let en = fixture_text("link-already-translated/en/queue.md").replace(sentence, "");
    let fr = fixture_text("link-already-translated/fr/queue.md");
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/queue.md",
        en.replace("(/event-driven-architecture/)", "(/event-driven/)"),
    )
    .write(
        "content/fr/queue.md",
        fr.replace("(/fr/event-driven-architecture/)", "(/fr/event-driven/)"),
    );
    repo.commit("queue");
    repo.write("content/fr/queue.md", &fr);
    repo.commit("fr: follow the renamed page");
    repo.write("content/en/queue.md", &en);
    repo.commit("en: the page was renamed");
    for run in ["first", "cached"] {
        let json = repo.status_json(&[]);
        let page = page_of(&json, "content/fr/queue.md");
        assert_eq!(page["state"], "current", "{run}: {page:#}");
        assert_eq!(page["reason"], "already-in-translation", "{run}: {page:#}");
    }
    let check = repo.tandem().arg("check").output().unwrap();
    assert!(check.status.success(), "{check:?}");
    // `--strict` is lsync's answer: the source changed after the translation's last commit.
    let json = repo.status_json(&["--strict"]);
    assert_eq!(page_of(&json, "content/fr/queue.md")["state"], "stale");
    // Another section changed in words: stale, the link's section still said to be in the translation.
    repo.write(
        "content/en/queue.md",
        en.replace("fail together", "fail at the same time"),
    );
    repo.commit("en: wording");
    let json = repo.status_json(&[]);
    let page = page_of(&json, "content/fr/queue.md");
    assert_eq!(page["state"], "stale", "{page:#}");
    let sections = page["changed_sections"].as_array().unwrap();
    assert_eq!(sections.len(), 2, "{page:#}");
    assert_eq!(sections[0]["in_translation"], true, "{page:#}");
    assert!(sections[1].get("in_translation").is_none(), "{page:#}");
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(
        text.contains(
            "changed sections: (before the first heading) (modified, already in the translation), “Problem it addresses” (modified)"
        ),
        "{text}"
    );
    let task = repo.task("fr-update-queue.md");
    assert!(
        task.contains(
            "— modified: only link targets changed, and the translation already has the new ones"
        ),
        "{task}"
    );
    // The link's section changed in words too: it says nothing of links.
    repo.write(
        "content/en/queue.md",
        en.replace("fail together", "fail at the same time")
            .replace("moves on", "carries on"),
    );
    repo.commit("en: more wording");
    let json = repo.status_json(&[]);
    let page = page_of(&json, "content/fr/queue.md");
    let sections = page["changed_sections"].as_array().unwrap();
    assert!(sections[0].get("in_translation").is_none(), "{page:#}");
    let text = String::from_utf8(repo.tandem().arg("status").output().unwrap().stdout).unwrap();
    assert!(!text.contains("already in the translation"), "{text}");
}

/// The page of a `status --format json` report with that translation.
fn page_of<'a>(json: &'a Value, translation: &str) -> &'a Value {
    json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["translation"] == translation)
        .unwrap()
}

/// A translation that put its source's introduction under a heading of its own (seen on a Korean Starlight page),
/// and wrote a link without its trailing slash: the introduction's paragraph and links were reported missing from
/// the section before the first heading ("1 paragraph in the source, 0 in the translation", `https://astro.build`,
/// `/manual-setup/`), and `https://astro.build/chat` was another page than `…/chat/`. The page was stale by structure
/// with nothing missing.
#[test]
fn an_added_heading_over_the_introduction_was_read_as_a_missing_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let doc = compare_fixture_pair(
        dir.path(),
        "translation-extra-heading",
        "{lang}/getting-started.mdx",
    );
    assert_eq!(doc["state"], "current", "{doc:#}");
    let kinds = each(&doc["signals"], "kind");
    // The added heading is still said, as a low signal.
    assert_eq!(kinds, vec!["extra-section"], "{doc:#}");
    // The introduction really missing from under the added heading is still found.
    let with_introduction = |introduction: &str| {
        let fr = fixture_text("translation-extra-heading/fr/getting-started.mdx").replace(
            "Lumen est un thème de documentation construit sur le cadriciel [Lumen engine](https://lumen.dev).\n\
             Ce guide vous accompagne dans un nouveau projet.\n\
             Voir la [mise en place manuelle](/fr/manual-setup/) pour ajouter Lumen à un projet existant.\n",
            introduction,
        );
        std::fs::write(dir.path().join("fr/getting-started.mdx"), fr).unwrap();
        compare_json(
            dir.path(),
            "en/getting-started.mdx",
            "fr/getting-started.mdx",
        )
    };
    let doc = with_introduction("À venir.\n");
    let missing: Vec<&Value> = doc["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "missing-link")
        .collect();
    assert_eq!(missing.len(), 1, "{doc:#}");
    assert_eq!(
        missing[0]["items"],
        serde_json::json!(["https://lumen.dev", "/manual-setup/"]),
        "{doc:#}"
    );
    // With nothing under the added heading, the introduction is a missing paragraph.
    let doc = with_introduction("");
    assert_eq!(doc["state"], "stale", "{doc:#}");
    assert!(
        doc["signals"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "missing-paragraph" && s["severity"] == "high"),
        "{doc:#}"
    );
}

/// On a site whose translations have slugs of their own (Eleventy, paired by `translationKey`), a source link moved
/// from one page to another; the French page had already moved its link, to the French name of the new page. The link
/// was compared target for target (`/en/components/button/` against `/fr/composants/bouton/`), never equal, so the page
/// stayed stale for a change its translation already had.
#[test]
fn a_link_moved_to_a_page_with_a_translated_slug_was_stale_though_the_translation_followed() {
    let page = |lang: &str, path: &str, key: &str, body: &str| {
        (
            format!("src/{lang}/{path}"),
            format!("---\ntitle: {key}\ntranslationKey: {key}\n---\n\n{body}\n"),
        )
    };
    let en_alert = |target: &str| {
        page(
            "en",
            "components/alert.md",
            "alert",
            &format!(
                "An alert tells people something important. To act on it, see the [action]({target}) component."
            ),
        )
    };
    let fr_alert = |target: &str| {
        page(
            "fr",
            "composants/alerte.md",
            "alert",
            &format!(
                "Une alerte dit quelque chose d'important. Pour agir, voyez le composant [action]({target})."
            ),
        )
    };
    // The French page's link after the French commit, made before the English one.
    let site = |french_target: &str| {
        let mut repo = RepoBuilder::new();
        for (path, text) in [
            page(
                "en",
                "components/button.md",
                "button",
                "A button starts an action.",
            ),
            page(
                "en",
                "components/link.md",
                "link",
                "A link leads somewhere.",
            ),
            page(
                "fr",
                "composants/bouton.md",
                "button",
                "Un bouton lance une action.",
            ),
            page("fr", "composants/lien.md", "link", "Un lien mène ailleurs."),
            en_alert("/en/components/link/"),
            fr_alert("/fr/composants/lien/"),
        ] {
            repo.write(&path, text);
        }
        repo.commit("components");
        let (path, text) = fr_alert(french_target);
        repo.write(&path, text.replace("Pour agir", "Pour y donner suite"));
        repo.commit("fr: wording, and the alert's action");
        let (path, text) = en_alert("/en/components/button/");
        repo.write(&path, text);
        repo.commit("en: the alert's action is a button");
        repo
    };
    let repo = site("/fr/composants/bouton/");
    for run in ["first", "cached"] {
        let json = repo.status_json(&["--mode", "history"]);
        let alert = page_of(&json, "src/fr/composants/alerte.md");
        assert_eq!(alert["state"], "current", "{run}: {alert:#}");
        assert_eq!(
            alert["reason"], "already-in-translation",
            "{run}: {alert:#}"
        );
    }
    // A French page still on the old page's French name is to update.
    let repo = site("/fr/composants/lien/");
    let json = repo.status_json(&["--mode", "history"]);
    let alert = page_of(&json, "src/fr/composants/alerte.md");
    assert_eq!(alert["state"], "stale", "{alert:#}");
}

/// A source fixed a typo in a link to a page of another site (`experimental-approches` → `…-approaches`); the French
/// page links that site's French page, under a French name tandem cannot know. The French page was stale for a
/// change it never needed, with its own link shown "to update". A French page that copied the misspelt name still is.
#[test]
fn a_typo_fixed_in_a_source_link_made_a_translation_with_its_own_link_stale() {
    let en = |name: &str| {
        format!(
            "---\ntitle: Overview\n---\n\n# Overview\n\nThe playbook gathers practical advice for teams that build \
             services. It favours reuse (see [Experimental approaches](https://guides.example.org/docs/en/{name}.html)).\n"
        )
    };
    let fr = |target: &str| {
        format!(
            "---\ntitle: Aperçu\n---\n\n# Aperçu\n\nLe guide rassemble des conseils pratiques pour les équipes qui \
             créent des services. Il privilégie la réutilisation (voir [Approches expérimentales]({target})).\n"
        )
    };
    let site = |french_target: &str| {
        let mut repo = RepoBuilder::new();
        repo.write("content/en/overview.md", en("experimental-approches"));
        repo.write("content/fr/overview.md", fr(french_target));
        repo.commit("overview");
        repo.write("content/en/overview.md", en("experimental-approaches"));
        repo.commit("en: fix the link to the experimental approaches guide");
        repo
    };
    let repo = site("https://guides.example.org/docs/fr/approches-experimentales.html");
    for run in ["first", "cached"] {
        let json = repo.status_json(&["--mode", "history"]);
        let page = page_of(&json, "content/fr/overview.md");
        assert_eq!(page["state"], "current", "{run}: {page:#}");
        assert_eq!(page["reason"], "already-in-translation", "{run}: {page:#}");
    }
    let repo = site("https://guides.example.org/docs/fr/experimental-approches.html");
    let json = repo.status_json(&["--mode", "history"]);
    let page = page_of(&json, "content/fr/overview.md");
    assert_eq!(page["state"], "stale", "{page:#}");
    let output = repo
        .tandem()
        .args(["diff", "content/fr/overview.md"])
        .output()
        .unwrap();
    let diff = String::from_utf8(output.stdout).unwrap();
    assert!(diff.contains("to update"), "{diff}");
}

/// Links written with the generator's templates (Hugo's `{{%relref "help.en.md" %}}`, Jekyll's `{{ site.baseurl }}/…`)
/// have spaces in their targets, so they were read as words: a link moved on both sides was a changed sentence, stale
/// forever, and no link of such a site was ever compared.
#[test]
fn links_written_with_templates_were_words_not_links() {
    let en = fixture_text("templated-links/hugo/_index.en.md");
    let fr = fixture_text("templated-links/hugo/_index.fr.md");
    let mut repo = RepoBuilder::new();
    repo.write("content/_index.en.md", &en)
        .write("content/_index.fr.md", &fr);
    repo.commit("garden notes");
    repo.write(
        "content/_index.fr.md",
        fr.replace("help.fr.md", "contribute.fr.md").replace(
            "Les corrections sont bienvenues",
            "Toute correction est bienvenue",
        ),
    );
    repo.commit("fr: the help page moved; wording");
    repo.write(
        "content/_index.en.md",
        en.replace("help.en.md", "contribute.en.md"),
    );
    repo.commit("en: the help page moved");
    for run in ["first", "cached"] {
        let json = repo.status_json(&["--mode", "history"]);
        let page = page_of(&json, "content/_index.fr.md");
        assert_eq!(page["state"], "current", "{run}: {page:#}");
        assert_eq!(page["reason"], "already-in-translation", "{run}: {page:#}");
    }
    // Each language's file of a page (`beds.en.md`, `beds.fr.md`) is that page: no link is missing.
    let doc = compare_json(repo.path(), "content/_index.en.md", "content/_index.fr.md");
    assert_eq!(doc["signals"], serde_json::json!([]), "{doc:#}");

    // Jekyll: a typo fixed in a link after `{{ site.baseurl }}`, the French page linking its own page.
    let en = fixture_text("templated-links/jekyll/en/overview.md");
    let mut repo = RepoBuilder::new();
    repo.write("en/overview.md", &en).write(
        "fr/overview.md",
        fixture_text("templated-links/jekyll/fr/overview.md"),
    );
    repo.commit("overview");
    repo.write("en/overview.md", en.replace("bulding", "building"));
    repo.commit("en: fix a broken link");
    let json = repo.status_json(&["--mode", "history"]);
    let page = page_of(&json, "fr/overview.md");
    assert_eq!(page["state"], "current", "{page:#}");
    assert_eq!(page["reason"], "already-in-translation", "{page:#}");
}

/// A site moved its MDX imports to an alias (`'../../components/card.astro'` → `'~/components/card.astro'`) in one
/// commit: every translation went stale with a `high` change, though nothing a reader sees changed. An import-only
/// change is `low`: still to look at (the translation's import may need the same path), nothing to translate.
#[test]
fn an_import_path_moved_to_an_alias_was_a_high_change() {
    let page = |import: &str, body: &str| {
        format!(
            "---\ntitle: Cards\n---\n\nimport {{ Card }} from '{import}';\n\n{body}\n\n<Card title=\"One\">First card.</Card>\n"
        )
    };
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/cards.mdx",
        page("../../components/card.astro", "Cards group content."),
    )
    .write(
        "content/fr/cards.mdx",
        page(
            "../../../components/card.astro",
            "Les cartes regroupent du contenu.",
        ),
    );
    repo.commit("cards");
    repo.write(
        "content/en/cards.mdx",
        page("~/components/card.astro", "Cards group content."),
    );
    repo.commit("imports through the alias");
    let json = repo.status_json(&[]);
    let cards = page_of(&json, "content/fr/cards.mdx");
    assert_eq!(cards["state"], "stale", "{cards:#}");
    assert_eq!(cards["severity"], "low", "{cards:#}");
    assert_eq!(cards["changed_sections"][0]["severity"], "low", "{cards:#}");
    // A sentence changed beside the import: high again.
    repo.write(
        "content/en/cards.mdx",
        page("~/components/card.astro", "Cards group related content."),
    );
    repo.commit("en: wording");
    let json = repo.status_json(&[]);
    assert_eq!(page_of(&json, "content/fr/cards.mdx")["severity"], "high");
}

/// The paragraph signal's item read `… out of line with the page: 5: A full rebuild…`: the bare `5:` read as part of
/// the sentence. Now `(line 5: “A full rebuild…”)`, « ligne 5 : » in French; JSON keeps `5: …`.
#[test]
fn the_paragraph_signal_said_a_bare_line_number() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("en.md"),
        fixture_text("appended-sentence/en.md"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("fr.md"),
        fixture_text("appended-sentence/fr.md"),
    )
    .unwrap();
    let run = |ui: &str| {
        let output = tandem_in(dir.path())
            .args(["--ui-lang", ui, "compare", "en.md", "fr.md"])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let text = run("en");
    assert!(
        text.contains("a length out of line with the page (line ")
            && text.contains(": “A full rebuild"),
        "{text}"
    );
    let text = run("fr");
    assert!(
        text.contains("hors de proportion avec la page (ligne ")
            && text.contains(" : « A full rebuild"),
        "{text}"
    );
}

/// A card removed at the top of a grid and another appended at its end: the removed card's lines were printed right
/// above the new card's, with nothing between, and read as "replace this card with that one", at the top. Runs of
/// changed lines apart in the block are told apart by a gap line.
#[test]
fn changes_far_apart_in_one_block_read_as_one_replacement() {
    let card = |name: &str, what: &str| {
        format!(
            "\t<LinkCard\n\t\thref=\"https://example.org/{name}\"\n\t\ttitle=\"{name}\"\n\t\tdescription=\"{what}\"\n\t/>\n"
        )
    };
    let page = |title: &str, intro: &str, cards: &[String]| {
        format!(
            "---\ntitle: {title}\n---\n\nimport {{ CardGrid, LinkCard }} from \"@astrojs/starlight/components\";\n\n## Tools\n\n{intro}\n\n<CardGrid>\n{}</CardGrid>\n",
            cards.concat()
        )
    };
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/tools.mdx",
        page(
            "Tools",
            "These tools help.",
            &[
                card("alpha", "First tool."),
                card("beta", "Second tool."),
                card("gamma", "Third tool."),
            ],
        ),
    );
    repo.write(
        "content/fr/tools.mdx",
        page(
            "Outils",
            "Ces outils aident.",
            &[
                card("alpha", "Premier outil."),
                card("beta", "Deuxième outil."),
                card("gamma", "Troisième outil."),
            ],
        ),
    );
    repo.commit("tools");
    repo.write(
        "content/en/tools.mdx",
        page(
            "Tools",
            "These tools help.",
            &[
                card("beta", "Second tool."),
                card("gamma", "Third tool."),
                card("delta", "Fourth tool."),
            ],
        ),
    );
    repo.commit("en: alpha out, delta in");
    let out = repo
        .tandem()
        .args(["diff", "content/fr/tools.mdx"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let removed = text
        .find("description=\"First tool.\"")
        .expect("the removed card");
    let added = text.find("title=\"delta\"").expect("the added card");
    let between = &text[removed..added];
    assert!(between.contains("\n  en  …\n"), "{text}");
}
