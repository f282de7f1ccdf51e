//! How far along the check-in is: as text ("Question 7 of 28") and as a bar.

use yew::prelude::*;

use crate::i18n::{Locale, Msg};

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
    let (position, total) = (props.position.to_string(), props.total.to_string());
    let label = props
        .locale
        .format(Msg::FlowProgress, &[("position", &position), ("total", &total)]);
    html! {
        <div class="rc-progress" data-testid="progress">
            <p class="rc-progress-text">{ label.clone() }</p>
            <progress
                class="rc-progress-bar"
                max={total}
                value={position}
                aria-label={props.locale.text(Msg::FlowProgressLabel)}
                aria-valuetext={label}
            />
        </div>
    }
}
