// The per-file queue under storms: coalesced (bounded by the number of files), debounced with a maximum wait, one
// evaluation per file at a time, and the end state equals a cold evaluation of the final texts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { EvaluationQueue, type Job, type Timers } from '../../../src/extension/worker/evaluation-queue';

/** A virtual clock: timers fire in order when the test advances it. */
class Clock implements Timers {
  t = 0;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  now = () => this.t;
  set = (fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  };
  clear = (h: unknown) => void this.timers.delete(h as number);
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const next = [...this.timers.entries()].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
      await flush();
    }
    this.t = end;
    await flush();
  }
}

const flush = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };

/** A runner whose jobs finish when the clock passes `cost` ms after their start; cancelled ones never resolve. */
function runner(clock: Clock, cost: (text: string) => number) {
  const running = new Set<string>();
  let maxConcurrentPerFile = 0;
  const started: Array<{ key: string; at: number }> = [];
  const run = (key: string, text: string): Job<string> => {
    if (running.has(key)) maxConcurrentPerFile = 2;
    running.add(key);
    started.push({ key, at: clock.t });
    let cancel = () => undefined as void;
    const result = new Promise<string>((resolve, reject) => {
      const h = clock.set(() => { running.delete(key); resolve(text); }, cost(text));
      cancel = () => { clock.clear(h); running.delete(key); reject(new Error('cancelled')); };
    });
    return { result, cancel: () => cancel() };
  };
  return { run, started, get maxConcurrentPerFile() { return maxConcurrentPerFile; } };
}

