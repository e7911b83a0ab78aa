//! Structure signals on the shapes real pages take (audit D): code blocks nested in list items and components, lines
//! of shell blocks that are not commands, localised numbers, placeholders, quoted values, sentence marks, links
//! written another way. Each test is named after what broke.

use serde_json::Value;

use crate::support::{RepoBuilder, compare_signals, fixture_text, md, page, tandem_in};

/// The high signals of a comparison, by kind.
fn high(signals: &[(String, String, Vec<String>)]) -> Vec<&str> {
    signals
        .iter()
        .filter(|(_, severity, _)| severity == "high")
        .map(|(kind, _, _)| kind.as_str())
        .collect()
}

/// Asserts a faithful translation has no high signal, showing the signals otherwise.
fn assert_faithful(source: &str, translation: &str, ext: &str) {
    let (state, signals) = compare_signals(source, translation, ext);
    assert!(high(&signals).is_empty(), "{signals:?}");
    assert_eq!(state, "current", "{signals:?}");
}

#[test]
fn code_in_a_numbered_step_was_never_compared() {
    let page_with = |code: &str| {
        md(
            "Install",
            "",
            &format!(
                "Lumen keeps your notes in step across machines.\n\n## Upgrade\n\n1. Stop the server.\n2. Install \
                 the new version:\n\n   ```sh\n   {code}\n   ```\n"
            ),
        )
    };
    let translated = |code: &str| {
        md(
            "Installer",
            "",
            &format!(
                "Lumen garde vos notes en phase entre vos machines.\n\n## Mettre à jour\n\n1. Arrêtez le serveur.\n2. \
                 Installez la nouvelle version :\n\n   ```sh\n   {code}\n   ```\n"
            ),
        )
    };
    let mut repo = RepoBuilder::new();
    repo.write("content/en/install.md", page_with("npm install lumen@2"))
        .write("content/fr/install.md", translated("npm install lumen"));
    repo.commit("Install page and its translation");
    let json = repo.status_json(&[]);
    let fr = page(&json, "content/fr/install.md");
    assert_eq!(fr["state"], "stale", "{fr}");
    assert_eq!(fr["reason"], "structure", "{fr}");
    assert_eq!(fr["signals"][0]["kind"], "code-changed", "{fr}");
    // The same command on both sides says nothing.
    assert_faithful(
        &page_with("npm install lumen@2"),
        &translated("npm install lumen@2"),
        "md",
    );
}

#[test]
fn code_in_starlight_steps_and_their_tabs_was_never_compared() {
    let en = fixture_text("starlight-steps-code/en.mdx");
    // A tab of commands missing inside a step.
    let (state, signals) =
        compare_signals(&en, &fixture_text("starlight-steps-code/fr.mdx"), "mdx");
    assert_eq!(state, "stale", "{signals:?}");
    assert!(
        high(&signals).contains(&"missing-code-block"),
        "{signals:?}"
    );
    // Every tab there, a command's port changed.
    let (state, signals) = compare_signals(
        &en,
        &fixture_text("starlight-steps-code/fr-port.mdx"),
        "mdx",
    );
    assert_eq!(state, "stale", "{signals:?}");
    let code = signals
        .iter()
        .find(|(kind, _, _)| kind == "code-changed")
        .expect("code-changed");
    assert_eq!(
        code.2,
        [
            "sketchbook serve --port 4321",
            "sketchbook serve --port 3000"
        ],
        "{signals:?}"
    );
    assert_faithful(
        &en,
        &fixture_text("starlight-steps-code/fr-same.mdx"),
        "mdx",
    );
}

/// A page with one shell block in its install section.
fn with_shell(title: &str, intro: &str, code: &str) -> String {
    md(
        title,
        "",
        &format!("{intro}\n\n## Install\n\n```sh\n{code}\n```\n"),
    )
}

#[test]
fn translated_lines_of_a_shell_block_that_are_not_commands_were_changed_commands() {
    let en = |code: &str| with_shell("Install", "Lumen keeps your notes in step.", code);
    let fr = |code: &str| with_shell("Installer", "Lumen garde vos notes en phase.", code);
    // Output without a prompt, a heredoc's text, an unquoted echo, a Windows prompt's output: translated, each side
    // read alone made the English line a command and the French one output.
    for (source, translation) in [
        (
            "lumen serve --port 8080\nServer started on port 8080",
            "lumen serve --port 8080\nServeur lancé sur le port 8080",
        ),
        (
            "cat > notes/first.md <<EOF\nMy first note\nWritten on my laptop\nEOF\nlumen serve --port 8080",
            "cat > notes/first.md <<EOF\nMa première note\nÉcrite sur mon portable\nEOF\nlumen serve --port 8080",
        ),
        ("echo Lumen is ready", "echo Lumen est prêt"),
        (
            "C:\\> lumen serve --port 8080\nServer started on port 8080",
            "C:\\> lumen serve --port 8080\nServeur démarré sur le port 8080",
        ),
    ] {
        assert_faithful(&en(source), &fr(translation), "md");
    }
    // A command changed on a line of its own is still seen, beside translated output.
    let (state, signals) = compare_signals(
        &en("lumen serve --port 8081\nServer started on port 8081"),
        &fr("lumen serve --port 8080\nServeur lancé sur le port 8080"),
        "md",
    );
    assert_eq!(state, "stale", "{signals:?}");
    assert_eq!(
        signals[0].2,
        ["lumen serve --port 8081", "lumen serve --port 8080"],
        "{signals:?}"
    );
    // So is a command the source added after a heredoc.
    let (state, signals) = compare_signals(
        &en("cat > a.md <<'EOF'\nA note\nEOF\nlumen init\nlumen serve"),
        &fr("cat > a.md <<'EOF'\nUne note\nEOF\nlumen serve"),
        "md",
    );
    assert_eq!(state, "stale", "{signals:?}");
    assert_eq!(signals[0].2, ["lumen init"], "{signals:?}");
}

