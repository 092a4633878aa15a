// The panel's webview alone in Chromium (no VS Code), scrolled through BENCH_SCROLL_ROWS rows (default 100,000) served
// by the host's real PanelModel in this process: the webview's long tasks, its frame times, and the renderer's
// layout, style, paint, pre-paint, layerize and script time summed from Chromium's timeline over 300 wheel steps of
// 100 px and 120 jumps across the list. What bench/extension.mjs measures inside VS Code, without the workbench and
// the extension host sharing the two cores: use it to compare two builds of the webview, run after run
// (`BENCH_SCROLL_ROOT=<another checkout>` takes its dist/ and src/; `BENCH_SCROLL_THROTTLE=3` slows the renderer 3×, as
// on a loaded machine). Needs `bash test/e2e/setup.sh` (Chromium).
import { buildSync } from 'esbuild';
import { createServer } from 'node:http';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT as HERE, launchBrowser, makeTemp } from '../test/e2e/lib.mjs';

const ROOT = process.env.BENCH_SCROLL_ROOT ?? HERE;
const ROWS = Number(process.env.BENCH_SCROLL_ROWS ?? 100_000);
const THROTTLE = Number(process.env.BENCH_SCROLL_THROTTLE ?? 1);
const PER_FILE = 1000;
const STATUSES = ['liquidatable', 'critical', 'warning', 'watch', 'safe', 'unknown'];

