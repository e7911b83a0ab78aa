//! The interactive flows, driven through a real pseudo-terminal: `sync` without pages offers the stale ones, `init`
//! confirms what it detected and asks how the site publishes (French answers `o`/`oui` work); with `CI` set nothing
//! is asked even on a terminal.

use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};

use crate::support::{RepoBuilder, md};

const ENTER: &str = "\r";
const SPACE: &str = " ";
const DOWN: &str = "\x1b[B";

/// tandem in a pseudo-terminal, in `dir`, with a clean environment.
pub(crate) fn spawn(dir: &std::path::Path, args: &[&str], extra_env: &[(&str, &str)]) -> Session {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin!("tandem"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("CI")
        .env_remove("TANDEM_UI_LANG")
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        // The width tandem falls back on when it asks the terminal before the size below is set (a loaded machine).
        .env("COLUMNS", "250");
    for (key, value) in extra_env {
        command.env(key, value);
    }
    let mut session = Session::spawn(command).expect("spawn in a pty");
    // Wide enough that a long question is not wrapped in the middle of the words a test waits for.
    session
        .get_process_mut()
        .set_window_size(250, 50)
        .expect("window size");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// Waits for the end and returns everything printed since the last match, and the exit code.
pub(crate) fn finish(mut session: Session) -> (String, i32) {
    let captured = session.expect(Eof).expect("the program ends");
    let text = String::from_utf8_lossy(captured.as_bytes()).into_owned();
    let status = session.get_process().wait().expect("exit status");
    let code = match status {
        WaitStatus::Exited(_, code) => code,
        other => panic!("{other:?}"),
    };
    (text, code)
}

fn stale_site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    let c1 = repo.commit("en");
    let pin = format!("default_lang_commit: {c1}\n");
    repo.write("content/fr/a.md", md("A", &pin, "Alpha."))
        .write("content/fr/b.md", md("B", &pin, "Bêta."));
    repo.commit("fr");
    repo.write("content/en/a.md", md("A", "", "Alpha 2."))
        .write("content/en/b.md", md("B", "", "Beta 2."));
    repo.commit("en changed");
    repo
}

#[test]
fn sync_offers_the_stale_pages() {
    let repo = stale_site();
    let mut session = spawn(repo.path(), &["sync"], &[]);
    session
        .expect("Which translations are up to date now?")
        .unwrap();
    session.expect("content/fr/b.md").unwrap();
    // Pick the second page only.
    session.send(DOWN).unwrap();
    session.send(SPACE).unwrap();
    session.send(ENTER).unwrap();
    let (text, code) = finish(session);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("content/fr/b.md: default_lang_commit "),
        "{text}"
    );
    let json = repo.status_json(&[]);
    assert_eq!(
        crate::support::page(&json, "content/fr/b.md")["state"],
        "current"
    );
    assert_eq!(
        crate::support::page(&json, "content/fr/a.md")["state"],
        "stale"
    );
}

#[test]
fn the_sync_picker_offered_stale_pages_without_what_changed() {
    let repo = stale_site();
    let mut session = spawn(repo.path(), &["sync"], &[]);
    session
        .expect("Which translations are up to date now?")
        .unwrap();
    // (What fits in 80 columns, whatever width the terminal had when tandem asked.)
    session
        .expect("content/fr/a.md   1 commit behind · changed sections: (before the")
        .unwrap();
    session.send(ENTER).unwrap();
    let (text, code) = finish(session);
    assert_eq!(code, 0, "{text}");
}

#[test]
fn sync_picker_with_nothing_picked_writes_nothing() {
    let repo = stale_site();
    let before = crate::support::snapshot(repo.path());
    let mut session = spawn(repo.path(), &["--ui-lang", "fr", "sync"], &[]);
    session
        .expect("Quelles traductions sont maintenant à jour ?")
        .unwrap();
    session.send(ENTER).unwrap();
    let (text, code) = finish(session);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Aucune page choisie"), "{text}");
    assert_eq!(crate::support::snapshot(repo.path()), before);
}

#[test]
fn no_question_when_ci_is_set() {
    let repo = stale_site();
    let session = spawn(repo.path(), &["sync"], &[("CI", "true")]);
    let (text, code) = finish(session);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("sync needs pages or folders"), "{text}");
}

fn two_language_site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/fr/a.md", md("A", "", "Alpha."))
        .write("content/de/a.md", md("A", "", "Alpha."));
    repo.commit("site");
    repo
}

#[test]
fn init_in_french_accepts_oui() {
    let repo = two_language_site();
    let mut session = spawn(repo.path(), &["--ui-lang", "fr", "init"], &[]);
    session
        .expect("Langue source en, traductions de, fr : est-ce exact ?")
        .unwrap();
    session.expect("O/n").unwrap();
    session.send_line("oui").unwrap();
    session
        .expect("Comment le site publie-t-il ses traductions ?")
        .unwrap();
    // The first choice: published together.
    session.send("\x1b[A").unwrap();
    session.send(ENTER).unwrap();
    let (text, code) = finish(session);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("tandem.yaml écrit"), "{text}");
    let file =
        tandem::site::config::FileConfig::parse(&repo.read("tandem.yaml"), "tandem.yaml").unwrap();
    assert_eq!(file.languages, Some(vec!["de".to_owned(), "fr".to_owned()]));
    assert_eq!(file.check.unwrap().fail_on.unwrap().len(), 11);
}

#[test]
fn init_answering_no_picks_the_languages() {
    let repo = two_language_site();
    let mut session = spawn(repo.path(), &["init", "--publish", "later"], &[]);
    session.expect("is that right?").unwrap();
    session.send_line("n").unwrap();
    session
        .expect("Which language are the pages written in first?")
        .unwrap();
    session.send(ENTER).unwrap(); // en, the detected source
    session
        .expect("Which translations should tandem follow?")
        .unwrap();
    // Both start picked; unpick the first (de).
    session.send(SPACE).unwrap();
    session.send(ENTER).unwrap();
    let (text, code) = finish(session);
    assert_eq!(code, 0, "{text}");
    let file =
        tandem::site::config::FileConfig::parse(&repo.read("tandem.yaml"), "tandem.yaml").unwrap();
    assert_eq!(file.source.as_deref(), Some("en"));
    assert_eq!(file.languages, Some(vec!["fr".to_owned()]));
    assert_eq!(file.check.unwrap().fail_on.unwrap(), ["invalid-pin"]);
}

#[test]
fn a_french_confirm_rejects_other_answers_then_accepts_o() {
    let repo = two_language_site();
    let mut session = spawn(
        repo.path(),
        &["--ui-lang", "fr", "init", "--publish", "later"],
        &[],
    );
    session.expect("est-ce exact ?").unwrap();
    session.send_line("peut-être").unwrap();
    session.expect("répondez o (oui) ou n (non)").unwrap();
    // Clear the wrong answer (inquire keeps the input), then answer `o`.
    for _ in 0.."peut-être".chars().count() {
        session.send("\x7f").unwrap();
    }
    session.send_line("o").unwrap();
    let (text, code) = finish(session);
    assert_eq!(code, 0, "{text}");
    assert!(repo.path().join("tandem.yaml").is_file());
}
