//! Checks on the content files as a reviewer writes them, beside the build-time checks.

use recovery_checkin::i18n::{Locale, Msg};
use recovery_checkin::questionnaire::QUESTIONNAIRE;

fn read(path: &str) -> toml::Table {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("readable");
    text.parse::<toml::Table>().expect("valid TOML")
}

fn tables<'a>(doc: &'a toml::Table, name: &str) -> Vec<&'a toml::Table> {
    doc.get(name)
        .and_then(|v| v.as_array())
        .map(|items| items.iter().filter_map(|i| i.as_table()).collect())
        .unwrap_or_default()
}

#[test]
fn every_option_is_scored_or_explicitly_unscored() {
    let doc = read("content/questionnaire.toml");
    let mut checked = 0;
    for holder in tables(&doc, "option_set").into_iter().chain(tables(&doc, "question")) {
        let Some(options) = holder.get("options").and_then(|o| o.as_array()) else {
            continue;
        };
        for option in options.iter().filter_map(|o| o.as_table()) {
            let scored = option.get("points").is_some();
            let unscored = option.get("unscored").and_then(|u| u.as_bool()) == Some(true);
            assert!(
                scored != unscored,
                "{holder:?}: option {option:?} must have exactly one"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} options found");
}

#[test]
fn the_file_and_the_generated_data_agree() {
    let doc = read("content/questionnaire.toml");
    let ids: Vec<&str> = tables(&doc, "question")
        .iter()
        .filter_map(|q| q.get("id").and_then(|i| i.as_str()))
        .collect();
    let generated: Vec<&str> = QUESTIONNAIRE.questions.iter().map(|q| q.id).collect();
    assert_eq!(ids, generated);
}

#[test]
fn every_question_text_key_belongs_to_a_question() {
    for msg in Msg::all() {
        let key = msg.key();
        if let Some(rest) = key.strip_prefix("q.") {
            let id = rest.split('.').next().unwrap_or_default();
            assert!(QUESTIONNAIRE.question(id).is_some(), "`{key}` names no question");
        }
        for prefix in ["drivers.", "strengths."] {
            if let Some(id) = key.strip_prefix(prefix) {
                assert!(QUESTIONNAIRE.question(id).is_some(), "`{key}` names no question");
            }
        }
    }
}

#[test]
fn wording_is_person_first_and_free_of_blame() {
    // STYLE and CONTENT-BASIS section 5: never "addict", "clean/dirty"; no "abuse" labels.
    let banned = [
        "addict",
        "addicts",
        "clean",
        "dirty",
        "abuse",
        "abuser",
        "alcoholic",
        "junkie",
    ];
    for msg in Msg::all() {
        let text = Locale::En.text(*msg).to_lowercase();
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            assert!(!banned.contains(&word), "`{}` uses \"{word}\": {text}", msg.key());
        }
    }
}

#[test]
fn questions_state_their_time_frame() {
    use recovery_checkin::questionnaire::TimeFrame;
    for q in QUESTIONNAIRE.questions {
        let text = Locale::En.text(q.text);
        let stated = match q.time_frame {
            TimeFrame::Last7Days => text.contains("last 7 days"),
            TimeFrame::Last14Days => text.contains("last 2 weeks"),
            TimeFrame::Last30Days => text.contains("last 30 days"),
            TimeFrame::Next30Days => text.contains("next 30 days"),
            TimeFrame::Now => true,
        };
        assert!(stated, "{} does not say its time frame: {text}", q.id);
    }
}
