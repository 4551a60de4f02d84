// Options: switches and the organisation policy, stored in storage.sync. Values pushed by IT
// through storage.managed are shown read-only. Every check runs in the Rust core.
import { loadEngine, loadCatalog } from './engine.js';
import { read, readStored, merge, toStore, SWITCHES, POLICY_KEYS as KEYS } from './settings.js';
import * as hosts from './hosts.js';

const ext = globalThis.browser ?? globalThis.chrome;
const form = document.getElementById('options');
// The first managed read of a browser session takes about two seconds in Chromium: the admin's
// own settings are shown at once, and what IT set is laid over them when it arrives.
const managedRead = read(ext, 'managed');
const [{ core }, stored, { fields, pages }] = await Promise.all([loadEngine(), readStored(ext), loadCatalog()]);
const sync = stored.settings;
// Saved by a later version (the extension was rolled back): what this one knows is shown, and
// saving keeps only that.
document.getElementById('newer-note').hidden = !stored.newer;
const managedBadge = () => Object.assign(document.createElement('span'), { className: 'managed', textContent: 'Set by your organisation' });

// The admin's own switches over the defaults, as settings.merge reads them (nothing managed yet).
const own = merge({ sync, managed: {} });
for (const name of SWITCHES) form.elements[name].checked = own[name];

// The policy rows grouped by where each setting lives in the Dashboard (the catalog's pages, in
// the catalog's order): one short table per page instead of one table of every field.
const groups = new Map();
function groupFor(page) {
  if (groups.has(page)) return groups.get(page);
  const section = document.createElement('section');
  section.className = 'policy-group';
  const heading = Object.assign(document.createElement('h3'), { id: `policy-${page}`, textContent: pages[page] ?? page });
  const table = document.createElement('table');
  table.setAttribute('aria-labelledby', heading.id);
  const head = table.createTHead().insertRow();
  for (const title of ['Field', 'Auth0 limit', 'Block above', 'Block below', 'Warn above', 'Warn below']) {
    head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: title }));
  }
  const body = table.createTBody();
  section.append(heading, table);
  document.getElementById('policy').append(section);
  groups.set(page, body);
  return body;
}
/** Each policy input with what checks it, by `field:key`. */
const policyInputs = new Map();
for (const field of fields) {
  const tr = document.createElement('tr');
  const name = document.createElement('th');
  name.scope = 'row';
  name.textContent = `${field.name} (${field.unit})`;
  const limit = document.createElement('td');
  // Each Auth0 limit with the kind of fact it is (schema, documented, observed): the catalog's.
  limit.textContent = field.max ? `${core.convert(String(field.max.value), field.unit).equation} (${field.max.kind.replace('_', ' ')})` : 'none published';
  if (field.max) limit.title = field.max.source;
  tr.append(name, limit);
  for (const key of KEYS) {
    const td = document.createElement('td');
    const input = Object.assign(document.createElement('input'), { type: 'text', name: `${field.id}:${key}` });
    input.setAttribute('aria-label', `${field.name}: ${key.replace('_', ' ')}`);
    const value = sync.policy?.[field.id]?.[key];
    input.value = value === undefined ? '' : String(value);
    const hint = document.createElement('small');
    hint.id = `${input.name}-hint`;
    input.setAttribute('aria-describedby', hint.id);
    const check = () => {
      hint.textContent = '';
      hint.className = 'muted';
      input.removeAttribute('aria-invalid');
      if (!input.value.trim()) return true;
      const r = core.convert(input.value, field.unit);
      hint.textContent = r.ok ? r.equation : r.error.message;
      if (!r.ok) { hint.className = 'error'; input.setAttribute('aria-invalid', 'true'); }
      return r.ok;
    };
    input.addEventListener('input', check);
    check();
    td.append(input, document.createElement('br'), hint);
    policyInputs.set(input.name, { input, check });
    tr.append(td);
  }
  groupFor(field.page).append(tr);
}
form.dataset.shown = 'stored';

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const status = document.getElementById('status');
  const policy = {};
  let bad = null;
  for (const input of form.querySelectorAll('tbody input')) {
    if (input.readOnly || !input.value.trim()) continue;
    if (input.getAttribute('aria-invalid') === 'true') { bad ??= input; continue; }
    const [id, key] = input.name.split(':');
    (policy[id] ??= {})[key] = /^\d+$/.test(input.value.trim()) ? Number(input.value.trim()) : input.value.trim();
  }
  if (bad) { status.textContent = 'Fix the highlighted values first.'; bad.focus(); return; }
  const next = { policy };
  for (const name of SWITCHES) if (!form.elements[name].disabled) next[name] = form.elements[name].checked;
  try {
    await ext.storage.sync.set(toStore(next));
  } catch (error) {
    // The browser refuses writes past its storage.sync quotas (bytes per item and in all, writes
    // per minute and hour): nothing of this save was stored, and what was stored before holds.
    // What is on the form stays for another try.
    const message = String(error?.message ?? error).replace(/\.$/, '');
    const advice = /WRITE_OPERATIONS/.test(message) ? ' Try again in a minute.' : /QUOTA_BYTES/.test(message) ? ' The policy is larger than your browser syncs: remove some entries.' : '';
    status.textContent = `Not saved: your browser refused to store these settings (${message}). The settings saved before are still in force.${advice}`;
    status.className = 'error';
    return;
  }
  status.className = '';
  status.textContent = 'Saved. Open Dashboard tabs use it now.';
});

