// Entry of core/asm.js: the core translated to JavaScript by wasm2js, with its own copy of the
// glue, for pages whose CSP forbids WebAssembly in content scripts (Chromium).
import * as glue from 'lg-glue';
import * as asm from 'lg-asm';

glue.__wbg_set_wasm(asm);
asm.__wbindgen_start?.();
export { glue };
