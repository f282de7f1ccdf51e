//! The widget's link to storage: one [`Repository`] over `localStorage` (or memory), and the
//! few browser calls saving needs (the clock, ids, dates in the person's language, files).
//!
//! Components never touch storage themselves: the app calls these and tells the flow what
//! happened, so what the flow does stays testable without a browser.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Locale;
use crate::storage::locked::LockState;
use crate::storage::rekey::recover;
use crate::storage::vault::Vault;
use crate::storage::{Namespace, Repository};

use super::app::To;
use super::local_store::WidgetStore;
use super::lock::{work, Job};

/// Storage for one widget: its repository, whether anything will outlast the page, and the
/// lock's work (`super::lock`).
pub struct Saving {
    repo: RefCell<Repository<Vault<WidgetStore>>>,
    keeps_data: bool,
    /// The loader's WebCrypto for this widget (`embed/loader.js`); `None` where the browser
    /// has none (not a secure context), and then no lock can be set.
    pub(super) crypt: Option<js_sys::Function>,
    /// The lock's work waiting, done one job at a time, in order.
    pub(super) jobs: RefCell<Vec<Job>>,
    /// Whether a job is being done.
    pub(super) working: Cell<bool>,
    /// The salt (as the envelope writes it) of the key values are encrypted with while the
    /// lock is open; `None`: they are written plain (the lock is off).
    pub(super) salt: RefCell<Option<String>>,
    /// The idle timer.
    pub(super) lock: Cell<LockState>,
    /// Where the lock's work tells the app what happened (set on mount).
    pub(super) to: RefCell<Option<To>>,
}

/// Shared between the app's callbacks and effects.
pub type SavingHandle = Rc<Saving>;

/// The loader's `crypt` function for one widget (`super::lock`), or none.
#[derive(Clone, Debug, Default)]
pub struct Crypt(pub Option<js_sys::Function>);

impl PartialEq for Crypt {
    /// A widget keeps its one function for its life: never a change to draw again for.
    fn eq(&self, _: &Crypt) -> bool {
        true
    }
}

impl Saving {
    /// `localStorage` in `namespace` when the browser allows it, memory otherwise. A change of
    /// passphrase cut off last time is finished or undone first (`storage::rekey::recover`).
    pub fn open(namespace: Namespace, crypt: Option<js_sys::Function>) -> SavingHandle {
        let mut store = WidgetStore::open();
        let keeps_data = store.keeps_data();
        recover(&mut store, &namespace).ok();
        let vault = Vault::new(store, namespace.clone());
        let lock = LockState::on_open(!matches!(vault.mode(), crate::storage::vault::Mode::Off));
        Rc::new(Saving {
            repo: RefCell::new(Repository::new(vault, namespace)),
            keeps_data,
            crypt,
            jobs: RefCell::default(),
            working: Cell::new(false),
            salt: RefCell::new(None),
            lock: Cell::new(lock),
            to: RefCell::new(None),
        })
    }

    /// Whether what is saved will still be there after the page closes.
    pub fn keeps_data(&self) -> bool {
        self.keeps_data
    }

    /// Runs `f` with the repository. Calls never nest (each is one short, synchronous step).
    /// Writes to values under an open lock are then encrypted and stored, in order.
    pub fn with<R>(self: &Rc<Self>, f: impl FnOnce(&mut Repository<Vault<WidgetStore>>) -> R) -> R {
        let (result, writes) = {
            let mut repo = self.repo.borrow_mut();
            let result = f(&mut repo);
            (result, repo.store_mut().take_writes())
        };
        if !writes.is_empty() {
            self.jobs.borrow_mut().extend(writes.into_iter().map(Job::Write));
            work(self);
        }
        result
    }
}

impl PartialEq for Saving {
    /// One widget has one `Saving`; props compare it by identity.
    fn eq(&self, other: &Saving) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A fresh id for a saved check-in: the time and a random part, so two tabs saving in the same
/// millisecond still get different ids.
pub fn new_id(at_ms: i64) -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{at_ms:x}-{random:08x}")
}

/// A date in the person's language, such as "Nov 26, 2026" or "26 nov 2026" ([`Locale::intl_tag`]).
pub fn format_date(locale: Locale, at_ms: i64) -> String {
    format_at(locale, at_ms, false)
}

/// A date and time in the person's language, for telling apart check-ins made on one day.
pub fn format_date_time(locale: Locale, at_ms: i64) -> String {
    format_at(locale, at_ms, true)
}

/// Both of the above through `toLocaleString`: with a `dateStyle` and no `timeStyle` it writes
/// the date alone, exactly as `toLocaleDateString` would (one JS import instead of two).
fn format_at(locale: Locale, at_ms: i64, time: bool) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at_ms as f64));
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).ok();
    if time {
        js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into()).ok();
    }
    date.to_locale_string(locale.intl_tag(), &options).into()
}

/// Offers `text` as a file download named `name`, from memory: nothing leaves the device.
pub fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    // `{ type: "application/json" }`, set as the date options are: one JS import fewer than
    // BlobPropertyBag's setter.
    let options = web_sys::BlobPropertyBag::new();
    js_sys::Reflect::set(&options, &"type".into(), &"application/json".into()).ok();
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    // `createElement("a")` makes an anchor: no type check needed (nor its JS glue).
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    // The attributes, as the properties would set them: `setAttribute` is imported already.
    link.set_attribute("href", &url)?;
    link.set_attribute("download", name)?;
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
