//! `tandem init`: writes `tandem.yaml` from what was detected (languages, content folders, the pin key the pages
//! use), with comments, after asking on a terminal (or with `--yes`). It also asks how the site publishes translations,
//! which decides what `tandem check` fails on.

use std::collections::BTreeMap;

use super::{Context, Output};
use crate::cli::{InitArgs, Publish};
use crate::commands::prompt::Prompter;
use crate::error::{Error, Exit, Result};
use crate::i18n::{Messages, UiLang};
use crate::markdown::frontmatter;
use crate::site::config::{CONFIG_FILE, DEFAULT_PIN_KEYS, DetectedFrom, Settings, relative_slash};
use crate::site::detect::{Evidence, language_folders};
use crate::site::workspace::Workspace;
use crate::util::atomic::write_atomic;

/// `check.fail_on` when both languages are published together: every finding fails, a pull request's (`--base`) and
/// the whole repository's (a nightly `tandem check`, the action's fallbacks) alike.
pub const FAIL_ON_TOGETHER: [&str; 11] = [
    "stale-in-pr",
    "missing-in-pr",
    "invalid-pin",
    "missing-pin",
    "orphaned-in-pr",
    "mirrored-only",
    "stale",
    "missing",
    "orphaned",
    "no-sync-point",
    "unreadable",
];
/// `check.fail_on` when translations catch up later: only broken pins fail; untranslated changes are warnings.
pub const FAIL_ON_LATER: [&str; 1] = ["invalid-pin"];

/// `content:` as `init` writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Config {
    /// Folders holding one sub-folder per language (`[content]`).
    Roots(Vec<String>),
    /// Each language's folder.
    Languages(BTreeMap<String, String>),
}

/// The settings `init` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitChoices {
    pub source: String,
    pub languages: Vec<String>,
    /// Where the pages are, relative to the site root; `None` when the generator's own config says (Docusaurus).
    pub content: Option<Config>,
    pub pin_key: String,
    /// How many translations carry each pin key.
    pub pins_found: BTreeMap<String, usize>,
    /// How the site publishes translations; `None` with `--yes` and no `--publish`: `check` is left as it is without
    /// a config (writing a policy nobody chose would turn the gate a CI already runs on or off).
    pub publish: Option<Publish>,
}

pub fn run(
    args: &InitArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let (ws, m) = ctx.open(ui_lang)?;
    let settings = &ws.settings;
    let target = settings.site_root.join(CONFIG_FILE);
    let label = relative_slash(&settings.repo_root, &target);
    if target.exists() && !args.force {
        return Err(Error::ConfigExists { path: label });
    }
    let mut choices = detect(&ws);
    let ask = ctx.env.interactive && !args.yes;
    if !ask && !args.yes {
        return Err(Error::InitNeedsYes);
    }
    choices.publish = args.publish;
    if ask {
        let prompter = Prompter::new(m);
        ask_choices(&prompter, &m, settings, &mut choices, args.publish)?;
    }
    let text = render(&choices, settings, &m);
    write_atomic(&target, text.as_bytes()).map_err(|err| Error::io(&label, &err))?;
    output.stdout = format!(
        "{}\n",
        m.with(
            "init-wrote",
            &[
                ("path", label.into()),
                ("source", choices.source.clone().into()),
                ("languages", choices.languages.join(", ").into()),
                (
                    "policy",
                    m.get(match choices.publish {
                        Some(Publish::Together) => "init-policy-together",
                        Some(Publish::Later) => "init-policy-later",
                        None => "init-policy-unset",
                    })
                    .into()
                ),
            ],
        )
    );
    Ok(Exit::Clean)
}

/// A repo-relative folder relative to the site's root (`site`, repo-relative; empty at the top): `.` for the root
/// itself (a VitePress site's root locale).
fn within_site(site: &str, dir: &str) -> String {
    if site.is_empty() {
        dir.to_owned()
    } else if dir == site {
        ".".to_owned()
    } else {
        dir.strip_prefix(&format!("{site}/"))
            .unwrap_or(dir)
            .to_owned()
    }
}

