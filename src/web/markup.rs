//! Markup written as text, for the parts of the widget that only show words: no handler, no
//! focus target, nothing the partner wrote. The results, the help lines and safety messages are
//! most of the widget's elements; `html!` writes out the code that builds each element where it
//! appears, which made them the largest part of the wasm. Written as text they cost a call per
//! piece, and the browser builds the same elements from it (`Html::from_html_unchecked`, as the
//! trend chart is drawn). Every text and attribute value goes through [`Markup::text`], which
//! escapes it; the rest is literal markup in this crate's source.
//!
//! Attributes are written in the order `html!` sets them (`class` last), so the elements are
//! the same to the attribute.

use yew::prelude::*;

use crate::storage::trend_svg::escape_into;

/// Markup being written.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// Literal markup: tags and attributes as written in the source, never a text.
    #[inline(never)]
    pub fn raw(&mut self, markup: &'static str) {
        self.0.push_str(markup);
    }

    /// A text, escaped: the five characters that mean something in markup are written as
    /// references, so it reads as text in element content and in quoted attribute values alike.
    #[inline(never)]
    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.0, text);
    }

    /// Markup whose every text and attribute value was escaped where it was written, such as
    /// the trend chart's `<svg>` from the domain.
    pub fn escaped(&mut self, markup: &str) {
        self.0.push_str(markup);
    }

    /// `open`, a text, `close`: an element holding only text.
    #[inline(never)]
    pub fn element(&mut self, open: &'static str, text: &str, close: &'static str) {
        self.raw(open);
        self.text(text);
        self.raw(close);
    }

    /// `<p>{text}</p>`.
    pub fn p(&mut self, text: &str) {
        self.element("<p>", text, "</p>");
    }

    /// `<li>{text}</li>`.
    pub fn li(&mut self, text: &str) {
        self.element("<li>", text, "</li>");
    }

    /// `<h3>{text}</h3>`.
    pub fn h3(&mut self, text: &str) {
        self.element("<h3>", text, "</h3>");
    }

    /// What is written, as text (for an element's `innerHTML`).
    pub fn into_string(self) -> String {
        self.0
    }

    /// What is written so far, as nodes; the markup starts again empty.
    pub fn take(&mut self) -> Html {
        Html::from_html_unchecked(std::mem::take(&mut self.0).into())
    }
}
