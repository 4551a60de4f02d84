// Entry of core/tools_bg.js: the tools module's wasm-bindgen glue as a minified module.
export * from 'lg-tools-glue';
