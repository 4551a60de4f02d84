// The playground: the converter and the field checker, on the same wasm core as the extension.
import { loadEngine, loadFields } from './engine.js';

const { core } = await loadEngine();
const $ = (id) => document.getElementById(id);
const text = (tag, content, cls) => Object.assign(document.createElement(tag), { textContent: content, className: cls ?? '' });
const fields = await loadFields();

function convert() {
  const r = core.convert($('conv-input').value, $('conv-unit').value);
  const out = $('conv-out');
  out.replaceChildren(r.ok
    ? text('span', `${r.equation} · short: ${r.short}${r.minutes !== null && r.unit === 'seconds' ? ` · ${r.minutes.toLocaleString('en-US')} minutes` : ''}`, 'ok')
    : text('span', `${r.error.message}${r.error.suggestion ? ` Did you mean “${r.error.suggestion}”?` : ''} [${r.error.kind}, bytes ${r.error.start}–${r.error.end}]`, 'error'));
}

for (const ex of ['24h', '30 days', '1d 12h', '1 day and 12 hours', '1.5 days', 'P1DT2H', '1:30:00', '86,400', '31 days', '1 month', '86.400']) {
  const b = text('button', ex, 'example');
  b.type = 'button';
  b.addEventListener('click', () => { $('conv-input').value = ex; convert(); });
  $('examples').append(b);
}

for (const f of fields) $('field').append(Object.assign(document.createElement('option'), { value: f.id, textContent: `${f.name} — ${f.labels.at(-1)}` }));

function check() {
  const field = fields.find((f) => f.id === $('field').value);
  const relation = field.relations[0];
  $('sibling').disabled = !relation;
  $('sibling-label').textContent = relation ? `${fields.find((f) => f.id === relation.at_most).name} (for the relation)` : 'No related field';
  const context = { api_identifier: $('audience').value || null, siblings: relation ? { [relation.at_most]: $('sibling').value } : {} };
  const v = core.check(field.id, $('value').value, context);
  const box = $('verdict');
  box.replaceChildren();
  box.append(text('p', `${v.blocks_save ? 'Blocks save' : v.level === 'warning' ? 'Warning' : 'OK'}${v.equation ? ` — ${v.equation}` : ''}`, `badge ${v.blocks_save ? 'error' : v.level}`));
  const ul = document.createElement('ul');
  for (const m of v.messages) ul.append(text('li', `${m.text} (${m.code})`, m.level));
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
