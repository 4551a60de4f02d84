// Instantiates a module of the Rust core against its wasm-bindgen glue. `name` is the module
// the glue was generated as (its imports come from `./{name}_bg.js`).
export async function instantiate(glue, wasmUrl, name = 'lifetime_guard') {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`could not load the WebAssembly core (HTTP ${response.status})`);
  const imports = { [`./${name}_bg.js`]: glue };
  const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), imports);
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue;
}
