//! Properties of scoring and the session, checked over generated answer sets.
//!
//! Answer sets are generated over the real questionnaire: each question is left out, answered
//! "Prefer not to say" where offered, or given a valid answer, so every branch and every
//! missing-answer pattern is reached. Case counts are modest to keep the suite fast.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use recovery_checkin::answers::{Answer, Answers};
use recovery_checkin::questionnaire::{Domain, Question, QuestionKind, QUESTIONNAIRE};
use recovery_checkin::recommend::Urgency;
use recovery_checkin::safety::SafetyFlag;
use recovery_checkin::scoring::{score, Assessment, DomainKind, ResultPart, STRENGTH_FROM};
use recovery_checkin::session::Session;

/// One generated choice per question: (what to do, which option or number, which subset).
type Seed = Vec<(u8, u8, u16)>;

fn seeds() -> impl Strategy<Value = Seed> {
    proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u16>()), QUESTIONNAIRE.questions.len())
}

/// A valid answer to `q` picked by `pick` and `subset`.
fn valid_answer(q: &Question, pick: u8, subset: u16) -> Answer {
    match q.kind {
        QuestionKind::Scale { min, max, .. } => Answer::Scale(min + pick % (max - min + 1)),
        QuestionKind::Single => Answer::Choice(q.options[usize::from(pick) % q.options.len()].id.to_owned()),
        QuestionKind::Multiple => {
            let open: Vec<&str> = q.options.iter().filter(|o| !o.exclusive).map(|o| o.id).collect();
            let exclusive: Vec<&str> = q.options.iter().filter(|o| o.exclusive).map(|o| o.id).collect();
            let chosen: Vec<String> = open
                .iter()
                .enumerate()
                .filter(|(i, _)| subset & (1 << i) != 0)
                .map(|(_, id)| (*id).to_owned())
                .collect();
            if chosen.is_empty() || (!exclusive.is_empty() && pick.is_multiple_of(4)) {
                match exclusive.first() {
                    Some(id) => Answer::Choices(vec![(*id).to_owned()]),
                    None => Answer::Choices(vec![open[usize::from(pick) % open.len()].to_owned()]),
                }
            } else {
                Answer::Choices(chosen)
            }
        }
    }
}

/// Answers from a seed: about one question in six is left out, one in six of the sensitive
/// ones is "Prefer not to say", the rest get a valid answer. Hidden questions may get answers
/// too, which scoring must ignore.
fn answers_from(seed: &Seed) -> Answers {
    let mut answers = Answers::new();
    for (q, &(action, pick, subset)) in QUESTIONNAIRE.questions.iter().zip(seed) {
        let answer = match action % 6 {
            0 => continue,
            1 if q.sensitive => Answer::PreferNotToSay,
            _ => valid_answer(q, pick, subset),
        };
        answers.insert(q.id, answer);
    }
    answers
}

fn domain_score(a: &Assessment, kind: DomainKind) -> Option<u8> {
    let d = match kind {
        DomainKind::Stressors => &a.stressors,
        DomainKind::Supports => &a.supports,
        DomainKind::Motivation => &a.motivation,
    };
    d.as_ref().map(|d| d.score)
}

/// Shown, answered, scored questions in `domains`, with their points.
fn scored_in(answers: &Answers, domains: &[Domain]) -> Vec<(&'static Question, u8)> {
    QUESTIONNAIRE
        .visible_questions(answers)
        .into_iter()
        .filter(|q| domains.contains(&q.domain))
        .filter_map(|q| Some((q, q.points(answers.get(q.id)?)?)))
        .collect()
}

/// Every valid answer to `q` worth more points than `points`.
fn higher_answers(q: &Question, points: u8) -> Vec<Answer> {
    match q.kind {
        QuestionKind::Scale { min, max, .. } => (min + points + 1..=max).map(Answer::Scale).collect(),
        _ => q
            .options
            .iter()
            .filter(|o| o.points.is_some_and(|p| p > points))
            .map(|o| match q.kind {
                QuestionKind::Multiple => Answer::Choices(vec![o.id.to_owned()]),
                _ => Answer::Choice(o.id.to_owned()),
            })
            .collect(),
    }
}

