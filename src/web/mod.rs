//! The thin Yew layer: mounts the widget and renders the domain's state.
//!
//! One component per file: [`app`] holds the state and routes events, the others only render
//! what they are given.

pub mod app;
pub mod contacts;
pub mod crisis_panel;
pub mod elements;
pub mod header;
pub mod history;
pub mod local_store;
pub mod print;
pub mod progress;
pub mod question;
pub mod results;
pub mod review;
pub mod safety_notice;
pub mod saved_result;
pub mod saving;
pub mod trend_chart;
pub mod welcome;

use std::cell::Cell;

use wasm_bindgen::JsCast;
use yew::AppHandle;

use crate::help::Region;
use crate::i18n::Locale;
use crate::storage::Namespace;

use self::app::{App, AppProps};

/// The attribute that marks an element as a place for the widget on a partner page.
pub const MOUNT_ATTRIBUTE: &str = "data-recovery-checkin";

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

/// A prefix for element ids that is unique among the widgets on one page.
fn next_id_prefix() -> String {
    NEXT_INSTANCE.with(|next| {
        let n = next.get();
        next.set(n + 1);
        format!("rc{n}")
    })
}

/// Mounts a widget in every element of the page that carries [`MOUNT_ATTRIBUTE`].
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(places) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..places.length() {
        // `querySelectorAll` finds only elements: no type check needed (nor its JS glue).
        if let Some(element) = places.item(index).map(|node| node.unchecked_into::<web_sys::Element>()) {
            // The handle lives as long as the page: nothing unmounts the page's own widgets.
            std::mem::forget(mount(element));
        }
    }
}

/// Mounts one widget in `element`, configured from its `data-region` and `data-namespace`
/// attributes.
pub fn mount(element: web_sys::Element) -> AppHandle<App> {
    let browser_language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    let region = element
        .get_attribute("data-region")
        .and_then(|code| Region::from_code(&code))
        .or_else(|| Region::from_language_tag(&browser_language))
        .unwrap_or(Region::Other);
    let locale = Locale::from_tag(&browser_language).unwrap_or_default();
    element.set_attribute("lang", locale.tag()).ok();
    // A namespace that is not a plain name falls back to "default"; issue 6 adds the warning.
    let (namespace, _refused) = Namespace::parse_or_default(element.get_attribute("data-namespace").as_deref());
    let props = AppProps {
        locale,
        region,
        id_prefix: next_id_prefix().into(),
        namespace,
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render()
}
