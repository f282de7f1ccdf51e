//! The check-in's screens and the moves between them, as one pure state machine.
//!
//! The Yew layer keeps a [`Flow`] in its reducer and does nothing but [`Flow::apply`] the
//! person's actions to it, so every rule of the flow (what Back does on the first question,
//! where "Change" returns to, when safety messages appear, what a deletion asks first) is
//! tested natively. Storage stays outside: the web layer reads and writes through
//! [`crate::storage::Repository`] and tells the flow what it found with actions such as
//! [`Action::DraftFound`] and [`Action::ShowHistory`].

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::answers::Answer;
use crate::i18n::Msg;
use crate::questionnaire::{Question, QuestionKind};
use crate::safety::SafetyFlag;
use crate::session::{CompletedCheckIn, Session, SessionError};
use crate::storage::SavedCheckIn;

/// The screen the person sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    /// What the check-in is; the Start button.
    Welcome,
    /// One question.
    Question,
    /// Every answer, each with a way to change it.
    Review,
    /// The result.
    Result,
    /// "My check-ins": the saved check-ins, the trend and what changed since last time.
    History,
    /// One saved check-in's result, opened from the history.
    Saved,
}

impl Screen {
    /// The variant's name as `{:?}` writes it, for `data-*` attributes, without the `Debug`
    /// formatting code.
    pub fn as_str(self) -> &'static str {
        match self {
            Screen::Welcome => "Welcome",
            Screen::Question => "Question",
            Screen::Review => "Review",
            Screen::Result => "Result",
            Screen::History => "History",
            Screen::Saved => "Saved",
        }
    }
}

/// How many saved check-ins "My check-ins" lists until the person asks for all: enough to see
/// recent change, few enough that a long history opens at once.
pub const HISTORY_SHOWN: usize = 20;

/// A question asked before something that cannot be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Delete the saved check-in with this id?
    DeleteOne(String),
    /// Delete every saved check-in and the check-in in progress?
    DeleteEverything,
    /// The form for a new passphrase (to set the lock, or change it) is open.
    Passphrase,
    /// Remove the lock?
    RemoveLock,
}

/// Something the person did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Pressed Start on the welcome screen.
    Start,
    /// Picked an answer to the current question (it is recorded, the screen stays).
    Choose(Answer),
    /// Ticked or unticked one option of a pick-any question.
    Toggle(String),
    /// Took back the answer to the current question (unticked "Prefer not to say").
    Withdraw,
    /// Pressed Next (or Enter).
    Next,
    /// Pressed Back.
    Back,
    /// Pressed Skip on an optional question.
    Skip,
    /// Pressed "Change" beside an answer on the review screen.
    Change(String),
    /// Pressed "See my results" on the review screen.
    Finish,
    /// Read the safety messages and chose to carry on.
    DismissSafety,
    /// Started a new check-in from the results.
    StartOver,
    /// Storage held a check-in in progress: the welcome screen offers to continue it.
    DraftFound(Session),
    /// Pressed "Continue where you left off".
    Resume,
    /// Opened "My check-ins", or the saved check-ins changed (another tab, an import): the
    /// list, newest first.
    ShowHistory(Vec<SavedCheckIn>),
    /// The saved check-ins changed while "My check-ins" may be open: refresh without moving.
    HistoryChanged(Vec<SavedCheckIn>),
    /// Opened one saved check-in from the list.
    Open(String),
    /// Left "My check-ins" (or a saved result back to the list).
    Leave,
    /// Asked to delete something: the flow asks first.
    Ask(Confirm),
    /// Answered "No, keep it" to a [`Confirm`].
    Cancel,
    /// The check-in in progress was dropped from storage (the person chose to keep nothing):
    /// stop offering it.
    ForgetDraft,
    /// Pressed "Show all" under the newest saved check-ins.
    ShowAllHistory,
    /// Confirmed; the web layer has deleted it from storage. The flow forgets it too.
    Deleted(Confirm),
    /// Everything was deleted from the unlock screen: the first screen shows afresh, its
    /// heading focused.
    Reopen,
}

