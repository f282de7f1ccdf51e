//! Scoring: three domain scores, the band, the drivers and the strengths.
//!
//! Every number here is explained, with its source, in `docs/method.md`. In short:
//!
//! - Each answered item gives points on its own scale (0-4, or 0-10 for the two rulers), as
//!   the Brief Addiction Monitor (BAM) does; each item counts equally, as points / maximum.
//! - A domain score is the mean of its answered items, as a whole number 0-100. Missing
//!   answers and "Prefer not to say" are left out, never counted as zero; a domain with no
//!   answers has no score.
//! - The band counts warning signs at cut-offs taken from BAM's heuristic flags (risk at or
//!   above half the scale, protection at or below half, any use), with a second sign at the
//!   far quarter of each scale, and names the count in plain words.
//! - Same answers, same result: nothing here reads a clock, a random number or the locale.

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::i18n::Msg;
use crate::questionnaire::{answered_among, safety_flags_of, Domain, Question, QUESTIONNAIRE, QUESTIONNAIRE_VERSION};
use crate::recommend::{self, GroupRecommendation, NextStep, ProfessionalHelp};
use crate::safety::{blocks_for, SafetyBlock, SafetyFlag};

/// The version of the scoring method; saved with every assessment. Bump it when a weight, a
/// threshold or a rule changes, so old results can be told apart.
pub const METHOD_VERSION: u32 = 2;

/// Stressors at or above this score are a warning sign (BAM: Risk >= 12 of 24).
pub const STRESSORS_RAISED: u8 = 50;
/// Stressors at or above this score are a second warning sign.
pub const STRESSORS_HIGH: u8 = 75;
/// Supports at or below this score are a warning sign (BAM: Protective <= 12 of 24).
pub const SUPPORTS_LOW: u8 = 50;
/// Supports at or below this score are a second warning sign.
pub const SUPPORTS_VERY_LOW: u8 = 25;
/// Motivation at or below this score is a warning sign (half of the MI rulers' range).
pub const MOTIVATION_LOW: u8 = 50;
/// Motivation at or below this score is a second warning sign.
pub const MOTIVATION_VERY_LOW: u8 = 25;
/// From this many warning signs the band is "some".
pub const SOME_FROM: usize = 1;
/// From this many warning signs the band is "several".
pub const SEVERAL_FROM: usize = 3;
/// From this many warning signs the band is "many".
pub const MANY_FROM: usize = 5;
/// An answer is a driver when it sits at or past the middle of its scale, towards risk.
pub const DRIVER_FROM: u8 = 50;
/// A support or motivation answer is a strength at or above this share of its scale.
pub const STRENGTH_FROM: u8 = 75;

/// The overall picture, in four plain-word levels. Ordered from fewest to most signs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Few warning signs right now.
    Few,
    /// Some warning signs.
    Some,
    /// Several warning signs.
    Several,
    /// Many warning signs right now.
    Many,
}

impl Band {
    /// The variant's name as `{:?}` writes it, for `data-*` attributes, without the `Debug`
    /// formatting code.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Few => "Few",
            Band::Some => "Some",
            Band::Several => "Several",
            Band::Many => "Many",
        }
    }

    /// All bands, fewest signs first.
    pub const ALL: [Band; 4] = [Band::Few, Band::Some, Band::Several, Band::Many];

    /// The band's name, such as "Few warning signs right now".
    pub fn name(self) -> Msg {
        match self {
            Band::Few => Msg::BandFewName,
            Band::Some => Msg::BandSomeName,
            Band::Several => Msg::BandSeveralName,
            Band::Many => Msg::BandManyName,
        }
    }

    /// What the band means, in a sentence or two.
    pub fn meaning(self) -> Msg {
        match self {
            Band::Few => Msg::BandFewMeaning,
            Band::Some => Msg::BandSomeMeaning,
            Band::Several => Msg::BandSeveralMeaning,
            Band::Many => Msg::BandManyMeaning,
        }
    }

    /// The band for a number of warning signs.
    pub fn from_signs(count: usize) -> Band {
        match count {
            n if n >= MANY_FROM => Band::Many,
            n if n >= SEVERAL_FROM => Band::Several,
            n if n >= SOME_FROM => Band::Some,
            _ => Band::Few,
        }
    }
}

/// A warning sign the band counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningSign {
    /// Stressors at or above [`STRESSORS_RAISED`].
    StressorsRaised,
    /// Stressors at or above [`STRESSORS_HIGH`].
    StressorsHigh,
    /// Supports at or below [`SUPPORTS_LOW`].
    SupportsLow,
    /// Supports at or below [`SUPPORTS_VERY_LOW`].
    SupportsVeryLow,
    /// Motivation at or below [`MOTIVATION_LOW`].
    MotivationLow,
    /// Motivation at or below [`MOTIVATION_VERY_LOW`].
    MotivationVeryLow,
    /// Any alcohol or drug use in the last 30 days.
    RecentUse,
    /// Use on most of the last 30 days (the top answer of the use question).
    FrequentUse,
}

