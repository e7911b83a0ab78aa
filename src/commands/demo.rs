//! `tandem demo`: builds a small bilingual Hugo-style site with real git history, then shows its status with the same
//! core as `tandem status`.

use std::path::Path;

use super::{Context, Output};
use crate::cli::DemoArgs;
use crate::engine::analysis::{self, Options};
use crate::error::{Error, Exit, Result};
use crate::history::writer::RepoWriter;
use crate::i18n::UiLang;
use crate::report::{self, text::TextOptions};
use crate::site::config::Requested;
use crate::site::workspace::Workspace;

pub fn run(
    args: &DemoArgs,
    ctx: &Context,
    output: &mut Output,
    ui_lang: &mut UiLang,
) -> Result<Exit> {
    let dir = match &args.dir {
        Some(dir) => {
            let dir = ctx.env.current_dir.join(dir);
            prepare_dir(&dir)?;
            dir
        }
        None => tempfile::Builder::new()
            .prefix("tandem-demo-")
            .tempdir()
            .map_err(|err| Error::io(std::env::temp_dir().display().to_string(), &err))?
            .keep(),
    };
    let commits = build_site(&dir)?;

    let ws = Workspace::open(
        &dir,
        &Requested {
            config: None,
            languages: ctx.global.lang.clone(),
            source_repo: None,
        },
    )?;
    *ui_lang = ctx.ui_lang(ws.settings.ui_language.as_deref());
    let m = ctx.messages(ws.settings.ui_language.as_deref());
    let report = analysis::status(&ws, &Options::default())?;
    let shown = dir.display().to_string();
    let mut out = m.with(
        "demo-built",
        &[
            ("languages", (report.languages.len() + 1).into()),
            ("commits", commits.into()),
            ("dir", shown.clone().into()),
        ],
    );
    out.push_str("\n\n");
    out.push_str(&report::text::status(
        &report,
        &m,
        TextOptions {
            color: ctx.env.color,
            all: false,
            width: ctx.env.width,
            // The commands to try next follow, with `-C`: the status's own hint would not work from here.
            next: false,
        },
    ));
    out.push('\n');
    out.push_str(&m.get("demo-try-next"));
    out.push('\n');
    let quoted = crate::util::shell::quote(&shown);
    let other = match *ui_lang {
        UiLang::Fr => "en",
        _ => "fr",
    };
    for command in [
        format!("tandem -C {quoted} diff content/fr/docs/install.md"),
        format!("tandem -C {quoted} compare content/en/docs/install.md content/fr/docs/install.md"),
        format!("tandem -C {quoted} status --strict"),
        // The status in the other language tandem speaks.
        format!("tandem -C {quoted} --ui-lang {other} status"),
        format!("tandem -C {quoted} status --format json"),
    ] {
        out.push_str("  ");
        out.push_str(&command);
        out.push('\n');
    }
    output.stdout = out;
    Ok(Exit::Clean)
}

/// The demo goes into an empty or new folder only: nothing of the user's is ever overwritten.
fn prepare_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map_err(|err| Error::io(dir.display().to_string(), &err))?
            .next()
            .is_none();
        if !empty {
            return Err(Error::DirNotEmpty {
                path: dir.display().to_string(),
            });
        }
    } else {
        std::fs::create_dir_all(dir).map_err(|err| Error::io(dir.display().to_string(), &err))?;
    }
    Ok(())
}

/// Days since 2026-01-05 09:00 UTC, as commit times.
fn day(n: i64) -> i64 {
    1_767_603_600 + n * 86_400
}

