//! Small text elements used all over the widget, each built by one function.
//!
//! `html!` writes out the code that builds an element wherever the element appears; a paragraph
//! of text written a hundred times is a hundred copies of that code in the wasm. These build the
//! commonest ones once. The markup is exactly what `html!` writes.

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
