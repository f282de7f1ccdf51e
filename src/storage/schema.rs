//! Versioned envelopes, total decoding, and migrations.
//!
//! Every stored value is one JSON object whose `"v"` field is the storage schema version
//! ([`SCHEMA_VERSION`]) and whose other fields are the payload: `{"v":1,"keep_nothing":false}`.
//! Decoding is a total function from any text to a value or a [`DecodeError`], never a panic:
//! the text comes from a storage any script of the partner site can write, from an older or
//! newer build of the widget, or from a disk that lost the end of it.
//!
//! Two version numbers are migrated, each by a chain of one function per step, so the next
//! version adds one step and every older version keeps working through the chain:
//!
//! - The storage schema (`"v"`): [`SCHEMA_STEPS`]. Version 2 added the person's language to
//!   the settings (`"locale"`); nothing else changed, so its step changes nothing.
//! - The questionnaire a draft's answers belong to: [`DRAFT_STEPS`]. Completed check-ins are
//!   deliberately not migrated: they keep the answers, scores and band they were saved with
//!   (see [`crate::storage::checkin`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::i18n::{Locale, Msg};
use crate::questionnaire::{QUESTIONNAIRE, QUESTIONNAIRE_VERSION};
use crate::session::Session;
use crate::storage::json::{
    self, fields, int, list, optional, required, string, variant, EncodeError, Map, ObjectWriter, ParseError,
    ShapeError, ToJson, Value,
};

/// The storage schema version this build writes. 2: the settings may hold the person's
/// language (`"locale"`, a tag such as `"es"`).
pub const SCHEMA_VERSION: u32 = 2;
/// The oldest storage schema version this build still reads (through [`SCHEMA_STEPS`]).
pub const OLDEST_SCHEMA_VERSION: u32 = 1;
/// The oldest questionnaire version whose drafts this build still resumes.
pub const OLDEST_DRAFT_QUESTIONNAIRE: u32 = 1;

/// Which version number a [`DecodeError`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionOf {
    /// The storage schema (`"v"` of a stored value).
    Schema,
    /// The questionnaire a draft's answers belong to.
    Questionnaire,
    /// The export file format (`"version"` of an export file).
    Export,
}

/// Why a stored value could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is not JSON at all.
    NotJson,
    /// JSON, but not a value of ours: truncated, a wrong type, a missing field, an answer that
    /// does not fit its question. The reason is for logs, not for the person.
    Corrupt(String),
    /// Written by a newer version of the widget. Left untouched, never overwritten.
    FromTheFuture {
        /// Which version number is newer.
        of: VersionOf,
        /// The version found.
        found: u32,
    },
    /// Older than anything this build can migrate.
    Unsupported {
        /// Which version number is too old.
        of: VersionOf,
        /// The version found.
        found: u32,
    },
}

impl DecodeError {
    /// Whether the value was written by a newer version (and so must be left untouched).
    pub fn is_from_the_future(&self) -> bool {
        matches!(self, DecodeError::FromTheFuture { .. })
    }

    /// What to tell the person, in plain words.
    pub fn message(&self) -> Msg {
        match self {
            DecodeError::FromTheFuture { .. } => Msg::StorageNewerVersion,
            DecodeError::NotJson | DecodeError::Corrupt(_) | DecodeError::Unsupported { .. } => {
                Msg::StorageCouldNotRead
            }
        }
    }

    pub(crate) fn corrupt(reason: impl fmt::Display) -> DecodeError {
        DecodeError::Corrupt(reason.to_string())
    }

