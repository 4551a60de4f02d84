// Routing and page state shared by the replica generations: path routes
// (/dashboard/us/acme/apis/ID/settings), the older hash routes (/#/apis/ID/settings), saving, and
// an application's settings as a form.
import { useEffect, useState } from 'react';

export function parseRoute(loc = window.location) {
  const hash = loc.hash.replace(/^#/, '');
  const source = hash.startsWith('/') ? hash : loc.pathname.replace(/^\/(older|plain)(?=\/|$)/, '').replace(/^\/dashboard\/[^/]+\/[^/]+/, '');
  const parts = source.split('/').filter(Boolean);
  if (parts[0] === 'apis' && parts[1]) return { page: 'api', id: parts[1], tab: parts[2] ?? 'settings' };
  if (parts[0] === 'applications' && parts[1]) return { page: 'application', id: parts[1], tab: parts[2] ?? 'settings' };
  if (parts[0] === 'tenant' && parts[1] === 'advanced') return { page: 'tenant-advanced' };
  if (parts[0] === 'templates' && parts[1] === 'emails') return { page: 'email-templates', id: parts[2] ?? 'verify_email' };
  if (parts[0] === 'connections' && parts[1] === 'passwordless') return { page: 'passwordless', id: parts[2] === 'sms' ? 'con_sms' : 'con_email' };
  if (parts[0] === 'connections' && parts[1] === 'enterprise' && parts[3]) return { page: 'scim', id: parts[3] };
  if (parts[0] === 'security' && parts[1] === 'attack-protection') return { page: 'attack-protection' };
  if (parts[0] === 'logs') return { page: 'log', id: parts[1] };
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

/** Save state shared by the pages: `save(method, path, body)`, and `clear()` on any edit. */
export function useSaving() {
  const [status, setStatus] = useState(null);
  const save = async (method, path, body) => {
    try {
      await api(method, path, body);
      setStatus({ ok: true });
    } catch (err) {
      setStatus({ error: err.message });
    }
  };
  return { status, save, clear: () => setStatus(null) };
}

/** An application (Management API client) as the settings form shows it: text in every field. */
export function clientForm(c) {
  const rt = c.refresh_token;
  return {
    name: c.name, id_token: String(c.jwt_configuration.lifetime_in_seconds),
    rotation: rt.rotation_type === 'rotating', leeway: String(rt.leeway),
    set_idle: !rt.infinite_idle_token_lifetime, idle: String(rt.idle_token_lifetime),
    set_max: !rt.infinite_token_lifetime, max: String(rt.token_lifetime),
  };
}

/** What the application page sends for `form`; `value` turns a field's text into the payload's. */
export function clientBody(form, value) {
  const refresh = {
    rotation_type: form.rotation ? 'rotating' : 'non-rotating',
    infinite_idle_token_lifetime: !form.set_idle, infinite_token_lifetime: !form.set_max,
  };
  if (form.rotation) refresh.leeway = value(form.leeway);
  if (form.set_idle) refresh.idle_token_lifetime = value(form.idle);
  if (form.set_max) refresh.token_lifetime = value(form.max);
  return { name: form.name, jwt_configuration: { lifetime_in_seconds: value(form.id_token) }, refresh_token: refresh };
}
