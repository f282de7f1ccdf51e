//! The widget's root: keeps the check-in's [`Flow`] in a reducer and routes every action to it.
//!
//! The reducer only calls [`Flow::apply`]; what each action does is decided and tested in the
//! domain. This file decides only what is on screen and where focus goes.

use std::rc::Rc;

use yew::prelude::*;

use crate::flow::{Action, Flow, Screen};
use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::safety::SafetyFlag;

use super::crisis_panel::CrisisPanel;
use super::header::Header;
use super::question::QuestionScreen;
use super::results::ResultsScreen;
use super::review::ReviewScreen;
use super::safety_notice::SafetyNotices;
use super::welcome::Welcome;

/// How a partner page configured this widget.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct AppProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Whose crisis contacts to show first.
    pub region: Region,
    /// Unique among the widgets on the page; prefixes every element id.
    pub id_prefix: AttrValue,
}

/// The check-in's state in Yew's reducer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlowState(pub Flow);

impl Reducible for FlowState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut flow = self.0.clone();
        flow.apply(action);
        Rc::new(FlowState(flow))
    }
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let locale = props.locale;
    let flow = use_reducer(FlowState::default);
    let help_open = use_state(|| false);
    let region = use_state(|| props.region);
    let screen_heading = use_node_ref();
    let help_toggle = use_node_ref();

    // A new screen moves focus to its heading, so screen-reader users hear where they are. Not on
    // the first screen: a widget must not pull focus (and the scroll position) away from the
    // partner's page as it loads.
    {
        let screen_heading = screen_heading.clone();
        use_effect_with(flow.0.screen_visit, move |visit| {
            if *visit > 0 {
                if let Some(heading) = screen_heading.cast::<web_sys::HtmlElement>() {
                    heading.focus().ok();
                }
            }
        });
    }

    let on_action = {
        let flow = flow.dispatcher();
        Callback::from(move |action: Action| flow.dispatch(action))
    };
    let toggle_help = {
        let help_open = help_open.clone();
        Callback::from(move |_| help_open.set(!*help_open))
    };
    let close_help = {
        let help_open = help_open.clone();
        let help_toggle = help_toggle.clone();
        Callback::from(move |_| {
            help_open.set(false);
            if let Some(button) = help_toggle.cast::<web_sys::HtmlElement>() {
                button.focus().ok();
            }
        })
    };
    let choose_region = {
        let region = region.clone();
        Callback::from(move |r: Region| region.set(r))
    };

    let state = &flow.0;
    let heading = screen_heading.clone();
    let body = match state.screen {
        Screen::Welcome => html! {
            <Welcome {locale} {heading} on_start={on_action.reform(|()| Action::Start)} />
        },
        Screen::Question => match state.question() {
            Some(question) => {
                let progress = state.session.progress();
                let notices = safety_notices(locale, *region, &state.safety, &on_action);
                html! {
                    <QuestionScreen
                        {locale}
                        {question}
                        answer={state.session.answers().get(question.id).cloned()}
                        section={state.session.questionnaire().section(question.section).map(|s| s.title)}
                        position={progress.position}
                        total={progress.total}
                        problem={state.problem}
                        id_prefix={props.id_prefix.clone()}
                        {heading}
                        {notices}
                        on_action={on_action.clone()}
                    />
                }
            }
            None => Html::default(),
        },
        Screen::Review => html! {
            <ReviewScreen {locale} items={state.session.review()} problem={state.problem} {heading} on_action={on_action.clone()} />
        },
        Screen::Result => match &state.result {
            Some(done) => html! {
                <ResultsScreen {locale} region={*region} assessment={done.assessment.clone()} {heading} on_action={on_action.clone()} />
            },
            None => Html::default(),
        },
    };

    let help_id = format!("{}-help", props.id_prefix);
    html! {
        <div class="rc-widget" data-screen={format!("{:?}", state.screen)}>
            <Header
                {locale}
                help_open={*help_open}
                help_id={help_id.clone()}
                toggle_ref={help_toggle}
                on_toggle_help={toggle_help}
            />
            if *help_open {
                <CrisisPanel {locale} region={*region} id={help_id} on_region={choose_region} on_close={close_help} />
            }
            <div class="rc-body">{ body }</div>
            <div class="rc-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
                { announcement(locale, state) }
            </div>
        </div>
    }
}

/// Safety messages raised in the flow, with one "Carry on with the check-in".
fn safety_notices(locale: Locale, region: Region, flags: &[SafetyFlag], on_action: &Callback<Action>) -> Html {
    let blocks = flags.iter().map(|flag| flag.block()).collect::<Vec<_>>();
    html! {
        <div class="rc-flow-safety" role="alert">
            <SafetyNotices
                {locale}
                {region}
                {blocks}
                heading_level={3}
                on_dismiss={on_action.reform(|()| Action::DismissSafety)}
            />
        </div>
    }
}

/// What the live region says on a question screen: where the person is, and, while a safety
/// message is open under the question, that help is there. The position changes with every
/// question, so the whole line is read again each time.
fn announcement(locale: Locale, state: &Flow) -> String {
    if state.screen != Screen::Question {
        return String::new();
    }
    let p = state.session.progress();
    let (position, total) = (p.position.to_string(), p.total.to_string());
    let progress = locale.format(Msg::FlowProgress, &[("position", &position), ("total", &total)]);
    if state.safety.is_empty() {
        progress
    } else {
        locale.format(Msg::FlowSafetyAnnounce, &[("progress", &progress)])
    }
}