/// What the site looks like: languages and folders from the resolved settings, the pin key from the translations.
pub fn detect(ws: &Workspace) -> InitChoices {
    let settings = &ws.settings;
    let site = relative_slash(&settings.repo_root, &settings.site_root);
    // `content/en`, `content/fr` → `content`, when every language folder is `<root>/<lang>`.
    let mut roots: Vec<String> = Vec::new();
    let mut shaped = true;
    // Every content root's folders (Astro's collections are several), else each language's main folder.
    let all_dirs: Vec<(&String, &String)> = match &settings.layout {
        crate::site::config::Layout::Folders(content_roots) if content_roots.len() > 1 => {
            content_roots
                .iter()
                .flat_map(|root| root.dirs.iter())
                .collect()
        }
        _ => settings.content_dirs.iter().collect(),
    };
    for (lang, dir) in all_dirs {
        let rel = within_site(&site, dir);
        match rel.rsplit_once('/') {
            Some((root, last)) if last.eq_ignore_ascii_case(lang) => {
                if !roots.contains(&root.to_owned()) {
                    roots.push(root.to_owned());
                }
            }
            None if rel.eq_ignore_ascii_case(lang) => {
                if !roots.contains(&".".to_owned()) {
                    roots.push(".".to_owned());
                }
            }
            _ => shaped = false,
        }
    }
    let strip = |dir: &str| -> String { within_site(&site, dir) };
    // The roots form only where reading it back finds exactly these languages: every root's language folders are
    // languages of the site, and together they are all of them.
    let languages: std::collections::BTreeSet<String> =
        settings.content_dirs.keys().cloned().collect();
    let mut reread = std::collections::BTreeSet::new();
    let roots_reread = shaped
        && !roots.is_empty()
        && roots.iter().all(|root| {
            let dir = if root == "." {
                settings.site_root.clone()
            } else {
                settings.site_root.join(root)
            };
            language_folders(&dir).into_iter().all(|l| {
                let l = l.to_ascii_lowercase();
                let known = languages.contains(&l);
                reread.insert(l);
                known
            })
        })
        && reread == languages;
    let content = match &settings.layout {
        // Pages that say their language in their front matter: no `content:` or `layout:` says that, and detection
        // reads `_config.yml` and the pages again on each run.
        _ if settings.detected_from == DetectedFrom::FrontMatterLanguage => None,
        // Suffixed pages: the content folders themselves.
        crate::site::config::Layout::Suffix { roots: folders, .. } => Some(Config::Roots(
            folders.iter().map(|dir| strip(dir)).collect(),
        )),
        _ if settings.detected_from == DetectedFrom::Docusaurus => None,
        // The source's pages at the top with a folder per translation, and folders of them holding their own
        // translations' folders (`_posts/` beside `_posts/fr/`): no `content:` form says that, and detection finds it
        // again on each run.
        crate::site::config::Layout::Folders(content_roots)
            if content_roots.len() > 1 && settings.detected_from == DetectedFrom::RootLocale =>
        {
            None
        }
        _ if roots_reread && settings.detected_from != DetectedFrom::Starlight => {
            Some(Config::Roots(roots))
        }
        _ => Some(Config::Languages(
            settings
                .content_dirs
                .iter()
                .map(|(lang, dir)| {
                    let dir = strip(dir);
                    (
                        lang.clone(),
                        if dir.is_empty() { ".".to_owned() } else { dir },
                    )
                })
                .collect(),
        )),
    };

    let mut pins_found: BTreeMap<String, usize> = BTreeMap::new();
    let inventory = ws.inventory();
    for lang in &settings.targets {
        for page in inventory.of(lang) {
            let Ok(text) = std::fs::read_to_string(settings.repo_root.join(&page.path)) else {
                continue;
            };
            if let Ok(fm) = frontmatter::parse(&text)
                && let Some(pin) = fm.pin(&text, &settings.pin_keys)
            {
                *pins_found.entry(pin.key).or_default() += 1;
            }
        }
    }
    let pin_key = pins_found
        .iter()
        .max_by_key(|(key, count)| (**count, std::cmp::Reverse((*key).clone())))
        .map(|(key, _)| key.clone())
        .or_else(|| settings.file.pin.as_ref().and_then(|p| p.key.clone()))
        .unwrap_or_else(|| DEFAULT_PIN_KEYS[0].to_owned());
    InitChoices {
        source: settings.source.clone(),
        languages: settings.targets.clone(),
        content,
        pin_key,
        pins_found,
        publish: None,
    }
}

