import { describe, expect, it } from 'vitest';
import { correlationTimes, type Exposure } from '../../../src/engine/evaluate/account-var';
import type { HistoryData } from '../../../src/engine/evaluate/volatility-source';
import type { ResultRow } from '../../../src/engine/evaluate/report';
import { mulberry32 as rng } from '../risk/helpers';

function history(rnd: () => number, bars: number): HistoryData {
  const logReturns = Array.from({ length: bars }, () => (rnd() - 0.5) * 0.02);
  return { bars, yangZhang: null, ewma: null, dof: 5, logReturns, returnTimes: logReturns.map((_, i) => i * 60_000), barSeconds: 60 };
}

/** The rule of account-var.ts written out as the full matrix. */
function brute(ex: Exposure[], x: number[]): number[] {
  const corr = (a: HistoryData, b: HistoryData): number | null => {
    const n = Math.min(a.logReturns.length, b.logReturns.length);
    if (n < 100) return null;
    const xs = a.logReturns.slice(0, n), ys = b.logReturns.slice(0, n);
    const mx = xs.reduce((s, v) => s + v, 0) / n, my = ys.reduce((s, v) => s + v, 0) / n;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) { sxy += (xs[i]! - mx) * (ys[i]! - my); sxx += (xs[i]! - mx) ** 2; syy += (ys[i]! - my) ** 2; }
    return sxy / Math.sqrt(sxx * syy);
  };
  return ex.map((a, i) => ex.reduce((s, b, j) => {
    let r: number;
    if (i === j || a.row.symbol === b.row.symbol) r = 1;
    else {
      const est = a.history && b.history ? corr(a.history, b.history) : null;
      r = est ?? (Math.sign(a.notional) === Math.sign(b.notional) ? 1 : 0);
    }
    return s + r * x[j]!;
  }, 0));
}

describe('account VaR correlation structure (R·x without the matrix)', () => {
  it('matches the full matrix: same symbol 1, history estimates, else 1 on the same side and 0 across', () => {
    const rnd = rng(11);
    let checked = 0;
    for (let trial = 0; trial < 40; trial++) {
      const histories = [history(rnd, 150), history(rnd, 150), history(rnd, 50)];
      const n = 1 + Math.floor(rnd() * 30);
      const ex: Exposure[] = Array.from({ length: n }, () => {
        const symbol = ['BTC', 'ETH', 'SOL', 'XRP', null][Math.floor(rnd() * 5)]!;
        const h = rnd() < 0.5 ? histories[Math.floor(rnd() * 3)]! : null;
        const notional = rnd() < 0.1 ? 0 : (rnd() - 0.5) * 1e4;
        return { row: { symbol } as ResultRow, notional, vol: 0.5, history: h };
      });
      const x = ex.map(() => (rnd() - 0.5) * 100);
      const fast = correlationTimes(ex)(x);
      const slow = brute(ex, x);
      fast.forEach((v, i) => expect(Math.abs(v - slow[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(slow[i]!))));
      checked += n;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
