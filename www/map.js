// The lifetime map: draws the model the Rust core computes (src/lint/map.rs: rows grouped by
// profile, findings and outliers first, a legend of the kinds of lifetime) as one SVG, with a
// table of the same rows for screen readers and for reading, and the exports.
const SVG = 'http://www.w3.org/2000/svg';
const el = (tag, attrs = {}, content) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (content !== undefined) e.textContent = content;
  return e;
};
const html = (tag, content, cls) => Object.assign(document.createElement(tag), { textContent: content ?? '', className: cls ?? '' });

const TICKS = [[60, '1 min'], [3600, '1 h'], [86400, '1 day'], [604800, '1 week'], [2592000, '30 days'], [31557600, '1 year'], [157788000, '5 years']];
const LEFT = 240; const WIDTH = 530; const ROW = 36; const MEMBER = 17;
// Outliers beyond these are folded behind one row; findings are always drawn.
const OUTLIERS_SHOWN = 12; const MEMBERS_SHOWN = 60;
const [LO, HI] = [Math.log(60), Math.log(157788000)];
const x = (s) => LEFT + ((Math.log(Math.min(Math.max(s, 60), 157788000)) - LO) / (HI - LO)) * WIDTH;
// Cut in the middle: names of one tenant are often alike at the start and told apart at the end.
const truncate = (s, n) => (s.length > n ? `${s.slice(0, Math.ceil(n / 2) - 1)}…${s.slice(s.length - Math.floor(n / 2))}` : s);

/** A kind's mark: one of six shapes, one of eight colours (24 kinds before a pair repeats). */
function shape(key, cx, cy) {
  const cls = `mark k${key % 8}`;
  const r = 6;
  const points = (pts) => el('polygon', { class: cls, points: pts.map(([a, b]) => `${(cx + a).toFixed(1)},${(cy + b).toFixed(1)}`).join(' ') });
  switch (key % 6) {
    case 0: return el('circle', { class: cls, cx, cy, r });
    case 1: return el('rect', { class: cls, x: cx - r + 1, y: cy - r + 1, width: 2 * r - 2, height: 2 * r - 2 });
    case 2: return points([[0, -r - 1], [r + 1, 0], [0, r + 1], [-r - 1, 0]]);
    case 3: return points([[0, -r - 1], [r, r - 1], [-r, r - 1]]);
    case 4: return points([[0, r + 1], [r, 1 - r], [-r, 1 - r]]);
    default: return points([0, 60, 120, 180, 240, 300].map((d) => [r * Math.cos((d * Math.PI) / 180), r * Math.sin((d * Math.PI) / 180)]));
  }
}

export const plural = (n, one, many) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
/** A row's warnings and errors: its marks' ("refresh (idle): …"), then the rest. */
const findingsOf = (row, legend) => [...row.marks.filter((m) => m.said).map((m) => `${legend[m.key].short}: ${m.said}`), ...row.findings];
const said = (row, legend) => `${row.label}${row.members.length > 1 ? ` (${row.members.length} alike)` : ''}: ${row.summary || 'no lifetime read'}${findingsOf(row, legend).map((f) => `. ${f}`).join('')}`;

/**
 * Draws `model` into `box` (the SVG), `table` (a <details> holding the table) and says the
 * focused row in `focusOut`. Returns nothing; a group's toggle draws again.
 */
export function drawMap(model, { box, table, focusOut }) {
  const open = new Set();
  let allOutliers = false;
  const draw = (focusRow) => {
    box.replaceChildren(svgOf(model, open, allOutliers, {
      toggle: (i) => { open.has(i) ? open.delete(i) : open.add(i); draw(i); },
      more: () => { allOutliers = true; draw(); },
      focus: (text) => { focusOut.textContent = text; },
    }));
    if (focusRow !== undefined) box.querySelector(`[data-row="${focusRow}"]`)?.focus();
  };
  draw();
  table.replaceChildren(html('summary', 'The map as a table'), tableOf(model));
}

