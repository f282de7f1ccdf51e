//! The trend chart as SVG markup: one string the web layer puts on the page through one
//! element, instead of a virtual DOM node per line, dot and label.
//!
//! Built as text here, not with `html!`, because `html!` writes out the code that builds each
//! element where it appears: the chart was about 11 KB of WebAssembly that way. As a pure
//! function it is also tested natively: well-formed, every text escaped.
//!
//! The markup must stay within the widget's Content Security Policy (`style-src 'self'`): no
//! `style` attributes, no `<style>` or `<script>`; colours come from the classes in the
//! widget's stylesheet.

use crate::decimal::{decimal, push_decimal};
use crate::i18n::{Locale, Msg};
use crate::scoring::DomainKind;
use crate::storage::history::{chart_points, tenths, TrendPoint};

/// The drawing's size in SVG units; it scales to the widget's width. Whole numbers, written
/// without float formatting.
pub const WIDTH: u16 = 560;
/// See [`WIDTH`].
pub const HEIGHT: u16 = 200;
/// Up to this many check-ins each get a dot on every line; past a few dozen dots only crowd
/// the line.
pub const MAX_DOTS: usize = 60;
/// Room around the drawing for the labels: the scores' side is the wider (the left, or the
/// right in a right-to-left language).
const LEFT: u16 = 36;
const TOP: u16 = 12;
const BOTTOM: u16 = 28;
const RIGHT: u16 = 16;

/// The chart of `points` (oldest first), as an `<svg>` element with its title and description
/// (`role="img"`, named by both through `aria-labelledby`; the table next to it has the same
/// numbers for anyone who cannot see it).
///
/// `id_prefix` makes the title's and description's ids unique among widgets on a page; `date`
/// writes a date (milliseconds since the Unix epoch) in the person's language, which only the
/// browser knows how to do. Every text and attribute value is escaped.
///
/// In a right-to-left language the chart is mirrored: time runs from right to left and the
/// scores are on the right. Its text anchors stay as they are, since the browser reads `start`
/// and `end` in the direction of the language, which the chart inherits from the widget.
pub fn trend_svg(points: &[TrendPoint], locale: Locale, id_prefix: &str, date: &dyn Fn(i64) -> String) -> String {
    let rtl = locale.dir() == "rtl";
    let chart = chart_points(points, f64::from(WIDTH), f64::from(HEIGHT), rtl);
    let title_id = [id_prefix, "-trend-title"].concat();
    let desc_id = [id_prefix, "-trend-desc"].concat();
    let mut svg = Svg {
        out: String::with_capacity(1024 + 64 * points.len()),
        in_start_tag: false,
    };

    svg.open("svg");
    svg.attr("class", "rc-trend-chart");
    svg.attr(
        "viewBox",
        &two_numbers("0 0 ", WIDTH + LEFT + RIGHT, HEIGHT + TOP + BOTTOM, ""),
    );
    svg.attr("role", "img");
    svg.attr("aria-labelledby", &[title_id.as_str(), " ", &desc_id].concat());
    svg.attr("focusable", "false");
    svg.text_element("title", &[("id", &title_id)], locale.text(Msg::HistoryTrendTitle));
    svg.text_element("desc", &[("id", &desc_id)], locale.text(Msg::HistoryTrendDesc));
    svg.open("g");
    svg.attr(
        "transform",
        &two_numbers("translate(", if rtl { RIGHT } else { LEFT }, TOP, ")"),
    );

    let width = decimal(u64::from(WIDTH));
    // The scores just outside the grid, on the side the language starts from.
    let score_x = if rtl {
        decimal(u64::from(WIDTH + 6))
    } else {
        String::from("-6")
    };
    for tick in &chart.y_ticks {
        svg.open("g");
        svg.attr("class", "rc-grid");
        let y = coordinate(tick.y);
        svg.empty_element("line", &[("x1", "0"), ("x2", &width), ("y1", &y), ("y2", &y)]);
        svg.text_element(
            "text",
            &[
                ("x", &score_x),
                ("y", &coordinate(tick.y + 4.0)),
                ("text-anchor", "end"),
            ],
            &decimal(u64::from(tick.value)),
        );
        svg.close("g");
    }

    let date_y = decimal(u64::from(HEIGHT + 20));
    let last = chart.x_ticks.len().saturating_sub(1);
    for (i, tick) in chart.x_ticks.iter().enumerate() {
        // The first and last dates sit at the edges: anchor them inwards so they show whole.
        let anchor = if i == 0 {
            "start"
        } else if i == last {
            "end"
        } else {
            "middle"
        };
        svg.text_element(
            "text",
            &[
                ("class", "rc-axis-date"),
                ("x", &coordinate(tick.x)),
                ("y", &date_y),
                ("text-anchor", anchor),
            ],
            &date(tick.at),
        );
    }

    for line in &chart.lines {
        svg.open("g");
        svg.attr("class", line_class(line.domain));
        for points in &line.segments {
            svg.empty_element("polyline", &[("points", points)]);
        }
        if line.dots.len() <= MAX_DOTS {
            for dot in &line.dots {
                svg.empty_element(
                    "circle",
                    &[("cx", &coordinate(dot.x)), ("cy", &coordinate(dot.y)), ("r", "4")],
                );
            }
        }
        svg.close("g");
    }

    svg.close("g");
    svg.close("svg");
    svg.out
}

