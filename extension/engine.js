// Loads the tools module of the Rust core (convert, check) for extension pages (popup, options)
// and the playground. Those pages allow WebAssembly; the content script loads its own module.
import * as glue from './core/tools_bg.js';
import { instantiate } from './instantiate.js';

/** The catalog, generated from the Rust catalog at build time: `{fields, pages, fixed}` — the
 * settable fields, where each Dashboard page is, and the lifetimes no setting changes. */
export async function loadCatalog() {
  return (await fetch(new URL('./core/fields.json', import.meta.url))).json();
}

/** The settable fields of the catalog. */
export async function loadFields() {
  return (await loadCatalog()).fields;
}

// One instance per page: the glue keeps views of its instance's memory, so a second
// instantiation on the same glue would pass strings into the wrong memory.
let loading = null;

export function loadEngine() {
  loading ??= instantiate(glue, new URL('./core/tools_bg.wasm', import.meta.url)).then((core) => ({ core, engine: 'wasm' }));
  return loading;
}
