import { describe, expect, it } from 'vitest';
import {
  cornishFisherValidity, cornishFisherVarEs, cornishFisherZ, gaussianVarEs, historicalVarEs, linearNormalVarEs,
  lognormalVarEs, marginAtRisk, normQuantile, portfolioVarEs, sampleMoments, standardTVarEs, studentTVarEs,
} from '../../../src/engine/risk';
import { expectRel, fixtureJson, fixtureSeries } from './helpers';

const v = fixtureJson('var_es.json');
const vR = fixtureJson('var_es_R.json');
const ht = fixtureJson('heavy_tails.json');
const returns = fixtureSeries('returns_250.csv');

describe('single position, parametric (docs/risk.md §4.1, closed forms 1e-12)', () => {
  const sp = v.single_position;
  for (const row of sp.rows) {
    it(`h=${row.h_days}d α=${row.conf}`, () => {
      const base = { notional: sp.notional, sigma: sp.sigma, mu: sp.mu, years: row.h_days / 365, confidence: row.conf };
      const lin = linearNormalVarEs(base);
      expectRel(lin?.var, row.VaR_linear, 1e-12, 'VaR linear');
      expectRel(lin?.es, row.ES_linear, 1e-12, 'ES linear');
      const long = lognormalVarEs({ ...base, side: 'long' });
      expectRel(long?.var, row.VaR_long_lognormal, 1e-12, 'VaR long');
      expectRel(long?.es, row.ES_long_lognormal, 1e-12, 'ES long');
      const short = lognormalVarEs({ ...base, side: 'short' });
      expectRel(short?.var, row.VaR_short_lognormal, 1e-12, 'VaR short');
      expectRel(short?.es, row.ES_short_lognormal, 1e-12, 'ES short');
      expectRel((lin?.var as number) / sp.margin, row.VaR_linear_pct_margin, 1e-12, 'VaR/margin');
      expectRel(marginAtRisk(long?.var as number, sp.margin), row.VaR_long_capped_at_margin, 1e-12, 'capped');
    });
  }
  it('lognormal ES agrees with the quadrature check', () => {
    const es = lognormalVarEs({ notional: 100000, sigma: 0.8, mu: 0, years: 1 / 365, confidence: 0.99, side: 'long' })?.es;
    expectRel(es, sp.ES_long_lognormal_1d_99_quad, 1e-12);
  });
  it('bad input is null', () => {
    expect(linearNormalVarEs({ notional: 1, sigma: 0.8, mu: 0, years: 1, confidence: 1 })).toBeNull();
    expect(lognormalVarEs({ notional: 1, sigma: -1, mu: 0, years: 1, confidence: 0.99, side: 'long' })).toBeNull();
  });
});

describe('Student-t (docs/risk.md §3.1)', () => {
  for (const row of ht.student_t) {
    it(`ν = ${row.nu}: standard ES₀.₉₉ formula and unit-variance quantiles/ES`, () => {
      expectRel(standardTVarEs(row.nu, 0.99).es, row['ES0.99'], 1e-12, 'ES std t');
      expectRel(standardTVarEs(row.nu, 0.99).es, row['ES0.99_quad'], 1e-12, 'ES quadrature');
      for (const a of ['0.95', '0.975', '0.99', '0.999']) {
        expectRel(studentTVarEs({ mean: 0, sigma: 1, nu: row.nu, confidence: Number(a) })?.var, row[`q${a}_std`], 1e-12, `q${a}_std`);
      }
      expectRel(studentTVarEs({ mean: 0, sigma: 1, nu: row.nu, confidence: 0.99 })?.es, row['ES0.99_std'], 1e-12, 'ES unit var');
    });
  }
  it('daily example: σ = 0.8/√365, ν = 4, VaR₉₉/ES₉₉ vs normal', () => {
    const ex = ht.t_daily_example;
    const t = studentTVarEs({ mean: 0, sigma: ex.sigma_daily, nu: 4, confidence: 0.99 });
    expectRel(t?.var, ex.VaR99_ret, 1e-12);
    expectRel(t?.es, ex.ES99_ret, 1e-12);
    const n = linearNormalVarEs({ notional: 1, sigma: ex.sigma_daily, mu: 0, years: 1, confidence: 0.99 });
    expectRel(n?.var, ex.VaR99_normal, 1e-12);
    expectRel(n?.es, ex.ES99_normal, 1e-12);
  });
  it('normal reference ES', () => {
    expectRel(linearNormalVarEs({ notional: 1, sigma: 1, mu: 0, years: 1, confidence: 0.99 })?.es, ht.normal_ref.ES99, 1e-12);
    expectRel(linearNormalVarEs({ notional: 1, sigma: 1, mu: 0, years: 1, confidence: 0.975 })?.es, ht.normal_ref.ES975, 1e-12);
  });
  it('generating law of returns_250 (0.0005 + σ_d√½·T₄)', () => {
    const sd = 0.8 / Math.sqrt(365);
    const t99 = studentTVarEs({ mean: 0.0005, sigma: sd, nu: 4, confidence: 0.99 });
    expectRel(t99?.var, v.historical.true_VaR99, 1e-12);
    expectRel(t99?.es, v.historical.true_ES99, 1e-12);
    const t95 = studentTVarEs({ mean: 0.0005, sigma: sd, nu: 4, confidence: 0.95 });
    expectRel(t95?.var, v.historical.true_VaR95, 1e-12);
    expectRel(t95?.es, v.historical.true_ES95, 1e-12);
  });
});

