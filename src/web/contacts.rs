//! A region's help lines as a list, each with call, text and website links.
//!
//! Used by the crisis panel, by safety messages in the flow and by the results, so a line
//! looks and works the same wherever it appears.

use crate::help::{dial_target, Contact, ContactKind, Region};
use crate::i18n::{Locale, Msg};

use super::markup::Markup;

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

/// Writes the list of `which` lines of `region`, each line's name a heading of `heading_level`
/// (2, 3 or 4) to fit the outline of where the list sits.
pub fn contact_list(m: &mut Markup, locale: Locale, region: Region, which: Which, heading_level: u8) {
    m.raw("<ul class=\"rc-contacts\">");
    for contact in region.contacts().contacts.iter().filter(|c| match which {
        Which::All => true,
        Which::Crisis => c.kind == ContactKind::Crisis,
        Which::Help => c.kind == ContactKind::Help,
    }) {
        contact_item(m, locale, contact, heading_level);
    }
    m.raw("</ul>");
}

/// Writes the emergency call link of a region, or nothing where the region has no single
/// number.
pub fn emergency_link(m: &mut Markup, locale: Locale, region: Region) {
    if let Some(number) = region.contacts().emergency_number {
        dial_link(m, locale, "tel:", number, Msg::CrisisCall);
    }
}

/// A call or text link: the red button of a crisis line.
fn dial_link(m: &mut Markup, locale: Locale, scheme: &'static str, number: &str, msg: Msg) {
    m.raw("<a href=\"");
    m.raw(scheme);
    m.text(&dial_target(number));
    m.raw("\" class=\"rc-link-button\">");
    m.text(&locale.format(msg, &[("number", number)]));
    m.raw("</a>");
}

fn contact_item(m: &mut Markup, locale: Locale, contact: &Contact, heading_level: u8) {
    m.raw(match contact.kind {
        ContactKind::Crisis => "<li class=\"rc-contact rc-contact-crisis\">",
        ContactKind::Help => "<li class=\"rc-contact\">",
    });
    let (open, close) = match heading_level {
        2 => ("<h2 class=\"rc-contact-name\">", "</h2>"),
        3 => ("<h3 class=\"rc-contact-name\">", "</h3>"),
        _ => ("<h4 class=\"rc-contact-name\">", "</h4>"),
    };
    let name = locale.text(contact.name);
    m.element(open, name, close);
    m.element("<p class=\"rc-contact-about\">", locale.text(contact.about), "</p>");
    m.raw("<p class=\"rc-contact-actions\">");
    if let Some(number) = contact.call {
        dial_link(m, locale, "tel:", number, Msg::CrisisCall);
    }
    if let Some(number) = contact.text {
        dial_link(m, locale, "sms:", number, Msg::CrisisText);
    }
    if let Some(url) = contact.url {
        m.raw("<a href=\"");
        m.text(url);
        m.raw("\" target=\"_blank\" rel=\"noopener noreferrer\" class=\"rc-link\">");
        m.text(&locale.format(Msg::CrisisWebsite, &[("name", name)]));
        m.raw("</a>");
    }
    m.raw("</p></li>");
}