fn ask_choices(
    prompter: &Prompter,
    m: &Messages,
    settings: &Settings,
    choices: &mut InitChoices,
    publish_flag: Option<Publish>,
) -> Result<()> {
    let question = m.with(
        "init-prompt-languages",
        &[
            ("source", choices.source.clone().into()),
            ("languages", choices.languages.join(", ").into()),
        ],
    );
    if !prompter.confirm(&question, true)? {
        let all: Vec<String> = settings.content_dirs.keys().cloned().collect();
        let start = all.iter().position(|l| *l == choices.source).unwrap_or(0);
        let source =
            all[prompter.select(&m.get("init-prompt-source"), all.clone(), start)?].clone();
        let others: Vec<String> = all.into_iter().filter(|l| *l != source).collect();
        let every: Vec<usize> = (0..others.len()).collect();
        let picked =
            prompter.multi_select(&m.get("init-prompt-targets"), others.clone(), &every)?;
        choices.source = source;
        choices.languages = picked.into_iter().map(|i| others[i].clone()).collect();
    }
    if publish_flag.is_none() {
        let options = vec![m.get("init-publish-together"), m.get("init-publish-later")];
        let picked = prompter.select(&m.get("init-prompt-publish"), options, 1)?;
        choices.publish = Some(if picked == 0 {
            Publish::Together
        } else {
            Publish::Later
        });
    }
    Ok(())
}

