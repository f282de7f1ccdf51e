//! The repository over a [`MemoryStore`]: drafts, check-ins, failures, two tabs, settings,
//! export and import. Each failure named in the issue has a test here.

use std::collections::BTreeMap;

use super::checkin::tests::{completed, good, largest, CHECKIN_Q1};
use super::keys::{aside_key, checkin_key, draft_key, settings_key};
use super::schema::SCHEMA_VERSION;
use super::*;
use crate::answers::Answer;
use crate::i18n::{Locale, Msg};
use crate::scoring::tests::HARD;
use crate::session::Session;

fn ns(name: &str) -> Namespace {
    Namespace::parse(name).expect("a good namespace")
}

fn repo() -> (Repository<MemoryStore>, MemoryStore) {
    let store = MemoryStore::new();
    (Repository::new(store.clone(), Namespace::default()), store)
}

fn choice(id: &str) -> Answer {
    Answer::Choice(id.to_owned())
}

fn ids(list: &[SavedCheckIn]) -> Vec<&str> {
    list.iter().map(SavedCheckIn::id).collect()
}

fn history(repo: &mut Repository<MemoryStore>) -> Vec<SavedCheckIn> {
    let loaded = repo.history().expect("storage works");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.value
}

fn session_at_cravings() -> Session {
    let mut session = Session::new();
    session.answer("time_in_recovery", choice("months_1_3")).expect("valid");
    session.answer("use_30d", choice("none")).expect("valid");
    session.go_to("cravings").expect("shown");
    session
}

// --- drafts --------------------------------------------------------------------------------

#[test]
fn a_draft_is_saved_loaded_and_cleared() {
    let (mut repo, store) = repo();
    assert_eq!(repo.load_draft().expect("works").value, None);
    let session = session_at_cravings();
    repo.save_draft(&session).expect("saved");
    assert!(store.snapshot().contains_key("recovery-checkin:default:draft"));
    let loaded = repo.load_draft().expect("works");
    assert_eq!(loaded.value, Some(session.clone()));
    assert!(loaded.problems.is_empty());
    assert_eq!(
        loaded.value.and_then(|s| s.current().map(|q| q.id)),
        Some("cravings"),
        "continue where you left off"
    );
    repo.clear_draft().expect("cleared");
    assert_eq!(repo.load_draft().expect("works").value, None);
    repo.clear_draft().expect("clearing nothing is fine");
    assert!(store.snapshot().is_empty());
}

#[test]
fn a_questionnaire_1_draft_in_storage_is_migrated_on_load() {
    let (mut repo, mut store) = repo();
    let old = r#"{"v":1,"answers":{"questionnaire_version":1,"values":{"time_in_recovery":{"choice":"months_1_3"},"cravings":{"choice":"somewhat"},"sleep":{"choice":"one_two"}}},"current":"health"}"#;
    store.set("recovery-checkin:default:draft", old).expect("set");
    let loaded = repo.load_draft().expect("works");
    assert!(loaded.problems.is_empty());
    let session = loaded.value.expect("a draft");
    assert_eq!(session.answers().get("cravings"), None);
    assert_eq!(session.answers().get("sleep"), Some(&choice("one_two")));
    assert_eq!(session.current().map(|q| q.id), Some("cravings"));
}

#[test]
fn a_corrupt_draft_is_kept_aside_not_deleted() {
    for bad in [
        "{\"v\":1,\"answers\":",
        "not json",
        "{\"v\":1,\"answers\":7}",
        "",
        "{\"v\":0}",
    ] {
        let (mut repo, mut store) = repo();
        let key = draft_key(&Namespace::default());
        store.set(&key, bad).expect("set");
        let loaded = repo.load_draft().expect("works");
        assert_eq!(loaded.value, None, "{bad}");
        let aside = "recovery-checkin:default:aside:draft:1".to_owned();
        assert_eq!(
            loaded.problems,
            vec![Problem {
                key: key.clone(),
                error: loaded.problems[0].error.clone(),
                action: ProblemAction::KeptAside {
                    aside_key: aside.clone()
                },
            }]
        );
        assert!(!loaded.problems[0].error.is_from_the_future());
        assert_eq!(loaded.messages(), [Msg::StorageKeptAside]);
        assert_eq!(store.get(&aside), Ok(Some(bad.to_owned())), "kept verbatim");
        assert_eq!(store.get(&key), Ok(None));
        assert_eq!(
            repo.key_kind(&aside),
            Some(KeyKind::Aside {
                of: "draft".into(),
                n: 1
            })
        );
        // A new draft can be saved now, and the aside copy stays.
        repo.save_draft(&Session::new()).expect("saved");
        assert_eq!(store.get(&aside), Ok(Some(bad.to_owned())));
    }
}

