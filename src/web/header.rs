//! The bar at the top of every screen, with the way to crisis contacts.

use yew::prelude::*;

use crate::i18n::{Locale, Msg};

use super::app::Request;
use super::elements::click;

/// What [`header`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Where "Leave quickly" goes.
    pub exit_url: AttrValue,
    /// Whether the crisis panel is showing.
    pub help_open: bool,
    /// The id of the crisis panel, for `aria-controls`.
    pub help_id: String,
    /// The help button, so focus can return to it when the panel closes.
    pub toggle_ref: NodeRef,
    /// Pressed "Help now" ([`Request::ToggleHelp`]) or "Leave quickly" ([`Request::QuickExit`]).
    pub on_request: Callback<Request>,
}

/// "Leave quickly", the widget's name and the "Help now" button.
///
/// Quick exit (GOV.UK's "Exit this page"): a button first in the tab order, and before it a
/// visually hidden link for assistive technology (out of the tab order, so the button is first
/// for keyboard users), whose address is the exit URL. Both ask the app to leave; the loader
/// reads the link's address (`data-exit`) to know where to go.
/// A plain function rather than a component: it has no state of its own, and each component
/// type costs the wasm its own copy of Yew's component machinery.
pub fn header(props: &HeaderProps) -> Html {
    let locale = props.locale;
    let onclick = click(&props.on_request, Request::ToggleHelp);
    let label = if props.help_open {
        Msg::HeaderHelpClose
    } else {
        Msg::HeaderHelpOpen
    };
    let leave = props.on_request.reform(|event: MouseEvent| {
        event.prevent_default();
        Request::QuickExit
    });
    html! {
        <div class="rc-header" part="header">
            <a href={props.exit_url.clone()} class="rc-visually-hidden" tabindex="-1" data-exit="" onclick={leave}>
                { locale.text(Msg::ExitLink) }
            </a>
            <button type="button" class="rc-exit" data-testid="quick-exit" onclick={click(&props.on_request, Request::QuickExit)}>
                { locale.text(Msg::ExitButton) }
            </button>
            <span class="rc-brand">{ locale.text(Msg::AppName) }</span>
            <button
                type="button"
                class="rc-help-toggle"
                ref={props.toggle_ref.clone()}
                aria-expanded={if props.help_open { "true" } else { "false" }}
                aria-controls={props.help_id.clone()}
                data-testid="help-toggle"
                {onclick}
            >
                { locale.text(label) }
            </button>
        </div>
    }
}
