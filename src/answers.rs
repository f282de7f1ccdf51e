//! A person's answers, as saved: keyed by question id, with the questionnaire version.
//!
//! A missing answer is simply absent: it is never stored as a zero, so scoring can tell "not
//! answered" from "none at all". "Prefer not to say" is kept as an answer of its own, so the
//! check-in can show it back, but it counts as missing in every score.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::questionnaire::QUESTIONNAIRE_VERSION;

/// One answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The id of the one option picked.
    Choice(String),
    /// The ids of the options picked, for a pick-any question.
    Choices(Vec<String>),
    /// A number on a scale.
    Scale(u8),
    /// The person chose not to say; counts as missing.
    PreferNotToSay,
}

/// Every answer given so far, keyed by question id.
///
/// Building one by hand with [`Answers::insert`] does not check anything: answers that do not
/// fit their question are ignored by scoring. [`crate::session::Session`] checks each answer
/// as it is given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// The questionnaire these answers were given to ([`QUESTIONNAIRE_VERSION`] when new).
    pub questionnaire_version: u32,
    /// The answers, by question id.
    #[serde(default)]
    values: BTreeMap<String, Answer>,
}

impl Default for Answers {
    fn default() -> Answers {
        Answers::new()
    }
}

impl Answers {
    /// No answers yet, for the current questionnaire.
    pub fn new() -> Answers {
        Answers {
            questionnaire_version: QUESTIONNAIRE_VERSION,
            values: BTreeMap::new(),
        }
    }

    /// The answer to a question, if any.
    pub fn get(&self, question_id: &str) -> Option<&Answer> {
        self.values.get(question_id)
    }

    /// Sets an answer without checking it; returns the answer it replaced.
    pub fn insert(&mut self, question_id: &str, answer: Answer) -> Option<Answer> {
        self.values.insert(question_id.to_owned(), answer)
    }

    /// Removes an answer; returns it.
    pub fn remove(&mut self, question_id: &str) -> Option<Answer> {
        self.values.remove(question_id)
    }

    /// Every answer, by question id in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.values.iter().map(|(id, answer)| (id.as_str(), answer))
    }

    /// How many answers there are.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Keeps only the answers for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &Answer) -> bool) {
        self.values.retain(|id, answer| keep(id, answer));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_json_with_their_version() {
        let mut answers = Answers::new();
        answers.insert("cravings", Answer::Choice("five_six".into()));
        answers.insert("reasons", Answer::Choices(vec!["health".into(), "family".into()]));
        answers.insert("importance", Answer::Scale(8));
        answers.insert("use_30d", Answer::PreferNotToSay);
        let json = serde_json::to_string(&answers).expect("serialises");
        assert!(json.contains("\"questionnaire_version\":"), "{json}");
        let back: Answers = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, answers);
        assert_eq!(back.len(), 4);
    }

    #[test]
    fn missing_is_absent_not_zero() {
        let mut answers = Answers::new();
        assert!(answers.is_empty());
        assert_eq!(answers.get("cravings"), None);
        answers.insert("cravings", Answer::Choice("none".into()));
        assert_eq!(answers.remove("cravings"), Some(Answer::Choice("none".into())));
        assert_eq!(answers.get("cravings"), None);
    }
}
