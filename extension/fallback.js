// Chromium only: Chromium applies the page's CSP to WebAssembly compiled by content scripts, so
// on a strict page the core runs as JavaScript instead (Firefox compiles it regardless).
globalThis.lifetimeGuardFallback = async () => (await import(chrome.runtime.getURL('core/asm.js'))).glue;
