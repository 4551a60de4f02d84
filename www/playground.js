// The playground: the converter, the field checker and the export linter, on the same Rust core
// as the extension and the command line. The lint module is loaded only when something is linted.
import { loadEngine, loadFields } from './engine.js';
import { instantiate } from './instantiate.js';

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
  let lint;
  try {
    lint = await loadLint();
  } catch (e) {
    out.replaceChildren(text('p', `The linter could not load: ${e.message}`, 'error'));
    return;
  }
  const keywords = $('lint-keywords').value.trim() || undefined;
  const reports = [];
  for (const f of files) {
    try {
      reports.push(JSON.parse(lint.lint(f.name, f.text, keywords)));
    } catch (e) {
      reports.push({ files: [{ path: f.name, format: null, error: { message: String(e.message ?? e), line: 1, column: 1 } }], values: [], findings: [] });
    }
  }
  // Lifetimes go on the map; a rule's finding about another setting (a flag) is listed only.
  const report = { files: reports.flatMap((r) => r.files), values: reports.flatMap((r) => r.values), findings: reports.flatMap((r) => r.findings ?? []) };
  showFindings(report);
  drawMap(report.values);
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

// Short names on the map, per field.
const SHORT = {
  token_lifetime: 'access token', token_lifetime_for_web: 'implicit/hybrid', 'jwt_configuration.lifetime_in_seconds': 'ID token',
  'refresh_token.token_lifetime': 'refresh (absolute)', 'refresh_token.idle_token_lifetime': 'refresh (idle)',
  session_lifetime: 'session', idle_session_lifetime: 'session (idle)', ephemeral_session_lifetime: 'non-persistent session', idle_ephemeral_session_lifetime: 'non-persistent (idle)',
  urlLifetimeInSeconds: 'email link', 'options.totp.time_step': 'one-time code', 'suspicious_ip_throttling.stage.pre-login.rate': 'login throttling',
  'suspicious_ip_throttling.stage.pre-user-registration.rate': 'signup throttling', 'addons.samlp.lifetimeInSeconds': 'SAML assertion',
};
// Every other field by its catalog name: a row added to the catalog is on the map at once.
const shortName = (id) => SHORT[id] ?? fields.find((f) => f.id === id)?.name ?? id;
/** Attempts a day that an interval of `seconds` allows (one each time it passes). */
const perDay = (seconds) => (seconds > 86400 ? 'less than one' : Math.floor(86400 / seconds).toLocaleString('en-US'));
const TICKS = [[60, '1 min'], [3600, '1 h'], [86400, '1 day'], [604800, '1 week'], [2592000, '30 days'], [31557600, '1 year'], [157788000, '5 years']];
const SVG = 'http://www.w3.org/2000/svg';
const el = (tag, attrs = {}, content) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (content !== undefined) e.textContent = content;
  return e;
};

/** One row per API, application and tenant; every lifetime on one logarithmic time axis. */
function drawMap(values) {
  // Only lifetimes share the axis: the rotation overlap is a grace period, and attack
  // protection's rates are intervals between attempts (the catalog says what each field measures).
  const interval = (v) => fields.find((f) => f.id === v.field)?.measures === 'interval';
  const shown = values.filter((v) => v.seconds !== null && v.field !== 'refresh_token.leeway' && !interval(v));
  const intervals = values.filter(interval);
  const apart = $('map-intervals');
  apart.hidden = !intervals.length;
  apart.textContent = intervals.length
    ? `Not on the map, being no lifetimes: ${intervals.map((v) => `${shortName(v.field)} = ${v.raw} ${v.unit} (${entityName(v.entity)}), an interval between attempts${v.seconds ? `: ${perDay(v.seconds)} a day` : ''}`).join('; ')}.`
    : '';
  $('map-figure').hidden = !shown.length && !intervals.length;
  const box = $('map');
  box.replaceChildren();
  if (!shown.length) return;
  const rows = [...new Set(shown.map((v) => `${v.path}\u0000${v.entity}`))];
  const left = 190; const width = 620; const rowH = 34; const top = 24;
  const height = top + rows.length * rowH + 30;
  const [lo, hi] = [Math.log(60), Math.log(157788000)];
  const x = (s) => left + ((Math.log(Math.min(Math.max(s, 60), 157788000)) - lo) / (hi - lo)) * width;
  const svg = el('svg', { width: left + width + 20, height, role: 'img', 'aria-label': `Lifetime map of ${rows.length} APIs, applications, tenants and other settings` });
  for (const [s, label] of TICKS) {
    const g = el('g', { class: 'tick' });
    g.append(el('line', { class: 'axis', x1: x(s), x2: x(s), y1: top - 6, y2: height - 24 }), el('text', { x: x(s), y: height - 8, 'text-anchor': 'middle' }, label));
    svg.append(g);
  }
  rows.forEach((key, i) => {
    const [path, entity] = key.split('\u0000');
    const y = top + i * rowH + rowH / 2;
    const items = shown.filter((v) => v.path === path && v.entity === entity).sort((a, b) => a.seconds - b.seconds);
    // The label is cut to fit; the full name is the row's title (hover) and, for the keyboard,
    // the row is focusable and says its name and lifetimes beside the map when focused.
    const name = entityName(entity);
    const said = `${name}: ${items.map((v) => `${shortName(v.field)} ${v.raw} ${v.unit}`).join(', ')}`;
    const label = el('text', { x: 0, y: y + 4, class: 'row-label', tabindex: 0, 'aria-label': said }, truncate(name, 28));
    label.append(el('title', {}, name));
    label.addEventListener('focus', () => { $('map-focus').textContent = said; });
    svg.append(label, el('line', { class: 'row-line', x1: left, x2: left + width, y1: y, y2: y }));
    // Labels go above or below the line, wherever they overlap no label already placed.
    const lanes = [[], []];
    for (const v of items) {
      const cx = x(v.seconds);
      const mark = el('circle', { cx, cy: y, r: v.level === 'ok' ? 5 : 7, class: v.level });
      mark.append(el('title', {}, `${shortName(v.field)}: ${v.raw} ${v.unit} — ${v.messages.find((m) => m.level !== 'info')?.text ?? 'OK'}`));
      const label = shortName(v.field);
      const w = label.length * 5.6;
      // Near the right edge the label goes to the left of its mark.
      const right = cx > left + width - 120;
      const span = right ? [cx - 8 - w, cx - 8] : [cx + 8, cx + 8 + w];
      const overlap = (lane) => lane.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, span[1]) - Math.max(a, span[0])), 0);
      const lane = overlap(lanes[0]) <= overlap(lanes[1]) ? 0 : 1;
      lanes[lane].push(span);
      svg.append(mark, el('text', { x: right ? cx - 8 : cx + 8, y: y + (lane ? 14 : -6), 'font-size': 10, 'text-anchor': right ? 'end' : 'start' }, label));
    }
  });
  box.append(svg);
}

const truncate = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

// Files chosen or dropped; a directory export keeps its folder names (resource-servers/x.json).
const readFiles = async (list) => Promise.all([...list].map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })));
$('lint-files').addEventListener('change', async (e) => lintFiles(await readFiles(e.target.files)));
$('lint-paste').addEventListener('click', () => lintFiles([{ name: $('lint-as').value, text: $('lint-text').value }]));
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  lintFiles(await readFiles(e.dataTransfer.files));
});