#[test]
fn thousands_grouped_with_spaces_were_numbers_lost_with_a_merged_paragraph() {
    let en = md(
        "Install",
        "",
        "Lumen keeps your notes in step across your machines, and it needs no server of its own.\n\n## Install\n\n\
         Run the installer, then start the server.\n\nIt syncs up to 10,000 notes and files of 1,024.5 KB. By default \
         it listens on port 8080 of your machine.\n",
    );
    // The translator merged the two paragraphs, and wrote the numbers as French does: a space (plain, no-break or
    // narrow no-break) between thousands, a decimal comma.
    for space in [" ", "\u{a0}", "\u{202f}"] {
        let fr = md(
            "Installer",
            "",
            &format!(
                "Lumen garde vos notes en phase entre vos machines, et n'a besoin d'aucun serveur à lui.\n\n\
                 ## Installer\n\nLancez l'installateur, puis démarrez le serveur, qui synchronise jusqu'à \
                 10{space}000 notes et des fichiers de 1{space}024,5 Ko. Par défaut, il écoute sur le port 8080 de \
                 votre machine.\n"
            ),
        );
        assert_faithful(&en, &fr, "md");
    }
}

#[test]
fn mdx_code_and_text_directly_under_a_component_tag_were_markup() {
    let en = fixture_text("mdx-code-under-tag/en.mdx");
    // The same page with blank lines around the code and the aside's text: formatting only. The fences read as
    // HTML in the source and as code in the translation made a "missing" code block.
    assert_faithful(
        &en,
        &fixture_text("mdx-code-under-tag/fr-formatted.mdx"),
        "mdx",
    );
    // Behind: the commands install the old version, and the aside the source gained is missing.
    let (state, signals) = compare_signals(
        &en,
        &fixture_text("mdx-code-under-tag/fr-behind.mdx"),
        "mdx",
    );
    assert_eq!(state, "stale", "{signals:?}");
    let code = signals
        .iter()
        .find(|(kind, _, _)| kind == "code-changed")
        .expect("code-changed");
    assert!(
        code.2.contains(&"npm install herbarium@4".to_owned()),
        "{signals:?}"
    );
    assert!(high(&signals).contains(&"missing-paragraph"), "{signals:?}");
}

#[test]
fn a_translated_all_caps_placeholder_was_a_changed_command() {
    let en = |code: &str| with_shell("Sign in", "Lumen keeps your notes in step.", code);
    let fr = |code: &str| with_shell("Se connecter", "Lumen garde vos notes en phase.", code);
    assert_faithful(
        &en("lumen login --token <your-token> --user YOUR_USERNAME --app=YOUR_APP_ID"),
        &fr("lumen login --token <votre-jeton> --user VOTRE_NOM --app=VOTRE_ID_APP"),
        "md",
    );
    // A flag the source added is still a change, and so is a variable renamed.
    for (source, translation) in [
        (
            "lumen login --user YOUR_USERNAME --admin",
            "lumen login --user VOTRE_NOM",
        ),
        (
            "lumen login --token $LUMEN_TOKEN",
            "lumen login --token $TOKEN",
        ),
    ] {
        let (state, signals) = compare_signals(&en(source), &fr(translation), "md");
        assert_eq!(state, "stale", "{source}: {signals:?}");
    }
}

#[test]
fn a_quoted_url_or_value_changed_in_a_command_was_masked_as_prose() {
    let en = |code: &str| with_shell("Install", "Lumen keeps your notes in step.", code);
    let fr = |code: &str| with_shell("Installer", "Lumen garde vos notes en phase.", code);
    for (source, translation) in [
        (
            "curl -fsSL \"https://get.lumen.dev/v2/install.sh\" | sh",
            "curl -fsSL \"https://get.lumen.dev/install.sh\" | sh",
        ),
        (
            "lumen config set sync.interval \"10m\"",
            "lumen config set sync.interval \"5m\"",
        ),
    ] {
        let (state, signals) = compare_signals(&en(source), &fr(translation), "md");
        assert_eq!(state, "stale", "{source}: {signals:?}");
    }
    // Quoted prose, a quoted word and a quoted placeholder are still the translator's.
    assert_faithful(
        &en(
            "git commit -m \"Add my first note\"\necho \"Ready\"\nlumen login \"YOUR_TOKEN\" \"<token>\"",
        ),
        &fr(
            "git commit -m \"Ajoute ma première note\"\necho \"Prêt\"\nlumen login \"VOTRE_JETON\" \"<jeton>\"",
        ),
        "md",
    );
}

