// The built extension in headless Chromium against the replica Dashboard. Every scenario runs
// on a page without CSP (the core runs as WebAssembly) and on a page whose CSP forbids
// WebAssembly (the core runs as its JavaScript translation), and the API-page scenarios on both
// current generations: MUI number fields and plain HTML text fields.
import test, { describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startReplica, launchChromium, open, noteFor, waitNote, noteCensus, alertText, retype, screenshotPath, API, MFA_API } from './helpers.mjs';

const MAIN = 'Maximum Access Token Lifetime';
const WEB = 'Implicit / Hybrid Flow Access Token Lifetime';
const GENERATIONS = [['MUI', '/dashboard/us/acme'], ['plain HTML', '/plain/dashboard/us/acme']];

for (const csp of [false, true]) {
  describe(csp ? 'strict page CSP (JavaScript core)' : 'no page CSP (WebAssembly core)', () => {
    let replica;
    let browser;
    let prefix = GENERATIONS[0][1];
    const apiUrl = (id = API) => `${replica.base}${prefix}/apis/${id}/settings`;
    const saves = async () => (await replica.requests()).filter((r) => r.method === 'PATCH');

    before(async () => {
      replica = await startReplica({ csp });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await replica?.close();
    });
    beforeEach(async () => { await replica.reset(); });

    test('runs the expected engine', async () => {
      const page = await open(browser.context, apiUrl());
      await waitNote(page, MAIN, '86,400 s = 1 day');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.lifetimeGuard), csp ? 'js' : 'wasm');
      await page.close();
    });

    for (const [gen, genPrefix] of GENERATIONS) {
      describe(gen, () => {
        before(() => { prefix = genPrefix; });

        test('both fields found, values in words, flows explained', async () => {
          const page = await open(browser.context, apiUrl());
          const main = await waitNote(page, MAIN, '86,400 s = 1 day');
          assert.match(main, /Affects:.*Authorization Code \+ PKCE \(browser SDKs too\).*Client Credentials.*Refresh Token/);
          assert.match(main, /including Authorization Code with PKCE started from a browser SDK/);
          const web = await waitNote(page, WEB, '7,200 s = 2 hours');
          assert.match(web, /Affects only: Implicit · Hybrid/);
          assert.match(web, /PKCE — even from a browser SDK — follows the main access token lifetime/);
          assert.deepEqual(await noteCensus(page), { notes: 2, orphans: 0, ids: (await noteCensus(page)).ids });
          const describedBy = await page.getByLabel(MAIN).getAttribute('aria-describedby');
          assert.match(describedBy, /(-description|-helper-text) lifetime-guard-note-\d+$/, 'the page\'s own description is kept');
          await page.close();
        });

        test('the MFA API gets its fixed 600-second explanation', async () => {
          const page = await open(browser.context, apiUrl(MFA_API));
          const note = await waitNote(page, MAIN, 'MFA API');
          assert.match(note, /always live 600 s \(10 minutes\)/);
          await page.close();
        });

        test('converting "30 days" changes React state and the saved payload; Escape restores', async () => {
          const page = await open(browser.context, apiUrl());
          await waitNote(page, MAIN, '86,400');
          await retype(page, MAIN, '30 days');
          assert.match(await waitNote(page, MAIN, 'Use 2592000'), /2,592,000 s = 30 days/);
          await page.keyboard.press('Tab'); // leaving the field converts
          await assert.doesNotReject(page.getByLabel(MAIN).evaluate((i) => new Promise((ok, ko) => (i.value === '2592000' ? ok() : ko(new Error(i.value))))));
          assert.match(await noteFor(page, MAIN), /Converted from “30 days”/);
          await page.getByRole('button', { name: 'Save', exact: true }).click();
          await page.getByText('Changes saved.').waitFor();
          const [req] = await saves();
          assert.equal(req.status, 200);
          assert.equal(req.body.token_lifetime, 2592000, 'the app sent the converted number');
          // Escape brings back what was typed.
          await retype(page, WEB, '2h');
          await page.keyboard.press('Tab');
          assert.equal(await page.getByLabel(WEB).inputValue(), '7200');
          await page.getByLabel(WEB).focus();
          await page.keyboard.press('Escape');
          assert.equal(await page.getByLabel(WEB).inputValue(), '2h');
          await page.close();
        });

        test('every way of saving is stopped above 2,592,000 s, and nothing reaches the server', async () => {
          const page = await open(browser.context, apiUrl());
          await waitNote(page, MAIN, '86,400');
          await retype(page, MAIN, '2592001');
          await waitNote(page, MAIN, 'Blocks save');
          assert.equal(await page.getByLabel(MAIN).getAttribute('aria-invalid'), 'true');
          const save = page.getByRole('button', { name: 'Save', exact: true });
          await save.click();
          const alert = await alertText(page);
          assert.match(alert, /stopped this save: 1 field needs a fix/);
          assert.match(alert, /Maximum Access Token Lifetime: Above the maximum of 2,592,000 s \(30 days\)/);
          assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent.replace(/\s*\*$/, '')), MAIN, 'focus moves to the field');
          await page.getByLabel(MAIN).press('Enter');
          await save.focus();
          await page.keyboard.press('Enter');
          await save.focus();
          await page.keyboard.press(' ');
          await page.evaluate(() => document.querySelector('main form').requestSubmit());
          await page.waitForTimeout(200);
          assert.deepEqual(await saves(), [], 'no save reached the server');
          assert.equal(await page.getByText('Changes saved.').count(), 0);
          // The browser-flow value above the main one is stopped as well.
          await retype(page, MAIN, '1d');
          await retype(page, WEB, '2d');
          await waitNote(page, WEB, 'Cannot be longer than the maximum access token lifetime');
          await save.click();
          assert.match(await alertText(page), /Implicit \/ Hybrid Flow Access Token Lifetime/);
          await page.waitForTimeout(100);
          assert.deepEqual(await saves(), []);
          // Fixed: the message goes and the save goes through untouched.
          await retype(page, WEB, '1h');
          await page.waitForTimeout(50);
          assert.equal(await alertText(page), null);
          await save.click();
          await page.getByText('Changes saved.').waitFor();
          const reqs = await saves();
          assert.equal(reqs.length, 1);
          assert.equal(reqs[0].status, 200);
          await page.close();
        });

        test('valid saves behave exactly as without the extension', async () => {
          const page = await open(browser.context, apiUrl());
          await waitNote(page, MAIN, '86,400');
          await retype(page, MAIN, '43200');
          await page.getByLabel(MAIN).press('Enter');
          await page.getByText('Changes saved.').waitFor();
          const reqs = await saves();
          assert.equal(reqs.length, 1);
          assert.deepEqual(reqs[0].body, { name: 'Payments API', token_lifetime: 43200, token_lifetime_for_web: 7200 });
          assert.equal(reqs[0].status, 200);
          await page.close();
        });

        test('client-side navigation keeps exactly one note per field, no orphans', async () => {
          const page = await open(browser.context, `${replica.base}${prefix}/apis`);
          for (let round = 0; round < 3; round++) {
            await page.getByRole('link', { name: 'Payments API' }).click();
            await waitNote(page, MAIN, '86,400');
            await waitNote(page, WEB, '7,200');
            const census = await noteCensus(page);
            assert.equal(census.notes, 2, `round ${round}: ${JSON.stringify(census)}`);
            assert.equal(census.orphans, 0);
            await page.getByRole('link', { name: 'APIs' }).click();
            await page.getByRole('heading', { name: 'APIs' }).waitFor();
            await page.waitForTimeout(50);
            assert.equal((await noteCensus(page)).notes, 0, 'leaving the page releases its notes');
          }
          await page.goBack();
          await waitNote(page, MAIN, '86,400');
          assert.equal((await noteCensus(page)).notes, 2);
          await page.close();
        });

        test('hash routes work as path routes do', async () => {
          const page = await open(browser.context, `${replica.base}${prefix.replace('/dashboard/us/acme', '')}/#/apis/${API}/settings`);
          await waitNote(page, MAIN, '86,400');
          await page.evaluate((id) => { window.location.hash = `/apis/${id}/settings`; }, MFA_API);
          await waitNote(page, MAIN, 'MFA API');
          assert.equal((await noteCensus(page)).notes, 2);
          await page.close();
        });

      });
    }

    test('older generation (Auth0 Cosmos): both fields found by their old labels', async () => {
      const page = await open(browser.context, `${replica.base}/older/#/apis/${API}/settings`, { dialog: false });
      await waitNote(page, 'Token Expiration (Seconds)', '86,400 s = 1 day');
      const web = await waitNote(page, 'Token Expiration For Browser Flows (Seconds)', '7,200 s = 2 hours');
      assert.match(web, /Affects only: Implicit · Hybrid/);
      const describedBy = await page.getByLabel('Token Expiration (Seconds)').getAttribute('aria-describedby');
      assert.match(describedBy, /helper-text lifetime-guard-note-\d+$/);
      await page.close();
    });

    test('screenshots of every generation, light and dark', async () => {
      const page = await open(browser.context, apiUrl());
      await retype(page, MAIN, '31 days');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await retype(page, WEB, '24h');
      await waitNote(page, WEB, 'Use 86400');
      const tag = csp ? 'strict-csp' : 'no-csp';
      await page.screenshot({ path: screenshotPath(`current-light-${tag}`), fullPage: true });
      await page.getByRole('button', { name: 'Dark mode' }).click();
      await page.waitForFunction(() => document.querySelector('lifetime-guard-note')?.dataset.theme === 'dark');
      await page.screenshot({ path: screenshotPath(`current-dark-${tag}`), fullPage: true });
      await page.getByRole('button', { name: 'Light mode' }).click();
      const plain = await open(browser.context, `${replica.base}/plain/dashboard/us/acme/apis/${API}/settings`);
      await retype(plain, MAIN, '31 days');
      await plain.getByRole('button', { name: 'Save', exact: true }).click();
      await plain.screenshot({ path: screenshotPath(`plain-light-${tag}`), fullPage: true });
      await plain.getByRole('button', { name: 'Dark mode' }).click();
      await plain.waitForFunction(() => document.querySelector('lifetime-guard-note')?.dataset.theme === 'dark');
      await plain.screenshot({ path: screenshotPath(`plain-dark-${tag}`), fullPage: true });
      await plain.getByRole('button', { name: 'Light mode' }).click();
      await plain.close();
      const older = await open(browser.context, `${replica.base}/older/#/apis/${API}/settings`, { dialog: false });
      await waitNote(older, 'Token Expiration (Seconds)', '86,400');
      await older.screenshot({ path: screenshotPath(`older-light-${tag}`), fullPage: true });
      await older.evaluate(() => document.documentElement.classList.add('theme-dark'));
      await older.waitForFunction(() => document.querySelector('lifetime-guard-note')?.dataset.theme === 'dark');
      await older.screenshot({ path: screenshotPath(`older-dark-${tag}`), fullPage: true });
      await page.close();
      await older.close();
    });

    test('no uncaught errors on the page', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
