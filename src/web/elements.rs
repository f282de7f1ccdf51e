//! Small pieces used all over the widget, each built by one function: text elements and click
//! handlers.
//!
//! `html!` writes out the code that builds an element wherever the element appears; a paragraph
//! of text written a hundred times is a hundred copies of that code in the wasm. These build the
//! commonest ones once. The markup is exactly what `html!` writes. Likewise every closure is a
//! type of its own, with its own code and vtable: [`click`] makes one for all buttons.

use yew::prelude::*;

/// `<p>{text}</p>`.
pub fn p(text: &str) -> Html {
    html! { <p>{ text }</p> }
}

/// `<h3>{text}</h3>`.
pub fn h3(text: &str) -> Html {
    html! { <h3>{ text }</h3> }
}

/// `<li>{text}</li>`.
pub fn li(text: &str) -> Html {
    html! { <li>{ text }</li> }
}

/// A click handler that reports `value` to `callback`. One closure type for every button of a
/// kind of callback, where `callback.reform(|_| value)` at each button would be a closure type
/// each, every one its own code and vtable in the wasm.
pub fn click<T: Clone + 'static>(callback: &Callback<T>, value: T) -> Callback<MouseEvent> {
    callback.reform(move |_: MouseEvent| value.clone())
}
