//! A region's help lines as a list, each with call, text and website links.
//!
//! Used by the crisis panel, by safety messages in the flow and by the results, so a line
//! looks and works the same wherever it appears.

use yew::prelude::*;

use crate::help::{dial_target, Contact, ContactKind, Region};
use crate::i18n::{Locale, Msg};

/// Which of a region's lines to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// Every line.
    All,
    /// Only crisis lines.
    Crisis,
    /// Only advice and treatment lines.
    Help,
}

/// What [`contact_list`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ContactListProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Whose lines to list.
    pub region: Region,
    /// Which lines.
    pub which: Which,
    /// The heading level of each line's name, to fit the outline of where the list sits.
    pub heading_level: u8,
}

/// The list of lines.
/// A plain function rather than a component: it has no state of its own, and each component
/// type costs the wasm its own copy of Yew's component machinery.
pub fn contact_list(props: &ContactListProps) -> Html {
    let contacts = props.region.contacts().contacts.iter().filter(|c| match props.which {
        Which::All => true,
        Which::Crisis => c.kind == ContactKind::Crisis,
        Which::Help => c.kind == ContactKind::Help,
    });
    html! {
        <ul class="rc-contacts">
            { for contacts.map(|c| contact_item(props.locale, c, props.heading_level)) }
        </ul>
    }
}

/// The emergency call link of a region, or nothing where the region has no single number.
pub fn emergency_link(locale: Locale, region: Region) -> Html {
    match region.contacts().emergency_number {
        Some(number) => html! {
            <a class="rc-link-button" href={format!("tel:{}", dial_target(number))}>
                { locale.format(Msg::CrisisCall, &[("number", number)]) }
            </a>
        },
        None => Html::default(),
    }
}

fn contact_item(locale: Locale, contact: &Contact, heading_level: u8) -> Html {
    let name = locale.text(contact.name);
    let heading = match heading_level {
        2 => html! { <h2 class="rc-contact-name">{ name }</h2> },
        3 => html! { <h3 class="rc-contact-name">{ name }</h3> },
        _ => html! { <h4 class="rc-contact-name">{ name }</h4> },
    };
    let inside = html! {
        <>
            { heading }
            <p class="rc-contact-about">{ locale.text(contact.about) }</p>
            <p class="rc-contact-actions">
                if let Some(number) = contact.call {
                    <a class="rc-link-button" href={format!("tel:{}", dial_target(number))}>
                        { locale.format(Msg::CrisisCall, &[("number", number)]) }
                    </a>
                }
                if let Some(number) = contact.text {
                    <a class="rc-link-button" href={format!("sms:{}", dial_target(number))}>
                        { locale.format(Msg::CrisisText, &[("number", number)]) }
                    </a>
                }
                if let Some(url) = contact.url {
                    <a class="rc-link" href={url} target="_blank" rel="noopener noreferrer">
                        { locale.format(Msg::CrisisWebsite, &[("name", name)]) }
                    </a>
                }
            </p>
        </>
    };
    // Literal classes: `html!` turns any other class into Yew's `Classes`, a hash set the wasm
    // would carry for this alone.
    match contact.kind {
        ContactKind::Crisis => html! { <li class="rc-contact rc-contact-crisis">{ inside }</li> },
        ContactKind::Help => html! { <li class="rc-contact">{ inside }</li> },
    }
}