describe('historical, Gaussian and Cornish–Fisher on returns_250 (docs/risk.md §4.2, estimators 1e-10)', () => {
  const h = v.historical;
  it('sample moments', () => {
    const m = sampleMoments(returns);
    expectRel(m?.mean, h.mean, 1e-10);
    expectRel(m?.sdSample, h.sd_sample, 1e-10);
    expectRel(m?.sdPop, h.sd_pop, 1e-10);
    expectRel(m?.skewness, h.skew_pop, 1e-10);
    expectRel(m?.excessKurtosis, h.exkurt_pop, 1e-10);
    expectRel(m?.skewness, vR.skewness_moment, 1e-10, 'R');
    expectRel(m?.excessKurtosis, vR.kurtosis_excess, 1e-10, 'R');
  });
  for (const a of ['0.95', '0.99']) {
    const ref = h[`c${a}`];
    const R = vR[`c${a}`];
    it(`α = ${a}: every historical convention`, () => {
      const r = historicalVarEs(returns, Number(a));
      expectRel(r?.varType7, ref.VaR_hist_type7, 1e-10, 'type7');
      expectRel(r?.varType7, -R.VaR_historical, 1e-10, 'R type7');
      expectRel(r?.esBelowType7, ref.ES_hist_PA_style, 1e-10, 'PA ES');
      expectRel(r?.esBelowType7, -R.ES_historical, 1e-10, 'R ES');
      expect(r?.orderStatistic).toBe(ref.order_stat_m);
      expectRel(r?.varOrderStatistic, ref.VaR_hist_orderstat, 1e-10, 'order stat');
      expectRel(r?.esWorstM, ref.ES_hist_worst_m, 1e-10, 'worst m');
      expectRel(r?.esAcerbiTasche, ref.ES_hist_acerbi_tasche, 1e-10, 'Acerbi–Tasche');
    });
    it(`α = ${a}: Gaussian (population and sample sd)`, () => {
      const g = gaussianVarEs(returns, Number(a));
      expectRel(g?.var, ref.VaR_gauss_pop, 1e-10);
      expectRel(g?.var, -R.VaR_gaussian, 1e-10, 'R');
      expectRel(g?.es, ref.ES_gauss_pop, 1e-10);
      expectRel(g?.es, -R.ES_gaussian, 1e-10, 'R');
      expectRel(gaussianVarEs(returns, Number(a), 'sample')?.var, ref.VaR_gauss_sample, 1e-10);
    });
    it(`α = ${a}: Cornish–Fisher VaR and modified ES`, () => {
      const cf = cornishFisherVarEs(returns, Number(a));
      expectRel(cf?.zCf, ref.z_cf, 1e-10);
      expectRel(cf?.var, ref.VaR_cornish_fisher, 1e-10);
      expectRel(cf?.var, -R.VaR_modified, 1e-10, 'R');
      expectRel(cf?.eG, ref.E_G, 1e-10);
      expectRel(cf?.es, ref.mES_operational, 1e-10);
      expectRel(cf?.es, -R.ES_modified_operational, 1e-10, 'R');
    });
  }
  it('Cornish–Fisher validity of this sample', () => {
    const c = cornishFisherValidity(h.skew_pop, h.exkurt_pop);
    const ref = h.cf_monotone;
    expectRel(c.A, ref.A, 1e-12);
    expectRel(c.B, ref.B, 1e-12);
    expectRel(c.C, ref.C, 1e-12);
    expectRel(c.discriminant, ref.discriminant, 1e-12);
    expect(c.monotone).toBe(ref.monotone);
  });
  for (const row of v.cornish_fisher_table) {
    it(`z_cf table S=${row.skew} K=${row.exkurt}`, () => {
      expectRel(cornishFisherZ(normQuantile(0.05), row.skew, row.exkurt), row['z_cf_0.05'], 1e-12);
      expectRel(cornishFisherZ(normQuantile(0.01), row.skew, row.exkurt), row['z_cf_0.01'], 1e-12);
      expect(cornishFisherValidity(row.skew, row.exkurt).monotone).toBe(row.monotone);
    });
  }
  it('too few returns / bad α are null', () => {
    expect(historicalVarEs([0.1], 0.99)).toBeNull();
    expect(cornishFisherVarEs([1, 1, 1], 0.99)).toBeNull();
    expect(gaussianVarEs(returns, 0)).toBeNull();
  });
});

