//! The check-in's questions, as data: what is asked, in which order, when, and how each
//! answer counts.
//!
//! The definition lives in `content/questionnaire.toml`, which a clinician or translator can
//! review without reading Rust; `build.rs` turns it into [`QUESTIONNAIRE`] and fails the build
//! on a missing text or a broken reference. [`validate`] checks the structure again at test
//! time (unique ids, references, reachable branches, coverage of every construct), and can be
//! run on any [`Questionnaire`], so its own tests can feed it broken ones.
//!
//! Branching is data too: a question's [`Question::show_if`] conditions name earlier
//! questions, so [`Questionnaire::visible`] settles every question in one pass, in order.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::decimal::{decimal, push_decimal};
use crate::i18n::Msg;
use crate::safety::SafetyFlag;

include!(concat!(env!("OUT_DIR"), "/questionnaire.rs"));

/// A whole questionnaire: the shipped one is [`QUESTIONNAIRE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Questionnaire {
    /// Saved with every set of answers, so answers to an older questionnaire can be told apart.
    pub version: u32,
    /// What the check-in means to ask about, with sources.
    pub constructs: &'static [Construct],
    /// The parts of the check-in, in order.
    pub sections: &'static [Section],
    /// Every question, in the order a person sees them.
    pub questions: &'static [Question],
}

/// One thing the check-in asks about, from CONTENT-BASIS.md section 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Construct {
    /// Its name in the content file.
    pub id: &'static str,
    /// Which side it is on.
    pub side: Side,
    /// Where it comes from (for reviewers; not shown to people).
    pub source: &'static str,
}

/// The side of a construct.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Makes staying on track harder.
    Stressor,
    /// Makes it easier.
    Support,
    /// Drive to stay on track.
    Motivation,
    /// Which groups would fit.
    Preference,
    /// Background that shapes suggestions.
    Context,
    /// Safety screening.
    Safety,
}

/// A part of the check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// Its name in the content file.
    pub id: &'static str,
    /// The heading.
    pub title: Msg,
    /// One or two sentences under the heading.
    pub intro: Msg,
}

/// What an answer counts towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Stressors: more points, more strain.
    Stressor,
    /// Recent alcohol or drug use; scored with the stressors and named kindly.
    Use,
    /// Supports: more points, more support.
    Support,
    /// Motivation: more points, more drive.
    Motivation,
    /// Unscored: which groups to suggest.
    Preference,
    /// Unscored: background for suggestions.
    Context,
    /// Unscored: raises safety messages, never the band.
    Safety,
}

impl Domain {
    /// Whether answers in this domain count towards a score.
    pub fn is_scored(self) -> bool {
        matches!(
            self,
            Domain::Stressor | Domain::Use | Domain::Support | Domain::Motivation
        )
    }

    /// Whether more points mean more risk (stressors and use) rather than less.
    pub fn points_raise_risk(self) -> bool {
        matches!(self, Domain::Stressor | Domain::Use)
    }
}

/// The days a question asks about; the question's text says it too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeFrame {
    /// Right now.
    Now,
    /// The last 7 days.
    Last7Days,
    /// The last 2 weeks.
    Last14Days,
    /// The last 30 days.
    Last30Days,
    /// The next 30 days (plans and confidence).
    Next30Days,
}

impl TimeFrame {
    /// A short label, for a line above the question.
    pub fn label(self) -> Msg {
        match self {
            TimeFrame::Now => Msg::TimeFrameNow,
            TimeFrame::Last7Days => Msg::TimeFrameLast7Days,
            TimeFrame::Last14Days => Msg::TimeFrameLast14Days,
            TimeFrame::Last30Days => Msg::TimeFrameLast30Days,
            TimeFrame::Next30Days => Msg::TimeFrameNext30Days,
        }
    }
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Pick one option.
    Single,
    /// Pick one or more options.
    Multiple,
    /// Pick a whole number from `min` to `max`.
    Scale {
        /// The lowest number.
        min: u8,
        /// The highest number.
        max: u8,
        /// What the lowest number means.
        min_label: Msg,
        /// What the highest number means.
        max_label: Msg,
    },
}

/// One question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable name; answers are saved under it.
    pub id: &'static str,
    /// The id of its [`Section`].
    pub section: &'static str,
    /// How it is answered.
    pub kind: QuestionKind,
    /// What it counts towards.
    pub domain: Domain,
    /// Ids of the [`Construct`]s it asks about. Empty in the WebAssembly build: only the
    /// content checks read them (`build.rs`, and [`validate`] in the native tests).
    pub constructs: &'static [&'static str],
    /// The days it asks about.
    pub time_frame: TimeFrame,
    /// Whether it may be skipped.
    pub optional: bool,
    /// Whether "Prefer not to say" is offered.
    pub sensitive: bool,
    /// The question.
    pub text: Msg,
    /// A line of help under it.
    pub hint: Option<Msg>,
    /// The options (empty for a scale).
    pub options: &'static [AnswerOption],
    /// Ask only when every condition holds.
    pub show_if: &'static [Condition],
    /// The safety sign "Prefer not to say" raises, if any.
    pub prefer_not_to_say_safety: Option<SafetyFlag>,
    /// How a result names this answer when it weighs on the person (scored questions).
    pub driver: Option<Msg>,
    /// How a result names a good answer as a strength.
    pub strength: Option<Msg>,
    /// The next step offered when this answer is a main driver.
    pub step: Option<Msg>,
}

