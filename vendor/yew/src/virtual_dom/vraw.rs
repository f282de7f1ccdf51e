use crate::html::ImplicitClone;
use crate::AttrValue;

/// A raw HTML string to be used in VDOM.
#[derive(Clone, ImplicitClone, Debug, PartialEq, Eq)]
pub struct VRaw {
    pub html: AttrValue,
}

impl From<AttrValue> for VRaw {
    fn from(html: AttrValue) -> Self {
        Self { html }
    }
}

// Vendored change (vendor/README.md): raw HTML through a writer the embedder sets, so that it
// can go through a Trusted Types policy on pages that require one.
#[cfg(feature = "csr")]
thread_local! {
    static HTML_WRITER: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Sets the function `(element, html)` that writes raw HTML into an element's `innerHTML`
/// from now on (`None`: the plain `innerHTML` setter). On a page that requires Trusted Types
/// it assigns `html` through the embedder's policy.
#[cfg(feature = "csr")]
pub fn set_html_writer(writer: Option<js_sys::Function>) {
    HTML_WRITER.with(|current| *current.borrow_mut() = writer);
}

/// Writes `html` into `element`'s `innerHTML`, through the writer set with [`set_html_writer`]
/// if there is one. A writer that throws leaves the element as it was.
#[cfg(feature = "csr")]
pub fn write_html(element: &web_sys::Element, html: &str) {
    let written = HTML_WRITER.with(|writer| {
        writer.borrow().as_ref().map(|write| {
            write
                .call2(&wasm_bindgen::JsValue::NULL, element, &wasm_bindgen::JsValue::from_str(html))
                .ok()
        })
    });
    if written.is_none() {
        element.set_inner_html(html);
    }
}

#[cfg(feature = "ssr")]
mod feat_ssr {
    use std::fmt::Write;

    use super::*;
    use crate::html::AnyScope;
    use crate::platform::fmt::BufWriter;
    use crate::virtual_dom::Collectable;

    impl VRaw {
        pub(crate) async fn render_into_stream(
            &self,
            w: &mut BufWriter,
            _parent_scope: &AnyScope,
            hydratable: bool,
        ) {
            let collectable = Collectable::Raw;

            if hydratable {
                collectable.write_open_tag(w);
            }

            let _ = w.write_str(self.html.as_ref());

            if hydratable {
                collectable.write_close_tag(w);
            }
        }
    }
}
