// The lifetime map on generated tenants of 30, 300 and 3,000 applications, chosen as a file in
// the playground as a new user would: its height bounded, every finding on a row of its own
// without expanding anything, the groups counted right, names read by hover and keyboard, the
// exports, axe-core clean; screenshots light and dark (tests/artifacts/map-*.png, looked at).
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startReplica, screenshotPath, CHROMIUM_FLAGS } from './helpers.mjs';
import { tenant } from './tenants.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let replica;
let browser;
before(async () => {
  replica = await startReplica();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
});
after(async () => { await browser?.close(); await replica?.close(); });

/** The playground with `apps` applications' export chosen as a file, in `colorScheme`. */
async function mapOf(apps, colorScheme = 'light') {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme, acceptDownloads: true });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${replica.base}/playground/`);
  const { text, expected } = tenant(apps);
  await page.locator('#lint-files').setInputFiles({ name: 'tenant.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await page.locator('#map svg').waitFor();
  return { page, expected };
}

const rowLabels = (page) => page.evaluate(() => [...document.querySelectorAll('#map .row-label')].map((t) => ({
  shown: t.firstChild.nodeValue, title: t.querySelector('title')?.textContent, expanded: t.getAttribute('aria-expanded'),
  visible: (() => { const r = t.getBoundingClientRect(); return r.width > 0 && r.height > 0; })(),
})));

for (const apps of [30, 300, 3000]) {
  test(`${apps.toLocaleString('en-US')} applications: a bounded map, findings first, groups counted`, async () => {
    for (const scheme of ['light', 'dark']) {
      const { page, expected } = await mapOf(apps, scheme);
      const height = Number(await page.locator('#map svg').getAttribute('height'));
      assert.ok(height <= 560, `the map stays within a screen: ${height} px`);
      const rows = await rowLabels(page);
      // Every finding and outlier is a row of its own, drawn before any group, none folded away.
      const first = rows.slice(0, expected.first.length);
      assert.deepEqual(first.map((r) => r.title.split(/ \(|: /)[0]), expected.first);
      assert.ok(first.every((r) => r.visible), 'drawn without expanding anything');
      const counts = rows.map((r) => r.shown.match(/^▸ ([\d,]+) (applications|APIs)$/)).filter(Boolean).map((m) => Number(m[1].replace(/,/g, '')));
      const g = expected.groups;
      assert.deepEqual(counts.sort((a, b) => b - a), [g.browser, g.native, g.backend, g.apis, g.longApis].filter((n) => n > 1).sort((a, b) => b - a).concat(2).sort((a, b) => b - a));
      assert.match(await page.locator('#map-summary').textContent(), new RegExp(`^${(apps + Math.max(1, Math.floor(apps / 5)) + 1).toLocaleString('en-US')} entities in `));
      await page.locator('#map-figure').screenshot({ path: screenshotPath(`map-${apps}-${scheme}`) });
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });
}

test('a group opens on the keyboard: its members listed, names whole in the table', async () => {
  const { page, expected } = await mapOf(300);
  const usual = page.locator('#map .row-label.profile[role=button]').first();
  await usual.focus();
  assert.match(await page.locator('#map-focus').textContent(), /^[\d,]+ applications \([\d,]+ alike\): ID token 10 hours · refresh \(idle\) 15 days · refresh \(absolute\) 30 days$/);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true', 'focus stays on the row, now open');
  const members = await page.locator('#map .member').allTextContents();
  assert.equal(members.length, 61, '60 members and how many more');
  assert.match(members[0], /^Application Application Storefront app for market 0006 · tenant\.yaml$/);
  assert.match(members.at(-1), /^… and [\d,]+ more: the table below lists them all$/);
  // The arrow keys move between rows.
  await page.keyboard.press('ArrowDown');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^▸ \d+ applications/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press(' ');
  assert.equal(await page.locator('#map .member').count(), 0, 'Space closes it');
  // The table lists every member by its whole name.
  await page.locator('#map-table > summary').click();
  const table = await page.locator('#map-table table').textContent();
  for (const name of expected.names) assert.ok(table.includes(name), name);
  // A cut name is whole on hover.
  const cut = (await rowLabels(page)).find((r) => r.shown.includes('…'));
  assert.match(cut.title, /^Application Application Storefront app for market 000\d/);
  await page.close();
});

test('coinciding values are both drawn where they can be read', async () => {
  const { page } = await mapOf(30);
  // App 4: refresh idle and absolute both 30 days.
  const marks = await page.evaluate(() => {
    const label = [...document.querySelectorAll('#map .row-label')].find((t) => t.firstChild.nodeValue.endsWith('0004'));
    const y = Number(label.getAttribute('y')) - 4;
    return [...document.querySelectorAll('#map > svg > g:last-child .mark')].map((m) => { const b = m.getBBox(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; }).filter((b) => Math.abs(b.y - y) <= 16);
  });
  assert.equal(marks.length, 3);
  const [a, b] = marks.slice(1);
  assert.ok(Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) >= 11, `stacked, not on top of each other: ${JSON.stringify(marks)}`);
  await page.close();
});

test('exports: the map as SVG and PNG, the grouped table as CSV', async () => {
  const { page, expected } = await mapOf(300);
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), data: fs.readFileSync(await download.path()) };
  };
  const csv = await save('Download the table (CSV)');
  const lines = csv.data.toString('utf8').split('\r\n');
  assert.equal(csv.name, 'lifetime-map.csv');
  assert.equal(lines[0], 'row,standing,level,kind,count,members,access token (seconds),implicit/hybrid (seconds),ID token (seconds),refresh (absolute) (seconds),refresh (idle) (seconds),session (idle) (seconds),session (seconds),findings');
  assert.equal(lines.length, 13, '11 rows, the header and the last line break');
  assert.ok(lines.some((l) => l.startsWith(`${expected.groups.browser} applications,profile,ok,client,${expected.groups.browser},`)), 'a group with its count');
  const svg = await save('Download the map (SVG)');
  assert.equal(svg.name, 'lifetime-map.svg');
  const text = svg.data.toString('utf8');
  assert.match(text, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(text.includes('refresh (absolute)') && text.includes('API Payments API'), 'the legend and the rows');
  assert.match(text, /fill: rgb\(/, 'its colours written in');
  const png = await save('Download the map (PNG)');
  assert.equal(png.name, 'lifetime-map.png');
  assert.equal(png.data.subarray(1, 4).toString(), 'PNG');
  const [width, height] = [png.data.readUInt32BE(16), png.data.readUInt32BE(20)];
  assert.equal(width, 2 * Number(await page.locator('#map svg').getAttribute('width')), 'drawn at twice its size');
  assert.ok(height > 600, `${height}`);
  // The PNG, opened, shows the map (not a blank canvas): more than one colour.
  const colours = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return seen.size;
  }, png.data.toString('base64'));
  assert.ok(colours > 8, `${colours} colours`);
  await page.close();
});

test('axe-core finds nothing on the map, its table and the exports, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page } = await mapOf(300, scheme);
    await page.locator('#map .row-label[role=button]').first().click();
    await page.locator('#map-table > summary').click();
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => (await window.axe.run('#map-figure', { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
    assert.deepEqual(violations, [], scheme);
    await page.close();
  }
});
