//! The forge a repository is hosted on, read from its `origin` remote URL: what kind it is and the web address of
//! the repository, for links to files and to compare views. Credentials in the URL never reach the output.

use serde::Serialize;

/// The forges whose web addresses tandem knows how to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ForgeKind {
    Github,
    Gitlab,
    /// Gitea and Forgejo (Codeberg): the same web routes.
    Gitea,
}

/// A repository on a forge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Forge {
    pub kind: ForgeKind,
    /// `https://host/owner/repo`, without credentials, `.git` or a trailing slash.
    pub web_url: String,
}

impl Forge {
    /// Reads a remote URL: `https://[user[:token]@]host[:port]/path[.git]`, `ssh://[user@]host[:port]/path`,
    /// `git://host/path` or scp-like `user@host:path`. `None` for local paths and hosts of no known forge.
    pub fn from_remote_url(url: &str) -> Option<Forge> {
        let url = url.trim();
        let (scheme, rest) = match url.split_once("://") {
            Some((scheme, rest)) => (Some(scheme.to_ascii_lowercase()), rest),
            None => (None, url),
        };
        let (host, path) = match &scheme {
            Some(scheme) => {
                if !matches!(
                    scheme.as_str(),
                    "https" | "http" | "ssh" | "git" | "git+ssh"
                ) {
                    return None;
                }
                let (authority, path) = rest.split_once('/')?;
                let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
                // The web address is https on the host; an ssh port says nothing about it, an https one does.
                let host = if scheme.starts_with("http") {
                    host_port.to_owned()
                } else {
                    host_port.split(':').next().unwrap_or("").to_owned()
                };
                (host, path)
            }
            None => {
                // scp-like: [user@]host:path (a local path has no colon before its first slash).
                let (authority, path) = rest.split_once(':')?;
                if authority.contains('/') || authority.is_empty() {
                    return None;
                }
                let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
                (host.to_owned(), path)
            }
        };
        let host = host.to_ascii_lowercase();
        let path = path.trim_matches('/');
        let path = path
            .strip_suffix(".git")
            .unwrap_or(path)
            .trim_end_matches('/');
        if host.is_empty() || path.is_empty() || !path.contains('/') {
            return None;
        }
        let kind = kind_of(&host)?;
        Some(Forge {
            kind,
            web_url: format!("https://{host}/{path}"),
        })
    }

    /// The page of `path` as it is at `commit`.
    pub fn file_url(&self, commit: &str, path: &str) -> String {
        let path = encode_path(path);
        match self.kind {
            ForgeKind::Github => format!("{}/blob/{commit}/{path}", self.web_url),
            ForgeKind::Gitlab => format!("{}/-/blob/{commit}/{path}", self.web_url),
            ForgeKind::Gitea => format!("{}/src/commit/{commit}/{path}", self.web_url),
        }
    }

    /// The page of one commit.
    pub fn commit_url(&self, commit: &str) -> String {
        match self.kind {
            ForgeKind::Github | ForgeKind::Gitea => format!("{}/commit/{commit}", self.web_url),
            ForgeKind::Gitlab => format!("{}/-/commit/{commit}", self.web_url),
        }
    }

    /// The compare view from `from` to `to`.
    pub fn compare_url(&self, from: &str, to: &str) -> String {
        match self.kind {
            ForgeKind::Github | ForgeKind::Gitea => {
                format!("{}/compare/{from}...{to}", self.web_url)
            }
            ForgeKind::Gitlab => format!("{}/-/compare/{from}...{to}", self.web_url),
        }
    }
}

/// The forge kind of a host: the public instances by name, self-hosted ones by a name that says what they run.
fn kind_of(host: &str) -> Option<ForgeKind> {
    let name = host.split(':').next().unwrap_or(host);
    let labels: Vec<&str> = name.split('.').collect();
    let has = |word: &str| labels.contains(&word);
    if name == "github.com" || name.ends_with(".github.com") || has("github") {
        Some(ForgeKind::Github)
    } else if name == "gitlab.com" || has("gitlab") {
        Some(ForgeKind::Gitlab)
    } else if matches!(name, "codeberg.org" | "gitea.com") || has("gitea") || has("forgejo") {
        Some(ForgeKind::Gitea)
    } else {
        None
    }
}