/// The counts of the first signal of a kind: (source, translation).
fn counts(source: &str, translation: &str, kind: &str) -> Option<(u64, u64)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), source).unwrap();
    std::fs::write(dir.path().join("b.md"), translation).unwrap();
    let output = tandem_in(dir.path())
        .args(["compare", "a.md", "b.md", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&output.stdout).expect("json");
    doc["signals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == kind)
        .map(|s| {
            (
                s["source_count"].as_u64().unwrap(),
                s["translation_count"].as_u64().unwrap(),
            )
        })
}

#[test]
fn arabic_urdu_and_hindi_sentence_marks_ended_no_sentence() {
    let page = |title: &str, paragraphs: [&str; 3]| {
        format!(
            "# {title}\n\n{}\n\n{}\n\n{}\n",
            paragraphs[0], paragraphs[1], paragraphs[2]
        )
    };
    let english = |middle: &str| {
        page(
            "Garden",
            [
                "The garden log keeps every sowing, every cutting and every harvest of the year in one place.",
                middle,
                "Each entry says what was done, where in the garden, and what the weather was like that day.",
            ],
        )
    };
    // An Arabic source whose middle paragraph asks four questions; the English translation asks the first two.
    let arabic = page(
        "الحديقة",
        [
            "يحفظ سجل الحديقة كل بذر وكل تقليم وكل حصاد في السنة في مكان واحد.",
            "هل زرعت الطماطم في الحوض الكبير؟ هل سقيتها اليوم قبل الظهر؟ متى ستقطف الثمار الأولى من الشجيرات؟ هل تحتاج إلى سماد آخر هذا الشهر؟",
            "يذكر كل إدخال ما تم فعله، وأين في الحديقة، وكيف كان الطقس في ذلك اليوم.",
        ],
    );
    let translated =
        english("Did you sow the tomatoes in the big bed? Did you water them today before noon?");
    assert_eq!(
        counts(&arabic, &translated, "paragraph-extended"),
        Some((4, 2))
    );
    // A Hindi translation of two sentences ended by the danda, against four English ones.
    let source = english(
        "Did you sow the tomatoes? Did you water them today? When will you pick the first fruit? Do they need more \
         compost?",
    );
    let hindi = page(
        "बगीचा",
        [
            "बगीचे की डायरी साल की हर बुआई, हर कटाई और हर फसल को एक जगह रखती है।",
            "आपने टमाटर बोए। आपने आज उन्हें पानी दिया।",
            "हर प्रविष्टि बताती है कि क्या किया गया, बगीचे में कहाँ, और उस दिन मौसम कैसा था।",
        ],
    );
    assert_eq!(counts(&source, &hindi, "paragraph-extended"), Some((4, 2)));
}

#[test]
fn a_root_prompt_command_in_a_console_session_was_a_comment() {
    let page = |title: &str, intro: &str, lang: &str, code: &str| {
        md(
            title,
            "",
            &format!("{intro}\n\n## Install\n\n```{lang}\n{code}\n```\n"),
        )
    };
    let (state, signals) = compare_signals(
        &page(
            "Install",
            "Lumen keeps your notes in step.",
            "console",
            "# apt install lumen=1.3",
        ),
        &page(
            "Installer",
            "Lumen garde vos notes en phase.",
            "console",
            "# apt install lumen=1.2",
        ),
        "md",
    );
    assert_eq!(state, "stale", "{signals:?}");
    // In a script, `#` starts a comment, translated freely; so does a capital after root's prompt.
    assert_faithful(
        &page(
            "Install",
            "Lumen keeps your notes in step.",
            "sh",
            "# apt install lumen first\nlumen init",
        ),
        &page(
            "Installer",
            "Lumen garde vos notes en phase.",
            "sh",
            "# installez lumen avant\nlumen init",
        ),
        "md",
    );
    assert_faithful(
        &page(
            "Install",
            "Lumen keeps your notes in step.",
            "console",
            "# Then install it\n# apt install lumen",
        ),
        &page(
            "Installer",
            "Lumen garde vos notes en phase.",
            "console",
            "# Puis installez-le\n# apt install lumen",
        ),
        "md",
    );
}

#[test]
fn a_link_written_another_way_was_a_missing_link() {
    let page = |title: &str, body: &str| md(title, "", &format!("{body}\n\n## Loaders\n\nText.\n"));
    for (source, translation) in [
        (
            "Read [the assets guide](https://vite.dev/guide/assets) first.",
            "Lisez d'abord [le guide des ressources](https://ja.vite.dev/guide/assets).",
        ),
        (
            "See [the loaders](/reference/configuration/#loaders) below.",
            "Voir [les chargeurs](#loaders) plus bas.",
        ),
        (
            "Read [cloud native](/cloud-native-tech/) first.",
            "Lisez d'abord [le cloud natif](../cloud-native-tech/).",
        ),
        (
            "Thanks to [Daniel](https://www.linkedin.com/in/daniel/?originalSubdomain=uk).",
            "Merci à [Daniel](https://www.linkedin.com/in/daniel/).",
        ),
    ] {
        let (_, signals) =
            compare_signals(&page("Config", source), &page("Config", translation), "md");
        assert!(
            !signals.iter().any(|(kind, _, _)| kind == "missing-link"),
            "{source}: {signals:?}"
        );
    }
    // Another target is still missing, and so is an anchor to another section.
    let (_, signals) = compare_signals(
        &page(
            "Config",
            "See [the loaders](#loaders).\n\n## Options\n\nText.",
        ),
        &page(
            "Config",
            "Voir [les chargeurs](#options).\n\n## Options\n\nTexte.",
        ),
        "md",
    );
    assert!(
        signals.iter().any(|(kind, _, _)| kind == "missing-link"),
        "{signals:?}"
    );
    let (_, signals) = compare_signals(
        &page("Config", "Read [the guide](/docs/configuration/) first."),
        &page("Config", "Lisez d'abord [le guide](../config/)."),
        "md",
    );
    assert!(
        signals.iter().any(|(kind, _, items)| kind == "missing-link"
            && items == &["/docs/configuration/".to_owned()]),
        "{signals:?}"
    );
}

#[test]
fn a_number_changed_in_prose_was_never_compared() {
    let en = |sentence: &str| {
        md(
            "Install",
            "",
            &format!(
                "Lumen keeps your notes in step across your machines.\n\n## Run\n\n{sentence}\n\n| Option | Default |\n\
                 |---|---|\n| port | 8080 |\n"
            ),
        )
    };
    let fr = |sentence: &str| {
        md(
            "Installer",
            "",
            &format!(
                "Lumen garde vos notes en phase entre vos machines.\n\n## Lancer\n\n{sentence}\n\n| Option | Défaut |\n\
                 |---|---|\n| port | 8080 |\n"
            ),
        )
    };
    // A port and a version the source changed, that the translation still has: high.
    let (state, signals) = compare_signals(
        &en("By default the server listens on port 8081 and needs version 1.3 of the runtime."),
        &fr(
            "Par défaut, le serveur écoute sur le port 8080 et demande la version 1.2 de l'environnement.",
        ),
        "md",
    );
    assert_eq!(state, "stale", "{signals:?}");
    let numbers = signals
        .iter()
        .find(|(kind, _, _)| kind == "number-changed")
        .expect("number-changed");
    assert_eq!(numbers.1, "high");
    assert_eq!(numbers.2.len(), 2, "{signals:?}");
    assert!(numbers.2[0].ends_with(": 8081"), "{signals:?}");
    // A number with nothing in its place (spelled out, or a clause the source added): low.
    let (state, signals) = compare_signals(
        &en("Start 2 servers on port 8080 of your machine."),
        &fr("Lancez deux serveurs sur le port 8080 de votre machine."),
        "md",
    );
    assert_eq!(state, "current", "{signals:?}");
    assert!(
        signals
            .iter()
            .any(|(kind, severity, _)| kind == "number-changed" && severity == "low"),
        "{signals:?}"
    );
    // Numbers written the translation's way, or in another paragraph of the section, are the same.
    assert_faithful(
        &en("It syncs up to 10,000 notes of 1.5 MB on port 8080."),
        &fr("Il synchronise jusqu'à 10 000 notes de 1,5 Mo sur le port 8080."),
        "md",
    );
}

/// Opening hours written for each language's clock (`de 9 h à 13 h`, `from 9 am to 1 pm`): 13 against 1 was a number
/// changed, high, and a faithful page of a French-first site was stale.
#[test]
fn an_hour_on_the_other_clock_was_a_changed_number() {
    let fr = "---\ntitle: Horaires\n---\n\nOuvert le samedi de 9 h à 13 h, sauf en août.\n";
    let en = "---\ntitle: Opening hours\n---\n\nOpen on Saturdays from 9 am to 1 pm, except in August.\n";
    for (source, translation) in [(fr, en), (en, fr)] {
        let (state, signals) = compare_signals(source, translation, "md");
        assert_eq!(state, "current", "{signals:?}");
        assert!(signals.is_empty(), "{signals:?}");
    }
    // Another hour is still another number.
    let (state, signals) = compare_signals(fr, &en.replace("1 pm", "2 pm"), "md");
    assert_eq!(state, "stale", "{signals:?}");
    assert!(
        signals.iter().any(|s| s.0 == "number-changed"),
        "{signals:?}"
    );
}

/// A number-changed signal's item read `…in the translation: 5: 8081` in the text reports: the line and the number,
/// side by side, with nothing to tell which was which.
#[test]
fn a_changed_numbers_item_read_as_two_bare_numbers() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/x.md",
        md("X", "", "The server listens on port 8081 by default."),
    );
    repo.write(
        "content/fr/x.md",
        md("X", "", "Le serveur écoute sur le port 8080 par défaut."),
    );
    repo.commit("x, with its translation");
    let text = repo.stdout(&["status", "--color", "never"]);
    assert!(text.contains("the translation: 8081 (line 5)"), "{text}");
    let text = repo.stdout(&["--ui-lang", "fr", "status", "--color", "never"]);
    assert!(text.contains("la traduction : 8081 (ligne 5)"), "{text}");
    // diff of a page stale by structure named no place in the translation to go to: the section's line.
    let text = repo.stdout(&["diff", "content/fr/x.md", "--color", "never"]);
    assert!(
        text.contains("8081 (line 5) (translation, line 5)\n"),
        "{text}"
    );
}

