// The store's images, taken from the built extension on the MUI replica so they never drift
// from what ships: four screenshots at 1280×800 and the 440×280 promo tile, as JPEG (the stores
// take JPEG or 24-bit PNG: JPEG has no alpha channel to get wrong). Written into
// dist/store/screenshots/ and dist/store/, where `cargo xtask dist`'s store pages name them.
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, CHROME_EXTENSION, startReplica, launchChromium, open, waitNote, retype, dashboardTabId, typeInto, API } from './helpers.mjs';

const DIST = process.env.LG_DIST ?? path.join(ROOT, 'dist');
const STORE = path.join(DIST, 'store');
const LISTING = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/store/listing.json'), 'utf8'));
const MAIN = 'Maximum Access Token Lifetime';
const WEB = 'Implicit / Hybrid Flow Access Token Lifetime';
// The stores show 1280×800 pixels: a 1600×1000 window at 0.8 device pixels per CSS pixel, so
// a screenshot holds as much of the Dashboard as a laptop screen does.
const SIZE = { width: 1600, height: 1000 };
const SCALE = 0.8;

/** Width, height and component count from a JPEG's start-of-frame segment. */
function jpegFrame(bytes) {
  assert.equal(bytes.readUInt16BE(0), 0xffd8, 'a JPEG');
  for (let i = 2; i + 9 < bytes.length;) {
    const marker = bytes.readUInt16BE(i);
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xffc0 && marker <= 0xffc3) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7), components: bytes[i + 9] };
    }
    i += 2 + length;
  }
  throw new Error('no start-of-frame segment');
}

const shot = (page, name) => page.screenshot({ path: path.join(STORE, 'screenshots', name), type: 'jpeg', quality: 90, scale: 'device' });

let replica;
let browser;
before(async () => {
  fs.mkdirSync(path.join(STORE, 'screenshots'), { recursive: true });
  replica = await startReplica({ csp: true });
  browser = await launchChromium(CHROME_EXTENSION, { viewport: SIZE, deviceScaleFactor: SCALE });
});
after(async () => { await browser?.close(); await replica?.close(); });

/** Scrolls the field labelled `label` near the top of the window, its section title above it. */
const showFrom = (page, label, above = 140) => page.getByLabel(label, { exact: false }).first().evaluate((el, y) => {
  el.scrollIntoView({ block: 'start' });
  window.scrollBy(0, -y);
}, above);
const apiUrl = () => `${replica.base}/dashboard/us/acme/apis/${API}/settings`;
const file = (n) => LISTING.screenshots[n].file;

test('1: a save stopped, dark theme', async () => {
  const page = await open(browser.context, apiUrl());
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await retype(page, MAIN, '31 days');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitNote(page, MAIN, 'Blocks save');
  await page.waitForFunction(() => document.getElementById('lifetime-guard-alert')?.dataset.theme === 'dark');
  await page.getByRole('button', { name: 'Light mode' }).waitFor();
  await showFrom(page, MAIN, 40); // the field, its note and the message beside Save
  await shot(page, file(0));
  await page.getByRole('button', { name: 'Light mode' }).click();
  await page.close();
});

test('2: both access-token lifetimes explained, light theme', async () => {
  const page = await open(browser.context, apiUrl());
  await retype(page, MAIN, '1d 12h');
  await retype(page, WEB, '2h');
  await page.keyboard.press('Tab');
  await waitNote(page, MAIN, '129,600 s');
  await waitNote(page, WEB, '7,200 s = 2 hours');
  await showFrom(page, MAIN);
  await shot(page, file(1));
  await page.close();
});

