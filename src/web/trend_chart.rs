//! The three areas over time: an SVG chart and, for anyone who cannot see it, the same numbers
//! as a table. The chart's markup comes whole from the domain ([`trend_svg`]); this puts it on
//! the page and adds the legend and the table.

use crate::decimal::decimal;
use crate::i18n::{Locale, Msg};
use crate::scoring::DomainKind;
use crate::storage::history::DOMAINS;
use crate::storage::trend_svg::trend_svg;
use crate::storage::TrendPoint;

use super::markup::Markup;
use super::saving::format_date;

/// Writes the chart and its table: `points` are the check-ins' scores, oldest first; the table
/// lists the newest `rows` (the chart draws them all); `id_prefix` is unique among the widgets on
/// the page.
///
/// The `<svg>` comes whole from the domain ([`trend_svg`]), where every text in it is escaped
/// and tests check it; the legend and the table are written here, all as markup ([`Markup`]):
/// nothing in them is interactive. Yew replaces them only when the markup changes.
pub fn trend_chart(m: &mut Markup, locale: Locale, points: &[TrendPoint], rows: usize, id_prefix: &str) {
    if points.len() < 2 {
        m.element(
            "<p class=\"rc-trend-wait\">",
            locale.text(Msg::HistoryTrendWait),
            "</p>",
        );
        return;
    }
    let date = |at: i64| format_date(locale, at);
    m.raw("<div data-testid=\"trend\" class=\"rc-trend\">");
    m.escaped(&trend_svg(points, locale, id_prefix, &date));
    m.raw("<ul class=\"rc-legend\">");
    // Each entry has its line's class, so its swatch takes the line's colour.
    for d in DOMAINS {
        m.raw(match d {
            DomainKind::Stressors => "<li class=\"rc-line rc-line-stressors\">",
            DomainKind::Supports => "<li class=\"rc-line rc-line-supports\">",
            DomainKind::Motivation => "<li class=\"rc-line rc-line-motivation\">",
        });
        m.element(
            "<span class=\"rc-legend-swatch\"></span>",
            locale.text(d.name()),
            "</li>",
        );
    }
    m.raw("</ul><table class=\"rc-trend-table\">");
    m.element("<caption>", locale.text(Msg::HistoryTableCaption), "</caption>");
    m.element("<thead><tr><th scope=\"col\">", locale.text(Msg::HistoryDate), "</th>");
    for d in DOMAINS {
        m.element("<th scope=\"col\">", locale.text(d.name()), "</th>");
    }
    m.raw("</tr></thead><tbody>");
    let no_score = locale.text(Msg::HistoryNoScore);
    for p in points.iter().rev().take(rows) {
        m.element("<tr><th scope=\"row\">", &format_date(locale, p.at), "</th>");
        for score in [p.stressors, p.supports, p.motivation] {
            m.element(
                "<td>",
                &score.map_or_else(|| no_score.to_owned(), |s| decimal(u64::from(s))),
                "</td>",
            );
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table></div>");
}
