// Private-cloud Dashboards (manage.{name}.auth0.com): the host permission is asked for
// when the admin adds one (optional, never at install), and the same content scripts as the
// manifest's are registered for it. Registered scripts persist across browser restarts.
const ext = globalThis.browser ?? globalThis.chrome;
const ID = 'lifetime-guard-private-cloud';

/** The match patterns the guard runs on beyond the manifest's, as registered. */
export async function registered() {
  const [script] = await ext.scripting.getRegisteredContentScripts({ ids: [ID] });
  return script?.matches ?? [];
}

/** Runs the guard on exactly `patterns` (besides the manifest's hosts). */
export async function register(patterns) {
  const existing = await ext.scripting.getRegisteredContentScripts({ ids: [ID] });
  if (existing.length) await ext.scripting.unregisterContentScripts({ ids: [ID] });
  if (!patterns.length) return;
  // The same scripts, run at the same moment, as the manifest's.
  const { js, run_at: runAt } = ext.runtime.getManifest().content_scripts[0];
  await ext.scripting.registerContentScripts([{ id: ID, matches: patterns, js, runAt, persistAcrossSessions: true }]);
}

/** Asks for the permission of a match pattern (the https pattern of manage.x.auth0.com, made by the Rust
 * core; needs the click that called it) and runs the guard there. */
export async function add(origin) {
  if (!(await ext.permissions.request({ origins: [origin] }))) return false;
  const now = await registered();
  if (!now.includes(origin)) await register([...now, origin]);
  return true;
}

/** Removes a host and gives its permission back. */
export async function remove(origin) {
  await register((await registered()).filter((p) => p !== origin));
  await ext.permissions.remove({ origins: [origin] }).catch(() => false);
}
