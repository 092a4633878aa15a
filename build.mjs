// One build script: extension host bundle, CLI, and the browser webview bundle.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, existsSync, readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const common = { mainFields: ['module', 'main'], bundle: true, sourcemap: true, logLevel: 'info', legalComments: 'none', define: { __VERSION__: JSON.stringify(pkg.version) } };

const targets = [
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  // The engine's worker thread in the extension host (src/extension/worker): shipped beside dist/extension.js.
  { ...common, entryPoints: ['src/extension/worker/evaluation-worker.ts'], outfile: 'dist/extension-worker.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's worker threads (src/cli/parallel.ts loads it from beside dist/cli.js).
  { ...common, entryPoints: ['src/cli/worker-main.ts'], outfile: 'dist/cli-worker.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022', loader: { '.css': 'css' } },
];

function copyAssets() {
  mkdirSync('dist', { recursive: true });
  const codicons = 'node_modules/@vscode/codicons/dist';
  if (existsSync(codicons)) {
    cpSync(`${codicons}/codicon.css`, 'dist/codicon.css');
    cpSync(`${codicons}/codicon.ttf`, 'dist/codicon.ttf');
  }
}

copyAssets();
const present = targets.filter((t) => existsSync(t.entryPoints[0]));
if (watch) {
  for (const t of present) await (await esbuild.context(t)).watch();
} else {
  await Promise.all(present.map((t) => esbuild.build(t)));
}
