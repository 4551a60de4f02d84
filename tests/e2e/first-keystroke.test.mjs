// The first page of a browser session, as a new user meets it: a new browser profile for every
// scenario, the page opened and typed into at once. The test waits for the field to be visible,
// never for the extension (no `data-lifetime-guard`, no note), then clicks it, types on the
// keyboard, presses Tab and clicks Save, and reads what the app sent to the Management API.
// Chromium with and without a strict page CSP, and Firefox ESR; the API page and the tenant page
// of the MUI generation.
import test, { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startReplica, launchChromium, launchFirefox, firefoxField, firefoxButton, firefoxType, field, waitNote, API } from './helpers.mjs';

const MAIN = 'Maximum Access Token Lifetime';
const MAX_SESSION = 'Maximum Session Lifetime (Persistent)';
const API_PAGE = `/dashboard/us/acme/apis/${API}/settings`;
const TENANT_PAGE = '/dashboard/us/acme/tenant/advanced';

// What a person types, where, and what must reach Auth0: a number for the key, or `null` when
// the save must be stopped. The tenant page is in minutes; its requests carry hours.
const SCENARIOS = [
  { page: API_PAGE, label: MAIN, typed: '31 days', key: 'token_lifetime', sent: null, field: '2678400' },
  { page: API_PAGE, label: MAIN, typed: '24h', key: 'token_lifetime', sent: 86400, field: '86400' },
  { page: TENANT_PAGE, label: MAX_SESSION, typed: '24h', key: 'session_lifetime', sent: 24, field: '1440' },
  { page: TENANT_PAGE, label: MAX_SESSION, typed: '31 days', key: 'session_lifetime', sent: 744, field: '44640' },
  { page: TENANT_PAGE, label: MAX_SESSION, typed: '400 days', key: 'session_lifetime', sent: null, field: '576000' },
];

const title = (s) => `${s.page === API_PAGE ? 'API' : 'tenant'} page: “${s.typed}” → ${s.sent === null ? 'stopped' : `${s.key} = ${s.sent}`}`;

// Returning admins do not see the replica's "new navigation" dialog; a new user closes it. Set
// in the page's own world before its scripts run, so the field can be clicked as soon as it shows.
const SKIP_DIALOG = "try { sessionStorage.setItem('replica-nav-seen', '1'); } catch {}";

/** What happened after Save: the app's answer, or the guard's message by Save. */
const OUTCOME = `(() => {
  if (document.getElementById('lifetime-guard-alert')) return 'blocked';
  if ([...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes('Changes saved.'))) return 'saved';
  const error = document.querySelector('.MuiAlert-standardError');
  return error ? 'refused: ' + error.textContent : null;
})()`;

async function verdict(replica, s, outcome, value) {
  const patches = (await replica.requests()).filter((r) => r.method === 'PATCH');
  if (s.sent === null) {
    assert.equal(outcome, 'blocked', `the guard's message by Save; the app sent ${JSON.stringify(patches.map((p) => p.body))}`);
    assert.equal(patches.length, 0, `nothing reached the Management API: ${JSON.stringify(patches.map((p) => p.body))}`);
  } else {
    assert.equal(outcome, 'saved', `the save went through: ${JSON.stringify(patches.map((p) => p.body))}`);
    assert.equal(patches.length, 1);
    assert.equal(patches[0].body[s.key], s.sent, 'the app sent the whole number the words mean');
  }
  assert.equal(value, s.field, 'the field holds the whole number, not the digits the browser kept');
}

for (const csp of [false, true]) {
  describe(`first keystroke of a session, Chromium (${csp ? 'strict page CSP' : 'no page CSP'})`, () => {
    let replica;
    before(async () => { replica = await startReplica({ csp }); });
    after(async () => { await replica?.close(); });

    for (const s of SCENARIOS) {
      test(title(s), async () => {
        await replica.reset();
        const browser = await launchChromium(); // a new profile: the browser session's first page
        try {
          await browser.context.addInitScript(SKIP_DIALOG);
          const page = await browser.context.newPage();
          await page.goto(`${replica.base}${s.page}`, { waitUntil: 'commit' });
          const input = field(page, s.label);
          await input.click(); // waits for the field to be visible and hittable, nothing else
          await page.keyboard.press('ControlOrMeta+a');
          await page.keyboard.type(s.typed);
          await page.keyboard.press('Tab');
          await page.getByRole('button', { name: 'Save', exact: true }).first().click();
          const outcome = (await page.waitForFunction(OUTCOME, null, { timeout: 5000 })).jsonValue();
          await verdict(replica, s, await outcome, await input.inputValue());
        } finally {
          await browser.close();
        }
      });
    }
  });
}

