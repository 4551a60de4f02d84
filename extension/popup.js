// The popup: a converter on the Rust core, and the fields the content script found on this tab.
import { loadEngine, loadCatalog } from './engine.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const { core } = await loadEngine();
let last = null;

function show() {
  const input = $('input').value;
  const inMinutes = $('unit').value === 'minutes';
  // Numbers first (one call, one number back); words only for what is shown.
  const value = core.value(input, inMinutes);
  const seconds = inMinutes ? value * 60 : value;
  last = Number.isSafeInteger(seconds) ? { seconds, minutes: seconds % 60 === 0 ? seconds / 60 : null } : null;
  const out = $('result');
  out.textContent = '';
  if (!input.trim()) return;
  const line = document.createElement('div');
  if (last) {
    line.textContent = `${last.seconds.toLocaleString('en-US')} seconds` + (last.minutes !== null ? ` · ${last.minutes.toLocaleString('en-US')} minutes` : '') + ` · ${core.words(value, inMinutes)}`;
  } else {
    const r = core.convert(input, $('unit').value);
    line.className = 'error';
    line.textContent = r.ok ? 'Too large to be a lifetime.' : r.error.message + (r.error.suggestion ? ` Did you mean “${r.error.suggestion}”?` : '');
  }
  out.append(line);
  $('copy-seconds').disabled = !last;
  $('copy-minutes').disabled = !last || last.minutes === null;
}

async function copy(which) {
  if (!last || last[which] === null) return;
  await navigator.clipboard.writeText(String(last[which]));
  $('hint').textContent = `Copied ${last[which]} (${which}).`;
}

$('input').addEventListener('input', show);
$('unit').addEventListener('change', show);
$('copy-seconds').addEventListener('click', () => copy('seconds'));
$('copy-minutes').addEventListener('click', () => copy('minutes'));
$('converter').addEventListener('submit', (e) => e.preventDefault());
$('input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') { e.preventDefault(); copy(e.shiftKey ? 'minutes' : 'seconds'); }
});

function renderTab(status, onDashboard) {
  const box = $('tab');
  box.textContent = '';
  const p = (text, cls) => { const el = document.createElement('p'); el.textContent = text; if (cls) el.className = cls; box.append(el); };
  if (!status && onDashboard) return p('The guard is inactive on this tab: Lifetime Guard is not running there (it was installed or updated after the tab was opened). Reload the tab. Auth0 still validates on save.', 'warning');
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
  renderTab(status, Boolean(tab?.url));
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