function svgOf(model, open, allOutliers, on) {
  const { legend, rows } = model;
  // Each row with its index in the model (a group's toggle names it); outliers past the first
  // OUTLIERS_SHOWN are folded.
  let outliers = 0;
  const shown = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.standing !== 'outlier' || allOutliers || outliers++ < OUTLIERS_SHOWN);
  const hidden = rows.length - shown.length;
  const svg = el('svg', { role: 'group', 'aria-label': `Lifetime map: ${plural(rows.length, 'row', 'rows')} for ${plural(model.entities, 'entity', 'entities')} (APIs, applications, the tenant and other settings)` });
  // The legend: each kind once, wrapped over lines.
  let lx = 0; let ly = 14;
  const legendBox = el('g', { class: 'legend' });
  legend.forEach((k, i) => {
    const w = 26 + k.short.length * 6.4;
    if (lx + w > LEFT + WIDTH) { lx = 0; ly += 20; }
    const item = el('g');
    item.append(el('title', {}, k.name), shape(i, lx + 7, ly - 4), el('text', { x: lx + 18, y: ly }, k.short));
    legendBox.append(item);
    lx += w;
  });
  ly += 22;
  const ring = (cls, x0) => { legendBox.append(el('circle', { class: `ring ${cls}`, cx: x0 + 7, cy: ly - 4, r: 6 })); };
  ring('error', 0); legendBox.append(el('text', { x: 20, y: ly }, 'error'));
  ring('warning', 70); legendBox.append(el('text', { x: 90, y: ly }, 'warning'));
  legendBox.append(el('text', { x: 170, y: ly, class: 'muted' }, 'a row of several: entities whose lifetimes are all the same'));
  svg.append(legendBox);
  const top = ly + 34;
  let y = top;
  const body = el('g');
  const labels = [];
  shown.forEach(({ row, i }) => {
    const cy = y + ROW / 2;
    const group = row.members.length > 1;
    const text = said(row, legend);
    const label = el('text', { x: 14, y: cy + 4, class: `row-label ${row.standing}`, tabindex: 0, 'data-row': i, 'aria-label': text }, `${group ? (open.has(i) ? '▾ ' : '▸ ') : ''}${truncate(row.label, 32)}`);
    if (group) { label.setAttribute('role', 'button'); label.setAttribute('aria-expanded', open.has(i)); } else label.setAttribute('role', 'img');
    label.append(el('title', {}, text));
    label.addEventListener('focus', () => on.focus(text));
    if (group) {
      label.addEventListener('click', () => on.toggle(i));
      label.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); on.toggle(i); } });
    }
    labels.push(label);
    if (row.level !== 'ok') body.append(el('rect', { class: `level ${row.level}`, x: 0, y: cy - 6, width: 8, height: 12 }));
    body.append(label, el('line', { class: 'row-line', x1: LEFT, x2: LEFT + WIDTH, y1: cy, y2: cy }));
    // A row with nothing to draw (a value not read) says its finding on the line.
    if (!row.marks.length && row.findings.length) body.append(el('text', { x: LEFT + 6, y: cy - 5, class: 'row-note' }, truncate(row.findings[0], 100)));
    // Values that coincide (closer than a mark) are stacked, so each can be read.
    let last = -Infinity; let stack = 0;
    for (const m of row.marks) {
      const cx = x(m.seconds);
      stack = cx - last < 10 ? stack + 1 : 0;
      if (!stack) last = cx;
      const my = cy + [0, -13, 13][Math.min(stack, 2)];
      const g = el('g');
      g.append(el('title', {}, `${legend[m.key].short}: ${m.words} (${m.raw} ${m.unit})${m.said ? ` — ${m.said}` : ''}`));
      if (m.level === 'error' || m.level === 'warning') g.append(el('circle', { class: `ring ${m.level}`, cx, cy: my, r: 10 }));
      g.append(shape(m.key, cx, my));
      // Beyond the axis' last tick: drawn at its end, with an arrow.
      if (m.seconds > 157788000) g.append(el('text', { x: cx + 12, y: my + 4, class: 'beyond' }, '»'));
      body.append(g);
    }
    y += ROW;
    if (group && open.has(i)) {
      for (const m of row.members.slice(0, MEMBERS_SHOWN)) {
        body.append(el('text', { x: 30, y: y + 12, class: 'member' }, truncate(`${m.name} · ${m.path}`, 110)));
        y += MEMBER;
      }
      if (row.members.length > MEMBERS_SHOWN) {
        body.append(el('text', { x: 30, y: y + 12, class: 'member muted' }, `… and ${(row.members.length - MEMBERS_SHOWN).toLocaleString('en-US')} more: the table below lists them all`));
        y += MEMBER;
      }
    }
  });
  if (hidden) {
    const more = el('text', { x: 14, y: y + ROW / 2 + 4, class: 'row-label more', tabindex: 0, role: 'button' }, `▸ ${plural(hidden, 'more outlier', 'more outliers')}`);
    more.addEventListener('click', on.more);
    more.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); on.more(); } });
    labels.push(more);
    body.append(more);
    y += ROW;
  }
  // Up and down arrows move between rows; Tab does too.
  labels.forEach((l, i) => l.addEventListener('keydown', (e) => {
    const to = e.key === 'ArrowDown' ? labels[i + 1] : e.key === 'ArrowUp' ? labels[i - 1] : null;
    if (to) { e.preventDefault(); to.focus(); }
  }));
  const bottom = y + 8;
  for (const [s, name] of TICKS) {
    const g = el('g', { class: 'tick' });
    g.append(el('line', { class: 'axis', x1: x(s), x2: x(s), y1: top - 6, y2: bottom }), el('text', { x: x(s), y: top - 10, 'text-anchor': 'middle' }, name), el('text', { x: x(s), y: bottom + 14, 'text-anchor': 'middle' }, name));
    svg.append(g);
  }
  svg.append(body);
  svg.setAttribute('width', LEFT + WIDTH + 50);
  svg.setAttribute('height', bottom + 24);
  return svg;
}

