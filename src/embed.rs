//! The embed configuration: what a partner page sets on `<recovery-checkin>` (or passes to
//! `mount(element, options)`), read and checked. Pure: the web layer hands over the attributes
//! and the text of the resources `<script type="application/json">` as strings.
//!
//! Nothing a partner writes can stop the widget: a value that is not right is replaced by its
//! default and a [`Warning`] names the attribute (the web layer logs it to the console). The
//! partner's own texts (name, resources) are kept as plain text, to be shown as text, never as
//! markup; their links are `https:`, `tel:` or `sms:` only. `docs/embedding.md` documents every
//! option for partners.

use std::fmt;

use crate::help::{dial_target, Region};
use crate::i18n::Locale;
use crate::storage::json::{self, Value};
use crate::storage::{Namespace, NamespaceError};

/// The widget's own attributes (and `mount` options), as partners write them.
pub const OPTIONS: [&str; 6] = ["lang", "region", "namespace", "theme", "exit-url", "partner-name"];

/// Attributes any HTML element may carry: allowed on the widget, and not the widget's business.
/// `data-*` and `aria-*` are allowed too. Anything else is reported as unknown (a typo such as
/// `regoin` would otherwise pass unseen).
const GLOBAL_ATTRIBUTES: [&str; 14] = [
    "id",
    "class",
    "style",
    "hidden",
    "title",
    "slot",
    "part",
    "exportparts",
    "dir",
    "translate",
    "tabindex",
    "role",
    "inert",
    "nonce",
];

/// Where quick exit goes when the partner names no page: a neutral page, as GOV.UK's "Exit
/// this page" does (BBC Weather).
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";
/// The longest exit URL accepted, in bytes.
pub const EXIT_URL_MAX: usize = 2000;
/// The longest partner name accepted, in characters.
pub const PARTNER_NAME_MAX: usize = 80;
/// The largest resources JSON read, in bytes; a larger one is refused before it is parsed.
pub const RESOURCES_MAX_BYTES: usize = 16 * 1024;
/// The most resources shown; the rest are left out.
pub const RESOURCES_MAX_ITEMS: usize = 20;
/// The most links of one resource.
pub const LINKS_MAX: usize = 4;
/// The longest resource name, in characters.
pub const RESOURCE_NAME_MAX: usize = 100;
/// The longest `when` of a resource, in characters.
pub const RESOURCE_WHEN_MAX: usize = 100;
/// The longest description of a resource, in characters.
pub const RESOURCE_DESCRIPTION_MAX: usize = 400;
/// The longest link label, in characters.
pub const LINK_LABEL_MAX: usize = 60;
/// The longest link, in bytes.
pub const LINK_MAX: usize = 500;
/// The longest phone number of a `tel:` or `sms:` link, in characters.
pub const NUMBER_MAX: usize = 32;

/// The colours: the person's system setting, or always light, or always dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The widget's configuration on one partner page, every value checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The language the `lang` attribute asks for, if it names one the widget has. It comes
    /// first; then the person's saved choice and the browser's languages
    /// ([`Locale::choose`], done by the web layer, which reads the saved choice).
    pub lang: Option<Locale>,
    /// Whose crisis contacts to show first.
    pub region: Region,
    /// Where the widget keeps its data (`docs/storage.md`).
    pub namespace: Namespace,
    /// The colours. The stylesheet reads the `theme` attribute itself (`:host([theme=dark i])`),
    /// which accepts exactly what [`Theme`] does; this value is for checking and reporting.
    pub theme: Theme,
    /// Where quick exit goes: an `https:` URL or a path on the partner's site.
    pub exit_url: String,
    /// The partner's name and resources.
    pub partner: Partner,
}

/// The partner's own name and resources, as plain text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Partner {
    /// The partner's name, such as "Harbour Lane Recovery Community".
    pub name: Option<String>,
    /// Their groups, meetings, phone lines and links, in the order given.
    pub resources: Vec<Resource>,
}

