//! The widget's root: keeps the check-in's [`Flow`] in a reducer and routes every action to it.
//!
//! The reducer only calls [`Flow::apply`]; what each action does is decided and tested in the
//! domain. This file decides what is on screen and where focus goes, and does the saving: the
//! check-in in progress after every answer, each finished check-in, and what "My check-ins"
//! needs, all through [`Saving`], with every failure told to the person in plain words.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::decimal::decimal;
use crate::embed::{HostEvent, Partner};
use crate::flow::{Action, Confirm, Flow, Screen};
use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::safety::SafetyFlag;
use crate::session::Session;
use crate::shell::{Lock, Shell, ShellAction};
use crate::storage::export::export_file_name;
use crate::storage::{ImportError, KeyKind, Namespace, MAX_IMPORT_BYTES};
use crate::text::Text;

use super::crisis_panel::{crisis_panel, CrisisPanelProps};
use super::elements::{button, click, id, p};
use super::header::{header, HeaderProps};
use super::history::{history_screen, HistoryProps};
use super::lock::{lock_part, lock_work, unlock_screen, LockProps};
use super::question::{question_screen, QuestionProps};
use super::results::{results_screen, ResultsProps};
use super::review::{review_screen, ReviewProps};
use super::safety_notice::safety_notices_in_flow;
use super::saved_result::{saved_result_screen, SavedResultProps};
use super::saving::{download, new_id, now_ms, Loader, Saving, SavingHandle};
use super::welcome::{welcome, WelcomeProps};

/// How a partner page configured this widget.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct AppProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Whose crisis contacts to show first.
    pub region: Region,
    /// Unique among the widgets on the page; prefixes every element id.
    pub id_prefix: AttrValue,
    /// Where this widget keeps its data in the browser's storage.
    #[prop_or_default]
    pub namespace: Namespace,
    /// The partner's name and resources, shown under the results.
    #[prop_or_default]
    pub partner: Rc<Partner>,
    /// Where "Leave quickly" goes (checked by [`crate::embed::parse`]).
    #[prop_or_default]
    pub exit_url: AttrValue,
    /// Tells the host page that a check-in started or finished, never what was answered; and
    /// the loader that the person wants to leave quickly ([`HostEvent::Exit`]).
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
    /// The person picked a language (the app has saved the choice, unless they chose to keep
    /// nothing): the custom element shows the widget in it once its texts are here.
    #[prop_or_default]
    pub on_locale: Callback<Locale>,
    /// The loader's storage and lock for this widget (`super::saving::Loader`); without one,
    /// `localStorage` and no lock.
    #[prop_or_default]
    pub loader: Loader,
    /// Started afresh by the loader (the lock opened or closed): focus goes to the first
    /// screen's heading.
    #[prop_or_default]
    pub restarted: bool,
    /// How many of the loader's writes under the lock have failed (each is told as a failed
    /// save).
    #[prop_or_default]
    pub write_failures: u32,
}

/// The widget's state in Yew's reducer: the check-in ([`Flow`]) and what is around it
/// ([`Shell`]), each behind its own `Rc` so that changing one does not copy the other. One
/// reducer for both: each reducer hook is its own copy of Yew's hook code in the wasm. The
/// widget's storage is opened with the state and kept in it, so no other hook is needed for it.
#[derive(Clone, PartialEq)]
pub struct AppState {
    /// The check-in.
    pub flow: Rc<Flow>,
    /// The crisis panel, the region, notices, the import report, "keep nothing".
    pub shell: Rc<Shell>,
    /// The widget's storage, opened once, when the widget is first drawn.
    pub saving: SavingHandle,
    /// The elements focus moves to, made with the first state (no hook of their own).
    pub refs: Rc<Refs>,
}

/// The elements the app moves focus to.
#[derive(Debug, Default, PartialEq)]
pub struct Refs {
    /// The heading of the screen shown.
    pub screen_heading: NodeRef,
    /// The button that opens and closes the crisis panel.
    pub help_toggle: NodeRef,
    /// The crisis panel's heading.
    pub help_heading: NodeRef,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("flow", &self.flow)
            .field("shell", &self.shell)
            .finish_non_exhaustive()
    }
}

