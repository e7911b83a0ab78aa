//! Shapes real repositories have that a tidy test site does not: file names saved on macOS, odd line endings,
//! encodings. Each test builds the repository the way the people who hit the problem had it.

use crate::support::{RepoBuilder, md, page};

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

/// Ends every line of `text` with a carriage return alone, as classic Mac OS saved files.
fn classic_mac(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r")
}

#[test]
fn source_resaved_with_classic_mac_line_endings_is_cosmetic() {
    let mut repo = RepoBuilder::from_fixture("classic-mac-line-endings");
    let source = repo.read("content/en/labels.md");
    repo.write("content/en/labels.md", classic_mac(&source));
    repo.commit("en: saved by an old editor");
    let json = repo.status_json(&[]);
    let labels = page(&json, "content/fr/labels.md");
    assert_eq!(labels["state"], "current", "{json:#}");
    assert_eq!(labels["reason"], "cosmetic-only", "{json:#}");
}

#[test]
fn pin_in_a_translation_with_classic_mac_line_endings_is_read() {
    let mut repo = RepoBuilder::from_fixture("classic-mac-line-endings");
    let pinned = repo.head();
    let source = repo.read("content/en/labels.md");
    repo.write(
        "content/en/labels.md",
        format!("{source}\n## Cleaning\n\nWipe the print head once a month.\n"),
    );
    repo.commit("en: cleaning");
    let translation = repo.read("content/fr/labels.md");
    repo.write(
        "content/fr/labels.md",
        translation.replacen("---\r", &format!("---\rdefault_lang_commit: {pinned}\r"), 1),
    );
    repo.commit("fr: pinned");
    let json = repo.status_json(&[]);
    let labels = page(&json, "content/fr/labels.md");
    assert_eq!(labels["sync"]["method"], "pin", "{json:#}");
    assert_eq!(labels["sync"]["commit"], pinned.as_str(), "{json:#}");
    assert_eq!(labels["state"], "stale", "{json:#}");
}

