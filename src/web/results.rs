//! The result of a check-in: safety first, then the band, what is going well, the three areas,
//! next steps, professional help and groups (in the order [`Assessment::parts`] gives), crisis
//! lines, and the note that this is a self-check, not a diagnosis.

use std::rc::Rc;

use yew::prelude::*;

use crate::decimal::decimal;
use crate::embed::Partner;
use crate::flow::Action;
use crate::help::Region;
use crate::i18n::{Locale, Msg};
use crate::recommend::{GroupRecommendation, ProfessionalHelp, GROUPS_NOTE};
use crate::scoring::{Assessment, DomainKind, DomainScore, ResultPart};

use super::contacts::{contact_list, emergency_link, Which};
use super::elements::{button, click, title};
use super::markup::Markup;
use super::partner::partner_section;
use super::print::print_widget;
use super::safety_notice::safety_notices;

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
/// builds it afresh, as the component was. The parts between the heading and the buttons only
/// show words: they are written as markup ([`Markup`]), all but the partner's section.
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
            { title(&props.heading, props.title.as_deref().unwrap_or(locale.text(Msg::ResultTitle))) }
            { parts(props) }
            <div class="rc-nav rc-no-print">
                { button("rc-button rc-button-primary", "print", print, locale.text(Msg::ResultsPrint)) }
                if let Some(actions) = props.actions.clone() {
                    { actions }
                } else {
                    { button("rc-button rc-button-quiet", "start-over", start_over, locale.text(Msg::ResultsStartOver)) }
                }
            </div>
        </section>
    }
}

/// The note under the heading, the parts in [`Assessment::parts`]'s order, the partner's
/// section after the groups, and the crisis lines that close every result.
fn parts(props: &ResultsProps) -> Html {
    let locale = props.locale;
    let region = props.region;
    let a = &props.assessment;
    let mut m = Markup::default();
    let mut nodes = Vec::new();
    if let Some(note) = props.note {
        m.element("<p class=\"rc-note\">", locale.text(note), "</p>");
    }
    for part in a.parts() {
        match part {
            ResultPart::Safety => {
                m.raw("<div data-part=\"safety\" class=\"rc-result-safety\">");
                safety_notices(&mut m, locale, region, &a.safety, 3);
                m.raw("</div>");
            }
            ResultPart::Band => band(&mut m, locale, a),
            ResultPart::Strengths => {
                m.raw("<section data-part=\"strengths\" class=\"rc-result-part\">");
                m.h3(locale.text(Msg::ResultStrengthsTitle));
                if a.strengths.is_empty() {
                    m.p(locale.text(Msg::ResultsNoStrengths));
                } else {
                    m.raw("<ul class=\"rc-strengths\">");
                    for s in &a.strengths {
                        m.li(locale.text(s.text));
                    }
                    m.raw("</ul>");
                }
                m.raw("</section>");
            }
            ResultPart::Domains => {
                m.raw("<section data-part=\"domains\" class=\"rc-result-part\">");
                m.h3(locale.text(Msg::ResultsDomainsHeading));
                for kind in [DomainKind::Stressors, DomainKind::Supports, DomainKind::Motivation] {
                    domain(&mut m, locale, kind, domain_score(a, kind));
                }
                m.raw("</section>");
            }
            ResultPart::NextSteps => {
                m.raw("<section data-part=\"next-steps\" class=\"rc-result-part\">");
                m.h3(locale.text(Msg::ResultStepsTitle));
                m.raw("<ul class=\"rc-steps\">");
                for step in &a.next_steps {
                    m.li(locale.text(step.text));
                }
                m.raw("</ul></section>");
            }
            ResultPart::ProfessionalHelp => professional(&mut m, locale, region, &a.professional),
            ResultPart::Groups => {
                groups(&mut m, locale, region, &a.groups);
                // What the partner wrote is never written as markup: Yew makes text nodes of it.
                if let Some(partner) = &props.partner {
                    nodes.push(m.take());
                    nodes.push(partner_section(locale, partner));
                }
            }
            ResultPart::About => {
                m.raw("<section data-part=\"about\" class=\"rc-result-part rc-about\">");
                for msg in a.about() {
                    m.p(locale.text(msg));
                }
                m.raw("</section>");
            }
        }
    }
    // Crisis lines close every result; where a safety message already listed them at the top,
    // the emergency number alone is repeated here.
    m.raw("<section data-part=\"crisis\" class=\"rc-result-part rc-result-crisis\">");
    m.h3(locale.text(Msg::ResultsCrisisHeading));
    m.raw("<p>");
    emergency_link(&mut m, locale, region);
    m.raw("</p>");
    if !a.safety.iter().any(|b| b.show_crisis_contacts) {
        contact_list(&mut m, locale, region, Which::Crisis, 4);
    }
    m.raw("</section>");
    nodes.push(m.take());
    nodes.into_iter().collect()
}

