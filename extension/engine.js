// Loads the Rust core for extension pages (popup, options) and the playground: WebAssembly
// first, the same module translated to JavaScript (binaryen wasm2js) where WebAssembly
// cannot compile.
import * as glue from './core/lifetime_guard_bg.js';
import { instantiate } from './instantiate.js';

export async function loadEngine() {
  try {
    return { core: await instantiate(glue, new URL('./core/lifetime_guard_bg.wasm', import.meta.url)), engine: 'wasm' };
  } catch {
    return { core: (await import('./core/asm.js')).glue, engine: 'js' };
  }
}
