// Extreme value theory, peaks over threshold (docs/risk.md §3.3): GPD functions, profile-likelihood fit
// (Grimshaw 1993), GPD moment estimator, Hill (1975), McNeil & Frey (2000) tail VaR/ES.
import { mean, sampleVariance } from './moments';

/** GPD excess CDF G(y) = 1 − (1 + ξy/β)^(−1/ξ), ξ = 0: 1 − e^{−y/β}; y ≥ 0 (≤ −β/ξ when ξ < 0). */
export function gpdCdf(y: number, xi: number, beta: number): number | null {
  if (!(beta > 0) || !Number.isFinite(xi) || Number.isNaN(y)) return null;
  if (y <= 0) return 0;
  if (xi === 0) return -Math.expm1(-y / beta);
  const arg = (xi * y) / beta;
  if (arg <= -1) return 1;
  return -Math.expm1((-1 / xi) * Math.log1p(arg));
}

/** 1 − G(y), without cancellation in the far tail. */
export function gpdSurvival(y: number, xi: number, beta: number): number | null {
  if (!(beta > 0) || !Number.isFinite(xi) || Number.isNaN(y)) return null;
  if (y <= 0) return 1;
  if (xi === 0) return Math.exp(-y / beta);
  const arg = (xi * y) / beta;
  if (arg <= -1) return 0;
  return Math.exp((-1 / xi) * Math.log1p(arg));
}

/** G⁻¹(p) = (β/ξ)((1 − p)^(−ξ) − 1), ξ = 0: −β ln(1 − p). */
export function gpdQuantile(p: number, xi: number, beta: number): number | null {
  if (!(beta > 0) || !Number.isFinite(xi) || !(p >= 0 && p < 1)) return null;
  if (xi === 0) return -beta * Math.log1p(-p);
  return (beta / xi) * Math.expm1(-xi * Math.log1p(-p));
}

/** −ℓ(ξ, β) = k ln β + (1 + 1/ξ)Σ ln(1 + ξy/β) (ξ = 0: k ln β + Σy/β); Infinity outside the support. */
export function gpdNegLogLik(y: readonly number[], xi: number, beta: number): number {
  if (!(beta > 0)) return Infinity;
  let s = 0;
  for (const v of y) {
    if (xi === 0) s += v / beta;
    else {
      const arg = (xi * v) / beta;
      if (arg <= -1) return Infinity;
      s += (1 + 1 / xi) * Math.log1p(arg);
    }
  }
  return y.length * Math.log(beta) + s;
}

export interface GpdFit {
  xi: number;
  beta: number;
  /** −ℓ at the estimate. */
  nll: number;
  /** θ = ξ/β of the profile. */
  theta: number;
}

/** ξ̂(θ) = mean ln(1 + θy) and the profile log-likelihood ℓ_p(θ) = −k(ln(ξ̂/θ) + ξ̂ + 1) (Grimshaw 1993). */
function profile(y: readonly number[], theta: number, ybar: number): { xi: number; beta: number; ll: number } {
  const k = y.length;
  if (Math.abs(theta) * ybar < 1e-13) return { xi: 0, beta: ybar, ll: -k * (Math.log(ybar) + 1) };
  let s = 0;
  for (const v of y) s += Math.log1p(theta * v);
  const xi = s / k;
  const beta = xi / theta;
  return { xi, beta, ll: beta > 0 ? -k * (Math.log(beta) + xi + 1) : -Infinity };
}

function goldenMax(f: (x: number) => number, lo: number, hi: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 300 && Math.abs(b - a) > 1e-15 * (Math.abs(a) + Math.abs(b)); i++) {
    if (fc > fd) {
      b = d; d = c; fd = fc; c = b - g * (b - a); fc = f(c);
    } else {
      a = c; c = d; fc = fd; d = a + g * (b - a); fd = f(d);
    }
  }
  return 0.5 * (a + b);
}

/**
 * GPD maximum likelihood by the 1-D profile in θ ∈ (−1/max y, ∞): log grid, then golden section on the best
 * bracket (docs/risk.md §3.3: reaches a lower −ℓ than evd::fpot and fExtremes::gpdFit). null for < 3 positive excesses.
 */
