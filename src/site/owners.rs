//! Who reviews a translation: the site's `OWNERS` files (Kubernetes format, aliases resolved through
//! `OWNERS_ALIASES`), its `CODEOWNERS`, or the config (`tasks.reviewers`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// Reviewers of one page, and where they come from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reviewers {
    /// As written: aliases (`sig-docs-fr-reviews`), users, `@org/team`.
    pub names: Vec<String>,
    /// GitHub users, aliases expanded (what `gh issue create --assignee` takes).
    pub users: Vec<String>,
    /// The file they were read from (repo-relative), or `tandem.yaml`.
    pub from: Option<String>,
}

/// `OWNERS` (the parts that matter here).
#[derive(Debug, Default, Deserialize)]
struct OwnersFile {
    #[serde(default)]
    reviewers: Vec<String>,
    #[serde(default)]
    approvers: Vec<String>,
}

/// `OWNERS_ALIASES`.
#[derive(Debug, Default, Deserialize)]
struct AliasesFile {
    #[serde(default)]
    aliases: BTreeMap<String, Option<Vec<String>>>,
}

/// Where reviewers come from (`tasks.reviewers`): `OWNERS`, `CODEOWNERS`, `none`, or a list of handles
/// (`@alice, @bob`). By default `OWNERS`, falling back to `CODEOWNERS`.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewerSource {
    Auto,
    Owners,
    CodeOwners,
    None,
    Listed(Vec<String>),
}

impl ReviewerSource {
    pub fn from_config(value: Option<&str>) -> ReviewerSource {
        match value.map(str::trim) {
            None | Some("") => ReviewerSource::Auto,
            Some(v) if v.eq_ignore_ascii_case("owners") => ReviewerSource::Owners,
            Some(v) if v.eq_ignore_ascii_case("codeowners") => ReviewerSource::CodeOwners,
            Some(v) if v.eq_ignore_ascii_case("none") => ReviewerSource::None,
            Some(list) => ReviewerSource::Listed(
                list.split([',', ' '])
                    .map(|s| s.trim().trim_start_matches('@').to_owned())
                    .filter(|s| !s.is_empty())
                    .collect(),
            ),
        }
    }
}

/// Reads reviewers for pages of one repository, caching the files.
pub struct ReviewerFinder {
    root: std::path::PathBuf,
    source: ReviewerSource,
    aliases: BTreeMap<String, Vec<String>>,
    /// The CODEOWNERS file found and its rules.
    codeowners: Option<(String, Vec<CodeOwnersRule>)>,
}

