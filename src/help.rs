//! Crisis and help contacts by region, from `content/help-contacts.toml`.
//!
//! Crisis contacts follow the region, not the language: a Spanish speaker in the US is shown
//! 988, not a line in Spain.

use crate::i18n::Msg;

include!(concat!(env!("OUT_DIR"), "/help_contacts.rs"));

/// A place whose help lines the widget knows, or everywhere else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Region {
    /// United States
    Us,
    /// Canada
    Ca,
    /// United Kingdom
    Gb,
    /// Ireland
    Ie,
    /// Australia
    Au,
    /// New Zealand
    Nz,
    /// Anywhere else: the local emergency number and a directory of helplines.
    Other,
}

impl Region {
    /// Every region, in the order a picker shows them.
    pub const ALL: [Region; 7] = [
        Region::Us,
        Region::Ca,
        Region::Gb,
        Region::Ie,
        Region::Au,
        Region::Nz,
        Region::Other,
    ];

    /// The ISO 3166 code (`OTHER` for everywhere else), as partners write it.
    pub fn code(self) -> &'static str {
        match self {
            Region::Us => "US",
            Region::Ca => "CA",
            Region::Gb => "GB",
            Region::Ie => "IE",
            Region::Au => "AU",
            Region::Nz => "NZ",
            Region::Other => "OTHER",
        }
    }

    /// The region for a code, in any case; `UK` is accepted for `GB`.
    pub fn from_code(code: &str) -> Option<Region> {
        let code = code.trim().to_ascii_uppercase();
        if code == "UK" {
            return Some(Region::Gb);
        }
        Region::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The region of a BCP 47 language tag such as `en-NZ`, if it names one we know.
    pub fn from_language_tag(tag: &str) -> Option<Region> {
        tag.split(['-', '_'])
            .skip(1)
            .find(|part| part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
            .and_then(Region::from_code)
    }

    /// The region's name, for a picker.
    pub fn name(self) -> Msg {
        match self {
            Region::Us => Msg::RegionsUs,
            Region::Ca => Msg::RegionsCa,
            Region::Gb => Msg::RegionsGb,
            Region::Ie => Msg::RegionsIe,
            Region::Au => Msg::RegionsAu,
            Region::Nz => Msg::RegionsNz,
            Region::Other => Msg::RegionsOther,
        }
    }

    /// The region's contacts.
    pub fn contacts(self) -> &'static RegionContacts {
        REGIONS
            .iter()
            .find(|r| r.region == self)
            .or_else(|| REGIONS.iter().find(|r| r.region == Region::Other))
            .unwrap_or(&REGIONS[0])
    }
}

/// The help lines of one region.
#[derive(Debug, PartialEq, Eq)]
pub struct RegionContacts {
    /// Which region.
    pub region: Region,
    /// The number for an ambulance, where there is one.
    pub emergency_number: Option<&'static str>,
    /// Crisis lines first, then advice and treatment lines, as in the content file.
    pub contacts: &'static [Contact],
}

/// Whether a contact is for a crisis now or for help and advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactKind {
    /// Someone to talk to right now.
    Crisis,
    /// Advice, treatment or referral.
    Help,
}

/// One service a person can call, text or visit.
#[derive(Debug, PartialEq, Eq)]
pub struct Contact {
    /// The service's own name (translated only where the service has an official one).
    pub name: Msg,
    /// What the service does, in the person's language.
    pub about: Msg,
    /// The number to call, as people write it.
    pub call: Option<&'static str>,
    /// The number to text.
    pub text: Option<&'static str>,
    /// The official web page.
    pub url: Option<&'static str>,
    /// Crisis or help.
    pub kind: ContactKind,
}

/// A `tel:` or `sms:` link target: the number with spaces and dashes removed.
pub fn dial_target(number: &str) -> String {
    number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_its_own_contacts() {
        for region in Region::ALL {
            let entry = region.contacts();
            assert_eq!(entry.region, region, "{} falls back", region.code());
            assert!(!entry.contacts.is_empty());
            assert!(
                entry.contacts.iter().any(|c| c.kind == ContactKind::Crisis),
                "{} has no crisis line",
                region.code()
            );
        }
    }

    #[test]
    fn every_known_country_has_an_emergency_number() {
        for region in Region::ALL.into_iter().filter(|r| *r != Region::Other) {
            assert!(region.contacts().emergency_number.is_some(), "{}", region.code());
        }
        assert_eq!(Region::Us.contacts().emergency_number, Some("911"));
    }

    #[test]
    fn links_are_https_and_numbers_dialable() {
        for region in Region::ALL {
            for contact in region.contacts().contacts {
                if let Some(url) = contact.url {
                    assert!(url.starts_with("https://"), "{url}");
                }
                for number in [contact.call, contact.text].into_iter().flatten() {
                    let target = dial_target(number);
                    assert!(target.len() >= 3, "{number}");
                }
                assert!(contact.call.is_some() || contact.text.is_some() || contact.url.is_some());
            }
        }
    }

    #[test]
    fn codes_and_language_tags_pick_regions() {
        assert_eq!(Region::from_code("us"), Some(Region::Us));
        assert_eq!(Region::from_code(" UK "), Some(Region::Gb));
        assert_eq!(Region::from_code("FR"), None);
        assert_eq!(Region::from_language_tag("en-NZ"), Some(Region::Nz));
        assert_eq!(Region::from_language_tag("es-419"), None);
        assert_eq!(Region::from_language_tag("en"), None);
        assert_eq!(dial_target("1-800-662-4357"), "18006624357");
        assert_eq!(dial_target("116 123"), "116123");
    }

    #[test]
    fn the_checked_date_is_stated() {
        assert!(CHECKED.starts_with("20"), "{CHECKED}");
    }
}