/// Writes the site and its history; returns the number of commits.
fn build_site(dir: &Path) -> Result<usize> {
    let mut repo = RepoWriter::init(dir)?;
    let mut commits = 0;
    let mut commit = |changes: &[(&str, Option<&str>)], message: &str, at: i64| -> Result<String> {
        commits += 1;
        Ok(repo.commit(changes, message, day(at))?.to_string())
    };

    let c1 = commit(
        &[
            ("hugo.toml", Some(HUGO_TOML)),
            ("content/en/_index.md", Some(EN_INDEX)),
            ("content/en/docs/install.md", Some(EN_INSTALL_V1)),
            ("content/en/docs/setup.md", Some(EN_SETUP)),
            ("content/en/docs/faq.md", Some(EN_FAQ)),
            ("content/en/docs/concepts/overview.md", Some(EN_OVERVIEW_V1)),
            ("content/en/docs/concepts/caching.md", Some(EN_CACHING_V1)),
            ("content/en/blog/2026-01-launch.md", Some(EN_LAUNCH)),
        ],
        "docs: first pages of the Lumen site",
        0,
    )?;
    let fr_index = FR_INDEX.replace("{pin}", &c1);
    let fr_install = FR_INSTALL.replace("{pin}", &c1[..9]);
    let fr_launch = FR_LAUNCH.replace("{pin}", &c1);
    let fr_caching = FR_CACHING.replace("{pin}", &c1[..9]);
    commit(
        &[
            ("content/fr/_index.md", Some(&fr_index)),
            ("content/fr/docs/install.md", Some(&fr_install)),
            ("content/fr/docs/concepts/caching.md", Some(&fr_caching)),
            ("content/fr/blog/2026-01-launch.md", Some(&fr_launch)),
        ],
        "[fr] Translate the home page, the install guide, caching and the launch post",
        3,
    )?;
    commit(
        &[
            ("content/fr/docs/concepts/overview.md", Some(FR_OVERVIEW)),
            ("content/fr/docs/setup.md", Some(FR_SETUP)),
            ("content/fr/docs/faq.md", Some(FR_FAQ)),
        ],
        "[fr] Translate the overview, the setup page and the FAQ",
        5,
    )?;
    commit(
        &[("content/en/docs/configure.md", Some(EN_CONFIGURE))],
        "docs: configuration guide",
        8,
    )?;
    commit(
        &[("content/en/docs/install.md", Some(EN_INSTALL_V2))],
        "docs: install needs 1 GB and curl; add package managers",
        12,
    )?;
    let c6 = commit(
        &[("content/en/docs/concepts/overview.md", Some(EN_OVERVIEW_V2))],
        "docs: explain the request cache in the overview",
        15,
    )?;
    let fr_configure = FR_CONFIGURE.replace("{pin}", &c6);
    commit(
        &[("content/fr/docs/configure.md", Some(&fr_configure))],
        "[fr] Translate the configuration guide",
        18,
    )?;
    commit(
        &[
            ("content/en/docs/setup.md", None),
            ("content/en/docs/getting-started.md", Some(EN_SETUP)),
        ],
        "docs: rename setup to getting started",
        22,
    )?;
    commit(
        &[("content/en/docs/faq.md", None)],
        "docs: remove the FAQ, folded into troubleshooting",
        25,
    )?;
    commit(
        &[(
            "content/en/docs/troubleshooting.md",
            Some(EN_TROUBLESHOOTING),
        )],
        "docs: troubleshooting page",
        26,
    )?;
    commit(
        &[("content/en/blog/2026-03-release-1-5.md", Some(EN_RELEASE))],
        "blog: Lumen 1.5 is out",
        60,
    )?;
    commit(
        &[("content/en/docs/concepts/caching.md", Some(EN_CACHING_V2))],
        "docs: caching keeps entries for 10 minutes now",
        64,
    )?;
    // Formatting only: the configuration guide's translation stays current.
    commit(
        &[(
            "content/en/docs/configure.md",
            Some(&EN_CONFIGURE.replace(
                "Lumen reads `lumen.toml` from the folder it serves.",
                "Lumen reads `lumen.toml`\nfrom the folder it serves.",
            )),
        )],
        "docs: wrap lines in the configuration guide",
        66,
    )?;
    // A typo fix that translators need not follow, marked as such.
    commit(
        &[(
            "content/en/blog/2026-01-launch.md",
            Some(&EN_LAUNCH.replace("a small server", "a small, fast server")),
        )],
        "blog: launch post wording [skip-l10n]",
        67,
    )?;
    commit(
        &[(
            "content/en/docs/install.md",
            Some(&EN_INSTALL_V2.replace(
                "Run `lumen --version`: it prints the version number.",
                "Run `lumen --version`: it prints the version number and the build date.",
            )),
        )],
        "docs: install: say what --version prints",
        70,
    )?;
    repo.finish()?;
    Ok(commits)
}

const HUGO_TOML: &str = r#"baseURL = "https://lumen.example.org/"
title = "Lumen"
defaultContentLanguage = "en"

[languages.en]
contentDir = "content/en"
languageName = "English"
weight = 1

[languages.fr]
contentDir = "content/fr"
languageName = "Français"
weight = 2
"#;

const EN_INDEX: &str = r#"---
title: "Lumen"
description: "Lumen serves static sites, fast."
---

Lumen is a small server for static sites. Start with the [installation guide](docs/install/).
"#;

const FR_INDEX: &str = r#"---
title: "Lumen"
description: "Lumen sert des sites statiques, vite."
default_lang_commit: {pin}
---

