//! Texts in results: a catalog message plus named values, rendered in any locale.
//!
//! Results never hold English strings: they hold [`Text`] (a [`Msg`] and its `{placeholder}`
//! values), so the UI can show them in the person's language, and a saved result still reads
//! right after the language changes. [`Msg`] is saved by its catalog key (such as
//! `band.few.name`), which stays stable when keys are added, unlike its position in the enum.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::help::Region;
use crate::i18n::{fill_placeholders, Locale, Msg};

/// A text a person reads: a message and the values of its `{placeholders}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The message, looked up in the person's locale.
    pub msg: Msg,
    /// Values for the message's placeholders, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<Arg>,
}

/// One placeholder value of a [`Text`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arg {
    /// The placeholder's name, without braces.
    pub name: String,
    /// What goes in its place.
    pub value: ArgValue,
}

/// What a placeholder is filled with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArgValue {
    /// A number, written as digits.
    Number(u32),
    /// Another message, in the same locale.
    Text(Msg),
    /// The emergency number of the person's region, or "your local emergency number" where
    /// the region has none: crisis contacts follow the region, not the language.
    EmergencyNumber,
}

impl Text {
    /// A text without placeholders.
    pub fn new(msg: Msg) -> Text {
        Text { msg, args: Vec::new() }
    }

    /// The same text with one more placeholder value.
    pub fn with(mut self, name: &str, value: ArgValue) -> Text {
        self.args.push(Arg {
            name: name.to_owned(),
            value,
        });
        self
    }

    /// The text in `locale`, with the emergency number of `region`. A plural text takes the
    /// form for its `count` ([`Locale::plural`]); numbers are written the locale's way.
    pub fn render(&self, locale: Locale, region: Region) -> String {
        let mut count = None;
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|arg| {
                let value = match &arg.value {
                    ArgValue::Number(n) => {
                        if arg.name == "count" {
                            count = Some(*n);
                        }
                        locale.number(*n)
                    }
                    ArgValue::Text(msg) => locale.text(*msg).to_owned(),
                    ArgValue::EmergencyNumber => match region.contacts().emergency_number {
                        Some(number) => number.to_owned(),
                        None => locale.text(Msg::CommonYourEmergencyNumber).to_owned(),
                    },
                };
                (arg.name.as_str(), value)
            })
            .collect();
        let pairs: Vec<(&str, &str)> = values.iter().map(|(name, value)| (*name, value.as_str())).collect();
        let template = match count {
            Some(n) => locale.plural(self.msg, n),
            None => locale.text(self.msg),
        };
        fill_placeholders(template, &pairs)
    }
}

impl From<Msg> for Text {
    fn from(msg: Msg) -> Text {
        Text::new(msg)
    }
}

impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Msg {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Msg, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Msg;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text key such as `band.few.name`")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Msg, E> {
                Msg::from_key(key).ok_or_else(|| E::custom(format!("unknown text key `{key}`")))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emergency_numbers_follow_the_region() {
        let text = Text::new(Msg::SafetyStoppingSuddenlyEmergency).with("number", ArgValue::EmergencyNumber);
        assert!(text.render(Locale::En, Region::Gb).starts_with("Call 999 at once"));
        assert!(text.render(Locale::En, Region::Au).starts_with("Call 000 at once"));
        let elsewhere = text.render(Locale::En, Region::Other);
        assert!(
            elsewhere.starts_with("Call your local emergency number at once"),
            "{elsewhere}"
        );
    }

    #[test]
    fn numbers_and_nested_texts_fill_placeholders() {
        let text = Text::new(Msg::DomainScore)
            .with("score", ArgValue::Number(40))
            .with("answered", ArgValue::Number(8))
            .with("total", ArgValue::Number(9));
        assert_eq!(
            text.render(Locale::En, Region::Us),
            "40 out of 100, from 8 of 9 answers"
        );
    }

    #[test]
    fn a_count_picks_the_plural_form() {
        let added = |n| {
            Text::new(Msg::StorageImportAdded)
                .with("count", ArgValue::Number(n))
                .render(Locale::En, Region::Us)
        };
        assert_eq!(added(1), "1 check-in added.");
        assert_eq!(added(3), "3 check-ins added.");
        assert_eq!(added(1200), "1,200 check-ins added.");
    }

    #[test]
    fn messages_are_saved_by_key_and_unknown_keys_are_errors() {
        let json = serde_json::to_string(&Msg::BandFewName).expect("serialises");
        assert_eq!(json, "\"band.few.name\"");
        assert_eq!(serde_json::from_str::<Msg>(&json).ok(), Some(Msg::BandFewName));
        assert!(serde_json::from_str::<Msg>("\"band.none.name\"").is_err());
        assert!(serde_json::from_str::<Msg>("7").is_err());
    }
}
