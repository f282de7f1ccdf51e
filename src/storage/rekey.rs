//! Changing the lock's passphrase with no moment where data can be lost: the storage steps
//! (issue 8; the web layer runs them, `src/web/lock.rs`). The cryptography happens between the
//! steps, in JavaScript (see [`super::locked`]); these functions only read, write and remove
//! keys, so every order of failure can be tested here.
//!
//! Keys, under the namespace's prefix (`recovery-checkin:<ns>:`):
//!
//! | key | holds |
//! |---|---|
//! | `lock` | the lock record: a known text ([`CHECK_TEXT`]) encrypted with the passphrase's key, so a passphrase can be checked before anything is read with it |
//! | `lock-next` | the new lock record, while a change is under way |
//! | `next:<what>` | the new copy of `<what>` (`checkin:<id>`, `draft`), while a change is under way |
//!
//! The steps:
//!
//! 1. The web layer decrypts every encrypted value ([`locked_entries`]) with the old key and
//!    encrypts it again with the new one (a new salt, a new nonce each).
//! 2. [`stage`] writes the new lock record and the new copies beside the old ones. A write
//!    that fails removes what was staged; the old values were never touched.
//! 3. The web layer reads the new copies back ([`staged`]) and decrypts each with the new key:
//!    each must give back exactly the text it came from. If one does not, [`abandon`].
//! 4. [`commit`]: the new lock record replaces the old one (one write: the moment the new
//!    passphrase takes over), then each new copy replaces its old value and its staging key
//!    goes, then `lock-next` goes.
//!
//! Until step 4's first write, the old passphrase opens everything; after it, the new one does,
//! from the `next:` copy where the move has not happened yet. [`recover`], run when the widget
//! opens, finishes a commit that was cut off (the two lock records are equal) or removes a
//! stage that was never committed. An encrypted value written in another tab meanwhile, with
//! the old key, is left as it is: [`stale`] finds it, while the web layer still holds the old
//! key, to re-encrypt it too.

use super::keys::{is_lockable, Namespace};
use super::locked::decode_locked;
use super::store::{Store, StoreError};

/// Keys and stored texts.
pub type Entries = Vec<(String, String)>;

/// What the lock record holds, encrypted: decrypting it proves the passphrase.
pub const CHECK_TEXT: &str = "recovery-checkin lock";

/// The key of the lock record.
pub fn lock_key(ns: &Namespace) -> String {
    format!("{}lock", ns.prefix())
}

/// The key of the new lock record during a change.
fn next_lock_key(ns: &Namespace) -> String {
    format!("{}lock-next", ns.prefix())
}

/// The staging key of `key`'s new copy.
fn next_key(ns: &Namespace, key: &str) -> Option<String> {
    let what = key.strip_prefix(&ns.prefix())?;
    Some(format!("{}next:{what}", ns.prefix()))
}

/// Every encrypted value of the namespace (check-ins and the draft), key and text, in key order.
/// Plain values and values that are not ours are left out.
pub fn locked_entries(store: &impl Store, ns: &Namespace) -> Result<Entries, StoreError> {
    let mut keys: Vec<String> = store.keys()?.into_iter().filter(|k| is_lockable(ns, k)).collect();
    crate::sort::sort(&mut keys);
    let mut out = Vec::new();
    for key in keys {
        if let Some(text) = store.get(&key)? {
            if decode_locked(&text).is_ok() {
                out.push((key, text));
            }
        }
    }
    Ok(out)
}

/// Step 2: writes `lock` (the new lock record) and each new copy beside its old value. On a
/// failed write, removes everything it staged and returns the error: nothing else changed.
pub fn stage(
    store: &mut impl Store,
    ns: &Namespace,
    lock: &str,
    copies: &[(String, String)],
) -> Result<(), StoreError> {
    let written = (|| {
        store.set(&next_lock_key(ns), lock)?;
        for (key, text) in copies {
            let next = next_key(ns, key).ok_or_else(|| StoreError::Other(format!("not our key: {key}")))?;
            store.set(&next, text)?;
        }
        Ok(())
    })();
    if written.is_err() {
        abandon(store, ns).ok();
    }
    written
}

/// Step 3: what was staged, read back as stored: the new lock record, then each new copy with
/// the key of the value it replaces.
pub fn staged(store: &impl Store, ns: &Namespace) -> Result<(Option<String>, Entries), StoreError> {
    let lock = store.get(&next_lock_key(ns))?;
    let prefix = format!("{}next:", ns.prefix());
    let mut keys: Vec<String> = store.keys()?.into_iter().filter(|k| k.starts_with(&prefix)).collect();
    crate::sort::sort(&mut keys);
    let mut copies = Vec::new();
    for key in keys {
        if let Some(text) = store.get(&key)? {
            copies.push((format!("{}{}", ns.prefix(), &key[prefix.len()..]), text));
        }
    }
    Ok((lock, copies))
}

/// Removes a stage that will not be committed: the new lock record and every new copy. The
/// old values were never touched.
pub fn abandon(store: &mut impl Store, ns: &Namespace) -> Result<(), StoreError> {
    let prefix = format!("{}next:", ns.prefix());
    for key in store.keys()?.into_iter().filter(|k| k.starts_with(&prefix)) {
        store.remove(&key)?;
    }
    store.remove(&next_lock_key(ns))
}

