//! The check-in as a state machine: answer, skip, go back, see progress, complete.
//!
//! A [`Session`] holds the answers and the question the person is on. Every move is checked
//! and bad input (an unknown question, an option the question lacks, a number off the scale,
//! skipping a required question) comes back as a [`SessionError`]; nothing here panics.
//!
//! Branching follows the data ([`crate::questionnaire::Question::show_if`]). When a changed
//! answer hides later questions, their answers are dropped at once, so what is saved, shown in
//! the review and scored is always the same set.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::i18n::Msg;
use crate::questionnaire::{AnswerError, Question, Questionnaire, Section, QUESTIONNAIRE, QUESTIONNAIRE_VERSION};
use crate::safety::SafetyFlag;
use crate::scoring::{score, Assessment, METHOD_VERSION};

/// Why a move in the check-in was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionError {
    /// No question has this id.
    UnknownQuestion(String),
    /// The question exists but does not apply, given the earlier answers.
    NotShown(String),
    /// The answer does not fit the question.
    InvalidAnswer {
        /// The question's id.
        question: String,
        /// What is wrong with the answer.
        error: AnswerError,
    },
    /// The question must be answered (or "Prefer not to say" chosen, where offered) to go on.
    Required(String),
    /// Already at the first question.
    AtStart,
    /// Already past the last question.
    AtEnd,
    /// Some required questions still need an answer; their ids, in order.
    Incomplete(Vec<String>),
    /// The answers were saved for another version of the questionnaire.
    VersionMismatch {
        /// The version saved with the answers.
        found: u32,
        /// The version of this build.
        expected: u32,
    },
}

impl SessionError {
    /// What to tell the person, in plain words.
    pub fn message(&self) -> Msg {
        match self {
            SessionError::UnknownQuestion(_) => Msg::ErrorsUnknownQuestion,
            SessionError::NotShown(_) => Msg::ErrorsNotShown,
            SessionError::InvalidAnswer { error, .. } => error.message(),
            SessionError::Required(_) => Msg::ErrorsRequired,
            SessionError::AtStart => Msg::ErrorsAtStart,
            SessionError::AtEnd => Msg::ErrorsAtEnd,
            SessionError::Incomplete(_) => Msg::ErrorsIncomplete,
            SessionError::VersionMismatch { .. } => Msg::ErrorsVersion,
        }
    }
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::UnknownQuestion(id) => write!(f, "there is no question `{id}`"),
            SessionError::NotShown(id) => write!(f, "question `{id}` does not apply to the earlier answers"),
            SessionError::InvalidAnswer { question, error } => write!(f, "answer to `{question}`: {error}"),
            SessionError::Required(id) => write!(f, "question `{id}` must be answered"),
            SessionError::AtStart => f.write_str("already at the first question"),
            SessionError::AtEnd => f.write_str("already past the last question"),
            SessionError::Incomplete(ids) => write!(f, "unanswered required questions: {}", ids.join(", ")),
            SessionError::VersionMismatch { found, expected } => {
                write!(
                    f,
                    "answers are for questionnaire version {found}, this is version {expected}"
                )
            }
        }
    }
}

impl std::error::Error for SessionError {}

/// How far along the person is, counting only the questions shown to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The current question's place, from 1; equal to `total` once past the last question.
    pub position: usize,
    /// How many questions are shown, given the answers so far (it can change with them).
    pub total: usize,
    /// How many shown questions have an answer ("Prefer not to say" included).
    pub answered: usize,
}

/// One line of the review before finishing.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewItem {
    /// The question.
    pub question: &'static Question,
    /// Its section.
    pub section: Option<&'static Section>,
    /// The answer, or `None` if skipped.
    pub answer: Option<Answer>,
}

/// A finished check-in: the answers and what they mean, ready to show and to save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompletedCheckIn {
    /// The questionnaire version the answers belong to.
    pub questionnaire_version: u32,
    /// The scoring method version the assessment was made with.
    pub method_version: u32,
    /// The answers to the questions that were shown.
    pub answers: Answers,
    /// The result.
    pub assessment: Assessment,
}

/// A check-in in progress.
///
/// Saved as its answers and the id of the current question; loading checks the answers again,
/// so a changed or tampered answer gives an error instead of a broken session. A saved current
/// question that is unknown or no longer shown is not worth losing the answers over: the
/// session then opens where [`Session::resume`] would.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    answers: Answers,
    /// The id of the question the person is on; `None` once past the last one.
    current: Option<&'static str>,
}

