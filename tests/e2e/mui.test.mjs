// The Dashboard as it is built today: real @mui/material 5.15.9 components, lifetimes as
// `type="number"` TextFields with a unit inside the frame. Everything is typed on the keyboard or
// pasted from the clipboard, under both page CSPs.
import test, { describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startReplica, launchChromium, open, noteFor, waitNote, alertText, retype, field, screenshotPath, CHROMIUM_FLAGS, API, APP } from './helpers.mjs';

const MAIN = 'Maximum Access Token Lifetime';
const WEB = 'Implicit / Hybrid Flow Access Token Lifetime';
const FORMS = [['24h', 86400], ['30 days', 2592000], ['1d 12h', 129600], ['P1D', 86400], ['1:30:00', 5400], ['86,400', 86400]];

/** The outlined frame (input + unit adornment) of every lifetime field, by label. */
const frames = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('input')]
  .filter((i) => i.closest('.MuiInputBase-root') && /Lifetime|Expiration|Period/.test(i.labels?.[0]?.textContent ?? ''))
  .map((i) => {
    const r = i.closest('.MuiInputBase-root').getBoundingClientRect();
    return [i.labels[0].textContent, [r.x, r.y, r.width, r.height, r.y - i.labels[0].getBoundingClientRect().y]];
  })));