/// The class of a domain's line and of its legend entry, which takes the line's colour.
pub fn line_class(domain: DomainKind) -> &'static str {
    match domain {
        DomainKind::Stressors => "rc-line rc-line-stressors",
        DomainKind::Supports => "rc-line rc-line-supports",
        DomainKind::Motivation => "rc-line rc-line-motivation",
    }
}

/// An SVG coordinate to a tenth of a unit (finer does not show), with no `.0` on whole numbers.
/// `before`, `a`, a space, `b`, `after`: what `format!` would write, without `core::fmt`.
fn two_numbers(before: &str, a: u16, b: u16, after: &str) -> String {
    let mut out = String::from(before);
    push_decimal(&mut out, u64::from(a));
    out.push(' ');
    push_decimal(&mut out, u64::from(b));
    out.push_str(after);
    out
}

fn coordinate(v: f64) -> String {
    let mut text = tenths(v);
    if text.ends_with(".0") {
        text.truncate(text.len() - 2);
    }
    text
}

/// Markup being written. Each start tag is left open (`<name a="v"`) until its first child or
/// its end, so attributes can follow [`Svg::open`]; every element gets an explicit end tag.
struct Svg {
    out: String,
    /// Whether the last start tag still waits for its `>`.
    in_start_tag: bool,
}

impl Svg {
    /// Starts `<name`; attributes may follow.
    fn open(&mut self, name: &str) {
        self.end_start_tag();
        self.out.push('<');
        self.out.push_str(name);
        self.in_start_tag = true;
    }

    /// ` name="value"`, the value escaped.
    fn attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(&mut self.out, value);
        self.out.push('"');
    }

    /// Ends the start tag still open, if any.
    fn end_start_tag(&mut self) {
        if self.in_start_tag {
            self.out.push('>');
            self.in_start_tag = false;
        }
    }

    /// `</name>`.
    fn close(&mut self, name: &str) {
        self.end_start_tag();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// An element with attributes and nothing inside.
    fn empty_element(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.open(name);
        for (attr, value) in attrs {
            self.attr(attr, value);
        }
        self.close(name);
    }

    /// An element with attributes and text inside, the text escaped.
    fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name);
        for (attr, value) in attrs {
            self.attr(attr, value);
        }
        self.end_start_tag();
        escape_into(&mut self.out, text);
        self.close(name);
    }
}

