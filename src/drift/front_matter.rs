//! Pure: which front-matter keys changed between two versions of a page, value by value. A change that is only in the
//! front matter (a version bumped in `cascade`, an `image:` path) is a change a translator must be shown.

use serde::{Deserialize, Serialize};

use crate::markdown::document::Document;
use crate::markdown::yaml::same_key;

/// What a front-matter key is to a translation (`front_matter:` in `tandem.yaml`). JSON `class`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyClass {
    /// Its value is translated (`title`): a change is work for a translator.
    Translated,
    /// Its value is copied from the source as it is (`weight`, `date`): a change is copied, not translated.
    Mirrored,
    /// Each page has its own value (`slug`, `aliases`): a change to the source's is no drift.
    Own,
}

impl KeyClass {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyClass::Translated => "translated",
            KeyClass::Mirrored => "mirrored",
            KeyClass::Own => "own",
        }
    }
}

/// The three lists of front-matter keys, dotted below maps (`cascade.version`); an entry for a map covers the keys
/// below it. Keys match whatever their case. A key in no list is translated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyClasses {
    pub translated: Vec<String>,
    pub mirrored: Vec<String>,
    pub own: Vec<String>,
    /// The keys `tandem.yaml` names in its lists: their class is never read from a page.
    pub named: Vec<String>,
}

/// How many parts of dotted `key` the list entry `entry` covers: all of `entry`'s, when `entry` is `key` or one of
/// the maps above it.
fn covers(entry: &str, key: &str) -> Option<usize> {
    let entry: Vec<&str> = entry.split('.').collect();
    let key: Vec<&str> = key.split('.').collect();
    (entry.len() <= key.len() && entry.iter().zip(&key).all(|(a, b)| same_key(a, b)))
        .then_some(entry.len())
}

impl KeyClasses {
    /// The class of dotted `key`: the list with the most specific entry covering it (`translated: [cascade.title]`
    /// wins over `mirrored: [cascade]`); translated when no entry covers it.
    pub fn class_of(&self, key: &str) -> KeyClass {
        let best = |list: &[String]| list.iter().filter_map(|e| covers(e, key)).max();
        [
            (KeyClass::Own, best(&self.own)),
            (KeyClass::Mirrored, best(&self.mirrored)),
            (KeyClass::Translated, best(&self.translated)),
        ]
        .into_iter()
        .filter_map(|(class, depth)| depth.map(|d| (d, class)))
        // Deepest first; at equal depth own, then mirrored (the lists are checked for overlaps when read).
        .max_by_key(|(depth, class)| (*depth, std::cmp::Reverse(*class)))
        .map_or(KeyClass::Translated, |(_, class)| class)
    }

    /// The list that names dotted `key` (or a map above it) as part of a page's content, translated or mirrored, if
    /// one does: a pin written there would replace it.
    pub fn content_list_naming(&self, key: &str) -> Option<KeyClass> {
        let class = self.class_of(key);
        let list = match class {
            KeyClass::Translated => &self.translated,
            KeyClass::Mirrored => &self.mirrored,
            KeyClass::Own => return None,
        };
        list.iter()
            .any(|e| covers(e, key).is_some())
            .then_some(class)
    }

    /// The own entries whose whole subtree is own: no more specific entry of another list lies below them. These
    /// are left out of a source's meaning like bookkeeping keys.
    pub fn own_subtrees(&self) -> Vec<String> {
        self.own
            .iter()
            .filter(|own| {
                !self
                    .translated
                    .iter()
                    .chain(&self.mirrored)
                    .any(|other| covers(own, other).is_some_and(|_| !same_path_len(own, other)))
            })
            .cloned()
            .collect()
    }

    /// [`KeyClasses::classify`], then what the translation did with a key says more than a default class, where
    /// `tandem.yaml` does not name the key: a key the default lists call mirrored that the translation holds with a
    /// value other than the source's at the sync point (`change.old`; translated tags) is translated for this page,
    /// and a key in no list that the translation holds with the source's value (`status: Completed`, copied) is
    /// mirrored for this page. `translation`: the translation's front-matter values.
    pub fn classify_for(
        &self,
        changes: &mut Vec<KeyChange>,
        translation: &std::collections::BTreeMap<String, String>,
    ) {
        self.classify(changes);
        for change in changes.iter_mut() {
            if self.names(&change.key) {
                continue;
            }
            let Some(there) = value_in(translation, &change.key) else {
                continue;
            };
            let listed = [&self.translated, &self.mirrored, &self.own]
                .iter()
                .any(|list| list.iter().any(|e| covers(e, &change.key).is_some()));
            change.class = match change.class {
                KeyClass::Mirrored if change.old.as_ref() != Some(there) => KeyClass::Translated,
                KeyClass::Translated if !listed && change.old.as_ref() == Some(there) => {
                    KeyClass::Mirrored
                }
                class => class,
            };
        }
    }

    /// Whether the translated list covers dotted `key` (the key or a map above it): the keys the walk back over
    /// translation commits counts.
    pub fn lists_translated(&self, key: &str) -> bool {
        self.translated
            .iter()
            .any(|entry| covers(entry, key).is_some())
    }

    /// Whether `tandem.yaml` names dotted `key` (or a map above it) in one of its lists.
    pub fn names(&self, key: &str) -> bool {
        self.named.iter().any(|n| covers(n, key).is_some())
    }

