// The playground: the converter, the field checker and the export linter, on the same Rust core
// as the extension and the command line. The lint module is loaded only when something is linted.
import { loadEngine, loadFields } from './engine.js';
import { instantiate } from './instantiate.js';
import { drawMap, svgFile, pngFile, plural } from './map.js';

const { core } = await loadEngine();
const $ = (id) => document.getElementById(id);
const text = (tag, content, cls) => Object.assign(document.createElement(tag), { textContent: content, className: cls ?? '' });
const fields = await loadFields();

function convert() {
  const input = $('conv-input').value;
  const unit = $('conv-unit').value;
  const out = $('conv-out');
  // Numbers first; the words of a value, or the explanation of a refusal, on demand.
  const value = core.value(input, unit === 'minutes');
  if (!Number.isNaN(value)) {
    const minutes = unit === 'seconds' && value % 60 === 0 ? ` · ${(value / 60).toLocaleString('en-US')} minutes` : '';
    out.replaceChildren(text('span', `${core.equation(value, unit === 'minutes')}${minutes} · short: ${core.short(value, unit === 'minutes')}`, 'ok'));
  } else {
    const r = core.convert(input, unit);
    out.replaceChildren(text('span', `${r.error.message}${r.error.suggestion ? ` Did you mean “${r.error.suggestion}”?` : ''}`, 'error'));
  }
}

for (const ex of ['24h', '30 days', '1d 12h', '1 day and 12 hours', '1.5 days', 'P1DT2H', '1:30:00', '86,400', '31 days', '1 month', '86.400']) {
  const b = text('button', ex, 'example');
  b.type = 'button';
  b.addEventListener('click', () => { $('conv-input').value = ex; convert(); });
  $('examples').append(b);
}

for (const f of fields) $('field').append(Object.assign(document.createElement('option'), { value: f.id, textContent: f.labels.length ? `${f.name} — ${f.labels.at(-1)}` : f.name }));

function check() {
  const field = fields.find((f) => f.id === $('field').value);
  const relation = field.relations[0];
  // The other field of a relation, and the audience, only where they mean something.
  $('sibling-row').hidden = !relation;
  if (relation) $('sibling-label').textContent = `${fields.find((f) => f.id === relation.at_most).name} (for the relation)`;
  $('audience-row').hidden = field.page !== 'api_settings';
  const context = {
    api_identifier: field.page === 'api_settings' && $('audience').value ? $('audience').value : null,
    siblings: relation ? { [relation.at_most]: $('sibling').value } : {},
  };
  const v = core.check(field.id, $('value').value, context);
  const box = $('verdict');
  box.replaceChildren();
  box.append(text('p', `${v.blocks_save ? 'Blocks save' : v.level === 'warning' ? 'Warning' : 'OK'}${v.equation ? ` — ${v.equation}` : ''}`, `badge ${v.blocks_save ? 'error' : v.level}`));
  const ul = document.createElement('ul');
  for (const m of v.messages) ul.append(text('li', m.text, m.level));
  if (v.messages.length) box.append(ul);
  if (v.flows.length) box.append(text('p', `${field.flows.length <= 2 ? 'Affects only' : 'Affects'}: ${v.flows.map((f) => f.name).join(' · ')}`));
  box.append(text('p', v.explanation, 'muted'));
}

$('conv-input').addEventListener('input', convert);
$('conv-unit').addEventListener('change', convert);
for (const id of ['field', 'value', 'sibling', 'audience']) $(id).addEventListener('input', check);
$('field').addEventListener('change', check);
convert();
check();

// ---- The linter ----

let linting = null;
const loadLint = () => {
  linting ??= import('./core/lint_bg.js').then((glue) => instantiate(glue, new URL('./core/lint_bg.wasm', import.meta.url)));
  return linting;
};

/** Lints `files` ([{name, text}]) and shows the findings and the map. */
async function lintFiles(files) {
  const out = $('lint-out');
  out.replaceChildren(text('p', 'Checking…', 'muted'));
  let answer;
  try {
    const lint = await loadLint();
    const keywords = $('lint-keywords').value.trim() || undefined;
    answer = JSON.parse(lint.lint(files.map((f) => f.name), files.map((f) => f.text), keywords));
  } catch (e) {
    out.replaceChildren(text('p', `Not linted: ${e.message ?? e}`, 'error'));
    return;
  }
  showFindings(answer.report);
  showMap(answer.map, answer.csv);
}

