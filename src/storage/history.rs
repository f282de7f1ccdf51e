//! Looking back: the trend of the three domain scores, the chart's geometry, and "since last
//! time" in plain words.
//!
//! Everything here is pure and works on the [`SavedCheckIn`]s that
//! [`crate::storage::Repository::history`] returns, so the screens only render.

use crate::decimal::push_decimal;
use crate::i18n::Msg;
use crate::questionnaire::{Question, QUESTIONNAIRE, QUESTIONNAIRE_VERSION};
use crate::scoring::DomainKind;
use crate::storage::checkin::SavedCheckIn;
use crate::storage::schema::changed_since;
use crate::text::{ArgValue, Text};

/// The three domains in the order the chart, the table and the changes list them.
pub const DOMAINS: [DomainKind; 3] = [DomainKind::Stressors, DomainKind::Supports, DomainKind::Motivation];

/// A domain score "changed" when it moved by at least this many points (of 100). Smaller
/// moves are within what one answer more or less shifts, and not worth a line of their own.
pub const DOMAIN_CHANGE_POINTS: u8 = 10;

/// An answer "changed" when its points moved by at least this fraction of its scale, rounded
/// up: one step on the five-step answers (0-4), three points on the 0-10 rulers.
pub const ANSWER_CHANGE_FRACTION: (u8, u8) = (1, 4);

/// The three scores of one check-in, for the chart and its table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendPoint {
    /// When, in milliseconds since the Unix epoch.
    pub at: i64,
    /// Which check-in (to open it from the table).
    pub id: String,
    /// What is weighing on the person; higher is more strain.
    pub stressors: Option<u8>,
    /// What is helping; higher is more support.
    pub supports: Option<u8>,
    /// What keeps them going; higher is more drive.
    pub motivation: Option<u8>,
}

impl TrendPoint {
    /// The score of one domain.
    pub fn get(&self, domain: DomainKind) -> Option<u8> {
        match domain {
            DomainKind::Stressors => self.stressors,
            DomainKind::Supports => self.supports,
            DomainKind::Motivation => self.motivation,
        }
    }
}

/// The trend, oldest first (whatever order `checkins` is in).
pub fn trend(checkins: &[SavedCheckIn]) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = checkins
        .iter()
        .map(|c| TrendPoint {
            at: c.at(),
            id: c.id().to_owned(),
            stressors: c.scores().stressors,
            supports: c.scores().supports,
            motivation: c.scores().motivation,
        })
        .collect();
    crate::sort::sort_by(&mut points, |a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    points
}

// ---------------------------------------------------------------------------------------------
// Since last time.

/// Whether something got better or harder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Direction {
    /// Better for the person's recovery: less strain, more support or drive.
    Better,
    /// Harder: more strain, less support or drive.
    Harder,
}

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A domain score.
    Domain(DomainKind),
    /// One scored question, by id.
    Question(&'static str),
}

/// One thing that got better or harder since the check-in before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub subject: Subject,
    /// Which way.
    pub direction: Direction,
    /// The score (of 100) or the answer's points before.
    pub from: u8,
    /// The score (of 100) or the answer's points now.
    pub to: u8,
}

impl Change {
    /// The change in plain words, such as "What is weighing on you went down, from 62 to 40."
    /// or "Sleep: better than last time."
    pub fn text(&self) -> Text {
        match self.subject {
            Subject::Domain(domain) => {
                let msg = if self.to < self.from {
                    Msg::SinceWentDown
                } else {
                    Msg::SinceWentUp
                };
                Text::new(msg)
                    .with("what", ArgValue::Text(domain.name()))
                    .with("from", ArgValue::Number(u32::from(self.from)))
                    .with("to", ArgValue::Number(u32::from(self.to)))
            }
            Subject::Question(id) => {
                let msg = match self.direction {
                    Direction::Better => Msg::SinceBetter,
                    Direction::Harder => Msg::SinceHarder,
                };
                Text::new(msg).with("what", ArgValue::Text(topic(id).unwrap_or(Msg::SinceSomethingElse)))
            }
        }
    }
}

/// The short name of a scored question for "since last time" (`since.topic.<id>`).
pub fn topic(question_id: &str) -> Option<Msg> {
    crate::i18n::SINCE_TOPICS
        .iter()
        .find(|(id, _)| *id == question_id)
        .map(|&(_, msg)| msg)
}

