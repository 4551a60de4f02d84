// `lifetime-guard lint --format sarif` on every fixture, validated against the SARIF 2.1.0 JSON
// schema (as published, draft-04) — what GitHub code scanning accepts for upload.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { ROOT } from './helpers.mjs';

const require = createRequire(import.meta.url);
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const BIN = path.join(ROOT, 'target', 'debug', 'lifetime-guard');

const sarif = (args) => {
  try {
    return execFileSync(BIN, ['lint', '--format', 'sarif', ...args], { cwd: ROOT, encoding: 'utf8' });
  } catch (e) {
    if (e.status === 1 || e.status === 2) return e.stdout; // errors found, a file unreadable: still SARIF
    throw e;
  }
};

test('SARIF output validates against the SARIF 2.1.0 schema, for every fixture', { skip: fs.existsSync(BIN) ? false : `${BIN} not built (cargo build)` }, () => {
  const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false }).compile(schema);
  const dirs = fs.readdirSync(path.join(ROOT, 'tests', 'lint'));
  assert.ok(dirs.length >= 6);
  for (const dir of dirs) {
    const args = dir === 'keywords' ? ['--keywords', 'tests/lint/keywords/config.json', `tests/lint/${dir}`] : [`tests/lint/${dir}`];
    const log = JSON.parse(sarif(args));
    const ok = validate(log);
    assert.ok(ok, `${dir}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    if (dir !== 'clean') assert.ok(log.runs[0].results.length > 0, `${dir}: results`);
  }
});
