//! The bar at the top of every screen, with the way to crisis contacts.

use yew::prelude::*;

use crate::i18n::{Locale, Msg};

use super::app::Request;
use super::elements::{button, click};
use super::markup::Markup;

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
    /// Pressed "Help now" ([`Request::ToggleHelp`]), "Leave quickly" ([`Request::QuickExit`])
    /// or picked a language ([`Request::Locale`]).
    pub on_request: Callback<Request>,
}

/// "Leave quickly", the widget's name, the language switcher and the "Help now" button.
///
/// Quick exit (GOV.UK's "Exit this page"): a button first in the tab order, and before it a
/// visually hidden link for assistive technology (out of the tab order, so the button is first
/// for keyboard users), whose address is the exit URL. The button asks the app to leave
/// ([`Request::QuickExit`]); the link, written as markup, is handled by the loader
/// (`embed/loader.js`), which presses the button, as it does for Shift pressed three times, and
/// reads the link's address (`data-exit`) to know where to go.
///
/// The switcher is a `<select>` labelled "Language" (in the language shown) of each language by
/// its own name, each option marked with its `lang` so a screen reader says it right. A
/// pseudo-locale asked for by the `lang` attribute is listed too while it is shown, so the list
/// always holds what is on screen.
///
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
    let on_request = props.on_request.clone();
    let onchange = Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        if let Some(locale) = Locale::from_tag(&value) {
            on_request.emit(Request::Locale(locale));
        }
    });
    let shown = Locale::ALL
        .into_iter()
        .filter(|l| Locale::OFFERED.contains(l) || *l == locale);
    let mut link = Markup::default();
    link.raw("<a class=\"rc-visually-hidden\" tabindex=\"-1\" data-exit=\"\" href=\"");
    link.text(&props.exit_url);
    link.element("\">", locale.text(Msg::ExitLink), "</a>");
    html! {
        <div class="rc-header" part="header">
            { link.take() }
            { button("rc-exit", "quick-exit", click(&props.on_request, Request::QuickExit), locale.text(Msg::ExitButton)) }
            <span class="rc-brand">{ locale.text(Msg::AppName) }</span>
            <span class="rc-header-tools">
            <select class="rc-select" aria-label={locale.text(Msg::HeaderLanguage)} data-testid="language" {onchange}>
                { for shown.map(|l| html! {
                    <option value={l.tag()} lang={l.tag()} selected={l == locale}>{ l.endonym() }</option>
                }) }
            </select>
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
            </span>
        </div>
    }
}