#[test]
fn saving_over_a_corrupt_draft_keeps_the_old_one_aside() {
    let (mut repo, mut store) = repo();
    store.set("recovery-checkin:default:draft", "{broken").expect("set");
    repo.save_draft(&Session::new()).expect("saved");
    assert_eq!(
        store.get("recovery-checkin:default:aside:draft:1"),
        Ok(Some("{broken".into()))
    );
    assert!(repo.load_draft().expect("works").value.is_some());
}

#[test]
fn a_draft_from_a_newer_version_is_left_untouched_and_never_overwritten() {
    for future in [
        r#"{"v":3,"anything":"new"}"#,
        r#"{"v":1,"answers":{"questionnaire_version":3,"values":{}},"current":null}"#,
    ] {
        let (mut repo, mut store) = repo();
        let key = "recovery-checkin:default:draft";
        store.set(key, future).expect("set");
        let before = store.snapshot();
        let loaded = repo.load_draft().expect("works");
        assert_eq!(loaded.value, None);
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].error.is_from_the_future());
        assert_eq!(loaded.problems[0].action, ProblemAction::LeftUntouched);
        assert_eq!(loaded.messages(), [Msg::StorageNewerVersion]);
        assert_eq!(
            repo.save_draft(&Session::new()),
            Err(SaveError::NewerDataThere(key.into()))
        );
        repo.clear_draft().expect("start over leaves it be");
        assert_eq!(store.snapshot(), before, "nothing changed: {future}");
    }
}

#[test]
fn an_envelope_of_the_lock_is_never_read_as_plain_nor_moved_aside_whatever_its_v() {
    // The lock's envelopes (`docs/storage.md`) are written by the loader; a build that reads
    // plain values (the wasm under a closed lock, or an older version) leaves them be.
    for v in [1, 2, 3] {
        let envelope = format!(
            r#"{{"v":{v},"alg":"pbkdf2-sha256+aes-256-gcm","salt":"AAAAAAAAAAAAAAAAAAAAAA==","iterations":600000,"nonce":"AAAAAAAAAAAAAAAA","ciphertext":"AAAA"}}"#
        );
        let (mut repo, mut store) = repo();
        store.set("recovery-checkin:default:draft", &envelope).expect("set");
        store.set("recovery-checkin:default:checkin:a", &envelope).expect("set");
        let before = store.snapshot();
        let draft = repo.load_draft().expect("works");
        assert_eq!(draft.value, None);
        assert!(draft.problems[0].error.is_from_the_future());
        let listed = repo.history().expect("works");
        assert!(listed.value.is_empty());
        assert_eq!(listed.problems[0].action, ProblemAction::LeftUntouched);
        assert!(repo.save_draft(&Session::new()).is_err(), "never overwritten");
        assert_eq!(store.snapshot(), before, "nothing moved aside or changed: v {v}");
    }
}

// --- check-ins -----------------------------------------------------------------------------

#[test]
fn check_ins_are_saved_one_key_each_and_listed_newest_first() {
    let (mut repo, store) = repo();
    let done = good();
    let first = repo.save_checkin(&done, "a", 1_000).expect("saved");
    let hard = completed(HARD);
    repo.save_checkin(&hard, "c", 3_000).expect("saved");
    repo.save_checkin(&done, "b", 2_000).expect("saved");
    assert_eq!(store.snapshot().len(), 3);
    assert!(store.snapshot().contains_key("recovery-checkin:default:checkin:a"));
    let list = history(&mut repo);
    assert_eq!(ids(&list), ["c", "b", "a"]);
    assert_eq!(list[0].band(), hard.assessment.band);
    assert_eq!(list[2], first);
    // Opening one shows its full result again.
    let opened = repo.get("c").expect("works").value.expect("there");
    assert_eq!(opened.method_note(), MethodNote::Current);
    assert_eq!(opened.assessment(), Some(hard.assessment));
    assert_eq!(repo.get("zzz").expect("works").value, None);
    assert_eq!(repo.get("bad:id").expect("works").value, None);
}

#[test]
fn equal_dates_are_ordered_by_id() {
    let (mut repo, _) = repo();
    for id in ["m", "z", "a"] {
        repo.save_checkin(&good(), id, 5).expect("saved");
    }
    assert_eq!(ids(&history(&mut repo)), ["z", "m", "a"]);
}