/// Step 4: the new lock record takes over, then each new copy replaces its old value. Safe to
/// run again after it was cut off: [`recover`] does.
pub fn commit(store: &mut impl Store, ns: &Namespace) -> Result<(), StoreError> {
    if let Some(lock) = store.get(&next_lock_key(ns))? {
        store.set(&lock_key(ns), &lock)?;
    }
    let (_, copies) = staged(store, ns)?;
    for (key, text) in copies {
        store.set(&key, &text)?;
        if let Some(next) = next_key(ns, &key) {
            store.remove(&next)?;
        }
    }
    store.remove(&next_lock_key(ns))
}

/// What [`recover`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interrupted {
    /// No change was under way.
    Nothing,
    /// A commit had started: it is finished now, and the new passphrase opens everything.
    Finished,
    /// A stage was never committed: it is removed, and the old passphrase opens everything.
    Undone,
}

/// Run when the widget opens: finishes or undoes a change that was cut off (the tab closed, the
/// storage filled up).
pub fn recover(store: &mut impl Store, ns: &Namespace) -> Result<Interrupted, StoreError> {
    let next = store.get(&next_lock_key(ns))?;
    let prefix = format!("{}next:", ns.prefix());
    let staging = store.keys()?.iter().any(|k| k.starts_with(&prefix));
    match next {
        Some(next) if store.get(&lock_key(ns))?.as_deref() == Some(&next) => {
            commit(store, ns)?;
            Ok(Interrupted::Finished)
        }
        Some(_) => {
            abandon(store, ns)?;
            Ok(Interrupted::Undone)
        }
        // Neither a commit (it removes `lock-next` last, once every copy is moved) nor a stage
        // (it writes `lock-next` first) leaves copies without it: they are not to be trusted.
        None if staging => {
            abandon(store, ns)?;
            Ok(Interrupted::Undone)
        }
        None => Ok(Interrupted::Nothing),
    }
}

