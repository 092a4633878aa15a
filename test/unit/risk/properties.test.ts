// Property tests of docs/risk.md §9 (last row), with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstPassageGbm, historicalVarEs, isolatedLiquidationPrice, linearNormalVarEs, liquidationProbability, lognormalVarEs,
  portfolioVarEs, studentTBound, studentTVarEs,
} from '../../../src/engine/risk';

const side = fc.constantFrom('long' as const, 'short' as const);
const sigma = fc.double({ min: 0.01, max: 3, noNaN: true });
const years = fc.double({ min: 1e-6, max: 5, noNaN: true });
const mu = fc.double({ min: -3, max: 3, noNaN: true });
const dist = fc.double({ min: 1e-4, max: 0.95, noNaN: true });
const barrierOf = (s: 'long' | 'short', d: number) => (s === 'long' ? 100 * (1 - d) : 100 / (1 - d));
const SLACK = 1e-12;

describe('first-passage probability properties', () => {
  it('stays in [0, 1] for the overflow case fast-check once found (σ² = ∞, T = ∞)', () => {
    const p = liquidationProbability({ spot: 100, barrier: 100.00000000000001, side: 'short', sigma: 1.3407807929942597e154, years: Number.POSITIVE_INFINITY, mu: 0, tails: 'gbm' });
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });

  it('0 ≤ P ≤ 1 and never NaN, for any finite input including extremes', () => {
    const vg = { c: 0, sigma: 0.8, theta: -0.05, nu: 0.01 };
    const evt = { u: 0.05, k: 100, n: 1000, xi: 0.3, beta: 0.02, barYears: 1 / 365 };
    fc.assert(fc.property(side, fc.double({ noNaN: false }), fc.double(), fc.double(), fc.double(), fc.constantFrom('gbm' as const, 'student-t' as const, 'vg' as const, 'evt' as const),
      (s, barrier, sg, t, m, tails) => {
        const p = liquidationProbability({ spot: 100, barrier, side: s, sigma: sg, years: t, mu: m, tails, k: 4, vg, evt });
        return !Number.isNaN(p) && p >= 0 && p <= 1;
      }), { numRuns: 3000 });
  });
  it('barrier crossed ⇒ 1; T → 0 ⇒ 0', () => {
    fc.assert(fc.property(side, sigma, years, mu, dist, (s, sg, t, m, d) => {
      const crossed = s === 'long' ? 100 * (1 + d) : 100 * (1 - d);
      const far = barrierOf(s, d);
      return firstPassageGbm({ spot: 100, barrier: crossed, side: s, sigma: sg, years: t, mu: m }) === 1 &&
        studentTBound({ spot: 100, barrier: crossed, side: s, sigma: sg, years: t, mu: m, k: 5 }) === 1 &&
        firstPassageGbm({ spot: 100, barrier: far, side: s, sigma: sg, years: 0, mu: m }) === 0;
    }));
  });
  it('non-decreasing in the horizon T', () => {
    fc.assert(fc.property(side, sigma, years, years, mu, dist, (s, sg, t1, t2, m, d) => {
      const [a, b] = t1 < t2 ? [t1, t2] : [t2, t1];
      const x = { spot: 100, barrier: barrierOf(s, d), side: s, sigma: sg, mu: m };
      return firstPassageGbm({ ...x, years: a }) <= firstPassageGbm({ ...x, years: b }) + SLACK;
    }));
  });
  it('non-increasing in the distance to the barrier (B up for a long, H down for a short)', () => {
    fc.assert(fc.property(side, sigma, years, mu, dist, dist, (s, sg, t, m, d1, d2) => {
      const [near, far] = d1 < d2 ? [d1, d2] : [d2, d1];
      const x = { spot: 100, side: s, sigma: sg, years: t, mu: m };
      return firstPassageGbm({ ...x, barrier: barrierOf(s, far) }) <= firstPassageGbm({ ...x, barrier: barrierOf(s, near) }) + SLACK;
    }));
  });
  it('non-decreasing in σ (μ = 0, as in docs/risk.md §9)', () => {
    fc.assert(fc.property(side, sigma, sigma, years, dist, (s, s1, s2, t, d) => {
      const [lo, hi] = s1 < s2 ? [s1, s2] : [s2, s1];
      const x = { spot: 100, barrier: barrierOf(s, d), side: s, years: t, mu: 0 };
      return firstPassageGbm({ ...x, sigma: lo }) <= firstPassageGbm({ ...x, sigma: hi }) + SLACK;
    }));
  });
  it('P_long(μ₁) ≥ P_long(μ₂) for μ₁ < μ₂ (and the reverse for a short)', () => {
    fc.assert(fc.property(sigma, years, mu, mu, dist, (sg, t, m1, m2, d) => {
      const [lo, hi] = m1 < m2 ? [m1, m2] : [m2, m1];
      const L = { spot: 100, barrier: barrierOf('long', d), side: 'long' as const, sigma: sg, years: t };
      const S = { spot: 100, barrier: barrierOf('short', d), side: 'short' as const, sigma: sg, years: t };
      return firstPassageGbm({ ...L, mu: lo }) + SLACK >= firstPassageGbm({ ...L, mu: hi }) &&
        firstPassageGbm({ ...S, mu: hi }) + SLACK >= firstPassageGbm({ ...S, mu: lo });
    }));
  });
  it('the Student-t bound is never below GBM', () => {
    fc.assert(fc.property(side, sigma, years, mu, dist, fc.double({ min: 2.01, max: 200, noNaN: true }), (s, sg, t, m, d, k) => {
      const x = { spot: 100, barrier: barrierOf(s, d), side: s, sigma: sg, years: t, mu: m };
      return studentTBound({ ...x, k }) >= firstPassageGbm(x);
    }));
  });
  it('isolated position: P decreasing in collateral C and increasing in size Q', () => {
    fc.assert(fc.property(side, fc.double({ min: 0.05, max: 0.9, noNaN: true }), fc.double({ min: 0.05, max: 0.9, noNaN: true }), (s, f1, f2) => {
      const [c1, c2] = f1 < f2 ? [f1 * 100, f2 * 100] : [f2 * 100, f1 * 100];
      const pos = { side: s, qty: 1, entry: 100, mmr: 0.005 };
      const P = (c: number, q = 1) => {
        const b = isolatedLiquidationPrice({ ...pos, qty: q }, c);
        return b === null ? 0 : firstPassageGbm({ spot: 100, barrier: b, side: s, sigma: 0.8, years: 7 / 365, mu: 0 });
      };
      return P(c2) <= P(c1) + SLACK && P(c1, 1) <= P(c1, 1.5) + SLACK;
    }));
  });
});