#[derive(Serialize, Deserialize)]
struct SavedSession {
    answers: Answers,
    current: Option<String>,
}

impl From<Session> for SavedSession {
    fn from(session: Session) -> SavedSession {
        SavedSession {
            answers: session.answers,
            current: session.current.map(str::to_owned),
        }
    }
}

impl TryFrom<SavedSession> for Session {
    type Error = SessionError;
    fn try_from(saved: SavedSession) -> Result<Session, SessionError> {
        let mut session = Session::resume(saved.answers)?;
        match saved.current {
            // Unknown or hidden: keep the resume position rather than fail.
            Some(id) => {
                let _ = session.go_to(&id);
            }
            None => session.current = None,
        }
        Ok(session)
    }
}

// By hand rather than `#[serde(try_from)]`: the derive would tie the input's lifetime to the
// `&'static str` field and refuse to load from a short-lived string.
impl Serialize for Session {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SavedSession::from(self.clone()).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Session {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Session, D::Error> {
        let saved = SavedSession::deserialize(deserializer)?;
        Session::try_from(saved).map_err(serde::de::Error::custom)
    }
}

impl Default for Session {
    fn default() -> Session {
        Session::new()
    }
}

impl Session {
    /// A new check-in, on the first question.
    pub fn new() -> Session {
        let answers = Answers::new();
        let current = QUESTIONNAIRE.visible_questions(&answers).first().map(|q| q.id);
        Session { answers, current }
    }

    /// Picks up saved answers: each is checked, answers to questions that no longer apply are
    /// dropped, and the session opens just after the last answered question: on the next shown
    /// question (which has no answer), or on the review when the last answer was to the last
    /// question; on the first question when nothing is answered. Questions skipped earlier are
    /// not asked again (the review shows them, and any required one still missing).
    pub fn resume(answers: Answers) -> Result<Session, SessionError> {
        if answers.questionnaire_version != QUESTIONNAIRE_VERSION {
            return Err(SessionError::VersionMismatch {
                found: answers.questionnaire_version,
                expected: QUESTIONNAIRE_VERSION,
            });
        }
        for (id, answer) in answers.iter() {
            let question = QUESTIONNAIRE
                .question(id)
                .ok_or_else(|| SessionError::UnknownQuestion(id.to_owned()))?;
            question.check(answer).map_err(|error| SessionError::InvalidAnswer {
                question: id.to_owned(),
                error,
            })?;
        }
        let mut session = Session { answers, current: None };
        session.drop_hidden();
        session.current = session.resume_position();
        Ok(session)
    }

    /// The shown question just after the last answered one (the first when none is answered);
    /// `None` (the review) when the last shown question is answered.
    fn resume_position(&self) -> Option<&'static str> {
        let visible = self.visible_questions();
        let next = visible
            .iter()
            .rposition(|q| self.answers.get(q.id).is_some())
            .map_or(0, |last| last + 1);
        visible.get(next).map(|q| q.id)
    }