describe('evaluation queue', () => {
  it('a storm of 10,000 changes over 3 files ends equal to a cold evaluation of the final texts', async () => {
    const clock = new Clock();
    const r = runner(clock, () => 120);
    const state = new Map<string, string>();
    const busy = new Map<string, boolean>();
    const q = new EvaluationQueue<string, string>(r.run, (key, _input, out) => { if (out.ok) state.set(key, out.value); }, (k, b) => busy.set(k, b), { timers: clock, debounceMs: 300, maxWaitMs: 1000 });
    const files = ['a', 'b', 'c'];
    const texts = (key: string, i: number) => JSON.stringify({ version: 1, venue: 'binance-usdm', account: `${key}${i}`, walletBalance: String(1000 + i), markets: { BTCUSDT: { markPrice: '97250.4', mmr: '0.004', cum: '0' } }, positions: [{ id: 'p', symbol: 'BTCUSDT', side: 'long', size: '0.01', entryPrice: '97000', isolatedMargin: String(100 + (i % 500)) }] });
    const final = new Map<string, string>();
    let maxPending = 0;
    for (let i = 0; i < 10_000; i++) {
      const key = files[(i * 7919) % 3]!;
      const text = texts(key, i);
      final.set(key, text);
      q.change(key, text);
      maxPending = Math.max(maxPending, q.pendingCount());
      if (i % 20 === 0) await clock.advance(1 + (i % 13)); // ~20 changes per few ms: a bot rewriting files
    }
    await clock.advance(10_000);
    expect(q.idle()).toBe(true);
    expect(maxPending).toBeLessThanOrEqual(files.length);
    expect(r.maxConcurrentPerFile).toBe(0);
    expect([...busy.values()].every((b) => !b)).toBe(true);
    for (const key of files) {
      expect(state.get(key)).toBe(final.get(key));
      const cold = evaluateFile({ path: `${key}.positions.json`, absPath: `/w/${key}.positions.json`, text: final.get(key)! });
      const warm = evaluateFile({ path: `${key}.positions.json`, absPath: `/w/${key}.positions.json`, text: state.get(key)! });
      expect(warm.rows).toEqual(cold.rows);
    }
    // Far fewer evaluations than changes, and each file was still evaluated during the storm (the maximum wait).
    expect(q.stats.started).toBeLessThan(10_000 / 10);
    const first = Object.fromEntries(files.map((k) => [k, r.started.find((s) => s.key === k)!.at]));
    for (const k of files) expect(first[k]).toBeLessThanOrEqual(1050);
  });

  it('a file changed every 50 ms is evaluated about every second (debounce with a maximum wait)', async () => {
    const clock = new Clock();
    const r = runner(clock, () => 100);
    const done: number[] = [];
    const q = new EvaluationQueue<string, string>(r.run, () => done.push(clock.t), undefined, { timers: clock, debounceMs: 300, maxWaitMs: 1000 });
    for (let i = 0; i < 100; i++) { // 5 s of changes
      q.change('f', `t${i}`);
      await clock.advance(50);
    }
    await clock.advance(2000);
    const starts = r.started.map((s) => s.at);
    expect(starts.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < starts.length - 1; i++) expect(starts[i]! - starts[i - 1]!).toBeLessThanOrEqual(1100);
    expect(done.length).toBeGreaterThanOrEqual(4);
  });

  it('a new text cancels a short running evaluation; a long one finishes and the newest follows at once', async () => {
    const clock = new Clock();
    const r = runner(clock, (t) => (t.startsWith('slow') ? 5000 : 200));
    const results: string[] = [];
    const q = new EvaluationQueue<string, string>(r.run, (_k, _i, o) => o.ok && results.push(o.value), undefined, { timers: clock, debounceMs: 300, maxWaitMs: 1000 });
    q.change('f', 'fast1', true);
    await clock.advance(50);
    q.change('f', 'fast2', true); // cancels fast1 (running 50 ms)
    await clock.advance(500);
    expect(results).toEqual(['fast2']);
    expect(q.stats.cancelled).toBe(1);
    q.change('f', 'slow1', true);
    await clock.advance(2000);
    q.change('f', 'fast3', true); // slow1 has run 2 s > max wait: it finishes first
    await clock.advance(3000);
    expect(results).toEqual(['fast2', 'slow1']);
    await clock.advance(300);
    expect(results).toEqual(['fast2', 'slow1', 'fast3']);
  });

  it('removing a file drops its pending text and cancels its evaluation', async () => {
    const clock = new Clock();
    const r = runner(clock, () => 500);
    const results: string[] = [];
    const q = new EvaluationQueue<string, string>(r.run, (_k, _i, o) => o.ok && results.push(o.value), undefined, { timers: clock });
    q.change('f', 'a', true);
    q.change('g', 'b');
    q.remove('f');
    q.remove('g');
    await clock.advance(2000);
    expect(results).toEqual([]);
    expect(q.idle()).toBe(true);
  });

  it('property: any interleaving of changes ends with the last text of each file evaluated', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ file: fc.constantFrom('a', 'b', 'c'), wait: fc.nat(700), immediate: fc.boolean(), cost: fc.integer({ min: 1, max: 1500 }) }), { minLength: 1, maxLength: 60 }),
      async (steps) => {
        const clock = new Clock();
        const costs = new Map<string, number>();
        const r = runner(clock, (t) => costs.get(t) ?? 10);
        const state = new Map<string, string>();
        const q = new EvaluationQueue<string, string>(r.run, (k, _i, o) => { if (o.ok) state.set(k, o.value); }, undefined, { timers: clock });
        const last = new Map<string, string>();
        steps.forEach((s, i) => costs.set(`${s.file}${i}`, s.cost));
        for (const [i, s] of steps.entries()) {
          q.change(s.file, `${s.file}${i}`, s.immediate);
          last.set(s.file, `${s.file}${i}`);
          await clock.advance(s.wait);
        }
        await clock.advance(100_000);
        expect(q.idle()).toBe(true);
        expect(Object.fromEntries(state)).toEqual(Object.fromEntries(last));
        expect(r.maxConcurrentPerFile).toBe(0);
      }), { numRuns: 60 });
  });
});
