//! Turns the reviewable content files under `content/` into Rust data at compile time.
//!
//! Clinicians and translators edit TOML; the widget ships plain static arrays, so no TOML
//! parser reaches the WebAssembly and a missing or misspelled key fails the build, not a
//! person's check-in.
//!
//! Generated (in `$OUT_DIR`):
//! - `catalog.rs`: the `Msg` enum, one variant per key of the source locale (English), and the
//!   English texts, compiled in as the fallback for every other locale.
//! - `locales/<tag>.txt`: every other locale's texts (`content/locales/<tag>.toml`) and the two
//!   pseudo-locales made from English (`en-XA`, `ar-XB`), in the compact form `src/i18n.rs`
//!   reads. They are not compiled in: `scripts/post-build.mjs` copies them into the build with
//!   content-hashed names, and the loader fetches one when a widget needs it.
//! - `help_contacts.rs`: crisis and help contacts by region.
//! - `questionnaire.rs`: the check-in's constructs, sections and questions
//!   (`content/questionnaire.toml`), checked against the catalog.
//! - `groups.rs`: group types, named examples and ranking rules (`content/groups.toml`),
//!   checked against the questionnaire and the catalog.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

/// The locale every key is defined in; other locales fall back to it.
const SOURCE_LOCALE: &str = "en";

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=content");

    let locales = read_locales(&root.join("content/locales"));
    let source = locales
        .get(SOURCE_LOCALE)
        .unwrap_or_else(|| fail(&format!("content/locales/{SOURCE_LOCALE}.toml is missing")));
    write(&out.join("catalog.rs"), &catalog_rs(source, &locales));
    let lazy = out.join("locales");
    fs::create_dir_all(&lazy).unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", lazy.display())));
    for (tag, texts) in lazy_catalogs(source, &locales) {
        write(&lazy.join(format!("{tag}.txt")), &texts);
    }

    let contacts = parse_toml(&root.join("content/help-contacts.toml"));
    write(&out.join("help_contacts.rs"), &help_contacts_rs(&contacts, source));

    let questionnaire = read_questionnaire(&parse_toml(&root.join("content/questionnaire.toml")), source);
    write(&out.join("questionnaire.rs"), &questionnaire_rs(&questionnaire));

    let groups = parse_toml(&root.join("content/groups.toml"));
    write(&out.join("groups.rs"), &groups_rs(&groups, &questionnaire, source));
}

/// Reads and checks a questionnaire file's text as the build does, against the source
/// catalog in `locales`; panics with the content error on the first problem. Only the tests
/// call it: `tests/content.rs` compiles this file again as a module to feed it broken files.
#[allow(dead_code)]
pub(crate) fn check_questionnaire(text: &str, locales: &Path) {
    let catalogs = read_locales(locales);
    let source = catalogs
        .get(SOURCE_LOCALE)
        .unwrap_or_else(|| fail(&format!("{SOURCE_LOCALE}.toml is missing")));
    let doc = text
        .parse::<toml::Table>()
        .unwrap_or_else(|e| fail(&format!("{QFILE}: {e}")));
    read_questionnaire(&doc, source);
}

fn fail(message: &str) -> ! {
    panic!("content error: {message}");
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
}

fn parse_toml(path: &Path) -> toml::Table {
    let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    text.parse::<toml::Table>()
        .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())))
}

/// Separates the forms of a plural text (in the order of [`plural_categories`]), in the
/// generated catalogs and in the texts `read_locales` returns. `src/i18n.rs` has the same.
pub(crate) const PLURAL_SEPARATOR: char = '\u{1f}';
/// Separates the texts of a lazily loaded catalog. `src/i18n.rs` has the same.
pub(crate) const TEXT_SEPARATOR: char = '\u{1e}';
/// Every CLDR plural category, in CLDR's order.
pub(crate) const CLDR_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The CLDR plural categories a locale's texts give forms for (for whole numbers, which is all
/// the widget counts), in the order they are stored. `Locale::plural_index` in `src/i18n.rs`
/// picks among them. Spanish also has `many`, but only for millions ("un millón de
/// chequeos"): no count the widget shows comes near that, so its texts give `one` and `other`.
pub(crate) fn plural_categories(tag: &str) -> &'static [&'static str] {
    match tag {
        "en" | "es" => &["one", "other"],
        _ => fail(&format!(
            "content/locales/{tag}.toml: add the locale's CLDR plural categories to build.rs (plural_categories) and src/i18n.rs (Locale::plural_index)"
        )),
    }
}

/// Every `content/locales/<tag>.toml`, flattened to dotted keys. A plural text (a table of
/// CLDR categories, such as `{ one = "...", other = "..." }`) becomes its forms joined by
/// [`PLURAL_SEPARATOR`].
pub(crate) fn read_locales(dir: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut locales = BTreeMap::new();
    let entries = fs::read_dir(dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| fail(&e.to_string())).path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let tag = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        let mut flat = BTreeMap::new();
        flatten("", &parse_toml(&path), &mut flat, &path, plural_categories(&tag));
        locales.insert(tag, flat);
    }
    locales
}

/// Whether a table is a plural text: nothing but CLDR categories.
pub(crate) fn is_plural(table: &toml::Table) -> bool {
    !table.is_empty() && table.keys().all(|k| CLDR_CATEGORIES.contains(&k.as_str()))
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>, file: &Path, categories: &[&str]) {
    for (name, value) in table {
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        match value {
            toml::Value::String(text) => {
                if text.contains([PLURAL_SEPARATOR, TEXT_SEPARATOR]) {
                    fail(&format!("{}: `{key}` has a control character", file.display()));
                }
                out.insert(key, text.clone());
            }
            toml::Value::Table(inner) if is_plural(inner) => {
                let forms: Vec<&str> = categories
                    .iter()
                    .map(|category| match inner.get(*category) {
                        Some(toml::Value::String(text)) if !text.contains([PLURAL_SEPARATOR, TEXT_SEPARATOR]) => {
                            text.as_str()
                        }
                        _ => fail(&format!(
                            "{}: the plural text `{key}` needs `{category}` as text (this language's forms: {categories:?})",
                            file.display()
                        )),
                    })
                    .collect();
                if let Some(extra) = inner.keys().find(|k| !categories.contains(&k.as_str())) {
                    fail(&format!(
                        "{}: the plural text `{key}` has `{extra}`, which this language does not use (its forms: {categories:?})",
                        file.display()
                    ));
                }
                out.insert(key, forms.join(&PLURAL_SEPARATOR.to_string()));
            }
            toml::Value::Table(inner) => flatten(&key, inner, out, file, categories),
            other => fail(&format!(
                "{}: `{key}` must be text, found {}",
                file.display(),
                other.type_str()
            )),
        }
    }
}

