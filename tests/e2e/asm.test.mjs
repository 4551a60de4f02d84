// The content module translated to JavaScript (wasm2js), outside any browser: it reports like
// the WebAssembly one, including after its memory grew (a growth once left wasm-bindgen's glue
// reading and writing strings in a stale buffer).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

const dist = process.env.LG_DIST ?? path.resolve('dist');
const { glue } = await import(path.join(dist, 'chrome/core/asm.js'));

test('the JavaScript core answers before it is started', () => {
  const s = glue.status();
  assert.equal(s.active, false);
  assert.deepEqual(s.fields, []);
  assert.ok(s.memory_bytes > 0);
});

test('strings cross the boundary intact after memory growth', () => {
  const before = glue.status().memory_bytes;
  // A 4 MiB policy key is copied into the module's memory, which must grow for it; the error
  // message that comes back quotes it.
  const big = 'k'.repeat(4 * 1024 * 1024);
  for (let i = 0; i < 3; i++) {
    assert.throws(() => glue.configure({ policy: { [big]: { max: true } } }), (e) => e.message.startsWith('invalid settings: kkk') && e.message.endsWith('kkk.max must be a whole number or a lifetime such as “1h”'));
  }
  assert.ok(glue.status().memory_bytes > before, 'memory grew');
  assert.throws(() => glue.configure({ enabled: 'yes' }), { message: 'invalid settings: “enabled” must be true or false' });
});
