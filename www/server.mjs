// The offline replica of the Auth0 Dashboard: serves the built pages on 127.0.0.1 and answers
// a small part of the Management API the way the real one does, including its error format,
// so tests can tell a save stopped by the extension from one refused by the "server".
//
//   node www/server.mjs [--port 8080] [--csp]     (or: cargo xtask demo [--csp])
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate, initialState, issueToken } from './replica/management-api.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// Emotion (the MUI generation) writes style rules at run time: styles need 'unsafe-inline'; scripts
// stay 'self', so WebAssembly is refused.
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.png': 'image/png', '.json': 'application/json', '.svg': 'image/svg+xml' };

export function createServer({ root = path.join(here, '..', 'target', 'replica'), csp = false } = {}) {
  let state = initialState();
  const requests = [];
  const send = (res, status, body, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  };
  const readBody = (req) => new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const p = url.pathname;
    if (p === '/__replica/requests') return send(res, 200, requests);
    if (p === '/__replica/reset' && req.method === 'POST') {
      state = initialState();
      requests.length = 0;
      return send(res, 200, { ok: true });
    }
    const scim = p.match(/^\/api\/v2\/connections\/([^/]+)\/scim-configuration\/tokens$/);
    if (scim && req.method === 'POST') {
      const text = await readBody(req);
      let body;
      try { body = JSON.parse(text); } catch { body = undefined; }
      const connection = state.connections[scim[1]];
      const error = !connection ? 'The connection does not exist' : body === undefined ? 'Invalid JSON' : validate('scim-tokens', {}, body);
      requests.push({ method: 'POST', path: p, body: body ?? text, status: error ? 400 : 201, error });
      if (error) return send(res, 400, { statusCode: 400, error: 'Bad Request', message: error, errorCode: 'invalid_body' });
      const token = { token_id: `tok_${connection.scim_tokens.length + 1}`, scopes: body.scopes ?? [], token_lifetime: body.token_lifetime ?? null };
      connection.scim_tokens.push(token);
      return send(res, 201, { ...token, token: 'scim-secret-shown-once' });
    }
    if (p === '/oauth/token' && req.method === 'POST') {
      const text = await readBody(req);
      let body;
      try { body = JSON.parse(text); } catch { body = undefined; }
      const answer = issueToken(state, body);
      requests.push({ method: 'POST', path: p, body: body ?? text, status: answer.status, error: answer.error?.error_description });
      return send(res, answer.status, answer.error ?? answer.body);
    }
    const api = p.match(/^\/api\/v2\/(resource-servers|clients|email-templates|connections)(?:\/([^/]+))?$/)
      ?? (p === '/api/v2/tenants/settings' ? ['', 'tenant', 'settings'] : null)
      ?? (p === '/api/v2/attack-protection/suspicious-ip-throttling' ? ['', 'attack-protection', 'suspicious-ip-throttling'] : null);
    if (api) {
      const [, kind, id] = api;
      const collection = state[kind];
      if (req.method === 'GET' && !id) return send(res, 200, Object.values(collection));
      const item = collection?.[id];
      if (!item) return send(res, 404, { statusCode: 404, error: 'Not Found', message: 'The resource does not exist', errorCode: 'inexistent_resource' });
      if (req.method === 'GET') return send(res, 200, item);
      if (req.method === 'PATCH') {
        const text = await readBody(req);
        let body;
        try { body = JSON.parse(text); } catch { body = undefined; }
        const error = body === undefined ? 'Invalid JSON' : validate(kind, item, body);
        requests.push({ method: 'PATCH', path: p, body: body ?? text, status: error ? 400 : 200, error });
        if (error) return send(res, 400, { statusCode: 400, error: 'Bad Request', message: error, errorCode: 'invalid_body' });
        collection[id] = mergeDeep(item, body);
        return send(res, 200, collection[id]);
      }
      return send(res, 405, { statusCode: 405, error: 'Method Not Allowed' });
    }
    // Static files, then the single-page apps for every other route.
    let file = path.join(root, path.normalize(p).replace(/^([/\\])+/, ''));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(root, p.startsWith('/older') ? 'older.html' : p.startsWith('/plain') ? 'plain.html' : p.startsWith('/playground') ? 'playground/index.html' : p.startsWith('/bench') ? 'bench/padded.html' : 'index.html');
    }
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (csp && file.endsWith('.html')) headers['content-security-policy'] = STRICT_CSP;
    try {
      res.writeHead(200, headers);
      res.end(fs.readFileSync(file));
    } catch {
      send(res, 404, 'not found', 'text/plain');
    }
  });
  return server;
}

function mergeDeep(target, patch) {
  const out = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && typeof target[k] === 'object' ? mergeDeep(target[k], v) : v;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const port = Number(args[args.indexOf('--port') + 1]) || 8080;
  const csp = args.includes('--csp');
  createServer({ csp }).listen(port, '127.0.0.1', () => {
    console.log(`Replica Dashboard (MUI generation) on http://127.0.0.1:${port}/dashboard/us/acme/apis ${csp ? '(strict CSP: script-src \'self\', no wasm)' : '(no CSP)'}`);
    console.log(`  older generation (Cosmos): http://127.0.0.1:${port}/older/#/apis`);
    console.log(`  plain-HTML generation: http://127.0.0.1:${port}/plain/dashboard/us/acme/apis`);
  });
}