/// A change to [`AppState`]: a move in the check-in or a change around it.
#[derive(Clone, Debug, PartialEq)]
pub enum AppAction {
    /// Applied with [`Flow::apply`].
    Flow(Action),
    /// Applied with [`Shell::apply`].
    Shell(ShellAction),
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        match action {
            AppAction::Flow(action) => {
                let mut flow = Flow::clone(&self.flow);
                flow.apply(action);
                let mut next = AppState::clone(&self);
                next.flow = Rc::new(flow);
                Rc::new(next)
            }
            AppAction::Shell(action) => {
                let mut shell = Shell::clone(&self.shell);
                if shell.apply(action) {
                    let mut next = AppState::clone(&self);
                    next.shell = Rc::new(shell);
                    Rc::new(next)
                } else {
                    // Unchanged: the same state, so the widget is not drawn again.
                    self
                }
            }
        }
    }
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let locale = props.locale;
    let app = {
        use_reducer(|| {
            // Started afresh by the loader: focus goes to the first screen's heading, which is
            // the unlock screen's from the first render when the lock is closed.
            let mut flow = Flow::new();
            flow.screen_visit = u32::from(props.restarted);
            let saving = Saving::open(props.namespace.clone(), &props.loader);
            let mut shell = Shell::new(props.region);
            shell.lock = saving.lock_state();
            AppState {
                flow: Rc::new(flow),
                shell: Rc::new(shell),
                saving,
                refs: Rc::default(),
            }
        })
    };
    // What the callbacks and effects below dispatch: a move in the check-in, a change around it.
    let to = To(app.dispatcher());
    let Refs {
        screen_heading,
        help_toggle,
        help_heading,
    } = &*app.refs;
    let saving: SavingHandle = app.saving.clone();

    // A new screen moves focus to its heading, so screen-reader users hear where they are. Not on
    // the first screen: a widget must not pull focus (and the scroll position) away from the
    // partner's page as it loads.
    {
        let screen_heading = screen_heading.clone();
        use_app_effect(
            Deps::Visit(app.flow.screen_visit),
            Box::new(move |deps: &Deps| {
                if matches!(deps, Deps::Visit(visit) if *visit > 0) {
                    if let Some(heading) = screen_heading.cast::<web_sys::HtmlElement>() {
                        heading.focus().ok();
                    }
                }
                no_teardown()
            }),
        );
    }

    // Opening the crisis panel moves focus into it, so keyboard and screen-reader users land
    // there.
    {
        let help_heading = help_heading.clone();
        use_app_effect(
            Deps::Help(app.shell.help_open),
            Box::new(move |deps: &Deps| {
                if *deps == Deps::Help(true) {
                    if let Some(heading) = help_heading.cast::<web_sys::HtmlElement>() {
                        heading.focus().ok();
                    }
                }
                no_teardown()
            }),
        );
    }

    // A write the loader could not encrypt or store is a failed save, and the person is told
    // (none at first).
    {
        let to = to.clone();
        use_app_effect(
            Deps::Failed(props.write_failures),
            Box::new(move |deps: &Deps| {
                if !matches!(deps, Deps::Failed(0)) {
                    to.tell(Msg::StorageFailed);
                }
                no_teardown()
            }),
        );
    }

    // The partner page may change the region while the widget runs (the first run changes
    // nothing: the shell starts with it).
    {
        let to = to.clone();
        use_app_effect(
            Deps::Region(props.region),
            Box::new(move |deps: &Deps| {
                if let Deps::Region(region) = deps {
                    to.shell(ShellAction::ChooseRegion(*region));
                }
                no_teardown()
            }),
        );
    }

    // On mount: what storage holds (the choices, a check-in left unfinished), and a listener
    // for other tabs' changes, removed again when the widget goes.
    {
        let saving = saving.clone();
        let to = to.clone();
        use_app_effect(
            Deps::Mount,
            Box::new(move |_: &Deps| {
                let mut found = Vec::new();
                if !saving.keeps_data() {
                    found.push(Msg::StorageBlocked);
                }
                // Under a closed lock, the check-in in progress is read once it is opened.
                let locked = saving.lock_state() == Lock::Locked;
                saving.with(|repo| {
                    match repo.settings() {
                        Ok(settings) => {
                            to.shell(ShellAction::KeepNothing(settings.value.keep_nothing));
                            found.extend(settings.messages());
                        }
                        Err(error) => found.push(error.message()),
                    }
                    if let Ok(true) = repo.exit_clears_draft() {
                        to.shell(ShellAction::ExitClearsDraft(true));
                    }
                    match repo.load_draft() {
                        _ if locked => {}
                        Ok(draft) => {
                            found.extend(draft.messages());
                            if let Some(session) = draft.value {
                                to.flow(Action::DraftFound(session));
                            }
                        }
                        Err(error) => found.push(error.message()),
                    }
                });
                to.notify(found);
                let listener = storage_listener(saving, to);
                let window = web_sys::window();
                if let Some(window) = &window {
                    window
                        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
                        .ok();
                }
                Box::new(move || {
                    if let Some(window) = window {
                        window
                            .remove_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
                            .ok();
                    }
                })
            }),
        );
    }

    // The check-in in progress is saved after every answer and every move.
    {
        let saving = saving.clone();
        let to = to.clone();
        let keep = !app.shell.keep_nothing;
        let in_progress = matches!(app.flow.screen, Screen::Question | Screen::Review);
        use_app_effect(
            Deps::Draft(app.flow.session.clone(), in_progress, keep),
            Box::new(move |deps: &Deps| {
                if let Deps::Draft(session, true, true) = deps {
                    if !session.answers().is_empty() {
                        if let Err(error) = saving.with(|repo| repo.save_draft(session)) {
                            to.tell(error.message());
                        }
                    }
                }
                no_teardown()
            }),
        );
    }

    // Each finished check-in is saved once, with its date (keyed on the count of finished
    // check-ins, not the result: two check-ins with the same answers are two check-ins). The
    // draft it came from is cleared only once it is safely saved: when the save fails, the
    // draft is the only copy of those answers.
    {
        let saving = saving.clone();
        let to = to.clone();
        let keep = !app.shell.keep_nothing;
        let flow = app.flow.clone();
        let on_event = props.on_event.clone();
        use_app_effect(
            Deps::Finished(app.flow.finished),
            Box::new(move |_: &Deps| {
                if let Some(completed) = &flow.result {
                    on_event.emit(HostEvent::Completed);
                    let mut problems = Vec::new();
                    let saved = if keep {
                        let at = now_ms();
                        saving
                            .with(|repo| repo.save_checkin(completed, &new_id(at), at))
                            .map(|_| ())
                            .map_err(|error| problems.push(error.message()))
                            .is_ok()
                    } else {
                        true
                    };
                    if saved {
                        if let Err(error) = saving.with(|repo| repo.clear_draft()) {
                            problems.push(error.message());
                        }
                    }
                    to.notify(problems);
                }
                no_teardown()
            }),
        );
    }

    let on_action = {
        let to = to.clone();
        let saving = saving.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |action: Action| {
            // Starting over forgets the check-in left unfinished, in storage too.
            if action == Action::Start {
                if let Err(error) = saving.with(|repo| repo.clear_draft()) {
                    to.tell(error.message());
                }
                on_event.emit(HostEvent::Started);
            }
            to.flow(action);
        })
    };
    // Everything else the person asks for, through one callback: each callback is a closure
    // type of its own in the wasm (its code, vtable and drop glue), so one for all of these.
    let on_request = {
        let saving = saving.clone();
        let to = to.clone();
        let keep_nothing = app.shell.keep_nothing;
        let exit_clears_draft = app.shell.exit_clears_draft;
        let help_toggle = help_toggle.clone();
        let on_locale = props.on_locale.clone();
        let on_event = props.on_event.clone();
        let lock_was = app.shell.lock;
        Callback::from(move |request: Request| match request {
            // The check-in in progress goes first if the person chose that (under a closed
            // lock too: deleting needs no key); then the loader closes the lock, hides the
            // page at once and leaves it (embed/loader.js). Nothing here may stop the person
            // leaving: a failure to delete is not waited on or shown.
            Request::QuickExit => {
                if exit_clears_draft {
                    saving.with(|repo| repo.on_quick_exit()).ok();
                }
                on_event.emit(HostEvent::Exit)
            }
            Request::Lock(op, form) => lock_work(&saving, &to, op, form, lock_was),
            Request::ExitClearsDraft(choice) => match saving.with(|repo| repo.set_exit_clears_draft(choice)) {
                Ok(()) => to.shell(ShellAction::ExitClearsDraft(choice)),
                Err(error) => to.tell(error.message()),
            },
            Request::History => {
                to.shell(ShellAction::Report(Vec::new()));
                match saving.with(|repo| repo.history()) {
                    Ok(history) => {
                        to.notify(history.messages());
                        to.flow(Action::ShowHistory(history.value));
                    }
                    Err(error) => to.tell(error.message()),
                }
            }
            Request::Delete(what) => {
                let done: Result<(), Msg> = saving.with(|repo| match &what {
                    Confirm::DeleteOne(id) => repo.delete(id).map(|_| ()).map_err(|e| e.message()),
                    // Deleting everything removes the settings too: a person who chose to keep
                    // nothing, or to have the check-in in progress deleted on quick exit, still
                    // wants that afterwards, so the choices are written again.
                    Confirm::DeleteEverything => {
                        repo.delete_everything().map_err(|e| e.message())?;
                        if keep_nothing {
                            repo.set_keep_nothing(true).map_err(|e| e.message())?;
                        }
                        if exit_clears_draft {
                            repo.set_exit_clears_draft(true).map_err(|e| e.message())?;
                        }
                        Ok(())
                    }
                    Confirm::Passphrase | Confirm::RemoveLock => Ok(()),
                });
                match done {
                    Ok(()) => {
                        // The lock record went with everything else (the loader's vault sees
                        // that): values are plain from now on.
                        if what == Confirm::DeleteEverything && lock_was != Lock::Off {
                            // From the unlock screen: the first screen, afresh, its heading focused.
                            if lock_was == Lock::Locked {
                                to.flow(Action::Reopen);
                            }
                            to.shell(ShellAction::Lock(Lock::Off, None));
                        }
                        to.flow(Action::Deleted(what))
                    }
                    Err(message) => to.tell(message),
                }
            }
            Request::Export => {
                let at = now_ms();
                match saving.with(|repo| repo.export(at)) {
                    Ok(file) => {
                        to.notify(file.messages());
                        if download(&export_file_name(at), &file.value).is_err() {
                            to.tell(Msg::StorageFailed);
                        }
                    }
                    Err(error) => to.tell(error.message()),
                }
            }
            Request::Import(file) => {
                // A file over the limit is refused before it is read: reading 50 MB would hang.
                if file.size() > MAX_IMPORT_BYTES as f64 {
                    to.report(
                        ImportError::TooBig {
                            bytes: file.size() as usize,
                        }
                        .message(),
                    );
                    return;
                }
                let saving = saving.clone();
                let to = to.clone();
                yew::platform::spawn_local(async move {
                    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                    let Some(text) = text.ok().and_then(|t| t.as_string()) else {
                        to.report(ImportError::Corrupt(String::from("unreadable file")).message());
                        return;
                    };
                    let outcome = saving.with(|repo| repo.import(&text));
                    match outcome {
                        Ok(done) => to.shell(ShellAction::Report(done.messages())),
                        Err(error) => to.report(error.message()),
                    }
                    if let Ok(history) = saving.with(|repo| repo.history()) {
                        to.flow(Action::HistoryChanged(history.value));
                    }
                });
            }
            Request::KeepNothing(choice) => match saving.with(|repo| repo.set_keep_nothing(choice)) {
                Ok(()) => {
                    to.shell(ShellAction::KeepNothing(choice));
                    // The repository dropped the stored draft; stop offering it here too.
                    if choice {
                        to.flow(Action::ForgetDraft);
                    }
                }
                Err(error) => to.tell(error.message()),
            },
            Request::ToggleHelp => to.shell(ShellAction::ToggleHelp),
            Request::CloseHelp => {
                to.shell(ShellAction::CloseHelp);
                if let Some(button) = help_toggle.cast::<web_sys::HtmlElement>() {
                    button.focus().ok();
                }
            }
            Request::Region(region) => to.shell(ShellAction::ChooseRegion(region)),
            Request::Locale(picked) => {
                if !keep_nothing {
                    if let Err(error) = saving.with(|repo| repo.set_locale(Some(picked))) {
                        to.tell(error.message());
                    }
                }
                on_locale.emit(picked);
            }
        })
    };

    let state = &*app.flow;
    let Shell {
        help_open,
        region,
        ref notices,
        ref report,
        keep_nothing,
        exit_clears_draft,
        lock,
        lock_busy,
        lock_problem,
    } = *app.shell;
    let heading = screen_heading.clone();
    let lock_props = LockProps {
        locale,
        id_prefix: &props.id_prefix,
        lock,
        busy: lock_busy,
        problem: lock_problem,
        confirm: state.confirm.as_ref(),
        on_action: &on_action,
        on_request: &on_request,
    };
    let body = match state.screen {
        _ if lock == Lock::Locked => unlock_screen(&lock_props, &heading),
        Screen::Welcome => welcome(&WelcomeProps {
            locale,
            heading,
            draft: state.draft.is_some(),
            on_action: on_action.clone(),
            on_request: on_request.clone(),
        }),
        Screen::Question => match state.question() {
            Some(question) => {
                let progress = state.session.progress();
                let notices = flow_safety_notices(locale, region, &state.safety, &on_action);
                question_screen(&QuestionProps {
                    locale,
                    question,
                    answer: state.session.answers().get(question.id).cloned(),
                    section: state.session.questionnaire().section(question.section).map(|s| s.title),
                    position: progress.position,
                    total: progress.total,
                    problem: state.problem,
                    id_prefix: props.id_prefix.clone(),
                    heading,
                    notices,
                    on_action: on_action.clone(),
                })
            }
            None => Html::default(),
        },
        Screen::Review => review_screen(&ReviewProps {
            locale,
            items: state.session.review(),
            problem: state.problem,
            heading,
            on_action: on_action.clone(),
        }),
        Screen::Result => match &state.result {
            Some(done) => {
                let history = click(&on_request, Request::History);
                let start_over = click(&on_action, Action::StartOver);
                let actions = html! {
                    <>
                        { button("rc-button rc-button-quiet", "open-history", history, locale.text(Msg::HistoryTitle)) }
                        { button("rc-button rc-button-quiet", "start-over", start_over, locale.text(Msg::ResultsStartOver)) }
                    </>
                };
                results_screen(&ResultsProps {
                    locale,
                    region,
                    assessment: done.assessment.clone(),
                    heading,
                    title: None,
                    note: None,
                    actions: Some(actions),
                    partner: Some(props.partner.clone()),
                    on_action: on_action.clone(),
                })
            }
            None => Html::default(),
        },
        Screen::History => history_screen(&HistoryProps {
            locale,
            region,
            history: state.history.clone(),
            confirm: state.confirm.clone(),
            keep_nothing,
            exit_clears_draft,
            show_all: state.show_all_history,
            report: report.clone(),
            lock: if saving.lock_available() {
                lock_part(&lock_props)
            } else {
                Html::default()
            },
            id_prefix: props.id_prefix.clone(),
            heading,
            on_action: on_action.clone(),
            on_request: on_request.clone(),
        }),
        Screen::Saved => match &state.viewing {
            Some(checkin) => saved_result_screen(&SavedResultProps {
                locale,
                region,
                checkin: checkin.clone(),
                confirm: state.confirm.clone(),
                heading,
                on_action: on_action.clone(),
                on_request: on_request.clone(),
            }),
            None => Html::default(),
        },
    };

    let help_id = id(&props.id_prefix, "help");
    let full = notices.contains(&Msg::StorageFull);
    html! {
        <div class="rc-widget" lang={locale.tag()} dir={locale.dir()} part="widget" data-screen={state.screen.as_str()}>
            { header(&HeaderProps {
                locale,
                exit_url: props.exit_url.clone(),
                help_open,
                help_id: help_id.clone(),
                toggle_ref: help_toggle.clone(),
                on_request: on_request.clone(),
            }) }
            if help_open {
                { crisis_panel(&CrisisPanelProps {
                    locale,
                    region,
                    id: help_id,
                    heading: help_heading.clone(),
                    on_request: on_request.clone(),
                }) }
            }
            if !notices.is_empty() {
                <div class="rc-notices" role="status" data-testid="storage-notice">
                    { for notices.iter().map(|m| p(locale.text(*m))) }
                    if full {
                        { button("rc-button", "", click(&on_request, Request::Export), locale.text(Msg::HistoryExport)) }
                    }
                </div>
            }
            <div class="rc-body">{ body }</div>
            <div class="rc-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
                { announcement(locale, state) }
            </div>
        </div>
    }
}

