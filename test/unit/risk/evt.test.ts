import { describe, expect, it } from 'vitest';
import {
  fitPot, gpdCdf, gpdFitProfile, gpdMomentFit, gpdNegLogLik, gpdQuantile, gpdSurvival, hillEstimator, hillQuantile,
  potExceedance, potVarEs, quantileType7,
} from '../../../src/engine/risk';
import { expectRel, fixtureJson, fixtureSeries } from './helpers';

const ht = fixtureJson('heavy_tails.json');
const R = fixtureJson('heavy_tails_R.json');
const losses = fixtureSeries('losses_t3_2000.csv');
const det = fixtureSeries('gpd_deterministic_1000.csv');

describe('GPD functions (docs/risk.md §3.3, closed forms 1e-12)', () => {
  for (const row of ht.gpd_values) {
    it(`ξ=${row.xi} β=${row.beta}`, () => {
      for (const y of ['0.5', '1.0', '3.0']) expectRel(gpdCdf(Number(y), row.xi, row.beta), row[`cdf(${y})`], 1e-12, `G(${y})`);
      expectRel(gpdQuantile(0.9, row.xi, row.beta), row['ppf(0.9)'], 1e-12);
      expectRel(gpdQuantile(0.99, row.xi, row.beta), row['ppf(0.99)'], 1e-12);
      expectRel((gpdSurvival(1, row.xi, row.beta) as number) + (gpdCdf(1, row.xi, row.beta) as number), 1, 1e-15);
    });
  }
  it('R evd::pgpd / qgpd', () => {
    const sets = { a: [0.3, 1], b: [0, 1], c: [-0.2, 1] } as const;
    for (const [key, [xi, beta]] of Object.entries(sets)) {
      [0.5, 1, 3].forEach((y, i) => expectRel(gpdCdf(y, xi, beta), R.pgpd[key][i], 1e-12));
    }
    [0.9, 0.99].forEach((p, i) => {
      expectRel(gpdQuantile(p, 0.3, 1), R.qgpd.a[i], 1e-12);
      expectRel(gpdQuantile(p, 0.5, 0.02), R.qgpd.d[i], 1e-12);
    });
  });
  it('support edges and bad parameters', () => {
    expect(gpdCdf(10, -0.2, 1)).toBe(1);
    expect(gpdCdf(-1, 0.3, 1)).toBe(0);
    expect(gpdCdf(1, 0.3, 0)).toBeNull();
    expect(gpdQuantile(1, 0.3, 1)).toBeNull();
  });
});

describe('Hill estimator on losses_t3_2000.csv (estimators 1e-10)', () => {
  for (const k of ['50', '100', '200']) {
    it(`k = ${k}`, () => {
      const h = hillEstimator(losses, Number(k));
      const ref = ht.hill[k];
      expectRel(h?.u, ref.u, 1e-12);
      expectRel(h?.xi, ref.xi_hill, 1e-10);
      expectRel(h?.alpha, ref.alpha_hill, 1e-10);
      for (const q of ['0.99', '0.995', '0.999']) expectRel(hillQuantile(h!, Number(q)), ref[`q${q}`], 1e-10, `x̂_${q}`);
    });
  }
  it('R check and the deterministic sample', () => {
    expectRel(hillEstimator(losses, 100)?.xi, R.hill_k100, 1e-10);
    expectRel(hillEstimator(det, 100)?.xi, ht.gpd_deterministic.hill_k100, 1e-10);
    expect(hillEstimator(losses, 0)).toBeNull();
  });
});

