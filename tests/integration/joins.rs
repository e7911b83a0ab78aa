//! `tandem diff` and `tandem tasks` on blocks the source joined into one or split from one, more than two at a time
//! (paragraphs, list items, a `<details>` element a formatter closed up), and on tables a row was added to.

use crate::support::{RepoBuilder, fixture_text, md};

/// A repository whose `content/fr/x.md` translates `content/en/x.md` (`en` and `fr`, one commit), then the source
/// changed to `en_now` (a second commit).
fn changed(en: &str, fr: &str, en_now: &str) -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/x.md", md("X", "", en));
    repo.write("content/fr/x.md", md("X", "", fr));
    repo.commit("x, translated");
    repo.write("content/en/x.md", md("X", "", en_now));
    repo.commit("x: changed");
    repo
}

/// The blocks of the first changed body section of `content/fr/x.md`'s diff.
fn blocks(repo: &RepoBuilder) -> Vec<serde_json::Value> {
    let json: serde_json::Value =
        serde_json::from_str(&repo.stdout(&["diff", "content/fr/x.md", "--format", "json"]))
            .unwrap();
    json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "body")
        .unwrap_or_else(|| panic!("{json:#}"))["blocks"]
        .as_array()
        .unwrap()
        .clone()
}

/// The text diff of `content/fr/x.md` in `ui` (`en` or `fr`).
fn diff_text(repo: &RepoBuilder, ui: &str) -> String {
    repo.stdout(&[
        "diff",
        "content/fr/x.md",
        "--color",
        "never",
        "--ui-lang",
        ui,
    ])
}

const THREE_PARAGRAPHS_EN: &str = "## Setup\n\nInstall the tool with your package manager.\n\nThen run the setup command once.\n\nFinally check the logs for errors.\n\nThe end.\n";
const THREE_PARAGRAPHS_FR: &str = "## Installation\n\nInstallez l'outil avec votre gestionnaire de paquets.\n\nPuis lancez la commande d'installation une fois.\n\nEnfin vérifiez les journaux.\n\nFin.\n";
const ONE_PARAGRAPH_EN: &str = "## Setup\n\nInstall the tool with your package manager. Then run the setup command once. Finally check the logs for errors.\n\nThe end.\n";
const ONE_PARAGRAPH_FR: &str = "## Installation\n\nInstallez l'outil avec votre gestionnaire de paquets. Puis lancez la commande d'installation une fois. Enfin vérifiez les journaux.\n\nFin.\n";

/// Three paragraphs the source joined into one, a word changed too: the first was "to update" and the two others
/// "to remove", though the joined paragraph still says what they say (the rule for two paragraphs stopped at two).
/// The note goes on the translated paragraph whose source changed (the second).
#[test]
fn three_paragraphs_joined_into_one_were_two_paragraphs_to_remove() {
    let repo = changed(
        THREE_PARAGRAPHS_EN,
        THREE_PARAGRAPHS_FR,
        &ONE_PARAGRAPH_EN.replace("once", "twice"),
    );
    let text = diff_text(&repo, "en");
    assert!(!text.contains("to remove"), "{text}");
    assert!(
        text.contains("  en  - Install the tool with your package manager.\n  en  - Then run the setup command once.\n  en  - Finally check the logs for errors.\n  en  + Install the tool with your package manager. Then run the setup command twice. Finally check the logs for errors.\n"),
        "{text}"
    );
    assert!(
        text.contains("  fr    Installez l'outil avec votre gestionnaire de paquets.\n  fr    Puis lancez la commande d'installation une fois.   ← to update (line 9)\n  fr    Enfin vérifiez les journaux.\n"),
        "{text}"
    );
    let blocks = blocks(&repo);
    assert_eq!(blocks.len(), 3, "{blocks:#?}");
    for removed in blocks.iter().filter(|b| b["change"] == "removed") {
        assert_eq!(removed["part_of"]["line"], 7, "{blocks:#?}");
    }
    let tasks = repo.stdout(&["tasks"]);
    assert!(!tasks.contains("paragraph removed"), "{tasks}");
}

