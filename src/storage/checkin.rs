//! A saved check-in: compact, self-describing, and readable by later versions.
//!
//! A saved check-in keeps what is needed to show it again and to draw change over time: its
//! id, its date, the questionnaire and method versions, the answers, the three domain scores,
//! the band and the safety signs. It does not keep the whole [`Assessment`] (drivers,
//! strengths, groups, next steps): that is several kilobytes, and it can be made again from the
//! answers, because scoring is deterministic. So a check-in made with the current method is
//! scored again when it is opened ([`SavedCheckIn::assessment`]), and one made with an earlier
//! method shows the scores and band saved with it and a note ([`MethodNote`]); it is never
//! scored again with a method or options it was not made with.
//!
//! Stored form (one key per check-in; see `docs/storage.md`):
//!
//! ```json
//! {"v":1,"id":"1767225600000-k3f9","at":1767225600000,"questionnaire_version":2,
//!  "method_version":2,"answers":{"cravings":"one_two","importance":8,"reasons":["health"],
//!  "use_30d":null},"scores":{"stressors":40,"supports":75,"motivation":80},"band":"some",
//!  "safety":[]}
//! ```
//!
//! Answers are written compactly: an option id as a string, pick-any as a list, a scale as a
//! number, "Prefer not to say" as `null`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::i18n::Msg;
use crate::questionnaire::{QUESTIONNAIRE, QUESTIONNAIRE_VERSION};
use crate::safety::SafetyFlag;
use crate::scoring::{score, Assessment, Band, DomainKind, METHOD_VERSION};
use crate::session::CompletedCheckIn;
use crate::storage::json::{fields, int, list, optional, required, string, unit_variant, EncodeError, ObjectWriter};
use crate::storage::json::{Number, ShapeError, ToJson, Value};
use crate::storage::keys::is_valid_id;
use crate::storage::schema::{open_envelope, seal_envelope, DecodeError};

/// The latest date a saved check-in may carry, in milliseconds since the Unix epoch: the end
/// of JavaScript's `Date` range, so every saved date can be shown. The earliest is its
/// negative.
pub const MAX_AT_MS: i64 = 8_640_000_000_000_000;

/// The three domain scores, 0-100, `None` where a domain had no answers.
// `deserialize_with` on an `Option` makes the field required: a missing score is corrupt, not
// silently "no score" (`null` is how "no score" is written).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scores {
    /// What is weighing on the person; higher is more strain.
    #[serde(deserialize_with = "Option::deserialize")]
    pub stressors: Option<u8>,
    /// What is helping; higher is more support.
    #[serde(deserialize_with = "Option::deserialize")]
    pub supports: Option<u8>,
    /// What keeps them going; higher is more drive.
    #[serde(deserialize_with = "Option::deserialize")]
    pub motivation: Option<u8>,
}

impl Scores {
    /// The score of one domain.
    pub fn get(&self, domain: DomainKind) -> Option<u8> {
        match domain {
            DomainKind::Stressors => self.stressors,
            DomainKind::Supports => self.supports,
            DomainKind::Motivation => self.motivation,
        }
    }

    fn of(assessment: &Assessment) -> Scores {
        Scores {
            stressors: assessment.stressors.as_ref().map(|d| d.score),
            supports: assessment.supports.as_ref().map(|d| d.score),
            motivation: assessment.motivation.as_ref().map(|d| d.score),
        }
    }
}

/// How a saved check-in's result is shown, given the method it was made with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MethodNote {
    /// Made with this method and questionnaire: the full result is shown again, identical.
    Current,
    /// Made with an earlier method or questionnaire: the scores and band saved at the time are
    /// shown, with a note that the method has changed since.
    Earlier,
    /// Made by a newer version of the widget: the saved scores and band are shown, with a note.
    Newer,
}

impl MethodNote {
    /// The note to show with the result; `None` when there is nothing to say.
    pub fn message(self) -> Option<Msg> {
        match self {
            MethodNote::Current => None,
            MethodNote::Earlier => Some(Msg::StorageMethodEarlier),
            MethodNote::Newer => Some(Msg::StorageMethodNewer),
        }
    }
}

