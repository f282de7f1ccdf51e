//! The first screen: what the check-in is, how long it takes, where answers stay; and for
//! someone coming back, a way to continue what they left and to see their saved check-ins.

use yew::prelude::*;

use crate::flow::Action;
use crate::i18n::{Locale, Msg};

use super::app::Request;
use super::elements::{button, click, title};
use super::markup::Markup;

/// What [`welcome`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct WelcomeProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// The screen's heading, which takes focus when the screen appears.
    pub heading: NodeRef,
    /// Whether a check-in was left unfinished: offer to continue it.
    pub draft: bool,
    /// Pressed "Start the check-in" or "Start over" ([`Action::Start`]), or "Continue where
    /// you left off" ([`Action::Resume`]).
    pub on_action: Callback<Action>,
    /// Pressed "My check-ins" ([`Request::History`]).
    pub on_request: Callback<Request>,
}

/// The welcome screen.
/// A plain function rather than a component: it has no state of its own, and each component
/// type costs the wasm its own copy of Yew's component machinery.
pub fn welcome(props: &WelcomeProps) -> Html {
    let locale = props.locale;
    let start = click(&props.on_action, Action::Start);
    let resume = click(&props.on_action, Action::Resume);
    let history = click(&props.on_request, Request::History);
    // Words only: written as markup (see `Markup`).
    let mut words = Markup::default();
    words.element("<p class=\"rc-lead\">", locale.text(Msg::WelcomeIntro), "</p>");
    words.element(
        "<ul class=\"rc-facts\"><li class=\"rc-fact rc-fact-time\">",
        locale.text(Msg::WelcomeTime),
        "</li>",
    );
    words.element(
        "<li class=\"rc-fact rc-fact-private\">",
        locale.text(Msg::WelcomePrivacy),
        "</li>",
    );
    words.element(
        "<li class=\"rc-fact rc-fact-note\">",
        locale.text(Msg::WelcomeNotDiagnosis),
        "</li></ul>",
    );
    words.element(
        "<p class=\"rc-small rc-exit-note\">",
        locale.text(Msg::ExitNote),
        "</p>",
    );
    if props.draft {
        words.element(
            "<p data-testid=\"draft-offer\" class=\"rc-emphasis\">",
            locale.text(Msg::StorageResumeTitle),
            "</p>",
        );
    }
    html! {
        <section key="welcome" class="rc-screen rc-welcome">
            { title(&props.heading, locale.text(Msg::WelcomeTitle)) }
            { words.take() }
            if props.draft {
                <div class="rc-nav">
                    { button("rc-button rc-button-primary", "resume", resume, locale.text(Msg::StorageResumeContinue)) }
                    { button("rc-button", "start", start, locale.text(Msg::StorageResumeStartOver)) }
                </div>
            } else {
                { button("rc-button rc-button-primary", "start", start, locale.text(Msg::WelcomeStart)) }
            }
            { button("rc-button rc-button-quiet", "open-history", history, locale.text(Msg::HistoryTitle)) }
        </section>
    }
}