#[test]
fn sync_refuses_a_translation_with_classic_mac_line_endings_and_writes_nothing() {
    let mut repo = RepoBuilder::from_fixture("classic-mac-line-endings");
    let source = repo.read("content/en/labels.md");
    repo.write(
        "content/en/labels.md",
        format!("{source}\nAlso on Sundays.\n"),
    );
    repo.commit("en: more");
    let before = crate::support::snapshot(repo.path());
    for lang in ["en", "fr"] {
        let output = repo
            .tandem()
            .args(["--ui-lang", lang, "sync", "content/fr/labels.md"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("content/fr/labels.md:1"), "{stderr}");
        assert!(stderr.contains("dos2unix -c mac"), "{stderr}");
    }
    assert_eq!(crate::support::snapshot(repo.path()), before);
}

#[test]
fn source_resaved_with_accents_in_nfd_is_cosmetic() {
    let mut repo = RepoBuilder::from_fixture("hugo-accented-names");
    let source = repo.read("content/en/café.md");
    let decomposed = source.replace('é', E_NFD);
    assert_ne!(source, decomposed, "the page has accents to decompose");
    repo.write("content/en/café.md", decomposed);
    repo.commit("en: saved by a macOS editor");
    let json = repo.status_json(&[]);
    let cafe = page(&json, "content/fr/café.md");
    assert_eq!(cafe["state"], "current", "{json:#}");
    assert_eq!(cafe["reason"], "cosmetic-only", "{json:#}");
}

#[test]
fn sync_of_a_latin1_or_utf16_translation_names_the_conversion_and_writes_nothing() {
    let mut repo = RepoBuilder::from_fixture("legacy-encodings");
    for page in ["hours", "delivery"] {
        let source = repo.read(&format!("content/en/{page}.md"));
        repo.write(
            &format!("content/en/{page}.md"),
            format!("{source}\nMore.\n"),
        );
    }
    repo.commit("en: more");
    let before = crate::support::snapshot(repo.path());
    let cases = [
        (
            "en",
            "hours",
            "content/fr/hours.md:5: the file is not UTF-8 text",
            "iconv -f LATIN1 -t UTF-8",
        ),
        (
            "fr",
            "hours",
            "content/fr/hours.md:5 : le fichier n’est pas du texte UTF-8",
            "iconv -f LATIN1 -t UTF-8",
        ),
        (
            "en",
            "delivery",
            "content/fr/delivery.md: the file is UTF-16 text",
            "iconv -f UTF-16 -t UTF-8",
        ),
        (
            "fr",
            "delivery",
            "content/fr/delivery.md : le fichier est du texte UTF-16",
            "iconv -f UTF-16 -t UTF-8",
        ),
    ];
    for (lang, page, said, fix) in cases {
        let output = repo
            .tandem()
            .args(["--ui-lang", lang, "sync", &format!("content/fr/{page}.md")])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
        assert!(stderr.contains(fix), "{stderr}");
    }
    assert_eq!(crate::support::snapshot(repo.path()), before);
}

/// A translation holding a NUL byte in otherwise valid UTF-8 was "binary, not a page" to `status` (an `unknown` page)
/// and `sync` wrote a pin into it all the same: the two read a page by different rules. `sync` and `scaffold` refuse
/// it as `status` reads it.
#[test]
fn sync_edited_a_page_status_called_binary() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", b"---\ntitle: A\n---\n\nAlpha\0 (fr).\n");
    repo.commit("pages");
    let status = repo.status_json(&[]);
    assert_eq!(status["pages"][0]["state"], "unknown", "{status:#}");
    let before = crate::support::snapshot(repo.path());
    let output = repo
        .tandem()
        .args(["sync", "content/fr/a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/fr/a.md: the file is binary, not a page; nothing was written"),
        "{stderr}"
    );
    assert_eq!(crate::support::snapshot(repo.path()), before);
}

#[test]
fn utf16_translation_is_called_utf16_with_its_conversion_not_binary() {
    let repo = RepoBuilder::from_fixture("legacy-encodings");
    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        page(&json, "content/fr/delivery.md")["reason"],
        "unreadable"
    );
    assert_eq!(page(&json, "content/fr/hours.md")["reason"], "unreadable");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/fr/delivery.md: the file is UTF-16 text, not UTF-8: convert it with iconv -f UTF-16 -t UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/fr/hours.md:5: the file is not valid UTF-8: convert it (a Latin-1 page: iconv -f LATIN1 -t UTF-8)"),
        "{stderr}"
    );
}

#[test]
fn commands_printed_for_a_page_name_with_spaces_are_quoted_for_the_shell() {
    let mut repo = RepoBuilder::from_fixture("names-with-spaces");
    let source = repo.read("content/en/getting started.md");
    repo.write(
        "content/en/getting started.md",
        format!("{source}\nThen run the first command.\n"),
    );
    repo.git(&["mv", "content/en/q&a #1.md", "content/en/q&a #2.md"]);
    repo.commit("en: more, and a page renamed");

    let status = repo.stdout(&["status", "--all"]);
    assert!(
        status.contains("Next: tandem diff 'content/fr/getting started.md'"),
        "{status}"
    );
    assert!(
        status.contains("git mv 'content/fr/q&a #1.md' 'content/fr/q&a #2.md'"),
        "{status}"
    );
    let pair = repo.stdout(&["pair"]);
    assert!(
        pair.contains("git mv 'content/fr/q&a #1.md' 'content/fr/q&a #2.md'"),
        "{pair}"
    );
    let check = repo.stdout(&["check"]);
    assert!(
        check.contains("tandem diff 'content/fr/getting started.md'\n"),
        "{check}"
    );
    let tasks = repo.stdout(&["tasks"]);
    assert!(
        tasks.contains("`tandem sync 'content/fr/getting started.md'`"),
        "{tasks}"
    );
    assert!(
        tasks.contains("`tandem diff 'content/fr/getting started.md'"),
        "{tasks}"
    );

    // A pull request adding a page: its annotation's command too.
    repo.git(&["checkout", "-q", "-b", "new-page"]);
    repo.write(
        "content/en/new page.md",
        "---\ntitle: \"New\"\n---\n\nText.\n",
    );
    repo.commit("en: a new page");
    let annotations = repo.stdout(&["check", "--base", "main", "--format", "github"]);
    assert!(
        annotations.contains("tandem scaffold 'content/en/new page.md' --lang fr"),
        "{annotations}"
    );
}

