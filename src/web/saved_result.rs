//! One saved check-in opened from "My check-ins": its full result again when it can be scored
//! the same way, otherwise the scores and band saved at the time with a note saying why.

use std::rc::Rc;

use yew::prelude::*;

use crate::decimal::decimal;
use crate::flow::{Action, Confirm};
use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::storage::history::DOMAINS;
use crate::storage::SavedCheckIn;

use super::app::Request;
use super::elements::{button, click, p, title as heading};
use super::markup::Markup;
use super::results::{results_screen, ResultsProps};
use super::saving::format_date_time;

/// What [`saved_result_screen`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedResultProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Whose help lines to show.
    pub region: Region,
    /// The check-in, shared with the flow.
    pub checkin: Rc<SavedCheckIn>,
    /// A deletion waiting for "Yes" or "No".
    pub confirm: Option<Confirm>,
    /// The heading, which takes focus when the screen appears.
    pub heading: NodeRef,
    /// A flow action (ask, cancel, leave).
    pub on_action: Callback<Action>,
    /// Confirmed the deletion ([`Request::Delete`]).
    pub on_request: Callback<Request>,
}

/// The saved result screen. A plain function rather than a component (it has no state of its
/// own), keyed so that coming to it from another screen builds it afresh, as a component would
/// be.
pub fn saved_result_screen(props: &SavedResultProps) -> Html {
    let locale = props.locale;
    let checkin = &props.checkin;
    let title = locale.format(
        Msg::HistorySavedTitle,
        &[("date", &format_date_time(locale, checkin.at()))],
    );
    let actions = actions(props);
    match checkin.assessment() {
        Some(assessment) => results_screen(&ResultsProps {
            locale,
            region: props.region,
            assessment,
            heading: props.heading.clone(),
            title: Some(title),
            note: checkin.method_note().message(),
            actions: Some(actions),
            partner: None,
            on_action: props.on_action.clone(),
        }),
        None => {
            html! {
                <section key="saved" class="rc-screen rc-results" data-testid="results">
                    { heading(&props.heading, &title) }
                    { scores_markup(locale, checkin) }
                    <div class="rc-nav rc-no-print">{ actions }</div>
                </section>
            }
        }
    }
}

/// Why the full result cannot be shown, then the band and scores saved at the time: words
/// only, so written as markup (see `Markup`).
fn scores_markup(locale: Locale, checkin: &SavedCheckIn) -> Html {
    let mut m = Markup::default();
    if let Some(note) = checkin.method_note().message() {
        m.element("<p class=\"rc-note\">", locale.text(note), "</p>");
    }
    m.raw("<section data-part=\"band\" class=\"rc-result-part\">");
    m.h3(locale.text(Msg::ResultsBandHeading));
    let band = checkin.band().map_or(Msg::HistoryNoBand, |b| b.name());
    m.element("<p class=\"rc-band-name\">", locale.text(band), "</p>");
    m.raw("</section><section data-part=\"domains\" class=\"rc-result-part\">");
    m.h3(locale.text(Msg::ResultsDomainsHeading));
    m.raw("<ul>");
    let scores = checkin.scores();
    for d in DOMAINS {
        let value = scores.get(d).map_or_else(
            || locale.text(Msg::HistoryNoScore).to_owned(),
            |s| decimal(u64::from(s)),
        );
        m.li(&locale.format(
            Msg::ResultsScoreLabel,
            &[("domain", locale.text(d.name())), ("score", &value)],
        ));
    }
    m.raw("</ul></section>");
    m.take()
}

fn actions(props: &SavedResultProps) -> Html {
    let locale = props.locale;
    let id = props.checkin.id().to_owned();
    let leave = click(&props.on_action, Action::Leave);
    let asking = props.confirm == Some(Confirm::DeleteOne(id.clone()));
    if asking {
        let yes = click(&props.on_request, Request::Delete(Confirm::DeleteOne(id)));
        let no = click(&props.on_action, Action::Cancel);
        html! {
            <div class="rc-confirm" role="alertdialog" aria-label={locale.text(Msg::HistoryDeleteConfirm)}>
                { p(locale.text(Msg::HistoryDeleteConfirm)) }
                { button("rc-button rc-button-danger", "confirm-delete", yes, locale.text(Msg::HistoryYesDelete)) }
                { button("rc-button", "cancel-delete", no, locale.text(Msg::HistoryNoKeep)) }
            </div>
        }
    } else {
        let ask = click(&props.on_action, Action::Ask(Confirm::DeleteOne(id)));
        html! {
            <>
                { button("rc-button rc-button-quiet", "delete-one", ask, locale.text(Msg::HistoryDelete)) }
                { button("rc-button rc-button-quiet", "back-to-list", leave, locale.text(Msg::HistoryBackToList)) }
            </>
        }
    }
}