function tableOf(model) {
  const t = html('table');
  const head = t.createTHead().insertRow();
  for (const h of ['Row', 'Members', ...model.legend.map((k) => k.short), 'Findings']) head.append(Object.assign(html('th', h), { scope: 'col' }));
  const body = t.createTBody();
  for (const r of model.rows) {
    const tr = body.insertRow();
    tr.append(Object.assign(html('th', `${r.label}${r.standing === 'profile' ? '' : ` (${r.standing})`}`), { scope: 'row' }));
    const members = tr.insertCell();
    if (r.members.length === 1) members.textContent = r.members[0].path;
    else {
      const d = html('details');
      const ul = html('ul');
      for (const m of r.members) ul.append(html('li', `${m.name} · ${m.path}`));
      d.append(html('summary', plural(r.members.length, 'member', 'members')), ul);
      members.append(d);
    }
    model.legend.forEach((_, k) => { tr.insertCell().textContent = r.marks.find((m) => m.key === k)?.words ?? ''; });
    tr.insertCell().textContent = findingsOf(r, model.legend).join(' ');
  }
  return t;
}

/** The drawn map as a standalone SVG file: the page's colours written into it. */
export function svgFile(svg) {
  const copy = svg.cloneNode(true);
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((node, i) => {
    const s = getComputedStyle(node);
    for (const p of ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-family', 'font-size', 'font-weight', 'opacity']) to[i].style.setProperty(p, s.getPropertyValue(p));
  });
  copy.setAttribute('xmlns', SVG);
  copy.insertBefore(el('rect', { width: '100%', height: '100%', fill: getComputedStyle(document.body).backgroundColor }), copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** The SVG file rendered at twice its size, as a PNG blob. */
export async function pngFile(svgText, width, height) {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = Object.assign(document.createElement('canvas'), { width: width * 2, height: height * 2 });
  const ctx = canvas.getContext('2d');
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
}
