//! Translation catalogs: every text a person reads comes from here.
//!
//! The texts live in `content/locales/<locale>.toml`; `build.rs` turns English, the source
//! and the fallback, into the [`Msg`] enum (one variant per key) and a table compiled into
//! the widget, so a misspelled key is a compile error. Every other locale, and the two
//! pseudo-locales `build.rs` makes from English, is a file the loader fetches when a widget
//! needs it (content-hashed, next to the wasm) and hands over as text: [`Locale::load`]
//! reads it. Until then, and for any text a locale lacks, English is shown.
//!
//! Plural texts hold one form per CLDR plural category of their language
//! ([`Locale::plural`]); numbers are written the language's way ([`Locale::number`]).

use std::cell::RefCell;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// Separates the forms of a plural text (as in `build.rs`).
const PLURAL_SEPARATOR: char = '\u{1f}';
/// Separates the texts of a catalog file (as in `build.rs`).
const TEXT_SEPARATOR: char = '\u{1e}';

/// A language the widget can speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Locale {
    /// English, the source locale and the fallback for every missing text.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Spanish, for Spanish speakers in the US and Latin America.
    #[serde(rename = "es")]
    Es,
    /// A pseudo-locale for testing: English with every letter accented, in brackets and 40%
    /// longer (hard-coded and clipped text show). Only through the `lang` attribute.
    #[serde(rename = "en-XA")]
    EnXa,
    /// A pseudo-locale for testing: English written right to left, each word mirrored (layout
    /// that does not mirror shows). Only through the `lang` attribute.
    #[serde(rename = "ar-XB")]
    ArXb,
}

/// A loaded catalog's texts, in `Msg` order.
type Texts = &'static [&'static str];

thread_local! {
    /// The catalogs loaded so far: each locale's texts in `Msg` order, or `None` where its file
    /// could not be read (English is shown instead).
    static LOADED: RefCell<Vec<(Locale, Option<Texts>)>> = const { RefCell::new(Vec::new()) };
}

