// The real bundled worker (dist/extension-worker.js, built by the global setup) run by the pool in Node: results
// equal an in-process evaluation; cancel, crash and hang each end the request and leave a working worker.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { Cancelled, WorkerFailure, WorkerPool, workerCount } from '../../../src/extension/worker/worker-pool';
import type { FileInput } from '../../../src/extension/worker/worker-protocol';
import { stagedEvaluation } from '../../../src/extension/worker/staged-evaluation';
import { decodeAll, type ChunkText } from '../../../src/extension/worker/row-chunks';
import { threadId, WORKER_NICE } from '../../../src/extension/worker/background-priority';

/** A pool result with its rows parsed from the JSON chunks they crossed in. */
const rowsOf = <T extends { chunks: ChunkText[] }>(r: T) => ({ ...r, ...decodeAll(r.chunks) });

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(ROOT, 'dist/extension-worker.js');

function file(name: string): FileInput {
  const absPath = join(ROOT, 'examples', name);
  return { key: `file://${absPath}`, path: name, absPath, text: readFileSync(absPath, 'utf8') };
}

let pool: WorkerPool | undefined;
afterEach(() => pool?.dispose());

describe('evaluation worker', () => {
  it('starts its workers ahead of the first request when warmed, and uses that worker for it', async () => {
    pool = new WorkerPool({ script: SCRIPT, size: 2 });
    pool.warm();
    expect(pool.started).toBe(2);
    pool.warm();
    expect(pool.started).toBe(2);
    const f = file('desk-isolated.positions.json');
    const r = rowsOf(await pool.evaluate({ type: 'evaluate', file: f, options: { settings: {} } }).result);
    expect(r.rows.length).toBeGreaterThan(0);
    expect(pool.started).toBe(2);
  });

  it.runIf(process.platform === 'linux')('runs its workers at a background priority (nice), leaving this thread as it was', async () => {
    const niceOf = (tid: string): number => {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]); // field 19: nice
      } catch {
        return Number.NaN; // the thread ended meanwhile
      }
    };
    // (threads of an earlier test's pool may still be ending: count only threads started since)
    const before = new Set(readdirSync('/proc/self/task'));
    const niceThreads = () => readdirSync('/proc/self/task').filter((t) => !before.has(t) && niceOf(t) === WORKER_NICE).length;
    pool = new WorkerPool({ script: SCRIPT, size: 2 });
    pool.warm();
    // two requests at once: one a worker
    const f = file('desk-isolated.positions.json');
    await Promise.all([f, { ...f, key: `${f.key}#2` }].map((input) => pool!.evaluate({ type: 'evaluate', file: input, options: { settings: {} } }).result));
    expect(niceThreads()).toBe(2);
    expect(niceOf(String(threadId()))).toBe(0);
  });

  it('evaluates a file exactly as the engine does in-process, and reuses the parse for the same text', async () => {
    pool = new WorkerPool({ script: SCRIPT });
    const f = file('binance-faq-cross.positions.yaml');
    const r = rowsOf(await pool.evaluate({ type: 'evaluate', file: f, options: { settings: {} } }).result);
    const local = evaluateFile({ path: f.path, absPath: f.absPath, text: f.text });
    expect(r.rows).toEqual(local.rows);
    expect(r.file).toEqual(local.file);
    expect(r.sigs).toHaveLength(r.rows.length);
    expect(r.pinned).toBe(true);
    expect(r.reusedParse).toBe(false);
    const again = rowsOf(await pool.evaluate({ type: 'evaluate', file: f, options: { settings: {} } }).result);
    expect(again.reusedParse).toBe(true);
    expect(again.rows).toEqual(local.rows);
    expect(again.sigs).toEqual(r.sigs);
  });

  it('previews a file (its rows before fixes and risk details), then completes that first stage', async () => {
    pool = new WorkerPool({ script: SCRIPT });
    const f = file('desk-isolated.positions.json');
    const options = { settings: {} };
    const preview = rowsOf(await pool.preview({ type: 'preview', file: f, options }).result);
    const r = rowsOf(await pool.evaluate({ type: 'evaluate', file: f, options }).result);
    const local = evaluateFile({ path: f.path, absPath: f.absPath, text: f.text }, { now: r.now, readFile: (p) => readFileSync(p, 'utf8') });
    expect(r.rows).toEqual(local.rows);
    expect(r.file).toEqual(local.file);
    expect(preview.rows.map((x) => x.id)).toEqual(local.rows.map((x) => x.id));
    expect(preview.sigs).toHaveLength(local.rows.length);
    expect(local.rows.filter((x) => x.fix !== null).length).toBeGreaterThan(0);
    preview.rows.forEach((row, i) => {
      const full = local.rows[i]!;
      expect([row.liquidationPrice, row.status, row.liquidationProbability, row.distance]).toEqual([full.liquidationPrice, full.status, full.liquidationProbability, full.distance]);
      expect(row.fix).toBeNull();
    });
    // a changed text is evaluated afresh, not completed from the stale first stage
    rowsOf(await pool.preview({ type: 'preview', file: f, options }).result);
    const edited = { ...f, text: f.text.replace('"desk-b"', '"desk-c"') };
    expect(edited.text).not.toBe(f.text);
    const again = rowsOf(await pool.evaluate({ type: 'evaluate', file: edited, options }).result);
    expect(again.rows.every((x) => x.account !== 'desk-b')).toBe(true);
  });

  it('lists a file (its rows as read, no figure computed), then previews it from the kept parse', async () => {
    pool = new WorkerPool({ script: SCRIPT });
    const f = file('desk-isolated.positions.json');
    const options = { settings: {} };
    const listed = rowsOf(await pool.list({ type: 'list', file: f, options }).result);
    const local = evaluateFile({ path: f.path, absPath: f.absPath, text: f.text }, { readFile: (p) => readFileSync(p, 'utf8') });
    expect(listed.rows.map((x) => [x.id, x.line, x.symbol, x.size])).toEqual(local.rows.map((x) => [x.id, x.line, x.symbol, x.size]));
    expect(listed.rows.every((x) => x.liquidationPrice === null && x.liquidationProbability === null && x.fix === null)).toBe(true);
    expect(listed.sigs).toEqual(local.rows.map(() => '')); // no hash: the preview's rows replace them whole
    const r = rowsOf(await pool.evaluate({ type: 'evaluate', file: f, options }).result);
    expect(r.reusedParse).toBe(true);
    expect(r.rows).toEqual(evaluateFile({ path: f.path, absPath: f.absPath, text: f.text }, { now: r.now, readFile: (p) => readFileSync(p, 'utf8') }).rows);
  });

  it('runs a staged evaluation as one job: the listing, the preview, cancellable, then the full rows', async () => {
    pool = new WorkerPool({ script: SCRIPT });
    const f = file('desk-isolated.positions.json');
    const seen: Array<[string, number, number]> = [];
    const job = stagedEvaluation(pool, f, { settings: {} }, (stage, p) => {
      const rows = rowsOf(p).rows;
      seen.push([stage, rows.length, rows.filter((x) => x.liquidationPrice !== null).length]);
    });
    const r = rowsOf(await job.result);
    const priced = r.rows.filter((x) => x.liquidationPrice !== null).length;
    expect(priced).toBeGreaterThan(0);
    expect(seen).toEqual([['list', r.rows.length, 0], ['preview', r.rows.length, priced]]);
    expect(r.rows.some((x) => x.fix !== null)).toBe(true);
    // without the listing (a small file): the preview, then the full rows
    const unlisted: string[] = [];
    await stagedEvaluation(pool, f, { settings: {} }, (stage) => unlisted.push(stage), false).result;
    expect(unlisted).toEqual(['preview']);
    const cancelled = stagedEvaluation(pool, f, { settings: {} }, () => seen.push(['cancelled', -1, -1]));
    cancelled.cancel();
    await expect(cancelled.result).rejects.toBeInstanceOf(Cancelled);
    expect(seen).toHaveLength(2);
  });

  it('answers a what-if from the cached parse: the neutral scenario is the row itself, a shock changes it', async () => {
    pool = new WorkerPool({ script: SCRIPT });
    const f = file('binance-faq-cross.positions.yaml');
    const r = rowsOf(await pool.evaluate({ type: 'evaluate', file: f, options: { settings: {} } }).result);
    const target = r.rows.find((x) => x.status !== 'unknown')!;
    const neutral = await pool.whatIf({ type: 'whatIf', file: f, options: { settings: {} }, rowId: target.id, scenario: { shock: 0, volMultiplier: 1, addMargin: '0' } }).result;
    expect(neutral).toEqual({ ok: true, row: target, note: null });
    const shocked = await pool.whatIf({ type: 'whatIf', file: f, options: { settings: {} }, rowId: target.id, scenario: { shock: 0.1, volMultiplier: 2, addMargin: '100' } }).result;
    expect(shocked.ok && shocked.row.markPrice).not.toBe(target.markPrice);
  });

  it('reports the history files a position file reads', async () => {
    pool = new WorkerPool({ script: SCRIPT });
    const f = file('desk-isolated.positions.json');
    const r = rowsOf(await pool.evaluate({ type: 'evaluate', file: f, options: { settings: {} } }).result);
    expect(r.historyPaths).toEqual([join(ROOT, 'examples/data/BTCUSDT-1h.csv')]);
  });

  it('cancels a running request by replacing its worker; the next request runs', async () => {
    pool = new WorkerPool({ script: SCRIPT, testHooks: true });
    const hang = pool.debug('hang');
    const queued = pool.evaluate({ type: 'evaluate', file: file('aave-v3.positions.yaml'), options: { settings: {} } });
    await new Promise((r) => setTimeout(r, 300));
    hang.cancel();
    await expect(hang.result).rejects.toBeInstanceOf(Cancelled);
    const r = rowsOf(await queued.result);
    expect(r.rows.length).toBeGreaterThan(0);
    expect(pool.started).toBe(2);
  });

  it('hands a worker its next listing while it runs a request; a cancelled request puts that listing back in the queue', async () => {
    pool = new WorkerPool({ script: SCRIPT, testHooks: true });
    const [a, b, c] = [file('aave-v3.positions.yaml'), file('maker.positions.yaml'), file('desk-isolated.positions.json')];
    const hang = pool.debug('hang');
    const first = pool.list({ type: 'list', file: a, options: { settings: {} } });
    const second = pool.list({ type: 'list', file: b, options: { settings: {} } });
    expect(pool.load).toBe(3); // the hang running, one listing handed over ahead, one waiting
    hang.cancel(); // the worker is replaced: the listing handed to it ahead runs on the next one
    await expect(hang.result).rejects.toBeInstanceOf(Cancelled);
    const [ra, rb] = [rowsOf(await first.result), rowsOf(await second.result)];
    expect(ra.rows.map((r) => r.id)).toEqual(evaluateFile({ path: a.path, absPath: a.absPath, text: a.text }).rows.map((r) => r.id));
    expect(rb.rows.map((r) => r.id)).toEqual(evaluateFile({ path: b.path, absPath: b.absPath, text: b.text }).rows.map((r) => r.id));
    // a listing cancelled while handed over ahead: rejected at once, its answer dropped, the next request unharmed
    const running = pool.evaluate({ type: 'evaluate', file: c, options: { settings: {} } });
    const dropped = pool.list({ type: 'list', file: a, options: { settings: {} } });
    const after = pool.list({ type: 'list', file: b, options: { settings: {} } });
    dropped.cancel();
    await expect(dropped.result).rejects.toBeInstanceOf(Cancelled);
    expect(rowsOf(await running.result).rows.length).toBeGreaterThan(0);
    expect(rowsOf(await after.result).rows.map((r) => r.id)).toEqual(rb.rows.map((r) => r.id));
    expect(pool.started).toBe(2);
  });

  it('queues by rank: what a user waits for, then listings, previews, evaluations (first come first served within one)', async () => {
    pool = new WorkerPool({ script: SCRIPT, testHooks: true });
    const f = file('aave-v3.positions.yaml');
    const options = { settings: {} };
    const hang = pool.debug('hang');
    const order: string[] = [];
    const track = <T>(name: string, r: { result: Promise<T> }) => r.result.then(() => order.push(name), () => undefined);
    const done = [
      track('evaluate', pool.evaluate({ type: 'evaluate', file: f, options })),
      track('preview 1', pool.preview({ type: 'preview', file: { ...f, key: 'p1' }, options })),
      track('list 1', pool.list({ type: 'list', file: { ...f, key: 'l1' }, options })),
      track('plan', pool.plan({ type: 'plan', file: f, options, rowKey: 'none', kind: 'addMargin', asset: null })),
      track('preview 2', pool.preview({ type: 'preview', file: { ...f, key: 'p2' }, options })),
      track('list 2', pool.list({ type: 'list', file: { ...f, key: 'l2' }, options })),
    ];
    hang.cancel();
    await Promise.all(done);
    // 'list 1' was handed to the worker ahead, behind the hang: when the hang's worker is replaced it waits again, first
    expect(order).toEqual(['list 1', 'plan', 'list 2', 'preview 1', 'preview 2', 'evaluate']);
  });

  it('cancels a waiting request without touching the running one', async () => {
    pool = new WorkerPool({ script: SCRIPT });
    const a = pool.evaluate({ type: 'evaluate', file: file('aave-v3.positions.yaml'), options: { settings: {} } });
    const b = pool.evaluate({ type: 'evaluate', file: file('maker.positions.yaml'), options: { settings: {} } });
    b.cancel();
    await expect(b.result).rejects.toBeInstanceOf(Cancelled);
    expect(rowsOf(await a.result).rows.length).toBeGreaterThan(0);
    expect(pool.started).toBe(1);
  });

  it('a crash fails the request with a WorkerFailure and a new worker serves the next one', async () => {
    pool = new WorkerPool({ script: SCRIPT, testHooks: true });
    const crash = pool.debug('crash');
    await expect(crash.result).rejects.toMatchObject({ reason: 'crash' });
    const exit = pool.debug('exit');
    await expect(exit.result).rejects.toMatchObject({ reason: 'crash', message: expect.stringContaining('exited (code 3)') });
    const r = rowsOf(await pool.evaluate({ type: 'evaluate', file: file('maker.positions.yaml'), options: { settings: {} } }).result);
    expect(r.rows.length).toBeGreaterThan(0);
    expect(pool.started).toBe(3);
  });

  it('a hang past the wall-clock guard fails with a timeout and the worker is replaced', async () => {
    const logs: string[] = [];
    pool = new WorkerPool({ script: SCRIPT, testHooks: true, guardMs: (req) => (req.type === 'debug' ? 400 : 30_000), onLog: (m) => logs.push(m) });
    const t0 = Date.now();
    const hang = pool.debug('hang');
    const err = await hang.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerFailure);
    expect((err as WorkerFailure).reason).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(logs.join('\n')).toMatch(/restarting the worker/);
    const r = rowsOf(await pool.evaluate({ type: 'evaluate', file: file('maker.positions.yaml'), options: { settings: {} } }).result);
    expect(r.rows.length).toBeGreaterThan(0);
  });

  it('plans a fix in the worker on the exact text (offsets into it)', async () => {
    pool = new WorkerPool({ script: SCRIPT });
    const f = file('binance-faq-cross.positions.yaml');
    const plan = await pool.plan({ type: 'plan', file: f, options: { settings: {} }, rowKey: 'binance-faq-cross.positions.yaml#eth-faq', kind: 'addMargin', asset: null }).result;
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(f.text.slice(plan.edits[0]!.offset, plan.edits[0]!.offset + plan.edits[0]!.length)).toMatch(/^"?\d/);
  });
});

describe('workerCount', () => {
  it('uses one fewer than the cores, never more than 4 or fewer than 1', () => {
    expect([0, 1, 2, 3, 4, 5, 8, 64].map(workerCount)).toEqual([1, 1, 1, 2, 3, 4, 4, 4]);
  });
});
