//! The lock on saved check-ins (issue 8, `docs/privacy.md`): its screens, and the calls that
//! start its work.
//!
//! The work is all in the loader (`embed/loader.js`): the namespace's vault, which the widget
//! reads and writes as `localStorage`, keeps the values under the lock decrypted in memory
//! while it is open and encrypts each write; it derives the keys from the passphrase
//! (read from the form there: it never enters the WebAssembly), unlocks, sets, changes and
//! removes the lock, and closes it after 15 idle minutes, on quick exit and on "Lock now".
//! When the lock opens or closes, the loader starts the widget afresh
//! (`super::element::restart_widget`), and everything is read again through the vault.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::flow::{Action, Confirm};
use crate::i18n::{Locale, Msg};
use crate::shell::{Lock, ShellAction};

use super::app::{Request, To};
use super::elements::{id, title};
use super::markup::Markup;
use super::saving::SavingHandle;

/// Asks the loader for the lock's work `op` with `form` (the lock as it is: `was`): `now`
/// closes it (the loader starts the widget afresh); `unlock` (afresh too, when the passphrase
/// is right), `set` (a new passphrase, or a change of it) and `remove` answer when done, and
/// the person is told what happened.
pub fn lock_work(saving: &SavingHandle, to: &To, op: String, form: JsValue, was: Lock) {
    let answer = saving.lock(&op, &form);
    if op == "now" {
        return;
    }
    to.shell(ShellAction::LockBusy);
    let (saving, to) = (saving.clone(), to.clone());
    yew::platform::spawn_local(async move {
        let code = JsFuture::from(js_sys::Promise::resolve(&answer))
            .await
            .ok()
            .and_then(|c| c.as_f64());
        let problem = match code {
            Some(0.0) if op == "unlock" => return,
            Some(0.0) => {
                to.flow(Action::Cancel);
                to.tell(match (op.as_str(), was) {
                    ("remove", _) => Msg::LockRemoved,
                    (_, Lock::Open) => Msg::LockChanged,
                    _ => Msg::LockSetDone,
                });
                None
            }
            Some(1.0) => Some(Msg::LockTooShort),
            Some(2.0) => Some(Msg::LockNotSame),
            Some(3.0) => Some(Msg::LockWrong),
            _ => Some(Msg::LockFailed),
        };
        to.shell(ShellAction::Lock(saving.lock_state(), problem));
    });
}

// ---- The screens ---------------------------------------------------------------------------
//
// Each is one `<form>` whose inside is written as markup (`super::markup`): every button is a
// submit button whose `value` names what it does, so one handler serves them all. The part
// that holds the passphrase fields is its own piece of markup and does not change while they
// are used (what is typed stays, and the loader can put focus back in them); what went wrong
// and "Unlocking…" are another piece, after it.

/// What the lock's screens show and do.
pub struct LockProps<'a> {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Unique among widgets on the page.
    pub id_prefix: &'a str,
    /// The lock as it is.
    pub lock: Lock,
    /// Whether it is working ("Unlocking…").
    pub busy: bool,
    /// What went wrong with the last passphrase.
    pub problem: Option<Msg>,
    /// A question or form open.
    pub confirm: Option<&'a Confirm>,
    /// For the flow's moves (open a form, ask, cancel).
    pub on_action: &'a Callback<Action>,
    /// For the lock's work, and deleting everything.
    pub on_request: &'a Callback<Request>,
}

/// `<button data-testid value class>text</button>`, a submit button of the lock's form.
fn submit(m: &mut Markup, testid: &'static str, op: &'static str, class: &'static str, text: &str) {
    m.raw("<button data-testid=\"");
    m.raw(testid);
    m.raw("\" value=\"");
    m.raw(op);
    m.raw("\" class=\"rc-button");
    m.raw(class);
    m.element("\">", text, "</button>");
}

/// A password field named `name` (`p`, and `c` for a new one's second copy), labelled.
fn field(m: &mut Markup, props: &LockProps, name: &'static str, label: Msg, autocomplete: &'static str) {
    let field = id(props.id_prefix, name);
    m.raw("<p class=\"rc-field\"><label for=\"");
    m.text(&field);
    m.element(
        "\">",
        props.locale.text(label),
        "</label><input type=\"password\" class=\"rc-input\" id=\"",
    );
    m.text(&field);
    m.raw("\" name=\"");
    m.raw(name);
    m.raw("\" autocomplete=\"");
    m.raw(autocomplete);
    m.raw("\"></p>");
}

/// A question before something that cannot be undone, with "Yes" (`op`) and "No, keep it".
fn confirm_box(m: &mut Markup, props: &LockProps, question: Msg, yes: Msg, op: &'static str) {
    let question_id = id(props.id_prefix, "confirm-lock");
    m.raw("<div class=\"rc-confirm\" role=\"alertdialog\" aria-labelledby=\"");
    m.text(&question_id);
    m.raw("\"><p id=\"");
    m.text(&question_id);
    m.element("\">", props.locale.text(question), "</p><div class=\"rc-nav\">");
    submit(m, "confirm-lock", op, " rc-button-danger", props.locale.text(yes));
    submit(m, "cancel-lock", "cancel", "", props.locale.text(Msg::HistoryNoKeep));
    m.raw("</div></div>");
}

