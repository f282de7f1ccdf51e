//! The lock on saved check-ins (issue 8, `docs/privacy.md`): its work and its screens.
//!
//! The cryptography is WebCrypto's, in the loader (`embed/loader.js`): this widget's `crypt`
//! function derives a non-extractable AES-GCM key from a passphrase with PBKDF2 (the passphrase
//! is read from the form there and never enters the WebAssembly), encrypts texts into envelopes
//! (`storage::locked`) and decrypts them. The keys stay in the loader. Several texts go in one
//! call, one a line: no stored value holds a line break (JSON writes it `\n`), and one that
//! does is not ours, so it is never sent.
//!
//! Storage is synchronous and WebCrypto is not, so while the lock is open the plain values live
//! in memory only (`storage::vault`), and everything asynchronous is a [`Job`] done one at a
//! time, in order, by [`work`]: each write to a value under the lock (encrypted, then stored),
//! unlocking, setting or changing the passphrase, removing the lock, and forgetting the keys.
//! So a write never overtakes an earlier one, and a change of passphrase never runs beside a
//! write. A write that fails is told to the person, as every failed save is.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::flow::{Action, Confirm};
use crate::i18n::{Locale, Msg};
use crate::shell::{Lock, ShellAction};
use crate::storage::locked::{is_locked, LockState};
use crate::storage::rekey::{abandon, commit, lock_key, stage, staged, CHECK_TEXT};
use crate::storage::vault::{Mode, Write};
use crate::storage::{Store, StoreError};

use super::app::{Request, To};
use super::elements::{id, title};
use super::markup::Markup;
use super::saving::SavingHandle;

/// Work for the lock, done in order.
pub enum Job {
    /// A write to a value under the lock (encrypted first while the lock is on).
    Write(Write),
    /// "Unlock", with the form holding the passphrase.
    Unlock(JsValue),
    /// A new passphrase from this form: sets the lock, or changes the passphrase.
    Set(JsValue),
    /// "Remove the lock": every value is written plain again, then the lock record goes.
    Remove,
    /// The lock closed or went: the keys are forgotten once the writes before are stored.
    Forget,
}

