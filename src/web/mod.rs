//! The thin Yew layer: mounts the widget and renders the domain's state.
//!
//! One component per file: [`app`] holds the state and routes events, the others only render
//! what they are given. [`element`] is the wasm half of the `<recovery-checkin>` custom element
//! (`embed/loader.js` is the other half): each widget on a page is an app in its own shadow root.

pub mod app;
pub mod contacts;
pub mod crisis_panel;
pub mod element;
pub mod elements;
pub mod header;
pub mod history;
pub mod local_store;
pub mod lock;
pub mod markup;
pub mod partner;
pub mod print;
pub mod progress;
pub mod question;
pub mod results;
pub mod review;
pub mod safety_notice;
pub mod saved_result;
pub mod saving;
pub mod trend_chart;
pub mod welcome;

use std::cell::Cell;

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

/// A prefix for element ids that is unique among the widgets on one page. Each widget has its
/// own shadow root, where ids need only be unique inside it; unique ones cost nothing and keep
/// a widget mounted without one (the browser tests) apart from the others.
pub fn next_id_prefix() -> String {
    NEXT_INSTANCE.with(|next| {
        let n = next.get();
        next.set(n + 1);
        ["rc", &crate::decimal::decimal(u64::from(n))].concat()
    })
}