/// A price, a distance, a weight or a temperature converted for the translation's readers (`$10` → `9 €`, `5 miles`
/// → `8 km`, `70 °F` → `21 °C`) was a number changed, high, and a faithful page was stale.
#[test]
fn a_price_or_a_measure_converted_for_the_readers_was_a_changed_number() {
    let page = |title: &str, sentence: &str| md(title, "", &format!("{sentence}\n"));
    for (en, fr) in [
        (
            "The hosted plan costs $10 a month.",
            "L'offre hébergée coûte 9 € par mois.",
        ),
        (
            "The hosted plan costs 10 USD a month.",
            "L'offre hébergée coûte 9 EUR par mois.",
        ),
        (
            "Sync works up to 5 miles away on the local network.",
            "La synchronisation fonctionne jusqu'à 8 km sur le réseau local.",
        ),
        (
            "Keep the device below 70 °F while it syncs.",
            "Gardez l'appareil sous 21 °C pendant la synchronisation.",
        ),
        (
            "The rack kit weighs 11 lb and fits a 13-inch shelf.",
            "Le kit de montage pèse 5 kg et tient sur une étagère de 33 cm.",
        ),
    ] {
        assert_faithful(&page("Plans", en), &page("Offres", fr), "md");
    }
    // The same currency or system with another number is still a number changed.
    for (en, fr) in [
        (
            "The hosted plan costs $12 a month.",
            "L'offre hébergée coûte 10 $ par mois.",
        ),
        (
            "Sync works up to 8 km away on the local network.",
            "La synchronisation fonctionne jusqu'à 5 km sur le réseau local.",
        ),
    ] {
        let (state, signals) = compare_signals(&page("Plans", en), &page("Offres", fr), "md");
        assert_eq!(state, "stale", "{en}: {signals:?}");
        assert_eq!(high(&signals), ["number-changed"], "{en}: {signals:?}");
    }
}