/// Shown instead of the list when [`since_last_time`] finds nothing.
pub const NOTHING_CHANGED: Msg = Msg::SinceNothingChanged;

/// What got better and what got harder from `older` to `newer`: better ones first, then harder
/// ones; within each, domains first, then answers in questionnaire order. Empty when nothing
/// moved past the thresholds (show [`NOTHING_CHANGED`]).
///
/// Domain scores are compared only when both check-ins were scored with the same method (a
/// changed method moves scores by itself). Answers are compared where both answers mean the
/// same thing: a question whose options changed between the two questionnaire versions (as
/// cravings between 1 and 2) is left out, and so are "Prefer not to say" and missing answers.
pub fn since_last_time(newer: &SavedCheckIn, older: &SavedCheckIn) -> Vec<Change> {
    let mut changes = Vec::new();
    if newer.method_version() == older.method_version() {
        for domain in DOMAINS {
            let (Some(from), Some(to)) = (older.scores().get(domain), newer.scores().get(domain)) else {
                continue;
            };
            if from.abs_diff(to) < DOMAIN_CHANGE_POINTS {
                continue;
            }
            let less_is_better = domain == DomainKind::Stressors;
            let direction = if (to < from) == less_is_better {
                Direction::Better
            } else {
                Direction::Harder
            };
            changes.push(Change {
                subject: Subject::Domain(domain),
                direction,
                from,
                to,
            });
        }
    }
    for question in QUESTIONNAIRE.questions.iter().filter(|q| q.domain.is_scored()) {
        let (Some(from), Some(to)) = (comparable_points(older, question), comparable_points(newer, question)) else {
            continue;
        };
        let (num, den) = ANSWER_CHANGE_FRACTION;
        let max = u32::from(question.max_points());
        // |to - from| >= max * num / den, rounded up, without floats.
        if max == 0 || u32::from(from.abs_diff(to)) * u32::from(den) < max * u32::from(num) {
            continue;
        }
        let worse = if question.domain.points_raise_risk() {
            to > from
        } else {
            to < from
        };
        changes.push(Change {
            subject: Subject::Question(question.id),
            direction: if worse { Direction::Harder } else { Direction::Better },
            from,
            to,
        });
    }
    // Stable: keeps domains before answers and questionnaire order within each direction.
    crate::sort::sort_by_key(&mut changes, |c| c.direction);
    changes
}

/// The points of a saved answer, when they mean what the current question means.
fn comparable_points(saved: &SavedCheckIn, question: &Question) -> Option<u8> {
    let version = saved.questionnaire_version();
    if version > QUESTIONNAIRE_VERSION || changed_since(version).contains(&question.id) {
        return None;
    }
    question.points(saved.answers().get(question.id)?)
}

// ---------------------------------------------------------------------------------------------
// The chart.

/// What the web layer needs to draw the trend as SVG: coordinates within `width` × `height`
/// (the web layer adds margins with a transform), 0 at the bottom and 100 at the top, time
/// from left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    /// The drawing's width.
    pub width: f64,
    /// The drawing's height.
    pub height: f64,
    /// One line per domain, in [`DOMAINS`] order.
    pub lines: Vec<ChartLine>,
    /// Horizontal grid lines: 0, 25, 50, 75 and 100.
    pub y_ticks: Vec<YTick>,
    /// Dates to label along the bottom: each check-in when there are at most
    /// [`MAX_X_TICKS`], otherwise [`MAX_X_TICKS`] dates evenly spread in time.
    pub x_ticks: Vec<XTick>,
}

/// The most date labels along the bottom of the chart.
pub const MAX_X_TICKS: usize = 6;

/// One domain's line.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLine {
    /// Which domain.
    pub domain: DomainKind,
    /// The `points` attribute of one `<polyline>` per unbroken run (a check-in without this
    /// score breaks the line rather than bridging the gap).
    pub segments: Vec<String>,
    /// One dot per score, to mark single points and for focus or hover.
    pub dots: Vec<ChartDot>,
}

/// A dot on a line.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartDot {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
    /// The check-in's date.
    pub at: i64,
    /// The score.
    pub score: u8,
}

/// A horizontal grid line.
#[derive(Clone, Debug, PartialEq)]
pub struct YTick {
    /// The score it marks.
    pub value: u8,
    /// Its vertical position.
    pub y: f64,
}

/// A date label.
#[derive(Clone, Debug, PartialEq)]
pub struct XTick {
    /// The date, for the web layer to format in the person's locale.
    pub at: i64,
    /// Its horizontal position.
    pub x: f64,
}