/// One completed check-in as saved. Build one with [`SavedCheckIn::from_completed`] or read
/// one with [`decode_checkin`]; both check it, so a value of this type always holds a valid id,
/// a showable date and scores of at most 100.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CheckInWire", into = "CheckInWire")]
pub struct SavedCheckIn {
    id: String,
    at: i64,
    method_version: u32,
    /// Its `questionnaire_version` is the check-in's.
    answers: Answers,
    scores: Scores,
    band: Option<Band>,
    safety: Vec<SafetyFlag>,
}

/// Why a check-in could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvalidCheckIn {
    /// The id is not 1-64 ASCII letters, digits, `-` or `_`.
    Id(String),
    /// The date is outside JavaScript's `Date` range.
    At(i64),
    /// An answer does not fit its question (a check-in built by hand, not by a session): it
    /// would be refused when read back, so it is refused now.
    Answer(String),
}

impl SavedCheckIn {
    /// A completed check-in, ready to save, with its id (from the web layer: the domain has no
    /// clock or random numbers) and its date in milliseconds since the Unix epoch.
    pub fn from_completed(completed: &CompletedCheckIn, id: &str, at_ms: i64) -> Result<SavedCheckIn, InvalidCheckIn> {
        if !is_valid_id(id) {
            return Err(InvalidCheckIn::Id(id.to_owned()));
        }
        if !(-MAX_AT_MS..=MAX_AT_MS).contains(&at_ms) {
            return Err(InvalidCheckIn::At(at_ms));
        }
        let mut answers = completed.answers.clone();
        answers.questionnaire_version = completed.questionnaire_version;
        check_answers(&answers).map_err(InvalidCheckIn::Answer)?;
        Ok(SavedCheckIn {
            id: id.to_owned(),
            at: at_ms,
            method_version: completed.method_version,
            answers,
            scores: Scores::of(&completed.assessment),
            band: completed.assessment.band,
            safety: completed.assessment.safety_flags(),
        })
    }

    /// Its id, unique among the check-ins of a namespace.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// When it was completed, in milliseconds since the Unix epoch.
    pub fn at(&self) -> i64 {
        self.at
    }

    /// The questionnaire version its answers belong to.
    pub fn questionnaire_version(&self) -> u32 {
        self.answers.questionnaire_version
    }

    /// The scoring method version it was scored with.
    pub fn method_version(&self) -> u32 {
        self.method_version
    }

    /// Its answers, with their questionnaire version.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The scores saved with it.
    pub fn scores(&self) -> Scores {
        self.scores
    }

    /// The band saved with it; `None` when there were too few answers for one.
    pub fn band(&self) -> Option<Band> {
        self.band
    }

    /// The safety signs its answers raised, in message order.
    pub fn safety_flags(&self) -> &[SafetyFlag] {
        &self.safety
    }

    /// Whether its full result can be shown again, or only the saved scores with a note.
    pub fn method_note(&self) -> MethodNote {
        let (q, m) = (self.questionnaire_version(), self.method_version);
        if q > QUESTIONNAIRE_VERSION || m > METHOD_VERSION {
            MethodNote::Newer
        } else if q < QUESTIONNAIRE_VERSION || m < METHOD_VERSION {
            MethodNote::Earlier
        } else {
            MethodNote::Current
        }
    }

    /// The full result, scored again from the answers: `Some` only for a check-in made with
    /// this method and questionnaire ([`MethodNote::Current`]), where it is the result the
    /// person saw, since scoring is deterministic. For any other, show [`SavedCheckIn::scores`]
    /// and [`SavedCheckIn::band`] with the note.
    pub fn assessment(&self) -> Option<Assessment> {
        (self.method_note() == MethodNote::Current).then(|| score(&self.answers))
    }

