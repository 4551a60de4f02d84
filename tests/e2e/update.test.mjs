// An update while Dashboard tabs are open, as a store delivers it: the installed package is
// replaced by the next version (the same build with a higher version) and the extension reloads,
// in Chromium (chrome.runtime.reload over the unpacked folder) and Firefox (the same add-on id
// installed again). Each open tab keeps exactly one guard, typing keeps working, nothing logs
// "Extension context invalidated", and the popup tells the truth about a tab whose guard it
// cannot reach; settings changed after the update reach the tab once it is handed over.
import test, { describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, startReplica, launchFirefox, noteCensus, API, CHROME_EXTENSION, CHROMIUM_FLAGS, FIREFOX_EXTENSION, firefoxField, firefoxType } from './helpers.mjs';

const MAIN = 'Maximum Access Token Lifetime';

/** The content script 0.1.0 shipped (it left no version on the page and could not hand over). */
const CONTENT_0_1_0 = fs.readFileSync(path.join(ROOT, 'tests/fixtures/0.1.0/content.js'), 'utf8');

/** A copy of a built extension that can be replaced by its next version in place; `from` is the
 * installed version's content script when it is not this build's. */
function installedCopy(dir, { from = null } = {}) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-installed-'));
  fs.cpSync(dir, copy, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8'));
  const current = fs.readFileSync(path.join(copy, 'content.js'), 'utf8');
  if (from) fs.writeFileSync(path.join(copy, 'content.js'), from);
  return {
    dir: copy,
    version: manifest.version,
    /** Writes the next version (this build, one patch version up); returns its version. */
    bump() {
      const next = manifest.version.replace(/\d+$/, (n) => String(Number(n) + 1));
      fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify({ ...manifest, version: next }, null, 2));
      fs.writeFileSync(path.join(copy, 'content.js'), current);
      return next;
    },
    remove: () => fs.rmSync(copy, { recursive: true, force: true }),
  };
}

const invalidated = (lines) => lines.filter((l) => /context invalidated|dead object/i.test(l));

/** Chromium over puppeteer's pipe, where Extensions.loadUnpacked installs a folder and, given
 * the same folder again, updates it in place as a store update does (Playwright's
 * chrome.runtime.reload() restarts an unpacked extension without reading its new manifest). */
async function chromiumWith(dir) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-chromium-'));
  const browser = await puppeteer.launch({ browser: 'chrome', executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, pipe: true, enableExtensions: true, userDataDir: profile, args: CHROMIUM_FLAGS });
  const id = await browser.installExtension(dir);
  return { browser, id, close: async () => { await browser.close(); fs.rmSync(profile, { recursive: true, force: true }); } };
}

/** Runs `body({ chromium, replica })` with `installed` in a new Chromium profile and the replica
 * served; closes both and removes the copy whatever happens. */
async function inChromium(installed, body) {
  const replica = await startReplica();
  const chromium = await chromiumWith(installed.dir);
  try {
    await body({ chromium, replica });
  } finally {
    await chromium.close();
    await replica.close();
    installed.remove();
  }
}

/** Opens the replica's API page in puppeteer, records its console, closes the dialog. */
async function dashboard(browser, base) {
  const page = await browser.newPage();
  page.logs = [];
  page.on('console', (m) => page.logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.logs.push(`pageerror: ${e.message}`));
  await page.goto(`${base}/dashboard/us/acme/apis/${API}/settings`);
  await page.waitForFunction(() => ['wasm', 'js'].includes(document.documentElement.dataset.lifetimeGuard), { timeout: 20000 });
  await (await page.$('::-p-text(Got it)'))?.click();
  await page.waitForFunction(() => !document.querySelector('[role=dialog]'));
  return page;
}

/** Types `text` into the main field on the keyboard and waits for its note to say `expect`. */
async function typeAndSee(page, text, expect) {
  await page.bringToFront(); // the admin types in the tab in front (rAF waits stop behind)
  await firefoxType(page, await firefoxField(page, MAIN), text);
  await page.waitForFunction((e) => document.querySelector('lifetime-guard-note')?.shadowRoot.textContent.includes(e), { timeout: 5000 }, expect);
  return page.evaluate(() => document.querySelector('lifetime-guard-note').shadowRoot.textContent);
}