test('3: the popup beside the Dashboard it reads', async () => {
  const dash = await open(browser.context, apiUrl());
  await waitNote(dash, MAIN, '86,400');
  const background = await dash.screenshot({ type: 'jpeg', quality: 90, scale: 'device' });
  const probe = await browser.context.newPage();
  await probe.goto(`chrome-extension://${browser.id}/popup.html`);
  const tabId = await dashboardTabId(probe);
  await probe.close();
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 760 });
  await popup.goto(`chrome-extension://${browser.id}/popup.html?tab=${tabId}`);
  await typeInto(popup.getByLabel('Type a lifetime'), '1d 12h');
  await popup.getByText('129,600 seconds').waitFor();
  await popup.locator('#tab li').first().waitFor();
  const box = await popup.evaluate(() => ({ width: document.body.scrollWidth, height: document.body.scrollHeight }));
  const front = await popup.screenshot({ type: 'png', scale: 'device', clip: { x: 0, y: 0, width: Math.min(400, box.width), height: Math.min(760, box.height) } });
  // The browser's own popup frame is not part of a page: the two are laid out as the toolbar
  // shows them, the popup at the top right over the tab.
  const frame = await browser.context.newPage();
  await frame.setContent(`<body style="margin:0;background:#fff"><img src="data:image/jpeg;base64,${background.toString('base64')}" style="position:absolute;inset:0;width:${SIZE.width}px;height:${SIZE.height}px;filter:brightness(0.85)"><img src="data:image/png;base64,${front.toString('base64')}" style="position:absolute;top:10px;right:20px;width:${Math.min(400, box.width)}px;box-shadow:0 4px 24px rgba(0,0,0,.35);border-radius:6px"></body>`);
  await shot(frame, file(2));
  await frame.close();
  await popup.close();
  await dash.close();
});

test('4: the options page', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.id}/options.html`);
  const max = options.getByLabel('Access token lifetime: max', { exact: true });
  await typeInto(max, '1 day');
  await typeInto(options.getByLabel('Access token lifetime: warn above', { exact: true }), '8h');
  await options.getByRole('heading', { name: 'Organisation policy' }).scrollIntoViewIfNeeded();
  await options.evaluate(() => window.scrollBy(0, -40));
  await shot(options, file(3));
  await options.close();
});

test('the promo tile, from the built icon and the listing', async () => {
  const page = await browser.context.newPage();
  const [width, height] = LISTING.limits.chrome.promo_tile.map((n) => n / SCALE);
  const icon = fs.readFileSync(path.join(CHROME_EXTENSION, 'icons/icon-128.png')).toString('base64');
  await page.setContent(`<body style="margin:0;width:${width}px;height:${height}px;display:flex;align-items:center;gap:22px;padding:0 30px;box-sizing:border-box;background:linear-gradient(135deg,#1d1f2b,#3b2a6b);color:#fff;font:16px system-ui,sans-serif">
    <img src="data:image/png;base64,${icon}" width="112" height="112" alt="">
    <div><div style="font-size:27px;font-weight:700;line-height:1.15">Lifetime Guard</div><div style="font-size:14px;opacity:.8;margin-bottom:10px">for Auth0</div>
    <div style="font-size:15px;line-height:1.35">Token and session lifetimes,<br>checked as you type.<br>“30 days” = 2,592,000 s.</div></div></body>`);
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: path.join(STORE, 'promo-tile.jpg'), type: 'jpeg', quality: 92, scale: 'device' });
  await page.close();
});

test('every image the listing names is there, at a size each store takes, without alpha', () => {
  const sizes = (store) => LISTING.limits[store].screenshots.map(([w, h]) => `${w}x${h}`);
  for (const { file: name } of LISTING.screenshots) {
    const { width, height, components } = jpegFrame(fs.readFileSync(path.join(STORE, 'screenshots', name)));
    assert.equal(components, 3, `${name}: three colour components, no alpha`);
    for (const store of ['chrome', 'edge', 'amo']) assert.ok(sizes(store).includes(`${width}x${height}`), `${name} (${width}×${height}) fits ${store}`);
  }
  for (const store of ['chrome', 'edge', 'amo']) assert.ok(LISTING.screenshots.length <= LISTING.limits[store].screenshots_max);
  const tile = jpegFrame(fs.readFileSync(path.join(STORE, 'promo-tile.jpg')));
  assert.deepEqual([tile.width, tile.height], LISTING.limits.chrome.promo_tile);
  assert.equal(tile.components, 3);
});
