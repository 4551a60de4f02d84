//! The browser layer (wasm32 only).