/// `welcome.start_button` becomes `WelcomeStartButton`.
pub(crate) fn variant_name(key: &str) -> String {
    let mut name = String::new();
    for word in key.split(['.', '_', '-']) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.extend(first.to_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name
}

fn catalog_rs(source: &BTreeMap<String, String>, locales: &BTreeMap<String, BTreeMap<String, String>>) -> String {
    let mut seen = BTreeMap::new();
    for key in source.keys() {
        if let Some(other) = seen.insert(variant_name(key), key) {
            fail(&format!("keys `{other}` and `{key}` map to the same name"));
        }
    }
    let mut rs = String::from("// @generated by build.rs from content/locales/*.toml. Do not edit.\n\n");
    rs.push_str("/// One text a person can read: a key of the source locale's catalog.\n");
    rs.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n");
    rs.push_str("#[repr(u16)]\npub enum Msg {\n");
    for key in source.keys() {
        let _ = writeln!(rs, "    /// `{key}`\n    {},", variant_name(key));
    }
    rs.push_str("}\n\n");
    let _ = writeln!(
        rs,
        "/// How many texts the catalog has.\npub const MSG_COUNT: usize = {};\n",
        source.len()
    );
    rs.push_str("/// Every key, sorted, at the index of its `Msg`.\npub(crate) static KEYS: [&str; MSG_COUNT] = [\n");
    for key in source.keys() {
        let _ = writeln!(rs, "    {key:?},");
    }
    rs.push_str("];\n\n");
    // "Since last time" names a question by `since.topic.<id>`. Looked up here rather than
    // through `Msg::from_key`, so the table of every key stays out of the WebAssembly.
    rs.push_str(
        "/// `(id, Msg)` for every `since.topic.<id>` key, in key order.\npub(crate) static SINCE_TOPICS: &[(&str, Msg)] = &[\n",
    );
    for key in source.keys() {
        if let Some(id) = key.strip_prefix("since.topic.") {
            let _ = writeln!(rs, "    ({id:?}, Msg::{}),", variant_name(key));
        }
    }
    rs.push_str("];\n\n");
    rs.push_str("/// Every `Msg`, in key order.\npub(crate) static ALL: [Msg; MSG_COUNT] = [\n");
    for key in source.keys() {
        let _ = writeln!(rs, "    Msg::{},", variant_name(key));
    }
    rs.push_str("];\n\n");
    // The English catalog is one string of all its texts, one after another, and each one's
    // length: a small number per text instead of a pointer and a length (an eighth of the bytes
    // in the WebAssembly; lengths, unlike where each text ends, repeat, so they also compress).
    // Other locales are loaded as files (`lazy_catalogs`).
    check_locales(source, locales);
    let _ = writeln!(
        rs,
        "/// Names the keys, in order, and which are plural: a catalog file made for other keys is refused.\n\
         pub(crate) const FINGERPRINT: &str = {:?};\n",
        fingerprint(source)
    );
    let mut all = String::new();
    let mut lens = String::new();
    let mut longest = 0;
    for text in source.values() {
        all.push_str(text);
        let _ = write!(lens, "{},", text.len());
        longest = longest.max(text.len());
    }
    let text_len = if longest <= usize::from(u8::MAX) {
        "u8"
    } else if longest <= usize::from(u16::MAX) {
        "u16"
    } else {
        "u32"
    };
    let _ = writeln!(
        rs,
        "/// The length of a text in bytes: as small a number as fits the longest.\n\
         pub(crate) type TextLen = {text_len};\n"
    );
    let _ = writeln!(
        rs,
        "/// The texts of the `{SOURCE_LOCALE}` catalog, one after another.\n\
         pub(crate) static TEXTS_EN: Catalog = Catalog {{\n    texts: {all:?},\n    lens: &[{lens}],\n}};\n"
    );
    rs
}

/// Fails the build on a locale with a key English lacks, an empty text, or a text that is
/// plural in one and not in the other. A key it lacks is allowed (English is shown); the
/// completeness test (`tests/locales.rs`) holds the shipped locales to every key.
fn check_locales(source: &BTreeMap<String, String>, locales: &BTreeMap<String, BTreeMap<String, String>>) {
    for (tag, texts) in locales {
        for (key, text) in texts {
            let Some(english) = source.get(key) else {
                fail(&format!(
                    "content/locales/{tag}.toml has `{key}`, which {SOURCE_LOCALE}.toml lacks"
                ));
            };
            if text.split(PLURAL_SEPARATOR).any(str::is_empty) {
                fail(&format!("content/locales/{tag}.toml: `{key}` is empty"));
            }
            if english.contains(PLURAL_SEPARATOR) != text.contains(PLURAL_SEPARATOR) {
                fail(&format!(
                    "content/locales/{tag}.toml: `{key}` must be plural (a table of forms) exactly where {SOURCE_LOCALE}.toml's is"
                ));
            }
        }
    }
}

/// A hash (FNV-1a, 64 bits) of every key in order, each marked when plural.
fn fingerprint(source: &BTreeMap<String, String>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (key, text) in source {
        let plural = if text.contains(PLURAL_SEPARATOR) { "*" } else { "" };
        for byte in key.bytes().chain(plural.bytes()).chain([b'\n']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The catalog files loaded on demand, by locale tag: every locale but English, and the two
/// pseudo-locales made from English. A file is the fingerprint, then every text in `Msg`
/// order (empty where the locale has none: English is shown), each after a
/// [`TEXT_SEPARATOR`].
pub(crate) fn lazy_catalogs(
    source: &BTreeMap<String, String>,
    locales: &BTreeMap<String, BTreeMap<String, String>>,
) -> Vec<(String, String)> {
    let file = |texts: &dyn Fn(&str, &str) -> String| {
        let mut out = fingerprint(source);
        for (key, english) in source {
            out.push(TEXT_SEPARATOR);
            out.push_str(&texts(key, english));
        }
        out
    };
    let mut files: Vec<(String, String)> = locales
        .iter()
        .filter(|(tag, _)| tag.as_str() != SOURCE_LOCALE)
        .map(|(tag, texts)| {
            let made = file(&|key, _| texts.get(key).cloned().unwrap_or_default());
            (tag.clone(), made)
        })
        .collect();
    files.push(("en-XA".to_owned(), file(&|_, english| pseudo(english, accented))));
    files.push(("ar-XB".to_owned(), file(&|_, english| pseudo(english, bidi))));
    files
}

/// A pseudo-locale's text: each plural form changed by `change`, placeholders left as they are.
pub(crate) fn pseudo(text: &str, change: fn(&str) -> String) -> String {
    text.split(PLURAL_SEPARATOR)
        .map(change)
        .collect::<Vec<_>>()
        .join(&PLURAL_SEPARATOR.to_string())
}

/// The parts of a text: `(true, "{name}")` for a placeholder, `(false, ...)` for the rest.
pub(crate) fn pieces(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        match rest[open..].find('}') {
            Some(close) => {
                out.push((false, &rest[..open]));
                out.push((true, &rest[open..open + close + 1]));
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    out.push((false, rest));
    out
}

/// `en-XA`, as Android and Chromium make it: every letter accented, the text in brackets and
/// made about 40% longer with filler words, so hard-coded English and clipped text show.
pub(crate) fn accented(text: &str) -> String {
    const PLAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ACCENTED: &str = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    const FILLER: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let mut out = String::from("[");
    let mut length = 0;
    for (placeholder, piece) in pieces(text) {
        if placeholder {
            out.push_str(piece);
            continue;
        }
        for c in piece.chars() {
            length += 1;
            out.push(PLAIN.find(c).and_then(|i| ACCENTED.chars().nth(i)).unwrap_or(c));
        }
    }
    let mut added = 0;
    for word in FILLER.iter().cycle() {
        if added * 10 >= length * 4 {
            break;
        }
        out.push(' ');
        out.push_str(word);
        added += word.len() + 1;
    }
    out.push(']');
    out
}

/// `ar-XB`, as Android and Chromium make it: each word written right to left (a right-to-left
/// mark, a right-to-left override, the word, the end of the override, a mark), so the text
/// reads mirrored and the widget lays it out as it would Arabic or Hebrew.
pub(crate) fn bidi(text: &str) -> String {
    let mut out = String::new();
    for (placeholder, piece) in pieces(text) {
        if placeholder {
            out.push_str(piece);
            continue;
        }
        let mut word = String::new();
        for c in piece.chars().chain([' ']) {
            if c.is_whitespace() {
                if !word.is_empty() {
                    out.push_str("\u{200f}\u{202e}");
                    out.push_str(&word);
                    out.push_str("\u{202c}\u{200f}");
                    word.clear();
                }
                out.push(c);
            } else {
                word.push(c);
            }
        }
        out.pop();
    }
    out
}

fn str_field<'a>(table: &'a toml::Table, field: &str, context: &str) -> Option<&'a str> {
    match table.get(field) {
        None => None,
        Some(toml::Value::String(s)) => Some(s),
        Some(_) => fail(&format!("help-contacts.toml: `{field}` of {context} must be text")),
    }
}

fn required<'a>(table: &'a toml::Table, field: &str, context: &str) -> &'a str {
    str_field(table, field, context).unwrap_or_else(|| fail(&format!("help-contacts.toml: {context} needs `{field}`")))
}

fn msg_ref(key: &str, source: &BTreeMap<String, String>, context: &str) -> String {
    if !source.contains_key(key) {
        fail(&format!(
            "help-contacts.toml: {context} names text `{key}`, which {SOURCE_LOCALE}.toml lacks"
        ));
    }
    format!("Msg::{}", variant_name(key))
}

fn option_rs(value: Option<&str>) -> String {
    match value {
        Some(v) => format!("Some({v:?})"),
        None => "None".to_owned(),
    }
}

fn help_contacts_rs(doc: &toml::Table, source: &BTreeMap<String, String>) -> String {
    let checked = required(doc, "checked", "the file");
    let mut rs = String::from("// @generated by build.rs from content/help-contacts.toml. Do not edit.\n\n");
    let _ = writeln!(rs, "/// When the contacts were last checked against their official pages.\npub const CHECKED: &str = {checked:?};\n");
    rs.push_str("/// Every region, in the order of the file.\npub static REGIONS: &[RegionContacts] = &[\n");
    let regions = match doc.get("region") {
        Some(toml::Value::Array(regions)) if !regions.is_empty() => regions,
        _ => fail("help-contacts.toml needs at least one [[region]]"),
    };
    for region in regions {
        let region = region
            .as_table()
            .unwrap_or_else(|| fail("help-contacts.toml: [[region]] must be a table"));
        let code = required(region, "code", "a region");
        let context = format!("region {code}");
        let _ = writeln!(
            rs,
            "    RegionContacts {{\n        region: Region::{},\n        emergency_number: {},\n        contacts: &[",
            variant_name(&code.to_lowercase()),
            option_rs(str_field(region, "emergency", &context)),
        );
        let contacts = match region.get("contact") {
            Some(toml::Value::Array(list)) if !list.is_empty() => list,
            _ => fail(&format!(
                "help-contacts.toml: {context} needs at least one [[region.contact]]"
            )),
        };
        for contact in contacts {
            let contact = contact
                .as_table()
                .unwrap_or_else(|| fail("[[region.contact]] must be a table"));
            let name = required(contact, "name", &context);
            let context = format!("{name} in {context}");
            let _ = writeln!(
                rs,
                "            Contact {{ name: {}, about: {}, call: {}, text: {}, url: {}, kind: ContactKind::{} }},",
                msg_ref(name, source, &context),
                msg_ref(required(contact, "about", &context), source, &context),
                option_rs(str_field(contact, "call", &context)),
                option_rs(str_field(contact, "text", &context)),
                option_rs(str_field(contact, "url", &context)),
                variant_name(required(contact, "kind", &context)),
            );
        }
        rs.push_str("        ],\n    },\n");
    }
    rs.push_str("];\n");
    rs
}

// --- The questionnaire ---------------------------------------------------------------------

const QFILE: &str = "questionnaire.toml";
const SIDES: [&str; 6] = ["stressor", "support", "motivation", "preference", "context", "safety"];
const KINDS: [&str; 3] = ["single", "multiple", "scale"];
const DOMAINS: [&str; 7] = [
    "stressor",
    "use",
    "support",
    "motivation",
    "preference",
    "context",
    "safety",
];
const SCORED_DOMAINS: [&str; 4] = ["stressor", "use", "support", "motivation"];
const TIME_FRAMES: [&str; 5] = ["now", "last_7_days", "last_14_days", "last_30_days", "next_30_days"];
const SAFETY_FLAGS: [&str; 5] = [
    "suicidal_thoughts_now",
    "suicidal_thoughts",
    "opioid_after_break",
    "stopping_suddenly",
    "unsafe_at_home",
];
/// Answers a `show_if` condition may name besides a question's own options.
const SPECIAL_MATCHES: [&str; 3] = ["prefer_not_to_say", "unanswered", "hidden"];
/// The highest points an option may give: every item is on a 0-4 scale, like a BAM item.
const MAX_OPTION_POINTS: i64 = 4;

/// A checked option, ready to print.
struct QOption {
    id: String,
    text_key: String,
    points: Option<u8>,
    exclusive: bool,
    safety: Option<String>,
    strong_distress: bool,
}

struct QCondition {
    question: String,
    any_of: Vec<String>,
    /// Alternatives: the condition also holds when any of these holds.
    or: Vec<QCondition>,
}

/// A checked question, ready to print.
struct QQuestion {
    id: String,
    section: String,
    kind: String,
    scale: Option<(u8, u8)>,
    domain: String,
    constructs: Vec<String>,
    time_frame: String,
    optional: bool,
    sensitive: bool,
    hint: bool,
    options: Vec<QOption>,
    show_if: Vec<QCondition>,
    prefer_not_to_say_safety: Option<String>,
    strength: bool,
    step: Option<String>,
}

struct QConstruct {
    id: String,
    side: String,
    source: String,
}

/// The whole checked questionnaire.
struct Questionnaire {
    version: i64,
    constructs: Vec<QConstruct>,
    sections: Vec<String>,
    questions: Vec<QQuestion>,
}

impl Questionnaire {
    fn question(&self, id: &str) -> Option<&QQuestion> {
        self.questions.iter().find(|q| q.id == id)
    }
}

fn table_list<'a>(doc: &'a toml::Table, name: &str, file: &str) -> Vec<&'a toml::Table> {
    match doc.get(name) {
        None => Vec::new(),
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_table()
                    .unwrap_or_else(|| fail(&format!("{file}: every [[{name}]] must be a table")))
            })
            .collect(),
        Some(_) => fail(&format!("{file}: `{name}` must be a list of [[{name}]] tables")),
    }
}

