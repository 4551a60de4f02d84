// The lifetimes beyond tokens and sessions, on MUI pages made like the Dashboard's: an email
// template's URL Lifetime, a passwordless connection's OTP Expiry (with OTP Length beside it), a
// SCIM token's expiration in its dialog, and attack protection's throttling rates in milliseconds
// (two sections share the label) or as attempts per day (another quantity: left alone). As a
// person meets them: a new profile, the page typed into at once, keyboard typing, Tab, a click on
// the button that sends; what reached the Management API is read back. Chromium and Firefox ESR.
import test, { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startReplica, launchChromium, launchFirefox, firefoxField, firefoxButton, firefoxType, waitNote, noteFor } from './helpers.mjs';

const EMAIL = '/dashboard/us/acme/templates/emails/verify_email';
const OTP_EMAIL = '/dashboard/us/acme/connections/passwordless/email';
const OTP_SMS = '/dashboard/us/acme/connections/passwordless/sms';
const SCIM = '/dashboard/us/acme/connections/enterprise/okta/con_okta/provisioning';
const THROTTLING = '/dashboard/us/acme/security/attack-protection/suspicious-ip-throttling';

// `sent` is what must reach Auth0 (`null`: the send must be stopped); `field` what the field
// holds after Tab; `note` a text the note shows (Chromium checks it).
const SCENARIOS = [
  { page: EMAIL, label: 'URL Lifetime', typed: '36h', submit: 'Save', read: (b) => b.urlLifetimeInSeconds, sent: 129600, field: '129600', note: '129,600 s = 1 day 12 hours' },
  { page: EMAIL, label: 'URL Lifetime', typed: '2 weeks', submit: 'Save', read: (b) => b.urlLifetimeInSeconds, sent: 1209600, field: '1209600' },
  { page: OTP_EMAIL, label: 'OTP Expiry', typed: '5m', submit: 'Save', read: (b) => b.options.totp.time_step, sent: 300, field: '300', note: 'OTP Length' },
  { page: OTP_EMAIL, label: 'OTP Expiry', typed: '30s', submit: 'Save', read: (b) => b.options.totp.time_step, sent: null, field: '30', note: 'at least 60 s' },
  { page: OTP_SMS, label: 'OTP Expiry', typed: '10 minutes', submit: 'Save', read: (b) => b.options.totp.time_step, sent: 600, field: '600' },
  { page: SCIM, open: 'Generate New Token', label: 'Expiration date in seconds', typed: '1 day', submit: 'Generate Token', read: (b) => b.token_lifetime, sent: 86400, field: '86400' },
  { page: SCIM, open: 'Generate New Token', label: 'Expiration date in seconds', typed: '10m', submit: 'Generate Token', read: (b) => b.token_lifetime, sent: null, field: '600' },
  { page: THROTTLING, label: 'Throttling rate', nth: 0, typed: '15m', submit: 'Save', read: (b) => b.stage['pre-login'].rate, sent: 900000, field: '900000', note: '900,000 ms = 15 minutes' },
  { page: THROTTLING, label: 'Throttling rate', nth: 0, typed: '20s', submit: 'Save', read: (b) => b.stage['pre-login'].rate, sent: null, field: '20000', note: 'at least 34,560 ms' },
  // The signup section's rate has a lower minimum: read as the login rate, 2 s would be stopped.
  { page: THROTTLING, label: 'Throttling rate', nth: 1, typed: '2s', submit: 'Save', read: (b) => b.stage['pre-user-registration'].rate, sent: 2000, field: '2000' },
  // Attempts per day are no interval: the guard leaves the field alone and the page saves it.
  { page: `${THROTTLING}?rate=per-day`, label: 'Throttling rate', nth: 0, typed: '200', submit: 'Save', read: (b) => b.stage['pre-login'].rate, sent: 432000, field: '200', untouched: true },
];

