//! The reader and writer against `serde_json`, which stored values went through before: the
//! same grammar and error sorting, the same values for every decoder, the same text written.
//! Native only (proptest does not build for wasm32).

use proptest::prelude::*;

use super::*;
use crate::answers::{Answer, Answers};
use crate::questionnaire::{QuestionKind, QUESTIONNAIRE};
use crate::safety::SafetyFlag;
use crate::scoring::Band;
use crate::session::Session;
use crate::storage::checkin::tests::{completed, good, largest, CHECKIN_Q1};
use crate::storage::checkin::{decode_checkin, encode_checkin, SavedCheckIn, BAND_NAMES, SAFETY_NAMES};
use crate::storage::schema::{
    decode_draft, decode_settings, encode_draft, encode_settings, migrate_draft, DecodeError, DraftWire, Settings,
    VersionOf, OLDEST_SCHEMA_VERSION, SCHEMA_VERSION,
};

// --- the old way, as an oracle ---------------------------------------------------------------

fn sort(error: &serde_json::Error) -> DecodeError {
    match error.classify() {
        serde_json::error::Category::Syntax => DecodeError::NotJson,
        serde_json::error::Category::Eof => DecodeError::Corrupt(format!("truncated: {error}")),
        _ => DecodeError::Corrupt(error.to_string()),
    }
}

fn serde_open(text: &str) -> Result<serde_json::Value, DecodeError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| sort(&e))?;
    let serde_json::Value::Object(mut fields) = value else {
        return Err(DecodeError::Corrupt("not a JSON object".into()));
    };
    let found = fields
        .get("v")
        .and_then(serde_json::Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| DecodeError::Corrupt("no v".into()))?;
    fields.remove("v");
    if found > SCHEMA_VERSION {
        return Err(DecodeError::FromTheFuture {
            of: VersionOf::Schema,
            found,
        });
    }
    if found < OLDEST_SCHEMA_VERSION {
        return Err(DecodeError::Unsupported {
            of: VersionOf::Schema,
            found,
        });
    }
    Ok(serde_json::Value::Object(fields))
}

fn serde_settings(text: &str) -> Result<Settings, DecodeError> {
    serde_json::from_value(serde_open(text)?).map_err(|e| sort(&e))
}

fn serde_checkin(text: &str) -> Result<SavedCheckIn, DecodeError> {
    serde_json::from_value(serde_open(text)?).map_err(|e| sort(&e))
}

fn serde_draft(text: &str) -> Result<Session, DecodeError> {
    let draft: DraftWire = serde_json::from_value(serde_open(text)?).map_err(|e| sort(&e))?;
    let draft = migrate_draft(draft)?;
    let value = serde_json::to_value(&draft).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    serde_json::from_value::<Session>(value).map_err(|e| DecodeError::Corrupt(e.to_string()))
}

/// The same outcome: equal values, or errors of the same kind (reasons are for logs).
fn same<T: PartialEq + std::fmt::Debug>(ours: Result<T, DecodeError>, theirs: Result<T, DecodeError>, text: &str) {
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
        (Err(DecodeError::Corrupt(_)), Err(DecodeError::Corrupt(_))) => {}
        (Err(a), Err(b)) => assert_eq!(a, b, "{text}"),
        _ => panic!("ours {ours:?}, serde_json {theirs:?}: {text}"),
    }
}

fn decode_both_ways(text: &str) {
    same(decode_settings(text), serde_settings(text), text);
    same(decode_checkin(text), serde_checkin(text), text);
    same(decode_draft(text), serde_draft(text), text);
    // The truncated reason survives, as tests and logs rely on it.
    if let (Err(DecodeError::Corrupt(ours)), Err(DecodeError::Corrupt(theirs))) =
        (decode_settings(text), serde_settings(text))
    {
        assert_eq!(
            ours.starts_with("truncated"),
            theirs.starts_with("truncated"),
            "{text}: {ours} / {theirs}"
        );
    }
}

/// `serde_json`'s value in our terms (fractions compare by kind only).
fn ours(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Number::U64(u),
            (None, Some(i)) => Number::I64(i),
            _ => Number::Float(String::new()),
        }),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(ours).collect()),
        serde_json::Value::Object(map) => {
            let mut fields = Map::new();
            for (k, v) in map {
                fields.insert(k.clone(), ours(v));
            }
            Value::Object(fields)
        }
    }
}

