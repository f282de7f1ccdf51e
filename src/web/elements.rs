//! Small pieces used all over the widget, each built by one function: text elements and click
//! handlers.
//!
//! `html!` writes out the code that builds an element wherever the element appears; a paragraph
//! of text written a hundred times is a hundred copies of that code in the wasm. These build the
//! commonest ones once. The markup is exactly what `html!` writes. Likewise every closure is a
//! type of its own, with its own code and vtable: [`click`] makes one for all buttons.

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes};

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

/// A screen's heading, which takes focus (through `heading`) when the screen appears.
pub fn title(heading: &NodeRef, text: &str) -> Html {
    html! { <h2 class="rc-title" ref={heading.clone()} tabindex="-1">{ text }</h2> }
}

/// A small quiet button named for screen readers by `label` (such as "Change your answer to:
/// ..."), where its text alone ("Change") would not say what it is for.
pub fn small_button(label: String, onclick: Callback<MouseEvent>, text: &str) -> Html {
    html! {
        <button type="button" class="rc-button rc-button-quiet rc-button-small" aria-label={label} {onclick}>
            { text }
        </button>
    }
}

/// `{prefix}-{name}`: an element id, written without `format!` (whose machinery is code at each
/// place it is used).
pub fn id(prefix: &str, name: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + 1 + name.len());
    id.push_str(prefix);
    id.push('-');
    id.push_str(name);
    id
}

/// A click handler that reports `value` to `callback`. One closure type for every button of a
/// kind of callback, where `callback.reform(|_| value)` at each button would be a closure type
/// each, every one its own code and vtable in the wasm.
pub fn click<T: Clone + 'static>(callback: &Callback<T>, value: T) -> Callback<MouseEvent> {
    callback.reform(move |_: MouseEvent| value.clone())
}

/// `<button type="button" data-testid={testid} class={class}>{text}</button>`, the widget's
/// commonest element, built here once instead of by `html!` at each of twenty buttons. The
/// attributes are set as they are because `html!` would make a class that is not a literal into
/// Yew's `Classes`, a hash set the wasm does not otherwise need. They are in the order `html!`
/// gives them. No `data-testid` where `testid` is empty.
pub fn button(class: &'static str, testid: &'static str, onclick: Callback<MouseEvent>, text: &str) -> Html {
    let mut button = html! { <button {onclick}>{ text }</button> };
    // Just made, so not shared: `get_mut` always gives it.
    if let Some(tag) = match &mut button {
        Html::VTag(tag) => std::rc::Rc::get_mut(tag),
        _ => None,
    } {
        tag.set_attributes(Attributes::Dynamic {
            keys: &["type", "data-testid", "class"],
            values: Box::new([
                Some(AttributeOrProperty::Static("button")),
                (!testid.is_empty()).then_some(AttributeOrProperty::Static(testid)),
                Some(AttributeOrProperty::Static(class)),
            ]),
        });
    }
    button
}
