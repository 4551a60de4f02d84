// The replica's stand-in for the Management API answers like the real one, so a save refused
// by the "server" is told apart from one the extension stopped.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startReplica, API } from './helpers.mjs';

test('the replica refuses what the Management API refuses, in its error format', async () => {
  const replica = await startReplica();
  try {
    const patch = (body) => fetch(`${replica.base}/api/v2/resource-servers/${API}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    let res = await patch({ token_lifetime: 2592001 });
    assert.equal(res.status, 400);
    const err = await res.json();
    assert.equal(err.errorCode, 'invalid_body');
    assert.match(err.message, /^Payload validation error: 'Value 2592001 is greater than maximum 2592000' on property token_lifetime \(/);
    res = await patch({ token_lifetime: '24h' });
    assert.match((await res.json()).message, /'Expected type integer but found type string' on property token_lifetime/);
    res = await patch({ token_lifetime: 3600 });
    assert.equal(res.status, 400, 'the browser-flow lifetime (7200) may not exceed the main one');
    res = await patch({ token_lifetime: 2592000, token_lifetime_for_web: 86400 });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).token_lifetime, 2592000);
    const log = await replica.requests();
    assert.deepEqual(log.map((r) => r.status), [400, 400, 400, 200]);
  } finally {
    await replica.close();
  }
});

test('the strict-CSP switch sends a CSP without wasm-unsafe-eval', async () => {
  const replica = await startReplica({ csp: true });
  try {
    const res = await fetch(`${replica.base}/dashboard/us/acme/apis`);
    const csp = res.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /wasm-unsafe-eval/);
  } finally {
    await replica.close();
  }
});
