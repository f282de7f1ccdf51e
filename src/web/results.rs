//! The result of a check-in: safety first, then the band, what is going well, the three areas,
//! next steps, professional help and groups (in the order [`Assessment::parts`] gives), crisis
//! lines, and the note that this is a self-check, not a diagnosis.

use std::rc::Rc;

use yew::prelude::*;

use crate::embed::Partner;
use crate::flow::Action;
use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::recommend::{GroupRecommendation, ProfessionalHelp, GROUPS_NOTE};
use crate::scoring::{Assessment, DomainKind, DomainScore, ResultPart};

use super::contacts::{contact_list, emergency_link, ContactListProps, Which};
use super::elements::{click, h3, li, p};
use super::partner::partner_section;
use super::print::print_widget;
use super::safety_notice::{safety_notices, SafetyNoticesProps};

/// How many drivers to name under each area: the most important ones.
const DRIVERS_SHOWN: usize = 3;

/// What [`results_screen`] shows. `Properties` only so tests can mount it in a wrapper
/// component.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct ResultsProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// Whose help lines to show.
    pub region: Region,
    /// The result.
    pub assessment: Assessment,
    /// The heading, which takes focus when the screen appears.
    pub heading: NodeRef,
    /// The heading's text; "Your check-in" when not given (a saved one names its date).
    #[prop_or_default]
    pub title: Option<String>,
    /// A note under the heading, such as "made with an earlier version".
    #[prop_or_default]
    pub note: Option<Msg>,
    /// Buttons after Print; "Start a new check-in" when not given.
    #[prop_or_default]
    pub actions: Option<Html>,
    /// The partner's resources, shown after the groups (a new check-in's results only).
    #[prop_or_default]
    pub partner: Option<Rc<Partner>>,
    /// What the person did.
    pub on_action: Callback<Action>,
}

/// The results screen, for a new check-in and for a saved one. A plain function rather than a
/// component (it has no state of its own), keyed so that coming to it from another screen
/// builds it afresh, as the component was.
pub fn results_screen(props: &ResultsProps) -> Html {
    let locale = props.locale;
    let start_over = click(&props.on_action, Action::StartOver);
    let print = {
        let heading = props.heading.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(inside) = heading.cast::<web_sys::Element>() {
                print_widget(&inside);
            }
        })
    };
    html! {
        <section key="results" class="rc-screen rc-results" data-testid="results">
            <h2 class="rc-title" ref={props.heading.clone()} tabindex="-1">
                { props.title.clone().unwrap_or_else(|| locale.text(Msg::ResultTitle).to_owned()) }
            </h2>
            if let Some(note) = props.note {
                <p class="rc-note">{ locale.text(note) }</p>
            }
            { for props.assessment.parts().into_iter().map(|part| result_part(props, part)) }
            // Crisis lines close every result; where a safety message already listed them at the
            // top, the emergency number alone is repeated here.
            { crisis_lines(locale, props.region, !a_lists_crisis_lines(&props.assessment)) }
            <div class="rc-nav rc-no-print">
                <button type="button" class="rc-button rc-button-primary" data-testid="print" onclick={print}>
                    { locale.text(Msg::ResultsPrint) }
                </button>
                if let Some(actions) = props.actions.clone() {
                    { actions }
                } else {
                    <button type="button" class="rc-button rc-button-quiet" data-testid="start-over" onclick={start_over}>
                        { locale.text(Msg::ResultsStartOver) }
                    </button>
                }
            </div>
        </section>
    }
}

