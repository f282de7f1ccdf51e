//! Storage keys: `recovery-checkin:<namespace>:<what>`.
//!
//! `localStorage` is shared by the whole partner site and by every copy of the widget on it,
//! so every key the widget touches starts with [`KEY_PREFIX`] and its namespace (from the
//! embed configuration, [`DEFAULT_NAMESPACE`] otherwise). Anything else is not ours, and the
//! widget never reads, writes or deletes it. The namespace has no `:`, so the prefix of one
//! namespace is never the start of another's (`a:` is not a prefix of `a-b:`).
//!
//! | key | holds |
//! |---|---|
//! | `recovery-checkin:<ns>:draft` | the check-in in progress |
//! | `recovery-checkin:<ns>:checkin:<id>` | one completed check-in (one key each) |
//! | `recovery-checkin:<ns>:settings` | the person's storage choices |
//! | `recovery-checkin:<ns>:aside:<what>:<n>` | a value that could not be read, kept verbatim |
//! | `recovery-checkin:<ns>:lock`, `lock-next`, `next:<what>` | the lock's record and a change of passphrase under way (`embed/loader.js`, `docs/storage.md`) |

use std::fmt;

use crate::decimal::decimal;

/// The first part of every key the widget uses.
pub const KEY_PREFIX: &str = "recovery-checkin";
/// The namespace when the embed configuration gives none (or a bad one).
pub const DEFAULT_NAMESPACE: &str = "default";
/// The longest namespace allowed, in characters.
pub const NAMESPACE_MAX_LEN: usize = 40;
/// The longest check-in id allowed, in characters.
pub const ID_MAX_LEN: usize = 64;

/// A checked namespace: 1 to [`NAMESPACE_MAX_LEN`] lowercase ASCII letters, digits and `-`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Namespace(String);

/// Why a namespace was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NamespaceError {
    /// It is empty.
    Empty,
    /// It is longer than [`NAMESPACE_MAX_LEN`] characters.
    TooLong {
        /// Its length in characters.
        len: usize,
    },
    /// It holds a character other than `a-z`, `0-9` and `-`.
    NotAllowed {
        /// The first such character.
        found: char,
    },
}

impl fmt::Display for NamespaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NamespaceError::Empty => f.write_str("the namespace is empty"),
            NamespaceError::TooLong { len } => {
                write!(
                    f,
                    "the namespace has {len} characters, at most {NAMESPACE_MAX_LEN} are allowed"
                )
            }
            NamespaceError::NotAllowed { found } => {
                write!(f, "the namespace may hold only a-z, 0-9 and '-', not '{found}'")
            }
        }
    }
}

impl std::error::Error for NamespaceError {}

impl Default for Namespace {
    fn default() -> Namespace {
        Namespace(DEFAULT_NAMESPACE.to_owned())
    }
}

impl fmt::Display for Namespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Namespace {
    /// Checks a namespace from the embed configuration. Nothing is trimmed or lowercased: a
    /// namespace that is not exactly right is an error, which the web layer reports (for the
    /// partner, in the console) before falling back to [`Namespace::default`].
    pub fn parse(text: &str) -> Result<Namespace, NamespaceError> {
        if text.is_empty() {
            return Err(NamespaceError::Empty);
        }
        if let Some(found) = text
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(NamespaceError::NotAllowed { found });
        }
        // Only ASCII is left, so bytes are characters.
        if text.len() > NAMESPACE_MAX_LEN {
            return Err(NamespaceError::TooLong { len: text.len() });
        }
        Ok(Namespace(text.to_owned()))
    }

    /// [`Namespace::parse`], or the default namespace and the reason when `text` is refused.
    pub fn parse_or_default(text: Option<&str>) -> (Namespace, Option<NamespaceError>) {
        match text.map(Namespace::parse) {
            None => (Namespace::default(), None),
            Some(Ok(ns)) => (ns, None),
            Some(Err(e)) => (Namespace::default(), Some(e)),
        }
    }

    /// The namespace as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `recovery-checkin:<ns>:`, the start of every key of this namespace.
    pub fn prefix(&self) -> String {
        [KEY_PREFIX, ":", &self.0, ":"].concat()
    }

    /// The key `rest` of this namespace: its prefix, then `rest`. Keys are joined with
    /// `concat`, not `format!`, whose machinery is code at every place it is used.
    fn key(&self, rest: &[&str]) -> String {
        let mut key = self.prefix();
        for part in rest {
            key.push_str(part);
        }
        key
    }
}

