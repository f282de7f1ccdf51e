#![cfg(not(target_arch = "wasm32"))]
//! Properties of the storage layer over generated input.
//!
//! - Any text given to any decoder, or to `import`, gives a value or an error, never a panic;
//!   a refused import changes nothing.
//! - Export then import round-trips exactly, and importing the same file twice adds nothing.
//! - A history survives any sequence of saves, deletes and corruptions without losing an
//!   entry that was not deleted, and every corrupted value is kept aside verbatim.
//!
//! Case counts are modest to keep the suite fast.

use std::collections::BTreeMap;

use proptest::prelude::*;
use recovery_checkin::answers::{Answer, Answers};
use recovery_checkin::questionnaire::{Question, QuestionKind, QUESTIONNAIRE, QUESTIONNAIRE_VERSION};
use recovery_checkin::scoring::{score, METHOD_VERSION};
use recovery_checkin::session::CompletedCheckIn;
use recovery_checkin::storage::checkin::{decode_checkin, encode_checkin};
use recovery_checkin::storage::export::{export_json, parse_export};
use recovery_checkin::storage::schema::{decode_draft, decode_settings};
use recovery_checkin::storage::{ImportReport, MemoryStore, Namespace, Repository, SavedCheckIn, Store};

/// A valid answer to `q`, picked by `pick` and `subset`.
fn valid_answer(q: &Question, pick: u8, subset: u16) -> Answer {
    match q.kind {
        QuestionKind::Scale { min, max, .. } => Answer::Scale(min + pick % (max - min + 1)),
        QuestionKind::Single => Answer::Choice(q.options[usize::from(pick) % q.options.len()].id.to_owned()),
        QuestionKind::Multiple => {
            let open: Vec<String> = q
                .options
                .iter()
                .filter(|o| !o.exclusive)
                .enumerate()
                .filter(|(i, _)| subset & (1 << i) != 0)
                .map(|(_, o)| o.id.to_owned())
                .collect();
            if open.is_empty() {
                Answer::Choices(vec![q.options[usize::from(pick) % q.options.len()].id.to_owned()])
            } else {
                Answer::Choices(open)
            }
        }
    }
}

/// A completed check-in over generated answers: about one question in five left out, "Prefer
/// not to say" on some sensitive ones.
fn completed() -> impl Strategy<Value = CompletedCheckIn> {
    proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u16>()), QUESTIONNAIRE.questions.len()).prop_map(
        |seed| {
            let mut answers = Answers::new();
            for (q, (action, pick, subset)) in QUESTIONNAIRE.questions.iter().zip(seed) {
                let answer = match action % 5 {
                    0 => continue,
                    1 if q.sensitive => Answer::PreferNotToSay,
                    _ => valid_answer(q, pick, subset),
                };
                answers.insert(q.id, answer);
            }
            CompletedCheckIn {
                questionnaire_version: QUESTIONNAIRE_VERSION,
                method_version: METHOD_VERSION,
                assessment: score(&answers),
                answers,
            }
        },
    )
}

/// Up to `max` check-ins with distinct ids and any valid dates.
fn checkins(max: usize) -> impl Strategy<Value = Vec<SavedCheckIn>> {
    proptest::collection::vec(
        (
            completed(),
            "[a-zA-Z0-9_-]{1,12}",
            -8_640_000_000_000_000i64..=8_640_000_000_000_000,
        ),
        0..max,
    )
    .prop_map(|list| {
        let mut by_id = BTreeMap::new();
        for (done, id, at) in list {
            if let Ok(saved) = SavedCheckIn::from_completed(&done, &id, at) {
                by_id.insert(id, saved);
            }
        }
        by_id.into_values().collect()
    })
}

