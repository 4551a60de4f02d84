// Instantiates a module of the Rust core against its wasm-bindgen glue, from its bytes or the URL
// of its .wasm file. `name` is the module the glue was generated as (its imports come from
// `./{name}_bg.js`).
export async function instantiate(glue, source, name = 'lifetime_guard') {
  let bytes = source;
  if (!ArrayBuffer.isView(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`could not load the WebAssembly core (HTTP ${response.status})`);
    bytes = await response.arrayBuffer();
  }
  const imports = { [`./${name}_bg.js`]: glue };
  const { instance } = await WebAssembly.instantiate(bytes, imports);
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue;
}

// The content module's bytes, which core/content-wasm.js left as base64 (read once: the global
// goes, so the text can be collected).
export function embeddedModule() {
  const text = globalThis.LifetimeGuardWasm;
  delete globalThis.LifetimeGuardWasm;
  if (typeof text !== 'string' || text === '') throw new Error('the WebAssembly core is missing');
  return Uint8Array.fromBase64?.(text) ?? Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
