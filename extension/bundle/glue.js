// Entry of core/lifetime_guard_bg.js: the wasm-bindgen glue as a minified module.
export * from 'lg-glue';
