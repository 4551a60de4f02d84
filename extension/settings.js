// Settings: the admin's own (storage.sync) overlaid by what IT deployed (storage.managed),
// which always wins. Shared by the content script and the options page.
export const DEFAULTS = { enabled: true, convert_on_blur: true, guard_save: true, policy: null };
/** The on/off settings, in the order the options page shows them. */
export const SWITCHES = ['enabled', 'convert_on_blur', 'guard_save'];
const AREAS = ['sync', 'managed'];

/** One storage area's contents; `{}` when it cannot be read (Chromium and Firefox reject the
 * managed read when no policy is installed). */
export async function read(ext, name) {
  try {
    return (await ext.storage?.[name]?.get(null)) ?? {};
  } catch {
    return {};
  }
}

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
