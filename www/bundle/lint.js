// Entry of core/lint_bg.js: the lint module's wasm-bindgen glue as a minified module (playground only).
export * from 'lg-lint-glue';