fn without_float_text(value: Value) -> Value {
    match value {
        Value::Number(Number::Float(_)) => Value::Number(Number::Float(String::new())),
        Value::Array(items) => Value::Array(items.into_iter().map(without_float_text).collect()),
        Value::Object(map) => {
            // Sorted like serde_json's map, to compare.
            let mut entries: Vec<(String, Value)> =
                map.0.into_iter().map(|(k, v)| (k, without_float_text(v))).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(Map(entries))
        }
        other => other,
    }
}

fn parse_both_ways(text: &str) {
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (parse(text), theirs) {
        (Ok(a), Ok(b)) => {
            let mut b = ours(&b);
            if let Value::Object(_) | Value::Array(_) = b {
                b = without_float_text(b);
            }
            assert_eq!(without_float_text(a), b, "{text:?}");
        }
        (Err(ParseError::Syntax(_)), Err(e)) if e.classify() == serde_json::error::Category::Syntax => {}
        (Err(ParseError::Eof(_)), Err(e)) if e.classify() == serde_json::error::Category::Eof => {}
        (a, b) => panic!("ours {a:?}, serde_json {b:?}: {text:?}"),
    }
}

// --- fixed cases -----------------------------------------------------------------------------

#[test]
fn the_grammar_and_its_errors_are_serde_json_s() {
    for text in [
        "",
        " ",
        "null",
        "nul",
        "nulx",
        "true",
        "tru",
        "false",
        "fals",
        "0",
        "-0",
        "-",
        "01",
        "-01",
        "1.",
        "1.5",
        "1.e3",
        "1e",
        "1e+",
        "1e-",
        "1e5",
        "1E+2",
        "1e400",
        "-1e400",
        "0e400",
        "1e-400",
        "1e99999999999999",
        "0e99999999999",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1.7976931348623157e308",
        "1.8e308",
        "[1,]",
        "[,1]",
        "[1 2]",
        "[",
        "[1",
        "[1,",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "{\"a\":1,}",
        "{,}",
        "{1:2}",
        "{\"a\" 1}",
        "{\"a\":1 \"b\":2}",
        "{\"a\":1,\"a\":2}",
        "\"",
        "\"abc",
        "\"a\\",
        "\"\\u12",
        "\"\\u12x\"",
        "\"\\uZZZZ\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800\\n\"",
        "\"\\ud83d\\ude00\"",
        "\"\\udc00\"",
        "\"\\ud800",
        "\"\\ud800\\",
        "\"\\ud800\\u",
        "\"\\x\"",
        "\"\t\"",
        "\"\u{7f}é😀\"",
        "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
        "1 2",
        "{} x",
        " \n\t\r[ ] ",
        "[true,false,null,{}]",
        "\u{feff}1",
        "+1",
        ".5",
        "NaN",
        "Infinity",
        "[1e5,-2.5E-3,0.0]",
    ] {
        parse_both_ways(text);
    }
    // Nesting: 127 levels are fine, the 128th is not (before the text runs out).
    for depth in [126, 127, 128, 129, 100_000] {
        parse_both_ways(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        parse_both_ways(&"{\"a\":".repeat(depth));
        parse_both_ways(&"[".repeat(depth));
    }
}

#[test]
fn every_decoder_agrees_on_fixed_cases() {
    let saved = SavedCheckIn::from_completed(&good(), "abc", 5).expect("valid");
    let checkin = encode_checkin(&saved).expect("encodes");
    let mut session = Session::new();
    session
        .answer("time_in_recovery", Answer::Choice("years_1_5".into()))
        .expect("valid");
    let draft = encode_draft(&session).expect("encodes");
    for text in [
        checkin.clone(),
        CHECKIN_Q1.to_owned(),
        draft.clone(),
        encode_settings(&Settings {
            keep_nothing: true,
            locale: None,
        })
        .expect("encodes"),
        r#"{"v":1}"#.into(),
        r#"{"v":1,"keep_nothing":null}"#.into(),
        r#"{"v":2}"#.into(),
        r#"{"v":3}"#.into(),
        r#"{"v":0}"#.into(),
        r#"{"v":-0}"#.into(),
        r#"{"v":1.0}"#.into(),
        r#"[1]"#.into(),
        checkin.replace("\"band\":\"few\"", "\"band\":{\"few\":null}"),
        checkin.replace("\"band\":\"few\"", "\"band\":{\"few\":1}"),
        checkin.replace("\"band\":\"few\"", "\"band\":{}"),
        checkin.replace("\"band\":\"few\"", "\"band\":null"),
        checkin.replace("\"safety\":[]", "\"safety\":[{\"unsafe_at_home\":null}]"),
        checkin.replace("\"scores\":{", "\"scores\":{\"extra\":1,"),
        checkin.replace("\"at\":5", "\"at\":-5"),
        checkin.replace("\"at\":5", "\"at\":-0"),
        checkin.replace("\"at\":5", "\"at\":5.0"),
        checkin.replace("\"id\":\"abc\"", "\"id\":\"abc\",\"id\":\"abd\""),
        CHECKIN_Q1.replace("\"importance\":9", "\"importance\":256"),
        CHECKIN_Q1.replace("\"importance\":9", "\"importance\":[]"),
        CHECKIN_Q1.replace("\"importance\":9", "\"importance\":[\"a\",1]"),
        CHECKIN_Q1.replace("\"importance\":9", "\"importance\":true"),
        CHECKIN_Q1.replace("\"importance\":9", "\"importance\":{}"),
        CHECKIN_Q1.replace("\"importance\":9", "\"importance\":-1"),
        CHECKIN_Q1.replace(
            "\"scores\":{\"stressors\":62,\"supports\":null,\"motivation\":90}",
            "\"scores\":[62,null,90]",
        ),
        CHECKIN_Q1.replace(
            "\"scores\":{\"stressors\":62,\"supports\":null,\"motivation\":90}",
            "\"scores\":[62,null]",
        ),
        draft.replace("{\"choice\":\"years_1_5\"}", "\"prefer_not_to_say\""),
        draft.replace("{\"choice\":\"years_1_5\"}", "{\"prefer_not_to_say\":null}"),
        draft.replace("{\"choice\":\"years_1_5\"}", "{\"prefer_not_to_say\":1}"),
        draft.replace("{\"choice\":\"years_1_5\"}", "\"choice\""),
        draft.replace("{\"choice\":\"years_1_5\"}", "{\"choice\":\"years_1_5\",\"scale\":1}"),
        draft.replace("{\"choice\":\"years_1_5\"}", "{\"choices\":[\"years_1_5\"]}"),
        draft.replace("\"current\":", "\"current\":null,\"x\":"),
        draft.replace(",\"current\":\"use_30d\"", ""),
        draft.replace("\"answers\":{\"questionnaire_version\":2,", "\"answers\":[2,"),
        draft.replace(",\"values\":", ",\"valuez\":"),
        r#"{"v":1,"answers":[2],"current":null}"#.into(),
        r#"{"v":1,"answers":[2,{},3],"current":null}"#.into(),
        r#"{"v":1,"answers":{"questionnaire_version":2,"values":null}}"#.into(),
        r#"{"v":1,"answers":{"questionnaire_version":1,"values":{"cravings":{"choice":"a_lot"}}},"current":"sleep"}"#
            .into(),
        r#"{"v":1,"answers":{"questionnaire_version":3,"values":{}},"current":7}"#.into(),
    ] {
        decode_both_ways(&text);
    }
}

#[test]
fn names_are_serde_s() {
    for (band, name) in BAND_NAMES {
        assert_eq!(serde_json::to_string(&band).expect("serialises"), format!("\"{name}\""));
    }
    assert_eq!(BAND_NAMES.map(|(b, _)| b), Band::ALL);
    for (flag, name) in SAFETY_NAMES {
        assert_eq!(serde_json::to_string(&flag).expect("serialises"), format!("\"{name}\""));
    }
    assert_eq!(SAFETY_NAMES.map(|(f, _)| f), SafetyFlag::ALL);
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    let all: String = (0u32..0x300)
        .filter_map(char::from_u32)
        .chain(['\u{2028}', '\u{fffd}', '😀'])
        .collect();
    for text in [all.as_str(), "", "plain", "\"\\", "a\u{7f}b"] {
        let mut out = String::new();
        write_str(&mut out, text);
        assert_eq!(out, serde_json::to_string(text).expect("serialises"));
        assert_eq!(parse(&out), Ok(Value::String(text.to_owned())));
    }
}

// --- generated cases -------------------------------------------------------------------------

/// Any string, weighted towards what needs escaping.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z_]{1,8}", "\\PC{0,8}", "[\"\\\\\u{0}-\u{1f}\u{7f}é😀]{0,6}",]
}

