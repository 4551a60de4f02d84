// Instantiates a module of the Rust core against its wasm-bindgen glue, from its bytes or the URL
// of its .wasm file. Every import comes from the glue, whatever the module calls it (the content
// module's names are minified at build time).
export async function instantiate(glue, source) {
  let bytes = source;
  if (!ArrayBuffer.isView(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`could not load the WebAssembly core (HTTP ${response.status})`);
    bytes = await response.arrayBuffer();
  }
  // Compiled and instantiated synchronously: the modules compile in a few milliseconds, while
  // each await of the asynchronous API waits behind the page's own tasks, which fill the main
  // thread while a Dashboard page loads (two builds side by side: the guard ready about 4 ms sooner at p50).
  const module = new WebAssembly.Module(bytes);
  const imports = Object.fromEntries(WebAssembly.Module.imports(module).map((i) => [i.module, glue]));
  const instance = new WebAssembly.Instance(module, imports);
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
