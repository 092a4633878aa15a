// The extension's side of `npm run bench` (issue 10 §6), in a real VS Code (code-server + Debian chromium, the e2e
// harness of test/e2e/lib.mjs): the time from activate() until the panel's count equals `check`'s on a generated
// 30,000-position workspace, and the longest extension-host task (event-loop stall, from src/extension/host-stats.ts)
// while a 20,000-position file re-evaluates, against the stall while idle. Skipped when code-server is not installed.
//   BENCH_EXT_POSITIONS=30000   the workspace's positions
//   BENCH_EXT_PER_FILE=1000     positions a file
//   BENCH_EXT_HUGE=20000        the one file added afterwards
//   BENCH_EXT_SCROLL=100000     rows in the panel for the scroll phase (more files are added to reach it; 0: skip)
//   BENCH_EXT_STATS=<file>      keep the host's stats lines (src/extension/host-stats.ts) there
//   BENCH_EXT_SHOT=<file.png>   a screenshot of the panel the moment it has counted every row (most still pending)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBook } from './generate-book.mjs';
import {
  CHROMIUM, CODE_SERVER, DARK_THEME, ROOT, cleanup, copyExtension, freePort, launchBrowser, launchServer, makeTemp,
  openWorkbench, panelFrame, runCommand, userSettings, writeUserSettings,
} from '../test/e2e/lib.mjs';

const POSITIONS = Number(process.env.BENCH_EXT_POSITIONS ?? 30_000);
const PER_FILE = Number(process.env.BENCH_EXT_PER_FILE ?? 1000);
const HUGE = Number(process.env.BENCH_EXT_HUGE ?? 20_000);
const SCROLL = Number(process.env.BENCH_EXT_SCROLL ?? 100_000);
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

function cliCount(dir) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return JSON.parse(r.stdout).positions.length;
}

function stats(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** The collections' time inside task `task` (both timed on the extension host's performance clock). */
function gcInside(lines, task) {
  if (task.start === undefined) return 0;
  const end = task.start + task.ms;
  return lines.filter((s) => s.event === 'gc' && s.start !== undefined && s.start >= task.start && s.start < end)
    .reduce((sum, s) => sum + Math.min(s.ms, end - s.start), 0);
}

const longestStall = (lines, from, to) => Math.max(0, ...lines.filter((s) => s.event === 'loop' && s.t >= from && s.t <= to).map((s) => s.maxMs));

async function rowCount(view) {
  return Number(await view.locator('table.grid').getAttribute('aria-rowcount').catch(() => '1')) - 1;
}

async function waitForCount(page, view, want, timeoutMs) {
  let n = -1;
  for (const end = Date.now() + timeoutMs; Date.now() < end && n !== want;) {
    await page.waitForTimeout(100);
    n = await rowCount(view);
  }
  return n === want ? Date.now() : null;
}

/** Grows the panel to SCROLL rows, then scrolls the table through all of them while the webview records its long tasks. */
async function scrollPhase(page, view, workspace, shown) {
  const more = SCROLL - shown;
  const t0 = Date.now();
  writeBook(join(workspace, 'more'), { shape: 'isolated', positions: more, perFile: 1000 });
  const want = shown + more;
  const counted = await waitForCount(page, view, want, 600_000);
  if (!counted) return console.log(`  scrolling: the panel never counted ${want} rows (${await rowCount(view)})`);
  // The fix searches of the new files run on: scroll once they are done (the webview's own cost, not the host's).
  for (const end = Date.now() + 180_000; Date.now() < end && /evaluating/.test(await view.locator('.subtitle').textContent());) await page.waitForTimeout(500);
  const frame = await webviewFrame(page);
  const tasks = await frame.evaluate(scrollThrough, { jumps: 120, wheel: 300 });
  const phase = (name) => {
    const ours = tasks.filter((t) => t.phase === name && t.name === 'self');
    return `longest ${Math.max(0, ...ours.map((t) => t.ms)).toFixed(0)} ms, ${ours.filter((t) => t.ms > 50).length} over 50 ms`;
  };
  console.log(`  ${want.toLocaleString('en-US')} rows (counted ${fmt(counted - t0)} after ${more.toLocaleString('en-US')} were added), the webview's own long tasks while scrolling: ` +
    `300 wheel steps of 100 px ${phase('wheel')}; 120 jumps across the list (a new window and its page each) ${phase('jump')}`);
}

async function webviewFrame(page) {
  for (const f of page.frames()) if (await f.evaluate(() => !!document.querySelector('table.grid')).catch(() => false)) return f;
  throw new Error('no webview frame with the table');
}

/** Runs in the webview: wheel-sized steps from the middle, then jumps through the list (two frames each); the long tasks seen. */
/* global PerformanceObserver, requestAnimationFrame */
async function scrollThrough({ jumps, wheel }) {
  const wrap = document.querySelector('.table-wrap');
  const tasks = [];
  let phase = 'wheel';
  const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push({ ms: e.duration, name: e.name, phase }); });
  po.observe({ type: 'longtask' });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  wrap.scrollTop = (wrap.scrollHeight - wrap.clientHeight) / 2;
  await pause(1_000);
  for (let i = 0; i < wheel; i++) {
    wrap.scrollTop += 100;
    await frame();
  }
  await pause(500);
  phase = 'jump';
  for (let i = 0; i <= jumps; i++) {
    wrap.scrollTop = ((wrap.scrollHeight - wrap.clientHeight) * i) / jumps;
    await frame();
    await frame();
    await pause(40); // the page asked for arrives
  }
  await pause(500);
  po.disconnect();
  return tasks;
}

