//! Recommendations: which group types fit this person, which professional help and how soon,
//! and two or three next steps.
//!
//! Group types, named examples and the preference rules that rank them live in
//! `content/groups.toml` (the seed article's four types, the fellowships of CONTENT-BASIS.md
//! section 4). The rules that depend on the whole result are here, with their reasons:
//! professional help comes before peer groups for the highest band, recent use, strong
//! distress or a safety sign (CONTENT-BASIS.md section 3), and peer groups are always
//! presented as a supplement to professional care, never a replacement (seed article).

use serde::{Deserialize, Serialize};

use crate::answers::Answer;
use crate::help::{ContactKind, Region, RegionContacts};
use crate::i18n::Msg;
use crate::questionnaire::{Question, QUESTIONNAIRE};
use crate::safety::SafetyFlag;
use crate::scoring::{Band, Driver, QuestionId, RecentUse, DRIVER_FROM};

include!(concat!(env!("OUT_DIR"), "/groups.rs"));

/// Question and option ids the rules below read. A test checks that each exists.
pub(crate) mod ids {
    /// What the person is in recovery from.
    pub const RECOVERY_FROM: &str = "recovery_from";
    /// What they used in the last 30 days.
    pub const SUBSTANCES_30D: &str = "substances_30d";
    /// Professional help they get now.
    pub const PROFESSIONAL_CARE: &str = "professional_care";
    /// The option of `professional_care` for recovery medicine.
    pub const ON_MEDICATION: &str = "medication";
    /// The option of `professional_care` for no help now.
    pub const NO_CARE: &str = "none";
    /// Cravings.
    pub const CRAVINGS: &str = "cravings";
    /// Pain and health.
    pub const HEALTH: &str = "health";
    /// Mood, worry and sleep: what a counsellor or doctor can help with.
    pub const MOOD: [&str; 3] = ["low_mood", "worry_anger", "sleep"];
    /// Substances with medicines for use disorders.
    pub const MEDICATION_SUBSTANCES: [&str; 2] = ["opioids", "alcohol"];
    /// Spiritual, secular or Christian.
    pub const PREF_APPROACH: &str = "pref_approach";
    /// Women-only group wanted.
    pub const PREF_WOMEN: &str = "pref_women";
    /// Family support wanted.
    pub const PREF_FAMILY: &str = "pref_family";
    /// Abstinence or cutting down.
    pub const GOAL: &str = "goal";
    /// "yes" to the preference questions.
    pub const YES: &str = "yes";
    /// The goal of cutting down.
    pub const CUT_DOWN: &str = "cut_down";
    /// Alcohol, in the substance lists: moderation groups are for drinking only.
    pub const ALCOHOL: &str = "alcohol";
}

/// What `content/groups.toml` says in `checked` ([`LINKS_CHECKED`]) until someone has opened
/// every group link for a release; then `checked` becomes the month, as `YYYY-MM`. A test
/// allows nothing else, so a typo cannot hide that the links are unchecked.
pub const LINKS_NOT_CHECKED: &str = "not yet checked";

/// Extra points for clinical support when professional help is ranked first.
pub const CLINICAL_WHEN_PROFESSIONAL_FIRST: i32 = 3;
/// A group type with at least this many points "could suit you well".
pub const GOOD_FIT_FROM: i32 = 2;
/// How many named examples each group type shows at most.
pub const EXAMPLES_PER_TYPE: usize = 4;

/// The four group types of the seed article, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupType {
    /// 12-step fellowships, peer-led, spiritual.
    TwelveStep,
    /// Groups run by a clinic: group therapy, intensive outpatient programmes.
    Clinical,
    /// Mutual support, many secular, some for family and friends.
    Mutual,
    /// Online meetings and communities.
    Online,
}

impl GroupType {
    /// The variant's name as `{:?}` writes it, for `data-*` attributes, without the `Debug`
    /// formatting code.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupType::TwelveStep => "TwelveStep",
            GroupType::Clinical => "Clinical",
            GroupType::Mutual => "Mutual",
            GroupType::Online => "Online",
        }
    }

    /// All four, in the seed article's order (the tie-break order).
    pub const ALL: [GroupType; 4] = [
        GroupType::TwelveStep,
        GroupType::Clinical,
        GroupType::Mutual,
        GroupType::Online,
    ];

    /// The type's name.
    pub fn name(self) -> Msg {
        match self {
            GroupType::TwelveStep => Msg::GroupsTwelveStepName,
            GroupType::Clinical => Msg::GroupsClinicalName,
            GroupType::Mutual => Msg::GroupsMutualName,
            GroupType::Online => Msg::GroupsOnlineName,
        }
    }

    /// A neutral reason, true for anyone: shown when no answer gave the type a reason of its
    /// own, so every suggestion says why.
    pub fn default_reason(self) -> Msg {
        match self {
            GroupType::TwelveStep => Msg::GroupsTwelveStepDefaultReason,
            GroupType::Clinical => Msg::GroupsClinicalDefaultReason,
            GroupType::Mutual => Msg::GroupsMutualDefaultReason,
            GroupType::Online => Msg::GroupsOnlineDefaultReason,
        }
    }

    /// What groups of this type are like.
    pub fn about(self) -> Msg {
        match self {
            GroupType::TwelveStep => Msg::GroupsTwelveStepAbout,
            GroupType::Clinical => Msg::GroupsClinicalAbout,
            GroupType::Mutual => Msg::GroupsMutualAbout,
            GroupType::Online => Msg::GroupsOnlineAbout,
        }
    }

    fn index(self) -> usize {
        match self {
            GroupType::TwelveStep => 0,
            GroupType::Clinical => 1,
            GroupType::Mutual => 2,
            GroupType::Online => 3,
        }
    }
}