/// What the person asks of the app besides a move in the check-in ([`Action`]), all through
/// one callback.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Open "My check-ins".
    History,
    /// A deletion, confirmed.
    Delete(Confirm),
    /// Export all check-ins.
    Export,
    /// Import this file.
    Import(web_sys::File),
    /// "Don't keep anything on this device", changed.
    KeepNothing(bool),
    /// Open or close the crisis panel ("Help now").
    ToggleHelp,
    /// Close the crisis panel ("Close help"); focus goes back to "Help now".
    CloseHelp,
    /// Show another region's help lines.
    Region(Region),
    /// Speak this language (saved, unless the person chose to keep nothing).
    Locale(Locale),
    /// "Leave quickly", or Shift pressed three times.
    QuickExit,
    /// "When I leave quickly, also delete the check-in I have not finished", changed.
    ExitClearsDraft(bool),
    /// The lock's work (`super::lock`), with its form: `unlock` and `set` (the passphrase is
    /// in the form, read by the loader, not here), `remove`, and `now` ("Lock now").
    Lock(String, wasm_bindgen::JsValue),
}

/// Where the app's callbacks and effects send what happened: the check-in, what is around it,
/// and notices (one handle for all three, cloned into each closure once).
#[derive(Clone)]
pub struct To(UseReducerDispatcher<AppState>);

