//! One question on its own screen, in a `fieldset` whose `legend` is the screen's heading.
//!
//! Native radio buttons and checkboxes: the browser gives them arrow-key movement within a
//! group, as the ARIA Authoring Practices describe, and announces them correctly. Choosing an
//! option records it and stays; the person moves on with Next or Enter (the form's submit).

use yew::prelude::*;

use crate::answers::Answer;
use crate::decimal::decimal;
use crate::flow::Action;
use crate::i18n::{Locale, Msg};
use crate::questionnaire::{Question, QuestionKind};

use super::elements::{button, click, id, title};
use super::markup::Markup;
use super::progress::write_progress;

/// What [`question_screen`] shows. `Properties` only so tests can mount it in a wrapper
/// component.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct QuestionProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// The question.
    pub question: &'static Question,
    /// The answer given so far, if any.
    pub answer: Option<Answer>,
    /// The title of the question's section.
    pub section: Option<Msg>,
    /// The question's place among those shown, from 1.
    pub position: usize,
    /// How many questions are shown.
    pub total: usize,
    /// What went wrong with the last action, if anything.
    pub problem: Option<Msg>,
    /// Unique among widgets on the page; prefixes ids and radio group names.
    pub id_prefix: AttrValue,
    /// The heading, which takes focus when the screen appears.
    pub heading: NodeRef,
    /// Safety messages raised by an answer, shown between the options and the buttons.
    #[prop_or_default]
    pub notices: Html,
    /// What the person did.
    pub on_action: Callback<Action>,
}

/// The question screen. A plain function rather than a component (it has no state of its own),
/// keyed so that coming to it from another screen builds it afresh, and moving from question to
/// question updates it in place, as the component was.
pub fn question_screen(props: &QuestionProps) -> Html {
    let locale = props.locale;
    let question = props.question;
    let base = id(&id(&props.id_prefix, "q"), question.id);
    let hint_id = id(&base, "hint");
    let problem_id = id(&base, "problem");
    let described_by = match props.problem {
        Some(_) => [hint_id.as_str(), " ", &problem_id].concat(),
        None => hint_id.clone(),
    };

    let onsubmit = props.on_action.reform(|event: SubmitEvent| {
        event.prevent_default();
        Action::Next
    });
    let back = click(&props.on_action, Action::Back);
    let skip = click(&props.on_action, Action::Skip);

    let hint = match question.kind {
        QuestionKind::Scale {
            min_label, max_label, ..
        } => Some(locale.format(
            Msg::FlowScaleHint,
            &[("min", locale.text(min_label)), ("max", locale.text(max_label))],
        )),
        _ => None,
    };

    // The progress, the section, the hints and a problem only show words: written as markup
    // (see `Markup`).
    let mut top = Markup::default();
    write_progress(&mut top, locale, props.position, props.total);
    if let Some(section) = props.section {
        top.element("<p class=\"rc-section\">", locale.text(section), "</p>");
    }
    let mut hints = Markup::default();
    hints.raw("<div id=\"");
    hints.text(&hint_id);
    hints.raw("\" class=\"rc-hint\">");
    if let Some(text) = question.hint {
        hints.p(locale.text(text));
    }
    if let Some(text) = hint {
        hints.p(&text);
    }
    if question.kind == QuestionKind::Multiple {
        hints.p(locale.text(Msg::CommonChooseAll));
    }
    if question.optional {
        hints.p(locale.text(Msg::CommonOptional));
    }
    hints.raw("</div>");
    if let Some(problem) = props.problem {
        hints.raw("<p id=\"");
        hints.text(&problem_id);
        hints.element(
            "\" role=\"alert\" class=\"rc-problem\"><span class=\"rc-visually-hidden\">",
            locale.text(Msg::FlowProblemTitle),
            "</span> ",
        );
        hints.text(locale.text(problem));
        hints.raw("</p>");
    }

    html! {
        <form key="question" class="rc-screen rc-question" {onsubmit} novalidate=true data-testid="question" data-question={question.id}>
            { top.take() }
            <fieldset class="rc-fieldset" aria-describedby={described_by}>
                <legend class="rc-legend">{ title(&props.heading, locale.text(question.text)) }</legend>
                { hints.take() }
                { options(props, &base) }
            </fieldset>
            { props.notices.clone() }
            <div class="rc-nav">
                <button type="submit" class="rc-button rc-button-primary" data-testid="next">
                    { locale.text(Msg::FlowNext) }
                </button>
                if question.optional {
                    { button("rc-button rc-button-quiet", "skip", skip, locale.text(Msg::FlowSkip)) }
                }
                { button("rc-button rc-button-quiet rc-nav-back", "back", back, locale.text(Msg::FlowBack)) }
            </div>
        </form>
    }
}

