import { describe, expect, it } from 'vitest';
import { firstPassageGbm, studentTBound, studentTDof, tCdf, liquidationProbability } from '../../../src/engine/risk';
import { expectRel, fixtureSeries } from './helpers';

const base = { spot: 100, barrier: 80, side: 'long' as const, sigma: 0.8, years: 7 / 365, mu: 0 };

describe('studentTBound — docs/results.md §3', () => {
  it('equals max(P_GBM, 2·F_k(z)) with z = (b − νT)/(σ√T·√((k−2)/k)) for a long', () => {
    for (const k of [3, 4, 6, 10]) {
      for (const B of [50, 60, 70, 80, 90]) {
        const nu = base.mu - 0.32;
        const z = (Math.log(B / 100) - nu * base.years) / (0.8 * Math.sqrt(base.years) * Math.sqrt((k - 2) / k));
        const expected = Math.max(firstPassageGbm({ ...base, barrier: B }), 2 * tCdf(z, k));
        expectRel(studentTBound({ ...base, barrier: B, k }), expected, 1e-13, `k=${k} B=${B}`);
      }
    }
  });
  it('short: z = (−h + νT)/(…), with funding drift', () => {
    const p = { spot: 100, barrier: 130, side: 'short' as const, sigma: 0.6, years: 1 / 365, mu: -1.095, k: 5 };
    const nu = p.mu - 0.18;
    const z = (-Math.log(1.3) + nu * p.years) / (0.6 * Math.sqrt(p.years) * Math.sqrt(3 / 5));
    expectRel(studentTBound(p), Math.max(firstPassageGbm(p), 2 * tCdf(z, 5)), 1e-13);
  });
  it('far barriers: the t bound exceeds GBM by orders of magnitude (docs/risk.md §3.4)', () => {
    const gbm = firstPassageGbm({ ...base, barrier: 60 });
    expect(studentTBound({ ...base, barrier: 60, k: 4 })).toBeGreaterThan(100 * gbm);
  });
  it('edge rules: crossed ⇒ 1, T = 0 ⇒ 0, bad k ⇒ k = 4', () => {
    expect(studentTBound({ ...base, barrier: 100, k: 4 })).toBe(1);
    expect(studentTBound({ ...base, years: 0, k: 4 })).toBe(0);
    expect(studentTBound({ ...base, k: 1 })).toBe(studentTBound({ ...base, k: 4 }));
  });
  it('liquidationProbability dispatches gbm and student-t', () => {
    expect(liquidationProbability({ ...base, tails: 'gbm' })).toBe(firstPassageGbm(base));
    expect(liquidationProbability({ ...base, tails: 'student-t', k: 6 })).toBe(studentTBound({ ...base, k: 6 }));
    expect(liquidationProbability({ ...base, tails: 'student-t' })).toBe(studentTBound({ ...base, k: 4 }));
  });
});

describe('studentTDof — k = 4 + 6/κ̂', () => {
  const r = fixtureSeries('returns_250.csv');
  it('uses the population excess kurtosis of ≥ 100 returns (returns_250: κ̂ = 5.225464422)', () => {
    expectRel(studentTDof(r), 4 + 6 / 5.225464422036874, 1e-12);
  });
  it('falls back to 4 with < 100 returns or κ̂ ≤ 0', () => {
    expect(studentTDof(r.slice(0, 99))).toBe(4);
    const platykurtic = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0.01 : -0.01));
    expect(studentTDof(platykurtic)).toBe(4);
    expect(studentTDof([])).toBe(4);
  });
});
