//! Safety messages, shown in the flow the moment an answer raises them and again first in the
//! results: crisis options come before anything else, and the person can read them and carry on.
//!
//! Several messages share one list of crisis lines, so a person who raised three signs reads
//! the lines once, not three times.

use yew::prelude::*;

use crate::flow::Action;
use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::safety::SafetyBlock;

use super::contacts::{contact_list, emergency_link, Which};
use super::elements::{button, click};
use super::markup::Markup;

/// The messages, then the crisis lines once if any message calls for them, as they close the
/// results: nothing when there are no messages. `heading_level` (2 or 3) is the level of each
/// message's title, to fit where it sits.
pub fn safety_notices(m: &mut Markup, locale: Locale, region: Region, blocks: &[SafetyBlock], heading_level: u8) {
    if !blocks.is_empty() {
        m.raw("<section data-testid=\"safety-notice\" class=\"rc-safety\">");
        messages(m, locale, region, blocks, heading_level);
        m.raw("</section>");
    }
}

/// The same in the flow, with "Carry on with the check-in" ([`Action::DismissSafety`]).
pub fn safety_notices_in_flow(
    locale: Locale,
    region: Region,
    blocks: &[SafetyBlock],
    heading_level: u8,
    on_action: &Callback<Action>,
) -> Html {
    if blocks.is_empty() {
        return Html::default();
    }
    let mut m = Markup::default();
    messages(&mut m, locale, region, blocks, heading_level);
    html! {
        <section class="rc-safety" data-testid="safety-notice">
            { m.take() }
            { button("rc-button", "carry-on", click(on_action, Action::DismissSafety), locale.text(Msg::FlowSafetyCarryOn)) }
        </section>
    }
}

fn messages(m: &mut Markup, locale: Locale, region: Region, blocks: &[SafetyBlock], heading_level: u8) {
    let (open, close) = if heading_level <= 2 {
        ("<h2 class=\"rc-safety-title\">", "</h2>")
    } else {
        ("<h3 class=\"rc-safety-title\">", "</h3>")
    };
    for block in blocks {
        m.raw("<div data-flag=\"");
        m.text(block.flag.as_str());
        m.raw("\" class=\"rc-safety-block\">");
        m.element(open, locale.text(block.title), close);
        for line in &block.lines {
            m.p(&line.render(locale, region));
        }
        m.raw("</div>");
    }
    if blocks.iter().any(|b| b.show_crisis_contacts) {
        m.raw("<p>");
        emergency_link(m, locale, region);
        m.raw("</p>");
        contact_list(m, locale, region, Which::Crisis, heading_level.saturating_add(1));
    }
}