/// Raises one answered item of `domains` (chosen by `which`), if any can be raised.
fn raise(answers: &Answers, domains: &[Domain], which: usize) -> Option<Answers> {
    let items: Vec<(&Question, Answer)> = scored_in(answers, domains)
        .into_iter()
        .filter_map(|(q, p)| {
            let higher = higher_answers(q, p);
            (!higher.is_empty()).then(|| (q, higher[which % higher.len()].clone()))
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let (q, answer) = &items[which % items.len()];
    let mut raised = answers.clone();
    raised.insert(q.id, answer.clone());
    Some(raised)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_same_answers_always_give_the_same_result(seed in seeds()) {
        let answers = answers_from(&seed);
        let first = score(&answers);
        prop_assert_eq!(&score(&answers.clone()), &first);
        let saved = serde_json::to_string(&answers).expect("serialises");
        let loaded: Answers = serde_json::from_str(&saved).expect("loads");
        prop_assert_eq!(&score(&loaded), &first);
        let saved = serde_json::to_string(&first).expect("serialises");
        let loaded: Assessment = serde_json::from_str(&saved).expect("loads");
        prop_assert_eq!(loaded, first);
    }

    #[test]
    fn raising_a_stressor_never_lowers_the_band(seed in seeds(), which in any::<usize>()) {
        let answers = answers_from(&seed);
        if let Some(raised) = raise(&answers, &[Domain::Stressor, Domain::Use], which) {
            let (before, after) = (score(&answers), score(&raised));
            prop_assert!(after.band >= before.band, "{:?} -> {:?}", before.band, after.band);
            prop_assert_eq!(after.band.is_some(), before.band.is_some());
            prop_assert!(domain_score(&after, DomainKind::Stressors) >= domain_score(&before, DomainKind::Stressors));
            prop_assert!(after.warning_signs.len() >= before.warning_signs.len());
        }
    }

    #[test]
    fn raising_a_support_or_motivation_never_raises_the_band(seed in seeds(), which in any::<usize>()) {
        let answers = answers_from(&seed);
        for domain in [Domain::Support, Domain::Motivation] {
            if let Some(raised) = raise(&answers, &[domain], which) {
                let (before, after) = (score(&answers), score(&raised));
                prop_assert!(after.band <= before.band, "{:?}: {:?} -> {:?}", domain, before.band, after.band);
                prop_assert_eq!(after.band.is_some(), before.band.is_some());
                let kind = if domain == Domain::Support { DomainKind::Supports } else { DomainKind::Motivation };
                prop_assert!(domain_score(&after, kind) >= domain_score(&before, kind));
                prop_assert!(after.warning_signs.len() <= before.warning_signs.len());
            }
        }
    }

    #[test]
    fn missing_answers_count_as_missing_not_zero(seed in seeds(), which in any::<usize>()) {
        let answers = answers_from(&seed);
        let a = score(&answers);
        for (kind, domains) in [
            (DomainKind::Stressors, vec![Domain::Stressor, Domain::Use]),
            (DomainKind::Supports, vec![Domain::Support]),
            (DomainKind::Motivation, vec![Domain::Motivation]),
        ] {
            let items = scored_in(&answers, &domains);
            let d = a.domains().into_iter().find(|d| d.domain == kind);
            // Counted over answered items only; no answers, no score.
            prop_assert_eq!(d.map(|d| usize::from(d.answered)), (!items.is_empty()).then_some(items.len()));
            if let Some(d) = d {
                // The score is the mean of answered items: between their lowest and highest share.
                let shares: Vec<f64> = items.iter().map(|(q, p)| f64::from(*p) * 100.0 / f64::from(q.max_points())).collect();
                let lo = shares.iter().cloned().fold(f64::INFINITY, f64::min);
                let hi = shares.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                prop_assert!(f64::from(d.score) >= lo.floor() && f64::from(d.score) <= hi.ceil(), "{} not in {}..{}", d.score, lo, hi);
            }
        }
        // Taking any answer away never panics, and never makes a domain count more answers.
        let ids: Vec<&str> = answers.iter().map(|(id, _)| id).collect();
        if !ids.is_empty() {
            let mut fewer = answers.clone();
            fewer.remove(ids[which % ids.len()]);
            let b = score(&fewer);
            for (before, after) in [(&a.stressors, &b.stressors), (&a.supports, &b.supports), (&a.motivation, &b.motivation)] {
                prop_assert!(after.as_ref().map_or(0, |d| d.answered) <= before.as_ref().map_or(0, |d| d.answered));
            }
        }
    }

    #[test]
    fn strengths_are_named_exactly_as_docs_method_md_says(seed in seeds()) {
        // docs/method.md section 4: a support or motivation answer is a strength when
        // 100 - risk >= STRENGTH_FROM (its share of the scale, risk = how far towards risk it
        // sits, 0-100, rounded half up); a stressor or use answer when it is zero. Only
        // questions with a strength text are named, each at most once.
        let answers = answers_from(&seed);
        let a = score(&answers);
        let all = [Domain::Stressor, Domain::Use, Domain::Support, Domain::Motivation];
        let mut expected = Vec::new();
        for (q, points) in scored_in(&answers, &all) {
            let max = u32::from(q.max_points());
            let strength = if q.domain.points_raise_risk() {
                points == 0
            } else {
                let toward_risk = max - u32::from(points);
                let risk = (200 * toward_risk + max) / (2 * max);
                100 - risk >= u32::from(STRENGTH_FROM)
            };
            if strength && q.strength.is_some() {
                expected.push(q.id);
            }
            let named = a.strengths.iter().filter(|s| s.question == q.id).count();
            prop_assert_eq!(named, usize::from(strength && q.strength.is_some()), "{} = {} of {}", q.id, points, max);
        }
        let mut named: Vec<&str> = a.strengths.iter().map(|s| s.question).collect();
        named.sort_unstable();
        expected.sort_unstable();
        prop_assert_eq!(named, expected, "only shown, answered questions are named");
    }

    #[test]
    fn any_sign_of_suicidal_thoughts_puts_crisis_first(seed in seeds()) {
        let answers = answers_from(&seed);
        let a = score(&answers);
        let (said, right_now) = match answers.get("self_harm") {
            Some(Answer::Choice(c)) => (c != "not_at_all", c == "right_now"),
            Some(Answer::PreferNotToSay) => (true, false),
            _ => (false, false),
        };
        prop_assert_eq!(a.safety_flags(), QUESTIONNAIRE.safety_flags(&answers));
        let first = a.safety.first().map(|b| b.flag);
        prop_assert_eq!(first.is_some_and(SafetyFlag::is_suicidal_thoughts), said);
        prop_assert_eq!(first == Some(SafetyFlag::SuicidalThoughtsNow), right_now);
        prop_assert_eq!(a.professional.urgency == Urgency::Immediately, right_now);
        if !a.safety.is_empty() {
            prop_assert_eq!(a.parts()[0], ResultPart::Safety);
            prop_assert!(a.professional_first());
        }
        let parts = a.parts();
        let pro = parts.iter().position(|p| *p == ResultPart::ProfessionalHelp);
        let groups = parts.iter().position(|p| *p == ResultPart::Groups);
        prop_assert_eq!(pro < groups, a.professional_first());
        prop_assert!((2..=3).contains(&a.next_steps.len()));
        prop_assert_eq!(a.groups.len(), 4);
        for g in &a.groups {
            prop_assert!(!g.reasons.is_empty(), "{:?} has no reason", g.group);
        }
    }

    #[test]
    fn nonsense_answers_never_panic(
        entries in proptest::collection::vec(("[a-z_0-9]{0,12}", 0u8..5, "[a-z_0-9]{0,12}", any::<u8>()), 0..40)
    ) {
        let mut answers = Answers::new();
        for (i, (id, kind, option, n)) in entries.iter().enumerate() {
            // Mix real question ids with made-up ones.
            let id = if i % 2 == 0 { QUESTIONNAIRE.questions[usize::from(*n) % QUESTIONNAIRE.questions.len()].id } else { id.as_str() };
            let answer = match kind {
                0 => Answer::Choice(option.clone()),
                1 => Answer::Choices(vec![option.clone(), option.clone()]),
                2 => Answer::Scale(*n),
                3 => Answer::Choices(Vec::new()),
                _ => Answer::PreferNotToSay,
            };
            answers.insert(id, answer);
        }
        let a = score(&answers);
        prop_assert_eq!(a.groups.len(), 4);
        // A session refuses or accepts them, but never panics.
        let _ = Session::resume(answers);
    }

    #[test]
    fn random_moves_keep_the_session_consistent(
        moves in proptest::collection::vec((0u8..6, any::<u8>(), any::<u8>(), any::<u16>()), 0..80)
    ) {
        let mut s = Session::new();
        for (kind, which, pick, subset) in moves {
            let visible = s.visible_questions();
            let q = visible[usize::from(which) % visible.len()];
            let _ = match kind {
                0 => s.answer(q.id, valid_answer(q, pick, subset)).map(|_| ()),
                1 => s.answer(q.id, Answer::Choice("nonsense".into())).map(|_| ()),
                2 => s.next(),
                3 => s.back(),
                4 => s.skip(),
                _ => s.go_to(q.id),
            };
            let visible = s.visible_questions();
            // Only shown questions keep answers; the current question is shown.
            for (id, _) in s.answers().iter() {
                prop_assert!(visible.iter().any(|v| v.id == id), "{} kept while hidden", id);
            }
            if let Some(current) = s.current() {
                prop_assert!(visible.iter().any(|v| v.id == current.id));
            }
            let p = s.progress();
            prop_assert!(p.position >= 1 && p.position <= p.total && p.answered <= p.total);
            prop_assert_eq!(s.complete().is_ok(), s.missing_required().is_empty());
        }
    }
}
