// When the panel's next delta goes out (pure, unit-tested). Changes are coalesced over DELTA_MS; a costly delta (a
// large book on a busy host) waits four times its cost, so deltas take at most ~1/5 of the host's time; and while
// changes stream in (a scan, a bot rewriting files), at most one delta every STREAM_MS: each one costs the webview a
// render and the workbench a message, time the worker's first stage needs on a 2-core machine.

export const DELTA_MS = 50;
export const STREAM_MS = 500;

/** Milliseconds to wait before sending the pending changes (`now` and `lastSent` on the same clock). */
export function deltaDelay(now: number, lastSent: number, lastCost: number): number {
  const streaming = now - lastSent < STREAM_MS;
  return Math.max(DELTA_MS, 4 * lastCost, streaming ? lastSent + STREAM_MS - now : 0);
}