fn result_part(props: &ResultsProps, part: ResultPart) -> Html {
    let locale = props.locale;
    let a = &props.assessment;
    match part {
        ResultPart::Safety => html! {
            <div class="rc-result-safety" data-part="safety">
                { safety_notices(&SafetyNoticesProps { locale, region: props.region, blocks: a.safety.clone(), heading_level: 3, on_dismiss: None }) }
            </div>
        },
        ResultPart::Band => band(locale, a),
        ResultPart::Strengths => html! {
            <section class="rc-result-part" data-part="strengths">
                { h3(locale.text(Msg::ResultStrengthsTitle)) }
                if a.strengths.is_empty() {
                    { p(locale.text(Msg::ResultsNoStrengths)) }
                } else {
                    <ul class="rc-strengths">
                        { for a.strengths.iter().map(|s| li(locale.text(s.text))) }
                    </ul>
                }
            </section>
        },
        ResultPart::Domains => html! {
            <section class="rc-result-part" data-part="domains">
                { h3(locale.text(Msg::ResultsDomainsHeading)) }
                { for [DomainKind::Stressors, DomainKind::Supports, DomainKind::Motivation]
                    .into_iter()
                    .map(|kind| domain(locale, kind, domain_score(a, kind))) }
            </section>
        },
        ResultPart::NextSteps => html! {
            <section class="rc-result-part" data-part="next-steps">
                { h3(locale.text(Msg::ResultStepsTitle)) }
                <ul class="rc-steps">
                    { for a.next_steps.iter().map(|step| li(locale.text(step.text))) }
                </ul>
            </section>
        },
        ResultPart::ProfessionalHelp => professional(locale, props.region, &a.professional),
        ResultPart::Groups => html! {
            <>
                { groups(locale, props.region, &a.groups) }
                if let Some(partner) = &props.partner {
                    { partner_section(locale, partner) }
                }
            </>
        },
        ResultPart::About => html! {
            <section class="rc-result-part rc-about" data-part="about">
                { for a.about().into_iter().map(|msg| p(locale.text(msg))) }
            </section>
        },
    }
}

fn domain_score(a: &Assessment, kind: DomainKind) -> Option<&DomainScore> {
    match kind {
        DomainKind::Stressors => a.stressors.as_ref(),
        DomainKind::Supports => a.supports.as_ref(),
        DomainKind::Motivation => a.motivation.as_ref(),
    }
}

fn band(locale: Locale, a: &Assessment) -> Html {
    html! {
        <section class="rc-result-part rc-band" data-part="band">
            { h3(locale.text(Msg::ResultsBandHeading)) }
            if let Some(band) = a.band {
                <p class="rc-band-name" data-band={band.as_str()}>{ locale.text(band.name()) }</p>
                { p(locale.text(band.meaning())) }
                if !a.warning_signs.is_empty() {
                    <h4>{ locale.text(Msg::ResultWarningSignsTitle) }</h4>
                    <ul>
                        { for a.warning_signs.iter().map(|sign| li(locale.text(sign.text()))) }
                    </ul>
                }
            } else {
                { p(locale.text(Msg::BandNotEnough)) }
            }
        </section>
    }
}

/// One area as a labelled `<meter>`: its value is read out, and `low`/`high`/`optimum` tell
/// the browser which end is good, so the colour follows the meaning, not only the number.
fn domain(locale: Locale, kind: DomainKind, score: Option<&DomainScore>) -> Html {
    let name = locale.text(kind.name());
    let Some(score) = score else {
        return html! {
            <div class="rc-domain" data-domain={kind.as_str()}>
                <h4 class="rc-domain-name">{ name }</h4>
                { p(locale.text(Msg::ResultsNoScore)) }
            </div>
        };
    };
    let value = score.score.to_string();
    let label = locale.format(Msg::ResultsScoreLabel, &[("domain", name), ("score", &value)]);
    // For stressors low is good; for supports and motivation high is good.
    let optimum = if kind == DomainKind::Stressors { "0" } else { "100" };
    let detail = locale.format(
        Msg::DomainScore,
        &[
            ("score", &value),
            ("answered", &score.answered.to_string()),
            ("total", &score.total.to_string()),
        ],
    );
    html! {
        <div class="rc-domain" data-domain={kind.as_str()} data-score={value.clone()}>
            <h4 class="rc-domain-name">{ name }</h4>
            <meter class="rc-meter" min="0" max="100" low="34" high="66" {optimum} value={value} aria-label={label} />
            <p class="rc-domain-detail">{ locale.text(kind.about()) }</p>
            <p class="rc-domain-detail">{ detail }</p>
            if score.drivers.is_empty() {
                <p class="rc-domain-drivers-none">{ locale.text(Msg::ResultsNoDrivers) }</p>
            } else {
                <p class="rc-domain-drivers-title">{ locale.text(Msg::ResultsDriversHeading) }</p>
                <ul class="rc-drivers">
                    { for score.drivers.iter().take(DRIVERS_SHOWN).map(|d| li(locale.text(d.text))) }
                </ul>
            }
        </div>
    }
}

