//! The completeness test of the translation catalogs (`content/locales/*.toml`): every locale
//! has every key of English and no other, the same placeholders in every text, and a form for
//! each plural category of its language. The build only refuses what would show wrong text
//! (an extra key, an empty text, a text plural in one and not the other); a missing key would
//! show English, which this test does not let a shipped locale do.

use std::collections::BTreeMap;
use std::path::Path;

use recovery_checkin::i18n::Locale;

/// `build.rs`, compiled again for its catalog reader.
#[allow(dead_code)]
#[path = "../build.rs"]
mod build_script;

use build_script::{plural_categories, PLURAL_SEPARATOR};

type Catalogs = BTreeMap<String, BTreeMap<String, String>>;

fn catalogs() -> Catalogs {
    build_script::read_locales(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content/locales"))
}

/// The `{placeholders}` of a text, sorted, each as often as it occurs: as the build reads them.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = build_script::pieces(text)
        .into_iter()
        .filter_map(|(placeholder, piece)| placeholder.then_some(piece))
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn every_locale_has_every_key_of_english_and_no_other() {
    let catalogs = catalogs();
    let english = &catalogs["en"];
    for (tag, texts) in &catalogs {
        let missing: Vec<&String> = english.keys().filter(|k| !texts.contains_key(*k)).collect();
        let extra: Vec<&String> = texts.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{tag}.toml lacks {missing:?}");
        assert!(extra.is_empty(), "{tag}.toml has keys English lacks: {extra:?}");
    }
}

#[test]
fn every_text_has_the_placeholders_of_english() {
    let catalogs = catalogs();
    let english = &catalogs["en"];
    for (tag, texts) in &catalogs {
        for (key, text) in texts {
            // Every form has the placeholders of English's last form (`other`).
            let want = placeholders(english[key].rsplit(PLURAL_SEPARATOR).next().unwrap_or_default());
            for form in text.split(PLURAL_SEPARATOR) {
                assert_eq!(placeholders(form), want, "{tag}.toml `{key}`: {form}");
                let outside: String = form
                    .split('{')
                    .map(|p| p.split_once('}').map_or(p, |(_, r)| r))
                    .collect();
                assert!(
                    !outside.contains(['{', '}']),
                    "{tag}.toml `{key}` has a stray brace: {form}"
                );
            }
        }
    }
}

#[test]
fn plural_texts_have_a_form_for_each_category_of_their_language() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/locales");
    let catalogs = catalogs();
    let english = &catalogs["en"];
    let plural_keys: Vec<&String> = english
        .keys()
        .filter(|k| english[*k].contains(PLURAL_SEPARATOR))
        .collect();
    assert!(
        plural_keys.iter().any(|k| k.as_str() == "history.show_all"),
        "the texts that count are plural: {plural_keys:?}"
    );
    for (tag, texts) in &catalogs {
        let categories = plural_categories(tag);
        // As written: a table of exactly the language's categories.
        let doc: toml::Table = std::fs::read_to_string(dir.join(format!("{tag}.toml")))
            .expect("readable")
            .parse()
            .expect("TOML");
        for key in &plural_keys {
            let mut value = &toml::Value::Table(doc.clone());
            for part in key.split('.') {
                value = value.get(part).unwrap_or_else(|| panic!("{tag}.toml lacks `{key}`"));
            }
            let forms = value
                .as_table()
                .unwrap_or_else(|| panic!("{tag}.toml: `{key}` must be a table of plural forms"));
            let mut written: Vec<&str> = forms.keys().map(String::as_str).collect();
            written.sort_unstable();
            let mut wanted = categories.to_vec();
            wanted.sort_unstable();
            assert_eq!(written, wanted, "{tag}.toml `{key}`");
            assert_eq!(texts[key.as_str()].split(PLURAL_SEPARATOR).count(), categories.len());
        }
    }
}

#[test]
fn every_catalog_file_is_a_locale_and_every_locale_a_file_or_a_pseudo_locale() {
    let catalogs = catalogs();
    for tag in catalogs.keys() {
        let locale = Locale::from_tag(tag).unwrap_or_else(|| panic!("{tag}.toml is no Locale"));
        assert_eq!(locale.tag(), tag);
        assert!(
            Locale::OFFERED.contains(&locale),
            "{tag} is offered in the language switcher"
        );
    }
    for locale in Locale::ALL {
        let pseudo = ["en-XA", "ar-XB"].contains(&locale.tag());
        assert_eq!(catalogs.contains_key(locale.tag()), !pseudo, "{}", locale.tag());
    }
}

#[test]
fn the_pseudo_locales_are_made_from_english_at_build_time() {
    let catalogs = catalogs();
    let files = build_script::lazy_catalogs(&catalogs["en"], &catalogs);
    let tags: Vec<&str> = files.iter().map(|(tag, _)| tag.as_str()).collect();
    assert_eq!(tags, ["es", "en-XA", "ar-XB"]);
    assert_eq!(
        build_script::accented("Call {number} now, {name}"),
        "[Çåļļ {number} ñöŵ, {name} one two]"
    );
    assert_eq!(
        build_script::bidi("Call {number} now."),
        "\u{200f}\u{202e}Call\u{202c}\u{200f} {number} \u{200f}\u{202e}now.\u{202c}\u{200f}"
    );
    assert_eq!(
        build_script::pseudo("one {count}\u{1f}{count} more", build_script::accented),
        "[öñé {count} one]\u{1f}[{count} ɱöŕé one]"
    );
}

#[test]
fn crisis_lines_follow_the_region_and_speak_the_language() {
    use recovery_checkin::help::Region;
    let file = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/locales/es.txt")).expect("build.rs wrote it");
    assert!(Locale::Es.load(file));
    // A Spanish speaker in the US: 988 and the SAMHSA National Helpline, named in Spanish, the
    // helpline's Spanish service said in Spanish.
    let us = Region::Us.contacts().contacts;
    let names: Vec<&str> = us.iter().map(|c| Locale::Es.text(c.name)).collect();
    assert_eq!(
        names,
        [
            "988 Línea de Prevención del Suicidio y Crisis",
            "Línea Nacional de Ayuda de SAMHSA",
            "FindTreatment.gov"
        ]
    );
    assert_eq!(us[0].call, Some("988"));
    assert_eq!(us[1].call, Some("1-800-662-4357"));
    assert!(Locale::Es.text(us[1].about).contains("en inglés y en español"));
    // Spanish in the UK is still the UK's lines, by their own names.
    let gb: Vec<&str> = Region::Gb
        .contacts()
        .contacts
        .iter()
        .map(|c| Locale::Es.text(c.name))
        .collect();
    assert_eq!(gb[0], "Samaritans");
    assert_eq!(Region::Gb.contacts().emergency_number, Some("999"));
}
