// Pads the fixture with ?nodes=N unrelated elements (nested, with text), as a large page would be.
const n = Number(new URLSearchParams(location.search).get('nodes') ?? 1000);
const pad = document.getElementById('padding');
let parent = pad;
for (let i = 0; i < n; i++) {
  const el = document.createElement(i % 3 ? 'span' : 'div');
  el.textContent = i % 7 ? '' : `row ${i}`;
  parent.append(el);
  if (i % 50 === 0) parent = el.tagName === 'DIV' ? el : pad;
}
document.getElementById('settings').addEventListener('submit', (e) => e.preventDefault());
