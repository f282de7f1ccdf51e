//! The wasm half of `<recovery-checkin>`: `embed/loader.js` defines the element and calls these
//! three functions when one is connected, changes an attribute, or is removed. The binary
//! (`src/main.rs`) exports them to JavaScript: a library's exports do not reach a binary's wasm.
//!
//! Each widget is a Yew app mounted in a `<div>` of the element's shadow root. Options are read
//! and checked by [`crate::embed::parse`]; what it refuses is logged to the console once, naming
//! the attribute. A new namespace starts the widget afresh (it is another person's storage);
//! any other change updates the running widget in place, so nothing the person did is lost.
//!
//! The language is decided here ([`Locale::choose`]): the language the person picked in the
//! widget, else the `lang` attribute, else their saved choice, else the browser's languages.
//! English is compiled in; any other language's texts are a file the loader fetches when asked
//! (`fetch(tag)`) and hands back through [`catalog_loaded`]. A widget waits for its language's
//! texts before it first shows (one small request, next to the wasm), and keeps its language
//! until a newly picked one's have come; a file that cannot be had means English.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::{AppHandle, Callback};

use crate::embed::{self, HostEvent};
use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::storage::json::{self, Value};

use super::app::{App, AppProps};
use super::contacts::{contact_list, emergency_link, Which};
use super::markup::Markup;
use super::next_id_prefix;
use super::saving::{Loader, Saving};

/// A widget on the page.
struct Widget {
    /// The app and the `<div>` it is mounted in (removed with it, and Yew's listeners with
    /// it), once the texts of its language are here.
    running: Option<(web_sys::Element, AppHandle<App>)>,
    /// The `<template>` holding the calm message shown if the widget ever stops working (see
    /// [`fallback_markup`]): inert, and out of reach of selectors, until the loader uses it.
    fallback: Option<web_sys::Element>,
    root: web_sys::ShadowRoot,
    /// What the app is given; its `locale` is the language shown.
    props: AppProps,
    /// The language the widget should speak (its texts may still be on their way).
    wanted: Locale,
    /// The language the person picked in this widget: it comes first from then on.
    picked: Option<Locale>,
    /// The warnings already logged, so an attribute change does not repeat them.
    warned: Vec<String>,
}

thread_local! {
    /// The widgets by number; a removed widget's place is taken by the next one.
    static WIDGETS: RefCell<Vec<Option<Widget>>> = const { RefCell::new(Vec::new()) };
    /// The loader's `fetch(tag)`: fetches a language's catalog file and calls
    /// [`catalog_loaded`] with its text (empty when it could not be had).
    static FETCH: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Starts a widget in `root`, the shadow root of a `<recovery-checkin>`. `attributes` is the
/// element's attributes as a JSON list of strings (name, value, name, value...), read with the
/// JSON reader the wasm has anyway; `resources` is the text of its `<script
/// type="application/json">` (or what `mount()` was given); `languages` is
/// `navigator.languages`, comma-separated; `events(type)` dispatches `checkin-started` and
/// `checkin-completed` on the element; `fetch(tag)` fetches a language's texts; `store(prefix)` and
/// `lock(op, form)` are where the widget keeps its values and the lock's work
/// ([`Loader`]; no `lock` without WebCrypto); `html(element, markup)` writes markup into an
/// element, through the page's Trusted Types where it requires them. Returns the widget's number.
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
    FETCH.with(|f| *f.borrow_mut() = Some(fetch));
    // Every markup the widget writes goes through the loader's Trusted Types policy (vendored
    // yew's raw HTML, and the fallback below).
    yew::virtual_dom::vraw::set_html_writer(Some(html));
    let id = WIDGETS.with(|widgets| {
        let mut widgets = widgets.borrow_mut();
        let free = widgets.iter().position(Option::is_none).unwrap_or(widgets.len());
        if free == widgets.len() {
            widgets.push(None);
        }
        free as u32
    });
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
        exit_url: Default::default(),
        on_event,
        on_locale: Callback::from(move |locale| pick(id, locale)),
        loader: Loader {
            store: Some(store),
            lock,
        },
        restarted: false,
        write_failures: 0,
    };
    let (props, wanted, warned) = configure(&attributes, resources.as_deref(), &languages, &template, None, &[]);
    // The `<template>` goes in first; [`show`] writes the fallback into it before the app
    // starts, in the language the widget speaks.
    let fallback = root.owner_document().and_then(|document| {
        let fallback = document.create_element("template").ok()?;
        root.append_child(&fallback).ok()?;
        Some(fallback)
    });
    let mut widget = Widget {
        running: None,
        fallback,
        root,
        props,
        wanted,
        picked: None,
        warned,
    };
    show(&mut widget);
    put(id, widget);
    id
}

