//! The storage adapter: a small synchronous key-value trait shaped like `localStorage`, and
//! [`MemoryStore`], the in-memory version used by the tests and whenever the browser's storage
//! is blocked.
//!
//! The trait knows nothing of check-ins or namespaces: it is the whole surface the browser
//! adapter has to implement (`getItem`, `setItem`, `removeItem`, and the keys), so everything
//! worth testing stays in the pure domain.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use crate::i18n::Msg;

/// Why the storage refused a call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// There is no storage, or the browser refuses access to it (a `SecurityError`, as in
    /// sandboxed or third-party iframes and some private modes). The widget then works in a
    /// [`MemoryStore`] and tells the person nothing will be kept.
    Unavailable,
    /// A write went over the storage quota. The write did not happen; nothing else changed.
    QuotaExceeded,
    /// Anything else the browser reported, for the logs.
    Other(String),
}

impl StoreError {
    /// What to tell the person, in plain words.
    pub fn message(&self) -> Msg {
        match self {
            StoreError::Unavailable => Msg::StorageBlocked,
            StoreError::QuotaExceeded => Msg::StorageFull,
            StoreError::Other(_) => Msg::StorageFailed,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => f.write_str("storage is not available"),
            StoreError::QuotaExceeded => f.write_str("storage quota exceeded"),
            StoreError::Other(what) => write!(f, "storage failed: {what}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A synchronous string key-value store, like the browser's `localStorage`.
///
/// Implementations must never panic: every failure is a [`StoreError`]. A failed `set` must
/// leave the old value of the key in place (as `localStorage.setItem` does on a quota error).
pub trait Store {
    /// The value stored under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`, replacing any old value.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key`; removing a missing key is not an error.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store, the widget's own and everyone else's (the repository filters its
    /// own and never touches the others).
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

impl<S: Store + ?Sized> Store for Box<S> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
}

impl<S: Store + ?Sized> Store for &mut S {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
}

#[derive(Debug, Default)]
struct Memory {
    /// Sorted by key, each key once, searched by bisection: a sorted list rather than a
    /// `BTreeMap`, so the wasm carries no B-tree code of its own for it.
    entries: Vec<(String, String)>,
    quota: Option<usize>,
    blocked: bool,
}

impl Memory {
    fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| k.len() + v.len()).sum()
    }

    /// Where `key` is, or where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    fn get(&self, key: &str) -> Option<&String> {
        self.find(key).ok().map(|at| &self.entries[at].1)
    }
}

/// Storage in memory: nothing outlives the page.
///
/// Clones share one storage, as two tabs share one origin's `localStorage`: give a clone to
/// each of two repositories to test what two open tabs do. Two test knobs stand in for the
/// browser's failures: a byte quota ([`MemoryStore::set_quota`]) and a blocked mode
/// ([`MemoryStore::set_blocked`]).
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    // `Rc<RefCell<..>>`: shared between clones; no method borrows twice, so no borrow panics.
    inner: Rc<RefCell<Memory>>,
}

impl MemoryStore {
    /// An empty store with no quota.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Limits the store to `bytes`: the total length of every key and value, in UTF-8 bytes.
    /// A write that would go over fails with [`StoreError::QuotaExceeded`] and changes nothing.
    /// `None` removes the limit. Values already stored are never dropped to meet a new quota.
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.inner.borrow_mut().quota = bytes;
    }

    /// Blocks the store: while blocked every call fails with [`StoreError::Unavailable`], as
    /// the browser's storage does in a sandboxed iframe.
    pub fn set_blocked(&self, blocked: bool) {
        self.inner.borrow_mut().blocked = blocked;
    }

    /// The bytes used: the total length of every key and value.
    pub fn used_bytes(&self) -> usize {
        self.inner.borrow().used()
    }

    /// A copy of everything stored, whatever the blocked mode (for tests).
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.inner.borrow().entries.iter().cloned().collect()
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.inner.borrow().blocked {
            Err(StoreError::Unavailable)
        } else {
            Ok(())
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.inner.borrow().get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        let mut memory = self.inner.borrow_mut();
        if let Some(quota) = memory.quota {
            let old = memory.get(key).map_or(0, |v| key.len() + v.len());
            let after = memory.used() - old + key.len() + value.len();
            if after > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        match memory.find(key) {
            Ok(at) => memory.entries[at].1 = value.to_owned(),
            Err(at) => memory.entries.insert(at, (key.to_owned(), value.to_owned())),
        }
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        let mut memory = self.inner.borrow_mut();
        if let Ok(at) = memory.find(key) {
            memory.entries.remove(at);
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.inner.borrow().entries.iter().map(|(k, _)| k.clone()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_get_remove_and_keys() {
        let mut store = MemoryStore::new();
        assert_eq!(store.get("a"), Ok(None));
        store.set("a", "1").expect("set");
        store.set("b", "2").expect("set");
        store.set("a", "3").expect("replace");
        assert_eq!(store.get("a"), Ok(Some("3".into())));
        assert_eq!(store.keys(), Ok(vec!["a".into(), "b".into()]));
        store.remove("a").expect("remove");
        store.remove("a").expect("removing a missing key is fine");
        assert_eq!(store.get("a"), Ok(None));
        assert_eq!(store.used_bytes(), 2);
    }

    #[test]
    fn clones_share_one_storage_like_two_tabs() {
        let mut one = MemoryStore::new();
        let two = one.clone();
        one.set("k", "v").expect("set");
        assert_eq!(two.get("k"), Ok(Some("v".into())));
    }

    #[test]
    fn the_quota_refuses_a_write_and_keeps_the_old_value() {
        let mut store = MemoryStore::new();
        store.set("k", "12345").expect("set");
        store.set_quota(Some(8));
        assert_eq!(store.set("k", "1234567890"), Err(StoreError::QuotaExceeded));
        assert_eq!(store.get("k"), Ok(Some("12345".into())), "the old value stays");
        assert_eq!(store.set("x", "1234567"), Err(StoreError::QuotaExceeded));
        store
            .set("k", "1234567")
            .expect("a replacement that fits: 1 + 7 = 8 bytes");
        store.set_quota(None);
        store.set("x", "1234567").expect("no quota");
    }

    #[test]
    fn a_blocked_store_refuses_every_call() {
        let mut store = MemoryStore::new();
        store.set("k", "v").expect("set");
        store.set_blocked(true);
        assert_eq!(store.get("k"), Err(StoreError::Unavailable));
        assert_eq!(store.set("k", "w"), Err(StoreError::Unavailable));
        assert_eq!(store.remove("k"), Err(StoreError::Unavailable));
        assert_eq!(store.keys(), Err(StoreError::Unavailable));
        assert_eq!(store.snapshot().get("k").map(String::as_str), Some("v"));
        store.set_blocked(false);
        assert_eq!(store.get("k"), Ok(Some("v".into())));
    }

    #[test]
    fn boxed_stores_work_behind_the_trait() {
        let memory = MemoryStore::new();
        let mut boxed: Box<dyn Store> = Box::new(memory.clone());
        boxed.set("k", "v").expect("set");
        assert_eq!(memory.get("k"), Ok(Some("v".into())));
        assert_eq!(StoreError::QuotaExceeded.message(), Msg::StorageFull);
    }
}