/// Text that looks like JSON: brackets, quotes, numbers, the words of our formats.
fn json_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("\"v\":1".to_owned()),
        Just("\"v\":3".to_owned()),
        Just("\"format\":\"recovery-checkin-export\"".to_owned()),
        Just("\"version\":1".to_owned()),
        Just("\"exported_at\":0".to_owned()),
        Just("\"checkins\":".to_owned()),
        Just("\"answers\":".to_owned()),
        Just("\"questionnaire_version\":1".to_owned()),
        Just("\"scores\":".to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        "\"[a-z_\\\\\"]{0,8}\"",
    ];
    proptest::collection::vec(token, 0..40).prop_map(|tokens| tokens.concat())
}

/// A text with one random edit: cut, a byte range removed, or something inserted.
fn mutate(text: &str, kind: u8, at: usize, len: usize, insert: &str) -> String {
    let boundary = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = boundary(if text.is_empty() { 0 } else { at % (text.len() + 1) });
    let end = boundary(start + len);
    match kind % 3 {
        0 => text[..start].to_owned(),
        1 => format!("{}{}", &text[..start], &text[end..]),
        _ => format!("{}{insert}{}", &text[..start], &text[start..]),
    }
}

fn decode_everything(text: &str) {
    let _ = decode_draft(text);
    let _ = decode_settings(text);
    let _ = decode_checkin(text);
    let _ = parse_export(text);
}