/** How many notes the page holds and how many of them belong to no field. */
const census = async (page) => {
  const { notes, orphans } = await noteCensus(page);
  return { notes, orphans };
};

/** The popup, opened as a page for the replica's tab (as keyboard users and the tests do). */
async function popupFor(browser, id) {
  const probe = await browser.newPage();
  await probe.goto(`chrome-extension://${id}/popup.html`);
  const tabId = await probe.evaluate(async () => (await chrome.tabs.query({ url: 'http://127.0.0.1/*' }))[0].id);
  await probe.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
  await probe.waitForFunction(() => !document.getElementById('tab').textContent.includes('Looking'));
  return { popup: probe, tabId, text: () => probe.evaluate(() => document.getElementById('tab').textContent) };
}

describe('Chromium: an update with a Dashboard tab open', () => {
  test('a reload (the same version loaded again): the tab stays guarded, typed into at once; the popup restarts its guard', async () => {
    const installed = installedCopy(CHROME_EXTENSION);
    await inChromium(installed, async ({ chromium, replica }) => {
      const dash = await dashboard(chromium.browser, replica.base);
      await typeAndSee(dash, '3h', '10,800 s = 3 hours');
      // The extension reloaded as chrome://extensions's Reload does (chrome.runtime.reload()
      // from a test page left Chromium 156 without the extension about one time in two, with or
      // without Lifetime Guard's code running: 16 s of ERR_BLOCKED_BY_CLIENT), and the admin
      // types meanwhile.
      const reload = chromium.browser.installExtension(installed.dir);
      await typeAndSee(dash, '31 days', 'Blocks save');
      assert.equal(await reload, chromium.id);
      await (await dash.waitForSelector('::-p-text(Save)')).click();
      assert.deepEqual((await replica.requests()).filter((r) => r.method === 'PATCH'), [], 'the save is still stopped');
      assert.deepEqual(await census(dash), { notes: 2, orphans: 0 });
      const { popup, text } = await popupFor(chromium.browser, chromium.id);
      assert.match(await text(), /The Lifetime Guard loaded before the extension was reloaded still guards this tab/);
      await popup.bringToFront();
      await (await popup.waitForSelector('::-p-text(Restart the guard on this tab)')).click();
      await popup.waitForFunction(() => document.getElementById('tab').textContent.includes('Maximum Access Token Lifetime: 2,678,400 s = 31 days — blocks save'), { timeout: 10000 });
      await typeAndSee(dash, '2h', '7,200 s = 2 hours');
      assert.deepEqual(await census(dash), { notes: 2, orphans: 0 });
      assert.deepEqual(invalidated(dash.logs), []);
    });
  });

  test('the old guard keeps the tab, the popup says so and hands the tab over without a reload', async () => {
    const installed = installedCopy(CHROME_EXTENSION);
    await inChromium(installed, async ({ chromium, replica }) => {
      const dash = await dashboard(chromium.browser, replica.base);
      await typeAndSee(dash, '3h', '10,800 s = 3 hours');
      const next = installed.bump();
      assert.equal(await chromium.browser.installExtension(installed.dir), chromium.id, 'updated in place');

      // The old guard still runs the tab: one note per field, and typing is still checked.
      await typeAndSee(dash, '4h', '14,400 s = 4 hours');
      assert.deepEqual(await census(dash), { notes: 2, orphans: 0 });

      // A setting changed now cannot reach the old guard: the popup says so, and why.
      const { popup, tabId, text } = await popupFor(chromium.browser, chromium.id);
      assert.equal(await popup.evaluate(() => chrome.runtime.getManifest().version), next);
      await popup.evaluate(() => chrome.storage.sync.set({ policy: { token_lifetime: { max: '1h' } } }));
      assert.match(await text(), new RegExp(`An earlier Lifetime Guard \\(version ${installed.version.replaceAll('.', '\\.')}\\) still guards this tab`));
      assert.match(await text(), /settings changed since then do not reach it/);
      assert.doesNotMatch(await typeAndSee(dash, '4h', '14,400 s'), /Blocks save/, 'the old guard keeps its settings');

      // Handed over: the old guard steps down, the new one takes the page as it is (what was
      // typed stays) and applies today's settings.
      await popup.bringToFront();
      const button = await popup.waitForSelector(`::-p-text(Use version ${next} on this tab)`);
      await button.click();
      await popup.waitForFunction(() => document.getElementById('tab').textContent.includes('Maximum Access Token Lifetime: 14,400 s = 4 hours — blocks save'), { timeout: 10000 });
      assert.equal(await (await firefoxField(dash, MAIN)).evaluate((input) => input.value), '14400');
      await dash.waitForFunction(() => document.querySelector('lifetime-guard-note')?.shadowRoot.textContent.includes('policy allows at most 3,600 s (1 hour)'), { timeout: 5000 });
      assert.equal(await dash.evaluate(() => document.documentElement.dataset.lifetimeGuardVersion), next);
      await typeAndSee(dash, '30m', '1,800 s = 30 minutes');
      assert.deepEqual(await census(dash), { notes: 2, orphans: 0 });
      // A second copy of the same version (injected twice) stands back.
      await popup.evaluate(async (t) => chrome.scripting.executeScript({ target: { tabId: t }, files: chrome.runtime.getManifest().content_scripts[0].js }), tabId);
      await typeAndSee(dash, '2h', '7,200 s = 2 hours');
      assert.deepEqual(await census(dash), { notes: 2, orphans: 0 });
      assert.deepEqual(invalidated(dash.logs), []);
    });
  });

  test("0.1.0's guard, which cannot hand over, is never doubled: the popup asks for a reload", async () => {
    const installed = installedCopy(CHROME_EXTENSION, { from: CONTENT_0_1_0 });
    await inChromium(installed, async ({ chromium, replica }) => {
      const dash = await dashboard(chromium.browser, replica.base);
      assert.equal(await dash.evaluate(() => document.documentElement.dataset.lifetimeGuardVersion ?? null), null, '0.1.0 marked the page with its engine only');
      installed.bump();
      await chromium.browser.installExtension(installed.dir);
      const { text, popup } = await popupFor(chromium.browser, chromium.id);
      assert.match(await text(), /An earlier Lifetime Guard \(before the update\) still guards this tab/);
      assert.match(await text(), /Reload the tab to use this version \(save your changes first\)\./);
      assert.equal(await popup.$('::-p-text(Use version)'), null);
      await typeAndSee(dash, '2h', '7,200 s = 2 hours');
      assert.deepEqual(await census(dash), { notes: 2, orphans: 0 });
    });
  });
});

