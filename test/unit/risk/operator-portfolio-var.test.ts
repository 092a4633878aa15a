import { describe, expect, it } from 'vitest';
import { operatorPortfolioVarEs, portfolioVarEs } from '../../../src/engine/risk';
import { mulberry32 as rng } from './helpers';

describe('operatorPortfolioVarEs (the correlation matrix as R·x)', () => {
  it('equals the full-matrix VaR/ES and Euler contributions on random accounts', () => {
    const rnd = rng(7);
    let compared = 0;
    for (let trial = 0; trial < 50; trial++) {
      const k = 1 + Math.floor(rnd() * 5);
      const n = 1 + Math.floor(rnd() * 40);
      // a valid correlation: the Gram matrix of unit vectors (PSD, unit diagonal)
      const vecs = Array.from({ length: k }, () => { const v = [rnd() - 0.5, rnd() - 0.5, rnd() - 0.5]; const l = Math.hypot(...v) || 1; return v.map((x) => x / l); });
      const C = vecs.map((a) => vecs.map((b) => a.reduce((s, x, i) => s + x * b[i]!, 0)));
      C.forEach((row, i) => (row[i] = 1));
      const classes = Array.from({ length: n }, () => Math.floor(rnd() * k));
      const R = classes.map((a) => classes.map((b) => C[a]![b]!));
      const notionals = classes.map(() => (rnd() - 0.3) * 1e5);
      const vols = classes.map(() => 0.2 + rnd());
      const full = portfolioVarEs({ notionals, vols, correlation: R, years: 1 / 365, confidence: 0.99 });
      const byOperator = operatorPortfolioVarEs({
        notionals, vols, years: 1 / 365, confidence: 0.99,
        correlationTimes: (x) => R.map((row) => row.reduce((s, r, j) => s + r * x[j]!, 0)),
      });
      expect(byOperator === null).toBe(full === null);
      if (!full || !byOperator) continue;
      const close = (a: number, b: number, scale: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
      close(byOperator.var, full.var, full.var);
      close(byOperator.es, full.es, full.es);
      byOperator.component.forEach((c, i) => close(c, full.component[i]!, full.var));
      byOperator.componentEs.forEach((c, i) => close(c, full.componentEs[i]!, full.es));
      expect(byOperator.component.reduce((s, x) => s + x, 0)).toBeCloseTo(byOperator.var, 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('refuses an operator of the wrong length or with non-finite values', () => {
    const base = { notionals: [1, 2], vols: [0.5, 0.5], years: 1, confidence: 0.99 };
    expect(operatorPortfolioVarEs({ ...base, correlationTimes: () => [1] })).toBeNull();
    expect(operatorPortfolioVarEs({ ...base, correlationTimes: () => [1, Number.NaN] })).toBeNull();
    expect(operatorPortfolioVarEs({ ...base, correlationTimes: (x) => [...x] })).not.toBeNull();
  });
});
