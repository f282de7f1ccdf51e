//! Safety messages, shown in the flow the moment an answer raises them and again first in the
//! results: crisis options come before anything else, and the person can read them and carry on.
//!
//! Several messages share one list of crisis lines, so a person who raised three signs reads
//! the lines once, not three times.

use yew::prelude::*;

use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::safety::SafetyBlock;

use super::contacts::{contact_list, emergency_link, ContactListProps, Which};
use super::elements::{button, click, p};

/// What [`safety_notices`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct SafetyNoticesProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Whose crisis lines and emergency number to show.
    pub region: Region,
    /// The messages, most urgent first.
    pub blocks: Vec<SafetyBlock>,
    /// The heading level of the message's title, to fit where it sits.
    pub heading_level: u8,
    /// Pressed "Carry on with the check-in"; without it there is no such button.
    pub on_dismiss: Option<Callback<()>>,
}

/// The messages, then the crisis lines once if any message calls for them.
/// A plain function rather than a component: it has no state of its own, and each component
/// type costs the wasm its own copy of Yew's component machinery.
pub fn safety_notices(props: &SafetyNoticesProps) -> Html {
    let locale = props.locale;
    if props.blocks.is_empty() {
        return Html::default();
    }
    let with_contacts = props.blocks.iter().any(|b| b.show_crisis_contacts);
    let contact_level = props.heading_level.saturating_add(1);
    html! {
        <section class="rc-safety" data-testid="safety-notice">
            { for props.blocks.iter().map(|block| {
                let title = locale.text(block.title);
                html! {
                    <div class="rc-safety-block" data-flag={block.flag.as_str()}>
                        if props.heading_level <= 2 {
                            <h2 class="rc-safety-title">{ title }</h2>
                        } else {
                            <h3 class="rc-safety-title">{ title }</h3>
                        }
                        { for block.lines.iter().map(|line| p(&line.render(locale, props.region))) }
                    </div>
                }
            }) }
            if with_contacts {
                <p>{ emergency_link(locale, props.region) }</p>
                { contact_list(&ContactListProps { locale, region: props.region, which: Which::Crisis, heading_level: contact_level }) }
            }
            if let Some(dismiss) = &props.on_dismiss {
                { button("rc-button", "carry-on", click(dismiss, ()), locale.text(Msg::FlowSafetyCarryOn)) }
            }
        </section>
    }
}
