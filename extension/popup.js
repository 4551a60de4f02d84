// The popup: a converter on the Rust core, and the fields the content script found on this tab.
import { loadEngine, loadCatalog } from './engine.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const { core } = await loadEngine();
let last = null;

/** The units a field can have, in the order the result line shows them. */
const UNITS = ['seconds', 'minutes', 'milliseconds', 'days'];

function show() {
  const input = $('input').value;
  const r = core.convert(input, $('unit').value);
  // The value in every unit it is a whole number of (the core's answer: no rule in JavaScript).
  last = r.ok ? Object.fromEntries(UNITS.map((u) => [u, r[u] ?? null])) : null;
  const out = $('result');
  out.textContent = '';
  for (const u of UNITS) $(`copy-${u}`).disabled = !last || last[u] === null;
  if (!input.trim()) return;
  const line = document.createElement('div');
  if (last && last.seconds !== null) {
    const parts = UNITS.filter((u) => last[u] !== null && u !== 'days').map((u) => `${last[u].toLocaleString('en-US')} ${u}`);
    line.textContent = [...parts, r.human].join(' · ');
  } else if (last?.milliseconds != null) {
    // Milliseconds that are no whole number of seconds.
    line.textContent = `${last.milliseconds.toLocaleString('en-US')} milliseconds · ${r.human}`;
  } else {
    line.className = 'error';
    line.textContent = r.error ? r.error.message + (r.error.suggestion ? ` Did you mean “${r.error.suggestion}”?` : '') : 'Too large to be a lifetime.';
  }
  out.append(line);
}

async function copy(which) {
  if (!last || last[which] === null) return;
  await navigator.clipboard.writeText(String(last[which]));
  $('hint').textContent = `Copied ${last[which]} (${which}).`;
}

$('input').addEventListener('input', show);
$('unit').addEventListener('change', show);
for (const u of UNITS) $(`copy-${u}`).addEventListener('click', () => copy(u));
$('converter').addEventListener('submit', (e) => e.preventDefault());
$('input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') { e.preventDefault(); copy(e.shiftKey ? 'minutes' : 'seconds'); }
});

/** What runs on a Dashboard tab that did not answer, read from the page itself: the guard marks
 * the page with its state and version, and a guard loaded before an update or reload of the
 * extension keeps running there, cut off from it. `null` when the page cannot be read. */
async function unanswered(tabId) {
  const [probe] = await ext.scripting.executeScript({
    target: { tabId },
    func: () => ({ state: document.documentElement.dataset.lifetimeGuard ?? null, version: document.documentElement.dataset.lifetimeGuardVersion ?? null }),
  }).catch(() => []);
  return probe?.result ?? null;
}

/** Runs this version's content scripts on the tab: a guard cut off by an update steps down for
 * them (see content.js), without a reload, so nothing typed on the page is lost. */