    /// Sorts a parse error: a syntax error is "not JSON"; running out of text is "corrupt"
    /// (truncated), as are wrong types and missing fields (which are not parse errors).
    pub(crate) fn from_parse(error: ParseError) -> DecodeError {
        match error {
            ParseError::Syntax(_) => DecodeError::NotJson,
            ParseError::Eof(_) => DecodeError::corrupt(format!("truncated: {error}")),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson => f.write_str("not JSON"),
            DecodeError::Corrupt(reason) => write!(f, "corrupt: {reason}"),
            DecodeError::FromTheFuture { of, found } => write!(f, "{of:?} version {found} is newer than this build"),
            DecodeError::Unsupported { of, found } => write!(f, "{of:?} version {found} is too old to read"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// One step of the schema chain: a value's payload at version `n`, to version `n + 1`.
pub type SchemaStep = fn(Map) -> Result<Map, DecodeError>;

/// `SCHEMA_STEPS[i]` turns a payload of schema version `OLDEST_SCHEMA_VERSION + i` into the
/// next version (each with a hand-written fixture of the older version in the tests).
pub const SCHEMA_STEPS: &[SchemaStep] = &[schema_1_to_2];

/// Schema 1 → 2: version 2 only added `"locale"` to the settings, and a version-1 value has
/// none (no language was chosen yet), so every value carries over as it is. The version is
/// still raised: a version-1 widget must not rewrite settings whose language it cannot see
/// (it leaves values of a newer version alone, and saves nothing against them).
fn schema_1_to_2(fields: Map) -> Result<Map, DecodeError> {
    Ok(fields)
}

/// Reads a version number: a whole number that fits a `u32`, or `None`.
pub(crate) fn version_number(value: Option<&Value>) -> Option<u32> {
    value.and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok())
}

/// Parses any JSON text, sorting the errors.
pub(crate) fn parse_json(text: &str) -> Result<Value, DecodeError> {
    json::parse(text).map_err(DecodeError::from_parse)
}

/// Opens an envelope: checks `"v"`, migrates the payload to [`SCHEMA_VERSION`] and returns its
/// fields without `"v"`.
pub(crate) fn open_envelope(text: &str) -> Result<Map, DecodeError> {
    let Value::Object(mut fields) = parse_json(text)? else {
        return Err(DecodeError::corrupt("not a JSON object"));
    };
    let found = version_number(fields.get("v")).ok_or_else(|| DecodeError::corrupt("no schema version \"v\""))?;
    // An encrypted value (the lock's envelope, "v" 3 with "alg": `docs/storage.md`, written by
    // `embed/loader.js`) is never read as a plain one, whatever its "v": it is left alone as a
    // newer version's value is, never moved aside or overwritten.
    if fields.get("alg").is_some() {
        return Err(DecodeError::FromTheFuture {
            of: VersionOf::Schema,
            found: found.max(3),
        });
    }
    fields.remove("v");
    migrate_schema(found, fields)
}

/// Runs the schema chain from version `found`.
pub(crate) fn migrate_schema(found: u32, mut fields: Map) -> Result<Map, DecodeError> {
    if found > SCHEMA_VERSION {
        return Err(DecodeError::FromTheFuture {
            of: VersionOf::Schema,
            found,
        });
    }
    let unsupported = DecodeError::Unsupported {
        of: VersionOf::Schema,
        found,
    };
    let Some(first) = found.checked_sub(OLDEST_SCHEMA_VERSION) else {
        return Err(unsupported);
    };
    let steps = usize::try_from(first).map_err(|_| unsupported.clone())?;
    for step in SCHEMA_STEPS.get(steps..).ok_or(unsupported)? {
        fields = step(fields)?;
    }
    Ok(fields)
}

/// Writes `payload` (which must serialise as a JSON object) in an envelope, `"v"` first so a
/// person reading the storage sees the version at once.
pub(crate) fn seal_envelope<T: ToJson + ?Sized>(payload: &T) -> Result<String, EncodeError> {
    let body = json::to_string(payload);
    Ok(match body.strip_prefix('{') {
        Some("}") => format!("{{\"v\":{SCHEMA_VERSION}}}"),
        Some(rest) => format!("{{\"v\":{SCHEMA_VERSION},{rest}"),
        // Not an object: wrap it, so the text is still an envelope (never reached by our types).
        None => format!("{{\"v\":{SCHEMA_VERSION},\"value\":{body}}}"),
    })
}

// ---------------------------------------------------------------------------------------------
// Drafts: the check-in in progress.

/// A draft as stored: the session's answers (with their questionnaire version) and the id of
/// the question the person was on (`None` at the review). The same fields as the session's
/// own serde form, so [`Session`]'s loading rules (answers checked again, a bad current
/// question falls back to the resume position) apply after migration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftWire {
    /// The answers so far.
    pub answers: Answers,
    /// The question the person was on.
    pub current: Option<String>,
}

/// One step of the draft chain: answers to questionnaire version `n`, to version `n + 1`.
pub type DraftStep = fn(DraftWire) -> DraftWire;

/// `DRAFT_STEPS[i]` turns a draft of questionnaire version `OLDEST_DRAFT_QUESTIONNAIRE + i`
/// into the next version. A test makes sure a questionnaire version bump adds a step here.
pub const DRAFT_STEPS: &[DraftStep] = &[draft_questionnaire_1_to_2];

/// Questionnaire 1 → 2: `cravings` changed from how much urges bothered the person ("Not at
/// all" to "Very much") to how many of the last 7 days they had strong urges.
///
/// No amount means a number of days, so the old answer is dropped rather than guessed: a
/// wrong guess would change the stressor score, the band and the next steps without the
/// person knowing. The question is required, so they are asked it again: if they were past
/// it, the draft reopens on it; every other answer is kept.
pub fn draft_questionnaire_1_to_2(mut draft: DraftWire) -> DraftWire {
    const CHANGED: &str = "cravings";
    let had_answer = draft.answers.remove(CHANGED).is_some();
    draft.answers.questionnaire_version = 2;
    let before_it = draft
        .current
        .as_deref()
        .and_then(|id| QUESTIONNAIRE.index_of(id))
        .zip(QUESTIONNAIRE.index_of(CHANGED))
        .is_some_and(|(current, changed)| current <= changed);
    if had_answer && !before_it {
        draft.current = Some(CHANGED.to_owned());
    }
    draft
}

/// The questions whose options changed in each questionnaire version: an answer to one of
/// them given to an earlier version does not mean what it means now. Used to leave such
/// answers out of "since last time"; the draft steps above drop them.
pub const QUESTIONNAIRE_CHANGES: &[(u32, &[&str])] = &[(2, &["cravings"])];

/// The questions whose options changed after questionnaire `version`, up to this one.
pub fn changed_since(version: u32) -> Vec<&'static str> {
    QUESTIONNAIRE_CHANGES
        .iter()
        .filter(|(v, _)| *v > version && *v <= QUESTIONNAIRE_VERSION)
        .flat_map(|(_, ids)| ids.iter().copied())
        .collect()
}

/// Runs the draft chain up to [`QUESTIONNAIRE_VERSION`].
pub fn migrate_draft(mut draft: DraftWire) -> Result<DraftWire, DecodeError> {
    let found = draft.answers.questionnaire_version;
    if found > QUESTIONNAIRE_VERSION {
        return Err(DecodeError::FromTheFuture {
            of: VersionOf::Questionnaire,
            found,
        });
    }
    let unsupported = DecodeError::Unsupported {
        of: VersionOf::Questionnaire,
        found,
    };
    let first = found
        .checked_sub(OLDEST_DRAFT_QUESTIONNAIRE)
        .ok_or(unsupported.clone())?;
    let first = usize::try_from(first).map_err(|_| unsupported.clone())?;
    for step in DRAFT_STEPS.get(first..).ok_or(unsupported)? {
        draft = step(draft);
    }
    if draft.answers.questionnaire_version != QUESTIONNAIRE_VERSION {
        return Err(DecodeError::corrupt(
            "the draft chain did not reach this questionnaire version",
        ));
    }
    Ok(draft)
}

/// The stored text of a draft.
pub fn encode_draft(session: &Session) -> Result<String, EncodeError> {
    seal_envelope(session)
}

/// Reads a stored draft: envelope, schema chain, draft chain, then the session's own checks.
pub fn decode_draft(text: &str) -> Result<Session, DecodeError> {
    let fields = open_envelope(text)?;
    let draft = DraftWire::from_json(&Value::Object(fields)).map_err(DecodeError::Corrupt)?;
    let draft = migrate_draft(draft)?;
    Session::from_saved(draft.answers, draft.current).map_err(DecodeError::corrupt)
}

// The draft's JSON, as `serde` wrote it: `{"answers":{"questionnaire_version":2,"values":{
// "cravings":{"choice":"none"},"reasons":{"choices":["health"]},"importance":{"scale":8},
// "use_30d":"prefer_not_to_say"}},"current":"sleep"}`.

impl ToJson for Session {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        self.answers().write_json(object.field("answers"));
        self.current_id().map(str::to_owned).write_json(object.field("current"));
        object.end();
    }
}