/// Applies the element's attributes (and resources) again after one changed.
pub fn update_widget(id: u32, attributes: String, resources: Option<String>, languages: String) {
    let Some(mut widget) = take(id) else { return };
    let (props, wanted, warned) = configure(
        &attributes,
        resources.as_deref(),
        &languages,
        &widget.props,
        widget.picked,
        &widget.warned,
    );
    widget.warned = warned;
    widget.wanted = wanted;
    if props.namespace != widget.props.namespace {
        // Another namespace is another person's check-ins: start afresh, so nothing of this one
        // (an answer on screen, a draft) is saved under the new namespace.
        stop(&mut widget);
    }
    // Yew compares the props and draws again only if they changed (a theme is CSS alone).
    widget.props = props;
    show(&mut widget);
    put(id, widget);
}

/// Stops a widget: Yew destroys the app (its effects remove their listeners) and its `<div>`
/// leaves the shadow root, so nothing of it is left in the page.
pub fn unmount_widget(id: u32) {
    if let Some(mut widget) = take(id) {
        stop(&mut widget);
        if let Some(fallback) = widget.fallback {
            fallback.remove();
        }
    }
}

/// The lock of the widget's namespace opened or closed (`embed/loader.js`): the app starts
/// afresh, reading everything again through the vault, with focus on its first screen's heading.
pub fn restart_widget(id: u32) {
    let Some(mut widget) = take(id) else { return };
    stop(&mut widget);
    widget.props.restarted = true;
    show(&mut widget);
    put(id, widget);
}

/// A write under the lock failed in the loader (`embed/loader.js`): the app tells the person.
pub fn write_failed(id: u32) {
    let Some(mut widget) = take(id) else { return };
    widget.props.write_failures += 1;
    show(&mut widget);
    put(id, widget);
}

/// The loader hands over the catalog file of the language `tag` (empty when it could not be
/// fetched): the widgets waiting for it show in it, or in English if it cannot be read.
pub fn catalog_loaded(tag: String, text: String) {
    let Some(locale) = Locale::from_tag(&tag) else { return };
    if !locale.load(text) {
        let warning = format!("recovery-checkin: the texts for \"{tag}\" could not be loaded; using English");
        web_sys::console::warn_1(&JsValue::from_str(&warning));
    }
    let waiting: Vec<u32> = WIDGETS.with(|widgets| {
        (0..widgets.borrow().len() as u32)
            .filter(|id| {
                widgets.borrow()[*id as usize]
                    .as_ref()
                    .is_some_and(|w| w.wanted == locale)
            })
            .collect()
    });
    for id in waiting {
        if let Some(mut widget) = take(id) {
            show(&mut widget);
            put(id, widget);
        }
    }
}

/// The person picked `locale` in widget `id` (the app has saved the choice).
fn pick(id: u32, locale: Locale) {
    let Some(mut widget) = take(id) else { return };
    widget.picked = Some(locale);
    widget.wanted = locale;
    show(&mut widget);
    put(id, widget);
}

/// Shows the widget in the language it should speak once that language's texts are here (in
/// English if they cannot be had), starting the app the first time; asks the loader for them
/// otherwise, and until they come a running widget keeps its language and a new one waits.
/// The fallback is written first, in the language shown, so that it is there whatever happens
/// when the app starts or draws again.
fn show(widget: &mut Widget) {
    let texts_here = match widget.wanted.loaded() {
        Some(true) => {
            widget.props.locale = widget.wanted;
            true
        }
        Some(false) => {
            widget.props.locale = Locale::En;
            true
        }
        None => {
            let asked = FETCH.with(|fetch| {
                fetch
                    .borrow()
                    .as_ref()
                    .is_some_and(|f| f.call1(&JsValue::NULL, &JsValue::from_str(widget.wanted.tag())).is_ok())
            });
            if !asked {
                widget.wanted.load(String::new());
                widget.props.locale = Locale::En;
            }
            !asked
        }
    };
    write_fallback(widget.fallback.as_ref(), &widget.props);
    match &mut widget.running {
        Some((_, app)) => app.update(widget.props.clone()),
        None if texts_here => widget.running = start(&widget.root, widget.props.clone()),
        None => {}
    }
}