impl Locale {
    /// Every locale.
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Es, Locale::EnXa, Locale::ArXb];

    /// The locales a person can pick, in the order the language switcher shows them (the
    /// pseudo-locales are for testing, and only the `lang` attribute asks for them).
    pub const OFFERED: [Locale; 2] = [Locale::En, Locale::Es];

    /// The BCP 47 tag, for the `lang` attribute (and the name of the locale's catalog file).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::EnXa => "en-XA",
            Locale::ArXb => "ar-XB",
        }
    }

    /// The tag given to the browser's `Intl` for dates: Latin American Spanish (as people in
    /// the US and Latin America write dates and times), and English for the pseudo-locales,
    /// which are English underneath.
    pub fn intl_tag(self) -> &'static str {
        match self {
            Locale::Es => "es-419",
            _ => "en",
        }
    }

    /// The language's own name, for the language switcher: the same in every locale (someone
    /// looking for their language looks for its own name), so not from the catalogs, and
    /// marked with its `lang`.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
            // The pseudo-locales' "English", as each writes it.
            Locale::EnXa => "[Éñĝļîšĥ]",
            Locale::ArXb => "\u{200f}\u{202e}English\u{202c}\u{200f}",
        }
    }

    /// The writing direction, for the `dir` attribute: set on the widget, so a right-to-left
    /// partner page does not turn an English widget around (nor the reverse).
    pub fn dir(self) -> &'static str {
        match self {
            Locale::ArXb => "rtl",
            _ => "ltr",
        }
    }

    /// The locale for a BCP 47 tag: the exact tag (`en-XA`, in any case), else the language
    /// alone among the locales people pick (`es-MX` is Spanish; `ar` is not the pseudo-locale).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        let language = tag.split(['-', '_']).next()?;
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
            .or_else(|| {
                Locale::OFFERED
                    .into_iter()
                    .find(|l| l.tag().eq_ignore_ascii_case(language))
            })
    }

    /// The locale a widget speaks: the `lang` attribute, else the person's saved choice, else
    /// the first of the browser's languages (`navigator.languages`, comma-separated, in the
    /// person's order) the widget has, else English.
    pub fn choose(attribute: Option<Locale>, saved: Option<Locale>, languages: &str) -> Locale {
        attribute
            .or(saved)
            .or_else(|| languages.split(',').find_map(Locale::from_tag))
            .unwrap_or_default()
    }

    /// Reads a catalog file (made by `build.rs` for this build) and keeps it for the rest of
    /// the page's life. `false`, and English for this locale, when the file is not one for this
    /// build's keys (or empty, as the loader hands over a file it could not fetch).
    pub fn load(self, file: String) -> bool {
        let file: &'static str = file.leak();
        let mut parts = file.split(TEXT_SEPARATOR);
        let ours = parts.next() == Some(FINGERPRINT);
        let texts: Vec<&'static str> = parts.collect();
        let texts = (ours && texts.len() == MSG_COUNT && self != Locale::En).then(|| &*texts.leak());
        LOADED.with(|loaded| {
            let mut loaded = loaded.borrow_mut();
            loaded.retain(|(l, _)| *l != self);
            loaded.push((self, texts));
        });
        texts.is_some()
    }

    /// Whether this locale's catalog is here (`Some(true)`; English always is), could not be
    /// read (`Some(false)`: English is shown), or has not come yet (`None`).
    pub fn loaded(self) -> Option<bool> {
        if self == Locale::En {
            return Some(true);
        }
        LOADED.with(|loaded| {
            loaded
                .borrow()
                .iter()
                .find(|(l, _)| *l == self)
                .map(|(_, texts)| texts.is_some())
        })
    }

    /// This locale's own text of `msg`, if it has one.
    fn own(self, msg: Msg) -> Option<&'static str> {
        if self == Locale::En {
            return Some(TEXTS_EN.text(msg));
        }
        LOADED.with(|loaded| {
            loaded
                .borrow()
                .iter()
                .find(|(l, _)| *l == self)
                .and_then(|(_, texts)| texts.and_then(|t| t.get(msg as usize).copied()))
                .filter(|text| !text.is_empty())
        })
    }

    /// The text of `msg` in this locale, or in English where this locale has none.
    pub fn text(self, msg: Msg) -> &'static str {
        self.own(msg).unwrap_or_else(|| TEXTS_EN.text(msg))
    }

    /// The text of `msg` with each `{name}` placeholder replaced by its value.
    ///
    /// A placeholder with no value is left as written, so a mistake shows instead of vanishing.
    pub fn format(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill_placeholders(self.text(msg), args)
    }

    /// The CLDR plural category of `count`, as an index into the forms of a plural text (the
    /// order `build.rs`'s `plural_categories` stores them in). English and Spanish: `one` for
    /// 1, `other` for everything else. (Spanish's `many` is for millions only, which no count
    /// of the widget reaches; `docs/translating.md`.)
    pub fn plural_index(self, count: u32) -> usize {
        usize::from(count != 1)
    }

    /// The form of the plural text `msg` for `count`, in this locale (in English, by English's
    /// rules, where this locale has no text of its own).
    pub fn plural(self, msg: Msg, count: u32) -> &'static str {
        let (rules, text) = match self.own(msg) {
            Some(text) => (self, text),
            None => (Locale::En, TEXTS_EN.text(msg)),
        };
        text.split(PLURAL_SEPARATOR)
            .nth(rules.plural_index(count))
            .unwrap_or(text)
    }

    /// The plural text `msg` for `count`, with `{count}` written as [`Locale::number`] does.
    pub fn count(self, msg: Msg, count: u32) -> String {
        fill_placeholders(self.plural(msg, count), &[("count", &self.number(count))])
    }

    /// A whole number as the language writes it: digits in groups of three, separated by a
    /// comma in English and in Latin American Spanish (`1,234`; Spain's `1.234` is not the
    /// convention of the Spanish speakers the widget is written for).
    pub fn number(self, n: u32) -> String {
        let separator = match self {
            Locale::En | Locale::Es | Locale::EnXa | Locale::ArXb => ',',
        };
        let digits = crate::decimal::decimal(u64::from(n));
        let mut out = String::with_capacity(digits.len() + 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(digit);
        }
        out
    }
}

