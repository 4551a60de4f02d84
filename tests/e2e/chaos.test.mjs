// DOM chaos: 1,000 seeded random operations on the replica — re-render, replace inputs by
// navigating, type, paste 10 KB, remove and restore labels, switch theme, open and close the
// dialog, save — and after each the invariants hold: one note per detected field, no orphan,
// bounded listeners and observers, no uncaught exception, no valid save blocked and no invalid
// one let through. A failure prints the seed: LG_CHAOS_SEED=<seed> replays it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startReplica, launchChromium, open, noteCensus, noteFor, alertText, guardStatus, API, MFA_API } from './helpers.mjs';

// A fixed seed by default keeps CI deterministic; LG_CHAOS_SEED=random explores new ones.
// LG_QUICK (cargo xtask test --quick) runs 200; LG_CHAOS_TRACE=1 prints each operation and its time.
const SEED = process.env.LG_CHAOS_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.LG_CHAOS_SEED ?? 1203774101);
const OPS = Number(process.env.LG_CHAOS_OPS ?? (process.env.LG_QUICK ? 200 : 1000));
const MAIN = 'Maximum Access Token Lifetime';
const WEB = 'Implicit / Hybrid Flow Access Token Lifetime';
const MAX = 2592000;

// What each typed text means in seconds (null: refused), independent of the extension.
const POOL = [
  ['86400', 86400], ['24h', 86400], ['30 days', 2592000], ['2592001', 2592001], ['31 days', 2678400],
  ['1d 12h', 129600], ['7200', 7200], ['2h', 7200], ['1 month', null], ['abc', null], ['', null],
  ['0', 0], ['600', 600], ['P1D', 86400], ['86,400', 86400], ['1.5s', null], ['12h', 43200], ['5m', 300],
];