impl WarningSign {
    /// The sign in plain words.
    pub fn text(self) -> Msg {
        match self {
            WarningSign::StressorsRaised => Msg::WarningStressorsRaised,
            WarningSign::StressorsHigh => Msg::WarningStressorsHigh,
            WarningSign::SupportsLow => Msg::WarningSupportsLow,
            WarningSign::SupportsVeryLow => Msg::WarningSupportsVeryLow,
            WarningSign::MotivationLow => Msg::WarningMotivationLow,
            WarningSign::MotivationVeryLow => Msg::WarningMotivationVeryLow,
            WarningSign::RecentUse => Msg::WarningRecentUse,
            WarningSign::FrequentUse => Msg::WarningFrequentUse,
        }
    }
}

/// How much alcohol or drug use the last 30 days held, from the use question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecentUse {
    /// No use.
    None,
    /// Some use: a lapse, which is information, not failure.
    Some,
    /// Use on most days.
    Frequent,
}

/// The three scored domains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainKind {
    /// What is weighing on the person, recent use included; higher is more strain.
    Stressors,
    /// What is helping; higher is more support.
    Supports,
    /// What keeps them going; higher is more motivation.
    Motivation,
}

impl DomainKind {
    /// The variant's name as `{:?}` writes it, for `data-*` attributes, without the `Debug`
    /// formatting code.
    pub fn as_str(self) -> &'static str {
        match self {
            DomainKind::Stressors => "Stressors",
            DomainKind::Supports => "Supports",
            DomainKind::Motivation => "Motivation",
        }
    }

    /// The domain's heading.
    pub fn name(self) -> Msg {
        match self {
            DomainKind::Stressors => Msg::DomainStressorsName,
            DomainKind::Supports => Msg::DomainSupportsName,
            DomainKind::Motivation => Msg::DomainMotivationName,
        }
    }

    /// Which way the score points ("Higher means more strain").
    pub fn about(self) -> Msg {
        match self {
            DomainKind::Stressors => Msg::DomainStressorsAbout,
            DomainKind::Supports => Msg::DomainSupportsAbout,
            DomainKind::Motivation => Msg::DomainMotivationAbout,
        }
    }

    /// Whether a question's answers count towards this domain.
    pub fn includes(self, domain: Domain) -> bool {
        match self {
            DomainKind::Stressors => matches!(domain, Domain::Stressor | Domain::Use),
            DomainKind::Supports => domain == Domain::Support,
            DomainKind::Motivation => domain == Domain::Motivation,
        }
    }
}

/// One domain's score and what drives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainScore {
    /// Which domain.
    pub domain: DomainKind,
    /// 0-100: the mean of the answered items, each as points / maximum, rounded half up.
    pub score: u8,
    /// How many items were answered (and scored).
    pub answered: u8,
    /// How many scored items were shown.
    pub total: u8,
    /// Answers at or past the middle of their scale towards risk, most important first.
    pub drivers: Vec<Driver>,
}

/// An answer that weighs on the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Driver {
    /// The question's id: the questionnaire's own string, never copied.
    #[serde(deserialize_with = "question_id")]
    pub question: QuestionId,
    /// How the result names it.
    pub text: Msg,
    /// How far towards risk the answer sits on its scale, 0-100.
    pub risk: u8,
}

/// Something that is going well.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strength {
    /// The question's id: the questionnaire's own string, never copied.
    #[serde(deserialize_with = "question_id")]
    pub question: QuestionId,
    /// How the result names it.
    pub text: Msg,
}

/// A part of the result, in the order the UI shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultPart {
    /// Safety messages, before everything else.
    Safety,
    /// The band and its warning signs.
    Band,
    /// What is going well.
    Strengths,
    /// The three domain scores and their drivers.
    Domains,
    /// Two or three next steps.
    NextSteps,
    /// Professional help.
    ProfessionalHelp,
    /// Group types, ranked.
    Groups,
    /// "A self-check, not a diagnosis"; "change over time matters".
    About,
}

