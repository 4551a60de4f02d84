// The MUI generation in Firefox ESR (the release-shaped test package over WebDriver BiDi), typed
// on the keyboard: each form converted in a number field, the frames untouched by the notes, the
// theme switched by the page's CSS, per-section Save, fields disabled by their switch, and the
// fix action.
import test, { before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startReplica, launchFirefox, API, APP } from './helpers.mjs';

const MAIN = 'Maximum Access Token Lifetime';
const WEB = 'Implicit / Hybrid Flow Access Token Lifetime';
let replica;
let browser;
let firefox;

before(async () => {
  replica = await startReplica({ csp: true });
  firefox = await launchFirefox();
  browser = firefox.browser;
});
after(async () => {
  await firefox?.close();
  await replica?.close();
});
beforeEach(async () => { await replica.reset(); });

const saves = async () => (await replica.requests()).filter((r) => r.method === 'PATCH');

/** Opens a replica page, closes the navigation dialog, waits for `notes` notes. */
async function open(url, notes) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(`${replica.base}${url}`);
  await page.waitForFunction((n) => document.querySelectorAll('lifetime-guard-note').length === n, { timeout: 20000 }, notes);
  await (await page.$('::-p-text(Got it)'))?.click();
  await page.waitForFunction(() => !document.querySelector('[role=dialog]'));
  return page;
}

/** The input whose label starts with `label`. */
const input = (page, label) => page.evaluateHandle((l) => [...document.querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent.startsWith(l)), label);

/** The note of the field labelled `label`. */
const note = (page, label) => page.evaluate((l) => {
  const i = [...document.querySelectorAll('input')].find((x) => x.labels?.[0]?.textContent.startsWith(l));
  const id = (i?.getAttribute('aria-describedby') ?? '').split(/\s+/).find((x) => x.startsWith('lifetime-guard-note'));
  return id ? document.getElementById(id)?.shadowRoot?.textContent ?? null : null;
}, label);

async function waitNote(page, label, text) {
  await page.waitForFunction((l, t) => {
    const i = [...document.querySelectorAll('input')].find((x) => x.labels?.[0]?.textContent.startsWith(l));
    const id = (i?.getAttribute('aria-describedby') ?? '').split(/\s+/).find((x) => x.startsWith('lifetime-guard-note'));
    return document.getElementById(id)?.shadowRoot?.textContent.includes(t);
  }, { timeout: 5000 }, label, text);
}

/** Select all and type, as a person does. */
async function retype(page, label, text) {
  const el = await input(page, label);
  await el.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  return el;
}

const button = (page, text, nth = 0) => page.evaluateHandle((t, n) => [...document.querySelectorAll('button')].filter((b) => b.textContent.trim() === t)[n], text, nth);
const value = (el) => el.evaluate((i) => [i.value, i.type]);

for (const [typed, seconds] of [['24h', 86400], ['30 days', 2592000], ['1d 12h', 129600], ['P1D', 86400], ['1:30:00', 5400], ['86,400', 86400]]) {
  test(`Firefox, MUI: “${typed}” typed into a number field is saved as ${seconds}`, async () => {
    const [label, key] = seconds >= 7200 ? [MAIN, 'token_lifetime'] : [WEB, 'token_lifetime_for_web'];
    const page = await open(`/dashboard/us/acme/apis/${API}/settings`, 2);
    const el = await retype(page, label, typed);
    assert.deepEqual(await value(el), [typed, 'text'], 'the words reach the engine whole');
    await waitNote(page, label, `Use ${seconds}`);
    await (await button(page, 'Save')).click();
    await page.waitForFunction(() => document.body.textContent.includes('Changes saved.'));
    assert.deepEqual(await value(el), [String(seconds), 'number']);
    assert.equal((await saves())[0].body[key], seconds);
    await page.close();
  });
}

