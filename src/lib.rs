//! Lifetime Guard for Auth0: the rules engine behind the browser extension, the popup, the
//! playground and the `lifetime-guard` command line.
//!
//! The core — [`parse`], [`format`], [`catalog`], [`verdict`] and [`policy`] — is plain Rust with
//! no web dependency. The `web` module, compiled only for `wasm32`, finds fields in the Auth0
//! Dashboard, listens, and renders what the core decides.

pub mod catalog;
pub mod codes;
pub mod format;
pub mod hosts;
pub mod idmap;
pub mod json;
pub mod number_field;
pub mod page;
pub mod parse;
pub mod policy;
pub mod report;
pub mod selection;
pub mod text;
pub mod token;
pub mod unit;
pub mod verdict;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(any(not(target_arch = "wasm32"), feature = "lint"))]
pub mod lint;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use parse::{parse, ErrorKind, ParseError, MAX_VALUE};

pub use unit::Unit;
pub use verdict::{check, check_field, Context, Level, Message, Verdict};

/// The WebAssembly modules' allocator: talc, a maintained allocator for WebAssembly, in place of
/// std's dlmalloc (1.7 KB gzip smaller in the content module, measured with `cargo xtask build`).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