describe('GPD POT fit by the profile likelihood (fits 1e-4) and McNeil–Frey VaR/ES', () => {
  for (const k of ['100', '200']) {
    const ref = ht.gpd_pot[k];
    const fit = fitPot(losses, Number(k));
    it(`k = ${k}: ξ, β, −ℓ, θ`, () => {
      expectRel(fit?.u, ref.u, 1e-12);
      expectRel(fit?.meanExcess, ref.mean_excess, 1e-10);
      expectRel(fit?.xi, ref.xi_mle, 1e-4, 'ξ');
      expectRel(fit?.beta, ref.beta_mle, 1e-4, 'β');
      expectRel(fit?.theta, ref.theta_profile, 1e-4, 'θ');
      expectRel(fit?.nll, ref.nll, 1e-9, '−ℓ');
      // at least as good as every package's optimum
      expect(fit!.nll).toBeLessThanOrEqual(ref.nll_nelder_mead + 1e-9);
      expect(fit!.nll).toBeLessThanOrEqual(R[`pot_k${k}`].evd_nllh);
    });
    it(`k = ${k}: tail VaR/ES at 99 %, 99.5 %, 99.9 %`, () => {
      for (const q of ['0.99', '0.995', '0.999']) {
        const r = potVarEs(fit!, Number(q));
        expectRel(r?.var, ref[`VaR${q}`], 1e-4, `VaR ${q}`);
        expectRel(r?.es, ref[`ES${q}`], 1e-4, `ES ${q}`);
      }
    });
    it(`k = ${k}: GPD moment estimator and −ℓ at the package estimates`, () => {
      const x = [...losses].sort((a, b) => b - a);
      const y = x.slice(0, Number(k)).map((v) => v - ref.u);
      const m = gpdMomentFit(y);
      expectRel(m?.xi, ref.xi_mom, 1e-10);
      expectRel(m?.beta, ref.beta_mom, 1e-10);
      expectRel(gpdNegLogLik(y, ref.xi_nelder_mead, ref.beta_nelder_mead), ref.nll_nelder_mead, 1e-12);
      const evd = R[`pot_k${k}`];
      expectRel(gpdNegLogLik(y, evd.evd_fpot.shape, evd.evd_fpot.scale), evd.evd_nllh, 1e-10);
    });
  }
  it('fExtremes gpdRiskMeasures at its own estimates (k = 100)', () => {
    const fx = R.pot_k100;
    for (const row of fx.fExtremes_risk) {
      const r = potVarEs({ u: fx.u, k: 100, n: 2000, xi: fx.fExtremes_fit.xi, beta: fx.fExtremes_fit.beta }, row.p);
      expectRel(r?.var, row.quantile, 1e-9);
      expectRel(r?.es, row.shortfall, 1e-9);
    }
  });
  it('deterministic GPD(0.3, 1) sample: profile MLE and moment estimator', () => {
    const g = ht.gpd_deterministic;
    const fit = gpdFitProfile(det);
    expectRel(fit?.xi, g.xi_mle, 1e-4);
    expectRel(fit?.beta, g.beta_mle, 1e-4);
    expectRel(fit?.nll, g.nll, 1e-9);
    expectRel(fit?.xi, R.gpd_det_fpot.shape, 1e-4, 'evd');
    const m = gpdMomentFit(det);
    expectRel(m?.xi, g.xi_mom, 1e-10);
    expectRel(m?.beta, g.beta_mom, 1e-10);
  });
  it('empirical type-7 quantiles of the losses and the true t₃ values are bracketed by the fit', () => {
    const t = ht.t3_truth_and_empirical;
    const sorted = [...losses].sort((a, b) => a - b);
    for (const q of ['0.99', '0.995', '0.999']) expectRel(quantileType7(sorted, Number(q)), t[`emp_VaR${q}_type7`], 1e-10);
    const r = potVarEs(fitPot(losses, 100)!, 0.999);
    expect(Math.abs((r?.var as number) / t['VaR0.999'] - 1)).toBeLessThan(0.1);
  });
  it('exceedance probability and the domain q > 1 − k/n', () => {
    const fit = fitPot(losses, 100)!;
    const v = potVarEs(fit, 0.995)!.var;
    expectRel(potExceedance(fit, v), 0.005, 1e-12);
    expect(potExceedance(fit, fit.u / 2)).toBeNull();
    expect(potVarEs(fit, 0.9)).toBeNull();
    expect(fitPot(losses, 2)).toBeNull();
  });
});
