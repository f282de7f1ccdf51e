//! The three areas over time: an SVG chart and, for anyone who cannot see it, the same numbers
//! as a table. The geometry comes from the domain ([`chart_points`]); this only draws it.

use yew::prelude::*;

use crate::i18n::{Locale, Msg};
use crate::scoring::DomainKind;
use crate::storage::history::{tenths, DOMAINS};
use crate::storage::{chart_points, TrendPoint};

use super::saving::format_date;

/// The drawing's size in SVG units; it scales to the widget's width. Whole numbers, written
/// without float formatting.
const WIDTH: u16 = 560;
const HEIGHT: u16 = 200;
/// Up to this many check-ins each get a dot on every line.
const MAX_DOTS: usize = 60;
/// Room around the drawing for the labels.
const LEFT: u16 = 36;
const TOP: u16 = 12;
const BOTTOM: u16 = 28;
const RIGHT: u16 = 16;

/// An SVG coordinate to a tenth of a unit (finer does not show), with no `.0` on whole numbers.
fn coordinate(v: f64) -> String {
    let text = tenths(v);
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// What [`trend_chart`] draws.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendChartProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// The check-ins' scores, oldest first.
    pub points: Vec<TrendPoint>,
    /// How many of the newest to list in the table (the chart draws them all).
    pub rows: usize,
    /// Unique among widgets on the page.
    pub id_prefix: AttrValue,
}

/// A line's group in the chart, `<g class="rc-line rc-line-{domain}">`. Literal classes:
/// `html!` turns any other class into Yew's `Classes`, a hash set the wasm would carry for this
/// alone.
fn line_group(domain: DomainKind, inside: Html) -> Html {
    match domain {
        DomainKind::Stressors => html! { <g class="rc-line rc-line-stressors">{ inside }</g> },
        DomainKind::Supports => html! { <g class="rc-line rc-line-supports">{ inside }</g> },
        DomainKind::Motivation => html! { <g class="rc-line rc-line-motivation">{ inside }</g> },
    }
}

/// A line's entry in the legend, with the line's class so its swatch takes the line's colour.
fn legend_item(domain: DomainKind, inside: Html) -> Html {
    match domain {
        DomainKind::Stressors => html! { <li class="rc-line rc-line-stressors">{ inside }</li> },
        DomainKind::Supports => html! { <li class="rc-line rc-line-supports">{ inside }</li> },
        DomainKind::Motivation => html! { <li class="rc-line rc-line-motivation">{ inside }</li> },
    }
}

/// The chart and its table. A plain function rather than a component: it has no state of its
/// own, and each component type costs the wasm its own copy of Yew's component machinery.
pub fn trend_chart(props: &TrendChartProps) -> Html {
    let locale = props.locale;
    if props.points.len() < 2 {
        return html! { <p class="rc-trend-wait">{ locale.text(Msg::HistoryTrendWait) }</p> };
    }
    let chart = chart_points(&props.points, f64::from(WIDTH), f64::from(HEIGHT));
    let title_id = format!("{}-trend-title", props.id_prefix);
    let desc_id = format!("{}-trend-desc", props.id_prefix);
    let view_box = format!("0 0 {} {}", WIDTH + LEFT + RIGHT, HEIGHT + TOP + BOTTOM);
    let frame = format!("translate({LEFT} {TOP})");
    let score = |v: Option<u8>| v.map_or_else(|| locale.text(Msg::HistoryNoScore).to_owned(), |s| s.to_string());

    html! {
        <div class="rc-trend" data-testid="trend">
            <svg class="rc-trend-chart" viewBox={view_box} role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                <title id={title_id}>{ locale.text(Msg::HistoryTrendTitle) }</title>
                <desc id={desc_id}>{ locale.text(Msg::HistoryTrendDesc) }</desc>
                <g transform={frame}>
                    { for chart.y_ticks.iter().map(|t| html! {
                        <g class="rc-grid">
                            <line x1="0" x2={WIDTH.to_string()} y1={coordinate(t.y)} y2={coordinate(t.y)} />
                            <text x="-6" y={coordinate(t.y + 4.0)} text-anchor="end">{ t.value.to_string() }</text>
                        </g>
                    }) }
                    { for chart.x_ticks.iter().enumerate().map(|(i, t)| {
                        // The first and last dates sit at the edges: anchor them inwards so they show whole.
                        let anchor = if i == 0 { "start" } else if i + 1 == chart.x_ticks.len() { "end" } else { "middle" };
                        html! {
                            <text class="rc-axis-date" x={coordinate(t.x)} y={(HEIGHT + 20).to_string()} text-anchor={anchor}>
                                { format_date(locale, t.at) }
                            </text>
                        }
                    }) }
                    { for chart.lines.iter().map(|line| line_group(line.domain, html! {
                        <>
                            { for line.segments.iter().map(|points| html! { <polyline points={points.clone()} /> }) }
                            // Dots mark single points; past a few dozen they only crowd the line.
                            if line.dots.len() <= MAX_DOTS {
                                { for line.dots.iter().map(|d| html! { <circle cx={coordinate(d.x)} cy={coordinate(d.y)} r="4" /> }) }
                            }
                        </>
                    })) }
                </g>
            </svg>
            <ul class="rc-legend">
                { for DOMAINS.iter().map(|d| legend_item(*d, html! {
                    <><span class="rc-legend-swatch"></span>{ locale.text(d.name()) }</>
                })) }
            </ul>
            <table class="rc-trend-table">
                <caption>{ locale.text(Msg::HistoryTableCaption) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ locale.text(Msg::HistoryDate) }</th>
                        { for DOMAINS.iter().map(|d| html! { <th scope="col">{ locale.text(d.name()) }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.points.iter().rev().take(props.rows).map(|p| html! {
                        <tr>
                            <th scope="row">{ format_date(locale, p.at) }</th>
                            <td>{ score(p.stressors) }</td>
                            <td>{ score(p.supports) }</td>
                            <td>{ score(p.motivation) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
