//! A person's answers, as saved: keyed by question id, with the questionnaire version.
//!
//! A missing answer is simply absent: it is never stored as a zero, so scoring can tell "not
//! answered" from "none at all". "Prefer not to say" is kept as an answer of its own, so the
//! check-in can show it back, but it counts as missing in every score.

use std::fmt;

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
///
/// The answers are a list sorted by question id, searched by bisection: a check-in has a few
/// dozen, and a `BTreeMap` would cost the wasm its own copy of the B-tree code. Saved and
/// compared as a map, in id order, as before.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// The questionnaire these answers were given to ([`QUESTIONNAIRE_VERSION`] when new).
    pub questionnaire_version: u32,
    /// The answers, sorted by question id, each id once.
    #[serde(default, with = "as_map")]
    values: Vec<(String, Answer)>,
}

impl fmt::Debug for Answers {
    /// As the map it stands for: `{"cravings": Choice("none"), ..}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Answers")
            .field("questionnaire_version", &self.questionnaire_version)
            .field("values", &DebugMap(&self.values))
            .finish()
    }
}

struct DebugMap<'a>(&'a [(String, Answer)]);

impl fmt::Debug for DebugMap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(id, answer)| (id, answer)))
            .finish()
    }
}

/// The answers as a JSON object keyed by question id (serde's map), as a `BTreeMap` writes and
/// reads them: keys in order, a repeated key keeping its last value.
mod as_map {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serializer};

    use super::Answer;

    pub fn serialize<S: Serializer>(values: &[(String, Answer)], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(values.iter().map(|(id, answer)| (id, answer)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<(String, Answer)>, D::Error> {
        Ok(BTreeMap::<String, Answer>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
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
            values: Vec::new(),
        }
    }

    /// Where `question_id` is in the sorted list, or where it would go.
    fn find(&self, question_id: &str) -> Result<usize, usize> {
        self.values.binary_search_by(|(id, _)| id.as_str().cmp(question_id))
    }

    /// The answer to a question, if any.
    pub fn get(&self, question_id: &str) -> Option<&Answer> {
        self.find(question_id).ok().map(|at| &self.values[at].1)
    }

    /// Sets an answer without checking it; returns the answer it replaced.
    pub fn insert(&mut self, question_id: &str, answer: Answer) -> Option<Answer> {
        match self.find(question_id) {
            Ok(at) => Some(std::mem::replace(&mut self.values[at].1, answer)),
            Err(at) => {
                self.values.insert(at, (question_id.to_owned(), answer));
                None
            }
        }
    }

    /// Removes an answer; returns it.
    pub fn remove(&mut self, question_id: &str) -> Option<Answer> {
        self.find(question_id).ok().map(|at| self.values.remove(at).1)
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
        self.values.retain(|(id, answer)| keep(id, answer));
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

    #[test]
    fn answers_keep_id_order_and_one_answer_per_question() {
        let mut answers = Answers::new();
        assert_eq!(answers.insert("b", Answer::Scale(1)), None);
        assert_eq!(answers.insert("c", Answer::Scale(2)), None);
        assert_eq!(answers.insert("a", Answer::Scale(3)), None);
        assert_eq!(answers.insert("b", Answer::Scale(4)), Some(Answer::Scale(1)));
        let ids: Vec<&str> = answers.iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(answers.get("b"), Some(&Answer::Scale(4)));
        assert_eq!(answers.remove("zz"), None);
        answers.retain(|id, _| id != "a");
        assert_eq!(answers.len(), 2);
        assert_eq!(
            format!("{answers:?}"),
            format!("Answers {{ questionnaire_version: {QUESTIONNAIRE_VERSION}, values: {{\"b\": Scale(4), \"c\": Scale(2)}} }}")
        );
    }

    #[test]
    fn a_repeated_id_in_json_keeps_its_last_answer_as_a_map_did() {
        let json = r#"{"questionnaire_version":1,"values":{"b":{"scale":1},"a":"prefer_not_to_say","b":{"scale":2}}}"#;
        let answers: Answers = serde_json::from_str(json).expect("deserialises");
        let ids: Vec<&str> = answers.iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(answers.get("b"), Some(&Answer::Scale(2)));
        assert_eq!(
            serde_json::to_string(&answers).expect("serialises"),
            r#"{"questionnaire_version":1,"values":{"a":"prefer_not_to_say","b":{"scale":2}}}"#
        );
    }
}