/// Percent-encodes what a URL path cannot hold as is (spaces, `#`, `?`, `%`, non-ASCII), keeping `/`.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web(url: &str) -> Option<(ForgeKind, String)> {
        Forge::from_remote_url(url).map(|f| (f.kind, f.web_url))
    }

    #[test]
    fn remote_urls_of_known_forges() {
        let gh = Some((ForgeKind::Github, "https://github.com/o/r".to_owned()));
        assert_eq!(web("https://github.com/o/r.git"), gh);
        assert_eq!(web("https://github.com/o/r"), gh);
        assert_eq!(web("https://github.com/o/r/"), gh);
        assert_eq!(web("git@github.com:o/r.git"), gh);
        assert_eq!(web("ssh://git@github.com:22/o/r.git"), gh);
        assert_eq!(
            web("https://x-access-token:ghp_secret@github.com/o/r.git"),
            gh
        );
        assert_eq!(
            web("https://oauth2:glpat-secret@gitlab.com/group/sub/r.git"),
            Some((
                ForgeKind::Gitlab,
                "https://gitlab.com/group/sub/r".to_owned()
            ))
        );
        assert_eq!(
            web("git@gitlab.example.org:team/site.git"),
            Some((
                ForgeKind::Gitlab,
                "https://gitlab.example.org/team/site".to_owned()
            ))
        );
        assert_eq!(
            web("https://codeberg.org/o/r.git"),
            Some((ForgeKind::Gitea, "https://codeberg.org/o/r".to_owned()))
        );
        assert_eq!(
            web("https://gitea.example.org:3000/o/r"),
            Some((
                ForgeKind::Gitea,
                "https://gitea.example.org:3000/o/r".to_owned()
            ))
        );
    }

    #[test]
    fn no_forge_for_paths_and_unknown_hosts() {
        assert_eq!(web("/srv/git/site.git"), None);
        assert_eq!(web("../site"), None);
        assert_eq!(web("file:///srv/git/site.git"), None);
        assert_eq!(web("https://git.example.org/o/r.git"), None);
        assert_eq!(web("https://github.com/"), None);
        assert_eq!(web(""), None);
    }

    #[test]
    fn credentials_never_reach_the_web_url() {
        let forge = Forge::from_remote_url("https://user:p%40ss@github.com/o/r.git").unwrap();
        assert!(!forge.web_url.contains("user") && !forge.web_url.contains("ss@"));
    }

    #[test]
    fn links_per_forge() {
        let gh = Forge::from_remote_url("https://github.com/o/r").unwrap();
        assert_eq!(
            gh.file_url("abc", "content/fr/a b#.md"),
            "https://github.com/o/r/blob/abc/content/fr/a%20b%23.md"
        );
        assert_eq!(
            gh.compare_url("a", "b"),
            "https://github.com/o/r/compare/a...b"
        );
        assert_eq!(gh.commit_url("a"), "https://github.com/o/r/commit/a");
        let gl = Forge::from_remote_url("https://gitlab.com/o/r").unwrap();
        assert_eq!(
            gl.file_url("abc", "x.md"),
            "https://gitlab.com/o/r/-/blob/abc/x.md"
        );
        assert_eq!(
            gl.compare_url("a", "b"),
            "https://gitlab.com/o/r/-/compare/a...b"
        );
        let gt = Forge::from_remote_url("https://codeberg.org/o/r").unwrap();
        assert_eq!(
            gt.file_url("abc", "é.md"),
            "https://codeberg.org/o/r/src/commit/abc/%C3%A9.md"
        );
        assert_eq!(
            gt.compare_url("a", "b"),
            "https://codeberg.org/o/r/compare/a...b"
        );
    }
}