/// A group's stance on spirituality.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approach {
    /// Spiritual, not religious (the 12-step fellowships).
    Spiritual,
    /// Spiritual without belief in a god: Buddhist-inspired (Recovery Dharma). Not secular.
    NonTheistic,
    /// No spiritual content.
    Secular,
    /// Christian.
    Christian,
    /// Part of treatment.
    Clinical,
    /// Mixed (online communities of many fellowships).
    Mixed,
}

/// What a group is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupGoal {
    /// Not using at all.
    Abstinence,
    /// Drinking less.
    Moderation,
    /// The wellbeing of family and friends.
    Family,
}

/// A named group with its official site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupExample {
    /// Stable id.
    pub id: &'static str,
    /// The group's own name (translated only where the group has an official one).
    pub name: Msg,
    /// Its official site; `None` for "ask your doctor" entries.
    pub url: Option<&'static str>,
    /// What it is, in our words.
    pub about: Msg,
    /// The group types it is an example of.
    pub types: &'static [GroupType],
    /// Spiritual, secular...
    pub approach: Approach,
    /// What it is for.
    pub goal: GroupGoal,
    /// The substances it is for (ids of the questionnaire's substance options); empty = any.
    pub substances: &'static [&'static str],
    /// For women only.
    pub women_only: bool,
    /// The regions it serves; empty = everywhere.
    pub regions: &'static [Region],
}

impl GroupExample {
    /// The example called `id`.
    pub fn by_id(id: &str) -> Option<&'static GroupExample> {
        EXAMPLES.iter().find(|e| e.id == id)
    }

    /// Whether it serves `region`.
    pub fn serves(&self, region: Region) -> bool {
        self.regions.is_empty() || self.regions.contains(&region)
    }
}

/// A ranking rule from `content/groups.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupRule {
    /// The question it reads.
    pub question: &'static str,
    /// The options that trigger it.
    pub any_of: &'static [&'static str],
    /// The group type it moves.
    pub group: GroupType,
    /// How far (negative: down).
    pub points: i8,
    /// Why, in plain words.
    pub reason: Msg,
}

/// How well a group type fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// Fewer than 0 points: the person named something it does not offer.
    Less,
    /// 0 or 1 point.
    Possible,
    /// [`GOOD_FIT_FROM`] points or more.
    Good,
}

impl Fit {
    /// The fit in plain words.
    pub fn text(self) -> Msg {
        match self {
            Fit::Less => Msg::GroupsFitLess,
            Fit::Possible => Msg::GroupsFitPossible,
            Fit::Good => Msg::GroupsFitGood,
        }
    }
}

/// One group type, ranked for this person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRecommendation {
    /// The type.
    pub group: GroupType,
    /// 1 for the best fit.
    pub rank: u8,
    /// The sum of the rules that applied.
    pub points: i32,
    /// The fit in words.
    pub fit: Fit,
    /// Why, built from the person's own answers, in rule order; never empty: when no answer
    /// gave a reason, the type's neutral [`GroupType::default_reason`].
    pub reasons: Vec<Msg>,
    /// Ids of named examples, best match first (see [`GroupRecommendation::examples_in`]).
    pub examples: Vec<String>,
}

impl GroupRecommendation {
    /// The named examples that serve `region`, best match first.
    pub fn examples_in(&self, region: Region) -> Vec<&'static GroupExample> {
        self.examples
            .iter()
            .filter_map(|id| GroupExample::by_id(id))
            .filter(|e| e.serves(region))
            .collect()
    }
}

/// The note that goes with every list of groups: they add to professional care, never
/// replace it.
pub const GROUPS_NOTE: Msg = Msg::GroupsSupplement;

/// How soon to reach out to a professional.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Whenever the person feels ready.
    WhenReady,
    /// In the next few days.
    Soon,
    /// Today, if they can.
    Now,
    /// Right now, without waiting for an appointment: a crisis line or emergency help
    /// (thoughts of suicide or self-harm right now).
    Immediately,
}

