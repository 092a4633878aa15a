import { describe, expect, it } from 'vitest';
import { distanceMetrics, firstPassageGbm, passageMoments, passageQuantile, timeToLiquidationQuantiles } from '../../../src/engine/risk';
import { expectRel, fixtureJson } from './helpers';

const dt = fixtureJson('barrier.json').distance_and_time;
const caseA = { spot: 100, barrier: 80, side: 'long' as const, sigma: 0.8, mu: 0 };
const T7 = 7 / 365;

describe('distance and time to liquidation, case A (docs/risk.md §2)', () => {
  it('distances', () => {
    const d = distanceMetrics({ ...caseA, years: T7 });
    expectRel(d?.logDistance, dt.log_distance, 1e-14);
    expectRel(d?.pctDistance, dt.pct_distance, 1e-14);
    expectRel(d?.ddDriftless, dt.dd_driftless, 1e-12);
    expectRel(d?.ddWithDrift, dt.dd_with_drift, 1e-12);
    expectRel(d?.ddDailySigma, dt.dd_daily_sigma, 1e-12);
    expectRel(d?.ddEquivalent, dt.dd_equiv_from_P_caseA, 1e-12);
  });
  it('inverse-Gaussian moments and the closed form at 7 days', () => {
    const m = passageMoments(caseA);
    expectRel(m?.mean, dt.expected_time_years, 1e-12);
    expectRel((m?.mean as number) * 365, dt.expected_time_days, 1e-12);
    expectRel(m?.sd, dt.sd_time_years, 1e-12);
    expectRel(firstPassageGbm({ ...caseA, years: T7 }), dt.ig_cdf_7d, 1e-12);
  });
  it('quantiles t₁%, t₅%, median (IG ppf / bisection)', () => {
    const q = timeToLiquidationQuantiles(caseA);
    expectRel((q.p01 as number) * 365, dt.t_1pct_days, 1e-10);
    expectRel((q.p01 as number) * 365, dt['long_B80_t_0.01_days_rootfind'], 1e-10);
    expectRel((q.p05 as number) * 365, dt.t_5pct_days, 1e-10);
    expectRel((q.median as number) * 365, dt.median_time_days, 1e-10);
  });
  it('ν = 0 (μ = σ²/2): median = (a/(σ·z₀.₇₅))²', () => {
    expectRel((passageQuantile({ ...caseA, mu: 0.32 }, 0.5) as number) * 365, dt.median_time_zero_log_drift_days, 1e-10);
  });
  it('short H = 120, μ = 0: defective law, P(τ < ∞) = S₀/H and bisection quantiles', () => {
    const short = { spot: 100, barrier: 120, side: 'short' as const, sigma: 0.8, mu: 0 };
    const m = passageMoments(short);
    expectRel(m?.everHit, dt.p_ever_hit_up_120_mu0, 1e-14);
    expect(m?.mean).toBeNull();
    const q = timeToLiquidationQuantiles(short);
    expectRel((q.p01 as number) * 365, dt['short_H120_t_0.01_days'], 1e-10);
    expectRel((q.p05 as number) * 365, dt['short_H120_t_0.05_days'], 1e-10);
    expectRel((q.median as number) * 365, dt['short_H120_t_0.5_days'], 1e-10);
    expect(passageQuantile(short, 0.9)).toBeNull();
  });
  it('edge cases: crossed ⇒ 0, unreachable ⇒ null, σ = 0 deterministic', () => {
    expect(timeToLiquidationQuantiles({ ...caseA, barrier: 120 })).toEqual({ p01: 0, p05: 0, median: 0 });
    expect(timeToLiquidationQuantiles({ ...caseA, barrier: 0 })).toEqual({ p01: null, p05: null, median: null });
    expectRel(passageQuantile({ ...caseA, sigma: 0, mu: -0.5 }, 0.5), Math.log(100 / 80) / 0.5, 1e-14);
    expect(passageQuantile({ ...caseA, sigma: 0, mu: 0.5 }, 0.5)).toBeNull();
  });
});
