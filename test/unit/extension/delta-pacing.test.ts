import { describe, expect, it } from 'vitest';
import { DELTA_MS, STREAM_MS, deltaDelay } from '../../../src/extension/panel/delta-pacing';

describe('panel delta pacing', () => {
  it('sends a change after a quiet period within DELTA_MS', () => {
    expect(deltaDelay(10_000, 0, 3)).toBe(DELTA_MS);
    expect(deltaDelay(10_000, -Infinity, 0)).toBe(DELTA_MS);
  });

  it('waits four times the last delta’s cost when that is longer', () => {
    expect(deltaDelay(10_000, 0, 40)).toBe(160);
  });

  it('sends at most one delta every STREAM_MS while changes stream in', () => {
    expect(deltaDelay(1_100, 1_000, 5)).toBe(STREAM_MS - 100);
    expect(deltaDelay(1_480, 1_000, 5)).toBe(DELTA_MS);
    // a stream of changes 100 ms apart: each delta waits for the end of the window opened by the last one
    let sent = 0;
    const times: number[] = [];
    for (let t = 100; t < 3_000; t += 100) {
      if (times.length && t < times[times.length - 1]!) continue; // a delta is already pending
      const at = t + deltaDelay(t, sent, 5);
      times.push(at);
      sent = at;
    }
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(STREAM_MS);
  });
});