/// The whole state of one check-in on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// The screen shown.
    pub screen: Screen,
    /// The answers and the current question.
    pub session: Session,
    /// A message about the last action, such as "Please answer this question to go on".
    pub problem: Option<Msg>,
    /// Safety messages raised during the check-in and not yet dismissed, oldest first. Shown
    /// at once, in the flow, not only with the result.
    pub safety: Vec<SafetyFlag>,
    /// Set after "Change" on the review screen: Next returns there once nothing new is asked.
    pub changing_from_review: bool,
    /// The finished check-in, on the result screen. Shared, as [`Flow::history`] is: the
    /// reducer's copy of the flow on every action then copies no assessment.
    pub result: Option<Rc<CompletedCheckIn>>,
    /// How many check-ins were finished in this flow: the UI saves each one once, even when two
    /// in a row have the same answers and so the same result.
    pub finished: u32,
    /// Whether "My check-ins" lists every saved check-in or only the newest
    /// [`HISTORY_SHOWN`].
    pub show_all_history: bool,
    /// The check-in in progress found in storage, offered on the welcome screen. Shared, for
    /// the same reason as [`Flow::result`].
    pub draft: Option<Rc<Session>>,
    /// The saved check-ins, newest first, once "My check-ins" has been opened. Shared, not
    /// owned: the UI's reducer copies the flow on every action, and a copy of up to 500
    /// check-ins for each click on a question was most of what a click cost.
    pub history: Rc<Vec<SavedCheckIn>>,
    /// The saved check-in open on the [`Screen::Saved`] screen, shared for the same reason.
    pub viewing: Option<Rc<SavedCheckIn>>,
    /// A question waiting for "Yes" or "No" before something is deleted.
    pub confirm: Option<Confirm>,
    /// Counts every time focus should go to the screen's heading: each new screen, and the
    /// safety notice closing (its button had focus and is gone). The UI moves focus only when
    /// this changes, not on every re-render.
    pub screen_visit: u32,
}

impl Default for Flow {
    fn default() -> Flow {
        Flow::new()
    }
}

impl Flow {
    /// A check-in on its welcome screen.
    pub fn new() -> Flow {
        Flow {
            screen: Screen::Welcome,
            session: Session::new(),
            problem: None,
            safety: Vec::new(),
            changing_from_review: false,
            result: None,
            finished: 0,
            show_all_history: false,
            draft: None,
            history: Rc::default(),
            viewing: None,
            confirm: None,
            screen_visit: 0,
        }
    }

