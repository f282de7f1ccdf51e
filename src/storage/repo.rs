//! The repository: everything the screens do with saved data, over any [`Store`].
//!
//! [`Repository<S>`] owns a store and a namespace and never touches a key outside that
//! namespace. Every call returns a `Result`: with a blocked storage every call fails with
//! [`StoreError::Unavailable`] (or the matching [`SaveError`] / [`ImportError`]), and the web
//! layer then makes a new repository over a [`crate::storage::MemoryStore`] and tells the
//! person nothing will be kept.
//!
//! Reading never loses data: a value that cannot be read is copied to an `aside` key, and only
//! removed from its own key once the copy is stored; a value written by a newer version is
//! left where it is. Both come back as [`Problem`]s beside whatever could be read
//! ([`Loaded`]). Writing never makes room by deleting: a full storage is an error, and
//! everything saved before stays.

use std::fmt;

use crate::i18n::{Locale, Msg};
use crate::session::{CompletedCheckIn, Session};
use crate::storage::checkin::{decode_checkin, encode_checkin, InvalidCheckIn, SavedCheckIn};
use crate::storage::export::{export_json, parse_export, ImportError, ImportReport};
use crate::storage::keys::{
    aside_key, checkin_key, draft_key, exit_clears_draft_key, is_ours, is_valid_id, parse_key, settings_key, KeyKind,
    Namespace,
};
use crate::storage::schema::{
    decode_draft, decode_settings, encode_draft, encode_settings, DecodeError, Settings, SCHEMA_VERSION,
};
use crate::storage::store::{Store, StoreError};

/// How many aside copies of one key are tried before giving up (each failed read of a value
/// that changed in between makes one).
pub const MAX_ASIDE_COPIES: u32 = 100;

/// A value read from storage, with the problems met on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    /// What could be read.
    pub value: T,
    /// What could not, one entry per key.
    pub problems: Vec<Problem>,
}

impl<T> Loaded<T> {
    fn clean(value: T) -> Loaded<T> {
        Loaded {
            value,
            problems: Vec::new(),
        }
    }

    /// The plain-word messages for the problems, each once (the screen shows them together).
    pub fn messages(&self) -> Vec<Msg> {
        let mut messages: Vec<Msg> = Vec::new();
        for problem in &self.problems {
            let msg = problem.message();
            if !messages.contains(&msg) {
                messages.push(msg);
            }
        }
        messages
    }
}

/// A stored value that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The key it was under.
    pub key: String,
    /// What was wrong with it.
    pub error: DecodeError,
    /// What was done with it.
    pub action: ProblemAction,
}

/// What was done with a value that could not be read. It is never deleted.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemAction {
    /// Copied verbatim to `aside_key` and removed from its own key, so it no longer gets in
    /// the way and can still be recovered (or sent to support) by hand.
    KeptAside {
        /// Where it is now.
        aside_key: String,
    },
    /// Written by a newer version of the widget: left exactly where it was.
    LeftUntouched,
    /// It could not be copied aside (the storage refused), so it stays where it was.
    NotMoved(StoreError),
}

impl Problem {
    /// What to tell the person, in plain words.
    pub fn message(&self) -> Msg {
        match self.action {
            ProblemAction::KeptAside { .. } => Msg::StorageKeptAside,
            ProblemAction::LeftUntouched => Msg::StorageNewerVersion,
            ProblemAction::NotMoved(_) => Msg::StorageCouldNotRead,
        }
    }
}

/// Why something was not saved. Nothing saved before is lost in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The storage is blocked: work in memory and tell the person.
    Unavailable,
    /// The storage is full: tell the person, and offer an export.
    QuotaExceeded,
    /// The storage failed otherwise.
    Failed(String),
    /// The check-in id, date or answers given by the web layer are not valid.
    Invalid(InvalidCheckIn),
    /// A check-in with this id is already saved (ids must be fresh; nothing is overwritten).
    IdTaken(String),
    /// The person chose "don't keep anything on this device".
    KeepingNothing,
    /// A newer version of the widget saved a value under this key; it is not overwritten.
    NewerDataThere(String),
}

impl SaveError {
    /// What to tell the person, in plain words.
    pub fn message(&self) -> Msg {
        match self {
            SaveError::Unavailable => Msg::StorageBlocked,
            SaveError::QuotaExceeded => Msg::StorageFull,
            SaveError::Failed(_) | SaveError::Invalid(_) | SaveError::IdTaken(_) => Msg::StorageFailed,
            SaveError::KeepingNothing => Msg::StorageKeepingNothing,
            SaveError::NewerDataThere(_) => Msg::StorageNewerThere,
        }
    }
}

