// Instantiates the Rust core's WebAssembly against its wasm-bindgen glue.
export async function instantiate(glue, wasmUrl) {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`could not load the WebAssembly core (HTTP ${response.status})`);
  const imports = { './lifetime_guard_bg.js': glue };
  const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), imports);
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue;
}