/// A configuration block whose value the source changed (`replicas: 3` → `5`, `"port": 8081`, `enabled: false`) was
/// compared by its keys only, and the translation that still said the old value was current.
#[test]
fn a_changed_configuration_value_was_never_compared() {
    let en = |config: &str| {
        md(
            "Deploy",
            "",
            &format!("Set the following options in your deployment file:\n\n{config}\n"),
        )
    };
    let fr = |config: &str| {
        md(
            "Déployer",
            "",
            &format!(
                "Définissez les options suivantes dans votre fichier de déploiement :\n\n{config}\n"
            ),
        )
    };
    for (source, translation, changed) in [
        (
            "```yaml\nreplicas: 5\nimage: lumen/lumen:2.0\n```",
            "```yaml\nreplicas: 3\nimage: lumen/lumen:2.0\n```",
            "replicas: 5",
        ),
        (
            "```json\n{\n  \"port\": 8081,\n  \"debug\": false\n}\n```",
            "```json\n{\n  \"port\": 8080,\n  \"debug\": false\n}\n```",
            "port: 8081",
        ),
        (
            "```toml\n[sync]\nenabled = false\n```",
            "```toml\n[sync]\nenabled = true\n```",
            "enabled = false",
        ),
    ] {
        let (state, signals) = compare_signals(&en(source), &fr(translation), "md");
        assert_eq!(state, "stale", "{signals:?}");
        assert!(
            signals
                .iter()
                .any(|(kind, _, items)| kind == "code-changed" && items[0] == changed),
            "{signals:?}"
        );
    }
    // Values a translator changes are still not compared: strings of words, names, paths and URLs.
    assert_faithful(
        &en(
            "```yaml\ntitle: My notes\ndescription: \"Notes from my laptop\"\nlang: en\nhome: /docs/start/\nreplicas: 3\n```",
        ),
        &fr(
            "```yaml\ntitle: Mes notes\ndescription: \"Notes de mon portable\"\nlang: fr\nhome: /fr/docs/start/\nreplicas: 3\n```",
        ),
        "md",
    );
}

/// A short sentence the source added inside an `<Aside>` (`Version 3 rebuilds it in the background.`) moved the
/// paragraph's length too little for `paragraph-extended`: the translation was current, with only a low
/// `number-changed` for the `3` it lacks.
#[test]
fn a_short_sentence_added_inside_an_aside_was_not_seen() {
    let (en, fr) = (
        fixture_text("aside-sentence-added/en.mdx"),
        fixture_text("aside-sentence-added/fr.mdx"),
    );
    let (state, signals) = compare_signals(&en, &fr, "mdx");
    assert_eq!(state, "stale", "{signals:?}");
    assert_eq!(high(&signals), ["paragraph-extended"], "{signals:?}");
    // With the sentence translated, nothing.
    let fr = fr.replace(
        "de la place et du temps.",
        "de la place et du temps. La version 3 le reconstruit en arrière-plan.",
    );
    assert_faithful(&en, &fr, "mdx");
    // A translator who merges the source's two sentences and spells its number out says the same: no signal.
    let en = en.replace(
        "only takes space and time. Version 3 rebuilds it in the background.",
        "only takes space. It takes 2 seconds.",
    );
    let fr = fixture_text("aside-sentence-added/fr.mdx").replace(
        "ne fait que prendre de la place et du temps.",
        "ne fait que prendre de la place, en deux secondes.",
    );
    assert_faithful(&en, &fr, "mdx");
}

