//! "My check-ins": what changed since last time, the trend, the list of saved check-ins, and
//! the person's own data: export, import, delete everything, keep nothing.

use std::rc::Rc;

use yew::prelude::*;

use crate::flow::{Action, Confirm, HISTORY_SHOWN};
use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::storage::history::Direction;
use crate::storage::{since_last_time, trend, SavedCheckIn, MAX_IMPORT_BYTES};
use crate::text::Text;

use super::elements::{click, h3, li, p};
use super::saving::format_date_time;
use super::trend_chart::{trend_chart, TrendChartProps};

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
    /// Whether to list every saved check-in, or only the newest [`HISTORY_SHOWN`].
    pub show_all: bool,
    /// What the last import or export did, in plain words.
    pub report: Vec<Text>,
    /// Unique among widgets on the page.
    pub id_prefix: AttrValue,
    /// The heading, which takes focus when the screen appears.
    pub heading: NodeRef,
    /// A flow action (open, ask, cancel, leave).
    pub on_action: Callback<Action>,
    /// Confirmed a deletion.
    pub on_delete: Callback<Confirm>,
    /// Pressed "Export all check-ins".
    pub on_export: Callback<()>,
    /// Chose a file to import.
    pub on_import: Callback<web_sys::File>,
    /// Changed "Don't keep anything on this device".
    pub on_keep_nothing: Callback<bool>,
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
    let export = click(&props.on_export, ());
    let on_import = props.on_import.clone();
    let import = Callback::from(move |event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            on_import.emit(file);
        }
        // The same file can be chosen again after a fix.
        input.set_value("");
    });
    let on_keep_nothing = props.on_keep_nothing.clone();
    let keep_nothing = Callback::from(move |event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        on_keep_nothing.emit(input.checked());
    });
    let import_id = format!("{}-import", props.id_prefix);
    let keep_id = format!("{}-keep-nothing", props.id_prefix);

    html! {
        <section key="history" class="rc-screen rc-history" data-testid="history">
            <h2 class="rc-title" ref={props.heading.clone()} tabindex="-1">{ locale.text(Msg::HistoryTitle) }</h2>
            if props.history.is_empty() {
                { p(locale.text(Msg::HistoryEmpty)) }
            } else {
                { since(locale, props.region, &props.history) }
                <section class="rc-history-part">
                    { h3(locale.text(Msg::HistoryTrendTitle)) }
                    { trend_chart(&TrendChartProps { locale, points: trend(&props.history), rows: shown, id_prefix: props.id_prefix.clone() }) }
                </section>
                <section class="rc-history-part">
                    { h3(locale.text(Msg::HistoryListTitle)) }
                    <ul class="rc-history-list" data-testid="history-list">
                        { for props.history.iter().take(shown).map(|c| item(props, c)) }
                    </ul>
                    if shown < props.history.len() {
                        <button type="button" class="rc-button rc-button-quiet" data-testid="show-all"
                            onclick={click(&props.on_action, Action::ShowAllHistory)}>
                            { locale.count(Msg::HistoryShowAll, props.history.len() as u32) }
                        </button>
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
                        <button type="button" class="rc-button" data-testid="export" onclick={export}>
                            { locale.text(Msg::HistoryExport) }
                        </button>
                    }
                    <label class="rc-button rc-file" for={import_id.clone()}>
                        { locale.text(Msg::HistoryImport) }
                        <input id={import_id} class="rc-file-input" type="file" accept=".json,application/json"
                            data-testid="import" data-max-bytes={MAX_IMPORT_BYTES.to_string()} onchange={import} />
                    </label>
                </div>
                <p class="rc-field rc-check">
                    <input id={keep_id.clone()} type="checkbox" checked={props.keep_nothing} onchange={keep_nothing} data-testid="keep-nothing" />
                    <label for={keep_id}>{ locale.text(Msg::StorageKeepNothingLabel) }</label>
                </p>
                <p class="rc-small">{ locale.text(Msg::StorageKeepNothingHint) }</p>
                { delete_everything(props) }
            </section>
            <div class="rc-nav">
                <button type="button" class="rc-button rc-button-quiet" data-testid="leave" onclick={leave}>
                    { locale.text(Msg::HistoryBack) }
                </button>
            </div>
        </section>
    }
}

fn since(locale: Locale, region: Region, history: &[SavedCheckIn]) -> Html {
    let [newer, older, ..] = history else {
        return Html::default();
    };
    let changes = since_last_time(newer, older);
    let list = |direction: Direction, title: Msg| {
        let lines: Vec<Html> = changes
            .iter()
            .filter(|c| c.direction == direction)
            .map(|c| li(&c.text().render(locale, region)))
            .collect();
        if lines.is_empty() {
            Html::default()
        } else {
            html! { <><h4>{ locale.text(title) }</h4><ul>{ for lines }</ul></> }
        }
    };
    html! {
        <section class="rc-history-part" data-testid="since">
            { h3(locale.text(Msg::SinceTitle)) }
            if changes.is_empty() {
                { p(locale.text(Msg::SinceNothingChanged)) }
            } else {
                { list(Direction::Better, Msg::SinceBetterTitle) }
                { list(Direction::Harder, Msg::SinceHarderTitle) }
            }
        </section>
    }
}

fn item(props: &HistoryProps, checkin: &SavedCheckIn) -> Html {
    let locale = props.locale;
    let date = format_date_time(locale, checkin.at());
    let band = checkin.band().map_or(Msg::HistoryNoBand, |b| b.name());
    let id = checkin.id().to_owned();
    let open = click(&props.on_action, Action::Open(id));
    html! {
        <li class="rc-history-item" data-id={checkin.id().to_owned()}>
            <span class="rc-history-date">{ date.clone() }</span>
            <span class="rc-history-band">{ locale.text(band) }</span>
            <button type="button" class="rc-button rc-button-quiet rc-button-small" onclick={open}
                aria-label={locale.format(Msg::HistoryOpenLabel, &[("date", &date)])}>
                { locale.text(Msg::HistoryOpen) }
            </button>
        </li>
    }
}

fn delete_everything(props: &HistoryProps) -> Html {
    let locale = props.locale;
    if props.confirm == Some(Confirm::DeleteEverything) {
        let yes = click(&props.on_delete, Confirm::DeleteEverything);
        let no = click(&props.on_action, Action::Cancel);
        html! {
            <div class="rc-confirm" role="alertdialog" aria-labelledby={format!("{}-confirm-all", props.id_prefix)}>
                <p id={format!("{}-confirm-all", props.id_prefix)}>{ locale.text(Msg::StorageDeleteAllConfirm) }</p>
                <div class="rc-nav">
                    <button type="button" class="rc-button rc-button-danger" data-testid="confirm-delete" onclick={yes}>
                        { locale.text(Msg::HistoryYesDeleteAll) }
                    </button>
                    <button type="button" class="rc-button" data-testid="cancel-delete" onclick={no}>
                        { locale.text(Msg::HistoryNoKeep) }
                    </button>
                </div>
            </div>
        }
    } else {
        let ask = click(&props.on_action, Action::Ask(Confirm::DeleteEverything));
        html! {
            <button type="button" class="rc-button rc-button-quiet" data-testid="delete-all" onclick={ask}>
                { locale.text(Msg::HistoryDeleteAll) }
            </button>
        }
    }
}