/// One locale's texts: all of them in one string, and the length of each (generated by `build.rs`).
pub(crate) struct Catalog {
    /// Every text, in `Msg` order, one after another.
    texts: &'static str,
    /// The length of each text in `texts`; it starts where the one before ends.
    lens: &'static [TextLen; MSG_COUNT],
}

impl Catalog {
    /// The text of `msg`, empty where the catalog has none.
    fn text(&self, msg: Msg) -> &'static str {
        let index = msg as usize;
        // The lengths before it add up to where it starts: a few hundred additions, for a table
        // half the size of one of where each text ends.
        let start: usize = self.lens.iter().take(index).map(|&len| len as usize).sum();
        let len = self.lens.get(index).map_or(0, |&len| len as usize);
        self.texts.get(start..start + len).unwrap_or_default()
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

/// `template` with each `{name}` replaced by its value in `args`.
pub fn fill_placeholders(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    // `split_once` rather than slicing by position: no char-boundary checks and panics to
    // compile in.
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let value = after.split_once('}').and_then(|(placeholder, tail)| {
            args.iter()
                .find(|(name, _)| *name == placeholder)
                .map(|(_, v)| (*v, tail))
        });
        match value {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
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
    fn locale_tags_match_exactly_or_on_language() {
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag(" es-419 "), Some(Locale::Es));
        assert_eq!(Locale::from_tag("en-XA"), Some(Locale::EnXa));
        assert_eq!(Locale::from_tag("en-xa"), Some(Locale::EnXa));
        assert_eq!(Locale::from_tag("ar-XB"), Some(Locale::ArXb));
        assert_eq!(Locale::from_tag("ar"), None, "Arabic is not the pseudo-locale");
        assert_eq!(Locale::from_tag("xx-YY"), None);
        assert_eq!(Locale::from_tag(""), None);
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }

    #[test]
    fn the_locale_is_the_attribute_else_the_saved_choice_else_the_browser_else_english() {
        use Locale::{En, Es};
        assert_eq!(Locale::choose(Some(En), Some(Es), "es-MX,es"), En);
        assert_eq!(Locale::choose(None, Some(Es), "en-US,en"), Es);
        assert_eq!(Locale::choose(None, Some(En), "es-MX"), En);
        assert_eq!(Locale::choose(None, None, "es-MX,en-US"), Es);
        assert_eq!(
            Locale::choose(None, None, "fr-FR,es-419,en"),
            Es,
            "the first one we have"
        );
        assert_eq!(Locale::choose(None, None, "fr-FR,en,es"), En);
        assert_eq!(Locale::choose(None, None, "fr-FR,de"), En);
        assert_eq!(Locale::choose(None, None, ""), En);
        assert_eq!(
            Locale::choose(None, None, "ar,he"),
            En,
            "no pseudo-locale from the browser's language"
        );
        assert_eq!(Locale::choose(Some(Locale::ArXb), Some(Es), "es"), Locale::ArXb);
    }

    fn file(tag: &str) -> String {
        let dir = concat!(env!("OUT_DIR"), "/locales/");
        std::fs::read_to_string(format!("{dir}{tag}.txt")).expect("build.rs wrote the catalog file")
    }

    #[test]
    fn catalogs_load_from_their_files_and_english_fills_in_until_then() {
        assert_eq!(Locale::Es.loaded(), None);
        assert_eq!(Locale::Es.text(Msg::WelcomeStart), "Start the check-in");
        assert!(Locale::Es.load(file("es")));
        assert_eq!(Locale::Es.loaded(), Some(true));
        assert_eq!(Locale::Es.text(Msg::WelcomeStart), "Empezar el chequeo");
        assert_eq!(Locale::En.loaded(), Some(true));
    }

    #[test]
    fn a_catalog_for_other_keys_or_no_file_at_all_means_english() {
        assert!(!Locale::Es.load(String::new()));
        assert_eq!(Locale::Es.loaded(), Some(false));
        assert_eq!(Locale::Es.text(Msg::WelcomeStart), "Start the check-in");
        let other_build = file("es").replacen(FINGERPRINT, "0123456789abcdef", 1);
        assert!(!Locale::Es.load(other_build));
        let one_text_short = file("es").rsplit_once(TEXT_SEPARATOR).map(|(head, _)| head.to_owned());
        assert!(!Locale::Es.load(one_text_short.unwrap_or_default()));
        assert_eq!(Locale::Es.text(Msg::WelcomeStart), "Start the check-in");
    }

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(Locale::En.count(Msg::HistoryShowAll, 1), "Show the 1 check-in");
        assert_eq!(Locale::En.count(Msg::HistoryShowAll, 0), "Show all 0 check-ins");
        assert_eq!(Locale::En.count(Msg::HistoryShowAll, 1234), "Show all 1,234 check-ins");
        assert!(Locale::Es.load(file("es")));
        assert_eq!(Locale::Es.count(Msg::StorageImportAdded, 1), "Se agregó 1 chequeo.");
        assert_eq!(Locale::Es.count(Msg::StorageImportAdded, 2), "Se agregaron 2 chequeos.");
        for n in [0, 2, 5, 21, 100, 1_000_000] {
            assert_eq!(Locale::En.plural_index(n), 1, "{n}");
            assert_eq!(Locale::Es.plural_index(n), 1, "{n}");
        }
        assert_eq!(Locale::En.plural_index(1), 0);
        assert_eq!(Locale::Es.plural_index(1), 0);
    }