/// The options: radios for pick-one and scales, checkboxes for pick-any, and "Prefer not to
/// say" last, apart from the others, where the question offers it.
fn options(props: &QuestionProps, base: &str) -> Html {
    let locale = props.locale;
    let question = props.question;
    let answer = props.answer.as_ref();
    let prefer_not = matches!(answer, Some(Answer::PreferNotToSay));
    // Pick-any options are checkboxes (no group); the others are radios of one group. One
    // loop for both kinds of option, and one "Prefer not to say": one copy of each in the wasm.
    let multiple = question.kind == QuestionKind::Multiple;
    let group = (!multiple).then_some(base);

    let choices: Html = match question.kind {
        QuestionKind::Scale { min, max, .. } => html! {
            <div class="rc-scale">
                { for (min..=max).map(|value| {
                    let checked = matches!(answer, Some(Answer::Scale(v)) if *v == value);
                    let choose = Action::Choose(Answer::Scale(value));
                    let number = decimal(u64::from(value));
                    choice(props, group, &id(base, &number), &number, checked, choose)
                }) }
            </div>
        },
        _ => question
            .options
            .iter()
            .map(|option| {
                let (checked, action) = if multiple {
                    (
                        matches!(answer, Some(Answer::Choices(ids)) if ids.iter().any(|id| id == option.id)),
                        Action::Toggle(option.id.to_owned()),
                    )
                } else {
                    (
                        matches!(answer, Some(Answer::Choice(id)) if id == option.id),
                        Action::Choose(Answer::Choice(option.id.to_owned())),
                    )
                };
                choice(
                    props,
                    group,
                    &id(base, option.id),
                    locale.text(option.text),
                    checked,
                    action,
                )
            })
            .collect(),
    };

    let prefer_not_to_say = if question.sensitive {
        // A checkbox unticks; a radio stays chosen until another option is.
        let action = if multiple && prefer_not {
            Action::Withdraw
        } else {
            Action::Choose(Answer::PreferNotToSay)
        };
        let label = locale.text(Msg::CommonPreferNotToSay);
        html! { <div class="rc-option-apart">{ choice(props, group, &id(base, "pnts"), label, prefer_not, action) }</div> }
    } else {
        Html::default()
    };

    html! {
        <div class="rc-options">
            { choices }
            { prefer_not_to_say }
        </div>
    }
}

/// One option: a radio button of the group `name`, or a checkbox where there is no group. One
/// function for both, so the wasm has one copy of the option's markup and its change handler.
fn choice(props: &QuestionProps, group: Option<&str>, id: &str, label: &str, checked: bool, action: Action) -> Html {
    let onchange = props.on_action.reform(move |_: Event| action.clone());
    let kind = if group.is_some() { "radio" } else { "checkbox" };
    html! {
        <label class="rc-option" for={id.to_owned()}>
            <input type={kind} id={id.to_owned()} name={group.map(str::to_owned)} {checked} {onchange} />
            <span class="rc-option-label">{ label.to_owned() }</span>
        </label>
    }
}
