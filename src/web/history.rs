//! "My check-ins": what changed since last time, the trend, the list of saved check-ins, and
//! the person's own data: export, import, delete everything, keep nothing.

use std::rc::Rc;

use yew::prelude::*;

use crate::decimal::decimal;
use crate::flow::{Action, Confirm, HISTORY_SHOWN};
use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::storage::history::Direction;
use crate::storage::{since_last_time, trend, SavedCheckIn, MAX_IMPORT_BYTES};
use crate::text::Text;

use super::app::Request;
use super::elements::{button, click, h3, id, p, small_button, title};
use super::markup::Markup;
use super::saving::format_date_time;
use super::trend_chart::trend_chart;

/// What [`history_screen`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Whose numbers to fill into texts.
    pub region: Region,
    /// Saved check-ins, newest first, shared with the flow (no copy per render).
    pub history: Rc<Vec<SavedCheckIn>>,
    /// A deletion waiting for "Yes" or "No".
    pub confirm: Option<Confirm>,
    /// Whether the person chose to keep nothing on this device.
    pub keep_nothing: bool,
    /// Whether the person chose to have the check-in in progress deleted on quick exit.
    pub exit_clears_draft: bool,
    /// Whether to list every saved check-in, or only the newest [`HISTORY_SHOWN`].
    pub show_all: bool,
    /// What the last import or export did, in plain words.
    pub report: Vec<Text>,
    /// The lock's part (`super::lock::lock_part`), where it can be offered.
    pub lock: Html,
    /// Unique among widgets on the page.
    pub id_prefix: AttrValue,
    /// The heading, which takes focus when the screen appears.
    pub heading: NodeRef,
    /// A flow action (open, ask, cancel, leave).
    pub on_action: Callback<Action>,
    /// Confirmed a deletion, pressed "Export all check-ins", chose a file to import, changed
    /// "Don't keep anything on this device".
    pub on_request: Callback<Request>,
}

/// The history screen. A plain function rather than a component (it has no state of its own),
/// keyed so that coming to it from another screen builds it afresh, as a component would be.
pub fn history_screen(props: &HistoryProps) -> Html {
    // A long history lists the newest first and the rest on request, so it opens at once.
    let shown = if props.show_all {
        props.history.len()
    } else {
        HISTORY_SHOWN.min(props.history.len())
    };
    let locale = props.locale;
    let leave = click(&props.on_action, Action::Leave);
    let export = click(&props.on_request, Request::Export);
    let on_import = props.on_request.clone();
    let import = Callback::from(move |event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            on_import.emit(Request::Import(file));
        }
        // The same file can be chosen again after a fix.
        input.set_value("");
    });
    let import_id = id(&props.id_prefix, "import");
    let mut hint = Markup::default();
    hint.element(
        "<p class=\"rc-small\">",
        locale.text(Msg::StorageKeepNothingHint),
        "</p>",
    );

    html! {
        <section key="history" class="rc-screen rc-history" data-testid="history">
            { title(&props.heading, locale.text(Msg::HistoryTitle)) }
            if props.history.is_empty() {
                { p(locale.text(Msg::HistoryEmpty)) }
            } else {
                { overview(props, shown) }
                <section class="rc-history-part">
                    { h3(locale.text(Msg::HistoryListTitle)) }
                    <ul class="rc-history-list" data-testid="history-list">
                        { for props.history.iter().take(shown).map(|c| item(props, c)) }
                    </ul>
                    if shown < props.history.len() {
                        { button("rc-button rc-button-quiet", "show-all", click(&props.on_action, Action::ShowAllHistory), &locale.count(Msg::HistoryShowAll, props.history.len() as u32)) }
                    }
                </section>
            }
            if !props.report.is_empty() {
                <div class="rc-report" role="status" data-testid="report">
                    { for props.report.iter().map(|t| p(&t.render(locale, props.region))) }
                </div>
            }
            <section class="rc-history-part">
                { h3(locale.text(Msg::HistoryDataTitle)) }
                { p(locale.text(Msg::HistoryDataAbout)) }
                <div class="rc-nav">
                    if !props.history.is_empty() {
                        { button("rc-button", "export", export, locale.text(Msg::HistoryExport)) }
                    }
                    <label class="rc-button rc-file" for={import_id.clone()}>
                        { locale.text(Msg::HistoryImport) }
                        <input id={import_id} class="rc-file-input" type="file" accept=".json,application/json"
                            data-testid="import" data-max-bytes={decimal(MAX_IMPORT_BYTES as u64)} onchange={import} />
                    </label>
                </div>
                { checkbox(props, "keep-nothing", props.keep_nothing, Msg::StorageKeepNothingLabel, Request::KeepNothing) }
                { hint.take() }
                { checkbox(props, "exit-clears-draft", props.exit_clears_draft, Msg::ExitClearsDraft, Request::ExitClearsDraft) }
                { delete_everything(props) }
            </section>
            { props.lock.clone() }
            <div class="rc-nav">
                { button("rc-button rc-button-quiet", "leave", leave, locale.text(Msg::HistoryBack)) }
            </div>
        </section>
    }
}