/// One paragraph the source split into three, a word changed too: two of them were "insert after line 7", sentences
/// the one translated paragraph already has.
#[test]
fn a_paragraph_split_in_three_asked_to_insert_what_the_translation_has() {
    let repo = changed(
        ONE_PARAGRAPH_EN,
        ONE_PARAGRAPH_FR,
        &THREE_PARAGRAPHS_EN.replace("once", "twice"),
    );
    let text = diff_text(&repo, "en");
    assert!(!text.contains("insert after"), "{text}");
    assert!(
        text.contains("  en  + Install the tool with your package manager.\n  en  + Then run the setup command twice.\n  en  + Finally check the logs for errors.\n  fr    Installez l'outil avec votre gestionnaire de paquets. Puis lancez la commande d'installation une fois. Enfin vérifiez les journaux.   ← to update (line 7)\n"),
        "{text}"
    );
    let blocks = blocks(&repo);
    let added: Vec<_> = blocks.iter().filter(|b| b["change"] == "added").collect();
    assert_eq!(added.len(), 2, "{blocks:#?}");
    assert!(
        added.iter().all(|b| b["part_of"]["line"] == 7),
        "{blocks:#?}"
    );
    let tasks = repo.stdout(&["tasks"]);
    assert!(!tasks.contains("paragraph added"), "{tasks}");
}

/// Three list items the source made one: the second and third translated items were "to remove".
#[test]
fn three_list_items_joined_into_one_were_two_items_to_remove() {
    let repo = changed(
        "## Steps\n\n- Install the tool with your package manager.\n- Run the setup command once.\n- Check the logs for errors.\n\nThe end.\n",
        "## Étapes\n\n- Installez l'outil avec votre gestionnaire.\n- Lancez la commande une fois.\n- Vérifiez les journaux.\n\nFin.\n",
        "## Steps\n\n- Install the tool with your package manager, run the setup command twice, then check the logs for errors.\n\nThe end.\n",
    );
    let text = diff_text(&repo, "fr");
    assert!(!text.contains("à supprimer"), "{text}");
    assert!(
        text.contains("  fr    - Installez l'outil avec votre gestionnaire.   ← à mettre à jour (ligne 7)\n  fr    - Lancez la commande une fois.\n  fr    - Vérifiez les journaux.\n"),
        "{text}"
    );
    let blocks = blocks(&repo);
    assert_eq!(
        blocks
            .iter()
            .filter(|b| b["change"] == "removed" && b["part_of"]["line"] == 7)
            .count(),
        2,
        "{blocks:#?}"
    );
    let tasks = repo.stdout(&["tasks"]);
    assert!(!tasks.contains("list item removed"), "{tasks}");
}

/// Three paragraphs made two, the first two joined and a word changed in each part: blocks paired by kind in order
/// put the second old paragraph beside the third new one ("to update" with another paragraph's text) and the third
/// translated paragraph was "to remove".
#[test]
fn three_paragraphs_made_two_paired_the_second_with_the_third() {
    let repo = changed(
        THREE_PARAGRAPHS_EN,
        THREE_PARAGRAPHS_FR,
        "## Setup\n\nInstall the tool with your package manager. Then run the setup command twice.\n\nFinally check the logs for warnings.\n\nThe end.\n",
    );
    let text = diff_text(&repo, "en");
    assert!(!text.contains("to remove"), "{text}");
    assert!(
        text.contains("  en  - Finally check the logs for errors.\n  en  + Finally check the logs for warnings.\n  fr    Enfin vérifiez les journaux.   ← to update (line 11)\n"),
        "{text}"
    );
    let blocks = blocks(&repo);
    let removed: Vec<_> = blocks.iter().filter(|b| b["change"] == "removed").collect();
    assert_eq!(removed.len(), 1, "{blocks:#?}");
    assert_eq!(removed[0]["part_of"]["line"], 7, "{blocks:#?}");
    let tasks = repo.stdout(&["tasks"]);
    assert!(!tasks.contains("paragraph removed"), "{tasks}");
}

