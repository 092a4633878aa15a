import { describe, expect, it } from 'vitest';
import { groupedPortfolioVarEs, portfolioVarEs } from '../../../src/engine/risk';

/** mulberry32: the same numbers on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('groupedPortfolioVarEs (class correlations, linear in the account)', () => {
  it('equals the full-matrix VaR/ES and Euler contributions on random accounts', () => {
    const rnd = rng(7);
    let compared = 0;
    for (let trial = 0; trial < 50; trial++) {
      const k = 1 + Math.floor(rnd() * 5);
      const n = 1 + Math.floor(rnd() * 40);
      // a valid class correlation: the Gram matrix of unit vectors (PSD, unit diagonal)
      const vecs = Array.from({ length: k }, () => { const v = [rnd() - 0.5, rnd() - 0.5, rnd() - 0.5]; const l = Math.hypot(...v) || 1; return v.map((x) => x / l); });
      const C = vecs.map((a) => vecs.map((b) => a.reduce((s, x, i) => s + x * b[i]!, 0)));
      C.forEach((row, i) => (row[i] = 1));
      const classes = Array.from({ length: n }, () => Math.floor(rnd() * k));
      const notionals = classes.map(() => (rnd() - 0.3) * 1e5);
      const vols = classes.map(() => 0.2 + rnd());
      const full = portfolioVarEs({ notionals, vols, correlation: classes.map((a) => classes.map((b) => C[a]![b]!)), years: 1 / 365, confidence: 0.99 });
      const grouped = groupedPortfolioVarEs({ notionals, vols, classes, classCorrelation: C, years: 1 / 365, confidence: 0.99 });
      expect(grouped === null).toBe(full === null);
      if (!full || !grouped) continue;
      const close = (a: number, b: number, scale: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
      close(grouped.var, full.var, full.var);
      close(grouped.es, full.es, full.es);
      grouped.component.forEach((c, i) => close(c, full.component[i]!, full.var));
      grouped.componentEs.forEach((c, i) => close(c, full.componentEs[i]!, full.es));
      expect(grouped.component.reduce((s, x) => s + x, 0)).toBeCloseTo(grouped.var, 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('refuses a class index outside the matrix and mismatched lengths', () => {
    const base = { notionals: [1, 2], vols: [0.5, 0.5], years: 1, confidence: 0.99 };
    expect(groupedPortfolioVarEs({ ...base, classes: [0, 2], classCorrelation: [[1, 0], [0, 1]] })).toBeNull();
    expect(groupedPortfolioVarEs({ ...base, classes: [0], classCorrelation: [[1]] })).toBeNull();
    expect(groupedPortfolioVarEs({ ...base, classes: [0, 0], classCorrelation: [[1]] })).not.toBeNull();
  });
});
