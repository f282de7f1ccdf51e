//! The binary Trunk builds. It starts nothing itself: `embed/loader.js` (written into `dist/` as
//! `recovery-checkin.js`) defines `<recovery-checkin>`, and each element starts, changes and
//! stops its widget through the functions exported here (`src/web/element.rs` does the
//! work; only a binary's own exports reach its wasm).

use recovery_checkin::web::element;
use wasm_bindgen::prelude::wasm_bindgen;

/// Talc instead of the standard library's dlmalloc: a few KB less WebAssembly, and it grows
/// the wasm memory as dlmalloc does. The widget runs on one thread (no `atomics`).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {}

/// Starts a widget in a `<recovery-checkin>`'s shadow root; returns its number.
#[wasm_bindgen]
// Called by the loader alone, with one argument per thing it hands over.
#[allow(clippy::too_many_arguments)]
pub fn mount_widget(
    root: web_sys::ShadowRoot,
    attributes: String,
    resources: Option<String>,
    languages: String,
    events: js_sys::Function,
    fetch: js_sys::Function,
    store: js_sys::Function,
    lock: Option<js_sys::Function>,
    html: js_sys::Function,
) -> u32 {
    element::mount_widget(root, attributes, resources, languages, events, fetch, store, lock, html)
}

/// Applies a widget's attributes again after one changed.
#[wasm_bindgen]
pub fn update_widget(id: u32, attributes: String, resources: Option<String>, languages: String) {
    element::update_widget(id, attributes, resources, languages)
}

/// Hands over a language's catalog file, fetched by the loader (empty when it could not be).
#[wasm_bindgen]
pub fn catalog_loaded(tag: String, text: String) {
    element::catalog_loaded(tag, text)
}

/// Stops a widget and removes what it added to the page.
#[wasm_bindgen]
pub fn unmount_widget(id: u32) {
    element::unmount_widget(id)
}

/// Starts a widget afresh: the lock of its namespace opened or closed.
#[wasm_bindgen]
pub fn restart_widget(id: u32) {
    element::restart_widget(id)
}

/// Tells a widget that a write under the lock failed.
#[wasm_bindgen]
pub fn write_failed(id: u32) {
    element::write_failed(id)
}