/** Firefox with a Dashboard tab open: the installed version guards it, the next one is
 * installed over it (the same add-on id), and must take the tab over. */
async function firefoxUpdate(installed) {
  const replica = await startReplica();
  const { browser, close } = await launchFirefox(installed.dir);
  try {
    const page = await dashboard(browser, replica.base);
    const notes = () => page.evaluate(() => [...document.querySelectorAll('lifetime-guard-note')].map((n) => n.shadowRoot.textContent));
    await typeAndSee(page, '3h', '10,800 s');
    const next = installed.bump();
    await browser.installExtension(installed.dir);
    await page.waitForFunction((v) => document.documentElement.dataset.lifetimeGuardVersion === v && document.documentElement.dataset.lifetimeGuard === 'wasm', { timeout: 20000 }, next);
    // Firefox unloaded the old content script and left its notes: the new guard replaced them.
    await page.waitForFunction(() => document.querySelectorAll('lifetime-guard-note').length === 2, { timeout: 5000 });
    assert.match((await notes())[0], /10,800 s = 3 hours/, 'what was typed before the update is read again');
    await typeAndSee(page, '5h', '18,000 s = 5 hours');
    assert.deepEqual(await census(page), { notes: 2, orphans: 0 });
    assert.deepEqual(invalidated(page.logs), []);
  } finally {
    await close();
    await replica.close();
    installed.remove();
  }
}

describe('Firefox: an update with a Dashboard tab open', () => {
  test('the new version takes the tab over from the unloaded one: one note per field, typing checked', () => firefoxUpdate(installedCopy(FIREFOX_EXTENSION)));
  test('from 0.1.0, whose content script cannot answer', () => firefoxUpdate(installedCopy(FIREFOX_EXTENSION, { from: CONTENT_0_1_0 })));
});