fn text_of<'a>(table: &'a toml::Table, field: &str, file: &str, context: &str) -> &'a str {
    match table.get(field) {
        Some(toml::Value::String(s)) => s,
        Some(_) => fail(&format!("{file}: `{field}` of {context} must be text")),
        None => fail(&format!("{file}: {context} needs `{field}`")),
    }
}

fn flag_of(table: &toml::Table, field: &str, file: &str, context: &str) -> bool {
    match table.get(field) {
        None => false,
        Some(toml::Value::Boolean(b)) => *b,
        Some(_) => fail(&format!("{file}: `{field}` of {context} must be true or false")),
    }
}

fn int_of(table: &toml::Table, field: &str, file: &str, context: &str) -> Option<i64> {
    match table.get(field) {
        None => None,
        Some(toml::Value::Integer(i)) => Some(*i),
        Some(_) => fail(&format!("{file}: `{field}` of {context} must be a whole number")),
    }
}

fn texts_of(table: &toml::Table, field: &str, file: &str, context: &str) -> Vec<String> {
    match table.get(field) {
        None => Vec::new(),
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|v| match v {
                toml::Value::String(s) => s.clone(),
                _ => fail(&format!("{file}: `{field}` of {context} must be a list of texts")),
            })
            .collect(),
        Some(_) => fail(&format!("{file}: `{field}` of {context} must be a list of texts")),
    }
}

