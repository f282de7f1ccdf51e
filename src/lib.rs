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
//! | [`i18n`] | translation catalogs (`content/locales/*.toml`) as the [`i18n::Msg`] enum and [`i18n::Locale`]: English compiled in, other languages loaded as files; plurals, numbers, which language |
//! | [`help`] | crisis and help contacts by region (`content/help-contacts.toml`) |
//! | [`embed`] | the embed options a partner page sets (attributes, resources JSON), read and checked; warnings for the console |
//! | [`questionnaire`] | the check-in's questions, branching and points (`content/questionnaire.toml`), and their validator |
//! | [`answers`] | a person's answers keyed by question id, versioned for saving; missing is absent, never zero |
//! | [`flow`] | the screens (welcome, question, review, result) and the moves between them, for the UI's reducer |
//! | [`sort`] | one stable sort for the crate, compiled once instead of once per call site |
//! | [`decimal`] | whole numbers in decimal digits without `core::fmt` (smaller in the wasm than `to_string`) |
//! | [`shell`] | the widget's state around the check-in: the crisis panel, the region, storage notices, the import report, "keep nothing", the lock |
//! | [`session`] | the check-in state machine: answer, skip, next, back, progress, review, complete |
//! | [`scoring`] | `score(&answers) -> Assessment`: domain scores, band, drivers, strengths (`docs/method.md`) |
//! | [`safety`] | safety signs raised by answers and the crisis-first messages they bring |
//! | [`recommend`] | group types ranked for the person (`content/groups.toml`), professional help, next steps |
//! | [`storage`] | saved check-ins behind a [`storage::Store`] trait: namespaced versioned keys, migrations, history, trend, export and import; values under the lock (`embed/loader.js`) are left alone (`docs/storage.md`) |
//! | [`text`] | result texts as [`i18n::Msg`] plus values, rendered per locale and region; `Msg` saved by key |
//! | `web` | (feature `web`) the thin Yew layer: the custom element's wasm half, the app, one component per file |
//!
//! # Conventions
//!
//! - Content is data: texts, contacts, the questionnaire and the groups live in `content/` and are
//!   turned into Rust by `build.rs`. No text a person reads is written in Rust code.
//! - The domain never panics on outside input (storage, attributes, imported files): it
//!   returns errors, and the web layer shows them in plain words.
//! - Components take data and `Callback<T>` props; state changes go through the app's reducer.

pub mod answers;
pub mod decimal;
pub mod embed;
pub mod flow;
pub mod help;
pub mod i18n;
pub mod questionnaire;
pub mod recommend;
pub mod safety;
pub mod scoring;
pub mod session;
pub mod shell;
pub mod sort;
pub mod storage;
pub mod text;

#[cfg(feature = "web")]
pub mod web;
