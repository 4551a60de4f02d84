// The admin's settings across versions and past the browser's limits: what 0.1.0 stored
// (tests/fixtures/settings/0.1.0-sync.json, written by its options page) is read by this version
// in the content script and the options page, and saved again with a version; a save the
// browser refuses (storage.sync's write quota) says so and keeps what was stored; the options
// page groups the policy by where each field is in the Dashboard.
import test, { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, merge, toStore, STORED_VERSION } from '../../extension/settings.js';
import { ROOT, startReplica, launchChromium, open, waitNote, retype, typeInto, API } from './helpers.mjs';

const FIXTURE = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/settings/0.1.0-sync.json'), 'utf8'));
const MAIN = 'Maximum Access Token Lifetime';

describe('stored settings: versions', () => {
  test("0.1.0's settings read as they were meant", () => {
    const { settings, from, newer } = migrate(FIXTURE);
    assert.equal(from, 0);
    assert.equal(newer, false);
    assert.deepEqual(settings, FIXTURE, 'nothing of what 0.1.0 stored is lost');
    const merged = merge({ sync: settings, managed: {} });
    assert.equal(merged.convert_on_blur, false);
    assert.deepEqual(merged.policy.token_lifetime, { max: '1h', warn_above: 1800 });
  });

  test('what this version stores carries its version and reads back the same', () => {
    const stored = toStore(migrate(FIXTURE).settings);
    assert.equal(stored.version, STORED_VERSION);
    assert.deepEqual(migrate(stored), { settings: FIXTURE, from: STORED_VERSION, newer: false });
  });

  test('a later version’s settings: known keys kept, the rest left out; damaged values dropped', () => {
    const later = { ...FIXTURE, version: STORED_VERSION + 1, theme: 'dark', policy: { token_lifetime: { max: '2h', ceiling: 5 } } };
    const { settings, newer } = migrate(later);
    assert.equal(newer, true);
    assert.equal(settings.theme, undefined);
    assert.deepEqual(settings.policy, { token_lifetime: { max: '2h' } });
    assert.deepEqual(migrate({ enabled: 'no', policy: ['x'], guard_save: false }).settings, { guard_save: false });
    assert.deepEqual(migrate(null).settings, {});
  });
});

describe('stored settings in the browser', () => {
  let replica;
  let browser;
  before(async () => { replica = await startReplica(); browser = await launchChromium(); });
  after(async () => { await browser?.close(); await replica?.close(); });

  test("0.1.0's settings guard the Dashboard and fill the options page; saving adds the version", async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.id}/options.html`);
    await options.evaluate(async (stored) => { await chrome.storage.sync.clear(); await chrome.storage.sync.set(stored); }, FIXTURE);
    const dash = await open(browser.context, `${replica.base}/dashboard/us/acme/apis/${API}/settings`);
    await retype(dash, MAIN, '2h');
    assert.match(await waitNote(dash, MAIN, 'Blocks save'), /policy allows at most 3,600 s \(1 hour\)/);

    await options.reload();
    await options.locator('#policy tr').first().waitFor();
    assert.equal(await options.getByLabel('Access token lifetime: max', { exact: true }).inputValue(), '1h');
    assert.equal(await options.getByLabel('Access token lifetime: warn above', { exact: true }).inputValue(), '1800');
    assert.equal(await options.getByLabel('Convert “24h” into 86400 when I leave a field').isChecked(), false);
    await options.getByRole('button', { name: 'Save options' }).click();
    await options.getByText(/^Saved\./).waitFor();
    const stored = await options.evaluate(() => chrome.storage.sync.get(null));
    // A switch added since (`selection_popover`) is stored with the value the page showed: its
    // default. Adding a key changes none: the format keeps its version.
    assert.deepEqual(stored, { ...FIXTURE, selection_popover: true, version: STORED_VERSION });
    await dash.close();
    await options.close();
  });

  test('a save the browser refuses is explained, and what was stored holds', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.id}/options.html`);
    await options.evaluate(async (stored) => { await chrome.storage.sync.clear(); await chrome.storage.sync.set(stored); }, toStore(FIXTURE));
    await options.reload();
    const max = options.getByLabel('Access token lifetime: max', { exact: true });
    await max.waitFor();
    // storage.sync takes 120 writes a minute (MAX_WRITE_OPERATIONS_PER_MINUTE): use them up, as
    // another options tab or a script saving in a loop would.
    const refused = await options.evaluate(async () => {
      for (let i = 0; i < 200; i += 1) {
        try { await chrome.storage.sync.set({ enabled: true }); } catch (e) { return e.message; }
      }
      return null;
    });
    assert.match(refused ?? '', /MAX_WRITE_OPERATIONS_PER_MINUTE/);
    await typeInto(max, '2h');
    await options.getByRole('button', { name: 'Save options' }).click();
    const status = options.locator('#status');
    await status.getByText(/^Not saved: your browser refused to store these settings \(.*MAX_WRITE_OPERATIONS_PER_MINUTE.*\)\. The settings saved before are still in force\. Try again in a minute\.$/).waitFor();
    assert.equal(await status.getAttribute('role'), 'status', 'announced');
    assert.equal(await max.inputValue(), '2h', 'what was typed stays on the form');
    const stored = await options.evaluate(() => chrome.storage.sync.get(null));
    assert.deepEqual(stored.policy.token_lifetime, { max: '1h', warn_above: 1800 });
    await options.close();
  });

  test('the options page groups the policy by where each field lives', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.id}/options.html`);
    await options.locator('#policy tr').first().waitFor();
    const { fields, pages } = await options.evaluate(async () => (await fetch('core/fields.json')).json());
    const groups = await options.evaluate(() => [...document.querySelectorAll('.policy-group')].map((g) => ({
      heading: g.querySelector('h3').textContent,
      labelled: g.querySelector('table').getAttribute('aria-labelledby') === g.querySelector('h3').id,
      rows: [...g.querySelectorAll('tbody th')].map((th) => th.textContent),
    })));
    const expected = [...new Set(fields.map((f) => f.page))].map((page) => ({
      heading: pages[page],
      labelled: true,
      rows: fields.filter((f) => f.page === page).map((f) => `${f.name} (${f.unit})`),
    }));
    assert.deepEqual(groups, expected);
    assert.equal(groups.flatMap((g) => g.rows).length, fields.length);
    assert.ok(groups.every((g) => g.rows.length <= 10), 'no group is a wall of inputs');
    await options.close();
  });
});
