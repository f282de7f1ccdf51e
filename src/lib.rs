//! Recovery Check-in: a private relapse-risk self-check that runs in the browser.
//!
//! A person in or near recovery answers a short check-in on their stressors, supports and
//! motivation; the widget shows what raises and lowers their risk of a relapse right now and
//! where to find support, with crisis contacts always one step away. Nothing leaves the device.
//!
//! # Module map
//!
//! The pure domain compiles and is tested natively (`cargo test --no-default-features`); it
//! knows nothing of the browser.
//!
//! | module | what it holds |
//! |---|---|
//! | [`i18n`] | translation catalogs (`content/locales/*.toml`) as the [`i18n::Msg`] enum and [`i18n::Locale`] |
//! | [`help`] | crisis and help contacts by region (`content/help-contacts.toml`) |
//! | `web` | (feature `web`) the thin Yew layer: mounting, the app, one component per file |
//!
//! # Conventions
//!
//! - Content is data: texts, contacts and (later) the questionnaire live in `content/` and are
//!   turned into Rust by `build.rs`. No text a person reads is written in Rust code.
//! - The domain never panics on outside input (storage, attributes, imported files): it
//!   returns errors, and the web layer shows them in plain words.
//! - Components take data and `Callback<T>` props; state changes go through the app's reducer.

pub mod help;
pub mod i18n;

#[cfg(feature = "web")]
pub mod web;