    /// Whether the saved scores, band and safety signs are what scoring the answers gives (for
    /// a check-in made with this method; `true` for any other, which cannot be checked).
    /// Imports check it, so an edited file cannot show one band in the list and another
    /// when opened.
    pub fn is_consistent(&self) -> bool {
        match self.assessment() {
            Some(a) => Scores::of(&a) == self.scores && a.band == self.band && a.safety_flags() == self.safety,
            None => true,
        }
    }
}

/// An answer as saved: untagged, for size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
enum WireAnswer {
    Scale(u8),
    Choice(String),
    Choices(Vec<String>),
    /// `null`.
    PreferNotToSay,
}

impl From<&Answer> for WireAnswer {
    fn from(answer: &Answer) -> WireAnswer {
        match answer {
            Answer::Choice(id) => WireAnswer::Choice(id.clone()),
            Answer::Choices(ids) => WireAnswer::Choices(ids.clone()),
            Answer::Scale(n) => WireAnswer::Scale(*n),
            Answer::PreferNotToSay => WireAnswer::PreferNotToSay,
        }
    }
}

impl From<WireAnswer> for Answer {
    fn from(answer: WireAnswer) -> Answer {
        match answer {
            WireAnswer::Choice(id) => Answer::Choice(id),
            WireAnswer::Choices(ids) => Answer::Choices(ids),
            WireAnswer::Scale(n) => Answer::Scale(n),
            WireAnswer::PreferNotToSay => Answer::PreferNotToSay,
        }
    }
}

/// The stored fields, in the order they are written.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct CheckInWire {
    id: String,
    at: i64,
    questionnaire_version: u32,
    method_version: u32,
    answers: BTreeMap<String, WireAnswer>,
    scores: Scores,
    /// Required, like every field: `null` when there was no band.
    #[serde(deserialize_with = "Option::deserialize")]
    band: Option<Band>,
    safety: Vec<SafetyFlag>,
}

impl From<SavedCheckIn> for CheckInWire {
    fn from(saved: SavedCheckIn) -> CheckInWire {
        CheckInWire {
            questionnaire_version: saved.answers.questionnaire_version,
            answers: saved.answers.iter().map(|(id, a)| (id.to_owned(), a.into())).collect(),
            id: saved.id,
            at: saved.at,
            method_version: saved.method_version,
            scores: saved.scores,
            band: saved.band,
            safety: saved.safety,
        }
    }
}

impl TryFrom<CheckInWire> for SavedCheckIn {
    type Error = String;
    fn try_from(wire: CheckInWire) -> Result<SavedCheckIn, String> {
        let mut answers = Answers::new();
        answers.questionnaire_version = wire.questionnaire_version;
        for (id, answer) in wire.answers {
            answers.insert(&id, Answer::from(answer));
        }
        SavedCheckIn::checked(SavedCheckIn {
            id: wire.id,
            at: wire.at,
            method_version: wire.method_version,
            answers,
            scores: wire.scores,
            band: wire.band,
            safety: wire.safety,
        })
    }
}

impl SavedCheckIn {
    /// The checks of a check-in read back (from `serde` or from JSON by hand).
    fn checked(saved: SavedCheckIn) -> Result<SavedCheckIn, String> {
        if !is_valid_id(&saved.id) {
            return Err(format!("bad id \"{}\"", saved.id));
        }
        if !(-MAX_AT_MS..=MAX_AT_MS).contains(&saved.at) {
            return Err(format!("date {} out of range", saved.at));
        }
        if saved.answers.questionnaire_version == 0 || saved.method_version == 0 {
            return Err("version 0".into());
        }
        let scores = [saved.scores.stressors, saved.scores.supports, saved.scores.motivation];
        if scores.into_iter().flatten().any(|s| s > 100) {
            return Err("a score over 100".into());
        }
        check_answers(&saved.answers)?;
        Ok(saved)
    }
}