fn one_of<'a>(value: &'a str, allowed: &[&str], field: &str, file: &str, context: &str) -> &'a str {
    if !allowed.contains(&value) {
        fail(&format!(
            "{file}: `{field}` of {context} is `{value}`; it must be one of {allowed:?}"
        ));
    }
    value
}

/// Fails unless the catalog has `key`, naming the file and the place that asked for it.
fn need_key(key: &str, source: &BTreeMap<String, String>, file: &str, context: &str) {
    if !source.contains_key(key) {
        fail(&format!(
            "{file}: {context} needs the text `{key}`, which content/locales/{SOURCE_LOCALE}.toml lacks"
        ));
    }
}

fn reject_unknown_fields(table: &toml::Table, known: &[&str], file: &str, context: &str) {
    if let Some(field) = table.keys().find(|k| !known.contains(&k.as_str())) {
        fail(&format!(
            "{file}: {context} has an unknown field `{field}` (known: {known:?})"
        ));
    }
}

fn read_option(table: &toml::Table, text_prefix: &str, source: &BTreeMap<String, String>, context: &str) -> QOption {
    reject_unknown_fields(
        table,
        &["id", "points", "unscored", "exclusive", "safety", "strong_distress"],
        QFILE,
        context,
    );
    let id = text_of(table, "id", QFILE, context).to_owned();
    let context = format!("option `{id}` of {context}");
    let points = int_of(table, "points", QFILE, &context);
    let unscored = flag_of(table, "unscored", QFILE, &context);
    let points = match (points, unscored) {
        (Some(_), true) => fail(&format!("{QFILE}: {context} has both `points` and `unscored`")),
        (None, false) => fail(&format!(
            "{QFILE}: {context} needs `points` or `unscored = true`, so nothing counts by accident"
        )),
        (Some(p), false) if !(0..=MAX_OPTION_POINTS).contains(&p) => fail(&format!(
            "{QFILE}: {context} has points {p}; points go from 0 to {MAX_OPTION_POINTS}"
        )),
        (Some(p), false) => Some(p as u8),
        (None, true) => None,
    };
    let safety = table.get("safety").map(|_| {
        let flag = text_of(table, "safety", QFILE, &context);
        one_of(flag, &SAFETY_FLAGS, "safety", QFILE, &context).to_owned()
    });
    let text_key = format!("{text_prefix}.{id}");
    need_key(&text_key, source, QFILE, &context);
    QOption {
        id,
        text_key,
        points,
        exclusive: flag_of(table, "exclusive", QFILE, &context),
        safety,
        strong_distress: flag_of(table, "strong_distress", QFILE, &context),
    }
}

