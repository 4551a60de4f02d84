//! The browser layer, compiled only for `wasm32`: it finds fields, listens and renders. Every
//! decision comes from the pure core.
//!
//! Two modules are built from this crate. The content module (default features) exports
//! `start`, `stop`, `configure` and `status` for the content script that every Dashboard page
//! loads. The tools module (`--features tools`) exports only `convert` and `check`, serialised with
//! serde-wasm-bindgen, for the popup, the options page and the playground; the catalog those
//! pages list is `core/fields.json`, written at build time from the same Rust catalog.

#[cfg(not(feature = "tools"))]
mod app;
#[cfg(not(feature = "tools"))]
mod detect;
#[cfg(not(feature = "tools"))]
mod dom;
#[cfg(not(feature = "tools"))]
mod entry;
#[cfg(not(feature = "tools"))]
mod note;
#[cfg(not(feature = "tools"))]
mod place;
#[cfg(not(feature = "tools"))]
mod report;
#[cfg(not(feature = "tools"))]
mod scope;
mod settings;

#[cfg(not(feature = "tools"))]
mod content;
#[cfg(not(feature = "tools"))]
pub use content::{configure, report, start, status, stop, Config};
#[cfg(feature = "tools")]
mod tools;
#[cfg(feature = "tools")]
pub use tools::{check, convert, private_cloud_host};