/// `tandem.yaml` with a comment above each setting, in the interface language.
pub fn render(choices: &InitChoices, settings: &Settings, m: &Messages) -> String {
    let mut out = String::new();
    let comment = |out: &mut String, text: String| {
        for line in text.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
    };
    comment(&mut out, m.get("init-yaml-header"));
    out.push('\n');
    let origin = match (settings.detected_from, &settings.config_file) {
        (_, Some(file)) => m.with("init-yaml-from-config", &[("file", file.into())]),
        (DetectedFrom::HugoConfig, None) => m.get("init-yaml-from-hugo"),
        (DetectedFrom::Starlight, None) => m.get("init-yaml-from-starlight"),
        (DetectedFrom::Folders | DetectedFrom::Config, None) => m.get("init-yaml-from-folders"),
        (DetectedFrom::FileNames, None) => m.get("init-yaml-from-file-names"),
        (DetectedFrom::FrontMatterLanguage, None) => m.get("init-yaml-from-front-matter-lang"),
        (DetectedFrom::Docusaurus, None) => m.get("init-yaml-from-docusaurus"),
        (DetectedFrom::VitePress, None) => m.get("init-yaml-from-vitepress"),
        (DetectedFrom::VuePress, None) => m.get("init-yaml-from-vuepress"),
        // Nothing said the top pages' language: the reader is asked to check it.
        (DetectedFrom::RootLocale, None)
            if settings
                .evidence
                .source
                .as_ref()
                .is_some_and(|e| e.id == "evidence-root-locale-assumed") =>
        {
            format!(
                "{} {}",
                m.get("init-yaml-from-root-locale"),
                m.get("init-yaml-check-source")
            )
        }
        (DetectedFrom::RootLocale, None) => m.get("init-yaml-from-root-locale"),
        (DetectedFrom::Astro, None) => m.get("init-yaml-from-astro"),
        (DetectedFrom::AstroPages, None) => m.get("init-yaml-from-astro-pages"),
    };
    comment(&mut out, origin);
    // Each detected value carries its evidence as a comment on its line.
    let why = |evidence: Option<&Evidence>| -> String {
        evidence
            .map(|e| format!("  # {}", m.render(&e.message())))
            .unwrap_or_default()
    };
    let evidence = &settings.evidence;
    let source_why = if choices.source == settings.source {
        why(evidence.source.as_ref())
    } else {
        String::new()
    };
    // Tags in BCP 47's case, as the site's folders and config write them and the reports show them (`pt-BR`); read
    // in any case.
    let tag = |lang: &str| yaml_str(&crate::report::display_tag(lang));
    out.push_str(&format!("source: {}{source_why}\n", tag(&choices.source)));
    let languages: Vec<String> = choices.languages.iter().map(|l| tag(l)).collect();
    out.push_str(&format!(
        "languages: [{}]{}\n",
        languages.join(", "),
        why(evidence.languages.as_ref())
    ));
    if settings.detected_from != DetectedFrom::FrontMatterLanguage {
        out.push_str(&format!("layout: {}\n", settings.layout_kind.as_str()));
    }
    // The sources' clone given by `--source-repo`: written down, so that the next run finds its sources too.
    if let Some(clone) = &settings.source_repo {
        out.push_str(&format!(
            "source_repo: {}  # {}\n",
            yaml_str(&path_from(&settings.site_root, clone)),
            m.get("init-yaml-source-repo")
        ));
    }
    match &choices.content {
        Some(Config::Roots(roots)) => {
            let roots: Vec<String> = roots.iter().map(|r| yaml_str(r)).collect();
            out.push_str(&format!("content: [{}]\n", roots.join(", ")));
        }
        Some(Config::Languages(map)) => {
            out.push_str("content:\n");
            for (lang, dir) in map {
                out.push_str(&format!("  {}: {}\n", yaml_str(lang), yaml_str(dir)));
            }
        }
        None if settings.detected_from == DetectedFrom::Docusaurus => {
            comment(&mut out, m.get("init-yaml-content-docusaurus"))
        }
        // jekyll-polyglot: pages of every language side by side, each saying its language.
        None if settings.detected_from == DetectedFrom::FrontMatterLanguage => {
            comment(&mut out, m.get("init-yaml-content-front-matter-language"))
        }
        None => comment(&mut out, m.get("init-yaml-content-nested")),
    }
    if settings.file.include.is_none()
        && let Some(mdx) = &evidence.mdx
    {
        out.push_str(&format!(
            "include: [\"**/*.md\", \"**/*.mdx\", \"**/*.markdown\", \"**/*.html\"]{}\n",
            why(Some(mdx))
        ));
    }
    // The repository's own files, left out when the source's pages sit at the repository's top: written down, so that
    // the `include` above does not bring them back.
    if settings.file.exclude.is_none() && !settings.page_patterns.1.is_empty() {
        let patterns: Vec<String> = settings
            .page_patterns
            .1
            .iter()
            .map(|p| yaml_str(p))
            .collect();
        out.push_str(&format!(
            "exclude: [{}]  # {}\n",
            patterns.join(", "),
            m.get("init-yaml-repository-files")
        ));
    }
    if let Some(flag) = &settings.translatable_flag {
        comment(&mut out, m.get("init-yaml-translatable-flag"));
        out.push_str(&format!(
            "pages: {{ translatable_flag: {} }}{}\n",
            yaml_str(flag),
            why(evidence.translatable_flag.as_ref())
        ));
    }
    if let Some(url) = &settings.base_url {
        out.push_str(&format!(
            "site: {{ base_url: {} }}{}\n",
            yaml_str(url),
            why(evidence.base_url.as_ref())
        ));
    }
    out.push('\n');
    let found: Vec<String> = choices
        .pins_found
        .iter()
        .map(|(key, count)| {
            m.with(
                "init-yaml-pin-found-item",
                &[("key", key.into()), ("count", (*count).into())],
            )
        })
        .collect();
    comment(
        &mut out,
        if found.is_empty() {
            m.get("init-yaml-pin-none")
        } else {
            m.with("init-yaml-pin-found", &[("found", found.join(", ").into())])
        },
    );
    out.push_str(&format!(
        "pin: {{ key: {}, drift_key: drifted_from_default }}\n",
        yaml_str(&choices.pin_key)
    ));
    out.push('\n');
    match choices.publish {
        Some(publish) => {
            let fail_on: Vec<&str> = match publish {
                Publish::Together => FAIL_ON_TOGETHER.to_vec(),
                Publish::Later => FAIL_ON_LATER.to_vec(),
            };
            comment(
                &mut out,
                m.get(match publish {
                    Publish::Together => "init-yaml-check-together",
                    Publish::Later => "init-yaml-check-later",
                }),
            );
            out.push_str(&format!("check: {{ fail_on: [{}] }}\n", fail_on.join(", ")));
        }
        None => {
            // The gate as it is without this file; the two policies, commented, for whoever decides.
            comment(&mut out, m.get("init-yaml-check-unset"));
            out.push_str(&format!(
                "# check: {{ fail_on: [{}] }}\n",
                FAIL_ON_LATER.join(", ")
            ));
        }
    }
    out.push('\n');
    comment(&mut out, m.get("init-yaml-ui-language"));
    out.push_str(&format!(
        "# ui_language: {}\n",
        if m.lang == UiLang::Fr { "fr" } else { "en" }
    ));
    out
}

/// `to` relative to the folder `from` (`../content`), with `/`; absolute when they share no folder.
fn path_from(from: &std::path::Path, to: &std::path::Path) -> String {
    let canonical =
        |path: &std::path::Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let (from, to) = (canonical(from), canonical(to));
    let (a, b): (Vec<_>, Vec<_>) = (from.components().collect(), to.components().collect());
    let shared = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if shared <= 1 {
        return to.to_string_lossy().replace('\\', "/");
    }
    let parts: Vec<String> = std::iter::repeat_n("..".to_owned(), a.len() - shared)
        .chain(
            b[shared..]
                .iter()
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        )
        .collect();
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

/// A YAML scalar, quoted when it must be.
fn yaml_str(text: &str) -> String {
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_-./".contains(c))
        && text.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        // `no` (Norwegian) would be read as a boolean.
        && !["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
            .contains(&text.to_ascii_lowercase().as_str())
    {
        text.to_owned()
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}