/// One of the partner's resources: a group, a meeting, a phone line.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// What it is called.
    pub name: String,
    /// When it happens, such as "Thursdays, 7 pm".
    pub when: Option<String>,
    /// What it is, in a sentence or two.
    pub description: Option<String>,
    /// Where to go, call or text.
    pub links: Vec<Link>,
}

/// A checked link of a resource.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// A web page, a number to call, a number to text.
    pub kind: LinkKind,
    /// The `href`: the `https:` URL as given, or `tel:`/`sms:` and the digits.
    pub href: String,
    /// For `tel:` and `sms:`, the number as the partner wrote it, to show.
    pub number: Option<String>,
    /// The partner's text for the link; without one the widget says "Call {number}", "Text
    /// {number}" or "{name} website".
    pub label: Option<String>,
}

/// What a [`Link`] does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// An `https:` page.
    Web,
    /// A `tel:` number.
    Call,
    /// An `sms:` number.
    Text,
}

/// An event the widget sends to the host page. It carries no answers and no scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostEvent {
    /// The person started a new check-in (not when continuing an unfinished one).
    Started,
    /// The person finished a check-in and sees the results.
    Completed,
    /// The person pressed "Leave quickly": for the loader, which hides the page and leaves it
    /// for the exit URL. Not passed on to the host page.
    Exit,
}

impl HostEvent {
    /// The DOM event's type.
    pub fn name(self) -> &'static str {
        match self {
            HostEvent::Started => "checkin-started",
            HostEvent::Completed => "checkin-completed",
            HostEvent::Exit => "exit",
        }
    }
}

/// A value the widget did not take, and what it did instead. Shown to the partner in the
/// console, never to the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// An attribute the widget does not know (ignored).
    UnknownAttribute(String),
    /// `lang` names a language the widget does not have (the visitor's language is used).
    Lang(String),
    /// `region` is not a known region code (the default is used).
    Region(String),
    /// `namespace` is not a plain name (`default` is used).
    Namespace(NamespaceError),
    /// `theme` is not `light`, `dark` or `auto` (`auto` is used).
    Theme(String),
    /// `exit-url` is not an `https:` URL or a path (the default is used).
    ExitUrl(String),
    /// `partner-name` is empty or too long (no name is shown).
    PartnerName(TextProblem),
    /// The resources as a whole were refused (none are shown).
    Resources(ResourcesProblem),
    /// More than [`RESOURCES_MAX_ITEMS`] resources: the rest are left out.
    TooManyResources(usize),
    /// One resource, counted from 1, was left out or changed.
    Resource(usize, ItemProblem),
}

/// Why a text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Nothing but spaces.
    Empty,
    /// Longer than the limit, in characters.
    TooLong(usize),
    /// Not a JSON string.
    NotText,
}

/// Why the resources JSON was refused as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResourcesProblem {
    /// Over [`RESOURCES_MAX_BYTES`]; its size in bytes.
    TooBig(usize),
    /// Not JSON; the parser's reason.
    NotJson(String),
    /// JSON, but not a list.
    NotAList,
}

/// What was wrong with one resource.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemProblem {
    /// Not an object: left out.
    NotAnObject,
    /// Its name is missing or refused: left out.
    Name(TextProblem),
    /// A field the schema does not have: ignored.
    UnknownField(String),
    /// `when` refused: left out of the resource.
    When(TextProblem),
    /// `description` refused: left out of the resource.
    Description(TextProblem),
    /// `links` is not a list: no links.
    LinksNotAList,
    /// More than [`LINKS_MAX`] links: the rest are left out.
    TooManyLinks,
    /// A link, counted from 1, refused: left out.
    Link(usize, LinkProblem),
}

/// Why a link was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// Not an object with a string `href`.
    NotALink,
    /// Not `https:`, `tel:` or `sms:` (or not a well-formed one); the `href` as given.
    Href(String),
    /// The label was refused (the link is kept with the default text).
    Label(TextProblem),
}