describe('VaR/ES properties', () => {
  it('ES ≥ VaR for the parametric models', () => {
    fc.assert(fc.property(sigma, years, fc.double({ min: 0.5, max: 0.9999, noNaN: true }), fc.double({ min: 2.1, max: 100, noNaN: true }), side, (sg, t, a, nu, s) => {
      const lin = linearNormalVarEs({ notional: 1e5, sigma: sg, mu: 0, years: t, confidence: a })!;
      const ln = lognormalVarEs({ notional: 1e5, sigma: sg, mu: 0, years: t, confidence: a, side: s })!;
      const st = studentTVarEs({ mean: 0, sigma: sg, nu, confidence: a })!;
      return lin.es >= lin.var - 1e-9 && ln.es >= ln.var - 1e-9 && st.es >= st.var - 1e-12;
    }));
  });
  it('historical ES ≥ VaR under every convention', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 20, maxLength: 300 }), fc.double({ min: 0.8, max: 0.995, noNaN: true }), (r, a) => {
      const h = historicalVarEs(r, a)!;
      return h.esBelowType7 >= h.varType7 - 1e-12 && h.esWorstM >= h.varOrderStatistic - 1e-12 && h.esAcerbiTasche >= h.varOrderStatistic - 1e-12;
    }));
  });
  it('Euler components sum to the portfolio VaR; ES ≥ VaR', () => {
    const n = 4;
    fc.assert(fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0.05, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
      fc.double({ min: 0.9, max: 0.999, noNaN: true }),
      (w, vols, f, a) => {
        // a valid correlation matrix from random factor loadings: R = D^{-1/2} F Fᵀ D^{-1/2}
        const F = Array.from({ length: n }, (_, i) => f.slice(i * n, i * n + n).map((x, j) => x + (i === j ? 1.5 : 0)));
        const G = F.map((ri) => F.map((rj) => ri.reduce((s, x, k) => s + x * (rj[k] as number), 0)));
        const R = G.map((row, i) => row.map((x, j) => x / Math.sqrt((G[i]![i] as number) * (G[j]![j] as number))));
        const r = portfolioVarEs({ notionals: w, vols, correlation: R, years: 1 / 365, confidence: a });
        if (r === null) return false;
        const sum = r.component.reduce((s, x) => s + x, 0);
        return Math.abs(sum - r.var) <= 1e-9 * Math.max(1, r.var) && r.es >= r.var;
      }));
  });
});

it('studentT dof bound is symmetric in the side for a symmetric setup', () => {
  const L = studentTBound({ spot: 100, barrier: 80, side: 'long', sigma: 0.8, years: 0.1, mu: 0.32, k: 5 });
  const S = studentTBound({ spot: 100, barrier: 125, side: 'short', sigma: 0.8, years: 0.1, mu: 0.32, k: 5 });
  expect(Math.abs(L - S)).toBeLessThan(1e-14);
});
