// The same extension package in headless Firefox ESR, installed over WebDriver BiDi
// (webExtension.install) by puppeteer-core: found, explained and guarded there too, and
// IT's policy read from a real enterprise policies.json.
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startReplica, FIREFOX_EXTENSION, API } from './helpers.mjs';

let replica;
let browser;
let profile;

before(async () => {
  replica = await startReplica({ csp: true });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: { 'extensions.experiments.enabled': false },
  });
  await browser.installExtension(FIREFOX_EXTENSION);
});

after(async () => {
  await browser?.close();
  await replica?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

/** The input whose label starts with `label`. */
const input = (page, label) => page.evaluateHandle((l) => [...document.querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent.startsWith(l)), label);

/** The button that reads `text`. */
const button = (page, text) => page.evaluateHandle((t) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === t), text);

/** Closes the "Meet your new navigation" dialog and waits until it is gone (MUI hides the page
 * from assistive technology until its exit transition ends). */
async function closeDialog(page) {
  await (await page.$('::-p-text(Got it)'))?.click();
  await page.waitForFunction(() => !document.querySelector('[role=dialog]'));
}

const note = (page, label) => page.evaluate((label) => {
  const input = [...document.querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent.includes(label));
  const id = (input?.getAttribute('aria-describedby') ?? '').split(/\s+/).find((x) => x.startsWith('lifetime-guard-note'));
  return id ? document.getElementById(id)?.shadowRoot?.textContent ?? null : null;
}, label);

test('Firefox: the package loads, annotates and guards the API page (strict CSP)', async () => {
  const page = await browser.newPage();
  await page.goto(`${replica.base}/dashboard/us/acme/apis/${API}/settings`);
  await page.waitForFunction(() => document.documentElement.dataset.lifetimeGuard === 'wasm', { timeout: 20000 });
  await page.waitForFunction(() => document.querySelectorAll('lifetime-guard-note').length === 2, { timeout: 10000 });
  assert.match(await note(page, 'Maximum Access Token Lifetime'), /86,400 s = 1 day/);
  assert.match(await note(page, 'Implicit / Hybrid'), /Affects only: Implicit · Hybrid/);
  // Close the navigation dialog, type an over-limit value, try to save.
  await closeDialog(page);
  const main = await input(page, 'Maximum Access Token Lifetime');
  await main.click({ count: 3 });
  await main.type('31 days');
  await page.waitForFunction(() => document.querySelector('lifetime-guard-note')?.shadowRoot.textContent.includes('Blocks save'));
  await (await button(page, 'Save')).click();
  await new Promise((r) => setTimeout(r, 300));
  const saves = (await replica.requests()).filter((r) => r.method === 'PATCH');
  assert.deepEqual(saves, [], 'the save was stopped before reaching the server');
  const alert = await page.evaluate(() => document.getElementById('lifetime-guard-alert')?.shadowRoot.textContent);
  assert.match(alert, /Above the maximum of 2,592,000 s/);
  await page.close();
});

test('Firefox: words typed into an MUI number field are converted; the app saves the whole number', async () => {
  await replica.reset();
  const page = await browser.newPage();
  await page.goto(`${replica.base}/dashboard/us/acme/apis/${API}/settings`);
  await page.waitForFunction(() => document.querySelectorAll('lifetime-guard-note').length === 2, { timeout: 20000 });
  await closeDialog(page);
  const main = await input(page, 'Maximum Access Token Lifetime');
  await main.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type('1d 12h');
  assert.equal(await main.evaluate((i) => i.value), '1d 12h', 'Firefox keeps the words as the value while typing');
  await page.waitForFunction(() => document.querySelector('lifetime-guard-note')?.shadowRoot.textContent.includes('Use 129600'));
  await page.keyboard.press('Tab');
  assert.equal(await main.evaluate((i) => [i.value, i.type].join()), '129600,number');
  await (await button(page, 'Save')).click();
  await page.waitForFunction(() => document.body.textContent.includes('Changes saved.'));
  const [req] = (await replica.requests()).filter((r) => r.method === 'PATCH');
  assert.equal(req.body.token_lifetime, 129600);
  await page.close();
});

// Firefox reads an extension's storage.managed from the enterprise policies file, under
// 3rdparty.Extensions.<add-on id>. On Linux the system-wide file is /etc/firefox/policies.
const POLICIES_DIR = '/etc/firefox/policies';
const POLICIES = `${POLICIES_DIR}/policies.json`;
const GECKO_ID = 'lifetime-guard@lifetime-guard.dev';
let policiesSkip = false;
try {
  fs.mkdirSync(POLICIES_DIR, { recursive: true });
  fs.accessSync(POLICIES_DIR, fs.constants.W_OK);
  if (fs.existsSync(POLICIES)) policiesSkip = `${POLICIES} exists already; not overwriting it`;
} catch {
  policiesSkip = `cannot write ${POLICIES_DIR} (run as root, as CI does)`;
}

test('Firefox: a policy in policies.json tightens the verdicts and stops the save', { skip: policiesSkip }, async () => {
  fs.writeFileSync(POLICIES, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: { policy: { token_lifetime: { max: '2h' } } } } } } }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-firefox-policy-'));
  let managed;
  try {
    managed = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: dir,
    });
    await managed.installExtension(FIREFOX_EXTENSION);
    const page = await managed.newPage();
    await page.goto(`${replica.base}/dashboard/us/acme/apis/${API}/settings`);
    await page.waitForFunction(() => document.querySelectorAll('lifetime-guard-note').length === 2, { timeout: 20000 });
    assert.match(await note(page, 'Maximum Access Token Lifetime'), /Blocks save.*policy allows at most 7,200 s \(2 hours\)/);
    // The admin's own value is valid for Auth0 but not for the organisation: the save stops.
    await closeDialog(page);
    await replica.reset();
    await (await button(page, 'Save')).click();
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual((await replica.requests()).filter((r) => r.method === 'PATCH'), [], 'the policy stopped the save');
    // (The options page's read-only display is the same code as in Chromium, tested there:
    // WebDriver BiDi does not navigate to moz-extension:// pages.)
  } finally {
    await managed?.close();
    fs.rmSync(POLICIES, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
