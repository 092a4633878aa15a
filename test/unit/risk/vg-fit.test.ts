import { describe, expect, it } from 'vitest';
import { besselKScaled, besselKScaledTable, nelderMead, vgFitMle, vgFitMoments, vgLogLikelihood, vgPdf } from '../../../src/engine/risk';
import { expectRel, fixtureJson, fixtureSeries } from './helpers';

const ht = fixtureJson('heavy_tails.json');
const x = fixtureSeries('vg_a_5000.csv');
const ref = ht.vg_mle;

describe('Nelder–Mead (Lagarias et al. 1998 coefficients)', () => {
  const rosenbrock = (v: readonly number[]): number => 100 * ((v[1] as number) - (v[0] as number) ** 2) ** 2 + (1 - (v[0] as number)) ** 2;
  it('finds the Rosenbrock minimum (1, 1) from (−1.2, 1)', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 2000 });
    expect(r.converged).toBe(true);
    expect(Math.abs((r.x[0] as number) - 1)).toBeLessThan(1e-8);
    expect(Math.abs((r.x[1] as number) - 1)).toBeLessThan(1e-8);
    expect(r.f).toBeLessThan(1e-15);
    expect(r.iterations).toBeGreaterThan(50);
  });
  it('reports non-convergence when the iteration budget runs out, and treats NaN as +∞', () => {
    expect(nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 10 }).converged).toBe(false);
    const r = nelderMead((v) => ((v[0] as number) < 0 ? Number.NaN : ((v[0] as number) - 2) ** 2), [1]);
    expect(r.converged).toBe(true);
    expect(Math.abs((r.x[0] as number) - 2)).toBeLessThan(1e-9);
  });
});

describe('tabulated scaled Bessel K (the likelihood fast path)', () => {
  it('is bit-identical to besselKScaled over orders and 12 decades of y', () => {
    for (const v of [-0.3, 0.1, 0.5, 1.9, 4.5]) {
      const k = besselKScaledTable(v);
      for (let e = -9; e <= 3; e += 0.05) expect(k(10 ** e)).toBe(besselKScaled(v, 10 ** e));
    }
    expect(besselKScaledTable(1)(0)).toBeNaN();
  });
  it('the log-likelihood equals Σ ln vgPdf', () => {
    const p = { c: ref.c, sigma: ref.sigma, theta: ref.theta, nu: ref.nu };
    const direct = x.reduce((s, xi) => s + Math.log(vgPdf(xi, p) as number), 0);
    expectRel(vgLogLikelihood(x, p), direct, 1e-13);
    expect(vgLogLikelihood(x, { ...p, sigma: 0 })).toBe(-Infinity);
  });
});

describe('VG maximum likelihood on vg_a_5000.csv (docs/risk.md §3.2 "MLE (Nelder–Mead, Bessel density)", §9: 1e-2)', () => {
  const fit = vgFitMle(x);
  it('parameters and log-likelihood of the reference fit', () => {
    expect(fit?.converged).toBe(true);
    expectRel(fit?.params.c, ref.c, 1e-2, 'c');
    expectRel(fit?.params.sigma, ref.sigma, 1e-2, 'σ');
    expectRel(fit?.params.theta, ref.theta, 1e-2, 'θ');
    expectRel(fit?.params.nu, ref.nu, 1e-2, 'ν');
    expectRel(fit?.logLik, -ref.nll, 1e-6, 'log-likelihood (vector stores −ℓ)');
    expectRel(vgLogLikelihood(x, ref), -ref.nll, 1e-12, 'ℓ at the reference parameters');
  });
  it('the MLE log-likelihood is at least the moment fit\'s', () => {
    const mom = vgFitMoments(x);
    expect(fit!.logLik).toBeGreaterThanOrEqual(vgLogLikelihood(x, mom!.exact!));
    expect(fit!.logLik).toBeGreaterThanOrEqual(vgLogLikelihood(x, mom!.approx));
    expect(fit!.logLik).toBeGreaterThanOrEqual(-ref.nll - 1e-9 * Math.abs(ref.nll));
  });
  it('an explicit start (the truth, VG-a) converges to the same optimum', () => {
    const other = vgFitMle(x, { c: 0, sigma: 0.04, theta: -0.004, nu: 0.4 });
    expect(other?.converged).toBe(true);
    expectRel(other?.params.nu, fit!.params.nu, 1e-4);
    expectRel(other?.logLik, fit!.logLik, 1e-10);
  });
  it('bad input is null, never a throw', () => {
    expect(vgFitMle([])).toBeNull();
    expect(vgFitMle([0.01, Number.NaN, -0.02, 0.03, 0.001])).toBeNull();
    expect(vgFitMle([0.01, Infinity, -0.02, 0.03, 0.001])).toBeNull();
    expect(vgFitMle(new Array(600).fill(0.002))).toBeNull();
    expect(vgFitMle([0.01, -0.02, 0.03])).toBeNull();
    expect(vgFitMle(x, { c: 0, sigma: -1, theta: 0, nu: 0.4 })).toBeNull();
    expect(vgFitMle(null as unknown as number[])).toBeNull();
  });
});
