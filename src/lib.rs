//! Lifetime Guard for Auth0: the rules engine behind the browser extension, the popup, the
//! playground and the `lifetime-guard` command line.
//!
//! The core — [`parse`], [`format`], [`catalog`], [`verdict`] and [`policy`] — is plain Rust with
//! no web dependency. The `web` module, compiled only for `wasm32`, finds fields in the Auth0
//! Dashboard, listens, and renders what the core decides.

pub mod catalog;
pub mod format;
pub mod hosts;
pub mod idmap;
pub mod json;
pub mod number_field;
pub mod page;
pub mod parse;
pub mod policy;
pub mod report;
pub mod text;
pub mod unit;
pub mod verdict;
pub mod view;
/// The allocator of the WebAssembly modules (its logic is tested natively).
pub mod wasm_alloc;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(any(not(target_arch = "wasm32"), feature = "lint"))]
pub mod lint;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use parse::{parse, ErrorKind, ParseError, MAX_VALUE};

/// True when building the content module (wasm32 without the `tools` or `lint` features): what
/// only the popup, the playground and the CLI need is left out of the module every Dashboard
/// page loads — source citations, and parsing shortcuts that pay off only in bulk.
pub(crate) const CONTENT_MODULE: bool = cfg!(content_module);

/// `text` that only the popup, the options page, the playground and the CLI show — a fact's
/// source citation, a message's machine-readable code — and that the content module, whose
/// notes show neither, leaves out: it is empty there (343 B gzip of the module).
pub(crate) const fn tools_only(text: &'static str) -> &'static str {
    if CONTENT_MODULE {
        ""
    } else {
        text
    }
}
pub use unit::Unit;
pub use verdict::{check, check_field, Context, Level, Message, Verdict};