async function main() {
  if (!existsSync(CODE_SERVER) || !existsSync(CHROMIUM)) {
    console.log('Extension: skipped (code-server or chromium missing: run `bash test/e2e/setup.sh`).');
    return;
  }
  if (!existsSync(join(ROOT, 'dist/extension.js'))) throw new Error('not built: run `node build.mjs` first');
  const tmp = makeTemp('ll-bench-ext-');
  const workspace = join(tmp, 'workspace');
  const extensionsDir = join(tmp, 'extensions');
  const userDataDir = join(tmp, 'user-data');
  const configPath = join(tmp, 'config.yaml');
  const statsPath = join(tmp, 'host-stats.jsonl');
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(configPath, 'auth: none\n');
  writeBook(join(workspace, 'book'), { shape: 'isolated', positions: POSITIONS, perFile: PER_FILE });
  const expected = cliCount(workspace);
  writeUserSettings(userDataDir, userSettings(DARK_THEME));
  copyExtension(extensionsDir);
  process.env.LIQUIDATION_LENS_STATS = statsPath;
  const server = await launchServer({ tmp, workspace, extensionsDir, userDataDir, configPath, port: await freePort() });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const view = panelFrame(page);
    await openWorkbench(page, server);
    const tOpen = Date.now();
    await runCommand(page, 'Liquidation Lens: Open Panel');
    const tCounted = await waitForCount(page, view, expected, 300_000);
    if (process.env.BENCH_EXT_SHOT) await page.screenshot({ path: process.env.BENCH_EXT_SHOT });
    const activation = stats(statsPath).find((s) => s.event === 'activate');
    const activated = activation?.t;
    const label = `${POSITIONS.toLocaleString('en-US')} positions`;
    if (!tCounted || !activated) console.log(`  ${label}: the panel never counted ${expected} rows (${await rowCount(view)})`);
    else console.log(`  ${label}: activate() → panel count = check's (${expected}) in ${fmt(tCounted - activated)} (${fmt(tCounted - tOpen)} after the panel command; the extension host had run ${fmt(activation.hostUptimeMs ?? 0)} before activate())`);
    // Rows are listed (read, pending) first, then previewed (prices, statuses, probabilities), then completed (fixes).
    const lines = stats(statsPath);
    const firstRows = lines.find((s) => s.event === 'list shown' || s.event === 'preview shown')?.t;
    if (firstRows && activated) console.log(`  first rows (a file as read) shown ${fmt(firstRows - activated)} after activate()`);
    const files = Math.ceil(POSITIONS / PER_FILE);
    const priced = () => stats(statsPath).filter((s) => s.event === 'preview shown');
    for (const end = Date.now() + 120_000; Date.now() < end && priced().length < files;) await page.waitForTimeout(250);
    const previews = priced();
    const allPriced = previews.length >= files ? previews[files - 1].t : null;
    if (allPriced && activated) console.log(`  every row with its price, status and probability (the files' previews) ${fmt(allPriced - activated)} after activate()`);

    await page.waitForTimeout(2_000);
    const idleFrom = Date.now();
    await page.waitForTimeout(3_000);
    const idle = longestStall(stats(statsPath), idleFrom, Date.now());
    writeBook(join(workspace, 'huge'), { shape: 'isolated', positions: HUGE, perFile: HUGE });
    const t0 = Date.now();
    const tDone = await waitForCount(page, view, expected + HUGE, 300_000);
    await page.waitForTimeout(1_200);
    const busy = longestStall(stats(statsPath), t0, (tDone ?? Date.now()) + 600);
    const hugeLabel = `${HUGE.toLocaleString('en-US')}-position file`;
    console.log(`  a ${hugeLabel} added: counted after ${tDone ? fmt(tDone - t0) : 'never'}; longest host task meanwhile ${busy.toFixed(0)} ms (idle host: ${idle.toFixed(0)} ms)`);
    const after = stats(statsPath).filter((s) => s.t >= t0);
    const tasks = after.filter((s) => s.event === 'task').map((s) => ({ ...s, gc: gcInside(after, s) }));
    const ours = [...tasks].sort((a, b) => b.ms - a.ms).slice(0, 3);
    if (ours.length) console.log(`  our longest tasks then: ${ours.map((s) => `${s.label} ${s.ms.toFixed(0)} ms${s.gc >= 1 ? ` (${s.gc.toFixed(0)} ms of it collections)` : ''}`).join('; ')}`);
    const own = [...tasks].sort((a, b) => (b.ms - b.gc) - (a.ms - a.gc)).slice(0, 3);
    if (own.length) console.log(`  their own time (less the collections inside them): ${own.map((s) => `${s.label} ${(s.ms - s.gc).toFixed(0)} ms`).join('; ')}; over 16 ms: ${tasks.filter((s) => s.ms - s.gc > 16).length} of ${tasks.length} tasks over 8 ms`);
    const gcs = after.filter((s) => s.event === 'gc' && s.ms > 8);
    if (gcs.length) console.log(`  host garbage collections over 8 ms then: ${gcs.length}, longest ${Math.max(...gcs.map((s) => s.ms)).toFixed(0)} ms (${gcs.filter((s) => s.kind === 'major').length} major)`);
    const shown = expected + HUGE;
    if (SCROLL > shown) await scrollPhase(page, view, workspace, shown);
  } finally {
    if (process.env.BENCH_EXT_STATS) writeFileSync(process.env.BENCH_EXT_STATS, existsSync(statsPath) ? readFileSync(statsPath) : '');
    await browser.close().catch(() => undefined);
    await server.stop();
    cleanup(tmp);
  }
}

await main();