impl From<StoreError> for SaveError {
    fn from(error: StoreError) -> SaveError {
        match error {
            StoreError::Unavailable => SaveError::Unavailable,
            StoreError::QuotaExceeded => SaveError::QuotaExceeded,
            StoreError::Other(what) => SaveError::Failed(what),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Unavailable => f.write_str("storage is not available"),
            SaveError::QuotaExceeded => f.write_str("storage quota exceeded"),
            SaveError::Failed(what) => write!(f, "saving failed: {what}"),
            SaveError::Invalid(InvalidCheckIn::Id(id)) => write!(f, "invalid check-in id \"{id}\""),
            SaveError::Invalid(InvalidCheckIn::At(at)) => write!(f, "invalid check-in date {at}"),
            SaveError::Invalid(InvalidCheckIn::Answer(what)) => write!(f, "invalid check-in: {what}"),
            SaveError::IdTaken(id) => write!(f, "a check-in with id \"{id}\" is already saved"),
            SaveError::KeepingNothing => f.write_str("the person chose to keep nothing on this device"),
            SaveError::NewerDataThere(key) => write!(f, "{key} holds a value from a newer version"),
        }
    }
}

impl std::error::Error for SaveError {}

/// Saved check-ins, the draft and the settings of one namespace, over one store.
///
/// Every method reads the store afresh (nothing is cached), so two repositories on one
/// storage, as in two open tabs, see each other's writes at their next call. A method that
/// reads can also write: a value that cannot be read is moved aside.
#[derive(Debug)]
pub struct Repository<S: Store> {
    store: S,
    namespace: Namespace,
}

impl<S: Store> Repository<S> {
    /// A repository for `namespace` over `store`. Touches nothing yet.
    pub fn new(store: S, namespace: Namespace) -> Repository<S> {
        Repository { store, namespace }
    }

    /// Its namespace.
    pub fn namespace(&self) -> &Namespace {
        &self.namespace
    }

    /// The store, as for a test or to hand it on.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Gives the store back.
    pub fn into_store(self) -> S {
        self.store
    }

    /// What a key holds, for a storage event: `None` when it is not a key of this namespace
    /// that this version knows, and the event can be ignored. On `Some(KeyKind::CheckIn(_))`
    /// the history changed (call [`Repository::history`] again); on `Some(KeyKind::Draft)`,
    /// another tab changed the check-in in progress; on `Some(KeyKind::Settings)`, the choices.
    /// A storage event with no key (`localStorage.clear()` elsewhere) should reload all three.
    pub fn key_kind(&self, key: &str) -> Option<KeyKind> {
        parse_key(&self.namespace, key)
    }

    // --- the check-in in progress ----------------------------------------------------------

    /// Saves the check-in in progress, after every answer. Refused while the person keeps
    /// nothing on this device, and when the draft there was written by a newer version (it is
    /// not overwritten). A draft that cannot be read is moved aside first.
    pub fn save_draft(&mut self, session: &Session) -> Result<(), SaveError> {
        self.check_saving_allowed()?;
        let key = draft_key(&self.namespace);
        if let Some(text) = self.store.get(&key)? {
            if let Err(error) = decode_draft(&text) {
                if error.is_from_the_future() {
                    return Err(SaveError::NewerDataThere(key));
                }
                if let ProblemAction::NotMoved(e) = self.keep_aside(&key, &text, error).action {
                    return Err(e.into());
                }
            }
        }
        let text = encode_draft(session).map_err(|e| SaveError::Failed(e.to_string()))?;
        self.store.set(&key, &text)?;
        Ok(())
    }

    /// The check-in in progress, if there is one to offer "continue where you left off" for.
    /// A draft from the version-1 questionnaire is migrated (its cravings answer is asked
    /// again); one that cannot be read is moved aside and reported, and the value is `None`.
    pub fn load_draft(&mut self) -> Result<Loaded<Option<Session>>, StoreError> {
        let key = draft_key(&self.namespace);
        let Some(text) = self.store.get(&key)? else {
            return Ok(Loaded::clean(None));
        };
        Ok(match decode_draft(&text) {
            Ok(session) => Loaded::clean(Some(session)),
            Err(error) => Loaded {
                value: None,
                problems: vec![self.keep_aside(&key, &text, error)],
            },
        })
    }