fn read_questionnaire(doc: &toml::Table, source: &BTreeMap<String, String>) -> Questionnaire {
    reject_unknown_fields(
        doc,
        &["version", "construct", "section", "option_set", "question"],
        QFILE,
        "the file",
    );
    let version = int_of(doc, "version", QFILE, "the file")
        .filter(|v| *v >= 1)
        .unwrap_or_else(|| fail(&format!("{QFILE} needs `version`, a whole number from 1")));

    let mut constructs: Vec<QConstruct> = Vec::new();
    for table in table_list(doc, "construct", QFILE) {
        let id = text_of(table, "id", QFILE, "a [[construct]]").to_owned();
        let context = format!("construct `{id}`");
        reject_unknown_fields(table, &["id", "side", "source"], QFILE, &context);
        if constructs.iter().any(|c| c.id == id) {
            fail(&format!("{QFILE}: two constructs are called `{id}`"));
        }
        let side = one_of(text_of(table, "side", QFILE, &context), &SIDES, "side", QFILE, &context).to_owned();
        let source_text = text_of(table, "source", QFILE, &context).to_owned();
        constructs.push(QConstruct {
            id,
            side,
            source: source_text,
        });
    }

    let mut sections: Vec<String> = Vec::new();
    for table in table_list(doc, "section", QFILE) {
        let id = text_of(table, "id", QFILE, "a [[section]]").to_owned();
        let context = format!("section `{id}`");
        reject_unknown_fields(table, &["id"], QFILE, &context);
        if sections.contains(&id) {
            fail(&format!("{QFILE}: two sections are called `{id}`"));
        }
        need_key(&format!("section.{id}.title"), source, QFILE, &context);
        need_key(&format!("section.{id}.intro"), source, QFILE, &context);
        sections.push(id);
    }
    if sections.is_empty() {
        fail(&format!("{QFILE} needs at least one [[section]]"));
    }

    let mut option_sets: BTreeMap<String, Vec<QOption>> = BTreeMap::new();
    for table in table_list(doc, "option_set", QFILE) {
        let id = text_of(table, "id", QFILE, "an [[option_set]]").to_owned();
        let context = format!("option set `{id}`");
        reject_unknown_fields(table, &["id", "options"], QFILE, &context);
        let options = read_options(table, &format!("opts.{id}"), source, &context);
        if option_sets.insert(id.clone(), options).is_some() {
            fail(&format!("{QFILE}: two option sets are called `{id}`"));
        }
    }

    let mut questions: Vec<QQuestion> = Vec::new();
    for table in table_list(doc, "question", QFILE) {
        let q = read_question(table, &constructs, &sections, &option_sets, &questions, source);
        questions.push(q);
    }
    if questions.is_empty() {
        fail(&format!("{QFILE} needs at least one [[question]]"));
    }
    Questionnaire {
        version,
        constructs,
        sections,
        questions,
    }
}

fn read_options(
    table: &toml::Table,
    text_prefix: &str,
    source: &BTreeMap<String, String>,
    context: &str,
) -> Vec<QOption> {
    let list = match table.get("options") {
        Some(toml::Value::Array(list)) if !list.is_empty() => list,
        _ => fail(&format!("{QFILE}: {context} needs a non-empty `options` list")),
    };
    let mut options: Vec<QOption> = Vec::new();
    for option in list {
        let option = option.as_table().unwrap_or_else(|| {
            fail(&format!(
                "{QFILE}: every option of {context} must be {{ id = ..., ... }}"
            ))
        });
        let option = read_option(option, text_prefix, source, context);
        if options.iter().any(|o| o.id == option.id) || SPECIAL_MATCHES.contains(&option.id.as_str()) {
            fail(&format!(
                "{QFILE}: {context} has the option `{}` twice, or uses a reserved name",
                option.id
            ));
        }
        options.push(option);
    }
    options
}