async function guardNow(tabId) {
  const files = ext.runtime.getManifest().content_scripts[0].js;
  await ext.scripting.executeScript({ target: { tabId }, files });
  for (let i = 0; i < 50; i += 1) {
    const status = await ext.tabs.sendMessage(tabId, { type: 'lifetime-guard:status' }).catch(() => null);
    if (status) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

function renderTab(status, { tabId, onDashboard, inPlace } = {}) {
  const box = $('tab');
  box.textContent = '';
  const p = (text, cls) => { const el = document.createElement('p'); el.textContent = text; if (cls) el.className = cls; box.append(el); };
  const current = ext.runtime.getManifest().version;
  if (!status && onDashboard) {
    const state = inPlace?.state;
    const running = state && !['inactive', 'loading'].includes(state);
    if (running) {
      // The same version: the extension was reloaded (or turned off and on), not updated.
      const which = !inPlace.version ? 'An earlier Lifetime Guard (before the update)'
        : inPlace.version === current ? 'The Lifetime Guard loaded before the extension was reloaded'
          : `An earlier Lifetime Guard (version ${inPlace.version})`;
      p(`${which} still guards this tab, as it was set up when the tab opened: settings changed since then do not reach it, and this popup cannot read its fields.`, 'warning');
    } else {
      p('Nothing of Lifetime Guard runs on this tab: it was opened before Lifetime Guard was installed, enabled or allowed there. Auth0 still validates on save.', 'warning');
    }
    // A guard that predates the handover (it leaves no version on the page) cannot step down:
    // starting a second one would put two notes under each field.
    if (running && !inPlace.version) return p('Reload the tab to use this version (save your changes first).', 'muted');
    const label = !running ? 'Guard this tab now' : inPlace.version === current ? 'Restart the guard on this tab' : `Use version ${current} on this tab`;
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    button.addEventListener('click', async () => {
      button.disabled = true;
      const next = await guardNow(tabId).catch(() => null);
      renderTab(next, { tabId, onDashboard, inPlace: next ? null : await unanswered(tabId) });
      if (next) offerReport(tabId);
    });
    box.append(button);
    return p('Nothing on the page is reloaded: what you typed stays.', 'muted');
  }
  if (!status) return p('Open an Auth0 Dashboard page to see its lifetime fields here.', 'muted');
  if (!status.active) return p(`The guard is inactive on this tab${status.failure ? `: ${status.failure}` : ''}. Auth0 still validates on save.`, 'warning');
  if (!status.fields.length) return p('No lifetime fields on this page.', 'muted');
  const ul = document.createElement('ul');
  for (const f of status.fields) {
    const li = document.createElement('li');
    li.className = f.blocks_save ? 'error' : f.level ?? '';
    li.textContent = `${f.label}: ${f.equation ?? (f.input || 'empty')} — ${f.blocks_save ? 'blocks save' : f.level ?? ''}`;
    ul.append(li);
  }
  box.append(ul);
  p(`Engine: ${status.engine}`, 'muted');
}

// The page report: what the guard saw on the tab (labels, types, fields or why not, Save
// buttons, engine), without values, names or ids, for an issue when a page is not recognised.
function offerReport(tabId) {
  $('report-row').hidden = false;
  $('copy-report').addEventListener('click', async () => {
    const reply = await ext.tabs.sendMessage(tabId, { type: 'lifetime-guard:report' }).catch(() => null);
    if (!reply) { $('report-status').textContent = 'The page did not answer. Reload it and try again.'; return; }
    // The page sends what it saw; the report (what of it may be shown) is built here.
    const { snapshot, ...about } = reply;
    const report = { ...about, ...(snapshot ? core.page_report(snapshot) : {}) };
    const text = `Lifetime Guard page report (attach it to an issue)\n${JSON.stringify(report, null, 2)}`;
    $('report-text').textContent = text;
    $('report-details').hidden = false;
    try {
      await navigator.clipboard.writeText(text);
      $('report-status').textContent = `Copied: ${report.inputs?.length ?? 0} inputs, ${report.saves?.length ?? 0} Save buttons. No values, names or ids.`;
    } catch {
      $('report-status').textContent = 'Could not reach the clipboard: copy the text below.';
    }
  });
}

try {
  // ?tab=ID lets the popup be opened as a page (keyboard users, tests) for a given tab.
  const wanted = Number(new URLSearchParams(location.search).get('tab'));
  const [tab] = wanted ? [await ext.tabs.get(wanted)] : await ext.tabs.query({ active: true, currentWindow: true });
  const status = tab?.id === undefined ? null : await ext.tabs.sendMessage(tab.id, { type: 'lifetime-guard:status' }).catch(() => null);
  // tab.url is visible only for the hosts the extension runs on: the Dashboard.
  const onDashboard = Boolean(tab?.url);
  const inPlace = !status && onDashboard ? await unanswered(tab.id) : null;
  renderTab(status, { tabId: tab?.id, onDashboard, inPlace });
  if (status) offerReport(tab.id);
} catch {
  renderTab(null);
}

// Where each settable lifetime lives in the Dashboard, and the lifetimes nobody can change: the
// catalog's own words (core/fields.json, from the Rust catalog).
loadCatalog().then(({ fields, pages, fixed }) => {
  const item = (text) => Object.assign(document.createElement('li'), { textContent: text });
  for (const f of fields) $('where-list').append(item(`${f.name} (${f.unit}): ${pages[f.page]}`));
  for (const f of fixed) {
    const words = core.words(f.seconds, false);
    $('fixed-list').append(item(`${f.name}: ${words}${f.note ? ` (${f.note})` : ''}`));
  }
}).catch(() => { $('where').hidden = true; });