fn domain_score(a: &Assessment, kind: DomainKind) -> Option<&DomainScore> {
    match kind {
        DomainKind::Stressors => a.stressors.as_ref(),
        DomainKind::Supports => a.supports.as_ref(),
        DomainKind::Motivation => a.motivation.as_ref(),
    }
}

fn band(m: &mut Markup, locale: Locale, a: &Assessment) {
    m.raw("<section data-part=\"band\" class=\"rc-result-part rc-band\">");
    m.h3(locale.text(Msg::ResultsBandHeading));
    if let Some(band) = a.band {
        m.raw("<p data-band=\"");
        m.text(band.as_str());
        m.element("\" class=\"rc-band-name\">", locale.text(band.name()), "</p>");
        m.p(locale.text(band.meaning()));
        if !a.warning_signs.is_empty() {
            m.element("<h4>", locale.text(Msg::ResultWarningSignsTitle), "</h4>");
            m.raw("<ul>");
            for sign in &a.warning_signs {
                m.li(locale.text(sign.text()));
            }
            m.raw("</ul>");
        }
    } else {
        m.p(locale.text(Msg::BandNotEnough));
    }
    m.raw("</section>");
}

/// One area as a labelled `<meter>`: its value is read out, and `low`/`high`/`optimum` tell
/// the browser which end is good, so the colour follows the meaning, not only the number.
fn domain(m: &mut Markup, locale: Locale, kind: DomainKind, score: Option<&DomainScore>) {
    let name = locale.text(kind.name());
    m.raw("<div data-domain=\"");
    m.text(kind.as_str());
    let Some(score) = score else {
        m.raw("\" class=\"rc-domain\">");
        m.element("<h4 class=\"rc-domain-name\">", name, "</h4>");
        m.p(locale.text(Msg::ResultsNoScore));
        m.raw("</div>");
        return;
    };
    let value = decimal(u64::from(score.score));
    m.raw("\" data-score=\"");
    m.text(&value);
    m.raw("\" class=\"rc-domain\">");
    m.element("<h4 class=\"rc-domain-name\">", name, "</h4>");
    // For stressors low is good; for supports and motivation high is good.
    m.raw(if kind == DomainKind::Stressors {
        "<meter min=\"0\" max=\"100\" low=\"34\" high=\"66\" optimum=\"0\" aria-label=\""
    } else {
        "<meter min=\"0\" max=\"100\" low=\"34\" high=\"66\" optimum=\"100\" aria-label=\""
    });
    m.text(&locale.format(Msg::ResultsScoreLabel, &[("domain", name), ("score", &value)]));
    m.raw("\" value=\"");
    m.text(&value);
    m.raw("\" class=\"rc-meter\"></meter>");
    m.element("<p class=\"rc-domain-detail\">", locale.text(kind.about()), "</p>");
    let detail = locale.format(
        Msg::DomainScore,
        &[
            ("score", &value),
            ("answered", &decimal(u64::from(score.answered))),
            ("total", &decimal(u64::from(score.total))),
        ],
    );
    m.element("<p class=\"rc-domain-detail\">", &detail, "</p>");
    if score.drivers.is_empty() {
        m.element(
            "<p class=\"rc-domain-drivers-none\">",
            locale.text(Msg::ResultsNoDrivers),
            "</p>",
        );
    } else {
        m.element(
            "<p class=\"rc-domain-drivers-title\">",
            locale.text(Msg::ResultsDriversHeading),
            "</p>",
        );
        m.raw("<ul class=\"rc-drivers\">");
        for d in score.drivers.iter().take(DRIVERS_SHOWN) {
            m.li(locale.text(d.text));
        }
        m.raw("</ul>");
    }
    m.raw("</div>");
}