    /// Removes the check-in in progress ("start over", or once it is completed and saved).
    /// A draft from a newer version is left where it is; one that cannot be read is moved
    /// aside rather than deleted.
    pub fn clear_draft(&mut self) -> Result<(), StoreError> {
        let key = draft_key(&self.namespace);
        let Some(text) = self.store.get(&key)? else {
            return Ok(());
        };
        match decode_draft(&text) {
            Ok(_) => self.store.remove(&key),
            Err(error) => match self.keep_aside(&key, &text, error).action {
                ProblemAction::NotMoved(e) => Err(e),
                ProblemAction::KeptAside { .. } | ProblemAction::LeftUntouched => Ok(()),
            },
        }
    }

    // --- completed check-ins ---------------------------------------------------------------

    /// Saves a completed check-in under its own key, with a fresh `id` and its date (both from
    /// the web layer: the domain has no clock or random numbers). Never overwrites: an id
    /// already saved is an error. On a full storage nothing is written and nothing else
    /// changes. Returns the check-in as saved.
    pub fn save_checkin(
        &mut self,
        completed: &CompletedCheckIn,
        id: &str,
        at_ms: i64,
    ) -> Result<SavedCheckIn, SaveError> {
        self.check_saving_allowed()?;
        let saved = SavedCheckIn::from_completed(completed, id, at_ms).map_err(SaveError::Invalid)?;
        let key = checkin_key(&self.namespace, id);
        if self.store.get(&key)?.is_some() {
            return Err(SaveError::IdTaken(id.to_owned()));
        }
        let text = encode_checkin(&saved).map_err(|e| SaveError::Failed(e.to_string()))?;
        self.store.set(&key, &text)?;
        Ok(saved)
    }

    /// Every saved check-in, newest first ("My check-ins", the trend, the export). Entries that
    /// cannot be read are reported beside the others (and moved aside, or left untouched when
    /// from a newer version); one bad entry never hides the rest.
    pub fn history(&mut self) -> Result<Loaded<Vec<SavedCheckIn>>, StoreError> {
        let ids: Vec<String> = self
            .store
            .keys()?
            .iter()
            .filter_map(|key| match parse_key(&self.namespace, key) {
                Some(KeyKind::CheckIn(id)) => Some(id),
                _ => None,
            })
            .collect();
        let mut loaded = Loaded::clean(Vec::with_capacity(ids.len()));
        for id in ids {
            match self.read_checkin(&id)? {
                Some(Ok(saved)) => loaded.value.push(saved),
                Some(Err(problem)) => loaded.problems.push(problem),
                // Deleted by another tab since the keys were listed.
                None => {}
            }
        }
        sort_newest_first(&mut loaded.value);
        Ok(loaded)
    }

    /// One saved check-in, to open it again; `None` when there is none with this id.
    pub fn get(&mut self, id: &str) -> Result<Loaded<Option<SavedCheckIn>>, StoreError> {
        Ok(match self.read_checkin(id)? {
            None => Loaded::clean(None),
            Some(Ok(saved)) => Loaded::clean(Some(saved)),
            Some(Err(problem)) => Loaded {
                value: None,
                problems: vec![problem],
            },
        })
    }

    /// Deletes one check-in; returns whether there was one.
    pub fn delete(&mut self, id: &str) -> Result<bool, StoreError> {
        if !is_valid_id(id) {
            return Ok(false);
        }
        let key = checkin_key(&self.namespace, id);
        let existed = self.store.get(&key)?.is_some();
        self.store.remove(&key)?;
        Ok(existed)
    }

    /// Deletes every key of this namespace: check-ins, the draft, the settings, aside copies and
    /// keys of newer versions. Nothing outside the namespace is touched. The web layer asks the
    /// person to confirm first. Returns how many keys were removed.
    ///
    /// To forget everything and also keep nothing from now on, call this, then
    /// [`Repository::set_keep_nothing`].
    pub fn delete_everything(&mut self) -> Result<usize, StoreError> {
        let ours: Vec<String> = self
            .store
            .keys()?
            .into_iter()
            .filter(|key| is_ours(&self.namespace, key))
            .collect();
        for key in &ours {
            self.store.remove(key)?;
        }
        Ok(ours.len())
    }

    // --- settings --------------------------------------------------------------------------

    /// The person's storage choices (the defaults when none are saved or they cannot be read).
    pub fn settings(&mut self) -> Result<Loaded<Settings>, StoreError> {
        let key = settings_key(&self.namespace);
        let Some(text) = self.store.get(&key)? else {
            return Ok(Loaded::clean(Settings::default()));
        };
        Ok(match decode_settings(&text) {
            Ok(settings) => Loaded::clean(settings),
            Err(error) => Loaded {
                value: Settings::default(),
                problems: vec![self.keep_aside(&key, &text, error)],
            },
        })
    }

