// Shared by the end-to-end tests: the replica server, a Chromium with the built extension, and
// readers for what the extension put on the page.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { createServer } from '../../www/server.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
export const CHROME_EXTENSION = path.resolve(process.env.LG_CHROME_EXTENSION ?? path.join(ROOT, 'target/lg/test-chrome'));
export const FIREFOX_EXTENSION = path.resolve(process.env.LG_FIREFOX_EXTENSION ?? path.join(ROOT, 'target/lg/test-firefox'));
export const API = '64f0c0ffee1d2a3b4c5d6e7f';
export const MFA_API = '64f0c0ffee1d2a3b4c5d0mfa';
export const APP = 'Xq3v9ZtC0aWz1Yb2Nc4Md5Le6Kf7Jg8H';
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function startReplica({ csp = false } = {}) {
  const server = createServer({ csp });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    csp,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
    requests: async () => (await fetch(`${base}/__replica/requests`)).json(),
    reset: async () => fetch(`${base}/__replica/reset`, { method: 'POST' }),
  };
}

/** Chromium's id for an unpacked extension: SHA-256 of its path, hex digits mapped to a–p. */
export const unpackedId = (dir) => crypto.createHash('sha256').update(fs.realpathSync(dir)).digest('hex').slice(0, 32)
  .replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 16)));

/** The replica tab's id, asked from an extension page. */
export const dashboardTabId = (extPage) => extPage.evaluate(async () => (await chrome.tabs.query({ url: 'http://127.0.0.1/*' }))[0].id);

/** What the content script on the replica tab reports (`lifetime-guard:status`), asked from an extension page. */
export const guardStatus = (extPage) => extPage.evaluate(async () => {
  const [tab] = await chrome.tabs.query({ url: 'http://127.0.0.1/*' });
  return chrome.tabs.sendMessage(tab.id, { type: 'lifetime-guard:status' });
});

/** Chromium with `extension` loaded; `id` is the extension's id. A new profile, or `profile`
 * (a folder an earlier session used, which `close` then keeps: the next browser session). */
export async function launchChromium(extension = CHROME_EXTENSION, { profile: reuse, viewport = { width: 1200, height: 900 }, deviceScaleFactor } = {}) {
  const profile = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    viewport,
    ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
  });
  const errors = [];
  context.on('weberror', (e) => errors.push(String(e.error())));
  return { context, errors, profile, id: unpackedId(extension), close: async ({ keep = Boolean(reuse) } = {}) => { await context.close(); if (!keep) fs.rmSync(profile, { recursive: true, force: true }); } };
}

/** Firefox ESR (through puppeteer's WebDriver BiDi) with a new profile and the built extension
 * (or `extension`) installed; `close` removes the profile. */
export async function launchFirefox(extension = FIREFOX_EXTENSION) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-firefox-'));
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', headless: true, userDataDir: profile });
  try {
    await browser.installExtension(extension);
  } catch (e) {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return { browser, close: async () => { await browser.close(); fs.rmSync(profile, { recursive: true, force: true }); } };
}

/** In Firefox (puppeteer): the `nth` input whose label starts with `label`, once it is shown. */
export const firefoxField = (page, label, nth = 0) => page.waitForFunction((l, n) => {
  const i = [...document.querySelectorAll('input')].filter((x) => x.labels?.[0]?.textContent.startsWith(l))[n];
  return i && i.getBoundingClientRect().height > 0 ? i : null;
}, { timeout: 15000 }, label, nth);

/** In Firefox: the button that reads `text`, once it is there. */
export const firefoxButton = (page, text) => page.waitForFunction((t) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === t), { timeout: 15000 }, text);

/** In Firefox: clicks `input`, selects its text, types `text` on the keyboard and presses Tab. */
export async function firefoxType(page, input, text) {
  await input.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** Opens a replica page, closes the navigation dialog, and waits for the guard to be running. */
export async function open(context, url, { dialog = true } = {}) {
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  page.logs = logs;
  await page.goto(url);
  if (dialog) {
    const gotIt = page.getByRole('button', { name: 'Got it' });
    if (await gotIt.isVisible().catch(() => false)) {
      await gotIt.click();
      // MUI hides the page from assistive technology until the dialog's exit transition ends.
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
  }
  await page.waitForFunction(() => ['wasm', 'js', 'inactive'].includes(document.documentElement.dataset.lifetimeGuard), null, { timeout: 15000 });
  return page;
}

/** The text input labelled `label` (switches and buttons with similar names are skipped). */
export const field = (page, label) => page.getByLabel(label, { exact: false }).and(page.locator('input:not([type=checkbox])')).first();

/** What the extension shows for the input labelled `label`: the note's text, or null. */
export async function noteFor(page, label) {
  const input = field(page, label);
  await input.waitFor();
  return input.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.startsWith('lifetime-guard-note'));
    const notes = ids.map((id) => document.getElementById(id)).filter(Boolean);
    return notes.length === 1 ? notes[0].shadowRoot.textContent : notes.length === 0 ? null : `DUPLICATE x${notes.length}`;
  });
}

/** Waits until the note for `label` contains `text`. */
export async function waitNote(page, label, text, timeout = 5000) {
  const start = Date.now();
  let last = null;
  while (Date.now() - start < timeout) {
    last = await noteFor(page, label);
    if (last?.includes(text)) return last;
    await page.waitForTimeout(25);
  }
  throw new Error(`note for “${label}” never contained “${text}”; last: ${last}`);
}

/** Every note on the page and whether its field is still there. */
export async function noteCensus(page) {
  return page.evaluate(() => {
    const notes = [...document.querySelectorAll('lifetime-guard-note')];
    const described = [...document.querySelectorAll('input[aria-describedby]')].flatMap((i) => i.getAttribute('aria-describedby').split(/\s+/));
    return { notes: notes.length, orphans: notes.filter((n) => !described.includes(n.id)).length, ids: notes.map((n) => n.id) };
  });
}

export async function alertText(page) {
  return page.evaluate(() => document.getElementById('lifetime-guard-alert')?.shadowRoot.textContent ?? null);
}

/** Replaces an input's text the way a person does: click, select all, type (never `fill()`). */
export async function typeInto(input, text) {
  await input.click();
  await input.press('ControlOrMeta+a');
  if (text === '') await input.press('Backspace');
  else await input.pressSequentially(text);
  return input;
}

/** Replaces the text of the field labelled `label` on the keyboard. */
export const retype = (page, label, text) => typeInto(field(page, label), text);

export function screenshotPath(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, `${name}.png`);
}