test('Firefox, MUI: the notes do not move or resize any frame; the theme follows the page', async () => {
  const page = await open(`/dashboard/us/acme/apis/${API}/settings`, 2);
  const frames = () => page.evaluate(() => [...document.querySelectorAll('input[type=number]')].map((i) => {
    const r = i.closest('.MuiInputBase-root').getBoundingClientRect();
    return [r.x, r.width, r.height, Math.round(r.y - i.labels[0].getBoundingClientRect().y)];
  }));
  const withNotes = await frames();
  await page.evaluate(() => { for (const n of document.querySelectorAll('lifetime-guard-note')) n.style.display = 'none'; });
  assert.deepEqual(await frames(), withNotes, 'the same frames without the notes');
  await page.evaluate(() => { for (const n of document.querySelectorAll('lifetime-guard-note')) n.style.display = 'block'; });
  const below = await page.evaluate(() => [...document.querySelectorAll('lifetime-guard-note')].every((n) => n.previousElementSibling?.classList.contains('MuiFormHelperText-root') && !n.closest('.MuiInputBase-root')));
  assert.ok(below, 'each note after its helper text, outside the frame');
  await (await button(page, 'Dark mode')).click();
  await page.waitForFunction(() => [...document.querySelectorAll('lifetime-guard-note')].every((n) => n.dataset.theme === 'dark'));
  await (await button(page, 'Light mode')).click();
  await page.waitForFunction(() => [...document.querySelectorAll('lifetime-guard-note')].every((n) => n.dataset.theme === 'light'));
  await page.close();
});

test('Firefox, MUI: the fix sets the implicit value to the new maximum', async () => {
  const page = await open(`/dashboard/us/acme/apis/${API}/settings`, 2);
  await retype(page, WEB, '2h');
  await retype(page, MAIN, '1h');
  await page.keyboard.press('Tab');
  await waitNote(page, WEB, 'Set Implicit / Hybrid Flow Access Token Lifetime to 3,600 s');
  await page.evaluate(() => document.querySelector('lifetime-guard-note').shadowRoot.querySelector('button.fix').click());
  await page.waitForFunction(() => !document.querySelector('[aria-invalid=true]'));
  await (await button(page, 'Save')).click();
  await page.waitForFunction(() => document.body.textContent.includes('Changes saved.'));
  const [req] = await saves();
  assert.deepEqual([req.body.token_lifetime, req.body.token_lifetime_for_web], [3600, 3600]);
  await page.close();
});

test('Firefox, MUI: a switched-off field never blocks; another section’s Save goes through', async () => {
  const app = await open(`/dashboard/us/acme/applications/${APP}/settings`, 4);
  await retype(app, 'Maximum Refresh Token Lifetime', '2000d');
  await app.keyboard.press('Tab');
  await waitNote(app, 'Maximum Refresh Token Lifetime', 'Blocks save');
  await (await button(app, 'Save Changes')).click();
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await saves()).length, 0, 'blocked');
  await app.evaluate(() => [...document.querySelectorAll('input[type=checkbox]')].find((c) => c.closest('label')?.textContent.includes('Set Maximum Refresh Token Lifetime')).click());
  await waitNote(app, 'Maximum Refresh Token Lifetime', 'switch is off');
  await (await button(app, 'Save Changes')).click();
  await app.waitForFunction(() => document.body.textContent.includes('Changes saved.'));
  assert.equal((await saves())[0].body.refresh_token.infinite_token_lifetime, true);
  await app.close();
  await replica.reset();
  const tenant = await open('/dashboard/us/acme/tenant/advanced', 4);
  await retype(tenant, 'Idle Session Lifetime (Non-Persistent)', '90s');
  await tenant.keyboard.press('Tab');
  await waitNote(tenant, 'Idle Session Lifetime (Non-Persistent)', 'whole minutes');
  await (await button(tenant, 'Save', 0)).click();
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await saves()).length, 0, 'the session section is stopped');
  await tenant.evaluate(() => [...document.querySelectorAll('input[type=radio]')].find((r) => r.value === 'non-persistent').click());
  await (await button(tenant, 'Save', 1)).click();
  await tenant.waitForFunction(() => document.body.textContent.includes('Changes saved.'));
  assert.deepEqual((await saves())[0].body, { session_cookie: { mode: 'non-persistent' } });
  assert.match(await note(tenant, 'Idle Session Lifetime (Non-Persistent)'), /Blocks save/);
  await tenant.close();
});