function rng(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

// The MUI generation (number fields) gets the full count, the plain-HTML one a fifth of it.
for (const [gen, prefix, ops] of [['MUI', '/dashboard/us/acme', OPS], ['plain HTML', '/plain/dashboard/us/acme', Math.ceil(OPS / 5)]]) {
test(`chaos on the ${gen} generation: ${ops} random operations (seed ${SEED})`, async () => {
  const random = rng(SEED);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const replica = await startReplica();
  const browser = await launchChromium();
  const where = (i, op) => `seed ${SEED}, op ${i} (${op}); replay with LG_CHAOS_SEED=${SEED}`;
  try {
    const page = await open(browser.context, `${replica.base}${prefix}/apis/${API}/settings`);
    const internals = await browser.context.newPage();
    await internals.goto(`chrome-extension://${browser.id}/popup.html`);
    // The popup tab came to the front; hidden tabs get throttled animation frames, which made
    // every Playwright stability check on the replica wait about a second.
    await page.bringToFront();
    const onApiPage = () => page.evaluate(() => /\/apis\/[^/]+\/settings/.test(location.pathname + location.hash));
    const ready = async () => {
      await page.waitForFunction(() => document.querySelector('.loading') === null);
      if (await onApiPage()) await page.getByLabel(MAIN).waitFor();
      await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    };
    // As a person does: click, select all, type (or, for the long junk, insert it the way a paste
    // or an input method does). Never fill(): it cannot type words into a number field.
    const typeInto = async (label, text, insert = false) => {
      const input = page.getByLabel(label).and(page.locator('input')).first();
      await input.click();
      await input.press('ControlOrMeta+a');
      if (insert) await page.keyboard.insertText(text);
      else if (text === '') await page.keyboard.press('Backspace');
      else await page.keyboard.type(text);
    };
    for (let i = 0; i < ops; i++) {
      const api = await onApiPage();
      if (process.env.LG_CHAOS_TRACE) process.stderr.write(`${i} `);
      const op = api ? pick(['type', 'type', 'type', 'paste', 'rerender', 'replace', 'navigate', 'label', 'theme', 'dialog', 'save', 'save']) : pick(['navigate', 'theme', 'dialog']);
      if (process.env.LG_CHAOS_TRACE) process.stderr.write(`${op} `);
      const t0 = Date.now();
      if (op === 'type') {
        await typeInto(pick([MAIN, WEB]), pick(POOL)[0]);
        if (random() < 0.3) await page.keyboard.press('Tab'); // leaving converts; the seconds stay the same
      } else if (op === 'paste') {
        const junk = Array.from({ length: 10240 }, () => String.fromCharCode(32 + Math.floor(random() * 90))).join('');
        await typeInto(pick([MAIN, WEB]), junk, true);
      } else if (op === 'rerender') {
        await typeInto('Name', `Payments API ${i}`);
      } else if (op === 'replace') {
        await page.getByRole('link', { name: 'APIs' }).click();
        await page.locator(`a[href$="${API}/settings"]`).first().click();
      } else if (op === 'navigate') {
        const to = pick(['list', 'api', 'mfa', 'hash']);
        if (to === 'list') await page.getByRole('link', { name: 'APIs' }).click();
        else if (to === 'hash') await page.evaluate((id) => { location.hash = `/apis/${id}/settings`; }, API);
        else await page.evaluate(([id, at]) => { history.pushState({}, '', `${at}/apis/${id}/settings`); dispatchEvent(new Event('replica:navigate')); }, [to === 'mfa' ? MFA_API : API, prefix]);
      } else if (op === 'label') {
        // Take a label out, check the note goes, put it back exactly where it was.
        const label = pick([MAIN, WEB]);
        const gone = await page.evaluate((text) => {
          const l = [...document.querySelectorAll('label')].find((x) => x.textContent.startsWith(text));
          const parent = l.parentNode; const next = l.nextSibling;
          l.remove();
          window.__restore = () => parent.insertBefore(l, next);
          return true;
        }, label);
        assert.ok(gone);
        await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
        assert.equal((await noteCensus(page)).notes, 1, `label removed: its note goes — ${where(i, op)}`);
        await page.evaluate(() => window.__restore());
      } else if (op === 'theme') {
        await page.locator('button.theme').click();
      } else if (op === 'dialog') {
        await page.getByRole('button', { name: "What's new" }).click();
        await page.getByRole('button', { name: 'Got it' }).click();
      } else if (op === 'save') {
        const before = (await replica.requests()).length;
        // The oracle: what the fields hold now, read without the extension's help.
        const meaning = (text) => (/^\d+$/.test(text) ? Number(text) : POOL.find(([t]) => t === text)?.[1] ?? null);
        const m = meaning(await page.getByLabel(MAIN).inputValue());
        const w = meaning(await page.getByLabel(WEB).inputValue());
        const valid = m !== null && w !== null && m >= 1 && m <= MAX && w >= 1 && w <= MAX && w <= m;
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.waitForTimeout(60);
        const after = await replica.requests();
        if (valid) {
          const seen = after.length === before + 1 ? '' : JSON.stringify({ main: await noteFor(page, MAIN), web: await noteFor(page, WEB), alert: await alertText(page), values: [await page.getByLabel(MAIN).inputValue(), await page.getByLabel(WEB).inputValue()] });
          assert.equal(after.length, before + 1, `a valid save (${m}, ${w}) was blocked ${seen} — ${where(i, op)}`);
          assert.equal(after.at(-1).status, 200, `${JSON.stringify(after.at(-1))} — ${where(i, op)}`);
        } else {
          assert.equal(after.length, before, `an invalid save (${m}, ${w}) got through — ${where(i, op)}`);
        }
      }
      const t1 = Date.now();
      await ready();
      if (process.env.LG_CHAOS_TRACE) process.stderr.write(`${t1 - t0}+${Date.now() - t1}ms\n`);
      const census = await noteCensus(page);
      const fields = (await onApiPage()) ? 2 : 0;
      assert.equal(census.notes, fields, `notes ${JSON.stringify(census)} — ${where(i, op)}`);
      assert.equal(census.orphans, 0, `orphans — ${where(i, op)}`);
      if (i % 100 === 99) {
        const s = await guardStatus(internals);
        // The window events (16: src/web/app.rs's table) and the theme's media query, whatever
        // the number of navigations; 2 to spare.
        assert.ok(s.listeners <= 17 + 2 && s.observers === 3 && s.timers === 1, `listeners ${s.listeners}, observers ${s.observers}, timers ${s.timers} — ${where(i, op)}`);
      }
    }
    assert.deepEqual(browser.errors, [], `uncaught exceptions — seed ${SEED}`);
    assert.deepEqual(page.logs.filter((l) => l.startsWith('pageerror') || l.includes('Lifetime Guard')), [], `seed ${SEED}`);
  } finally {
    await browser.close();
    await replica.close();
  }
});
}