function hostModel() {
  const tmp = makeTemp('ll-scroll-');
  const out = join(tmp, 'panel.cjs');
  buildSync({
    stdin: {
      contents: ["export { RowIndex } from './src/extension/panel/row-index';", "export { PanelModel } from './src/extension/panel/panel-model';",
        "export { row, fileReport } from './test/unit/extension/fixtures';"].join('\n'), resolveDir: ROOT, loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error',
  });
  const { RowIndex, PanelModel, row, fileReport } = createRequire(import.meta.url)(out);
  rmSync(tmp, { recursive: true, force: true });
  const index = new RowIndex();
  const files = Math.ceil(ROWS / PER_FILE);
  for (let f = 0; f < files; f++) {
    const file = `book/f${f}.positions.yaml`;
    index.setFile(`file:///f${f}`, Array.from({ length: Math.min(PER_FILE, ROWS - f * PER_FILE) }, (_, i) => {
      const h = (i * 7919 + f * 104729) % 1_000_003;
      return row({
        file, id: `p${i}`, line: i + 1, account: `acct-${i % 10}`, symbol: ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'][i % 3], status: STATUSES[h % 6],
        distance: ((h % 100000) / 100000).toFixed(5), fix: h % 3 ? { target: 'safe', addMargin: '81597.4', reduceSize: '1000', costOptimalMargin: '9870', reason: null } : null,
      });
    }), []);
  }
  const model = new PanelModel(index);
  const ctx = { epoch: 1, now: new Date('2026-11-24T07:00:00Z'), files: Array.from({ length: files }, (_, f) => fileReport({ path: `book/f${f}.positions.yaml` })), risk: {} };
  return (m) => {
    if (m.type === 'ready') return [model.modelMessage(ctx)];
    if (m.type === 'page') return [model.pageMessage(m.start, m.count, m.window)];
    if (m.type === 'view') { model.setView(m.view); return [model.modelMessage(ctx)]; }
    return [];
  };
}

const page_ = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/codicon.css"><link rel="stylesheet" href="/webview.css"></head>
<body class="vscode-dark"><div id="app" class="app"></div><script>window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__host(m).then((rs) => { for (const r of rs) window.dispatchEvent(new MessageEvent('message', { data: r })); }), getState: () => undefined, setState: () => {} });</script><script src="/webview.js"></script></body></html>`;

/** The page and dist/'s webview files. */
function serve() {
  const types = { css: 'text/css', js: 'text/javascript', ttf: 'font/ttf' };
  const server = createServer((req, res) => {
    if (req.url === '/') { res.setHeader('content-type', 'text/html'); return res.end(page_); }
    try {
      const body = readFileSync(join(ROOT, 'dist', req.url.replace(/[^\w.-]/g, '')));
      res.setHeader('content-type', types[req.url.split('.').pop()] ?? 'application/octet-stream');
      res.end(body);
    } catch { res.statusCode = 404; res.end(); }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/* global PerformanceObserver, requestAnimationFrame */
/** In the page: the wheel steps, then the jumps, recording long tasks and frame times by phase. */
async function scroll({ jumps, wheel }) {
  const wrap = document.querySelector('.table-wrap');
  const tasks = [];
  const frames = [];
  let phase = 'wheel';
  const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push({ ms: e.duration, phase }); });
  po.observe({ type: 'longtask' });
  let last = performance.now();
  const frame = () => new Promise((r) => requestAnimationFrame(() => { const t = performance.now(); frames.push({ phase, ms: t - last }); last = t; r(); }));
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  wrap.scrollTop = (wrap.scrollHeight - wrap.clientHeight) / 2;
  await pause(500);
  for (let i = 0; i < wheel; i++) { wrap.scrollTop += 100; await frame(); }
  await pause(300);
  phase = 'jump';
  console.timeStamp('ll-jumps'); // the trace's mark between the phases
  for (let i = 0; i <= jumps; i++) { wrap.scrollTop = ((wrap.scrollHeight - wrap.clientHeight) * i) / jumps; await frame(); await frame(); await pause(40); }
  await pause(300);
  po.disconnect();
  return { tasks, frames };
}

const answer = hostModel();
const server = await serve();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: Number(process.env.BENCH_SCROLL_HEIGHT ?? 1000) } });
  await page.exposeFunction('__host', (m) => JSON.parse(JSON.stringify(answer(m))));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('tr.row');
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  // A renderer slowed down N× (Chromium's CPU throttling): the webview as on a loaded machine, its long tasks magnified.
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  const r = await page.evaluate(scroll, { jumps: 120, wheel: 300 });
  const done = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  if (process.env.BENCH_SCROLL_TRACE) writeFileSync(process.env.BENCH_SCROLL_TRACE, JSON.stringify(events));
  const phase = (p) => {
    const long = r.tasks.filter((t) => t.phase === p);
    const fr = r.frames.filter((f) => f.phase === p).map((f) => f.ms).sort((a, b) => a - b);
    return `${p}: ${long.filter((t) => t.ms > 50).length} long tasks over 50 ms (longest ${Math.max(0, ...long.map((t) => t.ms)).toFixed(0)} ms), frame median ${fr[fr.length >> 1].toFixed(1)} ms`;
  };
  const split = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'll-jumps')?.ts ?? Infinity;
  const sum = (name, from = -Infinity, to = Infinity) =>
    events.filter((e) => e.name === name && e.ph === 'X' && e.ts >= from && e.ts < to).reduce((s, e) => s + e.dur, 0) / 1000;
  const parts = (from, to) => ['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'FunctionCall']
    .map((n, i) => `${['layout', 'style', 'paint', 'pre-paint', 'layerize', 'script'][i]} ${sum(n, from, to).toFixed(0)}`).join(', ');
  console.log(`Panel alone, ${ROWS.toLocaleString('en-US')} rows (${ROOT}):`);
  console.log(`  ${phase('wheel')}; ${phase('jump')}`);
  console.log(`  renderer over the scroll: layout ${sum('Layout').toFixed(0)} ms, style ${sum('UpdateLayoutTree').toFixed(0)} ms, paint ${sum('Paint').toFixed(0)} ms, pre-paint ${sum('PrePaint').toFixed(0)} ms, layerize ${sum('Layerize').toFixed(0)} ms, script ${sum('FunctionCall').toFixed(0)} ms`);
  console.log(`  of which the 300 wheel steps (ms): ${parts(-Infinity, split)}; the 120 jumps: ${parts(split, Infinity)}`);
} finally {
  await browser.close();
  server.close();
}