for (const csp of [false, true]) {
  describe(`MUI generation (${csp ? 'strict CSP, JavaScript core' : 'no CSP, WebAssembly core'})`, () => {
    let replica;
    let browser;
    const apiUrl = () => `${replica.base}/dashboard/us/acme/apis/${API}/settings`;
    const saves = async () => (await replica.requests()).filter((r) => r.method === 'PATCH');
    before(async () => {
      replica = await startReplica({ csp });
      browser = await launchChromium();
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: replica.base });
    });
    after(async () => { await browser?.close(); await replica?.close(); });
    beforeEach(async () => { await replica.reset(); });

    for (const [typed, seconds] of FORMS) {
      // Below the implicit value (7,200 s), the implicit field takes it: the relation stays intact.
      const [label, key] = seconds >= 7200 ? [MAIN, 'token_lifetime'] : [WEB, 'token_lifetime_for_web'];
      test(`typing “${typed}” into a number field gives ${seconds} in the field, the app and the save`, async () => {
        const page = await open(browser.context, apiUrl());
        await waitNote(page, MAIN, '86,400');
        await retype(page, label, typed);
        assert.equal(await field(page, label).inputValue(), typed, 'the text reached the engine whole');
        await waitNote(page, label, `Use ${seconds}`);
        // Straight to Save, as people do: leaving the field converts it first.
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByText('Changes saved.').waitFor();
        assert.equal(await field(page, label).inputValue(), String(seconds));
        assert.equal(await field(page, label).getAttribute('type'), 'number', 'the field is a number field again');
        assert.ok((await noteFor(page, label)).includes(`Converted from “${typed}”`));
        const [req] = await saves();
        assert.equal(req.body[key], seconds, 'the app saved the whole number');
        await page.close();
      });
    }

    test('a paste arrives whole; Enter converts before the save; Escape restores', async () => {
      const page = await open(browser.context, apiUrl());
      await waitNote(page, MAIN, '86,400');
      await page.evaluate(() => navigator.clipboard.writeText('1d 12h'));
      const input = field(page, MAIN);
      await input.click();
      await input.press('ControlOrMeta+a');
      await input.press('ControlOrMeta+v');
      assert.equal(await input.inputValue(), '1d 12h');
      await input.press('Enter');
      await page.getByText('Changes saved.').waitFor();
      assert.equal((await saves())[0].body.token_lifetime, 129600);
      assert.equal(await input.inputValue(), '129600');
      await input.press('Escape');
      assert.equal(await input.inputValue(), '1d 12h', 'Escape gives back what was pasted');
      await page.close();
    });

    test('role and name are kept, ArrowUp/ArrowDown step, the spin buttons still work', async () => {
      const page = await open(browser.context, apiUrl());
      await waitNote(page, MAIN, '86,400');
      const spin = page.getByRole('spinbutton', { name: MAIN });
      assert.equal(await spin.count(), 1, `a spinbutton before focus: ${await page.locator('main').ariaSnapshot()}`);
      await spin.click();
      assert.equal(await field(page, MAIN).getAttribute('type'), 'text', 'text entry while focused');
      assert.equal(await page.getByRole('spinbutton', { name: MAIN }).count(), 1, 'still a spinbutton with the same name while focused');
      await page.keyboard.press('ArrowUp');
      assert.equal(await field(page, MAIN).inputValue(), '86401');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await field(page, MAIN).inputValue(), '86399');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('1d');
      await page.keyboard.press('ArrowUp');
      assert.equal(await field(page, MAIN).inputValue(), '86401', 'a step from what the words mean');
      await page.keyboard.press('Tab');
      // The spin buttons of a field without focus step it by one, as without the extension.
      const box = await field(page, WEB).boundingBox();
      await page.mouse.click(box.x + box.width - 8, box.y + box.height / 2 - 5);
      await page.waitForTimeout(50);
      const web = await field(page, WEB).inputValue();
      assert.ok(['7199', '7201'].includes(web), `one step from 7200: ${web}`);
      assert.equal(await field(page, WEB).getAttribute('type'), 'number', 'a spin-button press leaves it a number field');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Changes saved.').waitFor();
      assert.deepEqual([(await saves())[0].body.token_lifetime, (await saves())[0].body.token_lifetime_for_web], [86401, Number(web)]);
      await page.close();
    });

    test('the note sits below the helper text, outside the frame; the frames do not move', async () => {
      // Without the extension.
      const plain = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
      const bare = await plain.newPage({ viewport: { width: 1200, height: 900 } });
      const without = {};
      for (const url of [apiUrl(), `${replica.base}/dashboard/us/acme/applications/${APP}/settings`, `${replica.base}/dashboard/us/acme/tenant/advanced`]) {
        await bare.goto(url);
        await bare.waitForFunction(() => document.querySelectorAll('input[type=number]').length > 0);
        const gotIt = bare.getByRole('button', { name: 'Got it' });
        if (await gotIt.isVisible()) {
          await gotIt.click();
          await bare.getByRole('dialog').waitFor({ state: 'detached' });
        }
        without[url] = await frames(bare);
      }
      await plain.close();
      for (const url of Object.keys(without)) {
        const page = await open(browser.context, url);
        await page.waitForFunction((n) => document.querySelectorAll('lifetime-guard-note').length === n, Object.keys(without[url]).length);
        // Every frame keeps its size and its place in its field; the first field of the page
        // does not move at all (the notes above later fields push those down, as text does).
        const withExt = await frames(page);
        const [first] = Object.keys(without[url]);
        assert.deepEqual(withExt[first], without[url][first], `the first frame on ${url}`);
        for (const [label, [x, , w, h, fromLabel]] of Object.entries(without[url])) {
          const [x2, , w2, h2, fromLabel2] = withExt[label];
          assert.deepEqual([x2, w2, h2, fromLabel2], [x, w, h, fromLabel], `${label} on ${url}`);
        }
        const placement = await page.evaluate(() => [...document.querySelectorAll('lifetime-guard-note')].map((n) => {
          const prev = n.previousElementSibling;
          const frame = n.parentElement.querySelector('.MuiInputBase-root');
          return { afterHelper: prev?.classList.contains('MuiFormHelperText-root'), insideFrame: !!n.closest('.MuiInputBase-root'), below: n.getBoundingClientRect().top >= frame.getBoundingClientRect().bottom };
        }));
        for (const p of placement) assert.deepEqual(p, { afterHelper: true, insideFrame: false, below: true });
        await page.close();
      }
    });

    test('OK and idle: one line; focus, a problem or "Details" show the rest', async () => {
      const page = await open(browser.context, apiUrl());
      await waitNote(page, MAIN, '86,400');
      const shown = (label) => field(page, label).evaluate((i) => {
        const id = i.getAttribute('aria-describedby').split(' ').find((x) => x.startsWith('lifetime-guard-note'));
        const root = document.getElementById(id).shadowRoot;
        return { lines: Math.round(root.querySelector('.lg').getBoundingClientRect().height / 17), flows: root.querySelector('.flows')?.checkVisibility() ?? false };
      });
      assert.equal((await shown(MAIN)).flows, false);
      assert.ok((await shown(MAIN)).lines <= 2, 'one line (with padding)');
      await field(page, MAIN).click();
      assert.equal((await shown(MAIN)).flows, true, 'focus shows the flows');
      // Tab goes to the note's disclosure: the details stay open while focus is in the note.
      await page.keyboard.press('Tab');
      const expanded = () => page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.getAttribute('aria-expanded'));
      assert.equal(await expanded(), 'true');
      assert.equal((await shown(MAIN)).flows, true);
      await page.keyboard.press('Enter');
      assert.equal((await shown(MAIN)).flows, false, 'closed from the keyboard');
      assert.equal(await expanded(), 'false');
      await page.keyboard.press('Enter');
      assert.equal((await shown(MAIN)).flows, true, 'opened from the keyboard');
      await page.keyboard.press('Tab');
      assert.equal((await shown(MAIN)).flows, true, 'opened by the admin: stays open');
      await retype(page, WEB, '2d');
      await page.keyboard.press('Tab');
      await waitNote(page, WEB, 'Blocks save');
      assert.equal((await shown(WEB)).flows, true, 'a problem shows everything');
      await page.close();
    });

    test('theme: a switch done only in CSS, and prefers-color-scheme', async () => {
      const page = await open(browser.context, apiUrl());
      await waitNote(page, MAIN, '86,400');
      const theme = () => page.evaluate(() => document.querySelector('lifetime-guard-note').dataset.theme);
      const htmlAttrs = await page.evaluate(() => [document.documentElement.className, document.body.className]);
      await page.getByRole('button', { name: 'Dark mode' }).click();
      await page.waitForFunction(() => document.querySelector('lifetime-guard-note').dataset.theme === 'dark');
      assert.deepEqual(await page.evaluate(() => [document.documentElement.className, document.body.className]), htmlAttrs, 'the page changed no class');
      await retype(page, MAIN, '31 days');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      assert.equal(await page.evaluate(() => document.getElementById('lifetime-guard-alert').dataset.theme), 'dark');
      await page.getByRole('button', { name: 'Light mode' }).click();
      await page.waitForFunction(() => document.querySelector('lifetime-guard-note').dataset.theme === 'light');
      // The replica follows the system when the admin has not chosen.
      await page.evaluate(() => localStorage.removeItem('replica-theme'));
      await page.reload();
      await waitNote(page, MAIN, '86,400');
      assert.equal(await theme(), 'light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => document.querySelector('lifetime-guard-note').dataset.theme === 'dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.waitForFunction(() => document.querySelector('lifetime-guard-note').dataset.theme === 'light');
      await page.close();
    });

    test('the fix: one action sets the implicit value to the new maximum', async () => {
      const page = await open(browser.context, apiUrl());
      await waitNote(page, MAIN, '86,400');
      await retype(page, WEB, '2h');
      await retype(page, MAIN, '1h');
      await page.keyboard.press('Tab');
      const note = await waitNote(page, WEB, 'Set Implicit / Hybrid Flow Access Token Lifetime to 3,600 s');
      assert.match(note, /Blocks save/);
      assert.match(await noteFor(page, MAIN), /Set Implicit \/ Hybrid Flow Access Token Lifetime to 3,600 s/, 'offered on the maximum too');
      await page.locator('lifetime-guard-note').first().locator('button.fix').click();
      await page.waitForFunction(() => !document.querySelector('[aria-invalid=true]'));
      assert.equal(await field(page, WEB).inputValue(), '3600');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Changes saved.').waitFor();
      const [req] = await saves();
      assert.deepEqual([req.body.token_lifetime, req.body.token_lifetime_for_web], [3600, 3600], 'React state followed');
      await page.close();
    });

    test('application page: switches disable their fields, which never block; "Save Changes"', async () => {
      const page = await open(browser.context, `${replica.base}/dashboard/us/acme/applications/${APP}/settings`);
      await waitNote(page, 'ID Token Expiration', '36,000 s = 10 hours');
      await retype(page, 'Maximum Refresh Token Lifetime', '2000d');
      await page.keyboard.press('Tab');
      await waitNote(page, 'Maximum Refresh Token Lifetime', 'Blocks save');
      assert.equal(await field(page, 'Maximum Refresh Token Lifetime').inputValue(), '172800000');
      await page.getByRole('button', { name: 'Save Changes' }).click();
      assert.match(await alertText(page), /Maximum Refresh Token Lifetime: Above the maximum of 157,788,000 s/);
      assert.equal((await saves()).length, 0);
      await page.getByRole('checkbox', { name: 'Set Maximum Refresh Token Lifetime' }).click();
      assert.equal(await field(page, 'Maximum Refresh Token Lifetime').isDisabled(), true);
      await waitNote(page, 'Maximum Refresh Token Lifetime', 'switch is off');
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await page.getByText('Changes saved.').waitFor();
      assert.equal((await saves())[0].body.refresh_token.infinite_token_lifetime, true);
      // Switched back on, the value is checked again.
      await page.getByRole('checkbox', { name: 'Set Maximum Refresh Token Lifetime' }).click();
      await waitNote(page, 'Maximum Refresh Token Lifetime', 'Blocks save');
      await page.getByRole('button', { name: 'Save Changes' }).click();
      assert.equal((await saves()).length, 1, 'blocked again');
      await page.close();
    });

    test('tenant page: minutes, and a blocked section does not stop another section’s Save', async () => {
      const page = await open(browser.context, `${replica.base}/dashboard/us/acme/tenant/advanced`);
      const label = 'Idle Session Lifetime (Persistent)';
      await waitNote(page, label, '4,320 min = 3 days');
      await retype(page, label, '7d');
      await page.keyboard.press('Tab');
      assert.equal(await field(page, label).inputValue(), '10080');
      await retype(page, 'Idle Session Lifetime (Non-Persistent)', '90s');
      await page.keyboard.press('Tab');
      await waitNote(page, 'Idle Session Lifetime (Non-Persistent)', 'whole minutes');
      const [sessionSave, policySave] = await page.getByRole('button', { name: 'Save', exact: true }).all();
      await sessionSave.click();
      assert.match(await alertText(page), /Idle Session Lifetime \(Non-Persistent\)/);
      assert.equal((await saves()).length, 0);
      await page.getByRole('radio', { name: 'Non-persistent' }).check();
      await policySave.click();
      await page.getByText('Changes saved.').waitFor();
      const reqs = await saves();
      assert.equal(reqs.length, 1);
      assert.deepEqual(reqs[0].body, { session_cookie: { mode: 'non-persistent' } });
      await page.close();
    });

    test('screenshots, light and dark', async () => {
      const page = await open(browser.context, apiUrl());
      await waitNote(page, MAIN, '86,400');
      await retype(page, MAIN, '31 days');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await retype(page, WEB, '24h');
      await waitNote(page, WEB, 'Use 86400');
      const tag = csp ? 'strict-csp' : 'no-csp';
      await page.screenshot({ path: screenshotPath(`mui-light-${tag}`), fullPage: true });
      await page.getByRole('button', { name: 'Dark mode' }).click();
      await page.waitForFunction(() => document.querySelector('lifetime-guard-note')?.dataset.theme === 'dark');
      await page.screenshot({ path: screenshotPath(`mui-dark-${tag}`), fullPage: true });
      await page.getByRole('button', { name: 'Light mode' }).click();
      await page.close();
    });

    test('no uncaught errors on the page', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