fn any_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        any_text().prop_map(Answer::Choice),
        proptest::collection::vec(any_text(), 0..3).prop_map(Answer::Choices),
        any::<u8>().prop_map(Answer::Scale),
        Just(Answer::PreferNotToSay),
    ]
}

/// A check-in of another questionnaire version, whose answers (any ids, any text) are kept
/// unchecked, and a current one.
fn any_saved() -> impl Strategy<Value = SavedCheckIn> {
    (
        proptest::collection::btree_map(any_text(), any_answer(), 0..6),
        prop_oneof![Just(1u32), Just(7u32), 1u32..],
        "[a-zA-Z0-9_-]{1,64}",
        -8_640_000_000_000_000i64..=8_640_000_000_000_000,
        any::<u8>(),
    )
        .prop_map(|(answers, version, id, at, pick)| {
            let mut text = CHECKIN_Q1.to_owned();
            if pick % 4 == 0 {
                let saved = SavedCheckIn::from_completed(&largest(), &id, at).expect("valid");
                return saved;
            }
            let answers_json = serde_json::to_string(
                &answers
                    .iter()
                    .map(|(k, a)| {
                        let v = match a {
                            Answer::Choice(c) => serde_json::json!(c),
                            Answer::Choices(c) => serde_json::json!(c),
                            Answer::Scale(n) => serde_json::json!(n),
                            Answer::PreferNotToSay => serde_json::Value::Null,
                        };
                        (k.clone(), v)
                    })
                    .collect::<serde_json::Map<String, serde_json::Value>>(),
            )
            .expect("serialises");
            let start = text.find("\"answers\":").expect("answers") + "\"answers\":".len();
            let end = text.find(",\n        \"scores\"").expect("scores");
            text.replace_range(start..end, &answers_json);
            let text = text
                .replace(
                    "\"questionnaire_version\":1",
                    &format!("\"questionnaire_version\":{version}"),
                )
                .replace("\"id\":\"old-1\"", &format!("\"id\":\"{id}\""))
                .replace("\"at\":1700000000000", &format!("\"at\":{at}"));
            serde_checkin(&text).expect("a valid check-in")
        })
}