impl To {
    /// A move in the check-in.
    pub fn flow(&self, action: Action) {
        self.0.dispatch(AppAction::Flow(action));
    }

    /// A change around it.
    pub fn shell(&self, action: ShellAction) {
        self.0.dispatch(AppAction::Shell(action));
    }

    /// Notices for the person, such as a failed save.
    pub fn notify(&self, msgs: Vec<Msg>) {
        self.shell(ShellAction::Notify(msgs));
    }

    /// One notice.
    pub fn tell(&self, msg: Msg) {
        self.notify(vec![msg]);
    }

    /// An import's report of one line.
    fn report(&self, msg: Msg) {
        self.shell(ShellAction::Report(vec![Text::new(msg)]));
    }
}

/// What an effect of the app runs again on. Every effect of the app has this one key type and
/// one boxed closure type ([`EffectFn`]), so the wasm holds one copy of Yew's effect hook
/// instead of one per effect.
#[derive(PartialEq)]
enum Deps {
    /// The count of screens visited (focus moves to a new screen's heading).
    Visit(u32),
    /// Whether the crisis panel is open (focus moves into it).
    Help(bool),
    /// Nothing: runs once, on mount.
    Mount,
    /// The check-in in progress, whether it is on a question or the review, and whether
    /// anything is kept.
    Draft(Session, bool, bool),
    /// The count of finished check-ins.
    Finished(u32),
    /// The region the partner page asks for.
    Region(Region),
    /// The count of the loader's failed writes under the lock.
    Failed(u32),
}

