//! The browser side of storage: `localStorage` behind the domain's [`Store`] trait.
//!
//! Every call can throw in a browser (a `SecurityError` in sandboxed or third-party frames and
//! some private modes, a `QuotaExceededError` on a full write), so every call is caught and
//! turned into a [`StoreError`]; nothing here panics. When `localStorage` cannot be had at all
//! the widget runs on a [`MemoryStore`] and says that nothing will be kept.

use wasm_bindgen::{JsCast, JsValue};

use crate::storage::{MemoryStore, Store, StoreError};

/// `window.localStorage`, with every failure caught.
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// The store the loader gave (`given`: its vault for the namespace, which has the methods
    /// of `localStorage` and is called as it is; `null` where storage is refused), or without
    /// a loader the page's `localStorage`, if the browser lets the widget use it. Reading the
    /// length proves access: some browsers hand out the object and then throw on the first call.
    pub fn open(given: Option<JsValue>) -> Result<LocalStore, StoreError> {
        let storage: web_sys::Storage = match given {
            Some(given) if given.is_object() => given.unchecked_into(),
            Some(_) => return Err(StoreError::Unavailable),
            None => web_sys::window()
                .ok_or(StoreError::Unavailable)?
                .local_storage()
                .map_err(|_| StoreError::Unavailable)?
                .ok_or(StoreError::Unavailable)?,
        };
        storage.length().map_err(|_| StoreError::Unavailable)?;
        Ok(LocalStore { storage })
    }
}

/// Maps a thrown value to the domain's error, by the `DOMException` name browsers use.
fn store_error(thrown: JsValue) -> StoreError {
    match thrown.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        Some(name) if name == "SecurityError" => StoreError::Unavailable,
        Some(name) => StoreError::Other(name),
        None => StoreError::Other(String::from("storage threw")),
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(store_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(store_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(store_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self.storage.length().map_err(store_error)?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = self.storage.key(index).map_err(store_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// The store a widget runs on: the browser's, or memory when the browser refuses.
pub enum WidgetStore {
    /// `localStorage`.
    Local(LocalStore),
    /// Memory only: nothing is kept after the page closes.
    Memory(MemoryStore),
}

impl WidgetStore {
    /// The loader's store (or `localStorage`) when it works, else memory.
    pub fn open(given: Option<JsValue>) -> WidgetStore {
        match LocalStore::open(given) {
            Ok(local) => WidgetStore::Local(local),
            Err(_) => WidgetStore::Memory(MemoryStore::new()),
        }
    }

    /// Whether what is saved will still be there after the page closes.
    pub fn keeps_data(&self) -> bool {
        matches!(self, WidgetStore::Local(_))
    }
}

impl Store for WidgetStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            WidgetStore::Local(s) => s.get(key),
            WidgetStore::Memory(s) => s.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            WidgetStore::Local(s) => s.set(key, value),
            WidgetStore::Memory(s) => s.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self {
            WidgetStore::Local(s) => s.remove(key),
            WidgetStore::Memory(s) => s.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        match self {
            WidgetStore::Local(s) => s.keys(),
            WidgetStore::Memory(s) => s.keys(),
        }
    }
}