/// Checks answers to this questionnaire against their questions; answers to another version
/// are kept as they were (an older questionnaire is not in this build to check them against).
fn check_answers(answers: &Answers) -> Result<(), String> {
    if answers.questionnaire_version != QUESTIONNAIRE_VERSION {
        return Ok(());
    }
    for (id, answer) in answers.iter() {
        let question = QUESTIONNAIRE
            .question(id)
            .ok_or_else(|| format!("unknown question \"{id}\""))?;
        question.check(answer).map_err(|e| format!("answer to \"{id}\": {e}"))?;
    }
    Ok(())
}

/// The stored text of a check-in.
pub fn encode_checkin(saved: &SavedCheckIn) -> Result<String, EncodeError> {
    seal_envelope(saved)
}

/// Reads a stored check-in: envelope, schema chain, then the checks of [`SavedCheckIn`].
pub fn decode_checkin(text: &str) -> Result<SavedCheckIn, DecodeError> {
    checkin_from_fields(&Value::Object(open_envelope(text)?))
}

/// A check-in from its fields (without `"v"`), as in an export file.
pub(crate) fn checkin_from_fields(value: &Value) -> Result<SavedCheckIn, DecodeError> {
    SavedCheckIn::from_json(value)
        .and_then(SavedCheckIn::checked)
        .map_err(DecodeError::Corrupt)
}

// The stored JSON by hand (see `crate::storage::json`), the same text `serde` wrote and read
// with the derives above.

/// The names bands are saved under.
pub(crate) const BAND_NAMES: [(Band, &str); 4] = [
    (Band::Few, "few"),
    (Band::Some, "some"),
    (Band::Several, "several"),
    (Band::Many, "many"),
];

/// The names safety signs are saved under.
pub(crate) const SAFETY_NAMES: [(SafetyFlag, &str); 5] = [
    (SafetyFlag::SuicidalThoughtsNow, "suicidal_thoughts_now"),
    (SafetyFlag::SuicidalThoughts, "suicidal_thoughts"),
    (SafetyFlag::OpioidAfterBreak, "opioid_after_break"),
    (SafetyFlag::StoppingSuddenly, "stopping_suddenly"),
    (SafetyFlag::UnsafeAtHome, "unsafe_at_home"),
];