/// What an effect leaves to run when it is run again or the widget goes.
type Teardown = Box<dyn FnOnce()>;

/// An effect of the app, given its [`Deps`].
type EffectFn = Box<dyn FnOnce(&Deps) -> Teardown>;

/// A teardown that does nothing (a closure of no size: no allocation).
fn no_teardown() -> Teardown {
    Box::new(|| ())
}

/// `use_effect_with`, with the app's one key and closure type.
#[hook]
fn use_app_effect(deps: Deps, f: EffectFn) {
    use_effect_with(deps, f);
}

/// Listens for other tabs' changes to this widget's keys: a check-in saved, deleted or
/// imported elsewhere shows up here too. Each check-in has its own key, so neither tab's
/// writes overwrite the other's.
fn storage_listener(saving: SavingHandle, to: To) -> Closure<dyn Fn(web_sys::StorageEvent)> {
    Closure::new(move |event: web_sys::StorageEvent| {
        let changed = match event.key() {
            // `localStorage.clear()` elsewhere: everything may have changed.
            None => true,
            Some(key) => saving.with(|repo| matches!(repo.key_kind(&key), Some(KeyKind::CheckIn(_)))),
        };
        if changed {
            if let Ok(history) = saving.with(|repo| repo.history()) {
                to.flow(Action::HistoryChanged(history.value));
            }
        }
    })
}

/// Safety messages raised in the flow, with one "Carry on with the check-in".
fn flow_safety_notices(locale: Locale, region: Region, flags: &[SafetyFlag], on_action: &Callback<Action>) -> Html {
    let blocks = flags.iter().map(|flag| flag.block()).collect::<Vec<_>>();
    html! {
        <div class="rc-flow-safety" role="alert">
            { safety_notices_in_flow(locale, region, &blocks, 3, on_action) }
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
    let (position, total) = (decimal(p.position as u64), decimal(p.total as u64));
    let progress = locale.format(Msg::FlowProgress, &[("position", &position), ("total", &total)]);
    if state.safety.is_empty() {
        progress
    } else {
        locale.format(Msg::FlowSafetyAnnounce, &[("progress", &progress)])
    }
}