#[test]
fn ids_must_be_fresh_and_valid() {
    let (mut repo, store) = repo();
    repo.save_checkin(&good(), "a", 1).expect("saved");
    let before = store.snapshot();
    assert_eq!(
        repo.save_checkin(&completed(HARD), "a", 2),
        Err(SaveError::IdTaken("a".into()))
    );
    assert!(matches!(
        repo.save_checkin(&good(), "a:b", 2),
        Err(SaveError::Invalid(checkin::InvalidCheckIn::Id(_)))
    ));
    assert!(matches!(
        repo.save_checkin(&good(), "x", i64::MAX),
        Err(SaveError::Invalid(checkin::InvalidCheckIn::At(_)))
    ));
    assert_eq!(store.snapshot(), before, "nothing was overwritten");
}

#[test]
fn one_check_in_is_deleted_and_the_others_stay() {
    let (mut repo, _) = repo();
    for (id, at) in [("a", 1), ("b", 2)] {
        repo.save_checkin(&good(), id, at).expect("saved");
    }
    assert_eq!(repo.delete("a"), Ok(true));
    assert_eq!(repo.delete("a"), Ok(false));
    assert_eq!(repo.delete("not:valid"), Ok(false));
    assert_eq!(ids(&history(&mut repo)), ["b"]);
}

#[test]
fn a_questionnaire_1_check_in_in_storage_keeps_its_scores() {
    let (mut repo, mut store) = repo();
    store
        .set("recovery-checkin:default:checkin:old-1", CHECKIN_Q1)
        .expect("set");
    repo.save_checkin(&good(), "new-1", 1_800_000_000_000).expect("saved");
    let list = history(&mut repo);
    assert_eq!(ids(&list), ["new-1", "old-1"]);
    let old = &list[1];
    assert_eq!(old.method_note(), MethodNote::Earlier);
    assert_eq!(old.assessment(), None);
    assert_eq!(old.scores().stressors, Some(62));
    assert_eq!(
        store.get("recovery-checkin:default:checkin:old-1"),
        Ok(Some(CHECKIN_Q1.to_owned())),
        "reading never rewrites"
    );
}

// --- failures ------------------------------------------------------------------------------

#[test]
fn bad_entries_are_reported_beside_the_good_ones_and_none_is_lost() {
    let (mut repo, mut store) = repo();
    repo.save_checkin(&good(), "good-1", 1).expect("saved");
    repo.save_checkin(&good(), "good-2", 2).expect("saved");
    let text = store
        .get("recovery-checkin:default:checkin:good-1")
        .expect("get")
        .expect("there");
    let bad: BTreeMap<&str, String> = [
        ("notjson", "\u{0}\u{ff}garbage".to_owned()),
        ("truncated", text[..text.len() - 20].to_owned()),
        ("wrongtype", text.replace("\"at\":1", "\"at\":\"yesterday\"")),
        ("otherid", text.clone()),
        ("empty", String::new()),
        ("array", "[1,2,3]".to_owned()),
    ]
    .into_iter()
    .collect();
    let future = r#"{"v":9,"id":"future","whatever":true}"#;
    for (id, value) in &bad {
        store
            .set(&format!("recovery-checkin:default:checkin:{id}"), value)
            .expect("set");
    }
    store
        .set("recovery-checkin:default:checkin:future", future)
        .expect("set");
    store.set("someone-elses-key", "{not ours").expect("set");

    let loaded = repo.history().expect("works");
    assert_eq!(ids(&loaded.value), ["good-2", "good-1"]);
    assert_eq!(loaded.problems.len(), bad.len() + 1);
    for problem in &loaded.problems {
        let id = problem.key.rsplit(':').next().unwrap_or_default();
        if id == "future" {
            assert_eq!(problem.action, ProblemAction::LeftUntouched);
            continue;
        }
        let aside = format!("recovery-checkin:default:aside:checkin:{id}:1");
        assert_eq!(
            problem.action,
            ProblemAction::KeptAside {
                aside_key: aside.clone()
            },
            "{id}"
        );
        assert_eq!(store.get(&aside), Ok(bad.get(id).cloned()), "{id} kept verbatim");
        assert_eq!(store.get(&problem.key), Ok(None));
    }
    assert_eq!(loaded.messages(), [Msg::StorageKeptAside, Msg::StorageNewerVersion]);
    assert_eq!(
        store.get("recovery-checkin:default:checkin:future"),
        Ok(Some(future.into()))
    );
    assert_eq!(store.get("someone-elses-key"), Ok(Some("{not ours".into())));
    // The next load is clean but for the newer entry, and the aside copies are not listed.
    let again = repo.history().expect("works");
    assert_eq!(ids(&again.value), ["good-2", "good-1"]);
    assert_eq!(again.problems.len(), 1);
}

