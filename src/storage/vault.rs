//! The store under the lock: what the repository reads and writes while a passphrase is set.
//!
//! WebCrypto is asynchronous and the [`Store`] is not, so while the lock is open the plain
//! values of the lockable keys ([`is_lockable`]: the check-in in progress, completed check-ins,
//! aside copies of them) live in memory only, and every write to one is kept as a [`Write`]
//! for the web layer, which encrypts it and stores the envelope, one write at a time and in
//! order (`src/web/lock.rs`). Every other key (the settings, the quick-exit choice, the lock's
//! own records) is read and written in the store beneath as before.
//!
//! | mode | lockable keys | others |
//! |---|---|---|
//! | [`Mode::Off`] (no passphrase) | the store beneath, plain | the store beneath |
//! | [`Mode::Locked`] | reads and writes refused; removing allowed (deleting needs no key) | the store beneath |
//! | [`Mode::Open`] | memory; each write also kept as a [`Write`] | the store beneath |
//!
//! Nothing here writes a plain value of a lockable key to the store beneath while a passphrase
//! is set: the only way a plain value reaches it is through the web layer, with the lock off.

use super::keys::{is_lockable, Namespace};
use super::rekey::{lock_key, Entries};
use super::store::{MemoryStore, Store, StoreError};

/// A write to a lockable key, for the web layer to encrypt and store, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    /// Store this plain text, encrypted, under this key.
    Put(String, String),
    /// Remove this key.
    Remove(String),
}

/// Whether the lock is on, and open.
#[derive(Debug)]
pub enum Mode {
    /// No passphrase: everything is stored as it is.
    Off,
    /// A passphrase is set and not given in this visit (or the lock closed again).
    Locked,
    /// Opened in this visit: the plain values of the lockable keys, in memory only.
    Open(MemoryStore),
}

/// A [`Store`] that keeps lockable values in memory while the lock is open.
#[derive(Debug)]
pub struct Vault<S: Store> {
    inner: S,
    namespace: Namespace,
    mode: Mode,
    writes: Vec<Write>,
}

/// What a refused read or write of a locked value says (the web layer never asks for one: it
/// shows the unlock screen instead).
fn locked() -> StoreError {
    StoreError::Other(String::from("locked"))
}

impl<S: Store> Vault<S> {
    /// The store for `namespace` over `inner`: locked when a lock record is there, off
    /// otherwise (and off when the store cannot be read: it is then blocked or empty).
    pub fn new(inner: S, namespace: Namespace) -> Vault<S> {
        let mode = match inner.get(&lock_key(&namespace)) {
            Ok(Some(_)) => Mode::Locked,
            _ => Mode::Off,
        };
        Vault {
            inner,
            namespace,
            mode,
            writes: Vec::new(),
        }
    }

    /// The mode.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The store beneath, for the lock's own steps (`super::rekey`) and the web layer's
    /// encrypted writes.
    pub fn inner_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// Every lockable key in the store beneath and what it holds (encrypted, or plain), in key
    /// order: what opening the lock decrypts.
    pub fn stored(&self) -> Result<Entries, StoreError> {
        let mut keys: Vec<String> = self
            .inner
            .keys()?
            .into_iter()
            .filter(|k| is_lockable(&self.namespace, k))
            .collect();
        crate::sort::sort(&mut keys);
        let mut out = Vec::new();
        for key in keys {
            if let Some(text) = self.inner.get(&key)? {
                out.push((key, text));
            }
        }
        Ok(out)
    }

    /// The plain values in memory while the lock is open, in key order (empty otherwise): what
    /// a change of passphrase encrypts again and removing the lock writes back.
    pub fn plain(&self) -> Entries {
        // The memory store lists its keys in order (no `snapshot`: its B-tree is code the wasm
        // does not otherwise carry).
        let Mode::Open(memory) = &self.mode else {
            return Vec::new();
        };
        let keys = memory.keys().unwrap_or_default();
        keys.into_iter()
            .filter_map(|key| {
                let text = memory.get(&key).ok()??;
                Some((key, text))
            })
            .collect()
    }

    /// Opens the lock with these plain values.
    pub fn open(&mut self, plain: Entries) {
        let memory = MemoryStore::new();
        for (key, text) in plain {
            // A MemoryStore without a quota never refuses.
            let _ = memory.clone().set(&key, &text);
        }
        self.mode = Mode::Open(memory);
    }

