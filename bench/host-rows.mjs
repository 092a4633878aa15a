// The extension host's side of a large result, in-process (issue 10: no long task and few scavenges on the host): a
// generated BENCH_HOST_ROWS-position file (default 20,000) is evaluated once by the engine, encoded as the worker sends
// it (worker/row-chunks.ts), and the host's ingestion (prepared-result.ts entriesInSlices: parse, index entries,
// default-order sort) runs BENCH_HOST_RESULTS times (3), every result kept as the store keeps its files. Prints the
// wall time, the garbage collections meanwhile (count, total, longest) and the heap kept: run it alternately on two
// checkouts (`BENCH_HOST_ROOT=<checkout>` bundles that one's src/) to compare builds without VS Code's noise.
/* global gc */
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { PerformanceObserver } from 'node:perf_hooks';
import { writeBook } from './generate-book.mjs';

const ROOT = process.env.BENCH_HOST_ROOT ?? process.cwd();
const ROWS = Number(process.env.BENCH_HOST_ROWS ?? 20_000);
const RESULTS = Number(process.env.BENCH_HOST_RESULTS ?? 3);
if (typeof gc !== 'function') throw new Error('run with node --expose-gc bench/host-rows.mjs');

/** A fresh copy of a string, or of the strings in an array or in a chunk's fields (as a message arrives). */
const copied = (c) => (typeof c === 'string' ? Buffer.from(c).toString() : Array.isArray(c) ? c.map(copied) : typeof c === 'object' && c ? Object.fromEntries(Object.entries(c).map(([k, v]) => [k, copied(v)])) : c);

const dir = mkdtempSync(join(tmpdir(), 'll-bench-host-'));
try {
  const out = join(dir, 'host.cjs');
  buildSync({
    stdin: {
      contents: [
        "export { evaluateFile } from './src/engine/evaluate/evaluate-file';",
        "export * as chunks from './src/extension/worker/row-chunks';",
        "export { entriesInSlices } from './src/extension/worker/prepared-result';",
      ].join('\n'), resolveDir: ROOT, loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'cjs', outfile: out, mainFields: ['module', 'main'], logLevel: 'error',
  });
  const { evaluateFile, chunks: codec, entriesInSlices } = createRequire(import.meta.url)(out);
  writeBook(join(dir, 'book'), { shape: 'isolated', positions: ROWS, perFile: ROWS });
  const name = readdirSync(join(dir, 'book'))[0];
  const path = join(dir, 'book', name);
  const ev = evaluateFile({ path: `book/${name}`, absPath: path, text: readFileSync(path, 'utf8') }, { now: Date.parse('2026-11-24T07:00:00Z') });
  // Checkouts before the rows crossed as two texts encoded each row's whole JSON.
  const texts = codec.rowText ? ev.rows.map(codec.rowText) : ev.rows.map((r) => JSON.stringify(r));
  const chunks = codec.encodeChunks(ev.rows, texts, ev.riskInputs);
  const sigs = ev.rows.map((_, i) => `sig${i}`);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const gcs = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcs.push(e.duration); });
  observer.observe({ entryTypes: ['gc'] });
  const kept = [];
  let ms = 0;
  for (let k = 0; k < RESULTS; k++) {
    // Each result arrives as new strings (the worker's messages): what the host keeps of them counts in its heap.
    const arrived = chunks.map(copied);
    const t0 = performance.now();
    kept.push(await entriesInSlices(`file:///f${k}`, { chunks: arrived, sigs }));
    ms += performance.now() - t0;
  }
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  gc();
  const heap = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  const total = gcs.reduce((a, b) => a + b, 0);
  console.log(`Host ingestion (${ROOT}): ${RESULTS} × ${ROWS.toLocaleString('en-US')} rows in ${ms.toFixed(0)} ms; ` +
    `GC ${gcs.length} × ${total.toFixed(0)} ms (longest ${Math.max(0, ...gcs).toFixed(0)} ms); heap kept ${heap.toFixed(0)} MiB (${kept.length} results)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
