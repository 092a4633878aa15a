// Variance Gamma (Madan, Carr & Chang 1998, European Finance Review 2): density (Bessel form, log space),
// CDF (gamma-mixture integral), quantile, cumulants, method-of-moments fit (Seneta 2004) and the Lévy
// bound on the liquidation probability (docs/risk.md §3.2, §3.4). Parametrisation as R VarianceGamma
// (vgC, sigma, theta, nu): X(t) = c·t + θG(t) + σW(G(t)), G(t) ~ Gamma(shape t/ν, scale ν).
import { besselKScaled, gammaln, normCdf, LN_SQRT_TWO_PI } from './special';
import { integrate } from './quadrature';
import { sampleVariance, mean } from './moments';

export interface VgParams {
  c: number;
  sigma: number;
  theta: number;
  nu: number;
}

function valid(p: VgParams, t: number): boolean {
  return Number.isFinite(p.c) && p.sigma > 0 && Number.isFinite(p.sigma) && Number.isFinite(p.theta) && p.nu > 0 && Number.isFinite(p.nu) && t > 0 && Number.isFinite(t);
}

/**
 * VG density over horizon t (MCC 1998; identical to VarianceGamma::dvg), z = x − ct, a = t/ν,
 * k = √(2σ²/ν + θ²): f = 2e^{θz/σ²}/(ν^a√(2π)σΓ(a))·(z²/k²)^{a/2−1/4}·K_{a−½}(|z|k/σ²), in log space with the
 * scaled Bessel function (θz/σ² − |z|k/σ² ≤ 0 always). +∞ at z = 0 when a ≤ ½; NaN-free, null on bad params.
 */
export function vgPdf(x: number, p: VgParams, t = 1): number | null {
  if (!valid(p, t) || !Number.isFinite(x)) return null;
  const a = t / p.nu;
  const s2 = p.sigma * p.sigma;
  const k = Math.sqrt((2 * s2) / p.nu + p.theta * p.theta);
  const z = x - p.c * t;
  const logNorm = -a * Math.log(p.nu) - LN_SQRT_TWO_PI - Math.log(p.sigma) - gammaln(a);
  if (z === 0) {
    if (a <= 0.5) return Infinity;
    return Math.exp(gammaln(a - 0.5) + logNorm + (a - 0.5) * Math.log((2 * s2) / (k * k)));
  }
  const y = (Math.abs(z) * k) / s2;
  const logF = Math.LN2 + (p.theta * z) / s2 - y + logNorm + (a / 2 - 0.25) * Math.log((z * z) / (k * k)) +
    Math.log(besselKScaled(a - 0.5, y));
  return Math.exp(logF);
}

/**
 * VG CDF by the gamma mixture F(x) = ∫₀^∞ Φ((x − ct − θg)/(σ√g))·gammaPdf(g; t/ν, ν) dg (docs/risk.md §3.2), with
 * g = νs and, for shape a < 1, s = w^{1/a} on [0, 1] to remove the s^{a−1} singularity.
 */
export function vgCdf(x: number, p: VgParams, t = 1): number | null {
  return mixture(x, p, t, false);
}

/** 1 − F(x), computed directly (no cancellation in the upper tail). */
export function vgSurvival(x: number, p: VgParams, t = 1): number | null {
  return mixture(x, p, t, true);
}

/** Beyond this gamma shape t/ν the horizon law is Gaussian to many digits and the mixture is not attempted. */
const MAX_SHAPE = 1e5;

function mixture(x: number, p: VgParams, t: number, upper: boolean): number | null {
  if (!valid(p, t) || Number.isNaN(x) || t / p.nu > MAX_SHAPE) return null;
  if (x === Infinity) return upper ? 0 : 1;
  if (x === -Infinity) return upper ? 1 : 0;
  const a = t / p.nu;
  const z = x - p.c * t;
  const sign = upper ? -1 : 1;
  const phi = (s: number): number => {
    if (s <= 0) return sign * z > 0 ? 1 : z === 0 ? 0.5 : 0;
    const g = p.nu * s;
    return normCdf((sign * (z - p.theta * g)) / (p.sigma * Math.sqrt(g)));
  };
  const lg = gammaln(a);
  const dens = (s: number): number => (s > 0 ? Math.exp((a - 1) * Math.log(s) - s - lg) : 0);
  const sMax = a + 60 + 20 * Math.sqrt(a);
  let total = 0;
  let from = 0;
  if (a < 1) {
    const lg1 = gammaln(a + 1);
    total += integrate((w) => { const s = Math.pow(w, 1 / a); return phi(s) * Math.exp(-s - lg1); }, 0, 1);
    from = 1;
  }
  const cuts = [from, Math.max(from, a), Math.max(from, a + 6 * Math.sqrt(a) + 6), sMax].filter((v, i, arr) => i === 0 || v > (arr[i - 1] as number));
  for (let i = 1; i < cuts.length; i++) total += integrate((s) => phi(s) * dens(s), cuts[i - 1] as number, cuts[i] as number);
  return Number.isFinite(total) ? Math.min(1, Math.max(0, total)) : null;
}