impl Warning {
    /// The attribute the warning is about.
    pub fn attribute(&self) -> &str {
        match self {
            Warning::UnknownAttribute(name) => name,
            Warning::Lang(_) => "lang",
            Warning::Region(_) => "region",
            Warning::Namespace(_) => "namespace",
            Warning::Theme(_) => "theme",
            Warning::ExitUrl(_) => "exit-url",
            Warning::PartnerName(_) => "partner-name",
            Warning::Resources(_) | Warning::TooManyResources(_) | Warning::Resource(..) => "resources",
        }
    }
}

impl fmt::Display for Warning {
    /// `recovery-checkin: "<attribute>" [item N:] [link M] ["<value>"] <what was done>`. The
    /// texts are whole strings, limits written in (a test checks them against the constants):
    /// one path that writes them all is a fraction of the wasm a `write!` for each would be.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("recovery-checkin: ")?;
        Quoted(self.attribute()).fmt(f)?;
        let (value, text): (Option<&str>, &str) = match self {
            Warning::UnknownAttribute(_) => (None, "is not an option of the widget; ignored"),
            Warning::Lang(v) => (Some(v), "is not one of en, es; using the visitor's language"),
            Warning::Region(v) => (
                Some(v),
                "is not one of US, CA, GB, IE, AU, NZ, OTHER; using the visitor's region",
            ),
            Warning::Namespace(error) => return write!(f, " refused: {error}; using \"default\""),
            Warning::Theme(v) => (Some(v), "is not light, dark or auto; using auto"),
            Warning::ExitUrl(v) => (
                Some(v),
                "refused: only https: URLs and paths starting with / are allowed; using https://www.bbc.co.uk/weather",
            ),
            Warning::PartnerName(problem) => (None, text_problem(*problem, &PARTNER_NAME_TEXTS)),
            Warning::Resources(ResourcesProblem::TooBig(_)) => {
                (None, "is over 16384 bytes of JSON; no resources are shown")
            }
            Warning::Resources(ResourcesProblem::NotJson(why)) => {
                return write!(f, " is not valid JSON ({why}); no resources are shown")
            }
            Warning::Resources(ResourcesProblem::NotAList) => {
                (None, "is not a JSON list of resources; no resources are shown")
            }
            Warning::TooManyResources(_) => (None, "lists more than 20 resources; the rest are left out"),
            Warning::Resource(item, problem) => {
                write!(f, " item {item}:")?;
                match problem {
                    ItemProblem::NotAnObject => (None, "is not an object; left out"),
                    ItemProblem::Name(p) => (Some("name"), text_problem(*p, &RESOURCE_NAME_TEXTS)),
                    ItemProblem::UnknownField(name) => (Some(name), "is not a field of a resource; ignored"),
                    ItemProblem::When(p) => (Some("when"), text_problem(*p, &WHEN_TEXTS)),
                    ItemProblem::Description(p) => (Some("description"), text_problem(*p, &DESCRIPTION_TEXTS)),
                    ItemProblem::LinksNotAList => (Some("links"), "is not a list; ignored"),
                    ItemProblem::TooManyLinks => (None, "has more than 4 links; the rest are left out"),
                    ItemProblem::Link(link, problem) => {
                        write!(f, " link {link}")?;
                        match problem {
                            LinkProblem::NotALink => (None, "has no \"href\" text; left out"),
                            LinkProblem::Href(href) => (
                                Some(href),
                                "refused: only https:, tel: and sms: links are allowed; left out",
                            ),
                            LinkProblem::Label(p) => (Some("label"), text_problem(*p, &LABEL_TEXTS)),
                        }
                    }
                }
            }
        };
        if let Some(value) = value {
            f.write_str(" ")?;
            Quoted(value).fmt(f)?;
        }
        f.write_str(" ")?;
        f.write_str(text)
    }
}

