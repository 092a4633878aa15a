// Test helpers: fixture loading (copied from /work/shared/vectors) and relative-tolerance assertions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'risk');

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixtureJson(name: string): any {
  return JSON.parse(fixtureText(name).replace(/\bInfinity\b/g, '"Infinity"'));
}

/** One number per line after `#` comments (vectors/data/*.csv). */
export function fixtureSeries(name: string): number[] {
  return fixtureText(name)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map(Number);
}

/** OHLC CSV with an open,high,low,close header → rows. */
export function fixtureOhlc(name: string): Array<{ open: number; high: number; low: number; close: number }> {
  const [, ...rows] = fixtureText(name).trim().split(/\r?\n/);
  return rows.map((r) => {
    const [open, high, low, close] = r.split(',').map(Number) as [number, number, number, number];
    return { open, high, low, close };
  });
}

/** |actual − expected| ≤ rel·|expected| (absolute `rel` when expected is 0). */
export function expectRel(actual: number | null | undefined, expected: number, rel: number, label = ''): void {
  expect(actual, label).not.toBeNull();
  expect(actual, label).not.toBeUndefined();
  const a = actual as number;
  expect(Number.isFinite(a) || a === expected, `${label}: ${a} is not finite`).toBe(true);
  const tol = expected === 0 ? rel : rel * Math.abs(expected);
  expect(Math.abs(a - expected), `${label}: got ${a}, expected ${expected} (rel ${rel})`).toBeLessThanOrEqual(tol);
}

/** mulberry32: a small seeded generator, the same numbers on every machine (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