    /// Records "don't keep anything on this device". Turning it on removes the check-in in
    /// progress at once; saved check-ins stay until the person confirms
    /// [`Repository::delete_everything`], which the web layer offers next.
    pub fn set_keep_nothing(&mut self, keep_nothing: bool) -> Result<(), SaveError> {
        self.change_settings(keep_nothing, &mut |settings| settings.keep_nothing = keep_nothing)
    }

    /// The language the person picked, read without touching anything: settings that cannot
    /// be read are left for [`Repository::settings`] to deal with and tell the person about.
    pub fn saved_locale(&self) -> Option<Locale> {
        let text = self.store.get(&settings_key(&self.namespace)).ok()??;
        decode_settings(&text).ok()?.locale
    }

    /// Records the language the person picked in the widget (`None`: none picked).
    pub fn set_locale(&mut self, locale: Option<Locale>) -> Result<(), SaveError> {
        self.change_settings(false, &mut |settings| settings.locale = locale)
    }

    /// Reads the settings, changes them and writes them back; settings that cannot be read are
    /// kept aside first, and settings of a newer version are left alone (nothing is written).
    /// `clear_draft`: the check-in in progress goes first (before the settings are written: it
    /// frees space, and it is what a person choosing to keep nothing asked to be rid of).
    /// (`change` is a `dyn`: one copy of this function in the wasm, not one per caller.)
    fn change_settings(&mut self, clear_draft: bool, change: &mut dyn FnMut(&mut Settings)) -> Result<(), SaveError> {
        let key = settings_key(&self.namespace);
        let mut settings = Settings::default();
        if let Some(text) = self.store.get(&key)? {
            match decode_settings(&text) {
                Ok(saved) => settings = saved,
                Err(e) if e.is_from_the_future() => return Err(SaveError::NewerDataThere(key)),
                Err(e) => {
                    if let ProblemAction::NotMoved(e) = self.keep_aside(&key, &text, e).action {
                        return Err(e.into());
                    }
                }
            }
        }
        if clear_draft {
            self.clear_draft()?;
        }
        change(&mut settings);
        let text = encode_settings(&settings).map_err(|e| SaveError::Failed(e.to_string()))?;
        self.store.set(&key, &text)?;
        Ok(())
    }

    /// Whether the person chose to have the check-in in progress deleted when they leave
    /// quickly. The choice is a key of its own (`exit-clears-draft`), on while it is there,
    /// whatever it holds: a damaged value still means the person asked for it, and deleting a
    /// draft is the safe side. Older versions leave the key alone.
    pub fn exit_clears_draft(&self) -> Result<bool, StoreError> {
        Ok(self.store.get(&exit_clears_draft_key(&self.namespace))?.is_some())
    }

    /// Records the choice of [`Repository::exit_clears_draft`]. Allowed while the person keeps
    /// nothing: it is a choice, not a check-in.
    pub fn set_exit_clears_draft(&mut self, on: bool) -> Result<(), StoreError> {
        let key = exit_clears_draft_key(&self.namespace);
        if on {
            self.store.set(&key, &format!("{{\"v\":{SCHEMA_VERSION}}}"))
        } else {
            self.store.remove(&key)
        }
    }

    /// Quick exit: deletes the check-in in progress if the person chose that. Returns whether
    /// it did.
    pub fn on_quick_exit(&mut self) -> Result<bool, StoreError> {
        if !self.exit_clears_draft()? {
            return Ok(false);
        }
        self.clear_draft()?;
        Ok(true)
    }

    /// Whether saving is allowed: not when the person chose to keep nothing, nor when the
    /// settings were written by a newer version and cannot be read (nothing is saved rather
    /// than risk saving against a choice this version cannot see).
    fn check_saving_allowed(&mut self) -> Result<(), SaveError> {
        let loaded = self.settings()?;
        if loaded.value.keep_nothing {
            return Err(SaveError::KeepingNothing);
        }
        if loaded.problems.iter().any(|p| p.error.is_from_the_future()) {
            return Err(SaveError::NewerDataThere(settings_key(&self.namespace)));
        }
        Ok(())
    }

    // --- export and import -----------------------------------------------------------------

