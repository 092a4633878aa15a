import { describe, expect, it } from 'vitest';
import { besselK, erfc, gamma, gammaln, normCdf, normQuantile, tCdf, tQuantile } from '../../../src/engine/risk';
import { expectRel, fixtureJson } from './helpers';

const refs = fixtureJson('special_refs.json');

describe('special functions vs 50-digit mpmath (special_refs.json)', () => {
  it('Φ: relative 1.4e-13 down to −37.5 (docs/risk.md §8), 0 below', () => {
    for (const [x, y] of refs.norm_cdf) {
      if (y === 0) expect(normCdf(x)).toBe(0);
      else expectRel(normCdf(x), y, 2e-13, `Φ(${x})`);
    }
  });
  it('Φ⁻¹ = Acklam + one Halley step: exact to ~1 ulp down to p = 1e-300', () => {
    for (const [p, x] of refs.norm_ppf) expectRel(normQuantile(p), x, x === 0 ? 1e-300 : 1e-15, `Φ⁻¹(${p})`);
    expect(normQuantile(0)).toBe(-Infinity);
    expect(normQuantile(1)).toBe(Infinity);
    expect(Number.isNaN(normQuantile(2))).toBe(true);
  });
  it('Student-t CDF and quantile', () => {
    for (const [x, k, y] of refs.t_cdf) expectRel(tCdf(x, k), y, 1e-13, `F_${k}(${x})`);
    for (const [p, k, x] of refs.t_ppf) expectRel(tQuantile(p, k), x, 1e-13, `t_${k}⁻¹(${p})`);
  });
  it('lgamma, Γ, erfc', () => {
    for (const [x, y] of refs.lgamma) expectRel(gammaln(x), y, 1e-14, `lgamma(${x})`);
    for (const [x, y] of refs.gamma) expectRel(gamma(x), y, 1e-12, `Γ(${x})`);
    for (const [x, y] of refs.erfc) expectRel(erfc(x), y, 1e-14, `erfc(${x})`);
  });
  it('Bessel K_v (hand-written trapezoid rule)', () => {
    for (const [v, x, y] of refs.besselk) expectRel(besselK(v, x), y, 1e-13, `K_${v}(${x})`);
  });
});