/// The encrypted values not encrypted with the key of `salt` (the lock's): written by another
/// tab with the old key during a change. Keys only.
pub fn stale(store: &impl Store, ns: &Namespace, salt: &[u8]) -> Result<Vec<String>, StoreError> {
    Ok(locked_entries(store, ns)?
        .into_iter()
        .filter(|(_, text)| decode_locked(text).is_ok_and(|l| l.salt != salt))
        .map(|(key, _)| key)
        .collect())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::locked::{encode_locked, Locked, NONCE_BYTES, PBKDF2_ITERATIONS, SALT_BYTES};
    use super::super::store::MemoryStore;
    use super::*;

    /// A store whose writes and removes fail from the `n`th on.
    struct Failing {
        inner: MemoryStore,
        left: usize,
    }

    impl Store for Failing {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.inner.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
            if self.left == 0 {
                return Err(StoreError::QuotaExceeded);
            }
            self.left -= 1;
            self.inner.set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), StoreError> {
            if self.left == 0 {
                return Err(StoreError::Other("gone".into()));
            }
            self.left -= 1;
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.inner.keys()
        }
    }

    /// A stand-in for encryption: the "key" is the salt, and a value encrypted with it is the
    /// plain text's bytes with the salt's first byte added. Enough to tell which key a value
    /// is under and to check that nothing was lost.
    fn seal(salt: u8, plain: &str) -> String {
        encode_locked(&Locked {
            salt: [salt; SALT_BYTES],
            iterations: PBKDF2_ITERATIONS,
            nonce: [1; NONCE_BYTES],
            ciphertext: plain.bytes().map(|b| b.wrapping_add(salt)).chain([0; 16]).collect(),
        })
    }

    fn open(salt: u8, text: &str) -> Option<String> {
        let locked = decode_locked(text).ok()?;
        if locked.salt != [salt; SALT_BYTES] {
            return None;
        }
        let body = &locked.ciphertext[..locked.ciphertext.len() - 16];
        String::from_utf8(body.iter().map(|b| b.wrapping_sub(salt)).collect()).ok()
    }

    /// What the person can read with the passphrase whose key is `salt`: the lock record must
    /// open, then every value is read from its `next:` copy where there is one (as the web
    /// layer would after [`recover`]).
    fn readable(store: &MemoryStore, ns: &Namespace, salt: u8) -> Option<BTreeMap<String, String>> {
        let mut copy = store.clone_data();
        recover(&mut copy, ns).ok()?;
        if open(salt, &copy.get(&lock_key(ns)).ok()??)? != CHECK_TEXT {
            return None;
        }
        let mut out = BTreeMap::new();
        for (key, text) in locked_entries(&copy, ns).ok()? {
            out.insert(key, open(salt, &text)?);
        }
        Some(out)
    }

    trait CloneData {
        fn clone_data(&self) -> MemoryStore;
    }

    impl CloneData for MemoryStore {
        fn clone_data(&self) -> MemoryStore {
            let mut copy = MemoryStore::new();
            for (k, v) in self.snapshot() {
                copy.set(&k, &v).expect("set");
            }
            copy
        }
    }

    fn setup() -> (MemoryStore, Namespace, BTreeMap<String, String>) {
        let ns = Namespace::default();
        let mut store = MemoryStore::new();
        let mut plain = BTreeMap::new();
        store.set(&lock_key(&ns), &seal(1, CHECK_TEXT)).expect("set");
        for (what, text) in [
            ("checkin:a", "{\"v\":1,\"id\":\"a\"}"),
            ("checkin:b", "{\"v\":1,\"id\":\"b\"}"),
            ("draft", "{\"v\":1}"),
        ] {
            let key = format!("{}{what}", ns.prefix());
            store.set(&key, &seal(1, text)).expect("set");
            plain.insert(key, text.to_owned());
        }
        store.set("someone-else", "theirs").expect("set");
        (store, ns, plain)
    }

    /// The whole change, as the web layer would run it, on `store`.
    fn change(store: &mut impl Store, ns: &Namespace) -> Result<(), StoreError> {
        let entries = locked_entries(store, ns)?;
        let copies: Vec<(String, String)> = entries
            .iter()
            .map(|(k, t)| (k.clone(), seal(2, &open(1, t).expect("old key opens"))))
            .collect();
        stage(store, ns, &seal(2, CHECK_TEXT), &copies)?;
        let (lock, staged) = staged(store, ns)?;
        let verified = lock.and_then(|l| open(2, &l)).as_deref() == Some(CHECK_TEXT)
            && staged.len() == entries.len()
            && staged
                .iter()
                .zip(&entries)
                .all(|((k, t), (k0, t0))| k == k0 && open(2, t) == open(1, t0));
        if !verified {
            return abandon(store, ns);
        }
        commit(store, ns)
    }

    #[test]
    fn a_change_re_encrypts_everything_and_leaves_other_keys_alone() {
        let (mut store, ns, plain) = setup();
        change(&mut store, &ns).expect("works");
        assert_eq!(readable(&store, &ns, 2), Some(plain));
        assert_eq!(readable(&store, &ns, 1), None, "the old passphrase opens nothing");
        let keys: Vec<String> = store.snapshot().into_keys().collect();
        assert!(keys.iter().all(|k| !k.contains("next")), "{keys:?}");
        assert_eq!(store.get("someone-else"), Ok(Some("theirs".into())));
        assert_eq!(recover(&mut store, &ns), Ok(Interrupted::Nothing));
    }

    #[test]
    fn a_change_cut_off_at_any_write_loses_nothing() {
        let (store, ns, plain) = setup();
        let writes = {
            let mut counting = Failing {
                inner: store.clone_data(),
                left: usize::MAX,
            };
            change(&mut counting, &ns).expect("works");
            usize::MAX - counting.left
        };
        for n in 0..=writes {
            let mut failing = Failing {
                inner: store.clone_data(),
                left: n,
            };
            let result = change(&mut failing, &ns);
            assert_eq!(result.is_ok(), n >= writes, "cut off after {n} writes");
            // Whatever happened, one of the two passphrases opens every value, as it was.
            let old = readable(&failing.inner, &ns, 1);
            let new = readable(&failing.inner, &ns, 2);
            assert!(
                old.as_ref() == Some(&plain) || new.as_ref() == Some(&plain),
                "cut off after {n} writes: old {old:?}, new {new:?}, stored {:?}",
                failing.inner.snapshot()
            );
            // And opening the widget again tidies up.
            let mut after = failing.inner.clone_data();
            recover(&mut after, &ns).expect("recovers");
            assert!(after.snapshot().keys().all(|k| !k.contains("next")), "after {n}");
            assert!(readable(&after, &ns, 1) == Some(plain.clone()) || readable(&after, &ns, 2) == Some(plain.clone()));
        }
    }

    #[test]
    fn a_copy_that_does_not_verify_is_abandoned() {
        let (mut store, ns, plain) = setup();
        let entries = locked_entries(&store, &ns).expect("works");
        let mut copies: Vec<(String, String)> = entries
            .iter()
            .map(|(k, t)| (k.clone(), seal(2, &open(1, t).unwrap())))
            .collect();
        copies[1].1 = seal(2, "something else");
        stage(&mut store, &ns, &seal(2, CHECK_TEXT), &copies).expect("stages");
        let (_, back) = staged(&store, &ns).expect("works");
        assert_ne!(open(2, &back[1].1), open(1, &entries[1].1));
        abandon(&mut store, &ns).expect("works");
        assert_eq!(readable(&store, &ns, 1), Some(plain));
        assert!(store.snapshot().keys().all(|k| !k.contains("next")));
    }

    #[test]
    fn a_value_written_with_the_old_key_meanwhile_is_found() {
        let (mut store, ns, _) = setup();
        change(&mut store, &ns).expect("works");
        let late = format!("{}checkin:late", ns.prefix());
        store.set(&late, &seal(1, "late")).expect("set");
        assert_eq!(stale(&store, &ns, &[2; SALT_BYTES]), Ok(vec![late]));
    }
}