/// A call to the loader's `crypt(op, a, b)`, and what to do with its answer.
struct Call(&'static str, JsValue, JsValue, Then);

/// What a job does with the loader's answer (each job is a few short synchronous steps with
/// one call between each: far less code in the wasm than an `async fn` for each).
enum Then {
    /// Store the envelope under this key.
    Put(String),
    /// A key for the lock record: decrypt the stored values with it.
    Unlocked,
    /// The stored values decrypted (the keys of the envelopes sent, and the plain values
    /// found): open the lock with the key of the salt.
    Opened(String, Vec<String>, Entries),
    /// A new key: encrypt the lock record (and, for a change, every value) with it.
    NewKey,
    /// The new lock record: set the lock with the key of the salt.
    Record(String),
    /// Every value encrypted with the new key: stage the copies, and read them back.
    Sealed(String, Entries),
    /// The staged copies opened again: commit if each gives back its text, with this record.
    Checked(String, Entries, String),
}

type Entries = Vec<(String, String)>;

/// Starts working through the jobs, unless that is under way.
pub fn work(saving: &SavingHandle) {
    if saving.working.replace(true) {
        return;
    }
    let saving = saving.clone();
    yew::platform::spawn_local(async move {
        loop {
            // Oldest first (a `Vec`: the wasm has its code already; there are only ever a few).
            let job = {
                let mut jobs = saving.jobs.borrow_mut();
                (!jobs.is_empty()).then(|| jobs.remove(0))
            };
            let Some(job) = job else { break };
            let mut next = start(&saving, job);
            while let Some(Call(op, a, b, then)) = next {
                let answer = crypt(&saving, op, a, b).await;
                next = resume(&saving, then, answer);
            }
        }
        saving.working.set(false);
    });
}

/// Adds a job and starts the work.
pub fn push(saving: &SavingHandle, job: Job) {
    saving.jobs.borrow_mut().push(job);
    work(saving);
}

/// Closes the lock now (idle, "Lock now", quick exit): the plain values and everything on
/// screen are forgotten at once; the keys once the writes before are stored.
pub fn close(saving: &SavingHandle) {
    let mut state = saving.lock.get();
    state.quick_exit();
    saving.lock.set(state);
    if saving.with(|repo| repo.store_mut().close()) {
        tell(saving, |to| {
            to.flow(Action::Reopen(None));
            to.shell(ShellAction::Lock(Lock::Locked, None));
        });
    }
    push(saving, Job::Forget);
}

/// The person did something: the idle timer starts again.
pub fn touch(saving: &SavingHandle) {
    let mut state = saving.lock.get();
    state.touch(js_sys::Date::now());
    saving.lock.set(state);
}

/// What the person asked for: the idle timer starts again ([`touch`]), and the request goes on.
pub fn touched<T>(saving: &SavingHandle, request: T) -> T {
    touch(saving);
    request
}

/// Whether the lock can be offered here: the loader has WebCrypto, and storage keeps data.
pub fn available(saving: &SavingHandle) -> bool {
    saving.crypt.is_some() && saving.keeps_data()
}

/// Runs `f` with where the app hears from the lock.
fn tell(saving: &SavingHandle, f: impl FnOnce(&To)) {
    if let Some(to) = saving.to.borrow().as_ref() {
        f(to);
    }
}

/// Calls the loader's `crypt(op, a, b)`; the promise it returns, if any.
fn call(saving: &SavingHandle, op: &str, a: &JsValue, b: &JsValue) -> Option<JsFuture> {
    let promise = saving.crypt.as_ref()?.call3(&JsValue::NULL, &op.into(), a, b).ok()?;
    Some(JsFuture::from(js_sys::Promise::from(promise)))
}

/// `crypt(op, a, b)`, awaited: what it answered (`NULL` when it failed).
async fn crypt(saving: &SavingHandle, op: &str, a: JsValue, b: JsValue) -> JsValue {
    match call(saving, op, &a, &b) {
        Some(future) => future.await.unwrap_or(JsValue::NULL),
        None => JsValue::NULL,
    }
}

/// Several texts, one a line, as `crypt` takes them.
fn lines<'a>(texts: impl Iterator<Item = &'a str>) -> JsValue {
    let mut out = String::new();
    for text in texts {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(text);
    }
    JsValue::from(out)
}

/// Tells the app the lock's state and what went wrong, if anything; the job ends.
fn done(saving: &SavingHandle, problem: Option<Msg>) -> Option<Call> {
    let lock = match saving.lock.get() {
        LockState::Off => Lock::Off,
        LockState::Locked => Lock::Locked,
        LockState::Unlocked { .. } => Lock::Open,
    };
    tell(saving, |to| to.shell(ShellAction::Lock(lock, problem)));
    None
}

/// The job succeeded: the form closes, and the person is told.
fn finished(saving: &SavingHandle, msg: Msg) -> Option<Call> {
    tell(saving, |to| {
        to.flow(Action::Cancel);
        to.tell(msg);
    });
    done(saving, None)
}

/// The lock opened in this visit with the key of `salt`: the idle timer starts, and locks
/// after fifteen idle minutes (it looks when it would end, and again then).
fn opened(saving: &SavingHandle, salt: String) {
    *saving.salt.borrow_mut() = Some(salt);
    saving.lock.set(LockState::unlocked(js_sys::Date::now()));
    let saving = saving.clone();
    yew::platform::spawn_local(async move {
        while let Some(wait) = saving.lock.get().closes_in(js_sys::Date::now()) {
            crypt(&saving, "wait", wait.into(), JsValue::NULL).await;
            let mut state = saving.lock.get();
            if state.tick(js_sys::Date::now()) {
                close(&saving);
            }
        }
    });
}

/// The keys are forgotten, here and in the loader.
fn forget(saving: &SavingHandle) {
    *saving.salt.borrow_mut() = None;
    call(saving, "forget", &JsValue::NULL, &JsValue::NULL);
}

/// Writes `text` under `key` in the storage beneath the lock; a failure is told.
fn store(saving: &SavingHandle, key: &str, text: Option<String>) {
    let written = text
        .ok_or(StoreError::Other(String::new()))
        .and_then(|text| saving.with(|repo| repo.store_mut().inner_mut().set(key, &text)));
    if let Err(error) = written {
        tell(saving, |to| to.tell(error.message()));
    }
}