Lumen est un petit serveur de sites statiques. Commencez par le [guide d'installation](docs/install/).
"#;

const EN_INSTALL_V1: &str = r#"---
title: "Install Lumen"
weight: 10
---

## Before you begin {#before-you-begin}

You need a Linux or macOS machine with 512 MB of free memory.

## Install the binary {#install-the-binary}

Download the latest release and put it on your `PATH`:

```shell
curl -LO https://lumen.example.org/releases/lumen-1.4.tar.gz
tar xzf lumen-1.4.tar.gz
```

## Check the installation {#check}

Run `lumen --version`: it prints the version number.
"#;

const EN_INSTALL_V2: &str = r#"---
title: "Install Lumen"
weight: 10
---

## Before you begin {#before-you-begin}

You need a Linux or macOS machine with 1 GB of free memory, and `curl`.

## Install the binary {#install-the-binary}

Download the latest release and put it on your `PATH`:

```shell
curl -LO https://lumen.example.org/releases/lumen-1.5.tar.gz
tar xzf lumen-1.5.tar.gz
```

## Install with a package manager {#package-managers}

On macOS, run `brew install lumen`. On Debian and Ubuntu, run `apt install lumen`.

## Check the installation {#check}

Run `lumen --version`: it prints the version number.
"#;

const FR_INSTALL: &str = r#"---
title: "Installer Lumen"
weight: 10
default_lang_commit: {pin}
---

## Avant de commencer {#before-you-begin}

Il vous faut une machine Linux ou macOS avec 512 Mo de mémoire libre.

## Installer le binaire {#install-the-binary}

Téléchargez la dernière version et placez-la dans votre `PATH` :

```shell
curl -LO https://lumen.example.org/releases/lumen-1.4.tar.gz
tar xzf lumen-1.4.tar.gz
```

## Vérifier l'installation {#check}

Lancez `lumen --version` : la commande affiche le numéro de version.
"#;

const EN_SETUP: &str = r#"---
title: "Set up a site"
weight: 20
---

Create a folder `public/` and run `lumen serve public/`. Lumen listens on port 8080.
"#;

const FR_SETUP: &str = r#"---
title: "Préparer un site"
weight: 20
---

Créez un dossier `public/` et lancez `lumen serve public/`. Lumen écoute sur le port 8080.
"#;

const EN_FAQ: &str = r#"---
title: "FAQ"
weight: 90
---

**Does Lumen need a database?** No: it reads files.
"#;

const FR_FAQ: &str = r#"---
title: "Questions fréquentes"
weight: 90
---

**Lumen a-t-il besoin d'une base de données ?** Non : il lit des fichiers.
"#;

const EN_OVERVIEW_V1: &str = r#"---
title: "Overview"
---

Lumen reads files from disk and sends them as they are.

## Requests

Each request maps to one file. Folders serve their `index.html`.
"#;

const EN_OVERVIEW_V2: &str = r#"---
title: "Overview"
---

Lumen reads files from disk and sends them as they are.

## Requests

Each request maps to one file. Folders serve their `index.html`.

## The request cache

Lumen keeps the 1,000 most requested files in memory, so that popular pages are served without reading the disk.
"#;

const FR_OVERVIEW: &str = r#"---
title: "Vue d'ensemble"
---

Lumen lit les fichiers sur le disque et les envoie tels quels.

## Requêtes

Chaque requête correspond à un fichier. Un dossier sert son `index.html`.
"#;

const EN_CACHING_V1: &str = r#"---
title: "Caching"
---

Lumen sends `Cache-Control: max-age=300`, so browsers keep pages for 5 minutes.
"#;

const EN_CACHING_V2: &str = r#"---
title: "Caching"
---

Lumen sends `Cache-Control: max-age=600`, so browsers keep pages for 10 minutes.
"#;

const FR_CACHING: &str = r#"---
title: "Mise en cache"
default_lang_commit: {pin}
---

Lumen envoie `Cache-Control: max-age=300` : les navigateurs gardent les pages 5 minutes.
"#;

const EN_CONFIGURE: &str = r#"---
title: "Configure Lumen"
weight: 30
---

Lumen reads `lumen.toml` from the folder it serves.

```toml
port = 8080
compress = true
```
"#;

const FR_CONFIGURE: &str = r#"---
title: "Configurer Lumen"
weight: 30
default_lang_commit: {pin}
---

Lumen lit `lumen.toml` dans le dossier qu'il sert.

```toml
port = 8080
compress = true
```
"#;

const EN_TROUBLESHOOTING: &str = r#"---
title: "Troubleshooting"
weight: 40
---

If Lumen does not start, check that nothing else listens on port 8080.
"#;

const EN_LAUNCH: &str = r#"---
title: "Hello, Lumen"
date: 2026-01-05
---

Today we release Lumen 1.4, a small server for static sites.
"#;

const FR_LAUNCH: &str = r#"---
title: "Bonjour, Lumen"
date: 2026-01-05
default_lang_commit: {pin}
---

Nous publions aujourd'hui Lumen 1.4, un petit serveur de sites statiques.
"#;

const EN_RELEASE: &str = r#"---
title: "Lumen 1.5 is out"
date: 2026-03-06
---

Lumen 1.5 needs 1 GB of memory and ships packages for Homebrew and Debian.
"#;