/// What was wrong with a text and what was done about it: `texts` holds the words for
/// [`TextProblem::Empty`], [`TextProblem::TooLong`] and [`TextProblem::NotText`], in that order.
fn text_problem(problem: TextProblem, texts: &[&'static str; 3]) -> &'static str {
    match problem {
        TextProblem::Empty => texts[0],
        TextProblem::TooLong(_) => texts[1],
        TextProblem::NotText => texts[2],
    }
}

const PARTNER_NAME_TEXTS: [&str; 3] = [
    "is empty; no name is shown",
    "is longer than 80 characters; no name is shown",
    "is not text; no name is shown",
];
const RESOURCE_NAME_TEXTS: [&str; 3] = [
    "is empty; left out",
    "is longer than 100 characters; left out",
    "is not text; left out",
];
const WHEN_TEXTS: [&str; 3] = [
    "is empty; ignored",
    "is longer than 100 characters; ignored",
    "is not text; ignored",
];
const DESCRIPTION_TEXTS: [&str; 3] = [
    "is empty; ignored",
    "is longer than 400 characters; ignored",
    "is not text; ignored",
];
const LABEL_TEXTS: [&str; 3] = [
    "is empty; the default text is shown",
    "is longer than 60 characters; the default text is shown",
    "is not text; the default text is shown",
];

/// A value as the console shows it: in quotes, cut short, with control characters as `?`, so a
/// megabyte-long or multi-line attribute makes a readable warning.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 60;
        f.write_str("\"")?;
        for (shown, c) in self.0.chars().enumerate() {
            if shown == SHOWN {
                return f.write_str("...\"");
            }
            let mut buffer = [0; 4];
            f.write_str(if c.is_control() {
                "?"
            } else {
                c.encode_utf8(&mut buffer)
            })?;
        }
        f.write_str("\"")
    }
}

/// A [`Config`] and what was wrong on the way to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The configuration to use.
    pub config: Config,
    /// One for each value not taken, in the order found.
    pub warnings: Vec<Warning>,
}

/// Reads the widget's configuration.
///
/// - `attributes`: every attribute of the element, name and value (unknown ones are reported).
/// - `resources`: the text of its `<script type="application/json">` child, if it has one.
/// - `languages`: `navigator.languages`, comma-separated; the first gives the region when
///   `region` is not given or refused (`en-NZ`: New Zealand), else `OTHER`.
pub fn parse<'a>(
    attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    resources: Option<&str>,
    languages: &str,
) -> Parsed {
    let mut warnings = Vec::new();
    let (mut lang, mut region, mut theme) = (None, None, Theme::Auto);
    let mut namespace = Namespace::default();
    let mut exit_url = None;
    let mut name = None;
    for (attribute, value) in attributes {
        match attribute {
            "lang" => match Locale::from_tag(value.trim()) {
                Some(l) => lang = Some(l),
                None => warnings.push(Warning::Lang(value.to_owned())),
            },
            "region" => match Region::from_code(value) {
                Some(r) => region = Some(r),
                None => warnings.push(Warning::Region(value.to_owned())),
            },
            "namespace" => {
                let (ns, refused) = Namespace::parse_or_default(Some(value));
                namespace = ns;
                warnings.extend(refused.map(Warning::Namespace));
            }
            "theme" => match parse_theme(value) {
                Some(t) => theme = t,
                None => warnings.push(Warning::Theme(value.to_owned())),
            },
            "exit-url" => match check_exit_url(value) {
                Some(url) => exit_url = Some(url),
                None => warnings.push(Warning::ExitUrl(value.to_owned())),
            },
            "partner-name" => match plain_text(value, PARTNER_NAME_MAX) {
                Ok(text) => name = Some(text),
                Err(problem) => warnings.push(Warning::PartnerName(problem)),
            },
            other if is_global_attribute(other) => {}
            other => warnings.push(Warning::UnknownAttribute(other.to_owned())),
        }
    }
    let resources = resources.map_or_else(Vec::new, |text| read_resources(text, &mut warnings));
    Parsed {
        config: Config {
            lang,
            region: region
                .or_else(|| Region::from_language_tag(languages.split(',').next().unwrap_or_default()))
                .unwrap_or(Region::Other),
            namespace,
            theme,
            exit_url: exit_url.unwrap_or_else(|| DEFAULT_EXIT_URL.to_owned()),
            partner: Partner { name, resources },
        },
        warnings,
    }
}