#[test]
fn each_bad_value_gets_its_own_aside_copy() {
    let (mut repo, mut store) = repo();
    let key = "recovery-checkin:default:checkin:x";
    for bad in ["one", "two", "one"] {
        store.set(key, bad).expect("set");
        let problems = repo.history().expect("works").problems;
        assert_eq!(problems.len(), 1);
    }
    let asides: Vec<(String, String)> = store
        .snapshot()
        .into_iter()
        .filter(|(k, _)| k.contains(":aside:"))
        .collect();
    assert_eq!(
        asides,
        [
            ("recovery-checkin:default:aside:checkin:x:1".into(), "one".into()),
            ("recovery-checkin:default:aside:checkin:x:2".into(), "two".into()),
        ],
        "the same text twice is kept once"
    );
}

/// A store that lets "another tab" write between two calls of this one.
struct Meddling {
    inner: MemoryStore,
    /// When a key starting with this is set, write `then` to `key`.
    on_set_of: &'static str,
    key: &'static str,
    then: &'static str,
}

impl Store for Meddling {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.inner.set(key, value)?;
        if key.starts_with(self.on_set_of) {
            self.inner.set(self.key, self.then)?;
        }
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn a_value_rewritten_by_another_tab_meanwhile_is_not_removed() {
    let memory = MemoryStore::new();
    let key = "recovery-checkin:default:draft";
    let good_draft = schema::encode_draft(&Session::new()).expect("encodes");
    let mut seed = memory.clone();
    seed.set(key, "{broken").expect("set");
    let meddling = Meddling {
        inner: memory.clone(),
        on_set_of: "recovery-checkin:default:aside:",
        key,
        then: Box::leak(good_draft.clone().into_boxed_str()),
    };
    let mut repo = Repository::new(meddling, Namespace::default());
    let loaded = repo.load_draft().expect("works");
    assert!(matches!(loaded.problems[0].action, ProblemAction::KeptAside { .. }));
    assert_eq!(memory.get(key), Ok(Some(good_draft)), "the other tab's draft survives");
    assert_eq!(
        memory.get("recovery-checkin:default:aside:draft:1"),
        Ok(Some("{broken".into()))
    );
}

#[test]
fn quota_exceeded_on_save_loses_nothing_and_offers_an_export() {
    let (mut repo, store) = repo();
    for i in 0..5 {
        repo.save_checkin(&good(), &format!("c{i}"), i).expect("saved");
    }
    repo.save_draft(&session_at_cravings()).expect("saved");
    store.set_quota(Some(store.used_bytes() + 100));
    let before = store.snapshot();

    let error = repo.save_checkin(&largest(), "big", 10).expect_err("over quota");
    assert_eq!(error, SaveError::QuotaExceeded);
    assert_eq!(error.message(), Msg::StorageFull);
    let mut bigger = session_at_cravings();
    for (q, a) in [
        ("cravings", "all_seven"),
        ("low_mood", "all_seven"),
        ("worry_anger", "all_seven"),
    ] {
        bigger.answer(q, choice(a)).expect("valid");
    }
    assert_eq!(repo.save_draft(&bigger), Err(SaveError::QuotaExceeded));
    assert_eq!(store.snapshot(), before, "nothing already saved was lost or changed");
    assert_eq!(history(&mut repo).len(), 5);
    assert_eq!(repo.load_draft().expect("works").value, Some(session_at_cravings()));
    // The export still works, to keep a copy elsewhere.
    let export = repo.export(99).expect("works");
    assert_eq!(export::parse_export(&export.value).map(|l| l.len()), Ok(5));
}

#[test]
fn a_bad_value_that_cannot_be_copied_aside_stays_where_it_is() {
    let (mut repo, mut store) = repo();
    store.set("recovery-checkin:default:checkin:x", "garbage").expect("set");
    store.set_quota(Some(store.used_bytes()));
    let loaded = repo.history().expect("works");
    assert_eq!(
        loaded.problems[0].action,
        ProblemAction::NotMoved(StoreError::QuotaExceeded)
    );
    assert_eq!(loaded.messages(), [Msg::StorageCouldNotRead]);
    assert_eq!(
        store.get("recovery-checkin:default:checkin:x"),
        Ok(Some("garbage".into()))
    );
    // And a draft that cannot be moved aside is not overwritten either.
    store.set_quota(None);
    store.set("recovery-checkin:default:draft", "garbage").expect("set");
    store.set_quota(Some(store.used_bytes()));
    assert_eq!(repo.save_draft(&Session::new()), Err(SaveError::QuotaExceeded));
    assert_eq!(store.get("recovery-checkin:default:draft"), Ok(Some("garbage".into())));
    assert_eq!(repo.clear_draft(), Err(StoreError::QuotaExceeded));
    assert_eq!(store.get("recovery-checkin:default:draft"), Ok(Some("garbage".into())));
}

#[test]
fn blocked_storage_fails_every_call_and_memory_takes_over() {
    let (mut repo, mut store) = repo();
    repo.save_checkin(&good(), "a", 1).expect("saved");
    store.set_blocked(true);
    let unavailable = Err(StoreError::Unavailable);
    assert_eq!(repo.load_draft().map(|_| ()), unavailable);
    assert_eq!(repo.history().map(|_| ()), unavailable);
    assert_eq!(repo.get("a").map(|_| ()), unavailable);
    assert_eq!(repo.delete("a").map(|_| ()), unavailable);
    assert_eq!(repo.delete_everything().map(|_| ()), unavailable);
    assert_eq!(repo.clear_draft(), unavailable);
    assert_eq!(repo.settings().map(|_| ()), unavailable);
    assert_eq!(repo.export(1).map(|_| ()), unavailable);
    assert_eq!(repo.save_draft(&Session::new()), Err(SaveError::Unavailable));
    assert_eq!(repo.save_checkin(&good(), "b", 2), Err(SaveError::Unavailable));
    assert_eq!(repo.set_keep_nothing(true), Err(SaveError::Unavailable));
    assert_eq!(repo.import("{}"), Err(ImportError::Unavailable));
    assert_eq!(StoreError::Unavailable.message(), Msg::StorageBlocked);
    assert_eq!(SaveError::Unavailable.message(), Msg::StorageBlocked);
    assert_eq!(store.set("k", "v"), unavailable);

    // The web layer switches to memory: the check-in works, and nothing reaches the storage.
    let mut memory = Repository::new(MemoryStore::new(), Namespace::default());
    memory.save_draft(&session_at_cravings()).expect("in memory");
    memory.save_checkin(&good(), "b", 2).expect("in memory");
    assert_eq!(ids(&history(&mut memory)), ["b"]);
    store.set_blocked(false);
    assert_eq!(ids(&history(&mut repo)), ["a"], "the blocked storage was not touched");
}

// --- two tabs ------------------------------------------------------------------------------

#[test]
fn two_tabs_see_each_others_check_ins_and_overwrite_nothing() {
    let shared = MemoryStore::new();
    let mut tab_one = Repository::new(shared.clone(), Namespace::default());
    let mut tab_two = Repository::new(shared.clone(), Namespace::default());
    // Both list the history first, then save, interleaved, as two open tabs would.
    assert!(history(&mut tab_one).is_empty());
    assert!(history(&mut tab_two).is_empty());
    tab_one.save_checkin(&good(), "one-1", 1).expect("saved");
    tab_two.save_checkin(&completed(HARD), "two-1", 2).expect("saved");
    tab_one.save_checkin(&good(), "one-2", 3).expect("saved");
    tab_two.save_checkin(&good(), "two-2", 4).expect("saved");
    assert_eq!(ids(&history(&mut tab_one)), ["two-2", "one-2", "two-1", "one-1"]);
    assert_eq!(ids(&history(&mut tab_two)), ["two-2", "one-2", "two-1", "one-1"]);

    // The storage event in the other tab names the key; the web layer asks what it was.
    let event_key = checkin_key(&Namespace::default(), "two-2");
    assert_eq!(tab_one.key_kind(&event_key), Some(KeyKind::CheckIn("two-2".into())));
    assert_eq!(tab_one.key_kind("recovery-checkin:default:draft"), Some(KeyKind::Draft));
    assert_eq!(
        tab_one.key_kind("recovery-checkin:default:settings"),
        Some(KeyKind::Settings)
    );
    assert_eq!(tab_one.key_kind("recovery-checkin:other:checkin:x"), None);
    assert_eq!(tab_one.key_kind("theme"), None);

    // A delete in one tab shows in the other, and the other's saves are untouched.
    tab_two.delete("one-1").expect("deleted");
    assert_eq!(ids(&history(&mut tab_one)), ["two-2", "one-2", "two-1"]);
}

#[test]
fn namespaces_do_not_see_each_other() {
    let shared = MemoryStore::new();
    let mut a = Repository::new(shared.clone(), ns("a"));
    let mut ab = Repository::new(shared.clone(), ns("a-b"));
    a.save_checkin(&good(), "x", 1).expect("saved");
    ab.save_checkin(&good(), "y", 1).expect("saved");
    ab.save_draft(&Session::new()).expect("saved");
    assert_eq!(ids(&history(&mut a)), ["x"]);
    assert_eq!(ids(&history(&mut ab)), ["y"]);
    assert_eq!(a.load_draft().expect("works").value, None);
}

// --- deleting and keeping nothing ----------------------------------------------------------

#[test]
fn delete_everything_removes_every_key_of_the_namespace_and_nothing_else() {
    let shared = MemoryStore::new();
    let mut mine = Repository::new(shared.clone(), ns("mine"));
    let mut other = Repository::new(shared.clone(), ns("other"));
    mine.save_checkin(&good(), "a", 1).expect("saved");
    mine.save_draft(&Session::new()).expect("saved");
    mine.set_keep_nothing(false).expect("saved");
    other.save_checkin(&good(), "b", 1).expect("saved");
    let mut raw = shared.clone();
    raw.set("recovery-checkin:mine:checkin:bad", "garbage").expect("set");
    raw.set("recovery-checkin:mine:something-from-v9", "{}").expect("set");
    raw.set("recovery-checkin:mine-2:draft", "{}").expect("set");
    raw.set("partner-site-key", "keep me").expect("set");
    assert_eq!(
        mine.history().expect("works").problems.len(),
        1,
        "the bad one goes aside"
    );

    assert_eq!(
        mine.delete_everything(),
        Ok(5),
        "check-in, draft, settings, aside copy, unknown key"
    );
    let left: Vec<String> = shared.snapshot().into_keys().collect();
    assert_eq!(
        left,
        [
            "partner-site-key",
            "recovery-checkin:mine-2:draft",
            "recovery-checkin:other:checkin:b"
        ]
    );
    assert_eq!(mine.delete_everything(), Ok(0));
}

#[test]
fn quick_exit_deletes_the_draft_only_when_the_person_chose_that() {
    let (mut repo, store) = repo();
    repo.save_checkin(&good(), "a", 1).expect("saved");
    repo.save_draft(&session_at_cravings()).expect("saved");
    assert_eq!(repo.exit_clears_draft(), Ok(false));
    assert_eq!(repo.on_quick_exit(), Ok(false));
    assert!(repo.load_draft().expect("works").value.is_some(), "not chosen: kept");

    repo.set_exit_clears_draft(true).expect("saved");
    assert_eq!(repo.exit_clears_draft(), Ok(true));
    assert_eq!(
        store.get("recovery-checkin:default:exit-clears-draft"),
        Ok(Some(format!("{{\"v\":{SCHEMA_VERSION}}}")))
    );
    assert_eq!(repo.on_quick_exit(), Ok(true));
    assert_eq!(repo.load_draft().expect("works").value, None, "chosen: deleted");
    assert_eq!(ids(&history(&mut repo)), ["a"], "saved check-ins stay");
    // Any value there means the choice is on: deleting a draft is the safe side.
    let mut raw = store.clone();
    raw.set("recovery-checkin:default:exit-clears-draft", "damaged")
        .expect("set");
    assert_eq!(repo.exit_clears_draft(), Ok(true));
    // Allowed while keeping nothing; off removes the key; other keys are left alone.
    repo.set_keep_nothing(true).expect("saved");
    repo.set_exit_clears_draft(false).expect("saved");
    assert_eq!(repo.exit_clears_draft(), Ok(false));
    repo.set_exit_clears_draft(true).expect("saved");
    assert_eq!(repo.delete_everything(), Ok(3));
    assert_eq!(
        repo.exit_clears_draft(),
        Ok(false),
        "delete everything removes the choice too"
    );
    let blocked = MemoryStore::new();
    blocked.set_blocked(true);
    let mut blocked = Repository::new(blocked, Namespace::default());
    assert_eq!(blocked.on_quick_exit(), Err(StoreError::Unavailable));
}

#[test]
fn keep_nothing_clears_the_draft_and_stops_saving_until_turned_off() {
    let (mut repo, store) = repo();
    repo.save_checkin(&good(), "a", 1).expect("saved");
    repo.save_draft(&session_at_cravings()).expect("saved");
    assert!(!repo.settings().expect("works").value.keep_nothing);

    repo.set_keep_nothing(true).expect("saved");
    assert!(repo.settings().expect("works").value.keep_nothing);
    assert_eq!(
        repo.load_draft().expect("works").value,
        None,
        "the draft is gone at once"
    );
    assert_eq!(ids(&history(&mut repo)), ["a"], "history waits for a confirmed delete");
    assert_eq!(repo.save_draft(&Session::new()), Err(SaveError::KeepingNothing));
    assert_eq!(repo.save_checkin(&good(), "b", 2), Err(SaveError::KeepingNothing));
    assert_eq!(SaveError::KeepingNothing.message(), Msg::StorageKeepingNothing);
    let export = repo.export(5).expect("works").value;
    assert_eq!(repo.import(&export), Err(ImportError::KeepingNothing));
    let keys: Vec<String> = store.snapshot().into_keys().collect();
    assert_eq!(
        keys,
        [
            "recovery-checkin:default:checkin:a",
            "recovery-checkin:default:settings"
        ]
    );

    // Forget everything and keep nothing: delete, then record the choice again.
    repo.delete_everything().expect("deleted");
    repo.set_keep_nothing(true).expect("saved");
    assert_eq!(store.snapshot().len(), 1, "only the choice itself");

    repo.set_keep_nothing(false).expect("saved");
    repo.save_checkin(&good(), "b", 2).expect("saving again");
}

#[test]
fn the_language_choice_is_kept_beside_keep_nothing() {
    let (mut repo, mut store) = repo();
    let key = settings_key(&Namespace::default());
    // Settings as schema version 1 wrote them: read, and written back as version 2.
    store.set(&key, "{\"v\":1,\"keep_nothing\":false}").expect("set");
    repo.set_locale(Some(Locale::Es)).expect("saved");
    assert_eq!(
        store.get(&key),
        Ok(Some("{\"v\":2,\"keep_nothing\":false,\"locale\":\"es\"}".into()))
    );
    assert_eq!(repo.settings().expect("works").value.locale, Some(Locale::Es));
    assert_eq!(repo.saved_locale(), Some(Locale::Es));
    // Read without touching: damaged settings stay where they are for `settings()` to report.
    store.set(&key, "{\"v\":2,\"keep_nothing\":\"perhaps\"}").expect("set");
    let before = store.snapshot();
    assert_eq!(repo.saved_locale(), None);
    assert_eq!(store.snapshot(), before);
    store
        .set(&key, "{\"v\":2,\"keep_nothing\":false,\"locale\":\"es\"}")
        .expect("set");
    // Choosing to keep nothing keeps the language; choosing English again replaces it.
    repo.set_keep_nothing(true).expect("saved");
    assert_eq!(repo.settings().expect("works").value.locale, Some(Locale::Es));
    repo.set_locale(Some(Locale::En)).expect("saved");
    let settings = repo.settings().expect("works").value;
    assert_eq!((settings.keep_nothing, settings.locale), (true, Some(Locale::En)));
}

#[test]
fn bad_or_newer_settings_are_handled_safely() {
    let (mut repo, mut store) = repo();
    let key = settings_key(&Namespace::default());
    store.set(&key, "{\"v\":1,\"keep_nothing\":\"yes\"}").expect("set");
    let loaded = repo.settings().expect("works");
    assert_eq!(loaded.value, Settings::default());
    assert!(matches!(loaded.problems[0].action, ProblemAction::KeptAside { .. }));
    assert_eq!(
        store.get(&aside_key(&Namespace::default(), &key, 1).expect("ours")),
        Ok(Some("{\"v\":1,\"keep_nothing\":\"yes\"}".into()))
    );

    // Settings from a newer version: this version cannot see the choice, so it saves nothing
    // and overwrites nothing.
    let future = "{\"v\":3,\"keep_nothing\":true,\"more\":1}";
    store.set(&key, future).expect("set");
    assert_eq!(
        repo.save_draft(&Session::new()),
        Err(SaveError::NewerDataThere(key.clone()))
    );
    assert_eq!(
        repo.save_checkin(&good(), "a", 1),
        Err(SaveError::NewerDataThere(key.clone()))
    );
    assert_eq!(
        repo.set_keep_nothing(false),
        Err(SaveError::NewerDataThere(key.clone()))
    );
    assert_eq!(
        repo.set_locale(Some(Locale::Es)),
        Err(SaveError::NewerDataThere(key.clone()))
    );
    assert_eq!(repo.import("{}"), Err(ImportError::NewerDataThere));
    assert_eq!(store.get(&key), Ok(Some(future.into())));
    assert_eq!(SaveError::NewerDataThere(key).message(), Msg::StorageNewerThere);
}

// --- export and import ---------------------------------------------------------------------

#[test]
fn export_then_import_into_an_empty_store_gives_the_same_history() {
    let (mut repo, mut store) = repo();
    store
        .set("recovery-checkin:default:checkin:old-1", CHECKIN_Q1)
        .expect("set");
    repo.save_checkin(&good(), "a", 1_800_000_000_000).expect("saved");
    repo.save_checkin(&completed(HARD), "b", 1_800_000_100_000)
        .expect("saved");
    let original = history(&mut repo);
    let export = repo.export(1_800_000_200_000).expect("works");
    assert!(export.problems.is_empty());

    let (mut fresh, _) = self::repo();
    let report = fresh.import(&export.value).expect("imports");
    assert_eq!(
        report,
        ImportReport {
            added: 3,
            already_there: 0,
            skipped: vec![]
        }
    );
    assert_eq!(history(&mut fresh), original);
    // The same file again adds nothing.
    let again = fresh.import(&export.value).expect("imports");
    assert_eq!((again.added, again.already_there), (0, 3));
    assert_eq!(history(&mut fresh), original);
}

#[test]
fn import_merges_by_id_and_keeps_what_is_here_on_a_conflict() {
    let (mut source, _) = repo();
    source.save_checkin(&good(), "same", 1).expect("saved");
    source.save_checkin(&good(), "new", 2).expect("saved");
    source.save_checkin(&good(), "clash", 3).expect("saved");
    let file = source.export(10).expect("works").value;

    let (mut here, store) = repo();
    here.save_checkin(&good(), "same", 1).expect("saved");
    here.save_checkin(&completed(HARD), "clash", 3).expect("saved");
    let clash_before = store.get("recovery-checkin:default:checkin:clash").expect("get");
    let report = here.import(&file).expect("imports");
    assert_eq!(
        report,
        ImportReport {
            added: 1,
            already_there: 1,
            skipped: vec!["clash".into()]
        }
    );
    assert_eq!(
        store.get("recovery-checkin:default:checkin:clash").expect("get"),
        clash_before,
        "the check-in here is kept"
    );
    assert_eq!(ids(&history(&mut here)), ["clash", "new", "same"]);
}

#[test]
fn a_bad_file_changes_nothing() {
    let (mut repo, store) = repo();
    repo.save_checkin(&good(), "a", 1).expect("saved");
    let before = store.snapshot();
    let good_file = repo.export(5).expect("works").value;
    let not_ours = "{\"hello\":\"world\"}".to_owned();
    let corrupt = good_file.replace("\"band\":\"few\"", "\"band\":7");
    let truncated = good_file[..good_file.len() - 10].to_owned();
    let too_big = " ".repeat(MAX_IMPORT_BYTES + 1);
    let newer = good_file.replace("\"version\": 1", "\"version\": 2");
    for (file, expected) in [
        (&not_ours, Msg::StorageImportNotOurs),
        (&corrupt, Msg::StorageImportCorrupt),
        (&truncated, Msg::StorageImportCorrupt),
        (&too_big, Msg::StorageImportTooBig),
        (&newer, Msg::StorageImportNewer),
    ] {
        let error = repo.import(file).expect_err("refused");
        assert_eq!(error.message(), expected, "{error}");
        assert_eq!(store.snapshot(), before);
    }
}

#[test]
fn an_import_that_fills_the_storage_is_undone() {
    let (mut source, _) = repo();
    for i in 0..10 {
        source.save_checkin(&good(), &format!("c{i}"), i).expect("saved");
    }
    let file = source.export(10).expect("works").value;
    let (mut here, store) = repo();
    here.save_checkin(&completed(HARD), "mine", 100).expect("saved");
    // Room for about four more.
    store.set_quota(Some(store.used_bytes() * 5));
    let before = store.snapshot();
    let error = here.import(&file).expect_err("over quota");
    assert_eq!(error, ImportError::QuotaExceeded);
    assert_eq!(error.message(), Msg::StorageImportFull);
    assert_eq!(store.snapshot(), before, "the writes made were undone");
}

#[test]
fn export_reports_entries_it_could_not_read() {
    let (mut repo, mut store) = repo();
    repo.save_checkin(&good(), "a", 1).expect("saved");
    store.set("recovery-checkin:default:checkin:b", "garbage").expect("set");
    let export = repo.export(2).expect("works");
    assert_eq!(export.problems.len(), 1);
    assert_eq!(export::parse_export(&export.value).map(|l| l.len()), Ok(1));
}

// --- scale ---------------------------------------------------------------------------------

/// 500 check-ins load, sort, and give the trend and the chart: the median of 21 runs must stay
/// under 50 ms. Run it optimised, as the browser runs the widget:
/// `cargo test --no-default-features --release --lib storage::tests::five_hundred -- --ignored --nocapture`.
#[test]
#[ignore = "a timing: run it in release"]
fn five_hundred_check_ins_load_in_under_50_ms() {
    let (mut repo, _) = repo();
    let done = largest();
    for i in 0..500 {
        repo.save_checkin(&done, &format!("c{i:03}"), 1_700_000_000_000 + i * 86_400_000)
            .expect("saved");
    }
    let mut times = Vec::new();
    for _ in 0..21 {
        let start = std::time::Instant::now();
        let list = history(&mut repo);
        let points = history::trend(&list);
        let chart = history::chart_points(&points, 600.0, 300.0, false);
        let changes = history::since_last_time(&list[0], &list[1]);
        times.push(start.elapsed());
        assert_eq!((list.len(), chart.lines[0].dots.len(), changes.len()), (500, 500, 0));
    }
    times.sort();
    let median = times[times.len() / 2];
    println!("500 check-ins: median {median:?}");
    assert!(median.as_millis() < 50, "{median:?}");
}
