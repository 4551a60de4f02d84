//! The browser layer, compiled only for `wasm32`: it finds fields, listens and renders. Every
//! decision comes from the pure core.
//!
//! Three modules are built from this crate. The content module (default features) exports
//! `start`, `stop`, `configure`, `status` and `snapshot` for the content script that every
//! Dashboard page loads. The tools module (`--features tools`) is for the popup, the options
//! page and the playground: `value`, `words`, `short` and `equation` (numbers first), `convert`
//! and `check` (whole results, serialised with serde-wasm-bindgen), `page_report` (the popup's
//! page report, from the content module's snapshot) and `private_cloud_host`; the catalog those
//! pages list is `core/fields.json`, written at build time from the same Rust catalog. The lint
//! module (`--features lint`) exports `lint`, for the playground only.

#[cfg(not(any(feature = "tools", feature = "lint")))]
mod app;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod detect;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod dom;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod entry;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod evaluate;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod guard;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod mutations;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod note;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod note_actions;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod place;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod popover;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod report;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod scope;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod selectors;
#[cfg(not(feature = "lint"))]
mod settings;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod status;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod text_entry;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod theme;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod tokens;
#[cfg(not(any(feature = "tools", feature = "lint")))]
mod tracked;

#[cfg(not(any(feature = "tools", feature = "lint")))]
mod content;
#[cfg(not(any(feature = "tools", feature = "lint")))]
pub use app::Config;
#[cfg(not(any(feature = "tools", feature = "lint")))]
pub use content::{configure, snapshot, start, status, stop};
#[cfg(feature = "tools")]
mod tools;
#[cfg(feature = "tools")]
pub use tools::{check, convert, equation, page_report, private_cloud_host, short, value, words};
#[cfg(feature = "lint")]
mod lint;
#[cfg(feature = "lint")]
pub use lint::lint;
