//! `status --format html`: one self-contained page with the JSON report embedded, forge links from `origin`, French
//! labels, the size on a big site, and what headless Chromium renders (the numbers on the page equal the report).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{RepoBuilder, md, tandem_in};

/// The embedded report: the text of `<script type="application/json" id="tandem-report">`.
fn embedded_report(html: &str) -> serde_json::Value {
    let open = "<script type=\"application/json\" id=\"tandem-report\">";
    let start = html.find(open).expect("embedded report") + open.len();
    let end = start + html[start..].find("</script>").expect("closed");
    serde_json::from_str(&html[start..end]).expect("the embedded report is JSON")
}

/// A relative link resolved against a base URL ending in `/` (what a browser does with `<base href>`).
fn resolve(base: &str, href: &str) -> String {
    let mut url = base.trim_end_matches('/').to_owned();
    let mut rest = href;
    while let Some(up) = rest.strip_prefix("../") {
        url.truncate(url.rfind('/').unwrap());
        rest = up;
    }
    format!("{url}/{rest}")
}

/// The dashboard wrote every percentage as French does, `(50\u{a0}%)`, in English too, where the text report writes
/// `(50%)`; and a row of no page showed `(100 %)` where the text report shows `0/0`.
#[test]
fn the_dashboard_wrote_percentages_the_french_way_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    let percentages = |html: &str| -> Vec<String> {
        html.split("<span class=\"pct\">")
            .skip(1)
            .map(|rest| rest.split('<').next().unwrap().to_owned())
            .collect()
    };
    let english = percentages(&html_of(&site, &[]));
    assert!(!english.is_empty());
    for pct in &english {
        assert!(
            pct.starts_with('(') && pct.ends_with("%)") && !pct.contains('\u{a0}'),
            "{english:?}"
        );
    }
    let french = percentages(&html_of(&site, &["--ui-lang", "fr"]));
    assert_eq!(french.len(), english.len());
    for pct in &french {
        assert!(pct.ends_with("\u{a0}%)"), "{french:?}");
    }
}

fn demo_site(dir: &Path) -> PathBuf {
    let site = dir.join("site");
    tandem_in(dir).args(["demo", "site"]).assert().success();
    site
}

