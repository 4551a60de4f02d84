// Runs `web-ext lint` on the Firefox package and fails on any error or warning.
import { execFileSync } from 'node:child_process';

const [dir, webExt] = process.argv.slice(2);
let out;
try {
  out = execFileSync(webExt, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
} catch (e) {
  out = e.stdout;
}
const report = JSON.parse(out);
const problems = [...report.errors, ...report.warnings];
for (const p of problems) console.error(`${p._type}: ${p.code}: ${p.message} ${p.file ?? ''}`);
console.log(`web-ext lint ${dir}: ${report.count} messages, ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
if (problems.length) process.exit(1);