export function gpdFitProfile(excesses: readonly number[]): GpdFit | null {
  const y = excesses.filter((v) => Number.isFinite(v) && v >= 0);
  if (y.length < 3) return null;
  const ybar = mean(y);
  const ymax = Math.max(...y);
  if (!(ybar > 0)) return null;
  // t = θ·ȳ on a signed log grid; the negative side stops just short of −ȳ/max y
  const grid: number[] = [];
  for (let e = -8; e <= 6; e += 0.05) grid.push(10 ** e);
  const negEdge = ybar / ymax;
  for (let e = -8; e <= 0; e += 0.05) grid.push(-negEdge * (1 - 10 ** e), -negEdge * 10 ** e);
  grid.push(0);
  grid.sort((a, b) => a - b);
  const ll = (t: number): number => profile(y, t / ybar, ybar).ll;
  let bestIdx = 0;
  let best = -Infinity;
  grid.forEach((t, i) => {
    const v = ll(t);
    if (v > best) { best = v; bestIdx = i; }
  });
  const lo = grid[Math.max(0, bestIdx - 1)] as number;
  const hi = grid[Math.min(grid.length - 1, bestIdx + 1)] as number;
  const tStar = goldenMax(ll, lo, hi);
  const theta = tStar / ybar;
  const pr = profile(y, theta, ybar);
  return { xi: pr.xi, beta: pr.beta, nll: gpdNegLogLik(y, pr.xi, pr.beta), theta };
}

/** GPD moment start: ξ₀ = ½(1 − ȳ²/s²), β₀ = ½ȳ(ȳ²/s² + 1), s² the sample variance. */
export function gpdMomentFit(excesses: readonly number[]): { xi: number; beta: number } | null {
  if (excesses.length < 2) return null;
  const m = mean(excesses);
  const s2 = sampleVariance(excesses);
  if (!(s2 > 0)) return null;
  const r = (m * m) / s2;
  return { xi: 0.5 * (1 - r), beta: 0.5 * m * (r + 1) };
}

function descending(x: readonly number[]): number[] {
  return x.filter(Number.isFinite).sort((a, b) => b - a);
}

export interface HillEstimate {
  xi: number;
  /** Tail index 1/ξ. */
  alpha: number;
  /** Threshold x₍k+1₎. */
  u: number;
  k: number;
  n: number;
}

/** Hill (1975): ξ̂ = (1/k)Σ_{i≤k} ln x₍i₎ − ln x₍k+1₎ (descending), needs x₍k+1₎ > 0. */
export function hillEstimator(losses: readonly number[], k: number): HillEstimate | null {
  const x = descending(losses);
  if (!Number.isInteger(k) || k < 1 || k >= x.length) return null;
  const u = x[k] as number;
  if (!(u > 0)) return null;
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log(x[i] as number);
  const xi = s / k - Math.log(u);
  return { xi, alpha: 1 / xi, u, k, n: x.length };
}

/** Hill tail quantile x̂_q = x₍k+1₎·((n/k)(1 − q))^(−ξ̂). */
export function hillQuantile(h: HillEstimate, q: number): number | null {
  if (!(q > 1 - h.k / h.n && q < 1)) return null;
  return h.u * Math.pow((h.n / h.k) * (1 - q), -h.xi);
}

export interface PotFit extends GpdFit {
  /** Threshold u = x₍k+1₎. */
  u: number;
  k: number;
  n: number;
  meanExcess: number;
}

/** Peaks over threshold: the k largest losses' excesses over u = x₍k+1₎, fitted by the profile likelihood. */
export function fitPot(losses: readonly number[], k: number): PotFit | null {
  const x = descending(losses);
  if (!Number.isInteger(k) || k < 3 || k >= x.length) return null;
  const u = x[k] as number;
  const y = x.slice(0, k).map((v) => v - u);
  const fit = gpdFitProfile(y);
  return fit === null ? null : { ...fit, u, k, n: x.length, meanExcess: mean(y) };
}

/**
 * McNeil & Frey (2000): VaR_q = u + (β/ξ)(((n/k)(1 − q))^(−ξ) − 1), ES_q = VaR_q/(1 − ξ) + (β − ξu)/(1 − ξ),
 * for q > 1 − k/n; ES null when ξ ≥ 1 (infinite mean).
 */
export function potVarEs(fit: Pick<PotFit, 'u' | 'k' | 'n' | 'xi' | 'beta'>, q: number): { var: number; es: number | null } | null {
  if (!(q > 1 - fit.k / fit.n && q < 1)) return null;
  const r = (fit.n / fit.k) * (1 - q);
  const v = fit.xi === 0 ? fit.u - fit.beta * Math.log(r) : fit.u + (fit.beta / fit.xi) * Math.expm1(-fit.xi * Math.log(r));
  const es = fit.xi < 1 ? v / (1 - fit.xi) + (fit.beta - fit.xi * fit.u) / (1 - fit.xi) : null;
  return { var: v, es };
}

/** P(loss > x) from the POT fit: (k/n)(1 + ξ(x − u)/β)^(−1/ξ) for x ≥ u; null below the threshold. */
export function potExceedance(fit: Pick<PotFit, 'u' | 'k' | 'n' | 'xi' | 'beta'>, x: number): number | null {
  if (!(x >= fit.u)) return null;
  const s = gpdSurvival(x - fit.u, fit.xi, fit.beta);
  return s === null ? null : (fit.k / fit.n) * s;
}
