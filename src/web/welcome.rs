//! The first screen: what the check-in is, how long it takes, where answers stay.

use yew::prelude::*;

use crate::i18n::{Locale, Msg};

/// Properties of [`Welcome`].
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct WelcomeProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// The screen's heading, which takes focus when the screen appears.
    pub heading: NodeRef,
    /// Pressed "Start the check-in".
    pub on_start: Callback<()>,
}

/// The welcome screen.
#[function_component(Welcome)]
pub fn welcome(props: &WelcomeProps) -> Html {
    let locale = props.locale;
    let onclick = props.on_start.reform(|_: MouseEvent| ());
    html! {
        <section class="rc-screen rc-welcome">
            <h2 class="rc-title" ref={props.heading.clone()} tabindex="-1">{ locale.text(Msg::WelcomeTitle) }</h2>
            <p class="rc-lead">{ locale.text(Msg::WelcomeIntro) }</p>
            <ul class="rc-facts">
                <li class="rc-fact rc-fact-time">{ locale.text(Msg::WelcomeTime) }</li>
                <li class="rc-fact rc-fact-private">{ locale.text(Msg::WelcomePrivacy) }</li>
                <li class="rc-fact rc-fact-note">{ locale.text(Msg::WelcomeNotDiagnosis) }</li>
            </ul>
            <button type="button" class="rc-button rc-button-primary" data-testid="start" {onclick}>
                { locale.text(Msg::WelcomeStart) }
            </button>
        </section>
    }
}
