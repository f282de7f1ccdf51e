//! Every answer before the results, each with a way to change it.

use yew::prelude::*;

use crate::answers::Answer;
use crate::decimal::decimal;
use crate::flow::Action;
use crate::i18n::{Locale, Msg};
use crate::questionnaire::{Question, QuestionKind};
use crate::session::ReviewItem;

use super::elements::{button, click, small_button, title};
use super::markup::Markup;

/// What [`review_screen`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Every question shown, with its answer.
    pub items: Vec<ReviewItem>,
    /// What went wrong with the last action, if anything.
    pub problem: Option<Msg>,
    /// The heading, which takes focus when the screen appears.
    pub heading: NodeRef,
    /// What the person did.
    pub on_action: Callback<Action>,
}

/// The review screen: answers grouped by section, as a description list.
/// A plain function rather than a component: it has no state of its own, and each component
/// type costs the wasm its own copy of Yew's component machinery.
pub fn review_screen(props: &ReviewProps) -> Html {
    let locale = props.locale;
    let finish = click(&props.on_action, Action::Finish);
    let back = click(&props.on_action, Action::Back);

    let mut sections: Vec<(Option<Msg>, Vec<&ReviewItem>)> = Vec::new();
    for item in &props.items {
        let title = item.section.map(|s| s.title);
        match sections.last_mut() {
            Some((last, list)) if *last == title => list.push(item),
            _ => sections.push((title, vec![item])),
        }
    }

    // Words only, written as markup (see `Markup`): the introduction, a problem, each
    // section's heading, and each question with its answer.
    let mut top = Markup::default();
    top.p(locale.text(Msg::ReviewIntro));
    if let Some(problem) = props.problem {
        top.element("<p role=\"alert\" class=\"rc-problem\">", locale.text(problem), "</p>");
    }

    html! {
        <section key="review" class="rc-screen rc-review" data-testid="review">
            { title(&props.heading, locale.text(Msg::ReviewTitle)) }
            { top.take() }
            { for sections.into_iter().map(|(heading, items)| html! {
                <div class="rc-review-section">
                    if let Some(heading) = heading {
                        { section_heading(locale.text(heading)) }
                    }
                    <dl class="rc-review-list">
                        { for items.into_iter().map(|item| review_row(props, item)) }
                    </dl>
                </div>
            }) }
            <div class="rc-nav">
                { button("rc-button rc-button-primary", "finish", finish, locale.text(Msg::ReviewFinish)) }
                { button("rc-button rc-button-quiet rc-nav-back", "", back, locale.text(Msg::ReviewBack)) }
            </div>
        </section>
    }
}

fn review_row(props: &ReviewProps, item: &ReviewItem) -> Html {
    let locale = props.locale;
    let question = item.question;
    let id = question.id.to_owned();
    let change = click(&props.on_action, Action::Change(id));
    let question_text = locale.text(question.text);
    let mut words = Markup::default();
    words.element("<dt class=\"rc-review-question\">", question_text, "</dt>");
    words.element(
        "<dd class=\"rc-review-answer\">",
        &answer_text(locale, question, item.answer.as_ref()),
        "</dd>",
    );
    html! {
        <div class="rc-review-row" data-question={question.id}>
            { words.take() }
            <dd class="rc-review-change">
                { small_button(
                    locale.format(Msg::ReviewChangeLabel, &[("question", question_text)]),
                    change,
                    locale.text(Msg::ReviewChange),
                ) }
            </dd>
        </div>
    }
}

fn section_heading(text: &str) -> Html {
    let mut m = Markup::default();
    m.element("<h3 class=\"rc-review-heading\">", text, "</h3>");
    m.take()
}

/// An answer in words: the options' texts, the number on a scale, or "Skipped".
pub fn answer_text(locale: Locale, question: &Question, answer: Option<&Answer>) -> String {
    // The session checks every answer, so an unknown option id cannot reach here; it would
    // show as nothing rather than as a raw id.
    let option_text = |id: &str| question.option(id).map_or("", |o| locale.text(o.text));
    match answer {
        None => locale.text(Msg::ReviewSkipped).to_owned(),
        Some(Answer::PreferNotToSay) => locale.text(Msg::CommonPreferNotToSay).to_owned(),
        Some(Answer::Choice(id)) => option_text(id).to_owned(),
        Some(Answer::Choices(ids)) => ids.iter().map(|id| option_text(id)).collect::<Vec<_>>().join("; "),
        Some(Answer::Scale(value)) => match question.kind {
            QuestionKind::Scale { max, .. } => locale.format(
                Msg::ReviewScaleAnswer,
                &[
                    ("value", &decimal(u64::from(*value))),
                    ("max", &decimal(u64::from(max))),
                ],
            ),
            _ => decimal(u64::from(*value)),
        },
    }
}