const title = (s) => `${s.label}${s.nth ? ` (#${s.nth + 1})` : ''} on ${s.page.split('/').slice(4).join('/')}: “${s.typed}” → ${s.sent === null ? 'stopped' : s.sent}`;
const SKIP_DIALOG = "try { sessionStorage.setItem('replica-nav-seen', '1'); } catch {}";

const OUTCOME = `(() => {
  if (document.getElementById('lifetime-guard-alert')) return 'blocked';
  const done = [...document.querySelectorAll('[role=status]')].some((e) => /saved|generated/i.test(e.textContent));
  if (done) return 'sent';
  const error = document.querySelector('.MuiAlert-standardError, [role=alert]');
  return error ? 'refused: ' + error.textContent : null;
})()`;

async function verdict(replica, s, outcome, value) {
  const sent = (await replica.requests()).filter((r) => r.method !== 'GET');
  if (s.sent === null) {
    assert.equal(outcome, 'blocked', `the guard's message by the button; the app sent ${JSON.stringify(sent.map((p) => p.body))}`);
    assert.equal(sent.length, 0, `nothing reached the Management API: ${JSON.stringify(sent.map((p) => p.body))}`);
  } else {
    assert.equal(outcome, 'sent', `the request went through: ${JSON.stringify(sent.map((p) => p.body))}`);
    assert.equal(sent.length, 1);
    assert.equal(s.read(sent[0].body), s.sent, 'the app sent the whole number the words mean');
  }
  assert.equal(value, s.field, 'the field holds the whole number of its unit');
}

describe('more lifetimes, Chromium', () => {
  let replica;
  before(async () => { replica = await startReplica(); });
  after(async () => { await replica?.close(); });

  for (const s of SCENARIOS) {
    test(title(s), async () => {
      await replica.reset();
      const browser = await launchChromium();
      try {
        await browser.context.addInitScript(SKIP_DIALOG);
        const page = await browser.context.newPage();
        await page.goto(`${replica.base}${s.page}`, { waitUntil: 'commit' });
        if (s.open) await page.getByRole('button', { name: s.open }).click();
        const input = page.getByLabel(s.label, { exact: false }).and(page.locator('input:not([type=checkbox])')).nth(s.nth ?? 0);
        await input.click();
        await page.keyboard.press('ControlOrMeta+a');
        await page.keyboard.type(s.typed);
        await page.keyboard.press('Tab');
        if (s.note && s.nth !== 1) {
          const shown = await waitNote(page, s.label, s.note);
          if (s.note === 'OTP Length') assert.match(shown, /not a lifetime/);
        }
        await page.getByRole('button', { name: s.submit, exact: true }).first().click();
        const outcome = await (await page.waitForFunction(OUTCOME, null, { timeout: 5000 })).jsonValue();
        await verdict(replica, s, outcome, await input.inputValue());
        if (s.label === 'OTP Expiry') assert.equal(await noteFor(page, 'OTP Length'), null, 'OTP Length is a number of digits: no note');
        if (s.untouched) {
          const described = await input.getAttribute('aria-describedby');
          assert.ok(!described?.includes('lifetime-guard'), `no note on a rate per day: ${described}`);
        }
      } finally {
        await browser.close();
      }
    });
  }
});

describe('more lifetimes, Firefox ESR', () => {
  let replica;
  before(async () => { replica = await startReplica(); });
  after(async () => { await replica?.close(); });

  for (const s of SCENARIOS) {
    test(title(s), async () => {
      await replica.reset();
      const firefox = await launchFirefox();
      try {
        const page = await firefox.browser.newPage();
        await page.setViewport({ width: 1200, height: 900 });
        await page.evaluateOnNewDocument(SKIP_DIALOG);
        await page.goto(`${replica.base}${s.page}`, { waitUntil: 'domcontentloaded' });
        if (s.open) await (await firefoxButton(page, s.open)).click();
        const input = await firefoxField(page, s.label, s.nth ?? 0);
        await firefoxType(page, input, s.typed);
        await (await firefoxButton(page, s.submit)).click();
        const outcome = await (await page.waitForFunction(OUTCOME, { timeout: 5000 })).jsonValue();
        await verdict(replica, s, outcome, await input.evaluate((i) => i.value));
      } finally {
        await firefox.close();
      }
    });
  }
});