/// A choice of the person's, as a checkbox whose changes go to `request` (one closure type for
/// every checkbox). `name` is its test id and the end of its element id.
fn checkbox(props: &HistoryProps, name: &'static str, checked: bool, label: Msg, request: fn(bool) -> Request) -> Html {
    let on_request = props.on_request.clone();
    let onchange = Callback::from(move |event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        on_request.emit(request(input.checked()));
    });
    let input_id = id(&props.id_prefix, name);
    html! {
        <p class="rc-field rc-check">
            <input id={input_id.clone()} type="checkbox" {checked} {onchange} data-testid={name} />
            <label for={input_id}>{ props.locale.text(label) }</label>
        </p>
    }
}

/// "Since last time" (with two check-ins or more) and the trend: words only, so written as
/// markup ([`Markup`]).
fn overview(props: &HistoryProps, shown: usize) -> Html {
    let locale = props.locale;
    let mut m = Markup::default();
    if let [newer, older, ..] = &props.history[..] {
        let changes = since_last_time(newer, older);
        m.raw("<section data-testid=\"since\" class=\"rc-history-part\">");
        m.h3(locale.text(Msg::SinceTitle));
        if changes.is_empty() {
            m.p(locale.text(Msg::SinceNothingChanged));
        }
        for (direction, title) in [
            (Direction::Better, Msg::SinceBetterTitle),
            (Direction::Harder, Msg::SinceHarderTitle),
        ] {
            let mut lines = changes.iter().filter(|c| c.direction == direction).peekable();
            if lines.peek().is_some() {
                m.element("<h4>", locale.text(title), "</h4>");
                m.raw("<ul>");
                for change in lines {
                    m.li(&change.text().render(locale, props.region));
                }
                m.raw("</ul>");
            }
        }
        m.raw("</section>");
    }
    m.raw("<section class=\"rc-history-part\">");
    m.h3(locale.text(Msg::HistoryTrendTitle));
    trend_chart(&mut m, locale, &trend(&props.history), shown, &props.id_prefix);
    m.raw("</section>");
    m.take()
}

fn item(props: &HistoryProps, checkin: &SavedCheckIn) -> Html {
    let locale = props.locale;
    let date = format_date_time(locale, checkin.at());
    let band = checkin.band().map_or(Msg::HistoryNoBand, |b| b.name());
    let id = checkin.id().to_owned();
    let open = click(&props.on_action, Action::Open(id));
    // The date and the band are words only: written as markup (see `Markup`).
    let mut words = Markup::default();
    words.element("<span class=\"rc-history-date\">", &date, "</span>");
    words.element("<span class=\"rc-history-band\">", locale.text(band), "</span>");
    html! {
        <li class="rc-history-item" data-id={checkin.id().to_owned()}>
            { words.take() }
            { small_button(
                locale.format(Msg::HistoryOpenLabel, &[("date", &date)]),
                open,
                locale.text(Msg::HistoryOpen),
            ) }
        </li>
    }
}

fn delete_everything(props: &HistoryProps) -> Html {
    let locale = props.locale;
    if props.confirm == Some(Confirm::DeleteEverything) {
        let yes = click(&props.on_request, Request::Delete(Confirm::DeleteEverything));
        let no = click(&props.on_action, Action::Cancel);
        let question_id = id(&props.id_prefix, "confirm-all");
        let mut question = Markup::default();
        question.raw("<p id=\"");
        question.text(&question_id);
        question.element("\">", locale.text(Msg::StorageDeleteAllConfirm), "</p>");
        html! {
            <div class="rc-confirm" role="alertdialog" aria-labelledby={question_id}>
                { question.take() }
                <div class="rc-nav">
                    { button("rc-button rc-button-danger", "confirm-delete", yes, locale.text(Msg::HistoryYesDeleteAll)) }
                    { button("rc-button", "cancel-delete", no, locale.text(Msg::HistoryNoKeep)) }
                </div>
            </div>
        }
    } else {
        let ask = click(&props.on_action, Action::Ask(Confirm::DeleteEverything));
        html! {
            { button("rc-button rc-button-quiet", "delete-all", ask, locale.text(Msg::HistoryDeleteAll)) }
        }
    }
}
