// The scan's read-ahead: results in the items' order whatever order the reads finish in, never more than `limit`
// reads in flight, and every item read once.
import { describe, expect, it } from 'vitest';
import { readAhead } from '../../../src/extension/read-ahead';

describe('readAhead', () => {
  it('yields in order with at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const calls: number[] = [];
    const read = async (i: number): Promise<string> => {
      calls.push(i);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, (7 * i) % 5)); // finishes out of order
      inFlight--;
      return `f${i}`;
    };
    const items = Array.from({ length: 20 }, (_, i) => i);
    const out: string[] = [];
    for await (const x of readAhead(items, 4, read)) out.push(x);
    expect(out).toEqual(items.map((i) => `f${i}`));
    expect(most).toBe(4);
    expect(calls.sort((a, b) => a - b)).toEqual(items);
  });

  it('an empty list yields nothing', async () => {
    const out: unknown[] = [];
    for await (const x of readAhead([], 8, async () => 1)) out.push(x);
    expect(out).toEqual([]);
  });
});