function showFindings(report) {
  const out = $('lint-out');
  out.replaceChildren();
  const flagged = [...report.values, ...report.findings];
  const errors = flagged.filter((v) => v.level === 'error').length + report.files.filter((f) => f.error).length;
  const warnings = flagged.filter((v) => v.level === 'warning').length;
  const unread = report.files.filter((f) => !f.format && !f.error).map((f) => f.path);
  const n = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
  out.append(text('p', `${n(report.values.length, 'lifetime')} in ${n(report.files.length - unread.length, 'file')}: ${n(errors, 'error')}, ${n(warnings, 'warning')}.`, errors ? 'badge error' : warnings ? 'badge warning' : 'badge ok'));
  if (unread.length) out.append(text('p', `No tenant configuration in: ${unread.join(', ')}.`, 'muted'));
  const ul = Object.assign(document.createElement('ul'), { className: 'findings' });
  for (const f of report.files.filter((x) => x.error)) {
    const li = document.createElement('li');
    li.append(text('span', 'Error ', 'badge error'), text('span', f.error.message), text('div', `${f.path}:${f.error.line}:${f.error.column}`, 'where'));
    ul.append(li);
  }
  for (const v of flagged.filter((x) => x.level !== 'ok')) {
    const li = document.createElement('li');
    const [first, ...rest] = v.messages.filter((m) => m.level === 'error' || m.level === 'warning');
    li.append(text('span', v.level === 'error' ? 'Error ' : 'Warning ', `badge ${v.level}`), text('span', first?.text ?? ''));
    for (const m of rest) li.append(text('div', m.text, m.level));
    const what = v.about ? `${v.about} = ${v.raw} (for ${v.field})` : `${v.field} = ${v.raw} (${v.unit})`;
    li.append(text('div', `${entityName(v.entity)} · ${what} · ${v.path}:${v.line}:${v.column}`, 'where'));
    ul.append(li);
  }
  out.append(ul);
}

// `email_template:verify_email` → "Email template verify_email".
const KINDS = { resource_server: 'API', client: 'Application' };
const entityName = (e) => (e === 'tenant' ? 'Tenant' : e.replace(/^([a-z_]+):/, (_, k) => `${KINDS[k] ?? (k[0].toUpperCase() + k.slice(1).replace(/_/g, ' '))} `));

let shownCsv = '';
/** The lifetime map of the model the core computed; what is no lifetime is said beside it. */
function showMap(model, csv) {
  const apart = $('map-intervals');
  apart.hidden = !model.apart.length;
  const what = (a) => `${a.short} = ${a.raw} ${a.unit} (${a.who})${a.measures === 'interval' ? `, an interval between attempts${a.per_day !== null ? `: ${a.per_day ? a.per_day.toLocaleString('en-US') : 'less than one'} a day` : ''}` : ', a grace period after rotation'}`;
  apart.textContent = model.apart.length ? `Not on the map, being no lifetimes: ${model.apart.map(what).join('; ')}.` : '';
  $('map-figure').hidden = !model.rows.length && !model.apart.length;
  $('map-export').hidden = !model.rows.length;
  $('map-table').hidden = !model.rows.length;
  const count = (s) => model.rows.filter((r) => r.standing === s).length;
  $('map-summary').textContent = model.rows.length ? `${plural(model.entities, 'entity', 'entities')} in ${plural(model.rows.length, 'row', 'rows')}: ${plural(count('finding'), 'row', 'rows')} with findings, ${plural(count('outlier'), 'outlier', 'outliers')}, ${plural(count('profile'), 'profile', 'profiles')}.` : '';
  drawMap(model, { box: $('map'), table: $('map-table'), focusOut: $('map-focus') });
  shownCsv = csv;
}

const download = (name, blob) => {
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
};
$('export-svg').addEventListener('click', () => download('lifetime-map.svg', new Blob([svgFile($('map').querySelector('svg'))], { type: 'image/svg+xml' })));
$('export-png').addEventListener('click', async () => {
  const svg = $('map').querySelector('svg');
  download('lifetime-map.png', await pngFile(svgFile(svg), Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))));
});
$('export-csv').addEventListener('click', () => download('lifetime-map.csv', new Blob([shownCsv], { type: 'text/csv' })));

// Files chosen or dropped; a directory export keeps its folder names (resource-servers/x.json).
const readFiles = async (list) => Promise.all([...list].map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })));
/** What was dropped: files, or folders walked (a Deploy CLI directory export is dropped whole). */
async function readDropped(entries) {
  const out = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      out.push({ name: entry.fullPath.replace(/^\//, ''), text: await file.text() });
      return;
    }
    const reader = entry.createReader();
    for (let batch; (batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject))).length;) {
      for (const e of batch) await walk(e);
    }
  };
  for (const e of entries) await walk(e);
  return out;
}
$('lint-files').addEventListener('change', async (e) => lintFiles(await readFiles(e.target.files)));
$('lint-folder').addEventListener('change', async (e) => lintFiles(await readFiles(e.target.files)));
$('lint-paste').addEventListener('click', () => lintFiles([{ name: $('lint-as').value, text: $('lint-text').value }]));
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  // The entries are taken at once: the drop's data is gone when the handler returns.
  const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  lintFiles(entries.length ? await readDropped(entries) : await readFiles(e.dataTransfer.files));
});
