// The playground (dist/www, served by the replica server under /playground/) in headless
// Chromium: the converter and the checker say what users need (no internal codes), nothing
// overflows its card, and a tenant export — chosen as a file, or pasted on the keyboard — is
// linted in the browser with its findings listed and drawn on the lifetime map.
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startReplica, typeInto, screenshotPath, CHROMIUM_FLAGS, ROOT } from './helpers.mjs';

let replica;
let browser;
let page;
before(async () => {
  replica = await startReplica();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${replica.base}/playground/`);
  await page.locator('#conv-out').filter({ hasText: '129,600' }).waitFor();
});
after(async () => { await browser?.close(); await replica?.close(); });

test('the converter and the checker speak to users: no codes, no byte offsets', async () => {
  await typeInto(page.getByLabel('A lifetime in any form'), '1 month');
  const out = await page.locator('#conv-out').textContent();
  assert.match(out, /Months have no fixed length/);
  assert.doesNotMatch(out, /\[|bytes|_/, out);
  await page.getByLabel('Field', { exact: true }).selectOption('jwt_configuration.lifetime_in_seconds');
  assert.equal(await page.locator('#sibling-row').isHidden(), true, 'no “No related field” input');
  assert.equal(await page.locator('#audience-row').isHidden(), true);
  await page.getByLabel('Field', { exact: true }).selectOption('token_lifetime_for_web');
  assert.equal(await page.locator('#sibling-row').isVisible(), true);
  await typeInto(page.getByLabel('Value', { exact: true }), '2d');
  const verdict = await page.locator('#verdict').textContent();
  assert.match(verdict, /Cannot be longer than the maximum access token lifetime/);
  assert.doesNotMatch(verdict, /\((exceeds_token_lifetime|is_default|above_[a-z_]+)\)/, verdict);
});

test('nothing overflows its card', async () => {
  const overflow = await page.evaluate(() => [...document.querySelectorAll('section')].flatMap((s) => {
    const box = s.getBoundingClientRect();
    return [...s.querySelectorAll('input:not([type=file]), select, textarea, button')]
      .filter((e) => e.offsetParent && e.getBoundingClientRect().right > box.right + 0.5)
      .map((e) => e.id || e.textContent);
  }));
  assert.deepEqual(overflow, []);
});

test('a Deploy CLI export chosen as a file: findings and the lifetime map', async () => {
  await page.locator('#lint-files').setInputFiles(path.join(ROOT, 'tests/lint/deploy-cli-yaml/tenant.yaml'));
  await page.locator('#lint-out').filter({ hasText: 'lifetimes in 1 file:' }).waitFor();
  const out = await page.locator('#lint-out').textContent();
  assert.match(out, /13 lifetimes in 1 file: 4 errors, 5 warnings/);
  assert.match(out, /Refresh token rotation needs an expiring refresh token/);
  // A rule's finding about a flag is listed with the flag, not as a lifetime.
  assert.match(out, /Application Acme Web Shop · refresh_token\.infinite_token_lifetime = true \(for refresh_token\.token_lifetime\) · tenant\.yaml:26:32/);
  assert.match(out, /Above the maximum of 2,592,000 s \(30 days\); Auth0 rejects the save — Management API schema\./);
  assert.match(out, /API Payments API · token_lifetime = 2678400 \(seconds\) · tenant\.yaml:10:21/);
  assert.match(out, /placeholder @@ORDERS_TL@@/);
  const map = await page.evaluate(() => ({
    rows: [...document.querySelectorAll('#map .row-label')].map((t) => t.firstChild.nodeValue),
    marks: [...document.querySelectorAll('#map > svg > g:last-child .mark')].length,
    legend: [...document.querySelectorAll('#map .legend text')].map((t) => t.textContent),
    rings: [...document.querySelectorAll('#map > svg > g:last-child .ring.error')].length,
  }));
  // Every entity with a finding has its row, errors first: the API whose lifetime is a
  // placeholder too, though nothing of it can be drawn.
  assert.deepEqual(map.rows, ['API Payments API', 'Application Acme Web Shop', 'Tenant', 'API Auth0 MFA API', 'API Orders API', 'Email template verify_email']);
  assert.equal(map.marks, 11, 'every lifetime read is on the map (the rotation overlap is not a lifetime to compare)');
  assert.ok(map.legend.includes('email link') && map.legend.includes('SAML assertion'), `an email link and an add-on are lifetimes too, named once in the legend: ${map.legend}`);
  assert.equal(map.rings, 3, 'the refresh token sent above the schema maximum, though infinite, is an error');
  assert.match(await page.locator('#map-intervals').textContent(), /rotation overlap = 0 seconds \(Application Acme Web Shop\), a grace period after rotation/);
  await page.locator('#lint-h').scrollIntoViewIfNeeded();
  await page.locator('section').filter({ has: page.locator('#lint-h') }).screenshot({ path: screenshotPath('playground-lint') });
});

test('a Deploy CLI directory export chosen as a folder keeps its folder names; files dropped are linted', async () => {
  await page.locator('#lint-folder').setInputFiles(path.join(ROOT, 'tests/lint/deploy-cli-dir'));
  await page.locator('#lint-out').filter({ hasText: 'in 3 files:' }).waitFor();
  const out = await page.locator('#lint-out').textContent();
  assert.match(out, /^8 lifetimes in 3 files: 3 errors, 1 warning\./);
  assert.match(out, /Application Acme Web Shop · jwt_configuration\.lifetime_in_seconds = 3600\.5 \(seconds\) · deploy-cli-dir\/clients\/shop\.json:4:49/);
  // A drop: the page reads what the drop carries (a synthetic drop carries files, not folders).
  const text = fs.readFileSync(path.join(ROOT, 'tests/lint/deploy-cli-yaml/tenant.yaml'), 'utf8');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.items.add(new File([t], 'tenant.yaml', { type: 'text/yaml' }));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await page.locator('#lint-out').filter({ hasText: '13 lifetimes in 1 file:' }).waitFor();
});

test("attack protection's rates are intervals: said beside the map, not drawn on its lifetime axis", async () => {
  await page.locator('#lint-files').setInputFiles(path.join(ROOT, 'tests/lint/more-lifetimes/terraform/main.tf'));
  await page.locator('#lint-out').filter({ hasText: 'in 1 file:' }).waitFor();
  const apart = await page.locator('#map-intervals').textContent();
  assert.match(apart, /^Not on the map, being no lifetimes: login throttling = 100000000 milliseconds \(Attack protection auth0_attack_protection\.this\), an interval between attempts: less than one a day; signup throttling = 1200 milliseconds \(Attack protection auth0_attack_protection\.this\), an interval between attempts: 72,000 a day\.$/);
  const drawn = await page.evaluate(() => [...document.querySelectorAll('#map .legend text')].map((t) => t.textContent));
  assert.ok(!drawn.some((t) => /throttling|attempts/.test(t)), `no rate on the lifetime axis: ${drawn}`);
  assert.ok(drawn.includes('SAML assertion'), 'the lifetimes are');
});

test('a long name on the map: cut to fit, whole on hover and when its row has keyboard focus', async () => {
  const yaml = 'clients:\n  - name: Application Storefront app for the Nordic market\n    jwt_configuration:\n      lifetime_in_seconds: 36000\n  - name: Application Storefront app for the Iberian market\n    jwt_configuration:\n      lifetime_in_seconds: 3600\n';
  await page.getByLabel('Or paste a file').click();
  await page.keyboard.type(yaml);
  await page.getByLabel('Read it as').selectOption('tenant.yaml');
  await page.getByRole('button', { name: 'Lint', exact: true }).click();
  await page.locator('#lint-out').filter({ hasText: '2 lifetimes in 1 file:' }).waitFor();
  const rows = await page.evaluate(() => [...document.querySelectorAll('#map .row-label')].map((t) => ({ shown: t.firstChild.nodeValue, title: t.querySelector('title').textContent })));
  assert.deepEqual(rows.map((r) => r.title), ['Application Application Storefront app for the Iberian market: ID token 1 hour', 'Application Application Storefront app for the Nordic market: ID token 10 hours']);
  // Cut in the middle: the end that tells them apart stays.
  assert.deepEqual(rows.map((r) => r.shown), ['Application App…e Iberian market', 'Application App…he Nordic market']);
  await page.locator('#map .row-label').first().focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.querySelector('title')?.textContent), rows[1].title, 'Tab goes to the next row');
  assert.equal(await page.locator('#map-focus').textContent(), rows[1].title);
  await page.getByLabel('Or paste a file').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
});

test('a file pasted on the keyboard, read as Terraform', async () => {
  const tf = 'resource "auth0_resource_server" "api" {\n  token_lifetime = 31 * 24 * 3600\n}\n';
  await page.getByLabel('Or paste a file').click();
  await page.keyboard.type(tf);
  await page.getByLabel('Read it as').selectOption('main.tf');
  await page.getByRole('button', { name: 'Lint', exact: true }).click();
  await page.locator('#lint-out').filter({ hasText: '1 lifetime in 1 file:' }).waitFor();
  assert.match(await page.locator('#lint-out').textContent(), /API auth0_resource_server\.api · token_lifetime = 31 \* 24 \* 3600 \(seconds\) · main\.tf:2:20/);
  assert.deepEqual(page.errors, []);
});