describe('first keystroke of a session, Firefox ESR', () => {
  let replica;
  before(async () => { replica = await startReplica({ csp: true }); });
  after(async () => { await replica?.close(); });

  for (const s of SCENARIOS) {
    test(title(s), async () => {
      await replica.reset();
      const firefox = await launchFirefox(); // a new profile: the browser session's first page
      try {
        const page = await firefox.browser.newPage();
        await page.setViewport({ width: 1200, height: 900 });
        await page.evaluateOnNewDocument(SKIP_DIALOG);
        await page.goto(`${replica.base}${s.page}`, { waitUntil: 'domcontentloaded' });
        const input = await firefoxField(page, s.label);
        await firefoxType(page, input, s.typed);
        await (await firefoxButton(page, 'Save')).click();
        const outcome = await (await page.waitForFunction(OUTCOME, { timeout: 5000 })).jsonValue();
        await verdict(replica, s, outcome, await input.evaluate((i) => i.value));
      } finally {
        await firefox.close();
      }
    });
  }
});

describe('the admin\'s own settings in the first moment of a browser session, Chromium', () => {
  let replica;
  before(async () => { replica = await startReplica(); });
  after(async () => { await replica?.close(); });

  test('stored settings: the options page shows them at once; a stored policy stops a save at once; the managed layer comes later', async (t) => {
    // First session: the admin stores a policy and switches conversion off.
    const first = await launchChromium();
    const setup = await first.context.newPage();
    await setup.goto(`chrome-extension://${first.id}/popup.html`);
    await setup.evaluate(() => chrome.storage.sync.set({ convert_on_blur: false, policy: { token_lifetime: { max: 3600 } } }));
    await first.close({ keep: true });
    // The next session, on the same profile: the managed read is slow again.
    const browser = await launchChromium(undefined, { profile: first.profile });
    try {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.id}/options.html`);
      await options.waitForFunction(() => document.getElementById('options').dataset.shown);
      const shown = await options.evaluate(() => ({
        stage: document.getElementById('options').dataset.shown,
        convert: document.querySelector('[name=convert_on_blur]').checked,
        enabled: document.querySelector('[name=enabled]').checked,
        max: document.querySelector('[name="token_lifetime:max"]').value,
      }));
      assert.deepEqual({ ...shown, stage: undefined }, { stage: undefined, convert: false, enabled: true, max: '3600' }, `the stored values, shown at stage “${shown.stage}”`);
      t.diagnostic(`options page first shown at stage: ${shown.stage}`);
      await options.waitForFunction(() => document.getElementById('options').dataset.shown === 'managed', null, { timeout: 10000 });
      assert.equal(await options.locator('[name=convert_on_blur]').isDisabled(), false, 'nothing is managed here');

      await replica.reset();
      await browser.context.addInitScript(SKIP_DIALOG);
      const page = await browser.context.newPage();
      await page.goto(`${replica.base}${API_PAGE}`, { waitUntil: 'commit' });
      const input = field(page, MAIN);
      await input.click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('2h');
      await page.keyboard.press('Tab');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const outcome = await (await page.waitForFunction(OUTCOME, null, { timeout: 5000 })).jsonValue();
      assert.equal(outcome, 'blocked', 'the stored policy (at most 3,600 s) applies from the first keystroke');
      assert.equal((await replica.requests()).filter((r) => r.method === 'PATCH').length, 0);
      await waitNote(page, MAIN, '3,600');
    } finally {
      await browser.close({ keep: false });
    }
  });
});
