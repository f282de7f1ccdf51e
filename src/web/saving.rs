//! The widget's link to storage: one [`Repository`] over `localStorage` (or memory), and the
//! few browser calls saving needs (the clock, ids, dates in the person's language, files).
//!
//! Components never touch storage themselves: the app calls these and tells the flow what
//! happened, so what the flow does stays testable without a browser.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Locale;
use crate::shell::Lock;
use crate::storage::{Namespace, Repository};

use super::local_store::WidgetStore;

/// Storage for one widget: its repository, whether anything will outlast the page, and the
/// loader's lock (`super::lock`).
pub struct Saving {
    repo: RefCell<Repository<WidgetStore>>,
    keeps_data: bool,
    /// The lock's operations in the loader (`embed/loader.js`, the vault's `ops`); `None`
    /// where the browser has no WebCrypto (not a secure context), and then no lock is offered.
    lock: Option<js_sys::Function>,
}

/// Shared between the app's callbacks and effects.
pub type SavingHandle = Rc<Saving>;

/// What the loader gives a widget for storage (`embed/loader.js`): `store(prefix)`, the
/// object it keeps its values in (the namespace's vault, which looks like `localStorage`;
/// `null` where storage is refused), and `lock(op, form)`, the lock's operations.
#[derive(Clone, Debug, Default)]
pub struct Loader {
    /// `store(prefix)`; without it (the browser tests), `window.localStorage`.
    pub store: Option<js_sys::Function>,
    /// `lock(op, form)`; none where the browser has no WebCrypto.
    pub lock: Option<js_sys::Function>,
}

impl PartialEq for Loader {
    /// A widget keeps its functions for its life: never a change to draw again for.
    fn eq(&self, _: &Loader) -> bool {
        true
    }
}

impl Saving {
    /// The loader's store for `namespace` when the browser allows storage, memory otherwise.
    pub fn open(namespace: Namespace, loader: &Loader) -> SavingHandle {
        let given = loader.store.as_ref().map(|store| {
            store
                .call1(&JsValue::NULL, &namespace.prefix().into())
                .unwrap_or(JsValue::NULL)
        });
        let store = WidgetStore::open(given);
        let keeps_data = store.keeps_data();
        Rc::new(Saving {
            repo: RefCell::new(Repository::new(store, namespace)),
            keeps_data,
            lock: loader.lock.clone(),
        })
    }

    /// Whether what is saved will still be there after the page closes.
    pub fn keeps_data(&self) -> bool {
        self.keeps_data
    }

    /// Runs `f` with the repository. Calls never nest (each is one short, synchronous step).
    pub fn with<R>(&self, f: impl FnOnce(&mut Repository<WidgetStore>) -> R) -> R {
        f(&mut self.repo.borrow_mut())
    }

    /// Calls the loader's `lock(op, form)`: what it answered (`undefined` without a lock).
    pub fn lock(&self, op: &str, form: &JsValue) -> JsValue {
        self.lock
            .as_ref()
            .and_then(|lock| lock.call2(&JsValue::NULL, &op.into(), form).ok())
            .unwrap_or_default()
    }

    /// The lock as it is now: none set, set and closed, or open.
    pub fn lock_state(&self) -> Lock {
        match self.lock("state", &JsValue::NULL).as_f64() {
            Some(1.0) => Lock::Locked,
            Some(2.0) => Lock::Open,
            _ => Lock::Off,
        }
    }

    /// Whether the lock can be offered here: the loader has WebCrypto, and storage keeps data.
    pub fn lock_available(&self) -> bool {
        self.lock.is_some() && self.keeps_data
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