impl ToJson for Answers {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        self.questionnaire_version
            .write_json(object.field("questionnaire_version"));
        let values = object.field("values");
        let mut answers = ObjectWriter::new(values);
        for (id, answer) in self.iter() {
            let value = answers.field(id);
            let (name, content): (&str, Option<&dyn ToJson>) = match answer {
                Answer::Choice(id) => ("choice", Some(id)),
                Answer::Choices(ids) => ("choices", Some(ids)),
                Answer::Scale(n) => ("scale", Some(n)),
                Answer::PreferNotToSay => ("prefer_not_to_say", None),
            };
            match content {
                Some(content) => {
                    let mut tagged = ObjectWriter::new(value);
                    content.write_json(tagged.field(name));
                    tagged.end();
                }
                None => name.write_json(value),
            }
        }
        answers.end();
        object.end();
    }
}

impl DraftWire {
    fn from_json(value: &Value) -> Result<DraftWire, ShapeError> {
        let [answers, current] = fields(value, ["answers", "current"], 1)?;
        Ok(DraftWire {
            answers: answers_from_json(required(answers, "answers")?)?,
            current: match current {
                Some(current) => optional(current, string)?,
                None => None,
            },
        })
    }
}

/// [`Answers`] as the draft writes them (each answer tagged with its kind).
fn answers_from_json(value: &Value) -> Result<Answers, ShapeError> {
    let [version, values] = fields(value, ["questionnaire_version", "values"], 1)?;
    let mut answers = Answers::new();
    answers.questionnaire_version = int(required(version, "questionnaire_version")?)?;
    match values {
        None => {}
        Some(Value::Object(values)) => {
            for (id, answer) in values.iter() {
                answers.insert(id, tagged_answer(answer)?);
            }
        }
        Some(_) => return Err("expected an object of answers".to_owned()),
    }
    Ok(answers)
}