/// A paragraph and a code block the source removed (`lumen serve --port 8080`, a step it no longer needs) that the
/// translation still has were an `extra-code-block`, low: the translation kept telling readers to run it.
#[test]
fn a_command_block_the_source_removed_was_only_low() {
    let en = md(
        "Install",
        "",
        "Install the package from the registry:\n\n```sh\nnpm install lumen\n```\n\nLumen starts on its own.\n",
    );
    let fr = |extra: &str| {
        md(
            "Installer",
            "",
            &format!(
                "Installez le paquet depuis le registre :\n\n```sh\nnpm install lumen\n```\n\n{extra}Lumen démarre tout seul.\n"
            ),
        )
    };
    let (state, signals) = compare_signals(
        &en,
        &fr("Démarrez ensuite le serveur :\n\n```sh\nlumen serve --port 8080\n```\n\n"),
        "md",
    );
    assert_eq!(state, "stale", "{signals:?}");
    assert!(high(&signals).contains(&"extra-code-block"), "{signals:?}");
    // A block of the translator's own without commands (a translated sample output, a comment) is still low.
    for extra in [
        "Vous verrez :\n\n```text\nServeur démarré\n```\n\n",
        "Pour rappel :\n\n```sh\n# la même commande\n```\n\n",
    ] {
        let (state, signals) = compare_signals(&en, &fr(extra), "md");
        assert_eq!(state, "current", "{signals:?}");
        assert!(high(&signals).is_empty(), "{signals:?}");
    }
}

/// A JavaScript example whose import or option value the source changed (`from 'lumen'` → `from 'lumen/v2'`,
/// `port: 8080` → `8081`) was never compared: only shell and configuration code were.
#[test]
fn an_import_or_an_option_changed_in_javascript_was_never_compared() {
    let en = |code: &str| {
        md(
            "Embed",
            "",
            &format!("Start the server from your own script:\n\n{code}\n"),
        )
    };
    let fr = |code: &str| {
        md(
            "Intégrer",
            "",
            &format!("Démarrez le serveur depuis votre propre script :\n\n{code}\n"),
        )
    };
    let old = "```js\n// Start the server\nimport lumen from 'lumen';\nlumen.start({ port: 8080, title: 'My notes' });\n```";
    let translated = "```js\n// Démarrer le serveur\nimport lumen from \"lumen\";\nlumen.start({ port: 8080, title: 'Mes notes' });\n```";
    for source in [
        old.replace("'lumen';", "'lumen/v2';"),
        old.replace("8080", "8081"),
    ] {
        let (state, signals) = compare_signals(&en(&source), &fr(translated), "md");
        assert_eq!(state, "stale", "{signals:?}");
        assert_eq!(high(&signals), ["code-changed"], "{signals:?}");
    }
    // Comments and strings translated, the other quote: the same code.
    assert_faithful(&en(old), &fr(translated), "md");
    // A source that now shows its example as a diff of the same code (Expressive Code's `diff lang="js"`).
    let diff = "```diff lang=\"js\"\n// Start the server\nimport lumen from 'lumen';\n-lumen.start();\n+lumen.start({ port: 8080, title: 'My notes' });\n```";
    assert_faithful(&en(diff), &fr(translated), "md");
}

/// A number the source added with nothing in its place in the translation (`Node.js 18 or later (20 recommended)`)
/// was low, as a count spelled out is (`2 servers`, `deux serveurs`): no translation writes `20` as a word.
#[test]
fn a_number_added_with_nothing_in_its_place_was_only_low() {
    let page = |title: &str, items: &str| md(title, "", &format!("{items}\n"));
    let fr = page(
        "Prérequis",
        "- Node.js 18 ou plus récent\n- Git 2.30 ou plus récent\n- Un terminal que vous maîtrisez",
    );
    let (state, signals) = compare_signals(
        &page(
            "Requirements",
            "- Node.js 18 or later (20 recommended)\n- Git 2.30 or later\n- A terminal you are comfortable with",
        ),
        &fr,
        "md",
    );
    assert_eq!(state, "stale", "{signals:?}");
    assert_eq!(high(&signals), ["number-changed"], "{signals:?}");
    // A small count or a share with nothing in its place may be put in words: still low.
    let (state, signals) = compare_signals(
        &md(
            "Canary",
            "",
            "Shifting 100% of traffic at once to a new version can lead to more impactful failures.\n",
        ),
        &md(
            "Canari",
            "",
            "Basculer tout le trafic d'un coup vers une nouvelle version peut causer des pannes plus graves.\n",
        ),
        "md",
    );
    assert_eq!(state, "current", "{signals:?}");
    assert!(high(&signals).is_empty(), "{signals:?}");
    let (state, signals) = compare_signals(
        &page(
            "Requirements",
            "- Node.js 18 or later\n- Git 2.30 or later\n- A terminal you are comfortable with, and 2 free hours",
        ),
        &page(
            "Prérequis",
            "- Node.js 18 ou plus récent\n- Git 2.30 ou plus récent\n- Un terminal que vous maîtrisez, et deux heures devant vous",
        ),
        "md",
    );
    assert_eq!(state, "current", "{signals:?}");
    assert!(high(&signals).is_empty(), "{signals:?}");
}

/// A translator who joined two paragraphs and wrote their `2` as a word (`It takes about 2 seconds.` → `ce qui prend
/// environ deux secondes`) "lost" a number with a paragraph: `missing-paragraph` was high and a faithful page stale.
#[test]
fn a_count_spelled_out_in_a_merged_paragraph_made_a_missing_paragraph_high() {
    let en = |extra: &str| {
        md(
            "Install",
            "",
            &format!(
                "Run the following command in your terminal to install the package from the registry and its \
                 dependencies.\n\nThen start the server.\n\nIt takes about 2 seconds. By default it listens on port \
                 8080 of your machine, and it stops when you close the terminal.\n\n{extra}The server writes its log \
                 to the terminal, one line for each note it syncs.\n"
            ),
        )
    };
    let fr = md(
        "Installer",
        "",
        "Lancez la commande suivante dans votre terminal pour installer le paquet depuis le registre avec ses \
         dépendances.\n\nDémarrez ensuite le serveur, ce qui prend environ deux secondes. Par défaut, il écoute sur le \
         port 8080 de votre machine, et il s'arrête quand vous fermez le terminal.\n\nLe serveur écrit son journal \
         dans le terminal, une ligne par note synchronisée.\n",
    );
    assert_faithful(&en(""), &fr, "md");
    // A paragraph of its own the translation lacks, with a small number in it, is still missing content.
    let (state, signals) = compare_signals(
        &en("On Windows, WSL 2 works too.\n\n").replace("\n\nIt takes about 2 seconds. ", " "),
        &fr,
        "md",
    );
    assert_eq!(state, "stale", "{signals:?}");
    assert_eq!(high(&signals), ["missing-paragraph"], "{signals:?}");
}