/// The result of a check-in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// [`METHOD_VERSION`] at the time of scoring.
    pub method_version: u32,
    /// The questionnaire version of the answers.
    pub questionnaire_version: u32,
    /// Safety messages, suicidal thoughts first; shown before everything else.
    pub safety: Vec<SafetyBlock>,
    /// The overall band; `None` when a domain has no answers at all.
    pub band: Option<Band>,
    /// The warning signs the band counted.
    pub warning_signs: Vec<WarningSign>,
    /// Stressors, recent use included.
    pub stressors: Option<DomainScore>,
    /// Supports.
    pub supports: Option<DomainScore>,
    /// Motivation.
    pub motivation: Option<DomainScore>,
    /// What is going well: always named when any answer shows it.
    pub strengths: Vec<Strength>,
    /// Recent use, if the person said.
    pub recent_use: Option<RecentUse>,
    /// Whether an answer showed strong distress.
    pub strong_distress: bool,
    /// Which professional help, how urgent, and whether it comes before peer groups.
    pub professional: ProfessionalHelp,
    /// The four group types, best fit first.
    pub groups: Vec<GroupRecommendation>,
    /// Two or three next steps, tied to the main drivers.
    pub next_steps: Vec<NextStep>,
}

impl Assessment {
    /// Whether professional help is ranked above peer groups: highest band, recent use,
    /// strong distress, or any safety sign.
    pub fn professional_first(&self) -> bool {
        self.professional.first
    }

    /// The safety signs behind the safety messages.
    pub fn safety_flags(&self) -> Vec<SafetyFlag> {
        self.safety.iter().map(|b| b.flag).collect()
    }

    /// The domain scores that exist, in order.
    pub fn domains(&self) -> Vec<&DomainScore> {
        [&self.stressors, &self.supports, &self.motivation]
            .into_iter()
            .flatten()
            .collect()
    }

    /// The parts of the result in the order to show them: safety first when there is any,
    /// professional help above groups when [`Assessment::professional_first`].
    pub fn parts(&self) -> Vec<ResultPart> {
        let mut parts = Vec::new();
        if !self.safety.is_empty() {
            parts.push(ResultPart::Safety);
        }
        parts.push(ResultPart::Band);
        if self.professional_first() {
            parts.push(ResultPart::ProfessionalHelp);
        }
        parts.extend([ResultPart::Strengths, ResultPart::Domains, ResultPart::NextSteps]);
        parts.push(ResultPart::Groups);
        if !self.professional_first() {
            parts.push(ResultPart::ProfessionalHelp);
        }
        parts.push(ResultPart::About);
        parts
    }

    /// The closing notes: a self-check, not a diagnosis; one check-in does not predict.
    pub fn about(&self) -> [Msg; 2] {
        [Msg::ResultNotDiagnosis, Msg::ResultOverTime]
    }
}

/// A question's id, the questionnaire's own string. An alias, so that `serde`'s derive does
/// not take the `&str` for text borrowed from the input: `question_id` below reads it.
pub type QuestionId = &'static str;

/// A question id read back as the questionnaire's own string; an unknown id is an error.
pub(crate) fn question_id<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<QuestionId, D::Error> {
    let id = String::deserialize(deserializer)?;
    QUESTIONNAIRE
        .question(&id)
        .map(|q| q.id)
        .ok_or_else(|| serde::de::Error::custom("unknown question"))
}

/// How far towards risk an answer sits, 0-100 (rounded half up).
fn risk_of(question: &Question, points: u8) -> u8 {
    let max = u32::from(question.max_points().max(1));
    let toward = if question.domain.points_raise_risk() {
        u32::from(points)
    } else {
        max - u32::from(points).min(max)
    };
    round_percent(u64::from(toward), u64::from(max))
}

