//! The widget's root: holds what screen is showing and whether help is open.

use yew::prelude::*;

use crate::help::Region;
use crate::i18n::{Locale, Msg};

use super::crisis_panel::CrisisPanel;
use super::header::Header;
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

/// Which screen the widget shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Welcome,
    CheckIn,
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let locale = props.locale;
    let screen = use_state(|| Screen::Welcome);
    let help_open = use_state(|| false);
    let region = use_state(|| props.region);
    let screen_heading = use_node_ref();
    let help_toggle = use_node_ref();

    // A new screen moves focus to its heading, so screen-reader users hear where they are. Not on
    // the first screen: a widget must not pull focus (and the scroll position) away from the
    // partner's page as it loads.
    {
        let screen_heading = screen_heading.clone();
        let first_screen = use_mut_ref(|| true);
        use_effect_with(*screen, move |_| {
            if std::mem::replace(&mut *first_screen.borrow_mut(), false) {
                return;
            }
            if let Some(heading) = screen_heading.cast::<web_sys::HtmlElement>() {
                heading.focus().ok();
            }
        });
    }

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
    let start = {
        let screen = screen.clone();
        Callback::from(move |_| screen.set(Screen::CheckIn))
    };
    let back_to_welcome = {
        let screen = screen.clone();
        Callback::from(move |_| screen.set(Screen::Welcome))
    };

    let help_id = format!("{}-help", props.id_prefix);
    let body = match *screen {
        Screen::Welcome => html! { <Welcome {locale} heading={screen_heading.clone()} on_start={start} /> },
        Screen::CheckIn => html! {
            <section class="rc-screen">
                <p class="rc-lead" ref={screen_heading.clone()} tabindex="-1">{ locale.text(Msg::CheckinComing) }</p>
                <button type="button" class="rc-button" onclick={back_to_welcome}>
                    { locale.text(Msg::CheckinBackToWelcome) }
                </button>
            </section>
        },
    };

    html! {
        <div class="rc-widget">
            <Header
                {locale}
                help_open={*help_open}
                help_id={help_id.clone()}
                toggle_ref={help_toggle}
                on_toggle_help={toggle_help}
            />
            if *help_open {
                <CrisisPanel
                    {locale}
                    region={*region}
                    id={help_id}
                    on_region={choose_region}
                    on_close={close_help}
                />
            }
            <div class="rc-body">{ body }</div>
        </div>
    }
}
