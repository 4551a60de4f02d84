// Builds the replica into target/replica/: esbuild bundles each generation's React app (MUI, Cosmos,
// plain HTML).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', '..', 'target', 'replica');
fs.mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: { quantum: path.join(here, 'quantum.jsx'), older: path.join(here, 'older.jsx'), plain: path.join(here, 'plain.jsx') },
  bundle: true, minify: true, format: 'iife', outdir: out, logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' }, jsx: 'automatic', loader: { '.js': 'jsx' },
});
for (const f of ['index.html', 'older.html', 'older.css', 'plain.html', 'plain.css']) fs.copyFileSync(path.join(here, f), path.join(out, f));
// Benchmark fixtures: a static page padded with N unrelated nodes, and the npm parsers.
fs.mkdirSync(path.join(out, 'bench'), { recursive: true });
for (const f of ['padded.html', 'padded.js']) fs.copyFileSync(path.join(here, '..', 'bench', f), path.join(out, 'bench', f));
await esbuild.build({
  entryPoints: [path.join(here, '..', 'bench', 'npm-parsers.js')], bundle: true, minify: true, format: 'iife',
  outfile: path.join(out, 'bench', 'npm-parsers.js'), logLevel: 'warning',
});
console.log(`replica built in ${path.relative(process.cwd(), out)}`);
