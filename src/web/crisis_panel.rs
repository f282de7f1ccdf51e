//! Crisis and help contacts for the chosen region, reachable from every screen.

use yew::prelude::*;

use crate::help::{Region, CHECKED};
use crate::i18n::{Locale, Msg};

use super::contacts::{emergency_link, ContactList};

/// Properties of [`CrisisPanel`].
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct CrisisPanelProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Whose contacts to show.
    pub region: Region,
    /// The panel's element id, named by the header button's `aria-controls`.
    pub id: String,
    /// Chose another region.
    pub on_region: Callback<Region>,
    /// Pressed "Close help".
    pub on_close: Callback<()>,
}

/// The crisis panel: the emergency number first, then each line with call, text and web links.
#[function_component(CrisisPanel)]
pub fn crisis_panel(props: &CrisisPanelProps) -> Html {
    let locale = props.locale;
    let heading = use_node_ref();
    {
        // Opening the panel moves focus into it, so keyboard and screen-reader users land there.
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                h.focus().ok();
            }
        });
    }
    let entry = props.region.contacts();
    let emergency = match entry.emergency_number {
        Some(number) => locale.format(Msg::CrisisEmergency, &[("number", number)]),
        None => locale.text(Msg::CrisisEmergencyUnknown).to_owned(),
    };
    let heading_id = format!("{}-title", props.id);
    let select_id = format!("{}-region", props.id);
    let on_region = props.on_region.clone();
    let onchange = Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        if let Some(region) = Region::from_code(&value) {
            on_region.emit(region);
        }
    });
    let on_close = props.on_close.reform(|_: MouseEvent| ());

    html! {
        <section class="rc-help" id={props.id.clone()} aria-labelledby={heading_id.clone()} data-testid="crisis-panel">
            <h2 class="rc-help-title" id={heading_id} ref={heading} tabindex="-1">{ locale.text(Msg::CrisisTitle) }</h2>
            <p class="rc-help-emergency">
                <strong>{ emergency }</strong>
                { " " }
                { emergency_link(locale, props.region) }
            </p>
            <p>{ locale.text(Msg::CrisisIntro) }</p>
            <p class="rc-field">
                <label for={select_id.clone()}>{ locale.text(Msg::CrisisRegionLabel) }</label>
                <select id={select_id} class="rc-select" {onchange}>
                    { for Region::ALL.iter().map(|r| html! {
                        <option value={r.code()} selected={*r == props.region}>{ locale.text(r.name()) }</option>
                    }) }
                </select>
            </p>
            <ContactList {locale} region={props.region} />
            <p class="rc-small">{ locale.format(Msg::CrisisChecked, &[("date", CHECKED)]) }</p>
            <button type="button" class="rc-button" onclick={on_close}>{ locale.text(Msg::HeaderHelpClose) }</button>
        </section>
    }
}