fn read_question(
    table: &toml::Table,
    constructs: &[QConstruct],
    sections: &[String],
    option_sets: &BTreeMap<String, Vec<QOption>>,
    earlier: &[QQuestion],
    source: &BTreeMap<String, String>,
) -> QQuestion {
    let id = text_of(table, "id", QFILE, "a [[question]]").to_owned();
    let context = format!("question `{id}`");
    reject_unknown_fields(
        table,
        &[
            "id",
            "section",
            "kind",
            "domain",
            "constructs",
            "time_frame",
            "optional",
            "sensitive",
            "options",
            "option_set",
            "min",
            "max",
            "show_if",
            "prefer_not_to_say_safety",
            "strength",
            "step",
        ],
        QFILE,
        &context,
    );
    if earlier.iter().any(|q| q.id == id) {
        fail(&format!("{QFILE}: two questions are called `{id}`"));
    }
    let section = text_of(table, "section", QFILE, &context).to_owned();
    let section_index = sections.iter().position(|s| *s == section).unwrap_or_else(|| {
        fail(&format!(
            "{QFILE}: {context} names section `{section}`, which is not a [[section]]"
        ))
    });
    if let Some(previous) = earlier.last() {
        let previous_index = sections.iter().position(|s| *s == previous.section).unwrap_or(0);
        if section_index < previous_index {
            fail(&format!(
                "{QFILE}: {context} is in section `{section}` but comes after a question of a later section; keep questions in section order"
            ));
        }
    }
    let kind = one_of(text_of(table, "kind", QFILE, &context), &KINDS, "kind", QFILE, &context).to_owned();
    let domain = one_of(
        text_of(table, "domain", QFILE, &context),
        &DOMAINS,
        "domain",
        QFILE,
        &context,
    )
    .to_owned();
    let time_frame = one_of(
        text_of(table, "time_frame", QFILE, &context),
        &TIME_FRAMES,
        "time_frame",
        QFILE,
        &context,
    )
    .to_owned();
    let question_constructs = texts_of(table, "constructs", QFILE, &context);
    if question_constructs.is_empty() {
        fail(&format!(
            "{QFILE}: {context} needs `constructs`, the things it asks about"
        ));
    }
    for c in &question_constructs {
        if !constructs.iter().any(|k| k.id == *c) {
            fail(&format!(
                "{QFILE}: {context} names construct `{c}`, which is not a [[construct]]"
            ));
        }
    }
    let optional = match table.get("optional") {
        Some(toml::Value::Boolean(b)) => *b,
        _ => fail(&format!(
            "{QFILE}: {context} needs `optional = true` or `optional = false`"
        )),
    };
    let sensitive = match table.get("sensitive") {
        Some(toml::Value::Boolean(b)) => *b,
        _ => fail(&format!(
            "{QFILE}: {context} needs `sensitive = true` or `sensitive = false`"
        )),
    };
    need_key(&format!("q.{id}.text"), source, QFILE, &context);
    let hint = source.contains_key(&format!("q.{id}.hint"));

    let scored_domain = SCORED_DOMAINS.contains(&domain.as_str());
    let (options, scale) = if kind == "scale" {
        if table.contains_key("options") || table.contains_key("option_set") {
            fail(&format!("{QFILE}: {context} is a scale and cannot have options"));
        }
        let min = int_of(table, "min", QFILE, &context);
        let max = int_of(table, "max", QFILE, &context);
        let (min, max) = match (min, max) {
            (Some(min), Some(max)) if (0..max).contains(&min) && max <= 10 => (min as u8, max as u8),
            _ => fail(&format!(
                "{QFILE}: {context} needs `min` and `max` with 0 <= min < max <= 10"
            )),
        };
        if !scored_domain {
            fail(&format!(
                "{QFILE}: {context} is a scale, so its domain must be a scored one"
            ));
        }
        need_key(&format!("q.{id}.min_label"), source, QFILE, &context);
        need_key(&format!("q.{id}.max_label"), source, QFILE, &context);
        (Vec::new(), Some((min, max)))
    } else {
        if table.contains_key("min") || table.contains_key("max") {
            fail(&format!(
                "{QFILE}: {context} is not a scale and cannot have `min` or `max`"
            ));
        }
        let options = match (table.get("options"), table.get("option_set")) {
            (Some(_), None) => read_options(table, &format!("q.{id}.opt"), source, &context),
            (None, Some(toml::Value::String(set))) => {
                let options = option_sets.get(set).unwrap_or_else(|| {
                    fail(&format!(
                        "{QFILE}: {context} names option set `{set}`, which is not an [[option_set]]"
                    ))
                });
                options
                    .iter()
                    .map(|o| QOption {
                        id: o.id.clone(),
                        text_key: o.text_key.clone(),
                        points: o.points,
                        exclusive: o.exclusive,
                        safety: o.safety.clone(),
                        strong_distress: o.strong_distress,
                    })
                    .collect()
            }
            _ => fail(&format!(
                "{QFILE}: {context} needs either `options` or `option_set` (text)"
            )),
        };
        if scored_domain && !options.iter().any(|o| o.points.is_some()) {
            fail(&format!(
                "{QFILE}: {context} counts towards `{domain}` but none of its options has points"
            ));
        }
        if !scored_domain {
            if let Some(o) = options.iter().find(|o| o.points.is_some()) {
                fail(&format!(
                    "{QFILE}: option `{}` of {context} has points, but `{domain}` questions are unscored",
                    o.id
                ));
            }
        }
        // A scale reads from its lowest answer to its highest; the points must follow that
        // order, so a scale with its points flipped cannot slip through (the property tests
        // define "a higher answer" by points, and would not notice).
        if kind == "single" && scored_domain {
            let points: Vec<(&str, u8)> = options
                .iter()
                .filter_map(|o| Some((o.id.as_str(), o.points?)))
                .collect();
            if let Some(pair) = points.windows(2).find(|pair| pair[1].1 < pair[0].1) {
                fail(&format!(
                    "{QFILE}: the points of {context} go down from `{}` ({}) to `{}` ({}); scored options must be listed from the fewest points to the most",
                    pair[0].0, pair[0].1, pair[1].0, pair[1].1
                ));
            }
        }
        if kind == "single" && options.iter().any(|o| o.exclusive) {
            fail(&format!(
                "{QFILE}: {context} picks one answer, so `exclusive` means nothing there"
            ));
        }
        (options, None)
    };

    if scored_domain {
        need_key(&format!("drivers.{id}"), source, QFILE, &context);
    }
    let strength = flag_of(table, "strength", QFILE, &context);
    if strength {
        if !scored_domain {
            fail(&format!("{QFILE}: {context} is unscored, so it cannot name a strength"));
        }
        need_key(&format!("strengths.{id}"), source, QFILE, &context);
    }
    let step = match table.get("step") {
        None => None,
        Some(_) => {
            let step = text_of(table, "step", QFILE, &context).to_owned();
            need_key(&format!("steps.{step}"), source, QFILE, &context);
            Some(step)
        }
    };
    let prefer_not_to_say_safety = match table.get("prefer_not_to_say_safety") {
        None => None,
        Some(_) => {
            if !sensitive {
                fail(&format!(
                    "{QFILE}: {context} has `prefer_not_to_say_safety` but does not offer \"Prefer not to say\""
                ));
            }
            let flag = text_of(table, "prefer_not_to_say_safety", QFILE, &context);
            Some(one_of(flag, &SAFETY_FLAGS, "prefer_not_to_say_safety", QFILE, &context).to_owned())
        }
    };
    // Someone who will not say whether they are safe may be the person most at risk: a safety
    // question that offers "Prefer not to say" must name the sign that answer raises.
    if domain == "safety" && sensitive && prefer_not_to_say_safety.is_none() {
        fail(&format!(
            "{QFILE}: {context} is a safety question that offers \"Prefer not to say\", so it needs `prefer_not_to_say_safety`"
        ));
    }

    let show_if = match table.get("show_if") {
        None => Vec::new(),
        Some(toml::Value::Array(conditions)) => conditions
            .iter()
            .map(|condition| read_condition(condition, earlier, &context, true))
            .collect(),
        Some(_) => fail(&format!("{QFILE}: `show_if` of {context} must be a list of conditions")),
    };

    QQuestion {
        id,
        section,
        kind,
        scale,
        domain,
        constructs: question_constructs,
        time_frame,
        optional,
        sensitive,
        hint,
        options,
        show_if,
        prefer_not_to_say_safety,
        strength,
        step,
    }
}

/// One `show_if` condition: `{ question = ..., any_of = [...] }`, optionally with
/// `or = [{ question = ..., any_of = [...] }, ...]` (alternatives, which cannot nest further).
fn read_condition(value: &toml::Value, earlier: &[QQuestion], context: &str, top: bool) -> QCondition {
    let condition = value.as_table().unwrap_or_else(|| {
        fail(&format!(
            "{QFILE}: every `show_if` of {context} must be {{ question = ..., any_of = [...] }}"
        ))
    });
    let known_fields: &[&str] = if top {
        &["question", "any_of", "or"]
    } else {
        &["question", "any_of"]
    };
    reject_unknown_fields(condition, known_fields, QFILE, context);
    let target = text_of(condition, "question", QFILE, context).to_owned();
    let target_q = earlier.iter().find(|q| q.id == target).unwrap_or_else(|| {
        fail(&format!(
            "{QFILE}: `show_if` of {context} names `{target}`, which is not an earlier question"
        ))
    });
    let any_of = texts_of(condition, "any_of", QFILE, context);
    if any_of.is_empty() {
        fail(&format!("{QFILE}: `show_if` of {context} needs a non-empty `any_of`"));
    }
    for m in &any_of {
        let known = target_q.options.iter().any(|o| o.id == *m)
            || (m == "unanswered" && target_q.optional)
            || (m == "prefer_not_to_say" && target_q.sensitive)
            || (m == "hidden" && !target_q.show_if.is_empty());
        if !known {
            fail(&format!(
                "{QFILE}: `show_if` of {context} names `{m}`, which `{target}` cannot be answered with"
            ));
        }
    }
    let or = match condition.get("or") {
        None => Vec::new(),
        Some(toml::Value::Array(alternatives)) if !alternatives.is_empty() => alternatives
            .iter()
            .map(|alternative| read_condition(alternative, earlier, context, false))
            .collect(),
        Some(_) => fail(&format!(
            "{QFILE}: `or` in `show_if` of {context} must be a non-empty list of conditions"
        )),
    };
    QCondition {
        question: target,
        any_of,
        or,
    }
}