/// Writes a source and its translation under `content/en/` and `content/fr/` and commits both at once, as a pull
/// request that updates a page and its translation does: history calls the translation current.
fn committed_together(repo: &mut RepoBuilder, name: &str, en: &str, fr: &str) {
    repo.write(&format!("content/en/{name}"), en)
        .write(&format!("content/fr/{name}"), fr);
    repo.commit("Update the page and its translation");
}

/// A link into another site's documentation that the source moved (`…/guides/assets/` → `…/guides/images/`) while
/// the translation, edited in the same commit, kept the old one: a low `missing-link`, and the page current. Links
/// the translation localised (MDN's French page, its translated name) stay quiet.
#[test]
fn a_link_the_source_moved_on_another_site_was_only_a_low_missing_link() {
    let (en, fr) = (
        fixture_text("external-link-moved/en.mdx"),
        fixture_text("external-link-moved/fr.mdx"),
    );
    let old_en = en.replace("/en/guides/images/", "/en/guides/assets/");
    let mut repo = RepoBuilder::new();
    committed_together(
        &mut repo,
        "images.md",
        &old_en,
        &fr.replace("Voyez le", "Voir le"),
    );
    committed_together(&mut repo, "images.md", &en, &fr);
    let json = repo.status_json(&[]);
    let page = page(&json, "content/fr/images.md");
    assert_eq!(page["state"], "stale", "{page}");
    assert_eq!(page["reason"], "structure", "{page}");
    let signal = &page["signals"][0];
    assert_eq!(signal["kind"], "link-changed", "{page}");
    assert_eq!(
        signal["items"],
        serde_json::json!([
            "https://docs.quarry.dev/en/guides/images/",
            "https://docs.quarry.dev/en/guides/assets/"
        ]),
        "{page}"
    );
    // The old link in both: nothing but the localised MDN link, low.
    let (state, signals) = compare_signals(&old_en, &fr, "mdx");
    assert_eq!(state, "current", "{signals:?}");
    assert!(high(&signals).is_empty(), "{signals:?}");
    // A page of this site under a translated or older name is the translation's own page: not compared.
    let (state, signals) = compare_signals(
        &md(
            "Scaling",
            "",
            "Read about [scalability](/scalability/) first.",
        ),
        &md(
            "Échelle",
            "",
            "Lisez d’abord la page sur [la mise à l’échelle](/fr/scalable/).",
        ),
        "md",
    );
    assert_eq!(state, "current", "{signals:?}");
    assert!(high(&signals).is_empty(), "{signals:?}");
}

/// A picture the source swapped (`winter-meetup.jpg` → `spring-meetup.jpg`) that the translation still shows was an
/// `image-changed`, low, like a screenshot the translator localised (`settings-fr.png`), which stays low.
#[test]
fn an_image_the_source_swapped_was_as_low_as_a_localised_screenshot() {
    let (en, fr) = (
        fixture_text("image-swapped/en.md"),
        fixture_text("image-swapped/fr.md"),
    );
    let (state, signals) = compare_signals(&en, &fr, "md");
    assert_eq!(state, "stale", "{signals:?}");
    assert_eq!(high(&signals), ["image-changed"], "{signals:?}");
    let swapped = signals
        .iter()
        .find(|(kind, severity, _)| kind == "image-changed" && severity == "high")
        .expect("high image-changed");
    assert_eq!(
        swapped.2,
        [
            "/images/home/spring-meetup.jpg",
            "/images/home/winter-meetup.jpg"
        ]
    );
    // Written as HTML (`<img src>`), the same.
    let html = |text: &str| {
        text.replace(
            "![People listening to a talk at the spring meetup](/images/home/spring-meetup.jpg)",
            "<img src=\"/images/home/spring-meetup.jpg\" alt=\"A talk\">",
        )
        .replace(
            "![Le public d’une causerie, à la rencontre d’hiver](/images/home/winter-meetup.jpg)",
            "<img src=\"/images/home/winter-meetup.jpg\" alt=\"Une causerie\">",
        )
    };
    assert!(html(&en).contains("<img") && html(&fr).contains("<img"));
    let (_, signals) = compare_signals(&html(&en), &html(&fr), "md");
    assert_eq!(high(&signals), ["image-changed"], "{signals:?}");
    // The screenshot localised, the picture the same: faithful.
    let fr = fr.replace("winter-meetup.jpg", "spring-meetup.jpg");
    let (state, signals) = compare_signals(&en, &fr, "md");
    assert_eq!(state, "current", "{signals:?}");
    assert!(high(&signals).is_empty(), "{signals:?}");
    assert!(
        signals.iter().any(|(kind, _, _)| kind == "image-changed"),
        "{signals:?}"
    );
}