/// The chart of `points` (oldest first, as [`trend`] gives them) in a `width` × `height` box,
/// time running from left to right, or from right to left for a right-to-left language.
/// A size that is negative or not a number counts as 0. One check-in, or several on the same
/// date, sit in the middle.
pub fn chart_points(points: &[TrendPoint], width: f64, height: f64, right_to_left: bool) -> ChartGeometry {
    let size = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    let (width, height) = (size(width), size(height));
    let first = points.iter().map(|p| p.at).min().unwrap_or(0);
    let last = points.iter().map(|p| p.at).max().unwrap_or(0);
    // Distances between dates as u64 (`abs_diff`): exact even where they overflow an i64, and
    // with no 128-bit arithmetic in the wasm. Every date is at or after `first`.
    let span = last.abs_diff(first);
    let x_of = |at: i64| {
        let x = if span > 0 {
            at.abs_diff(first) as f64 / span as f64 * width
        } else {
            width / 2.0
        };
        if right_to_left {
            width - x
        } else {
            x
        }
    };
    let y_of = |score: u8| height - f64::from(score.min(100)) / 100.0 * height;

    let lines = DOMAINS
        .iter()
        .map(|&domain| {
            let mut segments = Vec::new();
            let mut run: Vec<String> = Vec::new();
            let mut dots = Vec::new();
            for point in points {
                match point.get(domain) {
                    Some(score) => {
                        let (x, y) = (x_of(point.at), y_of(score));
                        run.push(format!("{},{}", tenths(x), tenths(y)));
                        dots.push(ChartDot {
                            x,
                            y,
                            at: point.at,
                            score,
                        });
                    }
                    None if !run.is_empty() => segments.push(std::mem::take(&mut run).join(" ")),
                    None => {}
                }
            }
            if !run.is_empty() {
                segments.push(run.join(" "));
            }
            ChartLine { domain, segments, dots }
        })
        .collect();

    let y_ticks = [0, 25, 50, 75, 100]
        .into_iter()
        .map(|value| YTick { value, y: y_of(value) })
        .collect();

    let mut dates: Vec<i64> = points.iter().map(|p| p.at).collect();
    crate::sort::sort(&mut dates);
    dates.dedup();
    let x_ticks = if dates.len() <= MAX_X_TICKS {
        dates
    } else {
        // `first + span * i / steps`, rounded down, without overflowing: span * i / steps is
        // (span / steps) * i + (span % steps) * i / steps exactly.
        let steps = (MAX_X_TICKS - 1) as u64;
        let (whole, rest) = (span / steps, span % steps);
        (0..=steps)
            .map(|i| first.checked_add_unsigned(whole * i + rest * i / steps).unwrap_or(last))
            .collect()
    }
    .into_iter()
    .map(|at| XTick { at, x: x_of(at) })
    .collect();

    ChartGeometry {
        width,
        height,
        lines,
        y_ticks,
        x_ticks,
    }
}

