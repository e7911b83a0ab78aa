//! The READMEs are tested: their usage blocks equal `--help` (README.fr.md's in French), the `tandem.yaml` example
//! loads and covers every key. Run with `TANDEM_BLESS_README=1` to rewrite the usage blocks from the binary.

use crate::support::tandem_in;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
const README_FR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.fr.md");

/// (start, end, command) of every ```text block that starts with `$ tandem …`.
fn usage_blocks(readme: &str) -> Vec<(usize, usize, String)> {
    let mut blocks = Vec::new();
    let mut offset = 0;
    while let Some(start) = readme[offset..].find("```text\n$ tandem ") {
        let start = offset + start + "```text\n".len();
        let end = start + readme[start..].find("```").expect("closed block");
        let command = readme[start..end]
            .lines()
            .next()
            .unwrap()
            .trim_start_matches("$ ")
            .to_owned();
        // Only help blocks are usage; other examples show output on a site.
        if command.ends_with("--help") || command.ends_with(" -h") {
            blocks.push((start, end, command));
        }
        offset = end;
    }
    blocks
}

/// `command` as a reader in `ui_lang` sees it.
fn run(command: &str, ui_lang: &str) -> String {
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    // Outside the project: its own tandem.yaml must not be what the help is rendered for.
    let dir = tempfile::tempdir().unwrap();
    let output = tandem_in(dir.path())
        .env("TANDEM_UI_LANG", ui_lang)
        .args(&args)
        .output()
        .unwrap();
    assert!(output.status.success());
    format!("$ {command}\n{}", String::from_utf8(output.stdout).unwrap())
}

fn check_usage_blocks(path: &str, ui_lang: &str) {
    let readme = std::fs::read_to_string(path).unwrap();
    let blocks = usage_blocks(&readme);
    assert!(
        blocks.iter().any(|(_, _, c)| c == "tandem --help"),
        "no `$ tandem --help` block in {path}"
    );
    if std::env::var_os("TANDEM_BLESS_README").is_some() {
        let mut updated = readme.clone();
        for (start, end, command) in blocks.iter().rev() {
            updated.replace_range(start..end, &run(command, ui_lang));
        }
        std::fs::write(path, updated).unwrap();
        return;
    }
    for (start, end, command) in blocks {
        assert_eq!(
            readme[start..end],
            run(&command, ui_lang),
            "{path}: block for `{command}` differs from the binary (TANDEM_BLESS_README=1 cargo test readme rewrites it)"
        );
    }
}

#[test]
fn readme_usage_equals_help() {
    check_usage_blocks(README, "en");
}

#[test]
fn readme_fr_usage_equals_french_help() {
    check_usage_blocks(README_FR, "fr");
    // The same commands as the English README, in the same order.
    let commands = |path: &str| -> Vec<String> {
        let text = std::fs::read_to_string(path).unwrap();
        usage_blocks(&text).into_iter().map(|(_, _, c)| c).collect()
    };
    assert_eq!(commands(README_FR), commands(README));
}

#[test]
fn readme_config_example_loads_and_covers_every_key() {
    let readme = std::fs::read_to_string(README).unwrap();
    let marker = readme
        .find("<!-- config-example")
        .expect("config example marker");
    let start = marker + readme[marker..].find("```yaml\n").unwrap() + "```yaml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let example = &readme[start..end];
    tandem::site::config::FileConfig::parse(example, "README.md").expect("the example loads");
    let tree = tandem::markdown::yaml::parse(example).unwrap().unwrap();
    for key in tandem::site::config::KNOWN_KEYS {
        assert!(tree.get_path(key).is_some(), "README example lacks {key}");
    }
}