/// A session part way through: answers to the questions shown so far.
fn any_session() -> impl Strategy<Value = Session> {
    proptest::collection::vec((any::<u8>(), any::<u8>()), QUESTIONNAIRE.questions.len()).prop_map(|seed| {
        let mut session = Session::new();
        for (q, (action, pick)) in QUESTIONNAIRE.questions.iter().zip(seed) {
            if action % 3 == 0 {
                continue;
            }
            let answer = match q.kind {
                QuestionKind::Scale { min, max, .. } => Answer::Scale(min + pick % (max - min + 1)),
                QuestionKind::Single => Answer::Choice(q.options[usize::from(pick) % q.options.len()].id.to_owned()),
                QuestionKind::Multiple => {
                    Answer::Choices(vec![q.options[usize::from(pick) % q.options.len()].id.to_owned()])
                }
            };
            let answer = if q.sensitive && action % 7 == 1 {
                Answer::PreferNotToSay
            } else {
                answer
            };
            let _ = session.answer(q.id, answer);
            if action % 11 == 0 {
                let _ = session.next();
            }
        }
        session
    })
}

/// JSON pieces to put in place of a value.
fn any_piece() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("0".to_owned()),
        Just("-0".to_owned()),
        Just("1".to_owned()),
        Just("2".to_owned()),
        Just("255".to_owned()),
        Just("256".to_owned()),
        Just("-1".to_owned()),
        Just("1.0".to_owned()),
        Just("1e2".to_owned()),
        Just("4294967296".to_owned()),
        Just("9223372036854775808".to_owned()),
        Just("\"few\"".to_owned()),
        Just("\"none\"".to_owned()),
        Just("\"prefer_not_to_say\"".to_owned()),
        Just("\"unsafe_at_home\"".to_owned()),
        Just("\"choice\"".to_owned()),
        any_text().prop_map(|t| serde_json::to_string(&t).expect("serialises")),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(|items| format!("[{}]", items.join(","))),
            proptest::collection::vec(
                (
                    prop_oneof![
                        Just("few".to_owned()),
                        Just("choice".to_owned()),
                        Just("choices".to_owned()),
                        Just("scale".to_owned()),
                        Just("prefer_not_to_say".to_owned()),
                        Just("questionnaire_version".to_owned()),
                        Just("values".to_owned()),
                        Just("stressors".to_owned()),
                        Just("supports".to_owned()),
                        Just("motivation".to_owned()),
                        "[a-z]{1,3}",
                    ],
                    inner
                ),
                0..3
            )
            .prop_map(|fields| {
                let fields: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

/// Every place a value starts in `text` (after `:`, `[` or `,` outside strings), with its end.
fn value_spans(text: &str) -> Vec<(usize, usize)> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let _ = value;
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b':' | b'[' | b',' => {
                // The value's end: as far as serde_json reads one value.
                let start = i + 1;
                let mut stream = serde_json::Deserializer::from_str(&text[start..]).into_iter::<serde_json::Value>();
                if let Some(Ok(_)) = stream.next() {
                    spans.push((start, start + stream.byte_offset()));
                }
            }
            _ => {}
        }
    }
    spans
}