fn name_of<T: PartialEq>(names: &[(T, &'static str)], value: &T) -> &'static str {
    names.iter().find(|(v, _)| v == value).map_or("", |(_, name)| name)
}

impl ToJson for SavedCheckIn {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        self.id.write_json(object.field("id"));
        self.at.write_json(object.field("at"));
        self.answers
            .questionnaire_version
            .write_json(object.field("questionnaire_version"));
        self.method_version.write_json(object.field("method_version"));
        let mut answers = ObjectWriter::new(object.field("answers"));
        for (id, answer) in self.answers.iter() {
            let out = answers.field(id);
            match answer {
                Answer::Choice(id) => id.write_json(out),
                Answer::Choices(ids) => ids.write_json(out),
                Answer::Scale(n) => n.write_json(out),
                Answer::PreferNotToSay => out.push_str("null"),
            }
        }
        answers.end();
        let mut scores = ObjectWriter::new(object.field("scores"));
        self.scores.stressors.write_json(scores.field("stressors"));
        self.scores.supports.write_json(scores.field("supports"));
        self.scores.motivation.write_json(scores.field("motivation"));
        scores.end();
        let band = object.field("band");
        match self.band {
            Some(b) => name_of(&BAND_NAMES, &b).write_json(band),
            None => band.push_str("null"),
        }
        let out = object.field("safety");
        out.push('[');
        for (i, flag) in self.safety.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            name_of(&SAFETY_NAMES, flag).write_json(out);
        }
        out.push(']');
        object.end();
    }
}

impl SavedCheckIn {
    /// The stored fields, read as `serde` read them into a [`CheckInWire`] (and the answers
    /// straight into [`Answers`], with the same result); checked after.
    fn from_json(value: &Value) -> Result<SavedCheckIn, ShapeError> {
        let names = [
            "id",
            "at",
            "questionnaire_version",
            "method_version",
            "answers",
            "scores",
            "band",
            "safety",
        ];
        let [id, at, questionnaire, method, answers_json, scores, band, safety] = fields(value, names, 8)?;
        let id = string(required(id, "id")?)?;
        let at = int(required(at, "at")?)?;
        let mut answers = Answers::new();
        answers.questionnaire_version = int(required(questionnaire, "questionnaire_version")?)?;
        let method_version = int(required(method, "method_version")?)?;
        match required(answers_json, "answers")? {
            Value::Object(map) => {
                for (id, answer) in map.iter() {
                    answers.insert(id, compact_answer(answer)?);
                }
            }
            _ => return Err("expected an object of answers".to_owned()),
        }
        let [stressors, supports, motivation] =
            fields(required(scores, "scores")?, ["stressors", "supports", "motivation"], 3)?;
        let score = |value: Option<&Value>, name: &str| optional(required(value, name)?, int::<u8>);
        Ok(SavedCheckIn {
            id,
            at,
            method_version,
            answers,
            scores: Scores {
                stressors: score(stressors, "stressors")?,
                supports: score(supports, "supports")?,
                motivation: score(motivation, "motivation")?,
            },
            band: optional(required(band, "band")?, |b| unit_variant(b, &BAND_NAMES))?,
            safety: list(required(safety, "safety")?, |f| unit_variant(f, &SAFETY_NAMES))?,
        })
    }
}

/// An answer as saved ([`WireAnswer`], untagged), tried in the order `serde` tries the
/// variants: a scale number, an option id, a list of option ids, `null`.
fn compact_answer(value: &Value) -> Result<Answer, ShapeError> {
    match value {
        Value::Number(Number::U64(n)) if *n <= u64::from(u8::MAX) => Ok(Answer::Scale(*n as u8)),
        Value::String(id) => Ok(Answer::Choice(id.clone())),
        Value::Array(_) => list(value, string)
            .map(Answer::Choices)
            .map_err(|_| "not an answer".to_owned()),
        Value::Null => Ok(Answer::PreferNotToSay),
        _ => Err("not an answer".to_owned()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::questionnaire::QuestionKind;
    use crate::scoring::tests::{answers, GOOD};
    use crate::session::Session;

    pub(crate) fn completed(pairs: &[(&str, &str)]) -> CompletedCheckIn {
        let answers = answers(pairs);
        let session = Session::resume(answers).expect("valid answers");
        session.complete().expect("complete")
    }

    pub(crate) fn good() -> CompletedCheckIn {
        completed(GOOD)
    }

    #[test]
    fn a_check_in_round_trips_and_keeps_what_the_list_needs() {
        let done = good();
        let saved = SavedCheckIn::from_completed(&done, "abc-1", 1_767_225_600_000).expect("valid");
        assert_eq!(saved.band(), done.assessment.band);
        assert_eq!(
            saved.scores().stressors,
            done.assessment.stressors.as_ref().map(|d| d.score)
        );
        assert_eq!(saved.scores().get(DomainKind::Supports), saved.scores().supports);
        assert_eq!(saved.answers(), &done.answers);
        let text = encode_checkin(&saved).expect("encodes");
        assert!(
            text.starts_with(r#"{"v":2,"id":"abc-1","at":1767225600000,"questionnaire_version":2"#),
            "{text}"
        );
        assert_eq!(decode_checkin(&text), Ok(saved.clone()));
        assert_eq!(saved.method_note(), MethodNote::Current);
        assert_eq!(saved.assessment(), Some(done.assessment), "scored again, identical");
        assert!(saved.is_consistent());
    }

    #[test]
    fn answers_are_written_compactly_and_read_back() {
        let mut done = good();
        done.answers.insert("importance", Answer::Scale(8));
        done.answers
            .insert("reasons", Answer::Choices(vec!["health".into(), "family".into()]));
        done.answers.insert("recovery_from", Answer::PreferNotToSay);
        let saved = SavedCheckIn::from_completed(&done, "x", 0).expect("valid");
        let text = encode_checkin(&saved).expect("encodes");
        for part in [
            r#""importance":8"#,
            r#""reasons":["health","family"]"#,
            r#""recovery_from":null"#,
            r#""cravings":"none""#,
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
        assert_eq!(decode_checkin(&text).map(|s| s.answers().clone()), Ok(done.answers));
    }

    #[test]
    fn bad_ids_and_dates_are_refused() {
        let done = good();
        assert_eq!(
            SavedCheckIn::from_completed(&done, "a:b", 0),
            Err(InvalidCheckIn::Id("a:b".into()))
        );
        assert_eq!(
            SavedCheckIn::from_completed(&done, "a", MAX_AT_MS + 1),
            Err(InvalidCheckIn::At(MAX_AT_MS + 1))
        );
        assert!(SavedCheckIn::from_completed(&done, "a", -MAX_AT_MS).is_ok());
        // Built by hand with an answer that does not fit: refused now, not unreadable later.
        let mut by_hand = good();
        by_hand
            .answers
            .insert("professional_care", Answer::Choice("none".into()));
        assert!(matches!(
            SavedCheckIn::from_completed(&by_hand, "a", 0),
            Err(InvalidCheckIn::Answer(_))
        ));
    }

    #[test]
    fn stored_values_that_break_the_rules_are_corrupt() {
        let saved = SavedCheckIn::from_completed(&good(), "abc", 5).expect("valid");
        let text = encode_checkin(&saved).expect("encodes");
        let stressors = saved.scores().stressors.expect("scored");
        let broken = [
            text.replace("\"abc\"", "\"a:b\""),
            text.replace("\"at\":5", "\"at\":9000000000000000"),
            text.replace("\"at\":5", "\"at\":\"5\""),
            text.replace("\"method_version\":2", "\"method_version\":0"),
            text.replace(&format!("\"stressors\":{stressors}"), "\"stressors\":101"),
            text.replace("\"band\":\"few\"", "\"band\":\"lots\""),
            text.replace("\"cravings\":\"none\"", "\"cravings\":\"a_lot\""),
            text.replace("\"cravings\":\"none\"", "\"favourite_colour\":\"blue\""),
            text.replace("\"cravings\":\"none\"", "\"cravings\":300"),
            text.replace("\"safety\":[]", "\"safety\":[\"something_new\"]"),
            text.replace(",\"band\":\"few\"", ""),
            text.replace("\"stressors\":0,", ""),
            text[..text.len() - 1].to_owned(),
        ];
        for bad in broken {
            assert_ne!(bad, text, "the fixture changed: fix the test");
            assert!(matches!(decode_checkin(&bad), Err(DecodeError::Corrupt(_))), "{bad}");
        }
    }

    /// A check-in written by hand as a build with questionnaire 1 and method 1 stored it:
    /// cravings on the old amount scale.
    pub(crate) const CHECKIN_Q1: &str = r#"{"v":1,"id":"old-1","at":1700000000000,
        "questionnaire_version":1,"method_version":1,
        "answers":{"time_in_recovery":"years_1_5","use_30d":"none","cravings":"a_lot",
            "sleep":"three_four","importance":9},
        "scores":{"stressors":62,"supports":null,"motivation":90},"band":"some","safety":[]}"#;

    #[test]
    fn a_questionnaire_1_check_in_keeps_its_saved_scores_and_is_never_scored_again() {
        let old = decode_checkin(CHECKIN_Q1).expect("readable");
        assert_eq!(old.questionnaire_version(), 1);
        assert_eq!(old.method_version(), 1);
        assert_eq!(old.answers().get("cravings"), Some(&Answer::Choice("a_lot".into())));
        assert_eq!(
            old.scores(),
            Scores {
                stressors: Some(62),
                supports: None,
                motivation: Some(90)
            }
        );
        assert_eq!(old.band(), Some(Band::Some));
        assert_eq!(old.method_note(), MethodNote::Earlier);
        assert_eq!(old.method_note().message(), Some(Msg::StorageMethodEarlier));
        assert_eq!(old.assessment(), None, "its old answers do not fit today's options");
        assert!(old.is_consistent());
        // And it round-trips unchanged.
        assert_eq!(decode_checkin(&encode_checkin(&old).expect("encodes")), Ok(old));
    }

    #[test]
    fn a_newer_method_or_questionnaire_shows_the_saved_scores_with_a_note() {
        let text = CHECKIN_Q1
            .replace("\"questionnaire_version\":1", "\"questionnaire_version\":7")
            .replace("\"method_version\":1", "\"method_version\":2");
        let newer = decode_checkin(&text).expect("readable: the schema is the same");
        assert_eq!(newer.method_note(), MethodNote::Newer);
        assert_eq!(newer.assessment(), None);
        let mut done = good();
        done.method_version = METHOD_VERSION + 1;
        let newer = SavedCheckIn::from_completed(&done, "n", 0).expect("valid");
        assert_eq!(newer.method_note(), MethodNote::Newer);
        assert_eq!(MethodNote::Current.message(), None);
    }

    #[test]
    fn an_edited_current_check_in_is_not_consistent() {
        let saved = SavedCheckIn::from_completed(&good(), "abc", 5).expect("valid");
        let text = encode_checkin(&saved).expect("encodes");
        let edited = decode_checkin(&text.replace("\"band\":\"few\"", "\"band\":\"many\"")).expect("valid shape");
        assert!(!edited.is_consistent());
        let edited = decode_checkin(&text.replace("\"safety\":[]", "\"safety\":[\"unsafe_at_home\"]")).expect("valid");
        assert!(!edited.is_consistent());
    }

    /// The biggest answer set the questionnaire allows: every question shown and answered with
    /// its longest answer (every non-exclusive option of a pick-any question).
    pub(crate) fn largest() -> CompletedCheckIn {
        let mut answers = Answers::new();
        for q in QUESTIONNAIRE.questions {
            let answer = match q.kind {
                QuestionKind::Scale { max, .. } => Answer::Scale(max),
                QuestionKind::Multiple => Answer::Choices(
                    q.options
                        .iter()
                        .filter(|o| !o.exclusive)
                        .map(|o| o.id.to_owned())
                        .collect(),
                ),
                QuestionKind::Single => Answer::Choice(
                    q.options
                        .iter()
                        .map(|o| o.id)
                        .max_by_key(|id| id.len())
                        .unwrap_or_default()
                        .to_owned(),
                ),
            };
            answers.insert(q.id, answer);
        }
        // Make every follow-up question shown: recent use of every substance.
        answers.insert("use_30d", Answer::Choice("three_to_14_days".into()));
        let mut session = Session::new();
        // Answer in order so that branching shows each question before it is answered.
        for _ in 0..3 {
            for q in QUESTIONNAIRE.questions {
                if let Some(a) = answers.get(q.id) {
                    let _ = session.answer(q.id, a.clone());
                }
            }
        }
        let mut done = session.complete().expect("complete");
        // Every safety sign, the largest list possible.
        done.assessment.safety = SafetyFlag::ALL.into_iter().map(SafetyFlag::block).collect();
        done
    }

    #[test]
    fn the_largest_check_in_takes_under_2_kb() {
        let done = largest();
        assert_eq!(
            done.answers.len(),
            QUESTIONNAIRE.questions.len(),
            "every question shown and answered"
        );
        let id = "x".repeat(crate::storage::keys::ID_MAX_LEN);
        let saved = SavedCheckIn::from_completed(&done, &id, -MAX_AT_MS).expect("valid");
        let text = encode_checkin(&saved).expect("encodes");
        let key = crate::storage::keys::checkin_key(
            &crate::storage::keys::Namespace::parse(&"n".repeat(40)).expect("ns"),
            &id,
        );
        let bytes = key.len() + text.len();
        println!(
            "largest check-in: {} bytes ({} value + {} key)",
            bytes,
            text.len(),
            key.len()
        );
        assert!(bytes < 2048, "{bytes} bytes: {key} {text}");
    }
}
