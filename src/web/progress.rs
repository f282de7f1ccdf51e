//! How far along the check-in is: as text ("Question 7 of 28") and as a bar.

use yew::prelude::*;

use crate::decimal::decimal;
use crate::i18n::{Locale, Msg};

use super::markup::Markup;

/// What [`progress_bar`] shows. `Properties` only so tests can mount it in a wrapper component.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct ProgressProps {
    /// The language texts are shown in.
    pub locale: Locale,
    /// The question's place among the questions shown, from 1.
    pub position: usize,
    /// How many questions are shown, given the answers so far.
    pub total: usize,
}

/// The progress line and bar. A native `<progress>`, so no inline style is needed for its
/// width and assistive technology reads its value.
/// A plain function rather than a component: it has no state of its own, and each component
/// type costs the wasm its own copy of Yew's component machinery.
pub fn progress_bar(props: &ProgressProps) -> Html {
    let mut m = Markup::default();
    write_progress(&mut m, props.locale, props.position, props.total);
    m.take()
}

/// Writes the progress line and bar (words and a bar only, so written as markup; see
/// [`Markup`]).
pub fn write_progress(m: &mut Markup, locale: Locale, position: usize, total: usize) {
    let (position, total) = (decimal(position as u64), decimal(total as u64));
    let label = locale.format(Msg::FlowProgress, &[("position", &position), ("total", &total)]);
    m.element(
        "<div data-testid=\"progress\" class=\"rc-progress\"><p class=\"rc-progress-text\">",
        &label,
        "</p><progress max=\"",
    );
    m.text(&total);
    m.raw("\" aria-label=\"");
    m.text(locale.text(Msg::FlowProgressLabel));
    m.raw("\" aria-valuetext=\"");
    m.text(&label);
    m.raw("\" value=\"");
    m.text(&position);
    m.raw("\" class=\"rc-progress-bar\"></progress></div>");
}
