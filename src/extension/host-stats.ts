// Measurement hook for `bench/extension.mjs` (issue 10 §6). With LIQUIDATION_LENS_STATS=<file> in the extension
// host's environment, the activation time, every half second the longest event-loop stall of the host, each of our
// tasks over 8 ms and each garbage collection over 1 ms (with their starts, so the bench can tell the collections that
// landed inside a task from the task's own time) are appended to that file as JSON lines.
// Without the variable nothing is measured or written.
import { appendFileSync } from 'node:fs';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';

export interface Disposable { dispose(): void }

const INTERVAL_MS = 500;

let write: ((event: Record<string, unknown>) => void) | undefined;

/** Runs `fn`; while stats are on, a run longer than 8 ms is recorded with its label (which of our tasks stalls). */
export function measured<T>(label: string, fn: () => T): T {
  if (!write) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - t0;
    // `start` on the thread's performance clock, as a collection's: the bench tells the collections inside a task apart
    if (ms > 8) write({ event: 'task', label, ms, start: t0 });
  }
}

/** Records one event (e.g. a file's first-stage rows shown) while stats are on; nothing otherwise. */
export function recordEvent(event: string, fields: Record<string, unknown> = {}): void {
  write?.({ event, ...fields });
}

export function startHostStats(path = process.env.LIQUIDATION_LENS_STATS): Disposable {
  if (!path) return { dispose: () => undefined };
  // Lines are appended once a tick of the loop timer (a file write per event cost the host ~0.1 ms each, thousands
  // of times in a scan of many files); each keeps its own time.
  let lines: string[] = [];
  const flush = (): void => {
    if (!lines.length) return;
    try { appendFileSync(path, lines.join('')); } catch { /* a bench aid, never an error */ }
    lines = [];
  };
  write = (event: Record<string, unknown>): void => {
    lines.push(JSON.stringify({ t: Date.now(), ...event }) + '\n');
  };
  // The histogram's max is the longest delay of a 10 ms timer: the longest task the host ran (ours or another extension's).
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // How long the extension host process ran before activate(): VS Code's own start, not ours.
  write({ event: 'activate', hostUptimeMs: Math.round(process.uptime() * 1000) });
  const emit = write;
  const timer = setInterval(() => {
    emit({ event: 'loop', maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6 });
    loop.reset();
    flush();
  }, INTERVAL_MS);
  timer.unref?.();
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.duration > 1) emit({ event: 'gc', kind: gcKind(e), ms: e.duration, start: e.startTime });
  });
  gc.observe({ entryTypes: ['gc'] });
  return { dispose: () => { clearInterval(timer); loop.disable(); gc.disconnect(); write = undefined; flush(); } };
}

/** V8's collection kind (perf_hooks NODE_PERFORMANCE_GC_*): minor (scavenge), major (mark-compact), incremental, weak callbacks. */
function gcKind(e: PerformanceEntry): string {
  const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
  return kind === 1 ? 'minor' : kind === 2 ? 'major' : kind === 4 ? 'incremental' : kind === 8 ? 'weak callbacks' : String(kind);
}
