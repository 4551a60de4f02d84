// Lifetime Guard content script: loads the Rust core and hands it the settings. Every rule,
// note and guard lives in Rust; this file only loads, configures and answers the popup.
(async () => {
  const root = document.documentElement;
  if (root.hasAttribute('data-lifetime-guard')) return; // injected twice: the first one runs
  root.setAttribute('data-lifetime-guard', 'loading');
  const ext = globalThis.browser ?? globalThis.chrome;
  let core = null;
  let engine = 'none';
  let failure = null;
  ext.runtime.onMessage.addListener((message, _sender, reply) => {
    if (message?.type !== 'lifetime-guard:status') return false;
    try {
      reply(core ? { engine, ...core.status() } : { active: false, engine, failure });
    } catch (error) {
      reply({ active: false, engine, failure: String(error?.message ?? error) });
    }
    return false;
  });
  try {
    const settings = await import(ext.runtime.getURL('settings.js'));
    const { loadEngine } = await import(ext.runtime.getURL('engine.js'));
    ({ core, engine } = await loadEngine(ext.runtime.getURL('core/')));
    core.start(await settings.load(ext));
    settings.watch(ext, (next) => core.configure(next));
    root.setAttribute('data-lifetime-guard', engine.startsWith('js') ? 'js' : 'wasm');
  } catch (error) {
    // Fail open: the page works as without the extension; Auth0 still validates on save.
    failure = String(error?.message ?? error);
    core = null;
    root.setAttribute('data-lifetime-guard', 'inactive');
    console.warn(`Lifetime Guard is inactive on this page: ${failure}`);
  }
})();
