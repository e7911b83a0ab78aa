//! The page cache (`.git/tandem/pages.cache`): a page whose size, times and inode are those remembered is not read
//! again for its keys and its pin; any edit is seen, even one that keeps the size and sets the modification time
//! back.

use std::time::Duration;

use crate::support::{RepoBuilder, md, page};

/// Files are remembered once their times are a few seconds old (a file rewritten within the clock's resolution of
/// its reading could keep its times).
const SETTLED: Duration = Duration::from_secs(4);

/// Rewrites `path` with `text` (the same length) and puts its modification time back.
fn rewrite_keeping_size_and_time(repo: &RepoBuilder, path: &str, text: String) {
    let file = repo.path().join(path);
    let before = std::fs::metadata(&file).unwrap();
    assert_eq!(before.len(), text.len() as u64, "the same size");
    std::fs::write(&file, text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(before.modified().unwrap())
        .unwrap();
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        before.modified().unwrap()
    );
}

#[test]
fn an_edit_that_keeps_size_and_modification_time_is_still_seen() {
    let mut repo = RepoBuilder::new();
    repo.write(
        "content/en/blog/summer-meetups.md",
        md(
            "Summer meetups",
            "translationKey: meetups\n",
            "Talks, then cake.",
        ),
    );
    let c1 = repo.commit("en: post");
    repo.write(
        "content/fr/blog/rencontres-ete.md",
        md(
            "Rencontres d’été",
            &format!("translationKey: meetups\ndefault_lang_commit: {c1}\n"),
            "Des exposés, puis du gâteau.",
        ),
    );
    repo.commit("fr: post");
    std::thread::sleep(SETTLED);
    let first = repo.status_json(&[]);
    let post = page(&first, "content/fr/blog/rencontres-ete.md");
    assert_eq!(post["paired_by"], "key", "{first:#}");
    assert_eq!(post["sync"]["method"], "pin", "{first:#}");
    assert_eq!(post["sync"]["commit"], c1.as_str(), "{first:#}");
    let cache = std::fs::read(repo.path().join(".git/tandem/pages.cache")).unwrap();
    assert!(
        cache
            .windows(b"rencontres-ete.md".len())
            .any(|w| w == b"rencontres-ete.md"),
        "the settled pages are remembered"
    );
    // Keys and pin answered from the cache: the same report.
    assert_eq!(repo.status_json(&[]), first, "answered from the cache");
    assert_eq!(
        repo.status_json(&["--mode", "history"])["pages"][0]["sync"]["method"],
        "history"
    );
    assert_eq!(repo.status_json(&[]), first, "the pin is still remembered");

    // Another key, same size, same modification time: the change time gives it away.
    let edited = repo
        .read("content/fr/blog/rencontres-ete.md")
        .replace("translationKey: meetups", "translationKey: meetupz");
    rewrite_keeping_size_and_time(&repo, "content/fr/blog/rencontres-ete.md", edited);
    let json = repo.status_json(&[]);
    assert_eq!(
        page(&json, "content/fr/blog/rencontres-ete.md")["state"],
        "orphaned",
        "{json:#}"
    );
}
