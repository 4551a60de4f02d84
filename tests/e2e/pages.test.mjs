// Beyond the API page: application settings (ID token, refresh tokens with their switches) and
// the tenant's session lifetimes in minutes, in the plain-HTML and Cosmos generations, both CSPs
// (the MUI generation's pages: mui.test.mjs).
import test, { describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startReplica, launchChromium, open, noteFor, waitNote, alertText, retype, APP } from './helpers.mjs';

for (const csp of [false, true]) {
  describe(`application and tenant pages (${csp ? 'strict CSP' : 'no CSP'})`, () => {
    let replica;
    let browser;
    const patches = async () => (await replica.requests()).filter((r) => r.method === 'PATCH');
    before(async () => { replica = await startReplica({ csp }); browser = await launchChromium(); });
    after(async () => { await browser?.close(); await replica?.close(); });
    beforeEach(async () => { await replica.reset(); });

    test('plain-HTML application page: ID token converts, refresh relations warn, limits block, switches honoured', async () => {
      const page = await open(browser.context, `${replica.base}/plain/dashboard/us/acme/applications/${APP}/settings`);
      assert.match(await waitNote(page, 'ID Token Expiration', '36,000 s = 10 hours'), /ID tokens issued to this application/);
      await retype(page, 'ID Token Expiration', '2h');
      await waitNote(page, 'ID Token Expiration', 'Use 7200');
      await page.keyboard.press('Tab');
      assert.equal(await page.getByLabel('ID Token Expiration').inputValue(), '7200');
      // Idle above the maximum: a warning, never a block.
      await retype(page, 'Idle Refresh Token Lifetime', '60d');
      await waitNote(page, 'Idle Refresh Token Lifetime', 'can never take effect');
      await retype(page, 'Rotation Overlap Period', '2h');
      await waitNote(page, 'Rotation Overlap Period', 'Warning');
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await page.getByText('Changes saved.').waitFor();
      let [req] = await patches();
      assert.equal(req.status, 200);
      assert.equal(req.body.jwt_configuration.lifetime_in_seconds, 7200);
      assert.equal(req.body.refresh_token.idle_token_lifetime, 5184000);
      // Above the 5-year schema maximum: blocked.
      await retype(page, 'Maximum Refresh Token Lifetime', '157788001');
      await waitNote(page, 'Maximum Refresh Token Lifetime', 'Blocks save');
      await page.getByRole('button', { name: 'Save Changes' }).click();
      assert.match(await alertText(page), /Maximum Refresh Token Lifetime: Above the maximum of 157,788,000 s/);
      assert.equal((await patches()).length, 1);
      // Switched off, Auth0 ignores the value, and so does the guard.
      await page.getByRole('switch', { name: 'Set Maximum Refresh Token Lifetime' }).click();
      await waitNote(page, 'Maximum Refresh Token Lifetime', 'switch is off');
      assert.doesNotMatch(await noteFor(page, 'Maximum Refresh Token Lifetime'), /Blocks save/);
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await page.getByText('Changes saved.').waitFor();
      req = (await patches())[1];
      assert.equal(req.status, 200);
      assert.equal(req.body.refresh_token.infinite_token_lifetime, true);
      await page.close();
    });

    test('plain-HTML tenant page: session lifetimes in minutes, plan limits warn only', async () => {
      const page = await open(browser.context, `${replica.base}/plain/dashboard/us/acme/tenant/advanced`);
      const label = 'Idle Session Lifetime (Persistent)';
      await waitNote(page, label, '4,320 min = 3 days');
      await retype(page, label, '2 days');
      await waitNote(page, label, 'Use 2880');
      await page.keyboard.press('Tab');
      assert.equal(await page.getByLabel(label).inputValue(), '2880');
      await retype(page, 'Maximum Session Lifetime (Persistent)', '40 days');
      const max = await waitNote(page, 'Maximum Session Lifetime (Persistent)', 'Warning');
      assert.match(max, /Auth0 silently uses the plan limit/);
      await retype(page, 'Idle Session Lifetime (Non-Persistent)', '90s');
      await waitNote(page, 'Idle Session Lifetime (Non-Persistent)', 'whole minutes');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      assert.match(await alertText(page), /Idle Session Lifetime \(Non-Persistent\)/);
      assert.equal((await patches()).length, 0);
      await retype(page, 'Idle Session Lifetime (Non-Persistent)', '1d');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Changes saved.').waitFor();
      const [req] = await patches();
      assert.equal(req.status, 200);
      assert.equal(req.body.idle_session_lifetime, 48, 'the Dashboard stores hours');
      assert.equal(req.body.session_lifetime, 960);
      await page.close();
    });

    test('older application and tenant pages (Cosmos labels, "Save Changes")', async () => {
      const page = await open(browser.context, `${replica.base}/older/#/applications/${APP}/settings`, { dialog: false });
      await waitNote(page, 'JWT Expiration (seconds)', '36,000 s = 10 hours');
      await waitNote(page, 'Absolute Lifetime', '2,592,000 s = 30 days');
      await waitNote(page, 'Inactivity Lifetime', '1,296,000 s = 15 days');
      await waitNote(page, 'Reuse Interval', '0 seconds');
      await retype(page, 'Absolute Lifetime', '157788001');
      await waitNote(page, 'Absolute Lifetime', 'Blocks save');
      await page.getByRole('button', { name: 'Save Changes' }).click();
      assert.match(await alertText(page), /Absolute Lifetime/);
      assert.equal((await patches()).length, 0);
      await page.goto(`${replica.base}/older/#/tenant/advanced`);
      await waitNote(page, 'Inactivity timeout', '4,320 min = 3 days');
      await retype(page, 'Require log in after', '3 days');
      await waitNote(page, 'Require log in after', 'Use 4320');
      await page.keyboard.press('Tab');
      assert.equal(await page.getByLabel('Require log in after').inputValue(), '4320');
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await page.getByText('Changes saved.').waitFor();
      assert.equal((await patches())[0].body.session_lifetime, 72);
      await page.close();
    });
  });
}
