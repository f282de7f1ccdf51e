//! Safety signs and the messages they bring to the top of a result.
//!
//! Rules from CONTENT-BASIS.md section 3: any sign of suicidal thoughts brings crisis options
//! first, at once (thoughts right now: "call or text a crisis line, or the emergency number,
//! now"); opioid use after a break brings tolerance, naloxone and "do not use alone";
//! a plan to stop heavy alcohol or benzodiazepine use suddenly brings "get medical advice
//! first". Crisis contacts stay reachable on every screen whatever the answers, because most
//! people who die by suicide had said "not at all" (Louzon et al. 2016): these messages are in
//! addition to that, never instead of it.

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;
use crate::text::{ArgValue, Text};

/// A safety sign an answer raises. The order is the order of the messages in a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetyFlag {
    /// Thoughts of suicide or self-harm happening right now: a risk that cannot wait. Its
    /// message opens with "call or text a crisis line, or the emergency number, now", and
    /// professional help is [`crate::recommend::Urgency::Immediately`]. It covers
    /// [`SafetyFlag::SuicidalThoughts`], whose message it replaces.
    SuicidalThoughtsNow,
    /// Thoughts of suicide or self-harm: any answer other than "not at all" (and "Prefer not
    /// to say").
    SuicidalThoughts,
    /// Opioid use after a break: tolerance is lower, so overdose risk is higher.
    OpioidAfterBreak,
    /// A plan to stop heavy alcohol or benzodiazepine use all at once: withdrawal can cause
    /// seizures.
    StoppingSuddenly,
    /// Not feeling safe at home.
    UnsafeAtHome,
}

impl SafetyFlag {
    /// The variant's name as `{:?}` writes it, for `data-*` attributes, without the `Debug`
    /// formatting code.
    pub fn as_str(self) -> &'static str {
        match self {
            SafetyFlag::SuicidalThoughtsNow => "SuicidalThoughtsNow",
            SafetyFlag::SuicidalThoughts => "SuicidalThoughts",
            SafetyFlag::OpioidAfterBreak => "OpioidAfterBreak",
            SafetyFlag::StoppingSuddenly => "StoppingSuddenly",
            SafetyFlag::UnsafeAtHome => "UnsafeAtHome",
        }
    }

    /// Every flag, in the order their messages appear.
    pub const ALL: [SafetyFlag; 5] = [
        SafetyFlag::SuicidalThoughtsNow,
        SafetyFlag::SuicidalThoughts,
        SafetyFlag::OpioidAfterBreak,
        SafetyFlag::StoppingSuddenly,
        SafetyFlag::UnsafeAtHome,
    ];

    /// Whether the UI should open its crisis panel the moment this answer is given, before the
    /// check-in ends: someone at risk now should not have to finish a questionnaire first.
    pub fn opens_crisis_panel(self) -> bool {
        matches!(
            self,
            SafetyFlag::SuicidalThoughtsNow | SafetyFlag::SuicidalThoughts | SafetyFlag::UnsafeAtHome
        )
    }

    /// Whether this is a sign of suicidal thoughts, now or lately.
    pub fn is_suicidal_thoughts(self) -> bool {
        matches!(self, SafetyFlag::SuicidalThoughtsNow | SafetyFlag::SuicidalThoughts)
    }

    /// The message this flag brings to the top of the result.
    pub fn block(self) -> SafetyBlock {
        let emergency = |msg: Msg| Text::new(msg).with("number", ArgValue::EmergencyNumber);
        let (title, lines) = match self {
            SafetyFlag::SuicidalThoughtsNow => (
                Msg::SafetySuicidalThoughtsNowTitle,
                vec![
                    emergency(Msg::SafetySuicidalThoughtsNowNow),
                    Text::new(Msg::SafetySuicidalThoughtsNowStay),
                    Text::new(Msg::SafetySuicidalThoughtsNowContacts),
                ],
            ),
            SafetyFlag::SuicidalThoughts => (
                Msg::SafetySuicidalThoughtsTitle,
                vec![
                    Text::new(Msg::SafetySuicidalThoughtsBody),
                    emergency(Msg::SafetySuicidalThoughtsNow),
                    Text::new(Msg::SafetySuicidalThoughtsContacts),
                ],
            ),
            SafetyFlag::OpioidAfterBreak => (
                Msg::SafetyOpioidAfterBreakTitle,
                vec![
                    Text::new(Msg::SafetyOpioidAfterBreakBody),
                    Text::new(Msg::SafetyOpioidAfterBreakNaloxone),
                    Text::new(Msg::SafetyOpioidAfterBreakNotAlone),
                    emergency(Msg::SafetyOpioidAfterBreakEmergency),
                ],
            ),
            SafetyFlag::StoppingSuddenly => (
                Msg::SafetyStoppingSuddenlyTitle,
                vec![
                    Text::new(Msg::SafetyStoppingSuddenlyBody),
                    emergency(Msg::SafetyStoppingSuddenlyEmergency),
                ],
            ),
            SafetyFlag::UnsafeAtHome => (
                Msg::SafetyUnsafeAtHomeTitle,
                vec![
                    Text::new(Msg::SafetyUnsafeAtHomeBody),
                    emergency(Msg::SafetyUnsafeAtHomeNow),
                ],
            ),
        };
        SafetyBlock {
            flag: self,
            title,
            lines,
            show_crisis_contacts: true,
        }
    }
}