impl Urgency {
    /// In plain words.
    pub fn text(self) -> Msg {
        match self {
            Urgency::WhenReady => Msg::ProUrgencyWhenReady,
            Urgency::Soon => Msg::ProUrgencySoon,
            Urgency::Now => Msg::ProUrgencyNow,
            Urgency::Immediately => Msg::ProUrgencyImmediately,
        }
    }
}

/// A kind of professional help.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProKind {
    /// A doctor or nurse.
    Doctor,
    /// A counsellor or therapist.
    Counsellor,
    /// A treatment programme (outpatient, intensive outpatient).
    TreatmentProgramme,
    /// Medication for opioid or alcohol use disorder.
    Medication,
}

impl ProKind {
    /// Its name.
    pub fn name(self) -> Msg {
        match self {
            ProKind::Doctor => Msg::ProKindDoctorName,
            ProKind::Counsellor => Msg::ProKindCounsellorName,
            ProKind::TreatmentProgramme => Msg::ProKindProgrammeName,
            ProKind::Medication => Msg::ProKindMedicationName,
        }
    }

    /// What it helps with.
    pub fn about(self) -> Msg {
        match self {
            ProKind::Doctor => Msg::ProKindDoctorAbout,
            ProKind::Counsellor => Msg::ProKindCounsellorAbout,
            ProKind::TreatmentProgramme => Msg::ProKindProgrammeAbout,
            ProKind::Medication => Msg::ProKindMedicationAbout,
        }
    }
}

/// Which professional help, how urgent, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfessionalHelp {
    /// Ranked above peer groups.
    pub first: bool,
    /// How soon.
    pub urgency: Urgency,
    /// Which kinds, most fitting first.
    pub kinds: Vec<ProKind>,
    /// Why, in plain words.
    pub reasons: Vec<Msg>,
    /// Already getting professional help: suggest bringing this check-in along.
    pub already_in_care: bool,
    /// Crisis options in calm words, paired with every referral (Jacobson et al. 2022); when
    /// the urgency is [`Urgency::Immediately`], a note not to wait.
    pub crisis_note: Msg,
}

impl ProfessionalHelp {
    /// The region's advice and treatment lines (its help contacts that are not crisis lines),
    /// for "where do I find this". Reuses `content/help-contacts.toml`.
    pub fn contacts_in(region: Region) -> Vec<&'static crate::help::Contact> {
        let contacts: &'static RegionContacts = region.contacts();
        contacts
            .contacts
            .iter()
            .filter(|c| c.kind == ContactKind::Help)
            .collect()
    }
}

/// A next step to try.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    /// The step, in our words.
    pub text: Msg,
    /// The id of the question whose answer it answers; `None` for general steps.
    #[serde(deserialize_with = "because")]
    pub because: Option<QuestionId>,
}

/// What recommendations are built from (computed once in [`crate::scoring::score`]).
pub(crate) struct Facts<'a> {
    /// Shown questions with valid answers, in order.
    pub answered: &'a [(&'static Question, &'a Answer)],
    /// The band, if any.
    pub band: Option<Band>,
    /// Recent use, if said.
    pub recent_use: Option<RecentUse>,
    /// Any answer showing strong distress.
    pub strong_distress: bool,
    /// Safety signs raised.
    pub flags: &'a [SafetyFlag],
    /// Drivers of all domains.
    pub drivers: Vec<&'a Driver>,
    /// Whether any strength was found.
    pub has_strengths: bool,
}

impl Facts<'_> {
    /// The option ids picked for a question (empty if not answered or hidden).
    fn chosen(&self, question_id: &str) -> Vec<&'static str> {
        self.answered
            .iter()
            .filter(|(q, _)| q.id == question_id)
            .flat_map(|(q, a)| q.chosen(a))
            .map(|o| o.id)
            .collect()
    }

    fn picked(&self, question_id: &str, option: &str) -> bool {
        self.chosen(question_id).contains(&option)
    }

    /// The substances named, in recovery from or used lately.
    fn substances(&self) -> Vec<&'static str> {
        let mut all = self.chosen(ids::RECOVERY_FROM);
        all.extend(self.chosen(ids::SUBSTANCES_30D));
        crate::sort::sort(&mut all);
        all.dedup();
        all
    }

    fn risk(&self, question_id: &str) -> u8 {
        self.drivers
            .iter()
            .filter(|d| d.question == question_id)
            .map(|d| d.risk)
            .max()
            .unwrap_or(0)
    }

    fn used_lately(&self) -> bool {
        matches!(self.recent_use, Some(RecentUse::Some | RecentUse::Frequent))
    }
}

