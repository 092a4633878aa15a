import { describe, expect, it } from 'vitest';
import {
  firstPassageGbm, vgCdf, vgFitMoments, vgLevyBound, vgMartingaleCorrection, vgMoments, vgPdf, vgQuantile, vgSurvival,
} from '../../../src/engine/risk';
import { expectRel, fixtureJson, fixtureSeries } from './helpers';

const ht = fixtureJson('heavy_tails.json');
const R = fixtureJson('heavy_tails_R.json');
const hb = fixtureJson('heavy_barrier.json');
const XS = ['-0.1', '-0.05', '-0.01', '0.01', '0.05'];

describe('Variance Gamma pdf/cdf/quantile (docs/risk.md §3.2, closed forms 1e-9)', () => {
  for (const set of ht.vg) {
    const p = { c: set.c, sigma: set.sigma, theta: set.theta, nu: set.nu };
    const r = R.vg[set.name.slice(3)];
    it(`${set.name}: density vs mpmath and R dvg`, () => {
      XS.forEach((x, i) => {
        expectRel(vgPdf(Number(x), p), set.pdf_mp[x], 1e-12, `pdf(${x}) mpmath`);
        expectRel(vgPdf(Number(x), p), r.dvg[i], 1e-12, `pdf(${x}) R`);
      });
      expectRel(vgPdf(set.c, p), set.pdf_at_c, 1e-12, 'f(c)');
    });
    it(`${set.name}: CDF by the gamma mixture vs ∫pdf`, () => {
      for (const x of XS) {
        expectRel(vgCdf(Number(x), p), set.cdf_dens[x], 1e-11, `F(${x})`);
        expectRel(vgCdf(Number(x), p), set.cdf_mix[x], 1e-11, `F(${x}) mixture`);
        expectRel((vgSurvival(Number(x), p) as number) + (vgCdf(Number(x), p) as number), 1, 1e-14, 'S + F = 1');
      }
    });
    it(`${set.name}: quantiles (bisection column, not R qvg)`, () => {
      for (const q of ['0.001', '0.01', '0.05']) expectRel(vgQuantile(Number(q), p), set.ppf[q], 1e-9, `q(${q})`);
    });
    it(`${set.name}: moments from the cumulants`, () => {
      const m = vgMoments(p);
      expectRel(m?.mean, set.mean, 1e-12);
      expectRel(m?.variance, set.var, 1e-12);
      if (set.skew === 0) expect(m?.skewness).toBe(0);
      else expectRel(m?.skewness, set.skew, 1e-12);
      expectRel(m?.excessKurtosis, set.excess_kurt, 1e-12);
      expectRel((m?.excessKurtosis as number) + 3, r.kurt, 1e-12, 'R raw kurtosis');
    });
  }
  it('a ≤ ½: the density is infinite at c; bad parameters are null', () => {
    expect(vgPdf(0, { c: 0, sigma: 0.02, theta: 0, nu: 1 }, 0.4)).toBe(Infinity);
    expect(vgPdf(0.01, { c: 0, sigma: -1, theta: 0, nu: 1 })).toBeNull();
    expect(vgCdf(0.01, { c: 0, sigma: 0.02, theta: 0, nu: 0 })).toBeNull();
  });
});

describe('VG method of moments on vg_a_5000.csv (Seneta 2004; estimators 1e-10)', () => {
  const x = fixtureSeries('vg_a_5000.csv');
  const ref = ht.vg_mom;
  const fit = vgFitMoments(x);
  it('sample moments (sample sd in skewness and kurtosis)', () => {
    expect(x).toHaveLength(ref.n);
    expectRel(fit?.sample.mean, ref.mean, 1e-10);
    expectRel(fit?.sample.variance, ref.var, 1e-10);
    expectRel(fit?.sample.skewness, ref.skew, 1e-10);
    expectRel(fit?.sample.excessKurtosis, ref.excess_kurt, 1e-10);
  });
  it('approximate and exact fits', () => {
    for (const k of ['c', 'sigma', 'theta', 'nu'] as const) {
      expectRel(fit?.approx[k], ref.approx[k], 1e-10, `approx ${k}`);
      expectRel(fit?.exact?.[k], ref.exact[k], 1e-8, `exact ${k}`);
    }
  });
});

describe('VG Lévy bound on the liquidation probability (docs/risk.md §3.4)', () => {
  for (const row of hb.rows) {
    it(`daily kurtosis ${Math.round(row.daily_excess_kurtosis)}, B = ${row.barrier.toFixed(2)}`, () => {
      const p = { c: 0, sigma: hb.sigma, theta: 0, nu: row.nu_years };
      expectRel(vgMartingaleCorrection(p), row.omega, 1e-12, 'ω');
      const bound = vgLevyBound({ spot: hb.S0, barrier: row.barrier, side: 'long', years: hb.T, mu: 0 }, p);
      expectRel(bound, row.levy_bound_2P, 1e-9, 'Lévy bound');
      expectRel(firstPassageGbm({ spot: hb.S0, barrier: row.barrier, side: 'long', sigma: hb.sigma, years: hb.T, mu: 0 }), row.gbm_closed, 1e-12, 'GBM');
      // the bound held against the reference Monte Carlo in every case
      expect(bound as number).toBeGreaterThan(row.mc_vg - 4 * row.mc_se);
    });
  }
  it('short side uses the upper tail', () => {
    const p = { c: 0, sigma: 0.8, theta: 0, nu: 1 / 365 };
    const up = vgLevyBound({ spot: 100, barrier: 125, side: 'short', years: 7 / 365, mu: 0 }, p) as number;
    const omega = vgMartingaleCorrection(p) as number;
    expectRel(up, 2 * (vgSurvival(Math.log(1.25) - omega * 7 / 365, p, 7 / 365) as number), 1e-14);
    expect(up).toBeGreaterThan(0);
    expect(up).toBeLessThan(0.2);
  });
});