fn professional(locale: Locale, region: Region, help: &ProfessionalHelp) -> Html {
    html! {
        <section class="rc-result-part" data-part="professional" data-first={help.first.to_string()}>
            { h3(locale.text(Msg::ProTitle)) }
            if help.first {
                <p class="rc-emphasis">{ locale.text(Msg::ProFirst) }</p>
            }
            { p(&locale.format(Msg::ResultsWhen, &[("urgency", locale.text(help.urgency.text()))])) }
            { for help.reasons.iter().map(|r| p(locale.text(*r))) }
            <ul class="rc-pro-kinds">
                { for help.kinds.iter().map(|kind| html! {
                    <li>
                        <strong class="rc-pro-kind">{ locale.text(kind.name()) }</strong>
                        <span class="rc-pro-kind-about">{ locale.text(kind.about()) }</span>
                    </li>
                }) }
            </ul>
            { p(locale.text(help.crisis_note)) }
            { p(locale.text(Msg::ProFind)) }
            { contact_list(&ContactListProps { locale, region, which: Which::Help, heading_level: 4 }) }
        </section>
    }
}

fn groups(locale: Locale, region: Region, groups: &[GroupRecommendation]) -> Html {
    html! {
        <section class="rc-result-part" data-part="groups">
            { h3(locale.text(Msg::GroupsTitle)) }
            { p(locale.text(GROUPS_NOTE)) }
            <ol class="rc-groups">
                { for groups.iter().map(|g| html! {
                    <li class="rc-group" data-group={g.group.as_str()}>
                        <h4 class="rc-group-name">{ locale.text(g.group.name()) }</h4>
                        <p class="rc-group-fit">{ locale.text(g.fit.text()) }</p>
                        { p(locale.text(g.group.about())) }
                        if !g.reasons.is_empty() {
                            <ul class="rc-reasons">
                                { for g.reasons.iter().map(|r| li(locale.text(*r))) }
                            </ul>
                        }
                        { examples(locale, region, g) }
                    </li>
                }) }
            </ol>
        </section>
    }
}

fn examples(locale: Locale, region: Region, group: &GroupRecommendation) -> Html {
    let examples = group.examples_in(region);
    if examples.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <p class="rc-examples-title">{ locale.text(Msg::GroupsExamples) }</p>
            <ul class="rc-examples">
                { for examples.into_iter().map(|e| html! {
                    <li>
                        if let Some(url) = e.url {
                            <a class="rc-link" href={url} target="_blank" rel="noopener noreferrer">{ locale.text(e.name) }</a>
                        } else {
                            <strong>{ locale.text(e.name) }</strong>
                        }
                        <span class="rc-example-about">{ locale.text(e.about) }</span>
                    </li>
                }) }
            </ul>
        </>
    }
}

fn a_lists_crisis_lines(assessment: &Assessment) -> bool {
    assessment.safety.iter().any(|b| b.show_crisis_contacts)
}

fn crisis_lines(locale: Locale, region: Region, with_list: bool) -> Html {
    html! {
        <section class="rc-result-part rc-result-crisis" data-part="crisis">
            { h3(locale.text(Msg::ResultsCrisisHeading)) }
            <p>{ emergency_link(locale, region) }</p>
            if with_list {
                { contact_list(&ContactListProps { locale, region, which: Which::Crisis, heading_level: 4 }) }
            }
        </section>
    }
}