/// What a key of this namespace holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum KeyKind {
    /// The check-in in progress.
    Draft,
    /// A completed check-in, by id.
    CheckIn(String),
    /// The person's storage choices.
    Settings,
    /// The choice to delete the check-in in progress on quick exit: on while the key is there.
    ExitClearsDraft,
    /// A value that could not be read, kept aside verbatim.
    Aside {
        /// What the key held before: the part after the namespace, such as `draft` or
        /// `checkin:<id>`.
        of: String,
        /// The number that keeps several aside copies of one key apart, from 1.
        n: u32,
    },
}

/// Whether `id` can name a check-in: 1 to [`ID_MAX_LEN`] ASCII letters, digits, `-` and `_`.
/// Ids come from the web layer (time plus a random part) and from imported files; the limit
/// keeps keys short and free of `:`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= ID_MAX_LEN && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The key of the check-in in progress.
pub fn draft_key(ns: &Namespace) -> String {
    ns.key(&["draft"])
}

/// The key of the storage choices.
pub fn settings_key(ns: &Namespace) -> String {
    ns.key(&["settings"])
}

/// The key whose presence is the choice to delete the check-in in progress on quick exit.
pub fn exit_clears_draft_key(ns: &Namespace) -> String {
    ns.key(&["exit-clears-draft"])
}

/// The key of one completed check-in (the id is not checked here: see [`is_valid_id`]).
pub fn checkin_key(ns: &Namespace, id: &str) -> String {
    ns.key(&["checkin:", id])
}

/// The key of the `n`th aside copy of the value once under `key`. `None` when `key` is not a
/// key of this namespace.
pub fn aside_key(ns: &Namespace, key: &str, n: u32) -> Option<String> {
    let what = key.strip_prefix(&ns.prefix())?;
    Some(ns.key(&["aside:", what, ":", &decimal(u64::from(n))]))
}

/// Whether `key` belongs to this namespace of the widget (whether or not it is a key the
/// widget knows). The web layer filters storage events with it.
pub fn is_ours(ns: &Namespace, key: &str) -> bool {
    key.starts_with(&ns.prefix())
}

