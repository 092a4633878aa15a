// The panel's host-side cost of one delta (issue 10: no task on the extension host thread over 16 ms because of us),
// in-process: BENCH_PANEL_FILES files × BENCH_PANEL_PER_FILE rows in the RowIndex, then one file's rows change and
// the time of `PanelModel.deltaMessage()` (merge into the sorted view, the display list, the selected index, the
// window's rows) is measured per view, with the RowIndex's own `setFile` (taking entries built beforehand, as the
// extension builds them in slices: prepared-result.ts) and the message's schema check (panel.ts `post`) beside it. `node bench/panel-delta.mjs` (bundles src with esbuild first). The max column
// mostly shows garbage collections (the bench makes much garbage of its own); compare the min and median.
//   BENCH_PANEL_FILES=100  BENCH_PANEL_PER_FILE=1000  BENCH_PANEL_REPS=15  BENCH_PANEL_WARMUP=5
//   BENCH_PANEL_VIEWS=default,grouped   only the views whose names contain one of these
/* global setImmediate */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'll-bench-panel-'));
const out = join(dir, 'panel.cjs');
buildSync({
  stdin: {
    contents: [
      "export { RowIndex } from './src/extension/panel/row-index';",
      "export { PanelModel } from './src/extension/panel/panel-model';",
      "export { HostToWebviewSchema } from './src/protocol/messages';",
      "export { row, fileReport } from './test/unit/extension/fixtures';",
      "export { safeParse } from 'valibot';",
      "export { entriesInSlices } from './src/extension/worker/prepared-result';",
      "export { encodeChunks, rowText } from './src/extension/worker/row-chunks';",
    ].join('\n'),
    resolveDir: process.cwd(), loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', outfile: out, mainFields: ['module', 'main'], logLevel: 'error',
});
const { RowIndex, PanelModel, HostToWebviewSchema, row, fileReport, safeParse, entriesInSlices, encodeChunks, rowText } = require(out);
rmSync(dir, { recursive: true, force: true });

const FILES = Number(process.env.BENCH_PANEL_FILES ?? 100);
const PER_FILE = Number(process.env.BENCH_PANEL_PER_FILE ?? 1000);
const REPS = Number(process.env.BENCH_PANEL_REPS ?? 15);
const WARMUP = Number(process.env.BENCH_PANEL_WARMUP ?? 5);
const STATUSES = ['liquidatable', 'critical', 'warning', 'watch', 'safe', 'unknown'];
const SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'XRPUSDT', 'DOGEUSDT'];

function fileRows(f, salt) {
  const file = `book/f${f}.positions.yaml`;
  return Array.from({ length: PER_FILE }, (_, i) => {
    const h = (i * 7919 + f * 104729 + salt * 15485863) % 1_000_003;
    return row({
      file, id: `p${i}`, line: i + 1, account: `acct-${i % 10}`, symbol: SYMBOLS[i % SYMBOLS.length],
      status: STATUSES[h % 6 === 5 && h % 7 !== 0 ? 4 : h % 6], distance: ((h % 100_000) / 100_000).toFixed(5),
    });
  });
}
const sigs = (rows, salt) => rows.map((r) => `${r.id}:${salt}`);

const ctx = { epoch: 1, now: new Date('2026-11-24T07:00:00Z'), files: Array.from({ length: FILES }, (_, f) => fileReport({ path: `book/f${f}.positions.yaml` })), risk: {} };
const VIEWS = {
  'default (status asc)': {},
  'default, window at 50%': { window: { start: Math.floor(FILES * PER_FILE / 2), count: 100 } },
  'distance desc': { sort: 'distance', direction: 'desc' },
  'symbol asc': { sort: 'symbol', direction: 'asc' },
  'filter "eth"': { filter: 'eth' },
  'hidden safe': { hidden: ['safe'] },
  'grouped': { group: true },
  'grouped + filter "eth"': { group: true, filter: 'eth' },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
const now = () => performance.now();

console.log(`panel delta: ${FILES} files × ${PER_FILE} rows = ${(FILES * PER_FILE).toLocaleString('en-US')} rows, one ${PER_FILE}-row file changes; ms (min / median / max of ${REPS})`);
console.log('  view                        setFile                 longest merge slice     deltaMessage            schema check');
const only = process.env.BENCH_PANEL_VIEWS?.split(',').filter(Boolean);
for (const [name, v] of Object.entries(VIEWS)) {
  if (only && !only.some((w) => name.includes(w))) continue;
  const index = new RowIndex();
  for (let f = 0; f < FILES; f++) { const rows = fileRows(f, 0); index.setFile(`file:///f${f}`, rows, sigs(rows, 0)); }
  const model = new PanelModel(index);
  const { window, ...view } = v;
  model.setView({ sort: 'status', direction: 'asc', group: false, filter: '', hidden: [], ...view });
  if (window) model.window = window;
  model.selectedKey = `book/f${FILES - 1}.positions.yaml#p${Math.floor(PER_FILE / 3)}`;
  model.modelMessage(ctx);
  const set = [];
  const delta = [];
  const slices = [];
  const check = [];
  for (let rep = 1; rep <= REPS + WARMUP; rep++) {
    const f = (rep * 37) % FILES;
    const rows = fileRows(f, rep);
    // as the extension takes a worker result: entries, key map and aggregate built in slices first (not timed here)
    const built = await entriesInSlices(`file:///f${f}`, { chunks: encodeChunks(rows, rows.map(rowText)), sigs: sigs(rows, rep) }, { base: () => index.keysOf(`file:///f${f}`) });
    const t0 = now();
    const changes = index.setFile(`file:///f${f}`, built.rows, sigs(rows, rep), built.entries, built.sorted, built.lookup);
    const t1 = now();
    model.invalidate();
    // as the panel sends a delta: the merge in slices first (its longest slice is timed), then the message at once
    let from = now();
    let longest = 0;
    await model.settle(() => { longest = Math.max(longest, now() - from); return new Promise((r) => setImmediate(() => { from = now(); r(); })); });
    longest = Math.max(longest, now() - from);
    const t1b = now();
    const msg = model.deltaMessage(ctx, { added: changes.added.length, removed: changes.removed.length, updated: changes.updated.length, stale: [] });
    const t2 = now();
    const ok = safeParse(HostToWebviewSchema, msg).success;
    const t3 = now();
    if (!ok) throw new Error('invalid delta message');
    if (rep > WARMUP) { set.push(t1 - t0); slices.push(longest); delta.push(t2 - t1b); check.push(t3 - t2); }
  }
  const cell = (xs) => `${min(xs).toFixed(2).padStart(6)} / ${median(xs).toFixed(2).padStart(6)} / ${Math.max(...xs).toFixed(2).padStart(6)}`;
  console.log(`  ${name.padEnd(26)}  ${cell(set)}  ${cell(slices)}  ${cell(delta)}  ${cell(check)}`);
  model.dispose();
}
