// Routing shared by the replica generations: path routes (/dashboard/us/acme/apis/ID/settings)
// and the older hash routes (/#/apis/ID/settings).
import { useEffect, useState } from 'react';

export function parseRoute(loc = window.location) {
  const hash = loc.hash.replace(/^#/, '');
  const source = hash.startsWith('/') ? hash : loc.pathname.replace(/^\/(older|plain)(?=\/|$)/, '').replace(/^\/dashboard\/[^/]+\/[^/]+/, '');
  const parts = source.split('/').filter(Boolean);
  if (parts[0] === 'apis' && parts[1]) return { page: 'api', id: parts[1], tab: parts[2] ?? 'settings' };
  if (parts[0] === 'applications' && parts[1]) return { page: 'application', id: parts[1], tab: parts[2] ?? 'settings' };
  if (parts[0] === 'tenant' && parts[1] === 'advanced') return { page: 'tenant-advanced' };
  if (parts[0] === 'applications') return { page: 'applications' };
  return { page: 'apis' };
}

export function navigate(to) {
  if (to.startsWith('#')) window.location.hash = to.slice(1);
  else window.history.pushState({}, '', to);
  window.dispatchEvent(new Event('replica:navigate'));
}

export function useRoute() {
  const [route, setRoute] = useState(parseRoute);
  useEffect(() => {
    const update = () => setRoute(parseRoute());
    for (const e of ['popstate', 'hashchange', 'replica:navigate']) window.addEventListener(e, update);
    return () => { for (const e of ['popstate', 'hashchange', 'replica:navigate']) window.removeEventListener(e, update); };
  }, []);
  return route;
}

export async function api(method, path, body) {
  const res = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(json.message ?? `HTTP ${res.status}`);
  return json;
}

// The Dashboard sends what the field holds: a number when it is one, the raw text otherwise
// (which the Management API then refuses with a type error).
export const toPayload = (text) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text);