describe('portfolio VaR/ES with Euler contributions (docs/risk.md §4.3)', () => {
  const p = v.portfolio;
  for (const a of ['0.99', '0.975']) {
    it(`α = ${a}`, () => {
      const r = portfolioVarEs({ notionals: p.notional, vols: p.vol, correlation: p.corr, years: p.h_days / 365, confidence: Number(a) });
      const ref = p[`c${a}`];
      expectRel(r?.sigma, p.sigma_pnl, 1e-12, 'σ_P');
      expectRel(r?.var, ref.VaR, 1e-12, 'VaR');
      expectRel(r?.es, ref.ES, 1e-12, 'ES');
      ref.marginal_VaR.forEach((x: number, i: number) => expectRel(r?.marginal[i], x, 1e-12, `marginal ${i}`));
      ref.component_VaR.forEach((x: number, i: number) => expectRel(r?.component[i], x, 1e-12, `component ${i}`));
      ref.component_ES.forEach((x: number, i: number) => expectRel(r?.componentEs[i], x, 1e-12, `component ES ${i}`));
      ref.standalone_VaR.forEach((x: number, i: number) => expectRel(r?.standalone[i], x, 1e-12, `standalone ${i}`));
      expectRel(r?.diversification, ref.diversification_benefit, 1e-11, 'diversification');
      expectRel(r?.component.reduce((s, x) => s + x, 0), ref.component_sum, 1e-12, 'Σ components');
    });
  }
  it('R PerformanceAnalytics component VaR/ES', () => {
    const r = portfolioVarEs({ notionals: p.notional, vols: p.vol, correlation: p.corr, years: 1 / 365, confidence: 0.99 });
    expectRel(r?.var, vR.portfolio_gaussian_VaR99.VaR, 1e-12);
    vR.portfolio_gaussian_VaR99.contribution.forEach((x: number, i: number) => expectRel(r?.component[i], x, 1e-12));
    expectRel(r?.es, vR.portfolio_gaussian_ES99.ES, 1e-12);
    vR.portfolio_gaussian_ES99.contribution.forEach((x: number, i: number) => expectRel(r?.componentEs[i], x, 1e-12));
  });
  it('inconsistent dimensions or a non-PSD matrix are null', () => {
    expect(portfolioVarEs({ notionals: [1, 2], vols: [0.5], correlation: [[1]], years: 1, confidence: 0.99 })).toBeNull();
    expect(portfolioVarEs({ notionals: [1, 1], vols: [1, 1], correlation: [[1, -2], [-2, 1]], years: 1, confidence: 0.99 })).toBeNull();
  });
});

// Two ceilings for the number of tail order statistics m = ⌈n(1 − α)⌉:
// - the library's historicalVarEs uses a tolerant ceiling ⌈n(1 − α) − 1e-9⌉, so n = 2000, α = 0.99 gives the
//   mathematically exact m = 20 (n(1 − α) is exactly 20 in real arithmetic);
// - the reference script (vectors/risk/heavy_tails.json `emp_ES*_top*`) took a plain float ceiling, and
//   2000·(1 − 0.99) = 20.000000000000018 in doubles, hence its "top21" (likewise top11, top3).
// The default stays tolerant; reproducing the published numbers needs the reference's float m.
describe('empirical ES of losses_t3_2000 with the reference\'s float ceiling (heavy_tails.json t3_truth_and_empirical)', () => {
  const losses = fixtureSeries('losses_t3_2000.csv');
  const t = ht.t3_truth_and_empirical;
  /** Mean of the m largest losses, summed largest first (the order historicalVarEs sums its worst m returns in). */
  const meanOfTopM = (xs: readonly number[], m: number): number => [...xs].sort((a, b) => b - a).slice(0, m).reduce((s, l) => s + l, 0) / m;
  for (const [a, key, refM] of [[0.99, 'emp_ES0.99_top21', 21], [0.995, 'emp_ES0.995_top11', 11], [0.999, 'emp_ES0.999_top3', 3]] as const) {
    it(`α = ${a}: float m = ${refM} reproduces ${key}; the library default uses m = ${refM - 1}`, () => {
      const n = losses.length;
      const floatM = Math.ceil(n * (1 - a));
      expect(floatM).toBe(refM);
      expectRel(meanOfTopM(losses, floatM), t[key], 1e-12, key);
      const lib = historicalVarEs(losses.map((l) => -l), a)!;
      expect(lib.orderStatistic).toBe(refM - 1);
      expect(meanOfTopM(losses, lib.orderStatistic)).toBe(lib.esWorstM);
      expect(Math.abs(lib.esWorstM / t[key] - 1)).toBeGreaterThan(1e-6);
    });
  }
});