/// An option the source renamed in a code span (`maxResults` → `maxResultsPerGroup`) that the translation, committed
/// with it, still names: no signal at all. An example name written as code and translated (`my-notes`,
/// `mes-notes`) is no option.
#[test]
fn an_option_the_source_renamed_in_inline_code_was_not_seen() {
    let (en, fr) = (
        fixture_text("option-renamed/en.md"),
        fixture_text("option-renamed/fr.md"),
    );
    let mut repo = RepoBuilder::new();
    committed_together(&mut repo, "search.md", &en, &fr);
    let json = repo.status_json(&[]);
    let page = page(&json, "content/fr/search.md");
    assert_eq!(page["state"], "stale", "{page}");
    assert_eq!(page["signals"][0]["kind"], "inline-code-changed", "{page}");
    assert_eq!(
        page["signals"][0]["items"],
        serde_json::json!(["maxResultsPerGroup", "maxResults"]),
        "{page}"
    );
    assert_faithful(
        &en,
        &fr.replace("`maxResults`", "`maxResultsPerGroup`"),
        "md",
    );
    // Flags too, each side its own shape: `--watch` for `--follow` is a change, `--watch` against a call is not read
    // as one.
    let en = md(
        "Run",
        "",
        "Start it with `lumen serve --follow`, then pass `--follow` to keep it in the foreground.",
    );
    let page_with = |code: &str| {
        md(
            "Lancer",
            "",
            &format!(
                "Lancez-le avec `lumen serve`, puis passez `{code}` pour le garder au premier plan."
            ),
        )
    };
    let (_, signals) = compare_signals(&en, &page_with("--watch"), "md");
    assert_eq!(high(&signals), ["inline-code-changed"], "{signals:?}");
    let (_, signals) = compare_signals(&en, &page_with("watch()"), "md");
    assert!(high(&signals).is_empty(), "{signals:?}");
}

/// A list item the source removed (signing an agreement on a site it no longer uses) that the translation still
/// has was an `extra-list-item`, low, like a line a translator adds. An item the translator added for their readers
/// (the French version of a toolkit, `…/index-fr.html`) names something in their language and stays low.
#[test]
fn a_list_item_the_source_removed_was_as_low_as_a_translators_addition() {
    let (en, fr) = (
        fixture_text("list-item-removed/en.md"),
        fixture_text("list-item-removed/fr.md"),
    );
    let mut repo = RepoBuilder::new();
    committed_together(&mut repo, "contribute.md", &en, &fr);
    let json = repo.status_json(&[]);
    let page = page(&json, "content/fr/contribute.md");
    assert_eq!(page["state"], "stale", "{page}");
    let extra: Vec<&Value> = page["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "extra-list-item")
        .collect();
    assert_eq!(extra.len(), 2, "{page}");
    assert_eq!(extra[0]["severity"], "high", "{page}");
    assert_eq!(
        extra[0]["items"],
        serde_json::json!(["https://sign.example.org/v2-current/contributors"]),
        "{page}"
    );
    assert_eq!(extra[1]["severity"], "low", "{page}");
    // People are told what the extra item names, in both languages.
    for (lang, said) in [
        (
            "en",
            "whose extra items name what the source no longer has: https://sign.example.org/v2-current/contributors",
        ),
        (
            "fr",
            "dont les éléments en plus nomment ce que la source n’a plus : https://sign.example.org/v2-current/contributors",
        ),
    ] {
        let output = repo
            .tandem()
            .args([
                "--ui-lang",
                lang,
                "compare",
                "content/en/contribute.md",
                "content/fr/contribute.md",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains(said), "{text}");
    }
    // Without the removed item, only the translator's addition: current.
    let fr = fr.replace(
        "- Signez l’accord de contribution sur [EasySign](https://sign.example.org/v2-current/contributors).\n",
        "",
    );
    let (state, signals) = compare_signals(&en, &fr, "md");
    assert_eq!(state, "current", "{signals:?}");
    assert!(high(&signals).is_empty(), "{signals:?}");
}

/// A short sentence the source added to a `<Card>`'s text (`Open it in any editor you like.`) left the card under
/// the 80 characters `paragraph-extended` reads: the translation was current.
#[test]
fn a_short_sentence_added_inside_a_card_was_not_seen() {
    let (en, fr) = (
        fixture_text("card-sentence-added/en.mdx"),
        fixture_text("card-sentence-added/fr.mdx"),
    );
    let (state, signals) = compare_signals(&en, &fr, "mdx");
    assert_eq!(state, "stale", "{signals:?}");
    assert_eq!(high(&signals), ["paragraph-extended"], "{signals:?}");
    // The sentence translated: nothing.
    let translated = fr.replace(
        "Chaque note est un fichier Markdown.",
        "Chaque note est un fichier Markdown. Ouvrez-la dans l’éditeur de votre choix.",
    );
    assert_faithful(&en, &translated, "mdx");
    // The same short paragraphs outside a component: a translator who says in one sentence what the source says in
    // two is no lag.
    let outside = |text: &str| -> String {
        text.lines()
            .filter(|line| !line.contains("Card"))
            .map(|line| format!("{}\n", line.trim_start()))
            .collect()
    };
    let (_, signals) = compare_signals(&outside(&en), &outside(&fr), "mdx");
    assert!(high(&signals).is_empty(), "{signals:?}");
}