/// What a key of this namespace holds; `None` for a key of anyone else, and for a key under
/// our prefix that this version does not know (left alone, except by "delete everything").
pub fn parse_key(ns: &Namespace, key: &str) -> Option<KeyKind> {
    let what = key.strip_prefix(&ns.prefix())?;
    match what {
        "draft" => return Some(KeyKind::Draft),
        "settings" => return Some(KeyKind::Settings),
        "exit-clears-draft" => return Some(KeyKind::ExitClearsDraft),
        _ => {}
    }
    if let Some(id) = what.strip_prefix("checkin:") {
        return is_valid_id(id).then(|| KeyKind::CheckIn(id.to_owned()));
    }
    let rest = what.strip_prefix("aside:")?;
    let (of, digits) = rest.rsplit_once(':')?;
    let n: u32 = digits.parse().ok().filter(|n| *n >= 1)?;
    // Digits only: `parse` would also take a leading `+`.
    if of.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(KeyKind::Aside { of: of.to_owned(), n })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ns(text: &str) -> Namespace {
        Namespace::parse(text).expect("a good namespace")
    }

    #[test]
    fn namespaces_are_lowercase_letters_digits_and_dashes() {
        assert_eq!(ns("default").as_str(), "default");
        assert_eq!(ns("clinic-42").as_str(), "clinic-42");
        assert_eq!(ns(&"a".repeat(40)).as_str().len(), 40);
        assert_eq!(Namespace::parse(""), Err(NamespaceError::Empty));
        assert_eq!(
            Namespace::parse(&"a".repeat(41)),
            Err(NamespaceError::TooLong { len: 41 })
        );
        for (bad, found) in [("Clinic", 'C'), ("a:b", ':'), ("a b", ' '), ("é", 'é'), ("a_b", '_')] {
            assert_eq!(
                Namespace::parse(bad),
                Err(NamespaceError::NotAllowed { found }),
                "{bad}"
            );
        }
        assert_eq!(Namespace::default().as_str(), DEFAULT_NAMESPACE);
    }

    #[test]
    fn a_bad_namespace_falls_back_to_the_default_with_its_reason() {
        assert_eq!(Namespace::parse_or_default(None), (Namespace::default(), None));
        assert_eq!(Namespace::parse_or_default(Some("team-a")), (ns("team-a"), None));
        assert_eq!(
            Namespace::parse_or_default(Some("Team A")),
            (Namespace::default(), Some(NamespaceError::NotAllowed { found: 'T' }))
        );
    }

    #[test]
    fn keys_are_namespaced_and_parse_back() {
        let ns = ns("team-a");
        assert_eq!(draft_key(&ns), "recovery-checkin:team-a:draft");
        assert_eq!(settings_key(&ns), "recovery-checkin:team-a:settings");
        assert_eq!(exit_clears_draft_key(&ns), "recovery-checkin:team-a:exit-clears-draft");
        assert_eq!(
            parse_key(&ns, &exit_clears_draft_key(&ns)),
            Some(KeyKind::ExitClearsDraft)
        );
        assert_eq!(checkin_key(&ns, "abc-1"), "recovery-checkin:team-a:checkin:abc-1");
        let aside = aside_key(&ns, &checkin_key(&ns, "abc-1"), 2).expect("ours");
        assert_eq!(aside, "recovery-checkin:team-a:aside:checkin:abc-1:2");
        assert_eq!(aside_key(&ns, "someone-else", 1), None);

        assert_eq!(parse_key(&ns, &draft_key(&ns)), Some(KeyKind::Draft));
        assert_eq!(parse_key(&ns, &settings_key(&ns)), Some(KeyKind::Settings));
        assert_eq!(
            parse_key(&ns, &checkin_key(&ns, "abc-1")),
            Some(KeyKind::CheckIn("abc-1".into()))
        );
        assert_eq!(
            parse_key(&ns, &aside),
            Some(KeyKind::Aside {
                of: "checkin:abc-1".into(),
                n: 2
            })
        );
    }

    #[test]
    fn other_keys_are_not_ours() {
        let a = ns("a");
        let ab = ns("a-b");
        for key in [
            "recovery-checkin:a-b:draft",
            "recovery-checkin:default:draft",
            "recovery-checkin:a",
            "recovery-checkin:A:draft",
            "theme",
            "",
        ] {
            assert!(!is_ours(&a, key), "{key}");
            assert_eq!(parse_key(&a, key), None, "{key}");
        }
        assert!(is_ours(&ab, "recovery-checkin:a-b:draft"));
        assert!(is_ours(&a, "recovery-checkin:a:something-new"));
        for unknown in [
            "recovery-checkin:a:something-new",
            "recovery-checkin:a:checkin:",
            "recovery-checkin:a:checkin:bad:id",
            "recovery-checkin:a:aside:draft",
            "recovery-checkin:a:aside:draft:0",
            "recovery-checkin:a:aside:draft:+1",
            "recovery-checkin:a:aside::1",
            "recovery-checkin:a:aside:draft:x",
        ] {
            assert_eq!(parse_key(&a, unknown), None, "{unknown}");
        }
    }

    #[test]
    fn ids_are_short_and_plain() {
        assert!(is_valid_id("1767225600000-k3f9"));
        assert!(is_valid_id("A_b-9"));
        assert!(is_valid_id(&"x".repeat(ID_MAX_LEN)));
        for bad in ["", "a:b", "a b", "é", "a/b"] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
        assert!(!is_valid_id(&"x".repeat(ID_MAX_LEN + 1)));
    }
}
