//! The partner's own resources under the results: "From Harbour Lane Recovery Community", their
//! groups, meetings, phone lines and links.
//!
//! Everything the partner wrote is shown as text (Yew makes text nodes of strings; nothing here
//! is ever parsed as markup), and the links were checked by [`crate::embed`]: `https:`, `tel:`
//! and `sms:` only.

use yew::prelude::*;

use crate::embed::{Link, LinkKind, Partner, Resource};
use crate::i18n::{Locale, Msg};

use super::elements::{h3, p};

/// The partner's section, or nothing when the partner gave no resources.
pub fn partner_section(locale: Locale, partner: &Partner) -> Html {
    if partner.resources.is_empty() {
        return Html::default();
    }
    let (title, intro) = match &partner.name {
        Some(name) => (
            locale.format(Msg::PartnerTitle, &[("partner", name)]),
            locale.format(Msg::PartnerIntro, &[("partner", name)]),
        ),
        None => (
            locale.text(Msg::PartnerTitleUnnamed).to_owned(),
            locale.text(Msg::PartnerIntroUnnamed).to_owned(),
        ),
    };
    html! {
        <section class="rc-result-part rc-partner" data-part="partner" part="partner">
            { h3(&title) }
            { p(&intro) }
            <ul class="rc-partner-list">
                { for partner.resources.iter().map(|r| resource(locale, r)) }
            </ul>
        </section>
    }
}

fn resource(locale: Locale, resource: &Resource) -> Html {
    html! {
        <li class="rc-partner-item">
            <h4 class="rc-partner-name">{ &resource.name }</h4>
            if let Some(when) = &resource.when {
                <p class="rc-partner-when">{ when }</p>
            }
            if let Some(description) = &resource.description {
                { p(description) }
            }
            if !resource.links.is_empty() {
                <p class="rc-contact-actions">
                    { for resource.links.iter().map(|l| link(locale, &resource.name, l)) }
                </p>
            }
        </li>
    }
}

fn link(locale: Locale, name: &str, link: &Link) -> Html {
    let number = link.number.as_deref().unwrap_or_default();
    let (msg, value) = match link.kind {
        LinkKind::Call => (Msg::CrisisCall, ("number", number)),
        LinkKind::Text => (Msg::CrisisText, ("number", number)),
        LinkKind::Web => (Msg::CrisisWebsite, ("name", name)),
    };
    let text = match &link.label {
        Some(label) => label.clone(),
        None => locale.format(msg, &[value]),
    };
    // Plain links, calls and texts alike: the red buttons are the crisis lines'. A web page
    // opens beside the check-in, as the widget's other links do.
    let web = link.kind == LinkKind::Web;
    html! {
        <a
            class="rc-link"
            href={link.href.clone()}
            target={web.then_some("_blank")}
            rel={web.then_some("noopener noreferrer")}
        >
            { text }
        </a>
    }
}