/// What a formatter does to a `<details>` element: the blank lines inside it taken out, which makes the whole
/// element one HTML block.
fn close_up_details(text: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in text.lines() {
        match line.trim() {
            "<details>" => inside = true,
            "</details>" => inside = false,
            "" if inside => continue,
            _ => {}
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

const DETAILS_CHANGE: (&str, &str) = ("an hour before", "two hours before");

/// A `<details>` element a formatter closed up in the source (its blank lines taken out: one HTML block where there
/// were six), a word changed inside it too: `diff` showed its summary "to update" and the five translated blocks
/// after it "to remove", `tasks` listed five blocks removed — a translator following them deleted the answer the
/// source still gives.
#[test]
fn a_details_element_a_formatter_closed_up_asked_to_remove_its_text() {
    let (en, fr) = (
        fixture_text("details-joined/en.md"),
        fixture_text("details-joined/fr.md"),
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/x.md", &en)
        .write("content/fr/x.md", &fr);
    repo.commit("schedules, translated");
    repo.write(
        "content/en/x.md",
        close_up_details(&en).replace(DETAILS_CHANGE.0, DETAILS_CHANGE.1),
    );
    repo.commit("format, and the sensor is read earlier");
    for (ui, remove) in [("en", "to remove"), ("fr", "à supprimer")] {
        let text = diff_text(&repo, ui);
        assert!(!text.contains(remove), "{text}");
        // Only the lines that changed, not the element's other lines as added and removed.
        assert!(
            text.contains("  en  - The controller reads the rain sensor an hour before each run and skips the run when\n  en  + The controller reads the rain sensor two hours before each run and skips the run when\n"),
            "{text}"
        );
        assert!(!text.contains("+ Set `rain_skip"), "{text}");
        assert!(!text.contains("+ </details>"), "{text}");
        // Beside the whole translated element, the note on the translation of the paragraph that changed.
        assert!(text.contains("  fr    <details>\n"), "{text}");
        assert!(
            text.contains(" l'annule   ← to update (line 13)\n")
                || text.contains(" l'annule   ← à mettre à jour (ligne 13)\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "  fr    - Un arrosage annulé est noté dans le journal.\n  fr    </details>\n"
            ),
            "{text}"
        );
    }
    let blocks = blocks(&repo);
    let modified: Vec<_> = blocks
        .iter()
        .filter(|b| b["change"] == "modified")
        .collect();
    assert_eq!(modified.len(), 1, "{blocks:#?}");
    assert_eq!(modified[0]["translation"]["line"], 10, "{blocks:#?}");
    assert!(
        blocks
            .iter()
            .filter(|b| b["change"] != "modified")
            .all(|b| b["change"] == "removed" && b["part_of"]["line"] == 10),
        "{blocks:#?}"
    );
    let tasks = repo.stdout(&["tasks"]);
    assert!(!tasks.contains("removed"), "{tasks}");
}

/// The same formatter run on both languages (the translation's commit changed nothing meaningful and is passed over),
/// then a word changed in the source: the translation's element, one block like the source's now, matched none of the
/// source's blocks at the sync point, and every block read "no counterpart in the translation".
#[test]
fn a_details_element_closed_up_in_both_languages_had_no_counterpart() {
    let (en, fr) = (
        fixture_text("details-joined/en.md"),
        fixture_text("details-joined/fr.md"),
    );
    let mut repo = RepoBuilder::new();
    repo.write("content/en/x.md", &en)
        .write("content/fr/x.md", &fr);
    repo.commit("schedules, translated");
    repo.write("content/en/x.md", close_up_details(&en))
        .write("content/fr/x.md", close_up_details(&fr));
    repo.commit("format");
    repo.write(
        "content/en/x.md",
        close_up_details(&en).replace(DETAILS_CHANGE.0, DETAILS_CHANGE.1),
    );
    repo.commit("the sensor is read earlier");
    let text = diff_text(&repo, "en");
    assert!(!text.contains("no counterpart"), "{text}");
    assert!(!text.contains("to remove"), "{text}");
    assert!(
        text.contains("  fr    <details>   ← to update (line 10)\n"),
        "{text}"
    );
    let blocks = blocks(&repo);
    let modified: Vec<_> = blocks
        .iter()
        .filter(|b| b["change"] == "modified")
        .collect();
    assert_eq!(modified.len(), 1, "{blocks:#?}");
    assert_eq!(modified[0]["translation"]["line"], 10, "{blocks:#?}");
    assert!(
        blocks
            .iter()
            .filter(|b| b["change"] != "modified")
            .all(|b| b["part_of"]["line"] == 10),
        "{blocks:#?}"
    );
    let tasks = repo.stdout(&["tasks"]);
    assert!(!tasks.contains("not in the translation"), "{tasks}");
    assert!(!tasks.contains("removed"), "{tasks}");
}

/// A formatter that adds blank lines inside a `<details>` element (the other way): the element, one block, became
/// six; with a word changed, five of them were "insert after", text the translated element has.
#[test]
fn a_details_element_a_formatter_opened_up_asked_to_insert_its_text() {
    let en = fixture_text("details-joined/en.md");
    let fr = fixture_text("details-joined/fr.md");
    let mut repo = RepoBuilder::new();
    repo.write("content/en/x.md", close_up_details(&en))
        .write("content/fr/x.md", close_up_details(&fr));
    repo.commit("schedules, translated");
    repo.write(
        "content/en/x.md",
        en.replace(DETAILS_CHANGE.0, DETAILS_CHANGE.1),
    );
    repo.commit("format, and the sensor is read earlier");
    let text = diff_text(&repo, "en");
    assert!(!text.contains("insert after"), "{text}");
    assert!(
        text.contains("  en  + The controller reads the rain sensor two hours before each run and skips the run when\n"),
        "{text}"
    );
    assert!(!text.contains("+ Set `rain_skip"), "{text}");
    let blocks = blocks(&repo);
    assert!(
        blocks
            .iter()
            .filter(|b| b["change"] != "modified")
            .all(|b| b["change"] == "added" && b["part_of"]["line"] == 10),
        "{blocks:#?}"
    );
    let tasks = repo.stdout(&["tasks"]);
    assert!(!tasks.contains("added"), "{tasks}");
}

const TABLE_EN: &str = "## Options\n\nThe options are:\n\n| Option | Meaning |\n|---|---|\n| `--fast` | Skip the checks |\n| `--quiet` | Print nothing |\n\nThe end.\n";
const TABLE_FR: &str = "## Options\n\nLes options sont :\n\n| Option | Sens |\n|---|---|\n| `--fast` | Sauter les vérifications |\n| `--quiet` | Ne rien afficher |\n\nFin.\n";

/// A row added in the middle of a table: the note said "to update" on the translated row after it (`--quiet`), which
/// has nothing to update; the translated table has as many rows as the source's had, so the new row goes after the
/// translated row of the one before it.
#[test]
fn a_row_added_to_a_table_was_to_update_on_the_row_after_it() {
    let repo = changed(
        TABLE_EN,
        TABLE_FR,
        &TABLE_EN.replace("| `--quiet`", "| `--verbose` | Print more |\n| `--quiet`"),
    );
    let text = diff_text(&repo, "en");
    assert!(
        text.contains("  en  + | `--verbose` | Print more |\n  fr    | Option | Sens |\n  fr    |---|---|\n  fr    | `--fast` | Sauter les vérifications |   (insert after line 11)\n  fr    | `--quiet` | Ne rien afficher |\n"),
        "{text}"
    );
}

/// A row added to a table a formatter then padded (Prettier lines the columns up to the longest cell): every row
/// was shown removed and added again, the new one lost among them.
#[test]
fn a_row_added_to_a_repadded_table_showed_every_row_changed() {
    let padded = "## Options\n\nThe options are:\n\n| Option      | Meaning         |\n| ----------- | --------------- |\n| `--fast`    | Skip the checks |\n| `--verbose` | Print more      |\n| `--quiet`   | Print nothing   |\n\nThe end.\n";
    let repo = changed(TABLE_EN, TABLE_FR, padded);
    let text = diff_text(&repo, "en");
    let changed: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  en  - ") || l.starts_with("  en  + "))
        .collect();
    assert_eq!(changed.len(), 1, "{text}");
    assert!(changed[0].contains("`--verbose` | Print more"), "{text}");
    assert!(text.contains("(insert after line 11)"), "{text}");
}

/// A paragraph that gained a sentence and an unrelated short one removed beside it: the removed one was taken for
/// joined into the other (the word diff counts the spaces between words, all alike, and they made the two read more
/// alike), so its translation was not "to remove".
#[test]
fn a_paragraph_removed_beside_one_that_grew_was_taken_for_joined() {
    let repo = changed(
        "## Setup\n\nInstall the tool with the package manager of your system today.\n\nSee below.\n\nThe end.\n",
        "## Installation\n\nInstallez l'outil avec le gestionnaire de paquets de votre système aujourd'hui.\n\nVoir plus bas.\n\nFin.\n",
        "## Setup\n\nInstall the tool with the package manager of your system today. It takes a minute.\n\nThe end.\n",
    );
    let text = diff_text(&repo, "en");
    assert!(
        text.contains("  en  - See below.\n  fr    Voir plus bas.   ← to remove (line 9)\n"),
        "{text}"
    );
    let blocks = blocks(&repo);
    assert!(
        blocks.iter().all(|b| b.get("part_of").is_none()),
        "{blocks:#?}"
    );
}
