//! Pure: which front-matter keys changed between two versions of a page, value by value. A change that is only in the
//! front matter (a version bumped in `cascade`, an `image:` path) is a change a translator must be shown.

use serde::{Deserialize, Serialize};

use crate::markdown::document::Document;

/// One front-matter key that differs: its value before and after (`None`: absent on that side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyChange {
    /// Dotted below maps: `cascade.version`.
    pub key: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The keys whose values differ between `old` and `new` (bookkeeping keys are already left out of both), in key
/// order.
pub fn key_changes(old: &Document, new: &Document) -> Vec<KeyChange> {
    let mut keys: Vec<&String> = old
        .front_matter_values
        .keys()
        .chain(new.front_matter_values.keys())
        .collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let before = old.front_matter_values.get(key);
            let after = new.front_matter_values.get(key);
            (before != after).then(|| KeyChange {
                key: key.clone(),
                old: before.cloned(),
                new: after.cloned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::document::{SiteContext, parse};

    fn doc(text: &str) -> Document {
        let site = SiteContext {
            bookkeeping: vec!["default_lang_commit".into()],
            ..SiteContext::default()
        };
        parse(text, &site).unwrap()
    }

    #[test]
    fn changed_added_and_removed_keys_with_their_values() {
        let old = doc(
            "---\ntitle: A\ncascade:\n  version: 1.2\nimage: a.png\ndefault_lang_commit: abc\n---\nBody\n",
        );
        let new = doc(
            "---\ntitle: A\ncascade:\n  version: 1.3\nweight: 4\ndefault_lang_commit: def\n---\nBody\n",
        );
        let changes = key_changes(&old, &new);
        let shown: Vec<(&str, Option<&str>, Option<&str>)> = changes
            .iter()
            .map(|c| (c.key.as_str(), c.old.as_deref(), c.new.as_deref()))
            .collect();
        assert_eq!(
            shown,
            [
                ("cascade.version", Some("1.2"), Some("1.3")),
                ("image", Some("a.png"), None),
                ("weight", None, Some("4")),
            ]
        );
    }
}
