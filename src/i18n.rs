//! Translation catalogs: every text a person reads comes from here.
//!
//! The texts live in `content/locales/<locale>.toml`; `build.rs` turns them into the [`Msg`]
//! enum (one variant per key of the English source catalog) and one table per locale, so a
//! misspelled key is a compile error and no parser ships to the browser.

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// A language the widget can speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Locale {
    /// English, the source locale and the fallback for every missing text.
    #[default]
    En,
}

impl Locale {
    /// Every locale, in the order a language picker shows them.
    pub const ALL: [Locale; 1] = [Locale::En];

    /// The BCP 47 tag, for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
        }
    }

    /// The best locale for a BCP 47 tag such as `en-GB`, matching on the language only.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == language)
    }

    fn table(self) -> &'static [Option<&'static str>; MSG_COUNT] {
        match self {
            Locale::En => &TEXTS_EN,
        }
    }

    /// The text of `msg` in this locale, or in English where this locale has none.
    pub fn text(self, msg: Msg) -> &'static str {
        let index = msg as usize;
        self.table()[index].or(TEXTS_EN[index]).unwrap_or_default()
    }

    /// The text of `msg` with each `{name}` placeholder replaced by its value.
    ///
    /// A placeholder with no value is left as written, so a mistake shows instead of vanishing.
    pub fn format(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill_placeholders(self.text(msg), args)
    }
}

impl Msg {
    /// The catalog key, such as `welcome.title`.
    pub fn key(self) -> &'static str {
        KEYS[self as usize]
    }

    /// The message for a catalog key, for content files that name texts by key.
    pub fn from_key(key: &str) -> Option<Msg> {
        KEYS.binary_search(&key).ok().map(|index| ALL[index])
    }

    /// Every message, in key order.
    pub fn all() -> &'static [Msg] {
        &ALL
    }
}

fn fill_placeholders(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            args.iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|(_, v)| (close, *v))
        });
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_their_messages() {
        for &msg in Msg::all() {
            assert_eq!(Msg::from_key(msg.key()), Some(msg));
        }
        assert_eq!(Msg::from_key("no.such.key"), None);
    }

    #[test]
    fn every_english_text_is_present_and_trimmed() {
        for &msg in Msg::all() {
            let text = Locale::En.text(msg);
            assert!(!text.is_empty(), "{} is empty", msg.key());
            assert_eq!(text, text.trim(), "{} has stray spaces", msg.key());
        }
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(
            fill_placeholders("Call {number} now", &[("number", "988")]),
            "Call 988 now"
        );
        assert_eq!(fill_placeholders("{a}{b}", &[("b", "2"), ("a", "1")]), "12");
    }

    #[test]
    fn unknown_or_broken_placeholders_stay_visible() {
        assert_eq!(fill_placeholders("Call {nmber}", &[("number", "988")]), "Call {nmber}");
        assert_eq!(fill_placeholders("a { b", &[]), "a { b");
        assert_eq!(fill_placeholders("ends with {", &[]), "ends with {");
    }

    #[test]
    fn locale_tags_match_on_language() {
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("xx-YY"), None);
        assert_eq!(Locale::from_tag(""), None);
    }
}