    /// The question on screen, if the screen is a question.
    pub fn question(&self) -> Option<&'static Question> {
        match self.screen {
            Screen::Question => self.session.current(),
            _ => None,
        }
    }

    /// Applies one action. Never panics: a move that does not fit the state leaves it as it
    /// is, with a [`Flow::problem`] to show where the person should know.
    pub fn apply(&mut self, action: Action) {
        self.problem = None;
        let outcome = match action {
            Action::Start => {
                // Starting over: the offered draft is dropped (the web layer clears it in storage).
                self.draft = None;
                self.session = Session::new();
                self.go(Screen::Question);
                Ok(())
            }
            Action::Choose(answer) => self.choose(answer),
            Action::Toggle(option) => self.toggle(&option),
            Action::Withdraw => match self.question() {
                Some(question) => self.session.withdraw(question.id),
                None => Err(SessionError::AtEnd),
            },
            Action::Next => self.next(),
            Action::Back => self.back(),
            Action::Skip => self.session.skip().map(|()| self.after_move()),
            Action::Change(question) => self.session.go_to(&question).map(|()| {
                self.changing_from_review = true;
                self.go(Screen::Question);
            }),
            Action::Finish => self.finish(),
            Action::DismissSafety => {
                self.safety.clear();
                self.screen_visit = self.screen_visit.wrapping_add(1);
                Ok(())
            }
            Action::StartOver => {
                let visit = self.screen_visit;
                let history = std::mem::take(&mut self.history);
                let finished = self.finished;
                *self = Flow::new();
                self.history = history;
                self.finished = finished;
                self.screen_visit = visit + 1;
                Ok(())
            }
            Action::DraftFound(session) => {
                // Only a draft with an answer is worth offering.
                self.draft = (!session.answers().is_empty()).then(|| Rc::new(session));
                Ok(())
            }
            Action::Resume => match self.draft.take() {
                Some(session) => {
                    self.session = Rc::unwrap_or_clone(session);
                    let screen = if self.session.current().is_some() {
                        Screen::Question
                    } else {
                        Screen::Review
                    };
                    self.go(screen);
                    Ok(())
                }
                None => Err(SessionError::AtStart),
            },
            Action::ShowHistory(history) => {
                self.show_all_history = false;
                self.history = Rc::new(history);
                self.confirm = None;
                self.viewing = None;
                self.go(Screen::History);
                Ok(())
            }
            Action::HistoryChanged(history) => {
                // The open result stays open unless it was deleted elsewhere.
                if let Some(open) = &self.viewing {
                    if !history.iter().any(|c| c.id() == open.id()) {
                        self.viewing = None;
                        if self.screen == Screen::Saved {
                            self.go(Screen::History);
                        }
                    }
                }
                self.history = Rc::new(history);
                Ok(())
            }
            Action::Open(id) => match self.history.iter().find(|c| c.id() == id) {
                Some(saved) => {
                    self.viewing = Some(Rc::new(saved.clone()));
                    self.confirm = None;
                    self.go(Screen::Saved);
                    Ok(())
                }
                None => Err(SessionError::UnknownQuestion(id)),
            },
            Action::Leave => {
                self.leave();
                Ok(())
            }
            Action::Ask(confirm) => {
                self.confirm = Some(confirm);
                Ok(())
            }
            Action::ForgetDraft => {
                self.draft = None;
                Ok(())
            }
            Action::ShowAllHistory => {
                self.show_all_history = true;
                Ok(())
            }
            Action::Cancel => {
                self.confirm = None;
                Ok(())
            }
            Action::Reopen => {
                let (visit, finished) = (self.screen_visit, self.finished);
                *self = Flow::new();
                self.finished = finished;
                self.screen_visit = visit.wrapping_add(1);
                Ok(())
            }
            Action::Deleted(what) => {
                self.confirm = None;
                match what {
                    Confirm::DeleteOne(id) => {
                        Rc::make_mut(&mut self.history).retain(|c| c.id() != id);
                        if self.viewing.as_ref().is_some_and(|v| v.id() == id) {
                            self.viewing = None;
                            self.go(Screen::History);
                        }
                    }
                    Confirm::DeleteEverything => {
                        self.history = Rc::default();
                        self.viewing = None;
                        self.draft = None;
                        if self.screen == Screen::Saved {
                            self.go(Screen::History);
                        }
                    }
                    Confirm::Passphrase | Confirm::RemoveLock => {}
                }
                Ok(())
            }
        };
        if let Err(error) = outcome {
            self.problem = Some(error.message());
        }
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.screen_visit = self.screen_visit.wrapping_add(1);
    }

    fn choose(&mut self, answer: Answer) -> Result<(), SessionError> {
        let question = self.question().ok_or(SessionError::AtEnd)?;
        let flags = self.session.answer(question.id, answer)?;
        for flag in flags {
            if !self.safety.contains(&flag) {
                self.safety.push(flag);
            }
        }
        Ok(())
    }

    fn toggle(&mut self, option: &str) -> Result<(), SessionError> {
        let question = self.question().ok_or(SessionError::AtEnd)?;
        match toggled(question, self.session.answers().get(question.id), option) {
            Some(answer) => self.choose(answer),
            None => self.session.withdraw(question.id),
        }
    }

    fn next(&mut self) -> Result<(), SessionError> {
        if self.screen != Screen::Question {
            return Err(SessionError::AtEnd);
        }
        let from = self.session.current().map(|q| q.id);
        self.session.next()?;
        if self.changing_from_review {
            // Return to the review unless the changed answer opened questions not yet answered.
            let answers = self.session.answers();
            let visible = self.session.visible_questions();
            let after = visible.iter().position(|q| Some(q.id) == from).map_or(0, |i| i + 1);
            match visible.iter().skip(after).find(|q| answers.get(q.id).is_none()) {
                Some(open) => self.session.go_to(open.id)?,
                None => {
                    self.changing_from_review = false;
                    self.go(Screen::Review);
                    return Ok(());
                }
            }
        }
        self.after_move();
        Ok(())
    }

    fn back(&mut self) -> Result<(), SessionError> {
        match self.screen {
            Screen::Welcome => Err(SessionError::AtStart),
            Screen::Question if self.changing_from_review => {
                self.changing_from_review = false;
                self.go(Screen::Review);
                Ok(())
            }
            Screen::Question => match self.session.back() {
                Ok(()) => {
                    self.go(Screen::Question);
                    Ok(())
                }
                Err(SessionError::AtStart) => {
                    // Back to the welcome screen, which offers to continue what was started.
                    self.draft = (!self.session.answers().is_empty()).then(|| Rc::new(self.session.clone()));
                    self.go(Screen::Welcome);
                    Ok(())
                }
                Err(other) => Err(other),
            },
            Screen::Review => {
                self.session.back()?;
                self.go(Screen::Question);
                Ok(())
            }
            Screen::Result => Err(SessionError::AtEnd),
            Screen::History | Screen::Saved => {
                self.leave();
                Ok(())
            }
        }
    }

    /// Leaves a saved result for the list, or the list for the welcome screen.
    fn leave(&mut self) {
        self.confirm = None;
        match self.screen {
            Screen::Saved => {
                self.viewing = None;
                self.go(Screen::History);
            }
            Screen::History => self.go(Screen::Welcome),
            _ => {}
        }
    }

    /// After Next or Skip: the next question, or the review once past the last one.
    fn after_move(&mut self) {
        if self.session.current().is_some() {
            self.go(Screen::Question);
        } else {
            self.changing_from_review = false;
            self.go(Screen::Review);
        }
    }

    fn finish(&mut self) -> Result<(), SessionError> {
        if self.screen != Screen::Review {
            return Err(SessionError::AtEnd);
        }
        let completed = self.session.complete()?;
        self.safety.clear();
        self.result = Some(Rc::new(completed));
        self.finished = self.finished.wrapping_add(1);
        self.go(Screen::Result);
        Ok(())
    }
}

