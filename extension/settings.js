// Settings: the admin's own (storage.sync) overlaid by what IT deployed (storage.managed),
// which always wins. Shared by the content script and the options page.
export const DEFAULTS = { enabled: true, convert_on_blur: true, guard_save: true, selection_popover: true, policy: null };
/** The on/off settings, in the order the options page shows them. */
export const SWITCHES = ['enabled', 'convert_on_blur', 'guard_save', 'selection_popover'];
const AREAS = ['sync', 'managed'];

/**
 * The format of what the options page stores in storage.sync. 0.1.0 stored the same keys
 * without `version` (tests/fixtures/settings/0.1.0-sync.json). A version that changes a key adds
 * a step to `migrate` and a fixture of the format it replaces.
 */
export const STORED_VERSION = 1;
/** What a policy entry may set for a field, in the order the options page shows them. */
export const POLICY_KEYS = ['max', 'min', 'warn_above', 'warn_below'];

/**
 * What storage.sync holds, in today's format, whichever version stored it: `{ settings, from,
 * newer }`. `from` is the version that stored it (0 for 0.1.0 or nothing stored); `newer` when a
 * later version stored it, whose keys this one reads as far as it knows them. Unknown keys and
 * values of the wrong type are left out rather than passed on to the guard.
 */
export function migrate(stored) {
  const raw = stored && typeof stored === 'object' ? stored : {};
  const from = Number.isInteger(raw.version) && raw.version > 0 ? raw.version : 0;
  const settings = {};
  for (const key of SWITCHES) if (typeof raw[key] === 'boolean') settings[key] = raw[key];
  if (raw.policy && typeof raw.policy === 'object' && !Array.isArray(raw.policy)) {
    const policy = {};
    for (const [id, entry] of Object.entries(raw.policy)) {
      if (!entry || typeof entry !== 'object') continue;
      const kept = {};
      for (const key of POLICY_KEYS) {
        if (typeof entry[key] === 'number' || typeof entry[key] === 'string') kept[key] = entry[key];
      }
      if (Object.keys(kept).length) policy[id] = kept;
    }
    settings.policy = policy;
  }
  return { settings, from, newer: from > STORED_VERSION };
}

/** What the options page writes: the settings in today's format, with their version. */
export function toStore(settings) {
  return { ...settings, version: STORED_VERSION };
}

async function get(ext, name) {
  try {
    return (await ext.storage?.[name]?.get(null)) ?? {};
  } catch {
    return {};
  }
}

/** One storage area's contents; `{}` when it cannot be read (Chromium and Firefox reject the
 * managed read when no policy is installed). The admin's own settings (sync) in today's format,
 * whichever version stored them. */
export async function read(ext, name) {
  const value = await get(ext, name);
  return name === 'sync' ? migrate(value).settings : value;
}

/** The admin's own settings with the version that stored them (see `migrate`). */
export const readStored = async (ext) => migrate(await get(ext, 'sync'));

/**
 * The settings in force. `managed` is `null` while it has not been read: the first managed read
 * of a browser session takes about two seconds in Chromium. Until then the admin's own settings
 * can add a policy but not switch anything off, because IT may forbid that: every switch keeps
 * its default (on).
 */
export function merge({ sync, managed }) {
  const out = { ...DEFAULTS };
  for (const source of managed === null ? [] : [sync, managed]) {
    for (const key of SWITCHES) if (typeof source[key] === 'boolean') out[key] = source[key];
  }
  // Per field, a managed entry replaces the admin's own.
  const policy = { ...(sync.policy ?? {}), ...(managed?.policy ?? {}) };
  out.policy = Object.keys(policy).length ? policy : null;
  return out;
}

/**
 * Calls `apply` with the settings in force each time they change: as each storage area arrives
 * (neither waits for the other) and whenever either changes later.
 */
export function follow(ext, apply) {
  const known = { sync: {}, managed: null };
  const update = (name) => read(ext, name).then((value) => {
    known[name] = value;
    apply(merge(known));
  });
  for (const name of AREAS) update(name);
  ext.storage?.onChanged?.addListener((_changes, name) => {
    if (AREAS.includes(name)) update(name);
  });
}