/// One option of a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnswerOption {
    /// Stable name, saved with the answer.
    pub id: &'static str,
    /// What the person reads.
    pub text: Msg,
    /// How much it counts, 0-4; `None` when explicitly unscored (not a zero).
    pub points: Option<u8>,
    /// Cannot be picked together with other options ("None of these").
    pub exclusive: bool,
    /// The safety sign it raises at once.
    pub safety: Option<SafetyFlag>,
    /// It shows strong distress: professional help is ranked above peer groups.
    pub strong_distress: bool,
}

/// A branching condition: holds when the named earlier question's state matches any of
/// `any_of` (an option picked, "Prefer not to say", left unanswered, or not shown at all), or
/// when any of its alternatives in `or` holds.
///
/// A question's [`Question::show_if`] is a list of conditions that must all hold; `or` lets one
/// of them look at other questions too, so "(A and B) or C" is written as "(A or C) and
/// (B or C)".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Condition {
    /// The id of an earlier question.
    pub question: &'static str,
    /// The answers that make it hold.
    pub any_of: &'static [Match],
    /// Alternatives, each on an earlier question: the condition holds when any of them holds.
    pub or: &'static [Condition],
}

/// An answer a [`Condition`] looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// This option was picked.
    Option(&'static str),
    /// The person chose "Prefer not to say".
    PreferNotToSay,
    /// The question was shown but not answered.
    Unanswered,
    /// The question was not shown: its own conditions did not hold.
    Hidden,
}

/// Why an answer does not fit its question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerError {
    /// A choice for a scale, a number for a choice, one option for a pick-any question...
    WrongKind,
    /// The option is not one of the question's.
    UnknownOption(String),
    /// The same option twice.
    DuplicateOption(String),
    /// An option such as "None of these" together with others.
    ExclusiveOption(String),
    /// A pick-any answer with nothing picked (skip the question instead).
    NoChoice,
    /// A number outside the scale.
    OutOfRange {
        /// The number given.
        value: u8,
        /// The lowest allowed.
        min: u8,
        /// The highest allowed.
        max: u8,
    },
    /// "Prefer not to say" on a question that does not offer it.
    PreferNotToSayNotOffered,
}

impl AnswerError {
    /// What to tell the person, in plain words.
    pub fn message(&self) -> Msg {
        match self {
            AnswerError::WrongKind => Msg::ErrorsWrongKind,
            AnswerError::UnknownOption(_) => Msg::ErrorsUnknownOption,
            AnswerError::DuplicateOption(_) => Msg::ErrorsDuplicateOption,
            AnswerError::ExclusiveOption(_) => Msg::ErrorsExclusiveOption,
            AnswerError::NoChoice => Msg::ErrorsEmptyChoice,
            AnswerError::OutOfRange { .. } => Msg::ErrorsOutOfRange,
            AnswerError::PreferNotToSayNotOffered => Msg::ErrorsPreferNotOffered,
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::WrongKind => f.write_str("this kind of answer does not fit the question"),
            AnswerError::UnknownOption(o) => write!(f, "`{o}` is not an option of the question"),
            AnswerError::DuplicateOption(o) => write!(f, "`{o}` is chosen twice"),
            AnswerError::ExclusiveOption(o) => write!(f, "`{o}` cannot be chosen with other options"),
            AnswerError::NoChoice => f.write_str("no option is chosen"),
            // Numbers written without `core::fmt`'s u8 `Display`, which the wasm needs nowhere else.
            AnswerError::OutOfRange { value, min, max } => {
                let mut text = decimal(u64::from(*value));
                text.push_str(" is outside ");
                push_decimal(&mut text, u64::from(*min));
                text.push_str("..=");
                push_decimal(&mut text, u64::from(*max));
                f.write_str(&text)
            }
            AnswerError::PreferNotToSayNotOffered => f.write_str("\"prefer not to say\" is not offered here"),
        }
    }
}

impl std::error::Error for AnswerError {}

impl Question {
    /// The option called `id`.
    pub fn option(&self, id: &str) -> Option<&'static AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// Whether `answer` fits this question.
    pub fn check(&self, answer: &Answer) -> Result<(), AnswerError> {
        match (answer, self.kind) {
            (Answer::PreferNotToSay, _) if self.sensitive => Ok(()),
            (Answer::PreferNotToSay, _) => Err(AnswerError::PreferNotToSayNotOffered),
            (Answer::Choice(id), QuestionKind::Single) => match self.option(id) {
                Some(_) => Ok(()),
                None => Err(AnswerError::UnknownOption(id.clone())),
            },
            (Answer::Choices(ids), QuestionKind::Multiple) => {
                if ids.is_empty() {
                    return Err(AnswerError::NoChoice);
                }
                for (index, id) in ids.iter().enumerate() {
                    let option = self.option(id).ok_or_else(|| AnswerError::UnknownOption(id.clone()))?;
                    if ids.iter().take(index).any(|earlier| earlier == id) {
                        return Err(AnswerError::DuplicateOption(id.clone()));
                    }
                    if option.exclusive && ids.len() > 1 {
                        return Err(AnswerError::ExclusiveOption(id.clone()));
                    }
                }
                Ok(())
            }
            (Answer::Scale(value), QuestionKind::Scale { min, max, .. }) => {
                if (min..=max).contains(value) {
                    Ok(())
                } else {
                    Err(AnswerError::OutOfRange {
                        value: *value,
                        min,
                        max,
                    })
                }
            }
            _ => Err(AnswerError::WrongKind),
        }
    }

