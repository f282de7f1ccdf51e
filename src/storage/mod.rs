//! Saved check-ins: the draft in progress, completed check-ins, the person's storage choices,
//! export and import, and the history views built on them. Pure: no browser crate here.
//!
//! Everything stays in the browser's `localStorage` and nowhere else. The browser adapter is a
//! thin implementation of [`Store`] (over `localStorage`, catching every exception) written in
//! the web layer; this module holds every rule, so they are tested natively.
//!
//! # How the web layer uses it
//!
//! ```
//! use recovery_checkin::storage::{MemoryStore, Namespace, Repository};
//! use recovery_checkin::session::Session;
//!
//! // The namespace comes from the embed configuration; a bad one falls back to "default".
//! let (namespace, _warning) = Namespace::parse_or_default(Some("clinic-a"));
//! // In the browser: the localStorage adapter. When storage is blocked (every call returns
//! // `StoreError::Unavailable`), a MemoryStore, and the person is told nothing will be kept.
//! let mut repo = Repository::new(MemoryStore::new(), namespace);
//!
//! let draft = repo.load_draft().expect("storage works");
//! assert!(draft.value.is_none(), "nothing to continue");
//! let session = Session::new();
//! repo.save_draft(&session).expect("saved after every answer");
//! let history = repo.history().expect("storage works");
//! assert!(history.value.is_empty() && history.problems.is_empty());
//! ```
//!
//! # Parts
//!
//! | module | what it holds |
//! |---|---|
//! | [`store`] | the [`Store`] trait (like `localStorage`) and [`MemoryStore`] |
//! | [`keys`] | `recovery-checkin:<namespace>:...` keys, [`Namespace`], [`KeyKind`] |
//! | [`schema`] | versioned envelopes, total decoding ([`DecodeError`]), migrations, drafts, settings |
//! | [`checkin`] | [`SavedCheckIn`]: the compact saved form, and [`MethodNote`] |
//! | [`repo`] | [`Repository`]: save, load, list, delete, settings, export, import |
//! | [`history`] | trend, chart geometry, "since last time" |
//! | [`trend_svg`] | the trend chart as SVG markup, for the web layer to put on the page as it is |
//! | [`export`] | the export file format, its checks, [`ImportReport`] and [`ImportError`] |
//! | [`json`] | the small JSON reader and writer the stored values and export files use |
//!
//! The stored format and the export format are documented for people and partners in
//! `docs/storage.md`.

pub mod checkin;
pub mod export;
pub mod history;
pub mod json;
pub mod keys;
pub mod repo;
pub mod schema;
pub mod store;
pub mod trend_svg;

pub use checkin::{MethodNote, SavedCheckIn, Scores};
pub use export::{ImportError, ImportReport, MAX_IMPORT_BYTES};
pub use history::{chart_points, since_last_time, trend, Change, ChartGeometry, TrendPoint};
pub use keys::{is_ours, parse_key, KeyKind, Namespace, NamespaceError};
pub use repo::{Loaded, Problem, ProblemAction, Repository, SaveError};
pub use schema::{DecodeError, Settings};
pub use store::{MemoryStore, Store, StoreError};

#[cfg(test)]
mod tests;
