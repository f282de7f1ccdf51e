//! Crisis and help contacts for the chosen region, reachable from every screen.

use yew::prelude::*;

use crate::help::{Region, CHECKED};
use crate::i18n::{Locale, Msg};

use super::app::Request;
use super::contacts::{contact_list, emergency_link, Which};
use super::elements::{button, click, id};
use super::markup::Markup;

/// What [`crisis_panel`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CrisisPanelProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Whose contacts to show.
    pub region: Region,
    /// The panel's element id, named by the header button's `aria-controls`.
    pub id: String,
    /// The panel's heading. The app moves focus to it when the panel opens, so keyboard and
    /// screen-reader users land there.
    pub heading: NodeRef,
    /// Chose another region ([`Request::Region`]), pressed "Close help"
    /// ([`Request::CloseHelp`]).
    pub on_request: Callback<Request>,
}

/// The crisis panel: the emergency number first, then each line with call, text and web links.
/// A plain function rather than a component: its one piece of state, where focus goes on
/// opening, is kept by the app, and each component type costs the wasm its own copy of Yew's
/// component machinery.
pub fn crisis_panel(props: &CrisisPanelProps) -> Html {
    let locale = props.locale;
    let entry = props.region.contacts();
    let emergency = match entry.emergency_number {
        Some(number) => locale.format(Msg::CrisisEmergency, &[("number", number)]),
        None => locale.text(Msg::CrisisEmergencyUnknown).to_owned(),
    };
    let heading_id = id(&props.id, "title");
    let select_id = id(&props.id, "region");
    let on_region = props.on_request.clone();
    let onchange = Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        if let Some(region) = Region::from_code(&value) {
            on_region.emit(Request::Region(region));
        }
    });
    let on_close = click(&props.on_request, Request::CloseHelp);
    let mut top = Markup::default();
    top.raw("<p class=\"rc-help-emergency\">");
    top.element("<strong>", &emergency, "</strong> ");
    emergency_link(&mut top, locale, props.region);
    top.raw("</p>");
    top.p(locale.text(Msg::CrisisIntro));
    let mut lines = Markup::default();
    contact_list(&mut lines, locale, props.region, Which::All, 3);
    lines.element(
        "<p class=\"rc-small\">",
        &locale.format(Msg::CrisisChecked, &[("date", CHECKED)]),
        "</p>",
    );

    html! {
        <section class="rc-help" id={props.id.clone()} aria-labelledby={heading_id.clone()} data-testid="crisis-panel">
            <h2 class="rc-help-title" id={heading_id} ref={props.heading.clone()} tabindex="-1">{ locale.text(Msg::CrisisTitle) }</h2>
            { top.take() }
            <p class="rc-field">
                <label for={select_id.clone()}>{ locale.text(Msg::CrisisRegionLabel) }</label>
                <select id={select_id} class="rc-select" {onchange}>
                    { for Region::ALL.iter().map(|r| html! {
                        <option value={r.code()} selected={*r == props.region}>{ locale.text(r.name()) }</option>
                    }) }
                </select>
            </p>
            { lines.take() }
            { button("rc-button", "", on_close, locale.text(Msg::HeaderHelpClose)) }
        </section>
    }
}