export interface VgMoments {
  mean: number;
  variance: number;
  skewness: number;
  excessKurtosis: number;
}

/** Cumulants of X(t) (CGF −(t/ν)ln(1 − θνu − σ²νu²/2)): κ₂ = σ² + νθ², κ₃ = νθ(2νθ² + 3σ²), κ₄ = 3ν(σ⁴ + 4νσ²θ² + 2ν²θ⁴), × t. */
export function vgMoments(p: VgParams, t = 1): VgMoments | null {
  if (!valid(p, t)) return null;
  const { sigma: s, theta: th, nu } = p;
  const k2 = s * s + nu * th * th;
  const k3 = nu * th * (2 * nu * th * th + 3 * s * s);
  const k4 = 3 * nu * (s ** 4 + 4 * nu * s * s * th * th + 2 * nu * nu * th ** 4);
  return { mean: (p.c + th) * t, variance: k2 * t, skewness: (k3 * t) / Math.pow(k2 * t, 1.5), excessKurtosis: (k4 * t) / (k2 * k2 * t * t) };
}

/** Quantile by bisection on the mixture CDF to 1e-14 (R qvg's default tolerance is not usable, docs/risk.md §3.2). */
export function vgQuantile(prob: number, p: VgParams, t = 1): number | null {
  const m = vgMoments(p, t);
  if (m === null || !(prob > 0 && prob < 1)) return null;
  const sd = Math.sqrt(m.variance);
  let lo = m.mean - 10 * sd;
  let hi = m.mean + 10 * sd;
  const F = (x: number): number => vgCdf(x, p, t) as number;
  for (let i = 0; F(lo) > prob && i < 60; i++) lo -= 10 * sd * 2 ** i;
  for (let i = 0; F(hi) < prob && i < 60; i++) hi += 10 * sd * 2 ** i;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(sd, Math.abs(lo)); i++) {
    const mid = 0.5 * (lo + hi);
    if (F(mid) < prob) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Martingale correction ω = (1/ν)ln(1 − θν − σ²ν/2), E[e^{X(t)+ωt}] = 1 for c = 0; null when undefined. */
export function vgMartingaleCorrection(p: VgParams): number | null {
  const arg = 1 - p.theta * p.nu - 0.5 * p.sigma * p.sigma * p.nu;
  return arg > 0 && p.nu > 0 ? Math.log(arg) / p.nu : null;
}

/** VG parameters fitted on bars of `barYears` expressed per year (θ/Δ, σ/√Δ, νΔ, c/Δ). */
export function vgParamsPerYear(p: VgParams, barYears: number): VgParams {
  return { c: p.c / barYears, sigma: p.sigma / Math.sqrt(barYears), theta: p.theta / barYears, nu: p.nu * barYears };
}

export interface VgSampleMoments {
  mean: number;
  /** Divisor n − 1. */
  variance: number;
  /** Σ(x − x̄)³/(n·sd³), sample sd (e1071/DistributionUtils type). */
  skewness: number;
  /** Σ(x − x̄)⁴/(n·var²) − 3, sample variance. */
  excessKurtosis: number;
}

export function vgSampleMoments(x: readonly number[]): VgSampleMoments | null {
  if (x.length < 4) return null;
  const m = mean(x);
  const v = sampleVariance(x);
  if (!(v > 0)) return null;
  let s3 = 0;
  let s4 = 0;
  for (const xi of x) {
    const d = xi - m;
    s3 += d ** 3;
    s4 += d ** 4;
  }
  const n = x.length;
  return { mean: m, variance: v, skewness: s3 / (n * v ** 1.5), excessKurtosis: s4 / (n * v * v) - 3 };
}

export interface VgMomentFit {
  sample: VgSampleMoments;
  /** Seneta (2004) approximation dropping θ² terms: σ = √v, ν = k/3, θ = sσ/(3ν), c = m − θ. */
  approx: VgParams;
  /** Exact solution of (κ₂, skew, exkurt)(σ, θ, ν) = (v, s, k) by Newton from the approximation; null if it fails. */
  exact: VgParams | null;
}

function momentResidual(x: [number, number, number], target: VgSampleMoments): [number, number, number] {
  const m = vgMoments({ c: 0, sigma: x[0], theta: x[1], nu: x[2] }) as VgMoments;
  return [m.variance / target.variance - 1, m.skewness - target.skewness, m.excessKurtosis - target.excessKurtosis];
}

function solve3(J: number[][], r: number[]): number[] | null {
  const [a, b, c] = J as [number[], number[], number[]];
  const det = (m: number[][]): number => {
    const [p, q, s] = m as [number[], number[], number[]];
    return p[0]! * (q[1]! * s[2]! - q[2]! * s[1]!) - p[1]! * (q[0]! * s[2]! - q[2]! * s[0]!) + p[2]! * (q[0]! * s[1]! - q[1]! * s[0]!);
  };
  const d = det([a, b, c]);
  if (!Number.isFinite(d) || Math.abs(d) < 1e-300) return null;
  const col = (i: number): number[][] => [a, b, c].map((row, k) => row.map((v, j) => (j === i ? r[k]! : v)));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}

/** Method-of-moments VG fit (Seneta 2004); needs excess kurtosis > 0. null for unusable samples. */
export function vgFitMoments(x: readonly number[]): VgMomentFit | null {
  const sample = vgSampleMoments(x);
  if (sample === null || !(sample.excessKurtosis > 0)) return null;
  const sigma0 = Math.sqrt(sample.variance);
  const nu0 = sample.excessKurtosis / 3;
  const theta0 = (sample.skewness * sigma0) / (3 * nu0);
  const approx = { c: sample.mean - theta0, sigma: sigma0, theta: theta0, nu: nu0 };
  let v: [number, number, number] = [sigma0, theta0, nu0];
  let exact: VgParams | null = null;
  for (let iter = 0; iter < 100; iter++) {
    const r = momentResidual(v, sample);
    if (Math.max(...r.map(Math.abs)) < 1e-15) {
      exact = { c: sample.mean - v[1], sigma: v[0], theta: v[1], nu: v[2] };
      break;
    }
    const J: number[][] = [[], [], []];
    for (let j = 0; j < 3; j++) {
      const h = 1e-7 * Math.max(Math.abs(v[j] as number), 1e-8);
      const up = [...v] as [number, number, number];
      const dn = [...v] as [number, number, number];
      up[j] = (up[j] as number) + h;
      dn[j] = (dn[j] as number) - h;
      const ru = momentResidual(up, sample);
      const rd = momentResidual(dn, sample);
      for (let i = 0; i < 3; i++) (J[i] as number[])[j] = ((ru[i] as number) - (rd[i] as number)) / (2 * h);
    }
    const step = solve3(J, r.map((q) => -q));
    if (step === null) break;
    v = [v[0] + step[0]!, v[1] + step[1]!, v[2] + step[2]!];
    if (!(v[0] > 0 && v[2] > 0)) break;
  }
  return { sample, approx, exact };
}

/**
 * Lévy bound on the liquidation probability under a VG log price: ln(S_T/S₀) = (μ + ω)T + θG + σW(G) (the
 * fitted location c is replaced by the funding drift μ, as for GBM), P ≤ 2·P(adverse X_T beyond the barrier
 * − drift) (Lévy's maximal inequality; exact as a bound for θ = 0, a heuristic when skewed, docs/risk.md §3.4).
 * Parameters per year. null when undefined (also for T/ν > 1e5, where the caller falls back to Student-t).
 */
export function vgLevyBound(a: { spot: number; barrier: number; side: 'long' | 'short'; years: number; mu: number }, p: VgParams): number | null {
  const omega = vgMartingaleCorrection(p);
  if (omega === null || !(a.spot > 0) || !(a.years > 0)) return null;
  const q = { ...p, c: 0 };
  const drift = (a.mu + omega) * a.years;
  const logB = Math.log(a.barrier / a.spot);
  if (a.side === 'long') {
    const F = vgCdf(logB - drift, q, a.years);
    return F === null ? null : Math.min(1, 2 * F);
  }
  const S = vgSurvival(logB - drift, q, a.years);
  return S === null ? null : Math.min(1, 2 * S);
}
