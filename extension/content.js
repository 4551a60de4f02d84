// Lifetime Guard content script: starts the Rust core at once and answers the popup. Every rule,
// note and guard lives in Rust. Loaded at document_start, after core/content-wasm.js (the
// module's bytes) and core/content-core.js (glue, loader, settings).
(async () => {
  const root = document.documentElement;
  const ext = globalThis.browser ?? globalThis.chrome;
  // One guard per page, across updates. After an update or a reload of the extension, Chromium
  // leaves the old content script running, cut off from the extension (the popup can hand its tab
  // over to this version), and Firefox unloads it and injects this one, leaving its notes behind.
  // The guard in place answers on the page itself: 'running' (this instance of the extension
  // already guards the page: this copy stands back), or 'retired' (it was cut off and has removed
  // everything it added). No answer: nothing runs there any more, and start() clears what is left.
  const HANDOVER = 'lifetime-guard:handover';
  const ANSWER = 'data-lifetime-guard-answer';
  const askTheGuardInPlace = () => {
    if (!root.hasAttribute('data-lifetime-guard')) return null;
    root.removeAttribute(ANSWER);
    document.dispatchEvent(new CustomEvent(HANDOVER));
    const answer = root.getAttribute(ANSWER);
    root.removeAttribute(ANSWER);
    return answer;
  };
  if (askTheGuardInPlace() === 'running') return;
  root.setAttribute('data-lifetime-guard', 'loading');
  root.setAttribute('data-lifetime-guard-version', ext.runtime.getManifest().version);
  const { glue, instantiate, embeddedModule, settings } = globalThis.LifetimeGuard;
  let core = null;
  let engine = 'none';
  let failure = null;
  let why = null; // why WebAssembly was not used (a page CSP refusal, usually)
  let retired = false;
  document.addEventListener(HANDOVER, () => {
    if (retired) return; // stepped down already: the guard after it answers
    // runtime.id is gone once the extension that injected this script is updated, reloaded or
    // removed: this guard can then receive no settings and no popup, and hands the page over.
    if (ext.runtime?.id) {
      root.setAttribute(ANSWER, 'running');
      return;
    }
    retired = true;
    core?.stop();
    core = null;
    root.setAttribute(ANSWER, 'retired');
  });
  ext.runtime.onMessage.addListener((message, _sender, reply) => {
    const report = message?.type === 'lifetime-guard:report';
    if (message?.type !== 'lifetime-guard:status' && !report) return false;
    try {
      const about = { engine, engine_note: why, version: ext.runtime.getManifest().version };
      if (report) reply({ ...about, failure, snapshot: core ? core.snapshot() : null });
      else reply(core ? { engine, ...core.status() } : { active: false, engine, failure });
    } catch (error) {
      reply({ active: false, engine, failure: String(error?.message ?? error) });
    }
    return false;
  });
  try {
    try {
      core = await instantiate(glue, embeddedModule());
      engine = 'wasm';
    } catch (wasmError) {
      why = `WebAssembly was refused on this page (usually its Content-Security-Policy): ${wasmError?.name ?? 'Error'}: ${wasmError?.message ?? wasmError}`;
      if (!globalThis.lifetimeGuardFallback) throw wasmError;
      core = await globalThis.lifetimeGuardFallback();
      engine = 'js';
    }
    // On Auth0's own limits at once: the first storage read of a browser session takes about two
    // seconds, and a number field drops the letters typed meanwhile. Settings apply as they arrive.
    if (retired) return; // cut off while loading
    core.start(settings.merge({ sync: {}, managed: null }));
    settings.follow(ext, (next) => core?.configure(next));
    root.setAttribute('data-lifetime-guard', engine);
    performance.mark('lifetime-guard:ready'); // from 'injected' (core/content-wasm.js): `cargo xtask bench`
  } catch (error) {
    // Fail open: the page works as without the extension; Auth0 still validates on save.
    failure = String(error?.message ?? error);
    core = null;
    root.setAttribute('data-lifetime-guard', 'inactive');
    console.warn(`Lifetime Guard is inactive on this page: ${failure}`);
  }
})();