fn html_of(site: &Path, extra: &[&str]) -> String {
    let output = tandem_in(site)
        .args(["status", "--format", "html"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn json_of(site: &Path) -> serde_json::Value {
    let output = tandem_in(site)
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_page_is_self_contained_and_embeds_the_json_report() {
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    let html = html_of(&site, &[]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(embedded_report(&html), json_of(&site));
    // Nothing is fetched: no external script, style sheet, image or font, and no link at all without a forge.
    for needle in ["<link", " src=", "@import", "url(", "http://", "https://"] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    assert!(html.contains("<style>") && html.contains("prefers-color-scheme: dark"));
    // Accessible tables: header cells with scopes, captions, a labelled filter form.
    assert!(html.contains("<th scope=\"col\"") && html.contains("<th scope=\"row\""));
    assert!(html.contains("<caption>") && html.contains("<label>Language <select id=\"f-lang\">"));
    // Stale pages with what changed.
    assert!(html.contains("“<bdi lang=\"en\">Install with a package manager</bdi>” (added)"));

    // --out writes the same page into a file, nothing on stdout.
    let output = tandem_in(&site)
        .args(["status", "--format", "html", "--out", "../report.html"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("report.html")).unwrap(),
        html
    );
}

#[test]
fn french_labels_and_lang_attribute() {
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    let html = html_of(&site, &["--ui-lang", "fr"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    for label in [
        "<title>État des traductions</title>",
        "Couverture par langue",
        "Pages obsolètes, les plus en retard d’abord",
        "Pages manquantes",
        "fr : 2 pages manquantes",
    ] {
        assert!(html.contains(label), "{label} not in the French page");
    }
    assert!(!html.contains("Coverage by language"));
    // The bar's label counts in French: "0 orpheline", "1 manquante" ("1 manquantes" before).
    assert!(
        !html.contains(" 1 manquantes")
            && !html.contains(" 1 orphelines")
            && !html.contains(" 0 obsolètes"),
        "{html}"
    );
}

#[test]
fn forge_links_come_from_origin_without_credentials() {
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    let git = |args: &[&str]| {
        assert!(
            Command::new("git")
                .args(args)
                .current_dir(&site)
                .status()
                .unwrap()
                .success()
        );
    };
    git(&[
        "remote",
        "add",
        "origin",
        "https://x-access-token:s3cr3t@github.com/example/docs.git",
    ]);
    let json = json_of(&site);
    assert_eq!(
        json["forge"],
        serde_json::json!({"kind": "github", "web_url": "https://github.com/example/docs"})
    );
    let head = json["head"].as_str().unwrap();
    let html = html_of(&site, &[]);
    assert!(!html.contains("s3cr3t") && !html.contains("x-access-token"));
    let page = crate::support::page(&json, "content/fr/docs/install.md");
    let sync = page["sync"]["commit"].as_str().unwrap();
    // Links are relative to the tree at HEAD (`<base>`): each resolves to the forge's page.
    let base = format!("https://github.com/example/docs/blob/{head}/");
    assert!(html.contains(&format!("<base href=\"{base}\">")));
    for (href, url) in [
        (
            "content/en/docs/install.md".to_owned(),
            format!("{base}content/en/docs/install.md"),
        ),
        (
            "content/fr/docs/install.md".to_owned(),
            format!("{base}content/fr/docs/install.md"),
        ),
        (
            format!("../../compare/{sync}...{head}"),
            format!("https://github.com/example/docs/compare/{sync}...{head}"),
        ),
    ] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
        assert_eq!(resolve(&base, &href), url);
    }

    git(&[
        "remote",
        "set-url",
        "origin",
        "git@gitlab.com:group/sub/docs.git",
    ]);
    let html = html_of(&site, &[]);
    let base = format!("https://gitlab.com/group/sub/docs/-/blob/{head}/");
    assert!(html.contains(&format!("<base href=\"{base}\">")));
    let href = format!("../../../-/compare/{sync}...{head}");
    assert!(html.contains(&format!("href=\"{href}\"")));
    assert_eq!(
        resolve(&base, &href),
        format!("https://gitlab.com/group/sub/docs/-/compare/{sync}...{head}")
    );
    git(&[
        "remote",
        "set-url",
        "origin",
        "https://codeberg.org/team/docs",
    ]);
    assert_eq!(json_of(&site)["forge"]["kind"], "gitea");
    let html = html_of(&site, &[]);
    assert!(html.contains(&format!(
        "<base href=\"https://codeberg.org/team/docs/src/commit/{head}/\">"
    )));
    assert!(html.contains(&format!("href=\"../../../compare/{sync}...{head}\"")));
    // A host tandem does not know: no forge, no links.
    git(&[
        "remote",
        "set-url",
        "origin",
        "https://git.example.org/docs.git",
    ]);
    assert!(json_of(&site)["forge"].is_null());
    assert!(!html_of(&site, &[]).contains("href=\"https://"));
}

/// `pages` source pages in 20 folders, each translated into every language (a tenth left missing), then one source
/// in twenty changed (a new section): a site that is kept up, with a forge for the links.
fn generated_site(languages: &[&str], pages: usize) -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    let path = |lang: &str, n: usize| {
        format!(
            "content/{lang}/docs/section-{:02}/page-with-a-longer-name-{n:04}.md",
            n % 20
        )
    };
    let body = |n: usize, extra: &str| {
        format!(
            "## Overview\n\nPage {n} explains one thing.\n\n## Details\n\nMore about it.{extra}\n"
        )
    };
    for n in 0..pages {
        repo.write(&path("en", n), md(&format!("Page {n}"), "", &body(n, "")));
    }
    let first = repo.commit("sources");
    let pin = format!("default_lang_commit: {first}\n");
    for lang in languages {
        for n in (0..pages).filter(|n| n % 10 != 9) {
            repo.write(
                &path(lang, n),
                md(&format!("Page {n} ({lang})"), &pin, &body(n, "")),
            );
        }
    }
    repo.commit("translations");
    for n in (0..pages).filter(|n| n % 20 == 0) {
        repo.write(
            &path("en", n),
            md(
                &format!("Page {n}"),
                "",
                &body(n, "\n\n## New\n\nA new section."),
            ),
        );
    }
    repo.commit("sources changed");
    repo.git(&[
        "remote",
        "add",
        "origin",
        "https://github.com/example/big-site.git",
    ]);
    repo
}

#[test]
fn many_languages_put_the_stale_pages_below_a_screenful_of_section_tables() {
    let repo = generated_site(&["fr", "de", "ja"], 40);
    let html = html_of(repo.path(), &[]);
    // Each language's table of site sections is folded under a line naming the language.
    for lang in ["de", "fr", "ja"] {
        let open = format!(
            "<details class=\"sections\" data-lang=\"{lang}\"><summary>{lang}: 20 sections</summary>"
        );
        assert!(html.contains(&open), "{open} not in the page");
    }
    assert_eq!(html.matches("<details class=\"sections\"").count(), 3);
    let folded = html.find("<details class=\"sections\"").unwrap();
    assert!(folded < html.find("id=\"h-stale\"").unwrap());
    // The rows keep what the filters and tests read.
    assert!(html.contains("<tr data-lang=\"fr\" data-section=\"docs/section-00\">"));
    // One language: nothing to fold.
    let dir = tempfile::tempdir().unwrap();
    let html = html_of(&demo_site(dir.path()), &[]);
    assert!(!html.contains("<details class=\"sections\""));
    assert!(
        html.contains("<div class=\"scroll\" data-lang=\"fr\"><table class=\"sortable sections\">")
    );
}

#[test]
fn under_5_mb_for_10_languages_of_1000_pages() {
    let languages = ["de", "es", "fr", "it", "ja", "ko", "nl", "pt", "ru", "zh"];
    let repo = generated_site(&languages, 1000);
    let output = repo
        .tandem()
        .args(["status", "--format", "html"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let html = String::from_utf8(output.stdout).unwrap();
    let report = embedded_report(&html);
    assert_eq!(report["pages"].as_array().unwrap().len(), 10_000);
    assert_eq!(report["summary"]["fr"]["stale"], 50);
    assert_eq!(report["summary"]["fr"]["missing"], 100);
    eprintln!(
        "dashboard of 10 languages × 1,000 pages: {} bytes",
        html.len()
    );
    assert!(html.len() < 5_000_000, "{} bytes", html.len());
}

// ---- headless Chromium ----

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Runs headless Chromium on a file with its own profile folder; returns stdout.
fn run_chromium(browser: &Path, profile: &Path, args: &[String], page: &Path) -> String {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 DOM")
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Renders the dashboard of `site` in Chromium and checks that the numbers in the rendered DOM are the report's.
fn check_rendered(browser: &Path, site: &Path, name: &str, extra: &[&str]) {
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join(format!("{name}.html"));
    let mut args = vec!["status", "--format", "html", "--out"];
    let page_arg = page.display().to_string();
    args.push(&page_arg);
    args.extend_from_slice(extra);
    let output = tandem_in(site).args(&args).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json_out = tandem_in(site)
        .args(["status", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(json_out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&json_out.stdout).unwrap();

    let dom = run_chromium(
        browser,
        &work.path().join("profile"),
        &["--dump-dom".to_owned()],
        &page,
    );
    // The script ran: it marks the document and shows the filters.
    assert!(
        dom.contains("<html lang=\"en\" class=\"js\">"),
        "the script did not run"
    );
    assert!(dom.contains("<form id=\"filters\" class=\"filters\" role=\"search\""));
    assert!(!dom.contains("aria-label=\"Filters\" hidden"));
    // The embedded report, read back from the rendered DOM, is the JSON report.
    assert_eq!(embedded_report(&dom), json);

    // Every number cell: (language, section or "", key) → value, from rows that carry the language and section.
    let row =
        regex::Regex::new(r#"<tr data-lang="([^"]+)"(?: data-section="([^"]*)")?>(.*?)</tr>"#)
            .unwrap();
    let cell = regex::Regex::new(r#"data-count="([a-z]+)">([0-9]+)<"#).unwrap();
    let mut seen: std::collections::BTreeMap<(String, String, String), u64> = Default::default();
    for caps in row.captures_iter(&dom) {
        let lang = unescape(&caps[1]);
        let section = caps.get(2).map_or(String::new(), |s| unescape(s.as_str()));
        for count in cell.captures_iter(&caps[3]) {
            let key = (lang.clone(), section.clone(), count[1].to_owned());
            let value: u64 = count[2].parse().unwrap();
            assert!(seen.insert(key.clone(), value).is_none(), "{key:?} twice");
        }
    }
    let mut expected: std::collections::BTreeMap<(String, String, String), u64> =
        Default::default();
    let keys = [
        "total", "current", "stale", "missing", "orphaned", "unknown",
    ];
    for (lang, summary) in json["summary"].as_object().unwrap() {
        let mut put = |section: &str, counts: &serde_json::Value| {
            for key in keys {
                expected.insert(
                    (lang.clone(), section.to_owned(), key.to_owned()),
                    counts[key].as_u64().unwrap(),
                );
            }
            expected.insert(
                (lang.clone(), section.to_owned(), "translated".to_owned()),
                counts["total"].as_u64().unwrap() - counts["missing"].as_u64().unwrap(),
            );
        };
        put("", summary);
        for (section, counts) in summary["sections"].as_object().unwrap() {
            put(section, counts);
        }
    }
    assert_eq!(seen, expected, "numbers on the page differ from the report");

    // The stale rows: as many per language as the report counts, with its commits behind.
    let row = regex::Regex::new(
        r#"<tr data-lang="([^"]+)" data-state="stale"><td>[^<]*</td><td class="p">(?:<a href="[^"]*">)?([^<]*)(?:</a>)?</td><td class="num"(?: data-behind="([0-9]+)")?"#,
    )
    .unwrap();
    let mut rows: Vec<(String, String, Option<u64>)> = row
        .captures_iter(&dom)
        .map(|c| {
            (
                unescape(&c[1]),
                unescape(&c[2]),
                c.get(3).map(|n| n.as_str().parse().unwrap()),
            )
        })
        .collect();
    let mut stale: Vec<(String, String, Option<u64>)> = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["state"] == "stale")
        .map(|p| {
            (
                p["language"].as_str().unwrap().to_owned(),
                p["translation"].as_str().unwrap().to_owned(),
                p["commits_behind"].as_u64(),
            )
        })
        .collect();
    // The page lists them most behind first.
    let behind: Vec<u64> = rows.iter().map(|r| r.2.unwrap_or(0)).collect();
    assert!(behind.windows(2).all(|w| w[0] >= w[1]), "{behind:?}");
    rows.sort();
    stale.sort();
    assert_eq!(rows, stale);
    // Missing rows, per language.
    let missing_rows = dom
        .matches("data-state=\"missing\"><td class=\"p\">")
        .count() as u64;
    let missing: u64 = json["summary"]
        .as_object()
        .unwrap()
        .values()
        .map(|s| s["missing"].as_u64().unwrap())
        .sum();
    assert_eq!(missing_rows, missing);

    let screenshot = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(format!("dashboard-{name}.png"));
    run_chromium(
        browser,
        &work.path().join("profile"),
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1280,1600".to_owned(),
        ],
        &page,
    );
    assert!(
        std::fs::metadata(&screenshot).is_ok_and(|m| m.len() > 1000),
        "no screenshot at {}",
        screenshot.display()
    );
    eprintln!("screenshot: {}", screenshot.display());
}

/// The dashboard in a real browser: for the demo site and, when the shared corpora are beside the project, a real
/// site. Without Chromium the test fails under `CI=true` and is skipped (with a note) elsewhere.
#[test]
fn chromium_renders_the_numbers_of_the_report() {
    let Some(browser) = chromium() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!(
                "CI=true and no chromium on PATH: .ci/run installs it (apt-get install -y chromium)"
            );
        }
        eprintln!("note: chromium not found on PATH; the browser check was skipped");
        return;
    };
    let started = std::time::Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    check_rendered(&browser, &site, "demo", &[]);

    // The corpus bundles, when they sit beside the project (where `.ci/run` looks for them too).
    let corpora: std::path::PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "shared", "corpora"]
        .iter()
        .collect();
    let bundle = corpora.join("glossary-content.bundle");
    if bundle.is_file() {
        let clone = dir.path().join("glossary");
        assert!(
            Command::new("git")
                .args(["clone", "-q"])
                .arg(&bundle)
                .arg(&clone)
                .status()
                .unwrap()
                .success()
        );
        check_rendered(&browser, &clone, "glossary", &[]);
    } else {
        eprintln!("note: {} not found: corpus part skipped", bundle.display());
    }
    eprintln!("chromium check took {:.1?}", started.elapsed());
}

/// The dashboard put a page's headings and paths into its sentences without bidi isolation: a right-to-left heading
/// ending in digits (`مقدمة 2`) could be reordered with the quotes and words of the sentence around it.
#[test]
fn right_to_left_headings_and_paths_were_not_isolated_in_sentences() {
    let mut repo = RepoBuilder::new();
    let body = |text: &str| format!("Intro.\n\n## مقدمة 2\n\n{text}\n");
    repo.write("content/en/a.md", md("A", "", &body("First.")))
        .write("content/en/دليل.md", md("B", "", "Beta."));
    repo.commit("en");
    repo.write("content/fr/a.md", md("A", "", &body("Premier.")))
        .write("content/fr/دليل.md", md("B", "", "Bêta."));
    repo.commit("fr");
    repo.write("content/en/a.md", md("A", "", &body("First, and more.")));
    repo.git(&["mv", "content/en/دليل.md", "content/en/دليل-2.md"]);
    repo.commit("en: more, and a rename");
    repo.write("content/en/دليل-2.md", md("B", "", "Beta, and more."));
    repo.commit("en: more in the renamed page");
    let html = repo.stdout(&["status", "--format", "html"]);
    assert!(
        html.contains("“<bdi lang=\"en\">مقدمة 2</bdi>” (modified)"),
        "{html}"
    );
    assert!(
        html.contains(
            "the source was <bdi>content/en/دليل.md</bdi>, now <bdi>content/en/دليل-2.md</bdi>"
        ),
        "{html}"
    );
}

/// Renders `html` in Chromium at `width` pixels with `probe` (a JavaScript expression giving a string) appended as a
/// script; returns what it gave (written into the DOM as `<output id="probe">`), `None` without Chromium.
fn layout_probe(html: &str, width: u32, probe: &str) -> Option<String> {
    layout_probe_at(html, "", width, probe)
}

/// [`layout_probe`] with the page opened at `#fragment` (empty: none).
fn layout_probe_at(html: &str, fragment: &str, width: u32, probe: &str) -> Option<String> {
    let Some(browser) = chromium() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true and no chromium on PATH");
        }
        eprintln!("note: chromium not found on PATH; the layout check was skipped");
        return None;
    };
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("probe.html");
    let script = format!(
        "<script>window.addEventListener('load', function () {{ var o = document.createElement('output'); \
         o.id = 'probe'; o.textContent = String({probe}); document.body.appendChild(o); }});</script>"
    );
    std::fs::write(&page, html.replace("</body>", &format!("{script}</body>"))).unwrap();
    let address = match fragment {
        "" => page.clone(),
        fragment => PathBuf::from(format!("{}#{fragment}", page.display())),
    };
    let dom = run_chromium(
        &browser,
        &work.path().join("profile"),
        &[
            "--dump-dom".to_owned(),
            format!("--window-size={width},1200"),
        ],
        &address,
    );
    let start = dom.find("<output id=\"probe\">").expect("the probe ran") + 19;
    let end = start + dom[start..].find("</output>").unwrap();
    Some(unescape(&dom[start..end]))
}

/// How far right of the page's main column the stale table's cells reach (0 or less: none is out of view), and the
/// table's width: a stale page whose change names a long link pushed the sync point and links out of view.
const STALE_TABLE_OVERFLOW: &str = "(function () { var t = document.getElementById('stale'); \
     var main = document.getElementById('main').getBoundingClientRect(); var right = -1e9; \
     t.querySelectorAll('tbody td').forEach(function (td) { \
       right = Math.max(right, td.getBoundingClientRect().right - main.right); }); \
     return Math.round(right) + ' ' + Math.round(t.getBoundingClientRect().width); })()";

/// A site whose translation lacks the long link of its source's section (a stale page by structure, the link named).
fn long_link_site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    // No hyphen: a browser may break a line after one, not after a slash or an underscore.
    let link = " See [scalability](https://github.com/example_organisation/cloud_native_glossary/blob/\
                translation_review/content/en/scalability_and_elasticity_of_cloud_native_systems.md).";
    let body = |extra: &str| format!("Intro.\n\n## How it helps\n\nIt helps.{extra}\n");
    let list = format!("{link}\n\n- Scales out.\n- Scales in.");
    repo.write("content/en/a.md", md("A", "", &body(&list)));
    repo.commit("en");
    repo.write("content/fr/a.md", md("A", "", &body("")));
    repo.commit("fr");
    repo
}

#[test]
fn a_long_link_in_a_change_pushed_the_sync_point_out_of_view() {
    let repo = long_link_site();
    let html = repo.stdout(&["status", "--format", "html"]);
    assert!(html.contains("scalability_and_elasticity"), "{html}");
    let Some(found) = layout_probe(&html, 1280, STALE_TABLE_OVERFLOW) else {
        return;
    };
    let overflow: i64 = found.split(' ').next().unwrap().parse().unwrap();
    assert!(
        overflow <= 0,
        "the last column ends {overflow} px past the page: {found}"
    );
}

/// On a phone (390 px) the stale table kept its seven columns: only the language and the path were in view, what
/// changed and the sync point a long sideways scroll away. Each row is now a block, its cells one below the other.
#[test]
fn on_a_phone_what_changed_was_a_sideways_scroll_away() {
    let repo = long_link_site();
    let html = repo.stdout(&["status", "--format", "html"]);
    let Some(found) = layout_probe(&html, 390, STALE_TABLE_OVERFLOW) else {
        return;
    };
    let overflow: i64 = found.split(' ').next().unwrap().parse().unwrap();
    assert!(
        overflow <= 0,
        "cells end {overflow} px past the page: {found}"
    );
    // The count of commits behind says what it is, the column's header being out of sight.
    let label = layout_probe(
        &html,
        390,
        "getComputedStyle(document.querySelector('#stale td[data-behind]'), '::before').content",
    )
    .unwrap();
    assert_eq!(label, "\"commits behind: \"");
    let french = repo.stdout(&["status", "--format", "html", "--ui-lang", "fr"]);
    let label = layout_probe(
        &french,
        390,
        "getComputedStyle(document.querySelector('#stale td[data-behind]'), '::before').content",
    )
    .unwrap();
    assert_eq!(label, "\"commits de retard : \"");
}

/// The dashboard and the Markdown report listed the stale pages without what to run next: the terminal report ends
/// with `Next: tandem diff PAGE`, they said nothing. The dashboard now says it above its stale pages, and its script
/// writes each page's command in its row; each language of the Markdown report names the command for its most
/// behind page.
#[test]
fn the_dashboard_and_markdown_did_not_say_what_to_run_next() {
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    let html = html_of(&site, &[]);
    assert!(
        html.contains(
            "<p class=\"next\">Next, for a page below: <code>tandem diff PAGE</code> shows what changed in its source \
             since the sync point, beside the translation.</p>"
        ),
        "{html}"
    );
    assert!(html.contains("<th scope=\"col\">next</th>"));
    let french = html_of(&site, &["--ui-lang", "fr"]);
    assert!(french.contains(
        "<p class=\"next\">Ensuite, pour une page ci-dessous : <code>tandem diff PAGE</code>"
    ));
    assert!(french.contains("<th scope=\"col\">ensuite</th>"));
    // In a browser, each row has its command (in the page's order: most behind first).
    let commands = "Array.prototype.map.call(document.querySelectorAll('#stale tbody tr'), function (row) { \
         return row.querySelector('code.cmd').textContent; }).join('|')";
    if let Some(found) = layout_probe(&html, 1280, commands) {
        assert_eq!(
            found,
            "tandem diff content/fr/docs/install.md|tandem diff content/fr/docs/concepts/caching.md|\
             tandem diff content/fr/docs/concepts/overview.md"
        );
    }
    let output = tandem_in(&site)
        .args(["status", "--format", "markdown"])
        .output()
        .unwrap();
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(
        markdown.contains("\n\nNext: `tandem diff content/fr/docs/install.md`\n\n<details>"),
        "{markdown}"
    );
    let output = tandem_in(&site)
        .args(["status", "--format", "markdown", "--ui-lang", "fr"])
        .output()
        .unwrap();
    let french = String::from_utf8(output.stdout).unwrap();
    assert!(
        french.contains("\n\nEnsuite : `tandem diff content/fr/docs/install.md`\n"),
        "{french}"
    );
}

/// The number of pages Chromium prints `html` on (A4-like default paper), `None` without Chromium.
fn printed_pages(html: &str) -> Option<usize> {
    let browser = chromium()?;
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("print.html");
    std::fs::write(&page, html).unwrap();
    let pdf = work.path().join("print.pdf");
    run_chromium(
        &browser,
        &work.path().join("profile"),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_owned(),
        ],
        &page,
    );
    let bytes = std::fs::read(&pdf).expect("a PDF");
    // Each page is an object of `/Type /Page` (the tree above them is of `/Type /Pages`).
    let text = String::from_utf8_lossy(&bytes);
    Some(
        text.match_indices("/Type /Page")
            .filter(|(at, m)| !text[at + m.len()..].starts_with('s'))
            .count(),
    )
}

/// Printed, the dashboard left its folded lists closed: the missing pages and the tables per site section were not
/// on paper. It now prints them unfolded, on as many pages as the same dashboard with every list opened by hand.
#[test]
fn printing_left_the_missing_pages_and_section_tables_folded() {
    let repo = generated_site(&["fr", "de"], 200);
    let html = repo.stdout(&["status", "--format", "html"]);
    assert!(html.contains("<details class=\"missing\""));
    let Some(printed) = printed_pages(&html) else {
        eprintln!("note: chromium not found on PATH; the print check was skipped");
        return;
    };
    let opened = printed_pages(&html.replace("<details ", "<details open ")).unwrap();
    assert_eq!(printed, opened, "pages printed, and with every list open");
}

/// A translation whose source was renamed, current all the same, got its `git mv` in the terminal report only: the
/// dashboard lists no current page, and the Markdown report's orphan rows gave no move either.
#[test]
fn renamed_sources_had_no_git_mv_in_the_dashboard_or_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    let html = html_of(&site, &[]);
    let section = html
        .split("<h2 id=\"h-renamed\">")
        .nth(1)
        .expect("a section of renamed sources");
    assert!(
        section.starts_with(
            "Sources renamed: move the translations to keep them paired by path <span class=\"count\">(1)</span>"
        ),
        "{section}"
    );
    assert!(
        section.contains(
            "<tr data-lang=\"fr\" data-state=\"current\"><td>fr</td><td class=\"p\">content/fr/docs/setup.md</td>\
             <td>the source was <bdi>content/en/docs/setup.md</bdi>, now <bdi>content/en/docs/getting-started.md</bdi>\
             </td><td><code class=\"cmd\">git mv content/fr/docs/setup.md content/fr/docs/getting-started.md</code></td>"
        ),
        "{section}"
    );
    let output = tandem_in(&site)
        .args(["status", "--format", "markdown", "--ui-lang", "fr"])
        .output()
        .unwrap();
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(
        markdown.contains(
            "\nSources renommées (1), déplacez les traductions pour qu’elles restent associées par chemin :\n\n\
             - content/fr/docs/setup.md — content/en/docs/setup.md est devenue content/en/docs/getting-started.md · \
             `git mv content/fr/docs/setup.md content/fr/docs/getting-started.md`\n"
        ),
        "{markdown}"
    );

    // An orphan whose source was renamed (byte semantics): its row gives the move.
    let repo = renamed_source_site();
    let markdown = repo.stdout(&["status", "--format", "markdown", "--strict"]);
    let row = markdown
        .lines()
        .find(|l| l.starts_with("| `content/fr/setup.md` | orphaned |"))
        .unwrap_or_else(|| panic!("{markdown}"));
    assert!(
        row.ends_with(" · `git mv content/fr/setup.md content/fr/start.md` |"),
        "{row}"
    );
}

/// The dashboard and the Markdown report showed `pt-br`, `zh-hans`, `fr-ca` (tandem's lowercase keys) for the
/// languages a site writes `pt-BR`, `zh-Hans`, `fr-CA`. They now show the tags in BCP 47's case; the JSON keys, the
/// filters' values and `data-lang` stay lowercase.
#[test]
fn regional_language_tags_were_shown_lowercase() {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/a.md", md("A", "", "Alpha."))
        .write("content/en/b.md", md("B", "", "Beta."));
    repo.commit("en");
    repo.write("content/pt-BR/a.md", md("A", "", "Alfa."))
        .write("content/zh-Hans/a.md", md("A", "", "阿尔法。"))
        .write("content/fr-CA/a.md", md("A", "", "Alpha."));
    repo.commit("translations");
    repo.write("content/en/a.md", md("A", "", "Alpha, changed."));
    repo.commit("en: a");
    let json = repo.status_json(&[]);
    assert_eq!(
        json["summary"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["fr-ca", "pt-br", "zh-hans"]
    );
    let html = repo.stdout(&["status", "--format", "html"]);
    for needle in [
        "<option value=\"pt-br\">pt-BR</option>",
        "<tr data-lang=\"zh-hans\"><th scope=\"row\">zh-Hans</th>",
        "<tr data-lang=\"fr-ca\" data-state=\"stale\"><td>fr-CA</td>",
        "history: last fr-CA commit",
        "<summary>pt-BR: 1 missing page</summary>",
    ] {
        assert!(html.contains(needle), "{needle} not in the page");
    }
    let markdown = repo.stdout(&["status", "--format", "markdown"]);
    for needle in [
        "\n| zh-Hans | 1/2 (50%) | 0 | 1 | 1 | 0 | 0 |\n",
        "\n## pt-BR translations — 2 source pages, 1 translated (50%)\n",
        "history: last fr-CA commit",
    ] {
        assert!(markdown.contains(needle), "{needle} not in {markdown}");
    }
    // The terminal's report too (it said `pt-br translations`, beside a dashboard saying `pt-BR`).
    let text = repo.stdout(&["status", "--all", "--color", "never"]);
    for needle in [
        "pt-BR translations — 2 source pages, 1 translated (50%)",
        "history: last fr-CA commit",
    ] {
        assert!(text.contains(needle), "{needle} not in {text}");
    }
    let summary = repo.stdout(&["status", "--color", "never"]);
    assert!(summary.contains("\n  zh-Hans "), "{summary}");
}

/// A stale page's changes were high or low by their colour alone (red or brown): a reader who does not tell the two
/// apart, or a screen reader, could not tell a missing link from a missing paragraph. A change that is not high now
/// says its severity in words.
#[test]
fn a_changes_severity_was_told_by_its_colour_alone() {
    let repo = long_link_site();
    let severity_words = "Array.prototype.map.call(document.querySelectorAll('#stale .changes li'), function (li) { \
         return li.className + getComputedStyle(li, '::after').content; }).join('|')";
    let html = repo.stdout(&["status", "--format", "html"]);
    let Some(found) = layout_probe(&html, 1280, severity_words) else {
        return;
    };
    assert_eq!(found, "sev-highnone|sev-low\" (low)\"");
    let french = repo.stdout(&["status", "--format", "html", "--ui-lang", "fr"]);
    let found = layout_probe(&french, 1280, severity_words).unwrap();
    assert_eq!(found, "sev-highnone|sev-low\" (faible)\"");
}

/// Between a phone and a wide screen (a tablet, a laptop's half screen; paper, about 720 px) the stale table kept its
/// seven columns and ran past the page, the commands and links out of view (out of the sheet, printed). Up to 64rem
/// each page is a block, and a header of several words wraps.
#[test]
fn on_a_tablet_the_stale_table_ran_past_the_page() {
    let repo = long_link_site();
    for ui in ["en", "fr"] {
        let html = repo.stdout(&["status", "--format", "html", "--ui-lang", ui]);
        for width in [720, 800, 1025] {
            let Some(found) = layout_probe(&html, width, STALE_TABLE_OVERFLOW) else {
                return;
            };
            let overflow: i64 = found.split(' ').next().unwrap().parse().unwrap();
            assert!(
                overflow <= 0,
                "{ui}, {width} px: cells end {overflow} px past the page ({found})"
            );
        }
    }
}

/// Orphans beside missing pages may be one page under two names, and the terminal report says so with the command
/// that pairs them (`tandem pair --suggest`); the dashboard and the Markdown report did not.
#[test]
fn orphans_beside_missing_pages_got_no_pair_suggest_outside_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    let html = html_of(&site, &[]);
    assert!(
        html.contains(
            "</table></div>\n<p class=\"next\">Some may be translations of missing pages under another name: \
             <code>tandem pair --suggest</code> proposes pairs.</p>\n</section>"
        ),
        "{html}"
    );
    let output = tandem_in(&site)
        .args(["status", "--format", "markdown", "--ui-lang", "fr"])
        .output()
        .unwrap();
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(
        markdown.contains(
            "\n\nCertaines sont peut-être des traductions de pages manquantes sous un autre nom : \
             `tandem pair --suggest` propose des associations.\n"
        ),
        "{markdown}"
    );

    // An orphan whose source was renamed has its `git mv`, not this advice.
    let repo = renamed_source_site();
    for format in ["html", "markdown"] {
        let out = repo.stdout(&["status", "--format", format, "--strict"]);
        assert!(
            out.contains("orphan") && !out.contains("pair --suggest"),
            "{out}"
        );
    }
}

/// Without a forge the table of orphaned and unknown pages kept a column of links with every cell empty.
#[test]
fn orphans_had_an_empty_links_column_without_a_forge() {
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    let header = |html: &str| -> String {
        let table = html
            .split("<table id=\"others\"")
            .nth(1)
            .expect("others table");
        table.split("</thead>").next().unwrap().to_owned()
    };
    let html = html_of(&site, &[]);
    assert!(!header(&html).contains(">links<"), "{}", header(&html));
    // The demo's FAQ was deleted by a commit, which the row names.
    assert!(html.contains("<td>the source page does not exist — deleted in "));
    assert!(
        Command::new("git")
            .args([
                "remote",
                "add",
                "origin",
                "https://github.com/example/docs.git"
            ])
            .current_dir(&site)
            .status()
            .unwrap()
            .success()
    );
    let html = html_of(&site, &[]);
    assert!(header(&html).contains("<th scope=\"col\">links</th>"));
}

/// A team lead could not send a translator a link to their language's pages: the filters were lost on reload and not
/// in the address. They are now read from and written to it (`#lang=de&state=stale`).
#[test]
fn the_filters_could_not_be_shared_as_a_link() {
    let repo = generated_site(&["fr", "de", "ja"], 40);
    let html = repo.stdout(&["status", "--format", "html"]);
    let shown = "(function () { var langs = {}; \
         document.querySelectorAll('#stale tbody tr').forEach(function (row) { \
           if (!row.hidden) langs[row.getAttribute('data-lang')] = 1; }); \
         return document.getElementById('f-lang').value + ' ' + document.getElementById('f-state').value + ' ' + \
           Object.keys(langs).sort().join(','); })()";
    let Some(found) = layout_probe_at(&html, "lang=de&state=stale", 1280, shown) else {
        return;
    };
    assert_eq!(found, "de stale de");
    assert_eq!(layout_probe(&html, 1280, shown).unwrap(), "  de,fr,ja");
    // Choosing a language writes it into the address (a whole one: the page's `<base>` is the forge's).
    let chosen = "(function () { var lang = document.getElementById('f-lang'); lang.value = 'ja'; \
         lang.dispatchEvent(new Event('input', { bubbles: true })); \
         return location.protocol + ' ' + location.hash; })()";
    assert_eq!(layout_probe(&html, 1280, chosen).unwrap(), "file: #lang=ja");
}

/// The dashboard named its commit but not its date: a page kept as a CI artifact did not say how old its picture was.
#[test]
fn the_dashboard_did_not_say_when_its_commit_was_made() {
    let repo = long_link_site();
    let day = repo.git(&["log", "-1", "--format=%cs"]);
    let short = repo.git(&["rev-parse", "--short=7", "HEAD"]);
    for ui in ["en", "fr"] {
        let html = repo.stdout(&["status", "--format", "html", "--ui-lang", ui]);
        let expected = format!("<code>{}</code> ({})", short.trim(), day.trim());
        assert!(html.contains(&expected), "{expected} not in the {ui} page");
    }
}

/// A French page whose English source was then renamed (`setup.md` → `start.md`): an orphan under `--strict`.
fn renamed_source_site() -> RepoBuilder {
    let mut repo = RepoBuilder::new();
    repo.write("content/en/setup.md", md("Setup", "", "Install it."));
    repo.commit("en");
    repo.write(
        "content/fr/setup.md",
        md("Installation", "", "Installez-le."),
    );
    repo.commit("fr");
    repo.git(&["mv", "content/en/setup.md", "content/en/start.md"]);
    repo.commit("en: rename");
    repo
}

/// The dashboard in French listed the English source's changed headings in a page whose `lang` is `fr`: a screen
/// reader read "Install with a package manager" with its French voice.
#[test]
fn source_headings_in_a_french_dashboard_were_read_as_french() {
    let dir = tempfile::tempdir().unwrap();
    let site = demo_site(dir.path());
    let html = String::from_utf8(
        crate::support::tandem_in(&site)
            .args(["status", "--format", "html", "--ui-lang", "fr"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
        "{html}"
    );
    assert!(
        html.contains("« <bdi lang=\"en\">Install with a package manager</bdi> »"),
        "{html}"
    );
}