    /// The questionnaire this session runs.
    pub fn questionnaire(&self) -> &'static Questionnaire {
        &QUESTIONNAIRE
    }

    /// The answers so far (only to questions that are shown).
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The question the person is on; `None` once past the last one (time to review).
    pub fn current(&self) -> Option<&'static Question> {
        self.current.and_then(|id| QUESTIONNAIRE.question(id))
    }

    /// The id of the question the person is on, as a draft saves it.
    pub(crate) fn current_id(&self) -> Option<&'static str> {
        self.current
    }

    /// A session from a saved draft's answers and current question, checked as loading a
    /// saved session checks it.
    pub(crate) fn from_saved(answers: Answers, current: Option<String>) -> Result<Session, SessionError> {
        Session::try_from(SavedSession { answers, current })
    }

    /// The questions shown, given the answers so far, in order.
    pub fn visible_questions(&self) -> Vec<&'static Question> {
        QUESTIONNAIRE.visible_questions(&self.answers)
    }

    fn shown(&self, question_id: &str) -> Result<&'static Question, SessionError> {
        let question = QUESTIONNAIRE
            .question(question_id)
            .ok_or_else(|| SessionError::UnknownQuestion(question_id.to_owned()))?;
        if self.visible_questions().iter().any(|q| q.id == question.id) {
            Ok(question)
        } else {
            Err(SessionError::NotShown(question_id.to_owned()))
        }
    }

    /// Records an answer to any shown question (the current one, or an earlier one from the
    /// review) and returns the safety signs it raises at once, so the UI can show crisis
    /// options before the check-in ends. Does not move on: call [`Session::next`].
    pub fn answer(&mut self, question_id: &str, answer: Answer) -> Result<Vec<SafetyFlag>, SessionError> {
        let question = self.shown(question_id)?;
        question.check(&answer).map_err(|error| SessionError::InvalidAnswer {
            question: question.id.to_owned(),
            error,
        })?;
        let flags = question.safety_flags(&answer);
        self.answers.insert(question.id, answer);
        self.drop_hidden();
        Ok(flags)
    }

    /// Removes the answer to an optional shown question (from the review).
    pub fn clear(&mut self, question_id: &str) -> Result<(), SessionError> {
        let question = self.shown(question_id)?;
        if question.is_required() {
            return Err(SessionError::Required(question.id.to_owned()));
        }
        self.answers.remove(question.id);
        self.drop_hidden();
        Ok(())
    }

    /// Takes back the answer to a shown question, as when every box of a pick-any question is
    /// unticked. Unlike [`Session::clear`] it is allowed on a required question, whose Next
    /// then asks for an answer again.
    pub fn withdraw(&mut self, question_id: &str) -> Result<(), SessionError> {
        let question = self.shown(question_id)?;
        self.answers.remove(question.id);
        self.drop_hidden();
        Ok(())
    }

    /// Skips the current question, which must be optional: any answer to it is removed.
    pub fn skip(&mut self) -> Result<(), SessionError> {
        let question = self.current().ok_or(SessionError::AtEnd)?;
        self.clear(question.id)?;
        self.next()
    }

    /// Moves to the next shown question, or past the last one. A required question must be
    /// answered first; an optional one left blank counts as skipped.
    // "Next" is the check-in's own word for this move; a session is not an iterator.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<(), SessionError> {
        let question = self.current().ok_or(SessionError::AtEnd)?;
        if question.is_required() && self.answers.get(question.id).is_none() {
            return Err(SessionError::Required(question.id.to_owned()));
        }
        let visible = self.visible_questions();
        let here = visible.iter().position(|q| q.id == question.id);
        self.current = here.and_then(|i| visible.get(i + 1)).map(|q| q.id);
        Ok(())
    }

    /// Moves to the previous shown question (from the end: to the last one).
    pub fn back(&mut self) -> Result<(), SessionError> {
        let visible = self.visible_questions();
        let previous = match self.current {
            None => visible.last(),
            Some(id) => match visible.iter().position(|q| q.id == id) {
                Some(0) | None => None,
                Some(i) => visible.get(i - 1),
            },
        };
        self.current = Some(previous.ok_or(SessionError::AtStart)?.id);
        Ok(())
    }

    /// Jumps to a shown question, for changing an answer from the review.
    pub fn go_to(&mut self, question_id: &str) -> Result<(), SessionError> {
        self.current = Some(self.shown(question_id)?.id);
        Ok(())
    }

    /// How far along the person is.
    pub fn progress(&self) -> Progress {
        let visible = self.visible_questions();
        let position = match self.current {
            None => visible.len(),
            Some(id) => visible.iter().position(|q| q.id == id).map_or(visible.len(), |i| i + 1),
        };
        Progress {
            position,
            total: visible.len(),
            answered: visible.iter().filter(|q| self.answers.get(q.id).is_some()).count(),
        }
    }

    /// Every shown question with its answer, in order, for a review before finishing.
    pub fn review(&self) -> Vec<ReviewItem> {
        self.visible_questions()
            .into_iter()
            .map(|question| ReviewItem {
                question,
                section: QUESTIONNAIRE.section(question.section),
                answer: self.answers.get(question.id).cloned(),
            })
            .collect()
    }

    /// The ids of shown required questions without an answer, in order.
    pub fn missing_required(&self) -> Vec<&'static str> {
        self.visible_questions()
            .into_iter()
            .filter(|q| q.is_required() && self.answers.get(q.id).is_none())
            .map(|q| q.id)
            .collect()
    }

    /// Every safety sign the answers so far raise (for a resumed session).
    pub fn safety_flags(&self) -> Vec<SafetyFlag> {
        QUESTIONNAIRE.safety_flags(&self.answers)
    }

    /// Finishes the check-in, once every shown required question is answered.
    pub fn complete(&self) -> Result<CompletedCheckIn, SessionError> {
        let missing = self.missing_required();
        if !missing.is_empty() {
            return Err(SessionError::Incomplete(
                missing.into_iter().map(str::to_owned).collect(),
            ));
        }
        Ok(CompletedCheckIn {
            questionnaire_version: QUESTIONNAIRE_VERSION,
            method_version: METHOD_VERSION,
            answers: self.answers.clone(),
            assessment: score(&self.answers),
        })
    }

    /// Drops answers to questions that are no longer shown, and moves the current question on
    /// if it was hidden. Conditions only look backwards, so one pass settles everything.
    fn drop_hidden(&mut self) {
        let visible = QUESTIONNAIRE.visible(&self.answers);
        let hidden: Vec<&'static str> = QUESTIONNAIRE
            .questions
            .iter()
            .zip(&visible)
            .filter_map(|(q, shown)| (!shown).then_some(q.id))
            .collect();
        self.answers.retain(|id, _| !hidden.contains(&id));
        if let Some(current) = self.current {
            if hidden.contains(&current) {
                let from = QUESTIONNAIRE.index_of(current).unwrap_or(0);
                self.current = QUESTIONNAIRE
                    .questions
                    .iter()
                    .zip(&visible)
                    .skip(from)
                    .find(|(_, shown)| **shown)
                    .map(|(q, _)| q.id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::tests::{answers, GOOD};

    fn choice(id: &str) -> Answer {
        Answer::Choice(id.to_owned())
    }

    /// Walks a new session to the end, answering from `pairs` and skipping the rest.
    fn walk(pairs: &[(&str, &str)]) -> Session {
        let given = answers(pairs);
        let mut session = Session::new();
        let mut steps = 0;
        while let Some(q) = session.current() {
            steps += 1;
            assert!(steps < 100, "the walk does not end");
            match given.get(q.id) {
                Some(answer) => {
                    session.answer(q.id, answer.clone()).expect("valid answer");
                    session.next().expect("answered, so next works");
                }
                None => session.skip().expect("only optional questions are left blank"),
            }
        }
        session
    }

    #[test]
    fn a_new_session_starts_at_the_first_question() {
        let session = Session::new();
        assert_eq!(session.current().map(|q| q.id), Some("recovery_from"));
        let progress = session.progress();
        assert_eq!((progress.position, progress.answered), (1, 0));
        assert_eq!(
            progress.total, 32,
            "33 questions; which substances were used is asked only after recent use"
        );
    }

    #[test]
    fn bad_input_gives_errors_not_panics() {
        let mut s = Session::new();
        assert_eq!(
            s.answer("nope", choice("x")),
            Err(SessionError::UnknownQuestion("nope".into()))
        );
        assert_eq!(
            s.answer("cravings", choice("sometimes")),
            Err(SessionError::InvalidAnswer {
                question: "cravings".into(),
                error: AnswerError::UnknownOption("sometimes".into())
            })
        );
        assert!(matches!(
            s.answer("importance", Answer::Scale(11)),
            Err(SessionError::InvalidAnswer {
                error: AnswerError::OutOfRange { .. },
                ..
            })
        ));
        assert!(matches!(
            s.answer("cravings", Answer::PreferNotToSay),
            Err(SessionError::InvalidAnswer {
                error: AnswerError::PreferNotToSayNotOffered,
                ..
            })
        ));
        assert_eq!(
            s.answer("substances_30d", Answer::Choices(vec!["alcohol".into()])),
            Err(SessionError::NotShown("substances_30d".into()))
        );
        assert_eq!(s.back(), Err(SessionError::AtStart));
        assert_eq!(
            s.go_to("substances_30d"),
            Err(SessionError::NotShown("substances_30d".into()))
        );
        assert!(s.answers().is_empty(), "nothing bad was stored");
    }

    #[test]
    fn required_questions_cannot_be_skipped_optional_ones_can() {
        let mut s = Session::new();
        s.skip().expect("recovery_from is optional");
        assert_eq!(s.current().map(|q| q.id), Some("time_in_recovery"));
        assert_eq!(s.skip(), Err(SessionError::Required("time_in_recovery".into())));
        assert_eq!(s.next(), Err(SessionError::Required("time_in_recovery".into())));
        assert_eq!(
            s.clear("time_in_recovery"),
            Err(SessionError::Required("time_in_recovery".into()))
        );
        s.answer("time_in_recovery", choice("months_1_3")).expect("valid");
        s.next().expect("answered");
        assert_eq!(s.progress().position, 3);
        s.back().expect("back");
        assert_eq!(s.current().map(|q| q.id), Some("time_in_recovery"));
    }

    #[test]
    fn a_safety_answer_raises_its_flag_at_once() {
        let mut s = Session::new();
        assert_eq!(s.answer("self_harm", choice("not_at_all")), Ok(vec![]));
        assert_eq!(
            s.answer("self_harm", choice("often")),
            Ok(vec![SafetyFlag::SuicidalThoughts])
        );
        assert_eq!(
            s.answer("self_harm", Answer::PreferNotToSay),
            Ok(vec![SafetyFlag::SuicidalThoughts])
        );
        assert!(SafetyFlag::SuicidalThoughts.opens_crisis_panel());
        assert_eq!(s.safety_flags(), [SafetyFlag::SuicidalThoughts]);
        assert_eq!(
            s.answer("safe_home", choice("sometimes_unsafe")),
            Ok(vec![SafetyFlag::UnsafeAtHome])
        );
    }

    #[test]
    fn answers_to_questions_that_no_longer_apply_are_dropped() {
        let mut s = Session::new();
        s.answer("use_30d", choice("three_to_14_days")).expect("valid");
        assert_eq!(s.progress().total, 33, "the follow-ups appear");
        s.answer("substances_30d", Answer::Choices(vec!["opioids".into()]))
            .expect("shown now");
        assert_eq!(
            s.progress().total,
            32,
            "no alcohol or benzodiazepines: no stop-plan question"
        );
        s.answer("opioid_after_break", choice("yes")).expect("shown now");
        s.go_to("opioid_after_break").expect("shown");
        assert_eq!(s.safety_flags(), [SafetyFlag::OpioidAfterBreak]);
        s.answer("use_30d", choice("none")).expect("valid");
        assert_eq!(s.answers().get("substances_30d"), None);
        assert_eq!(s.answers().get("opioid_after_break"), None);
        assert!(s.safety_flags().is_empty());
        assert_eq!(s.progress().total, 30);
        assert_eq!(
            s.current().map(|q| q.id),
            Some("safe_home"),
            "moved on from the hidden question"
        );
    }

    #[test]
    fn skipping_the_use_question_still_reaches_the_opioid_and_stopping_questions() {
        // GOOD without its use answer: use is skipped, so "which substances" is not asked, and
        // both safety questions are.
        let pairs: Vec<(&str, &str)> = GOOD.iter().copied().filter(|(q, _)| *q != "use_30d").collect();
        let done = walk(&pairs);
        let asked: Vec<&str> = done.review().iter().map(|r| r.question.id).collect();
        assert!(!asked.contains(&"substances_30d"), "{asked:?}");
        assert!(asked.contains(&"opioid_after_break"), "{asked:?}");
        assert!(asked.contains(&"stop_plan"), "{asked:?}");
    }

    #[test]
    fn complete_needs_every_required_answer() {
        let s = Session::new();
        match s.complete() {
            Err(SessionError::Incomplete(missing)) => {
                assert_eq!(missing.first().map(String::as_str), Some("time_in_recovery"));
                assert!(missing.contains(&"self_harm".to_owned()));
                assert!(!missing.contains(&"spirituality".to_owned()), "optional");
            }
            other => panic!("expected Incomplete, got {other:?}"),
        }
        let mut done = walk(GOOD);
        assert_eq!(done.current(), None);
        assert_eq!(done.next(), Err(SessionError::AtEnd));
        assert_eq!(done.skip(), Err(SessionError::AtEnd));
        let progress = done.progress();
        assert_eq!((progress.position, progress.total, progress.answered), (30, 30, 22));
        let completed = done.complete().expect("complete");
        assert_eq!(completed.assessment, score(&answers(GOOD)));
        assert_eq!(completed.answers, answers(GOOD));
        assert_eq!(done.review().len(), 30);
        assert_eq!(done.review().iter().filter(|r| r.answer.is_none()).count(), 8);
    }

    #[test]
    fn back_from_the_end_goes_to_the_last_question() {
        let mut done = walk(GOOD);
        done.back().expect("back");
        assert_eq!(done.current().map(|q| q.id), Some("safe_home"));
    }

    #[test]
    fn sessions_save_and_load_and_bad_saves_are_refused() {
        let mut s = Session::new();
        s.answer("time_in_recovery", choice("months_1_3")).expect("valid");
        s.answer("cravings", choice("five_six")).expect("valid");
        s.go_to("cravings").expect("shown");
        let json = serde_json::to_string(&s).expect("serialises");
        let back: Session = serde_json::from_str(&json).expect("loads");
        assert_eq!(back, s);
        let tampered = json.replace("five_six", "loads");
        assert!(serde_json::from_str::<Session>(&tampered).is_err());
        let old = json.replace(
            &format!("\"questionnaire_version\":{QUESTIONNAIRE_VERSION}"),
            "\"questionnaire_version\":0",
        );
        assert!(serde_json::from_str::<Session>(&old).is_err());
        let mut answers = Answers::new();
        answers.questionnaire_version = 0;
        assert_eq!(
            Session::resume(answers),
            Err(SessionError::VersionMismatch {
                found: 0,
                expected: QUESTIONNAIRE_VERSION
            })
        );
    }

    #[test]
    fn resume_opens_after_the_last_answer_and_drops_hidden_answers() {
        // Question 1 (optional) was skipped: resuming does not send the person back to it.
        let mut saved = answers(&[("time_in_recovery", "years_1_5"), ("use_30d", "none")]);
        saved.insert("substances_30d", Answer::Choices(vec!["alcohol".into()]));
        let s = Session::resume(saved).expect("valid");
        assert_eq!(
            s.current().map(|q| q.id),
            Some("cravings"),
            "after use_30d; substances_30d is hidden"
        );
        assert_eq!(s.answers().get("substances_30d"), None);
        let s = Session::resume(answers(&[("time_in_recovery", "years_1_5")])).expect("valid");
        assert_eq!(s.current().map(|q| q.id), Some("goal"));
        assert_eq!(
            Session::resume(Answers::new()).expect("valid").current().map(|q| q.id),
            Some("recovery_from"),
            "nothing answered: the first question"
        );
        // The last question answered: the review, even with optional questions skipped.
        let s = Session::resume(answers(GOOD)).expect("valid");
        assert_eq!(s.current(), None);
        assert!(s.complete().is_ok());
        let mut unknown = Answers::new();
        unknown.insert("favourite_colour", choice("blue"));
        assert_eq!(
            Session::resume(unknown),
            Err(SessionError::UnknownQuestion("favourite_colour".into()))
        );
    }

    #[test]
    fn a_bad_saved_current_question_does_not_lose_the_answers() {
        let mut s = Session::new();
        s.answer("time_in_recovery", choice("months_1_3")).expect("valid");
        s.answer("use_30d", choice("none")).expect("valid");
        s.go_to("time_in_recovery").expect("shown");
        let json = serde_json::to_string(&s).expect("serialises");
        assert!(json.contains("\"current\":\"time_in_recovery\""), "{json}");
        for current in ["favourite_colour", "opioid_after_break", "substances_30d"] {
            let saved = json.replace(
                "\"current\":\"time_in_recovery\"",
                &format!("\"current\":\"{current}\""),
            );
            let back: Session = serde_json::from_str(&saved).unwrap_or_else(|e| panic!("{current}: {e}"));
            assert_eq!(back.answers(), s.answers(), "{current}");
            assert_eq!(back.current().map(|q| q.id), Some("cravings"), "{current}");
        }
        // At the review (no current question): still the review.
        let done = walk(GOOD);
        let back: Session = serde_json::from_str(&serde_json::to_string(&done).expect("serialises")).expect("loads");
        assert_eq!(back, done);
    }

    #[test]
    fn errors_have_plain_words() {
        assert_eq!(SessionError::Required("x".into()).message(), Msg::ErrorsRequired);
        assert_eq!(
            SessionError::InvalidAnswer {
                question: "x".into(),
                error: AnswerError::NoChoice
            }
            .message(),
            Msg::ErrorsEmptyChoice
        );
        assert!(SessionError::Incomplete(vec!["a".into(), "b".into()])
            .to_string()
            .contains("a, b"));
    }
}