    /// Sets the class of each change, and drops the changes to own keys (a source's own keys are no drift).
    pub fn classify(&self, changes: &mut Vec<KeyChange>) {
        for change in changes.iter_mut() {
            change.class = self.class_of(&change.key);
        }
        changes.retain(|change| change.class != KeyClass::Own);
    }
}

/// Marks `in_translation` each change whose new value the translation already holds (`translation`: its
/// front-matter values): a key the source removed that the translation never had, or a value the translation took
/// with the source (in the same pull request). Such a change asks nothing of this translation; the commit that made
/// it is not known here (`translated_in` stays empty).
pub fn mark_held(
    changes: &mut [KeyChange],
    translation: &std::collections::BTreeMap<String, String>,
) {
    for change in changes.iter_mut().filter(|c| !c.in_translation) {
        if value_in(translation, &change.key) == change.new.as_ref() {
            change.in_translation = true;
        }
    }
}

/// The translation's value of `key`, its name compared without regard to case (as Hugo reads keys).
fn value_in<'t>(
    translation: &'t std::collections::BTreeMap<String, String>,
    key: &str,
) -> Option<&'t String> {
    translation
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(key))
        .map(|(_, value)| value)
}

fn same_path_len(a: &str, b: &str) -> bool {
    a.split('.').count() == b.split('.').count()
}

/// One front-matter key that differs: its value before and after (`None`: absent on that side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyChange {
    /// Dotted below maps: `cascade.version`.
    pub key: String,
    /// Translated unless [`KeyClasses::classify`] says otherwise.
    pub class: KeyClass,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The translation changed this key after the source last did (a translated `tags` list brought up to date): its
    /// change asks for nothing more. Only for keys the walk back over translation commits does not count (those the
    /// key lists do not call translated): a change to a listed key moves the sync point instead.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_translation: bool,
    /// With `in_translation`: the translation commit that set the key (full hash), one the walk back passed over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_in: Option<String>,
}

/// The keys whose values differ between `old` and `new` (bookkeeping and own keys are already left out of both), in
/// key order, each classed translated (see [`KeyClasses::classify`]).
pub fn key_changes(old: &Document, new: &Document) -> Vec<KeyChange> {
    value_changes(old.front_matter_values(), new.front_matter_values())
}

/// [`key_changes`] from the front matters' values alone (`document::front_matter_values`): no body is parsed.
pub fn value_changes(
    old: &std::collections::BTreeMap<String, String>,
    new: &std::collections::BTreeMap<String, String>,
) -> Vec<KeyChange> {
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let before = old.get(key);
            let after = new.get(key);
            (before != after).then(|| KeyChange {
                key: key.clone(),
                class: KeyClass::Translated,
                old: before.cloned(),
                new: after.cloned(),
                in_translation: false,
                translated_in: None,
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

    #[test]
    fn what_the_translation_did_with_a_key_decides_where_the_config_does_not() {
        let classes = KeyClasses {
            translated: vec!["title".into()],
            mirrored: vec!["tags".into(), "weight".into()],
            own: vec!["slug".into()],
            named: vec!["weight".into()],
        };
        let change = |key: &str, old: Option<&str>| KeyChange {
            key: key.into(),
            class: KeyClass::Translated,
            old: old.map(str::to_owned),
            new: Some("new".into()),
            in_translation: false,
            translated_in: None,
        };
        let mut changes = vec![
            change("tags", Some("[a]")),
            change("Status", Some("Done")),
            change("weight", Some("1")),
            change("title", Some("Guide")),
            change("category", Some("x")),
            change("image", None),
        ];
        let translation: std::collections::BTreeMap<String, String> = [
            ("tags", "[à]"),
            ("status", "Done"),
            ("weight", "2"),
            ("title", "Guide"),
            ("category", "y"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        classes.classify_for(&mut changes, &translation);
        let classes: Vec<(&str, KeyClass)> =
            changes.iter().map(|c| (c.key.as_str(), c.class)).collect();
        assert_eq!(
            classes,
            [
                // A value of its own: translated for this page.
                ("tags", KeyClass::Translated),
                // In no list, copied: mirrored for this page (keys match whatever their case).
                ("Status", KeyClass::Mirrored),
                // Named in tandem.yaml: stands.
                ("weight", KeyClass::Mirrored),
                // Listed translated: stands, copied or not.
                ("title", KeyClass::Translated),
                ("category", KeyClass::Translated),
                // Not in the translation: the lists say.
                ("image", KeyClass::Translated),
            ]
        );
    }

    #[test]
    fn classes_by_most_specific_entry_whatever_the_case() {
        let classes = KeyClasses {
            translated: vec!["title".into(), "cascade.title".into()],
            mirrored: vec!["Weight".into(), "cascade".into()],
            own: vec!["slug".into(), "aliases".into()],
            named: Vec::new(),
        };
        assert_eq!(classes.class_of("weight"), KeyClass::Mirrored);
        assert_eq!(classes.class_of("cascade.version"), KeyClass::Mirrored);
        assert_eq!(classes.class_of("Cascade.Title"), KeyClass::Translated);
        assert_eq!(classes.class_of("SLUG"), KeyClass::Own);
        assert_eq!(classes.class_of("author"), KeyClass::Translated);
        assert_eq!(classes.class_of("weightless"), KeyClass::Translated);
        assert_eq!(classes.own_subtrees(), ["slug", "aliases"]);
        let nested = KeyClasses {
            translated: vec!["params.title".into()],
            own: vec!["params".into()],
            ..KeyClasses::default()
        };
        assert!(nested.own_subtrees().is_empty());
        assert_eq!(nested.class_of("params.x"), KeyClass::Own);
    }
}