    #[test]
    fn numbers_are_grouped_in_threes() {
        assert_eq!(Locale::En.number(0), "0");
        assert_eq!(Locale::En.number(999), "999");
        assert_eq!(Locale::En.number(1000), "1,000");
        assert_eq!(Locale::Es.number(1_234_567), "1,234,567");
        assert_eq!(Locale::En.number(u32::MAX), "4,294,967,295");
    }

    #[test]
    fn pseudo_locales_change_every_text_and_keep_its_placeholders() {
        assert!(Locale::EnXa.load(file("en-XA")));
        assert!(Locale::ArXb.load(file("ar-XB")));
        for &msg in Msg::all() {
            let english = Locale::En.text(msg);
            for pseudo in [Locale::EnXa, Locale::ArXb] {
                let text = pseudo.text(msg);
                assert_ne!(text, english, "{} in {}", msg.key(), pseudo.tag());
                assert_eq!(
                    placeholders(text),
                    placeholders(english),
                    "{} in {}",
                    msg.key(),
                    pseudo.tag()
                );
                assert_eq!(
                    text.matches(PLURAL_SEPARATOR).count(),
                    english.matches(PLURAL_SEPARATOR).count(),
                    "{}",
                    msg.key()
                );
            }
            let accented = Locale::EnXa.text(msg);
            for (form, english) in accented.split(PLURAL_SEPARATOR).zip(english.split(PLURAL_SEPARATOR)) {
                assert!(form.starts_with('[') && form.ends_with(']'), "{accented}");
                let longer = outside_placeholders(form) - 2;
                assert!(longer * 10 >= outside_placeholders(english) * 14, "40% longer: {form}");
            }
        }
        assert_eq!(
            Locale::EnXa.format(Msg::CrisisCall, &[("number", "988")]),
            "[Çåļļ 988 one]"
        );
        assert_eq!(
            Locale::ArXb.format(Msg::CrisisCall, &[("number", "988")]),
            "\u{200f}\u{202e}Call\u{202c}\u{200f} 988"
        );
        assert_eq!(Locale::ArXb.dir(), "rtl");
        assert_eq!(Locale::EnXa.dir(), "ltr");
    }

    /// How many characters a text has outside its placeholders.
    fn outside_placeholders(text: &str) -> usize {
        let mut inside = false;
        text.chars()
            .filter(|&c| {
                let counted = !inside && c != '{';
                inside = (inside || c == '{') && c != '}';
                counted && c != '}'
            })
            .count()
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }
}