/// A generated `Condition { ... }` literal.
fn condition_rs(c: &QCondition) -> String {
    let matches: Vec<String> = c
        .any_of
        .iter()
        .map(|m| match m.as_str() {
            "prefer_not_to_say" => "Match::PreferNotToSay".to_owned(),
            "unanswered" => "Match::Unanswered".to_owned(),
            "hidden" => "Match::Hidden".to_owned(),
            other => format!("Match::Option({other:?})"),
        })
        .collect();
    let or: Vec<String> = c.or.iter().map(condition_rs).collect();
    format!(
        "Condition {{ question: {:?}, any_of: &[{}], or: &[{}] }}",
        c.question,
        matches.join(", "),
        or.join(", ")
    )
}

fn msg(key: &str) -> String {
    format!("Msg::{}", variant_name(key))
}

fn option_msg(key: Option<String>) -> String {
    match key {
        Some(k) => format!("Some({})", msg(&k)),
        None => "None".to_owned(),
    }
}

fn questionnaire_rs(q: &Questionnaire) -> String {
    let mut rs = String::from("// @generated by build.rs from content/questionnaire.toml. Do not edit.\n\n");
    let _ = writeln!(
        rs,
        "/// The version of the questionnaire, from `content/questionnaire.toml`; saved with answers.\npub const QUESTIONNAIRE_VERSION: u32 = {};\n",
        q.version
    );
    rs.push_str("static CONSTRUCTS: &[Construct] = &[\n");
    for c in &q.constructs {
        let _ = writeln!(
            rs,
            "    Construct {{ id: {:?}, side: Side::{}, source: {:?} }},",
            c.id,
            variant_name(&c.side),
            c.source
        );
    }
    rs.push_str("];\n\nstatic SECTIONS: &[Section] = &[\n");
    for s in &q.sections {
        let _ = writeln!(
            rs,
            "    Section {{ id: {s:?}, title: {}, intro: {} }},",
            msg(&format!("section.{s}.title")),
            msg(&format!("section.{s}.intro"))
        );
    }
    rs.push_str("];\n\nstatic QUESTIONS: &[Question] = &[\n");
    for question in &q.questions {
        let id = &question.id;
        let kind = match (question.kind.as_str(), question.scale) {
            ("scale", Some((min, max))) => format!(
                "QuestionKind::Scale {{ min: {min}, max: {max}, min_label: {}, max_label: {} }}",
                msg(&format!("q.{id}.min_label")),
                msg(&format!("q.{id}.max_label"))
            ),
            ("multiple", _) => "QuestionKind::Multiple".to_owned(),
            _ => "QuestionKind::Single".to_owned(),
        };
        let _ = writeln!(
            rs,
            "    Question {{\n        id: {id:?},\n        section: {:?},",
            question.section
        );
        let _ = writeln!(
            rs,
            "        kind: {kind},\n        domain: Domain::{},",
            variant_name(&question.domain)
        );
        // Only the content checks read a question's constructs (here, and natively in the
        // tests): the WebAssembly build leaves them out.
        let _ = writeln!(
            rs,
            "        #[cfg(not(target_arch = \"wasm32\"))]\n        constructs: &{:?},\n        #[cfg(target_arch = \"wasm32\")]\n        constructs: &[],",
            question.constructs
        );
        let _ = writeln!(
            rs,
            "        time_frame: TimeFrame::{},\n        optional: {},\n        sensitive: {},",
            variant_name(&question.time_frame),
            question.optional,
            question.sensitive
        );
        let _ = writeln!(
            rs,
            "        text: {},\n        hint: {},",
            msg(&format!("q.{id}.text")),
            option_msg(question.hint.then(|| format!("q.{id}.hint")))
        );
        rs.push_str("        options: &[\n");
        for o in &question.options {
            let _ = writeln!(
                rs,
                "            AnswerOption {{ id: {:?}, text: {}, points: {:?}, exclusive: {}, safety: {}, strong_distress: {} }},",
                o.id,
                msg(&o.text_key),
                o.points,
                o.exclusive,
                match &o.safety {
                    Some(f) => format!("Some(SafetyFlag::{})", variant_name(f)),
                    None => "None".to_owned(),
                },
                o.strong_distress
            );
        }
        rs.push_str("        ],\n        show_if: &[\n");
        for c in &question.show_if {
            let _ = writeln!(rs, "            {},", condition_rs(c));
        }
        rs.push_str("        ],\n");
        let _ = writeln!(
            rs,
            "        prefer_not_to_say_safety: {},",
            match &question.prefer_not_to_say_safety {
                Some(f) => format!("Some(SafetyFlag::{})", variant_name(f)),
                None => "None".to_owned(),
            }
        );
        let scored = SCORED_DOMAINS.contains(&question.domain.as_str());
        let _ = writeln!(
            rs,
            "        driver: {},\n        strength: {},\n        step: {},\n    }},",
            option_msg(scored.then(|| format!("drivers.{id}"))),
            option_msg(question.strength.then(|| format!("strengths.{id}"))),
            option_msg(question.step.as_ref().map(|s| format!("steps.{s}")))
        );
    }
    rs.push_str("];\n\n");
    rs.push_str(
        "/// The check-in, as written in `content/questionnaire.toml`.\npub static QUESTIONNAIRE: Questionnaire = Questionnaire {\n    version: QUESTIONNAIRE_VERSION,\n    constructs: CONSTRUCTS,\n    sections: SECTIONS,\n    questions: QUESTIONS,\n};\n",
    );
    rs
}

// --- Groups ---------------------------------------------------------------------------------

const GFILE: &str = "groups.toml";
const GROUP_TYPES: [&str; 4] = ["twelve_step", "clinical", "mutual", "online"];
const APPROACHES: [&str; 6] = ["spiritual", "non_theistic", "secular", "christian", "clinical", "mixed"];
const GOALS: [&str; 3] = ["abstinence", "moderation", "family"];
const REGION_CODES: [&str; 6] = ["US", "CA", "GB", "IE", "AU", "NZ"];