    /// The most points an answer can give; 0 for unscored questions.
    pub fn max_points(&self) -> u8 {
        match self.kind {
            QuestionKind::Scale { min, max, .. } => max - min,
            _ => self.options.iter().filter_map(|o| o.points).max().unwrap_or(0),
        }
    }

    /// The points of an answer: `None` when the answer does not count (unscored question or
    /// option, "Prefer not to say", or an answer that does not fit). A pick-any answer counts
    /// its highest-scoring option.
    pub fn points(&self, answer: &Answer) -> Option<u8> {
        if !self.domain.is_scored() || self.check(answer).is_err() {
            return None;
        }
        match (answer, self.kind) {
            (Answer::Choice(id), _) => self.option(id).and_then(|o| o.points),
            (Answer::Choices(ids), _) => ids.iter().filter_map(|id| self.option(id)?.points).max(),
            (Answer::Scale(value), QuestionKind::Scale { min, .. }) => Some(value - min),
            _ => None,
        }
    }

    /// The options an answer picked (none for a scale or "Prefer not to say").
    pub fn chosen(&self, answer: &Answer) -> Vec<&'static AnswerOption> {
        match answer {
            Answer::Choice(id) => self.option(id).into_iter().collect(),
            Answer::Choices(ids) => ids.iter().filter_map(|id| self.option(id)).collect(),
            _ => Vec::new(),
        }
    }

    /// The safety signs an answer raises at once.
    pub fn safety_flags(&self, answer: &Answer) -> Vec<SafetyFlag> {
        if self.check(answer).is_err() {
            return Vec::new();
        }
        let mut flags: Vec<SafetyFlag> = match answer {
            Answer::PreferNotToSay => self.prefer_not_to_say_safety.into_iter().collect(),
            _ => self.chosen(answer).iter().filter_map(|o| o.safety).collect(),
        };
        crate::sort::sort(&mut flags);
        flags.dedup();
        flags
    }

    /// Whether an answer shows strong distress.
    pub fn shows_strong_distress(&self, answer: &Answer) -> bool {
        self.check(answer).is_ok() && self.chosen(answer).iter().any(|o| o.strong_distress)
    }

    /// Whether the person must answer it (or say "Prefer not to say") to finish.
    pub fn is_required(&self) -> bool {
        !self.optional
    }
}

impl Questionnaire {
    /// The question called `id`.
    pub fn question(&self, id: &str) -> Option<&'static Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The position of the question called `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// The section called `id`.
    pub fn section(&self, id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// For each question, in order, whether it is shown given these answers.
    ///
    /// A condition holds when its question is shown and its valid answer matches; answers to
    /// hidden questions and answers that do not fit their question are treated as missing.
    pub fn visible(&self, answers: &Answers) -> Vec<bool> {
        let mut shown: Vec<bool> = Vec::with_capacity(self.questions.len());
        for question in self.questions {
            let visible = question
                .show_if
                .iter()
                .all(|condition| self.holds(condition, &shown, answers));
            shown.push(visible);
        }
        shown
    }

    /// Whether a condition holds, given which earlier questions are shown.
    fn holds(&self, condition: &Condition, shown: &[bool], answers: &Answers) -> bool {
        let matches = || {
            let Some(index) = self.index_of(condition.question) else {
                return false;
            };
            // Conditions only name earlier questions (checked by build.rs and `validate`); a
            // later one never holds, rather than panicking.
            let Some(&target_shown) = shown.get(index) else {
                return false;
            };
            if !target_shown {
                return condition.any_of.contains(&Match::Hidden);
            }
            let target = &self.questions[index];
            let answer = answers.get(target.id).filter(|a| target.check(a).is_ok());
            condition.any_of.iter().any(|m| match (m, answer) {
                (Match::Unanswered, None) => true,
                (Match::PreferNotToSay, Some(Answer::PreferNotToSay)) => true,
                (Match::Option(id), Some(Answer::Choice(chosen))) => chosen == id,
                (Match::Option(id), Some(Answer::Choices(chosen))) => chosen.iter().any(|c| c == id),
                _ => false,
            })
        };
        matches() || condition.or.iter().any(|alt| self.holds(alt, shown, answers))
    }

    /// The questions shown given these answers, in order.
    pub fn visible_questions(&self, answers: &Answers) -> Vec<&'static Question> {
        self.questions
            .iter()
            .zip(self.visible(answers))
            .filter_map(|(q, shown)| shown.then_some(q))
            .collect()
    }

    /// Shown questions with a valid answer, in order: what scoring and safety look at.
    pub fn answered<'a>(&self, answers: &'a Answers) -> Vec<(&'static Question, &'a Answer)> {
        answered_among(&self.visible_questions(answers), answers)
    }

    /// Every safety sign raised by the shown, valid answers, in message order.
    pub fn safety_flags(&self, answers: &Answers) -> Vec<SafetyFlag> {
        safety_flags_of(&self.answered(answers))
    }
}