/// [`NextStep::because`] read back: a question id as the questionnaire's own string.
fn because<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<QuestionId>, D::Error> {
    #[derive(Deserialize)]
    struct Id(#[serde(deserialize_with = "crate::scoring::question_id")] QuestionId);
    Ok(Option::<Id>::deserialize(deserializer)?.map(|Id(id)| id))
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Professional help: first when the band is the highest, there was recent use, strong
/// distress, or any safety sign.
pub(crate) fn professional_help(facts: &Facts) -> ProfessionalHelp {
    let has = |flag| facts.flags.contains(&flag);
    let first =
        !facts.flags.is_empty() || facts.band == Some(Band::Many) || facts.used_lately() || facts.strong_distress;
    let suicidal_thoughts = facts.flags.iter().any(|f| f.is_suicidal_thoughts());
    let urgent_flag = suicidal_thoughts || has(SafetyFlag::OpioidAfterBreak) || has(SafetyFlag::StoppingSuddenly);
    let urgency = if has(SafetyFlag::SuicidalThoughtsNow) {
        Urgency::Immediately
    } else if urgent_flag {
        Urgency::Now
    } else if first || facts.band == Some(Band::Several) {
        Urgency::Soon
    } else {
        Urgency::WhenReady
    };

    let care = facts.chosen(ids::PROFESSIONAL_CARE);
    let already_in_care = care.iter().any(|o| *o != ids::NO_CARE);
    let on_medication = care.contains(&ids::ON_MEDICATION);
    let mut kinds = Vec::new();
    let mut reasons = Vec::new();
    if already_in_care {
        reasons.push(Msg::ProReasonAlreadyInCare);
    }
    if !facts.flags.is_empty() {
        reasons.push(Msg::ProReasonSafety);
    }
    if suicidal_thoughts {
        push_unique(&mut kinds, ProKind::Counsellor);
        push_unique(&mut kinds, ProKind::Doctor);
    }
    if has(SafetyFlag::StoppingSuddenly) {
        push_unique(&mut kinds, ProKind::Doctor);
        push_unique(&mut reasons, Msg::ProReasonWithdrawal);
    }
    if has(SafetyFlag::OpioidAfterBreak) {
        push_unique(&mut kinds, ProKind::Doctor);
    }
    if facts.band == Some(Band::Many) || facts.recent_use == Some(RecentUse::Frequent) {
        push_unique(&mut kinds, ProKind::TreatmentProgramme);
        push_unique(&mut reasons, Msg::ProReasonManySigns);
    }
    if facts.used_lately() {
        push_unique(&mut kinds, ProKind::Counsellor);
        push_unique(&mut reasons, Msg::ProReasonRecentUse);
    }
    if facts.strong_distress {
        push_unique(&mut kinds, ProKind::Counsellor);
        push_unique(&mut reasons, Msg::ProReasonDistress);
    } else if ids::MOOD.iter().any(|q| facts.risk(q) >= DRIVER_FROM) {
        push_unique(&mut kinds, ProKind::Counsellor);
        push_unique(&mut reasons, Msg::ProReasonMood);
    }
    let medication_fits = facts
        .substances()
        .iter()
        .any(|s| ids::MEDICATION_SUBSTANCES.contains(s));
    let struggling =
        facts.used_lately() || facts.risk(ids::CRAVINGS) >= DRIVER_FROM || has(SafetyFlag::OpioidAfterBreak);
    if medication_fits && struggling && !on_medication {
        push_unique(&mut kinds, ProKind::Medication);
        push_unique(&mut reasons, Msg::ProReasonMedication);
    }
    if facts.risk(ids::HEALTH) >= DRIVER_FROM {
        push_unique(&mut kinds, ProKind::Doctor);
        push_unique(&mut reasons, Msg::ProReasonHealth);
    }
    if kinds.is_empty() {
        kinds.push(ProKind::Counsellor);
    }
    if reasons.is_empty() {
        reasons.push(Msg::ProReasonWhenReady);
    }
    ProfessionalHelp {
        first,
        urgency,
        kinds,
        reasons,
        already_in_care,
        crisis_note: if urgency == Urgency::Immediately {
            Msg::ProCrisisNow
        } else {
            Msg::ProCrisisPairing
        },
    }
}

/// The four group types, best fit first, each with its reasons and examples.
pub(crate) fn rank_groups(facts: &Facts, professional_first: bool) -> Vec<GroupRecommendation> {
    let mut points = [0i32; 4];
    let mut reasons: [Vec<Msg>; 4] = Default::default();
    for rule in RULES {
        let chosen = facts.chosen(rule.question);
        if rule.any_of.iter().any(|o| chosen.contains(o)) {
            let i = rule.group.index();
            points[i] += i32::from(rule.points);
            push_unique(&mut reasons[i], rule.reason);
        }
    }
    if professional_first {
        let i = GroupType::Clinical.index();
        points[i] += CLINICAL_WHEN_PROFESSIONAL_FIRST;
        reasons[i].insert(0, Msg::GroupsReasonNeedsProfessional);
    }
    for group in GroupType::ALL {
        if reasons[group.index()].is_empty() {
            reasons[group.index()].push(group.default_reason());
        }
    }
    let mut order: Vec<GroupType> = GroupType::ALL.to_vec();
    // Stable sort: ties keep the seed article's order.
    crate::sort::sort_by_key(&mut order, |g| -points[g.index()]);
    order
        .into_iter()
        .enumerate()
        .map(|(rank, group)| {
            let p = points[group.index()];
            GroupRecommendation {
                group,
                rank: u8::try_from(rank + 1).unwrap_or(u8::MAX),
                points: p,
                fit: if p >= GOOD_FIT_FROM {
                    Fit::Good
                } else if p >= 0 {
                    Fit::Possible
                } else {
                    Fit::Less
                },
                reasons: reasons[group.index()].clone(),
                examples: examples_for(group, facts)
                    .into_iter()
                    .map(|e| e.id.to_owned())
                    .collect(),
            }
        })
        .collect()
}

/// Named examples for a group type, filtered and ordered by the person's answers.
///
/// Left out unless asked for: women-only groups, groups for family, moderation groups, and
/// Christian groups. Moderation groups (for problem drinking, not dependence, CONTENT-BASIS.md
/// section 4) also need alcohol among what the person named, and are left out after use on
/// most days, a plan to stop suddenly (a sign of dependence) or the highest band. Ordered by: belief match (+2, or -2 for a spiritual group when a secular
/// one was asked for; a non-theistic group +1 for a spiritual request and -1 for a secular
/// one, since it has a spiritual side without a god), substance match (+2, or -3 for a group for other substances), a
/// requested women-only (+2) or family (+4) group, and +1 where this type is the example's
/// first; then the content file's order.
fn examples_for(group: GroupType, facts: &Facts) -> Vec<&'static GroupExample> {
    let approach = facts.chosen(ids::PREF_APPROACH);
    let wants = |a: &str| approach.contains(&a);
    let women = facts.picked(ids::PREF_WOMEN, ids::YES);
    let family = facts.picked(ids::PREF_FAMILY, ids::YES);
    let substances = facts.substances();
    let moderation_fits = facts.picked(ids::GOAL, ids::CUT_DOWN)
        && substances.contains(&ids::ALCOHOL)
        && facts.recent_use != Some(RecentUse::Frequent)
        && !facts.flags.contains(&SafetyFlag::StoppingSuddenly)
        && facts.band != Some(Band::Many);
    let mut candidates: Vec<(i32, &'static GroupExample)> = EXAMPLES
        .iter()
        .filter(|e| e.types.contains(&group))
        .filter(|e| !e.women_only || women)
        .filter(|e| e.goal != GroupGoal::Family || family)
        .filter(|e| e.goal != GroupGoal::Moderation || moderation_fits)
        .filter(|e| e.approach != Approach::Christian || wants("christian"))
        .map(|e| {
            let mut score = 0;
            score += match e.approach {
                Approach::Secular if wants("secular") => 2,
                Approach::Spiritual if wants("secular") => -2,
                Approach::Spiritual if wants("spiritual") => 2,
                Approach::NonTheistic if wants("spiritual") => 1,
                Approach::NonTheistic if wants("secular") => -1,
                Approach::Christian if wants("christian") => 3,
                _ => 0,
            };
            if !e.substances.is_empty() && !substances.is_empty() {
                score += if e.substances.iter().any(|s| substances.contains(s)) {
                    2
                } else {
                    -3
                };
            }
            if e.women_only && women {
                score += 2;
            }
            // An example of this type first of all (In The Rooms for online) leads its type.
            if e.types.first() == Some(&group) {
                score += 1;
            }
            if e.goal == GroupGoal::Family && family {
                score += 4;
            }
            (score, e)
        })
        .collect();
    crate::sort::sort_by_key(&mut candidates, |(score, _)| -*score);
    candidates.into_iter().take(EXAMPLES_PER_TYPE).map(|(_, e)| e).collect()
}

/// Two or three next steps: the steps of the main drivers (highest risk first, one step per
/// kind), then general ones so there are always at least two.
pub(crate) fn next_steps(facts: &Facts) -> Vec<NextStep> {
    let mut drivers: Vec<(&Driver, usize)> = facts
        .drivers
        .iter()
        .map(|d| (*d, QUESTIONNAIRE.index_of(d.question).unwrap_or(usize::MAX)))
        .collect();
    crate::sort::sort_by(&mut drivers, |(a, ia), (b, ib)| b.risk.cmp(&a.risk).then(ia.cmp(ib)));
    let mut steps: Vec<NextStep> = Vec::new();
    for (driver, _) in drivers {
        if steps.len() == 3 {
            break;
        }
        let Some(step) = QUESTIONNAIRE.question(driver.question).and_then(|q| q.step) else {
            continue;
        };
        if !steps.iter().any(|s| s.text == step) {
            steps.push(NextStep {
                text: step,
                because: Some(driver.question),
            });
        }
    }
    let mut general = Vec::new();
    if facts.has_strengths {
        general.push(Msg::StepsKeepGoing);
    }
    general.extend([Msg::StepsCheckAgain, Msg::StepsOnTrack]);
    for text in general {
        if steps.len() >= 2 {
            break;
        }
        if !steps.iter().any(|s| s.text == text) {
            steps.push(NextStep { text, because: None });
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_the_rules_read_exists_in_the_questionnaire() {
        let has = |q: &str, o: &str| QUESTIONNAIRE.question(q).and_then(|q| q.option(o)).is_some();
        for q in [ids::RECOVERY_FROM, ids::SUBSTANCES_30D] {
            for s in ids::MEDICATION_SUBSTANCES {
                assert!(has(q, s), "{q}.{s}");
            }
        }
        assert!(has(ids::PROFESSIONAL_CARE, ids::ON_MEDICATION));
        assert!(has(ids::PROFESSIONAL_CARE, ids::NO_CARE));
        for q in ids::MOOD.iter().chain(&[ids::CRAVINGS, ids::HEALTH]) {
            assert!(QUESTIONNAIRE.question(q).is_some_and(|q| q.driver.is_some()), "{q}");
        }
        for o in ["spiritual", "secular", "christian"] {
            assert!(has(ids::PREF_APPROACH, o), "{o}");
        }
        assert!(has(ids::PREF_WOMEN, ids::YES));
        assert!(has(ids::PREF_FAMILY, ids::YES));
        assert!(has(ids::GOAL, ids::CUT_DOWN));
        assert!(has(ids::RECOVERY_FROM, ids::ALCOHOL) && has(ids::SUBSTANCES_30D, ids::ALCOHOL));
    }

    #[test]
    fn examples_cover_section_4_with_https_links() {
        for id in [
            "aa",
            "na",
            "ca",
            "smart",
            "lifering",
            "wfs",
            "recovery_dharma",
            "celebrate_recovery",
            "moderation_management",
            "al_anon",
            "nar_anon",
            "in_the_rooms",
            "treatment_search",
        ] {
            let example = GroupExample::by_id(id).unwrap_or_else(|| panic!("{id} missing"));
            assert!(example.url.is_some_and(|u| u.starts_with("https://")), "{id}");
        }
        for group in GroupType::ALL {
            assert!(EXAMPLES.iter().any(|e| e.types.contains(&group)), "{group:?}");
            assert!(
                EXAMPLES
                    .iter()
                    .any(|e| e.types.contains(&group) && e.regions.is_empty()),
                "{group:?} has nothing outside one region"
            );
        }
    }

    /// `YYYY-MM`, with a month from 01 to 12.
    fn is_year_month(text: &str) -> bool {
        let b = text.as_bytes();
        b.len() == 7
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && matches!(text[5..].parse::<u8>(), Ok(1..=12))
            && b[5..].iter().all(u8::is_ascii_digit)
    }

    #[test]
    fn links_checked_is_a_month_or_exactly_the_not_checked_marker() {
        assert!(
            LINKS_CHECKED == LINKS_NOT_CHECKED || is_year_month(LINKS_CHECKED),
            "content/groups.toml `checked` is {LINKS_CHECKED:?}: write YYYY-MM or {LINKS_NOT_CHECKED:?}"
        );
        for good in ["2026-01", "2026-12"] {
            assert!(is_year_month(good), "{good}");
        }
        for bad in [
            "not yet chekced",
            "Not yet checked",
            "2026-13",
            "2026-00",
            "2026-1",
            "26-01",
            "2026/01",
            "2026-+1",
            "",
        ] {
            assert!(!is_year_month(bad) && bad != LINKS_NOT_CHECKED, "{bad}");
        }
    }

    #[test]
    fn help_lines_for_treatment_come_from_the_contacts_file() {
        let us: Vec<&str> = ProfessionalHelp::contacts_in(Region::Us)
            .iter()
            .map(|c| crate::i18n::Locale::En.text(c.name))
            .collect();
        assert!(us.contains(&"SAMHSA National Helpline"), "{us:?}");
        assert!(ProfessionalHelp::contacts_in(Region::Us)
            .iter()
            .all(|c| c.kind == ContactKind::Help));
    }

    use crate::scoring::score;
    use crate::scoring::tests::{with, GOOD, HARD};

    fn ranked(changes: &[(&'static str, &'static str)]) -> Vec<GroupRecommendation> {
        score(&with(GOOD, changes)).groups
    }

    fn order(groups: &[GroupRecommendation]) -> Vec<GroupType> {
        groups.iter().map(|g| g.group).collect()
    }

    #[test]
    fn all_four_types_are_ranked_once_with_ranks_from_one() {
        let groups = ranked(&[]);
        assert_eq!(
            order(&groups),
            GroupType::ALL,
            "no preferences: the seed article's order"
        );
        let ranks: Vec<u8> = groups.iter().map(|g| g.rank).collect();
        assert_eq!(ranks, [1, 2, 3, 4]);
        for g in &groups {
            assert_eq!(g.fit, Fit::Possible);
            assert_eq!(
                g.reasons,
                [g.group.default_reason()],
                "no preferences: the neutral reason"
            );
        }
    }

    #[test]
    fn a_secular_online_preference_puts_online_and_mutual_first_with_reasons() {
        let groups = ranked(&[("pref_approach", "secular"), ("pref_format", "online")]);
        assert_eq!(
            order(&groups),
            [
                GroupType::Online,
                GroupType::Mutual,
                GroupType::Clinical,
                GroupType::TwelveStep
            ]
        );
        assert_eq!(groups[0].reasons, [Msg::GroupsReasonWantsOnline]);
        assert_eq!(
            groups[2].reasons,
            [GroupType::Clinical.default_reason()],
            "no rule for clinical: its neutral reason"
        );
        assert!(groups[1].reasons.contains(&Msg::GroupsReasonSecularMutual));
        assert!(groups[1].reasons.contains(&Msg::GroupsReasonAlsoOnline));
        assert_eq!(groups[3].fit, Fit::Less);
        assert!(groups[3].reasons.contains(&Msg::GroupsReasonSecularNotTwelveStep));
        // Online examples: secular fellowships before spiritual ones.
        let online = &groups[0].examples;
        assert_eq!(online.first().map(String::as_str), Some("smart"));
        let aa = online.iter().position(|e| e == "aa");
        assert!(
            aa.is_none() || aa > online.iter().position(|e| e == "lifering"),
            "{online:?}"
        );
    }

    #[test]
    fn recovery_dharma_is_not_offered_as_a_group_without_spiritual_ideas() {
        let dharma = GroupExample::by_id("recovery_dharma").expect("recovery_dharma");
        assert_eq!(dharma.approach, Approach::NonTheistic);
        let examples = |changes: &[(&'static str, &'static str)], group: GroupType| -> Vec<String> {
            ranked(changes)
                .into_iter()
                .find(|g| g.group == group)
                .map(|g| g.examples)
                .unwrap_or_default()
        };
        let at = |list: &[String], id: &str| list.iter().position(|e| e == id);
        // Asked for no spiritual ideas: every secular group, and the mixed online community,
        // come before it.
        let mutual = examples(&[("pref_approach", "secular")], GroupType::Mutual);
        assert_eq!(mutual, ["smart", "lifering", "recovery_dharma"]);
        let online = examples(&[("pref_approach", "secular")], GroupType::Online);
        assert!(
            at(&online, "in_the_rooms") < at(&online, "recovery_dharma"),
            "{online:?}"
        );
        // Fine with a spiritual side: it leads mutual support.
        let mutual = examples(&[("pref_approach", "spiritual")], GroupType::Mutual);
        assert_eq!(mutual.first().map(String::as_str), Some("recovery_dharma"));
    }

    #[test]
    fn online_support_leads_with_an_online_community() {
        let groups = ranked(&[]);
        let online = groups.iter().find(|g| g.group == GroupType::Online).expect("online");
        assert_eq!(online.examples.first().map(String::as_str), Some("in_the_rooms"));
        assert!(online.examples.len() <= EXAMPLES_PER_TYPE);
    }

    #[test]
    fn a_christian_preference_names_celebrate_recovery() {
        let groups = ranked(&[("pref_approach", "christian")]);
        assert_eq!(groups[0].group, GroupType::TwelveStep);
        assert_eq!(
            groups[0].examples.first().map(String::as_str),
            Some("celebrate_recovery")
        );
        let plain = ranked(&[]);
        assert!(plain
            .iter()
            .all(|g| !g.examples.iter().any(|e| e == "celebrate_recovery")));
    }

    #[test]
    fn women_family_and_moderation_groups_appear_only_when_asked_for() {
        let any = |groups: &[GroupRecommendation], id: &str| groups.iter().any(|g| g.examples.iter().any(|e| e == id));
        let plain = ranked(&[]);
        for id in ["wfs", "al_anon", "nar_anon", "moderation_management"] {
            assert!(!any(&plain, id), "{id} without being asked for");
        }
        assert!(any(&ranked(&[("pref_women", "yes")]), "wfs"));
        let family = ranked(&[("pref_family", "yes"), ("recovery_from", "alcohol")]);
        assert_eq!(family[0].group, GroupType::Mutual);
        assert_eq!(family[0].examples.first().map(String::as_str), Some("al_anon"));
        assert!(any(
            &ranked(&[("goal", "cut_down"), ("recovery_from", "alcohol")]),
            "moderation_management"
        ));
    }

    #[test]
    fn moderation_management_is_named_only_for_drinking_without_signs_of_dependence() {
        let mm = |changes: &[(&'static str, &'static str)]| {
            score(&with(GOOD, changes))
                .groups
                .iter()
                .any(|g| g.examples.iter().any(|e| e == "moderation_management"))
        };
        assert!(!mm(&[("goal", "cut_down")]), "no substance named");
        assert!(!mm(&[("goal", "cut_down"), ("recovery_from", "cannabis+opioids")]));
        assert!(mm(&[("goal", "cut_down"), ("recovery_from", "alcohol")]));
        assert!(mm(&[
            ("goal", "cut_down"),
            ("use_30d", "three_to_14_days"),
            ("substances_30d", "alcohol")
        ]));
        assert!(!mm(&[("recovery_from", "alcohol")]), "goal not to cut down");
        // Use on most days, a plan to stop suddenly, or the highest band: not for them.
        assert!(!mm(&[
            ("goal", "cut_down"),
            ("use_30d", "15_days_or_more"),
            ("substances_30d", "alcohol")
        ]));
        assert!(!mm(&[
            ("goal", "cut_down"),
            ("recovery_from", "alcohol"),
            ("stop_plan", "yes")
        ]));
        let many = with(
            HARD,
            &[
                ("goal", "cut_down"),
                ("recovery_from", "alcohol"),
                ("use_30d", "one_two_days"),
                ("substances_30d", "alcohol"),
            ],
        );
        let a = score(&many);
        assert_eq!(a.band, Some(Band::Many));
        assert_ne!(a.recent_use, Some(RecentUse::Frequent));
        assert!(!a
            .groups
            .iter()
            .any(|g| g.examples.iter().any(|e| e == "moderation_management")));
    }

    #[test]
    fn substances_pick_the_fellowship() {
        let groups = ranked(&[("recovery_from", "stimulants")]);
        let twelve = groups
            .iter()
            .find(|g| g.group == GroupType::TwelveStep)
            .expect("12-step");
        assert_eq!(twelve.examples[..2], ["na".to_owned(), "ca".to_owned()]);
        assert_eq!(twelve.examples.last().map(String::as_str), Some("aa"));
        let groups = ranked(&[("recovery_from", "alcohol")]);
        let twelve = groups
            .iter()
            .find(|g| g.group == GroupType::TwelveStep)
            .expect("12-step");
        assert_eq!(twelve.examples.first().map(String::as_str), Some("aa"));
    }

    #[test]
    fn clinical_examples_follow_the_region() {
        let groups = ranked(&[("pref_led", "professional")]);
        assert_eq!(groups[0].group, GroupType::Clinical);
        let us: Vec<&str> = groups[0].examples_in(Region::Us).iter().map(|e| e.id).collect();
        let gb: Vec<&str> = groups[0].examples_in(Region::Gb).iter().map(|e| e.id).collect();
        assert!(us.contains(&"treatment_search"));
        assert_eq!(gb, ["ask_clinician"]);
    }

    #[test]
    fn professional_needs_move_clinical_support_up_and_say_why() {
        let groups = ranked(&[("low_mood", "all_seven")]);
        assert_eq!(groups[0].group, GroupType::Clinical);
        assert_eq!(groups[0].reasons[0], Msg::GroupsReasonNeedsProfessional);
        assert_eq!(groups[0].fit, Fit::Good);
    }

    #[test]
    fn professional_help_kinds_follow_the_answers() {
        let quiet = score(&with(GOOD, &[])).professional;
        assert_eq!(quiet.kinds, [ProKind::Counsellor]);
        assert_eq!(quiet.reasons, [Msg::ProReasonAlreadyInCare]);
        assert_eq!(quiet.crisis_note, Msg::ProCrisisPairing);
        let pain = score(&with(GOOD, &[("health", "a_lot"), ("professional_care", "none")])).professional;
        assert_eq!(pain.kinds, [ProKind::Doctor]);
        assert_eq!(pain.reasons, [Msg::ProReasonHealth]);
        assert!(!pain.already_in_care);
        let cravings = score(&with(
            GOOD,
            &[
                ("cravings", "five_six"),
                ("recovery_from", "alcohol"),
                ("professional_care", "none"),
            ],
        ))
        .professional;
        assert!(cravings.kinds.contains(&ProKind::Medication));
        assert!(!cravings.first, "cravings alone do not put professional help first");
        assert_eq!(cravings.urgency, Urgency::WhenReady);
    }
}