/// The answer after ticking or unticking `option` of a pick-any question, or `None` when
/// nothing is left ticked. Ticking an exclusive option ("None of these") unticks the others,
/// and ticking any other unticks the exclusive ones, so the person never meets an error for it.
pub fn toggled(question: &Question, current: Option<&Answer>, option: &str) -> Option<Answer> {
    if question.kind != QuestionKind::Multiple {
        return None;
    }
    let mut picked: Vec<String> = match current {
        Some(Answer::Choices(ids)) => ids.clone(),
        _ => Vec::new(),
    };
    if let Some(at) = picked.iter().position(|id| id == option) {
        picked.remove(at);
    } else if let Some(chosen) = question.option(option) {
        if chosen.exclusive {
            picked.clear();
        } else {
            picked.retain(|id| question.option(id).is_some_and(|o| !o.exclusive));
        }
        picked.push(option.to_owned());
    }
    // Keep the options' own order, so the same ticks always save the same answer.
    let order = |id: &String| question.options.iter().position(|o| o.id == id);
    crate::sort::sort_by_key(&mut picked, order);
    (!picked.is_empty()).then_some(Answer::Choices(picked))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::QUESTIONNAIRE;

    /// Answers the current question with its first option (or the middle of a scale).
    fn answer_current(flow: &mut Flow) {
        let question = flow.question().expect("a question is on screen");
        let answer = match question.kind {
            QuestionKind::Single => Answer::Choice(question.options[0].id.to_owned()),
            QuestionKind::Multiple => Answer::Choices(vec![question.options[0].id.to_owned()]),
            QuestionKind::Scale { min, max, .. } => Answer::Scale((min + max) / 2),
        };
        flow.apply(Action::Choose(answer));
        assert_eq!(flow.problem, None, "answering {}", question.id);
    }

    fn walk_to_review(flow: &mut Flow) {
        flow.apply(Action::Start);
        while flow.screen == Screen::Question {
            answer_current(flow);
            flow.apply(Action::Next);
        }
        assert_eq!(flow.screen, Screen::Review);
    }

    fn first_question_id() -> &'static str {
        Session::new().current().expect("a first question").id
    }

    #[test]
    fn start_shows_the_first_question_and_back_returns_to_welcome() {
        let mut flow = Flow::new();
        assert_eq!(flow.screen, Screen::Welcome);
        flow.apply(Action::Start);
        assert_eq!(flow.screen, Screen::Question);
        assert_eq!(flow.question().map(|q| q.id), Some(first_question_id()));
        flow.apply(Action::Back);
        assert_eq!(flow.screen, Screen::Welcome);
        assert_eq!(flow.problem, None);
    }

    #[test]
    fn choosing_never_moves_on_by_itself() {
        let mut flow = Flow::new();
        flow.apply(Action::Start);
        let before = flow.question().map(|q| q.id);
        let visit = flow.screen_visit;
        answer_current(&mut flow);
        assert_eq!(flow.question().map(|q| q.id), before);
        assert_eq!(flow.screen_visit, visit, "a choice is not a new screen");
    }

    #[test]
    fn next_on_an_unanswered_required_question_explains_and_stays() {
        let mut flow = Flow::new();
        flow.apply(Action::Start);
        let required = QUESTIONNAIRE
            .questions
            .iter()
            .position(|q| q.is_required())
            .expect("a required question");
        for _ in 0..required {
            answer_current(&mut flow);
            flow.apply(Action::Next);
        }
        let here = flow.question().map(|q| q.id);
        flow.apply(Action::Next);
        assert_eq!(flow.problem, Some(Msg::ErrorsRequired));
        assert_eq!(flow.question().map(|q| q.id), here);
        answer_current(&mut flow);
        flow.apply(Action::Next);
        assert_eq!(flow.problem, None);
        assert_ne!(flow.question().map(|q| q.id), here);
    }

    #[test]
    fn a_whole_check_in_reaches_a_result() {
        let mut flow = Flow::new();
        walk_to_review(&mut flow);
        flow.apply(Action::Finish);
        assert_eq!(flow.screen, Screen::Result);
        let result = flow.result.as_ref().expect("a result");
        assert_eq!(&result.answers, flow.session.answers());
    }

    #[test]
    fn change_from_review_returns_to_review_after_next() {
        let mut flow = Flow::new();
        walk_to_review(&mut flow);
        let target = QUESTIONNAIRE
            .questions
            .iter()
            .find(|q| q.id == "sleep")
            .expect("a sleep question");
        flow.apply(Action::Change(target.id.to_owned()));
        assert_eq!(flow.question().map(|q| q.id), Some("sleep"));
        flow.apply(Action::Choose(Answer::Choice(target.options[1].id.to_owned())));
        flow.apply(Action::Next);
        assert_eq!(flow.screen, Screen::Review);
        assert_eq!(
            flow.session.answers().get("sleep"),
            Some(&Answer::Choice(target.options[1].id.to_owned()))
        );
    }

    #[test]
    fn change_that_opens_new_questions_asks_them_before_returning() {
        let mut flow = Flow::new();
        walk_to_review(&mut flow);
        // The first option of use_30d is "none", so the questions about recent use are hidden.
        let hidden_before = flow.session.visible_questions().len();
        flow.apply(Action::Change("use_30d".to_owned()));
        flow.apply(Action::Choose(Answer::Choice("one_two_days".to_owned())));
        assert!(flow.session.visible_questions().len() > hidden_before);
        flow.apply(Action::Next);
        assert_eq!(flow.screen, Screen::Question, "a newly shown question is asked");
        assert_eq!(flow.question().map(|q| q.id), Some("substances_30d"));
    }

    #[test]
    fn back_from_a_changed_question_returns_to_review() {
        let mut flow = Flow::new();
        walk_to_review(&mut flow);
        flow.apply(Action::Change("sleep".to_owned()));
        flow.apply(Action::Back);
        assert_eq!(flow.screen, Screen::Review);
    }

    #[test]
    fn a_safety_answer_raises_its_message_at_once_and_can_be_dismissed() {
        let mut flow = Flow::new();
        flow.apply(Action::Start);
        flow.session.go_to("self_harm").expect("self_harm is shown");
        flow.apply(Action::Choose(Answer::Choice("once_or_twice".to_owned())));
        assert_eq!(flow.safety, vec![SafetyFlag::SuicidalThoughts]);
        assert_eq!(flow.screen, Screen::Question, "the person stays where they are");
        // Choosing again does not stack the same message twice.
        flow.apply(Action::Choose(Answer::Choice("often".to_owned())));
        assert_eq!(flow.safety, vec![SafetyFlag::SuicidalThoughts]);
        let visit = flow.screen_visit;
        flow.apply(Action::DismissSafety);
        assert!(flow.safety.is_empty());
        assert!(
            flow.screen_visit > visit,
            "focus goes back to the question, not to the page"
        );
    }

    #[test]
    fn skip_is_refused_on_required_questions() {
        let mut flow = Flow::new();
        flow.apply(Action::Start);
        while flow.question().is_some_and(|q| !q.is_required()) {
            flow.apply(Action::Skip);
        }
        let here = flow.question().map(|q| q.id);
        flow.apply(Action::Skip);
        assert_eq!(flow.problem, Some(Msg::ErrorsRequired));
        assert_eq!(flow.question().map(|q| q.id), here);
    }

    #[test]
    fn finish_is_only_possible_from_review() {
        let mut flow = Flow::new();
        flow.apply(Action::Start);
        flow.apply(Action::Finish);
        assert_eq!(flow.screen, Screen::Question);
        assert!(flow.problem.is_some());
    }

    #[test]
    fn start_over_forgets_everything_but_counts_a_new_screen() {
        let mut flow = Flow::new();
        walk_to_review(&mut flow);
        flow.apply(Action::Finish);
        let visit = flow.screen_visit;
        flow.apply(Action::StartOver);
        assert_eq!(flow.screen, Screen::Welcome);
        assert!(flow.session.answers().is_empty());
        assert!(flow.result.is_none());
        assert!(flow.screen_visit > visit);
    }

    #[test]
    fn toggling_keeps_exclusive_options_alone() {
        let question = QUESTIONNAIRE
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::Multiple && q.options.iter().any(|o| o.exclusive))
            .expect("a pick-any question with a 'none' option");
        let exclusive = question.options.iter().find(|o| o.exclusive).expect("exclusive").id;
        let others: Vec<&str> = question
            .options
            .iter()
            .filter(|o| !o.exclusive)
            .map(|o| o.id)
            .take(2)
            .collect();

        let one = toggled(question, None, others[1]);
        let two = toggled(question, one.as_ref(), others[0]);
        // Stored in the options' order, whatever order they were ticked in.
        assert_eq!(two, Some(Answer::Choices(vec![others[0].into(), others[1].into()])));
        let none = toggled(question, two.as_ref(), exclusive);
        assert_eq!(none, Some(Answer::Choices(vec![exclusive.into()])));
        let back = toggled(question, none.as_ref(), others[0]);
        assert_eq!(back, Some(Answer::Choices(vec![others[0].into()])));
        assert_eq!(toggled(question, back.as_ref(), others[0]), None);
        for answer in [one, two, none, back].into_iter().flatten() {
            assert_eq!(question.check(&answer), Ok(()));
        }
    }
    fn saved(id: &str, at_ms: i64) -> SavedCheckIn {
        let mut flow = Flow::new();
        walk_to_review(&mut flow);
        flow.apply(Action::Finish);
        let completed = flow.result.expect("a result");
        SavedCheckIn::from_completed(&completed, id, at_ms).expect("a valid id and date")
    }

    #[test]
    fn a_found_draft_is_offered_and_resumed_where_it_was_left() {
        let mut draft = Session::new();
        let first = draft.current().expect("a first question");
        let answer = match first.kind {
            QuestionKind::Multiple => Answer::Choices(vec![first.options[0].id.to_owned()]),
            _ => Answer::Choice(first.options[0].id.to_owned()),
        };
        draft.answer(first.id, answer).expect("a valid answer");
        draft.next().expect("moves on");
        let at = draft.current().map(|q| q.id);

        let mut flow = Flow::new();
        flow.apply(Action::DraftFound(Session::new()));
        assert!(flow.draft.is_none(), "an empty draft is not worth offering");
        flow.apply(Action::DraftFound(draft));
        assert!(flow.draft.is_some());
        flow.apply(Action::Resume);
        assert_eq!(flow.screen, Screen::Question);
        assert_eq!(flow.question().map(|q| q.id), at);
        assert!(flow.draft.is_none());
        assert_eq!(flow.session.answers().len(), 1);
    }

    #[test]
    fn start_over_drops_the_offered_draft() {
        let mut flow = Flow::new();
        flow.apply(Action::Start);
        answer_current(&mut flow);
        flow.apply(Action::Back);
        assert_eq!(flow.screen, Screen::Welcome);
        assert!(flow.draft.is_some(), "going back to the start offers to continue");
        flow.apply(Action::Start);
        assert!(flow.draft.is_none());
        assert!(flow.session.answers().is_empty());
        flow.apply(Action::Resume);
        assert!(flow.problem.is_some(), "nothing to resume after starting over");
    }

    #[test]
    fn history_opens_a_saved_result_and_leaves_step_by_step() {
        let list = vec![saved("b", 2_000), saved("a", 1_000)];
        let mut flow = Flow::new();
        flow.apply(Action::ShowHistory(list.clone()));
        assert_eq!(flow.screen, Screen::History);
        assert_eq!(*flow.history, list);
        flow.apply(Action::Open("a".to_owned()));
        assert_eq!(flow.screen, Screen::Saved);
        assert_eq!(flow.viewing.as_ref().map(|c| c.id()), Some("a"));
        flow.apply(Action::Open("missing".to_owned()));
        assert!(flow.problem.is_some());
        assert_eq!(
            flow.viewing.as_ref().map(|c| c.id()),
            Some("a"),
            "a bad id changes nothing"
        );
        flow.apply(Action::Back);
        assert_eq!(flow.screen, Screen::History);
        flow.apply(Action::Leave);
        assert_eq!(flow.screen, Screen::Welcome);
    }

    #[test]
    fn deleting_asks_first_and_cancel_keeps_everything() {
        let mut flow = Flow::new();
        flow.apply(Action::ShowHistory(vec![saved("b", 2_000), saved("a", 1_000)]));
        flow.apply(Action::Open("a".to_owned()));
        flow.apply(Action::Ask(Confirm::DeleteOne("a".to_owned())));
        assert_eq!(flow.confirm, Some(Confirm::DeleteOne("a".to_owned())));
        flow.apply(Action::Cancel);
        assert_eq!(flow.confirm, None);
        assert_eq!(flow.history.len(), 2);

        flow.apply(Action::Ask(Confirm::DeleteOne("a".to_owned())));
        flow.apply(Action::Deleted(Confirm::DeleteOne("a".to_owned())));
        assert_eq!(flow.history.iter().map(|c| c.id()).collect::<Vec<_>>(), ["b"]);
        assert_eq!(flow.screen, Screen::History, "the deleted result is closed");

        flow.apply(Action::Ask(Confirm::DeleteEverything));
        flow.apply(Action::Deleted(Confirm::DeleteEverything));
        assert!(flow.history.is_empty());
        assert_eq!(flow.confirm, None);
    }

    #[test]
    fn a_result_deleted_in_another_tab_closes_here() {
        let mut flow = Flow::new();
        flow.apply(Action::ShowHistory(vec![saved("b", 2_000), saved("a", 1_000)]));
        flow.apply(Action::Open("a".to_owned()));
        let visit = flow.screen_visit;
        flow.apply(Action::HistoryChanged(vec![saved("c", 3_000), saved("a", 1_000)]));
        assert_eq!(flow.screen, Screen::Saved, "still there: stays open");
        assert_eq!(flow.screen_visit, visit, "a refresh does not move focus");
        flow.apply(Action::HistoryChanged(vec![saved("c", 3_000)]));
        assert_eq!(flow.screen, Screen::History);
        assert_eq!(flow.history.len(), 1);
    }

    #[test]
    fn reopening_forgets_everything_on_screen_and_focuses_the_first_screen() {
        let mut flow = Flow::new();
        flow.apply(Action::ShowHistory(vec![saved("a", 1)]));
        flow.apply(Action::Open("a".into()));
        flow.apply(Action::Ask(Confirm::DeleteOne("a".into())));
        let visit = flow.screen_visit;
        flow.apply(Action::Reopen);
        assert_eq!(flow.screen, Screen::Welcome);
        assert!(flow.history.is_empty() && flow.viewing.is_none() && flow.confirm.is_none());
        assert!(flow.draft.is_none() && flow.session.answers().is_empty());
        assert_eq!(flow.screen_visit, visit + 1, "focus goes to the new screen's heading");
    }

    #[test]
    fn start_over_keeps_the_loaded_history() {
        let mut flow = Flow::new();
        flow.apply(Action::ShowHistory(vec![saved("a", 1_000)]));
        flow.apply(Action::Leave);
        flow.apply(Action::StartOver);
        assert_eq!(flow.history.len(), 1);
    }

    #[test]
    fn data_attribute_names_are_the_debug_names() {
        use crate::recommend::GroupType;
        use crate::safety::SafetyFlag;
        use crate::scoring::{Band, DomainKind};
        let screens = [
            Screen::Welcome,
            Screen::Question,
            Screen::Review,
            Screen::Result,
            Screen::History,
            Screen::Saved,
        ];
        for screen in screens {
            assert_eq!(screen.as_str(), format!("{screen:?}"));
        }
        for band in Band::ALL {
            assert_eq!(band.as_str(), format!("{band:?}"));
        }
        for domain in [DomainKind::Stressors, DomainKind::Supports, DomainKind::Motivation] {
            assert_eq!(domain.as_str(), format!("{domain:?}"));
        }
        for group in GroupType::ALL {
            assert_eq!(group.as_str(), format!("{group:?}"));
        }
        for flag in SafetyFlag::ALL {
            assert_eq!(flag.as_str(), format!("{flag:?}"));
        }
    }

    #[test]
    fn every_finished_check_in_counts_even_with_the_same_answers() {
        let mut flow = Flow::new();
        walk_to_review(&mut flow);
        flow.apply(Action::Finish);
        let first = flow.result.clone();
        assert_eq!(flow.finished, 1);
        flow.apply(Action::StartOver);
        walk_to_review(&mut flow);
        flow.apply(Action::Finish);
        assert_eq!(flow.result, first, "same answers, same result");
        assert_eq!(flow.finished, 2, "but a second check-in to save");
    }

    #[test]
    fn forgetting_the_draft_stops_offering_it() {
        let mut flow = Flow::new();
        flow.apply(Action::Start);
        answer_current(&mut flow);
        flow.apply(Action::Back);
        assert!(flow.draft.is_some());
        flow.apply(Action::ForgetDraft);
        assert!(flow.draft.is_none());
    }

    #[test]
    fn a_long_history_shows_the_newest_until_asked_for_all() {
        let mut flow = Flow::new();
        flow.apply(Action::ShowHistory(vec![saved("a", 1_000)]));
        assert!(!flow.show_all_history);
        flow.apply(Action::ShowAllHistory);
        assert!(flow.show_all_history);
        flow.apply(Action::Leave);
        flow.apply(Action::ShowHistory(vec![saved("a", 1_000)]));
        assert!(!flow.show_all_history, "opening the list again starts short");
    }
}
