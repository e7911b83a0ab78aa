//! Values computed lately, by the text they were computed from, shared by the threads of a run: a page's versions
//! mostly share their front matter, so what is read from it is computed once.

use std::sync::{Mutex, PoisonError};

use super::hash::TextMap;

/// A map from text to a value computed from it, emptied when it holds `kept` values.
pub struct Recent<V> {
    kept: usize,
    values: Mutex<Option<TextMap<Box<str>, V>>>,
}

impl<V: Clone> Recent<V> {
    pub const fn new(kept: usize) -> Self {
        Recent {
            kept,
            values: Mutex::new(None),
        }
    }

    /// The value kept for `key`, else `compute()`'s, kept.
    pub fn get_or(&self, key: &str, compute: impl FnOnce() -> V) -> V {
        if let Some(value) = self.lock().as_ref().and_then(|values| values.get(key)) {
            return value.clone();
        }
        // Computed without the lock: another thread may compute the same value meanwhile, which is only time.
        let value = compute();
        let mut values = self.lock();
        let values = values.get_or_insert_with(TextMap::default);
        if values.len() >= self.kept {
            values.clear();
        }
        values.insert(key.into(), value.clone());
        value
    }

    /// [`get_or`](Self::get_or) with the key written by `key` into a buffer kept from call to call (on this
    /// thread): keys built from several parts cost no allocation each. Should `compute` ask for a value this way
    /// too, that inner one is computed without being kept.
    pub fn get_or_keyed(&self, key: impl FnOnce(&mut String), compute: impl FnOnce() -> V) -> V {
        thread_local! {
            static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        KEY.with(|buffer| {
            let Ok(mut buffer) = buffer.try_borrow_mut() else {
                return compute();
            };
            buffer.clear();
            key(&mut buffer);
            self.get_or(&buffer, compute)
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<TextMap<Box<str>, V>>> {
        // A thread that panicked holding the lock left a map of whole values.
        self.values.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::Recent;

    #[test]
    fn a_value_is_computed_once_until_the_map_is_full() {
        let recent: Recent<usize> = Recent::new(2);
        let computed = std::cell::Cell::new(0);
        let get = |key: &str| {
            recent.get_or(key, || {
                computed.set(computed.get() + 1);
                key.len()
            })
        };
        assert_eq!(get("ab"), 2);
        assert_eq!(get("ab"), 2);
        assert_eq!(get("abc"), 3);
        assert_eq!(computed.get(), 2);
        // Full: the third key empties the map first.
        assert_eq!(get("abcd"), 4);
        assert_eq!(get("ab"), 2);
        assert_eq!(computed.get(), 4);
    }
}
