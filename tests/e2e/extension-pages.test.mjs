// The extension's own pages, opened in the test browser: the popup (converter and the fields
// on a tab), the options (switches and organisation policy, reaching open tabs without a
// reload) and a policy pushed as managed storage through a real Chromium policy file.
import test, { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startReplica, launchChromium, open, waitNote, noteCensus, retype, dashboardTabId, unpackedId, CHROME_EXTENSION, API, typeInto } from './helpers.mjs';

const MAIN = 'Maximum Access Token Lifetime';

describe('popup and options', () => {
  let replica;
  let browser;
  let id;
  before(async () => {
    replica = await startReplica({ csp: true });
    browser = await launchChromium();
    id = browser.id;
  });
  after(async () => { await browser?.close(); await replica?.close(); });

  test('popup: converter with copy by key, and the fields of the Dashboard tab', async () => {
    const dash = await open(browser.context, `${replica.base}/dashboard/us/acme/apis/${API}/settings`);
    await waitNote(dash, MAIN, '86,400');
    const probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${id}/popup.html`);
    const tabId = await dashboardTabId(probe);
    await probe.close();
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
    const input = popup.getByLabel('Type a lifetime');
    await assert.doesNotReject(input.evaluate((el) => (document.activeElement === el ? 1 : Promise.reject(new Error('input not focused')))));
    await typeInto(input, '1d 12h');
    await assert.doesNotReject(popup.getByText('129,600 seconds · 2,160 minutes · 129,600,000 milliseconds · 1 day 12 hours').waitFor());
    await input.press('Enter');
    await popup.getByText('Copied 129600 (seconds).').waitFor();
    await input.press('Shift+Enter');
    await popup.getByText('Copied 2160 (minutes).').waitFor();
    // What was copied pastes back: the system clipboard holds the minutes now.
    await typeInto(input, '');
    await input.press('ControlOrMeta+v');
    assert.equal(await input.inputValue(), '2160');
    // Every unit a field can have: a bare number in milliseconds or days, words in any of them.
    await popup.getByLabel('Unit of a bare number').selectOption('milliseconds');
    await typeInto(input, '1500');
    await popup.getByText('1,500 milliseconds · 1 second 500 milliseconds').waitFor();
    assert.ok(await popup.getByRole('button', { name: 'Copy seconds' }).isDisabled(), '1.5 s is no whole number of seconds');
    await popup.getByLabel('Unit of a bare number').selectOption('days');
    await typeInto(input, '30');
    await popup.getByText('2,592,000 seconds · 43,200 minutes · 2,592,000,000 milliseconds · 30 days').waitFor();
    await popup.getByRole('button', { name: 'Copy days' }).click();
    await popup.getByText('Copied 30 (days).').waitFor();
    await popup.getByLabel('Unit of a bare number').selectOption('seconds');
    await typeInto(input, '1 month');
    await popup.getByText(/Months have no fixed length.*Did you mean “30d”\?/).waitFor();
    assert.ok(await popup.getByRole('button', { name: 'Copy seconds' }).isDisabled());
    const tab = await popup.locator('#tab').textContent();
    assert.match(tab, /Maximum Access Token Lifetime: 86,400 s = 1 day — ok/);
    assert.match(tab, /Implicit \/ Hybrid Flow Access Token Lifetime: 7,200 s = 2 hours — ok/);
    assert.match(tab, /Engine: js/, 'the strict-CSP page runs the JavaScript core');
    await popup.close();
    await dash.close();
  });

  test('popup: where each lifetime is set, and what no setting changes', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.getByText('Where each lifetime is set').click();
    await popup.locator('#fixed-list li').first().waitFor();
    const where = await popup.locator('#where-list').textContent();
    assert.match(where, /Access token lifetime \(seconds\): APIs › \(an API\) › Settings/);
    assert.match(where, /Maximum session lifetime \(persistent\) \(minutes\): Settings › Advanced › Session Expiration/);
    const fixed = await popup.locator('#fixed-list').textContent();
    assert.match(fixed, /Session transfer token \(Native to Web SSO\): 1 minute/);
    assert.match(fixed, /Access tokens for the MFA API \(…\/mfa\/\): 10 minutes/);
    await popup.close();
  });

  test('options: a policy tightens open tabs without a reload; the master switch turns everything off and on', async () => {
    const dash = await open(browser.context, `${replica.base}/dashboard/us/acme/apis/${API}/settings`);
    await waitNote(dash, MAIN, '86,400');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const max = options.getByLabel('Access token lifetime: max', { exact: true });
    await typeInto(max, 'abc');
    await options.getByText(/“abc”|Start with a number/).first().waitFor();
    await options.getByRole('button', { name: 'Save options' }).click();
    await options.getByText('Fix the highlighted values first.').waitFor();
    await typeInto(max, '1h');
    await typeInto(options.getByLabel('Access token lifetime: warn above', { exact: true }), '30m');
    await options.getByRole('button', { name: 'Save options' }).click();
    await options.getByText(/^Saved\./).waitFor();
    const note = await waitNote(dash, MAIN, 'Blocks save');
    assert.match(note, /Your organisation's policy allows at most 3,600 s \(1 hour\)/);
    await retype(dash, MAIN, '45m');
    assert.match(await waitNote(dash, MAIN, 'Warning'), /review above 1,800 s/);
    // Master switch off: every note goes; on again: they come back.
    await options.getByLabel('Lifetime Guard is on (master switch)').uncheck();
    await options.getByRole('button', { name: 'Save options' }).click();
    await dash.waitForFunction(() => document.querySelectorAll('lifetime-guard-note').length === 0);
    await options.getByLabel('Lifetime Guard is on (master switch)').check();
    await options.getByRole('button', { name: 'Save options' }).click();
    await waitNote(dash, MAIN, '2,700 s = 45 minutes');
    assert.equal((await noteCensus(dash)).notes, 2);
    await options.evaluate(() => chrome.storage.sync.clear());
    await options.close();
    await dash.close();
  });
});

describe('page report', () => {
  let replica;
  let browser;
  before(async () => { replica = await startReplica({ csp: true }); browser = await launchChromium(); });
  after(async () => { await browser?.close(); await replica?.close(); });

  const GENERATIONS = [
    ['MUI', `/dashboard/us/acme/apis/${API}/settings`, MAIN, 'labels', true],
    ['plain HTML', `/plain/dashboard/us/acme/apis/${API}/settings`, MAIN, 'labels', true],
    ['Cosmos', `/older/#/apis/${API}/settings`, 'Token Expiration (Seconds)', 'labels', false],
  ];
  for (const [gen, path, label, association, dialog] of GENERATIONS) {
    test(`"Copy page report" on the ${gen} generation: what was seen, no values, names or ids`, async () => {
      const dash = await open(browser.context, `${replica.base}${path}`, { dialog });
      await waitNote(dash, label, '86,400');
      await retype(dash, label, '31 days'); // a value that must not appear in the report
      const probe = await browser.context.newPage();
      await probe.goto(`chrome-extension://${browser.id}/popup.html`);
      const tabId = await probe.evaluate(async () => (await chrome.tabs.query({ url: 'http://127.0.0.1/*' })).find((t) => !t.url.includes('popup'))?.id);
      await probe.close();
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.id}/popup.html?tab=${tabId}`);
      await popup.getByRole('button', { name: 'Copy page report' }).click();
      await popup.getByText(/^Copied: \d+ inputs, \d+ Save buttons/).waitFor();
      const text = await popup.locator('#report-text').textContent();
      const report = JSON.parse(text.slice(text.indexOf('{')));
      assert.equal(report.engine, 'js');
      assert.match(report.engine_note, /Content Security Policy|CompileError|unsafe-eval|wasm/i, 'the page CSP refusal is named');
      assert.equal(report.page, 'api_settings');
      assert.match(report.route, /^\{other\}\//);
      const main = report.inputs.find((i) => i.label?.startsWith(label));
      assert.deepEqual([main.association, main.field, main.why], [association, 'token_lifetime', 'guarded']);
      assert.ok(report.inputs.some((i) => i.why === 'its label is not a lifetime label'), 'other inputs say why not');
      assert.ok(report.saves.some((s) => s.says_save), 'the Save button is found');
      for (const secret of ['31 days', '2678400', '86400', 'Payments API', 'payments.acme.example', API, 'acme']) {
        assert.ok(!text.includes(secret), `the report leaks “${secret}”`);
      }
      await popup.close();
      await dash.close();
    });
  }
});

describe('private-cloud Dashboards', () => {
  let replica;
  let browser;
  before(async () => { replica = await startReplica(); browser = await launchChromium(); });
  after(async () => { await browser?.close(); await replica?.close(); });

  test('the options page validates the host; a registered host gets the guard; Remove takes it away', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.id}/options.html`);
    await options.locator('#policy tr').first().waitFor(); // the page's module has run
    const host = options.getByLabel('Dashboard host');
    await typeInto(host, 'evil.example.com');
    await options.getByText("A private-cloud Dashboard's host reads manage.{name}.auth0.com.").waitFor();
    assert.equal(await host.getAttribute('aria-invalid'), 'true');
    await typeInto(host, 'manage.auth0.com');
    await options.getByText('manage.auth0.com is always included.').waitFor();
    await typeInto(host, 'https://manage.Mozilla.auth0.com/dashboard/pi/moz/apis');
    await options.getByText('Will add manage.mozilla.auth0.com').waitFor();
    // The permission prompt cannot be answered headless: register a host the test build already
    // holds (localhost, in no static content script), as "Add" does once the admin allows it.
    const url = `${replica.base.replace('127.0.0.1', 'localhost')}/dashboard/us/acme/apis/${API}/settings`;
    const before = await browser.context.newPage();
    await before.goto(url);
    await before.waitForTimeout(500);
    assert.equal(await before.evaluate(() => document.documentElement.dataset.lifetimeGuard ?? null), null, 'not there before');
    await before.close();
    await options.evaluate(async () => (await import('./hosts.js')).register(['http://localhost/*']));
    await options.reload();
    await options.getByRole('button', { name: 'Remove http://localhost/*' }).waitFor();
    const dash = await open(browser.context, url);
    await waitNote(dash, MAIN, '86,400');
    await retype(dash, MAIN, '31 days');
    await dash.getByRole('button', { name: 'Save', exact: true }).click();
    assert.deepEqual((await replica.requests()).filter((r) => r.method === 'PATCH'), [], 'guarded there too');
    await dash.close();
    await options.getByRole('button', { name: 'Remove http://localhost/*' }).click();
    await options.getByRole('button', { name: 'Remove http://localhost/*' }).waitFor({ state: 'detached' });
    const after = await browser.context.newPage();
    await after.goto(url);
    await after.waitForTimeout(500);
    assert.equal(await after.evaluate(() => document.documentElement.dataset.lifetimeGuard ?? null), null, 'gone after Remove');
    await after.close();
    await options.close();
  });
});