fn tagged_answer(value: &Value) -> Result<Answer, ShapeError> {
    match variant(value)? {
        ("prefer_not_to_say", None | Some(Value::Null)) => Ok(Answer::PreferNotToSay),
        ("choice", Some(id)) => string(id).map(Answer::Choice),
        ("choices", Some(ids)) => list(ids, string).map(Answer::Choices),
        ("scale", Some(n)) => int(n).map(Answer::Scale),
        (name, _) => Err(format!("not an answer: `{name}`")),
    }
}

// ---------------------------------------------------------------------------------------------
// Settings.

/// The person's choices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// "Don't keep anything on this device": while set, no draft and no check-in is saved.
    #[serde(default)]
    pub keep_nothing: bool,
    /// The language the person picked in the widget (schema 2), if any. A tag this build
    /// does not know (saved by a newer one) reads as none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
}

/// The stored text of the settings.
pub fn encode_settings(settings: &Settings) -> Result<String, EncodeError> {
    seal_envelope(settings)
}

/// Reads stored settings.
pub fn decode_settings(text: &str) -> Result<Settings, DecodeError> {
    let fields = open_envelope(text)?;
    Ok(Settings {
        keep_nothing: match fields.get("keep_nothing") {
            Some(value) => json::boolean(value).map_err(DecodeError::Corrupt)?,
            None => false,
        },
        locale: match fields.get("locale") {
            Some(value) => Locale::from_tag(&string(value).map_err(DecodeError::Corrupt)?),
            None => None,
        },
    })
}

impl ToJson for Settings {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        self.keep_nothing.write_json(object.field("keep_nothing"));
        if let Some(locale) = self.locale {
            locale.tag().write_json(object.field("locale"));
        }
        object.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;

    fn choice(id: &str) -> Answer {
        Answer::Choice(id.to_owned())
    }

