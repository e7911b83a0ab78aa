//! Shapes real repositories have that a tidy test site does not: file names saved on macOS, odd line endings,
//! encodings. Each test builds the repository the way the people who hit the problem had it.

use crate::support::{RepoBuilder, page};

/// `é` as macOS writes it in a file name: `e` followed by the combining acute accent (NFD).
const E_NFD: &str = "e\u{301}";

/// The fixture with its French pages renamed as a Mac saves them: `café.md` and the folder `thémes/` in NFD, the
/// English ones left in NFC. A second commit changes the source of `café.md`.
fn site_with_french_names_in_nfd() -> RepoBuilder {
    let mut repo = RepoBuilder::from_fixture("hugo-accented-names");
    let root = repo.path().to_path_buf();
    std::fs::rename(
        root.join("content/fr/café.md"),
        root.join(format!("content/fr/caf{E_NFD}.md")),
    )
    .unwrap();
    std::fs::rename(
        root.join("content/fr/thémes"),
        root.join(format!("content/fr/th{E_NFD}mes")),
    )
    .unwrap();
    repo.commit("fr: pages saved on a Mac");
    let source = repo.read("content/en/café.md");
    repo.write(
        "content/en/café.md",
        format!("{source}\n## Hours\n\nEvery day but Monday.\n"),
    );
    repo.commit("en: opening hours");
    repo
}

#[test]
fn french_names_saved_in_nfd_pair_with_their_nfc_source() {
    let repo = site_with_french_names_in_nfd();
    let json = repo.status_json(&[]);
    let cafe = page(&json, &format!("content/fr/caf{E_NFD}.md"));
    assert_eq!(cafe["source"], "content/en/café.md", "{json:#}");
    assert_eq!(cafe["state"], "stale", "{json:#}");
    assert_eq!(cafe["paired_by"], "path", "{json:#}");
    let dark = page(&json, &format!("content/fr/th{E_NFD}mes/sombre.md"));
    assert_eq!(dark["source"], "content/en/thémes/sombre.md", "{json:#}");
    assert_eq!(dark["state"], "current", "{json:#}");
    let summary = &json["summary"]["fr"];
    assert_eq!(summary["missing"], 0, "{json:#}");
    assert_eq!(summary["orphaned"], 0, "{json:#}");
    // One section for the folder, however each side spells its name.
    let sections: Vec<&String> = summary["sections"].as_object().unwrap().keys().collect();
    assert_eq!(sections, ["/", "thémes"], "{json:#}");
}

#[test]
fn scaffold_of_a_source_whose_translation_is_named_in_nfd_writes_no_second_file() {
    let repo = site_with_french_names_in_nfd();
    let before = crate::support::snapshot(repo.path());
    repo.tandem()
        .args(["scaffold", "content/en/café.md", "--lang", "fr"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists"));
    assert_eq!(crate::support::snapshot(repo.path()), before);
}