/// Removes the app, if one runs.
/// A widget started again starts clean: no failed write to tell, no focus to move (unless
/// [`restart_widget`] asks for it).
fn stop(widget: &mut Widget) {
    if let Some((mount, app)) = widget.running.take() {
        mount.remove();
        app.destroy();
    }
    widget.props.restarted = false;
    widget.props.write_failures = 0;
}

/// Writes the fallback for these props into the `<template>` `element`: the message, and in
/// `data-ns` the namespace's key prefix, for the loader's export.
fn write_fallback(element: Option<&web_sys::Element>, props: &AppProps) {
    if let Some(element) = element {
        element.set_attribute("data-ns", &props.namespace.prefix()).ok();
        yew::virtual_dom::vraw::write_html(element, &fallback_markup(props.locale, props.region, &props.exit_url));
    }
}

/// What the person sees if the widget stops working: the WebAssembly cannot run again after a
/// panic, so this is written beforehand into a `<template>` and shown by `embed/loader.js`
/// without the wasm. A calm message, the region's crisis lines, a button that saves the check-ins to a
/// file (the loader reads the namespace's keys, named by `data-ns`, and writes the export file
/// of `docs/storage.md`), and the way out.
pub fn fallback_markup(locale: Locale, region: Region, exit_url: &str) -> String {
    let mut m = Markup::default();
    // In a <div> as the app is, so that the same styles apply.
    m.raw("<div><div class=\"rc-widget rc-fallback\" role=\"alert\" lang=\"");
    m.raw(locale.tag());
    m.raw("\" dir=\"");
    m.raw(locale.dir());
    m.raw("\"><div class=\"rc-header\"><a data-exit class=\"rc-exit\" href=\"");
    m.text(exit_url);
    m.raw("\">");
    m.text(locale.text(Msg::ExitButton));
    m.raw("</a></div><div class=\"rc-body\">");
    m.element("<h2 class=\"rc-title\">", locale.text(Msg::FallbackTitle), "</h2>");
    m.p(locale.text(Msg::FallbackBody));
    m.p(locale.text(Msg::FallbackHelp));
    emergency_link(&mut m, locale, region);
    contact_list(&mut m, locale, region, Which::Crisis, 3);
    m.element(
        "<p><button type=\"button\" class=\"rc-button\" data-testid=\"fallback-export\">",
        locale.text(Msg::FallbackExport),
        "</button></p>",
    );
    m.p(locale.text(Msg::FallbackLater));
    m.raw("</div></div></div>");
    m.into_string()
}

/// The app's props for these attributes and resources (the id prefix and the callbacks kept
/// from `before`), the language the widget should speak, and every warning, each logged unless
/// it is in `logged`.
fn configure(
    attributes: &str,
    resources: Option<&str>,
    languages: &str,
    before: &AppProps,
    picked: Option<Locale>,
    logged: &[String],
) -> (AppProps, Locale, Vec<String>) {
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
    let parsed = embed::parse(pairs, resources, languages);
    let warnings: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    for warning in warnings.iter().filter(|w| !logged.contains(w)) {
        web_sys::console::warn_1(&JsValue::from_str(warning));
    }
    let config = parsed.config;
    let saved = Saving::open(config.namespace.clone(), &before.loader).with(|repo| repo.saved_locale());
    let wanted = Locale::choose(picked.or(config.lang), saved, languages);
    let props = AppProps {
        region: config.region,
        namespace: config.namespace,
        partner: Rc::new(config.partner),
        exit_url: config.exit_url.into(),
        ..before.clone()
    };
    (props, wanted, warnings)
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