impl ReviewerFinder {
    pub fn new(root: &Path, source: ReviewerSource) -> ReviewerFinder {
        let aliases = std::fs::read_to_string(root.join("OWNERS_ALIASES"))
            .ok()
            .and_then(|text| serde_saphyr::from_str::<AliasesFile>(&text).ok())
            .map(|file| {
                file.aliases
                    .into_iter()
                    .map(|(alias, users)| (alias, users.unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default();
        let codeowners = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]
            .iter()
            .find_map(|name| {
                std::fs::read_to_string(root.join(name))
                    .ok()
                    .map(|text| ((*name).to_owned(), parse_codeowners(&text)))
            });
        ReviewerFinder {
            root: root.to_path_buf(),
            source,
            aliases,
            codeowners,
        }
    }

    /// Reviewers of `path` (repo-relative, `/`).
    pub fn reviewers(&self, path: &str) -> Reviewers {
        match &self.source {
            ReviewerSource::None => Reviewers::default(),
            ReviewerSource::Listed(names) => self.expand(
                names.clone(),
                Some(crate::site::config::CONFIG_FILE.to_owned()),
            ),
            ReviewerSource::Owners => self.in_owners(path).unwrap_or_default(),
            ReviewerSource::CodeOwners => self.in_codeowners(path).unwrap_or_default(),
            ReviewerSource::Auto => self
                .in_owners(path)
                .or_else(|| self.in_codeowners(path))
                .unwrap_or_default(),
        }
    }

    /// The nearest `OWNERS` file from the page's folder up to the root that names reviewers (else approvers).
    fn in_owners(&self, path: &str) -> Option<Reviewers> {
        let mut dir = Path::new(path).parent();
        while let Some(current) = dir {
            let owners = self.root.join(current).join("OWNERS");
            if let Some(file) = std::fs::read_to_string(&owners)
                .ok()
                .and_then(|text| serde_saphyr::from_str::<OwnersFile>(&text).ok())
            {
                let names = if file.reviewers.is_empty() {
                    file.approvers
                } else {
                    file.reviewers
                };
                if !names.is_empty() {
                    let from = crate::site::config::relative_slash(&self.root, &owners);
                    return Some(self.expand(names, Some(from)));
                }
            }
            dir = current.parent();
        }
        None
    }

    fn in_codeowners(&self, path: &str) -> Option<Reviewers> {
        let (file, rules) = self.codeowners.as_ref()?;
        // The last matching pattern wins.
        let owners = rules
            .iter()
            .rev()
            .find(|(pattern, _)| codeowners_match(pattern, path))
            .map(|(_, owners)| owners.clone())?;
        if owners.is_empty() {
            return None;
        }
        Some(Reviewers {
            users: owners
                .iter()
                .filter(|o| !o.contains('/') && !o.contains('@'))
                .cloned()
                .collect(),
            names: owners,
            from: Some(file.clone()),
        })
    }

    fn expand(&self, names: Vec<String>, from: Option<String>) -> Reviewers {
        let mut users = Vec::new();
        for name in &names {
            match self.aliases.get(name) {
                Some(members) => users.extend(members.iter().cloned()),
                None => users.push(name.clone()),
            }
        }
        users.sort();
        users.dedup();
        Reviewers { names, users, from }
    }
}

/// A CODEOWNERS line: a pattern and its owners.
type CodeOwnersRule = (String, Vec<String>);

/// `pattern @owner @org/team` lines; owners keep their name without `@`.
fn parse_codeowners(text: &str) -> Vec<CodeOwnersRule> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let pattern = words.next()?.to_owned();
            let owners = words
                .take_while(|w| !w.starts_with('#'))
                .map(|w| w.trim_start_matches('@').to_owned())
                .collect();
            Some((pattern, owners))
        })
        .collect()
}

/// CODEOWNERS patterns follow gitignore rules: `/docs/` anchors at the root, `docs/` matches any folder of that name,
/// `*.md` any file name, `**` any depth.
fn codeowners_match(pattern: &str, path: &str) -> bool {
    let anchored = pattern.starts_with('/') || pattern.trim_end_matches('/').contains('/');
    let mut glob = pattern.trim_start_matches('/').to_owned();
    if glob.ends_with('/') {
        glob.push_str("**");
    }
    if !anchored {
        glob = format!("**/{glob}");
    }
    let matches = |g: &str| {
        globset::GlobBuilder::new(g)
            .literal_separator(true)
            .build()
            .map(|g| g.compile_matcher().is_match(path))
            .unwrap_or(false)
    };
    // A pattern naming a folder also covers what is inside it.
    matches(&glob) || (!glob.ends_with("**") && matches(&format!("{glob}/**")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codeowners_patterns() {
        assert!(codeowners_match("/content/fr/", "content/fr/docs/a.md"));
        assert!(codeowners_match("content/fr/", "content/fr/docs/a.md"));
        assert!(codeowners_match("*.md", "content/fr/docs/a.md"));
        assert!(codeowners_match("/content/fr", "content/fr/a.md"));
        assert!(!codeowners_match("/content/de/", "content/fr/a.md"));
        assert!(codeowners_match("docs/", "content/fr/docs/a.md"));
    }

    #[test]
    fn reviewer_sources() {
        assert_eq!(ReviewerSource::from_config(None), ReviewerSource::Auto);
        assert_eq!(
            ReviewerSource::from_config(Some("OWNERS")),
            ReviewerSource::Owners
        );
        assert_eq!(
            ReviewerSource::from_config(Some("@alice, @bob")),
            ReviewerSource::Listed(vec!["alice".into(), "bob".into()])
        );
    }
}