// Private-cloud Dashboards: validated by the Rust core, permission asked on the click.
const hostInput = document.getElementById('host');
const hostHint = document.getElementById('host-hint');
const checkHost = () => {
  const r = core.private_cloud_host(hostInput.value);
  hostHint.textContent = hostInput.value.trim() ? (r.ok ? `Will add ${r.host}` : r.error) : '';
  hostHint.className = r.ok || !hostInput.value.trim() ? 'muted' : 'error';
  if (r.ok || !hostInput.value.trim()) hostInput.removeAttribute('aria-invalid'); else hostInput.setAttribute('aria-invalid', 'true');
  return r;
};
async function addHost({ host, pattern }) {
  const ok = await hosts.add(pattern).catch((e) => { hostHint.textContent = String(e?.message ?? e); return false; });
  if (ok) hostHint.textContent = `Added ${host}. Open (or reload) its Dashboard tabs.`;
  else if (!hostHint.textContent.startsWith('Error')) hostHint.textContent = `Not added: the permission for ${host} was not given.`;
  await showHosts();
}
async function showHosts() {
  const list = document.getElementById('hosts');
  list.textContent = '';
  for (const origin of await hosts.registered()) {
    const li = document.createElement('li');
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
    remove.setAttribute('aria-label', `Remove ${origin}`);
    remove.addEventListener('click', async () => { await hosts.remove(origin); await showHosts(); });
    li.append(`${origin} `, remove);
    list.append(li);
  }
}
hostInput.addEventListener('input', checkHost);
document.getElementById('add-host').addEventListener('click', () => {
  const r = checkHost();
  if (r.ok) addHost(r);
  else hostInput.focus();
});
showHosts();

const managed = await managedRead;
for (const name of SWITCHES) {
  if (typeof managed[name] !== 'boolean') continue;
  const box = form.elements[name];
  box.checked = managed[name];
  box.disabled = true;
  box.parentElement.append(managedBadge());
}
// Per field, a managed entry replaces the admin's own (as settings.merge does).
for (const [id, entry] of Object.entries(managed.policy ?? {})) {
  for (const key of KEYS) {
    const row = policyInputs.get(`${id}:${key}`);
    if (!row) continue;
    row.input.value = entry?.[key] === undefined ? '' : String(entry[key]);
    row.input.readOnly = true;
    row.check();
    row.input.parentElement.append(managedBadge());
  }
}
document.getElementById('managed-note').hidden = !(Object.keys(managed).length);
form.dataset.shown = 'managed';
const offered = (Array.isArray(managed.private_cloud_hosts) ? managed.private_cloud_hosts : [])
  .map((h) => core.private_cloud_host(String(h))).filter((r) => r.ok);
document.getElementById('offered').hidden = !offered.length;
for (const r of offered) {
  const { host } = r;
  const li = document.createElement('li');
  const add = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Add' });
  add.setAttribute('aria-label', `Add ${host}`);
  add.addEventListener('click', () => addHost(r));
  li.append(`${host} `, add);
  document.getElementById('offered-list').append(li);
}
