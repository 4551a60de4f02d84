// Settings: the admin's own (storage.sync) overlaid by what IT deployed (storage.managed),
// which always wins. Shared by the content script and the options page.
export const DEFAULTS = { enabled: true, convert_on_blur: true, guard_save: true, policy: null };
/** The on/off settings, in the order the options page shows them. */
export const SWITCHES = ['enabled', 'convert_on_blur', 'guard_save'];

async function area(ext, name) {
  try {
    return (await ext.storage?.[name]?.get(null)) ?? {};
  } catch {
    return {}; // no managed storage configured: Chromium and Firefox reject the read
  }
}

export async function layers(ext) {
  // Both reads at once: each is a round trip to the browser process, on the cold-start path.
  const [sync, managed] = await Promise.all([area(ext, 'sync'), area(ext, 'managed')]);
  return { sync, managed };
}

export function merge({ sync, managed }) {
  const out = { ...DEFAULTS };
  for (const source of [sync, managed]) {
    for (const key of SWITCHES) if (typeof source[key] === 'boolean') out[key] = source[key];
  }
  // Per field, a managed entry replaces the admin's own.
  const policy = { ...(sync.policy ?? {}), ...(managed.policy ?? {}) };
  out.policy = Object.keys(policy).length ? policy : null;
  return out;
}

export async function load(ext) {
  return merge(await layers(ext));
}

export function watch(ext, onChange) {
  ext.storage?.onChanged?.addListener(async (_changes, areaName) => {
    if (areaName === 'sync' || areaName === 'managed') onChange(await load(ext));
  });
}