/// Queues the encryption of these plain values, in place.
fn reseal(saving: &SavingHandle, plain: Entries) {
    saving
        .jobs
        .borrow_mut()
        .extend(plain.into_iter().map(|(k, t)| Job::Write(Write::Put(k, t))));
}

/// What the loader answered instead of a key: 1 too short, 2 not the same twice, else wrong
/// (or no WebCrypto to try it with).
fn problem(answer: &JsValue) -> Msg {
    match answer.as_f64() {
        Some(1.0) => Msg::LockTooShort,
        Some(2.0) => Msg::LockNotSame,
        Some(_) => Msg::LockWrong,
        None => Msg::StorageFailed,
    }
}

/// A job's first step.
fn start(saving: &SavingHandle, job: Job) -> Option<Call> {
    match job {
        Job::Write(Write::Put(key, plain)) => {
            let salt = saving.salt.borrow().clone();
            match salt {
                Some(salt) => return Some(Call("seal", plain.into(), salt.into(), Then::Put(key))),
                None => store(saving, &key, Some(plain)),
            }
        }
        Job::Write(Write::Remove(key)) => {
            if let Err(error) = saving.with(|repo| repo.store_mut().inner_mut().remove(&key)) {
                tell(saving, |to| to.tell(error.message()));
            }
        }
        Job::Unlock(form) => {
            // Pressed twice, or opened meanwhile: nothing to do.
            let record = saving.with(|repo| {
                let record = repo.store().get(&lock_key(repo.namespace())).ok().flatten();
                record.filter(|_| matches!(repo.store().mode(), Mode::Locked))
            });
            return match record {
                Some(record) => Some(Call("key", form, record.into(), Then::Unlocked)),
                None => done(saving, None),
            };
        }
        Job::Set(form) => return Some(Call("key", form, JsValue::NULL, Then::NewKey)),
        Job::Remove => {
            let removed = saving.with(|repo| {
                let key = lock_key(repo.namespace());
                let plain = repo.store().plain();
                let store = repo.store_mut().inner_mut();
                for (k, text) in &plain {
                    store.set(k, text)?;
                }
                store.remove(&key)?;
                repo.store_mut().turn_off();
                Ok::<_, StoreError>(())
            });
            if removed.is_err() {
                // Whatever was written plain is encrypted again; the lock stays on.
                reseal(saving, saving.with(|repo| repo.store().plain()));
                return done(saving, Some(Msg::LockFailed));
            }
            saving.lock.set(LockState::Off);
            forget(saving);
            return finished(saving, Msg::LockRemoved);
        }
        Job::Forget => {
            // An unlock under way when the lock closed opened it again: close it too.
            if saving.with(|repo| repo.store_mut().close()) {
                saving.lock.set(LockState::Locked);
                tell(saving, |to| to.flow(Action::Reopen(None)));
            }
            if !matches!(saving.lock.get(), LockState::Unlocked { .. }) {
                forget(saving);
            }
            return done(saving, None);
        }
    }
    None
}

