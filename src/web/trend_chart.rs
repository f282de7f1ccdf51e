//! The three areas over time: an SVG chart and, for anyone who cannot see it, the same numbers
//! as a table. The chart's markup comes whole from the domain ([`trend_svg`]); this puts it on
//! the page and adds the legend and the table.

use yew::prelude::*;

use crate::i18n::{Locale, Msg};
use crate::scoring::DomainKind;
use crate::storage::history::DOMAINS;
use crate::storage::trend_svg::trend_svg;
use crate::storage::TrendPoint;

use super::saving::format_date;

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

/// A line's entry in the legend, with the line's class so its swatch takes the line's colour
/// (the classes [`crate::storage::trend_svg::line_class`] gives the lines). Literal classes:
/// `html!` turns any other class into Yew's `Classes`, a hash set the wasm would carry for this
/// alone.
fn legend_item(domain: DomainKind, inside: Html) -> Html {
    match domain {
        DomainKind::Stressors => html! { <li class="rc-line rc-line-stressors">{ inside }</li> },
        DomainKind::Supports => html! { <li class="rc-line rc-line-supports">{ inside }</li> },
        DomainKind::Motivation => html! { <li class="rc-line rc-line-motivation">{ inside }</li> },
    }
}

/// The chart and its table. A plain function rather than a component: it has no state of its
/// own, and each component type costs the wasm its own copy of Yew's component machinery.
///
/// The `<svg>` goes in as markup (`Html::from_html_unchecked`): built by the domain, where
/// every text in it is escaped and tests check it, it costs the wasm a string's worth of code
/// instead of `html!`'s code for every line, dot and label. Yew replaces it only when the markup
/// changes.
pub fn trend_chart(props: &TrendChartProps) -> Html {
    let locale = props.locale;
    if props.points.len() < 2 {
        return html! { <p class="rc-trend-wait">{ locale.text(Msg::HistoryTrendWait) }</p> };
    }
    let date = |at: i64| format_date(locale, at);
    let svg = trend_svg(&props.points, locale, &props.id_prefix, &date);
    let score = |v: Option<u8>| v.map_or_else(|| locale.text(Msg::HistoryNoScore).to_owned(), |s| s.to_string());

    html! {
        <div class="rc-trend" data-testid="trend">
            { Html::from_html_unchecked(svg.into()) }
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