/// Of the `shown` questions, those with a valid answer, in order.
pub(crate) fn answered_among<'a>(
    shown: &[&'static Question],
    answers: &'a Answers,
) -> Vec<(&'static Question, &'a Answer)> {
    shown
        .iter()
        .filter_map(|q| {
            let answer = answers.get(q.id)?;
            q.check(answer).is_ok().then_some((*q, answer))
        })
        .collect()
}

/// The safety signs these (shown, valid) answers raise, in message order, once each.
pub(crate) fn safety_flags_of(answered: &[(&'static Question, &Answer)]) -> Vec<SafetyFlag> {
    let mut flags: Vec<SafetyFlag> = answered.iter().flat_map(|(q, a)| q.safety_flags(a)).collect();
    crate::sort::sort(&mut flags);
    flags.dedup();
    flags
}

/// A problem [`validate`] found in a questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValidationError {
    /// Two questions share an id.
    DuplicateQuestion(&'static str),
    /// Two options of one question share an id.
    DuplicateOption(&'static str, &'static str),
    /// Two sections share an id.
    DuplicateSection(&'static str),
    /// A question names a section that does not exist.
    UnknownSection(&'static str),
    /// A section has no questions.
    EmptySection(&'static str),
    /// A question names a construct that does not exist.
    UnknownConstruct(&'static str),
    /// A construct no question asks about.
    UncoveredConstruct(&'static str),
    /// A condition names a question that does not exist or comes later.
    BadReference(&'static str, &'static str),
    /// A condition names an answer its question cannot be given.
    BadMatch(&'static str, &'static str),
    /// No set of answers shows this question.
    Unreachable(&'static str),
    /// A scored question has no scored option, or an unscored one has points.
    Scoring(&'static str),
    /// A question is not on its section's turn.
    OutOfOrder(&'static str),
    /// The number of questions is outside 25-35 (about five minutes).
    Length(usize),
}

/// Finds everything wrong with a questionnaire's structure; empty when it is sound.
pub fn validate(q: &Questionnaire) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for s in q.sections {
        if !seen.insert(s.id) {
            errors.push(ValidationError::DuplicateSection(s.id));
        }
    }
    let mut seen = BTreeSet::new();
    let mut last_section = 0;
    for (index, question) in q.questions.iter().enumerate() {
        if !seen.insert(question.id) {
            errors.push(ValidationError::DuplicateQuestion(question.id));
        }
        match q.sections.iter().position(|s| s.id == question.section) {
            None => errors.push(ValidationError::UnknownSection(question.id)),
            Some(section) if section < last_section => errors.push(ValidationError::OutOfOrder(question.id)),
            Some(section) => last_section = section,
        }
        let mut options = BTreeSet::new();
        for o in question.options {
            if !options.insert(o.id) {
                errors.push(ValidationError::DuplicateOption(question.id, o.id));
            }
        }
        for c in question.constructs {
            if !q.constructs.iter().any(|k| k.id == *c) {
                errors.push(ValidationError::UnknownConstruct(question.id));
            }
        }
        let scored_options = question.options.iter().any(|o| o.points.is_some());
        let is_scale = matches!(question.kind, QuestionKind::Scale { .. });
        let sound = if question.domain.is_scored() {
            is_scale || scored_options
        } else {
            !is_scale && !scored_options
        };
        if !sound {
            errors.push(ValidationError::Scoring(question.id));
        }
        for condition in question.show_if.iter().flat_map(with_alternatives) {
            match q.index_of(condition.question) {
                Some(target) if target < index => {
                    let target = &q.questions[target];
                    for m in condition.any_of {
                        let fits = match m {
                            Match::Option(id) => target.option(id).is_some(),
                            Match::PreferNotToSay => target.sensitive,
                            Match::Unanswered => target.optional,
                            Match::Hidden => !target.show_if.is_empty(),
                        };
                        if !fits {
                            errors.push(ValidationError::BadMatch(question.id, condition.question));
                        }
                    }
                }
                _ => errors.push(ValidationError::BadReference(question.id, condition.question)),
            }
        }
    }
    for section in q.sections {
        if !q.questions.iter().any(|question| question.section == section.id) {
            errors.push(ValidationError::EmptySection(section.id));
        }
    }
    for construct in q.constructs {
        if !q
            .questions
            .iter()
            .any(|question| question.constructs.contains(&construct.id))
        {
            errors.push(ValidationError::UncoveredConstruct(construct.id));
        }
    }
    if !(25..=35).contains(&q.questions.len()) {
        errors.push(ValidationError::Length(q.questions.len()));
    }
    if !errors.iter().any(|e| matches!(e, ValidationError::BadReference(..))) {
        errors.extend(unreachable(q).into_iter().map(ValidationError::Unreachable));
    }
    errors
}

/// A condition and all its alternatives, nested ones included.
fn with_alternatives(condition: &'static Condition) -> Vec<&'static Condition> {
    let mut all = vec![condition];
    for alternative in condition.or {
        all.extend(with_alternatives(alternative));
    }
    all
}

/// Questions no answers can show. Each question is tried with the answers most likely to
/// show it: for every earlier question named by a condition or an alternative, each single
/// answer it allows (whether a named question is hidden follows from its own deciding
/// questions, which are searched too). Conditions only look backwards, so a search over the
/// named questions' answers is complete.
fn unreachable(q: &Questionnaire) -> Vec<&'static str> {
    let mut unreachable = Vec::new();
    for (index, question) in q.questions.iter().enumerate() {
        if question.show_if.is_empty() {
            continue;
        }
        // The questions that decide this one, directly or through their own conditions.
        let mut deciding: BTreeSet<usize> = BTreeSet::new();
        let mut stack = vec![index];
        while let Some(i) = stack.pop() {
            for c in q.questions[i].show_if.iter().flat_map(with_alternatives) {
                if let Some(t) = q.index_of(c.question) {
                    if deciding.insert(t) {
                        stack.push(t);
                    }
                }
            }
        }
        let deciding: Vec<usize> = deciding.into_iter().collect();
        let choices: Vec<Vec<Option<Answer>>> = deciding.iter().map(|&i| candidate_answers(&q.questions[i])).collect();
        let mut reachable = false;
        let mut counters = vec![0usize; deciding.len()];
        // Try every combination (the deciding questions are few, and each has few answers).
        'search: loop {
            let mut answers = Answers::new();
            for (slot, &i) in deciding.iter().enumerate() {
                if let Some(answer) = &choices[slot][counters[slot]] {
                    answers.insert(q.questions[i].id, answer.clone());
                }
            }
            if q.visible(&answers)[index] {
                reachable = true;
                break;
            }
            for slot in 0..counters.len() {
                counters[slot] += 1;
                if counters[slot] < choices[slot].len() {
                    continue 'search;
                }
                counters[slot] = 0;
            }
            break;
        }
        if !reachable {
            unreachable.push(question.id);
        }
    }
    unreachable
}

/// No answer, "Prefer not to say" where offered, and each single option.
fn candidate_answers(question: &Question) -> Vec<Option<Answer>> {
    let mut candidates = vec![None];
    if question.sensitive {
        candidates.push(Some(Answer::PreferNotToSay));
    }
    for o in question.options {
        candidates.push(Some(match question.kind {
            QuestionKind::Multiple => Answer::Choices(vec![o.id.to_owned()]),
            _ => Answer::Choice(o.id.to_owned()),
        }));
    }
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Msg;

    #[test]
    fn the_shipped_questionnaire_is_sound() {
        assert_eq!(validate(&QUESTIONNAIRE), Vec::<ValidationError>::new());
    }

    #[test]
    fn it_has_25_to_35_questions_in_every_section() {
        let n = QUESTIONNAIRE.questions.len();
        assert!((25..=35).contains(&n), "{n} questions");
        for section in QUESTIONNAIRE.sections {
            assert!(
                QUESTIONNAIRE.questions.iter().any(|q| q.section == section.id),
                "{}",
                section.id
            );
        }
        assert_eq!(QUESTIONNAIRE.version, QUESTIONNAIRE_VERSION);
    }

    #[test]
    fn every_construct_of_content_basis_section_1_is_asked_about() {
        // The stressor, support and motivation rows of CONTENT-BASIS.md section 1.
        let needed = [
            "cravings",
            "negative_mood",
            "sleep",
            "physical_health",
            "risky_situations",
            "conflict",
            "loneliness",
            "life_stress",
            "recent_use",
            "self_efficacy",
            "meetings",
            "supportive_people",
            "meaningful_activity",
            "living_and_income",
            "spirituality",
            "professional_care",
            "importance_and_confidence",
            "reasons",
            "progress",
            "group_preferences",
        ];
        for id in needed {
            let asked = QUESTIONNAIRE.questions.iter().any(|q| q.constructs.contains(&id));
            assert!(asked, "no question asks about {id}");
        }
    }

    #[test]
    fn every_safety_flag_is_raised_by_a_safety_question() {
        for flag in SafetyFlag::ALL {
            let raised = QUESTIONNAIRE
                .questions
                .iter()
                .any(|q| q.domain == Domain::Safety && q.options.iter().any(|o| o.safety == Some(flag)));
            assert!(raised, "{flag:?}");
        }
    }

    #[test]
    fn sensitive_optional_questions_offer_prefer_not_to_say() {
        let q = QUESTIONNAIRE.question("use_30d").expect("use_30d");
        assert!(q.optional && q.sensitive);
        assert_eq!(q.check(&Answer::PreferNotToSay), Ok(()));
        let q = QUESTIONNAIRE.question("cravings").expect("cravings");
        assert_eq!(
            q.check(&Answer::PreferNotToSay),
            Err(AnswerError::PreferNotToSayNotOffered)
        );
    }

    /// Whether `question` is shown after these answers (`-` is "Prefer not to say", `a+b` picks
    /// several).
    fn shown_after(question: &str, pairs: &[(&str, &str)]) -> bool {
        let mut answers = Answers::new();
        for (id, value) in pairs {
            let q = QUESTIONNAIRE.question(id).expect("question");
            let answer = match (q.kind, *value) {
                (_, "-") => Answer::PreferNotToSay,
                (QuestionKind::Multiple, v) => Answer::Choices(v.split('+').map(str::to_owned).collect()),
                (_, v) => Answer::Choice(v.to_owned()),
            };
            assert_eq!(q.check(&answer), Ok(()), "{id} = {value}");
            answers.insert(id, answer);
        }
        QUESTIONNAIRE
            .visible_questions(&answers)
            .iter()
            .any(|q| q.id == question)
    }

    #[test]
    fn the_opioid_question_is_asked_unless_we_know_it_does_not_apply() {
        let shown = |pairs: &[(&str, &str)]| shown_after("opioid_after_break", pairs);
        // Use not said: asked, whatever else.
        assert!(shown(&[]), "nothing answered yet");
        assert!(shown(&[("use_30d", "-")]), "use: prefer not to say");
        assert!(!shown(&[("use_30d", "none")]), "no use");
        // Use said: asked unless the substances named leave opioids out.
        assert!(shown(&[("use_30d", "one_two_days")]), "substances not yet said");
        assert!(shown(&[("use_30d", "one_two_days"), ("substances_30d", "-")]));
        assert!(shown(&[
            ("use_30d", "15_days_or_more"),
            ("substances_30d", "alcohol+opioids")
        ]));
        assert!(!shown(&[("use_30d", "one_two_days"), ("substances_30d", "alcohol")]));
        // In recovery from opioids: always asked.
        assert!(shown(&[("recovery_from", "opioids"), ("use_30d", "none")]));
        assert!(shown(&[
            ("recovery_from", "opioids"),
            ("use_30d", "one_two_days"),
            ("substances_30d", "alcohol")
        ]));
        assert!(!shown(&[("recovery_from", "alcohol"), ("use_30d", "none")]));
        // An answer to a hidden question does not count.
        assert!(!shown(&[("use_30d", "none"), ("substances_30d", "opioids")]));
    }

    #[test]
    fn the_stop_plan_question_reaches_prescribed_pills_and_unsaid_use() {
        let shown = |pairs: &[(&str, &str)]| shown_after("stop_plan", pairs);
        assert!(shown(&[]), "nothing answered yet");
        assert!(shown(&[("use_30d", "-")]), "use: prefer not to say");
        assert!(!shown(&[("use_30d", "none")]), "no use");
        assert!(shown(&[("use_30d", "three_to_14_days")]));
        assert!(shown(&[
            ("use_30d", "three_to_14_days"),
            ("substances_30d", "benzodiazepines")
        ]));
        assert!(shown(&[("use_30d", "three_to_14_days"), ("substances_30d", "-")]));
        assert!(!shown(&[
            ("use_30d", "three_to_14_days"),
            ("substances_30d", "stimulants")
        ]));
        // Prescribed benzodiazepines do not count as use, so "No" to use is common: recovery
        // from benzodiazepines or alcohol still brings the question.
        assert!(shown(&[("recovery_from", "benzodiazepines"), ("use_30d", "none")]));
        assert!(shown(&[("recovery_from", "alcohol"), ("use_30d", "none")]));
        assert!(shown(&[
            ("recovery_from", "cannabis+alcohol"),
            ("use_30d", "one_two_days"),
            ("substances_30d", "cannabis")
        ]));
        assert!(!shown(&[("recovery_from", "opioids"), ("use_30d", "none")]));
        let text = crate::i18n::Locale::En.text(QUESTIONNAIRE.question("stop_plan").expect("stop_plan").text);
        assert!(text.contains("a doctor prescribed"), "{text}");
    }

    #[test]
    fn answers_are_checked_against_their_question() {
        let care = QUESTIONNAIRE.question("professional_care").expect("professional_care");
        let pick = |ids: &[&str]| Answer::Choices(ids.iter().map(|s| s.to_string()).collect());
        assert_eq!(care.check(&pick(&["counsellor", "doctor"])), Ok(()));
        assert_eq!(care.check(&pick(&[])), Err(AnswerError::NoChoice));
        assert_eq!(
            care.check(&pick(&["doctor", "doctor"])),
            Err(AnswerError::DuplicateOption("doctor".into()))
        );
        assert_eq!(
            care.check(&pick(&["none", "doctor"])),
            Err(AnswerError::ExclusiveOption("none".into()))
        );
        assert_eq!(
            care.check(&pick(&["nurse"])),
            Err(AnswerError::UnknownOption("nurse".into()))
        );
        assert_eq!(
            care.check(&Answer::Choice("doctor".into())),
            Err(AnswerError::WrongKind)
        );
        let importance = QUESTIONNAIRE.question("importance").expect("importance");
        assert_eq!(importance.check(&Answer::Scale(10)), Ok(()));
        assert_eq!(
            importance.check(&Answer::Scale(11)),
            Err(AnswerError::OutOfRange {
                value: 11,
                min: 0,
                max: 10
            })
        );
        assert_eq!(importance.points(&Answer::Scale(7)), Some(7));
        assert_eq!(importance.max_points(), 10);
        assert_eq!(care.points(&pick(&["none"])), Some(0));
        assert_eq!(
            care.points(&pick(&["none", "doctor"])),
            None,
            "invalid answers do not count"
        );
        let spirituality = QUESTIONNAIRE.question("spirituality").expect("spirituality");
        assert_eq!(
            spirituality.points(&Answer::Choice("not_for_me".into())),
            None,
            "unscored, not zero"
        );
    }

    /// Every answer to every safety question, "Prefer not to say" as `-`, with the sign it must
    /// raise. A new option or question must be added here, and a sign dropped from the content
    /// fails the test.
    const SAFETY_ANSWERS: &[(&str, &str, Option<SafetyFlag>)] = &[
        ("self_harm", "not_at_all", None),
        ("self_harm", "once_or_twice", Some(SafetyFlag::SuicidalThoughts)),
        ("self_harm", "often", Some(SafetyFlag::SuicidalThoughts)),
        ("self_harm", "right_now", Some(SafetyFlag::SuicidalThoughtsNow)),
        ("self_harm", "-", Some(SafetyFlag::SuicidalThoughts)),
        ("opioid_after_break", "no", None),
        ("opioid_after_break", "yes", Some(SafetyFlag::OpioidAfterBreak)),
        ("opioid_after_break", "not_sure", Some(SafetyFlag::OpioidAfterBreak)),
        ("opioid_after_break", "-", Some(SafetyFlag::OpioidAfterBreak)),
        ("stop_plan", "no", None),
        ("stop_plan", "yes", Some(SafetyFlag::StoppingSuddenly)),
        ("stop_plan", "not_sure", Some(SafetyFlag::StoppingSuddenly)),
        ("stop_plan", "-", Some(SafetyFlag::StoppingSuddenly)),
        ("safe_home", "safe", None),
        ("safe_home", "sometimes_unsafe", Some(SafetyFlag::UnsafeAtHome)),
        ("safe_home", "often_unsafe", Some(SafetyFlag::UnsafeAtHome)),
        ("safe_home", "-", Some(SafetyFlag::UnsafeAtHome)),
    ];

    #[test]
    fn every_safety_answer_raises_the_sign_in_the_table() {
        let mut listed = Vec::new();
        for question in QUESTIONNAIRE.questions.iter().filter(|q| q.domain == Domain::Safety) {
            let mut answers: Vec<(&str, Answer)> = question
                .options
                .iter()
                .map(|o| (o.id, Answer::Choice(o.id.to_owned())))
                .collect();
            if question.sensitive {
                answers.push(("-", Answer::PreferNotToSay));
            }
            for (name, answer) in answers {
                let expected = SAFETY_ANSWERS
                    .iter()
                    .find(|(q, a, _)| *q == question.id && *a == name)
                    .unwrap_or_else(|| panic!("{}: `{name}` is not in the table", question.id))
                    .2;
                let raised = question.safety_flags(&answer);
                assert_eq!(raised, Vec::from_iter(expected), "{} = {name}", question.id);
                listed.push((question.id, name));
            }
        }
        assert_eq!(
            listed.len(),
            SAFETY_ANSWERS.len(),
            "the table names answers that do not exist"
        );
    }

    // --- The validator catches broken questionnaires ------------------------------------------

    const OPT: AnswerOption = AnswerOption {
        id: "a",
        text: Msg::CommonOptional,
        points: Some(1),
        exclusive: false,
        safety: None,
        strong_distress: false,
    };
    const BASE: Question = Question {
        id: "q1",
        section: "s1",
        kind: QuestionKind::Single,
        domain: Domain::Stressor,
        constructs: &["c1"],
        time_frame: TimeFrame::Now,
        optional: false,
        sensitive: false,
        text: Msg::CommonOptional,
        hint: None,
        options: &[OPT],
        show_if: &[],
        prefer_not_to_say_safety: None,
        driver: None,
        strength: None,
        step: None,
    };
    const SECTIONS: &[Section] = &[Section {
        id: "s1",
        title: Msg::CommonOptional,
        intro: Msg::CommonOptional,
    }];
    const CONSTRUCTS: &[Construct] = &[Construct {
        id: "c1",
        side: Side::Stressor,
        source: "test",
    }];

    fn broken(questions: &'static [Question]) -> Vec<ValidationError> {
        validate(&Questionnaire {
            version: 1,
            constructs: CONSTRUCTS,
            sections: SECTIONS,
            questions,
        })
        .into_iter()
        .filter(|e| !matches!(e, ValidationError::Length(_)))
        .collect()
    }

    #[test]
    fn the_validator_accepts_a_small_sound_questionnaire() {
        static QS: [Question; 1] = [BASE];
        assert_eq!(broken(&QS), []);
        assert_eq!(
            validate(&Questionnaire {
                version: 1,
                constructs: CONSTRUCTS,
                sections: SECTIONS,
                questions: &QS
            }),
            [ValidationError::Length(1)]
        );
    }

    #[test]
    fn the_validator_finds_duplicates_and_bad_references() {
        static DUP: [Question; 2] = [BASE, BASE];
        assert!(broken(&DUP).contains(&ValidationError::DuplicateQuestion("q1")));
        static LATER: [Question; 2] = [
            Question {
                show_if: &[Condition {
                    question: "q2",
                    any_of: &[Match::Option("a")],
                    or: &[],
                }],
                ..BASE
            },
            Question { id: "q2", ..BASE },
        ];
        assert!(broken(&LATER).contains(&ValidationError::BadReference("q1", "q2")));
        static BAD_MATCH: [Question; 2] = [
            BASE,
            Question {
                id: "q2",
                show_if: &[Condition {
                    question: "q1",
                    any_of: &[Match::Option("zzz"), Match::PreferNotToSay],
                    or: &[],
                }],
                ..BASE
            },
        ];
        assert_eq!(
            broken(&BAD_MATCH),
            [
                ValidationError::BadMatch("q2", "q1"),
                ValidationError::BadMatch("q2", "q1"),
                ValidationError::Unreachable("q2")
            ]
        );
    }

    #[test]
    fn the_validator_finds_unreachable_branches() {
        // q3 needs q2 shown, q2 needs q1 = "a", and q3 needs q1 = "b": never both.
        static QS: [Question; 3] = [
            Question {
                options: &[OPT, AnswerOption { id: "b", ..OPT }],
                ..BASE
            },
            Question {
                id: "q2",
                show_if: &[Condition {
                    question: "q1",
                    any_of: &[Match::Option("a")],
                    or: &[],
                }],
                ..BASE
            },
            Question {
                id: "q3",
                show_if: &[
                    Condition {
                        question: "q2",
                        any_of: &[Match::Option("a")],
                        or: &[],
                    },
                    Condition {
                        question: "q1",
                        any_of: &[Match::Option("b")],
                        or: &[],
                    },
                ],
                ..BASE
            },
        ];
        assert_eq!(broken(&QS), [ValidationError::Unreachable("q3")]);
    }

    #[test]
    fn the_validator_follows_hidden_and_or_conditions() {
        // q2 shows only after q1 = "a"; q3 shows when q2 is hidden, or when q1 = "b".
        static QS: [Question; 3] = [
            Question {
                options: &[OPT, AnswerOption { id: "b", ..OPT }],
                ..BASE
            },
            Question {
                id: "q2",
                show_if: &[Condition {
                    question: "q1",
                    any_of: &[Match::Option("a")],
                    or: &[],
                }],
                ..BASE
            },
            Question {
                id: "q3",
                show_if: &[Condition {
                    question: "q2",
                    any_of: &[Match::Hidden],
                    or: &[Condition {
                        question: "q1",
                        any_of: &[Match::Option("b")],
                        or: &[],
                    }],
                }],
                ..BASE
            },
        ];
        assert_eq!(broken(&QS), []);
        let q = Questionnaire {
            version: 1,
            constructs: CONSTRUCTS,
            sections: SECTIONS,
            questions: &QS,
        };
        let mut answers = Answers::new();
        assert_eq!(q.visible(&answers), [true, false, true], "q2 hidden");
        answers.insert("q1", Answer::Choice("a".into()));
        assert_eq!(q.visible(&answers), [true, true, false], "q2 shown, q1 not b");
        answers.insert("q1", Answer::Choice("b".into()));
        assert_eq!(q.visible(&answers), [true, false, true]);

        // "hidden" on a question that is always shown, and an alternative naming a later
        // question, are mistakes.
        static BAD: [Question; 3] = [
            BASE,
            Question {
                id: "q2",
                show_if: &[Condition {
                    question: "q1",
                    any_of: &[Match::Hidden],
                    or: &[Condition {
                        question: "q3",
                        any_of: &[Match::Option("a")],
                        or: &[],
                    }],
                }],
                ..BASE
            },
            Question { id: "q3", ..BASE },
        ];
        let errors = broken(&BAD);
        assert!(errors.contains(&ValidationError::BadMatch("q2", "q1")), "{errors:?}");
        assert!(
            errors.contains(&ValidationError::BadReference("q2", "q3")),
            "{errors:?}"
        );

        // An alternative is searched when looking for unreachable questions: q3 needs q2 = "a"
        // (so q1 = "a"), or q1 = "b"; either is reachable alone, but q4 needs q3 and q1 = "c",
        // which no answer gives.
        static ALT: [Question; 4] = [
            Question {
                options: &[OPT, AnswerOption { id: "b", ..OPT }, AnswerOption { id: "c", ..OPT }],
                ..BASE
            },
            Question {
                id: "q2",
                show_if: &[Condition {
                    question: "q1",
                    any_of: &[Match::Option("a")],
                    or: &[],
                }],
                ..BASE
            },
            Question {
                id: "q3",
                show_if: &[Condition {
                    question: "q2",
                    any_of: &[Match::Option("a")],
                    or: &[Condition {
                        question: "q1",
                        any_of: &[Match::Option("b")],
                        or: &[],
                    }],
                }],
                ..BASE
            },
            Question {
                id: "q4",
                show_if: &[
                    Condition {
                        question: "q3",
                        any_of: &[Match::Option("a")],
                        or: &[],
                    },
                    Condition {
                        question: "q1",
                        any_of: &[Match::Option("c")],
                        or: &[],
                    },
                ],
                ..BASE
            },
        ];
        assert_eq!(broken(&ALT), [ValidationError::Unreachable("q4")]);
    }

    #[test]
    fn the_validator_finds_scoring_and_coverage_mistakes() {
        static QS: [Question; 2] = [
            Question {
                options: &[AnswerOption { points: None, ..OPT }],
                ..BASE
            },
            Question {
                id: "q2",
                domain: Domain::Preference,
                constructs: &["c9"],
                section: "s9",
                ..BASE
            },
        ];
        let errors = broken(&QS);
        assert!(errors.contains(&ValidationError::Scoring("q1")), "{errors:?}");
        assert!(errors.contains(&ValidationError::Scoring("q2")), "{errors:?}");
        assert!(errors.contains(&ValidationError::UnknownConstruct("q2")), "{errors:?}");
        assert!(errors.contains(&ValidationError::UnknownSection("q2")), "{errors:?}");
        static NONE: [Question; 0] = [];
        let errors = broken(&NONE);
        assert!(errors.contains(&ValidationError::EmptySection("s1")));
        assert!(errors.contains(&ValidationError::UncoveredConstruct("c1")));
    }
}