fn groups_rs(doc: &toml::Table, q: &Questionnaire, source: &BTreeMap<String, String>) -> String {
    reject_unknown_fields(doc, &["checked", "type", "example", "rule"], GFILE, "the file");
    let checked = text_of(doc, "checked", GFILE, "the file");
    let mut rs = String::from("// @generated by build.rs from content/groups.toml. Do not edit.\n\n");
    let _ = writeln!(
        rs,
        "/// When the group links were last opened and checked, as the content file says.\npub const LINKS_CHECKED: &str = {checked:?};\n"
    );

    let types: Vec<String> = table_list(doc, "type", GFILE)
        .into_iter()
        .map(|t| {
            reject_unknown_fields(t, &["id"], GFILE, "a [[type]]");
            let id = one_of(
                text_of(t, "id", GFILE, "a [[type]]"),
                &GROUP_TYPES,
                "id",
                GFILE,
                "a [[type]]",
            );
            need_key(&format!("groups.{id}.name"), source, GFILE, &format!("type `{id}`"));
            need_key(&format!("groups.{id}.about"), source, GFILE, &format!("type `{id}`"));
            need_key(
                &format!("groups.{id}.default_reason"),
                source,
                GFILE,
                &format!("type `{id}`"),
            );
            id.to_owned()
        })
        .collect();
    if types != GROUP_TYPES {
        fail(&format!(
            "{GFILE}: the [[type]]s must be exactly {GROUP_TYPES:?}, in that order (the seed article's four types)"
        ));
    }

    let substance_ids: Vec<&str> = q
        .question("recovery_from")
        .map(|r| r.options.iter().map(|o| o.id.as_str()).collect())
        .unwrap_or_default();
    rs.push_str(
        "/// Every named example, in the order of the content file.\npub static EXAMPLES: &[GroupExample] = &[\n",
    );
    let mut example_ids: Vec<String> = Vec::new();
    for e in table_list(doc, "example", GFILE) {
        let id = text_of(e, "id", GFILE, "an [[example]]").to_owned();
        let context = format!("example `{id}`");
        reject_unknown_fields(
            e,
            &[
                "id",
                "name",
                "url",
                "types",
                "approach",
                "goal",
                "substances",
                "women_only",
                "regions",
            ],
            GFILE,
            &context,
        );
        if example_ids.contains(&id) {
            fail(&format!("{GFILE}: two examples are called `{id}`"));
        }
        example_ids.push(id.clone());
        let name = text_of(e, "name", GFILE, &context);
        need_key(name, source, GFILE, &context);
        let url = match e.get("url") {
            None => None,
            Some(_) => {
                let url = text_of(e, "url", GFILE, &context);
                if !url.starts_with("https://") {
                    fail(&format!("{GFILE}: the url of {context} must start with https://"));
                }
                Some(url)
            }
        };
        let example_types = texts_of(e, "types", GFILE, &context);
        if example_types.is_empty() {
            fail(&format!("{GFILE}: {context} needs `types`"));
        }
        for t in &example_types {
            one_of(t, &GROUP_TYPES, "types", GFILE, &context);
        }
        let approach = one_of(
            text_of(e, "approach", GFILE, &context),
            &APPROACHES,
            "approach",
            GFILE,
            &context,
        );
        let goal = one_of(text_of(e, "goal", GFILE, &context), &GOALS, "goal", GFILE, &context);
        let substances = texts_of(e, "substances", GFILE, &context);
        for s in &substances {
            one_of(s, &substance_ids, "substances", GFILE, &context);
        }
        let regions = texts_of(e, "regions", GFILE, &context);
        for r in &regions {
            one_of(r, &REGION_CODES, "regions", GFILE, &context);
        }
        let about = format!("groups.example.{id}");
        need_key(&about, source, GFILE, &context);
        let _ = writeln!(
            rs,
            "    GroupExample {{\n        id: {id:?},\n        name: {},\n        url: {},\n        about: {},",
            msg(name),
            option_rs(url),
            msg(&about)
        );
        let types_rs: Vec<String> = example_types
            .iter()
            .map(|t| format!("GroupType::{}", variant_name(t)))
            .collect();
        let regions_rs: Vec<String> = regions
            .iter()
            .map(|r| format!("Region::{}", variant_name(&r.to_lowercase())))
            .collect();
        let _ = writeln!(
            rs,
            "        types: &[{}],\n        approach: Approach::{},\n        goal: GroupGoal::{},\n        substances: &{:?},\n        women_only: {},\n        regions: &[{}],\n    }},",
            types_rs.join(", "),
            variant_name(approach),
            variant_name(goal),
            substances,
            flag_of(e, "women_only", GFILE, &context),
            regions_rs.join(", ")
        );
    }
    rs.push_str("];\n\n");

    rs.push_str("/// The ranking rules, in the order of the content file.\npub static RULES: &[GroupRule] = &[\n");
    for (index, r) in table_list(doc, "rule", GFILE).into_iter().enumerate() {
        let context = format!("rule {} (counting from 1)", index + 1);
        reject_unknown_fields(r, &["question", "any_of", "group", "points", "reason"], GFILE, &context);
        let question = text_of(r, "question", GFILE, &context);
        let target = q.question(question).unwrap_or_else(|| {
            fail(&format!(
                "{GFILE}: {context} names question `{question}`, which {QFILE} lacks"
            ))
        });
        let any_of = texts_of(r, "any_of", GFILE, &context);
        if any_of.is_empty() {
            fail(&format!("{GFILE}: {context} needs a non-empty `any_of`"));
        }
        for m in &any_of {
            if !target.options.iter().any(|o| o.id == *m) {
                fail(&format!(
                    "{GFILE}: {context} names option `{m}`, which question `{question}` does not have"
                ));
            }
        }
        let group = one_of(
            text_of(r, "group", GFILE, &context),
            &GROUP_TYPES,
            "group",
            GFILE,
            &context,
        );
        let points = int_of(r, "points", GFILE, &context)
            .filter(|p| (-3..=3).contains(p))
            .unwrap_or_else(|| fail(&format!("{GFILE}: {context} needs `points` from -3 to 3")));
        let reason = format!("groups.reason.{}", text_of(r, "reason", GFILE, &context));
        need_key(&reason, source, GFILE, &context);
        let _ = writeln!(
            rs,
            "    GroupRule {{ question: {question:?}, any_of: &{any_of:?}, group: GroupType::{}, points: {points}, reason: {} }},",
            variant_name(group),
            msg(&reason)
        );
    }
    rs.push_str("];\n");
    rs
}