fn is_global_attribute(name: &str) -> bool {
    GLOBAL_ATTRIBUTES.contains(&name) || name.starts_with("data-") || name.starts_with("aria-")
}

/// `light`, `dark` or `auto`, in any case, with no spaces: exactly what the stylesheet's
/// `[theme=dark i]` matches, so the check and the colours agree.
fn parse_theme(value: &str) -> Option<Theme> {
    [("auto", Theme::Auto), ("light", Theme::Light), ("dark", Theme::Dark)]
        .into_iter()
        .find(|(name, _)| value.eq_ignore_ascii_case(name))
        .map(|(_, theme)| theme)
}

/// An exit URL: an `https:` URL, or a path on the partner's own site (`/`, not `//`). Nothing
/// else: `javascript:` and `data:` would run or show what the URL holds, `http:` can be changed
/// on the way, and a relative path means something else in an iframe.
pub fn check_exit_url(value: &str) -> Option<String> {
    let url = value.trim();
    let fine = url.len() <= EXIT_URL_MAX
        && (https_url(url) || (url.starts_with('/') && !url.starts_with("//") && url_characters(url)));
    fine.then(|| url.to_owned())
}

/// `https://` and a host, in URL characters only.
fn https_url(url: &str) -> bool {
    let Some(rest) = strip_scheme(url, "https://") else {
        return false;
    };
    let host = rest.split_once(['/', '?', '#']).map_or(rest, |(host, _)| host);
    // No user part: `https://trusted.example@elsewhere.example` goes elsewhere.
    !host.is_empty() && !host.contains('@') && url_characters(url)
}

/// No spaces, control characters or backslashes: browsers drop or reinterpret them, so what
/// was checked would not be what is followed.
fn url_characters(url: &str) -> bool {
    !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

/// `text` without `scheme` at its start, the scheme in any case.
fn strip_scheme<'a>(text: &'a str, scheme: &str) -> Option<&'a str> {
    let (head, rest) = text.split_at_checked(scheme.len())?;
    head.eq_ignore_ascii_case(scheme).then_some(rest)
}

/// A partner's text as it will be shown: runs of white space (new lines too) become one space,
/// control characters go, and it must hold something and be at most `max` characters.
fn plain_text(value: &str, max: usize) -> Result<String, TextProblem> {
    let mut text = String::new();
    // Characters so far; counted here, so a megabyte-long value stops at `max`.
    let mut count = 0;
    for word in value.split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
            count += 1;
        }
        for c in word.chars().filter(|c| !c.is_control()) {
            count += 1;
            if count > max {
                return Err(TextProblem::TooLong(max));
            }
            text.push(c);
        }
    }
    if text.is_empty() {
        Err(TextProblem::Empty)
    } else {
        Ok(text)
    }
}

/// A JSON string field as [`plain_text`].
fn json_text(value: &Value, max: usize) -> Result<String, TextProblem> {
    value
        .as_str()
        .ok_or(TextProblem::NotText)
        .and_then(|s| plain_text(s, max))
}

/// The resources JSON: a list of objects with `name`, and optionally `when`, `description`
/// and `links` (a list of `{"href", "label"}`).
fn read_resources(text: &str, warnings: &mut Vec<Warning>) -> Vec<Resource> {
    if text.len() > RESOURCES_MAX_BYTES {
        warnings.push(Warning::Resources(ResourcesProblem::TooBig(text.len())));
        return Vec::new();
    }
    if text.trim().is_empty() {
        return Vec::new();
    }
    let items = match json::parse(text) {
        Ok(Value::Array(items)) => items,
        Ok(_) => {
            warnings.push(Warning::Resources(ResourcesProblem::NotAList));
            return Vec::new();
        }
        Err(error) => {
            warnings.push(Warning::Resources(ResourcesProblem::NotJson(error.to_string())));
            return Vec::new();
        }
    };
    if items.len() > RESOURCES_MAX_ITEMS {
        warnings.push(Warning::TooManyResources(items.len()));
    }
    let mut resources = Vec::new();
    for (index, item) in items.iter().take(RESOURCES_MAX_ITEMS).enumerate() {
        let mut problems = Vec::new();
        if let Some(resource) = read_resource(item, &mut problems) {
            resources.push(resource);
        }
        warnings.extend(problems.into_iter().map(|p| Warning::Resource(index + 1, p)));
    }
    resources
}

