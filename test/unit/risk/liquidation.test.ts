import { describe, expect, it } from 'vitest';
import {
  firstPassageGbm, fitEvtTail, fitPot, fitVgTail, liquidationProbability, potExceedance, selectTailModel, studentTBound,
  vgFitMle, vgFitMoments, vgLevyBound, vgParamsPerYear,
} from '../../../src/engine/risk';
import { expectRel, fixtureJson, fixtureSeries } from './helpers';

const hb = fixtureJson('heavy_barrier.json');
const base = { spot: 100, side: 'long' as const, sigma: 0.8, years: hb.T, mu: 0 };

describe('liquidationProbability tail models', () => {
  it('vg = max(P_GBM, Lévy bound) with the heavy_barrier parameters', () => {
    for (const row of hb.rows) {
      const vg = { c: 0, sigma: 0.8, theta: 0, nu: row.nu_years };
      const p = liquidationProbability({ ...base, barrier: row.barrier, tails: 'vg', vg });
      expectRel(p, Math.max(row.gbm_closed, row.levy_bound_2P), 1e-9);
    }
  });
  it('vg/evt without fitted parameters fall back to student-t', () => {
    const x = { ...base, barrier: 70 };
    expect(liquidationProbability({ ...x, tails: 'vg' })).toBe(studentTBound({ ...x, k: 4 }));
    expect(liquidationProbability({ ...x, tails: 'evt', k: 7 })).toBe(studentTBound({ ...x, k: 7 }));
  });
  it('evt = max(P_GBM, min(1, m·P̄_GPD(a))) beyond the threshold, GBM inside it', () => {
    const r = fixtureSeries('losses_t3_2000.csv').map((l) => -l); // returns whose losses are the t₃ sample
    const tail = fitEvtTail(r, 'long', 1 / 365, 100)!;
    const fit = fitPot(r.map((x) => -x), 100)!;
    expectRel(tail.xi, fit.xi, 1e-15);
    const far = { ...base, sigma: 0.5, years: 7 / 365, barrier: 100 * Math.exp(-0.15) };
    const expected = Math.max(firstPassageGbm(far), 7 * (potExceedance(fit, 0.15) as number));
    expectRel(liquidationProbability({ ...far, tails: 'evt', evt: tail }), expected, 1e-14);
    const veryFar = { ...far, barrier: 100 * Math.exp(-0.4) };
    expect(liquidationProbability({ ...veryFar, tails: 'evt', evt: tail })).toBeGreaterThan(1000 * firstPassageGbm(veryFar));
    const near = { ...far, barrier: 99 };
    expect(liquidationProbability({ ...near, tails: 'evt', evt: tail })).toBe(firstPassageGbm(near));
  });
  it('crossed ⇒ 1 and T = 0 ⇒ 0 under every model', () => {
    const vg = { c: 0, sigma: 0.8, theta: 0, nu: 0.01 };
    const tail = { u: 0.05, k: 100, n: 1000, xi: 0.3, beta: 0.02, barYears: 1 / 365 };
    for (const tails of ['gbm', 'student-t', 'vg', 'evt'] as const) {
      expect(liquidationProbability({ ...base, barrier: 101, tails, vg, evt: tail })).toBe(1);
      expect(liquidationProbability({ ...base, barrier: 80, years: 0, tails, vg, evt: tail })).toBe(0);
    }
  });
  it('short side under VG uses the upper tail', () => {
    const vg = { c: 0, sigma: 0.8, theta: 0, nu: 5 / 365 };
    const x = { ...base, side: 'short' as const, barrier: 150 };
    expectRel(liquidationProbability({ ...x, tails: 'vg', vg }), Math.max(firstPassageGbm(x), vgLevyBound(x, vg) as number), 1e-14);
  });
});

describe('selectTailModel (docs/format.md §6: vg/evt need ≥ 500 bars)', () => {
  it('falls back with a reason below 500 bars', () => {
    expect(selectTailModel('vg', 499)).toMatchObject({ tails: 'student-t', code: 'tails-fallback' });
    expect(selectTailModel('evt', 10).reason).toContain('500');
    expect(selectTailModel('vg', 500)).toEqual({ tails: 'vg', code: null, reason: null });
    expect(selectTailModel('gbm', 0).tails).toBe('gbm');
    expect(selectTailModel('student-t', 0).tails).toBe('student-t');
  });
  it('fitVgTail needs ≥ 500 returns and converts the VG MLE to per-year units', () => {
    const x = fixtureSeries('vg_a_5000.csv');
    const p = fitVgTail(x, 1 / 365)!;
    const mle = fixtureJson('heavy_tails.json').vg_mle;
    expectRel(p.nu, mle.nu / 365, 1e-2);
    expectRel(p.sigma, mle.sigma * Math.sqrt(365), 1e-2);
    expectRel(p.theta, mle.theta * 365, 1e-2);
    expect(fitVgTail(x.slice(0, 499), 1 / 365)).toBeNull();
  });
  it('fitVgTail on a 744-bar series (a month of hourly bars) is the converged MLE, per year', () => {
    const x = fixtureSeries('vg_a_5000.csv').slice(0, 744);
    const mle = vgFitMle(x, vgFitMoments(x)!.exact!)!;
    expect(mle.converged).toBe(true);
    expect(fitVgTail(x, 1 / 8760)).toEqual(vgParamsPerYear(mle.params, 1 / 8760));
  });
});
