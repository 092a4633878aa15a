// Runs every suite (unit/property/CLI tests with vitest, then the real-VS Code e2e) and ends with one plain line
// `N passed, N failed` over all of them. Exit code non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';

const skipE2e = process.argv.includes('--no-e2e');
mkdirSync('out', { recursive: true });
let passed = 0;
let failed = 0;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  process.stdout.write(r.stdout ?? '');
  return r;
}

// The layer rules and lint (eslint.config.mjs) count as one suite.
const lint = run('npx', ['eslint', '.', '--max-warnings', '0']);
if (lint.status === 0) passed += 1;
else failed += 1;

const unit = run('npx', ['vitest', 'run', '--config', 'test/vitest.config.mts', '--reporter=default', '--reporter=json', '--outputFile=out/vitest.json']);
if (existsSync('out/vitest.json')) {
  const j = JSON.parse(readFileSync('out/vitest.json', 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  if (unit.status !== 0 && j.numFailedTests === 0) failed += 1; // a suite that failed to load
} else {
  failed += 1;
}

// The CI share of `npm run fuzz`: 10,000 cases with the fixed seed.
const fuzz = run('npx', ['vitest', 'run', '--config', 'test/vitest.fuzz.config.mts', '--reporter=default', '--reporter=json', '--outputFile=out/fuzz.json'], { env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000' } });
if (existsSync('out/fuzz.json')) {
  const j = JSON.parse(readFileSync('out/fuzz.json', 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  if (fuzz.status !== 0 && j.numFailedTests === 0) failed += 1;
} else {
  failed += 1;
}

if (!skipE2e) {
  const e2e = run('node', ['test/e2e/run.mjs']);
  const m = /^(\d+) passed, (\d+) failed/m.exec(e2e.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (!m || e2e.status !== 0) failed += m && Number(m[2]) > 0 ? 0 : 1;
  // Restricted Mode needs its own code-server launch with workspace trust on.
  const restricted = run('node', ['test/e2e/restricted.mjs']);
  const r = /^(\d+) passed, (\d+) failed/m.exec(restricted.stdout ?? '');
  if (r) {
    passed += Number(r[1]);
    failed += Number(r[2]);
  }
  if (!r || restricted.status !== 0) failed += r && Number(r[2]) > 0 ? 0 : 1;
  // The hostile workspace (stale Quick Fix, XSS corpus) is generated in a temp dir and needs its own launch too.
  const hostile = run('node', ['test/e2e/hostile.mjs']);
  const x = /^(\d+) passed, (\d+) failed/m.exec(hostile.stdout ?? '');
  if (x) {
    passed += Number(x[1]);
    failed += Number(x[2]);
  }
  if (!x || hostile.status !== 0) failed += x && Number(x[2]) > 0 ? 0 : 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