/// `text` with the value at one place replaced by `piece`, or a key renamed, or cut short.
fn edit(text: &str, which: usize, piece: &str, how: u8) -> String {
    let spans = value_spans(text);
    if spans.is_empty() || how % 8 == 7 {
        let cut = which % (text.len() + 1);
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        return text[..cut].to_owned();
    }
    let (start, end) = spans[which % spans.len()];
    format!("{}{piece}{}", &text[..start], &text[end..])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_text_parses_as_serde_json_parses_it(bytes in proptest::collection::vec(any::<u8>(), 0..60)) {
        parse_both_ways(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn json_like_text_parses_as_serde_json_parses_it(
        tokens in proptest::collection::vec(
            prop_oneof![
                Just("{"), Just("}"), Just("["), Just("]"), Just(","), Just(":"), Just(" "), Just("\""), Just("\\"),
                Just("\\u"), Just("d800"), Just("dc00"), Just("00e9"), Just("null"), Just("nu"), Just("true"),
                Just("-"), Just("0"), Just("1"), Just("9"), Just("."), Just("e"), Just("+"), Just("\"a\""),
                Just("\"v\":1"), Just("é"), Just("\n"), Just("\u{1}"), Just("e400"), Just("99999999999999999999"),
            ],
            0..30,
        )
    ) {
        parse_both_ways(&tokens.concat());
    }

    #[test]
    fn edited_values_of_ours_decode_as_serde_did(
        saved in any_saved(),
        session in any_session(),
        edits in proptest::collection::vec((any::<usize>(), any_piece(), any::<u8>()), 1..3),
    ) {
        let checkin = encode_checkin(&saved).expect("encodes");
        let draft = encode_draft(&session).expect("encodes");
        let settings = encode_settings(&Settings { keep_nothing: true, locale: None }).expect("encodes");
        for text in [checkin, draft, settings] {
            decode_both_ways(&text);
            let mut edited = text;
            for (which, piece, how) in &edits {
                edited = edit(&edited, *which, piece, *how);
                decode_both_ways(&edited);
            }
        }
    }

    #[test]
    fn values_are_written_as_serde_json_wrote_them(saved in any_saved(), session in any_session()) {
        let serde_checkin = serde_json::to_string(&saved).expect("serialises");
        prop_assert_eq!(encode_checkin(&saved).expect("encodes"), format!("{{\"v\":{},{}", SCHEMA_VERSION, &serde_checkin[1..]));
        prop_assert_eq!(super::to_string(&saved), serde_checkin);
        let serde_draft = serde_json::to_string(&session).expect("serialises");
        prop_assert_eq!(encode_draft(&session).expect("encodes"), format!("{{\"v\":{},{}", SCHEMA_VERSION, &serde_draft[1..]));
        prop_assert_eq!(decode_draft(&encode_draft(&session).expect("encodes")), Ok(session));
        prop_assert_eq!(decode_checkin(&encode_checkin(&saved).expect("encodes")), Ok(saved));
        for keep_nothing in [false, true] {
            let settings = Settings { keep_nothing, locale: None };
            let text = serde_json::to_string(&settings).expect("serialises");
            prop_assert_eq!(encode_settings(&settings).expect("encodes"), format!("{{\"v\":{},{}", SCHEMA_VERSION, &text[1..]));
        }
    }
}

#[test]
fn the_largest_and_the_current_check_ins_are_written_as_before() {
    for done in [largest(), good(), completed(crate::scoring::tests::HARD)] {
        let saved = SavedCheckIn::from_completed(&done, "x", 1).expect("valid");
        assert_eq!(
            super::to_string(&saved),
            serde_json::to_string(&saved).expect("serialises")
        );
        let mut answers = Answers::new();
        for (id, answer) in done.answers.iter() {
            answers.insert(id, answer.clone());
        }
        let session = Session::resume(answers).expect("valid");
        assert_eq!(
            super::to_string(&session),
            serde_json::to_string(&session).expect("serialises")
        );
    }
}
