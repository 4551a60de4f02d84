// The JavaScript translation of the core (wasm2js), outside any browser: same answers as the
// wasm, including after its memory grew (a growth once left wasm-bindgen's glue writing
// strings into a stale buffer).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

const dist = process.env.LG_DIST ?? path.resolve('dist');
const { glue } = await import(path.join(dist, 'chrome/core/asm.js'));

test('the JavaScript core converts like the CLI', () => {
  assert.equal(glue.convert('1d 12h', 'seconds').value, 129600);
  assert.equal(glue.convert('3 days', 'minutes').value, 4320);
  assert.equal(glue.convert('1 month', 'seconds').error.kind, 'month_or_year');
});

test('strings survive memory growth', () => {
  const big = '1'.repeat(4 * 1024 * 1024);
  for (let i = 0; i < 3; i++) assert.equal(glue.convert(big, 'seconds').error.kind, 'too_large');
  assert.equal(glue.convert('24h', 'seconds').value, 86400);
  const v = glue.check('token_lifetime_for_web', '2d', { siblings: { token_lifetime: '1d' } });
  assert.equal(v.blocks_save, true);
  assert.ok(v.messages.some((m) => m.code === 'exceeds_token_lifetime'));
});