/// A safety message at the top of a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyBlock {
    /// Which sign raised it.
    pub flag: SafetyFlag,
    /// A calm heading.
    pub title: Msg,
    /// What to know and do, in order; emergency numbers follow the person's region.
    pub lines: Vec<Text>,
    /// Show the region's crisis contacts with it. Always true today: every referral is paired
    /// with immediate crisis options (Jacobson et al. 2022).
    pub show_crisis_contacts: bool,
}

/// The blocks for a set of flags: one per flag, suicidal thoughts first, no duplicates. The
/// "right now" block stands in for the general suicidal-thoughts block when both are raised.
pub fn blocks_for(flags: &[SafetyFlag]) -> Vec<SafetyBlock> {
    let now = flags.contains(&SafetyFlag::SuicidalThoughtsNow);
    SafetyFlag::ALL
        .into_iter()
        .filter(|flag| flags.contains(flag))
        .filter(|flag| !(now && *flag == SafetyFlag::SuicidalThoughts))
        .map(SafetyFlag::block)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suicidal_thoughts_come_first_whatever_the_order_given() {
        let blocks = blocks_for(&[
            SafetyFlag::UnsafeAtHome,
            SafetyFlag::OpioidAfterBreak,
            SafetyFlag::SuicidalThoughts,
            SafetyFlag::OpioidAfterBreak,
        ]);
        let flags: Vec<SafetyFlag> = blocks.iter().map(|b| b.flag).collect();
        assert_eq!(
            flags,
            [
                SafetyFlag::SuicidalThoughts,
                SafetyFlag::OpioidAfterBreak,
                SafetyFlag::UnsafeAtHome
            ]
        );
        assert!(blocks_for(&[]).is_empty());
    }

    #[test]
    fn thoughts_right_now_open_with_a_crisis_line_or_the_emergency_number_now() {
        let block = SafetyFlag::SuicidalThoughtsNow.block();
        let first = &block.lines[0];
        assert_eq!(first.msg, Msg::SafetySuicidalThoughtsNowNow);
        assert_eq!(first.args[0].value, ArgValue::EmergencyNumber);
        let rendered = first.render(crate::i18n::Locale::En, crate::help::Region::Gb);
        assert!(
            rendered.contains("crisis line") && rendered.contains("999"),
            "{rendered}"
        );
        assert!(rendered.ends_with("now."), "{rendered}");
        assert!(SafetyFlag::SuicidalThoughtsNow.opens_crisis_panel());
        // One block for suicidal thoughts, the "right now" one, first.
        let flags: Vec<SafetyFlag> = blocks_for(&[
            SafetyFlag::UnsafeAtHome,
            SafetyFlag::SuicidalThoughts,
            SafetyFlag::SuicidalThoughtsNow,
        ])
        .iter()
        .map(|b| b.flag)
        .collect();
        assert_eq!(flags, [SafetyFlag::SuicidalThoughtsNow, SafetyFlag::UnsafeAtHome]);
    }

    #[test]
    fn every_block_names_the_emergency_number_and_shows_crisis_contacts() {
        for flag in SafetyFlag::ALL {
            let block = flag.block();
            assert!(block.show_crisis_contacts);
            assert!(
                block
                    .lines
                    .iter()
                    .any(|l| l.args.iter().any(|a| a.value == ArgValue::EmergencyNumber)),
                "{flag:?}"
            );
        }
    }

    #[test]
    fn opioid_block_covers_tolerance_naloxone_and_not_using_alone() {
        let msgs: Vec<Msg> = SafetyFlag::OpioidAfterBreak
            .block()
            .lines
            .iter()
            .map(|l| l.msg)
            .collect();
        for needed in [
            Msg::SafetyOpioidAfterBreakBody,
            Msg::SafetyOpioidAfterBreakNaloxone,
            Msg::SafetyOpioidAfterBreakNotAlone,
            Msg::SafetyOpioidAfterBreakEmergency,
        ] {
            assert!(msgs.contains(&needed), "{needed:?}");
        }
    }
}
