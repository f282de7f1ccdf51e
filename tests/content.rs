//! Checks on the content files as a reviewer writes them, beside the build-time checks.

use std::path::Path;

use recovery_checkin::i18n::{Locale, Msg};
use recovery_checkin::questionnaire::QUESTIONNAIRE;

/// `build.rs`, compiled again so its content checks can be fed broken files.
#[allow(dead_code)]
#[path = "../build.rs"]
mod build_script;

fn source(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("readable")
}

/// The content error `build.rs` stops the build with for this questionnaire text, if any.
fn build_error(questionnaire: &str) -> Option<String> {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/locales");
    let result = std::panic::catch_unwind(|| build_script::check_questionnaire(questionnaire, &locales));
    result.err().map(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default()
    })
}

/// The questionnaire file with `from` replaced by `to`, which must occur exactly once.
fn edited(from: &str, to: &str) -> String {
    let text = source("content/questionnaire.toml");
    assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once");
    text.replacen(from, to, 1)
}

#[test]
fn the_build_accepts_the_shipped_questionnaire() {
    assert_eq!(build_error(&source("content/questionnaire.toml")), None);
}

#[test]
fn the_build_refuses_a_safety_question_where_prefer_not_to_say_raises_nothing() {
    for line in [
        "prefer_not_to_say_safety = \"suicidal_thoughts\"\n",
        "prefer_not_to_say_safety = \"opioid_after_break\"\n",
        "prefer_not_to_say_safety = \"stopping_suddenly\"\n",
        "prefer_not_to_say_safety = \"unsafe_at_home\"\n",
    ] {
        let error = build_error(&edited(line, "")).unwrap_or_else(|| panic!("built without {line}"));
        assert!(error.contains("needs `prefer_not_to_say_safety`"), "{error}");
    }
}

fn read(path: &str) -> toml::Table {
    source(path).parse::<toml::Table>().expect("valid TOML")
}

fn tables<'a>(doc: &'a toml::Table, name: &str) -> Vec<&'a toml::Table> {
    doc.get(name)
        .and_then(|v| v.as_array())
        .map(|items| items.iter().filter_map(|i| i.as_table()).collect())
        .unwrap_or_default()
}

#[test]
fn the_build_checks_hidden_and_or_in_conditions() {
    // `hidden` only fits a question that can be hidden; `use_30d` is always shown.
    let error = build_error(&edited(
        r#"any_of = ["one_two_days", "three_to_14_days", "15_days_or_more", "prefer_not_to_say", "unanswered"], or = [{ question = "recovery_from", any_of = ["opioids"] }]"#,
        r#"any_of = ["hidden"], or = [{ question = "recovery_from", any_of = ["opioids"] }]"#,
    ))
    .expect("refused");
    assert!(
        error.contains("names `hidden`, which `use_30d` cannot be answered with"),
        "{error}"
    );
    // An alternative must name an earlier question, like any condition.
    let error = build_error(&edited(
        r#"or = [{ question = "recovery_from", any_of = ["opioids"] }] },
  { question = "substances_30d""#,
        r#"or = [{ question = "safe_home", any_of = ["safe"] }] },
  { question = "substances_30d""#,
    ))
    .expect("refused");
    assert!(
        error.contains("names `safe_home`, which is not an earlier question"),
        "{error}"
    );
    // Alternatives do not nest.
    let error = build_error(&edited(
        r#"or = [{ question = "recovery_from", any_of = ["opioids"] }] },
  { question = "substances_30d""#,
        r#"or = [{ question = "recovery_from", any_of = ["opioids"], or = [] }] },
  { question = "substances_30d""#,
    ))
    .expect("refused");
    assert!(error.contains("unknown field `or`"), "{error}");
}

#[test]
fn the_build_refuses_a_scale_with_its_points_flipped() {
    let flipped = edited(
        r#"  { id = "none", points = 0 },
  { id = "once", points = 1 },
  { id = "two_three", points = 2 },
  { id = "weekly", points = 3 },
  { id = "more_than_weekly", points = 4 },"#,
        r#"  { id = "none", points = 4 },
  { id = "once", points = 3 },
  { id = "two_three", points = 2 },
  { id = "weekly", points = 1 },
  { id = "more_than_weekly", points = 0 },"#,
    );
    let error = build_error(&flipped).expect("refused");
    assert!(error.contains("the points of question `meetings` go down"), "{error}");
    // Unscored options may sit anywhere: "not part of my life" comes first in spirituality.
    let moved = edited(
        r#"  { id = "not_for_me", unscored = true },
  { id = "not_at_all", points = 0 },"#,
        r#"  { id = "not_at_all", points = 0 },
  { id = "not_for_me", unscored = true },"#,
    );
    assert_eq!(build_error(&moved), None);
    // A shared scale flipped in one place is caught for every question that uses it.
    let error = build_error(&edited(
        r#"  { id = "a_lot", points = 3 },
  { id = "very_much", points = 4 },
]

# "How true"#,
        r#"  { id = "a_lot", points = 4 },
  { id = "very_much", points = 3 },
]

# "How true"#,
    ))
    .expect("refused");
    assert!(error.contains("go down from `a_lot` (4) to `very_much` (3)"), "{error}");
}

/// A question's options, in order, with their points (`None`: unscored).
type Scale = &'static [(&'static str, Option<u8>)];

