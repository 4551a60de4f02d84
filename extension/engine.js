// Loads the Rust core. WebAssembly first; where that cannot compile (Chromium applies the
// *page's* Content-Security-Policy to WebAssembly compiled by content scripts) the very same
// module, translated to JavaScript by binaryen's wasm2js, runs instead.
export async function loadEngine(base) {
  const glue = await import(`${base}lifetime_guard_bg.js`);
  let exports;
  let engine = 'wasm';
  try {
    const response = await fetch(`${base}lifetime_guard_bg.wasm`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const imports = { './lifetime_guard_bg.js': glue };
    ({ instance: { exports } } = await WebAssembly.instantiate(await response.arrayBuffer(), imports));
  } catch (wasmError) {
    exports = await import(`${base}lifetime_guard_wasm2js.js`);
    engine = `js (${wasmError?.name ?? 'error'}: WebAssembly unavailable here)`;
  }
  glue.__wbg_set_wasm(exports);
  exports.__wbindgen_start?.();
  return { core: glue, engine };
}
