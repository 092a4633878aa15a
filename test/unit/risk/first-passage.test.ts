import { describe, expect, it } from 'vitest';
import { firstPassageAbm, firstPassageGbm, fundingDrift } from '../../../src/engine/risk';
import { expectRel, fixtureJson } from './helpers';

const barrier = fixtureJson('barrier.json');
const DAY = 1 / 365;

describe('firstPassageGbm — docs/risk.md §1.3 cases (closed form, @stdlib ⇒ 1e-12)', () => {
  for (const c of barrier.gbm_cases) {
    it(c.name, () => {
      const p = firstPassageGbm({ spot: c.S0, barrier: c.barrier, side: c.side === 'down' ? 'long' : 'short', sigma: c.sigma, years: c.T_years, mu: c.mu });
      expectRel(p, c.mp_closed, 1e-12, 'mpmath closed');
      expectRel(p, c.mp_density_integral, 1e-12, 'mpmath ∫density');
    });
  }
});

describe('firstPassageGbm — leverage ladder §1.4, down to 1.55e-60', () => {
  for (const row of barrier.leverage_ladder) {
    for (const [key, days] of [['1d', 1], ['7d', 7], ['30d', 30]] as const) {
      it(`${row.L}x ${row.side} ${key}`, () => {
        const p = firstPassageGbm({ spot: 100, barrier: row.liq_price, side: row.side, sigma: 0.8, years: days * DAY, mu: 0 });
        expectRel(p, row[key], 1e-12);
      });
    }
  }
});

describe('firstPassageGbm — stability and edge rules', () => {
  it('§1.5: the naive NaN case is finite and equals 1 (log-space second term)', () => {
    const s = barrier.stability_case;
    const p = firstPassageGbm({ spot: s.S0, barrier: s.B, side: 'long', sigma: s.sigma, years: s.T, mu: s.mu });
    expect(Number.isNaN(p)).toBe(false);
    expect(p).toBe(s.mp_closed);
  });
  it('barrier already crossed ⇒ 1, T ≤ 0 ⇒ 0', () => {
    expect(firstPassageGbm({ spot: 100, barrier: 100, side: 'long', sigma: 0.8, years: 1, mu: 0 })).toBe(1);
    expect(firstPassageGbm({ spot: 100, barrier: 90, side: 'short', sigma: 0.8, years: 0, mu: 0 })).toBe(1);
    expect(firstPassageGbm({ spot: 100, barrier: 90, side: 'long', sigma: 0.8, years: 0, mu: 0 })).toBe(0);
    expect(firstPassageGbm({ spot: 100, barrier: 110, side: 'short', sigma: 0.8, years: -1, mu: 0 })).toBe(0);
  });
  it('σ = 0 is deterministic: ln S_T = ln S_0 + μT', () => {
    expect(firstPassageGbm({ spot: 100, barrier: 90, side: 'long', sigma: 0, years: 1, mu: -0.2 })).toBe(1);
    expect(firstPassageGbm({ spot: 100, barrier: 90, side: 'long', sigma: 0, years: 1, mu: -0.05 })).toBe(0);
    expect(firstPassageGbm({ spot: 100, barrier: 110, side: 'short', sigma: 0, years: 1, mu: 0.1 })).toBe(1);
  });
  it('unreachable barriers give 0; invalid input gives 1, never NaN', () => {
    expect(firstPassageGbm({ spot: 100, barrier: 0, side: 'long', sigma: 0.8, years: 1, mu: 0 })).toBe(0);
    expect(firstPassageGbm({ spot: 100, barrier: -5, side: 'long', sigma: 0.8, years: 1, mu: 0 })).toBe(0);
    expect(firstPassageGbm({ spot: 100, barrier: Infinity, side: 'short', sigma: 0.8, years: 1, mu: 0 })).toBe(0);
    expect(firstPassageGbm({ spot: Number.NaN, barrier: 90, side: 'long', sigma: 0.8, years: 1, mu: 0 })).toBe(1);
    expect(firstPassageGbm({ spot: 100, barrier: 90, side: 'long', sigma: -1, years: 1, mu: 0 })).toBe(1);
  });
  it('T = ∞ gives P(τ < ∞) = S_0/H for a short with μ = 0 (docs/risk.md §2)', () => {
    const p = firstPassageGbm({ spot: 100, barrier: 120, side: 'short', sigma: 0.8, years: Infinity, mu: 0 });
    expectRel(p, barrier.distance_and_time.p_ever_hit_up_120_mu0, 1e-14);
  });
});

describe('fundingDrift — μ = −f · intervals per year (docs/risk.md §1.2)', () => {
  it('0.01 %/8h → −0.1095/yr, 0.10 %/8h → −1.095/yr, matching the cases B/C drift', () => {
    expectRel(fundingDrift(0.0001, 8 * 3600), barrier.gbm_cases[1].mu, 1e-15);
    expectRel(fundingDrift(0.001, 8 * 3600), barrier.gbm_cases[2].mu, 1e-15);
    expectRel(fundingDrift(-0.001, 8 * 3600), barrier.gbm_cases[5].mu, 1e-15);
  });
  it('hourly funding and bad input', () => {
    expectRel(fundingDrift(0.0000125, 3600), -0.0000125 * 8760, 1e-15);
    expect(fundingDrift(0.0001, 0)).toBe(0);
    expect(fundingDrift(Number.NaN, 3600)).toBe(0);
    expect(Object.is(fundingDrift(0, 3600), -0)).toBe(false);
  });
});

describe('firstPassageAbm — arithmetic BM sensitivity (§1.3 table)', () => {
  for (const c of barrier.abm_cases) {
    it(c.name, () => {
      const base = { spot: c.S0, sigmaAbs: c.s_abs, years: c.T, driftAbs: c.m_abs };
      expectRel(firstPassageAbm({ ...base, barrier: c.B, side: 'long' }), c.p_down_mp, 1e-12, 'down');
      expectRel(firstPassageAbm({ ...base, barrier: c.H, side: 'short' }), c.p_up_mp, 1e-12, 'up');
    });
  }
});