/// Scales read from the calm answer to the strong one, with the points that say so.
#[test]
fn key_scales_keep_their_order_and_points() {
    let pinned: &[(&str, Scale)] = &[
        (
            "cravings",
            &[
                ("none", Some(0)),
                ("one_two", Some(1)),
                ("three_four", Some(2)),
                ("five_six", Some(3)),
                ("all_seven", Some(4)),
            ],
        ),
        (
            "sleep",
            &[
                ("none", Some(0)),
                ("one_two", Some(1)),
                ("three_four", Some(2)),
                ("five_six", Some(3)),
                ("all_seven", Some(4)),
            ],
        ),
        (
            "spirituality",
            &[
                ("not_for_me", None),
                ("not_at_all", Some(0)),
                ("a_little", Some(1)),
                ("somewhat", Some(2)),
                ("a_lot", Some(3)),
                ("very_much", Some(4)),
            ],
        ),
        (
            "meetings",
            &[
                ("none", Some(0)),
                ("once", Some(1)),
                ("two_three", Some(2)),
                ("weekly", Some(3)),
                ("more_than_weekly", Some(4)),
            ],
        ),
        (
            "use_30d",
            &[
                ("none", Some(0)),
                ("one_two_days", Some(2)),
                ("three_to_14_days", Some(3)),
                ("15_days_or_more", Some(4)),
            ],
        ),
        (
            "on_track",
            &[
                ("not_well_at_all", Some(0)),
                ("not_so_well", Some(1)),
                ("okay", Some(2)),
                ("well", Some(3)),
                ("very_well", Some(4)),
            ],
        ),
    ];
    for (id, expected) in pinned {
        let q = QUESTIONNAIRE.question(id).expect("question");
        let got: Vec<(&str, Option<u8>)> = q.options.iter().map(|o| (o.id, o.points)).collect();
        assert_eq!(got, *expected, "{id}");
    }
    // And every scored single-choice question climbs, as build.rs requires.
    for q in QUESTIONNAIRE.questions {
        if q.domain.is_scored() && q.kind == recovery_checkin::questionnaire::QuestionKind::Single {
            let points: Vec<u8> = q.options.iter().filter_map(|o| o.points).collect();
            assert!(points.is_sorted(), "{}: {points:?}", q.id);
            assert_eq!((points.first(), points.last()), (Some(&0), Some(&4)), "{}", q.id);
        }
    }
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
fn docs_method_md_states_the_cut_offs_the_code_uses() {
    use recovery_checkin::questionnaire::QUESTIONNAIRE_VERSION;
    use recovery_checkin::scoring::{DRIVER_FROM, METHOD_VERSION, STRENGTH_FROM};
    let docs = source("docs/method.md");
    for needed in [
        format!("Method version {METHOD_VERSION} (`scoring::METHOD_VERSION`), questionnaire version {QUESTIONNAIRE_VERSION}\n"),
        format!("`DRIVER_FROM` = {DRIVER_FROM}"),
        format!("`STRENGTH_FROM` = {STRENGTH_FROM}"),
    ] {
        assert!(docs.contains(&needed), "docs/method.md does not say {needed}");
    }
}

#[test]
fn docs_method_md_lists_every_group_link_to_check_before_a_release() {
    use recovery_checkin::recommend::EXAMPLES;
    let docs = source("docs/method.md");
    let checklist = docs
        .split("## 9. Before a release: links to check")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("docs/method.md has the release checklist");
    for example in EXAMPLES {
        if let Some(url) = example.url {
            assert!(
                checklist.contains(&format!("{}: {url}\n", Locale::En.text(example.name))),
                "{url} is not in the checklist"
            );
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

/// Every text in the English catalog is shown somewhere: named as `Msg::...` in the code, or
/// by the content files (which build.rs turns into Rust that names it). A text nobody shows
/// still costs bytes in every download and work for every translator.
#[test]
fn every_catalog_text_is_used_somewhere() {
    fn rust_files(dir: &Path, into: &mut String) {
        for entry in std::fs::read_dir(dir).expect("readable folder") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                rust_files(&path, into);
            } else if path.extension().is_some_and(|e| e == "rs") {
                into.push_str(&std::fs::read_to_string(&path).expect("readable file"));
            }
        }
    }
    let mut code = String::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut code);
    // What build.rs made of the content files (the catalog itself, which names every text, is
    // left out).
    code.push_str(include_str!(concat!(env!("OUT_DIR"), "/help_contacts.rs")));
    code.push_str(include_str!(concat!(env!("OUT_DIR"), "/questionnaire.rs")));
    code.push_str(include_str!(concat!(env!("OUT_DIR"), "/groups.rs")));

    let used = |variant: &str| {
        let needle = format!("Msg::{variant}");
        code.match_indices(&needle)
            .any(|(at, _)| !code[at + needle.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
    };
    let locales = build_script::read_locales(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content/locales"));
    let unused: Vec<&String> = locales["en"]
        .keys()
        // `since.topic.<id>` texts are found by the question's id (a table build.rs makes); the
        // storage::history tests check that each names a scored question and each scored
        // question has one.
        .filter(|key| !key.starts_with("since.topic."))
        .filter(|key| !used(&build_script::variant_name(key)))
        .collect();
    assert!(unused.is_empty(), "texts no screen shows: {unused:?}");
}