/// The lock's form: `fields` (unchanged while typed in), then what went wrong and the status,
/// then `rest`. Its buttons' values go to the flow or the app.
fn lock_form(props: &LockProps, mut fields: Markup, mut rest: Markup) -> Html {
    let locale = props.locale;
    let mut after = Markup::default();
    if let Some(problem) = props.problem {
        after.element(
            "<p role=\"alert\" class=\"rc-problem\" data-testid=\"lock-problem\">",
            locale.text(problem),
            "</p>",
        );
    }
    let status = if props.busy {
        locale.text(if props.lock == Lock::Locked {
            Msg::LockUnlocking
        } else {
            Msg::LockWorking
        })
    } else {
        ""
    };
    after.element("<p role=\"status\" data-testid=\"lock-status\">", status, "</p>");
    let (on_action, on_request, busy) = (props.on_action.clone(), props.on_request.clone(), props.busy);
    let onsubmit = Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        let op = event
            .submitter()
            .and_then(|button| button.get_attribute("value"))
            .unwrap_or_default();
        let action = match op.as_str() {
            "cancel" => Action::Cancel,
            "ask-set" => Action::Ask(Confirm::Passphrase),
            "ask-remove" => Action::Ask(Confirm::RemoveLock),
            "forgot" => Action::Ask(Confirm::DeleteEverything),
            "delete" => return on_request.emit(Request::Delete(Confirm::DeleteEverything)),
            _ if busy => return,
            _ => return on_request.emit(Request::Lock(op, event.target().map_or(JsValue::NULL, JsValue::from))),
        };
        on_action.emit(action);
    });
    html! {
        <form {onsubmit} novalidate=true>
            { fields.take() }
            { after.take() }
            { rest.take() }
        </form>
    }
}

/// The screen shown while the lock is closed: the passphrase, and for a forgotten one, a way
/// to delete everything and start again. "Help now" and "Leave quickly" stay in the header.
pub fn unlock_screen(props: &LockProps, heading: &NodeRef) -> Html {
    let locale = props.locale;
    let mut fields = Markup::default();
    fields.p(locale.text(Msg::LockIntro));
    field(&mut fields, props, "p", Msg::LockPassphrase, "current-password");
    fields.raw("<p>");
    submit(
        &mut fields,
        "lock-submit",
        "unlock",
        " rc-button-primary",
        locale.text(Msg::LockUnlock),
    );
    fields.raw("</p>");
    let mut rest = Markup::default();
    if props.confirm == Some(&Confirm::DeleteEverything) {
        confirm_box(
            &mut rest,
            props,
            Msg::LockForgotConfirm,
            Msg::HistoryYesDeleteAll,
            "delete",
        );
    } else {
        submit(
            &mut rest,
            "forgot",
            "forgot",
            " rc-button-quiet",
            locale.text(Msg::LockForgot),
        );
    }
    html! {
        <section key="unlock" class="rc-screen" data-testid="unlock">
            { title(heading, locale.text(Msg::LockTitle)) }
            { lock_form(props, fields, rest) }
        </section>
    }
}

/// The lock's part of "My check-ins": set it; or lock now, change the passphrase, remove it.
pub fn lock_part(props: &LockProps) -> Html {
    let locale = props.locale;
    let mut m = Markup::default();
    m.h3(locale.text(Msg::LockHeading));
    match (props.lock, props.confirm) {
        (_, Some(Confirm::Passphrase)) => {
            m.element("<p class=\"rc-emphasis\">", locale.text(Msg::LockWarning), "</p>");
            m.element("<p class=\"rc-small\">", locale.text(Msg::LockHint), "</p>");
            field(&mut m, props, "p", Msg::LockNew, "new-password");
            field(&mut m, props, "c", Msg::LockAgain, "new-password");
            m.raw("<div class=\"rc-nav\">");
            let text = if props.lock == Lock::Open {
                Msg::LockChange
            } else {
                Msg::LockSet
            };
            submit(&mut m, "lock-submit", "set", " rc-button-primary", locale.text(text));
            submit(
                &mut m,
                "lock-cancel",
                "cancel",
                " rc-button-quiet",
                locale.text(Msg::LockCancel),
            );
            m.raw("</div>");
        }
        (Lock::Open, Some(Confirm::RemoveLock)) => {
            confirm_box(&mut m, props, Msg::LockRemoveConfirm, Msg::LockYesRemove, "remove")
        }
        (Lock::Open, _) => {
            m.p(locale.text(Msg::LockOn));
            m.raw("<div class=\"rc-nav\">");
            submit(&mut m, "lock-now", "now", "", locale.text(Msg::LockNow));
            submit(&mut m, "lock-change", "ask-set", "", locale.text(Msg::LockChange));
            submit(
                &mut m,
                "lock-remove",
                "ask-remove",
                " rc-button-quiet",
                locale.text(Msg::LockRemove),
            );
            m.raw("</div>");
        }
        _ => {
            m.p(locale.text(Msg::LockAbout));
            submit(&mut m, "lock-set", "ask-set", "", locale.text(Msg::LockSet));
        }
    }
    html! {
        <section class="rc-history-part" data-testid="lock">
            { lock_form(props, m, Markup::default()) }
        </section>
    }
}
