// `cargo xtask bench`, lint part: a generated export of 10,000 applications and 2,000 APIs (as one
// Deploy CLI YAML file, and as a Deploy CLI directory of 12,001 JSON files), linted by the release
// binary, side by side with js-yaml parsing the same files in Node — the least the Deploy CLI
// does before it deploys; and the applications as one minified `GET /clients` answer, ASCII and
// not, with the binary's peak memory. Prints one JSON object.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import yaml from 'js-yaml';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const OUT = path.join(ROOT, 'target', 'bench', 'lint-export');
const BIN = path.join(ROOT, 'target', 'release', 'lifetime-guard');
const RUNS = Number(process.env.LG_BENCH_RUNS ?? 7);

// A deterministic export: every lifetime field, some of them out of bounds.
let seed = 20261126;
const pick = (xs) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return xs[seed % xs.length]; };
const apis = Array.from({ length: 2000 }, (_, i) => ({ name: `API ${i}`, identifier: `https://api${i}.example/`, token_lifetime: pick([86400, 3600, 2678400, 7200]), token_lifetime_for_web: pick([7200, 600, 90000]), scopes: [{ value: 'read:items', description: 'Read' }] }));
const clients = Array.from({ length: 10000 }, (_, i) => ({
  name: `App ${i}`, app_type: 'spa', callbacks: [`https://app${i}.example/callback`], grant_types: ['authorization_code', 'refresh_token'],
  jwt_configuration: { lifetime_in_seconds: pick([36000, 3600, 99999999]), alg: 'RS256' },
  refresh_token: { rotation_type: 'rotating', expiration_type: 'expiring', token_lifetime: pick([2592000, 157788001, 31557601]), idle_token_lifetime: pick([1296000, 2592000]), leeway: 0 },
}));
const tenant = { friendly_name: 'Bench', session_lifetime: 168, idle_session_lifetime: 72 };

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'dir', 'clients'), { recursive: true });
fs.mkdirSync(path.join(OUT, 'dir', 'resource-servers'), { recursive: true });
const yamlFile = path.join(OUT, 'tenant.yaml');
fs.writeFileSync(yamlFile, yaml.dump({ tenant, resourceServers: apis, clients }));
fs.writeFileSync(path.join(OUT, 'dir', 'tenant.json'), JSON.stringify(tenant, null, 2));
apis.forEach((a, i) => fs.writeFileSync(path.join(OUT, 'dir', 'resource-servers', `api-${i}.json`), JSON.stringify(a, null, 2)));
clients.forEach((c, i) => fs.writeFileSync(path.join(OUT, 'dir', 'clients', `app-${i}.json`), JSON.stringify(c, null, 2)));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (f) => { const t = process.hrtime.bigint(); const r = f(); return [Number(process.hrtime.bigint() - t) / 1e6, r]; };

/** The release binary on `target`, wall time from spawn to exit (median of RUNS), its output
 * written to /dev/null (js-yaml's parse prints nothing either): with its default output (the
 * diagnostics a CI log shows), and with `--format json` (every value). */
function lint(target) {
  const run = (args) => {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const [t, r] = ms(() => spawnSync(BIN, ['lint', ...args, target], { stdio: ['ignore', 'ignore', 'pipe'] }));
      if (r.status !== 0 && r.status !== 1) throw new Error(`lint failed: ${r.stderr}`);
      times.push(t);
    }
    return Math.round(median(times) * 10) / 10;
  };
  const out = spawnSync(BIN, ['lint', '--format', 'json', target], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
  return { ms: run([]), json_ms: run(['--format', 'json']), values: JSON.parse(out).values.length };
}

function jsYaml(files) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const [t] = ms(() => { for (const f of files) yaml.load(fs.readFileSync(f, 'utf8')); });
    times.push(t);
  }
  return Math.round(median(times) * 10) / 10;
}

/** The same parse as a process of its own (Node started, js-yaml loaded, the files parsed): the
 * wall time a deploy pays before it sends anything. */
function jsYamlProcess(files) {
  const list = path.join(OUT, 'files.json');
  fs.writeFileSync(list, JSON.stringify(files));
  const script = `const y=require(${JSON.stringify(path.join(ROOT, 'node_modules', 'js-yaml'))});const fs=require('fs');for(const f of JSON.parse(fs.readFileSync(${JSON.stringify(list)},'utf8')))y.load(fs.readFileSync(f,'utf8'));`;
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const [t, r] = ms(() => spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    if (r.status !== 0) throw new Error(r.stderr);
    times.push(t);
  }
  return Math.round(median(times) * 10) / 10;
}

/** The binary's peak resident memory on `target`, in MB (`/usr/bin/time`; null without it). */
function peakRss(target, args = []) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', BIN, 'lint', ...args, target], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const kb = Number((r.stderr ?? '').trim().split('\n').pop());
  return r.error || !Number.isFinite(kb) ? null : Math.round(kb / 1024);
}

/** JSON.parse of `file` in Node, ms (median of RUNS). */
function jsonParse(file) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(ms(() => JSON.parse(fs.readFileSync(file, 'utf8')))[0]);
  return Math.round(median(times) * 10) / 10;
}

const apiFile = path.join(OUT, 'clients.json');
fs.writeFileSync(apiFile, JSON.stringify(clients.map((c, i) => ({ client_id: `id${String(i).padStart(28, '0')}`, ...c }))));

// The same answer where names and descriptions hold accented and Japanese letters, as a tenant's
// do: the reader's memory must not grow with the characters (it did, 3.8×, while it counted them).
const nonAsciiFile = path.join(OUT, 'clients-non-ascii.json');
fs.writeFileSync(nonAsciiFile, JSON.stringify(clients.map((c, i) => ({ client_id: `id${String(i).padStart(28, '0')}`, ...c, name: `Réservation 予約アプリ ${i}`, description: 'Application de réservation pour les équipes — チームの予約アプリケーション' }))));

const dirFiles = [path.join(OUT, 'dir', 'tenant.json'), ...['resource-servers', 'clients'].flatMap((d) => fs.readdirSync(path.join(OUT, 'dir', d)).map((f) => path.join(OUT, 'dir', d, f)))];
const result = {
  entities: { apis: apis.length, clients: clients.length },
  yaml: { bytes: fs.statSync(yamlFile).size, lint: lint(yamlFile), js_yaml_ms: jsYaml([yamlFile]), node_js_yaml_process_ms: jsYamlProcess([yamlFile]) },
  directory: { files: dirFiles.length, lint: lint(path.join(OUT, 'dir')), js_yaml_ms: jsYaml(dirFiles), node_js_yaml_process_ms: jsYamlProcess(dirFiles) },
  api_json: { bytes: fs.statSync(apiFile).size, lint: lint(apiFile), json_parse_ms: jsonParse(apiFile), peak_rss_mb: peakRss(apiFile), peak_rss_json_mb: peakRss(apiFile, ['--format', 'json']) },
  api_json_non_ascii: { bytes: fs.statSync(nonAsciiFile).size, peak_rss_mb: peakRss(nonAsciiFile), peak_rss_json_mb: peakRss(nonAsciiFile, ['--format', 'json']) },
  runs: RUNS,
};
console.log(JSON.stringify(result));