#[test]
fn compare_names_the_file_that_is_not_text_and_its_conversion() {
    let repo = RepoBuilder::from_fixture("legacy-encodings");
    let output = repo
        .tandem()
        .args(["compare", "content/en/hours.md", "content/fr/hours.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("unknown"), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "warning: content/fr/hours.md:5: the file is not valid UTF-8: convert it (a Latin-1 page: iconv -f LATIN1 -t UTF-8)\n"
    );

    // Two files outside any repository: the same warning, in French too.
    let loose = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo.path().join("content/en/delivery.md"),
        loose.path().join("en.md"),
    )
    .unwrap();
    std::fs::copy(
        repo.path().join("content/fr/delivery.md"),
        loose.path().join("fr.md"),
    )
    .unwrap();
    let output = crate::support::tandem_in(loose.path())
        .args(["--ui-lang", "fr", "compare", "en.md", "fr.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("fr.md : le fichier est du texte UTF-16, pas de l’UTF-8 : convertissez-le avec iconv -f UTF-16 -t UTF-8"),
        "{stderr}"
    );
    // Broken front matter, outside a repository, is named with its line as well.
    std::fs::write(
        loose.path().join("fr.md"),
        "---\ntitle: Livraison\ntitle: Envoi\n---\n\nTexte.\n",
    )
    .unwrap();
    let output = crate::support::tandem_in(loose.path())
        .args(["compare", "en.md", "fr.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("fr.md:3: broken front matter: the key title is written twice"),
        "{stderr}"
    );
}

/// A translation that is itself a symbolic link (a page shared by two languages) was told to become "a real folder".
#[cfg(unix)]
#[test]
fn scaffold_onto_a_translation_that_is_a_link_names_the_page_not_a_folder() {
    let mut repo = RepoBuilder::from_fixture("hugo-accented-names");
    std::os::unix::fs::symlink("café.md", repo.path().join("content/fr/shared.md")).unwrap();
    repo.write("content/en/shared.md", "---\ntitle: Shared\n---\n\nText.\n");
    repo.commit("a page shared through a link");
    repo.tandem()
        .args(["scaffold", "content/en/shared.md", "--lang", "fr"])
        .assert()
        .code(2)
        .stderr(
            "error: content/fr/shared.md is a symbolic link: tandem writes no page through a link, which may lead \
             outside the repository — pages are regular files inside the repository; remove the link, or replace \
             it with a copy of the file it points to\n",
        );
}

#[test]
fn a_path_typed_in_nfc_selects_the_page_a_mac_named_in_nfd() {
    let repo = site_with_french_names_in_nfd();
    let json = repo.status_json(&["content/fr/café.md"]);
    let pages = json["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 1, "{json:#}");
    assert_eq!(pages[0]["translation"], format!("content/fr/caf{E_NFD}.md"));
    let json = repo.status_json(&["content/fr/thémes"]);
    assert_eq!(json["pages"].as_array().unwrap().len(), 1, "{json:#}");
    // `diff` alike: it said the page typed in NFC was "not a page of the site".
    repo.tandem()
        .args(["diff", "content/fr/café.md"])
        .assert()
        .success();

    repo.tandem()
        .args(["sync", "content/fr/café.md"])
        .assert()
        .success();
    // The page on disk got the pin; no second file was made under the typed name.
    assert!(
        repo.read(&format!("content/fr/caf{E_NFD}.md"))
            .contains("default_lang_commit: ")
    );
    assert!(!repo.path().join("content/fr/café.md").exists());
}

/// `guide.MD` (a Windows tool's habit) was silently left out: no page, no warning, the report a page short.
#[test]
fn a_page_whose_extension_is_upper_case_is_named_in_a_warning() {
    let mut repo = RepoBuilder::from_fixture("hugo-accented-names");
    repo.write("content/en/guide.MD", "---\ntitle: Guide\n---\n\nText.\n")
        .write("content/fr/guide.MD", "---\ntitle: Guide\n---\n\nTexte.\n")
        .write("content/en/photo.JPG", "not a page");
    repo.commit("pages saved with an upper-case extension");
    for (lang, said) in [
        (
            "en",
            "warning: content/en/guide.MD: named like a page, but its extension is not in lower case: not read as a \
             page; if it is one, rename it: git mv content/en/guide.MD content/en/guide.md\n",
        ),
        (
            "fr",
            "attention : content/fr/guide.MD : nommé comme une page, mais son extension n’est pas en minuscules : pas \
             lu comme une page ; si c’en est une, renommez-le : git mv content/fr/guide.MD content/fr/guide.md\n",
        ),
    ] {
        let output = repo
            .tandem()
            .args(["--ui-lang", lang, "status"])
            .output()
            .unwrap();
        assert!(output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(said), "{stderr}");
        assert_eq!(
            stderr.lines().count(),
            2,
            "one line per file, none for the photo: {stderr}"
        );
    }
}

/// UTF-16 text as a Windows tool saves it: little-endian, with its byte-order mark.
fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn a_source_saved_as_utf16_or_latin1_says_which_and_how_to_convert_it() {
    let mut repo = RepoBuilder::from_fixture("hugo-accented-names");
    let dark = repo.read("content/en/thémes/sombre.md");
    repo.write("content/en/thémes/sombre.md", utf16(&dark));
    let cafe = repo.read("content/en/café.md");
    let latin1: Vec<u8> = cafe
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text"))
        .collect();
    repo.write("content/en/café.md", latin1);
    repo.commit("en: saved by a Windows tool");
    let output = repo.tandem().args(["status"]).output().unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "warning: content/en/thémes/sombre.md: the file is UTF-16 text, not UTF-8: convert it with iconv -f \
             UTF-16 -t UTF-8\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: content/en/café.md:2: the file is not valid UTF-8: convert it (a Latin-1 page: iconv -f \
             LATIN1 -t UTF-8)\n"
        ),
        "{stderr}"
    );
}

#[test]
fn a_zero_width_space_added_to_a_source_line_showed_two_lines_that_looked_the_same() {
    let mut repo = RepoBuilder::from_fixture("hugo-accented-names");
    let source = repo.read("content/en/café.md");
    assert!(source.contains("title: \"Café\"") && source.contains("The café opens"));
    // A line-break hint after "The", and a soft hyphen in the title: neither takes room on screen.
    let hinted = source
        .replace("The café opens", "The\u{200B} café opens")
        .replace("title: \"Café\"", "title: \"Ca\u{AD}fé\"");
    repo.write("content/en/café.md", hinted);
    repo.commit("en: line-break hints");
    let diff = repo.stdout(&["diff", "content/fr/café.md"]);
    assert!(
        diff.contains("- The café opens") && diff.contains("+ The⟨U+200B⟩ café opens"),
        "the added character is shown:\n{diff}"
    );
    assert!(
        diff.contains("title: Café → Ca⟨U+00AD⟩fé"),
        "the key's value too:\n{diff}"
    );
    assert!(!diff.contains(['\u{200B}', '\u{AD}']), "{diff}");
}

/// A work tree checked out with CRLF line ends (`.gitattributes` `* text eol=crlf`, or `core.autocrlf` on Windows),
/// clean to `git status`: `--strict` called each source "changed, not committed", and the default mode reached
/// "current" by calling the line ends a cosmetic change. A CRLF checkout of the committed blob is that blob.
#[test]
fn a_crlf_checkout_was_an_uncommitted_source_change() {
    let mut repo = RepoBuilder::new();
    repo.write(".gitattributes", "*.md text eol=crlf\n")
        .write(
            "content/en/a.md",
            md("A", "", "Alpha.\n\n## Install\n\nRun it."),
        )
        .write(
            "content/fr/a.md",
            md("A", "", "Alpha (fr).\n\n## Installer\n\nLancez-le."),
        );
    repo.commit("pages");
    // Checked out again, as a clone gets it.
    for file in ["content/en/a.md", "content/fr/a.md"] {
        std::fs::remove_file(repo.path().join(file)).unwrap();
    }
    repo.git(&["checkout", "--", "."]);
    assert!(repo.read("content/en/a.md").contains("\r\n"));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    for args in [&["--strict"][..], &[]] {
        let json = repo.status_json(args);
        let page = &json["pages"][0];
        assert_eq!(page["state"], "current", "{args:?}: {page:#}");
        assert_eq!(page["reason"], "source-unchanged", "{args:?}: {page:#}");
    }
}

/// A source that is a Git LFS pointer (the repository cloned without `git lfs pull`) was read as the page: its
/// translation was stale for the pointer's numbers (`size 12345` missing from it), `sync --stale` pinned it, and a
/// changed pointer's "sections" were listed. A pointer is no page: its translation is `unknown`, reason `lfs-pointer`,
/// with a warning naming the source, when the source changed; unchanged, the pointer's bytes are the page's.
#[test]
fn a_source_that_was_an_lfs_pointer_was_read_as_the_page() {
    let pointer = |oid: char, size: u32| {
        format!(
            "version https://git-lfs.github.com/spec/v1\noid sha256:{}\nsize {size}\n",
            oid.to_string().repeat(64)
        )
    };
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", pointer('a', 12345))
        .write("content/en/b.md", pointer('b', 99))
        .write("content/fr/a.md", md("A", "", "Alpha (fr)."))
        .write("content/fr/b.md", md("B", "", "Bêta (fr)."));
    repo.commit("pages");
    repo.write("content/en/a.md", pointer('c', 12399));
    repo.commit("a changed");
    let output = repo
        .tandem()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let page = |path: &str| {
        json["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["translation"] == path)
            .cloned()
            .unwrap()
    };
    let a = page("content/fr/a.md");
    assert_eq!(
        (&a["state"], &a["reason"]),
        (&"unknown".into(), &"lfs-pointer".into()),
        "{a:#}"
    );
    let b = page("content/fr/b.md");
    assert_eq!(b["state"], "current", "{b:#}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "warning: content/en/a.md: a Git LFS pointer, not the page: run git lfs pull"
        ),
        "{stderr}"
    );
}

/// A merge left unresolved in a translation's front matter was blamed on YAML: "a value holds “: ”, which YAML reads
/// as a new key: put the value in quotes", advice that would not resolve it. The warning names the conflict, on the
/// marker's line.
#[test]
fn conflict_markers_in_the_front_matter_were_a_colon_to_quote() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write(
            "content/fr/a.md",
            "---\n<<<<<<< HEAD\ntitle: A\n=======\ntitle: Alpha\n>>>>>>> fr-update\n---\n\nAlpha (fr).\n",
        );
    repo.commit("pages");
    let output = repo.tandem().args(["status"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "warning: content/fr/a.md:2: broken front matter: merge-conflict markers (<<<<<<<, =======, >>>>>>>) in \
             the front matter: resolve the conflict"
        ),
        "{stderr}"
    );
}