    #[test]
    fn envelopes_carry_the_version_first() {
        let text = encode_settings(&Settings {
            keep_nothing: true,
            locale: None,
        })
        .expect("encodes");
        assert_eq!(text, r#"{"v":2,"keep_nothing":true}"#);
        assert_eq!(
            decode_settings(&text),
            Ok(Settings {
                keep_nothing: true,
                locale: None
            })
        );
        assert_eq!(decode_settings(r#"{"v":2}"#), Ok(Settings::default()));
        assert_eq!(seal_envelope(&Map::new()).expect("encodes"), r#"{"v":2}"#);
        assert_eq!(seal_envelope(&7).expect("encodes"), r#"{"v":2,"value":7}"#);
    }

    #[test]
    fn settings_keep_the_language_by_its_tag() {
        let spanish = Settings {
            keep_nothing: false,
            locale: Some(Locale::Es),
        };
        let text = encode_settings(&spanish).expect("encodes");
        assert_eq!(text, r#"{"v":2,"keep_nothing":false,"locale":"es"}"#);
        assert_eq!(decode_settings(&text), Ok(spanish));
        // A language a newer build added, unknown here: no choice, not a broken value.
        assert_eq!(
            decode_settings(r#"{"v":2,"keep_nothing":true,"locale":"fr"}"#),
            Ok(Settings {
                keep_nothing: true,
                locale: None
            })
        );
        assert!(matches!(
            decode_settings(r#"{"v":2,"locale":7}"#),
            Err(DecodeError::Corrupt(_))
        ));
    }

    #[test]
    fn version_1_settings_migrate_to_version_2_with_no_language() {
        // Hand-written, as schema version 1 stored them (before the language was saved).
        for (v1, keep_nothing) in [
            (r#"{"v":1,"keep_nothing":true}"#, true),
            (r#"{"v":1,"keep_nothing":false}"#, false),
            (r#"{"v":1}"#, false),
        ] {
            let settings = decode_settings(v1).expect("a version-1 value reads");
            assert_eq!(
                settings,
                Settings {
                    keep_nothing,
                    locale: None
                },
                "{v1}"
            );
            let again = encode_settings(&settings).expect("encodes");
            assert!(again.starts_with(r#"{"v":2,"#), "written back as version 2: {again}");
        }
        // Drafts and check-ins of version 1 carry over unchanged too.
        let mut fields = Map::new();
        fields.insert("keep_nothing".to_owned(), Value::Bool(true));
        assert_eq!(migrate_schema(1, fields.clone()), Ok(fields));
    }

    #[test]
    fn decode_errors_are_sorted() {
        assert_eq!(decode_settings("hello"), Err(DecodeError::NotJson));
        assert!(matches!(decode_settings("{\"v\":1,"), Err(DecodeError::Corrupt(r)) if r.starts_with("truncated")));
        assert!(matches!(decode_settings(""), Err(DecodeError::Corrupt(_))));
        assert!(matches!(decode_settings("[1,2]"), Err(DecodeError::Corrupt(_))));
        assert!(
            matches!(decode_settings("{}"), Err(DecodeError::Corrupt(_))),
            "no version"
        );
        assert!(matches!(decode_settings(r#"{"v":"1"}"#), Err(DecodeError::Corrupt(_))));
        assert!(matches!(decode_settings(r#"{"v":1.5}"#), Err(DecodeError::Corrupt(_))));
        assert!(matches!(decode_settings(r#"{"v":-1}"#), Err(DecodeError::Corrupt(_))));
        assert!(matches!(
            decode_settings(r#"{"v":4294967296}"#),
            Err(DecodeError::Corrupt(_))
        ));
        assert!(matches!(
            decode_settings(r#"{"v":1,"keep_nothing":"yes"}"#),
            Err(DecodeError::Corrupt(_))
        ));
        assert_eq!(
            decode_settings(r#"{"v":3,"keep_nothing":true}"#),
            Err(DecodeError::FromTheFuture {
                of: VersionOf::Schema,
                found: 3
            })
        );
        assert_eq!(
            decode_settings(r#"{"v":0}"#),
            Err(DecodeError::Unsupported {
                of: VersionOf::Schema,
                found: 0
            })
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(
            decode_settings(&deep).is_err(),
            "deep nesting is an error, not a stack overflow"
        );
    }

    #[test]
    fn the_schema_chain_has_one_step_per_version() {
        assert_eq!(SCHEMA_STEPS.len() as u32, SCHEMA_VERSION - OLDEST_SCHEMA_VERSION);
        assert_eq!(migrate_schema(SCHEMA_VERSION, Map::new()), Ok(Map::new()));
        for found in [0, OLDEST_SCHEMA_VERSION - 1] {
            assert_eq!(
                migrate_schema(found, Map::new()),
                Err(DecodeError::Unsupported {
                    of: VersionOf::Schema,
                    found
                })
            );
        }
        assert!(migrate_schema(u32::MAX, Map::new()).is_err_and(|e| e.is_from_the_future()));
    }

    #[test]
    fn changed_questions_are_listed_per_version() {
        assert_eq!(changed_since(1), ["cravings"]);
        assert!(changed_since(QUESTIONNAIRE_VERSION).is_empty());
        assert!(changed_since(99).is_empty());
        // The 1 -> 2 step drops exactly the questions listed for version 2.
        let mut answers = Answers::new();
        answers.questionnaire_version = 1;
        for q in QUESTIONNAIRE.questions {
            answers.insert(q.id, Answer::PreferNotToSay);
        }
        let migrated = draft_questionnaire_1_to_2(DraftWire {
            answers: answers.clone(),
            current: None,
        });
        let dropped: Vec<&str> = answers
            .iter()
            .map(|(id, _)| id)
            .filter(|id| migrated.answers.get(id).is_none())
            .collect();
        assert_eq!(dropped, changed_since(1));
    }

    #[test]
    fn the_draft_chain_has_one_step_per_questionnaire_version() {
        // Bumping the questionnaire version without a migration step fails here.
        assert_eq!(
            DRAFT_STEPS.len() as u32,
            QUESTIONNAIRE_VERSION - OLDEST_DRAFT_QUESTIONNAIRE
        );
    }

    /// A draft written by hand as the version-1 questionnaire stored it: cravings answered on
    /// the old amount scale, the person further on.
    const DRAFT_Q1: &str = r#"{"v":1,"answers":{"questionnaire_version":1,"values":{
        "time_in_recovery":{"choice":"months_1_3"},
        "use_30d":{"choice":"none"},
        "cravings":{"choice":"a_lot"},
        "low_mood":{"choice":"one_two"}}},
        "current":"worry_anger"}"#;

    #[test]
    fn a_questionnaire_1_draft_loses_only_its_cravings_answer_and_asks_it_again() {
        let session = decode_draft(DRAFT_Q1).expect("migrates");
        let answers = session.answers();
        assert_eq!(answers.questionnaire_version, QUESTIONNAIRE_VERSION);
        assert_eq!(answers.get("cravings"), None, "no amount maps to a count of days");
        assert_eq!(answers.get("time_in_recovery"), Some(&choice("months_1_3")));
        assert_eq!(answers.get("use_30d"), Some(&choice("none")));
        assert_eq!(answers.get("low_mood"), Some(&choice("one_two")));
        assert_eq!(answers.len(), 3);
        assert_eq!(session.current().map(|q| q.id), Some("cravings"), "asked again at once");
    }

    #[test]
    fn the_1_to_2_step_keeps_the_place_of_someone_not_yet_at_cravings() {
        let mut answers = Answers::new();
        answers.questionnaire_version = 1;
        answers.insert("time_in_recovery", choice("months_1_3"));
        let draft = DraftWire {
            answers,
            current: Some("goal".into()),
        };
        let migrated = draft_questionnaire_1_to_2(draft.clone());
        assert_eq!(migrated.current.as_deref(), Some("goal"));
        assert_eq!(migrated.answers.len(), 1);
        assert_eq!(migrated.answers.questionnaire_version, 2);
        // At the review with cravings answered: back to cravings.
        let mut at_review = draft;
        at_review.answers.insert("cravings", choice("very_much"));
        at_review.current = None;
        let migrated = draft_questionnaire_1_to_2(at_review);
        assert_eq!(migrated.current.as_deref(), Some("cravings"));
        assert_eq!(migrated.answers.get("cravings"), None);
    }

    #[test]
    fn drafts_round_trip_and_bad_drafts_are_errors() {
        let mut session = Session::new();
        session.answer("time_in_recovery", choice("years_1_5")).expect("valid");
        session.next().expect("answered");
        let text = encode_draft(&session).expect("encodes");
        assert!(text.starts_with(r#"{"v":2,"answers":"#), "{text}");
        assert_eq!(decode_draft(&text), Ok(session));

        let future_q = text.replace(
            &format!("\"questionnaire_version\":{QUESTIONNAIRE_VERSION}"),
            "\"questionnaire_version\":99",
        );
        assert_eq!(
            decode_draft(&future_q),
            Err(DecodeError::FromTheFuture {
                of: VersionOf::Questionnaire,
                found: 99
            })
        );
        let ancient = future_q.replace(":99", ":0");
        assert_eq!(
            decode_draft(&ancient),
            Err(DecodeError::Unsupported {
                of: VersionOf::Questionnaire,
                found: 0
            })
        );
        let tampered = text.replace("years_1_5", "forever");
        assert!(matches!(decode_draft(&tampered), Err(DecodeError::Corrupt(_))));
        assert!(matches!(
            decode_draft(r#"{"v":1,"answers":[],"current":null}"#),
            Err(DecodeError::Corrupt(_))
        ));
        assert!(matches!(
            decode_draft(&text[..text.len() / 2]),
            Err(DecodeError::Corrupt(_))
        ));
    }

    #[test]
    fn errors_have_plain_words() {
        assert_eq!(DecodeError::NotJson.message(), Msg::StorageCouldNotRead);
        assert_eq!(
            DecodeError::FromTheFuture {
                of: VersionOf::Schema,
                found: 2
            }
            .message(),
            Msg::StorageNewerVersion
        );
    }
}