fn professional(m: &mut Markup, locale: Locale, region: Region, help: &ProfessionalHelp) {
    m.raw(if help.first {
        "<section data-part=\"professional\" data-first=\"true\" class=\"rc-result-part\">"
    } else {
        "<section data-part=\"professional\" data-first=\"false\" class=\"rc-result-part\">"
    });
    m.h3(locale.text(Msg::ProTitle));
    if help.first {
        m.element("<p class=\"rc-emphasis\">", locale.text(Msg::ProFirst), "</p>");
    }
    m.p(&locale.format(Msg::ResultsWhen, &[("urgency", locale.text(help.urgency.text()))]));
    for r in &help.reasons {
        m.p(locale.text(*r));
    }
    m.raw("<ul class=\"rc-pro-kinds\">");
    for kind in &help.kinds {
        m.element(
            "<li><strong class=\"rc-pro-kind\">",
            locale.text(kind.name()),
            "</strong>",
        );
        m.element(
            "<span class=\"rc-pro-kind-about\">",
            locale.text(kind.about()),
            "</span></li>",
        );
    }
    m.raw("</ul>");
    m.p(locale.text(help.crisis_note));
    m.p(locale.text(Msg::ProFind));
    contact_list(m, locale, region, Which::Help, 4);
    m.raw("</section>");
}

fn groups(m: &mut Markup, locale: Locale, region: Region, groups: &[GroupRecommendation]) {
    m.raw("<section data-part=\"groups\" class=\"rc-result-part\">");
    m.h3(locale.text(Msg::GroupsTitle));
    m.p(locale.text(GROUPS_NOTE));
    m.raw("<ol class=\"rc-groups\">");
    for g in groups {
        m.raw("<li data-group=\"");
        m.text(g.group.as_str());
        m.raw("\" class=\"rc-group\">");
        m.element("<h4 class=\"rc-group-name\">", locale.text(g.group.name()), "</h4>");
        m.element("<p class=\"rc-group-fit\">", locale.text(g.fit.text()), "</p>");
        m.p(locale.text(g.group.about()));
        if !g.reasons.is_empty() {
            m.raw("<ul class=\"rc-reasons\">");
            for r in &g.reasons {
                m.li(locale.text(*r));
            }
            m.raw("</ul>");
        }
        examples(m, locale, region, g);
        m.raw("</li>");
    }
    m.raw("</ol></section>");
}

fn examples(m: &mut Markup, locale: Locale, region: Region, group: &GroupRecommendation) {
    let examples = group.examples_in(region);
    if examples.is_empty() {
        return;
    }
    m.element(
        "<p class=\"rc-examples-title\">",
        locale.text(Msg::GroupsExamples),
        "</p>",
    );
    m.raw("<ul class=\"rc-examples\">");
    for e in examples {
        m.raw("<li>");
        if let Some(url) = e.url {
            m.raw("<a href=\"");
            m.text(url);
            m.element(
                "\" target=\"_blank\" rel=\"noopener noreferrer\" class=\"rc-link\">",
                locale.text(e.name),
                "</a>",
            );
        } else {
            m.element("<strong>", locale.text(e.name), "</strong>");
        }
        m.element(
            "<span class=\"rc-example-about\">",
            locale.text(e.about),
            "</span></li>",
        );
    }
    m.raw("</ul>");
}