/// Appends `text` with the five characters that mean something in markup written as
/// references, so it reads as text in element content and in quoted attribute values alike.
/// The web layer's markup writer (`web::markup`) escapes with it too.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(at: i64, s: Option<u8>, u: Option<u8>, m: Option<u8>) -> TrendPoint {
        TrendPoint {
            at,
            id: at.to_string(),
            stressors: s,
            supports: u,
            motivation: m,
        }
    }

    fn day(at: i64) -> String {
        format!("day {at}")
    }

    /// An element of parsed markup: its name, attributes in order, and children.
    #[derive(Debug, PartialEq)]
    enum Node {
        Element(String, Vec<(String, String)>, Vec<Node>),
        Text(String),
    }

    /// A strict parser for the subset of XML the chart uses: elements with double-quoted
    /// attributes and explicit end tags, text, and the five references [`escape_into`] writes.
    /// Panics on anything else, which is what a test of well-formedness wants.
    fn parse(markup: &str) -> Node {
        let mut stack: Vec<Node> = vec![Node::Element(String::new(), Vec::new(), Vec::new())];
        let mut rest = markup;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("</") {
                let end = after.find('>').expect("end tag closed");
                let name = &after[..end];
                let node = stack.pop().expect("an open element");
                let Node::Element(open, ..) = &node else { unreachable!() };
                assert_eq!(open, name, "end tag matches its start tag");
                match stack.last_mut() {
                    Some(Node::Element(_, _, kids)) => kids.push(node),
                    _ => panic!("end tag {name} without a start tag"),
                }
                rest = &after[end + 1..];
            } else if let Some(after) = rest.strip_prefix('<') {
                let end = after.find('>').expect("start tag closed");
                let tag = &after[..end];
                assert!(!tag.ends_with('/'), "explicit end tags only");
                let (name, mut attrs_text) = tag.split_once(' ').unwrap_or((tag, ""));
                assert!(
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()),
                    "name {name:?}"
                );
                let mut attrs = Vec::new();
                while !attrs_text.is_empty() {
                    let (attr, value) = attrs_text.split_once("=\"").expect("attribute=\"value\"");
                    let close = value.find('"').expect("value closed");
                    assert!(
                        attr.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                        "attribute name {attr:?}"
                    );
                    attrs.push((attr.to_owned(), unescape(&value[..close])));
                    attrs_text = value[close + 1..].strip_prefix(' ').unwrap_or(&value[close + 1..]);
                }
                stack.push(Node::Element(name.to_owned(), attrs, Vec::new()));
                rest = &after[end + 1..];
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                match stack.last_mut() {
                    Some(Node::Element(_, _, kids)) => kids.push(Node::Text(unescape(&rest[..end]))),
                    _ => unreachable!(),
                }
                rest = &rest[end..];
            }
        }
        assert_eq!(stack.len(), 1, "every element closed");
        let Some(Node::Element(_, _, mut top)) = stack.pop() else {
            unreachable!()
        };
        assert_eq!(top.len(), 1, "one root element");
        top.remove(0)
    }

    /// Text as it reads, checking that only the five known references appear and no raw `>`
    /// or quote does.
    fn unescape(text: &str) -> String {
        assert!(!text.contains(['<', '>', '"', '\'']), "unescaped markup in {text:?}");
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find('&') {
            out.push_str(&rest[..at]);
            let end = rest[at..].find(';').expect("reference closed") + at;
            out.push(match &rest[at..=end] {
                "&amp;" => '&',
                "&lt;" => '<',
                "&gt;" => '>',
                "&quot;" => '"',
                "&#39;" => '\'',
                other => panic!("unknown reference {other}"),
            });
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }

    fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, v)| (a.to_string(), v.to_string())).collect()
    }

    fn element(name: &str, pairs: &[(&str, &str)], kids: Vec<Node>) -> Node {
        Node::Element(name.to_owned(), attrs(pairs), kids)
    }

    fn text(name: &str, pairs: &[(&str, &str)], text: &str) -> Node {
        element(name, pairs, vec![Node::Text(text.to_owned())])
    }

    /// A date under the chart, as the widget draws it.
    fn date_label(x: &str, anchor: &str, label: &str) -> Node {
        text(
            "text",
            &[
                ("class", "rc-axis-date"),
                ("x", x),
                ("y", "220"),
                ("text-anchor", anchor),
            ],
            label,
        )
    }

    #[test]
    fn the_chart_is_the_markup_the_widget_always_drew() {
        // Two check-ins, the second without a supports score: every kind of element appears.
        let points = [
            point(0, Some(100), Some(0), Some(50)),
            point(10, Some(0), None, Some(75)),
        ];
        let svg = trend_svg(&points, Locale::En, "rc0", &day);
        let grid = |value: &str, y: &str, label_y: &str| {
            element(
                "g",
                &[("class", "rc-grid")],
                vec![
                    element("line", &[("x1", "0"), ("x2", "560"), ("y1", y), ("y2", y)], vec![]),
                    text("text", &[("x", "-6"), ("y", label_y), ("text-anchor", "end")], value),
                ],
            )
        };
        let circle = |cx: &str, cy: &str| element("circle", &[("cx", cx), ("cy", cy), ("r", "4")], vec![]);
        let polyline = |points: &str| element("polyline", &[("points", points)], vec![]);
        let expected = element(
            "svg",
            &[
                ("class", "rc-trend-chart"),
                ("viewBox", "0 0 612 240"),
                ("role", "img"),
                ("aria-labelledby", "rc0-trend-title rc0-trend-desc"),
                ("focusable", "false"),
            ],
            vec![
                text(
                    "title",
                    &[("id", "rc0-trend-title")],
                    Locale::En.text(Msg::HistoryTrendTitle),
                ),
                text(
                    "desc",
                    &[("id", "rc0-trend-desc")],
                    Locale::En.text(Msg::HistoryTrendDesc),
                ),
                element(
                    "g",
                    &[("transform", "translate(36 12)")],
                    vec![
                        grid("0", "200", "204"),
                        grid("25", "150", "154"),
                        grid("50", "100", "104"),
                        grid("75", "50", "54"),
                        grid("100", "0", "4"),
                        date_label("0", "start", "day 0"),
                        date_label("560", "end", "day 10"),
                        element(
                            "g",
                            &[("class", "rc-line rc-line-stressors")],
                            vec![polyline("0.0,0.0 560.0,200.0"), circle("0", "0"), circle("560", "200")],
                        ),
                        element(
                            "g",
                            &[("class", "rc-line rc-line-supports")],
                            vec![polyline("0.0,200.0"), circle("0", "200")],
                        ),
                        element(
                            "g",
                            &[("class", "rc-line rc-line-motivation")],
                            vec![
                                polyline("0.0,100.0 560.0,50.0"),
                                circle("0", "100"),
                                circle("560", "50"),
                            ],
                        ),
                    ],
                ),
            ],
        );
        assert_eq!(parse(&svg), expected);
        assert!(!svg.contains("style"), "no inline styles: the CSP forbids them");
        assert!(
            !svg.contains('\n') && !svg.contains("> <"),
            "no whitespace text between elements"
        );
    }

    #[test]
    fn every_text_and_value_is_escaped() {
        let points = [point(1, Some(1), Some(2), Some(3)), point(2, Some(4), Some(5), Some(6))];
        let nasty = |_: i64| String::from("<script>alert(\"x\" & 'y')</script>");
        let svg = trend_svg(&points, Locale::En, "a\"b<c>&'d", &nasty);
        assert!(!svg.contains("<script"));
        let Node::Element(_, attrs, kids) = parse(&svg) else {
            unreachable!()
        };
        assert!(attrs.contains(&(
            "aria-labelledby".to_owned(),
            "a\"b<c>&'d-trend-title a\"b<c>&'d-trend-desc".to_owned()
        )));
        let Node::Element(_, _, inside) = &kids[2] else {
            unreachable!()
        };
        let dates: Vec<&Node> = inside
            .iter()
            .filter(|n| matches!(n, Node::Element(name, a, _) if name == "text" && a[0].1 == "rc-axis-date"))
            .collect();
        assert_eq!(dates.len(), 2);
        for d in dates {
            let Node::Element(_, _, text) = d else { unreachable!() };
            assert_eq!(text, &[Node::Text(nasty(0))]);
        }
    }

    #[test]
    fn in_a_right_to_left_language_the_chart_is_mirrored() {
        let points = [
            point(0, Some(100), Some(0), Some(50)),
            point(10, Some(0), None, Some(75)),
        ];
        let svg = trend_svg(&points, Locale::ArXb, "rc0", &day);
        let Node::Element(_, _, kids) = parse(&svg) else {
            unreachable!()
        };
        let Node::Element(_, attrs, inside) = &kids[2] else {
            unreachable!()
        };
        // The wider margin, for the scores, is at the right now.
        assert_eq!(attrs, &[("transform".to_owned(), "translate(16 12)".to_owned())]);
        let grid = &inside[0];
        let Node::Element(_, _, grid_kids) = grid else {
            unreachable!()
        };
        assert_eq!(
            grid_kids[1],
            text("text", &[("x", "566"), ("y", "204"), ("text-anchor", "end")], "0"),
            "the scores right of the grid; `end` is their left in a right-to-left language"
        );
        // The oldest date at the right edge, its start (its right) there; the newest at the left.
        assert_eq!(inside[5], date_label("560", "start", "day 0"));
        assert_eq!(inside[6], date_label("0", "end", "day 10"));
        assert_eq!(
            inside[7],
            element(
                "g",
                &[("class", "rc-line rc-line-stressors")],
                vec![
                    element("polyline", &[("points", "560.0,0.0 0.0,200.0")], vec![]),
                    element("circle", &[("cx", "560"), ("cy", "0"), ("r", "4")], vec![]),
                    element("circle", &[("cx", "0"), ("cy", "200"), ("r", "4")], vec![]),
                ],
            )
        );
        // The same drawing size as left to right.
        assert!(svg.contains("viewBox=\"0 0 612 240\""));
    }

    #[test]
    fn a_long_trend_has_lines_but_no_dots_and_six_dates() {
        let few: Vec<TrendPoint> = (0..MAX_DOTS as i64).map(|i| point(i, Some(1), Some(2), None)).collect();
        let svg = trend_svg(&few, Locale::En, "rc1", &day);
        assert_eq!(
            svg.matches("<circle").count(),
            2 * MAX_DOTS,
            "a dot per score up to the limit"
        );
        assert_eq!(
            svg.matches("<polyline").count(),
            2,
            "no line for a domain without scores"
        );
        let many: Vec<TrendPoint> = (0..=MAX_DOTS as i64)
            .map(|i| point(i, Some(1), Some(2), Some(3)))
            .collect();
        let svg = trend_svg(&many, Locale::En, "rc1", &day);
        parse(&svg);
        assert_eq!(
            svg.matches("<circle").count(),
            0,
            "past the limit dots only crowd the lines"
        );
        assert_eq!(svg.matches("<polyline").count(), 3);
        assert_eq!(svg.matches("class=\"rc-axis-date\"").count(), 6);
        assert_eq!(svg.matches("text-anchor=\"start\"").count(), 1);
        assert_eq!(
            svg.matches("text-anchor=\"end\"").count(),
            1 + 5,
            "the last date and the grid labels"
        );
    }
}
