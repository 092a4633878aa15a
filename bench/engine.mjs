// The engine in-process (no CLI, no process start): parse, the first stage (what a check costs before any fix
// search), check, the parts of the check docs/results.md §6 reports apart (fix searches, VaR/ES, time to liquidation,
// from the engine's stage timings) and the stress section alone, as µs per position. `npm run bench` runs it after
// the CLI table; `node bench/engine.mjs` alone.
// BENCH_FILES × BENCH_POSITIONS positions (default 40 × 25).
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { generate } from './generate.mjs';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'll-bench-'));
const out = join(dir, 'engine.cjs');
buildSync({ entryPoints: ['bench/entry.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, mainFields: ['module', 'main'], logLevel: 'error' });
const engine = require(out);
rmSync(dir, { recursive: true, force: true });

const FILES = Number(process.env.BENCH_FILES ?? 40);
const PER_FILE = Number(process.env.BENCH_POSITIONS ?? 25);
const sources = generate(FILES, PER_FILE);
const positions = FILES * PER_FILE;
const now = Date.parse('2026-11-24T07:00:00Z');

function time(label, fn, reps = 5) {
  fn(); // warm-up
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { label, ms: samples[Math.floor(samples.length / 2)] };
}

const baseline = time('JSON.parse of the same files', () => { for (const s of sources) JSON.parse(s.text); }, 21);
const parse = time('parse + model (located, exact)', () => { for (const s of sources) engine.parseFile(s.path, s.text); });
const firstStage = time('first stage: parse + margin + probability', () => { for (const s of sources) engine.evaluateFile(s, { now, preview: true }); });
const check = time('check: parse + margin + probability + fix', () => engine.evaluate(sources, { now }));
const stress = time('stress test (25 shocks + first failing shock)', () => engine.evaluate(sources, { now, stress: true }), 3);
const heap = process.memoryUsage().heapUsed / 2 ** 20;

console.log(`Liquidation Lens benchmark · ${FILES} files × ${PER_FILE} positions = ${positions} positions · node ${process.version}`);
console.log('');
for (const r of [baseline, parse, firstStage, check]) {
  console.log(`${r.label.padEnd(48)} ${r.ms.toFixed(1).padStart(9)} ms  ${(r.ms / baseline.ms).toFixed(1).padStart(8)} × baseline  ${((r.ms * 1000) / positions).toFixed(1).padStart(8)} µs/position`);
}
const runs = Array.from({ length: 5 }, () => {
  const t = {};
  engine.evaluate(sources, { now, timings: t });
  return t;
});
/** A stage's median over the runs. */
const stage = (k) => runs.map((t) => t[k] ?? 0).sort((a, b) => a - b)[2];
const timings = { fixes: stage('fixes'), riskDetails: stage('riskDetails'), timeToLiquidation: stage('timeToLiquidation'), accountVar: stage('accountVar') };
const us = (ms) => `${((ms ?? 0) * 1000 / positions).toFixed(1)} µs`;
console.log(`${'  of the check (timed by stage, median of 5):'.padEnd(48)} fix searches ${us(timings.fixes)}, VaR/ES and liquidation cost ${us(timings.riskDetails - timings.timeToLiquidation)},`);
console.log(`${''.padEnd(48)} time to liquidation ${us(timings.timeToLiquidation)}, account VaR ${us(timings.accountVar)} a position`);
const stressOnly = Math.max(0, stress.ms - check.ms);
console.log(`${'stress section alone'.padEnd(48)} ${stressOnly.toFixed(1).padStart(9)} ms  ${(stressOnly / baseline.ms).toFixed(1).padStart(8)} × baseline  ${((stressOnly * 1000) / positions).toFixed(1).padStart(8)} µs/position`);
console.log(`heap used after the runs: ${heap.toFixed(0)} MiB`);