fn read_resource(item: &Value, problems: &mut Vec<ItemProblem>) -> Option<Resource> {
    let Value::Object(fields) = item else {
        problems.push(ItemProblem::NotAnObject);
        return None;
    };
    let mut name = Err(TextProblem::Empty);
    let mut resource = Resource {
        name: String::new(),
        when: None,
        description: None,
        links: Vec::new(),
    };
    for (field, value) in fields.iter() {
        match field {
            "name" => name = json_text(value, RESOURCE_NAME_MAX),
            "when" => match json_text(value, RESOURCE_WHEN_MAX) {
                Ok(text) => resource.when = Some(text),
                Err(p) => problems.push(ItemProblem::When(p)),
            },
            "description" => match json_text(value, RESOURCE_DESCRIPTION_MAX) {
                Ok(text) => resource.description = Some(text),
                Err(p) => problems.push(ItemProblem::Description(p)),
            },
            "links" => resource.links = read_links(value, problems),
            other => problems.push(ItemProblem::UnknownField(other.to_owned())),
        }
    }
    match name {
        Ok(name) => {
            resource.name = name;
            Some(resource)
        }
        Err(problem) => {
            problems.push(ItemProblem::Name(problem));
            None
        }
    }
}

fn read_links(value: &Value, problems: &mut Vec<ItemProblem>) -> Vec<Link> {
    let Value::Array(links) = value else {
        problems.push(ItemProblem::LinksNotAList);
        return Vec::new();
    };
    if links.len() > LINKS_MAX {
        problems.push(ItemProblem::TooManyLinks);
    }
    let mut kept = Vec::new();
    for (index, link) in links.iter().take(LINKS_MAX).enumerate() {
        let number = index + 1;
        let Some(href) = (match link {
            Value::Object(fields) => fields.get("href").and_then(Value::as_str),
            _ => None,
        }) else {
            problems.push(ItemProblem::Link(number, LinkProblem::NotALink));
            continue;
        };
        let Some(mut checked) = check_link(href) else {
            problems.push(ItemProblem::Link(number, LinkProblem::Href(href.to_owned())));
            continue;
        };
        if let Value::Object(fields) = link {
            if let Some(label) = fields.get("label") {
                match json_text(label, LINK_LABEL_MAX) {
                    Ok(text) => checked.label = Some(text),
                    Err(p) => problems.push(ItemProblem::Link(number, LinkProblem::Label(p))),
                }
            }
        }
        kept.push(checked);
    }
    kept
}

/// A resource link: `https:` with a host, or `tel:`/`sms:` with a phone number (digits, `+`,
/// spaces, `-`, `.`, brackets; at least three digits). Anything else is refused.
pub fn check_link(href: &str) -> Option<Link> {
    let href = href.trim();
    if href.len() > LINK_MAX {
        return None;
    }
    if https_url(href) {
        return Some(Link {
            kind: LinkKind::Web,
            href: href.to_owned(),
            number: None,
            label: None,
        });
    }
    let (kind, scheme, number) = if let Some(n) = strip_scheme(href, "tel:") {
        (LinkKind::Call, "tel:", n)
    } else if let Some(n) = strip_scheme(href, "sms:") {
        (LinkKind::Text, "sms:", n)
    } else {
        return None;
    };
    let number = number.trim();
    let phone_characters = number
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | ' ' | '(' | ')'));
    let digits = number.chars().filter(char::is_ascii_digit).count();
    (phone_characters && digits >= 3 && number.chars().count() <= NUMBER_MAX).then(|| Link {
        kind,
        href: [scheme, &dial_target(number)].concat(),
        number: Some(number.to_owned()),
        label: None,
    })
}

#[cfg(test)]
mod tests;
