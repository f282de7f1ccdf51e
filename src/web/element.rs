//! The wasm half of `<recovery-checkin>`: `embed/loader.js` defines the element and calls these
//! three functions when one is connected, changes an attribute, or is removed. The binary
//! (`src/main.rs`) exports them to JavaScript: a library's exports do not reach a binary's wasm.
//!
//! Each widget is a Yew app mounted in a `<div>` of the element's shadow root. Options are read
//! and checked by [`crate::embed::parse`]; what it refuses is logged to the console once, naming
//! the attribute. A new namespace starts the widget afresh (it is another person's storage);
//! any other change updates the running widget in place, so nothing the person did is lost.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::{AppHandle, Callback};

use crate::embed::{self, HostEvent};
use crate::storage::json::{self, Value};

use super::app::{App, AppProps};
use super::next_id_prefix;

/// A running widget.
struct Widget {
    app: AppHandle<App>,
    /// The `<div>` the app is mounted in; removed with it, and Yew's listeners with it.
    mount: web_sys::Element,
    root: web_sys::ShadowRoot,
    props: AppProps,
    /// The warnings already logged, so an attribute change does not repeat them.
    warned: Vec<String>,
}

thread_local! {
    /// The running widgets by number; a removed widget's place is taken by the next one.
    static WIDGETS: RefCell<Vec<Option<Widget>>> = const { RefCell::new(Vec::new()) };
}

/// Starts a widget in `root`, the shadow root of a `<recovery-checkin>`. `attributes` is the
/// element's attributes as a JSON list of strings (name, value, name, value...), read with the
/// JSON reader the wasm has anyway; `resources` is the text of its `<script
/// type="application/json">` (or what `mount()` was given); `events(type)` dispatches
/// `checkin-started` and `checkin-completed` on the element. Returns the widget's number.
pub fn mount_widget(
    root: web_sys::ShadowRoot,
    attributes: String,
    resources: Option<String>,
    events: js_sys::Function,
) -> u32 {
    let on_event = Callback::from(move |event: HostEvent| {
        // A host page's listener that throws is the host page's business.
        events.call1(&JsValue::NULL, &JsValue::from_str(event.name())).ok();
    });
    let template = AppProps {
        locale: Default::default(),
        region: crate::help::Region::Other,
        id_prefix: next_id_prefix().into(),
        namespace: Default::default(),
        partner: Rc::default(),
        on_event,
    };
    let (props, warned) = configure(&attributes, resources.as_deref(), &template, &[]);
    let Some((mount, app)) = start(&root, props.clone()) else {
        return u32::MAX;
    };
    let widget = Widget {
        app,
        mount,
        root,
        props,
        warned,
    };
    WIDGETS.with(|widgets| {
        let mut widgets = widgets.borrow_mut();
        match widgets.iter().position(Option::is_none) {
            Some(free) => {
                widgets[free] = Some(widget);
                free as u32
            }
            None => {
                widgets.push(Some(widget));
                widgets.len() as u32 - 1
            }
        }
    })
}

/// Applies the element's attributes (and resources) again after one changed.
pub fn update_widget(id: u32, attributes: String, resources: Option<String>) {
    let Some(mut widget) = take(id) else { return };
    let (props, warned) = configure(&attributes, resources.as_deref(), &widget.props, &widget.warned);
    widget.warned = warned;
    if props.namespace != widget.props.namespace {
        // Another namespace is another person's check-ins: start afresh, so nothing of this one
        // (an answer on screen, a draft) is saved under the new namespace.
        widget.mount.remove();
        widget.app.destroy();
        let Some((mount, app)) = start(&widget.root, props.clone()) else {
            return;
        };
        widget.mount = mount;
        widget.app = app;
    } else {
        // Yew compares the props and draws again only if they changed (a theme is CSS alone).
        widget.app.update(props.clone());
    }
    widget.props = props;
    put(id, widget);
}

/// Stops a widget: Yew destroys the app (its effects remove their listeners) and its `<div>`
/// leaves the shadow root, so nothing of it is left in the page.
pub fn unmount_widget(id: u32) {
    if let Some(widget) = take(id) {
        widget.mount.remove();
        widget.app.destroy();
    }
}

/// The app's props for these attributes and resources (the id prefix and the event callback
/// kept from `before`), and every warning, each logged unless it is in `logged`.
fn configure(
    attributes: &str,
    resources: Option<&str>,
    before: &AppProps,
    logged: &[String],
) -> (AppProps, Vec<String>) {
    let browser_language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    let list = match json::parse(attributes) {
        Ok(Value::Array(list)) => list,
        _ => Vec::new(),
    };
    let pairs = list.chunks_exact(2).map(|pair| {
        (
            pair[0].as_str().unwrap_or_default(),
            pair[1].as_str().unwrap_or_default(),
        )
    });
    let parsed = embed::parse(pairs, resources, &browser_language);
    let warnings: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    for warning in warnings.iter().filter(|w| !logged.contains(w)) {
        web_sys::console::warn_1(&JsValue::from_str(warning));
    }
    let config = parsed.config;
    let props = AppProps {
        locale: config.locale,
        region: config.region,
        namespace: config.namespace,
        partner: Rc::new(config.partner),
        ..before.clone()
    };
    (props, warnings)
}

/// Mounts an app in a new `<div>` at the end of `root`.
fn start(root: &web_sys::ShadowRoot, props: AppProps) -> Option<(web_sys::Element, AppHandle<App>)> {
    let mount = root.owner_document()?.create_element("div").ok()?;
    root.append_child(&mount).ok()?;
    let app = yew::Renderer::<App>::with_root_and_props(mount.clone(), props).render();
    Some((mount, app))
}

/// Takes widget `id` out of the list while it is changed, so no borrow is held while Yew or the
/// page runs.
fn take(id: u32) -> Option<Widget> {
    WIDGETS.with(|widgets| widgets.borrow_mut().get_mut(id as usize).and_then(Option::take))
}

fn put(id: u32, widget: Widget) {
    WIDGETS.with(|widgets| {
        if let Some(place) = widgets.borrow_mut().get_mut(id as usize) {
            *place = Some(widget);
        }
    });
}