    /// Every check-in that can be read, as an export file (see `docs/storage.md`), made at
    /// `at_ms`. Problems met while reading are reported beside it: those entries are not in
    /// the file.
    pub fn export(&mut self, at_ms: i64) -> Result<Loaded<String>, StoreError> {
        let history = self.history()?;
        let text = export_json(&history.value, at_ms).map_err(|e| StoreError::Other(e.to_string()))?;
        Ok(Loaded {
            value: text,
            problems: history.problems,
        })
    }

    /// Imports an export file, all or nothing: the whole file is checked before anything is
    /// written, and if a write fails (a full storage) the writes made so far are undone.
    /// Check-ins already here with the same content are counted, not written again; a check-in
    /// whose id is here with different content keeps the one here and is reported as skipped.
    pub fn import(&mut self, text: &str) -> Result<ImportReport, ImportError> {
        self.check_saving_allowed()?;
        let incoming = parse_export(text)?;
        let mut report = ImportReport::default();
        let mut to_add = Vec::new();
        for saved in incoming {
            let key = checkin_key(&self.namespace, saved.id());
            match self.store.get(&key)? {
                None => to_add.push((key, saved)),
                Some(here) if decode_checkin(&here).as_ref() == Ok(&saved) => report.already_there += 1,
                Some(_) => report.skipped.push(saved.id().to_owned()),
            }
        }
        let mut written: Vec<&str> = Vec::with_capacity(to_add.len());
        for (key, saved) in &to_add {
            let result = encode_checkin(saved)
                .map_err(|e| StoreError::Other(e.to_string()))
                .and_then(|text| self.store.set(key, &text));
            if let Err(error) = result {
                // Undo, newest write first. A failed undo leaves a valid check-in behind,
                // never a broken one, so it is not worth another error.
                for key in written.iter().rev() {
                    let _ = self.store.remove(key);
                }
                return Err(error.into());
            }
            written.push(key);
        }
        report.added = written.len();
        Ok(report)
    }

    // --- reading safely --------------------------------------------------------------------

    /// Reads one check-in: `None` if absent, the problem if it cannot be read.
    fn read_checkin(&mut self, id: &str) -> Result<Option<Result<SavedCheckIn, Problem>>, StoreError> {
        if !is_valid_id(id) {
            return Ok(None);
        }
        let key = checkin_key(&self.namespace, id);
        let Some(text) = self.store.get(&key)? else {
            return Ok(None);
        };
        let decoded = decode_checkin(&text).and_then(|saved| {
            if saved.id() == id {
                Ok(saved)
            } else {
                Err(DecodeError::Corrupt(format!(
                    "id \"{}\" under the key of \"{id}\"",
                    saved.id()
                )))
            }
        });
        Ok(Some(decoded.map_err(|error| self.keep_aside(&key, &text, error))))
    }

    /// Deals with a value that cannot be read: left untouched when it is from a newer version;
    /// otherwise copied to the first free aside key and, once the copy is stored, removed from
    /// its own key (only if it still holds the same text: another tab may have written since).
    fn keep_aside(&mut self, key: &str, text: &str, error: DecodeError) -> Problem {
        let action = if error.is_from_the_future() {
            ProblemAction::LeftUntouched
        } else {
            self.move_aside(key, text)
        };
        Problem {
            key: key.to_owned(),
            error,
            action,
        }
    }

    fn move_aside(&mut self, key: &str, text: &str) -> ProblemAction {
        for n in 1..=MAX_ASIDE_COPIES {
            let Some(aside) = aside_key(&self.namespace, key, n) else {
                break;
            };
            let copied = match self.store.get(&aside) {
                // Copied before (by another tab, or a removal that failed): do not copy again.
                Ok(Some(existing)) if existing == text => Ok(()),
                Ok(Some(_)) => continue,
                Ok(None) => self.store.set(&aside, text),
                Err(e) => Err(e),
            };
            return match copied.and_then(|()| self.remove_if_unchanged(key, text)) {
                Ok(()) => ProblemAction::KeptAside { aside_key: aside },
                Err(e) => ProblemAction::NotMoved(e),
            };
        }
        ProblemAction::NotMoved(StoreError::Other("no free aside key".into()))
    }

    fn remove_if_unchanged(&mut self, key: &str, text: &str) -> Result<(), StoreError> {
        if self.store.get(key)?.as_deref() == Some(text) {
            self.store.remove(key)?;
        }
        Ok(())
    }
}

/// Newest first; the id settles equal dates, so the order never depends on the store.
pub(crate) fn sort_newest_first(checkins: &mut [SavedCheckIn]) {
    crate::sort::sort_by(checkins, |a, b| b.at().cmp(&a.at()).then_with(|| b.id().cmp(a.id())));
}
