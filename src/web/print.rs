//! Printing the results alone, not the partner's page around them.
//!
//! The widget marks the chain of elements from its root up to `<body>`; print styles hide
//! everything off that chain while the mark is set. The marks go when printing ends. Screens
//! are untouched: the rules apply only to `@media print`.
//!
//! In a shadow root the chain starts at the `<recovery-checkin>` element, and the rules for the
//! partner's page are `styles/page.css`, which the loader adopts into the page (the widget's own
//! stylesheet cannot reach out of its shadow root).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Set on `<html>` while the widget prints.
const PRINTING: &str = "data-rc-printing";
/// Set on every ancestor of the widget while it prints.
const PATH: &str = "data-rc-print-path";

/// Prints the widget that holds `inside`, and only it.
pub fn print_widget(inside: &web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(root) = document.document_element() else {
        return;
    };
    let tree = inside.get_root_node();
    let mut node = if tree.node_type() == web_sys::Node::DOCUMENT_FRAGMENT_NODE {
        // Only a shadow root holds a connected widget and is a fragment.
        Some(tree.unchecked_into::<web_sys::ShadowRoot>().host())
    } else {
        inside
            .closest(".rc-widget")
            .ok()
            .flatten()
            .and_then(|w| w.parent_element())
    };
    while let Some(element) = node {
        element.set_attribute(PATH, "").ok();
        node = element.parent_element();
    }
    root.set_attribute(PRINTING, "").ok();

    // Once: a listener left behind would run again at the next print, after its closure is gone.
    let cleanup = Closure::once_into_js(move || clear_marks(&document));
    let once = web_sys::AddEventListenerOptions::new();
    once.set_once(true);
    window
        .add_event_listener_with_callback_and_add_event_listener_options("afterprint", cleanup.unchecked_ref(), &once)
        .ok();
    window.print().ok();
}

fn clear_marks(document: &web_sys::Document) {
    if let Some(root) = document.document_element() {
        root.remove_attribute(PRINTING).ok();
    }
    if let Ok(marked) = document.query_selector_all(&format!("[{PATH}]")) {
        for index in 0..marked.length() {
            // `querySelectorAll` finds only elements: no type check needed (nor its JS glue).
            if let Some(element) = marked.item(index).map(|n| n.unchecked_into::<web_sys::Element>()) {
                element.remove_attribute(PATH).ok();
            }
        }
    }
}