/// `v` with one decimal, exactly as `format!("{v:.1}")` writes it (rounded half to even on the
/// exact binary value), but with integers only: Rust's float formatting is several KB of
/// WebAssembly, and the chart needs nothing else from it.
pub fn tenths(v: f64) -> String {
    let sign = if v.is_sign_negative() && !v.is_nan() { "-" } else { "" };
    if !v.is_finite() {
        return format!("{sign}{}", if v.is_nan() { "NaN" } else { "inf" });
    }
    // v = m * 2^e exactly.
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    if e >= 0 {
        // A whole number: m * 2^e in decimal digits (least significant first), by doubling.
        let mut digits: Vec<u8> = Vec::new();
        let mut rest = m;
        while rest > 0 {
            digits.push((rest % 10) as u8);
            rest /= 10;
        }
        for _ in 0..e {
            let mut carry = 0;
            for d in &mut digits {
                let twice = *d * 2 + carry;
                *d = twice % 10;
                carry = twice / 10;
            }
            if carry > 0 {
                digits.push(carry);
            }
        }
        if digits.is_empty() {
            digits.push(0);
        }
        let whole: String = digits.iter().rev().map(|d| char::from(b'0' + d)).collect();
        return format!("{sign}{whole}.0");
    }
    // n = v * 10 rounded half to even. 10 * m < 2^57, so below 2^-58 * 10 * m, that is with
    // a shift of 58 or more, v * 10 < 1/2 and n = 0 (never a tie: 10 * m is no power of 2).
    let shift = e.unsigned_abs();
    // 10 * m < 2^57 and the shift is under 58 here: all in a u64.
    let m10 = m * 10;
    let n = if shift >= 58 {
        0
    } else {
        let (q, r) = (m10 >> shift, m10 & ((1 << shift) - 1));
        let half = 1 << (shift - 1);
        if r > half || (r == half && q % 2 == 1) {
            q + 1
        } else {
            q
        }
    };
    let mut out = String::from(sign);
    push_decimal(&mut out, n / 10);
    out.push('.');
    push_decimal(&mut out, n % 10);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::storage::checkin::tests::{good, CHECKIN_Q1};
    use crate::storage::checkin::{decode_checkin, Scores};

    /// A check-in with the GOOD answers except `changes`, and the given scores and method.
    fn saved(id: &str, at: i64, changes: &[(&str, Answer)], scores: Scores) -> SavedCheckIn {
        let done = good();
        let mut json: serde_json::Value =
            serde_json::to_value(SavedCheckIn::from_completed(&done, id, at).expect("valid")).expect("to json");
        for (q, a) in changes {
            let value = match a {
                Answer::Choice(c) => serde_json::json!(c),
                Answer::Scale(n) => serde_json::json!(n),
                other => panic!("not used here: {other:?}"),
            };
            json["answers"][*q] = value;
        }
        json["scores"] = serde_json::to_value(scores).expect("to json");
        serde_json::from_value(json).expect("valid check-in")
    }

    fn scores(s: u8, u: u8, m: u8) -> Scores {
        Scores {
            stressors: Some(s),
            supports: Some(u),
            motivation: Some(m),
        }
    }

    fn choice(id: &str) -> Answer {
        Answer::Choice(id.to_owned())
    }

    #[test]
    fn the_trend_is_oldest_first() {
        let a = saved("a", 300, &[], scores(10, 20, 30));
        let b = saved("b", 100, &[], scores(40, 50, 60));
        let c = saved("c", 200, &[], Scores::default());
        let points = trend(&[a, b, c]);
        let order: Vec<&str> = points.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(order, ["b", "c", "a"]);
        assert_eq!(points[0].get(DomainKind::Supports), Some(50));
        assert_eq!(points[1].stressors, None);
    }

    #[test]
    fn better_first_then_harder_domains_before_answers() {
        let older = saved("o", 1, &[], scores(62, 50, 80));
        let newer = saved(
            "n",
            2,
            &[
                ("sleep", choice("five_six")),
                ("loneliness", choice("one_two")),
                ("meetings", choice("weekly")),
                ("importance", Answer::Scale(8)),
            ],
            scores(40, 39, 85),
        );
        let changes = since_last_time(&newer, &older);
        let got: Vec<(Subject, Direction)> = changes.iter().map(|c| (c.subject, c.direction)).collect();
        assert_eq!(
            got,
            [
                (Subject::Domain(DomainKind::Stressors), Direction::Better),
                // GOOD has meetings at its best, so "weekly" is one step worse.
                (Subject::Domain(DomainKind::Supports), Direction::Harder),
                (Subject::Question("sleep"), Direction::Harder),
                (Subject::Question("loneliness"), Direction::Harder),
                (Subject::Question("meetings"), Direction::Harder),
            ],
            "motivation moved 5 (< 10); importance moved 2 of 10 (< 3)"
        );
        assert_eq!(
            changes[0]
                .text()
                .render(crate::i18n::Locale::En, crate::help::Region::Us),
            "What is weighing on you went down, from 62 to 40."
        );
        assert_eq!(
            changes[2]
                .text()
                .render(crate::i18n::Locale::En, crate::help::Region::Us),
            "Sleep: harder than last time."
        );
        // And the other way round, everything flips.
        let back = since_last_time(&older, &newer);
        assert_eq!(back.len(), 5);
        assert_eq!(back[0].direction, Direction::Better);
        assert_eq!(back.iter().filter(|c| c.direction == Direction::Better).count(), 4);
        assert_eq!(
            back.last().map(|c| c.subject),
            Some(Subject::Domain(DomainKind::Stressors))
        );
    }

    #[test]
    fn thresholds_are_inclusive_and_small_moves_are_nothing() {
        let older = saved("o", 1, &[("importance", Answer::Scale(5))], scores(50, 50, 50));
        let same = saved("n", 2, &[("importance", Answer::Scale(7))], scores(59, 41, 50));
        assert_eq!(since_last_time(&same, &older), vec![]);
        assert_eq!(NOTHING_CHANGED.key(), "since.nothing_changed");
        let moved = saved("n", 2, &[("importance", Answer::Scale(8))], scores(60, 50, 50));
        let got: Vec<Subject> = since_last_time(&moved, &older).iter().map(|c| c.subject).collect();
        assert_eq!(
            got,
            [Subject::Question("importance"), Subject::Domain(DomainKind::Stressors)]
        );
    }

    #[test]
    fn different_methods_and_changed_questions_are_not_compared() {
        // Questionnaire 1, method 1: cravings "a_lot" on the old scale, sleep "three_four".
        let old = decode_checkin(CHECKIN_Q1).expect("valid");
        let now = saved("n", 2, &[("cravings", choice("all_seven"))], scores(10, 90, 90));
        let changes = since_last_time(&now, &old);
        let subjects: Vec<Subject> = changes.iter().map(|c| c.subject).collect();
        assert_eq!(
            subjects,
            [Subject::Question("sleep")],
            "no domains (methods differ), no cravings (its options changed)"
        );
        assert_eq!(changes[0].direction, Direction::Better);
        // Even an old answer that happens to use an option id of today's scale is left out:
        // its question changed since, so the same id need not mean the same thing.
        let odd = decode_checkin(&CHECKIN_Q1.replace("\"cravings\":\"a_lot\"", "\"cravings\":\"none\""))
            .expect("valid: old answers are not checked against today's options");
        let subjects: Vec<Subject> = since_last_time(&now, &odd).iter().map(|c| c.subject).collect();
        assert_eq!(subjects, [Subject::Question("sleep")]);
    }

    #[test]
    fn every_scored_question_has_a_topic() {
        for q in QUESTIONNAIRE.questions.iter().filter(|q| q.domain.is_scored()) {
            assert!(topic(q.id).is_some(), "add since.topic.{} to en.toml", q.id);
        }
        for msg in Msg::all() {
            if let Some(id) = msg.key().strip_prefix("since.topic.") {
                assert!(
                    QUESTIONNAIRE.question(id).is_some_and(|q| q.domain.is_scored()),
                    "since.topic.{id} names no scored question"
                );
            }
        }
    }

    #[test]
    fn the_chart_maps_time_and_scores_into_the_box() {
        let points = trend(&[
            saved("a", 1_000, &[], scores(100, 0, 50)),
            saved(
                "b",
                2_000,
                &[],
                Scores {
                    stressors: Some(50),
                    supports: None,
                    motivation: Some(50),
                },
            ),
            saved("c", 3_000, &[], scores(0, 100, 50)),
        ]);
        let chart = chart_points(&points, 200.0, 100.0, false);
        assert_eq!(chart.lines.len(), 3);
        assert_eq!(chart.lines[0].domain, DomainKind::Stressors);
        assert_eq!(chart.lines[0].segments, ["0.0,0.0 100.0,50.0 200.0,100.0"]);
        assert_eq!(
            chart.lines[1].segments,
            ["0.0,100.0", "200.0,0.0"],
            "the gap breaks the line"
        );
        assert_eq!(chart.lines[1].dots.len(), 2);
        assert_eq!(
            chart.lines[2].dots[1],
            ChartDot {
                x: 100.0,
                y: 50.0,
                at: 2_000,
                score: 50
            }
        );
        let ys: Vec<(u8, f64)> = chart.y_ticks.iter().map(|t| (t.value, t.y)).collect();
        assert_eq!(ys, [(0, 100.0), (25, 75.0), (50, 50.0), (75, 25.0), (100, 0.0)]);
        let xs: Vec<(i64, f64)> = chart.x_ticks.iter().map(|t| (t.at, t.x)).collect();
        assert_eq!(xs, [(1_000, 0.0), (2_000, 100.0), (3_000, 200.0)]);

        // Right to left: every x mirrored, the oldest at the right; nothing else changes.
        let mirrored = chart_points(&points, 200.0, 100.0, true);
        assert_eq!(mirrored.lines[0].segments, ["200.0,0.0 100.0,50.0 0.0,100.0"]);
        assert_eq!(mirrored.lines[1].segments, ["200.0,100.0", "0.0,0.0"]);
        let xs: Vec<(i64, f64)> = mirrored.x_ticks.iter().map(|t| (t.at, t.x)).collect();
        assert_eq!(xs, [(1_000, 200.0), (2_000, 100.0), (3_000, 0.0)]);
        for (line, flipped) in chart.lines.iter().zip(&mirrored.lines) {
            for (dot, flipped) in line.dots.iter().zip(&flipped.dots) {
                assert_eq!((flipped.x, flipped.y, flipped.at), (200.0 - dot.x, dot.y, dot.at));
            }
        }
        assert_eq!(mirrored.y_ticks, chart.y_ticks);
    }

    #[test]
    fn the_chart_copes_with_one_point_many_points_and_bad_sizes() {
        let one = trend(&[saved("a", 5, &[], scores(20, 40, 60))]);
        let chart = chart_points(&one, 100.0, 100.0, false);
        assert_eq!(
            chart.lines[0].segments,
            ["50.0,80.0"],
            "one check-in sits in the middle"
        );
        assert_eq!(chart.x_ticks.len(), 1);
        let empty = chart_points(&[], f64::NAN, -3.0, false);
        assert_eq!((empty.width, empty.height), (0.0, 0.0));
        assert!(empty.lines.iter().all(|l| l.segments.is_empty()));
        assert!(empty.x_ticks.is_empty());
        let many: Vec<SavedCheckIn> = (0..20)
            .map(|i| saved(&format!("c{i}"), i * 10, &[], scores(1, 2, 3)))
            .collect();
        let chart = chart_points(&trend(&many), 100.0, 10.0, false);
        let ats: Vec<i64> = chart.x_ticks.iter().map(|t| t.at).collect();
        assert_eq!(ats, [0, 38, 76, 114, 152, 190]);
        let extreme = trend(&[
            saved("a", -crate::storage::checkin::MAX_AT_MS, &[], scores(1, 2, 3)),
            saved("b", crate::storage::checkin::MAX_AT_MS, &[], scores(1, 2, 3)),
        ]);
        let chart = chart_points(&extreme, 100.0, 10.0, false);
        assert_eq!(chart.lines[0].segments, ["0.0,9.9 100.0,9.9"]);
    }

    #[test]
    fn dates_spread_evenly_even_across_the_whole_i64_range() {
        let at = |at: i64| TrendPoint {
            at,
            id: at.to_string(),
            stressors: Some(1),
            supports: None,
            motivation: None,
        };
        let points: Vec<TrendPoint> = [i64::MIN, -7, 0, 1, 2, 3, 4, i64::MAX].into_iter().map(at).collect();
        let chart = chart_points(&points, 100.0, 10.0, false);
        // As 128-bit arithmetic gives them: first + (last - first) * i / 5, rounded down.
        let expected: Vec<i64> = (0..=5i128)
            .map(|i| (i128::from(i64::MIN) + (i128::from(i64::MAX) - i128::from(i64::MIN)) * i / 5) as i64)
            .collect();
        let ats: Vec<i64> = chart.x_ticks.iter().map(|t| t.at).collect();
        assert_eq!(ats, expected);
        let xs: Vec<f64> = chart.x_ticks.iter().map(|t| t.x).collect();
        let expected_xs: Vec<f64> = expected
            .iter()
            .map(|&at| (i128::from(at) - i128::from(i64::MIN)) as f64 / (u64::MAX as f64) * 100.0)
            .collect();
        assert_eq!(xs, expected_xs);
    }

    #[test]
    fn tenths_are_written_as_rust_writes_them() {
        let mut special = vec![
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            0.35,
            0.45,
            0.95,
            1.25,
            2.5,
            9.95,
            99.95,
            0.04,
            -0.04,
            9.9,
            93.333_333_333_333_33,
            112.0,
            559.999,
            1e-300,
            5e-324,
            1e15,
            1e22,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            -123.456,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // Every multiple of 1/40 up to 1000 (ties of both kinds), and random bit patterns.
        special.extend((0..40_000).map(|i| f64::from(i) / 40.0));
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            special.push(f64::from_bits(state));
            special.push((state % 1_000_000) as f64 / 997.0);
        }
        for v in special {
            assert_eq!(tenths(v), format!("{v:.1}"), "{v:e}");
        }
    }

    #[test]
    fn since_topics_are_the_since_topic_keys() {
        for q in QUESTIONNAIRE.questions {
            assert_eq!(topic(q.id), Msg::from_key(&format!("since.topic.{}", q.id)), "{}", q.id);
        }
        assert_eq!(topic("no_such_question"), None);
    }
}