/// `100 * num / den`, rounded half up, as a whole number; 0 for an empty denominator.
fn round_percent(num: u64, den: u64) -> u8 {
    if den == 0 {
        return 0;
    }
    let percent = (200 * num + den) / (2 * den);
    u8::try_from(percent.min(100)).unwrap_or(100)
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The answered, scored items of one domain, as (question, points).
fn scored_items(
    domain: DomainKind,
    answered: &[(&'static Question, &crate::answers::Answer)],
) -> Vec<(&'static Question, u8)> {
    answered
        .iter()
        .filter(|(q, _)| domain.includes(q.domain))
        .filter_map(|(q, a)| Some((*q, q.points(a)?)))
        .collect()
}

/// The score of one domain: the exact mean of points / maximum over its answered items,
/// computed over a common denominator so boundaries are exact, then rounded half up.
fn domain_score(
    domain: DomainKind,
    answered: &[(&'static Question, &crate::answers::Answer)],
    shown: &[&'static Question],
) -> Option<DomainScore> {
    let items = scored_items(domain, answered);
    if items.is_empty() {
        return None;
    }
    let lcm = items.iter().fold(1u64, |acc, (q, _)| {
        let m = u64::from(q.max_points().max(1));
        acc / gcd(acc, m) * m
    });
    let num: u64 = items
        .iter()
        .map(|(q, p)| u64::from(*p) * (lcm / u64::from(q.max_points().max(1))))
        .sum();
    let den = lcm * items.len() as u64;
    let mut drivers: Vec<(usize, Driver)> = items
        .iter()
        .filter_map(|(q, p)| {
            let risk = risk_of(q, *p);
            let text = q.driver?;
            (risk >= DRIVER_FROM).then(|| {
                let order = QUESTIONNAIRE.index_of(q.id).unwrap_or(usize::MAX);
                (
                    order,
                    Driver {
                        question: q.id,
                        text,
                        risk,
                    },
                )
            })
        })
        .collect();
    // Most important first: highest risk, then the questionnaire's order.
    crate::sort::sort_by(&mut drivers, |(oa, a), (ob, b)| b.risk.cmp(&a.risk).then(oa.cmp(ob)));
    let total = shown
        .iter()
        .filter(|q| domain.includes(q.domain) && q.domain.is_scored())
        .count();
    Some(DomainScore {
        domain,
        score: round_percent(num, den),
        answered: u8::try_from(items.len()).unwrap_or(u8::MAX),
        total: u8::try_from(total).unwrap_or(u8::MAX),
        drivers: drivers.into_iter().map(|(_, d)| d).collect(),
    })
}

/// Recent use from the use-domain answers: any points is some use; the top answer is
/// frequent use. `None` when the person did not say.
fn recent_use(answered: &[(&'static Question, &crate::answers::Answer)]) -> Option<RecentUse> {
    answered
        .iter()
        .filter(|(q, _)| q.domain == Domain::Use)
        .filter_map(|(q, a)| {
            let points = q.points(a)?;
            Some(match points {
                0 => RecentUse::None,
                p if p >= q.max_points() => RecentUse::Frequent,
                _ => RecentUse::Some,
            })
        })
        .max()
}

/// The band and the signs it counted, from the three domain scores and recent use.
///
/// `None` when any domain score is missing: a picture from part of the check-in would
/// mislead. Unknown recent use adds no sign (it is missing, not "none").
pub fn band_for(
    stressors: Option<u8>,
    supports: Option<u8>,
    motivation: Option<u8>,
    recent_use: Option<RecentUse>,
) -> (Option<Band>, Vec<WarningSign>) {
    let mut signs = Vec::new();
    if let Some(s) = stressors {
        if s >= STRESSORS_RAISED {
            signs.push(WarningSign::StressorsRaised);
        }
        if s >= STRESSORS_HIGH {
            signs.push(WarningSign::StressorsHigh);
        }
    }
    if let Some(s) = supports {
        if s <= SUPPORTS_LOW {
            signs.push(WarningSign::SupportsLow);
        }
        if s <= SUPPORTS_VERY_LOW {
            signs.push(WarningSign::SupportsVeryLow);
        }
    }
    if let Some(m) = motivation {
        if m <= MOTIVATION_LOW {
            signs.push(WarningSign::MotivationLow);
        }
        if m <= MOTIVATION_VERY_LOW {
            signs.push(WarningSign::MotivationVeryLow);
        }
    }
    match recent_use {
        Some(RecentUse::Some) => signs.push(WarningSign::RecentUse),
        Some(RecentUse::Frequent) => signs.extend([WarningSign::RecentUse, WarningSign::FrequentUse]),
        _ => {}
    }
    let band = match (stressors, supports, motivation) {
        (Some(_), Some(_), Some(_)) => Some(Band::from_signs(signs.len())),
        _ => None,
    };
    (band, signs)
}

/// Strengths: support and motivation answers in the top quarter of their scale, and stressor
/// answers at zero (no use, no cravings...), where the questionnaire names a strength.
/// Supports and motivation come first, as "what is helping"; then the questionnaire's order.
fn strengths(answered: &[(&'static Question, &crate::answers::Answer)]) -> Vec<Strength> {
    let mut found: Vec<(bool, usize, Strength)> = answered
        .iter()
        .filter_map(|(q, a)| {
            let text = q.strength?;
            let points = q.points(a)?;
            let is_strength = if q.domain.points_raise_risk() {
                points == 0
            } else {
                100 - risk_of(q, points) >= STRENGTH_FROM
            };
            is_strength.then(|| {
                (
                    q.domain.points_raise_risk(),
                    QUESTIONNAIRE.index_of(q.id).unwrap_or(usize::MAX),
                    Strength { question: q.id, text },
                )
            })
        })
        .collect();
    crate::sort::sort_by_key(&mut found, |(stressor, order, _)| (*stressor, *order));
    found.into_iter().map(|(_, _, s)| s).collect()
}

/// Scores a set of answers. Never panics: answers to unknown or hidden questions and answers
/// that do not fit their question are ignored, as missing.
pub fn score(answers: &Answers) -> Assessment {
    // Which questions are shown is settled once; everything below reads the answered list.
    let shown = QUESTIONNAIRE.visible_questions(answers);
    let answered = answered_among(&shown, answers);
    let stressors = domain_score(DomainKind::Stressors, &answered, &shown);
    let supports = domain_score(DomainKind::Supports, &answered, &shown);
    let motivation = domain_score(DomainKind::Motivation, &answered, &shown);
    let use_level = recent_use(&answered);
    let (band, warning_signs) = band_for(
        stressors.as_ref().map(|d| d.score),
        supports.as_ref().map(|d| d.score),
        motivation.as_ref().map(|d| d.score),
        use_level,
    );
    let flags = safety_flags_of(&answered);
    let strong_distress = answered.iter().any(|(q, a)| q.shows_strong_distress(a));
    let strengths = strengths(&answered);

    let facts = recommend::Facts {
        answered: &answered,
        band,
        recent_use: use_level,
        strong_distress,
        flags: &flags,
        drivers: [&stressors, &supports, &motivation]
            .into_iter()
            .flatten()
            .flat_map(|d| d.drivers.iter())
            .collect(),
        has_strengths: !strengths.is_empty(),
    };
    let professional = recommend::professional_help(&facts);
    let groups = recommend::rank_groups(&facts, professional.first);
    let next_steps = recommend::next_steps(&facts);

    Assessment {
        method_version: METHOD_VERSION,
        questionnaire_version: QUESTIONNAIRE_VERSION,
        safety: blocks_for(&flags),
        band,
        warning_signs,
        stressors,
        supports,
        motivation,
        strengths,
        recent_use: use_level,
        strong_distress,
        professional,
        groups,
        next_steps,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::questionnaire::QuestionKind;
    use crate::recommend::{GroupType, ProKind, Urgency};

    /// Answers from `question = value` pairs: a number for a scale, `a+b` for pick-any, `-` for
    /// "Prefer not to say", an option id otherwise.
    pub(crate) fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut answers = Answers::new();
        for (id, value) in pairs {
            let question = QUESTIONNAIRE.question(id).unwrap_or_else(|| panic!("no question {id}"));
            let answer = match (question.kind, *value) {
                (_, "-") => Answer::PreferNotToSay,
                (QuestionKind::Scale { .. }, v) => Answer::Scale(v.parse().expect("a number")),
                (QuestionKind::Multiple, v) => Answer::Choices(v.split('+').map(str::to_owned).collect()),
                (QuestionKind::Single, v) => Answer::Choice(v.to_owned()),
            };
            assert_eq!(question.check(&answer), Ok(()), "{id} = {value}");
            answers.insert(id, answer);
        }
        answers
    }

    /// Every required question, answered the best way for recovery.
    pub(crate) const GOOD: &[(&str, &str)] = &[
        ("time_in_recovery", "years_1_5"),
        ("use_30d", "none"),
        ("cravings", "none"),
        ("low_mood", "none"),
        ("worry_anger", "none"),
        ("sleep", "none"),
        ("health", "not_at_all"),
        ("risky_situations", "none"),
        ("conflict", "none"),
        ("loneliness", "none"),
        ("life_changes", "not_at_all"),
        ("meetings", "more_than_weekly"),
        ("support_people", "all_seven"),
        ("meaningful_activity", "very_much"),
        ("home_supports", "yes"),
        ("professional_care", "counsellor"),
        ("importance", "10"),
        ("confidence", "10"),
        ("reasons", "health+family"),
        ("on_track", "very_well"),
        ("self_harm", "not_at_all"),
        ("safe_home", "safe"),
    ];

    /// Every required question, answered the hardest way.
    pub(crate) const HARD: &[(&str, &str)] = &[
        ("time_in_recovery", "under_1_month"),
        ("use_30d", "15_days_or_more"),
        ("cravings", "all_seven"),
        ("low_mood", "all_seven"),
        ("worry_anger", "all_seven"),
        ("sleep", "all_seven"),
        ("health", "very_much"),
        ("risky_situations", "all_seven"),
        ("conflict", "all_seven"),
        ("loneliness", "all_seven"),
        ("life_changes", "very_much"),
        ("meetings", "none"),
        ("support_people", "none"),
        ("meaningful_activity", "not_at_all"),
        ("home_supports", "no"),
        ("professional_care", "none"),
        ("importance", "0"),
        ("confidence", "0"),
        ("reasons", "none_now"),
        ("on_track", "not_well_at_all"),
        ("self_harm", "not_at_all"),
        ("safe_home", "safe"),
    ];

    /// `base` with some answers replaced.
    pub(crate) fn with(base: &[(&'static str, &'static str)], changes: &[(&'static str, &'static str)]) -> Answers {
        let mut pairs: Vec<(&str, &str)> = base
            .iter()
            .filter(|(q, _)| !changes.iter().any(|(c, _)| c == q))
            .copied()
            .collect();
        pairs.extend_from_slice(changes);
        answers(&pairs)
    }

    #[test]
    fn band_boundaries_follow_the_documented_cut_offs() {
        use Band as B;
        use RecentUse as U;
        // (stressors, supports, motivation, use) -> band, signs counted
        type Case = (u8, u8, u8, Option<RecentUse>, Band, usize);
        let cases: &[Case] = &[
            (49, 51, 51, Some(U::None), B::Few, 0),
            (50, 51, 51, Some(U::None), B::Some, 1),
            (49, 50, 51, Some(U::None), B::Some, 1),
            (49, 51, 50, Some(U::None), B::Some, 1),
            (49, 51, 51, Some(U::Some), B::Some, 1),
            (49, 51, 51, None, B::Few, 0),
            (74, 51, 51, Some(U::None), B::Some, 1),
            (75, 51, 51, Some(U::None), B::Some, 2),
            (49, 26, 51, Some(U::None), B::Some, 1),
            (49, 25, 51, Some(U::None), B::Some, 2),
            (49, 51, 26, Some(U::None), B::Some, 1),
            (49, 51, 25, Some(U::None), B::Some, 2),
            (49, 51, 51, Some(U::Frequent), B::Some, 2),
            // 2 -> 3 signs: "some" becomes "several"
            (75, 51, 51, Some(U::Some), B::Several, 3),
            (75, 50, 51, Some(U::None), B::Several, 3),
            (74, 50, 50, Some(U::None), B::Several, 3),
            (100, 100, 100, Some(U::Some), B::Several, 3),
            // 4 -> 5 signs: "several" becomes "many"
            (75, 50, 51, Some(U::Frequent), B::Many, 5),
            (75, 25, 51, Some(U::Some), B::Many, 5),
            (74, 25, 51, Some(U::Some), B::Several, 4),
            (75, 26, 50, Some(U::None), B::Several, 4),
            (75, 25, 50, Some(U::None), B::Many, 5),
            (100, 0, 0, Some(U::Frequent), B::Many, 8),
            (0, 100, 100, Some(U::None), B::Few, 0),
        ];
        for &(s, p, m, u, band, signs) in cases {
            let (got, got_signs) = band_for(Some(s), Some(p), Some(m), u);
            assert_eq!(got, Some(band), "{s}/{p}/{m}/{u:?}: {got_signs:?}");
            assert_eq!(got_signs.len(), signs, "{s}/{p}/{m}/{u:?}: {got_signs:?}");
        }
    }

    #[test]
    fn bands_name_sign_counts() {
        let expected = [
            Band::Few,
            Band::Some,
            Band::Some,
            Band::Several,
            Band::Several,
            Band::Many,
            Band::Many,
            Band::Many,
            Band::Many,
        ];
        for (count, band) in expected.into_iter().enumerate() {
            assert_eq!(Band::from_signs(count), band, "{count} signs");
        }
    }

    #[test]
    fn no_band_without_every_domain() {
        assert_eq!(band_for(None, Some(80), Some(80), None).0, None);
        assert_eq!(band_for(Some(10), None, Some(80), None).0, None);
        assert_eq!(band_for(Some(10), Some(80), None, None).0, None);
        assert_eq!(score(&Answers::new()).band, None);
    }

    #[test]
    fn the_best_answers_give_few_signs_and_name_strengths() {
        let a = score(&answers(GOOD));
        assert_eq!(a.band, Some(Band::Few));
        assert!(a.warning_signs.is_empty());
        assert_eq!(a.stressors.as_ref().map(|d| d.score), Some(0));
        assert_eq!(a.supports.as_ref().map(|d| d.score), Some(100));
        assert_eq!(a.motivation.as_ref().map(|d| d.score), Some(100));
        let named: Vec<&str> = a.strengths.iter().map(|s| s.question).collect();
        assert_eq!(named.first(), Some(&"meetings"), "supports come first: {named:?}");
        for q in ["support_people", "importance", "use_30d", "cravings"] {
            assert!(named.contains(&q), "{q} missing from {named:?}");
        }
        assert!(a.safety.is_empty());
        assert!(!a.professional_first());
        assert_eq!(a.professional.urgency, Urgency::WhenReady);
        assert_eq!(a.method_version, METHOD_VERSION);
        assert_eq!(a.parts().first(), Some(&ResultPart::Band));
        let parts = a.parts();
        let pos = |p| parts.iter().position(|x| *x == p);
        assert!(pos(ResultPart::Groups) < pos(ResultPart::ProfessionalHelp));
    }

    #[test]
    fn strengths_start_at_the_top_quarter_of_a_scale() {
        // docs/method.md: 3 or 4 of 4, 8 to 10 of 10.
        let named = |changes: &[(&'static str, &'static str)]| -> Vec<&str> {
            let base = with(HARD, changes);
            score(&base).strengths.into_iter().map(|s| s.question).collect()
        };
        assert_eq!(named(&[("meetings", "weekly")]), ["meetings"], "3 of 4");
        assert!(named(&[("meetings", "two_three")]).is_empty(), "2 of 4");
        assert_eq!(named(&[("importance", "8")]), ["importance"], "8 of 10");
        assert!(named(&[("importance", "7")]).is_empty(), "7 of 10");
        assert_eq!(STRENGTH_FROM, 75);
    }

    #[test]
    fn the_hardest_answers_give_many_signs_and_professional_help_first() {
        let a = score(&answers(HARD));
        assert_eq!(a.band, Some(Band::Many));
        assert_eq!(a.warning_signs.len(), 8);
        assert!(a.strengths.is_empty());
        assert!(a.professional_first());
        assert!(a.strong_distress, "low mood every day");
        assert!(a.professional.kinds.contains(&ProKind::TreatmentProgramme));
        let parts = a.parts();
        let pos = |p| parts.iter().position(|x| *x == p);
        assert!(pos(ResultPart::ProfessionalHelp) < pos(ResultPart::Groups));
        assert_eq!(a.groups[0].group, GroupType::Clinical);
        let stress = a.stressors.as_ref().expect("stressors");
        assert_eq!(stress.score, 100);
        assert_eq!((stress.answered, stress.total), (10, 10));
        assert_eq!(stress.drivers.first().map(|d| d.question), Some("use_30d"));
    }

    #[test]
    fn domain_scores_are_exact_at_the_half_way_cut_off() {
        // Ten stressor items at 2 of 4 (use: 1-2 days = 2 of 4) is exactly 50.
        let half = with(
            GOOD,
            &[
                ("use_30d", "one_two_days"),
                ("cravings", "three_four"),
                ("low_mood", "three_four"),
                ("worry_anger", "three_four"),
                ("sleep", "three_four"),
                ("health", "somewhat"),
                ("risky_situations", "three_four"),
                ("conflict", "three_four"),
                ("loneliness", "three_four"),
                ("life_changes", "somewhat"),
            ],
        );
        let a = score(&half);
        assert_eq!(a.stressors.as_ref().map(|d| d.score), Some(50));
        assert!(a.warning_signs.contains(&WarningSign::StressorsRaised));
        // One item a step lower: 19/40 = 47.5 -> 48, under the cut-off.
        let mut lower = half.clone();
        lower.insert("cravings", Answer::Choice("one_two".into()));
        let b = score(&lower);
        assert_eq!(b.stressors.as_ref().map(|d| d.score), Some(48));
        assert!(!b.warning_signs.contains(&WarningSign::StressorsRaised));
    }

    #[test]
    fn missing_and_unscored_answers_are_left_out_not_counted_as_zero() {
        let full = score(&answers(GOOD));
        let not_for_me = score(&with(GOOD, &[("spirituality", "not_for_me")]));
        assert_eq!(not_for_me.supports, full.supports, "unscored option");
        let mut fewer = answers(GOOD);
        fewer.remove("meetings");
        let a = score(&fewer);
        let supports = a.supports.as_ref().expect("supports");
        assert_eq!(supports.score, 100, "a missing item is not a zero");
        assert_eq!(
            (supports.answered, supports.total),
            (4, 6),
            "spirituality shown, skipped"
        );
        let said_nothing = score(&with(GOOD, &[("use_30d", "-"), ("conflict", "-")]));
        assert_eq!(said_nothing.recent_use, None);
        assert_eq!(said_nothing.stressors.as_ref().map(|d| d.answered), Some(8));
    }

    #[test]
    fn a_lapse_is_a_stressor_named_kindly_and_ranks_professional_help_first() {
        let a = score(&with(GOOD, &[("use_30d", "one_two_days")]));
        assert_eq!(a.recent_use, Some(RecentUse::Some));
        assert_eq!(a.warning_signs, [WarningSign::RecentUse]);
        assert_eq!(a.band, Some(Band::Some));
        let driver = &a.stressors.as_ref().expect("stressors").drivers[0];
        assert_eq!(driver.text, Msg::DriversUse30d);
        assert!(a.professional_first());
        assert_eq!(a.professional.urgency, Urgency::Soon);
        assert!(a.professional.reasons.contains(&Msg::ProReasonRecentUse));
        assert_eq!(a.next_steps[0].text, Msg::StepsRecentUse);
    }

    #[test]
    fn suicidal_thoughts_put_the_crisis_block_first() {
        let a = score(&with(
            GOOD,
            &[("self_harm", "once_or_twice"), ("safe_home", "often_unsafe")],
        ));
        assert_eq!(a.parts()[0], ResultPart::Safety);
        assert_eq!(
            a.safety_flags(),
            [SafetyFlag::SuicidalThoughts, SafetyFlag::UnsafeAtHome]
        );
        assert_eq!(a.professional.urgency, Urgency::Now);
        assert!(a.professional_first());
        assert_eq!(a.professional.crisis_note, Msg::ProCrisisPairing);
        // The band is about relapse risk; safety answers never change it.
        assert_eq!(a.band, Some(Band::Few));
    }

    #[test]
    fn thoughts_right_now_cannot_wait() {
        let a = score(&with(GOOD, &[("self_harm", "right_now")]));
        assert_eq!(a.safety_flags(), [SafetyFlag::SuicidalThoughtsNow]);
        assert_eq!(a.safety[0].lines[0].msg, Msg::SafetySuicidalThoughtsNowNow);
        assert_eq!(a.parts()[0], ResultPart::Safety);
        assert_eq!(a.professional.urgency, Urgency::Immediately);
        assert_eq!(a.professional.crisis_note, Msg::ProCrisisNow);
        assert!(a.professional_first());
        assert!(a
            .professional
            .kinds
            .starts_with(&[ProKind::Counsellor, ProKind::Doctor]));
        // "Once or a few times" and "often" stay urgent, for today.
        for answer in ["once_or_twice", "often", "-"] {
            let b = score(&with(GOOD, &[("self_harm", answer)]));
            assert_eq!(b.safety_flags(), [SafetyFlag::SuicidalThoughts], "{answer}");
            assert_eq!(b.professional.urgency, Urgency::Now, "{answer}");
        }
    }

    #[test]
    fn opioid_use_after_a_break_brings_its_safety_message() {
        let a = score(&with(
            GOOD,
            &[
                ("use_30d", "one_two_days"),
                ("substances_30d", "opioids"),
                ("opioid_after_break", "yes"),
                ("recovery_from", "opioids"),
            ],
        ));
        assert_eq!(a.safety_flags(), [SafetyFlag::OpioidAfterBreak]);
        assert!(a.professional.kinds.contains(&ProKind::Medication));
        // Already on medication: not suggested again.
        let b = score(&with(
            GOOD,
            &[
                ("use_30d", "one_two_days"),
                ("substances_30d", "opioids"),
                ("opioid_after_break", "yes"),
                ("professional_care", "medication"),
            ],
        ));
        assert!(!b.professional.kinds.contains(&ProKind::Medication));
        assert!(b.professional.already_in_care);
        // Answers to a question that no longer applies are ignored.
        let c = score(&with(
            GOOD,
            &[("substances_30d", "opioids"), ("opioid_after_break", "yes")],
        ));
        assert!(c.safety.is_empty());
    }

    #[test]
    fn a_plan_to_stop_suddenly_sends_to_a_doctor_first() {
        let a = score(&with(
            GOOD,
            &[
                ("use_30d", "15_days_or_more"),
                ("substances_30d", "alcohol"),
                ("stop_plan", "yes"),
            ],
        ));
        assert_eq!(a.safety_flags(), [SafetyFlag::StoppingSuddenly]);
        assert_eq!(a.professional.kinds.first(), Some(&ProKind::Doctor));
        assert!(a.professional.reasons.contains(&Msg::ProReasonWithdrawal));
        assert_eq!(a.professional.urgency, Urgency::Now);
    }

    #[test]
    fn drivers_come_most_important_first() {
        let a = score(&with(
            GOOD,
            &[
                ("sleep", "three_four"),
                ("loneliness", "all_seven"),
                ("cravings", "five_six"),
            ],
        ));
        let d: Vec<(&str, u8)> = a
            .stressors
            .as_ref()
            .expect("stressors")
            .drivers
            .iter()
            .map(|d| (d.question, d.risk))
            .collect();
        assert_eq!(d, [("loneliness", 100), ("cravings", 75), ("sleep", 50)]);
        let steps: Vec<Msg> = a.next_steps.iter().map(|s| s.text).collect();
        assert_eq!(steps, [Msg::StepsLoneliness, Msg::StepsCravings, Msg::StepsSleep]);
        let supports = score(&with(GOOD, &[("meetings", "once"), ("importance", "4")]));
        assert_eq!(supports.supports.as_ref().expect("s").drivers[0].question, "meetings");
        assert_eq!(supports.motivation.as_ref().expect("m").drivers[0].risk, 60);
    }

    #[test]
    fn with_no_drivers_the_steps_are_general_and_there_are_at_least_two() {
        let a = score(&answers(GOOD));
        let steps: Vec<Msg> = a.next_steps.iter().map(|s| s.text).collect();
        assert_eq!(steps, [Msg::StepsKeepGoing, Msg::StepsCheckAgain]);
        let nothing = score(&Answers::new());
        assert!(nothing.next_steps.len() >= 2);
    }

    #[test]
    fn assessments_round_trip_through_json() {
        let a = score(&with(HARD, &[("self_harm", "-"), ("pref_format", "online")]));
        let json = serde_json::to_string(&a).expect("serialises");
        assert!(json.contains(&format!("\"method_version\":{METHOD_VERSION}")), "{json}");
        let back: Assessment = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, a);
    }
}