    /// Closes the lock: the plain values in memory are dropped. Writes not yet stored stay
    /// with the web layer, which stores them before it forgets the key. Returns whether it was
    /// open.
    pub fn close(&mut self) -> bool {
        let was = matches!(self.mode, Mode::Open(_));
        if was {
            self.mode = Mode::Locked;
        }
        was
    }

    /// The lock is gone (removed, or deleted with everything): values are plain from now on.
    pub fn turn_off(&mut self) {
        self.mode = Mode::Off;
    }

    /// The writes to lockable keys since the last call, oldest first.
    pub fn take_writes(&mut self) -> Vec<Write> {
        std::mem::take(&mut self.writes)
    }

    fn lockable(&self, key: &str) -> bool {
        is_lockable(&self.namespace, key)
    }
}

impl<S: Store> Store for Vault<S> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match &self.mode {
            Mode::Open(memory) if self.lockable(key) => memory.get(key),
            Mode::Locked if self.lockable(key) => Err(locked()),
            _ => self.inner.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if !self.lockable(key) {
            return self.inner.set(key, value);
        }
        match &mut self.mode {
            Mode::Off => self.inner.set(key, value),
            Mode::Locked => Err(locked()),
            Mode::Open(memory) => {
                memory.set(key, value)?;
                self.writes.push(Write::Put(key.to_owned(), value.to_owned()));
                Ok(())
            }
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match &mut self.mode {
            Mode::Open(memory) if is_lockable(&self.namespace, key) => {
                memory.remove(key)?;
                self.writes.push(Write::Remove(key.to_owned()));
                Ok(())
            }
            _ => self.inner.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let mut keys = self.inner.keys()?;
        if let Mode::Open(memory) = &self.mode {
            for key in memory.keys()? {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Repository;

    fn prefix() -> String {
        Namespace::default().prefix()
    }

    #[test]
    fn without_a_lock_record_everything_is_stored_as_it_is() {
        let memory = MemoryStore::new();
        let mut vault = Vault::new(memory.clone(), Namespace::default());
        assert!(matches!(vault.mode(), Mode::Off));
        let draft = format!("{}draft", prefix());
        vault.set(&draft, "{\"v\":2}").expect("set");
        assert_eq!(memory.get(&draft), Ok(Some("{\"v\":2}".into())));
        assert!(vault.take_writes().is_empty());
    }

    #[test]
    fn locked_values_are_refused_but_others_work_and_deleting_needs_no_key() {
        let mut memory = MemoryStore::new();
        let ns = Namespace::default();
        let checkin = format!("{}checkin:a", prefix());
        memory.set(&lock_key(&ns), "record").expect("set");
        memory.set(&checkin, "envelope").expect("set");
        let mut vault = Vault::new(memory.clone(), ns.clone());
        assert!(matches!(vault.mode(), Mode::Locked));
        assert!(vault.get(&checkin).is_err());
        assert!(vault.set(&checkin, "plain").is_err());
        assert!(vault.set(&format!("{}aside:checkin:a:1", prefix()), "plain").is_err());
        assert_eq!(
            memory.get(&checkin),
            Ok(Some("envelope".into())),
            "nothing plain written"
        );
        let settings = format!("{}settings", prefix());
        vault
            .set(&settings, "{\"v\":2,\"keep_nothing\":false}")
            .expect("settings stay plain");
        assert_eq!(vault.stored(), Ok(vec![(checkin.clone(), "envelope".into())]));
        // "Forgot it? Delete everything": removes every key of the namespace, the lock too.
        let mut repo = Repository::new(vault, ns);
        assert_eq!(repo.delete_everything(), Ok(3));
        assert!(memory.snapshot().is_empty());
    }

    #[test]
    fn while_open_lockable_values_live_in_memory_and_each_write_is_kept_in_order() {
        let mut memory = MemoryStore::new();
        let ns = Namespace::default();
        memory.set(&lock_key(&ns), "record").expect("set");
        let a = format!("{}checkin:a", prefix());
        memory.set(&a, "envelope of a").expect("set");
        memory.set("someone-else", "theirs").expect("set");
        let mut vault = Vault::new(memory.clone(), ns.clone());
        vault.open(vec![(a.clone(), "{\"v\":2,\"id\":\"a\"}".into())]);
        assert_eq!(vault.get(&a), Ok(Some("{\"v\":2,\"id\":\"a\"}".into())));
        let draft = format!("{}draft", prefix());
        vault.set(&draft, "draft 1").expect("set");
        vault.set(&draft, "draft 2").expect("set");
        vault.remove(&a).expect("remove");
        assert_eq!(
            vault.take_writes(),
            [
                Write::Put(draft.clone(), "draft 1".into()),
                Write::Put(draft.clone(), "draft 2".into()),
                Write::Remove(a.clone()),
            ]
        );
        assert!(vault.take_writes().is_empty());
        // Nothing plain reached the store beneath: the web layer stores the writes encrypted.
        assert_eq!(memory.get(&draft), Ok(None));
        assert_eq!(memory.get(&a), Ok(Some("envelope of a".into())));
        // The keys are the store's and memory's, each once.
        let mut keys = vault.keys().expect("keys");
        keys.sort();
        assert_eq!(
            keys,
            [a.clone(), draft.clone(), lock_key(&ns), "someone-else".to_owned()]
        );
        assert_eq!(vault.plain(), [(draft.clone(), "draft 2".to_owned())]);

        // Closing drops the plain values; the store beneath is as it was.
        assert!(vault.close());
        assert!(!vault.close());
        assert!(vault.get(&draft).is_err());
        assert!(vault.plain().is_empty());
        assert_eq!(memory.get("someone-else"), Ok(Some("theirs".into())));
    }

    #[test]
    fn an_encrypted_value_read_as_a_plain_one_is_left_where_it_is() {
        // As a build before the lock reads it ("v":3 is newer than its schema), and as this build
        // reads one with no lock record: never moved aside, never overwritten.
        use crate::storage::locked::{encode_locked, Locked, NONCE_BYTES, SALT_BYTES, TAG_BYTES};
        use crate::storage::ProblemAction;
        let envelope = encode_locked(&Locked {
            salt: [1; SALT_BYTES],
            iterations: 600_000,
            nonce: [2; NONCE_BYTES],
            ciphertext: vec![3; TAG_BYTES + 40],
        });
        let mut memory = MemoryStore::new();
        let ns = Namespace::default();
        for what in ["checkin:a", "draft"] {
            memory.set(&format!("{}{what}", prefix()), &envelope).expect("set");
        }
        let before = memory.snapshot();
        let mut repo = Repository::new(memory.clone(), ns);
        let history = repo.history().expect("reads");
        assert!(history.value.is_empty());
        assert_eq!(history.problems.len(), 1);
        assert_eq!(history.problems[0].action, ProblemAction::LeftUntouched);
        let draft = repo.load_draft().expect("reads");
        assert_eq!(draft.problems[0].action, ProblemAction::LeftUntouched);
        assert!(
            repo.save_draft(&crate::session::Session::new()).is_err(),
            "not overwritten"
        );
        repo.clear_draft().expect("left alone");
        assert_eq!(memory.snapshot(), before);
    }

    #[test]
    fn the_repository_works_over_an_open_vault() {
        use crate::session::Session;
        let mut memory = MemoryStore::new();
        let ns = Namespace::default();
        memory.set(&lock_key(&ns), "record").expect("set");
        let mut vault = Vault::new(memory.clone(), ns.clone());
        vault.open(Vec::new());
        let mut repo = Repository::new(vault, ns);
        let mut session = Session::new();
        let first = session.current().expect("a first question");
        let answer = match first.kind {
            crate::questionnaire::QuestionKind::Multiple => {
                crate::answers::Answer::Choices(vec![first.options[0].id.to_owned()])
            }
            _ => crate::answers::Answer::Choice(first.options[0].id.to_owned()),
        };
        session.answer(first.id, answer).expect("answers");
        repo.save_draft(&session).expect("saved in memory");
        assert!(repo.load_draft().expect("reads").value.is_some());
        let writes = repo.store_mut().take_writes();
        assert!(matches!(&writes[..], [Write::Put(key, _)] if key.ends_with(":draft")));
        assert!(
            memory.snapshot().keys().all(|k| !k.ends_with(":draft")),
            "no plain draft in the store"
        );
        repo.clear_draft().expect("clears");
        assert!(matches!(&repo.store_mut().take_writes()[..], [Write::Remove(key)] if key.ends_with(":draft")));
    }
}