describe('managed policy (a Chromium policy file)', () => {
  const dir = '/etc/chromium/policies/managed';
  const file = `${dir}/lifetime-guard-e2e.json`;
  let writable = true;
  try { fs.mkdirSync(dir, { recursive: true }); fs.accessSync(dir, fs.constants.W_OK); } catch { writable = false; }

  test('IT pushes a locked policy: verdicts tighten, the options page shows it read-only', { skip: writable ? false : `cannot write ${dir} (run as root, as CI does)` }, async () => {
    const id = unpackedId(CHROME_EXTENSION);
    fs.writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: { guard_save: true, private_cloud_hosts: ['manage.example.auth0.com', 'not a host'], policy: { token_lifetime: { max: '2h' } } } } } }));
    const replica = await startReplica();
    const browser = await launchChromium();
    try {
      const dash = await open(browser.context, `${replica.base}/dashboard/us/acme/apis/${API}/settings`);
      assert.match(await waitNote(dash, MAIN, 'Blocks save'), /policy allows at most 7,200 s \(2 hours\)/);
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${id}/options.html`);
      const max = options.getByLabel('Access token lifetime: max', { exact: true });
      assert.equal(await max.inputValue(), '2h');
      assert.equal(await max.getAttribute('readonly'), '');
      await options.getByText('Some settings are managed by your organisation').waitFor();
      assert.ok(await options.getByLabel('Stop saves while a lifetime is invalid or above its limit').isDisabled());
      // The hosts IT lists are offered (the admin still allows each in the browser).
      await options.getByRole('button', { name: 'Add manage.example.auth0.com' }).waitFor();
      assert.equal(await options.locator('#offered-list li').count(), 1, 'an invalid entry is not offered');
      // The admin cannot loosen it: their own sync setting is overridden.
      await options.evaluate(() => chrome.storage.sync.set({ policy: { token_lifetime: { max: '30d' } }, guard_save: false }));
      await dash.waitForTimeout(300);
      assert.match(await waitNote(dash, MAIN, 'Blocks save'), /7,200 s/);
      await dash.getByRole('button', { name: 'Save', exact: true }).click();
      await dash.waitForTimeout(200);
      assert.deepEqual((await replica.requests()).filter((r) => r.method === 'PATCH'), []);
    } finally {
      fs.rmSync(file, { force: true });
      await browser.close();
      await replica.close();
    }
  });
});