/// Imports `text` into a repository holding one check-in, and checks that a refused import
/// changed nothing.
fn import_changes_nothing_when_refused(text: &str, done: &CompletedCheckIn) {
    let store = MemoryStore::new();
    let mut repo = Repository::new(store.clone(), Namespace::default());
    repo.save_checkin(done, "here", 1).expect("saved");
    let before = store.snapshot();
    if repo.import(text).is_err() {
        assert_eq!(store.snapshot(), before);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_a_value_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        decode_everything(&text);
        let mut repo = Repository::new(MemoryStore::new(), Namespace::default());
        prop_assert!(repo.import(&text).is_err(), "random bytes are never an export");
    }

    #[test]
    fn json_like_text_gives_a_value_or_an_error(text in json_like()) {
        decode_everything(&text);
        let mut repo = Repository::new(MemoryStore::new(), Namespace::default());
        let _ = repo.import(&text);
    }

    #[test]
    fn damaged_values_of_ours_give_a_value_or_an_error(
        list in checkins(3),
        kind in any::<u8>(),
        at in any::<usize>(),
        len in 0usize..40,
        insert in "[\\[\\]{}\",:0-9a-z\\\\ ]{0,6}",
        done in completed(),
    ) {
        let export = export_json(&list, 0).expect("exports");
        let damaged = mutate(&export, kind, at, len, &insert);
        decode_everything(&damaged);
        import_changes_nothing_when_refused(&damaged, &done);
        for saved in &list {
            let text = encode_checkin(saved).expect("encodes");
            decode_everything(&mutate(&text, kind, at, len, &insert));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_round_trips_exactly(list in checkins(8), exported_at in any::<i64>()) {
        let store = MemoryStore::new();
        let mut repo = Repository::new(store.clone(), Namespace::default());
        for saved in &list {
            let text = encode_checkin(saved).expect("encodes");
            prop_assert_eq!(&decode_checkin(&text), &Ok(saved.clone()));
            let mut raw = store.clone();
            raw.set(&format!("recovery-checkin:default:checkin:{}", saved.id()), &text).expect("set");
        }
        let original = repo.history().expect("works").value;
        prop_assert_eq!(original.len(), list.len());
        let file = repo.export(exported_at).expect("works").value;
        prop_assert_eq!(parse_export(&file).map(|l| l.len()), Ok(list.len()));

        let mut fresh = Repository::new(MemoryStore::new(), Namespace::default());
        let report = fresh.import(&file).expect("imports");
        prop_assert_eq!(report, ImportReport { added: list.len(), already_there: 0, skipped: vec![] });
        prop_assert_eq!(&fresh.history().expect("works").value, &original);
        let again = fresh.import(&file).expect("imports");
        prop_assert_eq!(again, ImportReport { added: 0, already_there: list.len(), skipped: vec![] });
        prop_assert_eq!(&fresh.history().expect("works").value, &original);
        // And the file written again from the imported history is the same file.
        prop_assert_eq!(fresh.export(exported_at).expect("works").value, file);
    }
}

/// One step of the history property.
#[derive(Clone, Debug)]
enum Op {
    Save(u8),
    Delete(u8),
    /// Overwrites an entry's stored text with garbage, as another script or a broken disk might.
    Corrupt(u8, String),
    Load,
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        4 => any::<u8>().prop_map(|i| Op::Save(i % 12)),
        2 => any::<u8>().prop_map(|i| Op::Delete(i % 12)),
        1 => (any::<u8>(), "[{}\\[\\]\",:a-z0-9]{0,20}").prop_map(|(i, g)| Op::Corrupt(i % 12, g)),
        2 => Just(Op::Load),
    ];
    proptest::collection::vec(op, 1..30)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn history_keeps_every_entry_that_was_not_deleted(ops in ops(), done in completed()) {
        let store = MemoryStore::new();
        // Two tabs on one storage, taking turns.
        let mut tabs = [
            Repository::new(store.clone(), Namespace::default()),
            Repository::new(store.clone(), Namespace::default()),
        ];
        let mut expected: BTreeMap<String, SavedCheckIn> = BTreeMap::new();
        // (id, garbage) written over a valid entry and not deleted since.
        let mut corrupted: Vec<(String, String)> = Vec::new();
        let key_of = |id: &str| format!("recovery-checkin:default:checkin:{id}");
        for (step, op) in ops.into_iter().enumerate() {
            let repo = &mut tabs[step % 2];
            match op {
                Op::Save(i) => {
                    let id = format!("c{i}");
                    match repo.save_checkin(&done, &id, i64::from(i) * 1000) {
                        Ok(saved) => {
                            prop_assert!(!expected.contains_key(&id));
                            expected.insert(id, saved);
                        }
                        // Only a fresh id is saved; nothing is overwritten.
                        Err(e) => prop_assert!(store.get(&key_of(&id)).expect("get").is_some(), "{e}"),
                    }
                }
                Op::Delete(i) => {
                    let id = format!("c{i}");
                    let held = store.get(&key_of(&id)).expect("get");
                    prop_assert_eq!(repo.delete(&id).expect("works"), held.is_some());
                    expected.remove(&id);
                    // The person deleted this check-in, whatever its key held.
                    corrupted.retain(|(c, g)| !(c == &id && held.as_ref() == Some(g)));
                }
                Op::Corrupt(i, garbage) => {
                    let id = format!("c{i}");
                    if expected.remove(&id).is_some() {
                        let mut raw = store.clone();
                        raw.set(&key_of(&id), &garbage).expect("set");
                        corrupted.push((id, garbage));
                    }
                }
                Op::Load => {
                    let loaded = repo.history().expect("works");
                    let got: Vec<&str> = loaded.value.iter().map(SavedCheckIn::id).collect();
                    let mut want: Vec<&SavedCheckIn> = expected.values().collect();
                    want.sort_by(|a, b| b.at().cmp(&a.at()).then_with(|| b.id().cmp(a.id())));
                    let want: Vec<&str> = want.into_iter().map(SavedCheckIn::id).collect();
                    prop_assert_eq!(got, want);
                }
            }
        }
        let loaded = tabs[0].history().expect("works");
        prop_assert_eq!(loaded.value.len(), expected.len());
        for saved in &loaded.value {
            prop_assert_eq!(expected.get(saved.id()), Some(saved));
        }
        // Every corrupted value not deleted is kept: in an aside key, verbatim, or (from a newer
        // version, such as `{"v":2}`) untouched in its own key.
        let snapshot = store.snapshot();
        for (id, garbage) in &corrupted {
            let aside = snapshot
                .iter()
                .any(|(k, v)| k.starts_with("recovery-checkin:default:aside:") && v == garbage);
            prop_assert!(aside || snapshot.get(&key_of(id)) == Some(garbage), "{garbage:?} of {id} lost");
        }
    }
}