/// A job's next step, with the loader's answer.
fn resume(saving: &SavingHandle, then: Then, answer: JsValue) -> Option<Call> {
    let text = answer.as_string();
    match then {
        Then::Put(key) => store(saving, &key, text),
        Then::Unlocked => {
            let Some(salt) = text else {
                return done(saving, Some(problem(&answer)));
            };
            // Encrypted values are sent to be decrypted; a plain one found under the lock (a
            // change cut off, an older version in another tab) is encrypted now.
            let stored = saving.with(|repo| repo.store().stored()).unwrap_or_default();
            let (sealed, plain): (Entries, Entries) = stored
                .into_iter()
                .filter(|(_, t)| !t.contains('\n'))
                .partition(|(_, t)| is_locked(t));
            reseal(saving, plain.clone());
            let keys = sealed.iter().map(|(k, _)| k.clone()).collect();
            let texts = lines(sealed.iter().map(|(_, t)| t.as_str()));
            return Some(Call("open", texts, JsValue::NULL, Then::Opened(salt, keys, plain)));
        }
        Then::Opened(salt, keys, mut plain) => {
            let text = text.unwrap_or_default();
            let mut unreadable = false;
            for (key, value) in keys.into_iter().zip(text.split('\n')) {
                unreadable |= value.is_empty();
                if !value.is_empty() {
                    plain.push((key, value.to_owned()));
                }
            }
            opened(saving, salt);
            let draft = saving.with(|repo| {
                repo.store_mut().open(plain);
                repo.load_draft()
            });
            let mut notices = Vec::new();
            if unreadable {
                notices.push(Msg::LockCouldNotOpen);
            }
            let draft = match draft {
                Ok(loaded) => {
                    notices.extend(loaded.messages());
                    loaded.value
                }
                Err(error) => {
                    notices.push(error.message());
                    None
                }
            };
            tell(saving, |to| {
                to.flow(Action::Reopen(draft));
                to.notify(notices);
            });
            return done(saving, None);
        }
        Then::NewKey => {
            let Some(salt) = text else {
                return done(saving, Some(problem(&answer)));
            };
            if saving.lock.get() == LockState::Off {
                return Some(Call("seal", CHECK_TEXT.into(), salt.clone().into(), Then::Record(salt)));
            }
            let plain: Entries = saving.with(|repo| repo.store().plain());
            let texts = lines(std::iter::once(CHECK_TEXT).chain(plain.iter().map(|(_, t)| t.as_str())));
            return Some(Call("seal", texts, salt.clone().into(), Then::Sealed(salt, plain)));
        }
        Then::Record(salt) => {
            let Some(record) = text else {
                return done(saving, Some(Msg::LockFailed));
            };
            // The lock record first: from then on a value found plain is encrypted at the next
            // unlock. Then every value is encrypted in place, in order, by the jobs that follow.
            let set = saving.with(|repo| {
                let stored = repo.store().stored()?;
                let key = lock_key(repo.namespace());
                repo.store_mut().inner_mut().set(&key, &record)?;
                let plain: Entries = stored.into_iter().filter(|(_, t)| !is_locked(t)).collect();
                repo.store_mut().open(plain.clone());
                Ok::<_, StoreError>(plain)
            });
            return match set {
                Ok(plain) => {
                    opened(saving, salt);
                    reseal(saving, plain);
                    finished(saving, Msg::LockSetDone)
                }
                _ => done(saving, Some(Msg::LockFailed)),
            };
        }
        Then::Sealed(salt, plain) => {
            let text = text.unwrap_or_default();
            let sealed: Vec<&str> = text.split('\n').collect();
            if sealed.len() != plain.len() + 1 {
                return done(saving, Some(Msg::LockFailed));
            }
            let copies: Entries = plain
                .iter()
                .zip(&sealed[1..])
                .map(|((k, _), t)| (k.clone(), (*t).to_owned()))
                .collect();
            let back = saving.with(|repo| {
                let ns = repo.namespace().clone();
                let store = repo.store_mut().inner_mut();
                stage(store, &ns, sealed[0], &copies)?;
                staged(store, &ns)
            });
            let Ok((Some(lock), back)) = back else {
                return done(saving, Some(Msg::LockFailed));
            };
            // Read back, each copy must be for the key of its value, and open to its text.
            let texts = if back.iter().map(|(k, _)| k).eq(plain.iter().map(|(k, _)| k)) {
                lines(std::iter::once(lock.as_str()).chain(back.iter().map(|(_, t)| t.as_str())))
            } else {
                JsValue::NULL
            };
            return Some(Call(
                "open",
                texts,
                JsValue::NULL,
                Then::Checked(salt, plain, sealed[0].to_owned()),
            ));
        }
        Then::Checked(salt, plain, record) => {
            let expected = lines(std::iter::once(CHECK_TEXT).chain(plain.iter().map(|(_, t)| t.as_str())));
            let good = text.is_some() && answer == expected;
            let committed = saving.with(|repo| {
                let ns = repo.namespace().clone();
                let store = repo.store_mut().inner_mut();
                if good {
                    commit(store, &ns).ok();
                } else {
                    abandon(store, &ns).ok();
                }
                // The new passphrase took over once its record is the lock's; a commit cut off
                // after that is finished the next time the widget opens (`rekey::recover`).
                store.get(&lock_key(&ns)).ok().flatten() == Some(record)
            });
            if !committed {
                return done(saving, Some(Msg::LockFailed));
            }
            *saving.salt.borrow_mut() = Some(salt);
            return finished(saving, Msg::LockChanged);
        }
    }
    None
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
